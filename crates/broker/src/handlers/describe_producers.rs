//! DescribeProducers: the producers a partition's log remembers (idempotent and
//! transactional), with their epoch, last sequence and timestamp, the coordinator epoch of
//! their last transaction marker, and the start of the transaction they have open, which is
//! what `kafka-transactions.sh find-hanging` looks at.

use strom_protocol::generated::describe_producers_response::{
    PartitionResponse, ProducerState, TopicResponse,
};
use strom_protocol::generated::{DescribeProducersRequest, DescribeProducersResponse};
use strom_storage::TopicPartition;

use crate::context::Broker;
use crate::errors::partition_error_code;

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
