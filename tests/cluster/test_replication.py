"""Partition data replicated across real broker processes (replication factor 3).

- SIGKILL of a partition's leader while an idempotent acks=all producer writes: the
  controller elects an in-sync follower, the producer carries on, and every acknowledged
  record is read back once, at the offset it was acknowledged with. The killed broker,
  restarted, catches up, rejoins the ISR (AlterPartition), and its copy of every partition
  holds the same batches as the leader's.
- min.insync.replicas: with a replica shut down (it leaves the ISR at once), acks=all is
  refused with NOT_ENOUGH_REPLICAS and nothing is written, acks=1 still succeeds but is not
  visible while the ISR is below the minimum (KIP-966's strict min ISR); once the replica is
  back in the ISR, the acks=1 record is visible and acks=all succeeds again.
- A leader that lost its leadership with records the others never got (acks=1 tail)
  truncates them when it returns as a follower: every replica ends with the same log.
"""

import os
import signal
import threading
import time
from pathlib import Path

from confluent_kafka import Consumer, ElectionType, KafkaError, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

import cluster_kit as kit

FAST_FENCING = kit.FAST_FENCING
TOPIC_READY_SECONDS = 30
CATCH_UP_SECONDS = 60


def admin(cluster):
    return AdminClient({"bootstrap.servers": cluster.bootstrap})


def create_replicated(cluster, name, partitions=3, configs=None):
    client = admin(cluster)  # kept alive until the result is in
    futures = client.create_topics(
        [NewTopic(name, num_partitions=partitions, replication_factor=3, config=configs or {})])
    futures[name].result(timeout=30)
    kit.wait_until(f"{name}: every partition with a full ISR",
                   lambda: full_isr(cluster, name, partitions), TOPIC_READY_SECONDS)


def partitions_of(cluster, name):
    md = admin(cluster).list_topics(name, timeout=10)
    topic = md.topics.get(name)
    if topic is None or topic.error is not None:
        return {}
    return topic.partitions


def full_isr(cluster, name, partitions):
    found = partitions_of(cluster, name)
    return len(found) == partitions and all(
        len(p.isrs) == 3 and p.leader >= 0 for p in found.values())


def leader_of(cluster, name, partition):
    return partitions_of(cluster, name)[partition].leader


def consume_all(cluster, name, partitions, quiet_seconds=6, limit_seconds=60):
    """Every record of the topic: value -> [(partition, offset)]."""
    c = Consumer({"bootstrap.servers": cluster.bootstrap, "group.id": f"check-{time.time()}",
                  "enable.auto.commit": False, "auto.offset.reset": "earliest"})
    c.assign([TopicPartition(name, p, 0) for p in range(partitions)])
    seen = {}
    started = last = time.monotonic()
    try:
        while time.monotonic() - last < quiet_seconds and time.monotonic() - started < limit_seconds:
            m = c.poll(0.5)
            if m is None or m.error():
                continue
            last = time.monotonic()
            seen.setdefault(m.value().decode(), []).append((m.partition(), m.offset()))
    finally:
        c.close()
    return seen


def partition_log_bytes(node, name, partition):
    """The partition's records as this node holds them: its segments, concatenated."""
    d = Path(node.data_dir) / f"{name}-{partition}"
    return b"".join(p.read_bytes() for p in sorted(d.glob("*.log")))


def wait_replicas_identical(cluster, name, partitions):
    def identical():
        for p in range(partitions):
            copies = {n.node_id: partition_log_bytes(n, name, p) for n in cluster.nodes}
            if len(set(copies.values())) != 1:
                return False
        return True

    def detail():
        return {p: {n.node_id: len(partition_log_bytes(n, name, p)) for n in cluster.nodes}
                for p in range(partitions)}

    kit.wait_until(f"{name}: every replica holding the same batches", identical,
                   CATCH_UP_SECONDS, interval=0.5, detail=detail)


class Writer:
    """An idempotent acks=all producer writing numbered values in a thread."""

    def __init__(self, cluster, name, acks="all"):
        config = {"bootstrap.servers": cluster.bootstrap, "acks": acks,
                  "enable.idempotence": acks == "all", "linger.ms": 5,
                  "message.timeout.ms": 60000}
        if os.environ.get("RDKAFKA_DEBUG"):
            config["debug"] = os.environ["RDKAFKA_DEBUG"]
        self.producer = Producer(config)
        self.name = name
        self.acked = {}
        self.failed = []
        self.sent = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def delivered(self, err, msg):
        if err:
            self.failed.append(str(err))
        else:
            self.acked[msg.value().decode()] = (msg.partition(), msg.offset())

    def run(self):
        while not self.stop.is_set():
            self.producer.produce(self.name, key=str(self.sent), value=f"v{self.sent}",
                                  on_delivery=self.delivered)
            self.sent += 1
            self.producer.poll(0)
            time.sleep(0.002)
        self.producer.flush(90)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(120)


def test_killing_a_leader_loses_no_acknowledged_record_and_the_replica_catches_up(cluster_factory):
    cluster = cluster_factory(3, env=FAST_FENCING)
    cluster.wait_formed()
    create_replicated(cluster, "rep", partitions=3)
    with Writer(cluster, "rep") as writer:
        time.sleep(2)
        victim = cluster.node(leader_of(cluster, "rep", 0))
        acked_before = len(writer.acked)
        victim.kill()
        kit.wait_until("partition 0 led by a survivor",
                       lambda: leader_of(cluster, "rep", 0) not in (-1, victim.node_id), 30)
        time.sleep(3)
    assert acked_before > 0
    assert not writer.failed, writer.failed[:5]
    assert len(writer.acked) == writer.sent, (len(writer.acked), writer.sent)
    seen = consume_all(cluster, "rep", 3)
    lost = [v for v in writer.acked if v not in seen]
    assert not lost, f"{len(lost)} acknowledged records lost, e.g. {lost[:5]}"
    twice = {v: at for v, at in seen.items() if len(at) > 1}
    assert not twice, f"records at two offsets: {list(twice.items())[:5]}"
    moved = {v: (writer.acked[v], seen[v][0]) for v in writer.acked if seen[v][0] != writer.acked[v]}
    assert not moved, f"records not at their acknowledged offsets: {list(moved.items())[:5]}"
    print(f"\nreplication: {len(writer.acked)} records acknowledged ({acked_before} before the "
          f"leader's SIGKILL), none lost")

    cluster.restart(victim)
    kit.wait_until("the restarted broker back in every ISR",
                   lambda: full_isr(cluster, "rep", 3), CATCH_UP_SECONDS)
    wait_replicas_identical(cluster, "rep", 3)

    # ElectLeaders (kafka-leader-election --election-type preferred): the restarted broker,
    # first in partition 0's replica list, leads it again; partitions already led by their
    # preferred replica need no election.
    partition0 = partitions_of(cluster, "rep")[0]
    assert partition0.replicas[0] == victim.node_id
    client = admin(cluster)
    wanted = [TopicPartition("rep", p) for p in range(3)]
    results = client.elect_leaders(ElectionType.PREFERRED, wanted).result(timeout=30)
    codes = {tp.partition: (err.code() if err is not None else None)
             for tp, err in results.items()}
    assert codes[0] is None, codes
    assert all(codes[p] in (None, KafkaError.ELECTION_NOT_NEEDED) for p in (1, 2)), codes
    kit.wait_until("partition 0 led by its preferred replica again",
                   lambda: leader_of(cluster, "rep", 0) == victim.node_id, 15)


def kafka_python_produce(cluster, name, acks):
    """One record through kafka-python with no retries: None, or the error's class name."""
    from kafka import KafkaProducer
    from kafka.errors import KafkaError as PyKafkaError
    producer = KafkaProducer(bootstrap_servers=cluster.bootstrap.split(","), acks=acks,
                             retries=0, request_timeout_ms=10000)
    try:
        producer.send(name, b"x").get(timeout=15)
        return None
    except PyKafkaError as e:
        return type(e).__name__
    finally:
        producer.close(5)


def test_acks_all_needs_min_insync_replicas_in_the_isr(cluster_factory):
    cluster = cluster_factory(3, env=FAST_FENCING)
    cluster.wait_formed()
    create_replicated(cluster, "strict", partitions=1, configs={"min.insync.replicas": "3"})
    assert kafka_python_produce(cluster, "strict", "all") is None
    leader = leader_of(cluster, "strict", 0)
    follower = next(n for n in cluster.nodes if n.node_id != leader)
    assert follower.stop(signal.SIGTERM) == 0
    kit.wait_until("the stopped replica out of the ISR",
                   lambda: len(partitions_of(cluster, "strict")[0].isrs) == 2, 20)
    before = sum(len(v) for v in consume_all(cluster, "strict", 1, quiet_seconds=3).values())
    assert kafka_python_produce(cluster, "strict", "all") == "NotEnoughReplicasError"
    assert kafka_python_produce(cluster, "strict", 1) is None
    # Below min.insync.replicas the high watermark stands still (KIP-966's strict minimum,
    # which keeps the replicas that left eligible leaders): the acks=1 record is not visible.
    during = sum(len(v) for v in consume_all(cluster, "strict", 1, quiet_seconds=3).values())
    assert during == before, "a record appeared while the ISR was below min.insync.replicas"
    cluster.restart(follower)
    kit.wait_until("the replica back in the ISR", lambda: full_isr(cluster, "strict", 1),
                   CATCH_UP_SECONDS)
    after = sum(len(v) for v in consume_all(cluster, "strict", 1, quiet_seconds=3).values())
    assert after == before + 1, "the refused acks=all record was written, or the acks=1 one lost"
    assert kafka_python_produce(cluster, "strict", "all") is None


def test_a_deposed_leader_truncates_what_the_new_leader_never_had(cluster_factory):
    cluster = cluster_factory(3, env=FAST_FENCING)
    cluster.wait_formed()
    create_replicated(cluster, "diverge", partitions=1)
    leader = cluster.node(leader_of(cluster, "diverge", 0))
    others = [n for n in cluster.nodes if n is not leader]
    # Pause the followers, so the leader alone takes acks=1 records; then kill it. The
    # followers resume, one is elected without those records, and more records follow. The
    # pause outlasts a parked follower fetch (replica.fetch.wait.max.ms, 500 ms), which would
    # otherwise carry the records into a paused follower's socket, and stays well inside the
    # session timeout, so the followers stay in the ISR.
    for n in others:
        n.send(signal.SIGSTOP)
    time.sleep(1.0)
    try:
        p = Producer({"bootstrap.servers": leader.addr, "acks": "1", "linger.ms": 0})
        for i in range(50):
            p.produce("diverge", value=f"lonely-{i}")
        assert p.flush(15) == 0
    finally:
        leader.kill()
        for n in others:
            n.send(signal.SIGCONT)
    kit.wait_until("a new leader", lambda: leader_of(cluster, "diverge", 0)
                   not in (-1, leader.node_id), 30)
    with Writer(cluster, "diverge") as writer:
        time.sleep(2)
    assert not writer.failed, writer.failed[:5]
    cluster.restart(leader)
    kit.wait_until("the deposed leader back in the ISR",
                   lambda: full_isr(cluster, "diverge", 1), CATCH_UP_SECONDS)
    wait_replicas_identical(cluster, "diverge", 1)
    seen = consume_all(cluster, "diverge", 1)
    assert all(v in seen for v in writer.acked)
    assert not any(v.startswith("lonely-") for v in seen), "unreplicated records survived"
    assert "truncating log" in leader.log_path.read_text()


def test_a_consumer_reads_from_the_in_sync_replica_in_its_rack(cluster_factory):
    """KIP-392 with replica.selector.class=RackAwareReplicaSelector: the leader points a
    consumer naming its client.rack at the in-sync follower in that rack, which serves it up
    to its high watermark; librdkafka's fetch log shows the move."""
    env = dict(FAST_FENCING,
               STROM_REPLICA_SELECTOR_CLASS="org.apache.kafka.common.replica.RackAwareReplicaSelector")
    cluster = cluster_factory(3, start=False, env=env)
    for n in cluster.nodes:
        n.env["STROM_BROKER_RACK"] = f"rack-{n.node_id}"
    cluster.start()
    cluster.wait_formed()
    create_replicated(cluster, "near", partitions=1)
    p = Producer({"bootstrap.servers": cluster.bootstrap, "acks": "all"})
    for i in range(200):
        p.produce("near", value=f"n{i}")
    assert p.flush(30) == 0
    leader = leader_of(cluster, "near", 0)
    follower = next(n.node_id for n in cluster.nodes if n.node_id != leader)
    logs = []
    c = Consumer({"bootstrap.servers": cluster.bootstrap, "group.id": "near-reader",
                  "auto.offset.reset": "earliest", "client.rack": f"rack-{follower}",
                  "debug": "fetch", "logger": LogCapture(logs)})
    c.subscribe(["near"])
    got = set()
    deadline = time.monotonic() + 60
    try:
        while len(got) < 200 and time.monotonic() < deadline:
            m = c.poll(0.5)
            if m is not None and not m.error():
                got.add(m.value().decode())
    finally:
        c.close()
    assert len(got) == 200
    moved = [line for line in logs if "preferred replica" in line.lower()]
    assert any(f"{follower}" in line for line in moved), moved[:5] or logs[-5:]


class LogCapture:
    """A logging.Logger stand-in for librdkafka's `logger`: keeps each line."""

    def __init__(self, lines):
        self.lines = lines

    def log(self, level, fmt, *args):
        self.lines.append(fmt % args if args else fmt)
