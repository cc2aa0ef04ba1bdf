//! Our record batches and those of an independent Rust implementation (the `kafka-protocol`
//! crate) read each other.
//!
//! The workspace builds `kafka-protocol` without its compression features, so only
//! uncompressed batches cross here; that still checks the batch header, CRC and record
//! framing against a second implementation for arbitrary records (the librdkafka fixtures
//! cover the codecs).

use bytes::{Bytes, BytesMut};
use kafka_protocol::indexmap::IndexMap;
use kafka_protocol::protocol::StrBytes;
use kafka_protocol::records::{
    Compression as TheirCompression, Record as TheirRecord, RecordBatchDecoder, RecordBatchEncoder,
    RecordEncodeOptions, TimestampType as TheirTimestampType,
};
use proptest::prelude::*;
use strom_protocol::records::{
    BatchIter, Compression, RecordBatch, RecordBatchBuilder, RecordHeader,
};

/// Key, value, headers (unique keys: `kafka-protocol` keeps headers in a map), timestamp.
type Input = (
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Vec<(String, Option<Vec<u8>>)>,
    i64,
);

fn theirs(codec: Compression) -> TheirCompression {
    match codec {
        Compression::None => TheirCompression::None,
        Compression::Gzip => TheirCompression::Gzip,
        Compression::Snappy => TheirCompression::Snappy,
        Compression::Lz4 => TheirCompression::Lz4,
        Compression::Zstd => TheirCompression::Zstd,
    }
}

fn their_record(base_offset: i64, i: usize, input: &Input) -> TheirRecord {
    let (key, value, headers, timestamp) = input;
    let headers: IndexMap<StrBytes, Option<Bytes>> = headers
        .iter()
        .map(|(k, v)| (StrBytes::from_string(k.clone()), v.clone().map(Bytes::from)))
        .collect();
    TheirRecord {
        transactional: false,
        control: false,
        delete_horizon: false,
        partition_leader_epoch: -1,
        producer_id: -1,
        producer_epoch: -1,
        timestamp_type: TheirTimestampType::Creation,
        offset: base_offset + i as i64,
        // Their decoder reports baseSequence + offsetDelta, and their encoder starts a new
        // batch when offset - sequence changes; -1 + i keeps one batch with baseSequence -1.
        sequence: i as i32 - 1,
        timestamp: *timestamp,
        key: key.clone().map(Bytes::from),
        value: value.clone().map(Bytes::from),
        headers,
    }
}

fn encode_theirs(codec: Compression, base_offset: i64, inputs: &[Input]) -> Bytes {
    let records: Vec<TheirRecord> = inputs
        .iter()
        .enumerate()
        .map(|(i, r)| their_record(base_offset, i, r))
        .collect();
    let mut buf = BytesMut::new();
    let options = RecordEncodeOptions {
        version: 2,
        compression: theirs(codec),
    };
    RecordBatchEncoder::encode(&mut buf, &records, &options).expect("kafka-protocol encodes");
    buf.freeze()
}

fn build_ours(codec: Compression, base_offset: i64, inputs: &[Input]) -> Bytes {
    let mut builder = RecordBatchBuilder::new(codec, base_offset);
    for (key, value, headers, timestamp) in inputs {
        let headers: Vec<RecordHeader> = headers
            .iter()
            .map(|(k, v)| RecordHeader::new(k.clone(), v.as_deref()))
            .collect();
        builder.append(*timestamp, key.as_deref(), value.as_deref(), &headers);
    }
    builder.build().expect("our builder")
}

fn input_strategy() -> impl Strategy<Value = Input> {
    (
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..30)),
        proptest::option::of(proptest::collection::vec(any::<u8>(), 0..200)),
        proptest::collection::btree_map(
            "[a-z]{1,5}",
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..6)),
            0..3,
        )
        .prop_map(|m| m.into_iter().collect()),
        // Within ±2^40 ms of an epoch-ish base, so that their min-based deltas cannot overflow.
        -(1i64 << 40)..(1i64 << 40),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn we_read_what_kafka_protocol_writes(
        base_offset in 0i64..(1 << 40),
        inputs in proptest::collection::vec(input_strategy(), 1..12),
    ) {
        // A batch encoded by kafka-protocol passes our CRC and validation and decodes to its
        // records: offsets, timestamps, keys, values and headers.
        let codec = Compression::None;
        let bytes = encode_theirs(codec, base_offset, &inputs);
        let batches: Vec<RecordBatch> =
            BatchIter::new(bytes).collect::<Result<_, _>>().expect("batches");
        prop_assert_eq!(batches.len(), 1);
        let batch = &batches[0];
        batch.validate().expect("valid");
        let h = *batch.header();
        prop_assert_eq!(h.compression(), Ok(codec));
        prop_assert_eq!(h.base_offset, base_offset);
        let records: Vec<_> = batch.records().expect("records").collect::<Result<_, _>>().expect("record");
        prop_assert_eq!(records.len(), inputs.len());
        for (i, (r, (key, value, headers, timestamp))) in records.iter().zip(&inputs).enumerate() {
            prop_assert_eq!(r.offset(h.base_offset), base_offset + i as i64);
            prop_assert_eq!(r.timestamp(h.base_timestamp), *timestamp);
            prop_assert_eq!(r.key.as_deref(), key.as_deref());
            prop_assert_eq!(r.value.as_deref(), value.as_deref());
            let got: Vec<(String, Option<Vec<u8>>)> =
                r.headers.iter().map(|h| (h.key.clone(), h.value.as_ref().map(|v| v.to_vec()))).collect();
            prop_assert_eq!(&got, headers);
        }
    }

    #[test]
    fn kafka_protocol_reads_what_we_write(
        base_offset in 0i64..(1 << 40),
        inputs in proptest::collection::vec(input_strategy(), 1..12),
    ) {
        // A batch from our builder decodes in kafka-protocol to the same records and codec.
        let codec = Compression::None;
        let mut bytes = build_ours(codec, base_offset, &inputs);
        let sets = RecordBatchDecoder::decode_all(&mut bytes).expect("kafka-protocol decodes");
        prop_assert_eq!(sets.len(), 1);
        prop_assert_eq!(sets[0].compression, theirs(codec));
        let want: Vec<TheirRecord> =
            inputs.iter().enumerate().map(|(i, r)| their_record(base_offset, i, r)).collect();
        prop_assert_eq!(&sets[0].records, &want);
    }
}
