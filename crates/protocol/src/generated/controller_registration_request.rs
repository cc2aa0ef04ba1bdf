// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ControllerRegistrationRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ControllerRegistrationRequest {
    pub controller_id: i32,
    pub incarnation_id: p::Uuid,
    pub zk_migration_ready: bool,
    pub listeners: Vec<Listener>,
    pub features: Vec<Feature>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ControllerRegistrationRequest {
    fn default() -> Self {
        ControllerRegistrationRequest {
            controller_id: 0i32,
            incarnation_id: p::Uuid::ZERO,
            zk_migration_ready: false,
            listeners: Vec::<Listener>::new(),
            features: Vec::<Feature>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ControllerRegistrationRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 24,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.controller_id = r.i32()?;
        this.incarnation_id = r.uuid()?;
        this.zk_migration_ready = r.bool()?;
        this.listeners = r.array(flexible, Listener::min_size(version), "ControllerRegistrationRequest.Listeners", |r| Ok(Listener::read(r, version)?))?;
        this.features = r.array(flexible, Feature::min_size(version), "ControllerRegistrationRequest.Features", |r| Ok(Feature::read(r, version)?))?;
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
        size += 16;
        size += 1;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.listeners).len()), "ControllerRegistrationRequest.Listeners")?; for e in (&self.listeners).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.features).len()), "ControllerRegistrationRequest.Features")?; for e in (&self.features).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ControllerRegistrationRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.controller_id));
        w.put_uuid((&self.incarnation_id));
        w.put_bool(*(&self.zk_migration_ready));
        w.put_length(flexible, true, Some((&self.listeners).len())); for e in (&self.listeners).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.features).len())); for e in (&self.features).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ControllerRegistrationRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.controller_id = rng.next_u64() as i32;
        this.incarnation_id = rng.uuid();
        this.zk_migration_ready = rng.bool();
        this.listeners = { let n = rng.len(depth); (0..n).map(|_| Listener::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.features = { let n = rng.len(depth); (0..n).map(|_| Feature::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ControllerRegistrationRequest {
    const NAME: &'static str = "ControllerRegistrationRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub name: String,
    pub min_supported_version: i16,
    pub max_supported_version: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Feature {
    fn default() -> Self {
        Feature {
            name: String::new(),
            min_supported_version: 0i16,
            max_supported_version: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Feature {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "Feature.Name")?;
        this.min_supported_version = r.i16()?;
        this.max_supported_version = r.i16()?;
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
        size += p::string_size(flexible, (&self.name), "Feature.Name")?;
        size += 2;
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Feature", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i16(*(&self.min_supported_version));
        w.put_i16(*(&self.max_supported_version));
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
impl p::testing::Random for Feature {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.min_supported_version = rng.next_u64() as i16;
        this.max_supported_version = rng.next_u64() as i16;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub name: String,
    pub host: String,
    pub port: u16,
    pub security_protocol: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Listener {
    fn default() -> Self {
        Listener {
            name: String::new(),
            host: String::new(),
            port: 0u16,
            security_protocol: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Listener {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "Listener.Name")?;
        this.host = r.string(flexible, "Listener.Host")?;
        this.port = r.u16()?;
        this.security_protocol = r.i16()?;
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
        size += p::string_size(flexible, (&self.name), "Listener.Name")?;
        size += p::string_size(flexible, (&self.host), "Listener.Host")?;
        size += 2;
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Listener", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_nullable_string(flexible, Some((&self.host).as_str()));
        w.put_u16(*(&self.port));
        w.put_i16(*(&self.security_protocol));
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
impl p::testing::Random for Listener {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.host = rng.string();
        this.port = rng.next_u64() as u16;
        this.security_protocol = rng.next_u64() as i16;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

