//! DeleteRecords: moves each partition's log start offset up to the requested offset, so
//! records below it are no longer served and whole segments below it are deleted. Offset -1
//! means "up to the high watermark"; an offset above the high watermark, or another negative
//! one, is `OFFSET_OUT_OF_RANGE`. The response carries the new log start (Kafka's
//! `low_watermark`). The log-start checkpoint picks the change up on its next pass, and
//! the offset never moves back, so a crash before that pass at worst serves a few records
//! the client asked to delete, as in Kafka.
//!
//! A partition named more than once is answered once, for the last offset given (Kafka keys
//! them in a map), and records of internal topics are never deleted by a client: Kafka
//! answers `INVALID_TOPIC_EXCEPTION` for them.

use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::delete_records_response::{
    DeleteRecordsPartitionResult, DeleteRecordsTopicResult,
};
use strom_protocol::generated::{DeleteRecordsRequest, DeleteRecordsResponse};
use strom_storage::{Offset, TopicPartition};

use crate::context::Broker;
use crate::coordinator::is_internal_topic;
use crate::errors::partition_error_code;
use crate::handlers::dedupe_partitions;
use strom_metadata::controller::is_legal_topic_name;

/// Kafka's `DeleteRecordsRequest.HIGH_WATERMARK`: delete everything below the high
/// watermark.
const HIGH_WATERMARK: i64 = -1;

pub async fn handle(
    broker: &Arc<Broker>,
    request: DeleteRecordsRequest,
    _version: i16,
) -> DeleteRecordsResponse {
    let broker = broker.clone();
    // Deleting segments unlinks files: off the async workers.
    tokio::task::spawn_blocking(move || delete_all(&broker, request))
        .await
        .unwrap_or_else(|e| panic!("delete records task panicked: {e}"))
}

fn delete_all(broker: &Broker, request: DeleteRecordsRequest) -> DeleteRecordsResponse {
    let wanted = dedupe_partitions(request.topics.into_iter().map(|t| {
        let partitions = t
            .partitions
            .into_iter()
            .map(|p| (p.partition_index, p.offset))
            .collect();
        (t.name, partitions)
    }));
    let topics = wanted
        .into_iter()
        .map(|(name, partitions)| DeleteRecordsTopicResult {
            partitions: partitions
                .into_iter()
                .map(|(index, offset)| delete_one(broker, &name, index, offset))
                .collect(),
            name,
            ..DeleteRecordsTopicResult::default()
        })
        .collect();
    DeleteRecordsResponse {
        topics,
        ..DeleteRecordsResponse::default()
    }
}

fn delete_one(
    broker: &Broker,
    topic: &str,
    index: i32,
    offset: i64,
) -> DeleteRecordsPartitionResult {
    let mut result = DeleteRecordsPartitionResult {
        partition_index: index,
        low_watermark: -1,
        ..DeleteRecordsPartitionResult::default()
    };
    // A name no topic can have is unknown without a lookup (which would copy it).
    if !is_legal_topic_name(topic) {
        result.error_code = ErrorCode::UnknownTopicOrPartition.code();
        return result;
    }
    let tp = TopicPartition::new(topic, index);
    if broker.replica_manager.hosted(&tp).is_none() {
        result.error_code = ErrorCode::UnknownTopicOrPartition.code();
        return result;
    }
    if is_internal_topic(topic) {
        result.error_code = ErrorCode::InvalidTopicException.code();
        return result;
    }
    let target = match offset {
        HIGH_WATERMARK => None,
        o if o < 0 => {
            result.error_code = ErrorCode::OffsetOutOfRange.code();
            return result;
        }
        o => Some(Offset(o)),
    };
    match broker.replica_manager.delete_records(&tp, target) {
        Ok(log_start) => result.low_watermark = log_start.0,
        Err(e) => result.error_code = partition_error_code(&e).code(),
    }
    result
}
