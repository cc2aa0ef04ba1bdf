//! `LogCleaner`: compaction for topics with `cleanup.policy` `compact` (or `compact,delete`).
//!
//! A clean keeps, for every key, only the record with the highest offset, in the segments
//! behind the active one (and below the last stable offset, so no open transaction is
//! touched, and `min.compaction.lag.ms`). It runs
//! only when the dirty part of the log (written since the last clean, from the
//! `cleaner-offset-checkpoint`) is at least `min.cleanable.dirty.ratio` of the cleanable log.
//!
//! 1. An offset map (key -> latest offset) is built from the dirty segments, bounded by
//!    [`CleanerConfig::offset_map_bytes_max`]; if it fills, this round stops at that segment.
//! 2. Segments from the log start to the end of the mapped range are rewritten in groups
//!    that fit one segment. A record survives if no later record has its key; a tombstone
//!    also goes once it was already cleaned in an earlier round and its batch is older than
//!    `delete.retention.ms`. Batches whose records all survive are copied byte for byte; the
//!    others are rebuilt, one batch per run of consecutive surviving offsets, so offsets never
//!    change. If a group's last batch loses its last record, an empty batch header (record
//!    count 0, as Kafka's cleaner also writes) keeps the group's offset range whole.
//! 3. Each group is swapped in with Kafka's suffix protocol: the new segment is written as
//!    `<base>.log.cleaned` (+ `.index.cleaned`, `.timeindex.cleaned`) and fsynced, renamed to
//!    `.swap` (the commit point; directory fsynced), the replaced segments are renamed to
//!    `.deleted`, the `.swap` files to their final names, and the `.deleted` files unlinked.
//!    Recovery (see `log/load.rs`) deletes `.cleaned` files, and completes any `.swap`, so a
//!    crash leaves the old segments or the new one, never a mix.
//!
//! Transactions: records of aborted transactions (known from the `.txnindex` files of the
//! cleanable segments and every later one) never enter the offset map, so an aborted write
//! cannot make the cleaner drop the committed record it would have replaced. The data
//! batches of aborted transactions are dropped from cleaned segments, as Kafka's cleaner
//! drops them (their offsets stay unused). Control batches (markers) are all kept, offsets
//! unchanged, so the transaction index entries stay true: a cleaned segment gets the entries
//! of the segments it replaces, in order (its `.txnindex.cleaned` is written and swapped with
//! it); an entry whose data is gone only names offsets no batch holds. Unlike Kafka's
//! cleaner, this one does not remove old markers after `delete.retention.ms`.

use std::collections::HashMap;
use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use strom_protocol::records::{
    MIN_BATCH_LENGTH, RecordBatch, RecordBatchBuilder, RecordBatchHeader, TimestampType,
    compute_crc, set_log_append_time,
};

use crate::checkpoint::sync_dir;
use crate::segment::{
    BatchInfo, BatchScanner, CLEANED_FILE_SUFFIX, DELETED_FILE_SUFFIX, LogSegment, SWAP_FILE_SUFFIX,
};
use crate::txn_index::{TXN_INDEX_ENTRY_BYTES, TxnIndexEntry, TxnIndexView};
use crate::{Log, LogConfig, Offset, ProducerId, Result, StorageError, Timestamp};

/// Bytes an offset-map entry costs beyond its key (hash table slot, offset, allocation).
const OFFSET_MAP_ENTRY_OVERHEAD: usize = 64;

/// Bounds of one cleaner.
#[derive(Debug, Clone)]
pub struct CleanerConfig {
    /// Memory for the key -> offset map of one clean (Kafka's
    /// `log.cleaner.dedupe.buffer.size`).
    pub offset_map_bytes_max: usize,
}

impl Default for CleanerConfig {
    fn default() -> Self {
        CleanerConfig {
            offset_map_bytes_max: 128 * 1024 * 1024,
        }
    }
}

/// What one clean did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanStats {
    pub groups_swapped: usize,
    pub segments_replaced: usize,
    pub bytes_read: u64,
    pub bytes_written: u64,
    pub records_kept: u64,
    pub records_removed: u64,
    /// The new cleaner checkpoint: offsets below it are clean.
    pub cleaned_up_to: Offset,
}

/// Where a test may stop a clean, as a crash would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CrashPoint {
    CleanedWritten,
    SwapRenamed,
    FirstOldDeleted,
    SwapCompleted,
}

#[derive(Debug, Clone)]
struct SegmentSnapshot {
    id: u64,
    base: Offset,
    size: u64,
    file: Arc<File>,
    path: PathBuf,
    txn_index: TxnIndexView,
}

/// The aborted transactions' offset ranges by producer, for the offset map.
#[derive(Debug, Default)]
struct AbortedRanges(HashMap<ProducerId, Vec<(Offset, Offset)>>);

impl AbortedRanges {
    fn contains(&self, producer_id: i64, offset: i64) -> bool {
        self.0.get(&ProducerId(producer_id)).is_some_and(|ranges| {
            ranges
                .iter()
                .any(|(first, last)| first.0 <= offset && offset <= last.0)
        })
    }
}

#[derive(Debug)]
struct Plan {
    config: Arc<LogConfig>,
    now: Timestamp,
    first_dirty: Offset,
    /// Segments to rewrite, in order, and where the range ends.
    segments: Vec<SegmentSnapshot>,
    end: Offset,
    map: HashMap<Bytes, i64>,
    /// Aborted transactions: their data batches are dropped from cleaned segments.
    aborted: AbortedRanges,
    bytes_read: u64,
}

/// What [`LogCleaner::cleanable`] finds: the segments that may be cleaned with each one's
/// end, the first dirty offset, the config, and the transaction indexes of the segments
/// from the first cleanable one to the log end.
type Cleanable = (
    Vec<(SegmentSnapshot, Offset)>,
    Offset,
    Arc<LogConfig>,
    Vec<TxnIndexView>,
);

/// Compacts logs. Stateless apart from its bounds; the cleaner checkpoint lives in each
/// [`Log`] and is persisted by the [`crate::LogManager`].
#[derive(Debug, Clone, Default)]
pub struct LogCleaner {
    config: CleanerConfig,
}

impl LogCleaner {
    pub fn new(config: CleanerConfig) -> Self {
        LogCleaner { config }
    }

    /// The dirty share of the cleanable part of `log`, or `None` if it does not compact or
    /// has nothing cleanable.
    pub fn dirty_ratio(&self, log: &Log) -> Option<f64> {
        let (segments, first_dirty, _, _) = self.cleanable(log)?;
        let (mut clean, mut dirty) = (0u64, 0u64);
        for (s, next) in &segments {
            if *next <= first_dirty {
                clean += s.size;
            } else {
                dirty += s.size;
            }
        }
        (dirty > 0).then(|| dirty as f64 / (clean + dirty) as f64)
    }

    /// Cleanable segments (with each one's end), the first dirty offset, the config, and
    /// the transaction indexes that may name aborted transactions in them.
    fn cleanable(&self, log: &Log) -> Option<Cleanable> {
        match self.try_cleanable(log) {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(partition = %log.topic_partition(), error = %e,
                    "cannot open the segments to clean");
                None
            }
        }
    }

    fn try_cleanable(&self, log: &Log) -> Result<Option<Cleanable>> {
        let now = log.clock().now();
        let st = log.state();
        if st.closed || st.offline || !st.config.cleanup_policy.compacts() {
            return Ok(None);
        }
        let config = Arc::clone(&st.config);
        let active_base = st.active().base_offset();
        let lag_bound = now.0.saturating_sub(config.min_compaction_lag_ms);
        let bases: Vec<Offset> = st.segments.keys().copied().collect();
        let last_stable = st.last_stable_offset();
        let mut out = Vec::new();
        for (i, s) in st.segments.values().enumerate() {
            let end = bases.get(i + 1).copied().unwrap_or(active_base);
            if s.base_offset() == active_base
                || end > last_stable
                || (config.min_compaction_lag_ms > 0 && s.max_timestamp().0 > lag_bound)
            {
                break;
            }
            out.push((
                SegmentSnapshot {
                    id: s.id(),
                    base: s.base_offset(),
                    size: s.size(),
                    file: s.log_file()?,
                    path: s.log_path().to_path_buf(),
                    txn_index: s.txn_index().view()?,
                },
                end,
            ));
        }
        let first_dirty = st.cleaner_checkpoint.max(st.log_start_offset);
        let txn_indexes = st
            .segments
            .values()
            .map(LogSegment::txn_index)
            .filter(|index| !index.is_empty())
            .map(|index| index.view())
            .collect::<Result<Vec<_>>>()?;
        Ok((!out.is_empty()).then_some((out, first_dirty, config, txn_indexes)))
    }

    /// Cleans `log` if it is dirty enough. Returns what was done, or `None` if nothing was.
    pub fn clean(&self, log: &Log) -> Result<Option<CleanStats>> {
        self.clean_with_crash(log, None)
    }

    pub(crate) fn clean_with_crash(
        &self,
        log: &Log,
        crash: Option<CrashPoint>,
    ) -> Result<Option<CleanStats>> {
        let Some(ratio) = self.dirty_ratio(log) else {
            return Ok(None);
        };
        let Some((segments, first_dirty, config, txn_indexes)) = self.cleanable(log) else {
            return Ok(None);
        };
        if ratio < config.min_cleanable_dirty_ratio {
            return Ok(None);
        }
        let end = segments.last().map_or(first_dirty, |(_, end)| *end);
        let Some(aborted) = self.aborted_ranges(log, &txn_indexes, end)? else {
            return Ok(None);
        };
        let Some(plan) = self.plan(log, segments, first_dirty, config, aborted)? else {
            return Ok(None);
        };
        let mut stats = CleanStats {
            bytes_read: plan.bytes_read,
            cleaned_up_to: plan.end,
            ..CleanStats::default()
        };
        for group in group_segments(&plan) {
            self.clean_group(log, &plan, &group, &mut stats, crash)?;
        }
        let mut st = log.state();
        st.cleaner_checkpoint = st.cleaner_checkpoint.max(plan.end);
        tracing::info!(
            partition = %log.topic_partition(),
            ?stats,
            "cleaned log"
        );
        Ok(Some(stats))
    }

    /// The aborted transactions that start below `end`, from the transaction indexes;
    /// `None` if they alone would exceed the offset map's memory bound.
    fn aborted_ranges(
        &self,
        log: &Log,
        txn_indexes: &[TxnIndexView],
        end: Offset,
    ) -> Result<Option<AbortedRanges>> {
        let mut ranges = AbortedRanges::default();
        let mut count = 0usize;
        for view in txn_indexes {
            for entry in view.read_all()? {
                if entry.first_offset >= end {
                    continue;
                }
                count += 1;
                if count * (TXN_INDEX_ENTRY_BYTES + OFFSET_MAP_ENTRY_OVERHEAD)
                    > self.config.offset_map_bytes_max
                {
                    tracing::warn!(
                        partition = %log.topic_partition(),
                        "too many aborted transactions for the offset map; not cleaning"
                    );
                    return Ok(None);
                }
                ranges
                    .0
                    .entry(entry.producer_id)
                    .or_default()
                    .push((entry.first_offset, entry.last_offset));
            }
        }
        Ok(Some(ranges))
    }

    /// Builds the offset map over the dirty segments (step 1).
    fn plan(
        &self,
        log: &Log,
        cleanable: Vec<(SegmentSnapshot, Offset)>,
        first_dirty: Offset,
        config: Arc<LogConfig>,
        aborted: AbortedRanges,
    ) -> Result<Option<Plan>> {
        let mut map: HashMap<Bytes, i64> = HashMap::new();
        let mut map_bytes = 0usize;
        let mut bytes_read = 0u64;
        let mut take = 0;
        let mut end = first_dirty;
        'segments: for (i, (s, seg_end)) in cleanable.iter().enumerate() {
            if *seg_end <= first_dirty {
                take = i + 1;
                continue;
            }
            let mut scanner = BatchScanner::new(&s.file, &s.path, 0, s.size);
            let mut additions: Vec<(Bytes, i64)> = Vec::new();
            let mut added_bytes = 0usize;
            while let Ok(Some((_, batch))) = scanner.next_batch()? {
                let h = *batch.header();
                if h.is_control()
                    || (h.is_transactional() && aborted.contains(h.producer_id, h.base_offset))
                {
                    continue;
                }
                for record in records_of(&batch)? {
                    if let Some(key) = record.key {
                        added_bytes += key.len() + OFFSET_MAP_ENTRY_OVERHEAD;
                        additions.push((key, h.base_offset + i64::from(record.offset_delta)));
                    }
                }
                if map_bytes + added_bytes > self.config.offset_map_bytes_max {
                    if take == 0 || end <= first_dirty {
                        tracing::warn!(
                            partition = %log.topic_partition(),
                            "offset map too small for one segment; not cleaning"
                        );
                        return Ok(None);
                    }
                    break 'segments;
                }
            }
            bytes_read += s.size;
            map_bytes += added_bytes;
            for (k, o) in additions {
                map.insert(k, o);
            }
            take = i + 1;
            end = *seg_end;
        }
        if end <= first_dirty {
            return Ok(None);
        }
        let segments = cleanable.into_iter().take(take).map(|(s, _)| s).collect();
        Ok(Some(Plan {
            config,
            now: log.clock().now(),
            first_dirty,
            segments,
            end,
            map,
            aborted,
            bytes_read,
        }))
    }

    /// Rewrites one group into a `.cleaned` segment and swaps it in (steps 2 and 3).
    fn clean_group(
        &self,
        log: &Log,
        plan: &Plan,
        group: &[SegmentSnapshot],
        stats: &mut CleanStats,
        crash: Option<CrashPoint>,
    ) -> Result<()> {
        let dir = log.dir().to_path_buf();
        let base = group[0].base;
        let mut dest = LogSegment::create_in(
            log.files(),
            &dir,
            base,
            CLEANED_FILE_SUFFIX,
            &plan.config,
            plan.now,
        )?;
        let mut last_batch: Option<RecordBatchHeader> = None;
        for s in group {
            let mut scanner = BatchScanner::new(&s.file, &s.path, 0, s.size);
            while let Ok(Some((_, batch))) = scanner.next_batch()? {
                last_batch = Some(*batch.header());
                for out in filter_batch(&batch, plan, stats)? {
                    write_batch(&mut dest, &out)?;
                }
            }
        }
        if let Some(h) = last_batch
            && dest.next_offset().0 <= h.last_offset()
        {
            let start = dest.next_offset().max(Offset(h.base_offset));
            write_batch(&mut dest, &empty_batch(&h, start))?;
        }
        // Markers keep their offsets, so the replaced segments' entries hold as they are.
        let entries: Vec<TxnIndexEntry> = group
            .iter()
            .map(|s| s.txn_index.read_all())
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        for entry in entries {
            dest.txn_index_mut().append(entry)?;
        }
        dest.on_become_inactive()?;
        dest.flush()?;
        stats.bytes_written += dest.size();
        self.swap(log, group, dest, stats, crash)
    }

    fn swap(
        &self,
        log: &Log,
        group: &[SegmentSnapshot],
        mut dest: LogSegment,
        stats: &mut CleanStats,
        crash: Option<CrashPoint>,
    ) -> Result<()> {
        let dir = log.dir().to_path_buf();
        let mut st = log.state();
        let unchanged = !st.closed
            && group
                .iter()
                .all(|g| st.segments.get(&g.base).is_some_and(|s| s.id() == g.id));
        if !unchanged {
            // Retention or truncation changed the log meanwhile; this clean is void.
            drop(st);
            return dest.delete_files();
        }
        let stop = |at: CrashPoint| -> Result<()> {
            if crash == Some(at) {
                return Err(StorageError::InjectedCrash(match at {
                    CrashPoint::CleanedWritten => "cleaned written",
                    CrashPoint::SwapRenamed => "swap renamed",
                    CrashPoint::FirstOldDeleted => "first old segment deleted",
                    CrashPoint::SwapCompleted => "swap completed",
                }));
            }
            Ok(())
        };
        stop(CrashPoint::CleanedWritten)?;
        dest.change_suffix(SWAP_FILE_SUFFIX)?;
        sync_dir(&dir)?;
        stop(CrashPoint::SwapRenamed)?;
        let mut old = Vec::new();
        for g in group {
            if let Some(mut segment) = st.segments.remove(&g.base) {
                segment.change_suffix(DELETED_FILE_SUFFIX)?;
                old.push(segment);
                stop(CrashPoint::FirstOldDeleted)?;
            }
        }
        dest.change_suffix("")?;
        sync_dir(&dir)?;
        stop(CrashPoint::SwapCompleted)?;
        assert!(!st.segments.contains_key(&dest.base_offset()));
        st.segments.insert(dest.base_offset(), dest);
        drop(st);
        stats.groups_swapped += 1;
        stats.segments_replaced += old.len();
        for segment in old {
            segment.delete_files()?;
        }
        Ok(())
    }
}

/// Splits the plan's segments into runs that fit one segment and one index.
fn group_segments(plan: &Plan) -> Vec<Vec<SegmentSnapshot>> {
    let mut groups: Vec<Vec<SegmentSnapshot>> = Vec::new();
    let mut size = 0u64;
    for (i, s) in plan.segments.iter().enumerate() {
        let end = plan.segments.get(i + 1).map_or(plan.end, |n| n.base);
        let fits = groups.last().is_some_and(|g| {
            size + s.size <= plan.config.segment_bytes && end.0 - g[0].base.0 <= i64::from(u32::MAX)
        });
        if fits {
            size += s.size;
            if let Some(g) = groups.last_mut() {
                g.push(s.clone());
            }
        } else {
            size = s.size;
            groups.push(vec![s.clone()]);
        }
    }
    groups
}

fn records_of(batch: &RecordBatch) -> Result<Vec<strom_protocol::records::Record>> {
    let corrupt = |source| StorageError::CorruptRecord {
        batch_index: 0,
        source,
    };
    batch
        .records()
        .map_err(corrupt)?
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(corrupt)
}

/// The batches that replace `batch` in the cleaned segment (none if nothing survives).
fn filter_batch(batch: &RecordBatch, plan: &Plan, stats: &mut CleanStats) -> Result<Vec<Bytes>> {
    let h = *batch.header();
    if h.is_control() || h.record_count == 0 {
        return Ok(vec![batch.as_bytes().clone()]);
    }
    if h.is_transactional() && plan.aborted.contains(h.producer_id, h.base_offset) {
        // Data of an aborted transaction: no reader may ever see it again, so it goes
        // whole (Kafka's cleaner drops it too). Its offsets stay unused.
        stats.records_removed += u64::try_from(h.record_count).unwrap_or(0);
        return Ok(Vec::new());
    }
    let records = records_of(batch)?;
    let tombstone_expired = h
        .max_timestamp
        .saturating_add(plan.config.delete_retention_ms)
        <= plan.now.0;
    let keep: Vec<bool> = records
        .iter()
        .map(|r| {
            let offset = h.base_offset + i64::from(r.offset_delta);
            let Some(key) = &r.key else { return true };
            let latest = plan.map.get(key).is_none_or(|&o| offset >= o);
            let expired = r.value.is_none() && offset < plan.first_dirty.0 && tombstone_expired;
            latest && !expired
        })
        .collect();
    let kept = keep.iter().filter(|k| **k).count();
    stats.records_kept += kept as u64;
    stats.records_removed += (records.len() - kept) as u64;
    if kept == records.len() {
        return Ok(vec![batch.as_bytes().clone()]);
    }
    // Runs of consecutive surviving offsets become one batch each.
    let mut out = Vec::new();
    let mut run: Vec<&strom_protocol::records::Record> = Vec::new();
    for (record, keep) in records.iter().zip(&keep) {
        let contiguous = run
            .last()
            .is_none_or(|last| record.offset_delta == last.offset_delta + 1);
        if (!*keep || !contiguous) && !run.is_empty() {
            out.push(rebuild(&h, &run)?);
            run.clear();
        }
        if *keep {
            run.push(record);
        }
    }
    if !run.is_empty() {
        out.push(rebuild(&h, &run)?);
    }
    Ok(out)
}

/// A new batch holding `run` (consecutive offsets of the batch `h`), keeping its producer
/// fields, codec, epoch and timestamp type.
fn rebuild(h: &RecordBatchHeader, run: &[&strom_protocol::records::Record]) -> Result<Bytes> {
    let first_delta = run[0].offset_delta;
    let base_sequence = if h.base_sequence < 0 {
        h.base_sequence
    } else {
        ((i64::from(h.base_sequence) + i64::from(first_delta)) % (i64::from(i32::MAX) + 1)) as i32
    };
    let compression = h
        .compression()
        .map_err(|source| StorageError::CorruptRecord {
            batch_index: 0,
            source,
        })?;
    let mut builder = RecordBatchBuilder::new(compression, h.base_offset + i64::from(first_delta))
        .with_producer(h.producer_id, h.producer_epoch, base_sequence)
        .with_transactional(h.is_transactional())
        .with_partition_leader_epoch(h.partition_leader_epoch)
        .with_timestamp_type(h.timestamp_type());
    for r in run {
        let value = r.value.as_deref();
        builder.append(
            r.timestamp(h.base_timestamp),
            r.key.as_deref(),
            value,
            &r.headers,
        );
    }
    let built = builder
        .build()
        .map_err(|source| StorageError::CorruptRecord {
            batch_index: 0,
            source,
        })?;
    if h.timestamp_type() == TimestampType::LogAppendTime {
        let mut bytes = BytesMut::from(&built[..]);
        set_log_append_time(&mut bytes, h.max_timestamp);
        return Ok(bytes.freeze());
    }
    Ok(built)
}

/// A header-only batch covering `[start, h.last_offset()]` with no records.
fn empty_batch(h: &RecordBatchHeader, start: Offset) -> Bytes {
    let header = RecordBatchHeader {
        base_offset: start.0,
        batch_length: MIN_BATCH_LENGTH,
        crc: 0,
        attributes: h.attributes & !0x07,
        last_offset_delta: (h.last_offset() - start.0) as i32,
        base_timestamp: h.max_timestamp,
        record_count: 0,
        base_sequence: -1,
        ..*h
    };
    let mut bytes = header.to_bytes();
    let crc = compute_crc(&bytes);
    bytes[17..21].copy_from_slice(&crc.to_be_bytes());
    Bytes::copy_from_slice(&bytes)
}

fn write_batch(dest: &mut LogSegment, bytes: &Bytes) -> Result<()> {
    let header = RecordBatchHeader::parse(bytes).map_err(|source| StorageError::CorruptRecord {
        batch_index: 0,
        source,
    })?;
    dest.append(bytes, &[], &[BatchInfo::from_header(0, &header)])
}

#[cfg(test)]
mod tests;
