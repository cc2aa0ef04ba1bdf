// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `RequestHeader` (header), versions 1-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct RequestHeader {
    pub request_api_key: i16,
    pub request_api_version: i16,
    pub correlation_id: i32,
    pub client_id: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for RequestHeader {
    fn default() -> Self {
        RequestHeader {
            request_api_key: 0i16,
            request_api_version: 0i16,
            correlation_id: 0i32,
            client_id: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for RequestHeader {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 10,
            2..=2 => 11,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.request_api_key = r.i16()?;
        this.request_api_version = r.i16()?;
        this.correlation_id = r.i32()?;
        if version >= 1 { this.client_id = r.string_opt(false, version >= 1, "RequestHeader.ClientId")?; }
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 2;
        size += 2;
        size += 4;
        if version >= 1 { size += p::opt_string_size(false, version >= 1, (&self.client_id).as_deref(), "RequestHeader.ClientId")?; } else if self.client_id != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "RequestHeader", field: "ClientId", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "RequestHeader", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i16(*(&self.request_api_key));
        w.put_i16(*(&self.request_api_version));
        w.put_i32(*(&self.correlation_id));
        if version >= 1 { w.put_nullable_string(false, (&self.client_id).as_deref()); }
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
impl p::testing::Random for RequestHeader {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.request_api_key = rng.next_u64() as i16;
        this.request_api_version = rng.next_u64() as i16;
        this.correlation_id = rng.next_u64() as i32;
        if version >= 1 { this.client_id = rng.opt_string(version >= 1); }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for RequestHeader {
    const NAME: &'static str = "RequestHeader";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

