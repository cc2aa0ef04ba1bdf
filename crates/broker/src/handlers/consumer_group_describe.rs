//! ConsumerGroupDescribe (KIP-848): epochs, members, their assignments and target
//! assignments of consumer groups.

use std::sync::Arc;

use strom_protocol::generated::{ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse};

use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    request: ConsumerGroupDescribeRequest,
    caller: &Caller,
) -> ConsumerGroupDescribeResponse {
    broker
        .groups
        .read(caller, None, |c, ctx, _| {
            c.consumer_group_describe(ctx, &request)
        })
        .await
}
