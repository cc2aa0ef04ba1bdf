//! Grouped fsync: how acks=all produce requests wait for the disk without one fsync each.
//!
//! A caller that needs offsets below `end` on disk registers a waiter with
//! [`crate::Log::flush_to`] and gets a [`FlushWaiter`], which is both a `Future` (for the
//! broker's async tasks) and blockable (for threads and tests). The first waiter of a log
//! queues the log on a [`FlushScheduler`], whose worker threads, not the async workers, run
//! the fsyncs. A worker snapshots the log end, fsyncs every file holding unflushed data,
//! advances the log's recovery point, and wakes every waiter at or below it: one fsync
//! answers every waiter whose batch was appended before it started, and the waiters whose
//! batches came during it are all answered by the next one, so throughput follows the disk's fsync rate, not the request
//! rate. A log is queued at most once at a time, and its flushes never overlap.
//!
//! A waiter is answered only with a recovery point at or past its end. If a truncation removes
//! its offsets first, it is answered at once with [`crate::FlushError::BeyondLogEnd`]; a flush
//! that overlapped a truncation does not move the recovery point, since the offsets it
//! snapshotted may have been rewritten meanwhile. [`crate::Log::flush_stats`] counts the
//! grouped fsyncs against the waiters they served.
//!
//! Nothing is written to disk by this module itself.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::{FlushError, Log, Offset};

/// Bound on flush worker threads per scheduler.
pub const FLUSH_THREADS_MAX: usize = 16;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[derive(Debug, Default)]
struct SlotState {
    result: Option<Result<Offset, FlushError>>,
    waker: Option<Waker>,
}

#[derive(Debug, Default)]
struct Slot {
    state: Mutex<SlotState>,
    ready: Condvar,
}

/// Resolves when the requested offsets are durable, with the log's recovery point at the
/// time (at or past the requested end), or with why they could not be made durable.
#[derive(Debug)]
#[must_use = "a FlushWaiter does nothing unless waited on"]
pub struct FlushWaiter {
    slot: Arc<Slot>,
}

impl FlushWaiter {
    pub(crate) fn pending() -> (FlushWaiter, FlushCompleter) {
        let slot = Arc::new(Slot::default());
        (
            FlushWaiter {
                slot: Arc::clone(&slot),
            },
            FlushCompleter { slot: Some(slot) },
        )
    }

    /// A waiter that is already resolved.
    pub(crate) fn ready(result: Result<Offset, FlushError>) -> FlushWaiter {
        let (waiter, completer) = FlushWaiter::pending();
        completer.complete(result);
        waiter
    }

    /// Blocks the calling thread until resolved. Not for async workers.
    pub fn wait(self) -> Result<Offset, FlushError> {
        let mut state = lock(&self.slot.state);
        loop {
            if let Some(result) = state.result.clone() {
                return result;
            }
            state = self
                .slot
                .ready
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Blocks up to `timeout`; `None` if still pending.
    pub fn wait_timeout(&self, timeout: Duration) -> Option<Result<Offset, FlushError>> {
        let state = lock(&self.slot.state);
        let (state, _) = self
            .slot
            .ready
            .wait_timeout_while(state, timeout, |s| s.result.is_none())
            .unwrap_or_else(PoisonError::into_inner);
        state.result.clone()
    }

    /// The result if resolved, without blocking.
    pub fn try_result(&self) -> Option<Result<Offset, FlushError>> {
        lock(&self.slot.state).result.clone()
    }
}

impl Future for FlushWaiter {
    type Output = Result<Offset, FlushError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = lock(&self.slot.state);
        match state.result.clone() {
            Some(result) => Poll::Ready(result),
            None => {
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// The resolving side of a [`FlushWaiter`]. Dropping it unresolved resolves the waiter with
/// [`FlushError::Closed`], so no waiter hangs forever.
#[derive(Debug)]
pub(crate) struct FlushCompleter {
    slot: Option<Arc<Slot>>,
}

impl FlushCompleter {
    pub fn complete(mut self, result: Result<Offset, FlushError>) {
        if let Some(slot) = self.slot.take() {
            Self::resolve(&slot, result);
        }
    }

    fn resolve(slot: &Slot, result: Result<Offset, FlushError>) {
        let waker = {
            let mut state = lock(&slot.state);
            state.result = Some(result);
            state.waker.take()
        };
        slot.ready.notify_all();
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl Drop for FlushCompleter {
    fn drop(&mut self) {
        if let Some(slot) = self.slot.take() {
            Self::resolve(&slot, Err(FlushError::Closed));
        }
    }
}

#[derive(Debug, Default)]
struct QueueState {
    logs: VecDeque<Arc<Log>>,
    shutdown: bool,
}

#[derive(Debug, Default)]
pub(crate) struct FlushQueue {
    state: Mutex<QueueState>,
    wake: Condvar,
    /// Told whenever a flush moves a log's recovery point (set once, by the log manager's
    /// owner, before the logs take writes).
    listener: std::sync::OnceLock<Arc<dyn DurabilityListener>>,
}

/// Learns, on the flusher's thread and with no log lock held, that a log's offsets below
/// `durable` are now on disk. The replica manager uses it to move high watermarks, which
/// follow the flush. It must not block: it runs between two fsyncs.
pub trait DurabilityListener: Send + Sync + std::fmt::Debug {
    fn on_durable(&self, topic_partition: &crate::TopicPartition, durable: Offset);
}

/// A handle through which a log queues itself for a flush.
#[derive(Debug, Clone)]
pub struct FlushHandle {
    queue: Arc<FlushQueue>,
}

impl FlushHandle {
    /// Installs the listener told of every recovery point a flush advances. Only the first
    /// call counts; later ones are ignored (and say so).
    pub fn set_durability_listener(&self, listener: Arc<dyn DurabilityListener>) {
        if self.queue.listener.set(listener).is_err() {
            tracing::warn!("a durability listener was already installed; ignoring another");
        }
    }

    /// Tells the listener, if any, that `log`'s offsets below `durable` are on disk.
    pub(crate) fn durable(&self, log: &Log, durable: Offset) {
        if let Some(listener) = self.queue.listener.get() {
            listener.on_durable(log.topic_partition(), durable);
        }
    }

    /// Queues `log`; the log guarantees it is queued at most once at a time, so the queue
    /// never holds more entries than there are logs. After shutdown the flush runs inline.
    pub(crate) fn enqueue(&self, log: Arc<Log>) {
        let mut state = lock(&self.queue.state);
        if state.shutdown {
            drop(state);
            log.run_scheduled_flush();
            return;
        }
        state.logs.push_back(log);
        drop(state);
        self.queue.wake.notify_one();
    }
}

#[cfg(test)]
impl FlushHandle {
    /// A handle whose queue no worker drains, so a test runs each queued flush by hand
    /// and can act between its steps.
    pub(crate) fn manual() -> FlushHandle {
        FlushHandle {
            queue: Arc::new(FlushQueue::default()),
        }
    }

    /// Takes the next queued log, if any.
    pub(crate) fn pop(&self) -> Option<Arc<Log>> {
        lock(&self.queue.state).logs.pop_front()
    }

    pub(crate) fn queued(&self) -> usize {
        lock(&self.queue.state).logs.len()
    }
}

/// Worker threads that run queued log flushes.
#[derive(Debug)]
pub struct FlushScheduler {
    queue: Arc<FlushQueue>,
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl FlushScheduler {
    /// Starts `threads` workers (at least 1, at most [`FLUSH_THREADS_MAX`]).
    pub fn start(threads: usize) -> Arc<FlushScheduler> {
        let queue = Arc::new(FlushQueue::default());
        let mut workers = Vec::new();
        for i in 0..threads.clamp(1, FLUSH_THREADS_MAX) {
            let queue = Arc::clone(&queue);
            let spawned = std::thread::Builder::new()
                .name(format!("strom-log-flusher-{i}"))
                .spawn(move || Self::work(&queue));
            match spawned {
                Ok(handle) => workers.push(handle),
                Err(e) => tracing::error!(error = %e, "cannot start log flusher thread"),
            }
        }
        assert!(!workers.is_empty(), "no flusher thread could be started");
        Arc::new(FlushScheduler {
            queue,
            workers: Mutex::new(workers),
        })
    }

    pub fn handle(&self) -> FlushHandle {
        FlushHandle {
            queue: Arc::clone(&self.queue),
        }
    }

    fn work(queue: &FlushQueue) {
        loop {
            let log = {
                let mut state = lock(&queue.state);
                loop {
                    if let Some(log) = state.logs.pop_front() {
                        break log;
                    }
                    if state.shutdown {
                        return;
                    }
                    state = queue
                        .wake
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            };
            log.run_scheduled_flush();
        }
    }

    /// Runs what is queued, stops the workers and waits for them. Later flush requests run
    /// on the caller's thread.
    pub fn shutdown(&self) {
        lock(&self.queue.state).shutdown = true;
        self.queue.wake.notify_all();
        let workers = std::mem::take(&mut *lock(&self.workers));
        for worker in workers {
            if worker.join().is_err() {
                tracing::error!("a log flusher thread panicked");
            }
        }
    }
}

impl Drop for FlushScheduler {
    fn drop(&mut self) {
        self.shutdown();
    }
}
