//! DescribeProducers: the producers a partition's log remembers (idempotent and
//! transactional), with their epoch, last sequence and timestamp, the coordinator epoch of
//! their last transaction marker, and the start of the transaction they have open, which is
//! what `kafka-transactions.sh find-hanging` looks at.

use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_producers_response::{
    PartitionResponse, ProducerState, TopicResponse,
};
use strom_protocol::generated::{DescribeProducersRequest, DescribeProducersResponse};

use crate::server::Broker;

pub fn handle(broker: &Broker, request: DescribeProducersRequest) -> DescribeProducersResponse {
    let topics = request
        .topics
        .into_iter()
        .map(|topic| TopicResponse {
            partitions: topic
                .partition_indexes
                .iter()
                .map(|&index| describe(broker, &topic.name, index))
                .collect(),
            name: topic.name,
            ..TopicResponse::default()
        })
        .collect();
    DescribeProducersResponse {
        topics,
        ..DescribeProducersResponse::default()
    }
}

fn describe(broker: &Broker, topic: &str, index: i32) -> PartitionResponse {
    let Some(partition) = broker.replica_manager.partition(topic, index) else {
        return PartitionResponse {
            partition_index: index,
            error_code: ErrorCode::UnknownTopicOrPartition.code(),
            ..PartitionResponse::default()
        };
    };
    PartitionResponse {
        partition_index: index,
        active_producers: partition
            .log
            .active_producers()
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
