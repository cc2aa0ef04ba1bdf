"""The metadata log against damage, with the real binary: one flipped byte before the final
entry of `cluster-metadata.log` stops the start with a message naming the file and the byte
offset, and changes nothing on disk (no topic's data is deleted); the same flip in the final
entry is a torn write, which is cut off, and the broker starts with everything before it."""

import os
import struct
import subprocess
from pathlib import Path

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

from conftest import strom_bin

TIMEOUT = 30
LOG = "cluster-metadata.log"


def entries(path):
    """(offset, length) of each entry of the metadata log."""
    data = path.read_bytes()
    out, at = [], 0
    while at < len(data):
        length = struct.unpack(">I", data[at:at + 4])[0]
        out.append((at, 8 + length))
        at += 8 + length
    return out


def flip(path, at):
    data = bytearray(path.read_bytes())
    data[at] ^= 0x40
    path.write_bytes(bytes(data))


def snapshot(data_dir):
    """Every file under the data directory with its size (what 'nothing changed' means)."""
    return {str(p.relative_to(data_dir)): p.stat().st_size
            for p in Path(data_dir).rglob("*") if p.is_file()}


def populate(broker):
    """Three topics with a record each, then a config change as the final entry."""
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    for name in ("alpha", "beta", "gamma"):
        admin.create_topics([NewTopic(name, 2, 1)])[name].result(TIMEOUT)
    p = Producer({"bootstrap.servers": broker.bootstrap, "acks": "all"})
    for name in ("alpha", "beta", "gamma"):
        p.produce(name, value=name.encode(), partition=0)
    assert p.flush(TIMEOUT) == 0
    resource = ConfigResource("topic", "gamma", set_config={"retention.ms": "3600000"})
    list(admin.alter_configs([resource]).values())[0].result(TIMEOUT)


def read_one(broker, topic):
    c = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "check",
                  "enable.auto.commit": False})
    c.assign([TopicPartition(topic, 0, 0)])
    msg = None
    for _ in range(40):
        msg = c.poll(0.5)
        if msg is not None and msg.error() is None:
            break
    c.close()
    return None if msg is None else msg.value()


def test_damage_before_the_final_entry_stops_the_start_and_deletes_nothing(broker):
    """A byte flipped in the payload of the second entry (a topic's partitions, with valid
    entries after it) makes `strom server` exit with an error naming cluster-metadata.log and
    the entry's byte offset; every file of the data directory is left as it was."""
    populate(broker)
    broker.stop()
    log = Path(broker.data_dir) / LOG
    damaged_at, _ = entries(log)[1]
    flip(log, damaged_at + 20)
    before = snapshot(broker.data_dir)
    proc = subprocess.run(
        [strom_bin(), "server", "--data-dir", str(broker.data_dir), "--listen", "127.0.0.1:0"],
        capture_output=True, text=True, timeout=TIMEOUT, env=dict(os.environ))
    print(proc.stderr.strip().splitlines()[-1])
    assert proc.returncode != 0
    assert LOG in proc.stderr
    assert f"byte {damaged_at}" in proc.stderr
    assert snapshot(broker.data_dir) == before
    for name in ("alpha", "beta", "gamma"):
        assert (Path(broker.data_dir) / f"{name}-0").is_dir()


def test_a_torn_final_entry_is_cut_off_and_the_broker_starts(broker):
    """A byte flipped in the final entry (the config change) is a torn write: the broker
    truncates it and starts, and every topic and record before it is still served. The entries
    before it are kept byte for byte; what follows them now is what this start wrote (each
    start bumps the coordinator partitions' leader epochs), and the config change is gone."""
    populate(broker)
    broker.stop()
    log = Path(broker.data_dir) / LOG
    last_at, _ = entries(log)[-1]
    kept = log.read_bytes()[:last_at]
    flip(log, last_at + 20)
    broker.start(broker.port)
    assert log.read_bytes()[:last_at] == kept
    assert all(at + length <= log.stat().st_size for at, length in entries(log))
    for name in ("alpha", "beta", "gamma"):
        assert read_one(broker, name) == name.encode()
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    resource = ConfigResource("topic", "gamma")
    configs = list(admin.describe_configs([resource]).values())[0].result(TIMEOUT)
    assert configs["retention.ms"].value != "3600000", "the torn config change was replayed"
