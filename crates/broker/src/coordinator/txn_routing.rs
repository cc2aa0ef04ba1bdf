//! Where transaction work happens in a cluster, and the requests that carry it there.
//!
//! - A transactional id's coordinator is the leader of its `__transaction_state` partition.
//!   A partition leader checks a transactional write with that coordinator (KIP-890): on
//!   this broker by reading its state, on another with AddPartitionsToTxn of the broker path
//!   (v4+, `verify_only`, or adding the partitions for transaction version 2).
//! - A transaction's markers go to each partition's leader: appended here when this broker
//!   leads it, sent in one WriteTxnMarkers per other leader otherwise. A partition whose
//!   topic is gone needs no marker; one without a leader waits for the next attempt.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use strom_coordinator::txn::{
    MarkerRequest, TopicPartition as TxnTopicPartition, TransactionResult,
};
use strom_metadata::{MetadataImage, NodeId};
use strom_protocol::ErrorCode;
use strom_protocol::generated::write_txn_markers_request::{
    WritableTxnMarker, WritableTxnMarkerTopic,
};
use strom_protocol::generated::{
    AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, ResponseBody, WriteTxnMarkersRequest,
};

use super::internal_topic::TRANSACTION_STATE_TOPIC;
use crate::broker_peers::{BrokerPeers, PeerError};

/// Longest wait for another broker's answer to AddPartitionsToTxn: it appends to
/// `__transaction_state` (and waits for its high watermark) when it adds partitions.
pub(super) const ADD_PARTITIONS_TIMEOUT_MS: u64 = 15_000;
/// Longest wait for another broker's answer to WriteTxnMarkers (its markers commit first).
pub(super) const WRITE_MARKERS_TIMEOUT_MS: u64 = 30_000;

/// Which broker coordinates a transactional id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoordinatorAt {
    /// This broker (also when `__transaction_state` does not exist yet: it is created here).
    Local,
    Remote(NodeId),
    /// The partition has no leader now.
    Unavailable,
}

/// Where the coordinator of `__transaction_state` partition `partition` is.
pub fn coordinator_at(image: &MetadataImage, local: NodeId, partition: i32) -> CoordinatorAt {
    let Some(topic) = image.topic(TRANSACTION_STATE_TOPIC) else {
        return CoordinatorAt::Local;
    };
    match topic.partitions.get(&partition).map(|p| p.leader) {
        Some(leader) if leader == local => CoordinatorAt::Local,
        Some(leader) if leader.0 >= 0 && image.broker(leader).is_some() => {
            CoordinatorAt::Remote(leader)
        }
        // Not in the image (no registrations: the single node leads everything).
        Some(_) if image.brokers().next().is_none() => CoordinatorAt::Local,
        _ => CoordinatorAt::Unavailable,
    }
}

/// An AddPartitionsToTxn of the broker path, answered by the coordinator on `peer`.
pub async fn add_partitions_remote(
    peers: &BrokerPeers,
    peer: NodeId,
    request: AddPartitionsToTxnRequest,
) -> Result<AddPartitionsToTxnResponse, PeerError> {
    let timeout = Duration::from_millis(ADD_PARTITIONS_TIMEOUT_MS);
    match peers.send(peer, request, timeout).await? {
        ResponseBody::AddPartitionsToTxn(response) => Ok(response),
        other => unreachable!("AddPartitionsToTxn answered with {:?}", other.api_key()),
    }
}

/// Each partition's code in a successful AddPartitionsToTxn answer.
pub fn codes_by_partition(
    response: AddPartitionsToTxnResponse,
) -> std::collections::HashMap<(String, i32), ErrorCode> {
    let code = |raw: i16| ErrorCode::from_code(raw).unwrap_or(ErrorCode::UnknownServerError);
    response
        .results_by_transaction
        .into_iter()
        .flat_map(|t| t.topic_results)
        .flat_map(|t| {
            let name = t.name;
            t.results_by_partition.into_iter().map(move |p| {
                (
                    (name.clone(), p.partition_index),
                    code(p.partition_error_code),
                )
            })
        })
        .collect()
}

/// Where one partition's marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerRoute {
    Local,
    Remote(NodeId),
    /// The topic or partition no longer exists: nothing to end there.
    Gone,
    /// No leader now: tried again on the next attempt.
    NoLeader,
}

pub fn marker_route(image: &MetadataImage, local: NodeId, tp: &TxnTopicPartition) -> MarkerRoute {
    let Some(partition) = image
        .topic(&tp.topic)
        .and_then(|t| t.partitions.get(&tp.partition))
    else {
        return MarkerRoute::Gone;
    };
    let leader = partition.leader;
    if leader == local || image.brokers().next().is_none() {
        MarkerRoute::Local
    } else if leader.0 >= 0 && image.broker(leader).is_some() {
        MarkerRoute::Remote(leader)
    } else {
        MarkerRoute::NoLeader
    }
}

/// The partitions of `left` sorted by where their markers go.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MarkerPlan {
    pub local: BTreeSet<TxnTopicPartition>,
    pub remote: BTreeMap<NodeId, Vec<TxnTopicPartition>>,
    pub no_leader: BTreeSet<TxnTopicPartition>,
}

pub fn plan_markers(
    image: &MetadataImage,
    local: NodeId,
    left: &BTreeSet<TxnTopicPartition>,
) -> MarkerPlan {
    let mut plan = MarkerPlan::default();
    for tp in left {
        match marker_route(image, local, tp) {
            MarkerRoute::Local => {
                plan.local.insert(tp.clone());
            }
            MarkerRoute::Remote(node) => plan.remote.entry(node).or_default().push(tp.clone()),
            MarkerRoute::NoLeader => {
                plan.no_leader.insert(tp.clone());
            }
            MarkerRoute::Gone => {
                tracing::info!(topic = %tp.topic, partition = tp.partition,
                    "transaction marker not needed: the partition is gone");
            }
        }
    }
    plan
}

/// Sends `marker` for `partitions` to their leader `peer`; returns those still to write.
pub async fn send_markers(
    peers: &BrokerPeers,
    peer: NodeId,
    marker: &MarkerRequest,
    partitions: Vec<TxnTopicPartition>,
) -> BTreeSet<TxnTopicPartition> {
    let request = write_markers_request(marker, &partitions);
    let timeout = Duration::from_millis(WRITE_MARKERS_TIMEOUT_MS);
    let response = match peers.send(peer, request, timeout).await {
        Ok(ResponseBody::WriteTxnMarkers(response)) => response,
        Ok(other) => unreachable!("WriteTxnMarkers answered with {:?}", other.api_key()),
        Err(e) => {
            tracing::warn!(transactional_id = %marker.transactional_id, error = %e,
                "transaction markers not sent");
            return partitions.into_iter().collect();
        }
    };
    let mut still: BTreeSet<TxnTopicPartition> = partitions.iter().cloned().collect();
    for result in response.markers {
        for topic in result.topics {
            for p in topic.partitions {
                let tp = TxnTopicPartition::new(topic.name.clone(), p.partition_index);
                let code =
                    ErrorCode::from_code(p.error_code).unwrap_or(ErrorCode::UnknownServerError);
                if remote_marker_written(&tp, &marker.transactional_id, code) {
                    still.remove(&tp);
                }
            }
        }
    }
    still
}

/// One WriteTxnMarkers for `partitions`, grouped by topic.
fn write_markers_request(
    marker: &MarkerRequest,
    partitions: &[TxnTopicPartition],
) -> WriteTxnMarkersRequest {
    let mut topics: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for tp in partitions {
        topics.entry(&tp.topic).or_default().push(tp.partition);
    }
    WriteTxnMarkersRequest {
        markers: vec![WritableTxnMarker {
            producer_id: marker.producer_id.0,
            producer_epoch: marker.producer_epoch.0,
            transaction_result: marker.result == TransactionResult::Commit,
            topics: topics
                .into_iter()
                .map(|(name, partition_indexes)| WritableTxnMarkerTopic {
                    name: name.to_string(),
                    partition_indexes,
                    ..WritableTxnMarkerTopic::default()
                })
                .collect(),
            coordinator_epoch: marker.coordinator_epoch.0,
            transaction_version: i8::try_from(marker.transaction_version.0).unwrap_or(i8::MAX),
            ..WritableTxnMarker::default()
        }],
        ..WriteTxnMarkersRequest::default()
    }
}

/// Whether a leader's answer to a marker leaves nothing more to do on that partition: the
/// same rules as a marker appended here (`marker_written` in `txn.rs`), from the wire codes.
fn remote_marker_written(tp: &TxnTopicPartition, transactional_id: &str, code: ErrorCode) -> bool {
    match code {
        ErrorCode::None => true,
        // A transaction version 2 marker whose epoch the producer has already passed.
        ErrorCode::InvalidProducerEpoch => {
            tracing::info!(topic = %tp.topic, partition = tp.partition, transactional_id,
                "stale marker not needed");
            true
        }
        ErrorCode::TransactionCoordinatorFenced => {
            tracing::error!(topic = %tp.topic, partition = tp.partition, transactional_id,
                "a newer transaction coordinator fenced this marker; not counted as written");
            false
        }
        // Not the leader any more, not enough replicas, a timeout, a topic being deleted:
        // the next attempt looks the leader up again (and drops a partition that is gone).
        other => {
            tracing::warn!(topic = %tp.topic, partition = tp.partition, transactional_id,
                error = ?other, "marker not written by its leader");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strom_coordinator::txn::{CoordinatorEpoch, ProducerEpoch, ProducerId, TransactionVersion};

    fn marker() -> MarkerRequest {
        MarkerRequest {
            transactional_id: "t".into(),
            producer_id: ProducerId(7),
            producer_epoch: ProducerEpoch(3),
            coordinator_epoch: CoordinatorEpoch(5),
            result: TransactionResult::Commit,
            partitions: vec![],
            transaction_version: TransactionVersion(2),
        }
    }

    #[test]
    fn a_marker_request_groups_partitions_by_topic() {
        let parts = vec![
            TxnTopicPartition::new("b", 1),
            TxnTopicPartition::new("a", 0),
            TxnTopicPartition::new("b", 0),
        ];
        let request = write_markers_request(&marker(), &parts);
        assert_eq!(request.markers.len(), 1);
        let m = &request.markers[0];
        assert_eq!(
            (m.producer_id, m.producer_epoch, m.coordinator_epoch),
            (7, 3, 5)
        );
        assert!(m.transaction_result);
        assert_eq!(m.transaction_version, 2);
        let topics: Vec<(&str, &[i32])> = m
            .topics
            .iter()
            .map(|t| (t.name.as_str(), t.partition_indexes.as_slice()))
            .collect();
        assert_eq!(topics, vec![("a", &[0][..]), ("b", &[1, 0][..])]);
    }

    #[test]
    fn only_written_or_stale_markers_count_as_done() {
        let tp = TxnTopicPartition::new("a", 0);
        assert!(remote_marker_written(&tp, "t", ErrorCode::None));
        assert!(remote_marker_written(
            &tp,
            "t",
            ErrorCode::InvalidProducerEpoch
        ));
        for code in [
            ErrorCode::NotLeaderOrFollower,
            ErrorCode::UnknownTopicOrPartition,
            ErrorCode::NotEnoughReplicas,
            ErrorCode::RequestTimedOut,
            ErrorCode::TransactionCoordinatorFenced,
        ] {
            assert!(!remote_marker_written(&tp, "t", code), "{code:?}");
        }
    }
}
