// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeQuorumResponse` (response), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeQuorumResponse {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub topics: Vec<TopicData>,
    pub nodes: Vec<Node>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeQuorumResponse {
    fn default() -> Self {
        DescribeQuorumResponse {
            error_code: 0i16,
            error_message: Some(String::new()),
            topics: Vec::<TopicData>::new(),
            nodes: Vec::<Node>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeQuorumResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 4,
            2..=2 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        if version >= 2 { this.error_message = r.string_opt(flexible, version >= 2, "DescribeQuorumResponse.ErrorMessage")?; }
        this.topics = r.array(flexible, TopicData::min_size(version), "DescribeQuorumResponse.Topics", |r| Ok(TopicData::read(r, version)?))?;
        if version >= 2 { this.nodes = r.array(flexible, Node::min_size(version), "DescribeQuorumResponse.Nodes", |r| Ok(Node::read(r, version)?))?; }
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
        if version >= 2 { size += p::opt_string_size(flexible, version >= 2, (&self.error_message).as_deref(), "DescribeQuorumResponse.ErrorMessage")?; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DescribeQuorumResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if version >= 2 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.nodes).len()), "DescribeQuorumResponse.Nodes")?; for e in (&self.nodes).iter() { s += e.size(version)?; } s }; } else if self.nodes != Vec::<Node>::new() { return Err(p::WireError::FieldNotSupported { message: "DescribeQuorumResponse", field: "Nodes", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeQuorumResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i16(*(&self.error_code));
        if version >= 2 { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        if version >= 2 { w.put_length(flexible, true, Some((&self.nodes).len())); for e in (&self.nodes).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for DescribeQuorumResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        if version >= 2 { this.error_message = rng.opt_string(version >= 2); }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| TopicData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 2 { this.nodes = { let n = rng.len(depth); (0..n).map(|_| Node::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeQuorumResponse {
    const NAME: &'static str = "DescribeQuorumResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub name: String,
    pub host: String,
    pub port: u16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Listener {
    fn default() -> Self {
        Listener {
            name: String::new(),
            host: String::new(),
            port: 0u16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Listener {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 1,
            2..=2 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if version >= 2 { this.name = r.string(flexible, "Listener.Name")?; }
        if version >= 2 { this.host = r.string(flexible, "Listener.Host")?; }
        if version >= 2 { this.port = r.u16()?; }
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
        if version >= 2 { size += p::string_size(flexible, (&self.name), "Listener.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "Listener", field: "Name", version }); }
        if version >= 2 { size += p::string_size(flexible, (&self.host), "Listener.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "Listener", field: "Host", version }); }
        if version >= 2 { size += 2; } else if self.port != 0u16 { return Err(p::WireError::FieldNotSupported { message: "Listener", field: "Port", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Listener", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        if version >= 2 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 2 { w.put_nullable_string(flexible, Some((&self.host).as_str())); }
        if version >= 2 { w.put_u16(*(&self.port)); }
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
impl p::testing::Random for Listener {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 2 { this.name = rng.string(); }
        if version >= 2 { this.host = rng.string(); }
        if version >= 2 { this.port = rng.next_u64() as u16; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub node_id: i32,
    pub listeners: Vec<Listener>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Node {
    fn default() -> Self {
        Node {
            node_id: 0i32,
            listeners: Vec::<Listener>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Node {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 1,
            2..=2 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if version >= 2 { this.node_id = r.i32()?; }
        if version >= 2 { this.listeners = r.array(flexible, Listener::min_size(version), "Node.Listeners", |r| Ok(Listener::read(r, version)?))?; }
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
        if version >= 2 { size += 4; } else if self.node_id != 0i32 { return Err(p::WireError::FieldNotSupported { message: "Node", field: "NodeId", version }); }
        if version >= 2 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.listeners).len()), "Node.Listeners")?; for e in (&self.listeners).iter() { s += e.size(version)?; } s }; } else if self.listeners != Vec::<Listener>::new() { return Err(p::WireError::FieldNotSupported { message: "Node", field: "Listeners", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Node", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        if version >= 2 { w.put_i32(*(&self.node_id)); }
        if version >= 2 { w.put_length(flexible, true, Some((&self.listeners).len())); for e in (&self.listeners).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for Node {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 2 { this.node_id = rng.next_u64() as i32; }
        if version >= 2 { this.listeners = { let n = rng.len(depth); (0..n).map(|_| Listener::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionData {
    pub partition_index: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub high_watermark: i64,
    pub current_voters: Vec<ReplicaState>,
    pub observers: Vec<ReplicaState>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        PartitionData {
            partition_index: 0i32,
            error_code: 0i16,
            error_message: Some(String::new()),
            leader_id: 0i32,
            leader_epoch: 0i32,
            high_watermark: 0i64,
            current_voters: Vec::<ReplicaState>::new(),
            observers: Vec::<ReplicaState>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionData {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 25,
            2..=2 => 26,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.error_code = r.i16()?;
        if version >= 2 { this.error_message = r.string_opt(flexible, version >= 2, "PartitionData.ErrorMessage")?; }
        this.leader_id = r.i32()?;
        this.leader_epoch = r.i32()?;
        this.high_watermark = r.i64()?;
        this.current_voters = r.array(flexible, ReplicaState::min_size(version), "PartitionData.CurrentVoters", |r| Ok(ReplicaState::read(r, version)?))?;
        this.observers = r.array(flexible, ReplicaState::min_size(version), "PartitionData.Observers", |r| Ok(ReplicaState::read(r, version)?))?;
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
        size += 2;
        if version >= 2 { size += p::opt_string_size(flexible, version >= 2, (&self.error_message).as_deref(), "PartitionData.ErrorMessage")?; }
        size += 4;
        size += 4;
        size += 8;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.current_voters).len()), "PartitionData.CurrentVoters")?; for e in (&self.current_voters).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.observers).len()), "PartitionData.Observers")?; for e in (&self.observers).iter() { s += e.size(version)?; } s };
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
        let flexible = true;
        w.put_i32(*(&self.partition_index));
        w.put_i16(*(&self.error_code));
        if version >= 2 { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
        w.put_i32(*(&self.leader_id));
        w.put_i32(*(&self.leader_epoch));
        w.put_i64(*(&self.high_watermark));
        w.put_length(flexible, true, Some((&self.current_voters).len())); for e in (&self.current_voters).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.observers).len())); for e in (&self.observers).iter() { e.write(w, version)?; }
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
        this.error_code = rng.next_u64() as i16;
        if version >= 2 { this.error_message = rng.opt_string(version >= 2); }
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.high_watermark = rng.next_u64() as i64;
        this.current_voters = { let n = rng.len(depth); (0..n).map(|_| ReplicaState::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.observers = { let n = rng.len(depth); (0..n).map(|_| ReplicaState::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaState {
    pub replica_id: i32,
    pub replica_directory_id: p::Uuid,
    pub log_end_offset: i64,
    pub last_fetch_timestamp: i64,
    pub last_caught_up_timestamp: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ReplicaState {
    fn default() -> Self {
        ReplicaState {
            replica_id: 0i32,
            replica_directory_id: p::Uuid::ZERO,
            log_end_offset: 0i64,
            last_fetch_timestamp: -1i64,
            last_caught_up_timestamp: -1i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ReplicaState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 13,
            1..=1 => 29,
            2..=2 => 45,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.replica_id = r.i32()?;
        if version >= 2 { this.replica_directory_id = r.uuid()?; }
        this.log_end_offset = r.i64()?;
        if version >= 1 { this.last_fetch_timestamp = r.i64()?; }
        if version >= 1 { this.last_caught_up_timestamp = r.i64()?; }
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
        if version >= 2 { size += 16; } else if self.replica_directory_id != p::Uuid::ZERO { return Err(p::WireError::FieldNotSupported { message: "ReplicaState", field: "ReplicaDirectoryId", version }); }
        size += 8;
        if version >= 1 { size += 8; }
        if version >= 1 { size += 8; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ReplicaState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.replica_id));
        if version >= 2 { w.put_uuid((&self.replica_directory_id)); }
        w.put_i64(*(&self.log_end_offset));
        if version >= 1 { w.put_i64(*(&self.last_fetch_timestamp)); }
        if version >= 1 { w.put_i64(*(&self.last_caught_up_timestamp)); }
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
impl p::testing::Random for ReplicaState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.replica_id = rng.next_u64() as i32;
        if version >= 2 { this.replica_directory_id = rng.uuid(); }
        this.log_end_offset = rng.next_u64() as i64;
        if version >= 1 { this.last_fetch_timestamp = rng.next_u64() as i64; }
        if version >= 1 { this.last_caught_up_timestamp = rng.next_u64() as i64; }
        if (true) && rng.chance(4) {
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
            0..=2 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
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
        let flexible = true;
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
        let flexible = true;
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
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

