//! The typed records of the metadata log, named after Kafka's KRaft records (`TopicRecord`,
//! `PartitionRecord`, `RemoveTopicRecord`, `ConfigRecord`, `ProducerIdsRecord`,
//! `RegisterBrokerRecord`, and fencing as `FenceBrokerRecord`/`UnfenceBrokerRecord` do).
//!
//! Each record states one fact; the [`crate::MetadataImage`] is whatever applying them in order
//! produces. Records are serialized as JSON (see [`crate::log`] for the framing around them):
//! the log is small and rarely written, and a readable log is worth more to an operator than a
//! few bytes.

use serde::{Deserialize, Serialize};

use crate::types::{NodeId, TopicId};

/// One entry of the metadata log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum MetadataRecord {
    Topic(TopicRecord),
    Partition(PartitionRecord),
    RemoveTopic(RemoveTopicRecord),
    Config(ConfigRecord),
    ProducerIds(ProducerIdsRecord),
    PartitionChange(PartitionChangeRecord),
    RegisterBroker(RegisterBrokerRecord),
    BrokerFencing(BrokerFencingRecord),
    ClusterId(ClusterIdRecord),
    Reassignment(ReassignmentRecord),
}

/// A topic came into existence under `name` with id `topic_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicRecord {
    pub name: String,
    pub topic_id: TopicId,
}

/// A partition of a topic, its replicas, in-sync replicas and leader. A later record for the
/// same partition replaces the earlier one (leader changes bump `leader_epoch`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartitionRecord {
    pub topic_id: TopicId,
    pub partition_id: i32,
    pub replicas: Vec<NodeId>,
    pub isr: Vec<NodeId>,
    pub leader: NodeId,
    pub leader_epoch: i32,
    pub partition_epoch: i32,
}

/// A change to an existing partition (Kafka's `PartitionChangeRecord`): fields that are
/// `None` stay as they were. Every change bumps the partition epoch; naming a leader (even the
/// same one, as a re-election after a restart does) bumps the leader epoch, which fences
/// requests and coordinators of the previous epoch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartitionChangeRecord {
    pub topic_id: TopicId,
    pub partition_id: i32,
    pub leader: Option<NodeId>,
    pub isr: Option<Vec<NodeId>>,
    pub replicas: Option<Vec<NodeId>>,
    /// Eligible leader replicas (KIP-966, `controller::elr`); absent from records written
    /// before they existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elr: Option<Vec<NodeId>>,
}

/// The topic, its partitions and its configs are gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemoveTopicRecord {
    pub topic_id: TopicId,
}

/// What a config applies to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ConfigResource {
    Topic(String),
    /// A broker by node id, or every broker's dynamic default when `None`.
    Broker(Option<NodeId>),
}

/// A config set on a resource (`value` present) or removed from it (`value` absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfigRecord {
    pub resource: ConfigResource,
    pub name: String,
    pub value: Option<String>,
}

/// Producer ids below `next_producer_id` have been handed out; a restart continues from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProducerIdsRecord {
    pub next_producer_id: i64,
}

/// A broker (re)registered: a new incarnation (one run of its process) with the endpoint
/// clients reach it at. It starts fenced; its first heartbeat unfences it. The registration's
/// epoch is the image's record count before this record, so every registration of a broker
/// has a larger epoch than the one before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegisterBrokerRecord {
    pub broker_id: NodeId,
    /// Random per process start: a registration repeated by the same run is recognised.
    pub incarnation_id: uuid::Uuid,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
}

/// A broker was fenced (its heartbeats stopped, or it registered again) or unfenced (it
/// heartbeats). A fenced broker leads nothing and is not listed to clients.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrokerFencingRecord {
    pub broker_id: NodeId,
    pub fenced: bool,
}

/// A reassignment of a partition's replicas started (`target` set: the replicas it moves to,
/// from `original`) or ended (`target` absent: completed or cancelled). The partition's
/// replica list itself changes through [`PartitionChangeRecord`]s committed with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReassignmentRecord {
    pub topic_id: TopicId,
    pub partition_id: i32,
    pub target: Option<Vec<NodeId>>,
    pub original: Vec<NodeId>,
}

/// The cluster's id, committed once by the first active controller (from the first broker
/// that registers); every node's `meta.properties` then names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterIdRecord {
    pub cluster_id: String,
}
