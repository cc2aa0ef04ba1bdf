//! Our client's consumer group member and group admin calls work against the real `strom`
//! broker process: two members of one group split a topic's partitions with the `range`
//! assignor, and when one closes (committing and leaving) the other takes every partition;
//! members commit with their generation, an outside commit is refused while the group has
//! members, and an empty group's offsets can be committed, read, deleted and the group
//! deleted. The broker runs with no initial rebalance delay; no timing is asserted.

mod common;

use common::{Broker, start_broker};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};
use strom_client::{
    AutoOffsetReset, Client, ClientConfig, ClientError, Consumer, ConsumerConfig, GroupConfig,
    NewTopic, Producer, ProducerConfig, ProducerRecord,
};

async fn connect(broker: &Broker) -> Arc<Client> {
    Arc::new(
        Client::connect(&broker.addr, ClientConfig::default())
            .await
            .expect("connect"),
    )
}

fn member(client: &Arc<Client>, group: &str, topic: &str) -> Consumer {
    let config = ConsumerConfig {
        max_wait: Duration::from_millis(100),
        ..Default::default()
    };
    let mut consumer = Consumer::new(Arc::clone(client), config);
    let mut group = GroupConfig::new(group);
    // Short heartbeats so a rebalance is noticed quickly; nothing asserts how quickly.
    group.heartbeat_interval = Duration::from_millis(100);
    group.auto_offset_reset = AutoOffsetReset::Earliest;
    consumer
        .subscribe(&[topic.to_string()], group)
        .expect("subscribe");
    consumer
}

/// Polls until `done` holds, failing after a generous deadline instead of hanging.
async fn poll_until(consumer: &mut Consumer, done: impl Fn(&Consumer) -> bool) -> usize {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut records = 0;
    while !done(consumer) {
        assert!(Instant::now() < deadline, "condition never held");
        records += consumer.poll().await.expect("poll").len();
    }
    records
}

async fn produce(client: &Arc<Client>, topic: &str, partitions: i32, each: usize) {
    let producer = Producer::new(Arc::clone(client), ProducerConfig::default())
        .await
        .expect("producer");
    let mut deliveries = Vec::new();
    for p in 0..partitions {
        for n in 0..each {
            let record = ProducerRecord {
                topic: topic.to_string(),
                partition: Some(p),
                value: Some(format!("{p}-{n}").into()),
                ..Default::default()
            };
            deliveries.push(producer.send(record).await.expect("send"));
        }
    }
    producer.flush().await;
    for d in deliveries {
        d.await.expect("delivery").expect("delivered");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_members_split_partitions_and_the_survivor_takes_all() {
    // Range over 4 partitions gives each of two members 2 disjoint partitions; after one
    // closes, the other is assigned all 4 and commits with its generation.
    let broker = start_broker();
    let client = connect(&broker).await;
    client
        .create_topics(&[NewTopic::new("split", 4)])
        .await
        .expect("create");
    produce(&client, "split", 4, 5).await;

    let mut a = member(&client, "pair", "split");
    poll_until(&mut a, |c| c.assignment().len() == 4).await;
    let mut b = member(&client, "pair", "split");
    let has_two = |c: &Consumer| c.assignment().len() == 2;
    tokio::join!(poll_until(&mut a, has_two), poll_until(&mut b, has_two));
    let (pa, pb): (BTreeSet<_>, BTreeSet<_>) = (
        a.assignment().into_iter().collect(),
        b.assignment().into_iter().collect(),
    );
    assert!(pa.is_disjoint(&pb), "{pa:?} and {pb:?} overlap");
    assert_eq!(pa.union(&pb).count(), 4);
    let described = client.describe_group("pair").await.expect("describe");
    assert_eq!(described.members.len(), 2);
    assert_eq!(described.protocol, "range");

    // An outside commit is refused while the group has members.
    let outside = client
        .commit_group_offsets("pair", &[("split".into(), 0, 0)])
        .await;
    assert!(
        matches!(outside, Err(ClientError::GroupNotEmpty { .. })),
        "{outside:?}"
    );

    b.close().await.expect("close b");
    poll_until(&mut a, |c| c.assignment().len() == 4).await;
    // Read to the end of every partition, then commit as the member.
    let at_end = |c: &Consumer| {
        c.assignment()
            .iter()
            .all(|(t, p)| c.positions()[&(t.clone(), *p)] == 5)
    };
    poll_until(&mut a, at_end).await;
    a.commit().await.expect("commit");
    let (member_id, generation) = a.group_membership();
    assert!(!member_id.is_empty() && generation > 0);
    let committed = client
        .fetch_group_offsets("pair", None)
        .await
        .expect("fetch offsets");
    assert_eq!(committed.len(), 4);
    assert!(committed.values().all(|&o| o == 5), "{committed:?}");
    a.close().await.expect("close a");
    let described = client.describe_group("pair").await.expect("describe");
    assert_eq!(described.state, "Empty");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_groups_offsets_can_be_committed_read_and_deleted() {
    // Simple commits create the group; its offsets read back, one partition's offset can be
    // deleted, a new member starts from the committed offsets, and the group can be deleted.
    let broker = start_broker();
    let client = connect(&broker).await;
    client
        .create_topics(&[NewTopic::new("o", 2)])
        .await
        .expect("create");
    produce(&client, "o", 2, 4).await;
    let coordinator = client.find_coordinator("admin").await.expect("coordinator");
    assert!(client.brokers().iter().any(|(id, _)| *id == coordinator));
    client
        .commit_group_offsets("admin", &[("o".into(), 0, 3), ("o".into(), 1, 1)])
        .await
        .expect("commit");
    let committed = client
        .fetch_group_offsets("admin", None)
        .await
        .expect("fetch");
    assert_eq!(committed.get(&("o".to_string(), 0)), Some(&3));
    assert_eq!(committed.get(&("o".to_string(), 1)), Some(&1));
    let listed = client.list_groups(&["Empty".into()]).await.expect("list");
    assert!(listed.iter().any(|g| g.group_id == "admin"));

    client
        .delete_group_offsets("admin", "o", &[1])
        .await
        .expect("delete offsets");
    let committed = client
        .fetch_group_offsets("admin", None)
        .await
        .expect("fetch");
    assert_eq!(committed.len(), 1);

    // A member starts at the commit in partition 0 and at the earliest in partition 1.
    let mut m = member(&client, "admin", "o");
    let read = poll_until(&mut m, |c| {
        c.assignment().len() == 2 && c.positions().values().all(|&p| p == 4)
    })
    .await;
    assert_eq!(read, 1 + 4);
    m.close().await.expect("close");

    let results = client
        .delete_groups(&["admin".into(), "ghost".into()])
        .await;
    assert!(results[0].1.is_ok(), "{results:?}");
    assert!(matches!(
        results[1].1,
        Err(ClientError::UnknownGroup { .. })
    ));
    let gone = client.describe_group("admin").await;
    assert!(
        matches!(gone, Err(ClientError::UnknownGroup { .. })),
        "{gone:?}"
    );
}
