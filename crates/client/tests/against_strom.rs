//! Our client works against the real `strom` broker process: topics are created, described,
//! reconfigured and deleted; records produced (batched, compressed, idempotent, every acks
//! level) come back from a consumer in order with their keys, values and headers; offsets
//! by time resolve. (Compatibility with Kafka clients is proven elsewhere, with independent
//! clients; this proves the client our CLI and benchmarks stand on.)

mod common;

use bytes::Bytes;
use common::{Broker, start_broker};
use std::sync::Arc;
use std::time::{Duration, Instant};
use strom_client::{
    Acks, Client, ClientConfig, Compression, Consumer, ConsumerConfig, NewTopic, OffsetSpec,
    Producer, ProducerConfig, ProducerRecord, StartOffset,
};
use strom_protocol::records::RecordHeader;

async fn connect(broker: &Broker) -> Arc<Client> {
    Arc::new(
        Client::connect(&broker.addr, ClientConfig::default())
            .await
            .expect("connect"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn produce_then_consume_every_codec_and_acks_level() {
    let broker = start_broker();
    let client = connect(&broker).await;
    let cases = [
        (Compression::None, Acks::Leader, false),
        (Compression::Gzip, Acks::All, true),
        (Compression::Snappy, Acks::Leader, false),
        (Compression::Lz4, Acks::All, false),
        (Compression::Zstd, Acks::All, true),
        (Compression::None, Acks::None, false),
    ];
    for (i, (compression, acks, idempotent)) in cases.into_iter().enumerate() {
        let topic = format!("codec-{i}");
        client
            .create_topics(&[NewTopic::new(&topic, 3)])
            .await
            .expect("create topic");
        let config = ProducerConfig {
            compression,
            acks,
            idempotent,
            ..Default::default()
        };
        let producer = Producer::new(Arc::clone(&client), config)
            .await
            .expect("producer");
        let mut deliveries = Vec::new();
        for n in 0..300u32 {
            let record = ProducerRecord {
                topic: topic.clone(),
                partition: Some((n % 3) as i32),
                key: Some(Bytes::from(format!("k{n}"))),
                value: Some(Bytes::from(format!(
                    "value-{n}-{}",
                    "x".repeat(n as usize % 50)
                ))),
                headers: vec![RecordHeader::new("n", Some(&n.to_be_bytes()[..]))],
                timestamp: None,
            };
            deliveries.push(producer.send(record).await.expect("queue"));
        }
        producer.flush().await;
        for d in deliveries {
            let receipt = d.await.expect("delivered").expect("acknowledged");
            if acks != Acks::None {
                assert!(receipt.offset >= 0);
            }
        }
        let mut consumer = Consumer::new(Arc::clone(&client), ConsumerConfig::default());
        consumer
            .assign_topic(&topic, StartOffset::Earliest)
            .await
            .expect("assign");
        let mut seen = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        while seen.len() < 300 && Instant::now() < deadline {
            seen.extend(consumer.poll().await.expect("poll"));
        }
        assert_eq!(
            seen.len(),
            300,
            "{compression:?} {acks:?}: every record comes back once"
        );
        for p in 0..3 {
            let mine: Vec<_> = seen.iter().filter(|r| r.partition == p).collect();
            for (i, r) in mine.iter().enumerate() {
                assert_eq!(r.offset, i as i64, "offsets are dense and in order");
                let n =
                    u32::from_be_bytes(r.headers[0].value.as_deref().unwrap().try_into().unwrap());
                assert_eq!(n % 3, p as u32);
                assert_eq!(r.key.as_deref(), Some(format!("k{n}").as_bytes()));
            }
            // Within a partition, the producer's order is kept.
            let ns: Vec<u32> = mine
                .iter()
                .map(|r| {
                    u32::from_be_bytes(r.headers[0].value.as_deref().unwrap().try_into().unwrap())
                })
                .collect();
            assert!(
                ns.windows(2).all(|w| w[0] < w[1]),
                "partition {p} order: {ns:?}"
            );
        }
        producer.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_calls_round_trip() {
    let broker = start_broker();
    let client = connect(&broker).await;
    let mut topic = NewTopic::new("admin-topic", 4);
    topic
        .configs
        .push(("retention.ms".into(), "3600000".into()));
    client.create_topics(&[topic]).await.expect("create");
    let again = client
        .create_topics(&[NewTopic::new("admin-topic", 4)])
        .await;
    assert_eq!(
        again.expect_err("duplicate").code(),
        Some(strom_protocol::ErrorCode::TopicAlreadyExists)
    );
    let topics = client.list_topics().await.expect("list");
    let t = topics
        .iter()
        .find(|t| t.name == "admin-topic")
        .expect("listed");
    assert_eq!(t.partitions.len(), 4);

    let configs = client
        .describe_configs(Some("admin-topic"), 0)
        .await
        .expect("describe");
    let retention = configs
        .iter()
        .find(|c| c.name == "retention.ms")
        .expect("retention.ms");
    assert_eq!(retention.value.as_deref(), Some("3600000"));
    assert!(!retention.is_default);

    client
        .alter_topic_configs(
            "admin-topic",
            &[("retention.ms".into(), Some("7200000".into()))],
        )
        .await
        .expect("alter");
    let configs = client
        .describe_configs(Some("admin-topic"), 0)
        .await
        .expect("describe");
    let retention = configs
        .iter()
        .find(|c| c.name == "retention.ms")
        .expect("retention.ms");
    assert_eq!(retention.value.as_deref(), Some("7200000"));

    let (earliest, _) = client
        .list_offset("admin-topic", 0, OffsetSpec::Earliest)
        .await
        .unwrap();
    let (latest, _) = client
        .list_offset("admin-topic", 0, OffsetSpec::Latest)
        .await
        .unwrap();
    assert_eq!((earliest, latest), (0, 0));

    client
        .delete_topics(&["admin-topic".to_string()])
        .await
        .expect("delete");
    let err = client.topic("admin-topic").await.expect_err("deleted");
    assert!(
        matches!(err, strom_client::ClientError::UnknownTopic { .. }),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offsets_for_times_find_the_first_record_at_or_after() {
    let broker = start_broker();
    let client = connect(&broker).await;
    client
        .create_topics(&[NewTopic::new("times", 1)])
        .await
        .expect("create");
    let producer = Producer::new(Arc::clone(&client), ProducerConfig::default())
        .await
        .unwrap();
    let base = 1_700_000_000_000i64;
    for n in 0..10i64 {
        let record = ProducerRecord {
            topic: "times".into(),
            partition: Some(0),
            value: Some(Bytes::from(n.to_string())),
            timestamp: Some(base + n * 1000),
            ..Default::default()
        };
        let rx = producer.send(record).await.unwrap();
        producer.flush().await;
        rx.await.unwrap().unwrap();
    }
    let (offset, ts) = client
        .list_offset("times", 0, OffsetSpec::Timestamp(base + 4500))
        .await
        .unwrap();
    assert_eq!((offset, ts), (5, base + 5000));
    let (offset, _) = client
        .list_offset("times", 0, OffsetSpec::MaxTimestamp)
        .await
        .unwrap();
    assert_eq!(offset, 9);
    let mut consumer = Consumer::new(Arc::clone(&client), ConsumerConfig::default());
    consumer
        .assign("times", 0, StartOffset::Timestamp(base + 7000))
        .await
        .unwrap();
    let records = consumer.poll().await.unwrap();
    assert_eq!(records.first().map(|r| r.offset), Some(7));
}
