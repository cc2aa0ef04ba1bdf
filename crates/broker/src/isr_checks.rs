//! The leader's side of ISR maintenance as a task: every second (or half of
//! `replica.lag.time.max.ms` if shorter) the replica manager names the ISR changes due on
//! the partitions led here, and each goes to the active controller as an AlterPartition.
//! An accepted change reaches the partition with the next metadata image. One refused
//! because the controller holds newer epochs stays pending until the metadata brings them;
//! one refused without being attempted (an ineligible replica) is undone so a later check
//! can propose again; one whose fate is unknown (a timeout) stays pending and is sent again
//! until answered or overtaken, as Kafka's leaders do. Undoing a change too early could let
//! the high watermark leave out a replica the controller did put in the ISR (the
//! replication simulation, `crates/replication/tests/simulation.rs`, found both cases).

use std::sync::Arc;
use std::time::Duration;

use strom_metadata::controller::alter_partition::IsrChange;
use strom_metadata::controller::request::ControllerRequest;
use strom_metadata::{MetadataError, MetadataImage, NodeId};
use tokio::sync::watch;

use crate::controller_channel::ControllerChannel;
use crate::replica_manager::{IsrChangeDue, ReplicaManager};

/// The longest pause between two ISR checks.
const CHECK_INTERVAL_MAX_MS: i64 = 1_000;
/// How long one AlterPartition waits for the active controller before it is sent again.
const ALTER_PARTITION_TIMEOUT_MS: u64 = 5_000;
/// The pause before an unanswered AlterPartition goes again.
const ALTER_PARTITION_RETRY_MS: u64 = 500;

/// Runs the checks until `shutdown`.
pub async fn run_isr_checks(
    replicas: Arc<ReplicaManager>,
    channel: ControllerChannel,
    image: Arc<dyn Fn() -> Arc<MetadataImage> + Send + Sync>,
    lag_time_max_ms: i64,
    mut shutdown: watch::Receiver<bool>,
) {
    let interval =
        Duration::from_millis((lag_time_max_ms / 2).clamp(1, CHECK_INTERVAL_MAX_MS) as u64);
    loop {
        tokio::select! {
            _ = shutdown.wait_for(|stop| *stop) => return,
            _ = tokio::time::sleep(interval) => {}
        }
        let local = replicas.node_id();
        let current = image();
        let Some(broker_epoch) = current.broker(local).map(|b| b.epoch) else {
            continue;
        };
        let unfenced = |id: NodeId| current.broker(id).is_some_and(|b| !b.fenced);
        for due in replicas.isr_changes_due(lag_time_max_ms, &unfenced) {
            let replicas = Arc::clone(&replicas);
            let channel = channel.clone();
            tokio::spawn(propose(replicas, channel, local, broker_epoch, due));
        }
    }
}

async fn propose(
    replicas: Arc<ReplicaManager>,
    channel: ControllerChannel,
    local: NodeId,
    broker_epoch: i64,
    due: IsrChangeDue,
) {
    let tp = due.topic_partition.clone();
    let epoch = due.proposal.leader_epoch;
    let change = IsrChange {
        broker_id: local,
        broker_epoch,
        topic_id: due.topic_id,
        partition_id: tp.partition,
        leader_epoch: epoch.0,
        partition_epoch: due.proposal.partition_epoch,
        isr: due.proposal.isr.clone(),
    };
    let partition_epoch = change.partition_epoch;
    tracing::info!(partition = %tp, isr = ?change.isr, "proposing an ISR change");
    let patience = Some(Duration::from_millis(ALTER_PARTITION_TIMEOUT_MS));
    loop {
        let request = ControllerRequest::AlterPartition(change.clone());
        match channel.call_within(request, patience).await {
            Ok(_) => return,
            Err(e) if overtaken(&e) => {
                // The controller holds a newer partition or leader epoch (perhaps from this
                // very proposal, sent twice): the metadata brings it, and that answers the
                // pending change. Undoing it here could leave out a replica the controller
                // did put in the ISR.
                tracing::debug!(partition = %tp, error = %e, "ISR change overtaken");
                return;
            }
            Err(e) if not_attempted(&e) => {
                tracing::info!(partition = %tp, error = %e, "ISR change refused");
                replicas.isr_change_failed(&tp, epoch, partition_epoch);
                return;
            }
            Err(e) => {
                // Unknown whether it was committed (a timeout, no active controller): it
                // stays pending, so the high watermark keeps waiting for every replica of
                // both sets, and goes again unless a newer partition epoch answered it.
                tracing::warn!(partition = %tp, error = %e, "ISR change unanswered; retrying");
                tokio::time::sleep(Duration::from_millis(ALTER_PARTITION_RETRY_MS)).await;
                if !replicas.isr_change_pending(&tp, epoch, partition_epoch) {
                    return;
                }
            }
        }
    }
}

/// The controller's partition state is newer than the proposal's (Kafka keeps the change
/// pending on these and waits for the metadata).
fn overtaken(e: &MetadataError) -> bool {
    matches!(
        e,
        MetadataError::InvalidUpdateVersion { .. }
            | MetadataError::FencedLeaderEpoch { .. }
            | MetadataError::NotLeader { .. }
    )
}

/// The controller refused the change without applying anything (an ineligible replica, a
/// partition that is gone, a malformed or stale request): safe to undo.
fn not_attempted(e: &MetadataError) -> bool {
    matches!(
        e,
        MetadataError::IneligibleReplica { .. }
            | MetadataError::UnknownPartition { .. }
            | MetadataError::UnknownTopic { .. }
            | MetadataError::UnknownTopicId { .. }
            | MetadataError::InvalidRequest { .. }
            | MetadataError::BrokerNotRegistered { .. }
            | MetadataError::StaleBrokerEpoch { .. }
    )
}
