//! Raft RPCs, and brokers' requests to the active controller, over TCP on the controller
//! listener.
//!
//! A connection carries one request at a time, answered before the next; a sender keeps a
//! few idle connections per voter for reuse. Each message is a frame, to the byte:
//!
//! ```text
//! offset 0: length  u32 big-endian  bytes after this field: 1 + body, at most the frame bound
//! offset 4: kind    u8              1 = raft request, 2 = answer, 3 = refused,
//!                                   4 = controller request
//! offset 5: body    length - 1      raft request: JSON RaftRequest; controller request: JSON
//!                                   ControllerEnvelope; answer: JSON RaftResponse, or JSON
//!                                   Result<ControllerAnswer, MetadataError>; refused: UTF-8
//!                                   text saying why the request was not served
//! ```
//!
//! A length above [`super::QuorumLimits::rpc_frame_bytes_max`] is never read: the connection
//! is closed. Nothing from the wire is trusted for an allocation beyond that bound.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};

use super::network::{RaftRequest, RaftTransport, TransportError, TransportFuture, handle_request};
use super::{MetadataRaft, RaftNodeId, VoterAddress};
use crate::controller::request::{ControllerAnswer, ControllerEnvelope};
use crate::error::MetadataError;

/// What a controller request gets: the controller's answer or refusal.
pub type ControllerResult = Result<ControllerAnswer, MetadataError>;

/// Serves controller requests arriving on the controller listener (the broker wires its
/// controller in once it is open).
pub trait ControllerEndpoint: Send + Sync + 'static {
    fn serve(
        &self,
        envelope: ControllerEnvelope,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ControllerResult> + Send>>;
}

/// Where the endpoint is installed once the controller is open; until then requests are
/// answered "not the controller", which senders retry.
pub type ControllerSlot = std::sync::OnceLock<Arc<dyn ControllerEndpoint>>;

/// Bytes of a frame's length field.
const FRAME_LENGTH_BYTES: usize = 4;
const KIND_REQUEST: u8 = 1;
const KIND_ANSWER: u8 = 2;
const KIND_REFUSED: u8 = 3;
const KIND_CONTROLLER_REQUEST: u8 = 4;
/// Idle connections kept per voter for reuse.
pub const IDLE_CONNECTIONS_PER_VOTER: usize = 2;
/// Raft connections a controller serves at once; more wait to be accepted.
pub const RAFT_CONNECTIONS_MAX: usize = 64;
/// A served connection silent for this long is closed (peers send heartbeats far more often).
pub const RAFT_CONNECTION_IDLE_MS: u64 = 60_000;

/// Why a frame could not be read.
#[derive(Debug, thiserror::Error)]
enum FrameReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("a frame of {length} bytes, beyond the bound of {max}")]
    TooLarge { length: usize, max: usize },
    #[error("an empty frame")]
    Empty,
}

async fn write_frame(stream: &mut TcpStream, kind: u8, body: &[u8]) -> std::io::Result<()> {
    let length = u32::try_from(1 + body.len()).expect("frames are bounded below 4 GiB");
    let mut frame = Vec::with_capacity(FRAME_LENGTH_BYTES + 1 + body.len());
    frame.extend_from_slice(&length.to_be_bytes());
    frame.push(kind);
    frame.extend_from_slice(body);
    stream.write_all(&frame).await
}

/// Reads one frame: its kind and body.
async fn read_frame(stream: &mut TcpStream, max: usize) -> Result<(u8, Vec<u8>), FrameReadError> {
    let mut length = [0u8; FRAME_LENGTH_BYTES];
    stream.read_exact(&mut length).await?;
    let length = u32::from_be_bytes(length) as usize;
    if length == 0 {
        return Err(FrameReadError::Empty);
    }
    if length > max {
        return Err(FrameReadError::TooLarge { length, max });
    }
    let mut frame = vec![0u8; length];
    stream.read_exact(&mut frame).await?;
    let body = frame.split_off(1);
    Ok((frame[0], body))
}

/// Sends Raft RPCs to voters over TCP.
pub struct TcpTransport {
    pool: Arc<ConnectionPool>,
}

/// Idle connections per voter, and the frame bound.
struct ConnectionPool {
    frame_bytes_max: usize,
    idle: Mutex<BTreeMap<RaftNodeId, Vec<TcpStream>>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl TcpTransport {
    pub fn new(frame_bytes_max: usize) -> TcpTransport {
        TcpTransport {
            pool: Arc::new(ConnectionPool {
                frame_bytes_max,
                idle: Mutex::new(BTreeMap::new()),
            }),
        }
    }
}

impl ConnectionPool {
    fn take_idle(&self, target: RaftNodeId) -> Option<TcpStream> {
        lock(&self.idle).get_mut(&target).and_then(Vec::pop)
    }

    fn put_idle(&self, target: RaftNodeId, stream: TcpStream) {
        let mut idle = lock(&self.idle);
        let streams = idle.entry(target).or_default();
        if streams.len() < IDLE_CONNECTIONS_PER_VOTER {
            streams.push(stream);
        }
    }

    /// One request of `kind` on `stream`: the answer, or a failure (after which the stream
    /// is dropped).
    async fn exchange<T: serde::de::DeserializeOwned>(
        &self,
        stream: &mut TcpStream,
        target: RaftNodeId,
        kind: u8,
        body: &[u8],
    ) -> Result<T, TransportError> {
        let failed = |reason: String| TransportError::Failed { target, reason };
        write_frame(stream, kind, body)
            .await
            .map_err(|e| failed(format!("sending: {e}")))?;
        let (kind, body) = read_frame(stream, self.frame_bytes_max)
            .await
            .map_err(|e| failed(format!("reading the answer: {e}")))?;
        match kind {
            KIND_ANSWER => serde_json::from_slice(&body)
                .map_err(|e| failed(format!("an undecodable answer: {e}"))),
            KIND_REFUSED => Err(failed(format!(
                "refused: {}",
                String::from_utf8_lossy(&body)
            ))),
            other => Err(failed(format!("an answer frame of kind {other}"))),
        }
    }
}

impl TcpTransport {
    /// Sends a controller request to node `target` at `address` and waits for its answer.
    /// An [`TransportError::Unreachable`] means nothing was sent; after any other error the
    /// request may or may not have been served.
    pub async fn call_controller(
        &self,
        target: RaftNodeId,
        address: &VoterAddress,
        envelope: &ControllerEnvelope,
    ) -> Result<ControllerResult, TransportError> {
        let body = serde_json::to_vec(envelope).map_err(|e| TransportError::Failed {
            target,
            reason: format!("encoding: {e}"),
        })?;
        let pool = Arc::clone(&self.pool);
        pool.call(target, &address.addr, KIND_CONTROLLER_REQUEST, body)
            .await
    }
}

impl ConnectionPool {
    /// One exchange with `target`, on an idle connection or a new one.
    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        target: RaftNodeId,
        addr: &str,
        kind: u8,
        body: Vec<u8>,
    ) -> Result<T, TransportError> {
        if body.len() + 1 > self.frame_bytes_max {
            return Err(TransportError::Failed {
                target,
                reason: format!(
                    "a request of {} bytes, beyond the frame bound of {}",
                    body.len(),
                    self.frame_bytes_max
                ),
            });
        }
        // An idle connection may have been closed by its peer (idle timeout, restart)
        // while it waited: a failure on one is tried once more on a fresh connection.
        if let Some(mut stream) = self.take_idle(target)
            && let Ok(answer) = self.exchange(&mut stream, target, kind, &body).await
        {
            self.put_idle(target, stream);
            return Ok(answer);
        }
        let mut stream =
            TcpStream::connect(addr)
                .await
                .map_err(|e| TransportError::Unreachable {
                    target,
                    addr: addr.to_string(),
                    reason: e.to_string(),
                })?;
        let _ = stream.set_nodelay(true);
        let answer = self.exchange(&mut stream, target, kind, &body).await?;
        self.put_idle(target, stream);
        Ok(answer)
    }
}

impl RaftTransport for TcpTransport {
    fn send(
        &self,
        target: RaftNodeId,
        address: &VoterAddress,
        request: RaftRequest,
    ) -> TransportFuture {
        let transport = Arc::clone(&self.pool);
        let addr = address.addr.clone();
        Box::pin(async move {
            let body = serde_json::to_vec(&request).map_err(|e| TransportError::Failed {
                target,
                reason: format!("encoding: {e}"),
            })?;
            transport.call(target, &addr, KIND_REQUEST, body).await
        })
    }
}

/// Serves Raft RPCs for `raft` on `listener` until `shutdown` turns true; controller
/// requests are refused as "not the controller".
pub async fn serve_raft(
    listener: TcpListener,
    raft: MetadataRaft,
    frame_bytes_max: usize,
    snapshot_bytes_max: usize,
    shutdown: watch::Receiver<bool>,
) {
    let served = Served {
        raft,
        controller: Arc::new(ControllerSlot::new()),
        frame_bytes_max,
        snapshot_bytes_max,
    };
    serve_controller_listener(listener, served, shutdown).await
}

/// What the controller listener serves.
#[derive(Clone)]
pub struct Served {
    pub raft: MetadataRaft,
    pub controller: Arc<ControllerSlot>,
    pub frame_bytes_max: usize,
    pub snapshot_bytes_max: usize,
}

/// Serves Raft RPCs and controller requests on `listener` until `shutdown` turns true, at
/// most [`RAFT_CONNECTIONS_MAX`] connections at once.
pub async fn serve_controller_listener(
    listener: TcpListener,
    served: Served,
    mut shutdown: watch::Receiver<bool>,
) {
    let slots = Arc::new(Semaphore::new(RAFT_CONNECTIONS_MAX));
    loop {
        let permit = tokio::select! {
            _ = shutdown.wait_for(|stop| *stop) => return,
            permit = Arc::clone(&slots).acquire_owned() => permit.expect("never closed"),
        };
        let accepted = tokio::select! {
            _ = shutdown.wait_for(|stop| *stop) => return,
            accepted = listener.accept() => accepted,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(e) => {
                tracing::warn!(error = %e, "accepting a raft connection failed");
                continue;
            }
        };
        let served = served.clone();
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            let _permit = permit;
            if let Err(e) = serve_connection(stream, served, shutdown).await {
                tracing::debug!(%peer, error = %e, "raft connection closed");
            }
        });
    }
}

async fn serve_connection(
    mut stream: TcpStream,
    served: Served,
    mut shutdown: watch::Receiver<bool>,
) -> Result<(), FrameReadError> {
    let _ = stream.set_nodelay(true);
    let idle = Duration::from_millis(RAFT_CONNECTION_IDLE_MS);
    let frame_bytes_max = served.frame_bytes_max;
    loop {
        let read = tokio::select! {
            _ = shutdown.wait_for(|stop| *stop) => return Ok(()),
            read = tokio::time::timeout(idle, read_frame(&mut stream, frame_bytes_max)) => read,
        };
        let Ok(read) = read else {
            return Ok(());
        };
        let (kind, body) = read?;
        let answer = match kind {
            KIND_REQUEST => raft_answer(&served, &body).await,
            KIND_CONTROLLER_REQUEST => controller_answer(&served, &body).await,
            _ => {
                let reason = format!("a frame of kind {kind} where a request belongs");
                write_frame(&mut stream, KIND_REFUSED, reason.as_bytes()).await?;
                return Ok(());
            }
        };
        let (kind, body) = match answer {
            Ok(body) if body.len() < frame_bytes_max => (KIND_ANSWER, body),
            Ok(body) => (
                KIND_REFUSED,
                format!("an answer of {} bytes, beyond the frame bound", body.len()).into_bytes(),
            ),
            Err(reason) => (KIND_REFUSED, reason.into_bytes()),
        };
        write_frame(&mut stream, kind, &body).await?;
    }
}

async fn raft_answer(served: &Served, body: &[u8]) -> Result<Vec<u8>, String> {
    let request = serde_json::from_slice::<RaftRequest>(body)
        .map_err(|e| format!("an undecodable request: {e}"))?;
    let answer = handle_request(&served.raft, served.snapshot_bytes_max, request).await?;
    serde_json::to_vec(&answer).map_err(|e| e.to_string())
}

async fn controller_answer(served: &Served, body: &[u8]) -> Result<Vec<u8>, String> {
    let envelope = serde_json::from_slice::<ControllerEnvelope>(body)
        .map_err(|e| format!("an undecodable controller request: {e}"))?;
    let result: ControllerResult = match served.controller.get() {
        Some(endpoint) => endpoint.serve(envelope).await,
        None => Err(MetadataError::NotController { leader: None }),
    };
    serde_json::to_vec(&result).map_err(|e| e.to_string())
}
