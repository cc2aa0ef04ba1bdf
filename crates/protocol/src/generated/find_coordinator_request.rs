// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `FindCoordinatorRequest` (request), versions 0-6.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct FindCoordinatorRequest {
    pub key: String,
    pub key_type: i8,
    pub coordinator_keys: Vec<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FindCoordinatorRequest {
    fn default() -> Self {
        FindCoordinatorRequest {
            key: String::new(),
            key_type: 0i8,
            coordinator_keys: Vec::<String>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FindCoordinatorRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            1..=6 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version <= 3 { this.key = r.string(flexible, "FindCoordinatorRequest.Key")?; }
        if version >= 1 { this.key_type = r.i8()?; }
        if version >= 4 { this.coordinator_keys = r.array(flexible, 1, "FindCoordinatorRequest.CoordinatorKeys", |r| Ok(r.string(flexible, "FindCoordinatorRequest.CoordinatorKeys")?))?; }
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
        if version <= 3 { size += p::string_size(flexible, (&self.key), "FindCoordinatorRequest.Key")?; } else if self.key != String::new() { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorRequest", field: "Key", version }); }
        if version >= 1 { size += 1; } else if self.key_type != 0i8 { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorRequest", field: "KeyType", version }); }
        if version >= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.coordinator_keys).len()), "FindCoordinatorRequest.CoordinatorKeys")?; for e in (&self.coordinator_keys).iter() { s += p::string_size(flexible, e, "FindCoordinatorRequest.CoordinatorKeys")?; } s }; } else if self.coordinator_keys != Vec::<String>::new() { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorRequest", field: "CoordinatorKeys", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version <= 3 { w.put_nullable_string(flexible, Some((&self.key).as_str())); }
        if version >= 1 { w.put_i8(*(&self.key_type)); }
        if version >= 4 { w.put_length(flexible, true, Some((&self.coordinator_keys).len())); for e in (&self.coordinator_keys).iter() { w.put_nullable_string(flexible, Some(e.as_str())); } }
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
impl p::testing::Random for FindCoordinatorRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 3 { this.key = rng.string(); }
        if version >= 1 { this.key_type = rng.next_u64() as i8; }
        if version >= 4 { this.coordinator_keys = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for FindCoordinatorRequest {
    const NAME: &'static str = "FindCoordinatorRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 6;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

