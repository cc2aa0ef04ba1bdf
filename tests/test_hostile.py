"""Hostile input on many connections at once: random bytes, truncated frames, lying lengths,
frames over socket.request.max.bytes, unknown API keys and versions, and corrupt record
batches. The broker answers or closes each bad connection and keeps serving a well-behaved
client throughout."""

import random
import socket
import struct
import threading
import time
import uuid

from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient, NewTopic

TIMEOUT = 30
ROUNDS = 40


def frame(body):
    return struct.pack(">i", len(body)) + body


def header(api_key, version, correlation_id):
    client = b"hostile"
    return struct.pack(">hhih", api_key, version, correlation_id, len(client)) + client


def produce_v3(topic, records, correlation_id=7):
    """A classic (non-flexible) Produce v3 request with one partition."""
    t = topic.encode()
    body = header(0, 3, correlation_id) + struct.pack(">hhi", -1, 1, 5000)
    body += struct.pack(">i", 1) + struct.pack(">h", len(t)) + t
    body += struct.pack(">i", 1) + struct.pack(">i", 0) + struct.pack(">i", len(records))
    return frame(body + records)


def corrupt_batch():
    """A record batch v2 header whose CRC does not match its contents."""
    records = b"\x00" * 20
    batch_length = 49 + len(records)
    return (struct.pack(">qiibI", 0, batch_length, -1, 2, 0xDEADBEEF)
            + struct.pack(">hiqqqhii", 0, 0, 0, 0, -1, -1, -1, 1) + records)


def read_response(sock):
    sock.settimeout(10)
    size = struct.unpack(">i", recv_exact(sock, 4))[0]
    return recv_exact(sock, size)


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("closed")
        buf += chunk
    return buf


def attack(port, kind, rng):
    payloads = {
        "random": lambda: rng.randbytes(rng.randint(1, 4096)),
        "truncated": lambda: frame(header(3, 9, 1) + b"\x00\x00")[: rng.randint(1, 12)],
        "lying_length": lambda: struct.pack(">i", 1000) + rng.randbytes(50),
        "oversized": lambda: struct.pack(">i", 2_000_000_000) + b"\x00" * 16,
        "negative": lambda: struct.pack(">i", -5) + b"\x00" * 8,
        "unknown_key": lambda: frame(header(999, 0, 3)),
        "unknown_version": lambda: frame(header(3, 999, 4)),
        "garbage_body": lambda: frame(header(0, 9, 5) + rng.randbytes(64)),
    }
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        try:
            s.sendall(payloads[kind]())
            s.shutdown(socket.SHUT_WR)
            s.settimeout(5)
            while s.recv(4096):
                pass
        except OSError:
            pass


def test_bad_input_never_disturbs_a_good_client(broker):
    """While threads throw malformed frames at the broker over many connections, a librdkafka
    producer keeps getting every message acknowledged, a corrupt batch is refused with
    CORRUPT_MESSAGE, and the KIP-511 fallback answers an ApiVersions version from the
    future."""
    topic = f"hostile-{uuid.uuid4().hex[:8]}"
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(TIMEOUT)
    stop = threading.Event()
    errors = []

    def attacker(seed):
        rng = random.Random(seed)
        kinds = ["random", "truncated", "lying_length", "oversized", "negative",
                 "unknown_key", "unknown_version", "garbage_body"]
        for _ in range(ROUNDS):
            if stop.is_set():
                return
            try:
                attack(broker.port, rng.choice(kinds), rng)
            except OSError as e:
                errors.append(e)

    threads = [threading.Thread(target=attacker, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    acked = []
    p = Producer({"bootstrap.servers": broker.bootstrap, "acks": "all"})
    deadline = time.monotonic() + TIMEOUT
    for i in range(200):
        p.produce(topic, value=f"good{i}".encode(), partition=0,
                  on_delivery=lambda err, msg: acked.append(err))
        p.poll(0)
        if time.monotonic() > deadline:
            break
    assert p.flush(TIMEOUT) == 0
    stop.set()
    for t in threads:
        t.join(TIMEOUT)
    assert len(acked) == 200 and all(e is None for e in acked)
    assert broker.alive()

    with socket.create_connection(("127.0.0.1", broker.port), timeout=5) as s:
        s.sendall(produce_v3(topic, corrupt_batch()))
        resp = read_response(s)
    # correlation id, topic count, topic name, partition count, partition index, error code
    (corr,) = struct.unpack(">i", resp[:4])
    name_len = struct.unpack(">h", resp[8:10])[0]
    at = 10 + name_len + 4
    index, error = struct.unpack(">ih", resp[at:at + 6])
    assert (corr, index, error) == (7, 0, 2)

    with socket.create_connection(("127.0.0.1", broker.port), timeout=5) as s:
        s.sendall(frame(header(18, 99, 11)))
        resp = read_response(s)
    corr, error = struct.unpack(">ih", resp[:6])
    assert (corr, error) == (11, 35)
    assert broker.alive()
