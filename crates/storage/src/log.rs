//! `Log`: one partition's log, a sequence of [`LogSegment`]s of which the last is active.
//!
//! The log owns the partition directory `<data-dir>/<topic>-<partition>/`: its segments
//! (see [`crate::segment`]) and its `leader-epoch-checkpoint`. It assigns offsets on append
//! by overwriting each batch's `baseOffset` and `partitionLeaderEpoch` in place (neither is
//! covered by the CRC), so record bytes reach the file exactly as the producer built them;
//! validation reads only the 61-byte header and computes the CRC32C unless the topic asks
//! for more (compaction needs keys).
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

use std::collections::BTreeMap;
use std::fs::File;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bytes::{Bytes, BytesMut};
use strom_protocol::records::{
    NO_PRODUCER_ID, RecordBatch, RecordBatchHeader, RecordError, TimestampType, compute_crc,
    set_base_offset, set_log_append_time, set_partition_leader_epoch,
};

use crate::checkpoint::sync_dir;
use crate::config::READ_BYTES_MAX;
use crate::error::IoContext;
use crate::flush::{FlushCompleter, FlushHandle, FlushWaiter};
use crate::leader_epoch::LeaderEpochFileCache;
use crate::producer_state::{
    ActiveProducer, BatchKind, CheckLevel, PRODUCERS_PER_PARTITION_MAX, ProducerBatch,
    ProducerStateManager, delete_snapshot, snapshot_offsets,
};
use crate::segment::{BatchInfo, BatchScanner, LogSegment};
use crate::txn_index::TxnIndexView;
use crate::{
    Clock, FlushError, LeaderEpoch, LogConfig, Offset, ProducerId, Result, StorageError, Timestamp,
    TopicPartition,
};

mod load;
pub(crate) mod producers;
#[cfg(test)]
mod tests;

pub use load::{LoadParams, LoadStats};

/// Who is appending, which decides whether offsets are assigned and what is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendOrigin {
    /// A producer, through this broker as leader: offsets and epoch are assigned here, and
    /// control batches are refused.
    Client { leader_epoch: LeaderEpoch },
    /// The broker itself as leader (transaction markers, coordinator records).
    Coordinator { leader_epoch: LeaderEpoch },
    /// The broker as leader writing the markers of a transaction that used transaction
    /// version 2 (KIP-890 part 2): as `Coordinator`, and a marker must carry an epoch above
    /// the producer's, so a repeated or late marker cannot end the producer's next
    /// transaction (`INVALID_PRODUCER_EPOCH`, nothing written).
    CoordinatorTv2 { leader_epoch: LeaderEpoch },
    /// A follower copying the leader: offsets and epochs are kept as they are.
    Replication,
}

/// What an append did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendInfo {
    pub first_offset: Offset,
    pub last_offset: Offset,
    /// The largest batch timestamp (the append time for LogAppendTime topics).
    pub max_timestamp: Timestamp,
    /// The last offset of the batch carrying `max_timestamp`.
    pub offset_of_max_timestamp: Offset,
    /// The time stamped into the batches, for LogAppendTime topics.
    pub log_append_time: Option<Timestamp>,
    pub log_start_offset: Offset,
    pub batches: usize,
    pub records: u64,
    pub bytes: usize,
    /// The record set repeated a client batch already in the log (same producer, epoch and
    /// sequences among its last five): nothing was written, and the offsets are the ones the
    /// batch got the first time, which is what Kafka answers the retried produce with.
    pub duplicate: bool,
}

impl AppendInfo {
    /// The offset after the last appended record: pass it to [`Log::flush_to`].
    pub fn next_offset(&self) -> Offset {
        self.last_offset.plus(1)
    }
}

/// The upper bound of a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchIsolation {
    /// Up to the log end (followers).
    LogEnd,
    /// Up to the high watermark (`read_uncommitted` consumers).
    HighWatermark,
    /// Up to the last stable offset, with the aborted transactions in the returned range
    /// (`read_committed` consumers; Kafka's `TXN_COMMITTED`).
    TxnCommitted,
}

/// An aborted transaction a `read_committed` consumer must skip: the producer's records from
/// `first_offset` up to its abort marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbortedTxn {
    pub producer_id: ProducerId,
    pub first_offset: Offset,
}

/// Limits of one read.
#[derive(Debug, Clone, Copy)]
pub struct FetchParams {
    /// Bytes wanted (capped at [`READ_BYTES_MAX`]).
    pub max_bytes: usize,
    /// Return the first batch even if it alone exceeds `max_bytes` (Kafka does this for the
    /// first partition of a fetch so a large batch cannot block a consumer).
    pub min_one_batch: bool,
    pub isolation: FetchIsolation,
}

/// The answer to a read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchData {
    /// Whole batches, exactly as stored; empty if nothing is visible at the offset.
    pub records: Bytes,
    pub high_watermark: Offset,
    pub log_start_offset: Offset,
    pub log_end_offset: Offset,
    pub last_stable_offset: Offset,
    /// For [`FetchIsolation::TxnCommitted`] only: every aborted transaction overlapping the
    /// returned batches (abort marker at or after the fetch offset, first offset before the
    /// end of the last batch), in marker order. `None` for the other isolations, as Kafka's
    /// FetchResponse sends null.
    pub aborted_transactions: Option<Vec<AbortedTxn>>,
}

/// A summary of one segment, for reporting and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentInfo {
    pub base_offset: Offset,
    pub next_offset: Offset,
    pub size_bytes: u64,
    pub max_timestamp: Timestamp,
}

#[derive(Debug, Default)]
struct DurabilityState {
    waiters: Vec<(Offset, FlushCompleter)>,
    scheduled: bool,
    /// A flush was asked for while the log was already queued or flushing: the flush that
    /// runs (or ran) may have snapshotted the log end before the append that asked, so one
    /// more flush follows it. Cleared when a queued flush starts.
    rerun: bool,
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

    fn check_invariants(&self) {
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
    }
}

/// Counters of a log's flushing since it was opened, to show how well fsyncs are grouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FlushStats {
    /// Flushes that wrote something to disk: each is one grouped fsync pass over every file
    /// holding unflushed data, however many waiters it answered.
    pub flushes: u64,
    /// `fsync`/`fdatasync` calls those flushes made (segment files and the directory).
    pub files_synced: u64,
    /// [`Log::flush_to`] calls that had to wait for a flush (not already durable).
    pub waiters: u64,
}

#[derive(Debug, Default)]
struct FlushCounters {
    flushes: AtomicU64,
    files_synced: AtomicU64,
    waiters: AtomicU64,
}

/// What one flush fsyncs, captured under the log lock so the fsyncs can run without it.
#[derive(Debug)]
pub(crate) struct FlushPlan {
    /// The log end when the plan was made: every offset below it is in `files`.
    target: Offset,
    files: Vec<(Arc<File>, PathBuf)>,
    dir_dirty: bool,
    truncations: u64,
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

/// A validated record set waiting to be written.
struct ValidatedRecords {
    batches: Vec<BatchInfo>,
    /// The batches that carry a producer id, by index into `batches`.
    producer_batches: Vec<(usize, ProducerBatch)>,
    records: u64,
}

impl Log {
    /// Opens (or creates) the log in `dir`, recovering it as `params` says. See
    /// [`load`](self::load) for what recovery does.
    pub fn open(
        dir: PathBuf,
        topic_partition: TopicPartition,
        config: LogConfig,
        params: LoadParams,
        clock: Arc<dyn Clock>,
        flusher: FlushHandle,
    ) -> Result<(Arc<Log>, LoadStats)> {
        config.validate()?;
        let (state, stats) = load::load(&dir, Arc::new(config), &params, clock.as_ref())?;
        state.check_invariants();
        let log = Log {
            topic_partition,
            dir,
            clock,
            flusher,
            durable_offset: AtomicI64::new(state.recovery_point.0),
            state: Mutex::new(state),
            durability: Mutex::new(DurabilityState::default()),
            flushing: Mutex::new(()),
            counters: FlushCounters::default(),
        };
        Ok((Arc::new(log), stats))
    }

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

    // ---------------------------------------------------------------- append

    /// Validates `records` (one or more v2 batches laid end to end), assigns offsets and the
    /// leader epoch in place unless replicating, checks the producer state, and appends them
    /// to the active segment (rolling first if needed). The bytes are in the page cache on
    /// return; use [`Log::flush_to`] to wait until they are on disk.
    ///
    /// Producer checks (see [`crate::producer_state`]), all made under the log's lock so a
    /// check and its append cannot be separated: for [`AppendOrigin::Client`], a batch that
    /// repeats one of its producer's last five is answered with [`AppendInfo::duplicate`] and
    /// its original offsets; a sequence gap, an older producer epoch, a non-transactional
    /// batch inside a transaction, or (for [`AppendOrigin::Coordinator`] markers) an older
    /// coordinator epoch, or (for [`AppendOrigin::CoordinatorTv2`] markers) a producer epoch
    /// not above the producer's, is [`StorageError::ProducerState`] and nothing is written.
    /// Replicated batches are never refused by producer state.
    pub fn append(self: &Arc<Self>, records: BytesMut, origin: AppendOrigin) -> Result<AppendInfo> {
        let mut records = records;
        let config = self.config();
        let validated = validate(&records, &config, origin)?;
        let now = self.clock.now();
        let mut st = self.state();
        self.usable(&st)?;
        // The config may have changed between validation and the lock; keys checked against
        // the old one are still acceptable, as in Kafka.
        let config = Arc::clone(&st.config);
        let mut batches = validated.batches;
        let append_time = match origin {
            AppendOrigin::Replication => {
                let first = batches[0].base_offset;
                if first < st.log_end_offset {
                    return Err(StorageError::NonMonotonicOffset {
                        first,
                        log_end: st.log_end_offset,
                    });
                }
                None
            }
            AppendOrigin::Client { leader_epoch }
            | AppendOrigin::Coordinator { leader_epoch }
            | AppendOrigin::CoordinatorTv2 { leader_epoch } => {
                let stamp = config.message_timestamp_type == TimestampType::LogAppendTime;
                assign_offsets(
                    &mut records,
                    &mut batches,
                    st.log_end_offset,
                    leader_epoch,
                    stamp.then_some(now),
                );
                stamp.then_some(now)
            }
        };
        let first = batches[0].base_offset;
        let last = batches[batches.len() - 1].last_offset;
        if records.len() as u64 > config.segment_bytes {
            return Err(StorageError::RecordSetTooLarge {
                size: records.len(),
                max: config.segment_bytes as usize,
            });
        }
        let producer_batches: Vec<ProducerBatch> = validated
            .producer_batches
            .iter()
            .map(|&(i, b)| ProducerBatch {
                first_offset: batches[i].base_offset,
                last_offset: batches[i].last_offset,
                max_timestamp: batches[i].max_timestamp,
                ..b
            })
            .collect();
        let level = match origin {
            AppendOrigin::Client { .. } => CheckLevel::Client,
            AppendOrigin::Coordinator { .. } => CheckLevel::Coordinator,
            AppendOrigin::CoordinatorTv2 { .. } => CheckLevel::CoordinatorTv2,
            AppendOrigin::Replication => CheckLevel::Replication,
        };
        if level == CheckLevel::Client
            && let Some((first_offset, last_offset)) =
                st.producer_state.find_duplicate(&producer_batches)
        {
            return Ok(AppendInfo {
                first_offset,
                last_offset,
                max_timestamp: Timestamp::NONE,
                offset_of_max_timestamp: first_offset,
                log_append_time: None,
                log_start_offset: st.log_start_offset,
                batches: 0,
                records: 0,
                bytes: 0,
                duplicate: true,
            });
        }
        let prepared = st.producer_state.prepare(&producer_batches, level)?;
        self.record_epochs(&mut st, &records, &batches, origin)?;
        if st.active().should_roll(&config, records.len(), last, now) {
            self.roll_locked(&mut st, first)?;
        }
        if let Err(e) = st.active_mut().append(&records, &batches) {
            // A failed write leaves the file in an unknown state; refuse further writes.
            st.offline = true;
            tracing::error!(partition = %self.topic_partition, error = %e,
                "append failed; the partition takes no more writes until restart");
            return Err(e);
        }
        // The gap a replicated set may leave before its first batch holds no producer data.
        st.producer_state.set_end_offset(first);
        let aborted = st.producer_state.commit(prepared);
        st.producer_state.set_end_offset(last.plus(1));
        for entry in aborted {
            if let Err(e) = st.active_mut().txn_index_mut().append(entry) {
                st.offline = true;
                tracing::error!(partition = %self.topic_partition, error = %e,
                    "transaction index append failed; the partition takes no more writes");
                return Err(e);
            }
        }
        st.log_end_offset = last.plus(1);
        st.unflushed_messages += validated.records;
        st.first_unflushed_at.get_or_insert(now);
        let (max_timestamp, offset_of_max_timestamp) =
            batches
                .iter()
                .fold((Timestamp::NONE, first), |(ts, at), b| {
                    if b.max_timestamp > ts {
                        (b.max_timestamp, b.last_offset)
                    } else {
                        (ts, at)
                    }
                });
        let flush_now = config
            .flush_messages
            .is_some_and(|n| st.unflushed_messages >= n);
        let info = AppendInfo {
            first_offset: first,
            last_offset: last,
            max_timestamp,
            offset_of_max_timestamp,
            log_append_time: append_time,
            log_start_offset: st.log_start_offset,
            batches: batches.len(),
            records: validated.records,
            bytes: records.len(),
            duplicate: false,
        };
        drop(st);
        if flush_now {
            self.schedule_flush();
        }
        Ok(info)
    }

    fn record_epochs(
        &self,
        st: &mut LogState,
        records: &[u8],
        batches: &[BatchInfo],
        origin: AppendOrigin,
    ) -> Result<()> {
        match origin {
            AppendOrigin::Client { leader_epoch }
            | AppendOrigin::Coordinator { leader_epoch }
            | AppendOrigin::CoordinatorTv2 { leader_epoch } => {
                st.epochs.assign(leader_epoch, batches[0].base_offset)?;
            }
            AppendOrigin::Replication => {
                for b in batches {
                    let at = b.position_in_set + 12;
                    let epoch = i32::from_be_bytes([
                        records[at],
                        records[at + 1],
                        records[at + 2],
                        records[at + 3],
                    ]);
                    st.epochs.assign(LeaderEpoch(epoch), b.base_offset)?;
                }
            }
        }
        Ok(())
    }

    /// Starts a new active segment at `base` (the next offset to be written), after writing
    /// the producer state snapshot for `base`.
    fn roll_locked(&self, st: &mut LogState, base: Offset) -> Result<()> {
        let now = self.clock.now();
        let config = Arc::clone(&st.config);
        assert!(base >= st.log_end_offset, "roll to {base} inside the log");
        st.producer_state.set_end_offset(base);
        let snapshot = st.producer_state.take_snapshot(&self.dir);
        st.producer_state.set_end_offset(st.log_end_offset);
        snapshot?;
        if st.active().size() == 0 {
            // An empty active segment is replaced rather than left behind.
            if st.active().base_offset() == base {
                return Ok(());
            }
            let old_base = st.active().base_offset();
            if let Some(empty) = st.segments.remove(&old_base) {
                empty.delete_files()?;
            }
        } else {
            st.active_mut().on_become_inactive()?;
        }
        let segment = LogSegment::create(&self.dir, base, "", &config, now)?;
        assert!(
            st.segments.keys().next_back().is_none_or(|&b| b < base),
            "roll to {base} not after the last segment"
        );
        st.segments.insert(base, segment);
        st.dir_dirty = true;
        tracing::debug!(partition = %self.topic_partition, base = base.0, "rolled segment");
        Ok(())
    }

    /// Rolls the active segment now (if it holds anything). Returns the new active base.
    pub fn roll(&self) -> Result<Offset> {
        let mut st = self.state();
        self.usable(&st)?;
        let end = st.log_end_offset;
        if st.active().size() > 0 {
            self.roll_locked(&mut st, end)?;
        }
        Ok(st.active().base_offset())
    }

    // ---------------------------------------------------------------- read

    /// Reads whole batches starting with the one that holds `start`, from a single segment.
    /// `start` must lie in `[log start, log end]`; at or past the isolation bound the answer
    /// is empty. For [`FetchIsolation::TxnCommitted`] the bound is the last stable offset and
    /// the answer lists the aborted transactions overlapping the returned batches.
    pub fn read(&self, start: Offset, params: FetchParams) -> Result<FetchData> {
        let mut data = self.read_records(start, params)?;
        if params.isolation == FetchIsolation::TxnCommitted {
            data.aborted_transactions = Some(self.aborted_transactions_in(start, &data.records)?);
        }
        Ok(data)
    }

    /// Kafka's `collectAbortedTransactions` for the range from `start` to the end of the last
    /// batch of `records`: the transaction indexes of the segment holding `start` and the
    /// ones after it, until an entry proves no later one can overlap.
    fn aborted_transactions_in(&self, start: Offset, records: &Bytes) -> Result<Vec<AbortedTxn>> {
        let Some(last) = strom_protocol::records::BatchIter::new(records.clone())
            .map_while(std::result::Result::ok)
            .map(|b| b.header().last_offset())
            .last()
        else {
            return Ok(Vec::new());
        };
        let upper_bound = Offset(last).plus(1);
        let views: Vec<TxnIndexView> = {
            let st = self.state();
            let from = st
                .segments
                .range(..=start)
                .next_back()
                .map_or(start, |(&b, _)| b);
            // Markers after the range may close transactions that overlap it, so later
            // segments count too; those without a `.txnindex` have nothing to add.
            st.segments
                .range(from..)
                .map(|(_, s)| s.txn_index())
                .filter(|index| !index.is_empty())
                .map(|index| index.view())
                .collect()
        };
        let mut out = Vec::new();
        for view in views {
            let search = view.collect_aborted(start, upper_bound)?;
            out.extend(search.entries.iter().map(|e| AbortedTxn {
                producer_id: e.producer_id,
                first_offset: e.first_offset,
            }));
            if search.complete {
                break;
            }
        }
        Ok(out)
    }

    fn read_records(&self, start: Offset, params: FetchParams) -> Result<FetchData> {
        let max_bytes = params.max_bytes.min(READ_BYTES_MAX);
        let mut position = start;
        loop {
            let (view, meta, bound) = {
                let st = self.state();
                if st.closed {
                    return Err(StorageError::LogClosed(self.topic_partition.clone()));
                }
                let meta = FetchData {
                    records: Bytes::new(),
                    high_watermark: st.high_watermark,
                    log_start_offset: st.log_start_offset,
                    log_end_offset: st.log_end_offset,
                    last_stable_offset: st.last_stable_offset(),
                    aborted_transactions: None,
                };
                if start < st.log_start_offset || start > st.log_end_offset {
                    return Err(self.out_of_range(&st, start));
                }
                let bound = match params.isolation {
                    FetchIsolation::LogEnd => st.log_end_offset,
                    FetchIsolation::HighWatermark => st.high_watermark,
                    FetchIsolation::TxnCommitted => st.last_stable_offset(),
                };
                if position >= bound {
                    return Ok(meta);
                }
                let segment = st
                    .segments
                    .range(..=position)
                    .next_back()
                    .or_else(|| st.segments.range(position..).next())
                    .map(|(_, s)| s);
                let Some(segment) = segment else {
                    return Ok(meta);
                };
                (segment.read_view(position), meta, bound)
            };
            let target = position.max(view.base_offset);
            match view.read(target, max_bytes, params.min_one_batch, bound)? {
                Some(records) => return Ok(FetchData { records, ..meta }),
                None => {
                    // Nothing at or after `position` in that segment (a compacted gap, or an
                    // empty segment): continue from the next one.
                    let st = self.state();
                    let next = st
                        .segments
                        .range((Bound::Excluded(view.base_offset), Bound::Unbounded))
                        .next()
                        .map(|(&b, _)| b);
                    match next {
                        Some(b) => position = b.max(position),
                        None => return Ok(meta),
                    }
                }
            }
        }
    }

    fn out_of_range(&self, st: &LogState, requested: Offset) -> StorageError {
        StorageError::OffsetOutOfRange {
            topic_partition: self.topic_partition.clone(),
            requested,
            log_start: st.log_start_offset,
            log_end: st.log_end_offset,
        }
    }

    /// Kafka's offset-for-timestamp: the first record at or after the log start whose
    /// timestamp is at least `target`, as (offset, timestamp); `None` if none is that new.
    pub fn offset_for_timestamp(&self, target: Timestamp) -> Result<Option<(Offset, Timestamp)>> {
        let (file, path, from, size, log_start) = {
            let st = self.state();
            let log_start = st.log_start_offset;
            let Some(segment) = st
                .segments
                .values()
                .find(|s| s.next_offset() > log_start && s.max_timestamp() >= target)
            else {
                return Ok(None);
            };
            let (_, indexed_offset) = segment.time_index().lookup(target);
            let (_, position) = segment.offset_index().lookup(indexed_offset.max(log_start));
            (
                segment.log_file(),
                segment.log_path().to_path_buf(),
                position,
                segment.size(),
                log_start,
            )
        };
        let mut scanner = BatchScanner::new(&file, &path, u64::from(from), size);
        while let Ok(Some((_, batch))) = scanner.next_batch()? {
            let h = *batch.header();
            if h.last_offset() < log_start.0 || h.max_timestamp < target.0 {
                continue;
            }
            if h.timestamp_type() == TimestampType::LogAppendTime {
                let offset = Offset(h.base_offset).max(log_start);
                return Ok(Some((offset, Timestamp(h.max_timestamp))));
            }
            let records = batch
                .records()
                .map_err(|source| StorageError::CorruptRecord {
                    batch_index: 0,
                    source,
                })?;
            for record in records {
                let record = record.map_err(|source| StorageError::CorruptRecord {
                    batch_index: 0,
                    source,
                })?;
                let (offset, ts) = (
                    record.offset(h.base_offset),
                    record.timestamp(h.base_timestamp),
                );
                if ts >= target.0 && offset >= log_start.0 {
                    return Ok(Some((Offset(offset), Timestamp(ts))));
                }
            }
        }
        Ok(None)
    }

    /// Kafka's `MAX_TIMESTAMP` lookup: the newest timestamp in the log and the offset of the
    /// first record that carries it (`None` for a log without timestamps). The segment keeps
    /// the batch that holds the newest timestamp; that batch's records say which one it is,
    /// as a batch may be stamped out of order. A LogAppendTime batch stamps every record
    /// alike, so its base offset is the answer.
    pub fn max_timestamp_offset(&self) -> Result<Option<(Offset, Timestamp)>> {
        let (file, path, from, size, batch_last, newest) = {
            let st = self.state();
            let Some(segment) = st
                .segments
                .values()
                .filter(|s| s.max_timestamp() != Timestamp::NONE)
                .max_by_key(|s| s.max_timestamp())
            else {
                return Ok(None);
            };
            let batch_last = segment.offset_of_max_timestamp();
            let (_, position) = segment.offset_index().lookup(batch_last);
            (
                segment.log_file(),
                segment.log_path().to_path_buf(),
                position,
                segment.size(),
                batch_last,
                segment.max_timestamp(),
            )
        };
        let mut scanner = BatchScanner::new(&file, &path, u64::from(from), size);
        while let Ok(Some((_, batch))) = scanner.next_batch()? {
            let h = *batch.header();
            if h.last_offset() < batch_last.0 {
                continue;
            }
            if h.max_timestamp != newest.0 {
                break;
            }
            if h.timestamp_type() == TimestampType::LogAppendTime {
                return Ok(Some((Offset(h.base_offset), newest)));
            }
            let records = batch
                .records()
                .map_err(|source| StorageError::CorruptRecord {
                    batch_index: 0,
                    source,
                })?;
            for record in records {
                let record = record.map_err(|source| StorageError::CorruptRecord {
                    batch_index: 0,
                    source,
                })?;
                if record.timestamp(h.base_timestamp) == newest.0 {
                    return Ok(Some((Offset(record.offset(h.base_offset)), newest)));
                }
            }
            break;
        }
        // The batch was not where the segment said (truncated meanwhile): its last offset is
        // still a record at or after the newest timestamp's.
        Ok(Some((batch_last, newest)))
    }

    // ---------------------------------------------------------------- offsets

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

    // ---------------------------------------------------------------- durability

    /// Resolves once every offset below `end` is on disk. Waiters are answered by grouped
    /// fsyncs on the flusher threads; none of the work happens on the caller's thread.
    ///
    /// `end` must be at most the log end (it is normally [`AppendInfo::next_offset`]); a
    /// waiter for offsets the log does not hold, or that a later truncation removes,
    /// resolves with [`FlushError::BeyondLogEnd`].
    pub fn flush_to(self: &Arc<Self>, end: Offset) -> Result<FlushWaiter> {
        let durable = self.recovery_point();
        if durable >= end {
            return Ok(FlushWaiter::ready(Ok(durable)));
        }
        let st = self.state();
        if st.closed {
            return Ok(FlushWaiter::ready(Err(FlushError::Closed)));
        }
        if st.offline {
            let reason = StorageError::LogOffline(self.topic_partition.clone()).to_string();
            return Ok(FlushWaiter::ready(Err(FlushError::Failed { reason })));
        }
        if end > st.log_end_offset {
            let log_end = st.log_end_offset;
            return Ok(FlushWaiter::ready(Err(FlushError::BeyondLogEnd {
                end,
                log_end,
            })));
        }
        let limit = st.config.flush_waiters_max;
        // Taken before the state lock is released, so a truncation cannot slip in between
        // the log end check above and the registration below.
        let mut d = lock(&self.durability);
        drop(st);
        let durable = self.recovery_point();
        if durable >= end {
            return Ok(FlushWaiter::ready(Ok(durable)));
        }
        if d.waiters.len() >= limit {
            return Err(StorageError::TooManyFlushWaiters {
                waiting: d.waiters.len(),
                limit,
            });
        }
        let (waiter, completer) = FlushWaiter::pending();
        d.waiters.push((end, completer));
        self.counters.waiters.fetch_add(1, Ordering::Relaxed);
        let enqueue = !std::mem::replace(&mut d.scheduled, true);
        drop(d);
        if enqueue {
            self.flusher.enqueue(Arc::clone(self));
        }
        Ok(waiter)
    }

    /// Queues a background flush of everything appended so far (flush.messages, flush.ms).
    pub fn schedule_flush(self: &Arc<Self>) {
        let enqueue = {
            let mut d = lock(&self.durability);
            d.rerun |= d.scheduled;
            !std::mem::replace(&mut d.scheduled, true)
        };
        if enqueue {
            self.flusher.enqueue(Arc::clone(self));
        }
    }

    /// Whether `flush.ms` has passed since the oldest unflushed append.
    pub fn flush_due(&self, now: Timestamp) -> bool {
        let st = self.state();
        match (st.config.flush_ms, st.first_unflushed_at) {
            (Some(ms), Some(since)) => now.0.saturating_sub(since.0) >= ms,
            _ => false,
        }
    }

    /// How the log's flushes have been grouped so far.
    pub fn flush_stats(&self) -> FlushStats {
        FlushStats {
            flushes: self.counters.flushes.load(Ordering::Relaxed),
            files_synced: self.counters.files_synced.load(Ordering::Relaxed),
            waiters: self.counters.waiters.load(Ordering::Relaxed),
        }
    }

    /// Runs on a flusher thread: one grouped fsync, then answers the waiters it covers.
    pub(crate) fn run_scheduled_flush(self: Arc<Self>) {
        // Asks from here on may come after the flush's snapshot of the log end.
        lock(&self.durability).rerun = false;
        let result = self.flush().map_err(|e| FlushError::Failed {
            reason: e.to_string(),
        });
        self.answer_waiters(&result);
    }

    /// Answers every waiter that `result` covers. Waiters it does not cover registered
    /// after the flush had taken its snapshot of the log end; they all go to one more flush,
    /// which the log is queued for again, as it is when a flush was asked for meanwhile.
    fn answer_waiters(self: Arc<Self>, result: &Result<Offset, FlushError>) {
        let mut answered = Vec::new();
        let again = {
            let mut d = lock(&self.durability);
            let waiters = std::mem::take(&mut d.waiters);
            for (end, completer) in waiters {
                match result {
                    Ok(durable) if *durable >= end => answered.push((completer, Ok(*durable))),
                    Ok(_) => d.waiters.push((end, completer)),
                    Err(e) => answered.push((completer, Err(e.clone()))),
                }
            }
            // A failed flush took the log offline: nothing more to flush.
            d.scheduled = !d.waiters.is_empty() || (d.rerun && result.is_ok());
            d.scheduled
        };
        // Waking waiters outside the lock lets them register their next batch at once.
        for (completer, result) in answered {
            completer.complete(result);
        }
        if again {
            self.flusher.enqueue(Arc::clone(&self));
        }
    }

    /// Fsyncs everything appended so far on the calling thread and returns the new recovery
    /// point. A failed fsync takes the log offline: after one, the kernel may have dropped
    /// the dirty pages, so a retry could falsely succeed.
    pub fn flush(&self) -> Result<Offset> {
        let (before, durable) = {
            let _one_at_a_time = lock(&self.flushing);
            let plan = match self.plan_flush()? {
                Ok(plan) => plan,
                Err(durable) => return Ok(durable),
            };
            let before = self.recovery_point();
            let synced = self.sync_planned(&plan);
            (before, self.finish_flush(plan, synced)?)
        };
        // Told with no lock of this log held, so the listener may take its own locks (the
        // replica manager's partition state) without ordering them against ours.
        if durable > before {
            self.flusher.durable(self, durable);
        }
        Ok(durable)
    }

    /// Snapshots the log end and the files that hold data below it; `Err(recovery point)`
    /// if there is nothing to flush.
    pub(crate) fn plan_flush(&self) -> Result<Result<FlushPlan, Offset>> {
        let mut st = self.state();
        if st.offline {
            return Err(StorageError::LogOffline(self.topic_partition.clone()));
        }
        let target = st.log_end_offset;
        if target <= st.recovery_point && !st.dir_dirty {
            return Ok(Err(st.recovery_point));
        }
        let recovery_point = st.recovery_point;
        let active_base = st.active().base_offset();
        let files: Vec<(Arc<File>, PathBuf)> = st
            .segments
            .values()
            .filter(|s| s.next_offset() > recovery_point || s.base_offset() == active_base)
            .flat_map(|s| s.files_to_sync(s.base_offset() != active_base))
            .collect();
        Ok(Ok(FlushPlan {
            target,
            files,
            dir_dirty: std::mem::take(&mut st.dir_dirty),
            truncations: st.truncations,
        }))
    }

    /// The fsyncs of a plan, with no log lock held.
    pub(crate) fn sync_planned(&self, plan: &FlushPlan) -> Result<()> {
        self.counters.flushes.fetch_add(1, Ordering::Relaxed);
        for (file, path) in &plan.files {
            self.counters.files_synced.fetch_add(1, Ordering::Relaxed);
            file.sync_data().io("fsync", path)?;
        }
        if plan.dir_dirty {
            self.counters.files_synced.fetch_add(1, Ordering::Relaxed);
            sync_dir(&self.dir)?;
        }
        Ok(())
    }

    /// Moves the recovery point up to the plan's target once its fsyncs succeeded.
    pub(crate) fn finish_flush(&self, plan: FlushPlan, synced: Result<()>) -> Result<Offset> {
        let mut st = self.state();
        if let Err(e) = synced {
            st.offline = true;
            tracing::error!(partition = %self.topic_partition, error = %e, "flush failed");
            return Err(e);
        }
        if st.truncations != plan.truncations {
            // Offsets at or past the truncation point may have been written again after
            // the snapshot: the fsyncs vouch only for what was there before, and the
            // truncation already lowered the recovery point to where that still holds.
            return Ok(st.recovery_point);
        }
        let recovery_point = st.recovery_point.max(plan.target);
        assert!(
            recovery_point <= st.log_end_offset,
            "flushed to {recovery_point} past the log end {}",
            st.log_end_offset
        );
        if st.log_end_offset == plan.target {
            st.unflushed_messages = 0;
            st.first_unflushed_at = None;
        } else {
            st.first_unflushed_at = Some(self.clock.now());
        }
        self.set_recovery_point(&mut st, recovery_point);
        Ok(recovery_point)
    }

    fn set_recovery_point(&self, st: &mut LogState, offset: Offset) {
        st.recovery_point = offset;
        self.durable_offset.store(offset.0, Ordering::Release);
    }

    // ---------------------------------------------------------------- retention, truncation

    /// `DeleteRecords`: moves the log start up to `offset` (at most the high watermark) and
    /// removes segments wholly below it. Returns the log start.
    pub fn delete_records(&self, offset: Offset) -> Result<Offset> {
        let mut st = self.state();
        self.usable(&st)?;
        if offset > st.high_watermark {
            return Err(StorageError::DeleteBeyondHighWatermark {
                requested: offset,
                high_watermark: st.high_watermark,
            });
        }
        if offset > st.log_start_offset {
            self.advance_log_start(&mut st, offset)?;
        }
        self.delete_segments_where(&mut st, |_, next, st| next <= st.log_start_offset)?;
        Ok(st.log_start_offset)
    }

    fn advance_log_start(&self, st: &mut LogState, offset: Offset) -> Result<()> {
        st.log_start_offset = offset;
        st.high_watermark = st.high_watermark.max(offset);
        st.cleaner_checkpoint = st.cleaner_checkpoint.max(offset);
        st.epochs.truncate_from_start(offset)
    }

    /// One retention pass: deletes whole segments (never the active one, never past the
    /// high watermark) that are below the log start, older than `retention.ms`, or beyond
    /// `retention.bytes`. Returns how many were deleted.
    pub fn delete_old_segments(&self) -> Result<usize> {
        let now = self.clock.now();
        let mut st = self.state();
        if st.closed || st.offline {
            return Ok(0);
        }
        let config = Arc::clone(&st.config);
        let mut deleted =
            self.delete_segments_where(&mut st, |_, next, st| next <= st.log_start_offset)?;
        if !config.cleanup_policy.deletes() {
            return Ok(deleted);
        }
        if let Some(ms) = config.retention_ms {
            deleted += self.delete_segments_where(&mut st, |s, _, _| {
                let newest = if s.max_timestamp() == Timestamp::NONE {
                    s.created_at()
                } else {
                    s.max_timestamp()
                };
                now.0.saturating_sub(newest.0) > ms
            })?;
        }
        if let Some(limit) = config.retention_bytes {
            let total: u64 = st.segments.values().map(LogSegment::size).sum();
            let mut excess = total.saturating_sub(limit);
            deleted += self.delete_segments_where(&mut st, |s, _, _| {
                if excess >= s.size() {
                    excess -= s.size();
                    true
                } else {
                    false
                }
            })?;
        }
        Ok(deleted)
    }

    /// Deletes the longest prefix of inactive segments for which `predicate` holds, each
    /// with the next segment's base offset at or below the high watermark; then moves the
    /// log start up to the new first segment. The predicate also gets that next base: as in
    /// Kafka, a segment is below the log start once the next one starts at or below it (its
    /// own last batch may end earlier, before a gap that truncation or compaction left).
    fn delete_segments_where(
        &self,
        st: &mut LogState,
        mut predicate: impl FnMut(&LogSegment, Offset, &LogState) -> bool,
    ) -> Result<usize> {
        let mut doomed = Vec::new();
        let mut bases = st.segments.keys().copied().skip(1);
        for (base, s) in &st.segments {
            // The active segment has no next one, so it is never deleted here.
            let Some(next_base) = bases.next() else { break };
            if next_base > st.high_watermark || !predicate(s, next_base, st) {
                break;
            }
            doomed.push(*base);
        }
        let active_base = st.active().base_offset();
        for base in &doomed {
            if let Some(segment) = st.segments.remove(base) {
                tracing::info!(
                    partition = %self.topic_partition,
                    base = base.0,
                    size = segment.size(),
                    "deleting segment"
                );
                segment.delete_files()?;
                st.dir_dirty = true;
            }
        }
        let first = *st.segments.keys().next().unwrap_or(&active_base);
        if first > st.log_start_offset {
            self.advance_log_start(st, first)?;
        }
        if !doomed.is_empty() {
            // Snapshots of deleted segments: no replay could start from them any more.
            for offset in snapshot_offsets(&self.dir)? {
                if offset < first {
                    delete_snapshot(&self.dir, offset)?;
                }
            }
        }
        Ok(doomed.len())
    }

    /// Removes every record at or after `offset` (a follower diverged from its leader), as
    /// Kafka's `UnifiedLog.truncateTo` does. Segments whose base offset is above `offset`
    /// are deleted; in the one that becomes active, the batch holding `offset` goes whole,
    /// with everything after it (a batch is never split). The log end then becomes exactly
    /// `offset`, even when that leaves a gap after the last batch kept: the leader's next
    /// batch starts there. The log start drops to `offset` if it was above it, and if the
    /// first segment starts above `offset` the log restarts empty at `offset`. At or past
    /// the log end nothing changes except that leader epochs starting at or past the log
    /// end are dropped. Returns whether records were removed; a negative `offset` is
    /// [`StorageError::OffsetOutOfRange`].
    pub fn truncate_to(&self, offset: Offset) -> Result<bool> {
        let mut st = self.state();
        self.usable(&st)?;
        if offset < Offset::ZERO {
            // The target comes from a leader's answer, so a bad one is refused, not a bug.
            return Err(self.out_of_range(&st, offset));
        }
        if offset >= st.log_end_offset {
            // An epoch this broker recorded as leader without appending anything under it.
            let end = st.log_end_offset;
            st.epochs.truncate_from_end(end)?;
            return Ok(false);
        }
        tracing::info!(
            partition = %self.topic_partition,
            offset = offset.0,
            log_end = st.log_end_offset.0,
            "truncating log"
        );
        if st.segments.keys().next().is_none_or(|&b| b > offset) {
            self.truncate_fully_locked(&mut st, offset)?;
            return Ok(true);
        }
        let doomed: Vec<Offset> = st
            .segments
            .range((Bound::Excluded(offset), Bound::Unbounded))
            .map(|(&b, _)| b)
            .collect();
        for base in doomed {
            if let Some(segment) = st.segments.remove(&base) {
                segment.delete_files()?;
                st.dir_dirty = true;
            }
        }
        let active = st.active_mut();
        active.truncate_to(offset)?;
        active.on_become_active()?;
        st.log_start_offset = st.log_start_offset.min(offset);
        // Kafka's `truncateAndReload`: snapshots above the new end go, and the state comes
        // from the newest one left plus a replay; transactions that started at or after the
        // new end disappear with their records.
        let (producer_state, _) =
            producers::rebuild(&self.dir, &mut st.segments, offset, offset, None)?;
        st.producer_state = producer_state;
        self.after_truncation(&mut st, offset)?;
        Ok(true)
    }

    fn after_truncation(&self, st: &mut LogState, end: Offset) -> Result<()> {
        st.log_end_offset = end;
        st.high_watermark = st.high_watermark.min(end);
        let recovery_point = st.recovery_point.min(end);
        self.set_recovery_point(st, recovery_point);
        st.cleaner_checkpoint = st.cleaner_checkpoint.min(end);
        st.epochs.truncate_from_end(end)?;
        st.truncations += 1;
        st.check_invariants();
        // Waiters for the removed offsets learn now rather than at the next flush. The
        // state lock is still held, so no waiter can register past the new end meanwhile.
        let gone: Vec<(Offset, FlushCompleter)> = {
            let mut d = lock(&self.durability);
            let (gone, kept) = std::mem::take(&mut d.waiters)
                .into_iter()
                .partition(|(waiting_for, _)| *waiting_for > end);
            d.waiters = kept;
            gone
        };
        for (waiting_for, completer) in gone {
            completer.complete(Err(FlushError::BeyondLogEnd {
                end: waiting_for,
                log_end: end,
            }));
        }
        Ok(())
    }

    /// Deletes every segment and restarts the log, empty, at `offset` (a follower whose log
    /// is entirely out of range of the leader's).
    pub fn truncate_fully_and_start_at(&self, offset: Offset) -> Result<()> {
        let mut st = self.state();
        self.usable(&st)?;
        if offset < Offset::ZERO {
            return Err(self.out_of_range(&st, offset));
        }
        self.truncate_fully_locked(&mut st, offset)
    }

    fn truncate_fully_locked(&self, st: &mut LogState, offset: Offset) -> Result<()> {
        let config = Arc::clone(&st.config);
        for (_, segment) in std::mem::take(&mut st.segments) {
            segment.delete_files()?;
        }
        let segment = LogSegment::create(&self.dir, offset, "", &config, self.clock.now())?;
        st.segments.insert(offset, segment);
        st.dir_dirty = true;
        st.log_start_offset = offset;
        st.high_watermark = offset;
        st.cleaner_checkpoint = offset;
        // As Kafka's `truncateFullyAndStartAt`: no epoch and no producer describes an empty
        // log.
        st.epochs.clear()?;
        for snapshot in snapshot_offsets(&self.dir)? {
            delete_snapshot(&self.dir, snapshot)?;
        }
        // A deleted snapshot that came back after a crash would describe other records.
        sync_dir(&self.dir)?;
        st.producer_state = ProducerStateManager::new(offset, PRODUCERS_PER_PARTITION_MAX);
        self.after_truncation(st, offset)
    }

    // ---------------------------------------------------------------- lifecycle

    /// Flushes everything, finalises the active segment's indexes, writes the producer state
    /// snapshot for the log end, and refuses further use. Returns the final recovery point
    /// (the log end).
    pub fn close(&self) -> Result<Offset> {
        let end = self.flush()?;
        let mut st = self.state();
        if st.closed {
            return Ok(end);
        }
        st.active_mut().on_become_inactive()?;
        st.active().flush()?;
        st.producer_state.take_snapshot(&self.dir)?;
        st.closed = true;
        drop(st);
        self.fail_waiters(FlushError::Closed);
        Ok(end)
    }

    /// Marks the log closed without flushing, so its directory can be deleted.
    pub(crate) fn close_for_delete(&self) {
        self.state().closed = true;
        self.fail_waiters(FlushError::Closed);
    }

    fn fail_waiters(&self, error: FlushError) {
        let waiters = std::mem::take(&mut lock(&self.durability).waiters);
        for (_, completer) in waiters {
            completer.complete(Err(error.clone()));
        }
    }
}

/// Checks every batch of a record set before anything is written. Header, size and CRC
/// always; record framing, offset deltas and keys only when `config` asks for decoding.
fn validate(records: &[u8], config: &LogConfig, origin: AppendOrigin) -> Result<ValidatedRecords> {
    let mut batches = Vec::new();
    let mut producer_batches = Vec::new();
    let mut position = 0;
    let mut total_records: u64 = 0;
    let mut next_expected: Option<i64> = None;
    while position < records.len() {
        let batch_index = batches.len();
        let corrupt = |source| StorageError::CorruptRecord {
            batch_index,
            source,
        };
        let invalid = |reason| StorageError::InvalidRecord {
            batch_index,
            reason,
        };
        let rest = &records[position..];
        let header = RecordBatchHeader::parse(rest).map_err(corrupt)?;
        let size = header.total_size();
        if size > rest.len() {
            return Err(corrupt(RecordError::Truncated {
                needed: size,
                available: rest.len(),
            }));
        }
        if size > config.max_message_bytes && origin != AppendOrigin::Replication {
            return Err(StorageError::RecordTooLarge {
                size,
                max: config.max_message_bytes,
            });
        }
        let bytes = &rest[..size];
        let computed = compute_crc(bytes);
        if computed != header.crc {
            return Err(corrupt(RecordError::CrcMismatch {
                stored: header.crc,
                computed,
            }));
        }
        header.compression().map_err(corrupt)?;
        check_header_counts(&header, origin).map_err(invalid)?;
        if origin == AppendOrigin::Replication {
            if next_expected.is_some_and(|n| header.base_offset < n) {
                return Err(invalid("replicated batches must have increasing offsets"));
            }
            next_expected = Some(header.next_offset());
        }
        if config.decodes_records_on_append() {
            let batch = RecordBatch::new(Bytes::copy_from_slice(bytes)).map_err(corrupt)?;
            validate_records(&batch, config, origin).map_err(|e| match e {
                Ok(reason) => invalid(reason),
                Err(source) => corrupt(source),
            })?;
        }
        if header.producer_id != NO_PRODUCER_ID {
            let kind = if header.is_control() {
                control_batch_kind(bytes, origin).map_err(invalid)?
            } else {
                BatchKind::Data
            };
            producer_batches.push((batch_index, ProducerBatch::from_header(&header, kind)));
        }
        total_records += u64::try_from(header.record_count).unwrap_or(0);
        batches.push(BatchInfo::from_header(position, &header));
        position += size;
    }
    if batches.is_empty() {
        return Err(StorageError::EmptyRecordSet);
    }
    Ok(ValidatedRecords {
        batches,
        producer_batches,
        records: total_records,
    })
}

/// What a control batch with a producer id is. A marker the broker itself writes must be
/// readable; a replicated one that is not is kept but ignored, as the leader accepted it.
fn control_batch_kind(bytes: &[u8], origin: AppendOrigin) -> Result<BatchKind, &'static str> {
    let parsed = RecordBatch::new(Bytes::copy_from_slice(bytes))
        .and_then(|batch| ProducerBatch::from_batch(&batch));
    match parsed {
        Ok(Some(b)) => Ok(b.kind),
        Ok(None) => Ok(BatchKind::OtherControl),
        Err(_) if origin == AppendOrigin::Replication => Ok(BatchKind::OtherControl),
        Err(_) => Err("control batch without a readable control record"),
    }
}

fn check_header_counts(h: &RecordBatchHeader, origin: AppendOrigin) -> Result<(), &'static str> {
    if h.last_offset_delta < 0 {
        return Err("negative lastOffsetDelta");
    }
    if origin == AppendOrigin::Replication {
        return Ok(());
    }
    if h.record_count <= 0 {
        return Err("batch has no records");
    }
    if i64::from(h.last_offset_delta) + 1 != i64::from(h.record_count) {
        return Err("recordCount disagrees with lastOffsetDelta");
    }
    if h.is_control() && matches!(origin, AppendOrigin::Client { .. }) {
        return Err("clients may not write control batches");
    }
    Ok(())
}

/// Deep validation; `Err(Ok(reason))` for a refused batch, `Err(Err(e))` for a corrupt one.
fn validate_records(
    batch: &RecordBatch,
    config: &LogConfig,
    origin: AppendOrigin,
) -> Result<(), Result<&'static str, RecordError>> {
    if origin == AppendOrigin::Replication {
        batch.validate_compacted().map_err(Err)?;
    } else {
        batch.validate().map_err(Err)?;
    }
    if config.cleanup_policy.compacts() && !batch.header().is_control() {
        for record in batch.records().map_err(Err)? {
            if record.map_err(Err)?.key.is_none() {
                return Err(Ok("compacted topics do not accept records without a key"));
            }
        }
    }
    Ok(())
}

/// Writes offsets (and the leader epoch, and the append time if stamping) into each batch.
fn assign_offsets(
    records: &mut [u8],
    batches: &mut [BatchInfo],
    mut next: Offset,
    epoch: LeaderEpoch,
    append_time: Option<Timestamp>,
) {
    for b in batches.iter_mut() {
        let bytes = &mut records[b.position_in_set..b.position_in_set + b.size];
        let delta = b.last_offset.0 - b.base_offset.0;
        set_base_offset(bytes, next.0);
        set_partition_leader_epoch(bytes, epoch.0);
        if let Some(now) = append_time {
            set_log_append_time(bytes, now.0);
            b.max_timestamp = now;
        }
        b.base_offset = next;
        b.last_offset = next.plus(delta);
        next = b.last_offset.plus(1);
    }
}
