"""Exactly-once across broker failures (three real `strom server` processes, every topic and
internal topic with three replicas): a consume-transform-produce loop (librdkafka's
transactional producer with `send_offsets_to_transaction`, tests/txn_copier.py in its own
process) copies COUNT records from one topic to another while a random broker is SIGKILLed
and restarted every few seconds. The copy, read with read_committed, holds every input
record exactly once.

The copier may die of a fatal error (fenced after its coordinator moved, as Kafka specifies);
it is then started again with the same transactional id, which fences what is left of the old
one and aborts its open transaction.
"""

import random
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition

import cluster_kit as kit

COPIER = Path(__file__).resolve().parents[1] / "txn_copier.py"
COUNT = 100_000
PARTITIONS = 6
KILL_EVERY_SECONDS = 6
DOWN_SECONDS = 2
COPY_SECONDS = 200


@pytest.fixture
def cluster(cluster_factory):
    c = cluster_factory(3, env=kit.FAST_FENCING)
    c.wait_formed()
    return c


def fill(bootstrap, topic):
    p = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True,
                  "linger.ms": 20, "batch.num.messages": 2000})
    for n in range(COUNT):
        while True:
            try:
                p.produce(topic, value=f"r{n}", partition=n % PARTITIONS)
                break
            except BufferError:
                p.poll(0.1)
    assert p.flush(60) == 0


def committed_copy(bootstrap, topic, quiet=5, limit=120):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": f"verify-{uuid.uuid4()}",
                  "enable.auto.commit": False, "isolation.level": "read_committed",
                  "auto.offset.reset": "earliest"})
    c.assign([TopicPartition(topic, p, 0) for p in range(PARTITIONS)])
    values = []
    started = last = time.monotonic()
    try:
        while time.monotonic() - last < quiet and time.monotonic() - started < limit:
            for m in c.consume(1000, 0.5):
                if not m.error():
                    values.append(m.value().decode())
                    last = time.monotonic()
    finally:
        c.close()
    return values


def output_count(bootstrap, topic):
    """Records in the output up to its last stable offsets (committed or aborted)."""
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": f"count-{uuid.uuid4()}",
                  "isolation.level": "read_committed"})
    try:
        return sum(c.get_watermark_offsets(TopicPartition(topic, p), 10)[1]
                   for p in range(PARTITIONS))
    except Exception:  # noqa: BLE001 - a broker down: asked again later
        return 0
    finally:
        c.close()


def start_copier(bootstrap, log):
    return subprocess.Popen(
        [sys.executable, str(COPIER), bootstrap, "eos-in", "eos-out", "eos-group", "eos-copier",
         "0", "500"], stdout=log, stderr=subprocess.STDOUT)


def test_an_exactly_once_copy_survives_brokers_killed_every_few_seconds(cluster, tmp_path):
    kit.create_led_topic(cluster.bootstrap, "eos-in", PARTITIONS)
    kit.create_led_topic(cluster.bootstrap, "eos-out", PARTITIONS)
    fill(cluster.bootstrap, "eos-in")
    rng = random.Random(20261205)
    log = open(tmp_path / "copier.log", "w")
    copier = start_copier(cluster.bootstrap, log)
    kills, restarts_of_copier = [], 0
    deadline = time.monotonic() + COPY_SECONDS
    try:
        while time.monotonic() < deadline:
            time.sleep(KILL_EVERY_SECONDS)
            if copier.poll() is not None:
                restarts_of_copier += 1
                copier = start_copier(cluster.bootstrap, log)
            # The copy is done once the output's committed end passes the input's size; the
            # output also holds aborted records, so this is a lower bound on the time.
            if output_count(cluster.bootstrap, "eos-out") >= COUNT and \
                    len(set(committed_copy(cluster.bootstrap, "eos-out", quiet=2))) >= COUNT:
                break
            victim = rng.choice(cluster.nodes)
            kills.append(victim.node_id)
            victim.kill()
            time.sleep(DOWN_SECONDS)
            cluster.restart(victim)
        copied = committed_copy(cluster.bootstrap, "eos-out")
    finally:
        copier.terminate()
        try:
            copier.wait(30)
        except subprocess.TimeoutExpired:
            copier.kill()
        log.close()
    missing = COUNT - len(set(copied))
    twice = len(copied) - len(set(copied))
    print(f"\nkills {kills}; copier restarts {restarts_of_copier}; "
          f"copied {len(copied)} records, {len(set(copied))} distinct")
    assert twice == 0, f"{twice} records copied twice"
    assert missing == 0, f"{missing} records not copied within {COPY_SECONDS} s " \
                         f"(kills {kills}); copier log: {(tmp_path / 'copier.log').read_text()[-2000:]}"
    assert set(copied) == {f"r{n}" for n in range(COUNT)}
