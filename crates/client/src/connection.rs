//! One TCP connection to a broker, with requests pipelined in order.
//!
//! Issuing a request puts its whole frame on a bounded queue that one writer task empties
//! onto the socket, so requests reach the wire in exactly the order they were issued, even
//! when the callers then wait for their answers in separate tasks (a producer relies on this
//! to keep a partition's batches in order). A reader task takes frames off the socket and
//! hands each to the caller waiting on its correlation id, so several requests can be in
//! flight at once and each caller awaits only its own answer. On connect the connection asks
//! for the broker's API versions (KIP-511: if the broker does not know our ApiVersions
//! version it answers v0 with its ranges, and we ask again at its highest), and from then on
//! every request goes out at the highest version both sides speak, capped where this client
//! relies on older semantics.

use crate::error::ClientError;
use bytes::{Bytes, BytesMut};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use strom_protocol::frame::{FrameCodec, encode_request};
use strom_protocol::generated::{
    ApiKey, ApiVersionsRequest, ApiVersionsResponse, RequestBody, RequestHeader, ResponseBody,
};
use strom_protocol::{ErrorCode, Reader};
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::{mpsc, oneshot};

/// The largest response frame this client accepts.
pub const MAX_RESPONSE_BYTES: usize = 256 * 1024 * 1024;

/// Request frames issued but not yet written; issuing waits for room beyond this.
pub const MAX_QUEUED_REQUESTS: usize = 1024;

/// Frames the writer takes off its queue at once, to write them with one flush.
const WRITE_BATCH_FRAMES: usize = 64;

/// Bytes the writer gathers small frames into before a write to the socket.
const WRITE_BUFFER_BYTES: usize = 64 * 1024;

/// Versions above these change semantics this client does not implement (Fetch 13+,
/// Produce 13+, OffsetCommit and OffsetFetch 10+ name topics by id only), so it never asks
/// for them.
fn client_max_version(api: ApiKey) -> i16 {
    match api {
        ApiKey::Fetch => 12,
        ApiKey::Produce => 12,
        ApiKey::OffsetCommit | ApiKey::OffsetFetch => 9,
        _ => api.valid_versions().1,
    }
}

type Waiter = oneshot::Sender<Result<Bytes, ClientError>>;

struct Shared {
    addr: String,
    client_id: String,
    request_timeout: Duration,
    /// The writer task's queue. A frame is queued with its waiter registered under the
    /// `waiting` lock, so the queue order is the issue order.
    outbox: mpsc::Sender<BytesMut>,
    /// Callers awaiting a response, by correlation id. Once `closed` is set (under this
    /// lock) nobody is added, so nobody waits on a dead socket.
    waiting: Mutex<HashMap<i32, Waiter>>,
    next_correlation_id: AtomicI32,
    closed: AtomicBool,
    /// The broker's (min, max) per API key, learned at connect.
    versions: Mutex<HashMap<i16, (i16, i16)>>,
}

/// A pipelined connection to one broker. Cheap to clone; clones share the socket.
#[derive(Clone)]
pub struct Connection {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("addr", &self.shared.addr)
            .finish()
    }
}

impl Connection {
    /// Connects, then negotiates API versions.
    pub async fn connect(
        addr: &str,
        client_id: &str,
        request_timeout: Duration,
    ) -> Result<Connection, ClientError> {
        let connect = TcpStream::connect(addr);
        let stream = match tokio::time::timeout(request_timeout, connect).await {
            Ok(Ok(stream)) => stream,
            Ok(Err(source)) => {
                return Err(ClientError::Connect {
                    addr: addr.into(),
                    source,
                });
            }
            Err(_) => {
                let timeout_ms = request_timeout.as_millis() as u64;
                return Err(ClientError::Timeout {
                    addr: addr.into(),
                    timeout_ms,
                });
            }
        };
        let _ = stream.set_nodelay(true);
        let (reader, writer) = stream.into_split();
        let (outbox, queued) = mpsc::channel(MAX_QUEUED_REQUESTS);
        let shared = Arc::new(Shared {
            addr: addr.to_string(),
            client_id: client_id.to_string(),
            request_timeout,
            outbox,
            waiting: Mutex::new(HashMap::new()),
            next_correlation_id: AtomicI32::new(1),
            closed: AtomicBool::new(false),
            versions: Mutex::new(HashMap::new()),
        });
        tokio::spawn(read_responses(reader, Arc::clone(&shared)));
        tokio::spawn(write_requests(writer, queued, Arc::clone(&shared)));
        let connection = Connection { shared };
        connection.negotiate_versions().await?;
        Ok(connection)
    }

    /// Whether both handles are the same connection.
    pub fn same_as(&self, other: &Connection) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared)
    }

    pub fn addr(&self) -> &str {
        &self.shared.addr
    }

    async fn negotiate_versions(&self) -> Result<(), ClientError> {
        let request = ApiVersionsRequest {
            client_software_name: "strom-client".into(),
            client_software_version: env!("CARGO_PKG_VERSION").into(),
            ..Default::default()
        };
        let mut version = ApiKey::ApiVersions.valid_versions().1;
        for _ in 0..2 {
            let body = RequestBody::ApiVersions(request.clone());
            let response = self.send_at(body, version).await?;
            let ResponseBody::ApiVersions(response) = response else {
                return Err(ClientError::Unexpected(
                    "ApiVersions answered with another API",
                ));
            };
            self.store_versions(&response);
            if response.error_code == ErrorCode::UnsupportedVersion.code() {
                // KIP-511: the broker listed its ranges; ask again at its highest version.
                let key = ApiKey::ApiVersions as i16;
                let theirs = self
                    .shared
                    .versions
                    .lock()
                    .expect("versions lock")
                    .get(&key)
                    .copied();
                version = theirs.map_or(0, |(_, max)| max.min(version));
                continue;
            }
            return ClientError::check(response.error_code, "ApiVersions", None);
        }
        Err(ClientError::UnsupportedApi {
            api: ApiKey::ApiVersions,
        })
    }

    fn store_versions(&self, response: &ApiVersionsResponse) {
        let mut versions = self.shared.versions.lock().expect("versions lock");
        versions.clear();
        for api in &response.api_keys {
            versions.insert(api.api_key, (api.min_version, api.max_version));
        }
    }

    /// The version this connection uses for `api`: the highest both sides speak.
    pub fn version_for(&self, api: ApiKey) -> Result<i16, ClientError> {
        let versions = self.shared.versions.lock().expect("versions lock");
        let (their_min, their_max) = versions
            .get(&(api as i16))
            .copied()
            .ok_or(ClientError::UnsupportedApi { api })?;
        let (our_min, _) = api.valid_versions();
        let ours = client_max_version(api);
        let version = ours.min(their_max);
        if version < their_min.max(our_min) {
            return Err(ClientError::UnsupportedApi { api });
        }
        Ok(version)
    }

    /// Sends a request at the negotiated version and waits for its response.
    pub async fn send(&self, body: impl Into<RequestBody>) -> Result<ResponseBody, ClientError> {
        let body = body.into();
        let version = self.version_for(body.api_key())?;
        self.send_at(body, version).await
    }

    /// Sends a request that the broker will not answer (Produce with acks=0). It is queued
    /// behind every request issued before it.
    pub async fn send_without_response(
        &self,
        body: impl Into<RequestBody>,
    ) -> Result<(), ClientError> {
        let body = body.into();
        let version = self.version_for(body.api_key())?;
        let (_, frame) = self.frame(&body, version)?;
        self.enqueue(frame, None).await
    }

    /// Issues a request at the negotiated version: when this returns, the request has its
    /// place on the wire after every request issued before it, and the answer can be
    /// awaited (from any task) with [`PendingResponse::wait`].
    pub async fn issue(
        &self,
        body: impl Into<RequestBody>,
    ) -> Result<PendingResponse, ClientError> {
        let body = body.into();
        let version = self.version_for(body.api_key())?;
        self.issue_at(body, version, self.shared.request_timeout)
            .await
    }

    async fn issue_at(
        &self,
        body: RequestBody,
        version: i16,
        timeout: Duration,
    ) -> Result<PendingResponse, ClientError> {
        let api = body.api_key();
        let (correlation_id, frame) = self.frame(&body, version)?;
        let (tx, rx) = oneshot::channel();
        self.enqueue(frame, Some((correlation_id, tx))).await?;
        Ok(PendingResponse {
            connection: self.clone(),
            api,
            version,
            correlation_id,
            timeout,
            answer: rx,
        })
    }

    fn frame(&self, body: &RequestBody, version: i16) -> Result<(i32, BytesMut), ClientError> {
        let correlation_id = self
            .shared
            .next_correlation_id
            .fetch_add(1, Ordering::Relaxed);
        let header = RequestHeader {
            request_api_key: body.api_key() as i16,
            request_api_version: version,
            correlation_id,
            client_id: Some(self.shared.client_id.clone()),
            ..Default::default()
        };
        Ok((correlation_id, encode_request(&header, body)?))
    }

    /// Puts a frame on the writer's queue, registering its waiter first so the answer
    /// cannot arrive before anyone listens for it.
    async fn enqueue(
        &self,
        frame: BytesMut,
        waiter: Option<(i32, Waiter)>,
    ) -> Result<(), ClientError> {
        let closed = || ClientError::Closed {
            addr: self.shared.addr.clone(),
        };
        // Room first (this may wait), then the order-fixing step, which does not.
        let permit = self.shared.outbox.reserve().await.map_err(|_| closed())?;
        let mut waiting = self.shared.waiting.lock().expect("waiting lock");
        if self.shared.closed.load(Ordering::Acquire) {
            return Err(closed());
        }
        if let Some((correlation_id, tx)) = waiter {
            waiting.insert(correlation_id, tx);
        }
        permit.send(frame);
        Ok(())
    }

    /// Sends a request at the negotiated version, waiting up to `timeout` for the answer
    /// instead of the connection's request timeout: JoinGroup is answered only when the
    /// rebalance completes, which can take as long as the group's rebalance timeout.
    pub async fn send_with_timeout(
        &self,
        body: impl Into<RequestBody>,
        timeout: Duration,
    ) -> Result<ResponseBody, ClientError> {
        let body = body.into();
        let version = self.version_for(body.api_key())?;
        self.send_at_within(body, version, timeout).await
    }

    /// Sends a request at an explicit version and waits for its response.
    pub async fn send_at(
        &self,
        body: RequestBody,
        version: i16,
    ) -> Result<ResponseBody, ClientError> {
        self.send_at_within(body, version, self.shared.request_timeout)
            .await
    }

    async fn send_at_within(
        &self,
        body: RequestBody,
        version: i16,
        timeout: Duration,
    ) -> Result<ResponseBody, ClientError> {
        self.issue_at(body, version, timeout).await?.wait().await
    }
}

/// A request on the wire (or queued for it), whose answer has not been awaited yet.
#[derive(Debug)]
pub struct PendingResponse {
    connection: Connection,
    api: ApiKey,
    version: i16,
    correlation_id: i32,
    timeout: Duration,
    answer: oneshot::Receiver<Result<Bytes, ClientError>>,
}

impl PendingResponse {
    /// The correlation id the request went out with.
    pub fn correlation_id(&self) -> i32 {
        self.correlation_id
    }

    /// Waits up to the request's timeout for the answer and decodes it.
    pub async fn wait(self) -> Result<ResponseBody, ClientError> {
        let shared = &self.connection.shared;
        let answer = match tokio::time::timeout(self.timeout, self.answer).await {
            Ok(Ok(answer)) => answer?,
            Ok(Err(_)) => {
                return Err(ClientError::Closed {
                    addr: shared.addr.clone(),
                });
            }
            Err(_) => {
                shared
                    .waiting
                    .lock()
                    .expect("waiting lock")
                    .remove(&self.correlation_id);
                let timeout_ms = self.timeout.as_millis() as u64;
                return Err(ClientError::Timeout {
                    addr: shared.addr.clone(),
                    timeout_ms,
                });
            }
        };
        // The correlation id is already consumed; a v1 response header adds tagged fields.
        let mut r = Reader::new(answer);
        if self.api.response_header_version(self.version) >= 1 {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |_, _| Ok(false))?;
        }
        Ok(ResponseBody::decode(
            self.api,
            self.version,
            r.into_bytes(),
        )?)
    }
}

/// Writes queued frames to the socket in queue order. Small frames are gathered into one
/// buffer and flushed together when the queue runs dry, so a burst costs few syscalls.
async fn write_requests(
    writer: OwnedWriteHalf,
    mut queued: mpsc::Receiver<BytesMut>,
    shared: Arc<Shared>,
) {
    let mut writer = BufWriter::with_capacity(WRITE_BUFFER_BYTES, writer);
    let mut frames = Vec::with_capacity(WRITE_BATCH_FRAMES);
    while queued.recv_many(&mut frames, WRITE_BATCH_FRAMES).await > 0 {
        let mut result = Ok(());
        for frame in frames.drain(..) {
            result = writer.write_all(&frame).await;
            if result.is_err() {
                break;
            }
        }
        if result.is_ok() && queued.is_empty() {
            result = writer.flush().await;
        }
        if let Err(source) = result {
            let failure = ClientError::Io {
                addr: shared.addr.clone(),
                source,
            };
            close(&shared, &failure);
            return;
        }
    }
}

/// Marks the connection closed and fails everyone waiting on it.
fn close(shared: &Shared, failure: &ClientError) {
    let waiters: Vec<Waiter> = {
        let mut waiting = shared.waiting.lock().expect("waiting lock");
        shared.closed.store(true, Ordering::Release);
        waiting.drain().map(|(_, w)| w).collect()
    };
    tracing::debug!(addr = %shared.addr, error = %failure, "connection closed");
    for waiter in waiters {
        let _ = waiter.send(Err(ClientError::Closed {
            addr: shared.addr.clone(),
        }));
    }
}

/// Takes response frames off the socket and wakes whoever waits on each correlation id.
async fn read_responses(mut reader: OwnedReadHalf, shared: Arc<Shared>) {
    let codec = FrameCodec::new(MAX_RESPONSE_BYTES);
    let mut buf = BytesMut::with_capacity(64 * 1024);
    let failure = loop {
        match codec.decode(&mut buf) {
            Ok(Some(frame)) => {
                let mut r = Reader::new(frame);
                let Ok(correlation_id) = r.i32() else {
                    break ClientError::Unexpected("response frame shorter than its header");
                };
                let waiter = shared
                    .waiting
                    .lock()
                    .expect("waiting lock")
                    .remove(&correlation_id);
                if let Some(waiter) = waiter {
                    let _ = waiter.send(Ok(r.into_bytes()));
                }
                continue;
            }
            Ok(None) => {}
            Err(e) => break ClientError::Wire(e),
        }
        match reader.read_buf(&mut buf).await {
            Ok(0) => {
                break ClientError::Closed {
                    addr: shared.addr.clone(),
                };
            }
            Ok(_) => {}
            Err(source) => {
                break ClientError::Io {
                    addr: shared.addr.clone(),
                    source,
                };
            }
        }
    };
    close(&shared, &failure);
}

#[cfg(test)]
mod tests {
    use super::*;
    use strom_protocol::frame::{encode_response, split_request};
    use strom_protocol::generated::api_versions_response::ApiVersion;
    use strom_protocol::generated::metadata_request::MetadataRequestTopic;
    use strom_protocol::generated::metadata_response::MetadataResponseTopic;
    use strom_protocol::generated::{MetadataRequest, MetadataResponse};
    use tokio::net::TcpListener;

    /// A fake broker on one connection: answers ApiVersions at once, and Metadata requests
    /// in groups of `group`, the group's answers in reverse order. Notes the topic names of
    /// the Metadata requests in `arrived`, in the order they arrived.
    async fn fake_broker(listener: TcpListener, group: usize, arrived: Arc<Mutex<Vec<String>>>) {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let codec = FrameCodec::new(MAX_RESPONSE_BYTES);
        let mut buf = BytesMut::new();
        let mut held = Vec::new();
        loop {
            while let Some(frame) = codec.decode(&mut buf).expect("frame") {
                let request = split_request(frame).expect("request");
                let version = request.header.request_api_version;
                let id = request.header.correlation_id;
                let body = RequestBody::decode(request.api_key, version, request.body)
                    .expect("request body");
                let answer = match body {
                    RequestBody::ApiVersions(_) => ResponseBody::ApiVersions(ApiVersionsResponse {
                        api_keys: [ApiKey::ApiVersions, ApiKey::Metadata]
                            .into_iter()
                            .map(|api| ApiVersion {
                                api_key: api as i16,
                                min_version: api.valid_versions().0,
                                max_version: api.valid_versions().1,
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    }),
                    RequestBody::Metadata(m) => {
                        let name = m.topics.expect("topics")[0].name.clone().expect("name");
                        arrived.lock().expect("arrived").push(name.clone());
                        ResponseBody::Metadata(MetadataResponse {
                            topics: vec![MetadataResponseTopic {
                                name: Some(name),
                                ..Default::default()
                            }],
                            ..Default::default()
                        })
                    }
                    _ => panic!("unexpected request"),
                };
                let frame = encode_response(request.api_key, version, id, &answer).expect("encode");
                held.push(frame);
                if request.api_key == ApiKey::ApiVersions || held.len() == group {
                    for frame in held.drain(..).rev() {
                        socket.write_all(&frame).await.expect("answer");
                    }
                }
            }
            match socket.read_buf(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    }

    fn metadata_for(name: &str) -> MetadataRequest {
        MetadataRequest {
            topics: Some(vec![MetadataRequestTopic {
                name: Some(name.to_string()),
                ..Default::default()
            }]),
            ..Default::default()
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn requests_reach_the_wire_in_issue_order_and_answers_find_their_callers() {
        // Requests of very different sizes, issued back to back and then awaited from
        // separate tasks, arrive in the order issued; answers sent out of order still reach
        // the caller of the request they answer.
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr").to_string();
        let arrived = Arc::new(Mutex::new(Vec::new()));
        let broker = tokio::spawn(fake_broker(listener, 10, Arc::clone(&arrived)));
        let connection = Connection::connect(&addr, "test", Duration::from_secs(10))
            .await
            .expect("connect");
        let names: Vec<String> = (0..200)
            .map(|i| format!("t{i}-{}", "x".repeat(i * 7919 % 20_000)))
            .collect();
        let mut waits = Vec::new();
        for name in &names {
            let pending = connection.issue(metadata_for(name)).await.expect("issue");
            let expected = name.clone();
            waits.push(tokio::spawn(async move {
                let ResponseBody::Metadata(m) = pending.wait().await.expect("answer") else {
                    panic!("not a Metadata answer");
                };
                assert_eq!(m.topics[0].name.as_deref(), Some(expected.as_str()));
            }));
        }
        for w in waits {
            w.await.expect("waiter");
        }
        assert_eq!(*arrived.lock().expect("arrived"), names);
        broker.abort();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_task_sees_its_requests_written_in_its_order() {
        // Several tasks issue on one connection at once: the wire interleaves them, but each
        // task's requests arrive in the order that task issued them, and every frame whole.
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr").to_string();
        let arrived = Arc::new(Mutex::new(Vec::new()));
        let broker = tokio::spawn(fake_broker(listener, 1, Arc::clone(&arrived)));
        let connection = Connection::connect(&addr, "test", Duration::from_secs(10))
            .await
            .expect("connect");
        let tasks: Vec<_> = (0..4)
            .map(|task| {
                let connection = connection.clone();
                tokio::spawn(async move {
                    let mut waits = Vec::new();
                    for i in 0..50 {
                        let name =
                            format!("{task}/{i}/{}", "y".repeat((task * 50 + i) * 131 % 9000));
                        let pending = connection.issue(metadata_for(&name)).await.expect("issue");
                        waits.push(tokio::spawn(pending.wait()));
                        if i % 7 == 0 {
                            tokio::task::yield_now().await;
                        }
                    }
                    for w in waits {
                        w.await.expect("waiter").expect("answer");
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.expect("task");
        }
        let arrived = arrived.lock().expect("arrived").clone();
        assert_eq!(arrived.len(), 200);
        for task in 0..4 {
            let order: Vec<usize> = arrived
                .iter()
                .filter_map(|name| {
                    let mut parts = name.split('/');
                    let t: usize = parts.next()?.parse().ok()?;
                    let i: usize = parts.next()?.parse().ok()?;
                    (t == task).then_some(i)
                })
                .collect();
            assert_eq!(order, (0..50).collect::<Vec<_>>(), "task {task}");
        }
        broker.abort();
    }
}
