//! ListTransactions: transactional ids with their producer and state, filtered by state,
//! producer id and (v1+) how long they have been open.

use strom_protocol::generated::{ListTransactionsRequest, ListTransactionsResponse};

use crate::context::Broker;
use crate::coordinator::Caller;

pub fn handle(
    broker: &Broker,
    request: ListTransactionsRequest,
    caller: &Caller,
) -> ListTransactionsResponse {
    let ctx = caller.context(strom_coordinator::RequestId(0));
    let now = broker.txns.now_ms();
    broker
        .txns
        .read(|c| c.list_transactions(&ctx, &request, now))
}
