//! Followers copy their leaders' logs, Kafka's way: one fetcher task per leader broker,
//! sending Fetch requests (with this broker's replica id) for every partition it follows
//! from that leader.
//!
//! [`ReplicaFetchers::apply`] takes what a metadata delta changed (partitions newly
//! followed, at a new leader epoch, and those no longer followed) and moves partitions
//! between fetchers, starting a fetcher for a leader the first time one is needed. A
//! partition joins its fetcher untruncated: before its first fetch under a leader epoch the
//! fetcher asks the leader where its log and the leader's agree (OffsetForLeaderEpoch) and
//! cuts the local log back to there.
//!
//! Bounds: one request in flight per fetcher, asking at most `replica.fetch.response.max.bytes`
//! (and `replica.fetch.max.bytes` per partition), so a fetcher holds at most one response.
//! Every change of the local log goes through the replica manager.

mod config;
mod fetcher;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

use strom_metadata::{MetadataImage, NodeId, TopicId};
use strom_storage::{LeaderEpoch, TopicPartition};
use tokio::sync::{Notify, watch};
use tokio::time::Instant;

pub use config::ReplicationConfig;

use crate::replica_manager::{LeadershipChanges, ReplicaManager};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The current metadata image, for leaders' endpoints and this broker's epoch.
pub type ImageSource = Arc<dyn Fn() -> Arc<MetadataImage> + Send + Sync>;

/// What every fetcher task shares.
struct Shared {
    local: NodeId,
    replicas: Arc<ReplicaManager>,
    image: ImageSource,
    config: ReplicationConfig,
    shutdown: watch::Receiver<bool>,
    /// `follower.replication.throttled.rate`, shared by every fetcher of this broker.
    throttle: crate::replication_throttle::Bucket,
}

/// One partition a fetcher copies.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PartitionFetch {
    topic_id: TopicId,
    leader_epoch: LeaderEpoch,
    /// The local log has been cut back to where it agrees with the leader's at this epoch.
    truncated: bool,
    /// After an error, not fetched again before this.
    retry_at: Option<Instant>,
}

/// The partitions of one fetcher, shared between the manager and its task.
#[derive(Debug, Default)]
struct Partitions {
    map: Mutex<BTreeMap<TopicPartition, PartitionFetch>>,
    changed: Notify,
}

impl Partitions {
    /// The partitions to work on now: (partition, state) with no pending back-off.
    fn due(&self, now: Instant) -> Vec<(TopicPartition, PartitionFetch)> {
        lock(&self.map)
            .iter()
            .filter(|(_, f)| f.retry_at.is_none_or(|at| at <= now))
            .map(|(tp, f)| (tp.clone(), f.clone()))
            .collect()
    }

    /// The earliest back-off still pending.
    fn next_retry(&self) -> Option<Instant> {
        lock(&self.map).values().filter_map(|f| f.retry_at).min()
    }

    /// Updates `tp`'s state if it is still fetched at `epoch` (a newer assignment replaced
    /// it otherwise, and the update no longer applies).
    fn update(&self, tp: &TopicPartition, epoch: LeaderEpoch, f: impl FnOnce(&mut PartitionFetch)) {
        if let Some(state) = lock(&self.map).get_mut(tp)
            && state.leader_epoch == epoch
        {
            f(state);
        }
    }
}

/// A running fetcher: its partitions and its task.
struct Fetcher {
    partitions: Arc<Partitions>,
    task: tokio::task::JoinHandle<()>,
}

/// Every fetcher of this broker, one per leader it follows.
pub struct ReplicaFetchers {
    shared: Arc<Shared>,
    fetchers: Mutex<HashMap<NodeId, Fetcher>>,
}

impl std::fmt::Debug for ReplicaFetchers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReplicaFetchers")
            .field("local", &self.shared.local)
            .finish_non_exhaustive()
    }
}

impl ReplicaFetchers {
    pub fn new(
        replicas: Arc<ReplicaManager>,
        image: ImageSource,
        config: ReplicationConfig,
        shutdown: watch::Receiver<bool>,
    ) -> Self {
        ReplicaFetchers {
            shared: Arc::new(Shared {
                local: replicas.node_id(),
                replicas,
                image,
                config,
                shutdown,
                throttle: crate::replication_throttle::Bucket::new(Instant::now()),
            }),
            fetchers: Mutex::new(HashMap::new()),
        }
    }

    /// Moves partitions between fetchers as a metadata delta changed them. Runs inside the
    /// tokio runtime (a new fetcher is spawned).
    pub fn apply(&self, changes: &LeadershipChanges) {
        if changes.followed.is_empty() && changes.unfollowed.is_empty() {
            return;
        }
        let mut fetchers = lock(&self.fetchers);
        let leaving = changes
            .unfollowed
            .iter()
            .chain(changes.followed.iter().map(|f| &f.topic_partition));
        for tp in leaving {
            for fetcher in fetchers.values() {
                lock(&fetcher.partitions.map).remove(tp);
            }
        }
        for following in &changes.followed {
            let Some(leader) = following.leader.filter(|&l| l != self.shared.local) else {
                continue;
            };
            let fetcher = fetchers
                .entry(leader)
                .or_insert_with(|| self.start_fetcher(leader));
            lock(&fetcher.partitions.map).insert(
                following.topic_partition.clone(),
                PartitionFetch {
                    topic_id: following.topic_id,
                    leader_epoch: following.leader_epoch,
                    truncated: false,
                    retry_at: None,
                },
            );
            fetcher.partitions.changed.notify_one();
        }
    }

    fn start_fetcher(&self, leader: NodeId) -> Fetcher {
        let partitions = Arc::new(Partitions::default());
        let task = tokio::spawn(fetcher::run(
            leader,
            Arc::clone(&self.shared),
            Arc::clone(&partitions),
        ));
        tracing::info!(leader = %leader, "replica fetcher started");
        Fetcher { partitions, task }
    }

    /// Partitions followed from `leader` now (tests, metrics).
    pub fn following_from(&self, leader: NodeId) -> usize {
        lock(&self.fetchers)
            .get(&leader)
            .map_or(0, |f| lock(&f.partitions.map).len())
    }

    /// Stops every fetcher (they also stop on the broker's shutdown signal).
    pub fn stop(&self) {
        for (_, fetcher) in lock(&self.fetchers).drain() {
            fetcher.task.abort();
        }
    }
}
