//! AddPartitionsToTxn: a transactional producer names the partitions it is about to write
//! (v0-v3); from v4 a broker may batch several transactions or ask, `verify_only`, whether
//! partitions are already in them (KIP-890). The coordinator records the new partitions in
//! `__transaction_state` before answering.

use std::sync::Arc;

use strom_coordinator::txn::TxnResponse;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{AddPartitionsToTxnRequest, AddPartitionsToTxnResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: AddPartitionsToTxnRequest,
    caller: &Caller,
    turn: Turn,
) -> AddPartitionsToTxnResponse {
    let fail = |code: ErrorCode| AddPartitionsToTxnResponse {
        error_code: code.code(),
        ..AddPartitionsToTxnResponse::default()
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
            c.add_partitions_to_txn(ctx, &request, now)
        })
        .await;
    match reply {
        Ok(TxnResponse::AddPartitionsToTxn(r)) => r,
        Ok(_) => fail(ErrorCode::UnknownServerError),
        Err(e) => fail(coordinator_error_code(&e)),
    }
}
