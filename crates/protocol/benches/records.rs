//! The record batch costs the broker pays: on produce, walking a record set's headers and
//! checking each CRC (the bytes are never decoded); on compaction, validation and
//! consumers of internal topics, decompressing and iterating records; and building batches.
//! Compare results as ratios between runs, not as absolutes.

use std::hint::black_box;

use bytes::Bytes;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use strom_protocol::records::{BatchIter, Compression, RecordBatch, RecordBatchBuilder};

/// One batch of `count` records with 16-byte keys and 100-byte, mildly compressible values.
fn batch(codec: Compression, count: usize) -> Bytes {
    let mut builder = RecordBatchBuilder::new(codec, 0);
    for i in 0..count {
        let key = format!("key-{i:012}");
        let value: Vec<u8> = (0..100)
            .map(|j| ((i * 31 + j * 7) % 64) as u8 + b' ')
            .collect();
        builder.append(
            1_700_000_000_000 + i as i64,
            Some(key.as_bytes()),
            Some(&value),
            &[],
        );
    }
    builder.build().expect("bench batch builds")
}

fn produce_path(c: &mut Criterion) {
    // 1 MiB-ish record set of 100 batches, as a Produce request might carry.
    let one = batch(Compression::None, 80);
    let set: Bytes = std::iter::repeat_n(one.as_ref(), 100)
        .collect::<Vec<_>>()
        .concat()
        .into();
    let mut group = c.benchmark_group("produce_path");
    group.throughput(Throughput::Bytes(set.len() as u64));
    group.bench_function("split_and_verify_crc", |b| {
        b.iter(|| {
            for batch in BatchIter::new(set.clone()) {
                let batch = batch.expect("batch");
                batch.verify_crc().expect("crc");
                black_box(batch);
            }
        })
    });
    group.finish();
}

fn iterate_records(c: &mut Criterion) {
    let mut group = c.benchmark_group("iterate_records");
    for codec in Compression::ALL {
        let batch = RecordBatch::new(batch(codec, 1000)).expect("batch");
        group.throughput(Throughput::Elements(1000));
        group.bench_with_input(
            BenchmarkId::from_parameter(codec.name()),
            &batch,
            |b, batch| {
                b.iter(|| {
                    for record in batch.records().expect("records") {
                        black_box(record.expect("record"));
                    }
                })
            },
        );
    }
    group.finish();
}

fn build_batches(c: &mut Criterion) {
    let mut group = c.benchmark_group("build_batch");
    for codec in Compression::ALL {
        group.throughput(Throughput::Elements(1000));
        group.bench_with_input(
            BenchmarkId::from_parameter(codec.name()),
            &codec,
            |b, &codec| b.iter(|| black_box(batch(codec, 1000))),
        );
    }
    group.finish();
}

criterion_group!(benches, produce_path, iterate_records, build_batches);
criterion_main!(benches);
