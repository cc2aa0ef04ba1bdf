//! Recovery after crashes: torn and corrupt tails, cut segment files, lost or damaged indexes,
//! and the clean-shutdown shortcut.

mod common;

use std::fs::{self, OpenOptions};
use std::io::Write;

use common::*;
use strom_storage::{LoadParams, LogConfig, Offset, Timestamp};

/// A log of `n` batches (3 records each, tagged with their base offset), left as a crash
/// would leave it: nothing closed, nothing checkpointed.
fn crashed_log(dir: &std::path::Path, n: u64) -> Vec<(i64, bytes::Bytes)> {
    let o = open(dir, small_config(), clock(), LoadParams::default());
    for i in 0..n {
        append(&o.log, batch(i * 3, 3, 150, 1000 * i as i64));
    }
    o.log.flush().unwrap();
    read_all(&o.log)
}

fn unclean() -> LoadParams {
    LoadParams::default()
}

#[test]
fn recovers_after_torn_write() {
    // A batch half-written at the end of the active segment is cut off, every earlier batch
    // survives, and appends continue at the offset after the last whole batch.
    let dir = tempfile::tempdir().unwrap();
    let before = crashed_log(dir.path(), 12);
    let active = segment_files(dir.path(), ".log").pop().unwrap();
    let partial = batch(999, 3, 150, 0);
    let mut f = OpenOptions::new().append(true).open(&active).unwrap();
    f.write_all(&partial[..partial.len() / 2]).unwrap();
    drop(f);
    let (o, stats) = open_with_stats(dir.path(), small_config(), unclean());
    assert_eq!(stats.truncated_bytes, (partial.len() / 2) as u64);
    assert_eq!(read_all(&o.log), before);
    assert_eq!(o.log.log_end_offset(), Offset(36));
    let next = append(&o.log, batch(36, 1, 10, 0));
    assert_eq!(next.first_offset, Offset(36));
}

#[test]
fn garbage_after_the_last_batch_is_truncated() {
    // Random bytes appended to the .log (a torn sector) never come back as data.
    let dir = tempfile::tempdir().unwrap();
    let before = crashed_log(dir.path(), 5);
    let active = segment_files(dir.path(), ".log").pop().unwrap();
    let mut f = OpenOptions::new().append(true).open(&active).unwrap();
    f.write_all(&[0xAB; 300]).unwrap();
    drop(f);
    let (o, stats) = open_with_stats(dir.path(), small_config(), unclean());
    assert_eq!(stats.truncated_bytes, 300);
    assert_eq!(read_all(&o.log), before);
}

#[test]
fn cut_at_any_byte_keeps_exactly_the_whole_batches_before_it() {
    // Cutting the last segment at every position in a spread of positions leaves exactly the
    // batches that end at or before the cut, all CRC-valid, and the log end right after them.
    let pristine = tempfile::tempdir().unwrap();
    let before = crashed_log(pristine.path(), 8);
    let last = segment_files(pristine.path(), ".log").pop().unwrap();
    let len = fs::metadata(&last).unwrap().len();
    let base: i64 = last.file_stem().unwrap().to_str().unwrap().parse().unwrap();
    let in_last: Vec<_> = before.iter().filter(|b| b.0 >= base).collect();
    for cut in (0..=len).step_by(37).chain([len - 1, 1, 61, 62]) {
        let dir = tempfile::tempdir().unwrap();
        for f in fs::read_dir(pristine.path()).unwrap() {
            let f = f.unwrap().path();
            fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
        }
        let target = dir.path().join(last.file_name().unwrap());
        OpenOptions::new()
            .write(true)
            .open(&target)
            .unwrap()
            .set_len(cut)
            .unwrap();
        let (o, _) = open_with_stats(dir.path(), small_config(), unclean());
        let mut kept_bytes = 0;
        let kept = in_last
            .iter()
            .take_while(|b| {
                kept_bytes += b.1.len() as u64;
                kept_bytes <= cut
            })
            .count();
        let expected: Vec<_> = before
            .iter()
            .filter(|b| b.0 < base)
            .chain(in_last[..kept].iter().copied())
            .cloned()
            .collect();
        assert_eq!(read_all(&o.log), expected, "cut at {cut}");
        let end = expected.last().map_or(0, |b| b.0 + 3);
        assert_eq!(
            o.log.log_end_offset(),
            Offset(end.max(base)),
            "cut at {cut}"
        );
    }
}

#[test]
fn flipped_byte_in_the_tail_is_never_served() {
    // A byte flipped inside the last batch fails its CRC on recovery: that batch is dropped,
    // the earlier ones are kept, and nothing corrupt is returned.
    let dir = tempfile::tempdir().unwrap();
    let before = crashed_log(dir.path(), 10);
    let active = segment_files(dir.path(), ".log").pop().unwrap();
    let mut bytes = fs::read(&active).unwrap();
    let at = bytes.len() - 20;
    bytes[at] ^= 0x5A;
    fs::write(&active, &bytes).unwrap();
    let (o, _) = open_with_stats(dir.path(), small_config(), unclean());
    let after = read_all(&o.log);
    assert_eq!(after[..], before[..before.len() - 1]);
}

#[test]
fn corruption_in_an_unflushed_middle_segment_drops_everything_after_it() {
    // Recovery stops at the first corrupt batch past the recovery point and deletes the later
    // segments, so the log stays a prefix of what was written.
    let dir = tempfile::tempdir().unwrap();
    let before = crashed_log(dir.path(), 20);
    let logs = segment_files(dir.path(), ".log");
    assert!(logs.len() >= 3);
    let victim = &logs[1];
    let base: i64 = victim
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let mut bytes = fs::read(victim).unwrap();
    bytes[70] ^= 0xFF;
    fs::write(victim, &bytes).unwrap();
    let (o, stats) = open_with_stats(dir.path(), small_config(), unclean());
    assert!(stats.deleted_segments >= 1);
    let after = read_all(&o.log);
    let expected: Vec<_> = before.iter().filter(|b| b.0 < base).cloned().collect();
    assert_eq!(after, expected);
    assert_eq!(o.log.log_end_offset(), Offset(base));
}

#[test]
fn clean_shutdown_skips_the_scan_and_crash_does_not() {
    // After close() and a clean-shutdown load no segment is scanned; without the marker the
    // segments past the recovery point are.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    for i in 0..20 {
        append(&o.log, batch(i, 3, 150, 0));
    }
    let end = o.log.close().unwrap();
    drop(o);
    let clean = LoadParams {
        recovery_point: end,
        had_clean_shutdown: true,
        ..LoadParams::default()
    };
    let (o, stats) = open_with_stats(dir.path(), small_config(), clean);
    assert_eq!(stats.recovered_segments, 0);
    assert_eq!(o.log.log_end_offset(), end);
    drop(o);
    let crash = LoadParams {
        recovery_point: Offset(0),
        ..LoadParams::default()
    };
    let (_, stats) = open_with_stats(dir.path(), small_config(), crash);
    assert!(stats.recovered_segments > 1, "{stats:?}");
}

fn check_lookups(log: &strom_storage::Log, batches: usize) {
    for offset in 0..(batches as i64 * 3) {
        let data = log.read(Offset(offset), params(1)).unwrap();
        let first = strom_protocol::records::RecordBatch::new(data.records).unwrap();
        assert_eq!(
            first.header().base_offset,
            offset / 3 * 3,
            "lookup of {offset}"
        );
    }
    for i in 0..batches as i64 {
        let found = log.offset_for_timestamp(Timestamp(1000 * i)).unwrap();
        assert_eq!(found, Some((Offset(i * 3), Timestamp(1000 * i))));
    }
}

#[test]
fn missing_indexes_are_rebuilt_and_lookups_still_work() {
    // Deleting every .index and .timeindex file, even after a clean shutdown, only costs a
    // rebuild: reads by offset and by timestamp return the same batches.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    for i in 0..30 {
        append(&o.log, batch(i * 3, 3, 150, 1000 * i as i64));
    }
    let end = o.log.close().unwrap();
    drop(o);
    for f in segment_files(dir.path(), ".index")
        .into_iter()
        .chain(segment_files(dir.path(), ".timeindex"))
    {
        fs::remove_file(f).unwrap();
    }
    let clean = LoadParams {
        recovery_point: end,
        had_clean_shutdown: true,
        ..LoadParams::default()
    };
    let (o, stats) = open_with_stats(dir.path(), small_config(), clean);
    assert_eq!(stats.rebuilt_indexes, stats.segments);
    check_lookups(&o.log, 30);
}

#[test]
fn corrupt_indexes_are_detected_and_rebuilt() {
    // Index files overwritten with garbage fail the sanity check and are rebuilt, so lookups
    // by offset and timestamp still find the right batches.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    for i in 0..30 {
        append(&o.log, batch(i * 3, 3, 150, 1000 * i as i64));
    }
    let end = o.log.close().unwrap();
    drop(o);
    for f in segment_files(dir.path(), ".index") {
        let len = fs::metadata(&f).unwrap().len() as usize;
        fs::write(&f, vec![0xEE; len.max(16)]).unwrap();
    }
    for f in segment_files(dir.path(), ".timeindex") {
        fs::write(&f, [0x01; 13]).unwrap();
    }
    let clean = LoadParams {
        recovery_point: end,
        had_clean_shutdown: true,
        ..LoadParams::default()
    };
    let (o, stats) = open_with_stats(dir.path(), small_config(), clean);
    assert!(stats.recovered_segments >= stats.segments - 1, "{stats:?}");
    check_lookups(&o.log, 30);
}

#[test]
fn leftover_cleaned_and_deleted_files_are_removed() {
    // Files of an interrupted clean (.cleaned) or deletion (.deleted) never become segments.
    let dir = tempfile::tempdir().unwrap();
    let before = crashed_log(dir.path(), 6);
    let stray = batch(0, 1, 10, 0);
    fs::write(dir.path().join("00000000000000000000.log.cleaned"), &stray).unwrap();
    fs::write(dir.path().join("00000000000000000099.log.deleted"), &stray).unwrap();
    let (o, _) = open_with_stats(dir.path(), LogConfig { ..small_config() }, unclean());
    assert_eq!(read_all(&o.log), before);
    assert!(!dir.path().join("00000000000000000000.log.cleaned").exists());
    assert!(!dir.path().join("00000000000000000099.log.deleted").exists());
}
