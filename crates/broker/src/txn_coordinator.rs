//! The broker side of the transaction coordinator: the I/O around `strom_coordinator::txn`,
//! whose state machine decides every transaction but touches no socket, file or clock.
//!
//! What this module owns:
//! - `__transaction_state` (`transaction.state.log.num.partitions`, default 50, compacted),
//!   created on first use and replayed when the broker starts; transactions found in a
//!   Prepare state are completed then (their markers are written again).
//! - Carrying out [`TxnEffects`]: records are appended under the coordinator lock, replies
//!   that need them wait for an fsync, and so do transaction markers: a marker is written only
//!   once the PrepareCommit/PrepareAbort record is on disk, as Kafka does.
//! - Writing markers: one control batch per partition of the transaction, through the
//!   partition's log (which ends the producer's open transaction there and, for an abort,
//!   records it in the transaction index), fsync'd; markers on `__consumer_offsets` also
//!   settle the group coordinator's pending transactional offsets. Then
//!   `markers_written` completes the transaction.
//! - The timer task (transaction timeouts, transactional id expiration).

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use strom_coordinator::RequestId;
use strom_coordinator::txn::{
    CoordinatorEpoch, MarkerRequest, ProducerId, ProducerIdError, ProducerIdSource,
    TransactionCoordinator, TransactionCoordinatorConfig, TransactionResult, TxnEffects, TxnReply,
    TxnResponse, encode_transaction_record,
};
use strom_metadata::{Controller, MetadataImage};
use strom_protocol::ErrorCode;
use strom_protocol::records::{EndTransactionMarker, build_end_transaction_marker};
use strom_storage::{AppendOrigin, Clock, FlushWaiter, LeaderEpoch, StorageError};
use tokio::sync::{Notify, oneshot};

use crate::dispatch::Turn;
use crate::group_coordinator::{Caller, OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC};
use crate::internal_topic::{self, InternalTopic, Replayed};
use crate::server::Broker;

/// Longest a request waits for its reply (EndTxn waits for the Prepare record's fsync).
const REPLY_WAIT_MS_MAX: u64 = 5 * 60 * 1000;
/// Longest a write waits for its fsync before its replies fail.
const PERSIST_WAIT_MS_MAX: u64 = 60_000;
/// Attempts to write one transaction's markers before leaving it to the next load.
const MARKER_ATTEMPTS_MAX: u32 = 60;
const MARKER_RETRY_BACKOFF_MS: u64 = 1000;

/// Producer ids for transactional producers come from the controller, like those of
/// idempotent producers, so the two never collide.
struct ControllerProducerIds(Arc<Controller>);

impl ProducerIdSource for ControllerProducerIds {
    fn next_producer_id(&mut self) -> Result<ProducerId, ProducerIdError> {
        match self.0.allocate_producer_id() {
            Ok(id) => Ok(ProducerId(id)),
            Err(strom_metadata::MetadataError::ProducerIdsExhausted) => {
                Err(ProducerIdError::Exhausted)
            }
            Err(e) => {
                tracing::error!(error = %e, "allocating a producer id failed");
                Err(ProducerIdError::NotAvailable)
            }
        }
    }
}

struct State {
    coordinator: TransactionCoordinator,
    waiting: HashMap<RequestId, oneshot::Sender<TxnResponse>>,
}

/// What must wait for the disk: replies, and markers to write after it.
#[derive(Default)]
struct Persisting {
    replies: Vec<TxnReply>,
    markers: Vec<MarkerRequest>,
    flushes: Vec<FlushWaiter>,
}

/// The transaction coordinator as the broker runs it.
pub struct TxnService {
    state: Mutex<State>,
    timers_changed: Notify,
    topic: InternalTopic,
    next_request_id: AtomicU64,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for TxnService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TxnService").finish_non_exhaustive()
    }
}

impl TxnService {
    pub fn new(
        mut config: TransactionCoordinatorConfig,
        image: &MetadataImage,
        controller: Arc<Controller>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        if let Some(topic) = image.topic(TRANSACTION_STATE_TOPIC)
            && let Ok(count) = i32::try_from(topic.partitions.len())
            && count > 0
        {
            config.transaction_state_log_num_partitions = count;
        }
        if let Some(topic) = image.topic(OFFSETS_TOPIC)
            && let Ok(count) = i32::try_from(topic.partitions.len())
            && count > 0
        {
            config.offsets_topic_num_partitions = count;
        }
        TxnService {
            state: Mutex::new(State {
                coordinator: TransactionCoordinator::new(
                    config,
                    Box::new(ControllerProducerIds(controller)),
                ),
                waiting: HashMap::new(),
            }),
            timers_changed: Notify::new(),
            topic: InternalTopic::new(TRANSACTION_STATE_TOPIC),
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

    fn num_partitions(&self) -> i32 {
        self.lock()
            .coordinator
            .config()
            .transaction_state_log_num_partitions
    }

    /// Makes sure `__transaction_state` exists and is open.
    pub async fn ensure_topic(&self, broker: &Arc<Broker>) -> Result<(), ErrorCode> {
        let segment_bytes = broker.config.transaction_state_segment_bytes;
        self.topic
            .ensure(broker, self.num_partitions(), segment_bytes)
            .await
    }

    /// Replays `__transaction_state` (every partition is led here). Blocking; runs before
    /// the broker serves. The partitions serve once [`TxnService::run`] completed the load
    /// (until then requests get `COORDINATOR_LOAD_IN_PROGRESS`).
    pub fn load(&self, broker: &Broker) {
        let mut state = self.lock();
        let partitions = state
            .coordinator
            .config()
            .transaction_state_log_num_partitions;
        let mut records = 0u64;
        for partition in 0..partitions {
            records += replay_partition(&mut state.coordinator, broker, partition);
        }
        if broker.image().topic(TRANSACTION_STATE_TOPIC).is_some() {
            self.topic.mark_ready();
        }
        tracing::info!(records, "transaction coordinator replayed");
    }

    /// After an append to `partition` failed, the state machine holds decisions the log does
    /// not: forget the partition's ids and rebuild them from the log, so clients that retry
    /// find the state the log has. What completing the load decides (markers of Prepare
    /// transactions, a Complete record) is carried out once, without a further reload.
    fn reload_partition(
        &self,
        state: &mut State,
        broker: &Broker,
        partition: i32,
        now_ms: i64,
        persisting: &mut Persisting,
    ) {
        state.coordinator.unload_partition(partition);
        replay_partition(&mut state.coordinator, broker, partition);
        let effects = state.coordinator.complete_load_partition(partition, now_ms);
        let more = self.carry_out_once(state, broker, effects, now_ms, false);
        persisting.replies.extend(more.replies);
        persisting.markers.extend(more.markers);
        persisting.flushes.extend(more.flushes);
        tracing::warn!(
            partition,
            "transaction state reloaded after a failed append"
        );
    }

    /// Runs a coordinator call that may write records and answer later; returns this
    /// request's reply, or the code to answer with when none came.
    pub async fn call(
        self: &Arc<Self>,
        broker: &Arc<Broker>,
        caller: &Caller,
        turn: Option<Turn>,
        f: impl FnOnce(
            &mut TransactionCoordinator,
            &strom_coordinator::RequestContext,
            i64,
        ) -> TxnEffects,
    ) -> Result<TxnResponse, ErrorCode> {
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
        drop(turn);
        self.spawn_finish(broker, persisting);
        match tokio::time::timeout(Duration::from_millis(REPLY_WAIT_MS_MAX), rx).await {
            Ok(Ok(response)) => Ok(response),
            _ => {
                self.lock().waiting.remove(&id);
                Err(ErrorCode::CoordinatorNotAvailable)
            }
        }
    }

    /// A read-only call (DescribeTransactions, ListTransactions, produce verification).
    pub fn read<R>(&self, f: impl FnOnce(&TransactionCoordinator) -> R) -> R {
        f(&self.lock().coordinator)
    }

    /// Appends the records of `effects` and answers `responses_now`; returns what waits for
    /// the disk. Runs under the coordinator lock so appends keep the decision order.
    fn carry_out(
        &self,
        state: &mut State,
        broker: &Broker,
        effects: TxnEffects,
        now_ms: i64,
    ) -> Persisting {
        self.carry_out_once(state, broker, effects, now_ms, true)
    }

    fn carry_out_once(
        &self,
        state: &mut State,
        broker: &Broker,
        effects: TxnEffects,
        now_ms: i64,
        reload_on_failure: bool,
    ) -> Persisting {
        if !effects.timers.is_empty() {
            self.timers_changed.notify_one();
        }
        for reply in effects.responses_now {
            deliver(state, reply);
        }
        let mut persisting = Persisting {
            replies: effects.responses_after_persist,
            markers: effects.markers,
            flushes: Vec::new(),
        };
        let mut by_partition: BTreeMap<i32, Vec<_>> = BTreeMap::new();
        for record in effects.records {
            by_partition
                .entry(record.partition)
                .or_default()
                .push(record.record);
        }
        let mut failed = Vec::new();
        for (partition, records) in by_partition {
            let encoded: Result<Vec<_>, _> =
                records.iter().map(encode_transaction_record).collect();
            let appended = encoded.map_err(|e| e.to_string()).and_then(|encoded| {
                internal_topic::append_keyed(
                    broker,
                    TRANSACTION_STATE_TOPIC,
                    partition,
                    &encoded,
                    None,
                    now_ms,
                )
            });
            match appended {
                Ok(waiter) => persisting.flushes.push(waiter),
                Err(why) => {
                    tracing::error!(partition, %why, "appending transaction records failed");
                    failed.push(partition);
                }
            }
        }
        if !failed.is_empty() {
            // The state machine counted records the log does not have. Answer with a
            // retriable error, drop the markers, and rebuild the partitions from the log.
            for reply in std::mem::take(&mut persisting.replies) {
                let response = reply.response.with_error(ErrorCode::NotCoordinator);
                deliver(state, TxnReply { response, ..reply });
            }
            persisting.markers.clear();
            if reload_on_failure {
                for partition in failed {
                    self.reload_partition(state, broker, partition, now_ms, &mut persisting);
                }
            }
        }
        persisting
    }

    /// Once the records are durable: answers the replies, then writes the markers.
    fn spawn_finish(self: &Arc<Self>, broker: &Arc<Broker>, persisting: Persisting) {
        if persisting.replies.is_empty() && persisting.markers.is_empty() {
            return;
        }
        let service = self.clone();
        let broker = broker.clone();
        tokio::spawn(async move {
            let mut durable = true;
            for waiter in persisting.flushes {
                let limit = Duration::from_millis(PERSIST_WAIT_MS_MAX);
                if !matches!(tokio::time::timeout(limit, waiter).await, Ok(Ok(_))) {
                    tracing::error!("flushing transaction records failed");
                    durable = false;
                }
            }
            {
                let mut state = service.lock();
                for reply in persisting.replies {
                    if durable {
                        deliver(&mut state, reply);
                    } else {
                        let response = reply.response.with_error(ErrorCode::NotCoordinator);
                        deliver(&mut state, TxnReply { response, ..reply });
                    }
                }
            }
            if !durable {
                return;
            }
            for marker in persisting.markers {
                let service = service.clone();
                let broker = broker.clone();
                tokio::spawn(async move { service.write_markers(&broker, marker).await });
            }
        });
    }

    /// Writes one transaction's markers to every partition in it, waits until they are on
    /// disk, and tells the coordinator.
    async fn write_markers(self: Arc<Self>, broker: &Arc<Broker>, marker: MarkerRequest) {
        for attempt in 1..=MARKER_ATTEMPTS_MAX {
            match append_markers(broker, &marker, self.now_ms()) {
                Ok(waiters) => {
                    let mut written = true;
                    for waiter in waiters {
                        let limit = Duration::from_millis(PERSIST_WAIT_MS_MAX);
                        if !matches!(tokio::time::timeout(limit, waiter).await, Ok(Ok(_))) {
                            written = false;
                        }
                    }
                    if written {
                        broker.groups.complete_transaction(broker, &marker).await;
                        let persisting = {
                            let now = self.now_ms();
                            let mut state = self.lock();
                            let effects = state.coordinator.markers_written(&marker, now);
                            self.carry_out(&mut state, broker, effects, now)
                        };
                        self.spawn_finish(broker, persisting);
                        return;
                    }
                }
                Err(why) => {
                    tracing::warn!(transactional_id = %marker.transactional_id, attempt, %why,
                        "writing transaction markers failed; retrying");
                }
            }
            tokio::time::sleep(Duration::from_millis(MARKER_RETRY_BACKOFF_MS)).await;
        }
        tracing::error!(transactional_id = %marker.transactional_id,
            "transaction markers not written; the transaction completes on the next load");
    }

    /// Completes the load (markers of Prepare transactions are written again), then fires
    /// due timers until the broker shuts down.
    pub async fn run(self: Arc<Self>, broker: Arc<Broker>) {
        let persisting = {
            let now = self.now_ms();
            let mut state = self.lock();
            let effects = state.coordinator.complete_load(now);
            self.carry_out(&mut state, &broker, effects, now)
        };
        self.spawn_finish(&broker, persisting);
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
            // No `ensure_topic` here: a transaction exists only after a request created the
            // topic, so a tick with records to write always finds it.
            let persisting = {
                let now = self.now_ms();
                let mut state = self.lock();
                let effects = state.coordinator.tick(now);
                self.carry_out(&mut state, &broker, effects, now)
            };
            self.spawn_finish(&broker, persisting);
        }
    }
}

/// Loads one `__transaction_state` partition from its log (nothing if it has no log yet);
/// returns how many records were applied.
fn replay_partition(
    coordinator: &mut TransactionCoordinator,
    broker: &Broker,
    partition: i32,
) -> u64 {
    coordinator.begin_load_partition(partition, CoordinatorEpoch(0));
    let Some(p) = broker
        .replica_manager
        .partition(TRANSACTION_STATE_TOPIC, partition)
    else {
        return 0;
    };
    let mut records = 0;
    internal_topic::replay_log(&p.log, partition, |item| {
        if let Replayed::Record { key, value, .. } = item {
            match coordinator.replay(&key, value.as_ref()) {
                Ok(_) => records += 1,
                Err(e) => tracing::warn!(partition, error = %e, "txn record skipped"),
            }
        }
    });
    records
}

fn deliver(state: &mut State, reply: TxnReply) {
    if let Some(waiter) = state.waiting.remove(&reply.request_id) {
        let _ = waiter.send(reply.response);
    }
}

/// Appends the marker to each partition of the transaction; returns the fsync waiters. A
/// partition that no longer exists, or whose log has a newer producer epoch (the marker is
/// stale there), counts as written, as in Kafka.
fn append_markers(
    broker: &Broker,
    marker: &MarkerRequest,
    now_ms: i64,
) -> Result<Vec<FlushWaiter>, String> {
    let end = match marker.result {
        TransactionResult::Commit => EndTransactionMarker::commit(marker.coordinator_epoch.0),
        TransactionResult::Abort => EndTransactionMarker::abort(marker.coordinator_epoch.0),
    };
    let mut waiters = Vec::new();
    for tp in &marker.partitions {
        let Some(p) = broker.replica_manager.partition(&tp.topic, tp.partition) else {
            continue;
        };
        let batch = build_end_transaction_marker(
            end,
            0,
            marker.producer_id.0,
            marker.producer_epoch.0,
            now_ms,
        )
        .map_err(|e| e.to_string())?;
        let leader_epoch = LeaderEpoch(p.leader_epoch);
        let origin = if marker.transaction_version.supports_epoch_bump() {
            AppendOrigin::CoordinatorTv2 { leader_epoch }
        } else {
            AppendOrigin::Coordinator { leader_epoch }
        };
        match p.log.append(bytes::BytesMut::from(&batch[..]), origin) {
            Ok(info) => {
                p.advance_high_watermark();
                waiters.push(
                    p.log
                        .flush_to(info.next_offset())
                        .map_err(|e| e.to_string())?,
                );
            }
            Err(StorageError::ProducerState(e)) => {
                tracing::info!(partition = %p.topic_partition, error = %e, "stale marker dropped");
            }
            Err(e) => return Err(format!("{}: {e}", p.topic_partition)),
        }
    }
    broker.replica_manager.notify_appended();
    Ok(waiters)
}
