//! JoinGroup (classic protocol): a member asks to join, or rejoin, a group's rebalance. The
//! coordinator usually parks the request until the join phase ends (every known member has
//! rejoined, the rebalance timeout passed, or the initial delay ran out), so the reply often
//! comes from another member's request or from the timer task.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{JoinGroupRequest, JoinGroupResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: JoinGroupRequest,
    caller: &Caller,
    turn: Turn,
) -> JoinGroupResponse {
    let fail = |code: ErrorCode| JoinGroupResponse {
        error_code: code.code(),
        member_id: request.member_id.clone(),
        ..JoinGroupResponse::default()
    };
    if let Err(code) = broker
        .groups
        .ensure_offsets_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))
    {
        return fail(code);
    }
    let groups = &broker.groups;
    let reply = groups
        .call(
            caller,
            Some(turn),
            Some(&request.group_id),
            |c, ctx, now| c.join_group(ctx, &request, now),
        )
        .await;
    match reply {
        Ok(Response::JoinGroup(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
