// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `GroupMetadataValue` (coordinator-value), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct GroupMetadataValue {
    pub protocol_type: String,
    pub generation: i32,
    pub protocol: Option<String>,
    pub leader: Option<String>,
    pub current_state_timestamp: i64,
    pub members: Vec<MemberMetadata>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for GroupMetadataValue {
    fn default() -> Self {
        GroupMetadataValue {
            protocol_type: String::new(),
            generation: 0i32,
            protocol: Some(String::new()),
            leader: Some(String::new()),
            current_state_timestamp: -1i64,
            members: Vec::<MemberMetadata>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for GroupMetadataValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 14,
            2..=3 => 22,
            4..=4 => 17,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.protocol_type = r.string(flexible, "GroupMetadataValue.protocolType")?;
        this.generation = r.i32()?;
        this.protocol = r.string_opt(flexible, true, "GroupMetadataValue.protocol")?;
        this.leader = r.string_opt(flexible, true, "GroupMetadataValue.leader")?;
        if version >= 2 { this.current_state_timestamp = r.i64()?; }
        this.members = r.array(flexible, MemberMetadata::min_size(version), "GroupMetadataValue.members", |r| Ok(MemberMetadata::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.protocol_type), "GroupMetadataValue.protocolType")?;
        size += 4;
        size += p::opt_string_size(flexible, true, (&self.protocol).as_deref(), "GroupMetadataValue.protocol")?;
        size += p::opt_string_size(flexible, true, (&self.leader).as_deref(), "GroupMetadataValue.leader")?;
        if version >= 2 { size += 8; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.members).len()), "GroupMetadataValue.members")?; for e in (&self.members).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "GroupMetadataValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_nullable_string(flexible, Some((&self.protocol_type).as_str()));
        w.put_i32(*(&self.generation));
        w.put_nullable_string(flexible, (&self.protocol).as_deref());
        w.put_nullable_string(flexible, (&self.leader).as_deref());
        if version >= 2 { w.put_i64(*(&self.current_state_timestamp)); }
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
impl p::testing::Random for GroupMetadataValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.protocol_type = rng.string();
        this.generation = rng.next_u64() as i32;
        this.protocol = rng.opt_string(true);
        this.leader = rng.opt_string(true);
        if version >= 2 { this.current_state_timestamp = rng.next_u64() as i64; }
        this.members = { let n = rng.len(depth); (0..n).map(|_| MemberMetadata::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for GroupMetadataValue {
    const NAME: &'static str = "GroupMetadataValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberMetadata {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub rebalance_timeout: i32,
    pub session_timeout: i32,
    pub subscription: Bytes,
    pub assignment: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MemberMetadata {
    fn default() -> Self {
        MemberMetadata {
            member_id: String::new(),
            group_instance_id: None,
            client_id: String::new(),
            client_host: String::new(),
            rebalance_timeout: -1i32,
            session_timeout: 0i32,
            subscription: Bytes::new(),
            assignment: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MemberMetadata {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 18,
            1..=2 => 22,
            3..=3 => 24,
            4..=4 => 15,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.member_id = r.string(flexible, "MemberMetadata.memberId")?;
        if version >= 3 { this.group_instance_id = r.string_opt(flexible, version >= 3, "MemberMetadata.groupInstanceId")?; }
        this.client_id = r.string(flexible, "MemberMetadata.clientId")?;
        this.client_host = r.string(flexible, "MemberMetadata.clientHost")?;
        if version >= 1 { this.rebalance_timeout = r.i32()?; }
        this.session_timeout = r.i32()?;
        this.subscription = r.bytes(flexible, "MemberMetadata.subscription")?;
        this.assignment = r.bytes(flexible, "MemberMetadata.assignment")?;
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
        size += p::string_size(flexible, (&self.member_id), "MemberMetadata.memberId")?;
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.group_instance_id).as_deref(), "MemberMetadata.groupInstanceId")?; }
        size += p::string_size(flexible, (&self.client_id), "MemberMetadata.clientId")?;
        size += p::string_size(flexible, (&self.client_host), "MemberMetadata.clientHost")?;
        if version >= 1 { size += 4; }
        size += 4;
        size += p::bytes_size(flexible, (&self.subscription).len(), "MemberMetadata.subscription")?;
        size += p::bytes_size(flexible, (&self.assignment).len(), "MemberMetadata.assignment")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MemberMetadata", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        if version >= 3 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
        w.put_nullable_string(flexible, Some((&self.client_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.client_host).as_str()));
        if version >= 1 { w.put_i32(*(&self.rebalance_timeout)); }
        w.put_i32(*(&self.session_timeout));
        w.put_nullable_bytes(flexible, Some(&(&self.subscription)[..]));
        w.put_nullable_bytes(flexible, Some(&(&self.assignment)[..]));
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
impl p::testing::Random for MemberMetadata {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.member_id = rng.string();
        if version >= 3 { this.group_instance_id = rng.opt_string(version >= 3); }
        this.client_id = rng.string();
        this.client_host = rng.string();
        if version >= 1 { this.rebalance_timeout = rng.next_u64() as i32; }
        this.session_timeout = rng.next_u64() as i32;
        this.subscription = rng.bytes();
        this.assignment = rng.bytes();
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

