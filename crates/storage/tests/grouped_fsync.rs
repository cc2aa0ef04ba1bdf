//! Grouped fsync under concurrency: many producers waiting for acks=all on one partition
//! share fsyncs, and none is answered before its batch is on disk.

mod common;

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use common::*;
use strom_storage::{FlushStats, LoadParams, Log, LogConfig};

const PRODUCERS: usize = 8;
const ROUNDS: usize = 40;
/// How long one waiter may take before the test calls it hung (a liveness bound, not a
/// performance check: a healthy fsync takes milliseconds).
const WAIT_MAX: Duration = Duration::from_secs(30);

/// Appends one batch and waits for it to be durable; checks the answer covers it.
fn append_and_wait(log: &Arc<Log>, tag: u64) {
    let end = append(log, batch(tag, 4, 100, 0)).next_offset();
    let durable = log
        .flush_to(end)
        .expect("flush_to")
        .wait_timeout(WAIT_MAX)
        .expect("flush waiter hung")
        .expect("durable");
    assert!(
        durable >= end,
        "answered at {durable} for a batch ending at {end}"
    );
    assert!(
        log.recovery_point() >= end,
        "answered before the recovery point covered {end}"
    );
}

fn report(name: &str, stats: FlushStats, waiters: u64) {
    eprintln!(
        "{name}: {} flush_to calls, {} waited, {} grouped fsyncs ({} files synced)",
        waiters, stats.waiters, stats.flushes, stats.files_synced
    );
}

#[test]
fn concurrent_acks_all_producers_share_fsyncs() {
    // With eight threads appending and waiting at once, fewer fsyncs run than there are
    // waiters, and every waiter is answered only once the recovery point covers its batch.
    let dir = tempfile::tempdir().unwrap();
    let o = open(
        dir.path(),
        LogConfig::default(),
        clock(),
        LoadParams::default(),
    );
    let start = Arc::new(Barrier::new(PRODUCERS));
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let (log, start) = (Arc::clone(&o.log), Arc::clone(&start));
            thread::spawn(move || {
                start.wait();
                for round in 0..ROUNDS {
                    append_and_wait(&log, (p * ROUNDS + round) as u64);
                }
            })
        })
        .collect();
    for producer in producers {
        producer.join().expect("producer panicked");
    }
    let waiters = (PRODUCERS * ROUNDS) as u64;
    let stats = o.log.flush_stats();
    report("free-running", stats, waiters);
    assert_eq!(o.log.recovery_point(), o.log.log_end_offset());
    assert!(stats.flushes >= 1);
    assert!(
        stats.flushes < waiters,
        "{} fsyncs for {waiters} waiters: no grouping",
        stats.flushes
    );
}

#[test]
fn one_fsync_serves_every_batch_appended_before_it() {
    // When eight producers have all appended before any of them waits, each round costs
    // exactly one fsync, however the waits interleave with it.
    let dir = tempfile::tempdir().unwrap();
    let o = open(
        dir.path(),
        LogConfig::default(),
        clock(),
        LoadParams::default(),
    );
    let appended = Arc::new(Barrier::new(PRODUCERS));
    let answered = Arc::new(Barrier::new(PRODUCERS));
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let log = Arc::clone(&o.log);
            let (appended, answered) = (Arc::clone(&appended), Arc::clone(&answered));
            thread::spawn(move || {
                for round in 0..ROUNDS {
                    let tag = (p * ROUNDS + round) as u64;
                    let end = append(&log, batch(tag, 4, 100, 0)).next_offset();
                    appended.wait();
                    let durable = log
                        .flush_to(end)
                        .expect("flush_to")
                        .wait_timeout(WAIT_MAX)
                        .expect("flush waiter hung")
                        .expect("durable");
                    assert!(durable >= end);
                    answered.wait();
                }
            })
        })
        .collect();
    for producer in producers {
        producer.join().expect("producer panicked");
    }
    let stats = o.log.flush_stats();
    report("round-by-round", stats, (PRODUCERS * ROUNDS) as u64);
    assert_eq!(o.log.recovery_point(), o.log.log_end_offset());
    assert_eq!(stats.flushes, ROUNDS as u64, "{stats:?}");
}

#[derive(Debug, Default)]
struct Recorder(std::sync::Mutex<Vec<strom_storage::Offset>>);

impl strom_storage::DurabilityListener for Recorder {
    fn on_durable(&self, _: &strom_storage::TopicPartition, durable: strom_storage::Offset) {
        self.0.lock().unwrap().push(durable);
    }
}

#[test]
fn the_durability_listener_hears_every_advance_of_the_recovery_point() {
    // Each flush that moves the recovery point tells the listener the new value, in order,
    // and a flush with nothing new to sync tells it nothing.
    let dir = tempfile::tempdir().unwrap();
    let opened = open(
        dir.path(),
        LogConfig::default(),
        clock(),
        LoadParams::default(),
    );
    let recorder = Arc::new(Recorder::default());
    opened
        .flusher
        .handle()
        .set_durability_listener(recorder.clone());
    let first = append(&opened.log, batch(1, 3, 10, 0)).next_offset();
    opened.log.flush().unwrap();
    opened.log.flush().unwrap();
    let second = append(&opened.log, batch(2, 2, 10, 0)).next_offset();
    let waited = opened.log.flush_to(second).unwrap().wait_timeout(WAIT_MAX);
    assert_eq!(waited.expect("flush waiter hung").unwrap(), second);
    assert_eq!(*recorder.0.lock().unwrap(), vec![first, second]);
}
