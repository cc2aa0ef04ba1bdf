//! SyncGroup (classic protocol): the leader hands over the assignments it computed and every
//! member collects its own. A follower's request is parked until the leader's arrives; the
//! leader's is answered once the group's new state is durable in `__consumer_offsets`.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{SyncGroupRequest, SyncGroupResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: SyncGroupRequest,
    caller: &Caller,
    turn: Turn,
) -> SyncGroupResponse {
    let fail = |code: ErrorCode| SyncGroupResponse {
        error_code: code.code(),
        ..SyncGroupResponse::default()
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
            |c, ctx, now| c.sync_group(ctx, &request, now),
        )
        .await;
    match reply {
        Ok(Response::SyncGroup(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
