//! The Kafka wire protocol, without I/O.
//!
//! - [`wire`]: primitive encodings, the [`wire::Reader`] that never trusts a length, and
//!   [`wire::WireError`].
//! - [`generated`]: one module per message of Kafka's JSON specs (requests, responses,
//!   headers, coordinator records), produced by `protocol-codegen`; never edited by hand.
//! - [`frame`]: the 4-byte length-prefixed frame codec, the request header peek, and the
//!   KIP-511 answer to an ApiVersions request of a version we do not know.
//! - [`records`]: record batches (magic v2): the zero-copy header view, CRC32C, compression,
//!   record iteration and the batch builder.

pub mod error;
pub mod frame;
#[allow(
    clippy::all,
    unused_mut,
    unused_variables,
    unused_imports,
    unused_parens,
    non_snake_case
)]
pub mod generated;
pub mod records;
pub mod wire;

pub use error::ErrorCode;

/// The Apache Kafka release whose message specs `generated/` comes from; the code
/// generator's tests check it against the pin in `crates/protocol-codegen/kafka-specs.lock`.
pub const KAFKA_SPECS_VERSION: &str = "4.3.2";
pub use wire::{Message, Reader, Uuid, WireError, WireStruct};
