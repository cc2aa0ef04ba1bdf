//! OffsetForLeaderEpoch: for each partition, the largest leader epoch at or below the one
//! asked for and the offset where it ended (the log end for the current epoch), from the
//! log's leader-epoch cache. Consumers use it after a leader change to detect a truncated
//! log; followers use it to find where to truncate. An epoch older than the oldest in the
//! cache answers that epoch and where the oldest starts, as Kafka's `endOffsetFor` does; an
//! empty cache answers Kafka's undefined epoch and offset (-1, -1). `current_leader_epoch`
//! fences stale callers as Fetch does.

use strom_protocol::ErrorCode;
use strom_protocol::generated::offset_for_leader_epoch_response::{
    EpochEndOffset, OffsetForLeaderTopicResult,
};
use strom_protocol::generated::{OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse};
use strom_storage::{LeaderEpoch, TopicPartition};

use crate::context::Broker;
use crate::errors::partition_error_code;
use strom_metadata::controller::is_legal_topic_name;

/// Kafka's `UNDEFINED_EPOCH` and `UNDEFINED_EPOCH_OFFSET`.
const UNDEFINED_EPOCH: i32 = -1;
const UNDEFINED_EPOCH_OFFSET: i64 = -1;

pub fn handle(
    broker: &Broker,
    request: OffsetForLeaderEpochRequest,
    _version: i16,
) -> OffsetForLeaderEpochResponse {
    let topics = request
        .topics
        .into_iter()
        .map(|topic| OffsetForLeaderTopicResult {
            partitions: topic
                .partitions
                .iter()
                .map(|p| {
                    one(
                        broker,
                        &topic.topic,
                        p.partition,
                        p.current_leader_epoch,
                        p.leader_epoch,
                    )
                })
                .collect(),
            topic: topic.topic,
            ..OffsetForLeaderTopicResult::default()
        })
        .collect();
    OffsetForLeaderEpochResponse {
        topics,
        ..OffsetForLeaderEpochResponse::default()
    }
}

fn one(
    broker: &Broker,
    topic: &str,
    index: i32,
    current_leader_epoch: i32,
    leader_epoch: i32,
) -> EpochEndOffset {
    let mut result = EpochEndOffset {
        partition: index,
        leader_epoch: UNDEFINED_EPOCH,
        end_offset: UNDEFINED_EPOCH_OFFSET,
        ..EpochEndOffset::default()
    };
    // A name no topic can have is unknown without a lookup (which would copy it).
    if !is_legal_topic_name(topic) {
        result.error_code = ErrorCode::UnknownTopicOrPartition.code();
        return result;
    }
    let tp = TopicPartition::new(topic, index);
    let found = match broker.replica_manager.end_offset_for_epoch(
        &tp,
        LeaderEpoch(current_leader_epoch),
        LeaderEpoch(leader_epoch),
    ) {
        Ok(found) => found,
        Err(e) => {
            result.error_code = partition_error_code(&e).code();
            return result;
        }
    };
    if let Some((epoch, end)) = found
        && epoch.0 >= 0
    {
        result.leader_epoch = epoch.0;
        result.end_offset = end.0;
    }
    result
}
