// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `IncrementalAlterConfigsRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct IncrementalAlterConfigsRequest {
    pub resources: Vec<AlterConfigsResource>,
    pub validate_only: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for IncrementalAlterConfigsRequest {
    fn default() -> Self {
        IncrementalAlterConfigsRequest {
            resources: Vec::<AlterConfigsResource>::new(),
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for IncrementalAlterConfigsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 5,
            1..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.resources = r.array(flexible, AlterConfigsResource::min_size(version), "IncrementalAlterConfigsRequest.Resources", |r| Ok(AlterConfigsResource::read(r, version)?))?;
        this.validate_only = r.bool()?;
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.resources).len()), "IncrementalAlterConfigsRequest.Resources")?; for e in (&self.resources).iter() { s += e.size(version)?; } s };
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "IncrementalAlterConfigsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_length(flexible, true, Some((&self.resources).len())); for e in (&self.resources).iter() { e.write(w, version)?; }
        w.put_bool(*(&self.validate_only));
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
impl p::testing::Random for IncrementalAlterConfigsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.resources = { let n = rng.len(depth); (0..n).map(|_| AlterConfigsResource::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.validate_only = rng.bool();
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for IncrementalAlterConfigsRequest {
    const NAME: &'static str = "IncrementalAlterConfigsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlterConfigsResource {
    pub resource_type: i8,
    pub resource_name: String,
    pub configs: Vec<AlterableConfig>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterConfigsResource {
    fn default() -> Self {
        AlterConfigsResource {
            resource_type: 0i8,
            resource_name: String::new(),
            configs: Vec::<AlterableConfig>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AlterConfigsResource {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 7,
            1..=1 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.resource_type = r.i8()?;
        this.resource_name = r.string(flexible, "AlterConfigsResource.ResourceName")?;
        this.configs = r.array(flexible, AlterableConfig::min_size(version), "AlterConfigsResource.Configs", |r| Ok(AlterableConfig::read(r, version)?))?;
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 1;
        size += p::string_size(flexible, (&self.resource_name), "AlterConfigsResource.ResourceName")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.configs).len()), "AlterConfigsResource.Configs")?; for e in (&self.configs).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AlterConfigsResource", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_i8(*(&self.resource_type));
        w.put_nullable_string(flexible, Some((&self.resource_name).as_str()));
        w.put_length(flexible, true, Some((&self.configs).len())); for e in (&self.configs).iter() { e.write(w, version)?; }
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
impl p::testing::Random for AlterConfigsResource {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.configs = { let n = rng.len(depth); (0..n).map(|_| AlterableConfig::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AlterableConfig {
    pub name: String,
    pub config_operation: i8,
    pub value: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterableConfig {
    fn default() -> Self {
        AlterableConfig {
            name: String::new(),
            config_operation: 0i8,
            value: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AlterableConfig {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 5,
            1..=1 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.name = r.string(flexible, "AlterableConfig.Name")?;
        this.config_operation = r.i8()?;
        this.value = r.string_opt(flexible, true, "AlterableConfig.Value")?;
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.name), "AlterableConfig.Name")?;
        size += 1;
        size += p::opt_string_size(flexible, true, (&self.value).as_deref(), "AlterableConfig.Value")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AlterableConfig", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i8(*(&self.config_operation));
        w.put_nullable_string(flexible, (&self.value).as_deref());
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
impl p::testing::Random for AlterableConfig {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.config_operation = rng.next_u64() as i8;
        this.value = rng.opt_string(true);
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

