//! The classic group (JoinGroup/SyncGroup protocol): its state machine and members, as in
//! Kafka's `ClassicGroup` and `ClassicGroupMember`. The coordinator drives the transitions;
//! this module holds the data and the rules that need no outside knowledge (protocol vote,
//! leader choice, which state may follow which).
//!
//! ```text
//! Empty --join--> PreparingRebalance --join phase done--> CompletingRebalance
//!   ^                  ^      |                                 | leader's SyncGroup
//!   |                  |      +--no members left--> Empty       v
//!   +-- all left ------+------------- member change -------- Stable
//! any state --group deleted or unloaded--> Dead
//! ```

use std::collections::{BTreeMap, BTreeSet};

use bytes::Bytes;
use strom_protocol::generated::GroupMetadataValue;
use strom_protocol::generated::group_metadata_value::MemberMetadata;

use crate::effects::RequestId;

/// The state of a classic group, with Kafka's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassicGroupState {
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}

impl ClassicGroupState {
    /// The name ListGroups and DescribeGroups report.
    pub fn name(self) -> &'static str {
        match self {
            ClassicGroupState::Empty => "Empty",
            ClassicGroupState::PreparingRebalance => "PreparingRebalance",
            ClassicGroupState::CompletingRebalance => "CompletingRebalance",
            ClassicGroupState::Stable => "Stable",
            ClassicGroupState::Dead => "Dead",
        }
    }

    fn valid_previous(self) -> &'static [ClassicGroupState] {
        use ClassicGroupState::*;
        match self {
            Empty => &[PreparingRebalance],
            PreparingRebalance => &[Empty, CompletingRebalance, Stable],
            CompletingRebalance => &[PreparingRebalance],
            Stable => &[CompletingRebalance],
            Dead => &[Empty, PreparingRebalance, CompletingRebalance, Stable, Dead],
        }
    }
}

/// A request the coordinator holds until the group can answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parked {
    pub request_id: RequestId,
    pub api_version: i16,
}

/// One member of a classic group.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassicMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub rebalance_timeout_ms: i32,
    pub session_timeout_ms: i32,
    pub protocol_type: String,
    /// The protocols the member supports, in its order of preference.
    pub protocols: Vec<(String, Bytes)>,
    pub assignment: Bytes,
    pub awaiting_join: Option<Parked>,
    pub awaiting_sync: Option<Parked>,
    /// Added in the current rebalance and not yet through a completed join phase.
    pub is_new: bool,
}

impl ClassicMember {
    /// The metadata the member sent for `protocol`.
    pub fn metadata(&self, protocol: &str) -> Option<&Bytes> {
        self.protocols
            .iter()
            .find(|(name, _)| name == protocol)
            .map(|(_, m)| m)
    }

    /// Whether a rejoin carries exactly the protocols the member already has.
    pub fn matches(&self, protocols: &[(String, Bytes)]) -> bool {
        self.protocols == protocols
    }

    /// Members awaiting a join or a sync response satisfy their heartbeat implicitly; new
    /// members do not, so one that never comes back cannot hold a rebalance forever.
    pub fn has_satisfied_heartbeat(&self) -> bool {
        if self.is_new {
            false
        } else {
            self.awaiting_join.is_some() || self.awaiting_sync.is_some()
        }
    }
}

/// A classic group, as Kafka's `ClassicGroup`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassicGroup {
    pub group_id: String,
    pub state: ClassicGroupState,
    pub previous_state: ClassicGroupState,
    /// When the group last changed state (ms); drives offset expiry of empty groups.
    pub current_state_timestamp_ms: Option<i64>,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub generation_id: i32,
    pub leader_id: Option<String>,
    pub members: BTreeMap<String, ClassicMember>,
    /// `group.instance.id` to member id.
    pub static_members: BTreeMap<String, String>,
    /// Member ids handed out with `MEMBER_ID_REQUIRED` that have not joined yet.
    pub pending_members: BTreeSet<String>,
    /// Members that must send SyncGroup for the current generation.
    pub pending_sync_members: BTreeSet<String>,
    pub new_member_added: bool,
    /// What is left of the rebalance timeout while the initial delay keeps extending.
    pub initial_delay_remaining_ms: i64,
    /// Whether the join timer currently running is the initial delay.
    pub initial_delay_running: bool,
}

impl ClassicGroup {
    pub fn new(group_id: &str, now_ms: i64) -> Self {
        ClassicGroup {
            group_id: group_id.to_string(),
            state: ClassicGroupState::Empty,
            previous_state: ClassicGroupState::Empty,
            current_state_timestamp_ms: Some(now_ms),
            protocol_type: None,
            protocol_name: None,
            generation_id: 0,
            leader_id: None,
            members: BTreeMap::new(),
            static_members: BTreeMap::new(),
            pending_members: BTreeSet::new(),
            pending_sync_members: BTreeSet::new(),
            new_member_added: false,
            initial_delay_remaining_ms: 0,
            initial_delay_running: false,
        }
    }

    pub fn is_in(&self, state: ClassicGroupState) -> bool {
        self.state == state
    }

    /// Moves to `state`; a transition Kafka does not allow is a bug.
    pub fn transition_to(&mut self, state: ClassicGroupState, now_ms: i64) {
        assert!(
            state.valid_previous().contains(&self.state),
            "group {} cannot go from {:?} to {:?}",
            self.group_id,
            self.state,
            state
        );
        self.previous_state = self.state;
        self.state = state;
        self.current_state_timestamp_ms = Some(now_ms);
    }

    pub fn is_leader(&self, member_id: &str) -> bool {
        self.leader_id.as_deref() == Some(member_id)
    }

    pub fn static_member_id(&self, instance_id: &str) -> Option<&str> {
        self.static_members.get(instance_id).map(String::as_str)
    }

    pub fn num_awaiting_join(&self) -> usize {
        self.members
            .values()
            .filter(|m| m.awaiting_join.is_some())
            .count()
    }

    pub fn has_all_members_joined(&self) -> bool {
        self.members.len() == self.num_awaiting_join() && self.pending_members.is_empty()
    }

    /// The largest rebalance timeout of any member: how long the join phase may last.
    pub fn rebalance_timeout_ms(&self) -> i32 {
        self.members
            .values()
            .map(|m| m.rebalance_timeout_ms)
            .max()
            .unwrap_or(0)
    }

    /// Whether a joining member's protocol type and protocols fit the group.
    pub fn supports_protocols(&self, protocol_type: &str, protocols: &[(String, Bytes)]) -> bool {
        if protocols.is_empty() || protocol_type.is_empty() {
            return false;
        }
        if self.members.is_empty() {
            return true;
        }
        if self.protocol_type.as_deref() != Some(protocol_type) {
            return false;
        }
        let candidates = self.candidate_protocols();
        protocols.iter().any(|(name, _)| candidates.contains(name))
    }

    /// Protocols every member supports.
    fn candidate_protocols(&self) -> BTreeSet<String> {
        let mut members = self.members.values();
        let Some(first) = members.next() else {
            return BTreeSet::new();
        };
        let mut common: BTreeSet<String> = first.protocols.iter().map(|p| p.0.clone()).collect();
        for m in members {
            common.retain(|name| m.protocols.iter().any(|p| &p.0 == name));
        }
        common
    }

    /// Kafka's vote: each member votes for its most preferred protocol that all support; the
    /// protocol with the most votes wins (ties to the name that sorts first).
    pub fn select_protocol(&self) -> Option<String> {
        let candidates = self.candidate_protocols();
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        for m in self.members.values() {
            if let Some((name, _)) = m.protocols.iter().find(|p| candidates.contains(&p.0)) {
                *votes.entry(name.as_str()).or_default() += 1;
            }
        }
        let max = votes.values().copied().max()?;
        votes
            .into_iter()
            .find(|(_, n)| *n == max)
            .map(|(name, _)| name.to_string())
    }

    pub fn add_member(&mut self, member: ClassicMember) {
        assert!(
            !self.members.contains_key(&member.member_id),
            "group {}: member id {} is already in use",
            self.group_id,
            member.member_id
        );
        if self.members.is_empty() {
            self.protocol_type = Some(member.protocol_type.clone());
        }
        if self.leader_id.is_none() {
            self.leader_id = Some(member.member_id.clone());
        }
        if let Some(instance) = &member.group_instance_id {
            self.static_members
                .insert(instance.clone(), member.member_id.clone());
        }
        self.members.insert(member.member_id.clone(), member);
    }

    /// Removes a member and elects a new leader if it led; returns it.
    pub fn remove_member(&mut self, member_id: &str) -> Option<ClassicMember> {
        let member = self.members.remove(member_id)?;
        if let Some(instance) = &member.group_instance_id
            && self.static_members.get(instance).map(String::as_str) == Some(member_id)
        {
            self.static_members.remove(instance);
        }
        self.pending_sync_members.remove(member_id);
        if self.is_leader(member_id) {
            self.leader_id = self
                .members
                .values()
                .find(|m| m.awaiting_join.is_some())
                .or_else(|| self.members.values().next())
                .map(|m| m.member_id.clone());
        }
        Some(member)
    }

    /// Topics the members subscribe to, when the group speaks the `consumer` protocol and
    /// every subscription parses; `None` means unknown.
    pub fn subscribed_topics(&self) -> Option<BTreeSet<String>> {
        if self.protocol_type.as_deref() != Some(crate::CONSUMER_PROTOCOL_TYPE) {
            return None;
        }
        let protocol = self.protocol_name.as_deref()?;
        let mut topics = BTreeSet::new();
        for m in self.members.values() {
            let metadata = m.metadata(protocol)?;
            topics.extend(crate::consumer_protocol::subscription_topics(metadata)?);
        }
        Some(topics)
    }

    /// The group as Kafka persists it.
    pub fn to_record_value(&self) -> GroupMetadataValue {
        let protocol = self.protocol_name.clone();
        GroupMetadataValue {
            protocol_type: self.protocol_type.clone().unwrap_or_default(),
            generation: self.generation_id,
            protocol: protocol.clone(),
            leader: self.leader_id.clone(),
            current_state_timestamp: self.current_state_timestamp_ms.unwrap_or(-1),
            members: self
                .members
                .values()
                .map(|m| MemberMetadata {
                    member_id: m.member_id.clone(),
                    group_instance_id: m.group_instance_id.clone(),
                    client_id: m.client_id.clone(),
                    client_host: m.client_host.clone(),
                    rebalance_timeout: m.rebalance_timeout_ms,
                    session_timeout: m.session_timeout_ms,
                    subscription: protocol
                        .as_deref()
                        .and_then(|p| m.metadata(p).cloned())
                        .unwrap_or_default(),
                    assignment: m.assignment.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    /// Rebuilds a group from its persisted value: Stable with members, Empty without.
    pub fn from_record_value(group_id: &str, value: &GroupMetadataValue) -> ClassicGroup {
        let mut group = ClassicGroup::new(group_id, value.current_state_timestamp);
        group.current_state_timestamp_ms =
            (value.current_state_timestamp >= 0).then_some(value.current_state_timestamp);
        group.protocol_type =
            (!value.protocol_type.is_empty()).then(|| value.protocol_type.clone());
        group.protocol_name = value.protocol.clone();
        group.generation_id = value.generation;
        group.leader_id = value.leader.clone();
        for m in &value.members {
            let protocols = match &value.protocol {
                Some(p) => vec![(p.clone(), m.subscription.clone())],
                None => Vec::new(),
            };
            let member = ClassicMember {
                member_id: m.member_id.clone(),
                group_instance_id: m.group_instance_id.clone(),
                client_id: m.client_id.clone(),
                client_host: m.client_host.clone(),
                // Values written before rebalance timeouts existed carry -1.
                rebalance_timeout_ms: if m.rebalance_timeout == -1 {
                    m.session_timeout
                } else {
                    m.rebalance_timeout
                },
                session_timeout_ms: m.session_timeout,
                protocol_type: value.protocol_type.clone(),
                protocols,
                assignment: m.assignment.clone(),
                awaiting_join: None,
                awaiting_sync: None,
                is_new: false,
            };
            if let Some(instance) = &member.group_instance_id {
                group
                    .static_members
                    .insert(instance.clone(), member.member_id.clone());
            }
            group.members.insert(member.member_id.clone(), member);
        }
        group.state = if group.members.is_empty() {
            ClassicGroupState::Empty
        } else {
            ClassicGroupState::Stable
        };
        group
    }
}
