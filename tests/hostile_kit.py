"""What the hostile-client tests share: raw Kafka frames built by hand (no client library
sends what an attacker sends), the broker's resident memory read from /proc, and a
well-behaved librdkafka producer and consumer that run through each attack, time every answer
they get, and afterwards read back every record the broker acknowledged.
"""

import select
import socket
import struct
import threading
import time
import uuid
import zlib

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic, OffsetSpec
from kafka.record import _crc32c

TIMEOUT = 30


# ---------------------------------------------------------------- frames and primitives

def i8(v):
    return struct.pack(">b", v)


def i16(v):
    return struct.pack(">h", v)


def i32(v):
    return struct.pack(">i", v)


def i64(v):
    return struct.pack(">q", v)


def string(s):
    if s is None:
        return i16(-1)
    b = s.encode() if isinstance(s, str) else s
    return i16(len(b)) + b


def array(items):
    return i32(len(items)) + b"".join(items)


def uvarint(v):
    out = b""
    while True:
        byte = v & 0x7F
        v >>= 7
        if v:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def varint(v):
    return uvarint((v << 1) ^ (v >> 63))


def compact_string(s):
    b = s.encode() if isinstance(s, str) else s
    return uvarint(len(b) + 1) + b


def compact_array(items):
    return uvarint(len(items) + 1) + b"".join(items)


TAGS = b"\x00"


def frame(body):
    return i32(len(body)) + body


def header(api_key, version, correlation_id, flexible=False, client="hostile"):
    """Request header v1 (v2 with its empty tagged fields when `flexible`)."""
    h = i16(api_key) + i16(version) + i32(correlation_id) + string(client)
    return h + (TAGS if flexible else b"")


def request(api_key, version, body, correlation_id=1, flexible=False):
    return frame(header(api_key, version, correlation_id, flexible) + body)


def api_versions(correlation_id=1):
    return request(18, 0, b"", correlation_id)


def metadata_v1(names, correlation_id=1):
    return request(3, 1, array([string(n) for n in names]), correlation_id)


def fetch_v4(topics, max_bytes=50 * 1024 * 1024, partition_max=50 * 1024 * 1024,
             correlation_id=1, max_wait_ms=0):
    """`topics`: [(name, [partition, ...])], each read from offset 0."""
    body = i32(-1) + i32(max_wait_ms) + i32(0) + i32(max_bytes) + i8(0)
    body += array([
        string(name) + array([i32(p) + i64(0) + i32(partition_max) for p in parts])
        for name, parts in topics
    ])
    return request(1, 4, body, correlation_id)


def produce_v3(topic, partition, records, acks=1, correlation_id=1):
    body = string(None) + i16(acks) + i32(10_000)
    body += array([string(topic) + array([i32(partition) + i32(len(records)) + records])])
    return request(0, 3, body, correlation_id)


def describe_producers_v0(topic, partitions, correlation_id=1):
    body = compact_array([
        compact_string(topic) + compact_array([i32(p) for p in partitions]) + TAGS
    ]) + TAGS
    return request(61, 0, body, correlation_id, flexible=True)


def describe_configs_v1(topics, correlation_id=1):
    body = array([i8(2) + string(t) + i32(-1) for t in topics]) + i8(1)
    return request(32, 1, body, correlation_id)


def write_txn_markers_v1(producer_id, producer_epoch, commit, topic, partitions,
                         coordinator_epoch, correlation_id=1):
    marker = i64(producer_id) + i16(producer_epoch) + i8(1 if commit else 0)
    marker += compact_array([compact_string(topic) + compact_array([i32(p) for p in partitions])
                             + TAGS])
    marker += i32(coordinator_epoch) + TAGS
    return request(27, 1, compact_array([marker]) + TAGS, correlation_id, flexible=True)


def recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise ConnectionError(f"closed after {len(buf)} of {n} bytes")
        buf += chunk
    return bytes(buf)


def read_response(sock, timeout=TIMEOUT):
    """One response frame: (correlation id, the rest)."""
    sock.settimeout(timeout)
    size = struct.unpack(">i", recv_exact(sock, 4))[0]
    body = recv_exact(sock, size)
    return struct.unpack(">i", body[:4])[0], body[4:]


def connect(port, source=None, timeout=10):
    """A connection to the broker, from loopback address `source` when given (every address
    of 127.0.0.0/8 is this host, so tests can act as several clients)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    if source:
        s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def closed_by_peer(socks, within):
    """How many of `socks` the broker closes within `within` seconds (reading and discarding
    whatever else arrives)."""
    deadline = time.monotonic() + within
    open_ = list(socks)
    closed = 0
    while open_ and time.monotonic() < deadline:
        ready, _, _ = select.select(open_, [], [], max(0.0, deadline - time.monotonic()))
        for s in ready:
            try:
                data = s.recv(65536)
            except OSError:
                data = b""
            if not data:
                closed += 1
                open_.remove(s)
    return closed


# ---------------------------------------------------------------- record batches

def record(offset_delta, value, key=None, timestamp_delta=0):
    body = i8(0) + varint(timestamp_delta) + varint(offset_delta)
    body += varint(-1) if key is None else varint(len(key)) + key
    body += varint(len(value)) + value + uvarint(0)
    return varint(len(body)) + body


def batch(records_bytes, count, attributes=0, producer_id=-1, producer_epoch=-1,
          base_sequence=-1, timestamp=None):
    """A record batch v2 around already-encoded (possibly compressed) records."""
    ts = timestamp if timestamp is not None else int(time.time() * 1000)
    after_crc = (i16(attributes) + i32(count - 1) + i64(ts) + i64(ts) + i64(producer_id)
                 + i16(producer_epoch) + i32(base_sequence) + i32(count) + records_bytes)
    crc = _crc32c.crc(after_crc)
    batch_length = 4 + 1 + 4 + len(after_crc)
    return i64(0) + i32(batch_length) + i32(-1) + i8(2) + struct.pack(">I", crc) + after_crc


TRANSACTIONAL = 0x10
CONTROL = 0x20
GZIP = 1


def gzip_bomb(decompressed_bytes):
    """One record whose value is `decompressed_bytes` zeros, gzip-compressed as a batch's
    records (about a thousandth of the size), built without holding the zeros in memory."""
    head = i8(0) + varint(0) + varint(0) + varint(-1) + varint(decompressed_bytes)
    body_len = len(head) + decompressed_bytes + 1
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [z.compress(varint(body_len) + head)]
    chunk = bytes(1 << 20)
    left = decompressed_bytes
    while left:
        n = min(left, len(chunk))
        out.append(z.compress(chunk[:n]))
        left -= n
    out.append(z.compress(uvarint(0)))
    out.append(z.flush())
    return b"".join(out)


# ---------------------------------------------------------------- the broker's memory

def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class RssSampler:
    """Samples the broker's resident memory every 20 ms in the background; `peak` is the
    largest seen since the start."""

    def __init__(self, pid):
        self.pid = pid
        self.baseline = rss_bytes(pid)
        self.peak = self.baseline
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, rss_bytes(self.pid))
            except OSError:
                return
            time.sleep(0.02)

    def stop(self):
        self._stop.set()
        self._thread.join(5)
        return self.peak - self.baseline


MB = 1024 * 1024
# The least time the well-behaved clients run from the start of an attack.
MIN_RUN_S = 3.0


# ---------------------------------------------------------------- the well-behaved clients

class Bystander:
    """A librdkafka producer (acks=all, one record every 10 ms), a librdkafka consumer reading
    the same partition, and a probe that opens a fresh connection and sends ApiVersions every
    100 ms. Each records how long its answers took; `readback()` checks afterwards that every
    acknowledged record is in the log."""

    def __init__(self, broker):
        self.broker = broker
        self.topic = f"bystander-{uuid.uuid4().hex[:8]}"
        admin = AdminClient({"bootstrap.servers": broker.bootstrap})
        admin.create_topics([NewTopic(self.topic, 1, 1)])[self.topic].result(TIMEOUT)
        wait_served(admin, self.topic, 1)
        self.acked = []
        self.delivery_errors = []
        self.delivery_max = 0.0
        self.consume_max_gap = 0.0
        self.consumed = 0
        self.probe_max = 0.0
        self.probe_failures = []
        self._stop = threading.Event()
        self._threads = []
        self._attack_started = time.monotonic()

    def __enter__(self):
        for target in (self._produce, self._consume, self._probe):
            t = threading.Thread(target=target, daemon=True)
            t.start()
            self._threads.append(t)
        # Attacks start once every well-behaved client has been answered at least once.
        deadline = time.monotonic() + TIMEOUT
        while (self.consumed == 0 or self.probe_max == 0.0) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.consume_max_gap = 0.0
        self._attack_started = time.monotonic()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def stop(self):
        if self._stop.is_set():
            return
        # The well-behaved clients run for a while after even the shortest attack.
        time.sleep(max(0.0, self._attack_started + MIN_RUN_S - time.monotonic()))
        self._stop.set()
        for t in self._threads:
            t.join(TIMEOUT + 5)

    def _produce(self):
        p = Producer({"bootstrap.servers": self.broker.bootstrap, "acks": "all",
                      "linger.ms": 0, "message.timeout.ms": TIMEOUT * 1000})
        seq = 0

        def done(err, msg, sent=None, value=None):
            took = time.monotonic() - sent
            self.delivery_max = max(self.delivery_max, took)
            if err is None:
                self.acked.append(value)
            else:
                self.delivery_errors.append(err)

        while not self._stop.is_set():
            value = f"by-{seq}".encode()
            sent = time.monotonic()
            p.produce(self.topic, value=value, partition=0,
                      on_delivery=lambda e, m, s=sent, v=value: done(e, m, s, v))
            seq += 1
            p.poll(0.01)
        remaining = p.flush(TIMEOUT)
        if remaining:
            self.delivery_errors.append(f"{remaining} records never delivered")

    def _consume(self):
        c = Consumer({"bootstrap.servers": self.broker.bootstrap,
                      "group.id": f"by-{uuid.uuid4().hex[:6]}", "enable.auto.commit": False,
                      "fetch.wait.max.ms": 100})
        c.assign([TopicPartition(self.topic, 0, 0)])
        last = None
        while not self._stop.is_set():
            msg = c.poll(0.1)
            now = time.monotonic()
            if msg is not None and msg.error() is None:
                self.consumed += 1
                if last is not None:
                    self.consume_max_gap = max(self.consume_max_gap, now - last)
                last = now
        c.close()

    def _probe(self):
        n = 0
        while not self._stop.is_set():
            n += 1
            started = time.monotonic()
            try:
                with connect(self.broker.port, timeout=TIMEOUT) as s:
                    s.sendall(api_versions(n))
                    corr, _ = read_response(s)
                    assert corr == n
            except (OSError, AssertionError, ConnectionError) as e:
                self.probe_failures.append(repr(e))
            self.probe_max = max(self.probe_max, time.monotonic() - started)
            time.sleep(0.1)

    def summary(self):
        return (f"acked {len(self.acked)}, consumed {self.consumed}, slowest delivery "
                f"{self.delivery_max:.2f}s, longest consumer gap {self.consume_max_gap:.2f}s, "
                f"slowest probe {self.probe_max:.2f}s")

    def assert_served(self, latency_s):
        """Every answer came within `latency_s`, nothing failed, and records flowed."""
        self.stop()
        assert not self.delivery_errors, self.delivery_errors[:3]
        assert not self.probe_failures, self.probe_failures[:3]
        assert len(self.acked) > 20, self.summary()
        assert self.consumed > 0, self.summary()
        assert self.delivery_max < latency_s, self.summary()
        assert self.probe_max < latency_s, self.summary()
        assert self.consume_max_gap < latency_s, self.summary()

    def readback(self):
        """Reads the partition from the start: every acknowledged record is there."""
        self.stop()
        c = Consumer({"bootstrap.servers": self.broker.bootstrap,
                      "group.id": f"check-{uuid.uuid4().hex[:6]}", "enable.auto.commit": False})
        c.assign([TopicPartition(self.topic, 0, 0)])
        want = set(self.acked)
        seen = set()
        deadline = time.monotonic() + TIMEOUT
        while not want <= seen and time.monotonic() < deadline:
            msg = c.poll(0.5)
            if msg is not None and msg.error() is None:
                seen.add(msg.value())
        c.close()
        missing = want - seen
        assert not missing, f"{len(missing)} acknowledged records missing"


def create_topic(broker, name, partitions=1, config=None):
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    admin.create_topics([NewTopic(name, partitions, 1, config=config or {})])[name].result(
        TIMEOUT)
    wait_served(admin, name, partitions)


def wait_served(admin, name, partitions):
    """Waits until the broker serves every partition of `name`: CreateTopics answers once the
    topic is committed (at most 5 s later), and opening a thousand partitions can take longer
    on a loaded machine, which would hold up the topics created after it."""
    deadline = time.monotonic() + 4 * TIMEOUT
    while True:
        wanted = {TopicPartition(name, p): OffsetSpec.latest() for p in range(partitions)}
        failed = []
        for tp, future in admin.list_offsets(wanted, request_timeout=TIMEOUT).items():
            try:
                future.result(TIMEOUT)
            except Exception as e:  # noqa: BLE001 - any refusal means "not yet"
                failed.append((tp.partition, e))
        if not failed:
            return
        assert time.monotonic() < deadline, f"{name}: {len(failed)} partitions not served"
        time.sleep(0.2)


def fill(broker, topic, total_bytes, value_bytes=100_000):
    """Produces about `total_bytes` into partition 0 of `topic` and waits for them."""
    p = Producer({"bootstrap.servers": broker.bootstrap, "acks": "all",
                  "message.max.bytes": 2_000_000})
    value = b"v" * value_bytes
    for _ in range(total_bytes // value_bytes):
        p.produce(topic, value=value, partition=0)
        p.poll(0)
    assert p.flush(TIMEOUT) == 0
