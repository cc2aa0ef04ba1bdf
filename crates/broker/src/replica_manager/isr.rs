//! The leader's ISR checks, over every partition led here: which ISR changes are due (see
//! the replication crate's `isr` module for the rules), and a refused change undone.

use strom_metadata::TopicId;
use strom_replication::IsrProposal;
use strom_storage::{LeaderEpoch, TopicPartition};

use super::ReplicaManager;

/// An ISR change one partition's leader wants committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsrChangeDue {
    pub topic_partition: TopicPartition,
    pub topic_id: TopicId,
    pub proposal: IsrProposal,
}

impl ReplicaManager {
    /// The ISR changes due now, each marked pending in its partition; `lag_ms` is
    /// `replica.lag.time.max.ms`. Partitions of one replica are skipped without a lock.
    pub fn isr_changes_due(
        &self,
        lag_ms: i64,
        eligible: &dyn Fn(strom_metadata::NodeId) -> bool,
    ) -> Vec<IsrChangeDue> {
        let now = self.now_ms();
        self.all_hosted()
            .into_iter()
            .filter(|h| !h.is_stopped())
            .filter_map(|h| {
                let proposal = h.state().propose_isr_change(now, lag_ms, eligible)?;
                Some(IsrChangeDue {
                    topic_partition: h.topic_partition().clone(),
                    topic_id: h.topic_id(),
                    proposal,
                })
            })
            .collect()
    }

    /// The controller refused the change proposed at `leader_epoch` and `partition_epoch`:
    /// the next check may propose again (a refusal of an older proposal changes nothing).
    pub fn isr_change_failed(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
        partition_epoch: i32,
    ) {
        if let Some(hosted) = self.hosted(tp) {
            let mut state = hosted.state();
            if state.leader_epoch() == leader_epoch {
                state.isr_change_failed(partition_epoch);
            }
        }
    }

    /// Whether the change proposed at these epochs is still pending (to send it again).
    pub fn isr_change_pending(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
        partition_epoch: i32,
    ) -> bool {
        self.hosted(tp).is_some_and(|hosted| {
            let state = hosted.state();
            state.leader_epoch() == leader_epoch && state.isr_change_pending(partition_epoch)
        })
    }
}
