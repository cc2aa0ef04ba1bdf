//! `GroupCoordinator`: every group and committed offset of the `__consumer_offsets`
//! partitions this broker leads, as one state machine without I/O.
//!
//! Each call takes a decoded request, its context and the current time in milliseconds, and
//! returns [`Effects`]: records to append, responses, timers. Nothing inside reads a clock or
//! does I/O, so tests step time by passing a larger `now_ms` and calling [`tick`].
//!
//! In-memory state moves as soon as a call decides (as Kafka's coordinator applies records to
//! its timeline before they commit); the broker withholds `responses_after_persist` until
//! the records are durable, and reloads from the log if they never become so.
//!
//! [`tick`]: GroupCoordinator::tick

mod admin_ops;
mod classic_ops;
mod consumer_ops;
mod offset_ops;
pub mod replay;
mod txn_offset_ops;

use std::collections::BTreeMap;

use strom_protocol::ErrorCode;

use crate::classic::{ClassicGroup, Parked};
use crate::config::GroupCoordinatorConfig;
use crate::consumer::ConsumerGroup;
use crate::effects::{Effects, PartitionRecord, Reply, Response, TimerKind};
use crate::record::{CoordinatorRecord, partition_for};
use crate::timers::Timers;

pub use consumer_ops::{TopicInfo, TopicMetadataLookup};
pub use txn_offset_ops::{
    MAX_OPEN_OFFSET_TRANSACTIONS, PendingOffset, PendingOffsets, TxnOffsetCommitOutcome,
};

use txn_offset_ops::TxnOffsets;

/// Longest group id accepted: it must fit a Kafka `string` in the record key.
pub const GROUP_ID_MAX_BYTES: usize = i16::MAX as usize;

/// A group of either protocol.
#[derive(Debug, Clone, PartialEq)]
pub enum Group {
    Classic(ClassicGroup),
    Consumer(ConsumerGroup),
}

impl Group {
    pub fn group_type(&self) -> &'static str {
        match self {
            Group::Classic(_) => "classic",
            Group::Consumer(_) => "consumer",
        }
    }

    pub fn state_name(&self) -> &'static str {
        match self {
            Group::Classic(g) => g.state.name(),
            Group::Consumer(g) => g.state().name(),
        }
    }

    pub fn protocol_type(&self) -> String {
        match self {
            Group::Classic(g) => g.protocol_type.clone().unwrap_or_default(),
            Group::Consumer(_) => crate::CONSUMER_PROTOCOL_TYPE.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Group::Classic(g) => g.members.is_empty(),
            Group::Consumer(g) => g.members.is_empty(),
        }
    }
}

/// A committed offset, as Kafka's `OffsetAndMetadata`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetAndMetadata {
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: String,
    pub commit_timestamp_ms: i64,
    /// Set only by OffsetCommit v2-v4 with an explicit retention time.
    pub expire_timestamp_ms: Option<i64>,
}

/// Committed offsets of one group by (topic, partition).
pub type GroupOffsets = BTreeMap<(String, i32), OffsetAndMetadata>;

/// The group coordinator of this broker.
#[derive(Debug, Clone)]
pub struct GroupCoordinator {
    config: GroupCoordinatorConfig,
    groups: BTreeMap<String, Group>,
    offsets: BTreeMap<String, GroupOffsets>,
    timers: Timers,
    member_id_state: u64,
    /// TxnOffsetCommit offsets waiting for their transaction's marker.
    txn_offsets: TxnOffsets,
}

impl GroupCoordinator {
    pub fn new(config: GroupCoordinatorConfig) -> Self {
        assert!(config.offsets_topic_num_partitions > 0);
        let seed = config.member_id_seed;
        GroupCoordinator {
            config,
            groups: BTreeMap::new(),
            offsets: BTreeMap::new(),
            timers: Timers::default(),
            member_id_state: seed,
            txn_offsets: TxnOffsets::default(),
        }
    }

    pub fn config(&self) -> &GroupCoordinatorConfig {
        &self.config
    }

    /// The `__consumer_offsets` partition of a group.
    pub fn partition_for(&self, group_id: &str) -> i32 {
        partition_for(group_id, self.config.offsets_topic_num_partitions)
    }

    pub fn group(&self, group_id: &str) -> Option<&Group> {
        self.groups.get(group_id)
    }

    pub fn groups(&self) -> impl Iterator<Item = (&String, &Group)> {
        self.groups.iter()
    }

    pub fn offsets(&self, group_id: &str) -> Option<&GroupOffsets> {
        self.offsets.get(group_id)
    }

    pub fn all_offsets(&self) -> &BTreeMap<String, GroupOffsets> {
        &self.offsets
    }

    /// When [`GroupCoordinator::tick`] next has work.
    pub fn next_deadline_ms(&self) -> Option<i64> {
        self.timers.next_deadline_ms()
    }

    /// The deadline armed for a timer, if any (for tests and diagnostics).
    pub fn timer_deadline_ms(&self, kind: &TimerKind) -> Option<i64> {
        self.timers.deadline(kind)
    }

    pub fn armed_timer_count(&self) -> usize {
        self.timers.len()
    }

    /// Fires every timer due at `now_ms`: session expiries, the end of join phases (rebalance
    /// timeout, initial delay), sync timeouts, KIP-848 revocation timeouts, offset expiry.
    pub fn tick(&mut self, now_ms: i64) -> Effects {
        let mut fx = Effects::default();
        while let Some(kind) = self.timers.pop_due(now_ms) {
            match kind {
                TimerKind::ClassicHeartbeat {
                    group_id,
                    member_id,
                } => self.on_classic_heartbeat_expired(&group_id, &member_id, now_ms, &mut fx),
                TimerKind::ClassicJoin { group_id } => {
                    self.on_classic_join_timer(&group_id, now_ms, &mut fx)
                }
                TimerKind::ClassicSync { group_id } => {
                    self.on_classic_sync_timeout(&group_id, now_ms, &mut fx)
                }
                TimerKind::ConsumerSession {
                    group_id,
                    member_id,
                } => self.fence_consumer_member(&group_id, &member_id, now_ms, &mut fx),
                TimerKind::ConsumerRevocation {
                    group_id,
                    member_id,
                } => {
                    if let Some(Group::Consumer(g)) = self.groups.get(&group_id)
                        && let Some(m) = g.members.get(&member_id)
                    {
                        assert_eq!(
                            m.state,
                            crate::consumer::MemberState::UnrevokedPartitions,
                            "group {group_id}: revocation timeout of {member_id}, which owes none"
                        );
                    }
                    self.fence_consumer_member(&group_id, &member_id, now_ms, &mut fx)
                }
                TimerKind::OffsetExpiration => self.expire_offsets(now_ms, &mut fx),
            }
        }
        self.finish(fx)
    }

    fn finish(&mut self, mut fx: Effects) -> Effects {
        fx.timers = self.timers.take_armed();
        fx
    }

    fn push_record(&self, fx: &mut Effects, record: CoordinatorRecord) {
        let partition = self.partition_for(record.group_id());
        fx.records.push(PartitionRecord { partition, record });
    }

    /// A fresh member id: `<client id>-<uuid>` as Kafka forms it, from a seeded generator.
    fn new_member_id(&mut self, client_id: &str) -> String {
        let hi = self.next_random();
        let lo = self.next_random();
        let uuid =
            ((u128::from(hi) << 64) | u128::from(lo)) & !(0xF000u128 << 64) | (0x4000u128 << 64);
        let hex = format!("{uuid:032x}");
        format!(
            "{}-{}-{}-{}-{}-{}",
            client_id,
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }

    /// Folds what a load read (record bytes, the load time) into the member id generator. Every
    /// coordinator starts from the configured seed, so without this one that takes over a
    /// partition would hand out the very ids its predecessor did, to new members of groups
    /// whose old members still hold them.
    fn mix_member_id_state(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.member_id_state =
                (self.member_id_state ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.next_random();
    }

    fn next_random(&mut self) -> u64 {
        // splitmix64
        self.member_id_state = self.member_id_state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.member_id_state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn classic_mut(&mut self, group_id: &str) -> Option<&mut ClassicGroup> {
        match self.groups.get_mut(group_id) {
            Some(Group::Classic(g)) => Some(g),
            _ => None,
        }
    }

    fn consumer_mut(&mut self, group_id: &str) -> Option<&mut ConsumerGroup> {
        match self.groups.get_mut(group_id) {
            Some(Group::Consumer(g)) => Some(g),
            _ => None,
        }
    }

    fn can_create_group(&self) -> bool {
        self.groups.len() < self.config.max_groups
    }

    /// Arms the periodic offset expiry check if it is not running.
    fn ensure_offset_expiration_timer(&mut self, now_ms: i64) {
        if self.timers.deadline(&TimerKind::OffsetExpiration).is_none() {
            let at = now_ms.saturating_add(self.config.offsets_retention_check_interval_ms);
            self.timers.schedule(TimerKind::OffsetExpiration, at);
        }
    }
}

/// Whether a group id is acceptable at all (Kafka: not empty; here also bounded).
fn valid_group_id(group_id: &str) -> bool {
    !group_id.is_empty() && group_id.len() <= GROUP_ID_MAX_BYTES
}

/// Whether a client-supplied string fits the `i16`-length strings of the record schemas
/// (flexible request versions can carry longer ones).
fn fits_record_string(s: &str) -> bool {
    s.len() <= GROUP_ID_MAX_BYTES
}

/// Wraps a response for a parked or current request, shaped for its api version.
fn reply(parked: Parked, response: Response) -> Reply {
    Reply {
        request_id: parked.request_id,
        api_version: parked.api_version,
        response: crate::shape::fit_to_version(response, parked.api_version),
    }
}

fn code(error: ErrorCode) -> i16 {
    error as i16
}
