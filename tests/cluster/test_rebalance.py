"""`strom cluster rebalance` against real `strom server` processes.

Three combined nodes hold a topic (12 partitions, two replicas) with records; a fourth,
broker-only node joins with nothing. `strom cluster rebalance` plans and runs the moves:
afterwards the replicas and preferred leaders are even over the four brokers, each moved
partition is led by its first replica, and every record is still there. `--drain 4` then
moves every replica off the fourth broker, and `--dry-run` plans nothing more.
"""

import json
import subprocess

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
