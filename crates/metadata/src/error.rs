//! Why a metadata change was refused or the metadata log could not be used. The broker maps
//! these to Kafka error codes (`TOPIC_ALREADY_EXISTS`, `INVALID_TOPIC_EXCEPTION`, ...).

use std::io;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::types::NodeId;

pub type Result<T, E = MetadataError> = std::result::Result<T, E>;

/// Serializable, so the active controller's refusal reaches a broker that forwarded the
/// request as the same error (an I/O error travels as its text).
#[derive(Debug, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
        /// Not carried over the network (the source's text says enough).
        #[serde(skip)]
        op: &'static str,
        path: PathBuf,
        #[source]
        #[serde(with = "io_error_text")]
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
    #[error("broker {broker_id} is not registered")]
    BrokerNotRegistered { broker_id: NodeId },
    #[error("broker {broker_id} heartbeated with epoch {epoch}; its registration has {current}")]
    StaleBrokerEpoch {
        broker_id: NodeId,
        epoch: i64,
        current: i64,
    },
    /// Another process registered with this `node.id` and still heartbeats.
    #[error(
        "another broker with node.id {broker_id} is registered and heartbeating (last heard \
         {heartbeat_age_ms} ms ago): two processes must not share a node.id"
    )]
    DuplicateBrokerRegistration {
        broker_id: NodeId,
        /// How long ago the registered incarnation last heartbeated, by the controller's
        /// clock: a live twin keeps it below the heartbeat interval, a crashed run's grows.
        heartbeat_age_ms: u64,
    },
    /// The node's data directory belongs to another cluster than the quorum's.
    #[error(
        "this node's data directory belongs to cluster {node}, but the metadata quorum is \
         cluster {quorum}: a node joins only the cluster its data directory was made in"
    )]
    InconsistentClusterId { node: String, quorum: String },
    #[error("invalid controller request: {reason}")]
    InvalidRequest { reason: String },
    #[error("partition {partition} of topic id {topic_id} does not exist")]
    UnknownPartition { topic_id: String, partition: i32 },
    /// An ISR change from a broker that does not lead the partition.
    #[error("broker {broker_id} does not lead the partition (the leader is {leader})")]
    NotLeader { broker_id: NodeId, leader: NodeId },
    /// An ISR change made under an older leader epoch.
    #[error("leader epoch {epoch} is fenced; the partition is at {current}")]
    FencedLeaderEpoch { epoch: i32, current: i32 },
    /// An ISR change made against an older partition epoch (another change came first).
    #[error("partition epoch {epoch} is stale; the partition is at {current}")]
    InvalidUpdateVersion { epoch: i32, current: i32 },
    /// An ISR change adding a replica that may not be in sync (fenced, not registered, or
    /// not a replica).
    #[error("replica {replica} cannot join the ISR: {reason}")]
    IneligibleReplica { replica: NodeId, reason: String },
    #[error("{requested} more partitions would pass partitions.max ({max}): {existing} exist")]
    TooManyPartitions {
        existing: usize,
        requested: usize,
        max: usize,
    },
}

/// An `io::Error` as its text, for errors that cross the network.
mod io_error_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(error: &std::io::Error, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&error.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<std::io::Error, D::Error> {
        Ok(std::io::Error::other(String::deserialize(d)?))
    }
}
