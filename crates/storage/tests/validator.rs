//! The append validator (Kafka's `LogValidator`): what a leader refuses before writing, for
//! every topic, and what it still lets a follower copy.

mod common;

use std::sync::Arc;

use bytes::BytesMut;
use common::*;
use proptest::prelude::*;
use strom_protocol::records::{
    Compression, RecordBatch, RecordBatchBuilder, RecordBatchHeader, TimestampType, compress,
    compute_crc,
};
use strom_storage::{
    AppendOrigin, CleanupPolicy, LeaderEpoch, LoadParams, LogConfig, Offset, StorageError,
    Timestamp,
};

const NOW: i64 = 1_700_000_000_000;
const HOUR: i64 = 60 * 60 * 1000;
const COORDINATOR: AppendOrigin = AppendOrigin::Coordinator {
    leader_epoch: LeaderEpoch(1),
};

/// A header's key and value, either of which may be null (or wrong) on purpose.
type RawHeader = (Option<Vec<u8>>, Option<Vec<u8>>);

/// One record as a test spells it, encoded by hand so that it can be wrong.
#[derive(Debug, Clone)]
struct Raw {
    timestamp_delta: i64,
    offset_delta: i32,
    key: Option<Vec<u8>>,
    value: Option<Vec<u8>>,
    headers: Vec<RawHeader>,
}

fn raw(offset_delta: i32) -> Raw {
    Raw {
        timestamp_delta: i64::from(offset_delta),
        offset_delta,
        key: Some(b"k".to_vec()),
        value: Some(b"value".to_vec()),
        headers: Vec::new(),
    }
}

fn put_varint(out: &mut Vec<u8>, v: i64) {
    let mut z = ((v << 1) ^ (v >> 63)) as u64;
    while z >= 0x80 {
        out.push((z as u8) | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

fn put_bytes(out: &mut Vec<u8>, b: &Option<Vec<u8>>) {
    match b {
        None => put_varint(out, -1),
        Some(b) => {
            put_varint(out, b.len() as i64);
            out.extend_from_slice(b);
        }
    }
}

fn encode(r: &Raw) -> Vec<u8> {
    let mut body = vec![0u8];
    put_varint(&mut body, r.timestamp_delta);
    put_varint(&mut body, i64::from(r.offset_delta));
    put_bytes(&mut body, &r.key);
    put_bytes(&mut body, &r.value);
    put_varint(&mut body, r.headers.len() as i64);
    for (k, v) in &r.headers {
        put_bytes(&mut body, k);
        put_bytes(&mut body, v);
    }
    let mut out = Vec::new();
    put_varint(&mut out, body.len() as i64);
    out.extend_from_slice(&body);
    out
}

/// A batch whose header says `count` records and `max_timestamp`, holding `section` (the
/// records, compressed with `codec`), with a correct CRC.
fn batch_of(section: &[u8], count: i32, max_timestamp: i64, codec: Compression) -> BytesMut {
    let section = compress(codec, section).unwrap();
    batch_with_section(&section, count, max_timestamp, codec)
}

/// As [`batch_of`], with `section` already compressed (or made up).
fn batch_with_section(
    section: &[u8],
    count: i32,
    max_timestamp: i64,
    codec: Compression,
) -> BytesMut {
    let header = RecordBatchHeader {
        base_offset: 0,
        batch_length: 49 + section.len() as i32,
        partition_leader_epoch: -1,
        magic: 2,
        crc: 0,
        attributes: i16::from(codec.id()),
        last_offset_delta: count - 1,
        base_timestamp: NOW,
        max_timestamp,
        producer_id: -1,
        producer_epoch: -1,
        base_sequence: -1,
        record_count: count,
    };
    let mut bytes = header.to_bytes().to_vec();
    bytes.extend_from_slice(section);
    fix_crc(&mut bytes);
    BytesMut::from(&bytes[..])
}

fn fix_crc(bytes: &mut [u8]) {
    let crc = compute_crc(bytes);
    bytes[17..21].copy_from_slice(&crc.to_be_bytes());
}

fn records_batch(records: &[Raw], codec: Compression) -> BytesMut {
    let section: Vec<u8> = records.iter().flat_map(encode).collect();
    let max = records
        .iter()
        .map(|r| NOW + r.timestamp_delta)
        .max()
        .unwrap_or(-1);
    batch_of(&section, records.len() as i32, max, codec)
}

fn config() -> LogConfig {
    LogConfig {
        message_timestamp_before_max_ms: Some(24 * HOUR),
        ..small_config()
    }
}

fn open_at_now(config: LogConfig) -> (tempfile::TempDir, Opened) {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(strom_storage::ManualClock::new(Timestamp(NOW)));
    let opened = open(dir.path(), config, clock, LoadParams::default());
    (dir, opened)
}

fn refused(o: &Opened, records: BytesMut, origin: AppendOrigin) -> StorageError {
    let e = o.log.append(records, origin).expect_err("refused");
    assert_eq!(
        o.log.log_end_offset(),
        Offset(0),
        "nothing written for {e:?}"
    );
    e
}

fn is_invalid_records(e: &StorageError) -> bool {
    matches!(e, StorageError::InvalidRecords { batch_index: 0, .. })
}

#[test]
fn a_well_formed_batch_is_accepted_in_every_codec() {
    // The hand-built records of every codec pass the validator and read back unchanged.
    for codec in Compression::ALL {
        let (_dir, o) = open_at_now(config());
        let records: Vec<Raw> = (0..5).map(raw).collect();
        let info = o
            .log
            .append(records_batch(&records, codec), EPOCH)
            .expect("accepted");
        assert_eq!(
            (info.first_offset, info.last_offset),
            (Offset(0), Offset(4))
        );
        let stored = read_all(&o.log);
        RecordBatch::new(stored[0].1.clone())
            .unwrap()
            .validate()
            .unwrap();
    }
}

#[test]
fn records_that_disagree_with_the_header_count_are_refused() {
    // Fewer or more records than recordCount says, in either codec, is INVALID_RECORD.
    for codec in [Compression::None, Compression::Lz4] {
        let (_dir, o) = open_at_now(config());
        let three: Vec<u8> = (0..3).map(raw).flat_map(|r| encode(&r)).collect();
        let e = refused(&o, batch_of(&three, 4, NOW + 2, codec), EPOCH);
        assert!(is_invalid_records(&e), "{codec:?} {e:?}");
        assert!(e.to_string().contains("record count"), "{e}");
        let e = refused(&o, batch_of(&three, 2, NOW + 2, codec), EPOCH);
        assert!(is_invalid_records(&e), "{codec:?} {e:?}");
    }
}

#[test]
fn offset_deltas_must_count_up_from_zero() {
    // Deltas 0, 2, 3 (a gap) or 1, 2, 3 (not starting at 0) are refused; 0, 1, 2 passes.
    let (_dir, o) = open_at_now(config());
    for deltas in [[0, 2, 3], [1, 2, 3], [0, 1, 1]] {
        let records: Vec<Raw> = deltas.iter().map(|&d| raw(d)).collect();
        let bytes: Vec<u8> = records.iter().flat_map(encode).collect();
        let e = refused(&o, batch_of(&bytes, 3, NOW + 3, Compression::None), EPOCH);
        assert!(is_invalid_records(&e), "{deltas:?}: {e:?}");
    }
    let records: Vec<Raw> = (0..3).map(raw).collect();
    o.log
        .append(records_batch(&records, Compression::None), EPOCH)
        .unwrap();
}

#[test]
fn broken_record_framing_is_refused() {
    // Bytes after the last record, a record length past the batch, a negative key length
    // other than -1, a null or non-UTF-8 header key: each is INVALID_RECORD.
    let (_dir, o) = open_at_now(config());
    let good = encode(&raw(0));
    let mut trailing = good.clone();
    trailing.push(0);
    let mut overlong = good.clone();
    overlong[0] = 0x7e;
    let mut negative_key = raw(0);
    negative_key.key = None;
    let mut negative_key = encode(&negative_key);
    // The key length varint (-1, 0x01) becomes -2 (0x03).
    let at = negative_key.iter().position(|&b| b == 0x01).unwrap();
    negative_key[at] = 0x03;
    let mut null_header = raw(0);
    null_header.headers = vec![(None, Some(b"v".to_vec()))];
    let mut bad_utf8 = raw(0);
    bad_utf8.headers = vec![(Some(vec![0xff, 0xfe]), None)];
    for (name, section) in [
        ("trailing", trailing),
        ("overlong", overlong),
        ("negative key", negative_key),
        ("null header key", encode(&null_header)),
        ("non-UTF-8 header key", encode(&bad_utf8)),
    ] {
        let e = refused(&o, batch_of(&section, 1, NOW, Compression::None), EPOCH);
        assert!(is_invalid_records(&e), "{name}: {e:?}");
    }
}

#[test]
fn timestamps_outside_the_configured_bounds_are_invalid_timestamp() {
    // A CreateTime record more than after.max.ms ahead or before.max.ms behind the broker's
    // clock refuses the batch with INVALID_TIMESTAMP, naming each such record; -1 and
    // in-range timestamps pass.
    let (_dir, o) = open_at_now(config());
    let mut records: Vec<Raw> = (0..4).map(raw).collect();
    records[1].timestamp_delta = 2 * HOUR;
    records[3].timestamp_delta = -25 * HOUR;
    let e = refused(&o, records_batch(&records, Compression::None), EPOCH);
    let StorageError::InvalidTimestamp { record_errors, .. } = &e else {
        panic!("{e:?}");
    };
    let indexes: Vec<i32> = record_errors.iter().map(|r| r.record_index).collect();
    assert_eq!(indexes, vec![1, 3]);
    assert!(record_errors[0].message.contains("out of range"), "{e:?}");
    records[1].timestamp_delta = HOUR - 1;
    records[3].timestamp_delta = -23 * HOUR;
    o.log
        .append(records_batch(&records, Compression::Gzip), EPOCH)
        .unwrap();
    // No timestamp at all (a base of -1 and zero deltas) is not checked.
    let section = encode(&Raw {
        timestamp_delta: 0,
        ..raw(0)
    });
    let mut none = batch_of(&section, 1, -1, Compression::None);
    none[27..35].copy_from_slice(&(-1i64).to_be_bytes());
    fix_crc(&mut none);
    o.log.append(none, EPOCH).unwrap();
}

#[test]
fn log_append_time_topics_do_not_check_producer_timestamps() {
    // On a LogAppendTime topic a producer's far-future timestamp is kept (the broker stamps
    // the batch), but a producer batch that claims LogAppendTime itself is refused anywhere.
    let (_dir, o) = open_at_now(LogConfig {
        message_timestamp_type: TimestampType::LogAppendTime,
        ..config()
    });
    let mut records = vec![raw(0)];
    records[0].timestamp_delta = 100 * HOUR;
    let info = o
        .log
        .append(records_batch(&records, Compression::None), EPOCH)
        .unwrap();
    assert_eq!(info.log_append_time, Some(Timestamp(NOW)));
    let mut claims = records_batch(&[raw(0)], Compression::None);
    claims[22] |= 0x08;
    fix_crc(&mut claims);
    let e = o.log.append(claims, EPOCH).unwrap_err();
    assert!(matches!(e, StorageError::InvalidTimestamp { .. }), "{e:?}");
}

#[test]
fn a_lying_max_timestamp_is_corrected_as_kafka_does() {
    // The header's maxTimestamp is set to the records' newest timestamp (with a new CRC), so
    // the time index and retention follow the records, not the header.
    let (_dir, o) = open_at_now(config());
    let records: Vec<Raw> = (0..3).map(raw).collect();
    let section: Vec<u8> = records.iter().flat_map(encode).collect();
    let lying = batch_of(&section, 3, NOW + 1000 * HOUR, Compression::None);
    let info = o.log.append(lying, EPOCH).unwrap();
    assert_eq!(info.max_timestamp, Timestamp(NOW + 2));
    let stored = RecordBatch::new(read_all(&o.log)[0].1.clone()).unwrap();
    assert_eq!(stored.header().max_timestamp, NOW + 2);
    stored.verify_crc().unwrap();
    assert_eq!(
        o.log.max_timestamp_offset().unwrap(),
        Some((Offset(2), Timestamp(NOW + 2)))
    );
}

#[test]
fn a_decompression_bomb_is_refused_within_the_bound() {
    // A small compressed batch whose records would inflate past max.message.bytes x the
    // ratio is refused with INVALID_RECORD in every codec; the bound is what the validator
    // allocates at most.
    let config = LogConfig {
        max_message_bytes: 8 * 1024,
        ..config()
    };
    assert_eq!(config.decompressed_batch_bytes_max(), 512 * 1024);
    // Snappy cannot inflate that far, but its stream announces a length up front: one that
    // claims a gigabyte is refused before anything is decoded.
    let mut claim = Vec::new();
    let mut n: u64 = 1 << 30;
    while n >= 0x80 {
        claim.push((n as u8) | 0x80);
        n >>= 7;
    }
    claim.push(n as u8);
    claim.extend_from_slice(&[0; 16]);
    let (_dir, o) = open_at_now(config.clone());
    let e = refused(
        &o,
        batch_with_section(&claim, 1, NOW, Compression::Snappy),
        EPOCH,
    );
    assert!(is_invalid_records(&e), "snappy: {e:?}");
    for codec in [Compression::Gzip, Compression::Lz4, Compression::Zstd] {
        let (_dir, o) = open_at_now(config.clone());
        let mut record = raw(0);
        record.value = Some(vec![0u8; 1024 * 1024]);
        let bomb = records_batch(&[record], codec);
        assert!(bomb.len() < 8 * 1024, "{codec:?} {}", bomb.len());
        let e = refused(&o, bomb, EPOCH);
        assert!(is_invalid_records(&e), "{codec:?}: {e:?}");
        assert!(e.to_string().contains("decompress"), "{e}");
    }
}

#[test]
fn client_batch_rules_follow_kafka() {
    // A client may not write a control batch, more than one batch at once, or a producer id
    // without a sequence; the coordinator may write several batches.
    let (_dir, o) = open_at_now(config());
    let mut control = records_batch(&[raw(0)], Compression::None);
    control[22] |= 0x20;
    fix_crc(&mut control);
    let e = refused(&o, control, EPOCH);
    assert!(matches!(e, StorageError::InvalidRecord { .. }), "{e:?}");
    let mut two = records_batch(&[raw(0)], Compression::None);
    two.extend_from_slice(&records_batch(&[raw(0)], Compression::None));
    let e = refused(&o, two.clone(), EPOCH);
    assert!(
        matches!(e, StorageError::InvalidRecord { batch_index: 1, .. }),
        "{e:?}"
    );
    let mut b = RecordBatchBuilder::new(Compression::None, 0).with_producer(7, 0, -1);
    b.append(NOW, Some(b"k"), Some(b"v"), &[]);
    let unsequenced = BytesMut::from(&b.build().unwrap()[..]);
    let e = refused(&o, unsequenced, EPOCH);
    assert!(matches!(e, StorageError::InvalidRecord { .. }), "{e:?}");
    let info = o.log.append(two, COORDINATOR).unwrap();
    assert_eq!(info.batches, 2);
}

#[test]
fn replicated_batches_keep_the_followers_lighter_checks() {
    // A follower copies what its leader accepted: a batch with a gap in its offset deltas (as
    // the cleaner leaves) is appended when replicated, though a client could not write it.
    let (_dir, o) = open_at_now(config());
    let records = [raw(0), raw(2)];
    let bytes: Vec<u8> = records.iter().flat_map(encode).collect();
    let mut gap = batch_of(&bytes, 2, NOW + 2, Compression::None);
    gap[23..27].copy_from_slice(&2i32.to_be_bytes());
    fix_crc(&mut gap);
    o.log.append(gap, AppendOrigin::Replication).unwrap();
    assert_eq!(o.log.log_end_offset(), Offset(3));
}

#[test]
fn compacted_topics_refuse_keyless_records_from_followers_too() {
    // Keys are checked on every origin of a compacted topic: the cleaner could not keep a
    // record without one.
    let (_dir, o) = open_at_now(LogConfig {
        cleanup_policy: CleanupPolicy::Compact,
        ..config()
    });
    let mut keyless = raw(0);
    keyless.key = None;
    let e = refused(
        &o,
        records_batch(&[keyless], Compression::None),
        AppendOrigin::Replication,
    );
    assert_eq!(e.record_errors().len(), 1, "{e:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Mutating a valid batch's records (and fixing up its CRC) never makes the validator
    /// panic, and it accepts exactly the batches that the protocol crate's strict decoder
    /// reads back whole: what the log stores, every reader of the broker can read.
    #[test]
    fn the_validator_agrees_with_the_strict_decoder(
        count in 1usize..5,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        cut in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let records: Vec<Raw> = (0..count as i32).map(raw).collect();
        let mut section: Vec<u8> = records.iter().flat_map(encode).collect();
        for (at, byte) in flips {
            let at = at.index(section.len());
            section[at] = byte;
        }
        if let Some(cut) = cut {
            section.truncate(cut.index(section.len()));
        }
        let bytes = batch_of(&section, count as i32, NOW + count as i64 - 1, Compression::None);
        let strict = RecordBatch::new(bytes.clone().freeze()).unwrap().validate();
        let (_dir, o) = open_at_now(LogConfig {
            message_timestamp_after_max_ms: None,
            message_timestamp_before_max_ms: None,
            ..config()
        });
        let appended = o.log.append(bytes, EPOCH);
        prop_assert_eq!(appended.is_ok(), strict.is_ok(), "{:?} vs {:?}", appended, strict);
    }
}
