//! Flush steps driven one at a time: a manual flush queue, and the plan / fsync / finish
//! steps of a flush called by hand, so a test can append, wait or truncate in between.

use std::sync::Arc;

use bytes::BytesMut;
use strom_protocol::records::{Compression, RecordBatchBuilder};

use super::*;
use crate::{FlushError, LoadParams, ManualClock};

const ORIGIN: AppendOrigin = AppendOrigin::Client {
    leader_epoch: LeaderEpoch(1),
};

fn batch(records: usize) -> BytesMut {
    let mut b = RecordBatchBuilder::new(Compression::None, 0);
    for i in 0..records {
        b.append(1_000 + i as i64, Some(b"k"), Some(b"value"), &[]);
    }
    BytesMut::from(&b.build().expect("build batch")[..])
}

fn open(dir: &std::path::Path, flusher: &FlushHandle) -> Arc<Log> {
    let clock = Arc::new(ManualClock::new(Timestamp(1_700_000_000_000)));
    let (log, _) = Log::open(
        dir.to_path_buf(),
        TopicPartition::new("t", 0),
        LogConfig::default(),
        LoadParams::default(),
        clock,
        flusher.clone(),
    )
    .expect("open log");
    log
}

fn append(log: &Arc<Log>, records: usize) -> Offset {
    log.append(batch(records), ORIGIN)
        .expect("append")
        .next_offset()
}

/// One flush run by hand as a flusher thread runs it, with `during` called between the
/// snapshot and the fsyncs.
fn run_flush_with(log: Arc<Log>, during: impl FnOnce()) {
    let plan = log.plan_flush().expect("plan").expect("something to flush");
    during();
    let synced = log.sync_planned(&plan);
    let result = log
        .finish_flush(plan, synced)
        .map_err(|e| FlushError::Failed {
            reason: e.to_string(),
        });
    log.answer_waiters(&result);
}

#[test]
fn waiters_arriving_during_an_fsync_share_the_next_single_fsync() {
    // A waiter whose batch was appended after a flush took its snapshot is not answered by
    // that flush; all such waiters are answered together by exactly one more flush.
    let dir = tempfile::tempdir().unwrap();
    let flusher = FlushHandle::manual();
    let log = open(dir.path(), &flusher);
    let end_a = append(&log, 2);
    let a = log.flush_to(end_a).unwrap();
    assert_eq!(flusher.queued(), 1);
    let queued = flusher.pop().unwrap();
    let mut late = Vec::new();
    run_flush_with(queued, || {
        for records in [1, 3, 2] {
            let end = append(&log, records);
            late.push((end, log.flush_to(end).unwrap()));
        }
        // The log is queued at most once: the late waiters did not queue it again.
        assert_eq!(flusher.queued(), 0);
    });
    assert_eq!(a.try_result(), Some(Ok(end_a)));
    assert!(late.iter().all(|(_, w)| w.try_result().is_none()));
    assert_eq!(
        flusher.queued(),
        1,
        "requeued once for all the late waiters"
    );
    flusher.pop().unwrap().run_scheduled_flush();
    let last_end = late.last().unwrap().0;
    for (end, waiter) in &late {
        let durable = waiter.try_result().expect("answered").unwrap();
        assert!(durable >= *end);
        assert_eq!(durable, last_end);
    }
    assert_eq!(flusher.queued(), 0);
    let stats = log.flush_stats();
    assert_eq!((stats.flushes, stats.waiters), (2, 4), "{stats:?}");
}

#[test]
fn truncation_during_an_fsync_keeps_the_recovery_point_honest() {
    // Offsets re-appended after a truncation that overlapped a flush are not counted as
    // durable by that flush, though the log end is back past its snapshot.
    let dir = tempfile::tempdir().unwrap();
    let flusher = FlushHandle::manual();
    let log = open(dir.path(), &flusher);
    let end = append(&log, 10);
    let waiter = log.flush_to(end).unwrap();
    let queued = flusher.pop().unwrap();
    run_flush_with(queued, || {
        // Inside the batch: it goes whole and the log ends where it started.
        assert!(log.truncate_to(Offset(4)).unwrap());
        append(&log, 14);
    });
    assert_eq!(log.log_end_offset(), Offset(14));
    assert_eq!(log.recovery_point(), Offset::ZERO);
    // The waiter's batch (offsets 0..10) was removed by the truncation.
    assert_eq!(
        waiter.try_result(),
        Some(Err(FlushError::BeyondLogEnd {
            end,
            log_end: Offset::ZERO
        }))
    );
    assert_eq!(log.flush().unwrap(), Offset(14));
}

#[test]
fn truncation_answers_waiters_for_the_offsets_it_removes() {
    // A pending waiter past the truncation point resolves at once with BeyondLogEnd; one
    // below it keeps waiting and is answered by the next flush; a waiter for offsets past
    // the log end is refused when it is made.
    let dir = tempfile::tempdir().unwrap();
    let flusher = FlushHandle::manual();
    let log = open(dir.path(), &flusher);
    let first = append(&log, 3);
    let second = append(&log, 3);
    let kept = log.flush_to(first).unwrap();
    let removed = log.flush_to(second).unwrap();
    // Inside the second batch (3..=5): it goes whole and the log ends at 3.
    assert!(log.truncate_to(Offset(4)).unwrap());
    assert_eq!(
        removed.try_result(),
        Some(Err(FlushError::BeyondLogEnd {
            end: second,
            log_end: Offset(3)
        }))
    );
    assert_eq!(kept.try_result(), None);
    flusher.pop().unwrap().run_scheduled_flush();
    assert_eq!(kept.try_result(), Some(Ok(Offset(3))));
    let beyond = log.flush_to(Offset(100)).unwrap();
    assert_eq!(
        beyond.try_result(),
        Some(Err(FlushError::BeyondLogEnd {
            end: Offset(100),
            log_end: Offset(3)
        }))
    );
    assert_eq!(
        flusher.queued(),
        0,
        "nothing queued for an impossible waiter"
    );
}

#[test]
fn a_failed_fsync_takes_the_log_offline_and_is_never_retried() {
    // When an fsync fails the kernel may already have dropped the dirty pages, so a second
    // fsync could succeed over lost data: the flush's waiters get the error, the recovery
    // point stays, and the log refuses appends and flushes from then on.
    let dir = tempfile::tempdir().unwrap();
    let flusher = FlushHandle::manual();
    let log = open(dir.path(), &flusher);
    let end = append(&log, 3);
    let waiter = log.flush_to(end).unwrap();
    let queued = flusher.pop().unwrap();
    let plan = queued.plan_flush().unwrap().expect("something to flush");
    let failed = Err(StorageError::Io {
        op: "fsync",
        path: dir.path().to_path_buf(),
        source: std::io::Error::from_raw_os_error(5),
    });
    let result = queued
        .finish_flush(plan, failed)
        .map_err(|e| FlushError::Failed {
            reason: e.to_string(),
        });
    queued.answer_waiters(&result);
    assert!(matches!(
        waiter.try_result(),
        Some(Err(FlushError::Failed { .. }))
    ));
    assert_eq!(log.recovery_point(), Offset::ZERO);
    assert!(matches!(
        log.append(batch(1), ORIGIN),
        Err(StorageError::LogOffline(_))
    ));
    assert!(matches!(log.flush(), Err(StorageError::LogOffline(_))));
    let again = log.flush_to(end).unwrap();
    assert!(matches!(
        again.try_result(),
        Some(Err(FlushError::Failed { .. }))
    ));
    assert_eq!(flusher.queued(), 0, "nothing queued to retry the fsync");
    assert_eq!(log.recovery_point(), Offset::ZERO);
}

#[test]
fn a_flush_asked_for_during_a_flush_runs_after_it() {
    // Appends that ask for a background flush (no waiter) while a flush is running are
    // not covered by that flush's snapshot; the log is queued once more, and that flush
    // makes them durable.
    let dir = tempfile::tempdir().unwrap();
    let flusher = FlushHandle::manual();
    let log = open(dir.path(), &flusher);
    append(&log, 2);
    log.schedule_flush();
    let queued = flusher.pop().unwrap();
    lock(&queued.durability).rerun = false;
    let mut late_end = Offset::ZERO;
    run_flush_with(queued, || {
        late_end = append(&log, 3);
        log.schedule_flush();
        assert_eq!(flusher.queued(), 0, "queued at most once");
    });
    assert!(log.recovery_point() < late_end);
    assert_eq!(flusher.queued(), 1, "queued again for the late append");
    flusher.pop().unwrap().run_scheduled_flush();
    assert_eq!(log.recovery_point(), late_end);
    assert_eq!(flusher.queued(), 0);
}
