// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerGroupHeartbeatRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupHeartbeatRequest {
    pub group_id: String,
    pub member_id: String,
    pub member_epoch: i32,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub rebalance_timeout_ms: i32,
    pub subscribed_topic_names: Option<Vec<String>>,
    pub subscribed_topic_regex: Option<String>,
    pub server_assignor: Option<String>,
    pub topic_partitions: Option<Vec<TopicPartitions>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerGroupHeartbeatRequest {
    fn default() -> Self {
        ConsumerGroupHeartbeatRequest {
            group_id: String::new(),
            member_id: String::new(),
            member_epoch: 0i32,
            instance_id: None,
            rack_id: None,
            rebalance_timeout_ms: -1i32,
            subscribed_topic_names: None,
            subscribed_topic_regex: None,
            server_assignor: None,
            topic_partitions: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ConsumerGroupHeartbeatRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 16,
            1..=1 => 17,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "ConsumerGroupHeartbeatRequest.GroupId")?;
        this.member_id = r.string(flexible, "ConsumerGroupHeartbeatRequest.MemberId")?;
        this.member_epoch = r.i32()?;
        this.instance_id = r.string_opt(flexible, true, "ConsumerGroupHeartbeatRequest.InstanceId")?;
        this.rack_id = r.string_opt(flexible, true, "ConsumerGroupHeartbeatRequest.RackId")?;
        this.rebalance_timeout_ms = r.i32()?;
        this.subscribed_topic_names = r.array_opt(flexible, true, 1, "ConsumerGroupHeartbeatRequest.SubscribedTopicNames", |r| Ok(r.string(flexible, "ConsumerGroupHeartbeatRequest.SubscribedTopicNames")?))?;
        if version >= 1 { this.subscribed_topic_regex = r.string_opt(flexible, version >= 1, "ConsumerGroupHeartbeatRequest.SubscribedTopicRegex")?; }
        this.server_assignor = r.string_opt(flexible, true, "ConsumerGroupHeartbeatRequest.ServerAssignor")?;
        this.topic_partitions = r.array_opt(flexible, true, TopicPartitions::min_size(version), "ConsumerGroupHeartbeatRequest.TopicPartitions", |r| Ok(TopicPartitions::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.group_id), "ConsumerGroupHeartbeatRequest.GroupId")?;
        size += p::string_size(flexible, (&self.member_id), "ConsumerGroupHeartbeatRequest.MemberId")?;
        size += 4;
        size += p::opt_string_size(flexible, true, (&self.instance_id).as_deref(), "ConsumerGroupHeartbeatRequest.InstanceId")?;
        size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "ConsumerGroupHeartbeatRequest.RackId")?;
        size += 4;
        size += match (&self.subscribed_topic_names) { None => p::array_prefix_size(flexible, true, None, "ConsumerGroupHeartbeatRequest.SubscribedTopicNames")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "ConsumerGroupHeartbeatRequest.SubscribedTopicNames")?; for e in a.iter() { s += p::string_size(flexible, e, "ConsumerGroupHeartbeatRequest.SubscribedTopicNames")?; } s } };
        if version >= 1 { size += p::opt_string_size(flexible, version >= 1, (&self.subscribed_topic_regex).as_deref(), "ConsumerGroupHeartbeatRequest.SubscribedTopicRegex")?; } else if self.subscribed_topic_regex != None { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupHeartbeatRequest", field: "SubscribedTopicRegex", version }); }
        size += p::opt_string_size(flexible, true, (&self.server_assignor).as_deref(), "ConsumerGroupHeartbeatRequest.ServerAssignor")?;
        size += match (&self.topic_partitions) { None => p::array_prefix_size(flexible, true, None, "ConsumerGroupHeartbeatRequest.TopicPartitions")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "ConsumerGroupHeartbeatRequest.TopicPartitions")?; for e in a.iter() { s += e.size(version)?; } s } };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupHeartbeatRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        w.put_i32(*(&self.member_epoch));
        w.put_nullable_string(flexible, (&self.instance_id).as_deref());
        w.put_nullable_string(flexible, (&self.rack_id).as_deref());
        w.put_i32(*(&self.rebalance_timeout_ms));
        match (&self.subscribed_topic_names) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_nullable_string(flexible, Some(e.as_str())); } } }
        if version >= 1 { w.put_nullable_string(flexible, (&self.subscribed_topic_regex).as_deref()); }
        w.put_nullable_string(flexible, (&self.server_assignor).as_deref());
        match (&self.topic_partitions) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
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
impl p::testing::Random for ConsumerGroupHeartbeatRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.instance_id = rng.opt_string(true);
        this.rack_id = rng.opt_string(true);
        this.rebalance_timeout_ms = rng.next_u64() as i32;
        this.subscribed_topic_names = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }) };
        if version >= 1 { this.subscribed_topic_regex = rng.opt_string(version >= 1); }
        this.server_assignor = rng.opt_string(true);
        this.topic_partitions = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| TopicPartitions::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ConsumerGroupHeartbeatRequest {
    const NAME: &'static str = "ConsumerGroupHeartbeatRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    pub topic_id: p::Uuid,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        TopicPartitions {
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicPartitions {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_id = r.uuid()?;
        this.partitions = r.array(flexible, 4, "TopicPartitions.Partitions", |r| Ok(r.i32()?))?;
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
        size += 16;
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicPartitions.Partitions")? + (&self.partitions).len() * 4;
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
        w.put_uuid((&self.topic_id));
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
impl p::testing::Random for TopicPartitions {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

