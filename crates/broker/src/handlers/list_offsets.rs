//! ListOffsets: the offset for a time. Kafka's special timestamps ask for the earliest offset
//! (-2, and -4 for the earliest local one), the latest (-1: the high watermark, or the last
//! stable offset for a `read_committed` client), and the record with the largest
//! timestamp (-3); any other timestamp finds the first record at or after it. The tiered-storage
//! specs, the last tiered offset (-5) and the earliest offset pending upload (-6), are answered
//! as Kafka answers them for a topic without remote storage: offset, timestamp and leader epoch
//! all -1, no error. A special timestamp newer than the request's version is
//! `UNSUPPORTED_VERSION`, as in Kafka.
//!
//! A partition named more than once in a request gets `INVALID_REQUEST` at each place it is
//! named, as in Kafka.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use strom_protocol::generated::{ListOffsetsRequest, ListOffsetsResponse};
use strom_storage::{LeaderEpoch, Timestamp, TopicPartition};

use crate::context::Broker;
use crate::errors::partition_error_code;
use crate::replica_manager::OffsetSpec;
use strom_metadata::controller::is_legal_topic_name;

/// Kafka's `READ_COMMITTED` isolation level: "latest" is then the last stable offset.
const READ_COMMITTED: i8 = 1;
const LATEST: i64 = -1;
const EARLIEST: i64 = -2;
const MAX_TIMESTAMP: i64 = -3;
const EARLIEST_LOCAL: i64 = -4;
const LATEST_TIERED: i64 = -5;
const EARLIEST_PENDING_UPLOAD: i64 = -6;

/// Whether `version` may ask for `timestamp`: each special timestamp arrived with a version.
fn timestamp_supported(timestamp: i64, version: i16) -> bool {
    let first_version = match timestamp {
        LATEST | EARLIEST => 0,
        MAX_TIMESTAMP => 7,
        EARLIEST_LOCAL => 8,
        LATEST_TIERED => 9,
        EARLIEST_PENDING_UPLOAD => 11,
        _ => 0,
    };
    version >= first_version
}

pub async fn handle(
    broker: &Arc<Broker>,
    request: ListOffsetsRequest,
    version: i16,
) -> ListOffsetsResponse {
    // A lookup by timestamp reads segment files: the whole request runs on the blocking pool.
    let broker = Arc::clone(broker);
    tokio::task::spawn_blocking(move || answer(&broker, request, version))
        .await
        .unwrap_or_else(|e| panic!("list offsets task panicked: {e}"))
}

fn answer(broker: &Broker, request: ListOffsetsRequest, version: i16) -> ListOffsetsResponse {
    let mut named: HashMap<(&str, i32), usize> = HashMap::new();
    for topic in &request.topics {
        for p in &topic.partitions {
            *named
                .entry((topic.name.as_str(), p.partition_index))
                .or_insert(0) += 1;
        }
    }
    let duplicated: HashSet<(String, i32)> = named
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
                    let refused = if !duplicated.is_empty()
                        && duplicated.contains(&(topic.name.clone(), p.partition_index))
                    {
                        Some(ErrorCode::InvalidRequest)
                    } else if !timestamp_supported(p.timestamp, version) {
                        Some(ErrorCode::UnsupportedVersion)
                    } else {
                        None
                    };
                    if let Some(code) = refused {
                        return ListOffsetsPartitionResponse {
                            partition_index: p.partition_index,
                            error_code: code.code(),
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
    if !is_legal_topic_name(topic) {
        response.error_code = ErrorCode::UnknownTopicOrPartition.code();
        return response;
    }
    let spec = match timestamp {
        LATEST => OffsetSpec::Latest { read_committed },
        EARLIEST | EARLIEST_LOCAL => OffsetSpec::Earliest,
        MAX_TIMESTAMP => OffsetSpec::MaxTimestamp,
        LATEST_TIERED | EARLIEST_PENDING_UPLOAD => {
            // No tiered storage: no offset, but the partition must exist and be led here.
            let tp = TopicPartition::new(topic, index);
            let epoch = LeaderEpoch(current_leader_epoch);
            if let Err(e) = broker.replica_manager.leader(&tp, epoch) {
                response.error_code = partition_error_code(&e).code();
            }
            return response;
        }
        t if t < 0 => {
            response.error_code = ErrorCode::InvalidRequest.code();
            return response;
        }
        t => OffsetSpec::Timestamp(Timestamp(t)),
    };
    let tp = TopicPartition::new(topic, index);
    match broker
        .replica_manager
        .list_offset(&tp, LeaderEpoch(current_leader_epoch), spec)
    {
        Ok(Some((offset, ts, epoch))) => {
            response.offset = offset.0;
            response.timestamp = ts.0;
            response.leader_epoch = epoch.0;
        }
        Ok(None) => {}
        Err(e) => response.error_code = partition_error_code(&e).code(),
    }
    response
}
