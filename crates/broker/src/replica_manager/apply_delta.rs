//! Metadata deltas to partition roles: the only place partitions are opened, change role,
//! or go away.
//!
//! For each delta, in order: partitions of deleted topics stop and their logs are deleted;
//! each new or changed partition that lists this broker as a replica is opened if needed
//! and handed its assignment (becoming leader or follower at the new leader epoch); a
//! partition that no longer lists this broker stops and its log is deleted; changed configs
//! reach the live logs. What it returns — partitions this broker was elected to lead and
//! those it resigned — is what the coordinators act on.
//!
//! At start, after the first delta, partition directories that belong to no topic of the
//! image (their `partition.metadata` names an unknown topic id) are set aside as `-stray`
//! directories, never deleted: a damaged metadata log must not cost data.
//!
//! Blocking (opens, deletes and renames files): runs on a blocking thread.

use std::sync::Arc;

use strom_metadata::{
    ChangedPartition, DeletedTopic, MetadataDelta, MetadataImage, NodeId, TopicId,
};
use strom_replication::{Assignment, LocalLog, Partition, Transition};
use strom_storage::{LeaderEpoch, Log, LogConfig, TopicPartition};

use super::partition_metadata::{read_partition_metadata, write_partition_metadata};
use super::{HostedPartition, ReplicaError, ReplicaManager};

/// A partition this broker now leads, at a leader epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadershipChange {
    pub topic_partition: TopicPartition,
    pub leader_epoch: LeaderEpoch,
}

/// A partition this broker now follows, at a leader epoch: what its replica fetcher needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Following {
    pub topic_partition: TopicPartition,
    pub topic_id: TopicId,
    /// `None` while the partition has no leader: nothing to fetch from.
    pub leader: Option<NodeId>,
    pub leader_epoch: LeaderEpoch,
}

/// What a delta changed in this broker's leaderships.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeadershipChanges {
    /// Newly led, or led again at a newer epoch.
    pub elected: Vec<LeadershipChange>,
    /// No longer led here (now followed, or no longer hosted).
    pub resigned: Vec<TopicPartition>,
    /// Newly followed, or followed at a newer leader epoch (a new leader, or the same one
    /// re-elected): the replica fetcher (re)starts it, truncating first.
    pub followed: Vec<Following>,
    /// No longer followed here (now led, or no longer hosted): its fetching stops.
    pub unfollowed: Vec<TopicPartition>,
}

impl ReplicaManager {
    /// Applies `delta` (which ends at `image`). Partitions that cannot be opened stay
    /// offline with an ERROR line; the rest proceed.
    pub fn apply_delta(
        &self,
        delta: &MetadataDelta,
        image: &MetadataImage,
        log_config: &dyn Fn(&str) -> LogConfig,
    ) -> LeadershipChanges {
        let _applying = self.applying.lock().unwrap_or_else(|p| p.into_inner());
        let mut changes = LeadershipChanges::default();
        for deleted in &delta.deleted_topics {
            self.remove_topic(deleted, &mut changes);
        }
        for changed in &delta.changed_partitions {
            let tp = TopicPartition::new(changed.topic.clone(), changed.partition.partition_id);
            if let Err(e) = self.apply_partition(&tp, changed, log_config, &mut changes) {
                tracing::error!(partition = %tp, error = %e,
                    "partition offline: its metadata change could not be applied");
            }
        }
        self.apply_configs(delta, image, log_config);
        changes
    }

    fn remove_topic(&self, deleted: &DeletedTopic, changes: &mut LeadershipChanges) {
        for &p in &deleted.partitions {
            let tp = TopicPartition::new(deleted.name.clone(), p);
            match self.hosted(&tp) {
                Some(h) if h.topic_id() == deleted.topic_id => {
                    if let Err(e) = self.stop_and_delete(&h, changes) {
                        tracing::error!(partition = %tp, error = %e, "deleting the log failed");
                    }
                }
                Some(_) => {}
                // Not hosted: an offline partition (its log could not be loaded) still has a
                // directory to remove.
                None => {
                    if let Err(e) = self.log_manager.delete_log(&tp) {
                        tracing::error!(partition = %tp, error = %e, "deleting the log failed");
                    }
                }
            }
        }
    }

    fn apply_partition(
        &self,
        tp: &TopicPartition,
        changed: &ChangedPartition,
        log_config: &dyn Fn(&str) -> LogConfig,
        changes: &mut LeadershipChanges,
    ) -> Result<(), ReplicaError> {
        let assignment = assignment(changed, log_config(&tp.topic).min_insync_replicas);
        let hosted = self.hosted(tp);
        if !assignment.replicas.contains(&self.node_id) {
            if let Some(h) = hosted {
                self.stop_and_delete(&h, changes)?;
            }
            return Ok(());
        }
        match hosted {
            Some(h) if h.topic_id() == changed.topic_id => {
                self.change_role(&h, &assignment, changes);
                Ok(())
            }
            Some(stale) => {
                // A topic re-created under the same name: the old one's log goes first.
                self.stop_and_delete(&stale, changes)?;
                self.open(tp, changed, &assignment, log_config, changes)
            }
            None => self.open(tp, changed, &assignment, log_config, changes),
        }
    }

    fn change_role(
        &self,
        hosted: &Arc<HostedPartition>,
        assignment: &Assignment,
        changes: &mut LeadershipChanges,
    ) {
        let now = self.now_ms();
        let tp = hosted.topic_partition().clone();
        let (was_leader, applied, epoch) = {
            let mut state = hosted.state();
            let was_leader = state.is_leader();
            let applied = state.apply(assignment, local_log(hosted.log()), now);
            if applied.is_ok() {
                // An ISR change or a new role may move the high watermark.
                hosted.local_log_changed_locked(&mut state, now);
            }
            (was_leader, applied, state.leader_epoch())
        };
        match applied {
            Ok(Transition::BecameLeader) => {
                tracing::info!(partition = %tp, epoch = epoch.0, "leading");
                if !was_leader {
                    changes.unfollowed.push(tp.clone());
                }
                changes.elected.push(LeadershipChange {
                    topic_partition: tp,
                    leader_epoch: epoch,
                });
            }
            Ok(Transition::BecameFollower) => {
                tracing::info!(partition = %tp, epoch = epoch.0, leader = ?assignment.leader,
                    "following");
                if was_leader {
                    hosted.resigned();
                    changes.resigned.push(tp.clone());
                }
                changes.followed.push(Following {
                    topic_partition: tp,
                    topic_id: hosted.topic_id(),
                    leader: assignment.leader,
                    leader_epoch: epoch,
                });
            }
            Ok(Transition::Updated | Transition::Unchanged) => {}
            Err(e) => tracing::warn!(partition = %tp, error = %e, "assignment not applied"),
        }
    }

    /// Opens the log of a partition newly assigned here and takes its role.
    fn open(
        &self,
        tp: &TopicPartition,
        changed: &ChangedPartition,
        assignment: &Assignment,
        log_config: &dyn Fn(&str) -> LogConfig,
        changes: &mut LeadershipChanges,
    ) -> Result<(), ReplicaError> {
        if let Some(existing) = self.log_manager.log(tp)
            && let Some(id) = read_partition_metadata(existing.dir())
            && id != changed.topic_id
        {
            tracing::warn!(partition = %tp, old = %id, new = %changed.topic_id,
                "setting aside the log of an earlier topic with the same name");
            self.log_manager.set_aside_stray(tp)?;
        }
        let config = log_config(&tp.topic);
        let log = self
            .log_manager
            .get_or_create_log(tp, Some(config.clone()))?;
        if *log.config() != config {
            log.update_config(config)?;
        }
        write_partition_metadata(log.dir(), changed.topic_id)?;
        let now = self.now_ms();
        let state = Partition::new(tp.clone(), self.node_id, assignment, local_log(&log), now)
            .map_err(|source| ReplicaError::State {
                tp: tp.clone(),
                source,
            })?;
        let leading = state.is_leader();
        let epoch = state.leader_epoch();
        let hosted = Arc::new(HostedPartition::new(
            tp.clone(),
            changed.topic_id,
            Arc::clone(&log),
            state,
        ));
        self.write_partitions()
            .insert(tp.clone(), Arc::clone(&hosted));
        if log.recovery_point() < log.log_end_offset() {
            // A tail recovered after a crash is on disk only once flushed; the high
            // watermark waits for that flush.
            log.schedule_flush();
        }
        tracing::debug!(partition = %tp, epoch = epoch.0, leading,
            log_end = %log.log_end_offset(), "partition online");
        if leading {
            changes.elected.push(LeadershipChange {
                topic_partition: tp.clone(),
                leader_epoch: epoch,
            });
        } else {
            changes.followed.push(Following {
                topic_partition: tp.clone(),
                topic_id: changed.topic_id,
                leader: assignment.leader,
                leader_epoch: epoch,
            });
        }
        Ok(())
    }

    fn stop_and_delete(
        &self,
        hosted: &Arc<HostedPartition>,
        changes: &mut LeadershipChanges,
    ) -> Result<(), ReplicaError> {
        let tp = hosted.topic_partition().clone();
        self.write_partitions().remove(&tp);
        let was_leader = hosted.is_leader();
        hosted.stop();
        if was_leader {
            changes.resigned.push(tp.clone());
        } else {
            changes.unfollowed.push(tp.clone());
        }
        if self.log_manager.delete_log(&tp)? {
            tracing::info!(partition = %tp, "deleted log");
        }
        Ok(())
    }

    fn apply_configs(
        &self,
        delta: &MetadataDelta,
        image: &MetadataImage,
        log_config: &dyn Fn(&str) -> LogConfig,
    ) {
        if delta.changed_configs.is_empty() {
            return;
        }
        let everything = delta.broker_configs_changed();
        for hosted in self.all_hosted() {
            let topic = &hosted.topic_partition().topic;
            let affected = everything
                || delta
                    .changed_configs
                    .iter()
                    .any(|r| matches!(r, strom_metadata::ConfigResource::Topic(t) if t == topic));
            if !affected || image.topic(topic).is_none() {
                continue;
            }
            let next = log_config(topic);
            let min_insync_replicas = next.min_insync_replicas;
            let log = hosted.log();
            if *log.config() != next
                && let Err(e) = log.update_config(next)
            {
                tracing::warn!(partition = %hosted.topic_partition(), error = %e,
                    "config not applied");
            }
            hosted.min_insync_replicas_changed(min_insync_replicas);
        }
    }

    /// At start, after the first delta: sets aside every loaded log that no topic of
    /// `image` claims (its `partition.metadata` names an unknown topic id). Directories
    /// without that file were not created for a topic here and are left alone.
    pub fn set_aside_strays(&self, image: &MetadataImage) -> usize {
        let mut set_aside = 0;
        for log in self.log_manager.logs() {
            let tp = log.topic_partition().clone();
            if self.hosted(&tp).is_some() {
                continue;
            }
            let Some(id) = read_partition_metadata(log.dir()) else {
                continue;
            };
            if image.topic_by_id(id).is_some() {
                continue;
            }
            match self.log_manager.set_aside_stray(&tp) {
                Ok(Some(path)) => {
                    set_aside += 1;
                    tracing::warn!(partition = %tp, topic_id = %id, path = %path.display(),
                        "no topic claims this partition; set aside (nothing deleted)");
                }
                Ok(None) => {}
                Err(e) => tracing::error!(partition = %tp, error = %e,
                    "setting aside a stray partition failed"),
            }
        }
        set_aside
    }
}

fn assignment(changed: &ChangedPartition, min_insync_replicas: usize) -> Assignment {
    let p = &changed.partition;
    Assignment {
        min_insync_replicas,
        leader: (p.leader.0 >= 0).then_some(p.leader),
        leader_epoch: LeaderEpoch(p.leader_epoch),
        partition_epoch: p.partition_epoch,
        replicas: p.replicas.clone(),
        isr: p.isr.clone(),
    }
}

/// The log's offsets as the state machine wants them.
pub(super) fn local_log(log: &Log) -> LocalLog {
    let durable = log.recovery_point();
    let log_end = log.log_end_offset();
    LocalLog {
        log_start: log.log_start_offset(),
        log_end,
        durable: durable.min(log_end),
        high_watermark: log.high_watermark(),
    }
}
