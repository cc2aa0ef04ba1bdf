//! [`HostedPartition`]: one partition hosted here: its log, its replication state machine,
//! and the delayed operations waiting on it.
//!
//! The state machine is behind a `Mutex` that appends hold across `Log::append`, so a role
//! change (become follower, stop) waits for an append in progress and the leader epoch
//! stamped into a batch is the epoch the partition had while appending. The flusher's
//! durability report takes the same lock before it reads the log's offsets, so the state
//! machine sees the log's offsets in order.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use strom_metadata::{NodeId, TopicId};
use strom_replication::Partition;
use strom_storage::{LeaderEpoch, Log, Offset, TopicPartition};

use super::PartitionError;
use super::delayed::DelayedOps;

/// One partition hosted here, in whatever role the metadata gave it.
#[derive(Debug)]
pub struct HostedPartition {
    tp: TopicPartition,
    topic_id: TopicId,
    log: Arc<Log>,
    state: Mutex<Partition>,
    pub(super) delayed: DelayedOps,
    stopped: AtomicBool,
}

impl HostedPartition {
    pub(super) fn new(
        tp: TopicPartition,
        topic_id: TopicId,
        log: Arc<Log>,
        state: Partition,
    ) -> Self {
        assert_eq!(
            state.topic_partition(),
            &tp,
            "state machine of another partition"
        );
        log.update_high_watermark(state.high_watermark());
        HostedPartition {
            delayed: DelayedOps::new(state.high_watermark()),
            tp,
            topic_id,
            log,
            state: Mutex::new(state),
            stopped: AtomicBool::new(false),
        }
    }

    pub fn topic_partition(&self) -> &TopicPartition {
        &self.tp
    }

    pub fn topic_id(&self) -> TopicId {
        self.topic_id
    }

    pub(super) fn log(&self) -> &Arc<Log> {
        &self.log
    }

    pub(super) fn state(&self) -> MutexGuard<'_, Partition> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn leader_epoch(&self) -> LeaderEpoch {
        self.state().leader_epoch()
    }

    pub fn is_leader(&self) -> bool {
        self.state().is_leader()
    }

    pub fn high_watermark(&self) -> Offset {
        self.log.high_watermark()
    }

    pub fn log_end_offset(&self) -> Offset {
        self.log.log_end_offset()
    }

    pub fn log_start_offset(&self) -> Offset {
        self.log.log_start_offset()
    }

    pub fn size_bytes(&self) -> u64 {
        self.log.size_bytes()
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Acquire)
    }

    /// Whether requests naming `current_leader_epoch` may be served here in either role.
    pub(super) fn check_epoch(
        &self,
        current_leader_epoch: LeaderEpoch,
    ) -> Result<(), PartitionError> {
        if self.is_stopped() {
            return Err(PartitionError::Stopped(self.tp.clone()));
        }
        self.state()
            .check_epoch(current_leader_epoch)
            .map_err(|source| PartitionError::Epoch {
                tp: self.tp.clone(),
                source,
            })
    }

    /// Whether requests for a leader at `current_leader_epoch` may be served here.
    pub(super) fn check_leader(
        &self,
        current_leader_epoch: LeaderEpoch,
    ) -> Result<(), PartitionError> {
        let state = self.state();
        check_leader_locked(&self.tp, &state, current_leader_epoch, self.is_stopped())
    }

    /// The local log changed (an append, a flush): hand its offsets to the state machine and
    /// carry out a high watermark move. Takes the state lock.
    pub(super) fn local_log_changed(&self, now_ms: i64) -> Option<Offset> {
        let mut state = self.state();
        self.local_log_changed_locked(&mut state, now_ms)
    }

    /// As [`HostedPartition::local_log_changed`], with the state lock already held.
    pub(super) fn local_log_changed_locked(
        &self,
        state: &mut Partition,
        _now_ms: i64,
    ) -> Option<Offset> {
        // Durable first: it never passes the log end, so reading the end after it keeps
        // durable <= end even if a flush completes in between.
        let durable = self.log.recovery_point();
        let log_start = self.log.log_start_offset();
        let log_end = self.log.log_end_offset();
        state.update_local_log(log_start, log_end, durable.min(log_end));
        self.publish_high_watermark(state)
    }

    /// Carries the state machine's high watermark to the log and the waiters if it differs
    /// from what the log has: any event may have moved it (an append, a flush, a follower's
    /// fetch, or an ISR change applied from the metadata). Returns it if it moved.
    pub(super) fn publish_high_watermark(&self, state: &Partition) -> Option<Offset> {
        let hw = state.high_watermark();
        if hw == self.log.high_watermark() {
            return None;
        }
        self.high_watermark_moved(hw);
        Some(hw)
    }

    /// As leader: follower `replica` fetched at `fetch_offset`, which it holds on disk. May
    /// move the high watermark.
    pub(super) fn follower_fetched(
        &self,
        replica: NodeId,
        fetch_offset: Offset,
        now_ms: i64,
    ) -> Result<(), PartitionError> {
        let mut state = self.state();
        state
            .update_follower(replica, fetch_offset, fetch_offset, now_ms)
            .map_err(|_| PartitionError::NotLeader(self.tp.clone()))?;
        self.publish_high_watermark(&state);
        Ok(())
    }

    /// The topic's `min.insync.replicas` changed (a config delta; partition changes carry
    /// it in their assignment): the high watermark holds while the ISR is smaller, and a
    /// lower minimum may move it at once.
    pub(super) fn min_insync_replicas_changed(&self, min: usize) {
        let mut state = self.state();
        if state.set_min_insync_replicas(min).is_some() {
            self.publish_high_watermark(&state);
        }
    }

    /// In-sync replicas as committed (this broker leads), and the topic's
    /// `min.insync.replicas`.
    pub(super) fn isr_size_and_minimum(&self) -> (usize, usize) {
        let isr = self.state().isr().map_or(0, <[NodeId]>::len);
        (isr, self.log.config().min_insync_replicas)
    }

    /// The high watermark moved to `hw`: store it in the log (what fetches and the
    /// checkpoint read), complete the delayed produces it covers, and wake delayed fetches.
    fn high_watermark_moved(&self, hw: Offset) {
        let stored = self.log.update_high_watermark(hw);
        assert_eq!(
            stored, hw,
            "{}: the log refused high watermark {hw}",
            self.tp
        );
        // A follower's watermark can drop with a truncation; it has no produce waiters.
        if hw >= self.delayed.produce_completed_through() {
            self.delayed.complete_produce_through(hw);
        }
        self.delayed.wake_fetches();
    }

    /// Stops serving: delayed produces fail with `Stopped` and delayed fetches wake (to find
    /// the partition gone). The log itself is closed or deleted by the caller.
    pub(super) fn stop(&self) {
        self.stopped.store(true, Ordering::Release);
        self.delayed
            .fail_produce(|| PartitionError::Stopped(self.tp.clone()));
        self.delayed.wake_fetches();
    }

    /// Leadership moved away (this broker now follows): the acks=all waiters can no longer be
    /// answered by this broker's high watermark.
    pub(super) fn resigned(&self) {
        self.delayed
            .fail_produce(|| PartitionError::NotLeader(self.tp.clone()));
        self.delayed.wake_fetches();
    }
}

pub(super) fn check_leader_locked(
    tp: &TopicPartition,
    state: &Partition,
    current_leader_epoch: LeaderEpoch,
    stopped: bool,
) -> Result<(), PartitionError> {
    if stopped {
        return Err(PartitionError::Stopped(tp.clone()));
    }
    state
        .check_epoch(current_leader_epoch)
        .map_err(|source| PartitionError::Epoch {
            tp: tp.clone(),
            source,
        })?;
    if !state.is_leader() {
        return Err(PartitionError::NotLeader(tp.clone()));
    }
    Ok(())
}
