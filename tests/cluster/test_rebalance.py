"""`strom cluster rebalance` against real `strom server` processes.

Three combined nodes hold a topic (12 partitions, two replicas) with records; a fourth,
broker-only node joins with nothing. `strom cluster rebalance` plans and runs the moves:
afterwards the replicas and preferred leaders are even over the four brokers, each moved
partition is led by its first replica, and every record is still there. `--drain 4` then
moves every replica off the fourth broker, and `--dry-run` plans nothing more.

On five brokers, a topic on {1,2,3} moves to {3,4,5} with `--drain 1,2` while an idempotent
acks=all producer writes: nothing acknowledged is lost or stored twice.
"""

import json
import subprocess
import time

from confluent_kafka import Producer

import cluster_kit as kit

TOPIC = "spread"
PARTITIONS = 12
RECORDS = 1200


def strom(*args, timeout=180):
    done = subprocess.run([kit.strom_bin(), *args], capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"strom {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done.stdout


def per_broker(addr, topic):
    """{broker: [replicas, preferred leaders, leaders]} of `topic` as Metadata shows it."""
    counts = {}
    for leader, replicas, _isr, _error in kit.metadata(addr)["topics"][topic]["partitions"].values():
        for i, b in enumerate(replicas):
            c = counts.setdefault(b, [0, 0, 0])
            c[0] += 1
            c[1] += i == 0
        counts.setdefault(leader, [0, 0, 0])[2] += 1
    return counts


def test_rebalance_spreads_over_a_new_broker_then_drains_it(cluster_factory):
    cluster = cluster_factory(3)
    cluster.wait_formed()
    kit.create_led_topic(cluster.bootstrap, TOPIC, PARTITIONS, rf=2)
    p = Producer({"bootstrap.servers": cluster.bootstrap, "enable.idempotence": True})
    for n in range(RECORDS):
        p.produce(TOPIC, value=f"r{n}", partition=n % PARTITIONS)
    assert p.flush(30) == 0

    port, controller_port = kit.free_ports(2)
    newcomer = kit.Node(4, "127.0.0.1", port, controller_port, cluster.base_dir / "node-4",
                        cluster.base_dir / "node-4.log")
    cluster.nodes.append(newcomer)
    newcomer.spawn(cluster.voters, cluster.cluster_id, ("--roles", "broker"))
    newcomer.wait_listening()
    cluster.wait_formed(expect=[1, 2, 3, 4], voters=[1, 2, 3])
    addr = cluster.node(1).addr
    assert 4 not in per_broker(addr, TOPIC)

    plan = json.loads(strom("cluster", "rebalance", "--dry-run", "--output", "json",
                            "--bootstrap", addr))
    assert plan["moves"], plan
    out = strom("cluster", "rebalance", "--bootstrap", addr)
    assert "done" in out, out
    counts = per_broker(addr, TOPIC)
    # 24 replicas over 4 brokers; internal topics were evened too, so allow one of slack.
    assert all(5 <= c[0] <= 7 for c in counts.values()), counts
    assert counts[4][0] >= 5 and counts[4][2] >= 2, counts
    leaders = kit.metadata(addr)["topics"][TOPIC]["partitions"]
    assert all(leader == replicas[0] for leader, replicas, _i, _e in leaders.values()), leaders
    again = json.loads(strom("cluster", "rebalance", "--dry-run", "--output", "json",
                             "--bootstrap", addr))
    assert again["moves"] == [], again

    out = strom("cluster", "rebalance", "--drain", "4", "--bootstrap", addr)
    assert "done" in out, out
    view = kit.metadata(addr)["topics"]
    assert all(4 not in replicas for t in view.values()
               for _l, replicas, _i, _e in t["partitions"].values()), view

    seen = set()
    from confluent_kafka import Consumer, TopicPartition
    c = Consumer({"bootstrap.servers": addr, "group.id": "rebalance-check",
                  "enable.auto.commit": False})
    c.assign([TopicPartition(TOPIC, part, 0) for part in range(PARTITIONS)])
    try:
        kit.wait_until("every record read back", lambda: seen.update(
            m.value().decode() for m in c.consume(500, 0.5) if not m.error()) or
            len(seen) == RECORDS, 60)
    finally:
        c.close()
    assert seen == {f"r{n}" for n in range(RECORDS)}


def test_draining_brokers_1_and_2_moves_a_topic_onto_3_4_5_while_producing(cluster_factory):
    """Five brokers; a topic on {1,2,3} (three replicas) while an idempotent acks=all producer
    writes; `rebalance --drain 1,2` moves every partition to {3,4,5}: nothing acknowledged is
    lost or stored twice."""
    from confluent_kafka.admin import AdminClient, NewTopic

    import test_replication as rep

    cluster = cluster_factory(5, env=rep.FAST_FENCING)
    cluster.wait_formed()
    admin = AdminClient({"bootstrap.servers": cluster.bootstrap})
    assignment = [[1, 2, 3], [2, 3, 1], [3, 1, 2]]
    admin.create_topics([NewTopic("moving", num_partitions=3, replication_factor=-1,
                                  replica_assignment=assignment)])["moving"].result(30)
    kit.wait_until("a full ISR", lambda: rep.full_isr(cluster, "moving", 3), 30)
    with rep.Writer(cluster, "moving") as writer:
        time.sleep(2)
        out = strom("cluster", "rebalance", "--drain", "1,2", "--bootstrap", cluster.bootstrap)
        time.sleep(2)
    assert "done" in out, out
    placed = {p: sorted(info.replicas) for p, info in rep.partitions_of(cluster, "moving").items()}
    assert all(r == [3, 4, 5] for r in placed.values()), placed
    assert not writer.failed, writer.failed[:5]
    assert len(writer.acked) == writer.sent
    seen = rep.consume_all(cluster, "moving", 3)
    lost = [v for v in writer.acked if v not in seen]
    assert not lost, f"{len(lost)} acknowledged records lost"
    twice = [v for v, at in seen.items() if len(at) > 1]
    assert not twice, f"{len(twice)} records stored twice"
