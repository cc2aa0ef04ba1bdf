//! Building one v2 record batch: what a producer writes, and what the broker writes itself
//! (transaction markers, internal topics, tests).
//!
//! The builder encodes records into an uncompressed section as they are appended, then
//! [`RecordBatchBuilder::build`] compresses the section, fills in the header (lengths, count,
//! `lastOffsetDelta`, base and max timestamps) and finally the CRC over bytes 21..end.
//! Offset deltas are consecutive from 0 and the base timestamp is the first record's, as the
//! Java producer does.

use bytes::Bytes;

use super::compression::compress;
use super::header::{
    CONTROL_FLAG_MASK, CRC_OFFSET, MAGIC_V2, MIN_BATCH_LENGTH, NO_PARTITION_LEADER_EPOCH,
    NO_PRODUCER_EPOCH, NO_PRODUCER_ID, NO_SEQUENCE, TIMESTAMP_TYPE_MASK, TRANSACTIONAL_FLAG_MASK,
};
use super::record::encode_record;
use super::{
    Compression, RecordBatchHeader, RecordError, RecordHeader, TimestampType, compute_crc,
};

/// Builds one record batch. Setters consume and return the builder; `append` takes
/// `&mut self`; `build` may be called any number of times.
#[derive(Debug, Clone)]
pub struct RecordBatchBuilder {
    compression: Compression,
    base_offset: i64,
    partition_leader_epoch: i32,
    producer_id: i64,
    producer_epoch: i16,
    base_sequence: i32,
    transactional: bool,
    control: bool,
    timestamp_type: TimestampType,
    /// The encoded, uncompressed records.
    records: Vec<u8>,
    record_count: usize,
    base_timestamp: i64,
    max_timestamp: i64,
    /// The first error met while appending, reported by `build`.
    error: Option<RecordError>,
}

impl RecordBatchBuilder {
    /// A builder for a batch starting at `base_offset` (a producer writes 0; the leader
    /// assigns the real offset on append) with no producer id, no transaction and CreateTime.
    pub fn new(compression: Compression, base_offset: i64) -> Self {
        RecordBatchBuilder {
            compression,
            base_offset,
            partition_leader_epoch: NO_PARTITION_LEADER_EPOCH,
            producer_id: NO_PRODUCER_ID,
            producer_epoch: NO_PRODUCER_EPOCH,
            base_sequence: NO_SEQUENCE,
            transactional: false,
            control: false,
            timestamp_type: TimestampType::CreateTime,
            records: Vec::new(),
            record_count: 0,
            base_timestamp: 0,
            max_timestamp: i64::MIN,
            error: None,
        }
    }

    /// Reserves room for about `bytes` of encoded records up front, so a builder that is
    /// filled to a known size does not regrow (and recopy) its buffer on the way.
    #[must_use]
    pub fn with_capacity(mut self, bytes: usize) -> Self {
        self.records.reserve(bytes);
        self
    }

    #[must_use]
    pub fn with_base_offset(mut self, base_offset: i64) -> Self {
        self.base_offset = base_offset;
        self
    }

    #[must_use]
    pub fn with_compression(mut self, compression: Compression) -> Self {
        self.compression = compression;
        self
    }

    /// Sets the idempotent-producer fields: producer id, epoch and first sequence number.
    #[must_use]
    pub fn with_producer(
        mut self,
        producer_id: i64,
        producer_epoch: i16,
        base_sequence: i32,
    ) -> Self {
        self.producer_id = producer_id;
        self.producer_epoch = producer_epoch;
        self.base_sequence = base_sequence;
        self
    }

    #[must_use]
    pub fn with_producer_id(mut self, producer_id: i64) -> Self {
        self.producer_id = producer_id;
        self
    }

    #[must_use]
    pub fn with_producer_epoch(mut self, producer_epoch: i16) -> Self {
        self.producer_epoch = producer_epoch;
        self
    }

    #[must_use]
    pub fn with_base_sequence(mut self, base_sequence: i32) -> Self {
        self.base_sequence = base_sequence;
        self
    }

    #[must_use]
    pub fn with_transactional(mut self, transactional: bool) -> Self {
        self.transactional = transactional;
        self
    }

    #[must_use]
    pub fn with_control(mut self, control: bool) -> Self {
        self.control = control;
        self
    }

    #[must_use]
    pub fn with_partition_leader_epoch(mut self, partition_leader_epoch: i32) -> Self {
        self.partition_leader_epoch = partition_leader_epoch;
        self
    }

    #[must_use]
    pub fn with_timestamp_type(mut self, timestamp_type: TimestampType) -> Self {
        self.timestamp_type = timestamp_type;
        self
    }

    /// Records appended so far.
    pub fn record_count(&self) -> usize {
        self.record_count
    }

    pub fn is_empty(&self) -> bool {
        self.record_count == 0
    }

    /// Uncompressed bytes of the records appended so far (what a producer compares against
    /// `batch.size`).
    pub fn uncompressed_records_size(&self) -> usize {
        self.records.len()
    }

    /// Appends a record with the next offset delta. A record too large for the format's
    /// 32-bit lengths makes `build` fail rather than this call.
    pub fn append(
        &mut self,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[RecordHeader],
    ) -> &mut Self {
        if self.error.is_some() {
            return self;
        }
        let Ok(offset_delta) = i32::try_from(self.record_count) else {
            self.error = Some(RecordError::TooLarge {
                what: "record count",
                size: self.record_count,
            });
            return self;
        };
        if self.record_count == 0 {
            self.base_timestamp = timestamp;
        }
        let timestamp_delta = timestamp.wrapping_sub(self.base_timestamp);
        match encode_record(
            &mut self.records,
            offset_delta,
            timestamp_delta,
            key,
            value,
            headers,
        ) {
            Ok(()) => {
                self.record_count += 1;
                self.max_timestamp = self.max_timestamp.max(timestamp);
            }
            Err(e) => self.error = Some(e),
        }
        self
    }

    fn attributes(&self) -> i16 {
        let mut attributes = i16::from(self.compression.id());
        if self.timestamp_type == TimestampType::LogAppendTime {
            attributes |= TIMESTAMP_TYPE_MASK;
        }
        if self.transactional {
            attributes |= TRANSACTIONAL_FLAG_MASK;
        }
        if self.control {
            attributes |= CONTROL_FLAG_MASK;
        }
        attributes
    }

    /// The finished batch. Fails on an empty builder (Kafka never writes a batch without
    /// records from a builder), on anything too large for the format, or if compression fails.
    pub fn build(&self) -> Result<Bytes, RecordError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if self.record_count == 0 {
            return Err(RecordError::EmptyBatch);
        }
        let too_large = |what, size| RecordError::TooLarge { what, size };
        let record_count = i32::try_from(self.record_count)
            .map_err(|_| too_large("record count", self.record_count))?;
        // Uncompressed records go into the batch as they are, with no intermediate copy.
        let compressed;
        let section: &[u8] = match self.compression {
            Compression::None => &self.records,
            codec => {
                compressed = compress(codec, &self.records)?;
                &compressed
            }
        };
        let length = section.len() + MIN_BATCH_LENGTH as usize;
        let batch_length = i32::try_from(length).map_err(|_| too_large("batch", length))?;
        let header = RecordBatchHeader {
            base_offset: self.base_offset,
            batch_length,
            partition_leader_epoch: self.partition_leader_epoch,
            magic: MAGIC_V2,
            crc: 0,
            attributes: self.attributes(),
            last_offset_delta: record_count - 1,
            base_timestamp: self.base_timestamp,
            max_timestamp: self.max_timestamp,
            producer_id: self.producer_id,
            producer_epoch: self.producer_epoch,
            base_sequence: self.base_sequence,
            record_count,
        };
        let mut batch = Vec::with_capacity(header.total_size());
        batch.extend_from_slice(&header.to_bytes());
        batch.extend_from_slice(section);
        let crc = compute_crc(&batch);
        batch[CRC_OFFSET..CRC_OFFSET + 4].copy_from_slice(&crc.to_be_bytes());
        Ok(Bytes::from(batch))
    }
}
