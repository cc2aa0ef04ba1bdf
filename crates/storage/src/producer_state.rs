//! `ProducerStateManager`: what a partition remembers about idempotent and transactional
//! producers. One per [`crate::Log`], updated under the log's lock by every append (all
//! origins) and by the replay of batch headers when the log is loaded or truncated.
//!
//! Per producer id it keeps the epoch, the sequence ranges and offsets of the last
//! [`BATCHES_PER_PRODUCER`] batches (so a retried batch is answered with its original
//! offsets instead of being written twice), the epoch of the transaction coordinator that
//! wrote its last marker, and the first offset of its ongoing transaction, if any. Across
//! producers it keeps the ongoing transactions ordered by first offset: the smallest is the
//! first unstable offset, which bounds the last stable offset (LSO) that `read_committed`
//! consumers may read up to.
//!
//! The checks follow Kafka's `ProducerAppendInfo` (transaction version 0/1 markers): an older
//! producer epoch is fenced (`INVALID_PRODUCER_EPOCH`), a client batch whose first sequence
//! does not follow the last one is `OUT_OF_ORDER_SEQUENCE_NUMBER` (a new epoch restarts at 0; a
//! producer with no state may start anywhere), a non-transactional batch inside an open
//! transaction is `INVALID_TXN_STATE`, a marker from an older coordinator epoch is
//! `TRANSACTION_COORDINATOR_FENCED`. Replicated batches are never refused: the leader checked
//! them. A commit or abort marker ends the producer's transaction; only an abort of a
//! transaction that wrote data produces a transaction index entry (Kafka emits no completed
//! transaction for a marker without data).
//!
//! It also holds KIP-890's verification guards, in memory only: a client's transactional
//! batch that would start its producer's transaction here is appended only under a guard
//! taken before the coordinator was asked and not ended since by a transactional batch of
//! the producer (see `producer_state/verification.rs`).
//!
//! # Snapshots
//!
//! So a restart need not replay the whole log, the state is written to
//! `<offset>.snapshot` (20-digit offset, like segments) whenever a segment rolls (fsynced by
//! the log's next flush, not by the roll: see `log/roll.rs`) and when the log closes: the
//! state after every batch below `offset`. Strom's own layout, big-endian:
//!
//! ```text
//! version             i16   1
//! crc                 u32   CRC32C of every byte after this field
//! end_offset          i64   the offset in the file name
//! producer_count      i32
//! producer_count times:
//!   producer_id         i64
//!   producer_epoch      i16
//!   coordinator_epoch   i32   -1 if no marker was seen
//!   last_timestamp      i64
//!   last_offset         i64   the producer's last batch or marker (recency, for eviction)
//!   txn_first_offset    i64   first offset of the ongoing transaction, -1 if none
//!   batch_count         i32   0..=5
//!   batch_count times:
//!     first_sequence i32, last_sequence i32, first_offset i64, last_offset i64,
//!     timestamp i64
//! ```
//!
//! Unlike Kafka's snapshot (which keeps one batch per producer) it keeps all five, so
//! duplicate detection is as good after a restart as before. A snapshot that fails its CRC
//! or its bounds is ignored (see `log/load.rs` for which one is used).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use strom_protocol::records::{
    ControlRecordType, EndTransactionMarker, NO_PRODUCER_ID, RecordBatch, RecordBatchHeader,
    RecordError,
};

use crate::checkpoint::write_atomically;
use crate::error::IoContext;
use crate::txn_index::TxnIndexEntry;
use crate::{Offset, ProducerId, Result, StorageError, Timestamp};

mod verification;

pub use verification::VerificationGuard;
use verification::Verifications;

/// Batches remembered per producer (Kafka's `NUM_BATCHES_TO_RETAIN`).
pub const BATCHES_PER_PRODUCER: usize = 5;
/// Producers remembered per partition. Beyond it the least recently active producer without
/// an open transaction is forgotten; a client producer that would need more is refused.
pub const PRODUCERS_PER_PARTITION_MAX: usize = 10_000;
/// Verification guards held at once per partition (one per producer whose first write of a
/// transaction here waits for its coordinator's answer). Beyond it the oldest is dropped,
/// and the write that held it is refused; the producer aborts and tries again.
pub const VERIFICATIONS_PER_PARTITION_MAX: usize = 1_000;
pub const SNAPSHOT_FILE_SUFFIX: &str = ".snapshot";
/// Snapshots kept per partition; older ones are deleted when a new one is written.
pub const SNAPSHOTS_RETAINED: usize = 3;
/// The largest snapshot read back; anything larger is corrupt.
pub const SNAPSHOT_BYTES_MAX: u64 = 64 * 1024 * 1024;
const SNAPSHOT_VERSION: i16 = 1;
/// Kafka's `RecordBatch.NO_PRODUCER_EPOCH`: a producer seen for the first time.
const NO_EPOCH: i16 = -1;
const NO_COORDINATOR_EPOCH: i32 = -1;
/// Fixed bytes of one producer in a snapshot (its batches follow).
const SNAPSHOT_PRODUCER_BYTES: usize = 8 + 2 + 4 + 8 + 8 + 8 + 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BatchMetadata {
    first_sequence: i32,
    last_sequence: i32,
    first_offset: Offset,
    last_offset: Offset,
    timestamp: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ProducerEntry {
    epoch: i16,
    batches: VecDeque<BatchMetadata>,
    last_timestamp: Timestamp,
    /// The last offset this producer wrote (data or marker): its recency.
    last_offset: Offset,
    coordinator_epoch: i32,
    txn_first_offset: Option<Offset>,
}

impl ProducerEntry {
    fn new() -> Self {
        ProducerEntry {
            epoch: NO_EPOCH,
            batches: VecDeque::new(),
            last_timestamp: Timestamp::NONE,
            last_offset: Offset(-1),
            coordinator_epoch: NO_COORDINATOR_EPOCH,
            txn_first_offset: None,
        }
    }

    fn last_sequence(&self) -> i32 {
        self.batches.back().map_or(-1, |b| b.last_sequence)
    }

    fn set_epoch(&mut self, epoch: i16) {
        if epoch != self.epoch {
            self.epoch = epoch;
            self.batches.clear();
        }
    }
}

/// What a batch is, as far as producer state cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BatchKind {
    Data,
    /// A commit or abort marker.
    Marker {
        abort: bool,
        coordinator_epoch: i32,
    },
    /// A control batch that is not a marker, or an empty one the cleaner left.
    OtherControl,
}

/// The producer fields of one batch with a producer id, its offsets assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProducerBatch {
    pub producer_id: ProducerId,
    pub epoch: i16,
    /// -1 for a batch without sequence numbers.
    pub first_sequence: i32,
    pub last_sequence: i32,
    pub first_offset: Offset,
    pub last_offset: Offset,
    pub max_timestamp: Timestamp,
    pub transactional: bool,
    pub kind: BatchKind,
}

impl ProducerBatch {
    /// The producer fields of `batch`, or `None` if it has no producer id. A control batch
    /// whose marker cannot be read is an error: the caller decides whether that refuses
    /// an append or is skipped in a replay.
    pub fn from_batch(batch: &RecordBatch) -> Result<Option<Self>, RecordError> {
        let h = batch.header();
        if h.producer_id == NO_PRODUCER_ID {
            return Ok(None);
        }
        let kind = if h.is_control() {
            control_kind(batch)?
        } else {
            BatchKind::Data
        };
        Ok(Some(Self::from_header(h, kind)))
    }

    pub fn from_header(h: &RecordBatchHeader, kind: BatchKind) -> Self {
        let sequenced = h.base_sequence >= 0;
        ProducerBatch {
            producer_id: ProducerId(h.producer_id),
            epoch: h.producer_epoch,
            first_sequence: if sequenced { h.base_sequence } else { -1 },
            last_sequence: if sequenced {
                // Sequences wrap at i32::MAX to 0, as the producer's do.
                ((i64::from(h.base_sequence) + i64::from(h.last_offset_delta))
                    % (i64::from(i32::MAX) + 1)) as i32
            } else {
                -1
            },
            first_offset: Offset(h.base_offset),
            last_offset: Offset(h.last_offset()),
            max_timestamp: Timestamp(h.max_timestamp),
            transactional: h.is_transactional(),
            kind,
        }
    }
}

fn control_kind(batch: &RecordBatch) -> Result<BatchKind, RecordError> {
    let Some(record) = batch.records()?.next() else {
        return Ok(BatchKind::OtherControl);
    };
    let record = record?;
    let key = record.key.as_deref().unwrap_or_default();
    match ControlRecordType::parse_key(key)? {
        ControlRecordType::Commit | ControlRecordType::Abort => {
            let marker = EndTransactionMarker::from_record(&record)?;
            Ok(BatchKind::Marker {
                abort: marker.control_type == ControlRecordType::Abort,
                coordinator_epoch: marker.coordinator_epoch,
            })
        }
        _ => Ok(BatchKind::OtherControl),
    }
}

/// How strictly an append is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CheckLevel {
    /// A producer through this leader: epochs, sequences, transaction state.
    Client,
    /// The broker itself (markers, coordinator records): epochs and transaction state.
    Coordinator,
    /// As `Coordinator`, for the markers of a transaction-version-2 transaction: a marker's
    /// epoch must be above the producer's (Kafka's rule; at other versions equal is fine).
    CoordinatorTv2,
    /// A follower copying the leader, or a replay of the log: nothing is refused.
    Replication,
}

/// Why a producer's batch is refused; each is the Kafka error of the same name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProducerStateError {
    #[error("producer {producer_id} epoch {epoch} is fenced by the current epoch {current}")]
    InvalidProducerEpoch {
        producer_id: ProducerId,
        epoch: i16,
        current: i16,
    },
    #[error("producer {producer_id}: sequence {sequence} does not follow {last}")]
    OutOfOrderSequence {
        producer_id: ProducerId,
        sequence: i32,
        last: i32,
    },
    #[error("producer {producer_id} wrote a non-transactional batch inside a transaction")]
    InvalidTxnState { producer_id: ProducerId },
    #[error("producer {producer_id}: coordinator epoch {epoch} is older than {current}")]
    TransactionCoordinatorFenced {
        producer_id: ProducerId,
        epoch: i32,
        current: i32,
    },
    #[error("{0} producers already tracked")]
    TooManyProducers(usize),
    /// Kafka's `InvalidTxnStateException` for a batch that "was not part of an ongoing
    /// transaction": it would start its producer's transaction here, and the coordinator's
    /// word that the partition is in that transaction is missing or no longer current (see
    /// `producer_state/verification.rs`).
    #[error(
        "producer {producer_id}: the record batch is not part of an ongoing transaction \
         (the transaction coordinator's verification is missing or out of date)"
    )]
    TransactionNotVerified { producer_id: ProducerId },
}

/// One producer as DescribeProducers reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActiveProducer {
    pub producer_id: ProducerId,
    pub producer_epoch: i16,
    /// -1 if the producer wrote no sequenced batch under its current epoch.
    pub last_sequence: i32,
    pub last_timestamp: Timestamp,
    /// -1 if no marker was seen.
    pub coordinator_epoch: i32,
    pub current_txn_start_offset: Option<Offset>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Started {
        first_offset: Offset,
    },
    Completed {
        first_offset: Offset,
        last_offset: Offset,
        abort: bool,
    },
}

/// The checked effect of one append, applied by [`ProducerStateManager::commit`].
#[derive(Debug, Default)]
pub(crate) struct PreparedAppend {
    entries: HashMap<ProducerId, ProducerEntry>,
    outcomes: Vec<(ProducerId, Outcome)>,
    end_offset: Option<Offset>,
    /// Each transactional batch's producer, with the epoch of a marker (`None`: data): what
    /// ends verification guards once written.
    transactional: Vec<(ProducerId, Option<i16>)>,
}

/// Producer state of one partition. See the module docs.
#[derive(Debug)]
pub struct ProducerStateManager {
    producers: HashMap<ProducerId, ProducerEntry>,
    /// Ongoing transactions by first offset.
    ongoing: BTreeMap<Offset, ProducerId>,
    /// The state covers every batch below this offset.
    end_offset: Offset,
    producers_max: usize,
    /// KIP-890 verification guards, in memory only.
    verifications: Verifications,
}

fn in_sequence(last: i32, next: i32) -> bool {
    i64::from(next) == i64::from(last) + 1 || (next == 0 && last == i32::MAX)
}

impl ProducerStateManager {
    /// An empty state covering nothing below `end_offset`.
    pub fn new(end_offset: Offset, producers_max: usize) -> Self {
        assert!(producers_max > 0);
        ProducerStateManager {
            producers: HashMap::new(),
            ongoing: BTreeMap::new(),
            end_offset,
            producers_max,
            verifications: Verifications::new(producers_max.min(VERIFICATIONS_PER_PARTITION_MAX)),
        }
    }

    pub fn producer_count(&self) -> usize {
        self.producers.len()
    }

    /// The offset after the last batch this state has seen.
    pub fn end_offset(&self) -> Offset {
        self.end_offset
    }

    pub(crate) fn set_end_offset(&mut self, end: Offset) {
        self.end_offset = end;
    }

    /// The first offset of the earliest ongoing transaction.
    pub fn first_unstable_offset(&self) -> Option<Offset> {
        self.ongoing.keys().next().copied()
    }

    /// Every producer, by producer id.
    pub fn active_producers(&self) -> Vec<ActiveProducer> {
        let mut out: Vec<ActiveProducer> = self
            .producers
            .iter()
            .map(|(&producer_id, e)| ActiveProducer {
                producer_id,
                producer_epoch: e.epoch,
                last_sequence: e.last_sequence(),
                last_timestamp: e.last_timestamp,
                coordinator_epoch: e.coordinator_epoch,
                current_txn_start_offset: e.txn_first_offset,
            })
            .collect();
        out.sort_by_key(|p| p.producer_id);
        out
    }

    /// Whether the producer has a transaction open here at `epoch` (Kafka's
    /// `hasOngoingTransaction`): its batches then need no verification.
    fn has_ongoing(&self, producer_id: ProducerId, epoch: i16) -> bool {
        self.producers
            .get(&producer_id)
            .is_some_and(|e| e.txn_first_offset.is_some() && e.epoch == epoch)
    }

    /// Takes the guard a transactional producer's write holds while its transaction
    /// coordinator is asked about this partition; `None` when the producer's transaction is
    /// open here already and the write needs no asking. `tv2`: the producer uses
    /// transaction version 2. See `producer_state/verification.rs`.
    pub fn start_verification(
        &mut self,
        producer_id: ProducerId,
        epoch: i16,
        tv2: bool,
        now: Timestamp,
    ) -> Option<VerificationGuard> {
        if self.has_ongoing(producer_id, epoch) {
            return None;
        }
        Some(self.verifications.start(producer_id, epoch, tv2, now))
    }

    /// Refuses a client's transactional data batch that would start its producer's
    /// transaction here unless `guard` is the producer's guard still in place: the
    /// coordinator said the partition is in the transaction, and no transactional batch of
    /// the producer was written since it was asked.
    pub(crate) fn check_verified(
        &self,
        batches: &[ProducerBatch],
        guard: Option<VerificationGuard>,
    ) -> Result<(), ProducerStateError> {
        let unverified = batches.iter().find(|b| {
            b.transactional
                && b.kind == BatchKind::Data
                && !self.has_ongoing(b.producer_id, b.epoch)
                && !self.verifications.holds(b.producer_id, guard)
        });
        match unverified {
            Some(b) => Err(ProducerStateError::TransactionNotVerified {
                producer_id: b.producer_id,
            }),
            None => Ok(()),
        }
    }

    /// Verification guards in place (tests and metrics).
    pub fn verifications_in_flight(&self) -> usize {
        self.verifications.len()
    }

    /// Kafka's `findDuplicateBatch` over a client's batches: the offsets of the first one
    /// that repeats a batch among its producer's last five under the same epoch.
    pub(crate) fn find_duplicate(&self, batches: &[ProducerBatch]) -> Option<(Offset, Offset)> {
        batches.iter().find_map(|b| {
            let e = self.producers.get(&b.producer_id)?;
            if b.first_sequence < 0 || b.kind != BatchKind::Data || e.epoch != b.epoch {
                return None;
            }
            e.batches
                .iter()
                .find(|m| {
                    m.first_sequence == b.first_sequence && m.last_sequence == b.last_sequence
                })
                .map(|m| (m.first_offset, m.last_offset))
        })
    }

    /// Checks `batches` (in offset order, offsets assigned) without changing anything.
    pub(crate) fn prepare(
        &self,
        batches: &[ProducerBatch],
        level: CheckLevel,
    ) -> Result<PreparedAppend, ProducerStateError> {
        let mut prepared = PreparedAppend::default();
        for b in batches {
            let entry = prepared.entries.entry(b.producer_id).or_insert_with(|| {
                self.producers
                    .get(&b.producer_id)
                    .cloned()
                    .unwrap_or_else(ProducerEntry::new)
            });
            if let Some(outcome) = apply(entry, b, level)? {
                prepared.outcomes.push((b.producer_id, outcome));
            }
            if b.transactional {
                let marker_epoch = matches!(b.kind, BatchKind::Marker { .. }).then_some(b.epoch);
                prepared.transactional.push((b.producer_id, marker_epoch));
            }
            prepared.end_offset = Some(b.last_offset.plus(1));
        }
        let new = prepared
            .entries
            .keys()
            .filter(|p| !self.producers.contains_key(p))
            .count();
        let over = (self.producers.len() + new).saturating_sub(self.producers_max);
        if level == CheckLevel::Client && over > 0 && self.evictable(&prepared).count() < over {
            return Err(ProducerStateError::TooManyProducers(self.producers.len()));
        }
        Ok(prepared)
    }

    fn evictable<'a>(
        &'a self,
        prepared: &'a PreparedAppend,
    ) -> impl Iterator<Item = (&'a ProducerId, &'a ProducerEntry)> + 'a {
        self.producers
            .iter()
            .filter(|(p, e)| e.txn_first_offset.is_none() && !prepared.entries.contains_key(p))
    }

    /// Applies a prepared append. Returns the transaction index entries of the transactions
    /// it aborted, in marker order, each with the LSO right after its abort (Kafka's
    /// `lastStableOffset(completedTxn)`: the first offset of the earliest transaction of
    /// another producer still open, or the offset after the marker).
    pub(crate) fn commit(&mut self, prepared: PreparedAppend) -> Vec<TxnIndexEntry> {
        let new = prepared
            .entries
            .keys()
            .filter(|p| !self.producers.contains_key(p))
            .count();
        let over = (self.producers.len() + new).saturating_sub(self.producers_max);
        if over > 0 {
            self.evict(&prepared, over);
        }
        let mut aborted = Vec::new();
        for (producer_id, outcome) in prepared.outcomes {
            match outcome {
                Outcome::Started { first_offset } => {
                    let previous = self.ongoing.insert(first_offset, producer_id);
                    assert!(
                        previous.is_none(),
                        "two transactions start at {first_offset}"
                    );
                }
                Outcome::Completed {
                    first_offset,
                    last_offset,
                    abort,
                } => {
                    let removed = self.ongoing.remove(&first_offset);
                    assert_eq!(
                        removed,
                        Some(producer_id),
                        "completed an unknown transaction"
                    );
                    if abort {
                        let last_stable_offset = self
                            .ongoing
                            .iter()
                            .find(|(_, p)| **p != producer_id)
                            .map_or(last_offset.plus(1), |(o, _)| *o);
                        aborted.push(TxnIndexEntry {
                            producer_id,
                            first_offset,
                            last_offset,
                            last_stable_offset,
                        });
                    }
                }
            }
        }
        self.producers.extend(prepared.entries);
        for (producer_id, marker_epoch) in prepared.transactional {
            self.verifications.written(producer_id, marker_epoch);
        }
        if let Some(end) = prepared.end_offset {
            self.end_offset = self.end_offset.max(end);
        }
        aborted
    }

    fn evict(&mut self, prepared: &PreparedAppend, count: usize) {
        let mut candidates: Vec<(Offset, ProducerId)> = self
            .evictable(prepared)
            .map(|(p, e)| (e.last_offset, *p))
            .collect();
        candidates.sort();
        for (_, p) in candidates.into_iter().take(count) {
            self.producers.remove(&p);
        }
    }

    /// Replays one batch read back from the log (load, truncation): never refused.
    pub(crate) fn replay(&mut self, batch: &ProducerBatch) -> Vec<TxnIndexEntry> {
        match self.prepare(std::slice::from_ref(batch), CheckLevel::Replication) {
            Ok(prepared) => self.commit(prepared),
            Err(e) => unreachable!("a replayed batch was refused: {e}"),
        }
    }

    /// Forgets producers idle since before `now - expiration_ms` (`producer.id.expiration.ms`)
    /// unless they have a transaction open.
    pub fn remove_expired(&mut self, now: Timestamp, expiration_ms: i64) {
        self.producers.retain(|_, e| {
            e.txn_first_offset.is_some() || now.0.saturating_sub(e.last_timestamp.0) < expiration_ms
        });
        self.verifications.expire(now, expiration_ms);
    }

    // ------------------------------------------------------------ snapshots

    /// The snapshot bytes described in the module docs.
    pub(crate) fn encode_snapshot(&self) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend_from_slice(&self.end_offset.0.to_be_bytes());
        body.extend_from_slice(&(self.producers.len() as i32).to_be_bytes());
        let mut ids: Vec<&ProducerId> = self.producers.keys().collect();
        ids.sort();
        for id in ids {
            let e = &self.producers[id];
            body.extend_from_slice(&id.0.to_be_bytes());
            body.extend_from_slice(&e.epoch.to_be_bytes());
            body.extend_from_slice(&e.coordinator_epoch.to_be_bytes());
            body.extend_from_slice(&e.last_timestamp.0.to_be_bytes());
            body.extend_from_slice(&e.last_offset.0.to_be_bytes());
            body.extend_from_slice(&e.txn_first_offset.map_or(-1, |o| o.0).to_be_bytes());
            body.extend_from_slice(&(e.batches.len() as i32).to_be_bytes());
            for b in &e.batches {
                body.extend_from_slice(&b.first_sequence.to_be_bytes());
                body.extend_from_slice(&b.last_sequence.to_be_bytes());
                body.extend_from_slice(&b.first_offset.0.to_be_bytes());
                body.extend_from_slice(&b.last_offset.0.to_be_bytes());
                body.extend_from_slice(&b.timestamp.0.to_be_bytes());
            }
        }
        let mut out = Vec::with_capacity(6 + body.len());
        out.extend_from_slice(&SNAPSHOT_VERSION.to_be_bytes());
        out.extend_from_slice(&crc32c::crc32c(&body).to_be_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Decodes a snapshot written for `offset`; `Err(reason)` if it is damaged in any way.
    pub(crate) fn decode_snapshot(
        bytes: &[u8],
        offset: Offset,
        producers_max: usize,
    ) -> std::result::Result<Self, &'static str> {
        let mut r = Reader(bytes);
        if r.i16()? != SNAPSHOT_VERSION {
            return Err("unknown version");
        }
        let crc = r.u32()?;
        if crc32c::crc32c(r.0) != crc {
            return Err("CRC mismatch");
        }
        let end_offset = Offset(r.i64()?);
        if end_offset != offset {
            return Err("offset differs from the file name");
        }
        let count = usize::try_from(r.i32()?).map_err(|_| "negative producer count")?;
        if count > r.0.len() / SNAPSHOT_PRODUCER_BYTES {
            return Err("producer count beyond the file");
        }
        let mut state = ProducerStateManager::new(end_offset, producers_max.max(count));
        for _ in 0..count {
            let producer_id = ProducerId(r.i64()?);
            let mut e = ProducerEntry::new();
            e.epoch = r.i16()?;
            e.coordinator_epoch = r.i32()?;
            e.last_timestamp = Timestamp(r.i64()?);
            e.last_offset = Offset(r.i64()?);
            let txn = r.i64()?;
            let batches = r.i32()?;
            if !(0..=BATCHES_PER_PRODUCER as i32).contains(&batches) {
                return Err("bad batch count");
            }
            for _ in 0..batches {
                e.batches.push_back(BatchMetadata {
                    first_sequence: r.i32()?,
                    last_sequence: r.i32()?,
                    first_offset: Offset(r.i64()?),
                    last_offset: Offset(r.i64()?),
                    timestamp: Timestamp(r.i64()?),
                });
            }
            if txn >= 0 {
                if txn >= end_offset.0 || state.ongoing.insert(Offset(txn), producer_id).is_some() {
                    return Err("bad transaction start offset");
                }
                e.txn_first_offset = Some(Offset(txn));
            }
            if producer_id.0 < 0 || state.producers.insert(producer_id, e).is_some() {
                return Err("bad or repeated producer id");
            }
        }
        if !r.0.is_empty() {
            return Err("trailing bytes");
        }
        Ok(state)
    }

    /// Writes the snapshot for the current end offset (atomically: temp file, fsync, rename,
    /// directory fsync), then deletes all but the newest [`SNAPSHOTS_RETAINED`].
    pub(crate) fn take_snapshot(&self, dir: &Path) -> Result<()> {
        let path = snapshot_path(dir, self.end_offset);
        write_atomically(&path, &self.encode_snapshot())?;
        delete_old_snapshots(dir)
    }

    /// As [`ProducerStateManager::take_snapshot`], but nothing is fsynced: the file is
    /// written under a temporary name and renamed into place, and the descriptor it was
    /// written through is returned for the log's next flush to fsync (with the directory)
    /// before that flush moves the recovery point. Until then a crash may leave the
    /// snapshot missing, or present with bytes that fail its CRC; either way it is ignored
    /// and an older snapshot plus a longer replay rebuilds the same state (see
    /// `log/producers.rs`), so a roll needs no fsync on the appender's thread.
    pub(crate) fn write_snapshot_unsynced(&self, dir: &Path) -> Result<(Arc<File>, PathBuf)> {
        let path = snapshot_path(dir, self.end_offset);
        let mut tmp = path.clone().into_os_string();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let mut file = fs::File::create(&tmp).io("create", &tmp)?;
        file.write_all(&self.encode_snapshot()).io("write", &tmp)?;
        fs::rename(&tmp, &path).io("rename", &tmp)?;
        delete_old_snapshots(dir)?;
        Ok((Arc::new(file), path))
    }
}

/// Applies one batch to a producer's entry, checking it at `level`.
fn apply(
    e: &mut ProducerEntry,
    b: &ProducerBatch,
    level: CheckLevel,
) -> Result<Option<Outcome>, ProducerStateError> {
    let checked = level != CheckLevel::Replication;
    if checked && e.epoch != NO_EPOCH && b.epoch < e.epoch {
        return Err(ProducerStateError::InvalidProducerEpoch {
            producer_id: b.producer_id,
            epoch: b.epoch,
            current: e.epoch,
        });
    }
    match b.kind {
        BatchKind::OtherControl => Ok(None),
        BatchKind::Data => apply_data(e, b, level),
        BatchKind::Marker {
            abort,
            coordinator_epoch,
        } => {
            if level == CheckLevel::CoordinatorTv2 && e.epoch != NO_EPOCH && b.epoch <= e.epoch {
                return Err(ProducerStateError::InvalidProducerEpoch {
                    producer_id: b.producer_id,
                    epoch: b.epoch,
                    current: e.epoch,
                });
            }
            if checked && e.coordinator_epoch > coordinator_epoch {
                return Err(ProducerStateError::TransactionCoordinatorFenced {
                    producer_id: b.producer_id,
                    epoch: coordinator_epoch,
                    current: e.coordinator_epoch,
                });
            }
            let outcome = e
                .txn_first_offset
                .take()
                .map(|first_offset| Outcome::Completed {
                    first_offset,
                    last_offset: b.first_offset,
                    abort,
                });
            e.set_epoch(b.epoch);
            e.coordinator_epoch = coordinator_epoch;
            e.last_timestamp = e.last_timestamp.max(b.max_timestamp);
            e.last_offset = b.last_offset;
            Ok(outcome)
        }
    }
}

fn apply_data(
    e: &mut ProducerEntry,
    b: &ProducerBatch,
    level: CheckLevel,
) -> Result<Option<Outcome>, ProducerStateError> {
    if level == CheckLevel::Client && b.first_sequence >= 0 {
        let refuse = if b.epoch != e.epoch {
            b.first_sequence != 0 && e.epoch != NO_EPOCH
        } else {
            e.epoch != NO_EPOCH && !in_sequence(e.last_sequence(), b.first_sequence)
        };
        if refuse {
            return Err(ProducerStateError::OutOfOrderSequence {
                producer_id: b.producer_id,
                sequence: b.first_sequence,
                last: if b.epoch == e.epoch {
                    e.last_sequence()
                } else {
                    -1
                },
            });
        }
    }
    if level != CheckLevel::Replication && e.txn_first_offset.is_some() && !b.transactional {
        return Err(ProducerStateError::InvalidTxnState {
            producer_id: b.producer_id,
        });
    }
    e.set_epoch(b.epoch);
    if b.first_sequence >= 0 {
        e.batches.push_back(BatchMetadata {
            first_sequence: b.first_sequence,
            last_sequence: b.last_sequence,
            first_offset: b.first_offset,
            last_offset: b.last_offset,
            timestamp: b.max_timestamp,
        });
        while e.batches.len() > BATCHES_PER_PRODUCER {
            e.batches.pop_front();
        }
    }
    e.last_timestamp = e.last_timestamp.max(b.max_timestamp);
    e.last_offset = b.last_offset;
    if b.transactional && e.txn_first_offset.is_none() {
        e.txn_first_offset = Some(b.first_offset);
        return Ok(Some(Outcome::Started {
            first_offset: b.first_offset,
        }));
    }
    Ok(None)
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> std::result::Result<[u8; N], &'static str> {
        let (head, rest) = self.0.split_first_chunk::<N>().ok_or("truncated")?;
        self.0 = rest;
        Ok(*head)
    }
    fn i16(&mut self) -> std::result::Result<i16, &'static str> {
        self.take().map(i16::from_be_bytes)
    }
    fn u32(&mut self) -> std::result::Result<u32, &'static str> {
        self.take().map(u32::from_be_bytes)
    }
    fn i32(&mut self) -> std::result::Result<i32, &'static str> {
        self.take().map(i32::from_be_bytes)
    }
    fn i64(&mut self) -> std::result::Result<i64, &'static str> {
        self.take().map(i64::from_be_bytes)
    }
}

/// Deletes all but the newest [`SNAPSHOTS_RETAINED`] snapshots in `dir`.
fn delete_old_snapshots(dir: &Path) -> Result<()> {
    let offsets = snapshot_offsets(dir)?;
    let excess = offsets.len().saturating_sub(SNAPSHOTS_RETAINED);
    for &old in &offsets[..excess] {
        delete_snapshot(dir, old)?;
    }
    Ok(())
}

/// `<dir>/<20-digit offset>.snapshot`.
pub(crate) fn snapshot_path(dir: &Path, offset: Offset) -> PathBuf {
    dir.join(format!("{:020}{SNAPSHOT_FILE_SUFFIX}", offset.0))
}

/// The offsets of the snapshot files in `dir`, ascending.
pub(crate) fn snapshot_offsets(dir: &Path) -> Result<Vec<Offset>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).io("list", dir)? {
        let name = entry.io("list", dir)?.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(stem) = name.strip_suffix(SNAPSHOT_FILE_SUFFIX) else {
            continue;
        };
        if stem.len() == 20
            && stem.bytes().all(|b| b.is_ascii_digit())
            && let Ok(offset) = stem.parse::<i64>()
        {
            out.push(Offset(offset));
        }
    }
    out.sort();
    Ok(out)
}

pub(crate) fn delete_snapshot(dir: &Path, offset: Offset) -> Result<()> {
    let path = snapshot_path(dir, offset);
    match fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e).io("delete", &path),
        _ => Ok(()),
    }
}

/// Reads the snapshot at `offset`; `Ok(Err(reason))` if it is damaged.
pub(crate) fn read_snapshot(
    dir: &Path,
    offset: Offset,
    producers_max: usize,
) -> Result<std::result::Result<ProducerStateManager, &'static str>> {
    let path = snapshot_path(dir, offset);
    let len = fs::metadata(&path).io("stat", &path)?.len();
    if len > SNAPSHOT_BYTES_MAX {
        return Ok(Err("larger than the snapshot limit"));
    }
    let bytes = fs::read(&path).io("read", &path)?;
    Ok(ProducerStateManager::decode_snapshot(
        &bytes,
        offset,
        producers_max,
    ))
}

impl From<ProducerStateError> for StorageError {
    fn from(e: ProducerStateError) -> Self {
        StorageError::ProducerState(e)
    }
}

#[cfg(test)]
mod tests;
