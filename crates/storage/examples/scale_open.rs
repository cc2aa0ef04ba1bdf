//! Scale workload for `bench/scale_open.sh`: many partitions in one data directory.
//!
//! - `scale_open create DIR PARTITIONS`: creates the partitions (topics of 1,000 partitions
//!   each, as `scale-<t>-<p>`), appends a batch to each and flushes it, prints `ready`, then
//!   keeps appending to partitions in turn (flushing every few appends) until killed.
//! - `scale_open open DIR`: opens the data directory as the broker would, prints one line
//!   of figures (open time, partitions, resident memory, descriptors), reads a batch from
//!   every partition, and shuts down cleanly unless `--no-shutdown` follows.
//!
//! Both raise the soft descriptor limit to the hard limit first, as `strom server` does, and
//! use the log manager's default descriptor bound (half the soft limit).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use bytes::BytesMut;
use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
use strom_protocol::records::{Compression, RecordBatchBuilder};
use strom_storage::{
    AppendOrigin, FetchIsolation, FetchParams, LeaderEpoch, LogManager, LogManagerConfig, Offset,
    SystemClock, TopicPartition,
};

const PARTITIONS_PER_TOPIC: usize = 1_000;
const ORIGIN: AppendOrigin = AppendOrigin::Client {
    leader_epoch: LeaderEpoch(0),
};

fn raise_limit() -> u64 {
    let limit = getrlimit(Resource::Nofile);
    let raised = Rlimit {
        current: limit.maximum,
        maximum: limit.maximum,
    };
    if setrlimit(Resource::Nofile, raised).is_ok() {
        limit.maximum.unwrap_or(u64::MAX)
    } else {
        limit.current.unwrap_or(u64::MAX)
    }
}

fn batch() -> BytesMut {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let mut b = RecordBatchBuilder::new(Compression::None, 0);
    for i in 0..4 {
        b.append(now + i, Some(b"key"), Some(&[b'v'; 200]), &[]);
    }
    BytesMut::from(&b.build().expect("batch")[..])
}

fn tp(i: usize) -> TopicPartition {
    TopicPartition::new(
        format!("scale-{}", i / PARTITIONS_PER_TOPIC),
        (i % PARTITIONS_PER_TOPIC) as i32,
    )
}

fn status(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kib| kib.parse::<u64>().ok())
        .unwrap_or(0)
        / 1024
}

fn descriptors() -> usize {
    std::fs::read_dir("/proc/self/fd").map_or(0, Iterator::count)
}

fn manager(dir: PathBuf) -> Arc<LogManager> {
    let mut config = LogManagerConfig::new(dir);
    config.cleaner = None;
    LogManager::open(config, Arc::new(SystemClock)).expect("open the data directory")
}

fn create(dir: PathBuf, partitions: usize) {
    let manager = manager(dir);
    let started = Instant::now();
    let mut logs = Vec::with_capacity(partitions);
    for i in 0..partitions {
        let log = manager.get_or_create_log(&tp(i), None).expect("create");
        let info = log.append(batch(), ORIGIN).expect("append");
        log.update_high_watermark(info.next_offset());
        logs.push(log);
    }
    for log in &logs {
        log.flush().expect("flush");
    }
    println!(
        "created {partitions} partitions in {} ms; {} descriptors open, {} MiB resident",
        started.elapsed().as_millis(),
        descriptors(),
        status("VmRSS:")
    );
    println!("ready");
    for round in 0usize.. {
        let log = &logs[round % logs.len()];
        let info = log.append(batch(), ORIGIN).expect("append");
        log.update_high_watermark(info.next_offset());
        if round % 8 == 7 {
            log.flush().expect("flush");
        }
    }
}

fn open(dir: PathBuf, shutdown: bool) {
    let started = Instant::now();
    let manager = manager(dir);
    let elapsed = started.elapsed();
    let logs = manager.logs();
    println!(
        "opened {} partitions ({} offline) in {} ms: {} MiB resident (peak {} MiB), {} \
         descriptors open, descriptor bound {}",
        logs.len(),
        manager.offline_partitions().len(),
        elapsed.as_millis(),
        status("VmRSS:"),
        status("VmHWM:"),
        descriptors(),
        manager.file_cache().capacity(),
    );
    let params = FetchParams {
        max_bytes: 1 << 20,
        min_one_batch: true,
        isolation: FetchIsolation::LogEnd,
    };
    let read = Instant::now();
    for log in &logs {
        let data = log.read(Offset(0), params).expect("read");
        assert!(
            !data.records.is_empty(),
            "{} read nothing",
            log.topic_partition()
        );
    }
    println!(
        "read a batch from every partition in {} ms: {} MiB resident, {} descriptors open",
        read.elapsed().as_millis(),
        status("VmRSS:"),
        descriptors()
    );
    if shutdown {
        let closing = Instant::now();
        manager.shutdown().expect("shutdown");
        println!("clean shutdown in {} ms", closing.elapsed().as_millis());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let limit = raise_limit();
    eprintln!("open files soft limit: {limit}");
    match args.get(1).map(String::as_str) {
        Some("create") if args.len() == 4 => {
            let partitions = args[3].parse().expect("PARTITIONS is a number");
            create(PathBuf::from(&args[2]), partitions);
        }
        Some("open") if args.len() >= 3 => {
            let shutdown = args.get(3).map(String::as_str) != Some("--no-shutdown");
            open(PathBuf::from(&args[2]), shutdown);
        }
        _ => {
            eprintln!(
                "usage: scale_open create DIR PARTITIONS | scale_open open DIR [--no-shutdown]"
            );
            std::process::exit(2);
        }
    }
}
