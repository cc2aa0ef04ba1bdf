// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeConfigsRequest` (request), versions 1-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsRequest {
    pub resources: Vec<DescribeConfigsResource>,
    pub include_synonyms: bool,
    pub include_documentation: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsRequest {
    fn default() -> Self {
        DescribeConfigsRequest {
            resources: Vec::<DescribeConfigsResource>::new(),
            include_synonyms: false,
            include_documentation: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeConfigsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 5,
            3..=3 => 6,
            4..=4 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.resources = r.array(flexible, DescribeConfigsResource::min_size(version), "DescribeConfigsRequest.Resources", |r| Ok(DescribeConfigsResource::read(r, version)?))?;
        if version >= 1 { this.include_synonyms = r.bool()?; }
        if version >= 3 { this.include_documentation = r.bool()?; }
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.resources).len()), "DescribeConfigsRequest.Resources")?; for e in (&self.resources).iter() { s += e.size(version)?; } s };
        if version >= 1 { size += 1; } else if self.include_synonyms != false { return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsRequest", field: "IncludeSynonyms", version }); }
        if version >= 3 { size += 1; } else if self.include_documentation != false { return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsRequest", field: "IncludeDocumentation", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_length(flexible, true, Some((&self.resources).len())); for e in (&self.resources).iter() { e.write(w, version)?; }
        if version >= 1 { w.put_bool(*(&self.include_synonyms)); }
        if version >= 3 { w.put_bool(*(&self.include_documentation)); }
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
impl p::testing::Random for DescribeConfigsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.resources = { let n = rng.len(depth); (0..n).map(|_| DescribeConfigsResource::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 1 { this.include_synonyms = rng.bool(); }
        if version >= 3 { this.include_documentation = rng.bool(); }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeConfigsRequest {
    const NAME: &'static str = "DescribeConfigsRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResource {
    pub resource_type: i8,
    pub resource_name: String,
    pub configuration_keys: Option<Vec<String>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResource {
    fn default() -> Self {
        DescribeConfigsResource {
            resource_type: 0i8,
            resource_name: String::new(),
            configuration_keys: Some(Vec::<String>::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeConfigsResource {
    fn min_size(version: i16) -> usize {
        match version {
            1..=3 => 7,
            4..=4 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.resource_type = r.i8()?;
        this.resource_name = r.string(flexible, "DescribeConfigsResource.ResourceName")?;
        this.configuration_keys = r.array_opt(flexible, true, 1, "DescribeConfigsResource.ConfigurationKeys", |r| Ok(r.string(flexible, "DescribeConfigsResource.ConfigurationKeys")?))?;
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
        size += 1;
        size += p::string_size(flexible, (&self.resource_name), "DescribeConfigsResource.ResourceName")?;
        size += match (&self.configuration_keys) { None => p::array_prefix_size(flexible, true, None, "DescribeConfigsResource.ConfigurationKeys")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "DescribeConfigsResource.ConfigurationKeys")?; for e in a.iter() { s += p::string_size(flexible, e, "DescribeConfigsResource.ConfigurationKeys")?; } s } };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsResource", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_i8(*(&self.resource_type));
        w.put_nullable_string(flexible, Some((&self.resource_name).as_str()));
        match (&self.configuration_keys) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_nullable_string(flexible, Some(e.as_str())); } } }
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
impl p::testing::Random for DescribeConfigsResource {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.configuration_keys = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }) };
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

