// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `MetadataResponse` (response), versions 0-13.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponse {
    pub throttle_time_ms: i32,
    pub brokers: Vec<MetadataResponseBroker>,
    pub cluster_id: Option<String>,
    pub controller_id: i32,
    pub topics: Vec<MetadataResponseTopic>,
    pub cluster_authorized_operations: i32,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponse {
    fn default() -> Self {
        MetadataResponse {
            throttle_time_ms: 0i32,
            brokers: Vec::<MetadataResponseBroker>::new(),
            cluster_id: None,
            controller_id: -1i32,
            topics: Vec::<MetadataResponseTopic>::new(),
            cluster_authorized_operations: -2147483648i32,
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MetadataResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 12,
            2..=2 => 14,
            3..=7 => 18,
            8..=8 => 22,
            9..=10 => 16,
            11..=12 => 12,
            13..=13 => 14,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version >= 3 { this.throttle_time_ms = r.i32()?; }
        this.brokers = r.array(flexible, MetadataResponseBroker::min_size(version), "MetadataResponse.Brokers", |r| Ok(MetadataResponseBroker::read(r, version)?))?;
        if version >= 2 { this.cluster_id = r.string_opt(flexible, version >= 2, "MetadataResponse.ClusterId")?; }
        if version >= 1 { this.controller_id = r.i32()?; }
        this.topics = r.array(flexible, MetadataResponseTopic::min_size(version), "MetadataResponse.Topics", |r| Ok(MetadataResponseTopic::read(r, version)?))?;
        if (8..=10).contains(&version) { this.cluster_authorized_operations = r.i32()?; }
        if version >= 13 { this.error_code = r.i16()?; }
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
        if version >= 3 { size += 4; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.brokers).len()), "MetadataResponse.Brokers")?; for e in (&self.brokers).iter() { s += e.size(version)?; } s };
        if version >= 2 { size += p::opt_string_size(flexible, version >= 2, (&self.cluster_id).as_deref(), "MetadataResponse.ClusterId")?; }
        if version >= 1 { size += 4; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "MetadataResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if (8..=10).contains(&version) { size += 4; } else if self.cluster_authorized_operations != -2147483648i32 { return Err(p::WireError::FieldNotSupported { message: "MetadataResponse", field: "ClusterAuthorizedOperations", version }); }
        if version >= 13 { size += 2; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MetadataResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        if version >= 3 { w.put_i32(*(&self.throttle_time_ms)); }
        w.put_length(flexible, true, Some((&self.brokers).len())); for e in (&self.brokers).iter() { e.write(w, version)?; }
        if version >= 2 { w.put_nullable_string(flexible, (&self.cluster_id).as_deref()); }
        if version >= 1 { w.put_i32(*(&self.controller_id)); }
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        if (8..=10).contains(&version) { w.put_i32(*(&self.cluster_authorized_operations)); }
        if version >= 13 { w.put_i16(*(&self.error_code)); }
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
impl p::testing::Random for MetadataResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.throttle_time_ms = rng.next_u64() as i32; }
        this.brokers = { let n = rng.len(depth); (0..n).map(|_| MetadataResponseBroker::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 2 { this.cluster_id = rng.opt_string(version >= 2); }
        if version >= 1 { this.controller_id = rng.next_u64() as i32; }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| MetadataResponseTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (8..=10).contains(&version) { this.cluster_authorized_operations = rng.next_u64() as i32; }
        if version >= 13 { this.error_code = rng.next_u64() as i16; }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for MetadataResponse {
    const NAME: &'static str = "MetadataResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 13;
    const FLEXIBLE_FROM: Option<i16> = Some(9);
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponseBroker {
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponseBroker {
    fn default() -> Self {
        MetadataResponseBroker {
            node_id: 0i32,
            host: String::new(),
            port: 0i32,
            rack: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MetadataResponseBroker {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 10,
            1..=8 => 12,
            9..=13 => 11,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        this.node_id = r.i32()?;
        this.host = r.string(flexible, "MetadataResponseBroker.Host")?;
        this.port = r.i32()?;
        if version >= 1 { this.rack = r.string_opt(flexible, version >= 1, "MetadataResponseBroker.Rack")?; }
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
        size += p::string_size(flexible, (&self.host), "MetadataResponseBroker.Host")?;
        size += 4;
        if version >= 1 { size += p::opt_string_size(flexible, version >= 1, (&self.rack).as_deref(), "MetadataResponseBroker.Rack")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MetadataResponseBroker", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        w.put_i32(*(&self.node_id));
        w.put_nullable_string(flexible, Some((&self.host).as_str()));
        w.put_i32(*(&self.port));
        if version >= 1 { w.put_nullable_string(flexible, (&self.rack).as_deref()); }
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
impl p::testing::Random for MetadataResponseBroker {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.node_id = rng.next_u64() as i32;
        this.host = rng.string();
        this.port = rng.next_u64() as i32;
        if version >= 1 { this.rack = rng.opt_string(version >= 1); }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponsePartition {
    pub error_code: i16,
    pub partition_index: i32,
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub replica_nodes: Vec<i32>,
    pub isr_nodes: Vec<i32>,
    pub offline_replicas: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponsePartition {
    fn default() -> Self {
        MetadataResponsePartition {
            error_code: 0i16,
            partition_index: 0i32,
            leader_id: 0i32,
            leader_epoch: -1i32,
            replica_nodes: Vec::<i32>::new(),
            isr_nodes: Vec::<i32>::new(),
            offline_replicas: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MetadataResponsePartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=4 => 18,
            5..=6 => 22,
            7..=8 => 26,
            9..=13 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.partition_index = r.i32()?;
        this.leader_id = r.i32()?;
        if version >= 7 { this.leader_epoch = r.i32()?; }
        this.replica_nodes = r.array(flexible, 4, "MetadataResponsePartition.ReplicaNodes", |r| Ok(r.i32()?))?;
        this.isr_nodes = r.array(flexible, 4, "MetadataResponsePartition.IsrNodes", |r| Ok(r.i32()?))?;
        if version >= 5 { this.offline_replicas = r.array(flexible, 4, "MetadataResponsePartition.OfflineReplicas", |r| Ok(r.i32()?))?; }
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
        size += 2;
        size += 4;
        size += 4;
        if version >= 7 { size += 4; }
        size += p::array_prefix_size(flexible, false, Some((&self.replica_nodes).len()), "MetadataResponsePartition.ReplicaNodes")? + (&self.replica_nodes).len() * 4;
        size += p::array_prefix_size(flexible, false, Some((&self.isr_nodes).len()), "MetadataResponsePartition.IsrNodes")? + (&self.isr_nodes).len() * 4;
        if version >= 5 { size += p::array_prefix_size(flexible, false, Some((&self.offline_replicas).len()), "MetadataResponsePartition.OfflineReplicas")? + (&self.offline_replicas).len() * 4; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MetadataResponsePartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        w.put_i16(*(&self.error_code));
        w.put_i32(*(&self.partition_index));
        w.put_i32(*(&self.leader_id));
        if version >= 7 { w.put_i32(*(&self.leader_epoch)); }
        w.put_length(flexible, true, Some((&self.replica_nodes).len())); for e in (&self.replica_nodes).iter() { w.put_i32(*e); }
        w.put_length(flexible, true, Some((&self.isr_nodes).len())); for e in (&self.isr_nodes).iter() { w.put_i32(*e); }
        if version >= 5 { w.put_length(flexible, true, Some((&self.offline_replicas).len())); for e in (&self.offline_replicas).iter() { w.put_i32(*e); } }
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
impl p::testing::Random for MetadataResponsePartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.partition_index = rng.next_u64() as i32;
        this.leader_id = rng.next_u64() as i32;
        if version >= 7 { this.leader_epoch = rng.next_u64() as i32; }
        this.replica_nodes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        this.isr_nodes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if version >= 5 { this.offline_replicas = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponseTopic {
    pub error_code: i16,
    pub name: Option<String>,
    pub topic_id: p::Uuid,
    pub is_internal: bool,
    pub partitions: Vec<MetadataResponsePartition>,
    pub topic_authorized_operations: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponseTopic {
    fn default() -> Self {
        MetadataResponseTopic {
            error_code: 0i16,
            name: Some(String::new()),
            topic_id: p::Uuid::ZERO,
            is_internal: false,
            partitions: Vec::<MetadataResponsePartition>::new(),
            topic_authorized_operations: -2147483648i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MetadataResponseTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=7 => 9,
            8..=8 => 13,
            9..=9 => 10,
            10..=13 => 26,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.name = r.string_opt(flexible, version >= 12, "MetadataResponseTopic.Name")?;
        if version >= 10 { this.topic_id = r.uuid()?; }
        if version >= 1 { this.is_internal = r.bool()?; }
        this.partitions = r.array(flexible, MetadataResponsePartition::min_size(version), "MetadataResponseTopic.Partitions", |r| Ok(MetadataResponsePartition::read(r, version)?))?;
        if version >= 8 { this.topic_authorized_operations = r.i32()?; }
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
        size += 2;
        size += p::opt_string_size(flexible, version >= 12, (&self.name).as_deref(), "MetadataResponseTopic.Name")?;
        if version >= 10 { size += 16; }
        if version >= 1 { size += 1; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "MetadataResponseTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if version >= 8 { size += 4; } else if self.topic_authorized_operations != -2147483648i32 { return Err(p::WireError::FieldNotSupported { message: "MetadataResponseTopic", field: "TopicAuthorizedOperations", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MetadataResponseTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.name).as_deref());
        if version >= 10 { w.put_uuid((&self.topic_id)); }
        if version >= 1 { w.put_bool(*(&self.is_internal)); }
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { e.write(w, version)?; }
        if version >= 8 { w.put_i32(*(&self.topic_authorized_operations)); }
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
impl p::testing::Random for MetadataResponseTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.name = rng.opt_string(version >= 12);
        if version >= 10 { this.topic_id = rng.uuid(); }
        if version >= 1 { this.is_internal = rng.bool(); }
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| MetadataResponsePartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 8 { this.topic_authorized_operations = rng.next_u64() as i32; }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

