//! Deadlines of the coordinator, kept as data: the broker (or a test) says what time it is
//! and the coordinator fires whatever is due. One deadline per [`TimerKind`]: re-arming a kind
//! replaces its deadline, which is how a heartbeat pushes a session expiry out.
//!
//! Generic over the kind so the group and transaction coordinators share one implementation;
//! `armed` collects what the last call scheduled, for `Effects::timers`.

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

use crate::effects::{Timer, TimerKind};

/// A timer as the coordinator reports it: the kind and its deadline.
pub(crate) trait ArmedTimer<K> {
    fn armed(kind: K, deadline_ms: i64) -> Self;
}

impl ArmedTimer<TimerKind> for Timer {
    fn armed(kind: TimerKind, deadline_ms: i64) -> Self {
        Timer { deadline_ms, kind }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Timers<K = TimerKind, A = Timer> {
    by_deadline: BTreeSet<(i64, K)>,
    by_kind: HashMap<K, i64>,
    armed: Vec<A>,
}

impl<K, A> Default for Timers<K, A> {
    fn default() -> Self {
        Timers {
            by_deadline: BTreeSet::new(),
            by_kind: HashMap::new(),
            armed: Vec::new(),
        }
    }
}

impl<K: Ord + Hash + Clone, A: ArmedTimer<K>> Timers<K, A> {
    pub fn schedule(&mut self, kind: K, deadline_ms: i64) {
        self.cancel(&kind);
        self.by_deadline.insert((deadline_ms, kind.clone()));
        self.by_kind.insert(kind.clone(), deadline_ms);
        self.armed.push(A::armed(kind, deadline_ms));
    }

    pub fn cancel(&mut self, kind: &K) {
        if let Some(deadline) = self.by_kind.remove(kind) {
            self.by_deadline.remove(&(deadline, kind.clone()));
        }
    }

    pub fn deadline(&self, kind: &K) -> Option<i64> {
        self.by_kind.get(kind).copied()
    }

    /// The earliest timer due at `now_ms`, removed.
    pub fn pop_due(&mut self, now_ms: i64) -> Option<K> {
        let (deadline, _) = self.by_deadline.first()?;
        if *deadline > now_ms {
            return None;
        }
        let (_, kind) = self.by_deadline.pop_first()?;
        self.by_kind.remove(&kind);
        Some(kind)
    }

    pub fn next_deadline_ms(&self) -> Option<i64> {
        self.by_deadline.first().map(|(d, _)| *d)
    }

    pub fn take_armed(&mut self) -> Vec<A> {
        std::mem::take(&mut self.armed)
    }

    /// Keeps only the timers `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&K) -> bool) {
        let dropped: Vec<K> = self.by_kind.keys().filter(|k| !keep(k)).cloned().collect();
        for kind in dropped {
            self.cancel(&kind);
        }
    }

    pub fn len(&self) -> usize {
        self.by_kind.len()
    }
}
