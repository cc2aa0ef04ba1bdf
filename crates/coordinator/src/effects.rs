//! What a coordinator call decides, for the broker to carry out: records to append to
//! `__consumer_offsets`, responses to send now, responses to send once those records are
//! durable, and the timers that are now armed.
//!
//! Requests that cannot be answered yet (a JoinGroup waiting for the rebalance, a follower's
//! SyncGroup waiting for the leader) are parked inside the coordinator under the broker's
//! [`RequestId`] and come back later in the `Effects` of another call or of
//! [`crate::GroupCoordinator::tick`].

use strom_protocol::generated::{
    ConsumerGroupHeartbeatResponse, DeleteGroupsResponse, JoinGroupResponse, LeaveGroupResponse,
    OffsetCommitResponse, OffsetDeleteResponse, SyncGroupResponse,
};

use crate::record::CoordinatorRecord;

/// The broker's handle for one in-flight request; the coordinator only echoes it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RequestId(pub u64);

/// Who sent a request and how it was framed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestContext {
    pub request_id: RequestId,
    /// The request's api version: it decides error codes and which fields a response carries.
    pub api_version: i16,
    pub client_id: String,
    pub client_host: String,
}

impl RequestContext {
    pub fn new(request_id: u64, api_version: i16) -> Self {
        RequestContext {
            request_id: RequestId(request_id),
            api_version,
            client_id: String::new(),
            client_host: String::new(),
        }
    }
}

/// A response the coordinator produced, possibly for a request parked earlier.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    JoinGroup(JoinGroupResponse),
    SyncGroup(SyncGroupResponse),
    LeaveGroup(LeaveGroupResponse),
    OffsetCommit(OffsetCommitResponse),
    DeleteGroups(DeleteGroupsResponse),
    OffsetDelete(OffsetDeleteResponse),
    ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse),
}

impl Response {
    /// The same response carrying `code` instead, for when the broker could not make the
    /// records durable (Kafka answers `COORDINATOR_NOT_AVAILABLE` or `NOT_COORDINATOR`).
    pub fn with_error(&self, code: strom_protocol::ErrorCode) -> Response {
        let code = code as i16;
        match self {
            Response::JoinGroup(r) => Response::JoinGroup(JoinGroupResponse {
                error_code: code,
                member_id: r.member_id.clone(),
                ..Default::default()
            }),
            Response::SyncGroup(_) => Response::SyncGroup(SyncGroupResponse {
                error_code: code,
                ..Default::default()
            }),
            Response::LeaveGroup(r) => {
                let mut r = r.clone();
                r.error_code = code;
                Response::LeaveGroup(r)
            }
            Response::OffsetCommit(r) => {
                let mut r = r.clone();
                for p in r.topics.iter_mut().flat_map(|t| t.partitions.iter_mut()) {
                    p.error_code = code;
                }
                Response::OffsetCommit(r)
            }
            Response::DeleteGroups(r) => {
                let mut r = r.clone();
                for g in &mut r.results {
                    g.error_code = code;
                }
                Response::DeleteGroups(r)
            }
            Response::OffsetDelete(r) => Response::OffsetDelete(OffsetDeleteResponse {
                error_code: code,
                throttle_time_ms: r.throttle_time_ms,
                ..Default::default()
            }),
            Response::ConsumerGroupHeartbeat(_) => {
                Response::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse {
                    error_code: code,
                    ..Default::default()
                })
            }
        }
    }
}

/// A response addressed to the request it answers, already shaped for its api version.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub request_id: RequestId,
    pub api_version: i16,
    pub response: Response,
}

/// A record for a given `__consumer_offsets` partition.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionRecord {
    pub partition: i32,
    pub record: CoordinatorRecord,
}

/// What a timer does when it fires.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimerKind {
    /// A classic member (or a pending member id) missed its session.
    ClassicHeartbeat { group_id: String, member_id: String },
    /// The join phase of a classic rebalance ends (rebalance timeout or initial delay).
    ClassicJoin { group_id: String },
    /// Members that have not sent SyncGroup by now are removed.
    ClassicSync { group_id: String },
    /// A KIP-848 member missed its session.
    ConsumerSession { group_id: String, member_id: String },
    /// A KIP-848 member did not revoke its partitions within its rebalance timeout.
    ConsumerRevocation { group_id: String, member_id: String },
    /// Look for expired offsets.
    OffsetExpiration,
}

impl TimerKind {
    /// The group the timer belongs to, if any.
    pub fn group_id(&self) -> Option<&str> {
        match self {
            TimerKind::ClassicHeartbeat { group_id, .. }
            | TimerKind::ClassicJoin { group_id }
            | TimerKind::ClassicSync { group_id }
            | TimerKind::ConsumerSession { group_id, .. }
            | TimerKind::ConsumerRevocation { group_id, .. } => Some(group_id),
            TimerKind::OffsetExpiration => None,
        }
    }
}

/// A timer armed (or re-armed) by a call. The broker need not track these one by one: it is
/// enough to call [`crate::GroupCoordinator::tick`] at
/// [`crate::GroupCoordinator::next_deadline_ms`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    pub deadline_ms: i64,
    pub kind: TimerKind,
}

/// The decisions of one coordinator call.
///
/// Order of work for the broker: append `records` (in order, each to its partition); send
/// `responses_now` at once; send `responses_after_persist` only once every record of this and
/// every earlier `Effects` is durable. If the append fails, answer those with
/// [`Response::with_error`] and reload the coordinator from the log, because the in-memory
/// state already reflects the records.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Effects {
    pub records: Vec<PartitionRecord>,
    pub responses_now: Vec<Reply>,
    pub responses_after_persist: Vec<Reply>,
    pub timers: Vec<Timer>,
}

impl Effects {
    /// Every reply, whatever its timing (tests and simple callers).
    pub fn replies(&self) -> impl Iterator<Item = &Reply> {
        self.responses_now
            .iter()
            .chain(self.responses_after_persist.iter())
    }

    /// Appends the decisions of a later call (tests and batching callers).
    pub fn merge(&mut self, other: Effects) {
        self.records.extend(other.records);
        self.responses_now.extend(other.responses_now);
        self.responses_after_persist
            .extend(other.responses_after_persist);
        self.timers.extend(other.timers);
    }
}
