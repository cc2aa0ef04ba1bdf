// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListGroupsResponse` (response), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListGroupsResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub groups: Vec<ListedGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListGroupsResponse {
    fn default() -> Self {
        ListGroupsResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            groups: Vec::<ListedGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListGroupsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=2 => 10,
            3..=5 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        this.error_code = r.i16()?;
        this.groups = r.array(flexible, ListedGroup::min_size(version), "ListGroupsResponse.Groups", |r| Ok(ListedGroup::read(r, version)?))?;
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
        if version >= 1 { size += 4; }
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "ListGroupsResponse.Groups")?; for e in (&self.groups).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListGroupsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.groups).len())); for e in (&self.groups).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ListGroupsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.error_code = rng.next_u64() as i16;
        this.groups = { let n = rng.len(depth); (0..n).map(|_| ListedGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListGroupsResponse {
    const NAME: &'static str = "ListGroupsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListedGroup {
    pub group_id: String,
    pub protocol_type: String,
    pub group_state: String,
    pub group_type: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListedGroup {
    fn default() -> Self {
        ListedGroup {
            group_id: String::new(),
            protocol_type: String::new(),
            group_state: String::new(),
            group_type: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListedGroup {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 4,
            3..=3 => 3,
            4..=4 => 4,
            5..=5 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "ListedGroup.GroupId")?;
        this.protocol_type = r.string(flexible, "ListedGroup.ProtocolType")?;
        if version >= 4 { this.group_state = r.string(flexible, "ListedGroup.GroupState")?; }
        if version >= 5 { this.group_type = r.string(flexible, "ListedGroup.GroupType")?; }
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
        size += p::string_size(flexible, (&self.group_id), "ListedGroup.GroupId")?;
        size += p::string_size(flexible, (&self.protocol_type), "ListedGroup.ProtocolType")?;
        if version >= 4 { size += p::string_size(flexible, (&self.group_state), "ListedGroup.GroupState")?; }
        if version >= 5 { size += p::string_size(flexible, (&self.group_type), "ListedGroup.GroupType")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListedGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.protocol_type).as_str()));
        if version >= 4 { w.put_nullable_string(flexible, Some((&self.group_state).as_str())); }
        if version >= 5 { w.put_nullable_string(flexible, Some((&self.group_type).as_str())); }
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
impl p::testing::Random for ListedGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.protocol_type = rng.string();
        if version >= 4 { this.group_state = rng.string(); }
        if version >= 5 { this.group_type = rng.string(); }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

