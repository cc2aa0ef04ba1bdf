// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeTopicPartitionsResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<DescribeTopicPartitionsResponseTopic>,
    pub next_cursor: Option<Cursor>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTopicPartitionsResponse {
    fn default() -> Self {
        DescribeTopicPartitionsResponse {
            throttle_time_ms: 0i32,
            topics: Vec::<DescribeTopicPartitionsResponseTopic>::new(),
            next_cursor: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeTopicPartitionsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.topics = r.array(flexible, DescribeTopicPartitionsResponseTopic::min_size(version), "DescribeTopicPartitionsResponse.Topics", |r| Ok(DescribeTopicPartitionsResponseTopic::read(r, version)?))?;
        this.next_cursor = r.struct_opt::<Cursor>(true, version)?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DescribeTopicPartitionsResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += p::opt_struct_size(true, (&self.next_cursor).as_ref(), version, "DescribeTopicPartitionsResponse.NextCursor")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeTopicPartitionsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        p::write_opt_struct(w, true, (&self.next_cursor).as_ref(), version)?;
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
impl p::testing::Random for DescribeTopicPartitionsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.topics = { let n = rng.len(depth); (0..n).map(|_| DescribeTopicPartitionsResponseTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.next_cursor = if true && rng.chance(3) { None } else { Some(Cursor::random(rng, version, depth + 1)) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeTopicPartitionsResponse {
    const NAME: &'static str = "DescribeTopicPartitionsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub topic_name: String,
    pub partition_index: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            topic_name: String::new(),
            partition_index: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Cursor {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_name = r.string(flexible, "Cursor.TopicName")?;
        this.partition_index = r.i32()?;
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
        size += p::string_size(flexible, (&self.topic_name), "Cursor.TopicName")?;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Cursor", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
        w.put_i32(*(&self.partition_index));
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
impl p::testing::Random for Cursor {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partition_index = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponsePartition {
    pub error_code: i16,
    pub partition_index: i32,
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub replica_nodes: Vec<i32>,
    pub isr_nodes: Vec<i32>,
    pub eligible_leader_replicas: Option<Vec<i32>>,
    pub last_known_elr: Option<Vec<i32>>,
    pub offline_replicas: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTopicPartitionsResponsePartition {
    fn default() -> Self {
        DescribeTopicPartitionsResponsePartition {
            error_code: 0i16,
            partition_index: 0i32,
            leader_id: 0i32,
            leader_epoch: -1i32,
            replica_nodes: Vec::<i32>::new(),
            isr_nodes: Vec::<i32>::new(),
            eligible_leader_replicas: None,
            last_known_elr: None,
            offline_replicas: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeTopicPartitionsResponsePartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 20,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.partition_index = r.i32()?;
        this.leader_id = r.i32()?;
        this.leader_epoch = r.i32()?;
        this.replica_nodes = r.array(flexible, 4, "DescribeTopicPartitionsResponsePartition.ReplicaNodes", |r| Ok(r.i32()?))?;
        this.isr_nodes = r.array(flexible, 4, "DescribeTopicPartitionsResponsePartition.IsrNodes", |r| Ok(r.i32()?))?;
        this.eligible_leader_replicas = r.array_opt(flexible, true, 4, "DescribeTopicPartitionsResponsePartition.EligibleLeaderReplicas", |r| Ok(r.i32()?))?;
        this.last_known_elr = r.array_opt(flexible, true, 4, "DescribeTopicPartitionsResponsePartition.LastKnownElr", |r| Ok(r.i32()?))?;
        this.offline_replicas = r.array(flexible, 4, "DescribeTopicPartitionsResponsePartition.OfflineReplicas", |r| Ok(r.i32()?))?;
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
        size += 2;
        size += 4;
        size += 4;
        size += 4;
        size += p::array_prefix_size(flexible, false, Some((&self.replica_nodes).len()), "DescribeTopicPartitionsResponsePartition.ReplicaNodes")? + (&self.replica_nodes).len() * 4;
        size += p::array_prefix_size(flexible, false, Some((&self.isr_nodes).len()), "DescribeTopicPartitionsResponsePartition.IsrNodes")? + (&self.isr_nodes).len() * 4;
        size += match (&self.eligible_leader_replicas) { None => p::array_prefix_size(flexible, true, None, "DescribeTopicPartitionsResponsePartition.EligibleLeaderReplicas")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "DescribeTopicPartitionsResponsePartition.EligibleLeaderReplicas")? + a.len() * 4 };
        size += match (&self.last_known_elr) { None => p::array_prefix_size(flexible, true, None, "DescribeTopicPartitionsResponsePartition.LastKnownElr")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "DescribeTopicPartitionsResponsePartition.LastKnownElr")? + a.len() * 4 };
        size += p::array_prefix_size(flexible, false, Some((&self.offline_replicas).len()), "DescribeTopicPartitionsResponsePartition.OfflineReplicas")? + (&self.offline_replicas).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeTopicPartitionsResponsePartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i16(*(&self.error_code));
        w.put_i32(*(&self.partition_index));
        w.put_i32(*(&self.leader_id));
        w.put_i32(*(&self.leader_epoch));
        w.put_length(flexible, true, Some((&self.replica_nodes).len())); for e in (&self.replica_nodes).iter() { w.put_i32(*e); }
        w.put_length(flexible, true, Some((&self.isr_nodes).len())); for e in (&self.isr_nodes).iter() { w.put_i32(*e); }
        match (&self.eligible_leader_replicas) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_i32(*e); } } }
        match (&self.last_known_elr) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_i32(*e); } } }
        w.put_length(flexible, true, Some((&self.offline_replicas).len())); for e in (&self.offline_replicas).iter() { w.put_i32(*e); }
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
impl p::testing::Random for DescribeTopicPartitionsResponsePartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.partition_index = rng.next_u64() as i32;
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.replica_nodes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        this.isr_nodes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        this.eligible_leader_replicas = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }) };
        this.last_known_elr = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }) };
        this.offline_replicas = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponseTopic {
    pub error_code: i16,
    pub name: Option<String>,
    pub topic_id: p::Uuid,
    pub is_internal: bool,
    pub partitions: Vec<DescribeTopicPartitionsResponsePartition>,
    pub topic_authorized_operations: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTopicPartitionsResponseTopic {
    fn default() -> Self {
        DescribeTopicPartitionsResponseTopic {
            error_code: 0i16,
            name: Some(String::new()),
            topic_id: p::Uuid::ZERO,
            is_internal: false,
            partitions: Vec::<DescribeTopicPartitionsResponsePartition>::new(),
            topic_authorized_operations: -2147483648i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeTopicPartitionsResponseTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 26,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.name = r.string_opt(flexible, true, "DescribeTopicPartitionsResponseTopic.Name")?;
        this.topic_id = r.uuid()?;
        this.is_internal = r.bool()?;
        this.partitions = r.array(flexible, DescribeTopicPartitionsResponsePartition::min_size(version), "DescribeTopicPartitionsResponseTopic.Partitions", |r| Ok(DescribeTopicPartitionsResponsePartition::read(r, version)?))?;
        this.topic_authorized_operations = r.i32()?;
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
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.name).as_deref(), "DescribeTopicPartitionsResponseTopic.Name")?;
        size += 16;
        size += 1;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "DescribeTopicPartitionsResponseTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeTopicPartitionsResponseTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.name).as_deref());
        w.put_uuid((&self.topic_id));
        w.put_bool(*(&self.is_internal));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { e.write(w, version)?; }
        w.put_i32(*(&self.topic_authorized_operations));
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
impl p::testing::Random for DescribeTopicPartitionsResponseTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.name = rng.opt_string(true);
        this.topic_id = rng.uuid();
        this.is_internal = rng.bool();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| DescribeTopicPartitionsResponsePartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.topic_authorized_operations = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

