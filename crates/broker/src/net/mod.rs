//! The network edge: the listener that accepts connections within `max.connections` and
//! `max.connections.per.ip` ([`quotas`]), the per-connection loop ([`connection`]) that reads
//! frames, runs requests concurrently and writes their responses back in request order, and
//! the byte budgets that bound what a connection can make the broker hold ([`budget`]).

pub mod budget;
pub mod connection;
pub mod decode_cost;
pub mod quotas;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::connection_id::ConnectionId;
use crate::context::Broker;
use crate::net::budget::RequestBudget;
use crate::net::quotas::{ConnectionQuotas, ConnectionSlot, Refused};

/// What the network edge bounds across all connections: the edge's own handles, not the
/// broker's.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Request bytes buffered across all connections (`queued.max.request.bytes`).
    pub request_bytes: Arc<RequestBudget>,
    /// Open connections, overall and per client address.
    pub connections: Arc<ConnectionQuotas>,
}

/// Accepts connections until `shutdown` turns true, then waits for open connections to finish
/// the requests they have in flight.
pub async fn serve(
    listener: TcpListener,
    broker: Arc<Broker>,
    limits: Limits,
    mut shutdown: watch::Receiver<bool>,
) {
    let next_id = AtomicU64::new(1);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = shutdown.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of file descriptors and the like: back off instead of spinning.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let Some(slot) = admit(&limits.connections, peer) else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let broker = broker.clone();
                let request_bytes = limits.request_bytes.clone();
                let shutdown = shutdown.clone();
                let id = ConnectionId(next_id.fetch_add(1, Ordering::Relaxed));
                connections.spawn(async move {
                    connection::run(stream, peer, id, broker, &request_bytes, shutdown).await;
                    drop(slot);
                });
            }
        }
    }
    drop(listener);
    let drain = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(std::time::Duration::from_secs(10), drain)
        .await
        .is_err()
    {
        tracing::warn!("connections still busy after 10 s of shutdown; abandoning them");
    }
}

/// Counts a new connection, or logs which limit refused it (the caller then drops it).
fn admit(
    connections: &Arc<ConnectionQuotas>,
    peer: std::net::SocketAddr,
) -> Option<ConnectionSlot> {
    match connections.try_open(peer.ip()) {
        Ok(slot) => Some(slot),
        Err(Refused::Broker { limit }) => {
            tracing::warn!(%peer, limit, "max.connections reached; closing new connection");
            None
        }
        Err(Refused::Address { limit }) => {
            tracing::warn!(%peer, limit, "max.connections.per.ip reached; closing new connection");
            None
        }
    }
}
