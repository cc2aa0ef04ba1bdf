//! KIP-848: ConsumerGroupHeartbeat and ConsumerGroupDescribe. Every change is a record (member
//! metadata, group epoch, subscribed topic metadata, target assignment, current assignment), so
//! replaying `__consumer_offsets` rebuilds a consumer group exactly.
//!
//! Regular-expression subscriptions (KIP-848, ConsumerGroupHeartbeat v1): a member may
//! subscribe with a pattern instead of (or besides) topic names. The coordinator resolves each
//! pattern in use against the topics that exist (through [`TopicMetadataLookup::topic_names`])
//! when a member first brings it, records the result (`ConsumerGroupRegularExpression`), and
//! counts the matched topics as subscribed. [`GroupCoordinator::on_topics_changed`] is the
//! call the broker makes when topics are created or deleted: it re-resolves every pattern and
//! refreshes every group's topic metadata, bumping the group epoch of each group whose
//! subscribed topics changed, as Kafka does on a new metadata image. Patterns use RE2 syntax
//! (see [`crate::pattern`] for where it differs from Kafka's RE2/J).

use std::collections::{BTreeMap, BTreeSet};

use strom_protocol::generated::consumer_group_current_member_assignment_value as current_value;
use strom_protocol::generated::consumer_group_describe_response as describe;
use strom_protocol::generated::consumer_group_heartbeat_response as heartbeat;
use strom_protocol::generated::consumer_group_partition_metadata_value as partition_value;
use strom_protocol::generated::consumer_group_target_assignment_member_value as target_value;
use strom_protocol::generated::{
    ConsumerGroupCurrentMemberAssignmentKey, ConsumerGroupCurrentMemberAssignmentValue,
    ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse, ConsumerGroupHeartbeatRequest,
    ConsumerGroupHeartbeatResponse, ConsumerGroupMemberMetadataKey,
    ConsumerGroupMemberMetadataValue, ConsumerGroupMetadataKey, ConsumerGroupMetadataValue,
    ConsumerGroupPartitionMetadataKey, ConsumerGroupPartitionMetadataValue,
    ConsumerGroupRegularExpressionKey, ConsumerGroupRegularExpressionValue,
    ConsumerGroupTargetAssignmentMemberKey, ConsumerGroupTargetAssignmentMemberValue,
    ConsumerGroupTargetAssignmentMetadataKey, ConsumerGroupTargetAssignmentMetadataValue,
    GroupMetadataKey,
};
use strom_protocol::{ErrorCode, Uuid};

use super::{Group, GroupCoordinator, code, fits_record_string, reply, valid_group_id};
use crate::classic::Parked;
use crate::consumer::{
    Assignment, ConsumerGroup, ConsumerMember, MemberState, TopicMetadata, reconcile,
};
use crate::effects::{Effects, RequestContext, Response, TimerKind};
use crate::pattern::NamePattern;
use crate::record::CoordinatorRecord;

/// ConsumerGroupDescribe's `MemberType` of a member that speaks the consumer protocol.
const MEMBER_TYPE_CONSUMER: i8 = 1;

/// The member epoch a client sends to leave the group.
pub const LEAVE_GROUP_MEMBER_EPOCH: i32 = -1;
/// The member epoch a static member sends when it leaves for a restart.
pub const LEAVE_GROUP_STATIC_MEMBER_EPOCH: i32 = -2;

/// What the coordinator needs to know about a topic: it comes from the broker's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicInfo {
    pub topic_id: Uuid,
    pub num_partitions: i32,
}

/// The broker's view of topics, consulted when a consumer group's subscriptions are resolved.
pub trait TopicMetadataLookup {
    fn topic(&self, name: &str) -> Option<TopicInfo>;
    /// Every topic that exists, by name: what subscription patterns are matched against.
    fn topic_names(&self) -> Vec<String>;
}

impl TopicMetadataLookup for BTreeMap<String, TopicInfo> {
    fn topic(&self, name: &str) -> Option<TopicInfo> {
        self.get(name).copied()
    }

    fn topic_names(&self) -> Vec<String> {
        self.keys().cloned().collect()
    }
}

impl TopicMetadataLookup for std::collections::HashMap<String, TopicInfo> {
    fn topic(&self, name: &str) -> Option<TopicInfo> {
        self.get(name).copied()
    }

    fn topic_names(&self) -> Vec<String> {
        self.keys().cloned().collect()
    }
}

/// The record of what `regex` resolved to in `group_id`; `None` topics is a tombstone.
fn regex_record(
    group_id: &str,
    regex: &str,
    topics: Option<&BTreeSet<String>>,
    now_ms: i64,
) -> CoordinatorRecord {
    CoordinatorRecord::ConsumerGroupRegularExpression(
        ConsumerGroupRegularExpressionKey {
            group_id: group_id.to_string(),
            regular_expression: regex.to_string(),
        },
        topics.map(|t| ConsumerGroupRegularExpressionValue {
            topics: t.iter().cloned().collect(),
            // Kafka stores the metadata image version the pattern was resolved at; Strom
            // re-resolves on every topic change instead of comparing versions.
            version: 0,
            timestamp: now_ms,
            ..Default::default()
        }),
    )
}

fn heartbeat_error(error: ErrorCode, message: &str) -> Response {
    Response::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse {
        error_code: code(error),
        error_message: Some(message.to_string()),
        ..Default::default()
    })
}

fn to_heartbeat_assignment(a: &Assignment) -> heartbeat::Assignment {
    heartbeat::Assignment {
        topic_partitions: a
            .iter()
            .map(|(topic, parts)| heartbeat::TopicPartitions {
                topic_id: *topic,
                partitions: parts.iter().copied().collect(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn current_partitions(a: &Assignment) -> Vec<current_value::TopicPartitions> {
    a.iter()
        .map(|(topic, parts)| current_value::TopicPartitions {
            topic_id: *topic,
            partitions: parts.iter().copied().collect(),
            ..Default::default()
        })
        .collect()
}

fn from_current_partitions(parts: &[current_value::TopicPartitions]) -> Assignment {
    parts
        .iter()
        .map(|t| (t.topic_id, t.partitions.iter().copied().collect()))
        .collect()
}

fn member_key(group_id: &str, member_id: &str) -> (String, String) {
    (group_id.to_string(), member_id.to_string())
}

fn session_timer(group_id: &str, member_id: &str) -> TimerKind {
    TimerKind::ConsumerSession {
        group_id: group_id.to_string(),
        member_id: member_id.to_string(),
    }
}

fn revocation_timer(group_id: &str, member_id: &str) -> TimerKind {
    TimerKind::ConsumerRevocation {
        group_id: group_id.to_string(),
        member_id: member_id.to_string(),
    }
}

pub(super) fn member_metadata_record(group_id: &str, m: &ConsumerMember) -> CoordinatorRecord {
    let (group_id, member_id) = member_key(group_id, &m.member_id);
    CoordinatorRecord::ConsumerGroupMemberMetadata(
        ConsumerGroupMemberMetadataKey {
            group_id,
            member_id,
        },
        Some(ConsumerGroupMemberMetadataValue {
            instance_id: m.instance_id.clone(),
            rack_id: m.rack_id.clone(),
            client_id: m.client_id.clone(),
            client_host: m.client_host.clone(),
            subscribed_topic_names: m.subscribed_topic_names.clone(),
            subscribed_topic_regex: m.subscribed_topic_regex.clone(),
            rebalance_timeout_ms: m.rebalance_timeout_ms,
            server_assignor: m.server_assignor.clone(),
            ..Default::default()
        }),
    )
}

fn current_assignment_record(group_id: &str, m: &ConsumerMember) -> CoordinatorRecord {
    let (group_id, member_id) = member_key(group_id, &m.member_id);
    CoordinatorRecord::ConsumerGroupCurrentMemberAssignment(
        ConsumerGroupCurrentMemberAssignmentKey {
            group_id,
            member_id,
        },
        Some(ConsumerGroupCurrentMemberAssignmentValue {
            member_epoch: m.member_epoch,
            previous_member_epoch: m.previous_member_epoch,
            state: m.state.as_i8(),
            assigned_partitions: current_partitions(&m.assigned),
            partitions_pending_revocation: current_partitions(&m.pending_revocation),
            ..Default::default()
        }),
    )
}

fn target_member_record(group_id: &str, member_id: &str, a: &Assignment) -> CoordinatorRecord {
    let (group_id, member_id) = member_key(group_id, member_id);
    CoordinatorRecord::ConsumerGroupTargetAssignmentMember(
        ConsumerGroupTargetAssignmentMemberKey {
            group_id,
            member_id,
        },
        Some(ConsumerGroupTargetAssignmentMemberValue {
            topic_partitions: a
                .iter()
                .map(|(topic, parts)| target_value::TopicPartition {
                    topic_id: *topic,
                    partitions: parts.iter().copied().collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }),
    )
}

fn partition_metadata_record(group: &ConsumerGroup) -> CoordinatorRecord {
    CoordinatorRecord::ConsumerGroupPartitionMetadata(
        ConsumerGroupPartitionMetadataKey {
            group_id: group.group_id.clone(),
        },
        Some(ConsumerGroupPartitionMetadataValue {
            topics: group
                .subscription_metadata
                .values()
                .map(|t| partition_value::TopicMetadata {
                    topic_id: t.topic_id,
                    topic_name: t.topic_name.clone(),
                    num_partitions: t.num_partitions,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }),
    )
}

fn group_epoch_record(group: &ConsumerGroup) -> CoordinatorRecord {
    CoordinatorRecord::ConsumerGroupMetadata(
        ConsumerGroupMetadataKey {
            group_id: group.group_id.clone(),
        },
        Some(ConsumerGroupMetadataValue {
            epoch: group.group_epoch,
            ..Default::default()
        }),
    )
}

fn target_epoch_record(group: &ConsumerGroup) -> CoordinatorRecord {
    CoordinatorRecord::ConsumerGroupTargetAssignmentMetadata(
        ConsumerGroupTargetAssignmentMetadataKey {
            group_id: group.group_id.clone(),
        },
        Some(ConsumerGroupTargetAssignmentMetadataValue {
            assignment_epoch: group.assignment_epoch,
            ..Default::default()
        }),
    )
}

/// The records that delete one member, in Kafka's order.
fn member_tombstones(group_id: &str, member_id: &str) -> [CoordinatorRecord; 3] {
    let (g, m) = member_key(group_id, member_id);
    [
        CoordinatorRecord::ConsumerGroupCurrentMemberAssignment(
            ConsumerGroupCurrentMemberAssignmentKey {
                group_id: g.clone(),
                member_id: m.clone(),
            },
            None,
        ),
        CoordinatorRecord::ConsumerGroupTargetAssignmentMember(
            ConsumerGroupTargetAssignmentMemberKey {
                group_id: g.clone(),
                member_id: m.clone(),
            },
            None,
        ),
        CoordinatorRecord::ConsumerGroupMemberMetadata(
            ConsumerGroupMemberMetadataKey {
                group_id: g,
                member_id: m,
            },
            None,
        ),
    ]
}

fn assignment_from_request(
    parts: &[strom_protocol::generated::consumer_group_heartbeat_request::TopicPartitions],
) -> Assignment {
    let mut out = Assignment::new();
    for t in parts {
        let set: BTreeSet<i32> = t.partitions.iter().copied().collect();
        if !set.is_empty() {
            out.entry(t.topic_id).or_default().extend(set);
        }
    }
    out
}

fn is_subset(a: &Assignment, b: &Assignment) -> bool {
    a.iter()
        .all(|(t, ps)| b.get(t).is_some_and(|other| ps.is_subset(other)))
}

impl GroupCoordinator {
    /// ConsumerGroupHeartbeat (KIP-848): joins, heartbeats, subscription changes, leaves.
    /// `topics` resolves subscribed topic names against the broker's metadata.
    pub fn consumer_group_heartbeat(
        &mut self,
        ctx: &RequestContext,
        req: &ConsumerGroupHeartbeatRequest,
        topics: &dyn TopicMetadataLookup,
        now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        let parked = Parked {
            request_id: ctx.request_id,
            api_version: ctx.api_version,
        };
        match self.consumer_heartbeat_inner(ctx, req, topics, now_ms, &mut fx) {
            Ok(response) => fx
                .responses_after_persist
                .push(reply(parked, Response::ConsumerGroupHeartbeat(response))),
            Err((error, message)) => fx
                .responses_now
                .push(reply(parked, heartbeat_error(error, message))),
        }
        self.finish(fx)
    }

    fn validate_consumer_heartbeat(
        &self,
        version: i16,
        req: &ConsumerGroupHeartbeatRequest,
    ) -> Result<(), (ErrorCode, &'static str)> {
        let invalid = |m| Err((ErrorCode::InvalidRequest, m));
        if !valid_group_id(&req.group_id) {
            return invalid("GroupId can't be empty.");
        }
        if req.instance_id.as_deref() == Some("") {
            return invalid("InstanceId can't be empty.");
        }
        let strings_fit = fits_record_string(&req.member_id)
            && req.instance_id.as_deref().is_none_or(fits_record_string)
            && req.rack_id.as_deref().is_none_or(fits_record_string)
            && req
                .server_assignor
                .as_deref()
                .is_none_or(fits_record_string)
            && req
                .subscribed_topic_names
                .iter()
                .flatten()
                .all(|t| fits_record_string(t));
        if !strings_fit {
            return invalid("A string field is too long.");
        }
        // librdkafka sends an empty regex with a plain topic list; Kafka reads an empty regex
        // as none.
        if let Some(regex) = req
            .subscribed_topic_regex
            .as_deref()
            .filter(|r| !r.is_empty())
            && NamePattern::compile(regex).is_err()
        {
            return Err((
                ErrorCode::InvalidRegularExpression,
                "SubscribedTopicRegex is not a valid regular expression.",
            ));
        }
        if req
            .subscribed_topic_names
            .as_ref()
            .is_some_and(|t| t.len() > self.config.consumer_group_max_subscribed_topics)
        {
            return invalid("SubscribedTopicNames has too many topics.");
        }
        if let Some(assignor) = &req.server_assignor
            && !self.config.consumer_group_assignors.contains(assignor)
        {
            return Err((
                ErrorCode::UnsupportedAssignor,
                "ServerAssignor is not supported.",
            ));
        }
        match req.member_epoch {
            0 => {
                if version >= 1 && req.member_id.is_empty() {
                    return invalid("MemberId can't be empty.");
                }
                if req.rebalance_timeout_ms == -1 {
                    return invalid("RebalanceTimeoutMs must be provided in first request.");
                }
                if req.topic_partitions.as_ref().is_none_or(|t| !t.is_empty()) {
                    return invalid("TopicPartitions must be empty when (re-)joining.");
                }
                if req.subscribed_topic_names.is_none() && req.subscribed_topic_regex.is_none() {
                    return invalid(
                        "Either SubscribedTopicNames or SubscribedTopicRegex must be non-null \
                         when (re-)joining.",
                    );
                }
            }
            e if e > 0 || e == LEAVE_GROUP_MEMBER_EPOCH || e == LEAVE_GROUP_STATIC_MEMBER_EPOCH => {
                if req.member_id.is_empty() {
                    return invalid("MemberId can't be empty.");
                }
            }
            _ => return invalid("MemberEpoch is invalid."),
        }
        Ok(())
    }

    fn consumer_heartbeat_inner(
        &mut self,
        ctx: &RequestContext,
        req: &ConsumerGroupHeartbeatRequest,
        topics: &dyn TopicMetadataLookup,
        now_ms: i64,
        fx: &mut Effects,
    ) -> Result<ConsumerGroupHeartbeatResponse, (ErrorCode, &'static str)> {
        self.validate_consumer_heartbeat(ctx.api_version, req)?;
        let group_id = req.group_id.as_str();
        if req.member_epoch == LEAVE_GROUP_STATIC_MEMBER_EPOCH && req.instance_id.is_some() {
            return self.consumer_static_leave(group_id, &req.member_id, fx);
        }
        if req.member_epoch < 0 {
            return self.consumer_leave(group_id, &req.member_id, req.member_epoch, now_ms, fx);
        }
        let joining = req.member_epoch == 0;
        self.get_or_create_consumer_group(group_id, joining, now_ms, fx)?;
        let member_id = if req.member_id.is_empty() {
            self.new_member_id("").trim_start_matches('-').to_string()
        } else {
            req.member_id.clone()
        };
        let max_size = self.config.consumer_group_max_size;
        let default_rebalance_timeout = self.config.group_max_session_timeout_ms;
        let group = self
            .consumer_mut(group_id)
            .ok_or((ErrorCode::UnknownMemberId, "The group does not exist."))?;
        let owned = req.topic_partitions.as_deref().map(assignment_from_request);

        // A static member coming back after a temporary leave takes over its old place.
        let mut replaced_static = None;
        if joining
            && let Some(instance) = &req.instance_id
            && let Some(old_id) = group.static_member_id(instance).map(str::to_string)
            && old_id != member_id
        {
            let old = group.members.get(&old_id).cloned();
            if old
                .as_ref()
                .is_none_or(|o| o.member_epoch != LEAVE_GROUP_STATIC_MEMBER_EPOCH)
            {
                return Err((
                    ErrorCode::UnreleasedInstanceId,
                    "The instance id is in use by another member.",
                ));
            }
            replaced_static = old.map(|o| (old_id, o));
        }
        if let Some((old_id, old)) = &replaced_static {
            let mut taken_over = old.clone();
            taken_over.member_id = member_id.clone();
            taken_over.member_epoch = 0;
            taken_over.previous_member_epoch = 0;
            group.members.remove(old_id);
            let target = group.target.remove(old_id).unwrap_or_default();
            group.target.insert(member_id.clone(), target.clone());
            group.members.insert(member_id.clone(), taken_over);
            let old_id = old_id.clone();
            for record in member_tombstones(group_id, &old_id) {
                self.push_record(fx, record);
            }
            self.push_record(fx, target_member_record(group_id, &member_id, &target));
            self.timers.cancel(&session_timer(group_id, &old_id));
            self.timers.cancel(&revocation_timer(group_id, &old_id));
        }
        let group = self
            .consumer_mut(group_id)
            .ok_or((ErrorCode::UnknownMemberId, "The group does not exist."))?;

        // The member as it stands, validated against its epoch.
        let existing = group.members.get(&member_id).cloned();
        let joining = joining && replaced_static.is_none();
        let mut member = match (existing, joining) {
            (Some(m), false) if replaced_static.is_some() => m,
            (Some(m), false) => {
                if req.member_epoch > m.member_epoch {
                    return Err((ErrorCode::FencedMemberEpoch, "The member epoch is fenced."));
                }
                if req.member_epoch < m.member_epoch {
                    let benign = req.member_epoch == m.previous_member_epoch
                        && owned.as_ref().is_some_and(|o| is_subset(o, &m.assigned));
                    if !benign {
                        return Err((ErrorCode::FencedMemberEpoch, "The member epoch is fenced."));
                    }
                }
                m
            }
            (None, false) => {
                return Err((ErrorCode::UnknownMemberId, "The member does not exist."));
            }
            (existing, true) => {
                if let Some(instance) = &req.instance_id
                    && group
                        .static_member_id(instance)
                        .is_some_and(|other| other != member_id)
                {
                    return Err((
                        ErrorCode::UnreleasedInstanceId,
                        "The instance id is in use by another member.",
                    ));
                }
                if existing.is_none() && group.members.len() >= max_size {
                    return Err((ErrorCode::GroupMaxSizeReached, "The group is full."));
                }
                // A (re)join starts from nothing: it owns no partitions.
                let mut m = ConsumerMember::new(&member_id);
                if let Some(old) = existing {
                    m.subscribed_topic_names = old.subscribed_topic_names;
                    m.subscribed_topic_regex = old.subscribed_topic_regex;
                }
                m
            }
        };
        let before = group.members.get(&member_id).cloned();

        // Apply what the request changes.
        if let Some(names) = &req.subscribed_topic_names {
            let mut names = names.clone();
            names.sort();
            names.dedup();
            member.subscribed_topic_names = names;
        }
        if let Some(regex) = &req.subscribed_topic_regex {
            member.subscribed_topic_regex = (!regex.is_empty()).then(|| regex.clone());
        }
        if req.rebalance_timeout_ms != -1 {
            member.rebalance_timeout_ms = req.rebalance_timeout_ms;
        } else if member.rebalance_timeout_ms < 0 {
            member.rebalance_timeout_ms = default_rebalance_timeout;
        }
        if req.instance_id.is_some() {
            member.instance_id = req.instance_id.clone();
        }
        if req.rack_id.is_some() {
            member.rack_id = req.rack_id.clone();
        }
        if req.server_assignor.is_some() {
            member.server_assignor = req.server_assignor.clone();
        }
        member.client_id = ctx.client_id.clone();
        member.client_host = ctx.client_host.clone();

        let before = if replaced_static.is_some() {
            None
        } else {
            before
        };
        let metadata_changed = before.as_ref().is_none_or(|b| {
            b.subscribed_topic_names != member.subscribed_topic_names
                || b.subscribed_topic_regex != member.subscribed_topic_regex
                || b.rebalance_timeout_ms != member.rebalance_timeout_ms
                || b.instance_id != member.instance_id
                || b.rack_id != member.rack_id
                || b.server_assignor != member.server_assignor
                || b.client_id != member.client_id
                || b.client_host != member.client_host
        });
        let subscription_changed = match (&replaced_static, &before) {
            (Some((_, old)), _) => {
                old.subscribed_topic_names != member.subscribed_topic_names
                    || old.subscribed_topic_regex != member.subscribed_topic_regex
            }
            (None, Some(b)) => {
                b.subscribed_topic_names != member.subscribed_topic_names
                    || b.subscribed_topic_regex != member.subscribed_topic_regex
                    || joining
            }
            (None, None) => true,
        };
        group.members.insert(member_id.clone(), member.clone());
        if metadata_changed {
            let record = member_metadata_record(group_id, &member);
            self.push_record(fx, record);
        }
        if joining && before.is_some() {
            // The rejoining member forgot its partitions; so do we.
            let record = current_assignment_record(group_id, &member);
            self.push_record(fx, record);
        }

        let regexes_changed = self.refresh_regexes(group_id, topics, false, now_ms, fx);
        let metadata_changed = self.refresh_subscription_metadata(group_id, Some(topics), fx);
        if subscription_changed || metadata_changed || regexes_changed {
            self.bump_group_epoch(group_id, fx);
        }
        self.maybe_update_target(group_id, fx);

        // Reconcile this member one step towards its target.
        let group = self
            .consumer_mut(group_id)
            .ok_or((ErrorCode::UnknownServerError, "The group vanished."))?;
        let target = group.target.get(&member_id).cloned().unwrap_or_default();
        let owners = group.partition_owners();
        let current = group.members.get(&member_id).cloned().unwrap_or(member);
        let next = reconcile(
            &current,
            &target,
            group.assignment_epoch,
            owned.as_ref(),
            &owners,
        );
        let changed = next != current;
        let rebalance_timeout = i64::from(next.rebalance_timeout_ms.max(0));
        let next_state = next.state;
        let was_unrevoked = current.state == MemberState::UnrevokedPartitions;
        group.members.insert(member_id.clone(), next.clone());
        if changed {
            let record = current_assignment_record(group_id, &next);
            self.push_record(fx, record);
        }

        let session = i64::from(self.config.consumer_group_session_timeout_ms);
        self.timers.schedule(
            session_timer(group_id, &member_id),
            now_ms.saturating_add(session),
        );
        if next_state == MemberState::UnrevokedPartitions {
            // Each new revocation gets the full rebalance timeout, as in Kafka: a member that
            // revoked and was at once asked to revoke more must not be fenced on the first
            // deadline while its client still counts on the partitions it keeps.
            if !was_unrevoked || changed {
                self.timers.schedule(
                    revocation_timer(group_id, &member_id),
                    now_ms.saturating_add(rebalance_timeout),
                );
            }
        } else {
            self.timers.cancel(&revocation_timer(group_id, &member_id));
        }
        self.ensure_offset_expiration_timer(now_ms);

        let send_assignment = joining
            || replaced_static.is_some()
            || changed
            || owned.as_ref().is_some_and(|o| o != &next.assigned);
        Ok(ConsumerGroupHeartbeatResponse {
            member_id: Some(member_id),
            member_epoch: next.member_epoch,
            heartbeat_interval_ms: self.config.consumer_group_heartbeat_interval_ms,
            assignment: send_assignment.then(|| to_heartbeat_assignment(&next.assigned)),
            ..Default::default()
        })
    }

    fn get_or_create_consumer_group(
        &mut self,
        group_id: &str,
        create: bool,
        now_ms: i64,
        fx: &mut Effects,
    ) -> Result<(), (ErrorCode, &'static str)> {
        let _ = now_ms;
        match self.groups.get(group_id) {
            Some(Group::Consumer(_)) => Ok(()),
            Some(Group::Classic(g)) => {
                if !create || !g.members.is_empty() {
                    return Err((
                        ErrorCode::GroupIdNotFound,
                        "The group is not a consumer group.",
                    ));
                }
                // An empty classic group becomes a consumer group.
                let key = GroupMetadataKey {
                    group: group_id.to_string(),
                };
                self.push_record(fx, CoordinatorRecord::GroupMetadata(key, None));
                self.groups.insert(
                    group_id.to_string(),
                    Group::Consumer(ConsumerGroup::new(group_id)),
                );
                Ok(())
            }
            None if create => {
                if !self.can_create_group() {
                    return Err((ErrorCode::CoordinatorNotAvailable, "Too many groups."));
                }
                self.groups.insert(
                    group_id.to_string(),
                    Group::Consumer(ConsumerGroup::new(group_id)),
                );
                Ok(())
            }
            None => Err((ErrorCode::UnknownMemberId, "The group does not exist.")),
        }
    }

    /// Re-resolves the subscribed topics; records and reports a change. Without a lookup
    /// (a member left), topics nobody subscribes to any more are dropped.
    fn refresh_subscription_metadata(
        &mut self,
        group_id: &str,
        topics: Option<&dyn TopicMetadataLookup>,
        fx: &mut Effects,
    ) -> bool {
        let Some(group) = self.consumer_mut(group_id) else {
            return false;
        };
        let names = group.subscribed_topic_names();
        let mut next = BTreeMap::new();
        for name in names {
            let resolved = match topics {
                Some(lookup) => lookup.topic(&name).map(|t| TopicMetadata {
                    topic_id: t.topic_id,
                    topic_name: name.clone(),
                    num_partitions: t.num_partitions,
                }),
                None => group.subscription_metadata.get(&name).cloned(),
            };
            if let Some(t) = resolved {
                next.insert(name, t);
            }
        }
        if next == group.subscription_metadata {
            return false;
        }
        group.subscription_metadata = next;
        let record = partition_metadata_record(group);
        self.push_record(fx, record);
        true
    }

    /// Resolves the group's subscription patterns against the topics that exist: only those
    /// not resolved yet, or all of them when `all` (topics changed). Patterns no member uses
    /// any more are forgotten. Returns whether a pattern in use now matches other topics.
    fn refresh_regexes(
        &mut self,
        group_id: &str,
        topics: &dyn TopicMetadataLookup,
        all: bool,
        now_ms: i64,
        fx: &mut Effects,
    ) -> bool {
        let mut records = self.drop_unused_regexes(group_id);
        let Some(group) = self.consumer_mut(group_id) else {
            return false;
        };
        let pending: Vec<String> = group
            .regexes_in_use()
            .into_iter()
            .filter(|r| all || !group.resolved_regexes.contains_key(r))
            .collect();
        let names = if pending.is_empty() {
            Vec::new()
        } else {
            topics.topic_names()
        };
        let mut changed = false;
        for regex in pending {
            // Validated when the member sent it; a pattern replayed from an older log that
            // no longer compiles matches nothing.
            let resolved: BTreeSet<String> = match NamePattern::compile(&regex) {
                Ok(pattern) => names
                    .iter()
                    // Internal topics too: Kafka's broker resolves a pattern against every
                    // topic (only a DESCRIBE ACL filter applies).
                    .filter(|n| pattern.matches(n))
                    .cloned()
                    .collect(),
                Err(_) => BTreeSet::new(),
            };
            if group.resolved_regexes.get(&regex) != Some(&resolved) {
                records.push(regex_record(group_id, &regex, Some(&resolved), now_ms));
                group.resolved_regexes.insert(regex, resolved);
                changed = true;
            }
        }
        for record in records {
            self.push_record(fx, record);
        }
        changed
    }

    /// Forgets the patterns no member of the group uses; returns their tombstones.
    fn drop_unused_regexes(&mut self, group_id: &str) -> Vec<CoordinatorRecord> {
        let Some(group) = self.consumer_mut(group_id) else {
            return Vec::new();
        };
        let in_use = group.regexes_in_use();
        let unused: Vec<String> = group
            .resolved_regexes
            .keys()
            .filter(|r| !in_use.contains(*r))
            .cloned()
            .collect();
        unused
            .into_iter()
            .map(|regex| {
                group.resolved_regexes.remove(&regex);
                regex_record(group_id, &regex, None, 0)
            })
            .collect()
    }

    /// Topics were created or deleted (or their partitions changed): re-resolves every
    /// consumer group's subscription patterns and refreshes its subscribed topic metadata,
    /// bumping the group epoch (and so computing a new target assignment) of every group
    /// whose subscribed topics changed. The broker calls this on each metadata change.
    pub fn on_topics_changed(&mut self, topics: &dyn TopicMetadataLookup, now_ms: i64) -> Effects {
        let mut fx = Effects::default();
        let group_ids: Vec<String> = self
            .groups
            .iter()
            .filter(|(_, g)| matches!(g, Group::Consumer(_)))
            .map(|(id, _)| id.clone())
            .collect();
        for group_id in group_ids {
            let regexes_changed = self.refresh_regexes(&group_id, topics, true, now_ms, &mut fx);
            let metadata_changed =
                self.refresh_subscription_metadata(&group_id, Some(topics), &mut fx);
            if regexes_changed || metadata_changed {
                self.bump_group_epoch(&group_id, &mut fx);
                self.maybe_update_target(&group_id, &mut fx);
            }
        }
        self.finish(fx)
    }

    fn bump_group_epoch(&mut self, group_id: &str, fx: &mut Effects) {
        if let Some(group) = self.consumer_mut(group_id) {
            group.group_epoch = group.group_epoch.wrapping_add(1).max(1);
            let record = group_epoch_record(group);
            self.push_record(fx, record);
        }
    }

    /// Recomputes the target assignment when the group epoch moved past it.
    fn maybe_update_target(&mut self, group_id: &str, fx: &mut Effects) {
        let default_assignor = self
            .config
            .consumer_group_assignors
            .first()
            .cloned()
            .unwrap_or_else(|| crate::assignor::UNIFORM.to_string());
        let Some(group) = self.consumer_mut(group_id) else {
            return;
        };
        if group.group_epoch <= group.assignment_epoch {
            return;
        }
        let assignor = preferred_assignor(group, &default_assignor);
        let partitions: BTreeMap<Uuid, i32> = group
            .subscription_metadata
            .values()
            .map(|t| (t.topic_id, t.num_partitions))
            .collect();
        let subscriptions = group
            .members
            .iter()
            .map(|(id, m)| {
                let ids = group
                    .member_topic_names(m)
                    .filter_map(|n| group.subscription_metadata.get(&n).map(|t| t.topic_id))
                    .collect();
                (id.clone(), ids)
            })
            .collect();
        let target = crate::assignor::assign(&assignor, &subscriptions, &partitions, &group.target)
            .or_else(|| {
                crate::assignor::assign(
                    crate::assignor::UNIFORM,
                    &subscriptions,
                    &partitions,
                    &group.target,
                )
            })
            .unwrap_or_default();
        let mut records = Vec::new();
        for (member, assignment) in &target {
            if group.target.get(member) != Some(assignment) {
                records.push(target_member_record(group_id, member, assignment));
            }
        }
        group.target = target;
        group.assignment_epoch = group.group_epoch;
        records.push(target_epoch_record(group));
        for record in records {
            self.push_record(fx, record);
        }
    }

    fn consumer_leave(
        &mut self,
        group_id: &str,
        member_id: &str,
        member_epoch: i32,
        now_ms: i64,
        fx: &mut Effects,
    ) -> Result<ConsumerGroupHeartbeatResponse, (ErrorCode, &'static str)> {
        let known = self
            .consumer_mut(group_id)
            .is_some_and(|g| g.members.contains_key(member_id));
        if !known {
            return Err((ErrorCode::UnknownMemberId, "The member does not exist."));
        }
        self.remove_consumer_member(group_id, member_id, now_ms, fx);
        Ok(ConsumerGroupHeartbeatResponse {
            member_id: Some(member_id.to_string()),
            member_epoch,
            heartbeat_interval_ms: 0,
            ..Default::default()
        })
    }

    /// A static member leaving for a restart (epoch -2): it keeps its partitions and place
    /// until its session expires, so a restart within the session causes no rebalance.
    fn consumer_static_leave(
        &mut self,
        group_id: &str,
        member_id: &str,
        fx: &mut Effects,
    ) -> Result<ConsumerGroupHeartbeatResponse, (ErrorCode, &'static str)> {
        let group = self
            .consumer_mut(group_id)
            .ok_or((ErrorCode::UnknownMemberId, "The group does not exist."))?;
        let member = group
            .members
            .get_mut(member_id)
            .ok_or((ErrorCode::UnknownMemberId, "The member does not exist."))?;
        member.member_epoch = LEAVE_GROUP_STATIC_MEMBER_EPOCH;
        let record = current_assignment_record(group_id, member);
        self.push_record(fx, record);
        self.timers.cancel(&revocation_timer(group_id, member_id));
        Ok(ConsumerGroupHeartbeatResponse {
            member_id: Some(member_id.to_string()),
            member_epoch: LEAVE_GROUP_STATIC_MEMBER_EPOCH,
            ..Default::default()
        })
    }

    /// Session or revocation timeout: the member is removed as if it had left.
    pub(super) fn fence_consumer_member(
        &mut self,
        group_id: &str,
        member_id: &str,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let known = self
            .consumer_mut(group_id)
            .is_some_and(|g| g.members.contains_key(member_id));
        if known {
            self.remove_consumer_member(group_id, member_id, now_ms, fx);
        }
    }

    fn remove_consumer_member(
        &mut self,
        group_id: &str,
        member_id: &str,
        _now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.consumer_mut(group_id) else {
            return;
        };
        group.members.remove(member_id);
        group.target.remove(member_id);
        for record in member_tombstones(group_id, member_id) {
            self.push_record(fx, record);
        }
        self.timers.cancel(&session_timer(group_id, member_id));
        self.timers.cancel(&revocation_timer(group_id, member_id));
        for record in self.drop_unused_regexes(group_id) {
            self.push_record(fx, record);
        }
        self.refresh_subscription_metadata(group_id, None, fx);
        self.bump_group_epoch(group_id, fx);
        self.maybe_update_target(group_id, fx);
    }

    /// Tombstones for every record of a consumer group (members first, then the group).
    pub(super) fn delete_consumer_group_records(&mut self, group_id: &str, fx: &mut Effects) {
        let (members, regexes): (Vec<String>, Vec<String>) = match self.groups.get(group_id) {
            Some(Group::Consumer(g)) => (
                g.members.keys().cloned().collect(),
                g.resolved_regexes.keys().cloned().collect(),
            ),
            _ => return,
        };
        for regex in regexes {
            self.push_record(fx, regex_record(group_id, &regex, None, 0));
        }
        for member in members {
            for record in member_tombstones(group_id, &member) {
                self.push_record(fx, record);
            }
            self.timers.cancel(&session_timer(group_id, &member));
            self.timers.cancel(&revocation_timer(group_id, &member));
        }
        let g = group_id.to_string();
        let records = [
            CoordinatorRecord::ConsumerGroupTargetAssignmentMetadata(
                ConsumerGroupTargetAssignmentMetadataKey {
                    group_id: g.clone(),
                },
                None,
            ),
            CoordinatorRecord::ConsumerGroupPartitionMetadata(
                ConsumerGroupPartitionMetadataKey {
                    group_id: g.clone(),
                },
                None,
            ),
            CoordinatorRecord::ConsumerGroupMetadata(
                ConsumerGroupMetadataKey { group_id: g },
                None,
            ),
        ];
        for record in records {
            self.push_record(fx, record);
        }
    }

    /// ConsumerGroupDescribe.
    pub fn consumer_group_describe(
        &self,
        _ctx: &RequestContext,
        req: &ConsumerGroupDescribeRequest,
    ) -> ConsumerGroupDescribeResponse {
        let default_assignor = self
            .config
            .consumer_group_assignors
            .first()
            .map_or(crate::assignor::UNIFORM, String::as_str);
        let groups = req
            .group_ids
            .iter()
            .map(|group_id| match self.groups.get(group_id) {
                Some(Group::Consumer(g)) => describe_consumer_group(g, default_assignor),
                _ => describe::DescribedGroup {
                    error_code: code(ErrorCode::GroupIdNotFound),
                    error_message: Some(format!("Group {group_id} not found.")),
                    group_id: group_id.clone(),
                    group_state: "Dead".to_string(),
                    ..Default::default()
                },
            })
            .collect();
        ConsumerGroupDescribeResponse {
            groups,
            ..Default::default()
        }
    }
}

/// The server assignor most members ask for, else the configured default.
fn preferred_assignor(group: &ConsumerGroup, default_assignor: &str) -> String {
    let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
    for m in group.members.values() {
        if let Some(a) = &m.server_assignor {
            *votes.entry(a.as_str()).or_default() += 1;
        }
    }
    votes
        .iter()
        .max_by_key(|(name, n)| (**n, std::cmp::Reverse(**name)))
        .map(|(name, _)| name.to_string())
        .unwrap_or_else(|| default_assignor.to_string())
}

fn describe_consumer_group(g: &ConsumerGroup, default_assignor: &str) -> describe::DescribedGroup {
    let to_assignment = |a: &Assignment| describe::Assignment {
        topic_partitions: a
            .iter()
            .map(|(topic, parts)| describe::TopicPartitions {
                topic_id: *topic,
                topic_name: g.topic_name(topic).unwrap_or_default().to_string(),
                partitions: parts.iter().copied().collect(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    describe::DescribedGroup {
        group_id: g.group_id.clone(),
        group_state: g.state().name().to_string(),
        group_epoch: g.group_epoch,
        assignment_epoch: g.assignment_epoch,
        assignor_name: preferred_assignor(g, default_assignor),
        members: g
            .members
            .values()
            .map(|m| describe::Member {
                member_id: m.member_id.clone(),
                instance_id: m.instance_id.clone(),
                rack_id: m.rack_id.clone(),
                member_epoch: m.member_epoch,
                client_id: m.client_id.clone(),
                client_host: m.client_host.clone(),
                subscribed_topic_names: m.subscribed_topic_names.clone(),
                subscribed_topic_regex: m.subscribed_topic_regex.clone(),
                assignment: to_assignment(&m.assigned),
                target_assignment: to_assignment(
                    &g.target.get(&m.member_id).cloned().unwrap_or_default(),
                ),
                // v1 (KIP-1099): every member of a Strom consumer group speaks the consumer
                // protocol.
                member_type: MEMBER_TYPE_CONSUMER,
                ..Default::default()
            })
            .collect(),
        authorized_operations: i32::MIN,
        ..Default::default()
    }
}

/// Replays one consumer-group record into `groups`.
pub(super) fn replay_consumer_record(
    groups: &mut BTreeMap<String, Group>,
    record: &CoordinatorRecord,
) {
    let group_id = record.group_id().to_string();
    let tombstone = record.is_tombstone();
    let group = match groups.get_mut(&group_id) {
        Some(Group::Consumer(g)) => g,
        _ if tombstone => return,
        _ => {
            groups.insert(
                group_id.clone(),
                Group::Consumer(ConsumerGroup::new(&group_id)),
            );
            match groups.get_mut(&group_id) {
                Some(Group::Consumer(g)) => g,
                _ => return,
            }
        }
    };
    match record {
        CoordinatorRecord::ConsumerGroupMetadata(_, value) => match value {
            Some(v) => group.group_epoch = v.epoch,
            None => {
                groups.remove(&group_id);
            }
        },
        CoordinatorRecord::ConsumerGroupPartitionMetadata(_, value) => {
            group.subscription_metadata = value
                .iter()
                .flat_map(|v| v.topics.iter())
                .map(|t| {
                    let meta = TopicMetadata {
                        topic_id: t.topic_id,
                        topic_name: t.topic_name.clone(),
                        num_partitions: t.num_partitions,
                    };
                    (t.topic_name.clone(), meta)
                })
                .collect();
        }
        CoordinatorRecord::ConsumerGroupMemberMetadata(k, value) => match value {
            Some(v) => {
                let m = group
                    .members
                    .entry(k.member_id.clone())
                    .or_insert_with(|| ConsumerMember::new(&k.member_id));
                m.instance_id = v.instance_id.clone();
                m.rack_id = v.rack_id.clone();
                m.client_id = v.client_id.clone();
                m.client_host = v.client_host.clone();
                m.subscribed_topic_names = v.subscribed_topic_names.clone();
                m.subscribed_topic_regex = v.subscribed_topic_regex.clone();
                m.rebalance_timeout_ms = v.rebalance_timeout_ms;
                m.server_assignor = v.server_assignor.clone();
            }
            None => {
                group.members.remove(&k.member_id);
            }
        },
        CoordinatorRecord::ConsumerGroupRegularExpression(k, value) => match value {
            Some(v) => {
                let topics = v.topics.iter().cloned().collect();
                group
                    .resolved_regexes
                    .insert(k.regular_expression.clone(), topics);
            }
            None => {
                group.resolved_regexes.remove(&k.regular_expression);
            }
        },
        CoordinatorRecord::ConsumerGroupTargetAssignmentMetadata(_, value) => {
            group.assignment_epoch = value.as_ref().map_or(0, |v| v.assignment_epoch);
        }
        CoordinatorRecord::ConsumerGroupTargetAssignmentMember(k, value) => match value {
            Some(v) => {
                let a = v
                    .topic_partitions
                    .iter()
                    .map(|t| (t.topic_id, t.partitions.iter().copied().collect()))
                    .collect();
                group.target.insert(k.member_id.clone(), a);
            }
            None => {
                group.target.remove(&k.member_id);
            }
        },
        CoordinatorRecord::ConsumerGroupCurrentMemberAssignment(k, value) => {
            if let Some(v) = value {
                let m = group
                    .members
                    .entry(k.member_id.clone())
                    .or_insert_with(|| ConsumerMember::new(&k.member_id));
                m.member_epoch = v.member_epoch;
                m.previous_member_epoch = v.previous_member_epoch;
                m.state = MemberState::from_i8(v.state);
                m.assigned = from_current_partitions(&v.assigned_partitions);
                m.pending_revocation = from_current_partitions(&v.partitions_pending_revocation);
            } else if let Some(m) = group.members.get_mut(&k.member_id) {
                let fresh = ConsumerMember::new(&k.member_id);
                m.member_epoch = fresh.member_epoch;
                m.previous_member_epoch = fresh.previous_member_epoch;
                m.state = fresh.state;
                m.assigned.clear();
                m.pending_revocation.clear();
            }
        }
        _ => {}
    }
}
