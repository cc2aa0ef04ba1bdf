//! Requests from this broker to another one of its cluster, for the coordinators: the
//! transaction coordinator's WriteTxnMarkers to partition leaders, and a partition leader's
//! AddPartitionsToTxn to the transaction coordinator (KIP-890 verification). The replica
//! fetchers keep their own connections; this is the channel for everything else.
//!
//! One connection per peer, opened on first use from the address the peer registered, kept
//! while it works and dropped on the first failure (the next request reconnects). Requests
//! to one peer share its connection and are pipelined on it; each waits at most the
//! caller's timeout.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use strom_client::{ClientError, Connection};
use strom_metadata::{MetadataImage, NodeId};
use strom_protocol::generated::{RequestBody, ResponseBody};

use crate::replica_fetcher::ImageSource;

/// Longest wait to connect to a peer.
const CONNECT_TIMEOUT_MS: u64 = 5_000;

/// Why a request to a peer got no answer.
#[derive(Debug, thiserror::Error)]
pub enum PeerError {
    #[error("broker {0} is not registered")]
    Unknown(NodeId),
    #[error("broker {peer}: {source}")]
    Client { peer: NodeId, source: ClientError },
}

/// This broker's connections to the other brokers.
pub struct BrokerPeers {
    local: NodeId,
    image: ImageSource,
    connections: Mutex<HashMap<NodeId, Connection>>,
}

impl std::fmt::Debug for BrokerPeers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BrokerPeers")
            .field("local", &self.local)
            .finish_non_exhaustive()
    }
}

impl BrokerPeers {
    pub fn new(local: NodeId, image: ImageSource) -> Arc<Self> {
        Arc::new(BrokerPeers {
            local,
            image,
            connections: Mutex::new(HashMap::new()),
        })
    }

    pub fn local(&self) -> NodeId {
        self.local
    }

    pub fn image(&self) -> Arc<MetadataImage> {
        (self.image)()
    }

    /// Sends `body` to broker `peer` at the highest version both speak and waits up to
    /// `timeout` for the answer. A failure drops the connection.
    pub async fn send(
        &self,
        peer: NodeId,
        body: impl Into<RequestBody>,
        timeout: Duration,
    ) -> Result<ResponseBody, PeerError> {
        assert_ne!(peer, self.local, "a request to a peer went to this broker");
        let connection = self.connection(peer).await?;
        match connection.send_with_timeout(body, timeout).await {
            Ok(response) => Ok(response),
            Err(source) => {
                self.forget(peer, &connection);
                Err(PeerError::Client { peer, source })
            }
        }
    }

    async fn connection(&self, peer: NodeId) -> Result<Connection, PeerError> {
        if let Some(c) = self.lock().get(&peer) {
            return Ok(c.clone());
        }
        let image = self.image();
        let broker = image.broker(peer).ok_or(PeerError::Unknown(peer))?;
        let addr = format!("{}:{}", broker.host, broker.port);
        let client_id = format!("strom-broker-{}", self.local);
        let timeout = Duration::from_millis(CONNECT_TIMEOUT_MS);
        let connection = Connection::connect(&addr, &client_id, timeout)
            .await
            .map_err(|source| PeerError::Client { peer, source })?;
        // Two callers may have connected at once: the first one kept wins, the other closes.
        Ok(self.lock().entry(peer).or_insert(connection).clone())
    }

    /// Drops `connection` if it is still the one kept for `peer`.
    fn forget(&self, peer: NodeId, connection: &Connection) {
        let mut connections = self.lock();
        if connections
            .get(&peer)
            .is_some_and(|kept| kept.same_as(connection))
        {
            connections.remove(&peer);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<NodeId, Connection>> {
        self.connections.lock().expect("peer connections lock")
    }
}
