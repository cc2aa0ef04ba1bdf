//! The cluster as the client sees it: brokers, topics and partition leaders, learned from
//! Metadata responses, and one shared connection per broker.

use crate::connection::Connection;
use crate::error::ClientError;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use strom_protocol::generated::metadata_request::MetadataRequestTopic;
use strom_protocol::generated::{MetadataRequest, MetadataResponse, ResponseBody};
use strom_protocol::{ErrorCode, Uuid};

#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub client_id: String,
    pub request_timeout: Duration,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            client_id: "strom".into(),
            request_timeout: Duration::from_secs(30),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionInfo {
    pub partition: i32,
    pub leader: i32,
    pub leader_epoch: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    pub error_code: i16,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicInfo {
    pub name: String,
    pub topic_id: Uuid,
    pub is_internal: bool,
    pub partitions: Vec<PartitionInfo>,
}

#[derive(Default)]
struct ClusterState {
    brokers: HashMap<i32, String>,
    topics: HashMap<String, TopicInfo>,
    cluster_id: Option<String>,
    controller_id: i32,
}

/// A client of one Kafka cluster.
pub struct Client {
    config: ClientConfig,
    bootstrap: Vec<String>,
    state: Mutex<ClusterState>,
    connections: tokio::sync::Mutex<HashMap<i32, Connection>>,
    bootstrap_connection: tokio::sync::Mutex<Option<Connection>>,
}

impl Client {
    /// Connects to the first reachable bootstrap address (comma-separated `host:port` list)
    /// and loads the broker list.
    pub async fn connect(bootstrap: &str, config: ClientConfig) -> Result<Client, ClientError> {
        let bootstrap: Vec<String> = bootstrap
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let client = Client {
            config,
            bootstrap,
            state: Mutex::new(ClusterState::default()),
            connections: tokio::sync::Mutex::new(HashMap::new()),
            bootstrap_connection: tokio::sync::Mutex::new(None),
        };
        client.refresh_metadata(Some(&[])).await?;
        Ok(client)
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// A connection to any broker: the bootstrap one, opened on first use.
    pub async fn any_connection(&self) -> Result<Connection, ClientError> {
        let mut slot = self.bootstrap_connection.lock().await;
        if let Some(c) = slot.as_ref() {
            return Ok(c.clone());
        }
        let mut last = None;
        for addr in &self.bootstrap {
            match Connection::connect(addr, &self.config.client_id, self.config.request_timeout)
                .await
            {
                Ok(c) => {
                    *slot = Some(c.clone());
                    return Ok(c);
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or(ClientError::Unexpected("no bootstrap address given")))
    }

    /// Forgets a connection that failed, so the next call opens a new one.
    pub async fn drop_connection(&self, node: Option<i32>) {
        match node {
            Some(n) => {
                self.connections.lock().await.remove(&n);
            }
            None => *self.bootstrap_connection.lock().await = None,
        }
    }

    /// The connection to broker `node`, opened on first use.
    pub async fn connection_to(&self, node: i32) -> Result<Connection, ClientError> {
        let mut connections = self.connections.lock().await;
        if let Some(c) = connections.get(&node) {
            return Ok(c.clone());
        }
        let addr = self
            .state
            .lock()
            .expect("state lock")
            .brokers
            .get(&node)
            .cloned();
        let addr = addr.ok_or(ClientError::UnknownBroker { node })?;
        let c =
            Connection::connect(&addr, &self.config.client_id, self.config.request_timeout).await?;
        connections.insert(node, c.clone());
        Ok(c)
    }

    /// Asks for metadata: `None` for every topic, `Some(&[])` for brokers only.
    pub async fn refresh_metadata(
        &self,
        topics: Option<&[String]>,
    ) -> Result<MetadataResponse, ClientError> {
        let request = MetadataRequest {
            topics: topics.map(|names| {
                names
                    .iter()
                    .map(|n| MetadataRequestTopic {
                        name: Some(n.clone()),
                        ..Default::default()
                    })
                    .collect()
            }),
            allow_auto_topic_creation: false,
            ..Default::default()
        };
        let mut retried = false;
        let response = loop {
            let connection = self.any_connection().await?;
            match connection.send(request.clone()).await {
                Ok(ResponseBody::Metadata(m)) => break m,
                Ok(_) => {
                    return Err(ClientError::Unexpected(
                        "Metadata answered with another API",
                    ));
                }
                Err(e) => {
                    self.drop_connection(None).await;
                    // A connection kept from before a broker restart fails at once: one more
                    // try on a fresh connection tells that apart from a broker that is down.
                    let lost = matches!(e, ClientError::Closed { .. } | ClientError::Io { .. });
                    if lost && !retried {
                        retried = true;
                        continue;
                    }
                    return Err(e);
                }
            }
        };
        let mut state = self.state.lock().expect("state lock");
        for b in &response.brokers {
            state
                .brokers
                .insert(b.node_id, format!("{}:{}", b.host, b.port));
        }
        state.cluster_id = response.cluster_id.clone();
        state.controller_id = response.controller_id;
        for t in &response.topics {
            let Some(name) = t.name.clone() else { continue };
            if t.error_code == ErrorCode::UnknownTopicOrPartition.code() {
                state.topics.remove(&name);
                continue;
            }
            let info = TopicInfo {
                name: name.clone(),
                topic_id: t.topic_id,
                is_internal: t.is_internal,
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| PartitionInfo {
                        partition: p.partition_index,
                        leader: p.leader_id,
                        leader_epoch: p.leader_epoch,
                        replicas: p.replica_nodes.clone(),
                        isr: p.isr_nodes.clone(),
                        error_code: p.error_code,
                    })
                    .collect(),
            };
            state.topics.insert(name, info);
        }
        Ok(response)
    }

    /// How many partitions `name` has: [`Client::topic`] without copying the topic's
    /// metadata when it is already known (the producer asks once per record).
    pub async fn partition_count(&self, name: &str) -> Result<usize, ClientError> {
        if let Some(t) = self.state.lock().expect("state lock").topics.get(name) {
            return Ok(t.partitions.len());
        }
        Ok(self.topic(name).await?.partitions.len())
    }

    /// A topic's metadata, asking the cluster if it is not known yet.
    pub async fn topic(&self, name: &str) -> Result<TopicInfo, ClientError> {
        if let Some(t) = self.state.lock().expect("state lock").topics.get(name) {
            return Ok(t.clone());
        }
        let response = self.refresh_metadata(Some(&[name.to_string()])).await?;
        if let Some(t) = response
            .topics
            .iter()
            .find(|t| t.name.as_deref() == Some(name))
        {
            ClientError::check(t.error_code, format!("metadata of topic {name}"), None).map_err(
                |e| match e.code() {
                    Some(ErrorCode::UnknownTopicOrPartition) => ClientError::UnknownTopic {
                        topic: name.to_string(),
                    },
                    _ => e,
                },
            )?;
        }
        self.state
            .lock()
            .expect("state lock")
            .topics
            .get(name)
            .cloned()
            .ok_or_else(|| ClientError::UnknownTopic {
                topic: name.to_string(),
            })
    }

    /// Forgets what is known of a topic, so the next lookup asks the cluster.
    pub fn invalidate_topic(&self, name: &str) {
        self.state.lock().expect("state lock").topics.remove(name);
    }

    /// The leader of a partition.
    pub async fn leader_for(&self, topic: &str, partition: i32) -> Result<i32, ClientError> {
        let info = self.topic(topic).await?;
        let p = info
            .partitions
            .iter()
            .find(|p| p.partition == partition)
            .ok_or_else(|| ClientError::UnknownPartition {
                topic: topic.to_string(),
                partition,
            })?;
        if p.leader < 0 {
            ClientError::check(p.error_code, format!("leader of {topic}-{partition}"), None)?;
            return Err(ClientError::Kafka {
                code: ErrorCode::LeaderNotAvailable,
                context: format!("{topic}-{partition}"),
                message: None,
            });
        }
        Ok(p.leader)
    }

    /// Records a broker's address learned outside Metadata (a FindCoordinator answer), so
    /// `connection_to` can reach it.
    pub(crate) fn remember_broker(&self, node: i32, addr: String) {
        self.state
            .lock()
            .expect("state lock")
            .brokers
            .entry(node)
            .or_insert(addr);
    }

    /// Brokers as (node id, "host:port").
    pub fn brokers(&self) -> Vec<(i32, String)> {
        let mut b: Vec<_> = self
            .state
            .lock()
            .expect("state lock")
            .brokers
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        b.sort();
        b
    }

    pub fn cluster_id(&self) -> Option<String> {
        self.state.lock().expect("state lock").cluster_id.clone()
    }

    pub fn controller_id(&self) -> i32 {
        self.state.lock().expect("state lock").controller_id
    }
}
