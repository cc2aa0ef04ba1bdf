//! TxnOffsetCommit: a transactional producer commits a consumer group's offsets inside its
//! transaction (the consume-transform-produce loop). They become visible to OffsetFetch only
//! when the transaction commits.

use std::sync::Arc;

use strom_protocol::generated::txn_offset_commit_response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use strom_protocol::generated::{TxnOffsetCommitRequest, TxnOffsetCommitResponse};

use crate::dispatch::Turn;
use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    request: TxnOffsetCommitRequest,
    caller: &Caller,
    turn: Turn,
) -> TxnOffsetCommitResponse {
    if let Err(code) = broker.groups.ensure_offsets_topic(broker).await {
        let topics = request
            .topics
            .iter()
            .map(|t| TxnOffsetCommitResponseTopic {
                name: t.name.clone(),
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| TxnOffsetCommitResponsePartition {
                        partition_index: p.partition_index,
                        error_code: code.code(),
                        ..TxnOffsetCommitResponsePartition::default()
                    })
                    .collect(),
                ..TxnOffsetCommitResponseTopic::default()
            })
            .collect();
        return TxnOffsetCommitResponse {
            topics,
            ..TxnOffsetCommitResponse::default()
        };
    }
    broker
        .groups
        .txn_offset_commit(broker, caller, Some(turn), &request)
        .await
}
