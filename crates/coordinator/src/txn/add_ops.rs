//! AddPartitionsToTxn and AddOffsetsToTxn: partitions join the open transaction (Ongoing),
//! persisted and answered once durable.
//!
//! AddPartitionsToTxn v0-v3 comes from clients and names one transaction. v4+ comes from
//! brokers (KIP-890): a batch of transactions, each either added like the client path or,
//! with `verify_only`, only checked: a partition that is not in the ongoing transaction gets
//! TRANSACTION_ABORTABLE, which the produce path uses to refuse a transactional write the
//! coordinator never heard of.

use std::collections::BTreeSet;

use strom_protocol::ErrorCode;
use strom_protocol::generated::add_partitions_to_txn_request::AddPartitionsToTxnTopic;
use strom_protocol::generated::add_partitions_to_txn_response::{
    AddPartitionsToTxnPartitionResult, AddPartitionsToTxnResult, AddPartitionsToTxnTopicResult,
};
use strom_protocol::generated::{
    AddOffsetsToTxnRequest, AddOffsetsToTxnResponse, AddPartitionsToTxnRequest,
    AddPartitionsToTxnResponse,
};

use super::coordinator::{TRANSACTIONAL_ID_MAX_BYTES, TransactionCoordinator, reply};
use super::effects::{TxnEffects, TxnResponse};
use super::metadata::{ProducerEpoch, ProducerId, TopicPartition, TransactionState};
use crate::effects::RequestContext;

/// Kafka's name of the offsets topic, whose partitions AddOffsetsToTxn adds.
pub const CONSUMER_OFFSETS_TOPIC: &str = "__consumer_offsets";

/// The longest topic name a partition may carry into a transaction record.
const TOPIC_NAME_MAX_BYTES: usize = i16::MAX as usize;

/// One transaction of an AddPartitionsToTxn request, whatever its version.
struct AddRequest<'a> {
    transactional_id: &'a str,
    producer_id: ProducerId,
    producer_epoch: ProducerEpoch,
    verify_only: bool,
    partitions: Vec<TopicPartition>,
}

/// Request partitions in first-seen order without repeats.
fn partitions_of(topics: &[AddPartitionsToTxnTopic]) -> Vec<TopicPartition> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for topic in topics {
        for &p in &topic.partitions {
            let tp = TopicPartition::new(topic.name.clone(), p);
            if seen.insert(tp.clone()) {
                out.push(tp);
            }
        }
    }
    out
}

/// Results grouped by topic in first-seen order.
fn topic_results(
    partitions: &[TopicPartition],
    error_of: impl Fn(&TopicPartition) -> ErrorCode,
) -> Vec<AddPartitionsToTxnTopicResult> {
    let mut out: Vec<AddPartitionsToTxnTopicResult> = Vec::new();
    for tp in partitions {
        let result = AddPartitionsToTxnPartitionResult {
            partition_index: tp.partition,
            partition_error_code: error_of(tp) as i16,
            ..Default::default()
        };
        match out.iter_mut().find(|t| t.name == tp.topic) {
            Some(topic) => topic.results_by_partition.push(result),
            None => out.push(AddPartitionsToTxnTopicResult {
                name: tp.topic.clone(),
                results_by_partition: vec![result],
                ..Default::default()
            }),
        }
    }
    out
}

fn valid_partition(tp: &TopicPartition) -> bool {
    !tp.topic.is_empty() && tp.topic.len() <= TOPIC_NAME_MAX_BYTES && tp.partition >= 0
}

impl TransactionCoordinator {
    /// AddPartitionsToTxn, every version. Topic existence and authorization are the broker's
    /// to check first (answering UNKNOWN_TOPIC_OR_PARTITION or TOPIC_AUTHORIZATION_FAILED for
    /// the bad partitions and OPERATION_NOT_ATTEMPTED for the rest, as Kafka does); here a
    /// partition that cannot be a partition at all (empty or oversized topic name, negative
    /// index) gets that same treatment.
    pub fn add_partitions_to_txn(
        &mut self,
        ctx: &RequestContext,
        req: &AddPartitionsToTxnRequest,
        now_ms: i64,
    ) -> TxnEffects {
        let mut fx = TxnEffects::default();
        let mut response = AddPartitionsToTxnResponse::default();
        if ctx.api_version < 4 {
            let add = AddRequest {
                transactional_id: &req.v3_and_below_transactional_id,
                producer_id: ProducerId(req.v3_and_below_producer_id),
                producer_epoch: ProducerEpoch(req.v3_and_below_producer_epoch),
                verify_only: false,
                partitions: partitions_of(&req.v3_and_below_topics),
            };
            response.results_by_topic_v3_and_below = self.add_one(&add, now_ms, &mut fx);
        } else if req.transactions.len() > self.config.add_partitions_max_transactions {
            response.error_code = ErrorCode::InvalidRequest as i16;
        } else {
            for txn in &req.transactions {
                let add = AddRequest {
                    transactional_id: &txn.transactional_id,
                    producer_id: ProducerId(txn.producer_id),
                    producer_epoch: ProducerEpoch(txn.producer_epoch),
                    verify_only: txn.verify_only,
                    partitions: partitions_of(&txn.topics),
                };
                let topic_results = self.add_one(&add, now_ms, &mut fx);
                response
                    .results_by_transaction
                    .push(AddPartitionsToTxnResult {
                        transactional_id: txn.transactional_id.clone(),
                        topic_results,
                        ..Default::default()
                    });
            }
        }
        fx.responses_after_persist
            .push(reply(ctx, TxnResponse::AddPartitionsToTxn(response)));
        self.finish(fx)
    }

    fn add_one(
        &mut self,
        add: &AddRequest<'_>,
        now_ms: i64,
        fx: &mut TxnEffects,
    ) -> Vec<AddPartitionsToTxnTopicResult> {
        if add.partitions.iter().any(|tp| !valid_partition(tp)) {
            return topic_results(&add.partitions, |tp| {
                if valid_partition(tp) {
                    ErrorCode::OperationNotAttempted
                } else {
                    ErrorCode::UnknownTopicOrPartition
                }
            });
        }
        if add.verify_only {
            return match self.verify_partitions(add) {
                Ok(in_txn) => topic_results(&add.partitions, |tp| {
                    if in_txn.contains(tp) {
                        ErrorCode::None
                    } else {
                        ErrorCode::TransactionAbortable
                    }
                }),
                Err(e) => topic_results(&add.partitions, |_| e),
            };
        }
        let error = self
            .add_partitions(add, now_ms, fx)
            .err()
            .unwrap_or(ErrorCode::None);
        topic_results(&add.partitions, |_| error)
    }

    /// The checks every path shares: the id is served here, known, and held by this producer
    /// at this epoch.
    fn check_producer(
        &self,
        transactional_id: &str,
        producer_id: ProducerId,
        producer_epoch: ProducerEpoch,
    ) -> Result<TransactionState, ErrorCode> {
        if transactional_id.is_empty() || transactional_id.len() > TRANSACTIONAL_ID_MAX_BYTES {
            return Err(ErrorCode::InvalidRequest);
        }
        self.coordinator_epoch(transactional_id)?;
        let metadata = self
            .transactions
            .get(transactional_id)
            .ok_or(ErrorCode::InvalidProducerIdMapping)?;
        // Transaction version 2: the client holds the next producer id while the markers of
        // the transaction that exhausted the old one are still being written.
        if metadata.next_producer_id == producer_id && producer_id != ProducerId::NONE {
            return Err(ErrorCode::ConcurrentTransactions);
        }
        if metadata.producer_id != producer_id {
            return Err(ErrorCode::InvalidProducerIdMapping);
        }
        if metadata.producer_epoch != producer_epoch {
            return Err(ErrorCode::ProducerFenced);
        }
        Ok(metadata.state)
    }

    /// KIP-890 verification: which of the partitions are in the ongoing transaction.
    fn verify_partitions(&self, add: &AddRequest<'_>) -> Result<Vec<TopicPartition>, ErrorCode> {
        let state =
            self.check_producer(add.transactional_id, add.producer_id, add.producer_epoch)?;
        if matches!(
            state,
            TransactionState::PrepareCommit | TransactionState::PrepareAbort
        ) {
            return Err(ErrorCode::ConcurrentTransactions);
        }
        let metadata = &self.transactions[add.transactional_id];
        Ok(add
            .partitions
            .iter()
            .filter(|tp| metadata.partitions.contains(tp))
            .cloned()
            .collect())
    }

    /// Kafka's `handleAddPartitionsToTransaction`.
    fn add_partitions(
        &mut self,
        add: &AddRequest<'_>,
        now_ms: i64,
        fx: &mut TxnEffects,
    ) -> Result<(), ErrorCode> {
        let id = add.transactional_id;
        let state = self.check_producer(id, add.producer_id, add.producer_epoch)?;
        let metadata = &self.transactions[id];
        let new: Vec<&TopicPartition> = add
            .partitions
            .iter()
            .filter(|tp| !metadata.partitions.contains(tp))
            .collect();
        match state {
            TransactionState::PrepareCommit | TransactionState::PrepareAbort => {
                return Err(ErrorCode::ConcurrentTransactions);
            }
            TransactionState::Ongoing if new.is_empty() => return Ok(()),
            TransactionState::Dead | TransactionState::PrepareEpochFence => {
                unreachable!("metadata of {id:?} rests in {state:?}")
            }
            _ => {}
        }
        // Complete* still lists no partitions, so the count is the new transaction's.
        if metadata.partitions.len() + new.len() > self.config.transaction_max_partitions {
            return Err(ErrorCode::UnknownServerError);
        }
        let new: Vec<TopicPartition> = new.into_iter().cloned().collect();
        let metadata = self.transactions.get_mut(id).expect("checked above");
        if state != TransactionState::Ongoing {
            metadata.txn_start_timestamp_ms = now_ms;
        }
        metadata.partitions.extend(new);
        metadata.transition_to(TransactionState::Ongoing, now_ms);
        self.update_timeout_timer(id);
        self.persist(id, fx);
        Ok(())
    }

    /// AddOffsetsToTxn: adds the group's `__consumer_offsets` partition, so the commit or
    /// abort marker reaches the group coordinator's pending TxnOffsetCommit offsets.
    pub fn add_offsets_to_txn(
        &mut self,
        ctx: &RequestContext,
        req: &AddOffsetsToTxnRequest,
        now_ms: i64,
    ) -> TxnEffects {
        let mut fx = TxnEffects::default();
        let partition = TopicPartition::new(
            CONSUMER_OFFSETS_TOPIC,
            self.offsets_partition_for(&req.group_id),
        );
        let add = AddRequest {
            transactional_id: &req.transactional_id,
            producer_id: ProducerId(req.producer_id),
            producer_epoch: ProducerEpoch(req.producer_epoch),
            verify_only: false,
            partitions: vec![partition],
        };
        let error = self
            .add_partitions(&add, now_ms, &mut fx)
            .err()
            .unwrap_or(ErrorCode::None);
        let response = AddOffsetsToTxnResponse {
            error_code: error as i16,
            ..Default::default()
        };
        fx.responses_after_persist
            .push(reply(ctx, TxnResponse::AddOffsetsToTxn(response)));
        self.finish(fx)
    }
}
