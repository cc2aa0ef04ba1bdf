//! What can go wrong talking to a broker, with enough context to say what to do about it.

use strom_protocol::generated::ApiKey;
use strom_protocol::records::RecordError;
use strom_protocol::{ErrorCode, WireError};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("cannot connect to {addr}: {source} (is a broker listening there?)")]
    Connect {
        addr: String,
        source: std::io::Error,
    },
    #[error("connection to {addr} failed: {source}")]
    Io {
        addr: String,
        source: std::io::Error,
    },
    #[error("connection to {addr} was closed")]
    Closed { addr: String },
    #[error("no answer from {addr} within {timeout_ms} ms")]
    Timeout { addr: String, timeout_ms: u64 },
    #[error("malformed data from the broker: {0}")]
    Wire(#[from] WireError),
    #[error("bad record batch: {0}")]
    Records(#[from] RecordError),
    #[error("the broker does not support {api:?} in any version this client speaks")]
    UnsupportedApi { api: ApiKey },
    #[error("{context}: {code}{}", message.as_deref().map(|m| format!(" ({m})")).unwrap_or_default())]
    Kafka {
        code: ErrorCode,
        context: String,
        message: Option<String>,
    },
    #[error("unknown error code {code} for {context}")]
    UnknownErrorCode { code: i16, context: String },
    #[error("topic {topic} does not exist")]
    UnknownTopic { topic: String },
    #[error("partition {partition} of topic {topic} does not exist")]
    UnknownPartition { topic: String, partition: i32 },
    #[error("no broker is known for node {node}")]
    UnknownBroker { node: i32 },
    #[error("unexpected response: {0}")]
    Unexpected(&'static str),
    #[error("consumer group {group} does not exist")]
    UnknownGroup { group: String },
    #[error("consumer group {group} has active members")]
    GroupNotEmpty { group: String },
    /// Something the broker or another member sent is larger than this client accepts.
    #[error("{what} exceeds this client's limit of {limit}")]
    LimitExceeded { what: String, limit: usize },
    /// The caller used the API in a way it does not support.
    #[error("{0}")]
    InvalidUse(&'static str),
    #[error("the producer was closed")]
    ProducerClosed,
    /// A record's batch failed for a reason that was not a Kafka error code (a broken
    /// connection, a timeout); every record of the batch gets this, with the reason.
    #[error("delivery failed: {reason}")]
    DeliveryFailed { reason: String },
}

impl ClientError {
    /// Turns a Kafka error code into `Ok` (none) or a `ClientError::Kafka`.
    pub fn check(code: i16, context: impl Into<String>, message: Option<&str>) -> Result<(), Self> {
        if code == 0 {
            return Ok(());
        }
        match ErrorCode::from_code(code) {
            Some(code) => Err(ClientError::Kafka {
                code,
                context: context.into(),
                message: message.map(str::to_owned),
            }),
            None => Err(ClientError::UnknownErrorCode {
                code,
                context: context.into(),
            }),
        }
    }

    /// Whether trying again (after refreshing metadata) may succeed.
    pub fn is_retriable(&self) -> bool {
        match self {
            ClientError::Kafka { code, .. } => code.is_retriable(),
            // A refused connection may be a broker that is restarting.
            ClientError::Connect { .. }
            | ClientError::Io { .. }
            | ClientError::Closed { .. }
            | ClientError::Timeout { .. } => true,
            _ => false,
        }
    }

    /// The Kafka error code, if the broker sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Kafka { code, .. } => Some(*code),
            _ => None,
        }
    }
}
