//! WriteTxnMarkers: writes commit or abort markers for a producer to named partitions. In a
//! cluster the transaction coordinator sends it to partition leaders; administrators send it
//! to end a hanging transaction (`kafka-transactions.sh abort`). Each marker is appended as a
//! control batch through the partition's log (which refuses it for an older producer epoch)
//! and answered once on disk; markers on `__consumer_offsets` also settle the group
//! coordinator's pending transactional offsets.

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
use strom_storage::{AppendOrigin, LeaderEpoch, StorageError};

use crate::errors::storage_error_code;
use crate::group_coordinator::OFFSETS_TOPIC;
use crate::server::Broker;

/// Longest wait for a marker's fsync.
const FLUSH_WAIT_MS_MAX: u64 = 60_000;

pub async fn handle(
    broker: &Arc<Broker>,
    request: WriteTxnMarkersRequest,
) -> WriteTxnMarkersResponse {
    let mut markers = Vec::with_capacity(request.markers.len());
    for marker in request.markers {
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
                let code = write_one(broker, &topic.name, index, end, producer).await;
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
                transaction_version: TransactionVersion::TV0,
            };
            broker.groups.complete_transaction(broker, &request).await;
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
) -> ErrorCode {
    let Some(p) = broker.replica_manager.partition(topic, index) else {
        return ErrorCode::UnknownTopicOrPartition;
    };
    let now = broker.txns.now_ms();
    let batch = match build_end_transaction_marker(end, 0, producer_id, producer_epoch, now) {
        Ok(batch) => batch,
        Err(_) => return ErrorCode::InvalidRecord,
    };
    let origin = AppendOrigin::Coordinator {
        leader_epoch: LeaderEpoch(p.leader_epoch),
    };
    let info = match p.log.append(bytes::BytesMut::from(&batch[..]), origin) {
        Ok(info) => info,
        Err(e) => return storage_error_code(&e),
    };
    p.advance_high_watermark();
    broker.replica_manager.notify_appended();
    let waiter = match p.log.flush_to(info.next_offset()) {
        Ok(waiter) => waiter,
        Err(e) => return storage_error_code(&e),
    };
    match tokio::time::timeout(Duration::from_millis(FLUSH_WAIT_MS_MAX), waiter).await {
        Ok(Ok(_)) => ErrorCode::None,
        Ok(Err(e)) => storage_error_code(&StorageError::Flush(e)),
        Err(_) => ErrorCode::RequestTimedOut,
    }
}
