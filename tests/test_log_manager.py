"""The data directory's log manager under a live broker: retention and compaction run on
live topics (including after a config change), offset checkpoints are written, and a clean
restart loads logs without scanning them while a crash forces recovery."""

import re
import signal
import time
import uuid
from pathlib import Path

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

TIMEOUT = 30
# Background passes run every 100 ms so the tests do not wait minutes for them.
FAST_BACKGROUND = {
    "STROM_LOG_RETENTION_CHECK_INTERVAL_MS": "100",
    "STROM_LOG_CLEANER_BACKOFF_MS": "100",
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Kafka's smallest segment.bytes (1 MiB), and records a third of it, so segments roll
# every few records.
SEGMENT_BYTES = str(1024 * 1024)
RECORD_BYTES = 300 * 1024


def topic_name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def produce_one_batch_each(bootstrap, topic, values, keys=None, timestamp=None):
    """Produces each value as its own batch, so small segments roll often."""
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 0, "batch.num.messages": 1})
    for i, v in enumerate(values):
        kwargs = {"value": v, "partition": 0}
        if keys is not None:
            kwargs["key"] = keys[i]
        if timestamp is not None:
            kwargs["timestamp"] = timestamp
        p.produce(topic, **kwargs)
        p.flush(TIMEOUT)
    assert p.flush(TIMEOUT) == 0


def watermarks(bootstrap, topic):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused"})
    try:
        return c.get_watermark_offsets(TopicPartition(topic, 0), timeout=TIMEOUT)
    finally:
        c.close()


def segments(broker, topic):
    return sorted((Path(broker.data_dir) / f"{topic}-0").glob("*.log"))


def wait_for(predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def loaded_logs_lines(broker):
    text = ANSI.sub("", broker.log_path.read_text(errors="replace"))
    return [line for line in text.splitlines() if "loaded logs" in line]


def test_retention_deletes_old_segments_of_a_live_topic_after_a_config_change(broker_factory):
    """Old records sit untouched while retention.ms is unlimited; once AlterConfigs sets
    retention.ms, the background retention pass deletes every segment but the active one and
    the log start offset moves past the deleted records."""
    broker = broker_factory(env=FAST_BACKGROUND)
    topic = topic_name("retention")
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    admin.create_topics([NewTopic(topic, 1, 1, config={
        "segment.bytes": SEGMENT_BYTES, "retention.ms": "-1"})])[topic].result(TIMEOUT)
    an_hour_ago = int(time.time() * 1000) - 3_600_000
    produce_one_batch_each(broker.bootstrap, topic, [b"x" * RECORD_BYTES] * 20,
                           timestamp=an_hour_ago)
    before = segments(broker, topic)
    assert len(before) >= 5
    time.sleep(0.5)
    assert watermarks(broker.bootstrap, topic) == (0, 20)
    assert len(segments(broker, topic)) == len(before)

    res = ConfigResource(ConfigResource.Type.TOPIC, topic, set_config={
        "segment.bytes": SEGMENT_BYTES, "retention.ms": "60000"})
    admin.alter_configs([res])[res].result(TIMEOUT)
    assert wait_for(lambda: len(segments(broker, topic)) == 1), segments(broker, topic)
    low, high = watermarks(broker.bootstrap, topic)
    assert high == 20 and 0 < low <= 20


def test_compaction_keeps_the_latest_record_per_key_on_a_live_topic(broker_factory):
    """On a topic with cleanup.policy=compact and small segments, the cleaner removes
    overwritten keys from the rolled segments while the broker serves, and the latest value
    of every key stays readable."""
    broker = broker_factory(env=FAST_BACKGROUND)
    topic = topic_name("compact")
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    admin.create_topics([NewTopic(topic, 1, 1, config={
        "cleanup.policy": "compact", "segment.bytes": SEGMENT_BYTES,
        "min.cleanable.dirty.ratio": "0.01"})])[topic].result(TIMEOUT)
    keys = [f"k{i % 3}".encode() for i in range(30)]
    values = [f"v{i:02}".encode().ljust(RECORD_BYTES, b".") for i in range(30)]
    produce_one_batch_each(broker.bootstrap, topic, values, keys=keys)

    def surviving():
        """Every record from the start up to the last offset (which is never compacted)."""
        c = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "unused",
                      "enable.auto.commit": False})
        c.assign([TopicPartition(topic, 0, 0)])
        out = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            msg = c.poll(0.5)
            if msg is None or msg.error():
                continue
            out.append((msg.key(), msg.value()))
            if msg.offset() == 29:
                break
        c.close()
        return out

    assert wait_for(lambda: len(surviving()) < 30)
    latest = dict(zip(keys, values))
    got = surviving()
    assert {k: v for k, v in got} == latest
    assert len(got) < 30


def test_clean_restart_skips_recovery_and_a_crash_does_not(broker):
    """After SIGTERM the broker writes the offset checkpoints and the clean-shutdown marker,
    so the next start loads logs as cleanly shut down; after SIGKILL there is no marker and
    the next start recovers. Records and offsets survive both."""
    topic = topic_name("restart")
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(TIMEOUT)
    produce_one_batch_each(broker.bootstrap, topic, [b"a", b"b", b"c"])
    assert "clean_shutdown=false" in loaded_logs_lines(broker)[-1]

    broker.stop(signal.SIGTERM)
    data = Path(broker.data_dir)
    assert (data / ".kafka_cleanshutdown").exists()
    checkpoint = (data / "recovery-point-offset-checkpoint").read_text().split("\n")
    assert f"{topic} 0 3" in checkpoint
    assert f"{topic} 0 3" in (data / "replication-offset-checkpoint").read_text().split("\n")
    broker.start(broker.port)
    assert "clean_shutdown=true" in loaded_logs_lines(broker)[-1]
    assert not (data / ".kafka_cleanshutdown").exists()
    assert watermarks(broker.bootstrap, topic) == (0, 3)

    produce_one_batch_each(broker.bootstrap, topic, [b"d"])
    broker.restart(signal.SIGKILL)
    assert "clean_shutdown=false" in loaded_logs_lines(broker)[-1]
    assert watermarks(broker.bootstrap, topic) == (0, 4)
