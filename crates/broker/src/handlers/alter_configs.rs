//! AlterConfigs (the original, replacing API): the configs given become the resource's whole
//! dynamic config; any set before and not given is removed. Validated before anything is
//! written; `validate_only` stops there.
//!
//! As in Kafka, a resource named more than once is not changed and gets one
//! `INVALID_REQUEST` ("Duplicate resource."), a config named twice within a resource is
//! `INVALID_REQUEST`, and a topic name no topic can have is `INVALID_TOPIC_EXCEPTION`.
//! Internal topics' configs may be changed, as Kafka allows.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use strom_metadata::ConfigResource;
use strom_protocol::ErrorCode;
use strom_protocol::generated::alter_configs_response::AlterConfigsResourceResponse;
use strom_protocol::generated::{AlterConfigsRequest, AlterConfigsResponse};

use crate::context::Broker;
use crate::errors::metadata_error_code;

pub async fn handle(
    broker: &Arc<Broker>,
    request: AlterConfigsRequest,
    _version: i16,
) -> AlterConfigsResponse {
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
        let target = config_resource(broker, resource.resource_type, &resource.resource_name);
        let names = resource.configs.iter().map(|c| c.name.as_str());
        let outcome = match target {
            Err(e) => Err(e),
            Ok(_) if has_duplicates(names) => Err(duplicate_keys()),
            Ok(target) => {
                let existing: Vec<String> = broker
                    .image()
                    .configs(&target)
                    .map(|c| c.keys().cloned().collect())
                    .unwrap_or_default();
                let mut changes: Vec<(String, Option<String>)> = resource
                    .configs
                    .iter()
                    .map(|c| (c.name.clone(), c.value.clone()))
                    .collect();
                for name in existing {
                    if !changes.iter().any(|(n, _)| *n == name) {
                        changes.push((name, None));
                    }
                }
                apply(broker, target, changes, request.validate_only).await
            }
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
    AlterConfigsResponse {
        responses,
        ..AlterConfigsResponse::default()
    }
}

/// The resources named more than once.
pub fn duplicated_resources<'a>(
    resources: impl Iterator<Item = (i8, &'a str)>,
) -> HashSet<(i8, String)> {
    let mut named: HashMap<(i8, &str), usize> = HashMap::new();
    for key in resources {
        *named.entry(key).or_insert(0) += 1;
    }
    named
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|((t, name), _)| (t, name.to_string()))
        .collect()
}

/// Whether a config name appears twice.
pub fn has_duplicates<'a>(names: impl Iterator<Item = &'a str>) -> bool {
    let mut seen = HashSet::new();
    names.into_iter().any(|n| !seen.insert(n))
}

/// Kafka's answer to a resource naming one config twice.
pub fn duplicate_keys() -> (ErrorCode, String) {
    (
        ErrorCode::InvalidRequest,
        "Error due to duplicate config keys".into(),
    )
}

/// The metadata resource a request names: a topic, this broker, or (empty name) the
/// default of all brokers.
pub fn config_resource(
    broker: &Broker,
    resource_type: i8,
    name: &str,
) -> Result<ConfigResource, (ErrorCode, String)> {
    use crate::handlers::describe_configs::{RESOURCE_BROKER, RESOURCE_TOPIC};
    let invalid = || {
        let code = ErrorCode::InvalidRequest;
        Err((code, code.message().to_string()))
    };
    match resource_type {
        RESOURCE_TOPIC => match strom_metadata::controller::validate_topic_name(name) {
            Ok(()) => Ok(ConfigResource::Topic(name.to_string())),
            Err(e) => Err((ErrorCode::InvalidTopicException, e.to_string())),
        },
        RESOURCE_BROKER if name.is_empty() => Ok(ConfigResource::Broker(None)),
        RESOURCE_BROKER if name == broker.node_id().to_string() => Ok(ConfigResource::Broker(
            Some(strom_metadata::NodeId(broker.node_id())),
        )),
        _ => invalid(),
    }
}

/// Writes validated changes through the controller and applies them to open logs.
pub async fn apply(
    broker: &Arc<Broker>,
    target: ConfigResource,
    changes: Vec<(String, Option<String>)>,
    validate_only: bool,
) -> Result<(), (ErrorCode, String)> {
    let outcome = broker
        .metadata
        .alter_configs(target, changes, validate_only)
        .await;
    outcome.map_err(|e| (metadata_error_code(&e), e.to_string()))?;
    if !validate_only {
        let _ = broker.wait_metadata_applied().await;
    }
    Ok(())
}
