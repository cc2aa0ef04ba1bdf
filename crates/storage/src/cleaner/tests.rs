//! Compaction against a model, and crashes at every step of a swap.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use strom_protocol::records::{BatchIter, Compression, RecordBatch, RecordBatchBuilder};

use super::*;
use crate::{
    AppendOrigin, CleanupPolicy, Clock, FetchIsolation, FetchParams, FlushScheduler, LeaderEpoch,
    LoadParams, ManualClock, TopicPartition,
};

const ORIGIN: AppendOrigin = AppendOrigin::Client {
    leader_epoch: LeaderEpoch(0),
};

type Row = (i64, Option<Bytes>, Option<Bytes>);

fn config() -> LogConfig {
    LogConfig {
        segment_bytes: 64 * 1024,
        segment_index_bytes: 4096,
        index_interval_bytes: 256,
        cleanup_policy: CleanupPolicy::Compact,
        min_cleanable_dirty_ratio: 0.0,
        delete_retention_ms: 1_000,
        retention_ms: None,
        segment_ms: None,
        ..LogConfig::default()
    }
}

struct Fixture {
    log: Arc<Log>,
    clock: Arc<ManualClock>,
    _flusher: Arc<FlushScheduler>,
}

fn open(dir: &Path, config: LogConfig, params: LoadParams) -> Fixture {
    let clock = Arc::new(ManualClock::new(Timestamp(1_000_000)));
    let flusher = FlushScheduler::start(1);
    let (log, _) = Log::open(
        dir.to_path_buf(),
        TopicPartition::new("c", 0),
        config,
        params,
        clock.clone(),
        flusher.handle(),
    )
    .unwrap();
    Fixture {
        log,
        clock,
        _flusher: flusher,
    }
}

fn keyed(records: &[(String, Option<String>)], ts: i64, codec: Compression) -> BytesMut {
    let mut b = RecordBatchBuilder::new(codec, 0);
    for (k, v) in records {
        b.append(ts, Some(k.as_bytes()), v.as_deref().map(str::as_bytes), &[]);
    }
    BytesMut::from(&b.build().unwrap()[..])
}

fn append(f: &Fixture, records: &[(String, Option<String>)], codec: Compression) {
    let ts = f.clock.now().0;
    let info = f.log.append(keyed(records, ts, codec), ORIGIN).unwrap();
    f.log.update_high_watermark(info.next_offset());
}

/// Every record in the log as (offset, key, value), checking CRCs and offset order.
fn rows(log: &Log) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut next = log.log_start_offset();
    let params = FetchParams {
        max_bytes: 1 << 20,
        min_one_batch: true,
        isolation: FetchIsolation::LogEnd,
    };
    loop {
        let data = log.read(next, params).unwrap();
        if data.records.is_empty() {
            return out;
        }
        for batch in BatchIter::new(data.records) {
            let batch: RecordBatch = batch.unwrap();
            batch.validate_compacted().unwrap();
            let h = *batch.header();
            for r in batch.records().unwrap() {
                let r = r.unwrap();
                let offset = r.offset(h.base_offset);
                assert!(
                    out.last().is_none_or(|l| l.0 < offset),
                    "offsets must increase"
                );
                out.push((offset, r.key, r.value));
            }
            next = Offset(h.next_offset());
        }
    }
}

/// Writes `rounds` batches of random keys (8 distinct) with some tombstones, rolling every
/// few batches; returns every record written.
fn fill(f: &Fixture, rounds: usize, seed: u64) -> Vec<Row> {
    let mut state = seed | 1;
    let mut rand = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..rounds {
        let n = 1 + (rand() % 4) as usize;
        let records: Vec<(String, Option<String>)> = (0..n)
            .map(|i| {
                let key = format!("key-{}", rand() % 8);
                let value = (rand() % 5 != 0).then(|| format!("v{round}.{i}"));
                (key, value)
            })
            .collect();
        let codec = if round % 3 == 0 {
            Compression::Lz4
        } else {
            Compression::None
        };
        append(f, &records, codec);
        if round % 5 == 4 {
            f.log.roll().unwrap();
        }
    }
    f.log.roll().unwrap();
    rows(&f.log)
}

/// What a clean up to `end` must leave: the latest record per key below `end` (tombstones
/// too, unless `drop_tombstones`), and everything at or after `end`.
fn expected(all: &[Row], end: i64, drop_tombstones: bool) -> Vec<Row> {
    let mut latest: HashMap<&Option<Bytes>, i64> = HashMap::new();
    for row in all.iter().filter(|r| r.0 < end) {
        latest.insert(&row.1, row.0);
    }
    all.iter()
        .filter(|r| r.0 >= end || (latest[&r.1] == r.0 && !(drop_tombstones && r.2.is_none())))
        .cloned()
        .collect()
}

#[test]
fn compaction_keeps_latest_value_per_key_with_offsets_unchanged() {
    // After a clean, every key below the cleaned point appears once, with its latest value
    // at its original offset; records above it are untouched; the log end does not move.
    for seed in 1..6 {
        let dir = tempfile::tempdir().unwrap();
        let f = open(dir.path(), config(), LoadParams::default());
        let all = fill(&f, 40, seed);
        let end_before = f.log.log_end_offset();
        let stats = LogCleaner::default()
            .clean(&f.log)
            .unwrap()
            .expect("cleaned");
        assert!(stats.records_removed > 0, "{stats:?}");
        assert_eq!(f.log.log_end_offset(), end_before);
        let want = expected(&all, stats.cleaned_up_to.0, false);
        assert_eq!(rows(&f.log), want, "seed {seed}");
        // A second clean with nothing new dirty does nothing.
        assert!(LogCleaner::default().clean(&f.log).unwrap().is_none());
    }
}

#[test]
fn tombstones_go_only_after_delete_retention_and_a_previous_clean() {
    // A tombstone survives the clean that first sees it; once it has been cleaned and
    // delete.retention.ms has passed, the next clean removes it and its key is gone.
    let dir = tempfile::tempdir().unwrap();
    let f = open(dir.path(), config(), LoadParams::default());
    let s = |x: &str| x.to_string();
    append(
        &f,
        &[(s("a"), Some(s("1"))), (s("b"), Some(s("1")))],
        Compression::None,
    );
    append(&f, &[(s("a"), None)], Compression::None);
    f.log.roll().unwrap();
    LogCleaner::default()
        .clean(&f.log)
        .unwrap()
        .expect("first clean");
    let keys: Vec<_> = rows(&f.log)
        .into_iter()
        .map(|r| (r.1, r.2.is_some()))
        .collect();
    assert_eq!(
        keys,
        vec![
            (Some(Bytes::from("b")), true),
            (Some(Bytes::from("a")), false)
        ]
    );
    f.clock.advance_ms(5_000);
    append(&f, &[(s("c"), Some(s("1")))], Compression::None);
    f.log.roll().unwrap();
    LogCleaner::default()
        .clean(&f.log)
        .unwrap()
        .expect("second clean");
    let keys: Vec<_> = rows(&f.log).into_iter().map(|r| r.1).collect();
    assert_eq!(keys, vec![Some(Bytes::from("b")), Some(Bytes::from("c"))]);
}

#[test]
fn keyless_records_are_rejected_on_compacted_topics() {
    // A record without a key cannot be compacted, so the append is refused as Kafka does,
    // naming each keyless record by its position in the batch.
    let dir = tempfile::tempdir().unwrap();
    let f = open(dir.path(), config(), LoadParams::default());
    let mut b = RecordBatchBuilder::new(Compression::None, 0);
    b.append(0, Some(b"k"), Some(b"v"), &[]);
    b.append(0, None, Some(b"v"), &[]);
    let batch = BytesMut::from(&b.build().unwrap()[..]);
    let refused = f.log.append(batch, ORIGIN).unwrap_err();
    assert!(
        matches!(refused, StorageError::InvalidRecords { batch_index: 0, .. }),
        "{refused:?}"
    );
    let indexes: Vec<i32> = refused
        .record_errors()
        .iter()
        .map(|r| r.record_index)
        .collect();
    assert_eq!(indexes, vec![1]);
    assert_eq!(f.log.log_end_offset(), Offset(0));
}

#[test]
fn dirty_ratio_and_compaction_lag_hold_the_cleaner_back() {
    // Below min.cleanable.dirty.ratio, or within min.compaction.lag.ms, nothing is cleaned.
    let dir = tempfile::tempdir().unwrap();
    let lagged = LogConfig {
        min_compaction_lag_ms: 60_000,
        ..config()
    };
    let f = open(dir.path(), lagged, LoadParams::default());
    fill(&f, 10, 7);
    assert!(LogCleaner::default().clean(&f.log).unwrap().is_none());
    f.clock.advance_ms(120_000);
    f.log
        .update_config(LogConfig {
            min_cleanable_dirty_ratio: 1.0,
            ..config()
        })
        .unwrap();
    LogCleaner::default()
        .clean(&f.log)
        .unwrap()
        .expect("all dirty: ratio 1.0");
    fill(&f, 2, 9);
    assert!(
        LogCleaner::default().clean(&f.log).unwrap().is_none(),
        "mostly clean now"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

#[test]
fn crash_at_any_step_of_a_swap_leaves_old_or_new_never_a_mix() {
    // Stopping a clean after the .cleaned files are written leaves the old log; stopping it
    // at or after the rename to .swap leaves the new one; either way every read is valid.
    let points = [
        (CrashPoint::CleanedWritten, false),
        (CrashPoint::SwapRenamed, true),
        (CrashPoint::FirstOldDeleted, true),
        (CrashPoint::SwapCompleted, true),
    ];
    let pristine = tempfile::tempdir().unwrap();
    let (old, new) = {
        let f = open(pristine.path(), config(), LoadParams::default());
        let old = fill(&f, 30, 42);
        f.log.flush().unwrap();
        let reference = tempfile::tempdir().unwrap();
        copy_dir(pristine.path(), reference.path());
        let r = open(reference.path(), config(), LoadParams::default());
        r.log.update_high_watermark(r.log.log_end_offset());
        let stats = LogCleaner::default().clean(&r.log).unwrap().expect("clean");
        assert_eq!(
            stats.groups_swapped, 1,
            "one group, so a single swap decides"
        );
        (old, rows(&r.log))
    };
    assert_ne!(old, new);
    for (point, expect_new) in points {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(pristine.path(), dir.path());
        {
            let f = open(dir.path(), config(), LoadParams::default());
            f.log.update_high_watermark(f.log.log_end_offset());
            let crashed = LogCleaner::default().clean_with_crash(&f.log, Some(point));
            assert!(
                matches!(crashed, Err(StorageError::InjectedCrash(_))),
                "{point:?}"
            );
        }
        let f = open(dir.path(), config(), LoadParams::default());
        let after = rows(&f.log);
        let want = if expect_new { &new } else { &old };
        assert_eq!(&after, want, "{point:?}");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.contains(".cleaned") || n.contains(".swap") || n.contains(".deleted"))
            .collect();
        assert!(leftovers.is_empty(), "{point:?}: {leftovers:?}");
    }
}

#[test]
fn cleaned_group_keeps_its_offset_range_when_its_tail_is_removed() {
    // When a group's last record is superseded by a later group, an empty batch keeps the
    // group's end offset, so the swap range covers the segment it replaced and reads skip it.
    let dir = tempfile::tempdir().unwrap();
    let tiny = LogConfig {
        segment_bytes: 100,
        ..config()
    };
    let f = open(dir.path(), tiny, LoadParams::default());
    let s = |x: &str| x.to_string();
    for key in ["a", "b", "b", "c"] {
        append(&f, &[(s(key), Some(s("v")))], Compression::None);
    }
    f.log.roll().unwrap();
    assert_eq!(f.log.segments().len(), 5, "one batch per segment");
    let stats = LogCleaner::default().clean(&f.log).unwrap().expect("clean");
    assert_eq!(stats.groups_swapped, 4);
    let segments = f.log.segments();
    assert_eq!(segments[1].base_offset, Offset(1));
    assert_eq!(
        segments[1].next_offset,
        Offset(2),
        "emptied group still ends at 2"
    );
    let keys: Vec<_> = rows(&f.log).into_iter().map(|r| (r.0, r.1)).collect();
    let key = |k: &'static str| Some(Bytes::from(k));
    assert_eq!(keys, vec![(0, key("a")), (2, key("b")), (3, key("c"))]);
    // The emptied segment survives a crash and reopen with the same range.
    drop(f);
    let f = open(dir.path(), config(), LoadParams::default());
    assert_eq!(f.log.segments()[1].next_offset, Offset(2));
    assert_eq!(rows(&f.log).len(), 3);
}
