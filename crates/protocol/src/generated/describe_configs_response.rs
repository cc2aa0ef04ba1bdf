// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeConfigsResponse` (response), versions 1-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResponse {
    pub throttle_time_ms: i32,
    pub results: Vec<DescribeConfigsResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResponse {
    fn default() -> Self {
        DescribeConfigsResponse {
            throttle_time_ms: 0i32,
            results: Vec::<DescribeConfigsResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeConfigsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=3 => 8,
            4..=4 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.results = r.array(flexible, DescribeConfigsResult::min_size(version), "DescribeConfigsResponse.Results", |r| Ok(DescribeConfigsResult::read(r, version)?))?;
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
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.results).len()), "DescribeConfigsResponse.Results")?; for e in (&self.results).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_length(flexible, true, Some((&self.results).len())); for e in (&self.results).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeConfigsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.results = { let n = rng.len(depth); (0..n).map(|_| DescribeConfigsResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeConfigsResponse {
    const NAME: &'static str = "DescribeConfigsResponse";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResourceResult {
    pub name: String,
    pub value: Option<String>,
    pub read_only: bool,
    pub config_source: i8,
    pub is_sensitive: bool,
    pub synonyms: Vec<DescribeConfigsSynonym>,
    pub config_type: i8,
    pub documentation: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResourceResult {
    fn default() -> Self {
        DescribeConfigsResourceResult {
            name: String::new(),
            value: Some(String::new()),
            read_only: false,
            config_source: -1i8,
            is_sensitive: false,
            synonyms: Vec::<DescribeConfigsSynonym>::new(),
            config_type: 0i8,
            documentation: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeConfigsResourceResult {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 11,
            3..=3 => 14,
            4..=4 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.name = r.string(flexible, "DescribeConfigsResourceResult.Name")?;
        this.value = r.string_opt(flexible, true, "DescribeConfigsResourceResult.Value")?;
        this.read_only = r.bool()?;
        if version >= 1 { this.config_source = r.i8()?; }
        this.is_sensitive = r.bool()?;
        if version >= 1 { this.synonyms = r.array(flexible, DescribeConfigsSynonym::min_size(version), "DescribeConfigsResourceResult.Synonyms", |r| Ok(DescribeConfigsSynonym::read(r, version)?))?; }
        if version >= 3 { this.config_type = r.i8()?; }
        if version >= 3 { this.documentation = r.string_opt(flexible, true, "DescribeConfigsResourceResult.Documentation")?; }
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
        size += p::string_size(flexible, (&self.name), "DescribeConfigsResourceResult.Name")?;
        size += p::opt_string_size(flexible, true, (&self.value).as_deref(), "DescribeConfigsResourceResult.Value")?;
        size += 1;
        if version >= 1 { size += 1; }
        size += 1;
        if version >= 1 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.synonyms).len()), "DescribeConfigsResourceResult.Synonyms")?; for e in (&self.synonyms).iter() { s += e.size(version)?; } s }; }
        if version >= 3 { size += 1; }
        if version >= 3 { size += p::opt_string_size(flexible, true, (&self.documentation).as_deref(), "DescribeConfigsResourceResult.Documentation")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsResourceResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_nullable_string(flexible, (&self.value).as_deref());
        w.put_bool(*(&self.read_only));
        if version >= 1 { w.put_i8(*(&self.config_source)); }
        w.put_bool(*(&self.is_sensitive));
        if version >= 1 { w.put_length(flexible, true, Some((&self.synonyms).len())); for e in (&self.synonyms).iter() { e.write(w, version)?; } }
        if version >= 3 { w.put_i8(*(&self.config_type)); }
        if version >= 3 { w.put_nullable_string(flexible, (&self.documentation).as_deref()); }
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
impl p::testing::Random for DescribeConfigsResourceResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.value = rng.opt_string(true);
        this.read_only = rng.bool();
        if version >= 1 { this.config_source = rng.next_u64() as i8; }
        this.is_sensitive = rng.bool();
        if version >= 1 { this.synonyms = { let n = rng.len(depth); (0..n).map(|_| DescribeConfigsSynonym::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 3 { this.config_type = rng.next_u64() as i8; }
        if version >= 3 { this.documentation = rng.opt_string(true); }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResult {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub resource_type: i8,
    pub resource_name: String,
    pub configs: Vec<DescribeConfigsResourceResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResult {
    fn default() -> Self {
        DescribeConfigsResult {
            error_code: 0i16,
            error_message: Some(String::new()),
            resource_type: 0i8,
            resource_name: String::new(),
            configs: Vec::<DescribeConfigsResourceResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeConfigsResult {
    fn min_size(version: i16) -> usize {
        match version {
            1..=3 => 11,
            4..=4 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribeConfigsResult.ErrorMessage")?;
        this.resource_type = r.i8()?;
        this.resource_name = r.string(flexible, "DescribeConfigsResult.ResourceName")?;
        this.configs = r.array(flexible, DescribeConfigsResourceResult::min_size(version), "DescribeConfigsResult.Configs", |r| Ok(DescribeConfigsResourceResult::read(r, version)?))?;
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
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribeConfigsResult.ErrorMessage")?;
        size += 1;
        size += p::string_size(flexible, (&self.resource_name), "DescribeConfigsResult.ResourceName")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.configs).len()), "DescribeConfigsResult.Configs")?; for e in (&self.configs).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
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
impl p::testing::Random for DescribeConfigsResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.configs = { let n = rng.len(depth); (0..n).map(|_| DescribeConfigsResourceResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsSynonym {
    pub name: String,
    pub value: Option<String>,
    pub source: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsSynonym {
    fn default() -> Self {
        DescribeConfigsSynonym {
            name: String::new(),
            value: Some(String::new()),
            source: 0i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeConfigsSynonym {
    fn min_size(version: i16) -> usize {
        match version {
            1..=3 => 5,
            4..=4 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 1 { this.name = r.string(flexible, "DescribeConfigsSynonym.Name")?; }
        if version >= 1 { this.value = r.string_opt(flexible, true, "DescribeConfigsSynonym.Value")?; }
        if version >= 1 { this.source = r.i8()?; }
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
        if version >= 1 { size += p::string_size(flexible, (&self.name), "DescribeConfigsSynonym.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsSynonym", field: "Name", version }); }
        if version >= 1 { size += p::opt_string_size(flexible, true, (&self.value).as_deref(), "DescribeConfigsSynonym.Value")?; } else if self.value != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsSynonym", field: "Value", version }); }
        if version >= 1 { size += 1; } else if self.source != 0i8 { return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsSynonym", field: "Source", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeConfigsSynonym", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 1 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 1 { w.put_nullable_string(flexible, (&self.value).as_deref()); }
        if version >= 1 { w.put_i8(*(&self.source)); }
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
impl p::testing::Random for DescribeConfigsSynonym {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.name = rng.string(); }
        if version >= 1 { this.value = rng.opt_string(true); }
        if version >= 1 { this.source = rng.next_u64() as i8; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

