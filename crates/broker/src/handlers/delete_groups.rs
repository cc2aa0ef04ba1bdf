//! DeleteGroups: removes empty groups and their offsets (tombstones in
//! `__consumer_offsets`); a group with members gets `NON_EMPTY_GROUP`. A group named more
//! than once is deleted and answered once.

use std::sync::Arc;

use strom_coordinator::Response;
use strom_protocol::ErrorCode;
use strom_protocol::generated::delete_groups_response::DeletableGroupResult;
use strom_protocol::generated::{DeleteGroupsRequest, DeleteGroupsResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    mut request: DeleteGroupsRequest,
    caller: &Caller,
) -> DeleteGroupsResponse {
    request.groups_names = crate::handlers::dedupe(std::mem::take(&mut request.groups_names));
    let fail = |code: ErrorCode| DeleteGroupsResponse {
        results: request
            .groups_names
            .iter()
            .map(|g| DeletableGroupResult {
                group_id: g.clone(),
                error_code: code.code(),
                ..DeletableGroupResult::default()
            })
            .collect(),
        ..DeleteGroupsResponse::default()
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
        .call(caller, None, None, |c, ctx, now| {
            c.delete_groups(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(Response::DeleteGroups(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
