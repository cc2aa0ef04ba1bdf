"""kafka-python, aiokafka and kcat against the real broker: each produces, consumes and
administers topics with its own protocol implementation."""

import asyncio
import shutil
import subprocess
import uuid

import pytest

TIMEOUT = 30


def name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_kafka_python_produce_consume_admin(broker):
    """kafka-python creates a topic, produces keyed gzip messages with acks=all, reads them
    back in order, and deletes the topic."""
    from kafka import KafkaConsumer, KafkaProducer, TopicPartition
    from kafka.admin import KafkaAdminClient, NewTopic

    topic = name("kp")
    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap, request_timeout_ms=10_000)
    admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)])
    producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all",
                             compression_type="gzip")
    for i in range(100):
        producer.send(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), partition=0,
                      headers=[("n", str(i).encode())])
    producer.flush(timeout=TIMEOUT)
    producer.close()
    consumer = KafkaConsumer(bootstrap_servers=broker.bootstrap, auto_offset_reset="earliest",
                             enable_auto_commit=False, consumer_timeout_ms=5000)
    consumer.assign([TopicPartition(topic, 0)])
    consumer.seek_to_beginning()
    got = []
    for msg in consumer:
        got.append(msg)
        if len(got) == 100:
            break
    consumer.close()
    assert [m.value for m in got] == [f"v{i}".encode() for i in range(100)]
    assert got[5].key == b"k5" and got[5].headers == [("n", b"5")]
    assert topic in admin.list_topics()
    admin.delete_topics([topic])
    assert topic not in admin.list_topics()
    admin.close()


def test_aiokafka_produce_consume(broker):
    """aiokafka produces with lz4 and consumes everything back from the beginning."""
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

    topic = name("aio")

    async def run():
        producer = AIOKafkaProducer(bootstrap_servers=broker.bootstrap, compression_type="lz4")
        await producer.start()
        try:
            for i in range(50):
                await producer.send_and_wait(topic, f"a{i}".encode(), partition=0)
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(bootstrap_servers=broker.bootstrap,
                                    auto_offset_reset="earliest", enable_auto_commit=False)
        await consumer.start()
        try:
            tp = TopicPartition(topic, 0)
            consumer.assign([tp])
            await consumer.seek_to_beginning(tp)
            got = []
            async with asyncio.timeout(TIMEOUT):
                while len(got) < 50:
                    batch = await consumer.getmany(tp, timeout_ms=1000)
                    got.extend(m.value for m in batch.get(tp, []))
            return got
        finally:
            await consumer.stop()

    assert asyncio.run(run()) == [f"a{i}".encode() for i in range(50)]


@pytest.mark.skipif(shutil.which("kcat") is None, reason="kcat not installed")
def test_kcat_lists_produces_and_consumes(broker):
    """kcat -L lists the broker, -P produces lines, -C reads them back with offsets."""
    topic = name("kcat")
    listing = subprocess.run(["kcat", "-b", broker.bootstrap, "-L"], capture_output=True,
                             text=True, timeout=TIMEOUT, check=True)
    assert "broker 1 at 127.0.0.1" in listing.stdout
    subprocess.run(["kcat", "-b", broker.bootstrap, "-P", "-t", topic, "-z", "snappy"],
                   input="one\ntwo\nthree\n", text=True, timeout=TIMEOUT, check=True)
    out = subprocess.run(["kcat", "-b", broker.bootstrap, "-C", "-t", topic, "-o", "beginning",
                          "-e", "-f", "%o:%s\n"], capture_output=True, text=True,
                         timeout=TIMEOUT, check=True)
    assert out.stdout.splitlines() == ["0:one", "1:two", "2:three"]
