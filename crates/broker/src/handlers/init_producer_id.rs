//! InitProducerId: hands an idempotent producer its id and epoch. A new producer gets a fresh
//! id from the controller (never reused across restarts); a producer that sends its current
//! id and epoch (KIP-360, after a sequence error) gets the same id with the next epoch, which
//! restarts its sequences. A request with a transactional id goes to the transaction
//! coordinator: epoch bump, fencing of the previous producer, abort of its open transaction.

use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::{InitProducerIdRequest, InitProducerIdResponse};

use strom_coordinator::txn::TxnResponse;

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    request: InitProducerIdRequest,
    caller: &Caller,
) -> InitProducerIdResponse {
    let fail = |code: ErrorCode| InitProducerIdResponse {
        error_code: code.code(),
        producer_id: -1,
        producer_epoch: -1,
        ..InitProducerIdResponse::default()
    };
    if request.transactional_id.is_some() {
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
            .call(caller, None, |c, ctx, now| {
                c.init_producer_id(ctx, &request, now)
            })
            .await;
        return match reply {
            Ok(TxnResponse::InitProducerId(r)) => r,
            Ok(_) => fail(ErrorCode::UnknownServerError),
            Err(e) => fail(coordinator_error_code(&e)),
        };
    }
    if request.producer_id >= 0
        && request.producer_epoch >= 0
        && request.producer_epoch < i16::MAX - 1
    {
        return InitProducerIdResponse {
            producer_id: request.producer_id,
            producer_epoch: request.producer_epoch + 1,
            ..InitProducerIdResponse::default()
        };
    }
    match broker.producer_ids.next_id_waiting().await {
        Ok(id) => InitProducerIdResponse {
            producer_id: id.0,
            producer_epoch: 0,
            ..InitProducerIdResponse::default()
        },
        Err(e) => fail(e.error_code()),
    }
}
