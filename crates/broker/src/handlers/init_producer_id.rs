//! InitProducerId: hands an idempotent producer its id and epoch. A new producer gets a fresh
//! id from the controller (never reused across restarts); a producer that sends its current
//! id and epoch (KIP-360, after a sequence error) gets the same id with the next epoch, which
//! restarts its sequences. Transactional ids are refused: transactions are not served yet.

use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::{InitProducerIdRequest, InitProducerIdResponse};

use crate::errors::metadata_error_code;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    request: InitProducerIdRequest,
    _version: i16,
) -> InitProducerIdResponse {
    let fail = |code: ErrorCode| InitProducerIdResponse {
        error_code: code.code(),
        producer_id: -1,
        producer_epoch: -1,
        ..InitProducerIdResponse::default()
    };
    if request.transactional_id.is_some() {
        return fail(ErrorCode::TransactionalIdAuthorizationFailed);
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
    let controller = broker.controller.clone();
    match tokio::task::spawn_blocking(move || controller.allocate_producer_id()).await {
        Ok(Ok(id)) => InitProducerIdResponse {
            producer_id: id,
            producer_epoch: 0,
            ..InitProducerIdResponse::default()
        },
        Ok(Err(e)) => fail(metadata_error_code(&e)),
        Err(e) => panic!("producer id task panicked: {e}"),
    }
}
