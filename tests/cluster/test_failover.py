"""SIGKILL of the active controller: another voter takes over and CreateTopics through a
surviving node succeeds again within seconds (the measured time is printed); every topic
committed before the kill is still there; the killed node, restarted on its directory,
rejoins and catches up on the topics created while it was down. A node that fell behind the
leader's log truncation point catches up from the leader's snapshot; and a node restarted
right after a crash is not taken for a duplicate of its own dead process."""

import signal
import time
from concurrent.futures import ThreadPoolExecutor

import cluster_kit as kit

# The target is 3 s; the assertion leaves room for a loaded CI machine and prints the
# measured figure so a regression shows before it fails.
FAILOVER_TARGET_SECONDS = 3
FAILOVER_BOUND_SECONDS = 15

# Snapshot often, so snapshots are built and replayed while the cluster runs.
SNAPSHOT_ENV = {"STROM_METADATA_LOG_SNAPSHOT_INTERVAL_ENTRIES": "8"}

# Entries the quorum keeps behind its latest snapshot (metadata.log.snapshot.entries.kept,
# 1,000 by default; fewer here so the test is quick): a node that misses more than that many
# entries can only catch up from the snapshot.
ENTRIES_KEPT_BEHIND_SNAPSHOT = 20
# The default broker.session.timeout.ms, and room for a loaded machine.
SESSION_SECONDS = 9
REJOIN_BOUND_SECONDS = SESSION_SECONDS + 15


def topic_names(addr):
    return set(kit.metadata(addr)["topics"])


def test_killing_the_active_controller_hands_over_and_loses_nothing(cluster_factory):
    cluster = cluster_factory(3, env=SNAPSHOT_ENV)
    controller_id = cluster.wait_formed()
    survivors = [n for n in cluster.nodes if n.node_id != controller_id]
    before = [f"before-{i}" for i in range(3)]
    for i, name in enumerate(before):
        error, message = kit.create_topic(cluster.nodes[i].addr, name, partitions=2)
        assert error == kit.NONE, (name, error, message)
    for name in before:
        cluster.wait_topic_everywhere(name, 2)

    cluster.node(controller_id).kill()
    killed_at = time.monotonic()
    attempts = 0

    def create_through_survivors():
        nonlocal attempts
        target = survivors[attempts % len(survivors)]
        attempts += 1
        return kit.created(target.addr, "after-kill", timeout_ms=2000, timeout=5)

    result = kit.wait_until("CreateTopics through a surviving node after the controller's "
                            "SIGKILL", create_through_survivors, FAILOVER_BOUND_SECONDS,
                            interval=0.05)
    took = time.monotonic() - killed_at
    print(f"\nfailover: CreateTopics succeeded {took:.2f} s after SIGKILL of controller "
          f"{controller_id} ({attempts} attempts; target {FAILOVER_TARGET_SECONDS} s)")
    assert result is True, f"CreateTopics failed: {result}"

    new_controller = cluster.wait_formed(nodes=survivors)
    assert new_controller != controller_id
    for n in survivors:
        missing = set(before) - topic_names(n.addr)
        assert not missing, f"node {n.node_id} lost committed topics {missing}"

    # More entries than the snapshot interval while the node is down.
    during = [f"during-{i}" for i in range(20)]
    for i, name in enumerate(during):
        error, message = kit.create_topic(survivors[i % 2].addr, name)
        assert error == kit.NONE, (name, error, message)

    killed = cluster.node(controller_id)
    cluster.restart(killed)
    cluster.wait_formed(expect=cluster.ids())
    everything = set(before) | set(during) | {"after-kill"}
    kit.wait_until(f"restarted node {controller_id} serves every topic",
                   lambda: everything <= topic_names(killed.addr), 30)
    kit.wait_until("all three nodes serve the same topics, partitions and leaders",
                   lambda: agree(cluster), 30)


def agree(cluster):
    """Every node serves the same topics with the same, live, partition leaders."""
    views = [kit.view(n.addr)["topics"] for n in cluster.nodes]
    led = all(p[0] >= 0 for t in views[0].values() for p in t.values())
    return led and all(v == views[0] for v in views)


def test_a_node_behind_the_truncation_point_catches_up_from_a_snapshot(cluster_factory):
    # While a node is down the others commit more entries than the log keeps behind the
    # snapshot (one topic per CreateTopics, each an entry); restarted, the node installs the
    # leader's snapshot (its log says so) and serves every topic like the others.
    cluster = cluster_factory(3, env={
        "STROM_METADATA_LOG_SNAPSHOT_INTERVAL_ENTRIES": "50",
        "STROM_METADATA_LOG_SNAPSHOT_ENTRIES_KEPT": str(ENTRIES_KEPT_BEHIND_SNAPSHOT)})
    controller_id = cluster.wait_formed()
    down = next(n for n in cluster.nodes if n.node_id != controller_id)
    up = [n for n in cluster.nodes if n is not down]
    down.kill()
    count = ENTRIES_KEPT_BEHIND_SNAPSHOT + 130

    def create(i):
        return kit.create_topic(up[i % 2].addr, f"many-{i}", timeout_ms=30000, timeout=60)

    with ThreadPoolExecutor(8) as pool:
        failed = [r for r in pool.map(create, range(count)) if r[0] != kit.NONE]
    assert not failed, failed[:5]
    # Restart once the dead process's session is over (see the next test for why).
    cluster.wait_formed(nodes=up, expect=[n.node_id for n in up], timeout=REJOIN_BOUND_SECONDS)

    cluster.restart(down)
    kit.wait_until(f"node {down.node_id} serves all {count} topics",
                   lambda: len(kit.metadata(down.addr)["topics"]) >= count, 60)
    kit.wait_until("all three nodes serve the same topics, partitions and leaders",
                   lambda: agree(cluster), 30)
    assert "installed a metadata snapshot" in down.log_path.read_text(errors="replace"), \
        f"node {down.node_id} caught up without installing a snapshot"


def test_a_node_restarted_right_after_sigkill_rejoins(cluster_factory):
    # A crashed node restarted at once (as a supervisor does) carries a new incarnation while
    # the controller still counts its dead run's session: it must wait that session out and
    # join, not exit as if another process had its node.id.
    cluster = cluster_factory(3)
    controller_id = cluster.wait_formed()
    node = next(n for n in cluster.nodes if n.node_id != controller_id)
    node.kill()
    started = time.monotonic()
    node.spawn(cluster.voters, cluster.cluster_id)
    node.wait_listening(timeout=REJOIN_BOUND_SECONDS)
    cluster.wait_formed(expect=cluster.ids(), timeout=REJOIN_BOUND_SECONDS)
    print(f"\nrestart after SIGKILL: node {node.node_id} listed again "
          f"{time.monotonic() - started:.2f} s after it was started")


def test_a_create_topics_past_its_timeout_is_answered_and_never_committed(cluster_factory):
    # With the other two voters frozen (SIGSTOP), the active controller among them, a
    # follower knows no controller. A CreateTopics it gets with timeout_ms 2000 is answered
    # by then (REQUEST_TIMED_OUT, as Kafka's controller drops requests whose deadline has
    # passed), and when the voters resume it is not committed after all: a client that was
    # told "timed out" must not find the topic. (The node asked is a follower on purpose: a
    # leader that has lost its quorum has already proposed what it was asked, and that may
    # still commit once the quorum is back, in Kafka as here.)
    cluster = cluster_factory(3)
    controller_id = cluster.wait_formed()
    asked = next(n for n in cluster.nodes if n.node_id != controller_id)
    frozen = [n for n in cluster.nodes if n is not asked]
    for n in frozen:
        n.send(signal.SIGSTOP)
    try:
        time.sleep(3)  # past the election timeout: node 1 no longer follows a leader
        sent_at = time.monotonic()
        try:
            answer = kit.create_topic(asked.addr, "late", timeout_ms=2000, timeout=8)
        except OSError as e:
            answer = repr(e)
        answered_after = time.monotonic() - sent_at
    finally:
        for n in frozen:
            n.send(signal.SIGCONT)
    print(f"\nno quorum: CreateTopics(timeout_ms=2000) answered {answer} after "
          f"{answered_after:.2f} s")
    cluster.wait_formed(expect=cluster.ids(), timeout=30)
    time.sleep(3)  # room for a forward that was still pending to land
    for n in cluster.nodes:
        assert "late" not in kit.metadata(n.addr)["topics"], \
            f"node {n.node_id} serves topic 'late', whose CreateTopics was past its timeout " \
            f"({answer} after {answered_after:.2f} s) when the voters resumed"
    assert isinstance(answer, tuple) and answer[0] == kit.REQUEST_TIMED_OUT, \
        f"CreateTopics without a quorum answered {answer} after {answered_after:.2f} s"
    assert answered_after < 2 + 3, f"answered only after {answered_after:.2f} s"
