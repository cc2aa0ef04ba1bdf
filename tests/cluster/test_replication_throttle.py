"""Kafka's replication throttles hold a reassignment's copying near their rate, on real
`strom server` processes: a partition holding 8 MiB on broker 1 gains a replica on broker 2
(AlterPartitionReassignments through kafka-python) with one side's throttle at 1 MB/s
(`leader.replication.throttled.*` on the leader, or `follower.replication.throttled.*` on
the new follower), and the new replica takes about eight seconds to join the ISR. And
`strom cluster rebalance --drain 1 --throttle 1000000` moves such a partition at that rate,
then removes every throttle config it set.

What is asserted is a lower bound only: a throttle cannot make the copy faster, so the copy
must take at least 80% of what the rate allows (the bucket starts with one second's worth),
however slow the machine. The rate achieved is printed.
"""

import os
import subprocess
import time

import pytest
from confluent_kafka import Producer
from confluent_kafka.admin import (AlterConfigOpType, ConfigEntry, ConfigResource,
                                   NewTopic, ResourceType)
from kafka import TopicPartition as KafkaPartition
from kafka.admin import KafkaAdminClient

import cluster_kit as kit
from test_replication import admin, partition_log_bytes, partitions_of

RATE = 1_000_000
RECORDS = 8192
VALUE_BYTES = 1024
CATCH_UP_SECONDS = 120


def set_configs(cluster, resource_type, name, configs):
    entries = [ConfigEntry(k, v, incremental_operation=AlterConfigOpType.SET)
               for k, v in configs.items()]
    client = admin(cluster)  # kept alive until the result is in
    futures = client.incremental_alter_configs(
        [ConfigResource(resource_type, name, incremental_configs=entries)])
    for f in futures.values():
        f.result(timeout=30)


@pytest.mark.parametrize("side", ["leader", "follower"])
def test_a_throttled_reassignment_copies_near_the_rate(cluster_factory, side):
    cluster = cluster_factory(2, env=kit.FAST_FENCING)
    cluster.wait_formed()
    size = fill(cluster, "thr", [[1]])

    throttled_broker = 1 if side == "leader" else 2
    set_configs(cluster, ResourceType.TOPIC, "thr",
                {f"{side}.replication.throttled.replicas": f"0:{throttled_broker}"})
    set_configs(cluster, ResourceType.BROKER, str(throttled_broker),
                {f"{side}.replication.throttled.rate": str(RATE)})
    assert throttles(cluster, ResourceType.BROKER, str(throttled_broker)) == {
        f"{side}.replication.throttled.rate": str(RATE)}
    time.sleep(1)  # every broker has applied the configs

    reassigner = KafkaAdminClient(bootstrap_servers=cluster.bootstrap)
    try:
        started = time.monotonic()
        answers = reassigner.alter_partition_reassignments({KafkaPartition("thr", 0): [1, 2]})
        assert all(e is None for e in answers.values()), answers
        kit.wait_until("broker 2 in the ISR of thr-0",
                       lambda: 2 in partitions_of(cluster, "thr")[0].isrs, CATCH_UP_SECONDS,
                       interval=0.25)
        took = time.monotonic() - started
    finally:
        reassigner.close()
    print(f"\n{side} throttle at {RATE} B/s: {size} bytes copied in {took:.2f} s "
          f"({size / took:,.0f} B/s, {size / took / RATE:.2f} of the rate)")
    allowed_seconds = (size - RATE) / RATE
    assert took >= 0.8 * allowed_seconds, \
        f"{size} bytes copied in {took:.2f} s under a {RATE} B/s {side} throttle"
    kit.wait_until("both copies of thr-0 alike", lambda: partition_log_bytes(
        cluster.node(1), "thr", 0) == partition_log_bytes(cluster.node(2), "thr", 0), 30)


def fill(cluster, topic, assignment):
    """Creates `topic` with `assignment` and writes RECORDS random values to partition 0;
    returns the partition's size in bytes on its first replica."""
    client = admin(cluster)
    client.create_topics([NewTopic(topic, num_partitions=len(assignment), replication_factor=-1,
                                   replica_assignment=assignment)])[topic].result(timeout=30)
    kit.wait_until(f"{topic}: led by broker {assignment[0][0]}", lambda: getattr(
        partitions_of(cluster, topic).get(0), "leader", None) == assignment[0][0], 30)
    producer = Producer({"bootstrap.servers": cluster.bootstrap, "linger.ms": 20})
    for _ in range(RECORDS):
        producer.produce(topic, value=os.urandom(VALUE_BYTES), partition=0)
        producer.poll(0)
    assert producer.flush(60) == 0
    size = len(partition_log_bytes(cluster.node(assignment[0][0]), topic, 0))
    assert size > RECORDS * VALUE_BYTES, size
    return size


def throttles(cluster, resource_type, name):
    """The replication-throttle configs set on a topic or broker (not at their defaults)."""
    client = admin(cluster)
    futures = client.describe_configs([ConfigResource(resource_type, name)])
    entries = next(iter(futures.values())).result(timeout=30)
    return {k: e.value for k, e in entries.items()
            if "replication.throttled" in k and not e.is_default}


def test_strom_cluster_rebalance_throttles_its_moves_and_clears_the_throttle(cluster_factory):
    cluster = cluster_factory(2, env=kit.FAST_FENCING)
    cluster.wait_formed()
    size = fill(cluster, "drained", [[1]])
    started = time.monotonic()
    done = subprocess.run([kit.strom_bin(), "cluster", "rebalance", "--drain", "1",
                           "--throttle", str(RATE), "--bootstrap", cluster.bootstrap],
                          capture_output=True, text=True, timeout=CATCH_UP_SECONDS)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stdout + done.stderr
    assert partitions_of(cluster, "drained")[0].replicas == [2]
    print(f"\nstrom cluster rebalance --throttle {RATE}: {size} bytes moved in {took:.2f} s "
          f"({size / took:,.0f} B/s)")
    assert took >= 0.8 * (size - RATE) / RATE, f"{size} bytes moved in {took:.2f} s"
    left = throttles(cluster, ResourceType.TOPIC, "drained")
    assert left == {}, f"topic drained keeps {left}"
    for broker in ("1", "2"):
        left = throttles(cluster, ResourceType.BROKER, broker)
        assert left == {}, f"broker {broker} keeps {left}"
    # --clear-throttle with nothing set (internal topics included) changes nothing.
    cleared = subprocess.run([kit.strom_bin(), "cluster", "rebalance", "--clear-throttle",
                              "--bootstrap", cluster.bootstrap], capture_output=True, text=True,
                             timeout=60)
    assert cleared.returncode == 0, cleared.stdout + cleared.stderr
