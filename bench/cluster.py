#!/usr/bin/env python3
"""A three-node cluster against one node, in the same run: what the metadata quorum costs.

Workload (bounded in count and time; release binary, loopback, fresh data directories):
  1. CreateTopics latency: TOPICS topics of one partition, created one after another through
     a node that is NOT the active controller (so each is forwarded), on a 3-node cluster,
     and the same on a single node; p50/p99 of each and their ratio.
  2. Creating PARTITIONS partitions (10 topics) on the 3-node cluster, until CreateTopics
     has answered for all of them.
  3. Controller failover, KILLS times: SIGKILL the active controller, time until a
     CreateTopics through a survivor succeeds, restart the killed node and wait until it is
     listed again; p50/p99/max of the failover times.

Needs the Python clients of the test suite (confluent-kafka). Prints one JSON object, and a
Markdown table to stderr. From the repository root, after `cargo build --release -p strom`:

    .venv/bin/python bench/cluster.py
    KILLS=5 TOPICS=50 .venv/bin/python bench/cluster.py     # shorter
"""

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from confluent_kafka.admin import AdminClient, NewTopic

ROOT = Path(__file__).resolve().parent.parent
STROM = os.environ.get("STROM_BIN", str(ROOT / "target" / "release" / "strom"))
TOPICS = int(os.environ.get("TOPICS", "200"))
PARTITIONS = int(os.environ.get("PARTITIONS", "10000"))
KILLS = int(os.environ.get("KILLS", "20"))
START_TIMEOUT = 60


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, node_id, root, voters=None, controller_port=None):
        self.id = node_id
        self.port = free_port()
        self.controller_port = controller_port
        self.voters = voters
        self.dir = Path(root) / f"node-{node_id}"
        self.proc = None

    def start(self):
        args = [STROM, "server", "--listen", f"127.0.0.1:{self.port}",
                "--data-dir", str(self.dir)]
        if self.voters:
            args += ["--node-id", str(self.id), "--voters", self.voters,
                     "--controller-listen", f"127.0.0.1:{self.controller_port}"]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)

    def wait_serving(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if line.startswith("strom listening on"):
                return
            if not line and self.proc.poll() is not None:
                raise SystemExit(f"node {self.id} exited")
        raise SystemExit(f"node {self.id} did not serve in {START_TIMEOUT} s")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    @property
    def bootstrap(self):
        return f"127.0.0.1:{self.port}"


def cluster(root, n):
    cports = [free_port() for _ in range(n)]
    voters = ",".join(f"{i + 1}@127.0.0.1:{p}" for i, p in enumerate(cports))
    nodes = [Node(i + 1, root, voters, cports[i]) for i in range(n)]
    for node in nodes:
        node.start()
    for node in nodes:
        node.wait_serving()
    return nodes


def admin(node):
    return AdminClient({"bootstrap.servers": node.bootstrap, "socket.timeout.ms": 10000,
                        "log_level": 0})


def controller_id(node):
    """The active controller: the metadata quorum's leader, from DescribeQuorum (Metadata's
    controller_id names the answering broker, which forwards, as Kafka's KRaft brokers do)."""
    out = subprocess.run([STROM, "cluster", "info", "--bootstrap", node.bootstrap,
                          "--output", "json"], capture_output=True, text=True, timeout=30,
                         check=True)
    return json.loads(out.stdout)["quorum_leader"]


def create(client, name, partitions=1, timeout=30):
    futures = client.create_topics([NewTopic(name, partitions, 1)], operation_timeout=timeout,
                                    request_timeout=timeout)
    futures[name].result(timeout=timeout + 5)


def wait_full_isr(client, name, partitions, replicas, timeout=60):
    """Waits until every partition of `name` has a leader and `replicas` in its ISR."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        md = client.list_topics(name, timeout=10).topics.get(name)
        if md and md.error is None and len(md.partitions) == partitions and all(
                len(p.isrs) == replicas and p.leader >= 0 for p in md.partitions.values()):
            return
        time.sleep(0.2)
    raise RuntimeError(f"{name}: ISR not full within {timeout} s")


def create_latencies(node, prefix):
    client = admin(node)
    create(client, f"{prefix}-warm")
    out = []
    for i in range(TOPICS):
        started = time.monotonic()
        create(client, f"{prefix}-{i}")
        out.append((time.monotonic() - started) * 1000)
    return out


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def failover(nodes):
    """Each attempt uses a fresh admin client through a survivor, so what is timed is the
    cluster's failover, not a client's cached idea of where the controller is."""
    times = []
    for _ in range(KILLS):
        alive = next(n for n in nodes if n.proc.poll() is None)
        victim = nodes[controller_id(alive) - 1]
        survivor = next(n for n in nodes if n is not victim)
        victim.kill()
        started = time.monotonic()
        name = f"after-kill-{len(times)}"
        while True:
            client = admin(survivor)
            try:
                create(client, name, timeout=5)
                break
            except Exception as e:  # noqa: BLE001 - any refusal: retry until it works
                if "TOPIC_ALREADY_EXISTS" in str(e):
                    break
                if time.monotonic() - started > 60:
                    raise SystemExit(f"no controller 60 s after a kill: {e}")
                time.sleep(0.05)
            finally:
                del client
        times.append((time.monotonic() - started) * 1000)
        victim.start()
        victim.wait_serving()
        deadline = time.monotonic() + 30
        while len(admin(survivor).list_topics(timeout=10).brokers) < len(nodes):
            if time.monotonic() > deadline:
                raise SystemExit("the killed node did not rejoin in 30 s")
            time.sleep(0.2)
    return times


def main():
    result = {}
    with tempfile.TemporaryDirectory() as single_root, tempfile.TemporaryDirectory() as root:
        single = Node(1, single_root)
        single.start()
        single.wait_serving()
        try:
            one = create_latencies(single, "single")
        finally:
            single.stop()
        nodes = cluster(root, 3)
        try:
            leader = controller_id(nodes[0])
            forwarder = next(n for n in nodes if n.id != leader)
            three = create_latencies(forwarder, "three")
            started = time.monotonic()
            client = admin(forwarder)
            for t in range(10):
                create(client, f"big-{t}", PARTITIONS // 10, timeout=120)
            result["create_partitions_s"] = round(time.monotonic() - started, 2)
            kills = failover(nodes)
        finally:
            for node in nodes:
                node.stop()
    result.update({
        "topics": TOPICS,
        "partitions": PARTITIONS,
        "kills": KILLS,
        "create_ms_single": {"p50": round(pct(one, 0.5), 2), "p99": round(pct(one, 0.99), 2)},
        "create_ms_three": {"p50": round(pct(three, 0.5), 2), "p99": round(pct(three, 0.99), 2)},
        "failover_ms": {"p50": round(pct(kills, 0.5)), "p99": round(pct(kills, 0.99)),
                        "max": round(max(kills)), "mean": round(statistics.mean(kills))},
    })
    print(json.dumps(result))
    s, t = result["create_ms_single"], result["create_ms_three"]
    print("| measure | value |\n|---|---:|", file=sys.stderr)
    print(f"| CreateTopics p50, single node / 3 nodes (forwarded) | {s['p50']} / {t['p50']} ms "
          f"(ratio {t['p50'] / s['p50']:.2f}) |", file=sys.stderr)
    print(f"| CreateTopics p99, single node / 3 nodes (forwarded) | {s['p99']} / {t['p99']} ms "
          f"(ratio {t['p99'] / s['p99']:.2f}) |", file=sys.stderr)
    print(f"| creating {PARTITIONS} partitions (10 topics) on 3 nodes | "
          f"{result['create_partitions_s']} s |", file=sys.stderr)
    f = result["failover_ms"]
    print(f"| controller failover over {KILLS} SIGKILLs, p50 / p99 / max | "
          f"{f['p50']} / {f['p99']} / {f['max']} ms |", file=sys.stderr)


if __name__ == "__main__":
    main()
