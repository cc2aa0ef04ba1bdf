"""Restarts and crashes: what a client was told is stored stays stored, and offsets
continue where they left off."""

import signal
import time
import uuid

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

TIMEOUT = 30


def produce(bootstrap, topic, values, acks):
    acked = []
    p = Producer({"bootstrap.servers": bootstrap, "acks": acks, "linger.ms": 2})
    for v in values:
        p.produce(topic, value=v, partition=0,
                  on_delivery=lambda err, msg: acked.append(msg.offset()) if err is None else None)
    assert p.flush(TIMEOUT) == 0
    return acked


def read_all(bootstrap, topic):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused",
                  "enable.auto.commit": False, "enable.partition.eof": True})
    c.assign([TopicPartition(topic, 0, 0)])
    out = []
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        msg = c.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            if msg.error().code() == KafkaError._PARTITION_EOF:
                break
            raise RuntimeError(msg.error())
        out.append((msg.offset(), msg.value()))
    c.close()
    return out


def create(bootstrap, topic):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(TIMEOUT)


def test_restart_keeps_records_and_offsets_continue(broker):
    """After a clean restart every acknowledged record is there, the topic keeps its id, and
    the next produced record gets the next offset."""
    topic = f"restart-{uuid.uuid4().hex[:8]}"
    create(broker.bootstrap, topic)
    first = [f"r{i}".encode() for i in range(100)]
    assert len(produce(broker.bootstrap, topic, first, "1")) == 100
    broker.restart()
    offsets = produce(broker.bootstrap, topic, [b"after"], "1")
    assert offsets == [100]
    got = read_all(broker.bootstrap, topic)
    assert [v for _, v in got] == first + [b"after"]


def test_sigkill_after_acks_all_loses_nothing_acknowledged(broker):
    """Records acknowledged with acks=all survive a SIGKILL of the broker."""
    topic = f"crash-{uuid.uuid4().hex[:8]}"
    create(broker.bootstrap, topic)
    values = [f"c{i}".encode() * 10 for i in range(300)]
    acked = produce(broker.bootstrap, topic, values, "all")
    assert len(acked) == 300
    broker.restart(sig=signal.SIGKILL)
    got = read_all(broker.bootstrap, topic)
    assert [v for _, v in got][: len(values)] == values
