//! ApiVersions: the APIs and version ranges this broker serves, from [`crate::api_table`],
//! and (v3+) the features it supports and has finalized. A version newer than ours never
//! reaches here: the connection answers it with the KIP-511 v0 fallback.
//!
//! The one feature is `transaction.version` (KIP-890, KIP-1022), advertised as Kafka 4.x
//! does once transaction version 2 is enabled: supported 0-2 and finalized at 2. A client
//! that sees it finalized at 2 uses transactions v2: it bumps the epoch with every EndTxn (v5)
//! and adds partitions implicitly through Produce v12+, never sending AddPartitionsToTxn.
//! Produce v12 is served (the leader adds the partitions), so it is on
//! ([`TRANSACTION_VERSION_2_ENABLED`]). Clients that do not know the feature keep using
//! transactions v1 (explicit AddPartitionsToTxn, EndTxn below v5), which stays served.

use strom_protocol::ErrorCode;
use strom_protocol::generated::api_versions_response::{
    ApiVersion, FinalizedFeatureKey, SupportedFeatureKey,
};
use strom_protocol::generated::{ApiVersionsRequest, ApiVersionsResponse};

use crate::context::Broker;

/// Whether ApiVersions finalizes `transaction.version` at 2. Flip it in the same change that
/// serves Produce v12 (`api_table`), never before: a client told TV2 is finalized sends
/// Produce v12 and fails without it.
pub const TRANSACTION_VERSION_2_ENABLED: bool = true;

/// Kafka's feature name for the transaction protocol version.
pub const TRANSACTION_VERSION_FEATURE: &str = "transaction.version";
/// The highest `transaction.version` this broker supports once TV2 is enabled.
pub const TRANSACTION_VERSION_MAX: i16 = 2;
/// The epoch of the finalized features. Kafka uses the metadata offset they were finalized
/// at; clients only compare epochs to keep the newest answer, and Strom's features never
/// change while it runs, so one fixed positive epoch is enough.
pub const FINALIZED_FEATURES_EPOCH: i64 = 1;

/// The supported and finalized features, and the finalized epoch (-1: none finalized).
pub fn features(
    transaction_version_2: bool,
) -> (Vec<SupportedFeatureKey>, Vec<FinalizedFeatureKey>, i64) {
    if !transaction_version_2 {
        return (Vec::new(), Vec::new(), -1);
    }
    let supported = vec![SupportedFeatureKey {
        name: TRANSACTION_VERSION_FEATURE.to_string(),
        min_version: 0,
        max_version: TRANSACTION_VERSION_MAX,
        ..SupportedFeatureKey::default()
    }];
    let finalized = vec![FinalizedFeatureKey {
        name: TRANSACTION_VERSION_FEATURE.to_string(),
        min_version_level: TRANSACTION_VERSION_MAX,
        max_version_level: TRANSACTION_VERSION_MAX,
        ..FinalizedFeatureKey::default()
    }];
    (supported, finalized, FINALIZED_FEATURES_EPOCH)
}

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
    let (supported_features, finalized_features, finalized_features_epoch) =
        features(TRANSACTION_VERSION_2_ENABLED);
    ApiVersionsResponse {
        error_code,
        api_keys,
        supported_features,
        finalized_features,
        finalized_features_epoch,
        ..ApiVersionsResponse::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strom_protocol::Message;
    use strom_protocol::generated::ApiKey;

    #[test]
    fn transaction_version_2_stays_off_until_produce_v12_is_served() {
        // Finalizing TV2 makes clients send Produce v12; the switch and the table must agree.
        let produce_max = crate::api_table::supported_range(ApiKey::Produce).map(|r| r.1);
        assert_eq!(TRANSACTION_VERSION_2_ENABLED, produce_max >= Some(12));
    }

    #[test]
    fn enabled_features_finalize_transaction_version_2_as_kafka_does() {
        // With the switch on, v3+ carries transaction.version supported 0-2 and finalized at 2
        // with a non-negative epoch, and the tagged fields survive encoding; off, nothing.
        let (supported, finalized, epoch) = features(true);
        assert_eq!(
            (
                supported[0].name.as_str(),
                supported[0].min_version,
                supported[0].max_version
            ),
            ("transaction.version", 0, 2)
        );
        assert_eq!(
            (
                finalized[0].min_version_level,
                finalized[0].max_version_level
            ),
            (2, 2)
        );
        assert!(epoch >= 0);
        let response = ApiVersionsResponse {
            supported_features: supported,
            finalized_features: finalized,
            finalized_features_epoch: epoch,
            ..ApiVersionsResponse::default()
        };
        for version in 3..=4 {
            let bytes = response.encode_to_bytes(version).expect("encodes").freeze();
            let back = ApiVersionsResponse::decode(bytes, version).expect("decodes");
            assert_eq!(back, response);
        }
        assert_eq!(features(false), (Vec::new(), Vec::new(), -1));
    }
}
