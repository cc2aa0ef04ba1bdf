#!/usr/bin/env python3
"""Runs Kafka's own ProducerPerformance or ConsumerPerformance (the classes behind
kafka-producer-perf-test.sh and kafka-consumer-perf-test.sh) against a broker and prints one
JSON line in the shape of `strom bench --output json`, for bench/run.sh.

  java-perf.py produce BOOTSTRAP TOPIC RECORDS SIZE ACKS
  java-perf.py consume BOOTSTRAP TOPIC RECORDS
"""
import json
import os
import re
import subprocess
import sys

PEER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "kafka-peer.sh")
MIB = 1024 * 1024


def run(main, *args):
    out = subprocess.run([PEER, "run", main, *args], check=True, capture_output=True,
                         text=True).stdout
    return out.strip().splitlines()


def produce(bootstrap, topic, records, size, acks):
    lines = run("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", records, "--record-size", size, "--throughput", "-1",
                "--producer-props", f"bootstrap.servers={bootstrap}", f"acks={acks}",
                "linger.ms=5", "batch.size=1048576")
    # "N records sent, R records/sec (M MB/sec), A ms avg latency, X ms max latency,
    #  P50 ms 50th, P95 ms 95th, P99 ms 99th, P999 ms 99.9th."
    last = lines[-1]
    m = re.match(r"(\d+) records sent, ([\d.]+) records/sec \(([\d.]+) MB/sec\), ([\d.]+) ms avg "
                 r"latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, "
                 r"(\d+) ms 99.9th", last)
    if not m:
        raise SystemExit(f"java-perf: unexpected output: {last}")
    n, rps, mbs, _, mx, p50, _, p99, p999 = m.groups()
    return {"records": int(n), "records_per_sec": float(rps),
            "mib_per_sec": float(rps) * int(size) / MIB,
            "latency_ms": {"p50": float(p50), "p99": float(p99), "p999": float(p999),
                           "max": float(mx)}}


def consume(bootstrap, topic, records):
    lines = run("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", records, "--timeout", "60000")
    # start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
    # rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec (fetch.* leave out the
    # group join, as strom bench consume has none)
    row = [c.strip() for c in lines[-1].split(",")]
    return {"records": int(row[4]), "records_per_sec": float(row[9]),
            "mib_per_sec": float(row[8])}


if __name__ == "__main__":
    kind, args = sys.argv[1], sys.argv[2:]
    print(json.dumps(produce(*args) if kind == "produce" else consume(*args)))
