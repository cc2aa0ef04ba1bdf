//! The producer keeps several batches per partition in flight against the real `strom`
//! broker and still writes every partition's records exactly once and in the order they were
//! produced: with and without idempotence, and, with idempotence, across a broker that is
//! killed and restarted while batches are in flight.

mod common;

use bytes::Bytes;
use common::{Broker, start_broker};
use std::sync::Arc;
use std::time::{Duration, Instant};
use strom_client::{
    Acks, Client, ClientConfig, Consumer, ConsumerConfig, NewTopic, ProduceReceipt, Producer,
    ProducerConfig, ProducerRecord, StartOffset,
};
use tokio::sync::oneshot;

type Pending = oneshot::Receiver<Result<ProduceReceipt, strom_client::ClientError>>;

const PARTITIONS: i32 = 3;

async fn connect(broker: &Broker) -> Arc<Client> {
    let config = ClientConfig {
        request_timeout: Duration::from_secs(10),
        ..Default::default()
    };
    Arc::new(
        Client::connect(&broker.addr, config)
            .await
            .expect("connect"),
    )
}

/// Small batches and no linger, so each partition has many batches queued behind its
/// in-flight window.
fn pipelined(acks: Acks, idempotent: bool) -> ProducerConfig {
    ProducerConfig {
        acks,
        idempotent,
        linger: Duration::ZERO,
        batch_size: 4 * 1024,
        max_in_flight: 5,
        retries: 400,
        retry_backoff: Duration::from_millis(25),
        ..Default::default()
    }
}

/// Record `n` goes to partition `n % PARTITIONS` and carries `n` as its value.
fn record(topic: &str, n: u32) -> ProducerRecord {
    let mut value = n.to_be_bytes().to_vec();
    value.resize(200, b'x');
    ProducerRecord {
        topic: topic.to_string(),
        partition: Some((n % PARTITIONS as u32) as i32),
        value: Some(Bytes::from(value)),
        ..Default::default()
    }
}

/// Reads the whole topic back and checks that partition `p` holds exactly the records
/// `n ≡ p (mod PARTITIONS)` below `count`, each once, in increasing order, at dense offsets.
async fn assert_exactly_once_in_order(client: &Arc<Client>, topic: &str, count: u32) {
    let mut consumer = Consumer::new(Arc::clone(client), ConsumerConfig::default());
    consumer
        .assign_topic(topic, StartOffset::Earliest)
        .await
        .expect("assign");
    let mut seen = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while seen.len() < count as usize && Instant::now() < deadline {
        seen.extend(consumer.poll().await.expect("poll"));
    }
    // Anything beyond `count` would be a duplicate; give it a moment to show up.
    let settle = Instant::now() + Duration::from_millis(300);
    while Instant::now() < settle {
        seen.extend(consumer.poll().await.expect("poll"));
    }
    for p in 0..PARTITIONS {
        let values: Vec<u32> = seen
            .iter()
            .filter(|r| r.partition == p)
            .map(|r| {
                let v = r.value.as_deref().expect("value");
                u32::from_be_bytes(v[..4].try_into().expect("four bytes"))
            })
            .collect();
        let expected: Vec<u32> = (0..count)
            .filter(|n| n % PARTITIONS as u32 == p as u32)
            .collect();
        if values != expected {
            let first_bad = values
                .iter()
                .zip(&expected)
                .position(|(a, b)| a != b)
                .unwrap_or(values.len().min(expected.len()));
            panic!(
                "partition {p}: {} records, {} expected; first difference at index {first_bad}: \
                 {:?} vs {:?}",
                values.len(),
                expected.len(),
                values.get(first_bad..first_bad + 5),
                expected.get(first_bad..first_bad + 5),
            );
        }
        let offsets: Vec<i64> = seen
            .iter()
            .filter(|r| r.partition == p)
            .map(|r| r.offset)
            .collect();
        assert!(
            offsets.iter().enumerate().all(|(i, &o)| o == i as i64),
            "partition {p}: offsets are dense from 0"
        );
    }
}

/// Awaits every receipt and checks that within a partition they come in produce order with
/// increasing offsets.
async fn assert_receipts_in_order(pending: Vec<(u32, Pending)>) {
    let mut last = [-1i64; PARTITIONS as usize];
    for (n, rx) in pending {
        let receipt = rx
            .await
            .expect("an outcome")
            .unwrap_or_else(|e| panic!("record {n} failed: {e}"));
        let p = receipt.partition as usize;
        assert_eq!(receipt.partition, (n % PARTITIONS as u32) as i32);
        assert!(
            receipt.offset > last[p],
            "record {n} at offset {} after {} in partition {p}",
            receipt.offset,
            last[p]
        );
        last[p] = receipt.offset;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_batches_land_once_and_in_order() {
    // Many small batches per partition in flight at once keep their order, with and without
    // idempotence, at acks=all and acks=1.
    let broker = start_broker();
    let client = connect(&broker).await;
    for (i, (acks, idempotent)) in [(Acks::All, true), (Acks::Leader, false), (Acks::All, false)]
        .into_iter()
        .enumerate()
    {
        let topic = format!("pipelined-{i}");
        client
            .create_topics(&[NewTopic::new(&topic, PARTITIONS)])
            .await
            .expect("create topic");
        let producer = Producer::new(Arc::clone(&client), pipelined(acks, idempotent))
            .await
            .expect("producer");
        let count = 30_000;
        let mut pending = Vec::with_capacity(count as usize);
        for n in 0..count {
            pending.push((n, producer.send(record(&topic, n)).await.expect("queue")));
        }
        producer.flush().await;
        assert_receipts_in_order(pending).await;
        producer.close().await;
        assert_exactly_once_in_order(&client, &topic, count).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idempotent_pipeline_survives_broker_restart_exactly_once() {
    // The broker is killed (SIGKILL) and restarted while an idempotent producer has batches
    // in flight: the producer resends them in order with their original sequence numbers, so
    // every record is acknowledged and the log holds each once, in order, with no gap.
    let mut broker = start_broker();
    let client = connect(&broker).await;
    let topic = "restarted";
    client
        .create_topics(&[NewTopic::new(topic, PARTITIONS)])
        .await
        .expect("create topic");
    let producer = Producer::new(Arc::clone(&client), pipelined(Acks::All, true))
        .await
        .expect("producer");
    let count = 20_000u32;
    let mut pending = Vec::with_capacity(count as usize);
    for n in 0..count {
        pending.push((n, producer.send(record(topic, n)).await.expect("queue")));
        if n == count / 3 {
            // Let batches get onto the wire, then crash the broker under them.
            tokio::time::sleep(Duration::from_millis(5)).await;
            broker = tokio::task::spawn_blocking(move || {
                broker.restart();
                broker
            })
            .await
            .expect("restart");
        }
        if n % 1000 == 0 {
            tokio::task::yield_now().await;
        }
    }
    producer.flush().await;
    assert_receipts_in_order(pending).await;
    producer.close().await;
    assert_exactly_once_in_order(&client, topic, count).await;
    drop(broker);
}
