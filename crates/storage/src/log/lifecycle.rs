//! Opening and closing a log. Opening validates the config and loads the directory (see
//! `log/load.rs`); closing flushes everything and writes the producer state snapshot so the
//! next open replays nothing.

use std::path::PathBuf;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex};

use super::durability::{DurabilityState, FlushCounters};
use super::{LoadParams, LoadStats, Log, load};
use crate::flush::FlushHandle;
use crate::{Clock, FlushError, LogConfig, Offset, Result, TopicPartition};

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
}
