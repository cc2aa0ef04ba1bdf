//! Transactions on the log: producer state checks on append, the last stable offset,
//! `read_committed` reads with their aborted transactions, the `.txnindex` files, and
//! producer state surviving restarts, crashes, corrupt snapshots and truncation.

mod common;

use std::path::Path;
use std::sync::Arc;

use bytes::BytesMut;
use common::*;
use strom_protocol::records::{
    BatchIter, Compression, EndTransactionMarker, RecordBatchBuilder, build_end_transaction_marker,
};
use strom_storage::{
    AbortedTxn, AppendInfo, AppendOrigin, FetchIsolation, FetchParams, LeaderEpoch, LoadParams,
    Log, LogConfig, Offset, ProducerId, ProducerStateError, StorageError,
};

const COORDINATOR: AppendOrigin = AppendOrigin::Coordinator {
    leader_epoch: LeaderEpoch(1),
};

/// A batch of `n` records from producer `pid` (epoch, first sequence), transactional or not.
fn producer_batch(pid: i64, epoch: i16, seq: i32, n: usize, txn: bool) -> BytesMut {
    let mut b = RecordBatchBuilder::new(Compression::None, 0)
        .with_producer(pid, epoch, seq)
        .with_transactional(txn);
    for i in 0..n {
        let key = format!("k{pid}-{seq}-{i}");
        b.append(1000, Some(key.as_bytes()), Some(b"v"), &[]);
    }
    BytesMut::from(&b.build().unwrap()[..])
}

fn marker_batch(pid: i64, epoch: i16, abort: bool, coordinator_epoch: i32) -> BytesMut {
    let marker = if abort {
        EndTransactionMarker::abort(coordinator_epoch)
    } else {
        EndTransactionMarker::commit(coordinator_epoch)
    };
    BytesMut::from(&build_end_transaction_marker(marker, 0, pid, epoch, 1000).unwrap()[..])
}

fn end_txn(log: &Arc<Log>, pid: i64, abort: bool) -> AppendInfo {
    let info = log
        .append(marker_batch(pid, 0, abort, 0), COORDINATOR)
        .unwrap();
    log.update_high_watermark(info.next_offset());
    info
}

fn fetch(isolation: FetchIsolation) -> FetchParams {
    FetchParams {
        max_bytes: 1 << 20,
        min_one_batch: true,
        isolation,
    }
}

fn committed(log: &Log, start: i64) -> (Vec<i64>, Vec<AbortedTxn>) {
    let data = log
        .read(Offset(start), fetch(FetchIsolation::TxnCommitted))
        .unwrap();
    let bases = BatchIter::new(data.records)
        .map(|b| b.unwrap().header().base_offset)
        .collect();
    (bases, data.aborted_transactions.expect("read_committed"))
}

/// The aborted transactions of a whole read_committed pass over the log, each once.
fn all_aborted(log: &Log) -> Vec<AbortedTxn> {
    let mut all: Vec<AbortedTxn> = Vec::new();
    let mut at = log.log_start_offset().0;
    while at < log.last_stable_offset().0 {
        let data = log
            .read(Offset(at), fetch(FetchIsolation::TxnCommitted))
            .unwrap();
        for txn in data.aborted_transactions.unwrap() {
            if !all.contains(&txn) {
                all.push(txn);
            }
        }
        let Some(next) = BatchIter::new(data.records)
            .map(|b| b.unwrap().header().next_offset())
            .last()
        else {
            break;
        };
        at = next;
    }
    all
}

fn aborted(pid: i64, first: i64) -> AbortedTxn {
    AbortedTxn {
        producer_id: ProducerId(pid),
        first_offset: Offset(first),
    }
}

fn clean_params(log: &Log, recovery_point: Offset) -> LoadParams {
    LoadParams {
        recovery_point,
        log_start_offset: log.log_start_offset(),
        high_watermark: log.high_watermark(),
        cleaner_checkpoint: Offset(0),
        had_clean_shutdown: true,
    }
}

fn crash_params(log: &Log) -> LoadParams {
    LoadParams {
        recovery_point: Offset(0),
        log_start_offset: log.log_start_offset(),
        high_watermark: log.high_watermark(),
        cleaner_checkpoint: Offset(0),
        had_clean_shutdown: false,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

#[test]
fn lso_and_read_committed_follow_interleaved_transactions() {
    // The LSO stays at the earliest open transaction's first offset, read_committed returns
    // only batches below it with the aborted transactions they overlap, and read_uncommitted
    // still reads to the high watermark.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    append(log, producer_batch(1, 0, 0, 2, true)); // 0..=1
    append(log, batch(0, 1, 10, 1000)); // 2
    append(log, producer_batch(2, 0, 0, 2, true)); // 3..=4
    append(log, producer_batch(1, 0, 2, 1, true)); // 5
    assert_eq!(log.last_stable_offset(), Offset(0));
    assert_eq!(committed(log, 0), (vec![], vec![]));
    assert_eq!(end_txn(log, 1, false).first_offset, Offset(6));
    assert_eq!(log.last_stable_offset(), Offset(3));
    assert_eq!(committed(log, 0), (vec![0, 2], vec![]));
    assert_eq!(end_txn(log, 2, true).first_offset, Offset(7));
    assert_eq!(log.last_stable_offset(), Offset(8));
    assert_eq!(log.first_unstable_offset(), None);
    assert_eq!(
        committed(log, 0),
        (vec![0, 2, 3, 5, 6, 7], vec![aborted(2, 3)])
    );
    assert_eq!(committed(log, 5), (vec![5, 6, 7], vec![aborted(2, 3)]));
    assert_eq!(committed(log, 8), (vec![], vec![]));
    // P1 opens another transaction; a plain producer keeps writing after it.
    append(log, producer_batch(1, 0, 3, 1, true)); // 8
    append(log, batch(9, 1, 10, 1000)); // 9
    assert_eq!(log.last_stable_offset(), Offset(8));
    assert_eq!(
        committed(log, 2),
        (vec![2, 3, 5, 6, 7], vec![aborted(2, 3)])
    );
    let uncommitted = log
        .read(Offset(0), fetch(FetchIsolation::HighWatermark))
        .unwrap();
    assert_eq!(uncommitted.aborted_transactions, None);
    assert_eq!(uncommitted.last_stable_offset, Offset(8));
    assert_eq!(BatchIter::new(uncommitted.records).count(), 8);
    // The LSO never passes the high watermark.
    log.update_high_watermark(Offset(4));
    assert_eq!(log.last_stable_offset(), Offset(4));
    assert_eq!(committed(log, 0).0, vec![0, 2, 3]);
}

#[test]
fn aborts_are_34_byte_entries_that_live_and_die_with_their_segment() {
    // An abort writes one big-endian 34-byte entry to the active segment's .txnindex; it
    // survives a reopen, goes with a truncation below its marker, and with its segment when
    // retention deletes it.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    append(log, producer_batch(7, 0, 0, 3, true)); // 0..=2
    append(log, producer_batch(8, 0, 0, 1, true)); // 3
    end_txn(log, 7, true); // 4: LSO then is 3 (producer 8 still open)
    let files = segment_files(dir.path(), ".txnindex");
    assert_eq!(files.len(), 1);
    let mut want = vec![0u8, 0];
    for v in [7i64, 0, 4, 3] {
        want.extend_from_slice(&v.to_be_bytes());
    }
    assert_eq!(std::fs::read(&files[0]).unwrap(), want);
    end_txn(log, 8, true); // 5: nothing else open, LSO 6
    let len = std::fs::metadata(&files[0]).unwrap().len();
    assert_eq!(len, 68);
    let last = std::fs::read(&files[0]).unwrap()[34..].to_vec();
    assert_eq!(&last[26..34], &6i64.to_be_bytes());
    // Reopen after a clean close: the entries are read from the file.
    let end = log.close().unwrap();
    let params = clean_params(log, end);
    drop(o);
    let o = open(dir.path(), small_config(), clock(), params);
    let log = &o.log;
    assert_eq!(committed(log, 0).1, vec![aborted(7, 0), aborted(8, 3)]);
    // Truncation below the second marker drops its entry and reopens its transaction.
    log.truncate_to(Offset(5)).unwrap();
    assert_eq!(std::fs::metadata(&files[0]).unwrap().len(), 34);
    assert_eq!(log.first_unstable_offset(), Some(Offset(3)));
    end_txn(log, 8, false);
    // Retention takes the segment and its .txnindex once later segments exist.
    log.roll().unwrap();
    append(log, batch(6, 1, 10, 1000));
    log.delete_records(Offset(6)).unwrap();
    assert!(segment_files(dir.path(), ".txnindex").is_empty());
    assert_eq!(committed(log, 6), (vec![6], vec![]));
}

#[test]
fn open_transaction_survives_clean_restart_and_crash() {
    // After a clean close, a drop without close, and a copy taken while the log was open,
    // the reopened log keeps the LSO at the open transaction's start, and its commit marker
    // then moves the LSO to the high watermark.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    append(&o.log, batch(0, 5, 100, 1000)); // 0..=4
    append(&o.log, producer_batch(3, 0, 0, 2, true)); // 5..=6
    for i in 0..30 {
        append(&o.log, batch(i, 3, 150, 1000)); // several segments
    }
    assert!(o.log.segments().len() > 3);
    assert!(!segment_files(dir.path(), ".snapshot").is_empty());
    assert_eq!(o.log.last_stable_offset(), Offset(5));
    // A copy taken mid-way, as a crash would leave the files, with the recovery point the
    // checkpoint would have held.
    o.log.flush().unwrap();
    append(&o.log, batch(99, 3, 150, 1000));
    let copy = tempfile::tempdir().unwrap();
    copy_dir(dir.path(), copy.path());
    let crashed = LoadParams {
        recovery_point: o.log.recovery_point(),
        ..crash_params(&o.log)
    };
    // Clean close and reopen.
    let end = o.log.close().unwrap();
    let params = clean_params(&o.log, end);
    drop(o);
    let (o, stats) = open_with_stats(dir.path(), small_config(), params);
    assert_eq!(stats.producer_snapshot, Some(end));
    assert_eq!(stats.replayed_batches, 0);
    assert_eq!(o.log.last_stable_offset(), Offset(5));
    // Drop without close, reopen as after a crash.
    let params = crash_params(&o.log);
    drop(o);
    let (o, stats) = open_with_stats(dir.path(), small_config(), params);
    assert!(stats.replayed_batches > 0);
    assert_eq!(o.log.last_stable_offset(), Offset(5));
    let producers = o.log.active_producers();
    assert_eq!(producers.len(), 1);
    assert_eq!(producers[0].current_txn_start_offset, Some(Offset(5)));
    assert_eq!(producers[0].last_sequence, 1);
    end_txn(&o.log, 3, false);
    assert_eq!(o.log.last_stable_offset(), o.log.log_end_offset());
    // The mid-way copy.
    let (c, stats) = open_with_stats(copy.path(), small_config(), crashed);
    assert!(stats.producer_snapshot.is_some());
    assert_eq!(c.log.last_stable_offset(), Offset(5));
    end_txn(&c.log, 3, true);
    assert_eq!(committed(&c.log, 0).1, vec![aborted(3, 5)]);
}

#[test]
fn corrupt_snapshot_is_ignored_and_state_rebuilt_from_an_earlier_one() {
    // A snapshot that fails its CRC is deleted and skipped; the state comes from an older
    // snapshot plus a replay and is the same.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    for i in 0..10 {
        append(&o.log, batch(i, 3, 150, 1000));
    }
    append(&o.log, producer_batch(4, 2, 0, 1, true));
    let start = o.log.first_unstable_offset().unwrap();
    for i in 0..10 {
        append(&o.log, batch(i, 3, 150, 1000));
    }
    let end = o.log.close().unwrap();
    let params = clean_params(&o.log, end);
    drop(o);
    let snapshots = segment_files(dir.path(), ".snapshot");
    assert!(snapshots.len() >= 2);
    let newest = snapshots.last().unwrap();
    let mut bytes = std::fs::read(newest).unwrap();
    let at = bytes.len() - 3;
    bytes[at] ^= 0xFF;
    std::fs::write(newest, &bytes).unwrap();
    let (o, stats) = open_with_stats(dir.path(), small_config(), params);
    assert_eq!(stats.corrupt_snapshots, 1);
    assert!(stats.producer_snapshot.is_some_and(|s| s < end));
    assert!(!newest.exists());
    assert_eq!(o.log.first_unstable_offset(), Some(start));
    assert_eq!(o.log.active_producers()[0].producer_epoch, 2);
    // Garbage in every snapshot: the replay starts at the log's first segment.
    let end = o.log.close().unwrap();
    let params = clean_params(&o.log, end);
    drop(o);
    for s in segment_files(dir.path(), ".snapshot") {
        std::fs::write(s, b"garbage").unwrap();
    }
    let (o, stats) = open_with_stats(dir.path(), small_config(), params);
    assert_eq!(stats.producer_snapshot, None);
    assert_eq!(o.log.first_unstable_offset(), Some(start));
}

#[test]
fn truncation_below_an_open_transaction_clears_it() {
    // Truncating inside a transaction keeps it open from its first offset; truncating below
    // its first offset removes it and its producer's later batches, and drops snapshots
    // above the new end.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    for i in 0..10 {
        append(log, batch(i, 1, 150, 1000)); // 0..=9
    }
    append(log, producer_batch(5, 0, 0, 2, true)); // 10..=11
    for i in 0..20 {
        append(log, batch(i, 2, 150, 1000)); // 12..=51
    }
    append(log, producer_batch(5, 0, 2, 1, true)); // 52
    log.truncate_to(Offset(40)).unwrap();
    assert_eq!(log.first_unstable_offset(), Some(Offset(10)));
    assert_eq!(log.active_producers()[0].last_sequence, 1);
    assert!(
        segment_files(dir.path(), ".snapshot").iter().all(|p| p
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            <= "00000000000000000040.snapshot")
    );
    log.truncate_to(Offset(8)).unwrap();
    assert_eq!(log.first_unstable_offset(), None);
    assert_eq!(log.last_stable_offset(), log.high_watermark());
    assert!(log.active_producers().is_empty());
    // The producer may start over at sequence 0 of its epoch.
    append(log, producer_batch(5, 0, 0, 1, false));
}

#[test]
fn appends_are_checked_against_producer_state() {
    // A retried batch is answered with its first offsets and not written; a sequence gap, a
    // fenced epoch, a plain batch inside a transaction and a stale coordinator are refused.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    let first = append(log, producer_batch(9, 1, 0, 3, false));
    append(log, producer_batch(9, 1, 3, 2, false));
    let end = log.log_end_offset();
    let retry = log
        .append(producer_batch(9, 1, 0, 3, false), EPOCH)
        .unwrap();
    assert!(retry.duplicate);
    assert_eq!(
        (retry.first_offset, retry.last_offset),
        (first.first_offset, first.last_offset)
    );
    assert_eq!(log.log_end_offset(), end);
    let refused = |records, origin| refusal(log.append(records, origin));
    assert!(matches!(
        refused(producer_batch(9, 1, 7, 1, false), EPOCH),
        ProducerStateError::OutOfOrderSequence { last: 4, .. }
    ));
    assert!(matches!(
        refused(producer_batch(9, 0, 5, 1, false), EPOCH),
        ProducerStateError::InvalidProducerEpoch { current: 1, .. }
    ));
    append(log, producer_batch(9, 1, 5, 1, true));
    assert!(matches!(
        refused(producer_batch(9, 1, 6, 1, false), EPOCH),
        ProducerStateError::InvalidTxnState { .. }
    ));
    log.append(marker_batch(9, 1, false, 4), COORDINATOR)
        .unwrap();
    assert!(matches!(
        refused(marker_batch(9, 1, false, 3), COORDINATOR),
        ProducerStateError::TransactionCoordinatorFenced { current: 4, .. }
    ));
    assert!(matches!(
        refused(marker_batch(9, 0, true, 4), COORDINATOR),
        ProducerStateError::InvalidProducerEpoch { .. }
    ));
    assert_eq!(log.active_producers()[0].coordinator_epoch, 4);
    // A follower takes what its leader wrote.
    let mut replicated = producer_batch(9, 0, 99, 1, false);
    strom_protocol::records::set_base_offset(&mut replicated, log.log_end_offset().0);
    log.append(replicated, AppendOrigin::Replication).unwrap();
}

#[test]
fn lost_txn_index_is_rebuilt_on_recovery() {
    // A crash that loses the active segment's .txnindex, or a damaged one in an older
    // segment, is repaired from the replay on the next open.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    append(log, producer_batch(1, 0, 0, 1, true)); // 0
    for i in 0..12 {
        append(log, batch(i, 3, 150, 1000));
    }
    end_txn(log, 1, true);
    append(log, producer_batch(2, 0, 0, 1, true));
    for i in 0..12 {
        append(log, batch(i, 3, 150, 1000));
    }
    end_txn(log, 2, true);
    let expected = all_aborted(log);
    assert_eq!(expected.len(), 2);
    let params = crash_params(log);
    drop(o);
    let files = segment_files(dir.path(), ".txnindex");
    assert_eq!(files.len(), 2, "{:?}", segment_files(dir.path(), ""));
    std::fs::remove_file(&files[1]).unwrap();
    std::fs::write(&files[0], [1u8; 35]).unwrap();
    let (o, stats) = open_with_stats(dir.path(), small_config(), params);
    assert!(stats.rebuilt_txn_indexes >= 2);
    assert_eq!(all_aborted(&o.log), expected);
    assert_eq!(std::fs::metadata(&files[0]).unwrap().len(), 34);
}

#[test]
fn cleaning_keeps_committed_values_and_txn_index_entries() {
    // An aborted write does not make the cleaner drop the committed value of its key, and
    // the cleaned segment keeps the abort's transaction index entry and its marker; the
    // aborted data itself is gone, a committed transaction's data stays.
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        cleanup_policy: strom_storage::CleanupPolicy::Compact,
        min_cleanable_dirty_ratio: 0.0,
        ..small_config()
    };
    let o = open(dir.path(), config, clock(), LoadParams::default());
    let log = &o.log;
    append(log, keyed_batch(&[("k", Some("committed"))], 1000));
    // One transactional record of producer `pid`, then its marker.
    let transaction = |pid: i64, key: &[u8], value: &[u8], abort: bool| {
        let mut txn = RecordBatchBuilder::new(Compression::None, 0)
            .with_producer(pid, 0, 0)
            .with_transactional(true);
        txn.append(1000, Some(key), Some(value), &[]);
        append(log, BytesMut::from(&txn.build().unwrap()[..]));
        end_txn(log, pid, abort);
    };
    transaction(11, b"k", b"aborted", true);
    transaction(12, b"t", b"txn-committed", false);
    log.roll().unwrap();
    append(log, keyed_batch(&[("other", Some("x"))], 1000));
    let stats = strom_storage::LogCleaner::default().clean(log).unwrap();
    let stats = stats.expect("the log was cleaned");
    assert_eq!(stats.records_removed, 1, "{stats:?}");
    let values: Vec<String> = read_all(log)
        .into_iter()
        .flat_map(|(_, bytes)| {
            let batch = strom_protocol::records::RecordBatch::new(bytes).unwrap();
            let records: Vec<_> = batch.records().unwrap().map(|r| r.unwrap()).collect();
            records
                .into_iter()
                .filter_map(|r| r.value.map(|v| String::from_utf8_lossy(&v).into_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(values.contains(&"committed".to_string()), "{values:?}");
    assert!(values.contains(&"txn-committed".to_string()), "{values:?}");
    assert!(!values.contains(&"aborted".to_string()), "{values:?}");
    // The offsets of what is left are unchanged: 0 data, 2 and 4 markers, 3 committed data.
    let offsets: Vec<i64> = read_all(log).into_iter().map(|(o, _)| o).collect();
    assert_eq!(offsets, vec![0, 2, 3, 4, 5], "{offsets:?}");
    assert_eq!(committed(log, 0).1, vec![aborted(11, 1)]);
}

#[test]
fn transaction_version_2_markers_need_an_epoch_above_the_producers() {
    // KIP-890 part 2: the coordinator bumps the epoch as a transaction ends, so its markers
    // carry epoch + 1. A marker at the producer's own epoch is a repeat of one already
    // written (or a late one) and must not end the producer's next transaction.
    let tv2 = AppendOrigin::CoordinatorTv2 {
        leader_epoch: LeaderEpoch(1),
    };
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    append(log, producer_batch(7, 3, 0, 2, true));
    let refused = |records, origin| refusal(log.append(records, origin));
    assert!(matches!(
        refused(marker_batch(7, 3, false, 1), tv2),
        ProducerStateError::InvalidProducerEpoch {
            epoch: 3,
            current: 3,
            ..
        }
    ));
    assert_eq!(log.first_unstable_offset(), Some(Offset(0)));
    let commit = log.append(marker_batch(7, 4, false, 1), tv2).unwrap();
    log.update_high_watermark(commit.next_offset());
    assert_eq!(log.last_stable_offset(), commit.next_offset());
    // The next transaction, at the bumped epoch, starts again at sequence 0; a repeat of the
    // commit marker cannot end it.
    assert!(matches!(
        refused(producer_batch(7, 4, 2, 1, true), EPOCH),
        ProducerStateError::OutOfOrderSequence { .. }
    ));
    let data = append(log, producer_batch(7, 4, 0, 1, true));
    assert!(matches!(
        refused(marker_batch(7, 4, false, 1), tv2),
        ProducerStateError::InvalidProducerEpoch { .. }
    ));
    log.update_high_watermark(log.log_end_offset());
    assert_eq!(log.last_stable_offset(), data.first_offset);
    // Old data can no longer join it either.
    assert!(matches!(
        refused(producer_batch(7, 3, 2, 1, true), EPOCH),
        ProducerStateError::InvalidProducerEpoch { .. }
    ));
    // The same marker under transaction version 0 rules is accepted (equal epochs are fine).
    log.append(marker_batch(7, 4, true, 1), COORDINATOR)
        .unwrap();
    log.update_high_watermark(log.log_end_offset());
    assert_eq!(log.last_stable_offset(), log.log_end_offset());
    assert_eq!(all_aborted(log), vec![aborted(7, data.first_offset.0)]);
}

/// The producer state error of a refused append.
fn refusal(appended: strom_storage::Result<AppendInfo>) -> ProducerStateError {
    match appended {
        Err(StorageError::ProducerState(e)) => e,
        other => panic!("expected a producer state error, got {other:?}"),
    }
}

#[test]
fn a_verification_answered_after_the_transaction_ended_here_opens_nothing() {
    // The fault suite's seed 11: a write of transaction T1 was verified with the
    // coordinator, the answer was held up, T1 was aborted and its marker written here, and
    // then the write was appended: it opened a transaction in this partition that no
    // coordinator knew, and the producer's next commit marker committed it. The guard
    // taken before asking is gone once the marker is written, so the late write is refused.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    let epoch = LeaderEpoch(1);
    // T0 commits normally: guard, append, marker.
    let guard = log.start_verification(ProducerId(5), 0, false);
    assert!(guard.is_some());
    log.append_verified(producer_batch(5, 0, 0, 1, true), epoch, guard)
        .unwrap();
    // Open here now: the producer's next write needs no guard, and takes none.
    assert_eq!(log.start_verification(ProducerId(5), 0, false), None);
    log.append_verified(producer_batch(5, 0, 1, 1, true), epoch, None)
        .unwrap();
    end_txn(log, 5, false);
    // T1's first write to this partition: the guard is taken, the coordinator asked ...
    let late = log.start_verification(ProducerId(5), 0, false);
    assert!(late.is_some());
    // ... and before the answer arrives, T1 is aborted and its marker written here.
    let abort = end_txn(log, 5, true);
    let end = log.log_end_offset();
    assert!(matches!(
        refusal(log.append_verified(producer_batch(5, 0, 2, 1, true), epoch, late)),
        ProducerStateError::TransactionNotVerified { .. }
    ));
    assert_eq!(log.log_end_offset(), end, "a refused write wrote nothing");
    assert_eq!(log.first_unstable_offset(), None);
    assert_eq!(log.last_stable_offset(), abort.next_offset());
    // Without a guard at all it is refused too; with a fresh one (T2 asked anew) it opens T2.
    assert!(matches!(
        refusal(log.append_verified(producer_batch(5, 0, 2, 1, true), epoch, None)),
        ProducerStateError::TransactionNotVerified { .. }
    ));
    let fresh = log.start_verification(ProducerId(5), 0, false);
    assert_ne!(fresh, late);
    let t2 = log
        .append_verified(producer_batch(5, 0, 2, 1, true), epoch, fresh)
        .unwrap();
    assert_eq!(log.first_unstable_offset(), Some(t2.first_offset));
    // A non-transactional batch never needs a guard.
    log.append_verified(producer_batch(6, 0, 0, 1, false), epoch, None)
        .unwrap();
}

#[test]
fn a_guard_survives_the_previous_transactions_marker_only_under_transaction_version_2() {
    // Under transaction version 2 the marker ending T1 carries the epoch T2 uses, and T2's
    // first write may be verified before that marker reaches this partition: the marker
    // at the guard's own epoch leaves the guard in place. Under version 0/1 the epoch never
    // changes, so any marker ends the guard.
    let tv2 = AppendOrigin::CoordinatorTv2 {
        leader_epoch: LeaderEpoch(1),
    };
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let log = &o.log;
    let epoch = LeaderEpoch(1);
    let t1 = log.start_verification(ProducerId(8), 3, true);
    log.append_verified(producer_batch(8, 3, 0, 1, true), epoch, t1)
        .unwrap();
    // T2 (epoch 4) asks before T1's commit marker (epoch 4) is written here.
    let t2 = log.start_verification(ProducerId(8), 4, true);
    log.append(marker_batch(8, 4, false, 0), tv2).unwrap();
    log.append_verified(producer_batch(8, 4, 0, 1, true), epoch, t2)
        .unwrap();
    // A marker at another epoch ends a version-2 guard: T3 (epoch 5) asks, the coordinator
    // aborts it on a timeout with a marker at epoch 6, and T3's verified write opens nothing.
    let t3 = log.start_verification(ProducerId(8), 5, true);
    assert!(t3.is_some());
    log.append(marker_batch(8, 5, false, 0), tv2).unwrap();
    let t3 = log.start_verification(ProducerId(8), 5, true);
    log.append(marker_batch(8, 6, true, 0), tv2).unwrap();
    assert!(matches!(
        refusal(log.append_verified(producer_batch(8, 5, 0, 1, true), epoch, t3)),
        ProducerStateError::TransactionNotVerified { .. }
    ));
    assert_eq!(log.first_unstable_offset(), None);
}
