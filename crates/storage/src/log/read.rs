//! Reads: whole batches from one segment at a time, bounded by the isolation level, and
//! Kafka's offset-for-timestamp lookup. File I/O happens after the log's lock is released,
//! on a view of the segment taken under it.

use std::ops::Bound;

use bytes::Bytes;
use strom_protocol::records::TimestampType;

use super::{Log, LogState};
use crate::config::READ_BYTES_MAX;
use crate::{Offset, ProducerId, Result, StorageError, Timestamp};

/// The upper bound of a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchIsolation {
    /// Up to the log end (followers).
    LogEnd,
    /// Up to the high watermark (`read_uncommitted` consumers).
    HighWatermark,
    /// Up to the last stable offset, with the aborted transactions in the returned range
    /// (`read_committed` consumers; Kafka's `TXN_COMMITTED`).
    TxnCommitted,
}

/// An aborted transaction a `read_committed` consumer must skip: the producer's records from
/// `first_offset` up to its abort marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbortedTxn {
    pub producer_id: ProducerId,
    pub first_offset: Offset,
}

/// Limits of one read.
#[derive(Debug, Clone, Copy)]
pub struct FetchParams {
    /// Bytes wanted (capped at [`READ_BYTES_MAX`]).
    pub max_bytes: usize,
    /// Return the first batch even if it alone exceeds `max_bytes` (Kafka does this for the
    /// first partition of a fetch so a large batch cannot block a consumer).
    pub min_one_batch: bool,
    pub isolation: FetchIsolation,
}

/// The answer to a read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchData {
    /// Whole batches, exactly as stored; empty if nothing is visible at the offset.
    pub records: Bytes,
    pub high_watermark: Offset,
    pub log_start_offset: Offset,
    pub log_end_offset: Offset,
    pub last_stable_offset: Offset,
    /// For [`FetchIsolation::TxnCommitted`] only: every aborted transaction overlapping the
    /// returned batches (abort marker at or after the fetch offset, first offset before the
    /// end of the last batch), in marker order. `None` for the other isolations, as Kafka's
    /// FetchResponse sends null.
    pub aborted_transactions: Option<Vec<AbortedTxn>>,
}

impl Log {
    /// Reads whole batches starting with the one that holds `start`, from a single segment.
    /// `start` must lie in `[log start, log end]`; at or past the isolation bound the answer
    /// is empty. For [`FetchIsolation::TxnCommitted`] the bound is the last stable offset and
    /// the answer lists the aborted transactions overlapping the returned batches.
    pub fn read(&self, start: Offset, params: FetchParams) -> Result<FetchData> {
        let mut data = self.read_records(start, params)?;
        if params.isolation == FetchIsolation::TxnCommitted {
            data.aborted_transactions = Some(self.aborted_transactions_in(start, &data.records)?);
        }
        Ok(data)
    }

    fn read_records(&self, start: Offset, params: FetchParams) -> Result<FetchData> {
        let max_bytes = params.max_bytes.min(READ_BYTES_MAX);
        let mut position = start;
        loop {
            let (view, meta, bound) = {
                let st = self.state();
                if st.closed {
                    return Err(StorageError::LogClosed(self.topic_partition.clone()));
                }
                let meta = FetchData {
                    records: Bytes::new(),
                    high_watermark: st.high_watermark,
                    log_start_offset: st.log_start_offset,
                    log_end_offset: st.log_end_offset,
                    last_stable_offset: st.last_stable_offset(),
                    aborted_transactions: None,
                };
                if start < st.log_start_offset || start > st.log_end_offset {
                    return Err(self.out_of_range(&st, start));
                }
                let bound = match params.isolation {
                    FetchIsolation::LogEnd => st.log_end_offset,
                    FetchIsolation::HighWatermark => st.high_watermark,
                    FetchIsolation::TxnCommitted => st.last_stable_offset(),
                };
                if position >= bound {
                    return Ok(meta);
                }
                let segment = st
                    .segments
                    .range(..=position)
                    .next_back()
                    .or_else(|| st.segments.range(position..).next())
                    .map(|(_, s)| s);
                let Some(segment) = segment else {
                    return Ok(meta);
                };
                (segment.read_view(position)?, meta, bound)
            };
            let target = position.max(view.base_offset);
            match view.read(target, max_bytes, params.min_one_batch, bound)? {
                Some(records) => return Ok(FetchData { records, ..meta }),
                None => {
                    // Nothing at or after `position` in that segment (a compacted gap, or an
                    // empty segment): continue from the next one.
                    let st = self.state();
                    let next = st
                        .segments
                        .range((Bound::Excluded(view.base_offset), Bound::Unbounded))
                        .next()
                        .map(|(&b, _)| b);
                    match next {
                        Some(b) => position = b.max(position),
                        None => return Ok(meta),
                    }
                }
            }
        }
    }

    pub(super) fn out_of_range(&self, st: &LogState, requested: Offset) -> StorageError {
        StorageError::OffsetOutOfRange {
            topic_partition: self.topic_partition.clone(),
            requested,
            log_start: st.log_start_offset,
            log_end: st.log_end_offset,
        }
    }

    /// Kafka's offset-for-timestamp: the first record at or after the log start whose
    /// timestamp is at least `target`, as (offset, timestamp); `None` if none is that new.
    ///
    /// The work one call may cause is bounded: batches are skipped by their 61-byte headers
    /// from the time index's entry onwards, and only the one batch that holds the answer is
    /// read whole (at most `segment::SCAN_BATCH_BYTES_MAX` bytes, checked against the segment) and
    /// decompressed within [`LogConfig::decompressed_batch_bytes_max`]. It does blocking file
    /// I/O: call it off the async workers.
    ///
    /// [`LogConfig::decompressed_batch_bytes_max`]: crate::LogConfig::decompressed_batch_bytes_max
    pub fn offset_for_timestamp(&self, target: Timestamp) -> Result<Option<(Offset, Timestamp)>> {
        let (mut view, time_lookup, log_start, decompressed_max) = {
            let st = self.state();
            let log_start = st.log_start_offset;
            let Some(segment) = st
                .segments
                .values()
                .find(|s| s.next_offset() > log_start && s.max_timestamp() >= target)
            else {
                return Ok(None);
            };
            // An active segment's indexes are in memory: search them now. An inactive
            // one's are searched on disk below, without the lock.
            let in_memory = segment.time_index().is_loaded();
            let start = if in_memory {
                segment.time_index().lookup(target).1.max(log_start)
            } else {
                log_start
            };
            let view = segment.read_view(start)?;
            let time_lookup = if in_memory {
                None
            } else {
                Some(segment.time_index().lookup_later(target)?)
            };
            (
                view,
                time_lookup,
                log_start,
                st.config.decompressed_batch_bytes_max(),
            )
        };
        if let Some(time_lookup) = time_lookup {
            let (_, indexed_offset) = time_lookup();
            view.lookup = view.lookup.retarget(indexed_offset.max(log_start));
        }
        let corrupt = |source| StorageError::CorruptRecord {
            batch_index: 0,
            source,
        };
        // From the batch the index points at, found (and the index entry checked) as a
        // read would find it.
        let (indexed_offset, _) = view.lookup.resolve();
        let Some((mut position, _)) = view.find_batch(indexed_offset)? else {
            return Ok(None);
        };
        while let Some(h) = view.header_at(position)? {
            let size = h.total_size() as u64;
            if h.last_offset() < log_start.0 || h.max_timestamp < target.0 {
                position += size;
                continue;
            }
            if h.timestamp_type() == TimestampType::LogAppendTime {
                let offset = Offset(h.base_offset).max(log_start);
                return Ok(Some((offset, Timestamp(h.max_timestamp))));
            }
            let Some(batch) = view.batch_at(position, &h)? else {
                return Ok(None);
            };
            let records = batch
                .records_with_limit(decompressed_max)
                .map_err(corrupt)?;
            for record in records {
                let record = record.map_err(corrupt)?;
                let (offset, ts) = (
                    record.offset(h.base_offset),
                    record.timestamp(h.base_timestamp),
                );
                if ts >= target.0 && offset >= log_start.0 {
                    return Ok(Some((Offset(offset), Timestamp(ts))));
                }
            }
            position += size;
        }
        Ok(None)
    }

    /// Kafka's `MAX_TIMESTAMP` lookup: the newest timestamp in the log and the offset of the
    /// first record that carries it (`None` for a log without timestamps). The segment keeps
    /// the batch that holds the newest timestamp; that batch's records say which one it is,
    /// as a batch may be stamped out of order. A LogAppendTime batch stamps every record
    /// alike, so its base offset is the answer. Reads one batch, bounded as
    /// [`Log::offset_for_timestamp`] is; blocking file I/O.
    pub fn max_timestamp_offset(&self) -> Result<Option<(Offset, Timestamp)>> {
        let (view, batch_last, newest, decompressed_max) = {
            let st = self.state();
            let Some(segment) = st
                .segments
                .values()
                .filter(|s| s.max_timestamp() != Timestamp::NONE)
                .max_by_key(|s| s.max_timestamp())
            else {
                return Ok(None);
            };
            let batch_last = segment.offset_of_max_timestamp();
            (
                segment.read_view(batch_last)?,
                batch_last,
                segment.max_timestamp(),
                st.config.decompressed_batch_bytes_max(),
            )
        };
        let corrupt = |source| StorageError::CorruptRecord {
            batch_index: 0,
            source,
        };
        // The batch was not where the segment said (truncated meanwhile): its last offset is
        // still a record at or after the newest timestamp's.
        let fallback = Ok(Some((batch_last, newest)));
        let Some((position, h)) = view.find_batch(batch_last)? else {
            return fallback;
        };
        if h.max_timestamp != newest.0 {
            return fallback;
        }
        if h.timestamp_type() == TimestampType::LogAppendTime {
            return Ok(Some((Offset(h.base_offset), newest)));
        }
        let Some(batch) = view.batch_at(position, &h)? else {
            return fallback;
        };
        let records = batch
            .records_with_limit(decompressed_max)
            .map_err(corrupt)?;
        for record in records {
            let record = record.map_err(corrupt)?;
            if record.timestamp(h.base_timestamp) == newest.0 {
                return Ok(Some((Offset(record.offset(h.base_offset)), newest)));
            }
        }
        fallback
    }
}
