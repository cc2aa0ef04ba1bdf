// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeTopicPartitionsRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsRequest {
    pub topics: Vec<TopicRequest>,
    pub response_partition_limit: i32,
    pub cursor: Option<Cursor>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTopicPartitionsRequest {
    fn default() -> Self {
        DescribeTopicPartitionsRequest {
            topics: Vec::<TopicRequest>::new(),
            response_partition_limit: 2000i32,
            cursor: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeTopicPartitionsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topics = r.array(flexible, TopicRequest::min_size(version), "DescribeTopicPartitionsRequest.Topics", |r| Ok(TopicRequest::read(r, version)?))?;
        this.response_partition_limit = r.i32()?;
        this.cursor = r.struct_opt::<Cursor>(true, version)?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DescribeTopicPartitionsRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += 4;
        size += p::opt_struct_size(true, (&self.cursor).as_ref(), version, "DescribeTopicPartitionsRequest.Cursor")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeTopicPartitionsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        w.put_i32(*(&self.response_partition_limit));
        p::write_opt_struct(w, true, (&self.cursor).as_ref(), version)?;
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
impl p::testing::Random for DescribeTopicPartitionsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| TopicRequest::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.response_partition_limit = rng.next_u64() as i32;
        this.cursor = if true && rng.chance(3) { None } else { Some(Cursor::random(rng, version, depth + 1)) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeTopicPartitionsRequest {
    const NAME: &'static str = "DescribeTopicPartitionsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub topic_name: String,
    pub partition_index: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            topic_name: String::new(),
            partition_index: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Cursor {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_name = r.string(flexible, "Cursor.TopicName")?;
        this.partition_index = r.i32()?;
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
        size += p::string_size(flexible, (&self.topic_name), "Cursor.TopicName")?;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Cursor", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
        w.put_i32(*(&self.partition_index));
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
impl p::testing::Random for Cursor {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partition_index = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicRequest {
    pub name: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicRequest {
    fn default() -> Self {
        TopicRequest {
            name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "TopicRequest.Name")?;
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
        size += p::string_size(flexible, (&self.name), "TopicRequest.Name")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
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
impl p::testing::Random for TopicRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

