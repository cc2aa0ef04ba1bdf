"""Fixtures that run the real `strom` binary on 127.0.0.1 with a temporary data directory.

The binary is `$STROM_BIN`, or `target/debug/strom` (scripts/test.sh builds it first). A
broker listens on an ephemeral port: the fixture passes `--listen 127.0.0.1:0` and reads the
address from the line the server prints once it accepts connections.
"""

import os
import re
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 30


def strom_bin():
    return os.environ.get("STROM_BIN", str(ROOT / "target" / "debug" / "strom"))


class Broker:
    """One `strom server` process; `restart()` keeps the data directory."""

    def __init__(self, data_dir, extra_args=(), env=None, wrapper=None):
        self.data_dir = data_dir
        self.extra_args = list(extra_args)
        self.env = env or {}
        # `wrapper(data_dir)` gives a command the server command is appended to (the
        # full-disk test runs the server in a mount namespace with a small tmpfs that way).
        self.wrapper = wrapper
        self.proc = None
        self.bootstrap = None
        self.port = None
        self.log_path = Path(data_dir).parent / (Path(data_dir).name + ".log")

    def start(self, port=0):
        env = dict(os.environ)
        env.setdefault("STROM_LOG", "info")
        env.update(self.env)
        self.log = open(self.log_path, "ab")
        prefix = self.wrapper(self.data_dir) if self.wrapper else []
        self.proc = subprocess.Popen(
            [*prefix, strom_bin(), "server", "--data-dir", str(self.data_dir),
             "--listen", f"127.0.0.1:{port}", *self.extra_args],
            stdout=subprocess.PIPE, stderr=self.log, env=env, text=True,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        line = ""
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            m = re.search(r"strom listening on ([\d.]+):(\d+)", line)
            if m:
                self.port = int(m.group(2))
                self.bootstrap = f"127.0.0.1:{self.port}"
                return self
        self.kill()
        raise RuntimeError(f"strom did not start: {line!r}; see {self.log_path}")

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        code = self.proc.returncode if self.proc else None
        self.proc = None
        return code

    def kill(self):
        return self.stop(signal.SIGKILL)

    def restart(self, sig=signal.SIGTERM):
        """Stops the broker and starts it again on the same port and data directory."""
        port = self.port
        self.stop(sig)
        return self.start(port)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None


@pytest.fixture
def broker_factory():
    dirs = []
    brokers = []

    def make(extra_args=(), env=None, wrapper=None):
        d = tempfile.mkdtemp(prefix="strom-test-")
        dirs.append(d)
        b = Broker(Path(d) / "data", extra_args, env, wrapper).start()
        brokers.append(b)
        return b

    yield make
    for b in brokers:
        b.stop()


@pytest.fixture
def broker(broker_factory):
    return broker_factory()
