//! Leader elections asked for (ElectLeaders, `kafka-leader-election`) or due to imbalance
//! (`auto.leader.rebalance.enable`), decided by the active controller.
//!
//! - **Preferred**: the first replica of the assignment leads again, if it is live and in
//!   sync; `ELECTION_NOT_NEEDED` if it already leads, `PREFERRED_LEADER_NOT_AVAILABLE`
//!   otherwise.
//! - **Unclean**: a partition without a leader gets one: a live in-sync replica if there is
//!   one, else (what makes it unclean) the first live replica, which becomes the whole ISR
//!   and may lack acknowledged records. `ELECTION_NOT_NEEDED` when the partition has a
//!   leader, `ELIGIBLE_LEADERS_NOT_AVAILABLE` when no replica is live.
//!
//! Every election is a partition change naming the leader, so the leader epoch moves on and
//! the previous leader's requests are fenced. All elections of one request commit together.

use serde::{Deserialize, Serialize};

use super::brokers::NO_LEADER;
use super::{Controller, Inner};
use crate::error::Result;
use crate::image::{MetadataImage, PartitionImage, TopicImage};
use crate::record::{MetadataRecord, PartitionChangeRecord};
use crate::types::NodeId;

/// Kafka's `ElectionType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ElectionType {
    Preferred,
    Unclean,
}

/// Why one partition's election did not happen (each is one of Kafka's error codes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ElectionError {
    #[error("{0} does not exist")]
    UnknownTopicOrPartition(String),
    #[error("{0}: its leader is already the one an election would pick")]
    ElectionNotNeeded(String),
    #[error("{0}: the preferred replica {1} is not live and in sync")]
    PreferredLeaderNotAvailable(String, NodeId),
    #[error("{0}: no replica is live")]
    EligibleLeadersNotAvailable(String),
}

/// One partition's election, by topic name and partition id, and how it went.
pub type ElectionResult = ((String, i32), Option<ElectionError>);

impl Controller {
    /// Elects leaders of `partitions` (every partition when `None`; then partitions needing
    /// no election are left out of the answer, as Kafka does).
    pub fn elect_leaders(
        &self,
        election: ElectionType,
        partitions: Option<&[(String, i32)]>,
    ) -> Result<Vec<ElectionResult>> {
        let mut inner = self.lock_for_write()?;
        let wanted: Vec<(String, i32)> = match partitions {
            Some(list) => list.to_vec(),
            None => every_partition(&inner.image),
        };
        let mut records = Vec::new();
        let mut results = Vec::with_capacity(wanted.len());
        for (topic, partition) in wanted {
            let outcome = decide(&inner.image, election, &topic, partition);
            match outcome {
                Ok(record) => {
                    records.push(record);
                    results.push(((topic, partition), None));
                }
                Err(ElectionError::ElectionNotNeeded(_)) if partitions.is_none() => {}
                Err(e) => results.push(((topic, partition), Some(e))),
            }
        }
        self.commit_elections(&mut inner, &records)?;
        Ok(results)
    }

    /// Moves leadership back to the preferred replicas where a broker leads fewer than
    /// `100 - imbalance_percent` percent of the partitions it is preferred for
    /// (`leader.imbalance.per.broker.percentage`); returns how many partitions moved.
    pub fn rebalance_leaders(&self, imbalance_percent: u32) -> Result<usize> {
        let mut inner = self.lock_for_write()?;
        let image = &inner.image;
        let mut preferred: std::collections::BTreeMap<NodeId, (usize, usize)> =
            std::collections::BTreeMap::new();
        for topic in image.topics() {
            for p in topic.partitions.values() {
                let Some(&first) = p.replicas.first() else {
                    continue;
                };
                let entry = preferred.entry(first).or_default();
                entry.0 += 1;
                if p.leader != first {
                    entry.1 += 1;
                }
            }
        }
        let imbalanced: Vec<NodeId> = preferred
            .into_iter()
            .filter(|(_, (total, misled))| *misled * 100 > *total * imbalance_percent as usize)
            .map(|(id, _)| id)
            .collect();
        let mut records = Vec::new();
        for topic in image.topics() {
            for p in topic.partitions.values() {
                if p.replicas.first().is_some_and(|f| imbalanced.contains(f))
                    && let Ok(record) = preferred_election(image, topic, p)
                {
                    records.push(record);
                }
            }
        }
        let moved = records.len();
        self.commit_elections(&mut inner, &records)?;
        if moved > 0 {
            tracing::info!(moved, "leaders moved back to their preferred replicas");
        }
        Ok(moved)
    }

    fn commit_elections(&self, inner: &mut Inner, records: &[MetadataRecord]) -> Result<()> {
        // One commit is bounded in bytes: large elections go in slices.
        for chunk in records.chunks(ELECTIONS_PER_COMMIT) {
            self.commit(inner, chunk)?;
        }
        Ok(())
    }
}

/// Partition changes per commit (each is a few hundred bytes of JSON).
const ELECTIONS_PER_COMMIT: usize = 1_000;

fn every_partition(image: &MetadataImage) -> Vec<(String, i32)> {
    image
        .topics()
        .flat_map(|t| t.partitions.keys().map(|&p| (t.name.clone(), p)))
        .collect()
}

type Decided = std::result::Result<MetadataRecord, ElectionError>;

fn decide(image: &MetadataImage, election: ElectionType, topic: &str, partition: i32) -> Decided {
    let unknown = || ElectionError::UnknownTopicOrPartition(format!("{topic}-{partition}"));
    let t = image.topic(topic).ok_or_else(unknown)?;
    let p = t.partitions.get(&partition).ok_or_else(unknown)?;
    match election {
        ElectionType::Preferred => preferred_election(image, t, p),
        ElectionType::Unclean => unclean_election(image, t, p),
    }
}

fn live(image: &MetadataImage, id: NodeId) -> bool {
    // The single node registers no brokers: its one replica is always live.
    image.brokers().next().is_none() || image.broker(id).is_some_and(|b| !b.fenced)
}

fn name(t: &TopicImage, p: &PartitionImage) -> String {
    format!("{}-{}", t.name, p.partition_id)
}

fn preferred_election(image: &MetadataImage, t: &TopicImage, p: &PartitionImage) -> Decided {
    let preferred = p.replicas[0];
    if p.leader == preferred {
        return Err(ElectionError::ElectionNotNeeded(name(t, p)));
    }
    if !p.isr.contains(&preferred) || !live(image, preferred) {
        return Err(ElectionError::PreferredLeaderNotAvailable(
            name(t, p),
            preferred,
        ));
    }
    Ok(change(t, p, preferred, None))
}

fn unclean_election(image: &MetadataImage, t: &TopicImage, p: &PartitionImage) -> Decided {
    if p.leader != NO_LEADER && live(image, p.leader) {
        return Err(ElectionError::ElectionNotNeeded(name(t, p)));
    }
    let clean = p
        .replicas
        .iter()
        .copied()
        .find(|&r| p.isr.contains(&r) && live(image, r));
    if let Some(leader) = clean {
        return Ok(change(t, p, leader, None));
    }
    let Some(leader) = p.replicas.iter().copied().find(|&r| live(image, r)) else {
        return Err(ElectionError::EligibleLeadersNotAvailable(name(t, p)));
    };
    tracing::warn!(partition = %name(t, p), leader = %leader,
        "unclean leader election: acknowledged records the new leader lacks are lost");
    Ok(change(t, p, leader, Some(vec![leader])))
}

fn change(
    t: &TopicImage,
    p: &PartitionImage,
    leader: NodeId,
    isr: Option<Vec<NodeId>>,
) -> MetadataRecord {
    MetadataRecord::PartitionChange(PartitionChangeRecord {
        topic_id: t.topic_id,
        partition_id: p.partition_id,
        leader: Some(leader),
        // An unclean election (a new ISR of the leader alone) may go back below the high
        // watermark: no other replica is known to hold what it holds, so the ELR empties.
        elr: isr.as_ref().map(|_| Vec::new()),
        isr,
        replicas: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controller::test_support::{cluster, rejoin};

    fn leader(c: &Controller) -> NodeId {
        c.image().topic("t").unwrap().partitions[&0].leader
    }

    fn one(c: &Controller, election: ElectionType) -> Option<ElectionError> {
        let wanted = [("t".to_string(), 0)];
        let mut results = c.elect_leaders(election, Some(&wanted)).unwrap();
        assert_eq!(results.len(), 1);
        results.remove(0).1
    }

    #[test]
    fn the_preferred_replica_leads_again_once_it_is_back_in_sync() {
        let dir = tempfile::tempdir().unwrap();
        let (c, epochs) = cluster(dir.path());
        assert_eq!(leader(&c), NodeId(1));
        assert!(matches!(
            one(&c, ElectionType::Preferred),
            Some(ElectionError::ElectionNotNeeded(_))
        ));
        c.controlled_shutdown(NodeId(1), epochs[0]).unwrap();
        assert_eq!(leader(&c), NodeId(2));
        // Broker 1 is out of the ISR: not available for a preferred election.
        assert!(matches!(
            one(&c, ElectionType::Preferred),
            Some(ElectionError::PreferredLeaderNotAvailable(_, NodeId(1)))
        ));
        // Back (a new run), and back in the ISR (its leader's AlterPartition).
        rejoin(&c, 1, 1);
        let p = c.image().topic("t").unwrap().partitions[&0].clone();
        let change = crate::controller::alter_partition::IsrChange {
            broker_id: NodeId(2),
            broker_epoch: epochs[1],
            topic_id: c.image().topic("t").unwrap().topic_id,
            partition_id: 0,
            leader_epoch: p.leader_epoch,
            partition_epoch: p.partition_epoch,
            isr: vec![NodeId(1), NodeId(2), NodeId(3)],
        };
        c.alter_partition(&change).unwrap();
        // Not led by its preferred replica: the imbalance check moves it back.
        assert_eq!(c.rebalance_leaders(10).unwrap(), 1);
        assert_eq!(leader(&c), NodeId(1));
        assert_eq!(c.rebalance_leaders(10).unwrap(), 0);
        // Every partition asked for, none needing it: nothing listed.
        assert!(
            c.elect_leaders(ElectionType::Preferred, None)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn an_unclean_election_takes_a_live_replica_outside_the_isr_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let (c, epochs) = cluster(dir.path());
        c.controlled_shutdown(NodeId(1), epochs[0]).unwrap();
        c.controlled_shutdown(NodeId(2), epochs[1]).unwrap();
        assert!(matches!(
            one(&c, ElectionType::Unclean),
            Some(ElectionError::ElectionNotNeeded(_))
        ));
        c.controlled_shutdown(NodeId(3), epochs[2]).unwrap();
        assert_eq!(leader(&c), NO_LEADER);
        assert!(matches!(
            one(&c, ElectionType::Unclean),
            Some(ElectionError::EligibleLeadersNotAvailable(_))
        ));
        // Broker 1 returns: not in the ISR ([3]), so no clean election happens...
        rejoin(&c, 1, 1);
        assert_eq!(leader(&c), NO_LEADER);
        // ...until an unclean one is asked for: it leads, alone in the ISR.
        assert_eq!(one(&c, ElectionType::Unclean), None);
        let p = c.image().topic("t").unwrap().partitions[&0].clone();
        assert_eq!((p.leader, p.isr), (NodeId(1), vec![NodeId(1)]));
        assert!(matches!(
            c.elect_leaders(ElectionType::Preferred, Some(&[("u".to_string(), 0)]))
                .unwrap()[0]
                .1,
            Some(ElectionError::UnknownTopicOrPartition(_))
        ));
    }
}
