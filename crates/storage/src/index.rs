//! The sparse indexes beside each `.log` segment: [`OffsetIndex`] (`.index`) and
//! [`TimeIndex`] (`.timeindex`), in Kafka's byte layout.
//!
//! - `.index` entries are 8 bytes: relative offset (`u32`, offset minus the segment's base
//!   offset) then the byte position of a batch in the `.log` (`u32`), big-endian. An entry
//!   names a batch's last offset and the position where that batch starts, so the batch that
//!   holds an offset is found by looking up the largest entry at or below it and scanning
//!   batch headers forward from there.
//! - `.timeindex` entries are 12 bytes: a timestamp (`i64`, milliseconds) then a relative
//!   offset (`u32`), big-endian. An entry means "no batch before this offset has a larger
//!   timestamp"; timestamps strictly increase along the file.
//!
//! A new index is preallocated to `segment.index.bytes` (zeros) and trimmed to its entries
//! when the segment stops being active or is closed, as Kafka does. An index that was not
//! trimmed (a crash) reads back with zero entries after the real ones, which breaks the
//! strict ordering that [`OffsetIndex::sanity_check`] demands, so it gets rebuilt.
//!
//! Entries are also kept in memory (a copy of the file, bounded by `segment.index.bytes` per
//! segment), and written with positional writes, so the crate needs no `mmap` and no
//! `unsafe`. Lookups are binary searches over that copy.

use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SEGMENT_BYTES_MAX;
use crate::error::IoContext;
use crate::{Offset, Result, Timestamp};

/// One fixed-size index entry and its big-endian encoding.
pub(crate) trait IndexEntry: Copy + std::fmt::Debug {
    const SIZE: usize;
    fn encode(&self) -> Vec<u8>;
    fn decode(bytes: &[u8]) -> Self;
}

/// `.index` entry: (relative offset, position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OffsetEntry {
    relative_offset: u32,
    position: u32,
}

impl IndexEntry for OffsetEntry {
    const SIZE: usize = 8;
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(Self::SIZE);
        out.extend_from_slice(&self.relative_offset.to_be_bytes());
        out.extend_from_slice(&self.position.to_be_bytes());
        out
    }
    fn decode(b: &[u8]) -> Self {
        OffsetEntry {
            relative_offset: u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
            position: u32::from_be_bytes([b[4], b[5], b[6], b[7]]),
        }
    }
}

/// `.timeindex` entry: (timestamp, relative offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TimeEntry {
    timestamp: i64,
    relative_offset: u32,
}

impl IndexEntry for TimeEntry {
    const SIZE: usize = 12;
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(Self::SIZE);
        out.extend_from_slice(&self.timestamp.to_be_bytes());
        out.extend_from_slice(&self.relative_offset.to_be_bytes());
        out
    }
    fn decode(b: &[u8]) -> Self {
        let mut ts = [0u8; 8];
        ts.copy_from_slice(&b[..8]);
        TimeEntry {
            timestamp: i64::from_be_bytes(ts),
            relative_offset: u32::from_be_bytes([b[8], b[9], b[10], b[11]]),
        }
    }
}

/// The file and in-memory copy shared by both index kinds.
#[derive(Debug)]
struct IndexFile<E> {
    path: PathBuf,
    file: Arc<File>,
    entries: Vec<E>,
    /// Entries the file has room for; appends beyond are refused (the segment rolls).
    max_entries: usize,
    /// The file length was not a whole number of entries.
    ragged: bool,
}

impl<E: IndexEntry> IndexFile<E> {
    fn open_options() -> OpenOptions {
        let mut o = OpenOptions::new();
        o.read(true).write(true).create(true);
        o
    }

    /// Creates an empty index, preallocated to `max_bytes`.
    fn create(path: PathBuf, max_bytes: u64) -> Result<Self> {
        let file = Self::open_options()
            .truncate(true)
            .open(&path)
            .io("create index", &path)?;
        let max_entries = (max_bytes as usize) / E::SIZE;
        file.set_len((max_entries * E::SIZE) as u64)
            .io("preallocate index", &path)?;
        Ok(IndexFile {
            path,
            file: Arc::new(file),
            entries: Vec::new(),
            max_entries,
            ragged: false,
        })
    }

    /// Opens an existing index, reading every entry the file's length implies.
    fn open(path: PathBuf, max_bytes: u64) -> Result<Self> {
        let mut file = Self::open_options().open(&path).io("open index", &path)?;
        let len = file.metadata().io("stat index", &path)?.len();
        let len = len.min(SEGMENT_BYTES_MAX);
        let mut bytes = Vec::with_capacity(len as usize);
        (&mut file)
            .take(len)
            .read_to_end(&mut bytes)
            .io("read index", &path)?;
        let entries: Vec<E> = bytes.chunks_exact(E::SIZE).map(E::decode).collect();
        let max_entries = ((max_bytes as usize) / E::SIZE).max(entries.len());
        Ok(IndexFile {
            path,
            file: Arc::new(file),
            ragged: bytes.len() % E::SIZE != 0,
            entries,
            max_entries,
        })
    }

    fn is_full(&self) -> bool {
        self.entries.len() >= self.max_entries
    }

    fn append(&mut self, entry: E) -> Result<()> {
        assert!(
            !self.is_full(),
            "append to full index {}",
            self.path.display()
        );
        let at = (self.entries.len() * E::SIZE) as u64;
        self.file
            .write_all_at(&entry.encode(), at)
            .io("write index", &self.path)?;
        self.entries.push(entry);
        Ok(())
    }

    /// Keeps the first `n` entries; the rest of the file is zeroed so a crash cannot bring
    /// the dropped entries back.
    fn truncate_entries(&mut self, n: usize) -> Result<()> {
        if n >= self.entries.len() && !self.ragged {
            return Ok(());
        }
        self.entries.truncate(n);
        self.ragged = false;
        let keep = (n * E::SIZE) as u64;
        self.file.set_len(keep).io("truncate index", &self.path)?;
        self.file
            .set_len((self.max_entries * E::SIZE) as u64)
            .io("resize index", &self.path)
    }

    /// Shrinks the file to its entries (the segment is no longer written).
    fn trim(&mut self) -> Result<()> {
        self.max_entries = self.entries.len();
        self.file
            .set_len((self.entries.len() * E::SIZE) as u64)
            .io("trim index", &self.path)
    }

    /// Makes room for appends again, up to `max_bytes` (the segment became active again).
    fn resize(&mut self, max_bytes: u64) -> Result<()> {
        self.max_entries = ((max_bytes as usize) / E::SIZE).max(self.entries.len());
        self.file
            .set_len((self.max_entries * E::SIZE) as u64)
            .io("resize index", &self.path)
    }

    fn flush(&self) -> Result<()> {
        self.file.sync_all().io("fsync index", &self.path)
    }

    fn rename(&mut self, to: PathBuf) -> Result<()> {
        fs::rename(&self.path, &to).io("rename index", &self.path)?;
        self.path = to;
        Ok(())
    }
}

/// Maps offsets to `.log` positions for one segment. See the module docs for the bytes.
#[derive(Debug)]
pub struct OffsetIndex {
    base_offset: Offset,
    inner: IndexFile<OffsetEntry>,
}

impl OffsetIndex {
    pub fn create(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Ok(OffsetIndex {
            base_offset,
            inner: IndexFile::create(path, max_bytes)?,
        })
    }

    pub fn open(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Ok(OffsetIndex {
            base_offset,
            inner: IndexFile::open(path, max_bytes)?,
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    pub fn entries(&self) -> usize {
        self.inner.entries.len()
    }

    pub fn is_full(&self) -> bool {
        self.inner.is_full()
    }

    /// Whether `offset` is representable as a relative offset of this segment.
    pub fn can_append_offset(&self, offset: Offset) -> bool {
        let relative = offset.0 - self.base_offset.0;
        (0..=i64::from(u32::MAX)).contains(&relative)
    }

    /// Adds an entry for a batch whose last offset is `offset`, starting at `position`.
    pub fn append(&mut self, offset: Offset, position: u32) -> Result<()> {
        assert!(
            self.can_append_offset(offset),
            "offset {offset} outside segment"
        );
        let relative_offset = (offset.0 - self.base_offset.0) as u32;
        if let Some(last) = self.inner.entries.last() {
            assert!(
                relative_offset > last.relative_offset && position > last.position,
                "index entries must increase: {last:?} then ({relative_offset}, {position})"
            );
        }
        self.inner.append(OffsetEntry {
            relative_offset,
            position,
        })
    }

    /// The largest entry at or below `target` as (offset, position), or (base, 0).
    pub fn lookup(&self, target: Offset) -> (Offset, u32) {
        let relative = target.0 - self.base_offset.0;
        if relative < 0 {
            return (self.base_offset, 0);
        }
        let relative = relative.min(i64::from(u32::MAX)) as u32;
        let n = self
            .inner
            .entries
            .partition_point(|e| e.relative_offset <= relative);
        match n.checked_sub(1).map(|i| self.inner.entries[i]) {
            Some(e) => (
                self.base_offset.plus(i64::from(e.relative_offset)),
                e.position,
            ),
            None => (self.base_offset, 0),
        }
    }

    /// Drops entries for offsets at or after `offset`.
    pub fn truncate_to(&mut self, offset: Offset) -> Result<()> {
        let relative = offset.0 - self.base_offset.0;
        let n = self
            .inner
            .entries
            .partition_point(|e| i64::from(e.relative_offset) < relative);
        self.inner.truncate_entries(n)
    }

    /// Drops every entry.
    pub fn reset(&mut self) -> Result<()> {
        self.inner.truncate_entries(0)
    }

    /// Whether the index can be trusted for a `.log` of `log_size` bytes: whole entries,
    /// strictly increasing offsets and positions, every position inside the log.
    pub fn sanity_check(&self, log_size: u64) -> bool {
        let e = &self.inner.entries;
        !self.inner.ragged
            && e.windows(2).all(|w| {
                w[0].relative_offset < w[1].relative_offset && w[0].position < w[1].position
            })
            && e.last().is_none_or(|l| u64::from(l.position) < log_size)
    }

    pub fn trim(&mut self) -> Result<()> {
        self.inner.trim()
    }

    pub fn resize(&mut self, max_bytes: u64) -> Result<()> {
        self.inner.resize(max_bytes)
    }

    pub fn flush(&self) -> Result<()> {
        self.inner.flush()
    }

    pub(crate) fn file(&self) -> Arc<File> {
        Arc::clone(&self.inner.file)
    }

    pub fn rename(&mut self, to: PathBuf) -> Result<()> {
        self.inner.rename(to)
    }
}

/// Maps timestamps to offsets for one segment. See the module docs for the bytes.
#[derive(Debug)]
pub struct TimeIndex {
    base_offset: Offset,
    inner: IndexFile<TimeEntry>,
}

impl TimeIndex {
    pub fn create(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Ok(TimeIndex {
            base_offset,
            inner: IndexFile::create(path, max_bytes)?,
        })
    }

    pub fn open(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Ok(TimeIndex {
            base_offset,
            inner: IndexFile::open(path, max_bytes)?,
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    pub fn entries(&self) -> usize {
        self.inner.entries.len()
    }

    pub fn is_full(&self) -> bool {
        self.inner.is_full()
    }

    fn offset_of(&self, e: &TimeEntry) -> Offset {
        self.base_offset.plus(i64::from(e.relative_offset))
    }

    /// The newest entry: the largest timestamp seen so far and where it was.
    pub fn last_entry(&self) -> Option<(Timestamp, Offset)> {
        self.inner
            .entries
            .last()
            .map(|e| (Timestamp(e.timestamp), self.offset_of(e)))
    }

    /// Adds `(timestamp, offset)` if `timestamp` is newer than the last entry. With
    /// `skip_full_check` the final entry of a segment may use the slot kept for it.
    pub fn maybe_append(
        &mut self,
        timestamp: Timestamp,
        offset: Offset,
        skip_full_check: bool,
    ) -> Result<()> {
        let relative = offset.0 - self.base_offset.0;
        assert!(
            (0..=i64::from(u32::MAX)).contains(&relative),
            "time index offset {offset} outside segment at {}",
            self.base_offset
        );
        if let Some(last) = self.inner.entries.last() {
            assert!(
                relative >= i64::from(last.relative_offset),
                "time index offsets must not decrease: {last:?} then {offset}"
            );
            if timestamp.0 <= last.timestamp {
                return Ok(());
            }
        }
        if self.inner.is_full() {
            if !skip_full_check {
                return Ok(());
            }
            self.inner.max_entries += 1;
            self.inner
                .file
                .set_len((self.inner.max_entries * TimeEntry::SIZE) as u64)
                .io("grow time index", &self.inner.path)?;
        }
        self.inner.append(TimeEntry {
            timestamp: timestamp.0,
            relative_offset: relative as u32,
        })
    }

    /// The entry with the largest timestamp at or below `target`, or (none, base offset).
    pub fn lookup(&self, target: Timestamp) -> (Timestamp, Offset) {
        let n = self
            .inner
            .entries
            .partition_point(|e| e.timestamp <= target.0);
        match n.checked_sub(1).map(|i| self.inner.entries[i]) {
            Some(e) => (Timestamp(e.timestamp), self.offset_of(&e)),
            None => (Timestamp::NONE, self.base_offset),
        }
    }

    /// Drops entries for offsets at or after `offset`.
    pub fn truncate_to(&mut self, offset: Offset) -> Result<()> {
        let relative = offset.0 - self.base_offset.0;
        let n = self
            .inner
            .entries
            .partition_point(|e| i64::from(e.relative_offset) < relative);
        self.inner.truncate_entries(n)
    }

    pub fn reset(&mut self) -> Result<()> {
        self.inner.truncate_entries(0)
    }

    /// Whether the index can be trusted for a segment whose offsets end before `next_offset`:
    /// whole entries, strictly increasing timestamps, non-decreasing offsets below it.
    pub fn sanity_check(&self, next_offset: Offset) -> bool {
        let e = &self.inner.entries;
        !self.inner.ragged
            && e.windows(2).all(|w| {
                w[0].timestamp < w[1].timestamp && w[0].relative_offset <= w[1].relative_offset
            })
            && e.last()
                .is_none_or(|l| self.offset_of(l) < next_offset.max(self.base_offset.plus(1)))
    }

    pub fn trim(&mut self) -> Result<()> {
        self.inner.trim()
    }

    pub fn resize(&mut self, max_bytes: u64) -> Result<()> {
        self.inner.resize(max_bytes)
    }

    pub fn flush(&self) -> Result<()> {
        self.inner.flush()
    }

    pub(crate) fn file(&self) -> Arc<File> {
        Arc::clone(&self.inner.file)
    }

    pub fn rename(&mut self, to: PathBuf) -> Result<()> {
        self.inner.rename(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_index_lookup_finds_largest_entry_at_or_below() {
        // Lookups return the greatest indexed offset <= target, or the base and position 0.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("00000000000000000100.index");
        let mut index = OffsetIndex::create(path.clone(), Offset(100), 80).unwrap();
        index.append(Offset(110), 4000).unwrap();
        index.append(Offset(120), 8000).unwrap();
        assert_eq!(index.lookup(Offset(99)), (Offset(100), 0));
        assert_eq!(index.lookup(Offset(109)), (Offset(100), 0));
        assert_eq!(index.lookup(Offset(110)), (Offset(110), 4000));
        assert_eq!(index.lookup(Offset(500)), (Offset(120), 8000));
        // Preallocated to 10 entries, and the bytes are Kafka's big-endian layout.
        assert_eq!(fs::metadata(&path).unwrap().len(), 80);
        let raw = fs::read(&path).unwrap();
        assert_eq!(&raw[..8], &[0, 0, 0, 10, 0, 0, 0x0f, 0xa0]);
    }

    #[test]
    fn untrimmed_index_fails_sanity_and_trimmed_one_passes() {
        // A preallocated index reopened without a trim (a crash) is not trusted; after a
        // trim it reopens with exactly its entries.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0.index");
        let mut index = OffsetIndex::create(path.clone(), Offset(0), 800).unwrap();
        index.append(Offset(5), 100).unwrap();
        index.append(Offset(9), 200).unwrap();
        let reopened = OffsetIndex::open(path.clone(), Offset(0), 800).unwrap();
        assert!(!reopened.sanity_check(1000));
        index.trim().unwrap();
        let reopened = OffsetIndex::open(path.clone(), Offset(0), 800).unwrap();
        assert_eq!(reopened.entries(), 2);
        assert!(reopened.sanity_check(1000));
        assert!(
            !reopened.sanity_check(200),
            "position must lie inside the log"
        );
    }

    #[test]
    fn time_index_keeps_only_increasing_timestamps() {
        // Entries are appended only when the timestamp grows; lookup finds the largest
        // timestamp <= target.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0.timeindex");
        let mut index = TimeIndex::create(path, Offset(50), 120).unwrap();
        index
            .maybe_append(Timestamp(1000), Offset(52), false)
            .unwrap();
        index
            .maybe_append(Timestamp(900), Offset(55), false)
            .unwrap();
        index
            .maybe_append(Timestamp(2000), Offset(60), false)
            .unwrap();
        assert_eq!(index.entries(), 2);
        assert_eq!(index.lookup(Timestamp(999)), (Timestamp::NONE, Offset(50)));
        assert_eq!(index.lookup(Timestamp(1500)), (Timestamp(1000), Offset(52)));
        assert_eq!(index.last_entry(), Some((Timestamp(2000), Offset(60))));
        assert!(index.sanity_check(Offset(61)));
        assert!(!index.sanity_check(Offset(60)));
        index.truncate_to(Offset(60)).unwrap();
        assert_eq!(index.last_entry(), Some((Timestamp(1000), Offset(52))));
    }
}
