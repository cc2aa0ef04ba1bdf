"""Transactions across brokers (three real `strom server` processes, librdkafka through
confluent-kafka): the transaction coordinator is one broker, the partitions a transaction
writes are led by all three.

- Each partition leader checks a transactional write with the coordinator on another broker
  (KIP-890 verification, AddPartitionsToTxn from broker to broker), and the coordinator
  writes the commit or abort markers to every leader (WriteTxnMarkers from broker to
  broker): read_committed readers see exactly the committed transactions, and every
  partition's last stable offset reaches its end.
- A consume-transform-produce loop commits its input offsets in the transaction
  (send_offsets_to_transaction): the marker reaches the group's `__consumer_offsets` leader,
  wherever it is, and the group's committed offsets are the input's end.
- Killing the transaction coordinator's broker (SIGKILL) with a transaction open, or just
  as EndTxn is sent: a new coordinator is elected for the id, the producer's transaction
  fails or commits as a whole, the next transactions commit, and read_committed readers
  never see part of one.
- Killing the leader of a partition inside an open transaction: the commit's marker reaches
  the partition's new leader.
"""

import threading
import time
import uuid

import pytest
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition

import cluster_kit as kit

PARTITIONS = 6
TIMEOUT = 30


@pytest.fixture
def cluster(fast_cluster3):
    return fast_cluster3


def create_topic(cluster, name, partitions=PARTITIONS):
    return kit.create_led_topic(cluster.bootstrap, name, partitions)


def producer(cluster, transactional_id):
    p = Producer({"bootstrap.servers": cluster.bootstrap, "transactional.id": transactional_id,
                  "transaction.timeout.ms": 20000, "message.timeout.ms": 20000,
                  "socket.connection.setup.timeout.ms": 3000,
                  "reconnect.backoff.max.ms": 1000})
    p.init_transactions(TIMEOUT)
    return p


def commit_or_recover(cluster, tid, p):
    """Commits p's open transaction while its coordinator may be dying. Returns the producer
    to go on with (a new one for the id when p was fenced or failed fatally) and what became
    of the commit ("committed", or the error)."""
    try:
        p.commit_transaction(TIMEOUT)
        return p, "committed"
    except KafkaException as e:
        err = e.args[0]
        if err.txn_requires_abort():
            p.abort_transaction(TIMEOUT)
        elif not err.retriable():
            p = producer(cluster, tid)
        return p, f"failed: {e}"


def read_all(cluster, name, isolation, partitions=PARTITIONS, quiet=4, limit=60):
    """Every value of the topic at this isolation level, and each partition's end as the
    reader found it (the last stable offset for read_committed)."""
    c = Consumer({"bootstrap.servers": cluster.bootstrap, "group.id": f"read-{uuid.uuid4()}",
                  "enable.auto.commit": False, "isolation.level": isolation,
                  "auto.offset.reset": "earliest", "enable.partition.eof": True})
    c.assign([TopicPartition(name, p, 0) for p in range(partitions)])
    values, at_end = [], set()
    started = last = time.monotonic()
    try:
        while (len(at_end) < partitions or time.monotonic() - last < quiet) \
                and time.monotonic() - started < limit:
            m = c.poll(0.5)
            if m is None:
                continue
            last = time.monotonic()
            if m.error():
                if m.error().code() == -191:  # _PARTITION_EOF
                    at_end.add(m.partition())
                continue
            values.append(m.value().decode())
    finally:
        c.close()
    return values, at_end


def test_markers_and_verification_reach_every_leader(cluster):
    topic = "txn-across"
    leaders = create_topic(cluster, topic)
    assert len(set(leaders.values())) == 3, f"leaders not spread: {leaders}"
    p = producer(cluster, "across-1")
    committed, aborted = [], []
    for n in range(12):
        p.begin_transaction()
        values = [f"t{n}-p{part}" for part in range(PARTITIONS)]
        for part, v in enumerate(values):
            p.produce(topic, value=v, partition=part)
        if n % 3 == 2:
            p.flush(TIMEOUT)  # written, then aborted (abort alone purges what is queued)
            p.abort_transaction(TIMEOUT)
            aborted += values
        else:
            p.commit_transaction(TIMEOUT)
            committed += values
    p.flush(TIMEOUT)
    seen, at_end = read_all(cluster, topic, "read_committed")
    assert at_end == set(range(PARTITIONS)), "read_committed never reached a partition's end"
    assert sorted(seen) == sorted(committed)
    everything, _ = read_all(cluster, topic, "read_uncommitted")
    assert sorted(everything) == sorted(committed + aborted)


def test_offsets_committed_in_a_transaction_reach_the_groups_coordinator(cluster):
    source, sink = "eos-in", "eos-out"
    create_topic(cluster, source, partitions=3)
    create_topic(cluster, sink, partitions=3)
    feed = Producer({"bootstrap.servers": cluster.bootstrap, "enable.idempotence": True})
    for n in range(300):
        feed.produce(source, value=f"in-{n}", partition=n % 3)
    assert feed.flush(TIMEOUT) == 0
    group = "eos-copy"
    c = Consumer({"bootstrap.servers": cluster.bootstrap, "group.id": group,
                  "enable.auto.commit": False, "auto.offset.reset": "earliest",
                  "isolation.level": "read_committed"})
    c.subscribe([source])
    p = producer(cluster, "copy-1")
    copied = 0
    deadline = time.monotonic() + 90
    try:
        while copied < 300 and time.monotonic() < deadline:
            msgs = [m for m in c.consume(100, 1.0) if not m.error()]
            if not msgs:
                continue
            p.begin_transaction()
            for m in msgs:
                p.produce(sink, value=m.value().decode().replace("in-", "out-"),
                          partition=m.partition())
            p.send_offsets_to_transaction(c.position(c.assignment()),
                                          c.consumer_group_metadata(), TIMEOUT)
            p.commit_transaction(TIMEOUT)
            copied += len(msgs)
    finally:
        c.close()
    assert copied == 300
    out, _ = read_all(cluster, sink, "read_committed", partitions=3)
    assert sorted(out) == sorted(f"out-{n}" for n in range(300))
    check = Consumer({"bootstrap.servers": cluster.bootstrap, "group.id": group})
    try:
        offsets = check.committed([TopicPartition(source, part) for part in range(3)], TIMEOUT)
    finally:
        check.close()
    assert {tp.partition: tp.offset for tp in offsets} == {0: 100, 1: 100, 2: 100}


def test_a_killed_transaction_coordinator_leaves_no_partial_transaction(cluster):
    topic = "txn-coordinator-kill"
    create_topic(cluster, topic)
    tid = "killed-coordinator"
    p = producer(cluster, tid)
    # One committed transaction first, so the id's state is in __transaction_state.
    p.begin_transaction()
    for part in range(PARTITIONS):
        p.produce(topic, value=f"before-p{part}", partition=part)
    p.commit_transaction(TIMEOUT)
    victim = cluster.node(kit.find_coordinator(cluster.nodes[0].addr, tid, key_type=1))
    p.begin_transaction()
    for part in range(PARTITIONS):
        p.produce(topic, value=f"open-p{part}", partition=part)
    p.flush(TIMEOUT)
    victim.kill()
    p, outcome = commit_or_recover(cluster, tid, p)
    # The id goes on, under its new coordinator.
    p.begin_transaction()
    for part in range(PARTITIONS):
        p.produce(topic, value=f"after-p{part}", partition=part)
    p.commit_transaction(TIMEOUT)
    cluster.restart(victim)
    seen, at_end = read_all(cluster, topic, "read_committed")
    assert at_end == set(range(PARTITIONS))
    opened = [v for v in seen if v.startswith("open-")]
    assert len(opened) in (0, PARTITIONS), f"part of a transaction visible ({outcome}): {opened}"
    assert sorted(v for v in seen if v.startswith("before-")) == \
        sorted(f"before-p{part}" for part in range(PARTITIONS))
    assert sorted(v for v in seen if v.startswith("after-")) == \
        sorted(f"after-p{part}" for part in range(PARTITIONS))


def test_markers_reach_a_partitions_new_leader(cluster):
    """The leader of a partition in an open transaction is SIGKILLed: the commit's marker goes
    to the partition's new leader, and the records become visible to read_committed."""
    topic = "txn-leader-kill"
    leaders = create_topic(cluster, topic)
    tid = "leader-kill"
    coordinator = kit.find_coordinator(cluster.nodes[0].addr, tid, key_type=1)
    p = producer(cluster, tid)
    victim_id = next(leader for leader in leaders.values() if leader != coordinator)
    victim = cluster.node(victim_id)
    led = [part for part, leader in leaders.items() if leader == victim_id]
    p.begin_transaction()
    for part in range(PARTITIONS):
        p.produce(topic, value=f"open-p{part}", partition=part)
    assert p.flush(TIMEOUT) == 0
    victim.kill()
    p.commit_transaction(TIMEOUT)
    others = [n for n in cluster.nodes if n is not victim]
    kit.wait_until("the victim's partitions led elsewhere", lambda: all(
        kit.metadata(others[0].addr)["topics"][topic]["partitions"][part][0] != victim_id
        for part in led), TIMEOUT)
    seen, at_end = read_all(cluster, topic, "read_committed")
    cluster.restart(victim)
    assert at_end == set(range(PARTITIONS))
    assert sorted(seen) == sorted(f"open-p{part}" for part in range(PARTITIONS))


def test_a_coordinator_killed_as_it_commits_ends_the_transaction_whole(cluster):
    """SIGKILL of the transaction coordinator's broker right after EndTxn is sent: the
    transaction ends committed or aborted, never in part, and the id goes on."""
    topic = "txn-endtxn-kill"
    create_topic(cluster, topic)
    tid = "endtxn-kill"
    p = producer(cluster, tid)
    victim = cluster.node(kit.find_coordinator(cluster.nodes[0].addr, tid, key_type=1))
    p.begin_transaction()
    for part in range(PARTITIONS):
        p.produce(topic, value=f"ending-p{part}", partition=part)
    assert p.flush(TIMEOUT) == 0
    killer = threading.Timer(0.005, victim.kill)
    killer.start()
    p, outcome = commit_or_recover(cluster, tid, p)
    killer.join()
    p.begin_transaction()
    p.produce(topic, value="next", partition=0)
    p.commit_transaction(TIMEOUT)
    cluster.restart(victim)
    seen, at_end = read_all(cluster, topic, "read_committed")
    assert at_end == set(range(PARTITIONS))
    ending = [v for v in seen if v.startswith("ending-")]
    assert len(ending) in (0, PARTITIONS), f"part of a transaction visible ({outcome}): {ending}"
    if outcome == "committed":
        assert len(ending) == PARTITIONS
    assert "next" in seen
