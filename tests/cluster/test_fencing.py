"""A broker whose heartbeats stop for broker.session.timeout.ms is fenced: the other nodes no
longer list it in Metadata and it leads no partition; when its heartbeats resume it is
unfenced and listed again. The cluster runs with a short session (3 s, heartbeats every
0.5 s) so the test takes seconds; SIGSTOP freezes the broker without closing its sockets.
A broker stopped with SIGTERM does not wait for the session to run out: its controlled
shutdown gives up its leaderships and it is unlisted by the time it has exited, as in Kafka."""

import signal
import time

import cluster_kit as kit

SESSION_MS = 3000
FENCING_ENV = {
    "STROM_BROKER_SESSION_TIMEOUT_MS": str(SESSION_MS),
    "STROM_BROKER_HEARTBEAT_INTERVAL_MS": "500",
}
# Fencing is due SESSION_MS after the last heartbeat; allow for the controller's check period
# and a loaded machine.
FENCE_BOUND_SECONDS = 20


def test_a_stopped_broker_is_fenced_and_unfenced(cluster_factory):
    cluster = cluster_factory(3, env=FENCING_ENV)
    controller_id = cluster.wait_formed()
    paused = next(n for n in cluster.nodes if n.node_id != controller_id)
    others = [n for n in cluster.nodes if n is not paused]
    error, message = kit.create_topic(others[0].addr, "spread", partitions=6)
    assert error == kit.NONE, (error, message)
    cluster.wait_topic_everywhere("spread", 6)

    paused.send(signal.SIGSTOP)
    stopped_at = time.monotonic()
    try:
        def fenced():
            views = [kit.metadata(n.addr) for n in others]
            return all(paused.node_id not in m["brokers"] for m in views)

        kit.wait_until(f"node {paused.node_id} fenced (gone from the others' Metadata)",
                       fenced, FENCE_BOUND_SECONDS)
        took = time.monotonic() - stopped_at
        print(f"\nfencing: broker {paused.node_id} unlisted {took:.2f} s after SIGSTOP "
              f"(session {SESSION_MS / 1000} s)")
        assert took >= SESSION_MS / 1000 * 0.8, f"fenced after only {took:.2f} s"
        for n in others:
            parts = kit.metadata(n.addr)["topics"]["spread"]["partitions"]
            leaders = {p: v[0] for p, v in parts.items()}
            assert paused.node_id not in leaders.values(), \
                f"fenced broker {paused.node_id} still leads on node {n.node_id}: {leaders}"
    finally:
        paused.send(signal.SIGCONT)
    resumed_at = time.monotonic()

    cluster.wait_formed(expect=cluster.ids(), timeout=FENCE_BOUND_SECONDS)
    print(f"fencing: broker {paused.node_id} listed again "
          f"{time.monotonic() - resumed_at:.2f} s after SIGCONT")
    cluster.wait_topic_everywhere("spread", 6)


def spread_over_three(cluster_factory, replication_factor=1):
    """Three nodes with the default session and topic `spread` (6 partitions) led two per
    node; returns (cluster, active controller id, a node that is not it, the other two)."""
    cluster = cluster_factory(3)
    controller_id = cluster.wait_formed()
    node = next(n for n in cluster.nodes if n.node_id != controller_id)
    others = [n for n in cluster.nodes if n is not node]
    error, message = kit.create_topic(others[0].addr, "spread", partitions=6,
                                      replication_factor=replication_factor)
    assert error == kit.NONE, (error, message)
    cluster.wait_topic_everywhere("spread", 6)
    return cluster, controller_id, node, others


def gone_from(others, node):
    """True once no node of `others` lists `node` in Metadata or as a leader of `spread`."""
    for n in others:
        m = kit.metadata(n.addr)
        leaders = [v[0] for v in m["topics"]["spread"]["partitions"].values()]
        if node.node_id in m["brokers"] or node.node_id in leaders:
            return None
    return True


def test_a_broker_stopped_with_sigterm_gives_up_its_leaderships_at_once(cluster_factory):
    # With the default 9 s session, a broker that exits on SIGTERM is unlisted and leads
    # nothing within 2 s of its exit: clients are not sent to a dead address for a session.
    _cluster, _controller_id, stopped, others = spread_over_three(cluster_factory)

    assert stopped.stop() == 0
    exited_at = time.monotonic()

    def views():
        return "\n".join(
            f"node {n.node_id}: brokers {sorted(m['brokers'])}, leaders "
            f"{ {p: v[0] for p, v in sorted(m['topics']['spread']['partitions'].items())} }"
            for n in others for m in [kit.metadata(n.addr)])

    kit.wait_until(f"node {stopped.node_id}, stopped with SIGTERM, unlisted and leading "
                   "nothing on the others", lambda: gone_from(others, stopped), 2,
                   interval=0.05, detail=views)
    print(f"\ncontrolled shutdown: broker {stopped.node_id} unlisted "
          f"{time.monotonic() - exited_at:.2f} s after its exit")


def test_a_killed_broker_is_fenced_without_waiting_out_its_session(cluster_factory):
    # With the default 9 s session and 2 s heartbeats, a SIGKILLed broker's listener refuses
    # connections: the active controller's probe of late brokers fences it at once
    # (gone_broker_probe.rs), and its partitions get another leader. The paused broker of
    # the first test is not fenced so (its listener still accepts), only by its session.
    cluster, controller_id, killed, others = spread_over_three(cluster_factory, 3)

    killed.kill()
    killed_at = time.monotonic()
    kit.wait_until(f"node {killed.node_id}, SIGKILLed, unlisted and leading nothing",
                   lambda: gone_from(others, killed), FENCE_BOUND_SECONDS)
    print(f"\nSIGKILL: broker {killed.node_id} unlisted, its leaderships moved "
          f"{time.monotonic() - killed_at:.2f} s after the kill (session 9 s)")
    log = cluster.node(controller_id).log_path.read_text(errors="replace")
    assert any("listener refuses connections" in line and f"broker={killed.node_id}" in line
               for line in log.splitlines()), \
        "the controller did not fence the killed broker by its probe"
