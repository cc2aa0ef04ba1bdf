// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `UpdateFeaturesRequest` (request), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateFeaturesRequest {
    pub timeout_ms: i32,
    pub feature_updates: Vec<FeatureUpdateKey>,
    pub validate_only: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateFeaturesRequest {
    fn default() -> Self {
        UpdateFeaturesRequest {
            timeout_ms: 60000i32,
            feature_updates: Vec::<FeatureUpdateKey>::new(),
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UpdateFeaturesRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=2 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.timeout_ms = r.i32()?;
        this.feature_updates = r.array(flexible, FeatureUpdateKey::min_size(version), "UpdateFeaturesRequest.FeatureUpdates", |r| Ok(FeatureUpdateKey::read(r, version)?))?;
        if version >= 1 { this.validate_only = r.bool()?; }
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
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.feature_updates).len()), "UpdateFeaturesRequest.FeatureUpdates")?; for e in (&self.feature_updates).iter() { s += e.size(version)?; } s };
        if version >= 1 { size += 1; } else if self.validate_only != false { return Err(p::WireError::FieldNotSupported { message: "UpdateFeaturesRequest", field: "ValidateOnly", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UpdateFeaturesRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.timeout_ms));
        w.put_length(flexible, true, Some((&self.feature_updates).len())); for e in (&self.feature_updates).iter() { e.write(w, version)?; }
        if version >= 1 { w.put_bool(*(&self.validate_only)); }
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
impl p::testing::Random for UpdateFeaturesRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.timeout_ms = rng.next_u64() as i32;
        this.feature_updates = { let n = rng.len(depth); (0..n).map(|_| FeatureUpdateKey::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 1 { this.validate_only = rng.bool(); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for UpdateFeaturesRequest {
    const NAME: &'static str = "UpdateFeaturesRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct FeatureUpdateKey {
    pub feature: String,
    pub max_version_level: i16,
    pub allow_downgrade: bool,
    pub upgrade_type: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FeatureUpdateKey {
    fn default() -> Self {
        FeatureUpdateKey {
            feature: String::new(),
            max_version_level: 0i16,
            allow_downgrade: false,
            upgrade_type: 1i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FeatureUpdateKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.feature = r.string(flexible, "FeatureUpdateKey.Feature")?;
        this.max_version_level = r.i16()?;
        if version <= 0 { this.allow_downgrade = r.bool()?; }
        if version >= 1 { this.upgrade_type = r.i8()?; }
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
        size += p::string_size(flexible, (&self.feature), "FeatureUpdateKey.Feature")?;
        size += 2;
        if version <= 0 { size += 1; } else if self.allow_downgrade != false { return Err(p::WireError::FieldNotSupported { message: "FeatureUpdateKey", field: "AllowDowngrade", version }); }
        if version >= 1 { size += 1; } else if self.upgrade_type != 1i8 { return Err(p::WireError::FieldNotSupported { message: "FeatureUpdateKey", field: "UpgradeType", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FeatureUpdateKey", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.feature).as_str()));
        w.put_i16(*(&self.max_version_level));
        if version <= 0 { w.put_bool(*(&self.allow_downgrade)); }
        if version >= 1 { w.put_i8(*(&self.upgrade_type)); }
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
impl p::testing::Random for FeatureUpdateKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.feature = rng.string();
        this.max_version_level = rng.next_u64() as i16;
        if version <= 0 { this.allow_downgrade = rng.bool(); }
        if version >= 1 { this.upgrade_type = rng.next_u64() as i8; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

