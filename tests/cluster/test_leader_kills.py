"""Leaders killed under load, and Kafka's 2013 ISR scenario (three real `strom server`
processes, replication factor 3, librdkafka through confluent-kafka).

- With `min.insync.replicas=2`, the leader of every partition is SIGKILLed in turn while an
  idempotent acks=all producer writes: no acknowledged record is lost or stored twice, each
  is at the offset it was acknowledged with, and per partition the records are in the order
  they were sent. The gap in acknowledgements each kill causes is printed (measured, not
  asserted; bench/replication.py has the benchmark).
- The Jepsen 2013 scenario (five nodes, so the metadata quorum outlives two stopped ones):
  both followers of a partition stop (SIGSTOP), the ISR shrinks to the leader alone, then
  the leader dies. With `min.insync.replicas=2` acks=all writes are
  refused while the ISR is the leader alone, so nothing acknowledged depends on it, and a
  follower that left the ISR below two is an eligible leader replica (KIP-966) and is
  elected: the partition does not wait for the dead leader. With
  `min.insync.replicas=1` the lone leader acknowledges writes; with unclean leader election
  off (the default) they are not lost either: the partition waits for the old leader to come
  back rather than elect a stale follower. (With `unclean.leader.election.enable=true` a
  stale follower would take over and those writes would be gone: Kafka's trade-off, not
  exercised here.)
- A SIGSTOPped follower leaves the ISR while acks=all (min.insync.replicas=2) goes on with
  the other two, and rejoins once resumed.
"""

import signal
import time

from confluent_kafka import KafkaError, Producer

import cluster_kit as kit
import test_replication as rep

PARTITIONS = 3


class TimedWriter(rep.Writer):
    """rep.Writer that also notes when each partition's records were acknowledged."""

    def __init__(self, cluster, name):
        super().__init__(cluster, name)
        self.ack_times = {p: [] for p in range(PARTITIONS)}
        self.sent_order = {p: [] for p in range(PARTITIONS)}

    def delivered(self, err, msg):
        super().delivered(err, msg)
        if not err:
            self.ack_times[msg.partition()].append(time.monotonic())

    def run(self):
        while not self.stop.is_set():
            p = self.sent % PARTITIONS
            value = f"v{self.sent}"
            self.sent_order[p].append(value)
            self.producer.produce(self.name, value=value, partition=p, on_delivery=self.delivered)
            self.sent += 1
            self.producer.poll(0)
            time.sleep(0.002)
        self.producer.flush(90)


def largest_gap(times, start):
    """The longest wait between acknowledgements after `start`."""
    after = [t for t in times if t >= start - 1]
    return max((b - a for a, b in zip(after, after[1:])), default=None)


def test_every_leader_killed_in_turn_loses_nothing(cluster_factory):
    cluster = cluster_factory(3, env=rep.FAST_FENCING)
    cluster.wait_formed()
    rep.create_replicated(cluster, "turns", partitions=PARTITIONS,
                          configs={"min.insync.replicas": "2"})
    gaps = {}
    with TimedWriter(cluster, "turns") as writer:
        time.sleep(2)
        for partition in range(PARTITIONS):
            victim = cluster.node(rep.leader_of(cluster, "turns", partition))
            killed = time.monotonic()
            victim.kill()
            kit.wait_until(f"partition {partition} led by a survivor", lambda: rep.leader_of(
                cluster, "turns", partition) not in (-1, victim.node_id), 30)
            kit.wait_until(f"partition {partition} acknowledging again",
                           lambda: any(t > killed + 0.5 for t in writer.ack_times[partition]),
                           30)
            gaps[partition] = largest_gap(writer.ack_times[partition], killed)
            cluster.restart(victim)
            kit.wait_until("the restarted broker back in every ISR",
                           lambda: rep.full_isr(cluster, "turns", PARTITIONS),
                           rep.CATCH_UP_SECONDS)
        time.sleep(1)
    print(f"\nlongest pause in acknowledgements per killed leader (s): "
          f"{ {p: round(g, 2) for p, g in gaps.items() if g is not None} }")
    assert not writer.failed, writer.failed[:5]
    assert len(writer.acked) == writer.sent, (len(writer.acked), writer.sent)
    seen = rep.consume_all(cluster, "turns", PARTITIONS)
    lost = [v for v in writer.acked if v not in seen]
    assert not lost, f"{len(lost)} acknowledged records lost, e.g. {lost[:5]}"
    twice = {v: at for v, at in seen.items() if len(at) > 1}
    assert not twice, f"records at two offsets: {list(twice.items())[:5]}"
    moved = [v for v in writer.acked if seen[v][0] != writer.acked[v]]
    assert not moved, f"records not at their acknowledged offsets: {moved[:5]}"
    for p in range(PARTITIONS):
        by_offset = sorted((at[0][1], v) for v, at in seen.items() if at[0][0] == p)
        stored = [v for _, v in by_offset]
        assert stored == [v for v in writer.sent_order[p] if v in seen], f"partition {p} order"


def produce_one(bootstrap, topic, value, timeout=15):
    """One acks=all record with no retries: None, or the error code."""
    p = Producer({"bootstrap.servers": bootstrap, "acks": "all", "retries": 0,
                  "message.timeout.ms": timeout * 1000})
    result = {}
    p.produce(topic, value=value, partition=0,
              on_delivery=lambda err, msg: result.setdefault("err", err))
    p.flush(timeout + 5)
    err = result.get("err")
    return None if err is None else err.code()


def partition0(addr, topic):
    """(leader, replicas, isr) of partition 0 as the node at `addr` sees it."""
    leader, replicas, isr, _error = kit.metadata(addr)["topics"][topic]["partitions"][0]
    return leader, list(replicas), list(isr)


def lone_leader(cluster, topic):
    """Stops both followers of partition 0 (SIGSTOP) until the ISR is its leader alone;
    returns (leader node, stopped followers, the nodes still running)."""
    leader_id, replicas, _ = partition0(cluster.node(1).addr, topic)
    leader = cluster.node(leader_id)
    followers = [cluster.node(r) for r in replicas if r != leader_id]
    for f in followers:
        f.send(signal.SIGSTOP)
    kit.wait_until("the ISR shrunk to the leader alone",
                   lambda: partition0(leader.addr, topic)[2] == [leader_id], 60)
    running = [n for n in cluster.nodes if n not in followers]
    return leader, followers, running


def jepsen_2013(cluster_factory, topic, min_insync):
    """Five nodes (the metadata quorum keeps three with two followers stopped); partition 0
    of `topic` with three replicas. Writes "before", shrinks the ISR to the leader, writes
    "alone", kills the leader, resumes the followers, restarts the leader; returns what
    "alone" got and what a reader then sees."""
    cluster = cluster_factory(5, env=rep.FAST_FENCING)
    cluster.wait_formed()
    rep.create_replicated(cluster, topic, partitions=1,
                          configs={"min.insync.replicas": str(min_insync)})
    assert produce_one(cluster.bootstrap, topic, "before") is None
    leader, followers, running = lone_leader(cluster, topic)
    survivors = [n for n in running if n is not leader]
    try:
        alone = produce_one(leader.addr, topic, "alone", timeout=10)
        leader.kill()
    finally:
        for f in followers:
            f.send(signal.SIGCONT)
    # The followers left the ISR. With min.insync.replicas 1 no clean election can pick them,
    # so once the dead leader is fenced the partition has no leader until it is back. With 2,
    # a follower that left when the ISR fell below two is an eligible leader replica (KIP-966:
    # the high watermark stood still since), so it is elected.
    after = kit.wait_until("the dead leader fenced out of the lead", lambda: (
        lambda now: now if now[0] != leader.node_id else None)(
            partition0(survivors[0].addr, topic)), 30)
    leaderless = after[0] == -1
    if min_insync > 1:
        ids = [f.node_id for f in followers]
        elected = kit.wait_until("an eligible follower elected", lambda: (
            lambda now: now if now[0] in ids else None)(partition0(survivors[0].addr, topic)),
            30)
        print(f"\nmin.insync.replicas {min_insync}: eligible replica {elected[0]} leads, "
              f"ISR {elected[2]}")
        leaderless = False
    cluster.restart(leader)
    kit.wait_until("partition 0 led again",
                   lambda: partition0(survivors[0].addr, topic)[0] >= 0, 60)
    return alone, leaderless, rep.consume_all(cluster, topic, 1)


def test_jepsen_2013_min_insync_2_refuses_what_only_the_leader_would_hold(cluster_factory):
    alone, leaderless, seen = jepsen_2013(cluster_factory, "j2", 2)
    assert alone == KafkaError.NOT_ENOUGH_REPLICAS, alone
    assert not leaderless
    assert "before" in seen and "alone" not in seen, seen


def test_jepsen_2013_min_insync_1_keeps_the_lone_leaders_writes_without_unclean_election(
        cluster_factory):
    alone, leaderless, seen = jepsen_2013(cluster_factory, "j1", 1)
    assert alone is None  # acknowledged by the leader alone
    assert leaderless, "a replica outside the ISR was elected"
    assert "before" in seen and "alone" in seen, seen


def test_a_stopped_follower_leaves_the_isr_and_acks_all_goes_on(cluster_factory):
    """SIGSTOP of one follower: it is removed from the ISR and acks=all with
    min.insync.replicas=2 keeps being acknowledged by the other two; after SIGCONT it catches
    up and rejoins the ISR."""
    cluster = cluster_factory(3, env=rep.FAST_FENCING)
    cluster.wait_formed()
    rep.create_replicated(cluster, "stopped", partitions=1, configs={"min.insync.replicas": "2"})
    leader_id, replicas, _ = partition0(cluster.node(1).addr, "stopped")
    follower = cluster.node(next(r for r in replicas if r != leader_id))
    running = ",".join(n.addr for n in cluster.nodes if n is not follower)
    follower.send(signal.SIGSTOP)
    try:
        kit.wait_until("the stopped follower out of the ISR", lambda: follower.node_id not in
                       partition0(cluster.node(leader_id).addr, "stopped")[2], 60)
        for n in range(20):
            assert produce_one(running, "stopped", f"while-stopped-{n}") is None
    finally:
        follower.send(signal.SIGCONT)
    kit.wait_until("the follower back in the ISR", lambda: follower.node_id in
                   partition0(cluster.node(leader_id).addr, "stopped")[2], 60)
    seen = rep.consume_all(cluster, "stopped", 1)
    assert all(f"while-stopped-{n}" in seen for n in range(20)), sorted(seen)
