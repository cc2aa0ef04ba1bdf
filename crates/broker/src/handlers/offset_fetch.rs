//! OffsetFetch: a group's committed offsets, for one group (v0-v7) or several (v8+), all
//! partitions when none are named. Nothing is written.

use std::sync::Arc;

use strom_protocol::generated::{OffsetFetchRequest, OffsetFetchResponse};

use crate::dispatch::Turn;
use crate::group_coordinator::Caller;
use crate::server::Broker;

pub async fn handle(
    broker: &Arc<Broker>,
    request: OffsetFetchRequest,
    caller: &Caller,
    turn: Turn,
) -> OffsetFetchResponse {
    broker
        .groups
        .read(caller, Some(turn), |c, ctx, _| {
            c.offset_fetch(ctx, &request)
        })
        .await
}
