//! The ids and offsets that cross this crate's boundary, each its own type so that an offset
//! cannot be passed where a timestamp or an epoch is expected.
//!
//! Nothing here touches the disk; the on-disk encodings (big-endian `i64` offsets, `i32`
//! epochs, text in checkpoint files) live next to the files that use them.

use std::fmt;

/// A position in a partition's log: the offset of one record. Kafka offsets are `i64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Offset(pub i64);

impl Offset {
    pub const ZERO: Offset = Offset(0);

    pub fn value(self) -> i64 {
        self.0
    }

    /// The offset `n` records later.
    #[must_use]
    pub fn plus(self, n: i64) -> Offset {
        Offset(self.0 + n)
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The epoch of a partition's leader; the leader stamps it into every batch it appends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LeaderEpoch(pub i32);

impl LeaderEpoch {
    /// Kafka's "no epoch" (`RecordBatch.NO_PARTITION_LEADER_EPOCH`).
    pub const UNKNOWN: LeaderEpoch = LeaderEpoch(-1);

    pub fn value(self) -> i32 {
        self.0
    }
}

impl fmt::Display for LeaderEpoch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An idempotent or transactional producer's id, as assigned by InitProducerId.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ProducerId(pub i64);

impl fmt::Display for ProducerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Milliseconds since the Unix epoch, as in record batch timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Kafka's "no timestamp" (`RecordBatch.NO_TIMESTAMP`).
    pub const NONE: Timestamp = Timestamp(-1);

    pub fn millis(self) -> i64 {
        self.0
    }
}

/// A topic's partition, named on disk as the directory `<topic>-<partition>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: i32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: i32) -> Self {
        TopicPartition {
            topic: topic.into(),
            partition,
        }
    }

    /// The partition's directory name inside a data directory: `<topic>-<partition>`.
    pub fn dir_name(&self) -> String {
        format!("{}-{}", self.topic, self.partition)
    }

    /// Parses a directory name written by [`TopicPartition::dir_name`]. Topic names may
    /// contain `-`, so the partition is whatever follows the last one.
    pub fn from_dir_name(name: &str) -> Option<TopicPartition> {
        let (topic, partition) = name.rsplit_once('-')?;
        if topic.is_empty() || !partition.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let partition = partition.parse::<i32>().ok()?;
        Some(TopicPartition::new(topic, partition))
    }

    /// Whether `topic` can name a directory and a checkpoint line: Kafka's legal characters
    /// (ASCII letters, digits, `.`, `_`, `-`), at most 249 of them, and not `.` or `..`.
    pub fn is_valid_topic(topic: &str) -> bool {
        !topic.is_empty()
            && topic.len() <= 249
            && topic != "."
            && topic != ".."
            && topic
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-')
    }
}

impl fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.topic, self.partition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dir_name_round_trips_topics_with_dashes() {
        // A topic containing '-' still parses back from its directory name.
        let tp = TopicPartition::new("orders-eu-1", 12);
        assert_eq!(tp.dir_name(), "orders-eu-1-12");
        assert_eq!(TopicPartition::from_dir_name("orders-eu-1-12"), Some(tp));
        assert_eq!(TopicPartition::from_dir_name("nodash"), None);
        assert_eq!(TopicPartition::from_dir_name("t-x"), None);
        assert_eq!(TopicPartition::from_dir_name("-3"), None);
        assert!(!TopicPartition::is_valid_topic("a b"));
        assert!(!TopicPartition::is_valid_topic(".."));
    }
}
