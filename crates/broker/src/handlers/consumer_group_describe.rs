//! ConsumerGroupDescribe (KIP-848): epochs, members, their assignments and target
//! assignments of consumer groups. A group named more than once is described once.

use std::sync::Arc;

use strom_protocol::generated::consumer_group_describe_response::DescribedGroup;
use strom_protocol::generated::{ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    mut request: ConsumerGroupDescribeRequest,
    caller: &Caller,
) -> ConsumerGroupDescribeResponse {
    request.group_ids = crate::handlers::dedupe(std::mem::take(&mut request.group_ids));
    broker
        .groups
        .read(caller, None, None, |c, ctx, _| {
            c.consumer_group_describe(ctx, &request)
        })
        .await
        .unwrap_or_else(|e| ConsumerGroupDescribeResponse {
            groups: request
                .group_ids
                .iter()
                .map(|g| DescribedGroup {
                    error_code: coordinator_error_code(&e).code(),
                    group_id: g.clone(),
                    ..DescribedGroup::default()
                })
                .collect(),
            ..ConsumerGroupDescribeResponse::default()
        })
}
