"""Transaction version 2 (KIP-890 part 2) against the real broker: every EndTxn v5 bumps the
producer epoch and names the epoch to go on with, retries are recognised by the epoch below,
an abort outside a transaction bumps too, and data from the old epoch is refused.

No released client we can run here speaks version 2 (librdkafka 2.16 and kafka-python stop at
EndTxn v3; Java clients need Produce v12, which our specs do not define), so the requests are
encoded by kafka-python's own schema-driven protocol classes and sent on a plain socket; the
records are read back with librdkafka."""

import socket
import struct
import time
import uuid

from confluent_kafka import Consumer, TopicPartition
from kafka.protocol.producer.produce import ProduceRequest, ProduceResponse
from kafka.protocol.producer.transaction import (
    AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, EndTxnRequest, EndTxnResponse,
    InitProducerIdRequest, InitProducerIdResponse,
)
from kafka.record.default_records import DefaultRecordBatchBuilder

from test_transactions import TXN_ENV, create_topic

TIMEOUT = 30
NONE = 0
CONCURRENT_TRANSACTIONS = 51
INVALID_TXN_STATE = 48
INVALID_PRODUCER_EPOCH = 47
PRODUCER_FENCED = 90
COORDINATOR_LOAD_IN_PROGRESS = 14
NOT_COORDINATOR = 16
COORDINATOR_NOT_AVAILABLE = 15


class Wire:
    """One connection; each call sends one request and reads its response."""

    def __init__(self, bootstrap):
        host, port = bootstrap.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        self.correlation = 0

    def call(self, request, response_class, version):
        self.correlation += 1
        request.API_VERSION = version
        request.with_header(correlation_id=self.correlation, client_id="tv2-test")
        self.sock.sendall(bytes(request.encode(header=True, framed=True)))
        size = struct.unpack(">i", self._read(4))[0]
        body = self._read(size)
        response = response_class.decode(body, version=version, header=True)
        assert response.header.correlation_id == self.correlation
        return response

    def call_pipelined(self, requests, response_class, version):
        """Sends every request before reading any response (the broker answers in order)."""
        correlations = []
        for request in requests:
            self.correlation += 1
            correlations.append(self.correlation)
            request.API_VERSION = version
            request.with_header(correlation_id=self.correlation, client_id="tv2-test")
            self.sock.sendall(bytes(request.encode(header=True, framed=True)))
        responses = []
        for correlation in correlations:
            size = struct.unpack(">i", self._read(4))[0]
            response = response_class.decode(self._read(size), version=version, header=True)
            assert response.header.correlation_id == correlation
            responses.append(response)
        return responses

    def _read(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            assert chunk, "connection closed"
            buf += chunk
        return buf

    def close(self):
        self.sock.close()


class Tv2Producer:
    """A transactional producer that ends every transaction with EndTxn v5."""

    def __init__(self, bootstrap, tid, topic):
        self.wire = Wire(bootstrap)
        self.tid = tid
        self.topic = topic
        self.sequence = 0
        r = self.retrying(lambda: self.wire.call(
            InitProducerIdRequest(transactional_id=tid, transaction_timeout_ms=60000,
                                  producer_id=-1, producer_epoch=-1),
            InitProducerIdResponse, 4))
        assert r.error_code == NONE, r
        self.pid, self.epoch = r.producer_id, r.producer_epoch

    @staticmethod
    def retrying(call):
        deadline = time.monotonic() + TIMEOUT
        while True:
            r = call()
            retriable = (COORDINATOR_LOAD_IN_PROGRESS, NOT_COORDINATOR,
                         COORDINATOR_NOT_AVAILABLE, CONCURRENT_TRANSACTIONS)
            if r.error_code not in retriable or time.monotonic() > deadline:
                return r
            time.sleep(0.1)

    def add_partition(self, epoch=None):
        topic = AddPartitionsToTxnRequest.AddPartitionsToTxnTopic(name=self.topic, partitions=[0])
        r = self.retrying_add(epoch if epoch is not None else self.epoch, topic)
        return r

    def retrying_add(self, epoch, topic):
        deadline = time.monotonic() + TIMEOUT
        while True:
            r = self.wire.call(
                AddPartitionsToTxnRequest(v3_and_below_transactional_id=self.tid,
                                          v3_and_below_producer_id=self.pid,
                                          v3_and_below_producer_epoch=epoch,
                                          v3_and_below_topics=[topic]),
                AddPartitionsToTxnResponse, 3)
            code = r.results_by_topic_v3_and_below[0].results_by_partition[0].partition_error_code
            if code != CONCURRENT_TRANSACTIONS or time.monotonic() > deadline:
                return code
            time.sleep(0.05)

    def produce(self, values, epoch=None, sequence=None):
        epoch = self.epoch if epoch is None else epoch
        sequence = self.sequence if sequence is None else sequence
        builder = DefaultRecordBatchBuilder(
            magic=2, compression_type=0, is_transactional=1, producer_id=self.pid,
            producer_epoch=epoch, base_sequence=sequence, batch_size=1 << 20)
        now = int(time.time() * 1000)
        for i, v in enumerate(values):
            builder.append(i, timestamp=now, key=None, value=v.encode(), headers=[])
        records = bytes(builder.build())
        partition = ProduceRequest.TopicProduceData.PartitionProduceData(index=0, records=records)
        topic = ProduceRequest.TopicProduceData(name=self.topic, partition_data=[partition])
        r = self.wire.call(
            ProduceRequest(transactional_id=self.tid, acks=-1, timeout_ms=10000,
                           topic_data=[topic]),
            ProduceResponse, 9)
        code = r.responses[0].partition_responses[0].error_code
        if code == NONE:
            self.sequence = sequence + len(values)
        return code

    def end_settled(self, commit, epoch=None):
        """`end`, repeated while the previous transaction's markers are still being written
        (CONCURRENT_TRANSACTIONS, which real clients retry)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            result = self.end(commit, epoch)
            if result[0] not in (CONCURRENT_TRANSACTIONS, COORDINATOR_LOAD_IN_PROGRESS,
                                 NOT_COORDINATOR) or time.monotonic() > deadline:
                return result
            time.sleep(0.05)

    def end(self, commit, epoch=None):
        """EndTxn v5: (error, producer id, epoch); on success the producer goes on with the
        returned identity, and a new epoch starts its sequences at 0."""
        epoch = self.epoch if epoch is None else epoch
        r = self.wire.call(
            EndTxnRequest(transactional_id=self.tid, producer_id=self.pid,
                          producer_epoch=epoch, committed=commit),
            EndTxnResponse, 5)
        if r.error_code == NONE and (r.producer_id, r.producer_epoch) != (self.pid, self.epoch):
            self.pid, self.epoch = r.producer_id, r.producer_epoch
            self.sequence = 0
        return r.error_code, r.producer_id, r.producer_epoch


def read_values(bootstrap, topic, isolation, expect):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": f"r-{uuid.uuid4().hex[:8]}",
                  "isolation.level": isolation, "enable.auto.commit": False})
    c.assign([TopicPartition(topic, 0, 0)])
    got = []
    deadline = time.monotonic() + TIMEOUT
    quiet_until = None
    while time.monotonic() < deadline:
        m = c.poll(0.2)
        if m is not None and not m.error():
            got.append(m.value().decode())
        if len(got) >= expect:
            # Wait a little longer to catch anything extra.
            quiet_until = quiet_until or time.monotonic() + 1.5
            if time.monotonic() > quiet_until:
                break
    c.close()
    return got


def test_end_txn_v5_bumps_the_epoch_every_transaction(broker_factory):
    broker = broker_factory(env=TXN_ENV)
    topic = f"tv2-{uuid.uuid4().hex[:8]}"
    create_topic(broker.bootstrap, topic, 1)
    p = Tv2Producer(broker.bootstrap, f"tid-{uuid.uuid4().hex[:8]}", topic)
    pid, e = p.pid, p.epoch

    # Transaction 1, committed: the answer names the bumped epoch.
    assert p.add_partition() == NONE
    assert p.produce(["a1", "a2", "a3"]) == NONE
    assert p.end(True) == (NONE, pid, e + 1)

    # A retry of the commit with the old epoch is answered NONE with the new identity once the
    # markers are written (CONCURRENT_TRANSACTIONS until then). After that, data under the old
    # epoch is refused (fenced). Before the marker reaches the partition, a late produce at the
    # old epoch still joins the open transaction there, in Kafka as here (its verification
    # guard is skipped for a transaction already open on the partition), so the order matters.
    assert p.end_settled(True, epoch=e) == (NONE, pid, e + 1)
    assert p.produce(["stale"], epoch=e, sequence=3) == INVALID_PRODUCER_EPOCH
    assert p.add_partition(epoch=e) == PRODUCER_FENCED
    assert p.end_settled(False, epoch=e)[0] == INVALID_TXN_STATE

    # Transaction 2, aborted: sequences start at 0 under the new epoch.
    assert p.add_partition() == NONE
    assert p.produce(["b1", "b2"]) == NONE
    assert p.end(False) == (NONE, pid, e + 2)
    assert p.end_settled(False, epoch=e + 1) == (NONE, pid, e + 2)

    # An abort with no partition added bumps too; a commit of nothing is refused.
    assert p.end_settled(True)[0] == INVALID_TXN_STATE
    assert p.end_settled(False) == (NONE, pid, e + 3)

    # Transaction 3, committed.
    assert p.add_partition() == NONE
    assert p.produce(["c1"]) == NONE
    assert p.end(True) == (NONE, pid, e + 4)

    committed = ["a1", "a2", "a3", "c1"]
    assert read_values(broker.bootstrap, topic, "read_committed", 4) == committed
    everything = ["a1", "a2", "a3", "b1", "b2", "c1"]
    assert read_values(broker.bootstrap, topic, "read_uncommitted", 6) == everything

    # After a SIGKILL the coordinator reloads the version 2 state: a retry of the last
    # commit is still recognised, and the next transaction goes on at the bumped epoch.
    p.wire.close()
    broker.restart(sig=9)
    p.wire = Wire(broker.bootstrap)
    assert p.end_settled(True, epoch=e + 3) == (NONE, pid, e + 4)
    assert (p.pid, p.epoch) == (pid, e + 4)
    assert p.add_partition() == NONE
    assert p.produce(["d1"]) == NONE
    assert p.end(True) == (NONE, pid, e + 5)
    assert read_values(broker.bootstrap, topic, "read_committed", 5) == committed + ["d1"]
    p.wire.close()


def test_end_txn_v5_of_the_next_transaction_waits_for_the_markers(broker_factory):
    """EndTxn at the bumped epoch while the previous transaction's markers are still being
    written waits (CONCURRENT_TRANSACTIONS) and then ends the next transaction; it is not
    fenced. franz-go aborts its next, empty transaction this way when a rebalance revokes its
    partitions right after a commit (its TestTxnEtl failed with PRODUCER_FENCED). The two
    EndTxn are pipelined on one connection, so the second is decided before the first's
    PrepareCommit is even durable, let alone its markers written."""
    broker = broker_factory(env=TXN_ENV)
    topic = f"tv2-{uuid.uuid4().hex[:8]}"
    create_topic(broker.bootstrap, topic, 1)
    p = Tv2Producer(broker.bootstrap, f"tid-{uuid.uuid4().hex[:8]}", topic)
    pid, e = p.pid, p.epoch
    assert p.add_partition() == NONE
    assert p.produce(["a1"]) == NONE

    def end(epoch, commit):
        return EndTxnRequest(transactional_id=p.tid, producer_id=pid, producer_epoch=epoch,
                             committed=commit)

    commit, abort = p.wire.call_pipelined([end(e, True), end(e + 1, False)], EndTxnResponse, 5)
    assert (commit.error_code, commit.producer_id, commit.producer_epoch) == (NONE, pid, e + 1)
    # Usually decided while the first's markers are still being written; on a loaded
    # machine the markers may all be written (three fsyncs) before the second request is
    # decided, and the abort of the next, empty transaction then goes through at once.
    # Either way it is not fenced.
    assert abort.error_code in (CONCURRENT_TRANSACTIONS, NONE), abort
    if abort.error_code == NONE:
        assert (abort.producer_id, abort.producer_epoch) == (pid, e + 2), abort
    p.epoch = e + 1
    assert p.end_settled(False) == (NONE, pid, e + 2)

    # The producer goes on at the epoch the abort named; the first transaction committed.
    assert p.add_partition() == NONE
    assert p.produce(["b1"]) == NONE
    assert p.end(True) == (NONE, pid, e + 3)
    assert read_values(broker.bootstrap, topic, "read_committed", 2) == ["a1", "b1"]
    p.wire.close()
