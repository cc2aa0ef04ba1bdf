//! The durable Raft log and vote of one quorum member.
//!
//! Two files in the quorum directory, both made of [`super::frame_file`] frames (`length u32
//! BE | crc32c u32 BE | JSON payload`):
//!
//! - `raft.log`, append-only. Each frame's payload is one JSON object, one of:
//!   - `{"entry": E, "append": P}`: a Raft log entry, `E` being openraft's `Entry` in its
//!     serde form (`{"log_id": {"leader_id": {"term": T, "node_id": N}, "index": I},
//!     "payload": ...}`, the payload `"Blank"`, `{"Normal": {"records": [...]}}` with the
//!     metadata records of [`crate::record`], or `{"Membership": ...}`), and `P` the byte
//!     offset where the first frame of the append that wrote it starts. `"append"` is absent
//!     from entries the purge rewrite wrote (below) and from logs written before it existed;
//!   - `{"purged": L}`: every entry up to and including log id `L` was removed behind a
//!     snapshot. Only ever the first frame.
//!
//!   Entries follow each other with consecutive indexes; where the first one starts is
//!   openraft's to decide (right after the purged log id, in practice). An append writes its
//!   entries' frames and fsyncs once, before Raft hears of them and before the next append
//!   starts; `"append"` lets the open tell a crash during the last append (any of its frames
//!   missing, even one before a whole one) from damage (see [`super::frame_file`]).
//!   A conflicting suffix is removed by truncating the file at the first removed entry
//!   (fsync'd). Purging rewrites the file: a `purged` frame then the entries kept, to a
//!   temporary file that is fsync'd and renamed over the log. The log only ever holds what
//!   lies between two snapshots (plus the entries kept behind one), so the rewrite is small.
//! - `vote`, one frame replaced whole on each change: `{"vote": V}`, openraft's `Vote`
//!   (`{"leader_id": {"term": T, "node_id": N}, "committed": bool}`).
//!
//! Opening reads both back. A torn last append of `raft.log` is truncated (it was never
//! acknowledged); any other damage, or entries out of order, refuses to open, naming the file
//! and byte offset. Entries are kept in memory between snapshots: the same bound that keeps
//! the purge rewrite small keeps this small. Once a write or fsync fails the store takes no
//! more writes (after a failed fsync the kernel may have dropped the pages, and a retry could
//! report as durable what never reached the disk).

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::fs::File;
use std::ops::RangeBounds;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use openraft::storage::{LogFlushed, LogState, RaftLogStorage};
use openraft::{AnyError, RaftLogReader, StorageIOError};
use serde::{Deserialize, Serialize};

use super::frame_file::{self, FrameError};
use super::{MetadataRaftConfig, RaftEntry, RaftLogId, RaftStorageError, RaftVote};

/// File name of the Raft log inside the quorum directory.
pub const RAFT_LOG_FILE: &str = "raft.log";
/// File name of the vote inside the quorum directory.
pub const VOTE_FILE: &str = "vote";
/// Largest vote frame: a vote is a few dozen bytes.
const VOTE_BYTES_MAX: usize = 4096;

/// One frame of `raft.log`: an entry (with the offset of its append's first frame, when
/// known) or a purge marker; which fields a frame holds is checked when it is read.
#[derive(Serialize, Deserialize, Default)]
struct LogFrame {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entry: Option<RaftEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purged: Option<RaftLogId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    append: Option<u64>,
}

/// What a read frame of `raft.log` holds.
enum ReadFrame {
    Entry(RaftEntry),
    Purged(RaftLogId),
}

impl LogFrame {
    fn entry(entry: RaftEntry, append: Option<u64>) -> LogFrame {
        LogFrame {
            entry: Some(entry),
            append,
            ..LogFrame::default()
        }
    }

    fn purged(log_id: RaftLogId) -> LogFrame {
        LogFrame {
            purged: Some(log_id),
            ..LogFrame::default()
        }
    }

    fn decode(payload: &[u8]) -> Result<ReadFrame, String> {
        let frame: LogFrame = serde_json::from_slice(payload).map_err(|e| e.to_string())?;
        match (frame.entry, frame.purged, frame.append) {
            (Some(entry), None, _) => Ok(ReadFrame::Entry(entry)),
            (None, Some(log_id), None) => Ok(ReadFrame::Purged(log_id)),
            _ => Err("a frame that is neither one entry nor one purge marker".into()),
        }
    }
}

/// The append a `raft.log` frame's payload names, if it names one.
fn append_of(payload: &[u8]) -> Option<u64> {
    #[derive(Deserialize)]
    struct AppendOnly {
        append: Option<u64>,
    }
    serde_json::from_slice::<AppendOnly>(payload).ok()?.append
}

/// The vote file's payload.
#[derive(Serialize, Deserialize)]
struct VoteFrame {
    vote: RaftVote,
}

/// An entry in memory, with where its frame starts in `raft.log`.
struct StoredEntry {
    entry: RaftEntry,
    position: u64,
    frame_bytes: usize,
}

struct LogFiles {
    dir: PathBuf,
    log_path: PathBuf,
    file: File,
    end: u64,
    entries: BTreeMap<u64, StoredEntry>,
    last_purged: Option<RaftLogId>,
    vote: Option<RaftVote>,
    /// Why writes are refused, once one failed.
    failed: Option<String>,
    entry_bytes_max: usize,
}

/// The durable log and vote; clones share them (openraft reads through a clone while
/// another task appends).
#[derive(Clone)]
pub struct RaftLogStore {
    files: Arc<Mutex<LogFiles>>,
    /// Bytes of entries one read for replication returns at most (always at least one entry).
    append_bytes_max: usize,
}

impl Debug for RaftLogStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files = lock(&self.files);
        f.debug_struct("RaftLogStore")
            .field("dir", &files.dir)
            .field("entries", &files.entries.len())
            .field("last_purged", &files.last_purged)
            .finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every update leaves the state consistent before it can panic, so a poisoned lock's data
    // is still whole.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl RaftLogStore {
    /// Opens (or creates) the log and vote in `dir`. `entry_bytes_max` bounds one entry's
    /// payload; `append_bytes_max` bounds one replication read.
    pub fn open(
        dir: &Path,
        entry_bytes_max: usize,
        append_bytes_max: usize,
    ) -> Result<RaftLogStore, FrameError> {
        if !dir.exists() {
            std::fs::create_dir_all(dir).map_err(frame_file::io_error("create dir", dir))?;
            // The new directory's entry in the data directory must survive a crash too.
            frame_file::sync_dir(dir)?;
        }
        let log_path = dir.join(RAFT_LOG_FILE);
        let mut entries: BTreeMap<u64, StoredEntry> = BTreeMap::new();
        let mut last_purged = None;
        let visit = |position: u64, p: &[u8]| {
            match LogFrame::decode(p)? {
                ReadFrame::Purged(log_id) if position == 0 => last_purged = Some(log_id),
                ReadFrame::Purged(_) => return Err("a purge marker after the first frame".into()),
                ReadFrame::Entry(entry) => {
                    let expected = entries.last_key_value().map(|(i, _)| i + 1);
                    let index = entry.log_id.index;
                    if expected.is_some_and(|e| e != index) {
                        return Err(format!("entry {index} where {expected:?} belongs"));
                    }
                    let frame_bytes = frame_file::FRAME_HEADER_BYTES + p.len();
                    let stored = StoredEntry {
                        entry,
                        position,
                        frame_bytes,
                    };
                    entries.insert(index, stored);
                }
            }
            Ok(())
        };
        let (file, end) = frame_file::scan_frames(&log_path, entry_bytes_max, visit, append_of)?;
        frame_file::sync_dir(&log_path)?;
        let vote = read_vote_file(&dir.join(VOTE_FILE))?;
        tracing::info!(dir = %dir.display(), entries = entries.len(), ?last_purged, ?vote,
            "opened the raft log");
        let files = LogFiles {
            dir: dir.to_path_buf(),
            log_path,
            file,
            end,
            entries,
            last_purged,
            vote,
            failed: None,
            entry_bytes_max,
        };
        Ok(RaftLogStore {
            files: Arc::new(Mutex::new(files)),
            append_bytes_max,
        })
    }

    /// The purged and last log ids.
    pub fn log_state(&self) -> (Option<RaftLogId>, Option<RaftLogId>) {
        let files = lock(&self.files);
        let last = files
            .entries
            .last_key_value()
            .map(|(_, e)| e.entry.log_id)
            .or(files.last_purged);
        (files.last_purged, last)
    }

    pub fn vote(&self) -> Option<RaftVote> {
        lock(&self.files).vote
    }

    /// Entries with indexes in `range`, in order.
    pub fn entries(&self, range: impl RangeBounds<u64>) -> Vec<RaftEntry> {
        let files = lock(&self.files);
        files
            .entries
            .range(range)
            .map(|(_, e)| e.entry.clone())
            .collect()
    }

    /// Entries from `start` below `end`, no more than `append_bytes_max` of frames (but at
    /// least one when there is one); none when the entry at `start` is not in the log.
    ///
    /// openraft sends what this returns as the entries right after `start - 1`. A
    /// replication task of a leadership this node has lost can still run for a moment and
    /// read after the log was purged behind a snapshot: the entries from a later index would
    /// then go out as if they followed `start - 1`, and a follower that took them would hold
    /// a log with a hole (our append refuses it with a panic that stops its Raft). Nothing is
    /// better: openraft then sends a heartbeat.
    fn limited_entries(&self, start: u64, end: u64) -> Vec<RaftEntry> {
        let files = lock(&self.files);
        if !files.entries.contains_key(&start) {
            return Vec::new();
        }
        let mut bytes = 0usize;
        let mut out: Vec<RaftEntry> = Vec::new();
        for (_, stored) in files.entries.range(start..end) {
            bytes += stored.frame_bytes;
            if !out.is_empty() && bytes > self.append_bytes_max {
                break;
            }
            out.push(stored.entry.clone());
        }
        assert!(
            out.iter()
                .enumerate()
                .all(|(i, e)| e.log_id.index == start + i as u64),
            "entries read for replication from {start} are not consecutive from it"
        );
        out
    }

    /// Writes `vote` durably (blocking).
    pub fn save_vote_blocking(&self, vote: &RaftVote) -> Result<(), FrameError> {
        let mut files = lock(&self.files);
        let path = files.dir.join(VOTE_FILE);
        check_usable(&files, &path)?;
        let payload = serde_json::to_vec(&VoteFrame { vote: *vote }).expect("a vote serializes");
        let frame = frame_file::encode_frame(&path, &payload, VOTE_BYTES_MAX)?;
        if let Err(e) = frame_file::write_atomically(&path, &frame) {
            files.failed = Some(e.to_string());
            return Err(e);
        }
        files.vote = Some(*vote);
        Ok(())
    }

    /// Appends `entries` (which must continue the log) and fsyncs them (blocking).
    pub fn append_blocking(&self, entries: Vec<RaftEntry>) -> Result<(), FrameError> {
        let mut files = lock(&self.files);
        let path = files.log_path.clone();
        check_usable(&files, &path)?;
        let mut bytes = Vec::new();
        let mut stored = Vec::with_capacity(entries.len());
        let mut next = files.entries.last_key_value().map(|(i, _)| i + 1);
        let append = files.end;
        for entry in entries {
            let index = entry.log_id.index;
            assert!(
                next.is_none_or(|n| n == index),
                "append of entry {index} after {next:?}: the log must stay contiguous"
            );
            next = Some(index + 1);
            let payload = serde_json::to_vec(&LogFrame::entry(entry.clone(), Some(append)))
                .expect("an entry serializes");
            let frame = frame_file::encode_frame(&path, &payload, files.entry_bytes_max)?;
            let position = files.end + bytes.len() as u64;
            let frame_bytes = frame.len();
            bytes.extend_from_slice(&frame);
            stored.push(StoredEntry {
                entry,
                position,
                frame_bytes,
            });
        }
        let end = files.end;
        match frame_file::append_and_sync(&mut files.file, &path, end, &bytes) {
            Ok(new_end) => files.end = new_end,
            Err(e) => {
                files.failed = Some(e.to_string());
                return Err(e);
            }
        }
        for s in stored {
            files.entries.insert(s.entry.log_id.index, s);
        }
        Ok(())
    }

    /// Removes entries at `index` and after (a conflicting suffix), durably (blocking).
    pub fn truncate_blocking(&self, index: u64) -> Result<(), FrameError> {
        let mut files = lock(&self.files);
        let path = files.log_path.clone();
        check_usable(&files, &path)?;
        let Some(cut) = files.entries.range(index..).next().map(|(_, e)| e.position) else {
            return Ok(());
        };
        let result = files
            .file
            .set_len(cut)
            .and_then(|()| files.file.sync_data())
            .map_err(frame_file::io_error("truncate", &path));
        if let Err(e) = result {
            files.failed = Some(e.to_string());
            return Err(e);
        }
        files.end = cut;
        files.entries.split_off(&index);
        Ok(())
    }

    /// Removes every entry up to and including `log_id`, durably (blocking): the log is
    /// rewritten as a purge marker and the entries kept.
    pub fn purge_blocking(&self, log_id: RaftLogId) -> Result<(), FrameError> {
        let mut files = lock(&self.files);
        let path = files.log_path.clone();
        check_usable(&files, &path)?;
        assert!(
            files.last_purged.is_none_or(|p| p.index <= log_id.index),
            "purge to {log_id} behind the last purge {:?}",
            files.last_purged
        );
        if let Err(e) = rewrite_purged(&mut files, log_id) {
            files.failed = Some(e.to_string());
            return Err(e);
        }
        Ok(())
    }
}

fn check_usable(files: &LogFiles, path: &Path) -> Result<(), FrameError> {
    match &files.failed {
        Some(reason) => Err(FrameError::Io {
            op: "write (the store failed earlier)",
            path: path.to_path_buf(),
            source: std::io::Error::other(reason.clone()),
        }),
        None => Ok(()),
    }
}

fn rewrite_purged(files: &mut LogFiles, log_id: RaftLogId) -> Result<(), FrameError> {
    let path = files.log_path.clone();
    let kept = files.entries.split_off(&(log_id.index + 1));
    let marker = serde_json::to_vec(&LogFrame::purged(log_id)).expect("a log id serializes");
    let mut bytes = frame_file::encode_frame(&path, &marker, files.entry_bytes_max)?;
    let mut entries = BTreeMap::new();
    for (index, stored) in kept {
        // No append named: the rewrite is fsync'd whole before it replaces the log, so a bad
        // frame in it is damage, never a torn append.
        let payload =
            serde_json::to_vec(&LogFrame::entry(stored.entry.clone(), None)).expect("serializes");
        let frame = frame_file::encode_frame(&path, &payload, files.entry_bytes_max)?;
        let position = bytes.len() as u64;
        bytes.extend_from_slice(&frame);
        let stored = StoredEntry {
            position,
            frame_bytes: frame.len(),
            ..stored
        };
        entries.insert(index, stored);
    }
    frame_file::write_atomically(&path, &bytes)?;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .open(&path)
        .map_err(frame_file::io_error("open", &path))?;
    files.file = file;
    files.end = bytes.len() as u64;
    files.entries = entries;
    files.last_purged = Some(log_id);
    Ok(())
}

fn read_vote_file(path: &Path) -> Result<Option<RaftVote>, FrameError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(frame_file::io_error("read", path)(e)),
    };
    let payload = frame_file::decode_single_frame(path, &bytes, VOTE_BYTES_MAX)?;
    let frame: VoteFrame = serde_json::from_slice(payload).map_err(|e| FrameError::Corrupt {
        path: path.to_path_buf(),
        position: frame_file::FRAME_HEADER_BYTES as u64,
        reason: format!("the vote does not decode: {e}"),
    })?;
    Ok(Some(frame.vote))
}

fn write_logs_error(e: &FrameError) -> RaftStorageError {
    StorageIOError::write_logs(AnyError::new(e)).into()
}

impl RaftLogReader<MetadataRaftConfig> for RaftLogStore {
    async fn try_get_log_entries<RB: RangeBounds<u64> + Clone + Debug + Send>(
        &mut self,
        range: RB,
    ) -> Result<Vec<RaftEntry>, RaftStorageError> {
        Ok(self.entries(range))
    }

    async fn limited_get_log_entries(
        &mut self,
        start: u64,
        end: u64,
    ) -> Result<Vec<RaftEntry>, RaftStorageError> {
        Ok(self.limited_entries(start, end))
    }
}

impl RaftLogStorage<MetadataRaftConfig> for RaftLogStore {
    type LogReader = RaftLogStore;

    async fn get_log_state(&mut self) -> Result<LogState<MetadataRaftConfig>, RaftStorageError> {
        let (last_purged_log_id, last_log_id) = self.log_state();
        Ok(LogState {
            last_purged_log_id,
            last_log_id,
        })
    }

    async fn get_log_reader(&mut self) -> Self::LogReader {
        self.clone()
    }

    async fn save_vote(&mut self, vote: &RaftVote) -> Result<(), RaftStorageError> {
        let (store, vote) = (self.clone(), *vote);
        frame_file::run_blocking("saving the vote", move || store.save_vote_blocking(&vote))
            .await
            .map_err(|e| StorageIOError::write_vote(AnyError::new(&e)).into())
    }

    async fn read_vote(&mut self) -> Result<Option<RaftVote>, RaftStorageError> {
        Ok(self.vote())
    }

    async fn append<I>(
        &mut self,
        entries: I,
        callback: LogFlushed<MetadataRaftConfig>,
    ) -> Result<(), RaftStorageError>
    where
        I: IntoIterator<Item = RaftEntry> + Send,
        I::IntoIter: Send,
    {
        let entries: Vec<RaftEntry> = entries.into_iter().collect();
        let store = self.clone();
        match frame_file::run_blocking("appending to the raft log", move || {
            store.append_blocking(entries)
        })
        .await
        {
            Ok(()) => {
                callback.log_io_completed(Ok(()));
                Ok(())
            }
            Err(e) => {
                callback.log_io_completed(Err(std::io::Error::other(e.to_string())));
                Err(write_logs_error(&e))
            }
        }
    }

    async fn truncate(&mut self, log_id: RaftLogId) -> Result<(), RaftStorageError> {
        let store = self.clone();
        frame_file::run_blocking("truncating the raft log", move || {
            store.truncate_blocking(log_id.index)
        })
        .await
        .map_err(|e| write_logs_error(&e))
    }

    async fn purge(&mut self, log_id: RaftLogId) -> Result<(), RaftStorageError> {
        let store = self.clone();
        frame_file::run_blocking("purging the raft log", move || store.purge_blocking(log_id))
            .await
            .map_err(|e| write_logs_error(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quorum::MetadataCommit;
    use crate::record::{MetadataRecord, ProducerIdsRecord};
    use openraft::{CommittedLeaderId, EntryPayload, LogId};

    const ENTRY_MAX: usize = 1024 * 1024;

    fn entry(term: u64, index: u64) -> RaftEntry {
        let record = MetadataRecord::ProducerIds(ProducerIdsRecord {
            next_producer_id: index as i64,
        });
        RaftEntry {
            log_id: LogId::new(CommittedLeaderId::new(term, 1), index),
            payload: EntryPayload::Normal(MetadataCommit {
                records: vec![record],
            }),
        }
    }

    fn indexes(store: &RaftLogStore) -> Vec<u64> {
        store.entries(..).iter().map(|e| e.log_id.index).collect()
    }

    #[test]
    fn entries_vote_truncation_and_purge_survive_reopening() {
        // What was appended, voted, truncated and purged is exactly what a reopened store
        // holds.
        let dir = tempfile::tempdir().unwrap();
        {
            let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
            store
                .append_blocking((0..6).map(|i| entry(1, i)).collect())
                .unwrap();
            store.truncate_blocking(4).unwrap();
            store.append_blocking(vec![entry(2, 4)]).unwrap();
            store.purge_blocking(entry(1, 1).log_id).unwrap();
            store.append_blocking(vec![entry(2, 5)]).unwrap();
            store
                .save_vote_blocking(&RaftVote::new_committed(2, 3))
                .unwrap();
        }
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
        assert_eq!(indexes(&store), vec![2, 3, 4, 5]);
        assert_eq!(store.entries(4..5)[0].log_id.leader_id.term, 2);
        let (purged, last) = store.log_state();
        assert_eq!(purged.map(|l| l.index), Some(1));
        assert_eq!(last.map(|l| l.index), Some(5));
        assert_eq!(store.vote(), Some(RaftVote::new_committed(2, 3)));
    }

    #[test]
    fn a_purge_past_the_end_leaves_an_empty_log_that_continues_after_it() {
        // After installing a snapshot beyond the log's end the log is empty, remembers the
        // purged id across a reopen, and the next entry follows it.
        let dir = tempfile::tempdir().unwrap();
        {
            let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
            store.append_blocking(vec![entry(1, 0)]).unwrap();
            store.purge_blocking(entry(3, 9).log_id).unwrap();
        }
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
        assert_eq!(
            store.log_state(),
            (Some(entry(3, 9).log_id), Some(entry(3, 9).log_id))
        );
        store.append_blocking(vec![entry(3, 10)]).unwrap();
        assert_eq!(indexes(&store), vec![10]);
    }

    #[test]
    fn a_torn_final_entry_is_truncated_on_open() {
        // Half an entry after the last whole one (a crash mid-append) is cut off; the whole
        // entries remain and appends continue after them.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(RAFT_LOG_FILE);
        {
            let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
            store
                .append_blocking(vec![entry(1, 0), entry(1, 1)])
                .unwrap();
        }
        let whole = std::fs::read(&path).unwrap();
        let append = Some(whole.len() as u64);
        let payload = serde_json::to_vec(&LogFrame::entry(entry(1, 2), append)).unwrap();
        let frame = frame_file::encode_frame(&path, &payload, ENTRY_MAX).unwrap();
        let mut torn = whole.clone();
        torn.extend_from_slice(&frame[..frame.len() / 2]);
        std::fs::write(&path, &torn).unwrap();
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
        assert_eq!(indexes(&store), vec![0, 1]);
        assert_eq!(std::fs::read(&path).unwrap(), whole);
        store.append_blocking(vec![entry(1, 2)]).unwrap();
        drop(store);
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
        assert_eq!(indexes(&store), vec![0, 1, 2]);
    }

    #[test]
    fn a_corrupt_entry_before_the_tail_refuses_to_open_naming_file_and_offset() {
        // A damaged byte in the second entry, with an entry of a later append after it, is
        // not a crash's doing (that append began after the first was fsync'd): opening fails
        // with the log's path and the damaged entry's offset, and the file is untouched.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(RAFT_LOG_FILE);
        {
            let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
            store
                .append_blocking(vec![entry(1, 0), entry(1, 1)])
                .unwrap();
            store.append_blocking(vec![entry(1, 2)]).unwrap();
        }
        let second = lock(
            &RaftLogStore::open(dir.path(), ENTRY_MAX, 1024)
                .unwrap()
                .files,
        )
        .entries[&1]
            .position;
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[second as usize + 20] ^= 0x55;
        std::fs::write(&path, &bytes).unwrap();
        let err = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap_err();
        let message = err.to_string();
        assert!(
            matches!(err, FrameError::Corrupt { position, .. } if position == second),
            "{message}"
        );
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains(&format!("byte {second}")), "{message}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn a_crash_that_kept_a_later_frame_of_the_last_append_but_not_an_earlier_one_reopens() {
        // The pages of one append reach the disk in any order until its fsync: a crash kept
        // the third entry's frame but not the second's (zeros). None of that append was
        // acknowledged, so the log reopens with what precedes the hole, and appends go on.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(RAFT_LOG_FILE);
        {
            let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
            store.append_blocking(vec![entry(1, 0)]).unwrap();
            store
                .append_blocking(vec![entry(1, 1), entry(1, 2), entry(1, 3)])
                .unwrap();
        }
        let (second, second_len) = {
            let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
            let files = lock(&store.files);
            (files.entries[&2].position, files.entries[&2].frame_bytes)
        };
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[second as usize..second as usize + second_len].fill(0);
        std::fs::write(&path, &bytes).unwrap();
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
        assert_eq!(indexes(&store), vec![0, 1]);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), second);
        store.append_blocking(vec![entry(1, 2)]).unwrap();
        drop(store);
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
        assert_eq!(indexes(&store), vec![0, 1, 2]);
    }

    #[test]
    fn a_log_written_before_appends_were_named_opens_and_stays_strict() {
        // Frames without "append" (the format before it) read back as before; a bad frame
        // followed by one of them is still refused.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(RAFT_LOG_FILE);
        let old_frame = |index: u64| {
            let payload = serde_json::json!({ "entry": entry(1, index) }).to_string();
            frame_file::encode_frame(&path, payload.as_bytes(), ENTRY_MAX).unwrap()
        };
        let bytes: Vec<u8> = (0..3).flat_map(old_frame).collect();
        std::fs::write(&path, &bytes).unwrap();
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
        assert_eq!(indexes(&store), vec![0, 1, 2]);
        drop(store);
        let mut damaged = bytes.clone();
        damaged[old_frame(0).len() + 12] ^= 0x20;
        std::fs::write(&path, &damaged).unwrap();
        assert!(matches!(
            RaftLogStore::open(dir.path(), ENTRY_MAX, 1024),
            Err(FrameError::Corrupt { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), damaged);
    }

    #[test]
    fn replication_reads_are_bounded_by_bytes_but_never_empty() {
        // A read for replication stops before passing append_bytes_max, yet returns one
        // entry even when that entry alone is larger.
        let dir = tempfile::tempdir().unwrap();
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1).unwrap();
        store
            .append_blocking((0..4).map(|i| entry(1, i)).collect())
            .unwrap();
        assert_eq!(store.limited_entries(0, 4).len(), 1);
        let roomy = RaftLogStore {
            append_bytes_max: 1 << 20,
            ..store.clone()
        };
        assert_eq!(roomy.limited_entries(1, 4).len(), 3);
    }

    #[test]
    fn a_replication_read_from_a_purged_index_returns_nothing() {
        // Entries asked for from an index purged behind a snapshot are not answered with the
        // entries after the purge, which a follower would take as following the index before.
        let dir = tempfile::tempdir().unwrap();
        let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1 << 20).unwrap();
        store
            .append_blocking((0..6).map(|i| entry(1, i)).collect())
            .unwrap();
        store.purge_blocking(entry(1, 3).log_id).unwrap();
        assert!(store.limited_entries(2, 6).is_empty());
        let from_four: Vec<u64> = store
            .limited_entries(4, 6)
            .iter()
            .map(|e| e.log_id.index)
            .collect();
        assert_eq!(from_four, vec![4, 5]);
    }

    #[test]
    fn a_damaged_vote_refuses_to_open_naming_the_file() {
        // The vote is replaced whole, so it is never torn: a damaged one is refused (naming
        // the vote file) rather than read as no vote, which could let this node vote twice
        // in one term.
        let dir = tempfile::tempdir().unwrap();
        {
            let store = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap();
            store.save_vote_blocking(&RaftVote::new(4, 2)).unwrap();
        }
        let path = dir.path().join(VOTE_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x20;
        std::fs::write(&path, &bytes).unwrap();
        let err = RaftLogStore::open(dir.path(), ENTRY_MAX, 1024).unwrap_err();
        assert!(matches!(err, FrameError::Corrupt { .. }), "{err}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
    }
}
