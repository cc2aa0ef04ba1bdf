//! Rolling: the active segment stops taking appends and a new one starts at the next offset,
//! after the producer state snapshot for that offset is written.
//!
//! A roll runs inside an append, under the log's lock, on whatever thread appends (a tokio
//! worker in the broker), so it fsyncs nothing. What it writes is made durable by the log's
//! next flush, before that flush moves the recovery point (`log/durability.rs`):
//!
//! - the old active segment's indexes, written out of memory to their files: the flush
//!   fsyncs them through the descriptors they were written with;
//! - the producer state snapshot `<base>.snapshot`, written under a temporary name and
//!   renamed: the flush fsyncs it;
//! - the new segment's files and the snapshot's name: the flush fsyncs the directory.
//!
//! Why a crash before that flush loses nothing: the new segment holds nothing durable yet,
//! and recovery scans every segment at or past the recovery point (which has not moved),
//! rebuilding their indexes. A snapshot that did not reach the disk whole fails its CRC or
//! is missing, and is then ignored: the state comes from an older snapshot and a longer
//! replay of batch headers, which gives the same answer. An index of the old segment that
//! did not reach the disk whole reads as ending at its first broken entry
//! ([`crate::index`]), and a segment below the recovery point whose index fails its checks
//! is rebuilt by a scan. A snapshot describing records that a crash then lost lies past the
//! recovered log end and is deleted on load.

use std::sync::Arc;

use super::{Log, LogState};
use crate::segment::LogSegment;
use crate::{Offset, Result};

impl Log {
    /// Starts a new active segment at `base` (the next offset to be written), after writing
    /// the producer state snapshot for `base`. Fsyncs nothing (see the module docs).
    pub(super) fn roll_locked(&self, st: &mut LogState, base: Offset) -> Result<()> {
        let now = self.clock.now();
        let config = Arc::clone(&st.config);
        assert!(base >= st.log_end_offset, "roll to {base} inside the log");
        st.producer_state.set_end_offset(base);
        let snapshot = st.producer_state.write_snapshot_unsynced(&self.dir);
        st.producer_state.set_end_offset(st.log_end_offset);
        st.pending_syncs.push(snapshot?);
        st.dir_dirty = true;
        st.files_changed = true;
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
        let segment = LogSegment::create_in(&self.files, &self.dir, base, "", &config, now)?;
        assert!(
            st.segments.keys().next_back().is_none_or(|&b| b < base),
            "roll to {base} not after the last segment"
        );
        st.segments.insert(base, segment);
        assert_eq!(
            st.active().base_offset(),
            base,
            "the new segment is not active"
        );
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
}
