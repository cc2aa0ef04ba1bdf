// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerProtocolSubscription` (data), versions 0-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerProtocolSubscription {
    pub topics: Vec<String>,
    pub user_data: Option<Bytes>,
    pub owned_partitions: Vec<TopicPartition>,
    pub generation_id: i32,
    pub rack_id: Option<String>,
}

impl Default for ConsumerProtocolSubscription {
    fn default() -> Self {
        ConsumerProtocolSubscription {
            topics: Vec::<String>::new(),
            user_data: None,
            owned_partitions: Vec::<TopicPartition>::new(),
            generation_id: -1i32,
            rack_id: None,
        }
    }
}

impl p::WireStruct for ConsumerProtocolSubscription {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 12,
            2..=2 => 16,
            3..=3 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.topics = r.array(flexible, 1, "ConsumerProtocolSubscription.Topics", |r| Ok(r.string(flexible, "ConsumerProtocolSubscription.Topics")?))?;
        this.user_data = r.bytes_opt(flexible, true, "ConsumerProtocolSubscription.UserData")?;
        if version >= 1 { this.owned_partitions = r.array(flexible, TopicPartition::min_size(version), "ConsumerProtocolSubscription.OwnedPartitions", |r| Ok(TopicPartition::read(r, version)?))?; }
        if version >= 2 { this.generation_id = r.i32()?; }
        if version >= 3 { this.rack_id = r.string_opt(flexible, version >= 3, "ConsumerProtocolSubscription.RackId")?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "ConsumerProtocolSubscription.Topics")?; for e in (&self.topics).iter() { s += p::string_size(flexible, e, "ConsumerProtocolSubscription.Topics")?; } s };
        size += p::opt_bytes_size(flexible, true, (&self.user_data).as_ref().map(|b| b.len()), "ConsumerProtocolSubscription.UserData")?;
        if version >= 1 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.owned_partitions).len()), "ConsumerProtocolSubscription.OwnedPartitions")?; for e in (&self.owned_partitions).iter() { s += e.size(version)?; } s }; }
        if version >= 2 { size += 4; }
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.rack_id).as_deref(), "ConsumerProtocolSubscription.RackId")?; }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_nullable_bytes(flexible, (&self.user_data).as_deref());
        if version >= 1 { w.put_length(flexible, true, Some((&self.owned_partitions).len())); for e in (&self.owned_partitions).iter() { e.write(w, version)?; } }
        if version >= 2 { w.put_i32(*(&self.generation_id)); }
        if version >= 3 { w.put_nullable_string(flexible, (&self.rack_id).as_deref()); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ConsumerProtocolSubscription {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.user_data = rng.opt_bytes(true);
        if version >= 1 { this.owned_partitions = { let n = rng.len(depth); (0..n).map(|_| TopicPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 2 { this.generation_id = rng.next_u64() as i32; }
        if version >= 3 { this.rack_id = rng.opt_string(version >= 3); }
        this
    }
}

impl p::Message for ConsumerProtocolSubscription {
    const NAME: &'static str = "ConsumerProtocolSubscription";
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
            0..=0 => 0,
            1..=3 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        if version >= 1 { this.topic = r.string(flexible, "TopicPartition.Topic")?; }
        if version >= 1 { this.partitions = r.array(flexible, 4, "TopicPartition.Partitions", |r| Ok(r.i32()?))?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        if version >= 1 { size += p::string_size(flexible, (&self.topic), "TopicPartition.Topic")?; } else if self.topic != String::new() { return Err(p::WireError::FieldNotSupported { message: "TopicPartition", field: "Topic", version }); }
        if version >= 1 { size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "TopicPartition.Partitions")? + (&self.partitions).len() * 4; } else if self.partitions != Vec::<i32>::new() { return Err(p::WireError::FieldNotSupported { message: "TopicPartition", field: "Partitions", version }); }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        if version >= 1 { w.put_nullable_string(flexible, Some((&self.topic).as_str())); }
        if version >= 1 { w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); } }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for TopicPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 1 { this.topic = rng.string(); }
        if version >= 1 { this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        this
    }
}

