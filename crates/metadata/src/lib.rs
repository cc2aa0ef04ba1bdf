//! Cluster metadata: which topics exist, their ids, partitions and leaders, and the configs
//! set on topics and brokers.
//!
//! Metadata is a log of typed records ([`record`]). Nothing reads or edits shared state
//! directly: the [`Controller`] validates a change, appends the records that express it to the
//! [`MetadataLog`] (fsync'd before the change is visible), and applies them to a fresh
//! [`MetadataImage`], which brokers then serve from. A single node keeps the log in one local
//! file; a cluster replicates the same records through a Raft quorum ([`quorum`]) and applies
//! them with the same code, so only the log changes.

pub mod commit_log;
pub mod config;
pub mod controller;
pub mod delta;
pub mod error;
pub mod image;
pub mod log;
pub mod quorum;
pub mod record;
pub mod types;

pub use commit_log::{CommitLog, QuorumCommitLog};
pub use config::{ConfigDef, ConfigSource, ConfigType, TOPIC_CONFIGS};
pub use controller::{Controller, ControllerLimits, CreatedTopic, ImagePublisher, NewTopic};
pub use delta::{ChangedPartition, DeletedTopic, MetadataDelta};
pub use error::{MetadataError, Result};
pub use image::{
    BrokerImage, ImageSnapshot, MetadataImage, PartitionImage, TopicImage, TopicSnapshot,
};
pub use log::MetadataLog;
pub use record::{
    BrokerFencingRecord, ClusterIdRecord, ConfigRecord, ConfigResource, MetadataRecord,
    PartitionChangeRecord, PartitionRecord, ProducerIdsRecord, RegisterBrokerRecord,
    RemoveTopicRecord, TopicRecord,
};
pub use types::{NodeId, ProducerId, TopicId};
