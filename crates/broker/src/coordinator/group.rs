//! The group coordinator as the broker runs it: `strom_coordinator`'s state machine (which
//! decides everything about groups and offsets and touches no socket, file or clock) on the
//! coordinator runtime, with `__consumer_offsets` as its topic.
//!
//! `__consumer_offsets` (`offsets.topic.num.partitions` partitions, default 50, compacted)
//! holds every group's metadata and committed offsets in Kafka's key/value schemas. It is
//! created on first use (FindCoordinator or a group request), as Kafka does; its partitions
//! load when this broker is elected their leader.

use crate::coordinator::internal_topic::InternalTopicSettings;
use std::sync::Arc;

use strom_coordinator::txn::{MarkerRequest, ProducerId as TxnProducerId, TransactionResult};
use strom_coordinator::{
    Effects, GroupCoordinator, GroupCoordinatorConfig, RequestContext, Response, TopicInfo,
    TopicMetadataLookup, encode_record,
};
use strom_metadata::MetadataImage;
use strom_protocol::generated::{TxnOffsetCommitRequest, TxnOffsetCommitResponse};
use strom_protocol::{ErrorCode, Uuid};
use strom_storage::{Clock, LeaderEpoch, ProducerStateError, StorageError};

use super::Caller;
use super::internal_topic::{InternalTopic, OFFSETS_TOPIC, Replayed};
use super::runtime::{
    BatchProducer, CoordinatorError, CoordinatorRuntime, Decision, Scope, Shard, ShardRecord,
};
use crate::metadata_view::MetadataView;
use crate::replica_manager::{PartitionError, ReplicaManager};
use crate::turn::Turn;

/// The group coordinator state machine as a runtime shard.
#[derive(Debug)]
pub struct GroupShard {
    coordinator: GroupCoordinator,
}

impl GroupShard {
    /// Turns the state machine's effects into the runtime's decision.
    fn decision(&self, effects: Effects) -> Decision<Response, std::convert::Infallible> {
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
            ..Decision::default()
        };
        for record in effects.records {
            match encode_record(&record.record) {
                Ok((key, value)) => decision.records.push(ShardRecord {
                    partition: record.partition,
                    key,
                    value,
                    producer: None,
                }),
                Err(e) => {
                    tracing::error!(partition = record.partition, error = %e,
                        "a group record does not encode");
                    decision.unwritable.push(record.partition);
                }
            }
        }
        decision
    }
}

impl Shard for GroupShard {
    type Response = Response;
    type Followup = std::convert::Infallible;

    fn begin_load(&mut self, _partition: i32, _epoch: LeaderEpoch) {
        // The runtime unloads the partition before a load; groups carry no epoch.
    }

    fn replay(&mut self, partition: i32, item: Replayed) {
        let c = &mut self.coordinator;
        match item {
            Replayed::Record {
                key,
                value,
                transactional_producer,
            } => {
                let replayed = match transactional_producer {
                    Some(pid) => c.replay_transactional(TxnProducerId(pid), &key, value.as_ref()),
                    None => c.replay(&key, value.as_ref()),
                };
                if let Err(e) = replayed {
                    tracing::warn!(partition, error = %e, "group record skipped");
                }
            }
            Replayed::Marker {
                producer_id,
                commit,
            } => {
                let result = TransactionResult::from_committed(commit);
                c.replay_marker(partition, TxnProducerId(producer_id), result);
            }
        }
    }

    fn complete_load(
        &mut self,
        partition: i32,
        now_ms: i64,
    ) -> Decision<Response, std::convert::Infallible> {
        self.coordinator.complete_load_partition(partition, now_ms);
        Decision {
            timers_changed: true,
            ..Decision::default()
        }
    }

    fn unload(&mut self, partition: i32) -> Decision<Response, std::convert::Infallible> {
        let effects = self.coordinator.unload_partition(partition);
        self.decision(effects)
    }

    fn tick(&mut self, now_ms: i64) -> Decision<Response, std::convert::Infallible> {
        let effects = self.coordinator.tick(now_ms);
        self.decision(effects)
    }

    fn next_deadline_ms(&self) -> Option<i64> {
        self.coordinator.next_deadline_ms()
    }

    fn failed(response: &Response, error: &PartitionError) -> Response {
        response.with_error(append_error_code(error))
    }
}

/// What a group request answers when its records could not be committed (Kafka's
/// coordinator runtime maps append errors the same way).
fn append_error_code(error: &PartitionError) -> ErrorCode {
    match error {
        PartitionError::RequestTimedOut(_) | PartitionError::TooManyWaiters { .. } => {
            ErrorCode::CoordinatorNotAvailable
        }
        PartitionError::Storage(StorageError::ProducerState(
            ProducerStateError::InvalidProducerEpoch { .. },
        )) => ErrorCode::ProducerFenced,
        _ => ErrorCode::NotCoordinator,
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

/// The group coordinator service: what the group handlers call.
#[derive(Debug)]
pub struct GroupService {
    runtime: Arc<CoordinatorRuntime<GroupShard>>,
    topic: InternalTopic,
    metadata: MetadataView,
    num_partitions: i32,
    topic_settings: InternalTopicSettings,
}

impl GroupService {
    /// A coordinator for `config`; when `__consumer_offsets` already exists its partition
    /// count wins over `offsets.topic.num.partitions`, since groups are hashed over the
    /// partitions the topic really has.
    pub fn new(
        mut config: GroupCoordinatorConfig,
        topic_settings: InternalTopicSettings,
        replicas: Arc<ReplicaManager>,
        metadata: MetadataView,
        clock: Arc<dyn Clock>,
    ) -> Self {
        if let Some(topic) = metadata.image().topic(OFFSETS_TOPIC)
            && let Ok(count) = i32::try_from(topic.partitions.len())
            && count > 0
        {
            config.offsets_topic_num_partitions = count;
        }
        let num_partitions = config.offsets_topic_num_partitions;
        let shard = GroupShard {
            coordinator: GroupCoordinator::new(config),
        };
        GroupService {
            runtime: Arc::new(CoordinatorRuntime::new(
                OFFSETS_TOPIC,
                shard,
                replicas,
                clock,
            )),
            topic: InternalTopic::new(OFFSETS_TOPIC),
            metadata,
            num_partitions,
            topic_settings,
        }
    }

    pub fn runtime(&self) -> &Arc<CoordinatorRuntime<GroupShard>> {
        &self.runtime
    }

    pub fn num_partitions(&self) -> i32 {
        self.num_partitions
    }

    /// The `__consumer_offsets` partition of `group_id`.
    pub fn partition_for(&self, group_id: &str) -> i32 {
        strom_coordinator::partition_for(group_id, self.num_partitions)
    }

    pub fn now_ms(&self) -> i64 {
        self.runtime.now_ms()
    }

    /// Makes sure `__consumer_offsets` exists and is loaded, creating it with Kafka's
    /// settings for it (compacted, `offsets.topic.segment.bytes`) on first use.
    pub async fn ensure_offsets_topic(&self) -> Result<(), CoordinatorError> {
        self.topic
            .ensure(&self.metadata, self.num_partitions, self.topic_settings)
            .await
    }

    /// Runs a read-only call (Heartbeat, ListGroups, DescribeGroups,
    /// ConsumerGroupDescribe) after the caller's earlier requests were processed.
    pub async fn read<R>(
        &self,
        caller: &Caller,
        turn: Option<Turn>,
        group_id: Option<&str>,
        f: impl FnOnce(&mut GroupCoordinator, &RequestContext, i64) -> R,
    ) -> Result<R, CoordinatorError> {
        let turn = after_earlier(turn).await;
        let ctx = caller.context(strom_coordinator::RequestId(0));
        let now = self.now_ms();
        let result = self.runtime.read(self.scope(group_id), |shard| {
            f(&mut shard.coordinator, &ctx, now)
        });
        // The connection's next request is processed only after this one was.
        drop(turn);
        result
    }

    /// Runs a read-only call whose answer must hold committed state only (OffsetFetch):
    /// offsets are applied in memory as their OffsetCommit is decided, before the record
    /// commits, so the answer waits for the appends in flight (and fails with them).
    pub async fn read_committed<R>(
        &self,
        caller: &Caller,
        turn: Option<Turn>,
        group_id: Option<&str>,
        f: impl FnOnce(&mut GroupCoordinator, &RequestContext, i64) -> R,
    ) -> Result<R, CoordinatorError> {
        let turn = after_earlier(turn).await;
        let ctx = caller.context(strom_coordinator::RequestId(0));
        let now = self.now_ms();
        let read = self.runtime.read_committed(self.scope(group_id), |shard| {
            f(&mut shard.coordinator, &ctx, now)
        });
        // The connection's next request waits for this one's answer, as for a call.
        let result = read.await;
        drop(turn);
        result
    }

    /// Runs a call that may write records and may be answered later; returns the reply
    /// addressed to this request, or the code to answer with when none came.
    pub async fn call(
        &self,
        caller: &Caller,
        turn: Option<Turn>,
        group_id: Option<&str>,
        f: impl FnOnce(&mut GroupCoordinator, &RequestContext, i64) -> Effects,
    ) -> Result<Response, CoordinatorError> {
        let turn = after_earlier(turn).await;
        self.runtime
            .call(
                self.scope(group_id),
                // Decided: the connection's next request may go (a parked JoinGroup must not
                // hold up the member's other requests while it waits for the rebalance).
                move || drop(turn),
                |shard, id, now| {
                    let effects = f(&mut shard.coordinator, &caller.context(id), now);
                    shard.decision(effects)
                },
            )
            .await
    }

    fn scope(&self, group_id: Option<&str>) -> Scope {
        match group_id {
            Some(g) => Scope::Partition(self.partition_for(g)),
            None => Scope::Any,
        }
    }

    /// TxnOffsetCommit: the offsets go to `__consumer_offsets` as a transactional batch of
    /// the producer (so the log's transaction bookkeeping and the later marker cover them)
    /// and stay pending in the coordinator until that marker; answered once committed.
    pub async fn txn_offset_commit(
        &self,
        caller: &Caller,
        turn: Option<Turn>,
        request: &TxnOffsetCommitRequest,
    ) -> Result<TxnOffsetCommitResponse, CoordinatorError> {
        let turn = after_earlier(turn).await;
        let ctx = caller.context(strom_coordinator::RequestId(0));
        let scope = Scope::Partition(self.partition_for(&request.group_id));
        let decided = self
            .runtime
            .decide(scope, |shard, now| {
                let outcome = shard.coordinator.txn_offset_commit(&ctx, request, now);
                let producer = BatchProducer {
                    producer_id: outcome.producer_id.0,
                    producer_epoch: outcome.producer_epoch.0,
                    transactional: true,
                };
                let mut decision = shard.decision(outcome.effects.clone());
                for record in &mut decision.records {
                    record.producer = Some(producer);
                }
                (decision, outcome)
            })
            .await;
        drop(turn);
        let (outcome, committed) = decided?;
        Ok(match committed {
            Ok(()) => outcome.response,
            Err(e) => {
                tracing::warn!(error = %e, "transactional offsets not committed");
                outcome.response_with_error(append_error_code(&e))
            }
        })
    }

    /// A transaction's marker reached its `__consumer_offsets` partitions: the producer's
    /// pending offsets there become committed (commit) or are dropped (abort).
    pub async fn complete_transaction(&self, marker: &MarkerRequest) {
        let partitions: Vec<i32> = marker
            .partitions
            .iter()
            .filter(|tp| tp.topic == OFFSETS_TOPIC)
            .map(|tp| tp.partition)
            .collect();
        for partition in partitions {
            let decided = self
                .runtime
                .decide(Scope::Partition(partition), |shard, now| {
                    let effects = shard.coordinator.complete_transaction(
                        partition,
                        marker.producer_id,
                        marker.result,
                        now,
                    );
                    (shard.decision(effects), ())
                })
                .await;
            match decided {
                Ok(((), Ok(()))) => {}
                Ok(((), Err(e))) => tracing::error!(partition, error = %e,
                    "settling transactional offsets failed; the partition reloads"),
                Err(e) => tracing::warn!(partition, error = %e,
                    "transactional offsets not settled here"),
            }
        }
    }

    /// Topics were created or deleted, or gained partitions: KIP-848 groups re-resolve their
    /// regular-expression subscriptions and refresh their topic metadata, bumping their
    /// epochs where the result changed. Called by the metadata listener.
    pub async fn on_topics_changed(&self, image: &MetadataImage) {
        if self.runtime.partitions().is_empty() {
            return;
        }
        let decided = self
            .runtime
            .decide(Scope::Shard, |shard, now| {
                let effects = shard
                    .coordinator
                    .on_topics_changed(&ImageTopics(image), now);
                (shard.decision(effects), ())
            })
            .await;
        if let Ok(((), Err(e))) = decided {
            tracing::error!(error = %e, "recording re-resolved subscriptions failed");
        }
    }

    /// The image as a topic lookup for KIP-848 calls.
    pub fn topics(image: &MetadataImage) -> impl TopicMetadataLookup + '_ {
        ImageTopics(image)
    }
}

/// Waits until the caller's earlier requests on its connection were processed; the turn is
/// held (and its drop releases the next request) by the caller.
async fn after_earlier(turn: Option<Turn>) -> Option<Turn> {
    let mut turn = turn;
    if let Some(turn) = turn.as_mut() {
        turn.wait().await;
    }
    turn
}
