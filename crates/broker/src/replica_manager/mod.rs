//! The replica manager: the one way to a partition. Every append (produce, coordinator
//! records, transaction markers) and every read (fetch, offsets, epochs, producers) goes
//! through it; nothing else calls `Log::append`, moves a high watermark or waits for a flush.
//!
//! What it holds: one [`HostedPartition`] per partition this broker hosts, each the storage
//! [`Log`](strom_storage::Log) and the replication state machine
//! ([`strom_replication::Partition`]) that decides the role, the leader epoch and the high
//! watermark. What it does:
//! - [`append`]: leader appends, with the acks wait as a delayed operation that the partition's
//!   high watermark completes;
//! - [`fetch`]: reads whole batches, with the long poll as a delayed operation that only its
//!   own partitions wake;
//! - [`reads`]: offsets by time, epochs, producers, sizes, DeleteRecords;
//! - [`apply_delta`]: turns metadata deltas into role changes (become leader or follower, stop
//!   and delete), and sets aside stray partition directories at start;
//! - the storage [`DurabilityListener`]: a flush made more of a log durable, so the high
//!   watermark may move, which completes delayed produces and wakes delayed fetches.
//!
//! The high watermark follows the flush: it is the minimum durable offset over the ISR, so a
//! consumer never reads a record a crash could take back (see the replication crate).
//!
//! Lock order: the hosted-partition table, then a partition's state, then its log's locks,
//! then its wait lists. A log never calls back into the replica manager with a log lock held
//! (the durability listener runs after the flush releases them).

mod append;
mod apply_delta;
mod delayed;
mod fetch;
mod follower;
mod hosted;
mod isr;
mod partition_metadata;
mod reads;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use strom_metadata::{NodeId, TopicId};
use strom_replication::{EpochError, StateError};
use strom_storage::{
    Clock, DurabilityListener, FlushError, LeaderEpoch, LogManager, Offset, StorageError,
    TopicPartition,
};

pub use append::{AppendOrigin, Appended, PendingAppend, RequiredAcks};
pub use apply_delta::{Following, LeadershipChange, LeadershipChanges};
pub use fetch::{FetchIsolation, FetchPartition, FetchRequest, FetchedPartition};
pub use follower::FollowerPosition;
pub use hosted::HostedPartition;
pub use isr::IsrChangeDue;
pub use partition_metadata::{base64_url_encode, read_partition_metadata};
pub use reads::{OffsetSpec, PartitionInfo};

/// Why an operation on a partition failed. Mapped to Kafka's codes in `crate::errors`.
#[derive(Debug, thiserror::Error)]
pub enum PartitionError {
    #[error("{0} is not hosted here")]
    UnknownTopicOrPartition(TopicPartition),
    #[error("this broker does not lead {0}")]
    NotLeader(TopicPartition),
    #[error("{tp}: {source}")]
    Epoch {
        tp: TopicPartition,
        #[source]
        source: EpochError,
    },
    #[error("{tp} is not followed here at leader epoch {leader_epoch}")]
    NotFollower {
        tp: TopicPartition,
        leader_epoch: LeaderEpoch,
    },
    #[error("{tp}: {isr} in-sync replicas, fewer than min.insync.replicas {min}")]
    NotEnoughReplicas {
        tp: TopicPartition,
        isr: usize,
        min: usize,
    },
    #[error("{tp}: appended, but the ISR shrank to {isr}, below min.insync.replicas {min}")]
    NotEnoughReplicasAfterAppend {
        tp: TopicPartition,
        isr: usize,
        min: usize,
    },
    #[error("{0} stopped (deleted or reassigned) while the request waited")]
    Stopped(TopicPartition),
    #[error("{0}: the high watermark did not reach the appended records in time")]
    RequestTimedOut(TopicPartition),
    #[error("{tp}: {waiting} acks=all requests are already waiting (limit {limit})")]
    TooManyWaiters {
        tp: TopicPartition,
        waiting: usize,
        limit: usize,
    },
    #[error("{tp}: flush failed: {source}")]
    Flush {
        tp: TopicPartition,
        #[source]
        source: FlushError,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Why a partition could not be opened or removed while applying metadata.
#[derive(Debug, thiserror::Error)]
pub enum ReplicaError {
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    #[error("{tp}: {source}")]
    State {
        tp: TopicPartition,
        #[source]
        source: StateError,
    },
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// Every partition hosted here, and what is waiting on them.
#[derive(Debug)]
pub struct ReplicaManager {
    node_id: NodeId,
    log_manager: Arc<LogManager>,
    clock: Arc<dyn Clock>,
    partitions: RwLock<HashMap<TopicPartition, Arc<HostedPartition>>>,
    /// Held for a whole delta application: two at once could open and delete the same log.
    applying: Mutex<()>,
    /// How many times a parked fetch was woken by one of its partitions (a debug metric:
    /// idle partitions and idle fetches should keep it still).
    fetch_wakeups: AtomicU64,
}

impl ReplicaManager {
    /// A replica manager over an opened data directory. Install it as the log manager's
    /// durability listener ([`ReplicaManager::listen_for_flushes`]) before logs take writes.
    pub fn new(node_id: NodeId, log_manager: Arc<LogManager>, clock: Arc<dyn Clock>) -> Self {
        ReplicaManager {
            node_id,
            log_manager,
            clock,
            partitions: RwLock::new(HashMap::new()),
            applying: Mutex::new(()),
            fetch_wakeups: AtomicU64::new(0),
        }
    }

    /// Makes every flush of this data directory report to the replica manager.
    pub fn listen_for_flushes(self: &Arc<Self>) {
        let listener = Arc::new(FlushListener(Arc::downgrade(self)));
        self.log_manager.set_durability_listener(listener);
    }

    pub fn node_id(&self) -> NodeId {
        self.node_id
    }

    pub fn log_manager(&self) -> &Arc<LogManager> {
        &self.log_manager
    }

    fn now_ms(&self) -> i64 {
        self.clock.now().0
    }

    /// The hosted partition, or `UNKNOWN_TOPIC_OR_PARTITION`.
    fn hosted_or_unknown(
        &self,
        tp: &TopicPartition,
    ) -> Result<Arc<HostedPartition>, PartitionError> {
        self.hosted(tp)
            .ok_or_else(|| PartitionError::UnknownTopicOrPartition(tp.clone()))
    }

    /// The hosted partition, whatever its role.
    pub fn hosted(&self, tp: &TopicPartition) -> Option<Arc<HostedPartition>> {
        self.read_partitions().get(tp).cloned()
    }

    /// The partition, if hosted here and led by this broker at `current_leader_epoch`
    /// (`LeaderEpoch::UNKNOWN` skips the epoch check).
    pub fn leader(
        &self,
        tp: &TopicPartition,
        current_leader_epoch: LeaderEpoch,
    ) -> Result<Arc<HostedPartition>, PartitionError> {
        let hosted = self.hosted_or_unknown(tp)?;
        hosted.check_leader(current_leader_epoch)?;
        Ok(hosted)
    }

    /// The partition, if hosted here (led or followed) at `current_leader_epoch`
    /// (`LeaderEpoch::UNKNOWN` skips the epoch check): what a consumer allowed to read from
    /// followers (KIP-392) reads.
    pub fn leader_or_follower(
        &self,
        tp: &TopicPartition,
        current_leader_epoch: LeaderEpoch,
    ) -> Result<Arc<HostedPartition>, PartitionError> {
        let hosted = self.hosted_or_unknown(tp)?;
        hosted.check_epoch(current_leader_epoch)?;
        Ok(hosted)
    }

    /// Every hosted partition.
    pub fn all_hosted(&self) -> Vec<Arc<HostedPartition>> {
        self.read_partitions().values().cloned().collect()
    }

    /// The topic id a hosted partition belongs to.
    pub fn topic_id(&self, tp: &TopicPartition) -> Option<TopicId> {
        self.hosted(tp).map(|h| h.topic_id())
    }

    /// Parked fetches woken so far (see the field).
    pub fn fetch_wakeups(&self) -> u64 {
        self.fetch_wakeups.load(Ordering::Relaxed)
    }

    fn read_partitions(
        &self,
    ) -> std::sync::RwLockReadGuard<'_, HashMap<TopicPartition, Arc<HostedPartition>>> {
        self.partitions.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write_partitions(
        &self,
    ) -> std::sync::RwLockWriteGuard<'_, HashMap<TopicPartition, Arc<HostedPartition>>> {
        self.partitions.write().unwrap_or_else(|p| p.into_inner())
    }

    /// A flush made `tp`'s log durable below `durable`: the high watermark may move.
    fn on_durable(&self, tp: &TopicPartition, durable: Offset) {
        if let Some(hosted) = self.hosted(tp) {
            hosted.local_log_changed(self.now_ms());
            tracing::trace!(partition = %tp, durable = durable.0, "flushed");
        }
    }

    /// Stops every partition, then flushes and closes every log and writes the checkpoints
    /// and the clean-shutdown marker, so the next start loads without scanning segments.
    /// Blocking.
    pub fn shutdown(&self) {
        let stopped: Vec<Arc<HostedPartition>> =
            self.write_partitions().drain().map(|(_, h)| h).collect();
        for hosted in stopped {
            hosted.stop();
        }
        if let Err(e) = self.log_manager.shutdown() {
            tracing::error!(error = %e, "log shutdown failed: the next start recovers");
        }
    }
}

/// The storage-side hook: holds the replica manager weakly, so a log manager outliving it
/// (tests, shutdown) tells no one.
#[derive(Debug)]
struct FlushListener(std::sync::Weak<ReplicaManager>);

impl DurabilityListener for FlushListener {
    fn on_durable(&self, tp: &TopicPartition, durable: Offset) {
        if let Some(rm) = self.0.upgrade() {
            rm.on_durable(tp, durable);
        }
    }
}
