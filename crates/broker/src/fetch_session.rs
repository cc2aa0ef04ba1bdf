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
//! A session belongs to the connection that created it: a request on another connection
//! naming its id gets `FETCH_SESSION_ID_NOT_FOUND` and cannot close it, so guessing an id
//! gains nothing, and a connection's sessions are dropped when it closes. Clients already
//! handle that error by starting a new session with a full request.
//!
//! A partition named twice in one request counts once, the later entry winning (Kafka keys
//! a request's partitions by topic and partition the same way). Topic names are shared
//! between a topic's partitions, not copied per partition, and a name no topic can have
//! (Kafka's legal characters and length) is answered but never kept in a session.
//!
//! The cache holds at most `max.incremental.fetch.session.cache.slots` sessions,
//! [`SESSION_PARTITIONS_MAX`] partitions per session and [`CACHE_PARTITIONS_MAX`] over all
//! sessions. When the slots are full, the least recently used session is evicted only if it
//! has been idle for [`SESSION_EVICTION_MS`] (Kafka's
//! `min.incremental.fetch.session.eviction.ms`); otherwise no session is created. Nothing
//! here does I/O or reads the clock: the handler passes the time in.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use strom_protocol::{ErrorCode, Uuid};

use crate::connection_id::ConnectionId;

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
/// Partitions all sessions together may hold: with names of at most 249 bytes, about 200 MB
/// at worst. A session that would pass it is not created (the client fetches without one).
pub const CACHE_PARTITIONS_MAX: usize = 500_000;

/// A partition as a fetch request names it: by topic name up to v12, by topic id from v13
/// (the other field is then empty). The name is shared by every key of the topic.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionPartitionKey {
    pub topic: Arc<str>,
    pub topic_id: Uuid,
    pub partition: i32,
}

impl SessionPartitionKey {
    /// Whether a topic could have this key: named by id, or by a legal topic name. Keys that
    /// could not are answered but not kept.
    fn could_exist(&self) -> bool {
        self.topic.is_empty() || strom_metadata::controller::is_legal_topic_name(&self.topic)
    }
}

/// The partitions a request names, in the order first named, later entries replacing
/// earlier ones for the same partition. Keys of one topic share one name afterwards, and a
/// name is hashed once per run of keys sharing it, not once per partition: a long name
/// repeated over thousands of partitions costs about what it took to send.
pub fn dedupe(
    requested: Vec<(SessionPartitionKey, FetchTarget)>,
) -> Vec<(SessionPartitionKey, FetchTarget)> {
    let mut names: HashSet<Arc<str>> = HashSet::new();
    let mut previous: Option<(Arc<str>, Arc<str>)> = None;
    let mut at: HashMap<(usize, Uuid, i32), usize> = HashMap::with_capacity(requested.len());
    let mut out: Vec<(SessionPartitionKey, FetchTarget)> = Vec::with_capacity(requested.len());
    for (mut key, target) in requested {
        let shared = match &previous {
            Some((given, shared)) if Arc::ptr_eq(given, &key.topic) => shared.clone(),
            _ => {
                let shared = match names.get(&key.topic) {
                    Some(existing) => existing.clone(),
                    None => {
                        names.insert(key.topic.clone());
                        key.topic.clone()
                    }
                };
                previous = Some((key.topic.clone(), shared.clone()));
                shared
            }
        };
        key.topic = shared;
        // Names are shared now, so the pointer stands for the name.
        let identity = (
            Arc::as_ptr(&key.topic) as *const u8 as usize,
            key.topic_id,
            key.partition,
        );
        match at.get(&identity) {
            Some(&i) => out[i].1 = target,
            None => {
                at.insert(identity, out.len());
                out.push((key, target));
            }
        }
    }
    out
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
    owner: ConnectionId,
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
    /// Answer every requested partition (deduplicated, in `partitions`); `session_id` is
    /// the new session's, or 0.
    Full {
        session_id: i32,
        partitions: Vec<(SessionPartitionKey, FetchTarget)>,
    },
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
    sessions: Mutex<Sessions>,
}

#[derive(Debug, Default)]
struct Sessions {
    by_id: HashMap<i32, FetchSession>,
    /// Partitions over all sessions.
    partitions: usize,
}

impl Sessions {
    fn remove(&mut self, id: i32) -> Option<FetchSession> {
        let session = self.by_id.remove(&id)?;
        self.partitions -= session.partitions.len();
        Some(session)
    }

    /// The session `id` if `owner` created it.
    fn owned(&mut self, id: i32, owner: ConnectionId) -> Option<&mut FetchSession> {
        self.by_id.get_mut(&id).filter(|s| s.owner == owner)
    }
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
            sessions: Mutex::new(Sessions::default()),
        }
    }

    pub fn slots(&self) -> usize {
        self.slots
    }

    fn lock(&self) -> MutexGuard<'_, Sessions> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn len(&self) -> usize {
        self.lock().by_id.len()
    }

    /// Partitions held over all sessions.
    pub fn partition_count(&self) -> usize {
        self.lock().partitions
    }

    /// Drops the sessions of a connection that closed.
    pub fn close_connection(&self, owner: ConnectionId) {
        let mut sessions = self.lock();
        let ids: Vec<i32> = sessions
            .by_id
            .iter()
            .filter(|(_, s)| s.owner == owner)
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            sessions.remove(id);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Decides how to answer a request on connection `owner` and updates the session it
    /// names. `new_id` proposes ids for a new session (random in the broker, fixed in tests).
    #[allow(clippy::too_many_arguments)]
    pub fn new_context(
        &self,
        owner: ConnectionId,
        session_id: i32,
        epoch: i32,
        requested: Vec<(SessionPartitionKey, FetchTarget)>,
        forgotten: &[SessionPartitionKey],
        now: Instant,
        new_id: &mut dyn FnMut() -> i32,
    ) -> FetchContext {
        let requested = dedupe(requested);
        let mut sessions = self.lock();
        if epoch == INITIAL_EPOCH || epoch == FINAL_EPOCH {
            if session_id != NO_SESSION && sessions.owned(session_id, owner).is_some() {
                sessions.remove(session_id);
            }
            let kept = requested.iter().filter(|(k, _)| k.could_exist()).count();
            let fits = kept <= SESSION_PARTITIONS_MAX
                && sessions.partitions + kept <= CACHE_PARTITIONS_MAX;
            if epoch == FINAL_EPOCH || !fits || !self.make_room(&mut sessions, now) {
                return FetchContext::Full {
                    session_id: NO_SESSION,
                    partitions: requested,
                };
            }
            let id = loop {
                let id = new_id();
                if id > 0 && !sessions.by_id.contains_key(&id) {
                    break id;
                }
            };
            let partitions: BTreeMap<_, _> = requested
                .iter()
                .filter(|(k, _)| k.could_exist())
                .map(|(key, target)| (key.clone(), cached(target.clone())))
                .collect();
            sessions.partitions += partitions.len();
            sessions.by_id.insert(
                id,
                FetchSession {
                    owner,
                    epoch: next_epoch(INITIAL_EPOCH),
                    partitions,
                    last_used: now,
                },
            );
            return FetchContext::Full {
                session_id: id,
                partitions: requested,
            };
        }
        let total = sessions.partitions;
        let Some(session) = sessions.owned(session_id, owner) else {
            return FetchContext::Error(ErrorCode::FetchSessionIdNotFound);
        };
        if session.epoch != epoch {
            return FetchContext::Error(ErrorCode::InvalidFetchSessionEpoch);
        }
        let before = session.partitions.len();
        let mut uncached = Vec::new();
        for key in forgotten {
            session.partitions.remove(key);
        }
        for (key, target) in requested {
            if !key.could_exist() {
                uncached.push((key, target));
                continue;
            }
            let len = session.partitions.len();
            let room = len < SESSION_PARTITIONS_MAX && total - before + len < CACHE_PARTITIONS_MAX;
            match session.partitions.get_mut(&key) {
                Some(existing) => existing.target = target,
                None if room => {
                    session.partitions.insert(key, cached(target));
                }
                None => {
                    // Leave the session as it was before this request: keep the count true.
                    let after = session.partitions.len();
                    sessions.partitions = total - before + after;
                    return FetchContext::Error(ErrorCode::InvalidRequest);
                }
            }
        }
        session.epoch = next_epoch(session.epoch);
        session.last_used = now;
        let after = session.partitions.len();
        let mut partitions: Vec<_> = session
            .partitions
            .iter()
            .map(|(k, p)| (k.clone(), p.target.clone()))
            .collect();
        partitions.extend(uncached);
        sessions.partitions = total - before + after;
        FetchContext::Incremental {
            session_id,
            partitions,
        }
    }

    /// Whether a new session fits, evicting the least recently used one if it has idled
    /// long enough.
    fn make_room(&self, sessions: &mut Sessions, now: Instant) -> bool {
        if self.slots == 0 {
            return false;
        }
        if sessions.by_id.len() < self.slots {
            return true;
        }
        let oldest = sessions
            .by_id
            .iter()
            .min_by_key(|(_, s)| s.last_used)
            .map(|(id, s)| (*id, s.last_used));
        match oldest {
            Some((id, last_used))
                if now.saturating_duration_since(last_used)
                    >= Duration::from_millis(SESSION_EVICTION_MS) =>
            {
                sessions.remove(id);
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
        let Some(session) = sessions.by_id.get_mut(&session_id) else {
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

    const ME: ConnectionId = ConnectionId(1);
    const OTHER: ConnectionId = ConnectionId(2);

    fn key(partition: i32) -> SessionPartitionKey {
        named("t", partition)
    }

    fn named(topic: &str, partition: i32) -> SessionPartitionKey {
        SessionPartitionKey {
            topic: Arc::from(topic),
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

    fn session_of(ctx: &FetchContext) -> i32 {
        match ctx {
            FetchContext::Full { session_id, .. }
            | FetchContext::Incremental { session_id, .. } => *session_id,
            FetchContext::Error(code) => panic!("{code:?}"),
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
        let requested = vec![(key(0), target(0)), (key(1), target(0))];
        let ctx = cache.new_context(ME, 0, 0, requested.clone(), &[], now, &mut new_id);
        assert_eq!(
            ctx,
            FetchContext::Full {
                session_id: 41,
                partitions: requested
            }
        );
        let keys = [key(0), key(1)];
        let all = cache.record_response(41, &[(&keys[0], quiet(5)), (&keys[1], quiet(7))], false);
        assert_eq!(all, vec![true, true]);

        let ctx = cache.new_context(ME, 41, 1, vec![], &[], now, &mut new_id);
        let FetchContext::Incremental { partitions, .. } = ctx else {
            panic!("{ctx:?}")
        };
        assert_eq!(partitions.len(), 2);
        let shown = cache.record_response(41, &[(&keys[0], quiet(5)), (&keys[1], quiet(8))], true);
        assert_eq!(shown, vec![false, true]);

        assert_eq!(
            cache.new_context(ME, 41, 1, vec![], &[], now, &mut new_id),
            FetchContext::Error(ErrorCode::InvalidFetchSessionEpoch)
        );
        assert_eq!(
            cache.new_context(ME, 99, 1, vec![], &[], now, &mut new_id),
            FetchContext::Error(ErrorCode::FetchSessionIdNotFound)
        );
        let ctx = cache.new_context(ME, 41, 2, vec![], &[key(1)], now, &mut new_id);
        let FetchContext::Incremental { partitions, .. } = ctx else {
            panic!("{ctx:?}")
        };
        assert_eq!(partitions, vec![(key(0), target(0))]);
        assert_eq!(cache.partition_count(), 1);
        assert_eq!(
            cache.new_context(ME, 41, -1, vec![], &[], now, &mut new_id),
            FetchContext::Full {
                session_id: 0,
                partitions: vec![]
            }
        );
        assert!(cache.is_empty());
        assert_eq!(cache.partition_count(), 0);
    }

    #[test]
    fn a_full_cache_creates_no_session_until_one_idles_out() {
        // With every slot taken by recently used sessions the answer is session id 0; once
        // the oldest has idled past the eviction time it makes room.
        let cache = FetchSessionCache::new(1);
        let now = Instant::now();
        let mut ids = 1..;
        let mut new_id = || ids.next().unwrap_or(1);
        let first = cache.new_context(ME, 0, 0, vec![], &[], now, &mut new_id);
        assert_eq!(session_of(&first), 1);
        let second = cache.new_context(ME, 0, 0, vec![], &[], now, &mut new_id);
        assert_eq!(session_of(&second), 0);
        let later = now + Duration::from_millis(SESSION_EVICTION_MS);
        let third = cache.new_context(ME, 0, 0, vec![], &[], later, &mut new_id);
        assert_eq!(session_of(&third), 2);
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn another_connection_can_neither_use_nor_close_a_session() {
        // A guessed session id on another connection is FETCH_SESSION_ID_NOT_FOUND, and its
        // INITIAL or FINAL request naming the id leaves the session alone; the owner still
        // uses it, and its sessions go when its connection closes.
        let cache = FetchSessionCache::new(10);
        let now = Instant::now();
        let mut ids = 7..;
        let mut new_id = || ids.next().unwrap_or(1);
        let ctx = cache.new_context(ME, 0, 0, vec![(key(0), target(0))], &[], now, &mut new_id);
        let id = session_of(&ctx);
        assert_eq!(
            cache.new_context(OTHER, id, 1, vec![], &[], now, &mut new_id),
            FetchContext::Error(ErrorCode::FetchSessionIdNotFound)
        );
        let closing = cache.new_context(OTHER, id, FINAL_EPOCH, vec![], &[], now, &mut new_id);
        assert_eq!(session_of(&closing), 0);
        let replacing = cache.new_context(OTHER, id, INITIAL_EPOCH, vec![], &[], now, &mut new_id);
        assert_ne!(session_of(&replacing), id);
        let ctx = cache.new_context(ME, id, 1, vec![], &[], now, &mut new_id);
        assert!(
            matches!(ctx, FetchContext::Incremental { ref partitions, .. }
            if partitions.len() == 1)
        );
        cache.close_connection(ME);
        assert_eq!(
            cache.new_context(ME, id, 2, vec![], &[], now, &mut new_id),
            FetchContext::Error(ErrorCode::FetchSessionIdNotFound)
        );
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn repeated_partitions_count_once_and_illegal_names_are_not_kept() {
        // A partition named many times is one entry (the last target wins, at the first
        // position); a name no topic can have is answered but never stored in the session.
        let cache = FetchSessionCache::new(10);
        let now = Instant::now();
        let mut new_id = || 5;
        let huge = "x".repeat(300);
        let mut requested: Vec<_> = (0..1000).map(|i| (key(0), target(i))).collect();
        requested.push((key(1), target(3)));
        requested.push((named(&huge, 0), target(0)));
        requested.push((named("bad name", 0), target(0)));
        let ctx = cache.new_context(ME, 0, 0, requested, &[], now, &mut new_id);
        let FetchContext::Full { partitions, .. } = ctx else {
            panic!("{ctx:?}")
        };
        assert_eq!(partitions.len(), 4);
        assert_eq!(partitions[0], (key(0), target(999)));
        assert_eq!(cache.partition_count(), 2);
        let again = vec![
            (key(0), target(1)),
            (key(0), target(2)),
            (named(&huge, 1), target(0)),
        ];
        let ctx = cache.new_context(ME, 5, 1, again, &[], now, &mut new_id);
        let FetchContext::Incremental { partitions, .. } = ctx else {
            panic!("{ctx:?}")
        };
        assert_eq!(partitions.len(), 3);
        assert!(partitions.contains(&(key(0), target(2))));
        assert_eq!(cache.partition_count(), 2);
    }
}
