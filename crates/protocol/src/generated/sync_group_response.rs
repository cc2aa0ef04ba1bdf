// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `SyncGroupResponse` (response), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct SyncGroupResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub assignment: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SyncGroupResponse {
    fn default() -> Self {
        SyncGroupResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            protocol_type: None,
            protocol_name: None,
            assignment: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for SyncGroupResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=3 => 10,
            4..=4 => 8,
            5..=5 => 10,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        this.error_code = r.i16()?;
        if version >= 5 { this.protocol_type = r.string_opt(flexible, version >= 5, "SyncGroupResponse.ProtocolType")?; }
        if version >= 5 { this.protocol_name = r.string_opt(flexible, version >= 5, "SyncGroupResponse.ProtocolName")?; }
        this.assignment = r.bytes(flexible, "SyncGroupResponse.Assignment")?;
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
        if version >= 1 { size += 4; }
        size += 2;
        if version >= 5 { size += p::opt_string_size(flexible, version >= 5, (&self.protocol_type).as_deref(), "SyncGroupResponse.ProtocolType")?; }
        if version >= 5 { size += p::opt_string_size(flexible, version >= 5, (&self.protocol_name).as_deref(), "SyncGroupResponse.ProtocolName")?; }
        size += p::bytes_size(flexible, (&self.assignment).len(), "SyncGroupResponse.Assignment")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "SyncGroupResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        w.put_i16(*(&self.error_code));
        if version >= 5 { w.put_nullable_string(flexible, (&self.protocol_type).as_deref()); }
        if version >= 5 { w.put_nullable_string(flexible, (&self.protocol_name).as_deref()); }
        w.put_nullable_bytes(flexible, Some(&(&self.assignment)[..]));
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
impl p::testing::Random for SyncGroupResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.error_code = rng.next_u64() as i16;
        if version >= 5 { this.protocol_type = rng.opt_string(version >= 5); }
        if version >= 5 { this.protocol_name = rng.opt_string(version >= 5); }
        this.assignment = rng.bytes();
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for SyncGroupResponse {
    const NAME: &'static str = "SyncGroupResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

