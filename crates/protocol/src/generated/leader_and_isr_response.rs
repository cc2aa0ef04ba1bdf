// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `LeaderAndIsrResponse` (response), versions 0-7.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderAndIsrResponse {
    pub error_code: i16,
    pub partition_errors: Vec<LeaderAndIsrPartitionError>,
    pub topics: Vec<LeaderAndIsrTopicError>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderAndIsrResponse {
    fn default() -> Self {
        LeaderAndIsrResponse {
            error_code: 0i16,
            partition_errors: Vec::<LeaderAndIsrPartitionError>::new(),
            topics: Vec::<LeaderAndIsrTopicError>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderAndIsrResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 6,
            4..=7 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        if version <= 4 { this.partition_errors = r.array(flexible, LeaderAndIsrPartitionError::min_size(version), "LeaderAndIsrResponse.PartitionErrors", |r| Ok(LeaderAndIsrPartitionError::read(r, version)?))?; }
        if version >= 5 { this.topics = r.array(flexible, LeaderAndIsrTopicError::min_size(version), "LeaderAndIsrResponse.Topics", |r| Ok(LeaderAndIsrTopicError::read(r, version)?))?; }
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
        size += 2;
        if version <= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_errors).len()), "LeaderAndIsrResponse.PartitionErrors")?; for e in (&self.partition_errors).iter() { s += e.size(version)?; } s }; } else if self.partition_errors != Vec::<LeaderAndIsrPartitionError>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrResponse", field: "PartitionErrors", version }); }
        if version >= 5 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "LeaderAndIsrResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s }; } else if self.topics != Vec::<LeaderAndIsrTopicError>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrResponse", field: "Topics", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_i16(*(&self.error_code));
        if version <= 4 { w.put_length(flexible, true, Some((&self.partition_errors).len())); for e in (&self.partition_errors).iter() { e.write(w, version)?; } }
        if version >= 5 { w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for LeaderAndIsrResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        if version <= 4 { this.partition_errors = { let n = rng.len(depth); (0..n).map(|_| LeaderAndIsrPartitionError::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 5 { this.topics = { let n = rng.len(depth); (0..n).map(|_| LeaderAndIsrTopicError::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for LeaderAndIsrResponse {
    const NAME: &'static str = "LeaderAndIsrResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 7;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderAndIsrPartitionError {
    pub topic_name: String,
    pub partition_index: i32,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderAndIsrPartitionError {
    fn default() -> Self {
        LeaderAndIsrPartitionError {
            topic_name: String::new(),
            partition_index: 0i32,
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderAndIsrPartitionError {
    fn min_size(version: i16) -> usize {
        match version {
            0..=4 => 8,
            5..=7 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version <= 4 { this.topic_name = r.string(flexible, "LeaderAndIsrPartitionError.TopicName")?; }
        this.partition_index = r.i32()?;
        this.error_code = r.i16()?;
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
        if version <= 4 { size += p::string_size(flexible, (&self.topic_name), "LeaderAndIsrPartitionError.TopicName")?; }
        size += 4;
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrPartitionError", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version <= 4 { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        w.put_i32(*(&self.partition_index));
        w.put_i16(*(&self.error_code));
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
impl p::testing::Random for LeaderAndIsrPartitionError {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 4 { this.topic_name = rng.string(); }
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderAndIsrTopicError {
    pub topic_id: p::Uuid,
    pub partition_errors: Vec<LeaderAndIsrPartitionError>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderAndIsrTopicError {
    fn default() -> Self {
        LeaderAndIsrTopicError {
            topic_id: p::Uuid::ZERO,
            partition_errors: Vec::<LeaderAndIsrPartitionError>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderAndIsrTopicError {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 0,
            4..=4 => 1,
            5..=7 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 5 { this.topic_id = r.uuid()?; }
        if version >= 5 { this.partition_errors = r.array(flexible, LeaderAndIsrPartitionError::min_size(version), "LeaderAndIsrTopicError.PartitionErrors", |r| Ok(LeaderAndIsrPartitionError::read(r, version)?))?; }
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
        if version >= 5 { size += 16; } else if self.topic_id != p::Uuid::ZERO { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrTopicError", field: "TopicId", version }); }
        if version >= 5 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_errors).len()), "LeaderAndIsrTopicError.PartitionErrors")?; for e in (&self.partition_errors).iter() { s += e.size(version)?; } s }; } else if self.partition_errors != Vec::<LeaderAndIsrPartitionError>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrTopicError", field: "PartitionErrors", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrTopicError", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 5 { w.put_uuid((&self.topic_id)); }
        if version >= 5 { w.put_length(flexible, true, Some((&self.partition_errors).len())); for e in (&self.partition_errors).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for LeaderAndIsrTopicError {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 5 { this.topic_id = rng.uuid(); }
        if version >= 5 { this.partition_errors = { let n = rng.len(depth); (0..n).map(|_| LeaderAndIsrPartitionError::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

