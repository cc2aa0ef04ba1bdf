//! Model-based property test: random sequences of append, read, roll, truncate, DeleteRecords,
//! retention, flush and restart (clean or not) against an in-memory model of the log. The log
//! gets the smallest descriptor cache, so its many small segments' files are closed and
//! reopened all along.

mod common;

use bytes::{Bytes, BytesMut};
use common::*;
use proptest::prelude::*;
use std::path::Path;
use std::sync::Arc;
use strom_protocol::records::{BatchIter, set_base_offset, set_partition_leader_epoch};

use strom_storage::{
    FileCache, FlushScheduler, LoadParams, Log, LogConfig, OPEN_FILES_MIN, Offset, TopicPartition,
};

#[derive(Debug, Clone)]
enum Op {
    Append { records: usize, value_len: usize },
    Read { at: u16, max_bytes: usize },
    Roll,
    Truncate { at: u16 },
    DeleteRecords { at: u16 },
    RetainBytes { limit: u64 },
    Flush,
    Restart { clean: bool },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (1usize..6, 0usize..200)
            .prop_map(|(records, value_len)| Op::Append { records, value_len }),
        4 => (any::<u16>(), 1usize..3000).prop_map(|(at, max_bytes)| Op::Read { at, max_bytes }),
        1 => Just(Op::Roll),
        1 => any::<u16>().prop_map(|at| Op::Truncate { at }),
        1 => any::<u16>().prop_map(|at| Op::DeleteRecords { at }),
        1 => (0u64..6000).prop_map(|limit| Op::RetainBytes { limit }),
        1 => Just(Op::Flush),
        1 => any::<bool>().prop_map(|clean| Op::Restart { clean }),
    ]
}

/// The model: batches in offset order as (base, last, stored bytes), plus the offsets.
#[derive(Debug, Default)]
struct Model {
    batches: Vec<(i64, i64, Bytes)>,
    log_start: i64,
    log_end: i64,
}

impl Model {
    /// Offsets in `[from, to]` picked by `at`.
    fn pick(from: i64, to: i64, at: u16) -> i64 {
        from + (i64::from(at) % (to - from + 1))
    }

    /// The visible batches from the one holding `start`.
    fn from(&self, start: i64) -> Vec<&(i64, i64, Bytes)> {
        self.batches
            .iter()
            .filter(|b| b.1 >= start && b.1 >= self.log_start)
            .collect()
    }
}

fn config() -> LogConfig {
    LogConfig {
        segment_bytes: 2048,
        segment_index_bytes: 96,
        index_interval_bytes: 128,
        retention_ms: None,
        segment_ms: None,
        ..LogConfig::default()
    }
}

fn check_read(model: &Model, start: i64, max_bytes: usize, got: Bytes) {
    let expected = model.from(start);
    if expected.is_empty() {
        assert!(
            got.is_empty(),
            "read at {start} past the data returned bytes"
        );
        return;
    }
    let batches: Vec<_> = BatchIter::new(got.clone())
        .map(|b| b.expect("whole batch"))
        .collect();
    assert!(
        !batches.is_empty(),
        "read at {start} returned nothing; model has {expected:?}"
    );
    assert!(
        batches.len() == 1 || got.len() <= max_bytes,
        "read exceeded max_bytes"
    );
    for (batch, want) in batches.iter().zip(&expected) {
        assert_eq!(batch.as_bytes(), &want.2, "batch at {} differs", want.0);
    }
    assert!(batches.len() <= expected.len());
}

/// Opens the log with a descriptor cache of [`OPEN_FILES_MIN`] (four per shard).
fn open_small(dir: &Path, files: &Arc<FileCache>, params: LoadParams) -> Opened {
    let flusher = FlushScheduler::start(1);
    let (log, _) = Log::open_in(
        dir.to_path_buf(),
        TopicPartition::new("t", 0),
        config(),
        params,
        clock(),
        flusher.handle(),
        Arc::clone(files),
    )
    .expect("open log");
    Opened { log, flusher }
}

fn run(ops: Vec<Op>) {
    let dir = tempfile::tempdir().unwrap();
    let files = FileCache::new(OPEN_FILES_MIN);
    let mut opened = open_small(dir.path(), &files, LoadParams::default());
    let mut model = Model::default();
    for op in ops {
        let log = &opened.log;
        match op {
            Op::Append { records, value_len } => {
                let raw = batch(model.log_end as u64, records, value_len, 1000);
                let info = append(log, raw.clone());
                assert_eq!(info.first_offset, Offset(model.log_end));
                let mut stored = BytesMut::from(&raw[..]);
                set_base_offset(&mut stored, info.first_offset.0);
                set_partition_leader_epoch(&mut stored, 1);
                model
                    .batches
                    .push((info.first_offset.0, info.last_offset.0, stored.freeze()));
                model.log_end = info.last_offset.0 + 1;
            }
            Op::Read { at, max_bytes } => {
                let start = Model::pick(model.log_start, model.log_end, at);
                let got = log.read(Offset(start), params(max_bytes)).expect("read");
                check_read(&model, start, max_bytes, got.records);
            }
            Op::Roll => {
                log.roll().expect("roll");
            }
            Op::Truncate { at } => {
                // Anywhere from offset 0 (below the log start and the first segment) to the
                // log end (which changes nothing), as Kafka's UnifiedLog.truncateTo allows.
                let target = Model::pick(0, model.log_end, at);
                let first_base = log.segments()[0].base_offset.0;
                let changed = log.truncate_to(Offset(target)).expect("truncate");
                assert_eq!(changed, target < model.log_end, "truncate to {target}");
                if changed {
                    // A straddling batch goes whole, and the log ends where it started (or
                    // at the target when no batch holds it); below the first segment the
                    // log restarts empty at the target.
                    let end = if target < first_base {
                        target
                    } else {
                        model
                            .batches
                            .iter()
                            .filter(|b| b.0 >= first_base && b.1 >= target)
                            .map(|b| b.0)
                            .fold(target, i64::min)
                    };
                    model.batches.retain(|b| b.1 < target);
                    model.log_start = model.log_start.min(end);
                    model.log_end = end;
                    log.update_high_watermark(Offset(model.log_end));
                }
            }
            Op::DeleteRecords { at } => {
                let target = Model::pick(model.log_start, model.log_end, at);
                log.delete_records(Offset(target)).expect("delete records");
                model.log_start = target;
            }
            Op::RetainBytes { limit } => {
                let mut c = log.config().as_ref().clone();
                c.retention_bytes = Some(limit);
                log.update_config(c).unwrap();
                log.delete_old_segments().expect("retention");
                let start = log.log_start_offset().0;
                assert!(start >= model.log_start);
                // Retention deletes whole segments, so the log start never lands inside a
                // batch (it may land in a gap that a truncation left).
                assert!(
                    start == model.log_start
                        || !model.batches.iter().any(|b| b.0 < start && start <= b.1),
                    "log start {start} falls inside a batch"
                );
                model.log_start = start;
                log.update_config(config()).unwrap();
            }
            Op::Flush => {
                log.flush().expect("flush");
                assert_eq!(log.recovery_point(), Offset(model.log_end));
            }
            Op::Restart { clean } => {
                // A reopened log ends after its last batch (or at its last segment's base):
                // like Kafka, it forgets a gap that a truncation left at the end.
                let last_segment_end = log.segments().last().expect("a segment").next_offset.0;
                let params = LoadParams {
                    recovery_point: if clean {
                        log.close().expect("close")
                    } else {
                        Offset(0)
                    },
                    log_start_offset: log.log_start_offset(),
                    high_watermark: log.high_watermark(),
                    cleaner_checkpoint: Offset(0),
                    had_clean_shutdown: clean,
                };
                drop(opened);
                opened = open_small(dir.path(), &files, params);
                model.log_end = last_segment_end.max(model.log_start);
            }
        }
        let log = &opened.log;
        assert_eq!(log.log_end_offset(), Offset(model.log_end), "log end");
        assert_eq!(log.log_start_offset(), Offset(model.log_start), "log start");
    }
    let all = read_all(&opened.log);
    let expected: Vec<_> = model
        .from(model.log_start)
        .iter()
        .map(|b| (b.0, b.2.clone()))
        .collect();
    assert_eq!(all, expected);
    assert!(
        files.open_files() <= files.capacity() + 4,
        "descriptors past the bound"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        // STROM_MODEL_CASES raises the count for a longer soak.
        cases: std::env::var("STROM_MODEL_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn log_agrees_with_model(ops in proptest::collection::vec(op(), 1..80)) {
        // Every read, offset and restart of the on-disk log agrees with the in-memory model.
        run(ops);
    }
}
