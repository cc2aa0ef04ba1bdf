// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `CreateTopicsResponse` (response), versions 2-7.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct CreateTopicsResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<CreatableTopicResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateTopicsResponse {
    fn default() -> Self {
        CreateTopicsResponse {
            throttle_time_ms: 0i32,
            topics: Vec::<CreatableTopicResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreateTopicsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 8,
            5..=7 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        if version >= 2 { this.throttle_time_ms = r.i32()?; }
        this.topics = r.array(flexible, CreatableTopicResult::min_size(version), "CreateTopicsResponse.Topics", |r| Ok(CreatableTopicResult::read(r, version)?))?;
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
        if version >= 2 { size += 4; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "CreateTopicsResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreateTopicsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        if version >= 2 { w.put_i32(*(&self.throttle_time_ms)); }
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
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
impl p::testing::Random for CreateTopicsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 2 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| CreatableTopicResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for CreateTopicsResponse {
    const NAME: &'static str = "CreateTopicsResponse";
    const LOWEST_VERSION: i16 = 2;
    const HIGHEST_VERSION: i16 = 7;
    const FLEXIBLE_FROM: Option<i16> = Some(5);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicConfigs {
    pub name: String,
    pub value: Option<String>,
    pub read_only: bool,
    pub config_source: i8,
    pub is_sensitive: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopicConfigs {
    fn default() -> Self {
        CreatableTopicConfigs {
            name: String::new(),
            value: Some(String::new()),
            read_only: false,
            config_source: -1i8,
            is_sensitive: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatableTopicConfigs {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 0,
            5..=7 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        if version >= 5 { this.name = r.string(flexible, "CreatableTopicConfigs.Name")?; }
        if version >= 5 { this.value = r.string_opt(flexible, version >= 5, "CreatableTopicConfigs.Value")?; }
        if version >= 5 { this.read_only = r.bool()?; }
        if version >= 5 { this.config_source = r.i8()?; }
        if version >= 5 { this.is_sensitive = r.bool()?; }
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
        if version >= 5 { size += p::string_size(flexible, (&self.name), "CreatableTopicConfigs.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "CreatableTopicConfigs", field: "Name", version }); }
        if version >= 5 { size += p::opt_string_size(flexible, version >= 5, (&self.value).as_deref(), "CreatableTopicConfigs.Value")?; } else if self.value != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "CreatableTopicConfigs", field: "Value", version }); }
        if version >= 5 { size += 1; } else if self.read_only != false { return Err(p::WireError::FieldNotSupported { message: "CreatableTopicConfigs", field: "ReadOnly", version }); }
        if version >= 5 { size += 1; }
        if version >= 5 { size += 1; } else if self.is_sensitive != false { return Err(p::WireError::FieldNotSupported { message: "CreatableTopicConfigs", field: "IsSensitive", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatableTopicConfigs", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        if version >= 5 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 5 { w.put_nullable_string(flexible, (&self.value).as_deref()); }
        if version >= 5 { w.put_bool(*(&self.read_only)); }
        if version >= 5 { w.put_i8(*(&self.config_source)); }
        if version >= 5 { w.put_bool(*(&self.is_sensitive)); }
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
impl p::testing::Random for CreatableTopicConfigs {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 5 { this.name = rng.string(); }
        if version >= 5 { this.value = rng.opt_string(version >= 5); }
        if version >= 5 { this.read_only = rng.bool(); }
        if version >= 5 { this.config_source = rng.next_u64() as i8; }
        if version >= 5 { this.is_sensitive = rng.bool(); }
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicResult {
    pub name: String,
    pub topic_id: p::Uuid,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub topic_config_error_code: i16,
    pub num_partitions: i32,
    pub replication_factor: i16,
    pub configs: Option<Vec<CreatableTopicConfigs>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopicResult {
    fn default() -> Self {
        CreatableTopicResult {
            name: String::new(),
            topic_id: p::Uuid::ZERO,
            error_code: 0i16,
            error_message: Some(String::new()),
            topic_config_error_code: 0i16,
            num_partitions: -1i32,
            replication_factor: -1i16,
            configs: Some(Vec::<CreatableTopicConfigs>::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatableTopicResult {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 6,
            5..=6 => 12,
            7..=7 => 28,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.name = r.string(flexible, "CreatableTopicResult.Name")?;
        if version >= 7 { this.topic_id = r.uuid()?; }
        this.error_code = r.i16()?;
        if version >= 1 { this.error_message = r.string_opt(flexible, true, "CreatableTopicResult.ErrorMessage")?; }
        if (version >= 5) && !(version >= 5) { this.topic_config_error_code = r.i16()?; }
        if version >= 5 { this.num_partitions = r.i32()?; }
        if version >= 5 { this.replication_factor = r.i16()?; }
        if version >= 5 { this.configs = r.array_opt(flexible, version >= 5, CreatableTopicConfigs::min_size(version), "CreatableTopicResult.Configs", |r| Ok(CreatableTopicConfigs::read(r, version)?))?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 5 => { this.topic_config_error_code = r.i16()?; Ok(true) }
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
        size += p::string_size(flexible, (&self.name), "CreatableTopicResult.Name")?;
        if version >= 7 { size += 16; }
        size += 2;
        if version >= 1 { size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "CreatableTopicResult.ErrorMessage")?; }
        if (version >= 5) && !(version >= 5) { size += 2; } else if version >= 5 { if self.topic_config_error_code != 0i16 { let s = 2; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } }
        if version >= 5 { size += 4; }
        if version >= 5 { size += 2; }
        if version >= 5 { size += match (&self.configs) { None => p::array_prefix_size(flexible, version >= 5, None, "CreatableTopicResult.Configs")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "CreatableTopicResult.Configs")?; for e in a.iter() { s += e.size(version)?; } s } }; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatableTopicResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        if version >= 7 { w.put_uuid((&self.topic_id)); }
        w.put_i16(*(&self.error_code));
        if version >= 1 { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
        if (version >= 5) && !(version >= 5) { w.put_i16(*(&self.topic_config_error_code)); }
        if version >= 5 { w.put_i32(*(&self.num_partitions)); }
        if version >= 5 { w.put_i16(*(&self.replication_factor)); }
        if version >= 5 { match (&self.configs) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } } }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 5 && self.topic_config_error_code != 0i16 { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 5 && self.topic_config_error_code != 0i16 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 2;
                w.put_unsigned_varint(s as u32);
                w.put_i16(*(&self.topic_config_error_code));
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for CreatableTopicResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        if version >= 7 { this.topic_id = rng.uuid(); }
        this.error_code = rng.next_u64() as i16;
        if version >= 1 { this.error_message = rng.opt_string(true); }
        if (version >= 5) || (version >= 5) { this.topic_config_error_code = rng.next_u64() as i16; }
        if version >= 5 { this.num_partitions = rng.next_u64() as i32; }
        if version >= 5 { this.replication_factor = rng.next_u64() as i16; }
        if version >= 5 { this.configs = if version >= 5 && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| CreatableTopicConfigs::random(rng, version, depth + 1)).collect::<Vec<_>>() }) }; }
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

