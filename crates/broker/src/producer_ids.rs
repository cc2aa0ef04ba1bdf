//! Producer ids in blocks: the broker takes a block of [`BLOCK_SIZE`] ids from the
//! controller (Kafka's AllocateProducerIds) and hands them out to InitProducerId, both to
//! idempotent producers and through the transaction coordinator, so no id is ever handed out
//! twice, across restarts included.
//!
//! The next block is fetched in the background once the current one is [`PREFETCH_AT`] used,
//! on the blocking pool (the controller fsyncs its log), so handing out an id never waits for
//! a disk on a request's worker or under a coordinator's lock. If both blocks run dry before
//! the fetch answers, the caller gets [`ProducerIdError::NotAvailable`], which clients retry
//! (`COORDINATOR_LOAD_IN_PROGRESS`), as Kafka's brokers answer.

use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard};

use strom_coordinator::txn::{ProducerId, ProducerIdError, ProducerIdSource};
use strom_metadata::MetadataError;

/// Reserves a block of `count` ids at the active controller (blocking).
pub type AllocateIds = Arc<dyn Fn(i64) -> Result<Range<i64>, MetadataError> + Send + Sync>;

/// Ids per block (Kafka's).
pub const BLOCK_SIZE: i64 = 1000;
/// Fraction of a block used when the next one is fetched.
const PREFETCH_AT: f64 = 0.9;

#[derive(Debug)]
struct Blocks {
    current: Range<i64>,
    next: Option<Range<i64>>,
    fetching: bool,
    exhausted: bool,
}

/// The broker's producer ids.
pub struct ProducerIdManager {
    allocate: AllocateIds,
    blocks: Mutex<Blocks>,
}

impl std::fmt::Debug for ProducerIdManager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProducerIdManager")
            .field("blocks", &self.blocks)
            .finish_non_exhaustive()
    }
}

impl ProducerIdManager {
    /// Takes a first block (blocking: the controller fsyncs).
    pub fn open(allocate: AllocateIds) -> Result<Arc<ProducerIdManager>, MetadataError> {
        let first = allocate(BLOCK_SIZE)?;
        assert_eq!(first.end - first.start, BLOCK_SIZE, "a whole block");
        Ok(Arc::new(ProducerIdManager {
            allocate,
            blocks: Mutex::new(Blocks {
                current: first,
                next: None,
                fetching: false,
                exhausted: false,
            }),
        }))
    }

    fn lock(&self) -> MutexGuard<'_, Blocks> {
        self.blocks.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The next id, or why none is available now. Never blocks.
    pub fn next_id(self: &Arc<Self>) -> Result<ProducerId, ProducerIdError> {
        let mut blocks = self.lock();
        if blocks.current.is_empty()
            && let Some(next) = blocks.next.take()
        {
            blocks.current = next;
        }
        let id = match blocks.current.next() {
            Some(id) => id,
            None if blocks.exhausted => return Err(ProducerIdError::Exhausted),
            None => {
                self.prefetch(&mut blocks);
                return Err(ProducerIdError::NotAvailable);
            }
        };
        let used = (BLOCK_SIZE - (blocks.current.end - blocks.current.start)) as f64;
        if used >= PREFETCH_AT * BLOCK_SIZE as f64 {
            self.prefetch(&mut blocks);
        }
        Ok(ProducerId(id))
    }

    /// Waits (asynchronously) for an id when the blocks are momentarily dry.
    pub async fn next_id_waiting(self: &Arc<Self>) -> Result<ProducerId, ProducerIdError> {
        for _ in 0..100 {
            match self.next_id() {
                Err(ProducerIdError::NotAvailable) => {
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                }
                other => return other,
            }
        }
        Err(ProducerIdError::NotAvailable)
    }

    fn prefetch(self: &Arc<Self>, blocks: &mut Blocks) {
        if blocks.fetching || blocks.next.is_some() || blocks.exhausted {
            return;
        }
        blocks.fetching = true;
        let manager = Arc::clone(self);
        let fetch = move || {
            let block = (manager.allocate)(BLOCK_SIZE);
            let mut blocks = manager.lock();
            blocks.fetching = false;
            match block {
                Ok(range) => blocks.next = Some(range),
                Err(MetadataError::ProducerIdsExhausted) => blocks.exhausted = true,
                Err(e) => tracing::error!(error = %e, "allocating producer ids failed"),
            }
        };
        match tokio::runtime::Handle::try_current() {
            Ok(handle) => {
                handle.spawn_blocking(fetch);
            }
            Err(_) => fetch(),
        }
    }
}

/// The transaction coordinator's view of the manager.
#[derive(Debug)]
pub struct SharedProducerIds(pub Arc<ProducerIdManager>);

impl ProducerIdSource for SharedProducerIds {
    fn next_producer_id(&mut self) -> Result<ProducerId, ProducerIdError> {
        self.0.next_id()
    }
}
