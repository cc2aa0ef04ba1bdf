// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ShareGroupStatePartitionMetadataValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroupStatePartitionMetadataValue {
    pub initializing_topics: Vec<TopicPartitionsInfo>,
    pub initialized_topics: Vec<TopicPartitionsInfo>,
    pub deleting_topics: Vec<TopicInfo>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareGroupStatePartitionMetadataValue {
    fn default() -> Self {
        ShareGroupStatePartitionMetadataValue {
            initializing_topics: Vec::<TopicPartitionsInfo>::new(),
            initialized_topics: Vec::<TopicPartitionsInfo>::new(),
            deleting_topics: Vec::<TopicInfo>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ShareGroupStatePartitionMetadataValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.initializing_topics = r.array(flexible, TopicPartitionsInfo::min_size(version), "ShareGroupStatePartitionMetadataValue.InitializingTopics", |r| Ok(TopicPartitionsInfo::read(r, version)?))?;
        this.initialized_topics = r.array(flexible, TopicPartitionsInfo::min_size(version), "ShareGroupStatePartitionMetadataValue.InitializedTopics", |r| Ok(TopicPartitionsInfo::read(r, version)?))?;
        this.deleting_topics = r.array(flexible, TopicInfo::min_size(version), "ShareGroupStatePartitionMetadataValue.DeletingTopics", |r| Ok(TopicInfo::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.initializing_topics).len()), "ShareGroupStatePartitionMetadataValue.InitializingTopics")?; for e in (&self.initializing_topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.initialized_topics).len()), "ShareGroupStatePartitionMetadataValue.InitializedTopics")?; for e in (&self.initialized_topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.deleting_topics).len()), "ShareGroupStatePartitionMetadataValue.DeletingTopics")?; for e in (&self.deleting_topics).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ShareGroupStatePartitionMetadataValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.initializing_topics).len())); for e in (&self.initializing_topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.initialized_topics).len())); for e in (&self.initialized_topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.deleting_topics).len())); for e in (&self.deleting_topics).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ShareGroupStatePartitionMetadataValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.initializing_topics = { let n = rng.len(depth); (0..n).map(|_| TopicPartitionsInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.initialized_topics = { let n = rng.len(depth); (0..n).map(|_| TopicPartitionsInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.deleting_topics = { let n = rng.len(depth); (0..n).map(|_| TopicInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ShareGroupStatePartitionMetadataValue {
    const NAME: &'static str = "ShareGroupStatePartitionMetadataValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicInfo {
    pub topic_id: p::Uuid,
    pub topic_name: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicInfo {
    fn default() -> Self {
        TopicInfo {
            topic_id: p::Uuid::ZERO,
            topic_name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicInfo {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_id = r.uuid()?;
        this.topic_name = r.string(flexible, "TopicInfo.TopicName")?;
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
        size += 16;
        size += p::string_size(flexible, (&self.topic_name), "TopicInfo.TopicName")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicInfo", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_uuid((&self.topic_id));
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
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
impl p::testing::Random for TopicInfo {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.topic_name = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitionsInfo {
    pub topic_id: p::Uuid,
    pub topic_name: String,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitionsInfo {
    fn default() -> Self {
        TopicPartitionsInfo {
            topic_id: p::Uuid::ZERO,
            topic_name: String::new(),
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicPartitionsInfo {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 19,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_id = r.uuid()?;
        this.topic_name = r.string(flexible, "TopicPartitionsInfo.TopicName")?;
        this.partitions = r.array(flexible, 4, "TopicPartitionsInfo.Partitions", |r| Ok(r.i32()?))?;
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
        size += 16;
        size += p::string_size(flexible, (&self.topic_name), "TopicPartitionsInfo.TopicName")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicPartitionsInfo.Partitions")? + (&self.partitions).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicPartitionsInfo", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_uuid((&self.topic_id));
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); }
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
impl p::testing::Random for TopicPartitionsInfo {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.topic_name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

