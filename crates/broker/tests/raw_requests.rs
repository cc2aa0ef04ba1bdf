//! Exact request sequences that no client library sends on demand: OffsetForLeaderEpoch, and
//! an idempotent producer's retried and out-of-order batches across a broker restart, and
//! Produce's per-record errors.

mod common;

use common::{TestBroker, batch, create_topic, create_topic_with, keyed_batch, produce, send};
use strom_protocol::ErrorCode;
use strom_protocol::generated::offset_for_leader_epoch_request::{
    OffsetForLeaderPartition, OffsetForLeaderTopic,
};
use strom_protocol::generated::{InitProducerIdRequest, OffsetForLeaderEpochRequest, ResponseBody};

async fn end_offset_for(
    conn: &strom_client::Connection,
    topic: &str,
    current_leader_epoch: i32,
    leader_epoch: i32,
) -> (i16, i32, i64) {
    let request = OffsetForLeaderEpochRequest {
        replica_id: -1,
        topics: vec![OffsetForLeaderTopic {
            topic: topic.into(),
            partitions: vec![OffsetForLeaderPartition {
                partition: 0,
                current_leader_epoch,
                leader_epoch,
                ..OffsetForLeaderPartition::default()
            }],
            ..OffsetForLeaderTopic::default()
        }],
        ..OffsetForLeaderEpochRequest::default()
    };
    let ResponseBody::OffsetForLeaderEpoch(r) = send(conn, request, 4).await else {
        panic!("not an OffsetForLeaderEpoch response")
    };
    let p = &r.topics[0].partitions[0];
    (p.error_code, p.leader_epoch, p.end_offset)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offset_for_leader_epoch_answers_the_end_of_the_epoch() {
    // The current leader epoch ends at the log end; a caller claiming a newer current epoch
    // gets UNKNOWN_LEADER_EPOCH, and an unknown partition UNKNOWN_TOPIC_OR_PARTITION.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "epochs", 1).await;
    let r = produce(&conn, "epochs", 0, batch(&[b"a", b"b", b"c"], None), 9).await;
    assert_eq!(r.error_code, 0);
    assert_eq!(end_offset_for(&conn, "epochs", -1, 0).await, (0, 0, 3));
    assert_eq!(end_offset_for(&conn, "epochs", 0, 0).await, (0, 0, 3));
    let (code, _, _) = end_offset_for(&conn, "epochs", 7, 0).await;
    assert_eq!(code, ErrorCode::UnknownLeaderEpoch.code());
    let (code, epoch, offset) = end_offset_for(&conn, "nope", -1, 0).await;
    assert_eq!(
        (code, epoch, offset),
        (ErrorCode::UnknownTopicOrPartition.code(), -1, -1)
    );
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idempotent_retries_after_a_restart_are_not_written_twice() {
    // After a clean restart, a retried batch (same producer id, epoch and sequence) is
    // acknowledged at its original offset without a second copy, a sequence gap is refused
    // with OUT_OF_ORDER_SEQUENCE_NUMBER, and the next sequence appends after the log end.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "idem", 1).await;
    let init = InitProducerIdRequest {
        transactional_id: None,
        transaction_timeout_ms: 60_000,
        producer_id: -1,
        producer_epoch: -1,
        ..InitProducerIdRequest::default()
    };
    let ResponseBody::InitProducerId(ids) = send(&conn, init, 4).await else {
        panic!("not an InitProducerId response")
    };
    assert_eq!(ids.error_code, 0);
    let (pid, epoch) = (ids.producer_id, ids.producer_epoch);
    let first = produce(
        &conn,
        "idem",
        0,
        batch(&[b"a", b"b", b"c"], Some((pid, epoch, 0))),
        9,
    );
    assert_eq!(first.await.base_offset, 0);
    let second = batch(&[b"d", b"e"], Some((pid, epoch, 3)));
    let r = produce(&conn, "idem", 0, second.clone(), 9).await;
    assert_eq!((r.error_code, r.base_offset), (0, 3));
    drop(conn);
    broker.stop().await;

    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    let retried = produce(&conn, "idem", 0, second, 9).await;
    assert_eq!((retried.error_code, retried.base_offset), (0, 3));
    let gap = produce(&conn, "idem", 0, batch(&[b"x"], Some((pid, epoch, 7))), 9).await;
    assert_eq!(gap.error_code, ErrorCode::OutOfOrderSequenceNumber.code());
    let next = produce(&conn, "idem", 0, batch(&[b"f"], Some((pid, epoch, 5))), 9).await;
    assert_eq!((next.error_code, next.base_offset), (0, 5));
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyless_records_on_a_compacted_topic_are_named_in_record_errors() {
    // A batch with keyless records sent to a compacted topic is refused with INVALID_RECORD;
    // from Produce v8 the response lists each keyless record's index in the batch with a
    // message, and nothing of the batch is written.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic_with(&conn, "compacted", 1, &[("cleanup.policy", "compact")]).await;
    let records = keyed_batch(&[
        (Some(b"k0"), b"a"),
        (None, b"b"),
        (Some(b"k2"), b"c"),
        (None, b"d"),
    ]);
    let r = produce(&conn, "compacted", 0, records.clone(), 9).await;
    assert_eq!(r.error_code, ErrorCode::InvalidRecord.code());
    let indexes: Vec<i32> = r.record_errors.iter().map(|e| e.batch_index).collect();
    assert_eq!(indexes, vec![1, 3]);
    let message = r.record_errors[0].batch_index_error_message.as_deref();
    assert!(
        message.is_some_and(|m| m.contains("without key")),
        "{message:?}"
    );
    assert!(
        r.error_message
            .is_some_and(|m| m.contains("2 record errors"))
    );

    let old = produce(&conn, "compacted", 0, records, 7).await;
    assert_eq!(old.error_code, ErrorCode::InvalidRecord.code());
    assert!(old.record_errors.is_empty());
    let keyed = produce(&conn, "compacted", 0, keyed_batch(&[(Some(b"k"), b"v")]), 9).await;
    assert_eq!((keyed.error_code, keyed.base_offset), (0, 0));
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timestamps_beyond_the_bounds_are_invalid_timestamp_with_record_errors() {
    // A record stamped further ahead than message.timestamp.after.max.ms (an hour by
    // default) refuses its batch with INVALID_TIMESTAMP, and Produce v8+ names the record by
    // its position in the batch; the same records with current timestamps are accepted.
    use strom_protocol::records::{Compression, RecordBatchBuilder};
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "clock", 1).await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let batch_at = |offsets: [i64; 3]| {
        let mut b = RecordBatchBuilder::new(Compression::Lz4, 0);
        for ahead in offsets {
            b.append(now + ahead, Some(b"k"), Some(b"v"), &[]);
        }
        b.build().unwrap()
    };
    let hours = 60 * 60 * 1000;
    let r = produce(&conn, "clock", 0, batch_at([0, 2 * hours, 0]), 9).await;
    assert_eq!(r.error_code, ErrorCode::InvalidTimestamp.code());
    let indexes: Vec<i32> = r.record_errors.iter().map(|e| e.batch_index).collect();
    assert_eq!(indexes, vec![1]);
    let ok = produce(&conn, "clock", 0, batch_at([0, 1000, 2000]), 9).await;
    assert_eq!((ok.error_code, ok.base_offset), (0, 0));
    broker.stop().await;
}
