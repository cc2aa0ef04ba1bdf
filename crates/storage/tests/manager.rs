//! `LogManager`: loading a data directory, checkpoints, the clean-shutdown marker, retention,
//! partition deletion and size reporting.

mod common;

use std::fs;
use std::sync::Arc;

use common::*;
use strom_storage::{
    CLEAN_SHUTDOWN_FILE, Clock, LOG_START_OFFSET_CHECKPOINT, LogManager, LogManagerConfig,
    ManualClock, Offset, OffsetCheckpointFile, RECOVERY_POINT_CHECKPOINT, Timestamp,
    TopicPartition,
};

fn config(dir: &std::path::Path) -> LogManagerConfig {
    let mut c = LogManagerConfig::new(dir.to_path_buf());
    c.default_log_config = small_config();
    c.cleaner = None;
    c
}

#[test]
fn partitions_survive_clean_shutdown_with_marker_and_checkpoints() {
    // Shutdown writes Kafka-format checkpoints and the marker; reopening loads every
    // partition with its log end and consumes the marker.
    let dir = tempfile::tempdir().unwrap();
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(Timestamp(0)));
    let manager = LogManager::open(config(dir.path()), clock.clone()).unwrap();
    for p in 0..4 {
        let log = manager
            .get_or_create_log(&TopicPartition::new("orders", p), None)
            .unwrap();
        for i in 0..(p as u64 + 1) * 5 {
            append(&log, batch(i, 2, 100, 0));
        }
    }
    manager.shutdown().unwrap();
    assert!(dir.path().join(CLEAN_SHUTDOWN_FILE).exists());
    assert!(dir.path().join("orders-3").is_dir());
    let points = OffsetCheckpointFile::new(dir.path().join(RECOVERY_POINT_CHECKPOINT))
        .read()
        .unwrap();
    assert_eq!(
        points.get(&TopicPartition::new("orders", 3)),
        Some(&Offset(40))
    );
    drop(manager);

    let manager = LogManager::open(config(dir.path()), clock).unwrap();
    assert!(
        !dir.path().join(CLEAN_SHUTDOWN_FILE).exists(),
        "marker consumed on start"
    );
    for p in 0..4 {
        let log = manager.log(&TopicPartition::new("orders", p)).unwrap();
        assert_eq!(log.log_end_offset(), Offset((p as i64 + 1) * 10));
        assert_eq!(log.high_watermark(), Offset((p as i64 + 1) * 10));
    }
    let sizes = manager.partition_sizes();
    assert_eq!(sizes.len(), 4);
    assert_eq!(
        manager.total_size_bytes(),
        sizes.iter().map(|s| s.size_bytes).sum::<u64>()
    );
}

#[test]
fn retention_by_time_and_bytes_deletes_whole_old_segments_only() {
    // retention.ms removes segments whose newest timestamp is too old and retention.bytes
    // trims the oldest; the active segment always stays, and the log start follows.
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::new(Timestamp(1_000_000)));
    let mut c = config(dir.path());
    c.default_log_config.retention_ms = Some(10_000);
    let manager = LogManager::open(c, clock.clone()).unwrap();
    let tp = TopicPartition::new("events", 0);
    let log = manager.get_or_create_log(&tp, None).unwrap();
    for i in 0..40 {
        append(&log, batch(i, 2, 200, 1_000_000 + i as i64 * 100));
    }
    let segments = log.segments().len();
    assert!(segments > 3);
    assert_eq!(manager.run_retention(), 0, "nothing old yet");
    clock.advance_ms(1_000_000);
    assert_eq!(
        manager.run_retention(),
        segments - 1,
        "all but the active segment"
    );
    let active = log.segments();
    assert_eq!(active.len(), 1);
    assert_eq!(log.log_start_offset(), active[0].base_offset);

    let mut by_bytes = log.config().as_ref().clone();
    by_bytes.retention_ms = None;
    by_bytes.retention_bytes = Some(5000);
    log.update_config(by_bytes).unwrap();
    for i in 0..40 {
        append(&log, batch(i, 2, 200, clock.now().0));
    }
    manager.run_retention();
    let total: u64 = log.segments().iter().map(|s| s.size_bytes).sum();
    let last = log.segments().last().unwrap().size_bytes;
    assert!(total <= 5000 + last, "{total}");
    let starts = OffsetCheckpointFile::new(dir.path().join(LOG_START_OFFSET_CHECKPOINT));
    manager.checkpoint().unwrap();
    assert_eq!(
        starts.read().unwrap().get(&tp),
        Some(&log.log_start_offset())
    );
}

#[test]
fn delete_records_advances_log_start_and_hides_older_offsets() {
    // DeleteRecords moves the log start (not beyond the high watermark); reads below it are
    // out of range and it survives a restart through the checkpoint.
    let dir = tempfile::tempdir().unwrap();
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(Timestamp(0)));
    let manager = LogManager::open(config(dir.path()), clock.clone()).unwrap();
    let tp = TopicPartition::new("t", 0);
    let log = manager.get_or_create_log(&tp, None).unwrap();
    for i in 0..30 {
        append(&log, batch(i, 2, 200, 0));
    }
    assert!(
        log.delete_records(Offset(61)).is_err(),
        "above the high watermark"
    );
    assert_eq!(log.delete_records(Offset(25)).unwrap(), Offset(25));
    assert!(log.read(Offset(24), params(100)).is_err());
    assert!(
        log.segments()[0].base_offset > Offset(0),
        "whole segments below were deleted"
    );
    manager.shutdown().unwrap();
    drop(manager);
    let manager = LogManager::open(config(dir.path()), clock).unwrap();
    assert_eq!(manager.log(&tp).unwrap().log_start_offset(), Offset(25));
}

#[test]
fn deleting_a_partition_removes_its_directory_and_checkpoint_entries() {
    // delete_log removes the directory (through a -delete rename) and its checkpoint lines;
    // a leftover -delete directory from a crash is removed on the next start.
    let dir = tempfile::tempdir().unwrap();
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(Timestamp(0)));
    let manager = LogManager::open(config(dir.path()), clock.clone()).unwrap();
    let tp = TopicPartition::new("gone", 1);
    let log = manager.get_or_create_log(&tp, None).unwrap();
    append(&log, batch(0, 1, 10, 0));
    assert!(manager.delete_log(&tp).unwrap());
    assert!(!dir.path().join("gone-1").exists());
    assert!(
        log.append(batch(0, 1, 10, 0), EPOCH).is_err(),
        "deleted log takes no writes"
    );
    let points = OffsetCheckpointFile::new(dir.path().join(RECOVERY_POINT_CHECKPOINT))
        .read()
        .unwrap();
    assert!(!points.contains_key(&tp));
    fs::create_dir(dir.path().join("stale-0.abc-delete")).unwrap();
    manager.shutdown().unwrap();
    drop(manager);
    let manager = LogManager::open(config(dir.path()), clock).unwrap();
    assert!(!dir.path().join("stale-0.abc-delete").exists());
    assert!(manager.log(&tp).is_none());
}

#[test]
fn background_flush_by_flush_messages_advances_the_recovery_point() {
    // With flush.messages set, appends alone get fsynced in the background.
    let dir = tempfile::tempdir().unwrap();
    let mut c = config(dir.path());
    c.default_log_config.flush_messages = Some(4);
    let manager = LogManager::open(c, Arc::new(ManualClock::new(Timestamp(0)))).unwrap();
    let log = manager
        .get_or_create_log(&TopicPartition::new("f", 0), None)
        .unwrap();
    for i in 0..4 {
        append(&log, batch(i, 1, 10, 0));
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while log.recovery_point() < Offset(4) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert_eq!(log.recovery_point(), Offset(4));
}

#[test]
fn a_partition_that_cannot_load_goes_offline_and_the_rest_load() {
    // A damaged partition directory beside good ones: the manager opens, the good ones serve
    // their records, the bad one is listed offline and every lookup of it is LogOffline
    // (never a fresh empty log over its files), its checkpoint entries survive, and deleting
    // it removes the directory.
    let dir = tempfile::tempdir().unwrap();
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(Timestamp(0)));
    let manager = LogManager::open(config(dir.path()), clock.clone()).unwrap();
    for p in 0..3 {
        let log = manager
            .get_or_create_log(&TopicPartition::new("t", p), None)
            .unwrap();
        for i in 0..4 {
            append(&log, batch(i, 2, 100, 0));
        }
    }
    manager.shutdown().unwrap();
    drop(manager);
    let bad = TopicPartition::new("t", 1);
    let bad_dir = dir.path().join(bad.dir_name());
    fs::write(
        bad_dir.join("leader-epoch-checkpoint"),
        "0\n5\nnot a checkpoint\n",
    )
    .unwrap();

    let manager = LogManager::open(config(dir.path()), clock).unwrap();
    let offline = manager.offline_partitions();
    assert_eq!(offline.len(), 1, "{offline:?}");
    assert_eq!(offline[0].0, bad);
    assert!(
        offline[0].1.contains("leader-epoch-checkpoint"),
        "{offline:?}"
    );
    for p in [0, 2] {
        let log = manager.log(&TopicPartition::new("t", p)).unwrap();
        assert_eq!(read_all(&log).len(), 4);
    }
    assert!(manager.log(&bad).is_none());
    assert!(matches!(
        manager.get_or_create_log(&bad, None),
        Err(strom_storage::StorageError::LogOffline(tp)) if tp == bad
    ));
    assert!(
        bad_dir.join("00000000000000000000.log").exists(),
        "left for an operator"
    );
    manager.checkpoint().unwrap();
    let points = OffsetCheckpointFile::new(dir.path().join(RECOVERY_POINT_CHECKPOINT))
        .read()
        .unwrap();
    assert_eq!(points.get(&bad), Some(&Offset(8)));
    assert!(manager.delete_log(&bad).unwrap());
    assert!(!bad_dir.exists());
    assert!(manager.offline_partitions().is_empty());
}
