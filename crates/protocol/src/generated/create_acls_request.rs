// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `CreateAclsRequest` (request), versions 1-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct CreateAclsRequest {
    pub creations: Vec<AclCreation>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateAclsRequest {
    fn default() -> Self {
        CreateAclsRequest {
            creations: Vec::<AclCreation>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreateAclsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 4,
            2..=3 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.creations = r.array(flexible, AclCreation::min_size(version), "CreateAclsRequest.Creations", |r| Ok(AclCreation::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.creations).len()), "CreateAclsRequest.Creations")?; for e in (&self.creations).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreateAclsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_length(flexible, true, Some((&self.creations).len())); for e in (&self.creations).iter() { e.write(w, version)?; }
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
impl p::testing::Random for CreateAclsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.creations = { let n = rng.len(depth); (0..n).map(|_| AclCreation::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for CreateAclsRequest {
    const NAME: &'static str = "CreateAclsRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct AclCreation {
    pub resource_type: i8,
    pub resource_name: String,
    pub resource_pattern_type: i8,
    pub principal: String,
    pub host: String,
    pub operation: i8,
    pub permission_type: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AclCreation {
    fn default() -> Self {
        AclCreation {
            resource_type: 0i8,
            resource_name: String::new(),
            resource_pattern_type: 3i8,
            principal: String::new(),
            host: String::new(),
            operation: 0i8,
            permission_type: 0i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AclCreation {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 10,
            2..=3 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.resource_type = r.i8()?;
        this.resource_name = r.string(flexible, "AclCreation.ResourceName")?;
        if version >= 1 { this.resource_pattern_type = r.i8()?; }
        this.principal = r.string(flexible, "AclCreation.Principal")?;
        this.host = r.string(flexible, "AclCreation.Host")?;
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
        size += 1;
        size += p::string_size(flexible, (&self.resource_name), "AclCreation.ResourceName")?;
        if version >= 1 { size += 1; } else if self.resource_pattern_type != 3i8 { return Err(p::WireError::FieldNotSupported { message: "AclCreation", field: "ResourcePatternType", version }); }
        size += p::string_size(flexible, (&self.principal), "AclCreation.Principal")?;
        size += p::string_size(flexible, (&self.host), "AclCreation.Host")?;
        size += 1;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AclCreation", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i8(*(&self.resource_type));
        w.put_nullable_string(flexible, Some((&self.resource_name).as_str()));
        if version >= 1 { w.put_i8(*(&self.resource_pattern_type)); }
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
impl p::testing::Random for AclCreation {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        if version >= 1 { this.resource_pattern_type = rng.next_u64() as i8; }
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

