//! OffsetFetch: a group's committed offsets, for one group (v0-v7) or several (v8+), all
//! partitions when none are named. Nothing is written.
//!
//! From v10 topics are named by id (KIP-848): the ids a request names are resolved to names
//! against the metadata image before the coordinator, which keys offsets by name, looks them
//! up; an id the image does not know answers its partitions with `UNKNOWN_TOPIC_ID`. Every
//! topic in the response carries its id; when all of a group's offsets are asked for, those of
//! topics that no longer exist (and so have no id) are left out.
//!
//! A group, topic or partition named more than once is answered once: an unnamed topic list
//! expands to every offset of the group, and a repeated group would repeat all of them.

use std::collections::HashMap;
use std::sync::Arc;

use strom_metadata::{MetadataImage, TopicId};
use strom_protocol::generated::offset_fetch_request::{
    OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
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
    // Repeated groups go first, so the per-group positions below stay those of the answer.
    let mut seen = std::collections::HashSet::new();
    request.groups.retain(|g| seen.insert(g.group_id.clone()));
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
    mut request: OffsetFetchRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetFetchResponse {
    // After topic ids were turned into names, so topics named by id dedupe by their names.
    dedupe_request(&mut request);
    dedupe_request(&mut request);
    broker
        .groups
        .read_committed(caller, Some(turn), None, |c, ctx, _| {
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

/// Keeps the first entry of each group and one of each topic and partition within it.
fn dedupe_request(request: &mut OffsetFetchRequest) {
    use crate::handlers::dedupe_partitions;
    if let Some(topics) = request.topics.take() {
        let merged = dedupe_partitions(topics.into_iter().map(|t| {
            let partitions = t.partition_indexes.into_iter().map(|p| (p, ())).collect();
            (t.name, partitions)
        }));
        request.topics = Some(
            merged
                .into_iter()
                .map(|(name, partitions)| OffsetFetchRequestTopic {
                    name,
                    partition_indexes: partitions.into_iter().map(|(p, ())| p).collect(),
                    ..OffsetFetchRequestTopic::default()
                })
                .collect(),
        );
    }
    let mut seen = std::collections::HashSet::new();
    request.groups.retain(|g| seen.insert(g.group_id.clone()));
    for group in &mut request.groups {
        let Some(topics) = group.topics.take() else {
            continue;
        };
        let merged = dedupe_partitions(topics.into_iter().map(|t| {
            let partitions = t.partition_indexes.into_iter().map(|p| (p, ())).collect();
            (t.name, partitions)
        }));
        group.topics = Some(
            merged
                .into_iter()
                .map(|(name, partitions)| OffsetFetchRequestTopics {
                    name,
                    partition_indexes: partitions.into_iter().map(|(p, ())| p).collect(),
                    ..OffsetFetchRequestTopics::default()
                })
                .collect(),
        );
    }
}
