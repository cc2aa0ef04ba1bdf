//! TxnOffsetCommit: a transactional producer commits a consumer group's offsets inside its
//! transaction (the consume-transform-produce loop). They become visible to OffsetFetch only
//! when the transaction commits.

use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::txn_offset_commit_response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use strom_protocol::generated::{TxnOffsetCommitRequest, TxnOffsetCommitResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: TxnOffsetCommitRequest,
    caller: &Caller,
    turn: Turn,
) -> TxnOffsetCommitResponse {
    let answered = match broker.groups.ensure_offsets_topic().await {
        Ok(()) => {
            broker
                .groups
                .txn_offset_commit(caller, Some(turn), &request)
                .await
        }
        Err(e) => Err(e),
    };
    answered.unwrap_or_else(|e| with_error(&request, coordinator_error_code(&e)))
}

/// Every partition answered with `code`.
fn with_error(request: &TxnOffsetCommitRequest, code: ErrorCode) -> TxnOffsetCommitResponse {
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
    TxnOffsetCommitResponse {
        topics,
        ..TxnOffsetCommitResponse::default()
    }
}
