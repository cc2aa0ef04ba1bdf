//! Behaviour of one partition's `Log`: append, read, roll, offsets for timestamps, durability.

mod common;

use std::time::Duration;

use bytes::BytesMut;
use common::*;
use strom_protocol::records::{BatchIter, Compression, RecordBatch, RecordBatchBuilder};
use strom_storage::{
    AppendOrigin, FetchIsolation, FetchParams, LoadParams, LogConfig, Offset, StorageError,
    Timestamp,
};

#[test]
fn append_assigns_consecutive_offsets_in_place() {
    // Each append gets the next offsets, written into the stored batch's header, with the CRC
    // still valid.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let a = append(&o.log, batch(1, 3, 10, 1000));
    let b = append(&o.log, batch(2, 2, 10, 2000));
    assert_eq!((a.first_offset, a.last_offset), (Offset(0), Offset(2)));
    assert_eq!((b.first_offset, b.last_offset), (Offset(3), Offset(4)));
    assert_eq!(o.log.log_end_offset(), Offset(5));
    let batches = read_all(&o.log);
    assert_eq!(batches.iter().map(|b| b.0).collect::<Vec<_>>(), vec![0, 3]);
    let second = RecordBatch::new(batches[1].1.clone()).unwrap();
    assert_eq!(second.header().partition_leader_epoch, 1);
    second.validate().unwrap();
}

#[test]
fn append_writes_assigned_offsets_without_touching_the_received_bytes() {
    // Two record sets that are slices of one shared buffer (as a produce request's
    // partitions are) are appended without being modified: the offsets, leader epoch and
    // append time go only into what is written, which reads back with a valid CRC.
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        message_timestamp_type: strom_protocol::records::TimestampType::LogAppendTime,
        ..small_config()
    };
    let o = open(dir.path(), config, clock(), LoadParams::default());
    let mut request = batch(1, 3, 10, 1000);
    let first_len = request.len();
    request.extend_from_slice(&batch(2, 2, 10, 2000));
    let request = request.freeze();
    let before = request.to_vec();
    let a = o.log.append(request.slice(..first_len), EPOCH).unwrap();
    let b = o.log.append(request.slice(first_len..), EPOCH).unwrap();
    assert_eq!(
        &request[..],
        &before[..],
        "the received bytes were modified"
    );
    assert_eq!((a.first_offset, b.first_offset), (Offset(0), Offset(3)));
    let stored = read_all(&o.log);
    assert_eq!(stored.iter().map(|b| b.0).collect::<Vec<_>>(), vec![0, 3]);
    for (_, bytes) in stored {
        let batch = RecordBatch::new(bytes).unwrap();
        assert_eq!(batch.header().partition_leader_epoch, 1);
        assert_eq!(batch.header().max_timestamp, 1_700_000_000_000);
        batch.validate().unwrap();
    }
}

#[test]
fn append_rejects_bad_crc_and_truncated_batches_precisely() {
    // A flipped byte is a CRC error naming the batch (in a coordinator's record set, which
    // may hold several); a short buffer is a truncation; neither changes the log.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    let mut set = batch(1, 1, 10, 0);
    let mut bad = batch(2, 1, 10, 0);
    let last = bad.len() - 1;
    bad[last] ^= 0xff;
    set.extend_from_slice(&bad);
    let coordinator = AppendOrigin::Coordinator {
        leader_epoch: strom_storage::LeaderEpoch(1),
    };
    match o.log.append(set, coordinator) {
        Err(StorageError::CorruptRecord { batch_index: 1, .. }) => {}
        other => panic!("expected corrupt batch 1, got {other:?}"),
    }
    let good = batch(3, 1, 10, 0);
    let short = BytesMut::from(&good[..good.len() - 1]);
    assert!(matches!(
        o.log.append(short, EPOCH),
        Err(StorageError::CorruptRecord { batch_index: 0, .. })
    ));
    assert!(matches!(
        o.log.append(BytesMut::new(), EPOCH),
        Err(StorageError::EmptyRecordSet)
    ));
    assert_eq!(o.log.log_end_offset(), Offset(0));
}

#[test]
fn read_returns_whole_batches_within_max_bytes_but_at_least_one() {
    // A read starting mid-batch returns that whole batch; max_bytes never splits a batch,
    // and a too-small max_bytes still yields one batch.
    let dir = tempfile::tempdir().unwrap();
    let o = open(
        dir.path(),
        LogConfig::default(),
        clock(),
        LoadParams::default(),
    );
    for i in 0..10 {
        append(&o.log, batch(i, 4, 100, 0));
    }
    let one = o.log.read(Offset(6), params(10)).unwrap();
    let batches: Vec<_> = BatchIter::new(one.records).collect();
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].as_ref().unwrap().header().base_offset, 4);
    let size = batch(0, 4, 100, 0).len();
    let some = o.log.read(Offset(4), params(size * 3 + 10)).unwrap();
    assert_eq!(some.records.len(), size * 3);
    let strict = FetchParams {
        min_one_batch: false,
        ..params(10)
    };
    assert!(o.log.read(Offset(4), strict).unwrap().records.is_empty());
    assert!(matches!(
        o.log.read(Offset(41), params(100)),
        Err(StorageError::OffsetOutOfRange { .. })
    ));
    assert!(
        o.log
            .read(Offset(40), params(100))
            .unwrap()
            .records
            .is_empty()
    );
}

#[test]
fn consumer_reads_stop_at_high_watermark() {
    // With HighWatermark isolation nothing at or above the high watermark is returned.
    let dir = tempfile::tempdir().unwrap();
    let o = open(
        dir.path(),
        LogConfig::default(),
        clock(),
        LoadParams::default(),
    );
    for i in 0..3 {
        o.log.append(batch(i, 2, 10, 0), EPOCH).unwrap();
    }
    o.log.update_high_watermark(Offset(2));
    let hw = FetchParams {
        isolation: FetchIsolation::HighWatermark,
        ..params(1 << 20)
    };
    let data = o.log.read(Offset(0), hw).unwrap();
    assert_eq!(BatchIter::new(data.records).count(), 1);
    assert_eq!(data.high_watermark, Offset(2));
    assert!(o.log.read(Offset(2), hw).unwrap().records.is_empty());
    assert_eq!(
        BatchIter::new(o.log.read(Offset(2), params(1 << 20)).unwrap().records).count(),
        2
    );
}

#[test]
fn segments_roll_at_segment_bytes_and_reads_cross_them() {
    // Appends past segment.bytes roll new segments named by base offset, and every batch
    // stays readable in order.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    for i in 0..40 {
        append(&o.log, batch(i, 2, 200, 0));
    }
    let segments = o.log.segments();
    assert!(segments.len() >= 4, "{segments:?}");
    for s in &segments {
        assert!(s.size_bytes <= 4096);
        let name = format!("{:020}.log", s.base_offset.0);
        assert!(dir.path().join(name).exists());
    }
    let all = read_all(&o.log);
    assert_eq!(all.len(), 40);
    assert!(all.windows(2).all(|w| w[0].0 + 2 == w[1].0));
}

#[test]
fn offset_for_timestamp_finds_first_record_at_or_after() {
    // The lookup returns the first record whose timestamp is >= the target, across segments,
    // and None past the newest timestamp.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    for i in 0..30 {
        // Batch i holds 3 records stamped 1000*i, 1000*i+1, 1000*i+2.
        append(&o.log, batch(i, 3, 100, 1000 * i as i64));
    }
    assert!(o.log.segments().len() > 2);
    let at = |ts| o.log.offset_for_timestamp(Timestamp(ts)).unwrap();
    assert_eq!(at(0), Some((Offset(0), Timestamp(0))));
    assert_eq!(at(5001), Some((Offset(16), Timestamp(5001))));
    assert_eq!(at(5003), Some((Offset(18), Timestamp(6000))));
    assert_eq!(at(29_002), Some((Offset(89), Timestamp(29_002))));
    assert_eq!(at(29_003), None);
    assert_eq!(
        o.log.max_timestamp_offset().unwrap(),
        Some((Offset(89), Timestamp(29_002)))
    );
}

#[test]
fn offset_for_timestamp_decompresses_within_the_topic_bound() {
    // A stored batch whose records inflate past max.message.bytes x 64 (one a follower
    // copied, which the leader's validator never saw) makes the lookup fail, not allocate;
    // a batch within the bound is searched as usual.
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        max_message_bytes: 4 * 1024,
        ..small_config()
    };
    let o = open(dir.path(), config, clock(), LoadParams::default());
    let mut small = strom_protocol::records::RecordBatchBuilder::new(
        strom_protocol::records::Compression::Zstd,
        0,
    );
    small.append(1000, Some(b"k"), Some(&[0u8; 1000][..]), &[]);
    let mut bomb = strom_protocol::records::RecordBatchBuilder::new(
        strom_protocol::records::Compression::Zstd,
        1,
    );
    bomb.append(2000, Some(b"k"), Some(&vec![0u8; 1024 * 1024][..]), &[]);
    for b in [small, bomb] {
        let bytes = BytesMut::from(&b.build().unwrap()[..]);
        o.log.append(bytes, AppendOrigin::Replication).unwrap();
    }
    assert_eq!(
        o.log.offset_for_timestamp(Timestamp(1000)).unwrap(),
        Some((Offset(0), Timestamp(1000)))
    );
    match o.log.offset_for_timestamp(Timestamp(1500)) {
        Err(StorageError::CorruptRecord { source, .. }) => assert!(
            matches!(
                source,
                strom_protocol::records::RecordError::DecompressedTooLarge { limit: 262_144 }
            ),
            "{source:?}"
        ),
        other => panic!("expected the bound to refuse, got {other:?}"),
    }
}

#[test]
fn log_append_time_topics_stamp_the_broker_clock() {
    // With LogAppendTime every batch's max timestamp becomes the append time and the CRC is
    // recomputed so the batch stays valid.
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        message_timestamp_type: strom_protocol::records::TimestampType::LogAppendTime,
        ..LogConfig::default()
    };
    let c = clock();
    let o = open(dir.path(), config, c.clone(), LoadParams::default());
    let info = append(&o.log, batch(1, 2, 10, 5));
    assert_eq!(info.log_append_time, Some(Timestamp(1_700_000_000_000)));
    let (_, bytes) = read_all(&o.log).remove(0);
    let stored = RecordBatch::new(bytes).unwrap();
    stored.verify_crc().unwrap();
    assert_eq!(stored.header().max_timestamp, 1_700_000_000_000);
}

#[test]
fn flush_to_resolves_after_fsync_and_groups_waiters() {
    // Waiters for offsets already appended resolve with a recovery point that covers them.
    let dir = tempfile::tempdir().unwrap();
    let o = open(
        dir.path(),
        LogConfig::default(),
        clock(),
        LoadParams::default(),
    );
    let mut waiters = Vec::new();
    for i in 0..20 {
        let info = append(&o.log, batch(i, 1, 10, 0));
        waiters.push((
            info.next_offset(),
            o.log.flush_to(info.next_offset()).unwrap(),
        ));
    }
    for (end, w) in waiters {
        let durable = w
            .wait_timeout(Duration::from_secs(10))
            .expect("flushed")
            .unwrap();
        assert!(durable >= end);
    }
    assert_eq!(o.log.recovery_point(), Offset(20));
    // Already durable: resolves at once.
    assert!(o.log.flush_to(Offset(20)).unwrap().try_result().is_some());
}

#[test]
fn replicated_appends_keep_offsets_and_refuse_going_backwards() {
    // A follower append keeps the leader's offsets and epochs; one that starts below the log
    // end is refused.
    let dir = tempfile::tempdir().unwrap();
    let o = open(
        dir.path(),
        LogConfig::default(),
        clock(),
        LoadParams::default(),
    );
    let mut b = batch(1, 3, 10, 0);
    strom_protocol::records::set_base_offset(&mut b, 100);
    strom_protocol::records::set_partition_leader_epoch(&mut b, 7);
    let info = o.log.append(b.clone(), AppendOrigin::Replication).unwrap();
    assert_eq!(
        (info.first_offset, info.last_offset),
        (Offset(100), Offset(102))
    );
    assert_eq!(o.log.log_end_offset(), Offset(103));
    assert_eq!(o.log.latest_epoch(), Some(strom_storage::LeaderEpoch(7)));
    assert!(matches!(
        o.log.append(b, AppendOrigin::Replication),
        Err(StorageError::NonMonotonicOffset { .. })
    ));
}

#[test]
fn max_timestamp_offset_names_the_record_holding_it() {
    // Kafka's MAX_TIMESTAMP lookup answers the offset of the first record carrying the newest
    // timestamp, not the last offset of its batch, when a batch is stamped out of order.
    let dir = tempfile::tempdir().unwrap();
    let o = open(dir.path(), small_config(), clock(), LoadParams::default());
    append(&o.log, batch(0, 2, 10, 1_000));
    let mut b = RecordBatchBuilder::new(Compression::None, 0);
    for ts in [2_000, 9_000, 3_000, 9_000, 4_000] {
        b.append(ts, None, Some(b"v"), &[]);
    }
    append(&o.log, BytesMut::from(&b.build().unwrap()[..]));
    append(&o.log, batch(2, 2, 10, 5_000));
    assert_eq!(
        o.log.max_timestamp_offset().unwrap(),
        Some((Offset(3), Timestamp(9_000)))
    );
}
