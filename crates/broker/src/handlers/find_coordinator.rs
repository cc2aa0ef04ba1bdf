//! FindCoordinator: names the broker coordinating a group (or, from v4, each of several
//! groups). On a single node that is always this broker. Asking for a group coordinator
//! creates `__consumer_offsets` on first use, as Kafka does, so the answer is only given once
//! the coordinator can take writes; asking for a transaction coordinator does the same for
//! `__transaction_state`.

use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::find_coordinator_response::Coordinator;
use strom_protocol::generated::{FindCoordinatorRequest, FindCoordinatorResponse};

use crate::context::Broker;
use crate::errors::coordinator_error_code;

/// Kafka's `CoordinatorType`.
const KEY_TYPE_GROUP: i8 = 0;
const KEY_TYPE_TRANSACTION: i8 = 1;
/// Keys answered in one batched (v4+) request.
pub const COORDINATOR_KEYS_MAX: usize = 10_000;

pub async fn handle(
    broker: &Arc<Broker>,
    request: FindCoordinatorRequest,
    version: i16,
) -> FindCoordinatorResponse {
    let code = match request.key_type {
        KEY_TYPE_GROUP => match broker
            .groups
            .ensure_offsets_topic()
            .await
            .map_err(|e| coordinator_error_code(&e))
        {
            Ok(()) => ErrorCode::None,
            Err(code) => code,
        },
        KEY_TYPE_TRANSACTION => match broker
            .txns
            .ensure_topic()
            .await
            .map_err(|e| coordinator_error_code(&e))
        {
            Ok(()) => ErrorCode::None,
            Err(code) => code,
        },
        _ => ErrorCode::InvalidRequest,
    };
    let message = |code: ErrorCode| match code {
        ErrorCode::None => None,
        ErrorCode::InvalidRequest => Some(format!("unknown key type {}", request.key_type)),
        other => Some(format!("{other:?}")),
    };
    let (node_id, host, port) = if code == ErrorCode::None {
        (
            broker.node_id(),
            broker.advertised_host.clone(),
            broker.advertised_port,
        )
    } else {
        (-1, String::new(), -1)
    };
    if version < 4 {
        return FindCoordinatorResponse {
            error_code: code.code(),
            error_message: message(code),
            node_id,
            host,
            port,
            ..FindCoordinatorResponse::default()
        };
    }
    let keys = if request.coordinator_keys.len() > COORDINATOR_KEYS_MAX {
        &request.coordinator_keys[..COORDINATOR_KEYS_MAX]
    } else {
        &request.coordinator_keys[..]
    };
    FindCoordinatorResponse {
        coordinators: keys
            .iter()
            .map(|key| Coordinator {
                key: key.clone(),
                node_id,
                host: host.clone(),
                port,
                error_code: code.code(),
                error_message: message(code),
                ..Coordinator::default()
            })
            .collect(),
        ..FindCoordinatorResponse::default()
    }
}
