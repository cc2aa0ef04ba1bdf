// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `UpdateMetadataRequest` (request), versions 0-8.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateMetadataRequest {
    pub controller_id: i32,
    pub is_k_raft_controller: bool,
    pub r#type: i8,
    pub controller_epoch: i32,
    pub broker_epoch: i64,
    pub ungrouped_partition_states: Vec<UpdateMetadataPartitionState>,
    pub topic_states: Vec<UpdateMetadataTopicState>,
    pub live_brokers: Vec<UpdateMetadataBroker>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateMetadataRequest {
    fn default() -> Self {
        UpdateMetadataRequest {
            controller_id: 0i32,
            is_k_raft_controller: false,
            r#type: 0i8,
            controller_epoch: 0i32,
            broker_epoch: -1i64,
            ungrouped_partition_states: Vec::<UpdateMetadataPartitionState>::new(),
            topic_states: Vec::<UpdateMetadataTopicState>::new(),
            live_brokers: Vec::<UpdateMetadataBroker>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UpdateMetadataRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=4 => 16,
            5..=5 => 24,
            6..=7 => 19,
            8..=8 => 20,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        this.controller_id = r.i32()?;
        if version >= 8 { this.is_k_raft_controller = r.bool()?; }
        if (version >= 8) && !(version >= 8) { this.r#type = r.i8()?; }
        this.controller_epoch = r.i32()?;
        if version >= 5 { this.broker_epoch = r.i64()?; }
        if version <= 4 { this.ungrouped_partition_states = r.array(flexible, UpdateMetadataPartitionState::min_size(version), "UpdateMetadataRequest.UngroupedPartitionStates", |r| Ok(UpdateMetadataPartitionState::read(r, version)?))?; }
        if version >= 5 { this.topic_states = r.array(flexible, UpdateMetadataTopicState::min_size(version), "UpdateMetadataRequest.TopicStates", |r| Ok(UpdateMetadataTopicState::read(r, version)?))?; }
        this.live_brokers = r.array(flexible, UpdateMetadataBroker::min_size(version), "UpdateMetadataRequest.LiveBrokers", |r| Ok(UpdateMetadataBroker::read(r, version)?))?;
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 8 => { this.r#type = r.i8()?; Ok(true) }
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
        size += 4;
        if version >= 8 { size += 1; } else if self.is_k_raft_controller != false { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataRequest", field: "isKRaftController", version }); }
        if (version >= 8) && !(version >= 8) { size += 1; } else if version >= 8 { if self.r#type != 0i8 { let s = 1; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.r#type != 0i8 { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataRequest", field: "Type", version }); }
        size += 4;
        if version >= 5 { size += 8; }
        if version <= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.ungrouped_partition_states).len()), "UpdateMetadataRequest.UngroupedPartitionStates")?; for e in (&self.ungrouped_partition_states).iter() { s += e.size(version)?; } s }; } else if self.ungrouped_partition_states != Vec::<UpdateMetadataPartitionState>::new() { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataRequest", field: "UngroupedPartitionStates", version }); }
        if version >= 5 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_states).len()), "UpdateMetadataRequest.TopicStates")?; for e in (&self.topic_states).iter() { s += e.size(version)?; } s }; } else if self.topic_states != Vec::<UpdateMetadataTopicState>::new() { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataRequest", field: "TopicStates", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.live_brokers).len()), "UpdateMetadataRequest.LiveBrokers")?; for e in (&self.live_brokers).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        w.put_i32(*(&self.controller_id));
        if version >= 8 { w.put_bool(*(&self.is_k_raft_controller)); }
        if (version >= 8) && !(version >= 8) { w.put_i8(*(&self.r#type)); }
        w.put_i32(*(&self.controller_epoch));
        if version >= 5 { w.put_i64(*(&self.broker_epoch)); }
        if version <= 4 { w.put_length(flexible, true, Some((&self.ungrouped_partition_states).len())); for e in (&self.ungrouped_partition_states).iter() { e.write(w, version)?; } }
        if version >= 5 { w.put_length(flexible, true, Some((&self.topic_states).len())); for e in (&self.topic_states).iter() { e.write(w, version)?; } }
        w.put_length(flexible, true, Some((&self.live_brokers).len())); for e in (&self.live_brokers).iter() { e.write(w, version)?; }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 8 && self.r#type != 0i8 { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 8 && self.r#type != 0i8 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 1;
                w.put_unsigned_varint(s as u32);
                w.put_i8(*(&self.r#type));
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for UpdateMetadataRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.controller_id = rng.next_u64() as i32;
        if version >= 8 { this.is_k_raft_controller = rng.bool(); }
        if (version >= 8) || (version >= 8) { this.r#type = rng.next_u64() as i8; }
        this.controller_epoch = rng.next_u64() as i32;
        if version >= 5 { this.broker_epoch = rng.next_u64() as i64; }
        if version <= 4 { this.ungrouped_partition_states = { let n = rng.len(depth); (0..n).map(|_| UpdateMetadataPartitionState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 5 { this.topic_states = { let n = rng.len(depth); (0..n).map(|_| UpdateMetadataTopicState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        this.live_brokers = { let n = rng.len(depth); (0..n).map(|_| UpdateMetadataBroker::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for UpdateMetadataRequest {
    const NAME: &'static str = "UpdateMetadataRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 8;
    const FLEXIBLE_FROM: Option<i16> = Some(6);
}

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateMetadataBroker {
    pub id: i32,
    pub v0_host: String,
    pub v0_port: i32,
    pub endpoints: Vec<UpdateMetadataEndpoint>,
    pub rack: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateMetadataBroker {
    fn default() -> Self {
        UpdateMetadataBroker {
            id: 0i32,
            v0_host: String::new(),
            v0_port: 0i32,
            endpoints: Vec::<UpdateMetadataEndpoint>::new(),
            rack: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UpdateMetadataBroker {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 10,
            1..=1 => 8,
            2..=5 => 10,
            6..=8 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        this.id = r.i32()?;
        if version <= 0 { this.v0_host = r.string(flexible, "UpdateMetadataBroker.V0Host")?; }
        if version <= 0 { this.v0_port = r.i32()?; }
        if version >= 1 { this.endpoints = r.array(flexible, UpdateMetadataEndpoint::min_size(version), "UpdateMetadataBroker.Endpoints", |r| Ok(UpdateMetadataEndpoint::read(r, version)?))?; }
        if version >= 2 { this.rack = r.string_opt(flexible, true, "UpdateMetadataBroker.Rack")?; }
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
        size += 4;
        if version <= 0 { size += p::string_size(flexible, (&self.v0_host), "UpdateMetadataBroker.V0Host")?; }
        if version <= 0 { size += 4; }
        if version >= 1 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.endpoints).len()), "UpdateMetadataBroker.Endpoints")?; for e in (&self.endpoints).iter() { s += e.size(version)?; } s }; }
        if version >= 2 { size += p::opt_string_size(flexible, true, (&self.rack).as_deref(), "UpdateMetadataBroker.Rack")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataBroker", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        w.put_i32(*(&self.id));
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.v0_host).as_str())); }
        if version <= 0 { w.put_i32(*(&self.v0_port)); }
        if version >= 1 { w.put_length(flexible, true, Some((&self.endpoints).len())); for e in (&self.endpoints).iter() { e.write(w, version)?; } }
        if version >= 2 { w.put_nullable_string(flexible, (&self.rack).as_deref()); }
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
impl p::testing::Random for UpdateMetadataBroker {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.id = rng.next_u64() as i32;
        if version <= 0 { this.v0_host = rng.string(); }
        if version <= 0 { this.v0_port = rng.next_u64() as i32; }
        if version >= 1 { this.endpoints = { let n = rng.len(depth); (0..n).map(|_| UpdateMetadataEndpoint::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 2 { this.rack = rng.opt_string(true); }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateMetadataEndpoint {
    pub port: i32,
    pub host: String,
    pub listener: String,
    pub security_protocol: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateMetadataEndpoint {
    fn default() -> Self {
        UpdateMetadataEndpoint {
            port: 0i32,
            host: String::new(),
            listener: String::new(),
            security_protocol: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UpdateMetadataEndpoint {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 0,
            1..=2 => 8,
            3..=5 => 10,
            6..=8 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 1 { this.port = r.i32()?; }
        if version >= 1 { this.host = r.string(flexible, "UpdateMetadataEndpoint.Host")?; }
        if version >= 3 { this.listener = r.string(flexible, "UpdateMetadataEndpoint.Listener")?; }
        if version >= 1 { this.security_protocol = r.i16()?; }
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
        if version >= 1 { size += 4; } else if self.port != 0i32 { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataEndpoint", field: "Port", version }); }
        if version >= 1 { size += p::string_size(flexible, (&self.host), "UpdateMetadataEndpoint.Host")?; } else if self.host != String::new() { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataEndpoint", field: "Host", version }); }
        if version >= 3 { size += p::string_size(flexible, (&self.listener), "UpdateMetadataEndpoint.Listener")?; }
        if version >= 1 { size += 2; } else if self.security_protocol != 0i16 { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataEndpoint", field: "SecurityProtocol", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataEndpoint", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 1 { w.put_i32(*(&self.port)); }
        if version >= 1 { w.put_nullable_string(flexible, Some((&self.host).as_str())); }
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.listener).as_str())); }
        if version >= 1 { w.put_i16(*(&self.security_protocol)); }
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
impl p::testing::Random for UpdateMetadataEndpoint {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.port = rng.next_u64() as i32; }
        if version >= 1 { this.host = rng.string(); }
        if version >= 3 { this.listener = rng.string(); }
        if version >= 1 { this.security_protocol = rng.next_u64() as i16; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateMetadataPartitionState {
    pub topic_name: String,
    pub partition_index: i32,
    pub controller_epoch: i32,
    pub leader: i32,
    pub leader_epoch: i32,
    pub isr: Vec<i32>,
    pub zk_version: i32,
    pub replicas: Vec<i32>,
    pub offline_replicas: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateMetadataPartitionState {
    fn default() -> Self {
        UpdateMetadataPartitionState {
            topic_name: String::new(),
            partition_index: 0i32,
            controller_epoch: 0i32,
            leader: 0i32,
            leader_epoch: 0i32,
            isr: Vec::<i32>::new(),
            zk_version: 0i32,
            replicas: Vec::<i32>::new(),
            offline_replicas: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UpdateMetadataPartitionState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 30,
            4..=4 => 34,
            5..=5 => 32,
            6..=8 => 24,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version <= 4 { this.topic_name = r.string(flexible, "UpdateMetadataPartitionState.TopicName")?; }
        this.partition_index = r.i32()?;
        this.controller_epoch = r.i32()?;
        this.leader = r.i32()?;
        this.leader_epoch = r.i32()?;
        this.isr = r.array(flexible, 4, "UpdateMetadataPartitionState.Isr", |r| Ok(r.i32()?))?;
        this.zk_version = r.i32()?;
        this.replicas = r.array(flexible, 4, "UpdateMetadataPartitionState.Replicas", |r| Ok(r.i32()?))?;
        if version >= 4 { this.offline_replicas = r.array(flexible, 4, "UpdateMetadataPartitionState.OfflineReplicas", |r| Ok(r.i32()?))?; }
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
        if version <= 4 { size += p::string_size(flexible, (&self.topic_name), "UpdateMetadataPartitionState.TopicName")?; }
        size += 4;
        size += 4;
        size += 4;
        size += 4;
        size += p::array_prefix_size(flexible, false, Some((&self.isr).len()), "UpdateMetadataPartitionState.Isr")? + (&self.isr).len() * 4;
        size += 4;
        size += p::array_prefix_size(flexible, false, Some((&self.replicas).len()), "UpdateMetadataPartitionState.Replicas")? + (&self.replicas).len() * 4;
        if version >= 4 { size += p::array_prefix_size(flexible, false, Some((&self.offline_replicas).len()), "UpdateMetadataPartitionState.OfflineReplicas")? + (&self.offline_replicas).len() * 4; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataPartitionState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version <= 4 { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        w.put_i32(*(&self.partition_index));
        w.put_i32(*(&self.controller_epoch));
        w.put_i32(*(&self.leader));
        w.put_i32(*(&self.leader_epoch));
        w.put_length(flexible, true, Some((&self.isr).len())); for e in (&self.isr).iter() { w.put_i32(*e); }
        w.put_i32(*(&self.zk_version));
        w.put_length(flexible, true, Some((&self.replicas).len())); for e in (&self.replicas).iter() { w.put_i32(*e); }
        if version >= 4 { w.put_length(flexible, true, Some((&self.offline_replicas).len())); for e in (&self.offline_replicas).iter() { w.put_i32(*e); } }
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
impl p::testing::Random for UpdateMetadataPartitionState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 4 { this.topic_name = rng.string(); }
        this.partition_index = rng.next_u64() as i32;
        this.controller_epoch = rng.next_u64() as i32;
        this.leader = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.isr = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        this.zk_version = rng.next_u64() as i32;
        this.replicas = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if version >= 4 { this.offline_replicas = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UpdateMetadataTopicState {
    pub topic_name: String,
    pub topic_id: p::Uuid,
    pub partition_states: Vec<UpdateMetadataPartitionState>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateMetadataTopicState {
    fn default() -> Self {
        UpdateMetadataTopicState {
            topic_name: String::new(),
            topic_id: p::Uuid::ZERO,
            partition_states: Vec::<UpdateMetadataPartitionState>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UpdateMetadataTopicState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=4 => 0,
            5..=5 => 6,
            6..=6 => 3,
            7..=8 => 19,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 5 { this.topic_name = r.string(flexible, "UpdateMetadataTopicState.TopicName")?; }
        if version >= 7 { this.topic_id = r.uuid()?; }
        if version >= 5 { this.partition_states = r.array(flexible, UpdateMetadataPartitionState::min_size(version), "UpdateMetadataTopicState.PartitionStates", |r| Ok(UpdateMetadataPartitionState::read(r, version)?))?; }
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
        if version >= 5 { size += p::string_size(flexible, (&self.topic_name), "UpdateMetadataTopicState.TopicName")?; } else if self.topic_name != String::new() { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataTopicState", field: "TopicName", version }); }
        if version >= 7 { size += 16; }
        if version >= 5 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_states).len()), "UpdateMetadataTopicState.PartitionStates")?; for e in (&self.partition_states).iter() { s += e.size(version)?; } s }; } else if self.partition_states != Vec::<UpdateMetadataPartitionState>::new() { return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataTopicState", field: "PartitionStates", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UpdateMetadataTopicState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 5 { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        if version >= 7 { w.put_uuid((&self.topic_id)); }
        if version >= 5 { w.put_length(flexible, true, Some((&self.partition_states).len())); for e in (&self.partition_states).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for UpdateMetadataTopicState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 5 { this.topic_name = rng.string(); }
        if version >= 7 { this.topic_id = rng.uuid(); }
        if version >= 5 { this.partition_states = { let n = rng.len(depth); (0..n).map(|_| UpdateMetadataPartitionState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

