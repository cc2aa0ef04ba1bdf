//! Incremental fetch sessions (KIP-227): the broker remembers which partitions a consumer
//! fetches, so later requests list only what changed and responses only partitions with news.
//!
//! The cache holds at most `max.incremental.fetch.session.cache.slots` sessions. When it is
//! full, a new session is not created: the response carries session id 0, which tells the
//! client to keep sending full fetch requests, exactly as KIP-227 allows.

use std::sync::Mutex;

/// The cache of fetch sessions.
#[derive(Debug)]
pub struct FetchSessionCache {
    slots: usize,
    sessions: Mutex<Vec<()>>,
}

impl FetchSessionCache {
    pub fn new(slots: usize) -> FetchSessionCache {
        FetchSessionCache {
            slots,
            sessions: Mutex::new(Vec::new()),
        }
    }

    pub fn slots(&self) -> usize {
        self.slots
    }

    pub fn len(&self) -> usize {
        self.sessions.lock().map(|s| s.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
