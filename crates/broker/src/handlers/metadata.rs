//! Metadata: brokers, cluster id, controller, and topics with their partitions, served from
//! the metadata image. A topic requested by name that does not exist is created with the
//! broker defaults when `auto.create.topics.enable` is on and the request allows it
//! (`allow_auto_topic_creation`, v4+; older versions always allow it).
//!
//! As in Kafka, the topics asked for are a set: a name or id repeated in the request is
//! answered once, and a name no topic can have gets `INVALID_TOPIC_EXCEPTION` without any
//! attempt to create it. Topics past `response.max.bytes` get `POLICY_VIOLATION`.

use std::collections::HashSet;
use std::sync::Arc;

use strom_metadata::controller::is_legal_topic_name;
use strom_metadata::{NewTopic, TopicId, TopicImage};
use strom_protocol::generated::metadata_response::{
    MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
};
use strom_protocol::generated::{MetadataRequest, MetadataResponse};
use strom_protocol::{ErrorCode, Uuid};

use crate::context::Broker;
use crate::coordinator::CLUSTER_METADATA_TOPIC;
use crate::coordinator::{OFFSETS_TOPIC, is_internal_topic};
use crate::errors::coordinator_error_code;
use crate::errors::metadata_error_code;
use crate::handlers::{AUTHORIZED_OPERATIONS_OMITTED, ResponseBound};

/// Most topics one Metadata request may auto-create.
pub const AUTO_CREATE_PER_REQUEST_MAX: usize = 100;

pub async fn handle(
    broker: &Arc<Broker>,
    request: MetadataRequest,
    version: i16,
) -> MetadataResponse {
    let allow_auto_create = broker.config.auto_create_topics_enable
        && (version < 4 || request.allow_auto_topic_creation);
    let mut bound = ResponseBound::new(broker.config.response_max_bytes, version);
    let mut topics = Vec::new();
    match request.topics {
        // v0 reads an empty list as "all topics"; later versions use null for that.
        None => topics = all_topics(broker, &mut bound),
        Some(requested) if requested.is_empty() && version == 0 => {
            topics = all_topics(broker, &mut bound)
        }
        Some(requested) => {
            let mut created = 0usize;
            let mut names = HashSet::new();
            let mut ids = HashSet::new();
            for wanted in requested {
                // A topic asked for by id (v12+) comes with a null name, or with the empty
                // string the Java client leaves in it; either way the id decides.
                let by_topic_id = wanted.topic_id != Uuid::ZERO
                    && wanted.name.as_deref().is_none_or(str::is_empty);
                let topic = match wanted.name {
                    _ if by_topic_id && !ids.insert(wanted.topic_id) => continue,
                    _ if by_topic_id => by_id(broker, wanted.topic_id),
                    Some(name) if !names.insert(name.clone()) => continue,
                    Some(name) if !is_legal_topic_name(&name) => error_topic(
                        Some(name),
                        Uuid::default(),
                        ErrorCode::InvalidTopicException,
                    ),
                    Some(name) => {
                        let auto = allow_auto_create && created < AUTO_CREATE_PER_REQUEST_MAX;
                        if auto && broker.image().topic(&name).is_none() {
                            created += 1;
                        }
                        by_name(broker, name, auto).await
                    }
                    None if !ids.insert(wanted.topic_id) => continue,
                    None => by_id(broker, wanted.topic_id),
                };
                topics.push(bounded(topic, &mut bound));
            }
        }
    }
    let brokers = broker
        .live_brokers(&broker.image())
        .into_iter()
        .map(|b| MetadataResponseBroker {
            node_id: b.node_id,
            host: b.host,
            port: b.port,
            rack: b.rack,
            ..MetadataResponseBroker::default()
        })
        .collect();
    MetadataResponse {
        brokers,
        cluster_id: Some(broker.cluster_id.clone()),
        controller_id: broker.controller_id(),
        topics,
        cluster_authorized_operations: AUTHORIZED_OPERATIONS_OMITTED,
        ..MetadataResponse::default()
    }
}

fn all_topics(broker: &Broker, bound: &mut ResponseBound) -> Vec<MetadataResponseTopic> {
    broker
        .image()
        .topics()
        .map(|t| bounded(describe(t), bound))
        .collect()
}

/// The topic if it fits the response, else its name (or id) with `POLICY_VIOLATION`.
fn bounded(topic: MetadataResponseTopic, bound: &mut ResponseBound) -> MetadataResponseTopic {
    if bound.fits(&topic) {
        return topic;
    }
    error_topic(topic.name, topic.topic_id, ErrorCode::PolicyViolation)
}

async fn by_name(broker: &Arc<Broker>, name: String, auto_create: bool) -> MetadataResponseTopic {
    if let Some(topic) = broker.image().topic(&name) {
        return describe(topic);
    }
    if !auto_create {
        return error_topic(
            Some(name),
            Uuid::default(),
            ErrorCode::UnknownTopicOrPartition,
        );
    }
    if name == OFFSETS_TOPIC {
        // Created with its own settings (compacted, offsets.topic.num.partitions), as
        // Kafka's auto-creation does for it.
        return match broker
            .groups
            .ensure_offsets_topic()
            .await
            .map_err(|e| coordinator_error_code(&e))
        {
            Ok(()) => match broker.image().topic(&name) {
                Some(topic) => describe(topic),
                None => error_topic(Some(name), Uuid::default(), ErrorCode::LeaderNotAvailable),
            },
            Err(code) => error_topic(Some(name), Uuid::default(), code),
        };
    }
    if is_internal_topic(&name) || name == CLUSTER_METADATA_TOPIC {
        return error_topic(
            Some(name),
            Uuid::default(),
            ErrorCode::UnknownTopicOrPartition,
        );
    }
    let new = NewTopic {
        name: name.clone(),
        num_partitions: -1,
        replication_factor: -1,
        ..NewTopic::default()
    };
    match broker.metadata.create_topic(new, false, None).await {
        Ok(_) | Err(strom_metadata::MetadataError::TopicAlreadyExists { .. }) => {}
        Err(e) => {
            tracing::debug!(topic = %name, error = %e, "auto-creation refused");
            return error_topic(Some(name), Uuid::default(), metadata_error_code(&e));
        }
    }
    let _ = broker.wait_metadata_applied().await;
    match broker.image().topic(&name) {
        Some(topic) => describe(topic),
        None => error_topic(Some(name), Uuid::default(), ErrorCode::LeaderNotAvailable),
    }
}

fn by_id(broker: &Broker, id: Uuid) -> MetadataResponseTopic {
    match broker.image().topic_by_id(TopicId::from_u128(id.as_u128())) {
        Some(topic) => describe(topic),
        None => error_topic(None, id, ErrorCode::UnknownTopicId),
    }
}

fn error_topic(name: Option<String>, topic_id: Uuid, error: ErrorCode) -> MetadataResponseTopic {
    MetadataResponseTopic {
        error_code: error.code(),
        name,
        topic_id,
        topic_authorized_operations: AUTHORIZED_OPERATIONS_OMITTED,
        ..MetadataResponseTopic::default()
    }
}

/// The response entry of an existing topic.
pub fn describe(topic: &TopicImage) -> MetadataResponseTopic {
    let partitions = topic
        .partitions
        .values()
        .map(|p| MetadataResponsePartition {
            error_code: ErrorCode::None.code(),
            partition_index: p.partition_id,
            leader_id: p.leader.0,
            leader_epoch: p.leader_epoch,
            replica_nodes: p.replicas.iter().map(|n| n.0).collect(),
            isr_nodes: p.isr.iter().map(|n| n.0).collect(),
            offline_replicas: Vec::new(),
            ..MetadataResponsePartition::default()
        })
        .collect();
    MetadataResponseTopic {
        error_code: ErrorCode::None.code(),
        name: Some(topic.name.clone()),
        topic_id: Uuid::from_u128(topic.topic_id.as_u128()),
        is_internal: is_internal_topic(&topic.name),
        partitions,
        topic_authorized_operations: AUTHORIZED_OPERATIONS_OMITTED,
        ..MetadataResponseTopic::default()
    }
}
