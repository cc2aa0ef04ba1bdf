"""Record batches and markers that only an attacker writes, each while a well-behaved
librdkafka producer, consumer and ApiVersions probe keep running: a transactional batch
nobody can end, a control batch from a client, a decompression bomb, and a WriteTxnMarkers
that fences the real transaction coordinator. Each must be refused (or, for the markers,
never leave a committed transaction invisible), memory must stay bounded, and the
well-behaved clients are answered within LATENCY_S with every acknowledged record read back.

The refusals belong to the storage record validator and the transaction checks on the produce
and marker paths."""

import struct
import time
import uuid

import hostile_kit as kit
from confluent_kafka import Consumer, Producer, TopicPartition
from hostile_kit import MB, Bystander, RssSampler

LATENCY_S = 5.0
RSS_MAX = 100 * MB


def produce_error(b, topic, records, acks=1):
    """Sends one Produce v3 with `records` to partition 0; returns its error code."""
    with kit.connect(b.port) as s:
        s.sendall(kit.produce_v3(topic, 0, records, acks=acks, correlation_id=3))
        corr, body = kit.read_response(s)
    assert corr == 3
    name_len = struct.unpack(">h", body[4:6])[0]
    at = 6 + name_len + 4
    _partition, error = struct.unpack(">ih", body[at:at + 6])
    return error


def committed_values(b, topic, within=10):
    """What a read_committed consumer reads from partition 0 within `within` seconds."""
    c = Consumer({"bootstrap.servers": b.bootstrap, "group.id": f"rc-{uuid.uuid4().hex[:6]}",
                  "isolation.level": "read_committed", "enable.auto.commit": False})
    c.assign([TopicPartition(topic, 0, 0)])
    seen = []
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        msg = c.poll(0.2)
        if msg is not None and msg.error() is None:
            seen.append(msg.value())
    c.close()
    return seen


def plain_record(b, topic, value):
    p = Producer({"bootstrap.servers": b.bootstrap, "acks": "all"})
    p.produce(topic, value=value, partition=0)
    assert p.flush(30) == 0


def test_a_forged_transactional_batch_opens_no_transaction(broker_factory):
    """A 69-byte Produce carrying a transactional batch with a made-up producer id and no
    transactional id is refused (Kafka: TRANSACTIONAL_ID_AUTHORIZATION_FAILED), and a
    read_committed consumer still reads what is written after it."""
    b = broker_factory()
    kit.create_topic(b, "victim")
    forged = kit.batch(kit.record(0, b"x"), 1, attributes=kit.TRANSACTIONAL,
                       producer_id=4242, producer_epoch=0, base_sequence=0)
    with Bystander(b) as by:
        error = produce_error(b, "victim", forged)
        plain_record(b, "victim", b"after")
        seen = committed_values(b, "victim")
    print(f"forged transactional batch: error {error}, read_committed saw {seen}; "
          f"{by.summary()}")
    assert error != 0
    assert b"after" in seen
    by.assert_served(LATENCY_S)
    by.readback()


def test_a_control_batch_from_a_client_is_refused(broker_factory):
    """A client's Produce carrying a control batch (a COMMIT marker) is refused with
    INVALID_RECORD, as Kafka's LogValidator refuses it: only the coordinator writes
    markers."""
    b = broker_factory()
    kit.create_topic(b, "victim")
    key = struct.pack(">hh", 0, 1)
    value = struct.pack(">hi", 0, 0)
    # Not marked transactional: with that bit and no transactional id Kafka refuses the whole
    # request first (TRANSACTIONAL_ID_AUTHORIZATION_FAILED), before any validation.
    forged = kit.batch(kit.record(0, value, key=key), 1, attributes=kit.CONTROL,
                       producer_id=4242, producer_epoch=0)
    with Bystander(b) as by:
        error = produce_error(b, "victim", forged)
    print(f"forged control batch: error {error}; {by.summary()}")
    assert error == 87
    by.assert_served(LATENCY_S)
    by.readback()


def test_a_decompression_bomb_is_refused_and_costs_no_memory(broker_factory):
    """A gzip batch of 256 KB that inflates to 256 MB (one record of zeros) is refused, and
    neither its append nor a ListOffsets by timestamp on its partition makes the broker
    hold the inflated bytes."""
    b = broker_factory()
    kit.create_topic(b, "bombed")
    bomb = kit.batch(kit.gzip_bomb(256 * MB), 1, attributes=kit.GZIP)
    with Bystander(b) as by:
        rss = RssSampler(b.proc.pid)
        error = produce_error(b, "bombed", bomb)
        body = kit.i32(-1) + kit.array([kit.string("bombed") + kit.array(
            [kit.i32(0) + kit.i64(0)])])
        with kit.connect(b.port, timeout=60) as s:
            s.sendall(kit.request(2, 1, body, correlation_id=5))
            corr, _ = kit.read_response(s, timeout=60)
        grew = rss.stop()
    print(f"decompression bomb ({len(bomb)} B): error {error}, RSS +{grew / MB:.1f} MB; "
          f"{by.summary()}")
    assert corr == 5
    assert grew < RSS_MAX
    assert error in (2, 10, 87)
    by.assert_served(LATENCY_S)
    by.readback()


def producer_id_of(b, topic):
    """The producer id DescribeProducers reports for partition 0 of `topic` (first one)."""
    with kit.connect(b.port) as s:
        s.sendall(kit.describe_producers_v0(topic, [0], correlation_id=9))
        _, body = kit.read_response(s)
    # header tagged fields, throttle, topics[1]: name, partitions[1]: index, error, message,
    # then active producers: the first producer id.
    at = 1 + 4 + 1
    name_len = body[at] - 1
    at += 1 + name_len + 1 + 4 + 2
    message_len = body[at]
    at += 1 + max(message_len - 1, 0) + 1
    return struct.unpack(">q", body[at:at + 8])[0]


def test_forged_markers_never_leave_a_committed_transaction_invisible(broker_factory):
    """An attacker reads a transactional producer's id from DescribeProducers and writes an
    ABORT marker with coordinator epoch 1000 into its partition while a transaction is open
    (that one is aborted, as an administrative abort would). Afterwards every transaction the
    producer begins and commits successfully is readable by read_committed consumers, and so
    is a plain record written after them: the last stable offset never sticks."""
    b = broker_factory()
    kit.create_topic(b, "txn")
    p = Producer({"bootstrap.servers": b.bootstrap, "transactional.id": "victim-txn"})
    p.init_transactions(30)
    with Bystander(b) as by:
        p.begin_transaction()
        p.produce("txn", value=b"first", partition=0)
        p.flush(30)
        pid = producer_id_of(b, "txn")
        with kit.connect(b.port) as s:
            s.sendall(kit.write_txn_markers_v1(pid, 0, False, "txn", [0], 1000,
                                               correlation_id=4))
            kit.read_response(s)
        committed = []
        for value in (b"first", b"second"):
            try:
                if value != b"first":
                    p.begin_transaction()
                    p.produce("txn", value=value, partition=0)
                p.commit_transaction(30)
                committed.append(value)
            except Exception as e:  # noqa: BLE001 - a refused commit is an honest answer
                print(f"commit of {value!r} refused: {e}")
                try:
                    p.abort_transaction(30)
                except Exception:  # noqa: BLE001
                    pass
        plain_record(b, "txn", b"plain")
        seen = committed_values(b, "txn")
    print(f"forged markers: committed {committed}, read_committed saw {seen}; {by.summary()}")
    for value in committed:
        if value != b"first":
            assert value in seen
    assert b"plain" in seen
    by.assert_served(LATENCY_S)
    by.readback()
