//! A data directory belongs to one cluster and one node: a broker started on it with another
//! identity refuses to start and says why, and the zero-configuration single node still opens
//! its directory exactly as before.

use std::time::Duration;

use strom_broker::meta_properties::MetaPropertiesError;
use strom_broker::{BrokerConfig, Server, StartError};
use strom_metadata::NewTopic;

const START_TIMEOUT: Duration = Duration::from_secs(30);

fn config(dir: &std::path::Path, pairs: &[(&str, &str)]) -> BrokerConfig {
    let mut properties: Vec<(String, String)> = vec![
        ("log.dirs".into(), dir.display().to_string()),
        ("listeners".into(), "127.0.0.1:0".into()),
    ];
    properties.extend(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    BrokerConfig::load(None, [], properties).expect("config loads")
}

async fn start(config: BrokerConfig) -> Result<Server, StartError> {
    tokio::time::timeout(START_TIMEOUT, Server::start(config))
        .await
        .expect("start finishes in time")
}

async fn start_and_stop(config: BrokerConfig) {
    let server = start(config).await.expect("broker starts");
    tokio::time::timeout(START_TIMEOUT, server.run(async {}))
        .await
        .expect("stops in time");
}

#[tokio::test]
async fn a_default_single_node_reopens_its_directory_unchanged() {
    // Started twice with no identity properties, the node keeps its cluster id, its topics
    // and its meta.properties byte for byte.
    let dir = tempfile::tempdir().unwrap();
    let server = start(config(dir.path(), &[])).await.expect("first start");
    let cluster_id = server.broker.cluster_id.clone();
    let controller = server.broker.controller.clone();
    let topic = NewTopic {
        name: "kept".into(),
        num_partitions: 2,
        replication_factor: -1,
        ..NewTopic::default()
    };
    tokio::task::spawn_blocking(move || controller.create_topic(&topic, false))
        .await
        .unwrap()
        .expect("topic created");
    tokio::time::timeout(START_TIMEOUT, server.run(async {}))
        .await
        .expect("stops in time");
    let meta = std::fs::read(dir.path().join("meta.properties")).unwrap();
    let server = start(config(dir.path(), &[])).await.expect("second start");
    assert_eq!(server.broker.cluster_id, cluster_id);
    assert_eq!(
        server
            .broker
            .image()
            .topic("kept")
            .unwrap()
            .partitions
            .len(),
        2
    );
    tokio::time::timeout(START_TIMEOUT, server.run(async {}))
        .await
        .expect("stops in time");
    assert_eq!(
        std::fs::read(dir.path().join("meta.properties")).unwrap(),
        meta
    );
}

#[tokio::test]
async fn another_node_id_or_cluster_id_is_refused_at_start() {
    // The directory of node 1 does not start as node 2, nor under another cluster.id; both
    // messages name the directory's value and the configured one.
    let dir = tempfile::tempdir().unwrap();
    start_and_stop(config(dir.path(), &[])).await;
    let err = start(config(dir.path(), &[("node.id", "2")]))
        .await
        .err()
        .expect("refused");
    assert!(matches!(
        err,
        StartError::Identity(MetaPropertiesError::OtherNode {
            found: 1,
            configured: 2,
            ..
        })
    ));
    let other = "AAAAAAAAAAAAAAAAAAAAAA";
    let err = start(config(dir.path(), &[("cluster.id", other)]))
        .await
        .err()
        .expect("refused");
    let message = err.to_string();
    assert!(
        matches!(
            err,
            StartError::Identity(MetaPropertiesError::OtherCluster { .. })
        ) && message.contains(other),
        "{message}"
    );
}

#[tokio::test]
async fn a_first_start_takes_the_configured_cluster_id() {
    // A cluster.id given at first start is the one written and served.
    let dir = tempfile::tempdir().unwrap();
    let id = "MkU3OEVBNTcwNTJENDM2Qg";
    let server = start(config(dir.path(), &[("cluster.id", id), ("node.id", "7")]))
        .await
        .expect("starts");
    assert_eq!(server.broker.cluster_id, id);
    tokio::time::timeout(START_TIMEOUT, server.run(async {}))
        .await
        .expect("stops in time");
    let text = std::fs::read_to_string(dir.path().join("meta.properties")).unwrap();
    assert_eq!(text, format!("version=1\ncluster.id={id}\nnode.id=7\n"));
}
