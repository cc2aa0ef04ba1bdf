//! Fetch: reads whole batches from each partition's log, bounded by `max_bytes` for the
//! response (and the broker's `fetch.max.bytes`) and `partition_max_bytes` per partition; the
//! first partition with data may exceed them by one batch, so a large batch cannot stall a
//! consumer. When fewer than `min_bytes` are available the request long-polls, waking on
//! appends, until `max_wait_ms` passes.
//!
//! Without transactions every offset below the high watermark is stable, so both isolation
//! levels read up to the high watermark and `last_stable_offset` equals it. Topics are named
//! up to v12 and identified by topic id from v13.

use std::sync::Arc;
use std::time::Duration;

use strom_metadata::TopicId;
use strom_protocol::ErrorCode;
use strom_protocol::generated::fetch_request::FetchPartition;
use strom_protocol::generated::fetch_response::{FetchableTopicResponse, PartitionData};
use strom_protocol::generated::{FetchRequest, FetchResponse};
use strom_storage::{FetchIsolation, FetchParams, Offset};

use crate::errors::storage_error_code;
use crate::server::Broker;

/// Kafka's `READ_COMMITTED` isolation level.
const READ_COMMITTED: i8 = 1;

/// A partition of the request, resolved against the metadata once.
struct Wanted {
    topic_index: usize,
    name: String,
    request: FetchPartition,
}

pub async fn handle(broker: &Arc<Broker>, request: FetchRequest, version: i16) -> FetchResponse {
    let image = broker.image();
    let mut topics: Vec<FetchableTopicResponse> = Vec::with_capacity(request.topics.len());
    let mut wanted = Vec::new();
    for topic in request.topics {
        let name = if version >= 13 {
            image
                .topic_by_id(TopicId::from_u128(topic.topic_id.as_u128()))
                .map(|t| t.name.clone())
        } else {
            Some(topic.topic.clone())
        };
        let index = topics.len();
        topics.push(FetchableTopicResponse {
            topic: topic.topic.clone(),
            topic_id: topic.topic_id,
            ..FetchableTopicResponse::default()
        });
        for partition in topic.partitions {
            match &name {
                Some(name) => wanted.push(Wanted {
                    topic_index: index,
                    name: name.clone(),
                    request: partition,
                }),
                None => topics[index].partitions.push(error_partition(
                    partition.partition,
                    ErrorCode::UnknownTopicId,
                )),
            }
        }
    }
    let response_max = request.max_bytes.clamp(0, broker.config.fetch_max_bytes) as usize;
    let read_committed = request.isolation_level == READ_COMMITTED;
    let max_wait = Duration::from_millis(
        (request.max_wait_ms.max(0) as u64).min(broker.config.fetch_max_wait_ms_max),
    );
    let deadline = tokio::time::Instant::now() + max_wait;
    let mut appends = broker.replica_manager.subscribe_appends();
    let mut shutdown = broker.shutdown.clone();
    let min_bytes = request.min_bytes.max(0) as usize;
    let results = loop {
        appends.borrow_and_update();
        let (results, bytes, errors) = read_all(broker, &wanted, response_max, read_committed);
        let satisfied = bytes >= min_bytes.max(1) || errors || wanted.is_empty();
        if satisfied || tokio::time::Instant::now() >= deadline {
            break results;
        }
        tokio::select! {
            _ = tokio::time::sleep_until(deadline) => {}
            changed = appends.changed() => if changed.is_err() { break results; },
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break read_all(broker, &wanted, response_max, read_committed).0;
        }
    };
    for (w, data) in wanted.iter().zip(results) {
        topics[w.topic_index].partitions.push(data);
    }
    FetchResponse {
        error_code: ErrorCode::None.code(),
        // Sessionless: session id 0 tells the client to keep sending full requests.
        session_id: 0,
        responses: topics,
        ..FetchResponse::default()
    }
}

/// One pass over every partition; returns their data, the bytes read, and whether any
/// partition failed (an error answers at once rather than waiting).
fn read_all(
    broker: &Broker,
    wanted: &[Wanted],
    response_max: usize,
    read_committed: bool,
) -> (Vec<PartitionData>, usize, bool) {
    let mut remaining = response_max;
    let mut total = 0usize;
    let mut errors = false;
    let mut out = Vec::with_capacity(wanted.len());
    for w in wanted {
        let data = read_one(broker, w, remaining, total == 0, read_committed);
        let size = data.records.as_ref().map_or(0, |r| r.len());
        errors |= data.error_code != 0;
        total += size;
        remaining = remaining.saturating_sub(size);
        out.push(data);
    }
    (out, total, errors)
}

fn read_one(
    broker: &Broker,
    w: &Wanted,
    remaining: usize,
    first: bool,
    read_committed: bool,
) -> PartitionData {
    let index = w.request.partition;
    let Some(partition) = broker.replica_manager.partition(&w.name, index) else {
        return error_partition(index, ErrorCode::UnknownTopicOrPartition);
    };
    let epoch = w.request.current_leader_epoch;
    if epoch >= 0 && epoch != partition.leader_epoch {
        let code = if epoch > partition.leader_epoch {
            ErrorCode::UnknownLeaderEpoch
        } else {
            ErrorCode::FencedLeaderEpoch
        };
        return error_partition(index, code);
    }
    let log = &partition.log;
    let max_bytes = (w.request.partition_max_bytes.max(0) as usize).min(remaining);
    let params = FetchParams {
        max_bytes,
        min_one_batch: first,
        isolation: FetchIsolation::HighWatermark,
    };
    let mut data = PartitionData {
        partition_index: index,
        high_watermark: log.high_watermark().0,
        last_stable_offset: log.high_watermark().0,
        log_start_offset: log.log_start_offset().0,
        aborted_transactions: read_committed.then(Vec::new),
        preferred_read_replica: -1,
        records: Some(bytes::Bytes::new()),
        ..PartitionData::default()
    };
    if max_bytes == 0 && !first {
        return data;
    }
    match log.read(Offset(w.request.fetch_offset), params) {
        Ok(fetched) => {
            data.high_watermark = fetched.high_watermark.0;
            data.last_stable_offset = fetched.high_watermark.0;
            data.log_start_offset = fetched.log_start_offset.0;
            data.records = Some(fetched.records);
        }
        Err(e) => {
            data.error_code = storage_error_code(&e).code();
            data.records = None;
        }
    }
    data
}

fn error_partition(index: i32, error: ErrorCode) -> PartitionData {
    PartitionData {
        partition_index: index,
        error_code: error.code(),
        high_watermark: -1,
        last_stable_offset: -1,
        log_start_offset: -1,
        preferred_read_replica: -1,
        records: None,
        ..PartitionData::default()
    }
}
