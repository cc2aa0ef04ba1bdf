// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeClientQuotasRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClientQuotasRequest {
    pub components: Vec<ComponentData>,
    pub strict: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeClientQuotasRequest {
    fn default() -> Self {
        DescribeClientQuotasRequest {
            components: Vec::<ComponentData>::new(),
            strict: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeClientQuotasRequest {
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
        this.components = r.array(flexible, ComponentData::min_size(version), "DescribeClientQuotasRequest.Components", |r| Ok(ComponentData::read(r, version)?))?;
        this.strict = r.bool()?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.components).len()), "DescribeClientQuotasRequest.Components")?; for e in (&self.components).iter() { s += e.size(version)?; } s };
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeClientQuotasRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_length(flexible, true, Some((&self.components).len())); for e in (&self.components).iter() { e.write(w, version)?; }
        w.put_bool(*(&self.strict));
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
impl p::testing::Random for DescribeClientQuotasRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.components = { let n = rng.len(depth); (0..n).map(|_| ComponentData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.strict = rng.bool();
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeClientQuotasRequest {
    const NAME: &'static str = "DescribeClientQuotasRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ComponentData {
    pub entity_type: String,
    pub match_type: i8,
    pub r#match: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ComponentData {
    fn default() -> Self {
        ComponentData {
            entity_type: String::new(),
            match_type: 0i8,
            r#match: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ComponentData {
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
        this.entity_type = r.string(flexible, "ComponentData.EntityType")?;
        this.match_type = r.i8()?;
        this.r#match = r.string_opt(flexible, true, "ComponentData.Match")?;
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
        size += p::string_size(flexible, (&self.entity_type), "ComponentData.EntityType")?;
        size += 1;
        size += p::opt_string_size(flexible, true, (&self.r#match).as_deref(), "ComponentData.Match")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ComponentData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, Some((&self.entity_type).as_str()));
        w.put_i8(*(&self.match_type));
        w.put_nullable_string(flexible, (&self.r#match).as_deref());
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
impl p::testing::Random for ComponentData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.entity_type = rng.string();
        this.match_type = rng.next_u64() as i8;
        this.r#match = rng.opt_string(true);
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

