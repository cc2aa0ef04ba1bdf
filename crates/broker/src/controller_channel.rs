//! The way this broker reaches the active controller, wherever it is.
//!
//! On the single node the controller is local and every request runs on the blocking pool
//! (commits fsync). In a cluster a request goes to the node the quorum names as leader:
//! served locally when that is this node, sent over the controller listener otherwise. A
//! "not the controller" answer (leadership moved, or no leader yet) is retried against the
//! newly named leader until [`ControllerChannel::deadline`] passes; then the caller gets
//! `NotCommitted`, which clients see as `REQUEST_TIMED_OUT`. A request that was sent but got
//! no answer is not retried: it may have been served, so the caller decides.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use strom_metadata::controller::request::{
    ControllerAnswer, ControllerEnvelope, ControllerReply, ControllerRequest,
};
use strom_metadata::quorum::{QuorumNode, RaftNodeId, TcpTransport, TransportError, VoterAddress};
use strom_metadata::{Controller, MetadataError};
use strom_storage::Clock;

/// Pause between attempts while no controller is known or leadership moves.
const RETRY_BACKOFF_MS: u64 = 100;

/// A handle to the active controller.
#[derive(Clone)]
pub struct ControllerChannel {
    controller: Arc<Controller>,
    clock: Arc<dyn Clock>,
    /// In a cluster: the quorum member (who leads) and how to reach the others.
    remote: Option<Arc<Remote>>,
}

struct Remote {
    node: Arc<QuorumNode>,
    voters: BTreeMap<RaftNodeId, VoterAddress>,
    transport: TcpTransport,
    deadline: Duration,
}

impl std::fmt::Debug for ControllerChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ControllerChannel")
            .field("cluster", &self.remote.is_some())
            .finish_non_exhaustive()
    }
}

impl ControllerChannel {
    /// The single node's channel: the local controller only.
    pub fn local(controller: Arc<Controller>, clock: Arc<dyn Clock>) -> Self {
        ControllerChannel {
            controller,
            clock,
            remote: None,
        }
    }

    /// A cluster member's channel: `controller` serves when this node leads, the voters
    /// (at their controller listeners) otherwise; retries end after `deadline`.
    pub fn cluster(
        controller: Arc<Controller>,
        clock: Arc<dyn Clock>,
        voters: BTreeMap<RaftNodeId, VoterAddress>,
        frame_bytes_max: usize,
        deadline: Duration,
    ) -> Self {
        let node = Arc::clone(
            controller
                .quorum()
                .expect("a cluster's controller has a quorum member"),
        );
        ControllerChannel {
            controller,
            clock,
            remote: Some(Arc::new(Remote {
                node,
                voters,
                transport: TcpTransport::new(frame_bytes_max),
                deadline,
            })),
        }
    }

    /// The local controller (for its image, and for serving requests it receives).
    pub fn controller(&self) -> &Arc<Controller> {
        &self.controller
    }

    /// The active controller's node id, when known: this node on the single node.
    pub fn active_controller(&self) -> Option<i32> {
        match &self.remote {
            None => Some(self.controller.limits().node_id.0),
            Some(remote) => remote.node.leader().and_then(|l| i32::try_from(l).ok()),
        }
    }

    /// Sends `request` to the active controller and waits for its answer.
    pub async fn call(
        &self,
        request: ControllerRequest,
    ) -> Result<ControllerAnswer, MetadataError> {
        self.call_within(request, None).await
    }

    /// Sends `request` to the active controller, which must act on it within `timeout` (a
    /// client's `timeout_ms`) if one is given; past it the caller hears `NotCommitted`
    /// (`REQUEST_TIMED_OUT`) and the controller no longer takes the request. A change the
    /// active controller already proposed may still commit, as in Kafka.
    pub async fn call_within(
        &self,
        request: ControllerRequest,
        timeout: Option<Duration>,
    ) -> Result<ControllerAnswer, MetadataError> {
        let deadline_ms = timeout.map(|t| self.wall_ms().saturating_add(t.as_millis() as u64));
        let envelope = ControllerEnvelope {
            request,
            deadline_ms,
        };
        let name = envelope.request.name();
        let attempts = self.attempts(envelope);
        let Some(timeout) = timeout else {
            return attempts.await;
        };
        match tokio::time::timeout(timeout, attempts).await {
            Ok(answer) => answer,
            Err(_) => Err(MetadataError::NotCommitted {
                reason: format!(
                    "the {name} request was not committed within its timeout of {} ms",
                    timeout.as_millis()
                ),
            }),
        }
    }

    /// Tries the node believed to lead until one answers or the channel's deadline passes.
    async fn attempts(
        &self,
        envelope: ControllerEnvelope,
    ) -> Result<ControllerAnswer, MetadataError> {
        let Some(remote) = &self.remote else {
            return self.serve_locally(envelope).await;
        };
        let started = tokio::time::Instant::now();
        // While this node's Raft knows no leader (an observer not yet added, a twin of a
        // node.id the quorum never reaches), a broker's own requests (registration,
        // heartbeats, joining as an observer: those without a client's deadline) ask the
        // voters in turn; each names the leader it knows, which is tried next. A client's
        // request is not sent around so: it would wait in the socket of a paused voter and
        // could be served there when it resumes, just at its deadline.
        let ask_voters = envelope.deadline_ms.is_none();
        let mut hint: Option<RaftNodeId> = None;
        let mut turn = 0usize;
        loop {
            let target = remote.node.leader().or(hint.take()).or_else(|| {
                turn += 1;
                let mut voters = remote.voters.keys().copied().cycle();
                if ask_voters { voters.nth(turn) } else { None }
            });
            // Served here only when this node's own Raft says it leads. A leader named by
            // others with this node's id is another process (a twin with the same node.id,
            // refused once it reaches the real one), reached at the configured address.
            let leads_here = remote.node.leader() == Some(remote.node.id());
            let outcome = match target {
                Some(leader) if leader == remote.node.id() && leads_here => {
                    self.serve_locally(envelope.clone()).await
                }
                Some(leader) => remote.send(leader, &envelope).await,
                None => Err(MetadataError::NotController { leader: None }),
            };
            match outcome {
                Err(MetadataError::NotController { leader })
                    if started.elapsed() < remote.deadline =>
                {
                    hint = leader
                        .and_then(|l| u64::try_from(l.0).ok())
                        .filter(|&l| Some(l) != target);
                    tokio::time::sleep(Duration::from_millis(RETRY_BACKOFF_MS)).await;
                }
                Err(MetadataError::NotController { .. }) => {
                    return Err(MetadataError::NotCommitted {
                        reason: format!(
                            "no active controller took the {} request within {} ms",
                            envelope.request.name(),
                            remote.deadline.as_millis()
                        ),
                    });
                }
                other => return other,
            }
        }
    }

    /// Serves `envelope` with this node's controller, on the blocking pool; one whose
    /// deadline has passed is refused without being looked at.
    pub async fn serve_locally(
        &self,
        envelope: ControllerEnvelope,
    ) -> Result<ControllerAnswer, MetadataError> {
        let controller = Arc::clone(&self.controller);
        let clock = Arc::clone(&self.clock);
        tokio::task::spawn_blocking(move || {
            let now_ms = u64::try_from(clock.now().0).unwrap_or(0);
            if envelope
                .deadline_ms
                .is_some_and(|deadline| now_ms > deadline)
            {
                return Err(MetadataError::NotCommitted {
                    reason: format!(
                        "the {} request's deadline passed before the active controller took it",
                        envelope.request.name()
                    ),
                });
            }
            controller.handle(envelope.request, now_ms)
        })
        .await
        .unwrap_or_else(|e| panic!("a controller request panicked: {e}"))
    }

    fn wall_ms(&self) -> u64 {
        u64::try_from(self.clock.now().0).unwrap_or(0)
    }
}

impl Remote {
    /// One attempt at the node believed to lead. Unreachable means nothing was sent, so it
    /// counts as "not the controller" and is retried.
    async fn send(
        &self,
        leader: RaftNodeId,
        envelope: &ControllerEnvelope,
    ) -> Result<ControllerAnswer, MetadataError> {
        let request = &envelope.request;
        let Some(address) = self.voters.get(&leader) else {
            return Err(MetadataError::NotController { leader: None });
        };
        match self
            .transport
            .call_controller(leader, address, envelope)
            .await
        {
            Ok(result) => result,
            Err(TransportError::Unreachable { .. }) => {
                Err(MetadataError::NotController { leader: None })
            }
            Err(e) => Err(MetadataError::NotCommitted {
                reason: format!("the {} request to node {leader}: {e}", request.name()),
            }),
        }
    }
}

/// Asks each configured voter but `own_id` for the voters of the membership it holds, and
/// answers the first that holds one other than `configured` (Kafka's
/// `INCONSISTENT_VOTER_SET`). Voters that do not answer within `patience`, or hold no
/// membership yet (a cluster starting), say nothing.
pub async fn disagreeing_voter(
    transport: &TcpTransport,
    voters: &BTreeMap<RaftNodeId, VoterAddress>,
    own_id: RaftNodeId,
    configured: &[RaftNodeId],
    patience: Duration,
) -> Option<(RaftNodeId, Vec<RaftNodeId>)> {
    let envelope = ControllerEnvelope {
        request: ControllerRequest::DescribeVoters,
        deadline_ms: None,
    };
    let mut answers = Vec::new();
    // One at a time: a voter that is down refuses the connection at once, and only a
    // paused one makes this wait its `patience`.
    for (&id, address) in voters.iter().filter(|(id, _)| **id != own_id) {
        let answer = transport.call_controller(id, address, &envelope);
        if let Ok(Ok(Ok(ControllerAnswer {
            reply: ControllerReply::Voters(voters),
            ..
        }))) = tokio::time::timeout(patience, answer).await
        {
            answers.push((id, voters));
        }
    }
    answers
        .into_iter()
        .find(|(_, voters)| !voters.is_empty() && voters.as_slice() != configured)
}
