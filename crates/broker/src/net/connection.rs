//! One client connection: frames in, responses out, in request order.
//!
//! The reader half reads a 4-byte size (refused above `socket.request.max.bytes` before any
//! byte of the frame is buffered) and then the body, growing its buffer only as bytes arrive
//! and charging each growth to the connection's request bytes (see [`super::budget`]). A
//! body that stops arriving for `socket.request.body.timeout.ms`, or whose next bytes find no
//! budget within that time, closes the connection. Each decoded request runs as its own task,
//! so a long-polling Fetch does not hold up a Produce behind it; its response travels through
//! a oneshot whose receiver was queued, in arrival order, on a channel of
//! `queued.max.requests` slots. The writer half awaits those receivers in order, which is what
//! keeps responses in request order, and a full channel stops the reader: that is the bound
//! on requests in flight per connection. Encoded responses are charged to the connection's
//! `queued.max.response.bytes` until written, and the reader reads nothing new while that
//! charge is at its bound, so a client that does not read its socket stops being read.
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
    FrameCodec, RequestFrame, RequestFrameError, api_versions_fallback, encode_response,
    split_request,
};
use strom_protocol::generated::{ApiKey, RequestBody};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::{mpsc, oneshot, watch};

use crate::connection_id::ConnectionId;
use crate::context::Broker;
use crate::dispatch::{self, Request, Turn};
use crate::net::budget::{
    ConnectionRequestBytes, RequestBudget, RequestCharge, ResponseBudget, ResponseCharge,
};
use crate::net::decode_cost;

/// The first allocation for a frame's body; larger bodies double it as their bytes arrive, so
/// a peer that announces a large frame and sends little costs little.
const BODY_CHUNK_BYTES: usize = 64 * 1024;

/// What the writer does with one request's slot.
enum Outcome {
    /// Write this frame; the charge is released once it is written.
    Respond(BytesMut, ResponseCharge),
    /// The request needs no response (Produce with acks=0).
    Silent,
}

/// The per-connection state the reader, the request tasks and the writer share.
struct Shared {
    broker: Arc<Broker>,
    peer: SocketAddr,
    responses: Arc<ResponseBudget>,
}

/// Serves one connection until the client leaves, a frame is malformed, the connection idles
/// past `connections.max.idle.ms`, or the broker shuts down.
pub async fn run(
    stream: TcpStream,
    peer: SocketAddr,
    id: ConnectionId,
    broker: Arc<Broker>,
    request_bytes: &Arc<RequestBudget>,
    mut shutdown: watch::Receiver<bool>,
) {
    tracing::debug!(%peer, connection = id.0, "connection opened");
    let (mut reader, writer) = stream.into_split();
    let (queue, pending) = mpsc::channel(broker.config.queued_max_requests);
    let idle = Duration::from_millis(broker.config.connections_max_idle_ms);
    let shared = Arc::new(Shared {
        broker: broker.clone(),
        peer,
        responses: ResponseBudget::new(broker.config.queued_max_response_bytes),
    });
    let writer_task = tokio::spawn(write_responses(writer, pending, peer, idle));
    let codec = FrameCodec::new(broker.config.socket_request_max_bytes);
    let request_bytes = request_bytes.connection(broker.config.socket_request_reserved_bytes);
    let mut previous_turn = None;
    let reason = loop {
        let size = match next_frame_size(&mut reader, &codec, &shared, &queue, &mut shutdown, idle)
            .await
        {
            Ok(size) => size,
            Err(stop) => break stop,
        };
        let body = tokio::select! {
            _ = shutdown.changed() => break Stop::Normal("broker shutting down".to_string()),
            body = read_body(&mut reader, size, &request_bytes, &broker) => body,
        };
        let (frame, mut charge) = match body {
            Ok(body) => body,
            Err(stop) => break stop,
        };
        let ready = match split(frame, &broker) {
            Split::Ready(ready) => ready,
            Split::Fallback(frame) => {
                let charge = shared.responses.charge(frame.len());
                if queue_ready(&queue, Outcome::Respond(frame, charge))
                    .await
                    .is_err()
                {
                    break Stop::Normal("writer stopped".to_string());
                }
                continue;
            }
            Split::Malformed(why) => break Stop::Malformed(why),
        };
        let charged = tokio::select! {
            _ = shutdown.changed() => break Stop::Normal("broker shutting down".to_string()),
            charged = charge_decoding(&ready, &mut charge, &broker) => charged,
        };
        if let Err(stop) = charged {
            break stop;
        }
        let request = match decode(ready, peer, id) {
            Decoded::Request(mut request) => {
                let (turn, next) = Turn::after(previous_turn.take());
                request.turn = turn;
                previous_turn = Some(next);
                request
            }
            Decoded::Malformed(why) => break Stop::Malformed(why),
        };
        let (reply, slot) = oneshot::channel();
        if queue.send(slot).await.is_err() {
            break Stop::Normal("writer stopped".to_string());
        }
        let shared = shared.clone();
        tokio::spawn(async move {
            let outcome = respond(&shared, *request).await;
            drop(charge);
            let _ = reply.send(outcome);
        });
    };
    match reason {
        Stop::Normal(reason) => tracing::debug!(%peer, %reason, "connection closed"),
        Stop::Malformed(reason) => tracing::warn!(%peer, %reason, "closing connection"),
    }
    drop(queue);
    let _ = writer_task.await;
    broker.fetch_sessions.close_connection(id);
}

/// Waits until the connection may take another request (a client that does not read its
/// responses is not read either) and reads the next frame's size prefix.
async fn next_frame_size<T>(
    reader: &mut OwnedReadHalf,
    codec: &FrameCodec,
    shared: &Shared,
    queue: &mpsc::Sender<T>,
    shutdown: &mut watch::Receiver<bool>,
    idle: Duration,
) -> Result<usize, Stop> {
    let room = tokio::select! {
        _ = shutdown.changed() => return Err(Stop::Normal("broker shutting down".to_string())),
        _ = queue.closed() => return Err(Stop::Normal("writer stopped".to_string())),
        room = tokio::time::timeout(idle, shared.responses.wait_for_room()) => room,
    };
    if room.is_err() {
        return Err(Stop::Normal(
            "responses unread past the idle timeout".to_string(),
        ));
    }
    let mut prefix = [0u8; 4];
    let read = tokio::select! {
        _ = shutdown.changed() => return Err(Stop::Normal("broker shutting down".to_string())),
        _ = queue.closed() => return Err(Stop::Normal("writer stopped".to_string())),
        read = tokio::time::timeout(idle, reader.read_exact(&mut prefix)) => read,
    };
    match read {
        Err(_) => return Err(Stop::Normal("idle timeout".to_string())),
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(Stop::Normal("closed by client".to_string()));
        }
        Ok(Err(e)) => return Err(Stop::Normal(format!("read failed: {e}"))),
        Ok(Ok(_)) => {}
    }
    match codec.peek_size(&prefix) {
        Ok(Some(size)) => Ok(size),
        Ok(None) => Err(Stop::Normal("short size prefix".to_string())),
        Err(e) => Err(Stop::Malformed(format!("malformed frame: {e}"))),
    }
}

/// Reads a body of `size` bytes, growing the buffer (and its charge) only as bytes arrive.
async fn read_body(
    reader: &mut OwnedReadHalf,
    size: usize,
    request_bytes: &Arc<ConnectionRequestBytes>,
    broker: &Broker,
) -> Result<(Bytes, RequestCharge), Stop> {
    let patience = Duration::from_millis(broker.config.socket_request_body_timeout_ms);
    let mut charge = request_bytes.charge();
    let mut body: Vec<u8> = Vec::new();
    // Bytes charged so far; the buffer's pages are touched only as data lands in them.
    let mut held = 0usize;
    while body.len() < size {
        if body.len() == held {
            // Doubling keeps the copies of a large body linear in its size.
            let grow = held.max(BODY_CHUNK_BYTES).min(size - held);
            let deadline = tokio::time::Instant::now() + patience;
            if charge.grow(grow, deadline).await.is_err() {
                return Err(Stop::Normal(format!(
                    "no request budget for {grow} more bytes of a {size}-byte frame within \
                     socket.request.body.timeout.ms"
                )));
            }
            held += grow;
            body.reserve_exact(held - body.len());
        }
        let want = (held - body.len()) as u64;
        let mut limited = (&mut *reader).take(want);
        match tokio::time::timeout(patience, limited.read_buf(&mut body)).await {
            Err(_) => {
                return Err(Stop::Normal(format!(
                    "{} of {size} frame bytes, then nothing for \
                     socket.request.body.timeout.ms",
                    body.len()
                )));
            }
            Ok(Ok(0)) => {
                return Err(Stop::Malformed(format!(
                    "frame truncated: {} of {size} bytes",
                    body.len()
                )));
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => return Err(Stop::Normal(format!("read failed: {e}"))),
        }
    }
    debug_assert_eq!(body.len(), size);
    Ok((Bytes::from(body), charge))
}

async fn queue_ready(queue: &Queue, outcome: Outcome) -> Result<(), ()> {
    let (reply, slot) = oneshot::channel();
    let _ = reply.send(Some(outcome));
    queue.send(slot).await.map_err(|_| ())
}

/// Slots of responses in request order, awaited by the writer.
type Queue = mpsc::Sender<oneshot::Receiver<Option<Outcome>>>;

/// Why the reader stopped.
enum Stop {
    Normal(String),
    Malformed(String),
}

enum Decoded {
    Request(Box<Request>),
    Malformed(String),
}

/// A frame whose header was read.
enum Split {
    Ready(RequestFrame),
    /// The KIP-511 answer to an ApiVersions version we do not speak.
    Fallback(BytesMut),
    Malformed(String),
}

/// Splits a frame into its header and body and checks the API and version, without decoding
/// the body.
fn split(frame: Bytes, broker: &Broker) -> Split {
    let split = match split_request(frame) {
        Ok(split) => split,
        Err(RequestFrameError::UnsupportedVersion { peek, .. })
            if peek.api_key == ApiKey::ApiVersions as i16 =>
        {
            return Split::Fallback(api_versions_fallback(
                peek.correlation_id,
                &broker.supported_apis(),
            ));
        }
        Err(RequestFrameError::UnknownApiKey { api_key, .. }) => {
            return Split::Malformed(format!("unknown api key {api_key}"));
        }
        Err(RequestFrameError::UnsupportedVersion {
            api_key,
            api_version,
            ..
        }) => {
            return Split::Malformed(format!(
                "unsupported version {api_version} of api key {api_key}"
            ));
        }
        Err(RequestFrameError::Malformed(e)) => {
            return Split::Malformed(format!("malformed request header: {e}"));
        }
    };
    let version = split.header.request_api_version;
    let supported = crate::api_table::supported_range(split.api_key);
    let Some((min, max)) = supported.filter(|(min, max)| (*min..=*max).contains(&version)) else {
        if split.api_key == ApiKey::ApiVersions {
            return Split::Fallback(api_versions_fallback(
                split.header.correlation_id,
                &broker.supported_apis(),
            ));
        }
        return Split::Malformed(format!(
            "unsupported version {version} of api key {} ({}); supported {:?}",
            split.api_key as i16,
            split.api_key.name(),
            supported
        ));
    };
    debug_assert!(min <= max);
    Split::Ready(split)
}

/// Decodes the body of a frame [`split`] accepted.
fn decode(split: RequestFrame, peer: SocketAddr, connection: ConnectionId) -> Decoded {
    let version = split.header.request_api_version;
    match RequestBody::decode(split.api_key, version, split.body) {
        Ok(body) => Decoded::Request(Box::new(Request {
            api_key: split.api_key,
            version,
            header: split.header,
            body,
            turn: Turn::after(None).0,
            peer,
            connection,
        })),
        Err(e) => Decoded::Malformed(format!(
            "undecodable {} v{version} body: {e}",
            split.api_key.name()
        )),
    }
}

/// Grows a frame's charge by what decoding it will allocate, before it is decoded; a request
/// that could never fit the budget closes the connection at once.
async fn charge_decoding(
    split: &RequestFrame,
    charge: &mut RequestCharge,
    broker: &Broker,
) -> Result<(), Stop> {
    let version = split.header.request_api_version;
    let extra = decode_cost::extra_charge(split.api_key, version, &split.body);
    if extra == 0 {
        return Ok(());
    }
    let config = &broker.config;
    let most = config.queued_max_request_bytes + config.socket_request_reserved_bytes;
    if charge.bytes() + extra > most {
        return Err(Stop::Malformed(format!(
            "a {}-byte {} v{version} request would decode into about {} bytes, more than \
             queued.max.request.bytes allows",
            charge.bytes(),
            split.api_key.name(),
            charge.bytes() + extra
        )));
    }
    let patience = Duration::from_millis(config.socket_request_body_timeout_ms);
    let deadline = tokio::time::Instant::now() + patience;
    charge.grow(extra, deadline).await.map_err(|_| {
        Stop::Normal(format!(
            "no request budget to decode a {}-byte {} request within \
             socket.request.body.timeout.ms",
            charge.bytes(),
            split.api_key.name()
        ))
    })
}

async fn respond(shared: &Shared, mut request: Request) -> Option<Outcome> {
    let api_key = request.api_key;
    let version = request.version;
    let correlation_id = request.header.correlation_id;
    // A Fetch response is as large as the client asks: it may use only what the connection's
    // response budget has left, reserved now so that pipelined fetches cannot all take it.
    let fetch_reservation = match &mut request.body {
        RequestBody::Fetch(fetch) => {
            let wanted = fetch
                .max_bytes
                .clamp(0, shared.broker.config.fetch_max_bytes);
            let reservation = shared.responses.reserve_up_to(wanted as usize);
            fetch.max_bytes = i32::try_from(reservation.bytes()).unwrap_or(i32::MAX);
            Some(reservation)
        }
        _ => None,
    };
    let Some(body) = dispatch::handle(&shared.broker, request).await else {
        return Some(Outcome::Silent);
    };
    match encode_response(api_key, version, correlation_id, &body) {
        Ok(frame) => {
            drop(body);
            let charge = shared.responses.charge(frame.len());
            drop(fetch_reservation);
            Some(Outcome::Respond(frame, charge))
        }
        Err(e) => {
            // A response we built but cannot encode at the client's version is our bug;
            // closing the connection is the only honest answer.
            tracing::error!(peer = %shared.peer, api = api_key.name(), version, error = %e,
                "cannot encode response");
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
    idle: Duration,
) {
    while let Some(slot) = pending.recv().await {
        match slot.await {
            Ok(Some(Outcome::Respond(frame, charge))) => {
                // A client that stops reading would otherwise hold this task, and the
                // responses queued behind it, for ever.
                match tokio::time::timeout(idle, writer.write_all(&frame)).await {
                    Ok(Ok(())) => drop(charge),
                    Ok(Err(e)) => {
                        tracing::debug!(%peer, error = %e, "write failed");
                        break;
                    }
                    Err(_) => {
                        tracing::debug!(%peer, "response unread past the idle timeout");
                        break;
                    }
                }
            }
            Ok(Some(Outcome::Silent)) => {}
            Ok(None) | Err(_) => break,
        }
    }
    let _ = writer.shutdown().await;
}
