//! AddOffsetsToTxn: a transactional producer that will commit a group's offsets adds that
//! group's `__consumer_offsets` partition to its transaction, so the marker reaches it.

use std::sync::Arc;

use strom_coordinator::txn::TxnResponse;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{AddOffsetsToTxnRequest, AddOffsetsToTxnResponse};

use crate::dispatch::Turn;
use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    request: AddOffsetsToTxnRequest,
    caller: &Caller,
    turn: Turn,
) -> AddOffsetsToTxnResponse {
    let fail = |code: ErrorCode| AddOffsetsToTxnResponse {
        error_code: code.code(),
        ..AddOffsetsToTxnResponse::default()
    };
    if let Err(code) = broker.txns.ensure_topic(broker).await {
        return fail(code);
    }
    if let Err(code) = broker.groups.ensure_offsets_topic(broker).await {
        return fail(code);
    }
    let reply = broker
        .txns
        .call(broker, caller, Some(turn), |c, ctx, now| {
            c.add_offsets_to_txn(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(TxnResponse::AddOffsetsToTxn(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(code) => fail(code),
    }
}
