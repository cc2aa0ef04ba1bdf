//! The replica manager: the partitions this broker leads, each backed by a storage [`Log`].
//!
//! It follows the metadata image: [`ReplicaManager::sync`] opens a log for every partition the
//! image assigns here and closes and deletes the logs of partitions the image no longer has.
//! Each partition directory carries a `partition.metadata` file with its topic id (Kafka's
//! format: `version: 0` and `topic_id: <base64>` lines), so a topic deleted and re-created
//! under the same name while the broker was down never serves the old topic's records.
//!
//! On a single node the leader is the whole in-sync replica set, so the high watermark
//! follows the log end on every append. Appends bump a counter on a `watch` channel; a
//! long-polling Fetch waits on it instead of sleeping.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use strom_metadata::{MetadataImage, TopicId};
use strom_storage::{
    FlushScheduler, LeaderEpoch, LoadParams, Log, StorageError, SystemClock, TopicPartition,
};
use tokio::sync::watch;

use crate::config::BrokerConfig;
use crate::topic_config::log_config;

/// Threads running grouped fsyncs.
const FLUSH_THREADS: usize = 2;
/// Name of the per-partition file holding the topic id.
const PARTITION_METADATA: &str = "partition.metadata";

/// One partition this broker leads.
#[derive(Debug)]
pub struct Partition {
    pub topic_partition: TopicPartition,
    pub topic_id: TopicId,
    pub leader_epoch: i32,
    pub log: Arc<Log>,
}

impl Partition {
    /// Single node: the leader alone is the ISR, so everything appended is replicated.
    pub fn advance_high_watermark(&self) {
        self.log.update_high_watermark(self.log.log_end_offset());
    }
}

/// Why the replica manager could not open or remove a partition.
#[derive(Debug, thiserror::Error)]
pub enum ReplicaError {
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Every partition led here, and the wakeup for fetches waiting on new data.
#[derive(Debug)]
pub struct ReplicaManager {
    data_dir: PathBuf,
    flusher: Arc<FlushScheduler>,
    partitions: RwLock<HashMap<TopicPartition, Arc<Partition>>>,
    appended: watch::Sender<u64>,
}

impl ReplicaManager {
    pub fn new(data_dir: &Path) -> ReplicaManager {
        ReplicaManager {
            data_dir: data_dir.to_path_buf(),
            flusher: FlushScheduler::start(FLUSH_THREADS),
            partitions: RwLock::new(HashMap::new()),
            appended: watch::channel(0).0,
        }
    }

    pub fn partition(&self, topic: &str, partition: i32) -> Option<Arc<Partition>> {
        let tp = TopicPartition::new(topic, partition);
        self.read_partitions().get(&tp).cloned()
    }

    pub fn all_partitions(&self) -> Vec<Arc<Partition>> {
        self.read_partitions().values().cloned().collect()
    }

    fn read_partitions(
        &self,
    ) -> std::sync::RwLockReadGuard<'_, HashMap<TopicPartition, Arc<Partition>>> {
        self.partitions.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write_partitions(
        &self,
    ) -> std::sync::RwLockWriteGuard<'_, HashMap<TopicPartition, Arc<Partition>>> {
        self.partitions.write().unwrap_or_else(|p| p.into_inner())
    }

    /// Tells long-polling fetches that a partition has new data.
    pub fn notify_appended(&self) {
        self.appended.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// A receiver that changes whenever any partition gets new data.
    pub fn subscribe_appends(&self) -> watch::Receiver<u64> {
        self.appended.subscribe()
    }

    /// Brings the open partitions in line with `image`: opens what is missing (recovering
    /// its log), closes and deletes what was removed. Blocking: runs on a blocking thread.
    /// Returns the partitions it opened.
    pub fn sync(
        &self,
        image: &MetadataImage,
        config: &BrokerConfig,
    ) -> Result<Vec<Arc<Partition>>, ReplicaError> {
        let mut opened = Vec::new();
        let mut wanted: HashMap<TopicPartition, (TopicId, i32)> = HashMap::new();
        for topic in image.topics() {
            for (id, p) in &topic.partitions {
                if p.leader.0 == config.node_id {
                    let tp = TopicPartition::new(topic.name.clone(), *id);
                    wanted.insert(tp, (topic.topic_id, p.leader_epoch));
                }
            }
        }
        let stale: Vec<Arc<Partition>> = self
            .read_partitions()
            .values()
            .filter(|p| wanted.get(&p.topic_partition).map(|w| w.0) != Some(p.topic_id))
            .cloned()
            .collect();
        for partition in stale {
            self.write_partitions().remove(&partition.topic_partition);
            self.delete_partition(&partition)?;
        }
        for (tp, (topic_id, leader_epoch)) in wanted {
            if self.read_partitions().contains_key(&tp) {
                continue;
            }
            let log_config = log_config(image, config, &tp.topic);
            let partition =
                Arc::new(self.open_partition(tp.clone(), topic_id, leader_epoch, log_config)?);
            self.write_partitions().insert(tp, partition.clone());
            opened.push(partition);
        }
        Ok(opened)
    }

    /// Applies changed topic configs to open logs.
    pub fn update_configs(&self, image: &MetadataImage, config: &BrokerConfig) {
        for partition in self.all_partitions() {
            let next = log_config(image, config, &partition.topic_partition.topic);
            if *partition.log.config() != next
                && let Err(e) = partition.log.update_config(next)
            {
                tracing::warn!(partition = %partition.topic_partition, error = %e,
                    "config not applied");
            }
        }
    }

    fn open_partition(
        &self,
        tp: TopicPartition,
        topic_id: TopicId,
        leader_epoch: i32,
        log_config: strom_storage::LogConfig,
    ) -> Result<Partition, ReplicaError> {
        let dir = self.data_dir.join(tp.dir_name());
        match read_partition_metadata(&dir) {
            Some(existing) if existing != topic_id => {
                tracing::warn!(partition = %tp, old = %existing, new = %topic_id,
                    "removing the log of an earlier topic with the same name");
                remove_dir(&dir)?;
            }
            _ => {}
        }
        std::fs::create_dir_all(&dir).map_err(|source| ReplicaError::Io {
            op: "create dir",
            path: dir.clone(),
            source,
        })?;
        write_partition_metadata(&dir, topic_id)?;
        // Checkpoints (recovery point, log start, high watermark) are not kept yet, so every
        // open recovers the whole log and the high watermark restarts at the recovered end.
        let params = LoadParams::default();
        let (log, stats) = Log::open(
            dir,
            tp.clone(),
            log_config,
            params,
            Arc::new(SystemClock),
            self.flusher.handle(),
        )?;
        log.update_high_watermark(log.log_end_offset());
        tracing::debug!(partition = %tp, ?stats, "opened log");
        let _ = LeaderEpoch(leader_epoch);
        Ok(Partition {
            topic_partition: tp,
            topic_id,
            leader_epoch,
            log,
        })
    }

    fn delete_partition(&self, partition: &Partition) -> Result<(), ReplicaError> {
        if let Err(e) = partition.log.close() {
            tracing::warn!(partition = %partition.topic_partition, error = %e,
                "close before delete failed");
        }
        let dir = partition.log.dir().to_path_buf();
        remove_dir(&dir)?;
        tracing::info!(partition = %partition.topic_partition, "deleted log");
        Ok(())
    }

    /// Flushes and closes every log; the broker is shutting down. Blocking.
    pub fn shutdown(&self) {
        let partitions: Vec<_> = self.write_partitions().drain().map(|(_, p)| p).collect();
        for partition in partitions {
            if let Err(e) = partition.log.close() {
                tracing::error!(partition = %partition.topic_partition, error = %e,
                    "flush on shutdown failed");
            }
        }
        self.flusher.shutdown();
    }
}

fn remove_dir(dir: &Path) -> Result<(), ReplicaError> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(ReplicaError::Io {
            op: "remove dir",
            path: dir.to_path_buf(),
            source,
        }),
    }
}

fn read_partition_metadata(dir: &Path) -> Option<TopicId> {
    let text = std::fs::read_to_string(dir.join(PARTITION_METADATA)).ok()?;
    let encoded = text.lines().find_map(|l| l.strip_prefix("topic_id: "))?;
    let bytes = base64_url_decode(encoded.trim())?;
    let array: [u8; 16] = bytes.try_into().ok()?;
    Some(TopicId::from_u128(u128::from_be_bytes(array)))
}

fn write_partition_metadata(dir: &Path, topic_id: TopicId) -> Result<(), ReplicaError> {
    let text = format!(
        "version: 0\ntopic_id: {}\n",
        base64_url_encode(&topic_id.as_u128().to_be_bytes())
    );
    let path = dir.join(PARTITION_METADATA);
    if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    strom_storage::write_atomically(&path, text.as_bytes()).map_err(ReplicaError::Storage)
}

const BASE64_URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding, as Kafka prints topic ids.
pub fn base64_url_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(BASE64_URL[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn base64_url_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        let v = BASE64_URL.iter().position(|&a| a == c)? as u32;
        bits = (bits << 6) | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_ids_round_trip_through_partition_metadata() {
        // The id written into partition.metadata is the id read back.
        let dir = tempfile::tempdir().unwrap();
        let id = TopicId::random();
        write_partition_metadata(dir.path(), id).unwrap();
        assert_eq!(read_partition_metadata(dir.path()), Some(id));
        assert_eq!(base64_url_encode(&[0xfb, 0xff]), "-_8");
    }
}
