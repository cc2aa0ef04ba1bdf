//! Fetch: reads whole batches from each partition's log, bounded by `max_bytes` for the
//! response (and the broker's `fetch.max.bytes`) and `partition_max_bytes` per partition; the
//! first partition with data may exceed them by one batch, so a large batch cannot stall a
//! consumer. When fewer than `min_bytes` are available the request long-polls as a delayed
//! fetch in the replica manager, woken only by its own partitions, until `max_wait_ms`
//! passes.
//!
//! From v7 requests may use incremental fetch sessions (KIP-227, see
//! [`crate::fetch_session`]): an incremental request reads every partition of its session and
//! the response leaves out partitions with nothing new to say.
//!
//! `read_uncommitted` reads up to the high watermark. `read_committed` reads up to the last
//! stable offset (the first offset of the earliest transaction still open, or the high
//! watermark) and gets the aborted transactions overlapping what it read, from the logs'
//! transaction indexes, so the client can drop aborted records. Topics are named up to v12
//! and identified by topic id from v13.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use strom_metadata::controller::is_legal_topic_name;
use strom_metadata::{MetadataImage, NodeId, TopicId};
use strom_protocol::generated::fetch_response::{
    AbortedTransaction, FetchableTopicResponse, PartitionData,
};
use strom_protocol::generated::{FetchRequest, FetchResponse};
use strom_protocol::{ErrorCode, Uuid};
use strom_storage::{LeaderEpoch, Offset, TopicPartition};

use crate::connection_id::ConnectionId;
use crate::context::Broker;
use crate::errors::partition_error_code;
use crate::fetch_session::{
    FINAL_EPOCH, FetchContext, FetchTarget, NO_SESSION, PartitionOutcome, SessionPartitionKey,
};
use crate::replica_manager::{
    FetchIsolation, FetchPartition, FetchRequest as ReplicaFetch, FetchedPartition,
};
use crate::replication_throttle::{self as throttle, Side};

/// Kafka's `READ_COMMITTED` isolation level.
const READ_COMMITTED: i8 = 1;
/// The first Fetch version with fetch sessions.
const SESSIONS_MIN_VERSION: i16 = 7;
/// The first Fetch version naming topics by id.
const TOPIC_IDS_MIN_VERSION: i16 = 13;
/// The first Fetch version whose consumers may read from followers (KIP-392).
const FOLLOWER_READS_MIN_VERSION: i16 = 11;
/// The first Fetch version carrying the follower's id in `ReplicaState`.
const REPLICA_STATE_MIN_VERSION: i16 = 15;

/// A partition to read, its topic resolved against the metadata once.
struct Wanted {
    key: SessionPartitionKey,
    name: Option<Arc<str>>,
    target: FetchTarget,
}

pub async fn handle(
    broker: &Arc<Broker>,
    request: FetchRequest,
    version: i16,
    connection: ConnectionId,
) -> FetchResponse {
    let by_id = version >= TOPIC_IDS_MIN_VERSION;
    let (requested, forgotten) = session_keys(&request, by_id);
    let (session_id, epoch) = if version >= SESSIONS_MIN_VERSION {
        (request.session_id, request.session_epoch)
    } else {
        (NO_SESSION, FINAL_EPOCH)
    };
    let mut new_id = || (uuid::Uuid::new_v4().as_u128() as i32) & i32::MAX;
    let context = broker.fetch_sessions.new_context(
        connection,
        session_id,
        epoch,
        requested,
        &forgotten,
        Instant::now(),
        &mut new_id,
    );
    let (session_id, incremental, partitions) = match context {
        FetchContext::Full {
            session_id,
            partitions,
        } => (session_id, false, partitions),
        FetchContext::Incremental {
            session_id,
            partitions,
        } => (session_id, true, partitions),
        FetchContext::Error(code) => {
            return FetchResponse {
                error_code: code.code(),
                session_id: NO_SESSION,
                ..FetchResponse::default()
            };
        }
    };
    let wanted = resolve_names(&broker.image(), partitions, by_id);
    let replica = replica_id(&request, version);
    let mut results = long_poll(broker, &request, &wanted, replica, version).await;
    if replica.is_none() && version >= FOLLOWER_READS_MIN_VERSION {
        redirect_to_rack(broker, &request.rack_id, &wanted, &mut results);
    }
    let include = if session_id == NO_SESSION {
        vec![true; results.len()]
    } else {
        let outcomes: Vec<_> = wanted
            .iter()
            .zip(&results)
            .map(|(w, d)| (&w.key, outcome(d)))
            .collect();
        broker
            .fetch_sessions
            .record_response(session_id, &outcomes, incremental)
    };
    FetchResponse {
        error_code: ErrorCode::None.code(),
        session_id,
        responses: group_by_topic(&wanted, results, include),
        ..FetchResponse::default()
    }
}

/// The session keys of the partitions a request fetches (with what it asks of each) and of
/// those it forgets. Topics are keyed by name before v13 and by id from v13 on; one shared
/// name per topic entry, so partitions do not each copy it.
#[allow(clippy::type_complexity)]
fn session_keys(
    request: &FetchRequest,
    by_id: bool,
) -> (
    Vec<(SessionPartitionKey, FetchTarget)>,
    Vec<SessionPartitionKey>,
) {
    let name = |topic: &str| -> Arc<str> {
        if by_id {
            Arc::from("")
        } else {
            Arc::from(topic)
        }
    };
    let key = |topic: &Arc<str>, topic_id: Uuid, partition: i32| SessionPartitionKey {
        topic: topic.clone(),
        topic_id: if by_id { topic_id } else { Uuid::default() },
        partition,
    };
    let mut requested = Vec::new();
    for topic in &request.topics {
        let topic_name = name(&topic.topic);
        for p in &topic.partitions {
            let target = FetchTarget {
                fetch_offset: p.fetch_offset,
                partition_max_bytes: p.partition_max_bytes,
                current_leader_epoch: p.current_leader_epoch,
            };
            requested.push((key(&topic_name, topic.topic_id, p.partition), target));
        }
    }
    let mut forgotten = Vec::new();
    for t in &request.forgotten_topics_data {
        let topic_name = name(&t.topic);
        forgotten.extend(
            t.partitions
                .iter()
                .map(|p| key(&topic_name, t.topic_id, *p)),
        );
    }
    (requested, forgotten)
}

/// The partitions to read, each with its topic's name (looked up by id from v13 on; `None`
/// for an id the image does not know).
fn resolve_names(
    image: &MetadataImage,
    partitions: Vec<(SessionPartitionKey, FetchTarget)>,
    by_id: bool,
) -> Vec<Wanted> {
    partitions
        .into_iter()
        .map(|(key, target)| Wanted {
            name: if by_id {
                image
                    .topic_by_id(TopicId::from_u128(key.topic_id.as_u128()))
                    .map(|t| Arc::from(t.name.as_str()))
            } else {
                Some(key.topic.clone())
            },
            key,
            target,
        })
        .collect()
}

/// The partitions' answers grouped into topic entries, in the order topics first appear;
/// those the session leaves out (`include` false) are skipped.
fn group_by_topic(
    wanted: &[Wanted],
    results: Vec<PartitionData>,
    include: Vec<bool>,
) -> Vec<FetchableTopicResponse> {
    let mut topics: Vec<FetchableTopicResponse> = Vec::new();
    let mut topic_index: HashMap<(Arc<str>, Uuid), usize> = HashMap::new();
    // A topic's partitions mostly come one after another: hash its name once per run.
    let mut previous: Option<(Arc<str>, Uuid, usize)> = None;
    for ((w, data), include) in wanted.iter().zip(results).zip(include) {
        if !include {
            continue;
        }
        let at = match &previous {
            Some((topic, id, at)) if Arc::ptr_eq(topic, &w.key.topic) && *id == w.key.topic_id => {
                *at
            }
            _ => *topic_index
                .entry((w.key.topic.clone(), w.key.topic_id))
                .or_insert_with(|| {
                    topics.push(FetchableTopicResponse {
                        topic: w.key.topic.to_string(),
                        topic_id: w.key.topic_id,
                        ..FetchableTopicResponse::default()
                    });
                    topics.len() - 1
                }),
        };
        previous = Some((w.key.topic.clone(), w.key.topic_id, at));
        topics[at].partitions.push(data);
    }
    topics
}

/// What the session cache needs to know about one partition's answer.
fn outcome(data: &PartitionData) -> PartitionOutcome {
    PartitionOutcome {
        has_records: data.records.as_ref().is_some_and(|r| !r.is_empty()),
        error: data.error_code != ErrorCode::None.code(),
        high_watermark: data.high_watermark,
        log_start_offset: data.log_start_offset,
    }
}

/// The follower sending this fetch, if it is replication: the request's replica id (in
/// `ReplicaState` from v15), which consumers leave at -1.
fn replica_id(request: &FetchRequest, version: i16) -> Option<NodeId> {
    let id = if version >= REPLICA_STATE_MIN_VERSION {
        request.replica_state.replica_id
    } else {
        request.replica_id
    };
    (id >= 0).then_some(NodeId(id))
}

/// Reads every wanted partition through the replica manager, which parks the fetch (woken
/// only by these partitions) until `min_bytes` are available or `max_wait_ms` passes.
async fn long_poll(
    broker: &Arc<Broker>,
    request: &FetchRequest,
    wanted: &[Wanted],
    replica: Option<NodeId>,
    version: i16,
) -> Vec<PartitionData> {
    let isolation = if request.isolation_level == READ_COMMITTED {
        FetchIsolation::TxnCommitted
    } else {
        FetchIsolation::HighWatermark
    };
    let max_wait = Duration::from_millis(
        (request.max_wait_ms.max(0) as u64).min(broker.config.fetch_max_wait_ms_max),
    );
    // Partitions of unknown topic ids, and of names no topic can have (answered without a
    // lookup, which would copy them), are answered here; the rest go to the replica manager.
    let mut known: Vec<FetchPartition> = wanted
        .iter()
        .filter_map(|w| {
            let name = w.name.as_ref().filter(|n| is_legal_topic_name(n))?;
            Some(FetchPartition {
                topic_partition: TopicPartition::new(name.to_string(), w.key.partition),
                fetch_offset: Offset(w.target.fetch_offset),
                max_bytes: w.target.partition_max_bytes.max(0) as usize,
                current_leader_epoch: LeaderEpoch(w.target.current_leader_epoch),
                throttled: false,
            })
        })
        .collect();
    let throttle = replica.map(|r| LeaderThrottle::apply(broker, r, &mut known));
    let params = ReplicaFetch {
        replica,
        follower_reads: replica.is_none() && version >= FOLLOWER_READS_MIN_VERSION,
        isolation,
        max_wait,
        min_bytes: request.min_bytes.max(0) as usize,
        max_bytes: request.max_bytes.clamp(0, broker.config.fetch_max_bytes) as usize,
        partitions: known,
    };
    let fetched = broker
        .replica_manager
        .fetch(&params, broker.shutdown.clone())
        .await;
    if let Some(throttle) = throttle {
        throttle.charge(broker, &fetched);
    }
    let mut fetched = fetched.into_iter();
    wanted
        .iter()
        .map(|w| match &w.name {
            None => error_partition(w.key.partition, ErrorCode::UnknownTopicId),
            Some(name) if !is_legal_topic_name(name) => {
                error_partition(w.key.partition, ErrorCode::UnknownTopicOrPartition)
            }
            Some(_) => match fetched.next() {
                Some(read) => partition_data(w.key.partition, read, isolation),
                None => error_partition(w.key.partition, ErrorCode::UnknownServerError),
            },
        })
        .collect()
}

/// The leader side of the replication throttle for one follower's fetch: which of its
/// partitions the throttle covers (listed for this broker, the follower not in sync), so
/// that what they carry is charged to the broker's bucket after the read.
struct LeaderThrottle {
    covered: Vec<bool>,
}

impl LeaderThrottle {
    /// Marks the covered partitions of `partitions` as held back when the bucket is empty.
    fn apply(broker: &Broker, follower: NodeId, partitions: &mut [FetchPartition]) -> Self {
        let image = broker.image();
        let local = NodeId(broker.node_id());
        let Some(rate) = throttle::throttled_rate(&image, Side::Leader, local) else {
            return LeaderThrottle {
                covered: Vec::new(),
            };
        };
        let covered: Vec<bool> = partitions
            .iter()
            .map(|p| {
                throttle::is_throttled(&image, Side::Leader, local, &p.topic_partition, follower)
            })
            .collect();
        if covered.iter().any(|&c| c)
            && broker
                .leader_throttle
                .admit(rate, tokio::time::Instant::now())
                .is_err()
        {
            for (p, &c) in partitions.iter_mut().zip(&covered) {
                p.throttled = c;
            }
        }
        LeaderThrottle { covered }
    }

    /// Takes the record bytes of the covered partitions from the bucket.
    fn charge(&self, broker: &Broker, fetched: &[FetchedPartition]) {
        let bytes: usize = fetched
            .iter()
            .zip(&self.covered)
            .filter(|(_, c)| **c)
            .filter_map(|(read, _)| read.as_ref().ok())
            .map(|data| data.records.len())
            .sum();
        if bytes > 0 {
            broker.leader_throttle.take(bytes);
        }
    }
}

/// KIP-392: with the rack-aware selector, a consumer in rack R fetching from the leader of a
/// partition with an in-sync replica in R (the leader not being in R) is told to read from
/// that replica (`preferred_read_replica`, no records), as Kafka's leader answers.
fn redirect_to_rack(
    broker: &Broker,
    client_rack: &str,
    wanted: &[Wanted],
    results: &mut [PartitionData],
) {
    if !broker.config.rack_aware_replica_selector || client_rack.is_empty() {
        return;
    }
    let image = broker.image();
    let local = NodeId(broker.node_id());
    let rack_of = |id: NodeId| {
        image
            .broker(id)
            .filter(|b| !b.fenced)
            .and_then(|b| b.rack.clone())
    };
    if rack_of(local).as_deref() == Some(client_rack) {
        return;
    }
    for (w, data) in wanted.iter().zip(results.iter_mut()) {
        if data.error_code != ErrorCode::None.code() {
            continue;
        }
        let Some(name) = &w.name else { continue };
        let Some(p) = image
            .topic(name)
            .and_then(|t| t.partitions.get(&w.key.partition))
        else {
            continue;
        };
        if p.leader != local {
            continue;
        }
        let nearest = p
            .isr
            .iter()
            .copied()
            .find(|&r| r != local && rack_of(r).as_deref() == Some(client_rack));
        if let Some(replica) = nearest {
            data.preferred_read_replica = replica.0;
            data.records = Some(bytes::Bytes::new());
        }
    }
}

/// One partition's answer in the wire's shape.
fn partition_data(index: i32, read: FetchedPartition, isolation: FetchIsolation) -> PartitionData {
    let fetched = match read {
        Ok(fetched) => fetched,
        Err(e) => return error_partition(index, partition_error_code(&e)),
    };
    let aborted_transactions = (isolation == FetchIsolation::TxnCommitted).then(|| {
        fetched
            .aborted_transactions
            .unwrap_or_default()
            .into_iter()
            .map(|a| AbortedTransaction {
                producer_id: a.producer_id.0,
                first_offset: a.first_offset.0,
                ..AbortedTransaction::default()
            })
            .collect()
    });
    PartitionData {
        partition_index: index,
        high_watermark: fetched.high_watermark.0,
        last_stable_offset: fetched.last_stable_offset.0,
        log_start_offset: fetched.log_start_offset.0,
        aborted_transactions,
        preferred_read_replica: -1,
        records: Some(fetched.records),
        ..PartitionData::default()
    }
}

/// A partition answered with an error carries empty records, never null ones, as Kafka's
/// brokers answer: librdkafka takes a null record set (size -1) as a malformed response and
/// drops the whole Fetch answer, so the consumer never sees the error (say
/// NOT_LEADER_OR_FOLLOWER), never refreshes its metadata, and retries at once in a loop.
fn error_partition(index: i32, error: ErrorCode) -> PartitionData {
    PartitionData {
        partition_index: index,
        error_code: error.code(),
        high_watermark: -1,
        last_stable_offset: -1,
        log_start_offset: -1,
        preferred_read_replica: -1,
        records: Some(Default::default()),
        ..PartitionData::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_partition_has_empty_records_not_null() {
        // librdkafka rejects a Fetch answer with a null record set (MessageSetSize -1).
        let data = error_partition(3, ErrorCode::NotLeaderOrFollower);
        assert_eq!(data.error_code, ErrorCode::NotLeaderOrFollower.code());
        assert_eq!(data.records.as_deref(), Some(&[][..]));
    }
}
