//! The leader's side of ISR maintenance (Kafka's AlterPartition): which replicas have fallen
//! behind and which have caught up, proposed to the controller as one new ISR at a time.
//!
//! - **Shrink.** An in-sync follower not caught up with the leader's log end within
//!   `replica.lag.time.max.ms` leaves the ISR (it would otherwise hold the high watermark
//!   back: it is the minimum durable offset over the ISR).
//! - **Expand.** A replica outside the ISR joins once it holds, on disk, everything up to the
//!   high watermark and has reached the offset where this leader epoch began.
//!
//! A proposal stays pending until a newer partition epoch arrives from the metadata (the
//! controller committed it, or something else changed the partition) or the controller
//! refused it ([`Partition::isr_change_failed`], for that proposal only). While it is
//! pending no other is made, and the high watermark waits for every replica of both the
//! committed and the proposed ISR.

use strom_metadata::NodeId;
use strom_storage::LeaderEpoch;

use super::{Partition, Role, sorted};

/// An ISR change for the controller, at the epochs the leader holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsrProposal {
    pub leader_epoch: LeaderEpoch,
    pub partition_epoch: i32,
    /// Sorted, holding the leader.
    pub isr: Vec<NodeId>,
}

impl Partition {
    /// The ISR change due at `now_ms`, if any, marked pending; `None` when nothing is due,
    /// one is already in flight, or this broker does not lead. A replica joins only if
    /// `eligible` says so (the controller refuses fenced brokers: proposing them would
    /// only be refused again at every check).
    pub fn propose_isr_change(
        &mut self,
        now_ms: i64,
        lag_ms: i64,
        eligible: &dyn Fn(NodeId) -> bool,
    ) -> Option<IsrProposal> {
        let high_watermark = self.high_watermark;
        let local = self.local;
        let Role::Leader {
            isr,
            replicas,
            pending_isr,
            epoch_start_offset,
        } = &mut self.role
        else {
            return None;
        };
        if pending_isr.is_some() {
            return None;
        }
        let threshold = high_watermark.max(*epoch_start_offset);
        let mut next: Vec<NodeId> = Vec::with_capacity(replicas.len());
        for (&id, state) in replicas.iter() {
            let keep = if id == local {
                true
            } else if isr.contains(&id) {
                now_ms.saturating_sub(state.last_caught_up_ms) <= lag_ms
            } else {
                state.log_end.is_some_and(|end| end >= threshold)
                    && state.durable.is_some_and(|d| d >= high_watermark)
                    && eligible(id)
            };
            if keep {
                next.push(id);
            }
        }
        let next = sorted(&next);
        if next == *isr {
            return None;
        }
        *pending_isr = Some(next.clone());
        let proposal = IsrProposal {
            leader_epoch: self.leader_epoch,
            partition_epoch: self.partition_epoch,
            isr: next,
        };
        self.check_invariants();
        Some(proposal)
    }

    /// The controller refused the change proposed at `partition_epoch` without applying
    /// anything (an ineligible replica): the next check may propose again. A refusal of an
    /// older proposal (one a newer partition epoch already answered, after which another
    /// was proposed) changes nothing: clearing the newer proposal would let the high
    /// watermark leave out a replica the controller may be putting in the ISR at that very
    /// moment. A refusal because the controller holds newer epochs, and a proposal whose
    /// fate is unknown (a timeout), do not belong here: the change stays pending until the
    /// metadata's newer partition epoch answers it.
    pub fn isr_change_failed(&mut self, partition_epoch: i32) {
        let current = self.partition_epoch;
        if let Role::Leader { pending_isr, .. } = &mut self.role
            && current == partition_epoch
        {
            *pending_isr = None;
        }
    }

    /// Whether the change proposed at `partition_epoch` is still the one pending (no newer
    /// partition epoch has answered it), so it may be sent again.
    pub fn isr_change_pending(&self, partition_epoch: i32) -> bool {
        self.partition_epoch == partition_epoch && self.pending_isr().is_some()
    }

    /// The ISR change in flight, if any.
    pub fn pending_isr(&self) -> Option<&[NodeId]> {
        match &self.role {
            Role::Leader { pending_isr, .. } => pending_isr.as_deref(),
            Role::Follower { .. } => None,
        }
    }
}
