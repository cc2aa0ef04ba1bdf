// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StreamsGroupHeartbeatResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupHeartbeatResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub member_id: String,
    pub member_epoch: i32,
    pub heartbeat_interval_ms: i32,
    pub acceptable_recovery_lag: i32,
    pub task_offset_interval_ms: i32,
    pub status: Option<Vec<Status>>,
    pub active_tasks: Option<Vec<TaskIds>>,
    pub standby_tasks: Option<Vec<TaskIds>>,
    pub warmup_tasks: Option<Vec<TaskIds>>,
    pub endpoint_information_epoch: i32,
    pub partitions_by_user_endpoint: Option<Vec<EndpointToPartitions>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupHeartbeatResponse {
    fn default() -> Self {
        StreamsGroupHeartbeatResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            error_message: None,
            member_id: String::new(),
            member_epoch: 0i32,
            heartbeat_interval_ms: 0i32,
            acceptable_recovery_lag: 0i32,
            task_offset_interval_ms: 0i32,
            status: Some(Vec::<Status>::new()),
            active_tasks: None,
            standby_tasks: None,
            warmup_tasks: None,
            endpoint_information_epoch: 0i32,
            partitions_by_user_endpoint: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StreamsGroupHeartbeatResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 34,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "StreamsGroupHeartbeatResponse.ErrorMessage")?;
        this.member_id = r.string(flexible, "StreamsGroupHeartbeatResponse.MemberId")?;
        this.member_epoch = r.i32()?;
        this.heartbeat_interval_ms = r.i32()?;
        this.acceptable_recovery_lag = r.i32()?;
        this.task_offset_interval_ms = r.i32()?;
        this.status = r.array_opt(flexible, true, Status::min_size(version), "StreamsGroupHeartbeatResponse.Status", |r| Ok(Status::read(r, version)?))?;
        this.active_tasks = r.array_opt(flexible, true, TaskIds::min_size(version), "StreamsGroupHeartbeatResponse.ActiveTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.standby_tasks = r.array_opt(flexible, true, TaskIds::min_size(version), "StreamsGroupHeartbeatResponse.StandbyTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.warmup_tasks = r.array_opt(flexible, true, TaskIds::min_size(version), "StreamsGroupHeartbeatResponse.WarmupTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.endpoint_information_epoch = r.i32()?;
        this.partitions_by_user_endpoint = r.array_opt(flexible, true, EndpointToPartitions::min_size(version), "StreamsGroupHeartbeatResponse.PartitionsByUserEndpoint", |r| Ok(EndpointToPartitions::read(r, version)?))?;
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
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "StreamsGroupHeartbeatResponse.ErrorMessage")?;
        size += p::string_size(flexible, (&self.member_id), "StreamsGroupHeartbeatResponse.MemberId")?;
        size += 4;
        size += 4;
        size += 4;
        size += 4;
        size += match (&self.status) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatResponse.Status")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatResponse.Status")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += match (&self.active_tasks) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatResponse.ActiveTasks")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatResponse.ActiveTasks")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += match (&self.standby_tasks) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatResponse.StandbyTasks")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatResponse.StandbyTasks")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += match (&self.warmup_tasks) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatResponse.WarmupTasks")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatResponse.WarmupTasks")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += 4;
        size += match (&self.partitions_by_user_endpoint) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatResponse.PartitionsByUserEndpoint")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatResponse.PartitionsByUserEndpoint")?; for e in a.iter() { s += e.size(version)?; } s } };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StreamsGroupHeartbeatResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        w.put_i32(*(&self.member_epoch));
        w.put_i32(*(&self.heartbeat_interval_ms));
        w.put_i32(*(&self.acceptable_recovery_lag));
        w.put_i32(*(&self.task_offset_interval_ms));
        match (&self.status) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        match (&self.active_tasks) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        match (&self.standby_tasks) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        match (&self.warmup_tasks) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        w.put_i32(*(&self.endpoint_information_epoch));
        match (&self.partitions_by_user_endpoint) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
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
impl p::testing::Random for StreamsGroupHeartbeatResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.heartbeat_interval_ms = rng.next_u64() as i32;
        this.acceptable_recovery_lag = rng.next_u64() as i32;
        this.task_offset_interval_ms = rng.next_u64() as i32;
        this.status = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| Status::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.active_tasks = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.standby_tasks = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.warmup_tasks = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.endpoint_information_epoch = rng.next_u64() as i32;
        this.partitions_by_user_endpoint = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| EndpointToPartitions::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for StreamsGroupHeartbeatResponse {
    const NAME: &'static str = "StreamsGroupHeartbeatResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Endpoint {
    fn default() -> Self {
        Endpoint {
            host: String::new(),
            port: 0u16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Endpoint {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.host = r.string(flexible, "Endpoint.Host")?;
        this.port = r.u16()?;
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
        size += p::string_size(flexible, (&self.host), "Endpoint.Host")?;
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Endpoint", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.host).as_str()));
        w.put_u16(*(&self.port));
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
impl p::testing::Random for Endpoint {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.host = rng.string();
        this.port = rng.next_u64() as u16;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EndpointToPartitions {
    pub user_endpoint: Endpoint,
    pub active_partitions: Vec<TopicPartition>,
    pub standby_partitions: Vec<TopicPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EndpointToPartitions {
    fn default() -> Self {
        EndpointToPartitions {
            user_endpoint: Endpoint::default(),
            active_partitions: Vec::<TopicPartition>::new(),
            standby_partitions: Vec::<TopicPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for EndpointToPartitions {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.user_endpoint = Endpoint::read(r, version)?;
        this.active_partitions = r.array(flexible, TopicPartition::min_size(version), "EndpointToPartitions.ActivePartitions", |r| Ok(TopicPartition::read(r, version)?))?;
        this.standby_partitions = r.array(flexible, TopicPartition::min_size(version), "EndpointToPartitions.StandbyPartitions", |r| Ok(TopicPartition::read(r, version)?))?;
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
        size += (&self.user_endpoint).size(version)?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.active_partitions).len()), "EndpointToPartitions.ActivePartitions")?; for e in (&self.active_partitions).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.standby_partitions).len()), "EndpointToPartitions.StandbyPartitions")?; for e in (&self.standby_partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "EndpointToPartitions", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        (&self.user_endpoint).write(w, version)?;
        w.put_length(flexible, true, Some((&self.active_partitions).len())); for e in (&self.active_partitions).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.standby_partitions).len())); for e in (&self.standby_partitions).iter() { e.write(w, version)?; }
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
impl p::testing::Random for EndpointToPartitions {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.user_endpoint = Endpoint::random(rng, version, depth + 1);
        this.active_partitions = { let n = rng.len(depth); (0..n).map(|_| TopicPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.standby_partitions = { let n = rng.len(depth); (0..n).map(|_| TopicPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub status_code: i8,
    pub status_detail: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Status {
    fn default() -> Self {
        Status {
            status_code: 0i8,
            status_detail: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Status {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.status_code = r.i8()?;
        this.status_detail = r.string(flexible, "Status.StatusDetail")?;
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
        size += 1;
        size += p::string_size(flexible, (&self.status_detail), "Status.StatusDetail")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Status", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i8(*(&self.status_code));
        w.put_nullable_string(flexible, Some((&self.status_detail).as_str()));
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
impl p::testing::Random for Status {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.status_code = rng.next_u64() as i8;
        this.status_detail = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskIds {
    pub subtopology_id: String,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TaskIds {
    fn default() -> Self {
        TaskIds {
            subtopology_id: String::new(),
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TaskIds {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.subtopology_id = r.string(flexible, "TaskIds.SubtopologyId")?;
        this.partitions = r.array(flexible, 4, "TaskIds.Partitions", |r| Ok(r.i32()?))?;
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
        size += p::string_size(flexible, (&self.subtopology_id), "TaskIds.SubtopologyId")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TaskIds.Partitions")? + (&self.partitions).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TaskIds", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.subtopology_id).as_str()));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); }
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
impl p::testing::Random for TaskIds {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartition {
    pub topic: String,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartition {
    fn default() -> Self {
        TopicPartition {
            topic: String::new(),
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicPartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic = r.string(flexible, "TopicPartition.Topic")?;
        this.partitions = r.array(flexible, 4, "TopicPartition.Partitions", |r| Ok(r.i32()?))?;
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
        size += p::string_size(flexible, (&self.topic), "TopicPartition.Topic")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicPartition.Partitions")? + (&self.partitions).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicPartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.topic).as_str()));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); }
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
impl p::testing::Random for TopicPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

