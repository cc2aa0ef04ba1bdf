//! AddOffsetsToTxn: a transactional producer that will commit a group's offsets adds that
//! group's `__consumer_offsets` partition to its transaction, so the marker reaches it.

use std::sync::Arc;

use strom_coordinator::txn::TxnResponse;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{AddOffsetsToTxnRequest, AddOffsetsToTxnResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

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
    if let Err(code) = broker
        .txns
        .ensure_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))
    {
        return fail(code);
    }
    if let Err(code) = broker
        .groups
        .ensure_offsets_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))
    {
        return fail(code);
    }
    let reply = broker
        .txns
        .call(caller, Some(turn), |c, ctx, now| {
            c.add_offsets_to_txn(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(TxnResponse::AddOffsetsToTxn(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
