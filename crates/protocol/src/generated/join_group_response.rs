// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `JoinGroupResponse` (response), versions 0-9.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub generation_id: i32,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub leader: String,
    pub skip_assignment: bool,
    pub member_id: String,
    pub members: Vec<JoinGroupResponseMember>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupResponse {
    fn default() -> Self {
        JoinGroupResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            generation_id: -1i32,
            protocol_type: None,
            protocol_name: Some(String::new()),
            leader: String::new(),
            skip_assignment: false,
            member_id: String::new(),
            members: Vec::<JoinGroupResponseMember>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for JoinGroupResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 16,
            2..=5 => 20,
            6..=6 => 15,
            7..=8 => 16,
            9..=9 => 17,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 2 { this.throttle_time_ms = r.i32()?; }
        this.error_code = r.i16()?;
        this.generation_id = r.i32()?;
        if version >= 7 { this.protocol_type = r.string_opt(flexible, version >= 7, "JoinGroupResponse.ProtocolType")?; }
        this.protocol_name = r.string_opt(flexible, version >= 7, "JoinGroupResponse.ProtocolName")?;
        this.leader = r.string(flexible, "JoinGroupResponse.Leader")?;
        if version >= 9 { this.skip_assignment = r.bool()?; }
        this.member_id = r.string(flexible, "JoinGroupResponse.MemberId")?;
        this.members = r.array(flexible, JoinGroupResponseMember::min_size(version), "JoinGroupResponse.Members", |r| Ok(JoinGroupResponseMember::read(r, version)?))?;
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 2 { size += 4; }
        size += 2;
        size += 4;
        if version >= 7 { size += p::opt_string_size(flexible, version >= 7, (&self.protocol_type).as_deref(), "JoinGroupResponse.ProtocolType")?; }
        size += p::opt_string_size(flexible, version >= 7, (&self.protocol_name).as_deref(), "JoinGroupResponse.ProtocolName")?;
        size += p::string_size(flexible, (&self.leader), "JoinGroupResponse.Leader")?;
        if version >= 9 { size += 1; } else if self.skip_assignment != false { return Err(p::WireError::FieldNotSupported { message: "JoinGroupResponse", field: "SkipAssignment", version }); }
        size += p::string_size(flexible, (&self.member_id), "JoinGroupResponse.MemberId")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.members).len()), "JoinGroupResponse.Members")?; for e in (&self.members).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "JoinGroupResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 2 { w.put_i32(*(&self.throttle_time_ms)); }
        w.put_i16(*(&self.error_code));
        w.put_i32(*(&self.generation_id));
        if version >= 7 { w.put_nullable_string(flexible, (&self.protocol_type).as_deref()); }
        w.put_nullable_string(flexible, (&self.protocol_name).as_deref());
        w.put_nullable_string(flexible, Some((&self.leader).as_str()));
        if version >= 9 { w.put_bool(*(&self.skip_assignment)); }
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        w.put_length(flexible, true, Some((&self.members).len())); for e in (&self.members).iter() { e.write(w, version)?; }
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
impl p::testing::Random for JoinGroupResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 2 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.error_code = rng.next_u64() as i16;
        this.generation_id = rng.next_u64() as i32;
        if version >= 7 { this.protocol_type = rng.opt_string(version >= 7); }
        this.protocol_name = rng.opt_string(version >= 7);
        this.leader = rng.string();
        if version >= 9 { this.skip_assignment = rng.bool(); }
        this.member_id = rng.string();
        this.members = { let n = rng.len(depth); (0..n).map(|_| JoinGroupResponseMember::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for JoinGroupResponse {
    const NAME: &'static str = "JoinGroupResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 9;
    const FLEXIBLE_FROM: Option<i16> = Some(6);
}

#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupResponseMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub metadata: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupResponseMember {
    fn default() -> Self {
        JoinGroupResponseMember {
            member_id: String::new(),
            group_instance_id: None,
            metadata: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for JoinGroupResponseMember {
    fn min_size(version: i16) -> usize {
        match version {
            0..=4 => 6,
            5..=5 => 8,
            6..=9 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        this.member_id = r.string(flexible, "JoinGroupResponseMember.MemberId")?;
        if version >= 5 { this.group_instance_id = r.string_opt(flexible, version >= 5, "JoinGroupResponseMember.GroupInstanceId")?; }
        this.metadata = r.bytes(flexible, "JoinGroupResponseMember.Metadata")?;
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.member_id), "JoinGroupResponseMember.MemberId")?;
        if version >= 5 { size += p::opt_string_size(flexible, version >= 5, (&self.group_instance_id).as_deref(), "JoinGroupResponseMember.GroupInstanceId")?; }
        size += p::bytes_size(flexible, (&self.metadata).len(), "JoinGroupResponseMember.Metadata")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "JoinGroupResponseMember", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        if version >= 5 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
        w.put_nullable_bytes(flexible, Some(&(&self.metadata)[..]));
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
impl p::testing::Random for JoinGroupResponseMember {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.member_id = rng.string();
        if version >= 5 { this.group_instance_id = rng.opt_string(version >= 5); }
        this.metadata = rng.bytes();
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

