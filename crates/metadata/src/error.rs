//! Why a metadata change was refused or the metadata log could not be used. The broker maps
//! these to Kafka error codes (`TOPIC_ALREADY_EXISTS`, `INVALID_TOPIC_EXCEPTION`, ...).

use std::io;
use std::path::PathBuf;

use crate::types::NodeId;

pub type Result<T, E = MetadataError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum MetadataError {
    #[error("topic '{name}' already exists")]
    TopicAlreadyExists { name: String },
    #[error("unknown topic '{name}'")]
    UnknownTopic { name: String },
    #[error("unknown topic id {id}")]
    UnknownTopicId { id: String },
    #[error("invalid topic name '{name}': {reason}")]
    InvalidTopic { name: String, reason: String },
    #[error("invalid number of partitions: {reason}")]
    InvalidPartitions { reason: String },
    #[error("invalid replication factor {factor}: {reason}")]
    InvalidReplicationFactor { factor: i32, reason: String },
    #[error("invalid replica assignment: {reason}")]
    InvalidReplicaAssignment { reason: String },
    #[error("invalid config {name}: {reason}")]
    InvalidConfig { name: String, reason: String },
    #[error("producer ids exhausted")]
    ProducerIdsExhausted,
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("metadata log {path} is corrupt at byte {position}: {reason}")]
    CorruptLog {
        path: PathBuf,
        position: u64,
        reason: String,
    },
    /// A write or fsync of the metadata log failed: it takes no more appends, and the broker
    /// must stop rather than serve metadata it cannot make durable.
    #[error("metadata log {path} failed and takes no more writes: {reason}")]
    LogFailed { path: PathBuf, reason: String },
    /// This node is not the active controller (the metadata quorum's leader).
    #[error("this node is not the active controller (the leader is {leader:?})")]
    NotController { leader: Option<NodeId> },
    /// The metadata quorum did not commit the change (leadership moved, too many changes
    /// pending): it may or may not take effect, and a retry is safe to try.
    #[error("the metadata quorum did not commit the change: {reason}")]
    NotCommitted { reason: String },
    #[error(
        "a change of {records} records takes {bytes} bytes, more than the {max} one commit may"
    )]
    CommitTooLarge {
        records: usize,
        bytes: usize,
        max: usize,
    },
    #[error("{requested} more partitions would pass partitions.max ({max}): {existing} exist")]
    TooManyPartitions {
        existing: usize,
        requested: usize,
        max: usize,
    },
}
