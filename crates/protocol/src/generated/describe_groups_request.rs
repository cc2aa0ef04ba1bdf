// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeGroupsRequest` (request), versions 0-6.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeGroupsRequest {
    pub groups: Vec<String>,
    pub include_authorized_operations: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeGroupsRequest {
    fn default() -> Self {
        DescribeGroupsRequest {
            groups: Vec::<String>::new(),
            include_authorized_operations: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeGroupsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 4,
            3..=4 => 5,
            5..=6 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.groups = r.array(flexible, 1, "DescribeGroupsRequest.Groups", |r| Ok(r.string(flexible, "DescribeGroupsRequest.Groups")?))?;
        if version >= 3 { this.include_authorized_operations = r.bool()?; }
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
        let flexible = version >= 5;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "DescribeGroupsRequest.Groups")?; for e in (&self.groups).iter() { s += p::string_size(flexible, e, "DescribeGroupsRequest.Groups")?; } s };
        if version >= 3 { size += 1; } else if self.include_authorized_operations != false { return Err(p::WireError::FieldNotSupported { message: "DescribeGroupsRequest", field: "IncludeAuthorizedOperations", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeGroupsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_length(flexible, true, Some((&self.groups).len())); for e in (&self.groups).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        if version >= 3 { w.put_bool(*(&self.include_authorized_operations)); }
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
impl p::testing::Random for DescribeGroupsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.groups = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        if version >= 3 { this.include_authorized_operations = rng.bool(); }
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeGroupsRequest {
    const NAME: &'static str = "DescribeGroupsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 6;
    const FLEXIBLE_FROM: Option<i16> = Some(5);
}

