//! The controller: the one writer of the metadata log.
//!
//! Each change is validated against the current image, turned into records, appended and
//! fsync'd, and only then applied and published as the next image. Appends fsync, so callers
//! on an async runtime run these methods on a blocking thread. A `std::sync::Mutex` orders
//! writers; readers take the published `Arc<MetadataImage>` and never wait for a write.
//!
//! A change's records are one commit: the log writes them as one entry, so a crash keeps all
//! of them or none. A log that fails a write or fsync takes no more changes; the handler set
//! with [`Controller::on_fatal`] hears of it once (the broker stops).
//!
//! In a cluster every controller node holds a `Controller` over its quorum member, but only
//! the active one (the Raft leader) writes: before each change it checks that it leads and has
//! applied the whole log, and validates against the quorum's image, which every node applies
//! alike. Other nodes answer [`MetadataError::NotController`]; brokers reach the active one
//! through [`request::ControllerRequest`]s.
//!
//! Files: this one holds the topic, partition, config and producer-id changes;
//! [`placement`] spreads replicas over brokers; [`brokers`] registers, heartbeats and fences
//! brokers; [`request`] is the one entry point for requests that may come over the network.

pub mod alter_partition;
pub mod brokers;
pub mod elect_leaders;
pub mod elr;
pub mod placement;
pub mod reassign;
pub mod request;
#[cfg(test)]
mod test_support;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::commit_log::{CommitLog, QuorumCommitLog};
use crate::config::topic_config;
use crate::error::{MetadataError, Result};
use crate::image::MetadataImage;
use crate::log::MetadataLog;
use crate::quorum::QuorumNode;
use crate::record::{
    ConfigRecord, ConfigResource, MetadataRecord, PartitionChangeRecord, PartitionRecord,
    ProducerIdsRecord, RemoveTopicRecord, TopicRecord,
};
use crate::types::{NodeId, TopicId};
use serde::{Deserialize, Serialize};

/// Longest legal topic name (Kafka's limit, so that `<topic>-<partition>` fits a file name).
pub const TOPIC_NAME_BYTES_MAX: usize = 249;

/// Bounds and defaults the controller applies.
#[derive(Debug, Clone)]
pub struct ControllerLimits {
    /// This node's id: the only replica on a single node.
    pub node_id: NodeId,
    /// `num.partitions`: partitions of a topic created without a count.
    pub default_partitions: i32,
    /// `default.replication.factor`.
    pub default_replication_factor: i16,
    /// Most partitions one topic may have.
    pub partitions_per_topic_max: i32,
    /// Most topics the cluster may hold.
    pub topics_max: usize,
    /// Most partitions all topics together may have (`partitions.max`).
    pub partitions_max: usize,
    /// `broker.session.timeout.ms`: a broker silent for this long is fenced.
    pub broker_session_timeout_ms: u64,
    /// `min.insync.replicas` of the controller's static config: what a topic without its
    /// own (and without a dynamic cluster default) has, for eligible leader replicas.
    pub min_insync_replicas: usize,
}

impl Default for ControllerLimits {
    fn default() -> Self {
        ControllerLimits {
            node_id: NodeId(1),
            default_partitions: 1,
            default_replication_factor: 1,
            partitions_per_topic_max: 10_000,
            topics_max: 10_000,
            partitions_max: 100_000,
            broker_session_timeout_ms: 9_000,
            min_insync_replicas: 1,
        }
    }
}

/// A topic to create, as CreateTopics or auto-creation asks for it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewTopic {
    pub name: String,
    /// `-1` means `num.partitions` (ignored when `assignments` are given).
    pub num_partitions: i32,
    /// `-1` means `default.replication.factor`.
    pub replication_factor: i16,
    /// Explicit replicas per partition, in partition order.
    pub assignments: Vec<(i32, Vec<NodeId>)>,
    pub configs: Vec<(String, Option<String>)>,
}

/// What a topic creation resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatedTopic {
    pub topic_id: TopicId,
    pub num_partitions: i32,
    pub replication_factor: i16,
}

#[derive(Debug)]
struct Inner {
    log: CommitLog,
    image: Arc<MetadataImage>,
}

/// Told of every image the controller publishes, in commit order, while the controller's
/// write lock is held: it must only hand the image on (a channel send), never block.
pub trait ImagePublisher: Send + Sync + std::fmt::Debug {
    fn publish(&self, image: &Arc<MetadataImage>);
}

/// Told once when the metadata log fails for good.
pub type FatalHandler = Arc<dyn Fn(&MetadataError) + Send + Sync>;

/// The metadata controller: the single node's, or one node's of a quorum.
pub struct Controller {
    limits: ControllerLimits,
    /// The quorum member, in a cluster: its applied image is the image.
    quorum: Option<Arc<QuorumNode>>,
    /// When each broker last heartbeated, as the active controller heard it.
    heartbeats: Mutex<brokers::Heartbeats>,
    inner: Mutex<Inner>,
    published: Mutex<Arc<MetadataImage>>,
    publisher: std::sync::OnceLock<Arc<dyn ImagePublisher>>,
    fatal: Mutex<Option<FatalHandler>>,
    fatal_reported: AtomicBool,
}

impl std::fmt::Debug for Controller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Controller")
            .field("limits", &self.limits)
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl Controller {
    /// Opens the metadata log at `path` and rebuilds the image from it, record by record.
    pub fn open(path: &Path, limits: ControllerLimits) -> Result<Controller> {
        let mut image = MetadataImage::default();
        let log = MetadataLog::open(path, |record| image.apply(&record))?;
        let image = Arc::new(image);
        tracing::info!(
            path = %path.display(),
            records = log.record_count(),
            topics = image.topic_count(),
            partitions = image.partition_count(),
            "metadata log replayed"
        );
        Ok(Controller::with_log(limits, CommitLog::Local(log), image))
    }

    /// A controller committing through the metadata quorum. Its image is whatever the quorum
    /// member has applied; it writes only while that member leads (see
    /// [`Controller::lock_for_write`]).
    pub fn open_quorum(log: QuorumCommitLog, limits: ControllerLimits) -> Controller {
        let node = Arc::clone(log.node());
        let image = node.image();
        tracing::info!(
            topics = image.topic_count(),
            partitions = image.partition_count(),
            records = image.record_count(),
            "metadata quorum member opened"
        );
        let mut controller = Controller::with_log(limits, CommitLog::Quorum(log), image);
        controller.quorum = Some(node);
        controller
    }

    fn with_log(limits: ControllerLimits, log: CommitLog, image: Arc<MetadataImage>) -> Controller {
        Controller {
            limits,
            quorum: None,
            heartbeats: Mutex::new(brokers::Heartbeats::default()),
            publisher: std::sync::OnceLock::new(),
            fatal: Mutex::new(None),
            fatal_reported: AtomicBool::new(false),
            published: Mutex::new(image.clone()),
            inner: Mutex::new(Inner { log, image }),
        }
    }

    /// The latest image: the single node's last commit, or what this quorum member applied.
    pub fn image(&self) -> Arc<MetadataImage> {
        match &self.quorum {
            Some(node) => node.image(),
            None => lock(&self.published).clone(),
        }
    }

    /// The quorum member, in a cluster.
    pub fn quorum(&self) -> Option<&Arc<QuorumNode>> {
        self.quorum.as_ref()
    }

    /// Takes the write lock, and in a cluster checks that this node is the active
    /// controller with the whole log applied, adopting the quorum's image to validate
    /// against. Every change starts here.
    fn lock_for_write(&self) -> Result<MutexGuard<'_, Inner>> {
        let mut inner = lock(&self.inner);
        if let CommitLog::Quorum(log) = &inner.log {
            log.ensure_leading()?;
            inner.image = log.node().image();
        }
        Ok(inner)
    }

    pub fn limits(&self) -> &ControllerLimits {
        &self.limits
    }

    /// Installs the publisher told of every later image (the broker's metadata listener).
    /// Only the first call counts.
    pub fn set_publisher(&self, publisher: Arc<dyn ImagePublisher>) {
        if self.publisher.set(publisher).is_err() {
            tracing::warn!("an image publisher was already installed; ignoring another");
        }
    }

    /// Elects this node again as leader of every partition of `topic` it leads, bumping
    /// their leader epochs (Kafka's brokers get a new epoch for their partitions whenever
    /// they come back). A coordinator takes its epoch from its partition's leader epoch, so
    /// this fences whatever a previous run of it wrote or sent. Returns how many partitions
    /// were re-elected.
    pub fn reelect_local_leaders(&self, topic: &str) -> Result<usize> {
        let mut inner = self.lock_for_write()?;
        let Some(t) = inner.image.topic(topic) else {
            return Ok(0);
        };
        let node = self.limits.node_id;
        let records: Vec<MetadataRecord> = t
            .partitions
            .values()
            .filter(|p| p.leader == node)
            .map(|p| {
                MetadataRecord::PartitionChange(PartitionChangeRecord {
                    topic_id: t.topic_id,
                    partition_id: p.partition_id,
                    leader: Some(node),
                    isr: None,
                    replicas: None,
                    elr: None,
                })
            })
            .collect();
        if !records.is_empty() {
            self.commit(&mut inner, &records)?;
        }
        Ok(records.len())
    }

    /// Sets who hears that the metadata log failed (once; later changes are refused).
    pub fn on_fatal(&self, handler: FatalHandler) {
        *lock(&self.fatal) = Some(handler);
    }

    /// Validates and (unless `validate_only`) creates a topic.
    pub fn create_topic(&self, topic: &NewTopic, validate_only: bool) -> Result<CreatedTopic> {
        let mut inner = self.lock_for_write()?;
        let (records, created) = self.plan_create_topic(&inner.image, topic)?;
        if !validate_only {
            self.commit(&mut inner, &records)?;
            tracing::info!(topic = %topic.name, id = %created.topic_id,
                partitions = created.num_partitions, "created topic");
        }
        Ok(created)
    }

    fn plan_create_topic(
        &self,
        image: &MetadataImage,
        topic: &NewTopic,
    ) -> Result<(Vec<MetadataRecord>, CreatedTopic)> {
        validate_topic_name(&topic.name)?;
        if image.topic(&topic.name).is_some() {
            return Err(MetadataError::TopicAlreadyExists {
                name: topic.name.clone(),
            });
        }
        if let Some(other) = image.topics().find(|t| collides(&t.name, &topic.name)) {
            return Err(MetadataError::InvalidTopic {
                name: topic.name.clone(),
                reason: format!(
                    "collides with existing topic '{}' ('.' and '_')",
                    other.name
                ),
            });
        }
        if image.topic_count() >= self.limits.topics_max {
            return Err(MetadataError::InvalidTopic {
                name: topic.name.clone(),
                reason: format!(
                    "the cluster already holds {} topics",
                    self.limits.topics_max
                ),
            });
        }
        let assignments = self.resolve_assignments(image, topic)?;
        self.check_total_partitions(image, assignments.len())?;
        for (name, value) in &topic.configs {
            validate_topic_config(name, value.as_deref())?;
        }
        let topic_id = TopicId::random();
        let mut records = vec![MetadataRecord::Topic(TopicRecord {
            name: topic.name.clone(),
            topic_id,
        })];
        for (partition_id, replicas) in &assignments {
            records.push(self.partition_record(image, topic_id, *partition_id, replicas.clone()));
        }
        for (name, value) in &topic.configs {
            if let Some(value) = value {
                records.push(MetadataRecord::Config(ConfigRecord {
                    resource: ConfigResource::Topic(topic.name.clone()),
                    name: name.clone(),
                    value: Some(value.trim().to_string()),
                }));
            }
        }
        let replication_factor = assignments.first().map_or(1, |(_, r)| r.len() as i16);
        let created = CreatedTopic {
            topic_id,
            num_partitions: assignments.len() as i32,
            replication_factor,
        };
        Ok((records, created))
    }

    fn resolve_assignments(
        &self,
        image: &MetadataImage,
        topic: &NewTopic,
    ) -> Result<Vec<(i32, Vec<NodeId>)>> {
        if !topic.assignments.is_empty() {
            if topic.num_partitions != -1 || topic.replication_factor != -1 {
                return Err(MetadataError::InvalidReplicaAssignment {
                    reason: "numPartitions and replicationFactor must be -1 with assignments"
                        .into(),
                });
            }
            self.check_partition_count(topic.assignments.len() as i64)?;
            for (expected, (partition_id, replicas)) in topic.assignments.iter().enumerate() {
                if *partition_id != expected as i32 {
                    return Err(MetadataError::InvalidReplicaAssignment {
                        reason: "partitions must be numbered consecutively from 0".into(),
                    });
                }
                self.check_replicas(image, replicas)?;
            }
            return Ok(topic.assignments.clone());
        }
        let partitions = match topic.num_partitions {
            -1 => self.limits.default_partitions,
            n => n,
        };
        self.check_partition_count(i64::from(partitions))?;
        let factor = match topic.replication_factor {
            -1 => self.limits.default_replication_factor,
            n => n,
        };
        let brokers = self.placement_brokers(image);
        placement::check_factor(factor, brokers.len())?;
        let start = image.partition_count();
        Ok(placement::place(
            &brokers,
            0..partitions,
            factor as usize,
            start,
        ))
    }

    /// The brokers new replicas may go to: the live registered brokers, or this node alone
    /// on the single node (which registers nothing).
    fn placement_brokers(&self, image: &MetadataImage) -> Vec<placement::Candidate> {
        if image.brokers().next().is_none() {
            return vec![placement::Candidate {
                id: self.limits.node_id,
                rack: None,
            }];
        }
        image
            .live_brokers()
            .map(|b| placement::Candidate {
                id: b.broker_id,
                rack: b.rack.clone(),
            })
            .collect()
    }

    fn check_partition_count(&self, count: i64) -> Result<()> {
        if count <= 0 {
            return Err(MetadataError::InvalidPartitions {
                reason: "number of partitions must be larger than 0".into(),
            });
        }
        if count > i64::from(self.limits.partitions_per_topic_max) {
            return Err(MetadataError::InvalidPartitions {
                reason: format!(
                    "{count} partitions exceed the limit of {} per topic",
                    self.limits.partitions_per_topic_max
                ),
            });
        }
        Ok(())
    }

    /// The cluster-wide bound, checked before anything is written: storage opens at most
    /// so many logs, and a change past it would leave partitions no broker can serve.
    fn check_total_partitions(&self, image: &MetadataImage, adding: usize) -> Result<()> {
        let existing = image.partition_count();
        if existing + adding > self.limits.partitions_max {
            return Err(MetadataError::TooManyPartitions {
                existing,
                requested: adding,
                max: self.limits.partitions_max,
            });
        }
        Ok(())
    }

    /// An explicit assignment names at least one replica, none twice, each a registered
    /// broker (this node, on a single node).
    fn check_replicas(&self, image: &MetadataImage, replicas: &[NodeId]) -> Result<()> {
        let known = |id: NodeId| match image.brokers().next() {
            None => id == self.limits.node_id,
            Some(_) => image.broker(id).is_some(),
        };
        if replicas.is_empty() {
            return Err(MetadataError::InvalidReplicaAssignment {
                reason: "a partition needs at least one replica".into(),
            });
        }
        let mut seen = replicas.to_vec();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() != replicas.len() {
            return Err(MetadataError::InvalidReplicaAssignment {
                reason: format!("replicas {replicas:?} name a broker twice"),
            });
        }
        if let Some(unknown) = replicas.iter().find(|&&id| !known(id)) {
            return Err(MetadataError::InvalidReplicaAssignment {
                reason: format!("replica {unknown} is not a registered broker"),
            });
        }
        Ok(())
    }

    /// A new partition: every live replica in sync, the first live one leading (on a single
    /// node, with no registrations, every replica is this node).
    fn partition_record(
        &self,
        image: &MetadataImage,
        topic_id: TopicId,
        partition_id: i32,
        replicas: Vec<NodeId>,
    ) -> MetadataRecord {
        let registered = image.brokers().next().is_some();
        let live = |id: &NodeId| !registered || image.broker(*id).is_some_and(|b| !b.fenced);
        let mut isr: Vec<NodeId> = replicas.iter().copied().filter(live).collect();
        if isr.is_empty() {
            // No replica is up: the partition waits, leaderless, for the first to come back
            // (the unfence elects it).
            isr = replicas.clone();
        }
        let leader = replicas
            .iter()
            .copied()
            .find(live)
            .unwrap_or(brokers::NO_LEADER);
        MetadataRecord::Partition(PartitionRecord {
            topic_id,
            partition_id,
            isr,
            leader,
            replicas,
            leader_epoch: 0,
            partition_epoch: 0,
        })
    }

    /// Deletes a topic by name; returns its id.
    pub fn delete_topic(&self, name: &str) -> Result<TopicId> {
        let mut inner = self.lock_for_write()?;
        let topic_id = inner.image.topic(name).map(|t| t.topic_id).ok_or_else(|| {
            MetadataError::UnknownTopic {
                name: name.to_string(),
            }
        })?;
        self.commit(
            &mut inner,
            &[MetadataRecord::RemoveTopic(RemoveTopicRecord { topic_id })],
        )?;
        tracing::info!(topic = %name, id = %topic_id, "deleted topic");
        Ok(topic_id)
    }

    /// Grows a topic to `total` partitions.
    pub fn create_partitions(&self, name: &str, total: i32, validate_only: bool) -> Result<()> {
        self.create_assigned_partitions(name, total, None, validate_only)
    }

    /// Grows a topic to `total` partitions, placed by the controller or, when `assignments`
    /// are given, on the replicas they name (one list per new partition, each of registered,
    /// unfenced brokers, as Kafka's controller checks a manual assignment).
    pub fn create_assigned_partitions(
        &self,
        name: &str,
        total: i32,
        assignments: Option<&[Vec<NodeId>]>,
        validate_only: bool,
    ) -> Result<()> {
        let mut inner = self.lock_for_write()?;
        let topic = inner
            .image
            .topic(name)
            .ok_or_else(|| MetadataError::UnknownTopic {
                name: name.to_string(),
            })?;
        let current = topic.partitions.len() as i32;
        if total < current {
            return Err(MetadataError::InvalidPartitions {
                reason: format!(
                    "topic currently has {current} partitions, which is higher than \
                                 the requested {total}"
                ),
            });
        }
        if total == current {
            return Err(MetadataError::InvalidPartitions {
                reason: format!("topic already has {current} partitions"),
            });
        }
        self.check_partition_count(i64::from(total))?;
        self.check_total_partitions(&inner.image, (total - current) as usize)?;
        let topic_id = topic.topic_id;
        let placed = match assignments {
            Some(assigned) => self.check_new_assignments(&inner.image, current, total, assigned)?,
            None => {
                let brokers = self.placement_brokers(&inner.image);
                let start = inner.image.partition_count();
                let factor = topic
                    .partitions
                    .values()
                    .next()
                    .map_or(1, |p| p.replicas.len() as i16);
                placement::check_factor(factor, brokers.len())?;
                placement::place(&brokers, current..total, factor as usize, start)
            }
        };
        let records: Vec<_> = placed
            .into_iter()
            .map(|(p, replicas)| self.partition_record(&inner.image, topic_id, p, replicas))
            .collect();
        if !validate_only {
            self.commit(&mut inner, &records)?;
        }
        Ok(())
    }

    /// Numbers a CreatePartitions' manual assignment from `current` after checking it: one
    /// replica list per new partition, each valid for a new topic and on unfenced brokers.
    fn check_new_assignments(
        &self,
        image: &MetadataImage,
        current: i32,
        total: i32,
        assigned: &[Vec<NodeId>],
    ) -> Result<Vec<(i32, Vec<NodeId>)>> {
        if assigned.len() as i64 != i64::from(total - current) {
            return Err(MetadataError::InvalidReplicaAssignment {
                reason: format!(
                    "{} assignments for {} new partitions",
                    assigned.len(),
                    total - current
                ),
            });
        }
        for replicas in assigned {
            self.check_replicas(image, replicas)?;
            if let Some(fenced) = replicas
                .iter()
                .find(|&&id| image.broker(id).is_some_and(|b| b.fenced))
            {
                return Err(MetadataError::InvalidReplicaAssignment {
                    reason: format!("replica {fenced} is a fenced broker"),
                });
            }
        }
        Ok((current..total).zip(assigned.iter().cloned()).collect())
    }

    /// Applies config changes to a resource: each `(name, Some(value))` sets, `(name, None)`
    /// removes. Every change is validated before any is written.
    pub fn alter_configs(
        &self,
        resource: &ConfigResource,
        changes: &[(String, Option<String>)],
        validate_only: bool,
    ) -> Result<()> {
        let mut inner = self.lock_for_write()?;
        if let ConfigResource::Topic(name) = resource
            && inner.image.topic(name).is_none()
        {
            return Err(MetadataError::UnknownTopic { name: name.clone() });
        }
        for (name, value) in changes {
            match resource {
                ConfigResource::Topic(_) => validate_topic_config(name, value.as_deref())?,
                ConfigResource::Broker(_) => validate_broker_config(name, value.as_deref())?,
            }
        }
        let records: Vec<_> = changes
            .iter()
            .map(|(name, value)| {
                MetadataRecord::Config(ConfigRecord {
                    resource: resource.clone(),
                    name: name.clone(),
                    value: value.as_ref().map(|v| v.trim().to_string()),
                })
            })
            .collect();
        if !validate_only && !records.is_empty() {
            self.commit(&mut inner, &records)?;
        }
        Ok(())
    }

    /// Reserves a block of `count` producer ids that no earlier call, in this run or an
    /// earlier one, reserved (Kafka's AllocateProducerIds): the end of the block is written
    /// to the log before the block is handed out.
    pub fn allocate_producer_id_block(&self, count: i64) -> Result<std::ops::Range<i64>> {
        assert!(count > 0, "a producer id block of {count}");
        let mut inner = self.lock_for_write()?;
        let start = inner.image.next_producer_id();
        let end = start
            .checked_add(count)
            .ok_or(MetadataError::ProducerIdsExhausted)?;
        let record = MetadataRecord::ProducerIds(ProducerIdsRecord {
            next_producer_id: end,
        });
        self.commit(&mut inner, &[record])?;
        assert_eq!(inner.image.next_producer_id(), end);
        Ok(start..end)
    }

    fn publish(&self, inner: &mut Inner, next: Arc<MetadataImage>) {
        inner.image = next.clone();
        *lock(&self.published) = next.clone();
        if let Some(publisher) = self.publisher.get() {
            publisher.publish(&next);
        }
    }

    /// Appends `records` as one commit and moves the image past them: the single node
    /// applies them itself and publishes; a quorum member takes the image its state machine
    /// applied (which the broker's listener follows on its own).
    fn commit(&self, inner: &mut Inner, records: &[MetadataRecord]) -> Result<()> {
        let before = inner.image.record_count();
        let appended = inner.log.append(records);
        if let Err(e @ MetadataError::LogFailed { .. }) = &appended
            && !self.fatal_reported.swap(true, Ordering::AcqRel)
        {
            let handler = lock(&self.fatal).clone();
            match handler {
                Some(handler) => handler(e),
                None => tracing::error!(error = %e, "metadata log failed"),
            }
        }
        match appended? {
            Some(applied) => {
                let image = inner
                    .log
                    .committed_image()
                    .expect("a quorum log has a committed image");
                assert!(
                    image.record_count() >= applied && applied >= before + records.len() as u64,
                    "the quorum applied {applied} records, its image has {}, {before} before \
                     a commit of {}",
                    image.record_count(),
                    records.len()
                );
                inner.image = image;
            }
            None => {
                let mut next = (*inner.image).clone();
                for record in records {
                    next.apply(record);
                }
                self.publish(inner, Arc::new(next));
            }
        }
        assert!(inner.image.record_count() >= before + records.len() as u64);
        Ok(())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock left no half-applied state (images are swapped whole),
    // so the data is still consistent.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether `name` follows Kafka's topic name rules (what [`validate_topic_name`] accepts),
/// without building an error: request handlers use it on every name a client sends.
pub fn is_legal_topic_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && name.len() <= TOPIC_NAME_BYTES_MAX
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-')
}

/// Kafka's topic name rules, with Kafka's messages.
pub fn validate_topic_name(name: &str) -> Result<()> {
    let invalid = |reason: &str| {
        Err(MetadataError::InvalidTopic {
            name: name.to_string(),
            reason: reason.to_string(),
        })
    };
    if name.is_empty() {
        return invalid("topic name is illegal, it can't be empty");
    }
    if name == "." || name == ".." {
        return invalid("topic name cannot be \".\" or \"..\"");
    }
    if name.len() > TOPIC_NAME_BYTES_MAX {
        return invalid("topic name is longer than 249 characters");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-')
    {
        return invalid(
            "topic name contains a character other than ASCII alphanumerics, '.', \
                        '_' and '-'",
        );
    }
    Ok(())
}

/// Kafka refuses two topics whose names differ only by '.' versus '_' (their metric names
/// would be the same).
fn collides(a: &str, b: &str) -> bool {
    a != b && a.replace('.', "_") == b.replace('.', "_")
}

fn validate_topic_config(name: &str, value: Option<&str>) -> Result<()> {
    let def = topic_config(name).ok_or_else(|| MetadataError::InvalidConfig {
        name: name.to_string(),
        reason: "unknown topic config".into(),
    })?;
    match value {
        Some(value) => def
            .validate(value)
            .map_err(|reason| MetadataError::InvalidConfig {
                name: name.to_string(),
                reason,
            }),
        None => Ok(()),
    }
}

/// Brokers accept dynamic values for the properties that back topic configs.
fn validate_broker_config(name: &str, value: Option<&str>) -> Result<()> {
    let def = crate::config::TOPIC_CONFIGS
        .iter()
        .chain(crate::config::BROKER_DYNAMIC_CONFIGS)
        .find(|d| !d.broker_synonym.is_empty() && d.broker_synonym == name)
        .ok_or_else(|| MetadataError::InvalidConfig {
            name: name.to_string(),
            reason: "not a dynamically alterable broker config".into(),
        })?;
    match value {
        Some(value) => def
            .validate(value)
            .map_err(|reason| MetadataError::InvalidConfig {
                name: name.to_string(),
                reason,
            }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(dir: &Path) -> Controller {
        Controller::open(&dir.join("metadata.log"), ControllerLimits::default()).unwrap()
    }

    #[test]
    fn topics_configs_and_producer_ids_survive_reopening() {
        // Whatever was committed is in the image rebuilt from the log, and producer ids never
        // repeat across a restart.
        let dir = tempfile::tempdir().unwrap();
        let first_id;
        {
            let c = open(dir.path());
            let t = NewTopic {
                name: "orders".into(),
                num_partitions: 3,
                replication_factor: -1,
                configs: vec![("retention.ms".into(), Some("1000".into()))],
                ..NewTopic::default()
            };
            first_id = c.create_topic(&t, false).unwrap().topic_id;
            c.create_partitions("orders", 5, false).unwrap();
            assert_eq!(c.allocate_producer_id_block(10).unwrap(), 0..10);
        }
        let c = open(dir.path());
        let image = c.image();
        let topic = image.topic("orders").unwrap();
        assert_eq!(topic.topic_id, first_id);
        assert_eq!(topic.partitions.len(), 5);
        assert_eq!(image.topic_config("orders", "retention.ms"), Some("1000"));
        assert_eq!(c.allocate_producer_id_block(5).unwrap(), 10..15);
    }

    #[test]
    fn invalid_topics_are_refused_without_writing() {
        // Bad names, duplicates, colliding names, bad configs and impossible replication are
        // errors, and none of them changes the image.
        let dir = tempfile::tempdir().unwrap();
        let c = open(dir.path());
        let new = |name: &str| NewTopic {
            name: name.into(),
            num_partitions: 1,
            replication_factor: 1,
            ..NewTopic::default()
        };
        c.create_topic(&new("a.b"), false).unwrap();
        assert!(matches!(
            c.create_topic(&new("a.b"), false),
            Err(MetadataError::TopicAlreadyExists { .. })
        ));
        assert!(matches!(
            c.create_topic(&new("a_b"), false),
            Err(MetadataError::InvalidTopic { .. })
        ));
        assert!(matches!(
            c.create_topic(&new("bad name"), false),
            Err(MetadataError::InvalidTopic { .. })
        ));
        let mut three = new("x");
        three.replication_factor = 3;
        assert!(matches!(
            c.create_topic(&three, false),
            Err(MetadataError::InvalidReplicationFactor { .. })
        ));
        let mut bad_config = new("y");
        bad_config.configs = vec![("retention.ms".into(), Some("soon".into()))];
        assert!(matches!(
            c.create_topic(&bad_config, false),
            Err(MetadataError::InvalidConfig { .. })
        ));
        assert!(c.create_topic(&new("v"), true).is_ok());
        assert_eq!(c.image().topic_count(), 1);
    }

    #[test]
    fn the_cluster_wide_partition_limit_holds_before_anything_is_written() {
        // Topic creation and partition growth that would pass partitions.max are refused
        // before any record is written, validate-only included; what fits is still created.
        let dir = tempfile::tempdir().unwrap();
        let limits = ControllerLimits {
            partitions_max: 25,
            ..ControllerLimits::default()
        };
        let c = Controller::open(&dir.path().join("metadata.log"), limits).unwrap();
        let new = |name: &str, partitions| NewTopic {
            name: name.into(),
            num_partitions: partitions,
            replication_factor: -1,
            ..NewTopic::default()
        };
        c.create_topic(&new("a", 10), false).unwrap();
        c.create_topic(&new("b", 10), false).unwrap();
        assert!(matches!(
            c.create_topic(&new("c", 10), true),
            Err(MetadataError::TooManyPartitions { existing: 20, .. })
        ));
        assert!(matches!(
            c.create_topic(&new("c", 10), false),
            Err(MetadataError::TooManyPartitions { .. })
        ));
        assert!(matches!(
            c.create_partitions("a", 16, false),
            Err(MetadataError::TooManyPartitions { .. })
        ));
        c.create_partitions("a", 15, false).unwrap();
        assert_eq!(c.image().partition_count(), 25);
        assert!(c.image().topic("c").is_none());
        drop(c);
        let c = Controller::open(
            &dir.path().join("metadata.log"),
            ControllerLimits::default(),
        )
        .unwrap();
        assert_eq!(c.image().partition_count(), 25);
    }

    #[test]
    fn a_failed_metadata_fsync_is_reported_once_and_refuses_later_changes() {
        // The fatal handler hears of the first failure; that change and every later one fail,
        // and the published image never shows them.
        let dir = tempfile::tempdir().unwrap();
        let c = open(dir.path());
        let heard = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = heard.clone();
        c.on_fatal(Arc::new(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        }));
        let new = |name: &str| NewTopic {
            name: name.into(),
            num_partitions: 1,
            replication_factor: -1,
            ..NewTopic::default()
        };
        c.create_topic(&new("a"), false).unwrap();
        match &mut lock(&c.inner).log {
            CommitLog::Local(log) => log.fail_next_sync(),
            CommitLog::Quorum(_) => unreachable!("opened on a local log"),
        }
        assert!(matches!(
            c.create_topic(&new("b"), false),
            Err(MetadataError::LogFailed { .. })
        ));
        assert!(matches!(
            c.create_topic(&new("c"), false),
            Err(MetadataError::LogFailed { .. })
        ));
        assert_eq!(heard.load(Ordering::SeqCst), 1);
        assert_eq!(c.image().topic_count(), 1);
    }
}
