// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DeleteTopicsRequest` (request), versions 1-6.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicsRequest {
    pub topics: Vec<DeleteTopicState>,
    pub topic_names: Vec<String>,
    pub timeout_ms: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteTopicsRequest {
    fn default() -> Self {
        DeleteTopicsRequest {
            topics: Vec::<DeleteTopicState>::new(),
            topic_names: Vec::<String>::new(),
            timeout_ms: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteTopicsRequest {
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
        if version >= 6 { this.topics = r.array(flexible, DeleteTopicState::min_size(version), "DeleteTopicsRequest.Topics", |r| Ok(DeleteTopicState::read(r, version)?))?; }
        if version <= 5 { this.topic_names = r.array(flexible, 1, "DeleteTopicsRequest.TopicNames", |r| Ok(r.string(flexible, "DeleteTopicsRequest.TopicNames")?))?; }
        this.timeout_ms = r.i32()?;
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
        if version >= 6 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DeleteTopicsRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s }; } else if self.topics != Vec::<DeleteTopicState>::new() { return Err(p::WireError::FieldNotSupported { message: "DeleteTopicsRequest", field: "Topics", version }); }
        if version <= 5 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_names).len()), "DeleteTopicsRequest.TopicNames")?; for e in (&self.topic_names).iter() { s += p::string_size(flexible, e, "DeleteTopicsRequest.TopicNames")?; } s }; }
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteTopicsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 6 { w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; } }
        if version <= 5 { w.put_length(flexible, true, Some((&self.topic_names).len())); for e in (&self.topic_names).iter() { w.put_nullable_string(flexible, Some(e.as_str())); } }
        w.put_i32(*(&self.timeout_ms));
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
impl p::testing::Random for DeleteTopicsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 6 { this.topics = { let n = rng.len(depth); (0..n).map(|_| DeleteTopicState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version <= 5 { this.topic_names = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }; }
        this.timeout_ms = rng.next_u64() as i32;
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DeleteTopicsRequest {
    const NAME: &'static str = "DeleteTopicsRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 6;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicState {
    pub name: Option<String>,
    pub topic_id: p::Uuid,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteTopicState {
    fn default() -> Self {
        DeleteTopicState {
            name: None,
            topic_id: p::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteTopicState {
    fn min_size(version: i16) -> usize {
        match version {
            1..=3 => 0,
            4..=5 => 1,
            6..=6 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 6 { this.name = r.string_opt(flexible, version >= 6, "DeleteTopicState.Name")?; }
        if version >= 6 { this.topic_id = r.uuid()?; }
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
        if version >= 6 { size += p::opt_string_size(flexible, version >= 6, (&self.name).as_deref(), "DeleteTopicState.Name")?; } else if self.name != None { return Err(p::WireError::FieldNotSupported { message: "DeleteTopicState", field: "Name", version }); }
        if version >= 6 { size += 16; } else if self.topic_id != p::Uuid::ZERO { return Err(p::WireError::FieldNotSupported { message: "DeleteTopicState", field: "TopicId", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteTopicState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 6 { w.put_nullable_string(flexible, (&self.name).as_deref()); }
        if version >= 6 { w.put_uuid((&self.topic_id)); }
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
impl p::testing::Random for DeleteTopicState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 6 { this.name = rng.opt_string(version >= 6); }
        if version >= 6 { this.topic_id = rng.uuid(); }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

