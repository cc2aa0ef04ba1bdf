#!/usr/bin/env python3
"""Many partitions on one broker: what they cost when idle and when a few are busy.

Workload (bounded in count and time):
  1. a release broker on a fresh data directory;
  2. topic `active` with 100 partitions; `strom bench produce` to it for SECONDS, alone:
     the baseline throughput with 100 partitions;
  3. topic `idle` with PARTITIONS - 100 partitions (timed);
  4. IDLE_FETCHERS connections, each long-polling one partition of `idle` (Fetch v4,
     max_wait 500 ms), for the rest of the run;
  5. the broker's CPU and RSS over IDLE_SECONDS with nothing written (goal: no CPU for idle
     partitions and parked fetches);
  6. `strom bench produce` to `active` again, with the idle partitions and fetchers present:
     throughput against the baseline;
  7. restart after SIGTERM (startup time) and after SIGKILL (recovery time), RSS after each.

Prints one JSON object, and a Markdown table to stderr. Run from the repository root after
`cargo build --release -p strom`:

    python3 bench/scale.py                       # 10,000 partitions
    PARTITIONS=100000 python3 bench/scale.py     # the stretch
"""

import asyncio
import json
import os
import re
import signal
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STROM = os.environ.get("STROM_BIN", str(ROOT / "target" / "release" / "strom"))
PARTITIONS = int(os.environ.get("PARTITIONS", "10000"))
ACTIVE = 100
IDLE_FETCHERS = int(os.environ.get("IDLE_FETCHERS", "200"))
SECONDS = int(os.environ.get("SECONDS_PER_RUN", "15"))
IDLE_SECONDS = int(os.environ.get("IDLE_SECONDS", "10"))
TICKS = os.sysconf("SC_CLK_TCK")


class Broker:
    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.proc = None
        self.addr = None
        self.log = open(Path(data_dir).parent / "broker.log", "ab")

    def start(self, port=0):
        started = time.monotonic()
        self.proc = subprocess.Popen(
            [STROM, "server", "--data-dir", str(self.data_dir), "--listen",
             f"127.0.0.1:{port}"],
            stdout=subprocess.PIPE, stderr=self.log, text=True,
            env={**os.environ, "STROM_LOG": "warn"})
        deadline = started + 600
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            m = re.search(r"strom listening on ([\d.]+:\d+)", line)
            if m:
                self.addr = m.group(1)
                return time.monotonic() - started
        raise RuntimeError("the broker did not start")

    def stop(self, sig):
        self.proc.send_signal(sig)
        self.proc.wait(timeout=300)

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def rss_mib(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def fds(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))


def strom(*args, addr):
    out = subprocess.run([STROM, *args, "--bootstrap", addr], check=True,
                         capture_output=True, text=True, timeout=900)
    return out.stdout


def produce(addr, seconds):
    out = strom("bench", "produce", "--topic", "active", "--partitions", str(ACTIVE),
                "--record-size", "1024", "--count", "100000000", "--duration", str(seconds),
                "--acks", "1", "--producers", "2", "--quiet", "--output", "json", addr=addr)
    return json.loads(out.strip().splitlines()[-1])


def fetch_v4(correlation, topic, partition):
    """A Fetch v4 request for one partition at offset 0, waiting up to 500 ms."""
    name = topic.encode()
    body = struct.pack(">iiiib", -1, 500, 1, 1 << 20, 0)
    body += struct.pack(">i", 1) + struct.pack(">h", len(name)) + name
    body += struct.pack(">i", 1) + struct.pack(">iqi", partition, 0, 1 << 20)
    client = b"scale-bench"
    header = struct.pack(">hhih", 1, 4, correlation, len(client)) + client
    frame = header + body
    return struct.pack(">i", len(frame)) + frame


def fetch_error(addr, topic, partition):
    """The error code of a Fetch v4 (no wait) for one partition of `topic`."""
    import socket
    host, port = addr.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as s:
        request = bytearray(fetch_v4(1, topic, partition))
        # max_wait 0: size, api key, version, correlation, client id, replica id, then it.
        at = 4 + 2 + 2 + 4 + 2 + len(b"scale-bench") + 4
        request[at:at + 4] = struct.pack(">i", 0)
        s.sendall(bytes(request))
        size = struct.unpack(">i", s.recv(4, socket.MSG_WAITALL))[0]
        body = s.recv(size, socket.MSG_WAITALL)
    # correlation, throttle, [topics] 1: name, [partitions] 1: index, error code
    at = 4 + 4 + 4
    at += 2 + struct.unpack(">h", body[at:at + 2])[0]
    at += 4 + 4
    return struct.unpack(">h", body[at:at + 2])[0]


def wait_open(addr, topic, partitions, deadline_s=900):
    """Waits until this broker serves `topic`'s partitions (a sample of every 97th and the
    last): CreateTopics answers at most 5 s after the topic is committed, and opening
    thousands of logs takes longer."""
    deadline = time.monotonic() + deadline_s
    sample = sorted(set(range(0, partitions, 97)) | {partitions - 1})
    pending = sample
    while pending and time.monotonic() < deadline:
        pending = [p for p in pending if fetch_error(addr, topic, p) != 0]
        if pending:
            time.sleep(0.5)
    if pending:
        raise RuntimeError(f"partitions of {topic} still not served: {pending[:5]}")


async def idle_fetcher(host, port, partition, stop, answered):
    reader, writer = await asyncio.open_connection(host, port)
    correlation = 0
    while not stop.is_set():
        correlation += 1
        writer.write(fetch_v4(correlation, "idle", partition))
        await writer.drain()
        size = struct.unpack(">i", await reader.readexactly(4))[0]
        await reader.readexactly(size)
        answered[0] += 1
    writer.close()


async def idle_phase(broker):
    host, port = broker.addr.rsplit(":", 1)
    stop = asyncio.Event()
    answered = [0]
    tasks = [asyncio.create_task(idle_fetcher(host, int(port), p % (PARTITIONS - ACTIVE),
                                              stop, answered))
             for p in range(IDLE_FETCHERS)]
    await asyncio.sleep(5)
    cpu0, fetched0, t0 = broker.cpu_seconds(), answered[0], time.monotonic()
    await asyncio.sleep(IDLE_SECONDS)
    elapsed = time.monotonic() - t0
    idle = {
        "idle_cpu_percent": round(100 * (broker.cpu_seconds() - cpu0) / elapsed, 2),
        "idle_fetches_per_s": round((answered[0] - fetched0) / elapsed, 1),
        "idle_rss_mib": round(broker.rss_mib(), 1),
        "fds": broker.fds(),
    }
    busy = await asyncio.to_thread(produce, broker.addr, SECONDS)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return idle, busy


def main():
    work = Path(tempfile.mkdtemp(prefix="strom-scale-"))
    broker = Broker(work / "data")
    result = {"partitions": PARTITIONS, "active": ACTIVE, "idle_fetchers": IDLE_FETCHERS}
    try:
        result["first_start_s"] = round(broker.start(), 2)
        strom("topic", "create", "active", "--partitions", str(ACTIVE), addr=broker.addr)
        base = produce(broker.addr, SECONDS)
        t = time.monotonic()
        strom("topic", "create", "idle", "--partitions", str(PARTITIONS - ACTIVE),
              addr=broker.addr)
        wait_open(broker.addr, "idle", PARTITIONS - ACTIVE)
        result["create_idle_s"] = round(time.monotonic() - t, 2)
        idle, busy = asyncio.run(idle_phase(broker))
        result.update(idle)
        result["produce_100_partitions_mib_s"] = base.get("mib_per_sec")
        result["produce_with_all_partitions_mib_s"] = busy.get("mib_per_sec")
        if base.get("mib_per_sec"):
            result["throughput_ratio"] = round(busy["mib_per_sec"] / base["mib_per_sec"], 3)
        broker.stop(signal.SIGTERM)
        result["restart_after_sigterm_s"] = round(broker.start(), 2)
        result["rss_after_restart_mib"] = round(broker.rss_mib(), 1)
        broker.stop(signal.SIGKILL)
        result["recovery_after_sigkill_s"] = round(broker.start(), 2)
        result["rss_after_recovery_mib"] = round(broker.rss_mib(), 1)
        broker.stop(signal.SIGTERM)
    finally:
        if broker.proc and broker.proc.poll() is None:
            broker.proc.kill()
        subprocess.run(["rm", "-rf", str(work)], check=False)
    print(json.dumps(result))
    for k, v in result.items():
        print(f"| {k} | {v} |", file=sys.stderr)


if __name__ == "__main__":
    main()
