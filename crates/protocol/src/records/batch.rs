//! A whole v2 record batch as bytes, and the iterator that splits a record set (batches laid
//! end to end, as in a Produce request, a Fetch response or a `.log` segment) into batches.
//!
//! A [`RecordBatch`] owns a `Bytes` slice of exactly one batch and its decoded header; it
//! never copies the bytes, so the broker can pass a produced batch to the log unchanged.
//! Reading its records (decompressing if needed) and validating them are separate, explicit
//! steps, because the produce path only needs the header and the CRC.

use bytes::Bytes;

use super::compression::{MAX_DECOMPRESSED_BATCH_BYTES, decompress};
use super::header::RECORD_BATCH_HEADER_SIZE;
use super::record::RecordIter;
use super::{Compression, RecordBatchHeader, RecordError, compute_crc};

/// Exactly one v2 record batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordBatch {
    header: RecordBatchHeader,
    bytes: Bytes,
}

impl RecordBatch {
    /// Wraps `bytes`, which must hold exactly one batch: its header parses and its
    /// `batchLength + 12` equals `bytes.len()`. The CRC is not checked here.
    pub fn new(bytes: Bytes) -> Result<Self, RecordError> {
        let header = RecordBatchHeader::parse(&bytes)?;
        let expected = header.total_size();
        if bytes.len() < expected {
            return Err(RecordError::Truncated {
                needed: expected,
                available: bytes.len(),
            });
        }
        if bytes.len() > expected {
            return Err(RecordError::SizeMismatch {
                expected,
                actual: bytes.len(),
            });
        }
        Ok(RecordBatch { header, bytes })
    }

    pub fn header(&self) -> &RecordBatchHeader {
        &self.header
    }

    /// The batch's bytes, exactly as received.
    pub fn as_bytes(&self) -> &Bytes {
        &self.bytes
    }

    pub fn into_bytes(self) -> Bytes {
        self.bytes
    }

    /// Bytes the batch occupies (`batchLength + 12`).
    pub fn size_in_bytes(&self) -> usize {
        self.bytes.len()
    }

    /// Checks the stored CRC32C against the bytes from the attributes to the end.
    pub fn verify_crc(&self) -> Result<(), RecordError> {
        let computed = compute_crc(&self.bytes);
        if computed != self.header.crc {
            return Err(RecordError::CrcMismatch {
                stored: self.header.crc,
                computed,
            });
        }
        Ok(())
    }

    /// The records, decompressing the section first if the batch is compressed, with at most
    /// [`MAX_DECOMPRESSED_BATCH_BYTES`] of decompressed output.
    pub fn records(&self) -> Result<RecordIter, RecordError> {
        self.records_with_limit(MAX_DECOMPRESSED_BATCH_BYTES)
    }

    /// The records, failing if decompression would produce more than `max_decompressed_bytes`.
    ///
    /// A batch that counts zero records yields nothing and is not decompressed, as in Kafka:
    /// the log cleaner keeps emptied batches (for producer state) with an empty section.
    pub fn records_with_limit(
        &self,
        max_decompressed_bytes: usize,
    ) -> Result<RecordIter, RecordError> {
        let compression = self.header.compression()?;
        let record_count = usize::try_from(self.header.record_count).map_err(|_| {
            RecordError::RecordCountMismatch {
                expected: self.header.record_count,
                actual: 0,
            }
        })?;
        if record_count == 0 {
            return Ok(RecordIter::new(Bytes::new(), 0));
        }
        let section = self.bytes.slice(RECORD_BATCH_HEADER_SIZE..);
        let section = match compression {
            Compression::None => section,
            codec => Bytes::from(decompress(codec, &section, max_decompressed_bytes)?),
        };
        Ok(RecordIter::new(section, record_count))
    }

    /// Everything a broker checks before accepting a produced batch: the CRC, the codec,
    /// that every record decodes and their number equals `recordCount`, and that offset
    /// deltas strictly increase within `0..=lastOffsetDelta` with the last equal to
    /// `lastOffsetDelta`.
    ///
    /// A batch rewritten by Kafka's log cleaner can fail the last rule legitimately (it keeps
    /// the original `lastOffsetDelta` after removing records); use
    /// [`RecordBatch::validate_compacted`] for batches read back from a compacted log.
    pub fn validate(&self) -> Result<(), RecordError> {
        self.validate_records(true)
    }

    /// [`RecordBatch::validate`] without requiring the last record's offset delta to equal
    /// `lastOffsetDelta`.
    pub fn validate_compacted(&self) -> Result<(), RecordError> {
        self.validate_records(false)
    }

    fn validate_records(&self, last_must_match: bool) -> Result<(), RecordError> {
        self.verify_crc()?;
        let last_offset_delta = self.header.last_offset_delta;
        let mut next_minimum: i64 = 0;
        let mut last: Option<(usize, i32)> = None;
        for (index, record) in self.records()?.enumerate() {
            let offset_delta = record?.offset_delta;
            if i64::from(offset_delta) < next_minimum || offset_delta > last_offset_delta {
                return Err(RecordError::BadOffsetDelta {
                    index,
                    offset_delta,
                    expected: format!("{next_minimum}..={last_offset_delta}"),
                });
            }
            next_minimum = i64::from(offset_delta) + 1;
            last = Some((index, offset_delta));
        }
        if let Some((index, offset_delta)) = last
            && last_must_match
            && offset_delta != last_offset_delta
        {
            return Err(RecordError::BadOffsetDelta {
                index,
                offset_delta,
                expected: last_offset_delta.to_string(),
            });
        }
        Ok(())
    }
}

/// Splits a record set into batches without copying. Stops after the first error: a header
/// that does not parse, or a batch that runs past the end ([`RecordError::Truncated`], which
/// at the end of a segment or a size-limited Fetch response is expected rather than
/// corruption). CRCs are not checked here.
#[derive(Debug, Clone)]
pub struct BatchIter {
    bytes: Bytes,
    position: usize,
    done: bool,
}

impl BatchIter {
    pub fn new(bytes: Bytes) -> Self {
        BatchIter {
            bytes,
            position: 0,
            done: false,
        }
    }

    /// Bytes consumed by the complete batches returned so far: where a recovering log
    /// truncates after the iterator stops with an error.
    pub fn valid_bytes(&self) -> usize {
        self.position
    }

    /// Bytes not yet consumed.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.position
    }
}

impl Iterator for BatchIter {
    type Item = Result<RecordBatch, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.bytes.get(self.position..).unwrap_or_default();
        if self.done || rest.is_empty() {
            return None;
        }
        let header = match RecordBatchHeader::parse(rest) {
            Ok(header) => header,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        let size = header.total_size();
        if rest.len() < size {
            self.done = true;
            return Some(Err(RecordError::Truncated {
                needed: size,
                available: rest.len(),
            }));
        }
        let bytes = self.bytes.slice(self.position..self.position + size);
        self.position += size;
        Some(Ok(RecordBatch { header, bytes }))
    }
}

impl std::iter::FusedIterator for BatchIter {}
