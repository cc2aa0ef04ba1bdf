//! The checks every appended record set passes before anything is written: Kafka's
//! `LogValidator`.
//!
//! For the leader's own appends ([`AppendOrigin::Client`] and the coordinator origins) every
//! batch is checked whole, records included, whatever the topic:
//!
//! - the header parses (magic 2 only), the batch fits `max.message.bytes`, its CRC32C and
//!   codec are good;
//! - `recordCount` is positive and equals `lastOffsetDelta + 1`, and the records section holds
//!   exactly that many records, each framed whole (lengths, varints, headers with UTF-8 keys)
//!   with nothing left over, their offset deltas 0, 1, 2, ...;
//! - a compressed section is decompressed into one buffer of at most
//!   [`LogConfig::decompressed_batch_bytes_max`] bytes; a batch that would inflate further is
//!   refused before that memory is taken;
//! - on a CreateTime topic every record's timestamp (unless -1) lies within
//!   `message.timestamp.before.max.ms` / `message.timestamp.after.max.ms` of the broker's
//!   clock, and the header's `maxTimestamp` is set to the records' newest timestamp if it
//!   says otherwise (Kafka rewrites it too; the CRC is recomputed); a producer may not claim
//!   LogAppendTime;
//! - on a compacted topic every record has a key;
//! - control batches come only from the coordinator origins; a client's record set holds one
//!   batch, as Kafka requires for magic 2, and a client batch with a producer id has a
//!   sequence.
//!
//! A batch that cannot be read is [`StorageError::CorruptRecord`] (`CORRUPT_MESSAGE`); one
//! that reads but breaks a rule is [`StorageError::InvalidRecord`] or
//! [`StorageError::InvalidRecords`] (`INVALID_RECORD`), or [`StorageError::InvalidTimestamp`]
//! (`INVALID_TIMESTAMP`). Missing keys and bad timestamps are reported record by record,
//! with each record's position in its batch, as Produce v8+ `record_errors` carry them.
//!
//! Replicated batches keep the lighter checks a follower makes: header, CRC, codec and
//! increasing offsets, and the records only on compacted topics or when the topic asks.
//!
//! The walk over an uncompressed batch reads varints straight from the request's bytes and
//! allocates nothing per record; a compressed batch costs one bounded buffer.
//!
//! The received bytes are never changed: they may be a slice of a request buffer that other
//! partitions' record sets share. What the leader rewrites (`maxTimestamp` and the CRC here,
//! offsets and the leader epoch on append) goes into a copy of each batch's 61-byte header,
//! which the segment writes in place of the received one.

use bytes::Bytes;
use strom_protocol::records::{
    Compression, NO_PRODUCER_ID, NO_TIMESTAMP, RECORD_BATCH_HEADER_SIZE, RecordBatch,
    RecordBatchHeader, RecordError, TimestampType, compute_crc, decompress,
};

use super::append::AppendOrigin;
use crate::error::{REJECTED_RECORDS_MAX, RejectedRecord};
use crate::producer_state::{BatchKind, ProducerBatch};
use crate::segment::BatchInfo;
use crate::{LogConfig, Result, StorageError, Timestamp, TopicPartition};

/// Where `maxTimestamp` and the CRC sit in a batch header (Kafka's v2 layout).
const MAX_TIMESTAMP_AT: usize = 35;
const CRC_AT: usize = 17;

/// A batch's header as the log writes it: the received header with the fields the leader
/// assigns rewritten.
pub(crate) type BatchHead = [u8; RECORD_BATCH_HEADER_SIZE];

/// A validated record set waiting to be written.
pub(super) struct ValidatedRecords {
    pub batches: Vec<BatchInfo>,
    /// For a leader's append, each batch's header to write in place of the received one (by
    /// index into `batches`); empty for a replicated set, which is written as received.
    pub heads: Vec<BatchHead>,
    /// The batches that carry a producer id, by index into `batches`.
    pub producer_batches: Vec<(usize, ProducerBatch)>,
    pub records: u64,
}

/// What the validator needs to know about the append besides the bytes.
pub(super) struct ValidationContext<'a> {
    pub topic_partition: &'a TopicPartition,
    pub config: &'a LogConfig,
    pub origin: AppendOrigin,
    /// The broker's clock, for timestamp bounds.
    pub now: Timestamp,
}

/// Checks every batch of a record set before anything is written (see the module docs), and
/// corrects a client batch's `maxTimestamp` in its header copy where it disagrees with its
/// records.
pub(super) fn validate(records: &[u8], cx: &ValidationContext<'_>) -> Result<ValidatedRecords> {
    let mut batches = Vec::new();
    let mut heads = Vec::new();
    let mut producer_batches = Vec::new();
    let mut position = 0;
    let mut total_records: u64 = 0;
    let mut next_expected: Option<i64> = None;
    let replicated = cx.origin == AppendOrigin::Replication;
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
        if batch_index == 1 && matches!(cx.origin, AppendOrigin::Client { .. }) {
            return Err(invalid("a produced record set must hold exactly one batch"));
        }
        let rest = &records[position..];
        let header = RecordBatchHeader::parse(rest).map_err(corrupt)?;
        let size = header.total_size();
        if size > rest.len() {
            return Err(corrupt(RecordError::Truncated {
                needed: size,
                available: rest.len(),
            }));
        }
        if size > cx.config.max_message_bytes && !replicated {
            return Err(StorageError::RecordTooLarge {
                size,
                max: cx.config.max_message_bytes,
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
        check_header(&header, cx.origin).map_err(invalid)?;
        let mut info = BatchInfo::from_header(position, &header);
        if replicated {
            if next_expected.is_some_and(|n| header.base_offset < n) {
                return Err(invalid("replicated batches must have increasing offsets"));
            }
            next_expected = Some(header.next_offset());
            if cx.config.decodes_records_on_append() {
                check_records(bytes, &header, batch_index, cx)?;
            }
        } else {
            let max = check_records(bytes, &header, batch_index, cx)?;
            let mut head = batch_head(bytes);
            if cx.config.message_timestamp_type == TimestampType::CreateTime
                && max != header.max_timestamp
            {
                set_max_timestamp(&mut head, bytes, max);
                info.max_timestamp = Timestamp(max);
            }
            heads.push(head);
        }
        if header.producer_id != NO_PRODUCER_ID {
            let kind = if header.is_control() {
                control_batch_kind(bytes, cx.origin).map_err(invalid)?
            } else {
                BatchKind::Data
            };
            producer_batches.push((batch_index, ProducerBatch::from_header(&header, kind)));
        }
        total_records += u64::try_from(header.record_count).unwrap_or(0);
        batches.push(info);
        position += size;
    }
    if batches.is_empty() {
        return Err(StorageError::EmptyRecordSet);
    }
    assert!(heads.is_empty() || heads.len() == batches.len());
    Ok(ValidatedRecords {
        batches,
        heads,
        producer_batches,
        records: total_records,
    })
}

/// What the header alone must satisfy (Kafka's `validateBatch`).
fn check_header(h: &RecordBatchHeader, origin: AppendOrigin) -> Result<(), &'static str> {
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
    if matches!(origin, AppendOrigin::Client { .. }) {
        if h.is_control() {
            return Err("clients may not write control batches");
        }
        if h.producer_id != NO_PRODUCER_ID && h.base_sequence < 0 {
            return Err("a batch with a producer id needs a base sequence");
        }
    }
    Ok(())
}

/// Walks the records of one batch (`bytes`, CRC already checked) and returns their newest
/// timestamp. See the module docs for the rules.
fn check_records(
    bytes: &[u8],
    h: &RecordBatchHeader,
    batch_index: usize,
    cx: &ValidationContext<'_>,
) -> Result<i64> {
    if h.record_count == 0 {
        // Only a replicated batch gets here (the leader's need records): an empty batch the
        // cleaner left, whose section Kafka never reads either.
        return Ok(h.max_timestamp);
    }
    let section = &bytes[RECORD_BATCH_HEADER_SIZE..];
    let codec = h
        .compression()
        .map_err(|source| StorageError::CorruptRecord {
            batch_index,
            source,
        })?;
    let decompressed;
    let section = if codec == Compression::None {
        section
    } else {
        let limit = cx.config.decompressed_batch_bytes_max();
        decompressed = decompress(codec, section, limit).map_err(|source| match source {
            RecordError::DecompressedTooLarge { limit } => StorageError::InvalidRecords {
                batch_index,
                message: format!(
                    "the records of a {codec:?} batch decompress to more than {limit} bytes \
                     (max.message.bytes x {})",
                    crate::config::DECOMPRESSION_RATIO_MAX
                ),
                record_errors: Vec::new(),
            },
            source => StorageError::CorruptRecord {
                batch_index,
                source,
            },
        })?;
        &decompressed[..]
    };
    let mut walk = RecordWalk::new(section, h, cx);
    walk.run().map_err(|source| StorageError::InvalidRecords {
        batch_index,
        message: format!("{source} in topic partition {}", cx.topic_partition),
        record_errors: Vec::new(),
    })?;
    walk.rejections.into_error(batch_index)?;
    Ok(walk.max_timestamp)
}

/// Records refused one by one (their first [`REJECTED_RECORDS_MAX`], and how many).
#[derive(Default)]
struct Rejections {
    records: Vec<RejectedRecord>,
    total: usize,
    any_timestamp: bool,
}

impl Rejections {
    fn push(&mut self, record_index: usize, message: String, timestamp: bool) {
        self.total += 1;
        self.any_timestamp |= timestamp;
        if self.records.len() < REJECTED_RECORDS_MAX {
            self.records.push(RejectedRecord {
                record_index: i32::try_from(record_index).unwrap_or(i32::MAX),
                message,
            });
        }
    }

    /// Kafka's `processRecordErrors`: any bad timestamp makes the batch `INVALID_TIMESTAMP`,
    /// otherwise it is `INVALID_RECORD` with the first three errors in the message.
    fn into_error(self, batch_index: usize) -> Result<()> {
        if self.total == 0 {
            return Ok(());
        }
        if self.any_timestamp {
            return Err(StorageError::InvalidTimestamp {
                batch_index,
                message: "One or more records have been rejected due to invalid timestamp".into(),
                record_errors: self.records,
            });
        }
        let first: Vec<String> = self
            .records
            .iter()
            .take(3)
            .map(|r| {
                format!(
                    "RecordError(batchIndex={}, message='{}')",
                    r.record_index, r.message
                )
            })
            .collect();
        Err(StorageError::InvalidRecords {
            batch_index,
            message: format!(
                "One or more records have been rejected due to {} record errors in total, and \
                 only showing the first three errors at most: [{}]",
                self.total,
                first.join(", ")
            ),
            record_errors: self.records,
        })
    }
}

/// One pass over a batch's records section, checking framing as it goes and collecting the
/// records refused one by one.
struct RecordWalk<'a, 'c> {
    buf: &'a [u8],
    at: usize,
    header: &'a RecordBatchHeader,
    cx: &'a ValidationContext<'c>,
    /// The newest record timestamp seen, or -1.
    max_timestamp: i64,
    rejections: Rejections,
}

impl<'a, 'c> RecordWalk<'a, 'c> {
    fn new(buf: &'a [u8], header: &'a RecordBatchHeader, cx: &'a ValidationContext<'c>) -> Self {
        RecordWalk {
            buf,
            at: 0,
            header,
            cx,
            max_timestamp: NO_TIMESTAMP,
            rejections: Rejections::default(),
        }
    }

    fn run(&mut self) -> Result<(), RecordError> {
        let count = usize::try_from(self.header.record_count).unwrap_or(0);
        let replicated = self.cx.origin == AppendOrigin::Replication;
        let mut next_minimum: i64 = 0;
        for index in 0..count {
            if self.at == self.buf.len() {
                return Err(RecordError::RecordCountMismatch {
                    expected: self.header.record_count,
                    actual: index,
                });
            }
            let record = self.record(index)?;
            let delta = i64::from(record.offset_delta);
            // A leader's batch numbers its records 0, 1, 2...; a batch the cleaner rewrote
            // (only ever replicated) may skip offsets but keeps them increasing.
            let in_order = if replicated {
                delta >= next_minimum && record.offset_delta <= self.header.last_offset_delta
            } else {
                delta == index as i64
            };
            if !in_order {
                return Err(RecordError::BadOffsetDelta {
                    index,
                    offset_delta: record.offset_delta,
                    expected: if replicated {
                        format!("{next_minimum}..={}", self.header.last_offset_delta)
                    } else {
                        index.to_string()
                    },
                });
            }
            next_minimum = delta + 1;
            self.check_record(index, &record);
        }
        if self.at != self.buf.len() {
            return Err(RecordError::TrailingBytes {
                trailing: self.buf.len() - self.at,
            });
        }
        Ok(())
    }

    /// The per-record rules that Kafka reports record by record: a key on compacted topics,
    /// and the timestamp bounds.
    fn check_record(&mut self, index: usize, record: &RecordView) {
        let h = self.header;
        let timestamp = h.base_timestamp.wrapping_add(record.timestamp_delta);
        self.max_timestamp = self.max_timestamp.max(timestamp);
        let replicated = self.cx.origin == AppendOrigin::Replication;
        let config = self.cx.config;
        if config.cleanup_policy.compacts() && !h.is_control() && !record.has_key {
            let message = format!(
                "Compacted topic cannot accept message without key in topic partition {}.",
                self.cx.topic_partition
            );
            self.rejections.push(index, message, false);
            return;
        }
        if replicated {
            return;
        }
        if h.timestamp_type() == TimestampType::LogAppendTime {
            let message = "Invalid timestamp type in message: producers may not set the \
                           timestamp type to LogAppendTime."
                .to_string();
            self.rejections.push(index, message, true);
            return;
        }
        if config.message_timestamp_type != TimestampType::CreateTime || timestamp == NO_TIMESTAMP {
            return;
        }
        let now = i128::from(self.cx.now.0);
        let behind = now - i128::from(timestamp);
        let too_old = config
            .message_timestamp_before_max_ms
            .is_some_and(|max| behind > i128::from(max));
        let too_new = config
            .message_timestamp_after_max_ms
            .is_some_and(|max| -behind > i128::from(max));
        if too_old || too_new {
            let low = config
                .message_timestamp_before_max_ms
                .map_or(i64::MIN, |max| self.cx.now.0.saturating_sub(max));
            let high = config
                .message_timestamp_after_max_ms
                .map_or(i64::MAX, |max| self.cx.now.0.saturating_add(max));
            let message = format!(
                "Timestamp {timestamp} of message with offset {} is out of range. The \
                 timestamp should be within [{low}, {high}]",
                h.base_offset.wrapping_add(i64::from(record.offset_delta))
            );
            self.rejections.push(index, message, true);
        }
    }

    /// Reads record `index` (see `strom_protocol::records` for the layout), checking that
    /// every length stays inside the record and the record inside the section.
    fn record(&mut self, index: usize) -> Result<RecordView, RecordError> {
        let bad = |reason: &str| RecordError::BadRecord {
            index,
            reason: reason.to_string(),
        };
        let length = self
            .varint()
            .ok_or_else(|| bad("bad record length varint"))?;
        let length = usize::try_from(length).map_err(|_| bad("negative record length"))?;
        let end = self
            .at
            .checked_add(length)
            .filter(|&end| end <= self.buf.len())
            .ok_or_else(|| bad("record length runs past the batch"))?;
        let mut body = RecordWalkBody {
            buf: &self.buf[..end],
            at: self.at,
        };
        let view = body.read().map_err(bad)?;
        if body.at != end {
            return Err(bad("bytes left over inside the record"));
        }
        self.at = end;
        Ok(view)
    }

    fn varint(&mut self) -> Option<i32> {
        let (value, used) = read_varint(&self.buf[self.at..], 5)?;
        self.at += used;
        i32::try_from(value).ok()
    }
}

/// What the validator keeps of one record.
struct RecordView {
    timestamp_delta: i64,
    offset_delta: i32,
    has_key: bool,
}

/// The body of one record, bounded by its length prefix.
struct RecordWalkBody<'a> {
    buf: &'a [u8],
    at: usize,
}

impl RecordWalkBody<'_> {
    fn read(&mut self) -> Result<RecordView, &'static str> {
        self.take(1).ok_or("missing attributes")?;
        let timestamp_delta = self.varlong().ok_or("bad timestamp delta varlong")?;
        let offset_delta = self.varint().ok_or("bad offset delta varint")?;
        let has_key = self.nullable().ok_or("bad key")?.is_some();
        self.nullable().ok_or("bad value")?;
        let headers = self.varint().ok_or("bad header count varint")?;
        let headers = usize::try_from(headers).map_err(|_| "negative header count")?;
        for _ in 0..headers {
            let key = self.nullable().ok_or("bad header key")?;
            let key = key.ok_or("null header key")?;
            std::str::from_utf8(key).map_err(|_| "header key is not UTF-8")?;
            self.nullable().ok_or("bad header value")?;
        }
        Ok(RecordView {
            timestamp_delta,
            offset_delta,
            has_key,
        })
    }

    /// A varint length and that many bytes: `Some(None)` for null (-1), `None` if malformed.
    fn nullable(&mut self) -> Option<Option<&[u8]>> {
        let length = self.varint()?;
        if length == -1 {
            return Some(None);
        }
        let length = usize::try_from(length).ok()?;
        self.take(length).map(Some)
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.buf.len())?;
        let out = &self.buf[self.at..end];
        self.at = end;
        Some(out)
    }

    fn varint(&mut self) -> Option<i32> {
        let (value, used) = read_varint(&self.buf[self.at..], 5)?;
        self.at += used;
        i32::try_from(value).ok()
    }

    fn varlong(&mut self) -> Option<i64> {
        let (value, used) = read_varint(&self.buf[self.at..], 10)?;
        self.at += used;
        Some(value)
    }
}

/// A zigzag varint of at most `max_bytes` bytes from the front of `buf`, as Kafka writes
/// them: the value and the bytes it took. `None` if it runs off the end or is too long.
fn read_varint(buf: &[u8], max_bytes: usize) -> Option<(i64, usize)> {
    let mut raw: u64 = 0;
    for (i, &b) in buf.iter().take(max_bytes).enumerate() {
        raw |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let value = ((raw >> 1) as i64) ^ -((raw & 1) as i64);
            if max_bytes == 5 && i32::try_from(value).is_err() {
                return None;
            }
            return Some((value, i + 1));
        }
    }
    None
}

/// Writes `max` into the header's `maxTimestamp` and recomputes the CRC, which covers it.
/// A copy of the header of `batch` (a whole batch, so at least a header long).
fn batch_head(batch: &[u8]) -> BatchHead {
    let mut head = [0u8; RECORD_BATCH_HEADER_SIZE];
    head.copy_from_slice(&batch[..RECORD_BATCH_HEADER_SIZE]);
    head
}

/// Recomputes the CRC of the batch whose header is now `head` and whose records section is
/// that of `batch` (the CRC covers the header from the attributes on, then the records).
pub(super) fn restamp_crc(head: &mut BatchHead, batch: &[u8]) {
    let crc = crc32c::crc32c_append(compute_crc(&head[..]), &batch[RECORD_BATCH_HEADER_SIZE..]);
    head[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
}

fn set_max_timestamp(head: &mut BatchHead, batch: &[u8], max: i64) {
    head[MAX_TIMESTAMP_AT..MAX_TIMESTAMP_AT + 8].copy_from_slice(&max.to_be_bytes());
    restamp_crc(head, batch);
    assert_eq!(
        RecordBatchHeader::parse(&head[..]).map(|h| h.max_timestamp),
        Ok(max),
        "maxTimestamp rewrite did not land"
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_decode_as_kafka_writes_them() {
        // Zigzag varints round-trip at their edges; an over-long or cut-off one is refused.
        let cases: &[(&[u8], i64, usize)] = &[
            (&[0x00], 0, 1),
            (&[0x01], -1, 1),
            (&[0x02], 1, 1),
            (&[0xfe, 0xff, 0xff, 0xff, 0x0f], i64::from(i32::MAX), 5),
            (&[0xff, 0xff, 0xff, 0xff, 0x0f], i64::from(i32::MIN), 5),
        ];
        for &(bytes, value, used) in cases {
            assert_eq!(read_varint(bytes, 5), Some((value, used)), "{bytes:?}");
        }
        assert_eq!(read_varint(&[0x80, 0x80], 5), None);
        assert_eq!(read_varint(&[0x80; 6], 5), None);
        assert_eq!(read_varint(&[0xff, 0xff, 0xff, 0xff, 0x1f], 5), None);
        assert_eq!(read_varint(&[0x80, 0x01], 10), Some((64, 2)));
    }
}
