// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `FetchSnapshotResponse` (response), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct FetchSnapshotResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub topics: Vec<TopicSnapshot>,
    pub node_endpoints: Vec<NodeEndpoint>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchSnapshotResponse {
    fn default() -> Self {
        FetchSnapshotResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            topics: Vec::<TopicSnapshot>::new(),
            node_endpoints: Vec::<NodeEndpoint>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchSnapshotResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.topics = r.array(flexible, TopicSnapshot::min_size(version), "FetchSnapshotResponse.Topics", |r| Ok(TopicSnapshot::read(r, version)?))?;
        if (version >= 1) && !(version >= 1) { this.node_endpoints = r.array(flexible, NodeEndpoint::min_size(version), "FetchSnapshotResponse.NodeEndpoints", |r| Ok(NodeEndpoint::read(r, version)?))?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 1 => { this.node_endpoints = r.array(flexible, NodeEndpoint::min_size(version), "FetchSnapshotResponse.NodeEndpoints", |r| Ok(NodeEndpoint::read(r, version)?))?; Ok(true) }
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "FetchSnapshotResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if (version >= 1) && !(version >= 1) { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "FetchSnapshotResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s }; } else if version >= 1 { if self.node_endpoints != Vec::<NodeEndpoint>::new() { let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "FetchSnapshotResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s }; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.node_endpoints != Vec::<NodeEndpoint>::new() { return Err(p::WireError::FieldNotSupported { message: "FetchSnapshotResponse", field: "NodeEndpoints", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FetchSnapshotResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        if (version >= 1) && !(version >= 1) { w.put_length(flexible, true, Some((&self.node_endpoints).len())); for e in (&self.node_endpoints).iter() { e.write(w, version)?; } }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 1 && self.node_endpoints != Vec::<NodeEndpoint>::new() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 1 && self.node_endpoints != Vec::<NodeEndpoint>::new() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "FetchSnapshotResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s };
                w.put_unsigned_varint(s as u32);
                w.put_length(flexible, true, Some((&self.node_endpoints).len())); for e in (&self.node_endpoints).iter() { e.write(w, version)?; }
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for FetchSnapshotResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.topics = { let n = rng.len(depth); (0..n).map(|_| TopicSnapshot::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 1) || (version >= 1) { this.node_endpoints = { let n = rng.len(depth); (0..n).map(|_| NodeEndpoint::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for FetchSnapshotResponse {
    const NAME: &'static str = "FetchSnapshotResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderIdAndEpoch {
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderIdAndEpoch {
    fn default() -> Self {
        LeaderIdAndEpoch {
            leader_id: 0i32,
            leader_epoch: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderIdAndEpoch {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
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
        let flexible = true;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderIdAndEpoch", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
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
impl p::testing::Random for LeaderIdAndEpoch {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeEndpoint {
    pub node_id: i32,
    pub host: String,
    pub port: u16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for NodeEndpoint {
    fn default() -> Self {
        NodeEndpoint {
            node_id: 0i32,
            host: String::new(),
            port: 0u16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for NodeEndpoint {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 1,
            1..=1 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if version >= 1 { this.node_id = r.i32()?; }
        if version >= 1 { this.host = r.string(flexible, "NodeEndpoint.Host")?; }
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
        let flexible = true;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 1 { size += 4; } else if self.node_id != 0i32 { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "NodeId", version }); }
        if version >= 1 { size += p::string_size(flexible, (&self.host), "NodeEndpoint.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Host", version }); }
        if version >= 1 { size += 2; } else if self.port != 0u16 { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Port", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        if version >= 1 { w.put_i32(*(&self.node_id)); }
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
impl p::testing::Random for NodeEndpoint {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.node_id = rng.next_u64() as i32; }
        if version >= 1 { this.host = rng.string(); }
        if version >= 1 { this.port = rng.next_u64() as u16; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionSnapshot {
    pub index: i32,
    pub error_code: i16,
    pub snapshot_id: SnapshotId,
    pub current_leader: LeaderIdAndEpoch,
    pub size: i64,
    pub position: i64,
    pub unaligned_records: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionSnapshot {
    fn default() -> Self {
        PartitionSnapshot {
            index: 0i32,
            error_code: 0i16,
            snapshot_id: SnapshotId::default(),
            current_leader: LeaderIdAndEpoch::default(),
            size: 0i64,
            position: 0i64,
            unaligned_records: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionSnapshot {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 37,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.index = r.i32()?;
        this.error_code = r.i16()?;
        this.snapshot_id = SnapshotId::read(r, version)?;
        if (true) && !(true) { this.current_leader = LeaderIdAndEpoch::read(r, version)?; }
        this.size = r.i64()?;
        this.position = r.i64()?;
        this.unaligned_records = r.bytes(flexible, "PartitionSnapshot.UnalignedRecords")?;
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if true => { this.current_leader = LeaderIdAndEpoch::read(r, version)?; Ok(true) }
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
        size += (&self.snapshot_id).size(version)?;
        if (true) && !(true) { size += (&self.current_leader).size(version)?; } else if true { if self.current_leader != LeaderIdAndEpoch::default() { let s = (&self.current_leader).size(version)?; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.current_leader != LeaderIdAndEpoch::default() { return Err(p::WireError::FieldNotSupported { message: "PartitionSnapshot", field: "CurrentLeader", version }); }
        size += 8;
        size += 8;
        size += p::bytes_size(flexible, (&self.unaligned_records).len(), "PartitionSnapshot.UnalignedRecords")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "PartitionSnapshot", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.index));
        w.put_i16(*(&self.error_code));
        (&self.snapshot_id).write(w, version)?;
        if (true) && !(true) { (&self.current_leader).write(w, version)?; }
        w.put_i64(*(&self.size));
        w.put_i64(*(&self.position));
        w.put_nullable_bytes(flexible, Some(&(&self.unaligned_records)[..]));
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if true && self.current_leader != LeaderIdAndEpoch::default() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if true && self.current_leader != LeaderIdAndEpoch::default() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = (&self.current_leader).size(version)?;
                w.put_unsigned_varint(s as u32);
                (&self.current_leader).write(w, version)?;
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for PartitionSnapshot {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.snapshot_id = SnapshotId::random(rng, version, depth + 1);
        if (true) || (true) { this.current_leader = LeaderIdAndEpoch::random(rng, version, depth + 1); }
        this.size = rng.next_u64() as i64;
        this.position = rng.next_u64() as i64;
        this.unaligned_records = rng.bytes();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotId {
    pub end_offset: i64,
    pub epoch: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SnapshotId {
    fn default() -> Self {
        SnapshotId {
            end_offset: 0i64,
            epoch: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for SnapshotId {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.end_offset = r.i64()?;
        this.epoch = r.i32()?;
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
        size += 8;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "SnapshotId", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i64(*(&self.end_offset));
        w.put_i32(*(&self.epoch));
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
impl p::testing::Random for SnapshotId {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.end_offset = rng.next_u64() as i64;
        this.epoch = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicSnapshot {
    pub name: String,
    pub partitions: Vec<PartitionSnapshot>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicSnapshot {
    fn default() -> Self {
        TopicSnapshot {
            name: String::new(),
            partitions: Vec::<PartitionSnapshot>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicSnapshot {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "TopicSnapshot.Name")?;
        this.partitions = r.array(flexible, PartitionSnapshot::min_size(version), "TopicSnapshot.Partitions", |r| Ok(PartitionSnapshot::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "TopicSnapshot.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicSnapshot.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicSnapshot", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
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
impl p::testing::Random for TopicSnapshot {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| PartitionSnapshot::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

