//! `ProducerStateManager`: what a partition remembers about idempotent producers, so that a
//! batch retried after a lost response is recognised instead of written twice.
//!
//! For each producer id it keeps the epoch and the sequence ranges and offsets of the last
//! [`BATCHES_PER_PRODUCER`] batches (Kafka keeps 5, matching the producer's bound on
//! in-flight requests). A batch whose sequences match one of those is a duplicate and is
//! answered with the offsets it got the first time; one that does not continue the last
//! sequence is out of order; an older epoch is fenced.
//!
//! This state is in memory only. Kafka also writes `<offset>.snapshot` files so it need not
//! rescan the log on start; here the broker rebuilds it by replaying batch headers
//! ([`ProducerStateManager::update`]) after loading.

use std::collections::{HashMap, VecDeque};

use crate::{Offset, ProducerId, Timestamp};

/// Batches remembered per producer (Kafka's `NUM_BATCHES_TO_RETAIN`).
pub const BATCHES_PER_PRODUCER: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BatchMetadata {
    first_sequence: i32,
    last_sequence: i32,
    first_offset: Offset,
    last_offset: Offset,
}

#[derive(Debug, Clone)]
struct ProducerEntry {
    epoch: i16,
    batches: VecDeque<BatchMetadata>,
    last_timestamp: Timestamp,
}

/// The producer fields of one idempotent batch (from its header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProducerBatch {
    pub producer_id: ProducerId,
    pub epoch: i16,
    pub first_sequence: i32,
    pub last_sequence: i32,
}

/// The verdict on an incoming idempotent batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProducerAppend {
    /// Append it.
    New,
    /// Already in the log at these offsets: answer with them, write nothing.
    Duplicate {
        first_offset: Offset,
        last_offset: Offset,
    },
}

/// Why an idempotent batch is refused (Kafka's error of the same name).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProducerStateError {
    #[error("producer {producer_id} epoch {epoch} is older than the current {current}")]
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
    #[error("{0} producers already tracked")]
    TooManyProducers(usize),
}

/// Idempotent-producer state of one partition.
#[derive(Debug)]
pub struct ProducerStateManager {
    producers: HashMap<ProducerId, ProducerEntry>,
    producers_max: usize,
}

fn next_sequence(sequence: i32) -> i32 {
    if sequence == i32::MAX {
        0
    } else {
        sequence + 1
    }
}

impl ProducerStateManager {
    /// A manager tracking at most `producers_max` producer ids.
    pub fn new(producers_max: usize) -> Self {
        ProducerStateManager {
            producers: HashMap::new(),
            producers_max,
        }
    }

    pub fn producer_count(&self) -> usize {
        self.producers.len()
    }

    /// Checks a batch before it is appended.
    pub fn check(&self, batch: &ProducerBatch) -> Result<ProducerAppend, ProducerStateError> {
        let ProducerBatch {
            producer_id,
            epoch,
            first_sequence,
            last_sequence,
        } = *batch;
        let Some(entry) = self.producers.get(&producer_id) else {
            if self.producers.len() >= self.producers_max {
                return Err(ProducerStateError::TooManyProducers(self.producers.len()));
            }
            return Ok(ProducerAppend::New);
        };
        if epoch < entry.epoch {
            return Err(ProducerStateError::InvalidProducerEpoch {
                producer_id,
                epoch,
                current: entry.epoch,
            });
        }
        if epoch > entry.epoch {
            // A new epoch restarts sequences at 0.
            return if first_sequence == 0 {
                Ok(ProducerAppend::New)
            } else {
                Err(ProducerStateError::OutOfOrderSequence {
                    producer_id,
                    sequence: first_sequence,
                    last: -1,
                })
            };
        }
        if let Some(b) = entry
            .batches
            .iter()
            .find(|b| b.first_sequence == first_sequence && b.last_sequence == last_sequence)
        {
            return Ok(ProducerAppend::Duplicate {
                first_offset: b.first_offset,
                last_offset: b.last_offset,
            });
        }
        let last = entry.batches.back().map_or(-1, |b| b.last_sequence);
        if first_sequence != next_sequence(last) {
            return Err(ProducerStateError::OutOfOrderSequence {
                producer_id,
                sequence: first_sequence,
                last,
            });
        }
        Ok(ProducerAppend::New)
    }

    /// Records an appended batch (or one replayed from the log).
    pub fn update(
        &mut self,
        batch: &ProducerBatch,
        first_offset: Offset,
        last_offset: Offset,
        timestamp: Timestamp,
    ) {
        let ProducerBatch {
            producer_id,
            epoch,
            first_sequence,
            last_sequence,
        } = *batch;
        let entry = self
            .producers
            .entry(producer_id)
            .or_insert_with(|| ProducerEntry {
                epoch,
                batches: VecDeque::new(),
                last_timestamp: timestamp,
            });
        if epoch > entry.epoch {
            entry.epoch = epoch;
            entry.batches.clear();
        }
        entry.batches.push_back(BatchMetadata {
            first_sequence,
            last_sequence,
            first_offset,
            last_offset,
        });
        while entry.batches.len() > BATCHES_PER_PRODUCER {
            entry.batches.pop_front();
        }
        entry.last_timestamp = entry.last_timestamp.max(timestamp);
    }

    /// Forgets producers idle since before `now - expiration_ms`
    /// (`transactional.id.expiration.ms`/`producer.id.expiration.ms`).
    pub fn remove_expired(&mut self, now: Timestamp, expiration_ms: i64) {
        self.producers
            .retain(|_, e| now.0.saturating_sub(e.last_timestamp.0) < expiration_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(producer_id: i64, epoch: i16, first: i32, last: i32) -> ProducerBatch {
        ProducerBatch {
            producer_id: ProducerId(producer_id),
            epoch,
            first_sequence: first,
            last_sequence: last,
        }
    }

    #[test]
    fn retried_batch_is_a_duplicate_with_its_original_offsets() {
        // A batch resent with the same sequences is recognised among the last five and
        // answered with the offsets it was first written at.
        let mut state = ProducerStateManager::new(10);
        assert_eq!(state.check(&b(7, 0, 0, 4)), Ok(ProducerAppend::New));
        state.update(&b(7, 0, 0, 4), Offset(100), Offset(104), Timestamp(1));
        assert_eq!(state.check(&b(7, 0, 5, 9)), Ok(ProducerAppend::New));
        state.update(&b(7, 0, 5, 9), Offset(110), Offset(114), Timestamp(2));
        assert_eq!(
            state.check(&b(7, 0, 0, 4)),
            Ok(ProducerAppend::Duplicate {
                first_offset: Offset(100),
                last_offset: Offset(104)
            })
        );
    }

    #[test]
    fn gaps_and_old_epochs_are_refused() {
        // A sequence that skips ahead is out of order; an older epoch is fenced; a newer
        // epoch must start at sequence 0.
        let mut state = ProducerStateManager::new(10);
        state.update(&b(7, 3, 0, 1), Offset(0), Offset(1), Timestamp(1));
        assert!(matches!(
            state.check(&b(7, 3, 5, 6)),
            Err(ProducerStateError::OutOfOrderSequence { last: 1, .. })
        ));
        assert!(matches!(
            state.check(&b(7, 2, 2, 2)),
            Err(ProducerStateError::InvalidProducerEpoch { current: 3, .. })
        ));
        assert_eq!(state.check(&b(7, 4, 0, 0)), Ok(ProducerAppend::New));
        assert!(state.check(&b(7, 4, 3, 3)).is_err());
    }

    #[test]
    fn only_the_last_five_batches_are_remembered_and_producers_are_bounded() {
        // The sixth-oldest batch is forgotten, and a new producer beyond the bound is refused.
        let mut state = ProducerStateManager::new(1);
        for i in 0..6 {
            state.update(
                &b(1, 0, i, i),
                Offset(i as i64),
                Offset(i as i64),
                Timestamp(0),
            );
        }
        assert!(state.check(&b(1, 0, 0, 0)).is_err());
        assert!(matches!(
            state.check(&b(1, 0, 1, 1)),
            Ok(ProducerAppend::Duplicate { .. })
        ));
        assert_eq!(
            state.check(&b(2, 0, 0, 0)),
            Err(ProducerStateError::TooManyProducers(1))
        );
        state.remove_expired(Timestamp(10), 5);
        assert_eq!(state.producer_count(), 0);
    }
}
