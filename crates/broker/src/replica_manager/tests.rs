//! The replica manager over a real data directory: metadata deltas open, re-elect and delete
//! partitions; delayed produces complete on their partition's high watermark; delayed
//! fetches wake only for their own partitions.

use std::sync::Arc;
use std::time::Duration;

use bytes::BytesMut;
use strom_metadata::{
    ConfigRecord, ConfigResource, MetadataDelta, MetadataImage, MetadataRecord, NodeId,
    PartitionChangeRecord, PartitionRecord, RemoveTopicRecord, TopicId, TopicRecord,
};
use strom_protocol::records::{Compression, RecordBatchBuilder};
use strom_storage::{
    LeaderEpoch, LogConfig, LogManager, LogManagerConfig, Offset, SystemClock, TopicPartition,
};

use super::delayed::DelayedOps;
use super::*;

const ME: NodeId = NodeId(1);

fn topic_records(name: &str, id: TopicId, partitions: i32) -> Vec<MetadataRecord> {
    let mut records = vec![MetadataRecord::Topic(TopicRecord {
        name: name.into(),
        topic_id: id,
    })];
    records.extend((0..partitions).map(|p| {
        MetadataRecord::Partition(PartitionRecord {
            topic_id: id,
            partition_id: p,
            replicas: vec![ME],
            isr: vec![ME],
            leader: ME,
            leader_epoch: 0,
            partition_epoch: 0,
        })
    }));
    records
}

struct Fixture {
    _dir: tempfile::TempDir,
    rm: Arc<ReplicaManager>,
    records: Vec<MetadataRecord>,
    image: MetadataImage,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::on_node(ME)
    }

    fn on_node(node: NodeId) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let manager = LogManager::open(
            LogManagerConfig::new(dir.path().to_path_buf()),
            Arc::new(SystemClock),
        )
        .unwrap();
        let rm = Arc::new(ReplicaManager::new(node, manager, Arc::new(SystemClock)));
        rm.listen_for_flushes();
        Fixture {
            _dir: dir,
            rm,
            records: Vec::new(),
            image: MetadataImage::default(),
        }
    }

    /// Appends records to the metadata and applies the delta they make.
    fn commit(&mut self, records: Vec<MetadataRecord>) -> LeadershipChanges {
        self.records.extend(records);
        let next = MetadataImage::from_records(&self.records);
        let delta = MetadataDelta::between(&self.image, &next);
        let changes = self
            .rm
            .apply_delta(&delta, &next, &|_| LogConfig::default());
        self.image = next;
        changes
    }
}

fn batch(n: usize) -> BytesMut {
    let mut builder = RecordBatchBuilder::new(Compression::None, 0);
    for i in 0..n {
        builder.append(
            1_700_000_000_000,
            None,
            Some(format!("v{i}").as_bytes()),
            &[],
        );
    }
    BytesMut::from(&builder.build().unwrap()[..])
}

fn tp(topic: &str, p: i32) -> TopicPartition {
    TopicPartition::new(topic, p)
}

#[test]
fn a_created_topic_is_led_here_and_a_deleted_one_is_gone() {
    // Creating a topic opens and elects every partition; deleting it stops them and deletes
    // their logs.
    let mut f = Fixture::new();
    let id = TopicId::random();
    let changes = f.commit(topic_records("a", id, 3));
    assert_eq!(changes.elected.len(), 3);
    assert!(f.rm.hosted(&tp("a", 2)).is_some_and(|h| h.is_leader()));
    let dir = f.rm.log_manager().data_dir().join("a-1");
    assert!(dir.exists());
    let changes = f.commit(vec![MetadataRecord::RemoveTopic(RemoveTopicRecord {
        topic_id: id,
    })]);
    assert_eq!(changes.resigned.len(), 3);
    assert!(f.rm.hosted(&tp("a", 1)).is_none());
    assert!(!dir.exists());
}

#[test]
fn a_leader_epoch_bump_elects_again_at_the_new_epoch() {
    // A re-election (PartitionChangeRecord naming the same leader) reports the partition as
    // elected at the bumped epoch, which is what a coordinator reloads with.
    let mut f = Fixture::new();
    let id = TopicId::random();
    f.commit(topic_records("a", id, 2));
    let changes = f.commit(vec![MetadataRecord::PartitionChange(
        PartitionChangeRecord {
            topic_id: id,
            partition_id: 1,
            leader: Some(ME),
            isr: None,
            replicas: None,
            elr: None,
        },
    )]);
    assert_eq!(
        changes.elected,
        vec![LeadershipChange {
            topic_partition: tp("a", 1),
            leader_epoch: LeaderEpoch(1),
        }]
    );
    assert_eq!(
        f.rm.hosted(&tp("a", 0)).unwrap().leader_epoch(),
        LeaderEpoch(0)
    );
}

#[test]
fn config_changes_reach_the_live_logs() {
    // A topic config change in the metadata is pushed into the open logs of that topic.
    let mut f = Fixture::new();
    f.commit(topic_records("a", TopicId::random(), 1));
    let mut records = f.records.clone();
    records.push(MetadataRecord::Config(ConfigRecord {
        resource: ConfigResource::Topic("a".into()),
        name: "retention.ms".into(),
        value: Some("5".into()),
    }));
    let next = MetadataImage::from_records(&records);
    let delta = MetadataDelta::between(&f.image, &next);
    let changed = LogConfig {
        retention_ms: Some(5),
        ..LogConfig::default()
    };
    f.rm.apply_delta(&delta, &next, &|_| changed.clone());
    assert_eq!(
        f.rm.hosted(&tp("a", 0))
            .unwrap()
            .log()
            .config()
            .retention_ms,
        Some(5)
    );
}

#[tokio::test]
async fn acks_all_completes_once_the_flush_moves_the_high_watermark() {
    // An acks=all append is answered once the partition's high watermark (which follows the
    // flush) passes it, and the high watermark then equals the log end.
    let mut f = Fixture::new();
    f.commit(topic_records("a", TopicId::random(), 1));
    let pending = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::All,
        vec![(tp("a", 0), batch(5))],
    );
    let results = pending.wait(Duration::from_secs(30)).await;
    let info = results[0].1.as_ref().expect("appended");
    assert_eq!(info.next_offset(), Offset(5));
    let hosted = f.rm.hosted(&tp("a", 0)).unwrap();
    assert_eq!(hosted.high_watermark(), Offset(5));
    assert!(hosted.log().recovery_point() >= Offset(5));
}

#[tokio::test]
async fn appends_to_unknown_or_stopped_partitions_are_refused() {
    // No partition, no append; a partition deleted while its append waited answers Stopped.
    let f = Fixture::new();
    let pending = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::Leader,
        vec![(tp("x", 0), batch(1))],
    );
    assert!(matches!(
        pending.results()[0].1,
        Err(PartitionError::UnknownTopicOrPartition(_))
    ));
}

#[test]
fn delayed_produces_complete_through_the_high_watermark_and_fail_when_stopped() {
    // Waiters at or below a new high watermark are answered with it; those above keep
    // waiting; a waiter registering below an already-reached mark is answered at once;
    // stopping answers the rest with an error.
    let ops = DelayedOps::new(Offset(0));
    let too_many = |_| unreachable!();
    let mut low = ops.wait_for_high_watermark(Offset(3), too_many).unwrap();
    let mut high = ops.wait_for_high_watermark(Offset(9), too_many).unwrap();
    assert_eq!(ops.produce_waiting(), 2);
    ops.complete_produce_through(Offset(5));
    assert_eq!(low.try_recv().unwrap().unwrap(), Offset(5));
    assert!(high.try_recv().is_err(), "still waiting");
    let mut late = ops.wait_for_high_watermark(Offset(4), too_many).unwrap();
    assert_eq!(late.try_recv().unwrap().unwrap(), Offset(5));
    ops.fail_produce(|| PartitionError::Stopped(tp("a", 0)));
    assert!(matches!(
        high.try_recv().unwrap(),
        Err(PartitionError::Stopped(_))
    ));
    assert_eq!(ops.produce_waiting(), 0);
}

#[tokio::test]
async fn an_unanswered_acks_all_expires_with_request_timed_out() {
    // A pending append whose high watermark never arrives expires at its timeout.
    let f = Fixture::new();
    let mut f = f;
    f.commit(topic_records("a", TopicId::random(), 1));
    let hosted = f.rm.hosted(&tp("a", 0)).unwrap();
    // Register a waiter far past anything written, as an append would.
    let rx = hosted
        .delayed
        .wait_for_high_watermark(Offset(1_000), |_| unreachable!())
        .unwrap();
    let waited = tokio::time::timeout(Duration::from_millis(50), rx).await;
    assert!(
        waited.is_err(),
        "nothing completes a waiter past the log end"
    );
}

#[tokio::test]
async fn a_parked_fetch_wakes_only_for_its_own_partition() {
    // A fetch parked on partition 0 is not woken by appends to partition 1, and is woken
    // (and answered with the records) by an append to partition 0.
    let mut f = Fixture::new();
    f.commit(topic_records("a", TopicId::random(), 2));
    let request = FetchRequest {
        replica: None,
        follower_reads: false,
        isolation: FetchIsolation::HighWatermark,
        max_wait: Duration::from_secs(30),
        min_bytes: 1,
        max_bytes: 1 << 20,
        partitions: vec![FetchPartition {
            topic_partition: tp("a", 0),
            fetch_offset: Offset(0),
            max_bytes: 1 << 20,
            current_leader_epoch: LeaderEpoch::UNKNOWN,
            throttled: false,
        }],
    };
    let rm = Arc::clone(&f.rm);
    let (_stop, shutdown) = tokio::sync::watch::channel(false);
    let fetch = tokio::spawn(async move { rm.fetch(&request, shutdown).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    for _ in 0..5 {
        let other = f.rm.append_records(
            AppendOrigin::Client,
            RequiredAcks::All,
            vec![(tp("a", 1), batch(2))],
        );
        other.wait(Duration::from_secs(30)).await;
    }
    assert_eq!(f.rm.fetch_wakeups(), 0, "woken by another partition");
    assert!(!fetch.is_finished());
    let mine = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::All,
        vec![(tp("a", 0), batch(3))],
    );
    mine.wait(Duration::from_secs(30)).await;
    let answer = tokio::time::timeout(Duration::from_secs(30), fetch)
        .await
        .expect("the fetch woke")
        .unwrap();
    let data = answer[0].as_ref().expect("read");
    assert!(!data.records.is_empty());
    assert_eq!(data.high_watermark, Offset(3));
    assert!(f.rm.fetch_wakeups() >= 1);
    let hosted = f.rm.hosted(&tp("a", 1)).unwrap();
    assert_eq!(hosted.delayed.fetch_watchers(), 0);
}

fn idempotent_batch(producer_id: i64, sequence: i32, n: usize) -> BytesMut {
    let mut builder =
        RecordBatchBuilder::new(Compression::None, 0).with_producer(producer_id, 0, sequence);
    for i in 0..n {
        builder.append(
            1_700_000_000_000,
            None,
            Some(format!("v{i}").as_bytes()),
            &[],
        );
    }
    BytesMut::from(&builder.build().unwrap()[..])
}

#[tokio::test]
async fn an_acks_all_retry_waits_for_its_original_to_be_durable() {
    // An idempotent producer's retry of a batch already appended is answered with the
    // original's offsets, and at acks=all it waits for the high watermark to pass the
    // original, not just for the log to hold it.
    let mut f = Fixture::new();
    f.commit(topic_records("a", TopicId::random(), 1));
    let first = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::Leader,
        vec![(tp("a", 0), idempotent_batch(7, 0, 4))],
    );
    let original = first.results()[0].1.as_ref().unwrap().clone();
    assert!(!original.duplicate);
    let retry = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::All,
        vec![(tp("a", 0), idempotent_batch(7, 0, 4))],
    );
    let answered = retry.results()[0].1.as_ref().unwrap().clone();
    assert!(answered.duplicate);
    assert_eq!(answered.first_offset, original.first_offset);
    assert_eq!(retry.required_offsets(), vec![original.next_offset()]);
    let results = retry.wait(Duration::from_secs(30)).await;
    assert!(results[0].1.is_ok());
    let hosted = f.rm.hosted(&tp("a", 0)).unwrap();
    assert!(hosted.high_watermark() >= original.next_offset());
}

fn transactional_batch(producer_id: i64, sequence: i32) -> BytesMut {
    let mut builder = RecordBatchBuilder::new(Compression::None, 0)
        .with_producer(producer_id, 0, sequence)
        .with_transactional(true);
    builder.append(1_700_000_000_000, None, Some(b"v"), &[]);
    BytesMut::from(&builder.build().unwrap()[..])
}

#[test]
fn a_produce_verified_before_the_transactions_marker_landed_is_refused() {
    // KIP-890's guard through the replica manager: a guard is handed out only by a leader
    // and only when the producer's transaction is not open here; the abort marker written
    // while the coordinator's answer was on its way ends it, and the produce that held it
    // is refused (INVALID_TXN_STATE) with nothing written.
    let mut f = Fixture::new();
    f.commit(topic_records("a", TopicId::random(), 1));
    let a0 = tp("a", 0);
    assert!(matches!(
        f.rm.start_txn_verification(&tp("a", 5), 3, 0, false),
        Err(PartitionError::UnknownTopicOrPartition(_))
    ));
    let guard = f.rm.start_txn_verification(&a0, 3, 0, false).unwrap();
    assert!(guard.is_some());
    let marker = strom_protocol::records::build_end_transaction_marker(
        strom_protocol::records::EndTransactionMarker::abort(0),
        0,
        3,
        0,
        1_700_000_000_000,
    )
    .unwrap();
    let written = f.rm.append_records(
        AppendOrigin::Coordinator,
        RequiredAcks::Leader,
        vec![(a0.clone(), marker)],
    );
    assert!(written.results()[0].1.is_ok());
    let end = f.rm.hosted(&a0).unwrap().log().log_end_offset();
    let late = f.rm.append_produced(
        RequiredAcks::Leader,
        vec![(a0.clone(), transactional_batch(3, 0).freeze(), guard)],
    );
    assert!(matches!(
        late.results()[0].1,
        Err(PartitionError::Storage(
            strom_storage::StorageError::ProducerState(
                strom_storage::ProducerStateError::TransactionNotVerified { .. }
            )
        ))
    ));
    assert_eq!(f.rm.hosted(&a0).unwrap().log().log_end_offset(), end);
    // Asked again after the marker, the guard holds and the write opens the transaction;
    // the next write of that transaction takes no guard.
    let guard = f.rm.start_txn_verification(&a0, 3, 0, false).unwrap();
    let opened = f.rm.append_produced(
        RequiredAcks::Leader,
        vec![(a0.clone(), transactional_batch(3, 0).freeze(), guard)],
    );
    assert!(opened.results()[0].1.is_ok());
    assert_eq!(f.rm.start_txn_verification(&a0, 3, 0, false).unwrap(), None);
}

/// Topic `name` of one partition on nodes 1 and 2, led by 1, both in sync.
fn replicated_topic(name: &str, id: TopicId) -> Vec<MetadataRecord> {
    vec![
        MetadataRecord::Topic(TopicRecord {
            name: name.into(),
            topic_id: id,
        }),
        MetadataRecord::Partition(PartitionRecord {
            topic_id: id,
            partition_id: 0,
            replicas: vec![ME, NodeId(2)],
            isr: vec![ME, NodeId(2)],
            leader: ME,
            leader_epoch: 0,
            partition_epoch: 0,
        }),
    ]
}

/// The follower fsyncs what it appended to `r-0` (as it does before each fetch).
async fn flush_follower(follower: &Arc<ReplicaManager>) {
    let flush = follower
        .follower_flush(&tp("r", 0), LeaderEpoch(0))
        .unwrap();
    tokio::task::spawn_blocking(move || flush.wait().unwrap())
        .await
        .unwrap();
}

/// Node 2's fetch from the leader at `offset`: what the leader answered.
async fn follower_fetch(leader: &Arc<ReplicaManager>, offset: i64) -> strom_storage::FetchData {
    follower_fetch_throttled(leader, offset, false).await
}

/// Node 2's fetch, held back by the leader's replication throttle if `throttled`.
async fn follower_fetch_throttled(
    leader: &Arc<ReplicaManager>,
    offset: i64,
    throttled: bool,
) -> strom_storage::FetchData {
    let request = FetchRequest {
        replica: Some(NodeId(2)),
        follower_reads: false,
        ..read_of_r0(offset, LeaderEpoch(0), throttled)
    };
    let (_stop, shutdown) = tokio::sync::watch::channel(false);
    let mut answers = leader.fetch(&request, shutdown).await;
    answers.remove(0).unwrap()
}

/// A read of `r-0` at `offset` that does not wait, as a consumer would send it (callers set
/// `replica` and `follower_reads`).
fn read_of_r0(offset: i64, epoch: LeaderEpoch, throttled: bool) -> FetchRequest {
    FetchRequest {
        replica: None,
        follower_reads: false,
        isolation: FetchIsolation::HighWatermark,
        max_wait: Duration::ZERO,
        min_bytes: 1,
        max_bytes: 1 << 20,
        partitions: vec![FetchPartition {
            topic_partition: tp("r", 0),
            fetch_offset: Offset(offset),
            max_bytes: 1 << 20,
            current_leader_epoch: epoch,
            throttled,
        }],
    }
}

#[tokio::test]
async fn acks_all_waits_for_the_follower_to_fetch_past_the_records_after_its_flush() {
    // The leader appends; the high watermark stays until the follower, having appended and
    // fsync'd the records, fetches from past them. The follower's copy is the leader's.
    let mut leader = Fixture::on_node(ME);
    let mut follower = Fixture::on_node(NodeId(2));
    let id = TopicId::random();
    leader.commit(replicated_topic("r", id));
    let changes = follower.commit(replicated_topic("r", id));
    assert_eq!(changes.followed.len(), 1);
    assert_eq!(changes.followed[0].leader, Some(ME));
    let pending = leader.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::All,
        vec![(tp("r", 0), batch(5))],
    );
    let waiting = tokio::spawn(pending.wait(Duration::from_secs(30)));
    let data = follower_fetch(&leader.rm, 0).await;
    assert!(!data.records.is_empty());
    assert_eq!(
        data.high_watermark,
        Offset(0),
        "nothing is on the follower's disk yet"
    );
    let info = follower
        .rm
        .append_as_follower(&tp("r", 0), LeaderEpoch(0), data.records.clone())
        .unwrap();
    assert_eq!(
        (info.first_offset, info.last_offset),
        (Offset(0), Offset(4))
    );
    flush_follower(&follower.rm).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(
        !waiting.is_finished(),
        "acks=all answered before the follower fetched on"
    );
    let data = follower_fetch(&leader.rm, 5).await;
    assert!(data.records.is_empty());
    let results = waiting.await.unwrap();
    assert!(results[0].1.is_ok(), "{:?}", results[0].1);
    assert_eq!(data.high_watermark, Offset(5));
    let hw = follower
        .rm
        .follower_high_watermark(&tp("r", 0), LeaderEpoch(0), data.high_watermark, Offset(0))
        .unwrap();
    assert_eq!(hw, Offset(5));
    // A consumer fetching from the follower is told to go to the leader.
    let wrong = follower
        .rm
        .leader(&tp("r", 0), LeaderEpoch::UNKNOWN)
        .unwrap_err();
    assert!(matches!(wrong, PartitionError::NotLeader(_)), "{wrong}");
    // A consumer reading from the follower (Fetch v11+) past what it holds: without a leader
    // epoch it gets no records and no error (it may be there on stale metadata, Kafka's
    // answer since 3.4); with the epoch, out of range, which it knows to take to the leader.
    let past = |epoch| FetchRequest {
        follower_reads: true,
        ..read_of_r0(9, epoch, false)
    };
    let (_stop, shutdown) = tokio::sync::watch::channel(false);
    let blind = follower
        .rm
        .fetch(&past(LeaderEpoch::UNKNOWN), shutdown.clone())
        .await
        .remove(0)
        .expect("no error for a consumer without a leader epoch");
    assert!(blind.records.is_empty());
    assert_eq!(blind.log_end_offset, Offset(5));
    let knowing = follower
        .rm
        .fetch(&past(LeaderEpoch(0)), shutdown)
        .await
        .remove(0)
        .unwrap_err();
    assert!(
        matches!(
            knowing,
            PartitionError::Storage(strom_storage::StorageError::OffsetOutOfRange { .. })
        ),
        "{knowing}"
    );
}

#[tokio::test]
async fn an_isr_shrink_from_the_metadata_answers_the_acks_all_waiters() {
    // The follower never fetches; once the controller takes it out of the ISR the waiting
    // acks=all request is answered (the high watermark is the leader's own flush again).
    let mut leader = Fixture::on_node(ME);
    let id = TopicId::random();
    leader.commit(replicated_topic("r", id));
    let pending = leader.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::All,
        vec![(tp("r", 0), batch(3))],
    );
    let waiting = tokio::spawn(pending.wait(Duration::from_secs(30)));
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!waiting.is_finished());
    leader.commit(vec![MetadataRecord::PartitionChange(
        PartitionChangeRecord {
            topic_id: id,
            partition_id: 0,
            leader: None,
            isr: Some(vec![ME]),
            replicas: None,
            elr: None,
        },
    )]);
    let results = tokio::time::timeout(Duration::from_secs(10), waiting)
        .await
        .expect("the shrink released the waiter")
        .unwrap();
    assert!(results[0].1.is_ok(), "{:?}", results[0].1);
}

#[test]
fn acks_all_is_refused_below_min_insync_replicas_and_nothing_is_written() {
    let mut f = Fixture::new();
    let id = TopicId::random();
    f.records.extend(replicated_topic("r", id));
    let next = MetadataImage::from_records(&f.records);
    let delta = MetadataDelta::between(&f.image, &next);
    let strict = LogConfig {
        min_insync_replicas: 3,
        ..LogConfig::default()
    };
    f.rm.apply_delta(&delta, &next, &|_| strict.clone());
    let pending = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::All,
        vec![(tp("r", 0), batch(1))],
    );
    let refused = pending.into_first_error().unwrap_err().1;
    assert!(
        matches!(
            refused,
            PartitionError::NotEnoughReplicas { isr: 2, min: 3, .. }
        ),
        "{refused}"
    );
    assert_eq!(
        f.rm.hosted(&tp("r", 0)).unwrap().log_end_offset(),
        Offset(0)
    );
    // acks=1 is not held to it.
    let pending = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::Leader,
        vec![(tp("r", 0), batch(1))],
    );
    assert!(pending.into_first_error().is_ok());
}

#[tokio::test]
async fn a_throttled_partition_is_answered_with_its_offsets_and_no_records() {
    // The leader's replication throttle holds the records back, at once (min_bytes is not
    // waited for), but the follower's position still counts: the high watermark moves.
    let mut leader = Fixture::on_node(ME);
    let mut follower = Fixture::on_node(NodeId(2));
    let id = TopicId::random();
    leader.commit(replicated_topic("r", id));
    follower.commit(replicated_topic("r", id));
    let pending = leader.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::All,
        vec![(tp("r", 0), batch(5))],
    );
    let waiting = tokio::spawn(pending.wait(Duration::from_secs(30)));
    let held = follower_fetch_throttled(&leader.rm, 0, true).await;
    assert!(
        held.records.is_empty(),
        "a throttled partition carried records"
    );
    assert_eq!(held.log_end_offset, Offset(5));
    let data = follower_fetch_throttled(&leader.rm, 0, false).await;
    assert!(!data.records.is_empty());
    follower
        .rm
        .append_as_follower(&tp("r", 0), LeaderEpoch(0), data.records)
        .unwrap();
    flush_follower(&follower.rm).await;
    let again = follower_fetch_throttled(&leader.rm, 5, true).await;
    assert!(again.records.is_empty());
    let results = waiting.await.unwrap();
    assert!(results[0].1.is_ok(), "{results:?}");
}

#[test]
fn a_lower_min_insync_replicas_from_a_config_change_releases_the_high_watermark() {
    // ISR {1} of replicas {1,2} with min.insync.replicas 2: the flush does not move the
    // high watermark (the strict minimum that keeps replica 2 an eligible leader). A config
    // delta lowering the minimum to 1 moves it at once, with no append or fetch after it.
    let mut f = Fixture::new();
    let id = TopicId::random();
    f.records.push(MetadataRecord::Topic(TopicRecord {
        name: "r".into(),
        topic_id: id,
    }));
    f.records.push(MetadataRecord::Partition(PartitionRecord {
        topic_id: id,
        partition_id: 0,
        replicas: vec![ME, NodeId(2)],
        isr: vec![ME],
        leader: ME,
        leader_epoch: 0,
        partition_epoch: 0,
    }));
    let next = MetadataImage::from_records(&f.records);
    let delta = MetadataDelta::between(&f.image, &next);
    let strict = LogConfig {
        min_insync_replicas: 2,
        ..LogConfig::default()
    };
    f.rm.apply_delta(&delta, &next, &|_| strict.clone());
    f.image = next;
    let appended = f.rm.append_records(
        AppendOrigin::Client,
        RequiredAcks::Leader,
        vec![(tp("r", 0), batch(5))],
    );
    assert!(appended.into_first_error().is_ok());
    let hosted = f.rm.hosted(&tp("r", 0)).unwrap();
    hosted.log().flush().unwrap();
    hosted.local_log_changed(0);
    assert_eq!(hosted.high_watermark(), Offset(0), "held below the minimum");
    f.commit(vec![MetadataRecord::Config(ConfigRecord {
        resource: ConfigResource::Topic("r".into()),
        name: "min.insync.replicas".into(),
        value: Some("1".into()),
    })]);
    assert_eq!(hosted.high_watermark(), Offset(5));
}
