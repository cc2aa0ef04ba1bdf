//! KIP-890's verification guards: what keeps a stale "yes, it is in the transaction" from
//! opening a transaction in a partition after that transaction has ended here.
//!
//! A transactional producer's first batch of a transaction in a partition is appended only
//! if the transaction coordinator says the partition is in the producer's ongoing
//! transaction. Asking takes a round trip, and in that time the transaction may end: the
//! coordinator writes its commit or abort marker here. Appending on the old answer would
//! start a transaction in this partition that no coordinator knows about. Under transaction
//! version 0/1 the producer keeps its epoch across transactions, so its next transaction's
//! commit marker would then commit the stray records: a read_committed consumer reads part
//! of an aborted transaction. Found by the fault suite: a verification answer held up by a
//! one-way partition came back after the abort marker (`docs/faults.md`).
//!
//! So before it asks, the leader takes a guard for the producer
//! ([`Verifications::start`]). Any transactional batch of that producer written here, data
//! or marker, ends the guard: data means the transaction is open here and needs no guard
//! any more, a marker means the transaction the answer was about is over. An append of a
//! batch that would start a transaction must hold the guard still in place
//! ([`Verifications::holds`]), or it is refused with `INVALID_TXN_STATE` and nothing is
//! written. One exception, as in Kafka: under transaction version 2 the marker that ends
//! a transaction carries the epoch the producer's next transaction uses, so a marker with
//! the guard's own epoch leaves a version-2 guard in place (a late write of the ended
//! transaction has the older epoch and is fenced by it).
//!
//! Guards live in memory only. Losing them (a restart, a truncation that rebuilds the
//! producer state, expiry) can only refuse a write the producer then retries, never admit
//! one.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{ProducerId, Timestamp};

/// Guards handed out by this process; each is used once, so one counter serves all logs.
static NEXT_GUARD: AtomicU64 = AtomicU64::new(1);

/// One verification in flight for a producer of one partition; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VerificationGuard(u64);

#[derive(Debug, Clone, Copy)]
struct Verification {
    guard: VerificationGuard,
    /// The highest producer epoch that asked under this guard.
    epoch: i16,
    /// Transaction version 2: a marker at `epoch` does not end the guard.
    tv2: bool,
    started: Timestamp,
}

/// The guards of one partition, at most one per producer.
#[derive(Debug)]
pub(crate) struct Verifications {
    by_producer: HashMap<ProducerId, Verification>,
    /// At most this many guards; beyond it the oldest is dropped (its write is refused).
    max: usize,
}

impl Verifications {
    pub(crate) fn new(max: usize) -> Self {
        assert!(max > 0);
        Verifications {
            by_producer: HashMap::new(),
            max,
        }
    }

    /// The producer's guard, taken now unless one is in place already (pipelined requests
    /// share it). A higher epoch replaces the guard's epoch, as in Kafka.
    pub(crate) fn start(
        &mut self,
        producer_id: ProducerId,
        epoch: i16,
        tv2: bool,
        now: Timestamp,
    ) -> VerificationGuard {
        if !self.by_producer.contains_key(&producer_id) && self.by_producer.len() >= self.max {
            self.drop_oldest();
        }
        let v = self.by_producer.entry(producer_id).or_insert_with(|| {
            let guard = VerificationGuard(NEXT_GUARD.fetch_add(1, Ordering::Relaxed));
            Verification {
                guard,
                epoch,
                tv2,
                started: now,
            }
        });
        if epoch > v.epoch {
            v.epoch = epoch;
            v.tv2 = tv2;
        }
        let guard = v.guard;
        assert!(self.by_producer.len() <= self.max);
        guard
    }

    /// Whether `guard` is the producer's guard still in place.
    pub(crate) fn holds(&self, producer_id: ProducerId, guard: Option<VerificationGuard>) -> bool {
        guard.is_some_and(|g| {
            self.by_producer
                .get(&producer_id)
                .is_some_and(|v| v.guard == g)
        })
    }

    /// A transactional batch of the producer was written here: `marker_epoch` is the
    /// producer epoch of a commit or abort marker, `None` for data.
    pub(crate) fn written(&mut self, producer_id: ProducerId, marker_epoch: Option<i16>) {
        let Some(v) = self.by_producer.get(&producer_id) else {
            return;
        };
        let next_transaction_started = v.tv2 && marker_epoch == Some(v.epoch);
        if !next_transaction_started {
            self.by_producer.remove(&producer_id);
        }
    }

    /// Drops guards taken before `now - expiration_ms`: an answer that late is not waited for.
    pub(crate) fn expire(&mut self, now: Timestamp, expiration_ms: i64) {
        self.by_producer
            .retain(|_, v| now.0.saturating_sub(v.started.0) < expiration_ms);
    }

    pub(crate) fn len(&self) -> usize {
        self.by_producer.len()
    }

    fn drop_oldest(&mut self) {
        let oldest = self
            .by_producer
            .iter()
            .min_by_key(|(_, v)| (v.started, v.guard.0))
            .map(|(p, _)| *p);
        if let Some(p) = oldest {
            self.by_producer.remove(&p);
        }
    }
}
