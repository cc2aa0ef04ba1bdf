"""Partition reassignment driven by Kafka's own tool (kafka-reassign-partitions, run from
Kafka's jars through scripts/kafka-peer.sh): --execute with a replication throttle moves two
partitions of a replicated topic onto other brokers while a producer keeps writing, --verify
waits for the move and removes the throttle, and afterwards every record is there, the new
replicas hold the same bytes as each other, and the brokers that left no longer keep a copy.
Also ElectLeaders through kafka-leader-election. Skipped without Java and Maven.
"""

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from confluent_kafka.admin import NewTopic

import cluster_kit as kit
from test_replication import (FAST_FENCING, Writer, admin, consume_all, create_replicated,
                              partition_log_bytes, partitions_of)  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
PEER = ROOT / "scripts" / "kafka-peer.sh"
TOOL_SECONDS = 180


def kafka_tool(main, *args):
    out = subprocess.run([str(PEER), "run", main, *args], capture_output=True, text=True,
                         timeout=TOOL_SECONDS)
    return out.returncode, out.stdout + out.stderr


@pytest.fixture(scope="module")
def tools():
    if not shutil.which("java") or not shutil.which("mvn"):
        pytest.skip("Kafka's tools need java and mvn")
    resolved = subprocess.run([str(PEER), "classpath"], capture_output=True, text=True,
                              timeout=600)
    if resolved.returncode != 0:
        pytest.skip("Kafka's jars could not be resolved")


def test_kafka_reassign_partitions_moves_replicas_with_a_throttle(tools, cluster_factory,
                                                                  tmp_path):
    cluster = cluster_factory(4, env=FAST_FENCING)
    cluster.wait_formed()
    client = admin(cluster)
    futures = client.create_topics([NewTopic("mv", num_partitions=2, replication_factor=2)])
    futures["mv"].result(timeout=30)
    kit.wait_until("mv: replicas in sync", lambda: all(
        len(p.isrs) == 2 for p in partitions_of(cluster, "mv").values()), 30)
    # Each partition moves wholly onto the two brokers that do not hold it.
    before = {p: sorted(info.replicas) for p, info in partitions_of(cluster, "mv").items()}
    after = {p: [n for n in cluster.ids() if n not in old] for p, old in before.items()}
    plan = {"version": 1, "partitions": [
        {"topic": "mv", "partition": p, "replicas": new} for p, new in after.items()]}
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    main = "org.apache.kafka.tools.reassign.ReassignPartitionsCommand"
    with Writer(cluster, "mv") as writer:
        time.sleep(1)
        code, out = kafka_tool(main, "--bootstrap-server", cluster.bootstrap,
                               "--reassignment-json-file", str(plan_file), "--execute",
                               "--throttle", "50000000")
        assert code == 0, out
        assert "Successfully started partition reassignments" in out, out

        def verified():
            code, out = kafka_tool(main, "--bootstrap-server", cluster.bootstrap,
                                   "--reassignment-json-file", str(plan_file), "--verify")
            assert code == 0, out
            return "is still in progress" not in out and "Clearing broker-level throttles" in out

        kit.wait_until("kafka-reassign-partitions --verify: complete", verified, 120,
                       interval=2)
        time.sleep(1)
    assert not writer.failed, writer.failed[:5]
    found = partitions_of(cluster, "mv")
    assert {p: sorted(info.replicas) for p, info in found.items()} == after
    seen = consume_all(cluster, "mv", 2)
    assert all(v in seen for v in writer.acked), "acknowledged records lost in the move"
    for p, new in after.items():
        old = before[p]
        kit.wait_until(f"mv-{p}: the new replicas agree", lambda: len(
            {partition_log_bytes(cluster.node(n), "mv", p) for n in new}) == 1, 30)
        for n in set(old) - set(new):
            kit.wait_until(f"mv-{p}: broker {n}'s copy deleted", lambda: not (
                Path(cluster.node(n).data_dir) / f"mv-{p}").exists(), 30)
    # The throttle configs --verify removed are gone again.
    code, out = kafka_tool("kafka.admin.ConfigCommand", "--bootstrap-server",
                           cluster.bootstrap, "--entity-type", "topics", "--entity-name", "mv",
                           "--describe")
    assert code == 0, out
    assert "throttled.replicas" not in out, out


def test_kafka_leader_election_moves_a_leader_back_to_its_preferred_replica(tools,
                                                                            cluster_factory):
    cluster = cluster_factory(3, env=FAST_FENCING)
    cluster.wait_formed()
    create_replicated(cluster, "pref", partitions=1)
    preferred = partitions_of(cluster, "pref")[0].replicas[0]
    node = cluster.node(preferred)
    node.stop()
    kit.wait_until("another leader", lambda: partitions_of(cluster, "pref")[0].leader
                   not in (-1, preferred), 30)
    cluster.restart(node)
    kit.wait_until("the preferred replica back in sync",
                   lambda: len(partitions_of(cluster, "pref")[0].isrs) == 3, 60)
    code, out = kafka_tool("org.apache.kafka.tools.LeaderElectionCommand", "--bootstrap-server",
                           cluster.bootstrap, "--election-type", "preferred", "--topic", "pref",
                           "--partition", "0")
    assert code == 0, out
    assert "Successfully completed leader election" in out, out
    kit.wait_until("the preferred replica leads", lambda: partitions_of(cluster, "pref")[0].leader
                   == preferred, 15)
