// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ShareGroupDescribeRequest` (request), versions 1-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroupDescribeRequest {
    pub group_ids: Vec<String>,
    pub include_authorized_operations: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareGroupDescribeRequest {
    fn default() -> Self {
        ShareGroupDescribeRequest {
            group_ids: Vec::<String>::new(),
            include_authorized_operations: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ShareGroupDescribeRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.group_ids = r.array(flexible, 1, "ShareGroupDescribeRequest.GroupIds", |r| Ok(r.string(flexible, "ShareGroupDescribeRequest.GroupIds")?))?;
        this.include_authorized_operations = r.bool()?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.group_ids).len()), "ShareGroupDescribeRequest.GroupIds")?; for e in (&self.group_ids).iter() { s += p::string_size(flexible, e, "ShareGroupDescribeRequest.GroupIds")?; } s };
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ShareGroupDescribeRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.group_ids).len())); for e in (&self.group_ids).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_bool(*(&self.include_authorized_operations));
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
impl p::testing::Random for ShareGroupDescribeRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_ids = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.include_authorized_operations = rng.bool();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ShareGroupDescribeRequest {
    const NAME: &'static str = "ShareGroupDescribeRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

