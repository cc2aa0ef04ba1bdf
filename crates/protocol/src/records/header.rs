//! The fixed 61-byte header of a v2 record batch, its attribute bits, its CRC32C, and the
//! in-place edits a broker makes to a batch it has accepted.
//!
//! Every field is big-endian, at a fixed position:
//!
//! ```text
//!  0 baseOffset i64          27 baseTimestamp i64       53 baseSequence i32
//!  8 batchLength i32         35 maxTimestamp i64        57 recordCount i32
//! 12 partitionLeaderEpoch i32 43 producerId i64         61 records...
//! 16 magic i8 (= 2)          51 producerEpoch i16
//! 17 crc u32 (CRC32C of bytes 21..end)
//! 21 attributes i16
//! 23 lastOffsetDelta i32
//! ```
//!
//! `batchLength` counts the bytes after itself, so a batch occupies `batchLength + 12` bytes.
//! The CRC starts at the attributes on purpose: the broker rewrites `baseOffset` (offset
//! assignment) and `partitionLeaderEpoch` (stamping) without recomputing it. Stamping
//! LogAppendTime changes covered bytes and so does recompute it.

use bytes::Buf;

use super::RecordError;

/// Bytes before `batchLength`'s payload: `baseOffset` (i64) and `batchLength` (i32).
pub const LOG_OVERHEAD: usize = 12;
/// The whole v2 header, up to and including `recordCount`.
pub const RECORD_BATCH_HEADER_SIZE: usize = 61;
/// The only message format this crate reads and writes.
pub const MAGIC_V2: i8 = 2;
/// The smallest legal `batchLength`: a header with no records.
pub const MIN_BATCH_LENGTH: i32 = (RECORD_BATCH_HEADER_SIZE - LOG_OVERHEAD) as i32;

/// `producerId` of a batch written without idempotence.
pub const NO_PRODUCER_ID: i64 = -1;
/// `producerEpoch` of a batch written without idempotence.
pub const NO_PRODUCER_EPOCH: i16 = -1;
/// `baseSequence` of a batch written without idempotence.
pub const NO_SEQUENCE: i32 = -1;
/// `partitionLeaderEpoch` before a leader has stamped the batch.
pub const NO_PARTITION_LEADER_EPOCH: i32 = -1;
/// A timestamp that is absent (an empty batch's base and max timestamps).
pub const NO_TIMESTAMP: i64 = -1;

pub(crate) const BASE_OFFSET_OFFSET: usize = 0;
pub(crate) const PARTITION_LEADER_EPOCH_OFFSET: usize = 12;
pub(crate) const MAGIC_OFFSET: usize = 16;
pub(crate) const CRC_OFFSET: usize = 17;
pub(crate) const ATTRIBUTES_OFFSET: usize = 21;
pub(crate) const MAX_TIMESTAMP_OFFSET: usize = 35;

pub(crate) const COMPRESSION_CODEC_MASK: i16 = 0x07;
pub(crate) const TIMESTAMP_TYPE_MASK: i16 = 0x08;
pub(crate) const TRANSACTIONAL_FLAG_MASK: i16 = 0x10;
pub(crate) const CONTROL_FLAG_MASK: i16 = 0x20;
pub(crate) const DELETE_HORIZON_FLAG_MASK: i16 = 0x40;

/// The codec of a batch's records section (attributes bits 0-2). Kafka compresses the whole
/// records section as one stream; the header stays uncompressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Compression {
    #[default]
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

impl Compression {
    /// Every codec, in id order.
    pub const ALL: [Compression; 5] = [
        Compression::None,
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ];

    /// The codec with Kafka's id `id` (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd).
    pub fn from_id(id: u8) -> Result<Self, RecordError> {
        match id {
            0 => Ok(Compression::None),
            1 => Ok(Compression::Gzip),
            2 => Ok(Compression::Snappy),
            3 => Ok(Compression::Lz4),
            4 => Ok(Compression::Zstd),
            other => Err(RecordError::UnknownCompression(other)),
        }
    }

    /// Kafka's id of the codec, as stored in attributes bits 0-2.
    pub fn id(self) -> u8 {
        match self {
            Compression::None => 0,
            Compression::Gzip => 1,
            Compression::Snappy => 2,
            Compression::Lz4 => 3,
            Compression::Zstd => 4,
        }
    }

    /// Kafka's configuration name of the codec (`compression.type`).
    pub fn name(self) -> &'static str {
        match self {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Snappy => "snappy",
            Compression::Lz4 => "lz4",
            Compression::Zstd => "zstd",
        }
    }
}

/// What the record timestamps of a batch mean (attributes bit 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TimestampType {
    /// Set by the producer.
    #[default]
    CreateTime,
    /// Set by the broker on append; the batch's `maxTimestamp` then holds the append time.
    LogAppendTime,
}

/// The decoded fixed header of a v2 record batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordBatchHeader {
    pub base_offset: i64,
    pub batch_length: i32,
    pub partition_leader_epoch: i32,
    pub magic: i8,
    pub crc: u32,
    pub attributes: i16,
    pub last_offset_delta: i32,
    pub base_timestamp: i64,
    pub max_timestamp: i64,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub base_sequence: i32,
    pub record_count: i32,
}

impl RecordBatchHeader {
    /// Decodes the header at the start of `buf`, which may hold more than one batch.
    ///
    /// Checks only what the header alone can prove: the magic is 2 and `batchLength` covers at
    /// least a header. It does not check that the whole batch is present, nor the CRC.
    pub fn parse(buf: &[u8]) -> Result<Self, RecordError> {
        // The magic is checked first when visible, so that an old-format batch (whose header
        // may be shorter than 61 bytes) is reported as such rather than as truncated.
        if let Some(&magic) = buf.get(MAGIC_OFFSET) {
            let magic = magic as i8;
            if magic != MAGIC_V2 {
                return Err(RecordError::BadMagic { magic });
            }
        }
        let Some(head) = buf.first_chunk::<RECORD_BATCH_HEADER_SIZE>() else {
            return Err(RecordError::Truncated {
                needed: RECORD_BATCH_HEADER_SIZE,
                available: buf.len(),
            });
        };
        // `head` has exactly the 61 bytes the reads below consume, so none can run short.
        let mut b: &[u8] = head;
        let header = RecordBatchHeader {
            base_offset: b.get_i64(),
            batch_length: b.get_i32(),
            partition_leader_epoch: b.get_i32(),
            magic: b.get_i8(),
            crc: b.get_u32(),
            attributes: b.get_i16(),
            last_offset_delta: b.get_i32(),
            base_timestamp: b.get_i64(),
            max_timestamp: b.get_i64(),
            producer_id: b.get_i64(),
            producer_epoch: b.get_i16(),
            base_sequence: b.get_i32(),
            record_count: b.get_i32(),
        };
        if header.batch_length < MIN_BATCH_LENGTH {
            return Err(RecordError::BadLength {
                batch_length: header.batch_length,
            });
        }
        Ok(header)
    }

    /// The header's 61 bytes, exactly as [`RecordBatchHeader::parse`] reads them.
    pub fn to_bytes(&self) -> [u8; RECORD_BATCH_HEADER_SIZE] {
        let mut out = [0u8; RECORD_BATCH_HEADER_SIZE];
        let mut w: &mut [u8] = &mut out;
        // Thirteen fields totalling 61 bytes fill `out` exactly.
        bytes::BufMut::put_i64(&mut w, self.base_offset);
        bytes::BufMut::put_i32(&mut w, self.batch_length);
        bytes::BufMut::put_i32(&mut w, self.partition_leader_epoch);
        bytes::BufMut::put_i8(&mut w, self.magic);
        bytes::BufMut::put_u32(&mut w, self.crc);
        bytes::BufMut::put_i16(&mut w, self.attributes);
        bytes::BufMut::put_i32(&mut w, self.last_offset_delta);
        bytes::BufMut::put_i64(&mut w, self.base_timestamp);
        bytes::BufMut::put_i64(&mut w, self.max_timestamp);
        bytes::BufMut::put_i64(&mut w, self.producer_id);
        bytes::BufMut::put_i16(&mut w, self.producer_epoch);
        bytes::BufMut::put_i32(&mut w, self.base_sequence);
        bytes::BufMut::put_i32(&mut w, self.record_count);
        out
    }

    /// The codec of the records section.
    pub fn compression(&self) -> Result<Compression, RecordError> {
        Compression::from_id((self.attributes & COMPRESSION_CODEC_MASK) as u8)
    }

    pub fn timestamp_type(&self) -> TimestampType {
        if self.attributes & TIMESTAMP_TYPE_MASK != 0 {
            TimestampType::LogAppendTime
        } else {
            TimestampType::CreateTime
        }
    }

    /// Whether the batch belongs to a transaction (attributes bit 4).
    pub fn is_transactional(&self) -> bool {
        self.attributes & TRANSACTIONAL_FLAG_MASK != 0
    }

    /// Whether the batch holds control records such as commit/abort markers (bit 5).
    pub fn is_control(&self) -> bool {
        self.attributes & CONTROL_FLAG_MASK != 0
    }

    /// Whether the log cleaner set `baseTimestamp` to the delete horizon (bit 6).
    pub fn has_delete_horizon(&self) -> bool {
        self.attributes & DELETE_HORIZON_FLAG_MASK != 0
    }

    /// The offset of the batch's last record (`baseOffset + lastOffsetDelta`). Wraps as Java
    /// does rather than panicking on a hostile header.
    pub fn last_offset(&self) -> i64 {
        self.base_offset
            .wrapping_add(i64::from(self.last_offset_delta))
    }

    /// The offset after the batch's last record.
    pub fn next_offset(&self) -> i64 {
        self.last_offset().wrapping_add(1)
    }

    /// Bytes the whole batch occupies: `batchLength + 12`.
    pub fn total_size(&self) -> usize {
        usize::try_from(self.batch_length).unwrap_or(0) + LOG_OVERHEAD
    }
}

/// CRC32C of `batch[21..]` (attributes to the end), the value a v2 header stores. A buffer
/// shorter than 21 bytes covers nothing and yields the CRC of no bytes.
pub fn compute_crc(batch: &[u8]) -> u32 {
    crc32c::crc32c(batch.get(ATTRIBUTES_OFFSET..).unwrap_or_default())
}

fn write_at(batch: &mut [u8], at: usize, field: &[u8]) {
    if let Some(dst) = batch.get_mut(at..at + field.len()) {
        dst.copy_from_slice(field);
    }
}

/// Overwrites `baseOffset` in place, as the leader does when it assigns offsets. The field is
/// not covered by the CRC, so the batch stays valid. A buffer too short to hold the field is
/// left unchanged.
pub fn set_base_offset(batch: &mut [u8], offset: i64) {
    write_at(batch, BASE_OFFSET_OFFSET, &offset.to_be_bytes());
}

/// Overwrites `partitionLeaderEpoch` in place, as the leader does on append. Not covered by
/// the CRC. A buffer too short to hold the field is left unchanged.
pub fn set_partition_leader_epoch(batch: &mut [u8], epoch: i32) {
    write_at(batch, PARTITION_LEADER_EPOCH_OFFSET, &epoch.to_be_bytes());
}

/// Stamps the batch with the broker's append time, as Kafka does for topics with
/// `message.timestamp.type=LogAppendTime`: sets the timestamp-type bit, writes `timestamp`
/// to `maxTimestamp` and recomputes the CRC (both fields are covered by it). Record
/// timestamps are left alone; readers take the batch's `maxTimestamp` for every record.
/// A buffer shorter than a header is left unchanged.
pub fn set_log_append_time(batch: &mut [u8], timestamp: i64) {
    if batch.len() < RECORD_BATCH_HEADER_SIZE {
        return;
    }
    let Some(&[hi, lo]) = batch.get(ATTRIBUTES_OFFSET..ATTRIBUTES_OFFSET + 2) else {
        return;
    };
    let attributes = i16::from_be_bytes([hi, lo]) | TIMESTAMP_TYPE_MASK;
    write_at(batch, ATTRIBUTES_OFFSET, &attributes.to_be_bytes());
    write_at(batch, MAX_TIMESTAMP_OFFSET, &timestamp.to_be_bytes());
    let crc = compute_crc(batch);
    write_at(batch, CRC_OFFSET, &crc.to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> RecordBatchHeader {
        RecordBatchHeader {
            base_offset: 0x0102_0304_0506_0708,
            batch_length: 49,
            partition_leader_epoch: 7,
            magic: 2,
            crc: 0xdead_beef,
            attributes: 0x0033,
            last_offset_delta: 4,
            base_timestamp: 1_700_000_000_000,
            max_timestamp: 1_700_000_000_123,
            producer_id: 42,
            producer_epoch: 3,
            base_sequence: 9,
            record_count: 5,
        }
    }

    #[test]
    fn header_bytes_round_trip_at_kafka_positions() {
        // Encoding a header and parsing it back is the identity, and fields sit where Kafka
        // puts them (magic at 16, crc at 17, attributes at 21, record count at 57).
        let h = sample();
        let bytes = h.to_bytes();
        assert_eq!(bytes[16], 2);
        assert_eq!(&bytes[17..21], &0xdead_beef_u32.to_be_bytes());
        assert_eq!(&bytes[21..23], &0x0033_i16.to_be_bytes());
        assert_eq!(&bytes[57..61], &5_i32.to_be_bytes());
        assert_eq!(RecordBatchHeader::parse(&bytes), Ok(h));
    }

    #[test]
    fn attribute_bits_decode_to_flags() {
        // Attributes 0x0033 mean lz4, CreateTime, transactional, control, no delete horizon.
        let h = sample();
        assert_eq!(h.compression(), Ok(Compression::Lz4));
        assert_eq!(h.timestamp_type(), TimestampType::CreateTime);
        assert!(h.is_transactional());
        assert!(h.is_control());
        assert!(!h.has_delete_horizon());
        assert_eq!(h.last_offset(), 0x0102_0304_0506_070c);
        assert_eq!(h.total_size(), 61);
        let h = RecordBatchHeader {
            attributes: 0x0045,
            ..h
        };
        assert_eq!(h.compression(), Err(RecordError::UnknownCompression(5)));
        assert!(h.has_delete_horizon());
    }

    #[test]
    fn parse_rejects_bad_magic_short_length_and_short_buffer() {
        // A header with magic 1, batchLength 48, or fewer than 61 bytes is an error.
        let bytes = sample().to_bytes();
        let mut old = bytes;
        old[16] = 1;
        assert_eq!(
            RecordBatchHeader::parse(&old),
            Err(RecordError::BadMagic { magic: 1 })
        );
        assert_eq!(
            RecordBatchHeader::parse(&old[..20]),
            Err(RecordError::BadMagic { magic: 1 })
        );
        let short = RecordBatchHeader {
            batch_length: 48,
            ..sample()
        }
        .to_bytes();
        assert_eq!(
            RecordBatchHeader::parse(&short),
            Err(RecordError::BadLength { batch_length: 48 })
        );
        for len in 0..RECORD_BATCH_HEADER_SIZE {
            assert!(matches!(
                RecordBatchHeader::parse(&bytes[..len]),
                Err(RecordError::Truncated { needed: 61, .. })
            ));
        }
    }

    #[test]
    fn setters_ignore_buffers_too_short_for_their_field() {
        // In-place setters never panic, even on a buffer that cannot hold the field.
        for len in 0..RECORD_BATCH_HEADER_SIZE {
            let mut buf = vec![0u8; len];
            set_base_offset(&mut buf, 1);
            set_partition_leader_epoch(&mut buf, 1);
            set_log_append_time(&mut buf, 1);
        }
        assert_eq!(compute_crc(&[1, 2, 3]), crc32c::crc32c(&[]));
    }
}
