// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `FetchSnapshotRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct FetchSnapshotRequest {
    pub cluster_id: Option<String>,
    pub replica_id: i32,
    pub max_bytes: i32,
    pub topics: Vec<TopicSnapshot>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchSnapshotRequest {
    fn default() -> Self {
        FetchSnapshotRequest {
            cluster_id: None,
            replica_id: -1i32,
            max_bytes: 2147483647i32,
            topics: Vec::<TopicSnapshot>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for FetchSnapshotRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 10,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        if (true) && !(true) { this.cluster_id = r.string_opt(flexible, true, "FetchSnapshotRequest.ClusterId")?; }
        this.replica_id = r.i32()?;
        this.max_bytes = r.i32()?;
        this.topics = r.array(flexible, TopicSnapshot::min_size(version), "FetchSnapshotRequest.Topics", |r| Ok(TopicSnapshot::read(r, version)?))?;
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if true => { this.cluster_id = r.string_opt(flexible, true, "FetchSnapshotRequest.ClusterId")?; Ok(true) }
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
        if (true) && !(true) { size += p::opt_string_size(flexible, true, (&self.cluster_id).as_deref(), "FetchSnapshotRequest.ClusterId")?; } else if true { if self.cluster_id != None { let s = p::opt_string_size(flexible, true, (&self.cluster_id).as_deref(), "FetchSnapshotRequest.ClusterId")?; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.cluster_id != None { return Err(p::WireError::FieldNotSupported { message: "FetchSnapshotRequest", field: "ClusterId", version }); }
        size += 4;
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "FetchSnapshotRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "FetchSnapshotRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        if (true) && !(true) { w.put_nullable_string(flexible, (&self.cluster_id).as_deref()); }
        w.put_i32(*(&self.replica_id));
        w.put_i32(*(&self.max_bytes));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if true && self.cluster_id != None { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if true && self.cluster_id != None {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = p::opt_string_size(flexible, true, (&self.cluster_id).as_deref(), "FetchSnapshotRequest.ClusterId")?;
                w.put_unsigned_varint(s as u32);
                w.put_nullable_string(flexible, (&self.cluster_id).as_deref());
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for FetchSnapshotRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if (true) || (true) { this.cluster_id = rng.opt_string(true); }
        this.replica_id = rng.next_u64() as i32;
        this.max_bytes = rng.next_u64() as i32;
        this.topics = { let n = rng.len(depth); (0..n).map(|_| TopicSnapshot::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for FetchSnapshotRequest {
    const NAME: &'static str = "FetchSnapshotRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionSnapshot {
    pub partition: i32,
    pub current_leader_epoch: i32,
    pub snapshot_id: SnapshotId,
    pub position: i64,
    pub replica_directory_id: p::Uuid,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionSnapshot {
    fn default() -> Self {
        PartitionSnapshot {
            partition: 0i32,
            current_leader_epoch: 0i32,
            snapshot_id: SnapshotId::default(),
            position: 0i64,
            replica_directory_id: p::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionSnapshot {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 30,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.partition = r.i32()?;
        this.current_leader_epoch = r.i32()?;
        this.snapshot_id = SnapshotId::read(r, version)?;
        this.position = r.i64()?;
        if (version >= 1) && !(version >= 1) { this.replica_directory_id = r.uuid()?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 1 => { this.replica_directory_id = r.uuid()?; Ok(true) }
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
        size += 4;
        size += (&self.snapshot_id).size(version)?;
        size += 8;
        if (version >= 1) && !(version >= 1) { size += 16; } else if version >= 1 { if self.replica_directory_id != p::Uuid::ZERO { let s = 16; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "PartitionSnapshot", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.partition));
        w.put_i32(*(&self.current_leader_epoch));
        (&self.snapshot_id).write(w, version)?;
        w.put_i64(*(&self.position));
        if (version >= 1) && !(version >= 1) { w.put_uuid((&self.replica_directory_id)); }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 1 && self.replica_directory_id != p::Uuid::ZERO { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 1 && self.replica_directory_id != p::Uuid::ZERO {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 16;
                w.put_unsigned_varint(s as u32);
                w.put_uuid((&self.replica_directory_id));
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for PartitionSnapshot {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition = rng.next_u64() as i32;
        this.current_leader_epoch = rng.next_u64() as i32;
        this.snapshot_id = SnapshotId::random(rng, version, depth + 1);
        this.position = rng.next_u64() as i64;
        if (version >= 1) || (version >= 1) { this.replica_directory_id = rng.uuid(); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotId {
    pub end_offset: i64,
    pub epoch: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SnapshotId {
    fn default() -> Self {
        SnapshotId {
            end_offset: 0i64,
            epoch: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for SnapshotId {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 13,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.end_offset = r.i64()?;
        this.epoch = r.i32()?;
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
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "SnapshotId", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i64(*(&self.end_offset));
        w.put_i32(*(&self.epoch));
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
impl p::testing::Random for SnapshotId {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.end_offset = rng.next_u64() as i64;
        this.epoch = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicSnapshot {
    pub name: String,
    pub partitions: Vec<PartitionSnapshot>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicSnapshot {
    fn default() -> Self {
        TopicSnapshot {
            name: String::new(),
            partitions: Vec::<PartitionSnapshot>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicSnapshot {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "TopicSnapshot.Name")?;
        this.partitions = r.array(flexible, PartitionSnapshot::min_size(version), "TopicSnapshot.Partitions", |r| Ok(PartitionSnapshot::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "TopicSnapshot.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicSnapshot.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicSnapshot", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
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
impl p::testing::Random for TopicSnapshot {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| PartitionSnapshot::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

