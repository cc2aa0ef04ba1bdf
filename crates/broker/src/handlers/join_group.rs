//! JoinGroup (classic protocol): a member asks to join, or rejoin, a group's rebalance. The
//! coordinator usually parks the request until the join phase ends (every known member has
//! rejoined, the rebalance timeout passed, or the initial delay ran out), so the reply often
//! comes from another member's request or from the timer task.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{JoinGroupRequest, JoinGroupResponse};

use crate::dispatch::Turn;
use crate::group_coordinator::Caller;
use crate::server::Broker;

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
    if let Err(code) = broker.groups.ensure_offsets_topic(broker).await {
        return fail(code);
    }
    let groups = &broker.groups;
    let reply = groups
        .call(broker, caller, Some(turn), |c, ctx, now| {
            c.join_group(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(Response::JoinGroup(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(code) => fail(code),
    }
}
