//! `Log`: one partition's log, a sequence of [`LogSegment`]s of which the last is active.
//!
//! The log owns the partition directory `<data-dir>/<topic>-<partition>/`: its segments
//! (see [`crate::segment`]) and its `leader-epoch-checkpoint`. It assigns offsets on append
//! by overwriting each batch's `baseOffset` and `partitionLeaderEpoch` in place (neither is
//! covered by the CRC), so record bytes reach the file exactly as the producer built them
//! (only a `maxTimestamp` that disagrees with the records is corrected, with its CRC, as
//! Kafka does). Every leader append is validated record by record (`log/validator.rs`);
//! a follower's keeps the header and CRC checks.
//!
//! Offsets the log tracks, in order: log start <= high watermark <= log end, and the
//! recovery point (everything below it is fsynced) <= log end. The last stable offset (LSO)
//! is the high watermark or, if lower, the first offset of the earliest transaction still
//! open (never below the log start): `read_committed` consumers read below it only.
//!
//! Every append passes through the partition's [`ProducerStateManager`] under the log's
//! lock: a client's retried batch is answered with its original offsets, a fenced epoch or a
//! sequence gap is refused before anything is written, and a commit or abort marker ends its
//! producer's transaction; an abort adds an entry to the active segment's `.txnindex`
//! ([`crate::txn_index`]). The state is snapshotted to `<offset>.snapshot` at every roll and
//! at close, and rebuilt from the newest snapshot plus a replay on load and truncation.
//!
//! Writers and readers share one short `Mutex` per log: appends write to the page cache
//! under it; reads take a snapshot of a segment under it and do their file I/O after
//! releasing it; fsyncs run on flusher threads without it.
//!
//! The log's jobs, one file each beside this one:
//!
//! - `log/lifecycle.rs`: opening (the loading itself is `log/load.rs`) and closing.
//! - `log/append.rs`: append: offsets, leader epochs, producer checks, the write.
//! - `log/validator.rs`: what every appended batch must satisfy before it is written.
//! - `log/roll.rs`: starting a new active segment.
//! - `log/read.rs`: reads of whole batches, offset for timestamp.
//! - `log/aborted.rs`: the aborted transactions a `read_committed` read reports.
//! - `log/durability.rs`: flush waiters, grouped fsyncs, the recovery point.
//! - `log/retention.rs`: `DeleteRecords` and the retention pass.
//! - `log/truncation.rs`: truncation of a follower that diverged from its leader.
//! - `log/producers.rs`: rebuilding producer state from snapshots and a replay.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::file_cache::FileCache;
use crate::flush::FlushHandle;
use crate::leader_epoch::LeaderEpochFileCache;
use crate::producer_state::{ActiveProducer, ProducerStateManager};
use crate::segment::LogSegment;
use crate::{
    Clock, LeaderEpoch, LogConfig, Offset, Result, StorageError, Timestamp, TopicPartition,
};

mod aborted;
mod append;
mod durability;
mod lifecycle;
mod load;
pub(crate) mod producers;
mod read;
mod retention;
mod roll;
#[cfg(test)]
mod tests;
mod truncation;
mod validator;

pub use append::{AppendInfo, AppendOrigin, Verified};
pub use durability::FlushStats;
pub use load::{LoadParams, LoadStats};
pub use read::{AbortedTxn, FetchData, FetchIsolation, FetchParams};

use durability::{DurabilityState, FlushCounters};

/// A summary of one segment, for reporting and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentInfo {
    pub base_offset: Offset,
    pub next_offset: Offset,
    pub size_bytes: u64,
    pub max_timestamp: Timestamp,
}

#[derive(Debug)]
pub(crate) struct LogState {
    pub config: Arc<LogConfig>,
    pub segments: BTreeMap<Offset, LogSegment>,
    pub log_end_offset: Offset,
    pub log_start_offset: Offset,
    pub high_watermark: Offset,
    pub recovery_point: Offset,
    /// The first offset the cleaner has not compacted yet.
    pub cleaner_checkpoint: Offset,
    pub epochs: LeaderEpochFileCache,
    pub producer_state: ProducerStateManager,
    pub unflushed_messages: u64,
    pub first_unflushed_at: Option<Timestamp>,
    /// Segment files were created or removed since the directory was last fsynced.
    pub dir_dirty: bool,
    /// Files written off the data path (the producer state snapshot of a roll) that the next
    /// flush fsyncs before it moves the recovery point, with the descriptor written through.
    pub pending_syncs: Vec<(Arc<File>, PathBuf)>,
    /// Segment files were changed other than by appends (a truncation, a roll), so the next
    /// flush has work even if the recovery point is at the log end.
    pub files_changed: bool,
    /// The partition's directory was created and its name in the data directory is not yet
    /// durable: the next flush fsyncs the data directory too.
    pub parent_dir_dirty: bool,
    /// A snapshot of the producer state at the log end is on disk, fsynced, and nothing was
    /// appended or truncated since, so a close need not write another.
    pub snapshot_current: bool,
    /// How many truncations the log has had since it was opened. A flush that saw a
    /// truncation happen while it ran cannot vouch for the offsets appended after it.
    pub truncations: u64,
    pub closed: bool,
    pub offline: bool,
}

impl LogState {
    pub fn active(&self) -> &LogSegment {
        self.segments
            .values()
            .next_back()
            .unwrap_or_else(|| panic!("a log always has an active segment"))
    }

    pub fn active_mut(&mut self) -> &mut LogSegment {
        self.segments
            .values_mut()
            .next_back()
            .unwrap_or_else(|| panic!("a log always has an active segment"))
    }

    /// See the module docs.
    pub fn last_stable_offset(&self) -> Offset {
        let hw = self.high_watermark;
        self.producer_state
            .first_unstable_offset()
            .map_or(hw, |first| first.max(self.log_start_offset).min(hw))
    }

    /// The log's invariants: the offsets in order, the producer state in step, and (in debug
    /// builds, where walking every segment is affordable) the segments contiguous, the
    /// active one's indexes in memory and the others' on disk, the epochs inside the log.
    fn check_invariants(&self) {
        assert!(
            self.cleaner_checkpoint <= self.log_end_offset,
            "cleaner checkpoint {} above log end {}",
            self.cleaner_checkpoint,
            self.log_end_offset
        );
        assert!(
            self.segments
                .keys()
                .next()
                .is_some_and(|&first| first <= self.log_start_offset),
            "log start {} below the first segment",
            self.log_start_offset
        );
        assert!(
            self.log_start_offset <= self.log_end_offset,
            "log start {} above log end {}",
            self.log_start_offset,
            self.log_end_offset
        );
        assert!(
            self.high_watermark >= self.log_start_offset,
            "hw below log start"
        );
        assert!(
            self.high_watermark <= self.log_end_offset,
            "hw above log end"
        );
        assert!(
            self.recovery_point <= self.log_end_offset,
            "recovery point above log end"
        );
        assert_eq!(
            self.active().next_offset().max(self.log_end_offset),
            self.log_end_offset
        );
        assert_eq!(
            self.producer_state.end_offset(),
            self.log_end_offset,
            "producer state out of step with the log"
        );
        if cfg!(debug_assertions) {
            self.check_segments();
        }
    }

    fn check_segments(&self) {
        let mut previous: Option<&LogSegment> = None;
        for (&base, segment) in &self.segments {
            assert_eq!(
                base,
                segment.base_offset(),
                "segment filed under another base"
            );
            assert!(
                segment.next_offset() >= base,
                "segment {base} ends before it starts"
            );
            if let Some(p) = previous {
                assert!(
                    p.next_offset() <= base,
                    "segment {} ends at {} past the next one's base {base}",
                    p.base_offset(),
                    p.next_offset()
                );
                assert!(
                    !p.offset_index().is_loaded(),
                    "inactive segment {} keeps its index in memory",
                    p.base_offset()
                );
            }
            previous = Some(segment);
        }
        assert!(
            self.active().offset_index().is_loaded() && self.active().time_index().is_loaded(),
            "the active segment's indexes are not in memory"
        );
        assert!(
            self.epochs
                .entries()
                .last()
                .is_none_or(|e| e.start_offset <= self.log_end_offset),
            "a leader epoch starts past the log end"
        );
    }
}

/// One partition's log. Shared as `Arc<Log>` between the request handlers, the flushers and
/// the background tasks.
///
/// Lock order: `state`, then `durability`; `flushing` is taken before either and held
/// across the fsyncs, which run with neither of the others held.
#[derive(Debug)]
pub struct Log {
    topic_partition: TopicPartition,
    dir: PathBuf,
    clock: Arc<dyn Clock>,
    flusher: FlushHandle,
    /// The data directory's descriptor cache, for the segments this log creates.
    files: Arc<FileCache>,
    state: Mutex<LogState>,
    /// Mirror of `LogState::recovery_point` for a lock-free durability check.
    durable_offset: AtomicI64,
    /// Waiters, each for an end offset at or below the log end (truncation answers those it
    /// passes), and whether the log is queued for a flush.
    durability: Mutex<DurabilityState>,
    /// One flush at a time: two overlapping flushes could each trust the other to have
    /// synced the directory or a file.
    flushing: Mutex<()>,
    counters: FlushCounters,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Log {
    pub fn topic_partition(&self) -> &TopicPartition {
        &self.topic_partition
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn state(&self) -> MutexGuard<'_, LogState> {
        lock(&self.state)
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The partition's directory was just created: the next flush makes its name in the data
    /// directory durable (rather than an fsync on the creating thread).
    pub(crate) fn mark_parent_dir_dirty(&self) {
        self.state().parent_dir_dirty = true;
    }

    /// The descriptor cache the log's segments use.
    pub(crate) fn files(&self) -> &Arc<FileCache> {
        &self.files
    }

    pub fn config(&self) -> Arc<LogConfig> {
        Arc::clone(&self.state().config)
    }

    /// Replaces the topic config; takes effect on the next append, roll or retention pass.
    pub fn update_config(&self, config: LogConfig) -> Result<()> {
        config.validate()?;
        self.state().config = Arc::new(config);
        Ok(())
    }

    fn usable(&self, st: &LogState) -> Result<()> {
        if st.closed {
            return Err(StorageError::LogClosed(self.topic_partition.clone()));
        }
        if st.offline {
            return Err(StorageError::LogOffline(self.topic_partition.clone()));
        }
        Ok(())
    }

    // Offsets and other state, each read under the log's lock.

    pub fn log_end_offset(&self) -> Offset {
        self.state().log_end_offset
    }

    pub fn log_start_offset(&self) -> Offset {
        self.state().log_start_offset
    }

    pub fn high_watermark(&self) -> Offset {
        self.state().high_watermark
    }

    /// The last stable offset: `read_committed` consumers read below it. The high watermark,
    /// or the first offset of the earliest open transaction if lower (not below the log
    /// start).
    pub fn last_stable_offset(&self) -> Offset {
        self.state().last_stable_offset()
    }

    /// The first offset of the earliest open transaction, if any (Kafka's first unstable
    /// offset), whatever the high watermark.
    pub fn first_unstable_offset(&self) -> Option<Offset> {
        self.state().producer_state.first_unstable_offset()
    }

    /// Every producer the partition remembers, for DescribeProducers.
    pub fn active_producers(&self) -> Vec<ActiveProducer> {
        self.state().producer_state.active_producers()
    }

    /// Forgets producers idle for `expiration_ms` (`producer.id.expiration.ms`) that have no
    /// open transaction.
    pub fn remove_expired_producers(&self, expiration_ms: i64) {
        let now = self.clock.now();
        self.state()
            .producer_state
            .remove_expired(now, expiration_ms);
    }

    /// Everything below this offset is on disk.
    pub fn recovery_point(&self) -> Offset {
        Offset(self.durable_offset.load(Ordering::Acquire))
    }

    pub fn cleaner_checkpoint(&self) -> Offset {
        self.state().cleaner_checkpoint
    }

    /// Moves the high watermark to `offset`, clamped into `[log start, log end]`; returns
    /// the new value. The replica manager calls this as the ISR acknowledges.
    pub fn update_high_watermark(&self, offset: Offset) -> Offset {
        let mut st = self.state();
        st.high_watermark = offset.clamp(st.log_start_offset, st.log_end_offset);
        st.high_watermark
    }

    pub fn latest_epoch(&self) -> Option<LeaderEpoch> {
        self.state().epochs.latest_epoch()
    }

    /// For OffsetForLeaderEpoch: the largest epoch `<= epoch` and where it ends.
    pub fn end_offset_for_epoch(&self, epoch: LeaderEpoch) -> Option<(LeaderEpoch, Offset)> {
        let st = self.state();
        st.epochs.end_offset_for(epoch, st.log_end_offset)
    }

    /// The log's size on disk (sum of `.log` sizes).
    pub fn size_bytes(&self) -> u64 {
        self.state().segments.values().map(LogSegment::size).sum()
    }

    pub fn segments(&self) -> Vec<SegmentInfo> {
        self.state()
            .segments
            .values()
            .map(|s| SegmentInfo {
                base_offset: s.base_offset(),
                next_offset: s.next_offset(),
                size_bytes: s.size(),
                max_timestamp: s.max_timestamp(),
            })
            .collect()
    }
}
