"""The cluster harness: several real `strom server` processes forming one cluster, and a
small Kafka wire client that asks one chosen node (not whichever node a client library picks)
for its Metadata and DescribeCluster view and sends it CreateTopics.

Nodes are combined nodes (broker and controller, a voter of the metadata quorum). On loopback
each gets two ports (clients and controller) picked free just before the start and kept for
restarts; in network namespaces (netns.py) each has its own address and the same two ports.
Every wait here has a deadline, and every process is stopped with a bounded wait, SIGKILL
after it.

Run as a script (`python cluster_kit.py metadata HOST:PORT`, `... create HOST:PORT NAME`) it
prints one JSON object: the netns tests ask a node from inside its namespace that way.
"""

import base64
import json
import os
import queue
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
STARTUP_SECONDS = 60
STOP_SECONDS = 30
REQUEST_SECONDS = 10

# Kafka error codes the tests name.
NONE = 0
REQUEST_TIMED_OUT = 7
TOPIC_ALREADY_EXISTS = 36
INVALID_REPLICATION_FACTOR = 38
NOT_CONTROLLER = 41


# Fence and elect quickly: with the defaults (9 s session, 30 s lag) each kill costs 10 s.
FAST_FENCING = {
    "STROM_BROKER_SESSION_TIMEOUT_MS": "3000",
    "STROM_BROKER_HEARTBEAT_INTERVAL_MS": "500",
    "STROM_REPLICA_LAG_TIME_MAX_MS": "5000",
}


def strom_bin():
    return os.environ.get("STROM_BIN", str(ROOT / "target" / "debug" / "strom"))


def fresh_cluster_id():
    """A cluster id in Kafka's form: a random UUID as unpadded URL-safe base64."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")


def free_ports(count, host="127.0.0.1"):
    """`count` distinct ports free on `host` right now (all held at once while picking)."""
    socks = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind((host, 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def wait_until(what, check, timeout, interval=0.2, detail=None):
    """Polls `check()` until it returns a truthy value (returned) or `timeout` seconds pass
    (AssertionError naming `what`, the last value or exception seen, and `detail()`)."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = check()
            if last:
                return last
        except (OSError, ProtocolError) as e:
            last = e
        if time.monotonic() >= deadline:
            more = f"\n{detail()}" if detail else ""
            raise AssertionError(f"{what}: not within {timeout} s; last: {last!r}{more}")
        time.sleep(interval)


# ---------------------------------------------------------------------------------------------
# A few Kafka requests, encoded and decoded by hand, so a test knows exactly which node it asks.


class ProtocolError(Exception):
    pass


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ProtocolError(f"response truncated at {self.pos} (+{n} of {len(self.data)})")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def i8(self):
        return struct.unpack(">b", self.take(1))[0]

    def i16(self):
        return struct.unpack(">h", self.take(2))[0]

    def i32(self):
        return struct.unpack(">i", self.take(4))[0]

    def uvarint(self):
        shift = value = 0
        while True:
            b = self.take(1)[0]
            value |= (b & 0x7F) << shift
            if not b & 0x80:
                return value
            shift += 7

    def string(self):
        n = self.i16()
        return None if n < 0 else self.take(n).decode()

    def compact_string(self):
        n = self.uvarint() - 1
        return None if n < 0 else self.take(n).decode()

    def array(self, item):
        n = self.i32()
        return [] if n < 0 else [item() for _ in range(n)]

    def compact_array(self, item):
        n = self.uvarint() - 1
        return [] if n < 0 else [item() for _ in range(n)]

    def tagged_fields(self):
        for _ in range(self.uvarint()):
            self.uvarint()
            self.take(self.uvarint())


def _string(s):
    if s is None:
        return struct.pack(">h", -1)
    b = s.encode()
    return struct.pack(">h", len(b)) + b


def _request(api_key, version, body, flexible=False, correlation_id=1):
    header = struct.pack(">hhi", api_key, version, correlation_id) + _string("cluster-tests")
    if flexible:
        header += b"\x00"  # no tagged fields
    payload = header + body
    return struct.pack(">i", len(payload)) + payload


def _exchange(addr, frame, timeout=REQUEST_SECONDS, flexible_response=False):
    host, port = addr.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        s.settimeout(timeout)
        s.sendall(frame)
        size = struct.unpack(">i", _recv_exact(s, 4))[0]
        r = Reader(_recv_exact(s, size))
    r.i32()  # correlation id
    if flexible_response:
        r.tagged_fields()
    return r


def _recv_exact(sock, n):
    out = b""
    while len(out) < n:
        chunk = sock.recv(n - len(out))
        if not chunk:
            raise ProtocolError("connection closed by the node")
        out += chunk
    return out


def metadata(addr, timeout=REQUEST_SECONDS):
    """Metadata v1 for every topic from the node at `addr`: its brokers
    ({id: (host, port, rack)}), controller id and topics ({name: {partition: (leader,
    replicas, isr)}})."""
    r = _exchange(addr, _request(3, 1, struct.pack(">i", -1)), timeout)

    def broker():
        return r.i32(), (r.string(), r.i32(), r.string())

    brokers = dict(r.array(broker))
    controller = r.i32()

    def partition():
        error, index, leader = r.i16(), r.i32(), r.i32()
        replicas = r.array(r.i32)
        isr = r.array(r.i32)
        return index, (leader, tuple(replicas), tuple(isr), error)

    def topic():
        error, name = r.i16(), r.string()
        r.i8()  # is_internal
        parts = dict(r.array(partition))
        return name, {"error": error, "partitions": parts}

    topics = dict(r.array(topic))
    return {"brokers": brokers, "controller": controller, "topics": topics}


def find_coordinator(addr, key, key_type=0, timeout=REQUEST_SECONDS, wait=30):
    """FindCoordinator v1 at the node at `addr`: the node id coordinating `key` (key_type 0
    a group, 1 a transactional id), retried while the answer is an error, up to `wait` s."""
    deadline = time.monotonic() + wait
    while True:
        r = _exchange(addr, _request(10, 1, _string(key) + struct.pack(">b", key_type)),
                      timeout)
        r.i32()  # throttle
        error = r.i16()
        r.string()  # message
        node = r.i32()
        if error == 0:
            return node
        if time.monotonic() > deadline:
            raise ProtocolError(f"FindCoordinator({key!r}) answered error {error}")
        time.sleep(0.3)


def describe_cluster(addr, timeout=REQUEST_SECONDS):
    """DescribeCluster v0 from the node at `addr`: error, cluster id, controller, brokers."""
    frame = _request(60, 0, b"\x00\x00", flexible=True)
    r = _exchange(addr, frame, timeout, flexible_response=True)
    r.i32()  # throttle
    error = r.i16()
    r.compact_string()  # error message
    cluster_id = r.compact_string()
    controller = r.i32()

    def broker():
        b = r.i32(), (r.compact_string(), r.i32(), r.compact_string())
        r.tagged_fields()
        return b

    brokers = dict(r.compact_array(broker))
    return {"error": error, "cluster_id": cluster_id, "controller": controller,
            "brokers": brokers}


def _compact_string(s):
    b = s.encode()
    return _uvarint(len(b) + 1) + b


def _uvarint(v):
    out = b""
    while True:
        byte = v & 0x7F
        v >>= 7
        if v:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def describe_quorum(addr, timeout=REQUEST_SECONDS):
    """DescribeQuorum v2 for Kafka's metadata log (`__cluster_metadata`, partition 0) through
    the node at `addr` (which forwards it to the active controller): the error, the leader
    (the active controller), its epoch, the voters' and observers' ids, and for each replica
    (`replicas`: {id: (log end, last fetch ms, last caught-up ms)})."""
    body = (_uvarint(2) + _compact_string("__cluster_metadata") + _uvarint(2)
            + struct.pack(">i", 0) + b"\x00" + b"\x00" + b"\x00")
    r = _exchange(addr, _request(55, 2, body, flexible=True), timeout, flexible_response=True)
    error = r.i16()
    r.compact_string()  # error message

    replicas = {}

    def replica():
        replica_id = r.i32()
        r.take(16)  # directory id
        replicas[replica_id] = struct.unpack(">qqq", r.take(24))
        r.tagged_fields()
        return replica_id

    def partition():
        r.i32()  # partition index
        perror = r.i16()
        r.compact_string()  # error message
        leader, epoch = r.i32(), r.i32()
        r.take(8)  # high watermark
        voters = r.compact_array(replica)
        observers = r.compact_array(replica)
        r.tagged_fields()
        return {"partition_error": perror, "leader": leader, "epoch": epoch,
                "voters": sorted(voters), "observers": sorted(observers),
                "replicas": replicas}

    def topic():
        name = r.compact_string()
        parts = r.compact_array(partition)
        r.tagged_fields()
        return name, parts

    topics = dict(r.compact_array(topic))
    parts = topics.get("__cluster_metadata") or [{"partition_error": None, "leader": -1}]
    return {"error": error, **parts[0]}


def describe_quorum_error(addr, version, timeout=REQUEST_SECONDS):
    """The top-level error code of a DescribeQuorum at `version` (the rest is not read)."""
    body = (_uvarint(2) + _compact_string("__cluster_metadata") + _uvarint(2)
            + struct.pack(">i", 0) + b"\x00" + b"\x00" + b"\x00")
    r = _exchange(addr, _request(55, version, body, flexible=True), timeout,
                  flexible_response=True)
    return r.i16()


def active_controller(addr, timeout=REQUEST_SECONDS):
    """The active controller's id as the node at `addr` knows it (DescribeQuorum's leader;
    Metadata's controller_id is any live broker, as in Kafka's KRaft mode), or None."""
    q = describe_quorum(addr, timeout)
    if q["error"] != NONE or q["partition_error"] != NONE or q["leader"] < 0:
        return None
    return q["leader"]


def create_topic(addr, name, partitions=1, replication_factor=1, configs=None,
                 timeout_ms=5000, timeout=REQUEST_SECONDS):
    """CreateTopics v2 sent to the node at `addr` itself; returns (error code, message)."""
    results = create_topics(addr, [name], partitions, replication_factor, configs, timeout_ms,
                            timeout)
    return results[name]


def create_topics(addr, names, partitions=1, replication_factor=1, configs=None,
                  timeout_ms=5000, timeout=REQUEST_SECONDS):
    """One CreateTopics v2 request for every name, sent to the node at `addr` itself;
    returns {name: (error code, message)}."""
    configs = configs or {}
    body = struct.pack(">i", len(names))
    for name in names:
        body += _string(name) + struct.pack(">ih", partitions, replication_factor)
        body += struct.pack(">i", 0)  # no manual assignments
        body += struct.pack(">i", len(configs))
        for k, v in configs.items():
            body += _string(k) + _string(v)
    body += struct.pack(">ib", timeout_ms, 0)
    r = _exchange(addr, _request(19, 2, body), timeout)
    r.i32()  # throttle
    return {name: (error, message)
            for name, error, message in r.array(lambda: (r.string(), r.i16(), r.string()))}


def created(addr, name, **kwargs):
    """CreateTopics through `addr` succeeded, or a previous attempt did (the topic exists)."""
    error, message = create_topic(addr, name, **kwargs)
    if error in (NONE, TOPIC_ALREADY_EXISTS):
        return True
    return None if error in (NOT_CONTROLLER, REQUEST_TIMED_OUT) else (error, message)


def view(addr):
    """What a node serves, in a form two nodes' answers can be compared by: brokers and
    every topic's partitions with leader, replicas and ISR. (Not Metadata's controller_id:
    each broker names a live broker there, itself when it is one, as Kafka's KRaft brokers
    do.)"""
    m = metadata(addr)
    return {
        "brokers": sorted(m["brokers"]),
        "topics": {name: {p: list(v[:3]) for p, v in sorted(t["partitions"].items())}
                   for name, t in sorted(m["topics"].items())},
    }


# ---------------------------------------------------------------------------------------------
# Processes.


class Node:
    """One `strom server` process (a combined node). `prefix` runs it under another command
    (`ip netns exec NS`, which execs, so the pid is the server's)."""

    def __init__(self, node_id, host, port, controller_port, data_dir, log_path, prefix=(),
                 env=None):
        self.node_id = node_id
        self.host = host
        self.port = port
        self.controller_port = controller_port
        self.data_dir = Path(data_dir)
        self.log_path = Path(log_path)
        self.prefix = list(prefix)
        self.env = dict(env or {})
        self.proc = None
        self._listening = None

    @property
    def addr(self):
        return f"{self.host}:{self.port}"

    @property
    def controller_addr(self):
        return f"{self.host}:{self.controller_port}"

    def command(self, voters, cluster_id, extra=()):
        cmd = [*self.prefix, strom_bin(), "server", "--node-id", str(self.node_id),
               "--listen", self.addr, "--controller-listen", self.controller_addr,
               "--voters", voters, "--data-dir", str(self.data_dir)]
        if cluster_id:
            # One argument: an id may start with '-', which alone would read as a flag.
            cmd.append(f"--cluster-id={cluster_id}")
        return cmd + list(extra)

    def spawn(self, voters, cluster_id, extra=()):
        """Starts the process without waiting for it to serve (see `wait_listening`)."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        # The harness's own STROM_* variables are not broker properties.
        env = {k: v for k, v in os.environ.items()
               if k not in ("STROM_BIN", "STROM_CLUSTER_TESTS", "STROM_CLUSTER_TEST_SECONDS")}
        env.setdefault("STROM_LOG", "info")
        env["NO_COLOR"] = "1"  # the log is a file
        env.update(self.env)
        cmd = self.command(voters, cluster_id, extra)
        log = open(self.log_path, "ab")
        log.write(f"---- {time.strftime('%H:%M:%S')} {' '.join(cmd)}\n".encode())
        log.flush()
        self.proc = subprocess.Popen(cmd,
                                     stdout=subprocess.PIPE, stderr=log, env=env,
                                     stdin=subprocess.DEVNULL)
        log.close()
        self._listening = queue.Queue()
        threading.Thread(target=self._drain, args=(self.proc, self._listening),
                         daemon=True).start()
        return self

    def _drain(self, proc, listening):
        with open(self.log_path, "ab") as log:
            for raw in proc.stdout:
                log.write(raw)
                log.flush()
                # A controller-only node has no client listener: it announces its
                # controller listener instead.
                m = re.search(rb"strom (?:controller )?listening on (\S+)", raw)
                if m:
                    listening.put(m.group(1).decode())
        listening.put(None)

    def wait_listening(self, timeout=STARTUP_SECONDS):
        try:
            addr = self._listening.get(timeout=timeout)
        except queue.Empty:
            addr = None
        if addr is None:
            raise AssertionError(
                f"node {self.node_id} did not start serving within {timeout} s "
                f"(exit {self.proc.poll()}); the end of {self.log_path}:\n{self.log_tail()}")
        return addr

    def wait_exit(self, timeout):
        """The exit code if the process exits within `timeout` seconds, else None."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def send(self, sig):
        if self.alive():
            self.proc.send_signal(sig)

    def stop(self, sig=signal.SIGTERM, timeout=STOP_SECONDS):
        """Signals the process and waits up to `timeout` s, then SIGKILLs it. Returns its exit
        code, or "killed" when the bounded wait ran out."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            # A stopped process (SIGSTOP) must run again to act on SIGTERM.
            self.proc.send_signal(sig)
            if sig != signal.SIGKILL:
                self.proc.send_signal(signal.SIGCONT)
            try:
                return self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return "killed"
        return self.proc.returncode

    def kill(self):
        return self.stop(signal.SIGKILL)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, lines=25):
        try:
            text = self.log_path.read_bytes()[-16384:].decode(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


class Cluster:
    """`size` combined nodes sharing one voter list and cluster id. `hosts` gives each node
    its own address (netns); otherwise all share 127.0.0.1 with free ports."""

    def __init__(self, size, base_dir, env=None, hosts=None, prefixes=None, ports=None,
                 cluster_id=None, extra_args=()):
        self.base_dir = Path(base_dir)
        self.cluster_id = cluster_id or fresh_cluster_id()
        self.extra_args = list(extra_args)
        if hosts is None:
            hosts = ["127.0.0.1"] * size
            ports = free_ports(2 * size)
        elif ports is None:
            ports = [9092] * size + [9093] * size
        prefixes = prefixes or [()] * size
        self.nodes = [
            Node(i + 1, hosts[i], ports[i], ports[size + i],
                 self.base_dir / f"node-{i + 1}", self.base_dir / f"node-{i + 1}.log",
                 prefix=prefixes[i], env=env)
            for i in range(size)
        ]
        self.voters = ",".join(f"{n.node_id}@{n.controller_addr}" for n in self.nodes)

    def node(self, node_id):
        return self.nodes[node_id - 1]

    @property
    def bootstrap(self):
        return ",".join(n.addr for n in self.nodes)

    def ids(self):
        return [n.node_id for n in self.nodes]

    def start(self, nodes=None):
        """Starts the given nodes (default all) together, then waits for each to serve: a
        node may only serve once a quorum of voters is up, so none is waited for alone."""
        nodes = nodes or self.nodes
        for n in nodes:
            n.spawn(self.voters, self.cluster_id, self.extra_args)
        for n in nodes:
            n.wait_listening()
        return self

    def restart(self, node):
        node.spawn(self.voters, self.cluster_id, self.extra_args)
        node.wait_listening()

    def stop(self, nodes=None, sig=signal.SIGTERM, timeout=STOP_SECONDS):
        """Signals the given nodes (default all) at once and waits for each, bounded; returns
        {node id: exit code or "killed"}."""
        nodes = [n for n in (nodes or self.nodes) if n.proc is not None]
        for n in nodes:
            n.send(sig)
            n.send(signal.SIGCONT)
        deadline = time.monotonic() + timeout
        codes = {}
        for n in nodes:
            codes[n.node_id] = n.stop(sig, max(0.1, deadline - time.monotonic()))
        return codes

    def wait_formed(self, nodes=None, expect=None, timeout=60, voters=None):
        """Waits until every node in `nodes` (default the running ones) lists exactly the
        brokers `expect` (default the running nodes' ids) in Metadata and all name the same
        active controller (DescribeQuorum's leader), one of `voters` (default `expect`: with
        controller-only nodes, pass the voter ids). Returns its id."""
        nodes = nodes or [n for n in self.nodes if n.alive()]
        expect = sorted(expect or [n.node_id for n in nodes])
        electable = set(voters or expect)

        def formed():
            controllers = set()
            for n in nodes:
                m = metadata(n.addr)
                if sorted(m["brokers"]) != expect or m["controller"] not in expect:
                    return None
                controllers.add(active_controller(n.addr))
            if len(controllers) == 1 and controllers <= electable:
                return controllers.pop()
            return None

        try:
            return wait_until(f"nodes {[n.node_id for n in nodes]} list brokers {expect} and "
                              "agree on a controller", formed, timeout)
        except AssertionError as e:
            raise AssertionError(f"{e}\n{self.describe_failure(nodes)}") from None

    def wait_topic_everywhere(self, name, partitions, nodes=None, timeout=30):
        """Waits until every node serves `name` with `partitions` partitions, each led."""
        nodes = nodes or [n for n in self.nodes if n.alive()]

        def served():
            for n in nodes:
                t = metadata(n.addr)["topics"].get(name)
                if t is None or t["error"] != NONE or len(t["partitions"]) != partitions:
                    return None
                if any(leader < 0 for leader, *_ in t["partitions"].values()):
                    return None
            return True

        wait_until(f"topic {name} ({partitions} partitions, led) on nodes "
                   f"{[n.node_id for n in nodes]}", served, timeout)

    def describe_failure(self, nodes=None):
        """Each node's view (or why it has none) and the end of its log."""
        out = []
        for n in nodes or self.nodes:
            try:
                seen = metadata(n.addr, timeout=3)
                seen = {"brokers": sorted(seen["brokers"]), "controller": seen["controller"],
                        "topics": sorted(seen["topics"])}
            except (OSError, ProtocolError) as e:
                seen = repr(e)
            out.append(f"--- node {n.node_id} ({n.addr}, alive={n.alive()}): {seen}\n"
                       f"{n.log_tail(15)}")
        return "\n".join(out)


def _main(argv):
    """`metadata ADDR [TIMEOUT_S]` or `create ADDR NAME [TIMEOUT_S]`: one JSON line."""
    try:
        if argv[0] == "metadata":
            m = metadata(argv[1], timeout=float(argv[2]) if len(argv) > 2 else REQUEST_SECONDS)
            print(json.dumps({"brokers": sorted(m["brokers"]), "controller": m["controller"],
                              "topics": sorted(m["topics"])}))
        elif argv[0] == "create":
            timeout = float(argv[3]) if len(argv) > 3 else REQUEST_SECONDS
            error, message = create_topic(argv[1], argv[2], timeout=timeout)
            print(json.dumps({"error": error, "message": message}))
        else:
            raise SystemExit(f"unknown command {argv[0]}")
    except (OSError, ProtocolError) as e:
        print(json.dumps({"exception": repr(e)}))


if __name__ == "__main__":
    _main(sys.argv[1:])


def create_led_topic(bootstrap, name, partitions, rf=3, timeout=30):
    """Creates `name` through confluent-kafka's admin client and waits until every partition
    has a leader and a full ISR; returns {partition: leader}."""
    from confluent_kafka.admin import AdminClient, NewTopic

    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(name, num_partitions=partitions,
                                  replication_factor=rf)])[name].result(timeout=timeout)

    def ready():
        md = admin.list_topics(name, timeout=10).topics.get(name)
        return (md is not None and md.error is None and len(md.partitions) == partitions
                and all(p.leader >= 0 and len(p.isrs) == rf for p in md.partitions.values()))

    wait_until(f"{name}: every partition led, full ISR", ready, timeout)
    md = admin.list_topics(name, timeout=10).topics[name]
    return {p: md.partitions[p].leader for p in range(partitions)}
