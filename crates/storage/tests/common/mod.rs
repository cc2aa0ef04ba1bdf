//! Shared fixtures for the storage integration tests: batch builders and log openers.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use strom_protocol::records::{BatchIter, Compression, RecordBatchBuilder};
use strom_storage::{
    AppendInfo, AppendOrigin, Clock, FetchIsolation, FetchParams, FlushScheduler, LeaderEpoch,
    LoadParams, Log, LogConfig, ManualClock, Offset, Timestamp, TopicPartition,
};

pub const EPOCH: AppendOrigin = AppendOrigin::Client {
    leader_epoch: LeaderEpoch(1),
};

/// A batch of `n` records whose values encode `tag` and the record index, so content can be
/// checked after offsets are assigned.
pub fn batch(tag: u64, n: usize, value_len: usize, timestamp: i64) -> BytesMut {
    let mut b = RecordBatchBuilder::new(Compression::None, 0);
    for i in 0..n {
        let mut value = format!("{tag}:{i}:").into_bytes();
        value.resize(value_len.max(value.len()), b'x');
        b.append(
            timestamp + i as i64,
            Some(format!("k{i}").as_bytes()),
            Some(&value),
            &[],
        );
    }
    BytesMut::from(&b.build().expect("build batch")[..])
}

/// A batch of keyed records with explicit values (`None` is a tombstone).
pub fn keyed_batch(records: &[(&str, Option<&str>)], timestamp: i64) -> BytesMut {
    let mut b = RecordBatchBuilder::new(Compression::None, 0);
    for (k, v) in records {
        b.append(timestamp, Some(k.as_bytes()), v.map(str::as_bytes), &[]);
    }
    BytesMut::from(&b.build().expect("build batch")[..])
}

pub fn small_config() -> LogConfig {
    LogConfig {
        segment_bytes: 4096,
        segment_index_bytes: 1024,
        index_interval_bytes: 256,
        retention_ms: None,
        segment_ms: None,
        ..LogConfig::default()
    }
}

pub fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new(Timestamp(1_700_000_000_000)))
}

pub struct Opened {
    pub log: Arc<Log>,
    pub flusher: Arc<FlushScheduler>,
}

pub fn open(dir: &Path, config: LogConfig, clock: Arc<dyn Clock>, params: LoadParams) -> Opened {
    let flusher = FlushScheduler::start(1);
    let (log, _) = Log::open(
        dir.to_path_buf(),
        TopicPartition::new("t", 0),
        config,
        params,
        clock,
        flusher.handle(),
    )
    .expect("open log");
    Opened { log, flusher }
}

pub fn append(log: &Arc<Log>, records: BytesMut) -> AppendInfo {
    let info = log.append(records, EPOCH).expect("append");
    log.update_high_watermark(info.next_offset());
    info
}

pub fn params(max_bytes: usize) -> FetchParams {
    FetchParams {
        max_bytes,
        min_one_batch: true,
        isolation: FetchIsolation::LogEnd,
    }
}

/// Every batch from the log start to the end, by repeated reads, as (base offset, bytes).
pub fn read_all(log: &Log) -> Vec<(i64, Bytes)> {
    let mut out = Vec::new();
    let mut next = log.log_start_offset();
    loop {
        let data = log.read(next, params(64 * 1024)).expect("read");
        if data.records.is_empty() {
            return out;
        }
        for batch in BatchIter::new(data.records) {
            let batch = batch.expect("whole batches");
            batch.verify_crc().expect("crc");
            let h = batch.header();
            next = Offset(h.next_offset());
            out.push((h.base_offset, batch.into_bytes()));
        }
    }
}

pub fn open_with_stats(
    dir: &Path,
    config: LogConfig,
    params: LoadParams,
) -> (Opened, strom_storage::LoadStats) {
    let flusher = FlushScheduler::start(1);
    let (log, stats) = Log::open(
        dir.to_path_buf(),
        TopicPartition::new("t", 0),
        config,
        params,
        clock(),
        flusher.handle(),
    )
    .expect("open log");
    (Opened { log, flusher }, stats)
}

/// The `.log` files of a partition directory, in offset order.
pub fn segment_files(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().ends_with(ext))
        .collect();
    files.sort();
    files
}

/// The tag written by [`batch`] into a stored batch's first record.
pub fn tag_of(bytes: &Bytes) -> u64 {
    let batch = strom_protocol::records::RecordBatch::new(bytes.clone()).unwrap();
    let record = batch.records().unwrap().next().unwrap().unwrap();
    let value = record.value.unwrap();
    let text = std::str::from_utf8(&value).unwrap();
    text.split(':').next().unwrap().parse().unwrap()
}
