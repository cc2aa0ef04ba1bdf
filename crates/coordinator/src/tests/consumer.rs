//! KIP-848 consumer groups: assignors, reconciliation, epochs, timeouts.

use std::collections::{BTreeMap, BTreeSet};

use strom_protocol::generated::consumer_group_heartbeat_request::TopicPartitions;
use strom_protocol::generated::{
    ConsumerGroupDescribeRequest, ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse,
};
use strom_protocol::{ErrorCode, Uuid};

use super::Harness;
use crate::assignor::{self, Subscriptions};
use crate::consumer::Assignment;
use crate::{Group, Response, TopicInfo};

pub fn topics() -> BTreeMap<String, TopicInfo> {
    let mut t = BTreeMap::new();
    t.insert(
        "a".to_string(),
        TopicInfo {
            topic_id: Uuid::from_u128(1),
            num_partitions: 6,
        },
    );
    t.insert(
        "b".to_string(),
        TopicInfo {
            topic_id: Uuid::from_u128(2),
            num_partitions: 3,
        },
    );
    t
}

/// A KIP-848 client as the coordinator sees it: its id, epoch and owned partitions.
#[derive(Debug, Clone)]
pub struct Client {
    pub member_id: String,
    pub epoch: i32,
    pub owned: Assignment,
    pub topics: Vec<String>,
    pub assignor: Option<String>,
    pub instance: Option<String>,
}

impl Client {
    pub fn new(member_id: &str, topics: &[&str]) -> Self {
        Client {
            member_id: member_id.to_string(),
            epoch: 0,
            owned: Assignment::new(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            assignor: None,
            instance: None,
        }
    }
}

/// One heartbeat of `client`; applies the response as the Java client would.
pub fn heartbeat(
    h: &mut Harness,
    group: &str,
    client: &mut Client,
    lookup: &BTreeMap<String, TopicInfo>,
) -> ConsumerGroupHeartbeatResponse {
    let ctx = h.ctx(1);
    let joining = client.epoch == 0;
    let req = ConsumerGroupHeartbeatRequest {
        group_id: group.to_string(),
        member_id: client.member_id.clone(),
        member_epoch: client.epoch,
        rebalance_timeout_ms: if joining { 60_000 } else { -1 },
        subscribed_topic_names: Some(client.topics.clone()),
        server_assignor: client.assignor.clone(),
        instance_id: client.instance.clone(),
        topic_partitions: Some(
            client
                .owned
                .iter()
                .map(|(t, ps)| TopicPartitions {
                    topic_id: *t,
                    partitions: ps.iter().copied().collect(),
                    ..Default::default()
                })
                .collect(),
        ),
        ..Default::default()
    };
    let fx = h.c.consumer_group_heartbeat(&ctx, &req, lookup, h.now);
    let fx = h.absorb(fx);
    let Some(Response::ConsumerGroupHeartbeat(r)) = fx.replies().next().map(|r| r.response.clone())
    else {
        panic!("no heartbeat response");
    };
    if r.error_code == 0 {
        client.epoch = r.member_epoch;
        if let Some(a) = &r.assignment {
            client.owned = a
                .topic_partitions
                .iter()
                .filter(|t| !t.partitions.is_empty())
                .map(|t| (t.topic_id, t.partitions.iter().copied().collect()))
                .collect();
        }
    }
    r
}

fn flatten(a: &Assignment) -> Vec<(Uuid, i32)> {
    a.iter()
        .flat_map(|(t, ps)| ps.iter().map(move |p| (*t, *p)))
        .collect()
}

/// No partition is owned by two clients at once.
pub fn assert_disjoint(clients: &[Client]) {
    let mut seen = BTreeSet::new();
    for c in clients {
        for tp in flatten(&c.owned) {
            assert!(seen.insert(tp), "{tp:?} owned twice: {clients:?}");
        }
    }
}

fn converge(
    h: &mut Harness,
    group: &str,
    clients: &mut [Client],
    lookup: &BTreeMap<String, TopicInfo>,
) {
    for _ in 0..10 {
        for c in clients.iter_mut() {
            let r = heartbeat(h, group, c, lookup);
            assert_eq!(r.error_code, 0, "{r:?}");
        }
        assert_disjoint(clients);
        h.now += 1_000;
    }
}

#[test]
fn members_converge_to_a_complete_disjoint_assignment() {
    // Three members join one by one; throughout, no partition has two owners, and at the
    // end every partition is owned exactly once, evenly, at the group's assignment epoch.
    let mut h = Harness::new();
    let lookup = topics();
    let mut clients = vec![Client::new("m1", &["a", "b"])];
    converge(&mut h, "g", &mut clients, &lookup);
    assert_eq!(flatten(&clients[0].owned).len(), 9);
    clients.push(Client::new("m2", &["a", "b"]));
    clients.push(Client::new("m3", &["a", "b"]));
    converge(&mut h, "g", &mut clients, &lookup);
    let total: usize = clients.iter().map(|c| flatten(&c.owned).len()).sum();
    assert_eq!(total, 9);
    for c in &clients {
        assert_eq!(flatten(&c.owned).len(), 3);
    }
    let Some(Group::Consumer(g)) = h.c.group("g") else {
        panic!()
    };
    assert_eq!(g.state().name(), "Stable");
    assert!(clients.iter().all(|c| c.epoch == g.assignment_epoch));
}

#[test]
fn a_partition_moves_only_after_its_owner_revokes_it() {
    // The new member does not get a partition while the old owner still holds it; the old
    // owner keeps its epoch until it has revoked.
    let mut h = Harness::new();
    let lookup = topics();
    let mut m1 = Client::new("m1", &["b"]);
    heartbeat(&mut h, "g", &mut m1, &lookup);
    assert_eq!(flatten(&m1.owned).len(), 3);
    let epoch_before = m1.epoch;
    let mut m2 = Client::new("m2", &["b"]);
    let r = heartbeat(&mut h, "g", &mut m2, &lookup);
    assert!(
        flatten(&m2.owned).is_empty(),
        "m1 has not revoked yet: {r:?}"
    );
    // m1 learns it must give one up: its assignment shrinks but its epoch stays.
    let before = m1.owned.clone();
    let r = heartbeat(&mut h, "g", &mut m1, &lookup);
    assert_eq!(r.member_epoch, epoch_before);
    assert!(flatten(&m1.owned).len() < flatten(&before).len());
    // m1 acknowledges (its next heartbeat reports the smaller set) and advances.
    let r = heartbeat(&mut h, "g", &mut m1, &lookup);
    assert!(r.member_epoch > epoch_before);
    heartbeat(&mut h, "g", &mut m2, &lookup);
    assert_eq!(flatten(&m2.owned).len() + flatten(&m1.owned).len(), 3);
    assert_disjoint(&[m1, m2]);
}

#[test]
fn session_timeout_and_leave_release_partitions() {
    // A member that stops heartbeating is fenced after group.consumer.session.timeout.ms; one
    // that leaves (epoch -1) is removed at once; the survivor ends up with everything.
    let mut h = Harness::new();
    let lookup = topics();
    let mut clients = vec![
        Client::new("m1", &["a"]),
        Client::new("m2", &["a"]),
        Client::new("m3", &["a"]),
    ];
    converge(&mut h, "g", &mut clients, &lookup);
    let mut m3 = clients.pop().unwrap();
    m3.epoch = -1;
    let r = heartbeat(&mut h, "g", &mut m3, &lookup);
    assert_eq!(r.error_code, 0);
    assert_eq!(r.member_epoch, -1);
    let mut m1 = clients.remove(0);
    for _ in 0..10 {
        h.advance(5_000);
        heartbeat(&mut h, "g", &mut m1, &lookup);
    }
    let Some(Group::Consumer(g)) = h.c.group("g") else {
        panic!()
    };
    assert_eq!(g.members.len(), 1, "m2 was fenced");
    assert_eq!(flatten(&m1.owned).len(), 6);
}

#[test]
fn epoch_errors_follow_kip_848() {
    // A heartbeat from the future is FENCED_MEMBER_EPOCH, from an unknown member is
    // UNKNOWN_MEMBER_ID, and an unknown server assignor is UNSUPPORTED_ASSIGNOR.
    let mut h = Harness::new();
    let lookup = topics();
    let mut m1 = Client::new("m1", &["a"]);
    heartbeat(&mut h, "g", &mut m1, &lookup);
    let mut future = m1.clone();
    future.epoch += 5;
    assert_eq!(
        heartbeat(&mut h, "g", &mut future, &lookup).error_code,
        ErrorCode::FencedMemberEpoch as i16
    );
    let mut ghost = Client::new("ghost", &["a"]);
    ghost.epoch = 3;
    assert_eq!(
        heartbeat(&mut h, "g", &mut ghost, &lookup).error_code,
        ErrorCode::UnknownMemberId as i16
    );
    let mut odd = Client::new("m9", &["a"]);
    odd.assignor = Some("sticky-ish".into());
    assert_eq!(
        heartbeat(&mut h, "g", &mut odd, &lookup).error_code,
        ErrorCode::UnsupportedAssignor as i16
    );
    let ctx = h.ctx(0);
    let req = ConsumerGroupDescribeRequest {
        group_ids: vec!["g".into(), "x".into()],
        ..Default::default()
    };
    let r = h.c.consumer_group_describe(&ctx, &req);
    assert_eq!(r.groups[0].members.len(), 1);
    assert_eq!(
        r.groups[0].members[0].assignment.topic_partitions[0].topic_name,
        "a"
    );
    assert_eq!(r.groups[1].error_code, ErrorCode::GroupIdNotFound as i16);
}

#[test]
fn range_assignor_gives_contiguous_ranges() {
    // Range: per topic, members in id order get contiguous ranges, the first ones one extra.
    let a = Uuid::from_u128(1);
    let mut subs = Subscriptions::new();
    subs.insert("m1".into(), [a].into());
    subs.insert("m2".into(), [a].into());
    let parts = BTreeMap::from([(a, 5)]);
    let out = assignor::assign(assignor::RANGE, &subs, &parts, &BTreeMap::new()).unwrap();
    assert_eq!(out["m1"][&a], BTreeSet::from([0, 1, 2]));
    assert_eq!(out["m2"][&a], BTreeSet::from([3, 4]));
}

#[test]
fn uniform_assignor_is_balanced_and_sticky() {
    // Uniform: counts differ by at most one, and adding a member moves only what it needs.
    let a = Uuid::from_u128(1);
    let parts = BTreeMap::from([(a, 12)]);
    let mut subs = Subscriptions::new();
    for m in ["m1", "m2", "m3"] {
        subs.insert(m.into(), [a].into());
    }
    let first = assignor::assign(assignor::UNIFORM, &subs, &parts, &BTreeMap::new()).unwrap();
    assert!(first.values().all(|x| x[&a].len() == 4));
    subs.insert("m4".into(), [a].into());
    let second = assignor::assign(assignor::UNIFORM, &subs, &parts, &first).unwrap();
    assert!(second.values().all(|x| x[&a].len() == 3));
    let moved: usize = ["m1", "m2", "m3"]
        .iter()
        .map(|m| first[*m][&a].difference(&second[*m][&a]).count())
        .sum();
    assert_eq!(moved, 3, "only the new member's share moved");
}

#[test]
fn static_member_restarts_without_rebalance() {
    // A static member that leaves with epoch -2 keeps its partitions; when it comes back
    // under a new member id with the same instance id it gets them back at once, the group
    // epoch does not move, and a second process with that instance id is refused.
    let mut h = Harness::new();
    let lookup = topics();
    let mut s = Client::new("s1", &["a"]);
    s.instance = Some("inst".into());
    let mut d = Client::new("d1", &["a"]);
    let mut clients = vec![s, d.clone()];
    converge(&mut h, "g", &mut clients, &lookup);
    let s = clients[0].clone();
    d = clients[1].clone();
    let Some(Group::Consumer(g)) = h.c.group("g") else {
        panic!()
    };
    let epoch = g.group_epoch;
    let mut leaving = s.clone();
    leaving.epoch = -2;
    assert_eq!(
        heartbeat(&mut h, "g", &mut leaving, &lookup).member_epoch,
        -2
    );
    let mut intruder = Client::new("x1", &["a"]);
    intruder.instance = Some("inst".into());
    let mut restarted = Client::new("s2", &["a"]);
    restarted.instance = Some("inst".into());
    h.now += 5_000;
    let r = heartbeat(&mut h, "g", &mut restarted, &lookup);
    assert_eq!(r.error_code, 0, "{r:?}");
    assert_eq!(restarted.owned, s.owned, "same partitions back");
    assert_eq!(
        heartbeat(&mut h, "g", &mut intruder, &lookup).error_code,
        ErrorCode::UnreleasedInstanceId as i16
    );
    let Some(Group::Consumer(g)) = h.c.group("g") else {
        panic!()
    };
    assert_eq!(g.group_epoch, epoch, "no rebalance");
    assert!(!g.members.contains_key("s1"));
    heartbeat(&mut h, "g", &mut d, &lookup);
    assert_disjoint(&[restarted, d]);
}

#[test]
fn consumer_group_commits_check_member_epoch() {
    // OffsetCommit v9 to a KIP-848 group needs the member's current epoch
    // (STALE_MEMBER_EPOCH otherwise, ILLEGAL_GENERATION before v9, UNKNOWN_MEMBER_ID for a
    // stranger); OffsetFetch v9 with a member id checks the epoch the same way.
    use strom_protocol::generated::OffsetCommitRequest;
    use strom_protocol::generated::OffsetFetchRequest;
    use strom_protocol::generated::offset_commit_request::{
        OffsetCommitRequestPartition, OffsetCommitRequestTopic,
    };
    use strom_protocol::generated::offset_fetch_request::OffsetFetchRequestGroup;
    let mut h = Harness::new();
    let lookup = topics();
    let mut m = Client::new("m1", &["a"]);
    heartbeat(&mut h, "g", &mut m, &lookup);
    let commit = |h: &mut Harness, version: i16, member: &str, epoch: i32| {
        let ctx = h.ctx(version);
        let req = OffsetCommitRequest {
            group_id: "g".into(),
            generation_id_or_member_epoch: epoch,
            member_id: member.into(),
            topics: vec![OffsetCommitRequestTopic {
                name: "a".into(),
                partitions: vec![OffsetCommitRequestPartition {
                    partition_index: 0,
                    committed_offset: 10,
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let fx = h.c.offset_commit(&ctx, &req, h.now);
        let fx = h.absorb(fx);
        match fx.replies().next().map(|r| &r.response) {
            Some(Response::OffsetCommit(r)) => r.topics[0].partitions[0].error_code,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(commit(&mut h, 9, "m1", m.epoch), 0);
    assert_eq!(
        commit(&mut h, 9, "m1", m.epoch + 1),
        ErrorCode::StaleMemberEpoch as i16
    );
    assert_eq!(
        commit(&mut h, 8, "m1", m.epoch + 1),
        ErrorCode::IllegalGeneration as i16
    );
    assert_eq!(
        commit(&mut h, 9, "zz", m.epoch),
        ErrorCode::UnknownMemberId as i16
    );
    let ctx = h.ctx(9);
    let fetch = |member_epoch: i32| OffsetFetchRequest {
        groups: vec![OffsetFetchRequestGroup {
            group_id: "g".into(),
            member_id: Some("m1".into()),
            member_epoch,
            topics: None,
            ..Default::default()
        }],
        ..Default::default()
    };
    let ok = h.c.offset_fetch(&ctx, &fetch(m.epoch));
    assert_eq!(ok.groups[0].topics[0].partitions[0].committed_offset, 10);
    let stale = h.c.offset_fetch(&ctx, &fetch(m.epoch - 1));
    assert_eq!(
        stale.groups[0].error_code,
        ErrorCode::StaleMemberEpoch as i16
    );
}
