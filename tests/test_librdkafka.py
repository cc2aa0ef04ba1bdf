"""librdkafka (through confluent-kafka) against the real broker: produce and consume with
every codec, keys and headers, every acks level, idempotence, size limits, many partitions,
admin operations and offsets for times."""

import time
import uuid

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

TIMEOUT = 30


def topic_name(prefix="t"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def produce_all(bootstrap, topic, messages, **config):
    """Produces (key, value, headers, partition) tuples; returns the delivery reports."""
    reports = []
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5, **config})
    for key, value, headers, partition in messages:
        kwargs = {"key": key, "value": value, "headers": headers,
                  "on_delivery": lambda err, msg: reports.append((err, msg))}
        if partition is not None:
            kwargs["partition"] = partition
        p.produce(topic, **kwargs)
    left = p.flush(TIMEOUT)
    assert left == 0, f"{left} messages undelivered"
    return reports


def consume(bootstrap, topic, count, partitions=None, **config):
    """Reads `count` messages from the beginning (assigned, no consumer group)."""
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused",
                  "enable.auto.commit": False, "auto.offset.reset": "earliest", **config})
    parts = partitions if partitions is not None else [0]
    c.assign([TopicPartition(topic, p, 0) for p in parts])
    out = []
    deadline = time.monotonic() + TIMEOUT
    while len(out) < count and time.monotonic() < deadline:
        msg = c.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            if msg.error().code() == KafkaError._PARTITION_EOF:
                continue
            raise KafkaException(msg.error())
        out.append(msg)
    c.close()
    return out


def create(bootstrap, topic, partitions=1, config=None):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    fs = admin.create_topics([NewTopic(topic, partitions, 1, config=config or {})])
    fs[topic].result(TIMEOUT)
    return admin


@pytest.mark.parametrize("codec", ["none", "gzip", "snappy", "lz4", "zstd"])
def test_every_codec_round_trips_keys_values_and_headers(broker, codec):
    """A batch compressed with each codec is stored and read back record for record,
    with keys, values and headers intact."""
    topic = topic_name(codec)
    create(broker.bootstrap, topic)
    msgs = [(f"k{i}".encode(), f"value-{i}".encode() * 20, [("h", f"{i}".encode())], 0)
            for i in range(200)]
    reports = produce_all(broker.bootstrap, topic, msgs, **{"compression.type": codec})
    assert all(err is None for err, _ in reports)
    got = consume(broker.bootstrap, topic, 200)
    assert [(m.key(), m.value()) for m in got] == [(k, v) for k, v, _, _ in msgs]
    assert [m.offset() for m in got] == list(range(200))
    assert got[7].headers() == [("h", b"7")]


@pytest.mark.parametrize("acks", ["0", "1", "all"])
def test_every_acks_level_delivers(broker, acks):
    """acks=0, 1 and all each get every message into the log."""
    topic = topic_name(f"acks{acks}")
    create(broker.bootstrap, topic)
    msgs = [(None, f"m{i}".encode(), None, 0) for i in range(50)]
    reports = produce_all(broker.bootstrap, topic, msgs, acks=acks)
    assert all(err is None for err, _ in reports)
    got = consume(broker.bootstrap, topic, 50)
    assert [m.value() for m in got] == [v for _, v, _, _ in msgs]


def test_idempotent_producer_writes_each_message_once(broker):
    """With enable.idempotence, every message lands exactly once, in order."""
    topic = topic_name("idem")
    create(broker.bootstrap, topic)
    msgs = [(None, f"i{i}".encode(), None, 0) for i in range(500)]
    reports = produce_all(broker.bootstrap, topic, msgs, **{
        "enable.idempotence": True, "acks": "all", "batch.num.messages": 20})
    assert all(err is None for err, _ in reports)
    got = consume(broker.bootstrap, topic, 500)
    assert [m.value() for m in got] == [v for _, v, _, _ in msgs]


def test_message_max_bytes_is_enforced(broker):
    """A message just under message.max.bytes is accepted; one over it fails with
    MESSAGE_TOO_LARGE from the broker."""
    topic = topic_name("big")
    create(broker.bootstrap, topic, config={"max.message.bytes": "200000"})
    ok = produce_all(broker.bootstrap, topic, [(None, b"x" * 190_000, None, 0)],
                     **{"message.max.bytes": 10_000_000, "compression.type": "none"})
    assert ok[0][0] is None
    too_big = produce_all(broker.bootstrap, topic, [(None, b"y" * 300_000, None, 0)],
                          **{"message.max.bytes": 10_000_000, "compression.type": "none",
                             "retries": 0})
    assert too_big[0][0] is not None
    assert too_big[0][0].code() == KafkaError.MSG_SIZE_TOO_LARGE
    got = consume(broker.bootstrap, topic, 1)
    assert len(got[0].value()) == 190_000


def test_hundred_partitions(broker):
    """A topic of 100 partitions takes a message in each and serves each back."""
    topic = topic_name("wide")
    create(broker.bootstrap, topic, partitions=100)
    msgs = [(None, f"p{p}".encode(), None, p) for p in range(100)]
    reports = produce_all(broker.bootstrap, topic, msgs)
    assert all(err is None for err, _ in reports)
    assert sorted(msg.partition() for _, msg in reports) == list(range(100))
    got = consume(broker.bootstrap, topic, 100, partitions=range(100))
    assert sorted(m.value() for m in got) == sorted(v for _, v, _, _ in msgs)


def test_admin_create_describe_alter_delete(broker):
    """Topics are created, listed, described, altered and deleted through the admin API,
    with Kafka's error for a duplicate."""
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    topic = topic_name("adm")
    admin.create_topics([NewTopic(topic, 3, 1, config={"retention.ms": "3600000"})])[
        topic].result(TIMEOUT)
    with pytest.raises(KafkaException) as dup:
        admin.create_topics([NewTopic(topic, 3, 1)])[topic].result(TIMEOUT)
    assert dup.value.args[0].code() == KafkaError.TOPIC_ALREADY_EXISTS
    md = admin.list_topics(timeout=TIMEOUT)
    assert len(md.topics[topic].partitions) == 3
    res = ConfigResource(ConfigResource.Type.TOPIC, topic)
    configs = admin.describe_configs([res])[res].result(TIMEOUT)
    assert configs["retention.ms"].value == "3600000"
    assert configs["cleanup.policy"].value == "delete"
    assert configs["cleanup.policy"].is_default
    admin.alter_configs([ConfigResource(ConfigResource.Type.TOPIC, topic,
                                        set_config={"retention.ms": "7200000"})])[
        res].result(TIMEOUT)
    configs = admin.describe_configs([res])[res].result(TIMEOUT)
    assert configs["retention.ms"].value == "7200000"
    admin.create_partitions([NewPartitions(topic, 5)])[topic].result(TIMEOUT)
    assert len(admin.list_topics(timeout=TIMEOUT).topics[topic].partitions) == 5
    admin.delete_topics([topic])[topic].result(TIMEOUT)
    assert topic not in admin.list_topics(timeout=TIMEOUT).topics


def test_offsets_for_times(broker):
    """offsets_for_times finds the first offset at or after a timestamp; earliest and latest
    watermarks match the log."""
    topic = topic_name("times")
    create(broker.bootstrap, topic)
    p = Producer({"bootstrap.servers": broker.bootstrap})
    base = 1_700_000_000_000
    for i in range(10):
        p.produce(topic, value=f"v{i}".encode(), partition=0, timestamp=base + i * 1000)
    assert p.flush(TIMEOUT) == 0
    c = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "unused"})
    found = c.offsets_for_times([TopicPartition(topic, 0, base + 4500)], timeout=TIMEOUT)
    assert found[0].offset == 5
    beyond = c.offsets_for_times([TopicPartition(topic, 0, base + 99_000)], timeout=TIMEOUT)
    assert beyond[0].offset == -1
    assert c.get_watermark_offsets(TopicPartition(topic, 0), timeout=TIMEOUT) == (0, 10)
    c.close()
