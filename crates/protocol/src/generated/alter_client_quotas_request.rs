// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `AlterClientQuotasRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct AlterClientQuotasRequest {
    pub entries: Vec<EntryData>,
    pub validate_only: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterClientQuotasRequest {
    fn default() -> Self {
        AlterClientQuotasRequest {
            entries: Vec::<EntryData>::new(),
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AlterClientQuotasRequest {
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
        this.entries = r.array(flexible, EntryData::min_size(version), "AlterClientQuotasRequest.Entries", |r| Ok(EntryData::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.entries).len()), "AlterClientQuotasRequest.Entries")?; for e in (&self.entries).iter() { s += e.size(version)?; } s };
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AlterClientQuotasRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_length(flexible, true, Some((&self.entries).len())); for e in (&self.entries).iter() { e.write(w, version)?; }
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
impl p::testing::Random for AlterClientQuotasRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.entries = { let n = rng.len(depth); (0..n).map(|_| EntryData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.validate_only = rng.bool();
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for AlterClientQuotasRequest {
    const NAME: &'static str = "AlterClientQuotasRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityData {
    pub entity_type: String,
    pub entity_name: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EntityData {
    fn default() -> Self {
        EntityData {
            entity_type: String::new(),
            entity_name: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for EntityData {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            1..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.entity_type = r.string(flexible, "EntityData.EntityType")?;
        this.entity_name = r.string_opt(flexible, true, "EntityData.EntityName")?;
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
        size += p::string_size(flexible, (&self.entity_type), "EntityData.EntityType")?;
        size += p::opt_string_size(flexible, true, (&self.entity_name).as_deref(), "EntityData.EntityName")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "EntityData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, Some((&self.entity_type).as_str()));
        w.put_nullable_string(flexible, (&self.entity_name).as_deref());
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
impl p::testing::Random for EntityData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.entity_type = rng.string();
        this.entity_name = rng.opt_string(true);
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntryData {
    pub entity: Vec<EntityData>,
    pub ops: Vec<OpData>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EntryData {
    fn default() -> Self {
        EntryData {
            entity: Vec::<EntityData>::new(),
            ops: Vec::<OpData>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for EntryData {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.entity = r.array(flexible, EntityData::min_size(version), "EntryData.Entity", |r| Ok(EntityData::read(r, version)?))?;
        this.ops = r.array(flexible, OpData::min_size(version), "EntryData.Ops", |r| Ok(OpData::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.entity).len()), "EntryData.Entity")?; for e in (&self.entity).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.ops).len()), "EntryData.Ops")?; for e in (&self.ops).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "EntryData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_length(flexible, true, Some((&self.entity).len())); for e in (&self.entity).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.ops).len())); for e in (&self.ops).iter() { e.write(w, version)?; }
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
impl p::testing::Random for EntryData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.entity = { let n = rng.len(depth); (0..n).map(|_| EntityData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.ops = { let n = rng.len(depth); (0..n).map(|_| OpData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpData {
    pub key: String,
    pub value: f64,
    pub remove: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OpData {
    fn default() -> Self {
        OpData {
            key: String::new(),
            value: 0.0f64,
            remove: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OpData {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 11,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.key = r.string(flexible, "OpData.Key")?;
        this.value = r.f64()?;
        this.remove = r.bool()?;
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
        size += p::string_size(flexible, (&self.key), "OpData.Key")?;
        size += 8;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OpData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, Some((&self.key).as_str()));
        w.put_f64(*(&self.value));
        w.put_bool(*(&self.remove));
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
impl p::testing::Random for OpData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.key = rng.string();
        this.value = rng.f64();
        this.remove = rng.bool();
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

