//! Truncation: removing the tail a follower holds beyond its leader's log, or the whole log
//! when the follower is entirely out of the leader's range, with the producer state, leader
//! epochs, recovery point and pending flush waiters brought in line.

use std::ops::Bound;
use std::sync::Arc;

use super::{Log, LogState, producers};
use crate::checkpoint::sync_dir;
use crate::producer_state::{
    PRODUCERS_PER_PARTITION_MAX, ProducerStateManager, delete_snapshot, snapshot_offsets,
};
use crate::segment::LogSegment;
use crate::{Offset, Result};

impl Log {
    /// Removes every record at or after `offset` (a follower diverged from its leader), as
    /// Kafka's `UnifiedLog.truncateTo` does, with one difference. Segments whose base offset
    /// is at or above `offset` are deleted (the first segment excepted); in the one that
    /// becomes active, the batch holding `offset` goes whole, with everything after it (a
    /// batch is never split). The log end then becomes the end of the last batch kept, at
    /// most `offset`: Kafka's becomes exactly `offset`, leaving a gap after the last batch
    /// that its own restart forgets (the log end is read back from the last batch) and that
    /// a segment rolled into it would keep or lose depending on whether a crash came first.
    /// Here the log end is always where the data ends, so a restart never moves it, and a
    /// follower fetches the removed offsets below `offset` again instead of lacking them.
    /// The log start drops to the new end if it was above it, and if the first segment
    /// starts above `offset` the log restarts empty at `offset`. At or past the log end
    /// nothing changes except that leader epochs starting at or past the log end are
    /// dropped. Returns whether records were removed; a negative `offset` is
    /// [`StorageError::OffsetOutOfRange`](crate::StorageError::OffsetOutOfRange).
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
        // A segment starting exactly at `offset` would be left empty; unless it is the
        // first, it goes too, so that no empty segment sits past the data before it (which
        // recovery takes for a segment whose bytes a crash lost).
        let first = *st.segments.keys().next().expect("a log has a segment");
        let doomed: Vec<Offset> = st
            .segments
            .range((Bound::Included(offset), Bound::Unbounded))
            .map(|(&b, _)| b)
            .filter(|&b| b != first)
            .collect();
        for base in doomed {
            if let Some(segment) = st.segments.remove(&base) {
                segment.delete_files()?;
                st.dir_dirty = true;
            }
        }
        let active = st.active_mut();
        active.on_become_active()?;
        active.truncate_to(offset)?;
        let end = active.next_offset();
        assert!(
            end <= offset,
            "truncation to {offset} left data up to {end}"
        );
        st.files_changed = true;
        st.log_start_offset = st.log_start_offset.min(end);
        // Kafka's `truncateAndReload`: snapshots above the new end go, and the state comes
        // from the newest one left plus a replay; transactions that started at or after the
        // new end disappear with their records.
        let (producer_state, _) = producers::rebuild(&self.dir, &mut st.segments, end, end, None)?;
        st.producer_state = producer_state;
        self.after_truncation(&mut st, end)?;
        assert_eq!(
            st.log_end_offset,
            st.active().next_offset(),
            "truncation to {offset} did not end the log where its data ends"
        );
        Ok(true)
    }

    fn after_truncation(&self, st: &mut LogState, end: Offset) -> Result<()> {
        st.log_end_offset = end;
        st.snapshot_current = false;
        st.high_watermark = st.high_watermark.min(end);
        let recovery_point = st.recovery_point.min(end);
        self.set_recovery_point(st, recovery_point);
        st.cleaner_checkpoint = st.cleaner_checkpoint.min(end);
        st.epochs.truncate_from_end(end)?;
        st.truncations += 1;
        st.check_invariants();
        // Waiters for the removed offsets learn now rather than at the next flush. The
        // state lock is still held, so no waiter can register past the new end meanwhile.
        self.fail_waiters_beyond(end);
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
        let now = self.clock.now();
        let segment = LogSegment::create_in(&self.files, &self.dir, offset, "", &config, now)?;
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
}
