//! WriteTxnMarkers: writes commit or abort markers for a producer to named partitions. In a
//! cluster the transaction coordinator sends it to partition leaders; administrators send it
//! to end a hanging transaction (`kafka-transactions.sh abort`). Each marker is appended as a
//! control batch through the replica manager (the log refuses it for an older producer epoch
//! or an older coordinator epoch) and answered once committed; markers on
//! `__consumer_offsets` also settle the group coordinator's pending transactional offsets.
//!
//! A marker naming a coordinator epoch above every `__transaction_state` partition's leader
//! epoch was sent by no coordinator: it is refused with `INVALID_REQUEST`, because once
//! written it would fence the real coordinator's markers on that partition and leave the
//! last stable offset stuck. (Kafka relies on `CLUSTER_ACTION` authorization for this.)

use std::sync::Arc;
use std::time::Duration;

use strom_coordinator::txn::{
    CoordinatorEpoch, MarkerRequest, ProducerEpoch, ProducerId, TopicPartition, TransactionResult,
    TransactionVersion,
};
use strom_protocol::ErrorCode;
use strom_protocol::generated::write_txn_markers_response::{
    WritableTxnMarkerPartitionResult, WritableTxnMarkerResult, WritableTxnMarkerTopicResult,
};
use strom_protocol::generated::{WriteTxnMarkersRequest, WriteTxnMarkersResponse};
use strom_protocol::records::{EndTransactionMarker, build_end_transaction_marker};
use strom_storage::TopicPartition as LogPartition;

use crate::context::Broker;
use crate::coordinator::OFFSETS_TOPIC;
use crate::errors::partition_error_code;
use crate::replica_manager::{AppendOrigin, RequiredAcks};

/// Longest wait for a marker to commit.
const COMMIT_WAIT_MS_MAX: u64 = 60_000;

pub async fn handle(
    broker: &Arc<Broker>,
    request: WriteTxnMarkersRequest,
) -> WriteTxnMarkersResponse {
    let epoch_max = broker.txns.coordinator_epoch_max().max(0);
    let mut markers = Vec::with_capacity(request.markers.len());
    for marker in request.markers {
        let version = TransactionVersion(i16::from(marker.transaction_version));
        let result = TransactionResult::from_committed(marker.transaction_result);
        let end = match result {
            TransactionResult::Commit => EndTransactionMarker::commit(marker.coordinator_epoch),
            TransactionResult::Abort => EndTransactionMarker::abort(marker.coordinator_epoch),
        };
        let mut topics = Vec::with_capacity(marker.topics.len());
        let mut settled = Vec::new();
        for topic in marker.topics {
            let mut partitions = Vec::with_capacity(topic.partition_indexes.len());
            for &index in &topic.partition_indexes {
                let producer = (marker.producer_id, marker.producer_epoch);
                let code = if marker.coordinator_epoch > epoch_max {
                    // No coordinator of this cluster has that epoch: a marker stamped with it
                    // would fence the real coordinator's markers on this partition for good.
                    tracing::warn!(topic = %topic.name, partition = index,
                        coordinator_epoch = marker.coordinator_epoch, epoch_max,
                        "refused a transaction marker from no known coordinator");
                    ErrorCode::InvalidRequest
                } else {
                    write_one(broker, &topic.name, index, end, producer, version).await
                };
                if code == ErrorCode::None && topic.name == OFFSETS_TOPIC {
                    settled.push(TopicPartition::new(OFFSETS_TOPIC, index));
                }
                partitions.push(WritableTxnMarkerPartitionResult {
                    partition_index: index,
                    error_code: code.code(),
                    ..WritableTxnMarkerPartitionResult::default()
                });
            }
            topics.push(WritableTxnMarkerTopicResult {
                name: topic.name,
                partitions,
                ..WritableTxnMarkerTopicResult::default()
            });
        }
        if !settled.is_empty() {
            let request = MarkerRequest {
                transactional_id: String::new(),
                producer_id: ProducerId(marker.producer_id),
                producer_epoch: ProducerEpoch(marker.producer_epoch),
                coordinator_epoch: CoordinatorEpoch(marker.coordinator_epoch),
                result,
                partitions: settled,
                // WriteTxnMarkers up to v1 carries no transaction version: Kafka's version 0.
                // Before v2 the request carries no transaction version: Kafka's version 0.
                transaction_version: version,
            };
            broker.groups.complete_transaction(&request).await;
        }
        markers.push(WritableTxnMarkerResult {
            producer_id: marker.producer_id,
            topics,
            ..WritableTxnMarkerResult::default()
        });
    }
    WriteTxnMarkersResponse {
        markers,
        ..WriteTxnMarkersResponse::default()
    }
}

async fn write_one(
    broker: &Broker,
    topic: &str,
    index: i32,
    end: EndTransactionMarker,
    (producer_id, producer_epoch): (i64, i16),
    version: TransactionVersion,
) -> ErrorCode {
    let now = broker.txns.now_ms();
    let batch = match build_end_transaction_marker(end, 0, producer_id, producer_epoch, now) {
        Ok(batch) => batch,
        Err(_) => return ErrorCode::InvalidRecord,
    };
    let tp = LogPartition::new(topic, index);
    let results = broker
        .replica_manager
        .append_records(
            // A transaction version 2 marker must carry an epoch above the producer's.
            if version.supports_epoch_bump() {
                AppendOrigin::CoordinatorTv2
            } else {
                AppendOrigin::Coordinator
            },
            RequiredAcks::All,
            vec![(tp, bytes::BytesMut::from(&batch[..]))],
        )
        .wait(Duration::from_millis(COMMIT_WAIT_MS_MAX))
        .await;
    match results.into_iter().next() {
        Some((_, Ok(_))) => ErrorCode::None,
        Some((_, Err(e))) => partition_error_code(&e),
        None => ErrorCode::UnknownServerError,
    }
}
