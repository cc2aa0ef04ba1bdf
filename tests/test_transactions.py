"""Transactions and producer state with real clients against the real broker."""

import uuid

from confluent_kafka import Consumer, Producer, TopicPartition

TIMEOUT = 30


def name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_describe_producers_reports_idempotent_producers(broker):
    """kafka-python's describe_producers (DescribeProducers) lists the idempotent librdkafka
    producer that wrote a partition, with its epoch and last sequence, and no open
    transaction."""
    from kafka import TopicPartition as KTopicPartition
    from kafka.admin import KafkaAdminClient, NewTopic

    topic = name("producers")
    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap, request_timeout_ms=10_000)
    admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    p = Producer({"bootstrap.servers": broker.bootstrap, "enable.idempotence": True})
    for i in range(10):
        p.produce(topic, str(i).encode(), partition=0)
    assert p.flush(TIMEOUT) == 0
    states = admin.describe_producers([KTopicPartition(topic, 0)])
    [producer] = states[KTopicPartition(topic, 0)].active_producers
    assert producer.producer_id >= 0 and producer.producer_epoch == 0
    assert producer.last_sequence == 9
    assert producer.current_transaction_start_offset == -1
    admin.close()


def test_read_committed_reads_everything_without_transactions(broker):
    """With no transaction open, the last stable offset is the high watermark: a
    read_committed consumer sees every record and the same latest offset."""
    topic = name("rc")
    p = Producer({"bootstrap.servers": broker.bootstrap})
    for i in range(20):
        p.produce(topic, str(i).encode(), partition=0)
    assert p.flush(TIMEOUT) == 0
    c = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": name("g"),
                  "isolation.level": "read_committed", "auto.offset.reset": "earliest"})
    c.assign([TopicPartition(topic, 0, 0)])
    got = []
    while len(got) < 20:
        m = c.poll(TIMEOUT)
        assert m is not None
        if not m.error():
            got.append(int(m.value()))
    assert got == list(range(20))
    assert c.get_watermark_offsets(TopicPartition(topic, 0), timeout=10) == (0, 20)
    c.close()
