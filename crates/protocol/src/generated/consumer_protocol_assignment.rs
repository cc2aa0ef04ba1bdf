// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerProtocolAssignment` (data), versions 0-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerProtocolAssignment {
    pub assigned_partitions: Vec<TopicPartition>,
    pub user_data: Option<Bytes>,
}

impl Default for ConsumerProtocolAssignment {
    fn default() -> Self {
        ConsumerProtocolAssignment {
            assigned_partitions: Vec::<TopicPartition>::new(),
            user_data: None,
        }
    }
}

impl p::WireStruct for ConsumerProtocolAssignment {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.assigned_partitions = r.array(flexible, TopicPartition::min_size(version), "ConsumerProtocolAssignment.AssignedPartitions", |r| Ok(TopicPartition::read(r, version)?))?;
        this.user_data = r.bytes_opt(flexible, true, "ConsumerProtocolAssignment.UserData")?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.assigned_partitions).len()), "ConsumerProtocolAssignment.AssignedPartitions")?; for e in (&self.assigned_partitions).iter() { s += e.size(version)?; } s };
        size += p::opt_bytes_size(flexible, true, (&self.user_data).as_ref().map(|b| b.len()), "ConsumerProtocolAssignment.UserData")?;
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_length(flexible, true, Some((&self.assigned_partitions).len())); for e in (&self.assigned_partitions).iter() { e.write(w, version)?; }
        w.put_nullable_bytes(flexible, (&self.user_data).as_deref());
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ConsumerProtocolAssignment {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.assigned_partitions = { let n = rng.len(depth); (0..n).map(|_| TopicPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.user_data = rng.opt_bytes(true);
        this
    }
}

impl p::Message for ConsumerProtocolAssignment {
    const NAME: &'static str = "ConsumerProtocolAssignment";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = None;
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartition {
    pub topic: String,
    pub partitions: Vec<i32>,
}

impl Default for TopicPartition {
    fn default() -> Self {
        TopicPartition {
            topic: String::new(),
            partitions: Vec::<i32>::new(),
        }
    }
}

impl p::WireStruct for TopicPartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.topic = r.string(flexible, "TopicPartition.Topic")?;
        this.partitions = r.array(flexible, 4, "TopicPartition.Partitions", |r| Ok(r.i32()?))?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += p::string_size(flexible, (&self.topic), "TopicPartition.Topic")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicPartition.Partitions")? + (&self.partitions).len() * 4;
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_nullable_string(flexible, Some((&self.topic).as_str()));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for TopicPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        this
    }
}

