//! FindCoordinator: names the broker coordinating a group (or, from v4, each of several
//! groups): the leader of the key's partition of `__consumer_offsets` (or
//! `__transaction_state`), as Kafka places coordinators. On a single node that is always this
//! broker; a partition without a live leader answers `COORDINATOR_NOT_AVAILABLE`. Asking for a group coordinator
//! creates `__consumer_offsets` on first use, as Kafka does, so the answer is only given once
//! the coordinator can take writes; asking for a transaction coordinator does the same for
//! `__transaction_state`.

use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::find_coordinator_response::Coordinator;
use strom_protocol::generated::{FindCoordinatorRequest, FindCoordinatorResponse};

use crate::context::{Broker, BrokerEndpoint};
use crate::coordinator::{OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC};
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
    if version < 4 {
        let (code, at) = locate(broker, request.key_type, &request.key, code);
        return FindCoordinatorResponse {
            error_code: code.code(),
            error_message: message(code),
            node_id: at.node_id,
            host: at.host,
            port: at.port,
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
            .map(|key| {
                let (code, at) = locate(broker, request.key_type, key, code);
                Coordinator {
                    key: key.clone(),
                    node_id: at.node_id,
                    host: at.host,
                    port: at.port,
                    error_code: code.code(),
                    error_message: message(code),
                    ..Coordinator::default()
                }
            })
            .collect(),
        ..FindCoordinatorResponse::default()
    }
}

/// The broker coordinating `key`: the live leader of its partition, or why there is none.
fn locate(
    broker: &Broker,
    key_type: i8,
    key: &str,
    ready: ErrorCode,
) -> (ErrorCode, BrokerEndpoint) {
    let none = BrokerEndpoint {
        node_id: -1,
        host: String::new(),
        port: -1,
        rack: None,
    };
    if ready != ErrorCode::None {
        return (ready, none);
    }
    let (topic, partition) = match key_type {
        KEY_TYPE_GROUP => (OFFSETS_TOPIC, broker.groups.partition_for(key)),
        _ => (TRANSACTION_STATE_TOPIC, broker.txns.partition_for(key)),
    };
    let image = broker.image();
    let leader = image
        .topic(topic)
        .and_then(|t| t.partitions.get(&partition))
        .and_then(|p| broker.live_broker(&image, p.leader.0));
    match leader {
        Some(at) => (ErrorCode::None, at),
        None => (ErrorCode::CoordinatorNotAvailable, none),
    }
}
