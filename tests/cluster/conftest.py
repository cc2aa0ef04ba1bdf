"""Fixtures of the cluster suite: clusters of real `strom server` processes (cluster_kit.py) in
temporary directories, always stopped at teardown with bounded waits.

The suite runs through `./scripts/cluster-tests.sh`, which sets STROM_CLUSTER_TESTS=1;
without it (a plain `pytest tests/`) every test here is skipped, so the main suite does not
start clusters unless asked to. Every test also has a hard time limit (SIGALRM), on top of the
deadline every wait in the kit has.
"""

import os
import signal
import time

import pytest

import netns
from cluster_kit import Cluster

TEST_SECONDS = int(os.environ.get("STROM_CLUSTER_TEST_SECONDS", "240"))


def pytest_collection_modifyitems(config, items):
    if os.environ.get("STROM_CLUSTER_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="cluster suite: run ./scripts/cluster-tests.sh "
                                   "(or set STROM_CLUSTER_TESTS=1)")
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def time_limit():
    """Fails a test that runs longer than TEST_SECONDS instead of hanging the suite."""
    def expired(signum, frame):
        raise TimeoutError(f"test exceeded {TEST_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(TEST_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


class ClusterFactory:
    def __init__(self, base_dir):
        self.base_dir = base_dir
        self.clusters = []

    def __call__(self, size, start=True, **kwargs):
        cluster = Cluster(size, self.base_dir / f"cluster-{len(self.clusters) + 1}", **kwargs)
        self.clusters.append(cluster)
        cluster.base_dir.mkdir(parents=True, exist_ok=True)
        if start:
            cluster.start()
        return cluster

    def close(self):
        for cluster in self.clusters:
            started = time.monotonic()
            codes = cluster.stop(timeout=10)
            took = time.monotonic() - started
            if took > 5 or any(c not in (0, None) for c in codes.values()):
                # Not a failure of the test that ran, but worth seeing in its output.
                print(f"\nteardown: SIGTERM to every node took {took:.1f} s; exit codes {codes}")
            cluster.stop(sig=signal.SIGKILL, timeout=10)


@pytest.fixture
def cluster_factory(tmp_path):
    factory = ClusterFactory(tmp_path)
    try:
        yield factory
    finally:
        factory.close()


@pytest.fixture(scope="module")
def cluster3(tmp_path_factory):
    """A formed three-node cluster shared by a module's tests (they only add topics)."""
    factory = ClusterFactory(tmp_path_factory.mktemp("cluster3"))
    try:
        cluster = factory(3)
        cluster.wait_formed()
        yield cluster
    finally:
        factory.close()


@pytest.fixture(scope="module")
def fast_cluster3(tmp_path_factory):
    """A formed three-node cluster that fences and elects quickly (cluster_kit.FAST_FENCING),
    shared by a module's tests; a test that kills a node restarts it."""
    from cluster_kit import FAST_FENCING

    factory = ClusterFactory(tmp_path_factory.mktemp("fast-cluster3"))
    try:
        cluster = factory(3, env=FAST_FENCING)
        cluster.wait_formed()
        yield cluster
    finally:
        factory.close()


@pytest.fixture(scope="module")
def cluster5(tmp_path_factory):
    """A formed five-node cluster shared by a module's tests."""
    factory = ClusterFactory(tmp_path_factory.mktemp("cluster5"))
    try:
        cluster = factory(5)
        cluster.wait_formed()
        yield cluster
    finally:
        factory.close()


@pytest.fixture
def network():
    """Three network namespaces joined by a bridge (netns.py), removed at teardown; skips the
    test where namespaces cannot be made (not root)."""
    try:
        netns.probe()
    except netns.NetnsUnavailable as e:
        pytest.skip(f"no network namespaces: {e}")
    net = netns.Network(3)
    try:
        yield net
    finally:
        net.close()
        assert not net.leftovers(), f"left behind: {net.leftovers()}"
