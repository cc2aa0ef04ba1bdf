// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DeleteTopicsResponse` (response), versions 1-6.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicsResponse {
    pub throttle_time_ms: i32,
    pub responses: Vec<DeletableTopicResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteTopicsResponse {
    fn default() -> Self {
        DeleteTopicsResponse {
            throttle_time_ms: 0i32,
            responses: Vec::<DeletableTopicResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteTopicsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=3 => 8,
            4..=6 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        this.responses = r.array(flexible, DeletableTopicResult::min_size(version), "DeleteTopicsResponse.Responses", |r| Ok(DeletableTopicResult::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.responses).len()), "DeleteTopicsResponse.Responses")?; for e in (&self.responses).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteTopicsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        w.put_length(flexible, true, Some((&self.responses).len())); for e in (&self.responses).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DeleteTopicsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.responses = { let n = rng.len(depth); (0..n).map(|_| DeletableTopicResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DeleteTopicsResponse {
    const NAME: &'static str = "DeleteTopicsResponse";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 6;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeletableTopicResult {
    pub name: Option<String>,
    pub topic_id: p::Uuid,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeletableTopicResult {
    fn default() -> Self {
        DeletableTopicResult {
            name: Some(String::new()),
            topic_id: p::Uuid::ZERO,
            error_code: 0i16,
            error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeletableTopicResult {
    fn min_size(version: i16) -> usize {
        match version {
            1..=4 => 4,
            5..=5 => 5,
            6..=6 => 21,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.name = r.string_opt(flexible, version >= 6, "DeletableTopicResult.Name")?;
        if version >= 6 { this.topic_id = r.uuid()?; }
        this.error_code = r.i16()?;
        if version >= 5 { this.error_message = r.string_opt(flexible, version >= 5, "DeletableTopicResult.ErrorMessage")?; }
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
        size += p::opt_string_size(flexible, version >= 6, (&self.name).as_deref(), "DeletableTopicResult.Name")?;
        if version >= 6 { size += 16; }
        size += 2;
        if version >= 5 { size += p::opt_string_size(flexible, version >= 5, (&self.error_message).as_deref(), "DeletableTopicResult.ErrorMessage")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeletableTopicResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_nullable_string(flexible, (&self.name).as_deref());
        if version >= 6 { w.put_uuid((&self.topic_id)); }
        w.put_i16(*(&self.error_code));
        if version >= 5 { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
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
impl p::testing::Random for DeletableTopicResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.opt_string(version >= 6);
        if version >= 6 { this.topic_id = rng.uuid(); }
        this.error_code = rng.next_u64() as i16;
        if version >= 5 { this.error_message = rng.opt_string(version >= 5); }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

