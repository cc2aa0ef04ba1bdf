// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `AddOffsetsToTxnRequest` (request), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct AddOffsetsToTxnRequest {
    pub transactional_id: String,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub group_id: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddOffsetsToTxnRequest {
    fn default() -> Self {
        AddOffsetsToTxnRequest {
            transactional_id: String::new(),
            producer_id: 0i64,
            producer_epoch: 0i16,
            group_id: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddOffsetsToTxnRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 14,
            3..=4 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.transactional_id = r.string(flexible, "AddOffsetsToTxnRequest.TransactionalId")?;
        this.producer_id = r.i64()?;
        this.producer_epoch = r.i16()?;
        this.group_id = r.string(flexible, "AddOffsetsToTxnRequest.GroupId")?;
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
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.transactional_id), "AddOffsetsToTxnRequest.TransactionalId")?;
        size += 8;
        size += 2;
        size += p::string_size(flexible, (&self.group_id), "AddOffsetsToTxnRequest.GroupId")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddOffsetsToTxnRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_nullable_string(flexible, Some((&self.transactional_id).as_str()));
        w.put_i64(*(&self.producer_id));
        w.put_i16(*(&self.producer_epoch));
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
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
impl p::testing::Random for AddOffsetsToTxnRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.transactional_id = rng.string();
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        this.group_id = rng.string();
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for AddOffsetsToTxnRequest {
    const NAME: &'static str = "AddOffsetsToTxnRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

