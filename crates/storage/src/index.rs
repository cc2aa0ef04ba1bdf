//! The sparse indexes beside each `.log` segment: [`OffsetIndex`] (`.index`) and
//! [`TimeIndex`] (`.timeindex`), in Kafka's byte layout.
//!
//! - `.index` entries are 8 bytes: relative offset (`u32`, offset minus the segment's base
//!   offset) then the byte position of a batch in the `.log` (`u32`), big-endian. An entry
//!   names a batch's last offset and the position where that batch starts, so the batch that
//!   holds an offset is found by looking up the largest entry at or below it and scanning
//!   batch headers forward from there. Entries strictly increase in both fields, and no entry
//!   has position 0 (the first batch of a segment is never indexed).
//! - `.timeindex` entries are 12 bytes: a timestamp (`i64`, milliseconds) then a relative
//!   offset (`u32`), big-endian. An entry means "no batch before this offset has a larger
//!   timestamp"; timestamps strictly increase along the file.
//!
//! The file holds exactly its entries. An index reads as ending at the first entry that
//! breaks this order, as in Kafka, so the zero-filled tail of an index preallocated by an
//! earlier version, or of one a crash left untrimmed, is not read as entries (and a segment
//! that may hold unflushed data is rebuilt by recovery anyway).
//!
//! Memory follows the data being written, not the number of index files:
//!
//! - the active segment's entries live in memory, where appends add them; the file is
//!   written from them, whole, when the segment stops being active (a roll, a close), and
//!   the flush that follows fsyncs it (an active segment is rebuilt by recovery after a
//!   crash, so its file need not be current until then);
//! - an inactive segment's index stays on disk and is searched with positional reads: a
//!   binary search over the file that reads one entry per step until a few hundred remain,
//!   then those in one read, so the page cache, not the process, holds what is hot. Opening
//!   one reads only its first and last entries.
//!
//! Descriptors come from the data directory's [`FileCache`], so an index holds none while
//! idle. The crate needs no `mmap` and no `unsafe`.

use std::fs::{self, File};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SEGMENT_BYTES_MAX;
use crate::error::IoContext;
use crate::file_cache::{FileCache, FileKey, FileKind, OPEN_FILES_MIN};
use crate::segment::read_fully_at;
use crate::{Offset, Result, Timestamp};

/// Entries read at once: when scanning a file for its valid prefix, and at the end of a
/// binary search on disk.
const INDEX_READ_ENTRIES: usize = 512;

/// One fixed-size index entry and its big-endian encoding.
pub(crate) trait IndexEntry: Copy + std::fmt::Debug {
    const SIZE: usize;
    fn encode_into(&self, out: &mut Vec<u8>);
    fn decode(bytes: &[u8]) -> Self;
    /// Whether `next` may follow `self` in a valid index.
    fn precedes(&self, next: &Self) -> bool;
    /// Whether the entry can be the first of a valid index (a zero entry cannot).
    fn can_be_first(&self) -> bool;
}

/// `.index` entry: (relative offset, position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OffsetEntry {
    relative_offset: u32,
    position: u32,
}

impl IndexEntry for OffsetEntry {
    const SIZE: usize = 8;
    fn encode_into(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.relative_offset.to_be_bytes());
        out.extend_from_slice(&self.position.to_be_bytes());
    }
    fn decode(b: &[u8]) -> Self {
        OffsetEntry {
            relative_offset: u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
            position: u32::from_be_bytes([b[4], b[5], b[6], b[7]]),
        }
    }
    fn precedes(&self, next: &Self) -> bool {
        self.relative_offset < next.relative_offset && self.position < next.position
    }
    fn can_be_first(&self) -> bool {
        self.position > 0
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
    fn encode_into(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.timestamp.to_be_bytes());
        out.extend_from_slice(&self.relative_offset.to_be_bytes());
    }
    fn decode(b: &[u8]) -> Self {
        let mut ts = [0u8; 8];
        ts.copy_from_slice(&b[..8]);
        TimeEntry {
            timestamp: i64::from_be_bytes(ts),
            relative_offset: u32::from_be_bytes([b[8], b[9], b[10], b[11]]),
        }
    }
    fn precedes(&self, next: &Self) -> bool {
        self.timestamp < next.timestamp && self.relative_offset <= next.relative_offset
    }
    fn can_be_first(&self) -> bool {
        *self != TimeEntry::decode(&[0; 12])
    }
}

/// The file and entries shared by both index kinds.
#[derive(Debug)]
struct IndexFile<E> {
    path: PathBuf,
    key: FileKey,
    files: Arc<FileCache>,
    /// The entries, while the segment is active (or being rebuilt); `None` once the file
    /// holds them all.
    loaded: Option<Vec<E>>,
    /// `loaded` differs from the file.
    dirty: bool,
    /// The valid entries in the file (the first `on_disk` of it).
    on_disk: usize,
    /// Whole entries the file's length holds (more than `on_disk` if a tail is not entries).
    file_entries: usize,
    /// The first and last entries, loaded or on disk.
    first: Option<E>,
    last: Option<E>,
    /// Entries an active index has room for; appends beyond are refused (the segment rolls).
    max_entries: usize,
    /// The file's length was not a whole number of entries when it was opened.
    ragged: bool,
}

impl<E: IndexEntry> IndexFile<E> {
    /// A new, empty index; the file is created empty.
    fn create(files: Arc<FileCache>, key: FileKey, path: PathBuf, max_bytes: u64) -> Result<Self> {
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .io("create index", &path)?;
        drop(file);
        Ok(IndexFile {
            path,
            key,
            files,
            loaded: Some(Vec::new()),
            dirty: false,
            on_disk: 0,
            file_entries: 0,
            first: None,
            last: None,
            max_entries: max_entries::<E>(max_bytes),
            ragged: false,
        })
    }

    /// An existing index, left on disk: only its length and its first and last entries are
    /// read, unless those show a tail that is not entries, which is then found by a scan.
    fn open(files: Arc<FileCache>, key: FileKey, path: PathBuf, max_bytes: u64) -> Result<Self> {
        let mut index = IndexFile {
            path,
            key,
            files,
            loaded: None,
            dirty: false,
            on_disk: 0,
            file_entries: 0,
            first: None,
            last: None,
            max_entries: max_entries::<E>(max_bytes),
            ragged: false,
        };
        let len = fs::metadata(&index.path)
            .io("stat index", &index.path)?
            .len()
            .min(SEGMENT_BYTES_MAX);
        index.ragged = len % E::SIZE as u64 != 0;
        let whole = (len / E::SIZE as u64) as usize;
        index.file_entries = whole;
        if whole == 0 {
            return Ok(index);
        }
        let file = index.file(false)?;
        let first = index.read_entry(&file, 0)?;
        let last = index.read_entry(&file, whole - 1)?;
        if first.can_be_first() && (whole == 1 || first.precedes(&last)) {
            index.on_disk = whole;
            index.first = Some(first);
            index.last = Some(last);
        } else {
            let prefix = index.read_prefix(&file, whole, false)?;
            index.on_disk = prefix.0;
            index.first = prefix.1;
            index.last = prefix.2;
        }
        Ok(index)
    }

    fn file(&self, create: bool) -> Result<Arc<File>> {
        self.files.get(self.key, &self.path, create)
    }

    fn read_entry(&self, file: &File, at: usize) -> Result<E> {
        let mut buf = [0u8; 16];
        let buf = &mut buf[..E::SIZE];
        let n = read_fully_at(file, buf, (at * E::SIZE) as u64).io("read index", &self.path)?;
        if n < E::SIZE {
            // The file shrank under us: treat the entry as the zero entry that ends it.
            return Ok(E::decode(&[0; 16]));
        }
        Ok(E::decode(buf))
    }

    /// Reads the file's valid prefix (up to `whole` entries) in bounded chunks: its length,
    /// first and last entries, and, if `keep`, the entries themselves.
    #[allow(clippy::type_complexity)]
    fn read_prefix(
        &self,
        file: &File,
        whole: usize,
        keep: bool,
    ) -> Result<(usize, Option<E>, Option<E>, Vec<E>)> {
        let mut kept = Vec::new();
        let mut buf = vec![0u8; INDEX_READ_ENTRIES * E::SIZE];
        let (mut count, mut first, mut last) = (0usize, None, None::<E>);
        'chunks: while count < whole {
            let want = (whole - count).min(INDEX_READ_ENTRIES) * E::SIZE;
            let n = read_fully_at(file, &mut buf[..want], (count * E::SIZE) as u64)
                .io("read index", &self.path)?;
            if n < E::SIZE {
                break;
            }
            for chunk in buf[..n - n % E::SIZE].chunks_exact(E::SIZE) {
                let entry = E::decode(chunk);
                let in_order = match &last {
                    None => entry.can_be_first(),
                    Some(prev) => prev.precedes(&entry),
                };
                if !in_order {
                    break 'chunks;
                }
                first.get_or_insert(entry);
                last = Some(entry);
                count += 1;
                if keep {
                    kept.push(entry);
                }
            }
        }
        Ok((count, first, last, kept))
    }

    fn entries(&self) -> usize {
        self.loaded.as_ref().map_or(self.on_disk, Vec::len)
    }

    fn is_full(&self) -> bool {
        self.entries() >= self.max_entries
    }

    /// Brings the entries into memory (the segment becomes active).
    fn load(&mut self) -> Result<()> {
        if self.loaded.is_some() {
            return Ok(());
        }
        let entries = if self.on_disk == 0 {
            Vec::new()
        } else {
            let file = self.file(false)?;
            self.read_prefix(&file, self.on_disk, true)?.3
        };
        assert_eq!(
            entries.len(),
            self.on_disk,
            "index {} changed on disk",
            self.path.display()
        );
        self.loaded = Some(entries);
        self.dirty = false;
        Ok(())
    }

    fn loaded_mut(&mut self) -> &mut Vec<E> {
        let path = &self.path;
        self.loaded
            .as_mut()
            .unwrap_or_else(|| panic!("index {} is not loaded", path.display()))
    }

    fn append(&mut self, entry: E) {
        assert!(
            !self.is_full(),
            "append to full index {}",
            self.path.display()
        );
        if let Some(last) = &self.last {
            assert!(
                last.precedes(&entry),
                "index entries must increase: {last:?} then {entry:?}"
            );
        } else {
            assert!(entry.can_be_first(), "{entry:?} cannot start an index");
        }
        self.loaded_mut().push(entry);
        self.first.get_or_insert(entry);
        self.last = Some(entry);
        self.dirty = true;
    }

    /// Keeps the first `n` entries (loading them first), in memory and in the file, so that
    /// a crash cannot bring the dropped ones back.
    fn truncate_entries(&mut self, n: usize) -> Result<()> {
        if n == 0 {
            // Nothing is kept, so nothing is read: an index about to be rebuilt may be
            // damaged past what opening it checked (its first and last entries), and its
            // entries must not be trusted, not even to be counted.
            self.loaded = Some(Vec::new());
        } else {
            self.load()?;
        }
        let entries = self.loaded_mut();
        if n < entries.len() {
            entries.truncate(n);
        }
        let kept = entries.len();
        self.first = self.loaded.as_ref().and_then(|e| e.first().copied());
        self.last = self.loaded.as_ref().and_then(|e| e.last().copied());
        self.dirty = true;
        if self.file_entries > kept || self.ragged {
            let file = self.file(false)?;
            file.set_len((kept * E::SIZE) as u64)
                .io("truncate index", &self.path)?;
            self.on_disk = self.on_disk.min(kept);
            self.file_entries = kept;
            self.ragged = false;
        }
        Ok(())
    }

    /// Writes the loaded entries to the file, whole, and leaves them on disk only. Returns
    /// the descriptor written through, which the caller must see fsynced (see the
    /// [`FileCache`] docs for why that descriptor), or `None` if nothing was written.
    fn write_out(&mut self) -> Result<Option<Arc<File>>> {
        let Some(entries) = self.loaded.take() else {
            return Ok(None);
        };
        let count = entries.len();
        if !self.dirty && !self.ragged && self.on_disk == count && self.file_entries == count {
            return Ok(None);
        }
        let file = self.file(true)?;
        let mut buf = Vec::with_capacity(INDEX_READ_ENTRIES * E::SIZE);
        for (n, chunk) in entries.chunks(INDEX_READ_ENTRIES).enumerate() {
            buf.clear();
            for e in chunk {
                e.encode_into(&mut buf);
            }
            let at = (n * INDEX_READ_ENTRIES * E::SIZE) as u64;
            file.write_all_at(&buf, at).io("write index", &self.path)?;
        }
        let len = (count * E::SIZE) as u64;
        file.set_len(len).io("trim index", &self.path)?;
        assert_eq!(
            file.metadata().io("stat index", &self.path)?.len(),
            len,
            "index {} not written whole",
            self.path.display()
        );
        self.on_disk = count;
        self.file_entries = count;
        self.ragged = false;
        self.dirty = false;
        Ok(Some(file))
    }

    /// The last entry for which `at_or_below` holds, with entries ordered so that it holds
    /// for a prefix. Searches memory, or the file with positional reads (see
    /// [`DiskEntries::floor`]).
    fn floor(&self, at_or_below: impl Fn(&E) -> bool) -> Option<E> {
        if let Some(entries) = &self.loaded {
            let n = entries.partition_point(|e| at_or_below(e));
            return n.checked_sub(1).map(|i| entries[i]);
        }
        match self.on_disk_entries() {
            Ok(disk) => disk.and_then(|d| d.floor(at_or_below)),
            Err(e) => {
                tracing::warn!(index = %self.path.display(), error = %e,
                    "index lookup failed; scanning the segment instead");
                None
            }
        }
    }

    /// What a search of the file needs, to be made without the log's lock; `None` while the
    /// entries are in memory (search them at once: it costs no I/O).
    fn on_disk_entries(&self) -> Result<Option<DiskEntries<E>>> {
        if self.loaded.is_some() {
            return Ok(None);
        }
        let file = if self.on_disk == 0 {
            None
        } else {
            Some(self.file(false)?)
        };
        Ok(Some(DiskEntries {
            file,
            path: self.path.clone(),
            count: self.on_disk,
            first: self.first,
        }))
    }

    fn flush(&self) -> Result<()> {
        if !self.path.exists() {
            return Ok(());
        }
        crate::fsync::sync_all(&*self.file(false)?, &self.path)
    }

    fn rename(&mut self, to: PathBuf) -> Result<()> {
        if self.path.exists() {
            fs::rename(&self.path, &to).io("rename index", &self.path)?;
        }
        self.path = to;
        Ok(())
    }
}

/// An index's entries on disk, taken under the log's lock (the descriptor, how many entries
/// are valid) and searched after it is released.
#[derive(Debug, Clone)]
pub(crate) struct DiskEntries<E> {
    /// `None` for an index without entries.
    file: Option<Arc<File>>,
    path: PathBuf,
    count: usize,
    first: Option<E>,
}

impl<E: IndexEntry> DiskEntries<E> {
    /// The last entry for which `at_or_below` holds (it must hold for a prefix): a binary
    /// search reading one entry per step until [`INDEX_READ_ENTRIES`] remain, then those in
    /// one read. A failed read is logged and answered with `None`, which makes the caller
    /// scan from the segment start: slower, never wrong.
    fn floor(&self, at_or_below: impl Fn(&E) -> bool) -> Option<E> {
        let file = self.file.as_ref()?;
        if self.count == 0 || self.first.is_none_or(|f| !at_or_below(&f)) {
            return None;
        }
        match self.search(file, &at_or_below) {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(index = %self.path.display(), error = %e,
                    "index lookup failed; scanning the segment instead");
                None
            }
        }
    }

    fn search(&self, file: &File, at_or_below: &impl Fn(&E) -> bool) -> Result<Option<E>> {
        let entry_at = |at: usize| -> Result<E> {
            let mut buf = [0u8; 16];
            let buf = &mut buf[..E::SIZE];
            let n = read_fully_at(file, buf, (at * E::SIZE) as u64).io("read index", &self.path)?;
            Ok(if n < E::SIZE {
                E::decode(&[0; 16])
            } else {
                E::decode(buf)
            })
        };
        // Invariant: entries below `low` hold, entries at `high` and above do not.
        let (mut low, mut high) = (0usize, self.count);
        while high - low > INDEX_READ_ENTRIES {
            let mid = low + (high - low) / 2;
            if at_or_below(&entry_at(mid)?) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let mut buf = vec![0u8; (high - low) * E::SIZE];
        let n =
            read_fully_at(file, &mut buf, (low * E::SIZE) as u64).io("read index", &self.path)?;
        let mut found = low.checked_sub(1).map(entry_at).transpose()?;
        for chunk in buf[..n - n % E::SIZE].chunks_exact(E::SIZE) {
            let entry = E::decode(chunk);
            if !at_or_below(&entry) {
                break;
            }
            found = Some(entry);
        }
        Ok(found)
    }
}

/// An offset lookup started under the log's lock and finished after it, so that searching an
/// inactive segment's index on disk never holds up appends.
#[derive(Debug, Clone)]
pub(crate) enum OffsetLookup {
    /// The entries were in memory: the answer, as (offset, position).
    Answered(Offset, u32),
    /// Search the file for the largest entry at or below `target`.
    OnDisk {
        base_offset: Offset,
        target: Offset,
        entries: DiskEntries<OffsetEntry>,
    },
}

impl OffsetLookup {
    /// The same search for another target; an answer already found stays as it is.
    pub fn retarget(self, to: Offset) -> Self {
        match self {
            OffsetLookup::OnDisk {
                base_offset,
                entries,
                ..
            } => OffsetLookup::OnDisk {
                base_offset,
                target: to,
                entries,
            },
            answered => answered,
        }
    }

    /// The largest entry at or below the target as (offset, position), or (base, 0).
    pub fn resolve(&self) -> (Offset, u32) {
        match self {
            OffsetLookup::Answered(offset, position) => (*offset, *position),
            OffsetLookup::OnDisk {
                base_offset,
                target,
                entries,
            } => {
                let relative = target.0 - base_offset.0;
                if relative < 0 {
                    return (*base_offset, 0);
                }
                let relative = relative.min(i64::from(u32::MAX)) as u32;
                match entries.floor(|e| e.relative_offset <= relative) {
                    Some(e) => (base_offset.plus(i64::from(e.relative_offset)), e.position),
                    None => (*base_offset, 0),
                }
            }
        }
    }
}

fn max_entries<E: IndexEntry>(max_bytes: u64) -> usize {
    usize::try_from(max_bytes).unwrap_or(usize::MAX) / E::SIZE
}

/// A cache for an index opened on its own (outside a data directory's).
fn own_cache() -> Arc<FileCache> {
    FileCache::new(OPEN_FILES_MIN)
}

/// Maps offsets to `.log` positions for one segment. See the module docs for the bytes.
#[derive(Debug)]
pub struct OffsetIndex {
    base_offset: Offset,
    inner: IndexFile<OffsetEntry>,
}

impl OffsetIndex {
    /// A new, empty, active index at `path`.
    pub fn create(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Self::create_in(own_cache(), 0, path, base_offset, max_bytes)
    }

    /// An existing index at `path`, left on disk until [`OffsetIndex::load`].
    pub fn open(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Self::open_in(own_cache(), 0, path, base_offset, max_bytes)
    }

    pub(crate) fn create_in(
        files: Arc<FileCache>,
        segment_id: u64,
        path: PathBuf,
        base_offset: Offset,
        max_bytes: u64,
    ) -> Result<Self> {
        let key = FileKey {
            segment_id,
            kind: FileKind::OffsetIndex,
        };
        Ok(OffsetIndex {
            base_offset,
            inner: IndexFile::create(files, key, path, max_bytes)?,
        })
    }

    pub(crate) fn open_in(
        files: Arc<FileCache>,
        segment_id: u64,
        path: PathBuf,
        base_offset: Offset,
        max_bytes: u64,
    ) -> Result<Self> {
        let key = FileKey {
            segment_id,
            kind: FileKind::OffsetIndex,
        };
        Ok(OffsetIndex {
            base_offset,
            inner: IndexFile::open(files, key, path, max_bytes)?,
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    pub fn entries(&self) -> usize {
        self.inner.entries()
    }

    /// Whether the entries are in memory (the segment is active).
    pub fn is_loaded(&self) -> bool {
        self.inner.loaded.is_some()
    }

    pub fn is_full(&self) -> bool {
        self.inner.is_full()
    }

    /// Whether `offset` is representable as a relative offset of this segment.
    pub fn can_append_offset(&self, offset: Offset) -> bool {
        let relative = offset.0 - self.base_offset.0;
        (0..=i64::from(u32::MAX)).contains(&relative)
    }

    /// Adds an entry for a batch whose last offset is `offset`, starting at `position`. The
    /// index must be loaded.
    pub fn append(&mut self, offset: Offset, position: u32) -> Result<()> {
        assert!(
            self.can_append_offset(offset),
            "offset {offset} outside segment"
        );
        let relative_offset = (offset.0 - self.base_offset.0) as u32;
        self.inner.append(OffsetEntry {
            relative_offset,
            position,
        });
        Ok(())
    }

    /// The largest entry at or below `target` as (offset, position), or (base, 0).
    pub fn lookup(&self, target: Offset) -> (Offset, u32) {
        let relative = target.0 - self.base_offset.0;
        if relative < 0 {
            return (self.base_offset, 0);
        }
        let relative = relative.min(i64::from(u32::MAX)) as u32;
        match self.inner.floor(|e| e.relative_offset <= relative) {
            Some(e) => (
                self.base_offset.plus(i64::from(e.relative_offset)),
                e.position,
            ),
            None => (self.base_offset, 0),
        }
    }

    /// [`OffsetIndex::lookup`] split in two: under the log's lock this takes what the search
    /// needs; [`OffsetLookup::resolve`] then does any file I/O without it.
    pub(crate) fn lookup_later(&self, target: Offset) -> Result<OffsetLookup> {
        match self.inner.on_disk_entries()? {
            None => {
                let (offset, position) = self.lookup(target);
                Ok(OffsetLookup::Answered(offset, position))
            }
            Some(entries) => Ok(OffsetLookup::OnDisk {
                base_offset: self.base_offset,
                target,
                entries,
            }),
        }
    }

    /// The last entry as (offset, position), or (base, 0) for an empty index.
    pub fn last_entry(&self) -> (Offset, u32) {
        self.inner.last.map_or((self.base_offset, 0), |e| {
            (
                self.base_offset.plus(i64::from(e.relative_offset)),
                e.position,
            )
        })
    }

    /// Drops entries for offsets at or after `offset` (loading the index first).
    pub fn truncate_to(&mut self, offset: Offset) -> Result<()> {
        self.inner.load()?;
        let relative = offset.0 - self.base_offset.0;
        let n = self.inner.loaded.as_ref().map_or(0, |e| {
            e.partition_point(|e| i64::from(e.relative_offset) < relative)
        });
        self.inner.truncate_entries(n)
    }

    /// Drops every entry, leaving the index loaded and empty (it is about to be rebuilt).
    pub fn reset(&mut self) -> Result<()> {
        self.inner.truncate_entries(0)
    }

    /// Whether the index can be trusted for a `.log` of `log_size` bytes: whole entries in
    /// order (checked when read), and the last position inside the log.
    pub fn sanity_check(&self, log_size: u64) -> bool {
        !self.inner.ragged
            && self
                .inner
                .last
                .is_none_or(|l| u64::from(l.position) < log_size)
    }

    /// Brings the entries into memory so appends can add to them (the segment is active).
    pub fn load(&mut self) -> Result<()> {
        self.inner.load()
    }

    /// Writes the entries to the file and drops them from memory (the segment stopped being
    /// active). Returns the descriptor to fsync, if anything was written.
    pub(crate) fn write_out(&mut self) -> Result<Option<(Arc<File>, PathBuf)>> {
        let written = self.inner.write_out()?;
        Ok(written.map(|f| (f, self.inner.path.clone())))
    }

    /// Fsyncs the file.
    pub fn flush(&self) -> Result<()> {
        self.inner.flush()
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
    /// A new, empty, active index at `path`.
    pub fn create(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Self::create_in(own_cache(), 0, path, base_offset, max_bytes)
    }

    /// An existing index at `path`, left on disk until [`TimeIndex::load`].
    pub fn open(path: PathBuf, base_offset: Offset, max_bytes: u64) -> Result<Self> {
        Self::open_in(own_cache(), 0, path, base_offset, max_bytes)
    }

    pub(crate) fn create_in(
        files: Arc<FileCache>,
        segment_id: u64,
        path: PathBuf,
        base_offset: Offset,
        max_bytes: u64,
    ) -> Result<Self> {
        let key = FileKey {
            segment_id,
            kind: FileKind::TimeIndex,
        };
        Ok(TimeIndex {
            base_offset,
            inner: IndexFile::create(files, key, path, max_bytes)?,
        })
    }

    pub(crate) fn open_in(
        files: Arc<FileCache>,
        segment_id: u64,
        path: PathBuf,
        base_offset: Offset,
        max_bytes: u64,
    ) -> Result<Self> {
        let key = FileKey {
            segment_id,
            kind: FileKind::TimeIndex,
        };
        Ok(TimeIndex {
            base_offset,
            inner: IndexFile::open(files, key, path, max_bytes)?,
        })
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    pub fn entries(&self) -> usize {
        self.inner.entries()
    }

    pub fn is_full(&self) -> bool {
        self.inner.is_full()
    }

    /// Whether the entries are in memory (the segment is active).
    pub fn is_loaded(&self) -> bool {
        self.inner.loaded.is_some()
    }

    fn offset_of(&self, e: &TimeEntry) -> Offset {
        self.base_offset.plus(i64::from(e.relative_offset))
    }

    /// The newest entry: the largest timestamp seen so far and where it was.
    pub fn last_entry(&self) -> Option<(Timestamp, Offset)> {
        self.inner
            .last
            .map(|e| (Timestamp(e.timestamp), self.offset_of(&e)))
    }

    /// Adds `(timestamp, offset)` if `timestamp` is newer than the last entry. With
    /// `skip_full_check` the final entry of a segment may go past the index's room. The
    /// index must be loaded.
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
        if let Some(last) = self.inner.last {
            assert!(
                relative >= i64::from(last.relative_offset),
                "time index offsets must not decrease: {last:?} then {offset}"
            );
            if timestamp.0 <= last.timestamp {
                return Ok(());
            }
        }
        let entry = TimeEntry {
            timestamp: timestamp.0,
            relative_offset: relative as u32,
        };
        if !entry.can_be_first() && self.inner.last.is_none() {
            // A timestamp of 0 at the base offset would read back as the end of the file.
            return Ok(());
        }
        if self.inner.is_full() {
            if !skip_full_check {
                return Ok(());
            }
            self.inner.max_entries += 1;
        }
        self.inner.append(entry);
        Ok(())
    }

    /// [`TimeIndex::lookup`] split in two, as [`OffsetIndex::lookup_later`]: the closure
    /// finishes the search, with any file I/O, after the log's lock is released.
    pub(crate) fn lookup_later(
        &self,
        target: Timestamp,
    ) -> Result<impl FnOnce() -> (Timestamp, Offset) + use<>> {
        let base = self.base_offset;
        let answered = self.inner.loaded.is_some().then(|| self.lookup(target));
        let entries = self.inner.on_disk_entries()?;
        Ok(move || {
            if let Some(answer) = answered {
                return answer;
            }
            let found = entries.and_then(|d| d.floor(|e| e.timestamp <= target.0));
            match found {
                Some(e) => (
                    Timestamp(e.timestamp),
                    base.plus(i64::from(e.relative_offset)),
                ),
                None => (Timestamp::NONE, base),
            }
        })
    }

    /// The entry with the largest timestamp at or below `target`, or (none, base offset).
    pub fn lookup(&self, target: Timestamp) -> (Timestamp, Offset) {
        match self.inner.floor(|e| e.timestamp <= target.0) {
            Some(e) => (Timestamp(e.timestamp), self.offset_of(&e)),
            None => (Timestamp::NONE, self.base_offset),
        }
    }

    /// Drops entries for offsets at or after `offset` (loading the index first).
    pub fn truncate_to(&mut self, offset: Offset) -> Result<()> {
        self.inner.load()?;
        let relative = offset.0 - self.base_offset.0;
        let n = self.inner.loaded.as_ref().map_or(0, |e| {
            e.partition_point(|e| i64::from(e.relative_offset) < relative)
        });
        self.inner.truncate_entries(n)
    }

    /// Drops every entry, leaving the index loaded and empty (it is about to be rebuilt).
    pub fn reset(&mut self) -> Result<()> {
        self.inner.truncate_entries(0)
    }

    /// Whether the index can be trusted for a segment whose offsets end before
    /// `next_offset`: whole entries in order (checked when read), the last one inside.
    pub fn sanity_check(&self, next_offset: Offset) -> bool {
        !self.inner.ragged
            && self
                .inner
                .last
                .is_none_or(|l| self.offset_of(&l) < next_offset.max(self.base_offset.plus(1)))
    }

    /// Brings the entries into memory so appends can add to them (the segment is active).
    pub fn load(&mut self) -> Result<()> {
        self.inner.load()
    }

    /// Writes the entries to the file and drops them from memory (the segment stopped being
    /// active). Returns the descriptor to fsync, if anything was written.
    pub(crate) fn write_out(&mut self) -> Result<Option<(Arc<File>, PathBuf)>> {
        let written = self.inner.write_out()?;
        Ok(written.map(|f| (f, self.inner.path.clone())))
    }

    /// Fsyncs the file.
    pub fn flush(&self) -> Result<()> {
        self.inner.flush()
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
        // Lookups return the greatest indexed offset <= target, or the base and position 0,
        // in memory and on disk alike, and the file holds Kafka's big-endian entries.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("00000000000000000100.index");
        let mut index = OffsetIndex::create(path.clone(), Offset(100), 80).unwrap();
        index.append(Offset(110), 4000).unwrap();
        index.append(Offset(120), 8000).unwrap();
        for _ in 0..2 {
            assert_eq!(index.lookup(Offset(99)), (Offset(100), 0));
            assert_eq!(index.lookup(Offset(109)), (Offset(100), 0));
            assert_eq!(index.lookup(Offset(110)), (Offset(110), 4000));
            assert_eq!(index.lookup(Offset(500)), (Offset(120), 8000));
            index.write_out().unwrap();
            assert!(!index.is_loaded());
        }
        assert_eq!(fs::metadata(&path).unwrap().len(), 16);
        let raw = fs::read(&path).unwrap();
        assert_eq!(&raw[..8], &[0, 0, 0, 10, 0, 0, 0x0f, 0xa0]);
    }

    #[test]
    fn a_zero_tail_is_not_entries_and_a_large_index_is_searched_on_disk() {
        // An index followed by a preallocated tail of zeros opens with only its real entries,
        // and a lookup on disk over many entries agrees with one in memory.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0.index");
        let mut index = OffsetIndex::create(path.clone(), Offset(0), 1 << 20).unwrap();
        for i in 1..=5000u32 {
            index.append(Offset(i64::from(i) * 3), i * 100).unwrap();
        }
        let probes: Vec<(Offset, u32)> = (0..16_000)
            .step_by(7)
            .map(|t| index.lookup(Offset(t)))
            .collect();
        index.write_out().unwrap();
        let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.set_len(1 << 20).unwrap();
        let reopened = OffsetIndex::open(path.clone(), Offset(0), 1 << 20).unwrap();
        assert_eq!(reopened.entries(), 5000);
        assert!(reopened.sanity_check(1 << 30));
        let on_disk: Vec<(Offset, u32)> = (0..16_000)
            .step_by(7)
            .map(|t| reopened.lookup(Offset(t)))
            .collect();
        assert_eq!(on_disk, probes);
        assert!(
            !reopened.sanity_check(400_000),
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
