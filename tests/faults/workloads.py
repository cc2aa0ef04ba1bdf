"""Workloads from real clients (librdkafka through confluent-kafka), each a thread that writes
every send, acknowledgement, poll and commit to one history (JSON lines, `t` in seconds since
the run started), for checker.py to judge afterwards.

- `IdempotentProducer`: enable.idempotence, acks=all; each value unique ("<proc>-<n>") and sent
  to a partition it chooses, so the history knows where every value should be.
- `TransactionalProducer`: a transactional.id; each transaction writes a few values to
  several partitions, then commits or (drawn from the seed) aborts; the outcome is recorded as
  committed, aborted or unknown (an error from commit_transaction that left it unclear).
- `ReadWriteTransactions`: consume-transform-produce in transactions on one topic: a group
  member at read_committed that, in each transaction, writes new values naming the values it
  read, sends its consumed offsets with the transaction, and commits or aborts; its reads,
  writes, offsets and outcome are recorded for the checker's dependency graph.
- `Consumer`: in a group (subscribe, offsets committed synchronously after each batch and
  recorded once the commit is answered, with
  the time its request was sent) or with assign from the beginning; read_uncommitted
  or read_committed; assignments are recorded, since positions restart at each.
- `final_read`: after the faults, reads every partition from the beginning to its end (high
  watermark, or last stable offset for read_committed) with assign.

Every wait is bounded; the threads stop when `stop` is set.
"""

import contextlib
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
            # Offset 0, not BEGINNING: no logical-offset query (see start_groups_at_zero).
            parts = [TopicPartition(self.topic, p, 0) for p in range(self.partitions)]
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


class ReadWriteTransactions(Workload):
    """A transactional consume-transform-produce worker on one topic: it reads a few records
    with read_committed in a group, and in one transaction writes new unique values (each
    carrying, in its `reads` header, the values it was made from), sends the consumed offsets
    with send_offsets_to_transaction, and commits or (drawn from the seed) aborts. Every
    transaction is recorded as a `txn-begin` with its reads ([partition, offset, value]), its
    writes and the offsets it sends, then its sends and its outcome, so that checker.py can
    build the dependency graph between transactions.

    Reads always come before writes within a transaction: the graph's edges rely on it. A
    batch polled while a rebalance happened is dropped (its partitions may be someone else's
    now), and after any transaction that did not commit the consumer goes back to the
    group's committed offsets, so a value is consumed by at most one committed transaction."""

    # How many times a stuck worker is replaced (each successor may get stuck in turn).
    SUCCESSORS_MAX = 5

    def __init__(self, name, history, stop, bootstrap, topic, partitions, seed, group,
                 abort_ratio=0.15, per_txn=(1, 3), reads_max=6, txn_id=None,
                 successors_left=SUCCESSORS_MAX):
        super().__init__(name, history, stop, {})
        self.bootstrap, self.topic, self.partitions = bootstrap, topic, partitions
        self.seed = seed
        self.rng = random.Random(f"{seed}:{name}")
        self.group = group
        self.abort_ratio = abort_ratio
        self.per_txn = per_txn
        self.reads_max = reads_max
        self.txn_id = txn_id or f"faults-{name}"
        self.rebalanced = False
        self.calling = None  # (librdkafka call, its timeout, when it started)
        self.retired = False  # replaced while stuck: records what it learns, starts nothing
        self.successors_left = successors_left
        self.successors = []

    # The same producer as TransactionalProducer's (its transactional.id is `txn_id`).
    producer = TransactionalProducer.producer

    def consumer(self):
        c = KafkaConsumer({**CLIENT_CONFIG, "bootstrap.servers": self.bootstrap,
                           "group.id": self.group, "enable.auto.commit": False,
                           "auto.offset.reset": "earliest", "isolation.level": "read_committed",
                           "session.timeout.ms": 10000, "heartbeat.interval.ms": 1000,
                           # A worker stuck in a librdkafka call (send_offsets_to_transaction
                           # can outlive its timeout while the group coordinator is down,
                           # librdkafka issue 5456) leaves the group after this long, and the
                           # others take its partitions over.
                           "max.poll.interval.ms": 45000,
                           "socket.connection.setup.timeout.ms": 3000,
                           "reconnect.backoff.max.ms": 1000,
                           "topic.metadata.refresh.interval.ms": 2000,
                           "fetch.wait.max.ms": 100})

        def assigned(consumer, parts):
            self.rebalanced = True
            self.history.add(type="assign", proc=self.proc, mode="group", group=self.group,
                             topic=self.topic, partitions=sorted(tp.partition for tp in parts))

        def revoked(consumer, parts):
            self.rebalanced = True
            self.history.add(type="revoke", proc=self.proc, mode="group", topic=self.topic,
                             partitions=sorted(tp.partition for tp in parts))

        c.subscribe([self.topic], on_assign=assigned, on_revoke=revoked)
        return c

    @contextlib.contextmanager
    def blocking(self, call, timeout):
        self.calling = (call, timeout, time.monotonic())
        try:
            yield
        finally:
            self.calling = None

    def watchdog(self):
        """Records a librdkafka call that has not returned 10 s after its own timeout (the
        worker is then stuck in the client, and the history says where), and replaces the
        worker: a successor with the same transactional.id fences the stuck producer (the
        coordinator aborts its open transaction), and the stuck member leaves the group after
        max.poll.interval.ms. The stuck thread, if its call ever returns, records the outcome
        and stops."""
        while threading.Thread.is_alive(self) and not self.stop_event.is_set():
            time.sleep(1)
            calling = self.calling
            if not calling:
                continue
            call, timeout, started = calling
            if time.monotonic() - started <= timeout + 10:
                continue
            self.history.add(type="rw-call-stuck", proc=self.proc, call=call,
                             timeout=timeout, seconds=round(time.monotonic() - started),
                             replaced=self.successors_left > 0)
            self.retired = True
            if self.successors_left > 0:
                successor = ReadWriteTransactions(
                    f"{self.proc.split('.')[0]}.{self.SUCCESSORS_MAX - self.successors_left + 1}",
                    self.history, self.stop_event, self.bootstrap, self.topic, self.partitions,
                    self.seed, self.group, self.abort_ratio, self.per_txn, self.reads_max,
                    txn_id=self.txn_id, successors_left=self.successors_left - 1)
                self.successors.append(successor)
                successor.start()
            return

    def join(self, timeout=None):
        """Joins the successors too: run.py stops and joins the workers it started before
        the final reads, and a successor must not write after them."""
        deadline = None if timeout is None else time.monotonic() + timeout

        def left():
            return None if deadline is None else max(0.0, deadline - time.monotonic())

        for w in self.successors:
            w.join(left())
        super().join(left())

    def is_alive(self):
        return threading.Thread.is_alive(self) or any(w.is_alive() for w in self.successors)

    def body(self):
        threading.Thread(target=self.watchdog, name=f"{self.proc}-watchdog", daemon=True).start()
        c = self.consumer()
        p = self.producer()
        n = 0
        try:
            while p is not None and not self.stop_event.is_set() and not self.retired:
                self.rebalanced = False
                with self.blocking("consume", 0.3):
                    msgs = c.consume(num_messages=self.rng.randint(1, self.reads_max),
                                     timeout=0.3)
                if self.rebalanced:
                    # The new assignment starts from the committed offsets; what this call
                    # returned after it is read again from there.
                    c = self.rewind(c, replace=False)
                    continue
                reads = [[m.partition(), m.offset(), m.value().decode()] for m in msgs
                         if not m.error()]
                txn = f"{self.proc}-t{n}"
                n += 1
                replaced, outcome = self.transact(p, c, txn, reads)
                if self.retired:
                    break
                if replaced is not p:
                    # The last reference to a fenced producer goes: librdkafka destroys it.
                    with self.blocking("destroy the old producer", 10):
                        p = None
                p = replaced
                if outcome != "committed":
                    c = self.rewind(c)
                time.sleep(0.02)
        finally:
            with self.blocking("consumer close", 10):
                c.close()
            if p is not None:
                try:
                    with self.blocking("flush", 10):
                        p.flush(10)
                except KafkaException:
                    pass  # a fenced producer (a retired worker's) refuses even to flush

    def transact(self, p, c, txn, reads):
        """One transaction over `reads`; returns the producer to go on with and the outcome."""
        count = self.rng.randint(*self.per_txn)
        abort = self.rng.random() < self.abort_ratio
        values = [(f"{txn}-{i}", self.rng.randrange(self.partitions)) for i in range(count)]
        offsets = {}
        for partition, offset, _ in reads:
            offsets[partition] = max(offsets.get(partition, 0), offset + 1)
        self.history.add(type="txn-begin", proc=self.proc, txn=txn, topic=self.topic,
                         values=[v for v, _ in values], reads=reads,
                         offsets=sorted(offsets.items()))
        header = [("reads", ",".join(v for _, _, v in reads).encode())]
        stage = "write"
        try:
            p.begin_transaction()
            for value, partition in values:
                self.history.add(type="send", proc=self.proc, topic=self.topic,
                                 partition=partition, value=value, txn=txn)
                p.produce(self.topic, value=value.encode(), key=value.encode(),
                          partition=partition, headers=header)
            if offsets:
                with self.blocking("send_offsets_to_transaction", 15):
                    p.send_offsets_to_transaction(
                        [TopicPartition(self.topic, part, o) for part, o in offsets.items()],
                        c.consumer_group_metadata(), 15)
            if abort:
                with self.blocking("flush and abort_transaction", 30):
                    p.flush(15)
                    p.abort_transaction(15)
                self.history.add(type="txn-aborted", proc=self.proc, txn=txn)
                return p, "aborted"
            stage = "commit"
            with self.blocking("commit_transaction", 15):
                p.commit_transaction(15)
            self.history.add(type="txn-committed", proc=self.proc, txn=txn)
            return p, "committed"
        except KafkaException as e:
            err = e.args[0]
            self.history.add(type="txn-unknown", proc=self.proc, txn=txn, error=str(e),
                             stage=stage, abortable=err.txn_requires_abort(),
                             fatal=err.fatal())
            return self.recover(p, err, txn, stage)

    def recover(self, p, err, txn, stage):
        if stage == "commit" and err.retriable() and not err.fatal():
            # The commit goes on in the background; asking again learns its outcome.
            try:
                with self.blocking("commit_transaction (again)", 15):
                    p.commit_transaction(15)
                self.history.add(type="txn-committed", proc=self.proc, txn=txn)
                return p, "committed"
            except KafkaException as e:
                err = e.args[0]
        if not err.fatal():
            try:
                with self.blocking("abort_transaction", 15):
                    p.abort_transaction(15)
                self.history.add(type="txn-aborted", proc=self.proc, txn=txn)
                return p, "aborted"
            except KafkaException as e:
                self.history.add(type="txn-abort-failed", proc=self.proc, txn=txn,
                                 error=str(e))
        # A new producer with the same transactional.id fences this one and finishes or
        # aborts what it left open; the outcome stays unknown to the history. A retired
        # worker starts none: its successor has that transactional.id now.
        return (None if self.retired else self.producer()), "unknown"

    def rewind(self, c, replace=True):
        """Back to the group's committed offsets (read_committed asks for stable ones, so an
        open transaction's offsets are waited for); when the seek fails, with `replace`, a new
        consumer, which rejoins the group and starts from them."""
        try:
            parts = c.assignment()
            if parts:
                with self.blocking("committed", 10):
                    committed = c.committed(parts, timeout=10)
                for tp in committed:
                    if tp.offset < 0:
                        # The group's start offsets are committed before the workloads
                        # start; an explicit 0, not BEGINNING, all the same.
                        tp.offset = 0
                    c.seek(tp)
                self.history.add(type="rw-rewind", proc=self.proc,
                                 offsets=[[tp.partition, tp.offset] for tp in committed])
            return c
        except KafkaException as e:
            self.history.add(type="rw-rewind-failed", proc=self.proc, error=str(e))
            if not replace:
                return c
            try:
                with self.blocking("consumer close", 10):
                    c.close()
            except (KafkaException, RuntimeError):
                pass
            return self.consumer()


def start_groups_at_zero(history, bootstrap, groups, partitions, timeout_s=60):
    """Commits offset 0 for every partition of each group's topic ({group: topic}) before the
    workloads start, so that no librdkafka consumer ever starts from a logical offset.

    librdkafka (2.16.1, and its master as of 2026-07) mishandles a ListOffsets answer that
    comes back after the partition moved on: `rd_kafka_toppar_handle_Offset` marks it
    outdated and calls `rd_kafka_toppar_offset_retry`, which puts the partition, fetching
    happily at its committed offset by then, back into the offset-query state with the
    logical offset of the old query (BEGINNING), so the consumer starts over at 0. It takes a
    query for BEGINNING (an assignment without a committed offset) sent to a broker that goes
    down before answering: librdkafka keeps the request for a retry and sends it again when
    the broker is back, long after the partition moved to another leader. The fault suite
    does that (a restart, a pause): seed 400 found it as a consumer going back to offset 0
    within one assignment, and seed 14's rewind had the same signature (docs/faults.md). With a committed offset for every
    partition and explicit start offsets, the consumers never ask for a logical offset."""
    c = KafkaConsumer({**CLIENT_CONFIG, "bootstrap.servers": bootstrap,
                       "group.id": "faults-setup", "enable.auto.commit": False})
    deadline = time.monotonic() + timeout_s
    try:
        for group, topic in groups.items():
            c.close()
            c = KafkaConsumer({**CLIENT_CONFIG, "bootstrap.servers": bootstrap,
                               "group.id": group, "enable.auto.commit": False})
            offsets = [TopicPartition(topic, p, 0) for p in range(partitions)]
            while True:
                try:
                    done = c.commit(offsets=offsets, asynchronous=False)
                    if all(tp.error is None for tp in done or []):
                        break
                except KafkaException:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"could not commit the start offsets of group {group}")
                time.sleep(0.5)
            history.add(type="group-start", group=group, topic=topic, offset=0,
                        partitions=list(range(partitions)))
    finally:
        c.close()


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
