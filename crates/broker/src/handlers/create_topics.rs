//! CreateTopics: validates and creates each topic independently through the controller
//! (partitions, replication factor, explicit assignments, configs, `validate_only`), then
//! opens the new partitions. v5+ responses echo the topic's configs.
//!
//! As in Kafka's controller, a name given more than once is not created and gets one
//! `INVALID_REQUEST` ("Duplicate topic name."), and `__cluster_metadata` is refused with
//! `INVALID_REQUEST`. Strom also refuses a client's creation of `__consumer_offsets` and
//! `__transaction_state` when they do not exist yet: its coordinators create them with the
//! broker's settings (partition count, compaction) and size themselves from those, so a
//! client-shaped copy would break them. Kafka's broker lets a client create them.

use std::collections::HashSet;
use std::sync::Arc;

use strom_metadata::config::TOPIC_CONFIGS;
use strom_metadata::{NewTopic, NodeId};
use strom_protocol::generated::create_topics_request::CreatableTopic;
use strom_protocol::generated::create_topics_response::{
    CreatableTopicConfigs, CreatableTopicResult,
};
use strom_protocol::generated::{CreateTopicsRequest, CreateTopicsResponse};
use strom_protocol::{ErrorCode, Uuid};

use crate::context::Broker;
use crate::coordinator::{CLUSTER_METADATA_TOPIC, is_internal_topic};
use crate::errors::metadata_error_code;
use crate::topic_config::topic_config_chain;

/// Most topics one request may create.
pub const TOPICS_PER_REQUEST_MAX: usize = 1000;

pub async fn handle(
    broker: &Arc<Broker>,
    request: CreateTopicsRequest,
    version: i16,
) -> CreateTopicsResponse {
    let mut seen = HashSet::new();
    let duplicates: Vec<String> = request
        .topics
        .iter()
        .filter(|t| !seen.insert(t.name.as_str()))
        .map(|t| t.name.clone())
        .collect();
    let duplicates = crate::handlers::dedupe(duplicates);
    let mut results = Vec::with_capacity(seen.len());
    let mut created_any = false;
    let duplicated: HashSet<&String> = duplicates.iter().collect();
    let topics: Vec<CreatableTopic> = request
        .topics
        .into_iter()
        .filter(|t| !duplicated.contains(&t.name))
        .collect();
    for (index, topic) in topics.into_iter().enumerate() {
        let result = if index >= TOPICS_PER_REQUEST_MAX {
            failure(
                &topic.name,
                ErrorCode::PolicyViolation,
                "too many topics in one request".into(),
            )
        } else if let Some(refused) = refuse_internal(broker, &topic.name) {
            refused
        } else {
            let result = create_one(
                broker,
                topic,
                (request.validate_only, request.timeout_ms),
                version,
            )
            .await;
            created_any |= result.error_code == 0 && !request.validate_only;
            result
        };
        results.push(result);
    }
    for name in duplicates {
        results.push(failure(
            &name,
            ErrorCode::InvalidRequest,
            "Duplicate topic name.".into(),
        ));
    }
    if created_any {
        // Answered once the new partitions are open here, so a produce right after succeeds.
        let _ = broker.wait_metadata_applied().await;
    }
    CreateTopicsResponse {
        topics: results,
        ..CreateTopicsResponse::default()
    }
}

async fn create_one(
    broker: &Arc<Broker>,
    topic: CreatableTopic,
    (validate_only, timeout_ms): (bool, i32),
    version: i16,
) -> CreatableTopicResult {
    let name = topic.name.clone();
    let new = NewTopic {
        name: topic.name,
        num_partitions: topic.num_partitions,
        replication_factor: topic.replication_factor,
        assignments: topic
            .assignments
            .into_iter()
            .map(|a| {
                (
                    a.partition_index,
                    a.broker_ids.into_iter().map(NodeId).collect(),
                )
            })
            .collect(),
        configs: topic
            .configs
            .into_iter()
            .map(|c| (c.name, c.value))
            .collect(),
    };
    let outcome = broker
        .metadata
        .create_topic(new, validate_only, Some(timeout_ms))
        .await;
    match outcome {
        Ok(created) => {
            let configs = (version >= 5).then(|| describe_configs(broker, &name));
            CreatableTopicResult {
                name,
                topic_id: Uuid::from_u128(created.topic_id.as_u128()),
                error_code: ErrorCode::None.code(),
                num_partitions: created.num_partitions,
                replication_factor: created.replication_factor,
                configs,
                ..CreatableTopicResult::default()
            }
        }
        Err(e) => failure(&name, metadata_error_code(&e), e.to_string()),
    }
}

/// The answer for a topic only the broker creates, if `name` is one.
fn refuse_internal(broker: &Broker, name: &str) -> Option<CreatableTopicResult> {
    if name == CLUSTER_METADATA_TOPIC {
        return Some(failure(
            name,
            ErrorCode::InvalidRequest,
            format!("Creation of internal topic {CLUSTER_METADATA_TOPIC} is prohibited."),
        ));
    }
    if is_internal_topic(name) && broker.image().topic(name).is_none() {
        return Some(failure(
            name,
            ErrorCode::InvalidRequest,
            format!(
                "internal topic {name} is created by the broker, with its own settings, when \
                 it is first needed"
            ),
        ));
    }
    None
}

fn failure(name: &str, error: ErrorCode, message: String) -> CreatableTopicResult {
    CreatableTopicResult {
        name: name.to_string(),
        error_code: error.code(),
        error_message: Some(message),
        num_partitions: -1,
        replication_factor: -1,
        ..CreatableTopicResult::default()
    }
}

fn describe_configs(broker: &Broker, topic: &str) -> Vec<CreatableTopicConfigs> {
    let image = broker.image();
    TOPIC_CONFIGS
        .iter()
        .filter_map(|def| {
            let winner = topic_config_chain(&image, &broker.config, topic, def)
                .into_iter()
                .next()?;
            Some(CreatableTopicConfigs {
                name: def.name.to_string(),
                value: Some(winner.value),
                read_only: false,
                config_source: winner.source as i8,
                is_sensitive: false,
                ..CreatableTopicConfigs::default()
            })
        })
        .collect()
}
