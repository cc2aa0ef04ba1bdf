//! OffsetFetch: a group's committed offsets, for one group (v0-v7) or several (v8+), all
//! partitions when none are named. Nothing is written.

use std::sync::Arc;

use strom_protocol::generated::offset_fetch_response::OffsetFetchResponseGroup;
use strom_protocol::generated::{OffsetFetchRequest, OffsetFetchResponse};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::errors::coordinator_error_code;
use crate::turn::Turn;

pub async fn handle(
    broker: &Arc<Broker>,
    request: OffsetFetchRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetFetchResponse {
    broker
        .groups
        .read(caller, Some(turn), None, |c, ctx, _| {
            c.offset_fetch(ctx, &request)
        })
        .await
        .unwrap_or_else(|e| OffsetFetchResponse {
            error_code: coordinator_error_code(&e).code(),
            groups: request
                .groups
                .iter()
                .map(|g| OffsetFetchResponseGroup {
                    group_id: g.group_id.clone(),
                    error_code: coordinator_error_code(&e).code(),
                    ..OffsetFetchResponseGroup::default()
                })
                .collect(),
            ..OffsetFetchResponse::default()
        })
}
