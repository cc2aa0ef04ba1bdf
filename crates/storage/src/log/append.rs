//! Appending to the log: offsets and the leader epoch written into each batch's header copy
//! (the received bytes stay as they are, so a produced batch is written straight from the
//! request's buffer), the producer checks made under the log's lock, and the write to the
//! active segment (rolling first if needed). Nothing is fsynced here; see
//! `log/durability.rs`.

use std::sync::Arc;

use bytes::Bytes;
use strom_protocol::records::{
    TimestampType, set_base_offset, set_log_append_time, set_partition_leader_epoch,
};

use super::validator::{BatchHead, ValidationContext, restamp_crc, validate};
use super::{Log, LogState};
use crate::producer_state::{CheckLevel, PreparedAppend, ProducerBatch, VerificationGuard};
use crate::segment::BatchInfo;
use crate::{LeaderEpoch, LogConfig, Offset, ProducerId, Result, StorageError, Timestamp};

/// Who is appending, which decides whether offsets are assigned and what is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendOrigin {
    /// A producer, through this broker as leader: offsets and epoch are assigned here, and
    /// control batches are refused.
    Client { leader_epoch: LeaderEpoch },
    /// The broker itself as leader (transaction markers, coordinator records).
    Coordinator { leader_epoch: LeaderEpoch },
    /// The broker as leader writing the markers of a transaction that used transaction
    /// version 2 (KIP-890 part 2): as `Coordinator`, and a marker must carry an epoch above
    /// the producer's, so a repeated or late marker cannot end the producer's next
    /// transaction (`INVALID_PRODUCER_EPOCH`, nothing written).
    CoordinatorTv2 { leader_epoch: LeaderEpoch },
    /// A follower copying the leader: offsets and epochs are kept as they are.
    Replication,
}

/// What an append did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendInfo {
    pub first_offset: Offset,
    pub last_offset: Offset,
    /// The largest batch timestamp (the append time for LogAppendTime topics).
    pub max_timestamp: Timestamp,
    /// The last offset of the batch carrying `max_timestamp`.
    pub offset_of_max_timestamp: Offset,
    /// The time stamped into the batches, for LogAppendTime topics.
    pub log_append_time: Option<Timestamp>,
    pub log_start_offset: Offset,
    pub batches: usize,
    pub records: u64,
    pub bytes: usize,
    /// The record set repeated a client batch already in the log (same producer, epoch and
    /// sequences among its last five): nothing was written, and the offsets are the ones the
    /// batch got the first time, which is what Kafka answers the retried produce with.
    pub duplicate: bool,
}

impl AppendInfo {
    /// The offset after the last appended record: pass it to [`Log::flush_to`].
    pub fn next_offset(&self) -> Offset {
        self.last_offset.plus(1)
    }

    /// The answer to a retried batch already in the log at `first..=last`.
    fn for_duplicate(first: Offset, last: Offset, log_start_offset: Offset) -> AppendInfo {
        AppendInfo {
            first_offset: first,
            last_offset: last,
            max_timestamp: Timestamp::NONE,
            offset_of_max_timestamp: first,
            log_append_time: None,
            log_start_offset,
            batches: 0,
            records: 0,
            bytes: 0,
            duplicate: true,
        }
    }

    /// What writing `batches` (offsets assigned) did; the caller fills in the append time
    /// and the log start.
    fn written(batches: &[BatchInfo], records: u64, bytes: usize) -> AppendInfo {
        let first = batches[0].base_offset;
        let (max_timestamp, offset_of_max_timestamp) =
            batches
                .iter()
                .fold((Timestamp::NONE, first), |(ts, at), b| {
                    if b.max_timestamp > ts {
                        (b.max_timestamp, b.last_offset)
                    } else {
                        (ts, at)
                    }
                });
        AppendInfo {
            first_offset: first,
            last_offset: batches[batches.len() - 1].last_offset,
            max_timestamp,
            offset_of_max_timestamp,
            log_append_time: None,
            log_start_offset: Offset::ZERO,
            batches: batches.len(),
            records,
            bytes,
            duplicate: false,
        }
    }
}

impl Log {
    /// Validates `records` (one or more v2 batches laid end to end), assigns offsets and the
    /// leader epoch unless replicating, checks the producer state, and appends them to the
    /// active segment (rolling first if needed). The bytes are in the page cache on return;
    /// use [`Log::flush_to`] to wait until they are on disk. `records` is never modified or
    /// copied: the assigned fields are written from a copy of each batch's header, so it may
    /// be a slice of a buffer that others share.
    ///
    /// Producer checks (see [`crate::producer_state`]), all made under the log's lock so a
    /// check and its append cannot be separated: for [`AppendOrigin::Client`], a batch that
    /// repeats one of its producer's last five is answered with [`AppendInfo::duplicate`] and
    /// its original offsets; a sequence gap, an older producer epoch, a non-transactional
    /// batch inside a transaction, or (for [`AppendOrigin::Coordinator`] markers) an older
    /// coordinator epoch, or (for [`AppendOrigin::CoordinatorTv2`] markers) a producer epoch
    /// not above the producer's, is [`StorageError::ProducerState`] and nothing is written.
    /// Replicated batches are never refused by producer state.
    ///
    /// A client's transactional batches are not checked against verification guards here;
    /// the produce path appends with [`Log::append_verified`].
    pub fn append(
        self: &Arc<Self>,
        records: impl Into<Bytes>,
        origin: AppendOrigin,
    ) -> Result<AppendInfo> {
        self.append_checked(records.into(), origin, Verified::Unchecked)
    }

    /// A producer's records as [`Log::append`] with [`AppendOrigin::Client`], and KIP-890's
    /// check besides: a transactional batch that would start its producer's transaction here
    /// needs `guard`, taken by [`Log::start_verification`] before the coordinator was asked,
    /// to be still in place (`INVALID_TXN_STATE` otherwise, nothing written). See
    /// `producer_state/verification.rs`.
    pub fn append_verified(
        self: &Arc<Self>,
        records: impl Into<Bytes>,
        leader_epoch: LeaderEpoch,
        guard: Option<VerificationGuard>,
    ) -> Result<AppendInfo> {
        let origin = AppendOrigin::Client { leader_epoch };
        self.append_checked(records.into(), origin, Verified::Guard(guard))
    }

    /// The guard a transactional producer's write holds while the coordinator is asked
    /// whether this partition is in its transaction; `None` if the producer's transaction is
    /// open here already, so the write needs no asking.
    pub fn start_verification(
        &self,
        producer_id: ProducerId,
        epoch: i16,
        tv2: bool,
    ) -> Option<VerificationGuard> {
        let now = self.clock.now();
        self.state()
            .producer_state
            .start_verification(producer_id, epoch, tv2, now)
    }

    fn append_checked(
        self: &Arc<Self>,
        records: Bytes,
        origin: AppendOrigin,
        verified: Verified,
    ) -> Result<AppendInfo> {
        let config = self.config();
        let now = self.clock.now();
        let cx = ValidationContext {
            topic_partition: &self.topic_partition,
            config: &config,
            origin,
            now,
        };
        let validated = validate(&records, &cx)?;
        let mut st = self.state();
        self.usable(&st)?;
        let end_before = st.log_end_offset;
        // The config may have changed between validation and the lock; keys checked against
        // the old one are still acceptable, as in Kafka.
        let config = Arc::clone(&st.config);
        let mut batches = validated.batches;
        let mut heads = validated.heads;
        let append_time = place_batches(
            &st,
            &records,
            &mut heads,
            &mut batches,
            origin,
            &config,
            now,
        )?;
        if records.len() as u64 > config.segment_bytes {
            return Err(StorageError::RecordSetTooLarge {
                size: records.len(),
                max: config.segment_bytes as usize,
            });
        }
        let producer_batches: Vec<ProducerBatch> = validated
            .producer_batches
            .iter()
            .map(|&(i, b)| ProducerBatch {
                first_offset: batches[i].base_offset,
                last_offset: batches[i].last_offset,
                max_timestamp: batches[i].max_timestamp,
                ..b
            })
            .collect();
        let level = check_level(origin);
        if level == CheckLevel::Client
            && let Some((first_offset, last_offset)) =
                st.producer_state.find_duplicate(&producer_batches)
        {
            return Ok(AppendInfo::for_duplicate(
                first_offset,
                last_offset,
                st.log_start_offset,
            ));
        }
        if let Verified::Guard(guard) = verified {
            assert_eq!(
                level,
                CheckLevel::Client,
                "only a client's append is verified"
            );
            st.producer_state.check_verified(&producer_batches, guard)?;
        }
        let prepared = st.producer_state.prepare(&producer_batches, level)?;
        self.record_epochs(&mut st, &records, &batches, origin)?;
        self.write_locked(&mut st, &records, &heads, &batches, prepared, now)?;
        st.unflushed_messages += validated.records;
        st.first_unflushed_at.get_or_insert(now);
        let mut info = AppendInfo::written(&batches, validated.records, records.len());
        assert!(
            info.first_offset >= end_before && st.log_end_offset == info.next_offset(),
            "append of {}..={} to a log that ended at {end_before} now ends at {}",
            info.first_offset,
            info.last_offset,
            st.log_end_offset
        );
        info.log_append_time = append_time;
        info.log_start_offset = st.log_start_offset;
        let flush_now = config
            .flush_messages
            .is_some_and(|n| st.unflushed_messages >= n);
        drop(st);
        if flush_now {
            self.schedule_flush();
        }
        Ok(info)
    }

    /// Writes checked batches to the active segment (rolling first if needed), then applies
    /// their producer state and moves the log end past them. A failed write takes the log
    /// offline: the file is then in an unknown state.
    fn write_locked(
        &self,
        st: &mut LogState,
        records: &[u8],
        heads: &[BatchHead],
        batches: &[BatchInfo],
        prepared: PreparedAppend,
        now: Timestamp,
    ) -> Result<()> {
        let first = batches[0].base_offset;
        let last = batches[batches.len() - 1].last_offset;
        let config = Arc::clone(&st.config);
        if st.active().should_roll(&config, records.len(), last, now) {
            self.roll_locked(st, first)?;
        }
        if let Err(e) = st.active_mut().append(records, heads, batches) {
            st.offline = true;
            tracing::error!(partition = %self.topic_partition, error = %e,
                "append failed; the partition takes no more writes until restart");
            return Err(e);
        }
        // The gap a replicated set may leave before its first batch holds no producer data.
        st.producer_state.set_end_offset(first);
        let aborted = st.producer_state.commit(prepared);
        st.producer_state.set_end_offset(last.plus(1));
        for entry in aborted {
            if let Err(e) = st.active_mut().txn_index_mut().append(entry) {
                st.offline = true;
                tracing::error!(partition = %self.topic_partition, error = %e,
                    "transaction index append failed; the partition takes no more writes");
                return Err(e);
            }
        }
        st.log_end_offset = last.plus(1);
        st.snapshot_current = false;
        assert_eq!(
            st.active().next_offset(),
            st.log_end_offset,
            "the active segment does not end where the log does"
        );
        if cfg!(debug_assertions) {
            st.check_invariants();
        }
        Ok(())
    }

    fn record_epochs(
        &self,
        st: &mut LogState,
        records: &[u8],
        batches: &[BatchInfo],
        origin: AppendOrigin,
    ) -> Result<()> {
        match origin {
            AppendOrigin::Client { leader_epoch }
            | AppendOrigin::Coordinator { leader_epoch }
            | AppendOrigin::CoordinatorTv2 { leader_epoch } => {
                st.epochs.assign(leader_epoch, batches[0].base_offset)?;
            }
            AppendOrigin::Replication => {
                for b in batches {
                    let at = b.position_in_set + 12;
                    let epoch = i32::from_be_bytes([
                        records[at],
                        records[at + 1],
                        records[at + 2],
                        records[at + 3],
                    ]);
                    st.epochs.assign(LeaderEpoch(epoch), b.base_offset)?;
                }
            }
        }
        Ok(())
    }
}

/// Gives each batch its offsets as `origin` decides: assigned from the log end (with the
/// leader epoch, and the append time for LogAppendTime topics, which is returned), or kept
/// as replicated, which must continue the log.
fn place_batches(
    st: &LogState,
    records: &[u8],
    heads: &mut [BatchHead],
    batches: &mut [BatchInfo],
    origin: AppendOrigin,
    config: &LogConfig,
    now: Timestamp,
) -> Result<Option<Timestamp>> {
    match origin {
        AppendOrigin::Replication => {
            let first = batches[0].base_offset;
            if first < st.log_end_offset {
                return Err(StorageError::NonMonotonicOffset {
                    first,
                    log_end: st.log_end_offset,
                });
            }
            Ok(None)
        }
        AppendOrigin::Client { leader_epoch }
        | AppendOrigin::Coordinator { leader_epoch }
        | AppendOrigin::CoordinatorTv2 { leader_epoch } => {
            let stamp = config.message_timestamp_type == TimestampType::LogAppendTime;
            let append_time = stamp.then_some(now);
            assign_offsets(
                records,
                heads,
                batches,
                st.log_end_offset,
                leader_epoch,
                append_time,
            );
            Ok(append_time)
        }
    }
}

/// Whether a producer's append is held to KIP-890's verification guards.
#[derive(Debug, Clone, Copy)]
pub enum Verified {
    /// Not checked: the coordinators' own writes, and tests.
    Unchecked,
    /// The produce path: a batch that would start its producer's transaction needs this
    /// guard (taken by [`Log::start_verification`]) still in place.
    Guard(Option<VerificationGuard>),
}

fn check_level(origin: AppendOrigin) -> CheckLevel {
    match origin {
        AppendOrigin::Client { .. } => CheckLevel::Client,
        AppendOrigin::Coordinator { .. } => CheckLevel::Coordinator,
        AppendOrigin::CoordinatorTv2 { .. } => CheckLevel::CoordinatorTv2,
        AppendOrigin::Replication => CheckLevel::Replication,
    }
}

/// Writes offsets (and the leader epoch, and the append time if stamping) into each batch's
/// header copy; `records` holds the batches as received, for the CRC of a stamped one.
fn assign_offsets(
    records: &[u8],
    heads: &mut [BatchHead],
    batches: &mut [BatchInfo],
    mut next: Offset,
    epoch: LeaderEpoch,
    append_time: Option<Timestamp>,
) {
    assert_eq!(
        heads.len(),
        batches.len(),
        "a leader's append has a header per batch"
    );
    for (head, b) in heads.iter_mut().zip(batches.iter_mut()) {
        let delta = b.last_offset.0 - b.base_offset.0;
        set_base_offset(head, next.0);
        set_partition_leader_epoch(head, epoch.0);
        if let Some(now) = append_time {
            // Stamped on the header copy, then its CRC taken again over the whole batch.
            set_log_append_time(head, now.0);
            restamp_crc(
                head,
                &records[b.position_in_set..b.position_in_set + b.size],
            );
            b.max_timestamp = now;
        }
        b.base_offset = next;
        b.last_offset = next.plus(delta);
        next = b.last_offset.plus(1);
    }
}
