// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `SaslAuthenticateResponse` (response), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct SaslAuthenticateResponse {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub auth_bytes: Bytes,
    pub session_lifetime_ms: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SaslAuthenticateResponse {
    fn default() -> Self {
        SaslAuthenticateResponse {
            error_code: 0i16,
            error_message: Some(String::new()),
            auth_bytes: Bytes::new(),
            session_lifetime_ms: 0i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for SaslAuthenticateResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 16,
            2..=2 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "SaslAuthenticateResponse.ErrorMessage")?;
        this.auth_bytes = r.bytes(flexible, "SaslAuthenticateResponse.AuthBytes")?;
        if version >= 1 { this.session_lifetime_ms = r.i64()?; }
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
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "SaslAuthenticateResponse.ErrorMessage")?;
        size += p::bytes_size(flexible, (&self.auth_bytes).len(), "SaslAuthenticateResponse.AuthBytes")?;
        if version >= 1 { size += 8; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "SaslAuthenticateResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        w.put_nullable_bytes(flexible, Some(&(&self.auth_bytes)[..]));
        if version >= 1 { w.put_i64(*(&self.session_lifetime_ms)); }
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
impl p::testing::Random for SaslAuthenticateResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.auth_bytes = rng.bytes();
        if version >= 1 { this.session_lifetime_ms = rng.next_u64() as i64; }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for SaslAuthenticateResponse {
    const NAME: &'static str = "SaslAuthenticateResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

