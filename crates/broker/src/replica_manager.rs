//! The replica manager: the partitions this broker leads, each backed by a storage [`Log`]
//! owned by the data directory's [`LogManager`].
//!
//! The log manager loads every partition directory at start (skipping the scan of segments
//! after a clean shutdown, recovering from the last recovery point otherwise), keeps the
//! recovery-point, log-start, high-watermark and cleaner checkpoints, and runs retention,
//! `flush.ms` flushes and the cleaner in the background. This module follows the metadata
//! image on top of it: [`ReplicaManager::sync`] creates a log for every partition the image
//! assigns here and deletes the logs of partitions the image no longer has, and
//! [`ReplicaManager::update_configs`] pushes changed topic configs into live logs, so a new
//! `retention.ms` or `cleanup.policy` takes effect at the next background pass.
//!
//! Each partition directory carries a `partition.metadata` file with its topic id (Kafka's
//! format: `version: 0` and `topic_id: <base64>` lines), so a topic deleted and re-created
//! under the same name while the broker was down never serves the old topic's records.
//!
//! On a single node the leader is the whole in-sync replica set, so the high watermark
//! follows the log end on every append. Appends bump a counter on a `watch` channel; a
//! long-polling Fetch waits on it instead of sleeping.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use strom_metadata::{MetadataImage, TopicId};
use strom_storage::{
    CleanerConfig, Log, LogConfig, LogManager, LogManagerConfig, StorageError, SystemClock,
    TopicPartition,
};
use tokio::sync::watch;

use crate::config::BrokerConfig;
use crate::topic_config::log_config;

/// Threads running grouped fsyncs.
const FLUSH_THREADS: usize = 2;
/// Bound on partition logs in the data directory.
pub const PARTITIONS_MAX: usize = 100_000;
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
    log_manager: Arc<LogManager>,
    partitions: RwLock<HashMap<TopicPartition, Arc<Partition>>>,
    appended: watch::Sender<u64>,
    /// Held for a whole [`ReplicaManager::sync`]: two syncs at once could write the same
    /// `partition.metadata`, or one working from an older image could take a log the other
    /// just created for a stray and delete it.
    sync_lock: Mutex<()>,
}

/// The log manager's settings, from the broker's properties and the topics' configs.
fn log_manager_config(image: &MetadataImage, config: &BrokerConfig) -> LogManagerConfig {
    let topic_configs: BTreeMap<String, LogConfig> = image
        .topics()
        .map(|t| (t.name.clone(), log_config(image, config, &t.name)))
        .collect();
    LogManagerConfig {
        data_dir: config.data_dir.clone(),
        // No topic is named "": this is the broker-wide default chain.
        default_log_config: log_config(image, config, ""),
        topic_configs,
        recovery_threads: config.num_recovery_threads_per_data_dir,
        flush_threads: FLUSH_THREADS,
        partitions_max: PARTITIONS_MAX,
        retention_check_interval_ms: config.log_retention_check_interval_ms,
        flush_check_interval_ms: config.log_flush_scheduler_interval_ms,
        checkpoint_interval_ms: config.log_flush_offset_checkpoint_interval_ms,
        cleaner: config.log_cleaner_enable.then(CleanerConfig::default),
        cleaner_backoff_ms: config.log_cleaner_backoff_ms,
        producer_id_expiration_ms: config.producer_id_expiration_ms,
        producer_id_expiration_check_interval_ms: config.producer_id_expiration_check_interval_ms,
        open_files_max: strom_storage::open_files_max_default(),
    }
}

impl ReplicaManager {
    /// Loads every partition log in the data directory (recovering after a crash) and starts
    /// the background retention, flush, checkpoint and cleaner threads. Blocking.
    pub fn open(image: &MetadataImage, config: &BrokerConfig) -> Result<Self, ReplicaError> {
        let log_manager =
            LogManager::open(log_manager_config(image, config), Arc::new(SystemClock))?;
        log_manager.start_background()?;
        Ok(ReplicaManager {
            log_manager,
            partitions: RwLock::new(HashMap::new()),
            appended: watch::channel(0).0,
            sync_lock: Mutex::new(()),
        })
    }

    pub fn log_manager(&self) -> &Arc<LogManager> {
        &self.log_manager
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

    /// Exclusive right to [`ReplicaManager::sync`]; take it *before* reading the image to
    /// sync to, so syncs apply images in the order they were read.
    pub fn lock_sync(&self) -> MutexGuard<'_, ()> {
        self.sync_lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Brings the open partitions in line with `image`: opens what is missing, deletes what
    /// was removed (including logs left on disk by a topic deleted while the broker was
    /// down). Blocking: runs on a blocking thread. Returns the partitions it opened. The
    /// caller holds [`ReplicaManager::lock_sync`].
    pub fn sync(
        &self,
        _locked: &MutexGuard<'_, ()>,
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
            self.delete_log(&partition.topic_partition)?;
        }
        self.delete_stray_logs(image, &wanted)?;
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

    /// Deletes loaded logs that belong to no topic of the image: their `partition.metadata`
    /// names a topic id the image does not have. Directories without that file were not
    /// created for a topic partition here and are left alone.
    fn delete_stray_logs(
        &self,
        image: &MetadataImage,
        wanted: &HashMap<TopicPartition, (TopicId, i32)>,
    ) -> Result<(), ReplicaError> {
        for log in self.log_manager.logs() {
            let tp = log.topic_partition();
            if wanted.contains_key(tp) || self.read_partitions().contains_key(tp) {
                continue;
            }
            let Some(id) = read_partition_metadata(log.dir()) else {
                continue;
            };
            if image.topic_by_id(id).is_none() {
                tracing::info!(partition = %tp, topic_id = %id,
                    "deleting the log of a deleted topic");
                self.delete_log(tp)?;
            }
        }
        Ok(())
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
        log_config: LogConfig,
    ) -> Result<Partition, ReplicaError> {
        if let Some(existing) = self.log_manager.log(&tp) {
            match read_partition_metadata(existing.dir()) {
                Some(id) if id != topic_id => {
                    tracing::warn!(partition = %tp, old = %id, new = %topic_id,
                        "removing the log of an earlier topic with the same name");
                    self.delete_log(&tp)?;
                }
                _ => {}
            }
        }
        let log = self
            .log_manager
            .get_or_create_log(&tp, Some(log_config.clone()))?;
        if *log.config() != log_config {
            log.update_config(log_config)?;
        }
        write_partition_metadata(log.dir(), topic_id)?;
        log.update_high_watermark(log.log_end_offset());
        tracing::debug!(partition = %tp, log_end = %log.log_end_offset(), "partition online");
        Ok(Partition {
            topic_partition: tp,
            topic_id,
            leader_epoch,
            log,
        })
    }

    fn delete_log(&self, tp: &TopicPartition) -> Result<(), ReplicaError> {
        if self.log_manager.delete_log(tp)? {
            tracing::info!(partition = %tp, "deleted log");
        }
        Ok(())
    }

    /// Flushes and closes every log, writes the checkpoints and then the clean-shutdown
    /// marker, so the next start loads without scanning segments. Blocking.
    pub fn shutdown(&self) {
        self.write_partitions().clear();
        if let Err(e) = self.log_manager.shutdown() {
            tracing::error!(error = %e, "log shutdown failed: the next start recovers");
        }
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
