"""Consumer groups with real clients against the real broker: librdkafka (classic protocol
with range, roundrobin and cooperative-sticky, and KIP-848 `group.protocol=consumer`),
kafka-python and aiokafka. Members run as separate processes (tests/group_worker.py) so they
can join, leave cleanly, or be killed with SIGKILL while a producer writes a numbered
sequence; committed offsets must then cover everything and nothing may be skipped."""

import signal
import struct
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

WORKER = Path(__file__).resolve().parent / "group_worker.py"
TIMEOUT = 60
# Test brokers skip the 3 s wait for more members and expire KIP-848 sessions quickly, so a
# killed member's partitions move within seconds.
GROUP_ENV = {
    "STROM_GROUP_INITIAL_REBALANCE_DELAY_MS": "0",
    "STROM_GROUP_CONSUMER_SESSION_TIMEOUT_MS": "6000",
    "STROM_GROUP_CONSUMER_HEARTBEAT_INTERVAL_MS": "500",
}


def name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def gbroker(broker_factory):
    return broker_factory(env=GROUP_ENV)


def create_topic(bootstrap, topic, partitions):
    from confluent_kafka.admin import AdminClient, NewTopic

    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, partitions, 1)])[topic].result(timeout=TIMEOUT)


def produce_sequence(bootstrap, topic, count, seconds, done):
    """Writes values 0..count-1 (keyed, so spread over partitions) over about `seconds`."""
    from confluent_kafka import Producer

    producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5, "acks": "all"})
    pause = seconds / count
    for i in range(count):
        producer.produce(topic, key=str(i).encode(), value=str(i).encode())
        producer.poll(0)
        time.sleep(pause)
    assert producer.flush(TIMEOUT) == 0
    done.set()


class Worker:
    """One group member process; its output file lists what it consumed."""

    def __init__(self, tmp, lib, bootstrap, topic, group, **opts):
        self.out = Path(tmp) / f"{name('w')}.txt"
        args = [sys.executable, str(WORKER), lib, bootstrap, topic, group, str(self.out)]
        for key, value in opts.items():
            args += [f"--{key.replace('_', '-')}", str(value)]
        self.proc = subprocess.Popen(args)

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        self.proc.wait(timeout=TIMEOUT)

    def lines(self):
        if not self.out.exists():
            return []
        return self.out.read_text().splitlines()

    def records(self):
        return [tuple(int(x) for x in line.split()) for line in self.lines()
                if line and not line.startswith("#")]

    def events(self):
        return [line for line in self.lines() if line.startswith("#")]


def consumed_values(workers):
    return [r[2] for w in workers for r in w.records()]


def wait_for(predicate, timeout=TIMEOUT, step=0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def committed_offsets(bootstrap, group, topic, partitions):
    from confluent_kafka import ConsumerGroupTopicPartitions, TopicPartition
    from confluent_kafka.admin import AdminClient

    admin = AdminClient({"bootstrap.servers": bootstrap})
    request = ConsumerGroupTopicPartitions(
        group, [TopicPartition(topic, p) for p in range(partitions)])
    result = admin.list_consumer_group_offsets([request])[group].result(timeout=TIMEOUT)
    return {tp.partition: tp.offset for tp in result.topic_partitions}


def end_offsets(bootstrap, topic, partitions):
    from confluent_kafka import Consumer, TopicPartition

    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "probe"})
    ends = {p: c.get_watermark_offsets(TopicPartition(topic, p), timeout=10)[1]
            for p in range(partitions)}
    c.close()
    return ends


def churn(broker, tmp_path, lib, **opts):
    """Three members share a 12-partition topic while a producer writes 0..N-1; one more
    joins, one leaves cleanly, one is killed (its session expires), another joins. At the end
    every value was consumed and the committed offsets reach every partition's end."""
    topic, group, partitions, count = name("churn"), name("g"), 12, 3000
    create_topic(broker.bootstrap, topic, partitions)
    done = threading.Event()
    producer = threading.Thread(
        target=produce_sequence, args=(broker.bootstrap, topic, count, 8.0, done))
    producer.start()
    start = lambda: Worker(tmp_path, lib, broker.bootstrap, topic, group, **opts)  # noqa: E731
    workers = [start(), start()]
    time.sleep(2)
    workers.append(start())
    time.sleep(3)
    workers[0].stop(signal.SIGTERM)  # leaves the group
    time.sleep(1.5)
    workers[1].stop(signal.SIGKILL)  # never says goodbye: the session times out
    time.sleep(1)
    workers.append(start())
    producer.join(timeout=TIMEOUT)
    assert done.is_set(), "producer did not finish"
    everything = set(range(count))
    complete = wait_for(lambda: everything <= set(consumed_values(workers)), timeout=90)
    # Stop cleanly so the survivors commit what they consumed.
    for w in workers[2:]:
        w.stop(signal.SIGTERM)
    seen = consumed_values(workers)
    missing = everything - set(seen)
    assert complete and not missing, f"{len(missing)} values never consumed, e.g. " \
        f"{sorted(missing)[:10]}"
    ends = end_offsets(broker.bootstrap, topic, partitions)
    committed = committed_offsets(broker.bootstrap, group, topic, partitions)
    assert committed == ends, f"committed {committed} != ends {ends}"
    duplicates = len(seen) - len(set(seen))
    print(f"{lib} {opts}: {len(seen)} records consumed, {duplicates} duplicates")
    # The killed member's uncommitted records and the records between a revoked partition's
    # last commit and its new owner's start may repeat; a duplicate rate over half the stream
    # would mean offsets were not honoured at all.
    assert duplicates < count // 2
    return workers


@pytest.mark.parametrize("assignor", ["range", "roundrobin", "cooperative-sticky"])
def test_librdkafka_group_survives_joins_leaves_and_kills(gbroker, tmp_path, assignor):
    """librdkafka members with each assignment strategy: every record consumed, committed
    offsets at the end of every partition, despite joins, a clean leave and a SIGKILL."""
    churn(gbroker, tmp_path, "confluent", assignor=assignor)


def test_librdkafka_kip848_group_survives_joins_leaves_and_kills(gbroker, tmp_path):
    """The same with librdkafka's KIP-848 protocol (`group.protocol=consumer`): the broker
    computes the assignment and reconciles it through ConsumerGroupHeartbeat."""
    churn(gbroker, tmp_path, "confluent", protocol="consumer")


def test_kafka_python_group_survives_joins_leaves_and_kills(gbroker, tmp_path):
    """kafka-python members (roundrobin, their own group protocol code) under the same churn."""
    churn(gbroker, tmp_path, "kafka-python", assignor="roundrobin")


def test_aiokafka_group_survives_joins_leaves_and_kills(gbroker, tmp_path):
    """aiokafka members (range) under the same churn."""
    churn(gbroker, tmp_path, "aiokafka", assignor="range")


def consume_all(bootstrap, topic, group, expected, extra=None):
    from confluent_kafka import Consumer

    conf = {"bootstrap.servers": bootstrap, "group.id": group,
            "auto.offset.reset": "earliest", "enable.auto.commit": False}
    conf.update(extra or {})
    c = Consumer(conf)
    c.subscribe([topic])
    got = []
    deadline = time.monotonic() + TIMEOUT
    while len(got) < expected and time.monotonic() < deadline:
        msg = c.poll(0.5)
        if msg is not None and not msg.error():
            got.append(int(msg.value()))
    if got:
        c.commit(asynchronous=False)
    c.close()
    return got


def produce_n(bootstrap, topic, start, count):
    from confluent_kafka import Producer

    p = Producer({"bootstrap.servers": bootstrap, "acks": "all"})
    for i in range(start, start + count):
        p.produce(topic, key=str(i).encode(), value=str(i).encode())
    assert p.flush(TIMEOUT) == 0


def test_two_groups_read_independently(gbroker):
    """Two groups each read the whole topic; one group's commits do not move the other's."""
    topic = name("two")
    create_topic(gbroker.bootstrap, topic, 3)
    produce_n(gbroker.bootstrap, topic, 0, 300)
    a = consume_all(gbroker.bootstrap, topic, "group-a", 300)
    b = consume_all(gbroker.bootstrap, topic, "group-b", 300)
    assert sorted(a) == list(range(300)) and sorted(b) == list(range(300))
    produce_n(gbroker.bootstrap, topic, 300, 30)
    # group-a resumes from its own commit: only the new records.
    assert sorted(consume_all(gbroker.bootstrap, topic, "group-a", 30)) == list(range(300, 330))
    assert committed_offsets(gbroker.bootstrap, "group-b", topic, 3) != \
        committed_offsets(gbroker.bootstrap, "group-a", topic, 3)


def stable_events(worker, quiet=2.0, timeout=TIMEOUT):
    """Waits until the worker has been assigned and no event arrived for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        events = worker.events()
        if events != last:
            last, since = events, time.monotonic()
        elif events and events[-1].startswith("# assigned") and time.monotonic() - since > quiet:
            return events
        time.sleep(0.2)
    raise AssertionError(f"no stable assignment: {last}")


def test_static_member_restarts_without_rebalance(gbroker, tmp_path):
    """A static member (`group.instance.id`) that restarts within its session gets its
    partitions back and the other member sees no rebalance at all."""
    topic, group = name("static"), name("g")
    create_topic(gbroker.bootstrap, topic, 4)
    other = Worker(tmp_path, "confluent", gbroker.bootstrap, topic, group,
                   instance_id="other", session_ms=20000)
    static = Worker(tmp_path, "confluent", gbroker.bootstrap, topic, group,
                    instance_id="static-1", session_ms=20000)
    stable_events(other)
    before_other = stable_events(other)
    before_static = stable_events(static)
    # A static member's close does not leave the group; SIGKILL is the harsher variant.
    static.stop(signal.SIGKILL)
    restarted = Worker(tmp_path, "confluent", gbroker.bootstrap, topic, group,
                       instance_id="static-1", session_ms=20000)
    after_restart = stable_events(restarted)
    time.sleep(2)
    assert other.events() == before_other, "the other member saw a rebalance"
    assert after_restart[-1] == before_static[-1], "the static member got other partitions"
    other.stop()
    restarted.stop()


def test_committed_offsets_survive_restart_and_sigkill(gbroker):
    """Offsets committed to the broker are there after a clean restart and after SIGKILL,
    and a member of the group resumes exactly where the group left off."""
    from confluent_kafka import Consumer, TopicPartition

    topic, group = name("durable"), name("g")
    create_topic(gbroker.bootstrap, topic, 2)
    produce_n(gbroker.bootstrap, topic, 0, 100)
    assert sorted(consume_all(gbroker.bootstrap, topic, group, 100)) == list(range(100))
    expected = committed_offsets(gbroker.bootstrap, group, topic, 2)
    assert sum(expected.values()) == 100
    # A commit with metadata, from a consumer outside any rebalance (simple commit).
    c = Consumer({"bootstrap.servers": gbroker.bootstrap, "group.id": group + "-meta"})
    c.commit(offsets=[TopicPartition(topic, 0, 7, metadata="why-7")], asynchronous=False)
    c.close()
    for how in (signal.SIGTERM, signal.SIGKILL):
        gbroker.restart(how)
        assert committed_offsets(gbroker.bootstrap, group, topic, 2) == expected
        c = Consumer({"bootstrap.servers": gbroker.bootstrap, "group.id": group + "-meta"})
        [tp] = c.committed([TopicPartition(topic, 0)], timeout=TIMEOUT)
        c.close()
        assert (tp.offset, tp.metadata) == (7, "why-7")
    produce_n(gbroker.bootstrap, topic, 100, 20)
    assert sorted(consume_all(gbroker.bootstrap, topic, group, 20)) == list(range(100, 120))


def read_str(buf, pos):
    (n,) = struct.unpack_from(">h", buf, pos)
    pos += 2
    if n < 0:
        return None, pos
    return buf[pos:pos + n].decode(), pos + n


def decode_offsets_record(key, value):
    """Kafka's __consumer_offsets schemas, decoded here independently of the broker's code:
    key v0/v1 OffsetCommitKey, v2 GroupMetadataKey; values OffsetCommitValue v1/v3 and
    GroupMetadataValue (protocol type and generation)."""
    (version,) = struct.unpack_from(">h", key, 0)
    if version in (0, 1):
        group, pos = read_str(key, 2)
        topic, pos = read_str(key, pos)
        (partition,) = struct.unpack_from(">i", key, pos)
        if value is None:
            return ("offset", group, topic, partition, None)
        (vv,) = struct.unpack_from(">h", value, 0)
        (offset,) = struct.unpack_from(">q", value, 2)
        pos = 10
        if vv == 3:
            pos += 4  # leader epoch
        metadata, pos = read_str(value, pos)
        return ("offset", group, topic, partition, (vv, offset, metadata))
    if version == 2:
        group, _ = read_str(key, 2)
        if value is None:
            return ("group", group, None)
        protocol_type, pos = read_str(value, 2)
        (generation,) = struct.unpack_from(">i", value, pos)
        return ("group", group, (protocol_type, generation))
    return ("other", version)


@pytest.mark.skipif(not __import__("shutil").which("kcat"), reason="kcat not installed")
def test_kcat_reads_consumer_offsets_in_kafka_schemas(gbroker):
    """kcat reads __consumer_offsets like any topic, and its records decode with Kafka's
    key/value schemas: the group's metadata and the offsets it committed."""
    topic, group = name("kc"), name("g")
    create_topic(gbroker.bootstrap, topic, 2)
    produce_n(gbroker.bootstrap, topic, 0, 50)
    consume_all(gbroker.bootstrap, topic, group, 50)
    expected = committed_offsets(gbroker.bootstrap, group, topic, 2)
    out = subprocess.run(
        ["kcat", "-b", gbroker.bootstrap, "-C", "-t", "__consumer_offsets", "-e", "-q",
         "-f", "%K %S %k%s"],
        capture_output=True, timeout=TIMEOUT, check=True).stdout
    pos, records = 0, []
    while pos < len(out):
        sp1 = out.index(b" ", pos)
        sp2 = out.index(b" ", sp1 + 1)
        klen, vlen = int(out[pos:sp1]), int(out[sp1 + 1:sp2])
        pos = sp2 + 1
        key = out[pos:pos + klen]
        pos += klen
        value = None
        if vlen >= 0:
            value = out[pos:pos + vlen]
            pos += vlen
        records.append(decode_offsets_record(key, value))
    latest = {}
    for r in records:
        if r[0] == "offset" and r[1] == group and r[2] == topic:
            latest[r[3]] = r[4][1]
    assert latest == expected
    groups = [r for r in records if r[0] == "group" and r[1] == group and r[2] is not None]
    assert groups and groups[-1][2][0] == "consumer"


def test_internal_topic_refuses_client_writes(gbroker):
    """Clients may read __consumer_offsets but not write or delete it."""
    from confluent_kafka import KafkaException, Producer
    from confluent_kafka.admin import AdminClient

    topic = name("x")
    create_topic(gbroker.bootstrap, topic, 1)
    consume_all(gbroker.bootstrap, topic, "creates-offsets-topic", 0)
    errors = []
    p = Producer({"bootstrap.servers": gbroker.bootstrap, "message.timeout.ms": 5000})
    p.produce("__consumer_offsets", b"v", partition=0,
              on_delivery=lambda err, msg: errors.append(err))
    p.flush(TIMEOUT)
    assert errors and errors[0] is not None and errors[0].name() == "TOPIC_EXCEPTION"
    admin = AdminClient({"bootstrap.servers": gbroker.bootstrap})
    with pytest.raises(KafkaException):
        admin.delete_topics(["__consumer_offsets"])["__consumer_offsets"].result(timeout=30)
    md = admin.list_topics(timeout=10)
    assert "__consumer_offsets" in md.topics


def test_offsets_topic_creation_races_topic_admin_safely(gbroker):
    """Creating __consumer_offsets (50 partitions) while other clients create topics and
    alter configs at the same time loses nothing: every request succeeds and every partition
    is served afterwards (concurrent partition syncs once failed on a shared temp file)."""
    from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

    admin = AdminClient({"bootstrap.servers": gbroker.bootstrap})
    topics = [name("race") for _ in range(12)]
    errors = []

    def create(t):
        try:
            admin.create_topics([NewTopic(t, 3, 1)])[t].result(timeout=TIMEOUT)
            res = ConfigResource(ConfigResource.Type.TOPIC, t,
                                 set_config={"retention.ms": "60000"})
            admin.alter_configs([res])[res].result(timeout=TIMEOUT)
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append((t, e))

    threads = [threading.Thread(target=create, args=(t,)) for t in topics]
    def join_a_group():
        from confluent_kafka import Consumer

        c = Consumer({"bootstrap.servers": gbroker.bootstrap, "group.id": name("g")})
        c.subscribe([topics[0]])
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            c.poll(0.2)
        c.close()

    joiner = threading.Thread(target=join_a_group)
    joiner.start()
    for t in threads:
        t.start()
    for t in threads + [joiner]:
        t.join(timeout=TIMEOUT * 2)
    assert not errors, errors
    md = admin.list_topics(timeout=TIMEOUT)
    assert len(md.topics["__consumer_offsets"].partitions) == 50
    for t in topics:
        assert len(md.topics[t].partitions) == 3
    log = gbroker.log_path.read_text(errors="replace")
    assert "failed" not in log, [line for line in log.splitlines() if "failed" in line][:3]


def test_a_commit_larger_than_one_batch_is_stored_and_replayed(gbroker):
    """One OffsetCommit of 20,000 partitions (about 2 MB of records, twice the offsets
    topic's max.message.bytes) is accepted, and every offset is there after a restart."""
    from confluent_kafka import Consumer, TopicPartition

    topic, group = "not-a-real-topic-but-commits-are-allowed", name("big")
    c = Consumer({"bootstrap.servers": gbroker.bootstrap, "group.id": group})
    offsets = [TopicPartition(topic, i, i + 1, metadata="m" * 20) for i in range(20000)]
    result = c.commit(offsets=offsets, asynchronous=False)
    assert not [t for t in result if t.error]
    c.close()
    gbroker.restart(signal.SIGKILL)
    c = Consumer({"bootstrap.servers": gbroker.bootstrap, "group.id": group})
    got = c.committed([TopicPartition(topic, i) for i in (0, 9999, 19999)], timeout=TIMEOUT)
    c.close()
    assert [(t.partition, t.offset, t.metadata) for t in got] == [
        (0, 1, "m" * 20), (9999, 10000, "m" * 20), (19999, 20000, "m" * 20)]
