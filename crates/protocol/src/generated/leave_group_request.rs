// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `LeaveGroupRequest` (request), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct LeaveGroupRequest {
    pub group_id: String,
    pub member_id: String,
    pub members: Vec<MemberIdentity>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaveGroupRequest {
    fn default() -> Self {
        LeaveGroupRequest {
            group_id: String::new(),
            member_id: String::new(),
            members: Vec::<MemberIdentity>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaveGroupRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 4,
            3..=3 => 6,
            4..=5 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "LeaveGroupRequest.GroupId")?;
        if version <= 2 { this.member_id = r.string(flexible, "LeaveGroupRequest.MemberId")?; }
        if version >= 3 { this.members = r.array(flexible, MemberIdentity::min_size(version), "LeaveGroupRequest.Members", |r| Ok(MemberIdentity::read(r, version)?))?; }
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
        size += p::string_size(flexible, (&self.group_id), "LeaveGroupRequest.GroupId")?;
        if version <= 2 { size += p::string_size(flexible, (&self.member_id), "LeaveGroupRequest.MemberId")?; } else if self.member_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "LeaveGroupRequest", field: "MemberId", version }); }
        if version >= 3 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.members).len()), "LeaveGroupRequest.Members")?; for e in (&self.members).iter() { s += e.size(version)?; } s }; } else if self.members != Vec::<MemberIdentity>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaveGroupRequest", field: "Members", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaveGroupRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        if version <= 2 { w.put_nullable_string(flexible, Some((&self.member_id).as_str())); }
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
impl p::testing::Random for LeaveGroupRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        if version <= 2 { this.member_id = rng.string(); }
        if version >= 3 { this.members = { let n = rng.len(depth); (0..n).map(|_| MemberIdentity::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for LeaveGroupRequest {
    const NAME: &'static str = "LeaveGroupRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberIdentity {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub reason: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MemberIdentity {
    fn default() -> Self {
        MemberIdentity {
            member_id: String::new(),
            group_instance_id: None,
            reason: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MemberIdentity {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=3 => 4,
            4..=4 => 3,
            5..=5 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 3 { this.member_id = r.string(flexible, "MemberIdentity.MemberId")?; }
        if version >= 3 { this.group_instance_id = r.string_opt(flexible, version >= 3, "MemberIdentity.GroupInstanceId")?; }
        if version >= 5 { this.reason = r.string_opt(flexible, version >= 5, "MemberIdentity.Reason")?; }
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
        if version >= 3 { size += p::string_size(flexible, (&self.member_id), "MemberIdentity.MemberId")?; } else if self.member_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "MemberIdentity", field: "MemberId", version }); }
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.group_instance_id).as_deref(), "MemberIdentity.GroupInstanceId")?; } else if self.group_instance_id != None { return Err(p::WireError::FieldNotSupported { message: "MemberIdentity", field: "GroupInstanceId", version }); }
        if version >= 5 { size += p::opt_string_size(flexible, version >= 5, (&self.reason).as_deref(), "MemberIdentity.Reason")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MemberIdentity", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.member_id).as_str())); }
        if version >= 3 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
        if version >= 5 { w.put_nullable_string(flexible, (&self.reason).as_deref()); }
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
impl p::testing::Random for MemberIdentity {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.member_id = rng.string(); }
        if version >= 3 { this.group_instance_id = rng.opt_string(version >= 3); }
        if version >= 5 { this.reason = rng.opt_string(version >= 5); }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

