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
use std::sync::Arc;
use std::time::Duration;

use openraft::error::{
    InstallSnapshotError, NetworkError, RPCError, RaftError, RemoteError, Unreachable,
};
use openraft::network::RPCOption;
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, InstallSnapshotRequest, InstallSnapshotResponse,
    VoteRequest, VoteResponse,
};
use openraft::{RaftNetwork, RaftNetworkFactory};
use serde::{Deserialize, Serialize};

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
        }
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
        }
    }
}

/// The way to one voter.
pub struct QuorumConnection {
    target: RaftNodeId,
    address: VoterAddress,
    transport: Arc<dyn RaftTransport>,
    rpc_timeout: Duration,
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
        answer.map_err(|e| RPCError::RemoteError(RemoteError::new(self.target, e)))
    }
}

impl RaftNetwork<MetadataRaftConfig> for QuorumConnection {
    async fn append_entries(
        &mut self,
        rpc: AppendEntriesRequest<MetadataRaftConfig>,
        option: RPCOption,
    ) -> RpcResult<AppendEntriesResponse<RaftNodeId>> {
        match self.call(RaftRequest::AppendEntries(rpc), &option).await? {
            RaftResponse::AppendEntries(answer) => self.remote(answer),
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
