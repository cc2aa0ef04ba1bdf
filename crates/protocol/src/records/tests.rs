//! Batch-level tests: builder round trips for every codec, CRC coverage, the in-place edits,
//! validation rules, and that no input (truncated, random or mutated) makes the code panic.

use bytes::Bytes;
use proptest::prelude::*;

use super::header::{ATTRIBUTES_OFFSET, CRC_OFFSET};
use super::record::encode_record;
use super::*;

/// What a test appends: timestamp, key, value, headers.
type Input = (i64, Option<Vec<u8>>, Option<Vec<u8>>, Vec<RecordHeader>);

fn build(compression: Compression, base_offset: i64, inputs: &[Input]) -> Bytes {
    let mut builder = RecordBatchBuilder::new(compression, base_offset)
        .with_producer(77, 5, 1000)
        .with_partition_leader_epoch(3);
    for (timestamp, key, value, headers) in inputs {
        builder.append(*timestamp, key.as_deref(), value.as_deref(), headers);
    }
    builder.build().expect("builder output")
}

fn sample_inputs(n: usize) -> Vec<Input> {
    (0..n)
        .map(|i| {
            let key = (i % 3 != 0).then(|| format!("key-{i}").into_bytes());
            let value = (i % 5 != 4).then(|| vec![i as u8; i * 7]);
            let headers = (0..i % 3)
                .map(|h| RecordHeader::new(format!("h{h}"), (h != 1).then_some(&b"hv"[..])))
                .collect();
            (
                1_700_000_000_000 + (i as i64 * 37) % 11,
                key,
                value,
                headers,
            )
        })
        .collect()
}

/// Rewrites the CRC so that a deliberately altered batch gets past `verify_crc`.
fn fix_crc(batch: &mut [u8]) {
    let crc = compute_crc(batch);
    batch[CRC_OFFSET..CRC_OFFSET + 4].copy_from_slice(&crc.to_be_bytes());
}

/// An uncompressed batch with explicit record offset deltas and header fields.
fn assemble(offset_deltas: &[i32], last_offset_delta: i32, record_count: i32) -> Bytes {
    let mut section = Vec::new();
    for &delta in offset_deltas {
        encode_record(&mut section, delta, 0, None, Some(b"v"), &[]).unwrap();
    }
    let header = RecordBatchHeader {
        base_offset: 0,
        batch_length: (MIN_BATCH_LENGTH as usize + section.len()) as i32,
        partition_leader_epoch: 0,
        magic: 2,
        crc: 0,
        attributes: 0,
        last_offset_delta,
        base_timestamp: 0,
        max_timestamp: 0,
        producer_id: -1,
        producer_epoch: -1,
        base_sequence: -1,
        record_count,
    };
    let mut batch = header.to_bytes().to_vec();
    batch.extend_from_slice(&section);
    fix_crc(&mut batch);
    Bytes::from(batch)
}

/// Runs every reading entry point over `bytes`, ignoring the results.
fn exercise(bytes: &Bytes) {
    let _ = RecordBatchHeader::parse(bytes);
    if let Ok(batch) = RecordBatch::new(bytes.clone()) {
        let _ = batch.verify_crc();
        let _ = batch.validate();
        let _ = batch.validate_compacted();
        if let Ok(records) = batch.records_with_limit(1 << 20) {
            records.for_each(drop);
        }
    }
    let mut iter = BatchIter::new(bytes.clone());
    for batch in iter.by_ref().flatten() {
        let _ = batch.records_with_limit(1 << 20).map(|r| r.for_each(drop));
    }
    assert!(iter.valid_bytes() <= bytes.len());
}

fn header_strategy() -> impl Strategy<Value = RecordHeader> {
    (
        "[a-z\u{e9}\u{4e16}]{0,6}",
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..8)),
    )
        .prop_map(|(key, value)| RecordHeader {
            key,
            value: value.map(Bytes::from),
        })
}

fn input_strategy() -> impl Strategy<Value = Input> {
    (
        any::<i64>(),
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..40)),
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..300)),
        proptest::collection::vec(header_strategy(), 0..4),
    )
}

fn codec_strategy() -> impl Strategy<Value = Compression> {
    proptest::sample::select(Compression::ALL.to_vec())
}

#[test]
fn built_batch_has_kafka_header_fields() {
    // A built batch carries the count, consecutive deltas, first/max timestamps, producer
    // fields and codec it was built with, and passes CRC and validation.
    let inputs = sample_inputs(10);
    for codec in Compression::ALL {
        let bytes = build(codec, 500, &inputs);
        let batch = RecordBatch::new(bytes.clone()).unwrap();
        let h = *batch.header();
        assert_eq!(h.total_size(), bytes.len());
        assert_eq!((h.magic, h.record_count, h.last_offset_delta), (2, 10, 9));
        assert_eq!((h.base_offset, h.last_offset()), (500, 509));
        assert_eq!(h.base_timestamp, inputs[0].0);
        assert_eq!(h.max_timestamp, inputs.iter().map(|i| i.0).max().unwrap());
        assert_eq!(
            (h.producer_id, h.producer_epoch, h.base_sequence),
            (77, 5, 1000)
        );
        assert_eq!(h.partition_leader_epoch, 3);
        assert_eq!(h.compression(), Ok(codec));
        assert_eq!(h.timestamp_type(), TimestampType::CreateTime);
        assert!(!h.is_transactional() && !h.is_control());
        batch.verify_crc().unwrap();
        batch.validate().unwrap();
    }
}

#[test]
fn empty_builder_is_an_error() {
    // A builder with no records refuses to build rather than writing a record-less batch.
    assert_eq!(
        RecordBatchBuilder::new(Compression::None, 0).build(),
        Err(RecordError::EmptyBatch)
    );
}

#[test]
fn builder_flags_reach_the_attributes() {
    // Transactional, control and LogAppendTime settings set attribute bits 4, 5 and 3.
    let mut b = RecordBatchBuilder::new(Compression::Zstd, 0)
        .with_transactional(true)
        .with_control(true)
        .with_timestamp_type(TimestampType::LogAppendTime);
    b.append(1, None, None, &[]);
    let batch = RecordBatch::new(b.build().unwrap()).unwrap();
    assert_eq!(batch.header().attributes, 0x0004 | 0x0008 | 0x0010 | 0x0020);
    assert!(batch.header().is_transactional() && batch.header().is_control());
    assert_eq!(
        batch.header().timestamp_type(),
        TimestampType::LogAppendTime
    );
}

#[test]
fn end_transaction_marker_round_trips() {
    // A commit marker batch is a transactional control batch whose one record parses back to
    // the same marker, with Kafka's key (0, 1) and value (0, epoch) bytes.
    let bytes =
        build_end_transaction_marker(EndTransactionMarker::commit(9), 40, 1234, 2, 99).unwrap();
    let batch = RecordBatch::new(bytes).unwrap();
    batch.validate().unwrap();
    let h = batch.header();
    assert!(h.is_control() && h.is_transactional());
    assert_eq!(
        (h.producer_id, h.producer_epoch, h.base_sequence),
        (1234, 2, -1)
    );
    let records: Vec<Record> = batch.records().unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].key.as_deref(), Some(&[0, 0, 0, 1][..]));
    assert_eq!(records[0].value.as_deref(), Some(&[0, 0, 0, 0, 0, 9][..]));
    assert_eq!(
        EndTransactionMarker::from_record(&records[0]),
        Ok(EndTransactionMarker::commit(9))
    );
    let abort = Record {
        key: Some(Bytes::from_static(&[0, 0, 0, 0])),
        ..records[0].clone()
    };
    assert_eq!(
        EndTransactionMarker::from_record(&abort),
        Ok(EndTransactionMarker::abort(9))
    );
    let leader_change = Record {
        key: Some(Bytes::from_static(&[0, 0, 0, 2])),
        ..abort
    };
    assert!(EndTransactionMarker::from_record(&leader_change).is_err());
    assert_eq!(
        ControlRecordType::parse_key(&[0, 0, 0, 2]),
        Ok(ControlRecordType::LeaderChange)
    );
    assert!(ControlRecordType::parse_key(&[0, 0, 1]).is_err());
}

#[test]
fn crc_detects_every_single_byte_change_after_the_crc_field() {
    // Changing any one byte from offset 21 to the end, by any of several masks, fails
    // verify_crc; changing baseOffset or partitionLeaderEpoch bytes does not.
    let bytes = build(Compression::Lz4, 0, &sample_inputs(6));
    for at in 0..bytes.len() {
        for mask in [0x01u8, 0x80, 0xff, 0x5a] {
            let mut bad = bytes.to_vec();
            bad[at] ^= mask;
            let Ok(batch) = RecordBatch::new(Bytes::from(bad)) else {
                assert!(
                    at < ATTRIBUTES_OFFSET,
                    "only header framing bytes may fail to parse"
                );
                continue;
            };
            let result = batch.verify_crc();
            if at >= ATTRIBUTES_OFFSET {
                assert!(
                    matches!(result, Err(RecordError::CrcMismatch { .. })),
                    "byte {at}"
                );
            } else if at < 16 {
                assert_eq!(result, Ok(()), "byte {at} is outside the CRC");
            }
        }
    }
}

#[test]
fn validate_rejects_bad_counts_and_offset_deltas() {
    // Validation fails on a count that disagrees with the records, repeated or decreasing
    // deltas, a delta beyond lastOffsetDelta, and a last delta short of lastOffsetDelta; the
    // compacted variant accepts the last case only.
    let check = |bytes: Bytes| RecordBatch::new(bytes).unwrap().validate();
    assert_eq!(check(assemble(&[0, 1, 2], 2, 3)), Ok(()));
    assert!(matches!(
        check(assemble(&[0, 1, 2], 2, 4)),
        Err(RecordError::RecordCountMismatch {
            expected: 4,
            actual: 3
        })
    ));
    assert!(matches!(
        check(assemble(&[0, 1, 2], 2, 2)),
        Err(RecordError::TrailingBytes { .. })
    ));
    assert!(matches!(
        check(assemble(&[0, 1, 2], 2, -1)),
        Err(RecordError::RecordCountMismatch { .. })
    ));
    assert!(matches!(
        check(assemble(&[0, 0, 2], 2, 3)),
        Err(RecordError::BadOffsetDelta { index: 1, .. })
    ));
    assert!(matches!(
        check(assemble(&[0, 2, 1], 2, 3)),
        Err(RecordError::BadOffsetDelta { index: 2, .. })
    ));
    assert!(matches!(
        check(assemble(&[-1, 0, 1], 2, 3)),
        Err(RecordError::BadOffsetDelta { index: 0, .. })
    ));
    assert!(matches!(
        check(assemble(&[0, 1, 3], 2, 3)),
        Err(RecordError::BadOffsetDelta { index: 2, .. })
    ));
    let compacted = assemble(&[1, 3], 5, 2);
    assert!(matches!(
        check(compacted.clone()),
        Err(RecordError::BadOffsetDelta { index: 1, .. })
    ));
    assert_eq!(
        RecordBatch::new(compacted).unwrap().validate_compacted(),
        Ok(())
    );
    let mut corrupt = assemble(&[0], 0, 1).to_vec();
    corrupt[66] ^= 1;
    assert!(matches!(
        RecordBatch::new(Bytes::from(corrupt)).unwrap().validate(),
        Err(RecordError::CrcMismatch { .. })
    ));
}

#[test]
fn huge_record_count_is_an_error_not_an_allocation() {
    // A batch claiming i32::MAX records over one real record fails after that record with
    // RecordCountMismatch; the count is never used to size anything.
    let batch = RecordBatch::new(assemble(&[0], 0, i32::MAX)).unwrap();
    let results: Vec<_> = batch.records().unwrap().collect();
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[1],
        Err(RecordError::RecordCountMismatch {
            expected: i32::MAX,
            actual: 1
        })
    );
}

#[test]
fn empty_batch_yields_no_records_without_decompressing() {
    // A batch counting zero records (as the log cleaner leaves) iterates to nothing, even when
    // its attributes name a codec and its section is empty.
    let mut bytes = assemble(&[], 4, 0).to_vec();
    bytes[ATTRIBUTES_OFFSET + 1] = Compression::Zstd.id();
    fix_crc(&mut bytes);
    let batch = RecordBatch::new(Bytes::from(bytes)).unwrap();
    assert_eq!(batch.records().unwrap().count(), 0);
    assert_eq!(batch.validate(), Ok(()));
}

#[test]
fn decompression_limit_is_enforced_per_batch() {
    // A compressed batch whose records inflate past the caller's limit fails to iterate.
    let big = vec![(0, None, Some(vec![7u8; 100_000]), vec![])];
    for codec in [
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ] {
        let batch = RecordBatch::new(build(codec, 0, &big)).unwrap();
        assert!(batch.records_with_limit(200_000).is_ok());
        assert_eq!(
            batch.records_with_limit(50_000).err(),
            Some(RecordError::DecompressedTooLarge { limit: 50_000 })
        );
    }
}

#[test]
fn new_rejects_buffers_longer_or_shorter_than_the_batch() {
    // RecordBatch::new wants exactly one batch: a short buffer is Truncated, a long one
    // SizeMismatch, and every strict prefix of a batch is an error.
    let bytes = build(Compression::Gzip, 0, &sample_inputs(4));
    let mut long = bytes.to_vec();
    long.push(0);
    assert_eq!(
        RecordBatch::new(Bytes::from(long)),
        Err(RecordError::SizeMismatch {
            expected: bytes.len(),
            actual: bytes.len() + 1
        })
    );
    for len in 0..bytes.len() {
        assert!(matches!(
            RecordBatch::new(bytes.slice(..len)),
            Err(RecordError::Truncated { .. })
        ));
    }
}

#[test]
fn batch_iter_splits_a_record_set_and_stops_at_a_torn_tail() {
    // Over batches laid end to end, the iterator yields each batch; cut anywhere, it yields
    // the complete batches, then one Truncated error, and valid_bytes ends where they end.
    let batches: Vec<Bytes> = Compression::ALL
        .iter()
        .enumerate()
        .map(|(i, &codec)| build(codec, i as i64 * 100, &sample_inputs(i + 1)))
        .collect();
    let set: Bytes = batches.concat().into();
    let mut iter = BatchIter::new(set.clone());
    for expected in &batches {
        assert_eq!(iter.next().unwrap().unwrap().as_bytes(), expected);
    }
    assert!(iter.next().is_none());
    assert_eq!(iter.valid_bytes(), set.len());

    let ends: Vec<usize> = batches
        .iter()
        .scan(0, |end, b| {
            *end += b.len();
            Some(*end)
        })
        .collect();
    for cut in 0..set.len() {
        let mut iter = BatchIter::new(set.slice(..cut));
        let complete = iter.by_ref().take_while(Result::is_ok).count();
        assert_eq!(
            complete,
            ends.iter().filter(|&&end| end <= cut).count(),
            "cut {cut}"
        );
        assert!(iter.next().is_none(), "iterator stops after an error");
        let valid = ends
            .iter()
            .copied()
            .filter(|&end| end <= cut)
            .max()
            .unwrap_or(0);
        assert_eq!(iter.valid_bytes(), valid);
    }
}

#[test]
fn batch_iter_reports_bad_magic_and_bad_length() {
    // A batch of magic 1, or one whose batchLength is below a header, ends the iteration.
    let good = build(Compression::None, 0, &sample_inputs(1));
    let mut old = good.to_vec();
    old[16] = 1;
    let mut iter = BatchIter::new(Bytes::from([good.to_vec(), old].concat()));
    assert!(iter.next().unwrap().is_ok());
    assert_eq!(iter.next(), Some(Err(RecordError::BadMagic { magic: 1 })));
    assert_eq!(iter.next(), None);
    assert_eq!(iter.valid_bytes(), good.len());
    let mut short = good.to_vec();
    short[8..12].copy_from_slice(&10i32.to_be_bytes());
    assert_eq!(
        BatchIter::new(Bytes::from(short)).next(),
        Some(Err(RecordError::BadLength { batch_length: 10 }))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn builder_output_decodes_to_its_input(
        codec in codec_strategy(),
        base_offset in any::<i64>(),
        inputs in proptest::collection::vec(input_strategy(), 1..20),
    ) {
        // For every codec, the records read back from a built batch equal what was appended
        // (keys, values, nulls, headers, absolute offsets and timestamps), and it validates.
        let batch = RecordBatch::new(build(codec, base_offset, &inputs)).unwrap();
        batch.validate().unwrap();
        let h = *batch.header();
        let records: Vec<Record> = batch.records().unwrap().collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(records.len(), inputs.len());
        for (i, (record, (timestamp, key, value, headers))) in
            records.iter().zip(&inputs).enumerate()
        {
            prop_assert_eq!(record.offset(h.base_offset), base_offset.wrapping_add(i as i64));
            prop_assert_eq!(record.timestamp(h.base_timestamp), *timestamp);
            prop_assert_eq!(record.key.as_deref(), key.as_deref());
            prop_assert_eq!(record.value.as_deref(), value.as_deref());
            prop_assert_eq!(&record.headers, headers);
        }
    }

    #[test]
    fn crc_detects_a_random_byte_change(
        codec in codec_strategy(),
        inputs in proptest::collection::vec(input_strategy(), 1..6),
        position in any::<prop::sample::Index>(),
        mask in 1u8..,
    ) {
        // Xoring any non-zero mask into any byte at or after offset 21 fails verify_crc.
        let bytes = build(codec, 0, &inputs);
        let at = ATTRIBUTES_OFFSET + position.index(bytes.len() - ATTRIBUTES_OFFSET);
        let mut bad = bytes.to_vec();
        bad[at] ^= mask;
        let batch = RecordBatch::new(Bytes::from(bad)).unwrap();
        let is_crc_mismatch = matches!(batch.verify_crc(), Err(RecordError::CrcMismatch { .. }));
        prop_assert!(is_crc_mismatch);
    }

    #[test]
    fn in_place_edits_keep_the_crc_valid(
        codec in codec_strategy(),
        inputs in proptest::collection::vec(input_strategy(), 1..6),
        offset in any::<i64>(),
        epoch in any::<i32>(),
        append_time in any::<i64>(),
    ) {
        // set_base_offset and set_partition_leader_epoch change only their fields and keep
        // the CRC valid; set_log_append_time sets the type bit and maxTimestamp and
        // recomputes the CRC; records still decode after all three.
        let mut bytes = build(codec, 0, &inputs).to_vec();
        let before = RecordBatchHeader::parse(&bytes).unwrap();
        set_base_offset(&mut bytes, offset);
        set_partition_leader_epoch(&mut bytes, epoch);
        let batch = RecordBatch::new(Bytes::from(bytes.clone())).unwrap();
        prop_assert_eq!(batch.verify_crc(), Ok(()));
        prop_assert_eq!(
            *batch.header(),
            RecordBatchHeader { base_offset: offset, partition_leader_epoch: epoch, ..before }
        );
        set_log_append_time(&mut bytes, append_time);
        let batch = RecordBatch::new(Bytes::from(bytes)).unwrap();
        prop_assert_eq!(batch.verify_crc(), Ok(()));
        let h = *batch.header();
        prop_assert_eq!(h.timestamp_type(), TimestampType::LogAppendTime);
        prop_assert_eq!(h.max_timestamp, append_time);
        prop_assert_eq!(h.compression(), Ok(codec));
        prop_assert_eq!(h.base_timestamp, before.base_timestamp);
        prop_assert_eq!(batch.records().unwrap().count(), inputs.len());
        batch.validate().unwrap();
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        // Random bytes, as a whole and with a plausible v2 header forced on, produce errors
        // or values from every entry point but never a panic.
        exercise(&Bytes::from(bytes.clone()));
        if bytes.len() >= RECORD_BATCH_HEADER_SIZE {
            let mut forced = bytes;
            let batch_length = (forced.len() - LOG_OVERHEAD) as i32;
            forced[8..12].copy_from_slice(&batch_length.to_be_bytes());
            forced[16] = 2;
            forced[22] &= 0x07;
            forced[22] %= 5;
            fix_crc(&mut forced);
            exercise(&Bytes::from(forced));
        }
    }

    #[test]
    fn mutated_batches_never_panic(
        codec in codec_strategy(),
        inputs in proptest::collection::vec(input_strategy(), 1..6),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
    ) {
        // A valid batch with a few bytes overwritten (CRC fixed so decoding goes deep, into
        // the decompressors and record decoder) or cut short is an error or a value, never
        // a panic.
        let mut bytes = build(codec, 0, &inputs).to_vec();
        for (position, byte) in edits {
            let at = position.index(bytes.len());
            bytes[at] = byte;
        }
        fix_crc(&mut bytes);
        exercise(&Bytes::from(bytes.clone()));
        bytes.truncate(cut.index(bytes.len()));
        exercise(&Bytes::from(bytes));
    }
}
