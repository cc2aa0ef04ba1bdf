"""A broker whose heartbeats stop for broker.session.timeout.ms is fenced: the other nodes no
longer list it in Metadata and it leads no partition; when its heartbeats resume it is
unfenced and listed again. The cluster runs with a short session (3 s, heartbeats every
0.5 s) so the test takes seconds; SIGSTOP freezes the broker without closing its sockets."""

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
