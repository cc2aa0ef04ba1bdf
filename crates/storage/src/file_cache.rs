//! `FileCache`: the open file descriptors of one data directory's segment files, bounded.
//!
//! A segment's files (`.log`, `.index`, `.timeindex`, `.txnindex`) are opened when first
//! used and kept in this cache, keyed by the segment's process-unique id and the file's kind,
//! so that an idle partition holds no descriptor and a data directory of 100,000 partitions
//! fits the process's descriptor limit. Beyond [`FileCache::capacity`] the least recently
//! used descriptor that nobody else holds is closed (the CLOCK approximation of LRU); the
//! next use opens the file again. Nothing is written to disk by this module.
//!
//! A descriptor somebody holds is never closed by the cache: a read in flight, a flush plan
//! about to fsync it, or a segment with writes not yet fsynced. The last matters for
//! durability. Linux `fsync` flushes the inode's dirty pages whichever descriptor wrote them,
//! so a file written through one descriptor could be fsynced through another, opened later.
//! A failed write-back is harder: the kernel records the error on the inode (its
//! `errseq_t`) and reports it to the next `fsync` through any descriptor, even one opened
//! after the failure, as long as no other caller saw it first (Linux 4.16 and later); but if
//! every descriptor is closed, the inode may be evicted from memory under pressure, and the
//! error goes with it: a later `fsync` would then succeed over lost data. So a segment keeps
//! the descriptor it wrote through until a flush has fsynced it (see `LogSegment::append`),
//! and only clean descriptors are closed early. That holding is itself bounded: while the
//! cache is full ([`FileCache::may_hold`] is false), a segment written through lets its
//! descriptor go and its next flush opens the file again, accepting that narrow risk (an
//! I/O error during write-back, then the inode evicted before the flush) rather than
//! running out of descriptors. So the descriptors open are the bound plus those held by
//! reads in flight; the same risk applies, unavoidably, to what a crashed process left
//! in the page cache, which recovery checks and the first flush then fsyncs.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::Result;
use crate::error::IoContext;

/// Independently locked parts of the cache, so that appends to different partitions seldom
/// wait for each other; each holds an equal share of the capacity.
const SHARDS: usize = 16;
/// The fewest descriptors a cache keeps, whatever it is configured with: one segment's files
/// in every shard.
pub const OPEN_FILES_MIN: usize = 4 * SHARDS;
/// The most descriptors the default bound keeps, however high the process limit is.
pub const OPEN_FILES_DEFAULT_MAX: usize = 1 << 20;

/// Which of a segment's files a descriptor is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FileKind {
    Log,
    OffsetIndex,
    TimeIndex,
    TxnIndex,
}

/// A file in the cache: the segment's process-unique id and the file's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FileKey {
    pub segment_id: u64,
    pub kind: FileKind,
}

#[derive(Debug)]
struct Slot {
    key: FileKey,
    file: Arc<File>,
    /// Used since the clock hand last passed.
    referenced: bool,
}

#[derive(Debug, Default)]
struct Shard {
    slots: Vec<Slot>,
    index: HashMap<FileKey, usize>,
    hand: usize,
}

impl Shard {
    /// Closes the least recently used descriptor nobody else holds; false if all are held.
    fn evict_one(&mut self) -> bool {
        // Two sweeps: the first may only clear reference bits.
        for _ in 0..2 * self.slots.len() {
            if self.hand >= self.slots.len() {
                self.hand = 0;
            }
            let slot = &mut self.slots[self.hand];
            if slot.referenced {
                slot.referenced = false;
            } else if Arc::strong_count(&slot.file) == 1 {
                self.remove_at(self.hand);
                return true;
            }
            self.hand += 1;
        }
        false
    }

    fn remove_at(&mut self, at: usize) -> Arc<File> {
        let removed = self.slots.swap_remove(at);
        self.index.remove(&removed.key);
        if let Some(moved) = self.slots.get(at) {
            self.index.insert(moved.key, at);
        }
        removed.file
    }
}

/// A bounded cache of open segment files. See the module docs.
#[derive(Debug)]
pub struct FileCache {
    shards: Vec<Mutex<Shard>>,
    capacity_per_shard: usize,
    /// Descriptors in the cache, across the shards (kept beside them so that checking it
    /// takes no lock).
    entries: AtomicUsize,
    opened: AtomicU64,
    closed: AtomicU64,
    over_capacity: AtomicU64,
}

fn lock(m: &Mutex<Shard>) -> MutexGuard<'_, Shard> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl FileCache {
    /// A cache keeping at most `open_files_max` idle descriptors (at least
    /// [`OPEN_FILES_MIN`]).
    pub fn new(open_files_max: usize) -> Arc<FileCache> {
        let capacity_per_shard = open_files_max.max(OPEN_FILES_MIN) / SHARDS;
        Arc::new(FileCache {
            shards: (0..SHARDS).map(|_| Mutex::new(Shard::default())).collect(),
            capacity_per_shard,
            entries: AtomicUsize::new(0),
            opened: AtomicU64::new(0),
            closed: AtomicU64::new(0),
            over_capacity: AtomicU64::new(0),
        })
    }

    /// The bound on descriptors kept while idle.
    pub fn capacity(&self) -> usize {
        self.capacity_per_shard * SHARDS
    }

    /// Descriptors open in the cache now (held ones included).
    pub fn open_files(&self) -> usize {
        self.shards.iter().map(|s| lock(s).slots.len()).sum()
    }

    /// Whether a writer may keep holding a descriptor until its flush: there is room in the
    /// bound. See the module docs for what happens when there is not.
    pub(crate) fn may_hold(&self) -> bool {
        self.entries.load(Ordering::Relaxed) < self.capacity()
    }

    /// Files opened and closed by the cache since it was created.
    pub fn opened_and_closed(&self) -> (u64, u64) {
        (
            self.opened.load(Ordering::Relaxed),
            self.closed.load(Ordering::Relaxed),
        )
    }

    fn shard(&self, key: &FileKey) -> &Mutex<Shard> {
        // Ids are sequential, so consecutive segments land in different shards.
        &self.shards[(key.segment_id as usize) % SHARDS]
    }

    /// The descriptor for `key`, opening `path` for reading and writing if it is not cached
    /// (creating it if `create`). Evicts an idle descriptor to make room.
    pub(crate) fn get(&self, key: FileKey, path: &Path, create: bool) -> Result<Arc<File>> {
        {
            let mut shard = lock(self.shard(&key));
            if let Some(&at) = shard.index.get(&key) {
                let slot = &mut shard.slots[at];
                slot.referenced = true;
                return Ok(Arc::clone(&slot.file));
            }
        }
        // Opened without the lock: an open can wait on the disk.
        let file = Arc::new(
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(create)
                .open(path)
                .io(if create { "create" } else { "open" }, path)?,
        );
        self.opened.fetch_add(1, Ordering::Relaxed);
        Ok(self.insert(key, file))
    }

    /// Adds a descriptor the caller opened itself (a file it just created), or returns the
    /// one already cached under `key`.
    pub(crate) fn insert(&self, key: FileKey, file: Arc<File>) -> Arc<File> {
        let mut shard = lock(self.shard(&key));
        if let Some(&at) = shard.index.get(&key) {
            // Another thread opened it meanwhile; keep one descriptor.
            return Arc::clone(&shard.slots[at].file);
        }
        while shard.slots.len() >= self.capacity_per_shard {
            if !shard.evict_one() {
                // Every descriptor is in use: go over the bound rather than fail.
                self.over_capacity.fetch_add(1, Ordering::Relaxed);
                break;
            }
            self.entries.fetch_sub(1, Ordering::Relaxed);
            self.closed.fetch_add(1, Ordering::Relaxed);
        }
        self.entries.fetch_add(1, Ordering::Relaxed);
        let at = shard.slots.len();
        shard.slots.push(Slot {
            key,
            file: Arc::clone(&file),
            referenced: true,
        });
        shard.index.insert(key, at);
        assert_eq!(
            shard.index.len(),
            shard.slots.len(),
            "file cache index out of step"
        );
        file
    }

    /// Closes the cached descriptor of `key`, if any (its file is being deleted). Holders
    /// keep theirs until they drop it.
    pub(crate) fn forget(&self, key: FileKey) {
        let mut shard = lock(self.shard(&key));
        if let Some(at) = shard.index.get(&key).copied() {
            shard.remove_at(at);
            self.entries.fetch_sub(1, Ordering::Relaxed);
            self.closed.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Closes every cached descriptor of the segment `segment_id`.
    pub(crate) fn forget_segment(&self, segment_id: u64) {
        for kind in [
            FileKind::Log,
            FileKind::OffsetIndex,
            FileKind::TimeIndex,
            FileKind::TxnIndex,
        ] {
            self.forget(FileKey { segment_id, kind });
        }
    }
}

/// The default bound on cached descriptors: half the process's soft `RLIMIT_NOFILE` (the
/// other half is left to sockets and everything else), within [`OPEN_FILES_MIN`] and
/// [`OPEN_FILES_DEFAULT_MAX`].
pub fn open_files_max_default() -> usize {
    let soft = rustix::process::getrlimit(rustix::process::Resource::Nofile)
        .current
        .unwrap_or(u64::MAX);
    usize::try_from(soft / 2)
        .unwrap_or(usize::MAX)
        .clamp(OPEN_FILES_MIN, OPEN_FILES_DEFAULT_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(segment_id: u64) -> FileKey {
        FileKey {
            segment_id,
            kind: FileKind::Log,
        }
    }

    #[test]
    fn idle_descriptors_are_closed_beyond_the_bound_but_held_ones_stay() {
        // With room for 64, opening 200 files keeps at most 64 open; a descriptor someone
        // holds survives every eviction, and a closed one is reopened on its next use.
        let dir = tempfile::tempdir().unwrap();
        let cache = FileCache::new(OPEN_FILES_MIN);
        let path = |i: u64| dir.path().join(format!("{i}.log"));
        let held = cache.get(key(0), &path(0), true).unwrap();
        for i in 1..200 {
            cache.get(key(i), &path(i), true).unwrap();
            assert!(cache.open_files() <= cache.capacity());
        }
        let again = cache.get(key(0), &path(0), false).unwrap();
        assert!(Arc::ptr_eq(&held, &again), "a held descriptor was closed");
        let (opened, closed) = cache.opened_and_closed();
        assert_eq!(opened, 200);
        assert_eq!(opened - closed, cache.open_files() as u64);
        assert_eq!(
            cache.entries.load(Ordering::Relaxed),
            cache.open_files(),
            "the count beside the shards is exact"
        );
        cache.get(key(5), &path(5), false).unwrap();
        assert_eq!(
            cache.opened_and_closed().0,
            201,
            "an evicted file is reopened"
        );
        cache.forget(key(0));
        assert!(
            cache.open_files() < cache.capacity(),
            "forget closes the cached descriptor"
        );
    }
}
