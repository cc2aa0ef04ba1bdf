//! ConsumerGroupDescribe (KIP-848): epochs, members, their assignments and target
//! assignments of consumer groups. A group named more than once is described once.

use std::sync::Arc;

use strom_protocol::generated::{ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse};

use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    mut request: ConsumerGroupDescribeRequest,
    caller: &Caller,
) -> ConsumerGroupDescribeResponse {
    request.group_ids = crate::handlers::dedupe(std::mem::take(&mut request.group_ids));
    broker
        .groups
        .read(caller, None, |c, ctx, _| {
            c.consumer_group_describe(ctx, &request)
        })
        .await
}
