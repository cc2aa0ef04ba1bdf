#!/usr/bin/env python3
"""What replicated coordinators cost and how fast they move, measured in one run.

Workload (bounded in count and time; release binary, loopback, fresh data directories):
  1. Offset commit latency: one consumer commits COMMITS increasing offsets synchronously
     (librdkafka, one partition), against a single node (`__consumer_offsets` with one
     replica, answered after the fsync) and against a three-node cluster (three replicas,
     answered once the ISR has it on disk); p50/p99 of each and the ratio.
  2. Coordinator failover, KILLS times: MEMBERS consumers in one group read a topic of
     MEMBERS partitions (three replicas) while a producer writes; the broker coordinating the
     group is SIGKILLed. Measured: the time until the group is Stable again with every member
     on its new coordinator (`strom group describe` through the survivors), and until every
     member has consumed a record produced after the kill. The killed node restarts before the next round.

Needs the Python clients of the test suite (confluent-kafka). Prints one JSON object, and a
Markdown table to stderr. From the repository root, after `cargo build --release -p strom`:

    .venv/bin/python bench/coordinators.py
    COMMITS=300 KILLS=2 .venv/bin/python bench/coordinators.py     # shorter
"""

import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import NewTopic

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster as kit  # noqa: E402  (bench/cluster.py: the node and cluster helpers)

COMMITS = int(os.environ.get("COMMITS", "2000"))
KILLS = int(os.environ.get("KILLS", "5"))
MEMBERS = int(os.environ.get("MEMBERS", "10"))
ROUND_SECONDS = 60


def commit_latencies(bootstrap):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": f"bench-{uuid.uuid4()}",
                  "enable.auto.commit": False})
    tp = TopicPartition("bench-commits", 0)
    try:
        c.commit(offsets=[TopicPartition("bench-commits", 0, 0)], asynchronous=False)  # warm
        out = []
        for n in range(1, COMMITS + 1):
            tp.offset = n
            started = time.monotonic()
            c.commit(offsets=[tp], asynchronous=False)
            out.append((time.monotonic() - started) * 1000)
        return out
    finally:
        c.close()


def create(nodes, name, partitions, replicas):
    client = kit.admin(nodes[0])
    client.create_topics([NewTopic(name, partitions, replicas)])[name].result(timeout=30)
    kit.wait_full_isr(client, name, partitions, replicas)


class Member(threading.Thread):
    def __init__(self, bootstrap, group):
        super().__init__(daemon=True)
        self.consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": group,
                                  "auto.offset.reset": "latest", "session.timeout.ms": 10000,
                                  "heartbeat.interval.ms": 1000,
                                  "socket.connection.setup.timeout.ms": 3000,
                                  "reconnect.backoff.max.ms": 500})
        self.last = 0.0
        self.stop = threading.Event()

    def run(self):
        self.consumer.subscribe(["bench-group"])
        while not self.stop.is_set():
            m = self.consumer.poll(0.2)
            if m is not None and not m.error():
                self.last = time.monotonic()
        self.consumer.close()


def describe(bootstrap, group):
    """`strom group describe` (our own client, asked afresh each time): the group's state and
    member count, or None while no coordinator answers."""
    out = subprocess.run([kit.STROM, "group", "describe", group, "--bootstrap", bootstrap,
                          "--output", "json"], capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        return None
    d = json.loads(out.stdout)
    return d["state"], len(d["members"])


def find_coordinator(addr, group):
    """FindCoordinator v1 for a group, by hand (the node id)."""
    host, port = addr.rsplit(":", 1)
    key = group.encode()
    body = struct.pack(">h", len(key)) + key + struct.pack(">b", 0)
    client = b"bench"
    header = struct.pack(">hhih", 10, 1, 1, len(client)) + client
    frame = header + body
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(struct.pack(">i", len(frame)) + frame)
        size = struct.unpack(">i", s.recv(4, socket.MSG_WAITALL))[0]
        data = s.recv(size, socket.MSG_WAITALL)
    error = struct.unpack(">h", data[8:10])[0]
    msg_len = struct.unpack(">h", data[10:12])[0]
    at = 12 + max(msg_len, 0)
    if error != 0:
        raise RuntimeError(f"FindCoordinator: error {error}")
    return struct.unpack(">i", data[at:at + 4])[0]


def failover_round(nodes, group, members):
    victim = nodes[find_coordinator(nodes[0].bootstrap, group) - 1]
    survivors = ",".join(n.bootstrap for n in nodes if n is not victim)
    killed = time.monotonic()
    victim.kill()
    stable = consuming = None
    deadline = killed + ROUND_SECONDS
    while time.monotonic() < deadline and (stable is None or consuming is None):
        if stable is None and describe(survivors, group) == ("Stable", len(members)):
            stable = time.monotonic() - killed
        if consuming is None and all(m.last > killed + 0.2 for m in members):
            consuming = time.monotonic() - killed
        time.sleep(0.05)
    victim.start()
    victim.wait_serving()
    return stable, consuming


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else None


def main():
    result = {"commits": COMMITS, "kills": KILLS, "members": MEMBERS}
    with tempfile.TemporaryDirectory() as root:
        single = kit.Node(1, Path(root) / "single")
        single.start()
        single.wait_serving()
        try:
            create([single], "bench-commits", 1, 1)
            one = commit_latencies(single.bootstrap)
        finally:
            single.stop()
        nodes = kit.cluster(Path(root) / "three", 3)
        try:
            bootstrap = ",".join(n.bootstrap for n in nodes)
            create(nodes, "bench-commits", 1, 3)
            three = commit_latencies(bootstrap)
            create(nodes, "bench-group", MEMBERS, 3)
            group = f"bench-{uuid.uuid4()}"
            members = [Member(bootstrap, group) for _ in range(MEMBERS)]
            for m in members:
                m.start()
            producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
            writing = threading.Event()

            def write():
                n = 0
                while not writing.is_set():
                    producer.produce("bench-group", value=str(n), partition=n % MEMBERS)
                    producer.poll(0.002)
                    n += 1
                producer.flush(30)

            writer = threading.Thread(target=write, daemon=True)
            writer.start()
            time.sleep(8)
            rounds = []
            for _ in range(KILLS):
                rounds.append(failover_round(nodes, group, members))
                time.sleep(8)
            writing.set()
            for m in members:
                m.stop.set()
        finally:
            for node in nodes:
                node.stop()
    result["commit_ms"] = {
        "single_p50": round(pct(one, 0.5), 2), "single_p99": round(pct(one, 0.99), 2),
        "rf3_p50": round(pct(three, 0.5), 2), "rf3_p99": round(pct(three, 0.99), 2)}
    stables = [s for s, _ in rounds if s is not None]
    consuming = [c for _, c in rounds if c is not None]
    result["failover_s"] = {
        "stable": [round(s, 2) for s in stables], "consuming": [round(c, 2) for c in consuming],
        "rounds_without_answer": sum(1 for s, c in rounds if s is None or c is None)}
    print(json.dumps(result))
    c = result["commit_ms"]
    print("| measure | single node | 3 nodes, rf 3 | ratio |\n|---|---:|---:|---:|", file=sys.stderr)
    print(f"| offset commit p50, ms | {c['single_p50']} | {c['rf3_p50']} | "
          f"{c['rf3_p50'] / c['single_p50']:.2f} |", file=sys.stderr)
    print(f"| offset commit p99, ms | {c['single_p99']} | {c['rf3_p99']} | "
          f"{c['rf3_p99'] / c['single_p99']:.2f} |", file=sys.stderr)
    if stables and consuming:
        print(f"| coordinator failover, {MEMBERS} members: group Stable again, p50 / max s | | "
              f"{pct(stables, 0.5):.2f} / {max(stables):.2f} | |", file=sys.stderr)
        print(f"| ... every member consuming again, p50 / max s | | "
              f"{pct(consuming, 0.5):.2f} / {max(consuming):.2f} | |", file=sys.stderr)


if __name__ == "__main__":
    main()
