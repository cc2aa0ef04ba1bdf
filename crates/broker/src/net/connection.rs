//! One client connection: frames in, responses out, in request order.
//!
//! The reader half reads a 4-byte size (refused above `socket.request.max.bytes` before any
//! byte of the frame is buffered), reserves that many bytes of the broker-wide
//! `queued.max.request.bytes` budget, reads the frame and decodes it. Each decoded request
//! runs as its own task, so a long-polling Fetch does not hold up a Produce behind it; its
//! response travels through a oneshot whose receiver was queued, in arrival order, on a
//! channel of `queued.max.requests` slots. The writer half awaits those receivers in order,
//! which is what keeps responses in request order, and a full channel stops the reader: that
//! is the bound on requests in flight per connection.
//!
//! A frame that cannot be understood (bad size, unknown API key or version, undecodable
//! header or body) closes this connection alone, with a log line saying why, after the
//! responses already queued are written. Kafka does the same: the client cannot be answered
//! when the request cannot be read.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use strom_protocol::frame::{
    FrameCodec, RequestFrameError, api_versions_fallback, encode_response, split_request,
};
use strom_protocol::generated::{ApiKey, RequestBody};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::{mpsc, oneshot, watch};

use crate::context::Broker;
use crate::dispatch::{self, Request, Turn};

/// What the writer does with one request's slot.
enum Outcome {
    /// Write this frame.
    Respond(BytesMut),
    /// The request needs no response (Produce with acks=0).
    Silent,
}

/// Serves one connection until the client leaves, a frame is malformed, the connection idles
/// past `connections.max.idle.ms`, or the broker shuts down.
pub async fn run(
    stream: TcpStream,
    peer: SocketAddr,
    broker: Arc<Broker>,
    mut shutdown: watch::Receiver<bool>,
) {
    tracing::debug!(%peer, "connection opened");
    let (mut reader, writer) = stream.into_split();
    let (queue, pending) = mpsc::channel(broker.config.queued_max_requests);
    let writer_task = tokio::spawn(write_responses(writer, pending, peer));
    let codec = FrameCodec::new(broker.config.socket_request_max_bytes);
    let idle = Duration::from_millis(broker.config.connections_max_idle_ms);
    let mut previous_turn = None;
    let reason = loop {
        let mut prefix = [0u8; 4];
        let read = tokio::select! {
            _ = shutdown.changed() => break Stop::Normal("broker shutting down".to_string()),
            _ = queue.closed() => break Stop::Normal("writer stopped".to_string()),
            read = tokio::time::timeout(idle, reader.read_exact(&mut prefix)) => read,
        };
        match read {
            Err(_) => break Stop::Normal("idle timeout".to_string()),
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                break Stop::Normal("closed by client".to_string());
            }
            Ok(Err(e)) => break Stop::Normal(format!("read failed: {e}")),
            Ok(Ok(_)) => {}
        }
        let size = match codec.peek_size(&prefix) {
            Ok(Some(size)) => size,
            Ok(None) => break Stop::Normal("short size prefix".to_string()),
            Err(e) => break Stop::Malformed(format!("malformed frame: {e}")),
        };
        let budget = broker.request_bytes.clone();
        let permits = u32::try_from(size.max(1)).unwrap_or(u32::MAX);
        let Ok(reservation) = budget.acquire_many_owned(permits).await else {
            break Stop::Normal("request budget closed".to_string());
        };
        let mut frame = BytesMut::zeroed(size);
        match tokio::time::timeout(idle, reader.read_exact(&mut frame)).await {
            Err(_) => break Stop::Normal("timed out inside a frame".to_string()),
            Ok(Err(e)) => break Stop::Malformed(format!("frame truncated: {e}")),
            Ok(Ok(_)) => {}
        }
        let request = match decode(frame.freeze(), &broker, peer) {
            Decoded::Request(mut request) => {
                let (turn, next) = Turn::after(previous_turn.take());
                request.turn = turn;
                previous_turn = Some(next);
                request
            }
            Decoded::Fallback(frame) => {
                if queue_ready(&queue, Outcome::Respond(frame)).await.is_err() {
                    break Stop::Normal("writer stopped".to_string());
                }
                continue;
            }
            Decoded::Malformed(why) => break Stop::Malformed(why),
        };
        let (reply, slot) = oneshot::channel();
        if queue.send(slot).await.is_err() {
            break Stop::Normal("writer stopped".to_string());
        }
        let broker = broker.clone();
        tokio::spawn(async move {
            let outcome = respond(&broker, *request).await;
            drop(reservation);
            let _ = reply.send(outcome);
        });
    };
    match reason {
        Stop::Normal(reason) => tracing::debug!(%peer, %reason, "connection closed"),
        Stop::Malformed(reason) => tracing::warn!(%peer, %reason, "closing connection"),
    }
    drop(queue);
    let _ = writer_task.await;
}

async fn queue_ready(
    queue: &mpsc::Sender<oneshot::Receiver<Option<Outcome>>>,
    outcome: Outcome,
) -> Result<(), ()> {
    let (reply, slot) = oneshot::channel();
    let _ = reply.send(Some(outcome));
    queue.send(slot).await.map_err(|_| ())
}

/// Why the reader stopped.
enum Stop {
    Normal(String),
    Malformed(String),
}

enum Decoded {
    Request(Box<Request>),
    /// The KIP-511 answer to an ApiVersions version we do not speak.
    Fallback(BytesMut),
    Malformed(String),
}

fn decode(frame: Bytes, broker: &Broker, peer: SocketAddr) -> Decoded {
    let split = match split_request(frame) {
        Ok(split) => split,
        Err(RequestFrameError::UnsupportedVersion { peek, .. })
            if peek.api_key == ApiKey::ApiVersions as i16 =>
        {
            return Decoded::Fallback(api_versions_fallback(
                peek.correlation_id,
                &broker.supported_apis(),
            ));
        }
        Err(RequestFrameError::UnknownApiKey { api_key, .. }) => {
            return Decoded::Malformed(format!("unknown api key {api_key}"));
        }
        Err(RequestFrameError::UnsupportedVersion {
            api_key,
            api_version,
            ..
        }) => {
            return Decoded::Malformed(format!(
                "unsupported version {api_version} of api key {api_key}"
            ));
        }
        Err(RequestFrameError::Malformed(e)) => {
            return Decoded::Malformed(format!("malformed request header: {e}"));
        }
    };
    let version = split.header.request_api_version;
    let supported = crate::api_table::supported_range(split.api_key);
    let Some((min, max)) = supported.filter(|(min, max)| (*min..=*max).contains(&version)) else {
        if split.api_key == ApiKey::ApiVersions {
            return Decoded::Fallback(api_versions_fallback(
                split.header.correlation_id,
                &broker.supported_apis(),
            ));
        }
        return Decoded::Malformed(format!(
            "unsupported version {version} of api key {} ({}); supported {:?}",
            split.api_key as i16,
            split.api_key.name(),
            supported
        ));
    };
    debug_assert!(min <= max);
    match RequestBody::decode(split.api_key, version, split.body) {
        Ok(body) => Decoded::Request(Box::new(Request {
            api_key: split.api_key,
            version,
            header: split.header,
            body,
            turn: Turn::after(None).0,
            peer,
        })),
        Err(e) => Decoded::Malformed(format!(
            "undecodable {} v{version} body: {e}",
            split.api_key.name()
        )),
    }
}

async fn respond(broker: &Arc<Broker>, request: Request) -> Option<Outcome> {
    let api_key = request.api_key;
    let version = request.version;
    let correlation_id = request.header.correlation_id;
    let Some(body) = dispatch::handle(broker, request).await else {
        return Some(Outcome::Silent);
    };
    match encode_response(api_key, version, correlation_id, &body) {
        Ok(frame) => Some(Outcome::Respond(frame)),
        Err(e) => {
            // A response we built but cannot encode at the client's version is our bug;
            // closing the connection is the only honest answer.
            tracing::error!(api = api_key.name(), version, error = %e, "cannot encode response");
            None
        }
    }
}

/// Writes responses in the order their requests arrived; stops at the first slot whose
/// request failed without a response (the connection is then closed).
async fn write_responses(
    mut writer: OwnedWriteHalf,
    mut pending: mpsc::Receiver<oneshot::Receiver<Option<Outcome>>>,
    peer: SocketAddr,
) {
    while let Some(slot) = pending.recv().await {
        match slot.await {
            Ok(Some(Outcome::Respond(frame))) => {
                if let Err(e) = writer.write_all(&frame).await {
                    tracing::debug!(%peer, error = %e, "write failed");
                    break;
                }
            }
            Ok(Some(Outcome::Silent)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    let _ = writer.shutdown().await;
}
