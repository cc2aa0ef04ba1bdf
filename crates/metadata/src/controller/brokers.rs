//! Brokers joining, heartbeating and being fenced, as the active controller decides it.
//!
//! - A broker process registers once per run (a new incarnation id). The registration is
//!   committed fenced, and whatever the broker's previous run led loses its leader in the
//!   same commit (leader none, a new leader epoch), so nothing the old run sent counts.
//! - Its heartbeats, every `broker.heartbeat.interval.ms`, are noted in memory (as Kafka's
//!   controller does: they are not replicated). The first heartbeat of a fenced broker
//!   unfences it and makes it leader again of the partitions that have no leader and list it
//!   as an in-sync replica.
//! - [`Controller::fence_expired`], run by a timer, fences every unfenced broker not heard
//!   from for `broker.session.timeout.ms`, and takes its leaderships away in the same commit.
//!   A controller that just became active first gives every broker a full session.
//! - A broker whose process is gone need not wait out its session: the active controller's
//!   broker side probes the listener of each broker whose heartbeats are late
//!   ([`Controller::late_brokers`]), and a refused connection (no process listens there)
//!   fences it at once ([`Controller::fence_gone`]). A paused or cut-off broker does not
//!   refuse connections (they hang), so only the session timeout fences those.
//!
//! Time is the caller's (`now_ms`, monotonic), so these run under a test's clock.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::elr;
use super::request::ClusterIdClaim;
use super::{Controller, Inner};
use crate::error::{MetadataError, Result};
use crate::image::{BrokerImage, MetadataImage};
use crate::record::{
    BrokerFencingRecord, ClusterIdRecord, MetadataRecord, PartitionChangeRecord,
    RegisterBrokerRecord,
};
use crate::types::NodeId;

/// The leader of a partition with none (Kafka's `-1`).
pub const NO_LEADER: NodeId = NodeId(-1);

/// When each broker last heartbeated, as heard by the active controller of one term.
#[derive(Debug, Default)]
pub struct Heartbeats {
    /// The Raft term these were heard in; a new term starts afresh.
    term: u64,
    last_ms: HashMap<NodeId, u64>,
}

/// What a heartbeat tells the broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeartbeatReply {
    pub fenced: bool,
}

impl Controller {
    /// Registers a run of a broker; returns its broker epoch. Repeating the registration of
    /// the same incarnation returns the same epoch. A different incarnation of a broker that
    /// still heartbeats is another process with the same `node.id`, and is refused.
    pub fn register_broker(
        &self,
        registration: &RegisterBrokerRecord,
        cluster_id: &ClusterIdClaim,
        now_ms: u64,
    ) -> Result<i64> {
        let mut inner = self.lock_for_write()?;
        let id = registration.broker_id;
        let mut records = Vec::new();
        match inner.image.cluster_id() {
            None => records.push(MetadataRecord::ClusterId(ClusterIdRecord {
                cluster_id: cluster_id.id.clone(),
            })),
            Some(quorum) if cluster_id.known && quorum != cluster_id.id => {
                return Err(MetadataError::InconsistentClusterId {
                    node: cluster_id.id.clone(),
                    quorum: quorum.to_string(),
                });
            }
            Some(_) => {}
        }
        if let Some(existing) = inner.image.broker(id) {
            if existing.incarnation_id == registration.incarnation_id {
                return Ok(existing.epoch);
            }
            let term = self.current_term();
            let heartbeats = super::lock(&self.heartbeats);
            let age_ms = (heartbeats.term == term)
                .then(|| {
                    heartbeats
                        .last_ms
                        .get(&id)
                        .map(|&l| now_ms.saturating_sub(l))
                })
                .flatten();
            if let Some(age_ms) = age_ms
                && !existing.fenced
                && age_ms < self.limits.broker_session_timeout_ms
            {
                return Err(MetadataError::DuplicateBrokerRegistration {
                    broker_id: id,
                    heartbeat_age_ms: age_ms,
                });
            }
        }
        let epoch = (inner.image.record_count() + records.len() as u64) as i64;
        records.push(MetadataRecord::RegisterBroker(registration.clone()));
        records.extend(leadership_loss(
            &inner.image,
            id,
            self.limits.min_insync_replicas,
        ));
        self.commit(&mut inner, &records)?;
        let registered = inner.image.broker(id).expect("just registered");
        assert_eq!(registered.epoch, epoch, "the registration's epoch");
        assert!(registered.fenced, "a registration starts fenced");
        tracing::info!(broker = %id, epoch, host = %registration.host,
            port = registration.port, "broker registered");
        Ok(epoch)
    }

    /// Notes a heartbeat of broker `id` at `epoch`; unfences it if it was fenced.
    pub fn broker_heartbeat(&self, id: NodeId, epoch: i64, now_ms: u64) -> Result<HeartbeatReply> {
        let mut inner = self.lock_for_write()?;
        let broker = registered_at(&inner.image, id, epoch)?;
        let fenced = broker.fenced;
        self.note_heartbeat(id, now_ms);
        if fenced {
            self.unfence(&mut inner, id)?;
        }
        Ok(HeartbeatReply { fenced: false })
    }

    /// A broker stopping (SIGTERM) gives up its leaderships and is fenced at once, rather
    /// than after its session runs out (Kafka's controlled shutdown).
    pub fn controlled_shutdown(&self, id: NodeId, epoch: i64) -> Result<()> {
        let mut inner = self.lock_for_write()?;
        let broker = registered_at(&inner.image, id, epoch)?;
        if broker.fenced {
            return Ok(());
        }
        let records = fencing(&inner.image, id, self.limits.min_insync_replicas);
        self.commit(&mut inner, &records)?;
        super::lock(&self.heartbeats).last_ms.remove(&id);
        tracing::info!(broker = %id, "broker shut down: fenced, its leaderships given up");
        Ok(())
    }

    fn unfence(&self, inner: &mut Inner, id: NodeId) -> Result<()> {
        let mut records = vec![MetadataRecord::BrokerFencing(BrokerFencingRecord {
            broker_id: id,
            fenced: false,
        })];
        records.extend(leadership_gain(
            &inner.image,
            id,
            self.limits.min_insync_replicas,
        ));
        self.commit(inner, &records)?;
        assert!(!inner.image.broker(id).expect("registered").fenced);
        tracing::info!(broker = %id, "broker unfenced");
        Ok(())
    }

    /// Fences every unfenced broker whose last heartbeat is older than the session timeout;
    /// returns the brokers fenced. Only the active controller acts.
    pub fn fence_expired(&self, now_ms: u64) -> Result<Vec<NodeId>> {
        let mut inner = self.lock_for_write()?;
        let expired = self.expired_brokers(&inner.image, now_ms);
        for &id in &expired {
            let records = fencing(&inner.image, id, self.limits.min_insync_replicas);
            self.commit(&mut inner, &records)?;
            tracing::warn!(broker = %id, timeout_ms = self.limits.broker_session_timeout_ms,
                "broker fenced: no heartbeat within broker.session.timeout.ms");
        }
        Ok(expired)
    }

    /// Unfenced brokers not heard from for `late_ms` (less than their session): where to
    /// probe them, and since when they are silent.
    pub fn late_brokers(&self, now_ms: u64, late_ms: u64) -> Vec<LateBroker> {
        let image = self.image();
        let last_ms = self.heartbeat_times(now_ms, &image);
        image
            .live_brokers()
            .filter_map(|b| {
                let last = last_ms.get(&b.broker_id).copied().unwrap_or(now_ms);
                (now_ms.saturating_sub(last) >= late_ms).then(|| LateBroker {
                    broker_id: b.broker_id,
                    epoch: b.epoch,
                    host: b.host.clone(),
                    port: b.port,
                    last_heartbeat_ms: last,
                })
            })
            .collect()
    }

    /// Fences `late` at once: its listener refused a connection, so no process serves it.
    /// Nothing happens (false) if it heartbeated since, registered anew or is fenced already.
    pub fn fence_gone(&self, late: &LateBroker) -> Result<bool> {
        let mut inner = self.lock_for_write()?;
        let id = late.broker_id;
        let still = inner
            .image
            .broker(id)
            .is_some_and(|b| b.epoch == late.epoch && !b.fenced);
        let heard_since = super::lock(&self.heartbeats)
            .last_ms
            .get(&id)
            .is_some_and(|&t| t > late.last_heartbeat_ms);
        if !still || heard_since {
            return Ok(false);
        }
        let records = fencing(&inner.image, id, self.limits.min_insync_replicas);
        self.commit(&mut inner, &records)?;
        super::lock(&self.heartbeats).last_ms.remove(&id);
        tracing::warn!(broker = %id, host = %late.host, port = late.port,
            "broker fenced: heartbeats late and its listener refuses connections (process gone)");
        Ok(true)
    }

    /// The last heartbeat of every broker heard from in this term, a broker not heard from
    /// yet counting from `now_ms`.
    fn heartbeat_times(&self, now_ms: u64, image: &MetadataImage) -> HashMap<NodeId, u64> {
        let term = self.current_term();
        let mut heartbeats = super::lock(&self.heartbeats);
        if heartbeats.term != term {
            heartbeats.term = term;
            heartbeats.last_ms.clear();
        }
        for b in image.live_brokers() {
            heartbeats.last_ms.entry(b.broker_id).or_insert(now_ms);
        }
        heartbeats.last_ms.clone()
    }

    fn expired_brokers(&self, image: &MetadataImage, now_ms: u64) -> Vec<NodeId> {
        let last_ms = self.heartbeat_times(now_ms, image);
        let timeout = self.limits.broker_session_timeout_ms;
        image
            .live_brokers()
            .filter(|b| now_ms.saturating_sub(last_ms[&b.broker_id]) >= timeout)
            .map(|b| b.broker_id)
            .collect()
    }

    fn note_heartbeat(&self, id: NodeId, now_ms: u64) {
        let term = self.current_term();
        let mut heartbeats = super::lock(&self.heartbeats);
        if heartbeats.term != term {
            heartbeats.term = term;
            heartbeats.last_ms.clear();
        }
        heartbeats.last_ms.insert(id, now_ms);
    }

    /// The Raft term this node is in (0 on the single node, which never changes term).
    fn current_term(&self) -> u64 {
        self.quorum
            .as_ref()
            .map_or(0, |node| node.raft().metrics().borrow().current_term)
    }
}

/// A broker whose heartbeats are late, and where its listener is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateBroker {
    pub broker_id: NodeId,
    pub epoch: i64,
    pub host: String,
    pub port: i32,
    pub last_heartbeat_ms: u64,
}

/// Broker `id`'s registration, which must be at `epoch`.
fn registered_at(image: &MetadataImage, id: NodeId, epoch: i64) -> Result<&BrokerImage> {
    let broker = image
        .broker(id)
        .ok_or(MetadataError::BrokerNotRegistered { broker_id: id })?;
    if broker.epoch != epoch {
        return Err(MetadataError::StaleBrokerEpoch {
            broker_id: id,
            epoch,
            current: broker.epoch,
        });
    }
    Ok(broker)
}

/// Fencing broker `id`: the fencing record and the loss of its leaderships, one commit.
fn fencing(image: &MetadataImage, id: NodeId, default_min_isr: usize) -> Vec<MetadataRecord> {
    let mut records = vec![MetadataRecord::BrokerFencing(BrokerFencingRecord {
        broker_id: id,
        fenced: true,
    })];
    records.extend(leadership_loss(image, id, default_min_isr));
    records
}

/// Partition changes taking broker `id` out of every partition it leads or is in sync for
/// (it stopped, or a new run of it starts with only what it had on disk): it leaves each
/// ISR, and where it led, the first live in-sync replica in replica order leads instead, else
/// a live eligible leader replica (`elr`), or no one. The last member of an ISR stays in it,
/// leaderless, so that it alone can lead again when it returns (no unclean election). The
/// ELR follows every ISR change.
fn leadership_loss(
    image: &MetadataImage,
    id: NodeId,
    default_min_isr: usize,
) -> Vec<MetadataRecord> {
    let live = |n: &NodeId| *n != id && image.broker(*n).is_some_and(|b| !b.fenced);
    let mut records = Vec::new();
    for topic in image.topics() {
        let min_isr = elr::min_insync_replicas(image, &topic.name, default_min_isr);
        for p in topic.partitions.values() {
            let leads = p.leader == id;
            if !leads && !p.isr.contains(&id) {
                continue;
            }
            let remaining: Vec<NodeId> = p.isr.iter().copied().filter(|&n| n != id).collect();
            let mut isr = (!remaining.is_empty()).then_some(remaining);
            let mut leader = leads.then(|| {
                p.replicas
                    .iter()
                    .copied()
                    .find(|r| live(r) && isr.as_ref().is_some_and(|isr| isr.contains(r)))
                    .unwrap_or(NO_LEADER)
            });
            if leader == Some(NO_LEADER)
                && let Some(eligible) = elr::eligible_leader(p, live)
            {
                tracing::info!(topic = %topic.name, partition = p.partition_id, leader = %eligible,
                    "leader elected from the eligible leader replicas (no in-sync replica alive)");
                leader = Some(eligible);
                isr = Some(vec![eligible]);
            }
            let mut unclean = false;
            if leader == Some(NO_LEADER)
                && unclean_allowed(image, &topic.name)
                && let Some(other) = p.replicas.iter().copied().find(live)
            {
                tracing::warn!(topic = %topic.name, partition = p.partition_id, leader = %other,
                    "unclean leader election: records it lacks are lost");
                leader = Some(other);
                isr = Some(vec![other]);
                unclean = true;
            }
            if isr.is_none() && leader.is_none() {
                continue;
            }
            // After an unclean election no one else is known to hold what the leader holds.
            let elr = match &isr {
                Some(_) if unclean => Some(Vec::new()),
                Some(new_isr) => elr::elr_change(p, new_isr, min_isr),
                None => None,
            };
            records.push(MetadataRecord::PartitionChange(PartitionChangeRecord {
                topic_id: topic.topic_id,
                partition_id: p.partition_id,
                leader,
                isr,
                replicas: None,
                elr,
            }));
        }
    }
    records
}

/// Partition changes making broker `id`, back from being fenced, leader of the partitions
/// that have none and list it as an in-sync replica or an eligible leader replica (then it
/// becomes the ISR alone, and the ISR members it replaces join the ELR); with unclean
/// election allowed, of any leaderless partition it is a replica of.
fn leadership_gain(
    image: &MetadataImage,
    id: NodeId,
    default_min_isr: usize,
) -> Vec<MetadataRecord> {
    let mut records = Vec::new();
    for topic in image.topics() {
        let min_isr = elr::min_insync_replicas(image, &topic.name, default_min_isr);
        for p in topic.partitions.values() {
            if p.leader != NO_LEADER || !p.replicas.contains(&id) {
                continue;
            }
            let (isr, elr) = if p.isr.contains(&id) {
                (None, None)
            } else if p.elr.contains(&id) {
                tracing::info!(topic = %topic.name, partition = p.partition_id, leader = %id,
                    "leader elected from the eligible leader replicas (no in-sync replica alive)");
                let isr = vec![id];
                let elr = elr::elr_change(p, &isr, min_isr);
                (Some(isr), elr)
            } else if unclean_allowed(image, &topic.name) {
                tracing::warn!(topic = %topic.name, partition = p.partition_id, leader = %id,
                    "unclean leader election: records it lacks are lost");
                (Some(vec![id]), Some(Vec::new()))
            } else {
                continue;
            };
            records.push(MetadataRecord::PartitionChange(PartitionChangeRecord {
                topic_id: topic.topic_id,
                partition_id: p.partition_id,
                leader: Some(id),
                isr,
                replicas: None,
                elr,
            }));
        }
    }
    records
}

fn unclean_allowed(image: &MetadataImage, topic: &str) -> bool {
    const NAME: &str = "unclean.leader.election.enable";
    let value = image.topic_config(topic, NAME).or_else(|| {
        image
            .configs(&crate::record::ConfigResource::Broker(None))
            .and_then(|c| c.get(NAME))
            .map(String::as_str)
    });
    value.is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controller::request::ClusterIdClaim;
    use crate::controller::{ControllerLimits, NewTopic};

    const SESSION_MS: u64 = 9_000;

    fn controller(dir: &std::path::Path) -> Controller {
        let limits = ControllerLimits {
            broker_session_timeout_ms: SESSION_MS,
            ..ControllerLimits::default()
        };
        Controller::open(&dir.join("metadata.log"), limits).unwrap()
    }

    fn registration(id: i32) -> RegisterBrokerRecord {
        RegisterBrokerRecord {
            broker_id: NodeId(id),
            incarnation_id: uuid::Uuid::new_v4(),
            host: "127.0.0.1".into(),
            port: 9090 + id,
            rack: None,
        }
    }

    fn claim(id: &str, known: bool) -> ClusterIdClaim {
        ClusterIdClaim {
            id: id.into(),
            known,
        }
    }

    /// Registers and heartbeats brokers `ids` at time 0; returns their epochs.
    fn join(c: &Controller, ids: &[i32]) -> Vec<i64> {
        ids.iter()
            .map(|&id| {
                let epoch = c
                    .register_broker(&registration(id), &claim("c1", false), 0)
                    .unwrap();
                c.broker_heartbeat(NodeId(id), epoch, 0).unwrap();
                epoch
            })
            .collect()
    }

    fn leaders(c: &Controller, topic: &str) -> Vec<i32> {
        let image = c.image();
        let t = image.topic(topic).unwrap();
        t.partitions.values().map(|p| p.leader.0).collect()
    }

    fn topic(name: &str, partitions: i32) -> NewTopic {
        NewTopic {
            name: name.into(),
            num_partitions: partitions,
            replication_factor: -1,
            ..NewTopic::default()
        }
    }

    #[test]
    fn a_registration_starts_fenced_and_a_heartbeat_unfences() {
        let dir = tempfile::tempdir().unwrap();
        let c = controller(dir.path());
        let r = registration(1);
        let epoch = c.register_broker(&r, &claim("c1", false), 0).unwrap();
        assert!(c.image().broker(NodeId(1)).unwrap().fenced);
        assert_eq!(c.image().cluster_id(), Some("c1"));
        // The same incarnation registering again gets the same epoch and commits nothing.
        let records = c.image().record_count();
        assert_eq!(
            c.register_broker(&r, &claim("c1", false), 1).unwrap(),
            epoch
        );
        assert_eq!(c.image().record_count(), records);
        assert_eq!(
            c.broker_heartbeat(NodeId(1), epoch, 2).unwrap(),
            HeartbeatReply { fenced: false }
        );
        assert!(!c.image().broker(NodeId(1)).unwrap().fenced);
        let stale = c.broker_heartbeat(NodeId(1), epoch - 1, 3).unwrap_err();
        assert!(
            matches!(stale, MetadataError::StaleBrokerEpoch { .. }),
            "{stale}"
        );
        let unknown = c.broker_heartbeat(NodeId(7), 0, 3).unwrap_err();
        assert!(matches!(unknown, MetadataError::BrokerNotRegistered { .. }));
    }

    #[test]
    fn partitions_spread_over_live_brokers_only() {
        let dir = tempfile::tempdir().unwrap();
        let c = controller(dir.path());
        join(&c, &[1, 2, 3]);
        c.create_topic(&topic("t", 6), false).unwrap();
        let mut counts = [0; 4];
        for leader in leaders(&c, "t") {
            counts[leader as usize] += 1;
        }
        assert_eq!(counts[1..], [2, 2, 2]);
        // A factor above the live brokers is refused with Kafka's words.
        let too_many = NewTopic {
            replication_factor: 4,
            ..topic("u", 1)
        };
        let e = c.create_topic(&too_many, false).unwrap_err().to_string();
        assert!(e.contains("only 3 broker(s) are registered"), "{e}");
    }

    #[test]
    fn a_silent_broker_is_fenced_and_its_leaderships_go_then_come_back() {
        let dir = tempfile::tempdir().unwrap();
        let c = controller(dir.path());
        let epochs = join(&c, &[1, 2]);
        c.create_topic(&topic("t", 4), false).unwrap();
        let before = c.image();
        // Broker 1 keeps heartbeating; broker 2 goes silent.
        c.broker_heartbeat(NodeId(1), epochs[0], SESSION_MS - 1)
            .unwrap();
        assert!(c.fence_expired(SESSION_MS - 1).unwrap().is_empty());
        c.broker_heartbeat(NodeId(1), epochs[0], SESSION_MS + 5)
            .unwrap();
        assert_eq!(c.fence_expired(SESSION_MS + 5).unwrap(), vec![NodeId(2)]);
        let image = c.image();
        assert!(image.broker(NodeId(2)).unwrap().fenced);
        assert_eq!(image.live_brokers().count(), 1);
        for (p, after) in &image.topic("t").unwrap().partitions {
            let was = &before.topic("t").unwrap().partitions[p];
            if was.leader == NodeId(2) {
                assert_eq!(
                    after.leader, NO_LEADER,
                    "a lone replica's partition has no leader"
                );
                assert_eq!(after.leader_epoch, was.leader_epoch + 1);
            } else {
                assert_eq!(after, was);
            }
        }
        // New partitions avoid the fenced broker.
        c.create_topic(&topic("u", 3), false).unwrap();
        assert_eq!(leaders(&c, "u"), vec![1, 1, 1]);
        // Its next heartbeat unfences it and it leads its partitions again, at a new epoch.
        c.broker_heartbeat(NodeId(2), epochs[1], SESSION_MS + 6)
            .unwrap();
        let image = c.image();
        assert!(!image.broker(NodeId(2)).unwrap().fenced);
        for (p, after) in &image.topic("t").unwrap().partitions {
            let was = &before.topic("t").unwrap().partitions[p];
            assert_eq!(after.leader, was.leader);
            if was.leader == NodeId(2) {
                assert_eq!(after.leader_epoch, was.leader_epoch + 2);
            }
        }
    }

    #[test]
    fn a_late_broker_whose_process_is_gone_is_fenced_before_its_session_ends() {
        let dir = tempfile::tempdir().unwrap();
        let c = controller(dir.path());
        let epochs = join(&c, &[1, 2]);
        c.create_topic(&topic("t", 4), false).unwrap();
        let t0 = SESSION_MS / 4;
        c.broker_heartbeat(NodeId(1), epochs[0], t0).unwrap();
        c.broker_heartbeat(NodeId(2), epochs[1], t0).unwrap();
        assert!(c.late_brokers(t0 + 100, 1_000).is_empty());
        let late = c.late_brokers(t0 + 1_000, 1_000);
        assert_eq!(late.len(), 2);
        // Broker 1 heartbeats after it was found late: a refusal seen before means nothing.
        c.broker_heartbeat(NodeId(1), epochs[0], t0 + 1_001)
            .unwrap();
        let one = late.iter().find(|b| b.broker_id == NodeId(1)).unwrap();
        assert!(!c.fence_gone(one).unwrap());
        let two = late.iter().find(|b| b.broker_id == NodeId(2)).unwrap();
        assert!(c.fence_gone(two).unwrap());
        assert!(c.image().broker(NodeId(2)).unwrap().fenced);
        assert!(!c.image().broker(NodeId(1)).unwrap().fenced);
        assert_eq!(leaders(&c, "t").iter().filter(|&&l| l == 2).count(), 0);
        // Fenced already: nothing more, and no longer listed as late.
        assert!(!c.fence_gone(two).unwrap());
        assert!(
            c.late_brokers(t0 + 2_000, 1_000)
                .iter()
                .all(|b| b.broker_id != NodeId(2))
        );
    }

    #[test]
    fn replicas_leaving_a_small_isr_are_eligible_and_one_leads_when_the_isr_is_gone() {
        // Replicas 1,2,3 with min.insync.replicas 2. Broker 1 (leader) goes: the ISR {2,3}
        // is at the minimum, so 1 is not eligible. Broker 2 goes: {3} is below it, so 2 is.
        // Broker 3 goes: it stays as the ISR's last member, leaderless, and joins no one.
        // Broker 2 comes back first: it may lead (it holds the high watermark, which stood
        // still since the ISR fell below two), with 3 eligible in turn.
        let dir = tempfile::tempdir().unwrap();
        let c = controller(dir.path());
        let epochs = join(&c, &[1, 2, 3]);
        let t = NewTopic {
            name: "t".into(),
            num_partitions: -1,
            replication_factor: -1,
            assignments: vec![(0, vec![NodeId(1), NodeId(2), NodeId(3)])],
            configs: vec![("min.insync.replicas".into(), Some("2".into()))],
        };
        c.create_topic(&t, false).unwrap();
        let p = || c.image().topic("t").unwrap().partitions[&0].clone();
        let fence = |id: i32, at: u64| {
            for (i, &e) in epochs.iter().enumerate() {
                if i as i32 + 1 != id {
                    c.broker_heartbeat(NodeId(i as i32 + 1), e, at).unwrap();
                }
            }
            let late = c
                .late_brokers(at, 1)
                .into_iter()
                .find(|b| b.broker_id == NodeId(id))
                .unwrap();
            assert!(c.fence_gone(&late).unwrap());
        };
        assert_eq!(p().leader, NodeId(1));
        fence(1, 100);
        assert_eq!(
            (p().leader, p().isr.clone()),
            (NodeId(2), vec![NodeId(2), NodeId(3)])
        );
        assert!(p().elr.is_empty(), "{:?}", p());
        fence(2, 200);
        assert_eq!((p().leader, p().isr.clone()), (NodeId(3), vec![NodeId(3)]));
        assert_eq!(p().elr, vec![NodeId(2)]);
        // Gone before: ISR and ELR lose 3 only as the ISR's last member stays.
        let late3 = c
            .late_brokers(300, 1)
            .into_iter()
            .find(|b| b.broker_id == NodeId(3))
            .unwrap();
        assert!(c.fence_gone(&late3).unwrap());
        assert_eq!((p().leader, p().isr.clone()), (NO_LEADER, vec![NodeId(3)]));
        assert_eq!(p().elr, vec![NodeId(2)]);
        // Broker 2's next heartbeat unfences it: it leads, alone in the ISR; 3 is eligible.
        c.broker_heartbeat(NodeId(2), epochs[1], 400).unwrap();
        assert_eq!((p().leader, p().isr.clone()), (NodeId(2), vec![NodeId(2)]));
        assert_eq!(p().elr, vec![NodeId(3)]);
        // Broker 1, never eligible, cannot take a partition that has a leader anyway; once
        // the ISR is back at two (an AlterPartition adding 1), the ELR empties.
        c.broker_heartbeat(NodeId(1), epochs[0], 500).unwrap();
        let now = p();
        c.alter_partition(&super::super::alter_partition::IsrChange {
            broker_id: NodeId(2),
            broker_epoch: epochs[1],
            topic_id: c.image().topic("t").unwrap().topic_id,
            partition_id: 0,
            leader_epoch: now.leader_epoch,
            partition_epoch: now.partition_epoch,
            isr: vec![NodeId(1), NodeId(2)],
        })
        .unwrap();
        assert!(p().elr.is_empty(), "{:?}", p());
    }

    #[test]
    fn a_new_incarnation_fences_the_old_one_and_a_live_twin_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let c = controller(dir.path());
        let first = join(&c, &[1])[0];
        c.create_topic(&topic("t", 2), false).unwrap();
        // Another process with node.id 1 while the first still heartbeats: refused.
        let twin = c
            .register_broker(&registration(1), &claim("c1", true), 100)
            .unwrap_err();
        assert!(matches!(
            twin,
            MetadataError::DuplicateBrokerRegistration { .. }
        ));
        // After the first run's session ran out, a restart registers afresh: its old
        // leaderships lose their leader until the new run heartbeats.
        let restart = SESSION_MS + 1;
        let second = c
            .register_broker(&registration(1), &claim("c1", true), restart)
            .unwrap();
        assert!(second > first);
        assert_eq!(leaders(&c, "t"), vec![-1, -1]);
        c.broker_heartbeat(NodeId(1), second, restart).unwrap();
        assert_eq!(leaders(&c, "t"), vec![1, 1]);
        let epochs: Vec<i32> = c
            .image()
            .topic("t")
            .unwrap()
            .partitions
            .values()
            .map(|p| p.leader_epoch)
            .collect();
        assert_eq!(epochs, vec![2, 2]);
    }

    #[test]
    fn a_node_of_another_cluster_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let c = controller(dir.path());
        join(&c, &[1]);
        let e = c
            .register_broker(&registration(2), &claim("other", true), 0)
            .unwrap_err();
        assert!(
            matches!(e, MetadataError::InconsistentClusterId { .. }),
            "{e}"
        );
        // A fresh node (no id of its own yet) takes the cluster's.
        c.register_broker(&registration(3), &claim("fresh", false), 0)
            .unwrap();
        assert_eq!(c.image().cluster_id(), Some("c1"));
    }
}
