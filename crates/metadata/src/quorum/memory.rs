//! An in-process transport for tests: every node registers its Raft with one
//! [`MemoryRouter`], and each node sends through its own [`MemoryTransport`]. Requests and
//! answers go through the same serde form the TCP transport writes, so what the tests
//! replicate is what would cross a socket.
//!
//! A node can be cut off ([`MemoryRouter::isolate`]): every RPC to or from it fails as
//! unreachable until it is [`MemoryRouter::heal`]ed, which is how tests make a follower lag
//! or a leader lose its quorum. Links can also be cut one way ([`MemoryRouter::cut`]) or
//! between the sides of a partition ([`MemoryRouter::partition`]): a request over a cut link
//! fails as unreachable, an answer over one is lost after the request was served.
//!
//! A simulation may install [`NetworkFaults`], asked the [`Fate`] of every request and
//! answer: delivered, lost (the sender hears nothing until its own timeout), delayed, or (a
//! request) delivered and delivered again later. With no faults installed and no link cut,
//! every message goes straight through.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use super::network::{
    RaftRequest, RaftResponse, RaftTransport, TransportError, TransportFuture, handle_request,
};
use super::{MetadataRaft, RaftNodeId, VoterAddress};

/// Which way a message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    Request,
    Answer,
}

/// Which Raft RPC a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RpcKind {
    AppendEntries,
    Vote,
    InstallSnapshot,
}

/// One message about to cross the router: from `source` to `target` (for an answer, the
/// node answering is `source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub source: RaftNodeId,
    pub target: RaftNodeId,
    pub direction: Direction,
    pub rpc: RpcKind,
}

/// What happens to one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Deliver,
    /// Never arrives: the sender waits until its RPC times out.
    Lose,
    /// Arrives after this long.
    Delay(Duration),
    /// A request arrives now and once more this much later (a retransmission); the second
    /// delivery's answer goes nowhere. An answer given this fate is simply delivered.
    Duplicate(Duration),
}

/// Decides each message's [`Fate`]; installed by a simulation with
/// [`MemoryRouter::set_faults`].
pub trait NetworkFaults: Send + Sync {
    fn fate(&self, message: &Message) -> Fate;
}

/// The Raft nodes of one in-process cluster, and which are cut off.
#[derive(Default)]
pub struct MemoryRouter {
    nodes: Mutex<BTreeMap<RaftNodeId, MetadataRaft>>,
    isolated: Mutex<BTreeSet<RaftNodeId>>,
    /// Links cut one way, `(from, to)`.
    cut: Mutex<BTreeSet<(RaftNodeId, RaftNodeId)>>,
    faults: Mutex<Option<Arc<dyn NetworkFaults>>>,
    /// Bound on one serialized request or answer, as the TCP transport has.
    frame_bytes_max: usize,
    snapshot_bytes_max: usize,
}

fn lock<T: ?Sized>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
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

    /// Cuts the link from `from` to `to` (one way: `to` can still reach `from`).
    pub fn cut(&self, from: RaftNodeId, to: RaftNodeId) {
        lock(&self.cut).insert((from, to));
    }

    /// Cuts every link, both ways, between nodes on different `sides`; a node on no side
    /// keeps its links.
    pub fn partition(&self, sides: &[Vec<RaftNodeId>]) {
        let mut cut = lock(&self.cut);
        for (i, side) in sides.iter().enumerate() {
            for other in sides.iter().skip(i + 1) {
                for &a in side {
                    for &b in other {
                        cut.insert((a, b));
                        cut.insert((b, a));
                    }
                }
            }
        }
    }

    /// Restores every link and reconnects every isolated node.
    pub fn heal_all(&self) {
        lock(&self.cut).clear();
        lock(&self.isolated).clear();
    }

    /// Installs (or with `None` removes) the faults every message is put through.
    pub fn set_faults(&self, faults: Option<Arc<dyn NetworkFaults>>) {
        *lock(&self.faults) = faults;
    }

    /// Whether a message from `from` to `to` cannot get through now.
    fn blocked(&self, from: RaftNodeId, to: RaftNodeId) -> bool {
        let isolated = lock(&self.isolated);
        isolated.contains(&from) || isolated.contains(&to) || lock(&self.cut).contains(&(from, to))
    }

    fn fate(&self, message: Message) -> Fate {
        let faults = lock(&self.faults).clone();
        faults.map_or(Fate::Deliver, |f| f.fate(&message))
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

fn rpc_kind(request: &RaftRequest) -> RpcKind {
    match request {
        RaftRequest::AppendEntries(_) => RpcKind::AppendEntries,
        RaftRequest::Vote(_) => RpcKind::Vote,
        RaftRequest::InstallSnapshot(_) => RpcKind::InstallSnapshot,
    }
}

/// Waits out a lost or delayed message's fate (a lost one forever).
async fn suffer(fate: Fate) {
    match fate {
        Fate::Lose => std::future::pending::<()>().await,
        Fate::Delay(delay) => tokio::time::sleep(delay).await,
        Fate::Deliver | Fate::Duplicate(_) => {}
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
            if router.blocked(source, target) {
                return Err(unreachable("cut off"));
            }
            let raft = lock(&router.nodes)
                .get(&target)
                .cloned()
                .ok_or_else(|| unreachable("not running"))?;
            let rpc = rpc_kind(&request);
            let bytes = router.encode(&request).map_err(failed)?;
            let message = Message {
                source,
                target,
                direction: Direction::Request,
                rpc,
            };
            let fate = router.fate(message);
            suffer(fate).await;
            if let Fate::Duplicate(after) = fate
                && let Ok(again) = serde_json::from_slice::<RaftRequest>(&bytes)
            {
                let (raft, snapshot_bytes_max) = (raft.clone(), router.snapshot_bytes_max);
                tokio::spawn(async move {
                    tokio::time::sleep(after).await;
                    let _ = handle_request(&raft, snapshot_bytes_max, again).await;
                });
            }
            let request: RaftRequest =
                serde_json::from_slice(&bytes).map_err(|e| failed(e.to_string()))?;
            let response = handle_request(&raft, router.snapshot_bytes_max, request)
                .await
                .map_err(failed)?;
            let bytes = router.encode(&response).map_err(failed)?;
            let response: RaftResponse =
                serde_json::from_slice(&bytes).map_err(|e| failed(e.to_string()))?;
            // A link cut while the request was in flight loses the answer too.
            if router.blocked(target, source) {
                return Err(unreachable("cut off"));
            }
            let answer = Message {
                source: target,
                target: source,
                direction: Direction::Answer,
                rpc,
            };
            suffer(router.fate(answer)).await;
            Ok(response)
        })
    }
}
