//! AlterPartitionReassignments (what `kafka-reassign-partitions --execute` and `--cancel`
//! send): each partition's target replicas, or null to cancel its reassignment, decided by
//! the active controller (the metadata crate's `controller::reassign` has the steps) and
//! answered once applied here. Each partition answers for itself: `UNKNOWN_TOPIC_OR_PARTITION`,
//! `INVALID_REPLICA_ASSIGNMENT` (empty, repeated or unregistered brokers), or
//! `NO_REASSIGNMENT_IN_PROGRESS` for a cancel of nothing. A controller that cannot be reached
//! fails the whole request with its code.

use std::sync::Arc;

use strom_metadata::NodeId;
use strom_metadata::controller::reassign::{ReassignmentAsked, ReassignmentResult};
use strom_protocol::ErrorCode;
use strom_protocol::generated::alter_partition_reassignments_response::{
    ReassignablePartitionResponse, ReassignableTopicResponse,
};
use strom_protocol::generated::{
    AlterPartitionReassignmentsRequest, AlterPartitionReassignmentsResponse,
};

use crate::context::Broker;
use crate::errors::{metadata_error_code, reassignment_error_code};

pub async fn handle(
    broker: &Arc<Broker>,
    request: AlterPartitionReassignmentsRequest,
    _version: i16,
) -> AlterPartitionReassignmentsResponse {
    let asked: Vec<ReassignmentAsked> = request
        .topics
        .into_iter()
        .flat_map(|t| {
            let topic = t.name;
            t.partitions.into_iter().map(move |p| {
                let target = p
                    .replicas
                    .map(|r| r.into_iter().map(NodeId).collect::<Vec<_>>());
                ((topic.clone(), p.partition_index), target)
            })
        })
        .collect();
    match broker
        .metadata
        .alter_reassignments(asked, Some(request.timeout_ms))
        .await
    {
        Ok(results) => AlterPartitionReassignmentsResponse {
            allow_replication_factor_change: request.allow_replication_factor_change,
            error_code: ErrorCode::None.code(),
            responses: by_topic(results),
            ..AlterPartitionReassignmentsResponse::default()
        },
        Err(e) => AlterPartitionReassignmentsResponse {
            error_code: metadata_error_code(&e).code(),
            error_message: Some(e.to_string()),
            ..AlterPartitionReassignmentsResponse::default()
        },
    }
}

/// The results grouped into topic entries, consecutive partitions of one topic together.
fn by_topic(results: Vec<ReassignmentResult>) -> Vec<ReassignableTopicResponse> {
    let mut topics: Vec<ReassignableTopicResponse> = Vec::new();
    for ((topic, partition), error) in results {
        let answer = ReassignablePartitionResponse {
            partition_index: partition,
            error_code: error
                .as_ref()
                .map_or(0, |e| reassignment_error_code(e).code()),
            error_message: error.map(|e| e.to_string()),
            ..ReassignablePartitionResponse::default()
        };
        match topics.last_mut() {
            Some(last) if last.name == topic => last.partitions.push(answer),
            _ => topics.push(ReassignableTopicResponse {
                name: topic,
                partitions: vec![answer],
                ..ReassignableTopicResponse::default()
            }),
        }
    }
    topics
}
