// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListGroupsRequest` (request), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListGroupsRequest {
    pub states_filter: Vec<String>,
    pub types_filter: Vec<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListGroupsRequest {
    fn default() -> Self {
        ListGroupsRequest {
            states_filter: Vec::<String>::new(),
            types_filter: Vec::<String>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListGroupsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=3 => 1,
            4..=4 => 2,
            5..=5 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 4 { this.states_filter = r.array(flexible, 1, "ListGroupsRequest.StatesFilter", |r| Ok(r.string(flexible, "ListGroupsRequest.StatesFilter")?))?; }
        if version >= 5 { this.types_filter = r.array(flexible, 1, "ListGroupsRequest.TypesFilter", |r| Ok(r.string(flexible, "ListGroupsRequest.TypesFilter")?))?; }
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
        if version >= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.states_filter).len()), "ListGroupsRequest.StatesFilter")?; for e in (&self.states_filter).iter() { s += p::string_size(flexible, e, "ListGroupsRequest.StatesFilter")?; } s }; } else if self.states_filter != Vec::<String>::new() { return Err(p::WireError::FieldNotSupported { message: "ListGroupsRequest", field: "StatesFilter", version }); }
        if version >= 5 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.types_filter).len()), "ListGroupsRequest.TypesFilter")?; for e in (&self.types_filter).iter() { s += p::string_size(flexible, e, "ListGroupsRequest.TypesFilter")?; } s }; } else if self.types_filter != Vec::<String>::new() { return Err(p::WireError::FieldNotSupported { message: "ListGroupsRequest", field: "TypesFilter", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListGroupsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 4 { w.put_length(flexible, true, Some((&self.states_filter).len())); for e in (&self.states_filter).iter() { w.put_nullable_string(flexible, Some(e.as_str())); } }
        if version >= 5 { w.put_length(flexible, true, Some((&self.types_filter).len())); for e in (&self.types_filter).iter() { w.put_nullable_string(flexible, Some(e.as_str())); } }
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
impl p::testing::Random for ListGroupsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 4 { this.states_filter = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }; }
        if version >= 5 { this.types_filter = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListGroupsRequest {
    const NAME: &'static str = "ListGroupsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

