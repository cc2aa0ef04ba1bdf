//! LeaveGroup (classic protocol): one member (v0-v2) or a batch of members by id or
//! `group.instance.id` (v3+) leave, which starts a rebalance for those who stay.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{LeaveGroupRequest, LeaveGroupResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: LeaveGroupRequest,
    caller: &Caller,
    turn: Turn,
) -> LeaveGroupResponse {
    let fail = |code: ErrorCode| LeaveGroupResponse {
        error_code: code.code(),
        ..LeaveGroupResponse::default()
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
            |c, ctx, now| c.leave_group(ctx, &request, now),
        )
        .await;
    match reply {
        Ok(Response::LeaveGroup(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
