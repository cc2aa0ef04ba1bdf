//! Retention: `DeleteRecords` moving the log start, and the background pass that deletes
//! whole segments by time, by size, or below the log start.

use std::sync::Arc;

use super::{Log, LogState};
use crate::producer_state::{delete_snapshot, snapshot_offsets};
use crate::segment::LogSegment;
use crate::{Offset, Result, StorageError, Timestamp};

impl Log {
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
        assert!(
            st.log_start_offset >= offset.min(st.high_watermark),
            "log start {} below the requested {offset}",
            st.log_start_offset
        );
        st.check_invariants();
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
}
