// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `UpdateRaftVoterResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateRaftVoterResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub current_leader: CurrentLeader,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateRaftVoterResponse {
    fn default() -> Self {
        UpdateRaftVoterResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            current_leader: CurrentLeader::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UpdateRaftVoterResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        if (true) && !(true) { this.current_leader = CurrentLeader::read(r, version)?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if true => { this.current_leader = CurrentLeader::read(r, version)?; Ok(true) }
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
        size += 2;
        if (true) && !(true) { size += (&self.current_leader).size(version)?; } else if true { if self.current_leader != CurrentLeader::default() { let s = (&self.current_leader).size(version)?; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.current_leader != CurrentLeader::default() { return Err(p::WireError::FieldNotSupported { message: "UpdateRaftVoterResponse", field: "CurrentLeader", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UpdateRaftVoterResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        if (true) && !(true) { (&self.current_leader).write(w, version)?; }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if true && self.current_leader != CurrentLeader::default() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if true && self.current_leader != CurrentLeader::default() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = (&self.current_leader).size(version)?;
                w.put_unsigned_varint(s as u32);
                (&self.current_leader).write(w, version)?;
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for UpdateRaftVoterResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        if (true) || (true) { this.current_leader = CurrentLeader::random(rng, version, depth + 1); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for UpdateRaftVoterResponse {
    const NAME: &'static str = "UpdateRaftVoterResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CurrentLeader {
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub host: String,
    pub port: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CurrentLeader {
    fn default() -> Self {
        CurrentLeader {
            leader_id: -1i32,
            leader_epoch: -1i32,
            host: String::new(),
            port: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CurrentLeader {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 14,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.leader_id = r.i32()?;
        this.leader_epoch = r.i32()?;
        this.host = r.string(flexible, "CurrentLeader.Host")?;
        this.port = r.i32()?;
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
        size += 4;
        size += p::string_size(flexible, (&self.host), "CurrentLeader.Host")?;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CurrentLeader", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.leader_id));
        w.put_i32(*(&self.leader_epoch));
        w.put_nullable_string(flexible, Some((&self.host).as_str()));
        w.put_i32(*(&self.port));
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
impl p::testing::Random for CurrentLeader {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.host = rng.string();
        this.port = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

