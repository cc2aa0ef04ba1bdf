//! Heartbeat (classic protocol): keeps a member's session alive and tells it, through
//! `REBALANCE_IN_PROGRESS`, that it must rejoin. Nothing is written.

use std::sync::Arc;

use strom_protocol::generated::{HeartbeatRequest, HeartbeatResponse};

use crate::dispatch::Turn;
use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    request: HeartbeatRequest,
    caller: &Caller,
    turn: Turn,
) -> HeartbeatResponse {
    broker
        .groups
        .read(caller, Some(turn), |c, ctx, now| {
            c.heartbeat(ctx, &request, now)
        })
        .await
}
