//! AlterPartition: a partition's leader asks the active controller to change its ISR (a
//! follower fell behind, or caught up), Kafka's way.
//!
//! The change is accepted only from the current leader, at the partition's current leader
//! epoch and partition epoch (a change made against an older state answers
//! `FENCED_LEADER_EPOCH` or `INVALID_UPDATE_VERSION`, and the leader learns the newer state
//! from the metadata), for an ISR that holds the leader, lies within the replicas, and adds
//! only registered, unfenced brokers (`INELIGIBLE_REPLICA`). It commits one partition change
//! (the ISR only, so the leader epoch stays and the partition epoch moves on).

use serde::{Deserialize, Serialize};

use super::{Controller, brokers, elr};
use crate::error::{MetadataError, Result};
use crate::image::{MetadataImage, PartitionImage};
use crate::record::{MetadataRecord, PartitionChangeRecord};
use crate::types::{NodeId, TopicId};

/// An ISR change a leader proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsrChange {
    pub broker_id: NodeId,
    pub broker_epoch: i64,
    pub topic_id: TopicId,
    pub partition_id: i32,
    pub leader_epoch: i32,
    pub partition_epoch: i32,
    pub isr: Vec<NodeId>,
}

/// The partition as the change left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsrChanged {
    pub leader_epoch: i32,
    pub partition_epoch: i32,
    pub isr: Vec<NodeId>,
}

impl Controller {
    /// Commits `change` if it is still valid (see the module docs).
    pub fn alter_partition(&self, change: &IsrChange) -> Result<IsrChanged> {
        let mut inner = self.lock_for_write()?;
        if let Some(broker) = inner.image.broker(change.broker_id)
            && broker.epoch != change.broker_epoch
        {
            return Err(MetadataError::StaleBrokerEpoch {
                broker_id: change.broker_id,
                epoch: change.broker_epoch,
                current: broker.epoch,
            });
        }
        let current = partition(&inner.image, change.topic_id, change.partition_id)?;
        check_change(&inner.image, current, change)?;
        let mut isr = change.isr.clone();
        isr.sort_unstable();
        if isr == sorted(&current.isr) {
            // Already so (a retry of a committed change): nothing to write.
            return Ok(changed(current));
        }
        let min_isr = inner.image.topic_by_id(change.topic_id).map_or(1, |t| {
            elr::min_insync_replicas(&inner.image, &t.name, self.limits.min_insync_replicas)
        });
        let record = MetadataRecord::PartitionChange(PartitionChangeRecord {
            topic_id: change.topic_id,
            partition_id: change.partition_id,
            leader: None,
            elr: elr::elr_change(current, &isr, min_isr),
            isr: Some(isr),
            replicas: None,
        });
        self.commit(&mut inner, &[record])?;
        let after = partition(&inner.image, change.topic_id, change.partition_id)?;
        assert_eq!(
            after.leader_epoch, change.leader_epoch,
            "an ISR change keeps the epoch"
        );
        assert_eq!(after.partition_epoch, change.partition_epoch + 1);
        tracing::info!(topic_id = %change.topic_id, partition = change.partition_id,
            isr = ?after.isr, partition_epoch = after.partition_epoch, "ISR changed");
        // The last target replica of a reassignment may just have caught up.
        self.complete_if_caught_up(&mut inner, change.topic_id, change.partition_id)?;
        let after = partition(&inner.image, change.topic_id, change.partition_id)?;
        Ok(changed(after))
    }
}

fn partition(image: &MetadataImage, topic_id: TopicId, id: i32) -> Result<&PartitionImage> {
    image
        .topic_by_id(topic_id)
        .and_then(|t| t.partitions.get(&id))
        .ok_or_else(|| MetadataError::UnknownPartition {
            topic_id: topic_id.to_string(),
            partition: id,
        })
}

fn check_change(image: &MetadataImage, p: &PartitionImage, change: &IsrChange) -> Result<()> {
    if p.leader != change.broker_id {
        return Err(MetadataError::NotLeader {
            broker_id: change.broker_id,
            leader: p.leader,
        });
    }
    if change.leader_epoch != p.leader_epoch {
        return Err(MetadataError::FencedLeaderEpoch {
            epoch: change.leader_epoch,
            current: p.leader_epoch,
        });
    }
    if change.partition_epoch != p.partition_epoch {
        return Err(MetadataError::InvalidUpdateVersion {
            epoch: change.partition_epoch,
            current: p.partition_epoch,
        });
    }
    if !change.isr.contains(&p.leader) {
        return Err(MetadataError::InvalidRequest {
            reason: format!(
                "the ISR {:?} leaves out its leader {}",
                change.isr, p.leader
            ),
        });
    }
    for &r in &change.isr {
        let reason = if !p.replicas.contains(&r) {
            Some("not a replica of the partition")
        } else if p.isr.contains(&r) {
            None
        } else {
            match image.broker(r) {
                None => Some("not registered"),
                Some(b) if b.fenced => Some("fenced"),
                Some(_) => None,
            }
        };
        if let Some(reason) = reason {
            return Err(MetadataError::IneligibleReplica {
                replica: r,
                reason: reason.into(),
            });
        }
    }
    debug_assert_ne!(p.leader, brokers::NO_LEADER);
    Ok(())
}

fn sorted(nodes: &[NodeId]) -> Vec<NodeId> {
    let mut v = nodes.to_vec();
    v.sort_unstable();
    v
}

fn changed(p: &PartitionImage) -> IsrChanged {
    IsrChanged {
        leader_epoch: p.leader_epoch,
        partition_epoch: p.partition_epoch,
        isr: p.isr.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::controller::test_support::{cluster, rejoin};

    fn state(c: &Controller) -> (TopicId, PartitionImage) {
        let image = c.image();
        let t = image.topic("t").unwrap();
        (t.topic_id, t.partitions[&0].clone())
    }

    fn change(c: &Controller, epochs: &[i64], isr: &[i32]) -> IsrChange {
        let (topic_id, p) = state(c);
        IsrChange {
            broker_id: p.leader,
            broker_epoch: epochs[(p.leader.0 - 1) as usize],
            topic_id,
            partition_id: 0,
            leader_epoch: p.leader_epoch,
            partition_epoch: p.partition_epoch,
            isr: isr.iter().map(|&n| NodeId(n)).collect(),
        }
    }

    #[test]
    fn the_leader_shrinks_and_expands_its_isr_at_the_current_epochs() {
        let dir = tempfile::tempdir().unwrap();
        let (c, epochs) = cluster(dir.path());
        let (_, before) = state(&c);
        assert_eq!(before.isr, vec![NodeId(1), NodeId(2), NodeId(3)]);
        let shrink = change(&c, &epochs, &[1, 2]);
        let done = c.alter_partition(&shrink).unwrap();
        assert_eq!(done.isr, vec![NodeId(1), NodeId(2)]);
        assert_eq!(done.leader_epoch, before.leader_epoch);
        assert_eq!(done.partition_epoch, before.partition_epoch + 1);
        // The same change again (a retry after a lost answer) is stale: another epoch.
        let again = c.alter_partition(&shrink).unwrap_err();
        assert!(
            matches!(again, MetadataError::InvalidUpdateVersion { .. }),
            "{again}"
        );
        let expand = change(&c, &epochs, &[1, 2, 3]);
        assert_eq!(c.alter_partition(&expand).unwrap().isr.len(), 3);
    }

    #[test]
    fn changes_from_a_follower_an_old_epoch_or_with_a_fenced_replica_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (c, epochs) = cluster(dir.path());
        let mut from_follower = change(&c, &epochs, &[2, 3]);
        from_follower.broker_id = NodeId(2);
        from_follower.broker_epoch = epochs[1];
        let e = c.alter_partition(&from_follower).unwrap_err();
        assert!(matches!(e, MetadataError::NotLeader { .. }), "{e}");
        let mut old_epoch = change(&c, &epochs, &[1, 2]);
        old_epoch.leader_epoch -= 1;
        let e = c.alter_partition(&old_epoch).unwrap_err();
        assert!(matches!(e, MetadataError::FencedLeaderEpoch { .. }), "{e}");
        let without_leader = change(&c, &epochs, &[2, 3]);
        assert!(c.alter_partition(&without_leader).is_err());
        let stranger = change(&c, &epochs, &[1, 2, 3, 4]);
        let e = c.alter_partition(&stranger).unwrap_err();
        assert!(matches!(e, MetadataError::IneligibleReplica { .. }), "{e}");
        // Broker 3 shuts down: it leaves the ISR, and may not be added back while fenced.
        c.controlled_shutdown(NodeId(3), epochs[2]).unwrap();
        assert_eq!(state(&c).1.isr, vec![NodeId(1), NodeId(2)]);
        let fenced = change(&c, &epochs, &[1, 2, 3]);
        let e = c.alter_partition(&fenced).unwrap_err();
        assert!(matches!(e, MetadataError::IneligibleReplica { .. }), "{e}");
    }

    #[test]
    fn fencing_the_leader_elects_an_in_sync_replica_and_the_last_one_stays_in_the_isr() {
        let dir = tempfile::tempdir().unwrap();
        let (c, epochs) = cluster(dir.path());
        let (_, p0) = state(&c);
        c.controlled_shutdown(NodeId(1), epochs[0]).unwrap();
        let (_, p1) = state(&c);
        assert_eq!(p1.leader, NodeId(2));
        assert_eq!(p1.isr, vec![NodeId(2), NodeId(3)]);
        assert_eq!(p1.leader_epoch, p0.leader_epoch + 1);
        c.controlled_shutdown(NodeId(2), epochs[1]).unwrap();
        c.controlled_shutdown(NodeId(3), epochs[2]).unwrap();
        let (_, p3) = state(&c);
        assert_eq!(p3.leader, brokers::NO_LEADER);
        assert_eq!(p3.isr, vec![NodeId(3)], "the last in-sync replica stays");
        // Broker 1 comes back first: not in sync, so it may not lead (no unclean election).
        rejoin(&c, 1, 10);
        assert_eq!(state(&c).1.leader, brokers::NO_LEADER);
    }

    #[test]
    fn with_unclean_election_enabled_a_returning_replica_outside_the_isr_leads() {
        let dir = tempfile::tempdir().unwrap();
        let (c, epochs) = cluster(dir.path());
        let resource = crate::record::ConfigResource::Topic("t".into());
        let enable = [(
            "unclean.leader.election.enable".to_string(),
            Some("true".to_string()),
        )];
        c.alter_configs(&resource, &enable, false).unwrap();
        c.controlled_shutdown(NodeId(1), epochs[0]).unwrap();
        c.controlled_shutdown(NodeId(2), epochs[1]).unwrap();
        c.controlled_shutdown(NodeId(3), epochs[2]).unwrap();
        assert_eq!(state(&c).1.leader, brokers::NO_LEADER);
        // Broker 1 is not in the ISR ([3]) but the topic allows an unclean election.
        rejoin(&c, 1, 10);
        let (_, p) = state(&c);
        assert_eq!((p.leader, p.isr), (NodeId(1), vec![NodeId(1)]));
    }
}
