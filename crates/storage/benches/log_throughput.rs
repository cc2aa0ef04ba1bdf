//! Append and read throughput of a partition log with 1 KiB records, 16 per batch.
//!
//! - `append/page_cache`: appends only (acks=1).
//! - `append/page_cache_lz4`: the same records in lz4-compressed batches, so the cost of
//!   validating compressed batches shows.
//! - `append/grouped_fsync_8`: eight appends, then one `flush_to` wait (acks=all with eight
//!   requests in flight sharing one fsync).
//! - `append/fsync_each`: one append, one fsync wait.
//! - `append/concurrent_acks_all_8`: eight producer threads, each appending one batch and
//!   waiting for it to be durable before the next (acks=all with one request in flight per
//!   producer); the grouped fsyncs serve them together.
//! - `read/1MiB`: sequential consumer reads of 1 MiB from a warm log.
//!
//! Throughput is reported in bytes/s by criterion. Compare with `fio` on the same disk.

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::BytesMut;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use strom_protocol::records::{Compression, RecordBatchBuilder};
use strom_storage::{
    AppendOrigin, FetchIsolation, FetchParams, FlushScheduler, LeaderEpoch, LoadParams, Log,
    LogConfig, Offset, SystemClock, TopicPartition,
};

const RECORDS_PER_BATCH: usize = 16;
const RECORD_BYTES: usize = 1024;
const ORIGIN: AppendOrigin = AppendOrigin::Client {
    leader_epoch: LeaderEpoch(0),
};

fn template() -> BytesMut {
    template_with(Compression::None)
}

fn template_with(compression: Compression) -> BytesMut {
    let mut b = RecordBatchBuilder::new(compression, 0);
    let value = vec![b'x'; RECORD_BYTES];
    for i in 0..RECORDS_PER_BATCH {
        b.append(
            1_700_000_000_000 + i as i64,
            Some(b"key"),
            Some(&value),
            &[],
        );
    }
    BytesMut::from(&b.build().expect("batch")[..])
}

fn open(dir: &std::path::Path) -> (Arc<Log>, Arc<FlushScheduler>) {
    let flusher = FlushScheduler::start(1);
    let config = LogConfig {
        segment_bytes: 256 * 1024 * 1024,
        retention_bytes: Some(512 * 1024 * 1024),
        retention_ms: None,
        ..LogConfig::default()
    };
    let (log, _) = Log::open(
        dir.to_path_buf(),
        TopicPartition::new("bench", 0),
        config,
        LoadParams::default(),
        Arc::new(SystemClock),
        flusher.handle(),
    )
    .expect("open");
    (log, flusher)
}

/// Appends `per_wait` batches, then waits for them to be durable if `fsync`.
fn run_appends(
    log: &Arc<Log>,
    batch: &BytesMut,
    iters: u64,
    per_wait: u64,
    fsync: bool,
) -> Duration {
    let started = Instant::now();
    for i in 0..iters {
        let mut last = None;
        for _ in 0..per_wait {
            let info = log.append(batch.clone(), ORIGIN).expect("append");
            last = Some(info.next_offset());
        }
        if let (true, Some(end)) = (fsync, last) {
            log.flush_to(end)
                .expect("flush_to")
                .wait()
                .expect("durable");
        }
        if i % 1024 == 1023 {
            log.update_high_watermark(log.log_end_offset());
            log.delete_old_segments().expect("retention");
        }
    }
    started.elapsed()
}

fn append(c: &mut Criterion) {
    let batch = template();
    let mut group = c.benchmark_group("append");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4));
    for (name, per_wait, fsync) in [
        ("page_cache", 1, false),
        ("grouped_fsync_8", 8, true),
        ("fsync_each", 1, true),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        let (log, _flusher) = open(dir.path());
        group.throughput(Throughput::Bytes(batch.len() as u64 * per_wait));
        group.bench_function(name, |b| {
            b.iter_custom(|iters| run_appends(&log, &batch, iters, per_wait, fsync))
        });
    }
    let lz4 = template_with(Compression::Lz4);
    let dir = tempfile::tempdir().expect("tempdir");
    let (log, _flusher) = open(dir.path());
    group.throughput(Throughput::Bytes(batch.len() as u64));
    group.bench_function("page_cache_lz4", |b| {
        b.iter_custom(|iters| run_appends(&log, &lz4, iters, 1, false))
    });
    group.finish();
}

const PRODUCERS: u64 = 8;

/// `iters` appends shared among [`PRODUCERS`] threads, each waiting for its own batch to
/// be durable before appending the next.
fn run_concurrent_producers(log: &Arc<Log>, batch: &BytesMut, iters: u64) -> Duration {
    let started = Instant::now();
    std::thread::scope(|scope| {
        for p in 0..PRODUCERS {
            let share = iters / PRODUCERS + u64::from(p < iters % PRODUCERS);
            scope.spawn(move || {
                for _ in 0..share {
                    let end = log
                        .append(batch.clone(), ORIGIN)
                        .expect("append")
                        .next_offset();
                    log.flush_to(end)
                        .expect("flush_to")
                        .wait()
                        .expect("durable");
                }
            });
        }
    });
    let elapsed = started.elapsed();
    log.update_high_watermark(log.log_end_offset());
    log.delete_old_segments().expect("retention");
    elapsed
}

fn concurrent_append(c: &mut Criterion) {
    let batch = template();
    let mut group = c.benchmark_group("append");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4));
    let dir = tempfile::tempdir().expect("tempdir");
    let (log, _flusher) = open(dir.path());
    group.throughput(Throughput::Bytes(batch.len() as u64));
    group.bench_function("concurrent_acks_all_8", |b| {
        b.iter_custom(|iters| run_concurrent_producers(&log, &batch, iters))
    });
    group.finish();
    let stats = log.flush_stats();
    eprintln!(
        "concurrent_acks_all_8: {} waiters, {} grouped fsyncs, {:.1} waiters per fsync",
        stats.waiters,
        stats.flushes,
        stats.waiters as f64 / stats.flushes.max(1) as f64
    );
}

fn read(c: &mut Criterion) {
    let batch = template();
    let dir = tempfile::tempdir().expect("tempdir");
    let (log, _flusher) = open(dir.path());
    let target = 128 * 1024 * 1024;
    while log.size_bytes() < target {
        log.append(batch.clone(), ORIGIN).expect("append");
    }
    log.update_high_watermark(log.log_end_offset());
    let params = FetchParams {
        max_bytes: 1024 * 1024,
        min_one_batch: true,
        isolation: FetchIsolation::HighWatermark,
    };
    let mut group = c.benchmark_group("read");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4));
    let mut next = Offset(0);
    let bytes_per_read = log.read(next, params).expect("read").records.len();
    group.throughput(Throughput::Bytes(bytes_per_read as u64));
    group.bench_function("1MiB", |b| {
        b.iter(|| {
            let data = log.read(next, params).expect("read");
            let records = data.records.len() as i64 / batch.len() as i64;
            next = next.plus(records * RECORDS_PER_BATCH as i64);
            if next >= data.high_watermark {
                next = Offset(0);
            }
            data.records
        })
    });
    group.finish();
}

criterion_group!(benches, append, concurrent_append, read);
criterion_main!(benches);
