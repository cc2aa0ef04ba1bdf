//! The transaction coordinator as the broker runs it: `strom_coordinator::txn`'s state
//! machine (which decides every transaction and touches no socket, file or clock) on the
//! coordinator runtime, with `__transaction_state` as its topic.
//!
//! - `__transaction_state` (`transaction.state.log.num.partitions`, default 50, compacted) is
//!   created on first use; a partition loads when this broker is elected its leader, with the
//!   partition's leader epoch as the coordinator epoch (so every load has a newer epoch than
//!   the last: the epoch is bumped whenever the broker comes back). Transactions found in a
//!   Prepare state are completed then (their markers are written again).
//! - Markers are the follow-ups of a decision: a transaction's markers are written only once
//!   its PrepareCommit/PrepareAbort record is committed, as Kafka does, by
//!   [`TxnService::write_markers`]: one control batch per partition of the transaction,
//!   appended through the replica manager and committed (acks=all), then `markers_written`
//!   completes the transaction. Markers on `__consumer_offsets` also settle the group
//!   coordinator's pending transactional offsets.
//! - A marker that a partition refuses because a newer coordinator wrote there is not
//!   counted as written: the transaction stays in its Prepare state and the markers are
//!   retried, then left to the next load.

use crate::coordinator::internal_topic::InternalTopicSettings;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Weak};
use std::time::Duration;

use strom_coordinator::RequestContext;
use strom_coordinator::txn::{
    CoordinatorEpoch, MarkerRequest, TopicPartition as TxnTopicPartition, TransactionCoordinator,
    TransactionCoordinatorConfig, TransactionResult, TxnEffects, TxnResponse,
    encode_transaction_record,
};
use strom_protocol::ErrorCode;
use strom_protocol::generated::add_partitions_to_txn_request::{
    AddPartitionsToTxnTopic, AddPartitionsToTxnTransaction,
};
use strom_protocol::generated::{AddPartitionsToTxnRequest, AddPartitionsToTxnResponse};
use strom_protocol::records::{EndTransactionMarker, build_end_transaction_marker};
use strom_storage::{Clock, LeaderEpoch, ProducerStateError, StorageError, TopicPartition};

use super::Caller;
use super::group::GroupService;
use super::internal_topic::{InternalTopic, OFFSETS_TOPIC, Replayed, TRANSACTION_STATE_TOPIC};
use super::runtime::{CoordinatorError, CoordinatorRuntime, Decision, Scope, Shard, ShardRecord};
use super::txn_routing::{self, CoordinatorAt};
use crate::broker_peers::BrokerPeers;
use crate::metadata_view::MetadataView;
use crate::producer_ids::{ProducerIdManager, SharedProducerIds};
use crate::replica_manager::{AppendOrigin, PartitionError, ReplicaManager, RequiredAcks};
use crate::turn::Turn;

/// The AddPartitionsToTxn version of the broker path (batched, with `verify_only`).
const ADD_PARTITIONS_BROKER_VERSION: i16 = 5;
/// Longest a marker append may take to commit before it is retried.
const MARKER_COMMIT_WAIT_MS_MAX: u64 = 60_000;
/// Attempts to write one transaction's markers before leaving it to the next load.
const MARKER_ATTEMPTS_MAX: u32 = 60;
const MARKER_RETRY_BACKOFF_MS: u64 = 1000;

/// The transaction coordinator state machine as a runtime shard.
pub struct TxnShard {
    coordinator: TransactionCoordinator,
}

impl std::fmt::Debug for TxnShard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TxnShard").finish_non_exhaustive()
    }
}

impl TxnShard {
    fn decision(effects: TxnEffects) -> Decision<TxnResponse, MarkerRequest> {
        let mut decision = Decision {
            timers_changed: !effects.timers.is_empty(),
            now: effects
                .responses_now
                .into_iter()
                .map(|r| (r.request_id, r.response))
                .collect(),
            after_commit: effects
                .responses_after_persist
                .into_iter()
                .map(|r| (r.request_id, r.response))
                .collect(),
            followups: effects.markers,
            ..Decision::default()
        };
        for record in effects.records {
            match encode_transaction_record(&record.record) {
                Ok((key, value)) => decision.records.push(ShardRecord {
                    partition: record.partition,
                    key,
                    value,
                    producer: None,
                }),
                Err(e) => {
                    tracing::error!(partition = record.partition, error = %e,
                        "a transaction record does not encode");
                    decision.unwritable.push(record.partition);
                }
            }
        }
        decision
    }
}

impl Shard for TxnShard {
    type Response = TxnResponse;
    type Followup = MarkerRequest;

    fn begin_load(&mut self, partition: i32, epoch: LeaderEpoch) {
        self.coordinator
            .begin_load_partition(partition, CoordinatorEpoch(epoch.0));
    }

    fn replay(&mut self, partition: i32, item: Replayed) {
        if let Replayed::Record { key, value, .. } = item
            && let Err(e) = self.coordinator.replay(&key, value.as_ref())
        {
            tracing::warn!(partition, error = %e, "transaction record skipped");
        }
    }

    fn complete_load(
        &mut self,
        partition: i32,
        now_ms: i64,
    ) -> Decision<TxnResponse, MarkerRequest> {
        Self::decision(self.coordinator.complete_load_partition(partition, now_ms))
    }

    fn unload(&mut self, partition: i32) -> Decision<TxnResponse, MarkerRequest> {
        self.coordinator.unload_partition(partition);
        Decision::default()
    }

    fn tick(&mut self, now_ms: i64) -> Decision<TxnResponse, MarkerRequest> {
        Self::decision(self.coordinator.tick(now_ms))
    }

    fn next_deadline_ms(&self) -> Option<i64> {
        self.coordinator.next_deadline_ms()
    }

    fn failed(response: &TxnResponse, _error: &PartitionError) -> TxnResponse {
        response.with_error(ErrorCode::NotCoordinator)
    }
}

/// The transaction coordinator service: what the transaction handlers call.
pub struct TxnService {
    runtime: Arc<CoordinatorRuntime<TxnShard>>,
    topic: InternalTopic,
    metadata: MetadataView,
    replicas: Arc<ReplicaManager>,
    groups: Arc<GroupService>,
    /// Other brokers: partition leaders for markers, coordinators for verification.
    peers: Arc<BrokerPeers>,
    num_partitions: i32,
    topic_settings: InternalTopicSettings,
}

impl std::fmt::Debug for TxnService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TxnService").finish_non_exhaustive()
    }
}

/// What a transaction service is built from.
pub struct TxnServiceParts {
    pub config: TransactionCoordinatorConfig,
    pub topic_settings: InternalTopicSettings,
    pub replicas: Arc<ReplicaManager>,
    pub metadata: MetadataView,
    pub groups: Arc<GroupService>,
    pub producer_ids: Arc<ProducerIdManager>,
    pub peers: Arc<BrokerPeers>,
    pub clock: Arc<dyn Clock>,
}

impl TxnService {
    pub fn new(parts: TxnServiceParts) -> Arc<Self> {
        let TxnServiceParts {
            mut config,
            topic_settings,
            replicas,
            metadata,
            groups,
            producer_ids,
            peers,
            clock,
        } = parts;
        let image = metadata.image();
        if let Some(topic) = image.topic(TRANSACTION_STATE_TOPIC)
            && let Ok(count) = i32::try_from(topic.partitions.len())
            && count > 0
        {
            config.transaction_state_log_num_partitions = count;
        }
        config.offsets_topic_num_partitions = groups.num_partitions();
        let num_partitions = config.transaction_state_log_num_partitions;
        let shard = TxnShard {
            coordinator: TransactionCoordinator::new(
                config,
                Box::new(SharedProducerIds(producer_ids)),
            ),
        };
        let runtime = Arc::new(CoordinatorRuntime::new(
            TRANSACTION_STATE_TOPIC,
            shard,
            Arc::clone(&replicas),
            clock,
        ));
        let service = Arc::new(TxnService {
            runtime,
            topic: InternalTopic::new(TRANSACTION_STATE_TOPIC),
            metadata,
            replicas,
            groups,
            peers,
            num_partitions,
            topic_settings,
        });
        let weak: Weak<TxnService> = Arc::downgrade(&service);
        service
            .runtime
            .set_followup_handler(Arc::new(move |marker: MarkerRequest| {
                if let Some(service) = weak.upgrade() {
                    tokio::spawn(async move { service.write_markers(marker).await });
                }
            }));
        service
    }

    /// The `__transaction_state` partition of `transactional_id`.
    pub fn partition_for(&self, transactional_id: &str) -> i32 {
        strom_coordinator::partition_for(transactional_id, self.num_partitions)
    }

    pub fn runtime(&self) -> &Arc<CoordinatorRuntime<TxnShard>> {
        &self.runtime
    }

    pub fn now_ms(&self) -> i64 {
        self.runtime.now_ms()
    }

    /// Makes sure `__transaction_state` exists and is loaded.
    pub async fn ensure_topic(&self) -> Result<(), CoordinatorError> {
        self.topic
            .ensure(&self.metadata, self.num_partitions, self.topic_settings)
            .await
    }

    /// A read-only look (DescribeTransactions, ListTransactions, produce verification). The
    /// state machine answers per transactional id whether it is loaded here.
    pub fn read<R>(&self, f: impl FnOnce(&TransactionCoordinator) -> R) -> R {
        match self
            .runtime
            .read(Scope::Shard, |shard| f(&shard.coordinator))
        {
            Ok(r) => r,
            Err(e) => unreachable!("an unchecked scope refused: {e}"),
        }
    }

    /// The newest coordinator epoch any transaction coordinator of this cluster can have:
    /// the largest leader epoch of a `__transaction_state` partition. A WriteTxnMarkers
    /// naming a larger one was not sent by a coordinator.
    pub fn coordinator_epoch_max(&self) -> i32 {
        self.metadata
            .image()
            .topic(TRANSACTION_STATE_TOPIC)
            .and_then(|t| t.partitions.values().map(|p| p.leader_epoch).max())
            .unwrap_or(-1)
    }

    /// Runs a call that may write records and answer later; returns this request's reply,
    /// or the code to answer with when none came.
    pub async fn call(
        &self,
        caller: &Caller,
        turn: Option<Turn>,
        f: impl FnOnce(&mut TransactionCoordinator, &RequestContext, i64) -> TxnEffects,
    ) -> Result<TxnResponse, CoordinatorError> {
        let mut turn = turn;
        if let Some(turn) = turn.as_mut() {
            turn.wait().await;
        }
        self.runtime
            .call(
                Scope::Shard,
                move || drop(turn),
                |shard, id, now| {
                    TxnShard::decision(f(&mut shard.coordinator, &caller.context(id), now))
                },
            )
            .await
    }

    /// Which broker coordinates `transactional_id` now.
    pub fn coordinator_at(&self, transactional_id: &str) -> CoordinatorAt {
        let partition = self.partition_for(transactional_id);
        txn_routing::coordinator_at(&self.peers.image(), self.peers.local(), partition)
    }

    /// The broker path of AddPartitionsToTxn, as a partition leader (Produce) or the group
    /// coordinator (TxnOffsetCommit) sends it in Kafka, to the coordinator wherever it is:
    /// with `verify_only`, whether `partitions` are in the producer's ongoing transaction
    /// (KIP-890 verification); without, transaction version 2's implicit add. Returns each
    /// partition's outcome.
    pub async fn add_partitions_from_broker(
        &self,
        caller: &Caller,
        transactional_id: &str,
        (producer_id, producer_epoch): (i64, i16),
        partitions: &[(String, Vec<i32>)],
        verify_only: bool,
    ) -> Result<HashMap<(String, i32), ErrorCode>, CoordinatorError> {
        let add = AddPartitionsToTxnRequest {
            transactions: vec![AddPartitionsToTxnTransaction {
                transactional_id: transactional_id.to_string(),
                producer_id,
                producer_epoch,
                verify_only,
                topics: partitions
                    .iter()
                    .map(|(name, ps)| AddPartitionsToTxnTopic {
                        name: name.clone(),
                        partitions: ps.clone(),
                        ..AddPartitionsToTxnTopic::default()
                    })
                    .collect(),
                ..AddPartitionsToTxnTransaction::default()
            }],
            ..AddPartitionsToTxnRequest::default()
        };
        let all = |code: ErrorCode| {
            partitions
                .iter()
                .flat_map(|(t, ps)| ps.iter().map(move |&p| ((t.clone(), p), code)))
                .collect()
        };
        let response = match self.coordinator_at(transactional_id) {
            CoordinatorAt::Local => match self.add_partitions_here(caller, &add).await? {
                Some(response) => response,
                None => return Ok(all(ErrorCode::UnknownServerError)),
            },
            CoordinatorAt::Remote(node) => {
                match txn_routing::add_partitions_remote(&self.peers, node, add).await {
                    Ok(response) => response,
                    Err(e) => {
                        tracing::warn!(transactional_id, error = %e,
                            "the transaction coordinator did not answer AddPartitionsToTxn");
                        return Ok(all(ErrorCode::CoordinatorNotAvailable));
                    }
                }
            }
            CoordinatorAt::Unavailable => return Ok(all(ErrorCode::CoordinatorNotAvailable)),
        };
        let code = |raw: i16| ErrorCode::from_code(raw).unwrap_or(ErrorCode::UnknownServerError);
        if response.error_code != 0 {
            return Ok(all(code(response.error_code)));
        }
        Ok(txn_routing::codes_by_partition(response))
    }

    /// AddPartitionsToTxn of the broker path, decided by this broker's coordinator.
    async fn add_partitions_here(
        &self,
        caller: &Caller,
        add: &AddPartitionsToTxnRequest,
    ) -> Result<Option<AddPartitionsToTxnResponse>, CoordinatorError> {
        let inter_broker = Caller {
            api_version: ADD_PARTITIONS_BROKER_VERSION,
            ..caller.clone()
        };
        let reply = self
            .call(&inter_broker, None, |c, ctx, now| {
                c.add_partitions_to_txn(ctx, add, now)
            })
            .await?;
        Ok(match reply {
            TxnResponse::AddPartitionsToTxn(response) => Some(response),
            _ => None,
        })
    }

    /// Writes one transaction's markers to every partition in it until all are written
    /// (or the partition is gone), then completes the transaction.
    async fn write_markers(self: Arc<Self>, marker: MarkerRequest) {
        let mut left: BTreeSet<TxnTopicPartition> = marker.partitions.iter().cloned().collect();
        for attempt in 1..=MARKER_ATTEMPTS_MAX {
            left = self.append_markers(&marker, &left).await;
            if left.is_empty() {
                self.markers_done(&marker).await;
                return;
            }
            tracing::warn!(transactional_id = %marker.transactional_id, attempt,
                left = left.len(), "transaction markers not all written; retrying");
            tokio::time::sleep(Duration::from_millis(MARKER_RETRY_BACKOFF_MS)).await;
        }
        tracing::error!(transactional_id = %marker.transactional_id,
            "transaction markers not written; the transaction completes on the next load");
    }

    /// Writes the marker to each partition of `left`, through its leader (here, or one
    /// WriteTxnMarkers per other leader, all at once); returns those still to write.
    async fn append_markers(
        &self,
        marker: &MarkerRequest,
        left: &BTreeSet<TxnTopicPartition>,
    ) -> BTreeSet<TxnTopicPartition> {
        let image = self.peers.image();
        let plan = txn_routing::plan_markers(&image, self.peers.local(), left);
        let mut sends = tokio::task::JoinSet::new();
        for (node, partitions) in plan.remote {
            let peers = Arc::clone(&self.peers);
            let marker = marker.clone();
            sends.spawn(async move {
                txn_routing::send_markers(&peers, node, &marker, partitions).await
            });
        }
        let mut still = plan.no_leader;
        still.extend(self.append_local_markers(marker, &plan.local).await);
        while let Some(sent) = sends.join_next().await {
            match sent {
                Ok(left_there) => still.extend(left_there),
                Err(e) => tracing::error!(error = %e, "a marker send task failed"),
            }
        }
        still
    }

    /// Appends the marker to each partition of `left` that this broker leads; returns those
    /// still to write.
    async fn append_local_markers(
        &self,
        marker: &MarkerRequest,
        left: &BTreeSet<TxnTopicPartition>,
    ) -> BTreeSet<TxnTopicPartition> {
        if left.is_empty() {
            return BTreeSet::new();
        }
        let end = match marker.result {
            TransactionResult::Commit => EndTransactionMarker::commit(marker.coordinator_epoch.0),
            TransactionResult::Abort => EndTransactionMarker::abort(marker.coordinator_epoch.0),
        };
        let built = build_end_transaction_marker(
            end,
            0,
            marker.producer_id.0,
            marker.producer_epoch.0,
            self.now_ms(),
        );
        let batch = match built {
            Ok(batch) => batch,
            Err(e) => {
                tracing::error!(error = %e, "a transaction marker does not build");
                return left.clone();
            }
        };
        let origin = if marker.transaction_version.supports_epoch_bump() {
            AppendOrigin::CoordinatorTv2
        } else {
            AppendOrigin::Coordinator
        };
        let entries: Vec<(TopicPartition, bytes::BytesMut)> = left
            .iter()
            .map(|tp| {
                (
                    TopicPartition::new(tp.topic.clone(), tp.partition),
                    bytes::BytesMut::from(&batch[..]),
                )
            })
            .collect();
        let results = self
            .replicas
            .append_records(origin, RequiredAcks::All, entries)
            .wait(Duration::from_millis(MARKER_COMMIT_WAIT_MS_MAX))
            .await;
        let mut still = BTreeSet::new();
        for ((tp, result), wanted) in results.into_iter().zip(left) {
            if !marker_written(&tp, &marker.transactional_id, result) {
                still.insert(wanted.clone());
            }
        }
        still
    }

    /// Every marker is written: settle the group offsets, then complete the transaction.
    async fn markers_done(&self, marker: &MarkerRequest) {
        if marker.partitions.iter().any(|tp| tp.topic == OFFSETS_TOPIC) {
            self.groups.complete_transaction(marker).await;
        }
        let decided = self
            .runtime
            .decide(Scope::Shard, |shard, now| {
                (
                    TxnShard::decision(shard.coordinator.markers_written(marker, now)),
                    (),
                )
            })
            .await;
        if let Ok(((), Err(e))) = decided {
            tracing::error!(transactional_id = %marker.transactional_id, error = %e,
                "completing the transaction failed; its partition reloads");
        }
    }
}

/// Whether a marker append leaves nothing more to do on that partition.
fn marker_written(
    tp: &TopicPartition,
    transactional_id: &str,
    result: Result<strom_storage::AppendInfo, PartitionError>,
) -> bool {
    match result {
        Ok(_) => true,
        // A partition not (or no longer) hosted here is looked up again on the next attempt:
        // one whose topic is gone is dropped then (`txn_routing::plan_markers`).
        // A transaction version 2 marker whose epoch the producer has already passed: the
        // producer moved on, so its transaction there is over.
        Err(PartitionError::Storage(StorageError::ProducerState(
            ProducerStateError::InvalidProducerEpoch { .. },
        ))) => {
            tracing::info!(partition = %tp, transactional_id, "stale marker not needed");
            true
        }
        Err(PartitionError::Storage(StorageError::ProducerState(
            e @ ProducerStateError::TransactionCoordinatorFenced { .. },
        ))) => {
            tracing::error!(partition = %tp, transactional_id, error = %e,
                "a newer transaction coordinator fenced this marker; not counted as written");
            false
        }
        Err(e) => {
            tracing::warn!(partition = %tp, transactional_id, error = %e, "marker not written");
            false
        }
    }
}
