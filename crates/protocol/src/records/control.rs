//! Control records: the records of a control batch (attributes bit 5), which consumers never
//! see. The transaction coordinator writes one per partition to end a transaction: a commit or
//! abort marker.
//!
//! The key of every control record is `version i16 (0), type i16`. The value of a commit or
//! abort marker (Kafka's `EndTransactionMarker`) is `version i16 (0), coordinatorEpoch i32`.
//! Readers accept higher versions and ignore bytes they do not know, as Kafka does.

use bytes::Bytes;

use super::header::NO_SEQUENCE;
use super::{Compression, Record, RecordBatchBuilder, RecordError};

/// Version of the control record key and marker value this code writes.
pub const CONTROL_RECORD_VERSION: i16 = 0;

/// The `type` field of a control record key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ControlRecordType {
    Abort,
    Commit,
    LeaderChange,
    SnapshotHeader,
    SnapshotFooter,
    KRaftVersion,
    KRaftVoters,
    /// A type this code does not know; kept so that newer control records pass through.
    Unknown(i16),
}

impl ControlRecordType {
    pub fn from_id(id: i16) -> Self {
        match id {
            0 => ControlRecordType::Abort,
            1 => ControlRecordType::Commit,
            2 => ControlRecordType::LeaderChange,
            3 => ControlRecordType::SnapshotHeader,
            4 => ControlRecordType::SnapshotFooter,
            5 => ControlRecordType::KRaftVersion,
            6 => ControlRecordType::KRaftVoters,
            other => ControlRecordType::Unknown(other),
        }
    }

    pub fn id(self) -> i16 {
        match self {
            ControlRecordType::Abort => 0,
            ControlRecordType::Commit => 1,
            ControlRecordType::LeaderChange => 2,
            ControlRecordType::SnapshotHeader => 3,
            ControlRecordType::SnapshotFooter => 4,
            ControlRecordType::KRaftVersion => 5,
            ControlRecordType::KRaftVoters => 6,
            ControlRecordType::Unknown(id) => id,
        }
    }

    /// Reads the type from a control record's key.
    pub fn parse_key(key: &[u8]) -> Result<Self, RecordError> {
        let Some(&[v0, v1, t0, t1]) = key.first_chunk::<4>() else {
            return Err(RecordError::BadControlRecord {
                reason: "key shorter than 4 bytes",
            });
        };
        if i16::from_be_bytes([v0, v1]) < 0 {
            return Err(RecordError::BadControlRecord {
                reason: "negative key version",
            });
        }
        Ok(ControlRecordType::from_id(i16::from_be_bytes([t0, t1])))
    }

    /// The 4-byte key of a control record of this type.
    pub fn key_bytes(self) -> [u8; 4] {
        let [v0, v1] = CONTROL_RECORD_VERSION.to_be_bytes();
        let [t0, t1] = self.id().to_be_bytes();
        [v0, v1, t0, t1]
    }
}

/// A commit or abort marker, the one record of the control batch that ends a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndTransactionMarker {
    /// [`ControlRecordType::Commit`] or [`ControlRecordType::Abort`].
    pub control_type: ControlRecordType,
    /// The epoch of the transaction coordinator that wrote it, which fences zombie
    /// coordinators.
    pub coordinator_epoch: i32,
}

impl EndTransactionMarker {
    pub fn commit(coordinator_epoch: i32) -> Self {
        EndTransactionMarker {
            control_type: ControlRecordType::Commit,
            coordinator_epoch,
        }
    }

    pub fn abort(coordinator_epoch: i32) -> Self {
        EndTransactionMarker {
            control_type: ControlRecordType::Abort,
            coordinator_epoch,
        }
    }

    /// The 6-byte value: version, coordinator epoch.
    pub fn value_bytes(&self) -> [u8; 6] {
        let mut out = [0u8; 6];
        out[..2].copy_from_slice(&CONTROL_RECORD_VERSION.to_be_bytes());
        out[2..].copy_from_slice(&self.coordinator_epoch.to_be_bytes());
        out
    }

    /// Reads a marker from a control record; fails unless it is a commit or abort marker.
    pub fn from_record(record: &Record) -> Result<Self, RecordError> {
        let key = record
            .key
            .as_deref()
            .ok_or(RecordError::BadControlRecord { reason: "null key" })?;
        let control_type = ControlRecordType::parse_key(key)?;
        if !matches!(
            control_type,
            ControlRecordType::Commit | ControlRecordType::Abort
        ) {
            return Err(RecordError::BadControlRecord {
                reason: "not a commit or abort marker",
            });
        }
        let value = record
            .value
            .as_deref()
            .ok_or(RecordError::BadControlRecord {
                reason: "null value",
            })?;
        let Some(&[v0, v1, e0, e1, e2, e3]) = value.first_chunk::<6>() else {
            return Err(RecordError::BadControlRecord {
                reason: "value shorter than 6 bytes",
            });
        };
        if i16::from_be_bytes([v0, v1]) < 0 {
            return Err(RecordError::BadControlRecord {
                reason: "negative value version",
            });
        }
        Ok(EndTransactionMarker {
            control_type,
            coordinator_epoch: i32::from_be_bytes([e0, e1, e2, e3]),
        })
    }
}

/// Builds the control batch that ends a transaction on one partition: transactional and
/// control bits set, no compression, no sequence number, one marker record at `base_offset`.
pub fn build_end_transaction_marker(
    marker: EndTransactionMarker,
    base_offset: i64,
    producer_id: i64,
    producer_epoch: i16,
    timestamp: i64,
) -> Result<Bytes, RecordError> {
    let mut builder = RecordBatchBuilder::new(Compression::None, base_offset)
        .with_producer(producer_id, producer_epoch, NO_SEQUENCE)
        .with_transactional(true)
        .with_control(true);
    let key = marker.control_type.key_bytes();
    let value = marker.value_bytes();
    builder.append(timestamp, Some(&key), Some(&value), &[]);
    builder.build()
}
