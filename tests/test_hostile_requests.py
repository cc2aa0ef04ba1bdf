"""Small requests that ask the broker to build large answers, each while a well-behaved
librdkafka producer, consumer and ApiVersions probe keep running: one entry repeated many
times (Metadata, DescribeProducers, DescribeConfigs) and huge topic names copied per
partition (Fetch v4). For each, the broker's resident memory stays within a stated bound, the
answer is small and quick, the well-behaved clients are answered within LATENCY_S, and every
acknowledged record reads back afterwards."""

import time

import hostile_kit as kit
from confluent_kafka import Producer
from hostile_kit import MB, Bystander, RssSampler

LATENCY_S = 5.0
# The largest answer any of these attacks may get back (a response per distinct entry).
ANSWER_MAX = 1 * MB
RSS_MAX = 60 * MB


def attack(b, payload, expect_correlation=1, wait_s=60):
    """Sends one request and reads its answer: (answer bytes, seconds, RSS growth); no
    answer within `wait_s` counts as an answer of -1 bytes."""
    rss = RssSampler(b.proc.pid)
    started = time.monotonic()
    with kit.connect(b.port, timeout=wait_s) as s:
        s.sendall(payload)
        try:
            corr, body = kit.read_response(s, timeout=wait_s)
        except TimeoutError:
            corr, body = expect_correlation, None
    took = time.monotonic() - started
    assert corr == expect_correlation
    return (-1 if body is None else len(body)), took, rss.stop()


def test_metadata_repeating_a_wide_topic_is_answered_once(broker_factory):
    """A 60 KB Metadata v1 request naming a 1,000-partition topic 20,000 times gets one
    description of the topic, not 20,000."""
    b = broker_factory()
    kit.create_topic(b, "r", partitions=1000)
    with Bystander(b) as by:
        size, took, grew = attack(b, kit.metadata_v1(["r"] * 20_000))
    print(f"metadata x20000: request {len(kit.metadata_v1(['r'] * 20_000))} B, answer {size} B "
          f"in {took:.2f}s, RSS +{grew / MB:.1f} MB; {by.summary()}")
    assert 0 < size < ANSWER_MAX
    assert grew < RSS_MAX
    by.assert_served(LATENCY_S)
    by.readback()


def test_describe_producers_repeating_a_partition_is_answered_once(broker_factory):
    """DescribeProducers naming one partition (with an idempotent producer on it) 100,000
    times describes it once."""
    b = broker_factory()
    kit.create_topic(b, "idem")
    p = Producer({"bootstrap.servers": b.bootstrap, "enable.idempotence": True})
    for i in range(10):
        p.produce("idem", value=b"x", partition=0)
    assert p.flush(30) == 0
    with Bystander(b) as by:
        size, took, grew = attack(b, kit.describe_producers_v0("idem", [0] * 100_000))
    print(f"describe producers x100000: answer {size} B in {took:.2f}s, RSS +{grew / MB:.1f} MB; "
          f"{by.summary()}")
    assert size < ANSWER_MAX
    assert grew < RSS_MAX
    by.assert_served(LATENCY_S)
    by.readback()


def test_describe_configs_repeating_a_topic_is_answered_once(broker_factory):
    """DescribeConfigs v1 with synonyms naming one topic 20,000 times describes it once."""
    b = broker_factory()
    kit.create_topic(b, "cfg")
    with Bystander(b) as by:
        size, took, grew = attack(b, kit.describe_configs_v1(["cfg"] * 20_000))
    print(f"describe configs x20000: answer {size} B in {took:.2f}s, RSS +{grew / MB:.1f} MB; "
          f"{by.summary()}")
    assert size < ANSWER_MAX
    assert grew < RSS_MAX
    by.assert_served(LATENCY_S)
    by.readback()


def test_fetch_with_a_huge_topic_name_is_not_copied_per_partition(broker_factory):
    """A 113 KB Fetch v4 naming a 32 KB topic with 5,000 partitions, sent five times at once,
    holds about what it sent, not a copy of the name per partition."""
    b = broker_factory()
    name = "n" * 32_000
    payload = kit.fetch_v4([(name, list(range(5000)))])
    with Bystander(b) as by:
        rss = RssSampler(b.proc.pid)
        socks = [kit.connect(b.port, timeout=60) for _ in range(5)]
        started = time.monotonic()
        for s in socks:
            s.sendall(payload)
        sizes = [len(kit.read_response(s, timeout=60)[1]) for s in socks]
        took = time.monotonic() - started
        grew = rss.stop()
        for s in socks:
            s.close()
    print(f"fetch 32 KB name x5000 partitions, x5: request {len(payload)} B, answers "
          f"{max(sizes)} B in {took:.2f}s, RSS +{grew / MB:.1f} MB; {by.summary()}")
    assert grew < RSS_MAX
    by.assert_served(LATENCY_S)
    by.readback()


def test_a_request_that_decodes_wide_is_charged_before_it_is_decoded(broker_factory):
    """A 20 MiB Metadata v1 request of ten million empty names would decode into some 700 MB
    of structs. Its decoded size is charged to the request budget before decoding, so it is
    refused (the connection closed) without the broker holding it, while a 2 MiB one of the
    same kind is decoded and answered."""
    b = broker_factory()

    def empty_names(mib):
        n = mib * MB // 2
        return kit.request(3, 1, kit.i32(n) + b"\0\0" * n)

    with Bystander(b) as by:
        rss = RssSampler(b.proc.pid)
        with kit.connect(b.port, timeout=60) as s:
            s.sendall(empty_names(20))
            refused = kit.closed_by_peer([s], 30) == 1
        size, took, _ = attack(b, empty_names(2))
        grew = rss.stop()
    print(f"20 MiB of empty names: refused {refused}; 2 MiB answered with {size} B in "
          f"{took:.2f}s; RSS +{grew / MB:.1f} MB; {by.summary()}")
    assert refused
    assert 0 < size < ANSWER_MAX
    assert grew < 200 * MB
    by.assert_served(LATENCY_S)
    by.readback()
