//! What a transaction coordinator call decides, for the broker to carry out: records to
//! append to `__transaction_state`, responses to send now or once those records are durable,
//! transaction markers to write once those records are durable, and the timers now armed.
//!
//! The shape follows the group coordinator's [`crate::Effects`] with one more field,
//! `markers`; the types are separate because the records go to another topic and the
//! responses belong to other APIs.

use strom_protocol::ErrorCode;
use strom_protocol::generated::{
    AddOffsetsToTxnResponse, AddPartitionsToTxnResponse, EndTxnResponse, InitProducerIdResponse,
};

use super::metadata::{CoordinatorEpoch, ProducerEpoch, ProducerId, TopicPartition};
use super::metadata::{TransactionResult, TransactionState, TransactionVersion};
use super::record::TransactionRecord;
use crate::effects::RequestId;

/// A record for a given `__transaction_state` partition.
#[derive(Debug, Clone, PartialEq)]
pub struct TxnPartitionRecord {
    pub partition: i32,
    pub record: TransactionRecord,
}

/// A response of the transaction coordinator.
#[derive(Debug, Clone, PartialEq)]
pub enum TxnResponse {
    InitProducerId(InitProducerIdResponse),
    AddPartitionsToTxn(AddPartitionsToTxnResponse),
    AddOffsetsToTxn(AddOffsetsToTxnResponse),
    EndTxn(EndTxnResponse),
}

impl TxnResponse {
    /// The same response carrying `code` instead, for when the broker could not make the
    /// records durable (Kafka answers `NOT_COORDINATOR` when it lost leadership, else
    /// `COORDINATOR_NOT_AVAILABLE` or `UNKNOWN_SERVER_ERROR`).
    pub fn with_error(&self, code: ErrorCode) -> TxnResponse {
        let code = code as i16;
        match self {
            TxnResponse::InitProducerId(r) => TxnResponse::InitProducerId(InitProducerIdResponse {
                throttle_time_ms: r.throttle_time_ms,
                error_code: code,
                producer_id: -1,
                producer_epoch: -1,
                ..Default::default()
            }),
            TxnResponse::AddPartitionsToTxn(r) => {
                let mut r = r.clone();
                let by_txn = r
                    .results_by_transaction
                    .iter_mut()
                    .flat_map(|t| t.topic_results.iter_mut());
                for topic in r.results_by_topic_v3_and_below.iter_mut().chain(by_txn) {
                    for p in &mut topic.results_by_partition {
                        p.partition_error_code = code;
                    }
                }
                TxnResponse::AddPartitionsToTxn(r)
            }
            TxnResponse::AddOffsetsToTxn(r) => {
                TxnResponse::AddOffsetsToTxn(AddOffsetsToTxnResponse {
                    throttle_time_ms: r.throttle_time_ms,
                    error_code: code,
                    ..Default::default()
                })
            }
            TxnResponse::EndTxn(r) => TxnResponse::EndTxn(EndTxnResponse {
                throttle_time_ms: r.throttle_time_ms,
                error_code: code,
                producer_id: -1,
                producer_epoch: -1,
                ..Default::default()
            }),
        }
    }
}

/// A response addressed to the request it answers, already shaped for its api version.
#[derive(Debug, Clone, PartialEq)]
pub struct TxnReply {
    pub request_id: RequestId,
    pub api_version: i16,
    pub response: TxnResponse,
}

/// Transaction markers to write: one control batch (commit or abort) for `producer_id` at
/// `producer_epoch` on each partition, stamped with `coordinator_epoch` (Kafka's
/// WriteTxnMarkers). When they are written, hand this request back to
/// [`super::TransactionCoordinator::markers_written`] (or report partitions one at a time
/// with [`super::TransactionCoordinator::marker_partition_written`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerRequest {
    pub transactional_id: String,
    pub producer_id: ProducerId,
    pub producer_epoch: ProducerEpoch,
    pub coordinator_epoch: CoordinatorEpoch,
    pub result: TransactionResult,
    pub partitions: Vec<TopicPartition>,
    /// The transaction's protocol. At version 2 the marker's epoch is above every epoch the
    /// producer wrote data with, and the partition leader must refuse a marker that is not
    /// (Kafka's rule for TV2 markers): a repeated marker then cannot end the producer's next
    /// transaction.
    pub transaction_version: TransactionVersion,
}

impl MarkerRequest {
    /// The state the transaction is in while these markers are outstanding.
    pub fn prepare_state(&self) -> TransactionState {
        self.result.prepare_state()
    }
}

/// What a transaction coordinator timer does when it fires.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TxnTimerKind {
    /// An ongoing transaction reaches `txn_start + transaction_timeout_ms`: abort it and fence
    /// its producer.
    TransactionTimeout { transactional_id: String },
    /// Look for ids idle longer than `transactional.id.expiration.ms`.
    TransactionalIdExpiration,
}

/// A timer armed (or re-armed) by a call. Calling
/// [`super::TransactionCoordinator::tick`] at
/// [`super::TransactionCoordinator::next_deadline_ms`] is enough; these are informational.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxnTimer {
    pub deadline_ms: i64,
    pub kind: TxnTimerKind,
}

impl crate::timers::ArmedTimer<TxnTimerKind> for TxnTimer {
    fn armed(kind: TxnTimerKind, deadline_ms: i64) -> Self {
        TxnTimer { deadline_ms, kind }
    }
}

/// The decisions of one transaction coordinator call.
///
/// Order of work for the broker: append `records` (in order, each to its partition of
/// `__transaction_state`, acks=all); send `responses_now` at once; once every record of this
/// and every earlier `TxnEffects` is durable, send `responses_after_persist` and start
/// writing `markers`. If the append fails, answer those responses with
/// [`TxnResponse::with_error`], drop the markers, and reload the partition (unload, replay,
/// complete the load), because the in-memory state already reflects the records.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TxnEffects {
    pub records: Vec<TxnPartitionRecord>,
    pub responses_now: Vec<TxnReply>,
    pub responses_after_persist: Vec<TxnReply>,
    pub markers: Vec<MarkerRequest>,
    pub timers: Vec<TxnTimer>,
}

impl TxnEffects {
    /// Every reply, whatever its timing (tests and simple callers).
    pub fn replies(&self) -> impl Iterator<Item = &TxnReply> {
        self.responses_now
            .iter()
            .chain(self.responses_after_persist.iter())
    }

    /// Appends the decisions of a later call (tests and batching callers).
    pub fn merge(&mut self, other: TxnEffects) {
        self.records.extend(other.records);
        self.responses_now.extend(other.responses_now);
        self.responses_after_persist
            .extend(other.responses_after_persist);
        self.markers.extend(other.markers);
        self.timers.extend(other.timers);
    }
}
