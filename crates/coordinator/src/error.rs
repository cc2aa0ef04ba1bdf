//! The coordinator's operating errors: what can go wrong while turning `__consumer_offsets`
//! records into bytes or back. Request-level failures are not errors here; Kafka's group
//! semantics are literally error codes in responses, so the state machines return those codes
//! inside their decisions.

use strom_protocol::WireError;

/// Why a `__consumer_offsets` record could not be encoded or replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoordinatorError {
    #[error("record bytes do not decode: {0}")]
    Wire(#[from] WireError),
    #[error("record key is {len} bytes, too short to carry its version")]
    KeyTooShort { len: usize },
    #[error("record value is {len} bytes, too short to carry its version")]
    ValueTooShort { len: usize },
    #[error("record key version {version} names no known record type")]
    UnknownRecordType { version: i16 },
    #[error("record value version {version} is not valid for {record}")]
    UnknownValueVersion { record: &'static str, version: i16 },
}
