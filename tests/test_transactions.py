"""Transactions and producer state with real clients against the real broker."""

import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

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


def test_idle_producers_expire_but_open_transactions_do_not(broker_factory):
    """With producer.id.expiration.ms=2000, a partition forgets an idle idempotent producer
    (DescribeProducers no longer lists it) while a producer whose transaction is still open
    stays, however long it idles."""
    from kafka import TopicPartition as KTopicPartition
    from kafka.admin import KafkaAdminClient

    broker = broker_factory(env={
        **TXN_ENV,
        "STROM_PRODUCER_ID_EXPIRATION_MS": "2000",
        "STROM_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS": "200",
    })
    topic = name("expire")
    create_topic(broker.bootstrap, topic, 1)
    idem = Producer({"bootstrap.servers": broker.bootstrap, "enable.idempotence": True})
    idem.produce(topic, b"idempotent", partition=0)
    assert idem.flush(TIMEOUT) == 0
    txn = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": name("tid"),
                    "transaction.timeout.ms": 60_000})
    txn.init_transactions(TIMEOUT)
    txn.begin_transaction()
    txn.produce(topic, b"open", partition=0)
    assert txn.flush(TIMEOUT) == 0

    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap, request_timeout_ms=10_000)
    tp = KTopicPartition(topic, 0)

    def listed():
        return {p.current_transaction_start_offset
                for p in admin.describe_producers([tp])[tp].active_producers}

    assert listed() == {-1, 1}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and listed() != {1}:
        time.sleep(0.2)
    assert listed() == {1}, "the idle idempotent producer was not forgotten"
    time.sleep(3)
    assert listed() == {1}, "the producer with an open transaction must not expire"
    # The forgotten producer writes on with its next sequence, as after a Kafka expiry.
    idem.produce(topic, b"again", partition=0)
    assert idem.flush(TIMEOUT) == 0
    txn.commit_transaction(TIMEOUT)
    # The commit's markers are written after EndTxn answers, as in Kafka: wait for them.
    assert read_all(broker.bootstrap, topic, 1, "read_committed", expect=3, quiet=10.0) == {
        0: ["idempotent", "open", "again"]}
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


COPIER = Path(__file__).resolve().parent / "txn_copier.py"
TXN_ENV = {
    "STROM_GROUP_INITIAL_REBALANCE_DELAY_MS": "0",
}


def create_topic(bootstrap, topic, partitions):
    from confluent_kafka.admin import AdminClient, NewTopic

    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, partitions, 1)])[topic].result(timeout=TIMEOUT)


def read_all(bootstrap, topic, partitions, isolation, expect=None, quiet=3.0):
    """Every record of `topic` from the beginning, per partition in order, as a reader with
    `isolation` sees it; stops after `expect` records or `quiet` seconds without one."""
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": name("reader"),
                  "isolation.level": isolation, "enable.auto.commit": False})
    c.assign([TopicPartition(topic, p, 0) for p in range(partitions)])
    got = {p: [] for p in range(partitions)}
    last = time.monotonic()
    deadline = time.monotonic() + 60
    while time.monotonic() - last < quiet and time.monotonic() < deadline:
        if expect is not None and sum(len(v) for v in got.values()) >= expect:
            break
        m = c.poll(0.2)
        if m is None or m.error():
            continue
        got[m.partition()].append(m.value().decode())
        last = time.monotonic()
    c.close()
    return got


def test_read_committed_sees_only_committed_transactions(broker_factory):
    """A transactional librdkafka producer commits some transactions and aborts others
    across three partitions: read_committed readers get exactly the committed records, in
    order, and read_uncommitted readers get everything."""
    broker = broker_factory(env=TXN_ENV)
    topic = name("txn")
    create_topic(broker.bootstrap, topic, 3)
    p = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": name("tid")})
    p.init_transactions(TIMEOUT)
    committed = {0: [], 1: [], 2: []}
    everything = {0: [], 1: [], 2: []}
    for txn in range(6):
        p.begin_transaction()
        for i in range(10):
            part = i % 3
            value = f"t{txn}-{i}"
            p.produce(topic, value.encode(), partition=part)
            everything[part].append(value)
            if txn % 2 == 0:
                committed[part].append(value)
        if txn % 2 == 0:
            p.commit_transaction(TIMEOUT)
        else:
            p.flush(TIMEOUT)
            p.abort_transaction(TIMEOUT)
    assert read_all(broker.bootstrap, topic, 3, "read_committed") == committed
    assert read_all(broker.bootstrap, topic, 3, "read_uncommitted") == everything


def test_a_second_producer_with_the_same_id_fences_the_first(broker_factory):
    """InitProducerId for a transactional id already in use bumps its epoch: the first
    producer's next commit fails as fenced, and its open transaction is aborted."""
    from confluent_kafka import KafkaException

    broker = broker_factory(env=TXN_ENV)
    topic, tid = name("fence"), name("tid")
    create_topic(broker.bootstrap, topic, 1)
    first = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": tid})
    first.init_transactions(TIMEOUT)
    first.begin_transaction()
    first.produce(topic, b"zombie", partition=0)
    first.flush(TIMEOUT)
    second = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": tid})
    second.init_transactions(TIMEOUT)
    second.begin_transaction()
    second.produce(topic, b"live", partition=0)
    second.commit_transaction(TIMEOUT)
    with pytest.raises(KafkaException) as failure:
        first.commit_transaction(TIMEOUT)
    assert failure.value.args[0].fatal() or failure.value.args[0].txn_requires_abort()
    assert read_all(broker.bootstrap, topic, 1, "read_committed") == {0: ["live"]}


def test_an_abandoned_transaction_is_aborted_after_its_timeout(broker_factory):
    """A producer that opens a transaction and disappears blocks read_committed readers at
    the transaction's first offset only until transaction.timeout.ms: then the coordinator
    aborts it and the records after it become readable."""
    broker = broker_factory(env=TXN_ENV)
    topic = name("abandon")
    create_topic(broker.bootstrap, topic, 1)
    script = (
        "import sys\n"
        "from confluent_kafka import Producer\n"
        f"p = Producer({{'bootstrap.servers': '{broker.bootstrap}', "
        f"'transactional.id': '{name('tid')}', 'transaction.timeout.ms': 3000}})\n"
        "p.init_transactions(30)\n"
        "p.begin_transaction()\n"
        f"p.produce('{topic}', b'abandoned', partition=0)\n"
        "p.flush(30)\n"
        "print('open', flush=True)\n"
        "sys.stdin.read()\n"
    )
    zombie = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert zombie.stdout.readline().strip() == "open"
    zombie.kill()
    zombie.wait()
    plain = Producer({"bootstrap.servers": broker.bootstrap})
    plain.produce(topic, b"after", partition=0)
    assert plain.flush(TIMEOUT) == 0
    # Still open: the committed reader sees nothing past the open transaction's start.
    assert read_all(broker.bootstrap, topic, 1, "read_committed", quiet=1.0) == {0: []}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        got = read_all(broker.bootstrap, topic, 1, "read_committed", quiet=1.0)
        if got[0]:
            break
    assert got == {0: ["after"]}


def test_transactions_are_listed_and_described(broker_factory):
    """kafka-python's admin lists and describes transactions (ListTransactions,
    DescribeTransactions) with their state and partitions."""
    from kafka.admin import KafkaAdminClient

    broker = broker_factory(env=TXN_ENV)
    topic, tid = name("desc"), name("tid")
    create_topic(broker.bootstrap, topic, 2)
    p = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": tid})
    p.init_transactions(TIMEOUT)
    p.begin_transaction()
    p.produce(topic, b"x", partition=1)
    p.flush(TIMEOUT)
    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap, request_timeout_ms=10_000)
    listed = admin.list_transactions()
    text = repr(listed)
    assert tid in text and "Ongoing" in text, text
    described = repr(admin.describe_transactions([tid]))
    assert "Ongoing" in described and topic in described, described
    p.commit_transaction(TIMEOUT)
    admin.close()


def produce_numbers(bootstrap, topic, start, count):
    p = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True})
    for i in range(start, start + count):
        p.produce(topic, key=str(i).encode(), value=str(i).encode())
    assert p.flush(TIMEOUT) == 0


def run_copier(broker, topic_in, topic_out, group, tid, pause_ms=500):
    return subprocess.Popen([sys.executable, str(COPIER), broker.bootstrap, topic_in,
                             topic_out, group, tid, str(pause_ms)])


def committed_total(bootstrap, group, topic, partitions):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": group})
    offsets = c.committed([TopicPartition(topic, p) for p in range(partitions)],
                          timeout=TIMEOUT)
    c.close()
    return sum(max(tp.offset, 0) for tp in offsets)


def test_consume_transform_produce_is_exactly_once_across_kills(broker_factory):
    """A copier commits its output and its input offsets in one transaction. Killed with
    SIGKILL mid-stream several times (and the broker once, with SIGKILL too), restarted with
    the same transactional id each time: the output, read committed, holds every input
    record exactly once."""
    broker = broker_factory(env=TXN_ENV)
    topic_in, topic_out, group, tid = name("in"), name("out"), name("g"), name("tid")
    create_topic(broker.bootstrap, topic_in, 3)
    create_topic(broker.bootstrap, topic_out, 3)
    total = 0
    for round_ in range(4):
        produce_numbers(broker.bootstrap, topic_in, total, 500)
        total += 500
        copier = run_copier(broker, topic_in, topic_out, group, tid)
        time.sleep(4)
        copier.send_signal(signal.SIGKILL)
        copier.wait()
        if round_ == 1:
            broker.restart(signal.SIGKILL)
    copier = run_copier(broker, topic_in, topic_out, group, tid, pause_ms=0)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if committed_total(broker.bootstrap, group, topic_in, 3) >= total:
            break
        time.sleep(1)
    copier.send_signal(signal.SIGTERM)
    copier.wait(timeout=TIMEOUT)
    got = read_all(broker.bootstrap, topic_out, 3, "read_committed", expect=total)
    values = [int(v) for part in got.values() for v in part]
    duplicates = len(values) - len(set(values))
    # The kills land inside open transactions: their records are in the log, aborted.
    raw = read_all(broker.bootstrap, topic_out, 3, "read_uncommitted", quiet=1.0)
    aborted = sum(len(part) for part in raw.values()) - len(values)
    print(f"{total} records copied; {aborted} aborted records in the log")
    assert sorted(values) == list(range(total)), \
        f"{len(values)} values, {duplicates} duplicates, missing {set(range(total)) - set(values)}"


def test_an_open_transaction_survives_a_broker_sigkill(broker_factory):
    """The broker is killed with SIGKILL while a transaction is open: after the restart the
    transaction is still open (read_committed readers stop before it), the same producer
    commits it, and then every record of it is readable, with the records after it."""
    broker = broker_factory(env=TXN_ENV)
    topic = name("survive")
    create_topic(broker.bootstrap, topic, 2)
    p = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": name("tid"),
                  "transaction.timeout.ms": 60000})
    p.init_transactions(TIMEOUT)
    p.begin_transaction()
    for i in range(10):
        p.produce(topic, f"in-txn-{i}".encode(), partition=i % 2)
    p.flush(TIMEOUT)
    broker.restart(signal.SIGKILL)
    plain = Producer({"bootstrap.servers": broker.bootstrap})
    plain.produce(topic, b"after", partition=0)
    assert plain.flush(TIMEOUT) == 0
    assert read_all(broker.bootstrap, topic, 2, "read_committed", quiet=1.0) == {0: [], 1: []}
    p.commit_transaction(TIMEOUT)
    got = read_all(broker.bootstrap, topic, 2, "read_committed", expect=11)
    assert got == {0: [f"in-txn-{i}" for i in range(0, 10, 2)] + ["after"],
                   1: [f"in-txn-{i}" for i in range(1, 10, 2)]}


def test_a_hanging_transaction_is_aborted_by_an_administrator(broker_factory):
    """kafka-python finds an open transaction with describe_producers and aborts it with
    abort_transaction (WriteTxnMarkers): read_committed readers move past it at once, long
    before the transaction's own timeout."""
    from kafka import TopicPartition as KTopicPartition
    from kafka.admin import KafkaAdminClient
    from kafka.admin._transactions import AbortTransactionSpec

    broker = broker_factory(env=TXN_ENV)
    topic = name("hanging")
    create_topic(broker.bootstrap, topic, 1)
    p = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": name("tid"),
                  "transaction.timeout.ms": 600000})
    p.init_transactions(TIMEOUT)
    p.begin_transaction()
    p.produce(topic, b"hanging", partition=0)
    p.flush(TIMEOUT)
    plain = Producer({"bootstrap.servers": broker.bootstrap})
    plain.produce(topic, b"after", partition=0)
    assert plain.flush(TIMEOUT) == 0
    assert read_all(broker.bootstrap, topic, 1, "read_committed", quiet=1.0) == {0: []}
    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap, request_timeout_ms=10_000)
    tp = KTopicPartition(topic, 0)
    [open_txn] = [s for s in admin.describe_producers([tp])[tp].active_producers
                  if s.current_transaction_start_offset >= 0]
    assert open_txn.current_transaction_start_offset == 0
    admin.abort_transaction(AbortTransactionSpec(
        tp, open_txn.producer_id, open_txn.producer_epoch, open_txn.coordinator_epoch))
    assert read_all(broker.bootstrap, topic, 1, "read_committed", expect=1) == {0: ["after"]}
    admin.close()


def test_a_failed_transaction_log_append_is_retried_from_the_logs_state(broker_factory):
    """The commit's PrepareCommit record cannot be appended to __transaction_state (its
    max.message.bytes is set too small): librdkafka is answered NOT_COORDINATOR and retries.
    The coordinator rebuilt the transaction from the log (still Ongoing), so once the limit is
    back the retried commit goes through instead of waiting on a transaction that only memory
    thought was ending."""
    import threading

    from confluent_kafka.admin import AdminClient, ConfigResource

    broker = broker_factory(env=TXN_ENV)
    topic = name("reload")
    create_topic(broker.bootstrap, topic, 1)
    p = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": name("tid"),
                  "transaction.timeout.ms": 60000})
    p.init_transactions(TIMEOUT)
    p.begin_transaction()
    for i in range(5):
        p.produce(topic, f"v{i}".encode(), partition=0)
    p.flush(TIMEOUT)

    admin = AdminClient({"bootstrap.servers": broker.bootstrap})

    def set_limit(value):
        resource = ConfigResource("topic", "__transaction_state",
                                  set_config={"max.message.bytes": value})
        for f in admin.alter_configs([resource]).values():
            f.result(timeout=TIMEOUT)

    set_limit("64")
    outcome = {}

    def commit():
        try:
            p.commit_transaction(TIMEOUT)
            outcome["ok"] = True
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = e

    committing = threading.Thread(target=commit)
    committing.start()
    time.sleep(2.0)
    assert "ok" not in outcome, "the commit went through while the log refused its record"
    set_limit("1048588")
    committing.join(TIMEOUT + 5)
    assert outcome.get("ok"), outcome
    assert read_all(broker.bootstrap, topic, 1, "read_committed", expect=5) == {
        0: [f"v{i}" for i in range(5)]}


SIXTH_MIB = 1024 * 1024 // 6


def test_the_cleaner_removes_aborted_transactions_from_a_compacted_topic(broker_factory):
    """On a compacted topic with small segments, a librdkafka transactional producer commits,
    aborts and commits again. Once the cleaner has run, even a read_uncommitted reader no
    longer sees the aborted records, while the committed ones, latest per key, stay."""
    from confluent_kafka.admin import AdminClient, NewTopic

    broker = broker_factory(env={**TXN_ENV, "STROM_LOG_CLEANER_BACKOFF_MS": "100"})
    topic = name("compact-txn")
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    admin.create_topics([NewTopic(topic, 1, 1, config={
        "cleanup.policy": "compact", "segment.bytes": str(1024 * 1024),
        "min.cleanable.dirty.ratio": "0.01"})])[topic].result(TIMEOUT)
    p = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": name("tid"),
                  "linger.ms": 0})
    p.init_transactions(TIMEOUT)
    for label, commit in (("first", True), ("aborted", False), ("last", True)):
        p.begin_transaction()
        for i in range(10):
            # One batch per record, so the segments roll often. The aborted records have
            # keys of their own: no later record overwrites them, so only their abort can
            # make the cleaner drop them.
            key = b"a%d" % i if label == "aborted" else b"k%d" % i
            # A sixth of the smallest segment (1 MiB): segments roll every few records.
            p.produce(topic, key=key, value=f"{label}-{i}".encode().ljust(SIXTH_MIB, b"."),
                      partition=0)
            p.flush(TIMEOUT)
        if commit:
            p.commit_transaction(TIMEOUT)
        else:
            p.abort_transaction(TIMEOUT)
    # Data past the last transaction, so every transactional segment can be cleaned.
    plain = Producer({"bootstrap.servers": broker.bootstrap, "linger.ms": 0})
    for i in range(5):
        plain.produce(topic, key=b"tail%d" % i, value=b"t" * 100, partition=0)
        plain.flush(TIMEOUT)

    def values(isolation):
        got = read_all(broker.bootstrap, topic, 1, isolation, quiet=1.0)[0]
        return [v for v in got if not v.startswith("t")]

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        seen = values("read_uncommitted")
        if not any(v.startswith("aborted") for v in seen):
            break
        time.sleep(0.5)
    assert not any(v.startswith("aborted") for v in seen), seen
    latest = [f"last-{i}".ljust(SIXTH_MIB, ".") for i in range(10)]
    assert [v for v in seen if v.startswith("last")] == latest
    assert [v for v in values("read_committed") if v.startswith("last")] == latest


def test_each_start_coordinates_transactions_at_a_newer_epoch(broker_factory):
    """The transaction coordinator's epoch is its __transaction_state partition's leader
    epoch, bumped every time the broker starts (cleanly or after SIGKILL): the markers of each
    run carry a newer coordinator epoch than the last run's (DescribeProducers shows it), so
    nothing a previous run wrote or sent can fence the current one."""
    from kafka import TopicPartition as KTopicPartition
    from kafka.admin import KafkaAdminClient

    broker = broker_factory(env=TXN_ENV)
    topic = name("epochs")
    create_topic(broker.bootstrap, topic, 1)
    tid = name("tid")
    epochs = []
    for restart in (None, signal.SIGTERM, signal.SIGKILL):
        if restart is not None:
            broker.restart(restart)
        p = Producer({"bootstrap.servers": broker.bootstrap, "transactional.id": tid})
        p.init_transactions(TIMEOUT)
        p.begin_transaction()
        p.produce(topic, b"x", partition=0)
        p.commit_transaction(TIMEOUT)
        admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap, request_timeout_ms=10_000)
        tp = KTopicPartition(topic, 0)
        [state] = admin.describe_producers([tp])[tp].active_producers
        epochs.append(state.coordinator_epoch)
        admin.close()
    assert epochs[0] >= 0 and epochs[0] < epochs[1] < epochs[2], epochs
    assert read_all(broker.bootstrap, topic, 1, "read_committed", expect=3) == {0: ["x"] * 3}
