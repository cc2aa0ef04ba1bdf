//! Crash test: a child process appends through a `LogManager` and reports each offset once
//! `flush_to` says it is durable; the parent SIGKILLs it at random moments, reopens the data
//! directory, and checks that every acknowledged offset is there, intact and in order, and
//! that appends continue where the log ends.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use common::*;
use strom_storage::{LogManager, LogManagerConfig, Offset, SystemClock, TopicPartition};

const CHILD_DIR: &str = "STROM_CRASH_CHILD_DIR";
/// Bound on what one child writes before it stops by itself.
const CHILD_BATCHES_MAX: u64 = 200_000;

fn manager_config(dir: &std::path::Path) -> LogManagerConfig {
    let mut config = LogManagerConfig::new(dir.to_path_buf());
    config.default_log_config = small_config();
    config.default_log_config.segment_bytes = 64 * 1024;
    config.cleaner = None;
    config
}

fn tp() -> TopicPartition {
    TopicPartition::new("crash", 0)
}

/// The child's body; a no-op unless started by the parent with `STROM_CRASH_CHILD_DIR`.
#[test]
fn crash_child_writer() {
    // Without the environment variable this test does nothing (it is the child's entry).
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let manager = LogManager::open(manager_config(dir.as_ref()), Arc::new(SystemClock)).unwrap();
    manager.start_background().unwrap();
    let log = manager.get_or_create_log(&tp(), None).unwrap();
    let stdout = std::io::stdout();
    for i in 0..CHILD_BATCHES_MAX {
        // A few appends per fsync wait, so waiters are grouped.
        let mut waiter = None;
        for _ in 0..1 + i % 4 {
            let base = log.log_end_offset().0 as u64;
            let info = log.append(batch(base, 2, 100, 0), EPOCH).unwrap();
            log.update_high_watermark(info.next_offset());
            waiter = Some((
                info.next_offset(),
                log.flush_to(info.next_offset()).unwrap(),
            ));
        }
        if let Some((end, waiter)) = waiter {
            let durable = waiter.wait().unwrap();
            assert!(durable >= end);
            let mut out = stdout.lock();
            writeln!(out, "durable {}", end.0).unwrap();
            out.flush().unwrap();
        }
    }
}

/// A small deterministic generator for kill delays.
fn next_random(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn sigkill_never_loses_acknowledged_offsets() {
    // Across several SIGKILLs at random moments, every offset the child saw acknowledged as
    // durable survives, CRC-valid and in order, and the next run appends right after it.
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut last_acked = 0i64;
    for round in 0..5 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash_child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let acked = Arc::new(AtomicI64::new(0));
        let reader = {
            let acked = Arc::clone(&acked);
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if let Some(n) = line.strip_prefix("durable ") {
                        acked.fetch_max(n.trim().parse().unwrap(), Ordering::SeqCst);
                    }
                }
            })
        };
        // Wait until the child has acknowledged something new, then kill it a little later.
        let started = Instant::now();
        while acked.load(Ordering::SeqCst) <= last_acked
            && started.elapsed() < Duration::from_secs(60)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(next_random(&mut seed) % 300));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        let acked = acked.load(Ordering::SeqCst);
        assert!(
            acked > last_acked,
            "round {round}: child acknowledged nothing new"
        );

        let manager = LogManager::open(manager_config(dir.path()), Arc::new(SystemClock)).unwrap();
        let log = manager.log(&tp()).expect("partition survives");
        assert!(
            log.log_end_offset() >= Offset(acked),
            "round {round}: lost acked offsets"
        );
        let batches = read_all(&log);
        let mut expected_base = 0;
        for (base, bytes) in &batches {
            assert_eq!(
                *base, expected_base,
                "round {round}: gap or overlap at {base}"
            );
            assert_eq!(
                tag_of(bytes),
                *base as u64,
                "round {round}: wrong content at {base}"
            );
            expected_base = base + 2;
        }
        assert_eq!(Offset(expected_base), log.log_end_offset());
        last_acked = acked;
        drop(log);
        drop(manager);
    }
}
