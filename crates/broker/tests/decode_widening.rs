//! The widening the connection charges before decoding a request is at least what decoding
//! really allocates: for request shapes built to be as wide as possible (arrays of minimal
//! elements, each with an unknown tagged field where the version allows one), the bytes
//! allocated while decoding stay within what `decode_cost::extra_charge` charges.

use std::alloc::System;

use bytes::{Bytes, BytesMut};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use strom_broker::net::decode_cost::extra_charge;
use strom_protocol::generated::*;
use strom_protocol::wire::RawTaggedField;

#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Elements per array: enough that fixed costs vanish in the ratio.
const N: usize = 50_000;

fn tag() -> Vec<RawTaggedField> {
    vec![RawTaggedField {
        tag: 99,
        data: Bytes::new(),
    }]
}

fn shapes() -> Vec<(&'static str, ApiKey, i16, RequestBody)> {
    use strom_protocol::generated::create_topics_request::{CreatableTopic, CreatableTopicConfig};
    use strom_protocol::generated::describe_groups_request::DescribeGroupsRequest as Dg;
    use strom_protocol::generated::fetch_request::FetchTopic;
    use strom_protocol::generated::incremental_alter_configs_request::{
        AlterConfigsResource, AlterableConfig,
    };
    use strom_protocol::generated::metadata_request::MetadataRequestTopic;
    use strom_protocol::generated::offset_fetch_request::OffsetFetchRequestGroup;
    let empty_name = MetadataRequestTopic {
        name: Some(String::new()),
        ..Default::default()
    };
    vec![
        (
            "metadata v1, empty names",
            ApiKey::Metadata,
            1,
            MetadataRequest {
                topics: Some(vec![empty_name.clone(); N]),
                ..Default::default()
            }
            .into(),
        ),
        (
            "metadata v9, empty names with a tag each",
            ApiKey::Metadata,
            9,
            MetadataRequest {
                topics: Some(vec![
                    MetadataRequestTopic {
                        unknown_tagged_fields: tag(),
                        ..empty_name.clone()
                    };
                    N
                ]),
                ..Default::default()
            }
            .into(),
        ),
        (
            "offset fetch v8, groups with a tag each",
            ApiKey::OffsetFetch,
            8,
            OffsetFetchRequest {
                groups: vec![
                    OffsetFetchRequestGroup {
                        unknown_tagged_fields: tag(),
                        ..Default::default()
                    };
                    N
                ],
                ..Default::default()
            }
            .into(),
        ),
        (
            "describe groups v5, empty ids",
            ApiKey::DescribeGroups,
            5,
            Dg {
                groups: vec![String::new(); N],
                ..Default::default()
            }
            .into(),
        ),
        (
            "fetch v12, empty topics with a tag each",
            ApiKey::Fetch,
            12,
            FetchRequest {
                topics: vec![
                    FetchTopic {
                        unknown_tagged_fields: tag(),
                        ..Default::default()
                    };
                    N
                ],
                ..Default::default()
            }
            .into(),
        ),
        (
            "create topics v5, configs with a tag each",
            ApiKey::CreateTopics,
            5,
            CreateTopicsRequest {
                topics: vec![CreatableTopic {
                    configs: vec![
                        CreatableTopicConfig {
                            unknown_tagged_fields: tag(),
                            ..Default::default()
                        };
                        N
                    ],
                    ..Default::default()
                }],
                ..Default::default()
            }
            .into(),
        ),
        (
            "incremental alter configs v1, configs with a tag each",
            ApiKey::IncrementalAlterConfigs,
            1,
            IncrementalAlterConfigsRequest {
                resources: vec![AlterConfigsResource {
                    configs: vec![
                        AlterableConfig {
                            unknown_tagged_fields: tag(),
                            ..Default::default()
                        };
                        N
                    ],
                    ..Default::default()
                }],
                ..Default::default()
            }
            .into(),
        ),
    ]
}

#[test]
fn decoding_never_allocates_more_than_the_charged_widening() {
    for (what, key, version, body) in shapes() {
        let mut buf = BytesMut::new();
        body.encode_into(&mut buf, version).expect("encodes");
        let bytes = buf.freeze();
        let len = bytes.len();
        let charged = len + extra_charge(key, version, &bytes);
        let region = Region::new(ALLOCATOR);
        let decoded = RequestBody::decode(key, version, bytes).expect("decodes");
        let allocated = region.change().bytes_allocated;
        drop(decoded);
        eprintln!(
            "{what}: {len} bytes decode into {allocated} ({:.1}x)",
            allocated as f64 / len as f64
        );
        assert!(
            allocated <= charged,
            "{what}: {allocated} bytes allocated, {charged} charged"
        );
    }
}
