// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListOffsetsResponse` (response), versions 1-11.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<ListOffsetsTopicResponse>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsResponse {
    fn default() -> Self {
        ListOffsetsResponse {
            throttle_time_ms: 0i32,
            topics: Vec::<ListOffsetsTopicResponse>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListOffsetsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 4,
            2..=5 => 8,
            6..=11 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 2 { this.throttle_time_ms = r.i32()?; }
        this.topics = r.array(flexible, ListOffsetsTopicResponse::min_size(version), "ListOffsetsResponse.Topics", |r| Ok(ListOffsetsTopicResponse::read(r, version)?))?;
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 2 { size += 4; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "ListOffsetsResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListOffsetsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 2 { w.put_i32(*(&self.throttle_time_ms)); }
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
impl p::testing::Random for ListOffsetsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 2 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| ListOffsetsTopicResponse::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListOffsetsResponse {
    const NAME: &'static str = "ListOffsetsResponse";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 11;
    const FLEXIBLE_FROM: Option<i16> = Some(6);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsPartitionResponse {
    pub partition_index: i32,
    pub error_code: i16,
    pub timestamp: i64,
    pub offset: i64,
    pub leader_epoch: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsPartitionResponse {
    fn default() -> Self {
        ListOffsetsPartitionResponse {
            partition_index: 0i32,
            error_code: 0i16,
            timestamp: -1i64,
            offset: -1i64,
            leader_epoch: -1i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListOffsetsPartitionResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=3 => 22,
            4..=5 => 26,
            6..=11 => 27,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.error_code = r.i16()?;
        if version >= 1 { this.timestamp = r.i64()?; }
        if version >= 1 { this.offset = r.i64()?; }
        if version >= 4 { this.leader_epoch = r.i32()?; }
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 2;
        if version >= 1 { size += 8; } else if self.timestamp != -1i64 { return Err(p::WireError::FieldNotSupported { message: "ListOffsetsPartitionResponse", field: "Timestamp", version }); }
        if version >= 1 { size += 8; } else if self.offset != -1i64 { return Err(p::WireError::FieldNotSupported { message: "ListOffsetsPartitionResponse", field: "Offset", version }); }
        if version >= 4 { size += 4; } else if self.leader_epoch != -1i32 { return Err(p::WireError::FieldNotSupported { message: "ListOffsetsPartitionResponse", field: "LeaderEpoch", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListOffsetsPartitionResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        w.put_i32(*(&self.partition_index));
        w.put_i16(*(&self.error_code));
        if version >= 1 { w.put_i64(*(&self.timestamp)); }
        if version >= 1 { w.put_i64(*(&self.offset)); }
        if version >= 4 { w.put_i32(*(&self.leader_epoch)); }
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
impl p::testing::Random for ListOffsetsPartitionResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        if version >= 1 { this.timestamp = rng.next_u64() as i64; }
        if version >= 1 { this.offset = rng.next_u64() as i64; }
        if version >= 4 { this.leader_epoch = rng.next_u64() as i32; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsTopicResponse {
    pub name: String,
    pub partitions: Vec<ListOffsetsPartitionResponse>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListOffsetsTopicResponse {
    fn default() -> Self {
        ListOffsetsTopicResponse {
            name: String::new(),
            partitions: Vec::<ListOffsetsPartitionResponse>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListOffsetsTopicResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 6,
            6..=11 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        this.name = r.string(flexible, "ListOffsetsTopicResponse.Name")?;
        this.partitions = r.array(flexible, ListOffsetsPartitionResponse::min_size(version), "ListOffsetsTopicResponse.Partitions", |r| Ok(ListOffsetsPartitionResponse::read(r, version)?))?;
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.name), "ListOffsetsTopicResponse.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "ListOffsetsTopicResponse.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListOffsetsTopicResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
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
impl p::testing::Random for ListOffsetsTopicResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| ListOffsetsPartitionResponse::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

