// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `BeginQuorumEpochRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct BeginQuorumEpochRequest {
    pub cluster_id: Option<String>,
    pub voter_id: i32,
    pub topics: Vec<TopicData>,
    pub leader_endpoints: Vec<LeaderEndpoint>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BeginQuorumEpochRequest {
    fn default() -> Self {
        BeginQuorumEpochRequest {
            cluster_id: None,
            voter_id: -1i32,
            topics: Vec::<TopicData>::new(),
            leader_endpoints: Vec::<LeaderEndpoint>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for BeginQuorumEpochRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=1 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.cluster_id = r.string_opt(flexible, true, "BeginQuorumEpochRequest.ClusterId")?;
        if version >= 1 { this.voter_id = r.i32()?; }
        this.topics = r.array(flexible, TopicData::min_size(version), "BeginQuorumEpochRequest.Topics", |r| Ok(TopicData::read(r, version)?))?;
        if version >= 1 { this.leader_endpoints = r.array(flexible, LeaderEndpoint::min_size(version), "BeginQuorumEpochRequest.LeaderEndpoints", |r| Ok(LeaderEndpoint::read(r, version)?))?; }
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::opt_string_size(flexible, true, (&self.cluster_id).as_deref(), "BeginQuorumEpochRequest.ClusterId")?;
        if version >= 1 { size += 4; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "BeginQuorumEpochRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if version >= 1 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.leader_endpoints).len()), "BeginQuorumEpochRequest.LeaderEndpoints")?; for e in (&self.leader_endpoints).iter() { s += e.size(version)?; } s }; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "BeginQuorumEpochRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, (&self.cluster_id).as_deref());
        if version >= 1 { w.put_i32(*(&self.voter_id)); }
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        if version >= 1 { w.put_length(flexible, true, Some((&self.leader_endpoints).len())); for e in (&self.leader_endpoints).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for BeginQuorumEpochRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.cluster_id = rng.opt_string(true);
        if version >= 1 { this.voter_id = rng.next_u64() as i32; }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| TopicData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 1 { this.leader_endpoints = { let n = rng.len(depth); (0..n).map(|_| LeaderEndpoint::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for BeginQuorumEpochRequest {
    const NAME: &'static str = "BeginQuorumEpochRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderEndpoint {
    pub name: String,
    pub host: String,
    pub port: u16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderEndpoint {
    fn default() -> Self {
        LeaderEndpoint {
            name: String::new(),
            host: String::new(),
            port: 0u16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderEndpoint {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 0,
            1..=1 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        if version >= 1 { this.name = r.string(flexible, "LeaderEndpoint.Name")?; }
        if version >= 1 { this.host = r.string(flexible, "LeaderEndpoint.Host")?; }
        if version >= 1 { this.port = r.u16()?; }
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 1 { size += p::string_size(flexible, (&self.name), "LeaderEndpoint.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderEndpoint", field: "Name", version }); }
        if version >= 1 { size += p::string_size(flexible, (&self.host), "LeaderEndpoint.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderEndpoint", field: "Host", version }); }
        if version >= 1 { size += 2; } else if self.port != 0u16 { return Err(p::WireError::FieldNotSupported { message: "LeaderEndpoint", field: "Port", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderEndpoint", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        if version >= 1 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 1 { w.put_nullable_string(flexible, Some((&self.host).as_str())); }
        if version >= 1 { w.put_u16(*(&self.port)); }
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
impl p::testing::Random for LeaderEndpoint {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.name = rng.string(); }
        if version >= 1 { this.host = rng.string(); }
        if version >= 1 { this.port = rng.next_u64() as u16; }
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionData {
    pub partition_index: i32,
    pub voter_directory_id: p::Uuid,
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        PartitionData {
            partition_index: 0i32,
            voter_directory_id: p::Uuid::ZERO,
            leader_id: 0i32,
            leader_epoch: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionData {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 12,
            1..=1 => 29,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        if version >= 1 { this.voter_directory_id = r.uuid()?; }
        this.leader_id = r.i32()?;
        this.leader_epoch = r.i32()?;
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        if version >= 1 { size += 16; }
        size += 4;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "PartitionData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_i32(*(&self.partition_index));
        if version >= 1 { w.put_uuid((&self.voter_directory_id)); }
        w.put_i32(*(&self.leader_id));
        w.put_i32(*(&self.leader_epoch));
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
impl p::testing::Random for PartitionData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        if version >= 1 { this.voter_directory_id = rng.uuid(); }
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicData {
    pub topic_name: String,
    pub partitions: Vec<PartitionData>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicData {
    fn default() -> Self {
        TopicData {
            topic_name: String::new(),
            partitions: Vec::<PartitionData>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicData {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.topic_name = r.string(flexible, "TopicData.TopicName")?;
        this.partitions = r.array(flexible, PartitionData::min_size(version), "TopicData.Partitions", |r| Ok(PartitionData::read(r, version)?))?;
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.topic_name), "TopicData.TopicName")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicData.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicData", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
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
impl p::testing::Random for TopicData {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| PartitionData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

