//! ListOffsets: the offset for a time. Kafka's special timestamps ask for the earliest offset
//! (-2, and -4 for the earliest local one), the latest (-1: the high watermark, or the last
//! stable offset for a `read_committed` client), and the record with the largest
//! timestamp (-3); any other timestamp finds the first record at or after it.
//!
//! A partition named more than once in a request gets `INVALID_REQUEST` at each place it is
//! named, as in Kafka.

use std::collections::HashMap;

use strom_protocol::ErrorCode;
use strom_protocol::generated::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use strom_protocol::generated::{ListOffsetsRequest, ListOffsetsResponse};
use strom_storage::Timestamp;

use crate::errors::storage_error_code;
use crate::server::Broker;
use strom_metadata::controller::is_legal_topic_name;

/// Kafka's `READ_COMMITTED` isolation level: "latest" is then the last stable offset.
const READ_COMMITTED: i8 = 1;
const LATEST: i64 = -1;
const EARLIEST: i64 = -2;
const MAX_TIMESTAMP: i64 = -3;
const EARLIEST_LOCAL: i64 = -4;
const EARLIEST_TIERED: i64 = -5;

pub fn handle(broker: &Broker, request: ListOffsetsRequest, version: i16) -> ListOffsetsResponse {
    let mut named: HashMap<(&str, i32), usize> = HashMap::new();
    for topic in &request.topics {
        for p in &topic.partitions {
            *named
                .entry((topic.name.as_str(), p.partition_index))
                .or_insert(0) += 1;
        }
    }
    let duplicated: std::collections::HashSet<(String, i32)> = named
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|((t, p), _)| (t.to_string(), p))
        .collect();
    let topics = request
        .topics
        .into_iter()
        .map(|topic| ListOffsetsTopicResponse {
            partitions: topic
                .partitions
                .iter()
                .map(|p| {
                    if !duplicated.is_empty()
                        && duplicated.contains(&(topic.name.clone(), p.partition_index))
                    {
                        return ListOffsetsPartitionResponse {
                            partition_index: p.partition_index,
                            error_code: ErrorCode::InvalidRequest.code(),
                            timestamp: -1,
                            offset: -1,
                            leader_epoch: -1,
                            ..ListOffsetsPartitionResponse::default()
                        };
                    }
                    let mut r = one(
                        broker,
                        request.isolation_level == READ_COMMITTED,
                        &topic.name,
                        p.partition_index,
                        p.timestamp,
                        p.current_leader_epoch,
                    );
                    // The leader epoch field exists from v4.
                    if version < 4 {
                        r.leader_epoch = -1;
                    }
                    r
                })
                .collect(),
            name: topic.name,
            ..ListOffsetsTopicResponse::default()
        })
        .collect();
    ListOffsetsResponse {
        topics,
        ..ListOffsetsResponse::default()
    }
}

fn one(
    broker: &Broker,
    read_committed: bool,
    topic: &str,
    index: i32,
    timestamp: i64,
    current_leader_epoch: i32,
) -> ListOffsetsPartitionResponse {
    let mut response = ListOffsetsPartitionResponse {
        partition_index: index,
        timestamp: -1,
        offset: -1,
        leader_epoch: -1,
        ..ListOffsetsPartitionResponse::default()
    };
    // A name no topic can have is unknown without a lookup (which would copy it).
    let found = is_legal_topic_name(topic)
        .then(|| broker.replica_manager.partition(topic, index))
        .flatten();
    let Some(partition) = found else {
        response.error_code = ErrorCode::UnknownTopicOrPartition.code();
        return response;
    };
    if current_leader_epoch >= 0 && current_leader_epoch != partition.leader_epoch {
        response.error_code = if current_leader_epoch > partition.leader_epoch {
            ErrorCode::UnknownLeaderEpoch.code()
        } else {
            ErrorCode::FencedLeaderEpoch.code()
        };
        return response;
    }
    let log = &partition.log;
    let found = match timestamp {
        LATEST if read_committed => Some((log.last_stable_offset().0, -1)),
        LATEST => Some((log.high_watermark().0, -1)),
        EARLIEST | EARLIEST_LOCAL => Some((log.log_start_offset().0, -1)),
        EARLIEST_TIERED => None,
        MAX_TIMESTAMP => log.max_timestamp_offset().map(|(o, t)| (o.0, t.0)),
        t if t < 0 => {
            response.error_code = ErrorCode::InvalidRequest.code();
            return response;
        }
        t => match log.offset_for_timestamp(Timestamp(t)) {
            Ok(found) => found.map(|(o, t)| (o.0, t.0)),
            Err(e) => {
                response.error_code = storage_error_code(&e).code();
                return response;
            }
        },
    };
    if let Some((offset, ts)) = found {
        response.offset = offset;
        response.timestamp = ts;
        response.leader_epoch = partition.leader_epoch;
    }
    response
}
