//! Reads of whole batches and the long poll.
//!
//! [`ReplicaManager::fetch`] reads every requested partition once; if fewer than `min_bytes`
//! are available (and no partition failed) it parks as a delayed fetch: one
//! [`FetchWaker`](super::delayed::FetchWaker) registered with each of its partitions, woken
//! only when one of them moves its high watermark (or stops), until `max_wait` passes. A
//! fetch parked on a thousand idle partitions costs nothing until one of them changes, and an
//! append elsewhere never wakes it.
//!
//! Bounds: `max_bytes` for the whole response and each partition's `max_bytes`; the first
//! partition with data may exceed them by one batch (`min_one_batch`), so a large batch
//! cannot stall a consumer, as in Kafka.

use std::sync::Arc;
use std::time::Duration;

use strom_metadata::NodeId;
use strom_storage::{FetchData, FetchParams, LeaderEpoch, Offset, TopicPartition};
use tokio::sync::watch;

use super::delayed::FetchWaker;
use super::{PartitionError, ReplicaManager};

/// The upper bound of a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchIsolation {
    /// Up to the high watermark (`read_uncommitted`).
    HighWatermark,
    /// Up to the last stable offset, with the aborted transactions (`read_committed`).
    TxnCommitted,
}

/// One partition of a fetch.
#[derive(Debug, Clone)]
pub struct FetchPartition {
    pub topic_partition: TopicPartition,
    pub fetch_offset: Offset,
    /// Bytes wanted from this partition.
    pub max_bytes: usize,
    /// The leader epoch the client believes in (`LeaderEpoch::UNKNOWN`: no check).
    pub current_leader_epoch: LeaderEpoch,
    /// The leader's replication throttle holds this partition back (a follower's fetch
    /// only): answered with its offsets but no records, and not counted toward `min_bytes`,
    /// as Kafka's leader answers a throttled partition while its quota is spent.
    pub throttled: bool,
}

/// A consumer's fetch, or a follower's (`replica`).
#[derive(Debug, Clone)]
pub struct FetchRequest {
    /// The follower fetching, if this is replication: it reads up to the log end, its fetch
    /// offsets count as what it holds on disk (a follower fetches on only once it has
    /// fsync'd what it appended), and it waits for appends rather than for the high
    /// watermark.
    pub replica: Option<NodeId>,
    /// A consumer that may read from a follower (Fetch v11+, KIP-392): a follower answers
    /// up to its own high watermark instead of `NOT_LEADER_OR_FOLLOWER`.
    pub follower_reads: bool,
    pub isolation: FetchIsolation,
    pub max_wait: Duration,
    pub min_bytes: usize,
    /// Bytes for the whole response.
    pub max_bytes: usize,
    pub partitions: Vec<FetchPartition>,
}

/// One partition's answer.
pub type FetchedPartition = Result<FetchData, PartitionError>;

impl ReplicaManager {
    /// Reads every partition, waiting as a delayed fetch until `min_bytes` are available, a
    /// partition fails, `max_wait` passes or `shutdown` turns true.
    pub async fn fetch(
        &self,
        request: &FetchRequest,
        mut shutdown: watch::Receiver<bool>,
    ) -> Vec<FetchedPartition> {
        let deadline = tokio::time::Instant::now() + request.max_wait;
        let min_bytes = request.min_bytes.max(1);
        let mut waker: Option<Arc<FetchWaker>> = None;
        loop {
            let (results, bytes, failed) = self.read_all(request);
            let done = bytes >= min_bytes || failed || request.partitions.is_empty();
            if done || tokio::time::Instant::now() >= deadline || *shutdown.borrow() {
                return results;
            }
            let Some(parked) = &waker else {
                // Register, then read once more: a move between the read above and the
                // registration would otherwise be missed.
                waker = Some(self.park(request));
                continue;
            };
            tokio::select! {
                _ = parked.notified() => {
                    self.fetch_wakeups.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    tracing::debug!(partitions = request.partitions.len(), "parked fetch woken");
                }
                _ = tokio::time::sleep_until(deadline) => {}
                _ = shutdown.changed() => {}
            }
        }
    }

    /// Registers one waker with every hosted partition of the request.
    fn park(&self, request: &FetchRequest) -> Arc<FetchWaker> {
        let waker = Arc::new(FetchWaker::default());
        for p in &request.partitions {
            if let Some(hosted) = self.hosted(&p.topic_partition) {
                hosted
                    .delayed
                    .watch_fetch(&waker, request.replica.is_some());
            }
        }
        waker
    }

    /// One pass over every partition: their answers, the bytes read, and whether any
    /// partition failed (an error answers at once rather than waiting).
    fn read_all(&self, request: &FetchRequest) -> (Vec<FetchedPartition>, usize, bool) {
        let mut remaining = request.max_bytes;
        let mut total = 0usize;
        let mut failed = false;
        let mut out = Vec::with_capacity(request.partitions.len());
        for p in &request.partitions {
            // The first batch may pass max_bytes (KIP-74) unless nothing at all may be read
            // (the connection's response budget is spent: its client is not reading).
            let first = total == 0 && request.max_bytes > 0 && !p.throttled;
            let read = self.read_partition(p, request, remaining, first);
            match &read {
                Ok(data) => {
                    total += data.records.len();
                    remaining = remaining.saturating_sub(data.records.len());
                }
                Err(_) => failed = true,
            }
            out.push(read);
        }
        (out, total, failed)
    }

    /// Reads one partition as leader, up to `remaining` bytes of the response.
    fn read_partition(
        &self,
        p: &FetchPartition,
        request: &FetchRequest,
        remaining: usize,
        first: bool,
    ) -> FetchedPartition {
        let isolation = request.isolation;
        let hosted = if request.follower_reads && request.replica.is_none() {
            self.leader_or_follower(&p.topic_partition, p.current_leader_epoch)?
        } else {
            self.leader(&p.topic_partition, p.current_leader_epoch)?
        };
        if let Some(replica) = request.replica {
            hosted.follower_fetched(replica, p.fetch_offset, self.now_ms())?;
        }
        let log = hosted.log();
        let max_bytes = p.max_bytes.min(remaining);
        let storage_isolation = match (request.replica, isolation) {
            (Some(_), _) => strom_storage::FetchIsolation::LogEnd,
            (None, FetchIsolation::HighWatermark) => strom_storage::FetchIsolation::HighWatermark,
            (None, FetchIsolation::TxnCommitted) => strom_storage::FetchIsolation::TxnCommitted,
        };
        // Nothing may be read, but the offsets still describe the partition.
        let offsets_only = || FetchData {
            records: bytes::Bytes::new(),
            high_watermark: log.high_watermark(),
            log_start_offset: log.log_start_offset(),
            log_end_offset: log.log_end_offset(),
            last_stable_offset: log.last_stable_offset(),
            aborted_transactions: (isolation == FetchIsolation::TxnCommitted).then(Vec::new),
        };
        if p.throttled || (max_bytes == 0 && !first) {
            return Ok(offsets_only());
        }
        let params = FetchParams {
            max_bytes,
            min_one_batch: first,
            isolation: storage_isolation,
        };
        let data = match log.read(p.fetch_offset, params) {
            Err(strom_storage::StorageError::OffsetOutOfRange { .. })
                if blind_follower_read(request, p, hosted.is_leader()) =>
            {
                // As Kafka (3.4 on) answers: a consumer that sent no leader epoch may have
                // come to this follower on stale metadata, and its offset may simply not
                // have been replicated here yet. Out of range would make it reset its
                // position; no records makes it retry, and refresh its metadata.
                return Ok(offsets_only());
            }
            read => read?,
        };
        assert!(
            data.records.len() <= max_bytes.max(data.records.len() * usize::from(first)),
            "{}: read {} bytes past the {max_bytes} allowed",
            p.topic_partition,
            data.records.len()
        );
        Ok(data)
    }
}

/// A consumer's read from a follower (Fetch v11+) that names no leader epoch: the consumer
/// cannot tell a follower it was sent to from a leader it found on stale metadata.
fn blind_follower_read(request: &FetchRequest, p: &FetchPartition, leader: bool) -> bool {
    request.replica.is_none()
        && request.follower_reads
        && !leader
        && p.current_leader_epoch == LeaderEpoch::UNKNOWN
}
