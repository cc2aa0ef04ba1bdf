// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DeleteAclsRequest` (request), versions 1-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteAclsRequest {
    pub filters: Vec<DeleteAclsFilter>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteAclsRequest {
    fn default() -> Self {
        DeleteAclsRequest {
            filters: Vec::<DeleteAclsFilter>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteAclsRequest {
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
        this.filters = r.array(flexible, DeleteAclsFilter::min_size(version), "DeleteAclsRequest.Filters", |r| Ok(DeleteAclsFilter::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.filters).len()), "DeleteAclsRequest.Filters")?; for e in (&self.filters).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteAclsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_length(flexible, true, Some((&self.filters).len())); for e in (&self.filters).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DeleteAclsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.filters = { let n = rng.len(depth); (0..n).map(|_| DeleteAclsFilter::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DeleteAclsRequest {
    const NAME: &'static str = "DeleteAclsRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteAclsFilter {
    pub resource_type_filter: i8,
    pub resource_name_filter: Option<String>,
    pub pattern_type_filter: i8,
    pub principal_filter: Option<String>,
    pub host_filter: Option<String>,
    pub operation: i8,
    pub permission_type: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteAclsFilter {
    fn default() -> Self {
        DeleteAclsFilter {
            resource_type_filter: 0i8,
            resource_name_filter: Some(String::new()),
            pattern_type_filter: 3i8,
            principal_filter: Some(String::new()),
            host_filter: Some(String::new()),
            operation: 0i8,
            permission_type: 0i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteAclsFilter {
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
        this.resource_type_filter = r.i8()?;
        this.resource_name_filter = r.string_opt(flexible, true, "DeleteAclsFilter.ResourceNameFilter")?;
        if version >= 1 { this.pattern_type_filter = r.i8()?; }
        this.principal_filter = r.string_opt(flexible, true, "DeleteAclsFilter.PrincipalFilter")?;
        this.host_filter = r.string_opt(flexible, true, "DeleteAclsFilter.HostFilter")?;
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
        size += p::opt_string_size(flexible, true, (&self.resource_name_filter).as_deref(), "DeleteAclsFilter.ResourceNameFilter")?;
        if version >= 1 { size += 1; } else if self.pattern_type_filter != 3i8 { return Err(p::WireError::FieldNotSupported { message: "DeleteAclsFilter", field: "PatternTypeFilter", version }); }
        size += p::opt_string_size(flexible, true, (&self.principal_filter).as_deref(), "DeleteAclsFilter.PrincipalFilter")?;
        size += p::opt_string_size(flexible, true, (&self.host_filter).as_deref(), "DeleteAclsFilter.HostFilter")?;
        size += 1;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteAclsFilter", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i8(*(&self.resource_type_filter));
        w.put_nullable_string(flexible, (&self.resource_name_filter).as_deref());
        if version >= 1 { w.put_i8(*(&self.pattern_type_filter)); }
        w.put_nullable_string(flexible, (&self.principal_filter).as_deref());
        w.put_nullable_string(flexible, (&self.host_filter).as_deref());
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
impl p::testing::Random for DeleteAclsFilter {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.resource_type_filter = rng.next_u64() as i8;
        this.resource_name_filter = rng.opt_string(true);
        if version >= 1 { this.pattern_type_filter = rng.next_u64() as i8; }
        this.principal_filter = rng.opt_string(true);
        this.host_filter = rng.opt_string(true);
        this.operation = rng.next_u64() as i8;
        this.permission_type = rng.next_u64() as i8;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

