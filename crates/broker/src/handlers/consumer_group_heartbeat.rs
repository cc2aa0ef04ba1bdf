//! ConsumerGroupHeartbeat (KIP-848): a member of a consumer group joins, stays, reports what
//! it owns, and learns its target assignment; the server-side assignor (`uniform` or
//! `range`) computes assignments from the metadata image's topics.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse};

use crate::context::Broker;
use crate::coordinator::{Caller, GroupService};
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: ConsumerGroupHeartbeatRequest,
    caller: &Caller,
    turn: Turn,
) -> ConsumerGroupHeartbeatResponse {
    let fail = |code: ErrorCode| ConsumerGroupHeartbeatResponse {
        error_code: code.code(),
        error_message: Some(format!("{code:?}")),
        ..ConsumerGroupHeartbeatResponse::default()
    };
    if let Err(code) = broker
        .groups
        .ensure_offsets_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))
    {
        return fail(code);
    }
    let image = broker.image();
    let reply = broker
        .groups
        .call(
            caller,
            Some(turn),
            Some(&request.group_id),
            |c, ctx, now| {
                c.consumer_group_heartbeat(ctx, &request, &GroupService::topics(&image), now)
            },
        )
        .await;
    match reply {
        Ok(Response::ConsumerGroupHeartbeat(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
