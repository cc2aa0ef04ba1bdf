// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StreamsGroupDescribeResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupDescribeResponse {
    pub throttle_time_ms: i32,
    pub groups: Vec<DescribedGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupDescribeResponse {
    fn default() -> Self {
        StreamsGroupDescribeResponse {
            throttle_time_ms: 0i32,
            groups: Vec::<DescribedGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StreamsGroupDescribeResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.groups = r.array(flexible, DescribedGroup::min_size(version), "StreamsGroupDescribeResponse.Groups", |r| Ok(DescribedGroup::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "StreamsGroupDescribeResponse.Groups")?; for e in (&self.groups).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StreamsGroupDescribeResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_length(flexible, true, Some((&self.groups).len())); for e in (&self.groups).iter() { e.write(w, version)?; }
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
impl p::testing::Random for StreamsGroupDescribeResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.groups = { let n = rng.len(depth); (0..n).map(|_| DescribedGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for StreamsGroupDescribeResponse {
    const NAME: &'static str = "StreamsGroupDescribeResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub active_tasks: Vec<TaskIds>,
    pub standby_tasks: Vec<TaskIds>,
    pub warmup_tasks: Vec<TaskIds>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Assignment {
    fn default() -> Self {
        Assignment {
            active_tasks: Vec::<TaskIds>::new(),
            standby_tasks: Vec::<TaskIds>::new(),
            warmup_tasks: Vec::<TaskIds>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Assignment {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.active_tasks = r.array(flexible, TaskIds::min_size(version), "Assignment.ActiveTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.standby_tasks = r.array(flexible, TaskIds::min_size(version), "Assignment.StandbyTasks", |r| Ok(TaskIds::read(r, version)?))?;
        this.warmup_tasks = r.array(flexible, TaskIds::min_size(version), "Assignment.WarmupTasks", |r| Ok(TaskIds::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.active_tasks).len()), "Assignment.ActiveTasks")?; for e in (&self.active_tasks).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.standby_tasks).len()), "Assignment.StandbyTasks")?; for e in (&self.standby_tasks).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.warmup_tasks).len()), "Assignment.WarmupTasks")?; for e in (&self.warmup_tasks).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Assignment", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.active_tasks).len())); for e in (&self.active_tasks).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.standby_tasks).len())); for e in (&self.standby_tasks).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.warmup_tasks).len())); for e in (&self.warmup_tasks).iter() { e.write(w, version)?; }
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
impl p::testing::Random for Assignment {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.active_tasks = { let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.standby_tasks = { let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.warmup_tasks = { let n = rng.len(depth); (0..n).map(|_| TaskIds::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroup {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub group_id: String,
    pub group_state: String,
    pub group_epoch: i32,
    pub assignment_epoch: i32,
    pub topology: Option<Topology>,
    pub members: Vec<Member>,
    pub authorized_operations: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedGroup {
    fn default() -> Self {
        DescribedGroup {
            error_code: 0i16,
            error_message: None,
            group_id: String::new(),
            group_state: String::new(),
            group_epoch: 0i32,
            assignment_epoch: 0i32,
            topology: None,
            members: Vec::<Member>::new(),
            authorized_operations: -2147483648i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribedGroup {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 20,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribedGroup.ErrorMessage")?;
        this.group_id = r.string(flexible, "DescribedGroup.GroupId")?;
        this.group_state = r.string(flexible, "DescribedGroup.GroupState")?;
        this.group_epoch = r.i32()?;
        this.assignment_epoch = r.i32()?;
        this.topology = r.struct_opt::<Topology>(true, version)?;
        this.members = r.array(flexible, Member::min_size(version), "DescribedGroup.Members", |r| Ok(Member::read(r, version)?))?;
        this.authorized_operations = r.i32()?;
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
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribedGroup.ErrorMessage")?;
        size += p::string_size(flexible, (&self.group_id), "DescribedGroup.GroupId")?;
        size += p::string_size(flexible, (&self.group_state), "DescribedGroup.GroupState")?;
        size += 4;
        size += 4;
        size += p::opt_struct_size(true, (&self.topology).as_ref(), version, "DescribedGroup.Topology")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.members).len()), "DescribedGroup.Members")?; for e in (&self.members).iter() { s += e.size(version)?; } s };
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.group_state).as_str()));
        w.put_i32(*(&self.group_epoch));
        w.put_i32(*(&self.assignment_epoch));
        p::write_opt_struct(w, true, (&self.topology).as_ref(), version)?;
        w.put_length(flexible, true, Some((&self.members).len())); for e in (&self.members).iter() { e.write(w, version)?; }
        w.put_i32(*(&self.authorized_operations));
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
impl p::testing::Random for DescribedGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.group_id = rng.string();
        this.group_state = rng.string();
        this.group_epoch = rng.next_u64() as i32;
        this.assignment_epoch = rng.next_u64() as i32;
        this.topology = if true && rng.chance(3) { None } else { Some(Topology::random(rng, version, depth + 1)) };
        this.members = { let n = rng.len(depth); (0..n).map(|_| Member::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.authorized_operations = rng.next_u64() as i32;
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
pub struct Member {
    pub member_id: String,
    pub member_epoch: i32,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub topology_epoch: i32,
    pub process_id: String,
    pub user_endpoint: Option<Endpoint>,
    pub client_tags: Vec<KeyValue>,
    pub task_offsets: Vec<TaskOffset>,
    pub task_end_offsets: Vec<TaskOffset>,
    pub assignment: Assignment,
    pub target_assignment: Assignment,
    pub is_classic: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Member {
    fn default() -> Self {
        Member {
            member_id: String::new(),
            member_epoch: 0i32,
            instance_id: None,
            rack_id: None,
            client_id: String::new(),
            client_host: String::new(),
            topology_epoch: 0i32,
            process_id: String::new(),
            user_endpoint: None,
            client_tags: Vec::<KeyValue>::new(),
            task_offsets: Vec::<TaskOffset>::new(),
            task_end_offsets: Vec::<TaskOffset>::new(),
            assignment: Assignment::default(),
            target_assignment: Assignment::default(),
            is_classic: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Member {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 28,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.member_id = r.string(flexible, "Member.MemberId")?;
        this.member_epoch = r.i32()?;
        this.instance_id = r.string_opt(flexible, true, "Member.InstanceId")?;
        this.rack_id = r.string_opt(flexible, true, "Member.RackId")?;
        this.client_id = r.string(flexible, "Member.ClientId")?;
        this.client_host = r.string(flexible, "Member.ClientHost")?;
        this.topology_epoch = r.i32()?;
        this.process_id = r.string(flexible, "Member.ProcessId")?;
        this.user_endpoint = r.struct_opt::<Endpoint>(true, version)?;
        this.client_tags = r.array(flexible, KeyValue::min_size(version), "Member.ClientTags", |r| Ok(KeyValue::read(r, version)?))?;
        this.task_offsets = r.array(flexible, TaskOffset::min_size(version), "Member.TaskOffsets", |r| Ok(TaskOffset::read(r, version)?))?;
        this.task_end_offsets = r.array(flexible, TaskOffset::min_size(version), "Member.TaskEndOffsets", |r| Ok(TaskOffset::read(r, version)?))?;
        this.assignment = Assignment::read(r, version)?;
        this.target_assignment = Assignment::read(r, version)?;
        this.is_classic = r.bool()?;
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
        size += p::string_size(flexible, (&self.member_id), "Member.MemberId")?;
        size += 4;
        size += p::opt_string_size(flexible, true, (&self.instance_id).as_deref(), "Member.InstanceId")?;
        size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "Member.RackId")?;
        size += p::string_size(flexible, (&self.client_id), "Member.ClientId")?;
        size += p::string_size(flexible, (&self.client_host), "Member.ClientHost")?;
        size += 4;
        size += p::string_size(flexible, (&self.process_id), "Member.ProcessId")?;
        size += p::opt_struct_size(true, (&self.user_endpoint).as_ref(), version, "Member.UserEndpoint")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.client_tags).len()), "Member.ClientTags")?; for e in (&self.client_tags).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.task_offsets).len()), "Member.TaskOffsets")?; for e in (&self.task_offsets).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.task_end_offsets).len()), "Member.TaskEndOffsets")?; for e in (&self.task_end_offsets).iter() { s += e.size(version)?; } s };
        size += (&self.assignment).size(version)?;
        size += (&self.target_assignment).size(version)?;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Member", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        w.put_i32(*(&self.member_epoch));
        w.put_nullable_string(flexible, (&self.instance_id).as_deref());
        w.put_nullable_string(flexible, (&self.rack_id).as_deref());
        w.put_nullable_string(flexible, Some((&self.client_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.client_host).as_str()));
        w.put_i32(*(&self.topology_epoch));
        w.put_nullable_string(flexible, Some((&self.process_id).as_str()));
        p::write_opt_struct(w, true, (&self.user_endpoint).as_ref(), version)?;
        w.put_length(flexible, true, Some((&self.client_tags).len())); for e in (&self.client_tags).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.task_offsets).len())); for e in (&self.task_offsets).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.task_end_offsets).len())); for e in (&self.task_end_offsets).iter() { e.write(w, version)?; }
        (&self.assignment).write(w, version)?;
        (&self.target_assignment).write(w, version)?;
        w.put_bool(*(&self.is_classic));
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
impl p::testing::Random for Member {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.instance_id = rng.opt_string(true);
        this.rack_id = rng.opt_string(true);
        this.client_id = rng.string();
        this.client_host = rng.string();
        this.topology_epoch = rng.next_u64() as i32;
        this.process_id = rng.string();
        this.user_endpoint = if true && rng.chance(3) { None } else { Some(Endpoint::random(rng, version, depth + 1)) };
        this.client_tags = { let n = rng.len(depth); (0..n).map(|_| KeyValue::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.task_offsets = { let n = rng.len(depth); (0..n).map(|_| TaskOffset::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.task_end_offsets = { let n = rng.len(depth); (0..n).map(|_| TaskOffset::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.assignment = Assignment::random(rng, version, depth + 1);
        this.target_assignment = Assignment::random(rng, version, depth + 1);
        this.is_classic = rng.bool();
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
    pub repartition_sink_topics: Vec<String>,
    pub state_changelog_topics: Vec<TopicInfo>,
    pub repartition_source_topics: Vec<TopicInfo>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Subtopology {
    fn default() -> Self {
        Subtopology {
            subtopology_id: String::new(),
            source_topics: Vec::<String>::new(),
            repartition_sink_topics: Vec::<String>::new(),
            state_changelog_topics: Vec::<TopicInfo>::new(),
            repartition_source_topics: Vec::<TopicInfo>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Subtopology {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.subtopology_id = r.string(flexible, "Subtopology.SubtopologyId")?;
        this.source_topics = r.array(flexible, 1, "Subtopology.SourceTopics", |r| Ok(r.string(flexible, "Subtopology.SourceTopics")?))?;
        this.repartition_sink_topics = r.array(flexible, 1, "Subtopology.RepartitionSinkTopics", |r| Ok(r.string(flexible, "Subtopology.RepartitionSinkTopics")?))?;
        this.state_changelog_topics = r.array(flexible, TopicInfo::min_size(version), "Subtopology.StateChangelogTopics", |r| Ok(TopicInfo::read(r, version)?))?;
        this.repartition_source_topics = r.array(flexible, TopicInfo::min_size(version), "Subtopology.RepartitionSourceTopics", |r| Ok(TopicInfo::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.repartition_sink_topics).len()), "Subtopology.RepartitionSinkTopics")?; for e in (&self.repartition_sink_topics).iter() { s += p::string_size(flexible, e, "Subtopology.RepartitionSinkTopics")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.state_changelog_topics).len()), "Subtopology.StateChangelogTopics")?; for e in (&self.state_changelog_topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.repartition_source_topics).len()), "Subtopology.RepartitionSourceTopics")?; for e in (&self.repartition_source_topics).iter() { s += e.size(version)?; } s };
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
        w.put_length(flexible, true, Some((&self.repartition_sink_topics).len())); for e in (&self.repartition_sink_topics).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.state_changelog_topics).len())); for e in (&self.state_changelog_topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.repartition_source_topics).len())); for e in (&self.repartition_source_topics).iter() { e.write(w, version)?; }
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
        this.repartition_sink_topics = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.state_changelog_topics = { let n = rng.len(depth); (0..n).map(|_| TopicInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.repartition_source_topics = { let n = rng.len(depth); (0..n).map(|_| TopicInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
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
    pub subtopologies: Option<Vec<Subtopology>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Topology {
    fn default() -> Self {
        Topology {
            epoch: 0i32,
            subtopologies: None,
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
        this.subtopologies = r.array_opt(flexible, true, Subtopology::min_size(version), "Topology.Subtopologies", |r| Ok(Subtopology::read(r, version)?))?;
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
        size += match (&self.subtopologies) { None => p::array_prefix_size(flexible, true, None, "Topology.Subtopologies")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "Topology.Subtopologies")?; for e in a.iter() { s += e.size(version)?; } s } };
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
        match (&self.subtopologies) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
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
        this.subtopologies = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| Subtopology::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

