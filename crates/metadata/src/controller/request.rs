//! The controller's requests as data: what a broker asks the active controller, locally or
//! over the controller listener, and what it answers. One entry point,
//! [`Controller::handle`], so a request served for a remote broker and one served locally
//! take the same path.

use serde::{Deserialize, Serialize};

use super::alter_partition::{IsrChange, IsrChanged};
use super::brokers::HeartbeatReply;
use super::elect_leaders::{ElectionResult, ElectionType};
use super::reassign::{ReassignmentAsked, ReassignmentResult};
use super::{Controller, CreatedTopic, NewTopic};
use crate::error::{MetadataError, Result};
use crate::quorum::QuorumDescription;
use crate::record::{ConfigResource, RegisterBrokerRecord};
use crate::types::{NodeId, TopicId};

/// Most producer ids one request may reserve.
pub const PRODUCER_ID_BLOCK_MAX: i64 = 1_000_000;

/// A metadata change or broker lifecycle step, for the active controller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControllerRequest {
    CreateTopic {
        topic: NewTopic,
        validate_only: bool,
    },
    DeleteTopic {
        name: String,
    },
    CreatePartitions {
        name: String,
        total: i32,
        validate_only: bool,
    },
    AlterConfigs {
        resource: ConfigResource,
        changes: Vec<(String, Option<String>)>,
        validate_only: bool,
    },
    AllocateProducerIds {
        count: i64,
    },
    RegisterBroker {
        registration: RegisterBrokerRecord,
        cluster_id: ClusterIdClaim,
    },
    BrokerHeartbeat {
        broker_id: NodeId,
        epoch: i64,
    },
    /// The quorum as the active controller sees it.
    DescribeQuorum,
    /// The broker is stopping: fence it and move its leaderships now.
    ControlledShutdown {
        broker_id: NodeId,
        epoch: i64,
    },
    /// A leader changes its partition's ISR.
    AlterPartition(IsrChange),
    /// Leader elections (ElectLeaders); `partitions` `None` is every partition.
    ElectLeaders {
        election: ElectionType,
        partitions: Option<Vec<(String, i32)>>,
    },
    /// Partition reassignments started, replaced or cancelled (AlterPartitionReassignments).
    AlterReassignments {
        asked: Vec<ReassignmentAsked>,
    },
    /// Leaders back to their preferred replicas where a broker's share is off by more than
    /// `imbalance_percent` (the periodic `auto.leader.rebalance.enable` check).
    RebalanceLeaders {
        imbalance_percent: u32,
    },
}

impl ControllerRequest {
    /// A short name for logs.
    pub fn name(&self) -> &'static str {
        match self {
            ControllerRequest::CreateTopic { .. } => "create topic",
            ControllerRequest::DeleteTopic { .. } => "delete topic",
            ControllerRequest::CreatePartitions { .. } => "create partitions",
            ControllerRequest::AlterConfigs { .. } => "alter configs",
            ControllerRequest::AllocateProducerIds { .. } => "allocate producer ids",
            ControllerRequest::RegisterBroker { .. } => "register broker",
            ControllerRequest::BrokerHeartbeat { .. } => "broker heartbeat",
            ControllerRequest::DescribeQuorum => "describe quorum",
            ControllerRequest::ControlledShutdown { .. } => "controlled shutdown",
            ControllerRequest::AlterPartition(_) => "alter partition",
            ControllerRequest::ElectLeaders { .. } => "elect leaders",
            ControllerRequest::RebalanceLeaders { .. } => "rebalance leaders",
            ControllerRequest::AlterReassignments { .. } => "alter reassignments",
        }
    }
}

/// The cluster id a registering broker brings: the one its data directory already names
/// (`known`), which must be the quorum's, or a fresh one the quorum may take if it has none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterIdClaim {
    pub id: String,
    pub known: bool,
}

/// A request as it crosses the controller listener: with the wall-clock time (ms since the
/// epoch) after which the active controller must no longer act on it, as Kafka's controller
/// drops requests whose deadline passed (a request stuck in a paused or cut-off node's socket
/// must not take effect long after its client gave up).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControllerEnvelope {
    pub request: ControllerRequest,
    pub deadline_ms: Option<u64>,
}

/// What a [`ControllerRequest`] gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControllerReply {
    CreatedTopic(CreatedTopic),
    DeletedTopic(TopicId),
    Done,
    ProducerIds { start: i64, end: i64 },
    Registered { epoch: i64 },
    Heartbeat(HeartbeatReply),
    Quorum(QuorumDescription),
    IsrChanged(IsrChanged),
    Elections(Vec<ElectionResult>),
    Moved(usize),
    Reassignments(Vec<ReassignmentResult>),
}

/// A reply and the record count of the controller's image once it was given: a broker
/// waits until its own image has that many records before it answers its client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControllerAnswer {
    pub reply: ControllerReply,
    pub record_count: u64,
}

impl Controller {
    /// Serves one request (blocking: commits fsync). `now_ms` is the caller's monotonic
    /// clock, for heartbeats.
    pub fn handle(&self, request: ControllerRequest, now_ms: u64) -> Result<ControllerAnswer> {
        let reply = match request {
            ControllerRequest::CreateTopic {
                topic,
                validate_only,
            } => ControllerReply::CreatedTopic(self.create_topic(&topic, validate_only)?),
            ControllerRequest::DeleteTopic { name } => {
                ControllerReply::DeletedTopic(self.delete_topic(&name)?)
            }
            ControllerRequest::CreatePartitions {
                name,
                total,
                validate_only,
            } => {
                self.create_partitions(&name, total, validate_only)?;
                ControllerReply::Done
            }
            ControllerRequest::AlterConfigs {
                resource,
                changes,
                validate_only,
            } => {
                self.alter_configs(&resource, &changes, validate_only)?;
                ControllerReply::Done
            }
            ControllerRequest::AllocateProducerIds { count } => {
                if !(1..=PRODUCER_ID_BLOCK_MAX).contains(&count) {
                    return Err(MetadataError::InvalidRequest {
                        reason: format!(
                            "a block of {count} producer ids (1 to {PRODUCER_ID_BLOCK_MAX})"
                        ),
                    });
                }
                let ids = self.allocate_producer_id_block(count)?;
                ControllerReply::ProducerIds {
                    start: ids.start,
                    end: ids.end,
                }
            }
            ControllerRequest::RegisterBroker {
                registration,
                cluster_id,
            } => ControllerReply::Registered {
                epoch: self.register_broker(&registration, &cluster_id, now_ms)?,
            },
            ControllerRequest::BrokerHeartbeat { broker_id, epoch } => {
                ControllerReply::Heartbeat(self.broker_heartbeat(broker_id, epoch, now_ms)?)
            }
            ControllerRequest::DescribeQuorum => ControllerReply::Quorum(self.describe_quorum()?),
            ControllerRequest::ControlledShutdown { broker_id, epoch } => {
                self.controlled_shutdown(broker_id, epoch)?;
                ControllerReply::Done
            }
            ControllerRequest::AlterPartition(change) => {
                ControllerReply::IsrChanged(self.alter_partition(&change)?)
            }
            ControllerRequest::ElectLeaders {
                election,
                partitions,
            } => ControllerReply::Elections(self.elect_leaders(election, partitions.as_deref())?),
            ControllerRequest::AlterReassignments { asked } => {
                ControllerReply::Reassignments(self.alter_reassignments(&asked)?)
            }
            ControllerRequest::RebalanceLeaders { imbalance_percent } => {
                ControllerReply::Moved(self.rebalance_leaders(imbalance_percent)?)
            }
        };
        Ok(ControllerAnswer {
            reply,
            record_count: self.image().record_count(),
        })
    }
}

impl Controller {
    /// The quorum, from the active controller; the single node is a quorum of itself whose
    /// log end is its record count.
    pub fn describe_quorum(&self) -> Result<QuorumDescription> {
        let Some(node) = &self.quorum else {
            let end = self.image().record_count();
            let id = self.limits.node_id.0 as u64;
            return Ok(QuorumDescription {
                leader_id: id,
                leader_epoch: 1,
                high_watermark: end,
                voters: vec![(id, end as i64)],
                addresses: Vec::new(),
            });
        };
        node.describe().ok_or_else(|| MetadataError::NotController {
            leader: node
                .leader()
                .and_then(|l| i32::try_from(l).ok())
                .map(NodeId),
        })
    }
}
