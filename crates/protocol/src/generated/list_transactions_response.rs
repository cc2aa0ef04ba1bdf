// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListTransactionsResponse` (response), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListTransactionsResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub unknown_state_filters: Vec<String>,
    pub transaction_states: Vec<TransactionState>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListTransactionsResponse {
    fn default() -> Self {
        ListTransactionsResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            unknown_state_filters: Vec::<String>::new(),
            transaction_states: Vec::<TransactionState>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListTransactionsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.unknown_state_filters = r.array(flexible, 1, "ListTransactionsResponse.UnknownStateFilters", |r| Ok(r.string(flexible, "ListTransactionsResponse.UnknownStateFilters")?))?;
        this.transaction_states = r.array(flexible, TransactionState::min_size(version), "ListTransactionsResponse.TransactionStates", |r| Ok(TransactionState::read(r, version)?))?;
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = true;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.unknown_state_filters).len()), "ListTransactionsResponse.UnknownStateFilters")?; for e in (&self.unknown_state_filters).iter() { s += p::string_size(flexible, e, "ListTransactionsResponse.UnknownStateFilters")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.transaction_states).len()), "ListTransactionsResponse.TransactionStates")?; for e in (&self.transaction_states).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListTransactionsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.unknown_state_filters).len())); for e in (&self.unknown_state_filters).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.transaction_states).len())); for e in (&self.transaction_states).iter() { e.write(w, version)?; }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ListTransactionsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.unknown_state_filters = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.transaction_states = { let n = rng.len(depth); (0..n).map(|_| TransactionState::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListTransactionsResponse {
    const NAME: &'static str = "ListTransactionsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct TransactionState {
    pub transactional_id: String,
    pub producer_id: i64,
    pub transaction_state: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TransactionState {
    fn default() -> Self {
        TransactionState {
            transactional_id: String::new(),
            producer_id: 0i64,
            transaction_state: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TransactionState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 11,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.transactional_id = r.string(flexible, "TransactionState.TransactionalId")?;
        this.producer_id = r.i64()?;
        this.transaction_state = r.string(flexible, "TransactionState.TransactionState")?;
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = true;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.transactional_id), "TransactionState.TransactionalId")?;
        size += 8;
        size += p::string_size(flexible, (&self.transaction_state), "TransactionState.TransactionState")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TransactionState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.transactional_id).as_str()));
        w.put_i64(*(&self.producer_id));
        w.put_nullable_string(flexible, Some((&self.transaction_state).as_str()));
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for TransactionState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.transactional_id = rng.string();
        this.producer_id = rng.next_u64() as i64;
        this.transaction_state = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

