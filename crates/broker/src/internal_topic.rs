//! What the coordinators share about their internal topics (`__consumer_offsets`,
//! `__transaction_state`): creation on first use with the topic's own settings, appending
//! keyed records in bounded batches, and replaying a partition from its log start.
//!
//! Records are plain Kafka records whose key and value are the coordinator's versioned
//! schemas; the topics are compacted, so the latest value per key survives.

use std::sync::atomic::{AtomicBool, Ordering};

use bytes::{Bytes, BytesMut};
use strom_metadata::NewTopic;
use strom_protocol::ErrorCode;
use strom_protocol::records::{
    BatchIter, Compression, ControlRecordType, NO_SEQUENCE, RecordBatchBuilder,
};
use strom_storage::{AppendOrigin, FetchIsolation, FetchParams, FlushWaiter, LeaderEpoch, Log};

use crate::server::Broker;

/// Record bytes per batch written to an internal topic (their max.message.bytes is Kafka's
/// default, 1 MiB).
const BATCH_BYTES_MAX: usize = 512 * 1024;
/// Bytes read per step while replaying a partition.
const REPLAY_READ_BYTES: usize = 4 * 1024 * 1024;

/// One internal topic and whether its partitions are open.
#[derive(Debug)]
pub struct InternalTopic {
    pub name: &'static str,
    /// Set once every partition is open; until then writers wait in [`InternalTopic::ensure`].
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

    /// Marks the topic served (it existed when the broker started and was loaded).
    pub fn mark_ready(&self) {
        self.ready.store(true, Ordering::Release);
    }

    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// Makes sure the topic exists and its partitions are open, creating it compacted with
    /// `partitions` partitions and `segment_bytes` segments on first use.
    pub async fn ensure(
        &self,
        broker: &std::sync::Arc<Broker>,
        partitions: i32,
        segment_bytes: i32,
    ) -> Result<(), ErrorCode> {
        if self.is_ready() {
            return Ok(());
        }
        let _creating = self.creating.lock().await;
        if self.is_ready() {
            return Ok(());
        }
        if broker.image().topic(self.name).is_none() {
            let new = NewTopic {
                name: self.name.to_string(),
                num_partitions: partitions,
                replication_factor: -1,
                assignments: Vec::new(),
                configs: vec![
                    ("cleanup.policy".into(), Some("compact".into())),
                    ("segment.bytes".into(), Some(segment_bytes.to_string())),
                    ("compression.type".into(), Some("producer".into())),
                ],
            };
            let controller = broker.controller.clone();
            let created = tokio::task::spawn_blocking(move || controller.create_topic(&new, false))
                .await
                .unwrap_or_else(|e| panic!("topic creation task panicked: {e}"));
            match created {
                Ok(_) => tracing::info!(topic = self.name, partitions, "created internal topic"),
                Err(strom_metadata::MetadataError::TopicAlreadyExists { .. }) => {}
                Err(e) => {
                    tracing::error!(topic = self.name, error = %e, "creating failed");
                    return Err(ErrorCode::CoordinatorNotAvailable);
                }
            }
        }
        if let Err(e) = broker.sync_partitions().await {
            tracing::error!(topic = self.name, error = %e, "opening failed");
            return Err(ErrorCode::CoordinatorNotAvailable);
        }
        self.mark_ready();
        Ok(())
    }
}

/// The producer a batch is written for: transactional offset commits carry the producer's id
/// and epoch so the log's transaction bookkeeping (and a later marker) covers them.
#[derive(Debug, Clone, Copy)]
pub struct BatchProducer {
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub transactional: bool,
}

/// Appends `records` (key, value-or-tombstone) to `topic`-`partition` in batches of at most
/// [`BATCH_BYTES_MAX`], laid end to end in one append, and asks for an fsync up to them.
pub fn append_keyed(
    broker: &Broker,
    topic: &str,
    partition: i32,
    records: &[(Bytes, Option<Bytes>)],
    producer: Option<BatchProducer>,
    now_ms: i64,
) -> Result<FlushWaiter, String> {
    let p = broker
        .replica_manager
        .partition(topic, partition)
        .ok_or_else(|| format!("{topic}-{partition} is not open"))?;
    let new_builder = || {
        let builder = RecordBatchBuilder::new(Compression::None, 0);
        match producer {
            Some(prod) => builder
                .with_producer(prod.producer_id, prod.producer_epoch, NO_SEQUENCE)
                .with_transactional(prod.transactional),
            None => builder,
        }
    };
    let mut set = BytesMut::new();
    let mut builder = new_builder();
    for (key, value) in records {
        builder.append(now_ms, Some(key), value.as_deref(), &[]);
        if builder.uncompressed_records_size() >= BATCH_BYTES_MAX {
            set.extend_from_slice(&builder.build().map_err(|e| e.to_string())?);
            builder = new_builder();
        }
    }
    if !builder.is_empty() {
        set.extend_from_slice(&builder.build().map_err(|e| e.to_string())?);
    }
    let origin = AppendOrigin::Coordinator {
        leader_epoch: LeaderEpoch(p.leader_epoch),
    };
    let info = p.log.append(set, origin).map_err(|e| e.to_string())?;
    p.advance_high_watermark();
    broker.replica_manager.notify_appended();
    p.log
        .flush_to(info.next_offset())
        .map_err(|e| e.to_string())
}

/// One thing a replay finds in an internal topic's log.
#[derive(Debug)]
pub enum Replayed {
    /// A keyed record; `producer_id` is set when its batch was transactional.
    Record {
        key: Bytes,
        value: Option<Bytes>,
        transactional_producer: Option<i64>,
    },
    /// A transaction marker for `producer_id`.
    Marker { producer_id: i64, commit: bool },
}

/// Reads a partition from log start to log end and hands every record and marker to `f`;
/// returns how many were handed over. A batch that does not decode is logged and skipped.
pub fn replay_log(log: &Log, partition: i32, mut f: impl FnMut(Replayed)) -> u64 {
    let mut offset = log.log_start_offset();
    let end = log.log_end_offset();
    let mut seen = 0u64;
    while offset < end {
        let params = FetchParams {
            max_bytes: REPLAY_READ_BYTES,
            min_one_batch: true,
            isolation: FetchIsolation::LogEnd,
        };
        let data = match log.read(offset, params) {
            Ok(data) => data,
            Err(e) => {
                tracing::error!(partition, offset = offset.0, error = %e, "replay read failed");
                break;
            }
        };
        if data.records.is_empty() {
            break;
        }
        let before = offset;
        for batch in BatchIter::new(data.records) {
            let Ok(batch) = batch else { break };
            let header = *batch.header();
            offset = strom_storage::Offset(header.next_offset());
            let Ok(records) = batch.records() else {
                tracing::warn!(partition, offset = offset.0, "undecodable batch skipped");
                continue;
            };
            for record in records {
                let Ok(record) = record else { break };
                let Some(key) = record.key else { continue };
                seen += 1;
                if header.is_control() {
                    if let Ok(kind) = ControlRecordType::parse_key(&key) {
                        f(Replayed::Marker {
                            producer_id: header.producer_id,
                            commit: kind == ControlRecordType::Commit,
                        });
                    }
                    continue;
                }
                f(Replayed::Record {
                    key,
                    value: record.value,
                    transactional_producer: header.is_transactional().then_some(header.producer_id),
                });
            }
        }
        if offset <= before {
            break;
        }
    }
    seen
}
