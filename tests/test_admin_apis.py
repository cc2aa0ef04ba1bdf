"""DeleteRecords, DescribeCluster and DescribeLogDirs through independent admin clients:
librdkafka's (confluent-kafka) and kafka-python's."""

import time
import uuid

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic
from kafka.admin import KafkaAdminClient

TIMEOUT = 30


def topic_name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def create_and_fill(broker, topic, count, partitions=1):
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    admin.create_topics([NewTopic(topic, partitions, 1)])[topic].result(TIMEOUT)
    p = Producer({"bootstrap.servers": broker.bootstrap, "linger.ms": 2})
    for i in range(count):
        p.produce(topic, value=f"v{i}".encode() * 10, partition=0)
    assert p.flush(TIMEOUT) == 0
    return admin


def watermarks(broker, topic):
    c = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "unused",
                  "enable.auto.commit": False})
    try:
        return c.get_watermark_offsets(TopicPartition(topic, 0), timeout=TIMEOUT)
    finally:
        c.close()


def first_offset_read(broker, topic):
    c = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "unused",
                  "enable.auto.commit": False, "auto.offset.reset": "earliest"})
    c.assign([TopicPartition(topic, 0, -2)])
    try:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            msg = c.poll(0.5)
            if msg is not None and not msg.error():
                return msg.offset()
        return None
    finally:
        c.close()


def test_delete_records_moves_the_log_start_and_hides_older_records(broker):
    """delete_records up to offset 4 returns low watermark 4, the earliest offset becomes 4
    and a consumer starting from the beginning first reads offset 4; deleting beyond the
    high watermark is refused with OFFSET_OUT_OF_RANGE."""
    topic = topic_name("delrec")
    admin = create_and_fill(broker, topic, 10)
    result = admin.delete_records([TopicPartition(topic, 0, 4)])
    deleted = result[TopicPartition(topic, 0, 4)].result(TIMEOUT)
    assert deleted.low_watermark == 4
    assert watermarks(broker, topic) == (4, 10)
    assert first_offset_read(broker, topic) == 4

    beyond = admin.delete_records([TopicPartition(topic, 0, 99)])
    try:
        beyond[TopicPartition(topic, 0, 99)].result(TIMEOUT)
        raised = None
    except Exception as e:  # noqa: BLE001 - the client wraps the broker's error
        raised = e
    assert raised is not None and "OFFSET_OUT_OF_RANGE" in str(raised)
    assert watermarks(broker, topic) == (4, 10)


def test_describe_cluster_names_this_node_as_broker_and_controller(broker):
    """describe_cluster returns the cluster id from meta.properties, this node as the only
    broker at the address the client used, and this node as controller."""
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    cluster = admin.describe_cluster(request_timeout=TIMEOUT).result(TIMEOUT)
    props = (broker.data_dir / "meta.properties").read_text()
    assert f"cluster.id={cluster.cluster_id}" in props
    assert [(n.id, n.host, n.port) for n in cluster.nodes] == [(1, "127.0.0.1", broker.port)]
    assert cluster.controller.id == 1


def test_describe_log_dirs_reports_partition_sizes(broker):
    """kafka-python's describe_log_dirs lists the data directory with every partition of a
    topic and a size that grows with what was produced."""
    topic = topic_name("logdirs")
    create_and_fill(broker, topic, 20, partitions=2)
    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap)
    try:
        result = admin.describe_log_dirs()
    finally:
        admin.close()
    text = repr(result)
    assert str(broker.data_dir.name) in text, text
    assert topic in text, text
    flat = []

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
            flat.append(x)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
    walk(result)
    sizes = {}
    for d in flat:
        if d.get("name") == topic or d.get("topic") == topic:
            for p in d.get("partitions", []):
                sizes[p["partition_index"]] = p["partition_size"]
    assert set(sizes) == {0, 1}, text
    assert sizes[0] > 200 and sizes[1] == 0, sizes
