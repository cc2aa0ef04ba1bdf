// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `JoinGroupRequest` (request), versions 0-9.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupRequest {
    pub group_id: String,
    pub session_timeout_ms: i32,
    pub rebalance_timeout_ms: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub protocol_type: String,
    pub protocols: Vec<JoinGroupRequestProtocol>,
    pub reason: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupRequest {
    fn default() -> Self {
        JoinGroupRequest {
            group_id: String::new(),
            session_timeout_ms: 0i32,
            rebalance_timeout_ms: -1i32,
            member_id: String::new(),
            group_instance_id: None,
            protocol_type: String::new(),
            protocols: Vec::<JoinGroupRequestProtocol>::new(),
            reason: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for JoinGroupRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 14,
            1..=4 => 18,
            5..=5 => 20,
            6..=7 => 14,
            8..=9 => 15,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "JoinGroupRequest.GroupId")?;
        this.session_timeout_ms = r.i32()?;
        if version >= 1 { this.rebalance_timeout_ms = r.i32()?; }
        this.member_id = r.string(flexible, "JoinGroupRequest.MemberId")?;
        if version >= 5 { this.group_instance_id = r.string_opt(flexible, version >= 5, "JoinGroupRequest.GroupInstanceId")?; }
        this.protocol_type = r.string(flexible, "JoinGroupRequest.ProtocolType")?;
        this.protocols = r.array(flexible, JoinGroupRequestProtocol::min_size(version), "JoinGroupRequest.Protocols", |r| Ok(JoinGroupRequestProtocol::read(r, version)?))?;
        if version >= 8 { this.reason = r.string_opt(flexible, version >= 8, "JoinGroupRequest.Reason")?; }
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
        size += p::string_size(flexible, (&self.group_id), "JoinGroupRequest.GroupId")?;
        size += 4;
        if version >= 1 { size += 4; }
        size += p::string_size(flexible, (&self.member_id), "JoinGroupRequest.MemberId")?;
        if version >= 5 { size += p::opt_string_size(flexible, version >= 5, (&self.group_instance_id).as_deref(), "JoinGroupRequest.GroupInstanceId")?; } else if self.group_instance_id != None { return Err(p::WireError::FieldNotSupported { message: "JoinGroupRequest", field: "GroupInstanceId", version }); }
        size += p::string_size(flexible, (&self.protocol_type), "JoinGroupRequest.ProtocolType")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.protocols).len()), "JoinGroupRequest.Protocols")?; for e in (&self.protocols).iter() { s += e.size(version)?; } s };
        if version >= 8 { size += p::opt_string_size(flexible, version >= 8, (&self.reason).as_deref(), "JoinGroupRequest.Reason")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "JoinGroupRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_i32(*(&self.session_timeout_ms));
        if version >= 1 { w.put_i32(*(&self.rebalance_timeout_ms)); }
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        if version >= 5 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
        w.put_nullable_string(flexible, Some((&self.protocol_type).as_str()));
        w.put_length(flexible, true, Some((&self.protocols).len())); for e in (&self.protocols).iter() { e.write(w, version)?; }
        if version >= 8 { w.put_nullable_string(flexible, (&self.reason).as_deref()); }
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
impl p::testing::Random for JoinGroupRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.session_timeout_ms = rng.next_u64() as i32;
        if version >= 1 { this.rebalance_timeout_ms = rng.next_u64() as i32; }
        this.member_id = rng.string();
        if version >= 5 { this.group_instance_id = rng.opt_string(version >= 5); }
        this.protocol_type = rng.string();
        this.protocols = { let n = rng.len(depth); (0..n).map(|_| JoinGroupRequestProtocol::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 8 { this.reason = rng.opt_string(version >= 8); }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for JoinGroupRequest {
    const NAME: &'static str = "JoinGroupRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 9;
    const FLEXIBLE_FROM: Option<i16> = Some(6);
}

#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupRequestProtocol {
    pub name: String,
    pub metadata: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for JoinGroupRequestProtocol {
    fn default() -> Self {
        JoinGroupRequestProtocol {
            name: String::new(),
            metadata: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for JoinGroupRequestProtocol {
    fn min_size(version: i16) -> usize {
        match version {
            0..=5 => 6,
            6..=9 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        this.name = r.string(flexible, "JoinGroupRequestProtocol.Name")?;
        this.metadata = r.bytes(flexible, "JoinGroupRequestProtocol.Metadata")?;
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
        size += p::string_size(flexible, (&self.name), "JoinGroupRequestProtocol.Name")?;
        size += p::bytes_size(flexible, (&self.metadata).len(), "JoinGroupRequestProtocol.Metadata")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "JoinGroupRequestProtocol", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
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
impl p::testing::Random for JoinGroupRequestProtocol {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.metadata = rng.bytes();
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

