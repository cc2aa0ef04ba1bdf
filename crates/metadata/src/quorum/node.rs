//! A member of the metadata quorum: its directory opened, its Raft running, proposals taken
//! and bounded, and every applied image published.
//!
//! The first start of a voter with an empty log initializes the quorum with the configured
//! voters (every voter may do so: they all propose the same membership at index 0, and
//! whichever initialization loses to a peer's vote is simply not needed). Later starts
//! continue from the directory's log, vote and snapshot.
//!
//! A broker-only node is an *observer* (Kafka's word; openraft's *learner*): it opens the same
//! directory but never initializes nor stands for election; the active controller adds it to
//! the membership as a learner ([`QuorumNode::add_observer`]) and then replicates the log to
//! it like to any voter, so it applies the same images.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use openraft::EntryPayload;
use openraft::error::{ClientWriteError, InitializeError, RaftError};
use tokio::sync::{Semaphore, watch};

use super::frame_file::{FrameError, run_blocking};
use super::log_store::RaftLogStore;
use super::network::{QuorumNetworkFactory, RaftTransport, ReplicaContacts};
use super::state_machine::MetadataStateMachine;
use super::{
    CommitApplied, MetadataCommit, MetadataRaft, QuorumLimits, RaftLogId, RaftNodeId, RaftVote,
    VoterAddress,
};
use crate::image::MetadataImage;
use crate::record::MetadataRecord;

/// Bytes a log entry adds around a commit's records (log id, tags).
const ENTRY_ENVELOPE_BYTES: usize = 64 * 1024;

/// Why the quorum could not open, or a proposal was not committed.
#[derive(Debug, thiserror::Error)]
pub enum QuorumError {
    #[error("quorum limits: {0}")]
    Limits(String),
    /// The log, vote or snapshot could not be read or written; a corrupt file names itself
    /// and the byte offset.
    #[error(transparent)]
    Storage(#[from] FrameError),
    #[error("raft stopped: {0}")]
    Fatal(String),
    /// Only the active controller (the Raft leader) commits; the leader, when known.
    #[error("this node is not the active controller (the leader is {leader:?})")]
    NotController { leader: Option<RaftNodeId> },
    #[error("{max} proposals already wait to commit")]
    TooManyPendingProposals { max: usize },
    #[error("a commit of {bytes} bytes is larger than the {max} a proposal may take")]
    ProposalTooLarge { bytes: usize, max: usize },
    #[error("the proposal was not committed: {0}")]
    NotCommitted(String),
    /// The configured voters are not the ones this node's quorum was formed with.
    #[error(
        "controller.quorum.voters names the voters {configured:?}, but the quorum in this \
         node's directory was formed by {stored:?}: the voters of a quorum do not change by \
         editing the list; start with the voters it was formed with"
    )]
    VotersDisagree {
        configured: Vec<RaftNodeId>,
        stored: Vec<RaftNodeId>,
    },
    /// A broker-only node may not take a voter's id.
    #[error(
        "node {id} is one of controller.quorum.voters, so it cannot join as an observer \
         (process.roles=broker): give a broker-only node an id no voter has"
    )]
    ObserverIsVoter { id: RaftNodeId },
    /// A voter of the running quorum holds another voter set than this node's
    /// `controller.quorum.voters` (Kafka's `INCONSISTENT_VOTER_SET`).
    #[error(
        "controller.quorum.voters names the voters {configured:?}, but voter {peer} of the \
         running quorum has {theirs:?}: every node of a cluster must be given the same voter \
         list"
    )]
    InconsistentVoterSet {
        configured: Vec<RaftNodeId>,
        peer: RaftNodeId,
        theirs: Vec<RaftNodeId>,
    },
}

/// The quorum as its leader sees it (Kafka's DescribeQuorum): offsets are Raft log indexes
/// plus one, so they read as a log end and a high watermark do in Kafka.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuorumDescription {
    pub leader_id: RaftNodeId,
    /// The Raft term (Kafka's leader epoch of the metadata partition).
    pub leader_epoch: u64,
    /// The next index after the last committed entry.
    pub high_watermark: u64,
    /// Each voter, as the leader knows it.
    pub voters: Vec<ReplicaDescription>,
    /// Each observer (a broker-only node following the log as a learner).
    pub observers: Vec<ReplicaDescription>,
    /// Each member's Raft listener, `HOST:PORT`.
    pub addresses: Vec<(RaftNodeId, String)>,
}

/// One member of the quorum as the leader knows it (Kafka's `ReplicaState`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReplicaDescription {
    pub id: RaftNodeId,
    /// The log end the leader knows it to have (-1 when unknown).
    pub log_end: i64,
    /// Wall-clock ms of its last successful answer to an AppendEntries (a heartbeat counts):
    /// what Kafka's `last_fetch_timestamp` says of a follower's last fetch; -1 if none.
    pub last_fetch_ms: i64,
    /// Wall-clock ms of the last such answer that left it with the leader's whole log; -1 if
    /// none.
    pub last_caught_up_ms: i64,
}

/// One member of the metadata quorum.
pub struct QuorumNode {
    id: RaftNodeId,
    raft: MetadataRaft,
    images: watch::Receiver<Arc<MetadataImage>>,
    pending: Arc<Semaphore>,
    limits: QuorumLimits,
    log_store: RaftLogStore,
    /// When each follower last answered this node's AppendEntries, while it leads.
    contacts: ReplicaContacts,
}

impl std::fmt::Debug for QuorumNode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QuorumNode")
            .field("id", &self.id)
            .field("log_store", &self.log_store)
            .finish_non_exhaustive()
    }
}

impl QuorumNode {
    /// Opens the quorum directory `dir` and starts Raft as node `id` of `voters`, sending
    /// RPCs through `transport`. The receiving side of the transport must hand requests to
    /// [`QuorumNode::raft`].
    pub async fn open(
        dir: &Path,
        id: RaftNodeId,
        voters: BTreeMap<RaftNodeId, VoterAddress>,
        transport: Arc<dyn RaftTransport>,
        limits: QuorumLimits,
    ) -> Result<QuorumNode, QuorumError> {
        assert!(
            voters.contains_key(&id),
            "node {id} is not among the voters"
        );
        let node = Self::open_member(dir, id, voters.clone(), transport, limits).await?;
        node.initialize_if_new(voters).await?;
        Ok(node)
    }

    /// Opens the quorum directory `dir` of observer `id` (not one of `voters`): Raft runs,
    /// but the node neither initializes a quorum nor stands for election; it receives the
    /// log once the active controller has added it ([`QuorumNode::add_observer`]).
    pub async fn open_observer(
        dir: &Path,
        id: RaftNodeId,
        voters: BTreeMap<RaftNodeId, VoterAddress>,
        transport: Arc<dyn RaftTransport>,
        limits: QuorumLimits,
    ) -> Result<QuorumNode, QuorumError> {
        assert!(!voters.contains_key(&id), "observer {id} is a voter");
        Self::open_member(dir, id, voters, transport, limits).await
    }

    async fn open_member(
        dir: &Path,
        id: RaftNodeId,
        voters: BTreeMap<RaftNodeId, VoterAddress>,
        transport: Arc<dyn RaftTransport>,
        limits: QuorumLimits,
    ) -> Result<QuorumNode, QuorumError> {
        let config = Arc::new(limits.raft_config().map_err(QuorumError::Limits)?);
        let (published, images) = watch::channel(Arc::new(MetadataImage::default()));
        let published = Arc::new(published);
        let (log_dir, entry_max) = (dir.to_path_buf(), limits.proposal_bytes_max);
        let append_max = limits.append_bytes_max;
        let log_store = run_blocking("opening the raft log", move || {
            RaftLogStore::open(&log_dir, entry_max + ENTRY_ENVELOPE_BYTES, append_max)
        })
        .await?;
        let (sm_dir, snapshot_max) = (dir.to_path_buf(), limits.snapshot_bytes_max);
        let machine = run_blocking("opening the snapshot", move || {
            MetadataStateMachine::open(&sm_dir, snapshot_max, published)
        })
        .await?;
        check_voters(&voters, &log_store, &machine)?;
        let rpc_timeout = Duration::from_millis(limits.rpc_timeout_ms);
        let contacts = ReplicaContacts::default();
        let network = QuorumNetworkFactory::new(transport, rpc_timeout, voters.clone())
            .with_contacts(contacts.clone());
        let raft = MetadataRaft::new(id, config, network, log_store.clone(), machine)
            .await
            .map_err(|e| QuorumError::Fatal(e.to_string()))?;
        contacts.follow(raft.metrics());
        Ok(QuorumNode {
            id,
            raft,
            images,
            pending: Arc::new(Semaphore::new(limits.pending_proposals_max)),
            limits,
            log_store,
            contacts,
        })
    }
}

/// Refuses a configured voter set other than the membership the directory holds (the last
/// membership entry of the log, else the snapshot's); a directory never initialized holds
/// none and takes the configured voters.
fn check_voters(
    voters: &BTreeMap<RaftNodeId, VoterAddress>,
    log_store: &RaftLogStore,
    machine: &MetadataStateMachine,
) -> Result<(), QuorumError> {
    let from_log = log_store
        .entries(..)
        .into_iter()
        .rev()
        .find_map(|e| match e.payload {
            EntryPayload::Membership(m) => Some(m.voter_ids().collect::<BTreeSet<_>>()),
            _ => None,
        });
    let stored = from_log.unwrap_or_else(|| machine.membership().voter_ids().collect());
    let configured: BTreeSet<RaftNodeId> = voters.keys().copied().collect();
    if stored.is_empty() || stored == configured {
        return Ok(());
    }
    Err(QuorumError::VotersDisagree {
        configured: configured.into_iter().collect(),
        stored: stored.into_iter().collect(),
    })
}

impl QuorumNode {
    async fn initialize_if_new(
        &self,
        voters: BTreeMap<RaftNodeId, VoterAddress>,
    ) -> Result<(), QuorumError> {
        let initialized = self
            .raft
            .is_initialized()
            .await
            .map_err(|e| QuorumError::Fatal(e.to_string()))?;
        if initialized {
            // A sole voter needs no one's vote: stand now rather than after a timeout.
            if voters.len() == 1 && voters.contains_key(&self.id) {
                self.raft
                    .trigger()
                    .elect()
                    .await
                    .map_err(|e| QuorumError::Fatal(e.to_string()))?;
            }
            return Ok(());
        }
        match self.raft.initialize(voters).await {
            Ok(()) => Ok(()),
            // A peer's election reached this node first: the membership comes from it.
            Err(RaftError::APIError(InitializeError::NotAllowed(_))) => Ok(()),
            Err(e) => Err(QuorumError::Fatal(e.to_string())),
        }
    }

    pub fn id(&self) -> RaftNodeId {
        self.id
    }

    /// The Raft node, for the receiving side of a transport and for metrics.
    pub fn raft(&self) -> &MetadataRaft {
        &self.raft
    }

    pub fn limits(&self) -> &QuorumLimits {
        &self.limits
    }

    /// The image as of the last entry applied here.
    pub fn image(&self) -> Arc<MetadataImage> {
        Arc::clone(&self.images.borrow())
    }

    /// Every image applied here, newest first to be seen.
    pub fn images(&self) -> watch::Receiver<Arc<MetadataImage>> {
        self.images.clone()
    }

    /// The leader this node knows of.
    pub fn leader(&self) -> Option<RaftNodeId> {
        self.raft.metrics().borrow().current_leader
    }

    /// Waits, at most `timeout`, until this node leads and has applied every entry of its
    /// log: where a sole voter's controller starts from after a restart.
    pub async fn wait_leading_and_applied(&self, timeout: Duration) -> Result<(), QuorumError> {
        let id = self.id;
        self.raft
            .wait(Some(timeout))
            .metrics(
                |m| {
                    m.current_leader == Some(id)
                        && m.last_applied.map(|l| l.index) >= m.last_log_index
                },
                "leading with the whole log applied",
            )
            .await
            .map(|_| ())
            .map_err(|e| QuorumError::NotCommitted(e.to_string()))
    }

    /// The quorum as this node sees it while it leads; `None` on a follower.
    pub fn describe(&self) -> Option<QuorumDescription> {
        let metrics = self.raft.metrics().borrow().clone();
        if metrics.current_leader != Some(self.id) {
            return None;
        }
        let end = |index: Option<u64>| index.map_or(0, |i| i as i64 + 1);
        let matched = metrics.replication.unwrap_or_default();
        let contacts = self.contacts.snapshot();
        let now_ms = super::network::wall_clock_ms();
        let replica = |id: RaftNodeId| {
            if id == self.id {
                return ReplicaDescription {
                    id,
                    log_end: end(metrics.last_log_index),
                    last_fetch_ms: now_ms,
                    last_caught_up_ms: now_ms,
                };
            }
            let contact = contacts.get(&id).copied().unwrap_or_default();
            ReplicaDescription {
                id,
                log_end: matched
                    .get(&id)
                    .map_or(-1, |m| end(m.as_ref().map(|l| l.index))),
                last_fetch_ms: contact.last_fetch_ms,
                last_caught_up_ms: contact.last_caught_up_ms,
            }
        };
        let membership = metrics.membership_config.membership();
        let voters = membership.voter_ids().map(replica).collect();
        let observers = membership.learner_ids().map(replica).collect();
        let addresses = membership
            .nodes()
            .map(|(id, node)| (*id, node.addr.clone()))
            .collect();
        Some(QuorumDescription {
            leader_id: self.id,
            leader_epoch: metrics.current_term,
            high_watermark: end(metrics.last_applied.map(|l| l.index)) as u64,
            voters,
            observers,
            addresses,
        })
    }

    /// The voters of the membership this node holds (empty before it has one).
    pub fn voter_ids(&self) -> Vec<RaftNodeId> {
        let metrics = self.raft.metrics().borrow().clone();
        metrics.membership_config.membership().voter_ids().collect()
    }

    /// Adds observer `id`, whose Raft listener is `address`, to the membership as a learner,
    /// so the log is replicated to it; only the leader does this. An observer already there
    /// at that address is left as it is (a restart), one at another address is moved there.
    /// A voter's id is refused: a node is a voter or an observer, never both.
    pub async fn add_observer(&self, id: RaftNodeId, address: String) -> Result<(), QuorumError> {
        let metrics = self.raft.metrics().borrow().clone();
        if metrics.current_leader != Some(self.id) {
            return Err(QuorumError::NotController {
                leader: metrics.current_leader,
            });
        }
        let membership = metrics.membership_config.membership().clone();
        if membership.voter_ids().any(|v| v == id) {
            return Err(QuorumError::ObserverIsVoter { id });
        }
        if membership.get_node(&id).is_some_and(|n| n.addr == address) {
            return Ok(());
        }
        let node = VoterAddress { addr: address };
        let written = if membership.get_node(&id).is_some() {
            let change = openraft::ChangeMembers::SetNodes(BTreeMap::from([(id, node)]));
            self.raft.change_membership(change, true).await
        } else {
            self.raft.add_learner(id, node, false).await
        };
        match written {
            Ok(_) => Ok(()),
            Err(RaftError::APIError(ClientWriteError::ForwardToLeader(forward))) => {
                Err(QuorumError::NotController {
                    leader: forward.leader_id,
                })
            }
            Err(e) => Err(QuorumError::NotCommitted(e.to_string())),
        }
    }

    /// The durable log's purged and last log ids.
    pub fn log_state(&self) -> (Option<RaftLogId>, Option<RaftLogId>) {
        self.log_store.log_state()
    }

    /// The durable vote.
    pub fn vote(&self) -> Option<RaftVote> {
        self.log_store.vote()
    }

    /// Commits `records` as one entry through the quorum; answers once it is applied here.
    /// Only the leader takes proposals; at most `pending_proposals_max` wait at once.
    pub async fn propose(
        &self,
        records: Vec<MetadataRecord>,
    ) -> Result<CommitApplied, QuorumError> {
        assert!(!records.is_empty(), "a proposal without records");
        let commit = MetadataCommit { records };
        let bytes = serde_json::to_vec(&commit)
            .expect("records serialize")
            .len();
        if bytes > self.limits.proposal_bytes_max {
            return Err(QuorumError::ProposalTooLarge {
                bytes,
                max: self.limits.proposal_bytes_max,
            });
        }
        let _permit =
            self.pending
                .try_acquire()
                .map_err(|_| QuorumError::TooManyPendingProposals {
                    max: self.limits.pending_proposals_max,
                })?;
        let timeout = Duration::from_millis(self.limits.proposal_timeout_ms);
        let Ok(written) = tokio::time::timeout(timeout, self.raft.client_write(commit)).await
        else {
            return Err(QuorumError::NotCommitted(format!(
                "not committed within {} ms; it may still commit",
                self.limits.proposal_timeout_ms
            )));
        };
        match written {
            Ok(response) => Ok(response.data),
            Err(RaftError::APIError(ClientWriteError::ForwardToLeader(forward))) => {
                Err(QuorumError::NotController {
                    leader: forward.leader_id,
                })
            }
            Err(e) => Err(QuorumError::NotCommitted(e.to_string())),
        }
    }

    /// Stops Raft; the directory keeps everything durable.
    pub async fn shutdown(&self) {
        if let Err(e) = self.raft.shutdown().await {
            tracing::warn!(node = self.id, error = %e, "raft did not stop cleanly");
        }
    }
}
