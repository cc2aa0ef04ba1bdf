//! The records the group coordinator writes to `__consumer_offsets`, in Kafka's own format, so
//! tools that read that topic (kcat with Kafka's formatter, `kafka-console-consumer` with
//! `GroupMetadataMessageFormatter`) decode them unchanged.
//!
//! On disk a record's key is a big-endian `i16` followed by the key struct, and the value is a
//! big-endian `i16` followed by the value struct written at that version. The key's `i16` is
//! the record type, as in Kafka's `CoordinatorRecordSerde` (older Kafka specs called it the
//! key's version; since 4.1 the specs give it as the key's `apiKey`, and every key struct has
//! the single schema version 0, which is how Strom encodes and decodes the struct after it):
//!
//! | key type    | record                                   | value versions written |
//! |-------------|------------------------------------------|------------------------|
//! | 0, 1        | `OffsetCommitKey` / `OffsetCommitValue`  | 3 (1 with an expiry)   |
//! | 2           | `GroupMetadataKey` / `GroupMetadataValue`| 3                      |
//! | 3           | `ConsumerGroupMetadata`                  | 0                      |
//! | 4           | `ConsumerGroupPartitionMetadata`         | 0                      |
//! | 5           | `ConsumerGroupMemberMetadata`            | 0                      |
//! | 6           | `ConsumerGroupTargetAssignmentMetadata`  | 0                      |
//! | 7           | `ConsumerGroupTargetAssignmentMember`    | 0                      |
//! | 8           | `ConsumerGroupCurrentMemberAssignment`   | 0                      |
//! | 16          | `ConsumerGroupRegularExpression`         | 0                      |
//!
//! A missing value is a tombstone: compaction then drops the key. Key versions this crate
//! does not know (share groups, transactions) are reported to the caller, which skips them.

use bytes::{BufMut, Bytes, BytesMut};
use strom_protocol::Message;
use strom_protocol::generated::{
    ConsumerGroupCurrentMemberAssignmentKey, ConsumerGroupCurrentMemberAssignmentValue,
    ConsumerGroupMemberMetadataKey, ConsumerGroupMemberMetadataValue, ConsumerGroupMetadataKey,
    ConsumerGroupMetadataValue, ConsumerGroupPartitionMetadataKey,
    ConsumerGroupPartitionMetadataValue, ConsumerGroupRegularExpressionKey,
    ConsumerGroupRegularExpressionValue, ConsumerGroupTargetAssignmentMemberKey,
    ConsumerGroupTargetAssignmentMemberValue, ConsumerGroupTargetAssignmentMetadataKey,
    ConsumerGroupTargetAssignmentMetadataValue, GroupMetadataKey, GroupMetadataValue,
    OffsetCommitKey, OffsetCommitValue,
};

use crate::error::CoordinatorError;

/// Record type (the key's `i16` prefix) of each record kind.
pub mod record_type {
    pub const OFFSET_COMMIT: i16 = 1;
    pub const GROUP_METADATA: i16 = 2;
    pub const CONSUMER_GROUP_METADATA: i16 = 3;
    pub const CONSUMER_GROUP_PARTITION_METADATA: i16 = 4;
    pub const CONSUMER_GROUP_MEMBER_METADATA: i16 = 5;
    pub const CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA: i16 = 6;
    pub const CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER: i16 = 7;
    pub const CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT: i16 = 8;
    pub const CONSUMER_GROUP_REGULAR_EXPRESSION: i16 = 16;
}

/// The value version Kafka writes for `GroupMetadataValue` (static membership era).
pub const GROUP_METADATA_VALUE_VERSION: i16 = 3;
/// The value version for offsets without a per-commit expiry.
pub const OFFSET_COMMIT_VALUE_VERSION: i16 = 3;
/// The value version for offsets that carry an explicit expiry (OffsetCommit v2-v4).
pub const OFFSET_COMMIT_VALUE_VERSION_WITH_EXPIRY: i16 = 1;

/// One `__consumer_offsets` record; `None` as the value is a tombstone.
#[derive(Debug, Clone, PartialEq)]
pub enum CoordinatorRecord {
    OffsetCommit(OffsetCommitKey, Option<OffsetCommitValue>),
    GroupMetadata(GroupMetadataKey, Option<GroupMetadataValue>),
    ConsumerGroupMetadata(ConsumerGroupMetadataKey, Option<ConsumerGroupMetadataValue>),
    ConsumerGroupPartitionMetadata(
        ConsumerGroupPartitionMetadataKey,
        Option<ConsumerGroupPartitionMetadataValue>,
    ),
    ConsumerGroupMemberMetadata(
        ConsumerGroupMemberMetadataKey,
        Option<ConsumerGroupMemberMetadataValue>,
    ),
    ConsumerGroupTargetAssignmentMetadata(
        ConsumerGroupTargetAssignmentMetadataKey,
        Option<ConsumerGroupTargetAssignmentMetadataValue>,
    ),
    ConsumerGroupTargetAssignmentMember(
        ConsumerGroupTargetAssignmentMemberKey,
        Option<ConsumerGroupTargetAssignmentMemberValue>,
    ),
    ConsumerGroupCurrentMemberAssignment(
        ConsumerGroupCurrentMemberAssignmentKey,
        Option<ConsumerGroupCurrentMemberAssignmentValue>,
    ),
    /// The topics a subscription pattern resolved to (KIP-848).
    ConsumerGroupRegularExpression(
        ConsumerGroupRegularExpressionKey,
        Option<ConsumerGroupRegularExpressionValue>,
    ),
}

impl CoordinatorRecord {
    /// The group the record belongs to; it decides the `__consumer_offsets` partition.
    pub fn group_id(&self) -> &str {
        match self {
            CoordinatorRecord::OffsetCommit(k, _) => &k.group,
            CoordinatorRecord::GroupMetadata(k, _) => &k.group,
            CoordinatorRecord::ConsumerGroupMetadata(k, _) => &k.group_id,
            CoordinatorRecord::ConsumerGroupPartitionMetadata(k, _) => &k.group_id,
            CoordinatorRecord::ConsumerGroupMemberMetadata(k, _) => &k.group_id,
            CoordinatorRecord::ConsumerGroupTargetAssignmentMetadata(k, _) => &k.group_id,
            CoordinatorRecord::ConsumerGroupTargetAssignmentMember(k, _) => &k.group_id,
            CoordinatorRecord::ConsumerGroupCurrentMemberAssignment(k, _) => &k.group_id,
            CoordinatorRecord::ConsumerGroupRegularExpression(k, _) => &k.group_id,
        }
    }

    /// Whether the record deletes its key.
    pub fn is_tombstone(&self) -> bool {
        match self {
            CoordinatorRecord::OffsetCommit(_, v) => v.is_none(),
            CoordinatorRecord::GroupMetadata(_, v) => v.is_none(),
            CoordinatorRecord::ConsumerGroupMetadata(_, v) => v.is_none(),
            CoordinatorRecord::ConsumerGroupPartitionMetadata(_, v) => v.is_none(),
            CoordinatorRecord::ConsumerGroupMemberMetadata(_, v) => v.is_none(),
            CoordinatorRecord::ConsumerGroupTargetAssignmentMetadata(_, v) => v.is_none(),
            CoordinatorRecord::ConsumerGroupTargetAssignmentMember(_, v) => v.is_none(),
            CoordinatorRecord::ConsumerGroupCurrentMemberAssignment(_, v) => v.is_none(),
            CoordinatorRecord::ConsumerGroupRegularExpression(_, v) => v.is_none(),
        }
    }
}

/// The schema version of every coordinator key struct; the `i16` before it is the record type.
pub(crate) const KEY_SCHEMA_VERSION: i16 = 0;

/// A key's bytes: the record type, then the key struct at its one schema version.
pub(crate) fn typed_key<M: Message>(record_type: i16, key: &M) -> Result<Bytes, CoordinatorError> {
    let size = key.size(KEY_SCHEMA_VERSION)?;
    let mut buf = BytesMut::with_capacity(2 + size);
    buf.put_i16(record_type);
    key.encode_into(&mut buf, KEY_SCHEMA_VERSION)?;
    Ok(buf.freeze())
}

pub(crate) fn versioned<M: Message>(version: i16, message: &M) -> Result<Bytes, CoordinatorError> {
    let size = message.size(version)?;
    let mut buf = BytesMut::with_capacity(2 + size);
    buf.put_i16(version);
    message.encode_into(&mut buf, version)?;
    Ok(buf.freeze())
}

fn versioned_opt<M: Message>(
    version: i16,
    message: &Option<M>,
) -> Result<Option<Bytes>, CoordinatorError> {
    message.as_ref().map(|m| versioned(version, m)).transpose()
}

/// Encodes a record as the key and value bytes of a `__consumer_offsets` record
/// (`None` = tombstone).
pub fn encode_record(
    record: &CoordinatorRecord,
) -> Result<(Bytes, Option<Bytes>), CoordinatorError> {
    use record_type as t;
    Ok(match record {
        CoordinatorRecord::OffsetCommit(k, v) => {
            let version = match v {
                Some(v) if v.expire_timestamp >= 0 => OFFSET_COMMIT_VALUE_VERSION_WITH_EXPIRY,
                _ => OFFSET_COMMIT_VALUE_VERSION,
            };
            (typed_key(t::OFFSET_COMMIT, k)?, versioned_opt(version, v)?)
        }
        CoordinatorRecord::GroupMetadata(k, v) => (
            typed_key(t::GROUP_METADATA, k)?,
            versioned_opt(GROUP_METADATA_VALUE_VERSION, v)?,
        ),
        CoordinatorRecord::ConsumerGroupMetadata(k, v) => (
            typed_key(t::CONSUMER_GROUP_METADATA, k)?,
            versioned_opt(0, v)?,
        ),
        CoordinatorRecord::ConsumerGroupPartitionMetadata(k, v) => (
            typed_key(t::CONSUMER_GROUP_PARTITION_METADATA, k)?,
            versioned_opt(0, v)?,
        ),
        CoordinatorRecord::ConsumerGroupMemberMetadata(k, v) => (
            typed_key(t::CONSUMER_GROUP_MEMBER_METADATA, k)?,
            versioned_opt(0, v)?,
        ),
        CoordinatorRecord::ConsumerGroupTargetAssignmentMetadata(k, v) => (
            typed_key(t::CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA, k)?,
            versioned_opt(0, v)?,
        ),
        CoordinatorRecord::ConsumerGroupTargetAssignmentMember(k, v) => (
            typed_key(t::CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER, k)?,
            versioned_opt(0, v)?,
        ),
        CoordinatorRecord::ConsumerGroupCurrentMemberAssignment(k, v) => (
            typed_key(t::CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT, k)?,
            versioned_opt(0, v)?,
        ),
        CoordinatorRecord::ConsumerGroupRegularExpression(k, v) => (
            typed_key(t::CONSUMER_GROUP_REGULAR_EXPRESSION, k)?,
            versioned_opt(0, v)?,
        ),
    })
}

pub(crate) fn split_version(bytes: &Bytes, key: bool) -> Result<(i16, Bytes), CoordinatorError> {
    if bytes.len() < 2 {
        return Err(if key {
            CoordinatorError::KeyTooShort { len: bytes.len() }
        } else {
            CoordinatorError::ValueTooShort { len: bytes.len() }
        });
    }
    let version = i16::from_be_bytes([bytes[0], bytes[1]]);
    Ok((version, bytes.slice(2..)))
}

pub(crate) fn decode_value<M: Message>(
    value: Option<&Bytes>,
) -> Result<Option<M>, CoordinatorError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let (version, body) = split_version(value, false)?;
    if !(M::LOWEST_VERSION..=M::HIGHEST_VERSION).contains(&version) {
        return Err(CoordinatorError::UnknownValueVersion {
            record: M::NAME,
            version,
        });
    }
    Ok(Some(M::decode(body, version)?))
}

/// Decodes the key and value bytes of a `__consumer_offsets` record. A key version this crate
/// does not know is `UnknownRecordType`; loaders skip such records, as Kafka's does.
pub fn decode_record(
    key: &Bytes,
    value: Option<&Bytes>,
) -> Result<CoordinatorRecord, CoordinatorError> {
    use record_type as t;
    let (version, body) = split_version(key, true)?;
    Ok(match version {
        0 | t::OFFSET_COMMIT => CoordinatorRecord::OffsetCommit(
            OffsetCommitKey::decode(body, KEY_SCHEMA_VERSION)?,
            decode_value(value)?,
        ),
        t::GROUP_METADATA => CoordinatorRecord::GroupMetadata(
            GroupMetadataKey::decode(body, KEY_SCHEMA_VERSION)?,
            decode_value(value)?,
        ),
        t::CONSUMER_GROUP_METADATA => CoordinatorRecord::ConsumerGroupMetadata(
            ConsumerGroupMetadataKey::decode(body, KEY_SCHEMA_VERSION)?,
            decode_value(value)?,
        ),
        t::CONSUMER_GROUP_PARTITION_METADATA => CoordinatorRecord::ConsumerGroupPartitionMetadata(
            ConsumerGroupPartitionMetadataKey::decode(body, KEY_SCHEMA_VERSION)?,
            decode_value(value)?,
        ),
        t::CONSUMER_GROUP_MEMBER_METADATA => CoordinatorRecord::ConsumerGroupMemberMetadata(
            ConsumerGroupMemberMetadataKey::decode(body, KEY_SCHEMA_VERSION)?,
            decode_value(value)?,
        ),
        t::CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA => {
            CoordinatorRecord::ConsumerGroupTargetAssignmentMetadata(
                ConsumerGroupTargetAssignmentMetadataKey::decode(body, KEY_SCHEMA_VERSION)?,
                decode_value(value)?,
            )
        }
        t::CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER => {
            CoordinatorRecord::ConsumerGroupTargetAssignmentMember(
                ConsumerGroupTargetAssignmentMemberKey::decode(body, KEY_SCHEMA_VERSION)?,
                decode_value(value)?,
            )
        }
        t::CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT => {
            CoordinatorRecord::ConsumerGroupCurrentMemberAssignment(
                ConsumerGroupCurrentMemberAssignmentKey::decode(body, KEY_SCHEMA_VERSION)?,
                decode_value(value)?,
            )
        }
        t::CONSUMER_GROUP_REGULAR_EXPRESSION => CoordinatorRecord::ConsumerGroupRegularExpression(
            ConsumerGroupRegularExpressionKey::decode(body, KEY_SCHEMA_VERSION)?,
            decode_value(value)?,
        ),
        other => return Err(CoordinatorError::UnknownRecordType { version: other }),
    })
}

/// Java's `String.hashCode`: `s[0]*31^(n-1) + ... + s[n-1]` over UTF-16 code units, wrapping.
pub fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, unit| {
        h.wrapping_mul(31).wrapping_add(i32::from(unit))
    })
}

/// The `__consumer_offsets` partition that owns `group_id`: Kafka's
/// `Utils.abs(groupId.hashCode()) % numPartitions`, where `Utils.abs(Integer.MIN_VALUE)` is 0.
pub fn partition_for(group_id: &str, num_partitions: i32) -> i32 {
    assert!(num_partitions > 0, "offsets topic has no partitions");
    let hash = java_string_hash(group_id);
    let abs = if hash == i32::MIN { 0 } else { hash.abs() };
    abs % num_partitions
}
