//! The leader epoch cache of one partition: for each leader epoch, the first offset that
//! leader wrote. Followers ask for "the end offset of epoch N" (OffsetForLeaderEpoch) to find
//! where their log diverges from the leader's, so this must survive restarts; it is kept in
//! the partition's `leader-epoch-checkpoint` (format in [`crate::checkpoint`]).
//!
//! Changes (a new leader's first append, a truncation, the log start moving) are made in
//! memory; the file is rewritten, atomically and fsynced, by the log's next flush before it
//! moves the recovery point (see `log/durability.rs`), never on the append path. So the file
//! always covers every offset below the recovery point. What a crash can leave it missing
//! lies above the recovery point, in segments that recovery scans: there the epochs are
//! rebuilt from the batch headers, which carry them (as Kafka's recovery does). Entries the
//! file holds past the recovered log end or below the log start are dropped on load.

use std::path::PathBuf;

use crate::checkpoint::{EpochEntry, LEADER_EPOCH_CHECKPOINT, LeaderEpochCheckpointFile};
use crate::{LeaderEpoch, Offset, Result};

/// Bound on epochs remembered; the oldest are dropped beyond it (they are below any offset a
/// follower could still diverge at once this many leader changes have happened).
pub const LEADER_EPOCH_ENTRIES_MAX: usize = 10_000;

#[derive(Debug)]
pub struct LeaderEpochFileCache {
    file: LeaderEpochCheckpointFile,
    entries: Vec<EpochEntry>,
    /// Bumped by every change; the file holds the entries of `persisted_version`.
    version: u64,
    persisted_version: u64,
    /// What the file holds, so that changes that cancel out write nothing.
    on_disk: Vec<EpochEntry>,
}

impl LeaderEpochFileCache {
    /// Loads the cache from `<partition dir>/leader-epoch-checkpoint`.
    pub fn open(partition_dir: PathBuf) -> Result<Self> {
        let file = LeaderEpochCheckpointFile::new(partition_dir.join(LEADER_EPOCH_CHECKPOINT));
        let mut entries = file.read()?;
        // Keep only a strictly increasing chain, as written; anything else is ignored so that
        // one bad line cannot misdirect follower truncation.
        entries.dedup_by(|b, a| b.epoch <= a.epoch || b.start_offset < a.start_offset);
        Ok(LeaderEpochFileCache {
            file,
            on_disk: entries.clone(),
            entries,
            version: 0,
            persisted_version: 0,
        })
    }

    /// The entries and their version, if they changed since the file was last written: what
    /// a flush writes (without the log's lock) before [`LeaderEpochFileCache::persisted`].
    pub(crate) fn unpersisted(&self) -> Option<(u64, Vec<EpochEntry>)> {
        (self.version != self.persisted_version && self.entries != self.on_disk)
            .then(|| (self.version, self.entries.clone()))
    }

    /// Records that `entries`, the entries of `version`, are in the file.
    pub(crate) fn persisted(&mut self, version: u64, entries: &[EpochEntry]) {
        if version >= self.persisted_version {
            self.persisted_version = version;
            self.on_disk = entries.to_vec();
        }
    }

    /// Writes the file now if the entries changed (atomically, fsynced): for load and close,
    /// which run off the request path.
    pub fn persist(&mut self) -> Result<()> {
        if let Some((version, entries)) = self.unpersisted() {
            self.file.write(&entries)?;
            self.persisted(version, &entries);
        }
        Ok(())
    }

    /// Writes `entries` to the checkpoint at `path` (the flusher's half of a persist).
    pub(crate) fn write_entries(
        partition_dir: &std::path::Path,
        entries: &[EpochEntry],
    ) -> Result<()> {
        LeaderEpochCheckpointFile::new(partition_dir.join(LEADER_EPOCH_CHECKPOINT)).write(entries)
    }

    fn changed(&mut self) {
        self.version += 1;
    }

    pub fn entries(&self) -> &[EpochEntry] {
        &self.entries
    }

    pub fn latest_epoch(&self) -> Option<LeaderEpoch> {
        self.entries.last().map(|e| e.epoch)
    }

    /// Records that `epoch` starts at `start_offset`, if `epoch` is newer than every epoch
    /// known. Returns whether the cache changed (the file is written by the next flush).
    pub fn assign(&mut self, epoch: LeaderEpoch, start_offset: Offset) -> Result<bool> {
        if epoch.0 < 0 || self.latest_epoch().is_some_and(|latest| latest >= epoch) {
            return Ok(false);
        }
        // A newer epoch that starts below older ones overrides them (they were truncated).
        self.entries.retain(|e| e.start_offset < start_offset);
        self.entries.push(EpochEntry {
            epoch,
            start_offset,
        });
        if self.entries.len() > LEADER_EPOCH_ENTRIES_MAX {
            let excess = self.entries.len() - LEADER_EPOCH_ENTRIES_MAX;
            self.entries.drain(..excess);
        }
        self.changed();
        Ok(true)
    }

    /// Forgets epochs that start at or after `end_offset` (the log was truncated there).
    pub fn truncate_from_end(&mut self, end_offset: Offset) -> Result<()> {
        let before = self.entries.len();
        self.entries.retain(|e| e.start_offset < end_offset);
        if self.entries.len() != before {
            self.changed();
        }
        Ok(())
    }

    /// Forgets every epoch (the log restarted empty; the next appends record epochs anew).
    pub fn clear(&mut self) -> Result<()> {
        if self.entries.is_empty() {
            return Ok(());
        }
        self.entries.clear();
        self.changed();
        Ok(())
    }

    /// Moves the earliest epochs up to `start_offset` (the log start advanced).
    pub fn truncate_from_start(&mut self, start_offset: Offset) -> Result<()> {
        let below = self
            .entries
            .iter()
            .take_while(|e| e.start_offset < start_offset)
            .count();
        if below == 0 {
            return Ok(());
        }
        // The last epoch starting below the new log start now starts at it.
        let mut kept = self.entries[below - 1];
        kept.start_offset = start_offset;
        self.entries.drain(..below);
        if self
            .entries
            .first()
            .is_none_or(|e| e.start_offset > start_offset)
        {
            self.entries.insert(0, kept);
        }
        self.changed();
        Ok(())
    }

    /// Kafka's `endOffsetFor`: the largest epoch `<= epoch` and the offset where it ended (the
    /// next epoch's start, or `log_end` for the latest). An `epoch` older than them all ends
    /// where the first known one starts (`epoch` itself is answered, as Kafka does): a
    /// follower then cuts everything of later epochs. `None` only without any epoch.
    pub fn end_offset_for(
        &self,
        epoch: LeaderEpoch,
        log_end: Offset,
    ) -> Option<(LeaderEpoch, Offset)> {
        let latest = self.entries.last()?;
        if epoch >= latest.epoch {
            return Some((latest.epoch, log_end));
        }
        let next = self.entries.iter().position(|e| e.epoch > epoch)?;
        if next == 0 {
            return Some((epoch, self.entries[0].start_offset));
        }
        Some((
            self.entries[next - 1].epoch,
            self.entries[next].start_offset,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_offset_for_epoch_follows_kafka() {
        // The end of an epoch is where the next one starts; the latest ends at the log end;
        // an unknown older epoch maps to the largest known one below it; one older than all
        // ends where the first starts.
        let dir = tempfile::tempdir().unwrap();
        let mut cache = LeaderEpochFileCache::open(dir.path().to_path_buf()).unwrap();
        assert!(cache.assign(LeaderEpoch(1), Offset(0)).unwrap());
        assert!(!cache.assign(LeaderEpoch(1), Offset(5)).unwrap());
        assert!(cache.assign(LeaderEpoch(3), Offset(10)).unwrap());
        assert!(cache.assign(LeaderEpoch(5), Offset(20)).unwrap());
        let end = |e| cache.end_offset_for(LeaderEpoch(e), Offset(30));
        assert_eq!(end(0), Some((LeaderEpoch(0), Offset(0))));
        assert_eq!(end(1), Some((LeaderEpoch(1), Offset(10))));
        assert_eq!(end(2), Some((LeaderEpoch(1), Offset(10))));
        assert_eq!(end(3), Some((LeaderEpoch(3), Offset(20))));
        assert_eq!(end(7), Some((LeaderEpoch(5), Offset(30))));
        cache.persist().unwrap();
        let reopened = LeaderEpochFileCache::open(dir.path().to_path_buf()).unwrap();
        assert_eq!(reopened.entries(), cache.entries());
    }

    #[test]
    fn truncation_from_either_end_rewrites_the_chain() {
        // Truncating the log end drops epochs that start at or past it; advancing the log
        // start moves the surviving epoch's start up.
        let dir = tempfile::tempdir().unwrap();
        let mut cache = LeaderEpochFileCache::open(dir.path().to_path_buf()).unwrap();
        cache.assign(LeaderEpoch(1), Offset(0)).unwrap();
        cache.assign(LeaderEpoch(2), Offset(10)).unwrap();
        cache.assign(LeaderEpoch(4), Offset(20)).unwrap();
        cache.truncate_from_end(Offset(20)).unwrap();
        assert_eq!(cache.latest_epoch(), Some(LeaderEpoch(2)));
        cache.truncate_from_start(Offset(15)).unwrap();
        assert_eq!(
            cache.entries(),
            &[EpochEntry {
                epoch: LeaderEpoch(2),
                start_offset: Offset(15)
            }]
        );
    }
}
