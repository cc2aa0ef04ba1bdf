"""The fault harness's hands: a cluster of real `strom server` processes, each in its own
network namespace on one bridge (tests/cluster/netns.py and cluster_kit.py, shared with the
cluster suite), each with its data directory on a small tmpfs of its own, and the faults this
harness can put on them and take off again.

Network faults are firewall rules inside the nodes' namespaces (iptables): a rule in node B's
namespace that drops what comes from node A's address cuts A -> B; both directions make a
partition. The clients run in the root namespace (the bridge's own address) and are never cut
off by a partition: a minority node stays reachable by clients, which is the case where a
stale leader could answer. Packet delay, loss and reordering use `tc netem` on the node's
interface when the kernel has it. Without netem (CONFIG_NET_SCH_NETEM unset) they are built
from what such kernels do have (`degrade_commands`): an HTB root qdisc with two classes, each
a token bucket (tbf) of its own, a main one at 2 Mbit/s (queueing delay) and a slow one at
128 kbit/s; iptables' CLASSIFY target sends a random tenth of the node's outgoing packets to
the slow class, so they leave out of turn with the packets around them (reordering), and the
`statistic` match drops 5% (loss). A full disk is a filler file that takes every free byte of
the node's tmpfs.

Everything made here (namespaces, veths, bridge, mounts, directories) is removed by
`FaultCluster.close()`, which never raises and is called on every exit path.
"""

import importlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cluster"))

import cluster_kit as kit  # noqa: E402
import netns  # noqa: E402

SUBNET = "10.78.0"  # not the cluster suite's 10.77.0, so both can run at once
DISK_MB = 256


def run(cmd, check=True, timeout=20):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if check and out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: {out.stderr.strip()}")
    return out


def netem_available():
    """Whether `tc qdisc ... netem` works here (it needs CONFIG_NET_SCH_NETEM)."""
    name = f"strom-netem-probe-{os.getpid()}"
    try:
        run(["ip", "netns", "add", name])
        out = run(["ip", "netns", "exec", name, "tc", "qdisc", "add", "dev", "lo", "root",
                   "netem", "delay", "1ms"], check=False)
        return out.returncode == 0
    finally:
        run(["ip", "netns", "del", name], check=False)


def lazyfs_unavailable():
    """Why lazyfs.py cannot run here, or None when it can."""
    if not os.path.exists("/dev/fuse"):
        return "no /dev/fuse"
    try:
        importlib.import_module("mfusepy")
    except (ImportError, OSError) as e:
        return f"mfusepy (with libfuse3) is not importable: {e}"
    return None


def tools_missing():
    """The commands the harness needs that are not installed."""
    return [t for t in ("ip", "iptables", "tc", "mount", "umount", "fallocate")
            if shutil.which(t) is None]


# Without netem: the rates of the two token buckets of a degraded node (degrade_commands),
# the default class's (most packets) and the slow class's (the reordered tenth).
MAIN_RATE, SLOW_RATE = "2mbit", "128kbit"


def degrade_commands(dev, netem, loss_pct=5, reorder_pct=10, delay_ms=50, jitter_ms=30):
    """The commands (run in the node's namespace) that degrade `dev`'s outgoing packets.

    With netem: `delay 50ms 30ms loss 5% reorder 10%`. Without it, reordering needs two
    queues that drain independently, and the only classful qdisc such kernels have is HTB:
    an HTB root whose two classes never limit anything themselves (1 Gbit/s each), each with
    a tbf of its own as its queue. Class 1:10, the default, is the old degrade's token bucket
    (2 Mbit/s, queueing up to 200 ms, dropping beyond). Class 1:20 gets `reorder_pct` of the
    packets, picked at random by iptables (mangle POSTROUTING, `statistic` then `CLASSIFY`),
    and drains at 128 kbit/s with up to 300 ms of queue. A packet of the slow class leaves
    before main-class packets queued ahead of it when the main bucket is backlogged (a burst,
    a fetch response), and after main-class packets sent behind it when its own bucket is
    empty: either way, out of order within its TCP stream. Loss is iptables' `statistic`
    match dropping `loss_pct` of the packets the node sends."""
    if netem:
        return [["tc", "qdisc", "add", "dev", dev, "root", "netem", "delay", f"{delay_ms}ms",
                 f"{jitter_ms}ms", "loss", f"{loss_pct}%", "reorder", f"{reorder_pct}%",
                 "50%"]]
    cmds = [
        ["tc", "qdisc", "add", "dev", dev, "root", "handle", "1:", "htb", "default", "10"],
        ["tc", "class", "add", "dev", dev, "parent", "1:", "classid", "1:10", "htb", "rate",
         "1gbit", "quantum", "1514"],
        ["tc", "class", "add", "dev", dev, "parent", "1:", "classid", "1:20", "htb", "rate",
         "1gbit", "quantum", "1514"],
        ["tc", "qdisc", "add", "dev", dev, "parent", "1:10", "handle", "10:", "tbf", "rate",
         MAIN_RATE, "burst", "8kb", "latency", "200ms"],
        ["tc", "qdisc", "add", "dev", dev, "parent", "1:20", "handle", "20:", "tbf", "rate",
         SLOW_RATE, "burst", "2kb", "latency", "300ms"],
    ]
    if reorder_pct:
        cmds.append(["iptables", "-t", "mangle", "-A", "POSTROUTING", "-o", dev, "-m",
                     "statistic", "--mode", "random", "--probability",
                     f"{reorder_pct / 100:.3f}", "-j", "CLASSIFY", "--set-class", "1:20"])
    if loss_pct:
        cmds.append(["iptables", "-A", "OUTPUT", "-m", "statistic", "--mode", "random",
                     "--probability", f"{loss_pct / 100:.3f}", "-j", "DROP"])
    return cmds


def heal_commands(dev):
    """Takes every network fault off a node: its filter and mangle rules, its root qdisc."""
    return [["iptables", "-F"], ["iptables", "-t", "mangle", "-F"],
            ["tc", "qdisc", "del", "dev", dev, "root"]]


def leftover_faults(output_of, dev):
    """The fault rules and qdiscs still on a node (`output_of(*cmd)` runs in its namespace)."""
    left = []
    for line in output_of("tc", "qdisc", "show", "dev", dev).splitlines():
        if any(q in line for q in (" htb ", " tbf ", " netem ")):
            left.append(line.strip())
    for table in ("filter", "mangle"):
        for line in output_of("iptables-save", "-t", table).splitlines():
            if line.startswith("-A "):
                left.append(f"{table}: {line}")
    return left


# The TCP counters that tell reordering apart: the sender's reorder detections (from SACK,
# timestamps, or duplicate ACKs without SACK), the receiver's out-of-order queue.
TCP_COUNTERS = ("TcpExtTCPSACKReorder", "TcpExtTCPTSReorder", "TcpExtTCPRenoReorder",
                "TcpExtTCPOFOQueue", "TcpRetransSegs", "TcpOutSegs", "TcpInSegs")


def tcp_counters(output_of):
    """{counter: value} from `nstat` (absolute values, no history file touched)."""
    values = {}
    for line in output_of("nstat", "-asz", *TCP_COUNTERS).splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in TCP_COUNTERS:
            values[parts[0]] = int(parts[1])
    return values


class FaultCluster:
    """`size` combined nodes in namespaces on subnet 10.78.0.0/24, data on tmpfs."""

    def __init__(self, size, base_dir, env=None, lazy=False):
        self.size = size
        self.base_dir = Path(base_dir)
        self.base_dir.mkdir(parents=True, exist_ok=True)
        self.mounts = []
        self.lazy = {}  # node id -> (lazyfs process, control socket)
        self.net = None
        self.cluster = None
        self.netem = netem_available()
        self._lazy_flag = lazy
        self.paused = set()
        self.full = set()
        self.expected_down = set()
        self.reported_dead = set()
        try:
            netns.probe(SUBNET)
            self.net = netns.Network(size, subnet=SUBNET)
            self.cluster = kit.Cluster(size, self.base_dir, env=env, hosts=self.net.addresses,
                                       prefixes=[self.net.prefix(i) for i in range(size)])
            for n in self.cluster.nodes:
                disk = self.disk(n.node_id)
                disk.mkdir(parents=True, exist_ok=True)
                run(["mount", "-t", "tmpfs", "-o", f"size={DISK_MB}m", "tmpfs", str(disk)])
                self.mounts.append(disk)
                if lazy:
                    self.mount_lazy(n)
        except BaseException:
            self.close()
            raise

    def disk(self, node_id):
        """The node's tmpfs: its data directory, or the backing directory of its lazyfs."""
        n = self.node(node_id)
        return n.data_dir.with_name(n.data_dir.name + "-disk") if self.lazy_wanted(n) \
            else n.data_dir

    def lazy_wanted(self, n):
        return self._lazy_flag

    def mount_lazy(self, n):
        """Puts the node's data directory on lazyfs.py over its tmpfs."""
        backing = self.disk(n.node_id) / "data"
        backing.mkdir(exist_ok=True)
        n.data_dir.mkdir(parents=True, exist_ok=True)
        control = str(self.base_dir / f"node-{n.node_id}-lazyfs.sock")
        log = open(self.base_dir / f"node-{n.node_id}-lazyfs.log", "ab")
        proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("lazyfs.py")),
                                 str(backing), str(n.data_dir), control],
                                stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        log.close()
        self.lazy[n.node_id] = (proc, control)
        deadline = time.monotonic() + 15
        while not os.path.ismount(n.data_dir) or not os.path.exists(control):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"lazyfs for node {n.node_id} did not mount "
                                   f"(exit {proc.poll()})")
            time.sleep(0.1)

    def lose_unsynced(self, node_id):
        """Crashes the node in the middle of a write: lazyfs holds the node's next write
        (its caller blocked; a broker under acks=all load fsyncs within milliseconds, so an
        arbitrary moment finds nothing unsynced), the node is frozen, every unsynced write
        dropped, and the node SIGKILLed. Returns lazyfs's account of what it dropped."""
        import lazyfs
        control = self.lazy[node_id][1]
        lazyfs.command(control, "arm")
        caught = lazyfs.command(control, "wait-caught")
        self.node(node_id).send(signal.SIGSTOP)
        dropped = lazyfs.command(control, "crash")
        self.kill(node_id)
        return f"{dropped} ({'in' if caught == 'caught' else 'not in'} the middle of a write)"

    @property
    def nodes(self):
        return self.cluster.nodes

    @property
    def bootstrap(self):
        return self.cluster.bootstrap

    def node(self, node_id):
        return self.cluster.node(node_id)

    def ns(self, node_id):
        return self.net.namespaces[node_id - 1]

    def in_ns(self, node_id, *cmd, check=True):
        return run(["ip", "netns", "exec", self.ns(node_id), *cmd], check=check)

    # ---- processes

    def kill(self, node_id):
        self.expected_down.add(node_id)
        self.node(node_id).send(signal.SIGKILL)
        self.node(node_id).wait_exit(10)

    def unexpected_deaths(self):
        """Nodes that exited without the harness stopping them: [(node id, exit code)]
        (a negative code is the signal's number). Each is reported once."""
        dead = []
        for n in self.nodes:
            if n.proc is not None and not n.alive() and n.node_id not in self.expected_down \
                    and n.node_id not in self.reported_dead:
                dead.append((n.node_id, n.proc.returncode))
                self.reported_dead.add(n.node_id)
        return dead

    def stop(self, node_id):
        """SIGTERM (a controlled shutdown), SIGKILL if it takes more than 20 s."""
        self.expected_down.add(node_id)
        return self.node(node_id).stop(timeout=20)

    def restart(self, node_id):
        n = self.node(node_id)
        if n.alive():
            return
        n.spawn(self.cluster.voters, self.cluster.cluster_id, self.cluster.extra_args)
        self.expected_down.discard(node_id)
        self.reported_dead.discard(node_id)
        n.wait_listening()

    def pause(self, node_id):
        self.node(node_id).send(signal.SIGSTOP)
        self.paused.add(node_id)

    def resume(self, node_id):
        self.node(node_id).send(signal.SIGCONT)
        self.paused.discard(node_id)

    # ---- network

    def drop(self, src, dst):
        """Packets from node `src` to node `dst` are dropped (in dst's namespace, on input)."""
        self.in_ns(dst, "iptables", "-A", "INPUT", "-s", self.net.addresses[src - 1], "-j",
                   "DROP")

    def partition(self, groups):
        """No packet passes between nodes of different groups (lists of node ids)."""
        for a in groups:
            for b in groups:
                if a is b:
                    continue
                for src in a:
                    for dst in b:
                        self.drop(src, dst)

    def degrade(self, node_id, loss_pct=5, reorder_pct=10):
        """Slows, thins and reorders node `node_id`'s outgoing packets (`degrade_commands`)."""
        dev = self.net.ns_ends[node_id - 1]
        for cmd in degrade_commands(dev, self.netem, loss_pct, reorder_pct):
            self.in_ns(node_id, *cmd)

    def heal_network(self):
        for i in range(1, self.size + 1):
            for cmd in heal_commands(self.net.ns_ends[i - 1]):
                self.in_ns(i, *cmd, check=False)

    def network_faults_left(self):
        """What a healed network still holds ({node: [qdisc or rule]}; empty when clean)."""
        left = {}
        for i in range(1, self.size + 1):
            found = leftover_faults(lambda *cmd, i=i: self.in_ns(i, *cmd, check=False).stdout,
                                    self.net.ns_ends[i - 1])
            if found:
                left[i] = found
        return left

    def tcp_counters(self, node_id):
        """The TCP counters of the node's namespace (`nstat`), for the reordering figures."""
        return tcp_counters(lambda *cmd: self.in_ns(node_id, *cmd, check=False).stdout)

    # ---- disk

    def filler(self, node_id):
        return self.disk(node_id) / "zz-fault-filler"

    def fill_disk(self, node_id):
        """Takes every free byte of the node's tmpfs (a file the broker never opens)."""
        st = os.statvfs(self.disk(node_id))
        free = st.f_bavail * st.f_frsize
        if free > 0:
            run(["fallocate", "-l", str(free), str(self.filler(node_id))], check=False)
        self.full.add(node_id)

    def free_disk(self, node_id):
        try:
            self.filler(node_id).unlink()
        except FileNotFoundError:
            pass
        self.full.discard(node_id)

    def disk_used_mb(self, node_id):
        st = os.statvfs(self.disk(node_id))
        return (st.f_blocks - st.f_bfree) * st.f_frsize / 2**20

    # ---- whole

    def heal_all(self):
        """Takes every fault off and restarts any node that is down; bounded."""
        self.heal_network()
        for i in list(self.paused):
            self.resume(i)
        for i in list(self.full):
            self.free_disk(i)
        for n in self.nodes:
            if not n.alive():
                self.restart(n.node_id)

    def keep_data(self):
        """Copies each stopped node's data directory next to it (`node-N-data`) before the
        tmpfs goes: with FAULTS_KEEP_DATA set, for looking into a finding."""
        problems = []
        for n in self.nodes:
            try:
                shutil.copytree(n.data_dir, n.data_dir.with_name(n.data_dir.name + "-data"),
                                symlinks=True, dirs_exist_ok=True)
            except (OSError, shutil.Error) as e:
                problems.append(f"keeping {n.data_dir}: {e!r}")
        return problems

    def close(self):
        """Stops every process and removes everything this cluster made; never raises."""
        problems = []
        if self.cluster is not None:
            try:
                self.cluster.stop(timeout=10)
                self.cluster.stop(sig=signal.SIGKILL, timeout=10)
            except Exception as e:  # noqa: BLE001 - cleanup goes on
                problems.append(f"stop: {e!r}")
            if os.environ.get("FAULTS_KEEP_DATA"):
                problems += self.keep_data()
        for node_id, (proc, control) in self.lazy.items():
            mountpoint = self.node(node_id).data_dir
            if os.path.ismount(mountpoint):
                if run(["umount", str(mountpoint)], check=False).returncode != 0:
                    run(["umount", "-l", str(mountpoint)], check=False)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            try:
                mountpoint.rmdir()
            except OSError as e:
                problems.append(f"rmdir {mountpoint}: {e}")
            try:
                os.unlink(control)
            except FileNotFoundError:
                pass
        self.lazy = {}
        for m in self.mounts:
            for _ in range(5):
                if run(["umount", str(m)], check=False).returncode == 0:
                    break
                time.sleep(0.5)
            else:
                run(["umount", "-l", str(m)], check=False)
                problems.append(f"umount {m} needed -l")
            try:
                m.rmdir()
            except OSError as e:
                problems.append(f"rmdir {m}: {e}")
        self.mounts = []
        if self.net is not None:
            self.net.close()
            left = self.net.leftovers()
            if left:
                problems.append(f"network left behind: {left}")
            self.net = None
        return problems
