//! The broker side of the group coordinator: the I/O around `strom_coordinator`'s state
//! machine, which decides everything about groups and offsets but touches no socket, file or
//! clock.
//!
//! What this module owns:
//! - `__consumer_offsets`, the internal compacted topic (`offsets.topic.num.partitions`
//!   partitions, default 50) that holds every group's metadata and committed offsets as
//!   records in Kafka's key/value schemas. It is created on first use (FindCoordinator or a
//!   group write), as Kafka does, and replayed into the coordinator when the broker starts.
//! - Carrying out [`Effects`]: the records of one call are appended, one uncompressed batch
//!   per partition, while the coordinator lock is held, so the log order is the decision
//!   order; `responses_now` are answered at once; `responses_after_persist` only after a
//!   grouped fsync has those partitions on disk (the durability contract's acks=all).
//! - Parked requests: each request gets a [`RequestId`] and a oneshot; a JoinGroup answered
//!   by a later call (another member's join, a timer) finds its waiter here.
//! - The timer task, which calls [`GroupCoordinator::tick`] at the coordinator's next
//!   deadline and carries out what it decides (session expiry, rebalance timeouts, the
//!   initial rebalance delay, offset expiration).
//!
//! A single node owns every partition of the topic, so the coordinator is always loaded once
//! the broker serves; a failed append unloads and replays the partition, because the state
//! machine already counted records that never reached the log.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use strom_coordinator::{
    Effects, GroupCoordinator, GroupCoordinatorConfig, PartitionRecord, Reply, RequestContext,
    RequestId, Response, TopicInfo, TopicMetadataLookup, encode_record,
};
use strom_metadata::MetadataImage;
use strom_protocol::{ErrorCode, Uuid};
use strom_storage::{Clock, FlushWaiter, Log};
use tokio::sync::{Notify, oneshot};

use strom_coordinator::txn::{MarkerRequest, ProducerId as TxnProducerId, TransactionResult};
use strom_protocol::generated::{TxnOffsetCommitRequest, TxnOffsetCommitResponse};

use crate::dispatch::Turn;
use crate::internal_topic::{self, BatchProducer, InternalTopic, Replayed};
use crate::server::Broker;

/// The internal topic holding group metadata and committed offsets.
pub const OFFSETS_TOPIC: &str = "__consumer_offsets";
/// The internal topic of the transaction coordinator (reserved: never auto-created as a
/// plain topic).
pub const TRANSACTION_STATE_TOPIC: &str = "__transaction_state";
/// Longest a request waits for its parked reply. Kafka bounds a JoinGroup by the group's
/// rebalance timeout (at most `group.max.session.timeout.ms`-scale values); this is a
/// backstop so a waiter can never leak, not a timing anyone should reach.
const REPLY_WAIT_MS_MAX: u64 = 40 * 60 * 1000;
/// Longest a write waits for its fsync before its replies fail.
const PERSIST_WAIT_MS_MAX: u64 = 60_000;

/// Whether `topic` is one of Kafka's internal topics (clients may read, not write them).
pub fn is_internal_topic(topic: &str) -> bool {
    topic == OFFSETS_TOPIC || topic == TRANSACTION_STATE_TOPIC
}

/// Who sent a group request: what the coordinator records about a member.
#[derive(Debug, Clone)]
pub struct Caller {
    pub api_version: i16,
    pub client_id: String,
    pub peer: SocketAddr,
}

impl Caller {
    pub fn context(&self, request_id: RequestId) -> RequestContext {
        RequestContext {
            request_id,
            api_version: self.api_version,
            client_id: self.client_id.clone(),
            // Kafka reports the host as the JVM's InetAddress.toString: "/127.0.0.1".
            client_host: format!("/{}", self.peer.ip()),
        }
    }
}

struct State {
    coordinator: GroupCoordinator,
    waiting: HashMap<RequestId, oneshot::Sender<Response>>,
}

/// Replies waiting for their records to reach the disk.
#[derive(Default)]
struct Persisting {
    replies: Vec<Reply>,
    flushes: Vec<FlushWaiter>,
}

/// The group coordinator as the broker runs it.
pub struct GroupService {
    state: Mutex<State>,
    /// Wakes the timer task when a call armed a timer that may be earlier than its sleep.
    timers_changed: Notify,
    /// `__consumer_offsets`, created on first use.
    topic: InternalTopic,
    next_request_id: AtomicU64,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for GroupService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupService").finish_non_exhaustive()
    }
}

/// Topic lookups for KIP-848 subscriptions, from the metadata image.
struct ImageTopics<'a>(&'a MetadataImage);

impl TopicMetadataLookup for ImageTopics<'_> {
    fn topic(&self, name: &str) -> Option<TopicInfo> {
        let topic = self.0.topic(name)?;
        Some(TopicInfo {
            topic_id: Uuid(*topic.topic_id.0.as_bytes()),
            num_partitions: i32::try_from(topic.partitions.len()).unwrap_or(i32::MAX),
        })
    }

    fn topic_names(&self) -> Vec<String> {
        self.0.topics().map(|t| t.name.clone()).collect()
    }
}

impl GroupService {
    /// A coordinator for `config`; when `__consumer_offsets` already exists its partition
    /// count wins over `offsets.topic.num.partitions`, since groups are hashed over the
    /// partitions the topic really has.
    pub fn new(
        mut config: GroupCoordinatorConfig,
        image: &MetadataImage,
        clock: Arc<dyn Clock>,
    ) -> Self {
        if let Some(topic) = image.topic(OFFSETS_TOPIC)
            && let Ok(count) = i32::try_from(topic.partitions.len())
            && count > 0
        {
            config.offsets_topic_num_partitions = count;
        }
        GroupService {
            state: Mutex::new(State {
                coordinator: GroupCoordinator::new(config),
                waiting: HashMap::new(),
            }),
            timers_changed: Notify::new(),
            topic: InternalTopic::new(OFFSETS_TOPIC),
            next_request_id: AtomicU64::new(1),
            clock,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now().0
    }

    pub fn num_partitions(&self) -> i32 {
        self.lock()
            .coordinator
            .config()
            .offsets_topic_num_partitions
    }

    /// Runs a read-only coordinator call (Heartbeat, OffsetFetch, ListGroups, DescribeGroups,
    /// ConsumerGroupDescribe) after the caller's earlier requests were processed.
    pub async fn read<R>(
        &self,
        caller: &Caller,
        turn: Option<Turn>,
        f: impl FnOnce(&mut GroupCoordinator, &RequestContext, i64) -> R,
    ) -> R {
        let mut turn = turn;
        if let Some(turn) = turn.as_mut() {
            turn.wait().await;
        }
        let id = RequestId(self.next_request_id.fetch_add(1, Ordering::Relaxed));
        let ctx = caller.context(id);
        let now = self.now_ms();
        let mut state = self.lock();
        let armed_before = state.coordinator.next_deadline_ms();
        let result = f(&mut state.coordinator, &ctx, now);
        // A heartbeat re-arms session timers, but never earlier than the one the timer task
        // sleeps on; wake it only if the earliest deadline moved.
        if state.coordinator.next_deadline_ms() != armed_before {
            self.timers_changed.notify_one();
        }
        // The connection's next request is processed only after this one was.
        drop(turn);
        result
    }

    /// Runs a coordinator call that may write records and may answer later; returns the reply
    /// addressed to this request. `Err` carries the code to answer with when no reply came.
    pub async fn call(
        &self,
        broker: &Broker,
        caller: &Caller,
        turn: Option<Turn>,
        f: impl FnOnce(&mut GroupCoordinator, &RequestContext, i64) -> Effects,
    ) -> Result<Response, ErrorCode> {
        let mut turn = turn;
        if let Some(turn) = turn.as_mut() {
            turn.wait().await;
        }
        let id = RequestId(self.next_request_id.fetch_add(1, Ordering::Relaxed));
        let ctx = caller.context(id);
        let (tx, rx) = oneshot::channel();
        let persisting = {
            let now = self.now_ms();
            let mut state = self.lock();
            state.waiting.insert(id, tx);
            let effects = f(&mut state.coordinator, &ctx, now);
            self.carry_out(&mut state, broker, effects, now)
        };
        // Decided: the connection's next request may go (a parked JoinGroup must not hold up
        // the member's other requests while it waits for the rebalance).
        drop(turn);
        self.finish(persisting).await;
        let waited = tokio::time::timeout(Duration::from_millis(REPLY_WAIT_MS_MAX), rx).await;
        match waited {
            Ok(Ok(response)) => Ok(response),
            _ => {
                self.lock().waiting.remove(&id);
                tracing::warn!(
                    request = id.0,
                    "group request got no reply from the coordinator"
                );
                Err(ErrorCode::CoordinatorNotAvailable)
            }
        }
    }

    /// Appends the records of `effects`, answers `responses_now`, and returns what must wait
    /// for the disk. Runs under the coordinator lock so appends keep the decision order.
    fn carry_out(
        &self,
        state: &mut State,
        broker: &Broker,
        effects: Effects,
        now_ms: i64,
    ) -> Persisting {
        if !effects.timers.is_empty() {
            self.timers_changed.notify_one();
        }
        for reply in effects.responses_now {
            deliver(state, reply);
        }
        let mut persisting = Persisting {
            replies: effects.responses_after_persist,
            flushes: Vec::new(),
        };
        let mut by_partition: BTreeMap<i32, Vec<PartitionRecord>> = BTreeMap::new();
        for record in effects.records {
            by_partition
                .entry(record.partition)
                .or_default()
                .push(record);
        }
        let mut failed = Vec::new();
        for (partition, records) in by_partition {
            let encoded: Result<Vec<_>, _> =
                records.iter().map(|r| encode_record(&r.record)).collect();
            let appended = encoded.map_err(|e| e.to_string()).and_then(|encoded| {
                internal_topic::append_keyed(
                    broker,
                    OFFSETS_TOPIC,
                    partition,
                    &encoded,
                    None,
                    now_ms,
                )
            });
            match appended {
                Ok(waiter) => persisting.flushes.push(waiter),
                Err(why) => {
                    tracing::error!(partition, %why, "appending group records failed");
                    failed.push(partition);
                }
            }
        }
        if !failed.is_empty() {
            for reply in std::mem::take(&mut persisting.replies) {
                let response = reply.response.with_error(ErrorCode::NotCoordinator);
                deliver(state, Reply { response, ..reply });
            }
            for partition in failed {
                self.reload_partition(state, broker, partition, now_ms);
            }
        }
        persisting
    }

    /// Waits for the fsyncs, then answers the replies (with `NOT_COORDINATOR` if the disk
    /// refused them).
    async fn finish(&self, persisting: Persisting) {
        if persisting.replies.is_empty() {
            return;
        }
        let mut durable = true;
        for waiter in persisting.flushes {
            let limit = Duration::from_millis(PERSIST_WAIT_MS_MAX);
            match tokio::time::timeout(limit, waiter).await {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "flushing group records failed");
                    durable = false;
                }
                Err(_) => {
                    tracing::error!("flushing group records timed out");
                    durable = false;
                }
            }
        }
        let mut state = self.lock();
        for reply in persisting.replies {
            if durable {
                deliver(&mut state, reply);
            } else {
                let response = reply.response.with_error(ErrorCode::NotCoordinator);
                deliver(&mut state, Reply { response, ..reply });
            }
        }
    }

    /// Forgets a partition's groups (answering their parked requests `NOT_COORDINATOR`) and
    /// rebuilds them from the log.
    fn reload_partition(&self, state: &mut State, broker: &Broker, partition: i32, now_ms: i64) {
        let unloaded = state.coordinator.unload_partition(partition);
        for reply in unloaded.replies().cloned().collect::<Vec<_>>() {
            deliver(state, reply);
        }
        if let Some(p) = broker.replica_manager.partition(OFFSETS_TOPIC, partition) {
            replay_partition(&mut state.coordinator, &p.log, partition);
        }
        state.coordinator.complete_load_partition(partition, now_ms);
    }

    /// Replays every partition of `__consumer_offsets` this broker has (all of them, on a
    /// single node) and arms the loaded groups' timers. Blocking; runs before the broker
    /// serves.
    pub fn load(&self, broker: &Broker) {
        let started = std::time::Instant::now();
        let mut state = self.lock();
        let partitions = state.coordinator.config().offsets_topic_num_partitions;
        let mut records = 0u64;
        for partition in 0..partitions {
            if let Some(p) = broker.replica_manager.partition(OFFSETS_TOPIC, partition) {
                records += replay_partition(&mut state.coordinator, &p.log, partition);
            }
        }
        state.coordinator.complete_load(self.now_ms());
        if broker.image().topic(OFFSETS_TOPIC).is_some() {
            self.topic.mark_ready();
        }
        let groups = state.coordinator.groups().count();
        tracing::info!(
            records,
            groups,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "group coordinator loaded"
        );
    }

    /// Makes sure `__consumer_offsets` exists, creating it with Kafka's settings for it
    /// (compacted, `offsets.topic.segment.bytes`) on first use.
    pub async fn ensure_offsets_topic(&self, broker: &Arc<Broker>) -> Result<(), ErrorCode> {
        let segment_bytes = broker.config.offsets_topic_segment_bytes;
        self.topic
            .ensure(broker, self.num_partitions(), segment_bytes)
            .await
    }

    /// TxnOffsetCommit: the offsets go to `__consumer_offsets` as a transactional batch of
    /// the producer (so the log's transaction bookkeeping and the later marker cover them)
    /// and stay pending in the coordinator until that marker; answered once on disk.
    pub async fn txn_offset_commit(
        &self,
        broker: &Broker,
        caller: &Caller,
        turn: Option<Turn>,
        request: &TxnOffsetCommitRequest,
    ) -> TxnOffsetCommitResponse {
        let mut turn = turn;
        if let Some(turn) = turn.as_mut() {
            turn.wait().await;
        }
        let id = RequestId(self.next_request_id.fetch_add(1, Ordering::Relaxed));
        let ctx = caller.context(id);
        let (response, waiter) = {
            let now = self.now_ms();
            let mut state = self.lock();
            let outcome = state.coordinator.txn_offset_commit(&ctx, request, now);
            if outcome.effects.records.is_empty() {
                return outcome.response;
            }
            let partition = outcome.effects.records[0].partition;
            let encoded: Result<Vec<_>, _> = outcome
                .effects
                .records
                .iter()
                .map(|r| encode_record(&r.record))
                .collect();
            let producer = BatchProducer {
                producer_id: outcome.producer_id.0,
                producer_epoch: outcome.producer_epoch.0,
                transactional: true,
            };
            let appended = encoded.map_err(|e| e.to_string()).and_then(|encoded| {
                internal_topic::append_keyed(
                    broker,
                    OFFSETS_TOPIC,
                    partition,
                    &encoded,
                    Some(producer),
                    now,
                )
            });
            match appended {
                Ok(waiter) => (outcome.response, waiter),
                Err(why) => {
                    tracing::warn!(partition, %why, "appending transactional offsets failed");
                    let code = if why.contains("epoch") {
                        ErrorCode::ProducerFenced
                    } else {
                        ErrorCode::NotCoordinator
                    };
                    self.reload_partition(&mut state, broker, partition, now);
                    return outcome.response_with_error(code);
                }
            }
        };
        drop(turn);
        let limit = Duration::from_millis(PERSIST_WAIT_MS_MAX);
        match tokio::time::timeout(limit, waiter).await {
            Ok(Ok(_)) => response,
            _ => {
                let mut r = response;
                for p in r.topics.iter_mut().flat_map(|t| t.partitions.iter_mut()) {
                    p.error_code = ErrorCode::NotCoordinator.code();
                }
                r
            }
        }
    }

    /// A transaction's marker reached its `__consumer_offsets` partitions: the producer's
    /// pending offsets there become committed (commit) or are dropped (abort).
    pub async fn complete_transaction(&self, broker: &Broker, marker: &MarkerRequest) {
        let persisting = {
            let now = self.now_ms();
            let mut state = self.lock();
            let mut effects = Effects::default();
            for tp in marker
                .partitions
                .iter()
                .filter(|tp| tp.topic == OFFSETS_TOPIC)
            {
                effects.merge(state.coordinator.complete_transaction(
                    tp.partition,
                    marker.producer_id,
                    marker.result,
                    now,
                ));
            }
            self.carry_out(&mut state, broker, effects, now)
        };
        self.finish(persisting).await;
    }

    /// Fires due timers until the broker shuts down.
    pub async fn run_timers(self: Arc<Self>, broker: Arc<Broker>) {
        let mut shutdown = broker.shutdown.clone();
        loop {
            let next = self.lock().coordinator.next_deadline_ms();
            let now = self.now_ms();
            let sleep = next.map_or(Duration::from_secs(3600), |deadline| {
                Duration::from_millis(u64::try_from(deadline - now).unwrap_or(0))
            });
            tokio::select! {
                _ = shutdown.changed() => return,
                _ = self.timers_changed.notified() => continue,
                _ = tokio::time::sleep(sleep) => {}
            }
            let persisting = {
                let now = self.now_ms();
                let mut state = self.lock();
                let effects = state.coordinator.tick(now);
                self.carry_out(&mut state, &broker, effects, now)
            };
            if !persisting.replies.is_empty() {
                let service = self.clone();
                tokio::spawn(async move { service.finish(persisting).await });
            }
        }
    }

    /// The image as a topic lookup for KIP-848 calls.
    pub fn topics(image: &MetadataImage) -> impl TopicMetadataLookup + '_ {
        ImageTopics(image)
    }
}

fn deliver(state: &mut State, reply: Reply) {
    if let Some(waiter) = state.waiting.remove(&reply.request_id) {
        // The requester may have gone (connection closed): nothing to answer then.
        let _ = waiter.send(reply.response);
    }
}

/// Feeds a partition's records to the coordinator, transactional offset commits and markers
/// included; returns how many were applied. A record that does not decode is logged and
/// skipped, as one of a type this version does not know.
fn replay_partition(coordinator: &mut GroupCoordinator, log: &Log, partition: i32) -> u64 {
    let mut applied = 0u64;
    internal_topic::replay_log(log, partition, |item| match item {
        Replayed::Record {
            key,
            value,
            transactional_producer,
        } => {
            let replayed = match transactional_producer {
                Some(pid) => {
                    coordinator.replay_transactional(TxnProducerId(pid), &key, value.as_ref())
                }
                None => coordinator.replay(&key, value.as_ref()),
            };
            match replayed {
                Ok(_) => applied += 1,
                Err(e) => tracing::warn!(partition, error = %e, "group record skipped"),
            }
        }
        Replayed::Marker {
            producer_id,
            commit,
        } => {
            let result = TransactionResult::from_committed(commit);
            coordinator.replay_marker(partition, TxnProducerId(producer_id), result);
            applied += 1;
        }
    });
    applied
}
