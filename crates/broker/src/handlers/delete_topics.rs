//! DeleteTopics: removes topics by name (every version) or by topic id (v6+), then closes and
//! deletes their partitions' logs.
//!
//! As in Kafka's controller, a name or id given more than once deletes nothing and gets one
//! `INVALID_REQUEST` ("Duplicate topic name." / "Duplicate topic id."). The coordinators'
//! topics (`__consumer_offsets`, `__transaction_state`) are refused with
//! `INVALID_TOPIC_EXCEPTION`: Kafka's broker would delete them (only its command-line tool
//! refuses), losing every group and transaction; `__cluster_metadata` is no topic and is
//! `UNKNOWN_TOPIC_OR_PARTITION`, as in Kafka.

use std::collections::HashSet;
use std::sync::Arc;

use strom_metadata::TopicId;
use strom_protocol::generated::delete_topics_response::DeletableTopicResult;
use strom_protocol::generated::{DeleteTopicsRequest, DeleteTopicsResponse};
use strom_protocol::{ErrorCode, Uuid};

use crate::context::Broker;
use crate::errors::metadata_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    request: DeleteTopicsRequest,
    version: i16,
) -> DeleteTopicsResponse {
    let wanted: Vec<(Option<String>, Uuid)> = if version >= 6 {
        request
            .topics
            .into_iter()
            .map(|t| (t.name, t.topic_id))
            .collect()
    } else {
        request
            .topic_names
            .into_iter()
            .map(|n| (Some(n), Uuid::default()))
            .collect()
    };
    let (wanted, duplicates) = split_duplicates(wanted);
    let mut responses = Vec::with_capacity(wanted.len() + duplicates.len());
    let mut deleted_any = false;
    for (name, id) in wanted {
        let image = broker.image();
        let resolved = match &name {
            Some(name) => image.topic(name).map(|t| (t.name.clone(), t.topic_id)),
            None => image
                .topic_by_id(TopicId::from_u128(id.as_u128()))
                .map(|t| (t.name.clone(), t.topic_id)),
        };
        let Some((topic_name, topic_id)) = resolved else {
            let error = if name.is_some() {
                ErrorCode::UnknownTopicOrPartition
            } else {
                ErrorCode::UnknownTopicId
            };
            responses.push(DeletableTopicResult {
                name,
                topic_id: id,
                error_code: error.code(),
                error_message: Some(error.message().to_string()),
                ..DeletableTopicResult::default()
            });
            continue;
        };
        if crate::coordinator::is_internal_topic(&topic_name) {
            // The coordinators' state lives there; deleting it would lose every group.
            responses.push(DeletableTopicResult {
                name: Some(topic_name.clone()),
                topic_id: Uuid::from_u128(topic_id.as_u128()),
                error_code: ErrorCode::InvalidTopicException.code(),
                error_message: Some(format!("{topic_name} is an internal topic")),
                ..DeletableTopicResult::default()
            });
            continue;
        }
        let outcome = broker
            .metadata
            .delete_topic(topic_name.clone(), Some(request.timeout_ms))
            .await;
        let (error_code, error_message) = match outcome {
            Ok(_) => {
                deleted_any = true;
                (ErrorCode::None.code(), None)
            }
            Err(e) => (metadata_error_code(&e).code(), Some(e.to_string())),
        };
        responses.push(DeletableTopicResult {
            name: Some(topic_name),
            topic_id: Uuid::from_u128(topic_id.as_u128()),
            error_code,
            error_message,
            ..DeletableTopicResult::default()
        });
    }
    for (name, id) in duplicates {
        let message = if name.is_some() {
            "Duplicate topic name."
        } else {
            "Duplicate topic id."
        };
        responses.push(DeletableTopicResult {
            name,
            topic_id: id,
            error_code: ErrorCode::InvalidRequest.code(),
            error_message: Some(message.into()),
            ..DeletableTopicResult::default()
        });
    }
    if deleted_any {
        let _ = broker.wait_metadata_applied().await;
    }
    DeleteTopicsResponse {
        responses,
        ..DeleteTopicsResponse::default()
    }
}

/// The topics named once, and one entry for each name or id named more than once.
type Named = Vec<(Option<String>, Uuid)>;

fn split_duplicates(wanted: Named) -> (Named, Named) {
    let mut seen = HashSet::new();
    let repeated: HashSet<(Option<String>, Uuid)> = wanted
        .iter()
        .filter(|w| !seen.insert((*w).clone()))
        .cloned()
        .collect();
    let once = wanted
        .iter()
        .filter(|w| !repeated.contains(*w))
        .cloned()
        .collect();
    let twice = crate::handlers::dedupe(wanted.into_iter().filter(|w| repeated.contains(w)));
    (once, twice)
}
