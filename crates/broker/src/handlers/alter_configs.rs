//! AlterConfigs (the original, replacing API): the configs given become the resource's whole
//! dynamic config; any set before and not given is removed. Validated before anything is
//! written; `validate_only` stops there.

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
    let mut responses = Vec::with_capacity(request.resources.len());
    for resource in request.resources {
        let target = config_resource(broker, resource.resource_type, &resource.resource_name);
        let outcome = match target {
            Err(code) => Err((code, code.message().to_string())),
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
    AlterConfigsResponse {
        responses,
        ..AlterConfigsResponse::default()
    }
}

/// The metadata resource a request names: a topic, this broker, or (empty name) the
/// default of all brokers.
pub fn config_resource(
    broker: &Broker,
    resource_type: i8,
    name: &str,
) -> Result<ConfigResource, ErrorCode> {
    use crate::handlers::describe_configs::{RESOURCE_BROKER, RESOURCE_TOPIC};
    match resource_type {
        RESOURCE_TOPIC => Ok(ConfigResource::Topic(name.to_string())),
        RESOURCE_BROKER if name.is_empty() => Ok(ConfigResource::Broker(None)),
        RESOURCE_BROKER if name == broker.node_id().to_string() => Ok(ConfigResource::Broker(
            Some(strom_metadata::NodeId(broker.node_id())),
        )),
        _ => Err(ErrorCode::InvalidRequest),
    }
}

/// Writes validated changes through the controller and applies them to open logs.
pub async fn apply(
    broker: &Arc<Broker>,
    target: ConfigResource,
    changes: Vec<(String, Option<String>)>,
    validate_only: bool,
) -> Result<(), (ErrorCode, String)> {
    let controller = broker.controller.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        controller.alter_configs(&target, &changes, validate_only)
    })
    .await
    .unwrap_or_else(|e| panic!("alter configs task panicked: {e}"));
    outcome.map_err(|e| (metadata_error_code(&e), e.to_string()))?;
    if !validate_only {
        broker.wait_metadata_applied().await;
    }
    Ok(())
}
