// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StreamsGroupMetadataValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupMetadataValue {
    pub epoch: i32,
    pub metadata_hash: i64,
    pub validated_topology_epoch: i32,
    pub last_assignment_configs: Option<Vec<LastAssignmentConfig>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupMetadataValue {
    fn default() -> Self {
        StreamsGroupMetadataValue {
            epoch: 0i32,
            metadata_hash: 0i64,
            validated_topology_epoch: -1i32,
            last_assignment_configs: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StreamsGroupMetadataValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.epoch = r.i32()?;
        this.metadata_hash = r.i64()?;
        if (true) && !(true) { this.validated_topology_epoch = r.i32()?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if true => { this.validated_topology_epoch = r.i32()?; Ok(true) }
                    1 if true => { this.last_assignment_configs = r.array_opt(flexible, true, LastAssignmentConfig::min_size(version), "StreamsGroupMetadataValue.LastAssignmentConfigs", |r| Ok(LastAssignmentConfig::read(r, version)?))?; Ok(true) }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = true;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 8;
        if (true) && !(true) { size += 4; } else if true { if self.validated_topology_epoch != -1i32 { let s = 4; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.validated_topology_epoch != -1i32 { return Err(p::WireError::FieldNotSupported { message: "StreamsGroupMetadataValue", field: "ValidatedTopologyEpoch", version }); }
        if true { if self.last_assignment_configs != None { let s = match (&self.last_assignment_configs) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupMetadataValue.LastAssignmentConfigs")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupMetadataValue.LastAssignmentConfigs")?; for e in a.iter() { s += e.size(version)?; } s } }; tagged_count += 1; tagged_size += p::unsigned_varint_size(1) + p::unsigned_varint_size(s as u32) + s; } } else if self.last_assignment_configs != None { return Err(p::WireError::FieldNotSupported { message: "StreamsGroupMetadataValue", field: "LastAssignmentConfigs", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StreamsGroupMetadataValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.epoch));
        w.put_i64(*(&self.metadata_hash));
        if (true) && !(true) { w.put_i32(*(&self.validated_topology_epoch)); }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if true && self.validated_topology_epoch != -1i32 { count += 1; }
            if true && self.last_assignment_configs != None { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if true && self.validated_topology_epoch != -1i32 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 4;
                w.put_unsigned_varint(s as u32);
                w.put_i32(*(&self.validated_topology_epoch));
            }
            if true && self.last_assignment_configs != None {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1);
                next_tag = 1;
                w.put_unsigned_varint(1);
                let s = match (&self.last_assignment_configs) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupMetadataValue.LastAssignmentConfigs")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupMetadataValue.LastAssignmentConfigs")?; for e in a.iter() { s += e.size(version)?; } s } };
                w.put_unsigned_varint(s as u32);
                match (&self.last_assignment_configs) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for StreamsGroupMetadataValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.epoch = rng.next_u64() as i32;
        this.metadata_hash = rng.next_u64() as i64;
        if (true) || (true) { this.validated_topology_epoch = rng.next_u64() as i32; }
        if (false) || (true) { this.last_assignment_configs = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| LastAssignmentConfig::random(rng, version, depth + 1)).collect::<Vec<_>>() }) }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for StreamsGroupMetadataValue {
    const NAME: &'static str = "StreamsGroupMetadataValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct LastAssignmentConfig {
    pub key: String,
    pub value: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LastAssignmentConfig {
    fn default() -> Self {
        LastAssignmentConfig {
            key: String::new(),
            value: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LastAssignmentConfig {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.key = r.string(flexible, "LastAssignmentConfig.Key")?;
        this.value = r.string(flexible, "LastAssignmentConfig.Value")?;
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
        let flexible = true;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.key), "LastAssignmentConfig.Key")?;
        size += p::string_size(flexible, (&self.value), "LastAssignmentConfig.Value")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LastAssignmentConfig", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.key).as_str()));
        w.put_nullable_string(flexible, Some((&self.value).as_str()));
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
impl p::testing::Random for LastAssignmentConfig {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.key = rng.string();
        this.value = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

