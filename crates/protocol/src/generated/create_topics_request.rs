// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `CreateTopicsRequest` (request), versions 2-7.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct CreateTopicsRequest {
    pub topics: Vec<CreatableTopic>,
    pub timeout_ms: i32,
    pub validate_only: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateTopicsRequest {
    fn default() -> Self {
        CreateTopicsRequest {
            topics: Vec::<CreatableTopic>::new(),
            timeout_ms: 60000i32,
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreateTopicsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 9,
            5..=7 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.topics = r.array(flexible, CreatableTopic::min_size(version), "CreateTopicsRequest.Topics", |r| Ok(CreatableTopic::read(r, version)?))?;
        this.timeout_ms = r.i32()?;
        if version >= 1 { this.validate_only = r.bool()?; }
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
        let flexible = version >= 5;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "CreateTopicsRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += 4;
        if version >= 1 { size += 1; } else if self.validate_only != false { return Err(p::WireError::FieldNotSupported { message: "CreateTopicsRequest", field: "validateOnly", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreateTopicsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        w.put_i32(*(&self.timeout_ms));
        if version >= 1 { w.put_bool(*(&self.validate_only)); }
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
impl p::testing::Random for CreateTopicsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| CreatableTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.timeout_ms = rng.next_u64() as i32;
        if version >= 1 { this.validate_only = rng.bool(); }
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for CreateTopicsRequest {
    const NAME: &'static str = "CreateTopicsRequest";
    const LOWEST_VERSION: i16 = 2;
    const HIGHEST_VERSION: i16 = 7;
    const FLEXIBLE_FROM: Option<i16> = Some(5);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableReplicaAssignment {
    pub partition_index: i32,
    pub broker_ids: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableReplicaAssignment {
    fn default() -> Self {
        CreatableReplicaAssignment {
            partition_index: 0i32,
            broker_ids: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatableReplicaAssignment {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 8,
            5..=7 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.broker_ids = r.array(flexible, 4, "CreatableReplicaAssignment.BrokerIds", |r| Ok(r.i32()?))?;
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
        let flexible = version >= 5;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += p::array_prefix_size(flexible, false, Some((&self.broker_ids).len()), "CreatableReplicaAssignment.BrokerIds")? + (&self.broker_ids).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatableReplicaAssignment", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_i32(*(&self.partition_index));
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
impl p::testing::Random for CreatableReplicaAssignment {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.broker_ids = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopic {
    pub name: String,
    pub num_partitions: i32,
    pub replication_factor: i16,
    pub assignments: Vec<CreatableReplicaAssignment>,
    pub configs: Vec<CreatableTopicConfig>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopic {
    fn default() -> Self {
        CreatableTopic {
            name: String::new(),
            num_partitions: 0i32,
            replication_factor: 0i16,
            assignments: Vec::<CreatableReplicaAssignment>::new(),
            configs: Vec::<CreatableTopicConfig>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatableTopic {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 16,
            5..=7 => 10,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.name = r.string(flexible, "CreatableTopic.Name")?;
        this.num_partitions = r.i32()?;
        this.replication_factor = r.i16()?;
        this.assignments = r.array(flexible, CreatableReplicaAssignment::min_size(version), "CreatableTopic.Assignments", |r| Ok(CreatableReplicaAssignment::read(r, version)?))?;
        this.configs = r.array(flexible, CreatableTopicConfig::min_size(version), "CreatableTopic.Configs", |r| Ok(CreatableTopicConfig::read(r, version)?))?;
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
        let flexible = version >= 5;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.name), "CreatableTopic.Name")?;
        size += 4;
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.assignments).len()), "CreatableTopic.Assignments")?; for e in (&self.assignments).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.configs).len()), "CreatableTopic.Configs")?; for e in (&self.configs).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatableTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i32(*(&self.num_partitions));
        w.put_i16(*(&self.replication_factor));
        w.put_length(flexible, true, Some((&self.assignments).len())); for e in (&self.assignments).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.configs).len())); for e in (&self.configs).iter() { e.write(w, version)?; }
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
impl p::testing::Random for CreatableTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.num_partitions = rng.next_u64() as i32;
        this.replication_factor = rng.next_u64() as i16;
        this.assignments = { let n = rng.len(depth); (0..n).map(|_| CreatableReplicaAssignment::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.configs = { let n = rng.len(depth); (0..n).map(|_| CreatableTopicConfig::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicConfig {
    pub name: String,
    pub value: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableTopicConfig {
    fn default() -> Self {
        CreatableTopicConfig {
            name: String::new(),
            value: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatableTopicConfig {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 4,
            5..=7 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 5;
        let mut this = Self::default();
        this.name = r.string(flexible, "CreatableTopicConfig.Name")?;
        this.value = r.string_opt(flexible, true, "CreatableTopicConfig.Value")?;
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
        let flexible = version >= 5;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.name), "CreatableTopicConfig.Name")?;
        size += p::opt_string_size(flexible, true, (&self.value).as_deref(), "CreatableTopicConfig.Value")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatableTopicConfig", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 5;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_nullable_string(flexible, (&self.value).as_deref());
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
impl p::testing::Random for CreatableTopicConfig {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.value = rng.opt_string(true);
        if (version >= 5) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

