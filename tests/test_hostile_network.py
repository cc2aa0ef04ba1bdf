"""Attacks on the network edge by one client, each while a well-behaved librdkafka producer,
consumer and ApiVersions probe keep running: frames announced and never sent, bodies
dripped or stalled, responses never read, and floods of connections from one address. For
each, the broker's resident memory stays within a stated bound, every well-behaved request is
answered within LATENCY_S, and every acknowledged record reads back afterwards."""

import time
import uuid

import hostile_kit as kit
from hostile_kit import MB, Bystander, RssSampler

# The well-behaved clients' slowest answer during an attack (a debug build on a shared
# machine answers in milliseconds; before these bounds existed, answers took minutes).
LATENCY_S = 5.0
# How long a body may go without a byte in these tests (the default is 30 s).
BODY_TIMEOUT_MS = 2000


def test_frames_announced_and_never_sent_cost_nothing_and_are_cut_off(broker_factory):
    """Twenty connections that each announce a 100 MiB frame and send nothing of it hold no
    memory and block nobody; each is closed once socket.request.body.timeout.ms passes
    without a byte of its body."""
    b = broker_factory(env={"STROM_SOCKET_REQUEST_BODY_TIMEOUT_MS": str(BODY_TIMEOUT_MS)})
    with Bystander(b) as by:
        rss = RssSampler(b.proc.pid)
        attackers = [kit.connect(b.port) for _ in range(20)]
        for s in attackers:
            s.sendall(kit.i32(100 * MB))
        started = time.monotonic()
        closed = kit.closed_by_peer(attackers, BODY_TIMEOUT_MS / 1000 + 5)
        took = time.monotonic() - started
        grew = rss.stop()
        for s in attackers:
            s.close()
    print(f"announced-only: RSS +{grew / MB:.1f} MB, {closed} of 20 closed after {took:.1f}s; "
          f"{by.summary()}")
    assert closed == len(attackers)
    assert grew < 50 * MB
    by.assert_served(LATENCY_S)
    by.readback()


def test_stalled_and_dripped_bodies_never_starve_other_clients(broker_factory):
    """With a request budget of 16 MiB, four connections each send 7 MiB of an 8 MiB frame
    and stall (together more than the budget), and twenty more drip a body a byte at a time.
    Small requests of other clients are still admitted at once (each connection has its own
    reserve), memory stays near the budget, and every stalled connection is cut off."""
    b = broker_factory(env={
        "STROM_SOCKET_REQUEST_BODY_TIMEOUT_MS": str(BODY_TIMEOUT_MS),
        "STROM_SOCKET_REQUEST_MAX_BYTES": str(8 * MB),
        "STROM_QUEUED_MAX_REQUEST_BYTES": str(16 * MB),
    })
    with Bystander(b) as by:
        rss = RssSampler(b.proc.pid)
        stalled = [kit.connect(b.port) for _ in range(4)]
        for s in stalled:
            s.sendall(kit.i32(8 * MB))
            s.settimeout(0.5)
            try:
                s.sendall(bytes(7 * MB))
            except OSError:
                pass  # the broker stopped reading it: out of budget, as intended
        drippers = [kit.connect(b.port) for _ in range(20)]
        for s in drippers:
            s.sendall(kit.i32(1 * MB))
        for _ in range(6):
            for s in drippers:
                s.sendall(b"\0")
            time.sleep(0.5)
        closed = kit.closed_by_peer(stalled + drippers, BODY_TIMEOUT_MS / 1000 + 5)
        grew = rss.stop()
        for s in stalled + drippers:
            s.close()
    print(f"stalled and dripped bodies: RSS +{grew / MB:.1f} MB, {closed} of 24 closed; "
          f"{by.summary()}")
    assert closed == 24
    assert grew < 80 * MB
    by.assert_served(LATENCY_S)
    by.readback()


def test_a_client_that_never_reads_pins_at_most_its_response_budget(broker_factory):
    """Two connections pipeline 64 Fetch requests each for a partition holding 4 MB and never
    read their sockets. Each connection holds at most queued.max.response.bytes (16 MiB
    here) of responses, not 64 responses of any size."""
    b = broker_factory(env={"STROM_QUEUED_MAX_RESPONSE_BYTES": str(16 * MB)})
    topic = f"big-{uuid.uuid4().hex[:6]}"
    kit.create_topic(b, topic)
    kit.fill(b, topic, 4 * MB)
    with Bystander(b) as by:
        rss = RssSampler(b.proc.pid)
        readers = [kit.connect(b.port) for _ in range(2)]
        for s in readers:
            s.settimeout(2)
            try:
                for n in range(64):
                    s.sendall(kit.fetch_v4([(topic, [0])], correlation_id=n))
            except OSError:
                pass  # the broker stopped reading: its response budget is full
        time.sleep(6)
        grew = rss.stop()
        for s in readers:
            s.close()
    print(f"never-reading fetchers: RSS +{grew / MB:.1f} MB; {by.summary()}")
    assert grew < 120 * MB
    by.assert_served(LATENCY_S)
    by.readback()


def test_one_address_cannot_take_every_connection(broker_factory):
    """With max.connections.per.ip 50 (and 200 for one overridden address), 300 connections
    from 127.0.0.2 get 50 and the rest are closed at once (what Kafka's clients see when the
    limit is hit), 300 from 127.0.0.3 get 200, and clients from other addresses connect as
    usual."""
    b = broker_factory(env={
        "STROM_MAX_CONNECTIONS_PER_IP": "50",
        "STROM_MAX_CONNECTIONS_PER_IP_OVERRIDES": "127.0.0.3:200",
    })
    with Bystander(b) as by:
        rss = RssSampler(b.proc.pid)
        counts = {}
        held = []
        for source in ("127.0.0.2", "127.0.0.3"):
            conns = [kit.connect(b.port, source=source) for _ in range(300)]
            time.sleep(0.5)
            open_ = 0
            for s in conns:
                try:
                    s.sendall(kit.api_versions(7))
                    kit.read_response(s, timeout=5)
                    open_ += 1
                    held.append(s)
                except (OSError, ConnectionError):
                    s.close()
            counts[source] = open_
        grew = rss.stop()
        for s in held:
            s.close()
    print(f"connection flood: served {counts}, RSS +{grew / MB:.1f} MB; {by.summary()}")
    assert counts == {"127.0.0.2": 50, "127.0.0.3": 200}
    assert grew < 80 * MB
    by.assert_served(LATENCY_S)
    by.readback()
