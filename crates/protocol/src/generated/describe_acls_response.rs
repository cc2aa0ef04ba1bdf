// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeAclsResponse` (response), versions 1-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeAclsResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub resources: Vec<DescribeAclsResource>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeAclsResponse {
    fn default() -> Self {
        DescribeAclsResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            error_message: Some(String::new()),
            resources: Vec::<DescribeAclsResource>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeAclsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 12,
            2..=3 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribeAclsResponse.ErrorMessage")?;
        this.resources = r.array(flexible, DescribeAclsResource::min_size(version), "DescribeAclsResponse.Resources", |r| Ok(DescribeAclsResource::read(r, version)?))?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribeAclsResponse.ErrorMessage")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.resources).len()), "DescribeAclsResponse.Resources")?; for e in (&self.resources).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeAclsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        w.put_length(flexible, true, Some((&self.resources).len())); for e in (&self.resources).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeAclsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.resources = { let n = rng.len(depth); (0..n).map(|_| DescribeAclsResource::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeAclsResponse {
    const NAME: &'static str = "DescribeAclsResponse";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct AclDescription {
    pub principal: String,
    pub host: String,
    pub operation: i8,
    pub permission_type: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AclDescription {
    fn default() -> Self {
        AclDescription {
            principal: String::new(),
            host: String::new(),
            operation: 0i8,
            permission_type: 0i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AclDescription {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 6,
            2..=3 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.principal = r.string(flexible, "AclDescription.Principal")?;
        this.host = r.string(flexible, "AclDescription.Host")?;
        this.operation = r.i8()?;
        this.permission_type = r.i8()?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.principal), "AclDescription.Principal")?;
        size += p::string_size(flexible, (&self.host), "AclDescription.Host")?;
        size += 1;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AclDescription", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, Some((&self.principal).as_str()));
        w.put_nullable_string(flexible, Some((&self.host).as_str()));
        w.put_i8(*(&self.operation));
        w.put_i8(*(&self.permission_type));
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
impl p::testing::Random for AclDescription {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.principal = rng.string();
        this.host = rng.string();
        this.operation = rng.next_u64() as i8;
        this.permission_type = rng.next_u64() as i8;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeAclsResource {
    pub resource_type: i8,
    pub resource_name: String,
    pub pattern_type: i8,
    pub acls: Vec<AclDescription>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeAclsResource {
    fn default() -> Self {
        DescribeAclsResource {
            resource_type: 0i8,
            resource_name: String::new(),
            pattern_type: 3i8,
            acls: Vec::<AclDescription>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeAclsResource {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 8,
            2..=3 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.resource_type = r.i8()?;
        this.resource_name = r.string(flexible, "DescribeAclsResource.ResourceName")?;
        if version >= 1 { this.pattern_type = r.i8()?; }
        this.acls = r.array(flexible, AclDescription::min_size(version), "DescribeAclsResource.Acls", |r| Ok(AclDescription::read(r, version)?))?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 1;
        size += p::string_size(flexible, (&self.resource_name), "DescribeAclsResource.ResourceName")?;
        if version >= 1 { size += 1; } else if self.pattern_type != 3i8 { return Err(p::WireError::FieldNotSupported { message: "DescribeAclsResource", field: "PatternType", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.acls).len()), "DescribeAclsResource.Acls")?; for e in (&self.acls).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeAclsResource", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i8(*(&self.resource_type));
        w.put_nullable_string(flexible, Some((&self.resource_name).as_str()));
        if version >= 1 { w.put_i8(*(&self.pattern_type)); }
        w.put_length(flexible, true, Some((&self.acls).len())); for e in (&self.acls).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeAclsResource {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        if version >= 1 { this.pattern_type = rng.next_u64() as i8; }
        this.acls = { let n = rng.len(depth); (0..n).map(|_| AclDescription::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

