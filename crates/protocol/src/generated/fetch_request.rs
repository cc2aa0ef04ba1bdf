// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `FetchRequest` (request), versions 4-18.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct FetchRequest {
    pub cluster_id: Option<String>,
    pub replica_id: i32,
    pub replica_state: ReplicaState,
    pub max_wait_ms: i32,
    pub min_bytes: i32,
    pub max_bytes: i32,
    pub isolation_level: i8,
    pub session_id: i32,
    pub session_epoch: i32,
    pub topics: Vec<FetchTopic>,
    pub forgotten_topics_data: Vec<ForgottenTopic>,
    pub rack_id: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchRequest {
    fn default() -> Self {
        FetchRequest {
            cluster_id: None,
            replica_id: -1i32,
            replica_state: ReplicaState::default(),
            max_wait_ms: 0i32,
            min_bytes: 0i32,
            max_bytes: 2147483647i32,
            isolation_level: 0i8,
            session_id: 0i32,
            session_epoch: -1i32,
            topics: Vec::<FetchTopic>::new(),
            forgotten_topics_data: Vec::<ForgottenTopic>::new(),
            rack_id: String::from(""),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchRequest {
    fn min_size(version: i16) -> usize {
        match version {
            4..=6 => 21,
            7..=10 => 33,
            11..=11 => 35,
            12..=14 => 29,
            15..=18 => 25,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if (version >= 12) && !(version >= 12) { this.cluster_id = r.string_opt(flexible, version >= 12, "FetchRequest.ClusterId")?; }
        if version <= 14 { this.replica_id = r.i32()?; }
        if (version >= 15) && !(version >= 15) { this.replica_state = ReplicaState::read(r, version)?; }
        this.max_wait_ms = r.i32()?;
        this.min_bytes = r.i32()?;
        if version >= 3 { this.max_bytes = r.i32()?; }
        if version >= 4 { this.isolation_level = r.i8()?; }
        if version >= 7 { this.session_id = r.i32()?; }
        if version >= 7 { this.session_epoch = r.i32()?; }
        this.topics = r.array(flexible, FetchTopic::min_size(version), "FetchRequest.Topics", |r| Ok(FetchTopic::read(r, version)?))?;
        if version >= 7 { this.forgotten_topics_data = r.array(flexible, ForgottenTopic::min_size(version), "FetchRequest.ForgottenTopicsData", |r| Ok(ForgottenTopic::read(r, version)?))?; }
        if version >= 11 { this.rack_id = r.string(flexible, "FetchRequest.RackId")?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 12 => { this.cluster_id = r.string_opt(flexible, version >= 12, "FetchRequest.ClusterId")?; Ok(true) }
                    1 if version >= 15 => { this.replica_state = ReplicaState::read(r, version)?; Ok(true) }
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
        if (version >= 12) && !(version >= 12) { size += p::opt_string_size(flexible, version >= 12, (&self.cluster_id).as_deref(), "FetchRequest.ClusterId")?; } else if version >= 12 { if self.cluster_id != None { let s = p::opt_string_size(flexible, version >= 12, (&self.cluster_id).as_deref(), "FetchRequest.ClusterId")?; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } }
        if version <= 14 { size += 4; } else if self.replica_id != -1i32 { return Err(p::WireError::FieldNotSupported { message: "FetchRequest", field: "ReplicaId", version }); }
        if (version >= 15) && !(version >= 15) { size += (&self.replica_state).size(version)?; } else if version >= 15 { if self.replica_state != ReplicaState::default() { let s = (&self.replica_state).size(version)?; tagged_count += 1; tagged_size += p::unsigned_varint_size(1) + p::unsigned_varint_size(s as u32) + s; } } else if self.replica_state != ReplicaState::default() { return Err(p::WireError::FieldNotSupported { message: "FetchRequest", field: "ReplicaState", version }); }
        size += 4;
        size += 4;
        if version >= 3 { size += 4; }
        if version >= 4 { size += 1; }
        if version >= 7 { size += 4; }
        if version >= 7 { size += 4; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "FetchRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if version >= 7 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.forgotten_topics_data).len()), "FetchRequest.ForgottenTopicsData")?; for e in (&self.forgotten_topics_data).iter() { s += e.size(version)?; } s }; } else if self.forgotten_topics_data != Vec::<ForgottenTopic>::new() { return Err(p::WireError::FieldNotSupported { message: "FetchRequest", field: "ForgottenTopicsData", version }); }
        if version >= 11 { size += p::string_size(flexible, (&self.rack_id), "FetchRequest.RackId")?; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FetchRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 12;
        if (version >= 12) && !(version >= 12) { w.put_nullable_string(flexible, (&self.cluster_id).as_deref()); }
        if version <= 14 { w.put_i32(*(&self.replica_id)); }
        if (version >= 15) && !(version >= 15) { (&self.replica_state).write(w, version)?; }
        w.put_i32(*(&self.max_wait_ms));
        w.put_i32(*(&self.min_bytes));
        if version >= 3 { w.put_i32(*(&self.max_bytes)); }
        if version >= 4 { w.put_i8(*(&self.isolation_level)); }
        if version >= 7 { w.put_i32(*(&self.session_id)); }
        if version >= 7 { w.put_i32(*(&self.session_epoch)); }
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        if version >= 7 { w.put_length(flexible, true, Some((&self.forgotten_topics_data).len())); for e in (&self.forgotten_topics_data).iter() { e.write(w, version)?; } }
        if version >= 11 { w.put_nullable_string(flexible, Some((&self.rack_id).as_str())); }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 12 && self.cluster_id != None { count += 1; }
            if version >= 15 && self.replica_state != ReplicaState::default() { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 12 && self.cluster_id != None {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = p::opt_string_size(flexible, version >= 12, (&self.cluster_id).as_deref(), "FetchRequest.ClusterId")?;
                w.put_unsigned_varint(s as u32);
                w.put_nullable_string(flexible, (&self.cluster_id).as_deref());
            }
            if version >= 15 && self.replica_state != ReplicaState::default() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1);
                next_tag = 1;
                w.put_unsigned_varint(1);
                let s = (&self.replica_state).size(version)?;
                w.put_unsigned_varint(s as u32);
                (&self.replica_state).write(w, version)?;
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for FetchRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if (version >= 12) || (version >= 12) { this.cluster_id = rng.opt_string(version >= 12); }
        if version <= 14 { this.replica_id = rng.next_u64() as i32; }
        if (version >= 15) || (version >= 15) { this.replica_state = ReplicaState::random(rng, version, depth + 1); }
        this.max_wait_ms = rng.next_u64() as i32;
        this.min_bytes = rng.next_u64() as i32;
        if version >= 3 { this.max_bytes = rng.next_u64() as i32; }
        if version >= 4 { this.isolation_level = rng.next_u64() as i8; }
        if version >= 7 { this.session_id = rng.next_u64() as i32; }
        if version >= 7 { this.session_epoch = rng.next_u64() as i32; }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| FetchTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 7 { this.forgotten_topics_data = { let n = rng.len(depth); (0..n).map(|_| ForgottenTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 11 { this.rack_id = rng.string(); }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for FetchRequest {
    const NAME: &'static str = "FetchRequest";
    const LOWEST_VERSION: i16 = 4;
    const HIGHEST_VERSION: i16 = 18;
    const FLEXIBLE_FROM: Option<i16> = Some(12);
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchPartition {
    pub partition: i32,
    pub current_leader_epoch: i32,
    pub fetch_offset: i64,
    pub last_fetched_epoch: i32,
    pub log_start_offset: i64,
    pub partition_max_bytes: i32,
    pub replica_directory_id: p::Uuid,
    pub high_watermark: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchPartition {
    fn default() -> Self {
        FetchPartition {
            partition: 0i32,
            current_leader_epoch: -1i32,
            fetch_offset: 0i64,
            last_fetched_epoch: -1i32,
            log_start_offset: -1i64,
            partition_max_bytes: 0i32,
            replica_directory_id: p::Uuid::ZERO,
            high_watermark: 9223372036854775807i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchPartition {
    fn min_size(version: i16) -> usize {
        match version {
            4..=4 => 16,
            5..=8 => 24,
            9..=11 => 28,
            12..=18 => 33,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        this.partition = r.i32()?;
        if version >= 9 { this.current_leader_epoch = r.i32()?; }
        this.fetch_offset = r.i64()?;
        if version >= 12 { this.last_fetched_epoch = r.i32()?; }
        if version >= 5 { this.log_start_offset = r.i64()?; }
        this.partition_max_bytes = r.i32()?;
        if (version >= 17) && !(version >= 17) { this.replica_directory_id = r.uuid()?; }
        if (version >= 18) && !(version >= 18) { this.high_watermark = r.i64()?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 17 => { this.replica_directory_id = r.uuid()?; Ok(true) }
                    1 if version >= 18 => { this.high_watermark = r.i64()?; Ok(true) }
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
        if version >= 9 { size += 4; }
        size += 8;
        if version >= 12 { size += 4; } else if self.last_fetched_epoch != -1i32 { return Err(p::WireError::FieldNotSupported { message: "FetchPartition", field: "LastFetchedEpoch", version }); }
        if version >= 5 { size += 8; }
        size += 4;
        if (version >= 17) && !(version >= 17) { size += 16; } else if version >= 17 { if self.replica_directory_id != p::Uuid::ZERO { let s = 16; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } }
        if (version >= 18) && !(version >= 18) { size += 8; } else if version >= 18 { if self.high_watermark != 9223372036854775807i64 { let s = 8; tagged_count += 1; tagged_size += p::unsigned_varint_size(1) + p::unsigned_varint_size(s as u32) + s; } }
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
        let flexible = version >= 12;
        w.put_i32(*(&self.partition));
        if version >= 9 { w.put_i32(*(&self.current_leader_epoch)); }
        w.put_i64(*(&self.fetch_offset));
        if version >= 12 { w.put_i32(*(&self.last_fetched_epoch)); }
        if version >= 5 { w.put_i64(*(&self.log_start_offset)); }
        w.put_i32(*(&self.partition_max_bytes));
        if (version >= 17) && !(version >= 17) { w.put_uuid((&self.replica_directory_id)); }
        if (version >= 18) && !(version >= 18) { w.put_i64(*(&self.high_watermark)); }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 17 && self.replica_directory_id != p::Uuid::ZERO { count += 1; }
            if version >= 18 && self.high_watermark != 9223372036854775807i64 { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 17 && self.replica_directory_id != p::Uuid::ZERO {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 16;
                w.put_unsigned_varint(s as u32);
                w.put_uuid((&self.replica_directory_id));
            }
            if version >= 18 && self.high_watermark != 9223372036854775807i64 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1);
                next_tag = 1;
                w.put_unsigned_varint(1);
                let s = 8;
                w.put_unsigned_varint(s as u32);
                w.put_i64(*(&self.high_watermark));
            }
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
        this.partition = rng.next_u64() as i32;
        if version >= 9 { this.current_leader_epoch = rng.next_u64() as i32; }
        this.fetch_offset = rng.next_u64() as i64;
        if version >= 12 { this.last_fetched_epoch = rng.next_u64() as i32; }
        if version >= 5 { this.log_start_offset = rng.next_u64() as i64; }
        this.partition_max_bytes = rng.next_u64() as i32;
        if (version >= 17) || (version >= 17) { this.replica_directory_id = rng.uuid(); }
        if (version >= 18) || (version >= 18) { this.high_watermark = rng.next_u64() as i64; }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchTopic {
    pub topic: String,
    pub topic_id: p::Uuid,
    pub partitions: Vec<FetchPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchTopic {
    fn default() -> Self {
        FetchTopic {
            topic: String::new(),
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<FetchPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchTopic {
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
        if version <= 12 { this.topic = r.string(flexible, "FetchTopic.Topic")?; }
        if version >= 13 { this.topic_id = r.uuid()?; }
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
        let flexible = version >= 12;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version <= 12 { size += p::string_size(flexible, (&self.topic), "FetchTopic.Topic")?; }
        if version >= 13 { size += 16; }
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
impl p::testing::Random for FetchTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 12 { this.topic = rng.string(); }
        if version >= 13 { this.topic_id = rng.uuid(); }
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| FetchPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ForgottenTopic {
    pub topic: String,
    pub topic_id: p::Uuid,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ForgottenTopic {
    fn default() -> Self {
        ForgottenTopic {
            topic: String::new(),
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ForgottenTopic {
    fn min_size(version: i16) -> usize {
        match version {
            4..=6 => 0,
            7..=11 => 6,
            12..=12 => 3,
            13..=18 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if (7..=12).contains(&version) { this.topic = r.string(flexible, "ForgottenTopic.Topic")?; }
        if version >= 13 { this.topic_id = r.uuid()?; }
        if version >= 7 { this.partitions = r.array(flexible, 4, "ForgottenTopic.Partitions", |r| Ok(r.i32()?))?; }
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
        if (7..=12).contains(&version) { size += p::string_size(flexible, (&self.topic), "ForgottenTopic.Topic")?; }
        if version >= 13 { size += 16; }
        if version >= 7 { size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "ForgottenTopic.Partitions")? + (&self.partitions).len() * 4; } else if self.partitions != Vec::<i32>::new() { return Err(p::WireError::FieldNotSupported { message: "ForgottenTopic", field: "Partitions", version }); }
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
        let flexible = version >= 12;
        if (7..=12).contains(&version) { w.put_nullable_string(flexible, Some((&self.topic).as_str())); }
        if version >= 13 { w.put_uuid((&self.topic_id)); }
        if version >= 7 { w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); } }
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
        if (7..=12).contains(&version) { this.topic = rng.string(); }
        if version >= 13 { this.topic_id = rng.uuid(); }
        if version >= 7 { this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaState {
    pub replica_id: i32,
    pub replica_epoch: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ReplicaState {
    fn default() -> Self {
        ReplicaState {
            replica_id: -1i32,
            replica_epoch: -1i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ReplicaState {
    fn min_size(version: i16) -> usize {
        match version {
            4..=11 => 0,
            12..=14 => 1,
            15..=18 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 12;
        let mut this = Self::default();
        if version >= 15 { this.replica_id = r.i32()?; }
        if version >= 15 { this.replica_epoch = r.i64()?; }
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
        if version >= 15 { size += 4; } else if self.replica_id != -1i32 { return Err(p::WireError::FieldNotSupported { message: "ReplicaState", field: "ReplicaId", version }); }
        if version >= 15 { size += 8; } else if self.replica_epoch != -1i64 { return Err(p::WireError::FieldNotSupported { message: "ReplicaState", field: "ReplicaEpoch", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ReplicaState", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 12;
        if version >= 15 { w.put_i32(*(&self.replica_id)); }
        if version >= 15 { w.put_i64(*(&self.replica_epoch)); }
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
impl p::testing::Random for ReplicaState {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 15 { this.replica_id = rng.next_u64() as i32; }
        if version >= 15 { this.replica_epoch = rng.next_u64() as i64; }
        if (version >= 12) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

