//! A consumer of assigned partitions, or of the partitions its group assigns it.
//!
//! With [`Consumer::assign`] the caller picks partitions and start offsets. With
//! [`Consumer::subscribe`] the consumer joins a consumer group (see `group_member`): each
//! poll first keeps the membership current (joining or rejoining, auto-committing), then
//! fetches from the assigned partitions, starting at the group's committed offsets or, where
//! there are none, at `auto.offset.reset`.
//!
//! The consumer keeps a position per partition and long-polls each partition leader with a
//! sessionless Fetch (session id 0, epoch -1) covering all of that leader's partitions. A
//! fetched batch can start before the position (the broker returns whole batches), so records
//! below the position are skipped; control batches (transaction markers) are never returned.

use crate::admin::OffsetSpec;
use crate::client::Client;
use crate::error::ClientError;
use crate::group::GroupOffsets;
use crate::group_member::{AutoOffsetReset, GroupConfig, GroupMember};
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
    /// Set by `subscribe`: the group this consumer is a member of.
    group: Option<GroupMember>,
}

impl Consumer {
    pub fn new(client: Arc<Client>, config: ConsumerConfig) -> Self {
        Consumer {
            client,
            config,
            positions: HashMap::new(),
            high_watermarks: HashMap::new(),
            group: None,
        }
    }

    /// Makes this consumer a member of `config.group_id`, reading `topics`. The group is
    /// joined on the next poll; partitions are then assigned by the group, not by `assign`.
    pub fn subscribe(&mut self, topics: &[String], config: GroupConfig) -> Result<(), ClientError> {
        if self.group.is_some() || !self.positions.is_empty() {
            return Err(ClientError::InvalidUse(
                "subscribe works on a fresh consumer: it neither subscribed nor assigned before",
            ));
        }
        self.group = Some(GroupMember::new(config, topics.to_vec())?);
        Ok(())
    }

    /// The member id and generation the group gave this consumer (empty and -1 before the
    /// first join, and for a consumer without a group).
    pub fn group_membership(&self) -> (String, i32) {
        self.group.as_ref().map_or((String::new(), -1), |g| {
            (g.member_id().to_string(), g.generation())
        })
    }

    /// The partitions this consumer reads, sorted.
    pub fn assignment(&self) -> Vec<(String, i32)> {
        let mut partitions: Vec<_> = self.positions.keys().cloned().collect();
        partitions.sort();
        partitions
    }

    /// Moves the position of an assigned partition: the next poll reads from `offset`.
    pub fn seek(&mut self, topic: &str, partition: i32, offset: i64) -> Result<(), ClientError> {
        match self.positions.get_mut(&(topic.to_string(), partition)) {
            Some(position) => {
                *position = offset;
                Ok(())
            }
            None => Err(ClientError::InvalidUse(
                "seek on a partition that is not assigned",
            )),
        }
    }

    fn positions_to_commit(&self) -> GroupOffsets {
        self.positions
            .iter()
            .map(|((t, p), o)| ((t.clone(), *p), *o))
            .collect()
    }

    /// Commits the current positions (the offsets after every record polled so far) as a
    /// member of the group, waiting for the coordinator's answer.
    pub async fn commit(&mut self) -> Result<(), ClientError> {
        let positions = self.positions_to_commit();
        let Some(group) = self.group.as_mut() else {
            return Err(ClientError::InvalidUse(
                "commit needs a group: subscribe first",
            ));
        };
        group.commit(&self.client, &positions).await
    }

    /// Ends group membership: commits positions if auto-commit is on, then leaves the group
    /// so the others take over its partitions at once. Without a group it does nothing.
    pub async fn close(mut self) -> Result<(), ClientError> {
        let positions = self.positions_to_commit();
        let Some(mut group) = self.group.take() else {
            return Ok(());
        };
        let committed = if group.config().auto_commit {
            group.commit(&self.client, &positions).await
        } else {
            Ok(())
        };
        let left = group.leave().await;
        committed.and(left)
    }

    /// Joins or rejoins when the group asks for it, and auto-commits when due.
    async fn maintain_group(&mut self) -> Result<(), ClientError> {
        let positions = self.positions_to_commit();
        let Some(group) = self.group.as_mut() else {
            return Ok(());
        };
        if !group.needs_join() {
            if group.auto_commit_due()
                && let Err(e) = group.commit(&self.client, &positions).await
            {
                tracing::warn!(group = %group.config().group_id, error = %e, "auto-commit failed");
            }
            return Ok(());
        }
        // Eager rebalance: hand over where this member stopped, then give up everything.
        if group.config().auto_commit
            && group.generation() >= 0
            && let Err(e) = group.commit(&self.client, &positions).await
        {
            tracing::debug!(group = %group.config().group_id, error = %e, "commit before rejoin");
        }
        self.positions.clear();
        let assignment = group.join(&self.client).await?;
        let committed = group.committed(&self.client, &assignment).await?;
        let reset = group.config().auto_offset_reset;
        for (topic, partition) in assignment {
            let start = match committed.get(&(topic.clone(), partition)) {
                Some(&offset) => StartOffset::Offset(offset),
                None if reset == AutoOffsetReset::Earliest => StartOffset::Earliest,
                None => StartOffset::Latest,
            };
            self.assign(&topic, partition, start).await?;
        }
        Ok(())
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
        if self.group.is_some() {
            self.maintain_group().await?;
            if self.positions.is_empty() {
                // Nothing assigned (more members than partitions): wait as a fetch would.
                tokio::time::sleep(self.config.max_wait).await;
                return Ok(Vec::new());
            }
        }
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
        let mut out_of_range = Vec::new();
        for t in &response.responses {
            for p in &t.partitions {
                let key = (t.topic.clone(), p.partition_index);
                if p.error_code == ErrorCode::NotLeaderOrFollower.code()
                    || p.error_code == ErrorCode::UnknownTopicOrPartition.code()
                {
                    self.client.invalidate_topic(&t.topic);
                    continue;
                }
                if p.error_code == ErrorCode::OffsetOutOfRange.code()
                    && let Some(group) = &self.group
                {
                    // The committed offset fell outside the log (retention, a reset beyond
                    // the end): start again where auto.offset.reset says, as Kafka does.
                    out_of_range.push((key, group.config().auto_offset_reset));
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
        for ((topic, partition), reset) in out_of_range {
            let start = match reset {
                AutoOffsetReset::Earliest => StartOffset::Earliest,
                AutoOffsetReset::Latest => StartOffset::Latest,
            };
            self.assign(&topic, partition, start).await?;
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
