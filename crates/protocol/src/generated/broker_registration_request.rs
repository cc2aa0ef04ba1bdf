// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `BrokerRegistrationRequest` (request), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct BrokerRegistrationRequest {
    pub broker_id: i32,
    pub cluster_id: String,
    pub incarnation_id: p::Uuid,
    pub listeners: Vec<Listener>,
    pub features: Vec<Feature>,
    pub rack: Option<String>,
    pub is_migrating_zk_broker: bool,
    pub log_dirs: Vec<p::Uuid>,
    pub previous_broker_epoch: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BrokerRegistrationRequest {
    fn default() -> Self {
        BrokerRegistrationRequest {
            broker_id: 0i32,
            cluster_id: String::new(),
            incarnation_id: p::Uuid::ZERO,
            listeners: Vec::<Listener>::new(),
            features: Vec::<Feature>::new(),
            rack: Some(String::new()),
            is_migrating_zk_broker: false,
            log_dirs: Vec::<p::Uuid>::new(),
            previous_broker_epoch: -1i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for BrokerRegistrationRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 25,
            1..=1 => 26,
            2..=2 => 27,
            3..=4 => 35,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.broker_id = r.i32()?;
        this.cluster_id = r.string(flexible, "BrokerRegistrationRequest.ClusterId")?;
        this.incarnation_id = r.uuid()?;
        this.listeners = r.array(flexible, Listener::min_size(version), "BrokerRegistrationRequest.Listeners", |r| Ok(Listener::read(r, version)?))?;
        this.features = r.array(flexible, Feature::min_size(version), "BrokerRegistrationRequest.Features", |r| Ok(Feature::read(r, version)?))?;
        this.rack = r.string_opt(flexible, true, "BrokerRegistrationRequest.Rack")?;
        if version >= 1 { this.is_migrating_zk_broker = r.bool()?; }
        if version >= 2 { this.log_dirs = r.array(flexible, 16, "BrokerRegistrationRequest.LogDirs", |r| Ok(r.uuid()?))?; }
        if version >= 3 { this.previous_broker_epoch = r.i64()?; }
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
        size += p::string_size(flexible, (&self.cluster_id), "BrokerRegistrationRequest.ClusterId")?;
        size += 16;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.listeners).len()), "BrokerRegistrationRequest.Listeners")?; for e in (&self.listeners).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.features).len()), "BrokerRegistrationRequest.Features")?; for e in (&self.features).iter() { s += e.size(version)?; } s };
        size += p::opt_string_size(flexible, true, (&self.rack).as_deref(), "BrokerRegistrationRequest.Rack")?;
        if version >= 1 { size += 1; } else if self.is_migrating_zk_broker != false { return Err(p::WireError::FieldNotSupported { message: "BrokerRegistrationRequest", field: "IsMigratingZkBroker", version }); }
        if version >= 2 { size += p::array_prefix_size(flexible, false, Some((&self.log_dirs).len()), "BrokerRegistrationRequest.LogDirs")? + (&self.log_dirs).len() * 16; }
        if version >= 3 { size += 8; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "BrokerRegistrationRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.broker_id));
        w.put_nullable_string(flexible, Some((&self.cluster_id).as_str()));
        w.put_uuid((&self.incarnation_id));
        w.put_length(flexible, true, Some((&self.listeners).len())); for e in (&self.listeners).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.features).len())); for e in (&self.features).iter() { e.write(w, version)?; }
        w.put_nullable_string(flexible, (&self.rack).as_deref());
        if version >= 1 { w.put_bool(*(&self.is_migrating_zk_broker)); }
        if version >= 2 { w.put_length(flexible, true, Some((&self.log_dirs).len())); for e in (&self.log_dirs).iter() { w.put_uuid(e); } }
        if version >= 3 { w.put_i64(*(&self.previous_broker_epoch)); }
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
impl p::testing::Random for BrokerRegistrationRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.cluster_id = rng.string();
        this.incarnation_id = rng.uuid();
        this.listeners = { let n = rng.len(depth); (0..n).map(|_| Listener::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.features = { let n = rng.len(depth); (0..n).map(|_| Feature::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.rack = rng.opt_string(true);
        if version >= 1 { this.is_migrating_zk_broker = rng.bool(); }
        if version >= 2 { this.log_dirs = { let n = rng.len(depth); (0..n).map(|_| rng.uuid()).collect::<Vec<_>>() }; }
        if version >= 3 { this.previous_broker_epoch = rng.next_u64() as i64; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for BrokerRegistrationRequest {
    const NAME: &'static str = "BrokerRegistrationRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
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
            0..=4 => 6,
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
            0..=4 => 7,
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

