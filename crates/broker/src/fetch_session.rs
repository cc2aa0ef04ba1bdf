//! Incremental fetch sessions (KIP-227): the broker remembers which partitions a consumer
//! fetches, so later requests list only what changed and responses only partitions with news.
//!
//! A request names its session with `(session_id, session_epoch)`:
//! - epoch 0 (`INITIAL_EPOCH`) is a full request that asks for a new session; any session it
//!   names is closed first. The response carries the new session's id, or 0 when the cache is
//!   full, which tells the client to keep sending full requests.
//! - epoch -1 (`FINAL_EPOCH`) is a full request without a session; any session it names is
//!   closed.
//! - any other epoch is an incremental request on an existing session and must carry the
//!   session's current epoch: an unknown id is `FETCH_SESSION_ID_NOT_FOUND`, a wrong epoch
//!   `INVALID_FETCH_SESSION_EPOCH`. Its partitions add to or update the session's, its
//!   forgotten topics leave it, and the response lists a partition only if it has records, an
//!   error, or a high watermark or log start offset the client has not been told yet.
//!
//! The cache holds at most `max.incremental.fetch.session.cache.slots` sessions. When it is
//! full, the least recently used session is evicted only if it has been idle for
//! [`SESSION_EVICTION_MS`] (Kafka's `min.incremental.fetch.session.eviction.ms`); otherwise
//! no session is created. Nothing here does I/O or reads the clock: the handler passes the
//! time in.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use strom_protocol::{ErrorCode, Uuid};

/// Kafka's `INITIAL_EPOCH`: a full request asking for a session.
pub const INITIAL_EPOCH: i32 = 0;
/// Kafka's `FINAL_EPOCH`: a full request closing any session, asking for none.
pub const FINAL_EPOCH: i32 = -1;
/// Kafka's `INVALID_SESSION_ID`: no session.
pub const NO_SESSION: i32 = 0;
/// How long a session must be idle before a new one may evict it.
pub const SESSION_EVICTION_MS: u64 = 120_000;
/// Partitions one session may hold; incremental requests cannot grow it past this.
pub const SESSION_PARTITIONS_MAX: usize = 100_000;

/// A partition as a fetch request names it: by topic name up to v12, by topic id from v13
/// (the other field is then empty).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionPartitionKey {
    pub topic: String,
    pub topic_id: Uuid,
    pub partition: i32,
}

/// What the request says about one partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchTarget {
    pub fetch_offset: i64,
    pub partition_max_bytes: i32,
    pub current_leader_epoch: i32,
}

/// A session's partition: what the client asked for and what it was last told.
#[derive(Debug, Clone)]
struct CachedPartition {
    target: FetchTarget,
    /// -1 until a response carried the partition, and after an error, so it is sent again.
    high_watermark: i64,
    log_start_offset: i64,
}

#[derive(Debug)]
struct FetchSession {
    epoch: i32,
    partitions: BTreeMap<SessionPartitionKey, CachedPartition>,
    last_used: Instant,
}

/// What one partition's read produced, as far as the session cares.
#[derive(Debug, Clone, Copy)]
pub struct PartitionOutcome {
    pub has_records: bool,
    pub error: bool,
    pub high_watermark: i64,
    pub log_start_offset: i64,
}

/// How to answer a fetch request.
#[derive(Debug, PartialEq)]
pub enum FetchContext {
    /// Answer every requested partition; `session_id` is the new session's, or 0.
    Full { session_id: i32 },
    /// Read every partition of the session, answer those with news.
    Incremental {
        session_id: i32,
        partitions: Vec<(SessionPartitionKey, FetchTarget)>,
    },
    /// Answer with this top-level error and no partitions.
    Error(ErrorCode),
}

/// The cache of fetch sessions.
#[derive(Debug)]
pub struct FetchSessionCache {
    slots: usize,
    sessions: Mutex<HashMap<i32, FetchSession>>,
}

fn next_epoch(epoch: i32) -> i32 {
    if epoch < 0 {
        epoch
    } else if epoch == i32::MAX {
        1
    } else {
        epoch + 1
    }
}

impl FetchSessionCache {
    pub fn new(slots: usize) -> FetchSessionCache {
        FetchSessionCache {
            slots,
            sessions: Mutex::new(HashMap::new()),
        }
    }

    pub fn slots(&self) -> usize {
        self.slots
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<i32, FetchSession>> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Decides how to answer a request and updates the session it names. `new_id` proposes
    /// ids for a new session (random in the broker, fixed in tests).
    pub fn new_context(
        &self,
        session_id: i32,
        epoch: i32,
        requested: Vec<(SessionPartitionKey, FetchTarget)>,
        forgotten: &[SessionPartitionKey],
        now: Instant,
        new_id: &mut dyn FnMut() -> i32,
    ) -> FetchContext {
        let mut sessions = self.lock();
        if epoch == INITIAL_EPOCH || epoch == FINAL_EPOCH {
            if session_id != NO_SESSION {
                sessions.remove(&session_id);
            }
            if epoch == FINAL_EPOCH || !self.make_room(&mut sessions, now) {
                return FetchContext::Full {
                    session_id: NO_SESSION,
                };
            }
            let id = loop {
                let id = new_id();
                if id > 0 && !sessions.contains_key(&id) {
                    break id;
                }
            };
            let partitions = requested
                .into_iter()
                .take(SESSION_PARTITIONS_MAX)
                .map(|(key, target)| (key, cached(target)))
                .collect();
            sessions.insert(
                id,
                FetchSession {
                    epoch: next_epoch(INITIAL_EPOCH),
                    partitions,
                    last_used: now,
                },
            );
            return FetchContext::Full { session_id: id };
        }
        let Some(session) = sessions.get_mut(&session_id) else {
            return FetchContext::Error(ErrorCode::FetchSessionIdNotFound);
        };
        if session.epoch != epoch {
            return FetchContext::Error(ErrorCode::InvalidFetchSessionEpoch);
        }
        for key in forgotten {
            session.partitions.remove(key);
        }
        for (key, target) in requested {
            let len = session.partitions.len();
            match session.partitions.get_mut(&key) {
                Some(existing) => existing.target = target,
                None if len < SESSION_PARTITIONS_MAX => {
                    session.partitions.insert(key, cached(target));
                }
                None => return FetchContext::Error(ErrorCode::InvalidRequest),
            }
        }
        session.epoch = next_epoch(session.epoch);
        session.last_used = now;
        FetchContext::Incremental {
            session_id,
            partitions: session
                .partitions
                .iter()
                .map(|(k, p)| (k.clone(), p.target.clone()))
                .collect(),
        }
    }

    /// Whether a new session fits, evicting the least recently used one if it has idled
    /// long enough.
    fn make_room(&self, sessions: &mut HashMap<i32, FetchSession>, now: Instant) -> bool {
        if self.slots == 0 {
            return false;
        }
        if sessions.len() < self.slots {
            return true;
        }
        let oldest = sessions
            .iter()
            .min_by_key(|(_, s)| s.last_used)
            .map(|(id, s)| (*id, s.last_used));
        match oldest {
            Some((id, last_used))
                if now.saturating_duration_since(last_used)
                    >= Duration::from_millis(SESSION_EVICTION_MS) =>
            {
                sessions.remove(&id);
                true
            }
            _ => false,
        }
    }

    /// Records what a response tells the client about each partition and returns, per
    /// partition, whether it belongs in the response. A sessionless or unknown session keeps
    /// every partition.
    pub fn record_response(
        &self,
        session_id: i32,
        outcomes: &[(&SessionPartitionKey, PartitionOutcome)],
        incremental: bool,
    ) -> Vec<bool> {
        let mut sessions = self.lock();
        let Some(session) = sessions.get_mut(&session_id) else {
            return vec![true; outcomes.len()];
        };
        outcomes
            .iter()
            .map(|(key, outcome)| {
                let Some(cached) = session.partitions.get_mut(*key) else {
                    return true;
                };
                let mut respond = outcome.has_records || outcome.error;
                if cached.high_watermark != outcome.high_watermark {
                    respond = true;
                    cached.high_watermark = outcome.high_watermark;
                }
                if cached.log_start_offset != outcome.log_start_offset {
                    respond = true;
                    cached.log_start_offset = outcome.log_start_offset;
                }
                if outcome.error {
                    cached.high_watermark = -1;
                }
                respond || !incremental
            })
            .collect()
    }
}

fn cached(target: FetchTarget) -> CachedPartition {
    CachedPartition {
        target,
        high_watermark: -1,
        log_start_offset: -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(partition: i32) -> SessionPartitionKey {
        SessionPartitionKey {
            topic: "t".into(),
            topic_id: Uuid::default(),
            partition,
        }
    }

    fn target(offset: i64) -> FetchTarget {
        FetchTarget {
            fetch_offset: offset,
            partition_max_bytes: 1024,
            current_leader_epoch: -1,
        }
    }

    fn quiet(hw: i64) -> PartitionOutcome {
        PartitionOutcome {
            has_records: false,
            error: false,
            high_watermark: hw,
            log_start_offset: 0,
        }
    }

    #[test]
    fn sessions_follow_kip_227_epochs_and_omit_unchanged_partitions() {
        // A full request opens a session, incremental requests must carry its epoch, forgotten
        // partitions leave it, and unchanged partitions are left out of incremental responses.
        let cache = FetchSessionCache::new(2);
        let now = Instant::now();
        let mut ids = 41..;
        let mut new_id = || ids.next().unwrap_or(1);
        let ctx = cache.new_context(
            0,
            0,
            vec![(key(0), target(0)), (key(1), target(0))],
            &[],
            now,
            &mut new_id,
        );
        assert_eq!(ctx, FetchContext::Full { session_id: 41 });
        let keys = [key(0), key(1)];
        let all = cache.record_response(41, &[(&keys[0], quiet(5)), (&keys[1], quiet(7))], false);
        assert_eq!(all, vec![true, true]);

        let ctx = cache.new_context(41, 1, vec![], &[], now, &mut new_id);
        let FetchContext::Incremental { partitions, .. } = ctx else {
            panic!("{ctx:?}")
        };
        assert_eq!(partitions.len(), 2);
        let shown = cache.record_response(41, &[(&keys[0], quiet(5)), (&keys[1], quiet(8))], true);
        assert_eq!(shown, vec![false, true]);

        assert_eq!(
            cache.new_context(41, 1, vec![], &[], now, &mut new_id),
            FetchContext::Error(ErrorCode::InvalidFetchSessionEpoch)
        );
        assert_eq!(
            cache.new_context(99, 1, vec![], &[], now, &mut new_id),
            FetchContext::Error(ErrorCode::FetchSessionIdNotFound)
        );
        let ctx = cache.new_context(41, 2, vec![], &[key(1)], now, &mut new_id);
        let FetchContext::Incremental { partitions, .. } = ctx else {
            panic!("{ctx:?}")
        };
        assert_eq!(partitions, vec![(key(0), target(0))]);
        assert_eq!(
            cache.new_context(41, -1, vec![], &[], now, &mut new_id),
            FetchContext::Full { session_id: 0 }
        );
        assert!(cache.is_empty());
    }

    #[test]
    fn a_full_cache_creates_no_session_until_one_idles_out() {
        // With every slot taken by recently used sessions the answer is session id 0; once
        // the oldest has idled past the eviction time it makes room.
        let cache = FetchSessionCache::new(1);
        let now = Instant::now();
        let mut ids = 1..;
        let mut new_id = || ids.next().unwrap_or(1);
        let first = cache.new_context(0, 0, vec![], &[], now, &mut new_id);
        assert_eq!(first, FetchContext::Full { session_id: 1 });
        let second = cache.new_context(0, 0, vec![], &[], now, &mut new_id);
        assert_eq!(second, FetchContext::Full { session_id: 0 });
        let later = now + Duration::from_millis(SESSION_EVICTION_MS);
        let third = cache.new_context(0, 0, vec![], &[], later, &mut new_id);
        assert_eq!(third, FetchContext::Full { session_id: 2 });
        assert_eq!(cache.len(), 1);
    }
}
