//! A broker started with itself as the only voter (`--voters 1@HOST:PORT`) keeps its
//! metadata in the Raft quorum's directory instead of the single node's log: clients create
//! topics and produce as before, and a restart serves the same metadata. A data directory
//! is refused in the mode it was not made in, and a broker-only node joins it as an observer.

mod common;

use std::time::Duration;

use common::{TestBroker, batch, create_topic, produce};
use strom_broker::{BrokerConfig, Server, StartError};

const STEP_TIMEOUT: Duration = Duration::from_secs(60);

/// A free loopback port for the controller listener (bound, read, released).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn config(pairs: &[(&str, String)]) -> BrokerConfig {
    let properties = pairs.iter().map(|(k, v)| (k.to_string(), v.clone()));
    BrokerConfig::load(None, [], properties).expect("config loads")
}

fn sole_voter(port: u16) -> BrokerConfig {
    config(&[("controller.quorum.voters", format!("1@127.0.0.1:{port}"))])
}

async fn refused(config: BrokerConfig, dir: &std::path::Path) -> StartError {
    let config = BrokerConfig {
        data_dir: dir.to_path_buf(),
        listen: "127.0.0.1:0".into(),
        ..config
    };
    let started = tokio::time::timeout(STEP_TIMEOUT, Server::start(config))
        .await
        .expect("start finishes in time");
    match started {
        Ok(_) => panic!("started where it should refuse"),
        Err(e) => e,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sole_voter_keeps_metadata_in_the_quorum_across_restarts() {
    // Topics created over the wire on a sole voter are written to the quorum directory, not
    // the local metadata log, take produced records, and are there after a restart.
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let broker = tokio::time::timeout(
        STEP_TIMEOUT,
        TestBroker::start_with(sole_voter(port), dir.path()),
    )
    .await
    .expect("starts in time");
    let conn = broker.connect().await;
    create_topic(&conn, "raft-backed", 3).await;
    let answer = produce(&conn, "raft-backed", 2, batch(&[b"v"], None), 9).await;
    assert_eq!(answer.error_code, 0);
    drop(conn);
    broker.stop().await;
    let quorum = dir.path().join(strom_metadata::quorum::QUORUM_DIR);
    assert!(quorum.join("raft.log").exists() && quorum.join("vote").exists());
    // The storage engine must not take the quorum directory for a partition.
    assert!(!quorum.join("00000000000000000000.log").exists());
    let local = dir.path().join(strom_broker::server::METADATA_LOG);
    assert!(std::fs::metadata(&local).map_or(true, |m| m.len() == 0));

    let config = BrokerConfig {
        data_dir: dir.path().to_path_buf(),
        listen: "127.0.0.1:0".into(),
        ..sole_voter(port)
    };
    let server = tokio::time::timeout(STEP_TIMEOUT, Server::start(config))
        .await
        .expect("restarts in time")
        .expect("restarts");
    let image = server.broker.image();
    assert_eq!(image.topic("raft-backed").unwrap().partitions.len(), 3);
    tokio::time::timeout(STEP_TIMEOUT, server.run(async {}))
        .await
        .expect("stops in time");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_directory_is_refused_in_the_mode_it_was_not_made_in() {
    // A single node's directory does not start as a sole voter (its topics would vanish),
    // and a sole voter's directory does not start as a zero-configuration single node.
    let single = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(single.path()).await;
    create_topic(&broker.connect().await, "local", 1).await;
    broker.stop().await;
    let err = refused(sole_voter(free_port()), single.path()).await;
    assert!(matches!(err, StartError::MetadataElsewhere(_)), "{err}");

    let voter = tempfile::tempdir().unwrap();
    let broker = TestBroker::start_with(sole_voter(free_port()), voter.path()).await;
    broker.stop().await;
    let err = refused(BrokerConfig::default(), voter.path()).await;
    assert!(
        matches!(err, StartError::MetadataElsewhere(_)) && err.to_string().contains("--voters"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broker_only_node_joins_as_an_observer_and_leads_partitions() {
    // A node with process.roles=broker is no voter: the sole voter adds it to the quorum as
    // an observer, it registers as broker 2, leads its share of a topic created through it,
    // takes records for it, and DescribeQuorum lists it as an observer that has answered the
    // leader (a last-fetch time), the voter alone as voter.
    use strom_protocol::generated::describe_quorum_request::{PartitionData, TopicData};
    use strom_protocol::generated::{DescribeQuorumRequest, RequestBody, ResponseBody};
    let (voter_dir, observer_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let port = free_port();
    let voter = TestBroker::start_with(sole_voter(port), voter_dir.path()).await;
    let observer_config = config(&[
        ("controller.quorum.voters", format!("1@127.0.0.1:{port}")),
        ("node.id", "2".to_string()),
        ("process.roles", "broker".to_string()),
        ("controller.listen", format!("127.0.0.1:{}", free_port())),
    ]);
    let observer = tokio::time::timeout(
        STEP_TIMEOUT,
        TestBroker::start_with(observer_config, observer_dir.path()),
    )
    .await
    .expect("the observer starts in time");
    let conn = observer.connect().await;
    create_topic(&conn, "observed", 4).await;
    let answers = [
        produce(&conn, "observed", 0, batch(&[b"a"], None), 9).await,
        produce(&conn, "observed", 1, batch(&[b"b"], None), 9).await,
    ];
    // The leaders alternate over brokers 1 and 2: exactly one of the two partitions is led
    // by the observer and takes the records; the other is not hosted here
    // (UNKNOWN_TOPIC_OR_PARTITION or NOT_LEADER_OR_FOLLOWER).
    let mut codes: Vec<i16> = answers.iter().map(|a| a.error_code).collect();
    codes.sort_unstable();
    assert!(codes[0] == 0 && [3, 6].contains(&codes[1]), "{codes:?}");
    let ask = DescribeQuorumRequest {
        topics: vec![TopicData {
            topic_name: "__cluster_metadata".into(),
            partitions: vec![PartitionData::default()],
            ..TopicData::default()
        }],
        ..DescribeQuorumRequest::default()
    };
    let ResponseBody::DescribeQuorum(answer) =
        common::send(&conn, RequestBody::DescribeQuorum(ask), 2).await
    else {
        panic!("not a DescribeQuorum response")
    };
    let partition = &answer.topics[0].partitions[0];
    let ids = |r: &[strom_protocol::generated::describe_quorum_response::ReplicaState]| {
        r.iter().map(|r| r.replica_id).collect::<Vec<_>>()
    };
    assert_eq!(ids(&partition.current_voters), vec![1]);
    assert_eq!(ids(&partition.observers), vec![2]);
    assert!(partition.observers[0].last_fetch_timestamp > 0);
    assert!(partition.observers[0].log_end_offset > 0);
    drop(conn);
    observer.stop().await;
    voter.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn describe_quorum_names_the_sole_voter_as_leader() {
    // Kafka's kafka-metadata-quorum sends DescribeQuorum for __cluster_metadata-0: the sole
    // voter answers as the leader with its log end as the high watermark and itself the only
    // voter, with its controller listener among the nodes; another partition is unknown.
    use strom_protocol::generated::describe_quorum_request::{PartitionData, TopicData};
    use strom_protocol::generated::{DescribeQuorumRequest, RequestBody, ResponseBody};
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let broker = TestBroker::start_with(sole_voter(port), dir.path()).await;
    let conn = broker.connect().await;
    let ask = |partition: i32| DescribeQuorumRequest {
        topics: vec![TopicData {
            topic_name: "__cluster_metadata".into(),
            partitions: vec![PartitionData {
                partition_index: partition,
                ..PartitionData::default()
            }],
            ..TopicData::default()
        }],
        ..DescribeQuorumRequest::default()
    };
    let ResponseBody::DescribeQuorum(answer) =
        common::send(&conn, RequestBody::DescribeQuorum(ask(0)), 2).await
    else {
        panic!("not a DescribeQuorum response")
    };
    assert_eq!(answer.error_code, 0, "{:?}", answer.error_message);
    let partition = &answer.topics[0].partitions[0];
    assert_eq!(partition.leader_id, 1);
    assert!(partition.leader_epoch >= 1);
    assert!(partition.high_watermark > 0);
    assert_eq!(partition.current_voters.len(), 1);
    assert_eq!(partition.current_voters[0].replica_id, 1);
    assert_eq!(
        partition.current_voters[0].log_end_offset,
        partition.high_watermark
    );
    assert_eq!(answer.nodes.len(), 1);
    assert_eq!(answer.nodes[0].listeners[0].port, port);
    let ResponseBody::DescribeQuorum(other) =
        common::send(&conn, RequestBody::DescribeQuorum(ask(1)), 2).await
    else {
        panic!("not a DescribeQuorum response")
    };
    assert_eq!(other.topics[0].partitions[0].error_code, 3);
    drop(conn);
    broker.stop().await;
}
