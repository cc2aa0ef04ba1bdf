//! DescribeProducers: the producers a partition's log remembers (idempotent and
//! transactional), with their epoch, last sequence and timestamp, the coordinator epoch of
//! their last transaction marker, and the start of the transaction they have open, which is
//! what `kafka-transactions.sh find-hanging` looks at.
//!
//! A partition named more than once is described once (Kafka answers each repeat; its
//! answer can be large, so Strom does not), a topic name no topic can have gets
//! `INVALID_TOPIC_EXCEPTION` as in Kafka, and partitions past `response.max.bytes` get
//! `POLICY_VIOLATION`.

use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_producers_response::{
    PartitionResponse, ProducerState, TopicResponse,
};
use strom_protocol::generated::{DescribeProducersRequest, DescribeProducersResponse};
use strom_storage::TopicPartition;

use crate::context::Broker;
use crate::errors::partition_error_code;
use crate::handlers::{ResponseBound, dedupe_partitions};

pub fn handle(
    broker: &Broker,
    request: DescribeProducersRequest,
    version: i16,
) -> DescribeProducersResponse {
    let wanted = dedupe_partitions(request.topics.into_iter().map(|t| {
        let partitions = t.partition_indexes.into_iter().map(|p| (p, ())).collect();
        (t.name, partitions)
    }));
    let mut bound = ResponseBound::new(broker.config.response_max_bytes, version);
    let topics = wanted
        .into_iter()
        .map(|(name, partitions)| TopicResponse {
            partitions: partitions
                .into_iter()
                .map(|(index, ())| {
                    let described = describe(broker, &name, index);
                    if bound.fits(&described) {
                        described
                    } else {
                        PartitionResponse {
                            partition_index: index,
                            error_code: ErrorCode::PolicyViolation.code(),
                            error_message: Some("response.max.bytes reached".into()),
                            ..PartitionResponse::default()
                        }
                    }
                })
                .collect(),
            name,
            ..TopicResponse::default()
        })
        .collect();
    DescribeProducersResponse {
        topics,
        ..DescribeProducersResponse::default()
    }
}

fn describe(broker: &Broker, topic: &str, index: i32) -> PartitionResponse {
    if let Err(e) = strom_metadata::controller::validate_topic_name(topic) {
        return PartitionResponse {
            partition_index: index,
            error_code: ErrorCode::InvalidTopicException.code(),
            error_message: Some(e.to_string()),
            ..PartitionResponse::default()
        };
    }
    let tp = TopicPartition::new(topic, index);
    let producers = match broker.replica_manager.active_producers(&tp) {
        Ok(producers) => producers,
        Err(e) => {
            return PartitionResponse {
                partition_index: index,
                error_code: partition_error_code(&e).code(),
                ..PartitionResponse::default()
            };
        }
    };
    PartitionResponse {
        partition_index: index,
        active_producers: producers
            .into_iter()
            .map(|p| ProducerState {
                producer_id: p.producer_id.0,
                producer_epoch: i32::from(p.producer_epoch),
                last_sequence: p.last_sequence,
                last_timestamp: p.last_timestamp.0,
                coordinator_epoch: p.coordinator_epoch,
                current_txn_start_offset: p.current_txn_start_offset.map_or(-1, |o| o.0),
                ..ProducerState::default()
            })
            .collect(),
        ..PartitionResponse::default()
    }
}
