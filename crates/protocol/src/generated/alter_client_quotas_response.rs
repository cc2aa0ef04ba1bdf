// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `AlterClientQuotasResponse` (response), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct AlterClientQuotasResponse {
    pub throttle_time_ms: i32,
    pub entries: Vec<EntryData>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterClientQuotasResponse {
    fn default() -> Self {
        AlterClientQuotasResponse {
            throttle_time_ms: 0i32,
            entries: Vec::<EntryData>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AlterClientQuotasResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.entries = r.array(flexible, EntryData::min_size(version), "AlterClientQuotasResponse.Entries", |r| Ok(EntryData::read(r, version)?))?;
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
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.entries).len()), "AlterClientQuotasResponse.Entries")?; for e in (&self.entries).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AlterClientQuotasResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_length(flexible, true, Some((&self.entries).len())); for e in (&self.entries).iter() { e.write(w, version)?; }
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
impl p::testing::Random for AlterClientQuotasResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.entries = { let n = rng.len(depth); (0..n).map(|_| EntryData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for AlterClientQuotasResponse {
    const NAME: &'static str = "AlterClientQuotasResponse";
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
    pub error_code: i16,
    pub error_message: Option<String>,
    pub entity: Vec<EntityData>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EntryData {
    fn default() -> Self {
        EntryData {
            error_code: 0i16,
            error_message: Some(String::new()),
            entity: Vec::<EntityData>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for EntryData {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "EntryData.ErrorMessage")?;
        this.entity = r.array(flexible, EntityData::min_size(version), "EntryData.Entity", |r| Ok(EntityData::read(r, version)?))?;
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
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "EntryData.ErrorMessage")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.entity).len()), "EntryData.Entity")?; for e in (&self.entity).iter() { s += e.size(version)?; } s };
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
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        w.put_length(flexible, true, Some((&self.entity).len())); for e in (&self.entity).iter() { e.write(w, version)?; }
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
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.entity = { let n = rng.len(depth); (0..n).map(|_| EntityData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

