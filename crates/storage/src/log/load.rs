//! Opening a partition directory: finishing interrupted swaps, removing leftovers, and
//! recovering every segment that may hold unflushed data.
//!
//! The steps, in order:
//!
//! 1. Files ending in `.deleted`, `.cleaned` or `.tmp` are removed: a deletion, a clean, or
//!    a checkpoint write that a crash interrupted before its commit point.
//! 2. A `<base>.log.swap` means a cleaned segment had been fully written and fsynced and the
//!    swap had begun: the swap wins. Every ordinary segment whose base offset lies in
//!    `[swap base, swap's next offset)` is one it replaces and is deleted, then the `.swap`
//!    files are renamed to their final names. (The cleaner keeps a header for the last batch
//!    of every group, so the swap's range always covers the segments it replaced.)
//! 3. Segments are opened in offset order. Without a clean-shutdown marker, each segment
//!    that can contain offsets at or past the recovery point, or ends there (its indexes
//!    are written at the roll that follows), is scanned batch by batch with
//!    CRC checks; its indexes are rebuilt and it is truncated at the first torn or corrupt
//!    batch, and any later segments are deleted. Other segments keep their indexes if those
//!    pass a sanity check; an index that is missing or fails it is rebuilt by a scan.
//! 4. Inactive segments' indexes are left on disk (written out first if recovery rebuilt
//!    them) and the active segment's are read into memory. Nothing is fsynced: after a clean
//!    shutdown the recovery point is the log end; after a crash it stays where the
//!    checkpoint put it (as in Kafka), so that a second crash before the first flush scans
//!    the same segments again. That flush fsyncs whatever recovery rewrote or left in the
//!    page cache, the directory and the leader epochs, and only then moves the recovery
//!    point. So a start does no fsync at all, however many partitions there are.
//! 5. Producer state is rebuilt from the newest usable `<offset>.snapshot` and a replay of
//!    the batches after it (see `log/producers.rs`). Segments scanned in step 3 because they
//!    may hold unflushed data, and any whose `.txnindex` fails its sanity check, get their
//!    transaction index rebuilt by that replay, so the snapshot used is at or below the first
//!    of them.
//! 6. Leader epochs come from `leader-epoch-checkpoint`, except from the first segment scanned
//!    in step 3 on, where the batches' own epochs rebuild them (the checkpoint is written by
//!    flushes, so it may lag the tail a crash left; see [`crate::leader_epoch`]).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use crate::checkpoint::sync_dir;
use crate::error::IoContext;
use crate::file_cache::FileCache;
use crate::leader_epoch::LeaderEpochFileCache;
use crate::log::LogState;
use crate::log::producers;
use crate::segment::{
    CLEANED_FILE_SUFFIX, DELETED_FILE_SUFFIX, INDEX_FILE_SUFFIX, LOG_FILE_SUFFIX, LogSegment,
    SWAP_FILE_SUFFIX, TIME_INDEX_FILE_SUFFIX, parse_base_offset,
};
use crate::txn_index::TXN_INDEX_FILE_SUFFIX;
use crate::{Clock, LogConfig, Offset, Result, Timestamp};

/// What the data directory's checkpoints say about a log being opened.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadParams {
    /// From `recovery-point-offset-checkpoint`: everything below it was fsynced.
    pub recovery_point: Offset,
    /// From `log-start-offset-checkpoint`.
    pub log_start_offset: Offset,
    /// From `replication-offset-checkpoint`.
    pub high_watermark: Offset,
    /// From `cleaner-offset-checkpoint`.
    pub cleaner_checkpoint: Offset,
    /// The data directory holds a clean-shutdown marker: no segment needs a scan.
    pub had_clean_shutdown: bool,
}

/// What opening a log found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadStats {
    pub segments: usize,
    pub recovered_segments: usize,
    pub rebuilt_indexes: usize,
    pub truncated_bytes: u64,
    pub deleted_segments: usize,
    pub completed_swaps: usize,
    /// The producer state snapshot the state was loaded from, if any.
    pub producer_snapshot: Option<Offset>,
    /// Snapshots that failed their checks and were deleted.
    pub corrupt_snapshots: usize,
    /// Batches replayed after the snapshot to rebuild producer state.
    pub replayed_batches: u64,
    /// Segments whose `.txnindex` was rebuilt.
    pub rebuilt_txn_indexes: usize,
    pub elapsed_ms: u64,
}

fn remove_file(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e).io("delete", path),
        _ => Ok(()),
    }
}

fn file_names(dir: &Path) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).io("list", dir)? {
        let entry = entry.io("list", dir)?;
        if let Ok(name) = entry.file_name().into_string() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn is_segment_file(name: &str, suffix: &str) -> bool {
    [
        LOG_FILE_SUFFIX,
        INDEX_FILE_SUFFIX,
        TIME_INDEX_FILE_SUFFIX,
        TXN_INDEX_FILE_SUFFIX,
    ]
    .iter()
    .any(|kind| name.ends_with(&format!("{kind}{suffix}")))
        && parse_base_offset(name).is_some()
}

pub(super) fn load(
    dir: &Path,
    files: &Arc<FileCache>,
    config: Arc<LogConfig>,
    params: &LoadParams,
    clock: &dyn Clock,
) -> Result<(LogState, LoadStats)> {
    let started = Instant::now();
    let now = clock.now();
    let mut stats = LoadStats::default();
    fs::create_dir_all(dir).io("create", dir)?;
    let mut changed = remove_leftovers(dir)?;
    stats.completed_swaps = complete_swaps(dir, files, &config, clock)?;
    let (bases, orphans) = segment_bases(dir)?;
    changed |= orphans;
    let opened = open_segments(dir, files, &config, params, now, bases, &mut stats)?;
    let OpenedSegments {
        mut segments,
        recovered,
        rebuild_txn_from,
        recovered_epochs,
    } = opened;
    let at = (dir, files, &*config, now);
    let (log_start, log_end, created) = bound_offsets(at, params, &mut segments)?;
    changed |= created || stats.deleted_segments > 0;
    changed |= activate(&mut segments, &recovered)?;

    // 5. Producer state, and the transaction indexes that depend on it.
    stats.rebuilt_txn_indexes = segments
        .keys()
        .filter(|&&b| rebuild_txn_from.is_some_and(|r| b >= r))
        .count();
    let bound = rebuild_txn_from.unwrap_or(log_end);
    let (producer_state, rebuilt) =
        producers::rebuild(dir, &mut segments, log_end, bound, rebuild_txn_from)?;
    stats.producer_snapshot = rebuilt.snapshot;
    stats.corrupt_snapshots = rebuilt.corrupt_snapshots;
    stats.replayed_batches = rebuilt.replayed_batches;

    let mut epochs = LeaderEpochFileCache::open(dir.to_path_buf())?;
    if let Some(&(_, first_recovered)) = recovered_epochs.first() {
        // The file may lack epochs of batches that were not yet flushed: the recovered
        // batches carry their own, which win from where they start.
        epochs.truncate_from_end(first_recovered)?;
        for &(epoch, start) in &recovered_epochs {
            epochs.assign(epoch, start)?;
        }
    }
    epochs.truncate_from_end(log_end)?;
    epochs.truncate_from_start(log_start)?;
    // Nothing above is fsynced here: the recovery point stays where the checkpoint put it
    // (as Kafka's loader leaves it), so a crash before the first flush recovers the same
    // segments again, and that flush syncs what changed (files, directory, epochs).
    let recovery_point = if params.had_clean_shutdown {
        log_end
    } else {
        params.recovery_point.clamp(log_start, log_end)
    };

    stats.segments = segments.len();
    stats.elapsed_ms = started.elapsed().as_millis() as u64;
    let state = LogState {
        config,
        segments,
        log_end_offset: log_end,
        log_start_offset: log_start,
        high_watermark: params.high_watermark.clamp(log_start, log_end),
        recovery_point,
        cleaner_checkpoint: params.cleaner_checkpoint.clamp(log_start, log_end),
        epochs,
        producer_state,
        unflushed_messages: 0,
        first_unflushed_at: None,
        dir_dirty: changed,
        pending_syncs: Vec::new(),
        files_changed: false,
        parent_dir_dirty: false,
        snapshot_current: rebuilt.snapshot == Some(log_end),
        truncations: 0,
        closed: false,
        offline: false,
    };
    Ok((state, stats))
}

/// Step 1: leftovers of interrupted deletions, cleans and checkpoint writes. Returns
/// whether there were any.
fn remove_leftovers(dir: &Path) -> Result<bool> {
    let mut removed = false;
    for name in file_names(dir)? {
        if name.ends_with(DELETED_FILE_SUFFIX)
            || name.ends_with(CLEANED_FILE_SUFFIX)
            || name.ends_with(".tmp")
        {
            remove_file(&dir.join(&name))?;
            removed = true;
        }
    }
    Ok(removed)
}

/// The base offsets of the `.log` files, in order; index files without a `.log` are removed
/// (the second value says whether there were any).
fn segment_bases(dir: &Path) -> Result<(Vec<Offset>, bool)> {
    let names = file_names(dir)?;
    let mut bases: Vec<Offset> = names
        .iter()
        .filter(|n| n.ends_with(LOG_FILE_SUFFIX))
        .filter_map(|n| parse_base_offset(n))
        .collect();
    bases.sort();
    let mut removed = false;
    for name in &names {
        let orphan = (name.ends_with(INDEX_FILE_SUFFIX)
            || name.ends_with(TIME_INDEX_FILE_SUFFIX)
            || name.ends_with(TXN_INDEX_FILE_SUFFIX))
            && parse_base_offset(name).is_some_and(|b| bases.binary_search(&b).is_err());
        if orphan {
            remove_file(&dir.join(name))?;
            removed = true;
        }
    }
    Ok((bases, removed))
}

/// What step 3 opened.
struct OpenedSegments {
    segments: BTreeMap<Offset, LogSegment>,
    /// Segments scanned (and so fsynced in step 4).
    recovered: Vec<Offset>,
    /// The first segment whose transaction index must be rebuilt by the producer replay.
    rebuild_txn_from: Option<Offset>,
    /// Where each leader epoch starts in the scanned segments, in offset order.
    recovered_epochs: Vec<(crate::LeaderEpoch, Offset)>,
}

/// Step 3: opens the segments in offset order, scanning those that may hold unflushed data
/// or whose indexes fail their checks; a scan that stops early deletes every later segment.
fn open_segments(
    dir: &Path,
    files: &Arc<FileCache>,
    config: &LogConfig,
    params: &LoadParams,
    now: Timestamp,
    mut bases: Vec<Offset>,
    stats: &mut LoadStats,
) -> Result<OpenedSegments> {
    let mut opened = OpenedSegments {
        segments: BTreeMap::new(),
        recovered: Vec::new(),
        rebuild_txn_from: None,
        recovered_epochs: Vec::new(),
    };
    let mut i = 0;
    while i < bases.len() {
        let base = bases[i];
        let (mut segment, missing_index) = LogSegment::open_in(files, dir, base, "", config, now)?;
        let next_base = bases.get(i + 1).copied();
        // A segment that ends at the recovery point may have rolled after the flush that
        // moved it there: its indexes, written out at the roll, may not be on disk.
        let may_be_unflushed = next_base.is_none_or(|n| n >= params.recovery_point);
        let unflushed = !params.had_clean_shutdown && may_be_unflushed;
        if unflushed || segment.txn_index_damaged() {
            opened.rebuild_txn_from.get_or_insert(base);
        }
        let scan = unflushed || missing_index || !segment.load_tail_before(next_base)?;
        if scan {
            if !missing_index && (params.had_clean_shutdown || !may_be_unflushed) {
                tracing::warn!(dir = %dir.display(), base = base.0, "rebuilding bad index");
            }
            stats.rebuilt_indexes += usize::from(missing_index);
            let outcome = segment.recover_before(next_base)?;
            opened.recovered_epochs.extend_from_slice(&outcome.epochs);
            stats.recovered_segments += 1;
            stats.truncated_bytes += outcome.truncated_bytes;
            opened.recovered.push(base);
            if let Some(stop) = &outcome.stop {
                tracing::warn!(
                    dir = %dir.display(),
                    base = base.0,
                    valid_bytes = outcome.valid_bytes,
                    truncated_bytes = outcome.truncated_bytes,
                    reason = ?stop,
                    "truncated log segment during recovery"
                );
                // Nothing after a corrupt batch can be trusted: later segments go.
                for &later in &bases[i + 1..] {
                    let (doomed, _) = LogSegment::open_in(files, dir, later, "", config, now)?;
                    stats.truncated_bytes += doomed.size();
                    doomed.delete_files()?;
                    stats.deleted_segments += 1;
                }
                bases.truncate(i + 1);
            }
            let previous_end = opened
                .segments
                .values()
                .next_back()
                .map(|p| p.next_offset());
            if segment.size() == 0
                && previous_end.is_some_and(|end| i + 1 < bases.len() || end < base)
            {
                // A roll never leaves an empty segment behind, nor starts one past the log
                // end without writing to it: this one's data was lost (its file reached the
                // disk, its bytes did not), so what follows it cannot be kept either.
                tracing::warn!(dir = %dir.display(), base = base.0,
                    "deleting an empty segment whose data was lost, and those after it");
                segment.delete_files()?;
                stats.deleted_segments += 1;
                for &later in &bases[i + 1..] {
                    let (doomed, _) = LogSegment::open_in(files, dir, later, "", config, now)?;
                    stats.truncated_bytes += doomed.size();
                    doomed.delete_files()?;
                    stats.deleted_segments += 1;
                }
                opened.recovered.retain(|&b| b != base);
                if opened.rebuild_txn_from == Some(base) {
                    opened.rebuild_txn_from = opened.segments.keys().next_back().copied();
                }
                break;
            }
        }
        opened.segments.insert(base, segment);
        i += 1;
    }
    Ok(opened)
}

/// The log start and end the segments allow: the checkpointed log start, unless the
/// segments begin later; with no segment left at or past the log start, the log restarts
/// empty there. The third value says whether a segment was created.
fn bound_offsets(
    (dir, files, config, now): (&Path, &Arc<FileCache>, &LogConfig, Timestamp),
    params: &LoadParams,
    segments: &mut BTreeMap<Offset, LogSegment>,
) -> Result<(Offset, Offset, bool)> {
    let log_start_hint = params.log_start_offset.max(Offset::ZERO);
    let mut created = segments.is_empty();
    if segments.is_empty() {
        segments.insert(
            log_start_hint,
            LogSegment::create_in(files, dir, log_start_hint, "", config, now)?,
        );
    }
    let first_base = *segments.keys().next().unwrap_or(&log_start_hint);
    let mut log_end = segments
        .values()
        .next_back()
        .map_or(first_base, LogSegment::next_offset);
    let log_start = params.log_start_offset.max(first_base);
    if log_start > log_end {
        // Records up to the log start were deleted, and what remained was lost or removed.
        for (_, segment) in std::mem::take(segments) {
            segment.delete_files()?;
        }
        segments.insert(
            log_start,
            LogSegment::create_in(files, dir, log_start, "", config, now)?,
        );
        log_end = log_start;
        created = true;
    }
    Ok((log_start.min(log_end), log_end, created))
}

/// Step 4: inactive segments' indexes on disk (written out if recovery rebuilt them), the
/// active one's in memory for appends. Nothing is fsynced: what recovery rewrote is left
/// for the first flush. Returns whether the directory may have changed.
fn activate(segments: &mut BTreeMap<Offset, LogSegment>, recovered: &[Offset]) -> Result<bool> {
    let count = segments.len();
    for (n, segment) in segments.values_mut().enumerate() {
        if n + 1 < count {
            segment.on_become_inactive()?;
        } else {
            segment.on_become_active()?;
        }
    }
    Ok(!recovered.is_empty())
}

/// Finishes swaps a crash interrupted (step 2 of the module docs). Returns how many.
fn complete_swaps(
    dir: &Path,
    files: &Arc<FileCache>,
    config: &LogConfig,
    clock: &dyn Clock,
) -> Result<usize> {
    let names = file_names(dir)?;
    let swap_log = format!("{LOG_FILE_SUFFIX}{SWAP_FILE_SUFFIX}");
    let swap_bases: Vec<Offset> = names
        .iter()
        .filter(|n| n.ends_with(&swap_log))
        .filter_map(|n| parse_base_offset(n))
        .collect();
    let mut swaps = Vec::new();
    let (mut low, mut high) = (Offset(i64::MAX), Offset(i64::MIN));
    for &base in &swap_bases {
        let (mut segment, _) =
            LogSegment::open_in(files, dir, base, SWAP_FILE_SUFFIX, config, clock.now())?;
        segment.recover()?;
        low = low.min(base);
        high = high.max(segment.next_offset());
        swaps.push(segment);
    }
    for name in &names {
        let Some(base) = parse_base_offset(name) else {
            continue;
        };
        if is_segment_file(name, "") && base >= low && base < high {
            tracing::info!(dir = %dir.display(), file = %name, "removing segment replaced by swap");
            remove_file(&dir.join(name))?;
        }
        if is_segment_file(name, SWAP_FILE_SUFFIX) && swap_bases.binary_search(&base).is_err() {
            remove_file(&dir.join(name))?;
        }
    }
    let count = swaps.len();
    for mut segment in swaps {
        segment.on_become_inactive()?;
        segment.flush()?;
        segment.change_suffix("")?;
    }
    if count > 0 {
        sync_dir(dir)?;
    }
    Ok(count)
}
