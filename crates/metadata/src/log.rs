//! The local metadata log: one append-only file of [`MetadataRecord`]s.
//!
//! On disk each entry is `length: u32 BE | crc32c(payload): u32 BE | payload`, the payload
//! being the record as JSON. A crash can tear only the last entry (appends are followed by an
//! fsync before anyone learns of them), so opening the file replays every whole entry and
//! truncates a torn or corrupt tail; nothing after a bad entry was ever acknowledged.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{MetadataError, Result};
use crate::record::MetadataRecord;

/// Bytes of an entry's header (length and CRC).
const ENTRY_HEADER_BYTES: usize = 8;
/// The largest entry the log writes or reads; larger lengths on disk mean corruption.
pub const ENTRY_BYTES_MAX: usize = 1024 * 1024;

/// An open metadata log, positioned at its end.
#[derive(Debug)]
pub struct MetadataLog {
    path: PathBuf,
    file: File,
    end_position: u64,
    record_count: u64,
}

impl MetadataLog {
    /// Opens (or creates) the log at `path` and returns it with every record it holds.
    pub fn open(path: &Path) -> Result<(MetadataLog, Vec<MetadataRecord>)> {
        let io = |op: &'static str| {
            move |source| MetadataError::Io {
                op,
                path: path.to_path_buf(),
                source,
            }
        };
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(io("open"))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(io("read"))?;
        let (records, valid) = decode_entries(&bytes);
        if valid < bytes.len() {
            tracing::warn!(
                path = %path.display(),
                valid_bytes = valid,
                dropped_bytes = bytes.len() - valid,
                "metadata log has a torn or corrupt tail; truncating it"
            );
            file.set_len(valid as u64).map_err(io("truncate"))?;
            file.sync_all().map_err(io("fsync"))?;
        }
        file.seek(SeekFrom::End(0)).map_err(io("seek"))?;
        if let Some(dir) = path.parent() {
            sync_dir(dir)?;
        }
        let log = MetadataLog {
            path: path.to_path_buf(),
            file,
            end_position: valid as u64,
            record_count: records.len() as u64,
        };
        Ok((log, records))
    }

    /// Appends `records` and fsyncs them: when this returns, they survive a crash.
    pub fn append(&mut self, records: &[MetadataRecord]) -> Result<()> {
        let mut buf = Vec::new();
        for record in records {
            encode_entry(record, &mut buf)?;
        }
        let io = |op: &'static str| {
            let path = self.path.clone();
            move |source| MetadataError::Io { op, path, source }
        };
        if let Err(e) = self.file.write_all(&buf) {
            // Cut a partial write off so that the next append does not follow garbage.
            let _ = self.file.set_len(self.end_position);
            return Err(io("write")(e));
        }
        self.file.sync_data().map_err(io("fsync"))?;
        self.end_position += buf.len() as u64;
        self.record_count += records.len() as u64;
        Ok(())
    }

    /// Records in the log so far.
    pub fn record_count(&self) -> u64 {
        self.record_count
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn encode_entry(record: &MetadataRecord, out: &mut Vec<u8>) -> Result<()> {
    let payload = serde_json::to_vec(record).map_err(|e| MetadataError::InvalidConfig {
        name: "record".into(),
        reason: e.to_string(),
    })?;
    assert!(
        payload.len() <= ENTRY_BYTES_MAX,
        "metadata record of {} bytes",
        payload.len()
    );
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&crc32c::crc32c(&payload).to_be_bytes());
    out.extend_from_slice(&payload);
    Ok(())
}

/// Decodes whole, valid entries from the front of `bytes`; returns them and the bytes they
/// span.
fn decode_entries(bytes: &[u8]) -> (Vec<MetadataRecord>, usize) {
    let mut records = Vec::new();
    let mut position = 0usize;
    while let Some(header) = bytes.get(position..position + ENTRY_HEADER_BYTES) {
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let crc = u32::from_be_bytes([header[4], header[5], header[6], header[7]]);
        if length > ENTRY_BYTES_MAX {
            break;
        }
        let start = position + ENTRY_HEADER_BYTES;
        let Some(payload) = bytes.get(start..start + length) else {
            break;
        };
        if crc32c::crc32c(payload) != crc {
            break;
        }
        let Ok(record) = serde_json::from_slice::<MetadataRecord>(payload) else {
            break;
        };
        records.push(record);
        position = start + length;
    }
    (records, position)
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
    use crate::record::{ProducerIdsRecord, TopicRecord};
    use crate::types::TopicId;

    #[test]
    fn reopening_replays_records_and_truncates_a_torn_tail() {
        // Every whole appended record comes back after reopening, and a half-written entry
        // after them is cut off rather than failing the open.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("metadata.log");
        let records = vec![
            MetadataRecord::Topic(TopicRecord {
                name: "a".into(),
                topic_id: TopicId::random(),
            }),
            MetadataRecord::ProducerIds(ProducerIdsRecord {
                next_producer_id: 7,
            }),
        ];
        {
            let (mut log, existing) = MetadataLog::open(&path).unwrap();
            assert!(existing.is_empty());
            log.append(&records).unwrap();
        }
        let whole = std::fs::metadata(&path).unwrap().len();
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&[0, 0, 0, 50, 1, 2, 3, 4, b'{']).unwrap();
        drop(f);
        let (log, replayed) = MetadataLog::open(&path).unwrap();
        assert_eq!(replayed, records);
        assert_eq!(log.record_count(), 2);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), whole);
    }
}
