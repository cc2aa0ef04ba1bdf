//! OffsetCommit: stores a group's consumed positions (with their metadata strings) as records
//! in `__consumer_offsets`, answered once they are on disk. The coordinator checks the
//! member's generation (classic) or epoch (KIP-848) first; a commit with an empty member id
//! and generation -1 is the "simple" commit of a consumer without a group membership.
//!
//! From v10 the request names topics by id only (KIP-848). The ids are resolved to names
//! against the metadata image here, so the coordinator and `__consumer_offsets` keep keying
//! offsets by name as Kafka does; an id the image does not know fails its partitions with
//! `UNKNOWN_TOPIC_ID`, and the response names every topic by id again.

use std::collections::HashMap;
use std::sync::Arc;

use strom_coordinator::Response;
use strom_metadata::TopicId;
use strom_protocol::generated::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use strom_protocol::generated::{OffsetCommitRequest, OffsetCommitResponse};
use strom_protocol::{ErrorCode, Uuid};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

/// The first version that names topics by id rather than by name.
const TOPIC_IDS_VERSION: i16 = 10;

pub async fn handle(
    broker: &Arc<Broker>,
    mut request: OffsetCommitRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetCommitResponse {
    if caller.api_version < TOPIC_IDS_VERSION {
        return commit(broker, request, caller, turn).await;
    }
    let image = broker.image();
    let mut ids_by_name = HashMap::new();
    let mut unknown_ids = Vec::new();
    request.topics.retain_mut(|t| {
        match image.topic_by_id(TopicId::from_u128(t.topic_id.as_u128())) {
            Some(topic) => {
                t.name = topic.name.clone();
                ids_by_name.insert(topic.name.clone(), t.topic_id);
                true
            }
            None => {
                unknown_ids.push(failed_topic(
                    String::new(),
                    t.topic_id,
                    t.partitions.iter().map(|p| p.partition_index),
                    ErrorCode::UnknownTopicId,
                ));
                false
            }
        }
    });
    drop(image);
    let mut response = commit(broker, request, caller, turn).await;
    for topic in &mut response.topics {
        topic.topic_id = ids_by_name.get(&topic.name).copied().unwrap_or(Uuid::ZERO);
        topic.name.clear();
    }
    response.topics.extend(unknown_ids);
    response
}

fn failed_topic(
    name: String,
    topic_id: Uuid,
    partitions: impl Iterator<Item = i32>,
    code: ErrorCode,
) -> OffsetCommitResponseTopic {
    OffsetCommitResponseTopic {
        name,
        topic_id,
        partitions: partitions
            .map(|partition_index| OffsetCommitResponsePartition {
                partition_index,
                error_code: code.code(),
                ..OffsetCommitResponsePartition::default()
            })
            .collect(),
        ..OffsetCommitResponseTopic::default()
    }
}

async fn commit(
    broker: &Arc<Broker>,
    request: OffsetCommitRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetCommitResponse {
    let fail = |code: ErrorCode| OffsetCommitResponse {
        topics: request
            .topics
            .iter()
            .map(|t| {
                failed_topic(
                    t.name.clone(),
                    t.topic_id,
                    t.partitions.iter().map(|p| p.partition_index),
                    code,
                )
            })
            .collect(),
        ..OffsetCommitResponse::default()
    };
    if let Err(code) = broker
        .groups
        .ensure_offsets_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))
    {
        return fail(code);
    }
    let reply = broker
        .groups
        .call(
            caller,
            Some(turn),
            Some(&request.group_id),
            |c, ctx, now| c.offset_commit(ctx, &request, now),
        )
        .await;
    match reply {
        Ok(Response::OffsetCommit(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
