//! One fetcher: the loop that copies every partition followed from one leader.
//!
//! Each round works on the partitions with no back-off pending:
//! 1. **Truncation**, for partitions that joined at a new leader epoch: OffsetForLeaderEpoch
//!    with the local log's latest epoch; the leader answers the end of the largest epoch it
//!    has at or below it, and the local log is cut back to that offset (or to the end of its
//!    own entry for that epoch, or its high watermark when the leader knows no such epoch).
//! 2. **Durability**: a follower's fetch offset tells the leader what it holds on disk, so
//!    any partition whose log end is not yet fsync'd waits for its flush first.
//! 3. **Fetch** at the log end of each partition (Fetch v15: topic ids and `ReplicaState`),
//!    long-polling up to `replica.fetch.wait.max.ms` at the leader. Records are appended as
//!    they came; the leader's high watermark and log start follow. A partition whose fetch
//!    offset is out of the leader's range restarts at the leader's log start if it fell
//!    behind it, or truncates again otherwise; other partition errors back off for
//!    `replica.fetch.backoff.ms` (the metadata will move the partition if leadership moved).
//!
//! A failed request drops the connection and backs off; the next round reconnects, to the
//! leader's endpoint as the current image has it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use strom_client::{ClientError, Connection};
use strom_metadata::NodeId;
use strom_protocol::generated::fetch_request::{FetchPartition, FetchTopic, ReplicaState};
use strom_protocol::generated::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use strom_protocol::generated::offset_for_leader_epoch_request::{
    OffsetForLeaderPartition, OffsetForLeaderTopic,
};
use strom_protocol::generated::{
    FetchRequest, ListOffsetsRequest, OffsetForLeaderEpochRequest, ResponseBody,
};
use strom_protocol::{ErrorCode, Uuid};
use strom_storage::{LeaderEpoch, Offset, TopicPartition};
use tokio::time::Instant;

use super::{PartitionFetch, Partitions, Shared};
use crate::replica_manager::FollowerPosition;
use crate::replication_throttle::{self as throttle, Side};

/// Fetch v15: topic ids and the follower's id and broker epoch in `ReplicaState`.
const FETCH_VERSION: i16 = 15;
/// OffsetForLeaderEpoch v4 (flexible, with `replica_id`).
const OFFSET_FOR_LEADER_EPOCH_VERSION: i16 = 4;
/// ListOffsets v7 (the leader's log start, for a follower fallen behind it).
const LIST_OFFSETS_VERSION: i16 = 7;
/// ListOffsets' timestamp for the log start offset.
const EARLIEST_TIMESTAMP: i64 = -2;

type Due = Vec<(TopicPartition, PartitionFetch)>;

/// Runs until the broker shuts down (or the manager aborts it).
pub(super) async fn run(leader: NodeId, shared: Arc<Shared>, partitions: Arc<Partitions>) {
    let mut shutdown = shared.shutdown.clone();
    let backoff = Duration::from_millis(shared.config.fetch_backoff_ms);
    let mut connection: Option<Connection> = None;
    let mut failing = false;
    loop {
        if *shutdown.borrow() {
            return;
        }
        let due = partitions.due(Instant::now());
        if due.is_empty() {
            let wake_at = partitions
                .next_retry()
                .unwrap_or_else(|| Instant::now() + backoff);
            tokio::select! {
                _ = partitions.changed.notified() => {}
                _ = tokio::time::sleep_until(wake_at) => {}
                _ = shutdown.changed() => {}
            }
            continue;
        }
        let outcome = async {
            let conn = match &connection {
                Some(c) => c.clone(),
                None => {
                    let c = connect(&shared, leader).await?;
                    connection = Some(c.clone());
                    c
                }
            };
            round(&shared, &partitions, &conn, due).await
        };
        let result = tokio::select! {
            r = outcome => r,
            _ = shutdown.changed() => return,
        };
        match result {
            Ok(()) => failing = false,
            Err(e) => {
                if !failing {
                    tracing::warn!(leader = %leader, error = %e,
                        "replica fetch failed; retrying every replica.fetch.backoff.ms");
                } else {
                    tracing::debug!(leader = %leader, error = %e, "replica fetch failed");
                }
                failing = true;
                connection = None;
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = shutdown.changed() => return,
                }
            }
        }
    }
}

async fn connect(shared: &Shared, leader: NodeId) -> Result<Connection, ClientError> {
    let image = (shared.image)();
    let Some(broker) = image.broker(leader) else {
        return Err(ClientError::Closed {
            addr: format!("broker {leader} (not registered)"),
        });
    };
    let addr = format!("{}:{}", broker.host, broker.port);
    let client_id = format!("strom-replica-fetcher-{}", shared.local);
    let timeout = Duration::from_millis(shared.config.socket_timeout_ms);
    Connection::connect(&addr, &client_id, timeout).await
}

/// One round: truncation first if any partition needs it, else a fetch.
async fn round(
    shared: &Shared,
    partitions: &Partitions,
    conn: &Connection,
    due: Due,
) -> Result<(), ClientError> {
    let (untruncated, ready): (Due, Due) = due.into_iter().partition(|(_, f)| !f.truncated);
    if !untruncated.is_empty() {
        return truncate(shared, partitions, conn, untruncated).await;
    }
    let mut positions = positions(shared, partitions, &ready);
    let image = (shared.image)();
    let throttled: BTreeSet<TopicPartition> =
        match throttle::throttled_rate(&image, Side::Follower, shared.local) {
            None => BTreeSet::new(),
            Some(rate) => {
                let throttled: BTreeSet<TopicPartition> = positions
                    .iter()
                    .map(|(tp, _, _)| tp.clone())
                    .filter(|tp| {
                        throttle::is_throttled(
                            &image,
                            Side::Follower,
                            shared.local,
                            tp,
                            shared.local,
                        )
                    })
                    .collect();
                if !throttled.is_empty()
                    && let Err(wait) = shared.throttle.admit(rate, Instant::now())
                {
                    positions.retain(|(tp, _, _)| !throttled.contains(tp));
                    if positions.is_empty() {
                        tokio::time::sleep(wait).await;
                        return Ok(());
                    }
                }
                throttled
            }
        };
    wait_durable(shared, &positions).await;
    let throttled_bytes = fetch(shared, partitions, conn, positions, &throttled).await?;
    shared.throttle.take(throttled_bytes);
    Ok(())
}

/// Where each partition stands; a partition no longer followed at its epoch is skipped.
fn positions(
    shared: &Shared,
    partitions: &Partitions,
    due: &Due,
) -> Vec<(TopicPartition, PartitionFetch, FollowerPosition)> {
    due.iter()
        .filter_map(
            |(tp, f)| match shared.replicas.follower_position(tp, f.leader_epoch) {
                Ok(position) => Some((tp.clone(), f.clone(), position)),
                Err(e) => {
                    tracing::debug!(partition = %tp, error = %e, "not fetched");
                    back_off(shared, partitions, tp, f.leader_epoch);
                    None
                }
            },
        )
        .collect()
}

fn back_off(shared: &Shared, partitions: &Partitions, tp: &TopicPartition, epoch: LeaderEpoch) {
    let at = Instant::now() + Duration::from_millis(shared.config.fetch_backoff_ms);
    partitions.update(tp, epoch, |f| f.retry_at = Some(at));
}

/// Waits until every partition's log end is on disk, so the fetch offsets sent next are
/// durable offsets. A flush that fails leaves the partition's offset unchanged on disk;
/// the fetch then reports what the log holds, and the storage error surfaces there.
async fn wait_durable(
    shared: &Shared,
    positions: &[(TopicPartition, PartitionFetch, FollowerPosition)],
) {
    let waiters: Vec<_> = positions
        .iter()
        .filter(|(_, _, p)| p.durable < p.log_end)
        .filter_map(|(tp, f, _)| shared.replicas.follower_flush(tp, f.leader_epoch).ok())
        .collect();
    if waiters.is_empty() {
        return;
    }
    let _ = tokio::task::spawn_blocking(move || {
        for waiter in waiters {
            let _ = waiter.wait();
        }
    })
    .await;
}

async fn truncate(
    shared: &Shared,
    partitions: &Partitions,
    conn: &Connection,
    due: Due,
) -> Result<(), ClientError> {
    let mut asked: BTreeMap<TopicPartition, (PartitionFetch, FollowerPosition)> = BTreeMap::new();
    let mut topics: BTreeMap<String, Vec<OffsetForLeaderPartition>> = BTreeMap::new();
    for (tp, f, position) in positions(shared, partitions, &due) {
        let Some(latest) = position.latest_epoch else {
            // An empty log (or one that never recorded an epoch) has nothing to cut.
            partitions.update(&tp, f.leader_epoch, |s| s.truncated = true);
            continue;
        };
        topics
            .entry(tp.topic.clone())
            .or_default()
            .push(OffsetForLeaderPartition {
                partition: tp.partition,
                current_leader_epoch: f.leader_epoch.0,
                leader_epoch: latest.0,
                ..OffsetForLeaderPartition::default()
            });
        asked.insert(tp, (f, position));
    }
    if topics.is_empty() {
        return Ok(());
    }
    let request = OffsetForLeaderEpochRequest {
        replica_id: shared.local.0,
        topics: topics
            .into_iter()
            .map(|(topic, partitions)| OffsetForLeaderTopic {
                topic,
                partitions,
                ..OffsetForLeaderTopic::default()
            })
            .collect(),
        ..OffsetForLeaderEpochRequest::default()
    };
    let response = conn
        .send_at(request.into(), OFFSET_FOR_LEADER_EPOCH_VERSION)
        .await?;
    let ResponseBody::OffsetForLeaderEpoch(response) = response else {
        return Err(unexpected("OffsetForLeaderEpoch"));
    };
    for topic in response.topics {
        for answer in topic.partitions {
            let tp = TopicPartition::new(topic.topic.clone(), answer.partition);
            let Some((f, position)) = asked.get(&tp) else {
                continue;
            };
            if answer.error_code != ErrorCode::None.code() {
                tracing::debug!(partition = %tp, code = answer.error_code,
                    "the leader refused OffsetForLeaderEpoch");
                back_off(shared, partitions, &tp, f.leader_epoch);
                continue;
            }
            let (target, complete) = truncation_offset(
                shared,
                &tp,
                f,
                position,
                answer.leader_epoch,
                answer.end_offset,
            );
            match shared
                .replicas
                .truncate_follower(&tp, f.leader_epoch, target)
            {
                // Not complete: the next round asks again with the epoch now last here.
                Ok(_) => partitions.update(&tp, f.leader_epoch, |s| s.truncated = complete),
                Err(e) => {
                    tracing::warn!(partition = %tp, error = %e, "follower truncation failed");
                    back_off(shared, partitions, &tp, f.leader_epoch);
                }
            }
        }
    }
    Ok(())
}

/// Where to cut the local log after the leader answered OffsetForLeaderEpoch with
/// (`leader_epoch`, `end_offset`), and whether the logs then agree
/// ([`strom_replication::truncation_point`]: Kafka's rule with KIP-279's extra rounds).
fn truncation_offset(
    shared: &Shared,
    tp: &TopicPartition,
    f: &PartitionFetch,
    position: &FollowerPosition,
    leader_epoch: i32,
    end_offset: i64,
) -> (Offset, bool) {
    let answer = (leader_epoch >= 0 && end_offset >= 0)
        .then_some((LeaderEpoch(leader_epoch), Offset(end_offset)));
    let local_end_for = |epoch: LeaderEpoch| {
        shared
            .replicas
            .follower_end_offset_for_epoch(tp, f.leader_epoch, epoch)
            .ok()
            .flatten()
    };
    strom_replication::truncation_point(
        answer,
        local_end_for,
        position.high_watermark,
        position.log_end,
    )
}

/// One fetch; returns the record bytes the `throttled` partitions brought.
async fn fetch(
    shared: &Shared,
    partitions: &Partitions,
    conn: &Connection,
    positions: Vec<(TopicPartition, PartitionFetch, FollowerPosition)>,
    throttled: &BTreeSet<TopicPartition>,
) -> Result<usize, ClientError> {
    if positions.is_empty() {
        return Ok(0);
    }
    let mut throttled_bytes = 0;
    let request = fetch_request(shared, &positions);
    let response = conn.send_at(request.into(), FETCH_VERSION).await?;
    let ResponseBody::Fetch(response) = response else {
        return Err(unexpected("Fetch"));
    };
    if response.error_code != ErrorCode::None.code() {
        return Err(ClientError::Kafka {
            code: ErrorCode::from_code(response.error_code)
                .unwrap_or(ErrorCode::UnknownServerError),
            context: "replica fetch".into(),
            message: None,
        });
    }
    let by_key: BTreeMap<(u128, i32), &(TopicPartition, PartitionFetch, FollowerPosition)> =
        positions
            .iter()
            .map(|entry| ((entry.1.topic_id.as_u128(), entry.0.partition), entry))
            .collect();
    let mut out_of_range = Vec::new();
    for topic in response.responses {
        for data in topic.partitions {
            let Some(&(tp, f, position)) =
                by_key.get(&(topic.topic_id.as_u128(), data.partition_index))
            else {
                continue;
            };
            match ErrorCode::from_code(data.error_code) {
                Some(ErrorCode::None) => {
                    if throttled.contains(tp) {
                        throttled_bytes += data.records.as_ref().map_or(0, |r| r.len());
                    }
                    fetched(shared, partitions, tp, f, data)
                }
                Some(ErrorCode::OffsetOutOfRange) => {
                    out_of_range.push((tp.clone(), f.clone(), *position))
                }
                _ => {
                    tracing::debug!(partition = %tp, code = data.error_code,
                        "the leader refused the fetch");
                    back_off(shared, partitions, tp, f.leader_epoch);
                }
            }
        }
    }
    if !out_of_range.is_empty() {
        recover_out_of_range(shared, partitions, conn, out_of_range).await?;
    }
    Ok(throttled_bytes)
}

fn fetch_request(
    shared: &Shared,
    positions: &[(TopicPartition, PartitionFetch, FollowerPosition)],
) -> FetchRequest {
    let broker_epoch = (shared.image)()
        .broker(shared.local)
        .map_or(-1, |b| b.epoch);
    let mut topics: BTreeMap<u128, FetchTopic> = BTreeMap::new();
    for (tp, f, position) in positions {
        let id = f.topic_id.as_u128();
        let topic = topics.entry(id).or_insert_with(|| FetchTopic {
            topic: tp.topic.to_string(),
            topic_id: Uuid::from_u128(id),
            ..FetchTopic::default()
        });
        topic.partitions.push(FetchPartition {
            partition: tp.partition,
            current_leader_epoch: f.leader_epoch.0,
            fetch_offset: position.log_end.0,
            last_fetched_epoch: position.latest_epoch.map_or(-1, |e| e.0),
            log_start_offset: position.log_start.0,
            partition_max_bytes: shared.config.fetch_max_bytes,
            ..FetchPartition::default()
        });
    }
    FetchRequest {
        replica_id: -1,
        replica_state: ReplicaState {
            replica_id: shared.local.0,
            replica_epoch: broker_epoch,
            ..ReplicaState::default()
        },
        max_wait_ms: shared.config.fetch_wait_max_ms,
        min_bytes: shared.config.fetch_min_bytes,
        max_bytes: shared.config.fetch_response_max_bytes,
        isolation_level: 0,
        session_id: 0,
        session_epoch: -1,
        topics: topics.into_values().collect(),
        ..FetchRequest::default()
    }
}

/// Appends what one partition's answer carried and takes the leader's watermark.
fn fetched(
    shared: &Shared,
    partitions: &Partitions,
    tp: &TopicPartition,
    f: &PartitionFetch,
    data: strom_protocol::generated::fetch_response::PartitionData,
) {
    if let Some(records) = data.records.filter(|r| !r.is_empty())
        && let Err(e) = shared
            .replicas
            .append_as_follower(tp, f.leader_epoch, records)
    {
        // The log no longer continues where the leader's batch starts (or the batch is
        // bad): find where the two agree again.
        tracing::warn!(partition = %tp, error = %e, "replicated append refused; truncating again");
        partitions.update(tp, f.leader_epoch, |s| s.truncated = false);
        back_off(shared, partitions, tp, f.leader_epoch);
        return;
    }
    let hw = Offset(data.high_watermark);
    let log_start = Offset(data.log_start_offset);
    if let Err(e) = shared
        .replicas
        .follower_high_watermark(tp, f.leader_epoch, hw, log_start)
    {
        tracing::debug!(partition = %tp, error = %e, "leader's high watermark not taken");
    }
}

/// The fetch offset is outside the leader's log: behind its log start (retention removed
/// what this follower still lacks), restart the local log there; otherwise this log runs
/// past the leader's end, and truncation decides where to cut.
async fn recover_out_of_range(
    shared: &Shared,
    partitions: &Partitions,
    conn: &Connection,
    out_of_range: Vec<(TopicPartition, PartitionFetch, FollowerPosition)>,
) -> Result<(), ClientError> {
    let mut topics: BTreeMap<String, Vec<ListOffsetsPartition>> = BTreeMap::new();
    for (tp, f, _) in &out_of_range {
        topics
            .entry(tp.topic.clone())
            .or_default()
            .push(ListOffsetsPartition {
                partition_index: tp.partition,
                current_leader_epoch: f.leader_epoch.0,
                timestamp: EARLIEST_TIMESTAMP,
                ..ListOffsetsPartition::default()
            });
    }
    let request = ListOffsetsRequest {
        replica_id: shared.local.0,
        topics: topics
            .into_iter()
            .map(|(name, partitions)| ListOffsetsTopic {
                name,
                partitions,
                ..ListOffsetsTopic::default()
            })
            .collect(),
        ..ListOffsetsRequest::default()
    };
    let response = conn.send_at(request.into(), LIST_OFFSETS_VERSION).await?;
    let ResponseBody::ListOffsets(response) = response else {
        return Err(unexpected("ListOffsets"));
    };
    let mut starts = BTreeMap::new();
    for topic in response.topics {
        for p in topic.partitions {
            if p.error_code == ErrorCode::None.code() && p.offset >= 0 {
                starts.insert(
                    TopicPartition::new(topic.name.clone(), p.partition_index),
                    Offset(p.offset),
                );
            }
        }
    }
    for (tp, f, position) in out_of_range {
        match starts.get(&tp) {
            Some(&leader_start) if position.log_end < leader_start => {
                if let Err(e) =
                    shared
                        .replicas
                        .restart_follower_at(&tp, f.leader_epoch, leader_start)
                {
                    tracing::warn!(partition = %tp, error = %e, "restarting the follower log failed");
                    back_off(shared, partitions, &tp, f.leader_epoch);
                }
            }
            Some(_) => partitions.update(&tp, f.leader_epoch, |s| s.truncated = false),
            None => back_off(shared, partitions, &tp, f.leader_epoch),
        }
    }
    Ok(())
}

fn unexpected(api: &str) -> ClientError {
    ClientError::Kafka {
        code: ErrorCode::UnknownServerError,
        context: format!("the leader answered a {api} request with another response"),
        message: None,
    }
}
