//! Eligible leader replicas (Kafka's KIP-966, on by default for new clusters since Kafka
//! 4.1): replicas that left the ISR but still hold everything below the high watermark, so
//! that the controller may elect one when no in-sync replica is alive.
//!
//! Why they hold it: a leader advances the high watermark only while the committed ISR has at
//! least the partition's effective `min.insync.replicas` (the topic's, else the cluster's,
//! capped at the replica count; `strom_replication::Partition`). A replica removed from the
//! ISR held the high watermark of that moment (it is the minimum durable offset over the ISR,
//! removed replica included). If the ISR it leaves behind is below the minimum, the high
//! watermark stays where it is from then on, so the replica keeps holding all of it: it joins
//! the ELR. Once the ISR is back at the minimum the high watermark moves again and the ELR is
//! emptied.
//!
//! Election order, as Kafka's: a live ISR member; else a live ELR member (the ISR becomes
//! that replica alone, and the members it replaces join the ELR, since they held the high
//! watermark too); else the last ISR member waits to come back (or, with
//! `unclean.leader.election.enable`, any live replica).
//!
//! Nothing here does I/O: these compute the ELR field of the partition changes the
//! controller commits.

use crate::image::{MetadataImage, PartitionImage};
use crate::record::ConfigResource;
use crate::types::NodeId;

const MIN_INSYNC: &str = "min.insync.replicas";

/// `min.insync.replicas` for `topic`: the topic's, else the cluster's dynamic default, else
/// the static `default_min_isr`; at least 1.
pub fn min_insync_replicas(image: &MetadataImage, topic: &str, default_min_isr: usize) -> usize {
    let value = image.topic_config(topic, MIN_INSYNC).or_else(|| {
        image
            .configs(&ConfigResource::Broker(None))
            .and_then(|c| c.get(MIN_INSYNC))
            .map(String::as_str)
    });
    value
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(default_min_isr)
        .max(1)
}

/// The effective minimum: `min.insync.replicas` capped at the replica count.
pub fn effective_min_isr(min_insync_replicas: usize, replicas: usize) -> usize {
    min_insync_replicas.min(replicas).max(1)
}

/// The ELR once the ISR of `p` becomes `new_isr`: empty when `new_isr` has the effective
/// minimum; otherwise the current ELR and the replicas leaving the ISR, minus `new_isr`, in
/// replica order.
pub fn elr_after(
    p: &PartitionImage,
    new_isr: &[NodeId],
    min_insync_replicas: usize,
) -> Vec<NodeId> {
    if new_isr.len() >= effective_min_isr(min_insync_replicas, p.replicas.len()) {
        return Vec::new();
    }
    p.replicas
        .iter()
        .copied()
        .filter(|r| !new_isr.contains(r))
        .filter(|r| p.elr.contains(r) || p.isr.contains(r))
        .collect()
}

/// The ELR field of a change that sets the ISR to `new_isr`: `Some` only if it differs.
pub fn elr_change(
    p: &PartitionImage,
    new_isr: &[NodeId],
    min_insync_replicas: usize,
) -> Option<Vec<NodeId>> {
    let elr = elr_after(p, new_isr, min_insync_replicas);
    (elr != p.elr).then_some(elr)
}

/// A live member of the ELR to lead `p`, in replica order.
pub fn eligible_leader(p: &PartitionImage, live: impl Fn(&NodeId) -> bool) -> Option<NodeId> {
    p.replicas
        .iter()
        .copied()
        .find(|r| p.elr.contains(r) && live(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partition(isr: &[i32], elr: &[i32]) -> PartitionImage {
        PartitionImage {
            partition_id: 0,
            replicas: vec![NodeId(1), NodeId(2), NodeId(3)],
            isr: isr.iter().map(|&n| NodeId(n)).collect(),
            elr: elr.iter().map(|&n| NodeId(n)).collect(),
            leader: NodeId(isr.first().copied().unwrap_or(-1)),
            leader_epoch: 0,
            partition_epoch: 0,
        }
    }

    fn ids(ids: &[i32]) -> Vec<NodeId> {
        ids.iter().map(|&n| NodeId(n)).collect()
    }

    #[test]
    fn replicas_leaving_an_isr_below_the_minimum_become_eligible() {
        // Down to the minimum: nobody is eligible (the high watermark still moves).
        assert_eq!(
            elr_after(&partition(&[1, 2, 3], &[]), &ids(&[1, 2]), 2),
            ids(&[])
        );
        // Below it: the one leaving is eligible, and stays so as the ISR shrinks further.
        let p = partition(&[1, 2], &[]);
        assert_eq!(elr_after(&p, &ids(&[1]), 2), ids(&[2]));
        let p = partition(&[1], &[2]);
        assert_eq!(elr_after(&p, &ids(&[3]), 2), ids(&[1, 2]));
        // Back at the minimum: the ELR empties.
        assert_eq!(
            elr_after(&partition(&[1], &[2]), &ids(&[1, 3]), 2),
            ids(&[])
        );
        // With min.insync.replicas 1 no ISR is ever below it.
        assert_eq!(elr_after(&partition(&[1, 2], &[]), &ids(&[1]), 1), ids(&[]));
        // A minimum above the replica count is capped at it.
        assert_eq!(effective_min_isr(5, 3), 3);
        assert_eq!(elr_change(&partition(&[1], &[2]), &ids(&[1]), 2), None);
    }

    #[test]
    fn an_eligible_leader_is_a_live_elr_member_in_replica_order() {
        let p = partition(&[1], &[3, 2]);
        assert_eq!(eligible_leader(&p, |_| true), Some(NodeId(2)));
        assert_eq!(eligible_leader(&p, |r| *r == NodeId(3)), Some(NodeId(3)));
        assert_eq!(eligible_leader(&p, |r| *r == NodeId(1)), None);
    }
}
