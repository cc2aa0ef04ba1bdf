//! Delayed operations, keyed by partition (Kafka's purgatory): what waits on one partition
//! is completed or woken by that partition's events only.
//!
//! - **Delayed produce.** An acks=all append waits until the partition's high watermark
//!   reaches the end of what it appended. Waiters are kept by the offset they need; a high
//!   watermark move completes every waiter at or below it, in one pass under the partition's
//!   wait-list lock. The high watermark completed through is recorded under the same lock, so
//!   a waiter registering just after a move sees it and never waits for a move that already
//!   happened. At most [`PRODUCE_WAITERS_MAX`] waiters per partition; more is refused
//!   (`REQUEST_TIMED_OUT`, as a full purgatory would end).
//! - **Delayed fetch.** A long-polling fetch registers one [`FetchWaker`] with each partition
//!   it reads. A high watermark move (or the partition stopping) wakes every live waker of
//!   that partition and no other. Wakers are held weakly: a finished fetch simply drops its
//!   waker, and dead entries are purged when a partition's list has grown past twice its
//!   live count, so a partition nobody writes to costs nothing per fetch beyond its list.
//!   Followers' fetches wait in a list of their own, woken by appends (a follower wants
//!   every new record, not only what the high watermark covers).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use strom_storage::Offset;
use tokio::sync::{Notify, oneshot};

use super::PartitionError;

/// Bound on acks=all requests waiting on one partition.
pub const PRODUCE_WAITERS_MAX: usize = 100_000;
/// A fetch waker list is purged of dead entries once it is longer than this and twice its
/// live count.
const FETCH_WAKERS_PURGE_AT: usize = 64;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// How a delayed produce ended.
pub(super) type ProduceOutcome = Result<Offset, PartitionError>;

#[derive(Debug)]
struct ProduceWaiters {
    /// The high watermark every waiter at or below has been completed with.
    completed_through: Offset,
    by_offset: BTreeMap<Offset, Vec<oneshot::Sender<ProduceOutcome>>>,
    count: usize,
}

/// What waits on one partition.
#[derive(Debug)]
pub(crate) struct DelayedOps {
    produce: Mutex<ProduceWaiters>,
    /// Consumers: woken when the high watermark moves.
    fetch: Mutex<FetchWakers>,
    /// Followers: woken when the log end moves (an append).
    replica_fetch: Mutex<FetchWakers>,
}

#[derive(Debug, Default)]
struct FetchWakers {
    wakers: Vec<Weak<FetchWaker>>,
    /// Live wakers after the last purge, to decide when to purge next.
    live_at_purge: usize,
}

/// Wakes one parked fetch. `Notify` keeps a permit when nobody is waiting, so a wake that
/// lands between a fetch's read and its wait is not lost.
#[derive(Debug, Default)]
pub struct FetchWaker {
    notify: Notify,
}

impl FetchWaker {
    pub async fn notified(&self) {
        self.notify.notified().await;
    }
}

impl DelayedOps {
    pub(super) fn new(high_watermark: Offset) -> Self {
        DelayedOps {
            produce: Mutex::new(ProduceWaiters {
                completed_through: high_watermark,
                by_offset: BTreeMap::new(),
                count: 0,
            }),
            fetch: Mutex::new(FetchWakers::default()),
            replica_fetch: Mutex::new(FetchWakers::default()),
        }
    }

    /// A receiver answered once the high watermark reaches `required`; already answered if
    /// it has.
    pub(super) fn wait_for_high_watermark(
        &self,
        required: Offset,
        too_many: impl FnOnce(usize) -> PartitionError,
    ) -> Result<oneshot::Receiver<ProduceOutcome>, PartitionError> {
        let (tx, rx) = oneshot::channel();
        let mut waiters = lock(&self.produce);
        if required <= waiters.completed_through {
            let _ = tx.send(Ok(waiters.completed_through));
            return Ok(rx);
        }
        if waiters.count >= PRODUCE_WAITERS_MAX {
            return Err(too_many(waiters.count));
        }
        waiters.by_offset.entry(required).or_default().push(tx);
        waiters.count += 1;
        Ok(rx)
    }

    /// The high watermark every produce waiter at or below has been answered with.
    pub(super) fn produce_completed_through(&self) -> Offset {
        lock(&self.produce).completed_through
    }

    /// The high watermark reached `hw`: answers every waiter at or below it.
    pub(super) fn complete_produce_through(&self, hw: Offset) {
        let done = {
            let mut waiters = lock(&self.produce);
            assert!(
                hw >= waiters.completed_through,
                "high watermark went back from {} to {hw}",
                waiters.completed_through
            );
            waiters.completed_through = hw;
            let later = waiters.by_offset.split_off(&hw.plus(1));
            let done = std::mem::replace(&mut waiters.by_offset, later);
            let n: usize = done.values().map(Vec::len).sum();
            waiters.count -= n;
            done
        };
        for tx in done.into_values().flatten() {
            let _ = tx.send(Ok(hw));
        }
    }

    /// Answers every waiter with an error (the partition stopped or lost leadership).
    pub(super) fn fail_produce(&self, error: impl Fn() -> PartitionError) {
        let all = {
            let mut waiters = lock(&self.produce);
            waiters.count = 0;
            std::mem::take(&mut waiters.by_offset)
        };
        for tx in all.into_values().flatten() {
            let _ = tx.send(Err(error()));
        }
    }

    /// Acks=all requests waiting now.
    #[cfg(test)]
    pub(super) fn produce_waiting(&self) -> usize {
        lock(&self.produce).count
    }

    /// Registers a parked fetch's waker: a follower's (`replica`) or a consumer's.
    pub(super) fn watch_fetch(&self, waker: &Arc<FetchWaker>, replica: bool) {
        let mut list = lock(if replica {
            &self.replica_fetch
        } else {
            &self.fetch
        });
        if list.wakers.len() >= FETCH_WAKERS_PURGE_AT && list.wakers.len() >= 2 * list.live_at_purge
        {
            list.wakers.retain(|w| w.strong_count() > 0);
            list.live_at_purge = list.wakers.len();
        }
        list.wakers.push(Arc::downgrade(waker));
    }

    /// Wakes every live parked consumer fetch of this partition; returns how many.
    pub(super) fn wake_fetches(&self) -> usize {
        wake(&self.fetch)
    }

    /// Wakes every live parked follower fetch of this partition (the log end moved).
    pub(super) fn wake_replica_fetches(&self) -> usize {
        wake(&self.replica_fetch)
    }

    /// Wakers registered (live or not yet purged), for tests.
    #[cfg(test)]
    pub(super) fn fetch_watchers(&self) -> usize {
        lock(&self.fetch).wakers.len()
    }
}

/// Wakes every live waker of `list`; returns how many.
fn wake(list: &Mutex<FetchWakers>) -> usize {
    let live: Vec<Arc<FetchWaker>> = {
        let mut list = lock(list);
        list.wakers.retain(|w| w.strong_count() > 0);
        list.live_at_purge = list.wakers.len();
        list.wakers.iter().filter_map(Weak::upgrade).collect()
    };
    for waker in &live {
        waker.notify.notify_one();
    }
    live.len()
}
