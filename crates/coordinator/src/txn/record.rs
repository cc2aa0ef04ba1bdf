//! The records the transaction coordinator writes to `__transaction_state`, in Kafka's own
//! format, so Kafka's `TransactionLogMessageFormatter` (and anything else that reads that
//! topic) decodes them unchanged.
//!
//! Key: a big-endian `i16` version (0) followed by `TransactionLogKey { TransactionalId }`.
//! Value: a big-endian `i16` version followed by `TransactionLogValue` at that version. Strom
//! writes version 0, the non-flexible version every Kafka release reads, unless the id's last
//! EndTxn used transaction version 2: then version 1, whose tagged fields carry the previous
//! and next producer ids and the client's transaction version (Kafka writes version 1 once
//! `transaction.version` 1 is finalized). It reads 0 and 1. The value
//! holds the producer id and epoch, the timeout, the state's id, the partitions (null for
//! Empty, as Kafka writes it) and the start and last-update timestamps. A missing value is a
//! tombstone: the id expired, and compaction drops the key.

use std::collections::{BTreeMap, BTreeSet};

use bytes::Bytes;
use strom_protocol::Message;
use strom_protocol::generated::TransactionLogKey;
use strom_protocol::generated::TransactionLogValue;
use strom_protocol::generated::transaction_log_value::PartitionsSchema;

use super::error::TransactionLogError;
use super::metadata::{
    ProducerEpoch, ProducerId, TopicPartition, TransactionMetadata, TransactionState,
    TransactionVersion,
};
use crate::error::CoordinatorError;
use crate::record::{decode_value, split_version, versioned};

/// The key version Kafka writes (and the only one it defines).
pub const TRANSACTION_LOG_KEY_VERSION: i16 = 0;
/// The value version Strom writes for transaction versions 0 and 1: Kafka's non-flexible one.
pub const TRANSACTION_LOG_VALUE_VERSION: i16 = 0;
/// The value version Strom writes for transaction version 2, with the tagged fields.
pub const TRANSACTION_LOG_VALUE_VERSION_TV2: i16 = 1;

/// The version a value is written at: 1 when it has tagged fields to carry, else 0.
pub fn value_version(value: &TransactionLogValue) -> i16 {
    if value.client_transaction_version != 0
        || value.next_producer_id != -1
        || value.previous_producer_id != -1
    {
        TRANSACTION_LOG_VALUE_VERSION_TV2
    } else {
        TRANSACTION_LOG_VALUE_VERSION
    }
}

/// One `__transaction_state` record; `None` as the value is a tombstone.
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionRecord {
    pub key: TransactionLogKey,
    pub value: Option<TransactionLogValue>,
}

impl TransactionRecord {
    pub fn transactional_id(&self) -> &str {
        &self.key.transactional_id
    }

    /// The record for `metadata` as it stands. Asserts what Kafka asserts before writing:
    /// a real producer id and epoch, and no partitions in Empty.
    pub fn from_metadata(metadata: &TransactionMetadata) -> Self {
        assert!(metadata.producer_id.0 >= 0, "writing {metadata:?}");
        assert!(metadata.producer_epoch.0 >= 0, "writing {metadata:?}");
        assert!(
            !matches!(
                metadata.state,
                TransactionState::Dead | TransactionState::PrepareEpochFence
            ),
            "writing transient state {metadata:?}"
        );
        let partitions = if metadata.state == TransactionState::Empty {
            assert!(metadata.partitions.is_empty(), "writing {metadata:?}");
            None
        } else {
            let mut by_topic: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
            for tp in &metadata.partitions {
                by_topic.entry(&tp.topic).or_default().push(tp.partition);
            }
            Some(
                by_topic
                    .into_iter()
                    .map(|(topic, partition_ids)| PartitionsSchema {
                        topic: topic.to_string(),
                        partition_ids,
                        ..Default::default()
                    })
                    .collect(),
            )
        };
        // Version 0 has no place for these; they are written (as version 1) for transaction
        // version 2 only, as Kafka does.
        let tv2 = metadata.client_transaction_version.supports_epoch_bump();
        let tagged = |v: i64| if tv2 { v } else { -1 };
        TransactionRecord {
            key: key(&metadata.transactional_id),
            value: Some(TransactionLogValue {
                previous_producer_id: tagged(metadata.last_producer_id.0),
                next_producer_id: tagged(metadata.next_producer_id.0),
                client_transaction_version: if tv2 {
                    metadata.client_transaction_version.0
                } else {
                    0
                },
                producer_id: metadata.producer_id.0,
                producer_epoch: metadata.producer_epoch.0,
                transaction_timeout_ms: metadata.txn_timeout_ms,
                transaction_status: metadata.state.id(),
                transaction_partitions: partitions,
                transaction_last_update_timestamp_ms: metadata.txn_last_update_timestamp_ms,
                transaction_start_timestamp_ms: metadata.txn_start_timestamp_ms,
                ..Default::default()
            }),
        }
    }

    /// The tombstone of an expired id.
    pub fn tombstone(transactional_id: &str) -> Self {
        TransactionRecord {
            key: key(transactional_id),
            value: None,
        }
    }
}

fn key(transactional_id: &str) -> TransactionLogKey {
    TransactionLogKey {
        transactional_id: transactional_id.to_string(),
    }
}

/// Rebuilds metadata from a stored value, checking what Kafka's loader relies on: a known
/// state that may be stored, a real producer id and epoch. Forgotten across a reload, as in
/// Kafka: the last epoch (KIP-360 retries) and, at value version 0, the last producer id.
pub fn metadata_from_value(
    transactional_id: &str,
    value: &TransactionLogValue,
) -> Result<TransactionMetadata, TransactionLogError> {
    let state = TransactionState::from_id(value.transaction_status)
        .filter(|s| {
            !matches!(
                s,
                TransactionState::Dead | TransactionState::PrepareEpochFence
            )
        })
        .ok_or(TransactionLogError::InvalidStatus {
            status: value.transaction_status,
        })?;
    if value.producer_id < 0 || value.producer_epoch < 0 {
        return Err(TransactionLogError::InvalidProducer {
            producer_id: value.producer_id,
            producer_epoch: value.producer_epoch,
        });
    }
    let mut partitions = BTreeSet::new();
    if state != TransactionState::Empty {
        for topic in value.transaction_partitions.iter().flatten() {
            for &partition in &topic.partition_ids {
                partitions.insert(TopicPartition::new(topic.topic.clone(), partition));
            }
        }
    }
    Ok(TransactionMetadata {
        transactional_id: transactional_id.to_string(),
        producer_id: ProducerId(value.producer_id),
        last_producer_id: ProducerId(value.previous_producer_id),
        producer_epoch: ProducerEpoch(value.producer_epoch),
        last_producer_epoch: ProducerEpoch::NONE,
        txn_timeout_ms: value.transaction_timeout_ms,
        state,
        partitions,
        txn_start_timestamp_ms: value.transaction_start_timestamp_ms,
        txn_last_update_timestamp_ms: value.transaction_last_update_timestamp_ms,
        // Only a transaction still being completed has somewhere to move.
        next_producer_id: if value.next_producer_id >= 0
            && matches!(
                state,
                TransactionState::PrepareCommit | TransactionState::PrepareAbort
            ) {
            ProducerId(value.next_producer_id)
        } else {
            ProducerId::NONE
        },
        client_transaction_version: TransactionVersion(value.client_transaction_version),
    })
}

/// Encodes a record as the key and value bytes of a `__transaction_state` record
/// (`None` = tombstone).
pub fn encode_transaction_record(
    record: &TransactionRecord,
) -> Result<(Bytes, Option<Bytes>), CoordinatorError> {
    let key = versioned(TRANSACTION_LOG_KEY_VERSION, &record.key)?;
    let value = record
        .value
        .as_ref()
        .map(|v| versioned(value_version(v), v))
        .transpose()?;
    Ok((key, value))
}

/// Decodes the key and value bytes of a `__transaction_state` record. A key version other
/// than 0 is `UnknownRecordType`; the loader skips those, as Kafka's does.
pub fn decode_transaction_record(
    key: &Bytes,
    value: Option<&Bytes>,
) -> Result<TransactionRecord, CoordinatorError> {
    let (version, body) = split_version(key, true)?;
    if version != TRANSACTION_LOG_KEY_VERSION {
        return Err(CoordinatorError::UnknownRecordType { version });
    }
    Ok(TransactionRecord {
        key: TransactionLogKey::decode(body, version)?,
        value: decode_value(value)?,
    })
}
