// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StreamsGroupHeartbeatRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupHeartbeatRequest {
    pub group_id: String,
    pub member_id: String,
    pub member_epoch: i32,
    pub endpoint_information_epoch: i32,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub rebalance_timeout_ms: i32,
    pub topology: Option<Topology>,
    pub active_tasks: Option<Vec<TaskIds>>,
    pub standby_tasks: Option<Vec<TaskIds>>,
    pub warmup_tasks: Option<Vec<TaskIds>>,
    pub process_id: Option<String>,
    pub user_endpoint: Option<Endpoint>,
    pub client_tags: Option<Vec<KeyValue>>,
    pub task_offsets: Option<Vec<TaskOffset>>,
    pub task_end_offsets: Option<Vec<TaskOffset>>,
    pub shutdown_application: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupHeartbeatRequest {
    fn default() -> Self {
        StreamsGroupHeartbeatRequest {
            group_id: String::new(),
            member_id: String::new(),
            member_epoch: 0i32,
            endpoint_information_epoch: 0i32,
            instance_id: None,
            rack_id: None,
            rebalance_timeout_ms: -1i32,
            topology: None,
            active_tasks: None,
            standby_tasks: None,
            warmup_tasks: None,
            process_id: None,
            user_endpoint: None,
            client_tags: None,
            task_offsets: None,
            task_end_offsets: None,
            shutdown_application: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StreamsGroupHeartbeatRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 27,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "StreamsGroupHeartbeatRequest.GroupId")?;
        this.member_id = r.string(flexible, "StreamsGroupHeartbeatRequest.MemberId")?;
        this.member_epoch = r.i32()?;
        this.endpoint_information_epoch = r.i32()?;
        this.instance_id = r.string_opt(flexible, true, "StreamsGroupHeartbeatRequest.InstanceId")?;
        this.rack_id = r.string_opt(flexible, true, "StreamsGroupHeartbeatRequest.RackId")?;
        this.rebalance_timeout_ms = r.i32()?;
        this.topology = r.struct_opt::<Topology>(true, version)?;
        this.active_tasks = r.array_opt(flexible, true, TaskIds::min_size(version), "StreamsGroupHeartbeatRequest.ActiveTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.standby_tasks = r.array_opt(flexible, true, TaskIds::min_size(version), "StreamsGroupHeartbeatRequest.StandbyTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.warmup_tasks = r.array_opt(flexible, true, TaskIds::min_size(version), "StreamsGroupHeartbeatRequest.WarmupTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.process_id = r.string_opt(flexible, true, "StreamsGroupHeartbeatRequest.ProcessId")?;
        this.user_endpoint = r.struct_opt::<Endpoint>(true, version)?;
        this.client_tags = r.array_opt(flexible, true, KeyValue::min_size(version), "StreamsGroupHeartbeatRequest.ClientTags", |r| Ok(KeyValue::read(r, version)?))?;
        this.task_offsets = r.array_opt(flexible, true, TaskOffset::min_size(version), "StreamsGroupHeartbeatRequest.TaskOffsets", |r| Ok(TaskOffset::read(r, version)?))?;
        this.task_end_offsets = r.array_opt(flexible, true, TaskOffset::min_size(version), "StreamsGroupHeartbeatRequest.TaskEndOffsets", |r| Ok(TaskOffset::read(r, version)?))?;
        this.shutdown_application = r.bool()?;
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
        size += p::string_size(flexible, (&self.group_id), "StreamsGroupHeartbeatRequest.GroupId")?;
        size += p::string_size(flexible, (&self.member_id), "StreamsGroupHeartbeatRequest.MemberId")?;
        size += 4;
        size += 4;
        size += p::opt_string_size(flexible, true, (&self.instance_id).as_deref(), "StreamsGroupHeartbeatRequest.InstanceId")?;
        size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "StreamsGroupHeartbeatRequest.RackId")?;
        size += 4;
        size += p::opt_struct_size(true, (&self.topology).as_ref(), version, "StreamsGroupHeartbeatRequest.Topology")?;
        size += match (&self.active_tasks) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatRequest.ActiveTasks")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatRequest.ActiveTasks")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += match (&self.standby_tasks) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatRequest.StandbyTasks")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatRequest.StandbyTasks")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += match (&self.warmup_tasks) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatRequest.WarmupTasks")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatRequest.WarmupTasks")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += p::opt_string_size(flexible, true, (&self.process_id).as_deref(), "StreamsGroupHeartbeatRequest.ProcessId")?;
        size += p::opt_struct_size(true, (&self.user_endpoint).as_ref(), version, "StreamsGroupHeartbeatRequest.UserEndpoint")?;
        size += match (&self.client_tags) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatRequest.ClientTags")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatRequest.ClientTags")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += match (&self.task_offsets) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatRequest.TaskOffsets")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatRequest.TaskOffsets")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += match (&self.task_end_offsets) { None => p::array_prefix_size(flexible, true, None, "StreamsGroupHeartbeatRequest.TaskEndOffsets")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "StreamsGroupHeartbeatRequest.TaskEndOffsets")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StreamsGroupHeartbeatRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        w.put_i32(*(&self.member_epoch));
        w.put_i32(*(&self.endpoint_information_epoch));
        w.put_nullable_string(flexible, (&self.instance_id).as_deref());
        w.put_nullable_string(flexible, (&self.rack_id).as_deref());
        w.put_i32(*(&self.rebalance_timeout_ms));
        p::write_opt_struct(w, true, (&self.topology).as_ref(), version)?;
        match (&self.active_tasks) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        match (&self.standby_tasks) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        match (&self.warmup_tasks) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        w.put_nullable_string(flexible, (&self.process_id).as_deref());
        p::write_opt_struct(w, true, (&self.user_endpoint).as_ref(), version)?;
        match (&self.client_tags) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        match (&self.task_offsets) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        match (&self.task_end_offsets) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        w.put_bool(*(&self.shutdown_application));
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
impl p::testing::Random for StreamsGroupHeartbeatRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.endpoint_information_epoch = rng.next_u64() as i32;
        this.instance_id = rng.opt_string(true);
        this.rack_id = rng.opt_string(true);
        this.rebalance_timeout_ms = rng.next_u64() as i32;
        this.topology = if true && rng.chance(3) { None } else { Some(Topology::random(rng, version, depth + 1)) };
        this.active_tasks = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.standby_tasks = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.warmup_tasks = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.process_id = rng.opt_string(true);
        this.user_endpoint = if true && rng.chance(3) { None } else { Some(Endpoint::random(rng, version, depth + 1)) };
        this.client_tags = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| KeyValue::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.task_offsets = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskOffset::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.task_end_offsets = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TaskOffset::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.shutdown_application = rng.bool();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for StreamsGroupHeartbeatRequest {
    const NAME: &'static str = "StreamsGroupHeartbeatRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CopartitionGroup {
    pub source_topics: Vec<i16>,
    pub source_topic_regex: Vec<i16>,
    pub repartition_source_topics: Vec<i16>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CopartitionGroup {
    fn default() -> Self {
        CopartitionGroup {
            source_topics: Vec::<i16>::new(),
            source_topic_regex: Vec::<i16>::new(),
            repartition_source_topics: Vec::<i16>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CopartitionGroup {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.source_topics = r.array(flexible, 2, "CopartitionGroup.SourceTopics", |r| Ok(r.i16()?))?;
        this.source_topic_regex = r.array(flexible, 2, "CopartitionGroup.SourceTopicRegex", |r| Ok(r.i16()?))?;
        this.repartition_source_topics = r.array(flexible, 2, "CopartitionGroup.RepartitionSourceTopics", |r| Ok(r.i16()?))?;
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
        size += p::array_prefix_size(flexible, false, Some((&self.source_topics).len()), "CopartitionGroup.SourceTopics")? + (&self.source_topics).len() * 2;
        size += p::array_prefix_size(flexible, false, Some((&self.source_topic_regex).len()), "CopartitionGroup.SourceTopicRegex")? + (&self.source_topic_regex).len() * 2;
        size += p::array_prefix_size(flexible, false, Some((&self.repartition_source_topics).len()), "CopartitionGroup.RepartitionSourceTopics")? + (&self.repartition_source_topics).len() * 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CopartitionGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.source_topics).len())); for e in (&self.source_topics).iter() { w.put_i16(*e); }
        w.put_length(flexible, true, Some((&self.source_topic_regex).len())); for e in (&self.source_topic_regex).iter() { w.put_i16(*e); }
        w.put_length(flexible, true, Some((&self.repartition_source_topics).len())); for e in (&self.repartition_source_topics).iter() { w.put_i16(*e); }
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
impl p::testing::Random for CopartitionGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.source_topics = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i16).collect::<Vec<_>>() };
        this.source_topic_regex = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i16).collect::<Vec<_>>() };
        this.repartition_source_topics = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i16).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
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
pub struct KeyValue {
    pub key: String,
    pub value: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for KeyValue {
    fn default() -> Self {
        KeyValue {
            key: String::new(),
            value: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for KeyValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.key = r.string(flexible, "KeyValue.Key")?;
        this.value = r.string(flexible, "KeyValue.Value")?;
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
        size += p::string_size(flexible, (&self.key), "KeyValue.Key")?;
        size += p::string_size(flexible, (&self.value), "KeyValue.Value")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "KeyValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.key).as_str()));
        w.put_nullable_string(flexible, Some((&self.value).as_str()));
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
impl p::testing::Random for KeyValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.key = rng.string();
        this.value = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subtopology {
    pub subtopology_id: String,
    pub source_topics: Vec<String>,
    pub source_topic_regex: Vec<String>,
    pub state_changelog_topics: Vec<TopicInfo>,
    pub repartition_sink_topics: Vec<String>,
    pub repartition_source_topics: Vec<TopicInfo>,
    pub copartition_groups: Vec<CopartitionGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Subtopology {
    fn default() -> Self {
        Subtopology {
            subtopology_id: String::new(),
            source_topics: Vec::<String>::new(),
            source_topic_regex: Vec::<String>::new(),
            state_changelog_topics: Vec::<TopicInfo>::new(),
            repartition_sink_topics: Vec::<String>::new(),
            repartition_source_topics: Vec::<TopicInfo>::new(),
            copartition_groups: Vec::<CopartitionGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Subtopology {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.subtopology_id = r.string(flexible, "Subtopology.SubtopologyId")?;
        this.source_topics = r.array(flexible, 1, "Subtopology.SourceTopics", |r| Ok(r.string(flexible, "Subtopology.SourceTopics")?))?;
        this.source_topic_regex = r.array(flexible, 1, "Subtopology.SourceTopicRegex", |r| Ok(r.string(flexible, "Subtopology.SourceTopicRegex")?))?;
        this.state_changelog_topics = r.array(flexible, TopicInfo::min_size(version), "Subtopology.StateChangelogTopics", |r| Ok(TopicInfo::read(r, version)?))?;
        this.repartition_sink_topics = r.array(flexible, 1, "Subtopology.RepartitionSinkTopics", |r| Ok(r.string(flexible, "Subtopology.RepartitionSinkTopics")?))?;
        this.repartition_source_topics = r.array(flexible, TopicInfo::min_size(version), "Subtopology.RepartitionSourceTopics", |r| Ok(TopicInfo::read(r, version)?))?;
        this.copartition_groups = r.array(flexible, CopartitionGroup::min_size(version), "Subtopology.CopartitionGroups", |r| Ok(CopartitionGroup::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.subtopology_id), "Subtopology.SubtopologyId")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.source_topics).len()), "Subtopology.SourceTopics")?; for e in (&self.source_topics).iter() { s += p::string_size(flexible, e, "Subtopology.SourceTopics")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.source_topic_regex).len()), "Subtopology.SourceTopicRegex")?; for e in (&self.source_topic_regex).iter() { s += p::string_size(flexible, e, "Subtopology.SourceTopicRegex")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.state_changelog_topics).len()), "Subtopology.StateChangelogTopics")?; for e in (&self.state_changelog_topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.repartition_sink_topics).len()), "Subtopology.RepartitionSinkTopics")?; for e in (&self.repartition_sink_topics).iter() { s += p::string_size(flexible, e, "Subtopology.RepartitionSinkTopics")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.repartition_source_topics).len()), "Subtopology.RepartitionSourceTopics")?; for e in (&self.repartition_source_topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.copartition_groups).len()), "Subtopology.CopartitionGroups")?; for e in (&self.copartition_groups).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Subtopology", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.subtopology_id).as_str()));
        w.put_length(flexible, true, Some((&self.source_topics).len())); for e in (&self.source_topics).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.source_topic_regex).len())); for e in (&self.source_topic_regex).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.state_changelog_topics).len())); for e in (&self.state_changelog_topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.repartition_sink_topics).len())); for e in (&self.repartition_sink_topics).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.repartition_source_topics).len())); for e in (&self.repartition_source_topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.copartition_groups).len())); for e in (&self.copartition_groups).iter() { e.write(w, version)?; }
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
impl p::testing::Random for Subtopology {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.source_topics = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.source_topic_regex = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.state_changelog_topics = { let n = rng.len(depth); (0..n).map(|_| TopicInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.repartition_sink_topics = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.repartition_source_topics = { let n = rng.len(depth); (0..n).map(|_| TopicInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.copartition_groups = { let n = rng.len(depth); (0..n).map(|_| CopartitionGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() };
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
pub struct TaskOffset {
    pub subtopology_id: String,
    pub partition: i32,
    pub offset: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TaskOffset {
    fn default() -> Self {
        TaskOffset {
            subtopology_id: String::new(),
            partition: 0i32,
            offset: 0i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TaskOffset {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 14,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.subtopology_id = r.string(flexible, "TaskOffset.SubtopologyId")?;
        this.partition = r.i32()?;
        this.offset = r.i64()?;
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
        size += p::string_size(flexible, (&self.subtopology_id), "TaskOffset.SubtopologyId")?;
        size += 4;
        size += 8;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TaskOffset", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.subtopology_id).as_str()));
        w.put_i32(*(&self.partition));
        w.put_i64(*(&self.offset));
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
impl p::testing::Random for TaskOffset {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.partition = rng.next_u64() as i32;
        this.offset = rng.next_u64() as i64;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicInfo {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i16,
    pub topic_configs: Vec<KeyValue>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicInfo {
    fn default() -> Self {
        TopicInfo {
            name: String::new(),
            partitions: 0i32,
            replication_factor: 0i16,
            topic_configs: Vec::<KeyValue>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicInfo {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "TopicInfo.Name")?;
        this.partitions = r.i32()?;
        this.replication_factor = r.i16()?;
        this.topic_configs = r.array(flexible, KeyValue::min_size(version), "TopicInfo.TopicConfigs", |r| Ok(KeyValue::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "TopicInfo.Name")?;
        size += 4;
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_configs).len()), "TopicInfo.TopicConfigs")?; for e in (&self.topic_configs).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicInfo", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i32(*(&self.partitions));
        w.put_i16(*(&self.replication_factor));
        w.put_length(flexible, true, Some((&self.topic_configs).len())); for e in (&self.topic_configs).iter() { e.write(w, version)?; }
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
impl p::testing::Random for TopicInfo {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.next_u64() as i32;
        this.replication_factor = rng.next_u64() as i16;
        this.topic_configs = { let n = rng.len(depth); (0..n).map(|_| KeyValue::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    pub epoch: i32,
    pub subtopologies: Vec<Subtopology>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Topology {
    fn default() -> Self {
        Topology {
            epoch: 0i32,
            subtopologies: Vec::<Subtopology>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Topology {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.epoch = r.i32()?;
        this.subtopologies = r.array(flexible, Subtopology::min_size(version), "Topology.Subtopologies", |r| Ok(Subtopology::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.subtopologies).len()), "Topology.Subtopologies")?; for e in (&self.subtopologies).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Topology", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.epoch));
        w.put_length(flexible, true, Some((&self.subtopologies).len())); for e in (&self.subtopologies).iter() { e.write(w, version)?; }
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
impl p::testing::Random for Topology {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.epoch = rng.next_u64() as i32;
        this.subtopologies = { let n = rng.len(depth); (0..n).map(|_| Subtopology::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

