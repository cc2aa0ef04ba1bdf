#!/usr/bin/env python3
"""Capture real record batches written by Kafka clients, as fixtures for Strom's decoder.

Why: a decoder tested only against its own encoder can share its author's misreading of the
format. These fixtures are the bytes real clients put in a Produce request, for each codec,
so `crates/protocol/tests/records_fixtures.rs` can decode them and compare every record
with what the client was asked to send.

How: a tiny fake Kafka broker on 127.0.0.1 speaks just enough of the protocol, encoded by
hand with `struct`: ApiVersions (v0-v3; librdkafka opens with v3, whose request header is
flexible), Metadata (v0-v4: one broker, itself; one topic with one partition it leads) and
Produce (librdkafka picks v7, which carries magic-v2 record batches). Fetch and
FindCoordinator are advertised but never served, because librdkafka derives its features
from the advertised list: it writes magic v2 only when the broker lists Produce >= 3 and
Fetch >= 4, uses zstd only with Produce >= 7 and Fetch >= 10, and silently sends lz4
batches uncompressed unless FindCoordinator is listed.
Each partition's records bytes from each Produce request are saved in arrival order.

Two clients are driven, because they write the codecs differently: librdkafka (through
confluent-kafka) sends raw snappy and lz4 frames without a content size; kafka-python sends
snappy in the xerial framing that the Java client also uses, and lz4 frames with a content
size, and falls back to an uncompressed batch when compression does not shrink it.

Output, in crates/protocol/tests/fixtures/records/, for <client> in librdkafka, kafka-python:
  <client>-<codec>.bin    the captured record set (batches end to end, as the client sent
                          them: base offsets are the client's 0s) for none/gzip/snappy/lz4/zstd
  <client>-expected.json  the records produced (same for every codec), and per codec the
                          record count and codec of each captured batch

Run: python3 -m venv .venv
     .venv/bin/pip install confluent-kafka kafka-python python-snappy lz4 zstandard
     .venv/bin/python tools/capture-batches/capture.py
The Rust test needs only the committed outputs, not Python.
"""

import json
import os
import socket
import struct
import sys
import threading

import confluent_kafka
import kafka

CODECS = ["none", "gzip", "snappy", "lz4", "zstd"]
TOPIC = "fixtures"
BASE_TIMESTAMP_MS = 1_700_000_000_000
OUT_DIR = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "crates", "protocol", "tests", "fixtures", "records",
)

API_PRODUCE, API_FETCH, API_METADATA, API_FIND_COORDINATOR, API_VERSIONS = 0, 1, 3, 10, 18
# (api key, min version, max version) this fake broker advertises.
ADVERTISED = [
    (API_PRODUCE, 3, 7),
    (API_FETCH, 4, 11),
    (API_METADATA, 0, 4),
    (API_FIND_COORDINATOR, 0, 2),
    (API_VERSIONS, 0, 3),
]
UNSUPPORTED_VERSION = 35
# A bound on one request frame: the fixtures are small, so anything bigger is a bug.
MAX_FRAME_BYTES = 16 * 1024 * 1024


def produce_groups():
    """The records to produce, as groups; each group is flushed, so it becomes one batch.

    Covers null and non-null keys, a null value (tombstone), binary bytes, headers with
    repeated keys, null header values and non-ASCII header keys, timestamps that go
    backwards (negative timestamp deltas), and one large compressible value that spans
    several compression blocks.
    """
    first = []
    for i in range(12):
        key = None if i % 4 == 0 else f"key-{i}".encode()
        value = None if i == 5 else f"value-{i}-".encode() * (i + 1) + bytes([0xFF, 0x00, i])
        headers = [
            [],
            [("trace", b"abc")],
            [("dup", b"1"), ("dup", b"2"), ("null-value", None)],
            [("\u00fcn\u00efc\u00f8de", "\u2603".encode())],
        ][i % 4]
        first.append((key, value, headers, BASE_TIMESTAMP_MS + i * 7))
    second = [
        (f"back-{i}".encode(), bytes(range(i * 10, i * 10 + 10)), [("n", str(i).encode())],
         BASE_TIMESTAMP_MS + 5_000 - i * 1_000)
        for i in range(6)
    ]
    pattern = b"The quick brown fox jumps over the lazy dog. "
    large = [(b"large", (pattern * 1000)[:40_000], [("size", b"40000")], BASE_TIMESTAMP_MS + 99)]
    return [first, second, large]


def recv_exact(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def unsigned_varint(buf, pos):
    value, shift = 0, 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte & 0x80 == 0:
            return value, pos
        shift += 7


def put_string(s):
    raw = s.encode()
    return struct.pack(">h", len(raw)) + raw


def put_unsigned_varint(n):
    out = b""
    while n >= 0x80:
        out += bytes([(n & 0x7F) | 0x80])
        n >>= 7
    return out + bytes([n])


class FakeBroker:
    """Answers ApiVersions, Metadata and Produce; records every produced records blob."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.captured = []  # records bytes, in arrival order
        self.next_offset = 0
        self.lock = threading.Lock()
        self.stopped = False
        threading.Thread(target=self.accept_loop, daemon=True).start()

    def stop(self):
        self.stopped = True
        self.sock.close()

    def accept_loop(self):
        while not self.stopped:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.serve, args=(conn,), daemon=True).start()

    def serve(self, conn):
        try:
            while True:
                (size,) = struct.unpack(">i", recv_exact(conn, 4))
                if not 0 < size <= MAX_FRAME_BYTES:
                    raise ValueError(f"bad frame size {size}")
                frame = recv_exact(conn, size)
                body = self.handle(frame)
                conn.sendall(struct.pack(">i", len(body)) + body)
        except (EOFError, ConnectionError, OSError):
            pass
        finally:
            conn.close()

    def handle(self, frame):
        api_key, version, correlation_id = struct.unpack_from(">hhi", frame, 0)
        (client_id_len,) = struct.unpack_from(">h", frame, 8)
        pos = 10 + max(client_id_len, 0)
        if api_key == API_VERSIONS and version >= 3:
            # Request header v2: tagged fields after the client id.
            count, pos = unsigned_varint(frame, pos)
            if count:
                raise ValueError("unexpected tagged fields in request header")
        header = struct.pack(">i", correlation_id)  # response header v0 for all three APIs
        if api_key == API_VERSIONS:
            return header + self.api_versions(version)
        if api_key == API_METADATA:
            return header + self.metadata(version, frame[pos:])
        if api_key == API_PRODUCE:
            return header + self.produce(version, frame, pos)
        raise ValueError(f"unexpected api key {api_key} v{version}")

    def api_versions(self, version):
        if version > 3:
            # KIP-511: answer in v0 layout with UNSUPPORTED_VERSION; the client retries lower.
            return struct.pack(">hi", UNSUPPORTED_VERSION, 1) + struct.pack(">hhh", 18, 0, 3)
        if version == 3:
            out = struct.pack(">h", 0) + put_unsigned_varint(len(ADVERTISED) + 1)
            for key, lo, hi in ADVERTISED:
                out += struct.pack(">hhh", key, lo, hi) + b"\x00"
            return out + struct.pack(">i", 0) + b"\x00"
        out = struct.pack(">hi", 0, len(ADVERTISED))
        for key, lo, hi in ADVERTISED:
            out += struct.pack(">hhh", key, lo, hi)
        if version >= 1:
            out += struct.pack(">i", 0)
        return out

    def metadata(self, version, _body):
        out = b""
        if version >= 3:
            out += struct.pack(">i", 0)  # throttle_time_ms
        out += struct.pack(">i", 1) + struct.pack(">i", 0) + put_string("127.0.0.1")
        out += struct.pack(">i", self.port)
        if version >= 1:
            out += struct.pack(">h", -1)  # rack: null
        if version >= 2:
            out += put_string("strom-fixture-cluster")
        if version >= 1:
            out += struct.pack(">i", 0)  # controller_id
        out += struct.pack(">i", 1) + struct.pack(">h", 0) + put_string(TOPIC)
        if version >= 1:
            out += struct.pack(">?", False)  # is_internal
        out += struct.pack(">i", 1)  # one partition
        out += struct.pack(">hii", 0, 0, 0)  # error, index, leader
        out += struct.pack(">ii", 1, 0)  # replicas [0]
        out += struct.pack(">ii", 1, 0)  # isr [0]
        return out

    def produce(self, version, frame, pos):
        if not 3 <= version <= 7:
            raise ValueError(f"unexpected Produce v{version}")
        (txn_len,) = struct.unpack_from(">h", frame, pos)
        pos += 2 + max(txn_len, 0)
        acks, _timeout, topic_count = struct.unpack_from(">hii", frame, pos)
        pos += 10
        responses = []
        for _ in range(topic_count):
            (name_len,) = struct.unpack_from(">h", frame, pos)
            name = frame[pos + 2: pos + 2 + name_len].decode()
            pos += 2 + name_len
            (partition_count,) = struct.unpack_from(">i", frame, pos)
            pos += 4
            partitions = []
            for _ in range(partition_count):
                index, records_len = struct.unpack_from(">ii", frame, pos)
                pos += 8
                records = frame[pos: pos + max(records_len, 0)]
                pos += max(records_len, 0)
                with self.lock:
                    base_offset = self.next_offset
                    self.captured.append(records)
                    self.next_offset += count_records(records)
                partitions.append((index, base_offset))
            responses.append((name, partitions))
        if acks == 0:
            raise ValueError("acks=0 expects no response; the capture uses acks=1")
        out = struct.pack(">i", len(responses))
        for name, partitions in responses:
            out += put_string(name) + struct.pack(">i", len(partitions))
            for index, base_offset in partitions:
                out += struct.pack(">ihq", index, 0, base_offset)
                out += struct.pack(">q", -1)  # log_append_time_ms (v2+)
                if version >= 5:
                    out += struct.pack(">q", 0)  # log_start_offset
        return out + struct.pack(">i", 0)  # throttle_time_ms


def batch_record_counts(records):
    """recordCount of each v2 batch in a record set, read from the fixed header positions."""
    return [count for count, _ in batch_summaries(records)]


def batch_summaries(records):
    """(recordCount, codec name) of each v2 batch in a record set."""
    summaries, pos = [], 0
    while pos + 61 <= len(records):
        (batch_length,) = struct.unpack_from(">i", records, pos + 8)
        magic = records[pos + 16]
        if magic != 2:
            raise ValueError(f"captured a magic {magic} batch; expected 2")
        (attributes,) = struct.unpack_from(">h", records, pos + 21)
        (count,) = struct.unpack_from(">i", records, pos + 57)
        summaries.append((count, CODECS[attributes & 0x07]))
        pos += 12 + batch_length
    if pos != len(records):
        raise ValueError("captured record set does not end on a batch boundary")
    return summaries


def count_records(records):
    return sum(batch_record_counts(records))


def produce_with_librdkafka(port, codec, groups):
    """Produces `groups` through confluent-kafka (librdkafka), flushing after each group."""
    errors = []
    producer = confluent_kafka.Producer({
        "bootstrap.servers": f"127.0.0.1:{port}",
        "compression.type": codec,
        "linger.ms": 100,
        "acks": 1,
        "enable.idempotence": False,
        "message.timeout.ms": 10_000,
    })

    def on_delivery(err, _msg):
        if err is not None:
            errors.append(err)

    for group in groups:
        for key, value, headers, timestamp in group:
            producer.produce(TOPIC, key=key, value=value, headers=headers, partition=0,
                             timestamp=timestamp, on_delivery=on_delivery)
        remaining = producer.flush(15)
        if remaining:
            raise RuntimeError(f"{codec}: {remaining} messages not delivered")
    if errors:
        raise RuntimeError(f"{codec}: delivery errors {errors}")


def produce_with_kafka_python(port, codec, groups):
    """Produces `groups` through kafka-python, which writes snappy in the xerial framing."""
    producer = kafka.KafkaProducer(
        bootstrap_servers=f"127.0.0.1:{port}",
        compression_type=None if codec == "none" else codec,
        linger_ms=100,
        acks=1,
        enable_idempotence=False,
        request_timeout_ms=10_000,
    )
    for group in groups:
        futures = [
            producer.send(TOPIC, key=key, value=value, headers=headers, partition=0,
                          timestamp_ms=timestamp)
            for key, value, headers, timestamp in group
        ]
        producer.flush(15)
        for future in futures:
            future.get(timeout=15)
    producer.close(5)


CLIENTS = {
    "librdkafka": (produce_with_librdkafka, lambda: "confluent-kafka-python "
                   + confluent_kafka.version() + " / librdkafka " + confluent_kafka.libversion()[0]),
    "kafka-python": (produce_with_kafka_python, lambda: "kafka-python " + kafka.__version__),
}


def capture(client, codec, groups):
    broker = FakeBroker()
    try:
        CLIENTS[client][0](broker.port, codec, groups)
    finally:
        broker.stop()
    return b"".join(broker.captured)


def describe(key, value, headers, timestamp):
    def blob(b):
        if b is None:
            return None
        return {"hex": b.hex()} if len(b) <= 512 else {"repeat_hex": b[:45].hex(), "len": len(b)}

    return {
        "key": blob(key),
        "value": blob(value),
        "headers": [{"key": k, "value": blob(v)} for k, v in headers],
        "timestamp": timestamp,
    }


def main():
    large_value = produce_groups()[-1][0][1]
    pattern = large_value[:45]
    if (pattern * (len(large_value) // 45 + 1))[: len(large_value)] != large_value:
        sys.exit("large value must be a repetition of its first 45 bytes")
    os.makedirs(OUT_DIR, exist_ok=True)
    for client, (_, describe_client) in CLIENTS.items():
        if client == "kafka-python":
            # kafka-python refuses null header values; send empty ones instead.
            groups = [[(k, v, [(hk, b"" if hv is None else hv) for hk, hv in h], ts)
                       for k, v, h, ts in group] for group in produce_groups()]
        else:
            groups = produce_groups()
        expected = {
            "producer": describe_client(),
            "topic": TOPIC,
            "records": [describe(*r) for group in groups for r in group],
            "captures": {},
        }
        for codec in CODECS:
            data = capture(client, codec, groups)
            path = os.path.join(OUT_DIR, f"{client}-{codec}.bin")
            with open(path, "wb") as f:
                f.write(data)
            summaries = batch_summaries(data)
            # A client may send a batch uncompressed when compression would not shrink it
            # (kafka-python does), so each batch's codec is recorded as captured.
            expected["captures"][codec] = {
                "file": os.path.basename(path),
                "batch_record_counts": [count for count, _ in summaries],
                "batch_codecs": [name for _, name in summaries],
            }
            print(f"{client} {codec}: {len(data)} bytes, batches {summaries}")
        with open(os.path.join(OUT_DIR, f"{client}-expected.json"), "w") as f:
            json.dump(expected, f, indent=1, ensure_ascii=False)
            f.write("\n")


if __name__ == "__main__":
    main()
