//! Partition reassignment (AlterPartitionReassignments, ListPartitionReassignments; what
//! `kafka-reassign-partitions` drives), Kafka's way:
//!
//! 1. **Start.** The partition's replicas become the target followed by the original
//!    replicas not in it, so the new replicas start following (and catching up) while the
//!    old ones still count. A [`ReassignmentRecord`] remembers the target and the original.
//! 2. **Catch up.** New replicas join the ISR through the leader's AlterPartition like any
//!    follower.
//! 3. **Complete**, in the commit after the one that puts the last target replica in the
//!    ISR (or at once when no replica is added): the replicas become the target, the ISR
//!    keeps only target replicas, and a leader being removed hands over to an in-sync target
//!    replica at a new leader epoch. Removed replicas stop and delete their copies when the
//!    metadata reaches them.
//!
//! A reassignment of a partition already being reassigned replaces the target (from the
//! same original); `None` as the target cancels, going back to the original replicas.

use serde::{Deserialize, Serialize};

use super::brokers::NO_LEADER;
use super::{Controller, Inner};
use crate::error::Result;
use crate::image::{MetadataImage, PartitionImage, TopicImage};
use crate::record::{MetadataRecord, PartitionChangeRecord, ReassignmentRecord};
use crate::types::{NodeId, TopicId};

/// Why one partition's reassignment was refused (each one of Kafka's codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ReassignmentError {
    #[error("{0} does not exist")]
    UnknownTopicOrPartition(String),
    #[error("{0}")]
    InvalidReplicaAssignment(String),
    #[error("{0}: no reassignment in progress")]
    NoReassignmentInProgress(String),
}

/// One partition's reassignment asked for: its target replicas, or `None` to cancel.
pub type ReassignmentAsked = ((String, i32), Option<Vec<NodeId>>);
/// How one partition's reassignment request went.
pub type ReassignmentResult = ((String, i32), Option<ReassignmentError>);

/// A reassignment in progress, for ListPartitionReassignments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OngoingReassignment {
    pub topic: String,
    pub partition: i32,
    pub replicas: Vec<NodeId>,
    pub adding: Vec<NodeId>,
    pub removing: Vec<NodeId>,
}

impl Controller {
    /// Starts, replaces or cancels reassignments; each partition answers for itself.
    pub fn alter_reassignments(
        &self,
        asked: &[ReassignmentAsked],
    ) -> Result<Vec<ReassignmentResult>> {
        let mut inner = self.lock_for_write()?;
        let mut results = Vec::with_capacity(asked.len());
        for ((topic, partition), target) in asked {
            let outcome = self.reassign_one(&mut inner, topic, *partition, target.as_deref());
            results.push(((topic.clone(), *partition), outcome.err()));
        }
        Ok(results)
    }

    fn reassign_one(
        &self,
        inner: &mut Inner,
        topic: &str,
        partition: i32,
        target: Option<&[NodeId]>,
    ) -> std::result::Result<(), ReassignmentError> {
        let records = plan(&inner.image, topic, partition, target)?;
        if records.is_empty() {
            return Ok(());
        }
        let topic_id = inner.image.topic(topic).map(|t| t.topic_id);
        self.commit(inner, &records)
            .map_err(|e| ReassignmentError::InvalidReplicaAssignment(e.to_string()))?;
        if let Some(id) = topic_id {
            self.complete_if_caught_up(inner, id, partition)
                .map_err(|e| ReassignmentError::InvalidReplicaAssignment(e.to_string()))?;
        }
        Ok(())
    }

    /// Completes the partition's reassignment if every target replica is in sync (called
    /// after every ISR change).
    pub(super) fn complete_if_caught_up(
        &self,
        inner: &mut Inner,
        topic_id: TopicId,
        partition: i32,
    ) -> Result<()> {
        let Some(records) = completion(&inner.image, topic_id, partition) else {
            return Ok(());
        };
        self.commit(inner, &records)?;
        tracing::info!(topic_id = %topic_id, partition, "reassignment complete");
        Ok(())
    }

    /// Reassignments in progress, of every partition or of those named.
    pub fn list_reassignments(&self, wanted: Option<&[(String, i32)]>) -> Vec<OngoingReassignment> {
        let image = self.image();
        let mut out = Vec::new();
        for (topic_id, partition, r) in image.reassignments() {
            let Some(t) = image.topic_by_id(topic_id) else {
                continue;
            };
            if wanted.is_some_and(|w| !w.iter().any(|(n, p)| *n == t.name && *p == partition)) {
                continue;
            }
            let replicas = t
                .partitions
                .get(&partition)
                .map(|p| p.replicas.clone())
                .unwrap_or_default();
            out.push(OngoingReassignment {
                topic: t.name.clone(),
                partition,
                replicas,
                adding: r.adding(),
                removing: r.removing(),
            });
        }
        out.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
        out
    }
}

/// The records that start, replace or cancel one partition's reassignment (none when
/// nothing changes).
fn plan(
    image: &MetadataImage,
    topic: &str,
    partition: i32,
    target: Option<&[NodeId]>,
) -> std::result::Result<Vec<MetadataRecord>, ReassignmentError> {
    let name = format!("{topic}-{partition}");
    let unknown = || ReassignmentError::UnknownTopicOrPartition(name.clone());
    let t = image.topic(topic).ok_or_else(unknown)?;
    let p = t.partitions.get(&partition).ok_or_else(unknown)?;
    let ongoing = image.reassignment(t.topic_id, partition);
    let original = ongoing.map_or_else(|| p.replicas.clone(), |r| r.original.clone());
    let Some(target) = target else {
        if ongoing.is_none() {
            return Err(ReassignmentError::NoReassignmentInProgress(name));
        }
        return moved_to(t, p, &original, None, &original, &name);
    };
    check_target(image, target, &name)?;
    if ongoing.is_none() && target == p.replicas.as_slice() {
        return Ok(Vec::new());
    }
    let mut full: Vec<NodeId> = target.to_vec();
    full.extend(original.iter().copied().filter(|r| !target.contains(r)));
    moved_to(t, p, &full, Some(target), &original, &name)
}

fn check_target(
    image: &MetadataImage,
    target: &[NodeId],
    name: &str,
) -> std::result::Result<(), ReassignmentError> {
    let invalid = |why: String| {
        Err(ReassignmentError::InvalidReplicaAssignment(format!(
            "{name}: {why}"
        )))
    };
    if target.is_empty() {
        return invalid("the target replica list is empty".into());
    }
    let mut sorted = target.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != target.len() {
        return invalid(format!("the target {target:?} names a broker twice"));
    }
    if let Some(unknown) = target.iter().find(|&&r| image.broker(r).is_none()) {
        return invalid(format!("broker {unknown} is not registered"));
    }
    Ok(())
}

/// The partition's replicas become `replicas` (its ISR trimmed to them, its leader moved if
/// it is not among them), with the reassignment record for `target` (`None` ends it).
fn moved_to(
    t: &TopicImage,
    p: &PartitionImage,
    replicas: &[NodeId],
    target: Option<&[NodeId]>,
    original: &[NodeId],
    name: &str,
) -> std::result::Result<Vec<MetadataRecord>, ReassignmentError> {
    let isr: Vec<NodeId> = p
        .isr
        .iter()
        .copied()
        .filter(|r| replicas.contains(r))
        .collect();
    if isr.is_empty() {
        return Err(ReassignmentError::InvalidReplicaAssignment(format!(
            "{name}: no in-sync replica would remain among {replicas:?}"
        )));
    }
    let leader = (p.leader != NO_LEADER && !replicas.contains(&p.leader)).then(|| {
        replicas
            .iter()
            .copied()
            .find(|r| isr.contains(r))
            .unwrap_or(NO_LEADER)
    });
    Ok(vec![
        MetadataRecord::PartitionChange(PartitionChangeRecord {
            topic_id: t.topic_id,
            partition_id: p.partition_id,
            leader,
            isr: (isr != p.isr).then_some(isr),
            replicas: Some(replicas.to_vec()),
            // Replicas leaving the assignment leave the ELR with it (the image keeps the
            // ELR within the replicas and out of the ISR).
            elr: None,
        }),
        MetadataRecord::Reassignment(ReassignmentRecord {
            topic_id: t.topic_id,
            partition_id: p.partition_id,
            target: target.map(<[NodeId]>::to_vec),
            original: original.to_vec(),
        }),
    ])
}

/// The records completing the partition's reassignment, if it has one whose target
/// replicas are all in sync.
fn completion(
    image: &MetadataImage,
    topic_id: TopicId,
    partition: i32,
) -> Option<Vec<MetadataRecord>> {
    let r = image.reassignment(topic_id, partition)?;
    let t = image.topic_by_id(topic_id)?;
    let p = t.partitions.get(&partition)?;
    if !r.target.iter().all(|x| p.isr.contains(x)) {
        return None;
    }
    let name = format!("{}-{partition}", t.name);
    // Every target replica is in sync, so the trimmed ISR is never empty.
    let records = moved_to(t, p, &r.target, None, &r.original, &name)
        .unwrap_or_else(|e| panic!("completing {name}: {e}"));
    Some(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controller::alter_partition::IsrChange;
    use crate::controller::test_support::{cluster, rejoin};

    fn partition(c: &Controller) -> PartitionImage {
        c.image().topic("t").unwrap().partitions[&0].clone()
    }

    fn ids(v: &[i32]) -> Vec<NodeId> {
        v.iter().map(|&n| NodeId(n)).collect()
    }

    fn reassign(c: &Controller, target: Option<&[i32]>) -> Option<ReassignmentError> {
        let asked = [(("t".to_string(), 0), target.map(ids))];
        c.alter_reassignments(&asked).unwrap().remove(0).1
    }

    #[test]
    fn a_reassignment_adds_the_new_replica_then_completes_once_it_is_in_sync() {
        let dir = tempfile::tempdir().unwrap();
        let (c, epochs) = cluster(dir.path());
        rejoin(&c, 4, 0);
        // Move the partition from 1,2,3 to 4,2,3: leader 1 leaves.
        assert_eq!(reassign(&c, Some(&[4, 2, 3])), None);
        let p = partition(&c);
        assert_eq!(p.replicas, ids(&[4, 2, 3, 1]));
        assert_eq!(
            p.leader,
            NodeId(1),
            "the leader stays until the new replica is in sync"
        );
        let listed = c.list_reassignments(None);
        assert_eq!(listed.len(), 1);
        assert_eq!(
            (listed[0].adding.clone(), listed[0].removing.clone()),
            (ids(&[4]), ids(&[1]))
        );
        // The leader adds 4 to the ISR: the reassignment completes in the same request.
        let change = IsrChange {
            broker_id: NodeId(1),
            broker_epoch: epochs[0],
            topic_id: c.image().topic("t").unwrap().topic_id,
            partition_id: 0,
            leader_epoch: p.leader_epoch,
            partition_epoch: p.partition_epoch,
            isr: ids(&[1, 2, 3, 4]),
        };
        c.alter_partition(&change).unwrap();
        let done = partition(&c);
        assert_eq!(done.replicas, ids(&[4, 2, 3]));
        assert_eq!(done.isr, ids(&[2, 3, 4]));
        assert_eq!(
            done.leader,
            NodeId(4),
            "the first in-sync target replica leads"
        );
        assert_eq!(done.leader_epoch, p.leader_epoch + 1);
        assert!(c.list_reassignments(None).is_empty());
    }

    #[test]
    fn removing_a_replica_completes_at_once_and_a_cancel_goes_back() {
        let dir = tempfile::tempdir().unwrap();
        let (c, _) = cluster(dir.path());
        rejoin(&c, 4, 0);
        assert_eq!(reassign(&c, Some(&[2, 3])), None);
        assert_eq!(partition(&c).replicas, ids(&[2, 3]));
        assert_eq!(partition(&c).leader, NodeId(2));
        assert!(matches!(
            reassign(&c, None),
            Some(ReassignmentError::NoReassignmentInProgress(_))
        ));
        assert_eq!(reassign(&c, Some(&[2, 3, 4])), None);
        assert_eq!(partition(&c).replicas, ids(&[2, 3, 4]));
        assert_eq!(reassign(&c, None), None, "cancelled");
        assert_eq!(partition(&c).replicas, ids(&[2, 3]));
        assert!(c.list_reassignments(None).is_empty());
        for bad in [&[][..], &[2, 2][..], &[2, 9][..]] {
            assert!(
                matches!(
                    reassign(&c, Some(bad)),
                    Some(ReassignmentError::InvalidReplicaAssignment(_))
                ),
                "{bad:?}"
            );
        }
        let unknown = [(("u".to_string(), 0), Some(ids(&[1])))];
        assert!(matches!(
            c.alter_reassignments(&unknown).unwrap()[0].1,
            Some(ReassignmentError::UnknownTopicOrPartition(_))
        ));
    }
}
