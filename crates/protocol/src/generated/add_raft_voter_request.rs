// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `AddRaftVoterRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct AddRaftVoterRequest {
    pub cluster_id: Option<String>,
    pub timeout_ms: i32,
    pub voter_id: i32,
    pub voter_directory_id: p::Uuid,
    pub listeners: Vec<Listener>,
    pub ack_when_committed: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddRaftVoterRequest {
    fn default() -> Self {
        AddRaftVoterRequest {
            cluster_id: Some(String::new()),
            timeout_ms: 0i32,
            voter_id: 0i32,
            voter_directory_id: p::Uuid::ZERO,
            listeners: Vec::<Listener>::new(),
            ack_when_committed: true,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddRaftVoterRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 27,
            1..=1 => 28,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.cluster_id = r.string_opt(flexible, true, "AddRaftVoterRequest.ClusterId")?;
        this.timeout_ms = r.i32()?;
        this.voter_id = r.i32()?;
        this.voter_directory_id = r.uuid()?;
        this.listeners = r.array(flexible, Listener::min_size(version), "AddRaftVoterRequest.Listeners", |r| Ok(Listener::read(r, version)?))?;
        if version >= 1 { this.ack_when_committed = r.bool()?; }
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
        size += p::opt_string_size(flexible, true, (&self.cluster_id).as_deref(), "AddRaftVoterRequest.ClusterId")?;
        size += 4;
        size += 4;
        size += 16;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.listeners).len()), "AddRaftVoterRequest.Listeners")?; for e in (&self.listeners).iter() { s += e.size(version)?; } s };
        if version >= 1 { size += 1; } else if self.ack_when_committed != true { return Err(p::WireError::FieldNotSupported { message: "AddRaftVoterRequest", field: "AckWhenCommitted", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddRaftVoterRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, (&self.cluster_id).as_deref());
        w.put_i32(*(&self.timeout_ms));
        w.put_i32(*(&self.voter_id));
        w.put_uuid((&self.voter_directory_id));
        w.put_length(flexible, true, Some((&self.listeners).len())); for e in (&self.listeners).iter() { e.write(w, version)?; }
        if version >= 1 { w.put_bool(*(&self.ack_when_committed)); }
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
impl p::testing::Random for AddRaftVoterRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.cluster_id = rng.opt_string(true);
        this.timeout_ms = rng.next_u64() as i32;
        this.voter_id = rng.next_u64() as i32;
        this.voter_directory_id = rng.uuid();
        this.listeners = { let n = rng.len(depth); (0..n).map(|_| Listener::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 1 { this.ack_when_committed = rng.bool(); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for AddRaftVoterRequest {
    const NAME: &'static str = "AddRaftVoterRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub name: String,
    pub host: String,
    pub port: u16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Listener {
    fn default() -> Self {
        Listener {
            name: String::new(),
            host: String::new(),
            port: 0u16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Listener {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "Listener.Name")?;
        this.host = r.string(flexible, "Listener.Host")?;
        this.port = r.u16()?;
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
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

