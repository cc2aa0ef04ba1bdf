//! Rolling: the active segment stops taking appends and a new one starts at the next offset,
//! after the producer state snapshot for that offset is written.

use std::sync::Arc;

use super::{Log, LogState};
use crate::segment::LogSegment;
use crate::{Offset, Result};

impl Log {
    /// Starts a new active segment at `base` (the next offset to be written), after writing
    /// the producer state snapshot for `base`.
    pub(super) fn roll_locked(&self, st: &mut LogState, base: Offset) -> Result<()> {
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
}
