//! DescribeTransactions: state, producer, timeout, start time and partitions of
//! transactional ids, from the transaction coordinator's memory.

use strom_protocol::generated::{DescribeTransactionsRequest, DescribeTransactionsResponse};

use crate::context::Broker;
use crate::coordinator::Caller;

pub fn handle(
    broker: &Broker,
    request: DescribeTransactionsRequest,
    caller: &Caller,
) -> DescribeTransactionsResponse {
    let ctx = caller.context(strom_coordinator::RequestId(0));
    broker
        .txns
        .read(|c| c.describe_transactions(&ctx, &request))
}
