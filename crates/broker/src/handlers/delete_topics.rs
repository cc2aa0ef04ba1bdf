//! DeleteTopics: removes topics by name (every version) or by topic id (v6+), then closes and
//! deletes their partitions' logs.

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
    let mut responses = Vec::with_capacity(wanted.len());
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
        let controller = broker.controller.clone();
        let target = topic_name.clone();
        let outcome = tokio::task::spawn_blocking(move || controller.delete_topic(&target))
            .await
            .unwrap_or_else(|e| panic!("topic deletion task panicked: {e}"));
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
    if deleted_any {
        broker.wait_metadata_applied().await;
    }
    DeleteTopicsResponse {
        responses,
        ..DeleteTopicsResponse::default()
    }
}
