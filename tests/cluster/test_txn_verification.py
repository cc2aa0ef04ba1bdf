"""KIP-890's verification guard, between real processes in network namespaces (netns.py).

The fault suite's seed 11 found it (docs/faults.md, "Fixed: a verification answered after
the abort"): a partition leader asked the transaction coordinator, on another broker, whether
a transactional write's partition was in the producer's transaction; the answer ("yes") was
held up on the network; meanwhile the transaction was aborted and its abort marker written to
that leader; then the answer arrived and the write was appended after its own transaction's
marker. It opened a transaction nobody would end, and the producer's next commit marker
committed it: a read_committed reader read an aborted record.

Here the same sequence is made to happen every time, with a raw client (no client library
would send a transaction's write and its abort concurrently on purpose): the leader's
namespace drops what the coordinator's listener sends it (answers to the leader's own
requests) while the coordinator's requests to the leader (the marker) pass. The write must
be refused with INVALID_TXN_STATE, and the partition must hold the marker alone.

The internal topic `__transaction_state` has one replica here, so the coordinator's own
writes never wait on the leader whose answers are held up."""

import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from confluent_kafka import Consumer, TopicPartition

import cluster_kit as kit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile_kit as raw  # noqa: E402

TOPIC = "guarded"
INVALID_TXN_STATE = 48
RETRIABLE = {14, 15, 16, 51}  # load in progress, not available, not coordinator, concurrent
REQUEST_SECONDS = 30


@pytest.fixture
def iptables_network(network):
    """The suite's `network` (conftest.py), where iptables can hold traffic up."""
    if subprocess.run(["which", "iptables"], capture_output=True).returncode != 0:
        pytest.skip("no iptables (scripts/cluster-tests.sh installs it when run as root)")
    return network


def call(addr, frame, parse, retry=False, wait=REQUEST_SECONDS):
    """Sends `frame` to `addr` and parses the answer; with `retry`, again while the answer's
    error (the first value `parse` returns) is a retriable coordinator error."""
    deadline = time.monotonic() + wait
    while True:
        answer = parse(kit._exchange(addr, frame, REQUEST_SECONDS))
        if not (retry and answer[0] in RETRIABLE) or time.monotonic() > deadline:
            return answer
        time.sleep(0.3)


def i64(r):
    return struct.unpack(">q", r.take(8))[0]


def init_producer_id(addr, tid):
    """InitProducerId v0: (error, producer id, epoch)."""
    body = raw.string(tid) + raw.i32(60_000)

    def parse(r):
        r.i32()
        return r.i16(), i64(r), r.i16()
    return call(addr, raw.request(22, 0, body), parse, retry=True)


def add_partition(addr, tid, pid, epoch, partition):
    """AddPartitionsToTxn v0 for one partition of TOPIC: (error,)."""
    body = raw.string(tid) + raw.i64(pid) + raw.i16(epoch)
    body += raw.array([raw.string(TOPIC) + raw.array([raw.i32(partition)])])

    def parse(r):
        r.i32()
        topics = r.array(lambda: (r.string(), r.array(lambda: (r.i32(), r.i16()))))
        return (topics[0][1][0][1],)
    return call(addr, raw.request(24, 0, body), parse, retry=True)


def end_txn(addr, tid, pid, epoch, commit):
    """EndTxn v0: (error,)."""
    body = raw.string(tid) + raw.i64(pid) + raw.i16(epoch) + raw.i8(1 if commit else 0)

    def parse(r):
        r.i32()
        return (r.i16(),)
    return call(addr, raw.request(26, 0, body), parse, retry=True)


def produce(addr, tid, pid, epoch, partition, sequence, value):
    """Produce v3 of one transactional record to TOPIC: (error, base offset)."""
    records = raw.batch(raw.record(0, value), 1, attributes=raw.TRANSACTIONAL,
                        producer_id=pid, producer_epoch=epoch, base_sequence=sequence)
    body = raw.string(tid) + raw.i16(1) + raw.i32(REQUEST_SECONDS * 1000)
    body += raw.array([raw.string(TOPIC) + raw.array(
        [raw.i32(partition) + raw.i32(len(records)) + records])])

    def parse(r):
        topics = r.array(lambda: (r.string(), r.array(
            lambda: (r.i32(), r.i16(), i64(r), i64(r)))))
        _, error, base_offset, _ = topics[0][1][0]
        return error, base_offset
    return call(addr, raw.request(0, 3, body), parse)


def iptables(net, index, *rule):
    out = subprocess.run([*net.prefix(index), "iptables", *rule], capture_output=True,
                         text=True, timeout=10)
    assert out.returncode == 0, out.stderr


def offsets(cluster, partition, isolation):
    """(log start, end) of TOPIC's `partition` at `isolation` (the high watermark, or the last
    stable offset for read_committed), from its leader."""
    c = Consumer({"bootstrap.servers": cluster.bootstrap, "group.id": "guard-probe",
                  "isolation.level": isolation, "enable.auto.commit": False})
    try:
        return c.get_watermark_offsets(TopicPartition(TOPIC, partition), timeout=10,
                                       cached=False)
    finally:
        c.close()


def records_read(cluster, partition):
    """Every data record of TOPIC's `partition`, read_uncommitted."""
    c = Consumer({"bootstrap.servers": cluster.bootstrap, "group.id": "guard-reader",
                  "isolation.level": "read_uncommitted", "enable.auto.commit": False,
                  "enable.partition.eof": True})
    try:
        c.assign([TopicPartition(TOPIC, partition, 0)])
        values, deadline = [], time.monotonic() + 20
        while time.monotonic() < deadline:
            m = c.poll(0.5)
            if m is None:
                continue
            if m.error():
                if m.error().code() == -191:  # partition EOF
                    return values
                continue
            values.append(m.value())
        raise AssertionError(f"no end of partition {partition} in 20 s")
    finally:
        c.close()


def test_a_verification_answered_after_the_abort_marker_writes_nothing(iptables_network,
                                                                        cluster_factory):
    network = iptables_network
    env = {**kit.FAST_FENCING, "STROM_TRANSACTION_STATE_LOG_REPLICATION_FACTOR": "1"}
    cluster = cluster_factory(3, hosts=network.addresses, env=env,
                              prefixes=[network.prefix(i) for i in range(3)])
    cluster.wait_formed()
    leaders = kit.create_led_topic(cluster.bootstrap, TOPIC, 3, rf=1)
    first = cluster.nodes[0].addr
    for i in range(100):
        tid = f"guard-{i}"
        coordinator = kit.find_coordinator(first, tid, key_type=1)
        partition = next((p for p, node in leaders.items() if node != coordinator), None)
        if partition is not None:
            break
    leader = leaders[partition]
    at_coordinator = cluster.node(coordinator).addr
    at_leader = cluster.node(leader).addr
    error, pid, epoch = init_producer_id(at_coordinator, tid)
    assert error == 0, f"InitProducerId answered {error}"

    # A first transaction commits normally, and leaves the leader connected to the
    # coordinator (a connection made while answers are dropped would not come up at all,
    # and the question would only be asked after the abort).
    assert add_partition(at_coordinator, tid, pid, epoch, partition) == (0,)
    assert produce(at_leader, tid, pid, epoch, partition, 0, b"first") == (0, 0)
    assert end_txn(at_coordinator, tid, pid, epoch, commit=True) == (0,)
    kit.wait_until("the first commit marker", lambda: offsets(
        cluster, partition, "read_committed")[1] == 2, 20)

    # The second transaction's write: the leader asks the coordinator, and the coordinator's
    # answer is held up (the leader's namespace drops what the coordinator's listener sends
    # it: answers to the leader's own requests). The coordinator's requests still pass.
    assert add_partition(at_coordinator, tid, pid, epoch, partition) == (0,)
    coordinator_ip = network.addresses[coordinator - 1]
    hold = ["INPUT", "-s", coordinator_ip, "-p", "tcp", "--sport", "9092", "-j", "DROP"]
    iptables(network, leader - 1, "-I", *hold)
    held = True
    try:
        answer = {}
        writer = threading.Thread(target=lambda: answer.update(
            produce=produce(at_leader, tid, pid, epoch, partition, 1, b"late")))
        writer.start()
        time.sleep(1.5)  # the leader has asked, and the coordinator has answered "yes"
        assert writer.is_alive(), f"the write was answered, its answer held up: {answer}"
        # The transaction is aborted, and its marker written to the leader.
        assert end_txn(at_coordinator, tid, pid, epoch, commit=False) == (0,)
        kit.wait_until("the abort marker on the leader",
                       lambda: offsets(cluster, partition, "read_uncommitted")[1] == 3, 20)
        # The "yes" arrives.
        iptables(network, leader - 1, "-D", *hold)
        held = False
        writer.join(REQUEST_SECONDS + 10)
        assert not writer.is_alive(), "the held-up write was never answered"
    finally:
        if held:
            iptables(network, leader - 1, "-D", *hold)

    error, base_offset = answer["produce"]
    assert error == INVALID_TXN_STATE, (
        f"the write verified before its abort marker was answered {error} at offset "
        f"{base_offset}, not INVALID_TXN_STATE")
    # The partition ends with the abort marker: nothing was appended after it, no transaction
    # is left open (the last stable offset is the end), and only the committed record reads.
    assert offsets(cluster, partition, "read_uncommitted") == (0, 3)
    assert offsets(cluster, partition, "read_committed") == (0, 3)
    assert records_read(cluster, partition) == [b"first"]

    # The producer's next transaction there, asked anew, is written and commits.
    assert add_partition(at_coordinator, tid, pid, epoch, partition) == (0,)
    assert produce(at_leader, tid, pid, epoch, partition, 1, b"next") == (0, 3)
    assert end_txn(at_coordinator, tid, pid, epoch, commit=True) == (0,)
    kit.wait_until("the last commit marker", lambda: offsets(
        cluster, partition, "read_committed")[1] == 5, 20)
    assert records_read(cluster, partition) == [b"first", b"next"]
