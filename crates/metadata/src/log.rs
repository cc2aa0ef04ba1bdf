//! The local metadata log: one append-only file of [`MetadataRecord`]s.
//!
//! On disk each entry is `length: u32 BE | crc32c(payload): u32 BE | payload`. The payload
//! is JSON: a single record as an object, or the records of one commit as an array of
//! objects. A commit is always one entry, so it reaches the disk whole or not at all; logs
//! written before commits were grouped hold only single-record entries and read the same way.
//!
//! Every append is fsync'd before anyone learns of it, so a crash can tear only the final
//! entry, and nothing in a torn entry was acknowledged: opening the log truncates it. Damage
//! anywhere else is not a crash's doing, and the log refuses to open, naming the file and the
//! byte offset, rather than drop the entries after the damage (they were committed, and the
//! broker would otherwise forget their topics). An entry counts as the final one when no
//! valid entry starts anywhere after it.
//!
//! Opening streams the file: one entry is in memory at a time (at most [`ENTRY_BYTES_MAX`]),
//! handed to the caller as it is read. A failed write or fsync leaves the log failed: every
//! later append is refused, because after a failed fsync the kernel may have dropped the
//! dirty pages, and retrying would report as durable what may never reach the disk.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{MetadataError, Result};
use crate::record::MetadataRecord;

/// Bytes of an entry's header (length and CRC).
const ENTRY_HEADER_BYTES: usize = 8;
/// The largest entry the log writes or reads; larger lengths on disk mean damage. A commit of
/// 10,000 partitions takes about 1.5 MB.
pub const ENTRY_BYTES_MAX: usize = 64 * 1024 * 1024;
/// Bytes read at a time while looking for a valid entry after a bad one.
const SCAN_WINDOW_BYTES: usize = 64 * 1024;

/// An open metadata log, positioned at its end.
#[derive(Debug)]
pub struct MetadataLog {
    path: PathBuf,
    file: File,
    end_position: u64,
    record_count: u64,
    /// Why appends are refused, once a write or fsync failed.
    failed: Option<String>,
    /// Makes the next fsync fail, to test the failure path.
    #[cfg(test)]
    fail_next_sync: bool,
}

/// What is wrong with the entry at some position.
enum BadEntry {
    /// Fewer bytes than a header remain.
    ShortHeader,
    /// The header's length is zero, too large, or runs past the end of the file.
    Length(u64),
    Crc,
    Undecodable(String),
}

impl BadEntry {
    fn describe(&self) -> String {
        match self {
            BadEntry::ShortHeader => "a partial entry header".into(),
            BadEntry::Length(n) => format!("an entry length of {n} bytes"),
            BadEntry::Crc => "an entry whose CRC does not match".into(),
            BadEntry::Undecodable(e) => format!("an undecodable entry ({e})"),
        }
    }
}

impl MetadataLog {
    /// Opens (or creates) the log at `path`, handing every committed record to `apply` in
    /// order. A torn final entry is truncated; any other damage is an error.
    pub fn open(path: &Path, mut apply: impl FnMut(MetadataRecord)) -> Result<MetadataLog> {
        let io = io_error(path);
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(io("open"))?;
        let file_len = file.metadata().map_err(io("stat"))?.len();
        let mut reader = BufReader::new(&mut file);
        let mut position = 0u64;
        let mut record_count = 0u64;
        let mut payload = Vec::new();
        while position < file_len {
            let entry =
                read_entry(&mut reader, position, file_len, &mut payload).map_err(io("read"))?;
            match entry {
                Ok((records, length)) => {
                    record_count += records.len() as u64;
                    records.into_iter().for_each(&mut apply);
                    position += (ENTRY_HEADER_BYTES + length) as u64;
                }
                Err(bad) => {
                    drop(reader);
                    if let Some(next) =
                        find_valid_entry(&mut file, position + 1, file_len).map_err(io("read"))?
                    {
                        return Err(MetadataError::CorruptLog {
                            path: path.to_path_buf(),
                            position,
                            reason: format!(
                                "{} followed by a valid entry at byte {next}, so this is \
                                 damage, not a torn final write; nothing was changed (restore \
                                 the file, or cut the damaged entry out by hand)",
                                bad.describe()
                            ),
                        });
                    }
                    tracing::warn!(
                        path = %path.display(),
                        position,
                        dropped_bytes = file_len - position,
                        problem = %bad.describe(),
                        "metadata log ends in a torn entry; truncating it"
                    );
                    file.set_len(position).map_err(io("truncate"))?;
                    file.sync_all().map_err(io("fsync"))?;
                    break;
                }
            }
        }
        file.seek(SeekFrom::End(0)).map_err(io("seek"))?;
        if let Some(dir) = path.parent() {
            sync_dir(dir)?;
        }
        Ok(MetadataLog {
            path: path.to_path_buf(),
            file,
            end_position: position,
            record_count,
            failed: None,
            #[cfg(test)]
            fail_next_sync: false,
        })
    }

    /// Appends `records` as one entry and fsyncs it: when this returns, they survive a crash,
    /// all of them or (if it fails) none that anyone was told about. A
    /// [`MetadataError::LogFailed`] means the log takes no more appends.
    pub fn append(&mut self, records: &[MetadataRecord]) -> Result<()> {
        if let Some(reason) = &self.failed {
            return Err(MetadataError::LogFailed {
                path: self.path.clone(),
                reason: reason.clone(),
            });
        }
        let entry = encode_entry(records)?;
        if let Err(e) = self.file.write_all(&entry) {
            // Cut a partial write off so that the next append does not follow garbage.
            if let Err(cut) = self.file.set_len(self.end_position) {
                return Err(self.fail(format!("write failed ({e}) and truncating failed ({cut})")));
            }
            return Err(MetadataError::Io {
                op: "write",
                path: self.path.clone(),
                source: e,
            });
        }
        if let Err(e) = self.sync() {
            return Err(self.fail(format!("fsync failed: {e}")));
        }
        self.end_position += entry.len() as u64;
        self.record_count += records.len() as u64;
        Ok(())
    }

    fn sync(&mut self) -> std::io::Result<()> {
        #[cfg(test)]
        if std::mem::take(&mut self.fail_next_sync) {
            return Err(std::io::Error::other("injected fsync failure"));
        }
        self.file.sync_data()
    }

    fn fail(&mut self, reason: String) -> MetadataError {
        tracing::error!(path = %self.path.display(), %reason, "metadata log failed");
        self.failed = Some(reason.clone());
        MetadataError::LogFailed {
            path: self.path.clone(),
            reason,
        }
    }

    /// Records in the log so far.
    pub fn record_count(&self) -> u64 {
        self.record_count
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes the next fsync fail, as a full or failing disk would.
    #[cfg(test)]
    pub(crate) fn fail_next_sync(&mut self) {
        self.fail_next_sync = true;
    }
}

fn io_error(
    path: &Path,
) -> impl Fn(&'static str) -> Box<dyn FnOnce(std::io::Error) -> MetadataError> {
    let path = path.to_path_buf();
    move |op| {
        let path = path.clone();
        Box::new(move |source| MetadataError::Io { op, path, source })
    }
}

/// One commit as an entry: a single record as an object, several as an array.
fn encode_entry(records: &[MetadataRecord]) -> Result<Vec<u8>> {
    assert!(!records.is_empty(), "a metadata commit without records");
    let payload = match records {
        [one] => serde_json::to_vec(one),
        many => serde_json::to_vec(many),
    }
    .map_err(|e| MetadataError::InvalidConfig {
        name: "record".into(),
        reason: e.to_string(),
    })?;
    if payload.len() > ENTRY_BYTES_MAX {
        return Err(MetadataError::CommitTooLarge {
            records: records.len(),
            bytes: payload.len(),
            max: ENTRY_BYTES_MAX,
        });
    }
    let mut out = Vec::with_capacity(ENTRY_HEADER_BYTES + payload.len());
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&crc32c::crc32c(&payload).to_be_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

/// The records of one entry's payload.
fn decode_payload(payload: &[u8]) -> std::result::Result<Vec<MetadataRecord>, String> {
    let first = payload.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        let records: Vec<MetadataRecord> =
            serde_json::from_slice(payload).map_err(|e| e.to_string())?;
        if records.is_empty() {
            return Err("an empty commit".into());
        }
        Ok(records)
    } else {
        serde_json::from_slice(payload)
            .map(|r| vec![r])
            .map_err(|e| e.to_string())
    }
}

/// Reads the entry at `position` (where `reader` stands) into `payload`: its records and
/// length, or what is wrong with it. The outer error is an I/O failure.
#[allow(clippy::type_complexity)]
fn read_entry(
    reader: &mut impl Read,
    position: u64,
    file_len: u64,
    payload: &mut Vec<u8>,
) -> std::io::Result<std::result::Result<(Vec<MetadataRecord>, usize), BadEntry>> {
    if file_len - position < ENTRY_HEADER_BYTES as u64 {
        return Ok(Err(BadEntry::ShortHeader));
    }
    let mut header = [0u8; ENTRY_HEADER_BYTES];
    reader.read_exact(&mut header)?;
    let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
    let crc = u32::from_be_bytes([header[4], header[5], header[6], header[7]]);
    let end = position + ENTRY_HEADER_BYTES as u64 + u64::from(length);
    if length == 0 || length as usize > ENTRY_BYTES_MAX || end > file_len {
        return Ok(Err(BadEntry::Length(length.into())));
    }
    payload.clear();
    payload.resize(length as usize, 0);
    reader.read_exact(payload)?;
    if crc32c::crc32c(payload) != crc {
        return Ok(Err(BadEntry::Crc));
    }
    Ok(decode_payload(payload)
        .map(|records| (records, length as usize))
        .map_err(BadEntry::Undecodable))
}

/// The first position at or after `from` where a whole valid entry starts, if any. Only
/// run after a bad entry, so it favours a small memory footprint over speed.
fn find_valid_entry(file: &mut File, from: u64, file_len: u64) -> std::io::Result<Option<u64>> {
    let mut window = vec![0u8; SCAN_WINDOW_BYTES + ENTRY_HEADER_BYTES];
    let mut payload = Vec::new();
    let mut start = from;
    while start + ENTRY_HEADER_BYTES as u64 <= file_len {
        file.seek(SeekFrom::Start(start))?;
        let want = window.len().min((file_len - start) as usize);
        file.read_exact(&mut window[..want])?;
        let last = want - ENTRY_HEADER_BYTES;
        for offset in 0..=last.min(SCAN_WINDOW_BYTES - 1) {
            let h = &window[offset..offset + ENTRY_HEADER_BYTES];
            let length = u32::from_be_bytes([h[0], h[1], h[2], h[3]]);
            let at = start + offset as u64;
            let end = at + ENTRY_HEADER_BYTES as u64 + u64::from(length);
            // Most offsets fail here: text read as a length is far beyond the file's end.
            if length == 0 || length as usize > ENTRY_BYTES_MAX || end > file_len {
                continue;
            }
            file.seek(SeekFrom::Start(at))?;
            let mut reader = BufReader::new(&mut *file);
            if read_entry(&mut reader, at, file_len, &mut payload)?.is_ok() {
                return Ok(Some(at));
            }
        }
        start += SCAN_WINDOW_BYTES as u64;
    }
    Ok(None)
}

fn sync_dir(dir: &Path) -> Result<()> {
    let d = File::open(dir).map_err(|source| MetadataError::Io {
        op: "open dir",
        path: dir.to_path_buf(),
        source,
    })?;
    d.sync_all().map_err(|source| MetadataError::Io {
        op: "fsync dir",
        path: dir.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{ConfigRecord, ConfigResource, ProducerIdsRecord, TopicRecord};
    use crate::types::TopicId;

    fn topic(name: &str) -> MetadataRecord {
        MetadataRecord::Topic(TopicRecord {
            name: name.into(),
            topic_id: TopicId::random(),
        })
    }

    fn config(value: &str) -> MetadataRecord {
        MetadataRecord::Config(ConfigRecord {
            resource: ConfigResource::Topic("a".into()),
            name: "retention.ms".into(),
            value: Some(value.into()),
        })
    }

    fn replay(path: &Path) -> Result<(MetadataLog, Vec<MetadataRecord>)> {
        let mut records = Vec::new();
        let log = MetadataLog::open(path, |r| records.push(r))?;
        Ok((log, records))
    }

    /// Byte offsets where each entry of the file starts.
    fn entry_starts(bytes: &[u8]) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            starts.push(at);
            let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
            at += ENTRY_HEADER_BYTES + len;
        }
        starts
    }

    #[test]
    fn reopening_replays_records_and_truncates_a_torn_tail() {
        // Every whole appended record comes back after reopening, and a half-written entry
        // after them is cut off rather than failing the open.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metadata.log");
        let records = vec![
            topic("a"),
            MetadataRecord::ProducerIds(ProducerIdsRecord {
                next_producer_id: 7,
            }),
        ];
        {
            let (mut log, existing) = replay(&path).unwrap();
            assert!(existing.is_empty());
            log.append(&records).unwrap();
        }
        let whole = std::fs::metadata(&path).unwrap().len();
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&[0, 0, 0, 50, 1, 2, 3, 4, b'{']).unwrap();
        drop(f);
        let (log, replayed) = replay(&path).unwrap();
        assert_eq!(replayed, records);
        assert_eq!(log.record_count(), 2);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), whole);
    }

    #[test]
    fn a_multi_record_commit_is_one_entry_and_old_single_entries_still_read() {
        // A commit of several records is written as one entry (so a torn write loses all of
        // it or none), single-record entries of the earlier format read back too, and cutting
        // the file inside the multi-record entry loses that whole commit only.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metadata.log");
        let first = vec![topic("a")];
        let commit = vec![topic("b"), config("1"), config("2")];
        {
            let (mut log, _) = replay(&path).unwrap();
            log.append(&first).unwrap();
            log.append(&commit).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        let starts = entry_starts(&bytes);
        assert_eq!(starts.len(), 2);
        assert_eq!(bytes[starts[0] + ENTRY_HEADER_BYTES], b'{');
        assert_eq!(bytes[starts[1] + ENTRY_HEADER_BYTES], b'[');
        let (_, replayed) = replay(&path).unwrap();
        assert_eq!(replayed.len(), 4);
        std::fs::write(&path, &bytes[..bytes.len() - 10]).unwrap();
        let (log, replayed) = replay(&path).unwrap();
        assert_eq!(replayed, first);
        assert_eq!(log.record_count(), 1);
    }

    #[test]
    fn damage_before_the_final_entry_refuses_to_open_and_changes_nothing() {
        // A flipped byte anywhere in an entry that is followed by a valid one (its length,
        // its CRC or its payload) stops the open with the byte offset of the damaged entry,
        // and the file is left exactly as it was; the same flip in the final entry is a torn
        // write and is truncated.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metadata.log");
        {
            let (mut log, _) = replay(&path).unwrap();
            for i in 0..5 {
                log.append(&[topic(&format!("t{i}"))]).unwrap();
            }
        }
        let clean = std::fs::read(&path).unwrap();
        let starts = entry_starts(&clean);
        for (field, offset) in [("length", 1), ("crc", 5), ("payload", 20)] {
            let mut damaged = clean.clone();
            let at = starts[2] + offset;
            damaged[at] ^= 0x40;
            std::fs::write(&path, &damaged).unwrap();
            let err = replay(&path).expect_err(field);
            match &err {
                MetadataError::CorruptLog { position, .. } => {
                    assert_eq!(*position, starts[2] as u64, "{field}")
                }
                other => panic!("{field}: {other}"),
            }
            assert!(err.to_string().contains("metadata.log"), "{err}");
            assert_eq!(std::fs::read(&path).unwrap(), damaged, "{field}");
        }
        for offset in [1, 5, 20] {
            let mut damaged = clean.clone();
            damaged[starts[4] + offset] ^= 0x40;
            std::fs::write(&path, &damaged).unwrap();
            let (log, replayed) = replay(&path).unwrap();
            assert_eq!(replayed.len(), 4);
            assert_eq!(log.record_count(), 4);
            assert_eq!(std::fs::metadata(&path).unwrap().len(), starts[4] as u64);
        }
    }

    #[test]
    fn a_failed_fsync_fails_every_later_append() {
        // After an fsync error the log refuses appends for good instead of retrying as if the
        // data had reached the disk.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metadata.log");
        let (mut log, _) = replay(&path).unwrap();
        log.append(&[topic("a")]).unwrap();
        log.fail_next_sync();
        assert!(matches!(
            log.append(&[topic("b")]),
            Err(MetadataError::LogFailed { .. })
        ));
        assert!(matches!(
            log.append(&[topic("c")]),
            Err(MetadataError::LogFailed { .. })
        ));
        assert_eq!(log.record_count(), 1);
    }

    #[test]
    fn a_commit_larger_than_an_entry_is_refused() {
        // A commit whose entry would pass ENTRY_BYTES_MAX is an error, and nothing is written.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metadata.log");
        let (mut log, _) = replay(&path).unwrap();
        let big = config(&"x".repeat(ENTRY_BYTES_MAX));
        assert!(matches!(
            log.append(&[big]),
            Err(MetadataError::CommitTooLarge { .. })
        ));
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
        log.append(&[topic("a")]).unwrap();
    }
}
