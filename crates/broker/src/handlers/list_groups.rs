//! ListGroups: every group this coordinator holds, filtered by state (v4+) and type (v5+).

use std::sync::Arc;

use strom_protocol::generated::{ListGroupsRequest, ListGroupsResponse};

use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    request: ListGroupsRequest,
    caller: &Caller,
) -> ListGroupsResponse {
    broker
        .groups
        .read(caller, None, |c, ctx, _| c.list_groups(ctx, &request))
        .await
}
