//! A batching producer.
//!
//! Records wait in a queue per partition until the queue holds `batch_size` bytes or its
//! oldest record has waited `linger`; then one record batch per partition is built (and
//! compressed) and the batches of all partitions led by the same broker travel in one
//! Produce request. A partition has at most one request in flight, so records keep their
//! order even when a request is retried. With idempotence on, the producer gets a producer
//! id and epoch from the cluster and numbers each partition's records, so a retried batch
//! is written once.

use crate::client::Client;
use crate::error::ClientError;
use crate::partitioner::murmur2_partition;
use bytes::Bytes;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use strom_protocol::ErrorCode;
use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
use strom_protocol::generated::{InitProducerIdRequest, ProduceRequest, ResponseBody};
use strom_protocol::records::{Compression, RecordBatchBuilder, RecordHeader};
use tokio::sync::{Notify, oneshot};

/// How many brokers must have a batch before it is acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acks {
    /// Fire and forget: the broker sends no answer; offsets are unknown (-1).
    None,
    /// The leader has appended it.
    Leader,
    /// Every in-sync replica has it on disk.
    All,
}

impl Acks {
    fn wire(self) -> i16 {
        match self {
            Acks::None => 0,
            Acks::Leader => 1,
            Acks::All => -1,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ProducerConfig {
    pub acks: Acks,
    pub linger: Duration,
    /// Bytes of records per partition that trigger a send without waiting for `linger`.
    pub batch_size: usize,
    pub compression: Compression,
    pub idempotent: bool,
    /// Attempts for a batch that failed with a retriable error.
    pub retries: u32,
    pub retry_backoff: Duration,
    /// Records that may wait in queues before `send` waits for room.
    pub max_queued_records: u64,
}

impl Default for ProducerConfig {
    fn default() -> Self {
        ProducerConfig {
            acks: Acks::All,
            linger: Duration::from_millis(5),
            batch_size: 256 * 1024,
            compression: Compression::None,
            idempotent: false,
            retries: 5,
            retry_backoff: Duration::from_millis(100),
            max_queued_records: 1_000_000,
        }
    }
}

/// A record to send. With no partition, the key picks one (murmur2, as Java does) and a
/// keyless record goes to the partitions in turn.
#[derive(Debug, Clone, Default)]
pub struct ProducerRecord {
    pub topic: String,
    pub partition: Option<i32>,
    pub key: Option<Bytes>,
    pub value: Option<Bytes>,
    pub headers: Vec<RecordHeader>,
    /// Milliseconds since the epoch; now when `None`.
    pub timestamp: Option<i64>,
}

/// Where a record was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProduceReceipt {
    pub partition: i32,
    /// -1 with `Acks::None`.
    pub offset: i64,
}

type Delivery = oneshot::Sender<Result<ProduceReceipt, ClientError>>;

struct Queued {
    timestamp: i64,
    key: Option<Bytes>,
    value: Option<Bytes>,
    headers: Vec<RecordHeader>,
    delivery: Delivery,
}

#[derive(Default)]
struct PartitionQueue {
    records: Vec<Queued>,
    bytes: usize,
    oldest: Option<Instant>,
    next_sequence: i32,
}

type TopicPartition = (String, i32);

struct Inner {
    client: Arc<Client>,
    config: ProducerConfig,
    queues: Mutex<HashMap<TopicPartition, PartitionQueue>>,
    in_flight: Mutex<HashSet<TopicPartition>>,
    /// Records accepted by `send` and not yet delivered or failed.
    outstanding: AtomicU64,
    wake_sender: Notify,
    progress: Notify,
    flush_requested: std::sync::atomic::AtomicBool,
    round_robin: AtomicU64,
    producer: (i64, i16),
    closed: std::sync::atomic::AtomicBool,
}

/// A batching producer. Cloning shares it.
#[derive(Clone)]
pub struct Producer {
    inner: Arc<Inner>,
}

impl Producer {
    /// Starts a producer (and, with idempotence, obtains a producer id).
    pub async fn new(client: Arc<Client>, config: ProducerConfig) -> Result<Producer, ClientError> {
        let mut producer = (-1, -1);
        if config.idempotent {
            let request = InitProducerIdRequest {
                transactional_id: None,
                transaction_timeout_ms: 60_000,
                producer_id: -1,
                producer_epoch: -1,
                ..Default::default()
            };
            let ResponseBody::InitProducerId(r) =
                client.any_connection().await?.send(request).await?
            else {
                return Err(ClientError::Unexpected(
                    "InitProducerId answered with another API",
                ));
            };
            ClientError::check(r.error_code, "InitProducerId", None)?;
            producer = (r.producer_id, r.producer_epoch);
        }
        let inner = Arc::new(Inner {
            client,
            config,
            queues: Mutex::new(HashMap::new()),
            in_flight: Mutex::new(HashSet::new()),
            outstanding: AtomicU64::new(0),
            wake_sender: Notify::new(),
            progress: Notify::new(),
            flush_requested: std::sync::atomic::AtomicBool::new(false),
            round_robin: AtomicU64::new(0),
            producer,
            closed: std::sync::atomic::AtomicBool::new(false),
        });
        tokio::spawn(run_sender(Arc::clone(&inner)));
        Ok(Producer { inner })
    }

    /// Queues a record; the returned receiver completes when the broker has acknowledged it.
    pub async fn send(
        &self,
        record: ProducerRecord,
    ) -> Result<oneshot::Receiver<Result<ProduceReceipt, ClientError>>, ClientError> {
        let inner = &self.inner;
        if inner.closed.load(Ordering::Acquire) {
            return Err(ClientError::ProducerClosed);
        }
        while inner.outstanding.load(Ordering::Acquire) >= inner.config.max_queued_records {
            inner.wake_sender.notify_one();
            let _ =
                tokio::time::timeout(Duration::from_millis(50), inner.progress.notified()).await;
        }
        let partition = self.partition_for(&record).await?;
        let (tx, rx) = oneshot::channel();
        let size = record.key.as_ref().map_or(0, Bytes::len)
            + record.value.as_ref().map_or(0, Bytes::len)
            + 16;
        let queued = Queued {
            timestamp: record.timestamp.unwrap_or_else(now_ms),
            key: record.key,
            value: record.value,
            headers: record.headers,
            delivery: tx,
        };
        inner.outstanding.fetch_add(1, Ordering::AcqRel);
        let full = {
            let mut queues = inner.queues.lock().expect("queues lock");
            let q = queues.entry((record.topic, partition)).or_default();
            q.records.push(queued);
            q.bytes += size;
            q.oldest.get_or_insert_with(Instant::now);
            q.bytes >= inner.config.batch_size
        };
        if full {
            inner.wake_sender.notify_one();
        }
        Ok(rx)
    }

    async fn partition_for(&self, record: &ProducerRecord) -> Result<i32, ClientError> {
        let topic = self.inner.client.topic(&record.topic).await?;
        let count = topic.partitions.len() as i32;
        if count == 0 {
            return Err(ClientError::UnknownTopic {
                topic: record.topic.clone(),
            });
        }
        Ok(match (record.partition, &record.key) {
            (Some(p), _) if (0..count).contains(&p) => p,
            (Some(p), _) => {
                return Err(ClientError::UnknownPartition {
                    topic: record.topic.clone(),
                    partition: p,
                });
            }
            (None, Some(key)) => murmur2_partition(key, count),
            (None, None) => {
                (self.inner.round_robin.fetch_add(1, Ordering::Relaxed) % count as u64) as i32
            }
        })
    }

    /// Sends everything queued now and waits until every record has an outcome.
    pub async fn flush(&self) {
        let inner = &self.inner;
        while inner.outstanding.load(Ordering::Acquire) > 0 {
            inner.flush_requested.store(true, Ordering::Release);
            inner.wake_sender.notify_one();
            let _ =
                tokio::time::timeout(Duration::from_millis(20), inner.progress.notified()).await;
        }
    }

    /// Flushes, then stops the sender.
    pub async fn close(&self) {
        self.flush().await;
        self.inner.closed.store(true, Ordering::Release);
        self.inner.wake_sender.notify_one();
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// A batch taken off a queue, ready to send.
struct ReadyBatch {
    tp: TopicPartition,
    bytes: Bytes,
    deliveries: Vec<Delivery>,
}

/// The sender: wakes on a full queue, a flush, or the linger timer, and sends what is ready.
async fn run_sender(inner: Arc<Inner>) {
    loop {
        if inner.closed.load(Ordering::Acquire) && inner.outstanding.load(Ordering::Acquire) == 0 {
            return;
        }
        let linger = inner.config.linger.max(Duration::from_millis(1));
        let _ = tokio::time::timeout(linger, inner.wake_sender.notified()).await;
        let ready = take_ready(&inner);
        let mut by_leader: HashMap<i32, Vec<ReadyBatch>> = HashMap::new();
        for batch in ready {
            match inner.client.leader_for(&batch.tp.0, batch.tp.1).await {
                Ok(leader) => by_leader.entry(leader).or_default().push(batch),
                Err(e) => fail_batch(&inner, batch, e),
            }
        }
        for (leader, batches) in by_leader {
            tokio::spawn(send_to_leader(Arc::clone(&inner), leader, batches, 0));
        }
    }
}

/// Takes each partition queue that is ready and not in flight, and builds its batch.
fn take_ready(inner: &Inner) -> Vec<ReadyBatch> {
    let flush = inner.flush_requested.swap(false, Ordering::AcqRel);
    let mut ready = Vec::new();
    let mut queues = inner.queues.lock().expect("queues lock");
    let mut in_flight = inner.in_flight.lock().expect("in-flight lock");
    for (tp, q) in queues.iter_mut() {
        let due = q.oldest.is_some_and(|t| t.elapsed() >= inner.config.linger);
        if q.records.is_empty() || in_flight.contains(tp) {
            continue;
        }
        if !(flush || due || q.bytes >= inner.config.batch_size) {
            continue;
        }
        // At most `batch_size` bytes per batch (one record at least), so a queue that grew
        // while a batch was in flight never becomes a request the broker must refuse.
        let (mut take, mut taken_bytes) = (0, 0);
        for r in &q.records {
            let size = queued_size(r);
            if take > 0 && taken_bytes + size > inner.config.batch_size {
                break;
            }
            taken_bytes += size;
            take += 1;
        }
        let rest = q.records.split_off(take);
        let records = std::mem::replace(&mut q.records, rest);
        q.bytes = q.bytes.saturating_sub(taken_bytes);
        if q.records.is_empty() {
            q.oldest = None;
        }
        let base_sequence = q.next_sequence;
        if inner.producer.0 >= 0 {
            q.next_sequence = q.next_sequence.wrapping_add(records.len() as i32);
        }
        in_flight.insert(tp.clone());
        match build_batch(inner, &records, base_sequence) {
            Ok(bytes) => ready.push(ReadyBatch {
                tp: tp.clone(),
                bytes,
                deliveries: records.into_iter().map(|r| r.delivery).collect(),
            }),
            Err(e) => {
                in_flight.remove(tp);
                let n = records.len() as u64;
                for r in records {
                    let _ = r.delivery.send(Err(ClientError::Records(e.clone())));
                }
                inner.outstanding.fetch_sub(n, Ordering::AcqRel);
            }
        }
    }
    ready
}

/// The bytes a queued record counts for against `batch_size`, as `send` counted them.
fn queued_size(r: &Queued) -> usize {
    r.key.as_ref().map_or(0, Bytes::len) + r.value.as_ref().map_or(0, Bytes::len) + 16
}

fn build_batch(
    inner: &Inner,
    records: &[Queued],
    base_sequence: i32,
) -> Result<Bytes, strom_protocol::records::RecordError> {
    let mut builder = RecordBatchBuilder::new(inner.config.compression, 0);
    if inner.producer.0 >= 0 {
        builder = builder.with_producer(inner.producer.0, inner.producer.1, base_sequence);
    }
    for r in records {
        builder.append(
            r.timestamp,
            r.key.as_deref(),
            r.value.as_deref(),
            &r.headers,
        );
    }
    builder.build()
}

fn fail_batch(inner: &Inner, batch: ReadyBatch, error: ClientError) {
    let message = error.to_string();
    let n = batch.deliveries.len() as u64;
    for d in batch.deliveries {
        let _ = d.send(Err(error_clone(&error, &message)));
    }
    inner
        .in_flight
        .lock()
        .expect("in-flight lock")
        .remove(&batch.tp);
    inner.outstanding.fetch_sub(n, Ordering::AcqRel);
    inner.progress.notify_waiters();
}

/// `ClientError` holds an `io::Error` and so is not `Clone`; deliveries get an equivalent.
fn error_clone(error: &ClientError, message: &str) -> ClientError {
    match error {
        ClientError::Kafka {
            code,
            context,
            message,
        } => ClientError::Kafka {
            code: *code,
            context: context.clone(),
            message: message.clone(),
        },
        // Not a broker verdict: say what happened instead of inventing an error code.
        _ => ClientError::DeliveryFailed {
            reason: message.to_string(),
        },
    }
}

fn complete_batch(inner: &Inner, batch: ReadyBatch, base_offset: i64) {
    let n = batch.deliveries.len() as u64;
    for (i, d) in batch.deliveries.into_iter().enumerate() {
        let offset = if base_offset < 0 {
            -1
        } else {
            base_offset + i as i64
        };
        let _ = d.send(Ok(ProduceReceipt {
            partition: batch.tp.1,
            offset,
        }));
    }
    inner
        .in_flight
        .lock()
        .expect("in-flight lock")
        .remove(&batch.tp);
    inner.outstanding.fetch_sub(n, Ordering::AcqRel);
    inner.progress.notify_waiters();
    inner.wake_sender.notify_one();
}

/// Sends one Produce request with every batch for `leader`, then settles each batch:
/// delivered, retried after a metadata refresh, or failed.
async fn send_to_leader(inner: Arc<Inner>, leader: i32, batches: Vec<ReadyBatch>, attempt: u32) {
    let mut topics: Vec<TopicProduceData> = Vec::new();
    for b in &batches {
        let data = PartitionProduceData {
            index: b.tp.1,
            records: Some(b.bytes.clone()),
            ..Default::default()
        };
        match topics.iter_mut().find(|t| t.name == b.tp.0) {
            Some(t) => t.partition_data.push(data),
            None => topics.push(TopicProduceData {
                name: b.tp.0.clone(),
                partition_data: vec![data],
                ..Default::default()
            }),
        }
    }
    let request = ProduceRequest {
        acks: inner.config.acks.wire(),
        timeout_ms: inner.client.config().request_timeout.as_millis() as i32,
        topic_data: topics,
        ..Default::default()
    };
    let connection = match inner.client.connection_to(leader).await {
        Ok(c) => c,
        Err(e) => return retry_or_fail(inner, leader, batches, attempt, e).await,
    };
    if inner.config.acks == Acks::None {
        match connection.send_without_response(request).await {
            Ok(()) => batches
                .into_iter()
                .for_each(|b| complete_batch(&inner, b, -1)),
            Err(e) => return retry_or_fail(inner, leader, batches, attempt, e).await,
        }
        return;
    }
    let response = match connection.send(request).await {
        Ok(ResponseBody::Produce(r)) => r,
        Ok(_) => {
            let e = ClientError::Unexpected("Produce answered with another API");
            return batches
                .into_iter()
                .for_each(|b| fail_batch(&inner, b, error_clone(&e, &e.to_string())));
        }
        Err(e) => {
            inner.client.drop_connection(Some(leader)).await;
            return retry_or_fail(inner, leader, batches, attempt, e).await;
        }
    };
    let mut retry = Vec::new();
    let mut last_error = None;
    for b in batches {
        let p = response
            .responses
            .iter()
            .filter(|t| t.name == b.tp.0)
            .flat_map(|t| t.partition_responses.iter())
            .find(|p| p.index == b.tp.1);
        let Some(p) = p else {
            let e = ClientError::Unexpected("Produce answer lacks a partition");
            fail_batch(&inner, b, e);
            continue;
        };
        let context = format!("producing to {}-{}", b.tp.0, b.tp.1);
        match ClientError::check(p.error_code, context, p.error_message.as_deref()) {
            Ok(()) => complete_batch(&inner, b, p.base_offset),
            // The batch was written before (an idempotent retry): Kafka reports the duplicate.
            Err(e) if e.code() == Some(ErrorCode::DuplicateSequenceNumber) => {
                complete_batch(&inner, b, p.base_offset)
            }
            Err(e) if e.is_retriable() => {
                last_error = Some(e);
                retry.push(b);
            }
            Err(e) => fail_batch(&inner, b, e),
        }
    }
    if let Some(e) = last_error {
        Box::pin(retry_or_fail(inner, leader, retry, attempt, e)).await;
    }
}

async fn retry_or_fail(
    inner: Arc<Inner>,
    leader: i32,
    batches: Vec<ReadyBatch>,
    attempt: u32,
    error: ClientError,
) {
    if attempt >= inner.config.retries || !error.is_retriable() {
        let message = error.to_string();
        for b in batches {
            fail_batch(&inner, b, error_clone(&error, &message));
        }
        return;
    }
    tokio::time::sleep(inner.config.retry_backoff).await;
    for b in &batches {
        inner.client.invalidate_topic(&b.tp.0);
    }
    let mut by_leader: HashMap<i32, Vec<ReadyBatch>> = HashMap::new();
    for b in batches {
        let l = inner
            .client
            .leader_for(&b.tp.0, b.tp.1)
            .await
            .unwrap_or(leader);
        by_leader.entry(l).or_default().push(b);
    }
    for (l, bs) in by_leader {
        Box::pin(send_to_leader(Arc::clone(&inner), l, bs, attempt + 1)).await;
    }
}

impl std::fmt::Debug for Producer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Producer")
            .field("config", &self.inner.config)
            .finish()
    }
}
