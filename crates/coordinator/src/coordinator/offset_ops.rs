//! Committed offsets: OffsetCommit (with Kafka's generation and member epoch checks),
//! OffsetFetch (single and multi-group), OffsetDelete, and retention
//! (`offsets.retention.minutes`).

use std::collections::BTreeSet;

use strom_protocol::ErrorCode;
use strom_protocol::generated::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use strom_protocol::generated::offset_delete_response::{
    OffsetDeleteResponsePartition, OffsetDeleteResponseTopic,
};
use strom_protocol::generated::offset_fetch_response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions,
    OffsetFetchResponseTopic, OffsetFetchResponseTopics,
};
use strom_protocol::generated::{
    GroupMetadataKey, OffsetCommitKey, OffsetCommitRequest, OffsetCommitResponse,
    OffsetCommitValue, OffsetDeleteRequest, OffsetDeleteResponse, OffsetFetchRequest,
    OffsetFetchResponse,
};

use super::{
    Group, GroupCoordinator, OffsetAndMetadata, code, fits_record_string, reply, valid_group_id,
};
use crate::classic::{ClassicGroup, ClassicGroupState as State, Parked};
use crate::effects::{Effects, RequestContext, Response};
use crate::record::CoordinatorRecord;

/// OffsetCommit's "no retention given" value.
const DEFAULT_RETENTION_TIME: i64 = -1;

/// One partition's answer to OffsetFetch.
#[derive(Debug, Clone, PartialEq)]
struct FetchedOffset {
    partition: i32,
    offset: i64,
    leader_epoch: i32,
    metadata: String,
    error: ErrorCode,
}

type FetchedTopics = Vec<(String, Vec<FetchedOffset>)>;

fn offset_key(group: &str, topic: &str, partition: i32) -> OffsetCommitKey {
    OffsetCommitKey {
        group: group.to_string(),
        topic: topic.to_string(),
        partition,
    }
}

fn validate_classic_commit(
    group: &ClassicGroup,
    member_id: &str,
    instance_id: Option<&str>,
    generation_id: i32,
) -> Result<(), ErrorCode> {
    if group.is_in(State::Dead) {
        return Err(ErrorCode::CoordinatorNotAvailable);
    }
    if generation_id < 0 && group.is_in(State::Empty) {
        // Not using group management: commits are allowed while the group is empty.
        return Ok(());
    }
    let known = match instance_id {
        Some(instance) => match group.static_member_id(instance) {
            None => Err(ErrorCode::UnknownMemberId),
            Some(existing) if existing != member_id => Err(ErrorCode::FencedInstanceId),
            Some(_) => Ok(()),
        },
        None if group.members.contains_key(member_id) => Ok(()),
        None => Err(ErrorCode::UnknownMemberId),
    };
    known?;
    if generation_id != group.generation_id {
        return Err(ErrorCode::IllegalGeneration);
    }
    if group.is_in(State::CompletingRebalance) {
        // The member knows the new generation but has no assignment yet.
        return Err(ErrorCode::RebalanceInProgress);
    }
    Ok(())
}

impl GroupCoordinator {
    /// OffsetCommit: validated against the group, persisted, answered after persist.
    pub fn offset_commit(
        &mut self,
        ctx: &RequestContext,
        req: &OffsetCommitRequest,
        now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        let parked = Parked {
            request_id: ctx.request_id,
            api_version: ctx.api_version,
        };
        let group_error = self
            .validate_offset_commit(ctx.api_version, req, now_ms)
            .err();
        let mut response = OffsetCommitResponse::default();
        let max_metadata = self.config.offset_metadata_max_bytes;
        let max_partitions = self.config.group_max_committed_partitions;
        let expire =
            (2..=4).contains(&ctx.api_version) && req.retention_time_ms != DEFAULT_RETENTION_TIME;
        for topic in &req.topics {
            let mut partitions = Vec::new();
            for p in &topic.partitions {
                let metadata = p.committed_metadata.clone().unwrap_or_default();
                let error = if let Some(e) = group_error {
                    e
                } else if !fits_record_string(&topic.name) {
                    ErrorCode::InvalidTopicException
                } else if metadata.len() > max_metadata {
                    ErrorCode::OffsetMetadataTooLarge
                } else if self.would_exceed_partitions(req, &topic.name, p.partition_index) {
                    let _ = max_partitions;
                    ErrorCode::InvalidCommitOffsetSize
                } else {
                    let value = OffsetCommitValue {
                        offset: p.committed_offset,
                        leader_epoch: p.committed_leader_epoch,
                        metadata,
                        commit_timestamp: now_ms,
                        expire_timestamp: if expire {
                            now_ms.saturating_add(req.retention_time_ms)
                        } else {
                            -1
                        },
                        ..Default::default()
                    };
                    self.apply_offset(&req.group_id, &topic.name, p.partition_index, &value);
                    let key = offset_key(&req.group_id, &topic.name, p.partition_index);
                    self.push_record(&mut fx, CoordinatorRecord::OffsetCommit(key, Some(value)));
                    ErrorCode::None
                };
                partitions.push(OffsetCommitResponsePartition {
                    partition_index: p.partition_index,
                    error_code: code(error),
                    ..Default::default()
                });
            }
            response.topics.push(OffsetCommitResponseTopic {
                name: topic.name.clone(),
                partitions,
                ..Default::default()
            });
        }
        if !fx.records.is_empty() {
            self.ensure_offset_expiration_timer(now_ms);
        }
        fx.responses_after_persist
            .push(reply(parked, Response::OffsetCommit(response)));
        self.finish(fx)
    }

    fn would_exceed_partitions(&self, req: &OffsetCommitRequest, topic: &str, p: i32) -> bool {
        let Some(offsets) = self.offsets.get(&req.group_id) else {
            return false;
        };
        offsets.len() >= self.config.group_max_committed_partitions
            && !offsets.contains_key(&(topic.to_string(), p))
    }

    fn validate_offset_commit(
        &mut self,
        version: i16,
        req: &OffsetCommitRequest,
        now_ms: i64,
    ) -> Result<(), ErrorCode> {
        if !valid_group_id(&req.group_id) {
            return Err(ErrorCode::InvalidGroupId);
        }
        let generation = req.generation_id_or_member_epoch;
        match self.groups.get(&req.group_id) {
            None if generation < 0 => {
                if !self.can_create_group() {
                    return Err(ErrorCode::CoordinatorNotAvailable);
                }
                // A group that only stores offsets: an empty classic group without a record.
                let mut group = ClassicGroup::new(&req.group_id, now_ms);
                group.current_state_timestamp_ms = None;
                self.groups
                    .insert(req.group_id.clone(), Group::Classic(group));
                Ok(())
            }
            // v9+ says GROUP_ID_NOT_FOUND; older versions keep Kafka's ILLEGAL_GENERATION.
            None if version >= 9 => Err(ErrorCode::GroupIdNotFound),
            None => Err(ErrorCode::IllegalGeneration),
            Some(Group::Classic(g)) => validate_classic_commit(
                g,
                &req.member_id,
                req.group_instance_id.as_deref(),
                generation,
            ),
            Some(Group::Consumer(g)) => {
                if generation < 0 && g.members.is_empty() {
                    return Ok(());
                }
                let member = g
                    .members
                    .get(&req.member_id)
                    .ok_or(ErrorCode::UnknownMemberId)?;
                if generation != member.member_epoch {
                    return Err(if version >= 9 {
                        ErrorCode::StaleMemberEpoch
                    } else {
                        ErrorCode::IllegalGeneration
                    });
                }
                Ok(())
            }
        }
    }

    pub(super) fn apply_offset(
        &mut self,
        group_id: &str,
        topic: &str,
        partition: i32,
        value: &OffsetCommitValue,
    ) {
        let offset = OffsetAndMetadata {
            offset: value.offset,
            leader_epoch: value.leader_epoch,
            metadata: value.metadata.clone(),
            commit_timestamp_ms: value.commit_timestamp,
            expire_timestamp_ms: (value.expire_timestamp >= 0).then_some(value.expire_timestamp),
        };
        self.offsets
            .entry(group_id.to_string())
            .or_default()
            .insert((topic.to_string(), partition), offset);
        let sequence = self.txn_offsets.next_sequence();
        self.txn_offsets.committed_sequence.insert(
            (group_id.to_string(), topic.to_string(), partition),
            sequence,
        );
    }

    pub(super) fn remove_offset(&mut self, group_id: &str, topic: &str, partition: i32) {
        self.txn_offsets.committed_sequence.remove(&(
            group_id.to_string(),
            topic.to_string(),
            partition,
        ));
        if let Some(offsets) = self.offsets.get_mut(group_id) {
            offsets.remove(&(topic.to_string(), partition));
            if offsets.is_empty() {
                self.offsets.remove(group_id);
            }
        }
    }

    /// OffsetFetch, every version: v0-v7 ask for one group, v8+ for several.
    pub fn offset_fetch(
        &self,
        ctx: &RequestContext,
        req: &OffsetFetchRequest,
    ) -> OffsetFetchResponse {
        if ctx.api_version >= 8 {
            let groups = req
                .groups
                .iter()
                .map(|g| {
                    let topics = g.topics.as_ref().map(|ts| {
                        ts.iter()
                            .map(|t| (t.name.clone(), t.partition_indexes.clone()))
                            .collect::<Vec<_>>()
                    });
                    let result = self.fetch_group(
                        &g.group_id,
                        topics,
                        g.member_id.as_deref(),
                        g.member_epoch,
                        req.require_stable,
                    );
                    match result {
                        Ok(topics) => OffsetFetchResponseGroup {
                            group_id: g.group_id.clone(),
                            topics: topics
                                .into_iter()
                                .map(|(name, parts)| OffsetFetchResponseTopics {
                                    name,
                                    partitions: parts
                                        .into_iter()
                                        .map(|p| OffsetFetchResponsePartitions {
                                            partition_index: p.partition,
                                            committed_offset: p.offset,
                                            committed_leader_epoch: p.leader_epoch,
                                            metadata: Some(p.metadata),
                                            error_code: code(p.error),
                                            ..Default::default()
                                        })
                                        .collect(),
                                    ..Default::default()
                                })
                                .collect(),
                            error_code: 0,
                            ..Default::default()
                        },
                        Err(e) => OffsetFetchResponseGroup {
                            group_id: g.group_id.clone(),
                            error_code: code(e),
                            ..Default::default()
                        },
                    }
                })
                .collect();
            return OffsetFetchResponse {
                groups,
                ..Default::default()
            };
        }
        let topics = req.topics.as_ref().map(|ts| {
            ts.iter()
                .map(|t| (t.name.clone(), t.partition_indexes.clone()))
                .collect::<Vec<_>>()
        });
        let require_stable = ctx.api_version >= 7 && req.require_stable;
        match self.fetch_group(&req.group_id, topics, None, -1, require_stable) {
            Ok(topics) => OffsetFetchResponse {
                topics: topics
                    .into_iter()
                    .map(|(name, parts)| OffsetFetchResponseTopic {
                        name,
                        partitions: parts
                            .into_iter()
                            .map(|p| OffsetFetchResponsePartition {
                                partition_index: p.partition,
                                committed_offset: p.offset,
                                committed_leader_epoch: p.leader_epoch,
                                metadata: Some(p.metadata),
                                error_code: code(p.error),
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            },
            Err(e) => OffsetFetchResponse {
                error_code: if ctx.api_version >= 2 { code(e) } else { 0 },
                ..Default::default()
            },
        }
    }

    fn fetch_group(
        &self,
        group_id: &str,
        topics: Option<Vec<(String, Vec<i32>)>>,
        member_id: Option<&str>,
        member_epoch: i32,
        require_stable: bool,
    ) -> Result<FetchedTopics, ErrorCode> {
        if !valid_group_id(group_id) {
            return Err(ErrorCode::InvalidGroupId);
        }
        if let (Some(member_id), Some(Group::Consumer(g))) = (member_id, self.groups.get(group_id))
        {
            let member = g.members.get(member_id).ok_or(ErrorCode::UnknownMemberId)?;
            if member.member_epoch != member_epoch {
                return Err(ErrorCode::StaleMemberEpoch);
            }
        }
        let offsets = self.offsets.get(group_id);
        let fetched = |o: Option<&OffsetAndMetadata>, topic: &str, partition: i32| match o {
            // KIP-447: a consumer asking for stable offsets must wait for open transactions.
            _ if require_stable && self.txn_offsets.has_pending(group_id, topic, partition) => {
                FetchedOffset {
                    partition,
                    offset: -1,
                    leader_epoch: -1,
                    metadata: String::new(),
                    error: ErrorCode::UnstableOffsetCommit,
                }
            }
            Some(o) => FetchedOffset {
                partition,
                offset: o.offset,
                leader_epoch: o.leader_epoch,
                metadata: o.metadata.clone(),
                error: ErrorCode::None,
            },
            None => FetchedOffset {
                partition,
                offset: -1,
                leader_epoch: -1,
                metadata: String::new(),
                error: ErrorCode::None,
            },
        };
        Ok(match topics {
            Some(topics) => topics
                .into_iter()
                .map(|(name, parts)| {
                    let parts = parts
                        .into_iter()
                        .map(|p| fetched(offsets.and_then(|o| o.get(&(name.clone(), p))), &name, p))
                        .collect();
                    (name, parts)
                })
                .collect(),
            None => {
                let mut out: FetchedTopics = Vec::new();
                for ((topic, p), o) in offsets.into_iter().flatten() {
                    match out.last_mut() {
                        Some((name, parts)) if name == topic => {
                            parts.push(fetched(Some(o), topic, *p))
                        }
                        _ => out.push((topic.clone(), vec![fetched(Some(o), topic, *p)])),
                    }
                }
                out
            }
        })
    }

    /// OffsetDelete: removes committed offsets of topics the group no longer reads.
    pub fn offset_delete(
        &mut self,
        ctx: &RequestContext,
        req: &OffsetDeleteRequest,
        _now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        let parked = Parked {
            request_id: ctx.request_id,
            api_version: ctx.api_version,
        };
        let response = match self.subscribed_topics_for_delete(&req.group_id) {
            Err(e) => OffsetDeleteResponse {
                error_code: code(e),
                ..Default::default()
            },
            Ok(subscribed) => {
                let mut topics = Vec::new();
                for t in &req.topics {
                    let blocked = subscribed.contains(&t.name);
                    let mut partitions = Vec::new();
                    for p in &t.partitions {
                        let error = if blocked {
                            ErrorCode::GroupSubscribedToTopic
                        } else {
                            let exists = self.offsets.get(&req.group_id).is_some_and(|o| {
                                o.contains_key(&(t.name.clone(), p.partition_index))
                            });
                            if exists {
                                self.remove_offset(&req.group_id, &t.name, p.partition_index);
                                let key = offset_key(&req.group_id, &t.name, p.partition_index);
                                self.push_record(
                                    &mut fx,
                                    CoordinatorRecord::OffsetCommit(key, None),
                                );
                            }
                            ErrorCode::None
                        };
                        partitions.push(OffsetDeleteResponsePartition {
                            partition_index: p.partition_index,
                            error_code: code(error),
                        });
                    }
                    topics.push(OffsetDeleteResponseTopic {
                        name: t.name.clone(),
                        partitions,
                    });
                }
                OffsetDeleteResponse {
                    topics,
                    ..Default::default()
                }
            }
        };
        fx.responses_after_persist
            .push(reply(parked, Response::OffsetDelete(response)));
        self.finish(fx)
    }

    /// The topics whose offsets OffsetDelete must keep, or the group-level error.
    fn subscribed_topics_for_delete(&self, group_id: &str) -> Result<BTreeSet<String>, ErrorCode> {
        if !valid_group_id(group_id) {
            return Err(ErrorCode::InvalidGroupId);
        }
        match self.groups.get(group_id) {
            None => Err(ErrorCode::GroupIdNotFound),
            Some(Group::Classic(g)) => {
                if g.is_in(State::Dead) {
                    return Err(ErrorCode::GroupIdNotFound);
                }
                if g.is_in(State::Empty) {
                    return Ok(BTreeSet::new());
                }
                if g.protocol_type.as_deref() != Some(crate::CONSUMER_PROTOCOL_TYPE) {
                    return Err(ErrorCode::NonEmptyGroup);
                }
                Ok(g.subscribed_topics().unwrap_or_default())
            }
            Some(Group::Consumer(g)) => Ok(g.subscribed_topic_names()),
        }
    }

    /// Deletes offsets past retention: for an empty classic group counted from when it became
    /// empty, otherwise from the commit, and never for topics a live group still reads. A
    /// group left empty without offsets is deleted too.
    pub(super) fn expire_offsets(&mut self, now_ms: i64, fx: &mut Effects) {
        let retention = self.config.offsets_retention_ms;
        let mut expired: Vec<(String, String, i32)> = Vec::new();
        for (group_id, offsets) in &self.offsets {
            let rule = self.expiration_rule(group_id);
            let Some((base_state_ms, protected)) = rule else {
                continue;
            };
            for ((topic, partition), o) in offsets {
                if protected.contains(topic) {
                    continue;
                }
                let is_expired = match o.expire_timestamp_ms {
                    Some(at) => now_ms >= at,
                    None => {
                        let base = base_state_ms.unwrap_or(o.commit_timestamp_ms);
                        now_ms.saturating_sub(base) >= retention
                    }
                };
                if is_expired {
                    expired.push((group_id.clone(), topic.clone(), *partition));
                }
            }
        }
        let mut touched = BTreeSet::new();
        for (group_id, topic, partition) in expired {
            self.remove_offset(&group_id, &topic, partition);
            let key = offset_key(&group_id, &topic, partition);
            self.push_record(fx, CoordinatorRecord::OffsetCommit(key, None));
            touched.insert(group_id);
        }
        for group_id in touched {
            self.maybe_delete_group(&group_id, fx);
        }
        let at = now_ms.saturating_add(self.config.offsets_retention_check_interval_ms);
        self.timers
            .schedule(crate::effects::TimerKind::OffsetExpiration, at);
    }

    /// How a group's offsets expire: the base timestamp (the state change of an empty classic
    /// group, else each commit's own) and the topics that must not expire; `None` = never.
    fn expiration_rule(&self, group_id: &str) -> Option<(Option<i64>, BTreeSet<String>)> {
        match self.groups.get(group_id) {
            None => Some((None, BTreeSet::new())),
            Some(Group::Classic(g)) => match &g.protocol_type {
                None => Some((None, BTreeSet::new())),
                Some(_) if g.is_in(State::Empty) => {
                    Some((g.current_state_timestamp_ms, BTreeSet::new()))
                }
                Some(_) if g.is_in(State::Stable) => {
                    g.subscribed_topics().map(|topics| (None, topics))
                }
                Some(_) => None,
            },
            Some(Group::Consumer(g)) => Some((None, g.subscribed_topic_names())),
        }
    }

    /// Deletes an empty group that has no offsets left.
    fn maybe_delete_group(&mut self, group_id: &str, fx: &mut Effects) {
        // A group with offsets pending in an open transaction stays, as in Kafka.
        if self.offsets.contains_key(group_id)
            || self.txn_offsets.open_by_group.contains_key(group_id)
        {
            return;
        }
        match self.groups.get(group_id) {
            Some(Group::Classic(g)) if g.is_in(State::Empty) => {
                self.groups.remove(group_id);
                let key = GroupMetadataKey {
                    group: group_id.to_string(),
                };
                self.push_record(fx, CoordinatorRecord::GroupMetadata(key, None));
            }
            Some(Group::Consumer(g)) if g.members.is_empty() => {
                self.delete_consumer_group_records(group_id, fx);
                self.groups.remove(group_id);
            }
            _ => {}
        }
    }
}
