//! The metadata log replicated by a Raft quorum (openraft), for clusters.
//!
//! The controllers of a cluster are the Raft voters. Each Raft log entry carries one commit
//! of the controller: the [`MetadataRecord`]s of one change, applied in order to the same
//! [`crate::MetadataImage`] the single node builds from its local file, so both modes share
//! every line of record application. Only the log differs.
//!
//! Layout, one job per file:
//! - [`frame_file`]: the CRC'd frame every durable file here is made of, torn-tail
//!   truncation and corruption detection;
//! - [`log_store`]: the durable Raft log and the vote (`raft.log`, `vote`);
//! - [`state_machine`]: applies committed commits to the image, publishes each new image;
//! - [`snapshot`]: the snapshot file (the serialized image plus the last applied log id);
//! - [`network`]: the transport trait Raft RPCs go through, and openraft's network on it;
//! - [`memory`]: an in-process transport for tests (with links that can be cut);
//! - [`tcp`]: the transport over TCP on the controller listener, with its framing;
//! - [`node`]: a quorum member: opens its directory, runs Raft, takes proposals.
//!
//! Everything lives under `<data-dir>/__cluster_metadata-raft/`. Not Kafka's
//! `__cluster_metadata-0`: a directory named `<topic>-<number>` is a partition to the storage
//! engine, which would open a partition log inside it; and the files here are not in Kafka's
//! segment format, so Kafka's tools must not mistake them for it. Every write is fsync'd
//! before Raft is told it happened.
//!
//! Everything Raft buffers has a named bound in [`QuorumLimits`]: entries and bytes per
//! append, snapshot chunk and total size, proposals waiting to commit, RPC frame size.

pub mod frame_file;
pub mod log_store;
pub mod memory;
pub mod network;
pub mod node;
pub mod snapshot;
pub mod state_machine;
pub mod tcp;

use std::io::Cursor;

use serde::{Deserialize, Serialize};

use crate::record::MetadataRecord;

pub use log_store::RaftLogStore;
pub use memory::MemoryRouter;
pub use network::{RaftRequest, RaftResponse, RaftTransport, TransportError};
pub use node::{QuorumDescription, QuorumError, QuorumNode, ReplicaDescription};
pub use state_machine::MetadataStateMachine;
pub use tcp::{
    ControllerEndpoint, ControllerResult, ControllerSlot, Served, TcpTransport,
    serve_controller_listener, serve_raft,
};

/// The directory, inside the data directory, holding the Raft log, vote and snapshot.
pub const QUORUM_DIR: &str = "__cluster_metadata-raft";

/// One commit of the controller: the records of one metadata change, applied together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetadataCommit {
    pub records: Vec<MetadataRecord>,
}

impl std::fmt::Display for MetadataCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "commit of {} records", self.records.len())
    }
}

/// What applying a commit gave: the image's record count after it, which a caller can wait
/// for on any node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CommitApplied {
    pub record_count: u64,
}

/// A voter's address for Raft RPCs: the controller listener, `HOST:PORT`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VoterAddress {
    pub addr: String,
}

impl std::fmt::Display for VoterAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.addr)
    }
}

openraft::declare_raft_types!(
    /// openraft's types for the metadata quorum: node ids are Kafka's `node.id` (never
    /// negative, so they fit a `u64`), a log entry's data is one [`MetadataCommit`].
    pub MetadataRaftConfig:
        D = MetadataCommit,
        R = CommitApplied,
        NodeId = u64,
        Node = VoterAddress,
        Entry = openraft::Entry<MetadataRaftConfig>,
        SnapshotData = Cursor<Vec<u8>>,
        AsyncRuntime = openraft::TokioRuntime,
);

/// The Raft of the metadata quorum.
pub type MetadataRaft = openraft::Raft<MetadataRaftConfig>;
/// A Raft node id (Kafka's `node.id`).
pub type RaftNodeId = u64;
/// Position in the Raft log.
pub type RaftLogId = openraft::LogId<RaftNodeId>;
pub type RaftEntry = openraft::Entry<MetadataRaftConfig>;
pub type RaftVote = openraft::Vote<RaftNodeId>;
pub type RaftStorageError = openraft::StorageError<RaftNodeId>;
pub type RaftMembership = openraft::StoredMembership<RaftNodeId, VoterAddress>;

/// Bounds on everything the quorum buffers, and its timing.
#[derive(Debug, Clone)]
pub struct QuorumLimits {
    /// Most entries one AppendEntries carries (openraft's `max_payload_entries`).
    pub append_entries_max: u64,
    /// Most bytes of entries one AppendEntries carries; a single larger entry still goes
    /// alone.
    pub append_bytes_max: usize,
    /// Largest commit a proposal may hold, serialized.
    pub proposal_bytes_max: usize,
    /// Proposals submitted and not yet committed; past it a proposal is refused at once.
    pub pending_proposals_max: usize,
    /// Longest a proposal waits to commit before its caller is told it did not (it may
    /// still commit later).
    pub proposal_timeout_ms: u64,
    /// Bytes of snapshot per InstallSnapshot chunk.
    pub snapshot_chunk_bytes: u64,
    /// Largest snapshot built, stored, sent or received.
    pub snapshot_bytes_max: usize,
    /// Entries applied since the last snapshot before the next one is built.
    pub snapshot_every_entries: u64,
    /// Entries kept in the log behind the snapshot, so a slightly lagging follower catches up
    /// from the log rather than a snapshot.
    pub log_entries_kept_behind_snapshot: u64,
    /// Largest RPC frame read or written, either way.
    pub rpc_frame_bytes_max: usize,
    /// How long an RPC may take before it counts as failed.
    pub rpc_timeout_ms: u64,
    /// Raft timing: a follower that hears no leader for a random time in
    /// `[election_timeout_min_ms, election_timeout_max_ms]` stands for election.
    pub election_timeout_min_ms: u64,
    pub election_timeout_max_ms: u64,
    pub heartbeat_interval_ms: u64,
}

impl Default for QuorumLimits {
    fn default() -> Self {
        QuorumLimits {
            append_entries_max: 256,
            append_bytes_max: 4 * 1024 * 1024,
            proposal_bytes_max: 16 * 1024 * 1024,
            pending_proposals_max: 1024,
            proposal_timeout_ms: 30_000,
            snapshot_chunk_bytes: 1024 * 1024,
            snapshot_bytes_max: 512 * 1024 * 1024,
            snapshot_every_entries: 10_000,
            log_entries_kept_behind_snapshot: 1_000,
            rpc_frame_bytes_max: 32 * 1024 * 1024,
            rpc_timeout_ms: 5_000,
            election_timeout_min_ms: 500,
            election_timeout_max_ms: 1_000,
            heartbeat_interval_ms: 125,
        }
    }
}

impl QuorumLimits {
    /// Refuses bounds that contradict each other: every frame must hold the largest append
    /// (or single proposal) and the largest snapshot chunk, with room for the envelope.
    pub fn check(&self) -> Result<(), String> {
        let envelope = 64 * 1024;
        let largest_payload = self
            .append_bytes_max
            .max(self.proposal_bytes_max)
            .max(self.snapshot_chunk_bytes as usize);
        if self.rpc_frame_bytes_max < largest_payload + envelope {
            return Err(format!(
                "rpc_frame_bytes_max {} cannot hold the largest append, proposal or snapshot \
                 chunk ({largest_payload} bytes) plus {envelope} bytes of envelope",
                self.rpc_frame_bytes_max
            ));
        }
        if self.election_timeout_min_ms <= self.heartbeat_interval_ms
            || self.election_timeout_max_ms <= self.election_timeout_min_ms
        {
            return Err("heartbeat < election_timeout_min < election_timeout_max must hold".into());
        }
        if self.append_entries_max == 0 || self.pending_proposals_max == 0 {
            return Err("append_entries_max and pending_proposals_max must be positive".into());
        }
        Ok(())
    }

    /// openraft's configuration for these limits.
    pub fn raft_config(&self) -> Result<openraft::Config, String> {
        self.check()?;
        let config = openraft::Config {
            cluster_name: "strom-metadata".into(),
            election_timeout_min: self.election_timeout_min_ms,
            election_timeout_max: self.election_timeout_max_ms,
            heartbeat_interval: self.heartbeat_interval_ms,
            install_snapshot_timeout: self.rpc_timeout_ms,
            max_payload_entries: self.append_entries_max,
            snapshot_policy: openraft::SnapshotPolicy::LogsSinceLast(self.snapshot_every_entries),
            snapshot_max_chunk_size: self.snapshot_chunk_bytes,
            max_in_snapshot_log_to_keep: self.log_entries_kept_behind_snapshot,
            ..openraft::Config::default()
        };
        config.validate().map_err(|e| e.to_string())
    }
}
