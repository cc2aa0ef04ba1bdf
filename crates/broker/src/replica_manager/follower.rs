//! The follower's side of a partition: what the replica fetcher does to a partition this
//! broker follows, each under the partition's state lock and only at the leader epoch the
//! fetcher was started for (a newer assignment makes every step of an older fetch refuse).
//!
//! - [`ReplicaManager::follower_position`]: where to fetch from (the log end) and what to
//!   tell the leader (log start, latest epoch).
//! - [`ReplicaManager::truncate_follower`]: cut the log back to where it agrees with the
//!   leader (from OffsetForLeaderEpoch), or restart it empty at the leader's log start.
//! - [`ReplicaManager::append_as_follower`]: the leader's batches, offsets and epochs kept.
//! - [`ReplicaManager::follower_high_watermark`]: the leader's high watermark and log start,
//!   bounded by what this log holds.

use bytes::Bytes;
use strom_storage::{AppendInfo, LeaderEpoch, Offset, TopicPartition};

use super::hosted::HostedPartition;
use super::{PartitionError, ReplicaManager};

/// Where a follower stands, for its next request to the leader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowerPosition {
    pub log_start: Offset,
    pub log_end: Offset,
    /// Offsets below this are on disk: what the next fetch may report to the leader.
    pub durable: Offset,
    /// The epoch of the last batch in the log, if any.
    pub latest_epoch: Option<LeaderEpoch>,
    pub high_watermark: Offset,
}

impl ReplicaManager {
    /// The partition, hosted here as a follower at `leader_epoch`.
    fn follower(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
    ) -> Result<std::sync::Arc<HostedPartition>, PartitionError> {
        let hosted = self.hosted_or_unknown(tp)?;
        check_follower(&hosted, &hosted.state(), leader_epoch)?;
        Ok(hosted)
    }

    pub fn follower_position(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
    ) -> Result<FollowerPosition, PartitionError> {
        let hosted = self.follower(tp, leader_epoch)?;
        let log = hosted.log();
        let durable = log.recovery_point();
        let log_end = log.log_end_offset();
        Ok(FollowerPosition {
            log_start: log.log_start_offset(),
            log_end,
            durable: durable.min(log_end),
            latest_epoch: log.latest_epoch(),
            high_watermark: log.high_watermark(),
        })
    }

    /// The end offset of the largest epoch at most `epoch` in this log (for truncation).
    pub fn follower_end_offset_for_epoch(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
        epoch: LeaderEpoch,
    ) -> Result<Option<(LeaderEpoch, Offset)>, PartitionError> {
        let hosted = self.follower(tp, leader_epoch)?;
        Ok(hosted.log().end_offset_for_epoch(epoch))
    }

    /// Removes every record at or after `offset`; returns whether any were removed.
    pub fn truncate_follower(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
        offset: Offset,
    ) -> Result<bool, PartitionError> {
        let hosted = self.follower(tp, leader_epoch)?;
        let mut state = hosted.state();
        check_follower(&hosted, &state, leader_epoch)?;
        let removed = hosted.log().truncate_to(offset)?;
        hosted.local_log_changed_locked(&mut state, self.now_ms());
        assert!(
            hosted.log().log_end_offset() <= offset,
            "{tp}: truncation left the log past {offset}"
        );
        Ok(removed)
    }

    /// Deletes the whole log and restarts it empty at `offset` (the follower's log lies
    /// entirely outside the leader's).
    pub fn restart_follower_at(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
        offset: Offset,
    ) -> Result<(), PartitionError> {
        let hosted = self.follower(tp, leader_epoch)?;
        let mut state = hosted.state();
        check_follower(&hosted, &state, leader_epoch)?;
        tracing::info!(partition = %tp, offset = offset.0, "follower log restarts empty");
        hosted.log().truncate_fully_and_start_at(offset)?;
        hosted.local_log_changed_locked(&mut state, self.now_ms());
        assert_eq!(hosted.log().log_end_offset(), offset);
        Ok(())
    }

    /// Appends the leader's batches as they are (offsets and leader epochs kept).
    pub fn append_as_follower(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
        records: Bytes,
    ) -> Result<AppendInfo, PartitionError> {
        let hosted = self.follower(tp, leader_epoch)?;
        let log = std::sync::Arc::clone(hosted.log());
        let mut state = hosted.state();
        check_follower(&hosted, &state, leader_epoch)?;
        let end_before = log.log_end_offset();
        let info = log.append(records, strom_storage::AppendOrigin::Replication)?;
        assert!(
            info.first_offset >= end_before && log.log_end_offset() == info.next_offset(),
            "{tp}: a replicated append did not continue the log at {end_before}"
        );
        hosted.local_log_changed_locked(&mut state, self.now_ms());
        drop(state);
        // The next fetch reports this as durable only once it is: the fetcher waits for
        // the flush this asks for.
        log.schedule_flush();
        Ok(info)
    }

    /// Resolves once everything this follower's log holds is on disk (the next fetch
    /// reports it to the leader as durable).
    pub fn follower_flush(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
    ) -> Result<strom_storage::FlushWaiter, PartitionError> {
        let hosted = self.follower(tp, leader_epoch)?;
        let log = hosted.log();
        Ok(log.flush_to(log.log_end_offset())?)
    }

    /// The leader's high watermark and log start arrived with a fetch response.
    pub fn follower_high_watermark(
        &self,
        tp: &TopicPartition,
        leader_epoch: LeaderEpoch,
        leader_high_watermark: Offset,
        leader_log_start: Offset,
    ) -> Result<Offset, PartitionError> {
        let hosted = self.follower(tp, leader_epoch)?;
        let log = hosted.log();
        let mut state = hosted.state();
        check_follower(&hosted, &state, leader_epoch)?;
        let hw = state.update_follower_high_watermark(leader_high_watermark);
        hosted.publish_high_watermark(&state);
        drop(state);
        if leader_log_start > log.log_start_offset() && leader_log_start <= hw {
            // Records the leader deleted (retention, DeleteRecords) go here too.
            log.delete_records(leader_log_start)?;
            hosted.local_log_changed(self.now_ms());
        }
        Ok(hw)
    }
}

fn check_follower(
    hosted: &HostedPartition,
    state: &strom_replication::Partition,
    leader_epoch: LeaderEpoch,
) -> Result<(), PartitionError> {
    let tp = hosted.topic_partition();
    if hosted.is_stopped() {
        return Err(PartitionError::Stopped(tp.clone()));
    }
    if state.is_leader() || state.leader_epoch() != leader_epoch {
        return Err(PartitionError::NotFollower {
            tp: tp.clone(),
            leader_epoch,
        });
    }
    Ok(())
}
