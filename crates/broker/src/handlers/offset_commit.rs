//! OffsetCommit: stores a group's consumed positions (with their metadata strings) as records
//! in `__consumer_offsets`, answered once they are on disk. The coordinator checks the
//! member's generation (classic) or epoch (KIP-848) first; a commit with an empty member id
//! and generation -1 is the "simple" commit of a consumer without a group membership.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use strom_protocol::generated::{OffsetCommitRequest, OffsetCommitResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: OffsetCommitRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetCommitResponse {
    let fail = |code: ErrorCode| OffsetCommitResponse {
        topics: request
            .topics
            .iter()
            .map(|t| OffsetCommitResponseTopic {
                name: t.name.clone(),
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| OffsetCommitResponsePartition {
                        partition_index: p.partition_index,
                        error_code: code.code(),
                        ..OffsetCommitResponsePartition::default()
                    })
                    .collect(),
                ..OffsetCommitResponseTopic::default()
            })
            .collect(),
        ..OffsetCommitResponse::default()
    };
    if let Err(code) = broker
        .groups
        .ensure_offsets_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))
    {
        return fail(code);
    }
    let reply = broker
        .groups
        .call(
            caller,
            Some(turn),
            Some(&request.group_id),
            |c, ctx, now| c.offset_commit(ctx, &request, now),
        )
        .await;
    match reply {
        Ok(Response::OffsetCommit(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
