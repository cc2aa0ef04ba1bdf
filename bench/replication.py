#!/usr/bin/env python3
"""Replication's cost on a three-node cluster, measured in one run: the same producer load to a
topic with one replica per partition and to one with three (every partition on every node).

Workload (bounded in count and time; release binary, loopback, fresh data directories):
  1. Throughput: RECORDS records of SIZE bytes with the librdkafka load generator
     (bench/rdkafka-loadgen), acks=all and then acks=1, to `rf1` (3 partitions, replication
     factor 1) and `rf3` (3 partitions, factor 3), alternating, ROUNDS rounds each; the
     median of each and the ratio rf3 / rf1.
  2. End-to-end latency at a fixed RATE (produce acks=all to a consumer reading it), p50 and
     p99, for rf1 and rf3.
  3. Leader failover, KILLS times: the time from the last acknowledgement before the SIGKILL
     of partition 0's leader to the first after it (idempotent acks=all producer, default
     `broker.session.timeout.ms`), p50/p99/max.
  4. The reference: the same throughput on a single zero-configuration node (acks=all and
     acks=1), and rf3 acks=all as a ratio of each.

With three replicas an acks=all batch is answered once both followers have fetched it,
fsync'd it and fetched again (docs/durability.md); with one it is answered after the leader's
fsync. acks=1 is answered from the leader's page cache either way, so its ratio shows what the
followers' fetching costs the leaders' machines (here all three share two cores).

From the repository root, after `cargo build --release -p strom`:

    .venv/bin/python bench/replication.py
    RECORDS=100000 ROUNDS=1 KILLS=5 .venv/bin/python bench/replication.py     # shorter
    FAILOVER_ONLY=1 KILLS=20 .venv/bin/python bench/replication.py            # part 3 only
    SIZE=1024 RATE=10000 .venv/bin/python bench/replication.py                # 1 KiB, 10k/s
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster as kit  # noqa: E402  (bench/cluster.py: the node and cluster helpers)
from confluent_kafka.admin import NewTopic  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LOADGEN = ROOT / "bench" / "rdkafka-loadgen" / "target" / "release" / "rdkafka-loadgen"
RECORDS = int(os.environ.get("RECORDS", "300000"))
SIZE = int(os.environ.get("SIZE", "100"))
ROUNDS = int(os.environ.get("ROUNDS", "2"))
RATE = int(os.environ.get("RATE", "2000"))
E2E_SECONDS = int(os.environ.get("E2E_SECONDS", "10"))
KILLS = int(os.environ.get("KILLS", "20"))
# Only the leader failovers (part 3), without the throughput, latency and reference parts.
FAILOVER_ONLY = os.environ.get("FAILOVER_ONLY") == "1"


def loadgen(*args):
    out = subprocess.run([str(LOADGEN), *map(str, args)], capture_output=True, text=True,
                         timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"loadgen {args}: {out.stderr.strip()}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def single_node_reference(root):
    """acks=all and acks=1 throughput on one zero-configuration node: the reference the
    issue asks replication to be measured against."""
    node = kit.Node(1, Path(root) / "single")
    node.start()
    node.wait_serving()
    try:
        client = kit.admin(node)
        client.create_topics([NewTopic("single", num_partitions=3,
                                       replication_factor=1)])["single"].result(timeout=30)
        kit.wait_full_isr(client, "single", 3, 1)
        out = {}
        for acks in ("all", "1"):
            rates = [loadgen("produce", node.bootstrap, "single", RECORDS, SIZE, acks, "none",
                             120)["records_per_sec"] for _ in range(ROUNDS)]
            out[acks] = statistics.median(rates)
        return out
    finally:
        node.stop()


def leader_failovers(nodes, bootstrap):
    """KILLS times: an idempotent acks=all producer writes to partition 0 of `rf3` (about
    1,000 records/s); its leader is SIGKILLed; the failover is the time from the last
    acknowledgement before the kill to the first after it. The node restarts and rejoins
    the ISR before the next kill."""
    from confluent_kafka import Producer
    client = kit.admin(nodes[0])
    acks = []
    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True,
                         "linger.ms": 1, "message.timeout.ms": 60000,
                         "topic.metadata.refresh.interval.ms": 500})
    stop = threading.Event()

    def write():
        while not stop.is_set():
            producer.produce("rf3", value=b"x", partition=0,
                             on_delivery=lambda err, msg: err or acks.append(time.monotonic()))
            producer.poll(0.001)
        producer.flush(60)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    times = []
    try:
        time.sleep(2)
        for _ in range(KILLS):
            leader = client.list_topics("rf3", timeout=10).topics["rf3"].partitions[0].leader
            victim = nodes[leader - 1]
            killed = time.monotonic()
            victim.kill()
            deadline = killed + 60
            while time.monotonic() < deadline and not any(t > killed for t in acks[-50:]):
                time.sleep(0.01)
            before = max((t for t in acks if t <= killed), default=killed)
            after = min((t for t in acks if t > killed), default=None)
            if after is not None:
                times.append(after - before)
            victim.start()
            victim.wait_serving()
            kit.wait_full_isr(client, "rf3", 3, 3)
            time.sleep(1)
    finally:
        stop.set()
        writer.join(90)
    return times


def main():
    if not LOADGEN.exists():
        sys.exit("build the load generator first: (cd bench/rdkafka-loadgen && cargo build "
                 "--release)")
    result = {"records": RECORDS, "size": SIZE, "rounds": ROUNDS, "rate": RATE}
    with tempfile.TemporaryDirectory() as root:
        nodes = kit.cluster(root, 3)
        try:
            bootstrap = ",".join(n.bootstrap for n in nodes)
            client = kit.admin(nodes[0])
            for name, factor in (("rf1", 1), ("rf3", 3)):
                futures = client.create_topics([NewTopic(name, num_partitions=3,
                                                         replication_factor=factor)])
                futures[name].result(timeout=30)
                kit.wait_full_isr(client, name, 3, factor)
            for acks in () if FAILOVER_ONLY else ("all", "1"):
                rates = {"rf1": [], "rf3": []}
                for _ in range(ROUNDS):
                    for name in ("rf1", "rf3"):
                        r = loadgen("produce", bootstrap, name, RECORDS, SIZE, acks, "none", 120)
                        rates[name].append(r["records_per_sec"])
                med = {k: statistics.median(v) for k, v in rates.items()}
                result[f"acks_{acks}"] = {"rf1_records_per_sec": round(med["rf1"]),
                                          "rf3_records_per_sec": round(med["rf3"]),
                                          "ratio": round(med["rf3"] / med["rf1"], 2)}
            for name in () if FAILOVER_ONLY else ("rf1", "rf3"):
                r = loadgen("e2e", bootstrap, name, RATE * E2E_SECONDS, SIZE, "all", RATE, 60)
                lat = r["e2e_latency_ms"]
                result[f"e2e_ms_{name}"] = {"p50": round(lat["p50"], 2), "p99": round(lat["p99"], 2)}
            if KILLS:
                times = leader_failovers(nodes, bootstrap)
                result["leader_failover_s"] = {
                    "kills": KILLS, "measured": len(times),
                    "p50": round(kit.pct(times, 0.5), 2) if times else None,
                    "p99": round(kit.pct(times, 0.99), 2) if times else None,
                    "max": round(max(times), 2) if times else None}
        finally:
            for node in nodes:
                node.stop()
        if not FAILOVER_ONLY:
            single = single_node_reference(root)
            result["single_node_records_per_sec"] = {k: round(v) for k, v in single.items()}
            rf3_all = result["acks_all"]["rf3_records_per_sec"]
            result["rf3_acks_all_over_single"] = {k: round(rf3_all / v, 2)
                                                  for k, v in single.items()}
    print(json.dumps(result))
    print("| measure | rf=1 | rf=3 | ratio |\n|---|---:|---:|---:|", file=sys.stderr)
    if FAILOVER_ONLY:
        report_failover(result)
        return
    for acks in ("all", "1"):
        m = result[f"acks_{acks}"]
        print(f"| produce acks={acks}, records/s | {m['rf1_records_per_sec']} | "
              f"{m['rf3_records_per_sec']} | {m['ratio']} |", file=sys.stderr)
    a, b = result["e2e_ms_rf1"], result["e2e_ms_rf3"]
    print(f"| end to end at {RATE}/s, p50 / p99 ms | {a['p50']} / {a['p99']} | "
          f"{b['p50']} / {b['p99']} | |", file=sys.stderr)
    single = result["single_node_records_per_sec"]
    ratio = result["rf3_acks_all_over_single"]
    print(f"| rf=3 acks=all against one node: acks=all {single['all']}/s, acks=1 "
          f"{single['1']}/s | | | {ratio['all']} / {ratio['1']} |", file=sys.stderr)
    report_failover(result)


def report_failover(result):
    if "leader_failover_s" in result:
        f = result["leader_failover_s"]
        print(f"| leader failover over {f['measured']} kills, p50 / p99 / max s | | "
              f"{f['p50']} / {f['p99']} / {f['max']} | |", file=sys.stderr)


if __name__ == "__main__":
    main()
