// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListPartitionReassignmentsRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListPartitionReassignmentsRequest {
    pub timeout_ms: i32,
    pub topics: Option<Vec<ListPartitionReassignmentsTopics>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListPartitionReassignmentsRequest {
    fn default() -> Self {
        ListPartitionReassignmentsRequest {
            timeout_ms: 60000i32,
            topics: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListPartitionReassignmentsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.timeout_ms = r.i32()?;
        this.topics = r.array_opt(flexible, true, ListPartitionReassignmentsTopics::min_size(version), "ListPartitionReassignmentsRequest.Topics", |r| Ok(ListPartitionReassignmentsTopics::read(r, version)?))?;
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
        size += match (&self.topics) { None => p::array_prefix_size(flexible, true, None, "ListPartitionReassignmentsRequest.Topics")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "ListPartitionReassignmentsRequest.Topics")?; for e in a.iter() { s += e.size(version)?; } s } };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListPartitionReassignmentsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.timeout_ms));
        match (&self.topics) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
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
impl p::testing::Random for ListPartitionReassignmentsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.timeout_ms = rng.next_u64() as i32;
        this.topics = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| ListPartitionReassignmentsTopics::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListPartitionReassignmentsRequest {
    const NAME: &'static str = "ListPartitionReassignmentsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListPartitionReassignmentsTopics {
    pub name: String,
    pub partition_indexes: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListPartitionReassignmentsTopics {
    fn default() -> Self {
        ListPartitionReassignmentsTopics {
            name: String::new(),
            partition_indexes: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListPartitionReassignmentsTopics {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "ListPartitionReassignmentsTopics.Name")?;
        this.partition_indexes = r.array(flexible, 4, "ListPartitionReassignmentsTopics.PartitionIndexes", |r| Ok(r.i32()?))?;
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
        size += p::string_size(flexible, (&self.name), "ListPartitionReassignmentsTopics.Name")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partition_indexes).len()), "ListPartitionReassignmentsTopics.PartitionIndexes")? + (&self.partition_indexes).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListPartitionReassignmentsTopics", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_length(flexible, true, Some((&self.partition_indexes).len())); for e in (&self.partition_indexes).iter() { w.put_i32(*e); }
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
impl p::testing::Random for ListPartitionReassignmentsTopics {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partition_indexes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

