//! ElectLeaders (what `kafka-leader-election` sends): preferred or unclean leader elections,
//! decided and committed by the active controller (see the metadata crate's
//! `controller::elect_leaders` for the rules), answered once applied here.
//!
//! v0 has no election type (preferred); an unknown type is `INVALID_REQUEST`. A null
//! partition list asks for every partition, and the answer then lists only those elected or
//! refused for another reason than `ELECTION_NOT_NEEDED`, as Kafka's controller does. A
//! partition named twice is elected once and listed once.

use std::sync::Arc;

use strom_metadata::controller::elect_leaders::{ElectionResult, ElectionType};
use strom_protocol::ErrorCode;
use strom_protocol::generated::elect_leaders_response::{PartitionResult, ReplicaElectionResult};
use strom_protocol::generated::{ElectLeadersRequest, ElectLeadersResponse};

use crate::context::Broker;
use crate::errors::{election_error_code, metadata_error_code};

pub async fn handle(
    broker: &Arc<Broker>,
    request: ElectLeadersRequest,
    version: i16,
) -> ElectLeadersResponse {
    let election = match (version, request.election_type) {
        (0, _) | (_, 0) => ElectionType::Preferred,
        (_, 1) => ElectionType::Unclean,
        _ => return refused(ErrorCode::InvalidRequest, version),
    };
    let partitions = request.topic_partitions.map(|topics| {
        let mut all: Vec<(String, i32)> = topics
            .into_iter()
            .flat_map(|t| {
                let topic = t.topic;
                t.partitions.into_iter().map(move |p| (topic.clone(), p))
            })
            .collect();
        all.sort();
        all.dedup();
        all
    });
    let timeout = Some(request.timeout_ms);
    match broker
        .metadata
        .elect_leaders(election, partitions, timeout)
        .await
    {
        Ok(results) => ElectLeadersResponse {
            error_code: ErrorCode::None.code(),
            replica_election_results: by_topic(results),
            ..ElectLeadersResponse::default()
        },
        Err(e) => refused(metadata_error_code(&e), version),
    }
}

/// A whole request refused: the top-level code from v1, and for v0 (which has none) the
/// same answer with no partitions.
fn refused(code: ErrorCode, version: i16) -> ElectLeadersResponse {
    ElectLeadersResponse {
        error_code: if version >= 1 { code.code() } else { 0 },
        ..ElectLeadersResponse::default()
    }
}

/// The results grouped by topic, in the order they came (sorted by topic and partition).
fn by_topic(results: Vec<ElectionResult>) -> Vec<ReplicaElectionResult> {
    let mut topics: Vec<ReplicaElectionResult> = Vec::new();
    for ((topic, partition), error) in results {
        let result = PartitionResult {
            partition_id: partition,
            error_code: error.as_ref().map_or(0, |e| election_error_code(e).code()),
            error_message: error.map(|e| e.to_string()),
            ..PartitionResult::default()
        };
        match topics.last_mut() {
            Some(last) if last.topic == topic => last.partition_result.push(result),
            _ => topics.push(ReplicaElectionResult {
                topic,
                partition_result: vec![result],
                ..ReplicaElectionResult::default()
            }),
        }
    }
    topics
}
