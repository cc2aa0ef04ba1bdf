//! The storage engine: each partition's log on local disk in Kafka's segment layout, fast to
//! append and read, and correct after any crash.
//!
//! Layout of a data directory (the bytes of each file are described in the module that
//! writes it):
//!
//! ```text
//! <data-dir>/
//!   <topic>-<partition>/
//!     00000000000000000000.log        record batches as received (segment)
//!     00000000000000000000.index      offset -> position, sparse         (index)
//!     00000000000000000000.timeindex  timestamp -> offset, sparse        (index)
//!     00000000000000000000.txnindex   aborted transactions, if any       (txn_index)
//!     00000000000000000000.snapshot   producer state at an offset        (producer_state)
//!     leader-epoch-checkpoint         epoch -> start offset              (leader_epoch)
//!   recovery-point-offset-checkpoint  per partition: offsets below are fsynced (checkpoint)
//!   log-start-offset-checkpoint       per partition: first readable offset
//!   replication-offset-checkpoint     per partition: high watermark
//!   cleaner-offset-checkpoint         per partition: first offset not yet compacted
//!   .kafka_cleanshutdown              present only after a clean shutdown (manager)
//! ```
//!
//! - [`LogSegment`], [`OffsetIndex`], [`TimeIndex`]: one segment and its indexes (in memory
//!   only for the active segment; an inactive one's are searched on disk).
//! - [`Log`]: one partition: append with Kafka's record validation and in-place offset
//!   assignment, reads of whole batches, offset-for-timestamp, grouped fsync
//!   ([`Log::flush_to`]), retention, truncation. Nothing on the append, read or roll path
//!   fsyncs: flusher threads do ([`fsyncs_on_this_thread`] lets tests check it).
//! - [`LogManager`]: the data directory: parallel loading with recovery (a partition that
//!   cannot load goes offline, the rest load), checkpoints, background retention, flushing
//!   and cleaning, partition deletion, sizes.
//! - [`FileCache`]: the data directory's bounded set of open segment files, so idle
//!   partitions hold no descriptor.
//! - [`LogCleaner`]: compaction, swapping cleaned segments in with Kafka's
//!   `.cleaned`/`.swap` protocol.
//! - [`ProducerStateManager`]: per-partition producer state: epochs, sequences for duplicate
//!   detection, ongoing transactions and the last stable offset, with snapshots.
//! - [`TransactionIndex`]: the aborted transactions a `read_committed` fetch reports.

mod checkpoint;
mod cleaner;
mod clock;
mod config;
mod error;
mod file_cache;
mod flush;
mod fsync;
mod index;
mod leader_epoch;
mod log;
mod manager;
mod producer_state;
mod segment;
mod txn_index;
mod types;

pub use checkpoint::{
    CLEANER_OFFSET_CHECKPOINT, EpochEntry, LEADER_EPOCH_CHECKPOINT, LOG_START_OFFSET_CHECKPOINT,
    LeaderEpochCheckpointFile, OffsetCheckpointFile, RECOVERY_POINT_CHECKPOINT,
    REPLICATION_OFFSET_CHECKPOINT, sync_dir, write_atomically,
};
pub use cleaner::{CleanStats, CleanerConfig, LogCleaner};
pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{
    CleanupPolicy, DECOMPRESSED_BATCH_BYTES_MAX, DECOMPRESSION_RATIO_MAX, LogConfig,
    READ_BYTES_MAX, SEGMENT_BYTES_MAX,
};
pub use error::{FlushError, REJECTED_RECORDS_MAX, RejectedRecord, Result, StorageError};
pub use file_cache::{FileCache, OPEN_FILES_DEFAULT_MAX, OPEN_FILES_MIN, open_files_max_default};
pub use flush::{DurabilityListener, FlushHandle, FlushScheduler, FlushWaiter};
pub use fsync::fsyncs_on_this_thread;
pub use index::{OffsetIndex, TimeIndex};
pub use leader_epoch::LeaderEpochFileCache;
pub use log::{
    AbortedTxn, AppendInfo, AppendOrigin, FetchData, FetchIsolation, FetchParams, FlushStats,
    LoadParams, LoadStats, Log, SegmentInfo, Verified,
};
pub use manager::{
    CLEAN_SHUTDOWN_FILE, LogManager, LogManagerConfig, PartitionSize, STRAY_DIR_SUFFIX,
};
pub use producer_state::{
    ActiveProducer, BATCHES_PER_PRODUCER, PRODUCERS_PER_PARTITION_MAX, ProducerStateError,
    ProducerStateManager, SNAPSHOT_FILE_SUFFIX, SNAPSHOTS_RETAINED,
    VERIFICATIONS_PER_PARTITION_MAX, VerificationGuard,
};
pub use segment::{LogSegment, RecoveryOutcome, ScanStop};
pub use txn_index::{
    TXN_INDEX_ENTRY_BYTES, TXN_INDEX_FILE_SUFFIX, TransactionIndex, TxnIndexEntry,
};
pub use types::{LeaderEpoch, Offset, ProducerId, Timestamp, TopicPartition};
