//! A consumer of assigned partitions.
//!
//! The consumer keeps a position per partition and long-polls each partition leader with a
//! sessionless Fetch (session id 0, epoch -1) covering all of that leader's partitions. A
//! fetched batch can start before the position (the broker returns whole batches), so records
//! below the position are skipped; control batches (transaction markers) are never returned.

use crate::admin::OffsetSpec;
use crate::client::Client;
use crate::error::ClientError;
use bytes::Bytes;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use strom_protocol::ErrorCode;
use strom_protocol::generated::fetch_request::{FetchPartition, FetchTopic};
use strom_protocol::generated::{FetchRequest, ResponseBody};
use strom_protocol::records::{BatchIter, RecordHeader};

/// Where to start reading a partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartOffset {
    Earliest,
    Latest,
    Offset(i64),
    /// The first record at or after this timestamp (ms since the epoch).
    Timestamp(i64),
}

#[derive(Debug, Clone)]
pub struct ConsumerConfig {
    pub max_wait: Duration,
    pub min_bytes: i32,
    pub max_bytes: i32,
    pub partition_max_bytes: i32,
    /// 0 = read_uncommitted, 1 = read_committed.
    pub isolation_level: i8,
}

impl Default for ConsumerConfig {
    fn default() -> Self {
        ConsumerConfig {
            max_wait: Duration::from_millis(500),
            min_bytes: 1,
            max_bytes: 50 * 1024 * 1024,
            partition_max_bytes: 1024 * 1024,
            isolation_level: 0,
        }
    }
}

/// One record as read.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumedRecord {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: i64,
    pub key: Option<Bytes>,
    pub value: Option<Bytes>,
    pub headers: Vec<RecordHeader>,
}

/// Reads assigned partitions from their positions onward.
pub struct Consumer {
    client: Arc<Client>,
    config: ConsumerConfig,
    positions: HashMap<(String, i32), i64>,
    /// High watermarks from the last fetch, for lag.
    high_watermarks: HashMap<(String, i32), i64>,
}

impl Consumer {
    pub fn new(client: Arc<Client>, config: ConsumerConfig) -> Self {
        Consumer {
            client,
            config,
            positions: HashMap::new(),
            high_watermarks: HashMap::new(),
        }
    }

    /// Adds a partition, starting at `start`.
    pub async fn assign(
        &mut self,
        topic: &str,
        partition: i32,
        start: StartOffset,
    ) -> Result<(), ClientError> {
        let offset = match start {
            StartOffset::Offset(o) => o,
            StartOffset::Earliest => {
                self.client
                    .list_offset(topic, partition, OffsetSpec::Earliest)
                    .await?
                    .0
            }
            StartOffset::Latest => {
                self.client
                    .list_offset(topic, partition, OffsetSpec::Latest)
                    .await?
                    .0
            }
            StartOffset::Timestamp(t) => {
                let (o, _) = self
                    .client
                    .list_offset(topic, partition, OffsetSpec::Timestamp(t))
                    .await?;
                if o < 0 {
                    // No record at or after t: start at the end, as Kafka's seek does.
                    self.client
                        .list_offset(topic, partition, OffsetSpec::Latest)
                        .await?
                        .0
                } else {
                    o
                }
            }
        };
        self.positions
            .insert((topic.to_string(), partition), offset);
        Ok(())
    }

    /// Assigns every partition of a topic.
    pub async fn assign_topic(
        &mut self,
        topic: &str,
        start: StartOffset,
    ) -> Result<(), ClientError> {
        let info = self.client.topic(topic).await?;
        for p in &info.partitions {
            self.assign(topic, p.partition, start).await?;
        }
        Ok(())
    }

    /// The next offset to read, per assigned partition.
    pub fn positions(&self) -> &HashMap<(String, i32), i64> {
        &self.positions
    }

    /// The high watermark seen in the last fetch of a partition.
    pub fn high_watermark(&self, topic: &str, partition: i32) -> Option<i64> {
        self.high_watermarks
            .get(&(topic.to_string(), partition))
            .copied()
    }

    /// One round of fetches (one request per leader, in turn); returns what arrived.
    pub async fn poll(&mut self) -> Result<Vec<ConsumedRecord>, ClientError> {
        let mut by_leader: HashMap<i32, Vec<(String, i32, i64)>> = HashMap::new();
        for ((topic, partition), offset) in &self.positions {
            let leader = self.client.leader_for(topic, *partition).await?;
            by_leader
                .entry(leader)
                .or_default()
                .push((topic.clone(), *partition, *offset));
        }
        let mut out = Vec::new();
        for (leader, partitions) in by_leader {
            self.fetch_from(leader, partitions, &mut out).await?;
        }
        Ok(out)
    }

    async fn fetch_from(
        &mut self,
        leader: i32,
        partitions: Vec<(String, i32, i64)>,
        out: &mut Vec<ConsumedRecord>,
    ) -> Result<(), ClientError> {
        let mut topics: Vec<FetchTopic> = Vec::new();
        for (topic, partition, offset) in &partitions {
            let p = FetchPartition {
                partition: *partition,
                fetch_offset: *offset,
                current_leader_epoch: -1,
                last_fetched_epoch: -1,
                log_start_offset: -1,
                partition_max_bytes: self.config.partition_max_bytes,
                ..Default::default()
            };
            match topics.iter_mut().find(|t| &t.topic == topic) {
                Some(t) => t.partitions.push(p),
                None => topics.push(FetchTopic {
                    topic: topic.clone(),
                    partitions: vec![p],
                    ..Default::default()
                }),
            }
        }
        let request = FetchRequest {
            replica_id: -1,
            max_wait_ms: self.config.max_wait.as_millis() as i32,
            min_bytes: self.config.min_bytes,
            max_bytes: self.config.max_bytes,
            isolation_level: self.config.isolation_level,
            session_id: 0,
            session_epoch: -1,
            topics,
            ..Default::default()
        };
        let connection = self.client.connection_to(leader).await?;
        let response = match connection.send(request).await? {
            ResponseBody::Fetch(r) => r,
            _ => return Err(ClientError::Unexpected("Fetch answered with another API")),
        };
        ClientError::check(response.error_code, "fetch", None)?;
        for t in &response.responses {
            for p in &t.partitions {
                let key = (t.topic.clone(), p.partition_index);
                if p.error_code == ErrorCode::NotLeaderOrFollower.code()
                    || p.error_code == ErrorCode::UnknownTopicOrPartition.code()
                {
                    self.client.invalidate_topic(&t.topic);
                    continue;
                }
                let context = format!("fetching {}-{}", t.topic, p.partition_index);
                ClientError::check(p.error_code, context, None)?;
                self.high_watermarks.insert(key.clone(), p.high_watermark);
                let Some(records) = p.records.clone() else {
                    continue;
                };
                let Some(position) = self.positions.get_mut(&key) else {
                    continue;
                };
                read_batches(&t.topic, p.partition_index, records, position, out)?;
            }
        }
        Ok(())
    }
}

/// Appends the records at or after `position` and advances it past every whole batch.
fn read_batches(
    topic: &str,
    partition: i32,
    records: Bytes,
    position: &mut i64,
    out: &mut Vec<ConsumedRecord>,
) -> Result<(), ClientError> {
    for batch in BatchIter::new(records) {
        // A partial batch at the end of a fetch response is normal: it was cut by max_bytes.
        let Ok(batch) = batch else { break };
        let header = *batch.header();
        if header.last_offset() < *position {
            continue;
        }
        batch.verify_crc()?;
        if !header.is_control() {
            for record in batch.records()? {
                let record = record?;
                let offset = record.offset(header.base_offset);
                if offset < *position {
                    continue;
                }
                out.push(ConsumedRecord {
                    topic: topic.to_string(),
                    partition,
                    offset,
                    timestamp: record.timestamp(header.base_timestamp),
                    key: record.key,
                    value: record.value,
                    headers: record.headers,
                });
            }
        }
        *position = header.last_offset() + 1;
    }
    Ok(())
}
