"""Nodes that do not belong are refused at start with a message saying what is wrong, and the
cluster they tried to join carries on unharmed: a data directory of another cluster (its
meta.properties names another cluster.id), a voter list that disagrees with the cluster's
(on a node's own directory, and on a fresh node), and a second process with a node.id that a
running node already has."""

import re

import cluster_kit as kit

REFUSAL_SECONDS = 20
# A short broker session, so the cluster drops a stopped node quickly when the tests check
# that the others carry on.
SHORT_SESSION = {"STROM_BROKER_SESSION_TIMEOUT_MS": "3000",
                 "STROM_BROKER_HEARTBEAT_INTERVAL_MS": "500"}


def refused(cluster, node, voters=None, cluster_id="same", extra=()):
    """Starts `node` expecting it to exit non-zero before long; returns its log's end."""
    cid = cluster.cluster_id if cluster_id == "same" else cluster_id
    node.spawn(voters or cluster.voters, cid, extra)
    code = node.wait_exit(REFUSAL_SECONDS)
    tail = node.log_tail(40)
    assert code is not None, \
        f"node {node.node_id} was not refused: still running after {REFUSAL_SECONDS} s\n{tail}"
    assert code != 0, f"node {node.node_id} exited 0\n{tail}"
    return tail


def rewrite_cluster_id(data_dir, new_id):
    path = data_dir / "meta.properties"
    text = path.read_text()
    path.write_text(re.sub(r"cluster\.id=\S+", f"cluster.id={new_id}", text))


def test_a_data_directory_of_another_cluster_is_refused(cluster_factory):
    # Node 3's directory now says it belongs to another cluster: started with this cluster's
    # id it is refused, and the message names both ids.
    cluster = cluster_factory(3, env=SHORT_SESSION)
    cluster.wait_formed()
    node = cluster.node(3)
    node.stop()
    other = kit.fresh_cluster_id()
    rewrite_cluster_id(node.data_dir, other)
    tail = refused(cluster, node)
    assert other in tail and cluster.cluster_id in tail, tail
    cluster.wait_formed(nodes=cluster.nodes[:2], expect=[1, 2])


def test_a_data_directory_of_another_cluster_is_refused_without_the_flag(cluster_factory):
    # Started without --cluster-id, the node only knows its directory's (foreign) id; the
    # quorum it reaches has another one, so it must still be refused rather than join.
    cluster = cluster_factory(3, env=SHORT_SESSION)
    cluster.wait_formed()
    node = cluster.node(3)
    node.stop()
    other = kit.fresh_cluster_id()
    rewrite_cluster_id(node.data_dir, other)
    tail = refused(cluster, node, cluster_id=None)
    assert "cluster" in tail.lower() and other in tail, tail
    cluster.wait_formed(nodes=cluster.nodes[:2], expect=[1, 2])


def test_a_changed_voter_list_on_a_formed_directory_is_refused(cluster_factory):
    # Node 3 restarted with a fourth voter added is refused, naming the list its directory's
    # quorum was formed with and the configured one.
    cluster = cluster_factory(3, env=SHORT_SESSION)
    cluster.wait_formed()
    node = cluster.node(3)
    node.stop()
    extra_port = kit.free_ports(1)[0]
    voters = f"{cluster.voters},4@127.0.0.1:{extra_port}"
    tail = refused(cluster, node, voters=voters)
    assert "voters" in tail.lower() and f"4@127.0.0.1:{extra_port}" in tail, tail
    cluster.wait_formed(nodes=cluster.nodes[:2], expect=[1, 2])


def test_a_fresh_node_whose_voter_list_disagrees_is_refused(cluster_factory):
    # Nodes 1 and 2 agree on voters {1, 2, 3}; node 3 is started (fresh) with {1, 2, 3, 4}.
    # It is refused with a message about the voter list, and nodes 1 and 2 form without it.
    cluster = cluster_factory(3, start=False, env=SHORT_SESSION)
    extra_port = kit.free_ports(1)[0]
    cluster.start(nodes=cluster.nodes[:2])
    tail = refused(cluster, cluster.node(3),
                   voters=f"{cluster.voters},4@127.0.0.1:{extra_port}")
    assert "voter" in tail.lower(), tail
    cluster.wait_formed(nodes=cluster.nodes[:2], expect=[1, 2])


def test_a_duplicate_node_id_is_refused(cluster_factory, tmp_path):
    # A second process claiming the node.id of the active controller (the hardest case: the
    # leader the others name has the twin's own id) with its own directory and ports and the
    # same voter list is refused within 20 s naming the id, and the broker stays listed at
    # the original node's address.
    cluster = cluster_factory(3, env=SHORT_SESSION)
    twin = cluster.wait_formed()
    port, controller_port = kit.free_ports(2)
    dup = kit.Node(twin, "127.0.0.1", port, controller_port, tmp_path / f"dup-{twin}",
                   tmp_path / f"dup-{twin}.log")
    try:
        tail = refused(cluster, dup)
    finally:
        dup.kill()
    assert re.search(rf"node[ ._]?id\W*{twin}|duplicate|already registered", tail, re.I), tail
    cluster.wait_formed()
    for n in cluster.nodes:
        host, listed_port, _ = kit.metadata(n.addr)["brokers"][twin]
        assert listed_port == cluster.node(twin).port, \
            f"node {n.node_id} lists broker {twin} at {host}:{listed_port}, the twin's address"
