//! EndTxn: commit or abort. The coordinator writes PrepareCommit/PrepareAbort, answers once
//! it is on disk, then the broker writes a marker to every partition of the transaction and
//! the coordinator records CompleteCommit/CompleteAbort.

use std::sync::Arc;

use strom_coordinator::txn::TxnResponse;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{EndTxnRequest, EndTxnResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: EndTxnRequest,
    caller: &Caller,
    turn: Turn,
) -> EndTxnResponse {
    let fail = |code: ErrorCode| EndTxnResponse {
        error_code: code.code(),
        producer_id: -1,
        producer_epoch: -1,
        ..EndTxnResponse::default()
    };
    if let Err(code) = broker
        .txns
        .ensure_topic()
        .await
        .map_err(|e| coordinator_error_code(&e))
    {
        return fail(code);
    }
    let reply = broker
        .txns
        .call(caller, Some(turn), |c, ctx, now| {
            c.end_txn(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(TxnResponse::EndTxn(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
