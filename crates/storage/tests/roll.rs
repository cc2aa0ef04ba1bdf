//! Segment rolls fsync nothing on the appending thread: the producer state snapshot, the
//! rolled segment's indexes, the leader epoch checkpoint and the directory are synced by the
//! log's next flush, and whatever a crash leaves of them before that flush is recovered.

mod common;

use std::fs;
use std::path::Path;

use bytes::BytesMut;
use common::*;
use strom_protocol::records::{Compression, RecordBatchBuilder};
use strom_storage::{
    AppendOrigin, LeaderEpoch, LoadParams, Offset, StorageError, Timestamp, fsyncs_on_this_thread,
};

/// An idempotent producer's batch of `n` records at sequence `seq`, stamped `timestamp`.
fn producer_batch(seq: i32, n: usize, timestamp: i64) -> BytesMut {
    let mut b = RecordBatchBuilder::new(Compression::None, 0).with_producer(42, 0, seq);
    for i in 0..n {
        b.append(timestamp + i as i64, Some(b"k"), Some(&[b'v'; 150]), &[]);
    }
    BytesMut::from(&b.build().unwrap()[..])
}

fn epoch(n: i32) -> AppendOrigin {
    AppendOrigin::Client {
        leader_epoch: LeaderEpoch(n),
    }
}

fn snapshots(dir: &Path) -> Vec<std::path::PathBuf> {
    segment_files(dir, ".snapshot")
}

#[test]
fn appends_that_roll_and_reads_fsync_nothing_on_their_thread() {
    // Appends that roll several segments (writing producer snapshots and indexes) and a new
    // leader epoch, then reads by offset and timestamp, make no fsync on the caller's thread;
    // the next flush then syncs the snapshots, the rolled indexes and the epoch checkpoint.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let before = fsyncs_on_this_thread();
    for i in 0..40 {
        let origin = epoch(1 + i / 20);
        let info = o
            .log
            .append(producer_batch(i * 3, 3, 1000 * i64::from(i)), origin)
            .unwrap();
        o.log.update_high_watermark(info.next_offset());
    }
    assert!(o.log.segments().len() >= 5, "{:?}", o.log.segments());
    assert!(!snapshots(dir.path()).is_empty(), "rolls write snapshots");
    read_all(&o.log);
    o.log.offset_for_timestamp(Timestamp(5_000)).unwrap();
    assert_eq!(
        fsyncs_on_this_thread(),
        before,
        "an append, a roll or a read fsynced on the caller's thread"
    );
    let synced = o.log.flush_stats().files_synced;
    o.log.flush().unwrap();
    let files = o.log.flush_stats().files_synced - synced;
    // The active and rolled .log files, two indexes per rolled segment, the snapshots
    // (at most three are kept), the epoch checkpoint and the directory.
    let rolled = o.log.segments().len() as u64 - 1;
    assert!(files > 3 * rolled, "the flush synced only {files} files");
    assert!(fsyncs_on_this_thread() > before);
    assert_eq!(o.log.recovery_point(), o.log.log_end_offset());
}

/// Writes a log whose tail was rolled but never flushed, and returns the recovery point that
/// a crash would leave checkpointed (the flushed prefix) and the offsets written.
fn log_with_an_unflushed_roll(dir: &Path) -> (Offset, Offset) {
    let o = open(dir, small_config(), clock(), LoadParams::default());
    for i in 0..15 {
        append_as(&o, i, epoch(1));
    }
    let durable = o.log.flush().unwrap();
    for i in 15..40 {
        append_as(&o, i, epoch(2 + i / 30));
    }
    let end = o.log.log_end_offset();
    assert!(o.log.recovery_point() < end);
    // Dropped without a flush or a close: the process "crashes" here.
    drop(o);
    (durable, end)
}

fn append_as(o: &Opened, i: i32, origin: AppendOrigin) {
    let info = o
        .log
        .append(producer_batch(i * 3, 3, 1000 * i64::from(i)), origin)
        .unwrap();
    o.log.update_high_watermark(info.next_offset());
}

#[test]
fn whatever_a_crash_leaves_of_an_unflushed_roll_is_recovered() {
    // A power loss before the flush that follows a roll can leave the roll's snapshot
    // missing or torn, the rolled segment's indexes empty or cut mid-entry, and the leader
    // epoch checkpoint stale. For each, reopening without a clean shutdown gives back every
    // record, the producer's sequence (a retry is still a duplicate), lookups by offset and
    // timestamp, and the epochs the batches carry.
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 5] = [
        ("snapshots missing", |d| {
            for s in snapshots(d) {
                fs::remove_file(s).unwrap();
            }
        }),
        ("snapshots torn", |d| {
            for s in snapshots(d) {
                let len = fs::metadata(&s).unwrap().len();
                let f = fs::OpenOptions::new().write(true).open(&s).unwrap();
                f.set_len(len / 2).unwrap();
            }
        }),
        ("indexes emptied", |d| {
            for f in segment_files(d, ".index")
                .into_iter()
                .chain(segment_files(d, ".timeindex"))
            {
                fs::write(f, b"").unwrap();
            }
        }),
        ("indexes cut mid-entry", |d| {
            for f in segment_files(d, ".timeindex") {
                let len = fs::metadata(&f).unwrap().len();
                let file = fs::OpenOptions::new().write(true).open(&f).unwrap();
                file.set_len(len.saturating_sub(5)).unwrap();
            }
        }),
        ("epoch checkpoint stale", |d| {
            fs::write(d.join("leader-epoch-checkpoint"), "0\n1\n1 0\n").unwrap();
        }),
    ];
    for (name, damage) in damages {
        let dir = tempfile::tempdir().unwrap();
        let (durable, end) = log_with_an_unflushed_roll(dir.path());
        damage(dir.path());
        let crashed = LoadParams {
            recovery_point: durable,
            ..LoadParams::default()
        };
        let (o, _) = open_with_stats(dir.path(), small_config(), crashed);
        assert_eq!(o.log.log_end_offset(), end, "{name}");
        assert_eq!(read_all(&o.log).len(), 40, "{name}");
        let retry = o.log.append(producer_batch(39 * 3, 3, 39_000), epoch(3));
        assert!(
            retry.unwrap().duplicate,
            "{name}: the retry was written again"
        );
        let gap = o.log.append(producer_batch(200, 3, 40_000), epoch(3));
        assert!(
            matches!(gap, Err(StorageError::ProducerState(_))),
            "{name}: {gap:?}"
        );
        assert_eq!(
            o.log.offset_for_timestamp(Timestamp(20_001)).unwrap(),
            Some((Offset(61), Timestamp(20_001))),
            "{name}"
        );
        assert_eq!(
            o.log.end_offset_for_epoch(LeaderEpoch(1)),
            Some((LeaderEpoch(1), Offset(45))),
            "{name}"
        );
        assert_eq!(
            o.log.end_offset_for_epoch(LeaderEpoch(2)),
            Some((LeaderEpoch(2), Offset(90))),
            "{name}"
        );
        assert_eq!(o.log.latest_epoch(), Some(LeaderEpoch(3)), "{name}");
    }
}

#[test]
fn opening_fsyncs_nothing_and_the_first_flush_makes_recovered_data_durable() {
    // Loading a crashed log (recovery scans included) makes no fsync; its recovery point
    // stays at the checkpoint, as Kafka's does, until the first flush fsyncs what recovery
    // checked, the rebuilt epochs and the directory, and only then reaches the log end.
    let dir = tempfile::tempdir().unwrap();
    let (durable, end) = log_with_an_unflushed_roll(dir.path());
    let crashed = LoadParams {
        recovery_point: durable,
        ..LoadParams::default()
    };
    let before = fsyncs_on_this_thread();
    let (o, stats) = open_with_stats(dir.path(), small_config(), crashed);
    assert!(stats.recovered_segments > 0, "{stats:?}");
    assert_eq!(fsyncs_on_this_thread(), before, "opening fsynced");
    assert_eq!(o.log.recovery_point(), durable);
    let synced = o.log.flush_stats().files_synced;
    assert_eq!(o.log.flush().unwrap(), end);
    let files = o.log.flush_stats().files_synced - synced;
    assert!(
        files as usize > stats.recovered_segments,
        "the first flush synced {files} files"
    );
    assert_eq!(o.log.recovery_point(), end);
}
