//! Group administration: ListGroups (state and type filters), DescribeGroups, DeleteGroups.

use strom_protocol::ErrorCode;
use strom_protocol::generated::delete_groups_response::DeletableGroupResult;
use strom_protocol::generated::describe_groups_response::{DescribedGroup, DescribedGroupMember};
use strom_protocol::generated::list_groups_response::ListedGroup;
use strom_protocol::generated::{
    DeleteGroupsRequest, DeleteGroupsResponse, DescribeGroupsRequest, DescribeGroupsResponse,
    GroupMetadataKey, ListGroupsRequest, ListGroupsResponse, OffsetCommitKey,
};

use super::{Group, GroupCoordinator, code, reply, valid_group_id};
use crate::classic::{ClassicGroupState as State, Parked};
use crate::effects::{Effects, RequestContext, Response};
use crate::record::CoordinatorRecord;

/// DescribeGroups' "authorized operations not requested" value.
const AUTHORIZED_OPERATIONS_OMITTED: i32 = i32::MIN;

impl GroupCoordinator {
    /// ListGroups; filters compare case-insensitively, as Kafka's do.
    pub fn list_groups(&self, ctx: &RequestContext, req: &ListGroupsRequest) -> ListGroupsResponse {
        let states: Vec<String> = req.states_filter.iter().map(|s| s.to_lowercase()).collect();
        let types: Vec<String> = req.types_filter.iter().map(|s| s.to_lowercase()).collect();
        let groups = self
            .groups
            .iter()
            .filter(|(_, g)| {
                let state_ok = states.is_empty() || states.contains(&g.state_name().to_lowercase());
                let type_ok = types.is_empty() || types.contains(&g.group_type().to_string());
                state_ok && type_ok && !matches!(g, Group::Classic(c) if c.is_in(State::Dead))
            })
            .map(|(id, g)| ListedGroup {
                group_id: id.clone(),
                protocol_type: g.protocol_type(),
                group_state: if ctx.api_version >= 4 {
                    g.state_name().to_string()
                } else {
                    String::new()
                },
                group_type: if ctx.api_version >= 5 {
                    g.group_type().to_string()
                } else {
                    String::new()
                },
                ..Default::default()
            })
            .collect();
        ListGroupsResponse {
            groups,
            ..Default::default()
        }
    }

    /// DescribeGroups for classic groups; an unknown group is described as `Dead`.
    pub fn describe_groups(
        &self,
        ctx: &RequestContext,
        req: &DescribeGroupsRequest,
    ) -> DescribeGroupsResponse {
        let authorized_operations = if ctx.api_version >= 3 && req.include_authorized_operations {
            0
        } else {
            AUTHORIZED_OPERATIONS_OMITTED
        };
        let groups = req
            .groups
            .iter()
            .map(|group_id| {
                let mut described = DescribedGroup {
                    group_id: group_id.clone(),
                    group_state: State::Dead.name().to_string(),
                    authorized_operations,
                    ..Default::default()
                };
                if !valid_group_id(group_id) {
                    described.error_code = code(ErrorCode::InvalidGroupId);
                    return described;
                }
                // v6 (KIP-1043) reports a group that does not exist, or is not a classic group,
                // as GROUP_ID_NOT_FOUND; older versions describe it as Dead without an error.
                let missing = match self.groups.get(group_id) {
                    None => Some(format!("Group {group_id} not found.")),
                    Some(Group::Classic(g)) if g.is_in(State::Dead) => {
                        Some(format!("Group {group_id} not found."))
                    }
                    Some(Group::Classic(_)) => None,
                    Some(_) => Some(format!("Group {group_id} is not a classic group.")),
                };
                if let Some(message) = missing {
                    if ctx.api_version >= 6 {
                        described.error_code = code(ErrorCode::GroupIdNotFound);
                        described.error_message = Some(message);
                    }
                    return described;
                }
                if let Some(Group::Classic(g)) = self.groups.get(group_id) {
                    let stable = g.is_in(State::Stable);
                    let protocol = g.protocol_name.clone().unwrap_or_default();
                    described.group_state = g.state.name().to_string();
                    described.protocol_type = g.protocol_type.clone().unwrap_or_default();
                    described.protocol_data = if stable {
                        protocol.clone()
                    } else {
                        String::new()
                    };
                    described.members = g
                        .members
                        .values()
                        .map(|m| DescribedGroupMember {
                            member_id: m.member_id.clone(),
                            group_instance_id: m.group_instance_id.clone(),
                            client_id: m.client_id.clone(),
                            client_host: m.client_host.clone(),
                            member_metadata: if stable {
                                m.metadata(&protocol).cloned().unwrap_or_default()
                            } else {
                                Default::default()
                            },
                            member_assignment: if stable {
                                m.assignment.clone()
                            } else {
                                Default::default()
                            },
                            ..Default::default()
                        })
                        .collect();
                }
                described
            })
            .collect();
        DescribeGroupsResponse {
            groups,
            ..Default::default()
        }
    }

    /// DeleteGroups: only empty groups; their offsets and metadata get tombstones.
    pub fn delete_groups(
        &mut self,
        ctx: &RequestContext,
        req: &DeleteGroupsRequest,
        _now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        let parked = Parked {
            request_id: ctx.request_id,
            api_version: ctx.api_version,
        };
        let mut results = Vec::new();
        for group_id in &req.groups_names {
            let error = self.delete_group(group_id, &mut fx);
            results.push(DeletableGroupResult {
                group_id: group_id.clone(),
                error_code: code(error),
                ..Default::default()
            });
        }
        let response = DeleteGroupsResponse {
            results,
            ..Default::default()
        };
        fx.responses_after_persist
            .push(reply(parked, Response::DeleteGroups(response)));
        self.finish(fx)
    }

    fn delete_group(&mut self, group_id: &str, fx: &mut Effects) -> ErrorCode {
        if !valid_group_id(group_id) {
            return ErrorCode::InvalidGroupId;
        }
        match self.groups.get(group_id) {
            None => return ErrorCode::GroupIdNotFound,
            Some(Group::Classic(g)) if g.is_in(State::Dead) => return ErrorCode::GroupIdNotFound,
            Some(Group::Classic(g)) if !g.is_in(State::Empty) => return ErrorCode::NonEmptyGroup,
            Some(Group::Consumer(g)) if !g.members.is_empty() => return ErrorCode::NonEmptyGroup,
            Some(_) => {}
        }
        if let Some(offsets) = self.offsets.remove(group_id) {
            for (topic, partition) in offsets.into_keys() {
                let key = OffsetCommitKey {
                    group: group_id.to_string(),
                    topic,
                    partition,
                };
                self.push_record(fx, CoordinatorRecord::OffsetCommit(key, None));
            }
        }
        match self.groups.remove(group_id) {
            Some(Group::Classic(g)) => {
                for pending in &g.pending_members {
                    self.timers
                        .cancel(&crate::effects::TimerKind::ClassicHeartbeat {
                            group_id: group_id.to_string(),
                            member_id: pending.clone(),
                        });
                }
                let key = GroupMetadataKey {
                    group: group_id.to_string(),
                };
                self.push_record(fx, CoordinatorRecord::GroupMetadata(key, None));
            }
            Some(Group::Consumer(g)) => {
                self.groups.insert(group_id.to_string(), Group::Consumer(g));
                self.delete_consumer_group_records(group_id, fx);
                self.groups.remove(group_id);
            }
            None => {}
        }
        ErrorCode::None
    }
}
