// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DeleteRecordsResponse` (response), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteRecordsResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<DeleteRecordsTopicResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteRecordsResponse {
    fn default() -> Self {
        DeleteRecordsResponse {
            throttle_time_ms: 0i32,
            topics: Vec::<DeleteRecordsTopicResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteRecordsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 8,
            2..=2 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.topics = r.array(flexible, DeleteRecordsTopicResult::min_size(version), "DeleteRecordsResponse.Topics", |r| Ok(DeleteRecordsTopicResult::read(r, version)?))?;
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
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DeleteRecordsResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteRecordsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DeleteRecordsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.topics = { let n = rng.len(depth); (0..n).map(|_| DeleteRecordsTopicResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DeleteRecordsResponse {
    const NAME: &'static str = "DeleteRecordsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteRecordsPartitionResult {
    pub partition_index: i32,
    pub low_watermark: i64,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteRecordsPartitionResult {
    fn default() -> Self {
        DeleteRecordsPartitionResult {
            partition_index: 0i32,
            low_watermark: 0i64,
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteRecordsPartitionResult {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 14,
            2..=2 => 15,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.low_watermark = r.i64()?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 8;
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteRecordsPartitionResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.partition_index));
        w.put_i64(*(&self.low_watermark));
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
impl p::testing::Random for DeleteRecordsPartitionResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.low_watermark = rng.next_u64() as i64;
        this.error_code = rng.next_u64() as i16;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteRecordsTopicResult {
    pub name: String,
    pub partitions: Vec<DeleteRecordsPartitionResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteRecordsTopicResult {
    fn default() -> Self {
        DeleteRecordsTopicResult {
            name: String::new(),
            partitions: Vec::<DeleteRecordsPartitionResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteRecordsTopicResult {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 6,
            2..=2 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.name = r.string(flexible, "DeleteRecordsTopicResult.Name")?;
        this.partitions = r.array(flexible, DeleteRecordsPartitionResult::min_size(version), "DeleteRecordsTopicResult.Partitions", |r| Ok(DeleteRecordsPartitionResult::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "DeleteRecordsTopicResult.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "DeleteRecordsTopicResult.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteRecordsTopicResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
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
impl p::testing::Random for DeleteRecordsTopicResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| DeleteRecordsPartitionResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

