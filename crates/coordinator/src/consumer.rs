//! The KIP-848 consumer group: members heartbeat with ConsumerGroupHeartbeat, the coordinator
//! computes a target assignment with a server-side assignor, and each member converges on its
//! target one step at a time: it first gives up partitions that moved away (keeping its member
//! epoch), and only then takes new partitions, each of them only once the previous owner has
//! revoked it. This is Kafka's `ConsumerGroup` and `CurrentAssignmentBuilder`.
//!
//! Epochs: the *group epoch* grows whenever membership, subscriptions or subscribed topic
//! metadata change; the *assignment epoch* is the group epoch the target was computed at; a
//! *member epoch* reaches the assignment epoch once the member holds its new assignment.

use std::collections::{BTreeMap, BTreeSet};

use strom_protocol::Uuid;

/// Partitions by topic id.
pub type Assignment = BTreeMap<Uuid, BTreeSet<i32>>;

/// Where a member stands in reconciling its assignment (Kafka's `MemberState`, stored as i8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberState {
    Stable,
    UnrevokedPartitions,
    UnreleasedPartitions,
    Unknown,
}

impl MemberState {
    pub fn as_i8(self) -> i8 {
        match self {
            MemberState::Stable => 0,
            MemberState::UnrevokedPartitions => 1,
            MemberState::UnreleasedPartitions => 2,
            MemberState::Unknown => 127,
        }
    }

    pub fn from_i8(value: i8) -> MemberState {
        match value {
            0 => MemberState::Stable,
            1 => MemberState::UnrevokedPartitions,
            2 => MemberState::UnreleasedPartitions,
            _ => MemberState::Unknown,
        }
    }
}

/// One member of a consumer group.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerMember {
    pub member_id: String,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub subscribed_topic_names: Vec<String>,
    pub subscribed_topic_regex: Option<String>,
    pub rebalance_timeout_ms: i32,
    pub server_assignor: Option<String>,
    pub member_epoch: i32,
    pub previous_member_epoch: i32,
    pub state: MemberState,
    /// Partitions the member may consume now.
    pub assigned: Assignment,
    /// Partitions the member still holds but must give up before it advances.
    pub pending_revocation: Assignment,
}

impl ConsumerMember {
    pub fn new(member_id: &str) -> Self {
        ConsumerMember {
            member_id: member_id.to_string(),
            instance_id: None,
            rack_id: None,
            client_id: String::new(),
            client_host: String::new(),
            subscribed_topic_names: Vec::new(),
            subscribed_topic_regex: None,
            rebalance_timeout_ms: -1,
            server_assignor: None,
            member_epoch: 0,
            previous_member_epoch: -1,
            state: MemberState::Stable,
            assigned: Assignment::new(),
            pending_revocation: Assignment::new(),
        }
    }
}

/// A subscribed topic as the group last saw it (persisted as partition metadata).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicMetadata {
    pub topic_id: Uuid,
    pub topic_name: String,
    pub num_partitions: i32,
}

/// The state a consumer group reports (ListGroups, ConsumerGroupDescribe).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsumerGroupState {
    Empty,
    Assigning,
    Reconciling,
    Stable,
}

impl ConsumerGroupState {
    pub fn name(self) -> &'static str {
        match self {
            ConsumerGroupState::Empty => "Empty",
            ConsumerGroupState::Assigning => "Assigning",
            ConsumerGroupState::Reconciling => "Reconciling",
            ConsumerGroupState::Stable => "Stable",
        }
    }
}

/// A KIP-848 consumer group.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroup {
    pub group_id: String,
    pub group_epoch: i32,
    pub assignment_epoch: i32,
    pub members: BTreeMap<String, ConsumerMember>,
    /// The target assignment of each member at `assignment_epoch`.
    pub target: BTreeMap<String, Assignment>,
    /// Metadata of the subscribed topics, by name.
    pub subscription_metadata: BTreeMap<String, TopicMetadata>,
    /// The topics each subscription pattern in use resolved to when last evaluated against
    /// the existing topics, by pattern.
    pub resolved_regexes: BTreeMap<String, BTreeSet<String>>,
}

impl ConsumerGroup {
    pub fn new(group_id: &str) -> Self {
        ConsumerGroup {
            group_id: group_id.to_string(),
            group_epoch: 0,
            assignment_epoch: 0,
            members: BTreeMap::new(),
            target: BTreeMap::new(),
            subscription_metadata: BTreeMap::new(),
            resolved_regexes: BTreeMap::new(),
        }
    }

    pub fn state(&self) -> ConsumerGroupState {
        if self.members.is_empty() {
            ConsumerGroupState::Empty
        } else if self.group_epoch > self.assignment_epoch {
            ConsumerGroupState::Assigning
        } else if self
            .members
            .values()
            .any(|m| m.member_epoch != self.assignment_epoch || m.state != MemberState::Stable)
        {
            ConsumerGroupState::Reconciling
        } else {
            ConsumerGroupState::Stable
        }
    }

    /// Every topic some member subscribes to, by name or through its pattern.
    pub fn subscribed_topic_names(&self) -> BTreeSet<String> {
        self.members
            .values()
            .flat_map(|m| self.member_topic_names(m))
            .collect()
    }

    /// The topics `member` subscribes to: its names and what its pattern resolved to.
    pub fn member_topic_names<'a>(
        &'a self,
        member: &'a ConsumerMember,
    ) -> impl Iterator<Item = String> + 'a {
        let by_pattern = member
            .subscribed_topic_regex
            .as_ref()
            .and_then(|r| self.resolved_regexes.get(r))
            .into_iter()
            .flatten();
        member
            .subscribed_topic_names
            .iter()
            .chain(by_pattern)
            .cloned()
    }

    /// The subscription patterns some member uses.
    pub fn regexes_in_use(&self) -> BTreeSet<String> {
        self.members
            .values()
            .filter_map(|m| m.subscribed_topic_regex.clone())
            .collect()
    }

    pub fn static_member_id(&self, instance_id: &str) -> Option<&str> {
        self.members
            .values()
            .find(|m| m.instance_id.as_deref() == Some(instance_id))
            .map(|m| m.member_id.as_str())
    }

    /// Which member holds each partition, counting partitions pending revocation.
    pub fn partition_owners(&self) -> BTreeMap<(Uuid, i32), String> {
        let mut owners = BTreeMap::new();
        for m in self.members.values() {
            for (topic, parts) in m.assigned.iter().chain(m.pending_revocation.iter()) {
                for p in parts {
                    owners.insert((*topic, *p), m.member_id.clone());
                }
            }
        }
        owners
    }

    pub fn topic_name(&self, topic_id: &Uuid) -> Option<&str> {
        self.subscription_metadata
            .values()
            .find(|t| &t.topic_id == topic_id)
            .map(|t| t.topic_name.as_str())
    }
}

fn intersects(a: &Assignment, b: &Assignment) -> bool {
    a.iter().any(|(topic, parts)| {
        b.get(topic)
            .is_some_and(|other| parts.iter().any(|p| other.contains(p)))
    })
}

fn difference(a: &Assignment, b: &Assignment) -> Assignment {
    let mut out = Assignment::new();
    for (topic, parts) in a {
        let keep: BTreeSet<i32> = match b.get(topic) {
            Some(other) => parts.difference(other).copied().collect(),
            None => parts.clone(),
        };
        if !keep.is_empty() {
            out.insert(*topic, keep);
        }
    }
    out
}

fn intersection(a: &Assignment, b: &Assignment) -> Assignment {
    let mut out = Assignment::new();
    for (topic, parts) in a {
        if let Some(other) = b.get(topic) {
            let both: BTreeSet<i32> = parts.intersection(other).copied().collect();
            if !both.is_empty() {
                out.insert(*topic, both);
            }
        }
    }
    out
}

/// One step of Kafka's `CurrentAssignmentBuilder`: the member's next assignment, given its
/// target at `target_epoch`, the partitions the client says it owns (if it said), and who else
/// holds which partition.
pub fn reconcile(
    member: &ConsumerMember,
    target: &Assignment,
    target_epoch: i32,
    owned_by_client: Option<&Assignment>,
    owners: &BTreeMap<(Uuid, i32), String>,
) -> ConsumerMember {
    match member.state {
        MemberState::UnrevokedPartitions => {
            let revoked =
                owned_by_client.is_some_and(|o| !intersects(o, &member.pending_revocation));
            if !revoked {
                return member.clone();
            }
            let mut next = member.clone();
            next.pending_revocation.clear();
            compute_next(&next, target, target_epoch, owners)
        }
        MemberState::Stable | MemberState::UnreleasedPartitions | MemberState::Unknown => {
            if member.member_epoch == target_epoch && member.state == MemberState::Stable {
                return member.clone();
            }
            compute_next(member, target, target_epoch, owners)
        }
    }
}

fn compute_next(
    member: &ConsumerMember,
    target: &Assignment,
    target_epoch: i32,
    owners: &BTreeMap<(Uuid, i32), String>,
) -> ConsumerMember {
    let mut next = member.clone();
    let keep = intersection(&member.assigned, target);
    let revoke = difference(&member.assigned, target);
    if !revoke.is_empty() {
        next.assigned = keep;
        next.pending_revocation = revoke;
        next.state = MemberState::UnrevokedPartitions;
        return next;
    }
    let mut assigned = keep;
    let mut unreleased = false;
    for (topic, parts) in target {
        for p in parts {
            let free = owners
                .get(&(*topic, *p))
                .is_none_or(|owner| owner == &member.member_id);
            if free {
                assigned.entry(*topic).or_default().insert(*p);
            } else {
                unreleased = true;
            }
        }
    }
    next.assigned = assigned;
    next.pending_revocation.clear();
    if next.member_epoch != target_epoch {
        next.previous_member_epoch = next.member_epoch;
        next.member_epoch = target_epoch;
    }
    next.state = if unreleased {
        MemberState::UnreleasedPartitions
    } else {
        MemberState::Stable
    };
    next
}
