//! What decoding a request costs in memory beyond its frame, charged to the request budget
//! before the decoder runs.
//!
//! Decoded requests are wider than the wire: an empty string is 1 or 2 bytes on the wire and
//! a 24-byte `String` in memory, and an array element of 2 bytes can be a 64-byte struct. A
//! 20 MiB Metadata request of empty names grew the broker's memory by 650 MB. The decoder already
//! refuses counts the remaining bytes cannot hold, so the widening per request kind is
//! bounded; this module charges that bound before decoding, so that decoded requests, like
//! raw ones, fit `queued.max.request.bytes`.
//!
//! Produce is the exception that matters: its frames are mostly record bytes, which decode
//! without a copy, and legitimately reach `socket.request.max.bytes`. Its charge is computed
//! from its shape instead (a scan of its topic and partition arrays that skips the records),
//! so only the structure is charged at the wider rate.

use bytes::Bytes;
use strom_protocol::generated::ApiKey;
use strom_protocol::wire::{Reader, WireError};

/// The most bytes decoding any request other than Produce allocates per byte of its body.
/// The widest elements are 2-5 wire bytes that become 64-104-byte structs, one unknown
/// tagged field adding a 160-byte vector, and arrays grow by doubling: about 72 at worst. The
/// measured worst shapes (`tests/decode_widening.rs`) reach 61.
pub const DECODE_WIDENING_MAX: usize = 80;
/// Memory per decoded Produce topic entry and per partition entry, beyond their bytes.
const PRODUCE_TOPIC_BYTES: usize = 128;
const PRODUCE_PARTITION_BYTES: usize = 96;

/// Bytes to charge, beyond the body's own, before decoding `body` as `api_key` at `version`.
pub fn extra_charge(api_key: ApiKey, version: i16, body: &Bytes) -> usize {
    if api_key == ApiKey::Produce {
        return match produce_shape(version, body) {
            Ok((topics, partitions)) => {
                topics * PRODUCE_TOPIC_BYTES + partitions * PRODUCE_PARTITION_BYTES
            }
            // Malformed: the decoder refuses it before allocating much.
            Err(_) => 0,
        };
    }
    body.len() * (DECODE_WIDENING_MAX - 1)
}

/// The topic and partition entries of a Produce body, counted without decoding it.
fn produce_shape(version: i16, body: &Bytes) -> Result<(usize, usize), WireError> {
    let flexible = version >= 9;
    // A view of the same bytes: nothing is copied.
    let mut r = Reader::new(body.clone());
    skip_string(&mut r, flexible)?; // transactional_id
    r.i16()?; // acks
    r.i32()?; // timeout_ms
    let topics = array_len(&mut r, flexible)?;
    let mut partitions = 0usize;
    for _ in 0..topics {
        if version >= 13 {
            r.uuid()?;
        } else {
            skip_string(&mut r, flexible)?;
        }
        let count = array_len(&mut r, flexible)?;
        partitions += count;
        for _ in 0..count {
            r.i32()?; // index
            let len = if flexible {
                i64::from(r.unsigned_varint()?) - 1
            } else {
                i64::from(r.i32()?)
            };
            if len > 0 {
                r.take(len as usize, "records")?;
            }
            if flexible {
                skip_tags(&mut r)?;
            }
        }
        if flexible {
            skip_tags(&mut r)?;
        }
    }
    Ok((topics, partitions))
}

fn array_len(r: &mut Reader, flexible: bool) -> Result<usize, WireError> {
    let n = if flexible {
        i64::from(r.unsigned_varint()?) - 1
    } else {
        i64::from(r.i32()?)
    };
    Ok(n.max(0) as usize)
}

fn skip_string(r: &mut Reader, flexible: bool) -> Result<(), WireError> {
    let len = if flexible {
        i64::from(r.unsigned_varint()?) - 1
    } else {
        i64::from(r.i16()?)
    };
    if len > 0 {
        r.take(len as usize, "string")?;
    }
    Ok(())
}

fn skip_tags(r: &mut Reader) -> Result<(), WireError> {
    let count = r.unsigned_varint()?;
    for _ in 0..count {
        r.unsigned_varint()?;
        let len = r.unsigned_varint()?;
        r.take(len as usize, "tagged field")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::BytesMut;
    use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
    use strom_protocol::generated::{ProduceRequest, RequestBody};

    fn encoded(body: RequestBody, version: i16) -> Bytes {
        let mut buf = BytesMut::new();
        body.encode_into(&mut buf, version).unwrap();
        buf.freeze()
    }

    #[test]
    fn produce_is_charged_for_its_entries_not_its_records() {
        // A Produce of two topics and five partitions carrying 1 MB of records is charged for
        // seven entries at every version, and a non-Produce body for its widening.
        let newest = ApiKey::Produce.valid_versions().1;
        for version in [3, 8, 9, newest] {
            let request = ProduceRequest {
                acks: -1,
                topic_data: vec![
                    TopicProduceData {
                        name: "a".into(),
                        partition_data: (0..3)
                            .map(|i| PartitionProduceData {
                                index: i,
                                records: Some(vec![0u8; 350_000].into()),
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    },
                    TopicProduceData {
                        name: "b".into(),
                        partition_data: vec![PartitionProduceData::default(); 2],
                        ..Default::default()
                    },
                ],
                ..Default::default()
            };
            let body = encoded(request.into(), version);
            assert_eq!(
                extra_charge(ApiKey::Produce, version, &body),
                2 * PRODUCE_TOPIC_BYTES + 5 * PRODUCE_PARTITION_BYTES,
                "v{version}"
            );
        }
        assert_eq!(
            extra_charge(ApiKey::Metadata, 9, &Bytes::from_static(&[0; 100])),
            100 * (DECODE_WIDENING_MAX - 1)
        );
    }
}
