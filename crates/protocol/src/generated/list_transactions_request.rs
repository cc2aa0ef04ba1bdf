// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListTransactionsRequest` (request), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListTransactionsRequest {
    pub state_filters: Vec<String>,
    pub producer_id_filters: Vec<i64>,
    pub duration_filter: i64,
    pub transactional_id_pattern: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListTransactionsRequest {
    fn default() -> Self {
        ListTransactionsRequest {
            state_filters: Vec::<String>::new(),
            producer_id_filters: Vec::<i64>::new(),
            duration_filter: -1i64,
            transactional_id_pattern: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListTransactionsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            1..=1 => 11,
            2..=2 => 12,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.state_filters = r.array(flexible, 1, "ListTransactionsRequest.StateFilters", |r| Ok(r.string(flexible, "ListTransactionsRequest.StateFilters")?))?;
        this.producer_id_filters = r.array(flexible, 8, "ListTransactionsRequest.ProducerIdFilters", |r| Ok(r.i64()?))?;
        if version >= 1 { this.duration_filter = r.i64()?; }
        if version >= 2 { this.transactional_id_pattern = r.string_opt(flexible, version >= 2, "ListTransactionsRequest.TransactionalIdPattern")?; }
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.state_filters).len()), "ListTransactionsRequest.StateFilters")?; for e in (&self.state_filters).iter() { s += p::string_size(flexible, e, "ListTransactionsRequest.StateFilters")?; } s };
        size += p::array_prefix_size(flexible, false, Some((&self.producer_id_filters).len()), "ListTransactionsRequest.ProducerIdFilters")? + (&self.producer_id_filters).len() * 8;
        if version >= 1 { size += 8; } else if self.duration_filter != -1i64 { return Err(p::WireError::FieldNotSupported { message: "ListTransactionsRequest", field: "DurationFilter", version }); }
        if version >= 2 { size += p::opt_string_size(flexible, version >= 2, (&self.transactional_id_pattern).as_deref(), "ListTransactionsRequest.TransactionalIdPattern")?; } else if self.transactional_id_pattern != None { return Err(p::WireError::FieldNotSupported { message: "ListTransactionsRequest", field: "TransactionalIdPattern", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListTransactionsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.state_filters).len())); for e in (&self.state_filters).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.producer_id_filters).len())); for e in (&self.producer_id_filters).iter() { w.put_i64(*e); }
        if version >= 1 { w.put_i64(*(&self.duration_filter)); }
        if version >= 2 { w.put_nullable_string(flexible, (&self.transactional_id_pattern).as_deref()); }
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
impl p::testing::Random for ListTransactionsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.state_filters = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.producer_id_filters = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i64).collect::<Vec<_>>() };
        if version >= 1 { this.duration_filter = rng.next_u64() as i64; }
        if version >= 2 { this.transactional_id_pattern = rng.opt_string(version >= 2); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListTransactionsRequest {
    const NAME: &'static str = "ListTransactionsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

