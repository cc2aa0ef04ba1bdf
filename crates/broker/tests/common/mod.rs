//! An in-process broker on 127.0.0.1:0 with a temporary data directory, and raw requests to
//! it through `strom-client`'s connection, for tests that need exact request sequences.

#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

use bytes::Bytes;
use strom_broker::{BrokerConfig, Server};
use strom_client::Connection;
use strom_protocol::generated::{RequestBody, ResponseBody};
use strom_protocol::records::{Compression, RecordBatchBuilder};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running broker; `stop` shuts it down cleanly (flush, checkpoints, marker).
pub struct TestBroker {
    pub addr: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl TestBroker {
    pub async fn start(data_dir: &Path) -> TestBroker {
        TestBroker::start_with(BrokerConfig::default(), data_dir).await
    }

    /// Starts with `config`, its data directory and listener replaced by the test's.
    pub async fn start_with(config: BrokerConfig, data_dir: &Path) -> TestBroker {
        let config = BrokerConfig {
            data_dir: data_dir.to_path_buf(),
            listen: "127.0.0.1:0".into(),
            ..config
        };
        let server = Server::start(config).await.expect("broker starts");
        let addr = server.local_addr().expect("bound").to_string();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(server.run(async {
            let _ = stopped.await;
        }));
        TestBroker {
            addr,
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub async fn connect(&self) -> Connection {
        Connection::connect(&self.addr, "test", Duration::from_secs(10))
            .await
            .expect("connects")
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("broker task");
        }
    }
}

/// Sends `body` at `version` and returns the response.
pub async fn send(conn: &Connection, body: impl Into<RequestBody>, version: i16) -> ResponseBody {
    conn.send_at(body.into(), version).await.expect("response")
}

/// One uncompressed batch of `values`, with producer fields when `producer` is given.
pub fn batch(values: &[&[u8]], producer: Option<(i64, i16, i32)>) -> Bytes {
    let mut builder = RecordBatchBuilder::new(Compression::None, 0);
    if let Some((id, epoch, sequence)) = producer {
        builder = builder.with_producer(id, epoch, sequence);
    }
    for v in values {
        builder.append(1_700_000_000_000, None, Some(v), &[]);
    }
    builder.build().expect("batch builds")
}

/// Creates `name` with `partitions` partitions and asserts it worked.
pub async fn create_topic(conn: &Connection, name: &str, partitions: i32) {
    create_topic_with(conn, name, partitions, &[]).await;
}

/// Creates `name` with topic configs and asserts it worked.
pub async fn create_topic_with(
    conn: &Connection,
    name: &str,
    partitions: i32,
    configs: &[(&str, &str)],
) {
    use strom_protocol::generated::CreateTopicsRequest;
    use strom_protocol::generated::create_topics_request::{CreatableTopic, CreatableTopicConfig};
    let configs = configs
        .iter()
        .map(|(k, v)| CreatableTopicConfig {
            name: (*k).into(),
            value: Some((*v).into()),
            ..CreatableTopicConfig::default()
        })
        .collect();
    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: name.into(),
            num_partitions: partitions,
            replication_factor: 1,
            configs,
            ..CreatableTopic::default()
        }],
        timeout_ms: 10_000,
        ..CreateTopicsRequest::default()
    };
    let ResponseBody::CreateTopics(r) = send(conn, request, 7).await else {
        panic!("not a CreateTopics response")
    };
    assert_eq!(r.topics[0].error_code, 0, "{:?}", r.topics[0].error_message);
}

/// Produces `records` to one partition with acks=all at `version`; returns the partition's
/// response.
pub async fn produce(
    conn: &Connection,
    topic: &str,
    partition: i32,
    records: Bytes,
    version: i16,
) -> strom_protocol::generated::produce_response::PartitionProduceResponse {
    use strom_protocol::generated::ProduceRequest;
    use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
    let request = ProduceRequest {
        acks: -1,
        timeout_ms: 10_000,
        topic_data: vec![TopicProduceData {
            name: topic.into(),
            partition_data: vec![PartitionProduceData {
                index: partition,
                records: Some(records),
                ..PartitionProduceData::default()
            }],
            ..TopicProduceData::default()
        }],
        ..ProduceRequest::default()
    };
    let ResponseBody::Produce(mut r) = send(conn, request, version).await else {
        panic!("not a Produce response")
    };
    r.responses.remove(0).partition_responses.remove(0)
}

/// One uncompressed batch of `(key, value)` records.
pub fn keyed_batch(records: &[(Option<&[u8]>, &[u8])]) -> Bytes {
    let mut builder = RecordBatchBuilder::new(Compression::None, 0);
    for (key, value) in records {
        builder.append(1_700_000_000_000, *key, Some(value), &[]);
    }
    builder.build().expect("batch builds")
}
