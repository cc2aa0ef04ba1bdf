"""The checker catches each violation it claims to: for every property, a made-up history that
breaks it is flagged with that property (and the first violation names the records), and a
history that keeps it is not. Pure Python, no broker."""

import checker

T = "events"


class H:
    """A small history builder: the events a run would record, in order."""

    def __init__(self):
        self.events = []

    def add(self, type, **kw):
        self.events.append({"type": type, "t": len(self.events) * 0.01, **kw})
        return self

    def send(self, value, partition=0, proc="p1", txn=None, topic=T):
        return self.add("send", proc=proc, topic=topic, partition=partition, value=value,
                        **({"txn": txn} if txn else {}))

    def ack(self, value, offset, partition=0, proc="p1", topic=T):
        return self.add("ack", proc=proc, topic=topic, partition=partition, offset=offset,
                        value=value)

    def poll(self, value, offset, partition=0, proc="c1", isolation="read_uncommitted",
             mode="assign", topic=T):
        return self.add("poll", proc=proc, mode=mode, group=None, isolation=isolation,
                        topic=topic, partition=partition, offset=offset, value=value)

    def assign(self, proc="c1", mode="assign", partitions=(0,), topic=T, group="g"):
        return self.add("assign", proc=proc, mode=mode, topic=topic, partitions=list(partitions),
                        group=group if mode == "group" else None)

    def final(self, records, isolation="read_uncommitted", partitions=1, incomplete=(),
              topic=T):
        """records: [(partition, offset, value)] of the final read at `isolation`."""
        for partition, offset, value in records:
            self.poll(value, offset, partition, proc=f"final-{isolation}", isolation=isolation,
                      mode="final", topic=topic)
        return self.add("final-done", proc=f"final-{isolation}", topic=topic,
                        isolation=isolation, incomplete=list(incomplete))

    def txn(self, txn, values, outcome, partition=0, topic=T):
        self.add("txn-begin", proc="tx", txn=txn, values=values)
        for v in values:
            self.send(v, partition, proc="tx", txn=txn, topic=topic)
        return self.add(f"txn-{outcome}", proc="tx", txn=txn)

    def commit(self, offset, partition=0, group="g", proc="c1", topic=T, sent=None):
        """`sent`: how many events back the request left the client (the answer is now)."""
        t = len(self.events) * 0.01
        return self.add("commit", proc=proc, group=group, topic=topic, partition=partition,
                        offset=offset, sent=round(t - 0.01 * (sent or 0) - 0.005, 4))


def flagged(h):
    report = checker.check(h.events)
    return {p for p, n in report["violations_by_property"].items() if n}, report


def produced(values):
    """Sends and acks of `values` at offsets 0.. in partition 0, and a final read of them."""
    h = H()
    for i, v in enumerate(values):
        h.send(v).ack(v, i)
    return h


def test_a_clean_history_passes():
    h = produced(["a", "b", "c"]).assign().poll("a", 0).poll("b", 1).poll("c", 2)
    h.final([(0, 0, "a"), (0, 1, "b"), (0, 2, "c")])
    found, report = flagged(h)
    assert found == set() and report["ok"] and report["first"] is None


def test_lost_write_is_caught():
    h = produced(["a", "b", "c"]).final([(0, 0, "a"), (0, 1, "b")])
    found, report = flagged(h)
    assert found == {"lost-write"}
    assert report["first"]["events"][0]["value"] == "c"
    assert "'c' acknowledged at events/0@2" in report["first"]["message"]


def test_a_write_that_failed_is_not_lost():
    h = produced(["a"]).send("b").add("send-failed", proc="p1", topic=T, partition=0,
                                      value="b", error="timed out")
    assert flagged(h.final([(0, 0, "a")]))[0] == set()


def test_lost_write_of_a_committed_transaction_is_caught():
    h = H().txn("t1", ["x", "y"], "committed").txn("t2", ["z"], "committed")
    ok = H().txn("t1", ["x", "y"], "committed").final([(0, 0, "x"), (0, 1, "y")],
                                                       "read_committed")
    assert flagged(ok)[0] == set()
    found, _ = flagged(h.final([(0, 0, "x"), (0, 1, "y")], "read_committed"))
    assert found == {"lost-write"}


def test_an_incomplete_final_read_is_reported_not_judged_as_loss():
    h = produced(["a", "b"]).final([(0, 0, "a")], incomplete=[0])
    assert flagged(h)[0] == {"incomplete-final-read"}


def test_offset_conflict_is_caught():
    h = produced(["a", "b"]).final([(0, 0, "a"), (0, 1, "b")])
    h.poll("zz", 1, proc="c2")
    found, report = flagged(h)
    assert "offset-conflict" in found
    assert {e["value"] for e in report["violations"][0]["events"]} >= {"zz"}


def test_record_at_two_offsets_is_caught():
    h = produced(["a", "b"]).final([(0, 0, "a"), (0, 1, "b")])
    h.events[1]["offset"] = 1  # a acknowledged at 1, read at 0
    h.events[3]["offset"] = 2
    found, _ = flagged(h)
    assert "record-at-two-offsets" in found
    ok = produced(["a", "b"]).final([(0, 0, "a"), (0, 1, "b")])
    assert "record-at-two-offsets" not in flagged(ok)[0]


def test_duplicate_from_an_idempotent_producer_is_caught():
    h = produced(["a", "b"]).final([(0, 0, "a"), (0, 1, "b"), (0, 2, "b")])
    found, report = flagged(h)
    assert "duplicate" in found
    dup = [v for v in report["violations"] if v["property"] == "duplicate"][0]
    assert "idempotent producer's value 'b' is stored at offsets [1, 2]" in dup["message"]


def test_reordered_partition_is_caught():
    h = H().send("a").send("b").ack("b", 0).ack("a", 1).final([(0, 0, "b"), (0, 1, "a")])
    found, report = flagged(h)
    assert found == {"order"}
    assert "p1 sent 'a' before 'b'" in report["first"]["message"]
    # Different partitions are not ordered with each other.
    ok = H().send("a", 1).send("b", 0).ack("b", 0, 0).ack("a", 0, 1)
    ok.final([(0, 0, "b"), (1, 0, "a")], partitions=2)
    assert flagged(ok)[0] == set()


def test_nonmonotonic_poll_is_caught_and_a_new_assignment_restarts():
    base = produced(["a", "b"]).final([(0, 0, "a"), (0, 1, "b")])
    bad = H()
    bad.events = list(base.events)
    bad.assign().poll("a", 0).poll("b", 1).poll("a", 0)
    assert flagged(bad)[0] == {"nonmonotonic-poll"}
    ok = H()
    ok.events = list(base.events)
    ok.assign().poll("a", 0).poll("b", 1).assign().poll("a", 0).poll("b", 1)
    assert flagged(ok)[0] == set()


def test_skipped_poll_is_caught():
    h = produced(["a", "b", "c"]).final([(0, 0, "a"), (0, 1, "b"), (0, 2, "c")])
    h.assign().poll("a", 0).poll("c", 2)
    found, report = flagged(h)
    assert found == {"skipped-poll"}
    assert "skipping @1 ('b')" in report["first"]["message"]
    # From the beginning: the first poll must be the first record.
    h2 = produced(["a", "b"]).final([(0, 0, "a"), (0, 1, "b")]).assign().poll("b", 1)
    assert flagged(h2)[0] == {"skipped-poll"}


def test_a_group_member_starts_at_the_committed_offset_without_skipping():
    base = produced(["a", "b", "c", "d"]).final([(0, 0, "a"), (0, 1, "b"), (0, 2, "c"),
                                                  (0, 3, "d")])
    ok = H()
    ok.events = list(base.events)
    ok.assign(proc="m1", mode="group").poll("a", 0, proc="m1", mode="group")
    ok.commit(1, proc="m1").assign(proc="m2", mode="group")
    ok.poll("b", 1, proc="m2", mode="group").poll("c", 2, proc="m2", mode="group")
    assert flagged(ok)[0] == set()
    bad = H()
    bad.events = list(base.events)
    bad.assign(proc="m1", mode="group").poll("a", 0, proc="m1", mode="group")
    bad.commit(1, proc="m1").assign(proc="m2", mode="group")
    bad.poll("c", 2, proc="m2", mode="group")
    found, report = flagged(bad)
    assert found == {"skipped-poll"}
    assert "from the committed offset 1" in report["first"]["message"]
    assert "skipping @1 ('b')" in report["first"]["message"]


def test_an_acknowledgement_without_an_offset_needs_the_record_somewhere():
    ok = produced(["a"]).final([(0, 0, "a"), (0, 1, "b")])
    ok.send("b").ack("b", None)
    assert flagged(ok)[0] == set()
    lost = produced(["a"]).final([(0, 0, "a")])
    lost.send("b").ack("b", None)
    assert flagged(lost)[0] == {"lost-write"}


def test_a_member_may_start_from_a_commit_whose_outcome_was_unknown():
    # m1's commit of 3 failed on the client (the outcome is unknown: an earlier attempt may
    # have been written); m2 starting from 3 is no skip, starting from 2 or 3 both fine.
    base = produced(["a", "b", "c", "d"]).final([(0, 0, "a"), (0, 1, "b"), (0, 2, "c"),
                                                  (0, 3, "d")])
    h = H()
    h.events = list(base.events)
    h.assign(proc="m1", mode="group").poll("a", 0, proc="m1", mode="group")
    h.commit(1, proc="m1")
    h.poll("b", 1, proc="m1", mode="group").poll("c", 2, proc="m1", mode="group")
    h.add("commit-failed", proc="m1", group="g", error="ILLEGAL_GENERATION",
          offsets=[{"topic": T, "partition": 0, "offset": 3}])
    h.assign(proc="m2", mode="group").poll("d", 3, proc="m2", mode="group")
    assert flagged(h)[0] == set()
    # The same when the uncertain offset itself holds nothing visible (a control marker):
    # the first record after it is where the member starts.
    marker = H()
    marker.events = [e for e in h.events if e["type"] != "commit-failed"
                     and not (e["type"] == "poll" and e.get("proc") == "m2")]
    marker.add("commit-failed", proc="m1", group="g", error="UNKNOWN_MEMBER_ID",
               offsets=[{"topic": T, "partition": 0, "offset": 3}])
    marker.assign(proc="m2", mode="group").poll("d", 3, proc="m2", mode="group")
    assert flagged(marker)[0] == set()


def test_a_commit_failing_after_the_next_owners_assignment_is_still_uncertain():
    # The fault suite's seed 11: g2's commit of 3 hung on a stalled __consumer_offsets
    # partition, an earlier attempt of it was written, and its final answer
    # (UNKNOWN_MEMBER_ID) came just after kg3 was assigned the partition; kg3 started at 3.
    base = produced(["a", "b", "c", "d"]).final([(0, 0, "a"), (0, 1, "b"), (0, 2, "c"),
                                                  (0, 3, "d")])
    h = H()
    h.events = list(base.events)
    h.assign(proc="m1", mode="group").poll("a", 0, proc="m1", mode="group")
    h.commit(1, proc="m1")
    h.poll("b", 1, proc="m1", mode="group").poll("c", 2, proc="m1", mode="group")
    h.assign(proc="m2", mode="group")
    h.add("commit-failed", proc="m1", group="g", error="UNKNOWN_MEMBER_ID",
          offsets=[{"topic": T, "partition": 0, "offset": 3}])
    h.poll("d", 3, proc="m2", mode="group")
    assert flagged(h)[0] == set()
    # A commit failing only after the new owner's first poll does not excuse that poll.
    late = H()
    late.events = list(base.events)
    late.assign(proc="m1", mode="group").poll("a", 0, proc="m1", mode="group")
    late.commit(1, proc="m1")
    late.assign(proc="m2", mode="group").poll("d", 3, proc="m2", mode="group")
    late.add("commit-failed", proc="m1", group="g", error="UNKNOWN_MEMBER_ID",
             offsets=[{"topic": T, "partition": 0, "offset": 3}])
    assert flagged(late)[0] == {"skipped-poll"}


def test_read_committed_may_pass_over_aborted_records():
    h = H().txn("t1", ["x"], "committed", ).txn("t2", ["y"], "aborted")
    h.txn("t3", ["z"], "committed")
    h.final([(0, 0, "x"), (0, 1, "y"), (0, 3, "z")], "read_uncommitted")
    h.final([(0, 0, "x"), (0, 3, "z")], "read_committed")
    h.assign(proc="rc").poll("x", 0, proc="rc", isolation="read_committed")
    h.poll("z", 3, proc="rc", isolation="read_committed")
    assert flagged(h)[0] == set()
    h.poll("y", 1, proc="rc2", isolation="read_committed")
    found, report = flagged(h)
    assert found == {"aborted-read"}
    assert "read 'y' of aborted transaction t2" in report["first"]["message"]


def test_partial_transaction_is_caught():
    h = H().txn("t1", ["x", "y", "z"], "unknown")
    h.final([(0, 0, "x"), (0, 2, "z")], "read_committed")
    found, report = flagged(h)
    assert found == {"partial-transaction"}
    assert "not ['y']" in report["first"]["message"]
    whole = H().txn("t1", ["x", "y"], "unknown").final([(0, 0, "x"), (0, 1, "y")],
                                                        "read_committed")
    none = H().txn("t1", ["x", "y"], "unknown").final([], "read_committed")
    assert flagged(whole)[0] == set() and flagged(none)[0] == set()


def test_committed_offset_going_backwards_is_caught():
    h = H().commit(5).commit(7).commit(7).commit(6)
    found, report = flagged(h)
    assert found == {"committed-offset-backwards"}
    assert "at 6 after 7" in report["first"]["message"]
    ok = H().commit(5).commit(7).commit(5, partition=1).commit(8)
    assert flagged(ok)[0] == set()


def test_concurrent_commits_answered_out_of_order_are_not_backwards():
    # Two members' commits in flight together (a rebalance hands the partition over while the
    # old owner's commit waits for the high watermark): the coordinator wrote 5045 then 5046
    # and released both answers at once; the client threads recorded 5046 first.
    h = H().commit(5040).commit(5046, proc="c2", sent=2).commit(5045, proc="c1", sent=3)
    assert flagged(h)[0] == set()
    # Sent only after 5046 was answered, 5045 is backwards.
    late = H().commit(5040).commit(5046, proc="c2", sent=1).commit(5045, proc="c1", sent=0)
    found, report = flagged(late)
    assert found == {"committed-offset-backwards"}
    assert "at 5045 after 5046" in report["first"]["message"]


def test_copies_after_a_message_timeout_are_excused_and_counted():
    # p1's "a" was sent, its request timed out and was retried; then another of p1's messages
    # timed out, librdkafka bumped the epoch and sent "a" again under it: two copies.
    h = H().send("a").send("b")
    h.add("send-failed", proc="p1", topic=T, partition=0, value="b", error="_MSG_TIMED_OUT")
    h.ack("a", 1).final([(0, 0, "a"), (0, 1, "a")])
    found, report = flagged(h)
    assert found == set()
    assert report["stats"]["stored-twice-after-message-timeout"] == 1
    assert "excused" in checker.render(report)
    # Acknowledged before the timeout: its copies are not excused.
    h = H().send("a").ack("a", 1).send("b")
    h.add("send-failed", proc="p1", topic=T, partition=0, value="b", error="_MSG_TIMED_OUT")
    h.final([(0, 0, "a"), (0, 1, "a")])
    assert flagged(h)[0] == {"duplicate", "record-at-two-offsets"}


def test_the_first_violation_is_the_earliest():
    h = H().commit(5).commit(3)  # backwards first
    h.send("a").ack("a", 0).final([(0, 0, "zz")])  # then a lost write (and conflict)
    _, report = flagged(h)
    assert report["first"]["property"] == "committed-offset-backwards"
    assert "first: [committed-offset-backwards]" in checker.render(report)


# ---- read-write transactions (G1a, G1b, consumed-twice, G1c)

RW = "rw"


def rw(h, txn, writes, reads=(), outcome="committed", proc="rw1"):
    """A read-write transaction: it read `reads` [(partition, offset, value)], then wrote
    `writes` [(value, partition)]; `outcome` None leaves it without an answer."""
    h.add("txn-begin", proc=proc, txn=txn, topic=RW, values=[v for v, _ in writes],
          reads=[list(r) for r in reads], offsets=[])
    for v, p in writes:
        h.send(v, p, proc=proc, txn=txn, topic=RW)
    if outcome:
        h.add(f"txn-{outcome}", proc=proc, txn=txn)
    return h


def rw_final(h, records, partitions=4):
    return h.final(records, "read_committed", partitions=partitions, topic=RW)


def g1c(report):
    return [v for v in report["violations"] if v["property"] == "G1c"]


def test_a_cycle_of_reads_is_caught_and_named():
    # T1 read T2's value and T2 read T1's: each saw the other committed before it wrote.
    h = H()
    rw(h, "T1", [("a", 0)], reads=[(1, 0, "b")], proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], proc="rw2")
    found, report = flagged(rw_final(h, [(0, 0, "a"), (1, 0, "b")]))
    assert found == {"G1c"}
    message = report["first"]["message"]
    assert "['T1', 'T2']" in message or "['T2', 'T1']" in message
    assert "T1 -wr-> T2" in message and "T2 -wr-> T1" in message
    assert "'a' at rw/0@0" in message
    assert {e["txn"] for e in report["first"]["events"]} == {"T1", "T2"}


def test_a_read_and_a_later_write_before_it_make_a_cycle():
    # T2 read T1's 'a', so T1 was committed (all its values appended) before T2 wrote; yet
    # T2's 'b' precedes T1's 'c' in partition 1.
    h = H()
    rw(h, "T1", [("a", 0), ("c", 1)], proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], proc="rw2")
    found, report = flagged(rw_final(h, [(0, 0, "a"), (1, 0, "b"), (1, 1, "c")]))
    assert found == {"G1c"}
    message = report["first"]["message"]
    assert "T1 -wr-> T2" in message and "T2 -ww-> T1" in message
    assert "rw/1: 'b'@0 before 'c'@1" in message
    # The same records in the order the read implies are clean.
    h = H()
    rw(h, "T1", [("a", 0), ("c", 1)], proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], proc="rw2")
    assert flagged(rw_final(h, [(0, 0, "a"), (1, 0, "c"), (1, 1, "b")]))[0] == set()


def test_a_cycle_through_three_transactions_is_caught():
    # T1 -wr-> T2 -ww-> T3 -wr-> T1: e(T1) < s(T2) < e(T3) < s(T1) <= e(T1).
    h = H()
    rw(h, "T1", [("a", 0)], reads=[(2, 0, "z")], proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], proc="rw2")
    rw(h, "T3", [("y", 1), ("z", 2)], proc="rw3")
    found, report = flagged(rw_final(h, [(0, 0, "a"), (1, 0, "b"), (1, 1, "y"),
                                         (2, 0, "z")]))
    assert found == {"G1c"}
    message = report["first"]["message"]
    for edge in ("T1 -wr-> T2", "T2 -ww-> T3", "T3 -wr-> T1"):
        assert edge in message


def test_write_cycles_of_concurrent_transactions_are_allowed():
    # G0: T1 and T2 were open together and interleaved in opposite orders in two partitions;
    # T3 read T1 and wrote after both. Kafka appends records when they are sent, so this is
    # no violation.
    h = H()
    rw(h, "T1", [("a", 0), ("d", 1)], proc="rw1")
    rw(h, "T2", [("b", 0), ("c", 1)], proc="rw2")
    rw(h, "T3", [("e", 1)], reads=[(0, 0, "a")], proc="rw3")
    found, _ = flagged(rw_final(h, [(0, 0, "a"), (0, 1, "b"), (1, 0, "c"), (1, 1, "d"),
                                    (1, 2, "e")]))
    assert found == set()
    # Two ww edges in a row do not chain: T1 -ww-> T2 -ww-> T3 -wr-> T1 can happen (T2 wrote
    # 'c' before T3 wrote 'y', and 'b' after T1, which read T3, wrote 'a').
    h = H()
    rw(h, "T1", [("a", 0)], reads=[(2, 0, "z")], proc="rw1")
    rw(h, "T2", [("b", 0), ("c", 1)], proc="rw2")
    rw(h, "T3", [("y", 1), ("z", 2)], proc="rw3")
    found, _ = flagged(rw_final(h, [(0, 0, "a"), (0, 1, "b"), (1, 0, "c"), (1, 1, "y"),
                                    (2, 0, "z")]))
    assert found == set()


def test_an_aborted_transaction_is_not_part_of_a_cycle():
    # T1 aborted; T2 read its value (a dirty read: G1a, flagged as aborted-read) and T1 had
    # read T2's: with T1 counted this would be a cycle, but an aborted transaction has no
    # place in the committed graph.
    h = H()
    rw(h, "T1", [("a", 0)], reads=[(1, 0, "b")], outcome="aborted", proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], proc="rw2")
    h.final([(0, 0, "a"), (1, 0, "b")], "read_uncommitted", topic=RW)
    found, report = flagged(rw_final(h, [(1, 0, "b")]))
    assert found == {"aborted-read"}
    assert "read 'a' (rw/0@0) of aborted transaction T1 (G1a)" in report["first"]["message"]
    # Without the dirty read: the aborted transaction's reads and writes make no edges.
    h = H()
    rw(h, "T1", [("a", 1)], reads=[(1, 1, "b")], outcome="aborted", proc="rw1")
    rw(h, "T2", [("b", 1)], proc="rw2")
    h.final([(1, 0, "a"), (1, 1, "b")], "read_uncommitted", topic=RW)
    assert flagged(rw_final(h, [(1, 1, "b")]))[0] == set()


def test_a_transaction_of_unknown_outcome_counts_when_its_values_are_stored():
    h = H()
    rw(h, "T1", [("a", 0)], reads=[(1, 0, "b")], outcome="unknown", proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], outcome=None, proc="rw2")
    assert flagged(rw_final(h, [(0, 0, "a"), (1, 0, "b")]))[0] == {"G1c"}


def test_a_read_the_final_state_does_not_hold_is_caught():
    # T2 read 'a' at rw/0@0, but the committed log holds 'x' there (G1b-style: a read of a
    # value that is not in the committed state).
    h = H()
    rw(h, "T0", [("x", 0)], proc="rw3")
    rw(h, "T1", [("a", 0)], proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], proc="rw2")
    found, report = flagged(rw_final(h, [(0, 0, "x"), (0, 1, "a"), (1, 0, "b")]))
    assert "G1b" in found
    g1b = [v for v in report["violations"] if v["property"] == "G1b"][0]
    assert "read 'a' at rw/0@0" in g1b["message"] and "holds 'x'" in g1b["message"]


def test_a_value_consumed_by_two_committed_transactions_is_caught():
    h = H()
    rw(h, "T1", [("a", 0)], proc="rw1")
    rw(h, "T2", [("b", 1)], reads=[(0, 0, "a")], proc="rw2")
    rw(h, "T3", [("c", 2)], reads=[(0, 0, "a")], outcome="aborted", proc="rw1")
    ok = rw_final(H(), [])
    ok.events = h.events + rw_final(H(), [(0, 0, "a"), (1, 0, "b")]).events
    assert flagged(ok)[0] == set()
    rw(h, "T4", [("d", 3)], reads=[(0, 0, "a")], proc="rw1")
    found, report = flagged(rw_final(h, [(0, 0, "a"), (1, 0, "b"), (3, 0, "d")]))
    assert found == {"consumed-twice"}
    assert "'a' was consumed by committed transactions ['T2', 'T4']" in report["first"][
        "message"]


def test_the_graph_is_fast_on_a_long_history():
    # 4,000 transactions over 4 partitions, each reading the value of the one before; then a
    # cycle planted at the far end (the first transaction reads the last) is still found.
    import time
    n = 4000

    def history(first_reads):
        h = H()
        for i in range(n):
            reads = [((i - 1) % 4, (i - 1) // 4, f"v{i - 1}")] if i else first_reads
            rw(h, f"T{i}", [(f"v{i}", i % 4)], reads=reads, proc=f"rw{i % 3}")
        return rw_final(h, [(i % 4, i // 4, f"v{i}") for i in range(n)])

    started = time.monotonic()
    assert flagged(history([]))[0] == set()
    assert time.monotonic() - started < 5
    found, report = flagged(history([((n - 1) % 4, (n - 1) // 4, f"v{n - 1}")]))
    assert found == {"G1c"}
    assert f"T{n - 1} -wr-> T0" in report["first"]["message"]
