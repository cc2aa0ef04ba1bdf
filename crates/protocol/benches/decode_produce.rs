//! Decoding a Produce request must not touch its records: a request carrying 1 MiB of
//! record batches should cost about the same to decode as one carrying 1 KiB, because the
//! records stay a `Bytes` slice of the frame.

use bytes::Bytes;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use strom_protocol::Message;
use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
use strom_protocol::generated::{ApiKey, ProduceRequest, RequestBody};

fn produce_request(records_bytes: usize, version: i16) -> Bytes {
    let request = ProduceRequest {
        acks: -1,
        timeout_ms: 30_000,
        topic_data: vec![TopicProduceData {
            name: "bench".into(),
            partition_data: vec![PartitionProduceData {
                index: 0,
                records: Some(Bytes::from(vec![0xab; records_bytes])),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    request.encode_to_bytes(version).expect("encodes").freeze()
}

fn decode_produce(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode_produce_v9");
    for size in [1024usize, 1024 * 1024] {
        let frame = produce_request(size, 9);
        group.throughput(Throughput::Elements(1));
        group.bench_with_input(BenchmarkId::from_parameter(size), &frame, |b, frame| {
            b.iter(|| {
                let body = RequestBody::decode(ApiKey::Produce, 9, frame.clone()).expect("decodes");
                black_box(body)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, decode_produce);
criterion_main!(benches);
