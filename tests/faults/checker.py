"""A checker of Kafka's guarantees over a recorded history (workloads.py's JSON lines).

The history holds what clients saw: sends, acknowledgements with their offsets, transaction
outcomes, polls (offset and value), assignments and committed offsets, and at the end a read
of every partition from offset 0 by `final-read_uncommitted` and `final-read_committed`
(polls of mode "final"). Every value a producer sends is unique, so a value names one record.

Properties (each a function below; all pure, so they can be tested on made-up histories):

- lost-write: every acknowledged value (and every value of a committed transaction) is in the
  final read of its partition, at the offset it was acknowledged at.
- offset-conflict: no offset holds two different values (across acks and every reader).
- record-at-two-offsets: no value is seen at one offset by one observer and at another offset
  by another (an acknowledgement that disagrees with what is read).
- duplicate: no value is stored twice in a partition (an idempotent producer's retry
  appended again). Excused, and counted apart: a value its producer still held when one of
  its messages timed out (message.timeout.ms), since librdkafka then bumps the epoch and
  renumbers what it holds, retries of possibly written requests included.
- order: one producer's values in one partition are stored in the order they were sent.
- nonmonotonic-poll: a consumer's offsets in a partition only increase between assignments.
- skipped-poll: a consumer never skips over a record that its isolation level should show
  (one in the final read at that level) between two consecutive polls, or before its first
  poll after an assignment (from the beginning with assign; in a group, from the group's
  last commit recorded before the assignment, or the beginning when there is none).
- aborted-read: a read_committed consumer never sees a value of an aborted transaction.
- partial-transaction: a read_committed reader sees all or none of each transaction.
- committed-offset-backwards: a group's committed offset for a partition never decreases: a
  commit sent after another was answered does not carry a lower offset.
- incomplete-final-read: the final read could not reach the end of a partition after every
  fault was healed (availability; the other properties are judged on what was read).

Over the read-write transactions (ReadWriteTransactions: each reads at read_committed, then
writes, and sends its consumed offsets with the transaction; `read_write` below says why
each edge holds):

- aborted-read (G1a) also covers their reads: none is a value of an aborted transaction.
- G1b: each value they read is in the final read_committed read at the offset it was read
  at (a read of something the committed state does not hold).
- consumed-twice: no value is read by two committed transactions (each sends offsets past
  what it read, so a second consumer must start after it).
- G1c: no cycle of write-read and write-write dependencies among committed transactions that
  the order of events in time forbids (write cycles alone, G0, Kafka allows).

`check(events)` returns a report: ok, the count per property, the first violation (by the
time of the latest event it involves, i.e. when it became visible) with those events, and
the first 50 violations.
"""

import json
import sys
from collections import defaultdict

PROPERTIES = ["lost-write", "offset-conflict", "record-at-two-offsets", "duplicate", "order",
              "nonmonotonic-poll", "skipped-poll", "aborted-read", "partial-transaction",
              "committed-offset-backwards", "incomplete-final-read", "G1b", "consumed-twice",
              "G1c"]


def violation(prop, message, *events):
    events = [e for e in events if e is not None]
    return {"property": prop, "message": message,
            "t": max((e.get("t", 0) for e in events), default=0), "events": events}


def _key(e):
    return e["topic"], e["partition"]


class View:
    """Indexes of a history that the properties share."""

    def __init__(self, events):
        self.events = events
        # librdkafka acknowledges some records without their offset (a batch that failed
        # "possibly persisted" and is settled by a later batch's success): those must be in
        # the log, anywhere; the rest at their offset.
        acks = [e for e in events if e["type"] == "ack"]
        self.acks = [e for e in acks if e["offset"] is not None]
        self.acks_without_offset = [e for e in acks if e["offset"] is None]
        self.polls = [e for e in events if e["type"] == "poll"]
        self.final = defaultdict(list)  # isolation -> polls of the final read
        for p in self.polls:
            if p.get("mode") == "final":
                self.final[p["isolation"]].append(p)
        self.final_incomplete = {}  # (isolation, topic) -> [partitions]
        self.final_done = set()  # (isolation, topic)
        for e in events:
            if e["type"] == "final-done":
                self.final_done.add((e["isolation"], e["topic"]))
                self.final_incomplete[(e["isolation"], e["topic"])] = e["incomplete"]
        self.sends = [e for e in events if e["type"] == "send"]
        # When an idempotent producer's message times out (message.timeout.ms), librdkafka
        # bumps the producer epoch and renumbers every message it still holds, including
        # retries of requests that may have been written: those can be stored twice. It is
        # the client's documented trade-off, not a broker's fault, so such copies are counted
        # apart (`excused`) instead of as violations.
        self.timeouts = defaultdict(list)  # proc -> times of its message timeouts
        for e in events:
            if e["type"] == "send-failed" and e.get("error") == "_MSG_TIMED_OUT":
                self.timeouts[e["proc"]].append(e["t"])
        self.send_of = {e["value"]: e for e in self.sends}
        self.ack_of = {e["value"]: e for e in acks}
        self.txns = {}  # txn -> {"values": [...], "status": ..., "events": [...]}
        self.value_txn = {}
        for e in events:
            if e["type"] == "txn-begin":
                self.txns[e["txn"]] = {"values": e["values"], "status": "open", "events": [e]}
                for v in e["values"]:
                    self.value_txn[v] = e["txn"]
            elif e["type"] in ("txn-committed", "txn-aborted", "txn-unknown"):
                txn = self.txns.setdefault(e["txn"], {"values": [], "status": "open",
                                                      "events": []})
                txn["events"].append(e)
                status = e["type"][4:]
                # An unknown outcome stays unknown unless a later answer settles it.
                if txn["status"] in ("open", "unknown"):
                    txn["status"] = status

    def excused(self, value):
        """Whether `value` may be stored twice by its producer's epoch bump: it was sent
        before one of the producer's message timeouts and not yet acknowledged then."""
        send = self.send_of.get(value)
        if send is None or send.get("txn"):
            return False
        ack = self.ack_of.get(value)
        return any(send["t"] <= t and (ack is None or ack["t"] >= t)
                   for t in self.timeouts.get(send["proc"], []))

    def final_log(self, isolation):
        """(topic, partition) -> {offset: poll} of the final read at `isolation`."""
        log = defaultdict(dict)
        for p in self.final.get(isolation, []):
            log[_key(p)].setdefault(p["offset"], p)
        return log

    def complete(self, isolation, topic, partition):
        done = (isolation, topic) in self.final_done
        return done and partition not in self.final_incomplete.get((isolation, topic), [])


def lost_writes(view):
    out = []
    log = view.final_log("read_uncommitted")
    for a in view.acks:
        if not view.complete("read_uncommitted", a["topic"], a["partition"]):
            continue
        at = log[_key(a)].get(a["offset"])
        if at is None or at["value"] != a["value"]:
            found = [p for p in log[_key(a)].values() if p["value"] == a["value"]]
            where = f"offset {at['offset']} holds {at['value']!r}" if at else "nothing there"
            out.append(violation("lost-write", f"{a['value']!r} acknowledged at "
                                 f"{a['topic']}/{a['partition']}@{a['offset']}, final read: "
                                 f"{where}" + (f"; found at {found[0]['offset']}"
                                               if found else ""), a, at, *found[:1]))
    for a in view.acks_without_offset:
        if not view.complete("read_uncommitted", a["topic"], a["partition"]):
            continue
        if not any(p["value"] == a["value"] for p in log[_key(a)].values()):
            out.append(violation("lost-write", f"{a['value']!r} acknowledged (offset "
                                 f"unknown) on {a['topic']}/{a['partition']} is not in the "
                                 f"final read", a))
    committed_log = view.final_log("read_committed")
    seen = defaultdict(list)
    for polls in committed_log.values():
        for p in polls.values():
            seen[p["value"]].append(p)
    sends = {s["value"]: s for s in view.sends if s.get("txn")}
    for txn_id, txn in view.txns.items():
        if txn["status"] != "committed":
            continue
        for v in txn["values"]:
            s = sends.get(v)
            if s is None or seen.get(v):
                continue
            if not view.complete("read_committed", s["topic"], s["partition"]):
                continue
            out.append(violation("lost-write", f"{v!r} of committed transaction {txn_id} is "
                                 f"not in the final read_committed read of "
                                 f"{s['topic']}/{s['partition']}", s, *txn["events"]))
    return out


def offset_conflicts(view):
    out = []
    first = {}
    for e in view.acks + view.polls:
        k = (*_key(e), e["offset"])
        if k not in first:
            first[k] = e
        elif first[k]["value"] != e["value"]:
            out.append(violation("offset-conflict", f"{k[0]}/{k[1]}@{k[2]} holds "
                                 f"{first[k]['value']!r} for {first[k]['proc']} and "
                                 f"{e['value']!r} for {e['proc']}", first[k], e))
            first[k] = e  # report each new disagreement once
    return out


def _read_offsets(view):
    """value -> {offset: first poll} over every reader."""
    offsets = defaultdict(dict)
    for p in view.polls:
        offsets[(*_key(p), p["value"])].setdefault(p["offset"], p)
    return offsets


def duplicates(view):
    out = []
    idempotent = {s["value"] for s in view.sends if not s.get("txn")}
    for (topic, partition, value), at in _read_offsets(view).items():
        if len(at) > 1 and not view.excused(value):
            kind = "idempotent producer's" if value in idempotent else "transactional"
            polls = [at[o] for o in sorted(at)]
            out.append(violation("duplicate", f"{kind} value {value!r} is stored at offsets "
                                 f"{sorted(at)} of {topic}/{partition}", *polls))
    return out


def two_offsets(view):
    out = []
    reads = _read_offsets(view)
    for a in view.acks:
        at = reads.get((*_key(a), a["value"]), {})
        others = [p for o, p in sorted(at.items()) if o != a["offset"]]
        if others and not view.excused(a["value"]):
            out.append(violation("record-at-two-offsets", f"{a['value']!r} acknowledged at "
                                 f"offset {a['offset']}, read at {others[0]['offset']} by "
                                 f"{others[0]['proc']}", a, others[0]))
    return out


def order(view):
    out = []
    reads = {(k[0], k[1], k[2]): min(v) for k, v in _read_offsets(view).items()}
    acked = {a["value"]: a["offset"] for a in view.acks}
    sends = defaultdict(list)  # (proc, topic, partition) -> sends in order
    for s in view.sends:
        sends[(s["proc"], *_key(s))].append(s)
    for (proc, topic, partition), seq in sends.items():
        last = None
        for s in seq:
            offset = reads.get((topic, partition, s["value"]), acked.get(s["value"]))
            if offset is None:
                continue
            if last is not None and offset < last[1]:
                out.append(violation("order", f"{proc} sent {last[0]['value']!r} before "
                                     f"{s['value']!r} to {topic}/{partition}, stored at "
                                     f"{last[1]} and {offset}", last[0], s))
            last = (s, offset)
    return out


def _visible(view, isolation):
    """(topic, partition) -> sorted offsets a reader at `isolation` should see, or None for a
    partition whose final read at that level is incomplete or missing."""
    log = view.final_log(isolation)
    visible = {}
    for (topic, partition), at in log.items():
        if view.complete(isolation, topic, partition):
            visible[(topic, partition)] = sorted(at)
    return visible


def polls_in_order(view):
    """nonmonotonic-poll and skipped-poll, per consumer, partition and assignment."""
    import bisect
    out = []
    visible = {iso: _visible(view, iso) for iso in ("read_uncommitted", "read_committed")}
    last = {}  # (proc, topic, partition) -> previous poll, or None at the start
    committed = {}  # (group, topic, partition) -> the latest commit recorded so far
    # (group, topic, partition) -> offsets of failed commits since then: their outcome is
    # unknown, so a member may start from any of them.
    uncertain = {}
    groups = {}  # proc -> its group
    maybe = {}  # (proc, topic, partition) -> uncertain commits at its latest assignment
    # (proc, topic, partition) -> the (group, topic, partition) of its latest assignment,
    # until its first poll there
    assigned_from = {}
    for e in view.events:
        if e["type"] == "commit":
            committed[(e["group"], *_key(e))] = e
            uncertain.pop((e["group"], *_key(e)), None)
        if e["type"] == "commit-failed":
            for o in e.get("offsets", []):
                uncertain.setdefault((e["group"], o["topic"], o["partition"]), set()).add(
                    o["offset"])
        if e["type"] == "poll" and e.get("group"):
            groups[e["proc"]] = e["group"]
        if e["type"] == "assign":
            for p in e["partitions"]:
                # After an assignment a position restarts: from the beginning for assign
                # mode, in a group from the committed offset, which is at least the last
                # commit recorded before the assignment (none: the beginning).
                k = (e["proc"], e["topic"], p)
                if e["mode"] == "assign":
                    last[k] = ("start", e)
                else:
                    key = (e.get("group") or groups.get(e["proc"]), e["topic"], p)
                    c = committed.get(key)
                    last[k] = ("committed", c) if c else ("start", e)
                    maybe[k] = uncertain.get(key, set())
                    assigned_from[k] = key
            continue
        if e["type"] != "poll" or e.get("mode") == "final":
            continue
        k = (e["proc"], *_key(e))
        prev = last.get(k)
        last[k] = ("poll", e)
        if prev is None:
            continue
        key = assigned_from.pop(k, None)
        if key is not None:
            # A commit the previous owner sent before the rebalance may be answered (or
            # fail) after this member's assignment and still have been applied before this
            # member read its committed offsets: until the first poll, those count too.
            maybe[k] = set(maybe.get(k, ())) | uncertain.get(key, set())
            if key in committed:
                maybe[k].add(committed[key]["offset"])
        kind, p = prev
        low = {"start": -1, "committed": None, "poll": None}[kind]
        if kind != "start":
            low = p["offset"] - (1 if kind == "committed" else 0)
        if kind == "poll" and e["offset"] <= low:
            out.append(violation("nonmonotonic-poll", f"{e['proc']} polled "
                                 f"{e['topic']}/{e['partition']}@{e['offset']} after "
                                 f"@{low}", p, e))
            continue
        offsets = visible[e["isolation"]].get(_key(e))
        if offsets is None:
            continue

        def skips_from(after):
            i = bisect.bisect_right(offsets, after)
            return i if i < len(offsets) and offsets[i] < e["offset"] else None

        i = skips_from(low)
        if i is not None and kind in ("committed", "start") and any(
                skips_from(u - 1) is None for u in maybe.get(k, ())):
            # Started from a commit whose outcome the member never learned: it was applied.
            i = None
        if i is not None:
            skipped = view.final_log(e["isolation"])[_key(e)][offsets[i]]
            start = {"start": "its start", "poll": f"@{low}",
                     "committed": f"the committed offset {low + 1}"}[kind]
            out.append(violation("skipped-poll", f"{e['proc']} ({e['isolation']}) went from "
                                 f"{start} to {e['topic']}/{e['partition']}@{e['offset']}, "
                                 f"skipping @{offsets[i]} ({skipped['value']!r})",
                                 p if kind != "start" else None, skipped, e))
    return out


def transactions(view):
    """aborted-read and partial-transaction."""
    out = []
    for p in view.polls:
        if p["isolation"] != "read_committed":
            continue
        txn = view.value_txn.get(p["value"])
        if txn and view.txns[txn]["status"] == "aborted":
            out.append(violation("aborted-read", f"{p['proc']} (read_committed) read "
                                 f"{p['value']!r} of aborted transaction {txn}", p,
                                 *view.txns[txn]["events"]))
    seen = defaultdict(dict)
    for p in view.final.get("read_committed", []):
        txn = view.value_txn.get(p["value"])
        if txn:
            seen[txn].setdefault(p["value"], p)
    sends = {s["value"]: s for s in view.sends if s.get("txn")}
    for txn_id, values in seen.items():
        txn = view.txns[txn_id]
        missing = [v for v in txn["values"] if v not in values]
        judged = [v for v in missing if v in sends
                  and view.complete("read_committed", sends[v]["topic"],
                                    sends[v]["partition"])]
        if judged:
            out.append(violation("partial-transaction", f"the final read_committed read has "
                                 f"{sorted(values)} of transaction {txn_id} "
                                 f"({txn['status']}) but not {judged}",
                                 *values.values(), *txn["events"]))
    return out


def committed_offsets(view):
    """A commit answered before another commit of the same group and partition was sent comes
    before it, and the later one must not carry a lower offset. Commits whose requests
    overlapped in time are concurrent: the coordinator may have written them in either order
    (their answers can be released together, once the high watermark passes both), so no
    order between them is judged. `sent` is when the request left the client (`t` when its
    answer came back); a history without it judges by answer time."""
    out = []
    answered = defaultdict(list)  # (group, topic, partition) -> commits, by answer time
    for e in view.events:
        if e["type"] != "commit":
            continue
        k = (e["group"], *_key(e))
        sent = e.get("sent", e["t"])
        before = [a for a in answered[k] if a["t"] < sent or "sent" not in e]
        prev = max(before, key=lambda a: a["offset"], default=None)
        if prev is not None and e["offset"] < prev["offset"]:
            out.append(violation("committed-offset-backwards", f"group {e['group']} committed "
                                 f"{e['topic']}/{e['partition']} at {e['offset']} after "
                                 f"{prev['offset']}", prev, e))
        answered[k].append(e)
    return out


def final_reads(view):
    out = []
    for e in view.events:
        if e["type"] == "final-done" and e["incomplete"]:
            out.append(violation("incomplete-final-read", f"the final {e['isolation']} read "
                                 f"of {e['topic']} did not reach the end of partitions "
                                 f"{e['incomplete']} after every fault was healed", e))
    return out


# ---- read-write transactions: the dependency graph


class _Graph:
    """A directed graph over integer nodes with a label on some edges."""

    def __init__(self):
        self.out = defaultdict(list)
        self.labels = {}

    def edge(self, a, b, label=None):
        self.out[a].append(b)
        if label is not None:
            self.labels.setdefault((a, b), label)

    def components(self, nodes):
        """Strongly connected components of more than one node, or with a self-loop
        (Tarjan's algorithm, iterative: a history has thousands of transactions)."""
        index, low, on_stack, stack, found = {}, {}, set(), [], []
        counter = 0
        for root in nodes:
            if root in index:
                continue
            index[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on_stack.add(root)
            work = [(root, iter(self.out.get(root, ())))]
            while work:
                node, successors = work[-1]
                advanced = False
                for nxt in successors:
                    if nxt not in index:
                        index[nxt] = low[nxt] = counter
                        counter += 1
                        stack.append(nxt)
                        on_stack.add(nxt)
                        work.append((nxt, iter(self.out.get(nxt, ()))))
                        advanced = True
                        break
                    if nxt in on_stack:
                        low[node] = min(low[node], index[nxt])
                if advanced:
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in self.out.get(node, ()):
                        found.append(component)
        return found

    def cycle_through(self, start, within):
        """The shortest cycle from `start` back to it using only nodes of `within`."""
        parent = {start: None}
        queue = [start]
        for node in queue:
            for nxt in self.out.get(node, ()):
                if nxt == start:
                    path = [node]
                    while parent[path[-1]] is not None:
                        path.append(parent[path[-1]])
                    return [start] + path[::-1][1:] + [start]
                if nxt in within and nxt not in parent:
                    parent[nxt] = node
                    queue.append(nxt)
        return None


def _rw_transactions(view):
    """The read-write transactions (a txn-begin with reads) and which of them count as
    committed: those answered committed, and those whose outcome the client never learned
    (unknown, or no answer before the run stopped) whose values are in the final
    read_committed read. An aborted transaction is never in the graph, even if its values
    were read (that read is flagged as aborted-read)."""
    begins = {e["txn"]: e for e in view.events if e["type"] == "txn-begin" and "reads" in e}
    stored = set()
    for p in view.final.get("read_committed", []):
        stored.add(p["value"])
    committed = set()
    for txn, begin in begins.items():
        status = view.txns[txn]["status"]
        if status == "committed" or (status in ("unknown", "open")
                                     and any(v in stored for v in begin["values"])):
            committed.add(txn)
    return begins, committed


def read_write(view):
    """aborted-read (G1a), G1b, consumed-twice and G1c over the read-write transactions.

    The graph's edges are orders in time that a correct Kafka implies, so any cycle is a
    contradiction. Each committed transaction T has two moments: s(T), when its first value
    was appended, and e(T), when its last one was, s(T) <= e(T); a transaction reads before
    it writes (the workload does), and commits only after every value it wrote was appended.

    - wr: T2 read (read_committed) a value T1 wrote. The read saw T1 committed, so every
      value of T1 was appended before T2 read, before T2 wrote: e(T1) < s(T2).
    - ww: in one partition of the final read_committed read, a value of T1 precedes a value
      of T2 (offset order is append order): s(T1) < e(T2). Concurrent transactions interleave
      in a partition and may do so in opposite orders in two partitions: ww edges both ways,
      a write cycle (G0) Kafka allows, since records are appended when sent, not at commit.

    A cycle of these inequalities is impossible: it needs e(T) before s(T) somewhere, i.e.
    a cycle of wr edges (G1c proper) or of ww and wr edges in which no two ww edges follow
    each other (the time an edge ends at is then where the next starts, or later). Such a
    cycle is reported as G1c. A pure ww cycle is G0 and not a violation. The graph is built
    on moments, not transactions, so that rule needs no search over paths: nodes s(T) and
    e(T) with s -> e, wr as e(T1) -> s(T2), and for ww one node per record of a committed
    transaction in each partition's final read, chained in offset order, with s(T) -> record
    -> e(T) for T's own records. Every edge is an order in time (<= or <), the non-strict
    ones cannot close a cycle alone, so every cycle is a contradiction; and the graph is
    linear in the history (no edge per pair of transactions).

    Anti-dependencies (rw) are not used: a consumer's read of a record says nothing about
    what follows it in the partition, so no read observes a state that a later write
    replaces."""
    out = []
    begins, committed = _rw_transactions(view)
    if not begins:
        return out
    logs = view.final_log("read_committed")
    readers = defaultdict(list)  # value -> committed transactions that read it
    for txn, begin in begins.items():
        topic = begin["topic"]
        for partition, offset, value in begin["reads"]:
            writer = view.value_txn.get(value)
            if writer and view.txns[writer]["status"] == "aborted":
                out.append(violation("aborted-read", f"read-write transaction {txn} read "
                                     f"{value!r} ({topic}/{partition}@{offset}) of aborted "
                                     f"transaction {writer} (G1a)", begin,
                                     *view.txns[writer]["events"]))
                continue
            if view.complete("read_committed", topic, partition):
                at = logs[(topic, partition)].get(offset)
                if at is None or at["value"] != value:
                    where = f"holds {at['value']!r}" if at else "holds nothing"
                    out.append(violation("G1b", f"read-write transaction {txn} read {value!r} "
                                         f"at {topic}/{partition}@{offset} (read_committed); "
                                         f"the final read_committed read {where} there",
                                         begin, at))
            if txn in committed and txn not in readers[value]:
                readers[value].append(txn)
    for value, txns in readers.items():
        if len(txns) > 1:
            out.append(violation("consumed-twice", f"{value!r} was consumed by committed "
                                 f"transactions {txns}, each sending offsets past it",
                                 *(begins[t] for t in txns)))
    out += _cycles(view, begins, committed, logs)
    return out


def _cycles(view, begins, committed, logs):
    out = []
    g = _Graph()
    order = sorted(committed)
    number = {txn: i for i, txn in enumerate(order)}
    start, end = (lambda t: 2 * number[t]), (lambda t: 2 * number[t] + 1)
    for txn in order:
        g.edge(start(txn), end(txn))
        for partition, offset, value in begins[txn]["reads"]:
            writer = view.value_txn.get(value)
            if writer in committed:
                g.edge(end(writer), start(txn),
                       ("wr", writer, txn, f"{value!r} at {begins[txn]['topic']}/"
                                           f"{partition}@{offset}"))
    topics = {b["topic"] for b in begins.values()}
    records = {}  # record node -> (topic, partition, offset, value, txn)
    node = 2 * len(order)
    for (topic, partition), at in sorted(logs.items()):
        if topic not in topics:
            continue
        previous = None
        for offset in sorted(at):
            txn = view.value_txn.get(at[offset]["value"])
            if txn not in committed:
                continue
            records[node] = (topic, partition, offset, at[offset]["value"], txn)
            g.edge(start(txn), node)
            g.edge(node, end(txn))
            if previous is not None:
                g.edge(previous, node)
            previous = node
            node += 1
    for component in g.components(range(node)):
        within = set(component)
        # From a start moment: every cycle passes one (records lead only to later records and
        # to ends, ends only to starts).
        first = min(n for n in component if n < 2 * len(order) and n % 2 == 0)
        path = g.cycle_through(first, within)
        out.append(_cycle_violation(path, g, order, records, begins, view))
    return out


def _cycle_violation(path, g, order, records, begins, view):
    """A G1c violation naming the transactions of `path` (moments and records) and the edge
    between each and the next."""
    edges = []
    i = 0
    while i < len(path) - 1:
        a, b = path[i], path[i + 1]
        if (a, b) in g.labels:
            kind, writer, reader, detail = g.labels[(a, b)]
            edges.append((writer, "wr", reader, f"{reader} read {detail}"))
        elif b in records:
            # s(T1) -> records ... -> e(T2): a ww edge when T2 is another transaction.
            j = i + 1
            while path[j + 1] in records:
                j += 1
            first, last = records[b], records[path[j]]
            writer = order[a // 2]
            reader = order[path[j + 1] // 2]
            if writer != reader:
                edges.append((writer, "ww", reader,
                              f"{first[0]}/{first[1]}: {first[3]!r}@{first[2]} before "
                              f"{last[3]!r}@{last[2]}"))
            i = j
        i += 1
    txns = []
    for writer, _, reader, _ in edges:
        for t in (writer, reader):
            if t not in txns:
                txns.append(t)
    chain = " ".join(f"{w} -{k}-> {r};" for w, k, r, _ in edges)
    details = "; ".join(f"{w} -{k}-> {r}: {d}" for w, k, r, d in edges)
    events = []
    for t in txns:
        events.append(begins[t])
        events += view.txns[t]["events"][1:]
    return violation("G1c", f"circular information flow between committed transactions "
                            f"{txns}: {chain.rstrip(';')} ({details})", *events)


CHECKS = [lost_writes, offset_conflicts, two_offsets, duplicates, order, polls_in_order,
          transactions, committed_offsets, final_reads, read_write]


def check(events):
    """The report over `events` (dicts, in history order)."""
    view = View(events)
    found = []
    for c in CHECKS:
        found += c(view)
    found.sort(key=lambda v: v["t"])
    counts = {p: 0 for p in PROPERTIES}
    for v in found:
        counts[v["property"]] += 1
    stats = {
        "sends": len(view.sends), "acks": len(view.acks),
        "send-failed": sum(1 for e in events if e["type"] == "send-failed"),
        "polls": len(view.polls) - sum(len(v) for v in view.final.values()),
        "final-records": {iso: len(v) for iso, v in view.final.items()},
        "commits": sum(1 for e in events if e["type"] == "commit"),
        "transactions": {s: sum(1 for t in view.txns.values() if t["status"] == s)
                         for s in ("committed", "aborted", "unknown", "open")},
        "faults": sum(1 for e in events if e["type"] == "fault-on"),
        "worker-crashes": [e for e in events if e["type"] == "worker-crash"],
        "producer-fatal": [e for e in events if e["type"] == "producer-fatal"],
        "read-write": _rw_stats(view),
        "stored-twice-after-message-timeout": sum(
            1 for (_, _, v), at in _read_offsets(view).items()
            if len(at) > 1 and view.excused(v)),
    }
    return {"ok": not found, "violations_by_property": counts,
            "first": found[0] if found else None, "violations": found[:50],
            "context": context(events, found[0]) if found else [], "stats": stats}


def _rw_stats(view):
    """The read-write transactions' outcomes and the graph's size, for the report."""
    begins, committed = _rw_transactions(view)
    status = defaultdict(int)
    for txn in begins:
        status[view.txns[txn]["status"]] += 1
    wr = sum(1 for t in committed for _, _, v in begins[t]["reads"]
             if view.value_txn.get(v) in committed)
    return {"transactions": len(begins), "in-graph (committed)": len(committed),
            **{s: status[s] for s in ("committed", "aborted", "unknown", "open")},
            "reads": sum(len(b["reads"]) for b in begins.values()), "wr-edges": wr}


# How far before the first violation `context` looks, and how many events it keeps.
CONTEXT_SECONDS = 15.0
CONTEXT_EVENTS = 40


def context(events, first):
    """What led up to the first violation, for a report read without the history (a CI log):
    the faults, and every event but polls, sends and acks of the processes it involves
    (assignments, commits, failures), in the CONTEXT_SECONDS before it (the last
    CONTEXT_EVENTS of them)."""
    procs = {e.get("proc") for e in first["events"]}
    start = first["t"] - CONTEXT_SECONDS
    kept = [e for e in events
            if start <= e.get("t", 0) <= first["t"]
            and (e["type"].startswith("fault")
                 or (e.get("proc") in procs and e["type"] not in ("poll", "send", "ack")))]
    return kept[-CONTEXT_EVENTS:]


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def render(report):
    lines = []
    s = report["stats"]
    lines.append(f"sends {s['sends']}, acks {s['acks']}, failed sends {s['send-failed']}, "
                 f"polls {s['polls']}, commits {s['commits']}, final reads "
                 f"{s['final-records']}, transactions {s['transactions']}")
    if s["worker-crashes"]:
        lines.append(f"worker crashes: {s['worker-crashes']}")
    for e in s["producer-fatal"]:
        lines.append(f"fatal producer error (t={e['t']}, {e['proc']}): {e['error']}")
    if s.get("read-write", {}).get("transactions"):
        lines.append(f"read-write transactions (dependency graph): {s['read-write']}")
    if s.get("stored-twice-after-message-timeout"):
        lines.append(f"stored twice after a message timeout (librdkafka's epoch bump, "
                     f"excused): {s['stored-twice-after-message-timeout']} values")
    if report["ok"]:
        lines.append("checker: no violation of any property")
        return "\n".join(lines)
    counts = {k: v for k, v in report["violations_by_property"].items() if v}
    lines.append(f"checker: VIOLATIONS {counts}")
    first = report["first"]
    lines.append(f"first: [{first['property']}] {first['message']}")
    for e in first["events"]:
        lines.append(f"    {json.dumps(e)}")
    if report.get("context"):
        procs = sorted({e.get("proc") for e in first["events"]} - {None})
        lines.append(f"before it (faults, and what {procs} did but poll, send and ack):")
        lines += [f"    {json.dumps(e)}" for e in report["context"]]
    return "\n".join(lines)


if __name__ == "__main__":
    r = check(load(sys.argv[1]))
    print(render(r))
    sys.exit(0 if r["ok"] else 1)
