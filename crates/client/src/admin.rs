//! Administrative calls: topics, configs and offsets.

use crate::client::{Client, TopicInfo};
use crate::connection::Connection;
use crate::error::ClientError;
use strom_protocol::generated::create_topics_request::{CreatableTopic, CreatableTopicConfig};
use strom_protocol::generated::delete_topics_request::DeleteTopicState;
use strom_protocol::generated::describe_configs_request::DescribeConfigsResource;
use strom_protocol::generated::incremental_alter_configs_request::{
    AlterConfigsResource, AlterableConfig,
};
use strom_protocol::generated::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use strom_protocol::generated::{
    ApiKey, CreateTopicsRequest, DeleteTopicsRequest, DescribeConfigsRequest,
    IncrementalAlterConfigsRequest, ListOffsetsRequest, ResponseBody,
};

/// Kafka's resource type for topics in config APIs.
const RESOURCE_TOPIC: i8 = 2;
/// Kafka's resource type for brokers in config APIs.
const RESOURCE_BROKER: i8 = 4;

/// A topic to create.
#[derive(Debug, Clone)]
pub struct NewTopic {
    pub name: String,
    /// -1 lets the broker use `num.partitions`.
    pub partitions: i32,
    /// -1 lets the broker use `default.replication.factor`.
    pub replication_factor: i16,
    pub configs: Vec<(String, String)>,
}

impl NewTopic {
    pub fn new(name: impl Into<String>, partitions: i32) -> Self {
        NewTopic {
            name: name.into(),
            partitions,
            replication_factor: -1,
            configs: Vec::new(),
        }
    }
}

/// Which offset ListOffsets should find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetSpec {
    Earliest,
    Latest,
    /// The offset of the largest timestamp.
    MaxTimestamp,
    /// The first offset whose timestamp is at or after this one (ms since the epoch).
    Timestamp(i64),
}

impl OffsetSpec {
    fn timestamp(self) -> i64 {
        match self {
            OffsetSpec::Earliest => -2,
            OffsetSpec::Latest => -1,
            OffsetSpec::MaxTimestamp => -3,
            OffsetSpec::Timestamp(t) => t,
        }
    }
}

/// One config of a topic or broker as DescribeConfigs returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub is_default: bool,
    pub read_only: bool,
    pub source: i8,
    pub is_sensitive: bool,
}

impl Client {
    /// The connection admin requests go to: the controller if known, else any broker.
    async fn admin_connection(&self) -> Result<Connection, ClientError> {
        let controller = self.controller_id();
        if controller >= 0
            && let Ok(c) = self.connection_to(controller).await
        {
            return Ok(c);
        }
        self.any_connection().await
    }

    /// Creates topics; fails on the first topic the broker refused.
    pub async fn create_topics(&self, topics: &[NewTopic]) -> Result<(), ClientError> {
        let request = CreateTopicsRequest {
            topics: topics
                .iter()
                .map(|t| CreatableTopic {
                    name: t.name.clone(),
                    num_partitions: t.partitions,
                    replication_factor: t.replication_factor,
                    configs: t
                        .configs
                        .iter()
                        .map(|(k, v)| CreatableTopicConfig {
                            name: k.clone(),
                            value: Some(v.clone()),
                            ..Default::default()
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect(),
            timeout_ms: self.config().request_timeout.as_millis() as i32,
            ..Default::default()
        };
        let ResponseBody::CreateTopics(response) =
            self.admin_connection().await?.send(request).await?
        else {
            return Err(ClientError::Unexpected(
                "CreateTopics answered with another API",
            ));
        };
        for t in &response.topics {
            let context = format!("creating topic {}", t.name);
            ClientError::check(t.error_code, context, t.error_message.as_deref())?;
        }
        Ok(())
    }

    /// Deletes topics by name.
    pub async fn delete_topics(&self, names: &[String]) -> Result<(), ClientError> {
        let connection = self.admin_connection().await?;
        let version = connection.version_for(ApiKey::DeleteTopics)?;
        let mut request = DeleteTopicsRequest {
            timeout_ms: self.config().request_timeout.as_millis() as i32,
            ..Default::default()
        };
        if version >= 6 {
            request.topics = names
                .iter()
                .map(|n| DeleteTopicState {
                    name: Some(n.clone()),
                    ..Default::default()
                })
                .collect();
        } else {
            request.topic_names = names.to_vec();
        }
        let ResponseBody::DeleteTopics(response) = connection.send(request).await? else {
            return Err(ClientError::Unexpected(
                "DeleteTopics answered with another API",
            ));
        };
        for t in &response.responses {
            let context = format!("deleting topic {}", t.name.as_deref().unwrap_or("?"));
            ClientError::check(t.error_code, context, t.error_message.as_deref())?;
        }
        for n in names {
            self.invalidate_topic(n);
        }
        Ok(())
    }

    /// Every topic in the cluster, sorted by name.
    pub async fn list_topics(&self) -> Result<Vec<TopicInfo>, ClientError> {
        let response = self.refresh_metadata(None).await?;
        let mut topics = Vec::new();
        for t in &response.topics {
            if let Some(name) = &t.name
                && let Ok(info) = self.topic(name).await
            {
                topics.push(info);
            }
        }
        topics.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(topics)
    }

    /// The offset `spec` names in one partition, asked of its leader.
    pub async fn list_offset(
        &self,
        topic: &str,
        partition: i32,
        spec: OffsetSpec,
    ) -> Result<(i64, i64), ClientError> {
        let leader = self.leader_for(topic, partition).await?;
        let request = ListOffsetsRequest {
            replica_id: -1,
            topics: vec![ListOffsetsTopic {
                name: topic.to_string(),
                partitions: vec![ListOffsetsPartition {
                    partition_index: partition,
                    timestamp: spec.timestamp(),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let ResponseBody::ListOffsets(response) =
            self.connection_to(leader).await?.send(request).await?
        else {
            return Err(ClientError::Unexpected(
                "ListOffsets answered with another API",
            ));
        };
        let p = response
            .topics
            .iter()
            .flat_map(|t| t.partitions.iter())
            .find(|p| p.partition_index == partition)
            .ok_or(ClientError::Unexpected(
                "ListOffsets answer lacks the partition",
            ))?;
        ClientError::check(
            p.error_code,
            format!("offsets of {topic}-{partition}"),
            None,
        )?;
        Ok((p.offset, p.timestamp))
    }

    /// The configs of a topic, or of a broker when `topic` is `None` (then `broker` is used).
    pub async fn describe_configs(
        &self,
        topic: Option<&str>,
        broker: i32,
    ) -> Result<Vec<ConfigEntry>, ClientError> {
        let (resource_type, resource_name) = match topic {
            Some(t) => (RESOURCE_TOPIC, t.to_string()),
            None => (RESOURCE_BROKER, broker.to_string()),
        };
        let request = DescribeConfigsRequest {
            resources: vec![DescribeConfigsResource {
                resource_type,
                resource_name: resource_name.clone(),
                configuration_keys: None,
                ..Default::default()
            }],
            ..Default::default()
        };
        let ResponseBody::DescribeConfigs(response) =
            self.admin_connection().await?.send(request).await?
        else {
            return Err(ClientError::Unexpected(
                "DescribeConfigs answered with another API",
            ));
        };
        let mut entries = Vec::new();
        for r in &response.results {
            let context = format!("configs of {resource_name}");
            ClientError::check(r.error_code, context, r.error_message.as_deref())?;
            for c in &r.configs {
                entries.push(ConfigEntry {
                    name: c.name.clone(),
                    value: c.value.clone(),
                    is_default: c.config_source == 5,
                    read_only: c.read_only,
                    source: c.config_source,
                    is_sensitive: c.is_sensitive,
                });
            }
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    /// Sets (`Some`) or deletes (`None`, back to the default) configs of a topic.
    pub async fn alter_topic_configs(
        &self,
        topic: &str,
        changes: &[(String, Option<String>)],
    ) -> Result<(), ClientError> {
        self.alter_configs(RESOURCE_TOPIC, topic, changes).await
    }

    /// Sets (`Some`) or deletes (`None`) dynamic configs of one broker (sent to that broker,
    /// as Kafka requires).
    pub async fn alter_broker_configs(
        &self,
        broker: i32,
        changes: &[(String, Option<String>)],
    ) -> Result<(), ClientError> {
        self.alter_configs(RESOURCE_BROKER, &broker.to_string(), changes)
            .await
    }

    /// One IncrementalAlterConfigs of one resource (SET for `Some`, DELETE for `None`); a
    /// broker's own configs go to that broker, the rest to the controller if reachable.
    async fn alter_configs(
        &self,
        resource_type: i8,
        name: &str,
        changes: &[(String, Option<String>)],
    ) -> Result<(), ClientError> {
        let connection = match name.parse::<i32>() {
            Ok(broker) if resource_type == RESOURCE_BROKER => self.connection_to(broker).await?,
            _ => self.admin_connection().await?,
        };
        let what = if resource_type == RESOURCE_BROKER {
            format!("broker {name}")
        } else {
            name.to_string()
        };
        let request = IncrementalAlterConfigsRequest {
            resources: vec![AlterConfigsResource {
                resource_type,
                resource_name: name.to_string(),
                configs: changes
                    .iter()
                    .map(|(name, value)| AlterableConfig {
                        name: name.clone(),
                        // 0 = SET, 1 = DELETE
                        config_operation: if value.is_some() { 0 } else { 1 },
                        value: value.clone(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let ResponseBody::IncrementalAlterConfigs(response) = connection.send(request).await?
        else {
            return Err(ClientError::Unexpected(
                "IncrementalAlterConfigs answered with another API",
            ));
        };
        for r in &response.responses {
            let context = format!("altering configs of {what}");
            ClientError::check(r.error_code, context, r.error_message.as_deref())?;
        }
        Ok(())
    }
}
