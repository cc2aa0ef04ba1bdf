//! Deadlines of the coordinator, kept as data: the broker (or a test) says what time it is
//! and the coordinator fires whatever is due. One deadline per [`TimerKind`]: re-arming a kind
//! replaces its deadline, which is how a heartbeat pushes a session expiry out.

use std::collections::{BTreeSet, HashMap};

use crate::effects::{Timer, TimerKind};

#[derive(Debug, Default, Clone)]
pub(crate) struct Timers {
    by_deadline: BTreeSet<(i64, TimerKind)>,
    by_kind: HashMap<TimerKind, i64>,
    armed: Vec<Timer>,
}

impl Timers {
    pub fn schedule(&mut self, kind: TimerKind, deadline_ms: i64) {
        self.cancel(&kind);
        self.by_deadline.insert((deadline_ms, kind.clone()));
        self.by_kind.insert(kind.clone(), deadline_ms);
        self.armed.push(Timer { deadline_ms, kind });
    }

    pub fn cancel(&mut self, kind: &TimerKind) {
        if let Some(deadline) = self.by_kind.remove(kind) {
            self.by_deadline.remove(&(deadline, kind.clone()));
        }
    }

    pub fn deadline(&self, kind: &TimerKind) -> Option<i64> {
        self.by_kind.get(kind).copied()
    }

    /// The earliest timer due at `now_ms`, removed.
    pub fn pop_due(&mut self, now_ms: i64) -> Option<TimerKind> {
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

    pub fn take_armed(&mut self) -> Vec<Timer> {
        std::mem::take(&mut self.armed)
    }

    /// Keeps only the timers `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&TimerKind) -> bool) {
        let dropped: Vec<TimerKind> = self.by_kind.keys().filter(|k| !keep(k)).cloned().collect();
        for kind in dropped {
            self.cancel(&kind);
        }
    }

    pub fn len(&self) -> usize {
        self.by_kind.len()
    }
}
