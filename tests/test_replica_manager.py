"""The replica manager's delayed fetch, seen from a real client: a librdkafka consumer
long-polling one partition of a 1,000-partition topic is woken by a record appended to its
partition, within its fetch.wait.max.ms, and never by appends to the other 999.

Wake-ups are counted from the broker's debug log line for a woken parked fetch."""

import time

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

PARTITIONS = 1000
WAIT_MS = 5000
LOG_FILTER = "info,strom_broker::replica_manager::fetch=debug"


def wakeups(broker):
    return broker.log_path.read_text(errors="replace").count("parked fetch woken")


def test_a_long_poll_wakes_only_for_its_own_partition(broker_factory):
    broker = broker_factory(env={"STROM_LOG": LOG_FILTER})
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    topic = "wide"
    admin.create_topics([NewTopic(topic, PARTITIONS, 1)])[topic].result(timeout=120)

    consumer = Consumer({
        "bootstrap.servers": broker.bootstrap,
        "group.id": "unused",
        "enable.auto.commit": False,
        "fetch.wait.max.ms": WAIT_MS,
        "fetch.min.bytes": 1,
    })
    consumer.assign([TopicPartition(topic, 0, 0)])
    # Let the consumer start its first long poll on the empty partition.
    assert consumer.poll(2.0) is None
    before = wakeups(broker)

    producer = Producer({"bootstrap.servers": broker.bootstrap, "acks": "all",
                         "linger.ms": 0})
    acked = []
    for p in range(1, 200):
        producer.produce(topic, value=b"elsewhere", partition=p,
                         on_delivery=lambda err, msg: acked.append(err))
    producer.flush(60)
    assert len(acked) == 199 and all(e is None for e in acked)
    assert consumer.poll(1.0) is None
    assert wakeups(broker) == before, "appends to other partitions woke the parked fetch"

    sent = time.monotonic()
    producer.produce(topic, value=b"mine", partition=0)
    producer.flush(60)
    msg = None
    while msg is None and time.monotonic() - sent < 30:
        msg = consumer.poll(0.1)
    latency_ms = (time.monotonic() - sent) * 1000
    assert msg is not None and msg.error() is None and msg.value() == b"mine"
    # Well inside one long poll: the append woke the parked fetch rather than its timeout.
    assert latency_ms < WAIT_MS, f"delivered after {latency_ms:.0f} ms"
    assert wakeups(broker) > before
    consumer.close()
