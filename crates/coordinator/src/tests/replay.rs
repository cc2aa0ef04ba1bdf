//! Replaying the emitted records rebuilds the coordinator's durable state.

use proptest::prelude::*;
use strom_protocol::generated::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use strom_protocol::generated::{DeleteGroupsRequest, LeaveGroupRequest, OffsetCommitRequest};

use super::Harness;
use super::consumer::{Client, heartbeat, topics};
use crate::classic::ClassicGroupState as State;
use crate::{Group, GroupCoordinator, GroupCoordinatorConfig, encode_record};

#[derive(Debug, Clone)]
enum Op {
    Join {
        group: u8,
        pick: u8,
        fresh: bool,
        instance: Option<u8>,
    },
    Sync {
        group: u8,
        pick: u8,
    },
    Heartbeat {
        group: u8,
        pick: u8,
    },
    Leave {
        group: u8,
        pick: u8,
    },
    Commit {
        group: u8,
        pick: u8,
        simple: bool,
        partition: u8,
        offset: i64,
    },
    Delete {
        group: u8,
    },
    Consumer {
        client: u8,
    },
    ConsumerLeave {
        client: u8,
    },
    Advance {
        ms: u32,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            0..2u8,
            any::<u8>(),
            any::<bool>(),
            proptest::option::of(0..3u8)
        )
            .prop_map(|(group, pick, fresh, instance)| Op::Join {
                group,
                pick,
                fresh,
                instance
            }),
        (0..2u8, any::<u8>()).prop_map(|(group, pick)| Op::Sync { group, pick }),
        (0..2u8, any::<u8>()).prop_map(|(group, pick)| Op::Heartbeat { group, pick }),
        (0..2u8, any::<u8>()).prop_map(|(group, pick)| Op::Leave { group, pick }),
        (0..3u8, any::<u8>(), any::<bool>(), 0..4u8, 0..1000i64).prop_map(
            |(group, pick, simple, partition, offset)| Op::Commit {
                group,
                pick,
                simple,
                partition,
                offset
            }
        ),
        (0..3u8).prop_map(|group| Op::Delete { group }),
        (0..3u8).prop_map(|client| Op::Consumer { client }),
        (0..3u8).prop_map(|client| Op::ConsumerLeave { client }),
        (0..20_000u32).prop_map(|ms| Op::Advance { ms }),
    ]
}

fn group_name(g: u8) -> String {
    format!("classic-{g}")
}

/// A member id of the group (or a made-up one when it has none).
fn pick_member(h: &Harness, group: &str, pick: u8) -> (String, i32) {
    match h.c.group(group) {
        Some(Group::Classic(g)) if !g.members.is_empty() => {
            let ids: Vec<&String> = g.members.keys().collect();
            (ids[pick as usize % ids.len()].clone(), g.generation_id)
        }
        Some(Group::Classic(g)) => ("nobody".into(), g.generation_id),
        _ => ("nobody".into(), 0),
    }
}

fn run(h: &mut Harness, clients: &mut [Client], op: &Op) {
    let lookup = topics();
    match op {
        Op::Join {
            group,
            pick,
            fresh,
            instance,
        } => {
            let name = group_name(*group);
            let instance = instance.map(|i| format!("instance-{i}"));
            if *fresh || instance.is_some() {
                if instance.is_some() {
                    h.join(&name, "", instance.as_deref());
                } else {
                    h.join_dynamic(&name);
                }
            } else {
                let (m, _) = pick_member(h, &name, *pick);
                let inst = match h.c.group(&name) {
                    Some(Group::Classic(g)) => {
                        g.members.get(&m).and_then(|x| x.group_instance_id.clone())
                    }
                    _ => None,
                };
                h.join(&name, &m, inst.as_deref());
            }
        }
        Op::Sync { group, pick } => {
            let name = group_name(*group);
            let (m, generation) = pick_member(h, &name, *pick);
            let all: Vec<String> = match h.c.group(&name) {
                Some(Group::Classic(g)) => g.members.keys().cloned().collect(),
                _ => Vec::new(),
            };
            let assignments: Vec<(&str, &[u8])> =
                all.iter().map(|x| (x.as_str(), x.as_bytes())).collect();
            h.sync(&name, &m, generation, &assignments);
        }
        Op::Heartbeat { group, pick } => {
            let name = group_name(*group);
            let (m, generation) = pick_member(h, &name, *pick);
            h.heartbeat(&name, &m, generation);
        }
        Op::Leave { group, pick } => {
            let name = group_name(*group);
            let (m, _) = pick_member(h, &name, *pick);
            let ctx = h.ctx(1);
            let req = LeaveGroupRequest {
                group_id: name,
                member_id: m,
                ..Default::default()
            };
            let fx = h.c.leave_group(&ctx, &req, h.now);
            h.absorb(fx);
        }
        Op::Commit {
            group,
            pick,
            simple,
            partition,
            offset,
        } => {
            let name = if *group == 2 {
                "simple".to_string()
            } else {
                group_name(*group)
            };
            let (m, generation) = pick_member(h, &name, *pick);
            let (m, generation) = if *simple {
                (String::new(), -1)
            } else {
                (m, generation)
            };
            let ctx = h.ctx(8);
            let req = OffsetCommitRequest {
                group_id: name,
                generation_id_or_member_epoch: generation,
                member_id: m,
                topics: vec![OffsetCommitRequestTopic {
                    name: "t".into(),
                    partitions: vec![OffsetCommitRequestPartition {
                        partition_index: i32::from(*partition),
                        committed_offset: *offset,
                        ..Default::default()
                    }],
                    ..Default::default()
                }],
                ..Default::default()
            };
            let fx = h.c.offset_commit(&ctx, &req, h.now);
            h.absorb(fx);
        }
        Op::Delete { group } => {
            let name = if *group == 2 {
                "simple".to_string()
            } else {
                group_name(*group)
            };
            let ctx = h.ctx(2);
            let req = DeleteGroupsRequest {
                groups_names: vec![name],
                ..Default::default()
            };
            let fx = h.c.delete_groups(&ctx, &req, h.now);
            h.absorb(fx);
        }
        Op::Consumer { client } => {
            let c = &mut clients[*client as usize];
            let r = heartbeat(h, "consumer-0", c, &lookup);
            if r.error_code != 0 {
                c.epoch = 0;
                c.owned.clear();
            }
        }
        Op::ConsumerLeave { client } => {
            let c = &mut clients[*client as usize];
            let is_static = c.instance.is_some();
            if c.epoch > 0 {
                // The static client restarts: epoch -2, then a new process with a new id.
                c.epoch = if is_static { -2 } else { -1 };
                heartbeat(h, "consumer-0", c, &lookup);
            }
            if is_static {
                c.member_id = format!("k1-{}", h.now);
            }
            c.epoch = 0;
            c.owned.clear();
        }
        Op::Advance { ms } => {
            h.advance(i64::from(*ms));
        }
    }
}

/// No partition has two owners, neither in the coordinator's view (assigned plus pending
/// revocation) nor among clients it still counts as members (a fenced client is a zombie
/// whose partitions were taken away; Kafka relies on its own session timeout there).
fn assert_live_clients_disjoint(h: &Harness, clients: &[Client]) {
    let Some(Group::Consumer(g)) = h.c.group("consumer-0") else {
        return;
    };
    let mut seen = std::collections::BTreeSet::new();
    for m in g.members.values() {
        for (t, ps) in m.assigned.iter().chain(m.pending_revocation.iter()) {
            for p in ps {
                assert!(seen.insert((*t, *p)), "coordinator gave {t:?}/{p} twice");
            }
        }
    }
    let live: Vec<Client> = clients
        .iter()
        .filter(|c| {
            g.members
                .get(&c.member_id)
                .is_some_and(|m| m.member_epoch >= c.epoch)
        })
        .cloned()
        .collect();
    super::consumer::assert_disjoint(&live);
}

/// Replays `h`'s log, as bytes, into a fresh coordinator and compares durable state.
fn check_replay(h: &Harness) {
    let mut fresh = GroupCoordinator::new(GroupCoordinatorConfig::default());
    for r in &h.log {
        let (key, value) = encode_record(&r.record).expect("every record encodes");
        assert_eq!(r.partition, fresh.partition_for(r.record.group_id()));
        fresh
            .replay(&key, value.as_ref())
            .expect("every record replays");
    }
    assert_eq!(fresh.all_offsets(), h.c.all_offsets(), "offsets");
    for (id, live) in h.c.groups() {
        match live {
            Group::Classic(g) => {
                let settled =
                    g.is_in(State::Stable) || (g.is_in(State::Empty) && g.generation_id > 0);
                if !settled {
                    continue;
                }
                let Some(Group::Classic(r)) = fresh.group(id) else {
                    panic!("classic group {id} missing after replay");
                };
                assert_eq!(r.to_record_value(), g.to_record_value(), "group {id}");
                assert_eq!(r.state, g.state, "group {id}");
            }
            Group::Consumer(g) => {
                let Some(Group::Consumer(r)) = fresh.group(id) else {
                    panic!("consumer group {id} missing after replay");
                };
                assert_eq!(r, g, "consumer group {id}");
            }
        }
    }
    for (id, _) in fresh.groups() {
        assert!(h.c.group(id).is_some(), "replay resurrected {id}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn replay_rebuilds_groups_and_offsets(ops in proptest::collection::vec(op(), 1..80)) {
        // Whatever the sequence of requests and timer firings, replaying the records the
        // coordinator emitted rebuilds every committed offset, every settled classic group
        // and every consumer group exactly.
        let mut h = Harness::new();
        let mut static_client = Client::new("k1", &["a", "b"]);
        static_client.instance = Some("instance-k1".into());
        let mut clients = vec![
            static_client,
            Client::new("k2", &["a"]),
            Client::new("k3", &["b"]),
        ];
        for op in &ops {
            run(&mut h, &mut clients, op);
            assert_live_clients_disjoint(&h, &clients);
        }
        check_replay(&h);
    }
}

#[test]
fn complete_load_arms_member_sessions() {
    // After a reload, classic members of a stable group expire if they never heartbeat again.
    let mut h = Harness::new();
    let (m, id) = h.join_dynamic("g");
    h.settle(id);
    let generation = h.join_reply(id).unwrap().generation_id;
    h.sync("g", &m, generation, &[(&m, b"x")]);
    let mut fresh = GroupCoordinator::new(GroupCoordinatorConfig::default());
    for r in &h.log {
        fresh.replay_record(&r.record);
    }
    fresh.complete_load(h.now);
    assert!(fresh.tick(h.now + 9_999).records.is_empty());
    let fx = fresh.tick(h.now + 10_000);
    assert!(fx.replies().next().is_none());
    let Some(Group::Classic(g)) = fresh.group("g") else {
        panic!()
    };
    assert!(g.members.is_empty(), "the member's session expired");
    assert_eq!(g.state, State::Empty);
    assert_eq!(g.generation_id, generation + 1);
    assert_eq!(fx.records.len(), 1, "the emptied group is persisted");
}

#[test]
fn unload_answers_parked_requests_and_reload_restores_the_partition() {
    // Unloading a partition answers its parked joins NOT_COORDINATOR and forgets its groups
    // and timers; replaying the partition's records brings the durable state back.
    let mut h = Harness::new();
    let (m, id) = h.join_dynamic("g");
    h.settle(id);
    let generation = h.join_reply(id).unwrap().generation_id;
    h.sync("g", &m, generation, &[(&m, b"x")]);
    // A newcomer's join waits for the old member to rejoin.
    let (_, rejoin) = h.join_dynamic("g");
    let partition = h.c.partition_for("g");
    let fx = h.c.unload_partition(partition);
    let parked = fx
        .replies()
        .find(|r| r.request_id == rejoin)
        .expect("answered");
    let crate::Response::JoinGroup(r) = &parked.response else {
        panic!()
    };
    assert_eq!(
        r.error_code,
        strom_protocol::ErrorCode::NotCoordinator as i16
    );
    assert!(h.c.group("g").is_none());
    assert_eq!(h.c.armed_timer_count(), 0);
    for r in h.log.iter().filter(|r| r.partition == partition) {
        h.c.replay_record(&r.record);
    }
    h.c.complete_load_partition(partition, h.now);
    assert_eq!(h.classic("g").state, State::Stable);
    assert_eq!(h.classic("g").generation_id, generation);
    assert!(h.c.armed_timer_count() >= 1);
}
