//! A topic's effective configs, found in Kafka's order: set on the topic, a dynamic default
//! for all brokers, the broker's static property, Kafka's default. DescribeConfigs reports
//! the chain as synonyms; the log is configured from the winner.

use strom_metadata::config::{ConfigDef, ConfigSource, TOPIC_CONFIGS};
use strom_metadata::{ConfigResource, MetadataImage};
use strom_protocol::records::TimestampType;
use strom_storage::{CleanupPolicy, LogConfig};

use crate::config::BrokerConfig;

/// One candidate value of a config and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigValue {
    pub name: String,
    pub value: String,
    pub source: ConfigSource,
}

/// Every value `def` has for `topic`, the effective one first.
pub fn topic_config_chain(
    image: &MetadataImage,
    broker: &BrokerConfig,
    topic: &str,
    def: &ConfigDef,
) -> Vec<ConfigValue> {
    let mut chain = Vec::new();
    if let Some(v) = image.topic_config(topic, def.name) {
        chain.push(value(def.name, v, ConfigSource::DynamicTopicConfig));
    }
    chain.extend(broker_config_chain(image, broker, def));
    chain
}

/// The broker-level values behind a topic config (its synonym's chain).
pub fn broker_config_chain(
    image: &MetadataImage,
    broker: &BrokerConfig,
    def: &ConfigDef,
) -> Vec<ConfigValue> {
    let mut chain = Vec::new();
    let synonym = def.broker_synonym;
    let node = strom_metadata::NodeId(broker.node_id);
    let dynamic = image.configs(&ConfigResource::Broker(Some(node)));
    if let Some(v) = dynamic.and_then(|c| c.get(synonym)) {
        chain.push(value(synonym, v, ConfigSource::DynamicBrokerConfig));
    }
    let default = image.configs(&ConfigResource::Broker(None));
    if let Some(v) = default.and_then(|c| c.get(synonym)) {
        chain.push(value(synonym, v, ConfigSource::DynamicDefaultBrokerConfig));
    }
    if let Some(v) = broker.property(synonym) {
        chain.push(value(synonym, v, ConfigSource::StaticBrokerConfig));
    }
    chain.push(value(synonym, def.default, ConfigSource::DefaultConfig));
    chain
}

fn value(name: &str, value: &str, source: ConfigSource) -> ConfigValue {
    ConfigValue {
        name: name.to_string(),
        value: value.to_string(),
        source,
    }
}

/// The effective value of `name` for `topic`.
pub fn effective(image: &MetadataImage, broker: &BrokerConfig, topic: &str, name: &str) -> String {
    TOPIC_CONFIGS
        .iter()
        .find(|d| d.name == name)
        .and_then(|def| {
            topic_config_chain(image, broker, topic, def)
                .into_iter()
                .next()
        })
        .map(|v| v.value)
        .unwrap_or_default()
}

/// The storage engine's config for `topic`'s logs.
pub fn log_config(image: &MetadataImage, broker: &BrokerConfig, topic: &str) -> LogConfig {
    let get = |name: &str| effective(image, broker, topic, name);
    let long = |name: &str| get(name).trim().parse::<i64>().ok();
    let unlimited = |name: &str| long(name).filter(|v| *v >= 0 && *v != i64::MAX);
    let defaults = LogConfig::default();
    let policy = get("cleanup.policy");
    let cleanup_policy = match (policy.contains("compact"), policy.contains("delete")) {
        (true, true) => CleanupPolicy::CompactAndDelete,
        (true, false) => CleanupPolicy::Compact,
        _ => CleanupPolicy::Delete,
    };
    LogConfig {
        segment_bytes: long("segment.bytes").map_or(defaults.segment_bytes, |v| v.max(64) as u64),
        segment_ms: long("segment.ms").or(defaults.segment_ms),
        segment_index_bytes: long("segment.index.bytes")
            .map_or(defaults.segment_index_bytes, |v| v.max(12) as u64),
        index_interval_bytes: long("index.interval.bytes")
            .map_or(defaults.index_interval_bytes, |v| v.max(1) as u64),
        retention_ms: unlimited("retention.ms"),
        retention_bytes: unlimited("retention.bytes").map(|v| v as u64),
        flush_messages: unlimited("flush.messages").map(|v| v as u64),
        flush_ms: unlimited("flush.ms"),
        cleanup_policy,
        delete_retention_ms: long("delete.retention.ms").unwrap_or(defaults.delete_retention_ms),
        min_cleanable_dirty_ratio: get("min.cleanable.dirty.ratio")
            .parse()
            .unwrap_or(defaults.min_cleanable_dirty_ratio),
        min_compaction_lag_ms: long("min.compaction.lag.ms")
            .unwrap_or(defaults.min_compaction_lag_ms),
        max_message_bytes: long("max.message.bytes")
            .map_or(defaults.max_message_bytes, |v| v.max(0) as usize),
        message_timestamp_type: if get("message.timestamp.type") == "LogAppendTime" {
            TimestampType::LogAppendTime
        } else {
            TimestampType::CreateTime
        },
        message_timestamp_before_max_ms: unlimited("message.timestamp.before.max.ms"),
        message_timestamp_after_max_ms: unlimited("message.timestamp.after.max.ms"),
        min_insync_replicas: long("min.insync.replicas").map_or(1, |v| v.clamp(1, 1_000) as usize),
        ..defaults
    }
}
