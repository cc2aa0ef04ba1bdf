// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `LeaveGroupResponse` (response), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct LeaveGroupResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub members: Vec<MemberResponse>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaveGroupResponse {
    fn default() -> Self {
        LeaveGroupResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            members: Vec::<MemberResponse>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaveGroupResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            1..=2 => 6,
            3..=3 => 10,
            4..=5 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        this.error_code = r.i16()?;
        if version >= 3 { this.members = r.array(flexible, MemberResponse::min_size(version), "LeaveGroupResponse.Members", |r| Ok(MemberResponse::read(r, version)?))?; }
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
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 1 { size += 4; }
        size += 2;
        if version >= 3 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.members).len()), "LeaveGroupResponse.Members")?; for e in (&self.members).iter() { s += e.size(version)?; } s }; } else if self.members != Vec::<MemberResponse>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaveGroupResponse", field: "Members", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaveGroupResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        w.put_i16(*(&self.error_code));
        if version >= 3 { w.put_length(flexible, true, Some((&self.members).len())); for e in (&self.members).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for LeaveGroupResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.error_code = rng.next_u64() as i16;
        if version >= 3 { this.members = { let n = rng.len(depth); (0..n).map(|_| MemberResponse::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for LeaveGroupResponse {
    const NAME: &'static str = "LeaveGroupResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberResponse {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MemberResponse {
    fn default() -> Self {
        MemberResponse {
            member_id: String::new(),
            group_instance_id: Some(String::new()),
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MemberResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=3 => 6,
            4..=5 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 3 { this.member_id = r.string(flexible, "MemberResponse.MemberId")?; }
        if version >= 3 { this.group_instance_id = r.string_opt(flexible, version >= 3, "MemberResponse.GroupInstanceId")?; }
        if version >= 3 { this.error_code = r.i16()?; }
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
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 3 { size += p::string_size(flexible, (&self.member_id), "MemberResponse.MemberId")?; } else if self.member_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "MemberResponse", field: "MemberId", version }); }
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.group_instance_id).as_deref(), "MemberResponse.GroupInstanceId")?; } else if self.group_instance_id != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "MemberResponse", field: "GroupInstanceId", version }); }
        if version >= 3 { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "MemberResponse", field: "ErrorCode", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MemberResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.member_id).as_str())); }
        if version >= 3 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
        if version >= 3 { w.put_i16(*(&self.error_code)); }
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
impl p::testing::Random for MemberResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.member_id = rng.string(); }
        if version >= 3 { this.group_instance_id = rng.opt_string(version >= 3); }
        if version >= 3 { this.error_code = rng.next_u64() as i16; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

