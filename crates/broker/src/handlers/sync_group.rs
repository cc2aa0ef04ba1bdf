//! SyncGroup (classic protocol): the leader hands over the assignments it computed and every
//! member collects its own. A follower's request is parked until the leader's arrives; the
//! leader's is answered once the group's new state is durable in `__consumer_offsets`.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{SyncGroupRequest, SyncGroupResponse};

use crate::dispatch::Turn;
use crate::group_coordinator::Caller;
use crate::server::Broker;

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
    if let Err(code) = broker.groups.ensure_offsets_topic(broker).await {
        return fail(code);
    }
    let reply = broker
        .groups
        .call(broker, caller, Some(turn), |c, ctx, now| {
            c.sync_group(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(Response::SyncGroup(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(code) => fail(code),
    }
}
