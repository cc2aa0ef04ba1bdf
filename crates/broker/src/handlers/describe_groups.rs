//! DescribeGroups: state, protocol and members (with their metadata and assignments) of
//! classic groups; a KIP-848 group is reported as Kafka does for a classic describe of one.
//! A group named more than once is described once (its answer can be large).

use std::sync::Arc;

use strom_protocol::generated::describe_groups_response::DescribedGroup;
use strom_protocol::generated::{DescribeGroupsRequest, DescribeGroupsResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    mut request: DescribeGroupsRequest,
    caller: &Caller,
) -> DescribeGroupsResponse {
    request.groups = crate::handlers::dedupe(std::mem::take(&mut request.groups));
    broker
        .groups
        .read(caller, None, None, |c, ctx, _| {
            c.describe_groups(ctx, &request)
        })
        .await
        .unwrap_or_else(|e| DescribeGroupsResponse {
            groups: request
                .groups
                .iter()
                .map(|g| DescribedGroup {
                    error_code: coordinator_error_code(&e).code(),
                    group_id: g.clone(),
                    ..DescribedGroup::default()
                })
                .collect(),
            ..DescribeGroupsResponse::default()
        })
}
