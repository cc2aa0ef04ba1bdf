// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeGroupsResponse` (response), versions 0-6.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeGroupsResponse {
    pub throttle_time_ms: i32,
    pub groups: Vec<DescribedGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeGroupsResponse {
    fn default() -> Self {
        DescribeGroupsResponse {
            throttle_time_ms: 0i32,
            groups: Vec::<DescribedGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeGroupsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            1..=4 => 8,
            5..=6 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        this.groups = r.array(flexible, DescribedGroup::min_size(version), "DescribeGroupsResponse.Groups", |r| Ok(DescribedGroup::read(r, version)?))?;
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
        if version >= 1 { size += 4; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "DescribeGroupsResponse.Groups")?; for e in (&self.groups).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeGroupsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
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
impl p::testing::Random for DescribeGroupsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.groups = { let n = rng.len(depth); (0..n).map(|_| DescribedGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeGroupsResponse {
    const NAME: &'static str = "DescribeGroupsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 6;
    const FLEXIBLE_FROM: Option<i16> = Some(5);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroup {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub group_id: String,
    pub group_state: String,
    pub protocol_type: String,
    pub protocol_data: String,
    pub members: Vec<DescribedGroupMember>,
    pub authorized_operations: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedGroup {
    fn default() -> Self {
        DescribedGroup {
            error_code: 0i16,
            error_message: None,
            group_id: String::new(),
            group_state: String::new(),
            protocol_type: String::new(),
            protocol_data: String::new(),
            members: Vec::<DescribedGroupMember>::new(),
            authorized_operations: -2147483648i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribedGroup {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 14,
            3..=4 => 18,
            5..=5 => 12,
            6..=6 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        if version >= 6 { this.error_message = r.string_opt(flexible, version >= 6, "DescribedGroup.ErrorMessage")?; }
        this.group_id = r.string(flexible, "DescribedGroup.GroupId")?;
        this.group_state = r.string(flexible, "DescribedGroup.GroupState")?;
        this.protocol_type = r.string(flexible, "DescribedGroup.ProtocolType")?;
        this.protocol_data = r.string(flexible, "DescribedGroup.ProtocolData")?;
        this.members = r.array(flexible, DescribedGroupMember::min_size(version), "DescribedGroup.Members", |r| Ok(DescribedGroupMember::read(r, version)?))?;
        if version >= 3 { this.authorized_operations = r.i32()?; }
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
        size += 2;
        if version >= 6 { size += p::opt_string_size(flexible, version >= 6, (&self.error_message).as_deref(), "DescribedGroup.ErrorMessage")?; } else if self.error_message != None { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "ErrorMessage", version }); }
        size += p::string_size(flexible, (&self.group_id), "DescribedGroup.GroupId")?;
        size += p::string_size(flexible, (&self.group_state), "DescribedGroup.GroupState")?;
        size += p::string_size(flexible, (&self.protocol_type), "DescribedGroup.ProtocolType")?;
        size += p::string_size(flexible, (&self.protocol_data), "DescribedGroup.ProtocolData")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.members).len()), "DescribedGroup.Members")?; for e in (&self.members).iter() { s += e.size(version)?; } s };
        if version >= 3 { size += 4; } else if self.authorized_operations != -2147483648i32 { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "AuthorizedOperations", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_i16(*(&self.error_code));
        if version >= 6 { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.group_state).as_str()));
        w.put_nullable_string(flexible, Some((&self.protocol_type).as_str()));
        w.put_nullable_string(flexible, Some((&self.protocol_data).as_str()));
        w.put_length(flexible, true, Some((&self.members).len())); for e in (&self.members).iter() { e.write(w, version)?; }
        if version >= 3 { w.put_i32(*(&self.authorized_operations)); }
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
impl p::testing::Random for DescribedGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        if version >= 6 { this.error_message = rng.opt_string(version >= 6); }
        this.group_id = rng.string();
        this.group_state = rng.string();
        this.protocol_type = rng.string();
        this.protocol_data = rng.string();
        this.members = { let n = rng.len(depth); (0..n).map(|_| DescribedGroupMember::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 3 { this.authorized_operations = rng.next_u64() as i32; }
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroupMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub member_metadata: Bytes,
    pub member_assignment: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedGroupMember {
    fn default() -> Self {
        DescribedGroupMember {
            member_id: String::new(),
            group_instance_id: None,
            client_id: String::new(),
            client_host: String::new(),
            member_metadata: Bytes::new(),
            member_assignment: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribedGroupMember {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 14,
            4..=4 => 16,
            5..=6 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.member_id = r.string(flexible, "DescribedGroupMember.MemberId")?;
        if version >= 4 { this.group_instance_id = r.string_opt(flexible, version >= 4, "DescribedGroupMember.GroupInstanceId")?; }
        this.client_id = r.string(flexible, "DescribedGroupMember.ClientId")?;
        this.client_host = r.string(flexible, "DescribedGroupMember.ClientHost")?;
        this.member_metadata = r.bytes(flexible, "DescribedGroupMember.MemberMetadata")?;
        this.member_assignment = r.bytes(flexible, "DescribedGroupMember.MemberAssignment")?;
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
        size += p::string_size(flexible, (&self.member_id), "DescribedGroupMember.MemberId")?;
        if version >= 4 { size += p::opt_string_size(flexible, version >= 4, (&self.group_instance_id).as_deref(), "DescribedGroupMember.GroupInstanceId")?; }
        size += p::string_size(flexible, (&self.client_id), "DescribedGroupMember.ClientId")?;
        size += p::string_size(flexible, (&self.client_host), "DescribedGroupMember.ClientHost")?;
        size += p::bytes_size(flexible, (&self.member_metadata).len(), "DescribedGroupMember.MemberMetadata")?;
        size += p::bytes_size(flexible, (&self.member_assignment).len(), "DescribedGroupMember.MemberAssignment")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribedGroupMember", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        if version >= 4 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
        w.put_nullable_string(flexible, Some((&self.client_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.client_host).as_str()));
        w.put_nullable_bytes(flexible, Some(&(&self.member_metadata)[..]));
        w.put_nullable_bytes(flexible, Some(&(&self.member_assignment)[..]));
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
impl p::testing::Random for DescribedGroupMember {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.member_id = rng.string();
        if version >= 4 { this.group_instance_id = rng.opt_string(version >= 4); }
        this.client_id = rng.string();
        this.client_host = rng.string();
        this.member_metadata = rng.bytes();
        this.member_assignment = rng.bytes();
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

