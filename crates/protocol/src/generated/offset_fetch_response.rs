// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `OffsetFetchResponse` (response), versions 1-10.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<OffsetFetchResponseTopic>,
    pub error_code: i16,
    pub groups: Vec<OffsetFetchResponseGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponse {
    fn default() -> Self {
        OffsetFetchResponse {
            throttle_time_ms: 0i32,
            topics: Vec::<OffsetFetchResponseTopic>::new(),
            error_code: 0i16,
            groups: Vec::<OffsetFetchResponseGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 4,
            2..=2 => 6,
            3..=5 => 10,
            6..=7 => 8,
            8..=10 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 3 { this.throttle_time_ms = r.i32()?; }
        if version <= 7 { this.topics = r.array(flexible, OffsetFetchResponseTopic::min_size(version), "OffsetFetchResponse.Topics", |r| Ok(OffsetFetchResponseTopic::read(r, version)?))?; }
        if (2..=7).contains(&version) { this.error_code = r.i16()?; }
        if version >= 8 { this.groups = r.array(flexible, OffsetFetchResponseGroup::min_size(version), "OffsetFetchResponse.Groups", |r| Ok(OffsetFetchResponseGroup::read(r, version)?))?; }
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
        if version >= 3 { size += 4; }
        if version <= 7 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "OffsetFetchResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s }; } else if self.topics != Vec::<OffsetFetchResponseTopic>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponse", field: "Topics", version }); }
        if (2..=7).contains(&version) { size += 2; }
        if version >= 8 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "OffsetFetchResponse.Groups")?; for e in (&self.groups).iter() { s += e.size(version)?; } s }; } else if self.groups != Vec::<OffsetFetchResponseGroup>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponse", field: "Groups", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 3 { w.put_i32(*(&self.throttle_time_ms)); }
        if version <= 7 { w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; } }
        if (2..=7).contains(&version) { w.put_i16(*(&self.error_code)); }
        if version >= 8 { w.put_length(flexible, true, Some((&self.groups).len())); for e in (&self.groups).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for OffsetFetchResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.throttle_time_ms = rng.next_u64() as i32; }
        if version <= 7 { this.topics = { let n = rng.len(depth); (0..n).map(|_| OffsetFetchResponseTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (2..=7).contains(&version) { this.error_code = rng.next_u64() as i16; }
        if version >= 8 { this.groups = { let n = rng.len(depth); (0..n).map(|_| OffsetFetchResponseGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for OffsetFetchResponse {
    const NAME: &'static str = "OffsetFetchResponse";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 10;
    const FLEXIBLE_FROM: Option<i16> = Some(6);
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseGroup {
    pub group_id: String,
    pub topics: Vec<OffsetFetchResponseTopics>,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponseGroup {
    fn default() -> Self {
        OffsetFetchResponseGroup {
            group_id: String::new(),
            topics: Vec::<OffsetFetchResponseTopics>::new(),
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchResponseGroup {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 0,
            6..=7 => 1,
            8..=10 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 8 { this.group_id = r.string(flexible, "OffsetFetchResponseGroup.GroupId")?; }
        if version >= 8 { this.topics = r.array(flexible, OffsetFetchResponseTopics::min_size(version), "OffsetFetchResponseGroup.Topics", |r| Ok(OffsetFetchResponseTopics::read(r, version)?))?; }
        if version >= 8 { this.error_code = r.i16()?; }
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
        if version >= 8 { size += p::string_size(flexible, (&self.group_id), "OffsetFetchResponseGroup.GroupId")?; } else if self.group_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseGroup", field: "GroupId", version }); }
        if version >= 8 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "OffsetFetchResponseGroup.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s }; } else if self.topics != Vec::<OffsetFetchResponseTopics>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseGroup", field: "Topics", version }); }
        if version >= 8 { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseGroup", field: "ErrorCode", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 8 { w.put_nullable_string(flexible, Some((&self.group_id).as_str())); }
        if version >= 8 { w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; } }
        if version >= 8 { w.put_i16(*(&self.error_code)); }
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
impl p::testing::Random for OffsetFetchResponseGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 8 { this.group_id = rng.string(); }
        if version >= 8 { this.topics = { let n = rng.len(depth); (0..n).map(|_| OffsetFetchResponseTopics::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 8 { this.error_code = rng.next_u64() as i16; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponsePartition {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub metadata: Option<String>,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponsePartition {
    fn default() -> Self {
        OffsetFetchResponsePartition {
            partition_index: 0i32,
            committed_offset: 0i64,
            committed_leader_epoch: -1i32,
            metadata: Some(String::new()),
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchResponsePartition {
    fn min_size(version: i16) -> usize {
        match version {
            1..=4 => 16,
            5..=7 => 20,
            8..=10 => 1,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version <= 7 { this.partition_index = r.i32()?; }
        if version <= 7 { this.committed_offset = r.i64()?; }
        if (5..=7).contains(&version) { this.committed_leader_epoch = r.i32()?; }
        if version <= 7 { this.metadata = r.string_opt(flexible, version <= 7, "OffsetFetchResponsePartition.Metadata")?; }
        if version <= 7 { this.error_code = r.i16()?; }
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
        if version <= 7 { size += 4; } else if self.partition_index != 0i32 { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartition", field: "PartitionIndex", version }); }
        if version <= 7 { size += 8; } else if self.committed_offset != 0i64 { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartition", field: "CommittedOffset", version }); }
        if (5..=7).contains(&version) { size += 4; }
        if version <= 7 { size += p::opt_string_size(flexible, version <= 7, (&self.metadata).as_deref(), "OffsetFetchResponsePartition.Metadata")?; } else if self.metadata != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartition", field: "Metadata", version }); }
        if version <= 7 { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartition", field: "ErrorCode", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version <= 7 { w.put_i32(*(&self.partition_index)); }
        if version <= 7 { w.put_i64(*(&self.committed_offset)); }
        if (5..=7).contains(&version) { w.put_i32(*(&self.committed_leader_epoch)); }
        if version <= 7 { w.put_nullable_string(flexible, (&self.metadata).as_deref()); }
        if version <= 7 { w.put_i16(*(&self.error_code)); }
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
impl p::testing::Random for OffsetFetchResponsePartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 7 { this.partition_index = rng.next_u64() as i32; }
        if version <= 7 { this.committed_offset = rng.next_u64() as i64; }
        if (5..=7).contains(&version) { this.committed_leader_epoch = rng.next_u64() as i32; }
        if version <= 7 { this.metadata = rng.opt_string(version <= 7); }
        if version <= 7 { this.error_code = rng.next_u64() as i16; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponsePartitions {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub metadata: Option<String>,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponsePartitions {
    fn default() -> Self {
        OffsetFetchResponsePartitions {
            partition_index: 0i32,
            committed_offset: 0i64,
            committed_leader_epoch: -1i32,
            metadata: Some(String::new()),
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchResponsePartitions {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 0,
            6..=7 => 1,
            8..=10 => 20,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 8 { this.partition_index = r.i32()?; }
        if version >= 8 { this.committed_offset = r.i64()?; }
        if version >= 8 { this.committed_leader_epoch = r.i32()?; }
        if version >= 8 { this.metadata = r.string_opt(flexible, version >= 8, "OffsetFetchResponsePartitions.Metadata")?; }
        if version >= 8 { this.error_code = r.i16()?; }
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
        if version >= 8 { size += 4; } else if self.partition_index != 0i32 { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartitions", field: "PartitionIndex", version }); }
        if version >= 8 { size += 8; } else if self.committed_offset != 0i64 { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartitions", field: "CommittedOffset", version }); }
        if version >= 8 { size += 4; }
        if version >= 8 { size += p::opt_string_size(flexible, version >= 8, (&self.metadata).as_deref(), "OffsetFetchResponsePartitions.Metadata")?; } else if self.metadata != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartitions", field: "Metadata", version }); }
        if version >= 8 { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartitions", field: "ErrorCode", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponsePartitions", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 8 { w.put_i32(*(&self.partition_index)); }
        if version >= 8 { w.put_i64(*(&self.committed_offset)); }
        if version >= 8 { w.put_i32(*(&self.committed_leader_epoch)); }
        if version >= 8 { w.put_nullable_string(flexible, (&self.metadata).as_deref()); }
        if version >= 8 { w.put_i16(*(&self.error_code)); }
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
impl p::testing::Random for OffsetFetchResponsePartitions {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 8 { this.partition_index = rng.next_u64() as i32; }
        if version >= 8 { this.committed_offset = rng.next_u64() as i64; }
        if version >= 8 { this.committed_leader_epoch = rng.next_u64() as i32; }
        if version >= 8 { this.metadata = rng.opt_string(version >= 8); }
        if version >= 8 { this.error_code = rng.next_u64() as i16; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseTopic {
    pub name: String,
    pub partitions: Vec<OffsetFetchResponsePartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponseTopic {
    fn default() -> Self {
        OffsetFetchResponseTopic {
            name: String::new(),
            partitions: Vec::<OffsetFetchResponsePartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchResponseTopic {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 6,
            6..=7 => 3,
            8..=10 => 1,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version <= 7 { this.name = r.string(flexible, "OffsetFetchResponseTopic.Name")?; }
        if version <= 7 { this.partitions = r.array(flexible, OffsetFetchResponsePartition::min_size(version), "OffsetFetchResponseTopic.Partitions", |r| Ok(OffsetFetchResponsePartition::read(r, version)?))?; }
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
        if version <= 7 { size += p::string_size(flexible, (&self.name), "OffsetFetchResponseTopic.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseTopic", field: "Name", version }); }
        if version <= 7 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "OffsetFetchResponseTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s }; } else if self.partitions != Vec::<OffsetFetchResponsePartition>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseTopic", field: "Partitions", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version <= 7 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version <= 7 { w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for OffsetFetchResponseTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 7 { this.name = rng.string(); }
        if version <= 7 { this.partitions = { let n = rng.len(depth); (0..n).map(|_| OffsetFetchResponsePartition::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseTopics {
    pub name: String,
    pub topic_id: p::Uuid,
    pub partitions: Vec<OffsetFetchResponsePartitions>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchResponseTopics {
    fn default() -> Self {
        OffsetFetchResponseTopics {
            name: String::new(),
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<OffsetFetchResponsePartitions>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchResponseTopics {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 0,
            6..=7 => 1,
            8..=9 => 3,
            10..=10 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if (8..=9).contains(&version) { this.name = r.string(flexible, "OffsetFetchResponseTopics.Name")?; }
        if version >= 10 { this.topic_id = r.uuid()?; }
        if version >= 8 { this.partitions = r.array(flexible, OffsetFetchResponsePartitions::min_size(version), "OffsetFetchResponseTopics.Partitions", |r| Ok(OffsetFetchResponsePartitions::read(r, version)?))?; }
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
        if (8..=9).contains(&version) { size += p::string_size(flexible, (&self.name), "OffsetFetchResponseTopics.Name")?; }
        if version >= 10 { size += 16; }
        if version >= 8 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "OffsetFetchResponseTopics.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s }; } else if self.partitions != Vec::<OffsetFetchResponsePartitions>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseTopics", field: "Partitions", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchResponseTopics", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if (8..=9).contains(&version) { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 10 { w.put_uuid((&self.topic_id)); }
        if version >= 8 { w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for OffsetFetchResponseTopics {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if (8..=9).contains(&version) { this.name = rng.string(); }
        if version >= 10 { this.topic_id = rng.uuid(); }
        if version >= 8 { this.partitions = { let n = rng.len(depth); (0..n).map(|_| OffsetFetchResponsePartitions::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

