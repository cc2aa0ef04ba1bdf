// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ProduceRequest` (request), versions 3-13.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ProduceRequest {
    pub transactional_id: Option<String>,
    pub acks: i16,
    pub timeout_ms: i32,
    pub topic_data: Vec<TopicProduceData>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ProduceRequest {
    fn default() -> Self {
        ProduceRequest {
            transactional_id: None,
            acks: 0i16,
            timeout_ms: 0i32,
            topic_data: Vec::<TopicProduceData>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ProduceRequest {
    fn min_size(version: i16) -> usize {
        match version {
            3..=8 => 12,
            9..=13 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version >= 3 { this.transactional_id = r.string_opt(flexible, version >= 3, "ProduceRequest.TransactionalId")?; }
        this.acks = r.i16()?;
        this.timeout_ms = r.i32()?;
        this.topic_data = r.array(flexible, TopicProduceData::min_size(version), "ProduceRequest.TopicData", |r| Ok(TopicProduceData::read(r, version)?))?;
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
        let flexible = version >= 9;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.transactional_id).as_deref(), "ProduceRequest.TransactionalId")?; } else if self.transactional_id != None { return Err(p::WireError::FieldNotSupported { message: "ProduceRequest", field: "TransactionalId", version }); }
        size += 2;
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_data).len()), "ProduceRequest.TopicData")?; for e in (&self.topic_data).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ProduceRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        if version >= 3 { w.put_nullable_string(flexible, (&self.transactional_id).as_deref()); }
        w.put_i16(*(&self.acks));
        w.put_i32(*(&self.timeout_ms));
        w.put_length(flexible, true, Some((&self.topic_data).len())); for e in (&self.topic_data).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ProduceRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.transactional_id = rng.opt_string(version >= 3); }
        this.acks = rng.next_u64() as i16;
        this.timeout_ms = rng.next_u64() as i32;
        this.topic_data = { let n = rng.len(depth); (0..n).map(|_| TopicProduceData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ProduceRequest {
    const NAME: &'static str = "ProduceRequest";
    const LOWEST_VERSION: i16 = 3;
    const HIGHEST_VERSION: i16 = 13;
    const FLEXIBLE_FROM: Option<i16> = Some(9);
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionProduceData {
    pub index: i32,
    pub records: Option<Bytes>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionProduceData {
    fn default() -> Self {
        PartitionProduceData {
            index: 0i32,
            records: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionProduceData {
    fn min_size(version: i16) -> usize {
        match version {
            3..=8 => 8,
            9..=13 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        this.index = r.i32()?;
        this.records = r.bytes_opt(flexible, true, "PartitionProduceData.Records")?;
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
        let flexible = version >= 9;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += p::opt_bytes_size(flexible, true, (&self.records).as_ref().map(|b| b.len()), "PartitionProduceData.Records")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "PartitionProduceData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        w.put_i32(*(&self.index));
        w.put_nullable_bytes(flexible, (&self.records).as_deref());
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
impl p::testing::Random for PartitionProduceData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.index = rng.next_u64() as i32;
        this.records = rng.opt_bytes(true);
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicProduceData {
    pub name: String,
    pub topic_id: p::Uuid,
    pub partition_data: Vec<PartitionProduceData>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicProduceData {
    fn default() -> Self {
        TopicProduceData {
            name: String::new(),
            topic_id: p::Uuid::ZERO,
            partition_data: Vec::<PartitionProduceData>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicProduceData {
    fn min_size(version: i16) -> usize {
        match version {
            3..=8 => 6,
            9..=12 => 3,
            13..=13 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version <= 12 { this.name = r.string(flexible, "TopicProduceData.Name")?; }
        if version >= 13 { this.topic_id = r.uuid()?; }
        this.partition_data = r.array(flexible, PartitionProduceData::min_size(version), "TopicProduceData.PartitionData", |r| Ok(PartitionProduceData::read(r, version)?))?;
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
        let flexible = version >= 9;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version <= 12 { size += p::string_size(flexible, (&self.name), "TopicProduceData.Name")?; }
        if version >= 13 { size += 16; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_data).len()), "TopicProduceData.PartitionData")?; for e in (&self.partition_data).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicProduceData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        if version <= 12 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 13 { w.put_uuid((&self.topic_id)); }
        w.put_length(flexible, true, Some((&self.partition_data).len())); for e in (&self.partition_data).iter() { e.write(w, version)?; }
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
impl p::testing::Random for TopicProduceData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 12 { this.name = rng.string(); }
        if version >= 13 { this.topic_id = rng.uuid(); }
        this.partition_data = { let n = rng.len(depth); (0..n).map(|_| PartitionProduceData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

