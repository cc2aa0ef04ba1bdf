// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ApiVersionsResponse` (response), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersionsResponse {
    pub error_code: i16,
    pub api_keys: Vec<ApiVersion>,
    pub throttle_time_ms: i32,
    pub supported_features: Vec<SupportedFeatureKey>,
    pub finalized_features_epoch: i64,
    pub finalized_features: Vec<FinalizedFeatureKey>,
    pub zk_migration_ready: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ApiVersionsResponse {
    fn default() -> Self {
        ApiVersionsResponse {
            error_code: 0i16,
            api_keys: Vec::<ApiVersion>::new(),
            throttle_time_ms: 0i32,
            supported_features: Vec::<SupportedFeatureKey>::new(),
            finalized_features_epoch: -1i64,
            finalized_features: Vec::<FinalizedFeatureKey>::new(),
            zk_migration_ready: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ApiVersionsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=2 => 10,
            3..=4 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.api_keys = r.array(flexible, ApiVersion::min_size(version), "ApiVersionsResponse.ApiKeys", |r| Ok(ApiVersion::read(r, version)?))?;
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        if (version >= 3) && !(version >= 3) { this.supported_features = r.array(flexible, SupportedFeatureKey::min_size(version), "ApiVersionsResponse.SupportedFeatures", |r| Ok(SupportedFeatureKey::read(r, version)?))?; }
        if (version >= 3) && !(version >= 3) { this.finalized_features_epoch = r.i64()?; }
        if (version >= 3) && !(version >= 3) { this.finalized_features = r.array(flexible, FinalizedFeatureKey::min_size(version), "ApiVersionsResponse.FinalizedFeatures", |r| Ok(FinalizedFeatureKey::read(r, version)?))?; }
        if (version >= 3) && !(version >= 3) { this.zk_migration_ready = r.bool()?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 3 => { this.supported_features = r.array(flexible, SupportedFeatureKey::min_size(version), "ApiVersionsResponse.SupportedFeatures", |r| Ok(SupportedFeatureKey::read(r, version)?))?; Ok(true) }
                    1 if version >= 3 => { this.finalized_features_epoch = r.i64()?; Ok(true) }
                    2 if version >= 3 => { this.finalized_features = r.array(flexible, FinalizedFeatureKey::min_size(version), "ApiVersionsResponse.FinalizedFeatures", |r| Ok(FinalizedFeatureKey::read(r, version)?))?; Ok(true) }
                    3 if version >= 3 => { this.zk_migration_ready = r.bool()?; Ok(true) }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.api_keys).len()), "ApiVersionsResponse.ApiKeys")?; for e in (&self.api_keys).iter() { s += e.size(version)?; } s };
        if version >= 1 { size += 4; }
        if (version >= 3) && !(version >= 3) { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.supported_features).len()), "ApiVersionsResponse.SupportedFeatures")?; for e in (&self.supported_features).iter() { s += e.size(version)?; } s }; } else if version >= 3 { if self.supported_features != Vec::<SupportedFeatureKey>::new() { let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.supported_features).len()), "ApiVersionsResponse.SupportedFeatures")?; for e in (&self.supported_features).iter() { s += e.size(version)?; } s }; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } }
        if (version >= 3) && !(version >= 3) { size += 8; } else if version >= 3 { if self.finalized_features_epoch != -1i64 { let s = 8; tagged_count += 1; tagged_size += p::unsigned_varint_size(1) + p::unsigned_varint_size(s as u32) + s; } }
        if (version >= 3) && !(version >= 3) { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.finalized_features).len()), "ApiVersionsResponse.FinalizedFeatures")?; for e in (&self.finalized_features).iter() { s += e.size(version)?; } s }; } else if version >= 3 { if self.finalized_features != Vec::<FinalizedFeatureKey>::new() { let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.finalized_features).len()), "ApiVersionsResponse.FinalizedFeatures")?; for e in (&self.finalized_features).iter() { s += e.size(version)?; } s }; tagged_count += 1; tagged_size += p::unsigned_varint_size(2) + p::unsigned_varint_size(s as u32) + s; } }
        if (version >= 3) && !(version >= 3) { size += 1; } else if version >= 3 { if self.zk_migration_ready != false { let s = 1; tagged_count += 1; tagged_size += p::unsigned_varint_size(3) + p::unsigned_varint_size(s as u32) + s; } }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ApiVersionsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.api_keys).len())); for e in (&self.api_keys).iter() { e.write(w, version)?; }
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        if (version >= 3) && !(version >= 3) { w.put_length(flexible, true, Some((&self.supported_features).len())); for e in (&self.supported_features).iter() { e.write(w, version)?; } }
        if (version >= 3) && !(version >= 3) { w.put_i64(*(&self.finalized_features_epoch)); }
        if (version >= 3) && !(version >= 3) { w.put_length(flexible, true, Some((&self.finalized_features).len())); for e in (&self.finalized_features).iter() { e.write(w, version)?; } }
        if (version >= 3) && !(version >= 3) { w.put_bool(*(&self.zk_migration_ready)); }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 3 && self.supported_features != Vec::<SupportedFeatureKey>::new() { count += 1; }
            if version >= 3 && self.finalized_features_epoch != -1i64 { count += 1; }
            if version >= 3 && self.finalized_features != Vec::<FinalizedFeatureKey>::new() { count += 1; }
            if version >= 3 && self.zk_migration_ready != false { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 3 && self.supported_features != Vec::<SupportedFeatureKey>::new() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.supported_features).len()), "ApiVersionsResponse.SupportedFeatures")?; for e in (&self.supported_features).iter() { s += e.size(version)?; } s };
                w.put_unsigned_varint(s as u32);
                w.put_length(flexible, true, Some((&self.supported_features).len())); for e in (&self.supported_features).iter() { e.write(w, version)?; }
            }
            if version >= 3 && self.finalized_features_epoch != -1i64 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1);
                next_tag = 1;
                w.put_unsigned_varint(1);
                let s = 8;
                w.put_unsigned_varint(s as u32);
                w.put_i64(*(&self.finalized_features_epoch));
            }
            if version >= 3 && self.finalized_features != Vec::<FinalizedFeatureKey>::new() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..2);
                next_tag = 2;
                w.put_unsigned_varint(2);
                let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.finalized_features).len()), "ApiVersionsResponse.FinalizedFeatures")?; for e in (&self.finalized_features).iter() { s += e.size(version)?; } s };
                w.put_unsigned_varint(s as u32);
                w.put_length(flexible, true, Some((&self.finalized_features).len())); for e in (&self.finalized_features).iter() { e.write(w, version)?; }
            }
            if version >= 3 && self.zk_migration_ready != false {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..3);
                next_tag = 3;
                w.put_unsigned_varint(3);
                let s = 1;
                w.put_unsigned_varint(s as u32);
                w.put_bool(*(&self.zk_migration_ready));
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ApiVersionsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.api_keys = { let n = rng.len(depth); (0..n).map(|_| ApiVersion::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        if (version >= 3) || (version >= 3) { this.supported_features = { let n = rng.len(depth); (0..n).map(|_| SupportedFeatureKey::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 3) || (version >= 3) { this.finalized_features_epoch = rng.next_u64() as i64; }
        if (version >= 3) || (version >= 3) { this.finalized_features = { let n = rng.len(depth); (0..n).map(|_| FinalizedFeatureKey::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 3) || (version >= 3) { this.zk_migration_ready = rng.bool(); }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ApiVersionsResponse {
    const NAME: &'static str = "ApiVersionsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersion {
    pub api_key: i16,
    pub min_version: i16,
    pub max_version: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ApiVersion {
    fn default() -> Self {
        ApiVersion {
            api_key: 0i16,
            min_version: 0i16,
            max_version: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ApiVersion {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 6,
            3..=4 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.api_key = r.i16()?;
        this.min_version = r.i16()?;
        this.max_version = r.i16()?;
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
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 2;
        size += 2;
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ApiVersion", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_i16(*(&self.api_key));
        w.put_i16(*(&self.min_version));
        w.put_i16(*(&self.max_version));
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
impl p::testing::Random for ApiVersion {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.api_key = rng.next_u64() as i16;
        this.min_version = rng.next_u64() as i16;
        this.max_version = rng.next_u64() as i16;
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FinalizedFeatureKey {
    pub name: String,
    pub max_version_level: i16,
    pub min_version_level: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FinalizedFeatureKey {
    fn default() -> Self {
        FinalizedFeatureKey {
            name: String::new(),
            max_version_level: 0i16,
            min_version_level: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FinalizedFeatureKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=4 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 3 { this.name = r.string(flexible, "FinalizedFeatureKey.Name")?; }
        if version >= 3 { this.max_version_level = r.i16()?; }
        if version >= 3 { this.min_version_level = r.i16()?; }
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
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 3 { size += p::string_size(flexible, (&self.name), "FinalizedFeatureKey.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "FinalizedFeatureKey", field: "Name", version }); }
        if version >= 3 { size += 2; } else if self.max_version_level != 0i16 { return Err(p::WireError::FieldNotSupported { message: "FinalizedFeatureKey", field: "MaxVersionLevel", version }); }
        if version >= 3 { size += 2; } else if self.min_version_level != 0i16 { return Err(p::WireError::FieldNotSupported { message: "FinalizedFeatureKey", field: "MinVersionLevel", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FinalizedFeatureKey", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 3 { w.put_i16(*(&self.max_version_level)); }
        if version >= 3 { w.put_i16(*(&self.min_version_level)); }
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
impl p::testing::Random for FinalizedFeatureKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.name = rng.string(); }
        if version >= 3 { this.max_version_level = rng.next_u64() as i16; }
        if version >= 3 { this.min_version_level = rng.next_u64() as i16; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SupportedFeatureKey {
    pub name: String,
    pub min_version: i16,
    pub max_version: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SupportedFeatureKey {
    fn default() -> Self {
        SupportedFeatureKey {
            name: String::new(),
            min_version: 0i16,
            max_version: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for SupportedFeatureKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=4 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 3 { this.name = r.string(flexible, "SupportedFeatureKey.Name")?; }
        if version >= 3 { this.min_version = r.i16()?; }
        if version >= 3 { this.max_version = r.i16()?; }
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
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 3 { size += p::string_size(flexible, (&self.name), "SupportedFeatureKey.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "SupportedFeatureKey", field: "Name", version }); }
        if version >= 3 { size += 2; } else if self.min_version != 0i16 { return Err(p::WireError::FieldNotSupported { message: "SupportedFeatureKey", field: "MinVersion", version }); }
        if version >= 3 { size += 2; } else if self.max_version != 0i16 { return Err(p::WireError::FieldNotSupported { message: "SupportedFeatureKey", field: "MaxVersion", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "SupportedFeatureKey", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 3 { w.put_i16(*(&self.min_version)); }
        if version >= 3 { w.put_i16(*(&self.max_version)); }
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
impl p::testing::Random for SupportedFeatureKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.name = rng.string(); }
        if version >= 3 { this.min_version = rng.next_u64() as i16; }
        if version >= 3 { this.max_version = rng.next_u64() as i16; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

