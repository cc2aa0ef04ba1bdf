//! A batching, pipelining producer.
//!
//! Records wait in a queue per partition until the queue holds `batch_size` bytes or its
//! oldest record has waited `linger`; then one record batch per partition is built (and
//! compressed) and the batches of all partitions led by the same broker travel in one
//! Produce request. A partition may have up to `max_in_flight` batches unanswered at once
//! (Kafka's `max.in.flight.requests.per.connection`), so a batch never waits for the one
//! before it to be made durable before it is even sent.
//!
//! Order within a partition holds because one sender task issues every request, a
//! connection writes requests in the order they are issued, and a broker appends the
//! requests of one connection in order. With idempotence on, the producer gets a producer
//! id and epoch and numbers each partition's records when their batch is built. When a batch
//! fails with a retriable error, the partition moves to a new *generation*: nothing more is
//! sent for it until every request of the old generation has been answered, and then every
//! unacknowledged batch is sent again, in order, with its original sequence numbers, so the
//! broker writes each batch once and in order (a batch it already has is answered as a
//! duplicate, which counts as delivered, as in Kafka's Java producer). A later batch that the
//! broker refused as out of order because an earlier one was missing is retried with it.
//! Without idempotence a retry may, as in Kafka, duplicate a batch or land after a later one.

use crate::client::Client;
use crate::error::ClientError;
use crate::partitioner::murmur2_partition;
use bytes::Bytes;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use strom_protocol::ErrorCode;
use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
use strom_protocol::generated::{
    InitProducerIdRequest, ProduceRequest, ProduceResponse, ResponseBody,
};
use strom_protocol::records::{Compression, RecordBatchBuilder, RecordHeader};
use tokio::sync::{Notify, oneshot};

/// The most batches an idempotent producer may have in flight per partition: a broker
/// remembers the last five batches of each producer, so a retry of any of them is recognised
/// as a duplicate (Kafka's limit on `max.in.flight.requests.per.connection` too).
pub const MAX_IN_FLIGHT_IDEMPOTENT: usize = 5;

/// Half of tokio's timer tick. Timers fire on millisecond ticks, rounding a deadline up, so
/// a sender that slept until a batch's linger ran out would send it up to a whole tick late;
/// counting a batch due half a tick early keeps the linger, on average, what was asked for.
const LINGER_SLACK: Duration = Duration::from_micros(500);

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
    /// Produce requests per partition sent and not yet answered (Kafka's
    /// `max.in.flight.requests.per.connection`): at least 1, and with idempotence at most
    /// [`MAX_IN_FLIGHT_IDEMPOTENT`].
    pub max_in_flight: usize,
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
            max_in_flight: 5,
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

/// Where a built batch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BatchState {
    /// Built, waiting to be sent (for the first time or again).
    Waiting,
    /// In a request sent during the partition's generation `generation`.
    InFlight { generation: u64 },
}

/// A record batch built from a partition's queue and not yet acknowledged.
struct Batch {
    id: u64,
    bytes: Bytes,
    deliveries: Vec<Delivery>,
    /// Times it failed with a retriable error.
    attempts: u32,
    state: BatchState,
}

/// One partition: records not yet in a batch, then batches not yet acknowledged.
#[derive(Default)]
struct PartitionState {
    records: Vec<Queued>,
    bytes: usize,
    oldest: Option<Instant>,
    next_sequence: i32,
    /// Built batches in sequence (= append) order. Those in flight come first, sent during
    /// the current generation or (until they are answered) an older one.
    batches: VecDeque<Batch>,
    /// Moves on when a batch fails with a retriable error; see the module documentation.
    generation: u64,
    /// No batch is sent (again) before this, after a retriable failure.
    retry_at: Option<Instant>,
    /// With idempotence: why a batch of this partition failed for good. Later sequence
    /// numbers can no longer be accepted in order, so every later record fails too.
    failed: Option<String>,
}

impl PartitionState {
    fn in_flight(&self) -> usize {
        self.batches
            .iter()
            .filter(|b| b.state != BatchState::Waiting)
            .count()
    }

    /// Whether a request of an earlier generation is still unanswered.
    fn awaits_old_generation(&self) -> bool {
        self.batches.iter().any(|b| match b.state {
            BatchState::InFlight { generation } => generation != self.generation,
            BatchState::Waiting => false,
        })
    }
}

type TopicPartition = (String, i32);

struct Inner {
    client: Arc<Client>,
    config: ProducerConfig,
    partitions: Mutex<HashMap<TopicPartition, PartitionState>>,
    /// Records accepted by `send` and not yet delivered or failed.
    outstanding: AtomicU64,
    wake_sender: Notify,
    progress: Notify,
    flush_requested: AtomicBool,
    round_robin: AtomicU64,
    next_batch_id: AtomicU64,
    producer: (i64, i16),
    closed: AtomicBool,
}

/// A batching producer. Cloning shares it.
#[derive(Clone)]
pub struct Producer {
    inner: Arc<Inner>,
}

impl Producer {
    /// Starts a producer (and, with idempotence, obtains a producer id).
    pub async fn new(client: Arc<Client>, config: ProducerConfig) -> Result<Producer, ClientError> {
        if config.max_in_flight == 0 {
            return Err(ClientError::InvalidUse("max_in_flight must be at least 1"));
        }
        if config.idempotent && config.max_in_flight > MAX_IN_FLIGHT_IDEMPOTENT {
            return Err(ClientError::InvalidUse(
                "an idempotent producer allows at most 5 requests in flight per partition",
            ));
        }
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
            partitions: Mutex::new(HashMap::new()),
            outstanding: AtomicU64::new(0),
            wake_sender: Notify::new(),
            progress: Notify::new(),
            flush_requested: AtomicBool::new(false),
            round_robin: AtomicU64::new(0),
            next_batch_id: AtomicU64::new(0),
            producer,
            closed: AtomicBool::new(false),
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
        let queued = Queued {
            timestamp: record.timestamp.unwrap_or_else(now_ms),
            key: record.key,
            value: record.value,
            headers: record.headers,
            delivery: tx,
        };
        let size = queued_size(&queued);
        inner.outstanding.fetch_add(1, Ordering::AcqRel);
        let wake = {
            let mut partitions = inner.partitions.lock().expect("partitions lock");
            let p = partitions.entry((record.topic, partition)).or_default();
            p.records.push(queued);
            p.bytes += size;
            // The first record of a batch sets the sender's next deadline.
            let first = p.oldest.is_none();
            p.oldest.get_or_insert_with(Instant::now);
            first || p.bytes >= inner.config.batch_size
        };
        if wake {
            inner.wake_sender.notify_one();
        }
        Ok(rx)
    }
    async fn partition_for(&self, record: &ProducerRecord) -> Result<i32, ClientError> {
        let count = self.inner.client.partition_count(&record.topic).await? as i32;
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

/// A batch picked for a request: which one, sent in which generation, and its bytes.
struct Outgoing {
    tp: TopicPartition,
    batch_id: u64,
    generation: u64,
    bytes: Bytes,
}

/// What became of one batch in one request.
enum Outcome {
    /// Appended at this base offset (-1 when unknown: acks=0, or a duplicate).
    Written(i64),
    /// Not written, or not known to be: `retriable` says whether sending again may help.
    Failed { error: ClientError, retriable: bool },
}

/// The sender: wakes on a first or full queue, a flush, an answer, a linger or backoff
/// deadline; picks what may go now and issues it in order.
async fn run_sender(inner: Arc<Inner>) {
    let mut next_deadline: Option<Instant> = None;
    loop {
        if inner.closed.load(Ordering::Acquire) && inner.outstanding.load(Ordering::Acquire) == 0 {
            return;
        }
        // The linger period also bounds the sleep, as a safety net for a missed wake-up.
        let linger = inner.config.linger.max(Duration::from_millis(1));
        let fallback = Instant::now() + linger;
        let deadline = next_deadline.map_or(fallback, |d| d.min(fallback));
        let _ = tokio::time::timeout_at(deadline.into(), inner.wake_sender.notified()).await;
        let (outgoing, next) = drain(&inner);
        next_deadline = next;
        if !outgoing.is_empty() {
            dispatch(&inner, outgoing).await;
        }
    }
}

/// Picks, per partition and in order, the batches that may be sent now: unacknowledged
/// batches waiting to go again, then new batches from the queue, while the partition has
/// room in flight. Returns them with the earliest moment something else becomes due.
fn drain(inner: &Inner) -> (Vec<Outgoing>, Option<Instant>) {
    let flush = inner.flush_requested.swap(false, Ordering::AcqRel);
    let now = Instant::now();
    let mut outgoing = Vec::new();
    let mut next: Option<Instant> = None;
    let mut soonest = |at: Instant| next = Some(next.map_or(at, |n: Instant| n.min(at)));
    let mut partitions = inner.partitions.lock().expect("partitions lock");
    for (tp, p) in partitions.iter_mut() {
        if let Some(reason) = &p.failed {
            let records = std::mem::take(&mut p.records);
            p.bytes = 0;
            p.oldest = None;
            let error = ClientError::DeliveryFailed {
                reason: reason.clone(),
            };
            fail_deliveries(inner, records.into_iter().map(|r| r.delivery), &error);
            continue;
        }
        if let Some(at) = p.retry_at {
            if at > now {
                soonest(at);
                continue;
            }
            p.retry_at = None;
        }
        if p.awaits_old_generation() {
            continue;
        }
        let mut in_flight = p.in_flight();
        for b in p.batches.iter_mut() {
            if in_flight >= inner.config.max_in_flight {
                break;
            }
            if b.state == BatchState::Waiting {
                b.state = BatchState::InFlight {
                    generation: p.generation,
                };
                outgoing.push(Outgoing {
                    tp: tp.clone(),
                    batch_id: b.id,
                    generation: p.generation,
                    bytes: b.bytes.clone(),
                });
                in_flight += 1;
            }
        }
        while in_flight < inner.config.max_in_flight && !p.records.is_empty() {
            let due_at = p.oldest.map(|t| t + inner.config.linger);
            let due = due_at.is_some_and(|t| t <= now + LINGER_SLACK);
            if !(flush || due || p.bytes >= inner.config.batch_size) {
                if let Some(at) = due_at {
                    soonest(at - LINGER_SLACK);
                }
                break;
            }
            if let Some(b) = build_next_batch(inner, p) {
                let generation = p.generation;
                outgoing.push(Outgoing {
                    tp: tp.clone(),
                    batch_id: b.id,
                    generation,
                    bytes: b.bytes.clone(),
                });
                p.batches.push_back(Batch {
                    state: BatchState::InFlight { generation },
                    ..b
                });
                in_flight += 1;
            }
        }
    }
    (outgoing, next)
}

/// Takes up to `batch_size` bytes of records (one record at least) off the partition's
/// queue and builds their batch, numbering them with the partition's next sequence. A batch
/// that cannot be built fails its records without using up any sequence numbers.
fn build_next_batch(inner: &Inner, p: &mut PartitionState) -> Option<Batch> {
    let (mut take, mut taken_bytes) = (0, 0);
    for r in &p.records {
        let size = queued_size(r);
        if take > 0 && taken_bytes + size > inner.config.batch_size {
            break;
        }
        taken_bytes += size;
        take += 1;
    }
    let rest = p.records.split_off(take);
    let records = std::mem::replace(&mut p.records, rest);
    p.bytes = p.bytes.saturating_sub(taken_bytes);
    p.oldest = if p.records.is_empty() {
        None
    } else {
        // The rest waited as long; they are due at once.
        p.oldest
    };
    let base_sequence = p.next_sequence;
    match build_batch(inner, &records, base_sequence) {
        Ok(bytes) => {
            if inner.producer.0 >= 0 {
                p.next_sequence = p.next_sequence.wrapping_add(records.len() as i32);
            }
            Some(Batch {
                id: inner.next_batch_id.fetch_add(1, Ordering::Relaxed),
                bytes,
                deliveries: records.into_iter().map(|r| r.delivery).collect(),
                attempts: 0,
                state: BatchState::Waiting,
            })
        }
        Err(e) => {
            let error = ClientError::Records(e);
            fail_deliveries(inner, records.into_iter().map(|r| r.delivery), &error);
            None
        }
    }
}

/// The bytes a queued record counts for against `batch_size`.
fn queued_size(r: &Queued) -> usize {
    r.key.as_ref().map_or(0, Bytes::len) + r.value.as_ref().map_or(0, Bytes::len) + 16
}

fn build_batch(
    inner: &Inner,
    records: &[Queued],
    base_sequence: i32,
) -> Result<Bytes, strom_protocol::records::RecordError> {
    // Values and keys plus a generous allowance for each record's varint framing.
    let estimate: usize = records.iter().map(|r| queued_size(r) + 16).sum();
    let mut builder = RecordBatchBuilder::new(inner.config.compression, 0).with_capacity(estimate);
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

/// Sends the picked batches: grouped by leader, the n-th batch of a partition in the n-th
/// request to its leader, the requests of each leader issued in order on its connection.
/// A partition whose batch could not go out sends none of its later batches this round.
async fn dispatch(inner: &Arc<Inner>, outgoing: Vec<Outgoing>) {
    let mut requests: HashMap<i32, Vec<Vec<Outgoing>>> = HashMap::new();
    let mut placed: HashMap<TopicPartition, usize> = HashMap::new();
    let mut blocked: HashMap<TopicPartition, (String, bool)> = HashMap::new();
    for o in outgoing {
        if let Some((reason, retriable)) = blocked.get(&o.tp) {
            let error = ClientError::DeliveryFailed {
                reason: reason.clone(),
            };
            settle(inner, &o, failed(error, *retriable));
            continue;
        }
        match inner.client.leader_for(&o.tp.0, o.tp.1).await {
            Ok(leader) => {
                let n = placed.entry(o.tp.clone()).or_insert(0);
                let rounds = requests.entry(leader).or_default();
                if rounds.len() <= *n {
                    rounds.push(Vec::new());
                }
                rounds[*n].push(o);
                *n += 1;
            }
            Err(e) => {
                blocked.insert(o.tp.clone(), (e.to_string(), e.is_retriable()));
                let outcome = failed(e, false);
                settle(inner, &o, outcome);
            }
        }
    }
    for (leader, rounds) in requests {
        send_to_leader(inner, leader, rounds).await;
    }
}

fn failed(error: ClientError, retriable: bool) -> Outcome {
    let retriable = retriable || error.is_retriable();
    Outcome::Failed { error, retriable }
}

/// Issues one request per round to `leader`, in round order; each answer is awaited in a
/// task of its own, so the next request goes out at once.
async fn send_to_leader(inner: &Arc<Inner>, leader: i32, rounds: Vec<Vec<Outgoing>>) {
    let connection = match inner.client.connection_to(leader).await {
        Ok(c) => c,
        Err(e) => return settle_all(inner, rounds.into_iter().flatten(), &e),
    };
    let mut rounds = rounds.into_iter();
    while let Some(batches) = rounds.next() {
        let request = produce_request(inner, &batches);
        let issued = if inner.config.acks == Acks::None {
            connection
                .send_without_response(request)
                .await
                .map(|()| None)
        } else {
            connection.issue(request).await.map(Some)
        };
        match issued {
            Ok(None) => batches
                .iter()
                .for_each(|b| settle(inner, b, Outcome::Written(-1))),
            Ok(Some(pending)) => {
                let inner = Arc::clone(inner);
                tokio::spawn(async move {
                    let answer = pending.wait().await;
                    settle_response(&inner, leader, batches, answer).await;
                });
            }
            Err(e) => {
                // Later rounds would overtake this one: none of them goes out either.
                inner.client.drop_connection(Some(leader)).await;
                let all = batches.into_iter().chain(rounds.flatten());
                return settle_all(inner, all, &e);
            }
        }
    }
}

fn produce_request(inner: &Inner, batches: &[Outgoing]) -> ProduceRequest {
    let mut topics: Vec<TopicProduceData> = Vec::new();
    for b in batches {
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
    ProduceRequest {
        acks: inner.config.acks.wire(),
        timeout_ms: inner.client.config().request_timeout.as_millis() as i32,
        topic_data: topics,
        ..Default::default()
    }
}

/// Settles every batch with one request-level failure (no answer, a broken connection).
fn settle_all(inner: &Inner, batches: impl IntoIterator<Item = Outgoing>, error: &ClientError) {
    let message = error.to_string();
    let retriable = error.is_retriable();
    for b in batches {
        let outcome = failed(error_clone(error, &message), retriable);
        settle(inner, &b, outcome);
    }
}

/// Settles each batch of a request from the broker's answer.
async fn settle_response(
    inner: &Inner,
    leader: i32,
    batches: Vec<Outgoing>,
    answer: Result<ResponseBody, ClientError>,
) {
    let response: ProduceResponse = match answer {
        Ok(ResponseBody::Produce(r)) => r,
        Ok(_) => {
            let e = ClientError::Unexpected("Produce answered with another API");
            return settle_all(inner, batches, &e);
        }
        Err(e) => {
            inner.client.drop_connection(Some(leader)).await;
            return settle_all(inner, batches, &e);
        }
    };
    for b in batches {
        let p = response
            .responses
            .iter()
            .filter(|t| t.name == b.tp.0)
            .flat_map(|t| t.partition_responses.iter())
            .find(|p| p.index == b.tp.1);
        let Some(p) = p else {
            let e = ClientError::Unexpected("Produce answer lacks a partition");
            settle(inner, &b, failed(e, false));
            continue;
        };
        let context = format!("producing to {}-{}", b.tp.0, b.tp.1);
        let outcome = match ClientError::check(p.error_code, context, p.error_message.as_deref()) {
            Ok(()) => Outcome::Written(p.base_offset),
            // Written before (an idempotent retry): Kafka's Java producer counts it delivered.
            Err(e) if e.code() == Some(ErrorCode::DuplicateSequenceNumber) => {
                Outcome::Written(p.base_offset)
            }
            Err(e) => failed(e, false),
        };
        settle(inner, &b, outcome);
    }
}

/// Applies one batch's outcome to its partition: delivered, sent again later (moving the
/// partition to a new generation), or failed.
fn settle(inner: &Inner, sent: &Outgoing, outcome: Outcome) {
    let mut partitions = inner.partitions.lock().expect("partitions lock");
    let Some(p) = partitions.get_mut(&sent.tp) else {
        return;
    };
    // Gone already: the partition failed for good while this request was out.
    let Some(position) = p.batches.iter().position(|b| b.id == sent.batch_id) else {
        return;
    };
    match outcome {
        Outcome::Written(base_offset) => {
            let batch = p.batches.remove(position).expect("batch at its position");
            deliver(inner, batch, sent.tp.1, base_offset);
        }
        Outcome::Failed { error, retriable } => {
            let idempotent = inner.producer.0 >= 0;
            // Out of order behind an unacknowledged batch: the broker lacks that one, and
            // this goes again right after it (Kafka's Java producer retries it likewise).
            let behind_gap = idempotent
                && position > 0
                && error.code() == Some(ErrorCode::OutOfOrderSequenceNumber);
            let batch = &mut p.batches[position];
            if (retriable || behind_gap) && batch.attempts < inner.config.retries {
                batch.attempts += 1;
                batch.state = BatchState::Waiting;
                if sent.generation == p.generation {
                    tracing::debug!(partition = ?sent.tp, %error, "retrying in-flight batches");
                    p.generation += 1;
                    p.retry_at = Some(Instant::now() + inner.config.retry_backoff);
                    inner.client.invalidate_topic(&sent.tp.0);
                }
            } else if idempotent {
                let reason = format!(
                    "an earlier batch of {}-{} failed ({error}); an idempotent producer cannot \
                     write later records of it in order",
                    sent.tp.0, sent.tp.1
                );
                let batch = p.batches.remove(position).expect("batch at its position");
                fail_deliveries(inner, batch.deliveries, &error);
                let rest: Vec<Delivery> = p.batches.drain(..).flat_map(|b| b.deliveries).collect();
                let queued: Vec<Delivery> = p.records.drain(..).map(|r| r.delivery).collect();
                p.bytes = 0;
                p.oldest = None;
                let later = ClientError::DeliveryFailed {
                    reason: reason.clone(),
                };
                fail_deliveries(inner, rest.into_iter().chain(queued), &later);
                p.failed = Some(reason);
            } else {
                let batch = p.batches.remove(position).expect("batch at its position");
                fail_deliveries(inner, batch.deliveries, &error);
            }
        }
    }
    drop(partitions);
    inner.progress.notify_waiters();
    inner.wake_sender.notify_one();
}

fn deliver(inner: &Inner, batch: Batch, partition: i32, base_offset: i64) {
    let n = batch.deliveries.len() as u64;
    for (i, d) in batch.deliveries.into_iter().enumerate() {
        let offset = if base_offset < 0 {
            -1
        } else {
            base_offset + i as i64
        };
        let _ = d.send(Ok(ProduceReceipt { partition, offset }));
    }
    inner.outstanding.fetch_sub(n, Ordering::AcqRel);
}

fn fail_deliveries(
    inner: &Inner,
    deliveries: impl IntoIterator<Item = Delivery>,
    error: &ClientError,
) {
    let message = error.to_string();
    let mut n = 0;
    for d in deliveries {
        let _ = d.send(Err(error_clone(error, &message)));
        n += 1;
    }
    inner.outstanding.fetch_sub(n, Ordering::AcqRel);
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
        ClientError::DeliveryFailed { reason } => ClientError::DeliveryFailed {
            reason: reason.clone(),
        },
        // Not a broker verdict: say what happened instead of inventing an error code.
        _ => ClientError::DeliveryFailed {
            reason: message.to_string(),
        },
    }
}

impl std::fmt::Debug for Producer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Producer")
            .field("config", &self.inner.config)
            .finish()
    }
}
