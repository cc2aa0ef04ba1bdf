//! Why a storage operation failed, as values the broker maps to Kafka error codes at its edge
//! (`CORRUPT_MESSAGE`, `INVALID_RECORD`, `OFFSET_OUT_OF_RANGE`, `KAFKA_STORAGE_ERROR`, ...).
//!
//! Broken invariants are not here: they are `assert!`s, because continuing past one would
//! write or serve wrong bytes.

use std::io;
use std::path::{Path, PathBuf};

use strom_protocol::records::RecordError;

use crate::{Offset, TopicPartition};

/// An operating error of the storage engine.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A file operation failed. `op` names the step so an operator can tell a failed fsync
    /// from a failed open.
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// Batch number `batch_index` of an appended record set is malformed or fails its CRC.
    #[error("record batch {batch_index} is corrupt: {source}")]
    CorruptRecord {
        batch_index: usize,
        #[source]
        source: RecordError,
    },

    /// A segment's stored batches do not read back as written: a header that does not parse
    /// or runs past the segment, offsets out of order or outside the segment, or an index
    /// entry that names no batch. Found by a read, below the recovery point (a media error
    /// or a damaged file), which recovery does not scan.
    #[error("segment {path} is corrupt at position {position}: {reason}")]
    CorruptSegment {
        path: PathBuf,
        position: u64,
        reason: String,
    },

    /// A well-formed batch that the log refuses (Kafka's `INVALID_RECORD`).
    #[error("record batch {batch_index} is invalid: {reason}")]
    InvalidRecord {
        batch_index: usize,
        reason: &'static str,
    },

    /// Batch number `batch_index` has a good CRC but records that break Kafka's rules: their
    /// framing, count or offset deltas (then `record_errors` is empty), or, one by one, a
    /// missing key on a compacted topic (then `record_errors` names them). Kafka's
    /// `INVALID_RECORD`; `message` is Kafka's text for it.
    #[error("{message}")]
    InvalidRecords {
        batch_index: usize,
        message: String,
        record_errors: Vec<RejectedRecord>,
    },

    /// Records of batch `batch_index` whose timestamps are outside
    /// `message.timestamp.before.max.ms` / `message.timestamp.after.max.ms` of the broker's
    /// clock, or a producer's batch that claims LogAppendTime (Kafka's `INVALID_TIMESTAMP`).
    #[error("{message}")]
    InvalidTimestamp {
        batch_index: usize,
        message: String,
        record_errors: Vec<RejectedRecord>,
    },

    /// One batch is larger than `max.message.bytes`.
    #[error("record batch of {size} bytes exceeds max.message.bytes {max}")]
    RecordTooLarge { size: usize, max: usize },

    /// The whole record set of one append is larger than a segment may hold.
    #[error("record set of {size} bytes exceeds the segment limit {max}")]
    RecordSetTooLarge { size: usize, max: usize },

    /// An append with no batches.
    #[error("empty record set")]
    EmptyRecordSet,

    /// The requested offset is outside `[log_start, log_end]`.
    #[error("offset {requested} out of range [{log_start}, {log_end}] for {topic_partition}")]
    OffsetOutOfRange {
        topic_partition: TopicPartition,
        requested: Offset,
        log_start: Offset,
        log_end: Offset,
    },

    /// A replica append whose first offset does not continue the log.
    #[error("replicated batch starts at {first} but the log ends at {log_end}")]
    NonMonotonicOffset { first: Offset, log_end: Offset },

    /// `DeleteRecords` above the high watermark.
    #[error("cannot delete records below {requested}: high watermark is {high_watermark}")]
    DeleteBeyondHighWatermark {
        requested: Offset,
        high_watermark: Offset,
    },

    /// A checkpoint file that does not follow Kafka's text format.
    #[error("checkpoint {path} line {line}: {reason}")]
    CorruptCheckpoint {
        path: PathBuf,
        line: usize,
        reason: String,
    },

    /// A directory or file name that is not a partition or a segment.
    #[error("bad name {name}: {reason}")]
    BadName { name: String, reason: &'static str },

    /// A log configuration that cannot work (for example a segment larger than 2 GiB).
    #[error("invalid log config: {0}")]
    InvalidConfig(String),

    /// The log was deleted or closed under the caller.
    #[error("log {0} is closed")]
    LogClosed(TopicPartition),

    /// An earlier write or fsync failed (a full disk, an I/O error), so the log's state on
    /// disk is unknown and it takes no more writes until the broker restarts and recovers
    /// it (Kafka takes the log directory offline); or its directory could not be loaded at
    /// start (see [`crate::LogManager::offline_partitions`]).
    #[error(
        "log {0} is offline after a failed write, flush or load; restart the broker once the \
         disk is fixed"
    )]
    LogOffline(TopicPartition),

    /// More callers wait for durability than the bound allows.
    #[error("{waiting} flush waiters already pending (limit {limit})")]
    TooManyFlushWaiters { waiting: usize, limit: usize },

    /// A flush the caller waited for failed.
    #[error(transparent)]
    Flush(#[from] FlushError),

    /// An index file that fails its checks where it cannot simply be rebuilt.
    #[error("index {path} is corrupt at byte {position}: {reason}")]
    CorruptIndex {
        path: PathBuf,
        position: u64,
        reason: &'static str,
    },

    /// A producer's batch or marker refused by the partition's producer state
    /// (`INVALID_PRODUCER_EPOCH`, `OUT_OF_ORDER_SEQUENCE_NUMBER`, `INVALID_TXN_STATE`,
    /// `TRANSACTION_COORDINATOR_FENCED`).
    #[error(transparent)]
    ProducerState(crate::ProducerStateError),

    /// Loading a partition's directory hit a broken invariant (a bug, or bytes on disk that a
    /// check should have refused); the partition stays offline.
    #[error("loading the log panicked: {0}")]
    LoadPanicked(String),

    /// A test asked the operation to stop here, as a crash would.
    #[error("injected crash at {0}")]
    InjectedCrash(&'static str),
}

impl StorageError {
    /// The records an append refused one by one, for Produce v8+ `record_errors`: empty for
    /// every error but [`StorageError::InvalidRecords`] and [`StorageError::InvalidTimestamp`].
    /// At most [`REJECTED_RECORDS_MAX`] are kept, in batch order.
    pub fn record_errors(&self) -> &[RejectedRecord] {
        match self {
            StorageError::InvalidRecords { record_errors, .. }
            | StorageError::InvalidTimestamp { record_errors, .. } => record_errors,
            _ => &[],
        }
    }
}

/// The most refused records one error keeps (their total is in its message): a hostile batch
/// of a million keyless records must not cost a million messages.
pub const REJECTED_RECORDS_MAX: usize = 1000;

/// One record an append refused (Kafka's `RecordError`): its position in its batch (Kafka's
/// `batchIndex`, 0 for the first record) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedRecord {
    pub record_index: i32,
    pub message: String,
}

/// Why a durability wait did not end with the data on disk. Cloned to every waiter of a
/// grouped fsync, so it carries text rather than the `io::Error`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlushError {
    #[error("fsync failed: {reason}")]
    Failed { reason: String },
    #[error("log closed before the flush completed")]
    Closed,
    /// The log does not hold every offset below `end`: it was truncated to `log_end` (a
    /// follower diverged from its leader) or never reached `end`. The batches the waiter
    /// stood for are gone, so it must not be told they are durable.
    #[error("offsets below {end} are not in the log, which ends at {log_end}")]
    BeyondLogEnd { end: Offset, log_end: Offset },
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// Attaches the operation and the path to an `io::Error`.
pub(crate) trait IoContext<T> {
    fn io(self, op: &'static str, path: &Path) -> Result<T>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn io(self, op: &'static str, path: &Path) -> Result<T> {
        self.map_err(|source| StorageError::Io {
            op,
            path: path.to_path_buf(),
            source,
        })
    }
}
