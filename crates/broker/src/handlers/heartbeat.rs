//! Heartbeat (classic protocol): keeps a member's session alive and tells it, through
//! `REBALANCE_IN_PROGRESS`, that it must rejoin. Nothing is written.

use std::sync::Arc;

use strom_protocol::generated::{HeartbeatRequest, HeartbeatResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: HeartbeatRequest,
    caller: &Caller,
    turn: Turn,
) -> HeartbeatResponse {
    let group = request.group_id.clone();
    broker
        .groups
        .read(caller, Some(turn), Some(&group), |c, ctx, now| {
            c.heartbeat(ctx, &request, now)
        })
        .await
        .unwrap_or_else(|e| HeartbeatResponse {
            error_code: coordinator_error_code(&e).code(),
            ..HeartbeatResponse::default()
        })
}
