//! IncrementalAlterConfigs: per config, SET a value, DELETE it (back to the inherited one),
//! or APPEND to / SUBTRACT from a list-typed config. All operations of a resource are
//! validated together before any is written.
//!
//! Repeated resources and config names are refused as in AlterConfigs (and Kafka).

use std::sync::Arc;

use strom_metadata::ConfigResource;
use strom_metadata::config::{ConfigType, TOPIC_CONFIGS};
use strom_protocol::ErrorCode;
use strom_protocol::generated::incremental_alter_configs_request::AlterConfigsResource;
use strom_protocol::generated::incremental_alter_configs_response::AlterConfigsResourceResponse;
use strom_protocol::generated::{IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse};

use crate::context::Broker;
use crate::handlers::alter_configs::{
    apply, config_resource, duplicate_keys, duplicated_resources, has_duplicates,
};
use crate::topic_config::effective;

/// Config changes: a value to set, or `None` to remove.
type Changes = Vec<(String, Option<String>)>;

const SET: i8 = 0;
const DELETE: i8 = 1;
const APPEND: i8 = 2;
const SUBTRACT: i8 = 3;

pub async fn handle(
    broker: &Arc<Broker>,
    request: IncrementalAlterConfigsRequest,
    _version: i16,
) -> IncrementalAlterConfigsResponse {
    let duplicated = duplicated_resources(
        request
            .resources
            .iter()
            .map(|r| (r.resource_type, r.resource_name.as_str())),
    );
    let mut responses = Vec::with_capacity(request.resources.len());
    for resource in request.resources {
        let key = (resource.resource_type, resource.resource_name.clone());
        if duplicated.contains(&key) {
            continue;
        }
        let names = resource.configs.iter().map(|c| c.name.as_str());
        let outcome = match config_resource(broker, resource.resource_type, &resource.resource_name)
        {
            Err(e) => Err(e),
            Ok(_) if has_duplicates(names) => Err(duplicate_keys()),
            Ok(target) => match changes(broker, &target, &resource) {
                Ok(changes) => apply(broker, target, changes, request.validate_only).await,
                Err(e) => Err(e),
            },
        };
        let (error_code, error_message) = match outcome {
            Ok(()) => (ErrorCode::None.code(), None),
            Err((code, message)) => (code.code(), Some(message)),
        };
        responses.push(AlterConfigsResourceResponse {
            error_code,
            error_message,
            resource_type: resource.resource_type,
            resource_name: resource.resource_name,
            ..AlterConfigsResourceResponse::default()
        });
    }
    for (resource_type, resource_name) in crate::handlers::dedupe(duplicated) {
        responses.push(AlterConfigsResourceResponse {
            error_code: ErrorCode::InvalidRequest.code(),
            error_message: Some("Duplicate resource.".into()),
            resource_type,
            resource_name,
            ..AlterConfigsResourceResponse::default()
        });
    }
    IncrementalAlterConfigsResponse {
        responses,
        ..IncrementalAlterConfigsResponse::default()
    }
}

fn changes(
    broker: &Broker,
    target: &ConfigResource,
    resource: &AlterConfigsResource,
) -> Result<Changes, (ErrorCode, String)> {
    let mut out = Vec::with_capacity(resource.configs.len());
    for config in &resource.configs {
        let change = match config.config_operation {
            SET => (config.name.clone(), config.value.clone()),
            DELETE => (config.name.clone(), None),
            APPEND | SUBTRACT => {
                let is_list = TOPIC_CONFIGS.iter().any(|d| {
                    (d.name == config.name || d.broker_synonym == config.name)
                        && d.config_type == ConfigType::List
                });
                if !is_list {
                    return Err((
                        ErrorCode::InvalidConfig,
                        format!("{} is not a list config", config.name),
                    ));
                }
                let current = match target {
                    ConfigResource::Topic(topic) => {
                        effective(&broker.image(), &broker.config, topic, &config.name)
                    }
                    ConfigResource::Broker(_) => String::new(),
                };
                let mut items: Vec<String> = current
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                let given = config.value.clone().unwrap_or_default();
                for item in given.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if config.config_operation == APPEND {
                        if !items.iter().any(|i| i == item) {
                            items.push(item.to_string());
                        }
                    } else {
                        items.retain(|i| i != item);
                    }
                }
                (config.name.clone(), Some(items.join(",")))
            }
            other => {
                return Err((
                    ErrorCode::InvalidRequest,
                    format!("unknown operation {other}"),
                ));
            }
        };
        out.push(change);
    }
    Ok(out)
}
