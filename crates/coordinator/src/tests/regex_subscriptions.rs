//! KIP-848 regular-expression subscriptions, stepped through the coordinator: patterns resolve
//! against the topics that exist, topic changes re-resolve them and bump the group epoch, and
//! the resolution survives a replay of `__consumer_offsets`.

use std::collections::{BTreeMap, BTreeSet};

use strom_protocol::generated::ConsumerGroupHeartbeatRequest;
use strom_protocol::{ErrorCode, Uuid};

use super::Harness;
use super::consumer::{Client, assert_disjoint, heartbeat};
use crate::{Group, GroupCoordinator, GroupCoordinatorConfig, Response, TopicInfo};

fn lookup(names: &[(&str, u128, i32)]) -> BTreeMap<String, TopicInfo> {
    names
        .iter()
        .map(|(name, id, partitions)| {
            (
                name.to_string(),
                TopicInfo {
                    topic_id: Uuid::from_u128(*id),
                    num_partitions: *partitions,
                },
            )
        })
        .collect()
}

/// A join or heartbeat that subscribes by pattern only.
fn regex_heartbeat(
    h: &mut Harness,
    client: &mut Client,
    regex: &str,
    topics: &BTreeMap<String, TopicInfo>,
) -> strom_protocol::generated::ConsumerGroupHeartbeatResponse {
    let ctx = h.ctx(1);
    let joining = client.epoch == 0;
    let req = ConsumerGroupHeartbeatRequest {
        group_id: "g".to_string(),
        member_id: client.member_id.clone(),
        member_epoch: client.epoch,
        rebalance_timeout_ms: if joining { 60_000 } else { -1 },
        subscribed_topic_names: None,
        subscribed_topic_regex: Some(regex.to_string()),
        topic_partitions: Some(Vec::new()),
        ..Default::default()
    };
    let fx = h.c.consumer_group_heartbeat(&ctx, &req, topics, h.now);
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

fn group_epoch(h: &Harness) -> i32 {
    match h.c.group("g") {
        Some(Group::Consumer(g)) => g.group_epoch,
        other => panic!("not a consumer group: {other:?}"),
    }
}

fn resolved(c: &GroupCoordinator, regex: &str) -> Option<BTreeSet<String>> {
    match c.group("g") {
        Some(Group::Consumer(g)) => g.resolved_regexes.get(regex).cloned(),
        _ => None,
    }
}

fn owned_topics(client: &Client) -> BTreeSet<Uuid> {
    client.owned.keys().copied().collect()
}

#[test]
fn a_pattern_subscribes_to_every_matching_topic_that_exists() {
    // A member that joins with `orders-.*` is assigned the partitions of orders-eu and
    // orders-us, not of payments, and its client-generated member id is kept.
    let mut h = Harness::new();
    let topics = lookup(&[
        ("orders-eu", 1, 2),
        ("orders-us", 2, 2),
        ("payments", 3, 2),
        ("__consumer_offsets", 4, 50),
    ]);
    let mut c = Client::new("client-made-id", &[]);
    let r = regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    assert_eq!(r.error_code, 0, "{r:?}");
    assert_eq!(r.member_id.as_deref(), Some("client-made-id"));
    for _ in 0..3 {
        regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    }
    assert_eq!(
        owned_topics(&c),
        [Uuid::from_u128(1), Uuid::from_u128(2)]
            .into_iter()
            .collect()
    );
    assert_eq!(
        resolved(&h.c, "orders-.*"),
        Some(["orders-eu".to_string(), "orders-us".to_string()].into())
    );
}

#[test]
fn a_pattern_resolves_internal_topics_too() {
    // Kafka's broker does not skip internal topics when it resolves a pattern (franz-go's
    // Test848RegexBrokerResolves checks that a pattern naming __consumer_offsets gets it).
    let mut h = Harness::new();
    let topics = lookup(&[("orders", 1, 1), ("__consumer_offsets", 4, 50)]);
    let mut c = Client::new("m1", &[]);
    let r = regex_heartbeat(&mut h, &mut c, "orders|__consumer_offsets", &topics);
    assert_eq!(r.error_code, 0, "{r:?}");
    assert_eq!(
        resolved(&h.c, "orders|__consumer_offsets"),
        Some(["__consumer_offsets".to_string(), "orders".to_string()].into())
    );
}

#[test]
fn an_invalid_pattern_is_refused_with_invalid_regular_expression() {
    // Kafka answers a pattern RE2 cannot compile with INVALID_REGULAR_EXPRESSION, and the
    // member does not join.
    let mut h = Harness::new();
    let topics = lookup(&[("orders", 1, 1)]);
    let mut c = Client::new("m1", &[]);
    let r = regex_heartbeat(&mut h, &mut c, "orders(", &topics);
    assert_eq!(r.error_code, ErrorCode::InvalidRegularExpression.code());
    assert!(h.c.group("g").is_none_or(|g| match g {
        Group::Consumer(g) => g.members.is_empty(),
        _ => true,
    }));
}

#[test]
fn a_created_topic_that_matches_bumps_the_epoch_and_is_assigned() {
    // on_topics_changed re-resolves the pattern: a new matching topic joins the group's
    // subscription, the group epoch moves, and the member converges onto its partitions;
    // a non-matching topic changes nothing.
    let mut h = Harness::new();
    let mut topics = lookup(&[("orders-eu", 1, 2)]);
    let mut c = Client::new("m1", &[]);
    for _ in 0..3 {
        regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    }
    let before = group_epoch(&h);

    topics.extend(lookup(&[("payments", 3, 2)]));
    let fx = h.c.on_topics_changed(&topics, h.now);
    let fx = h.absorb(fx);
    assert!(fx.records.is_empty(), "{:?}", fx.records);
    assert_eq!(group_epoch(&h), before);

    topics.extend(lookup(&[("orders-us", 2, 3)]));
    let fx = h.c.on_topics_changed(&topics, h.now);
    h.absorb(fx);
    assert_eq!(group_epoch(&h), before + 1);
    for _ in 0..3 {
        regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    }
    assert_eq!(
        owned_topics(&c),
        [Uuid::from_u128(1), Uuid::from_u128(2)]
            .into_iter()
            .collect()
    );
    assert_eq!(c.epoch, group_epoch(&h));
}

#[test]
fn a_deleted_topic_leaves_the_subscription_and_the_assignment() {
    // Deleting a matched topic re-resolves the pattern without it and takes its partitions
    // back from the member.
    let mut h = Harness::new();
    let mut topics = lookup(&[("orders-eu", 1, 2), ("orders-us", 2, 2)]);
    let mut c = Client::new("m1", &[]);
    for _ in 0..3 {
        regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    }
    let before = group_epoch(&h);
    topics.remove("orders-us");
    let fx = h.c.on_topics_changed(&topics, h.now);
    h.absorb(fx);
    assert!(group_epoch(&h) > before);
    assert_eq!(
        resolved(&h.c, "orders-.*"),
        Some(["orders-eu".to_string()].into())
    );
    for _ in 0..3 {
        regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    }
    assert_eq!(owned_topics(&c), [Uuid::from_u128(1)].into_iter().collect());
}

#[test]
fn pattern_and_name_members_share_partitions_without_overlap() {
    // A name subscriber and a pattern subscriber of the same topic split its partitions.
    let mut h = Harness::new();
    let topics = lookup(&[("orders-eu", 1, 4)]);
    let mut by_name = Client::new("named", &["orders-eu"]);
    let mut by_regex = Client::new("regex", &[]);
    for _ in 0..6 {
        heartbeat(&mut h, "g", &mut by_name, &topics);
        regex_heartbeat(&mut h, &mut by_regex, "orders-.*", &topics);
        assert_disjoint(&[by_name.clone(), by_regex.clone()]);
        h.now += 1_000;
    }
    let total: usize = [&by_name, &by_regex]
        .iter()
        .map(|c| c.owned.values().map(BTreeSet::len).sum::<usize>())
        .sum();
    assert_eq!(total, 4);
    assert!(!by_name.owned.is_empty() && !by_regex.owned.is_empty());
}

#[test]
fn resolved_patterns_survive_a_replay_and_are_dropped_when_unused() {
    // The resolution is a record: a coordinator rebuilt from the log knows it. When the last
    // member using the pattern leaves, a tombstone forgets it.
    let mut h = Harness::new();
    let topics = lookup(&[("orders-eu", 1, 2)]);
    let mut c = Client::new("m1", &[]);
    for _ in 0..2 {
        regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    }
    let mut fresh = GroupCoordinator::new(GroupCoordinatorConfig::default());
    for r in &h.log {
        let (key, value) = crate::encode_record(&r.record).expect("encodes");
        fresh.replay(&key, value.as_ref()).expect("replays");
    }
    assert_eq!(
        resolved(&fresh, "orders-.*"),
        Some(["orders-eu".to_string()].into())
    );

    c.epoch = -1;
    regex_heartbeat(&mut h, &mut c, "orders-.*", &topics);
    assert_eq!(resolved(&h.c, "orders-.*"), None);
    let mut fresh = GroupCoordinator::new(GroupCoordinatorConfig::default());
    for r in &h.log {
        fresh.replay_record(&r.record);
    }
    assert_eq!(resolved(&fresh, "orders-.*"), None);
}
