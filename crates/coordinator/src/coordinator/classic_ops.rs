//! The classic group protocol: JoinGroup, SyncGroup, Heartbeat, LeaveGroup and the timers
//! that end join phases, sync phases and sessions. Error codes follow Kafka's
//! `GroupMetadataManager` state by state.

use bytes::Bytes;
use strom_protocol::ErrorCode;
use strom_protocol::generated::join_group_response::JoinGroupResponseMember;
use strom_protocol::generated::leave_group_request::MemberIdentity;
use strom_protocol::generated::leave_group_response::MemberResponse;
use strom_protocol::generated::{
    GroupMetadataKey, HeartbeatRequest, HeartbeatResponse, JoinGroupRequest, JoinGroupResponse,
    LeaveGroupRequest, LeaveGroupResponse, SyncGroupRequest, SyncGroupResponse,
};

use super::{Group, GroupCoordinator, code, fits_record_string, reply, valid_group_id};
use crate::classic::{ClassicGroup, ClassicGroupState as State, ClassicMember, Parked};
use crate::effects::{Effects, RequestContext, Response, TimerKind};
use crate::record::CoordinatorRecord;

/// What a JoinGroup asks for, with the version-dependent defaults applied.
struct JoinParams {
    member_id: String,
    group_instance_id: Option<String>,
    client_id: String,
    client_host: String,
    session_timeout_ms: i32,
    rebalance_timeout_ms: i32,
    protocol_type: String,
    protocols: Vec<(String, Bytes)>,
    parked: Parked,
    /// Whether the version requires a known member id first (v4+).
    require_known_member_id: bool,
}

fn join_error(member_id: &str, error: ErrorCode) -> Response {
    Response::JoinGroup(JoinGroupResponse {
        error_code: code(error),
        member_id: member_id.to_string(),
        generation_id: -1,
        ..Default::default()
    })
}

fn sync_error(error: ErrorCode) -> Response {
    Response::SyncGroup(SyncGroupResponse {
        error_code: code(error),
        ..Default::default()
    })
}

fn heartbeat_key(group_id: &str, member_id: &str) -> TimerKind {
    TimerKind::ClassicHeartbeat {
        group_id: group_id.to_string(),
        member_id: member_id.to_string(),
    }
}

/// Kafka's `validateMember`: the member id must be in the group, and a static member's
/// instance id must map to exactly that member id.
fn validate_member(
    group: &ClassicGroup,
    member_id: &str,
    instance_id: Option<&str>,
) -> Result<(), ErrorCode> {
    match instance_id {
        Some(instance) => match group.static_member_id(instance) {
            None => Err(ErrorCode::UnknownMemberId),
            Some(existing) if existing != member_id => Err(ErrorCode::FencedInstanceId),
            Some(_) => Ok(()),
        },
        None if group.members.contains_key(member_id) => Ok(()),
        None => Err(ErrorCode::UnknownMemberId),
    }
}

/// The join response a member gets for the group's current generation.
fn current_generation_response(
    group: &ClassicGroup,
    member_id: &str,
    skip_assignment: bool,
) -> JoinGroupResponse {
    let is_leader = group.is_leader(member_id);
    let protocol = group.protocol_name.clone().unwrap_or_default();
    let members = if is_leader {
        group
            .members
            .values()
            .map(|m| JoinGroupResponseMember {
                member_id: m.member_id.clone(),
                group_instance_id: m.group_instance_id.clone(),
                metadata: m.metadata(&protocol).cloned().unwrap_or_default(),
                ..Default::default()
            })
            .collect()
    } else {
        Vec::new()
    };
    JoinGroupResponse {
        error_code: 0,
        generation_id: group.generation_id,
        protocol_type: group.protocol_type.clone(),
        protocol_name: group.protocol_name.clone(),
        leader: group.leader_id.clone().unwrap_or_default(),
        skip_assignment: skip_assignment && is_leader,
        member_id: member_id.to_string(),
        members,
        ..Default::default()
    }
}

impl GroupCoordinator {
    /// JoinGroup. The response comes back at once (errors, `MEMBER_ID_REQUIRED`, a member
    /// re-joining a settled generation), after persist (a static member replaced in a stable
    /// group), or later, when the join phase completes.
    pub fn join_group(
        &mut self,
        ctx: &RequestContext,
        request: &JoinGroupRequest,
        now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        self.join_group_inner(ctx, request, now_ms, &mut fx);
        self.finish(fx)
    }

    fn join_group_inner(
        &mut self,
        ctx: &RequestContext,
        req: &JoinGroupRequest,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let version = ctx.api_version;
        let parked = Parked {
            request_id: ctx.request_id,
            api_version: version,
        };
        let respond = |fx: &mut Effects, error: ErrorCode| {
            fx.responses_now
                .push(reply(parked, join_error(&req.member_id, error)));
        };
        if !valid_group_id(&req.group_id) {
            return respond(fx, ErrorCode::InvalidGroupId);
        }
        if req.session_timeout_ms < self.config.group_min_session_timeout_ms
            || req.session_timeout_ms > self.config.group_max_session_timeout_ms
        {
            return respond(fx, ErrorCode::InvalidSessionTimeout);
        }
        let metadata_bytes: usize = req.protocols.iter().map(|p| p.metadata.len()).sum();
        let strings_fit = fits_record_string(&req.member_id)
            && fits_record_string(&req.protocol_type)
            && req
                .group_instance_id
                .as_deref()
                .is_none_or(fits_record_string)
            && req.protocols.iter().all(|p| fits_record_string(&p.name))
            && fits_record_string(&ctx.client_id)
            && fits_record_string(&ctx.client_host);
        if req.protocols.len() > self.config.member_max_protocols
            || metadata_bytes > self.config.member_metadata_max_bytes
            || !strings_fit
        {
            return respond(fx, ErrorCode::InvalidRequest);
        }
        let params = JoinParams {
            member_id: req.member_id.clone(),
            group_instance_id: req.group_instance_id.clone(),
            client_id: ctx.client_id.clone(),
            client_host: ctx.client_host.clone(),
            session_timeout_ms: req.session_timeout_ms,
            // v0 has no rebalance timeout: the session timeout serves both.
            rebalance_timeout_ms: if version == 0 {
                req.session_timeout_ms
            } else {
                req.rebalance_timeout_ms
            },
            protocol_type: req.protocol_type.clone(),
            protocols: req
                .protocols
                .iter()
                .map(|p| (p.name.clone(), p.metadata.clone()))
                .collect(),
            parked,
            require_known_member_id: version >= 4,
        };

        let unknown_member = params.member_id.is_empty();
        match self.groups.get(&req.group_id) {
            Some(Group::Consumer(g)) => {
                if !g.members.is_empty() || !unknown_member {
                    return respond(fx, ErrorCode::InconsistentGroupProtocol);
                }
                // An empty consumer group turns into a classic one.
                self.delete_consumer_group_records(&req.group_id, fx);
                self.groups.insert(
                    req.group_id.clone(),
                    Group::Classic(ClassicGroup::new(&req.group_id, now_ms)),
                );
            }
            Some(Group::Classic(_)) => {}
            None => {
                if !unknown_member {
                    return respond(fx, ErrorCode::UnknownMemberId);
                }
                if !self.can_create_group() {
                    return respond(fx, ErrorCode::CoordinatorNotAvailable);
                }
                self.groups.insert(
                    req.group_id.clone(),
                    Group::Classic(ClassicGroup::new(&req.group_id, now_ms)),
                );
            }
        }
        let max_size = self.config.group_max_size;
        let Some(group) = self.classic_mut(&req.group_id) else {
            return respond(fx, ErrorCode::UnknownServerError);
        };
        if !accept_joining_member(group, &params.member_id, max_size) {
            return respond(fx, ErrorCode::GroupMaxSizeReached);
        }
        let group_id = req.group_id.clone();
        if unknown_member {
            self.join_new_member(&group_id, params, now_ms, fx);
        } else {
            self.join_existing_member(&group_id, params, now_ms, fx);
        }
    }

    fn join_new_member(&mut self, group_id: &str, p: JoinParams, now_ms: i64, fx: &mut Effects) {
        // Clients often share a client id (librdkafka's default): the generated part alone
        // must tell members apart, so an id already in use is never handed out again.
        let new_member_id = loop {
            let id = self.new_member_id(&p.client_id);
            let taken = match self.groups.get(group_id) {
                Some(Group::Classic(g)) => {
                    g.members.contains_key(&id) || g.pending_members.contains(&id)
                }
                _ => false,
            };
            if !taken {
                break id;
            }
        };
        let max_pending = self.config.group_max_pending_members;
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        if group.is_in(State::Dead) {
            let response = join_error(&p.member_id, ErrorCode::CoordinatorNotAvailable);
            return fx.responses_now.push(reply(p.parked, response));
        }
        if !group.supports_protocols(&p.protocol_type, &p.protocols) {
            let response = join_error(&p.member_id, ErrorCode::InconsistentGroupProtocol);
            return fx.responses_now.push(reply(p.parked, response));
        }
        if let Some(instance) = p.group_instance_id.clone() {
            if let Some(old) = group.static_member_id(&instance).map(str::to_string) {
                self.replace_static_member(group_id, &old, new_member_id, p, now_ms, fx);
            } else {
                self.add_member_and_rebalance(group_id, new_member_id, p, now_ms, fx);
            }
        } else if p.require_known_member_id {
            if group.pending_members.len() >= max_pending {
                let response = join_error("", ErrorCode::GroupMaxSizeReached);
                return fx.responses_now.push(reply(p.parked, response));
            }
            group.pending_members.insert(new_member_id.clone());
            let deadline = now_ms.saturating_add(i64::from(p.session_timeout_ms));
            self.timers
                .schedule(heartbeat_key(group_id, &new_member_id), deadline);
            let response = join_error(&new_member_id, ErrorCode::MemberIdRequired);
            fx.responses_now.push(reply(p.parked, response));
        } else {
            self.add_member_and_rebalance(group_id, new_member_id, p, now_ms, fx);
        }
    }

    fn join_existing_member(
        &mut self,
        group_id: &str,
        p: JoinParams,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        let error = |fx: &mut Effects, p: &JoinParams, e: ErrorCode| {
            fx.responses_now
                .push(reply(p.parked, join_error(&p.member_id, e)));
        };
        if group.is_in(State::Dead) {
            return error(fx, &p, ErrorCode::CoordinatorNotAvailable);
        }
        if !group.supports_protocols(&p.protocol_type, &p.protocols) {
            return error(fx, &p, ErrorCode::InconsistentGroupProtocol);
        }
        if group.pending_members.contains(&p.member_id) {
            if p.group_instance_id.is_some() {
                return error(fx, &p, ErrorCode::UnknownMemberId);
            }
            group.pending_members.remove(&p.member_id);
            self.timers.cancel(&heartbeat_key(group_id, &p.member_id));
            let member_id = p.member_id.clone();
            return self.add_member_and_rebalance(group_id, member_id, p, now_ms, fx);
        }
        if let Err(e) = validate_member(group, &p.member_id, p.group_instance_id.as_deref()) {
            return error(fx, &p, e);
        }
        let Some(member) = group.members.get(&p.member_id) else {
            return error(fx, &p, ErrorCode::UnknownMemberId);
        };
        let matches = member.matches(&p.protocols);
        match group.state {
            State::PreparingRebalance => self.update_member_and_rebalance(group_id, p, now_ms, fx),
            State::CompletingRebalance if matches => {
                // The member lost the join response: send it again.
                let response = current_generation_response(group, &p.member_id, false);
                fx.responses_now
                    .push(reply(p.parked, Response::JoinGroup(response)));
            }
            State::CompletingRebalance => self.update_member_and_rebalance(group_id, p, now_ms, fx),
            State::Stable if group.is_leader(&p.member_id) || !matches => {
                // A leader's rejoin or changed metadata forces a rebalance.
                self.update_member_and_rebalance(group_id, p, now_ms, fx)
            }
            State::Stable => {
                let response = current_generation_response(group, &p.member_id, false);
                fx.responses_now
                    .push(reply(p.parked, Response::JoinGroup(response)));
            }
            State::Empty | State::Dead => error(fx, &p, ErrorCode::UnknownMemberId),
        }
    }

    fn add_member_and_rebalance(
        &mut self,
        group_id: &str,
        member_id: String,
        p: JoinParams,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let join_timeout = self.config.group_new_member_join_timeout_ms;
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        group.add_member(ClassicMember {
            member_id: member_id.clone(),
            group_instance_id: p.group_instance_id,
            client_id: p.client_id,
            client_host: p.client_host,
            rebalance_timeout_ms: p.rebalance_timeout_ms,
            session_timeout_ms: p.session_timeout_ms,
            protocol_type: p.protocol_type,
            protocols: p.protocols,
            assignment: Bytes::new(),
            awaiting_join: Some(p.parked),
            awaiting_sync: None,
            is_new: true,
        });
        // Only a rebalance that started from Empty is extended by members arriving during
        // the initial delay.
        if group.is_in(State::PreparingRebalance) && group.previous_state == State::Empty {
            group.new_member_added = true;
        }
        // A new member that never comes back must not hold the rebalance forever.
        let deadline = now_ms.saturating_add(i64::from(join_timeout));
        self.timers
            .schedule(heartbeat_key(group_id, &member_id), deadline);
        self.maybe_prepare_rebalance_or_complete_join(group_id, now_ms, fx);
    }

    fn update_member_and_rebalance(
        &mut self,
        group_id: &str,
        p: JoinParams,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        let Some(member) = group.members.get_mut(&p.member_id) else {
            return;
        };
        if let Some(previous) = member.awaiting_join.replace(p.parked) {
            // A second join from the same member supersedes the first.
            let response = join_error(&p.member_id, ErrorCode::RebalanceInProgress);
            fx.responses_now.push(reply(previous, response));
        }
        member.protocols = p.protocols;
        member.rebalance_timeout_ms = p.rebalance_timeout_ms;
        member.session_timeout_ms = p.session_timeout_ms;
        self.maybe_prepare_rebalance_or_complete_join(group_id, now_ms, fx);
    }

    /// A static member came back with a new member id: it takes over the old member's place
    /// (and assignment), and the old id is fenced.
    fn replace_static_member(
        &mut self,
        group_id: &str,
        old_member_id: &str,
        new_member_id: String,
        p: JoinParams,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        let Some(mut member) = group.members.remove(old_member_id) else {
            return;
        };
        if let Some(parked) = member.awaiting_join.take() {
            let response = join_error(old_member_id, ErrorCode::FencedInstanceId);
            fx.responses_now.push(reply(parked, response));
        }
        if let Some(parked) = member.awaiting_sync.take() {
            fx.responses_now
                .push(reply(parked, sync_error(ErrorCode::FencedInstanceId)));
        }
        if group.is_leader(old_member_id) {
            group.leader_id = Some(new_member_id.clone());
        }
        if group.pending_sync_members.remove(old_member_id) {
            group.pending_sync_members.insert(new_member_id.clone());
        }
        if let Some(instance) = &p.group_instance_id {
            group
                .static_members
                .insert(instance.clone(), new_member_id.clone());
        }
        member.member_id = new_member_id.clone();
        member.protocols = p.protocols;
        member.rebalance_timeout_ms = p.rebalance_timeout_ms;
        member.session_timeout_ms = p.session_timeout_ms;
        member.client_id = p.client_id;
        member.client_host = p.client_host;
        member.awaiting_join = Some(p.parked);
        let session = i64::from(member.session_timeout_ms);
        group.members.insert(new_member_id.clone(), member);
        self.timers.cancel(&heartbeat_key(group_id, old_member_id));
        self.timers.schedule(
            heartbeat_key(group_id, &new_member_id),
            now_ms.saturating_add(session),
        );

        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        match group.state {
            State::Stable => {
                if group.select_protocol() == group.protocol_name {
                    // Same protocols: no rebalance, persist the new member id and answer.
                    let response = current_generation_response(group, &new_member_id, true);
                    if let Some(m) = group.members.get_mut(&new_member_id) {
                        m.awaiting_join = None;
                    }
                    let value = group.to_record_value();
                    let record = CoordinatorRecord::GroupMetadata(
                        GroupMetadataKey {
                            group: group_id.to_string(),
                        },
                        Some(value),
                    );
                    self.push_record(fx, record);
                    fx.responses_after_persist
                        .push(reply(p.parked, Response::JoinGroup(response)));
                } else {
                    self.prepare_rebalance(group_id, now_ms, fx);
                }
            }
            State::CompletingRebalance => self.prepare_rebalance(group_id, now_ms, fx),
            _ => self.maybe_complete_join(group_id, now_ms, fx),
        }
    }

    fn maybe_prepare_rebalance_or_complete_join(
        &mut self,
        group_id: &str,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        match group.state {
            State::Stable | State::CompletingRebalance | State::Empty => {
                self.prepare_rebalance(group_id, now_ms, fx)
            }
            State::PreparingRebalance => self.maybe_complete_join(group_id, now_ms, fx),
            State::Dead => {}
        }
    }

    /// Starts a rebalance: pending syncs are told `REBALANCE_IN_PROGRESS`, and the join
    /// phase timer is armed (the initial delay for a group that was empty).
    fn prepare_rebalance(&mut self, group_id: &str, now_ms: i64, fx: &mut Effects) {
        let initial_delay = i64::from(self.config.group_initial_rebalance_delay_ms);
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        if group.is_in(State::CompletingRebalance) {
            reset_and_propagate_assignment_error(group, ErrorCode::RebalanceInProgress, fx);
        }
        group.pending_sync_members.clear();
        let rebalance_timeout = i64::from(group.rebalance_timeout_ms());
        let initial = group.is_in(State::Empty);
        let deadline = if initial {
            group.initial_delay_running = true;
            group.initial_delay_remaining_ms = (rebalance_timeout - initial_delay).max(0);
            now_ms.saturating_add(initial_delay)
        } else {
            group.initial_delay_running = false;
            now_ms.saturating_add(rebalance_timeout)
        };
        group.transition_to(State::PreparingRebalance, now_ms);
        let id = group_id.to_string();
        self.timers.cancel(&TimerKind::ClassicSync {
            group_id: id.clone(),
        });
        self.timers
            .schedule(TimerKind::ClassicJoin { group_id: id }, deadline);
        if !initial {
            // As Kafka's DelayedJoin, try to complete at once (everyone may be here already).
            self.maybe_complete_join(group_id, now_ms, fx);
        }
    }

    /// Completes the join phase early once every member has rejoined (not for a group coming
    /// from Empty, whose first join waits for the initial delay).
    fn maybe_complete_join(&mut self, group_id: &str, now_ms: i64, fx: &mut Effects) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        if group.is_in(State::PreparingRebalance)
            && group.has_all_members_joined()
            && group.previous_state != State::Empty
        {
            self.complete_join(group_id, now_ms, fx);
        }
    }

    pub(super) fn on_classic_join_timer(&mut self, group_id: &str, now_ms: i64, fx: &mut Effects) {
        let initial_delay = i64::from(self.config.group_initial_rebalance_delay_ms);
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        if !group.is_in(State::PreparingRebalance) {
            return;
        }
        if group.initial_delay_running
            && group.new_member_added
            && group.initial_delay_remaining_ms > 0
        {
            // More members arrived during the delay: wait again, within the rebalance timeout.
            group.new_member_added = false;
            let delay = initial_delay.min(group.initial_delay_remaining_ms);
            group.initial_delay_remaining_ms =
                (group.initial_delay_remaining_ms - initial_delay).max(0);
            let kind = TimerKind::ClassicJoin {
                group_id: group_id.to_string(),
            };
            self.timers.schedule(kind, now_ms.saturating_add(delay));
            return;
        }
        self.complete_join(group_id, now_ms, fx);
    }

    /// Ends the join phase: members that did not rejoin are dropped, the generation advances,
    /// the protocol is chosen and every joined member gets its response.
    fn complete_join(&mut self, group_id: &str, now_ms: i64, fx: &mut Effects) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        if !group.is_in(State::PreparingRebalance) {
            return;
        }
        let gone: Vec<String> = group
            .members
            .values()
            .filter(|m| m.awaiting_join.is_none())
            .map(|m| m.member_id.clone())
            .collect();
        for id in &gone {
            group.remove_member(id);
        }
        if let Some(leader) = group.leader_id.clone()
            && !group.members.contains_key(&leader)
        {
            group.leader_id = group.members.keys().next().cloned();
        }
        group.generation_id = group.generation_id.wrapping_add(1);
        group.initial_delay_running = false;
        group.new_member_added = false;
        let rebalance_timeout = i64::from(group.rebalance_timeout_ms());
        let mut heartbeats = Vec::new();
        if group.members.is_empty() {
            group.protocol_name = None;
            group.leader_id = None;
            group.transition_to(State::Empty, now_ms);
            let record = CoordinatorRecord::GroupMetadata(
                GroupMetadataKey {
                    group: group_id.to_string(),
                },
                Some(group.to_record_value()),
            );
            self.push_record(fx, record);
        } else {
            group.protocol_name = group.select_protocol();
            group.transition_to(State::CompletingRebalance, now_ms);
            let responses: Vec<(Parked, JoinGroupResponse)> = group
                .members
                .values()
                .filter_map(|m| {
                    let parked = m.awaiting_join?;
                    Some((
                        parked,
                        current_generation_response(group, &m.member_id, false),
                    ))
                })
                .collect();
            for (parked, response) in responses {
                fx.responses_now
                    .push(reply(parked, Response::JoinGroup(response)));
            }
            for m in group.members.values_mut() {
                m.awaiting_join = None;
                m.is_new = false;
                heartbeats.push((m.member_id.clone(), i64::from(m.session_timeout_ms)));
            }
            group.pending_sync_members = group.members.keys().cloned().collect();
        }
        let has_members = !heartbeats.is_empty();
        let id = group_id.to_string();
        for gone in gone {
            self.timers.cancel(&heartbeat_key(group_id, &gone));
        }
        for (member, session) in heartbeats {
            self.timers.schedule(
                heartbeat_key(group_id, &member),
                now_ms.saturating_add(session),
            );
        }
        self.timers.cancel(&TimerKind::ClassicJoin {
            group_id: id.clone(),
        });
        if has_members {
            self.timers.schedule(
                TimerKind::ClassicSync { group_id: id },
                now_ms.saturating_add(rebalance_timeout),
            );
        }
    }

    /// Members that never sent SyncGroup for the generation are removed.
    pub(super) fn on_classic_sync_timeout(
        &mut self,
        group_id: &str,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        if !(group.is_in(State::CompletingRebalance) || group.is_in(State::Stable)) {
            return;
        }
        let pending: Vec<String> = group.pending_sync_members.iter().cloned().collect();
        for member in pending {
            self.remove_member_and_update_group(group_id, &member, now_ms, fx);
        }
    }

    pub(super) fn on_classic_heartbeat_expired(
        &mut self,
        group_id: &str,
        member_id: &str,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        if group.is_in(State::Dead) {
            return;
        }
        if group.pending_members.remove(member_id) {
            return self.maybe_complete_join(group_id, now_ms, fx);
        }
        let expired = group
            .members
            .get(member_id)
            .is_some_and(|m| !m.has_satisfied_heartbeat());
        if expired {
            self.remove_member_and_update_group(group_id, member_id, now_ms, fx);
        }
    }

    fn remove_member_and_update_group(
        &mut self,
        group_id: &str,
        member_id: &str,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        let Some(member) = group.remove_member(member_id) else {
            return;
        };
        answer_removed_member(&member, fx);
        self.timers.cancel(&heartbeat_key(group_id, member_id));
        self.after_members_removed(group_id, now_ms, fx);
    }

    fn after_members_removed(&mut self, group_id: &str, now_ms: i64, fx: &mut Effects) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        match group.state {
            State::Stable | State::CompletingRebalance => {
                self.prepare_rebalance(group_id, now_ms, fx)
            }
            State::PreparingRebalance => self.maybe_complete_join(group_id, now_ms, fx),
            State::Empty | State::Dead => {}
        }
    }

    /// SyncGroup. Followers wait for the leader; the leader's assignment is persisted and
    /// everyone is answered once it is durable.
    pub fn sync_group(
        &mut self,
        ctx: &RequestContext,
        req: &SyncGroupRequest,
        now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        let parked = Parked {
            request_id: ctx.request_id,
            api_version: ctx.api_version,
        };
        if let Err(e) = self.sync_group_inner(parked, req, now_ms, &mut fx) {
            fx.responses_now.push(reply(parked, sync_error(e)));
        }
        let fx = self.finish(fx);
        // An assignment is handed out only once the record that holds it is durable.
        assert!(
            fx.responses_now.iter().all(|r| !matches!(
                &r.response,
                Response::SyncGroup(s) if s.error_code == 0
            )),
            "group {}: a SyncGroup success answered before its record is durable",
            req.group_id
        );
        fx
    }

    fn sync_group_inner(
        &mut self,
        parked: Parked,
        req: &SyncGroupRequest,
        now_ms: i64,
        fx: &mut Effects,
    ) -> Result<(), ErrorCode> {
        let max_assignment = self.config.member_assignment_max_bytes;
        if !valid_group_id(&req.group_id) {
            return Err(ErrorCode::InvalidGroupId);
        }
        let group_id = req.group_id.as_str();
        let group = self
            .classic_mut(group_id)
            .ok_or(ErrorCode::UnknownMemberId)?;
        if group.is_in(State::Dead) {
            return Err(ErrorCode::CoordinatorNotAvailable);
        }
        validate_member(group, &req.member_id, req.group_instance_id.as_deref())?;
        if req.generation_id != group.generation_id {
            return Err(ErrorCode::IllegalGeneration);
        }
        if let (Some(pt), Some(group_pt)) = (&req.protocol_type, &group.protocol_type)
            && pt != group_pt
        {
            return Err(ErrorCode::InconsistentGroupProtocol);
        }
        if let (Some(pn), Some(group_pn)) = (&req.protocol_name, &group.protocol_name)
            && pn != group_pn
        {
            return Err(ErrorCode::InconsistentGroupProtocol);
        }
        if req
            .assignments
            .iter()
            .any(|a| a.assignment.len() > max_assignment)
        {
            return Err(ErrorCode::InvalidRequest);
        }
        let session = group
            .members
            .get(&req.member_id)
            .map(|m| i64::from(m.session_timeout_ms))
            .unwrap_or(0);
        match group.state {
            State::Empty => return Err(ErrorCode::UnknownMemberId),
            State::PreparingRebalance => return Err(ErrorCode::RebalanceInProgress),
            State::Dead => return Err(ErrorCode::CoordinatorNotAvailable),
            State::Stable => {
                group.pending_sync_members.remove(&req.member_id);
                let assignment = group
                    .members
                    .get(&req.member_id)
                    .map(|m| m.assignment.clone())
                    .unwrap_or_default();
                let response = SyncGroupResponse {
                    protocol_type: group.protocol_type.clone(),
                    protocol_name: group.protocol_name.clone(),
                    assignment,
                    ..Default::default()
                };
                // The group turned Stable when the leader's assignment was decided, before its
                // record is durable (Kafka waits for the commit). Answered after persist, the
                // reply waits for that record, so it never gets ahead of the log: a failover
                // could otherwise reuse this generation with another assignment.
                fx.responses_after_persist
                    .push(reply(parked, Response::SyncGroup(response)));
            }
            State::CompletingRebalance => {
                group.pending_sync_members.remove(&req.member_id);
                if let Some(member) = group.members.get_mut(&req.member_id)
                    && let Some(previous) = member.awaiting_sync.replace(parked)
                {
                    fx.responses_now
                        .push(reply(previous, sync_error(ErrorCode::RebalanceInProgress)));
                }
                if group.is_leader(&req.member_id) {
                    self.complete_sync(group_id, req, now_ms, fx);
                }
            }
        }
        if self
            .classic_mut(group_id)
            .is_some_and(|g| g.pending_sync_members.is_empty())
        {
            self.timers.cancel(&TimerKind::ClassicSync {
                group_id: group_id.to_string(),
            });
        }
        self.timers.schedule(
            heartbeat_key(group_id, &req.member_id),
            now_ms.saturating_add(session),
        );
        Ok(())
    }

    /// The leader's assignment: stored, the group becomes Stable, waiting members answered.
    fn complete_sync(
        &mut self,
        group_id: &str,
        req: &SyncGroupRequest,
        now_ms: i64,
        fx: &mut Effects,
    ) {
        let Some(group) = self.classic_mut(group_id) else {
            return;
        };
        for member in group.members.values_mut() {
            member.assignment = req
                .assignments
                .iter()
                .find(|a| a.member_id == member.member_id)
                .map(|a| a.assignment.clone())
                .unwrap_or_default();
        }
        group.transition_to(State::Stable, now_ms);
        let record = CoordinatorRecord::GroupMetadata(
            GroupMetadataKey {
                group: group_id.to_string(),
            },
            Some(group.to_record_value()),
        );
        let mut sessions = Vec::new();
        for member in group.members.values_mut() {
            if let Some(parked) = member.awaiting_sync.take() {
                let response = SyncGroupResponse {
                    protocol_type: group.protocol_type.clone(),
                    protocol_name: group.protocol_name.clone(),
                    assignment: member.assignment.clone(),
                    ..Default::default()
                };
                fx.responses_after_persist
                    .push(reply(parked, Response::SyncGroup(response)));
                sessions.push((member.member_id.clone(), member.session_timeout_ms));
            }
        }
        self.push_record(fx, record);
        for (member, session) in sessions {
            self.timers.schedule(
                heartbeat_key(group_id, &member),
                now_ms.saturating_add(i64::from(session)),
            );
        }
    }

    /// Heartbeat: keeps a classic member's session alive and tells it when to rejoin.
    pub fn heartbeat(
        &mut self,
        _ctx: &RequestContext,
        req: &HeartbeatRequest,
        now_ms: i64,
    ) -> HeartbeatResponse {
        let error = self
            .heartbeat_inner(req, now_ms)
            .err()
            .unwrap_or(ErrorCode::None);
        HeartbeatResponse {
            error_code: code(error),
            ..Default::default()
        }
    }

    fn heartbeat_inner(&mut self, req: &HeartbeatRequest, now_ms: i64) -> Result<(), ErrorCode> {
        if !valid_group_id(&req.group_id) {
            return Err(ErrorCode::InvalidGroupId);
        }
        let group = self
            .classic_mut(&req.group_id)
            .ok_or(ErrorCode::UnknownMemberId)?;
        if group.is_in(State::Dead) {
            return Err(ErrorCode::CoordinatorNotAvailable);
        }
        validate_member(group, &req.member_id, req.group_instance_id.as_deref())?;
        if req.generation_id != group.generation_id {
            return Err(ErrorCode::IllegalGeneration);
        }
        let state = group.state;
        let session = group
            .members
            .get(&req.member_id)
            .map(|m| i64::from(m.session_timeout_ms))
            .unwrap_or(0);
        match state {
            State::Empty | State::Dead => Err(ErrorCode::UnknownMemberId),
            State::CompletingRebalance | State::Stable | State::PreparingRebalance => {
                self.timers.schedule(
                    heartbeat_key(&req.group_id, &req.member_id),
                    now_ms.saturating_add(session),
                );
                if state == State::PreparingRebalance {
                    Err(ErrorCode::RebalanceInProgress)
                } else {
                    Ok(())
                }
            }
        }
    }

    /// LeaveGroup: one member (v0-v2) or a batch identified by member id or instance id.
    pub fn leave_group(
        &mut self,
        ctx: &RequestContext,
        req: &LeaveGroupRequest,
        now_ms: i64,
    ) -> Effects {
        let mut fx = Effects::default();
        let parked = Parked {
            request_id: ctx.request_id,
            api_version: ctx.api_version,
        };
        let response = self.leave_group_inner(ctx.api_version, req, now_ms, &mut fx);
        fx.responses_now
            .push(reply(parked, Response::LeaveGroup(response)));
        self.finish(fx)
    }

    fn leave_group_inner(
        &mut self,
        version: i16,
        req: &LeaveGroupRequest,
        now_ms: i64,
        fx: &mut Effects,
    ) -> LeaveGroupResponse {
        let identities: Vec<MemberIdentity> = if version >= 3 {
            req.members.clone()
        } else {
            vec![MemberIdentity {
                member_id: req.member_id.clone(),
                ..Default::default()
            }]
        };
        let top = |error: ErrorCode, members: Vec<MemberResponse>| LeaveGroupResponse {
            error_code: code(error),
            members,
            ..Default::default()
        };
        if !valid_group_id(&req.group_id) {
            return top(ErrorCode::InvalidGroupId, Vec::new());
        }
        let group_id = req.group_id.as_str();
        let Some(group) = self.classic_mut(group_id) else {
            // Kafka answers an unknown group with a request-level UNKNOWN_MEMBER_ID.
            return top(ErrorCode::UnknownMemberId, Vec::new());
        };
        if group.is_in(State::Dead) {
            return top(ErrorCode::CoordinatorNotAvailable, Vec::new());
        }
        let mut results = Vec::new();
        let mut removed = Vec::new();
        let mut any_removed = false;
        for identity in &identities {
            let outcome: Result<String, ErrorCode> = match identity.group_instance_id.as_deref() {
                Some(instance) => match group.static_member_id(instance).map(str::to_string) {
                    None => Err(ErrorCode::UnknownMemberId),
                    Some(existing)
                        if !identity.member_id.is_empty() && existing != identity.member_id =>
                    {
                        Err(ErrorCode::FencedInstanceId)
                    }
                    Some(existing) => Ok(existing),
                },
                None if group.pending_members.remove(&identity.member_id) => {
                    any_removed = true;
                    removed.push(identity.member_id.clone());
                    Err(ErrorCode::None)
                }
                None if group.members.contains_key(&identity.member_id) => {
                    Ok(identity.member_id.clone())
                }
                None => Err(ErrorCode::UnknownMemberId),
            };
            match outcome {
                Ok(member_id) => {
                    if let Some(member) = group.remove_member(&member_id) {
                        answer_removed_member(&member, fx);
                    }
                    removed.push(member_id);
                    any_removed = true;
                    results.push(member_result(identity, ErrorCode::None));
                }
                Err(e) => results.push(member_result(identity, e)),
            }
        }
        for member in &removed {
            self.timers.cancel(&heartbeat_key(group_id, member));
        }
        if any_removed {
            self.after_members_removed(group_id, now_ms, fx);
        }
        if version >= 3 {
            top(ErrorCode::None, results)
        } else {
            let error = ErrorCode::from_code(results.first().map_or(0, |r| r.error_code))
                .unwrap_or(ErrorCode::UnknownServerError);
            top(error, Vec::new())
        }
    }
}

fn member_result(identity: &MemberIdentity, error: ErrorCode) -> MemberResponse {
    MemberResponse {
        member_id: identity.member_id.clone(),
        group_instance_id: identity.group_instance_id.clone(),
        error_code: code(error),
        ..Default::default()
    }
}

/// Whether the group has room for `member_id` (Kafka's `acceptJoiningMember`).
fn accept_joining_member(group: &ClassicGroup, member_id: &str, max_size: usize) -> bool {
    match group.state {
        State::Empty | State::Dead => true,
        State::PreparingRebalance => {
            group
                .members
                .get(member_id)
                .is_some_and(|m| m.awaiting_join.is_some())
                || group.num_awaiting_join() < max_size
        }
        State::CompletingRebalance | State::Stable => {
            group.members.contains_key(member_id) || group.members.len() < max_size
        }
    }
}

/// A removed member's parked requests are answered `UNKNOWN_MEMBER_ID`.
fn answer_removed_member(member: &ClassicMember, fx: &mut Effects) {
    if let Some(parked) = member.awaiting_join {
        let response = join_error(&member.member_id, ErrorCode::UnknownMemberId);
        fx.responses_now.push(reply(parked, response));
    }
    if let Some(parked) = member.awaiting_sync {
        fx.responses_now
            .push(reply(parked, sync_error(ErrorCode::UnknownMemberId)));
    }
}

/// Pending syncs get `error`, and assignments are cleared, as a rebalance begins.
fn reset_and_propagate_assignment_error(
    group: &mut ClassicGroup,
    error: ErrorCode,
    fx: &mut Effects,
) {
    for member in group.members.values_mut() {
        if let Some(parked) = member.awaiting_sync.take() {
            fx.responses_now.push(reply(parked, sync_error(error)));
        }
        member.assignment = Bytes::new();
    }
}
