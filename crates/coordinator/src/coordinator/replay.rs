//! Loading: the broker reads each owned `__consumer_offsets` partition from its log start and
//! hands every record to [`GroupCoordinator::replay`]; [`GroupCoordinator::complete_load`]
//! then arms the session timers of the members it found, as Kafka does after loading.

use bytes::Bytes;

use strom_protocol::ErrorCode;
use strom_protocol::generated::{JoinGroupResponse, SyncGroupResponse};

use super::{Group, GroupCoordinator, consumer_ops, reply};
use crate::classic::ClassicGroup;
use crate::consumer::MemberState;
use crate::effects::TimerKind;
use crate::effects::{Effects, Response};
use crate::error::CoordinatorError;
use crate::record::{CoordinatorRecord, decode_record};

/// What became of one replayed record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayOutcome {
    Applied,
    /// A record type this coordinator does not handle (share groups, transactions).
    Skipped,
}

impl GroupCoordinator {
    /// Applies one record read from `__consumer_offsets` (key and value bytes as stored).
    pub fn replay(
        &mut self,
        key: &Bytes,
        value: Option<&Bytes>,
    ) -> Result<ReplayOutcome, CoordinatorError> {
        self.mix_member_id_state(key);
        self.mix_member_id_state(value.map_or(&[][..], |v| &v[..]));
        match decode_record(key, value) {
            Ok(record) => {
                self.replay_record(&record);
                Ok(ReplayOutcome::Applied)
            }
            Err(CoordinatorError::UnknownRecordType { .. }) => Ok(ReplayOutcome::Skipped),
            Err(e) => Err(e),
        }
    }

    /// Applies one decoded record.
    pub fn replay_record(&mut self, record: &CoordinatorRecord) {
        match record {
            CoordinatorRecord::OffsetCommit(k, value) => match value {
                Some(v) => {
                    if !self.groups.contains_key(&k.group) {
                        let mut group = ClassicGroup::new(&k.group, 0);
                        group.current_state_timestamp_ms = None;
                        self.groups.insert(k.group.clone(), Group::Classic(group));
                    }
                    self.apply_offset(&k.group, &k.topic, k.partition, v);
                }
                None => self.remove_offset(&k.group, &k.topic, k.partition),
            },
            CoordinatorRecord::GroupMetadata(k, value) => match value {
                Some(v) => {
                    let group = ClassicGroup::from_record_value(&k.group, v);
                    self.groups.insert(k.group.clone(), Group::Classic(group));
                }
                None => {
                    if matches!(self.groups.get(&k.group), Some(Group::Classic(_))) {
                        self.groups.remove(&k.group);
                    }
                }
            },
            other => consumer_ops::replay_consumer_record(&mut self.groups, other),
        }
    }

    /// Arms what a loaded coordinator needs: member sessions and the offset expiry check.
    pub fn complete_load(&mut self, now_ms: i64) {
        self.arm_loaded(None, now_ms);
    }

    /// As [`GroupCoordinator::complete_load`], for the groups of one partition only (a
    /// partition loaded after the others, or reloaded after a failed append).
    pub fn complete_load_partition(&mut self, partition: i32, now_ms: i64) {
        self.arm_loaded(Some(partition), now_ms);
    }

    /// Forgets every group and offset of `partition` (leadership moved, or the broker is
    /// about to reload it). Requests parked in those groups are answered `NOT_COORDINATOR`,
    /// so their clients look for the coordinator again.
    pub fn unload_partition(&mut self, partition: i32) -> Effects {
        let mut fx = Effects::default();
        let ids: Vec<String> = self
            .groups
            .keys()
            .filter(|g| self.partition_for(g) == partition)
            .cloned()
            .collect();
        for id in &ids {
            if let Some(Group::Classic(g)) = self.groups.remove(id) {
                for m in g.members.values() {
                    if let Some(parked) = m.awaiting_join {
                        let response = Response::JoinGroup(JoinGroupResponse {
                            error_code: ErrorCode::NotCoordinator as i16,
                            member_id: m.member_id.clone(),
                            generation_id: -1,
                            ..Default::default()
                        });
                        fx.responses_now.push(reply(parked, response));
                    }
                    if let Some(parked) = m.awaiting_sync {
                        let response = Response::SyncGroup(SyncGroupResponse {
                            error_code: ErrorCode::NotCoordinator as i16,
                            ..Default::default()
                        });
                        fx.responses_now.push(reply(parked, response));
                    }
                }
            }
        }
        let offsets: Vec<String> = self
            .offsets
            .keys()
            .filter(|g| self.partition_for(g) == partition)
            .cloned()
            .collect();
        for id in offsets {
            self.offsets.remove(&id);
        }
        let num_partitions = self.config.offsets_topic_num_partitions;
        self.txn_offsets
            .forget(|g| crate::record::partition_for(g, num_partitions) == partition);
        self.timers.retain(|kind| match kind.group_id() {
            Some(g) => self.groups.contains_key(g),
            None => true,
        });
        self.finish(fx)
    }

    fn arm_loaded(&mut self, only: Option<i32>, now_ms: i64) {
        self.mix_member_id_state(&now_ms.to_be_bytes());
        let mut timers = Vec::new();
        for (group_id, group) in &self.groups {
            if only.is_some_and(|p| self.partition_for(group_id) != p) {
                continue;
            }
            match group {
                Group::Classic(g) => {
                    for m in g.members.values() {
                        timers.push((
                            TimerKind::ClassicHeartbeat {
                                group_id: group_id.clone(),
                                member_id: m.member_id.clone(),
                            },
                            now_ms.saturating_add(i64::from(m.session_timeout_ms)),
                        ));
                    }
                }
                Group::Consumer(g) => {
                    let session = i64::from(self.config.consumer_group_session_timeout_ms);
                    for m in g.members.values() {
                        timers.push((
                            TimerKind::ConsumerSession {
                                group_id: group_id.clone(),
                                member_id: m.member_id.clone(),
                            },
                            now_ms.saturating_add(session),
                        ));
                        if m.state == MemberState::UnrevokedPartitions {
                            timers.push((
                                TimerKind::ConsumerRevocation {
                                    group_id: group_id.clone(),
                                    member_id: m.member_id.clone(),
                                },
                                now_ms.saturating_add(i64::from(m.rebalance_timeout_ms.max(0))),
                            ));
                        }
                    }
                }
            }
        }
        for (kind, deadline) in timers {
            self.timers.schedule(kind, deadline);
        }
        self.ensure_offset_expiration_timer(now_ms);
        self.timers.take_armed();
    }
}
