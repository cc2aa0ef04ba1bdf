"""Workloads from real clients (librdkafka through confluent-kafka), each a thread that writes
every send, acknowledgement, poll and commit to one history (JSON lines, `t` in seconds since
the run started), for checker.py to judge afterwards.

- `IdempotentProducer`: enable.idempotence, acks=all; each value unique ("<proc>-<n>") and sent
  to a partition it chooses, so the history knows where every value should be.
- `TransactionalProducer`: a transactional.id; each transaction writes a few values to
  several partitions, then commits or (drawn from the seed) aborts; the outcome is recorded as
  committed, aborted or unknown (an error from commit_transaction that left it unclear).
- `Consumer`: in a group (subscribe, offsets committed synchronously after each batch and
  recorded once the commit is answered, with
  the time its request was sent) or with assign from the beginning; read_uncommitted
  or read_committed; assignments are recorded, since positions restart at each.
- `final_read`: after the faults, reads every partition from the beginning to its end (high
  watermark, or last stable offset for read_committed) with assign.

Every wait is bounded; the threads stop when `stop` is set.
"""

import json
import random
import threading
import time

from confluent_kafka import Consumer as KafkaConsumer
from confluent_kafka import KafkaException, Producer, TopicPartition

# Settings every client gets; run.py adds a logger here so librdkafka's own log lines go to the
# run's clients.log instead of the terminal.
CLIENT_CONFIG = {}


class History:
    """An append-only JSON-lines file shared by every workload thread."""

    def __init__(self, path):
        self.path = path
        self.file = open(path, "w")
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.counts = {}

    def now(self):
        """Seconds since the run started, as every event's `t`."""
        return round(time.monotonic() - self.started, 4)

    def add(self, **event):
        event["t"] = self.now()
        with self.lock:
            self.file.write(json.dumps(event) + "\n")
            self.counts[event["type"]] = self.counts.get(event["type"], 0) + 1

    def close(self):
        with self.lock:
            self.file.close()


def _error_name(err):
    try:
        return err.name()
    except AttributeError:
        return str(err)


class Workload(threading.Thread):
    def __init__(self, name, history, stop, config):
        super().__init__(name=name, daemon=True)
        self.proc = name
        self.history = history
        self.stop_event = stop
        self.config = config
        self.crashed = None

    def run(self):
        try:
            self.body()
        except Exception as e:  # noqa: BLE001 - recorded, the run goes on
            self.crashed = repr(e)
            self.history.add(type="worker-crash", proc=self.proc, error=repr(e))


class IdempotentProducer(Workload):
    def __init__(self, name, history, stop, bootstrap, topic, partitions, rate, seed):
        super().__init__(name, history, stop, {})
        self.bootstrap, self.topic, self.partitions = bootstrap, topic, partitions
        self.rate = rate
        self.rng = random.Random(f"{seed}:{name}")

    def producer(self):
        return Producer({**CLIENT_CONFIG, "bootstrap.servers": self.bootstrap,
                         "enable.idempotence": True,
                         "acks": "all", "message.timeout.ms": 15000,
                         "request.timeout.ms": 5000, "linger.ms": 5,
                         "socket.connection.setup.timeout.ms": 3000,
                         "reconnect.backoff.max.ms": 1000, "topic.metadata.refresh.interval.ms":
                         2000})

    def body(self):
        p = self.producer()
        n = 0
        interval = 1.0 / self.rate
        while not self.stop_event.is_set():
            value = f"{self.proc}-{n}"
            partition = n % self.partitions
            n += 1

            def delivered(err, msg, value=value, partition=partition):
                if err is None:
                    self.history.add(type="ack", proc=self.proc, topic=self.topic,
                                     partition=msg.partition(), offset=msg.offset(),
                                     value=value)
                else:
                    self.history.add(type="send-failed", proc=self.proc, topic=self.topic,
                                     partition=partition, value=value,
                                     error=_error_name(err), fatal=err.fatal())

            self.history.add(type="send", proc=self.proc, topic=self.topic,
                             partition=partition, value=value)
            try:
                p.produce(self.topic, value=value.encode(), key=value.encode(),
                          partition=partition, on_delivery=delivered)
            except BufferError:
                self.history.add(type="send-failed", proc=self.proc, topic=self.topic,
                                 partition=partition, value=value, error="queue full")
            except KafkaException as e:
                self.history.add(type="send-failed", proc=self.proc, topic=self.topic,
                                 partition=partition, value=value, error=str(e),
                                 fatal=True)
                p = self.replace(p)
            try:
                p.poll(interval)
            except KafkaException as e:
                # A fatal error (say OUT_OF_ORDER_SEQUENCE_NUMBER) ends this producer; it is
                # a finding of the run, and the workload goes on with a new producer.
                self.history.add(type="producer-fatal", proc=self.proc, error=str(e))
                p = self.replace(p)
        remaining = p.flush(20)
        self.history.add(type="producer-closed", proc=self.proc, unflushed=remaining)

    def replace(self, p):
        """A fatal error (an idempotent producer's sequence lost) ends a producer: a new one
        gets a new producer id, as an application would."""
        try:
            p.flush(5)
        except KafkaException:
            pass
        return self.producer()


class TransactionalProducer(Workload):
    def __init__(self, name, history, stop, bootstrap, topic, partitions, seed,
                 abort_ratio=0.25, per_txn=(2, 4)):
        super().__init__(name, history, stop, {})
        self.bootstrap, self.topic, self.partitions = bootstrap, topic, partitions
        self.rng = random.Random(f"{seed}:{name}")
        self.abort_ratio = abort_ratio
        self.per_txn = per_txn
        self.txn_id = f"faults-{name}"

    def producer(self):
        p = Producer({**CLIENT_CONFIG, "bootstrap.servers": self.bootstrap,
                      "transactional.id": self.txn_id,
                      "acks": "all", "message.timeout.ms": 10000, "request.timeout.ms": 5000,
                      "transaction.timeout.ms": 20000,
                      "socket.connection.setup.timeout.ms": 3000,
                      "reconnect.backoff.max.ms": 1000})
        while not self.stop_event.is_set():
            try:
                p.init_transactions(10)
                return p
            except KafkaException as e:
                self.history.add(type="txn-init-failed", proc=self.proc, error=str(e))
                time.sleep(1)
        return None

    def body(self):
        p = self.producer()
        n = 0
        while p is not None and not self.stop_event.is_set():
            txn = f"{self.proc}-t{n}"
            n += 1
            count = self.rng.randint(*self.per_txn)
            abort = self.rng.random() < self.abort_ratio
            values = [(f"{txn}-{i}", self.rng.randrange(self.partitions)) for i in range(count)]
            self.history.add(type="txn-begin", proc=self.proc, txn=txn,
                             values=[v for v, _ in values])
            try:
                p.begin_transaction()
                for value, partition in values:
                    self.history.add(type="send", proc=self.proc, topic=self.topic,
                                     partition=partition, value=value, txn=txn)
                    p.produce(self.topic, value=value.encode(), key=value.encode(),
                              partition=partition)
                if abort:
                    # Sent first, so the aborted records are in the log for read_committed
                    # readers to skip (abort_transaction alone drops what is still queued).
                    p.flush(15)
                    p.abort_transaction(15)
                    self.history.add(type="txn-aborted", proc=self.proc, txn=txn)
                else:
                    p.commit_transaction(15)
                    self.history.add(type="txn-committed", proc=self.proc, txn=txn)
            except KafkaException as e:
                err = e.args[0]
                self.history.add(type="txn-unknown", proc=self.proc, txn=txn, error=str(e),
                                 abortable=err.txn_requires_abort(), fatal=err.fatal())
                p = self.recover(p, err, txn)
            time.sleep(0.05)
        if p is not None:
            p.flush(10)

    def recover(self, p, err, txn):
        if err.txn_requires_abort() and not err.fatal():
            try:
                p.abort_transaction(15)
                self.history.add(type="txn-aborted", proc=self.proc, txn=txn)
                return p
            except KafkaException as e:
                self.history.add(type="txn-abort-failed", proc=self.proc, txn=txn,
                                 error=str(e))
        if err.retriable() and not err.fatal():
            # The commit or abort may complete on a retry; its outcome stays unknown to the
            # history unless it is answered.
            try:
                p.abort_transaction(15)
                self.history.add(type="txn-aborted", proc=self.proc, txn=txn)
                return p
            except KafkaException:
                pass
        # Anything else: a new producer with the same transactional.id fences the old one
        # and aborts whatever it left open.
        return self.producer()


class Consumer(Workload):
    def __init__(self, name, history, stop, bootstrap, topic, partitions, group=None,
                 isolation="read_uncommitted"):
        super().__init__(name, history, stop, {})
        self.bootstrap, self.topic, self.partitions = bootstrap, topic, partitions
        self.group = group
        self.isolation = isolation

    def body(self):
        config = {**CLIENT_CONFIG, "bootstrap.servers": self.bootstrap,
                  "group.id": self.group or f"faults-assign-{self.proc}",
                  "enable.auto.commit": False, "auto.offset.reset": "earliest",
                  "isolation.level": self.isolation, "session.timeout.ms": 10000,
                  "heartbeat.interval.ms": 1000, "socket.connection.setup.timeout.ms": 3000,
                  "reconnect.backoff.max.ms": 1000, "topic.metadata.refresh.interval.ms": 2000,
                  "fetch.wait.max.ms": 200}
        c = KafkaConsumer(config)
        mode = "group" if self.group else "assign"

        def assigned(consumer, parts):
            self.history.add(type="assign", proc=self.proc, mode=mode, group=self.group,
                             topic=self.topic,
                             partitions=sorted(tp.partition for tp in parts))

        def revoked(consumer, parts):
            self.history.add(type="revoke", proc=self.proc, mode=mode, topic=self.topic,
                             partitions=sorted(tp.partition for tp in parts))

        if self.group:
            c.subscribe([self.topic], on_assign=assigned, on_revoke=revoked)
        else:
            parts = [TopicPartition(self.topic, p, -2) for p in range(self.partitions)]
            c.assign(parts)
            assigned(c, parts)
        try:
            while not self.stop_event.is_set():
                self.poll_once(c, mode)
        finally:
            c.close()

    def poll_once(self, c, mode):
        msgs = c.consume(num_messages=200, timeout=0.5)
        last = {}
        for m in msgs:
            if m.error():
                continue
            self.history.add(type="poll", proc=self.proc, mode=mode, group=self.group,
                             isolation=self.isolation, topic=m.topic(), partition=m.partition(),
                             offset=m.offset(), value=m.value().decode())
            last[m.partition()] = m.offset()
        if self.group and last:
            offsets = [TopicPartition(self.topic, p, o + 1) for p, o in last.items()]
            sent = self.history.now()
            try:
                done = c.commit(offsets=offsets, asynchronous=False)
                for tp in done or []:
                    if tp.error is None:
                        self.history.add(type="commit", proc=self.proc, group=self.group,
                                         topic=tp.topic, partition=tp.partition,
                                         offset=tp.offset, sent=sent)
            except KafkaException as e:
                # A failed commit's outcome is unknown: an earlier attempt of it may have
                # been written before the error (a retry refused after a rebalance), so
                # the offsets it carried are recorded as possibly committed.
                attempted = [{"topic": self.topic, "partition": p, "offset": o + 1}
                             for p, o in last.items()]
                self.history.add(type="commit-failed", proc=self.proc, group=self.group,
                                 error=str(e), offsets=attempted)


def final_read(history, bootstrap, topic, partitions, isolation, timeout_s=60):
    """Reads every partition of `topic` from offset 0 up to its end as this isolation level
    sees it, with assign; records each record as a poll of proc "final-<isolation>". Returns
    the partitions it could not read to the end within `timeout_s` (empty when complete)."""
    proc = f"final-{isolation}"
    c = KafkaConsumer({**CLIENT_CONFIG, "bootstrap.servers": bootstrap,
                       "group.id": f"faults-{proc}",
                       "enable.auto.commit": False, "isolation.level": isolation,
                       "auto.offset.reset": "earliest", "enable.partition.eof": True,
                       "fetch.wait.max.ms": 100})
    deadline = time.monotonic() + timeout_s
    ends = {}
    try:
        # Each partition's end, asked in rounds so one unavailable partition does not use up
        # the time of the others.
        while len(ends) < partitions and time.monotonic() < deadline - timeout_s / 2:
            for p in range(partitions):
                if p in ends:
                    continue
                try:
                    _, high = c.get_watermark_offsets(TopicPartition(topic, p), timeout=2)
                    ends[p] = high
                except KafkaException:
                    pass
            if len(ends) < partitions:
                time.sleep(0.5)
        history.add(type="final-ends", proc=proc, topic=topic, isolation=isolation,
                    ends={str(p): e for p, e in ends.items()})
        c.assign([TopicPartition(topic, p, 0) for p in range(partitions)])
        position = {p: 0 for p in range(partitions)}
        done = {p for p in range(partitions) if ends.get(p) == 0}
        while len(done) < partitions and time.monotonic() < deadline:
            for m in c.consume(num_messages=500, timeout=0.5):
                p = m.partition()
                if m.error():
                    # Partition EOF at or past the high watermark taken before: read through.
                    # (read_committed stops earlier while a transaction is open: incomplete.)
                    if (m.error().code() == -191 and ends.get(p) is not None
                            and m.offset() >= ends[p]):
                        done.add(p)
                    continue
                history.add(type="poll", proc=proc, mode="final", group=None,
                            isolation=isolation, topic=topic, partition=p, offset=m.offset(),
                            value=m.value().decode())
                position[p] = m.offset() + 1
                if ends.get(p) is not None and position[p] >= ends[p]:
                    done.add(p)
    finally:
        c.close()
    missing = sorted(set(range(partitions)) - done)
    history.add(type="final-done", proc=proc, topic=topic, isolation=isolation,
                incomplete=missing)
    return missing
