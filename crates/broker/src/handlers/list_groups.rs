//! ListGroups: every group this coordinator holds, filtered by state (v4+) and type (v5+).

use std::sync::Arc;

use strom_protocol::generated::{ListGroupsRequest, ListGroupsResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    request: ListGroupsRequest,
    caller: &Caller,
) -> ListGroupsResponse {
    broker
        .groups
        .read(caller, None, None, |c, ctx, _| c.list_groups(ctx, &request))
        .await
        .unwrap_or_else(|e| ListGroupsResponse {
            error_code: coordinator_error_code(&e).code(),
            ..ListGroupsResponse::default()
        })
}
