//! A `LogSegment`: one `.log` file of record batches and its two sparse indexes.
//!
//! On disk a segment is three files named by its base offset, zero-padded to 20 digits:
//! `00000000000000001234.log` holds batches exactly as they were appended (each a v2 record
//! batch: a 61-byte header and its records, no framing between batches), and
//! `.index`/`.timeindex` hold the entries described in [`crate::index`]; a segment holding an
//! abort marker also has a `.txnindex` ([`crate::txn_index`]). While the cleaner
//! builds a replacement segment its files carry a `.cleaned` suffix, during the swap a `.swap`
//! suffix, and a segment being removed is renamed to `.deleted` first; recovery uses those
//! suffixes to finish or undo what a crash interrupted.
//!
//! A segment does no locking of its own: the [`crate::Log`] that owns it serialises writers,
//! and readers read the `.log` through a shared file handle with positional reads, so a read
//! never waits for an append. The handles come from the data directory's
//! [`crate::FileCache`], so an idle segment holds no descriptor; one written since the last
//! flush keeps the descriptor it wrote through until that flush fsyncs it.

use std::fs::{self, File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::{Bytes, BytesMut};
use strom_protocol::records::{
    BatchIter, RECORD_BATCH_HEADER_SIZE, RecordBatch, RecordBatchHeader, RecordError,
};

use crate::config::SEGMENT_BYTES_MAX;
use crate::error::IoContext;
use crate::file_cache::{FileCache, FileKey, FileKind, OPEN_FILES_MIN};
use crate::index::{OffsetIndex, OffsetLookup, TimeIndex};
use crate::txn_index::{TXN_INDEX_FILE_SUFFIX, TransactionIndex};
use crate::{LeaderEpoch, LogConfig, Offset, Result, StorageError, Timestamp};

pub const LOG_FILE_SUFFIX: &str = ".log";
pub const INDEX_FILE_SUFFIX: &str = ".index";
pub const TIME_INDEX_FILE_SUFFIX: &str = ".timeindex";
pub const CLEANED_FILE_SUFFIX: &str = ".cleaned";
pub const SWAP_FILE_SUFFIX: &str = ".swap";
pub const DELETED_FILE_SUFFIX: &str = ".deleted";

/// Bytes read at a time when scanning a segment (recovery, cleaning, index rebuild).
pub const SCAN_CHUNK_BYTES: usize = 1024 * 1024;
/// The largest batch a scan accepts: anything claiming more is corruption.
pub const SCAN_BATCH_BYTES_MAX: usize = 256 * 1024 * 1024;

static NEXT_SEGMENT_ID: AtomicU64 = AtomicU64::new(1);

/// The 20-digit zero-padded file stem of a segment based at `base`.
pub fn file_stem(base: Offset) -> String {
    format!("{:020}", base.0)
}

/// The path of a segment file: `<dir>/<20 digits><kind><suffix>`.
pub fn file_path(dir: &Path, base: Offset, kind: &str, suffix: &str) -> PathBuf {
    dir.join(format!("{}{kind}{suffix}", file_stem(base)))
}

/// Parses a base offset from a file name such as `00000000000000000042.log.swap`.
pub fn parse_base_offset(file_name: &str) -> Option<Offset> {
    let stem = file_name.split('.').next()?;
    if stem.len() != 20 || !stem.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    stem.parse::<i64>().ok().map(Offset)
}

/// What an append already learnt about one batch, so the segment does not parse it again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BatchInfo {
    /// Offset of the batch within the appended record set.
    pub position_in_set: usize,
    pub size: usize,
    pub base_offset: Offset,
    pub last_offset: Offset,
    pub max_timestamp: Timestamp,
}

impl BatchInfo {
    pub fn from_header(position_in_set: usize, h: &RecordBatchHeader) -> Self {
        BatchInfo {
            position_in_set,
            size: h.total_size(),
            base_offset: Offset(h.base_offset),
            last_offset: Offset(h.last_offset()),
            max_timestamp: Timestamp(h.max_timestamp),
        }
    }
}

/// Why a segment scan stopped before the end of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum ScanStop {
    /// The file ends inside a batch: a torn write.
    TornTail(RecordError),
    /// A batch that parses wrongly, fails its CRC, or breaks offset order.
    Corrupt(String),
}

/// The result of [`LogSegment::recover`].
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryOutcome {
    pub valid_bytes: u64,
    pub truncated_bytes: u64,
    pub batches: u64,
    pub stop: Option<ScanStop>,
    /// Where each leader epoch starts among the batches kept, in offset order.
    pub epochs: Vec<(LeaderEpoch, Offset)>,
}

/// Reads a `.log` in large chunks and yields whole batches.
pub(crate) struct BatchScanner<'a> {
    file: &'a File,
    path: &'a Path,
    /// File position of `chunk[0]`.
    chunk_start: u64,
    chunk: Bytes,
    /// File position of the next batch.
    position: u64,
    end: u64,
}

impl<'a> BatchScanner<'a> {
    pub fn new(file: &'a File, path: &'a Path, start: u64, end: u64) -> Self {
        BatchScanner {
            file,
            path,
            chunk_start: start,
            chunk: Bytes::new(),
            position: start,
            end,
        }
    }

    /// Position of the next batch (after the last one returned).
    pub fn position(&self) -> u64 {
        self.position
    }

    fn available(&self) -> usize {
        (self.chunk_start + self.chunk.len() as u64 - self.position) as usize
    }

    fn refill(&mut self, need: usize) -> Result<()> {
        let len = need
            .max(SCAN_CHUNK_BYTES)
            .min((self.end - self.position) as usize);
        let mut buf = vec![0u8; len];
        let read = read_fully_at(self.file, &mut buf, self.position).io("read", self.path)?;
        buf.truncate(read);
        self.chunk_start = self.position;
        self.chunk = Bytes::from(buf);
        Ok(())
    }

    /// The next batch and its file position; `Ok(Err(stop))` where the valid data ends;
    /// `Ok(Ok(None))` at a clean end of file.
    #[allow(clippy::type_complexity)]
    pub fn next_batch(&mut self) -> Result<Result<Option<(u64, RecordBatch)>, ScanStop>> {
        let remaining = self.end - self.position;
        if remaining == 0 {
            return Ok(Ok(None));
        }
        if self.available() < RECORD_BATCH_HEADER_SIZE {
            self.refill(RECORD_BATCH_HEADER_SIZE)?;
        }
        let offset_in_chunk = (self.position - self.chunk_start) as usize;
        let rest = &self.chunk[offset_in_chunk..];
        let header = match RecordBatchHeader::parse(rest) {
            Ok(h) => h,
            Err(e @ RecordError::Truncated { .. }) => return Ok(Err(ScanStop::TornTail(e))),
            Err(e) => return Ok(Err(ScanStop::Corrupt(e.to_string()))),
        };
        let size = header.total_size();
        if size > SCAN_BATCH_BYTES_MAX {
            return Ok(Err(ScanStop::Corrupt(format!("batch of {size} bytes"))));
        }
        if size as u64 > remaining {
            let e = RecordError::Truncated {
                needed: size,
                available: remaining as usize,
            };
            return Ok(Err(ScanStop::TornTail(e)));
        }
        if self.available() < size {
            self.refill(size)?;
        }
        let at = (self.position - self.chunk_start) as usize;
        let bytes = self.chunk.slice(at..at + size);
        let batch = match RecordBatch::new(bytes) {
            Ok(b) => b,
            Err(e) => return Ok(Err(ScanStop::Corrupt(e.to_string()))),
        };
        let position = self.position;
        self.position += size as u64;
        Ok(Ok(Some((position, batch))))
    }
}

/// Most buffers one `pwritev` takes (Linux's `IOV_MAX`).
const IO_SLICES_MAX: usize = 1024;

/// Writes every batch of `records` at `at`, each with its header taken from `heads` instead
/// of the received one: one `pwritev` of (header, rest of batch) pairs, repeated after a
/// short write. The batches are written as one run of bytes, exactly as a contiguous write
/// of the patched set would leave them.
fn write_batches_at(
    file: &File,
    records: &[u8],
    heads: &[[u8; RECORD_BATCH_HEADER_SIZE]],
    batches: &[BatchInfo],
    mut at: u64,
) -> std::io::Result<()> {
    let mut slices: Vec<std::io::IoSlice<'_>> = Vec::with_capacity(2 * batches.len());
    for (head, b) in heads.iter().zip(batches) {
        slices.push(std::io::IoSlice::new(head));
        let rest =
            &records[b.position_in_set + RECORD_BATCH_HEADER_SIZE..b.position_in_set + b.size];
        if !rest.is_empty() {
            slices.push(std::io::IoSlice::new(rest));
        }
    }
    let mut left = &mut slices[..];
    while !left.is_empty() {
        let n = left.len().min(IO_SLICES_MAX);
        match rustix::io::pwritev(file, &left[..n], at) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(written) => {
                at += written as u64;
                std::io::IoSlice::advance_slices(&mut left, written);
            }
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// `read_at` until `buf` is full or the file ends; returns the bytes read.
pub(crate) fn read_fully_at(file: &File, buf: &mut [u8], mut at: u64) -> std::io::Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match file.read_at(&mut buf[done..], at) {
            Ok(0) => break,
            Ok(n) => {
                done += n;
                at += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

/// A consistent view of a segment taken under the log's lock, read without it.
#[derive(Debug, Clone)]
pub(crate) struct SegmentReadView {
    pub file: Arc<File>,
    pub path: PathBuf,
    pub base_offset: Offset,
    /// Where to start scanning for the wanted offset: the offset index's answer, found
    /// (with any file I/O) once the lock is released.
    pub lookup: OffsetLookup,
    /// Bytes of the segment that were fully written when the view was taken.
    pub size: u64,
    /// The segment's next offset when the view was taken: every batch ends below it.
    pub next_offset: Offset,
}

impl SegmentReadView {
    /// Finds the first batch whose last offset is at or after `target`, scanning headers
    /// from the offset index's entry. Returns its position and header, or `None` if the
    /// segment has no such batch.
    ///
    /// The view holds whole batches only, in offset order, so bytes that do not read as
    /// such are damage that recovery did not scan for (it scans only above the recovery
    /// point): an error, never a silent end of the segment, so that a read cannot skip to
    /// the next segment past records that are still there. An index entry that does not
    /// name the batch it points at is damage too; the scan then starts from the segment's
    /// first batch instead.
    pub fn find_batch(&self, target: Offset) -> Result<Option<(u64, RecordBatchHeader)>> {
        let (indexed, from) = self.lookup.resolve();
        if from > 0 {
            match self.scan_headers(target, u64::from(from), Some(indexed))? {
                Ok(found) => return Ok(found),
                Err((position, reason)) => tracing::warn!(
                    path = %self.path.display(), position, reason,
                    "index entry does not match the segment; scanning from its start"
                ),
            }
        }
        self.scan_headers(target, 0, None)?
            .map_err(|(position, reason)| self.corrupt(position, reason))
    }

    fn corrupt(&self, position: u64, reason: String) -> StorageError {
        StorageError::CorruptSegment {
            path: self.path.clone(),
            position,
            reason,
        }
    }

    /// [`SegmentReadView::find_batch`] from `start`, where a batch starting at or before
    /// `indexed` (if given) must begin; `Ok(Err((position, why)))` where the bytes are not
    /// the batches they should be.
    #[allow(clippy::type_complexity)]
    fn scan_headers(
        &self,
        target: Offset,
        start: u64,
        indexed: Option<Offset>,
    ) -> Result<std::result::Result<Option<(u64, RecordBatchHeader)>, (u64, String)>> {
        if start > 0 && start >= self.size {
            return Ok(Err((
                start,
                "an index position past the segment's end".into(),
            )));
        }
        let mut position = start;
        let mut previous_last = self.base_offset.0 - 1;
        let mut head = [0u8; RECORD_BATCH_HEADER_SIZE];
        while position < self.size {
            if position + RECORD_BATCH_HEADER_SIZE as u64 > self.size {
                return Ok(Err((position, "a partial batch header".into())));
            }
            let n = read_fully_at(&self.file, &mut head, position).io("read", &self.path)?;
            let header = match RecordBatchHeader::parse(&head[..n]) {
                Ok(header) => header,
                Err(e) => return Ok(Err((position, e.to_string()))),
            };
            if let Err(why) = self.check_header(&header, position, previous_last) {
                return Ok(Err((position, why)));
            }
            // An entry names a batch's last offset (one written per append, as Kafka's
            // were, may name a later batch of that append): the batch there starts at or
            // before it.
            if position == start
                && let Some(indexed) = indexed
                && header.base_offset > indexed.0
            {
                let why = format!("batch starts at {}, index says {indexed}", {
                    header.base_offset
                });
                return Ok(Err((position, why)));
            }
            if header.last_offset() >= target.0 {
                return Ok(Ok(Some((position, header))));
            }
            previous_last = header.last_offset();
            position += header.total_size() as u64;
        }
        Ok(Ok(None))
    }

    /// Whether `header`, read at `position` after a batch ending at `previous_last`, can be
    /// a batch of this segment: inside it, after that batch, within the bytes written.
    fn check_header(
        &self,
        header: &RecordBatchHeader,
        position: u64,
        previous_last: i64,
    ) -> std::result::Result<(), String> {
        let (base, last) = (header.base_offset, header.last_offset());
        if header.last_offset_delta < 0 || base <= previous_last || last >= self.next_offset.0 {
            return Err(format!(
                "batch {base}..={last} does not follow {previous_last} inside the segment \
                 ending before {}",
                self.next_offset
            ));
        }
        if position + header.total_size() as u64 > self.size {
            return Err(format!(
                "batch of {} bytes runs past the segment's {}",
                header.total_size(),
                self.size
            ));
        }
        Ok(())
    }

    /// The header of the batch at `position` (a batch boundary), or `None` at the end of
    /// the segment; bytes there that are not a whole batch are an error, as in
    /// [`SegmentReadView::find_batch`].
    pub fn header_at(&self, position: u64) -> Result<Option<RecordBatchHeader>> {
        if position >= self.size {
            return Ok(None);
        }
        if position + RECORD_BATCH_HEADER_SIZE as u64 > self.size {
            return Err(self.corrupt(position, "a partial batch header".into()));
        }
        let mut head = [0u8; RECORD_BATCH_HEADER_SIZE];
        let n = read_fully_at(&self.file, &mut head, position).io("read", &self.path)?;
        let header = RecordBatchHeader::parse(&head[..n])
            .map_err(|e| self.corrupt(position, e.to_string()))?;
        if position + header.total_size() as u64 > self.size {
            let why = format!(
                "batch of {} bytes runs past the segment",
                header.total_size()
            );
            return Err(self.corrupt(position, why));
        }
        Ok(Some(header))
    }

    /// The whole batch at `position` whose header is `header` (from
    /// [`SegmentReadView::header_at`]), its CRC checked; `None` if it claims more than
    /// [`SCAN_BATCH_BYTES_MAX`], which only corruption does.
    pub fn batch_at(
        &self,
        position: u64,
        header: &RecordBatchHeader,
    ) -> Result<Option<RecordBatch>> {
        let size = header.total_size();
        if size > SCAN_BATCH_BYTES_MAX || position + size as u64 > self.size {
            return Ok(None);
        }
        let mut buf = BytesMut::zeroed(size);
        let n = read_fully_at(&self.file, &mut buf, position).io("read", &self.path)?;
        let corrupt = |source| StorageError::CorruptRecord {
            batch_index: 0,
            source,
        };
        if n < size {
            return Err(corrupt(RecordError::Truncated {
                needed: size,
                available: n,
            }));
        }
        let batch = RecordBatch::new(buf.freeze()).map_err(corrupt)?;
        batch.verify_crc().map_err(corrupt)?;
        Ok(Some(batch))
    }

    /// Whole batches starting with the one that holds `start`, at most `max_bytes` of them
    /// (but at least one if `min_one_batch`), none at or beyond `max_offset`.
    pub fn read(
        &self,
        start: Offset,
        max_bytes: usize,
        min_one_batch: bool,
        max_offset: Offset,
    ) -> Result<Option<Bytes>> {
        let Some((position, first)) = self.find_batch(start)? else {
            return Ok(None);
        };
        if first.base_offset >= max_offset.0 {
            return Ok(Some(Bytes::new()));
        }
        let available = (self.size - position) as usize;
        let first_size = first.total_size();
        let mut want = max_bytes.min(available);
        if want < first_size {
            if !min_one_batch {
                return Ok(Some(Bytes::new()));
            }
            want = first_size.min(available);
        }
        let mut buf = BytesMut::zeroed(want);
        let n = read_fully_at(&self.file, &mut buf, position).io("read", &self.path)?;
        buf.truncate(n);
        let bytes = buf.freeze();
        let mut end = 0;
        let mut previous_last = first.base_offset - 1;
        for batch in BatchIter::new(bytes.clone()) {
            let Ok(batch) = batch else { break };
            if batch.header().base_offset >= max_offset.0 {
                break;
            }
            if end > 0
                && self
                    .check_header(batch.header(), position + end as u64, previous_last)
                    .is_err()
            {
                // Damage: served up to it; the read that starts there reports it.
                break;
            }
            previous_last = batch.header().last_offset();
            if end == 0 {
                // The first batch returned holds the offset asked for (or the next one).
                assert!(
                    batch.header().last_offset() >= start.0,
                    "read from {start} returned a batch ending at {}",
                    batch.header().last_offset()
                );
            }
            end += batch.size_in_bytes();
        }
        Ok(Some(bytes.slice(..end)))
    }
}

/// One segment of a partition's log. See the module docs for its files.
#[derive(Debug)]
pub struct LogSegment {
    /// Unique within the process, so the cleaner can tell a segment it read from one that
    /// replaced it at the same base offset, and the [`FileCache`] can key its descriptors.
    id: u64,
    base_offset: Offset,
    dir: PathBuf,
    suffix: &'static str,
    files: Arc<FileCache>,
    log_path: PathBuf,
    /// Descriptors written through since a flush last took them (the `.log`, indexes written
    /// out, the `.txnindex`): kept open until fsynced (see [`FileCache`] for why).
    unflushed: Vec<(Arc<File>, PathBuf)>,
    /// `unflushed` holds the `.log` descriptor.
    log_unflushed: bool,
    /// The `.log` holds bytes not yet fsynced whose descriptor is not held (an earlier
    /// process wrote them, or the descriptor cache was full): the next flush opens the file
    /// and fsyncs it.
    log_sync_by_path: bool,
    offset_index: OffsetIndex,
    time_index: TimeIndex,
    txn_index: TransactionIndex,
    /// The `.txnindex` failed its sanity check when the segment was opened.
    txn_index_damaged: bool,
    size: u64,
    next_offset: Offset,
    bytes_since_last_index_entry: u64,
    max_timestamp: Timestamp,
    offset_of_max_timestamp: Offset,
    created_at: Timestamp,
    index_interval_bytes: u64,
}

/// What a new or opened segment is made of.
struct Parts {
    id: u64,
    log_path: PathBuf,
    indexes: (OffsetIndex, TimeIndex, TransactionIndex),
    size: u64,
}

impl LogSegment {
    fn key(&self) -> FileKey {
        FileKey {
            segment_id: self.id,
            kind: FileKind::Log,
        }
    }

    /// Creates an empty segment at `base` (with `suffix` "" for a live segment or
    /// [`CLEANED_FILE_SUFFIX`] for a cleaner's output), its descriptors in a cache of its own.
    pub fn create(
        dir: &Path,
        base: Offset,
        suffix: &'static str,
        config: &LogConfig,
        now: Timestamp,
    ) -> Result<Self> {
        Self::create_in(
            &FileCache::new(OPEN_FILES_MIN),
            dir,
            base,
            suffix,
            config,
            now,
        )
    }

    /// [`LogSegment::create`] with the data directory's descriptor cache.
    pub(crate) fn create_in(
        files: &Arc<FileCache>,
        dir: &Path,
        base: Offset,
        suffix: &'static str,
        config: &LogConfig,
        now: Timestamp,
    ) -> Result<Self> {
        let id = NEXT_SEGMENT_ID.fetch_add(1, Ordering::Relaxed);
        let log_path = file_path(dir, base, LOG_FILE_SUFFIX, suffix);
        let log = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&log_path)
            .io("create", &log_path)?;
        let key = FileKey {
            segment_id: id,
            kind: FileKind::Log,
        };
        files.insert(key, Arc::new(log));
        let offset_index = OffsetIndex::create_in(
            Arc::clone(files),
            id,
            file_path(dir, base, INDEX_FILE_SUFFIX, suffix),
            base,
            config.segment_index_bytes,
        )?;
        let time_index = TimeIndex::create_in(
            Arc::clone(files),
            id,
            file_path(dir, base, TIME_INDEX_FILE_SUFFIX, suffix),
            base,
            config.segment_index_bytes,
        )?;
        let txn_path = file_path(dir, base, TXN_INDEX_FILE_SUFFIX, suffix);
        // A leftover from an earlier segment at this base must not add entries to this one.
        match fs::remove_file(&txn_path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).io("delete", &txn_path);
            }
            _ => {}
        }
        let txn_index = TransactionIndex::empty_in(Arc::clone(files), id, txn_path, base);
        let parts = Parts {
            id,
            log_path,
            indexes: (offset_index, time_index, txn_index),
            size: 0,
        };
        Ok(Self::assemble(files, dir, base, suffix, parts, config, now))
    }

    fn assemble(
        files: &Arc<FileCache>,
        dir: &Path,
        base: Offset,
        suffix: &'static str,
        parts: Parts,
        config: &LogConfig,
        now: Timestamp,
    ) -> Self {
        let (offset_index, time_index, txn_index) = parts.indexes;
        LogSegment {
            id: parts.id,
            base_offset: base,
            dir: dir.to_path_buf(),
            suffix,
            files: Arc::clone(files),
            log_path: parts.log_path,
            unflushed: Vec::new(),
            log_unflushed: false,
            log_sync_by_path: false,
            offset_index,
            time_index,
            txn_index,
            txn_index_damaged: false,
            size: parts.size,
            next_offset: base,
            bytes_since_last_index_entry: 0,
            max_timestamp: Timestamp::NONE,
            offset_of_max_timestamp: base,
            created_at: now,
            index_interval_bytes: config.index_interval_bytes,
        }
    }

    /// Opens an existing segment, its descriptors in a cache of its own. Its indexes are
    /// opened (or created empty if missing) but not trusted: call [`LogSegment::load_tail`]
    /// or [`LogSegment::recover`] next. Returns whether an index file was missing.
    pub fn open(
        dir: &Path,
        base: Offset,
        suffix: &'static str,
        config: &LogConfig,
        now: Timestamp,
    ) -> Result<(Self, bool)> {
        Self::open_in(
            &FileCache::new(OPEN_FILES_MIN),
            dir,
            base,
            suffix,
            config,
            now,
        )
    }

    /// [`LogSegment::open`] with the data directory's descriptor cache. Opens no file of its
    /// own: the `.log` is only stat'ed, and each index reads its first and last entries.
    pub(crate) fn open_in(
        files: &Arc<FileCache>,
        dir: &Path,
        base: Offset,
        suffix: &'static str,
        config: &LogConfig,
        now: Timestamp,
    ) -> Result<(Self, bool)> {
        let id = NEXT_SEGMENT_ID.fetch_add(1, Ordering::Relaxed);
        let log_path = file_path(dir, base, LOG_FILE_SUFFIX, suffix);
        let size = fs::metadata(&log_path).io("stat", &log_path)?.len();
        let index_path = file_path(dir, base, INDEX_FILE_SUFFIX, suffix);
        let time_path = file_path(dir, base, TIME_INDEX_FILE_SUFFIX, suffix);
        let max = config.segment_index_bytes;
        let missing = !index_path.exists() || !time_path.exists();
        let (offset_index, time_index) = if missing {
            (
                OffsetIndex::create_in(Arc::clone(files), id, index_path, base, max)?,
                TimeIndex::create_in(Arc::clone(files), id, time_path, base, max)?,
            )
        } else {
            (
                OffsetIndex::open_in(Arc::clone(files), id, index_path, base, max)?,
                TimeIndex::open_in(Arc::clone(files), id, time_path, base, max)?,
            )
        };
        let txn_path = file_path(dir, base, TXN_INDEX_FILE_SUFFIX, suffix);
        let (txn_index, txn_sane) =
            TransactionIndex::open_in(Arc::clone(files), id, txn_path, base)?;
        let parts = Parts {
            id,
            log_path,
            indexes: (offset_index, time_index, txn_index),
            size,
        };
        let mut segment = Self::assemble(files, dir, base, suffix, parts, config, now);
        segment.txn_index_damaged = !txn_sane;
        Ok((segment, missing))
    }

    /// The `.log` descriptor: the one appends wrote through if not yet flushed, else the
    /// cache's (opening the file if it was closed).
    pub(crate) fn log_file(&self) -> Result<Arc<File>> {
        if self.log_unflushed
            && let Some((file, _)) = self.unflushed.first()
        {
            return Ok(Arc::clone(file));
        }
        self.files.get(self.key(), &self.log_path, false)
    }

    /// Remembers that `file` (the `.log`) was written and must be fsynced by a flush: by
    /// holding its descriptor, while the descriptor cache has room (see [`FileCache`]).
    fn log_written(&mut self, file: Arc<File>) {
        if self.log_unflushed {
            return;
        }
        if self.files.may_hold() {
            self.unflushed.insert(0, (file, self.log_path.clone()));
            self.log_unflushed = true;
        } else {
            self.log_sync_by_path = true;
        }
    }

    /// Trusts the indexes if they pass their sanity checks and fills in the segment's next
    /// offset and newest timestamp by scanning batch headers after the last index entry (or
    /// after the time index's, if that comes first).
    /// Returns false (changing nothing) if the segment needs [`LogSegment::recover`].
    pub fn load_tail(&mut self) -> Result<bool> {
        self.load_tail_before(None)
    }

    /// [`LogSegment::load_tail`] for a segment followed by one based at `next_base`. The
    /// batches scanned must be in offset order, the first one starting at or before the
    /// last index entry's offset, and none may reach `next_base`: otherwise (damage below
    /// the recovery point, a base offset the CRC does not cover) the segment needs
    /// [`LogSegment::recover`].
    pub fn load_tail_before(&mut self, next_base: Option<Offset>) -> Result<bool> {
        if self.size > SEGMENT_BYTES_MAX || !self.offset_index.sanity_check(self.size.max(1)) {
            return Ok(false);
        }
        let (last_indexed, position) = self.offset_index.last_entry();
        let mut max_ts = self.time_index.last_entry();
        // The newest timestamp is the time index's last entry or one of the batches after
        // it (any batch, if it has none): scan from that batch (found through the offset
        // index) if it comes before the offset index's last entry, so that a time index
        // missing its tail (cut short on disk) cannot hide a newer timestamp.
        let from = match max_ts {
            Some((_, offset)) if offset < last_indexed => self.offset_index.lookup(offset).1,
            Some(_) => position,
            None => 0,
        };
        if from > position {
            // Entries increase in both fields: this one is damaged.
            return Ok(false);
        }
        let file = self.log_file()?;
        let mut scanner = BatchScanner::new(&file, &self.log_path, u64::from(from), self.size);
        let mut next = self.base_offset;
        let limit = next_base.map_or(i64::MAX, |b| b.0);
        let mut reached_indexed = position == 0;
        loop {
            match scanner.next_batch()? {
                Ok(Some((at, batch))) => {
                    let h = batch.header();
                    reached_indexed |= at == u64::from(position);
                    let named = at != u64::from(position) || position == 0 || {
                        h.base_offset <= last_indexed.0
                    };
                    let in_order = h.last_offset_delta >= 0
                        && h.base_offset >= next.0
                        && h.last_offset() < limit
                        && named;
                    if !in_order {
                        return Ok(false);
                    }
                    next = Offset(h.next_offset());
                    if max_ts.is_none_or(|(ts, _)| h.max_timestamp > ts.0) {
                        max_ts = Some((Timestamp(h.max_timestamp), Offset(h.last_offset())));
                    }
                }
                Ok(None) => break,
                Err(_) => return Ok(false),
            }
        }
        if !reached_indexed || (position > 0 && next <= last_indexed) {
            // No batch starts at the last entry's position, or the batches from there end
            // before its offset: the entry is damaged, and the segment cannot trust it.
            return Ok(false);
        }
        if !self.time_index.sanity_check(next) {
            return Ok(false);
        }
        self.next_offset = next;
        if let Some((ts, offset)) = max_ts {
            self.max_timestamp = ts;
            self.offset_of_max_timestamp = offset;
        }
        self.bytes_since_last_index_entry = self.size - u64::from(position);
        Ok(true)
    }

    /// Rebuilds both indexes (in memory, as for an active segment) by scanning every batch,
    /// checking each one's CRC and offset order, and truncates the `.log` at the first batch
    /// that is torn or corrupt. The outcome lists where each leader epoch starts among the
    /// batches kept, so the epoch cache can be rebuilt for them.
    pub fn recover(&mut self) -> Result<RecoveryOutcome> {
        self.recover_before(None)
    }

    /// [`LogSegment::recover`] for a segment followed by one based at `next_base`: a batch
    /// reaching it is corrupt (its base offset, which the CRC does not cover, is damaged),
    /// and is cut off with everything after it.
    pub fn recover_before(&mut self, next_base: Option<Offset>) -> Result<RecoveryOutcome> {
        self.offset_index.reset()?;
        self.time_index.reset()?;
        self.next_offset = self.base_offset;
        self.max_timestamp = Timestamp::NONE;
        self.offset_of_max_timestamp = self.base_offset;
        self.bytes_since_last_index_entry = 0;
        let size = self.size.min(SEGMENT_BYTES_MAX);
        let log = self.log_file()?;
        let path = self.log_path.clone();
        let mut scanner = BatchScanner::new(&log, &path, 0, size);
        let mut batches = 0;
        let mut epochs: Vec<(LeaderEpoch, Offset)> = Vec::new();
        // The end of the last batch kept: a batch the scanner returned whole but that fails
        // its checks is cut off with everything after it.
        let mut valid = 0u64;
        let stop = loop {
            let (position, batch) = match scanner.next_batch()? {
                Ok(Some(found)) => found,
                Ok(None) => break None,
                Err(stop) => break Some(stop),
            };
            if let Err(why) = self.check_recovered_batch(&batch) {
                break Some(ScanStop::Corrupt(why));
            }
            if let Some(next_base) = next_base
                && batch.header().last_offset() >= next_base.0
            {
                let why = format!(
                    "batch {}..={} reaches the next segment at {next_base}",
                    batch.header().base_offset,
                    batch.header().last_offset()
                );
                break Some(ScanStop::Corrupt(why));
            }
            let h = batch.header();
            let epoch = LeaderEpoch(h.partition_leader_epoch);
            if epoch.0 >= 0 && epochs.last().is_none_or(|(e, _)| *e != epoch) {
                epochs.push((epoch, Offset(h.base_offset)));
            }
            let info = BatchInfo::from_header(0, h);
            self.index_batch(position as u32, &info)?;
            self.next_offset = info.last_offset.plus(1);
            valid = position + info.size as u64;
            batches += 1;
        };
        assert!(
            valid <= scanner.position() && (stop.is_some() || valid == scanner.position()),
            "recovery of {} kept {valid} bytes, scanned {}",
            self.log_path.display(),
            scanner.position()
        );
        let truncated = self.size - valid;
        if truncated > 0 {
            log.set_len(valid).io("truncate", &self.log_path)?;
            self.size = valid;
        }
        // Whatever the crashed process wrote may still be only in the page cache. Its
        // descriptors are gone, so there is no write-back error to keep hold of: the next
        // flush opens the file again and fsyncs it.
        self.log_sync_by_path = true;
        Ok(RecoveryOutcome {
            valid_bytes: valid,
            truncated_bytes: truncated,
            batches,
            stop,
            epochs,
        })
    }

    fn check_recovered_batch(&self, batch: &RecordBatch) -> std::result::Result<(), String> {
        batch.verify_crc().map_err(|e| e.to_string())?;
        let h = batch.header();
        if h.last_offset_delta < 0 || h.base_offset < self.next_offset.0 {
            return Err(format!(
                "batch at offset {} (last delta {}) does not follow {}",
                h.base_offset, h.last_offset_delta, self.next_offset
            ));
        }
        if !self.offset_index.can_append_offset(Offset(h.last_offset())) {
            return Err(format!("offset {} outside segment", h.last_offset()));
        }
        Ok(())
    }

    /// Adds index entries for one batch about to be (or just) written at `position`.
    fn index_batch(&mut self, position: u32, b: &BatchInfo) -> Result<()> {
        if b.max_timestamp > self.max_timestamp {
            self.max_timestamp = b.max_timestamp;
            self.offset_of_max_timestamp = b.last_offset;
        }
        if self.bytes_since_last_index_entry > self.index_interval_bytes {
            if !self.offset_index.is_full() {
                self.offset_index.append(b.last_offset, position)?;
            }
            self.time_index.maybe_append(
                self.max_timestamp,
                self.offset_of_max_timestamp,
                false,
            )?;
            self.bytes_since_last_index_entry = 0;
        }
        self.bytes_since_last_index_entry += b.size as u64;
        Ok(())
    }

    /// Appends `records` (batches with offsets already assigned, described by `batches`) at
    /// the end of the `.log`, then indexes them. The descriptor written through stays open
    /// until a flush fsyncs it.
    /// Appends `records`, whose batches `batches` describes, at the end of the `.log` and
    /// indexes them. `heads`, unless empty, holds each batch's header as it is to be written
    /// (offsets assigned) in place of the one in `records`.
    pub(crate) fn append(
        &mut self,
        records: &[u8],
        heads: &[[u8; RECORD_BATCH_HEADER_SIZE]],
        batches: &[BatchInfo],
    ) -> Result<()> {
        let (Some(first), Some(last)) = (batches.first(), batches.last()) else {
            return Ok(());
        };
        assert!(
            heads.is_empty() || heads.len() == batches.len(),
            "{} headers for {} batches",
            heads.len(),
            batches.len()
        );
        assert!(
            first.base_offset >= self.next_offset,
            "append at {} below segment end {}",
            first.base_offset,
            self.next_offset
        );
        assert!(self.offset_index.can_append_offset(last.last_offset));
        assert_eq!(
            batches.iter().map(|b| b.size).sum::<usize>(),
            records.len(),
            "batches do not cover the record set"
        );
        for (i, b) in batches.iter().enumerate() {
            // Each batch starts where the caller says, with the offset it was given.
            let at = b.position_in_set;
            assert!(
                b.size >= RECORD_BATCH_HEADER_SIZE && at + b.size <= records.len(),
                "batch at {at} of {} bytes outside the record set",
                b.size
            );
            let head = heads.get(i).map_or(&records[at..], |h| &h[..]);
            let stored = head.first_chunk::<8>().map(|b| i64::from_be_bytes(*b));
            assert_eq!(
                stored,
                Some(b.base_offset.0),
                "batch at {at} has another offset"
            );
        }
        let new_size = self.size + records.len() as u64;
        assert!(new_size <= SEGMENT_BYTES_MAX, "segment would exceed 2 GiB");
        let file = self.log_file()?;
        if heads.is_empty() {
            file.write_all_at(records, self.size)
        } else {
            write_batches_at(&file, records, heads, batches, self.size)
        }
        .io("write", &self.log_path)?;
        self.log_written(file);
        for b in batches {
            let position = self.size + b.position_in_set as u64;
            self.index_batch(position as u32, b)?;
        }
        self.size = new_size;
        self.next_offset = last.last_offset.plus(1);
        assert!(
            self.next_offset > first.base_offset,
            "segment end did not move"
        );
        Ok(())
    }

    /// Removes every batch whose last offset is at or after `offset`. Returns bytes removed.
    pub fn truncate_to(&mut self, offset: Offset) -> Result<u64> {
        let view = self.read_view(offset)?;
        let Some((position, header)) = view.find_batch(offset)? else {
            self.txn_index.truncate_to(offset)?;
            return Ok(0);
        };
        self.offset_index.truncate_to(offset)?;
        self.time_index.truncate_to(offset)?;
        self.txn_index.truncate_to(offset)?;
        view.file.set_len(position).io("truncate", &self.log_path)?;
        self.log_written(Arc::clone(&view.file));
        let removed = self.size - position;
        self.size = position;
        self.after_truncation(position, Offset(header.base_offset))?;
        self.bytes_since_last_index_entry = 0;
        assert!(
            self.next_offset <= offset.max(self.base_offset),
            "truncation to {offset} left the segment ending at {}",
            self.next_offset
        );
        Ok(removed)
    }

    /// Recomputes what truncation at file `position` (where the batch starting at `base`
    /// began) changed: the next offset is the end of the last batch kept (an earlier gap
    /// stays a gap), and the newest timestamp is the time index's last entry or a newer one
    /// among the batches after it (Kafka's `readLargestTimestamp`). Both come from batch
    /// headers read from the earlier of the two index entries that bound them.
    fn after_truncation(&mut self, position: u64, base: Offset) -> Result<()> {
        let newest_indexed = self.time_index.last_entry();
        let (mut max_timestamp, mut offset_of_max_timestamp) =
            newest_indexed.unwrap_or((Timestamp::NONE, self.base_offset));
        let (_, after_time_entry) = self.offset_index.lookup(offset_of_max_timestamp);
        let (_, before_base) = self.offset_index.lookup(Offset(base.0 - 1));
        let mut at = u64::from(after_time_entry.min(before_base));
        let mut next_offset = self.base_offset;
        let mut head = [0u8; RECORD_BATCH_HEADER_SIZE];
        let file = self.log_file()?;
        while at < position {
            let n = read_fully_at(&file, &mut head, at).io("read", &self.log_path)?;
            let h = RecordBatchHeader::parse(&head[..n]).map_err(|source| {
                StorageError::CorruptRecord {
                    batch_index: 0,
                    source,
                }
            })?;
            next_offset = Offset(h.next_offset());
            if h.max_timestamp > max_timestamp.0 {
                max_timestamp = Timestamp(h.max_timestamp);
                offset_of_max_timestamp = Offset(h.last_offset());
            }
            at += h.total_size() as u64;
        }
        assert_eq!(at, position, "batches before {position} do not end there");
        self.next_offset = next_offset;
        self.max_timestamp = max_timestamp;
        self.offset_of_max_timestamp = offset_of_max_timestamp;
        Ok(())
    }

    /// Called when the segment stops taking appends: records the newest timestamp in the
    /// time index (so it survives a reopen) and writes both indexes out of memory to their
    /// files, which the next flush fsyncs.
    pub fn on_become_inactive(&mut self) -> Result<()> {
        if self.max_timestamp != Timestamp::NONE && self.time_index.is_loaded() {
            self.time_index
                .maybe_append(self.max_timestamp, self.offset_of_max_timestamp, true)?;
        }
        if let Some(written) = self.offset_index.write_out()? {
            self.unflushed.push(written);
        }
        if let Some(written) = self.time_index.write_out()? {
            self.unflushed.push(written);
        }
        Ok(())
    }

    /// Brings the indexes into memory so appends can extend them (the segment became the
    /// active one).
    pub fn on_become_active(&mut self) -> Result<()> {
        self.offset_index.load()?;
        self.time_index.load()
    }

    /// Fsyncs the `.log` and every index file.
    pub fn flush(&self) -> Result<()> {
        crate::fsync::sync_data(&*self.log_file()?, &self.log_path)?;
        self.offset_index.flush()?;
        self.time_index.flush()?;
        self.txn_index.flush()
    }

    /// Renames the segment's files from the current suffix to `suffix`, index files first so
    /// that the `.log`'s rename is the step that commits the change. Open descriptors stay
    /// valid: they name the files, not the paths.
    pub fn change_suffix(&mut self, suffix: &'static str) -> Result<()> {
        let (dir, base) = (self.dir.clone(), self.base_offset);
        self.offset_index
            .rename(file_path(&dir, base, INDEX_FILE_SUFFIX, suffix))?;
        self.time_index
            .rename(file_path(&dir, base, TIME_INDEX_FILE_SUFFIX, suffix))?;
        self.txn_index
            .rename(file_path(&dir, base, TXN_INDEX_FILE_SUFFIX, suffix))?;
        let to = file_path(&dir, base, LOG_FILE_SUFFIX, suffix);
        fs::rename(&self.log_path, &to).io("rename", &self.log_path)?;
        self.log_path = to;
        self.suffix = suffix;
        // `unflushed` keeps the old paths: they only name the files in error messages.
        Ok(())
    }

    /// Deletes the segment's files: renamed to `.deleted` first, so that a crash part way
    /// leaves names recovery knows to remove. Its cached descriptors are closed.
    pub fn delete_files(mut self) -> Result<()> {
        self.files.forget_segment(self.id);
        self.change_suffix(DELETED_FILE_SUFFIX)?;
        for path in [
            self.log_path.clone(),
            self.offset_index.path().to_path_buf(),
            self.time_index.path().to_path_buf(),
            self.txn_index.path().to_path_buf(),
        ] {
            match fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).io("delete", &path);
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A view for reading from `target` on, to use after the log's lock is released.
    pub(crate) fn read_view(&self, target: Offset) -> Result<SegmentReadView> {
        Ok(SegmentReadView {
            file: self.log_file()?,
            path: self.log_path.clone(),
            base_offset: self.base_offset,
            lookup: self.offset_index.lookup_later(target)?,
            size: self.size,
            next_offset: self.next_offset,
        })
    }

    /// The descriptors written through since the last call (the `.log`, indexes written out,
    /// the `.txnindex`, and a recovered `.log`, opened for the purpose), for a flush to
    /// fsync; the segment lets go of them.
    pub(crate) fn take_unflushed(&mut self) -> Result<Vec<(Arc<File>, PathBuf)>> {
        let recovered = if self.log_sync_by_path && !self.log_unflushed {
            Some((self.log_file()?, self.log_path.clone()))
        } else {
            None
        };
        self.log_sync_by_path = false;
        self.log_unflushed = false;
        let mut out = std::mem::take(&mut self.unflushed);
        out.extend(recovered);
        out.extend(self.txn_index.take_unflushed());
        Ok(out)
    }

    /// Whether an append of `records_len` bytes ending at `last_offset` must go to a new
    /// segment, given the roll settings and the time now.
    pub fn should_roll(
        &self,
        config: &LogConfig,
        records_len: usize,
        last_offset: Offset,
        now: Timestamp,
    ) -> bool {
        if self.size == 0 {
            return !self.offset_index.can_append_offset(last_offset);
        }
        self.size + records_len as u64 > config.segment_bytes
            || config
                .segment_ms
                .is_some_and(|ms| now.0.saturating_sub(self.created_at.0) > ms)
            || self.offset_index.is_full()
            || self.time_index.is_full()
            || !self.offset_index.can_append_offset(last_offset)
    }

    pub fn id(&self) -> u64 {
        self.id
    }
    pub fn base_offset(&self) -> Offset {
        self.base_offset
    }
    pub fn size(&self) -> u64 {
        self.size
    }
    /// The offset after the last batch (the base offset if empty).
    pub fn next_offset(&self) -> Offset {
        self.next_offset
    }
    /// The newest batch timestamp in the segment, or none if it has no timestamps.
    pub fn max_timestamp(&self) -> Timestamp {
        self.max_timestamp
    }
    /// The last offset of the batch that carries [`LogSegment::max_timestamp`].
    pub fn offset_of_max_timestamp(&self) -> Offset {
        self.offset_of_max_timestamp
    }
    pub fn created_at(&self) -> Timestamp {
        self.created_at
    }
    pub fn log_path(&self) -> &Path {
        &self.log_path
    }
    pub fn dir(&self) -> &Path {
        &self.dir
    }
    pub fn time_index(&self) -> &TimeIndex {
        &self.time_index
    }
    pub fn offset_index(&self) -> &OffsetIndex {
        &self.offset_index
    }
    pub fn txn_index(&self) -> &TransactionIndex {
        &self.txn_index
    }
    pub(crate) fn txn_index_mut(&mut self) -> &mut TransactionIndex {
        &mut self.txn_index
    }
    /// Whether the `.txnindex` failed its sanity check when the segment was opened.
    pub(crate) fn txn_index_damaged(&self) -> bool {
        self.txn_index_damaged
    }
    pub(crate) fn mark_txn_index_rebuilt(&mut self) {
        self.txn_index_damaged = false;
    }
}
