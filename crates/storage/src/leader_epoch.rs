//! The leader epoch cache of one partition: for each leader epoch, the first offset that
//! leader wrote. Followers ask for "the end offset of epoch N" (OffsetForLeaderEpoch) to find
//! where their log diverges from the leader's, so this must survive restarts; it is kept in
//! the partition's `leader-epoch-checkpoint` (format in [`crate::checkpoint`]) and rewritten
//! atomically whenever it changes, which happens only on leader change, truncation, or when
//! the log start moves.

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
}

impl LeaderEpochFileCache {
    /// Loads the cache from `<partition dir>/leader-epoch-checkpoint`.
    pub fn open(partition_dir: PathBuf) -> Result<Self> {
        let file = LeaderEpochCheckpointFile::new(partition_dir.join(LEADER_EPOCH_CHECKPOINT));
        let mut entries = file.read()?;
        // Keep only a strictly increasing chain, as written; anything else is ignored so that
        // one bad line cannot misdirect follower truncation.
        entries.dedup_by(|b, a| b.epoch <= a.epoch || b.start_offset < a.start_offset);
        Ok(LeaderEpochFileCache { file, entries })
    }

    pub fn entries(&self) -> &[EpochEntry] {
        &self.entries
    }

    pub fn latest_epoch(&self) -> Option<LeaderEpoch> {
        self.entries.last().map(|e| e.epoch)
    }

    /// Records that `epoch` starts at `start_offset`, if `epoch` is newer than every epoch
    /// known. Returns whether the cache changed (and was written).
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
        self.file.write(&self.entries)?;
        Ok(true)
    }

    /// Forgets epochs that start at or after `end_offset` (the log was truncated there).
    pub fn truncate_from_end(&mut self, end_offset: Offset) -> Result<()> {
        let before = self.entries.len();
        self.entries.retain(|e| e.start_offset < end_offset);
        if self.entries.len() != before {
            self.file.write(&self.entries)?;
        }
        Ok(())
    }

    /// Forgets every epoch (the log restarted empty; the next appends record epochs anew).
    pub fn clear(&mut self) -> Result<()> {
        if self.entries.is_empty() {
            return Ok(());
        }
        self.entries.clear();
        self.file.write(&self.entries)
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
        self.file.write(&self.entries)
    }

    /// Kafka's `endOffsetFor`: the largest epoch `<= epoch` and the offset where it ended (the
    /// next epoch's start, or `log_end` for the latest). `None` if `epoch` predates them all.
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
            return None;
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
        // an unknown older epoch maps to the largest known one below it.
        let dir = tempfile::tempdir().unwrap();
        let mut cache = LeaderEpochFileCache::open(dir.path().to_path_buf()).unwrap();
        assert!(cache.assign(LeaderEpoch(1), Offset(0)).unwrap());
        assert!(!cache.assign(LeaderEpoch(1), Offset(5)).unwrap());
        assert!(cache.assign(LeaderEpoch(3), Offset(10)).unwrap());
        assert!(cache.assign(LeaderEpoch(5), Offset(20)).unwrap());
        let end = |e| cache.end_offset_for(LeaderEpoch(e), Offset(30));
        assert_eq!(end(0), None);
        assert_eq!(end(1), Some((LeaderEpoch(1), Offset(10))));
        assert_eq!(end(2), Some((LeaderEpoch(1), Offset(10))));
        assert_eq!(end(3), Some((LeaderEpoch(3), Offset(20))));
        assert_eq!(end(7), Some((LeaderEpoch(5), Offset(30))));
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
