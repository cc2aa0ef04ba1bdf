//! Per-topic log configuration, with Kafka's names and defaults, and the engine's own bounds.
//!
//! Kafka's topic configs (`segment.bytes`, `retention.ms`, ...) become fields with units last;
//! "unlimited" (Kafka's `-1` or `Long.MAX_VALUE`) is `None`.

use strom_protocol::records::TimestampType;

use crate::{Result, StorageError};

/// Which background policy removes old data (`cleanup.policy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CleanupPolicy {
    /// Retention by time and size deletes whole segments.
    #[default]
    Delete,
    /// The cleaner keeps the latest record per key.
    Compact,
    /// Both (`compact,delete`).
    CompactAndDelete,
}

impl CleanupPolicy {
    pub fn compacts(self) -> bool {
        matches!(
            self,
            CleanupPolicy::Compact | CleanupPolicy::CompactAndDelete
        )
    }

    pub fn deletes(self) -> bool {
        matches!(
            self,
            CleanupPolicy::Delete | CleanupPolicy::CompactAndDelete
        )
    }
}

/// The largest segment the 32-bit positions of an `.index` entry can address.
pub const SEGMENT_BYTES_MAX: u64 = i32::MAX as u64;
/// Kafka's smallest `segment.index.bytes` that still holds an entry of each index.
pub const SEGMENT_INDEX_BYTES_MIN: u64 = 12;
/// The most bytes one read returns, whatever the caller asks for.
pub const READ_BYTES_MAX: usize = 64 * 1024 * 1024;
/// How many times its topic's `max.message.bytes` one batch's records may grow to when a
/// compressed batch is decompressed (to validate it on append, or to find an offset by
/// timestamp). Text compresses about tenfold; a batch that claims to inflate further is
/// treated as a decompression bomb and refused without the memory being allocated.
pub const DECOMPRESSION_RATIO_MAX: usize = 64;
/// The ceiling on one batch's decompressed records, whatever `max.message.bytes` says, so
/// a topic with huge messages cannot make one decompression take gigabytes.
pub const DECOMPRESSED_BATCH_BYTES_MAX: usize = 256 * 1024 * 1024;

/// Configuration of one partition's log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogConfig {
    /// `segment.bytes`: roll when the active segment would grow past this.
    pub segment_bytes: u64,
    /// `segment.ms`: roll when the active segment is this old (and not empty).
    pub segment_ms: Option<i64>,
    /// `segment.index.bytes`: the preallocated size of each `.index`/`.timeindex`.
    pub segment_index_bytes: u64,
    /// `index.interval.bytes`: log bytes between sparse index entries.
    pub index_interval_bytes: u64,
    /// `retention.ms`: delete segments whose newest timestamp is older than this.
    pub retention_ms: Option<i64>,
    /// `retention.bytes`: delete the oldest segments while the log is larger than this.
    pub retention_bytes: Option<u64>,
    /// `flush.messages`: fsync after this many unflushed messages.
    pub flush_messages: Option<u64>,
    /// `flush.ms`: fsync when the oldest unflushed write is this old.
    pub flush_ms: Option<i64>,
    /// `cleanup.policy`.
    pub cleanup_policy: CleanupPolicy,
    /// `delete.retention.ms`: how long a tombstone survives after its segment was cleaned.
    pub delete_retention_ms: i64,
    /// `min.cleanable.dirty.ratio`: clean only when this share of the log is dirty.
    pub min_cleanable_dirty_ratio: f64,
    /// `min.compaction.lag.ms`: records younger than this are never compacted.
    pub min_compaction_lag_ms: i64,
    /// `max.message.bytes`: the largest batch accepted.
    pub max_message_bytes: usize,
    /// `message.timestamp.type`: `LogAppendTime` makes the broker stamp every batch.
    pub message_timestamp_type: TimestampType,
    /// `message.timestamp.before.max.ms`: how far behind the broker's clock a CreateTime
    /// record's timestamp may be. `None` (Kafka's default, `Long.MAX_VALUE`) is no limit.
    pub message_timestamp_before_max_ms: Option<i64>,
    /// `message.timestamp.after.max.ms`: how far ahead of the broker's clock a CreateTime
    /// record's timestamp may be (Kafka's default: one hour). `None` is no limit.
    pub message_timestamp_after_max_ms: Option<i64>,
    /// Decode every record of a replicated append too (the leader's appends always decode
    /// them). Always on for compacted topics, which must see keys.
    pub validate_records_on_append: bool,
    /// Bound on callers waiting for an fsync of this log at once.
    pub flush_waiters_max: usize,
    /// `min.insync.replicas`: not used by storage, carried with the topic's other log
    /// settings (as Kafka's `LogConfig` does) for the replica manager's acks=all check.
    pub min_insync_replicas: usize,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            segment_bytes: 1024 * 1024 * 1024,
            segment_ms: Some(7 * 24 * 60 * 60 * 1000),
            segment_index_bytes: 10 * 1024 * 1024,
            index_interval_bytes: 4096,
            retention_ms: Some(7 * 24 * 60 * 60 * 1000),
            retention_bytes: None,
            flush_messages: None,
            flush_ms: None,
            cleanup_policy: CleanupPolicy::Delete,
            delete_retention_ms: 24 * 60 * 60 * 1000,
            min_cleanable_dirty_ratio: 0.5,
            min_compaction_lag_ms: 0,
            max_message_bytes: 1024 * 1024 + 12,
            message_timestamp_type: TimestampType::CreateTime,
            message_timestamp_before_max_ms: None,
            message_timestamp_after_max_ms: Some(60 * 60 * 1000),
            validate_records_on_append: false,
            flush_waiters_max: 100_000,
            min_insync_replicas: 1,
        }
    }
}

impl LogConfig {
    /// Rejects settings the on-disk format cannot represent.
    pub fn validate(&self) -> Result<()> {
        let bad = |m: String| Err(StorageError::InvalidConfig(m));
        if self.segment_bytes < 64 || self.segment_bytes > SEGMENT_BYTES_MAX {
            return bad(format!(
                "segment.bytes {} not in 64..=2^31-1",
                self.segment_bytes
            ));
        }
        if self.segment_index_bytes < SEGMENT_INDEX_BYTES_MIN
            || self.segment_index_bytes > SEGMENT_BYTES_MAX
        {
            return bad(format!("segment.index.bytes {}", self.segment_index_bytes));
        }
        if self.index_interval_bytes == 0 {
            return bad("index.interval.bytes must be positive".into());
        }
        if !(0.0..=1.0).contains(&self.min_cleanable_dirty_ratio) {
            return bad(format!(
                "min.cleanable.dirty.ratio {}",
                self.min_cleanable_dirty_ratio
            ));
        }
        for (name, bound) in [
            (
                "message.timestamp.before.max.ms",
                self.message_timestamp_before_max_ms,
            ),
            (
                "message.timestamp.after.max.ms",
                self.message_timestamp_after_max_ms,
            ),
        ] {
            if bound.is_some_and(|ms| ms < 0) {
                return bad(format!("{name} must not be negative"));
            }
        }
        if self.flush_waiters_max == 0 {
            return bad("flush_waiters_max must be positive".into());
        }
        Ok(())
    }

    /// Whether replicated appends decode records (see
    /// [`LogConfig::validate_records_on_append`]); the leader's always do.
    pub fn decodes_records_on_append(&self) -> bool {
        self.validate_records_on_append || self.cleanup_policy.compacts()
    }

    /// The most bytes one batch of this topic may decompress to: `max.message.bytes` times
    /// [`DECOMPRESSION_RATIO_MAX`], at most [`DECOMPRESSED_BATCH_BYTES_MAX`].
    pub fn decompressed_batch_bytes_max(&self) -> usize {
        self.max_message_bytes
            .saturating_mul(DECOMPRESSION_RATIO_MAX)
            .min(DECOMPRESSED_BATCH_BYTES_MAX)
    }
}
