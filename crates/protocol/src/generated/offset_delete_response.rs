// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `OffsetDeleteResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetDeleteResponse {
    pub error_code: i16,
    pub throttle_time_ms: i32,
    pub topics: Vec<OffsetDeleteResponseTopic>,
}

impl Default for OffsetDeleteResponse {
    fn default() -> Self {
        OffsetDeleteResponse {
            error_code: 0i16,
            throttle_time_ms: 0i32,
            topics: Vec::<OffsetDeleteResponseTopic>::new(),
        }
    }
}

impl p::WireStruct for OffsetDeleteResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 10,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.throttle_time_ms = r.i32()?;
        this.topics = r.array(flexible, OffsetDeleteResponseTopic::min_size(version), "OffsetDeleteResponse.Topics", |r| Ok(OffsetDeleteResponseTopic::read(r, version)?))?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += 2;
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "OffsetDeleteResponse.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_i16(*(&self.error_code));
        w.put_i32(*(&self.throttle_time_ms));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for OffsetDeleteResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.throttle_time_ms = rng.next_u64() as i32;
        this.topics = { let n = rng.len(depth); (0..n).map(|_| OffsetDeleteResponseTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this
    }
}

impl p::Message for OffsetDeleteResponse {
    const NAME: &'static str = "OffsetDeleteResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetDeleteResponsePartition {
    pub partition_index: i32,
    pub error_code: i16,
}

impl Default for OffsetDeleteResponsePartition {
    fn default() -> Self {
        OffsetDeleteResponsePartition {
            partition_index: 0i32,
            error_code: 0i16,
        }
    }
}

impl p::WireStruct for OffsetDeleteResponsePartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.error_code = r.i16()?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += 4;
        size += 2;
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_i32(*(&self.partition_index));
        w.put_i16(*(&self.error_code));
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for OffsetDeleteResponsePartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetDeleteResponseTopic {
    pub name: String,
    pub partitions: Vec<OffsetDeleteResponsePartition>,
}

impl Default for OffsetDeleteResponseTopic {
    fn default() -> Self {
        OffsetDeleteResponseTopic {
            name: String::new(),
            partitions: Vec::<OffsetDeleteResponsePartition>::new(),
        }
    }
}

impl p::WireStruct for OffsetDeleteResponseTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.name = r.string(flexible, "OffsetDeleteResponseTopic.Name")?;
        this.partitions = r.array(flexible, OffsetDeleteResponsePartition::min_size(version), "OffsetDeleteResponseTopic.Partitions", |r| Ok(OffsetDeleteResponsePartition::read(r, version)?))?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += p::string_size(flexible, (&self.name), "OffsetDeleteResponseTopic.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "OffsetDeleteResponseTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
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
impl p::testing::Random for OffsetDeleteResponseTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| OffsetDeleteResponsePartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this
    }
}

