//! The leader's side of ISR maintenance as a task: every second (or half of
//! `replica.lag.time.max.ms` if shorter) the replica manager names the ISR changes due on
//! the partitions led here, and each goes to the active controller as an AlterPartition.
//! An accepted change reaches the partition with the next metadata image; a refused one is
//! undone so a later check can propose again.

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
/// How long one AlterPartition may wait for the active controller (a stuck one must not
/// keep the change pending, which blocks the next).
const ALTER_PARTITION_TIMEOUT_MS: u64 = 5_000;

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
    tracing::info!(partition = %tp, isr = ?change.isr, "proposing an ISR change");
    let request = ControllerRequest::AlterPartition(change);
    let patience = Some(Duration::from_millis(ALTER_PARTITION_TIMEOUT_MS));
    match channel.call_within(request, patience).await {
        Ok(_) => {}
        Err(
            e @ (MetadataError::InvalidUpdateVersion { .. }
            | MetadataError::FencedLeaderEpoch { .. }
            | MetadataError::NotLeader { .. }),
        ) => {
            // The partition changed meanwhile; the metadata brings the newer state.
            tracing::debug!(partition = %tp, error = %e, "ISR change overtaken");
            replicas.isr_change_failed(&tp, epoch);
        }
        Err(e) => {
            tracing::warn!(partition = %tp, error = %e, "ISR change refused");
            replicas.isr_change_failed(&tp, epoch);
        }
    }
}
