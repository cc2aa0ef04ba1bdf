// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ElectLeadersRequest` (request), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ElectLeadersRequest {
    pub election_type: i8,
    pub topic_partitions: Option<Vec<TopicPartitions>>,
    pub timeout_ms: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ElectLeadersRequest {
    fn default() -> Self {
        ElectLeadersRequest {
            election_type: 0i8,
            topic_partitions: Some(Vec::<TopicPartitions>::new()),
            timeout_ms: 60000i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ElectLeadersRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 9,
            2..=2 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        if version >= 1 { this.election_type = r.i8()?; }
        this.topic_partitions = r.array_opt(flexible, true, TopicPartitions::min_size(version), "ElectLeadersRequest.TopicPartitions", |r| Ok(TopicPartitions::read(r, version)?))?;
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
        if version >= 1 { size += 1; } else if self.election_type != 0i8 { return Err(p::WireError::FieldNotSupported { message: "ElectLeadersRequest", field: "ElectionType", version }); }
        size += match (&self.topic_partitions) { None => p::array_prefix_size(flexible, true, None, "ElectLeadersRequest.TopicPartitions")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "ElectLeadersRequest.TopicPartitions")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ElectLeadersRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        if version >= 1 { w.put_i8(*(&self.election_type)); }
        match (&self.topic_partitions) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
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
impl p::testing::Random for ElectLeadersRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.election_type = rng.next_u64() as i8; }
        this.topic_partitions = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TopicPartitions::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.timeout_ms = rng.next_u64() as i32;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ElectLeadersRequest {
    const NAME: &'static str = "ElectLeadersRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    pub topic: String,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        TopicPartitions {
            topic: String::new(),
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicPartitions {
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
        this.topic = r.string(flexible, "TopicPartitions.Topic")?;
        this.partitions = r.array(flexible, 4, "TopicPartitions.Partitions", |r| Ok(r.i32()?))?;
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
        size += p::string_size(flexible, (&self.topic), "TopicPartitions.Topic")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicPartitions.Partitions")? + (&self.partitions).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicPartitions", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, Some((&self.topic).as_str()));
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
impl p::testing::Random for TopicPartitions {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

