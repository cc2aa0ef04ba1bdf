//! DescribeConfigs: every config of a topic or broker with its effective value, whether that
//! is the default, where it came from (topic, dynamic broker, static broker, default), and,
//! when asked, its synonyms in precedence order, type and documentation.
//!
//! A resource named more than once is described once, a topic name no topic can have gets
//! `INVALID_TOPIC_EXCEPTION` (Kafka validates the name first too), and resources past
//! `response.max.bytes` get `POLICY_VIOLATION`.

use std::collections::HashSet;

use strom_metadata::config::{BROKER_DYNAMIC_CONFIGS, ConfigSource, ConfigType, TOPIC_CONFIGS};
use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_configs_response::{
    DescribeConfigsResourceResult, DescribeConfigsResult, DescribeConfigsSynonym,
};
use strom_protocol::generated::{DescribeConfigsRequest, DescribeConfigsResponse};

use crate::context::Broker;
use crate::handlers::ResponseBound;
use crate::topic_config::{ConfigValue, broker_config_chain, topic_config_chain};

/// Kafka's resource type numbers.
pub const RESOURCE_TOPIC: i8 = 2;
pub const RESOURCE_BROKER: i8 = 4;

/// One described config before it is filtered and shaped for the response.
struct Described {
    name: String,
    chain: Vec<ConfigValue>,
    read_only: bool,
    config_type: ConfigType,
    documentation: &'static str,
}

pub fn handle(
    broker: &Broker,
    request: DescribeConfigsRequest,
    version: i16,
) -> DescribeConfigsResponse {
    let image = broker.image();
    let mut bound = ResponseBound::new(broker.config.response_max_bytes, version);
    let mut seen = HashSet::new();
    let flags = Flags {
        synonyms: request.include_synonyms,
        documentation: request.include_documentation,
    };
    let results = request
        .resources
        .into_iter()
        .filter(|r| seen.insert((r.resource_type, r.resource_name.clone())))
        .map(|resource| {
            let mut result = DescribeConfigsResult {
                resource_type: resource.resource_type,
                resource_name: resource.resource_name.clone(),
                ..DescribeConfigsResult::default()
            };
            let invalid_name = (resource.resource_type == RESOURCE_TOPIC)
                .then(|| strom_metadata::controller::validate_topic_name(&resource.resource_name))
                .and_then(Result::err);
            if let Some(e) = invalid_name {
                result.error_code = ErrorCode::InvalidTopicException.code();
                result.error_message = Some(e.to_string());
                return result;
            }
            let described = match resource.resource_type {
                RESOURCE_TOPIC if image.topic(&resource.resource_name).is_none() => {
                    Err(ErrorCode::UnknownTopicOrPartition)
                }
                RESOURCE_TOPIC => Ok(TOPIC_CONFIGS
                    .iter()
                    .map(|def| Described {
                        name: def.name.to_string(),
                        chain: topic_config_chain(
                            &image,
                            &broker.config,
                            &resource.resource_name,
                            def,
                        ),
                        read_only: false,
                        config_type: def.config_type,
                        documentation: def.documentation,
                    })
                    .collect()),
                RESOURCE_BROKER
                    if resource.resource_name.is_empty()
                        || resource.resource_name == broker.node_id().to_string() =>
                {
                    Ok(describe_broker(broker, &image))
                }
                RESOURCE_BROKER => Err(ErrorCode::InvalidRequest),
                _ => Err(ErrorCode::InvalidRequest),
            };
            match described {
                Ok(described) => {
                    let keys: Option<HashSet<&String>> = resource
                        .configuration_keys
                        .as_ref()
                        .map(|k| k.iter().collect());
                    result.configs = described
                        .into_iter()
                        .filter(|d| keys.as_ref().is_none_or(|k| k.contains(&d.name)))
                        .map(|d| shape(d, flags))
                        .collect();
                    if !bound.fits(&result) {
                        let code = ErrorCode::PolicyViolation;
                        result.configs = Vec::new();
                        result.error_code = code.code();
                        result.error_message = Some("response.max.bytes reached".into());
                    }
                }
                Err(code) => {
                    result.error_code = code.code();
                    result.error_message = Some(code.message().to_string());
                }
            }
            result
        })
        .collect();
    DescribeConfigsResponse {
        results,
        ..DescribeConfigsResponse::default()
    }
}

/// Broker properties that have no default value in Kafka (the topic default comes from a
/// coarser property such as `log.retention.hours`). Kafka lists a synonym only where a
/// property has a value, so for these it lists no default synonym; nor does Strom, which
/// keeps the default in the chain only to resolve the effective value.
const BROKER_CONFIGS_WITHOUT_DEFAULT: [&str; 4] = [
    "log.retention.ms",
    "log.roll.ms",
    "log.roll.jitter.ms",
    "log.flush.interval.ms",
];

#[derive(Clone, Copy)]
struct Flags {
    synonyms: bool,
    documentation: bool,
}

/// Whether a value of a config's chain is listed among its synonyms: a topic config without
/// a broker synonym lists none, and some broker properties have no default entry in Kafka.
fn listed_as_synonym(v: &ConfigValue) -> bool {
    let unlisted_default = v.source == ConfigSource::DefaultConfig
        && BROKER_CONFIGS_WITHOUT_DEFAULT.contains(&v.name.as_str());
    !v.name.is_empty() && !unlisted_default
}

fn shape(d: Described, flags: Flags) -> DescribeConfigsResourceResult {
    let winner = d.chain.first().cloned();
    let (value, source) = winner.map_or((None, ConfigSource::DefaultConfig), |w| {
        (Some(w.value), w.source)
    });
    DescribeConfigsResourceResult {
        name: d.name,
        value,
        read_only: d.read_only,
        config_source: source as i8,
        is_sensitive: false,
        synonyms: if flags.synonyms {
            d.chain
                .into_iter()
                .filter(listed_as_synonym)
                .map(|v| DescribeConfigsSynonym {
                    name: v.name,
                    value: Some(v.value),
                    source: v.source as i8,
                    ..DescribeConfigsSynonym::default()
                })
                .collect()
        } else {
            Vec::new()
        },
        config_type: d.config_type as i8,
        documentation: flags.documentation.then(|| d.documentation.to_string()),
        ..DescribeConfigsResourceResult::default()
    }
}

/// A broker's configs: the properties behind topic configs (dynamically alterable) and the
/// broker's own settings (read-only at runtime).
fn describe_broker(broker: &Broker, image: &strom_metadata::MetadataImage) -> Vec<Described> {
    let c = &broker.config;
    let mut out: Vec<Described> = TOPIC_CONFIGS
        .iter()
        .chain(BROKER_DYNAMIC_CONFIGS)
        .filter(|def| !def.broker_synonym.is_empty())
        .map(|def| Described {
            name: def.broker_synonym.to_string(),
            chain: broker_config_chain(image, c, def),
            read_only: false,
            config_type: def.config_type,
            documentation: def.documentation,
        })
        .collect();
    let fixed: [(&str, String, ConfigType, &'static str); 18] = [
        (
            "node.id",
            c.node_id.to_string(),
            ConfigType::Int,
            "This broker's id.",
        ),
        (
            "log.dirs",
            c.data_dir.display().to_string(),
            ConfigType::String,
            "Data directory.",
        ),
        (
            "listeners",
            c.listen.clone(),
            ConfigType::String,
            "Address accepting clients.",
        ),
        (
            "num.partitions",
            c.num_partitions.to_string(),
            ConfigType::Int,
            "Partitions of a topic created without a count.",
        ),
        (
            "default.replication.factor",
            c.default_replication_factor.to_string(),
            ConfigType::Int,
            "Replication factor of a topic created without one.",
        ),
        (
            "auto.create.topics.enable",
            c.auto_create_topics_enable.to_string(),
            ConfigType::Boolean,
            "Create unknown topics named in Metadata requests.",
        ),
        (
            "socket.request.max.bytes",
            c.socket_request_max_bytes.to_string(),
            ConfigType::Int,
            "Largest request frame.",
        ),
        (
            "max.connections",
            c.max_connections.to_string(),
            ConfigType::Int,
            "Client connections at once.",
        ),
        (
            "connections.max.idle.ms",
            c.connections_max_idle_ms.to_string(),
            ConfigType::Long,
            "Idle connections close after this long.",
        ),
        (
            "queued.max.requests",
            c.queued_max_requests.to_string(),
            ConfigType::Int,
            "Requests in flight per connection.",
        ),
        (
            "fetch.max.bytes",
            c.fetch_max_bytes.to_string(),
            ConfigType::Int,
            "Largest Fetch response.",
        ),
        (
            "max.connections.per.ip",
            c.max_connections_per_ip.to_string(),
            ConfigType::Int,
            "Client connections at once from one address.",
        ),
        (
            "queued.max.request.bytes",
            c.queued_max_request_bytes.to_string(),
            ConfigType::Long,
            "Request bytes held across connections beyond each one's reserve.",
        ),
        (
            "socket.request.reserved.bytes",
            c.socket_request_reserved_bytes.to_string(),
            ConfigType::Int,
            "Request bytes each connection holds outside queued.max.request.bytes.",
        ),
        (
            "socket.request.body.timeout.ms",
            c.socket_request_body_timeout_ms.to_string(),
            ConfigType::Long,
            "Longest a frame's body may go without a byte.",
        ),
        (
            "queued.max.response.bytes",
            c.queued_max_response_bytes.to_string(),
            ConfigType::Long,
            "Response bytes waiting to be written per connection.",
        ),
        (
            "response.max.bytes",
            c.response_max_bytes.to_string(),
            ConfigType::Int,
            "Largest response other than Fetch.",
        ),
        (
            "partitions.max",
            c.partitions_max.to_string(),
            ConfigType::Int,
            "Partitions of all topics together.",
        ),
    ];
    for (name, value, config_type, documentation) in fixed {
        if out.iter().any(|d| d.name == name) {
            continue;
        }
        let source = if c.properties.contains_key(name) {
            ConfigSource::StaticBrokerConfig
        } else {
            ConfigSource::DefaultConfig
        };
        out.push(Described {
            name: name.to_string(),
            chain: vec![ConfigValue {
                name: name.to_string(),
                value,
                source,
            }],
            read_only: true,
            config_type,
            documentation,
        });
    }
    out
}
