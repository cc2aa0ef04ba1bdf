// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `LeaderAndIsrRequest` (request), versions 0-7.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderAndIsrRequest {
    pub controller_id: i32,
    pub is_k_raft_controller: bool,
    pub controller_epoch: i32,
    pub broker_epoch: i64,
    pub r#type: i8,
    pub ungrouped_partition_states: Vec<LeaderAndIsrPartitionState>,
    pub topic_states: Vec<LeaderAndIsrTopicState>,
    pub live_leaders: Vec<LeaderAndIsrLiveLeader>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderAndIsrRequest {
    fn default() -> Self {
        LeaderAndIsrRequest {
            controller_id: 0i32,
            is_k_raft_controller: false,
            controller_epoch: 0i32,
            broker_epoch: -1i64,
            r#type: 0i8,
            ungrouped_partition_states: Vec::<LeaderAndIsrPartitionState>::new(),
            topic_states: Vec::<LeaderAndIsrTopicState>::new(),
            live_leaders: Vec::<LeaderAndIsrLiveLeader>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderAndIsrRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 16,
            2..=3 => 24,
            4..=4 => 19,
            5..=6 => 20,
            7..=7 => 21,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.controller_id = r.i32()?;
        if version >= 7 { this.is_k_raft_controller = r.bool()?; }
        this.controller_epoch = r.i32()?;
        if version >= 2 { this.broker_epoch = r.i64()?; }
        if version >= 5 { this.r#type = r.i8()?; }
        if version <= 1 { this.ungrouped_partition_states = r.array(flexible, LeaderAndIsrPartitionState::min_size(version), "LeaderAndIsrRequest.UngroupedPartitionStates", |r| Ok(LeaderAndIsrPartitionState::read(r, version)?))?; }
        if version >= 2 { this.topic_states = r.array(flexible, LeaderAndIsrTopicState::min_size(version), "LeaderAndIsrRequest.TopicStates", |r| Ok(LeaderAndIsrTopicState::read(r, version)?))?; }
        this.live_leaders = r.array(flexible, LeaderAndIsrLiveLeader::min_size(version), "LeaderAndIsrRequest.LiveLeaders", |r| Ok(LeaderAndIsrLiveLeader::read(r, version)?))?;
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
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        if version >= 7 { size += 1; } else if self.is_k_raft_controller != false { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrRequest", field: "isKRaftController", version }); }
        size += 4;
        if version >= 2 { size += 8; }
        if version >= 5 { size += 1; } else if self.r#type != 0i8 { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrRequest", field: "Type", version }); }
        if version <= 1 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.ungrouped_partition_states).len()), "LeaderAndIsrRequest.UngroupedPartitionStates")?; for e in (&self.ungrouped_partition_states).iter() { s += e.size(version)?; } s }; } else if self.ungrouped_partition_states != Vec::<LeaderAndIsrPartitionState>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrRequest", field: "UngroupedPartitionStates", version }); }
        if version >= 2 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_states).len()), "LeaderAndIsrRequest.TopicStates")?; for e in (&self.topic_states).iter() { s += e.size(version)?; } s }; } else if self.topic_states != Vec::<LeaderAndIsrTopicState>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrRequest", field: "TopicStates", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.live_leaders).len()), "LeaderAndIsrRequest.LiveLeaders")?; for e in (&self.live_leaders).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_i32(*(&self.controller_id));
        if version >= 7 { w.put_bool(*(&self.is_k_raft_controller)); }
        w.put_i32(*(&self.controller_epoch));
        if version >= 2 { w.put_i64(*(&self.broker_epoch)); }
        if version >= 5 { w.put_i8(*(&self.r#type)); }
        if version <= 1 { w.put_length(flexible, true, Some((&self.ungrouped_partition_states).len())); for e in (&self.ungrouped_partition_states).iter() { e.write(w, version)?; } }
        if version >= 2 { w.put_length(flexible, true, Some((&self.topic_states).len())); for e in (&self.topic_states).iter() { e.write(w, version)?; } }
        w.put_length(flexible, true, Some((&self.live_leaders).len())); for e in (&self.live_leaders).iter() { e.write(w, version)?; }
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
impl p::testing::Random for LeaderAndIsrRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.controller_id = rng.next_u64() as i32;
        if version >= 7 { this.is_k_raft_controller = rng.bool(); }
        this.controller_epoch = rng.next_u64() as i32;
        if version >= 2 { this.broker_epoch = rng.next_u64() as i64; }
        if version >= 5 { this.r#type = rng.next_u64() as i8; }
        if version <= 1 { this.ungrouped_partition_states = { let n = rng.len(depth); (0..n).map(|_| LeaderAndIsrPartitionState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 2 { this.topic_states = { let n = rng.len(depth); (0..n).map(|_| LeaderAndIsrTopicState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        this.live_leaders = { let n = rng.len(depth); (0..n).map(|_| LeaderAndIsrLiveLeader::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for LeaderAndIsrRequest {
    const NAME: &'static str = "LeaderAndIsrRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 7;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderAndIsrLiveLeader {
    pub broker_id: i32,
    pub host_name: String,
    pub port: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderAndIsrLiveLeader {
    fn default() -> Self {
        LeaderAndIsrLiveLeader {
            broker_id: 0i32,
            host_name: String::new(),
            port: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderAndIsrLiveLeader {
    fn min_size(version: i16) -> usize {
        match version {
            0..=7 => 10,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.broker_id = r.i32()?;
        this.host_name = r.string(flexible, "LeaderAndIsrLiveLeader.HostName")?;
        this.port = r.i32()?;
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
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += p::string_size(flexible, (&self.host_name), "LeaderAndIsrLiveLeader.HostName")?;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrLiveLeader", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_i32(*(&self.broker_id));
        w.put_nullable_string(flexible, Some((&self.host_name).as_str()));
        w.put_i32(*(&self.port));
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
impl p::testing::Random for LeaderAndIsrLiveLeader {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.host_name = rng.string();
        this.port = rng.next_u64() as i32;
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderAndIsrPartitionState {
    pub topic_name: String,
    pub partition_index: i32,
    pub controller_epoch: i32,
    pub leader: i32,
    pub leader_epoch: i32,
    pub isr: Vec<i32>,
    pub partition_epoch: i32,
    pub replicas: Vec<i32>,
    pub adding_replicas: Vec<i32>,
    pub removing_replicas: Vec<i32>,
    pub is_new: bool,
    pub leader_recovery_state: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderAndIsrPartitionState {
    fn default() -> Self {
        LeaderAndIsrPartitionState {
            topic_name: String::new(),
            partition_index: 0i32,
            controller_epoch: 0i32,
            leader: 0i32,
            leader_epoch: 0i32,
            isr: Vec::<i32>::new(),
            partition_epoch: 0i32,
            replicas: Vec::<i32>::new(),
            adding_replicas: Vec::<i32>::new(),
            removing_replicas: Vec::<i32>::new(),
            is_new: false,
            leader_recovery_state: 0i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderAndIsrPartitionState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 30,
            1..=1 => 31,
            2..=2 => 29,
            3..=3 => 37,
            4..=5 => 26,
            6..=7 => 27,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version <= 1 { this.topic_name = r.string(flexible, "LeaderAndIsrPartitionState.TopicName")?; }
        this.partition_index = r.i32()?;
        this.controller_epoch = r.i32()?;
        this.leader = r.i32()?;
        this.leader_epoch = r.i32()?;
        this.isr = r.array(flexible, 4, "LeaderAndIsrPartitionState.Isr", |r| Ok(r.i32()?))?;
        this.partition_epoch = r.i32()?;
        this.replicas = r.array(flexible, 4, "LeaderAndIsrPartitionState.Replicas", |r| Ok(r.i32()?))?;
        if version >= 3 { this.adding_replicas = r.array(flexible, 4, "LeaderAndIsrPartitionState.AddingReplicas", |r| Ok(r.i32()?))?; }
        if version >= 3 { this.removing_replicas = r.array(flexible, 4, "LeaderAndIsrPartitionState.RemovingReplicas", |r| Ok(r.i32()?))?; }
        if version >= 1 { this.is_new = r.bool()?; }
        if version >= 6 { this.leader_recovery_state = r.i8()?; }
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
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version <= 1 { size += p::string_size(flexible, (&self.topic_name), "LeaderAndIsrPartitionState.TopicName")?; }
        size += 4;
        size += 4;
        size += 4;
        size += 4;
        size += p::array_prefix_size(flexible, false, Some((&self.isr).len()), "LeaderAndIsrPartitionState.Isr")? + (&self.isr).len() * 4;
        size += 4;
        size += p::array_prefix_size(flexible, false, Some((&self.replicas).len()), "LeaderAndIsrPartitionState.Replicas")? + (&self.replicas).len() * 4;
        if version >= 3 { size += p::array_prefix_size(flexible, false, Some((&self.adding_replicas).len()), "LeaderAndIsrPartitionState.AddingReplicas")? + (&self.adding_replicas).len() * 4; }
        if version >= 3 { size += p::array_prefix_size(flexible, false, Some((&self.removing_replicas).len()), "LeaderAndIsrPartitionState.RemovingReplicas")? + (&self.removing_replicas).len() * 4; }
        if version >= 1 { size += 1; }
        if version >= 6 { size += 1; } else if self.leader_recovery_state != 0i8 { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrPartitionState", field: "LeaderRecoveryState", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrPartitionState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version <= 1 { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        w.put_i32(*(&self.partition_index));
        w.put_i32(*(&self.controller_epoch));
        w.put_i32(*(&self.leader));
        w.put_i32(*(&self.leader_epoch));
        w.put_length(flexible, true, Some((&self.isr).len())); for e in (&self.isr).iter() { w.put_i32(*e); }
        w.put_i32(*(&self.partition_epoch));
        w.put_length(flexible, true, Some((&self.replicas).len())); for e in (&self.replicas).iter() { w.put_i32(*e); }
        if version >= 3 { w.put_length(flexible, true, Some((&self.adding_replicas).len())); for e in (&self.adding_replicas).iter() { w.put_i32(*e); } }
        if version >= 3 { w.put_length(flexible, true, Some((&self.removing_replicas).len())); for e in (&self.removing_replicas).iter() { w.put_i32(*e); } }
        if version >= 1 { w.put_bool(*(&self.is_new)); }
        if version >= 6 { w.put_i8(*(&self.leader_recovery_state)); }
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
impl p::testing::Random for LeaderAndIsrPartitionState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 1 { this.topic_name = rng.string(); }
        this.partition_index = rng.next_u64() as i32;
        this.controller_epoch = rng.next_u64() as i32;
        this.leader = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.isr = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        this.partition_epoch = rng.next_u64() as i32;
        this.replicas = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if version >= 3 { this.adding_replicas = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if version >= 3 { this.removing_replicas = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if version >= 1 { this.is_new = rng.bool(); }
        if version >= 6 { this.leader_recovery_state = rng.next_u64() as i8; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderAndIsrTopicState {
    pub topic_name: String,
    pub topic_id: p::Uuid,
    pub partition_states: Vec<LeaderAndIsrPartitionState>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderAndIsrTopicState {
    fn default() -> Self {
        LeaderAndIsrTopicState {
            topic_name: String::new(),
            topic_id: p::Uuid::ZERO,
            partition_states: Vec::<LeaderAndIsrPartitionState>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderAndIsrTopicState {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 0,
            2..=3 => 6,
            4..=4 => 3,
            5..=7 => 19,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        if version >= 2 { this.topic_name = r.string(flexible, "LeaderAndIsrTopicState.TopicName")?; }
        if version >= 5 { this.topic_id = r.uuid()?; }
        if version >= 2 { this.partition_states = r.array(flexible, LeaderAndIsrPartitionState::min_size(version), "LeaderAndIsrTopicState.PartitionStates", |r| Ok(LeaderAndIsrPartitionState::read(r, version)?))?; }
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
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 2 { size += p::string_size(flexible, (&self.topic_name), "LeaderAndIsrTopicState.TopicName")?; } else if self.topic_name != String::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrTopicState", field: "TopicName", version }); }
        if version >= 5 { size += 16; }
        if version >= 2 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_states).len()), "LeaderAndIsrTopicState.PartitionStates")?; for e in (&self.partition_states).iter() { s += e.size(version)?; } s }; } else if self.partition_states != Vec::<LeaderAndIsrPartitionState>::new() { return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrTopicState", field: "PartitionStates", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderAndIsrTopicState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        if version >= 2 { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        if version >= 5 { w.put_uuid((&self.topic_id)); }
        if version >= 2 { w.put_length(flexible, true, Some((&self.partition_states).len())); for e in (&self.partition_states).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for LeaderAndIsrTopicState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 2 { this.topic_name = rng.string(); }
        if version >= 5 { this.topic_id = rng.uuid(); }
        if version >= 2 { this.partition_states = { let n = rng.len(depth); (0..n).map(|_| LeaderAndIsrPartitionState::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

