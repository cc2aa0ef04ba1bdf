// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ShareFetchRequest` (request), versions 1-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ShareFetchRequest {
    pub group_id: Option<String>,
    pub member_id: Option<String>,
    pub share_session_epoch: i32,
    pub max_wait_ms: i32,
    pub min_bytes: i32,
    pub max_bytes: i32,
    pub max_records: i32,
    pub batch_size: i32,
    pub share_acquire_mode: i8,
    pub is_renew_ack: bool,
    pub topics: Vec<FetchTopic>,
    pub forgotten_topics_data: Vec<ForgottenTopic>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareFetchRequest {
    fn default() -> Self {
        ShareFetchRequest {
            group_id: None,
            member_id: Some(String::new()),
            share_session_epoch: 0i32,
            max_wait_ms: 0i32,
            min_bytes: 0i32,
            max_bytes: 2147483647i32,
            max_records: 0i32,
            batch_size: 0i32,
            share_acquire_mode: 0i8,
            is_renew_ack: false,
            topics: Vec::<FetchTopic>::new(),
            forgotten_topics_data: Vec::<ForgottenTopic>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ShareFetchRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 29,
            2..=2 => 31,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.group_id = r.string_opt(flexible, true, "ShareFetchRequest.GroupId")?;
        this.member_id = r.string_opt(flexible, true, "ShareFetchRequest.MemberId")?;
        this.share_session_epoch = r.i32()?;
        this.max_wait_ms = r.i32()?;
        this.min_bytes = r.i32()?;
        this.max_bytes = r.i32()?;
        if version >= 1 { this.max_records = r.i32()?; }
        if version >= 1 { this.batch_size = r.i32()?; }
        if version >= 2 { this.share_acquire_mode = r.i8()?; }
        if version >= 2 { this.is_renew_ack = r.bool()?; }
        this.topics = r.array(flexible, FetchTopic::min_size(version), "ShareFetchRequest.Topics", |r| Ok(FetchTopic::read(r, version)?))?;
        this.forgotten_topics_data = r.array(flexible, ForgottenTopic::min_size(version), "ShareFetchRequest.ForgottenTopicsData", |r| Ok(ForgottenTopic::read(r, version)?))?;
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
        size += p::opt_string_size(flexible, true, (&self.group_id).as_deref(), "ShareFetchRequest.GroupId")?;
        size += p::opt_string_size(flexible, true, (&self.member_id).as_deref(), "ShareFetchRequest.MemberId")?;
        size += 4;
        size += 4;
        size += 4;
        size += 4;
        if version >= 1 { size += 4; } else if self.max_records != 0i32 { return Err(p::WireError::FieldNotSupported { message: "ShareFetchRequest", field: "MaxRecords", version }); }
        if version >= 1 { size += 4; } else if self.batch_size != 0i32 { return Err(p::WireError::FieldNotSupported { message: "ShareFetchRequest", field: "BatchSize", version }); }
        if version >= 2 { size += 1; }
        if version >= 2 { size += 1; } else if self.is_renew_ack != false { return Err(p::WireError::FieldNotSupported { message: "ShareFetchRequest", field: "IsRenewAck", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "ShareFetchRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.forgotten_topics_data).len()), "ShareFetchRequest.ForgottenTopicsData")?; for e in (&self.forgotten_topics_data).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ShareFetchRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, (&self.group_id).as_deref());
        w.put_nullable_string(flexible, (&self.member_id).as_deref());
        w.put_i32(*(&self.share_session_epoch));
        w.put_i32(*(&self.max_wait_ms));
        w.put_i32(*(&self.min_bytes));
        w.put_i32(*(&self.max_bytes));
        if version >= 1 { w.put_i32(*(&self.max_records)); }
        if version >= 1 { w.put_i32(*(&self.batch_size)); }
        if version >= 2 { w.put_i8(*(&self.share_acquire_mode)); }
        if version >= 2 { w.put_bool(*(&self.is_renew_ack)); }
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.forgotten_topics_data).len())); for e in (&self.forgotten_topics_data).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ShareFetchRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.opt_string(true);
        this.member_id = rng.opt_string(true);
        this.share_session_epoch = rng.next_u64() as i32;
        this.max_wait_ms = rng.next_u64() as i32;
        this.min_bytes = rng.next_u64() as i32;
        this.max_bytes = rng.next_u64() as i32;
        if version >= 1 { this.max_records = rng.next_u64() as i32; }
        if version >= 1 { this.batch_size = rng.next_u64() as i32; }
        if version >= 2 { this.share_acquire_mode = rng.next_u64() as i8; }
        if version >= 2 { this.is_renew_ack = rng.bool(); }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| FetchTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.forgotten_topics_data = { let n = rng.len(depth); (0..n).map(|_| ForgottenTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ShareFetchRequest {
    const NAME: &'static str = "ShareFetchRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

#[derive(Debug, Clone, PartialEq)]
pub struct AcknowledgementBatch {
    pub first_offset: i64,
    pub last_offset: i64,
    pub acknowledge_types: Vec<i8>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AcknowledgementBatch {
    fn default() -> Self {
        AcknowledgementBatch {
            first_offset: 0i64,
            last_offset: 0i64,
            acknowledge_types: Vec::<i8>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AcknowledgementBatch {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.first_offset = r.i64()?;
        this.last_offset = r.i64()?;
        this.acknowledge_types = r.array(flexible, 1, "AcknowledgementBatch.AcknowledgeTypes", |r| Ok(r.i8()?))?;
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
        size += 8;
        size += p::array_prefix_size(flexible, false, Some((&self.acknowledge_types).len()), "AcknowledgementBatch.AcknowledgeTypes")? + (&self.acknowledge_types).len() * 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AcknowledgementBatch", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i64(*(&self.first_offset));
        w.put_i64(*(&self.last_offset));
        w.put_length(flexible, true, Some((&self.acknowledge_types).len())); for e in (&self.acknowledge_types).iter() { w.put_i8(*e); }
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
impl p::testing::Random for AcknowledgementBatch {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.first_offset = rng.next_u64() as i64;
        this.last_offset = rng.next_u64() as i64;
        this.acknowledge_types = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i8).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchPartition {
    pub partition_index: i32,
    pub partition_max_bytes: i32,
    pub acknowledgement_batches: Vec<AcknowledgementBatch>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchPartition {
    fn default() -> Self {
        FetchPartition {
            partition_index: 0i32,
            partition_max_bytes: 0i32,
            acknowledgement_batches: Vec::<AcknowledgementBatch>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchPartition {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        if version <= 0 { this.partition_max_bytes = r.i32()?; }
        this.acknowledgement_batches = r.array(flexible, AcknowledgementBatch::min_size(version), "FetchPartition.AcknowledgementBatches", |r| Ok(AcknowledgementBatch::read(r, version)?))?;
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
        if version <= 0 { size += 4; } else if self.partition_max_bytes != 0i32 { return Err(p::WireError::FieldNotSupported { message: "FetchPartition", field: "PartitionMaxBytes", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.acknowledgement_batches).len()), "FetchPartition.AcknowledgementBatches")?; for e in (&self.acknowledgement_batches).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FetchPartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.partition_index));
        if version <= 0 { w.put_i32(*(&self.partition_max_bytes)); }
        w.put_length(flexible, true, Some((&self.acknowledgement_batches).len())); for e in (&self.acknowledgement_batches).iter() { e.write(w, version)?; }
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
impl p::testing::Random for FetchPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        if version <= 0 { this.partition_max_bytes = rng.next_u64() as i32; }
        this.acknowledgement_batches = { let n = rng.len(depth); (0..n).map(|_| AcknowledgementBatch::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchTopic {
    pub topic_id: p::Uuid,
    pub partitions: Vec<FetchPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchTopic {
    fn default() -> Self {
        FetchTopic {
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<FetchPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchTopic {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_id = r.uuid()?;
        this.partitions = r.array(flexible, FetchPartition::min_size(version), "FetchTopic.Partitions", |r| Ok(FetchPartition::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "FetchTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FetchTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_uuid((&self.topic_id));
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
impl p::testing::Random for FetchTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| FetchPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ForgottenTopic {
    pub topic_id: p::Uuid,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ForgottenTopic {
    fn default() -> Self {
        ForgottenTopic {
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ForgottenTopic {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_id = r.uuid()?;
        this.partitions = r.array(flexible, 4, "ForgottenTopic.Partitions", |r| Ok(r.i32()?))?;
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
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "ForgottenTopic.Partitions")? + (&self.partitions).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ForgottenTopic", field: "unknown tagged fields", version });
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
impl p::testing::Random for ForgottenTopic {
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

