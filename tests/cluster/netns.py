"""A small network of Linux network namespaces for partition tests: one namespace per node,
each joined by a veth pair to one bridge in the root namespace, which also holds an address
on the bridge so the tests reach every node directly.

    root ns: bridge BR 10.77.0.254/24 -- veth host end (port of BR) == veth ns end 10.77.0.i/24

A node is cut off by taking the host end of its veth off the bridge (`ip link set ... nomaster`):
no frame then passes between it and anyone else, while its own interface stays up with its
address, so a client started inside its namespace still reaches it. Healing puts the end back
on the bridge. No firewall is needed.

Everything created is named with a per-run tag and removed by `close()`, which the fixture
calls even when a test fails; deleting a namespace also deletes the veth ends inside it.
"""

import os
import subprocess

SUBNET = "10.77.0"
ROOT_ADDR = f"{SUBNET}.254"


class NetnsUnavailable(Exception):
    pass


def _ip(*args, check=True):
    out = subprocess.run(["ip", *args], capture_output=True, text=True, timeout=10)
    if check and out.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {out.stderr.strip()}")
    return out


def probe(subnet=SUBNET):
    """Raises NetnsUnavailable with the reason when this process cannot build the network on
    `subnet` (the first three octets; another suite may use its own at the same time)."""
    if os.geteuid() != 0:
        raise NetnsUnavailable("network namespaces need root")
    name = f"strom-probe-{os.getpid()}"
    try:
        out = _ip("netns", "add", name, check=False)
    except FileNotFoundError:
        raise NetnsUnavailable("the ip command (iproute2) is not installed") from None
    if out.returncode != 0:
        raise NetnsUnavailable(f"ip netns add failed: {out.stderr.strip()}")
    _ip("netns", "del", name, check=False)
    routes = _ip("route", "show", f"{subnet}.0/24").stdout.strip()
    if routes:
        raise NetnsUnavailable(f"{subnet}.0/24 is in use here (another run?): {routes}")


class Network:
    """`size` namespaces on one bridge; node i (1-based) has address 10.77.0.i (or
    `subnet`.i, the root namespace `subnet`.254)."""

    def __init__(self, size, subnet=SUBNET):
        tag = f"{os.getpid() % 100000}"
        self.bridge = f"sbr{tag}"
        self.namespaces = [f"strom-{tag}-{i}" for i in range(1, size + 1)]
        self.host_ends = [f"sv{tag}h{i}" for i in range(1, size + 1)]
        self.ns_ends = [f"sv{tag}n{i}" for i in range(1, size + 1)]
        self.addresses = [f"{subnet}.{i}" for i in range(1, size + 1)]
        self.root_addr = f"{subnet}.254"
        self._made_bridge = False
        try:
            self._build()
        except BaseException:
            self.close()
            raise

    def _build(self):
        _ip("link", "add", self.bridge, "type", "bridge")
        self._made_bridge = True
        _ip("addr", "add", f"{self.root_addr}/24", "dev", self.bridge)
        _ip("link", "set", self.bridge, "up")
        for ns, host_end, ns_end, addr in zip(self.namespaces, self.host_ends, self.ns_ends,
                                               self.addresses):
            _ip("netns", "add", ns)
            _ip("link", "add", host_end, "type", "veth", "peer", "name", ns_end)
            _ip("link", "set", ns_end, "netns", ns)
            _ip("link", "set", host_end, "master", self.bridge)
            _ip("link", "set", host_end, "up")
            _ip("-n", ns, "addr", "add", f"{addr}/24", "dev", ns_end)
            _ip("-n", ns, "link", "set", ns_end, "up")
            _ip("-n", ns, "link", "set", "lo", "up")

    def prefix(self, index):
        """The command prefix that runs a program in node `index`'s namespace (0-based)."""
        return ["ip", "netns", "exec", self.namespaces[index]]

    def cut(self, index):
        """Disconnects node `index` (0-based) from everyone, the root namespace included."""
        _ip("link", "set", self.host_ends[index], "nomaster")

    def heal(self, index):
        _ip("link", "set", self.host_ends[index], "master", self.bridge)

    def slow(self, index, rate="128kbit", queue="1s"):
        """Holds traffic towards node `index` (0-based) to `rate` with a token bucket (tbf) on
        its veth's host end: a slow link to it, queueing up to `queue` and dropping beyond."""
        out = subprocess.run(["tc", "qdisc", "replace", "dev", self.host_ends[index], "root",
                              "tbf", "rate", rate, "burst", "16kbit", "latency", queue],
                             capture_output=True, text=True, timeout=10)
        if out.returncode != 0:
            raise RuntimeError(f"tc qdisc replace ... tbf: {out.stderr.strip()}")

    def unslow(self, index):
        subprocess.run(["tc", "qdisc", "del", "dev", self.host_ends[index], "root"],
                       capture_output=True, text=True, timeout=10)

    def close(self):
        """Removes every namespace, veth and the bridge this network made; never raises."""
        for ns in self.namespaces:
            _ip("netns", "del", ns, check=False)
        for host_end in self.host_ends:
            # Gone with its peer's namespace, normally; this catches a half-built pair.
            _ip("link", "del", host_end, check=False)
        if self._made_bridge:
            _ip("link", "del", self.bridge, check=False)

    def leftovers(self):
        """Names of anything of this network still present (for the cleanup assertion)."""
        netns = _ip("netns", "list", check=False).stdout
        links = _ip("-o", "link", "show", check=False).stdout
        names = [*self.namespaces, *self.host_ends, self.bridge]
        return [n for n in names if n in netns or f" {n}:" in links or f" {n}@" in links]
