// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerGroupTargetAssignmentMetadataValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupTargetAssignmentMetadataValue {
    pub assignment_epoch: i32,
    pub assignment_timestamp: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerGroupTargetAssignmentMetadataValue {
    fn default() -> Self {
        ConsumerGroupTargetAssignmentMetadataValue {
            assignment_epoch: 0i32,
            assignment_timestamp: 0i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ConsumerGroupTargetAssignmentMetadataValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.assignment_epoch = r.i32()?;
        if (true) && !(true) { this.assignment_timestamp = r.i64()?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if true => { this.assignment_timestamp = r.i64()?; Ok(true) }
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
        if (true) && !(true) { size += 8; } else if true { if self.assignment_timestamp != 0i64 { let s = 8; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupTargetAssignmentMetadataValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.assignment_epoch));
        if (true) && !(true) { w.put_i64(*(&self.assignment_timestamp)); }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if true && self.assignment_timestamp != 0i64 { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if true && self.assignment_timestamp != 0i64 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 8;
                w.put_unsigned_varint(s as u32);
                w.put_i64(*(&self.assignment_timestamp));
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ConsumerGroupTargetAssignmentMetadataValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.assignment_epoch = rng.next_u64() as i32;
        if (true) || (true) { this.assignment_timestamp = rng.next_u64() as i64; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ConsumerGroupTargetAssignmentMetadataValue {
    const NAME: &'static str = "ConsumerGroupTargetAssignmentMetadataValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

