// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `InitProducerIdRequest` (request), versions 0-6.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct InitProducerIdRequest {
    pub transactional_id: Option<String>,
    pub transaction_timeout_ms: i32,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub enable2_pc: bool,
    pub keep_prepared_txn: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for InitProducerIdRequest {
    fn default() -> Self {
        InitProducerIdRequest {
            transactional_id: Some(String::new()),
            transaction_timeout_ms: 0i32,
            producer_id: -1i64,
            producer_epoch: -1i16,
            enable2_pc: false,
            keep_prepared_txn: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for InitProducerIdRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 6,
            3..=5 => 16,
            6..=6 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.transactional_id = r.string_opt(flexible, true, "InitProducerIdRequest.TransactionalId")?;
        this.transaction_timeout_ms = r.i32()?;
        if version >= 3 { this.producer_id = r.i64()?; }
        if version >= 3 { this.producer_epoch = r.i16()?; }
        if version >= 6 { this.enable2_pc = r.bool()?; }
        if version >= 6 { this.keep_prepared_txn = r.bool()?; }
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::opt_string_size(flexible, true, (&self.transactional_id).as_deref(), "InitProducerIdRequest.TransactionalId")?;
        size += 4;
        if version >= 3 { size += 8; } else if self.producer_id != -1i64 { return Err(p::WireError::FieldNotSupported { message: "InitProducerIdRequest", field: "ProducerId", version }); }
        if version >= 3 { size += 2; } else if self.producer_epoch != -1i16 { return Err(p::WireError::FieldNotSupported { message: "InitProducerIdRequest", field: "ProducerEpoch", version }); }
        if version >= 6 { size += 1; } else if self.enable2_pc != false { return Err(p::WireError::FieldNotSupported { message: "InitProducerIdRequest", field: "Enable2Pc", version }); }
        if version >= 6 { size += 1; } else if self.keep_prepared_txn != false { return Err(p::WireError::FieldNotSupported { message: "InitProducerIdRequest", field: "KeepPreparedTxn", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "InitProducerIdRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, (&self.transactional_id).as_deref());
        w.put_i32(*(&self.transaction_timeout_ms));
        if version >= 3 { w.put_i64(*(&self.producer_id)); }
        if version >= 3 { w.put_i16(*(&self.producer_epoch)); }
        if version >= 6 { w.put_bool(*(&self.enable2_pc)); }
        if version >= 6 { w.put_bool(*(&self.keep_prepared_txn)); }
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
impl p::testing::Random for InitProducerIdRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.transactional_id = rng.opt_string(true);
        this.transaction_timeout_ms = rng.next_u64() as i32;
        if version >= 3 { this.producer_id = rng.next_u64() as i64; }
        if version >= 3 { this.producer_epoch = rng.next_u64() as i16; }
        if version >= 6 { this.enable2_pc = rng.bool(); }
        if version >= 6 { this.keep_prepared_txn = rng.bool(); }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for InitProducerIdRequest {
    const NAME: &'static str = "InitProducerIdRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 6;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

