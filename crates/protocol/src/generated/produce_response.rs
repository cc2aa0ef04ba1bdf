// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ProduceResponse` (response), versions 3-13.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ProduceResponse {
    pub responses: Vec<TopicProduceResponse>,
    pub throttle_time_ms: i32,
    pub node_endpoints: Vec<NodeEndpoint>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ProduceResponse {
    fn default() -> Self {
        ProduceResponse {
            responses: Vec::<TopicProduceResponse>::new(),
            throttle_time_ms: 0i32,
            node_endpoints: Vec::<NodeEndpoint>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ProduceResponse {
    fn min_size(version: i16) -> usize {
        match version {
            3..=8 => 8,
            9..=13 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        this.responses = r.array(flexible, TopicProduceResponse::min_size(version), "ProduceResponse.Responses", |r| Ok(TopicProduceResponse::read(r, version)?))?;
        if version >= 1 { this.throttle_time_ms = r.i32()?; }
        if (version >= 10) && !(version >= 10) { this.node_endpoints = r.array(flexible, NodeEndpoint::min_size(version), "ProduceResponse.NodeEndpoints", |r| Ok(NodeEndpoint::read(r, version)?))?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 10 => { this.node_endpoints = r.array(flexible, NodeEndpoint::min_size(version), "ProduceResponse.NodeEndpoints", |r| Ok(NodeEndpoint::read(r, version)?))?; Ok(true) }
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.responses).len()), "ProduceResponse.Responses")?; for e in (&self.responses).iter() { s += e.size(version)?; } s };
        if version >= 1 { size += 4; }
        if (version >= 10) && !(version >= 10) { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "ProduceResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s }; } else if version >= 10 { if self.node_endpoints != Vec::<NodeEndpoint>::new() { let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "ProduceResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s }; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.node_endpoints != Vec::<NodeEndpoint>::new() { return Err(p::WireError::FieldNotSupported { message: "ProduceResponse", field: "NodeEndpoints", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ProduceResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        w.put_length(flexible, true, Some((&self.responses).len())); for e in (&self.responses).iter() { e.write(w, version)?; }
        if version >= 1 { w.put_i32(*(&self.throttle_time_ms)); }
        if (version >= 10) && !(version >= 10) { w.put_length(flexible, true, Some((&self.node_endpoints).len())); for e in (&self.node_endpoints).iter() { e.write(w, version)?; } }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 10 && self.node_endpoints != Vec::<NodeEndpoint>::new() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 10 && self.node_endpoints != Vec::<NodeEndpoint>::new() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = { let mut s = p::array_prefix_size(flexible, false, Some((&self.node_endpoints).len()), "ProduceResponse.NodeEndpoints")?; for e in (&self.node_endpoints).iter() { s += e.size(version)?; } s };
                w.put_unsigned_varint(s as u32);
                w.put_length(flexible, true, Some((&self.node_endpoints).len())); for e in (&self.node_endpoints).iter() { e.write(w, version)?; }
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ProduceResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.responses = { let n = rng.len(depth); (0..n).map(|_| TopicProduceResponse::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 1 { this.throttle_time_ms = rng.next_u64() as i32; }
        if (version >= 10) || (version >= 10) { this.node_endpoints = { let n = rng.len(depth); (0..n).map(|_| NodeEndpoint::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ProduceResponse {
    const NAME: &'static str = "ProduceResponse";
    const LOWEST_VERSION: i16 = 3;
    const HIGHEST_VERSION: i16 = 13;
    const FLEXIBLE_FROM: Option<i16> = Some(9);
}

#[derive(Debug, Clone, PartialEq)]
pub struct BatchIndexAndErrorMessage {
    pub batch_index: i32,
    pub batch_index_error_message: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BatchIndexAndErrorMessage {
    fn default() -> Self {
        BatchIndexAndErrorMessage {
            batch_index: 0i32,
            batch_index_error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for BatchIndexAndErrorMessage {
    fn min_size(version: i16) -> usize {
        match version {
            3..=7 => 0,
            8..=13 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version >= 8 { this.batch_index = r.i32()?; }
        if version >= 8 { this.batch_index_error_message = r.string_opt(flexible, version >= 8, "BatchIndexAndErrorMessage.BatchIndexErrorMessage")?; }
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
        if version >= 8 { size += 4; } else if self.batch_index != 0i32 { return Err(p::WireError::FieldNotSupported { message: "BatchIndexAndErrorMessage", field: "BatchIndex", version }); }
        if version >= 8 { size += p::opt_string_size(flexible, version >= 8, (&self.batch_index_error_message).as_deref(), "BatchIndexAndErrorMessage.BatchIndexErrorMessage")?; } else if self.batch_index_error_message != None { return Err(p::WireError::FieldNotSupported { message: "BatchIndexAndErrorMessage", field: "BatchIndexErrorMessage", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "BatchIndexAndErrorMessage", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        if version >= 8 { w.put_i32(*(&self.batch_index)); }
        if version >= 8 { w.put_nullable_string(flexible, (&self.batch_index_error_message).as_deref()); }
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
impl p::testing::Random for BatchIndexAndErrorMessage {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 8 { this.batch_index = rng.next_u64() as i32; }
        if version >= 8 { this.batch_index_error_message = rng.opt_string(version >= 8); }
        if (version >= 9) && rng.chance(4) {
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
            3..=8 => 0,
            9..=9 => 1,
            10..=13 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version >= 10 { this.leader_id = r.i32()?; }
        if version >= 10 { this.leader_epoch = r.i32()?; }
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
        if version >= 10 { size += 4; } else if self.leader_id != -1i32 { return Err(p::WireError::FieldNotSupported { message: "LeaderIdAndEpoch", field: "LeaderId", version }); }
        if version >= 10 { size += 4; } else if self.leader_epoch != -1i32 { return Err(p::WireError::FieldNotSupported { message: "LeaderIdAndEpoch", field: "LeaderEpoch", version }); }
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
        let flexible = version >= 9;
        if version >= 10 { w.put_i32(*(&self.leader_id)); }
        if version >= 10 { w.put_i32(*(&self.leader_epoch)); }
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
        if version >= 10 { this.leader_id = rng.next_u64() as i32; }
        if version >= 10 { this.leader_epoch = rng.next_u64() as i32; }
        if (version >= 9) && rng.chance(4) {
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
            3..=8 => 0,
            9..=9 => 1,
            10..=13 => 11,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version >= 10 { this.node_id = r.i32()?; }
        if version >= 10 { this.host = r.string(flexible, "NodeEndpoint.Host")?; }
        if version >= 10 { this.port = r.i32()?; }
        if version >= 10 { this.rack = r.string_opt(flexible, version >= 10, "NodeEndpoint.Rack")?; }
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
        if version >= 10 { size += 4; } else if self.node_id != 0i32 { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "NodeId", version }); }
        if version >= 10 { size += p::string_size(flexible, (&self.host), "NodeEndpoint.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Host", version }); }
        if version >= 10 { size += 4; } else if self.port != 0i32 { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Port", version }); }
        if version >= 10 { size += p::opt_string_size(flexible, version >= 10, (&self.rack).as_deref(), "NodeEndpoint.Rack")?; } else if self.rack != None { return Err(p::WireError::FieldNotSupported { message: "NodeEndpoint", field: "Rack", version }); }
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
        let flexible = version >= 9;
        if version >= 10 { w.put_i32(*(&self.node_id)); }
        if version >= 10 { w.put_nullable_string(flexible, Some((&self.host).as_str())); }
        if version >= 10 { w.put_i32(*(&self.port)); }
        if version >= 10 { w.put_nullable_string(flexible, (&self.rack).as_deref()); }
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
        if version >= 10 { this.node_id = rng.next_u64() as i32; }
        if version >= 10 { this.host = rng.string(); }
        if version >= 10 { this.port = rng.next_u64() as i32; }
        if version >= 10 { this.rack = rng.opt_string(version >= 10); }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionProduceResponse {
    pub index: i32,
    pub error_code: i16,
    pub base_offset: i64,
    pub log_append_time_ms: i64,
    pub log_start_offset: i64,
    pub record_errors: Vec<BatchIndexAndErrorMessage>,
    pub error_message: Option<String>,
    pub current_leader: LeaderIdAndEpoch,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionProduceResponse {
    fn default() -> Self {
        PartitionProduceResponse {
            index: 0i32,
            error_code: 0i16,
            base_offset: 0i64,
            log_append_time_ms: -1i64,
            log_start_offset: -1i64,
            record_errors: Vec::<BatchIndexAndErrorMessage>::new(),
            error_message: None,
            current_leader: LeaderIdAndEpoch::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionProduceResponse {
    fn min_size(version: i16) -> usize {
        match version {
            3..=4 => 22,
            5..=7 => 30,
            8..=8 => 36,
            9..=13 => 33,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        this.index = r.i32()?;
        this.error_code = r.i16()?;
        this.base_offset = r.i64()?;
        if version >= 2 { this.log_append_time_ms = r.i64()?; }
        if version >= 5 { this.log_start_offset = r.i64()?; }
        if version >= 8 { this.record_errors = r.array(flexible, BatchIndexAndErrorMessage::min_size(version), "PartitionProduceResponse.RecordErrors", |r| Ok(BatchIndexAndErrorMessage::read(r, version)?))?; }
        if version >= 8 { this.error_message = r.string_opt(flexible, version >= 8, "PartitionProduceResponse.ErrorMessage")?; }
        if (version >= 10) && !(version >= 10) { this.current_leader = LeaderIdAndEpoch::read(r, version)?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 10 => { this.current_leader = LeaderIdAndEpoch::read(r, version)?; Ok(true) }
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
        size += 2;
        size += 8;
        if version >= 2 { size += 8; }
        if version >= 5 { size += 8; }
        if version >= 8 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.record_errors).len()), "PartitionProduceResponse.RecordErrors")?; for e in (&self.record_errors).iter() { s += e.size(version)?; } s }; }
        if version >= 8 { size += p::opt_string_size(flexible, version >= 8, (&self.error_message).as_deref(), "PartitionProduceResponse.ErrorMessage")?; }
        if (version >= 10) && !(version >= 10) { size += (&self.current_leader).size(version)?; } else if version >= 10 { if self.current_leader != LeaderIdAndEpoch::default() { let s = (&self.current_leader).size(version)?; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.current_leader != LeaderIdAndEpoch::default() { return Err(p::WireError::FieldNotSupported { message: "PartitionProduceResponse", field: "CurrentLeader", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "PartitionProduceResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        w.put_i32(*(&self.index));
        w.put_i16(*(&self.error_code));
        w.put_i64(*(&self.base_offset));
        if version >= 2 { w.put_i64(*(&self.log_append_time_ms)); }
        if version >= 5 { w.put_i64(*(&self.log_start_offset)); }
        if version >= 8 { w.put_length(flexible, true, Some((&self.record_errors).len())); for e in (&self.record_errors).iter() { e.write(w, version)?; } }
        if version >= 8 { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
        if (version >= 10) && !(version >= 10) { (&self.current_leader).write(w, version)?; }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 10 && self.current_leader != LeaderIdAndEpoch::default() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 10 && self.current_leader != LeaderIdAndEpoch::default() {
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
impl p::testing::Random for PartitionProduceResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.base_offset = rng.next_u64() as i64;
        if version >= 2 { this.log_append_time_ms = rng.next_u64() as i64; }
        if version >= 5 { this.log_start_offset = rng.next_u64() as i64; }
        if version >= 8 { this.record_errors = { let n = rng.len(depth); (0..n).map(|_| BatchIndexAndErrorMessage::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 8 { this.error_message = rng.opt_string(version >= 8); }
        if (version >= 10) || (version >= 10) { this.current_leader = LeaderIdAndEpoch::random(rng, version, depth + 1); }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicProduceResponse {
    pub name: String,
    pub topic_id: p::Uuid,
    pub partition_responses: Vec<PartitionProduceResponse>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicProduceResponse {
    fn default() -> Self {
        TopicProduceResponse {
            name: String::new(),
            topic_id: p::Uuid::ZERO,
            partition_responses: Vec::<PartitionProduceResponse>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicProduceResponse {
    fn min_size(version: i16) -> usize {
        match version {
            3..=8 => 6,
            9..=12 => 3,
            13..=13 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version <= 12 { this.name = r.string(flexible, "TopicProduceResponse.Name")?; }
        if version >= 13 { this.topic_id = r.uuid()?; }
        this.partition_responses = r.array(flexible, PartitionProduceResponse::min_size(version), "TopicProduceResponse.PartitionResponses", |r| Ok(PartitionProduceResponse::read(r, version)?))?;
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
        if version <= 12 { size += p::string_size(flexible, (&self.name), "TopicProduceResponse.Name")?; }
        if version >= 13 { size += 16; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_responses).len()), "TopicProduceResponse.PartitionResponses")?; for e in (&self.partition_responses).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicProduceResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        if version <= 12 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 13 { w.put_uuid((&self.topic_id)); }
        w.put_length(flexible, true, Some((&self.partition_responses).len())); for e in (&self.partition_responses).iter() { e.write(w, version)?; }
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
impl p::testing::Random for TopicProduceResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 12 { this.name = rng.string(); }
        if version >= 13 { this.topic_id = rng.uuid(); }
        this.partition_responses = { let n = rng.len(depth); (0..n).map(|_| PartitionProduceResponse::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

