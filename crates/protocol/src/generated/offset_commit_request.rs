// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `OffsetCommitRequest` (request), versions 2-10.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequest {
    pub group_id: String,
    pub generation_id_or_member_epoch: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub retention_time_ms: i64,
    pub topics: Vec<OffsetCommitRequestTopic>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetCommitRequest {
    fn default() -> Self {
        OffsetCommitRequest {
            group_id: String::new(),
            generation_id_or_member_epoch: -1i32,
            member_id: String::new(),
            group_instance_id: None,
            retention_time_ms: -1i64,
            topics: Vec::<OffsetCommitRequestTopic>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetCommitRequest {
    fn min_size(version: i16) -> usize {
        match version {
            2..=4 => 20,
            5..=6 => 12,
            7..=7 => 14,
            8..=10 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 8;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "OffsetCommitRequest.GroupId")?;
        if version >= 1 { this.generation_id_or_member_epoch = r.i32()?; }
        if version >= 1 { this.member_id = r.string(flexible, "OffsetCommitRequest.MemberId")?; }
        if version >= 7 { this.group_instance_id = r.string_opt(flexible, version >= 7, "OffsetCommitRequest.GroupInstanceId")?; }
        if (2..=4).contains(&version) { this.retention_time_ms = r.i64()?; }
        this.topics = r.array(flexible, OffsetCommitRequestTopic::min_size(version), "OffsetCommitRequest.Topics", |r| Ok(OffsetCommitRequestTopic::read(r, version)?))?;
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
        let flexible = version >= 8;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.group_id), "OffsetCommitRequest.GroupId")?;
        if version >= 1 { size += 4; }
        if version >= 1 { size += p::string_size(flexible, (&self.member_id), "OffsetCommitRequest.MemberId")?; }
        if version >= 7 { size += p::opt_string_size(flexible, version >= 7, (&self.group_instance_id).as_deref(), "OffsetCommitRequest.GroupInstanceId")?; } else if self.group_instance_id != None { return Err(p::WireError::FieldNotSupported { message: "OffsetCommitRequest", field: "GroupInstanceId", version }); }
        if (2..=4).contains(&version) { size += 8; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "OffsetCommitRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetCommitRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 8;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        if version >= 1 { w.put_i32(*(&self.generation_id_or_member_epoch)); }
        if version >= 1 { w.put_nullable_string(flexible, Some((&self.member_id).as_str())); }
        if version >= 7 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
        if (2..=4).contains(&version) { w.put_i64(*(&self.retention_time_ms)); }
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
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
impl p::testing::Random for OffsetCommitRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        if version >= 1 { this.generation_id_or_member_epoch = rng.next_u64() as i32; }
        if version >= 1 { this.member_id = rng.string(); }
        if version >= 7 { this.group_instance_id = rng.opt_string(version >= 7); }
        if (2..=4).contains(&version) { this.retention_time_ms = rng.next_u64() as i64; }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| OffsetCommitRequestTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 8) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for OffsetCommitRequest {
    const NAME: &'static str = "OffsetCommitRequest";
    const LOWEST_VERSION: i16 = 2;
    const HIGHEST_VERSION: i16 = 10;
    const FLEXIBLE_FROM: Option<i16> = Some(8);
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequestPartition {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub committed_metadata: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetCommitRequestPartition {
    fn default() -> Self {
        OffsetCommitRequestPartition {
            partition_index: 0i32,
            committed_offset: 0i64,
            committed_leader_epoch: -1i32,
            committed_metadata: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetCommitRequestPartition {
    fn min_size(version: i16) -> usize {
        match version {
            2..=5 => 14,
            6..=10 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 8;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.committed_offset = r.i64()?;
        if version >= 6 { this.committed_leader_epoch = r.i32()?; }
        this.committed_metadata = r.string_opt(flexible, true, "OffsetCommitRequestPartition.CommittedMetadata")?;
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
        let flexible = version >= 8;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 8;
        if version >= 6 { size += 4; }
        size += p::opt_string_size(flexible, true, (&self.committed_metadata).as_deref(), "OffsetCommitRequestPartition.CommittedMetadata")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetCommitRequestPartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 8;
        w.put_i32(*(&self.partition_index));
        w.put_i64(*(&self.committed_offset));
        if version >= 6 { w.put_i32(*(&self.committed_leader_epoch)); }
        w.put_nullable_string(flexible, (&self.committed_metadata).as_deref());
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
impl p::testing::Random for OffsetCommitRequestPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.committed_offset = rng.next_u64() as i64;
        if version >= 6 { this.committed_leader_epoch = rng.next_u64() as i32; }
        this.committed_metadata = rng.opt_string(true);
        if (version >= 8) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequestTopic {
    pub name: String,
    pub topic_id: p::Uuid,
    pub partitions: Vec<OffsetCommitRequestPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetCommitRequestTopic {
    fn default() -> Self {
        OffsetCommitRequestTopic {
            name: String::new(),
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<OffsetCommitRequestPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetCommitRequestTopic {
    fn min_size(version: i16) -> usize {
        match version {
            2..=7 => 6,
            8..=9 => 3,
            10..=10 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 8;
        let mut this = Self::default();
        if version <= 9 { this.name = r.string(flexible, "OffsetCommitRequestTopic.Name")?; }
        if version >= 10 { this.topic_id = r.uuid()?; }
        this.partitions = r.array(flexible, OffsetCommitRequestPartition::min_size(version), "OffsetCommitRequestTopic.Partitions", |r| Ok(OffsetCommitRequestPartition::read(r, version)?))?;
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
        let flexible = version >= 8;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version <= 9 { size += p::string_size(flexible, (&self.name), "OffsetCommitRequestTopic.Name")?; }
        if version >= 10 { size += 16; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "OffsetCommitRequestTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetCommitRequestTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 8;
        if version <= 9 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 10 { w.put_uuid((&self.topic_id)); }
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
impl p::testing::Random for OffsetCommitRequestTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 9 { this.name = rng.string(); }
        if version >= 10 { this.topic_id = rng.uuid(); }
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| OffsetCommitRequestPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 8) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

