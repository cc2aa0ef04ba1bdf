// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `CreatePartitionsRequest` (request), versions 0-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct CreatePartitionsRequest {
    pub topics: Vec<CreatePartitionsTopic>,
    pub timeout_ms: i32,
    pub validate_only: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatePartitionsRequest {
    fn default() -> Self {
        CreatePartitionsRequest {
            topics: Vec::<CreatePartitionsTopic>::new(),
            timeout_ms: 0i32,
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatePartitionsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 9,
            2..=3 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.topics = r.array(flexible, CreatePartitionsTopic::min_size(version), "CreatePartitionsRequest.Topics", |r| Ok(CreatePartitionsTopic::read(r, version)?))?;
        this.timeout_ms = r.i32()?;
        this.validate_only = r.bool()?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "CreatePartitionsRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += 4;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatePartitionsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        w.put_i32(*(&self.timeout_ms));
        w.put_bool(*(&self.validate_only));
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
impl p::testing::Random for CreatePartitionsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| CreatePartitionsTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.timeout_ms = rng.next_u64() as i32;
        this.validate_only = rng.bool();
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for CreatePartitionsRequest {
    const NAME: &'static str = "CreatePartitionsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatePartitionsAssignment {
    pub broker_ids: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatePartitionsAssignment {
    fn default() -> Self {
        CreatePartitionsAssignment {
            broker_ids: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatePartitionsAssignment {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 4,
            2..=3 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.broker_ids = r.array(flexible, 4, "CreatePartitionsAssignment.BrokerIds", |r| Ok(r.i32()?))?;
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
        size += p::array_prefix_size(flexible, false, Some((&self.broker_ids).len()), "CreatePartitionsAssignment.BrokerIds")? + (&self.broker_ids).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatePartitionsAssignment", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_length(flexible, true, Some((&self.broker_ids).len())); for e in (&self.broker_ids).iter() { w.put_i32(*e); }
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
impl p::testing::Random for CreatePartitionsAssignment {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.broker_ids = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatePartitionsTopic {
    pub name: String,
    pub count: i32,
    pub assignments: Option<Vec<CreatePartitionsAssignment>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatePartitionsTopic {
    fn default() -> Self {
        CreatePartitionsTopic {
            name: String::new(),
            count: 0i32,
            assignments: Some(Vec::<CreatePartitionsAssignment>::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatePartitionsTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 10,
            2..=3 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.name = r.string(flexible, "CreatePartitionsTopic.Name")?;
        this.count = r.i32()?;
        this.assignments = r.array_opt(flexible, true, CreatePartitionsAssignment::min_size(version), "CreatePartitionsTopic.Assignments", |r| Ok(CreatePartitionsAssignment::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "CreatePartitionsTopic.Name")?;
        size += 4;
        size += match (&self.assignments) { None => p::array_prefix_size(flexible, true, None, "CreatePartitionsTopic.Assignments")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "CreatePartitionsTopic.Assignments")?; for e in a.iter() { s += e.size(version)?; } s } };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatePartitionsTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i32(*(&self.count));
        match (&self.assignments) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
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
impl p::testing::Random for CreatePartitionsTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.count = rng.next_u64() as i32;
        this.assignments = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| CreatePartitionsAssignment::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

