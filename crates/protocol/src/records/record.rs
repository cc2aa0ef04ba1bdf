//! One record of a v2 batch: its encoding, zero-copy decoding, and the iterator over a
//! batch's (decompressed) records section.
//!
//! A record is a varint-prefixed body; every integer below is a zigzag varint or varlong:
//!
//! ```text
//! length varint              bytes after this field
//! attributes i8              unused, always 0
//! timestampDelta varlong     timestamp - batch baseTimestamp
//! offsetDelta varint         offset - batch baseOffset
//! keyLength varint, key      -1 for a null key
//! valueLength varint, value  -1 for a null value
//! headerCount varint
//!   headerKeyLength varint, key (UTF-8, never null)
//!   headerValueLength varint, value (-1 for null)
//! ```
//!
//! Keys and values are returned as slices of the buffer they were read from (the batch or the
//! decompressed section), never copied. Every length is checked against the bytes of the
//! record itself, so a record cannot reach into its neighbour, and a header count cannot make
//! us reserve more entries than the record has bytes for.

use bytes::{BufMut, Bytes};

use super::RecordError;
use crate::wire::{Reader, WireError, WriteExt, varint_size, varlong_size};

/// The fewest bytes one encoded record can take: a one-byte length and a six-byte body
/// (attributes, and one-byte timestamp delta, offset delta, key length, value length and
/// header count).
pub const MIN_RECORD_SIZE: usize = 7;

/// A record header: a UTF-8 key and an optional value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordHeader {
    pub key: String,
    pub value: Option<Bytes>,
}

impl RecordHeader {
    pub fn new(key: impl Into<String>, value: Option<&[u8]>) -> Self {
        RecordHeader {
            key: key.into(),
            value: value.map(Bytes::copy_from_slice),
        }
    }
}

/// One decoded record. Offsets and timestamps are deltas from the batch header; use
/// [`Record::offset`] and [`Record::timestamp`] for absolute values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub attributes: i8,
    pub timestamp_delta: i64,
    pub offset_delta: i32,
    pub key: Option<Bytes>,
    pub value: Option<Bytes>,
    pub headers: Vec<RecordHeader>,
}

impl Record {
    /// The record's offset given its batch's `baseOffset`.
    pub fn offset(&self, base_offset: i64) -> i64 {
        base_offset.wrapping_add(i64::from(self.offset_delta))
    }

    /// The record's create time given its batch's `baseTimestamp`. For a LogAppendTime batch
    /// Kafka reports the batch's `maxTimestamp` for every record instead.
    pub fn timestamp(&self, base_timestamp: i64) -> i64 {
        base_timestamp.wrapping_add(self.timestamp_delta)
    }

    /// Decodes record number `index` from the front of `r`.
    pub(crate) fn decode(r: &mut Reader, index: usize) -> Result<Record, RecordError> {
        let bad = |reason: String| RecordError::BadRecord { index, reason };
        let wire = |e: WireError| RecordError::BadRecord {
            index,
            reason: e.to_string(),
        };
        let length = r.varint().map_err(wire)?;
        let length =
            usize::try_from(length).map_err(|_| bad(format!("negative record length {length}")))?;
        if length > r.remaining() {
            return Err(bad(format!(
                "record length {length} exceeds the {} bytes left in the batch",
                r.remaining()
            )));
        }
        let mut body = r.sub_reader(length, "record").map_err(wire)?;
        let attributes = body.i8().map_err(wire)?;
        let timestamp_delta = body.varlong().map_err(wire)?;
        let offset_delta = body.varint().map_err(wire)?;
        let key = read_nullable(&mut body, "key").map_err(bad)?;
        let value = read_nullable(&mut body, "value").map_err(bad)?;
        let header_count = body.varint().map_err(wire)?;
        let header_count = usize::try_from(header_count)
            .map_err(|_| bad(format!("negative header count {header_count}")))?;
        // Each header takes at least two bytes (its key length and value length).
        if header_count > body.remaining() / 2 {
            return Err(bad(format!(
                "header count {header_count} cannot fit in {} bytes",
                body.remaining()
            )));
        }
        let mut headers = Vec::with_capacity(header_count);
        for _ in 0..header_count {
            headers.push(read_header(&mut body).map_err(bad)?);
        }
        if body.remaining() != 0 {
            return Err(bad(format!(
                "{} bytes left over inside the record",
                body.remaining()
            )));
        }
        Ok(Record {
            attributes,
            timestamp_delta,
            offset_delta,
            key,
            value,
            headers,
        })
    }
}

/// A varint length and that many bytes; -1 is null, other negatives are errors.
fn read_nullable(r: &mut Reader, what: &'static str) -> Result<Option<Bytes>, String> {
    let length = r.varint().map_err(|e| format!("{what} length: {e}"))?;
    if length == -1 {
        return Ok(None);
    }
    let length = usize::try_from(length).map_err(|_| format!("invalid {what} length {length}"))?;
    r.take(length, what).map(Some).map_err(|e| e.to_string())
}

fn read_header(r: &mut Reader) -> Result<RecordHeader, String> {
    let key = read_nullable(r, "header key")?.ok_or("header key is null")?;
    let key = String::from_utf8(key.to_vec()).map_err(|_| "header key is not UTF-8")?;
    let value = read_nullable(r, "header value")?;
    Ok(RecordHeader { key, value })
}

fn length_of(value: Option<&[u8]>, what: &'static str) -> Result<i32, RecordError> {
    match value {
        None => Ok(-1),
        Some(v) => i32::try_from(v.len()).map_err(|_| RecordError::TooLarge {
            what,
            size: v.len(),
        }),
    }
}

fn nullable_size(length: i32) -> usize {
    varint_size(length) + usize::try_from(length).unwrap_or(0)
}

/// Appends one encoded record to `out`.
pub(crate) fn encode_record(
    out: &mut Vec<u8>,
    offset_delta: i32,
    timestamp_delta: i64,
    key: Option<&[u8]>,
    value: Option<&[u8]>,
    headers: &[RecordHeader],
) -> Result<(), RecordError> {
    let key_length = length_of(key, "record key")?;
    let value_length = length_of(value, "record value")?;
    let header_count = i32::try_from(headers.len()).map_err(|_| RecordError::TooLarge {
        what: "header count",
        size: headers.len(),
    })?;
    let mut body_size = 1
        + varlong_size(timestamp_delta)
        + varint_size(offset_delta)
        + nullable_size(key_length)
        + nullable_size(value_length)
        + varint_size(header_count);
    for h in headers {
        body_size += nullable_size(length_of(Some(h.key.as_bytes()), "header key")?);
        body_size += nullable_size(length_of(h.value.as_deref(), "header value")?);
    }
    let body_length = i32::try_from(body_size).map_err(|_| RecordError::TooLarge {
        what: "record",
        size: body_size,
    })?;
    out.reserve(varint_size(body_length) + body_size);
    out.put_varint(body_length);
    out.put_i8(0);
    out.put_varlong(timestamp_delta);
    out.put_varint(offset_delta);
    put_nullable(out, key);
    put_nullable(out, value);
    out.put_varint(header_count);
    for h in headers {
        put_nullable(out, Some(h.key.as_bytes()));
        put_nullable(out, h.value.as_deref());
    }
    Ok(())
}

/// Writes a length and bytes; lengths were checked to fit an i32 by `encode_record`.
fn put_nullable(out: &mut Vec<u8>, value: Option<&[u8]>) {
    match value {
        None => out.put_varint(-1),
        Some(v) => {
            out.put_varint(v.len() as i32);
            out.put_slice(v);
        }
    }
}

/// Iterates the records of one batch, in order, yielding an error (and then stopping) at the
/// first malformed record, when the records run out before `recordCount`, or when bytes
/// follow the last counted record.
#[derive(Debug, Clone)]
pub struct RecordIter {
    reader: Reader,
    record_count: usize,
    index: usize,
    done: bool,
}

impl RecordIter {
    pub(crate) fn new(section: Bytes, record_count: usize) -> Self {
        RecordIter {
            reader: Reader::new(section),
            record_count,
            index: 0,
            done: false,
        }
    }

    /// The number of records the batch header announces.
    pub fn record_count(&self) -> usize {
        self.record_count
    }
}

impl Iterator for RecordIter {
    type Item = Result<Record, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.index == self.record_count {
            self.done = true;
            let trailing = self.reader.remaining();
            return (trailing != 0).then_some(Err(RecordError::TrailingBytes { trailing }));
        }
        if self.reader.remaining() == 0 {
            self.done = true;
            return Some(Err(RecordError::RecordCountMismatch {
                expected: i32::try_from(self.record_count).unwrap_or(i32::MAX),
                actual: self.index,
            }));
        }
        let record = Record::decode(&mut self.reader, self.index);
        match record {
            Ok(_) => self.index += 1,
            Err(_) => self.done = true,
        }
        Some(record)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            (0, Some(0))
        } else {
            // One more item than records left, for a trailing-bytes error.
            (0, Some(self.record_count - self.index + 1))
        }
    }
}

impl std::iter::FusedIterator for RecordIter {}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(key: Option<&[u8]>, value: Option<&[u8]>, headers: &[RecordHeader]) -> Bytes {
        let mut out = Vec::new();
        encode_record(&mut out, 3, -5, key, value, headers).unwrap();
        Bytes::from(out)
    }

    #[test]
    fn record_round_trips_with_null_key_and_null_header_value() {
        // A record with a null key, a value and two headers (one with a null value) decodes
        // to exactly what was encoded, consuming every byte.
        let headers = [
            RecordHeader::new("a", Some(b"1")),
            RecordHeader::new("b", None),
        ];
        let bytes = encode(None, Some(b"value"), &headers);
        let mut r = Reader::new(bytes);
        let record = Record::decode(&mut r, 0).unwrap();
        assert_eq!(r.remaining(), 0);
        assert_eq!(record.key, None);
        assert_eq!(record.value.as_deref(), Some(&b"value"[..]));
        assert_eq!(record.headers, headers);
        assert_eq!((record.offset_delta, record.timestamp_delta), (3, -5));
        assert_eq!(record.offset(100), 103);
        assert_eq!(record.timestamp(1000), 995);
    }

    #[test]
    fn smallest_record_is_seven_bytes() {
        // A record with null key and value and no headers takes MIN_RECORD_SIZE bytes.
        let mut out = Vec::new();
        encode_record(&mut out, 0, 0, None, None, &[]).unwrap();
        assert_eq!(out.len(), MIN_RECORD_SIZE);
    }

    #[test]
    fn lying_lengths_are_errors() {
        // A record whose length, key length or header count overruns its bytes is BadRecord.
        let good = encode(
            Some(b"k"),
            Some(b"v"),
            &[RecordHeader::new("h", Some(b"x"))],
        );
        for (at, byte) in [(0, 0x7e), (0, 0x01), (4, 0x7e), (4, 0x05), (8, 0x7e)] {
            let mut bad = good.to_vec();
            bad[at] = byte;
            let got = Record::decode(&mut Reader::new(Bytes::from(bad)), 2);
            assert!(
                matches!(got, Err(RecordError::BadRecord { index: 2, .. })),
                "{at}: {got:?}"
            );
        }
    }

    #[test]
    fn iterator_reports_missing_and_trailing_records() {
        // Fewer records than counted, or bytes after the last counted record, end in an error.
        let one = encode(None, Some(b"v"), &[]);
        let got: Vec<_> = RecordIter::new(one.clone(), 2).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            Err(RecordError::RecordCountMismatch {
                expected: 2,
                actual: 1
            })
        );
        let mut two = one.to_vec();
        two.extend_from_slice(&one);
        let got: Vec<_> = RecordIter::new(Bytes::from(two), 1).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            Err(RecordError::TrailingBytes {
                trailing: one.len()
            })
        );
    }
}
