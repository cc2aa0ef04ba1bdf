//! Idempotent producer state: per partition and producer id, the epoch and the sequence
//! numbers of the last batches appended, so a retried batch is acknowledged without being
//! written twice and a gap is refused with `OUT_OF_ORDER_SEQUENCE_NUMBER`.
//!
//! The state is rebuilt from the batch headers at the tail of each log when the partition
//! opens (the last [`REBUILD_OFFSETS_MAX`] offsets), so it survives a restart without a
//! snapshot file of its own. Checks and appends of one partition happen under the
//! partition's entry lock, so two requests cannot both pass a check for the same sequence.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};

use bytes::Bytes;
use strom_protocol::ErrorCode;
use strom_protocol::records::{BatchIter, NO_PRODUCER_ID, RecordBatchHeader};
use strom_storage::{FetchIsolation, FetchParams, Log, Offset, TopicPartition};

use crate::replica_manager::Partition;

/// Batches remembered per producer for duplicate detection (librdkafka and Kafka's clients
/// keep at most five requests in flight with idempotence on).
pub const BATCHES_PER_PRODUCER: usize = 5;
/// Producers remembered per partition; the least recently seen is forgotten beyond it.
pub const PRODUCERS_PER_PARTITION_MAX: usize = 10_000;
/// How far back from the log end a reopened partition looks for producer batches.
pub const REBUILD_OFFSETS_MAX: i64 = 100_000;
/// Bytes read per step while rebuilding.
const REBUILD_READ_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
struct BatchMeta {
    first_seq: i32,
    last_seq: i32,
    first_offset: i64,
}

#[derive(Debug, Default)]
struct ProducerEntry {
    epoch: i16,
    batches: VecDeque<BatchMeta>,
    last_used: u64,
}

/// The producers of one partition.
#[derive(Debug, Default)]
pub struct PartitionProducers {
    producers: HashMap<i64, ProducerEntry>,
    clock: u64,
}

/// Producer state for every partition.
#[derive(Debug, Default)]
pub struct ProducerStates {
    partitions: Mutex<HashMap<TopicPartition, PartitionProducers>>,
}

/// What the sequence check decided for a record set.
#[derive(Debug)]
pub enum SequenceCheck {
    Append,
    /// The batch was appended before at this offset: acknowledge it, do not write it.
    Duplicate {
        base_offset: i64,
    },
    Refuse(ErrorCode, String),
}

/// The producer fields of one batch header.
#[derive(Debug, Clone, Copy)]
pub struct ProducerBatch {
    pub producer_id: i64,
    pub epoch: i16,
    pub first_seq: i32,
    pub last_seq: i32,
    pub record_count: i64,
}

/// The idempotent batches of a record set, read from their headers only.
pub fn producer_batches(records: &Bytes) -> Vec<ProducerBatch> {
    BatchIter::new(records.clone())
        .map_while(Result::ok)
        .map(|b| *b.header())
        .filter(|h| h.producer_id != NO_PRODUCER_ID && h.base_sequence >= 0)
        .map(|h: RecordBatchHeader| ProducerBatch {
            producer_id: h.producer_id,
            epoch: h.producer_epoch,
            first_seq: h.base_sequence,
            last_seq: h.base_sequence.wrapping_add(h.last_offset_delta),
            record_count: i64::from(h.last_offset_delta) + 1,
        })
        .collect()
}

fn next_seq(seq: i32) -> i32 {
    if seq == i32::MAX { 0 } else { seq + 1 }
}

impl ProducerStates {
    /// Locks the producer table; held by the produce path across check and append.
    pub fn lock(&self) -> MutexGuard<'_, HashMap<TopicPartition, PartitionProducers>> {
        self.partitions.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Rebuilds a partition's producer state from the tail of its log.
    pub fn rebuild(&self, partition: &Partition) {
        let log: &Log = &partition.log;
        let end = log.log_end_offset().0;
        let mut offset = log.log_start_offset().0.max(end - REBUILD_OFFSETS_MAX);
        let mut state = PartitionProducers::default();
        let mut steps = 0;
        while offset < end && steps < 1 + (REBUILD_OFFSETS_MAX as usize) {
            steps += 1;
            let params = FetchParams {
                max_bytes: REBUILD_READ_BYTES,
                min_one_batch: true,
                isolation: FetchIsolation::LogEnd,
            };
            let Ok(data) = log.read(Offset(offset), params) else {
                break;
            };
            if data.records.is_empty() {
                break;
            }
            for batch in BatchIter::new(data.records).map_while(Result::ok) {
                let h = batch.header();
                offset = offset.max(h.next_offset());
                if h.producer_id != NO_PRODUCER_ID && h.base_sequence >= 0 {
                    let b = ProducerBatch {
                        producer_id: h.producer_id,
                        epoch: h.producer_epoch,
                        first_seq: h.base_sequence,
                        last_seq: h.base_sequence.wrapping_add(h.last_offset_delta),
                        record_count: i64::from(h.last_offset_delta) + 1,
                    };
                    state.remember(&b, h.base_offset);
                }
            }
        }
        self.lock().insert(partition.topic_partition.clone(), state);
    }

    pub fn forget(&self, tp: &TopicPartition) {
        self.lock().remove(tp);
    }
}

impl PartitionProducers {
    /// Checks a record set's batches against the state.
    pub fn check(&self, batches: &[ProducerBatch]) -> SequenceCheck {
        let mut expected: HashMap<i64, (i16, Option<i32>)> = HashMap::new();
        for (i, b) in batches.iter().enumerate() {
            let entry = self.producers.get(&b.producer_id);
            let (epoch, last) = *expected.entry(b.producer_id).or_insert_with(|| {
                entry.map_or((b.epoch, None), |e| {
                    (e.epoch, e.batches.back().map(|m| m.last_seq))
                })
            });
            if b.epoch < epoch {
                return SequenceCheck::Refuse(
                    ErrorCode::InvalidProducerEpoch,
                    format!("producer epoch {} is older than {epoch}", b.epoch),
                );
            }
            let fresh_epoch = b.epoch > epoch || last.is_none();
            if fresh_epoch {
                if b.first_seq != 0 {
                    return SequenceCheck::Refuse(
                        ErrorCode::OutOfOrderSequenceNumber,
                        format!(
                            "first sequence of producer {} epoch {} is {}, expected 0",
                            b.producer_id, b.epoch, b.first_seq
                        ),
                    );
                }
            } else if let Some(last) = last
                && b.first_seq != next_seq(last)
            {
                if batches.len() == 1
                    && let Some(dup) = entry.and_then(|e| {
                        e.batches
                            .iter()
                            .find(|m| m.first_seq == b.first_seq && m.last_seq == b.last_seq)
                    })
                {
                    return SequenceCheck::Duplicate {
                        base_offset: dup.first_offset,
                    };
                }
                return SequenceCheck::Refuse(
                    ErrorCode::OutOfOrderSequenceNumber,
                    format!("batch {i}: sequence {} after {last}", b.first_seq),
                );
            }
            expected.insert(b.producer_id, (b.epoch, Some(b.last_seq)));
        }
        SequenceCheck::Append
    }

    /// Records appended batches; `first_offset` is where the record set landed.
    pub fn remember_appended(&mut self, batches: &[ProducerBatch], first_offset: i64) {
        let mut offset = first_offset;
        for b in batches {
            self.remember(b, offset);
            offset += b.record_count;
        }
    }

    fn remember(&mut self, b: &ProducerBatch, first_offset: i64) {
        self.clock += 1;
        let clock = self.clock;
        if !self.producers.contains_key(&b.producer_id)
            && self.producers.len() >= PRODUCERS_PER_PARTITION_MAX
            && let Some(oldest) = self
                .producers
                .iter()
                .min_by_key(|(_, e)| e.last_used)
                .map(|(k, _)| *k)
        {
            self.producers.remove(&oldest);
        }
        let entry = self.producers.entry(b.producer_id).or_default();
        if b.epoch != entry.epoch {
            entry.batches.clear();
            entry.epoch = b.epoch;
        }
        entry.last_used = clock;
        entry.batches.push_back(BatchMeta {
            first_seq: b.first_seq,
            last_seq: b.last_seq,
            first_offset,
        });
        while entry.batches.len() > BATCHES_PER_PRODUCER {
            entry.batches.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(pid: i64, epoch: i16, first: i32, count: i32) -> ProducerBatch {
        ProducerBatch {
            producer_id: pid,
            epoch,
            first_seq: first,
            last_seq: first + count - 1,
            record_count: count.into(),
        }
    }

    #[test]
    fn duplicates_are_recognised_and_gaps_refused() {
        // A retried batch maps to its original offset, a gap or an old epoch is refused, and a
        // new epoch restarts at sequence 0.
        let mut s = PartitionProducers::default();
        assert!(matches!(
            s.check(&[batch(7, 0, 0, 3)]),
            SequenceCheck::Append
        ));
        s.remember_appended(&[batch(7, 0, 0, 3)], 100);
        assert!(matches!(
            s.check(&[batch(7, 0, 0, 3)]),
            SequenceCheck::Duplicate { base_offset: 100 }
        ));
        assert!(matches!(
            s.check(&[batch(7, 0, 3, 1)]),
            SequenceCheck::Append
        ));
        assert!(matches!(
            s.check(&[batch(7, 0, 5, 1)]),
            SequenceCheck::Refuse(ErrorCode::OutOfOrderSequenceNumber, _)
        ));
        assert!(matches!(
            s.check(&[batch(8, 0, 4, 1)]),
            SequenceCheck::Refuse(ErrorCode::OutOfOrderSequenceNumber, _)
        ));
        s.remember_appended(&[batch(7, 1, 0, 1)], 103);
        assert!(matches!(
            s.check(&[batch(7, 0, 3, 1)]),
            SequenceCheck::Refuse(ErrorCode::InvalidProducerEpoch, _)
        ));
    }
}
