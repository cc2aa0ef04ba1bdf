//! CreatePartitions: grows topics to a new partition count (never shrinks them), then opens
//! the new partitions. Explicit assignments (one replica list per new partition) go to the
//! active controller, which checks that they name registered, unfenced brokers.
//!
//! As in Kafka's controller, a topic named more than once is not grown and gets one
//! `INVALID_REQUEST` ("Duplicate topic name.").

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::create_partitions_response::CreatePartitionsTopicResult;
use strom_protocol::generated::{CreatePartitionsRequest, CreatePartitionsResponse};

use strom_metadata::NodeId;

use crate::context::Broker;
use crate::errors::metadata_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    request: CreatePartitionsRequest,
    _version: i16,
) -> CreatePartitionsResponse {
    let mut named: HashMap<&str, usize> = HashMap::new();
    for topic in &request.topics {
        *named.entry(topic.name.as_str()).or_insert(0) += 1;
    }
    let duplicated: HashSet<String> = named
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(name, _)| name.to_string())
        .collect();
    let mut results = Vec::with_capacity(request.topics.len());
    let mut changed = false;
    for topic in request.topics {
        if duplicated.contains(&topic.name) {
            continue;
        }
        let assignments = topic.assignments.as_ref().map(|a| {
            a.iter()
                .map(|p| p.broker_ids.iter().map(|&id| NodeId(id)).collect())
                .collect()
        });
        let outcome = broker
            .metadata
            .create_partitions(
                topic.name.clone(),
                topic.count,
                assignments,
                request.validate_only,
                Some(request.timeout_ms),
            )
            .await;
        let (error_code, error_message) = match outcome {
            Ok(()) => {
                changed |= !request.validate_only;
                (ErrorCode::None.code(), None)
            }
            Err(e) => (metadata_error_code(&e).code(), Some(e.to_string())),
        };
        results.push(CreatePartitionsTopicResult {
            name: topic.name,
            error_code,
            error_message,
            ..CreatePartitionsTopicResult::default()
        });
    }
    for name in crate::handlers::dedupe(duplicated) {
        results.push(CreatePartitionsTopicResult {
            name,
            error_code: ErrorCode::InvalidRequest.code(),
            error_message: Some("Duplicate topic name.".into()),
            ..CreatePartitionsTopicResult::default()
        });
    }
    if changed {
        let _ = broker.wait_metadata_applied().await;
    }
    CreatePartitionsResponse {
        results,
        ..CreatePartitionsResponse::default()
    }
}
