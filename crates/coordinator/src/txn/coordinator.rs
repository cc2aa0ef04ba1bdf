//! `TransactionCoordinator`: every transactional id of the `__transaction_state` partitions
//! this broker leads, as one state machine without I/O.
//!
//! Like the group coordinator, in-memory state moves as soon as a call decides, and the
//! broker withholds `responses_after_persist` and `markers` until the records are durable (and
//! reloads the partition if they never become so). Kafka instead holds a "pending state" while
//! an append is in flight and answers `CONCURRENT_TRANSACTIONS` to anything that races it;
//! here a racing request is decided against the newer state and its answer waits behind the
//! earlier append, which is the same outcome a client can observe.
//!
//! The life of a transaction: InitProducerId (Empty, epoch bumped) -> AddPartitionsToTxn or
//! AddOffsetsToTxn (Ongoing) -> EndTxn (PrepareCommit / PrepareAbort, answered once durable)
//! -> the broker writes a marker to every partition -> `markers_written` (CompleteCommit /
//! CompleteAbort). A transaction that outlives its timeout, or whose transactional id is
//! initialised again while it is open, is aborted with the producer epoch bumped, which
//! fences the producer that opened it.

use std::collections::BTreeMap;

use strom_protocol::ErrorCode;
use strom_protocol::generated::{
    EndTxnRequest, EndTxnResponse, InitProducerIdRequest, InitProducerIdResponse,
};

use super::config::TransactionCoordinatorConfig;
use super::effects::{
    MarkerRequest, TxnEffects, TxnPartitionRecord, TxnReply, TxnResponse, TxnTimer, TxnTimerKind,
};
use super::error::ProducerIdError;
use super::metadata::{
    CoordinatorEpoch, ProducerEpoch, ProducerId, TransactionMetadata, TransactionResult,
    TransactionState, TransactionVersion,
};
use super::record::TransactionRecord;
use super::shape::fit_to_version;
use crate::effects::RequestContext;
use crate::record::partition_for;
use crate::timers::Timers;

/// Longest transactional id accepted: it must fit a Kafka `string` in the record key.
pub const TRANSACTIONAL_ID_MAX_BYTES: usize = i16::MAX as usize;

/// Where producer ids come from. The broker owns the allocator (blocks from the controller,
/// shared with InitProducerId requests that carry no transactional id); tests use a counter.
pub trait ProducerIdSource: Send {
    fn next_producer_id(&mut self) -> Result<ProducerId, ProducerIdError>;
}

/// Whether this coordinator serves a `__transaction_state` partition yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartitionLoad {
    /// Records are being replayed: requests get `COORDINATOR_LOAD_IN_PROGRESS`.
    Loading(CoordinatorEpoch),
    /// Serving, as leader at this epoch.
    Loaded(CoordinatorEpoch),
}

/// The transaction coordinator of this broker.
pub struct TransactionCoordinator {
    pub(super) config: TransactionCoordinatorConfig,
    producer_ids: Box<dyn ProducerIdSource>,
    pub(super) transactions: BTreeMap<String, TransactionMetadata>,
    pub(super) partitions: BTreeMap<i32, PartitionLoad>,
    pub(super) timers: Timers<TxnTimerKind, TxnTimer>,
}

impl std::fmt::Debug for TransactionCoordinator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TransactionCoordinator")
            .field("config", &self.config)
            .field("transactions", &self.transactions)
            .field("partitions", &self.partitions)
            .finish_non_exhaustive()
    }
}

impl TransactionCoordinator {
    pub fn new(
        config: TransactionCoordinatorConfig,
        producer_ids: Box<dyn ProducerIdSource>,
    ) -> Self {
        assert!(config.transaction_state_log_num_partitions > 0);
        assert!(config.offsets_topic_num_partitions > 0);
        assert!(config.transaction_max_timeout_ms > 0);
        assert!(config.transaction_remove_expired_transaction_cleanup_interval_ms > 0);
        TransactionCoordinator {
            config,
            producer_ids,
            transactions: BTreeMap::new(),
            partitions: BTreeMap::new(),
            timers: Timers::default(),
        }
    }

    pub fn config(&self) -> &TransactionCoordinatorConfig {
        &self.config
    }

    /// The `__transaction_state` partition of a transactional id (Kafka's
    /// `abs(hashCode) % transaction.state.log.num.partitions`).
    pub fn partition_for(&self, transactional_id: &str) -> i32 {
        partition_for(
            transactional_id,
            self.config.transaction_state_log_num_partitions,
        )
    }

    /// The `__consumer_offsets` partition of a group, as AddOffsetsToTxn adds it.
    pub fn offsets_partition_for(&self, group_id: &str) -> i32 {
        partition_for(group_id, self.config.offsets_topic_num_partitions)
    }

    pub fn transaction(&self, transactional_id: &str) -> Option<&TransactionMetadata> {
        self.transactions.get(transactional_id)
    }

    pub fn transactions(&self) -> impl Iterator<Item = &TransactionMetadata> {
        self.transactions.values()
    }

    pub fn partition_load(&self, partition: i32) -> Option<PartitionLoad> {
        self.partitions.get(&partition).copied()
    }

    /// When [`TransactionCoordinator::tick`] next has work.
    pub fn next_deadline_ms(&self) -> Option<i64> {
        self.timers.next_deadline_ms()
    }

    /// The deadline armed for a timer, if any (for tests and diagnostics).
    pub fn timer_deadline_ms(&self, kind: &TxnTimerKind) -> Option<i64> {
        self.timers.deadline(kind)
    }

    /// The coordinator epoch for an id's partition, or why requests for it cannot be served.
    pub(super) fn coordinator_epoch(
        &self,
        transactional_id: &str,
    ) -> Result<CoordinatorEpoch, ErrorCode> {
        match self.partitions.get(&self.partition_for(transactional_id)) {
            None => Err(ErrorCode::NotCoordinator),
            Some(PartitionLoad::Loading(_)) => Err(ErrorCode::CoordinatorLoadInProgress),
            Some(PartitionLoad::Loaded(epoch)) => Ok(*epoch),
        }
    }

    pub(super) fn finish(&mut self, mut fx: TxnEffects) -> TxnEffects {
        fx.timers = self.timers.take_armed();
        fx
    }

    /// Appends the record of an id's metadata as it now stands.
    pub(super) fn persist(&self, transactional_id: &str, fx: &mut TxnEffects) {
        let metadata = &self.transactions[transactional_id];
        fx.records.push(TxnPartitionRecord {
            partition: self.partition_for(transactional_id),
            record: TransactionRecord::from_metadata(metadata),
        });
    }

    /// Arms the timeout of an ongoing transaction, or cancels it in any other state.
    pub(super) fn update_timeout_timer(&mut self, transactional_id: &str) {
        let kind = TxnTimerKind::TransactionTimeout {
            transactional_id: transactional_id.to_string(),
        };
        let deadline = self
            .transactions
            .get(transactional_id)
            .and_then(TransactionMetadata::timeout_deadline_ms);
        match deadline {
            Some(at) if self.timers.deadline(&kind) != Some(at) => self.timers.schedule(kind, at),
            Some(_) => {}
            None => self.timers.cancel(&kind),
        }
    }

    /// Arms the periodic search for expired ids if it is not running.
    pub(super) fn ensure_expiration_timer(&mut self, now_ms: i64) {
        let kind = TxnTimerKind::TransactionalIdExpiration;
        if self.timers.deadline(&kind).is_none() {
            let interval = self
                .config
                .transaction_remove_expired_transaction_cleanup_interval_ms;
            self.timers.schedule(kind, now_ms.saturating_add(interval));
        }
    }

    fn next_producer_id(&mut self) -> Result<ProducerId, ErrorCode> {
        let id = self
            .producer_ids
            .next_producer_id()
            .map_err(|e| e.error_code())?;
        assert!(id.0 >= 0, "producer id source returned {id:?}");
        Ok(id)
    }

    /// InitProducerId with a transactional id (and, for the broker's convenience, without
    /// one: a fresh producer id at epoch 0, as Kafka answers idempotent producers).
    pub fn init_producer_id(
        &mut self,
        ctx: &RequestContext,
        req: &InitProducerIdRequest,
        now_ms: i64,
    ) -> TxnEffects {
        let mut fx = TxnEffects::default();
        let response = match self.init_producer_id_inner(ctx.api_version, req, now_ms, &mut fx) {
            Ok((producer_id, producer_epoch)) => InitProducerIdResponse {
                error_code: 0,
                producer_id: producer_id.0,
                producer_epoch: producer_epoch.0,
                ..Default::default()
            },
            Err(error) => InitProducerIdResponse {
                error_code: error as i16,
                producer_id: -1,
                producer_epoch: -1,
                ..Default::default()
            },
        };
        fx.responses_after_persist
            .push(reply(ctx, TxnResponse::InitProducerId(response)));
        self.finish(fx)
    }

    fn init_producer_id_inner(
        &mut self,
        version: i16,
        req: &InitProducerIdRequest,
        now_ms: i64,
        fx: &mut TxnEffects,
    ) -> Result<(ProducerId, ProducerEpoch), ErrorCode> {
        let Some(id) = req.transactional_id.as_deref() else {
            return Ok((self.next_producer_id()?, ProducerEpoch(0)));
        };
        if id.is_empty() || id.len() > TRANSACTIONAL_ID_MAX_BYTES {
            return Err(ErrorCode::InvalidRequest);
        }
        let timeout = req.transaction_timeout_ms;
        if timeout <= 0 || timeout > self.config.transaction_max_timeout_ms {
            return Err(ErrorCode::InvalidTransactionTimeout);
        }
        // KIP-360: v3+ may name the producer id and epoch it had; both or neither.
        let expected = match (version >= 3, req.producer_id, req.producer_epoch) {
            (false, _, _) | (true, -1, -1) => None,
            (true, -1, _) | (true, _, -1) => return Err(ErrorCode::InvalidRequest),
            (true, pid, epoch) => Some((ProducerId(pid), ProducerEpoch(epoch))),
        };
        self.coordinator_epoch(id)?;
        if !self.transactions.contains_key(id) {
            if self.transactions.len() >= self.config.max_transactional_ids {
                return Err(ErrorCode::CoordinatorNotAvailable);
            }
            let producer_id = self.next_producer_id()?;
            let metadata = TransactionMetadata::new(id, producer_id, timeout, now_ms);
            self.transactions.insert(id.to_string(), metadata);
            self.ensure_expiration_timer(now_ms);
        }
        let metadata = &self.transactions[id];
        if let Some((pid, epoch)) = expected {
            let valid = metadata.producer_epoch == ProducerEpoch::NONE
                || pid == metadata.producer_id
                || (pid == metadata.last_producer_id && epoch.is_exhausted());
            if !valid {
                return Err(ErrorCode::ProducerFenced);
            }
        }
        match metadata.state {
            TransactionState::PrepareCommit | TransactionState::PrepareAbort => {
                Err(ErrorCode::ConcurrentTransactions)
            }
            TransactionState::Ongoing => {
                // Abort the open transaction first, fencing its producer. The bumped epoch is
                // never handed out: the client retries on CONCURRENT_TRANSACTIONS and that
                // retry bumps again (or rotates the producer id if the fence exhausted it).
                self.fence_and_abort(id, now_ms, fx);
                Err(ErrorCode::ConcurrentTransactions)
            }
            TransactionState::Empty
            | TransactionState::CompleteCommit
            | TransactionState::CompleteAbort => {
                self.bump_producer(id, timeout, expected, now_ms)?;
                self.persist(id, fx);
                let metadata = &self.transactions[id];
                Ok((metadata.producer_id, metadata.producer_epoch))
            }
            TransactionState::Dead | TransactionState::PrepareEpochFence => {
                unreachable!("metadata of {id:?} rests in {:?}", metadata.state)
            }
        }
    }

    /// Kafka's `prepareIncrementProducerEpoch` and `prepareProducerIdRotation`: a new epoch, or
    /// a new producer id once epochs run out, or the same answer again for a retry.
    fn bump_producer(
        &mut self,
        id: &str,
        timeout: i32,
        expected: Option<(ProducerId, ProducerEpoch)>,
        now_ms: i64,
    ) -> Result<(), ErrorCode> {
        let metadata = &self.transactions[id];
        let current = metadata.producer_epoch;
        let rotate = current.is_exhausted() && expected.is_none_or(|(_, epoch)| epoch == current);
        if rotate {
            let new_id = self.next_producer_id()?;
            let metadata = self.transactions.get_mut(id).expect("checked above");
            metadata.last_producer_id = metadata.producer_id;
            metadata.producer_id = new_id;
            metadata.last_producer_epoch = if expected.is_some() {
                current
            } else {
                ProducerEpoch::NONE
            };
            metadata.producer_epoch = ProducerEpoch(0);
        } else {
            let (next, last) = match expected {
                None => (current.bumped(), ProducerEpoch::NONE),
                Some((_, epoch)) if current == ProducerEpoch::NONE || epoch == current => {
                    (current.bumped(), current)
                }
                // A retry of a bump whose answer was lost: the same epoch again.
                Some((_, epoch)) if epoch == metadata.last_producer_epoch => {
                    (current, metadata.last_producer_epoch)
                }
                Some(_) => return Err(ErrorCode::ProducerFenced),
            };
            // A client may get the last epoch before `i16::MAX` (the next init rotates the
            // producer id); `i16::MAX` itself is kept for fencing.
            assert!(next.0 < i16::MAX || next == current, "bumped into {next:?}");
            let metadata = self.transactions.get_mut(id).expect("checked above");
            metadata.producer_epoch = next;
            metadata.last_producer_epoch = last;
        }
        let metadata = self.transactions.get_mut(id).expect("checked above");
        metadata.txn_timeout_ms = timeout;
        metadata.partitions.clear();
        metadata.txn_start_timestamp_ms = -1;
        metadata.transition_to(TransactionState::Empty, now_ms);
        Ok(())
    }

    /// Aborts an ongoing transaction with the producer epoch bumped (Kafka's
    /// PrepareEpochFence followed by PrepareAbort), so the producer that opened it is fenced.
    pub(super) fn fence_and_abort(&mut self, id: &str, now_ms: i64, fx: &mut TxnEffects) {
        let metadata = self.transactions.get_mut(id).expect("fencing a known id");
        assert_eq!(metadata.state, TransactionState::Ongoing);
        // Kafka bumps once to fence, and at transaction version 2 once more as the abort ends
        // the transaction: the fenced producer's own EndTxn, one epoch behind the fence, must
        // not pass for a retry of an EndTxn that bumped. Capped at `i16::MAX` (which the next
        // InitProducerId rotates away from); an epoch already there can only come from a
        // damaged log, and is aborted without a bump.
        let bumps = if metadata.client_transaction_version.supports_epoch_bump() {
            2
        } else {
            1
        };
        metadata.producer_epoch = ProducerEpoch(metadata.producer_epoch.0.saturating_add(bumps));
        metadata.last_producer_epoch = ProducerEpoch::NONE;
        metadata.transition_to(TransactionState::PrepareAbort, now_ms);
        self.update_timeout_timer(id);
        self.persist(id, fx);
        self.send_markers(id, now_ms, fx);
    }

    /// Issues the markers of a transaction in PrepareCommit or PrepareAbort, or completes it
    /// at once if no partition is left to mark.
    pub(super) fn send_markers(&mut self, id: &str, now_ms: i64, fx: &mut TxnEffects) {
        let partition = self.partition_for(id);
        let coordinator_epoch = match self.partitions.get(&partition) {
            Some(PartitionLoad::Loaded(e) | PartitionLoad::Loading(e)) => *e,
            None => unreachable!("markers for {id:?} of a partition not owned"),
        };
        let metadata = &self.transactions[id];
        let result = match metadata.state {
            TransactionState::PrepareCommit => TransactionResult::Commit,
            TransactionState::PrepareAbort => TransactionResult::Abort,
            other => unreachable!("markers for {id:?} in {other:?}"),
        };
        if metadata.partitions.is_empty() {
            self.complete(id, now_ms, fx);
            return;
        }
        fx.markers.push(MarkerRequest {
            transactional_id: id.to_string(),
            producer_id: metadata.producer_id,
            producer_epoch: metadata.producer_epoch,
            coordinator_epoch,
            result,
            partitions: metadata.partitions.iter().cloned().collect(),
            transaction_version: metadata.client_transaction_version,
        });
    }

    /// Every marker is written: CompleteCommit or CompleteAbort.
    fn complete(&mut self, id: &str, now_ms: i64, fx: &mut TxnEffects) {
        let metadata = self
            .transactions
            .get_mut(id)
            .expect("completing a known id");
        let state = match metadata.state {
            TransactionState::PrepareCommit => TransactionState::CompleteCommit,
            TransactionState::PrepareAbort => TransactionState::CompleteAbort,
            other => unreachable!("completing {id:?} in {other:?}"),
        };
        metadata.partitions.clear();
        // Transaction version 2, epochs used up: the client already holds the next producer
        // id at epoch 0 (the last epoch it saw stays as `last_producer_epoch`).
        if metadata.next_producer_id != ProducerId::NONE {
            metadata.last_producer_id = metadata.producer_id;
            metadata.producer_id = metadata.next_producer_id;
            metadata.producer_epoch = ProducerEpoch(0);
            metadata.next_producer_id = ProducerId::NONE;
        }
        metadata.transition_to(state, now_ms);
        self.persist(id, fx);
    }

    /// Whether a marker request still describes the transaction it was issued for (the
    /// partition may have been reloaded, the transaction completed by an earlier report).
    fn marker_is_current(&self, marker: &MarkerRequest) -> bool {
        let Some(metadata) = self.transactions.get(&marker.transactional_id) else {
            return false;
        };
        let partition = self.partition_for(&marker.transactional_id);
        self.partitions.get(&partition) == Some(&PartitionLoad::Loaded(marker.coordinator_epoch))
            && metadata.producer_id == marker.producer_id
            && metadata.producer_epoch == marker.producer_epoch
            && metadata.state == marker.prepare_state()
    }

    /// The broker wrote every marker of `marker` (a partition whose topic was deleted counts
    /// as written). Writes CompleteCommit or CompleteAbort; a stale request changes nothing.
    pub fn markers_written(&mut self, marker: &MarkerRequest, now_ms: i64) -> TxnEffects {
        let mut fx = TxnEffects::default();
        if self.marker_is_current(marker) {
            let id = marker.transactional_id.as_str();
            let metadata = self.transactions.get_mut(id).expect("checked current");
            for tp in &marker.partitions {
                metadata.partitions.remove(tp);
            }
            if metadata.partitions.is_empty() {
                self.complete(id, now_ms, &mut fx);
            }
        }
        self.finish(fx)
    }

    /// The broker wrote the marker of one partition of `marker`. DescribeTransactions then
    /// lists only the partitions still to be marked; the last one completes the transaction.
    pub fn marker_partition_written(
        &mut self,
        marker: &MarkerRequest,
        partition: &super::metadata::TopicPartition,
        now_ms: i64,
    ) -> TxnEffects {
        let mut fx = TxnEffects::default();
        if self.marker_is_current(marker) {
            let id = marker.transactional_id.as_str();
            let metadata = self.transactions.get_mut(id).expect("checked current");
            if metadata.partitions.remove(partition) && metadata.partitions.is_empty() {
                self.complete(id, now_ms, &mut fx);
            }
        }
        self.finish(fx)
    }

    /// EndTxn: Ongoing -> PrepareCommit / PrepareAbort, answered once that record is durable;
    /// the markers follow. A retry after completion gets NONE, a retry while markers are
    /// written gets CONCURRENT_TRANSACTIONS.
    ///
    /// EndTxn v5 and later speak transaction version 2 (KIP-890 part 2): the epoch is bumped
    /// as the transaction ends, the markers carry the bumped epoch, and the response names the
    /// producer id and epoch the client goes on with (a new producer id at epoch 0 when the
    /// bump used up the last epoch). A retry is recognised by the epoch just below the
    /// current one, and an abort is allowed with no partition added, to bump the epoch.
    pub fn end_txn(
        &mut self,
        ctx: &RequestContext,
        req: &EndTxnRequest,
        now_ms: i64,
    ) -> TxnEffects {
        let mut fx = TxnEffects::default();
        let result = TransactionResult::from_committed(req.committed);
        let version = TransactionVersion::of_end_txn(ctx.api_version);
        let outcome = if version.supports_epoch_bump() {
            self.end_txn_tv2(req, result, now_ms, &mut fx)
        } else {
            self.end_txn_tv1(req, result, now_ms, &mut fx)
        };
        let response = match outcome {
            Ok(()) => {
                let (producer_id, producer_epoch) =
                    self.transactions[&req.transactional_id].client_identity();
                EndTxnResponse {
                    error_code: 0,
                    producer_id: producer_id.0,
                    producer_epoch: producer_epoch.0,
                    ..Default::default()
                }
            }
            Err(error) => EndTxnResponse {
                error_code: error as i16,
                producer_id: -1,
                producer_epoch: -1,
                ..Default::default()
            },
        };
        fx.responses_after_persist
            .push(reply(ctx, TxnResponse::EndTxn(response)));
        self.finish(fx)
    }

    /// EndTxn up to v4: the epoch stays; the client must hold exactly the current one.
    fn end_txn_tv1(
        &mut self,
        req: &EndTxnRequest,
        result: TransactionResult,
        now_ms: i64,
        fx: &mut TxnEffects,
    ) -> Result<(), ErrorCode> {
        let id = req.transactional_id.as_str();
        if id.is_empty() {
            return Err(ErrorCode::InvalidRequest);
        }
        self.coordinator_epoch(id)?;
        let metadata = self
            .transactions
            .get(id)
            .ok_or(ErrorCode::InvalidProducerIdMapping)?;
        if metadata.producer_id != ProducerId(req.producer_id) {
            return Err(ErrorCode::InvalidProducerIdMapping);
        }
        // A client never bumps its own epoch: strict equality.
        if metadata.producer_epoch != ProducerEpoch(req.producer_epoch) {
            return Err(ErrorCode::ProducerFenced);
        }
        use TransactionState as S;
        match (metadata.state, result) {
            (S::Ongoing, _) => {
                self.prepare_end(id, result, TransactionVersion::TV0, false, now_ms, fx)
            }
            (S::CompleteCommit, TransactionResult::Commit)
            | (S::CompleteAbort, TransactionResult::Abort) => Ok(()),
            (S::PrepareCommit, TransactionResult::Commit)
            | (S::PrepareAbort, TransactionResult::Abort) => Err(ErrorCode::ConcurrentTransactions),
            (S::Dead | S::PrepareEpochFence, _) => {
                unreachable!("metadata of {id:?} rests in {:?}", metadata.state)
            }
            _ => Err(ErrorCode::InvalidTxnState),
        }
    }

    /// EndTxn v5 and later (transaction version 2). With `retry` an epoch just below the
    /// current one (or the last epoch of the previous producer id, after a rotation), Kafka's
    /// table for the settled states is:
    ///
    /// | state          | abort, retry | abort, current | commit, retry | commit, current |
    /// |----------------|--------------|----------------|---------------|-----------------|
    /// | Empty          | fenced       | bump           | fenced        | invalid state   |
    /// | CompleteAbort  | none         | bump           | invalid state | invalid state   |
    /// | CompleteCommit | invalid state| bump           | none          | invalid state   |
    ///
    /// Ongoing ends with a bump at the current epoch. While a transaction's markers are
    /// written (PrepareCommit / PrepareAbort) every EndTxn of its producer id is answered
    /// CONCURRENT_TRANSACTIONS before its epoch is looked at, as Kafka's coordinator does (it
    /// checks for a pending transition before the epoch): the client already holds the
    /// bumped epoch from the answer to the EndTxn that ended the transaction, and may end its
    /// next transaction with it at once (an abort with nothing added); that must wait for the
    /// markers, not be fenced.
    fn end_txn_tv2(
        &mut self,
        req: &EndTxnRequest,
        result: TransactionResult,
        now_ms: i64,
        fx: &mut TxnEffects,
    ) -> Result<(), ErrorCode> {
        let id = req.transactional_id.as_str();
        if id.is_empty() {
            return Err(ErrorCode::InvalidRequest);
        }
        self.coordinator_epoch(id)?;
        let metadata = self
            .transactions
            .get(id)
            .ok_or(ErrorCode::InvalidProducerIdMapping)?;
        let producer_id = ProducerId(req.producer_id);
        let epoch = i32::from(req.producer_epoch);
        let current = i32::from(metadata.producer_epoch.0);
        use TransactionState as S;
        let preparing = matches!(metadata.state, S::PrepareCommit | S::PrepareAbort);
        // The client already holds the next producer id while the markers of the transaction
        // that exhausted the old one are written.
        if preparing && producer_id == metadata.next_producer_id {
            return Err(ErrorCode::ConcurrentTransactions);
        }
        let retry_on_overflow = producer_id == metadata.last_producer_id
            && epoch == i32::from(i16::MAX - 1)
            && current == 0;
        let retry_on_bump = current == epoch + 1;
        if metadata.producer_id != producer_id && !retry_on_overflow {
            return Err(ErrorCode::InvalidProducerIdMapping);
        }
        if preparing {
            return Err(ErrorCode::ConcurrentTransactions);
        }
        let valid_epoch = match metadata.state {
            S::Ongoing | S::Empty => epoch == current,
            S::CompleteCommit | S::CompleteAbort => {
                retry_on_bump || retry_on_overflow || epoch == current
            }
            S::PrepareCommit | S::PrepareAbort | S::Dead | S::PrepareEpochFence => {
                unreachable!("metadata of {id:?} rests in {:?}", metadata.state)
            }
        };
        if !valid_epoch {
            return Err(ErrorCode::ProducerFenced);
        }
        let retry = retry_on_bump || retry_on_overflow;
        let tv2 = TransactionVersion::TV2;
        match (metadata.state, result) {
            (S::Ongoing, _) => self.prepare_end(id, result, tv2, false, now_ms, fx),
            (S::CompleteCommit, TransactionResult::Commit)
            | (S::CompleteAbort, TransactionResult::Abort)
                if retry =>
            {
                Ok(())
            }
            (S::Empty | S::CompleteCommit | S::CompleteAbort, TransactionResult::Abort)
                if !retry =>
            {
                self.prepare_end(id, result, tv2, true, now_ms, fx)
            }
            _ => Err(ErrorCode::InvalidTxnState),
        }
    }

    /// Moves an id to PrepareCommit / PrepareAbort, persists it and issues the markers. At
    /// transaction version 2 the epoch is bumped first (and a next producer id taken if that
    /// uses up the epochs); `no_partition_added` is version 2's abort outside a transaction.
    fn prepare_end(
        &mut self,
        id: &str,
        result: TransactionResult,
        version: TransactionVersion,
        no_partition_added: bool,
        now_ms: i64,
        fx: &mut TxnEffects,
    ) -> Result<(), ErrorCode> {
        let current = self.transactions[id].producer_epoch;
        let mut next_producer_id = ProducerId::NONE;
        if version.supports_epoch_bump() {
            // A client never holds `i16::MAX`; an id there (after a fence) cannot be bumped.
            if current.0 == i16::MAX {
                return Err(ErrorCode::ProducerFenced);
            }
            if current.is_exhausted() {
                next_producer_id = self.next_producer_id()?;
            }
        }
        let metadata = self.transactions.get_mut(id).expect("ending a known id");
        if version.supports_epoch_bump() {
            metadata.last_producer_epoch = current;
            metadata.producer_epoch = current.bumped();
            metadata.next_producer_id = next_producer_id;
        }
        if no_partition_added {
            metadata.partitions.clear();
            metadata.txn_start_timestamp_ms = now_ms;
        }
        metadata.client_transaction_version = version;
        metadata.transition_to(result.prepare_state(), now_ms);
        self.update_timeout_timer(id);
        self.persist(id, fx);
        self.send_markers(id, now_ms, fx);
        Ok(())
    }

    /// Fires every timer due at `now_ms`: transaction timeouts (abort and fence) and the
    /// search for expired transactional ids.
    pub fn tick(&mut self, now_ms: i64) -> TxnEffects {
        let mut fx = TxnEffects::default();
        while let Some(kind) = self.timers.pop_due(now_ms) {
            match kind {
                TxnTimerKind::TransactionTimeout { transactional_id } => {
                    self.on_transaction_timeout(&transactional_id, now_ms, &mut fx)
                }
                TxnTimerKind::TransactionalIdExpiration => {
                    self.expire_transactional_ids(now_ms, &mut fx)
                }
            }
        }
        self.finish(fx)
    }

    fn on_transaction_timeout(&mut self, id: &str, now_ms: i64, fx: &mut TxnEffects) {
        if self.coordinator_epoch(id).is_err() {
            return;
        }
        let Some(deadline) = self
            .transactions
            .get(id)
            .and_then(TransactionMetadata::timeout_deadline_ms)
        else {
            return;
        };
        if deadline > now_ms {
            self.update_timeout_timer(id);
            return;
        }
        self.fence_and_abort(id, now_ms, fx);
    }

    /// Writes a tombstone for every id idle past `transactional.id.expiration.ms` in a state
    /// that allows it (Empty, CompleteCommit, CompleteAbort), then forgets it.
    fn expire_transactional_ids(&mut self, now_ms: i64, fx: &mut TxnEffects) {
        let horizon = now_ms.saturating_sub(self.config.transactional_id_expiration_ms);
        let expired: Vec<String> = self
            .transactions
            .values()
            .filter(|m| {
                m.state.is_expiration_allowed() && m.txn_last_update_timestamp_ms <= horizon
            })
            .filter(|m| self.coordinator_epoch(&m.transactional_id).is_ok())
            .map(|m| m.transactional_id.clone())
            .collect();
        for id in expired {
            let metadata = self.transactions.get_mut(&id).expect("listed above");
            metadata.transition_to(TransactionState::Dead, now_ms);
            self.transactions.remove(&id);
            fx.records.push(TxnPartitionRecord {
                partition: self.partition_for(&id),
                record: TransactionRecord::tombstone(&id),
            });
        }
        if !self.transactions.is_empty() {
            self.ensure_expiration_timer(now_ms);
        }
    }
}

/// Wraps a response for the current request, shaped for its api version.
pub(super) fn reply(ctx: &RequestContext, response: TxnResponse) -> TxnReply {
    TxnReply {
        request_id: ctx.request_id,
        api_version: ctx.api_version,
        response: fit_to_version(response, ctx.api_version),
    }
}
