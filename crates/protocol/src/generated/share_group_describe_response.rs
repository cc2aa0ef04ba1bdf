// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ShareGroupDescribeResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroupDescribeResponse {
    pub throttle_time_ms: i32,
    pub groups: Vec<DescribedGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareGroupDescribeResponse {
    fn default() -> Self {
        ShareGroupDescribeResponse {
            throttle_time_ms: 0i32,
            groups: Vec::<DescribedGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ShareGroupDescribeResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if true { this.throttle_time_ms = r.i32()?; }
        if true { this.groups = r.array(flexible, DescribedGroup::min_size(version), "ShareGroupDescribeResponse.Groups", |r| Ok(DescribedGroup::read(r, version)?))?; }
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
        if true { size += 4; } else if self.throttle_time_ms != 0i32 { return Err(p::WireError::FieldNotSupported { message: "ShareGroupDescribeResponse", field: "ThrottleTimeMs", version }); }
        if true { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "ShareGroupDescribeResponse.Groups")?; for e in (&self.groups).iter() { s += e.size(version)?; } s }; } else if self.groups != Vec::<DescribedGroup>::new() { return Err(p::WireError::FieldNotSupported { message: "ShareGroupDescribeResponse", field: "Groups", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ShareGroupDescribeResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        if true { w.put_i32(*(&self.throttle_time_ms)); }
        if true { w.put_length(flexible, true, Some((&self.groups).len())); for e in (&self.groups).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for ShareGroupDescribeResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if true { this.throttle_time_ms = rng.next_u64() as i32; }
        if true { this.groups = { let n = rng.len(depth); (0..n).map(|_| DescribedGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ShareGroupDescribeResponse {
    const NAME: &'static str = "ShareGroupDescribeResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub topic_partitions: Vec<TopicPartitions>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Assignment {
    fn default() -> Self {
        Assignment {
            topic_partitions: Vec::<TopicPartitions>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Assignment {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if true { this.topic_partitions = r.array(flexible, TopicPartitions::min_size(version), "Assignment.TopicPartitions", |r| Ok(TopicPartitions::read(r, version)?))?; }
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
        if true { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_partitions).len()), "Assignment.TopicPartitions")?; for e in (&self.topic_partitions).iter() { s += e.size(version)?; } s }; } else if self.topic_partitions != Vec::<TopicPartitions>::new() { return Err(p::WireError::FieldNotSupported { message: "Assignment", field: "TopicPartitions", version }); }
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
        if true { w.put_length(flexible, true, Some((&self.topic_partitions).len())); for e in (&self.topic_partitions).iter() { e.write(w, version)?; } }
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
        if true { this.topic_partitions = { let n = rng.len(depth); (0..n).map(|_| TopicPartitions::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
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
    pub assignor_name: String,
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
            assignor_name: String::new(),
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
        if true { this.error_code = r.i16()?; }
        if true { this.error_message = r.string_opt(flexible, true, "DescribedGroup.ErrorMessage")?; }
        if true { this.group_id = r.string(flexible, "DescribedGroup.GroupId")?; }
        if true { this.group_state = r.string(flexible, "DescribedGroup.GroupState")?; }
        if true { this.group_epoch = r.i32()?; }
        if true { this.assignment_epoch = r.i32()?; }
        if true { this.assignor_name = r.string(flexible, "DescribedGroup.AssignorName")?; }
        if true { this.members = r.array(flexible, Member::min_size(version), "DescribedGroup.Members", |r| Ok(Member::read(r, version)?))?; }
        if true { this.authorized_operations = r.i32()?; }
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
        if true { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "ErrorCode", version }); }
        if true { size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribedGroup.ErrorMessage")?; } else if self.error_message != None { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "ErrorMessage", version }); }
        if true { size += p::string_size(flexible, (&self.group_id), "DescribedGroup.GroupId")?; } else if self.group_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "GroupId", version }); }
        if true { size += p::string_size(flexible, (&self.group_state), "DescribedGroup.GroupState")?; } else if self.group_state != String::new() { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "GroupState", version }); }
        if true { size += 4; } else if self.group_epoch != 0i32 { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "GroupEpoch", version }); }
        if true { size += 4; } else if self.assignment_epoch != 0i32 { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "AssignmentEpoch", version }); }
        if true { size += p::string_size(flexible, (&self.assignor_name), "DescribedGroup.AssignorName")?; } else if self.assignor_name != String::new() { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "AssignorName", version }); }
        if true { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.members).len()), "DescribedGroup.Members")?; for e in (&self.members).iter() { s += e.size(version)?; } s }; } else if self.members != Vec::<Member>::new() { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "Members", version }); }
        if true { size += 4; } else if self.authorized_operations != -2147483648i32 { return Err(p::WireError::FieldNotSupported { message: "DescribedGroup", field: "AuthorizedOperations", version }); }
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
        if true { w.put_i16(*(&self.error_code)); }
        if true { w.put_nullable_string(flexible, (&self.error_message).as_deref()); }
        if true { w.put_nullable_string(flexible, Some((&self.group_id).as_str())); }
        if true { w.put_nullable_string(flexible, Some((&self.group_state).as_str())); }
        if true { w.put_i32(*(&self.group_epoch)); }
        if true { w.put_i32(*(&self.assignment_epoch)); }
        if true { w.put_nullable_string(flexible, Some((&self.assignor_name).as_str())); }
        if true { w.put_length(flexible, true, Some((&self.members).len())); for e in (&self.members).iter() { e.write(w, version)?; } }
        if true { w.put_i32(*(&self.authorized_operations)); }
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
        if true { this.error_code = rng.next_u64() as i16; }
        if true { this.error_message = rng.opt_string(true); }
        if true { this.group_id = rng.string(); }
        if true { this.group_state = rng.string(); }
        if true { this.group_epoch = rng.next_u64() as i32; }
        if true { this.assignment_epoch = rng.next_u64() as i32; }
        if true { this.assignor_name = rng.string(); }
        if true { this.members = { let n = rng.len(depth); (0..n).map(|_| Member::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if true { this.authorized_operations = rng.next_u64() as i32; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub member_id: String,
    pub rack_id: Option<String>,
    pub member_epoch: i32,
    pub client_id: String,
    pub client_host: String,
    pub subscribed_topic_names: Vec<String>,
    pub assignment: Assignment,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Member {
    fn default() -> Self {
        Member {
            member_id: String::new(),
            rack_id: None,
            member_epoch: 0i32,
            client_id: String::new(),
            client_host: String::new(),
            subscribed_topic_names: Vec::<String>::new(),
            assignment: Assignment::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Member {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 12,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if true { this.member_id = r.string(flexible, "Member.MemberId")?; }
        if true { this.rack_id = r.string_opt(flexible, true, "Member.RackId")?; }
        if true { this.member_epoch = r.i32()?; }
        if true { this.client_id = r.string(flexible, "Member.ClientId")?; }
        if true { this.client_host = r.string(flexible, "Member.ClientHost")?; }
        if true { this.subscribed_topic_names = r.array(flexible, 1, "Member.SubscribedTopicNames", |r| Ok(r.string(flexible, "Member.SubscribedTopicNames")?))?; }
        if true { this.assignment = Assignment::read(r, version)?; }
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
        if true { size += p::string_size(flexible, (&self.member_id), "Member.MemberId")?; } else if self.member_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "Member", field: "MemberId", version }); }
        if true { size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "Member.RackId")?; } else if self.rack_id != None { return Err(p::WireError::FieldNotSupported { message: "Member", field: "RackId", version }); }
        if true { size += 4; } else if self.member_epoch != 0i32 { return Err(p::WireError::FieldNotSupported { message: "Member", field: "MemberEpoch", version }); }
        if true { size += p::string_size(flexible, (&self.client_id), "Member.ClientId")?; } else if self.client_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "Member", field: "ClientId", version }); }
        if true { size += p::string_size(flexible, (&self.client_host), "Member.ClientHost")?; } else if self.client_host != String::new() { return Err(p::WireError::FieldNotSupported { message: "Member", field: "ClientHost", version }); }
        if true { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.subscribed_topic_names).len()), "Member.SubscribedTopicNames")?; for e in (&self.subscribed_topic_names).iter() { s += p::string_size(flexible, e, "Member.SubscribedTopicNames")?; } s }; } else if self.subscribed_topic_names != Vec::<String>::new() { return Err(p::WireError::FieldNotSupported { message: "Member", field: "SubscribedTopicNames", version }); }
        if true { size += (&self.assignment).size(version)?; } else if self.assignment != Assignment::default() { return Err(p::WireError::FieldNotSupported { message: "Member", field: "Assignment", version }); }
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
        if true { w.put_nullable_string(flexible, Some((&self.member_id).as_str())); }
        if true { w.put_nullable_string(flexible, (&self.rack_id).as_deref()); }
        if true { w.put_i32(*(&self.member_epoch)); }
        if true { w.put_nullable_string(flexible, Some((&self.client_id).as_str())); }
        if true { w.put_nullable_string(flexible, Some((&self.client_host).as_str())); }
        if true { w.put_length(flexible, true, Some((&self.subscribed_topic_names).len())); for e in (&self.subscribed_topic_names).iter() { w.put_nullable_string(flexible, Some(e.as_str())); } }
        if true { (&self.assignment).write(w, version)?; }
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
        if true { this.member_id = rng.string(); }
        if true { this.rack_id = rng.opt_string(true); }
        if true { this.member_epoch = rng.next_u64() as i32; }
        if true { this.client_id = rng.string(); }
        if true { this.client_host = rng.string(); }
        if true { this.subscribed_topic_names = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }; }
        if true { this.assignment = Assignment::random(rng, version, depth + 1); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    pub topic_id: p::Uuid,
    pub topic_name: String,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        TopicPartitions {
            topic_id: p::Uuid::ZERO,
            topic_name: String::new(),
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicPartitions {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 19,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if true { this.topic_id = r.uuid()?; }
        if true { this.topic_name = r.string(flexible, "TopicPartitions.TopicName")?; }
        if true { this.partitions = r.array(flexible, 4, "TopicPartitions.Partitions", |r| Ok(r.i32()?))?; }
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
        if true { size += 16; } else if self.topic_id != p::Uuid::ZERO { return Err(p::WireError::FieldNotSupported { message: "TopicPartitions", field: "TopicId", version }); }
        if true { size += p::string_size(flexible, (&self.topic_name), "TopicPartitions.TopicName")?; } else if self.topic_name != String::new() { return Err(p::WireError::FieldNotSupported { message: "TopicPartitions", field: "TopicName", version }); }
        if true { size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicPartitions.Partitions")? + (&self.partitions).len() * 4; } else if self.partitions != Vec::<i32>::new() { return Err(p::WireError::FieldNotSupported { message: "TopicPartitions", field: "Partitions", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicPartitions", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        if true { w.put_uuid((&self.topic_id)); }
        if true { w.put_nullable_string(flexible, Some((&self.topic_name).as_str())); }
        if true { w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); } }
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
impl p::testing::Random for TopicPartitions {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if true { this.topic_id = rng.uuid(); }
        if true { this.topic_name = rng.string(); }
        if true { this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

