//! Leader appends and the acks wait.
//!
//! [`ReplicaManager::append_records`] appends each partition's record set to its log as
//! leader, under the partition's state lock (so the leader epoch stamped into the batches is
//! the partition's at that moment), asks for a flush (the high watermark follows it), and
//! returns a [`PendingAppend`]. Its [`PendingAppend::wait`] is the acks wait: with
//! [`RequiredAcks::All`] each appended partition waits, as a delayed produce, until its high
//! watermark passes what was appended. An idempotent producer's retry of a batch already in
//! the log is answered with the original's offsets and waits the same way for the original,
//! so a retry is never acknowledged before the first attempt is durable.
//!
//! The two halves are separate so that the caller can release its connection's turn (the
//! next pipelined produce may append) before it waits for the disk.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use strom_storage::{
    AppendInfo, LeaderEpoch, Offset, ProducerId, TopicPartition, VerificationGuard, Verified,
};
use tokio::sync::oneshot;

use super::delayed::ProduceOutcome;
use super::hosted::check_leader_locked;
use super::{HostedPartition, PartitionError, ReplicaManager};

/// Who appends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendOrigin {
    /// A producer: control batches are refused.
    Client,
    /// The broker itself (coordinator records, transaction markers).
    Coordinator,
    /// Transaction markers of a transaction at transaction version 2: the marker's producer
    /// epoch must be above the producer's (see the storage crate's `AppendOrigin`).
    CoordinatorTv2,
}

/// How durable an append must be before it is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequiredAcks {
    /// acks=0: not answered at all.
    None,
    /// acks=1: answered once the leader appended (page cache).
    Leader,
    /// acks=all: answered once the high watermark passes it (every in-sync replica has it
    /// on disk).
    All,
}

/// One partition's append: what the log did, or why it refused.
pub type Appended = Result<AppendInfo, PartitionError>;

/// Appends made, and the acks wait still to do.
#[derive(Debug)]
pub struct PendingAppend {
    results: Vec<(TopicPartition, Appended)>,
    /// (index into `results`, the high watermark it needs, its receiver, its partition).
    waits: Vec<(
        usize,
        Offset,
        oneshot::Receiver<ProduceOutcome>,
        Arc<HostedPartition>,
    )>,
}

impl ReplicaManager {
    /// Appends each record set to its partition as leader. Synchronous: the bytes reach the
    /// page cache before it returns; see [`PendingAppend::wait`] for the acks.
    ///
    /// A client's transactional batches are not held to verification guards here; the
    /// produce path appends with [`ReplicaManager::append_produced`].
    pub fn append_records(
        &self,
        origin: AppendOrigin,
        acks: RequiredAcks,
        entries: Vec<(TopicPartition, impl Into<Bytes>)>,
    ) -> PendingAppend {
        let entries = entries.into_iter().map(|(tp, records)| {
            let verified = Verified::Unchecked;
            (tp, records.into(), verified)
        });
        self.append_all(origin, acks, entries)
    }

    /// A producer's record sets, as [`ReplicaManager::append_records`] with
    /// [`AppendOrigin::Client`], each with the verification guard its partition's
    /// transactional batch holds (KIP-890; `None` when no guard was taken): a batch that
    /// would start its producer's transaction in a partition is refused with
    /// `INVALID_TXN_STATE` unless its guard is still in place there.
    pub fn append_produced(
        &self,
        acks: RequiredAcks,
        entries: Vec<(TopicPartition, Bytes, Option<VerificationGuard>)>,
    ) -> PendingAppend {
        let entries = entries
            .into_iter()
            .map(|(tp, records, guard)| (tp, records, Verified::Guard(guard)));
        self.append_all(AppendOrigin::Client, acks, entries)
    }

    /// The verification guard a transactional producer's write to `tp` holds while its
    /// transaction coordinator is asked whether `tp` is in its transaction; `None` when the
    /// producer's transaction is open in `tp` already (no asking needed). Only a leader
    /// hands out guards.
    pub fn start_txn_verification(
        &self,
        tp: &TopicPartition,
        producer_id: i64,
        producer_epoch: i16,
        tv2: bool,
    ) -> Result<Option<VerificationGuard>, PartitionError> {
        let hosted = self.leader(tp, LeaderEpoch::UNKNOWN)?;
        let guard = hosted
            .log()
            .start_verification(ProducerId(producer_id), producer_epoch, tv2);
        Ok(guard)
    }

    fn append_all(
        &self,
        origin: AppendOrigin,
        acks: RequiredAcks,
        entries: impl ExactSizeIterator<Item = (TopicPartition, Bytes, Verified)>,
    ) -> PendingAppend {
        let mut pending = PendingAppend {
            results: Vec::with_capacity(entries.len()),
            waits: Vec::new(),
        };
        for (tp, records, verified) in entries {
            let appended = self
                .hosted(&tp)
                .ok_or_else(|| PartitionError::UnknownTopicOrPartition(tp.clone()))
                .and_then(|hosted| {
                    if acks == RequiredAcks::All {
                        check_min_isr(&hosted, false)?;
                    }
                    let info = self.append_to(&hosted, origin, records, verified)?;
                    if acks == RequiredAcks::All {
                        let required = info.next_offset();
                        let rx = hosted
                            .delayed
                            .wait_for_high_watermark(required, |waiting| {
                                PartitionError::TooManyWaiters {
                                    tp: tp.clone(),
                                    waiting,
                                    limit: super::delayed::PRODUCE_WAITERS_MAX,
                                }
                            })?;
                        pending.waits.push((
                            pending.results.len(),
                            required,
                            rx,
                            Arc::clone(&hosted),
                        ));
                    }
                    Ok(info)
                });
            pending.results.push((tp, appended));
        }
        pending
    }

    /// One partition's append under its state lock.
    fn append_to(
        &self,
        hosted: &Arc<HostedPartition>,
        origin: AppendOrigin,
        records: Bytes,
        verified: Verified,
    ) -> Result<AppendInfo, PartitionError> {
        let log = Arc::clone(hosted.log());
        let mut state = hosted.state();
        check_leader_locked(
            hosted.topic_partition(),
            &state,
            LeaderEpoch::UNKNOWN,
            hosted.is_stopped(),
        )?;
        let leader_epoch = state.leader_epoch();
        let storage_origin = match origin {
            AppendOrigin::Client => strom_storage::AppendOrigin::Client { leader_epoch },
            AppendOrigin::Coordinator => strom_storage::AppendOrigin::Coordinator { leader_epoch },
            AppendOrigin::CoordinatorTv2 => {
                strom_storage::AppendOrigin::CoordinatorTv2 { leader_epoch }
            }
        };
        let info = match verified {
            Verified::Guard(guard) => {
                assert_eq!(
                    origin,
                    AppendOrigin::Client,
                    "only a producer's append is verified"
                );
                log.append_verified(records, leader_epoch, guard)?
            }
            Verified::Unchecked => log.append(records, storage_origin)?,
        };
        if !info.duplicate {
            assert!(
                info.first_offset <= info.last_offset,
                "{}: append of no records",
                hosted.topic_partition()
            );
            hosted.local_log_changed_locked(&mut state, self.now_ms());
        }
        drop(state);
        if !info.duplicate {
            hosted.delayed.wake_replica_fetches();
        }
        if log.recovery_point() < info.next_offset() {
            // The high watermark follows the flush: every append asks for one. Flushes are
            // grouped, so this costs one fsync per flusher pass, not one per append.
            log.schedule_flush();
        }
        Ok(info)
    }
}

/// acks=all needs `min.insync.replicas` in the ISR: before appending
/// (`NOT_ENOUGH_REPLICAS`, nothing written) and again once the records are committed
/// (`NOT_ENOUGH_REPLICAS_AFTER_APPEND`: written, but held by fewer replicas than asked), as
/// Kafka answers.
fn check_min_isr(hosted: &HostedPartition, after_append: bool) -> Result<(), PartitionError> {
    let (isr, min) = hosted.isr_size_and_minimum();
    if isr >= min {
        return Ok(());
    }
    let tp = hosted.topic_partition().clone();
    Err(if after_append {
        PartitionError::NotEnoughReplicasAfterAppend { tp, isr, min }
    } else {
        PartitionError::NotEnoughReplicas { tp, isr, min }
    })
}

impl PendingAppend {
    /// What each partition's append did (before the acks wait).
    pub fn results(&self) -> &[(TopicPartition, Appended)] {
        &self.results
    }

    /// This pending append, or the first partition's refusal if any was refused.
    pub fn into_first_error(self) -> Result<PendingAppend, (TopicPartition, PartitionError)> {
        let Some(at) = self.results.iter().position(|(_, r)| r.is_err()) else {
            return Ok(self);
        };
        let mut results = self.results;
        let (tp, refused) = results.swap_remove(at);
        Err((
            tp,
            refused
                .err()
                .unwrap_or_else(|| unreachable!("position found an error")),
        ))
    }

    /// The high watermarks the acks wait needs, in partition order (tests).
    #[cfg(test)]
    pub(super) fn required_offsets(&self) -> Vec<Offset> {
        self.waits
            .iter()
            .map(|(_, required, _, _)| *required)
            .collect()
    }

    /// Whether any partition appended new records.
    pub fn appended_any(&self) -> bool {
        self.results
            .iter()
            .any(|(_, r)| r.as_ref().is_ok_and(|info| !info.duplicate))
    }

    /// Waits, up to `timeout`, for every acks=all partition's high watermark; a partition
    /// that does not get there in time is [`PartitionError::RequestTimedOut`].
    pub async fn wait(self, timeout: Duration) -> Vec<(TopicPartition, Appended)> {
        let PendingAppend { mut results, waits } = self;
        let deadline = tokio::time::Instant::now() + timeout;
        for (index, required, rx, hosted) in waits {
            let outcome = match tokio::time::timeout_at(deadline, rx).await {
                Ok(Ok(outcome)) => outcome
                    .map(|hw| assert!(hw >= required))
                    .and_then(|()| check_min_isr(&hosted, true)),
                Ok(Err(_)) => Err(PartitionError::Stopped(results[index].0.clone())),
                Err(_) => Err(PartitionError::RequestTimedOut(results[index].0.clone())),
            };
            if let Err(e) = outcome {
                results[index].1 = Err(e);
            }
        }
        results
    }
}
