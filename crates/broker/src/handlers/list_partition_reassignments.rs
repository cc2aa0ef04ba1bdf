//! ListPartitionReassignments (what `kafka-reassign-partitions --verify` and `--list` read):
//! the reassignments in progress, from this broker's metadata image, with each partition's
//! current replicas and the replicas being added and removed. A null topic list is every
//! partition; partitions named but not being reassigned are left out, as in Kafka.

use strom_protocol::generated::list_partition_reassignments_response::{
    OngoingPartitionReassignment, OngoingTopicReassignment,
};
use strom_protocol::generated::{
    ListPartitionReassignmentsRequest, ListPartitionReassignmentsResponse,
};

use crate::context::Broker;

pub fn handle(
    broker: &Broker,
    request: ListPartitionReassignmentsRequest,
    _version: i16,
) -> ListPartitionReassignmentsResponse {
    let wanted: Option<Vec<(String, i32)>> = request.topics.map(|topics| {
        topics
            .into_iter()
            .flat_map(|t| {
                let name = t.name;
                t.partition_indexes
                    .into_iter()
                    .map(move |p| (name.clone(), p))
            })
            .collect()
    });
    let ongoing = broker.controller.list_reassignments(wanted.as_deref());
    let ids = |v: Vec<strom_metadata::NodeId>| v.into_iter().map(|n| n.0).collect();
    let mut topics: Vec<OngoingTopicReassignment> = Vec::new();
    for r in ongoing {
        let partition = OngoingPartitionReassignment {
            partition_index: r.partition,
            replicas: ids(r.replicas),
            adding_replicas: ids(r.adding),
            removing_replicas: ids(r.removing),
            ..OngoingPartitionReassignment::default()
        };
        match topics.last_mut() {
            Some(last) if last.name == r.topic => last.partitions.push(partition),
            _ => topics.push(OngoingTopicReassignment {
                name: r.topic,
                partitions: vec![partition],
                ..OngoingTopicReassignment::default()
            }),
        }
    }
    ListPartitionReassignmentsResponse {
        topics,
        ..ListPartitionReassignmentsResponse::default()
    }
}
