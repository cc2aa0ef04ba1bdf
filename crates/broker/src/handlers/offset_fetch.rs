//! OffsetFetch: a group's committed offsets, for one group (v0-v7) or several (v8+), all
//! partitions when none are named. Nothing is written.
//!
//! A group, topic or partition named more than once is answered once: an unnamed topic list
//! expands to every offset of the group, and a repeated group would repeat all of them.

use std::sync::Arc;

use strom_protocol::generated::offset_fetch_request::{
    OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use strom_protocol::generated::{OffsetFetchRequest, OffsetFetchResponse};

use crate::dispatch::Turn;
use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    mut request: OffsetFetchRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetFetchResponse {
    dedupe_request(&mut request);
    broker
        .groups
        .read(caller, Some(turn), |c, ctx, _| {
            c.offset_fetch(ctx, &request)
        })
        .await
}

/// Keeps the first entry of each group and one of each topic and partition within it.
fn dedupe_request(request: &mut OffsetFetchRequest) {
    use crate::handlers::dedupe_partitions;
    if let Some(topics) = request.topics.take() {
        let merged = dedupe_partitions(topics.into_iter().map(|t| {
            let partitions = t.partition_indexes.into_iter().map(|p| (p, ())).collect();
            (t.name, partitions)
        }));
        request.topics = Some(
            merged
                .into_iter()
                .map(|(name, partitions)| OffsetFetchRequestTopic {
                    name,
                    partition_indexes: partitions.into_iter().map(|(p, ())| p).collect(),
                    ..OffsetFetchRequestTopic::default()
                })
                .collect(),
        );
    }
    let mut seen = std::collections::HashSet::new();
    request.groups.retain(|g| seen.insert(g.group_id.clone()));
    for group in &mut request.groups {
        let Some(topics) = group.topics.take() else {
            continue;
        };
        let merged = dedupe_partitions(topics.into_iter().map(|t| {
            let partitions = t.partition_indexes.into_iter().map(|p| (p, ())).collect();
            (t.name, partitions)
        }));
        group.topics = Some(
            merged
                .into_iter()
                .map(|(name, partitions)| OffsetFetchRequestTopics {
                    name,
                    partition_indexes: partitions.into_iter().map(|(p, ())| p).collect(),
                    ..OffsetFetchRequestTopics::default()
                })
                .collect(),
        );
    }
}
