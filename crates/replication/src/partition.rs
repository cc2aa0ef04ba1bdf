//! One partition's replication state machine. See the crate docs for the rules it keeps.
//!
//! Events and what they decide:
//! - [`Partition::apply`]: the metadata assigned a leader epoch, a leader and an ISR. An older
//!   epoch is refused; a newer one makes this broker leader or follower (a fresh
//!   [`Role`]); the same epoch with a newer partition epoch changes the ISR or the replicas
//!   of the current role.
//! - [`Partition::update_local_log`]: the local log grew or a flush made more of it durable.
//!   As leader this may move the high watermark.
//! - [`Partition::update_follower`]: a follower fetched (its log end and durable offset). As
//!   leader this may move the high watermark.
//! - [`Partition::update_follower_high_watermark`]: as follower, the leader's high watermark
//!   arrived with a fetch response.
//! - [`Partition::check_epoch`]: a request named the leader epoch it believes in.
//!
//! Invariants (checked after every event): log start <= high watermark <= the local log end;
//! as leader, the high watermark never moves back, and it moves only to a value no in-sync
//! replica's durable offset is below; the ISR is a subset of the replicas and holds the
//! leader. (A replica's reported durable offset may later drop below the high watermark, as
//! a follower that lost its unflushed tail does; that is the follower's state, not a broken
//! rule, and the ISR shrink deals with it.)

use std::collections::BTreeMap;

use strom_metadata::NodeId;
use strom_metadata::controller::elr::effective_min_isr;
use strom_storage::{LeaderEpoch, Offset, TopicPartition};

/// A partition's leadership and replicas, as the metadata gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// `None` while the partition has no leader (every replica is fenced).
    pub leader: Option<NodeId>,
    pub leader_epoch: LeaderEpoch,
    /// Bumped by every change of the partition (ISR, replicas, leader).
    pub partition_epoch: i32,
    pub replicas: Vec<NodeId>,
    pub isr: Vec<NodeId>,
    /// The topic's `min.insync.replicas` (see [`Partition::set_min_insync_replicas`]).
    pub min_insync_replicas: usize,
}

/// The local log's offsets, read under its lock by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalLog {
    pub log_start: Offset,
    pub log_end: Offset,
    /// Offsets below this are fsync'd (the log's recovery point).
    pub durable: Offset,
    /// The high watermark the log last stored (a checkpoint after a restart).
    pub high_watermark: Offset,
}

/// What the leader knows of one replica's copy of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplicaState {
    /// The replica's log end (its next fetch offset); `None` until it has fetched under this
    /// leader epoch.
    pub log_end: Option<Offset>,
    /// Offsets below this are on the replica's disk; `None` until known.
    pub durable: Option<Offset>,
    /// When the replica was last caught up with the leader's log end (ms since the epoch).
    pub last_caught_up_ms: i64,
    /// When it last fetched, and the leader's log end then: a fetch that reaches the
    /// previous fetch's leader log end proves the replica was caught up at that earlier
    /// time (Kafka's rule), so a follower keeping up under constant load stays in sync.
    pub last_fetch_ms: i64,
    pub last_fetch_leader_log_end: Option<Offset>,
}

impl ReplicaState {
    fn unknown(now_ms: i64) -> ReplicaState {
        ReplicaState {
            log_end: None,
            durable: None,
            last_caught_up_ms: now_ms,
            last_fetch_ms: now_ms,
            last_fetch_leader_log_end: None,
        }
    }
}

/// This broker's role for the partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Leader {
        /// Sorted, without repeats; always holds the leader.
        isr: Vec<NodeId>,
        /// Every assigned replica, the leader included.
        replicas: BTreeMap<NodeId, ReplicaState>,
        /// An ISR change sent to the controller and not yet committed. Until it is, the
        /// high watermark waits for every replica of both sets (Kafka's maximal ISR): a
        /// replica being added must hold what is acknowledged from the moment it may be
        /// elected, and one being removed still counts until it is out.
        pending_isr: Option<Vec<NodeId>>,
        /// The log end when this leader epoch began: a replica joins the ISR only once it
        /// has reached it (it then holds everything of earlier epochs this leader has).
        epoch_start_offset: Offset,
    },
    Follower {
        leader: Option<NodeId>,
    },
}

/// What [`Partition::apply`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// This broker now leads the partition at a new leader epoch.
    BecameLeader,
    /// This broker now follows (a new leader epoch, or the leader went away).
    BecameFollower,
    /// Same epoch and role; the ISR or the replicas changed.
    Updated,
    /// Nothing new (an assignment already applied).
    Unchanged,
}

/// Why an assignment or a follower's report was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    #[error("leader epoch {offered} is older than the current {current}")]
    StaleLeaderEpoch {
        current: LeaderEpoch,
        offered: LeaderEpoch,
    },
    #[error("node {local} is not among the replicas {replicas:?}")]
    NotAReplica {
        local: NodeId,
        replicas: Vec<NodeId>,
    },
    #[error("the ISR {isr:?} is not a subset of the replicas {replicas:?} holding the leader")]
    InvalidIsr {
        isr: Vec<NodeId>,
        replicas: Vec<NodeId>,
    },
    #[error("this broker does not lead the partition")]
    NotLeader,
    #[error("node {replica} is not a replica of the partition")]
    UnknownReplica { replica: NodeId },
}

/// Why a request's leader epoch does not match the partition's (Kafka's answers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EpochError {
    /// The request's epoch is older: the client has stale metadata (`FENCED_LEADER_EPOCH`).
    #[error("leader epoch {requested} is fenced; the current epoch is {current}")]
    Fenced {
        current: LeaderEpoch,
        requested: LeaderEpoch,
    },
    /// The request's epoch is newer than ours: our metadata is behind
    /// (`UNKNOWN_LEADER_EPOCH`).
    #[error("leader epoch {requested} is newer than the current {current}")]
    Unknown {
        current: LeaderEpoch,
        requested: LeaderEpoch,
    },
}

/// One partition as this broker sees it.
#[derive(Debug, Clone)]
pub struct Partition {
    topic_partition: TopicPartition,
    local: NodeId,
    leader_epoch: LeaderEpoch,
    partition_epoch: i32,
    role: Role,
    high_watermark: Offset,
    /// The local log's start and end as last reported: the high watermark stays inside them.
    log_start: Offset,
    log_end: Offset,
    /// The topic's `min.insync.replicas`. As leader the high watermark moves only while the
    /// committed ISR holds at least this many (capped at the replica count): Kafka's strict
    /// min ISR (KIP-966), which makes replicas that leave a smaller ISR eligible leaders.
    min_insync_replicas: usize,
}

impl Partition {
    /// A partition this broker hosts, in the role `assignment` gives it.
    pub fn new(
        topic_partition: TopicPartition,
        local: NodeId,
        assignment: &Assignment,
        log: LocalLog,
        now_ms: i64,
    ) -> Result<Partition, StateError> {
        check_assignment(local, assignment)?;
        let mut partition = Partition {
            topic_partition,
            local,
            leader_epoch: assignment.leader_epoch,
            partition_epoch: assignment.partition_epoch,
            role: Role::Follower { leader: None },
            high_watermark: log.high_watermark.clamp(log.log_start, log.log_end),
            log_start: log.log_start,
            log_end: log.log_end,
            min_insync_replicas: assignment.min_insync_replicas.max(1),
        };
        partition.take_role(assignment, log, now_ms);
        partition.check_invariants();
        Ok(partition)
    }

    /// Applies a newer assignment. An older leader epoch is refused (the metadata never goes
    /// back, so it is a late delta); the same epoch with an older or equal partition epoch
    /// is [`Transition::Unchanged`].
    pub fn apply(
        &mut self,
        assignment: &Assignment,
        log: LocalLog,
        now_ms: i64,
    ) -> Result<Transition, StateError> {
        check_assignment(self.local, assignment)?;
        if assignment.leader_epoch < self.leader_epoch {
            return Err(StateError::StaleLeaderEpoch {
                current: self.leader_epoch,
                offered: assignment.leader_epoch,
            });
        }
        let same_epoch = assignment.leader_epoch == self.leader_epoch;
        if same_epoch && assignment.partition_epoch <= self.partition_epoch {
            return Ok(Transition::Unchanged);
        }
        self.partition_epoch = assignment.partition_epoch;
        self.min_insync_replicas = assignment.min_insync_replicas.max(1);
        let transition = if same_epoch {
            self.update_membership(assignment, now_ms)
        } else {
            self.leader_epoch = assignment.leader_epoch;
            self.take_role(assignment, log, now_ms)
        };
        self.check_invariants();
        Ok(transition)
    }

    /// A new leader epoch: a fresh role. As the new leader, only the local replica's
    /// progress is known; followers start unknown and report as they fetch.
    fn take_role(&mut self, assignment: &Assignment, log: LocalLog, now_ms: i64) -> Transition {
        self.log_start = log.log_start;
        self.log_end = log.log_end;
        self.high_watermark = self
            .high_watermark
            .max(log.high_watermark)
            .clamp(log.log_start, log.log_end);
        if assignment.leader == Some(self.local) {
            let mut replicas: BTreeMap<NodeId, ReplicaState> = assignment
                .replicas
                .iter()
                .map(|&r| (r, ReplicaState::unknown(now_ms)))
                .collect();
            replicas.insert(
                self.local,
                ReplicaState {
                    log_end: Some(log.log_end),
                    durable: Some(log.durable),
                    last_caught_up_ms: now_ms,
                    last_fetch_ms: now_ms,
                    last_fetch_leader_log_end: None,
                },
            );
            self.role = Role::Leader {
                isr: sorted(&assignment.isr),
                replicas,
                pending_isr: None,
                epoch_start_offset: log.log_end,
            };
            self.advance_high_watermark();
            Transition::BecameLeader
        } else {
            self.role = Role::Follower {
                leader: assignment.leader,
            };
            Transition::BecameFollower
        }
    }

    /// Same leader epoch, newer partition epoch: the ISR or the replica set changed.
    fn update_membership(&mut self, assignment: &Assignment, now_ms: i64) -> Transition {
        match &mut self.role {
            Role::Leader {
                isr,
                replicas,
                pending_isr,
                ..
            } => {
                *isr = sorted(&assignment.isr);
                // A newer partition epoch answers (or overrides) the change in flight.
                *pending_isr = None;
                replicas.retain(|r, _| assignment.replicas.contains(r));
                for &r in &assignment.replicas {
                    replicas
                        .entry(r)
                        .or_insert_with(|| ReplicaState::unknown(now_ms));
                }
                self.advance_high_watermark();
            }
            Role::Follower { leader } => *leader = assignment.leader,
        }
        Transition::Updated
    }

    /// The local log's new end and durable offset (after an append, a flush or, as
    /// follower, a truncation). Returns the new high watermark if it moved.
    pub fn update_local_log(
        &mut self,
        log_start: Offset,
        log_end: Offset,
        durable: Offset,
    ) -> Option<Offset> {
        assert!(
            log_start <= log_end,
            "{}: log start {log_start} above log end {log_end}",
            self.topic_partition
        );
        assert!(
            durable <= log_end,
            "{}: durable {durable} above log end {log_end}",
            self.topic_partition
        );
        self.log_start = log_start;
        self.log_end = log_end;
        let before = self.high_watermark;
        // Records deleted below the log start (DeleteRecords, retention) are below the high
        // watermark too: the log never deletes past it.
        self.high_watermark = self.high_watermark.max(log_start);
        match &mut self.role {
            Role::Leader { replicas, .. } => {
                let local = replicas
                    .get_mut(&self.local)
                    .unwrap_or_else(|| panic!("a leader always tracks itself"));
                assert!(
                    local.log_end.is_none_or(|end| end <= log_end),
                    "{}: a leader's log end went back from {:?} to {log_end}",
                    self.topic_partition,
                    local.log_end
                );
                local.log_end = Some(log_end);
                local.durable = Some(durable.max(local.durable.unwrap_or(durable)));
                self.advance_high_watermark();
            }
            Role::Follower { .. } => {
                // A follower's log can shrink (truncation); its high watermark follows.
                self.high_watermark = self.high_watermark.clamp(log_start, log_end);
            }
        }
        self.check_invariants();
        (self.high_watermark != before).then_some(self.high_watermark)
    }

    /// As leader: a follower fetched at `log_end` with `durable` on its disk. Returns the
    /// new high watermark if it moved.
    pub fn update_follower(
        &mut self,
        replica: NodeId,
        log_end: Offset,
        durable: Offset,
        now_ms: i64,
    ) -> Result<Option<Offset>, StateError> {
        let leader_log_end = self.log_end;
        let Role::Leader { replicas, .. } = &mut self.role else {
            return Err(StateError::NotLeader);
        };
        let Some(state) = replicas.get_mut(&replica).filter(|_| replica != self.local) else {
            return Err(StateError::UnknownReplica { replica });
        };
        // A follower never holds more than the leader, nor durably more than it holds.
        let log_end = log_end.min(leader_log_end);
        state.log_end = Some(log_end);
        state.durable = Some(durable.min(log_end));
        if log_end >= leader_log_end {
            state.last_caught_up_ms = now_ms;
        } else if state
            .last_fetch_leader_log_end
            .is_some_and(|previous| log_end >= previous)
        {
            state.last_caught_up_ms = state.last_caught_up_ms.max(state.last_fetch_ms);
        }
        state.last_fetch_ms = now_ms;
        state.last_fetch_leader_log_end = Some(leader_log_end);
        let before = self.high_watermark;
        self.advance_high_watermark();
        self.check_invariants();
        Ok((self.high_watermark != before).then_some(self.high_watermark))
    }

    /// As follower: the leader's high watermark, bounded by what the local log holds.
    pub fn update_follower_high_watermark(&mut self, leader_high_watermark: Offset) -> Offset {
        if matches!(self.role, Role::Follower { .. }) {
            self.high_watermark = leader_high_watermark.clamp(self.log_start, self.log_end);
            self.check_invariants();
        }
        self.high_watermark
    }

    /// Sets the topic's `min.insync.replicas` (the high watermark holds while the ISR is
    /// smaller); as leader, a lower value may let the high watermark move at once.
    pub fn set_min_insync_replicas(&mut self, min: usize) -> Option<Offset> {
        let min = min.max(1);
        if min == self.min_insync_replicas {
            return None;
        }
        let before = self.high_watermark;
        self.min_insync_replicas = min;
        self.advance_high_watermark();
        (self.high_watermark != before).then_some(self.high_watermark)
    }

    /// Moves the high watermark (as leader) to the minimum durable offset over the ISR, if
    /// every in-sync replica's is known and it is ahead, and the ISR is not below
    /// `min.insync.replicas`.
    fn advance_high_watermark(&mut self) {
        let Role::Leader {
            isr,
            replicas,
            pending_isr,
            ..
        } = &self.role
        else {
            return;
        };
        if isr.len() < effective_min_isr(self.min_insync_replicas, replicas.len()) {
            // Below min.insync.replicas (as the controller counts it for the ELR) the high
            // watermark stays, so the replicas that left the ISR still hold all of it (they
            // are eligible leaders).
            return;
        }
        let maximal = maximal_isr(isr, pending_isr.as_deref());
        let min_durable = maximal
            .iter()
            .map(|r| replicas.get(r).and_then(|s| s.durable))
            .try_fold(Offset(i64::MAX), |min, d| d.map(|d| min.min(d)));
        if let Some(candidate) = min_durable {
            let candidate = candidate.min(self.log_end);
            if candidate > self.high_watermark {
                assert!(
                    maximal
                        .iter()
                        .all(|r| replicas[r].durable >= Some(candidate)),
                    "{}: high watermark {candidate} past an in-sync replica's durable offset",
                    self.topic_partition
                );
                self.high_watermark = candidate;
            }
        }
    }

    /// Whether a request naming `requested` (Kafka's `current_leader_epoch`, -1 for none)
    /// may be served here.
    pub fn check_epoch(&self, requested: LeaderEpoch) -> Result<(), EpochError> {
        let current = self.leader_epoch;
        if requested == LeaderEpoch::UNKNOWN || requested == current {
            Ok(())
        } else if requested < current {
            Err(EpochError::Fenced { current, requested })
        } else {
            Err(EpochError::Unknown { current, requested })
        }
    }

    pub fn topic_partition(&self) -> &TopicPartition {
        &self.topic_partition
    }

    pub fn leader_epoch(&self) -> LeaderEpoch {
        self.leader_epoch
    }

    pub fn partition_epoch(&self) -> i32 {
        self.partition_epoch
    }

    pub fn high_watermark(&self) -> Offset {
        self.high_watermark
    }

    pub fn role(&self) -> &Role {
        &self.role
    }

    pub fn is_leader(&self) -> bool {
        matches!(self.role, Role::Leader { .. })
    }

    /// The in-sync replicas, if this broker leads.
    pub fn isr(&self) -> Option<&[NodeId]> {
        match &self.role {
            Role::Leader { isr, .. } => Some(isr),
            Role::Follower { .. } => None,
        }
    }

    fn check_invariants(&self) {
        let tp = &self.topic_partition;
        assert!(
            self.log_start <= self.log_end,
            "{tp}: log start above log end"
        );
        assert!(
            self.high_watermark >= self.log_start && self.high_watermark <= self.log_end,
            "{tp}: high watermark {} outside [{}, {}]",
            self.high_watermark,
            self.log_start,
            self.log_end
        );
        if let Role::Leader {
            isr,
            replicas,
            pending_isr,
            ..
        } = &self.role
        {
            if let Some(pending) = pending_isr {
                assert!(
                    pending.contains(&self.local)
                        && pending.iter().all(|r| replicas.contains_key(r)),
                    "{tp}: pending ISR {pending:?} without the leader or outside the replicas"
                );
            }
            assert!(
                isr.contains(&self.local),
                "{tp}: the leader is not in its ISR"
            );
            assert!(
                isr.iter().all(|r| replicas.contains_key(r)),
                "{tp}: ISR {isr:?} not within the replicas"
            );
        }
    }
}

/// The committed ISR together with the one in flight: every replica the high watermark
/// waits for.
fn maximal_isr(isr: &[NodeId], pending: Option<&[NodeId]>) -> Vec<NodeId> {
    let mut all = isr.to_vec();
    all.extend(pending.unwrap_or_default());
    sorted(&all)
}

fn sorted(nodes: &[NodeId]) -> Vec<NodeId> {
    let mut v = nodes.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

fn check_assignment(local: NodeId, a: &Assignment) -> Result<(), StateError> {
    if !a.replicas.contains(&local) {
        return Err(StateError::NotAReplica {
            local,
            replicas: a.replicas.clone(),
        });
    }
    let isr_ok =
        a.isr.iter().all(|r| a.replicas.contains(r)) && a.leader.is_none_or(|l| a.isr.contains(&l));
    if !isr_ok {
        return Err(StateError::InvalidIsr {
            isr: a.isr.clone(),
            replicas: a.replicas.clone(),
        });
    }
    Ok(())
}

mod isr;
#[cfg(test)]
mod tests;

pub use isr::IsrProposal;
