//! Kafka record batches, message format v2 (magic 2): the unit that producers send, the log
//! stores byte for byte, and fetches return.
//!
//! A batch is a 61-byte big-endian header ([`RecordBatchHeader`], field positions in
//! `header.rs`) followed by the records section: the records, each a varint-prefixed body
//! (`record.rs`), compressed as one stream when the header's codec is not none
//! (`compression.rs`). A CRC32C covers the bytes from the attributes (offset 21) to the end,
//! so the leader can assign `baseOffset` and stamp `partitionLeaderEpoch` in place without
//! touching it. A record set, as carried in a Produce request or stored in a `.log` segment,
//! is batches laid end to end with nothing between them ([`BatchIter`]).
//!
//! Reading is zero-copy where the format allows: a [`RecordBatch`] is a `Bytes` slice of its
//! input, and uncompressed keys and values are slices of that. Nothing read from the wire is
//! trusted: lengths and counts are checked against the bytes present before use, and
//! decompression stops at [`MAX_DECOMPRESSED_BATCH_BYTES`] (or a caller's limit). Bad input
//! is a [`RecordError`], never a panic.
//!
//! Older message formats (v0, v1) are rejected with [`RecordError::BadMagic`].

mod batch;
mod builder;
mod compression;
mod control;
mod error;
mod header;
mod record;

pub use batch::{BatchIter, RecordBatch};
pub use builder::RecordBatchBuilder;
pub use compression::{MAX_DECOMPRESSED_BATCH_BYTES, compress, decompress};
pub use control::{
    CONTROL_RECORD_VERSION, ControlRecordType, EndTransactionMarker, build_end_transaction_marker,
};
pub use error::RecordError;
pub use header::{
    Compression, LOG_OVERHEAD, MAGIC_V2, MIN_BATCH_LENGTH, NO_PARTITION_LEADER_EPOCH,
    NO_PRODUCER_EPOCH, NO_PRODUCER_ID, NO_SEQUENCE, NO_TIMESTAMP, RECORD_BATCH_HEADER_SIZE,
    RecordBatchHeader, TimestampType, compute_crc, set_base_offset, set_log_append_time,
    set_partition_leader_epoch,
};
pub use record::{MIN_RECORD_SIZE, Record, RecordHeader, RecordIter};

#[cfg(test)]
mod tests;
