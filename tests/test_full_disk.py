"""A full disk: the broker runs with its data directory on a 40 MiB tmpfs (mounted in a
private mount namespace, so no host mount is touched) and a librdkafka producer writes until
the space runs out. The writes that no longer fit get KAFKA_STORAGE_ERROR, the broker keeps
running and serving the other topic, and every acknowledged record can still be read."""

import os
import shutil
import subprocess
import tempfile

import pytest
from confluent_kafka import KafkaError, Producer
from confluent_kafka.admin import AdminClient, NewTopic

from test_durability import read_all

TIMEOUT = 30
TMPFS_MIB = 40


def tmpfs_namespace():
    """A command prefix that runs what follows it in a private mount namespace with a
    TMPFS_MIB tmpfs mounted on the data directory; None where this machine allows no such
    namespace (checked by mounting one in a throwaway namespace)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    flags = ["--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        flags.append("--map-root-user")
    mount = 'mkdir -p "$1" && mount -t tmpfs -o size=%dm tmpfs "$1"' % TMPFS_MIB
    with tempfile.TemporaryDirectory() as probe:
        if subprocess.run([unshare, *flags, "sh", "-c", mount, "sh", probe],
                          capture_output=True).returncode != 0:
            return None
    return lambda data_dir: [unshare, *flags, "sh", "-c", mount + ' && shift && exec "$@"',
                             "sh", str(data_dir)]


@pytest.mark.xfail(strict=False, reason=(
    "intermittent, about 1 run in 5 on a loaded 2-core machine (seen 2026-12-05): every "
    "produce to the filling partition goes unanswered for message.timeout.ms (20 s) instead "
    "of being refused with KAFKA_STORAGE_ERROR; an open defect, not yet understood"))
def test_a_full_disk_refuses_writes_and_loses_nothing_acknowledged(broker_factory):
    wrapper = tmpfs_namespace()
    if wrapper is None:
        pytest.skip("no private mount namespace with a tmpfs here (unshare refused)")
    broker = broker_factory(wrapper=wrapper)
    bootstrap = broker.bootstrap
    admin = AdminClient({"bootstrap.servers": bootstrap})
    for name in ("other", "fill"):
        for f in admin.create_topics([NewTopic(name, 1, 1)]).values():
            f.result(TIMEOUT)
    p = Producer({"bootstrap.servers": bootstrap, "acks": "all", "linger.ms": 5})
    for i in range(100):
        p.produce("other", value=b"other-%d" % i, partition=0)
    assert p.flush(TIMEOUT) == 0

    acked, errors = {}, []

    def report(err, msg):
        if err is None:
            acked[msg.offset()] = msg.value()
        else:
            errors.append(err.code())

    # Twice the tmpfs in 1 KiB records; no retries, so the broker's own error arrives.
    filler = Producer({"bootstrap.servers": bootstrap, "acks": "all", "linger.ms": 5,
                       "retries": 0, "message.timeout.ms": 20_000})
    for i in range(2 * TMPFS_MIB * 1024):
        value = b"%08d" % i + b"x" * 1016
        while True:
            try:
                filler.produce("fill", value=value, partition=0, on_delivery=report)
                break
            except BufferError:
                filler.poll(0.05)
        filler.poll(0)
    assert filler.flush(60) == 0

    assert broker.alive(), "the broker exited on a full disk"
    assert errors, "nothing was refused although the data exceeds the disk"
    assert set(errors) <= {KafkaError.KAFKA_STORAGE_ERROR, KafkaError._MSG_TIMED_OUT}, errors
    assert KafkaError.KAFKA_STORAGE_ERROR in errors
    assert len(acked) > 1000, "the disk should have taken a good part before filling"

    # The broker keeps serving: the other topic reads back whole, and every record the
    # producer was told is stored is there, at its offset, unchanged.
    other = dict(read_all(bootstrap, "other"))
    assert [other[o] for o in sorted(other)] == [b"other-%d" % i for i in range(100)]
    stored = dict(read_all(bootstrap, "fill"))
    missing = [o for o, v in acked.items() if stored.get(o) != v]
    assert not missing, f"{len(missing)} acknowledged records lost, first {missing[:5]}"
    # The refused partition keeps refusing, with the same code, and the broker lives on.
    again = []
    filler.produce("fill", value=b"late", partition=0,
                   on_delivery=lambda err, msg: again.append(err and err.code()))
    filler.flush(TIMEOUT)
    assert again == [KafkaError.KAFKA_STORAGE_ERROR]
    assert broker.alive()
