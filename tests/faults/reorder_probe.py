"""Measures what the `degrade` fault does to packet order, on two network namespaces of its
own joined by a veth pair (10.79.0.1 and 10.79.0.2: neither the fault suite's subnet nor the
cluster suite's), with the very commands the fault suite uses (faultkit.degrade_commands) on
the sender's side. Needs root; removes everything it made, and checks that healing did.

    python tests/faults/reorder_probe.py [--seconds 10] [--loss 0] [--reorder 10]

Two measures, each without and with the fault:

The load stays under the degraded link's 2 Mbit/s (about 1.4 Mbit/s in all), the hard case
for reordering built from token buckets, since a bucket that is not backlogged delays nothing:

- UDP: the sender numbers its datagrams (a steady 100 per second of 200 bytes, and every
  100 ms a burst of 4 of 1,200 bytes, a fetch response's shape); the receiver counts the
  datagrams that arrive after one sent later (late) and those that never arrive (lost).
- TCP: one connection carrying request/response traffic (a 100-byte request, a response of
  1-8 KB, two pipelined every 150 ms) and another streaming 4 KB every 100 ms; the sender's reorder
  detections (TcpExtTCPSACKReorder, TCPTSReorder, TCPRenoReorder) and the receiver's
  out-of-order queue (TcpExtTCPOFOQueue) are read with `nstat` in each namespace.
"""

import argparse
import json
import os
import random
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import faultkit  # noqa: E402

A, B = "10.79.0.1", "10.79.0.2"
UDP_PORT, TCP_PORT, BULK_PORT = 47001, 47002, 47003


def udp_send(seconds):
    raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    class s:  # a datagram the loss rule drops fails with EPERM here: it counts as lost
        @staticmethod
        def sendto(data, addr):
            try:
                raw.sendto(data, addr)
            except PermissionError:
                pass

    seq, end = 0, time.monotonic() + seconds
    next_small, next_burst = time.monotonic(), time.monotonic()
    while time.monotonic() < end:
        now = time.monotonic()
        if now >= next_small:
            s.sendto(struct.pack("!I", seq) + b"s" * 196, (B, UDP_PORT))
            seq += 1
            next_small += 1 / 100
        if now >= next_burst:
            for _ in range(4):
                s.sendto(struct.pack("!I", seq) + b"b" * 1196, (B, UDP_PORT))
                seq += 1
            next_burst += 0.1
        time.sleep(max(0.0, min(next_small, next_burst) - time.monotonic()))
    # The last datagrams a moment to drain, then the count.
    time.sleep(1)
    for _ in range(20):  # the count itself goes through the lossy link
        s.sendto(struct.pack("!I", 0xFFFFFFFF) + struct.pack("!I", seq), (B, UDP_PORT))
        time.sleep(0.05)
    print(json.dumps({"sent": seq}))


def udp_receive(seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((B, UDP_PORT))
    s.settimeout(seconds + 10)
    highest, late, got, sent = -1, 0, set(), None
    while True:
        data, _ = s.recvfrom(2048)
        seq = struct.unpack("!I", data[:4])[0]
        if seq == 0xFFFFFFFF:
            sent = struct.unpack("!I", data[4:8])[0]
            break
        got.add(seq)
        if seq < highest:
            late += 1
        highest = max(highest, seq)
    print(json.dumps({"sent": sent, "received": len(got), "late": late,
                      "lost": sent - len(got)}))


def tcp_server(seconds):
    """Answers each 100-byte request with the response size it names; also streams bulk."""
    def bulk():
        ls = socket.create_server((A, BULK_PORT))
        c, _ = ls.accept()
        end = time.monotonic() + seconds
        chunk = b"x" * 4096
        while time.monotonic() < end:
            c.sendall(chunk)
            time.sleep(0.1)
        c.close()

    threading.Thread(target=bulk, daemon=True).start()
    ls = socket.create_server((A, TCP_PORT))
    c, _ = ls.accept()
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buf = b""
    while True:
        data = c.recv(4096)
        if not data:
            break
        buf += data
        while len(buf) >= 100:
            size = struct.unpack("!I", buf[:4])[0]
            buf = buf[100:]
            c.sendall(b"r" * size)


def tcp_client(seconds):
    time.sleep(0.5)
    bulk = socket.create_connection((A, BULK_PORT), timeout=10)
    c = socket.create_connection((A, TCP_PORT), timeout=10)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    rng = random.Random(7)
    end, expected, received, answered = time.monotonic() + seconds, 0, 0, 0

    def drain_bulk():
        try:
            while bulk.recv(65536):
                pass
        except OSError:
            pass

    threading.Thread(target=drain_bulk, daemon=True).start()
    while time.monotonic() < end:
        for _ in range(2):
            size = rng.randint(1000, 8000)
            c.sendall(struct.pack("!I", size) + b"q" * 96)
            expected += size
        while received < expected:
            received += len(c.recv(65536))
        answered += 2
        time.sleep(0.15)
    print(json.dumps({"responses": answered}))


ROLES = {"udp-send": udp_send, "udp-receive": udp_receive, "tcp-server": tcp_server,
         "tcp-client": tcp_client}


class Pair:
    """Namespaces `a` (the degraded sender) and `b`, a veth pair between them."""

    def __init__(self):
        tag = os.getpid() % 100000
        self.ns = {"a": f"strom-probe-{tag}-a", "b": f"strom-probe-{tag}-b"}
        self.dev = {"a": f"sp{tag}a", "b": f"sp{tag}b"}
        run = faultkit.run
        try:
            for k in "ab":
                run(["ip", "netns", "add", self.ns[k]])
            run(["ip", "link", "add", self.dev["a"], "netns", self.ns["a"], "type", "veth",
                 "peer", "name", self.dev["b"], "netns", self.ns["b"]])
            for k, addr in (("a", A), ("b", B)):
                self.sh(k, "ip", "addr", "add", f"{addr}/24", "dev", self.dev[k])
                self.sh(k, "ip", "link", "set", self.dev[k], "up")
                self.sh(k, "ip", "link", "set", "lo", "up")
        except BaseException:
            self.close()
            raise

    def sh(self, k, *cmd, check=True):
        return faultkit.run(["ip", "netns", "exec", self.ns[k], *cmd], check=check)

    def counters(self, k):
        return faultkit.tcp_counters(lambda *cmd: self.sh(k, *cmd, check=False).stdout)

    def role(self, k, role, seconds):
        return subprocess.Popen(["ip", "netns", "exec", self.ns[k], sys.executable, __file__,
                                 "--role", role, "--seconds", str(seconds)],
                                stdout=subprocess.PIPE, text=True)

    def close(self):
        for k in "ab":
            faultkit.run(["ip", "netns", "del", self.ns[k]], check=False)


def last_json(proc, timeout):
    out, _ = proc.communicate(timeout=timeout)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def measure(pair, seconds):
    before = {k: pair.counters(k) for k in "ab"}
    receiver = pair.role("b", "udp-receive", seconds)
    server = pair.role("a", "tcp-server", seconds)
    time.sleep(0.3)
    sender = pair.role("a", "udp-send", seconds)
    client = pair.role("b", "tcp-client", seconds)
    udp = last_json(receiver, seconds + 20)
    last_json(sender, seconds + 20)
    tcp = last_json(client, seconds + 20)
    server.kill()
    server.wait()
    after = {k: pair.counters(k) for k in "ab"}
    delta = {k: {c: after[k].get(c, 0) - before[k].get(c, 0) for c in after[k]} for k in "ab"}
    return {"udp": udp, "tcp": tcp, "sender (a)": delta["a"], "receiver (b)": delta["b"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--role", choices=sorted(ROLES))
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--loss", type=float, default=0, help="percent lost (the fault: 5)")
    ap.add_argument("--reorder", type=float, default=10, help="percent to the slow class")
    args = ap.parse_args()
    if args.role:
        ROLES[args.role](args.seconds)
        return 0
    netem = faultkit.netem_available()
    pair = Pair()
    try:
        print(json.dumps({"fault": "none", **measure(pair, args.seconds)}), flush=True)
        for cmd in faultkit.degrade_commands(pair.dev["a"], netem, args.loss, args.reorder):
            pair.sh("a", *cmd)
        print(json.dumps({"fault": f"degrade ({'netem' if netem else 'htb'}), loss "
                          f"{args.loss}%, reorder {args.reorder}%",
                          **measure(pair, args.seconds)}), flush=True)
        for cmd in faultkit.heal_commands(pair.dev["a"]):
            pair.sh("a", *cmd, check=False)
        left = faultkit.leftover_faults(lambda *c: pair.sh("a", *c, check=False).stdout,
                                        pair.dev["a"])
        print(json.dumps({"left after heal": left}), flush=True)
        return 1 if left else 0
    finally:
        pair.close()


if __name__ == "__main__":
    sys.exit(main())
