"""The Kafka 4.3 Java client negotiates Strom's newest API versions and they work.

Each test opens with the contract it proves. The Java program is
tests/java-protocol/ProtocolProbe.java, run with java's source launcher on the classpath
Maven resolves from tests/java-protocol/pom.xml (kafka-clients 4.3.2); the broker logs every
request's API and version at debug level, which is how the versions on the wire are checked.
"""

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "java-protocol"
PROBE_SECONDS = 240


@pytest.fixture(scope="module")
def classpath(tmp_path_factory):
    if shutil.which("mvn") is None or shutil.which("java") is None:
        pytest.skip("needs Maven and a JDK (java 11+)")
    out = tmp_path_factory.mktemp("java") / "classpath.txt"
    subprocess.run(
        ["mvn", "-q", "-B", "-f", str(PROJECT / "pom.xml"), "dependency:build-classpath",
         f"-Dmdep.outputFile={out}"],
        check=True, timeout=600,
    )
    return out.read_text().strip()


def request_versions(log_path):
    """(api, version) pairs of every request the broker logged."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", Path(log_path).read_text(errors="replace"))
    return {(m.group(1), int(m.group(2)))
            for m in re.finditer(r'api="?(\w+)"? version=(\d+)', text)}


def test_java_43_client_uses_the_newest_versions(broker_factory, classpath):
    """A Java 4.3 KIP-848 consumer subscribed by a broker-side regex reads exactly the
    matching topics, commits and fetches offsets by topic id (OffsetCommit/OffsetFetch v10),
    and DescribeCluster v2, Metadata v13 and ConsumerGroupHeartbeat v1 arrive on the wire; a
    transactional producer speaks transaction version 2 (Produce v12+, TxnOffsetCommit v5,
    EndTxn v5, never AddPartitionsToTxn or AddOffsetsToTxn) and read_committed sees only
    its committed transaction.
    (The consumer resolves its assigned topic ids with Metadata by id, names left empty: a
    broker that reads the empty name as a topic name never lets it consume.)"""
    broker = broker_factory(env={"STROM_LOG": "info,strom_broker::dispatch=debug"})
    suffix = uuid.uuid4().hex[:8]
    run = subprocess.run(
        ["java", "-cp", classpath, str(PROJECT / "ProtocolProbe.java"), broker.bootstrap,
         suffix],
        capture_output=True, text=True, timeout=PROBE_SECONDS,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    facts = {}
    for line in run.stdout.splitlines():
        key, _, value = line.partition(" ")
        facts.setdefault(key, []).append(value)

    # The pattern matched both orders topics (10 records each), never payments.
    assert sorted(facts["consumed"]) == ["orders-eu 10", "orders-us 10"], run.stdout
    assert facts["committed_sum"] == ["20"], run.stdout
    assert facts["admin_committed_sum"] == ["20"], run.stdout
    assert facts["latest_sum"] == ["10"], run.stdout
    assert facts["group_type"] == ["Consumer"], run.stdout
    assert facts["cluster_nodes"] == ["1"], run.stdout

    # Transaction version 2: the committed transaction's records and offset, not the aborted.
    assert facts["txn_read"] == ["[committed-0, committed-1, committed-2]"], run.stdout
    assert facts["txn_offset"] == ["7"], run.stdout

    seen = request_versions(broker.log_path)
    assert any(api == "Produce" and v >= 12 for api, v in seen), sorted(seen)
    assert ("EndTxn", 5) in seen and ("TxnOffsetCommit", 5) in seen, sorted(seen)
    # With transaction version 2 the client adds neither partitions nor offsets itself.
    assert not any(api in ("AddPartitionsToTxn", "AddOffsetsToTxn") for api, _ in seen), \
        sorted(seen)
    for api, version in [
        ("ConsumerGroupHeartbeat", 1),
        ("OffsetCommit", 10),
        ("OffsetFetch", 10),
        ("DescribeCluster", 2),
        ("Metadata", 13),
        ("ConsumerGroupDescribe", 1),
    ]:
        assert (api, version) in seen, f"{api} v{version} not seen: {sorted(seen)}"
