// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `TxnOffsetCommitRequest` (request), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequest {
    pub transactional_id: String,
    pub group_id: String,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub generation_id: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub topics: Vec<TxnOffsetCommitRequestTopic>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TxnOffsetCommitRequest {
    fn default() -> Self {
        TxnOffsetCommitRequest {
            transactional_id: String::new(),
            group_id: String::new(),
            producer_id: 0i64,
            producer_epoch: 0i16,
            generation_id: -1i32,
            member_id: String::from(""),
            group_instance_id: None,
            topics: Vec::<TxnOffsetCommitRequestTopic>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TxnOffsetCommitRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 18,
            3..=5 => 20,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.transactional_id = r.string(flexible, "TxnOffsetCommitRequest.TransactionalId")?;
        this.group_id = r.string(flexible, "TxnOffsetCommitRequest.GroupId")?;
        this.producer_id = r.i64()?;
        this.producer_epoch = r.i16()?;
        if version >= 3 { this.generation_id = r.i32()?; }
        if version >= 3 { this.member_id = r.string(flexible, "TxnOffsetCommitRequest.MemberId")?; }
        if version >= 3 { this.group_instance_id = r.string_opt(flexible, version >= 3, "TxnOffsetCommitRequest.GroupInstanceId")?; }
        this.topics = r.array(flexible, TxnOffsetCommitRequestTopic::min_size(version), "TxnOffsetCommitRequest.Topics", |r| Ok(TxnOffsetCommitRequestTopic::read(r, version)?))?;
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
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.transactional_id), "TxnOffsetCommitRequest.TransactionalId")?;
        size += p::string_size(flexible, (&self.group_id), "TxnOffsetCommitRequest.GroupId")?;
        size += 8;
        size += 2;
        if version >= 3 { size += 4; } else if self.generation_id != -1i32 { return Err(p::WireError::FieldNotSupported { message: "TxnOffsetCommitRequest", field: "GenerationId", version }); }
        if version >= 3 { size += p::string_size(flexible, (&self.member_id), "TxnOffsetCommitRequest.MemberId")?; } else if self.member_id != String::from("") { return Err(p::WireError::FieldNotSupported { message: "TxnOffsetCommitRequest", field: "MemberId", version }); }
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.group_instance_id).as_deref(), "TxnOffsetCommitRequest.GroupInstanceId")?; } else if self.group_instance_id != None { return Err(p::WireError::FieldNotSupported { message: "TxnOffsetCommitRequest", field: "GroupInstanceId", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "TxnOffsetCommitRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TxnOffsetCommitRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_nullable_string(flexible, Some((&self.transactional_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_i64(*(&self.producer_id));
        w.put_i16(*(&self.producer_epoch));
        if version >= 3 { w.put_i32(*(&self.generation_id)); }
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.member_id).as_str())); }
        if version >= 3 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
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
impl p::testing::Random for TxnOffsetCommitRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.transactional_id = rng.string();
        this.group_id = rng.string();
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        if version >= 3 { this.generation_id = rng.next_u64() as i32; }
        if version >= 3 { this.member_id = rng.string(); }
        if version >= 3 { this.group_instance_id = rng.opt_string(version >= 3); }
        this.topics = { let n = rng.len(depth); (0..n).map(|_| TxnOffsetCommitRequestTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for TxnOffsetCommitRequest {
    const NAME: &'static str = "TxnOffsetCommitRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequestPartition {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub committed_metadata: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TxnOffsetCommitRequestPartition {
    fn default() -> Self {
        TxnOffsetCommitRequestPartition {
            partition_index: 0i32,
            committed_offset: 0i64,
            committed_leader_epoch: -1i32,
            committed_metadata: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TxnOffsetCommitRequestPartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 14,
            2..=5 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.committed_offset = r.i64()?;
        if version >= 2 { this.committed_leader_epoch = r.i32()?; }
        this.committed_metadata = r.string_opt(flexible, true, "TxnOffsetCommitRequestPartition.CommittedMetadata")?;
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
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 4;
        size += 8;
        if version >= 2 { size += 4; }
        size += p::opt_string_size(flexible, true, (&self.committed_metadata).as_deref(), "TxnOffsetCommitRequestPartition.CommittedMetadata")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TxnOffsetCommitRequestPartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_i32(*(&self.partition_index));
        w.put_i64(*(&self.committed_offset));
        if version >= 2 { w.put_i32(*(&self.committed_leader_epoch)); }
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
impl p::testing::Random for TxnOffsetCommitRequestPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.committed_offset = rng.next_u64() as i64;
        if version >= 2 { this.committed_leader_epoch = rng.next_u64() as i32; }
        this.committed_metadata = rng.opt_string(true);
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequestTopic {
    pub name: String,
    pub partitions: Vec<TxnOffsetCommitRequestPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TxnOffsetCommitRequestTopic {
    fn default() -> Self {
        TxnOffsetCommitRequestTopic {
            name: String::new(),
            partitions: Vec::<TxnOffsetCommitRequestPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TxnOffsetCommitRequestTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 6,
            3..=5 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.name = r.string(flexible, "TxnOffsetCommitRequestTopic.Name")?;
        this.partitions = r.array(flexible, TxnOffsetCommitRequestPartition::min_size(version), "TxnOffsetCommitRequestTopic.Partitions", |r| Ok(TxnOffsetCommitRequestPartition::read(r, version)?))?;
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
        let flexible = version >= 3;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.name), "TxnOffsetCommitRequestTopic.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TxnOffsetCommitRequestTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TxnOffsetCommitRequestTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
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
impl p::testing::Random for TxnOffsetCommitRequestTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| TxnOffsetCommitRequestPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

