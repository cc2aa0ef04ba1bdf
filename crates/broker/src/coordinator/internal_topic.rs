//! What the coordinators share about their internal topics (`__consumer_offsets`,
//! `__transaction_state`): creation on first use with the topic's own settings, and reading
//! a partition's batches back as records and markers for a load.
//!
//! Records are plain Kafka records whose key and value are the coordinator's versioned
//! schemas; the topics are compacted, so the latest value per key survives.

use std::sync::atomic::{AtomicBool, Ordering};

use bytes::Bytes;
use strom_metadata::NewTopic;
use strom_protocol::records::{BatchIter, ControlRecordType};
use strom_storage::Offset;

use super::runtime::CoordinatorError;
use crate::metadata_view::MetadataView;

/// How an internal topic is made: `offsets.topic.segment.bytes` and
/// `offsets.topic.replication.factor` (or the `transaction.state.log.*` pair).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InternalTopicSettings {
    pub segment_bytes: i32,
    pub replication_factor: i16,
}

/// The internal topic holding group metadata and committed offsets.
pub const OFFSETS_TOPIC: &str = "__consumer_offsets";
/// The internal topic of the transaction coordinator.
pub const TRANSACTION_STATE_TOPIC: &str = "__transaction_state";
/// The name KRaft gives the metadata log (reserved: never a client's topic).
pub const CLUSTER_METADATA_TOPIC: &str = "__cluster_metadata";

/// Whether `topic` is one of Kafka's internal topics (clients may read, not write them).
pub fn is_internal_topic(topic: &str) -> bool {
    topic == OFFSETS_TOPIC || topic == TRANSACTION_STATE_TOPIC
}

/// One internal topic and whether it exists and its partitions are loaded.
#[derive(Debug)]
pub struct InternalTopic {
    pub name: &'static str,
    /// Set once the topic exists here and the metadata that created it is applied.
    ready: AtomicBool,
    /// Serialises creation.
    creating: tokio::sync::Mutex<()>,
}

impl InternalTopic {
    pub const fn new(name: &'static str) -> Self {
        InternalTopic {
            name,
            ready: AtomicBool::new(false),
            creating: tokio::sync::Mutex::const_new(()),
        }
    }

    /// Makes sure the topic exists, creating it compacted with `partitions` partitions and
    /// `settings` on first use, and that the metadata listener has applied it
    /// (so its partitions are open and their coordinators loaded).
    pub async fn ensure(
        &self,
        metadata: &MetadataView,
        partitions: i32,
        settings: InternalTopicSettings,
    ) -> Result<(), CoordinatorError> {
        if self.ready.load(Ordering::Acquire) {
            return Ok(());
        }
        let _creating = self.creating.lock().await;
        if self.ready.load(Ordering::Acquire) {
            return Ok(());
        }
        let image = metadata.image();
        if image.topic(self.name).is_none() {
            // The single node (no registered brokers) holds every replica itself; a cluster
            // takes the configured factor, and refuses it (the coordinator is not available)
            // while fewer brokers are up, as Kafka does.
            let replication_factor = if image.brokers().next().is_none() {
                1
            } else {
                settings.replication_factor
            };
            let segment_bytes = settings.segment_bytes;
            let new = NewTopic {
                name: self.name.to_string(),
                num_partitions: partitions,
                replication_factor,
                assignments: Vec::new(),
                configs: vec![
                    ("cleanup.policy".into(), Some("compact".into())),
                    ("segment.bytes".into(), Some(segment_bytes.to_string())),
                    ("compression.type".into(), Some("producer".into())),
                ],
            };
            let created = metadata.create_topic(new, false, None).await;
            match created {
                Ok(_) => tracing::info!(topic = self.name, partitions, "created internal topic"),
                Err(strom_metadata::MetadataError::TopicAlreadyExists { .. }) => {}
                Err(e) => {
                    tracing::error!(topic = self.name, error = %e, "creating failed");
                    return Err(CoordinatorError::NotAvailable);
                }
            }
        }
        metadata.wait_applied(metadata.image().record_count()).await;
        self.ready.store(true, Ordering::Release);
        Ok(())
    }
}

/// One thing a load finds in an internal topic's log.
#[derive(Debug)]
pub enum Replayed {
    /// A keyed record; `transactional_producer` is set when its batch was transactional.
    Record {
        key: Bytes,
        value: Option<Bytes>,
        transactional_producer: Option<i64>,
    },
    /// A transaction marker for `producer_id`.
    Marker { producer_id: i64, commit: bool },
}

/// The records and markers of whole batches read from a partition, and the offset after the
/// last batch. A batch whose records do not decode is logged and skipped.
pub fn parse_batches(records: Bytes, partition: i32) -> (Vec<Replayed>, Offset) {
    let mut items = Vec::new();
    let mut next = Offset(-1);
    for batch in BatchIter::new(records) {
        let Ok(batch) = batch else { break };
        let header = *batch.header();
        next = Offset(header.next_offset());
        let Ok(records) = batch.records() else {
            tracing::warn!(
                partition,
                offset = header.base_offset,
                "undecodable batch skipped"
            );
            continue;
        };
        for record in records {
            let Ok(record) = record else { break };
            let Some(key) = record.key else { continue };
            if header.is_control() {
                if let Ok(kind) = ControlRecordType::parse_key(&key) {
                    items.push(Replayed::Marker {
                        producer_id: header.producer_id,
                        commit: kind == ControlRecordType::Commit,
                    });
                }
                continue;
            }
            items.push(Replayed::Record {
                key,
                value: record.value,
                transactional_producer: header.is_transactional().then_some(header.producer_id),
            });
        }
    }
    (items, next)
}
