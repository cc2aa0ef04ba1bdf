//! What the transaction coordinator knows about one transactional id: Kafka's
//! `TransactionMetadata` and its state machine, plus the typed ids that cross the crate
//! boundary (producer id, producer epoch, coordinator epoch).
//!
//! The states and their numeric ids are Kafka's, because the id is what `__transaction_state`
//! stores in `TransactionStatus`. Transitions are checked against Kafka's table of valid
//! previous states with `assert!`: a transition the table forbids is a bug in this crate, not
//! something a client can cause.

use std::collections::BTreeSet;

/// A producer id, as the broker's allocator hands them out. Negative means "none" (Kafka's
/// `RecordBatch.NO_PRODUCER_ID` is -1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProducerId(pub i64);

impl ProducerId {
    pub const NONE: ProducerId = ProducerId(-1);
}

/// A producer epoch. Kafka keeps `i16::MAX` for the coordinator: a client gets at most
/// `i16::MAX - 1`, after which the epoch is exhausted (the next InitProducerId rotates the
/// producer id), so a coordinator can always fence a client by one more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProducerEpoch(pub i16);

impl ProducerEpoch {
    pub const NONE: ProducerEpoch = ProducerEpoch(-1);

    /// Kafka's `TransactionMetadata.isEpochExhausted`: no more epochs for a client.
    pub fn is_exhausted(self) -> bool {
        self.0 >= i16::MAX - 1
    }

    /// The next epoch; asserts there is one.
    pub fn bumped(self) -> ProducerEpoch {
        assert!(
            self.0 < i16::MAX,
            "producer epoch {} cannot be bumped",
            self.0
        );
        ProducerEpoch(self.0 + 1)
    }
}

/// The leader epoch of the `__transaction_state` partition a transaction lives in. Markers
/// carry it so a partition leader can refuse markers from a coordinator that was replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CoordinatorEpoch(pub i32);

/// The transaction protocol a client speaks, as Kafka's `transaction.version` levels: 0 and 1
/// end a transaction at the epoch it ran under; 2 (KIP-890 part 2, EndTxn v5 and later)
/// bumps the producer epoch at every EndTxn, so nothing the producer sent under the old epoch
/// can join its next transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TransactionVersion(pub i16);

impl TransactionVersion {
    pub const TV0: TransactionVersion = TransactionVersion(0);
    pub const TV2: TransactionVersion = TransactionVersion(2);

    /// The version an EndTxn request of `api_version` speaks (Kafka: v5 and later is 2).
    pub fn of_end_txn(api_version: i16) -> TransactionVersion {
        if api_version >= 5 {
            TransactionVersion::TV2
        } else {
            TransactionVersion::TV0
        }
    }

    /// Whether every EndTxn bumps the epoch (and markers must carry an epoch above the data's).
    pub fn supports_epoch_bump(self) -> bool {
        self.0 >= 2
    }
}

/// A partition that takes part in a transaction.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: i32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: i32) -> Self {
        TopicPartition {
            topic: topic.into(),
            partition,
        }
    }
}

/// How a transaction ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransactionResult {
    Commit,
    Abort,
}

impl TransactionResult {
    pub fn from_committed(committed: bool) -> Self {
        if committed {
            TransactionResult::Commit
        } else {
            TransactionResult::Abort
        }
    }

    /// The state a transaction sits in while its markers are written.
    pub fn prepare_state(self) -> TransactionState {
        match self {
            TransactionResult::Commit => TransactionState::PrepareCommit,
            TransactionResult::Abort => TransactionState::PrepareAbort,
        }
    }

    /// The state a transaction reaches once every marker is written.
    pub fn complete_state(self) -> TransactionState {
        match self {
            TransactionResult::Commit => TransactionState::CompleteCommit,
            TransactionResult::Abort => TransactionState::CompleteAbort,
        }
    }
}

/// Kafka's transaction states, with the ids `__transaction_state` stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TransactionState {
    /// Has a producer id and epoch, no transaction.
    Empty,
    /// Partitions have been added; the transaction is open.
    Ongoing,
    /// EndTxn(commit) is durable; commit markers are being written.
    PrepareCommit,
    /// EndTxn(abort), a timeout or a fencing InitProducerId is durable; abort markers are
    /// being written.
    PrepareAbort,
    /// Every commit marker is written.
    CompleteCommit,
    /// Every abort marker is written.
    CompleteAbort,
    /// The id expired; its tombstone is being written. Never stored in a value.
    Dead,
    /// Kafka's transient state while an ongoing transaction's producer is fenced. Strom moves
    /// from Ongoing to PrepareAbort with the bumped epoch in one step, so metadata never rests
    /// here; the variant exists so the id and name stay Kafka's.
    PrepareEpochFence,
}

impl TransactionState {
    pub const ALL: [TransactionState; 8] = [
        TransactionState::Empty,
        TransactionState::Ongoing,
        TransactionState::PrepareCommit,
        TransactionState::PrepareAbort,
        TransactionState::CompleteCommit,
        TransactionState::CompleteAbort,
        TransactionState::Dead,
        TransactionState::PrepareEpochFence,
    ];

    /// The `TransactionStatus` byte of `TransactionLogValue`.
    pub fn id(self) -> i8 {
        match self {
            TransactionState::Empty => 0,
            TransactionState::Ongoing => 1,
            TransactionState::PrepareCommit => 2,
            TransactionState::PrepareAbort => 3,
            TransactionState::CompleteCommit => 4,
            TransactionState::CompleteAbort => 5,
            TransactionState::Dead => 6,
            TransactionState::PrepareEpochFence => 7,
        }
    }

    pub fn from_id(id: i8) -> Option<TransactionState> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The name DescribeTransactions and ListTransactions use (and accept as filters).
    pub fn name(self) -> &'static str {
        match self {
            TransactionState::Empty => "Empty",
            TransactionState::Ongoing => "Ongoing",
            TransactionState::PrepareCommit => "PrepareCommit",
            TransactionState::PrepareAbort => "PrepareAbort",
            TransactionState::CompleteCommit => "CompleteCommit",
            TransactionState::CompleteAbort => "CompleteAbort",
            TransactionState::Dead => "Dead",
            TransactionState::PrepareEpochFence => "PrepareEpochFence",
        }
    }

    pub fn from_name(name: &str) -> Option<TransactionState> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether an idle id in this state may expire (`transactional.id.expiration.ms`).
    pub fn is_expiration_allowed(self) -> bool {
        matches!(
            self,
            TransactionState::Empty
                | TransactionState::CompleteCommit
                | TransactionState::CompleteAbort
        )
    }

    /// Kafka's `validPreviousStates`.
    fn valid_previous_states(self) -> &'static [TransactionState] {
        use TransactionState::*;
        match self {
            Empty => &[Empty, CompleteCommit, CompleteAbort],
            Ongoing => &[Ongoing, Empty, CompleteCommit, CompleteAbort],
            PrepareCommit => &[Ongoing],
            // Transaction version 2 may abort a transaction that added no partition, from
            // Empty or a completed transaction, to bump the epoch.
            PrepareAbort => &[
                Ongoing,
                PrepareEpochFence,
                Empty,
                CompleteCommit,
                CompleteAbort,
            ],
            CompleteCommit => &[PrepareCommit],
            CompleteAbort => &[PrepareAbort],
            Dead => &[Empty, CompleteAbort, CompleteCommit],
            PrepareEpochFence => &[Ongoing],
        }
    }
}

/// One transactional id's producer and transaction, as Kafka's `TransactionMetadata`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionMetadata {
    pub transactional_id: String,
    pub producer_id: ProducerId,
    /// The producer id before the last rotation (epoch exhaustion), for KIP-360 retries.
    /// Not stored in `__transaction_state` value version 0, so a reload forgets it, as Kafka's
    /// does at that version.
    pub last_producer_id: ProducerId,
    pub producer_epoch: ProducerEpoch,
    /// The epoch before the last InitProducerId bump, so a retried InitProducerId gets the
    /// same answer (KIP-360). `NONE` after a fence and after a reload.
    pub last_producer_epoch: ProducerEpoch,
    pub txn_timeout_ms: i32,
    pub state: TransactionState,
    /// Partitions in the transaction. While markers are written (Prepare*), only those whose
    /// marker is not yet written.
    pub partitions: BTreeSet<TopicPartition>,
    /// When the first partition was added; -1 outside a transaction.
    pub txn_start_timestamp_ms: i64,
    pub txn_last_update_timestamp_ms: i64,
    /// Transaction version 2 only: the producer id the transaction moves to when it completes,
    /// because its EndTxn used up the last epoch of `producer_id`. `NONE` otherwise.
    pub next_producer_id: ProducerId,
    /// The protocol of the last EndTxn (and so of the markers being written).
    pub client_transaction_version: TransactionVersion,
}

impl TransactionMetadata {
    /// A transactional id seen for the first time: a producer id without an epoch yet.
    pub fn new(
        transactional_id: &str,
        producer_id: ProducerId,
        txn_timeout_ms: i32,
        now_ms: i64,
    ) -> Self {
        TransactionMetadata {
            transactional_id: transactional_id.to_string(),
            producer_id,
            last_producer_id: ProducerId::NONE,
            producer_epoch: ProducerEpoch::NONE,
            last_producer_epoch: ProducerEpoch::NONE,
            txn_timeout_ms,
            state: TransactionState::Empty,
            partitions: BTreeSet::new(),
            txn_start_timestamp_ms: -1,
            txn_last_update_timestamp_ms: now_ms,
            next_producer_id: ProducerId::NONE,
            client_transaction_version: TransactionVersion::TV0,
        }
    }

    /// Moves to `to`, asserting Kafka allows it from the current state.
    pub(crate) fn transition_to(&mut self, to: TransactionState, now_ms: i64) {
        assert!(
            to.valid_previous_states().contains(&self.state),
            "transactional id {:?}: {} -> {} is not a valid transition",
            self.transactional_id,
            self.state.name(),
            to.name()
        );
        self.state = to;
        self.txn_last_update_timestamp_ms = now_ms;
    }

    /// Whether a transaction is open or ending (its producer id may not rotate).
    pub fn has_pending_transaction(&self) -> bool {
        matches!(
            self.state,
            TransactionState::Ongoing
                | TransactionState::PrepareCommit
                | TransactionState::PrepareAbort
        )
    }

    /// The producer id and epoch the client holds: during the completion of a transaction that
    /// exhausted its epochs, already the next producer id at epoch 0.
    pub fn client_identity(&self) -> (ProducerId, ProducerEpoch) {
        if self.next_producer_id != ProducerId::NONE {
            (self.next_producer_id, ProducerEpoch(0))
        } else {
            (self.producer_id, self.producer_epoch)
        }
    }

    /// When the transaction times out: Kafka aborts once `start + timeout < now`.
    pub fn timeout_deadline_ms(&self) -> Option<i64> {
        (self.state == TransactionState::Ongoing).then(|| {
            self.txn_start_timestamp_ms
                .saturating_add(i64::from(self.txn_timeout_ms))
                .saturating_add(1)
        })
    }
}
