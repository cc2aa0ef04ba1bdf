//! The quorum's state machine: committed entries applied, in log order, to the same
//! [`MetadataImage`] the single node builds, and each new image published.
//!
//! The applied state itself is not written on every apply: the Raft log holds every
//! committed entry, and a restart re-applies those after the last snapshot. Snapshots
//! ([`super::snapshot`]) are the durable form of the image; building one writes it before the
//! log behind it may be purged, and installing one from the leader writes it before the
//! image is replaced.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use openraft::storage::{RaftStateMachine, Snapshot};
use openraft::{AnyError, EntryPayload, RaftSnapshotBuilder, StorageIOError, StoredMembership};
use tokio::sync::watch;

use super::frame_file::{FrameError, run_blocking};
use super::snapshot::{self, LoadedSnapshot, RaftSnapshotMeta};
use super::{
    CommitApplied, MetadataRaftConfig, RaftEntry, RaftLogId, RaftMembership, RaftStorageError,
};
use crate::image::MetadataImage;

/// What has been applied, shared with snapshot builders.
struct Applied {
    image: Arc<MetadataImage>,
    last_applied: Option<RaftLogId>,
    membership: RaftMembership,
    /// The newest snapshot, built here or installed from the leader.
    current: Option<LoadedSnapshot>,
}

/// Applies committed metadata commits and keeps the snapshot.
pub struct MetadataStateMachine {
    dir: PathBuf,
    snapshot_bytes_max: usize,
    applied: Arc<Mutex<Applied>>,
    published: Arc<watch::Sender<Arc<MetadataImage>>>,
    /// Snapshots built by this process, for unique snapshot ids.
    builds: Arc<AtomicU64>,
    /// Held while the snapshot file is written and made current, so builds and installs
    /// (which run at once: openraft builds in a task of its own) write it one at a time.
    snapshot_writes: Arc<Mutex<()>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Fields are replaced whole, never left half-updated, so a poisoned lock's data is whole.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl MetadataStateMachine {
    /// Starts from the snapshot in `dir` (or an empty image), publishing on `published`.
    pub fn open(
        dir: &Path,
        snapshot_bytes_max: usize,
        published: Arc<watch::Sender<Arc<MetadataImage>>>,
    ) -> Result<MetadataStateMachine, FrameError> {
        let loaded = snapshot::read_snapshot_file(dir, snapshot_bytes_max)?;
        let applied = match loaded {
            Some(s) => Applied {
                image: Arc::new(s.image.clone()),
                last_applied: s.meta.last_log_id,
                membership: s.meta.last_membership.clone(),
                current: Some(s),
            },
            None => Applied {
                image: Arc::new(MetadataImage::default()),
                last_applied: None,
                membership: StoredMembership::default(),
                current: None,
            },
        };
        published.send_replace(Arc::clone(&applied.image));
        Ok(MetadataStateMachine {
            dir: dir.to_path_buf(),
            snapshot_bytes_max,
            applied: Arc::new(Mutex::new(applied)),
            published,
            builds: Arc::new(AtomicU64::new(0)),
            snapshot_writes: Arc::new(Mutex::new(())),
        })
    }

    /// The image as of the last applied entry.
    pub fn image(&self) -> Arc<MetadataImage> {
        Arc::clone(&lock(&self.applied).image)
    }

    /// The membership as of the last applied entry (or the snapshot).
    pub fn membership(&self) -> RaftMembership {
        lock(&self.applied).membership.clone()
    }

    /// Applies `entries` in order; one answer per entry.
    pub fn apply_entries(
        &self,
        entries: impl IntoIterator<Item = RaftEntry>,
    ) -> Vec<CommitApplied> {
        let mut applied = lock(&self.applied);
        let mut image = (*applied.image).clone();
        let mut answers = Vec::new();
        for entry in entries {
            assert!(
                applied
                    .last_applied
                    .is_none_or(|l| l.index < entry.log_id.index),
                "entry {} applied after {:?}",
                entry.log_id,
                applied.last_applied
            );
            match entry.payload {
                EntryPayload::Blank => {}
                EntryPayload::Normal(commit) => {
                    for record in &commit.records {
                        image.apply(record);
                    }
                }
                EntryPayload::Membership(m) => {
                    applied.membership = StoredMembership::new(Some(entry.log_id), m);
                }
            }
            applied.last_applied = Some(entry.log_id);
            answers.push(CommitApplied {
                record_count: image.record_count(),
            });
        }
        let image = Arc::new(image);
        applied.image = Arc::clone(&image);
        self.published.send_replace(image);
        answers
    }

    /// Replaces the state with the snapshot in `bytes` (meta as the leader announced it).
    fn install_blocking(&self, meta: &RaftSnapshotMeta, bytes: Vec<u8>) -> Result<(), FrameError> {
        let path = self.dir.join(snapshot::SNAPSHOT_FILE);
        let loaded = snapshot::decode_snapshot(&path, bytes, self.snapshot_bytes_max)?;
        if loaded.meta.last_log_id != meta.last_log_id {
            return Err(FrameError::Corrupt {
                path,
                position: 0,
                reason: format!(
                    "a snapshot of {:?} announced as of {:?}",
                    loaded.meta.last_log_id, meta.last_log_id
                ),
            });
        }
        let _writing = lock(&self.snapshot_writes);
        snapshot::write_snapshot_file(&self.dir, &loaded.bytes)?;
        let mut applied = lock(&self.applied);
        applied.image = Arc::new(loaded.image.clone());
        applied.last_applied = meta.last_log_id;
        applied.membership = meta.last_membership.clone();
        applied.current = Some(loaded);
        self.published.send_replace(Arc::clone(&applied.image));
        tracing::info!(last_log_id = ?meta.last_log_id, "installed a metadata snapshot");
        Ok(())
    }

    fn snapshot_of(loaded: &LoadedSnapshot) -> Snapshot<MetadataRaftConfig> {
        Snapshot {
            meta: loaded.meta.clone(),
            snapshot: Box::new(Cursor::new(loaded.bytes.clone())),
        }
    }
}

/// Builds a snapshot of the image as it was when the builder was made.
pub struct ImageSnapshotBuilder {
    dir: PathBuf,
    snapshot_bytes_max: usize,
    image: Arc<MetadataImage>,
    meta: RaftSnapshotMeta,
    applied: Arc<Mutex<Applied>>,
    snapshot_writes: Arc<Mutex<()>>,
}

impl ImageSnapshotBuilder {
    /// Writes the snapshot file and makes it the current snapshot (blocking), unless a
    /// snapshot at least as new became current since the builder captured its image (one
    /// installed from the leader meanwhile): the file must never go back behind the log
    /// openraft purged for that one.
    fn build_blocking(self) -> Result<LoadedSnapshot, FrameError> {
        let path = self.dir.join(snapshot::SNAPSHOT_FILE);
        let bytes =
            snapshot::encode_snapshot(&path, &self.meta, &self.image, self.snapshot_bytes_max)?;
        let loaded = LoadedSnapshot {
            meta: self.meta,
            image: (*self.image).clone(),
            bytes,
        };
        let _writing = lock(&self.snapshot_writes);
        let newer = lock(&self.applied)
            .current
            .as_ref()
            .is_none_or(|c| c.meta.last_log_id < loaded.meta.last_log_id);
        if !newer {
            return Ok(loaded);
        }
        snapshot::write_snapshot_file(&self.dir, &loaded.bytes)?;
        let mut applied = lock(&self.applied);
        assert!(
            applied
                .current
                .as_ref()
                .is_none_or(|c| c.meta.last_log_id < loaded.meta.last_log_id),
            "a snapshot became current while another was being written"
        );
        applied.current = Some(loaded.clone());
        Ok(loaded)
    }
}

fn snapshot_error(e: &FrameError) -> RaftStorageError {
    StorageIOError::write_snapshot(None, AnyError::new(e)).into()
}

impl RaftSnapshotBuilder<MetadataRaftConfig> for ImageSnapshotBuilder {
    async fn build_snapshot(&mut self) -> Result<Snapshot<MetadataRaftConfig>, RaftStorageError> {
        let builder = ImageSnapshotBuilder {
            dir: self.dir.clone(),
            snapshot_bytes_max: self.snapshot_bytes_max,
            image: Arc::clone(&self.image),
            meta: self.meta.clone(),
            applied: Arc::clone(&self.applied),
            snapshot_writes: Arc::clone(&self.snapshot_writes),
        };
        let loaded = run_blocking("building a snapshot", move || builder.build_blocking())
            .await
            .map_err(|e| snapshot_error(&e))?;
        tracing::info!(last_log_id = ?loaded.meta.last_log_id, bytes = loaded.bytes.len(),
            "built a metadata snapshot");
        Ok(MetadataStateMachine::snapshot_of(&loaded))
    }
}

impl RaftStateMachine<MetadataRaftConfig> for MetadataStateMachine {
    type SnapshotBuilder = ImageSnapshotBuilder;

    async fn applied_state(
        &mut self,
    ) -> Result<(Option<RaftLogId>, RaftMembership), RaftStorageError> {
        let applied = lock(&self.applied);
        Ok((applied.last_applied, applied.membership.clone()))
    }

    async fn apply<I>(&mut self, entries: I) -> Result<Vec<CommitApplied>, RaftStorageError>
    where
        I: IntoIterator<Item = RaftEntry> + Send,
        I::IntoIter: Send,
    {
        Ok(self.apply_entries(entries))
    }

    async fn get_snapshot_builder(&mut self) -> Self::SnapshotBuilder {
        let applied = lock(&self.applied);
        let build = self.builds.fetch_add(1, Ordering::Relaxed);
        let snapshot_id = match applied.last_applied {
            Some(l) => format!("{}-{}-{build}", l.leader_id, l.index),
            None => format!("empty-{build}"),
        };
        ImageSnapshotBuilder {
            dir: self.dir.clone(),
            snapshot_bytes_max: self.snapshot_bytes_max,
            image: Arc::clone(&applied.image),
            meta: RaftSnapshotMeta {
                last_log_id: applied.last_applied,
                last_membership: applied.membership.clone(),
                snapshot_id,
            },
            applied: Arc::clone(&self.applied),
            snapshot_writes: Arc::clone(&self.snapshot_writes),
        }
    }

    async fn begin_receiving_snapshot(&mut self) -> Result<Box<Cursor<Vec<u8>>>, RaftStorageError> {
        Ok(Box::new(Cursor::new(Vec::new())))
    }

    async fn install_snapshot(
        &mut self,
        meta: &RaftSnapshotMeta,
        snapshot: Box<Cursor<Vec<u8>>>,
    ) -> Result<(), RaftStorageError> {
        let bytes = snapshot.into_inner();
        let machine = MetadataStateMachine {
            dir: self.dir.clone(),
            snapshot_bytes_max: self.snapshot_bytes_max,
            applied: Arc::clone(&self.applied),
            published: Arc::clone(&self.published),
            builds: Arc::clone(&self.builds),
            snapshot_writes: Arc::clone(&self.snapshot_writes),
        };
        let meta = meta.clone();
        run_blocking("installing a snapshot", move || {
            machine.install_blocking(&meta, bytes)
        })
        .await
        .map_err(|e| StorageIOError::write_snapshot(None, AnyError::new(&e)).into())
    }

    async fn get_current_snapshot(
        &mut self,
    ) -> Result<Option<Snapshot<MetadataRaftConfig>>, RaftStorageError> {
        let applied = lock(&self.applied);
        Ok(applied.current.as_ref().map(Self::snapshot_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quorum::MetadataCommit;
    use crate::record::{MetadataRecord, ProducerIdsRecord};
    use openraft::{CommittedLeaderId, LogId};

    fn commit(index: u64, next_producer_id: i64) -> RaftEntry {
        let record = MetadataRecord::ProducerIds(ProducerIdsRecord { next_producer_id });
        RaftEntry {
            log_id: LogId::new(CommittedLeaderId::new(1, 1), index),
            payload: EntryPayload::Normal(MetadataCommit {
                records: vec![record],
            }),
        }
    }

    fn open(dir: &Path) -> Result<MetadataStateMachine, FrameError> {
        let (published, _) = watch::channel(Arc::new(MetadataImage::default()));
        MetadataStateMachine::open(dir, 1 << 20, Arc::new(published))
    }

    #[tokio::test]
    async fn a_snapshot_built_from_an_older_state_never_replaces_a_newer_installed_one() {
        // A builder captures the image when openraft asks for it and writes later; a newer
        // snapshot installed from the leader in between stays the one on disk, so a restart
        // does not start from a state behind the log openraft purged after the install.
        let leader_dir = tempfile::tempdir().unwrap();
        let mut leader = open(leader_dir.path()).unwrap();
        leader.apply_entries((0..5).map(|i| commit(i, i as i64)));
        let newer = leader
            .get_snapshot_builder()
            .await
            .build_snapshot()
            .await
            .unwrap();

        let dir = tempfile::tempdir().unwrap();
        let mut machine = open(dir.path()).unwrap();
        machine.apply_entries([commit(0, 0)]);
        let mut older = machine.get_snapshot_builder().await;
        machine
            .install_snapshot(&newer.meta, newer.snapshot)
            .await
            .unwrap();
        older.build_snapshot().await.unwrap();
        drop(machine);
        let mut reopened = open(dir.path()).unwrap();
        let (applied, _) = reopened.applied_state().await.unwrap();
        assert_eq!(applied.map(|l| l.index), Some(4));
        let current = reopened.get_current_snapshot().await.unwrap().unwrap();
        assert_eq!(current.meta.last_log_id.map(|l| l.index), Some(4));
    }

    #[tokio::test]
    async fn a_built_snapshot_reopens_as_the_same_image_and_a_damaged_one_refuses() {
        // What a snapshot captured (image and last applied id) is what the next open starts
        // from; a snapshot file with a flipped byte refuses to open, naming the file.
        let dir = tempfile::tempdir().unwrap();
        let mut machine = open(dir.path()).unwrap();
        machine.apply_entries([commit(0, 5), commit(1, 9)]);
        let image = machine.image();
        let mut builder = machine.get_snapshot_builder().await;
        let built = builder.build_snapshot().await.unwrap();
        assert_eq!(built.meta.last_log_id.map(|l| l.index), Some(1));
        drop(machine);
        let mut reopened = open(dir.path()).unwrap();
        assert_eq!(*reopened.image(), *image);
        let (applied, _) = reopened.applied_state().await.unwrap();
        assert_eq!(applied.map(|l| l.index), Some(1));
        let path = dir.path().join(snapshot::SNAPSHOT_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[12] ^= 0x01;
        std::fs::write(&path, &bytes).unwrap();
        let err = open(dir.path()).err().expect("refused");
        assert!(matches!(err, FrameError::Corrupt { .. }), "{err}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
    }
}
