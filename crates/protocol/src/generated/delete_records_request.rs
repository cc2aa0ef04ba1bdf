// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DeleteRecordsRequest` (request), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteRecordsRequest {
    pub topics: Vec<DeleteRecordsTopic>,
    pub timeout_ms: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteRecordsRequest {
    fn default() -> Self {
        DeleteRecordsRequest {
            topics: Vec::<DeleteRecordsTopic>::new(),
            timeout_ms: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteRecordsRequest {
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
        this.topics = r.array(flexible, DeleteRecordsTopic::min_size(version), "DeleteRecordsRequest.Topics", |r| Ok(DeleteRecordsTopic::read(r, version)?))?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DeleteRecordsRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteRecordsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DeleteRecordsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| DeleteRecordsTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.timeout_ms = rng.next_u64() as i32;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DeleteRecordsRequest {
    const NAME: &'static str = "DeleteRecordsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteRecordsPartition {
    pub partition_index: i32,
    pub offset: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteRecordsPartition {
    fn default() -> Self {
        DeleteRecordsPartition {
            partition_index: 0i32,
            offset: 0i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteRecordsPartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 12,
            2..=2 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.offset = r.i64()?;
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
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteRecordsPartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.partition_index));
        w.put_i64(*(&self.offset));
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
impl p::testing::Random for DeleteRecordsPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.offset = rng.next_u64() as i64;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteRecordsTopic {
    pub name: String,
    pub partitions: Vec<DeleteRecordsPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DeleteRecordsTopic {
    fn default() -> Self {
        DeleteRecordsTopic {
            name: String::new(),
            partitions: Vec::<DeleteRecordsPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DeleteRecordsTopic {
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
        this.name = r.string(flexible, "DeleteRecordsTopic.Name")?;
        this.partitions = r.array(flexible, DeleteRecordsPartition::min_size(version), "DeleteRecordsTopic.Partitions", |r| Ok(DeleteRecordsPartition::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "DeleteRecordsTopic.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "DeleteRecordsTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DeleteRecordsTopic", field: "unknown tagged fields", version });
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
impl p::testing::Random for DeleteRecordsTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| DeleteRecordsPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

