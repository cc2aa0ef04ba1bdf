//! Classic protocol: joins, syncs, heartbeats, leaves, timeouts, static membership.

use strom_protocol::ErrorCode;
use strom_protocol::generated::LeaveGroupRequest;
use strom_protocol::generated::leave_group_request::MemberIdentity;

use super::{Harness, join_response};
use crate::classic::ClassicGroupState as State;
use crate::{GroupCoordinatorConfig, Response, TimerKind};

const NONE: i16 = 0;

/// Builds a Stable group of `n` dynamic members; returns their ids (leader first) and the
/// generation.
fn stable_group(h: &mut Harness, group: &str, n: usize) -> (Vec<String>, i32) {
    let mut members = Vec::new();
    let mut joins = Vec::new();
    for _ in 0..n {
        let (m, id) = h.join_dynamic(group);
        members.push(m);
        joins.push(id);
    }
    h.settle(joins[0]);
    let generation = h
        .join_reply(joins[0])
        .expect("join completes")
        .generation_id;
    let leader = h.classic(group).leader_id.clone().expect("leader");
    members.sort_by_key(|m| m != &leader);
    for m in members.iter().skip(1) {
        h.sync(group, m, generation, &[]);
    }
    let assignments: Vec<(&str, &[u8])> = members
        .iter()
        .map(|m| (m.as_str(), b"a".as_slice()))
        .collect();
    h.sync(group, &members[0], generation, &assignments);
    assert_eq!(h.classic(group).state, State::Stable);
    (members, generation)
}

#[test]
fn member_id_required_flow_then_initial_delay_completes_join() {
    // A v4+ join without a member id gets MEMBER_ID_REQUIRED and an id; the rejoin with that
    // id waits for group.initial.rebalance.delay.ms and then becomes leader of generation 1.
    let mut h = Harness::new();
    let (first, fx) = h.join("g", "", None);
    let r = join_response(&fx, first).unwrap();
    assert_eq!(r.error_code, ErrorCode::MemberIdRequired as i16);
    assert!(r.member_id.starts_with("client-"));
    assert_eq!(h.classic("g").state, State::Empty);

    let (second, fx) = h.join("g", &r.member_id, None);
    assert!(join_response(&fx, second).is_none(), "join is parked");
    assert_eq!(h.classic("g").state, State::PreparingRebalance);
    assert!(h.advance(2_999).replies().next().is_none());
    h.advance(1);
    let done = h
        .join_reply(second)
        .expect("join completes after the delay");
    assert_eq!(done.error_code, NONE);
    assert_eq!(done.generation_id, 1);
    assert_eq!(done.leader, r.member_id);
    assert_eq!(done.protocol_name.as_deref(), Some("range"));
    assert_eq!(done.members.len(), 1, "the leader sees every member");
    assert_eq!(h.classic("g").state, State::CompletingRebalance);
}

#[test]
fn old_versions_join_without_member_id_round_trip() {
    // Before v4 a member without an id is added at once and parked.
    let mut h = Harness::new();
    let (id, fx) = h.join_v("g", "", None, 3, &[("range", b"m")]);
    assert!(join_response(&fx, id).is_none());
    h.advance(3_000);
    let r = h.join_reply(id).unwrap();
    assert_eq!(r.error_code, NONE);
    assert_eq!(r.generation_id, 1);
}

#[test]
fn initial_delay_extends_while_members_keep_arriving() {
    // Each new member during the initial delay pushes completion out by another delay,
    // but never past the rebalance timeout.
    let mut h = Harness::new();
    let (_, a) = h.join_dynamic("g");
    h.advance(2_000);
    let (_, b) = h.join_dynamic("g");
    h.advance(1_000);
    assert!(h.join_reply(a).is_none(), "a new member extended the delay");
    h.advance(3_000);
    assert_eq!(h.join_reply(a).unwrap().generation_id, 1);
    assert_eq!(h.join_reply(b).unwrap().generation_id, 1);
}

#[test]
fn leader_sync_answers_followers_after_persist() {
    // A follower's SyncGroup waits for the leader; the leader's assignment is written as a
    // GroupMetadata record and both are answered only after it is durable.
    let mut h = Harness::new();
    let (a, ja) = h.join_dynamic("g");
    let (b, _) = h.join_dynamic("g");
    h.settle(ja);
    let generation = h.join_reply(ja).unwrap().generation_id;
    let leader = h.classic("g").leader_id.clone().unwrap();
    let follower = if leader == a { b.clone() } else { a.clone() };
    let (fid, fx) = h.sync("g", &follower, generation, &[]);
    assert!(fx.replies().next().is_none(), "follower waits");
    let (lid, fx) = h.sync(
        "g",
        &leader,
        generation,
        &[(&leader, b"L"), (&follower, b"F")],
    );
    assert_eq!(fx.records.len(), 1);
    assert!(fx.responses_now.is_empty());
    assert_eq!(fx.responses_after_persist.len(), 2);
    assert_eq!(h.sync_reply(fid).unwrap().assignment.as_ref(), b"F");
    assert_eq!(h.sync_reply(lid).unwrap().assignment.as_ref(), b"L");
    assert_eq!(h.classic("g").state, State::Stable);
    // A late sync in Stable gets the stored assignment once what was written before is
    // durable: the answer never gets ahead of the log.
    let (again, fx) = h.sync("g", &follower, generation, &[]);
    assert!(fx.records.is_empty());
    assert!(fx.responses_now.is_empty());
    assert_eq!(fx.responses_after_persist.len(), 1);
    assert_eq!(h.sync_reply(again).unwrap().assignment.as_ref(), b"F");
}

#[test]
fn sync_and_heartbeat_error_codes_by_state() {
    // Kafka's codes: unknown member, illegal generation, rebalance in progress, and
    // inconsistent protocol type.
    let mut h = Harness::new();
    let (members, generation) = stable_group(&mut h, "g", 2);
    let m = &members[1];
    assert_eq!(h.heartbeat("g", m, generation), NONE);
    assert_eq!(
        h.heartbeat("g", m, generation + 1),
        ErrorCode::IllegalGeneration as i16
    );
    assert_eq!(
        h.heartbeat("g", "nobody", generation),
        ErrorCode::UnknownMemberId as i16
    );
    assert_eq!(
        h.heartbeat("nogroup", m, generation),
        ErrorCode::UnknownMemberId as i16
    );
    let (bad, _) = h.sync("g", "nobody", generation, &[]);
    assert_eq!(
        h.sync_reply(bad).unwrap().error_code,
        ErrorCode::UnknownMemberId as i16
    );
    // A new member starts a rebalance: heartbeats now say REBALANCE_IN_PROGRESS.
    h.join_dynamic("g");
    assert_eq!(h.classic("g").state, State::PreparingRebalance);
    assert_eq!(
        h.heartbeat("g", m, generation),
        ErrorCode::RebalanceInProgress as i16
    );
    let (sid, _) = h.sync("g", m, generation, &[]);
    assert_eq!(
        h.sync_reply(sid).unwrap().error_code,
        ErrorCode::RebalanceInProgress as i16
    );
}

#[test]
fn existing_members_rejoin_completes_the_join_phase_early() {
    // Once every known member has rejoined, the join phase ends without waiting for the
    // rebalance timeout.
    let mut h = Harness::new();
    let (members, generation) = stable_group(&mut h, "g", 2);
    let (r0, _) = h.join("g", &members[0], None);
    assert_eq!(h.classic("g").state, State::PreparingRebalance);
    let (r1, _) = h.join("g", &members[1], None);
    assert_eq!(h.join_reply(r0).unwrap().generation_id, generation + 1);
    assert_eq!(h.join_reply(r1).unwrap().generation_id, generation + 1);
    assert_eq!(h.classic("g").state, State::CompletingRebalance);
}

#[test]
fn session_timeout_removes_member_and_rebalances() {
    // A member that stops heartbeating is removed after its session timeout and the group
    // rebalances; the survivor's heartbeat keeps it alive.
    let mut h = Harness::new();
    let (members, generation) = stable_group(&mut h, "g", 2);
    for _ in 0..3 {
        h.advance(4_000);
        h.heartbeat("g", &members[0], generation);
    }
    let g = h.classic("g");
    assert_eq!(g.state, State::PreparingRebalance);
    assert!(!g.members.contains_key(&members[1]));
    assert!(g.members.contains_key(&members[0]));
    assert_eq!(
        h.heartbeat("g", &members[0], generation),
        ErrorCode::RebalanceInProgress as i16
    );
}

#[test]
fn rebalance_timeout_drops_members_that_do_not_rejoin() {
    // After the rebalance timeout the join phase completes with whoever rejoined.
    let mut h = Harness::new();
    let (members, generation) = stable_group(&mut h, "g", 2);
    let (r0, _) = h.join("g", &members[0], None);
    // members[1] keeps heartbeating but never rejoins.
    for _ in 0..7 {
        h.advance(4_000);
        h.heartbeat("g", &members[1], generation);
    }
    h.advance(2_000);
    let r = h
        .join_reply(r0)
        .expect("join phase ended at the rebalance timeout");
    assert_eq!(r.generation_id, generation + 1);
    assert_eq!(r.members.len(), 1);
    assert!(!h.classic("g").members.contains_key(&members[1]));
}

#[test]
fn join_during_completing_rebalance_starts_a_new_rebalance() {
    // A new member arriving while the group waits for the leader's sync fails the pending
    // syncs with REBALANCE_IN_PROGRESS and sends everyone back to join.
    let mut h = Harness::new();
    let (a, ja) = h.join_dynamic("g");
    let (b, _) = h.join_dynamic("g");
    h.settle(ja);
    let generation = h.join_reply(ja).unwrap().generation_id;
    let leader = h.classic("g").leader_id.clone().unwrap();
    let follower = if leader == a { b } else { a };
    let (fid, _) = h.sync("g", &follower, generation, &[]);
    let (_, _) = h.join_dynamic("g");
    assert_eq!(h.classic("g").state, State::PreparingRebalance);
    assert_eq!(
        h.sync_reply(fid).unwrap().error_code,
        ErrorCode::RebalanceInProgress as i16
    );
    let (l, _) = h.join("g", &leader, None);
    let (f, _) = h.join("g", &follower, None);
    assert_eq!(h.join_reply(l).unwrap().generation_id, generation + 1);
    assert_eq!(h.join_reply(f).unwrap().generation_id, generation + 1);
    assert_eq!(h.classic("g").members.len(), 3);
}

#[test]
fn members_that_never_sync_are_removed() {
    // If a member does not send SyncGroup within the rebalance timeout it is removed.
    let mut h = Harness::new();
    let (a, ja) = h.join_dynamic("g");
    let (b, _) = h.join_dynamic("g");
    h.settle(ja);
    let generation = h.join_reply(ja).unwrap().generation_id;
    let leader = h.classic("g").leader_id.clone().unwrap();
    let follower = if leader == a { b } else { a };
    h.sync("g", &leader, generation, &[(&leader, b"x")]);
    assert_eq!(h.classic("g").state, State::Stable);
    for _ in 0..8 {
        h.advance(4_000);
        h.heartbeat("g", &leader, generation);
    }
    assert!(!h.classic("g").members.contains_key(&follower));
    assert_eq!(h.classic("g").state, State::PreparingRebalance);
}

#[test]
fn static_member_restart_without_rebalance_fences_old_id() {
    // A static member that rejoins with an unknown member id takes its old place without a
    // rebalance; the old member id is fenced.
    let mut h = Harness::new();
    let (a, ja) = h.join("g", "", Some("i-a"));
    assert!(
        join_response(&ja, a).is_none(),
        "static members skip MEMBER_ID_REQUIRED"
    );
    let (_, _) = h.join("g", "", Some("i-b"));
    h.settle(a);
    let ra = h.join_reply(a).unwrap();
    let generation = ra.generation_id;
    let leader = ra.leader.clone();
    let ids: Vec<String> = h.classic("g").members.keys().cloned().collect();
    let assignments: Vec<(&str, &[u8])> =
        ids.iter().map(|m| (m.as_str(), b"p".as_slice())).collect();
    let follower = ids.iter().find(|m| **m != leader).unwrap().clone();
    h.sync("g", &follower, generation, &[]);
    h.sync("g", &leader, generation, &assignments);
    assert_eq!(h.classic("g").state, State::Stable);

    let b_instance = h.classic("g").members[&follower]
        .group_instance_id
        .clone()
        .unwrap();
    let (rejoin, fx) = h.join("g", "", Some(&b_instance));
    assert_eq!(fx.records.len(), 1, "the new member id is persisted");
    assert!(fx.responses_now.is_empty());
    let r = join_response(&fx, rejoin).unwrap();
    assert_eq!(r.error_code, NONE);
    assert_eq!(r.generation_id, generation, "no rebalance");
    assert_ne!(r.member_id, follower);
    assert_eq!(h.classic("g").state, State::Stable);
    assert_eq!(
        h.heartbeat_static("g", &follower, Some(&b_instance), generation),
        ErrorCode::FencedInstanceId as i16
    );
    assert_eq!(
        h.heartbeat_static("g", &r.member_id, Some(&b_instance), generation),
        NONE
    );
    let (sid, _) = h.sync("g", &r.member_id, generation, &[]);
    assert_eq!(h.sync_reply(sid).unwrap().assignment.as_ref(), b"p");
}

#[test]
fn static_member_with_changed_protocols_triggers_rebalance() {
    // A static member that comes back with different protocols forces a rebalance.
    let mut h = Harness::new();
    let (a, _) = h.join("g", "", Some("i-a"));
    h.advance(3_000);
    let r = h.join_reply(a).unwrap();
    h.sync("g", &r.member_id, r.generation_id, &[(&r.member_id, b"x")]);
    let (again, _) = h.join_v(
        "g",
        "",
        Some("i-a"),
        7,
        &[("roundrobin", b"m"), ("range", b"m")],
    );
    // The only member rejoined, so the join phase completes at once.
    let r2 = h.join_reply(again).unwrap();
    assert_eq!(r2.generation_id, r.generation_id + 1);
    assert_eq!(r2.protocol_name.as_deref(), Some("roundrobin"));
}

#[test]
fn leave_group_batch_by_member_and_instance() {
    // LeaveGroup v3+ removes a batch; unknown and fenced identities get their own codes.
    let mut h = Harness::new();
    let (s, _) = h.join("g", "", Some("i-s"));
    let (d, _) = h.join_dynamic("g");
    h.settle(s);
    let static_id = h.join_reply(s).unwrap().member_id;
    let ctx = h.ctx(3);
    let req = LeaveGroupRequest {
        group_id: "g".to_string(),
        members: vec![
            MemberIdentity {
                member_id: d.clone(),
                ..Default::default()
            },
            MemberIdentity {
                member_id: "wrong".to_string(),
                group_instance_id: Some("i-s".to_string()),
                ..Default::default()
            },
            MemberIdentity {
                member_id: "ghost".to_string(),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let fx = h.c.leave_group(&ctx, &req, h.now);
    let fx = h.absorb(fx);
    let Some(Response::LeaveGroup(r)) = fx.replies().next().map(|r| r.response.clone()) else {
        panic!("no leave response");
    };
    let codes: Vec<i16> = r.members.iter().map(|m| m.error_code).collect();
    assert_eq!(
        codes,
        vec![
            NONE,
            ErrorCode::FencedInstanceId as i16,
            ErrorCode::UnknownMemberId as i16
        ]
    );
    assert!(!h.classic("g").members.contains_key(&d));
    assert!(h.classic("g").members.contains_key(&static_id));
    assert_eq!(h.classic("g").state, State::PreparingRebalance);
}

#[test]
fn last_member_leaving_empties_group_with_a_record() {
    // When the only member leaves, the join phase completes with nobody and the group is
    // Empty at the next generation, persisted.
    let mut h = Harness::new();
    let (members, generation) = stable_group(&mut h, "g", 1);
    let ctx = h.ctx(1);
    let req = LeaveGroupRequest {
        group_id: "g".to_string(),
        member_id: members[0].clone(),
        ..Default::default()
    };
    let fx = h.c.leave_group(&ctx, &req, h.now);
    let fx = h.absorb(fx);
    let Some(Response::LeaveGroup(r)) = fx.replies().next().map(|r| r.response.clone()) else {
        panic!("no leave response");
    };
    assert_eq!(r.error_code, NONE);
    assert_eq!(h.classic("g").state, State::Empty);
    assert_eq!(h.classic("g").generation_id, generation + 1);
    assert_eq!(fx.records.len(), 1);
}

#[test]
fn group_max_size_and_session_bounds_are_enforced() {
    // group.max.size rejects the extra member; session timeouts outside the configured
    // range are INVALID_SESSION_TIMEOUT; protocol type mismatch is INCONSISTENT_GROUP_PROTOCOL.
    let mut h = Harness::with_config(GroupCoordinatorConfig {
        group_max_size: 1,
        ..Default::default()
    });
    h.join_dynamic("g");
    let (id, fx) = h.join_v("g", "", None, 3, &[("range", b"m")]);
    assert_eq!(
        join_response(&fx, id).unwrap().error_code,
        ErrorCode::GroupMaxSizeReached as i16
    );
    let ctx = h.ctx(5);
    let mut req = strom_protocol::generated::JoinGroupRequest {
        group_id: "g2".to_string(),
        session_timeout_ms: 10,
        rebalance_timeout_ms: 10,
        protocol_type: "consumer".to_string(),
        ..Default::default()
    };
    let fx = h.c.join_group(&ctx, &req, h.now);
    assert_eq!(
        join_response(&fx, ctx.request_id).unwrap().error_code,
        ErrorCode::InvalidSessionTimeout as i16
    );
    req.session_timeout_ms = 10_000;
    req.group_id = "g".to_string();
    req.protocol_type = "connect".to_string();
    req.member_id = h.classic("g").members.keys().next().unwrap().clone();
    let fx = h.c.join_group(&ctx, &req, h.now);
    assert_eq!(
        join_response(&fx, ctx.request_id).unwrap().error_code,
        ErrorCode::InconsistentGroupProtocol as i16
    );
}

#[test]
fn pending_member_that_never_rejoins_expires() {
    // An id handed out with MEMBER_ID_REQUIRED is forgotten after the session timeout.
    let mut h = Harness::new();
    let (id, fx) = h.join("g", "", None);
    let member = join_response(&fx, id).unwrap().member_id;
    assert!(h.classic("g").pending_members.contains(&member));
    h.advance(10_000);
    assert!(!h.classic("g").pending_members.contains(&member));
    assert!(
        h.c.timer_deadline_ms(&TimerKind::ClassicHeartbeat {
            group_id: "g".into(),
            member_id: member
        })
        .is_none()
    );
}

#[test]
fn static_leader_rejoin_skips_assignment_at_v9_and_encodes_at_every_version() {
    // A static leader replaced in a stable group is told to skip the assignment (v9+), and
    // its join response still encodes at older versions, where the field does not exist.
    for version in [9i16, 5, 1] {
        let mut h = Harness::new();
        let (a, _) = h.join_v("g", "", Some("i-a"), version, &[("range", b"m")]);
        h.settle(a);
        let r = h.join_reply(a).unwrap();
        h.sync("g", &r.member_id, r.generation_id, &[(&r.member_id, b"x")]);
        let (again, fx) = h.join_v("g", "", Some("i-a"), version, &[("range", b"m")]);
        let r2 = join_response(&fx, again).unwrap();
        assert_eq!(r2.error_code, NONE);
        assert_eq!(r2.generation_id, r.generation_id);
        assert_eq!(r2.leader, r2.member_id, "the replaced member stays leader");
        assert_eq!(r2.skip_assignment, version >= 9);
        assert_eq!(r2.members.len(), 1);
    }
}
