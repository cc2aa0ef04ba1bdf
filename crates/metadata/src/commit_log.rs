//! Where the controller's commits go: the single node's local file, or the Raft quorum.
//!
//! The controller validates a change, builds its records, hands them here, and applies them
//! to its image only once this says they are durable (local: fsync'd; quorum: committed by a
//! majority and applied by the state machine). Either way the same records reach the same
//! [`crate::MetadataImage::apply`], so a single node and a quorum build identical images.
//!
//! The controller runs on blocking threads (its local log fsyncs), so the quorum side waits
//! for its asynchronous proposal by blocking on the runtime handle it was given; it must
//! never be called from an async worker.

use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{MetadataError, Result};
use crate::image::MetadataImage;
use crate::log::MetadataLog;
use crate::quorum::{QuorumError, QuorumNode};
use crate::record::MetadataRecord;
use crate::types::NodeId;

/// The log commits are appended to.
#[derive(Debug)]
pub enum CommitLog {
    /// The zero-configuration single node's `cluster-metadata.log`.
    Local(MetadataLog),
    /// The Raft quorum, through this node (which must lead to commit).
    Quorum(QuorumCommitLog),
}

/// A quorum member used as the controller's log.
#[derive(Debug)]
pub struct QuorumCommitLog {
    node: Arc<QuorumNode>,
    runtime: tokio::runtime::Handle,
    /// The quorum directory, for error messages.
    dir: PathBuf,
}

impl QuorumCommitLog {
    pub fn new(node: Arc<QuorumNode>, runtime: tokio::runtime::Handle, dir: PathBuf) -> Self {
        QuorumCommitLog { node, runtime, dir }
    }

    pub fn node(&self) -> &Arc<QuorumNode> {
        &self.node
    }

    /// Checks that this member leads and has applied its whole log (after an election the
    /// new leader first commits an entry of its own term, which carries every earlier
    /// entry), waiting at most [`LEADER_CATCH_UP_MS`]; otherwise the change belongs to the
    /// leader, if one is known.
    pub fn ensure_leading(&self) -> Result<()> {
        let id = self.node.id();
        let leader = self.node.leader();
        if leader != Some(id) {
            return Err(MetadataError::NotController {
                leader: leader.and_then(|l| i32::try_from(l).ok()).map(NodeId),
            });
        }
        let wait = std::time::Duration::from_millis(LEADER_CATCH_UP_MS);
        match self
            .runtime
            .block_on(self.node.wait_leading_and_applied(wait))
        {
            Ok(()) => Ok(()),
            Err(_) => Err(match self.node.leader() {
                Some(l) if l == id => MetadataError::NotCommitted {
                    reason: format!(
                        "the active controller has not applied its log within \
                         {LEADER_CATCH_UP_MS} ms"
                    ),
                },
                other => MetadataError::NotController {
                    leader: other.and_then(|l| i32::try_from(l).ok()).map(NodeId),
                },
            }),
        }
    }
}

/// Longest a new active controller waits to have applied its log before a change.
pub const LEADER_CATCH_UP_MS: u64 = 5_000;

impl CommitLog {
    /// Makes `records` durable as one commit. Returns the image's record count after them
    /// when the log applied them itself (the quorum's state machine), for the controller to
    /// check against its own.
    pub fn append(&mut self, records: &[MetadataRecord]) -> Result<Option<u64>> {
        match self {
            CommitLog::Local(log) => log.append(records).map(|()| None),
            CommitLog::Quorum(q) => {
                let proposal = q.node.propose(records.to_vec());
                let applied = q
                    .runtime
                    .block_on(proposal)
                    .map_err(|e| quorum_error(&q.dir, records.len(), e))?;
                Ok(Some(applied.record_count))
            }
        }
    }

    /// The image the log itself applied, when it applies commits (the quorum's state
    /// machine): after a failed proposal, what may have committed regardless.
    pub fn committed_image(&self) -> Option<Arc<MetadataImage>> {
        match self {
            CommitLog::Local(_) => None,
            CommitLog::Quorum(q) => Some(q.node.image()),
        }
    }

    /// Records committed so far, for logging.
    pub fn record_count(&self) -> u64 {
        match self {
            CommitLog::Local(log) => log.record_count(),
            CommitLog::Quorum(q) => q.node.image().record_count(),
        }
    }
}

/// A quorum failure as the controller reports it: storage failures stop the broker as a
/// failed local log does; the rest are refusals a client may retry.
fn quorum_error(dir: &std::path::Path, records: usize, e: QuorumError) -> MetadataError {
    match e {
        QuorumError::Storage(_) | QuorumError::Fatal(_) => MetadataError::LogFailed {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        },
        QuorumError::NotController { leader } => MetadataError::NotController {
            leader: leader.and_then(|l| i32::try_from(l).ok()).map(NodeId),
        },
        QuorumError::ObserverIsVoter { .. } => MetadataError::InvalidRequest {
            reason: e.to_string(),
        },
        QuorumError::ProposalTooLarge { bytes, max } => MetadataError::CommitTooLarge {
            records,
            bytes,
            max,
        },
        QuorumError::TooManyPendingProposals { .. }
        | QuorumError::NotCommitted(_)
        | QuorumError::Limits(_)
        | QuorumError::VotersDisagree { .. }
        | QuorumError::InconsistentVoterSet { .. } => MetadataError::NotCommitted {
            reason: e.to_string(),
        },
    }
}
