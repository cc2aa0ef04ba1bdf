//! Checkpoint files in Kafka's text format, written so that a crash leaves the old file or the
//! new one, never a mix.
//!
//! Every checkpoint is UTF-8 text: a version line (`0`), an entry-count line, then one entry
//! per line. The offset checkpoints of a data directory (`recovery-point-offset-checkpoint`,
//! `log-start-offset-checkpoint`, `replication-offset-checkpoint`,
//! `cleaner-offset-checkpoint`) hold `topic partition offset` lines; a partition's
//! `leader-epoch-checkpoint` holds `epoch startOffset` lines. For example:
//!
//! ```text
//! 0
//! 2
//! orders 0 1500
//! orders 1 1432
//! ```
//!
//! Writes go to `<name>.tmp`, which is fsynced, renamed over `<name>`, and then the directory
//! is fsynced so the rename itself is durable.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::IoContext;
use crate::{LeaderEpoch, Offset, Result, StorageError, TopicPartition};

/// The only checkpoint format version Kafka has written.
pub const CHECKPOINT_VERSION: u32 = 0;
/// Bound on a checkpoint file read back, so a damaged file cannot exhaust memory.
pub const CHECKPOINT_BYTES_MAX: u64 = 256 * 1024 * 1024;

pub const RECOVERY_POINT_CHECKPOINT: &str = "recovery-point-offset-checkpoint";
pub const LOG_START_OFFSET_CHECKPOINT: &str = "log-start-offset-checkpoint";
pub const REPLICATION_OFFSET_CHECKPOINT: &str = "replication-offset-checkpoint";
pub const CLEANER_OFFSET_CHECKPOINT: &str = "cleaner-offset-checkpoint";
pub const LEADER_EPOCH_CHECKPOINT: &str = "leader-epoch-checkpoint";

/// Writes `contents` to `path` atomically and durably: temp file, fsync, rename, fsync dir.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let tmp = tmp_path(path);
    {
        let mut file = File::create(&tmp).io("create", &tmp)?;
        file.write_all(contents).io("write", &tmp)?;
        crate::fsync::sync_all(&file, &tmp)?;
    }
    fs::rename(&tmp, path).io("rename", path)?;
    sync_dir(path.parent().unwrap_or(Path::new(".")))
}

pub use crate::fsync::sync_dir;

fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    path.with_file_name(name)
}

/// Reads a checkpoint's entry lines after checking the version and count lines. A missing
/// file is an empty checkpoint.
fn read_lines(path: &Path) -> Result<Vec<(usize, String)>> {
    let bad = |line: usize, reason: String| StorageError::CorruptCheckpoint {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let text = match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).io("stat", path),
        Ok(meta) if meta.len() > CHECKPOINT_BYTES_MAX => {
            return Err(bad(0, format!("{} bytes is over the limit", meta.len())));
        }
        Ok(_) => fs::read_to_string(path).io("read", path)?,
    };
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let (n, version) = lines.next().ok_or_else(|| bad(1, "empty file".into()))?;
    if version.trim() != CHECKPOINT_VERSION.to_string() {
        return Err(bad(n, format!("unknown version {version:?}")));
    }
    let (n, count) = lines.next().ok_or_else(|| bad(2, "missing count".into()))?;
    let count: usize = count
        .trim()
        .parse()
        .map_err(|_| bad(n, format!("bad count {count:?}")))?;
    let entries: Vec<(usize, String)> = lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| (n, l.to_string()))
        .collect();
    if entries.len() != count {
        return Err(bad(
            2,
            format!("count {count} but {} entries", entries.len()),
        ));
    }
    Ok(entries)
}

fn render(entries: impl ExactSizeIterator<Item = String>) -> String {
    let mut out = format!("{CHECKPOINT_VERSION}\n{}\n", entries.len());
    for line in entries {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A data directory's `topic partition offset` checkpoint.
#[derive(Debug, Clone)]
pub struct OffsetCheckpointFile {
    path: PathBuf,
}

impl OffsetCheckpointFile {
    pub fn new(path: PathBuf) -> Self {
        OffsetCheckpointFile { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn read(&self) -> Result<BTreeMap<TopicPartition, Offset>> {
        let mut out = BTreeMap::new();
        for (n, line) in read_lines(&self.path)? {
            let bad = |reason: &str| StorageError::CorruptCheckpoint {
                path: self.path.clone(),
                line: n,
                reason: format!("{reason}: {line:?}"),
            };
            let mut parts = line.split_whitespace();
            let (Some(topic), Some(partition), Some(offset), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(bad("expected `topic partition offset`"));
            };
            let partition: i32 = partition.parse().map_err(|_| bad("bad partition"))?;
            let offset: i64 = offset.parse().map_err(|_| bad("bad offset"))?;
            out.insert(TopicPartition::new(topic, partition), Offset(offset));
        }
        Ok(out)
    }

    pub fn write(&self, offsets: &BTreeMap<TopicPartition, Offset>) -> Result<()> {
        let lines = offsets
            .iter()
            .map(|(tp, o)| format!("{} {} {}", tp.topic, tp.partition, o.0));
        write_atomically(&self.path, render(lines).as_bytes())
    }
}

/// One `leader-epoch-checkpoint` entry: the first offset written in `epoch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochEntry {
    pub epoch: LeaderEpoch,
    pub start_offset: Offset,
}

/// A partition's `leader-epoch-checkpoint`.
#[derive(Debug, Clone)]
pub struct LeaderEpochCheckpointFile {
    path: PathBuf,
}

impl LeaderEpochCheckpointFile {
    pub fn new(path: PathBuf) -> Self {
        LeaderEpochCheckpointFile { path }
    }

    pub fn read(&self) -> Result<Vec<EpochEntry>> {
        let mut out = Vec::new();
        for (n, line) in read_lines(&self.path)? {
            let bad = |reason: &str| StorageError::CorruptCheckpoint {
                path: self.path.clone(),
                line: n,
                reason: format!("{reason}: {line:?}"),
            };
            let mut parts = line.split_whitespace();
            let (Some(epoch), Some(offset), None) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(bad("expected `epoch startOffset`"));
            };
            out.push(EpochEntry {
                epoch: LeaderEpoch(epoch.parse().map_err(|_| bad("bad epoch"))?),
                start_offset: Offset(offset.parse().map_err(|_| bad("bad offset"))?),
            });
        }
        Ok(out)
    }

    pub fn write(&self, entries: &[EpochEntry]) -> Result<()> {
        let lines = entries
            .iter()
            .map(|e| format!("{} {}", e.epoch.0, e.start_offset.0));
        write_atomically(&self.path, render(lines).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_checkpoint_round_trips_in_kafka_text_format() {
        // What is written reads back equal, and the bytes are Kafka's version/count/lines.
        let dir = tempfile::tempdir().unwrap();
        let file = OffsetCheckpointFile::new(dir.path().join(RECOVERY_POINT_CHECKPOINT));
        assert!(file.read().unwrap().is_empty());
        let mut offsets = BTreeMap::new();
        offsets.insert(TopicPartition::new("orders", 0), Offset(1500));
        offsets.insert(TopicPartition::new("orders-x", 11), Offset(7));
        file.write(&offsets).unwrap();
        assert_eq!(file.read().unwrap(), offsets);
        let text = fs::read_to_string(file.path()).unwrap();
        assert_eq!(text, "0\n2\norders 0 1500\norders-x 11 7\n");
        assert!(
            !dir.path()
                .join("recovery-point-offset-checkpoint.tmp")
                .exists()
        );
    }

    #[test]
    fn checkpoint_with_wrong_count_or_version_is_corrupt() {
        // A checkpoint whose count line disagrees with its entries, or whose version is not
        // 0, is reported as corrupt rather than half-read.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cp");
        let file = OffsetCheckpointFile::new(path.clone());
        fs::write(&path, "0\n2\nt 0 1\n").unwrap();
        assert!(matches!(
            file.read(),
            Err(StorageError::CorruptCheckpoint { .. })
        ));
        fs::write(&path, "1\n0\n").unwrap();
        assert!(matches!(
            file.read(),
            Err(StorageError::CorruptCheckpoint { .. })
        ));
        fs::write(&path, "0\n1\nt 0 x\n").unwrap();
        assert!(matches!(
            file.read(),
            Err(StorageError::CorruptCheckpoint { .. })
        ));
    }

    #[test]
    fn leader_epoch_checkpoint_round_trips() {
        // Epoch entries survive a write and read unchanged and in order.
        let dir = tempfile::tempdir().unwrap();
        let file = LeaderEpochCheckpointFile::new(dir.path().join(LEADER_EPOCH_CHECKPOINT));
        let entries = vec![
            EpochEntry {
                epoch: LeaderEpoch(0),
                start_offset: Offset(0),
            },
            EpochEntry {
                epoch: LeaderEpoch(3),
                start_offset: Offset(120),
            },
        ];
        file.write(&entries).unwrap();
        assert_eq!(file.read().unwrap(), entries);
        let text = fs::read_to_string(dir.path().join(LEADER_EPOCH_CHECKPOINT)).unwrap();
        assert_eq!(text, "0\n2\n0 0\n3 120\n");
    }
}
