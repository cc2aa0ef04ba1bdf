//! Produce: appends each partition's record set, undecoded, to its log, then answers once the
//! data is as durable as `acks` asks: acks=0 gets no response at all, acks=1 is answered once
//! the batches are in the log (page cache), acks=all once a grouped fsync has them on disk
//! (see the storage crate's flush scheduler), or with `REQUEST_TIMED_OUT` after `timeout_ms`.
//!
//! From v8 a batch refused because of particular records names them in `record_errors`
//! (each record's index in its batch and why), as Kafka does for a keyless record sent to a
//! compacted topic; the whole batch is still refused with `INVALID_RECORD`.

use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use strom_protocol::ErrorCode;
use strom_protocol::generated::produce_response::{
    BatchIndexAndErrorMessage, PartitionProduceResponse, TopicProduceResponse,
};
use strom_protocol::generated::{ProduceRequest, ProduceResponse};
use strom_protocol::records::BatchIter;
use strom_storage::{AppendOrigin, FlushWaiter, LeaderEpoch, StorageError};

use strom_coordinator::txn::{TopicPartition as TxnTopicPartition, TransactionState};

use crate::dispatch::Turn;
use crate::errors::storage_error_code;
use crate::replica_manager::Partition;
use crate::server::Broker;

/// Longest acks=all wait honoured, whatever `timeout_ms` says.
pub const PRODUCE_TIMEOUT_MS_MAX: u64 = 300_000;
/// Record errors listed in one partition's response (v8+ `record_errors`).
pub const RECORD_ERRORS_MAX: usize = 1000;

pub async fn handle(
    broker: &Arc<Broker>,
    request: ProduceRequest,
    version: i16,
    mut turn: Turn,
) -> Option<ProduceResponse> {
    turn.wait().await;
    let acks = request.acks;
    let valid_acks = matches!(acks, -1..=1);
    let mut responses = Vec::with_capacity(request.topic_data.len());
    let mut waits: Vec<(usize, usize, FlushWaiter)> = Vec::new();
    let mut appended = false;
    for topic in request.topic_data {
        let mut partitions = Vec::with_capacity(topic.partition_data.len());
        for data in topic.partition_data {
            let mut response = PartitionProduceResponse {
                index: data.index,
                base_offset: -1,
                log_append_time_ms: -1,
                log_start_offset: -1,
                ..PartitionProduceResponse::default()
            };
            let partition = broker.replica_manager.partition(&topic.name, data.index);
            match (valid_acks, partition, data.records) {
                (false, _, _) => response.error_code = ErrorCode::InvalidRequiredAcks.code(),
                (_, None, _) => {
                    response.error_code = ErrorCode::UnknownTopicOrPartition.code();
                }
                (_, Some(_), None) => response.error_code = ErrorCode::InvalidRecord.code(),
                (_, Some(partition), Some(records)) => {
                    if crate::group_coordinator::is_internal_topic(&topic.name) {
                        // Only the coordinators write their own topics (Kafka refuses too).
                        response.error_code = ErrorCode::InvalidTopicException.code();
                        response.error_message =
                            Some(format!("Cannot append to internal topic {}", topic.name));
                    } else if let Some(code) = request
                        .transactional_id
                        .as_deref()
                        .and_then(|id| unverified(broker, id, &topic.name, data.index, &records))
                    {
                        response.error_code = code.code();
                    } else {
                        if let Some(next_offset) =
                            append(&partition, records, &mut response, version)
                        {
                            appended = true;
                            if acks == -1 {
                                match partition.log.flush_to(next_offset) {
                                    Ok(w) => waits.push((responses.len(), partitions.len(), w)),
                                    Err(e) => response.error_code = storage_error_code(&e).code(),
                                }
                            }
                        }
                    }
                }
            }
            partitions.push(response);
        }
        responses.push(TopicProduceResponse {
            name: topic.name,
            partition_responses: partitions,
            ..TopicProduceResponse::default()
        });
    }
    drop(turn);
    if appended {
        broker.replica_manager.notify_appended();
    }
    let timeout =
        Duration::from_millis((request.timeout_ms.max(0) as u64).min(PRODUCE_TIMEOUT_MS_MAX));
    for (t, p, waiter) in waits {
        let code = match tokio::time::timeout(timeout, waiter).await {
            Ok(Ok(_)) => ErrorCode::None,
            Ok(Err(e)) => storage_error_code(&StorageError::Flush(e)),
            Err(_) => ErrorCode::RequestTimedOut,
        };
        if code != ErrorCode::None {
            responses[t].partition_responses[p].error_code = code.code();
        }
    }
    if acks == 0 {
        return None;
    }
    Some(ProduceResponse {
        responses,
        ..ProduceResponse::default()
    })
}

/// Why a transactional write is refused, if it is: the partition must be in the producer's
/// ongoing transaction, added by AddPartitionsToTxn before the write (the check KIP-890
/// makes, so a late or stray write cannot open a transaction nobody will end).
fn unverified(
    broker: &Broker,
    transactional_id: &str,
    topic: &str,
    partition: i32,
    records: &Bytes,
) -> Option<ErrorCode> {
    let Some(Ok(batch)) = BatchIter::new(records.clone()).next() else {
        return None; // the log's validation answers malformed records
    };
    let header = batch.header();
    if !header.is_transactional() {
        return None;
    }
    broker.txns.read(|c| {
        let Some(txn) = c.transaction(transactional_id) else {
            return Some(ErrorCode::InvalidTxnState);
        };
        if txn.producer_id.0 != header.producer_id {
            return Some(ErrorCode::InvalidProducerIdMapping);
        }
        if txn.producer_epoch.0 != header.producer_epoch {
            return Some(ErrorCode::InvalidProducerEpoch);
        }
        let wanted = TxnTopicPartition::new(topic, partition);
        let ongoing = txn.state == TransactionState::Ongoing && txn.partitions.contains(&wanted);
        (!ongoing).then_some(ErrorCode::InvalidTxnState)
    })
}

/// Appends one partition's records; fills `response` and returns the offset after them.
fn append(
    partition: &Partition,
    records: Bytes,
    response: &mut PartitionProduceResponse,
    version: i16,
) -> Option<strom_storage::Offset> {
    // The log assigns offsets in place, so it needs the bytes to itself; a slice of a shared
    // request frame is copied once here.
    let records = records
        .try_into_mut()
        .unwrap_or_else(|shared| BytesMut::from(&shared[..]));
    let origin = AppendOrigin::Client {
        leader_epoch: LeaderEpoch(partition.leader_epoch),
    };
    match partition.log.append(records, origin) {
        Ok(info) if info.duplicate => {
            // An idempotent producer's retry of batches already in the log: answered with
            // their offsets, nothing written.
            response.base_offset = info.first_offset.0;
            response.log_start_offset = info.log_start_offset.0;
            None
        }
        Ok(info) => {
            partition.advance_high_watermark();
            response.base_offset = info.first_offset.0;
            response.log_append_time_ms = info.log_append_time.map_or(-1, |t| t.0);
            response.log_start_offset = info.log_start_offset.0;
            Some(info.next_offset())
        }
        Err(e) => {
            let code = storage_error_code(&e);
            tracing::debug!(partition = %partition.topic_partition, error = %e, "append refused");
            response.error_code = code.code();
            response.error_message = Some(e.to_string());
            if version >= 8 {
                // Records the log refused one by one (missing keys, bad timestamps), each
                // named by its position in the batch.
                response.record_errors = e
                    .record_errors()
                    .iter()
                    .take(RECORD_ERRORS_MAX)
                    .map(|r| BatchIndexAndErrorMessage {
                        batch_index: r.record_index,
                        batch_index_error_message: Some(r.message.clone()),
                        ..BatchIndexAndErrorMessage::default()
                    })
                    .collect();
            }
            None
        }
    }
}
