//! Opening and closing a log. Opening validates the config and loads the directory (see
//! `log/load.rs`); closing flushes everything, writes the active segment's indexes and the
//! producer state snapshot, all fsynced, so the next open trusts them and replays nothing.

use std::path::PathBuf;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex};

use super::durability::{DurabilityState, FlushCounters};
use super::{LoadParams, LoadStats, Log, load};
use crate::file_cache::{FileCache, open_files_max_default};
use crate::flush::FlushHandle;
use crate::{Clock, FlushError, LogConfig, Offset, Result, TopicPartition};

impl Log {
    /// Opens (or creates) the log in `dir`, recovering it as `params` says, with a
    /// descriptor cache of its own. See [`load`](self::load) for what recovery does.
    pub fn open(
        dir: PathBuf,
        topic_partition: TopicPartition,
        config: LogConfig,
        params: LoadParams,
        clock: Arc<dyn Clock>,
        flusher: FlushHandle,
    ) -> Result<(Arc<Log>, LoadStats)> {
        let files = FileCache::new(open_files_max_default());
        Self::open_in(dir, topic_partition, config, params, clock, flusher, files)
    }

    /// [`Log::open`] with the data directory's descriptor cache, shared by its logs.
    pub fn open_in(
        dir: PathBuf,
        topic_partition: TopicPartition,
        config: LogConfig,
        params: LoadParams,
        clock: Arc<dyn Clock>,
        flusher: FlushHandle,
        files: Arc<FileCache>,
    ) -> Result<(Arc<Log>, LoadStats)> {
        config.validate()?;
        let (state, stats) = load::load(&dir, &files, Arc::new(config), &params, clock.as_ref())?;
        state.check_invariants();
        let log = Log {
            topic_partition,
            dir,
            clock,
            flusher,
            files,
            durable_offset: AtomicI64::new(state.recovery_point.0),
            state: Mutex::new(state),
            durability: Mutex::new(DurabilityState::default()),
            flushing: Mutex::new(()),
            counters: FlushCounters::default(),
        };
        Ok((Arc::new(log), stats))
    }

    /// Flushes everything, writes the active segment's indexes and the producer state
    /// snapshot for the log end (fsynced), and refuses further use. Returns the final
    /// recovery point (the log end). A log nothing was written to since it was opened costs
    /// no fsync here.
    pub fn close(&self) -> Result<Offset> {
        let end = self.flush()?;
        let mut st = self.state();
        if st.closed {
            return Ok(end);
        }
        st.active_mut().on_become_inactive()?;
        let mut written = Vec::new();
        for segment in st.segments.values_mut() {
            written.extend(segment.take_unflushed()?);
        }
        for (file, path) in &written {
            crate::fsync::sync_data(file, path)?;
        }
        if !st.snapshot_current {
            st.producer_state.take_snapshot(&self.dir)?;
            st.snapshot_current = true;
        }
        st.epochs.persist()?;
        assert!(st.pending_syncs.is_empty(), "a flush left files unsynced");
        st.closed = true;
        drop(st);
        self.fail_waiters(FlushError::Closed);
        Ok(end)
    }

    /// Marks the log closed without flushing, so its directory can be deleted.
    pub(crate) fn close_for_delete(&self) {
        let mut st = self.state();
        st.closed = true;
        for segment in st.segments.values() {
            self.files.forget_segment(segment.id());
        }
        st.pending_syncs.clear();
        drop(st);
        self.fail_waiters(FlushError::Closed);
    }
}
