//! `TransactionIndex` (`.txnindex`): the aborted transactions whose abort marker lies in a
//! segment, so that a `read_committed` fetch can tell the consumer which producers' records in
//! the returned range to drop without the broker decoding a single batch.
//!
//! The file sits beside its segment (`00000000000000001234.txnindex`) and, as in Kafka, is
//! created only when the first entry is written, so most segments have none. Entries are
//! 34 bytes, big-endian, in the order the abort markers were appended:
//!
//! ```text
//! version            i16   always 0
//! producer_id        i64
//! first_offset       i64   the transaction's first offset in this partition
//! last_offset        i64   the offset of its abort marker (inside this segment)
//! last_stable_offset i64   the LSO once the abort completed: no transaction that was still
//!                          open then starts below it
//! ```
//!
//! `last_offset` never decreases along the file; a read checks every entry it decodes, so a
//! damaged file is reported as corrupt, never trusted. The entries are not kept in memory: a
//! lookup reads the file (a snapshot of its length taken under the log's lock) in chunks of
//! [`TXN_INDEX_READ_CHUNK_BYTES`]. The descriptor comes from the data directory's
//! [`FileCache`]; the one an append wrote through is kept until a flush fsyncs it.

use std::fs::{self, File};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SEGMENT_BYTES_MAX;
use crate::error::IoContext;
use crate::file_cache::{FileCache, FileKey, FileKind, OPEN_FILES_MIN};
use crate::segment::read_fully_at;
use crate::{Offset, ProducerId, Result, StorageError};

pub const TXN_INDEX_FILE_SUFFIX: &str = ".txnindex";
/// Bytes of one entry.
pub const TXN_INDEX_ENTRY_BYTES: usize = 34;
/// The only entry version Kafka writes.
const TXN_INDEX_VERSION: i16 = 0;
/// Bytes read at a time when searching an index (a whole number of entries).
pub const TXN_INDEX_READ_CHUNK_BYTES: usize = TXN_INDEX_ENTRY_BYTES * 2048;

/// One aborted transaction as the index stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TxnIndexEntry {
    pub producer_id: ProducerId,
    pub first_offset: Offset,
    pub last_offset: Offset,
    pub last_stable_offset: Offset,
}

impl TxnIndexEntry {
    pub fn encode(&self) -> [u8; TXN_INDEX_ENTRY_BYTES] {
        let mut out = [0u8; TXN_INDEX_ENTRY_BYTES];
        out[..2].copy_from_slice(&TXN_INDEX_VERSION.to_be_bytes());
        out[2..10].copy_from_slice(&self.producer_id.0.to_be_bytes());
        out[10..18].copy_from_slice(&self.first_offset.0.to_be_bytes());
        out[18..26].copy_from_slice(&self.last_offset.0.to_be_bytes());
        out[26..34].copy_from_slice(&self.last_stable_offset.0.to_be_bytes());
        out
    }

    /// Decodes one entry; `None` if its version is unknown or its offsets are impossible.
    pub fn decode(b: &[u8; TXN_INDEX_ENTRY_BYTES]) -> Option<Self> {
        let i64_at = |at: usize| {
            let mut v = [0u8; 8];
            v.copy_from_slice(&b[at..at + 8]);
            i64::from_be_bytes(v)
        };
        if i16::from_be_bytes([b[0], b[1]]) != TXN_INDEX_VERSION {
            return None;
        }
        let entry = TxnIndexEntry {
            producer_id: ProducerId(i64_at(2)),
            first_offset: Offset(i64_at(10)),
            last_offset: Offset(i64_at(18)),
            last_stable_offset: Offset(i64_at(26)),
        };
        let sane = entry.first_offset >= Offset::ZERO
            && entry.first_offset <= entry.last_offset
            && entry.producer_id.0 >= 0;
        sane.then_some(entry)
    }
}

/// The aborted transactions a `read_committed` fetch must report, from
/// [`TxnIndexView::collect_aborted`].
#[derive(Debug, Default)]
pub(crate) struct AbortedSearch {
    pub entries: Vec<TxnIndexEntry>,
    /// No later segment can hold an aborted transaction overlapping the range.
    pub complete: bool,
}

/// A segment's transaction index. See the module docs for the bytes.
#[derive(Debug)]
pub struct TransactionIndex {
    path: PathBuf,
    files: Arc<FileCache>,
    key: FileKey,
    /// The file exists: it is created by the first entry.
    exists: bool,
    /// The descriptor entries were written through since the last flush took it.
    unflushed: Option<Arc<File>>,
    /// Bytes of whole entries in the file.
    len: u64,
    base_offset: Offset,
    /// `last_offset` of the last entry, to keep the file in marker order.
    last_offset: Option<Offset>,
}

impl TransactionIndex {
    /// Opens the index at `path` if the file exists, or an empty one that creates the file on
    /// its first append. Returns the index and whether it passed its sanity check (a whole
    /// number of valid entries in marker order, each inside the segment); a failed one must
    /// be rebuilt with [`TransactionIndex::reset`] and appends.
    pub fn open(path: PathBuf, base_offset: Offset) -> Result<(Self, bool)> {
        Self::open_in(FileCache::new(OPEN_FILES_MIN), 0, path, base_offset)
    }

    pub(crate) fn open_in(
        files: Arc<FileCache>,
        segment_id: u64,
        path: PathBuf,
        base_offset: Offset,
    ) -> Result<(Self, bool)> {
        let mut index = Self::empty_in(files, segment_id, path, base_offset);
        let len = match fs::metadata(&index.path) {
            Ok(meta) => meta.len(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((index, true)),
            Err(e) => return Err(e).io("stat txn index", &index.path),
        };
        index.exists = true;
        index.len = len;
        let sane = len % TXN_INDEX_ENTRY_BYTES as u64 == 0 && len <= SEGMENT_BYTES_MAX;
        if !sane {
            return Ok((index, false));
        }
        match index.view()?.read_all() {
            Ok(entries) => {
                let inside = entries.iter().all(|e| e.last_offset >= base_offset);
                index.last_offset = entries.last().map(|e| e.last_offset);
                Ok((index, inside))
            }
            Err(StorageError::CorruptIndex { .. }) => Ok((index, false)),
            Err(e) => Err(e),
        }
    }

    /// An index at `path` with no entries and no file yet (a new segment).
    pub fn empty(path: PathBuf, base_offset: Offset) -> Self {
        Self::empty_in(FileCache::new(OPEN_FILES_MIN), 0, path, base_offset)
    }

    pub(crate) fn empty_in(
        files: Arc<FileCache>,
        segment_id: u64,
        path: PathBuf,
        base_offset: Offset,
    ) -> Self {
        TransactionIndex {
            path,
            files,
            key: FileKey {
                segment_id,
                kind: FileKind::TxnIndex,
            },
            exists: false,
            unflushed: None,
            len: 0,
            base_offset,
            last_offset: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the index holds no entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends one entry, creating the file if needed. Entries must come in marker order.
    pub fn append(&mut self, entry: TxnIndexEntry) -> Result<()> {
        assert!(
            entry.last_offset >= self.base_offset,
            "abort marker {} below segment base {}",
            entry.last_offset,
            self.base_offset
        );
        assert!(
            self.last_offset.is_none_or(|l| l <= entry.last_offset),
            "txn index entries out of marker order"
        );
        let file = self.files.get(self.key, &self.path, !self.exists)?;
        self.exists = true;
        file.write_all_at(&entry.encode(), self.len)
            .io("write txn index", &self.path)?;
        self.len += TXN_INDEX_ENTRY_BYTES as u64;
        self.last_offset = Some(entry.last_offset);
        self.unflushed = Some(file);
        Ok(())
    }

    /// Removes every entry whose abort marker is at or after `offset`.
    pub fn truncate_to(&mut self, offset: Offset) -> Result<()> {
        if self.last_offset.is_none_or(|l| l < offset) {
            return Ok(());
        }
        let entries = self.view()?.read_all()?;
        let keep = entries
            .iter()
            .take_while(|e| e.last_offset < offset)
            .count();
        self.set_entries(
            keep,
            entries.get(keep.wrapping_sub(1)).map(|e| e.last_offset),
        )
    }

    /// Removes every entry (the segment's index is about to be rebuilt).
    pub fn reset(&mut self) -> Result<()> {
        self.set_entries(0, None)
    }

    fn set_entries(&mut self, count: usize, last_offset: Option<Offset>) -> Result<()> {
        let len = (count * TXN_INDEX_ENTRY_BYTES) as u64;
        if self.exists {
            let file = self.files.get(self.key, &self.path, false)?;
            file.set_len(len).io("truncate txn index", &self.path)?;
            self.unflushed = Some(file);
        }
        self.len = len;
        self.last_offset = last_offset;
        Ok(())
    }

    /// A handle for reading without the log's lock: the descriptor is taken now, so a
    /// segment deleted meanwhile can still be read.
    pub(crate) fn view(&self) -> Result<TxnIndexView> {
        let file = if self.exists && self.len > 0 {
            Some(self.files.get(self.key, &self.path, false)?)
        } else {
            None
        };
        Ok(TxnIndexView {
            file,
            path: self.path.clone(),
            len: self.len,
        })
    }

    pub fn flush(&self) -> Result<()> {
        if !self.exists {
            return Ok(());
        }
        crate::fsync::sync_all(&*self.files.get(self.key, &self.path, false)?, &self.path)
    }

    /// The descriptor written through since the last call, for a flush to fsync.
    pub(crate) fn take_unflushed(&mut self) -> Option<(Arc<File>, PathBuf)> {
        self.unflushed.take().map(|f| (f, self.path.clone()))
    }

    /// Renames the file (if there is one) to `to`.
    pub fn rename(&mut self, to: PathBuf) -> Result<()> {
        if self.exists {
            fs::rename(&self.path, &to).io("rename txn index", &self.path)?;
        }
        self.path = to;
        Ok(())
    }
}

/// A snapshot of a transaction index's file and length, read without the log's lock.
#[derive(Debug, Clone)]
pub(crate) struct TxnIndexView {
    file: Option<Arc<File>>,
    path: PathBuf,
    len: u64,
}

impl TxnIndexView {
    /// Calls `each` for every entry in file order, reading in bounded chunks; stops early
    /// when `each` returns false. A damaged entry is [`StorageError::CorruptIndex`].
    fn for_each(&self, mut each: impl FnMut(TxnIndexEntry) -> bool) -> Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut buf = vec![0u8; TXN_INDEX_READ_CHUNK_BYTES.min(self.len as usize)];
        let mut at = 0u64;
        let mut last = Offset(i64::MIN);
        while at < self.len {
            let want = buf.len().min((self.len - at) as usize);
            let n = read_fully_at(file, &mut buf[..want], at).io("read txn index", &self.path)?;
            let whole = n - n % TXN_INDEX_ENTRY_BYTES;
            if whole == 0 {
                return Err(self.corrupt(at, "file shorter than its entries"));
            }
            for (i, chunk) in buf[..whole].chunks_exact(TXN_INDEX_ENTRY_BYTES).enumerate() {
                let position = at + (i * TXN_INDEX_ENTRY_BYTES) as u64;
                let Some(entry) = chunk.first_chunk().and_then(TxnIndexEntry::decode) else {
                    return Err(self.corrupt(position, "bad entry"));
                };
                if entry.last_offset < last {
                    return Err(self.corrupt(position, "entries out of marker order"));
                }
                last = entry.last_offset;
                if !each(entry) {
                    return Ok(());
                }
            }
            at += whole as u64;
        }
        Ok(())
    }

    fn corrupt(&self, position: u64, reason: &'static str) -> StorageError {
        StorageError::CorruptIndex {
            path: self.path.clone(),
            position,
            reason,
        }
    }

    pub fn read_all(&self) -> Result<Vec<TxnIndexEntry>> {
        let mut out = Vec::new();
        self.for_each(|e| {
            out.push(e);
            true
        })?;
        Ok(out)
    }

    /// Kafka's `collectAbortedTxns`: the entries overlapping `[fetch_start, upper_bound)`
    /// (abort marker at or after the start, first offset below the bound). The search is
    /// complete once an entry's last stable offset reaches the bound: every transaction
    /// aborted later was still open then and so starts at or above it.
    pub fn collect_aborted(
        &self,
        fetch_start: Offset,
        upper_bound: Offset,
    ) -> Result<AbortedSearch> {
        let mut search = AbortedSearch::default();
        self.for_each(|e| {
            if e.last_offset >= fetch_start && e.first_offset < upper_bound {
                search.entries.push(e);
            }
            if e.last_stable_offset >= upper_bound {
                search.complete = true;
                return false;
            }
            true
        })?;
        Ok(search)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(pid: i64, first: i64, last: i64, lso: i64) -> TxnIndexEntry {
        TxnIndexEntry {
            producer_id: ProducerId(pid),
            first_offset: Offset(first),
            last_offset: Offset(last),
            last_stable_offset: Offset(lso),
        }
    }

    #[test]
    fn entries_round_trip_and_truncate_by_marker_offset() {
        // Entries read back as written, a search stops at the first entry whose LSO reaches
        // the bound, and truncation drops entries whose marker is at or past the offset.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("00000000000000000010.txnindex");
        let mut index = TransactionIndex::empty(path.clone(), Offset(10));
        assert!(!path.exists(), "the file is created lazily");
        index.append(entry(1, 5, 12, 13)).unwrap();
        index.append(entry(2, 11, 20, 30)).unwrap();
        index.append(entry(3, 25, 40, 41)).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 3 * 34);
        let search = index
            .view()
            .unwrap()
            .collect_aborted(Offset(13), Offset(26))
            .unwrap();
        assert_eq!(search.entries, vec![entry(2, 11, 20, 30)]);
        assert!(search.complete);
        let (reopened, sane) = TransactionIndex::open(path.clone(), Offset(10)).unwrap();
        assert!(sane);
        assert_eq!(reopened.view().unwrap().read_all().unwrap().len(), 3);
        index.truncate_to(Offset(20)).unwrap();
        assert_eq!(
            index.view().unwrap().read_all().unwrap(),
            vec![entry(1, 5, 12, 13)]
        );
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 34);
    }

    #[test]
    fn a_damaged_file_fails_the_sanity_check() {
        // A ragged length or an unknown version marks the index for rebuilding.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("00000000000000000000.txnindex");
        std::fs::write(&path, [0u8; 35]).unwrap();
        assert!(!TransactionIndex::open(path.clone(), Offset(0)).unwrap().1);
        let mut bytes = entry(1, 0, 3, 4).encode();
        bytes[1] = 7;
        std::fs::write(&path, bytes).unwrap();
        assert!(!TransactionIndex::open(path, Offset(0)).unwrap().1);
    }
}
