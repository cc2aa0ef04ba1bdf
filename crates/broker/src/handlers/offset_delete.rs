//! OffsetDelete: removes a group's committed offsets for some partitions, refused with
//! `GROUP_SUBSCRIBED_TO_TOPIC` for topics the group's members still consume.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{OffsetDeleteRequest, OffsetDeleteResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    request: OffsetDeleteRequest,
    caller: &Caller,
) -> OffsetDeleteResponse {
    let fail = |code: ErrorCode| OffsetDeleteResponse {
        error_code: code.code(),
        ..OffsetDeleteResponse::default()
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
        .call(caller, None, Some(&request.group_id), |c, ctx, now| {
            c.offset_delete(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(Response::OffsetDelete(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
