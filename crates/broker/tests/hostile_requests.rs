//! Requests a well-behaved client never sends, driven by hand: repeated entries are answered
//! once (or refused as Kafka refuses them), names no topic can have are refused without being
//! copied per entry, responses stay within `response.max.bytes`, the cluster-wide partition
//! limit holds before anything is written, internal topics are protected, and a fetch session
//! belongs to the connection that created it.

mod common;

use common::{TestBroker, batch, create_topic, produce, send};
use strom_broker::BrokerConfig;
use strom_protocol::ErrorCode;
use strom_protocol::generated::create_topics_request::CreatableTopic;
use strom_protocol::generated::delete_records_request::{
    DeleteRecordsPartition, DeleteRecordsTopic,
};
use strom_protocol::generated::describe_configs_request::DescribeConfigsResource;
use strom_protocol::generated::fetch_request::{FetchPartition, FetchTopic};
use strom_protocol::generated::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use strom_protocol::generated::metadata_request::MetadataRequestTopic;
use strom_protocol::generated::{
    CreateTopicsRequest, DeleteRecordsRequest, DeleteTopicsRequest, DescribeConfigsRequest,
    FetchRequest, FindCoordinatorRequest, ListOffsetsRequest, MetadataRequest, ResponseBody,
};

fn metadata_of(names: &[&str]) -> MetadataRequest {
    MetadataRequest {
        topics: Some(
            names
                .iter()
                .map(|n| MetadataRequestTopic {
                    name: Some((*n).into()),
                    ..MetadataRequestTopic::default()
                })
                .collect(),
        ),
        allow_auto_topic_creation: false,
        ..MetadataRequest::default()
    }
}

fn creatable(name: &str, partitions: i32) -> CreatableTopic {
    CreatableTopic {
        name: name.into(),
        num_partitions: partitions,
        replication_factor: -1,
        ..CreatableTopic::default()
    }
}

async fn create(
    conn: &strom_client::Connection,
    topics: Vec<CreatableTopic>,
) -> Vec<(String, i16)> {
    let request = CreateTopicsRequest {
        topics,
        timeout_ms: 10_000,
        ..CreateTopicsRequest::default()
    };
    let ResponseBody::CreateTopics(r) = send(conn, request, 7).await else {
        panic!("not a CreateTopics response")
    };
    r.topics
        .into_iter()
        .map(|t| (t.name, t.error_code))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metadata_answers_each_topic_once_and_refuses_illegal_names() {
    // 2,000 repeats of a 100-partition topic are one topic in the response (Kafka reads the
    // list as a set); an illegal name is INVALID_TOPIC_EXCEPTION and is not auto-created.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "wide", 100).await;
    let mut names = vec!["wide"; 2000];
    let long = "x".repeat(300);
    names.push(&long);
    names.push("bad name");
    let mut request = metadata_of(&names);
    request.allow_auto_topic_creation = true;
    let ResponseBody::Metadata(r) = send(&conn, request, 9).await else {
        panic!("not a Metadata response")
    };
    assert_eq!(r.topics.len(), 3);
    assert_eq!(r.topics[0].partitions.len(), 100);
    assert_eq!(
        r.topics[1].error_code,
        ErrorCode::InvalidTopicException.code()
    );
    assert_eq!(
        r.topics[2].error_code,
        ErrorCode::InvalidTopicException.code()
    );
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_past_response_max_bytes_are_answered_with_errors() {
    // With response.max.bytes small, the topics that no longer fit a Metadata response get
    // POLICY_VIOLATION instead of their partitions.
    let dir = tempfile::tempdir().unwrap();
    let config = BrokerConfig {
        response_max_bytes: 2048,
        ..BrokerConfig::default()
    };
    let broker = TestBroker::start_with(config, dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "a", 50).await;
    create_topic(&conn, "b", 50).await;
    create_topic(&conn, "c", 50).await;
    let ResponseBody::Metadata(r) = send(&conn, metadata_of(&["a", "b", "c"]), 9).await else {
        panic!("not a Metadata response")
    };
    let codes: Vec<i16> = r.topics.iter().map(|t| t.error_code).collect();
    let refused = ErrorCode::PolicyViolation.code();
    assert_eq!(codes, vec![0, refused, refused]);
    assert!(r.topics[2].partitions.is_empty());
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetch_answers_a_repeated_partition_once() {
    // A Fetch v12 naming one partition 5,000 times, and an unknown 30,000-byte name with
    // 5,000 partitions, gets one entry for the real partition and UNKNOWN_TOPIC_OR_PARTITION
    // for the others, each once.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "f", 1).await;
    produce(&conn, "f", 0, batch(&[b"v"], None), 9).await;
    let part = |p: i32| FetchPartition {
        partition: p,
        current_leader_epoch: -1,
        fetch_offset: 0,
        last_fetched_epoch: -1,
        log_start_offset: -1,
        partition_max_bytes: 1 << 20,
        ..FetchPartition::default()
    };
    let request = FetchRequest {
        replica_id: -1,
        max_bytes: 1 << 20,
        session_epoch: -1,
        topics: vec![
            FetchTopic {
                topic: "f".into(),
                partitions: (0..5000).map(|_| part(0)).collect(),
                ..FetchTopic::default()
            },
            FetchTopic {
                topic: "y".repeat(30_000),
                partitions: (0..5000).map(part).collect(),
                ..FetchTopic::default()
            },
        ],
        ..FetchRequest::default()
    };
    let ResponseBody::Fetch(r) = send(&conn, request, 12).await else {
        panic!("not a Fetch response")
    };
    assert_eq!(r.responses.len(), 2);
    assert_eq!(r.responses[0].partitions.len(), 1);
    assert!(
        r.responses[0].partitions[0]
            .records
            .as_ref()
            .is_some_and(|b| !b.is_empty())
    );
    assert_eq!(r.responses[1].partitions.len(), 5000);
    assert!(
        r.responses[1]
            .partitions
            .iter()
            .all(|p| p.error_code == ErrorCode::UnknownTopicOrPartition.code())
    );
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fetch_session_belongs_to_its_connection() {
    // A session id used from another connection is FETCH_SESSION_ID_NOT_FOUND, a FINAL
    // request from there does not close it, and the owner keeps using it.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let owner = broker.connect().await;
    let thief = broker.connect().await;
    create_topic(&owner, "s", 1).await;
    let fetch = |session_id, session_epoch, topics| FetchRequest {
        replica_id: -1,
        max_bytes: 1 << 20,
        session_id,
        session_epoch,
        topics,
        ..FetchRequest::default()
    };
    let topic = vec![FetchTopic {
        topic: "s".into(),
        partitions: vec![FetchPartition {
            partition: 0,
            current_leader_epoch: -1,
            partition_max_bytes: 1024,
            ..FetchPartition::default()
        }],
        ..FetchTopic::default()
    }];
    let ResponseBody::Fetch(created) = send(&owner, fetch(0, 0, topic), 12).await else {
        panic!("not a Fetch response")
    };
    let id = created.session_id;
    assert_ne!(id, 0);
    let ResponseBody::Fetch(stolen) = send(&thief, fetch(id, 1, vec![]), 12).await else {
        panic!("not a Fetch response")
    };
    assert_eq!(stolen.error_code, ErrorCode::FetchSessionIdNotFound.code());
    let ResponseBody::Fetch(_) = send(&thief, fetch(id, -1, vec![]), 12).await else {
        panic!("not a Fetch response")
    };
    let ResponseBody::Fetch(mine) = send(&owner, fetch(id, 1, vec![]), 12).await else {
        panic!("not a Fetch response")
    };
    assert_eq!((mine.error_code, mine.session_id), (0, id));
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_requests_refuse_duplicates_and_protect_internal_topics() {
    // As Kafka's controller: a topic named twice in CreateTopics or DeleteTopics gets one
    // INVALID_REQUEST and is not touched; __cluster_metadata cannot be created; Strom also
    // refuses a client's __consumer_offsets. DeleteRecords on __consumer_offsets is
    // INVALID_TOPIC_EXCEPTION, and ListOffsets answers a repeated partition INVALID_REQUEST.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    let results = create(
        &conn,
        vec![
            creatable("twice", 1),
            creatable("once", 1),
            creatable("twice", 1),
            creatable("__cluster_metadata", 1),
            creatable("__consumer_offsets", 1),
        ],
    )
    .await;
    let code = |name: &str| results.iter().find(|(n, _)| n == name).map(|(_, c)| *c);
    assert_eq!(results.len(), 4);
    assert_eq!(code("once"), Some(0));
    assert_eq!(code("twice"), Some(ErrorCode::InvalidRequest.code()));
    assert_eq!(
        code("__cluster_metadata"),
        Some(ErrorCode::InvalidRequest.code())
    );
    assert_eq!(
        code("__consumer_offsets"),
        Some(ErrorCode::InvalidRequest.code())
    );

    let delete = DeleteTopicsRequest {
        topic_names: vec!["once".into(), "once".into()],
        timeout_ms: 10_000,
        ..DeleteTopicsRequest::default()
    };
    let ResponseBody::DeleteTopics(r) = send(&conn, delete, 5).await else {
        panic!("not a DeleteTopics response")
    };
    assert_eq!(r.responses.len(), 1);
    assert_eq!(r.responses[0].error_code, ErrorCode::InvalidRequest.code());

    // The group coordinator creates __consumer_offsets with its own settings on first use.
    let find = FindCoordinatorRequest {
        key: "g".into(),
        ..FindCoordinatorRequest::default()
    };
    let ResponseBody::FindCoordinator(f) = send(&conn, find, 2).await else {
        panic!("not a FindCoordinator response")
    };
    assert_eq!(f.error_code, 0);
    let delete_records = DeleteRecordsRequest {
        topics: vec![DeleteRecordsTopic {
            name: "__consumer_offsets".into(),
            partitions: vec![DeleteRecordsPartition {
                partition_index: 0,
                offset: -1,
                ..DeleteRecordsPartition::default()
            }],
            ..DeleteRecordsTopic::default()
        }],
        timeout_ms: 10_000,
        ..DeleteRecordsRequest::default()
    };
    let ResponseBody::DeleteRecords(r) = send(&conn, delete_records, 2).await else {
        panic!("not a DeleteRecords response")
    };
    assert_eq!(
        r.topics[0].partitions[0].error_code,
        ErrorCode::InvalidTopicException.code()
    );
    let again = create(&conn, vec![creatable("__consumer_offsets", 1)]).await;
    assert_eq!(again[0].1, ErrorCode::TopicAlreadyExists.code());

    let list = ListOffsetsRequest {
        replica_id: -1,
        topics: vec![ListOffsetsTopic {
            name: "once".into(),
            partitions: vec![
                ListOffsetsPartition {
                    partition_index: 0,
                    timestamp: -1,
                    ..ListOffsetsPartition::default()
                };
                2
            ],
            ..ListOffsetsTopic::default()
        }],
        ..ListOffsetsRequest::default()
    };
    let ResponseBody::ListOffsets(r) = send(&conn, list, 5).await else {
        panic!("not a ListOffsets response")
    };
    assert!(
        r.topics[0]
            .partitions
            .iter()
            .all(|p| p.error_code == ErrorCode::InvalidRequest.code())
    );
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn describe_configs_describes_a_repeated_resource_once() {
    // 500 repeats of a topic resource are one result; an illegal topic name is
    // INVALID_TOPIC_EXCEPTION.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "cfg", 1).await;
    let resource = |name: &str| DescribeConfigsResource {
        resource_type: 2,
        resource_name: name.into(),
        configuration_keys: None,
        ..DescribeConfigsResource::default()
    };
    let mut resources = vec![resource("cfg"); 500];
    resources.push(resource("no/slash"));
    let request = DescribeConfigsRequest {
        resources,
        include_synonyms: true,
        include_documentation: true,
        ..DescribeConfigsRequest::default()
    };
    let ResponseBody::DescribeConfigs(r) = send(&conn, request, 4).await else {
        panic!("not a DescribeConfigs response")
    };
    assert_eq!(r.results.len(), 2);
    assert_eq!(r.results[0].error_code, 0);
    assert_eq!(
        r.results[1].error_code,
        ErrorCode::InvalidTopicException.code()
    );
    broker.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partitions_max_holds_across_one_request_and_a_restart() {
    // One CreateTopics of 11 topics of 10 partitions against partitions.max 60 creates the
    // first six and refuses the rest with POLICY_VIOLATION; the broker restarts with them
    // and still creates what fits.
    let dir = tempfile::tempdir().unwrap();
    let config = || BrokerConfig {
        partitions_max: 60,
        ..BrokerConfig::default()
    };
    let broker = TestBroker::start_with(config(), dir.path()).await;
    let conn = broker.connect().await;
    let topics = (0..11).map(|i| creatable(&format!("p{i}"), 10)).collect();
    let results = create(&conn, topics).await;
    let ok = results.iter().filter(|(_, c)| *c == 0).count();
    let refused = results
        .iter()
        .filter(|(_, c)| *c == ErrorCode::PolicyViolation.code())
        .count();
    assert_eq!((ok, refused), (6, 5));
    drop(conn);
    broker.stop().await;
    let broker = TestBroker::start_with(config(), dir.path()).await;
    let conn = broker.connect().await;
    let all = MetadataRequest {
        topics: None,
        ..MetadataRequest::default()
    };
    let ResponseBody::Metadata(r) = send(&conn, all, 9).await else {
        panic!("not a Metadata response")
    };
    assert_eq!(r.topics.len(), 6);
    let results = create(&conn, vec![creatable("last", 1)]).await;
    assert_eq!(results[0].1, ErrorCode::PolicyViolation.code());
    broker.stop().await;
}
