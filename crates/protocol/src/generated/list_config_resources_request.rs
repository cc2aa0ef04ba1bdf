// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListConfigResourcesRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListConfigResourcesRequest {
    pub resource_types: Vec<i8>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListConfigResourcesRequest {
    fn default() -> Self {
        ListConfigResourcesRequest {
            resource_types: Vec::<i8>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListConfigResourcesRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 1,
            1..=1 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if version >= 1 { this.resource_types = r.array(flexible, 1, "ListConfigResourcesRequest.ResourceTypes", |r| Ok(r.i8()?))?; }
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
        if version >= 1 { size += p::array_prefix_size(flexible, false, Some((&self.resource_types).len()), "ListConfigResourcesRequest.ResourceTypes")? + (&self.resource_types).len() * 1; } else if self.resource_types != Vec::<i8>::new() { return Err(p::WireError::FieldNotSupported { message: "ListConfigResourcesRequest", field: "ResourceTypes", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListConfigResourcesRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        if version >= 1 { w.put_length(flexible, true, Some((&self.resource_types).len())); for e in (&self.resource_types).iter() { w.put_i8(*e); } }
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
impl p::testing::Random for ListConfigResourcesRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.resource_types = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i8).collect::<Vec<_>>() }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListConfigResourcesRequest {
    const NAME: &'static str = "ListConfigResourcesRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

