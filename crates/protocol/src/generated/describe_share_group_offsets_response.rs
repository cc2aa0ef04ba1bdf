// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeShareGroupOffsetsResponse` (response), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponse {
    pub throttle_time_ms: i32,
    pub groups: Vec<DescribeShareGroupOffsetsResponseGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponse {
    fn default() -> Self {
        DescribeShareGroupOffsetsResponse {
            throttle_time_ms: 0i32,
            groups: Vec::<DescribeShareGroupOffsetsResponseGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeShareGroupOffsetsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.groups = r.array(flexible, DescribeShareGroupOffsetsResponseGroup::min_size(version), "DescribeShareGroupOffsetsResponse.Groups", |r| Ok(DescribeShareGroupOffsetsResponseGroup::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "DescribeShareGroupOffsetsResponse.Groups")?; for e in (&self.groups).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeShareGroupOffsetsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_length(flexible, true, Some((&self.groups).len())); for e in (&self.groups).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeShareGroupOffsetsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.groups = { let n = rng.len(depth); (0..n).map(|_| DescribeShareGroupOffsetsResponseGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeShareGroupOffsetsResponse {
    const NAME: &'static str = "DescribeShareGroupOffsetsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponseGroup {
    pub group_id: String,
    pub topics: Vec<DescribeShareGroupOffsetsResponseTopic>,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponseGroup {
    fn default() -> Self {
        DescribeShareGroupOffsetsResponseGroup {
            group_id: String::new(),
            topics: Vec::<DescribeShareGroupOffsetsResponseTopic>::new(),
            error_code: 0i16,
            error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeShareGroupOffsetsResponseGroup {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "DescribeShareGroupOffsetsResponseGroup.GroupId")?;
        this.topics = r.array(flexible, DescribeShareGroupOffsetsResponseTopic::min_size(version), "DescribeShareGroupOffsetsResponseGroup.Topics", |r| Ok(DescribeShareGroupOffsetsResponseTopic::read(r, version)?))?;
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribeShareGroupOffsetsResponseGroup.ErrorMessage")?;
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
        size += p::string_size(flexible, (&self.group_id), "DescribeShareGroupOffsetsResponseGroup.GroupId")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DescribeShareGroupOffsetsResponseGroup.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribeShareGroupOffsetsResponseGroup.ErrorMessage")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeShareGroupOffsetsResponseGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
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
impl p::testing::Random for DescribeShareGroupOffsetsResponseGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| DescribeShareGroupOffsetsResponseTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponsePartition {
    pub partition_index: i32,
    pub start_offset: i64,
    pub leader_epoch: i32,
    pub lag: i64,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponsePartition {
    fn default() -> Self {
        DescribeShareGroupOffsetsResponsePartition {
            partition_index: 0i32,
            start_offset: 0i64,
            leader_epoch: 0i32,
            lag: -1i64,
            error_code: 0i16,
            error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeShareGroupOffsetsResponsePartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 20,
            1..=1 => 28,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.start_offset = r.i64()?;
        this.leader_epoch = r.i32()?;
        if version >= 1 { this.lag = r.i64()?; }
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribeShareGroupOffsetsResponsePartition.ErrorMessage")?;
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
        size += 8;
        size += 4;
        if version >= 1 { size += 8; }
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribeShareGroupOffsetsResponsePartition.ErrorMessage")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeShareGroupOffsetsResponsePartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.partition_index));
        w.put_i64(*(&self.start_offset));
        w.put_i32(*(&self.leader_epoch));
        if version >= 1 { w.put_i64(*(&self.lag)); }
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
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
impl p::testing::Random for DescribeShareGroupOffsetsResponsePartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.start_offset = rng.next_u64() as i64;
        this.leader_epoch = rng.next_u64() as i32;
        if version >= 1 { this.lag = rng.next_u64() as i64; }
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeShareGroupOffsetsResponseTopic {
    pub topic_name: String,
    pub topic_id: p::Uuid,
    pub partitions: Vec<DescribeShareGroupOffsetsResponsePartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeShareGroupOffsetsResponseTopic {
    fn default() -> Self {
        DescribeShareGroupOffsetsResponseTopic {
            topic_name: String::new(),
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<DescribeShareGroupOffsetsResponsePartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeShareGroupOffsetsResponseTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 19,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_name = r.string(flexible, "DescribeShareGroupOffsetsResponseTopic.TopicName")?;
        this.topic_id = r.uuid()?;
        this.partitions = r.array(flexible, DescribeShareGroupOffsetsResponsePartition::min_size(version), "DescribeShareGroupOffsetsResponseTopic.Partitions", |r| Ok(DescribeShareGroupOffsetsResponsePartition::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.topic_name), "DescribeShareGroupOffsetsResponseTopic.TopicName")?;
        size += 16;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "DescribeShareGroupOffsetsResponseTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeShareGroupOffsetsResponseTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
        w.put_uuid((&self.topic_id));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeShareGroupOffsetsResponseTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.topic_id = rng.uuid();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| DescribeShareGroupOffsetsResponsePartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

