//! DescribeTransactions: state, producer, timeout, start time and partitions of
//! transactional ids, from the transaction coordinator's memory. An id named more than once
//! is described once.

use strom_protocol::generated::{DescribeTransactionsRequest, DescribeTransactionsResponse};

use crate::context::Broker;
use crate::coordinator::Caller;

pub fn handle(
    broker: &Broker,
    mut request: DescribeTransactionsRequest,
    caller: &Caller,
) -> DescribeTransactionsResponse {
    request.transactional_ids =
        crate::handlers::dedupe(std::mem::take(&mut request.transactional_ids));
    let ctx = caller.context(strom_coordinator::RequestId(0));
    broker
        .txns
        .read(|c| c.describe_transactions(&ctx, &request))
}
