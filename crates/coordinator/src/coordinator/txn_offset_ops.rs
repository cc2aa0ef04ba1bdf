//! Transactional offset commits (TxnOffsetCommit, KIP-98 and KIP-447): offsets a
//! transactional producer commits on behalf of a consumer group, invisible to OffsetFetch
//! until the producer's transaction commits.
//!
//! The records are ordinary `OffsetCommit` records, but the broker appends them to
//! `__consumer_offsets` as one transactional batch of the producer (its producer id and
//! epoch), so the log itself says which transaction they belong to. Until the transaction
//! coordinator's marker reaches that `__consumer_offsets` partition the offsets wait here,
//! pending per producer id; the marker makes them committed (commit) or drops them (abort).
//! A pending offset only replaces the committed one if it was written after it, as Kafka
//! keeps the most recent of a mix of transactional and plain commits. Loading follows the
//! log: [`GroupCoordinator::replay_transactional`] for records of a transactional batch,
//! [`GroupCoordinator::replay_marker`] for each control batch.

use std::collections::{BTreeMap, BTreeSet};

use bytes::Bytes;
use strom_protocol::ErrorCode;
use strom_protocol::generated::txn_offset_commit_response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use strom_protocol::generated::{
    OffsetCommitKey, OffsetCommitValue, TxnOffsetCommitRequest, TxnOffsetCommitResponse,
};

use super::replay::ReplayOutcome;
use super::{Group, GroupCoordinator, OffsetAndMetadata, fits_record_string, valid_group_id};
use crate::classic::{ClassicGroup, ClassicGroupState as State};
use crate::effects::{Effects, PartitionRecord, RequestContext};
use crate::error::CoordinatorError;
use crate::record::{CoordinatorRecord, decode_record};
use crate::txn::{ProducerEpoch, ProducerId, TransactionResult};

/// Producers that may have transactional offsets pending at once, over all groups.
pub const MAX_OPEN_OFFSET_TRANSACTIONS: usize = 100_000;

/// An offset committed inside a transaction that has not ended yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingOffset {
    pub offset: OffsetAndMetadata,
    /// Position among every offset this coordinator applied, in log order: it decides which
    /// of a pending and a committed offset is newer.
    pub sequence: u64,
}

/// Pending offsets of one producer: group -> (topic, partition) -> offset.
pub type PendingOffsets = BTreeMap<String, BTreeMap<(String, i32), PendingOffset>>;

/// The transactional offset state of a group coordinator.
#[derive(Debug, Clone, Default)]
pub(crate) struct TxnOffsets {
    /// Pending offsets by producer id.
    pub pending: BTreeMap<ProducerId, PendingOffsets>,
    /// Producers with pending offsets, by group (for OffsetFetch `require_stable`).
    pub open_by_group: BTreeMap<String, BTreeSet<ProducerId>>,
    /// The log-order sequence of each committed offset.
    pub committed_sequence: BTreeMap<(String, String, i32), u64>,
    pub next_sequence: u64,
}

impl TxnOffsets {
    pub fn next_sequence(&mut self) -> u64 {
        self.next_sequence += 1;
        self.next_sequence
    }

    fn add_pending(
        &mut self,
        producer: ProducerId,
        group: &str,
        key: (String, i32),
        o: PendingOffset,
    ) {
        self.pending
            .entry(producer)
            .or_default()
            .entry(group.to_string())
            .or_default()
            .insert(key, o);
        self.open_by_group
            .entry(group.to_string())
            .or_default()
            .insert(producer);
    }

    /// Whether any open transaction has an offset pending for this partition of the group.
    pub fn has_pending(&self, group: &str, topic: &str, partition: i32) -> bool {
        let key = (topic.to_string(), partition);
        self.open_by_group.get(group).is_some_and(|producers| {
            producers.iter().any(|p| {
                self.pending
                    .get(p)
                    .and_then(|groups| groups.get(group))
                    .is_some_and(|offsets| offsets.contains_key(&key))
            })
        })
    }

    /// Removes and returns `producer`'s pending offsets of the groups `in_partition` accepts.
    fn take(
        &mut self,
        producer: ProducerId,
        in_partition: impl Fn(&str) -> bool,
    ) -> PendingOffsets {
        let Some(groups) = self.pending.get_mut(&producer) else {
            return PendingOffsets::new();
        };
        let taken: Vec<String> = groups.keys().filter(|g| in_partition(g)).cloned().collect();
        let mut out = PendingOffsets::new();
        for group in taken {
            if let Some(offsets) = groups.remove(&group) {
                out.insert(group.clone(), offsets);
            }
            if let Some(open) = self.open_by_group.get_mut(&group) {
                open.remove(&producer);
                if open.is_empty() {
                    self.open_by_group.remove(&group);
                }
            }
        }
        if groups.is_empty() {
            self.pending.remove(&producer);
        }
        out
    }

    /// Forgets everything of the groups `in_partition` accepts (unloading a partition).
    pub fn forget(&mut self, in_partition: impl Fn(&str) -> bool) {
        let producers: Vec<ProducerId> = self.pending.keys().copied().collect();
        for p in producers {
            self.take(p, &in_partition);
        }
        self.committed_sequence
            .retain(|(g, _, _), _| !in_partition(g));
    }
}

/// What TxnOffsetCommit decided.
///
/// Append `effects.records` to `__consumer_offsets` as **one transactional batch** of
/// `producer_id` at `producer_epoch` (never as plain records: the marker that ends the
/// transaction must cover them). Send `response` once those records are durable, or at once if
/// there are none. On a failed append answer every partition with the broker's error and
/// reload the partition, as for OffsetCommit.
#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitOutcome {
    pub producer_id: ProducerId,
    pub producer_epoch: ProducerEpoch,
    pub effects: Effects,
    pub response: TxnOffsetCommitResponse,
}

impl TxnOffsetCommitOutcome {
    /// The same response with every partition carrying `code` (a failed append).
    pub fn response_with_error(&self, code: ErrorCode) -> TxnOffsetCommitResponse {
        let mut r = self.response.clone();
        for p in r.topics.iter_mut().flat_map(|t| t.partitions.iter_mut()) {
            p.error_code = code as i16;
        }
        r
    }
}

/// Kafka's `ClassicGroup.validateOffsetCommit` with `isTransactional`: member and generation
/// are checked only when the request names them (TxnOffsetCommit before v3 cannot).
fn validate_classic_txn_commit(
    group: &ClassicGroup,
    member_id: &str,
    instance_id: Option<&str>,
    generation_id: i32,
) -> Result<(), ErrorCode> {
    if group.is_in(State::Dead) {
        return Err(ErrorCode::CoordinatorNotAvailable);
    }
    if generation_id < 0 && group.is_in(State::Empty) {
        return Ok(());
    }
    if generation_id >= 0 || !member_id.is_empty() || instance_id.is_some() {
        match instance_id {
            Some(instance) => match group.static_member_id(instance) {
                None => return Err(ErrorCode::UnknownMemberId),
                Some(existing) if existing != member_id => {
                    return Err(ErrorCode::FencedInstanceId);
                }
                Some(_) => {}
            },
            None if !group.members.contains_key(member_id) => {
                return Err(ErrorCode::UnknownMemberId);
            }
            None => {}
        }
        if generation_id != group.generation_id {
            return Err(ErrorCode::IllegalGeneration);
        }
    }
    Ok(())
}

impl GroupCoordinator {
    /// TxnOffsetCommit, every version: validated like Kafka's transactional commit, written
    /// as records of the producer's transaction, kept pending until
    /// [`GroupCoordinator::complete_transaction`].
    ///
    /// The broker checks first that the group's `__consumer_offsets` partition is in the
    /// producer's transaction (AddOffsetsToTxn; KIP-890 verification with
    /// [`crate::txn::TransactionCoordinator::add_partitions_to_txn`] `verify_only`), as Kafka
    /// does before it reaches the group coordinator.
    pub fn txn_offset_commit(
        &mut self,
        _ctx: &RequestContext,
        req: &TxnOffsetCommitRequest,
        now_ms: i64,
    ) -> TxnOffsetCommitOutcome {
        let producer_id = ProducerId(req.producer_id);
        let group_error = self.validate_txn_offset_commit(req, now_ms).err();
        let mut fx = Effects::default();
        let mut response = TxnOffsetCommitResponse::default();
        for topic in &req.topics {
            let mut partitions = Vec::new();
            for p in &topic.partitions {
                let metadata = p.committed_metadata.clone().unwrap_or_default();
                let error = if let Some(e) = group_error {
                    e
                } else if !fits_record_string(&topic.name) {
                    ErrorCode::InvalidTopicException
                } else if metadata.len() > self.config.offset_metadata_max_bytes {
                    ErrorCode::OffsetMetadataTooLarge
                } else if self.would_exceed_pending(
                    producer_id,
                    &req.group_id,
                    &topic.name,
                    p.partition_index,
                ) {
                    ErrorCode::InvalidCommitOffsetSize
                } else {
                    let value = OffsetCommitValue {
                        offset: p.committed_offset,
                        leader_epoch: p.committed_leader_epoch,
                        metadata,
                        commit_timestamp: now_ms,
                        expire_timestamp: -1,
                        ..Default::default()
                    };
                    self.apply_pending_offset(
                        producer_id,
                        &req.group_id,
                        &topic.name,
                        p.partition_index,
                        &value,
                    );
                    let key = OffsetCommitKey {
                        group: req.group_id.clone(),
                        topic: topic.name.clone(),
                        partition: p.partition_index,
                    };
                    let partition = self.partition_for(&req.group_id);
                    fx.records.push(PartitionRecord {
                        partition,
                        record: CoordinatorRecord::OffsetCommit(key, Some(value)),
                    });
                    ErrorCode::None
                };
                partitions.push(TxnOffsetCommitResponsePartition {
                    partition_index: p.partition_index,
                    error_code: error as i16,
                    ..Default::default()
                });
            }
            response.topics.push(TxnOffsetCommitResponseTopic {
                name: topic.name.clone(),
                partitions,
                ..Default::default()
            });
        }
        TxnOffsetCommitOutcome {
            producer_id,
            producer_epoch: ProducerEpoch(req.producer_epoch),
            effects: self.finish(fx),
            response,
        }
    }

    fn validate_txn_offset_commit(
        &mut self,
        req: &TxnOffsetCommitRequest,
        now_ms: i64,
    ) -> Result<(), ErrorCode> {
        if !valid_group_id(&req.group_id) {
            return Err(ErrorCode::InvalidGroupId);
        }
        if req.producer_id < 0 || req.producer_epoch < 0 {
            return Err(ErrorCode::InvalidProducerIdMapping);
        }
        let producer = ProducerId(req.producer_id);
        if !self.txn_offsets.pending.contains_key(&producer)
            && self.txn_offsets.pending.len() >= MAX_OPEN_OFFSET_TRANSACTIONS
        {
            return Err(ErrorCode::CoordinatorNotAvailable);
        }
        let generation = req.generation_id;
        let instance = req.group_instance_id.as_deref();
        match self.groups.get(&req.group_id) {
            None if generation < 0 => {
                if !self.can_create_group() {
                    return Err(ErrorCode::CoordinatorNotAvailable);
                }
                let mut group = ClassicGroup::new(&req.group_id, now_ms);
                group.current_state_timestamp_ms = None;
                self.groups
                    .insert(req.group_id.clone(), Group::Classic(group));
                Ok(())
            }
            None => Err(ErrorCode::IllegalGeneration),
            Some(Group::Classic(g)) => {
                validate_classic_txn_commit(g, &req.member_id, instance, generation)
            }
            Some(Group::Consumer(g)) => {
                if generation < 0 && g.members.is_empty() {
                    return Ok(());
                }
                if generation == -1 && req.member_id.is_empty() && instance.is_none() {
                    return Ok(());
                }
                let member = g
                    .members
                    .get(&req.member_id)
                    .ok_or(ErrorCode::UnknownMemberId)?;
                match generation.cmp(&member.member_epoch) {
                    std::cmp::Ordering::Greater => Err(ErrorCode::FencedMemberEpoch),
                    std::cmp::Ordering::Less => Err(ErrorCode::IllegalGeneration),
                    std::cmp::Ordering::Equal => Ok(()),
                }
            }
        }
    }

    fn would_exceed_pending(&self, producer: ProducerId, group: &str, topic: &str, p: i32) -> bool {
        let Some(offsets) = self
            .txn_offsets
            .pending
            .get(&producer)
            .and_then(|groups| groups.get(group))
        else {
            return false;
        };
        offsets.len() >= self.config.group_max_committed_partitions
            && !offsets.contains_key(&(topic.to_string(), p))
    }

    fn apply_pending_offset(
        &mut self,
        producer: ProducerId,
        group_id: &str,
        topic: &str,
        partition: i32,
        value: &OffsetCommitValue,
    ) {
        let sequence = self.txn_offsets.next_sequence();
        let offset = OffsetAndMetadata {
            offset: value.offset,
            leader_epoch: value.leader_epoch,
            metadata: value.metadata.clone(),
            commit_timestamp_ms: value.commit_timestamp,
            expire_timestamp_ms: (value.expire_timestamp >= 0).then_some(value.expire_timestamp),
        };
        self.txn_offsets.add_pending(
            producer,
            group_id,
            (topic.to_string(), partition),
            PendingOffset { offset, sequence },
        );
    }

    /// The transaction of `producer_id` ended on `__consumer_offsets` partition
    /// `offsets_partition`: the broker wrote (or, loading, read) its marker there. On commit
    /// the producer's pending offsets of that partition's groups become committed (unless a
    /// later plain commit superseded them); on abort they are dropped.
    pub fn complete_transaction(
        &mut self,
        offsets_partition: i32,
        producer_id: ProducerId,
        result: TransactionResult,
        now_ms: i64,
    ) -> Effects {
        let committed_any = self.end_pending(offsets_partition, producer_id, result);
        if committed_any {
            self.ensure_offset_expiration_timer(now_ms);
        }
        self.finish(Effects::default())
    }

    /// Loading: a control batch (marker) of `producer_id` read from `__consumer_offsets`
    /// partition `offsets_partition`. Timers are armed by `complete_load` as usual.
    pub fn replay_marker(
        &mut self,
        offsets_partition: i32,
        producer_id: ProducerId,
        result: TransactionResult,
    ) {
        self.end_pending(offsets_partition, producer_id, result);
    }

    fn end_pending(
        &mut self,
        offsets_partition: i32,
        producer_id: ProducerId,
        result: TransactionResult,
    ) -> bool {
        let partitions = self.config.offsets_topic_num_partitions;
        let taken = self.txn_offsets.take(producer_id, |g| {
            crate::record::partition_for(g, partitions) == offsets_partition
        });
        if result == TransactionResult::Abort {
            return false;
        }
        let mut committed_any = false;
        for (group, offsets) in taken {
            for ((topic, partition), pending) in offsets {
                let key = (group.clone(), topic.clone(), partition);
                let newer = self
                    .txn_offsets
                    .committed_sequence
                    .get(&key)
                    .is_none_or(|&seq| pending.sequence > seq);
                let still_exists = self.groups.contains_key(&group);
                if newer && still_exists {
                    self.offsets
                        .entry(group.clone())
                        .or_default()
                        .insert((topic, partition), pending.offset);
                    self.txn_offsets
                        .committed_sequence
                        .insert(key, pending.sequence);
                    committed_any = true;
                }
            }
        }
        committed_any
    }

    /// Loading: one record read from a transactional batch of `producer_id` in
    /// `__consumer_offsets`. Offset commits become pending; anything else replays as usual.
    pub fn replay_transactional(
        &mut self,
        producer_id: ProducerId,
        key: &Bytes,
        value: Option<&Bytes>,
    ) -> Result<ReplayOutcome, CoordinatorError> {
        self.mix_member_id_state(key);
        self.mix_member_id_state(value.map_or(&[][..], |v| &v[..]));
        let record = match decode_record(key, value) {
            Ok(record) => record,
            Err(CoordinatorError::UnknownRecordType { .. }) => return Ok(ReplayOutcome::Skipped),
            Err(e) => return Err(e),
        };
        match &record {
            CoordinatorRecord::OffsetCommit(k, Some(v)) => {
                if !self.groups.contains_key(&k.group) {
                    let mut group = ClassicGroup::new(&k.group, 0);
                    group.current_state_timestamp_ms = None;
                    self.groups.insert(k.group.clone(), Group::Classic(group));
                }
                self.apply_pending_offset(producer_id, &k.group, &k.topic, k.partition, v);
            }
            other => self.replay_record(other),
        }
        Ok(ReplayOutcome::Applied)
    }

    /// The offsets `producer_id` has pending, by group (diagnostics and tests).
    pub fn pending_transactional_offsets(
        &self,
        producer_id: ProducerId,
    ) -> Option<&PendingOffsets> {
        self.txn_offsets.pending.get(&producer_id)
    }
}
