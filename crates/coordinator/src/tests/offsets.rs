//! Offsets: commit checks, fetch, delete, expiry; group administration.

use strom_protocol::ErrorCode;
use strom_protocol::generated::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use strom_protocol::generated::offset_delete_request::{
    OffsetDeleteRequestPartition, OffsetDeleteRequestTopic,
};
use strom_protocol::generated::offset_fetch_request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use strom_protocol::generated::{
    DeleteGroupsRequest, DescribeGroupsRequest, ListGroupsRequest, OffsetCommitRequest,
    OffsetDeleteRequest, OffsetFetchRequest,
};

use super::Harness;
use crate::Response;
use crate::classic::ClassicGroupState as State;
use crate::config::DEFAULT_OFFSETS_RETENTION_MS;

fn commit(
    h: &mut Harness,
    version: i16,
    group: &str,
    generation: i32,
    member: &str,
    offsets: &[(&str, i32, i64)],
) -> Vec<i16> {
    let ctx = h.ctx(version);
    let req = OffsetCommitRequest {
        group_id: group.to_string(),
        generation_id_or_member_epoch: generation,
        member_id: member.to_string(),
        topics: offsets
            .iter()
            .map(|(t, p, o)| OffsetCommitRequestTopic {
                name: t.to_string(),
                partitions: vec![OffsetCommitRequestPartition {
                    partition_index: *p,
                    committed_offset: *o,
                    committed_metadata: Some(format!("meta-{o}")),
                    ..Default::default()
                }],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let fx = h.c.offset_commit(&ctx, &req, h.now);
    let fx = h.absorb(fx);
    match fx.replies().next().map(|r| &r.response) {
        Some(Response::OffsetCommit(r)) => r
            .topics
            .iter()
            .flat_map(|t| t.partitions.iter().map(|p| p.error_code))
            .collect(),
        other => panic!("unexpected {other:?}"),
    }
}

fn fetch_v7(
    h: &mut Harness,
    group: &str,
    topics: Option<&[(&str, i32)]>,
) -> Vec<(String, i32, i64)> {
    let ctx = h.ctx(7);
    let req = OffsetFetchRequest {
        group_id: group.to_string(),
        topics: topics.map(|ts| {
            ts.iter()
                .map(|(t, p)| OffsetFetchRequestTopic {
                    name: t.to_string(),
                    partition_indexes: vec![*p],
                    ..Default::default()
                })
                .collect()
        }),
        ..Default::default()
    };
    let r = h.c.offset_fetch(&ctx, &req);
    r.topics
        .iter()
        .flat_map(|t| {
            t.partitions
                .iter()
                .map(|p| (t.name.clone(), p.partition_index, p.committed_offset))
        })
        .collect()
}

fn stable_single(h: &mut Harness, group: &str) -> (String, i32) {
    let (m, id) = h.join_dynamic(group);
    h.settle(id);
    let generation = h.join_reply(id).unwrap().generation_id;
    h.sync(group, &m, generation, &[(&m, b"a")]);
    (m, generation)
}

#[test]
fn simple_commit_creates_an_offsets_only_group() {
    // Generation -1 with an empty member id commits to an unknown or empty group; the group
    // shows up as Empty with no protocol type and the offsets round-trip with metadata.
    let mut h = Harness::new();
    assert_eq!(commit(&mut h, 8, "s", -1, "", &[("t", 0, 42)]), vec![0]);
    assert_eq!(h.classic("s").state, State::Empty);
    assert_eq!(fetch_v7(&mut h, "s", None), vec![("t".to_string(), 0, 42)]);
    assert_eq!(
        fetch_v7(&mut h, "s", Some(&[("t", 0), ("u", 1)])),
        vec![("t".to_string(), 0, 42), ("u".to_string(), 1, -1)]
    );
    assert_eq!(
        h.c.offsets("s").unwrap()[&("t".to_string(), 0)].metadata,
        "meta-42"
    );
    // A generation-aware commit to an unknown group is refused.
    assert_eq!(
        commit(&mut h, 8, "nobody", 3, "m", &[("t", 0, 1)]),
        vec![ErrorCode::IllegalGeneration as i16]
    );
    assert_eq!(
        commit(&mut h, 9, "nobody", 3, "m", &[("t", 0, 1)]),
        vec![ErrorCode::GroupIdNotFound as i16]
    );
}

#[test]
fn commit_checks_generation_member_and_state() {
    // Kafka's OffsetCommit checks: ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID,
    // REBALANCE_IN_PROGRESS in CompletingRebalance, and simple commits only to empty groups.
    let mut h = Harness::new();
    let (m, generation) = stable_single(&mut h, "g");
    assert_eq!(
        commit(&mut h, 8, "g", generation, &m, &[("t", 0, 5)]),
        vec![0]
    );
    assert_eq!(
        commit(&mut h, 8, "g", generation + 1, &m, &[("t", 0, 6)]),
        vec![ErrorCode::IllegalGeneration as i16]
    );
    assert_eq!(
        commit(&mut h, 8, "g", generation, "ghost", &[("t", 0, 6)]),
        vec![ErrorCode::UnknownMemberId as i16]
    );
    assert_eq!(
        commit(&mut h, 8, "g", -1, "", &[("t", 0, 6)]),
        vec![ErrorCode::UnknownMemberId as i16]
    );
    let too_big = "x".repeat(5_000);
    let ctx = h.ctx(8);
    let req = OffsetCommitRequest {
        group_id: "g".into(),
        generation_id_or_member_epoch: generation,
        member_id: m.clone(),
        topics: vec![OffsetCommitRequestTopic {
            name: "t".into(),
            partitions: vec![OffsetCommitRequestPartition {
                partition_index: 0,
                committed_offset: 1,
                committed_metadata: Some(too_big),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let fx = h.c.offset_commit(&ctx, &req, h.now);
    let Some(Response::OffsetCommit(r)) = fx.replies().next().map(|r| r.response.clone()) else {
        panic!()
    };
    assert_eq!(
        r.topics[0].partitions[0].error_code,
        ErrorCode::OffsetMetadataTooLarge as i16
    );
    // Rejoining moves the group to CompletingRebalance (single member): commits wait.
    h.join("g", &m, None);
    assert_eq!(h.classic("g").state, State::CompletingRebalance);
    assert_eq!(
        commit(&mut h, 8, "g", generation + 1, &m, &[("t", 0, 7)]),
        vec![ErrorCode::RebalanceInProgress as i16]
    );
    assert_eq!(fetch_v7(&mut h, "g", None), vec![("t".to_string(), 0, 5)]);
}

#[test]
fn offset_fetch_multi_group_v8() {
    // OffsetFetch v8 answers several groups at once, unknown groups with -1 offsets.
    let mut h = Harness::new();
    commit(&mut h, 8, "a", -1, "", &[("t", 0, 1)]);
    commit(&mut h, 8, "b", -1, "", &[("t", 0, 2), ("u", 3, 9)]);
    let ctx = h.ctx(8);
    let req = OffsetFetchRequest {
        groups: vec![
            OffsetFetchRequestGroup {
                group_id: "a".into(),
                topics: None,
                ..Default::default()
            },
            OffsetFetchRequestGroup {
                group_id: "b".into(),
                topics: Some(vec![OffsetFetchRequestTopics {
                    name: "u".into(),
                    partition_indexes: vec![3, 4],
                    ..Default::default()
                }]),
                ..Default::default()
            },
            OffsetFetchRequestGroup {
                group_id: "c".into(),
                topics: None,
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let r = h.c.offset_fetch(&ctx, &req);
    use strom_protocol::Message;
    assert!(r.encode_to_bytes(8).is_ok());
    assert_eq!(r.groups.len(), 3);
    assert_eq!(r.groups[0].topics[0].partitions[0].committed_offset, 1);
    let b: Vec<i64> = r.groups[1].topics[0]
        .partitions
        .iter()
        .map(|p| p.committed_offset)
        .collect();
    assert_eq!(b, vec![9, -1]);
    assert!(r.groups[2].topics.is_empty());
}

#[test]
fn offsets_of_empty_groups_expire_after_retention() {
    // offsets.retention.minutes: an empty group's offsets expire a retention period after
    // it became empty (or after the commit for offsets-only groups), then the group goes; a
    // stable group's subscribed topics never expire.
    let mut h = Harness::new();
    commit(&mut h, 8, "simple", -1, "", &[("t", 0, 1)]);
    let (m, generation) = stable_single(&mut h, "live");
    assert_eq!(
        commit(&mut h, 8, "live", generation, &m, &[("t", 0, 5)]),
        vec![0]
    );
    let start = h.now;
    // Keep the live member alive across the whole retention period.
    while h.now < start + DEFAULT_OFFSETS_RETENTION_MS + 700_000 {
        h.now += 5_000;
        h.heartbeat("live", &m, generation);
        let fx = h.c.tick(h.now);
        h.absorb(fx);
    }
    assert!(
        h.c.offsets("simple").is_none(),
        "offsets-only group expired"
    );
    assert!(
        h.c.group("simple").is_none(),
        "and the empty group was deleted"
    );
    // "range" metadata b"m" is not a parsable subscription, so nothing is protected,
    // but the group is Stable with protocol type consumer: Kafka only expires topics it
    // knows are unsubscribed, and unknown subscriptions protect nothing.
    assert!(h.c.group("live").is_some());
    let tombstones = h.log.iter().filter(|r| r.record.is_tombstone()).count();
    assert!(tombstones >= 2);
}

#[test]
fn delete_groups_and_offset_delete_follow_kafka_codes() {
    // DeleteGroups refuses non-empty groups (NON_EMPTY_GROUP) and unknown ones
    // (GROUP_ID_NOT_FOUND); OffsetDelete refuses non-consumer non-empty groups and deletes
    // offsets of empty ones with tombstones.
    let mut h = Harness::new();
    stable_single(&mut h, "busy");
    commit(&mut h, 8, "idle", -1, "", &[("t", 0, 1), ("t", 1, 2)]);
    let ctx = h.ctx(2);
    let req = DeleteGroupsRequest {
        groups_names: vec!["busy".into(), "nope".into()],
        ..Default::default()
    };
    let fx = h.c.delete_groups(&ctx, &req, h.now);
    let Some(Response::DeleteGroups(r)) = fx.replies().next().map(|r| r.response.clone()) else {
        panic!()
    };
    let codes: Vec<i16> = r.results.iter().map(|g| g.error_code).collect();
    assert_eq!(
        codes,
        vec![
            ErrorCode::NonEmptyGroup as i16,
            ErrorCode::GroupIdNotFound as i16
        ]
    );

    let ctx = h.ctx(0);
    let req = OffsetDeleteRequest {
        group_id: "idle".into(),
        topics: vec![OffsetDeleteRequestTopic {
            name: "t".into(),
            partitions: vec![OffsetDeleteRequestPartition { partition_index: 0 }],
        }],
    };
    let fx = h.c.offset_delete(&ctx, &req, h.now);
    assert_eq!(fx.records.len(), 1);
    assert!(fx.records[0].record.is_tombstone());
    assert_eq!(h.c.offsets("idle").unwrap().len(), 1);

    let ctx = h.ctx(2);
    let req = DeleteGroupsRequest {
        groups_names: vec!["idle".into()],
        ..Default::default()
    };
    let fx = h.c.delete_groups(&ctx, &req, h.now);
    assert_eq!(fx.responses_after_persist.len(), 1);
    assert_eq!(
        fx.records.len(),
        2,
        "one offset tombstone, one group tombstone"
    );
    assert!(h.c.group("idle").is_none());
}

#[test]
fn offset_delete_refuses_subscribed_topics() {
    // A classic consumer group keeps the offsets of topics its members subscribe to.
    use bytes::{BufMut, BytesMut};
    use strom_protocol::Message;
    use strom_protocol::generated::ConsumerProtocolSubscription;
    let sub = ConsumerProtocolSubscription {
        topics: vec!["orders".into()],
        ..Default::default()
    };
    let mut meta = BytesMut::new();
    meta.put_i16(1);
    sub.encode_into(&mut meta, 1).unwrap();
    let mut h = Harness::new();
    let (id, fx) = h.join_v("g", "", None, 3, &[("range", &meta)]);
    drop(fx);
    h.settle(id);
    let r = h.join_reply(id).unwrap();
    h.sync("g", &r.member_id, r.generation_id, &[(&r.member_id, b"a")]);
    commit(
        &mut h,
        8,
        "g",
        r.generation_id,
        &r.member_id,
        &[("orders", 0, 1), ("old", 0, 1)],
    );
    let ctx = h.ctx(0);
    let topic = |name: &str| OffsetDeleteRequestTopic {
        name: name.into(),
        partitions: vec![OffsetDeleteRequestPartition { partition_index: 0 }],
    };
    let req = OffsetDeleteRequest {
        group_id: "g".into(),
        topics: vec![topic("orders"), topic("old")],
    };
    let fx = h.c.offset_delete(&ctx, &req, h.now);
    let Some(Response::OffsetDelete(r)) = fx.replies().next().map(|r| r.response.clone()) else {
        panic!()
    };
    assert_eq!(
        r.topics[0].partitions[0].error_code,
        ErrorCode::GroupSubscribedToTopic as i16
    );
    assert_eq!(r.topics[1].partitions[0].error_code, 0);
}

#[test]
fn list_and_describe_groups() {
    // ListGroups filters by state and type (case-insensitively); DescribeGroups shows
    // metadata and assignments only when Stable, and unknown groups as Dead.
    let mut h = Harness::new();
    stable_single(&mut h, "stable");
    commit(&mut h, 8, "empty", -1, "", &[("t", 0, 1)]);
    let ctx = h.ctx(5);
    let all = h.c.list_groups(&ctx, &ListGroupsRequest::default());
    assert_eq!(all.groups.len(), 2);
    let req = ListGroupsRequest {
        states_filter: vec!["stable".into()],
        types_filter: vec!["Classic".into()],
        ..Default::default()
    };
    let r = h.c.list_groups(&ctx, &req);
    assert_eq!(r.groups.len(), 1);
    assert_eq!(r.groups[0].group_id, "stable");
    assert_eq!(r.groups[0].group_type, "classic");
    let ctx = h.ctx(5);
    let req = DescribeGroupsRequest {
        groups: vec!["stable".into(), "missing".into()],
        ..Default::default()
    };
    let r = h.c.describe_groups(&ctx, &req);
    use strom_protocol::Message;
    assert!(r.encode_to_bytes(5).is_ok());
    assert_eq!(r.groups[0].group_state, "Stable");
    assert_eq!(r.groups[0].protocol_data, "range");
    assert_eq!(r.groups[0].members[0].member_assignment.as_ref(), b"a");
    assert_eq!(r.groups[1].group_state, "Dead");
    let ctx0 = h.ctx(0);
    assert!(h.c.describe_groups(&ctx0, &req).encode_to_bytes(0).is_ok());
}

#[test]
fn stable_group_keeps_subscribed_offsets_and_expires_the_rest() {
    // In a Stable consumer-protocol group only offsets of topics nobody subscribes to
    // expire, counted from their commit; an explicit v2-v4 retention time wins.
    use bytes::{BufMut, BytesMut};
    use strom_protocol::Message;
    use strom_protocol::generated::ConsumerProtocolSubscription;
    let sub = ConsumerProtocolSubscription {
        topics: vec!["orders".into()],
        ..Default::default()
    };
    let mut meta = BytesMut::new();
    meta.put_i16(0);
    sub.encode_into(&mut meta, 0).unwrap();
    let mut h = Harness::new();
    let (id, _) = h.join_v("g", "", None, 3, &[("range", &meta)]);
    h.settle(id);
    let r = h.join_reply(id).unwrap();
    let (m, generation) = (r.member_id, r.generation_id);
    h.sync("g", &m, generation, &[(&m, b"a")]);
    commit(
        &mut h,
        8,
        "g",
        generation,
        &m,
        &[("orders", 0, 1), ("old", 0, 1)],
    );
    let ctx = h.ctx(2);
    let req = OffsetCommitRequest {
        group_id: "g".into(),
        generation_id_or_member_epoch: generation,
        member_id: m.clone(),
        retention_time_ms: 60_000,
        topics: vec![OffsetCommitRequestTopic {
            name: "short".into(),
            partitions: vec![OffsetCommitRequestPartition {
                partition_index: 0,
                committed_offset: 3,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let fx = h.c.offset_commit(&ctx, &req, h.now);
    assert_eq!(fx.records.len(), 1);
    h.absorb(fx);
    let start = h.now;
    let mut short_gone_at = None;
    while h.now < start + DEFAULT_OFFSETS_RETENTION_MS + 700_000 {
        h.now += 5_000;
        h.heartbeat("g", &m, generation);
        let fx = h.c.tick(h.now);
        h.absorb(fx);
        let has_short =
            h.c.offsets("g")
                .unwrap()
                .contains_key(&("short".to_string(), 0));
        if !has_short && short_gone_at.is_none() {
            short_gone_at = Some(h.now - start);
        }
    }
    let left: Vec<String> =
        h.c.offsets("g")
            .unwrap()
            .keys()
            .map(|k| k.0.clone())
            .collect();
    assert_eq!(left, vec!["orders".to_string()]);
    let gone = short_gone_at.unwrap();
    assert!(
        gone <= 60_000 + 600_000,
        "explicit retention honoured ({gone} ms)"
    );
}
