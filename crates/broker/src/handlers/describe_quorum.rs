//! DescribeQuorum: the metadata quorum as its leader sees it, which Kafka's
//! `kafka-metadata-quorum describe --status/--replication` prints. Brokers forward it to the
//! active controller, as Kafka's do; the single node answers as a quorum of itself.
//!
//! The metadata log is named as Kafka names it (`__cluster_metadata`, partition 0); any
//! other partition is `UNKNOWN_TOPIC_OR_PARTITION`. Offsets are Raft log indexes plus one.
//! Follower fetch times are not tracked (openraft keeps none): they read -1.

use std::sync::Arc;

use strom_metadata::controller::request::{ControllerReply, ControllerRequest};
use strom_metadata::quorum::{QuorumDescription, ReplicaDescription};
use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_quorum_response::{
    Listener, Node, PartitionData, ReplicaState, TopicData,
};
use strom_protocol::generated::{DescribeQuorumRequest, DescribeQuorumResponse};

use crate::context::Broker;
use crate::errors::metadata_error_code;

/// Kafka's name for the metadata log.
pub const METADATA_TOPIC: &str = "__cluster_metadata";
/// The listener name the voters' addresses are given under.
const CONTROLLER_LISTENER: &str = "CONTROLLER";

pub async fn handle(
    broker: &Arc<Broker>,
    request: DescribeQuorumRequest,
    version: i16,
) -> DescribeQuorumResponse {
    let asks_for_metadata_log = request.topics.len() == 1
        && request.topics[0].topic_name == METADATA_TOPIC
        && request.topics[0].partitions.len() == 1
        && request.topics[0].partitions[0].partition_index == 0;
    if !asks_for_metadata_log {
        return unknown_partitions(request);
    }
    let described = broker
        .metadata
        .channel()
        .call(ControllerRequest::DescribeQuorum)
        .await;
    match described.map(|a| a.reply) {
        Ok(ControllerReply::Quorum(quorum)) => {
            let now = broker.groups.now_ms();
            describe(&quorum, now, version)
        }
        Ok(other) => failed(ErrorCode::UnknownServerError, format!("answered {other:?}")),
        Err(e) => failed(metadata_error_code(&e), e.to_string()),
    }
}

/// The answer at `version`: fetch times from v1, the voters' endpoints (`nodes`) from v2;
/// a field the version cannot carry keeps its default.
fn describe(quorum: &QuorumDescription, now_ms: i64, version: i16) -> DescribeQuorumResponse {
    // v0 has no timestamps: -1 stands for "not carried".
    let stamp = |ms: i64| if version >= 1 { ms } else { -1 };
    let replica = |r: &ReplicaDescription| {
        let leader = r.id == quorum.leader_id;
        ReplicaState {
            replica_id: r.id as i32,
            log_end_offset: r.log_end,
            last_fetch_timestamp: stamp(if leader { now_ms } else { r.last_fetch_ms }),
            last_caught_up_timestamp: stamp(if leader { now_ms } else { r.last_caught_up_ms }),
            ..ReplicaState::default()
        }
    };
    let voters = quorum.voters.iter().map(replica).collect();
    let observers = quorum.observers.iter().map(replica).collect();
    let nodes = quorum
        .addresses
        .iter()
        .filter(|_| version >= 2)
        .filter_map(|(id, addr)| {
            let (host, port) = addr.rsplit_once(':')?;
            Some(Node {
                node_id: *id as i32,
                listeners: vec![Listener {
                    name: CONTROLLER_LISTENER.into(),
                    host: host.trim_matches(|c| c == '[' || c == ']').into(),
                    port: port.parse().ok()?,
                    ..Listener::default()
                }],
                ..Node::default()
            })
        })
        .collect();
    DescribeQuorumResponse {
        topics: vec![TopicData {
            topic_name: METADATA_TOPIC.into(),
            partitions: vec![PartitionData {
                partition_index: 0,
                leader_id: quorum.leader_id as i32,
                leader_epoch: i32::try_from(quorum.leader_epoch).unwrap_or(i32::MAX),
                high_watermark: quorum.high_watermark as i64,
                current_voters: voters,
                observers,
                ..PartitionData::default()
            }],
            ..TopicData::default()
        }],
        nodes,
        ..DescribeQuorumResponse::default()
    }
}

fn unknown_partitions(request: DescribeQuorumRequest) -> DescribeQuorumResponse {
    let code = ErrorCode::UnknownTopicOrPartition;
    DescribeQuorumResponse {
        topics: request
            .topics
            .into_iter()
            .map(|t| TopicData {
                topic_name: t.topic_name,
                partitions: t
                    .partitions
                    .into_iter()
                    .map(|p| PartitionData {
                        partition_index: p.partition_index,
                        error_code: code.code(),
                        error_message: Some("only __cluster_metadata-0 is a quorum".into()),
                        leader_id: -1,
                        leader_epoch: -1,
                        high_watermark: -1,
                        ..PartitionData::default()
                    })
                    .collect(),
                ..TopicData::default()
            })
            .collect(),
        ..DescribeQuorumResponse::default()
    }
}

fn failed(code: ErrorCode, message: String) -> DescribeQuorumResponse {
    DescribeQuorumResponse {
        error_code: code.code(),
        error_message: Some(message),
        ..DescribeQuorumResponse::default()
    }
}
