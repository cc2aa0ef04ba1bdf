//! How Raft RPCs travel: a [`RaftTransport`] moves one [`RaftRequest`] to a voter and brings
//! its [`RaftResponse`] back; openraft's network ([`QuorumNetworkFactory`]) is written once
//! on top of it. The TCP transport ([`super::tcp`]) serves clusters, the in-memory one
//! ([`super::memory`]) serves tests, and a simulation can put faults (loss, delay, partition)
//! behind the same trait without touching Raft.
//!
//! Receiving sides hand each request to [`handle_request`], so every transport answers the
//! same way.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use openraft::error::{
    InstallSnapshotError, NetworkError, RPCError, RaftError, RemoteError, Unreachable,
};
use openraft::network::RPCOption;
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, InstallSnapshotRequest, InstallSnapshotResponse,
    VoteRequest, VoteResponse,
};
use openraft::{RaftMetrics, RaftNetwork, RaftNetworkFactory};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::{MetadataRaft, MetadataRaftConfig, RaftNodeId, VoterAddress};

/// One Raft RPC.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RaftRequest {
    AppendEntries(AppendEntriesRequest<MetadataRaftConfig>),
    Vote(VoteRequest<RaftNodeId>),
    InstallSnapshot(InstallSnapshotRequest<MetadataRaftConfig>),
}

/// The answer to a [`RaftRequest`], of the same kind.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RaftResponse {
    AppendEntries(Result<AppendEntriesResponse<RaftNodeId>, RaftError<RaftNodeId>>),
    Vote(Result<VoteResponse<RaftNodeId>, RaftError<RaftNodeId>>),
    InstallSnapshot(
        Result<InstallSnapshotResponse<RaftNodeId>, RaftError<RaftNodeId, InstallSnapshotError>>,
    ),
}

/// Why an RPC got no answer.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TransportError {
    /// No connection could be made (or the node is known to be down): Raft backs off.
    #[error("node {target} at {addr} is unreachable: {reason}")]
    Unreachable {
        target: RaftNodeId,
        addr: String,
        reason: String,
    },
    /// The request was sent, but no well-formed answer came back.
    #[error("rpc to node {target} failed: {reason}")]
    Failed { target: RaftNodeId, reason: String },
    #[error("rpc to node {target} took more than {timeout_ms} ms")]
    Timeout { target: RaftNodeId, timeout_ms: u64 },
}

/// A future a transport returns.
pub type TransportFuture =
    Pin<Box<dyn Future<Output = Result<RaftResponse, TransportError>> + Send + 'static>>;

/// Moves Raft RPCs between voters.
pub trait RaftTransport: Send + Sync + 'static {
    /// Sends `request` to node `target` at `address` and waits for its answer.
    fn send(
        &self,
        target: RaftNodeId,
        address: &VoterAddress,
        request: RaftRequest,
    ) -> TransportFuture;
}

/// Serves `request` on the local Raft node. A snapshot chunk that would grow the snapshot
/// past `snapshot_bytes_max` is refused (the error says why) instead of buffered.
pub async fn handle_request(
    raft: &MetadataRaft,
    snapshot_bytes_max: usize,
    request: RaftRequest,
) -> Result<RaftResponse, String> {
    Ok(match request {
        RaftRequest::AppendEntries(rpc) => {
            RaftResponse::AppendEntries(raft.append_entries(rpc).await)
        }
        RaftRequest::Vote(rpc) => RaftResponse::Vote(raft.vote(rpc).await),
        RaftRequest::InstallSnapshot(rpc) => {
            let end = rpc.offset.saturating_add(rpc.data.len() as u64);
            if end > snapshot_bytes_max as u64 {
                return Err(format!(
                    "a snapshot chunk ending at byte {end}, past the {snapshot_bytes_max} bytes \
                     a snapshot may take"
                ));
            }
            RaftResponse::InstallSnapshot(raft.install_snapshot(rpc).await)
        }
    })
}

/// openraft's network factory over a [`RaftTransport`].
#[derive(Clone)]
pub struct QuorumNetworkFactory {
    transport: Arc<dyn RaftTransport>,
    /// Upper bound on any one RPC, whatever openraft's own deadline.
    rpc_timeout: Duration,
    /// Where each voter is, as configured now: a static voter list (Kafka's
    /// `controller.quorum.voters`) is the truth about addresses, not the membership Raft
    /// stored when the quorum began, so a voter that moved is dialled where it is.
    addresses: BTreeMap<RaftNodeId, VoterAddress>,
    contacts: ReplicaContacts,
}

impl QuorumNetworkFactory {
    pub fn new(
        transport: Arc<dyn RaftTransport>,
        rpc_timeout: Duration,
        addresses: BTreeMap<RaftNodeId, VoterAddress>,
    ) -> Self {
        QuorumNetworkFactory {
            transport,
            rpc_timeout,
            addresses,
            contacts: ReplicaContacts::default(),
        }
    }

    /// Notes each follower's successful AppendEntries answers in `contacts`.
    pub fn with_contacts(mut self, contacts: ReplicaContacts) -> Self {
        self.contacts = contacts;
        self
    }
}

/// Wall-clock milliseconds since the Unix epoch, as Kafka's DescribeQuorum timestamps are.
pub fn wall_clock_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// When each follower last answered an AppendEntries (heartbeats included) with success,
/// and when such an answer last left it holding the leader's whole log: what DescribeQuorum
/// reports as `last_fetch_timestamp` and `last_caught_up_timestamp`. openraft 0.9 exposes
/// only each follower's matched log id, not when it was heard from, so the network records
/// it as the answers come back.
#[derive(Clone, Default)]
pub struct ReplicaContacts {
    inner: Arc<Mutex<BTreeMap<RaftNodeId, Contact>>>,
    /// The local Raft's metrics, for the leader's last log index when an answer arrives.
    metrics: Arc<OnceLock<watch::Receiver<RaftMetrics<RaftNodeId, VoterAddress>>>>,
}

/// One peer's last contacts, wall-clock ms (-1: never), and whether its last RPC failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    pub last_fetch_ms: i64,
    pub last_caught_up_ms: i64,
    pub unreachable: bool,
}

impl Default for Contact {
    fn default() -> Self {
        Contact {
            last_fetch_ms: -1,
            last_caught_up_ms: -1,
            unreachable: false,
        }
    }
}

impl ReplicaContacts {
    /// Reads the leader's log end from `metrics` from now on.
    pub fn follow(&self, metrics: watch::Receiver<RaftMetrics<RaftNodeId, VoterAddress>>) {
        let _ = self.metrics.set(metrics);
    }

    /// Notes a successful AppendEntries answer from `target` that leaves it holding the log
    /// up to `acked_index` (None: empty).
    fn note_success(&self, target: RaftNodeId, acked_index: Option<u64>) {
        let leader_last = self
            .metrics
            .get()
            .map(|m| m.borrow().last_log_index)
            .unwrap_or(None);
        let now = wall_clock_ms();
        let mut contacts = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let contact = contacts.entry(target).or_default();
        contact.last_fetch_ms = now;
        if acked_index >= leader_last {
            contact.last_caught_up_ms = now;
        }
    }

    /// Notes how an RPC to `target` went, logging one line when the peer turns unreachable
    /// and one when it answers again: openraft's own lines for every failed RPC (an ERROR
    /// every backoff period per unreachable peer) are left out of the log instead (see
    /// [`is_replaced_openraft_log`]).
    fn note_rpc(&self, target: RaftNodeId, address: &VoterAddress, failure: Option<&str>) {
        let mut contacts = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let contact = contacts.entry(target).or_default();
        match failure {
            Some(reason) if !contact.unreachable => {
                contact.unreachable = true;
                tracing::warn!(peer = target, %address, %reason,
                    "raft peer unreachable; retrying with backoff (logged again once it answers)");
            }
            None if contact.unreachable => {
                contact.unreachable = false;
                tracing::info!(peer = target, %address, "raft peer answers again");
            }
            _ => {}
        }
    }

    /// Every follower's last contacts.
    pub fn snapshot(&self) -> BTreeMap<RaftNodeId, Contact> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl RaftNetworkFactory<MetadataRaftConfig> for QuorumNetworkFactory {
    type Network = QuorumConnection;

    async fn new_client(&mut self, target: RaftNodeId, node: &VoterAddress) -> QuorumConnection {
        QuorumConnection {
            target,
            address: self.addresses.get(&target).unwrap_or(node).clone(),
            transport: Arc::clone(&self.transport),
            rpc_timeout: self.rpc_timeout,
            contacts: self.contacts.clone(),
        }
    }
}

/// The way to one voter.
pub struct QuorumConnection {
    target: RaftNodeId,
    address: VoterAddress,
    transport: Arc<dyn RaftTransport>,
    rpc_timeout: Duration,
    contacts: ReplicaContacts,
}

type RpcResult<T, E = openraft::error::Infallible> =
    Result<T, RPCError<RaftNodeId, VoterAddress, RaftError<RaftNodeId, E>>>;

impl QuorumConnection {
    async fn call<E: std::error::Error>(
        &self,
        request: RaftRequest,
        option: &RPCOption,
    ) -> Result<RaftResponse, RPCError<RaftNodeId, VoterAddress, RaftError<RaftNodeId, E>>> {
        let timeout = self.rpc_timeout.min(option.hard_ttl());
        let sent = self.transport.send(self.target, &self.address, request);
        let timed_out = TransportError::Timeout {
            target: self.target,
            timeout_ms: timeout.as_millis() as u64,
        };
        let answer = tokio::time::timeout(timeout, sent)
            .await
            .unwrap_or(Err(timed_out));
        let failure = answer.as_ref().err().map(ToString::to_string);
        self.contacts
            .note_rpc(self.target, &self.address, failure.as_deref());
        answer.map_err(|e| match e {
            TransportError::Unreachable { .. } => RPCError::Unreachable(Unreachable::new(&e)),
            _ => RPCError::Network(NetworkError::new(&e)),
        })
    }

    fn wrong_kind<E: std::error::Error>(
        &self,
    ) -> RPCError<RaftNodeId, VoterAddress, RaftError<RaftNodeId, E>> {
        let e = TransportError::Failed {
            target: self.target,
            reason: "an answer of another kind than the request".into(),
        };
        RPCError::Network(NetworkError::new(&e))
    }

    // The error type is openraft's, which the network trait must return.
    #[allow(clippy::result_large_err)]
    fn remote<T, E: std::error::Error>(
        &self,
        answer: Result<T, RaftError<RaftNodeId, E>>,
    ) -> Result<T, RPCError<RaftNodeId, VoterAddress, RaftError<RaftNodeId, E>>> {
        answer.map_err(|e| {
            // openraft's line for this is left out with its network-noise lines.
            tracing::warn!(peer = self.target, error = %e, "raft peer answered with an error");
            RPCError::RemoteError(RemoteError::new(self.target, e))
        })
    }
}

impl RaftNetwork<MetadataRaftConfig> for QuorumConnection {
    async fn append_entries(
        &mut self,
        rpc: AppendEntriesRequest<MetadataRaftConfig>,
        option: RPCOption,
    ) -> RpcResult<AppendEntriesResponse<RaftNodeId>> {
        let acked_index = rpc
            .entries
            .last()
            .map(|e| e.log_id.index)
            .or(rpc.prev_log_id.map(|l| l.index));
        match self.call(RaftRequest::AppendEntries(rpc), &option).await? {
            RaftResponse::AppendEntries(answer) => {
                if matches!(answer, Ok(AppendEntriesResponse::Success)) {
                    self.contacts.note_success(self.target, acked_index);
                }
                self.remote(answer)
            }
            _ => Err(self.wrong_kind()),
        }
    }

    async fn install_snapshot(
        &mut self,
        rpc: InstallSnapshotRequest<MetadataRaftConfig>,
        option: RPCOption,
    ) -> RpcResult<InstallSnapshotResponse<RaftNodeId>, InstallSnapshotError> {
        match self
            .call(RaftRequest::InstallSnapshot(rpc), &option)
            .await?
        {
            RaftResponse::InstallSnapshot(answer) => self.remote(answer),
            _ => Err(self.wrong_kind()),
        }
    }

    async fn vote(
        &mut self,
        rpc: VoteRequest<RaftNodeId>,
        option: RPCOption,
    ) -> RpcResult<VoteResponse<RaftNodeId>> {
        match self.call(RaftRequest::Vote(rpc), &option).await? {
            RaftResponse::Vote(answer) => self.remote(answer),
            _ => Err(self.wrong_kind()),
        }
    }
}

/// Whether a log event is one of openraft 0.9.25's lines for a failed replication RPC,
/// written for every attempt, every backoff period (500 ms), for as long as a peer is down:
/// the WARNs and ERROR of `src/replication/mod.rs` (lines 258, 284 and the backoff's 596)
/// and the WARN "update
/// progress error" of `src/engine/handler/replication_handler/mod.rs` (line 287). The
/// quorum's network logs one line per peer when it turns unreachable and one when it
/// answers again instead ([`ReplicaContacts`]), so the log filters these out. Storage errors
/// of replication have their own ERROR line (275), which is kept, as are the vote errors of
/// an election. Matched by file and line of the pinned version: after an upgrade the lines
/// come back (nothing else is hidden) until this is updated.
pub fn is_replaced_openraft_log(meta: &tracing::Metadata<'_>) -> bool {
    let Some(file) = meta.file().filter(|f| f.contains("openraft-0.9.25")) else {
        return false;
    };
    match (*meta.level(), meta.line()) {
        (tracing::Level::WARN, Some(258 | 596)) | (tracing::Level::ERROR, Some(284)) => {
            file.ends_with("src/replication/mod.rs")
        }
        (tracing::Level::WARN, Some(287)) => {
            file.ends_with("src/engine/handler/replication_handler/mod.rs")
        }
        _ => false,
    }
}
