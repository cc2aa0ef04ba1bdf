//! `LogManager`: owns one data directory and every partition log in it.
//!
//! On open it finishes deleting partitions whose deletion a crash interrupted
//! (`<topic>-<partition>.<id>-delete` directories), reads the data directory's checkpoints,
//! and loads every `<topic>-<partition>` directory on a bounded pool of threads, logging how
//! long it took. A partition that fails to load does not stop the others: it is offline (an
//! ERROR line names its directory and why), [`LogManager::offline_partitions`] lists it, a
//! lookup of it is [`StorageError::LogOffline`] (the broker's `KAFKA_STORAGE_ERROR`), its
//! directory is left as it is for an operator, and its checkpoint entries are kept.
//!
//! Every log of the directory takes its descriptors from one [`FileCache`] bounded by
//! [`LogManagerConfig::open_files_max`], so idle partitions hold none. If the `.kafka_cleanshutdown` marker (an empty file) is present, no segment
//! is scanned; it is removed, durably, before anything is written, so a crash from then on
//! forces recovery on the next start.
//!
//! In the background it runs retention, `flush.ms` flushes, checkpointing and the cleaner on
//! fixed intervals, each pass visiting every log once. Shutdown closes every log (flushing
//! it), writes the checkpoints, and only then writes the clean-shutdown marker.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::checkpoint::{
    CLEANER_OFFSET_CHECKPOINT, LOG_START_OFFSET_CHECKPOINT, OffsetCheckpointFile,
    RECOVERY_POINT_CHECKPOINT, REPLICATION_OFFSET_CHECKPOINT, sync_dir,
};
use crate::error::IoContext;
use crate::file_cache::{FileCache, open_files_max_default};
use crate::{
    CleanerConfig, Clock, FlushScheduler, LoadParams, Log, LogCleaner, LogConfig, Offset, Result,
    StorageError, TopicPartition,
};

/// One partition loaded at start, or why it could not be (with what the checkpoints said).
type Loaded = (TopicPartition, Result<Arc<Log>>, LoadParams);

/// A partition whose directory could not be loaded.
#[derive(Debug, Clone)]
struct OfflinePartition {
    reason: String,
    /// What the checkpoints said about it, written back unchanged.
    params: LoadParams,
}

/// The marker file Kafka writes after a clean shutdown.
pub const CLEAN_SHUTDOWN_FILE: &str = ".kafka_cleanshutdown";
/// Suffix of a partition directory being deleted.
const DELETE_DIR_SUFFIX: &str = "-delete";
/// Suffix of a partition directory set aside because no topic claims it (Kafka's name).
pub const STRAY_DIR_SUFFIX: &str = "-stray";

/// Configuration of a [`LogManager`].
#[derive(Debug, Clone)]
pub struct LogManagerConfig {
    pub data_dir: PathBuf,
    /// Config of every log without an entry in `topic_configs`.
    pub default_log_config: LogConfig,
    /// Per-topic configs (the broker keeps these in step with metadata).
    pub topic_configs: BTreeMap<String, LogConfig>,
    /// Threads loading logs at start (`num.recovery.threads.per.data.dir`).
    pub recovery_threads: usize,
    /// Threads running fsyncs.
    pub flush_threads: usize,
    /// Bound on partitions in this directory.
    pub partitions_max: usize,
    /// `log.retention.check.interval.ms`.
    pub retention_check_interval_ms: u64,
    /// How often logs are checked against `flush.ms`.
    pub flush_check_interval_ms: u64,
    /// `log.flush.offset.checkpoint.interval.ms` (all four offset checkpoints).
    pub checkpoint_interval_ms: u64,
    /// `None` disables the cleaner (`log.cleaner.enable=false`).
    pub cleaner: Option<CleanerConfig>,
    /// `log.cleaner.backoff.ms`: the cleaner's sleep when no log needs cleaning.
    pub cleaner_backoff_ms: u64,
    /// `producer.id.expiration.ms`: how long a partition remembers an idle producer (its
    /// epoch and last sequences) that has no open transaction.
    pub producer_id_expiration_ms: i64,
    /// `producer.id.expiration.check.interval.ms`: how often idle producers are forgotten.
    pub producer_id_expiration_check_interval_ms: u64,
    /// Bound on the segment file descriptors kept open while idle, for every partition of
    /// the directory together (see [`FileCache`]). Defaults to half the process's soft
    /// `RLIMIT_NOFILE` ([`open_files_max_default`]).
    pub open_files_max: usize,
    /// Directories of the data directory that belong to other components (the metadata
    /// quorum's), named here so that they are neither partitions nor warned about.
    pub foreign_dirs: Vec<String>,
}

impl LogManagerConfig {
    pub fn new(data_dir: PathBuf) -> Self {
        LogManagerConfig {
            data_dir,
            default_log_config: LogConfig::default(),
            topic_configs: BTreeMap::new(),
            recovery_threads: 2,
            flush_threads: 2,
            partitions_max: 100_000,
            retention_check_interval_ms: 300_000,
            flush_check_interval_ms: 1_000,
            checkpoint_interval_ms: 60_000,
            cleaner: Some(CleanerConfig::default()),
            cleaner_backoff_ms: 15_000,
            producer_id_expiration_ms: 86_400_000,
            producer_id_expiration_check_interval_ms: 600_000,
            open_files_max: open_files_max_default(),
            foreign_dirs: Vec::new(),
        }
    }

    fn log_config(&self, topic: &str) -> LogConfig {
        self.topic_configs
            .get(topic)
            .cloned()
            .unwrap_or_else(|| self.default_log_config.clone())
    }
}

/// One partition's footprint, for reporting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionSize {
    pub topic_partition: TopicPartition,
    pub size_bytes: u64,
    pub segments: usize,
    pub log_start_offset: Offset,
    pub log_end_offset: Offset,
}

#[derive(Debug, Default)]
struct Stop {
    stopped: Mutex<bool>,
    signal: Condvar,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The logs of one data directory.
#[derive(Debug)]
pub struct LogManager {
    config: LogManagerConfig,
    clock: Arc<dyn Clock>,
    flusher: Arc<FlushScheduler>,
    logs: RwLock<BTreeMap<TopicPartition, Arc<Log>>>,
    offline: RwLock<BTreeMap<TopicPartition, OfflinePartition>>,
    files: Arc<FileCache>,
    cleaner: LogCleaner,
    checkpoint_lock: Mutex<()>,
    stop: Arc<Stop>,
    background: Mutex<Vec<JoinHandle<()>>>,
}

impl LogManager {
    /// Opens the data directory and loads (recovering as needed) every partition in it.
    pub fn open(config: LogManagerConfig, clock: Arc<dyn Clock>) -> Result<Arc<LogManager>> {
        let started = Instant::now();
        let dir = config.data_dir.clone();
        fs::create_dir_all(&dir).io("create", &dir)?;
        let marker = dir.join(CLEAN_SHUTDOWN_FILE);
        let clean = marker.exists();
        let partitions = partition_dirs(&dir, &config.foreign_dirs)?;
        let mut partitions = partitions;
        let mut excess = Vec::new();
        if partitions.len() > config.partitions_max {
            // More directories than the bound: the rest stay offline rather than the start
            // failing for all of them.
            partitions.sort();
            excess = partitions.split_off(config.partitions_max);
        }
        let flusher = FlushScheduler::start(config.flush_threads);
        let files = FileCache::new(config.open_files_max);
        let mut logs = BTreeMap::new();
        let mut offline = BTreeMap::new();
        let loaded = load_partitions(&config, &partitions, clean, &clock, &flusher, &files)?;
        for (tp, result, params) in loaded {
            match result {
                Ok(log) => {
                    logs.insert(tp, log);
                }
                Err(e) => {
                    tracing::error!(
                        dir = %dir.join(tp.dir_name()).display(),
                        error = %e,
                        "partition offline: its log could not be loaded"
                    );
                    let reason = e.to_string();
                    offline.insert(tp, OfflinePartition { reason, params });
                }
            }
        }
        if clean {
            fs::remove_file(&marker).io("delete", &marker)?;
            sync_dir(&dir)?;
        }
        for tp in excess {
            tracing::error!(partition = %tp, limit = config.partitions_max,
                "partition offline: more partition directories than partitions_max");
            let reason = format!("beyond partitions_max {}", config.partitions_max);
            let params = LoadParams::default();
            offline.insert(tp, OfflinePartition { reason, params });
        }
        tracing::info!(
            dir = %dir.display(),
            partitions = logs.len(),
            offline = offline.len(),
            clean_shutdown = clean,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "loaded logs"
        );
        let cleaner = LogCleaner::new(config.cleaner.clone().unwrap_or_default());
        let manager = Arc::new(LogManager {
            config,
            clock,
            flusher,
            logs: RwLock::new(logs),
            offline: RwLock::new(offline),
            files,
            cleaner,
            checkpoint_lock: Mutex::new(()),
            stop: Arc::new(Stop::default()),
            background: Mutex::new(Vec::new()),
        });
        manager.checkpoint()?;
        Ok(manager)
    }

    pub fn data_dir(&self) -> &Path {
        &self.config.data_dir
    }

    /// Installs the listener every log of this directory tells when a flush makes more of
    /// it durable. Install it before the logs take writes; only the first one counts.
    pub fn set_durability_listener(&self, listener: Arc<dyn crate::DurabilityListener>) {
        self.flusher.handle().set_durability_listener(listener);
    }

    /// Partitions whose logs could not be loaded at start, with why. They take no reads
    /// or writes until a restart loads them; deleting one removes its directory.
    pub fn offline_partitions(&self) -> Vec<(TopicPartition, String)> {
        self.offline
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(tp, o)| (tp.clone(), o.reason.clone()))
            .collect()
    }

    /// The descriptor cache every log of the directory uses.
    pub fn file_cache(&self) -> &Arc<FileCache> {
        &self.files
    }

    fn offline_error(&self, tp: &TopicPartition) -> Option<StorageError> {
        self.offline
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(tp)
            .then(|| StorageError::LogOffline(tp.clone()))
    }

    /// The log of `tp` if it is loaded (`None` for an offline partition too: see
    /// [`LogManager::get_or_create_log`], which tells them apart).
    pub fn log(&self, tp: &TopicPartition) -> Option<Arc<Log>> {
        self.logs
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(tp)
            .cloned()
    }

    pub fn logs(&self) -> Vec<Arc<Log>> {
        self.logs
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .cloned()
            .collect()
    }

    /// The log of `tp`, created empty (with `config`, or the topic's configured one) if absent.
    /// An offline partition is [`StorageError::LogOffline`]: its directory is not replaced.
    pub fn get_or_create_log(
        &self,
        tp: &TopicPartition,
        config: Option<LogConfig>,
    ) -> Result<Arc<Log>> {
        if let Some(log) = self.log(tp) {
            return Ok(log);
        }
        if let Some(e) = self.offline_error(tp) {
            return Err(e);
        }
        if !TopicPartition::is_valid_topic(&tp.topic) || tp.partition < 0 {
            return Err(StorageError::BadName {
                name: tp.dir_name(),
                reason: "not a valid topic partition",
            });
        }
        let mut logs = self.logs.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(log) = logs.get(tp) {
            return Ok(Arc::clone(log));
        }
        if logs.len() >= self.config.partitions_max {
            return Err(StorageError::InvalidConfig(format!(
                "partitions_max {} reached",
                self.config.partitions_max
            )));
        }
        let (log, _) = Log::open_in(
            self.config.data_dir.join(tp.dir_name()),
            tp.clone(),
            config.unwrap_or_else(|| self.config.log_config(&tp.topic)),
            LoadParams::default(),
            Arc::clone(&self.clock),
            self.flusher.handle(),
            Arc::clone(&self.files),
        )?;
        log.mark_parent_dir_dirty();
        logs.insert(tp.clone(), Arc::clone(&log));
        Ok(log)
    }

    /// Deletes a partition: the directory is first renamed to `<name>.<n>-delete` (durably),
    /// so a crash mid-removal is finished at the next start, then removed.
    pub fn delete_log(&self, tp: &TopicPartition) -> Result<bool> {
        let removed = self
            .logs
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(tp);
        let Some(log) = removed else {
            return self.delete_offline(tp);
        };
        log.close_for_delete();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let doomed = self
            .config
            .data_dir
            .join(format!("{}.{nanos:x}{DELETE_DIR_SUFFIX}", tp.dir_name()));
        fs::rename(log.dir(), &doomed).io("rename", log.dir())?;
        sync_dir(&self.config.data_dir)?;
        fs::remove_dir_all(&doomed).io("delete", &doomed)?;
        self.checkpoint()?;
        Ok(true)
    }

    /// Removes the directory of an offline partition (its topic was deleted).
    fn delete_offline(&self, tp: &TopicPartition) -> Result<bool> {
        let removed = self
            .offline
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(tp);
        if removed.is_none() {
            return Ok(false);
        }
        let path = self.config.data_dir.join(tp.dir_name());
        match fs::remove_dir_all(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e).io("delete", &path)?,
            _ => {}
        }
        sync_dir(&self.config.data_dir)?;
        self.checkpoint()?;
        Ok(true)
    }

    /// Sets a partition aside without deleting anything: its log is closed and its directory
    /// renamed to `<topic>-<partition>.<n>-stray` (durably), which later starts ignore. An
    /// operator can inspect it and delete it or move it back. Returns the new path, or
    /// `None` if the partition was neither loaded nor offline.
    pub fn set_aside_stray(&self, tp: &TopicPartition) -> Result<Option<PathBuf>> {
        let removed = self
            .logs
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(tp);
        let from = match removed {
            Some(log) => {
                log.close()?;
                log.dir().to_path_buf()
            }
            None => {
                let offline = self
                    .offline
                    .write()
                    .unwrap_or_else(PoisonError::into_inner)
                    .remove(tp);
                if offline.is_none() {
                    return Ok(None);
                }
                self.config.data_dir.join(tp.dir_name())
            }
        };
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let stray = self
            .config
            .data_dir
            .join(format!("{}.{nanos:x}{STRAY_DIR_SUFFIX}", tp.dir_name()));
        fs::rename(&from, &stray).io("rename", &from)?;
        sync_dir(&self.config.data_dir)?;
        self.checkpoint()?;
        Ok(Some(stray))
    }

    /// Writes the four offset checkpoints of the data directory. Offline partitions keep
    /// the entries they were loaded with.
    pub fn checkpoint(&self) -> Result<()> {
        let _one_at_a_time = lock(&self.checkpoint_lock);
        let logs = self.logs();
        let offline: Vec<(TopicPartition, LoadParams)> = self
            .offline
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(tp, o)| (tp.clone(), o.params))
            .collect();
        let collect = |f: &dyn Fn(&Log) -> Offset,
                       g: &dyn Fn(&LoadParams) -> Offset|
         -> BTreeMap<TopicPartition, Offset> {
            logs.iter()
                .map(|l| (l.topic_partition().clone(), f(l)))
                .chain(offline.iter().map(|(tp, p)| (tp.clone(), g(p))))
                .collect()
        };
        let dir = &self.config.data_dir;
        OffsetCheckpointFile::new(dir.join(RECOVERY_POINT_CHECKPOINT))
            .write(&collect(&|l| l.recovery_point(), &|p| p.recovery_point))?;
        OffsetCheckpointFile::new(dir.join(LOG_START_OFFSET_CHECKPOINT))
            .write(&collect(&|l| l.log_start_offset(), &|p| p.log_start_offset))?;
        OffsetCheckpointFile::new(dir.join(REPLICATION_OFFSET_CHECKPOINT))
            .write(&collect(&|l| l.high_watermark(), &|p| p.high_watermark))?;
        OffsetCheckpointFile::new(dir.join(CLEANER_OFFSET_CHECKPOINT))
            .write(&collect(&|l| l.cleaner_checkpoint(), &|p| {
                p.cleaner_checkpoint
            }))
    }

    /// One retention pass over every log. Returns segments deleted.
    pub fn run_retention(&self) -> usize {
        let mut deleted = 0;
        for log in self.logs() {
            match log.delete_old_segments() {
                Ok(n) => deleted += n,
                Err(e) => tracing::error!(partition = %log.topic_partition(), error = %e,
                    "retention failed"),
            }
        }
        deleted
    }

    /// Forgets, in every log, the producers idle for `producer.id.expiration.ms` that have no
    /// open transaction.
    pub fn run_producer_expiration(&self) {
        for log in self.logs() {
            log.remove_expired_producers(self.config.producer_id_expiration_ms);
        }
    }

    /// Queues a flush of every log whose `flush.ms` has passed.
    pub fn run_flush_check(&self) {
        let now = self.clock.now();
        for log in self.logs() {
            if log.flush_due(now) {
                log.schedule_flush();
            }
        }
    }

    /// Cleans the dirtiest compacted log, if any is dirty enough. Returns whether one was.
    pub fn run_cleaner_once(&self) -> bool {
        let dirtiest = self
            .logs()
            .into_iter()
            .filter_map(|log| {
                let ratio = self.cleaner.dirty_ratio(&log)?;
                (ratio >= log.config().min_cleanable_dirty_ratio).then_some((ratio, log))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((_, log)) = dirtiest else {
            return false;
        };
        match self.cleaner.clean(&log) {
            Ok(done) => done.is_some(),
            Err(e) => {
                tracing::error!(partition = %log.topic_partition(), error = %e, "clean failed");
                false
            }
        }
    }

    /// Sizes per partition.
    pub fn partition_sizes(&self) -> Vec<PartitionSize> {
        self.logs()
            .iter()
            .map(|log| {
                let segments = log.segments();
                PartitionSize {
                    topic_partition: log.topic_partition().clone(),
                    size_bytes: segments.iter().map(|s| s.size_bytes).sum(),
                    segments: segments.len(),
                    log_start_offset: log.log_start_offset(),
                    log_end_offset: log.log_end_offset(),
                }
            })
            .collect()
    }

    /// Total `.log` bytes in the directory.
    pub fn total_size_bytes(&self) -> u64 {
        self.logs().iter().map(|l| l.size_bytes()).sum()
    }

    /// Starts the background threads: one scheduler (retention, flush.ms, checkpoints) and,
    /// if enabled, one cleaner.
    pub fn start_background(self: &Arc<Self>) -> Result<()> {
        let mut background = lock(&self.background);
        let manager = Arc::clone(self);
        let spawn = |name: &str, f: Box<dyn FnOnce() + Send>| {
            std::thread::Builder::new()
                .name(name.to_string())
                .spawn(f)
                .io("spawn thread", Path::new(name))
        };
        background.push(spawn(
            "strom-log-scheduler",
            Box::new(move || manager.schedule_loop()),
        )?);
        if self.config.cleaner.is_some() {
            let manager = Arc::clone(self);
            background.push(spawn(
                "strom-log-cleaner",
                Box::new(move || manager.clean_loop()),
            )?);
        }
        Ok(())
    }

    /// Sleeps up to `ms` or until shutdown; returns whether shutdown was signalled.
    fn sleep(&self, ms: u64) -> bool {
        let stopped = lock(&self.stop.stopped);
        let (stopped, _) = self
            .stop
            .signal
            .wait_timeout_while(stopped, Duration::from_millis(ms), |s| !*s)
            .unwrap_or_else(PoisonError::into_inner);
        *stopped
    }

    fn schedule_loop(&self) {
        let tick = self
            .config
            .flush_check_interval_ms
            .min(self.config.retention_check_interval_ms)
            .min(self.config.checkpoint_interval_ms)
            .min(self.config.producer_id_expiration_check_interval_ms)
            .max(10);
        let (mut retention_due, mut checkpoint_due, mut flush_due) = (0u64, 0u64, 0u64);
        let mut expiration_due = self.config.producer_id_expiration_check_interval_ms;
        let started = Instant::now();
        while !self.sleep(tick) {
            let elapsed = started.elapsed().as_millis() as u64;
            if elapsed >= flush_due {
                self.run_flush_check();
                flush_due = elapsed + self.config.flush_check_interval_ms;
            }
            if elapsed >= retention_due {
                self.run_retention();
                retention_due = elapsed + self.config.retention_check_interval_ms;
            }
            if elapsed >= checkpoint_due {
                if let Err(e) = self.checkpoint() {
                    tracing::error!(error = %e, "checkpoint failed");
                }
                checkpoint_due = elapsed + self.config.checkpoint_interval_ms;
            }
            if elapsed >= expiration_due {
                self.run_producer_expiration();
                expiration_due = elapsed + self.config.producer_id_expiration_check_interval_ms;
            }
        }
    }

    fn clean_loop(&self) {
        loop {
            let cleaned = self.run_cleaner_once();
            if self.sleep(if cleaned {
                0
            } else {
                self.config.cleaner_backoff_ms
            }) {
                return;
            }
        }
    }

    /// Closes every log on `recovery_threads` threads (the fsyncs of one log wait on the disk,
    /// not the CPU, so closing logs side by side shortens a shutdown). Returns the first
    /// error; every log is tried.
    fn close_logs(&self) -> Option<StorageError> {
        let logs = self.logs();
        let next = AtomicUsize::new(0);
        let first_error: Mutex<Option<StorageError>> = Mutex::new(None);
        let threads = self
            .config
            .recovery_threads
            .clamp(1, 64)
            .min(logs.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    while let Some(log) = logs.get(next.fetch_add(1, Ordering::Relaxed)) {
                        if let Err(e) = log.close() {
                            tracing::error!(partition = %log.topic_partition(), error = %e,
                                "close failed");
                            lock(&first_error).get_or_insert(e);
                        }
                    }
                });
            }
        });
        first_error
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Stops the background threads, closes (flushes) every log, writes the checkpoints and
    /// then the clean-shutdown marker. If anything fails the marker is not written, so the
    /// next start recovers.
    pub fn shutdown(&self) -> Result<()> {
        *lock(&self.stop.stopped) = true;
        self.stop.signal.notify_all();
        for handle in std::mem::take(&mut *lock(&self.background)) {
            if handle.join().is_err() {
                tracing::error!("a log manager thread panicked");
            }
        }
        let first_error = self.close_logs();
        self.flusher.shutdown();
        self.checkpoint()?;
        if let Some(e) = first_error {
            return Err(e);
        }
        let marker = self.config.data_dir.join(CLEAN_SHUTDOWN_FILE);
        let created = fs::File::create(&marker).io("create", &marker)?;
        crate::fsync::sync_all(&created, &marker)?;
        sync_dir(&self.config.data_dir)
    }
}

/// The partition directories of a data directory. Directories of deletions a crash
/// interrupted (`<name>.<id>-delete`) are removed; `foreign` ones (other components') are
/// skipped; other names are ignored with a warning.
fn partition_dirs(dir: &Path, foreign: &[String]) -> Result<Vec<TopicPartition>> {
    let mut partitions = Vec::new();
    for entry in fs::read_dir(dir).io("list", dir)? {
        let entry = entry.io("list", dir)?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if !entry.file_type().io("stat", &entry.path())?.is_dir() {
            continue;
        }
        if foreign.contains(&name) {
            continue;
        }
        if name.ends_with(DELETE_DIR_SUFFIX) {
            fs::remove_dir_all(entry.path()).io("delete", &entry.path())?;
            continue;
        }
        if name.ends_with(STRAY_DIR_SUFFIX) {
            tracing::warn!(dir = %name, "a stray partition directory set aside earlier is \
                still here; delete it, or move it back if it is needed");
            continue;
        }
        match TopicPartition::from_dir_name(&name) {
            Some(tp) => partitions.push(tp),
            None => tracing::warn!(dir = %name, "ignoring non-partition directory"),
        }
    }
    Ok(partitions)
}

/// Loads `partitions` on `config.recovery_threads` threads, with what the data directory's
/// checkpoints say about each. One result per partition, in no particular order.
fn load_partitions(
    config: &LogManagerConfig,
    partitions: &[TopicPartition],
    clean: bool,
    clock: &Arc<dyn Clock>,
    flusher: &FlushScheduler,
    files: &Arc<FileCache>,
) -> Result<Vec<Loaded>> {
    let dir = &config.data_dir;
    let checkpoint = |name| OffsetCheckpointFile::new(dir.join(name)).read();
    let recovery_points = checkpoint(RECOVERY_POINT_CHECKPOINT)?;
    let log_starts = checkpoint(LOG_START_OFFSET_CHECKPOINT)?;
    let high_watermarks = checkpoint(REPLICATION_OFFSET_CHECKPOINT)?;
    let cleaner_points = checkpoint(CLEANER_OFFSET_CHECKPOINT)?;
    let handle = flusher.handle();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Loaded>> = Mutex::new(Vec::new());
    let threads = config
        .recovery_threads
        .clamp(1, 64)
        .min(partitions.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(tp) = partitions.get(i) else { break };
                    let at = |m: &BTreeMap<TopicPartition, Offset>| {
                        m.get(tp).copied().unwrap_or_default()
                    };
                    let params = LoadParams {
                        recovery_point: at(&recovery_points),
                        log_start_offset: at(&log_starts),
                        high_watermark: at(&high_watermarks),
                        cleaner_checkpoint: at(&cleaner_points),
                        had_clean_shutdown: clean,
                    };
                    // A panic while loading one directory (a check that its bytes failed)
                    // takes that partition offline, not the start.
                    let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        Log::open_in(
                            dir.join(tp.dir_name()),
                            tp.clone(),
                            config.log_config(&tp.topic),
                            params,
                            Arc::clone(clock),
                            handle.clone(),
                            Arc::clone(files),
                        )
                    }))
                    .unwrap_or_else(|panic| Err(StorageError::LoadPanicked(panic_text(&panic))));
                    let result = opened.map(|(log, stats)| {
                        tracing::debug!(partition = %tp, ?stats, "loaded log");
                        log
                    });
                    lock(&results).push((tp.clone(), result, params));
                }
            });
        }
    });
    Ok(results.into_inner().unwrap_or_else(PoisonError::into_inner))
}

/// The message of a caught panic.
fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_else(|| "a panic without a message".into())
}
