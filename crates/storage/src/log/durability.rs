//! Flush waiters and durability: callers wait for offsets to be on disk, flusher threads run
//! grouped fsyncs (see [`crate::flush`]) and move the recovery point, and the durability
//! listener hears of every advance.

use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Log, LogState, lock};
use crate::checkpoint::{EpochEntry, sync_dir};
use crate::flush::{FlushCompleter, FlushWaiter};
use crate::leader_epoch::LeaderEpochFileCache;
use crate::{FlushError, Offset, Result, StorageError, Timestamp};

#[derive(Debug, Default)]
pub(super) struct DurabilityState {
    waiters: Vec<(Offset, FlushCompleter)>,
    scheduled: bool,
    /// A flush was asked for while the log was already queued or flushing: the flush that
    /// runs (or ran) may have snapshotted the log end before the append that asked, so one
    /// more flush follows it. Cleared when a queued flush starts.
    pub(super) rerun: bool,
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
pub(super) struct FlushCounters {
    flushes: AtomicU64,
    files_synced: AtomicU64,
    waiters: AtomicU64,
}

/// What one flush fsyncs, captured under the log lock so the fsyncs can run without it.
#[derive(Debug)]
pub(crate) struct FlushPlan {
    /// The log end when the plan was made: every offset below it is in `files`.
    target: Offset,
    /// Every descriptor written through since the last plan (segment data, indexes written
    /// out at a roll, transaction indexes, the roll's producer snapshot).
    files: Vec<(Arc<File>, PathBuf)>,
    /// The leader epochs to write to `leader-epoch-checkpoint`, if they changed.
    epochs: Option<(u64, Vec<EpochEntry>)>,
    dir_dirty: bool,
    /// The data directory still lacks a durable entry for this partition's directory.
    parent_dir_dirty: bool,
    truncations: u64,
}

impl Log {
    /// Resolves once every offset below `end` is on disk. Waiters are answered by grouped
    /// fsyncs on the flusher threads; none of the work happens on the caller's thread.
    ///
    /// `end` must be at most the log end (it is normally [`AppendInfo::next_offset`](crate::AppendInfo::next_offset)); a
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
    pub(super) fn answer_waiters(self: Arc<Self>, result: &Result<Offset, FlushError>) {
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

    /// Snapshots the log end and takes every descriptor written since the last plan;
    /// `Err(recovery point)` if there is nothing to flush.
    pub(crate) fn plan_flush(&self) -> Result<Result<FlushPlan, Offset>> {
        let mut st = self.state();
        if st.offline {
            return Err(StorageError::LogOffline(self.topic_partition.clone()));
        }
        let target = st.log_end_offset;
        let epochs = st.epochs.unpersisted();
        let idle = target <= st.recovery_point
            && !st.dir_dirty
            && !st.parent_dir_dirty
            && !st.files_changed
            && st.pending_syncs.is_empty()
            && epochs.is_none();
        if idle {
            return Ok(Err(st.recovery_point));
        }
        let mut files = std::mem::take(&mut st.pending_syncs);
        let mut taken = Ok(());
        for segment in st.segments.values_mut() {
            match segment.take_unflushed() {
                Ok(more) => files.extend(more),
                Err(e) => taken = Err(e),
            }
        }
        if let Err(e) = taken {
            // What was taken would not be fsynced: the log can no longer vouch for its files.
            st.offline = true;
            tracing::error!(partition = %self.topic_partition, error = %e, "flush failed");
            return Err(e);
        }
        st.files_changed = false;
        Ok(Ok(FlushPlan {
            target,
            files,
            epochs,
            dir_dirty: std::mem::take(&mut st.dir_dirty),
            parent_dir_dirty: std::mem::take(&mut st.parent_dir_dirty),
            truncations: st.truncations,
        }))
    }

    /// The fsyncs of a plan, with no log lock held: the files, then the leader epoch
    /// checkpoint (written atomically), then the directory, so that every name a file was
    /// created or renamed under is durable with it.
    pub(crate) fn sync_planned(&self, plan: &FlushPlan) -> Result<()> {
        self.counters.flushes.fetch_add(1, Ordering::Relaxed);
        for (file, path) in &plan.files {
            self.counters.files_synced.fetch_add(1, Ordering::Relaxed);
            crate::fsync::sync_data(file, path)?;
        }
        if let Some((_, entries)) = &plan.epochs {
            self.counters.files_synced.fetch_add(1, Ordering::Relaxed);
            LeaderEpochFileCache::write_entries(&self.dir, entries)?;
        }
        if plan.dir_dirty {
            self.counters.files_synced.fetch_add(1, Ordering::Relaxed);
            sync_dir(&self.dir)?;
        }
        if plan.parent_dir_dirty
            && let Some(parent) = self.dir.parent()
        {
            self.counters.files_synced.fetch_add(1, Ordering::Relaxed);
            sync_dir(parent)?;
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
        if let Some((version, entries)) = &plan.epochs {
            st.epochs.persisted(*version, entries);
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

    pub(super) fn set_recovery_point(&self, st: &mut LogState, offset: Offset) {
        st.recovery_point = offset;
        self.durable_offset.store(offset.0, Ordering::Release);
    }

    /// Answers every pending waiter with `error` (the log closed).
    pub(super) fn fail_waiters(&self, error: FlushError) {
        let waiters = std::mem::take(&mut lock(&self.durability).waiters);
        for (_, completer) in waiters {
            completer.complete(Err(error.clone()));
        }
    }

    /// Answers the waiters for offsets a truncation to `end` removed.
    pub(super) fn fail_waiters_beyond(&self, end: Offset) {
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
    }
}
