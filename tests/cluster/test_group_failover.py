"""A consumer group whose coordinator's broker is killed (three real `strom server`
processes, `__consumer_offsets` with three replicas; librdkafka through confluent-kafka, and
kafka-python).

Three members consume and commit after every batch while a producer writes; the broker that
coordinates the group is SIGKILLed. Static members (`group.instance.id`) are run too. The group's `__consumer_offsets` partition gets a new
leader, which loads the group; the members find it and carry on. Checked, for the classic
protocol (range, cooperative-sticky; librdkafka and kafka-python) and for KIP-848
(`group.protocol=consumer`):

- every acknowledged record is consumed (none skipped);
- every member keeps its partitions: the new coordinator loads the group (members,
  generation or member epochs, assignment) and no partition is revoked;
- records are re-read only around the failover: at most what was consumed but not yet
  committed, which with a commit after every batch is a batch per partition per rebalance;
- the group's committed offsets end at each partition's end, on the new coordinator.
"""

import os
import threading
import time
import uuid

import pytest
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition

import cluster_kit as kit

PARTITIONS = 6
MEMBERS = 3
BATCH = 50
TIMEOUT = 30


@pytest.fixture
def cluster(fast_cluster3):
    return fast_cluster3


class Writer(threading.Thread):
    def __init__(self, bootstrap, topic):
        super().__init__(daemon=True)
        self.producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True,
                                  "linger.ms": 5, "message.timeout.ms": 60000})
        self.topic, self.acked, self.stop = topic, set(), threading.Event()

    def delivered(self, err, msg):
        if err is None:
            self.acked.add(msg.value().decode())

    def run(self):
        n = 0
        while not self.stop.is_set():
            self.producer.produce(self.topic, value=f"v{n}", partition=n % PARTITIONS,
                                  on_delivery=self.delivered)
            n += 1
            self.producer.poll(0.005)
        self.producer.flush(60)


class Member(threading.Thread):
    """Consumes, then commits each batch synchronously (at-least-once)."""

    def __init__(self, bootstrap, topic, group, protocol, assignor, instance_id=None):
        super().__init__(daemon=True)
        config = {"bootstrap.servers": bootstrap, "group.id": group,
                  "enable.auto.commit": False, "auto.offset.reset": "earliest",
                  "socket.connection.setup.timeout.ms": 3000,
                  "reconnect.backoff.max.ms": 1000, "topic.metadata.refresh.interval.ms": 2000}
        if instance_id:
            config["group.instance.id"] = instance_id
        if os.environ.get("RDKAFKA_DEBUG"):
            config["debug"] = os.environ["RDKAFKA_DEBUG"]
        if protocol == "consumer":
            config["group.protocol"] = "consumer"
        else:
            config.update({"session.timeout.ms": 10000, "heartbeat.interval.ms": 1000,
                           "partition.assignment.strategy": assignor})
        self.consumer = Consumer(config)
        self.topic = topic
        self.seen = []  # values, in the order consumed
        self.revocations = []  # times partitions were taken from this member
        # The partitions assigned to it now; replaced, never changed in place, as the test's
        # thread reads it.
        self.holding = frozenset()
        self.failed_commits = 0
        self.stop = threading.Event()

    def run(self):
        def assigned(consumer, partitions):
            self.holding = self.holding | {p.partition for p in partitions}

        def revoked(consumer, partitions):
            if partitions:
                self.revocations.append(time.monotonic())
            self.holding = self.holding - {p.partition for p in partitions}

        self.consumer.subscribe([self.topic], on_assign=assigned, on_revoke=revoked)
        try:
            while not self.stop.is_set():
                msgs = [m for m in self.consumer.consume(BATCH, 0.5) if not m.error()]
                if not msgs:
                    continue
                self.seen += [m.value().decode() for m in msgs]
                try:
                    self.consumer.commit(asynchronous=False)
                except KafkaException:
                    self.failed_commits += 1  # outcome unknown; the next commit covers it
        finally:
            self.consumer.close()


class PythonMember(threading.Thread):
    """The same member with kafka-python (classic protocol, range)."""

    def __init__(self, bootstrap, topic, group):
        super().__init__(daemon=True)
        from kafka import KafkaConsumer
        from kafka.consumer.subscription_state import ConsumerRebalanceListener

        member = self

        class Listener(ConsumerRebalanceListener):
            def on_partitions_assigned(self, assigned):
                member.holding = member.holding | {p.partition for p in assigned}

            def on_partitions_revoked(self, revoked):
                if revoked:
                    member.revocations.append(time.monotonic())
                member.holding = member.holding - {p.partition for p in revoked}

        self.consumer = KafkaConsumer(
            bootstrap_servers=bootstrap.split(","), group_id=group,
            auto_offset_reset="earliest", enable_auto_commit=False,
            session_timeout_ms=10000, heartbeat_interval_ms=1000,
            request_timeout_ms=15000, reconnect_backoff_max_ms=1000,
            metadata_max_age_ms=2000)
        self.listener = Listener()
        self.topic = topic
        self.seen = []
        self.revocations = []
        self.holding = frozenset()
        self.failed_commits = 0
        self.stop = threading.Event()

    def run(self):
        from kafka.errors import KafkaError

        self.consumer.subscribe([self.topic], listener=self.listener)
        try:
            while not self.stop.is_set():
                batches = self.consumer.poll(timeout_ms=500, max_records=BATCH)
                values = [r.value.decode() for rs in batches.values() for r in rs]
                if not values:
                    continue
                self.seen += values
                try:
                    self.consumer.commit()
                except KafkaError:
                    self.failed_commits += 1
        finally:
            self.consumer.close()


def consumed(members):
    return sum(len(m.seen) for m in members)


def settled(members):
    """Every member holds partitions and together they hold each once: the group's first
    rebalance is over. Consuming is not enough: under KIP-848 the first member to join can
    consume everything while the others wait for it to revoke at its next heartbeat (5 s
    apart by default), and a kill in that window leaves a revocation for after it."""
    held = [p for m in members for p in m.holding]
    return all(m.holding for m in members) and sorted(held) == list(range(PARTITIONS))


@pytest.mark.parametrize("protocol,assignor,static", [
    ("classic", "range", False), ("classic", "cooperative-sticky", False),
    ("consumer", None, False), ("classic", "range", True), ("kafka-python", "range", False)])
def test_a_group_survives_its_coordinators_broker(cluster, protocol, assignor, static):
    cluster.wait_formed()
    topic = f"gf-{protocol}-{assignor or 'server'}{'-static' if static else ''}"
    group = f"group-{uuid.uuid4()}"
    kit.create_led_topic(cluster.bootstrap, topic, PARTITIONS)
    writer = Writer(cluster.bootstrap, topic)
    writer.start()
    if protocol == "kafka-python":
        members = [PythonMember(cluster.bootstrap, topic, group) for _ in range(MEMBERS)]
    else:
        members = [Member(cluster.bootstrap, topic, group, protocol, assignor,
                          f"member-{i}" if static else None)
                   for i in range(MEMBERS)]
    for m in members:
        m.start()
    kit.wait_until("the members consuming", lambda: consumed(members) > 600, 60)
    kit.wait_until("every member holding its partitions", lambda: settled(members), 60,
                   detail=lambda: [sorted(m.holding) for m in members])
    coordinator = kit.find_coordinator(cluster.nodes[0].addr, group)
    victim = cluster.node(coordinator)
    others = [n for n in cluster.nodes if n is not victim]
    # Settled: every member consuming, no rebalance in progress.
    time.sleep(3)
    killed_at = time.monotonic()
    victim.kill()
    before = consumed(members)
    kit.wait_until("the members consuming again after the kill",
                   lambda: consumed(members) > before + 600, 90)
    moved = kit.find_coordinator(others[0].addr, group)
    assert moved != coordinator
    writer.stop.set()
    writer.join(90)
    kit.wait_until("every acknowledged record consumed",
                   lambda: writer.acked <= {v for m in members for v in m.seen}, 90,
                   detail=lambda: len(writer.acked - {v for m in members for v in m.seen}))
    time.sleep(2)  # the last batches' commits
    stopped_at = time.monotonic()
    for m in members:
        m.stop.set()
    for m in members:
        m.join(30)
    cluster.restart(victim)
    # Each member keeps its partitions through the move (closing revokes them, later).
    revoked = sum(1 for m in members for t in m.revocations if killed_at <= t < stopped_at)
    assert revoked == 0, f"{revoked} revocations after the coordinator's broker was killed"
    everything = [v for m in members for v in m.seen]
    repeats = len(everything) - len(set(everything))
    # Re-reads come only from batches consumed but not committed when the group moved:
    # a batch per partition, for each of a few rebalances.
    assert repeats <= 4 * BATCH * PARTITIONS, f"{repeats} records consumed twice"
    check = Consumer({"bootstrap.servers": others[0].addr, "group.id": group})
    try:
        committed = check.committed([TopicPartition(topic, p) for p in range(PARTITIONS)],
                                    TIMEOUT)
        ends = [check.get_watermark_offsets(TopicPartition(topic, p), TIMEOUT)[1]
                for p in range(PARTITIONS)]
    finally:
        check.close()
    assert [tp.offset for tp in committed] == ends
