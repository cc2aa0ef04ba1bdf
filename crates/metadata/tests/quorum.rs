//! The metadata quorum as a whole: in-process clusters of voters (in-memory transport, and
//! once over TCP) electing a leader, replicating commits, surviving the loss of the leader,
//! catching a lagging node up from a snapshot, and restarting from their directories.
//! Every wait is bounded.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use strom_metadata::quorum::{
    MemoryRouter, QuorumError, QuorumLimits, QuorumNode, RaftNodeId, RaftTransport, TcpTransport,
    VoterAddress, serve_raft,
};
use strom_metadata::{MetadataImage, MetadataRecord, TopicId, TopicRecord};
use tokio::sync::watch;

/// Longest any one step of a test may take.
const STEP_TIMEOUT: Duration = Duration::from_secs(20);

fn fast_limits() -> QuorumLimits {
    QuorumLimits {
        election_timeout_min_ms: 150,
        election_timeout_max_ms: 300,
        heartbeat_interval_ms: 50,
        rpc_timeout_ms: 1_000,
        ..QuorumLimits::default()
    }
}

fn topic(name: &str) -> Vec<MetadataRecord> {
    vec![MetadataRecord::Topic(TopicRecord {
        name: name.into(),
        topic_id: TopicId::random(),
    })]
}

/// Voters of an in-memory cluster, each in its own directory.
struct MemoryCluster {
    _root: tempfile::TempDir,
    dirs: BTreeMap<RaftNodeId, PathBuf>,
    voters: BTreeMap<RaftNodeId, VoterAddress>,
    router: Arc<MemoryRouter>,
    limits: QuorumLimits,
    nodes: BTreeMap<RaftNodeId, QuorumNode>,
}

impl MemoryCluster {
    async fn start(ids: &[RaftNodeId], limits: QuorumLimits) -> MemoryCluster {
        let root = tempfile::tempdir().unwrap();
        let dirs = ids
            .iter()
            .map(|id| (*id, root.path().join(format!("node-{id}"))))
            .collect();
        let voters = ids
            .iter()
            .map(|id| {
                (
                    *id,
                    VoterAddress {
                        addr: format!("memory:{id}"),
                    },
                )
            })
            .collect();
        let router = MemoryRouter::new(limits.rpc_frame_bytes_max, limits.snapshot_bytes_max);
        let mut cluster = MemoryCluster {
            _root: root,
            dirs,
            voters,
            router,
            limits,
            nodes: BTreeMap::new(),
        };
        for id in ids {
            cluster.start_node(*id).await;
        }
        cluster
    }

    async fn open_node(&self, id: RaftNodeId) -> QuorumNode {
        QuorumNode::open(
            &self.dirs[&id],
            id,
            self.voters.clone(),
            self.router.transport(id),
            self.limits.clone(),
        )
        .await
        .expect("node opens")
    }

    async fn start_node(&mut self, id: RaftNodeId) {
        let node = self.open_node(id).await;
        self.router.register(id, node.raft().clone());
        self.nodes.insert(id, node);
    }

    /// Stops node `id` as a crash would look to the others: gone from the network at once.
    async fn stop_node(&mut self, id: RaftNodeId) {
        self.router.unregister(id);
        let node = self.nodes.remove(&id).expect("running");
        node.shutdown().await;
    }

    /// The leader every running node in `among` agrees on.
    async fn leader(&self, among: &[RaftNodeId]) -> RaftNodeId {
        tokio::time::timeout(STEP_TIMEOUT, async {
            loop {
                let seen: Vec<Option<RaftNodeId>> =
                    among.iter().map(|id| self.nodes[id].leader()).collect();
                if let Some(Some(leader)) = seen.first()
                    && seen.iter().all(|s| *s == Some(*leader))
                    && among.contains(leader)
                {
                    return *leader;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
        .expect("a leader is elected in time")
    }

    /// Commits `records` through whichever running node leads, retrying while leadership
    /// moves.
    async fn propose(&self, records: Vec<MetadataRecord>) -> u64 {
        tokio::time::timeout(STEP_TIMEOUT, async {
            loop {
                for node in self.nodes.values() {
                    match node.propose(records.clone()).await {
                        Ok(applied) => return applied.record_count,
                        Err(QuorumError::NotController { .. } | QuorumError::NotCommitted(_)) => {}
                        Err(e) => panic!("proposal failed: {e}"),
                    }
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
        .expect("the proposal commits in time")
    }

    /// Waits until node `id` has applied `record_count` records; its image then.
    async fn applied(&self, id: RaftNodeId, record_count: u64) -> Arc<MetadataImage> {
        wait_applied(&self.nodes[&id], record_count).await
    }
}

async fn wait_applied(node: &QuorumNode, record_count: u64) -> Arc<MetadataImage> {
    let mut images = node.images();
    let waited = images.wait_for(|image| image.record_count() >= record_count);
    let image = tokio::time::timeout(STEP_TIMEOUT, waited)
        .await
        .expect("applied in time")
        .expect("node running");
    Arc::clone(&image)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_voters_elect_one_leader_and_replicate_every_commit() {
    // Three voters agree on one leader; five commits through it reach every node, whose
    // images are then equal.
    let cluster = MemoryCluster::start(&[1, 2, 3], fast_limits()).await;
    let leader = cluster.leader(&[1, 2, 3]).await;
    assert!((1..=3).contains(&leader));
    let mut count = 0;
    for i in 0..5 {
        count = cluster.propose(topic(&format!("t{i}"))).await;
    }
    assert_eq!(count, 5);
    let images: Vec<_> = [1, 2, 3]
        .iter()
        .map(|id| cluster.applied(*id, count))
        .collect();
    let mut applied = Vec::new();
    for image in images {
        applied.push(image.await);
    }
    assert_eq!(applied[0].topic_count(), 5);
    assert!(applied.iter().all(|image| image == &applied[0]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_leader_is_replaced_and_rejoins_caught_up() {
    // When the leader goes away the other two elect one of themselves, keep committing,
    // and the old leader, restarted from its directory, catches up to the same image.
    let mut cluster = MemoryCluster::start(&[1, 2, 3], fast_limits()).await;
    let old = cluster.leader(&[1, 2, 3]).await;
    cluster.propose(topic("before")).await;
    cluster.stop_node(old).await;
    let rest: Vec<RaftNodeId> = [1, 2, 3].into_iter().filter(|id| *id != old).collect();
    let new = cluster.leader(&rest).await;
    assert_ne!(new, old);
    let count = cluster.propose(topic("after")).await;
    let image = cluster.applied(new, count).await;
    assert!(image.topic("before").is_some() && image.topic("after").is_some());
    cluster.start_node(old).await;
    assert_eq!(*cluster.applied(old, count).await, *image);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lagging_node_catches_up_from_a_snapshot_after_truncation() {
    // A follower cut off while the others commit, snapshot and purge their logs past what
    // it has cannot be sent those entries: on reconnecting it installs a snapshot and ends
    // with the same image.
    let limits = QuorumLimits {
        snapshot_every_entries: 10,
        log_entries_kept_behind_snapshot: 0,
        snapshot_chunk_bytes: 512,
        ..fast_limits()
    };
    let cluster = MemoryCluster::start(&[1, 2, 3], limits).await;
    let leader = cluster.leader(&[1, 2, 3]).await;
    let lagging = [1, 2, 3].into_iter().find(|id| *id != leader).unwrap();
    cluster.propose(topic("first")).await;
    cluster.applied(lagging, 1).await;
    cluster.router.isolate(lagging);
    let mut count = 0;
    for i in 0..40 {
        count = cluster.propose(topic(&format!("t{i}"))).await;
    }
    let lagging_last = cluster.nodes[&lagging].log_state().1.unwrap().index;
    tokio::time::timeout(STEP_TIMEOUT, async {
        loop {
            let purged = cluster.nodes[&leader].log_state().0;
            if purged.is_some_and(|p| p.index > lagging_last + 1) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the leader purges its log behind a snapshot");
    cluster.router.heal(lagging);
    let caught_up = cluster.applied(lagging, count).await;
    assert_eq!(*caught_up, *cluster.applied(leader, count).await);
    assert_eq!(caught_up.topic_count(), 41);
    let metrics = cluster.nodes[&lagging].raft().metrics().borrow().clone();
    assert!(
        metrics.snapshot.is_some_and(|s| s.index > lagging_last),
        "the lagging node installed a snapshot: {:?}",
        metrics.snapshot
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_node_keeps_its_log_and_vote_and_the_cluster_its_image() {
    // A node reopened from its directory holds the same log and vote it had; the whole
    // cluster stopped and restarted serves the same image as before.
    let mut cluster = MemoryCluster::start(&[1, 2, 3], fast_limits()).await;
    cluster.leader(&[1, 2, 3]).await;
    let mut count = 0;
    for i in 0..3 {
        count = cluster.propose(topic(&format!("t{i}"))).await;
    }
    let before = cluster.applied(2, count).await;
    for id in [1, 2, 3] {
        cluster.applied(id, count).await;
    }
    let (log_state, vote) = (cluster.nodes[&2].log_state(), cluster.nodes[&2].vote());
    assert!(vote.is_some() && log_state.1.is_some());
    for id in [1, 2, 3] {
        cluster.stop_node(id).await;
    }
    let reopened = cluster.open_node(2).await;
    assert_eq!(reopened.log_state(), log_state);
    assert_eq!(reopened.vote(), vote);
    reopened.shutdown().await;
    for id in [1, 2, 3] {
        cluster.start_node(id).await;
    }
    cluster.leader(&[1, 2, 3]).await;
    for id in [1, 2, 3] {
        assert_eq!(*cluster.applied(id, count).await, *before);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_voters_over_tcp_elect_and_replicate() {
    // The same quorum over real sockets on loopback: each voter serves Raft on its own
    // controller listener, and commits reach every node.
    let limits = fast_limits();
    let root = tempfile::tempdir().unwrap();
    let mut listeners = BTreeMap::new();
    for id in 1..=3u64 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        listeners.insert(id, listener);
    }
    let voters: BTreeMap<RaftNodeId, VoterAddress> = listeners
        .iter()
        .map(|(id, l)| {
            (
                *id,
                VoterAddress {
                    addr: l.local_addr().unwrap().to_string(),
                },
            )
        })
        .collect();
    let (stop, stopped) = watch::channel(false);
    let mut nodes = BTreeMap::new();
    for (id, listener) in listeners {
        let transport: Arc<dyn RaftTransport> =
            Arc::new(TcpTransport::new(limits.rpc_frame_bytes_max));
        let dir = root.path().join(format!("node-{id}"));
        let node = QuorumNode::open(&dir, id, voters.clone(), transport, limits.clone())
            .await
            .expect("node opens");
        tokio::spawn(serve_raft(
            listener,
            node.raft().clone(),
            limits.rpc_frame_bytes_max,
            limits.snapshot_bytes_max,
            stopped.clone(),
        ));
        nodes.insert(id, node);
    }
    let count = tokio::time::timeout(STEP_TIMEOUT, async {
        loop {
            for node in nodes.values() {
                if let Ok(applied) = node.propose(topic("over-tcp")).await {
                    return applied.record_count;
                }
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("commits over tcp in time");
    for node in nodes.values() {
        assert!(wait_applied(node, count).await.topic("over-tcp").is_some());
    }
    let _ = stop.send(true);
    for node in nodes.values() {
        node.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leader_cut_off_from_the_majority_commits_nothing_and_the_majority_moves_on() {
    // The leader, partitioned away, cannot commit what it is asked to; the other two elect
    // a leader and commit; after healing, the old leader drops its uncommitted entry and
    // every node holds the majority's image.
    let mut cluster = MemoryCluster::start(&[1, 2, 3], fast_limits()).await;
    let old = cluster.leader(&[1, 2, 3]).await;
    let before = cluster.propose(topic("before")).await;
    cluster.router.isolate(old);
    let minority = tokio::time::timeout(
        Duration::from_millis(1_500),
        cluster.nodes[&old].propose(topic("minority")),
    )
    .await;
    assert!(
        !matches!(minority, Ok(Ok(_))),
        "a partitioned leader committed: {minority:?}"
    );
    let rest: Vec<RaftNodeId> = [1, 2, 3].into_iter().filter(|id| *id != old).collect();
    let isolated = cluster.nodes.remove(&old).expect("running");
    let new = cluster.leader(&rest).await;
    assert_ne!(new, old);
    let count = cluster.propose(topic("majority")).await;
    assert!(count > before);
    cluster.router.heal(old);
    cluster.nodes.insert(old, isolated);
    let majority = cluster.applied(new, count).await;
    let healed = cluster.applied(old, count).await;
    assert_eq!(*healed, *majority);
    assert!(healed.topic("minority").is_none() && healed.topic("majority").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_voters_commit_with_two_of_them_gone() {
    // A five-voter quorum elects, replicates, and keeps committing after losing its leader
    // and one more voter (three of five remain a majority).
    let mut cluster = MemoryCluster::start(&[1, 2, 3, 4, 5], fast_limits()).await;
    let leader = cluster.leader(&[1, 2, 3, 4, 5]).await;
    cluster.propose(topic("five")).await;
    let other = [1, 2, 3, 4, 5]
        .into_iter()
        .find(|id| *id != leader)
        .unwrap();
    cluster.stop_node(leader).await;
    cluster.stop_node(other).await;
    let rest: Vec<RaftNodeId> = cluster.nodes.keys().copied().collect();
    cluster.leader(&rest).await;
    let count = cluster.propose(topic("three")).await;
    for id in rest {
        let image = cluster.applied(id, count).await;
        assert!(image.topic("five").is_some() && image.topic("three").is_some());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_raft_listener_bounds_frames_and_refuses_what_it_cannot_decode() {
    // On the controller listener a frame longer than the bound is never read (the
    // connection closes); a request that does not decode is answered "refused" and the
    // connection stays usable; a well-formed Vote request gets a Vote answer.
    use openraft::raft::VoteRequest;
    use strom_metadata::quorum::{RaftRequest, RaftResponse};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    const FRAME_MAX: usize = 4096;
    let cluster = MemoryCluster::start(&[1], fast_limits()).await;
    cluster.leader(&[1]).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = watch::channel(false);
    let raft = cluster.nodes[&1].raft().clone();
    let served = tokio::spawn(serve_raft(listener, raft, FRAME_MAX, 1 << 20, stopped));
    let frame = |kind: u8, body: &[u8]| {
        let mut f = ((body.len() + 1) as u32).to_be_bytes().to_vec();
        f.push(kind);
        f.extend_from_slice(body);
        f
    };
    let read_frame = |mut s: tokio::net::TcpStream| async move {
        let mut length = [0u8; 4];
        s.read_exact(&mut length).await.expect("answer length");
        let mut body = vec![0u8; u32::from_be_bytes(length) as usize];
        s.read_exact(&mut body).await.expect("answer body");
        (s, body[0], body[1..].to_vec())
    };
    let bounded = async {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(&((FRAME_MAX as u32 + 1).to_be_bytes()))
            .await
            .unwrap();
        let mut rest = Vec::new();
        assert_eq!(
            s.read_to_end(&mut rest).await.unwrap(),
            0,
            "closed unanswered"
        );

        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(&frame(1, b"not a request")).await.unwrap();
        let (mut s, kind, body) = read_frame(s).await;
        assert_eq!(kind, 3, "{}", String::from_utf8_lossy(&body));
        assert!(String::from_utf8_lossy(&body).contains("undecodable"));

        let vote = VoteRequest {
            vote: openraft::Vote::new(0, 9),
            last_log_id: None,
        };
        let body = serde_json::to_vec(&RaftRequest::Vote(vote)).unwrap();
        s.write_all(&frame(1, &body)).await.unwrap();
        let (_, kind, body) = read_frame(s).await;
        assert_eq!(kind, 2);
        let answer: RaftResponse = serde_json::from_slice(&body).unwrap();
        let RaftResponse::Vote(Ok(vote)) = answer else {
            panic!("not a granted-or-refused vote: {answer:?}");
        };
        assert!(
            !vote.vote_granted,
            "a stale term's candidate is not granted a vote"
        );
    };
    tokio::time::timeout(STEP_TIMEOUT, bounded)
        .await
        .expect("the listener answers in time");
    let _ = stop.send(true);
    tokio::time::timeout(STEP_TIMEOUT, served)
        .await
        .expect("stops in time")
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voter_list_that_disagrees_with_the_directory_is_refused() {
    // A node whose quorum was formed by voter 1 alone does not reopen with voters 1 and 2
    // (the error names both sets), but reopens when only voter 1's address changed, keeping
    // its image.
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("node-1");
    let limits = fast_limits();
    let router = MemoryRouter::new(limits.rpc_frame_bytes_max, limits.snapshot_bytes_max);
    let voters = |entries: &[(RaftNodeId, &str)]| -> BTreeMap<RaftNodeId, VoterAddress> {
        entries
            .iter()
            .map(|(id, addr)| {
                (
                    *id,
                    VoterAddress {
                        addr: addr.to_string(),
                    },
                )
            })
            .collect()
    };
    let open = |voters: BTreeMap<RaftNodeId, VoterAddress>| {
        QuorumNode::open(&dir, 1, voters, router.transport(1), limits.clone())
    };
    let node = open(voters(&[(1, "a:1")])).await.expect("opens");
    node.wait_leading_and_applied(STEP_TIMEOUT).await.unwrap();
    let count = node.propose(topic("kept")).await.unwrap().record_count;
    node.shutdown().await;
    drop(node);
    let err = open(voters(&[(1, "a:1"), (2, "b:2")]))
        .await
        .expect_err("refused");
    assert!(
        matches!(&err, QuorumError::VotersDisagree { configured, stored }
            if configured == &vec![1, 2] && stored == &vec![1]),
        "{err}"
    );
    let node = open(voters(&[(1, "moved:1")])).await.expect("reopens");
    node.wait_leading_and_applied(STEP_TIMEOUT).await.unwrap();
    assert!(wait_applied(&node, count).await.topic("kept").is_some());
    node.shutdown().await;
}
