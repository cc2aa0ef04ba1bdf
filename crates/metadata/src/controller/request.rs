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
use crate::quorum::{QuorumDescription, ReplicaDescription};
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
        /// The replicas of each new partition, when the client names them.
        #[serde(default)]
        assignments: Option<Vec<Vec<NodeId>>>,
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
    /// A broker-only node asks to follow the metadata log: the active controller adds it to
    /// the quorum as an observer (a Raft learner) whose Raft listener is `address`.
    AddObserver {
        node_id: NodeId,
        address: String,
    },
    /// The voters of the quorum membership the answering node holds: asked of each
    /// configured voter, not only the active one, by a node checking its voter list at start.
    DescribeVoters,
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
            ControllerRequest::AddObserver { .. } => "add observer",
            ControllerRequest::DescribeVoters => "describe voters",
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
    ProducerIds {
        start: i64,
        end: i64,
    },
    Registered {
        epoch: i64,
    },
    Heartbeat(HeartbeatReply),
    Quorum(QuorumDescription),
    IsrChanged(IsrChanged),
    Elections(Vec<ElectionResult>),
    Moved(usize),
    Reassignments(Vec<ReassignmentResult>),
    /// The voter ids of the answering node's membership (empty before it has one).
    Voters(Vec<u64>),
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
                assignments,
                validate_only,
            } => {
                self.create_assigned_partitions(
                    &name,
                    total,
                    assignments.as_deref(),
                    validate_only,
                )?;
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
            ControllerRequest::AddObserver { node_id, address } => {
                self.add_observer(node_id, address)?;
                ControllerReply::Done
            }
            ControllerRequest::DescribeVoters => ControllerReply::Voters(
                self.quorum
                    .as_ref()
                    .map(|n| n.voter_ids())
                    .unwrap_or_default(),
            ),
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
            let now_ms = crate::quorum::network::wall_clock_ms();
            return Ok(QuorumDescription {
                leader_id: id,
                leader_epoch: 1,
                high_watermark: end,
                voters: vec![ReplicaDescription {
                    id,
                    log_end: end as i64,
                    last_fetch_ms: now_ms,
                    last_caught_up_ms: now_ms,
                }],
                observers: Vec::new(),
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

impl Controller {
    /// Adds a broker-only node to the quorum as an observer; only the active controller
    /// does (blocking: the membership change commits through the quorum).
    fn add_observer(&self, node_id: NodeId, address: String) -> Result<()> {
        let Some(node) = &self.quorum else {
            return Err(MetadataError::InvalidRequest {
                reason: "a single node has no quorum to observe".into(),
            });
        };
        let id = u64::try_from(node_id.0).map_err(|_| MetadataError::InvalidRequest {
            reason: format!("node id {node_id} is negative"),
        })?;
        let added = tokio::runtime::Handle::current().block_on(node.add_observer(id, address));
        added.map_err(|e| match e {
            crate::quorum::QuorumError::NotController { leader } => MetadataError::NotController {
                leader: leader.and_then(|l| i32::try_from(l).ok()).map(NodeId),
            },
            crate::quorum::QuorumError::ObserverIsVoter { .. } => MetadataError::InvalidRequest {
                reason: e.to_string(),
            },
            other => MetadataError::NotCommitted {
                reason: other.to_string(),
            },
        })?;
        tracing::info!(observer = %node_id, "observer added to the metadata quorum");
        Ok(())
    }
}
