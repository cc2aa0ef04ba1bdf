//! Requests at the versions Kafka 4.1-4.3 added, sent exactly as clients send them: the
//! tiered-storage ListOffsets timestamps on a broker without tiered storage, and Metadata by
//! topic id with the empty name the Java client leaves in the request.

mod common;

use common::{TestBroker, batch, create_topic, produce, send};
use strom_protocol::ErrorCode;
use strom_protocol::generated::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use strom_protocol::generated::metadata_request::MetadataRequestTopic;
use strom_protocol::generated::{ListOffsetsRequest, MetadataRequest, ResponseBody};

async fn list_offset(
    conn: &strom_client::Connection,
    version: i16,
    timestamp: i64,
) -> (i16, i64, i64, i32) {
    let request = ListOffsetsRequest {
        replica_id: -1,
        topics: vec![ListOffsetsTopic {
            name: "tiers".into(),
            partitions: vec![ListOffsetsPartition {
                partition_index: 0,
                timestamp,
                current_leader_epoch: -1,
                ..ListOffsetsPartition::default()
            }],
            ..ListOffsetsTopic::default()
        }],
        ..ListOffsetsRequest::default()
    };
    let ResponseBody::ListOffsets(r) = send(conn, request, version).await else {
        panic!("not a ListOffsets response")
    };
    let p = &r.topics[0].partitions[0];
    (p.error_code, p.offset, p.timestamp, p.leader_epoch)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tiered_list_offsets_timestamps_answer_as_kafka_without_tiered_storage() {
    // -5 (latest tiered, v9+) and -6 (earliest pending upload, v11+) give offset, timestamp
    // and leader epoch -1 with no error, as Kafka does for a topic without remote storage;
    // -4 (earliest local) is the log start; a timestamp newer than the request's version is
    // UNSUPPORTED_VERSION.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "tiers", 1).await;
    let r = produce(&conn, "tiers", 0, batch(&[b"a", b"b"], None), 9).await;
    assert_eq!(r.error_code, 0);
    assert_eq!(list_offset(&conn, 11, -6).await, (0, -1, -1, -1));
    assert_eq!(list_offset(&conn, 11, -5).await, (0, -1, -1, -1));
    assert_eq!(list_offset(&conn, 11, -4).await.1, 0);
    assert_eq!(list_offset(&conn, 11, -1).await.1, 2);
    let unsupported = ErrorCode::UnsupportedVersion.code();
    assert_eq!(list_offset(&conn, 10, -6).await.0, unsupported);
    assert_eq!(list_offset(&conn, 8, -5).await.0, unsupported);
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metadata_by_topic_id_ignores_the_empty_name_java_sends() {
    // The Java client asks for topics by id with the name left as "": the id decides, and an
    // id nobody knows is UNKNOWN_TOPIC_ID.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "by-id", 2).await;
    let all = MetadataRequest {
        topics: None,
        ..MetadataRequest::default()
    };
    let ResponseBody::Metadata(r) = send(&conn, all, 13).await else {
        panic!("not a Metadata response")
    };
    let id = r
        .topics
        .iter()
        .find(|t| t.name.as_deref() == Some("by-id"))
        .expect("topic listed")
        .topic_id;
    let by_id = |topic_id| MetadataRequest {
        topics: Some(vec![MetadataRequestTopic {
            topic_id,
            name: Some(String::new()),
            ..MetadataRequestTopic::default()
        }]),
        ..MetadataRequest::default()
    };
    let ResponseBody::Metadata(r) = send(&conn, by_id(id), 13).await else {
        panic!("not a Metadata response")
    };
    let t = &r.topics[0];
    assert_eq!(
        (t.error_code, t.name.as_deref(), t.partitions.len()),
        (0, Some("by-id"), 2)
    );
    let unknown = strom_protocol::Uuid::from_u128(42);
    let ResponseBody::Metadata(r) = send(&conn, by_id(unknown), 13).await else {
        panic!("not a Metadata response")
    };
    assert_eq!(r.topics[0].error_code, ErrorCode::UnknownTopicId.code());
    broker.stop().await;
}
