"""Nodes with one role: three voters of which one is controller-only (no client listener,
never a broker), plus a broker-only node that follows the metadata log as an observer (a Raft
learner added by the active controller). Clients use the broker-only node like any other:
topics are created through it, it leads its share of partitions and serves their records,
DescribeQuorum lists it as an observer, and after a SIGKILL it restarts, rejoins and catches
up on what changed while it was down."""

import signal
import time

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewPartitions

import cluster_kit as kit

CLIENT_SECONDS = 30


def start_roles_cluster(cluster_factory):
    """Nodes 1 and 2 combined, node 3 controller-only (the voters), node 4 broker-only."""
    cluster = cluster_factory(3, start=False)
    port, controller_port = kit.free_ports(2)
    observer = kit.Node(4, "127.0.0.1", port, controller_port, cluster.base_dir / "node-4",
                        cluster.base_dir / "node-4.log")
    cluster.nodes.append(observer)  # stopped at teardown with the others
    roles = {1: (), 2: (), 3: ("--roles", "controller"), 4: ("--roles", "broker")}
    for n in cluster.nodes:
        n.spawn(cluster.voters, cluster.cluster_id, roles[n.node_id])
    for n in cluster.nodes:
        n.wait_listening()
    brokers = [cluster.node(1), cluster.node(2), observer]
    cluster.wait_formed(nodes=brokers, expect=[1, 2, 4], voters=[1, 2, 3])
    return cluster, brokers, observer


def produce(bootstrap, topic, partition, values):
    errors = []
    p = Producer({"bootstrap.servers": bootstrap, "acks": "all", "linger.ms": 5})
    for v in values:
        p.produce(topic, value=v, partition=partition,
                  on_delivery=lambda err, msg: err and errors.append(err))
    assert p.flush(CLIENT_SECONDS) == 0, "records undelivered"
    assert not errors, errors


def consume(bootstrap, topic, partition, count):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused",
                  "enable.auto.commit": False})
    c.assign([TopicPartition(topic, partition, 0)])
    got = []
    deadline = time.monotonic() + CLIENT_SECONDS
    try:
        while len(got) < count and time.monotonic() < deadline:
            msg = c.poll(0.5)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise KafkaException(msg.error())
            got.append(msg.value())
    finally:
        c.close()
    return got


def observer_quorum(addr):
    """DescribeQuorum through `addr` once it lists node 4 as an observer that has answered
    the leader (a last-fetch time), else None."""
    q = kit.describe_quorum(addr)
    if q["error"] != kit.NONE or q["observers"] != [4]:
        return None
    return q if q["replicas"][4][1] > 0 else None


def test_a_broker_only_node_serves_clients_and_a_controller_only_node_does_not(
        cluster_factory):
    # Only brokers are listed; the controller-only node is a voter in DescribeQuorum, the
    # broker-only node an observer; every follower has a last-fetch and caught-up time.
    cluster, brokers, observer = start_roles_cluster(cluster_factory)
    for n in brokers:
        assert sorted(kit.metadata(n.addr)["brokers"]) == [1, 2, 4]
        assert sorted(kit.describe_cluster(n.addr)["brokers"]) == [1, 2, 4]
    q = kit.wait_until("node 4 listed as an observer", lambda: observer_quorum(observer.addr),
                       timeout=15)
    assert q["voters"] == [1, 2, 3], q
    now_ms = time.time() * 1000
    for replica, (log_end, fetched, caught_up) in q["replicas"].items():
        assert log_end > 0, (replica, q)
        assert now_ms - 15_000 < fetched <= now_ms + 1_000, (replica, q)
        assert now_ms - 15_000 < caught_up <= now_ms + 1_000, (replica, q)
    # The controller-only node has no client listener.
    try:
        kit.metadata(cluster.node(3).addr, timeout=2)
        raise AssertionError("the controller-only node answered a client")
    except OSError:
        pass

    # A topic created through the broker-only node spreads over the three brokers only.
    error, message = kit.create_topic(observer.addr, "roles", partitions=6)
    assert error == kit.NONE, (error, message)
    cluster.wait_topic_everywhere("roles", 6, nodes=brokers)
    parts = kit.metadata(observer.addr)["topics"]["roles"]["partitions"]
    leaders = {p: v[0] for p, v in parts.items()}
    assert set(leaders.values()) == {1, 2, 4}, leaders
    mine = min(p for p, leader in leaders.items() if leader == 4)

    # CreatePartitions with explicit assignments takes any registered, unfenced broker
    # (through the broker-only node: one new partition on it, one on node 1); the
    # controller-only node is no broker, so an assignment naming it is refused.
    admin = AdminClient({"bootstrap.servers": observer.addr})
    grown = admin.create_partitions([NewPartitions("roles", 8, [[4], [1]])])
    grown["roles"].result(CLIENT_SECONDS)
    cluster.wait_topic_everywhere("roles", 8, nodes=brokers)
    parts = kit.metadata(cluster.node(2).addr)["topics"]["roles"]["partitions"]
    assert (parts[6][:2], parts[7][:2]) == ((4, (4,)), (1, (1,))), parts
    refused = admin.create_partitions([NewPartitions("roles", 9, [[3]])])
    try:
        refused["roles"].result(CLIENT_SECONDS)
        raise AssertionError("an assignment to the controller-only node was taken")
    except KafkaException as e:
        assert e.args[0].code() == KafkaError.INVALID_REPLICA_ASSIGNMENT, e

    # The broker-only node serves its partition's records.
    values = [f"r{i}".encode() for i in range(20)]
    produce(observer.addr, "roles", mine, values)
    assert consume(observer.addr, "roles", mine, len(values)) == values

    # SIGKILLed, it misses a topic; restarted, it rejoins as the same observer, catches up,
    # leads its partition again and still has its records.
    observer.stop(signal.SIGKILL)
    error, message = kit.create_topic(cluster.node(1).addr, "while-down", partitions=2)
    assert error == kit.NONE, (error, message)
    observer.spawn(cluster.voters, cluster.cluster_id, ("--roles", "broker"))
    observer.wait_listening()
    cluster.wait_formed(nodes=brokers, expect=[1, 2, 4], voters=[1, 2, 3])
    kit.wait_until("node 4 serves the topic created while it was down",
                   lambda: "while-down" in kit.metadata(observer.addr)["topics"], timeout=15)
    kit.wait_until("node 4 leads its partition again",
                   lambda: kit.metadata(observer.addr)["topics"]["roles"]["partitions"]
                   [mine][0] == 4, timeout=15)
    assert consume(observer.addr, "roles", mine, len(values)) == values
    q = kit.wait_until("node 4 an observer again", lambda: observer_quorum(observer.addr),
                       timeout=15)
    assert q["voters"] == [1, 2, 3] and q["observers"] == [4], q
    assert kit.view(observer.addr) == kit.view(cluster.node(1).addr)
