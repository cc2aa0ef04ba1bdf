//! One TCP connection to a broker, with requests pipelined.
//!
//! Writers take a short async lock to put a whole frame on the socket; a reader task takes
//! frames off it and hands each to the caller waiting on its correlation id. So several
//! requests can be in flight at once and each caller awaits only its own answer. On connect
//! the connection asks for the broker's API versions (KIP-511: if the broker does not know
//! our ApiVersions version it answers v0 with its ranges, and we ask again at its highest),
//! and from then on every request goes out at the highest version both sides speak, capped
//! where this client relies on older semantics.

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
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::sync::oneshot;

/// The largest response frame this client accepts.
pub const MAX_RESPONSE_BYTES: usize = 256 * 1024 * 1024;

/// Versions above these change semantics this client does not implement (Fetch 13+ names
/// topics by id only), so it never asks for them.
fn client_max_version(api: ApiKey) -> i16 {
    match api {
        ApiKey::Fetch => 12,
        _ => api.valid_versions().1,
    }
}

type Waiter = oneshot::Sender<Result<Bytes, ClientError>>;

struct Shared {
    addr: String,
    client_id: String,
    request_timeout: Duration,
    writer: tokio::sync::Mutex<OwnedWriteHalf>,
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
        let shared = Arc::new(Shared {
            addr: addr.to_string(),
            client_id: client_id.to_string(),
            request_timeout,
            writer: tokio::sync::Mutex::new(writer),
            waiting: Mutex::new(HashMap::new()),
            next_correlation_id: AtomicI32::new(1),
            closed: AtomicBool::new(false),
            versions: Mutex::new(HashMap::new()),
        });
        tokio::spawn(read_responses(reader, Arc::clone(&shared)));
        let connection = Connection { shared };
        connection.negotiate_versions().await?;
        Ok(connection)
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

    /// Sends a request that the broker will not answer (Produce with acks=0).
    pub async fn send_without_response(
        &self,
        body: impl Into<RequestBody>,
    ) -> Result<(), ClientError> {
        let body = body.into();
        let version = self.version_for(body.api_key())?;
        let (_, frame) = self.frame(&body, version)?;
        self.write(&frame).await
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

    async fn write(&self, frame: &[u8]) -> Result<(), ClientError> {
        if self.shared.closed.load(Ordering::Acquire) {
            return Err(ClientError::Closed {
                addr: self.shared.addr.clone(),
            });
        }
        let mut writer = self.shared.writer.lock().await;
        writer
            .write_all(frame)
            .await
            .map_err(|source| ClientError::Io {
                addr: self.shared.addr.clone(),
                source,
            })
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
        let api = body.api_key();
        let (correlation_id, frame) = self.frame(&body, version)?;
        let (tx, rx) = oneshot::channel();
        self.shared
            .waiting
            .lock()
            .expect("waiting lock")
            .insert(correlation_id, tx);
        if let Err(e) = self.write(&frame).await {
            self.shared
                .waiting
                .lock()
                .expect("waiting lock")
                .remove(&correlation_id);
            return Err(e);
        }
        let answer = match tokio::time::timeout(timeout, rx).await {
            Ok(Ok(answer)) => answer?,
            Ok(Err(_)) => {
                return Err(ClientError::Closed {
                    addr: self.shared.addr.clone(),
                });
            }
            Err(_) => {
                self.shared
                    .waiting
                    .lock()
                    .expect("waiting lock")
                    .remove(&correlation_id);
                let timeout_ms = timeout.as_millis() as u64;
                return Err(ClientError::Timeout {
                    addr: self.shared.addr.clone(),
                    timeout_ms,
                });
            }
        };
        // The correlation id is already consumed; a v1 response header adds tagged fields.
        let mut r = Reader::new(answer);
        if api.response_header_version(version) >= 1 {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |_, _| Ok(false))?;
        }
        Ok(ResponseBody::decode(api, version, r.into_bytes())?)
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
    shared.closed.store(true, Ordering::Release);
    let waiters: Vec<Waiter> = shared
        .waiting
        .lock()
        .expect("waiting lock")
        .drain()
        .map(|(_, w)| w)
        .collect();
    tracing::debug!(addr = %shared.addr, error = %failure, "connection closed");
    for waiter in waiters {
        let _ = waiter.send(Err(ClientError::Closed {
            addr: shared.addr.clone(),
        }));
    }
}
