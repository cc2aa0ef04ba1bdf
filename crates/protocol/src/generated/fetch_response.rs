// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `FetchResponse` (response), versions 4-18.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct FetchResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub session_id: i32,
    pub responses: Vec<FetchableTopicResponse>,
    pub node_endpoints: Vec<NodeEndpoint>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchResponse {
    fn default() -> Self {
        FetchResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            session_id: 0i32,
            responses: Vec::<FetchableTopicResponse>::new(),
            node_endpoints: Vec::<NodeEndpoint>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchResponse {
    fn min_size(version: i16) -> usize {
        match version {
            4..=6 => 8,
            7..=11 => 14,
            12..=18 => 12,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        if version >= 7 { this.error_code = r.i16()?; }
        if version >= 7 { this.session_id = r.i32()?; }
        this.responses = r.array(flexible, FetchableTopicResponse::min_size(version), "FetchResponse.Responses", |r| Ok(FetchableTopicResponse::read(r, version)?))?;
        if (version >= 16) && !(version >= 16) { this.node_endpoints = r.array(flexible, NodeEndpoint::min_size(version), "FetchResponse.NodeEndpoints", |r| Ok(NodeEndpoint::read(r, version)?))?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 16 => { this.node_endpoints = r.array(flexible, NodeEndpoint::min_size(version), "FetchResponse.NodeEndpoints", |r| Ok(NodeEndpoint::read(r, version)?))?; Ok(true) }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 1 { size += 4; }
        if version >= 7 { size += 2; }
        if version >= 7 { size += 4; } else if self.session_id != 0i32 { return Err(p::WireError::FieldNotSupported { message: "FetchResponse", field: "SessionId", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.responses).len()), "FetchResponse.Responses")?; for e in (&self.responses).iter() { s += e.size(version)?; } s };
        if (version >= 16) && !(version >= 16) { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "FetchResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s }; } else if version >= 16 { if self.node_endpoints != Vec::<NodeEndpoint>::new() { let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "FetchResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s }; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.node_endpoints != Vec::<NodeEndpoint>::new() { return Err(p::WireError::FieldNotSupported { message: "FetchResponse", field: "NodeEndpoints", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FetchResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 12;
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        if version >= 7 { w.put_i16(*(&self.error_code)); }
        if version >= 7 { w.put_i32(*(&self.session_id)); }
        w.put_length(flexible, true, Some((&self.responses).len())); for e in (&self.responses).iter() { e.write(w, version)?; }
        if (version >= 16) && !(version >= 16) { w.put_length(flexible, true, Some((&self.node_endpoints).len())); for e in (&self.node_endpoints).iter() { e.write(w, version)?; } }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 16 && self.node_endpoints != Vec::<NodeEndpoint>::new() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 16 && self.node_endpoints != Vec::<NodeEndpoint>::new() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "FetchResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s };
                w.put_unsigned_varint(s as u32);
                w.put_length(flexible, true, Some((&self.node_endpoints).len())); for e in (&self.node_endpoints).iter() { e.write(w, version)?; }
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for FetchResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        if version >= 7 { this.error_code = rng.next_u64() as i16; }
        if version >= 7 { this.session_id = rng.next_u64() as i32; }
        this.responses = { let n = rng.len(depth); (0..n).map(|_| FetchableTopicResponse::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 16) || (version >= 16) { this.node_endpoints = { let n = rng.len(depth); (0..n).map(|_| NodeEndpoint::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for FetchResponse {
    const NAME: &'static str = "FetchResponse";
    const LOWEST_VERSION: i16 = 4;
    const HIGHEST_VERSION: i16 = 18;
    const FLEXIBLE_FROM: Option<i16> = Some(12);
}

#[derive(Debug, Clone, PartialEq)]
pub struct AbortedTransaction {
    pub producer_id: i64,
    pub first_offset: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AbortedTransaction {
    fn default() -> Self {
        AbortedTransaction {
            producer_id: 0i64,
            first_offset: 0i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AbortedTransaction {
    fn min_size(version: i16) -> usize {
        match version {
            4..=11 => 16,
            12..=18 => 17,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if version >= 4 { this.producer_id = r.i64()?; }
        if version >= 4 { this.first_offset = r.i64()?; }
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
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 4 { size += 8; } else if self.producer_id != 0i64 { return Err(p::WireError::FieldNotSupported { message: "AbortedTransaction", field: "ProducerId", version }); }
        if version >= 4 { size += 8; } else if self.first_offset != 0i64 { return Err(p::WireError::FieldNotSupported { message: "AbortedTransaction", field: "FirstOffset", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AbortedTransaction", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 12;
        if version >= 4 { w.put_i64(*(&self.producer_id)); }
        if version >= 4 { w.put_i64(*(&self.first_offset)); }
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
impl p::testing::Random for AbortedTransaction {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 4 { this.producer_id = rng.next_u64() as i64; }
        if version >= 4 { this.first_offset = rng.next_u64() as i64; }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EpochEndOffset {
    pub epoch: i32,
    pub end_offset: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EpochEndOffset {
    fn default() -> Self {
        EpochEndOffset {
            epoch: -1i32,
            end_offset: -1i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for EpochEndOffset {
    fn min_size(version: i16) -> usize {
        match version {
            4..=11 => 0,
            12..=18 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if version >= 12 { this.epoch = r.i32()?; }
        if version >= 12 { this.end_offset = r.i64()?; }
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
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 12 { size += 4; } else if self.epoch != -1i32 { return Err(p::WireError::FieldNotSupported { message: "EpochEndOffset", field: "Epoch", version }); }
        if version >= 12 { size += 8; } else if self.end_offset != -1i64 { return Err(p::WireError::FieldNotSupported { message: "EpochEndOffset", field: "EndOffset", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "EpochEndOffset", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 12;
        if version >= 12 { w.put_i32(*(&self.epoch)); }
        if version >= 12 { w.put_i64(*(&self.end_offset)); }
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
impl p::testing::Random for EpochEndOffset {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 12 { this.epoch = rng.next_u64() as i32; }
        if version >= 12 { this.end_offset = rng.next_u64() as i64; }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchableTopicResponse {
    pub topic: String,
    pub topic_id: p::Uuid,
    pub partitions: Vec<PartitionData>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchableTopicResponse {
    fn default() -> Self {
        FetchableTopicResponse {
            topic: String::new(),
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<PartitionData>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchableTopicResponse {
    fn min_size(version: i16) -> usize {
        match version {
            4..=11 => 6,
            12..=12 => 3,
            13..=18 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if version <= 12 { this.topic = r.string(flexible, "FetchableTopicResponse.Topic")?; }
        if version >= 13 { this.topic_id = r.uuid()?; }
        this.partitions = r.array(flexible, PartitionData::min_size(version), "FetchableTopicResponse.Partitions", |r| Ok(PartitionData::read(r, version)?))?;
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
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version <= 12 { size += p::string_size(flexible, (&self.topic), "FetchableTopicResponse.Topic")?; }
        if version >= 13 { size += 16; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "FetchableTopicResponse.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FetchableTopicResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 12;
        if version <= 12 { w.put_nullable_string(flexible, Some((&self.topic).as_str())); }
        if version >= 13 { w.put_uuid((&self.topic_id)); }
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
impl p::testing::Random for FetchableTopicResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 12 { this.topic = rng.string(); }
        if version >= 13 { this.topic_id = rng.uuid(); }
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| PartitionData::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
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
            leader_id: -1i32,
            leader_epoch: -1i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderIdAndEpoch {
    fn min_size(version: i16) -> usize {
        match version {
            4..=11 => 0,
            12..=18 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if version >= 12 { this.leader_id = r.i32()?; }
        if version >= 12 { this.leader_epoch = r.i32()?; }
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
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 12 { size += 4; } else if self.leader_id != -1i32 { return Err(p::WireError::FieldNotSupported { message: "LeaderIdAndEpoch", field: "LeaderId", version }); }
        if version >= 12 { size += 4; } else if self.leader_epoch != -1i32 { return Err(p::WireError::FieldNotSupported { message: "LeaderIdAndEpoch", field: "LeaderEpoch", version }); }
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
        let flexible = version >= 12;
        if version >= 12 { w.put_i32(*(&self.leader_id)); }
        if version >= 12 { w.put_i32(*(&self.leader_epoch)); }
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
        if version >= 12 { this.leader_id = rng.next_u64() as i32; }
        if version >= 12 { this.leader_epoch = rng.next_u64() as i32; }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeEndpoint {
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for NodeEndpoint {
    fn default() -> Self {
        NodeEndpoint {
            node_id: 0i32,
            host: String::new(),
            port: 0i32,
            rack: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for NodeEndpoint {
    fn min_size(version: i16) -> usize {
        match version {
            4..=11 => 0,
            12..=15 => 1,
            16..=18 => 11,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if version >= 16 { this.node_id = r.i32()?; }
        if version >= 16 { this.host = r.string(flexible, "NodeEndpoint.Host")?; }
        if version >= 16 { this.port = r.i32()?; }
        if version >= 16 { this.rack = r.string_opt(flexible, version >= 16, "NodeEndpoint.Rack")?; }
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
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 16 { size += 4; } else if self.node_id != 0i32 { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "NodeId", version }); }
        if version >= 16 { size += p::string_size(flexible, (&self.host), "NodeEndpoint.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Host", version }); }
        if version >= 16 { size += 4; } else if self.port != 0i32 { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Port", version }); }
        if version >= 16 { size += p::opt_string_size(flexible, version >= 16, (&self.rack).as_deref(), "NodeEndpoint.Rack")?; } else if self.rack != None { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Rack", version }); }
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
        let flexible = version >= 12;
        if version >= 16 { w.put_i32(*(&self.node_id)); }
        if version >= 16 { w.put_nullable_string(flexible, Some((&self.host).as_str())); }
        if version >= 16 { w.put_i32(*(&self.port)); }
        if version >= 16 { w.put_nullable_string(flexible, (&self.rack).as_deref()); }
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
        if version >= 16 { this.node_id = rng.next_u64() as i32; }
        if version >= 16 { this.host = rng.string(); }
        if version >= 16 { this.port = rng.next_u64() as i32; }
        if version >= 16 { this.rack = rng.opt_string(version >= 16); }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionData {
    pub partition_index: i32,
    pub error_code: i16,
    pub high_watermark: i64,
    pub last_stable_offset: i64,
    pub log_start_offset: i64,
    pub diverging_epoch: EpochEndOffset,
    pub current_leader: LeaderIdAndEpoch,
    pub snapshot_id: SnapshotId,
    pub aborted_transactions: Option<Vec<AbortedTransaction>>,
    pub preferred_read_replica: i32,
    pub records: Option<Bytes>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        PartitionData {
            partition_index: 0i32,
            error_code: 0i16,
            high_watermark: 0i64,
            last_stable_offset: -1i64,
            log_start_offset: -1i64,
            diverging_epoch: EpochEndOffset::default(),
            current_leader: LeaderIdAndEpoch::default(),
            snapshot_id: SnapshotId::default(),
            aborted_transactions: Some(Vec::<AbortedTransaction>::new()),
            preferred_read_replica: -1i32,
            records: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionData {
    fn min_size(version: i16) -> usize {
        match version {
            4..=4 => 30,
            5..=10 => 38,
            11..=11 => 42,
            12..=18 => 37,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.error_code = r.i16()?;
        this.high_watermark = r.i64()?;
        if version >= 4 { this.last_stable_offset = r.i64()?; }
        if version >= 5 { this.log_start_offset = r.i64()?; }
        if (version >= 12) && !(version >= 12) { this.diverging_epoch = EpochEndOffset::read(r, version)?; }
        if (version >= 12) && !(version >= 12) { this.current_leader = LeaderIdAndEpoch::read(r, version)?; }
        if (version >= 12) && !(version >= 12) { this.snapshot_id = SnapshotId::read(r, version)?; }
        if version >= 4 { this.aborted_transactions = r.array_opt(flexible, version >= 4, AbortedTransaction::min_size(version), "PartitionData.AbortedTransactions", |r| Ok(AbortedTransaction::read(r, version)?))?; }
        if version >= 11 { this.preferred_read_replica = r.i32()?; }
        this.records = r.bytes_opt(flexible, true, "PartitionData.Records")?;
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 12 => { this.diverging_epoch = EpochEndOffset::read(r, version)?; Ok(true) }
                    1 if version >= 12 => { this.current_leader = LeaderIdAndEpoch::read(r, version)?; Ok(true) }
                    2 if version >= 12 => { this.snapshot_id = SnapshotId::read(r, version)?; Ok(true) }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 2;
        size += 8;
        if version >= 4 { size += 8; }
        if version >= 5 { size += 8; }
        if (version >= 12) && !(version >= 12) { size += (&self.diverging_epoch).size(version)?; } else if version >= 12 { if self.diverging_epoch != EpochEndOffset::default() { let s = (&self.diverging_epoch).size(version)?; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.diverging_epoch != EpochEndOffset::default() { return Err(p::WireError::FieldNotSupported { message: "PartitionData", field: "DivergingEpoch", version }); }
        if (version >= 12) && !(version >= 12) { size += (&self.current_leader).size(version)?; } else if version >= 12 { if self.current_leader != LeaderIdAndEpoch::default() { let s = (&self.current_leader).size(version)?; tagged_count += 1; tagged_size += p::unsigned_varint_size(1) + p::unsigned_varint_size(s as u32) + s; } } else if self.current_leader != LeaderIdAndEpoch::default() { return Err(p::WireError::FieldNotSupported { message: "PartitionData", field: "CurrentLeader", version }); }
        if (version >= 12) && !(version >= 12) { size += (&self.snapshot_id).size(version)?; } else if version >= 12 { if self.snapshot_id != SnapshotId::default() { let s = (&self.snapshot_id).size(version)?; tagged_count += 1; tagged_size += p::unsigned_varint_size(2) + p::unsigned_varint_size(s as u32) + s; } } else if self.snapshot_id != SnapshotId::default() { return Err(p::WireError::FieldNotSupported { message: "PartitionData", field: "SnapshotId", version }); }
        if version >= 4 { size += match (&self.aborted_transactions) { None => p::array_prefix_size(flexible, version >= 4, None, "PartitionData.AbortedTransactions")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "PartitionData.AbortedTransactions")?; for e in a.iter() { s += e.size(version)?; } s } }; }
        if version >= 11 { size += 4; } else if self.preferred_read_replica != -1i32 { return Err(p::WireError::FieldNotSupported { message: "PartitionData", field: "PreferredReadReplica", version }); }
        size += p::opt_bytes_size(flexible, true, (&self.records).as_ref().map(|b| b.len()), "PartitionData.Records")?;
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
        let flexible = version >= 12;
        w.put_i32(*(&self.partition_index));
        w.put_i16(*(&self.error_code));
        w.put_i64(*(&self.high_watermark));
        if version >= 4 { w.put_i64(*(&self.last_stable_offset)); }
        if version >= 5 { w.put_i64(*(&self.log_start_offset)); }
        if (version >= 12) && !(version >= 12) { (&self.diverging_epoch).write(w, version)?; }
        if (version >= 12) && !(version >= 12) { (&self.current_leader).write(w, version)?; }
        if (version >= 12) && !(version >= 12) { (&self.snapshot_id).write(w, version)?; }
        if version >= 4 { match (&self.aborted_transactions) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } } }
        if version >= 11 { w.put_i32(*(&self.preferred_read_replica)); }
        w.put_nullable_bytes(flexible, (&self.records).as_deref());
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 12 && self.diverging_epoch != EpochEndOffset::default() { count += 1; }
            if version >= 12 && self.current_leader != LeaderIdAndEpoch::default() { count += 1; }
            if version >= 12 && self.snapshot_id != SnapshotId::default() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 12 && self.diverging_epoch != EpochEndOffset::default() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = (&self.diverging_epoch).size(version)?;
                w.put_unsigned_varint(s as u32);
                (&self.diverging_epoch).write(w, version)?;
            }
            if version >= 12 && self.current_leader != LeaderIdAndEpoch::default() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1);
                next_tag = 1;
                w.put_unsigned_varint(1);
                let s = (&self.current_leader).size(version)?;
                w.put_unsigned_varint(s as u32);
                (&self.current_leader).write(w, version)?;
            }
            if version >= 12 && self.snapshot_id != SnapshotId::default() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..2);
                next_tag = 2;
                w.put_unsigned_varint(2);
                let s = (&self.snapshot_id).size(version)?;
                w.put_unsigned_varint(s as u32);
                (&self.snapshot_id).write(w, version)?;
            }
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
        this.high_watermark = rng.next_u64() as i64;
        if version >= 4 { this.last_stable_offset = rng.next_u64() as i64; }
        if version >= 5 { this.log_start_offset = rng.next_u64() as i64; }
        if (version >= 12) || (version >= 12) { this.diverging_epoch = EpochEndOffset::random(rng, version, depth + 1); }
        if (version >= 12) || (version >= 12) { this.current_leader = LeaderIdAndEpoch::random(rng, version, depth + 1); }
        if (version >= 12) || (version >= 12) { this.snapshot_id = SnapshotId::random(rng, version, depth + 1); }
        if version >= 4 { this.aborted_transactions = if version >= 4 && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| AbortedTransaction::random(rng, version, depth + 1)).collect::<Vec<_>>() }) }; }
        if version >= 11 { this.preferred_read_replica = rng.next_u64() as i32; }
        this.records = rng.opt_bytes(true);
        if (version >= 12) && rng.chance(4) {
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
            end_offset: -1i64,
            epoch: -1i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for SnapshotId {
    fn min_size(version: i16) -> usize {
        match version {
            4..=11 => 12,
            12..=18 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
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
        let flexible = version >= 12;
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
        let flexible = version >= 12;
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
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

