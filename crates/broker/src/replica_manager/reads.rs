//! The other ways into a partition: offsets by time or position (ListOffsets), leader-epoch
//! end offsets (OffsetForLeaderEpoch), the producers a log remembers (DescribeProducers),
//! sizes (DescribeLogDirs), moving the log start (DeleteRecords), and reading from the log
//! start for a coordinator's load. All as leader, with the request's leader epoch checked.
//!
//! Lookups by timestamp read segment files, and DeleteRecords unlinks them: callers run those
//! on the blocking pool.

use strom_storage::{
    ActiveProducer, FetchData, FetchIsolation, FetchParams, LeaderEpoch, Offset, Timestamp,
    TopicPartition,
};

use super::{PartitionError, ReplicaManager};

/// What ListOffsets asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetSpec {
    /// The high watermark, or the last stable offset for `read_committed`.
    Latest { read_committed: bool },
    /// The log start offset (local and overall are the same without tiered storage).
    Earliest,
    /// The batch with the largest timestamp.
    MaxTimestamp,
    /// The first record at or after this time.
    Timestamp(Timestamp),
}

/// A hosted partition's figures, for DescribeLogDirs and the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionInfo {
    pub topic_partition: TopicPartition,
    pub size_bytes: u64,
    pub log_start_offset: Offset,
    pub log_end_offset: Offset,
    pub high_watermark: Offset,
    pub is_leader: bool,
}

/// Bytes read per step of [`ReplicaManager::read_for_load`].
pub const LOAD_READ_BYTES: usize = 4 * 1024 * 1024;

impl ReplicaManager {
    /// ListOffsets: `(offset, timestamp, leader epoch)`, or `None` when no record matches.
    /// Blocking for [`OffsetSpec::Timestamp`] (it may scan a segment).
    pub fn list_offset(
        &self,
        tp: &TopicPartition,
        current_leader_epoch: LeaderEpoch,
        spec: OffsetSpec,
    ) -> Result<Option<(Offset, Timestamp, LeaderEpoch)>, PartitionError> {
        let hosted = self.leader(tp, current_leader_epoch)?;
        let epoch = hosted.leader_epoch();
        let log = hosted.log();
        let found = match spec {
            OffsetSpec::Latest {
                read_committed: true,
            } => Some((log.last_stable_offset(), Timestamp::NONE)),
            OffsetSpec::Latest {
                read_committed: false,
            } => Some((log.high_watermark(), Timestamp::NONE)),
            OffsetSpec::Earliest => Some((log.log_start_offset(), Timestamp::NONE)),
            OffsetSpec::MaxTimestamp => log.max_timestamp_offset()?,
            OffsetSpec::Timestamp(t) => log.offset_for_timestamp(t)?,
        };
        Ok(found.map(|(offset, ts)| (offset, ts, epoch)))
    }

    /// OffsetForLeaderEpoch: the largest epoch at or below `epoch` and where it ends; the
    /// current epoch ends at the log end, whether or not it has records yet.
    pub fn end_offset_for_epoch(
        &self,
        tp: &TopicPartition,
        current_leader_epoch: LeaderEpoch,
        epoch: LeaderEpoch,
    ) -> Result<Option<(LeaderEpoch, Offset)>, PartitionError> {
        let hosted = self.leader(tp, current_leader_epoch)?;
        let log = hosted.log();
        if epoch == hosted.leader_epoch() {
            return Ok(Some((epoch, log.log_end_offset())));
        }
        Ok(log.end_offset_for_epoch(epoch))
    }

    /// DescribeProducers: every producer the partition remembers.
    pub fn active_producers(
        &self,
        tp: &TopicPartition,
    ) -> Result<Vec<ActiveProducer>, PartitionError> {
        Ok(self
            .leader(tp, LeaderEpoch::UNKNOWN)?
            .log()
            .active_producers())
    }

    /// DeleteRecords: moves the log start to `offset` (`None`: the high watermark); returns
    /// the new log start. Blocking (it may unlink segments).
    pub fn delete_records(
        &self,
        tp: &TopicPartition,
        offset: Option<Offset>,
    ) -> Result<Offset, PartitionError> {
        let hosted = self.leader(tp, LeaderEpoch::UNKNOWN)?;
        let log = hosted.log();
        let target = offset.unwrap_or_else(|| log.high_watermark());
        let log_start = log.delete_records(target)?;
        tracing::info!(partition = %tp, log_start = %log_start, "deleted records");
        hosted.local_log_changed(self.now_ms());
        Ok(log_start)
    }

    /// Figures of the hosted partitions named (all of them for `None`).
    pub fn partition_infos(&self, only: Option<&[TopicPartition]>) -> Vec<PartitionInfo> {
        let hosted = match only {
            Some(tps) => tps.iter().filter_map(|tp| self.hosted(tp)).collect(),
            None => self.all_hosted(),
        };
        hosted
            .into_iter()
            .map(|h| PartitionInfo {
                topic_partition: h.topic_partition().clone(),
                size_bytes: h.size_bytes(),
                log_start_offset: h.log_start_offset(),
                log_end_offset: h.log_end_offset(),
                high_watermark: h.high_watermark(),
                is_leader: h.is_leader(),
            })
            .collect()
    }

    /// A coordinator's load: whole batches from `offset` up to the log end (records the
    /// high watermark does not cover yet were written by this leader's predecessor and are
    /// replayed too, as Kafka's loader does). Blocking.
    pub fn read_for_load(
        &self,
        tp: &TopicPartition,
        offset: Offset,
    ) -> Result<FetchData, PartitionError> {
        let hosted = self.leader(tp, LeaderEpoch::UNKNOWN)?;
        let params = FetchParams {
            max_bytes: LOAD_READ_BYTES,
            min_one_batch: true,
            isolation: FetchIsolation::LogEnd,
        };
        Ok(hosted.log().read(offset, params)?)
    }
}
