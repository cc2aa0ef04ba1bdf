//! ApiVersions: the APIs and version ranges this broker serves, from [`crate::api_table`].
//! A version newer than ours never reaches here: the connection answers it with the KIP-511
//! v0 fallback.

use strom_protocol::ErrorCode;
use strom_protocol::generated::api_versions_response::ApiVersion;
use strom_protocol::generated::{ApiVersionsRequest, ApiVersionsResponse};

use crate::context::Broker;

pub fn handle(broker: &Broker, request: ApiVersionsRequest, version: i16) -> ApiVersionsResponse {
    let api_keys = broker
        .supported_apis()
        .into_iter()
        .map(|(key, min_version, max_version)| ApiVersion {
            api_key: key as i16,
            min_version,
            max_version,
            ..ApiVersion::default()
        })
        .collect();
    // v3+ clients name their software; Kafka refuses names outside its pattern.
    let valid_name = |s: &str| {
        s.is_empty()
            || (s.len() <= 255
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
                && s.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
                && s.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric))
    };
    let error_code = if version >= 3
        && (!valid_name(&request.client_software_name)
            || !valid_name(&request.client_software_version))
    {
        ErrorCode::InvalidRequest.code()
    } else {
        ErrorCode::None.code()
    };
    ApiVersionsResponse {
        error_code,
        api_keys,
        ..ApiVersionsResponse::default()
    }
}
