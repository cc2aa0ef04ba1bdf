//! An in-process transport for tests: every node registers its Raft with one
//! [`MemoryRouter`], and each node sends through its own [`MemoryTransport`]. Requests and
//! answers go through the same serde form the TCP transport writes, so what the tests
//! replicate is what would cross a socket.
//!
//! A node can be cut off ([`MemoryRouter::isolate`]): every RPC to or from it fails as
//! unreachable until it is [`MemoryRouter::heal`]ed, which is how tests make a follower lag
//! or a leader lose its quorum.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};

use super::network::{
    RaftRequest, RaftResponse, RaftTransport, TransportError, TransportFuture, handle_request,
};
use super::{MetadataRaft, RaftNodeId, VoterAddress};

/// The Raft nodes of one in-process cluster, and which are cut off.
#[derive(Default)]
pub struct MemoryRouter {
    nodes: Mutex<BTreeMap<RaftNodeId, MetadataRaft>>,
    isolated: Mutex<BTreeSet<RaftNodeId>>,
    /// Bound on one serialized request or answer, as the TCP transport has.
    frame_bytes_max: usize,
    snapshot_bytes_max: usize,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl MemoryRouter {
    pub fn new(frame_bytes_max: usize, snapshot_bytes_max: usize) -> Arc<MemoryRouter> {
        Arc::new(MemoryRouter {
            frame_bytes_max,
            snapshot_bytes_max,
            ..MemoryRouter::default()
        })
    }

    /// The transport node `source` sends through.
    pub fn transport(self: &Arc<Self>, source: RaftNodeId) -> Arc<dyn RaftTransport> {
        Arc::new(MemoryTransport {
            source,
            router: Arc::clone(self),
        })
    }

    /// Makes `raft` reachable as node `id` (replacing an earlier registration).
    pub fn register(&self, id: RaftNodeId, raft: MetadataRaft) {
        lock(&self.nodes).insert(id, raft);
    }

    /// Makes node `id` unreachable, as if its process were gone.
    pub fn unregister(&self, id: RaftNodeId) {
        lock(&self.nodes).remove(&id);
    }

    /// Cuts node `id` off from every other node.
    pub fn isolate(&self, id: RaftNodeId) {
        lock(&self.isolated).insert(id);
    }

    /// Reconnects node `id`.
    pub fn heal(&self, id: RaftNodeId) {
        lock(&self.isolated).remove(&id);
    }

    fn encode<T: serde::Serialize>(&self, value: &T) -> Result<Vec<u8>, String> {
        let bytes = serde_json::to_vec(value).map_err(|e| e.to_string())?;
        if bytes.len() > self.frame_bytes_max {
            return Err(format!(
                "a frame of {} bytes, more than {}",
                bytes.len(),
                self.frame_bytes_max
            ));
        }
        Ok(bytes)
    }
}

/// One node's way into a [`MemoryRouter`].
pub struct MemoryTransport {
    source: RaftNodeId,
    router: Arc<MemoryRouter>,
}

impl RaftTransport for MemoryTransport {
    fn send(
        &self,
        target: RaftNodeId,
        address: &VoterAddress,
        request: RaftRequest,
    ) -> TransportFuture {
        let router = Arc::clone(&self.router);
        let source = self.source;
        let addr = address.addr.clone();
        Box::pin(async move {
            let unreachable = |reason: &str| TransportError::Unreachable {
                target,
                addr: addr.clone(),
                reason: reason.to_string(),
            };
            let failed = |reason: String| TransportError::Failed { target, reason };
            {
                let isolated = lock(&router.isolated);
                if isolated.contains(&source) || isolated.contains(&target) {
                    return Err(unreachable("cut off"));
                }
            }
            let raft = lock(&router.nodes)
                .get(&target)
                .cloned()
                .ok_or_else(|| unreachable("not running"))?;
            let bytes = router.encode(&request).map_err(failed)?;
            let request: RaftRequest =
                serde_json::from_slice(&bytes).map_err(|e| failed(e.to_string()))?;
            let response = handle_request(&raft, router.snapshot_bytes_max, request)
                .await
                .map_err(failed)?;
            let bytes = router.encode(&response).map_err(failed)?;
            let response: RaftResponse =
                serde_json::from_slice(&bytes).map_err(|e| failed(e.to_string()))?;
            // A node cut off while the request was in flight loses the answer too.
            if lock(&router.isolated).contains(&target) {
                return Err(unreachable("cut off"));
            }
            Ok(response)
        })
    }
}
