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
use crate::coordinator::{Caller, OFFSETS_TOPIC};
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: TxnOffsetCommitRequest,
    caller: &Caller,
    turn: Turn,
) -> TxnOffsetCommitResponse {
    if let Err(e) = broker.groups.ensure_offsets_topic().await {
        return with_error(&request, coordinator_error_code(&e));
    }
    if caller.api_version >= IMPLICIT_ADD_MIN_VERSION
        && let Err(code) = add_offsets_partition(broker, caller, &request).await
    {
        return with_error(&request, code);
    }
    broker
        .groups
        .txn_offset_commit(caller, Some(turn), &request)
        .await
        .unwrap_or_else(|e| with_error(&request, coordinator_error_code(&e)))
}

/// The first TxnOffsetCommit version of transaction version 2 (KIP-890 part 2): the client
/// no longer sends AddOffsetsToTxn; the group's `__consumer_offsets` partition is added to
/// the transaction here.
const IMPLICIT_ADD_MIN_VERSION: i16 = 5;

/// Adds the group's `__consumer_offsets` partition to the producer's transaction.
async fn add_offsets_partition(
    broker: &Broker,
    caller: &Caller,
    request: &TxnOffsetCommitRequest,
) -> Result<(), ErrorCode> {
    broker
        .txns
        .ensure_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))?;
    let partition = broker.groups.partition_for(&request.group_id);
    let added = broker
        .txns
        .add_partitions_from_broker(
            caller,
            &request.transactional_id,
            (request.producer_id, request.producer_epoch),
            &[(OFFSETS_TOPIC.to_string(), vec![partition])],
            false,
        )
        .await
        .map_err(|e| coordinator_error_code(&e))?;
    match added
        .values()
        .copied()
        .find(|code| *code != ErrorCode::None)
    {
        Some(code) => Err(code),
        None => Ok(()),
    }
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
