//! Rebuilding a log's producer state from its snapshots and batch headers, as Kafka's
//! `rebuildProducerState` does: on load, and after a truncation.
//!
//! The state comes from the newest snapshot that is readable, passes its CRC, and lies in
//! `[first segment base, bound]`; then every batch from the snapshot's offset to the log end
//! is replayed. Snapshots above the log end are deleted first (they describe records a
//! truncation or a crash removed), and so are damaged ones and those below the first segment
//! (their state cannot be carried forward: the batches after them are gone). With no usable
//! snapshot the replay starts at the first segment, so the work is bounded by the log: with
//! snapshots at every roll it is normally the active segment, and at most the whole log.
//!
//! Segments at or after `rebuild_txn_from` get their `.txnindex` rebuilt by the replay; the
//! bound keeps the snapshot at or below the first of them, so every abort marker in them is
//! replayed with the state that wrote its entry.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::checkpoint::sync_dir;
use crate::producer_state::{
    PRODUCERS_PER_PARTITION_MAX, ProducerBatch, ProducerStateManager, delete_snapshot,
    read_snapshot, snapshot_offsets,
};
use crate::segment::{BatchScanner, LogSegment};
use crate::{Offset, Result};

/// What a rebuild used and did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RebuildOutcome {
    pub snapshot: Option<Offset>,
    pub corrupt_snapshots: usize,
    pub replayed_batches: u64,
}

/// Rebuilds the producer state of the log in `dir` whose segments are `segments` and whose
/// end is `end`, from a snapshot at or below `bound` (see the module docs).
pub(crate) fn rebuild(
    dir: &Path,
    segments: &mut BTreeMap<Offset, LogSegment>,
    end: Offset,
    bound: Offset,
    rebuild_txn_from: Option<Offset>,
) -> Result<(ProducerStateManager, RebuildOutcome)> {
    let mut outcome = RebuildOutcome::default();
    let first_base = segments.keys().next().copied().unwrap_or(end);
    let bound = bound.min(end);
    let mut deleted = false;
    let mut state = None;
    for offset in snapshot_offsets(dir)?.into_iter().rev() {
        if offset > end || offset < first_base {
            delete_snapshot(dir, offset)?;
            deleted = true;
            continue;
        }
        if offset > bound || state.is_some() {
            continue;
        }
        match read_snapshot(dir, offset, PRODUCERS_PER_PARTITION_MAX)? {
            Ok(loaded) => {
                outcome.snapshot = Some(offset);
                state = Some(loaded);
            }
            Err(reason) => {
                tracing::warn!(
                    dir = %dir.display(),
                    offset = offset.0,
                    reason,
                    "ignoring corrupt producer state snapshot"
                );
                outcome.corrupt_snapshots += 1;
                delete_snapshot(dir, offset)?;
                deleted = true;
            }
        }
    }
    if deleted {
        // A deleted snapshot must stay deleted: after a truncation it describes other records.
        sync_dir(dir)?;
    }
    let mut state =
        state.unwrap_or_else(|| ProducerStateManager::new(first_base, PRODUCERS_PER_PARTITION_MAX));
    let from = state.end_offset();
    outcome.replayed_batches = replay(segments, &mut state, from, end, rebuild_txn_from)?;
    state.set_end_offset(end);
    Ok((state, outcome))
}

/// Applies every batch in `[from, end)` to `state`, rebuilding the transaction indexes of
/// segments at or after `rebuild_txn_from`. Returns how many batches it read.
fn replay(
    segments: &mut BTreeMap<Offset, LogSegment>,
    state: &mut ProducerStateManager,
    from: Offset,
    end: Offset,
    rebuild_txn_from: Option<Offset>,
) -> Result<u64> {
    let mut replayed = 0;
    for (&base, segment) in segments.iter_mut() {
        let rebuild = rebuild_txn_from.is_some_and(|r| base >= r);
        if rebuild {
            assert!(
                from <= base,
                "replay from {from} cannot rebuild segment {base}"
            );
            segment.txn_index_mut().reset()?;
            segment.mark_txn_index_rebuilt();
        }
        if segment.next_offset() <= from || base >= end {
            continue;
        }
        let start = if from > base {
            u64::from(segment.offset_index().lookup(from).1)
        } else {
            0
        };
        let (file, path) = (segment.log_file()?, segment.log_path().to_path_buf());
        let mut scanner = BatchScanner::new(Arc::as_ref(&file), &path, start, segment.size());
        // A scan stops at the first batch it cannot read: recovery already truncated torn
        // tails, so that is the end of the segment's data.
        while let Ok(Some((_, batch))) = scanner.next_batch()? {
            let h = *batch.header();
            if h.last_offset() < from.0 {
                continue;
            }
            if h.base_offset >= end.0 {
                break;
            }
            replayed += 1;
            let Ok(Some(producer_batch)) = ProducerBatch::from_batch(&batch) else {
                continue;
            };
            for entry in state.replay(&producer_batch) {
                if rebuild {
                    segment.txn_index_mut().append(entry)?;
                }
            }
        }
    }
    Ok(replayed)
}
