//! The checks every appended record set passes before anything is written: Kafka's
//! `LogValidator`.

use bytes::Bytes;
use strom_protocol::records::{
    NO_PRODUCER_ID, RecordBatch, RecordBatchHeader, RecordError, compute_crc,
};

use super::append::AppendOrigin;
use crate::producer_state::{BatchKind, ProducerBatch};
use crate::segment::BatchInfo;
use crate::{LogConfig, Result, StorageError};

/// A validated record set waiting to be written.
pub(super) struct ValidatedRecords {
    pub batches: Vec<BatchInfo>,
    /// The batches that carry a producer id, by index into `batches`.
    pub producer_batches: Vec<(usize, ProducerBatch)>,
    pub records: u64,
}

/// Checks every batch of a record set before anything is written. Header, size and CRC
/// always; record framing, offset deltas and keys only when `config` asks for decoding.
pub(super) fn validate(
    records: &[u8],
    config: &LogConfig,
    origin: AppendOrigin,
) -> Result<ValidatedRecords> {
    let mut batches = Vec::new();
    let mut producer_batches = Vec::new();
    let mut position = 0;
    let mut total_records: u64 = 0;
    let mut next_expected: Option<i64> = None;
    while position < records.len() {
        let batch_index = batches.len();
        let corrupt = |source| StorageError::CorruptRecord {
            batch_index,
            source,
        };
        let invalid = |reason| StorageError::InvalidRecord {
            batch_index,
            reason,
        };
        let rest = &records[position..];
        let header = RecordBatchHeader::parse(rest).map_err(corrupt)?;
        let size = header.total_size();
        if size > rest.len() {
            return Err(corrupt(RecordError::Truncated {
                needed: size,
                available: rest.len(),
            }));
        }
        if size > config.max_message_bytes && origin != AppendOrigin::Replication {
            return Err(StorageError::RecordTooLarge {
                size,
                max: config.max_message_bytes,
            });
        }
        let bytes = &rest[..size];
        let computed = compute_crc(bytes);
        if computed != header.crc {
            return Err(corrupt(RecordError::CrcMismatch {
                stored: header.crc,
                computed,
            }));
        }
        header.compression().map_err(corrupt)?;
        check_header_counts(&header, origin).map_err(invalid)?;
        if origin == AppendOrigin::Replication {
            if next_expected.is_some_and(|n| header.base_offset < n) {
                return Err(invalid("replicated batches must have increasing offsets"));
            }
            next_expected = Some(header.next_offset());
        }
        if config.decodes_records_on_append() {
            let batch = RecordBatch::new(Bytes::copy_from_slice(bytes)).map_err(corrupt)?;
            validate_records(&batch, config, origin).map_err(|e| match e {
                Ok(reason) => invalid(reason),
                Err(source) => corrupt(source),
            })?;
        }
        if header.producer_id != NO_PRODUCER_ID {
            let kind = if header.is_control() {
                control_batch_kind(bytes, origin).map_err(invalid)?
            } else {
                BatchKind::Data
            };
            producer_batches.push((batch_index, ProducerBatch::from_header(&header, kind)));
        }
        total_records += u64::try_from(header.record_count).unwrap_or(0);
        batches.push(BatchInfo::from_header(position, &header));
        position += size;
    }
    if batches.is_empty() {
        return Err(StorageError::EmptyRecordSet);
    }
    Ok(ValidatedRecords {
        batches,
        producer_batches,
        records: total_records,
    })
}

/// What a control batch with a producer id is. A marker the broker itself writes must be
/// readable; a replicated one that is not is kept but ignored, as the leader accepted it.
fn control_batch_kind(bytes: &[u8], origin: AppendOrigin) -> Result<BatchKind, &'static str> {
    let parsed = RecordBatch::new(Bytes::copy_from_slice(bytes))
        .and_then(|batch| ProducerBatch::from_batch(&batch));
    match parsed {
        Ok(Some(b)) => Ok(b.kind),
        Ok(None) => Ok(BatchKind::OtherControl),
        Err(_) if origin == AppendOrigin::Replication => Ok(BatchKind::OtherControl),
        Err(_) => Err("control batch without a readable control record"),
    }
}

fn check_header_counts(h: &RecordBatchHeader, origin: AppendOrigin) -> Result<(), &'static str> {
    if h.last_offset_delta < 0 {
        return Err("negative lastOffsetDelta");
    }
    if origin == AppendOrigin::Replication {
        return Ok(());
    }
    if h.record_count <= 0 {
        return Err("batch has no records");
    }
    if i64::from(h.last_offset_delta) + 1 != i64::from(h.record_count) {
        return Err("recordCount disagrees with lastOffsetDelta");
    }
    if h.is_control() && matches!(origin, AppendOrigin::Client { .. }) {
        return Err("clients may not write control batches");
    }
    Ok(())
}

/// Deep validation; `Err(Ok(reason))` for a refused batch, `Err(Err(e))` for a corrupt one.
fn validate_records(
    batch: &RecordBatch,
    config: &LogConfig,
    origin: AppendOrigin,
) -> Result<(), Result<&'static str, RecordError>> {
    if origin == AppendOrigin::Replication {
        batch.validate_compacted().map_err(Err)?;
    } else {
        batch.validate().map_err(Err)?;
    }
    if config.cleanup_policy.compacts() && !batch.header().is_control() {
        for record in batch.records().map_err(Err)? {
            if record.map_err(Err)?.key.is_none() {
                return Err(Ok("compacted topics do not accept records without a key"));
            }
        }
    }
    Ok(())
}
