//! The network edge: the listener that accepts connections up to `max.connections`, and the
//! per-connection loop ([`connection`]) that reads frames, runs requests concurrently and
//! writes their responses back in request order.

pub mod connection;

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

use crate::context::Broker;

/// Accepts connections until `shutdown` turns true, then waits for open connections to finish
/// the requests they have in flight.
pub async fn serve(
    listener: TcpListener,
    broker: Arc<Broker>,
    mut shutdown: watch::Receiver<bool>,
) {
    let connection_slots = Arc::new(Semaphore::new(broker.config.max_connections));
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
                let Ok(slot) = connection_slots.clone().try_acquire_owned() else {
                    tracing::warn!(%peer, limit = broker.config.max_connections,
                        "max.connections reached; closing new connection");
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let broker = broker.clone();
                let shutdown = shutdown.clone();
                connections.spawn(async move {
                    connection::run(stream, peer, broker, shutdown).await;
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
