"""Three and five `strom server` processes form one cluster: every node lists every broker and
the same controller in Metadata and DescribeCluster; librdkafka, kafka-python and kcat see all
brokers from any bootstrap node; a topic created through one node is served by all, its
partitions spread over the brokers; records produced with acks=all to every partition come
back through another bootstrap node."""

import json
import shutil
import subprocess
import time
import uuid

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient
from kafka import KafkaAdminClient

import cluster_kit as kit

CLIENT_SECONDS = 30


def topic_name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def assert_every_node_lists_every_broker(cluster):
    """Each node's own Metadata and DescribeCluster name every node at its address, a live
    broker as controller_id (as Kafka's KRaft brokers do) and one cluster id; DescribeQuorum
    through every node names the same active controller, with every node a voter."""
    expected = {n.node_id: (n.host, n.port) for n in cluster.nodes}
    active, cluster_ids = set(), set()
    for n in cluster.nodes:
        m = kit.metadata(n.addr)
        assert {i: b[:2] for i, b in m["brokers"].items()} == expected, n.node_id
        assert m["controller"] in expected, (n.node_id, m["controller"])
        d = kit.describe_cluster(n.addr)
        assert d["error"] == kit.NONE, d
        assert {i: b[:2] for i, b in d["brokers"].items()} == expected, n.node_id
        assert d["controller"] in expected, (n.node_id, d)
        cluster_ids.add(d["cluster_id"])
        q = kit.describe_quorum(n.addr)
        assert q["error"] == kit.NONE and q["partition_error"] == kit.NONE, q
        assert q["voters"] == sorted(expected), q
        active.add(q["leader"])
    assert len(active) == 1 and active <= set(expected), active
    assert cluster_ids == {cluster.cluster_id}, cluster_ids


def assert_clients_see_every_broker(cluster):
    ids = sorted(cluster.ids())
    for n in cluster.nodes:
        admin = AdminClient({"bootstrap.servers": n.addr})
        md = admin.list_topics(timeout=CLIENT_SECONDS)
        assert sorted(md.brokers) == ids, f"librdkafka via node {n.node_id}: {md.brokers}"
        assert md.controller_id in ids, md.controller_id

        kp = KafkaAdminClient(bootstrap_servers=n.addr, request_timeout_ms=CLIENT_SECONDS * 1000)
        try:
            described = kp.describe_cluster()
        finally:
            kp.close()
        got = sorted(b["broker_id"] for b in described["brokers"])
        assert got == ids, f"kafka-python via node {n.node_id}: {described}"
        assert described["controller_id"] in ids, described


def assert_kcat_sees_every_broker(cluster):
    ids = sorted(cluster.ids())
    for n in cluster.nodes:
        out = subprocess.run(["kcat", "-b", n.addr, "-L", "-J", "-m", "20"],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        listing = json.loads(out.stdout)
        assert sorted(b["id"] for b in listing["brokers"]) == ids, listing["brokers"]
        assert listing["controllerid"] in ids, listing


def produce_to_every_partition(bootstrap, topic, partitions, per_partition):
    errors = []
    p = Producer({"bootstrap.servers": bootstrap, "acks": "all", "linger.ms": 5,
                  "enable.idempotence": True})
    sent = {}
    for part in range(partitions):
        for i in range(per_partition):
            value = f"{part}-{i}".encode()
            sent.setdefault(part, []).append(value)
            p.produce(topic, value=value, partition=part,
                      on_delivery=lambda err, msg: err and errors.append(err))
    left = p.flush(CLIENT_SECONDS)
    assert left == 0, f"{left} records undelivered"
    assert not errors, errors
    return sent


def consume_every_partition(bootstrap, topic, partitions, count):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused",
                  "enable.auto.commit": False, "enable.partition.eof": False})
    c.assign([TopicPartition(topic, p, 0) for p in range(partitions)])
    got = {}
    deadline = time.monotonic() + CLIENT_SECONDS
    total = 0
    try:
        while total < count and time.monotonic() < deadline:
            msg = c.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise KafkaException(msg.error())
            got.setdefault(msg.partition(), []).append(msg.value())
            total += 1
    finally:
        c.close()
    return got


def check_topic_round_trip(cluster, partitions):
    """A topic created through the last node is served by every node with its partitions
    led by every broker; acks=all records to each partition, produced through node 1, are
    read back in order through the last node."""
    creator, reader = cluster.nodes[-1], cluster.nodes[-1]
    name = topic_name("spread")
    error, message = kit.create_topic(creator.addr, name, partitions=partitions)
    assert error == kit.NONE, (error, message)
    cluster.wait_topic_everywhere(name, partitions)
    leaders = {v[0] for v in kit.metadata(cluster.nodes[0].addr)["topics"][name]
               ["partitions"].values()}
    assert leaders == set(cluster.ids()), f"leaders {leaders} for {partitions} partitions"
    sent = produce_to_every_partition(cluster.nodes[0].addr, name, partitions, 10)
    got = consume_every_partition(reader.addr, name, partitions, 10 * partitions)
    assert got == sent


def test_three_nodes_list_every_broker_and_one_controller(cluster3):
    # Every node answers Metadata and DescribeCluster for the whole cluster.
    assert_every_node_lists_every_broker(cluster3)


def test_librdkafka_and_kafka_python_see_every_broker_from_any_node(cluster3):
    # Bootstrapping from any one node, both client libraries learn all three brokers.
    assert_clients_see_every_broker(cluster3)


@pytest.mark.skipif(shutil.which("kcat") is None, reason="kcat not installed")
def test_kcat_sees_every_broker_from_any_node(cluster3):
    # kcat -L through each node lists three brokers and a controller among them.
    assert_kcat_sees_every_broker(cluster3)


def test_a_topic_created_through_one_node_is_served_by_all(cluster3):
    # CreateTopics sent to a node that is not the controller is forwarded and committed;
    # every node then serves the topic, and records round-trip through other nodes.
    controller = kit.active_controller(cluster3.nodes[0].addr)
    other = next(n for n in cluster3.nodes if n.node_id != controller)
    name = topic_name("forwarded")
    error, message = kit.create_topic(other.addr, name, partitions=2)
    assert error == kit.NONE, (error, message)
    cluster3.wait_topic_everywhere(name, 2)
    check_topic_round_trip(cluster3, partitions=6)


def test_describe_quorum_is_answered_at_every_version(cluster3):
    # DescribeQuorum v0-v2 are advertised; each gets an answer (v0 and v1 cannot carry the
    # v2-only Nodes field, so it must be left out, not fail the encoding).
    for version in (0, 1, 2):
        try:
            error = kit.describe_quorum_error(cluster3.nodes[0].addr, version)
        except (OSError, kit.ProtocolError) as e:
            error = repr(e)
        assert error == kit.NONE, f"DescribeQuorum v{version}: {error}"


def test_replication_factor_above_the_live_brokers_is_refused(cluster3):
    # Three live brokers cannot hold four replicas: INVALID_REPLICATION_FACTOR, and no topic.
    name = topic_name("rf4")
    error, _ = kit.create_topic(cluster3.nodes[1].addr, name, replication_factor=4)
    assert error == kit.INVALID_REPLICATION_FACTOR
    assert name not in kit.metadata(cluster3.nodes[0].addr)["topics"]


def test_five_nodes_form_and_serve_from_any_node(cluster5):
    # The same promises hold with five voters: every view, every client, every partition.
    assert_every_node_lists_every_broker(cluster5)
    assert_clients_see_every_broker(cluster5)
    if shutil.which("kcat"):
        assert_kcat_sees_every_broker(cluster5)
    check_topic_round_trip(cluster5, partitions=10)
