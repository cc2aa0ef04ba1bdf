// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `FindCoordinatorResponse` (response), versions 0-6.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct FindCoordinatorResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub coordinators: Vec<Coordinator>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FindCoordinatorResponse {
    fn default() -> Self {
        FindCoordinatorResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            error_message: Some(String::new()),
            node_id: 0i32,
            host: String::new(),
            port: 0i32,
            coordinators: Vec::<Coordinator>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FindCoordinatorResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 12,
            1..=2 => 18,
            3..=3 => 17,
            4..=6 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        if version <= 3 { this.error_code = r.i16()?; }
        if (1..=3).contains(&version) { this.error_message = r.string_opt(flexible, (1..=3).contains(&version), "FindCoordinatorResponse.ErrorMessage")?; }
        if version <= 3 { this.node_id = r.i32()?; }
        if version <= 3 { this.host = r.string(flexible, "FindCoordinatorResponse.Host")?; }
        if version <= 3 { this.port = r.i32()?; }
        if version >= 4 { this.coordinators = r.array(flexible, Coordinator::min_size(version), "FindCoordinatorResponse.Coordinators", |r| Ok(Coordinator::read(r, version)?))?; }
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
        if version >= 1 { size += 4; }
        if version <= 3 { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorResponse", field: "ErrorCode", version }); }
        if (1..=3).contains(&version) { size += p::opt_string_size(flexible, (1..=3).contains(&version), (&self.error_message).as_deref(), "FindCoordinatorResponse.ErrorMessage")?; }
        if version <= 3 { size += 4; } else if self.node_id != 0i32 { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorResponse", field: "NodeId", version }); }
        if version <= 3 { size += p::string_size(flexible, (&self.host), "FindCoordinatorResponse.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorResponse", field: "Host", version }); }
        if version <= 3 { size += 4; } else if self.port != 0i32 { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorResponse", field: "Port", version }); }
        if version >= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.coordinators).len()), "FindCoordinatorResponse.Coordinators")?; for e in (&self.coordinators).iter() { s += e.size(version)?; } s }; } else if self.coordinators != Vec::<Coordinator>::new() { return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorResponse", field: "Coordinators", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FindCoordinatorResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        if version <= 3 { w.put_i16(*(&self.error_code)); }
        if (1..=3).contains(&version) { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
        if version <= 3 { w.put_i32(*(&self.node_id)); }
        if version <= 3 { w.put_nullable_string(flexible, Some((&self.host).as_str())); }
        if version <= 3 { w.put_i32(*(&self.port)); }
        if version >= 4 { w.put_length(flexible, true, Some((&self.coordinators).len())); for e in (&self.coordinators).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for FindCoordinatorResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        if version <= 3 { this.error_code = rng.next_u64() as i16; }
        if (1..=3).contains(&version) { this.error_message = rng.opt_string((1..=3).contains(&version)); }
        if version <= 3 { this.node_id = rng.next_u64() as i32; }
        if version <= 3 { this.host = rng.string(); }
        if version <= 3 { this.port = rng.next_u64() as i32; }
        if version >= 4 { this.coordinators = { let n = rng.len(depth); (0..n).map(|_| Coordinator::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for FindCoordinatorResponse {
    const NAME: &'static str = "FindCoordinatorResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 6;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coordinator {
    pub key: String,
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Coordinator {
    fn default() -> Self {
        Coordinator {
            key: String::new(),
            node_id: 0i32,
            host: String::new(),
            port: 0i32,
            error_code: 0i16,
            error_message: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Coordinator {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=3 => 1,
            4..=6 => 14,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 4 { this.key = r.string(flexible, "Coordinator.Key")?; }
        if version >= 4 { this.node_id = r.i32()?; }
        if version >= 4 { this.host = r.string(flexible, "Coordinator.Host")?; }
        if version >= 4 { this.port = r.i32()?; }
        if version >= 4 { this.error_code = r.i16()?; }
        if version >= 4 { this.error_message = r.string_opt(flexible, version >= 4, "Coordinator.ErrorMessage")?; }
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
        if version >= 4 { size += p::string_size(flexible, (&self.key), "Coordinator.Key")?; } else if self.key != String::new() { return Err(p::WireError::FieldNotSupported { message: "Coordinator", field: "Key", version }); }
        if version >= 4 { size += 4; } else if self.node_id != 0i32 { return Err(p::WireError::FieldNotSupported { message: "Coordinator", field: "NodeId", version }); }
        if version >= 4 { size += p::string_size(flexible, (&self.host), "Coordinator.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "Coordinator", field: "Host", version }); }
        if version >= 4 { size += 4; } else if self.port != 0i32 { return Err(p::WireError::FieldNotSupported { message: "Coordinator", field: "Port", version }); }
        if version >= 4 { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "Coordinator", field: "ErrorCode", version }); }
        if version >= 4 { size += p::opt_string_size(flexible, version >= 4, (&self.error_message).as_deref(), "Coordinator.ErrorMessage")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Coordinator", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 4 { w.put_nullable_string(flexible, Some((&self.key).as_str())); }
        if version >= 4 { w.put_i32(*(&self.node_id)); }
        if version >= 4 { w.put_nullable_string(flexible, Some((&self.host).as_str())); }
        if version >= 4 { w.put_i32(*(&self.port)); }
        if version >= 4 { w.put_i16(*(&self.error_code)); }
        if version >= 4 { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
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
impl p::testing::Random for Coordinator {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 4 { this.key = rng.string(); }
        if version >= 4 { this.node_id = rng.next_u64() as i32; }
        if version >= 4 { this.host = rng.string(); }
        if version >= 4 { this.port = rng.next_u64() as i32; }
        if version >= 4 { this.error_code = rng.next_u64() as i16; }
        if version >= 4 { this.error_message = rng.opt_string(version >= 4); }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

