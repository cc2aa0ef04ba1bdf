// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `OffsetDeleteRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetDeleteRequest {
    pub group_id: String,
    pub topics: Vec<OffsetDeleteRequestTopic>,
}

impl Default for OffsetDeleteRequest {
    fn default() -> Self {
        OffsetDeleteRequest {
            group_id: String::new(),
            topics: Vec::<OffsetDeleteRequestTopic>::new(),
        }
    }
}

impl p::WireStruct for OffsetDeleteRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "OffsetDeleteRequest.GroupId")?;
        this.topics = r.array(flexible, OffsetDeleteRequestTopic::min_size(version), "OffsetDeleteRequest.Topics", |r| Ok(OffsetDeleteRequestTopic::read(r, version)?))?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += p::string_size(flexible, (&self.group_id), "OffsetDeleteRequest.GroupId")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "OffsetDeleteRequest.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for OffsetDeleteRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| OffsetDeleteRequestTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this
    }
}

impl p::Message for OffsetDeleteRequest {
    const NAME: &'static str = "OffsetDeleteRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetDeleteRequestPartition {
    pub partition_index: i32,
}

impl Default for OffsetDeleteRequestPartition {
    fn default() -> Self {
        OffsetDeleteRequestPartition {
            partition_index: 0i32,
        }
    }
}

impl p::WireStruct for OffsetDeleteRequestPartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += 4;
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_i32(*(&self.partition_index));
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for OffsetDeleteRequestPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetDeleteRequestTopic {
    pub name: String,
    pub partitions: Vec<OffsetDeleteRequestPartition>,
}

impl Default for OffsetDeleteRequestTopic {
    fn default() -> Self {
        OffsetDeleteRequestTopic {
            name: String::new(),
            partitions: Vec::<OffsetDeleteRequestPartition>::new(),
        }
    }
}

impl p::WireStruct for OffsetDeleteRequestTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.name = r.string(flexible, "OffsetDeleteRequestTopic.Name")?;
        this.partitions = r.array(flexible, OffsetDeleteRequestPartition::min_size(version), "OffsetDeleteRequestTopic.Partitions", |r| Ok(OffsetDeleteRequestPartition::read(r, version)?))?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += p::string_size(flexible, (&self.name), "OffsetDeleteRequestTopic.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "OffsetDeleteRequestTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { e.write(w, version)?; }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for OffsetDeleteRequestTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| OffsetDeleteRequestPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this
    }
}

