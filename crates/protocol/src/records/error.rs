//! Why a record batch, or a record inside one, could not be read or built.
//!
//! Record bytes come from clients (Produce) and from disk (recovery, Fetch), so every way they
//! can be wrong is a value here rather than a panic. The storage crate tells a torn tail
//! ([`RecordError::Truncated`]) from corruption (everything else), and the broker edge maps
//! these to Kafka error codes (`CORRUPT_MESSAGE`, `INVALID_RECORD`, ...).

/// Why record bytes could not be decoded, verified or built.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Fewer bytes are present than the format or a length field requires. At the end of a
    /// log segment this is a torn write, not corruption.
    #[error("truncated record batch: {needed} bytes needed but only {available} present")]
    Truncated { needed: usize, available: usize },

    /// The magic byte is not 2; older message formats (v0, v1) are not supported.
    #[error("unsupported record batch magic {magic} (only magic 2 is supported)")]
    BadMagic { magic: i8 },

    /// `batchLength` is smaller than a v2 header or otherwise impossible.
    #[error("invalid batch length {batch_length}")]
    BadLength { batch_length: i32 },

    /// The buffer handed to [`RecordBatch::new`](super::RecordBatch::new) is longer than the
    /// one batch its header describes.
    #[error("buffer holds {actual} bytes but the batch header describes {expected}")]
    SizeMismatch { expected: usize, actual: usize },

    /// The CRC32C stored in the header does not match the bytes it covers.
    #[error("record batch CRC mismatch: stored {stored:#010x}, computed {computed:#010x}")]
    CrcMismatch { stored: u32, computed: u32 },

    /// Attributes bits 0-2 name a codec Kafka does not define.
    #[error("unknown compression codec id {0}")]
    UnknownCompression(u8),

    /// The compressed records section could not be decompressed.
    #[error("decompression failed: {0}")]
    Decompress(String),

    /// Decompressing would produce more than the allowed number of bytes.
    #[error("decompressed records exceed the limit of {limit} bytes")]
    DecompressedTooLarge { limit: usize },

    /// The records section could not be compressed.
    #[error("compression failed: {0}")]
    Compress(String),

    /// `recordCount` is negative, or disagrees with the records actually present.
    #[error("record count mismatch: header says {expected}, found {actual}")]
    RecordCountMismatch { expected: i32, actual: usize },

    /// Record number `index` (0-based) of the batch is malformed.
    #[error("record {index} is malformed: {reason}")]
    BadRecord { index: usize, reason: String },

    /// Record offset deltas are out of order, negative, or disagree with `lastOffsetDelta`.
    #[error("record {index} has offset delta {offset_delta}, expected {expected}")]
    BadOffsetDelta {
        index: usize,
        offset_delta: i32,
        expected: String,
    },

    /// The records section continues after the last record the header counts.
    #[error("{trailing} bytes follow the last record of the batch")]
    TrailingBytes { trailing: usize },

    /// A control record's key or value does not follow Kafka's schema.
    #[error("invalid control record: {reason}")]
    BadControlRecord { reason: &'static str },

    /// A builder was asked to build a batch without records.
    #[error("a record batch needs at least one record")]
    EmptyBatch,

    /// A batch being built would not fit the format's 32-bit lengths and counts.
    #[error("{what} is too large for a record batch ({size})")]
    TooLarge { what: &'static str, size: usize },
}
