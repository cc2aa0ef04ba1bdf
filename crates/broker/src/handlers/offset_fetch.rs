//! OffsetFetch: a group's committed offsets, for one group (v0-v7) or several (v8+), all
//! partitions when none are named. Nothing is written.
//!
//! From v10 topics are named by id (KIP-848): the ids a request names are resolved to names
//! against the metadata image before the coordinator, which keys offsets by name, looks them
//! up; an id the image does not know answers its partitions with `UNKNOWN_TOPIC_ID`. Every
//! topic in the response carries its id; when all of a group's offsets are asked for, those of
//! topics that no longer exist (and so have no id) are left out.

use std::collections::HashMap;
use std::sync::Arc;

use strom_metadata::{MetadataImage, TopicId};
use strom_protocol::generated::offset_fetch_response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartitions, OffsetFetchResponseTopics,
};
use strom_protocol::generated::{OffsetFetchRequest, OffsetFetchResponse};
use strom_protocol::{ErrorCode, Uuid};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

/// The first version that names topics by id rather than by name.
const TOPIC_IDS_VERSION: i16 = 10;

pub async fn handle(
    broker: &Arc<Broker>,
    mut request: OffsetFetchRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetFetchResponse {
    if caller.api_version < TOPIC_IDS_VERSION {
        return fetch(broker, request, caller, turn).await;
    }
    let image = broker.image();
    // Per group (by position), the topics whose ids the image does not know.
    let mut unknown_ids: Vec<Vec<OffsetFetchResponseTopics>> = Vec::new();
    for group in &mut request.groups {
        let mut unknown = Vec::new();
        if let Some(topics) = &mut group.topics {
            topics.retain_mut(|t| match topic_name(&image, t.topic_id) {
                Some(name) => {
                    t.name = name;
                    true
                }
                None => {
                    unknown.push(unknown_topic(t.topic_id, &t.partition_indexes));
                    false
                }
            });
        }
        unknown_ids.push(unknown);
    }
    let mut response = fetch(broker, request, caller, turn).await;
    let ids: HashMap<&str, Uuid> = image
        .topics()
        .map(|t| (t.name.as_str(), Uuid(*t.topic_id.0.as_bytes())))
        .collect();
    for (position, group) in response.groups.iter_mut().enumerate() {
        group.topics.retain_mut(|t| match ids.get(t.name.as_str()) {
            Some(id) => {
                t.topic_id = *id;
                t.name.clear();
                true
            }
            None => false,
        });
        if let Some(unknown) = unknown_ids.get_mut(position) {
            group.topics.append(unknown);
        }
    }
    response
}

fn topic_name(image: &MetadataImage, id: Uuid) -> Option<String> {
    image
        .topic_by_id(TopicId::from_u128(id.as_u128()))
        .map(|t| t.name.clone())
}

fn unknown_topic(topic_id: Uuid, partitions: &[i32]) -> OffsetFetchResponseTopics {
    OffsetFetchResponseTopics {
        topic_id,
        partitions: partitions
            .iter()
            .map(|&partition_index| OffsetFetchResponsePartitions {
                partition_index,
                committed_offset: -1,
                committed_leader_epoch: -1,
                metadata: Some(String::new()),
                error_code: ErrorCode::UnknownTopicId.code(),
                ..OffsetFetchResponsePartitions::default()
            })
            .collect(),
        ..OffsetFetchResponseTopics::default()
    }
}

async fn fetch(
    broker: &Arc<Broker>,
    request: OffsetFetchRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetFetchResponse {
    broker
        .groups
        .read(caller, Some(turn), None, |c, ctx, _| {
            c.offset_fetch(ctx, &request)
        })
        .await
        .unwrap_or_else(|e| OffsetFetchResponse {
            error_code: coordinator_error_code(&e).code(),
            groups: request
                .groups
                .iter()
                .map(|g| OffsetFetchResponseGroup {
                    group_id: g.group_id.clone(),
                    error_code: coordinator_error_code(&e).code(),
                    ..OffsetFetchResponseGroup::default()
                })
                .collect(),
            ..OffsetFetchResponse::default()
        })
}
