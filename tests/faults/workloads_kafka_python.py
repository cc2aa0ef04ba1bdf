"""Workloads from a second client, kafka-python (pure Python, its own protocol code, nothing
shared with librdkafka), recording into the same history as workloads.py and in its format,
so every property of checker.py judges them too.

- `IdempotentProducer`: KafkaProducer with enable_idempotence=True and acks="all"; each value
  unique ("<proc>-<n>") and sent to a partition it chooses (round robin); each send, and each
  acknowledgement (partition and offset) or failure (the exception's class and text) is
  recorded. A producer whose idempotence state became fatal (kafka-python then fails every
  batch) is recorded as `producer-fatal` and replaced, as the librdkafka workload does. One
  left without a producer id for good is recorded as `producer-stuck` and replaced (below).
- `GroupConsumer`: KafkaConsumer in a group (eager range/roundrobin assignment, as
  librdkafka's default), offsets committed synchronously after each poll that returned
  records; assignments and revocations (from its ConsumerRebalanceListener), polls, answered
  commits (with the time the request was sent) and failed commits (with the offsets they
  carried, their outcome unknown) are recorded. Optionally it leaves and rejoins its group
  every few seconds.

Every event of these workers carries `client: "kafka-python"`. kafka-python's own log goes
wherever `route_logs` sends it (run.py: the run's clients.log). Every wait is bounded; the
threads stop when `stop` is set.
"""

import logging
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.consumer.subscription_state import ConsumerRebalanceListener
from kafka.coordinator.assignors.range import RangePartitionAssignor
from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
from kafka.errors import KafkaError
from kafka.producer.transaction_manager import TransactionState
from kafka.structs import OffsetAndMetadata

import workloads

CLIENT = "kafka-python"
# Bounds that match the librdkafka workloads' (workloads.py): a record is given up on after
# 15 s, a request after 5 s, a broker retried at most every second, metadata refreshed every
# 2 s so a moved leader is found quickly.
COMMON = {"request_timeout_ms": 5000, "reconnect_backoff_max_ms": 1000,
          "metadata_max_age_ms": 2000}
# How long a producer may stay without a producer id, in the state that never gets one,
# before it is replaced.
STUCK_S = 5.0


def route_logs(handler, level=logging.WARNING):
    """Sends kafka-python's log (logger "kafka") to `handler` only."""
    log = logging.getLogger("kafka")
    log.propagate = False
    log.setLevel(level)
    log.addHandler(handler)


def _error(exc):
    return f"{type(exc).__name__}: {exc}"


class Workload(workloads.Workload):
    client = CLIENT

    def record(self, **event):
        self.history.add(**event, client=CLIENT)

    def connect(self, make, what):
        """A new client from `make()`, retried each second until it works or the run stops
        (a client built while its bootstrap brokers are down fails at once)."""
        while not self.stop_event.is_set():
            try:
                return make()
            except KafkaError as e:
                self.record(type="client-start-failed", proc=self.proc, what=what,
                            error=_error(e))
                time.sleep(1)
        return None


class IdempotentProducer(Workload):
    def __init__(self, name, history, stop, bootstrap, topic, partitions, rate):
        super().__init__(name, history, stop, {})
        self.bootstrap, self.topic, self.partitions = bootstrap, topic, partitions
        self.rate = rate

    def producer(self):
        return self.connect(lambda: KafkaProducer(
            bootstrap_servers=self.bootstrap, client_id=f"faults-{self.proc}",
            enable_idempotence=True, acks="all", linger_ms=5, delivery_timeout_ms=15000,
            max_block_ms=5000, **COMMON), "producer")

    @staticmethod
    def fatal(p):
        """The error that ended this producer's idempotence, or None. kafka-python keeps it
        in its transaction manager (no public accessor): once set, every batch fails."""
        tm = getattr(p, "_transaction_manager", None)
        return tm.last_error if tm is not None and tm.has_fatal_error() else None

    @staticmethod
    def without_id(p):
        """Whether the producer is READY without a producer id. kafka-python 3.0.12 gets
        there when a batch it had sent expires (delivery_timeout_ms): it drops its producer id
        (reset_producer_id) but stays READY, and asks for a new id only from UNINITIALIZED, so
        its sender waits for an id that is never requested and no batch is sent or expired
        again. Kafka's Java client goes back to UNINITIALIZED there and asks again."""
        tm = getattr(p, "_transaction_manager", None)
        return (tm is not None and not tm.has_producer_id()
                and tm._current_state == TransactionState.READY)

    def body(self):
        p = self.producer()
        n = 0
        interval = 1.0 / self.rate
        stuck_since = None
        while p is not None and not self.stop_event.is_set():
            value = f"{self.proc}-{n}"
            partition = n % self.partitions
            n += 1
            self.send(p, value, partition)
            time.sleep(interval)
            err = self.fatal(p)
            if err is not None:
                self.record(type="producer-fatal", proc=self.proc, error=_error(err))
                p = self.replace(p)
                continue
            stuck_since = (stuck_since or time.monotonic()) if self.without_id(p) else None
            if stuck_since is not None and time.monotonic() - stuck_since > STUCK_S:
                self.record(type="producer-stuck", proc=self.proc,
                            error="READY without a producer id (kafka-python's "
                                  "reset_producer_id after an expired batch); replaced")
                p = self.replace(p)
                stuck_since = None
        if p is not None:
            started = time.monotonic()
            try:
                p.flush(timeout=20)
            except KafkaError:
                pass
            self.record(type="producer-closed", proc=self.proc,
                        flush_s=round(time.monotonic() - started, 2))
            self.close(p)

    def send(self, p, value, partition):
        def acked(md, value=value):
            self.record(type="ack", proc=self.proc, topic=self.topic, partition=md.partition,
                        offset=md.offset, value=value)

        def failed(exc, value=value, partition=partition):
            self.record(type="send-failed", proc=self.proc, topic=self.topic,
                        partition=partition, value=value, error=_error(exc),
                        fatal=self.fatal(p) is not None)

        self.record(type="send", proc=self.proc, topic=self.topic, partition=partition,
                    value=value)
        try:
            future = p.send(self.topic, value=value.encode(), key=value.encode(),
                            partition=partition)
        except KafkaError as e:  # metadata or buffer space not there within max_block_ms
            failed(e)
            return
        future.add_callback(acked)
        future.add_errback(failed)

    @staticmethod
    def close(p):
        """Closes within about 10 s. kafka-python's close raises when its flush times out,
        before it stops its I/O thread: the thread is then stopped here, which fails what it
        still holds (the errbacks record those records as failed)."""
        try:
            p.close(timeout=5)
        except KafkaError:
            sender = getattr(p, "_sender", None)
            if sender is not None:
                sender.force_close()
                sender.join(5)

    def replace(self, p):
        self.close(p)
        return self.producer()


class GroupConsumer(Workload):
    """With `rejoin_s`, the member leaves its group every `rejoin_s` seconds (closing its
    consumer, which sends LeaveGroup), stays away `away_s`, and joins again with a new
    consumer, as a rolling restart would: its partitions go to the other members and come
    back, each owner taking over from the offsets the last one committed."""

    def __init__(self, name, history, stop, bootstrap, topic, partitions, group,
                 isolation="read_uncommitted", rejoin_s=None, away_s=4.0):
        super().__init__(name, history, stop, {})
        self.bootstrap, self.topic, self.partitions = bootstrap, topic, partitions
        self.group = group
        self.isolation = isolation
        self.rejoin_s, self.away_s = rejoin_s, away_s

    def consumer(self):
        return self.connect(lambda: KafkaConsumer(
            bootstrap_servers=self.bootstrap, client_id=f"faults-{self.proc}",
            group_id=self.group, enable_auto_commit=False, auto_offset_reset="earliest",
            isolation_level=self.isolation, session_timeout_ms=10000,
            heartbeat_interval_ms=1000, max_poll_interval_ms=30000, fetch_max_wait_ms=200,
            max_poll_records=200,
            partition_assignment_strategy=(RangePartitionAssignor,
                                           RoundRobinPartitionAssignor), **COMMON), "consumer")

    def listener(self):
        worker = self

        class Listener(ConsumerRebalanceListener):
            def on_partitions_assigned(self, assigned):
                worker.record(type="assign", proc=worker.proc, mode="group",
                              group=worker.group, topic=worker.topic,
                              partitions=sorted(tp.partition for tp in assigned))

            def on_partitions_revoked(self, revoked):
                worker.record(type="revoke", proc=worker.proc, mode="group",
                              topic=worker.topic,
                              partitions=sorted(tp.partition for tp in revoked))

        return Listener()

    def body(self):
        while not self.stop_event.is_set():
            c = self.consumer()
            if c is None:
                return
            c.subscribe([self.topic], listener=self.listener())
            until = time.monotonic() + self.rejoin_s if self.rejoin_s else None
            try:
                while not self.stop_event.is_set() and (until is None
                                                        or time.monotonic() < until):
                    self.poll_once(c)
            finally:
                c.close(autocommit=False, timeout_ms=5000)
            if not self.stop_event.is_set():
                self.record(type="left-group", proc=self.proc, group=self.group)
                self.stop_event.wait(self.away_s)

    def poll_once(self, c):
        try:
            batches = c.poll(timeout_ms=500, max_records=200)
        except KafkaError as e:
            self.record(type="poll-failed", proc=self.proc, error=_error(e))
            time.sleep(0.5)
            return
        last = {}
        for tp, records in batches.items():
            for r in records:
                self.record(type="poll", proc=self.proc, mode="group", group=self.group,
                            isolation=self.isolation, topic=r.topic, partition=r.partition,
                            offset=r.offset, value=r.value.decode())
                last[tp.partition] = r.offset
        if not last:
            return
        offsets = {TopicPartition(self.topic, p): OffsetAndMetadata(o + 1, "", -1)
                   for p, o in last.items()}
        sent = self.history.now()
        try:
            c.commit(offsets=offsets, timeout_ms=10000)
        except KafkaError as e:
            # The outcome is unknown (an attempt may have been written before the error), so
            # the offsets are recorded as possibly committed, as workloads.Consumer does.
            self.record(type="commit-failed", proc=self.proc, group=self.group,
                        error=_error(e),
                        offsets=[{"topic": self.topic, "partition": p, "offset": o + 1}
                                 for p, o in last.items()])
            return
        for p, o in last.items():
            self.record(type="commit", proc=self.proc, group=self.group, topic=self.topic,
                        partition=p, offset=o + 1, sent=sent)
