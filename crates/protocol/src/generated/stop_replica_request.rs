// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StopReplicaRequest` (request), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StopReplicaRequest {
    pub controller_id: i32,
    pub is_k_raft_controller: bool,
    pub controller_epoch: i32,
    pub broker_epoch: i64,
    pub delete_partitions: bool,
    pub ungrouped_partitions: Vec<StopReplicaPartitionV0>,
    pub topics: Vec<StopReplicaTopicV1>,
    pub topic_states: Vec<StopReplicaTopicState>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StopReplicaRequest {
    fn default() -> Self {
        StopReplicaRequest {
            controller_id: 0i32,
            is_k_raft_controller: false,
            controller_epoch: 0i32,
            broker_epoch: -1i64,
            delete_partitions: false,
            ungrouped_partitions: Vec::<StopReplicaPartitionV0>::new(),
            topics: Vec::<StopReplicaTopicV1>::new(),
            topic_states: Vec::<StopReplicaTopicState>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StopReplicaRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 13,
            1..=1 => 21,
            2..=2 => 19,
            3..=3 => 18,
            4..=4 => 19,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.controller_id = r.i32()?;
        if version >= 4 { this.is_k_raft_controller = r.bool()?; }
        this.controller_epoch = r.i32()?;
        if version >= 1 { this.broker_epoch = r.i64()?; }
        if version <= 2 { this.delete_partitions = r.bool()?; }
        if version <= 0 { this.ungrouped_partitions = r.array(flexible, StopReplicaPartitionV0::min_size(version), "StopReplicaRequest.UngroupedPartitions", |r| Ok(StopReplicaPartitionV0::read(r, version)?))?; }
        if (1..=2).contains(&version) { this.topics = r.array(flexible, StopReplicaTopicV1::min_size(version), "StopReplicaRequest.Topics", |r| Ok(StopReplicaTopicV1::read(r, version)?))?; }
        if version >= 3 { this.topic_states = r.array(flexible, StopReplicaTopicState::min_size(version), "StopReplicaRequest.TopicStates", |r| Ok(StopReplicaTopicState::read(r, version)?))?; }
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
        if version >= 4 { size += 1; } else if self.is_k_raft_controller != false { return Err(p::WireError::FieldNotSupported { message: "StopReplicaRequest", field: "isKRaftController", version }); }
        size += 4;
        if version >= 1 { size += 8; }
        if version <= 2 { size += 1; } else if self.delete_partitions != false { return Err(p::WireError::FieldNotSupported { message: "StopReplicaRequest", field: "DeletePartitions", version }); }
        if version <= 0 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.ungrouped_partitions).len()), "StopReplicaRequest.UngroupedPartitions")?; for e in (&self.ungrouped_partitions).iter() { s += e.size(version)?; } s }; } else if self.ungrouped_partitions != Vec::<StopReplicaPartitionV0>::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaRequest", field: "UngroupedPartitions", version }); }
        if (1..=2).contains(&version) { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "StopReplicaRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s }; } else if self.topics != Vec::<StopReplicaTopicV1>::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaRequest", field: "Topics", version }); }
        if version >= 3 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_states).len()), "StopReplicaRequest.TopicStates")?; for e in (&self.topic_states).iter() { s += e.size(version)?; } s }; } else if self.topic_states != Vec::<StopReplicaTopicState>::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaRequest", field: "TopicStates", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StopReplicaRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.controller_id));
        if version >= 4 { w.put_bool(*(&self.is_k_raft_controller)); }
        w.put_i32(*(&self.controller_epoch));
        if version >= 1 { w.put_i64(*(&self.broker_epoch)); }
        if version <= 2 { w.put_bool(*(&self.delete_partitions)); }
        if version <= 0 { w.put_length(flexible, true, Some((&self.ungrouped_partitions).len())); for e in (&self.ungrouped_partitions).iter() { e.write(w, version)?; } }
        if (1..=2).contains(&version) { w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; } }
        if version >= 3 { w.put_length(flexible, true, Some((&self.topic_states).len())); for e in (&self.topic_states).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for StopReplicaRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.controller_id = rng.next_u64() as i32;
        if version >= 4 { this.is_k_raft_controller = rng.bool(); }
        this.controller_epoch = rng.next_u64() as i32;
        if version >= 1 { this.broker_epoch = rng.next_u64() as i64; }
        if version <= 2 { this.delete_partitions = rng.bool(); }
        if version <= 0 { this.ungrouped_partitions = { let n = rng.len(depth); (0..n).map(|_| StopReplicaPartitionV0::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (1..=2).contains(&version) { this.topics = { let n = rng.len(depth); (0..n).map(|_| StopReplicaTopicV1::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 3 { this.topic_states = { let n = rng.len(depth); (0..n).map(|_| StopReplicaTopicState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for StopReplicaRequest {
    const NAME: &'static str = "StopReplicaRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct StopReplicaPartitionState {
    pub partition_index: i32,
    pub leader_epoch: i32,
    pub delete_partition: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StopReplicaPartitionState {
    fn default() -> Self {
        StopReplicaPartitionState {
            partition_index: 0i32,
            leader_epoch: -1i32,
            delete_partition: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StopReplicaPartitionState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 0,
            2..=2 => 1,
            3..=4 => 10,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        if version >= 3 { this.partition_index = r.i32()?; }
        if version >= 3 { this.leader_epoch = r.i32()?; }
        if version >= 3 { this.delete_partition = r.bool()?; }
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
        if version >= 3 { size += 4; } else if self.partition_index != 0i32 { return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionState", field: "PartitionIndex", version }); }
        if version >= 3 { size += 4; } else if self.leader_epoch != -1i32 { return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionState", field: "LeaderEpoch", version }); }
        if version >= 3 { size += 1; } else if self.delete_partition != false { return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionState", field: "DeletePartition", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        if version >= 3 { w.put_i32(*(&self.partition_index)); }
        if version >= 3 { w.put_i32(*(&self.leader_epoch)); }
        if version >= 3 { w.put_bool(*(&self.delete_partition)); }
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
impl p::testing::Random for StopReplicaPartitionState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.partition_index = rng.next_u64() as i32; }
        if version >= 3 { this.leader_epoch = rng.next_u64() as i32; }
        if version >= 3 { this.delete_partition = rng.bool(); }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StopReplicaPartitionV0 {
    pub topic_name: String,
    pub partition_index: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StopReplicaPartitionV0 {
    fn default() -> Self {
        StopReplicaPartitionV0 {
            topic_name: String::new(),
            partition_index: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StopReplicaPartitionV0 {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=1 => 0,
            2..=4 => 1,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        if version <= 0 { this.topic_name = r.string(flexible, "StopReplicaPartitionV0.TopicName")?; }
        if version <= 0 { this.partition_index = r.i32()?; }
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
        if version <= 0 { size += p::string_size(flexible, (&self.topic_name), "StopReplicaPartitionV0.TopicName")?; } else if self.topic_name != String::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionV0", field: "TopicName", version }); }
        if version <= 0 { size += 4; } else if self.partition_index != 0i32 { return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionV0", field: "PartitionIndex", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionV0", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        if version <= 0 { w.put_i32(*(&self.partition_index)); }
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
impl p::testing::Random for StopReplicaPartitionV0 {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 0 { this.topic_name = rng.string(); }
        if version <= 0 { this.partition_index = rng.next_u64() as i32; }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StopReplicaTopicState {
    pub topic_name: String,
    pub partition_states: Vec<StopReplicaPartitionState>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StopReplicaTopicState {
    fn default() -> Self {
        StopReplicaTopicState {
            topic_name: String::new(),
            partition_states: Vec::<StopReplicaPartitionState>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StopReplicaTopicState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 0,
            2..=2 => 1,
            3..=4 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        if version >= 3 { this.topic_name = r.string(flexible, "StopReplicaTopicState.TopicName")?; }
        if version >= 3 { this.partition_states = r.array(flexible, StopReplicaPartitionState::min_size(version), "StopReplicaTopicState.PartitionStates", |r| Ok(StopReplicaPartitionState::read(r, version)?))?; }
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
        if version >= 3 { size += p::string_size(flexible, (&self.topic_name), "StopReplicaTopicState.TopicName")?; } else if self.topic_name != String::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaTopicState", field: "TopicName", version }); }
        if version >= 3 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_states).len()), "StopReplicaTopicState.PartitionStates")?; for e in (&self.partition_states).iter() { s += e.size(version)?; } s }; } else if self.partition_states != Vec::<StopReplicaPartitionState>::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaTopicState", field: "PartitionStates", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StopReplicaTopicState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        if version >= 3 { w.put_length(flexible, true, Some((&self.partition_states).len())); for e in (&self.partition_states).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for StopReplicaTopicState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.topic_name = rng.string(); }
        if version >= 3 { this.partition_states = { let n = rng.len(depth); (0..n).map(|_| StopReplicaPartitionState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StopReplicaTopicV1 {
    pub name: String,
    pub partition_indexes: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StopReplicaTopicV1 {
    fn default() -> Self {
        StopReplicaTopicV1 {
            name: String::new(),
            partition_indexes: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StopReplicaTopicV1 {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 0,
            1..=1 => 6,
            2..=2 => 3,
            3..=4 => 1,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        if (1..=2).contains(&version) { this.name = r.string(flexible, "StopReplicaTopicV1.Name")?; }
        if (1..=2).contains(&version) { this.partition_indexes = r.array(flexible, 4, "StopReplicaTopicV1.PartitionIndexes", |r| Ok(r.i32()?))?; }
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
        if (1..=2).contains(&version) { size += p::string_size(flexible, (&self.name), "StopReplicaTopicV1.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaTopicV1", field: "Name", version }); }
        if (1..=2).contains(&version) { size += p::array_prefix_size(flexible, false, Some((&self.partition_indexes).len()), "StopReplicaTopicV1.PartitionIndexes")? + (&self.partition_indexes).len() * 4; } else if self.partition_indexes != Vec::<i32>::new() { return Err(p::WireError::FieldNotSupported { message: "StopReplicaTopicV1", field: "PartitionIndexes", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StopReplicaTopicV1", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        if (1..=2).contains(&version) { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if (1..=2).contains(&version) { w.put_length(flexible, true, Some((&self.partition_indexes).len())); for e in (&self.partition_indexes).iter() { w.put_i32(*e); } }
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
impl p::testing::Random for StopReplicaTopicV1 {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if (1..=2).contains(&version) { this.name = rng.string(); }
        if (1..=2).contains(&version) { this.partition_indexes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

