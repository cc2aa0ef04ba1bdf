// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerGroupCurrentMemberAssignmentValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupCurrentMemberAssignmentValue {
    pub member_epoch: i32,
    pub previous_member_epoch: i32,
    pub state: i8,
    pub assigned_partitions: Vec<TopicPartitions>,
    pub partitions_pending_revocation: Vec<TopicPartitions>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerGroupCurrentMemberAssignmentValue {
    fn default() -> Self {
        ConsumerGroupCurrentMemberAssignmentValue {
            member_epoch: 0i32,
            previous_member_epoch: 0i32,
            state: 0i8,
            assigned_partitions: Vec::<TopicPartitions>::new(),
            partitions_pending_revocation: Vec::<TopicPartitions>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ConsumerGroupCurrentMemberAssignmentValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 12,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.member_epoch = r.i32()?;
        this.previous_member_epoch = r.i32()?;
        this.state = r.i8()?;
        this.assigned_partitions = r.array(flexible, TopicPartitions::min_size(version), "ConsumerGroupCurrentMemberAssignmentValue.AssignedPartitions", |r| Ok(TopicPartitions::read(r, version)?))?;
        this.partitions_pending_revocation = r.array(flexible, TopicPartitions::min_size(version), "ConsumerGroupCurrentMemberAssignmentValue.PartitionsPendingRevocation", |r| Ok(TopicPartitions::read(r, version)?))?;
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
        size += 4;
        size += 1;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.assigned_partitions).len()), "ConsumerGroupCurrentMemberAssignmentValue.AssignedPartitions")?; for e in (&self.assigned_partitions).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions_pending_revocation).len()), "ConsumerGroupCurrentMemberAssignmentValue.PartitionsPendingRevocation")?; for e in (&self.partitions_pending_revocation).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupCurrentMemberAssignmentValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.member_epoch));
        w.put_i32(*(&self.previous_member_epoch));
        w.put_i8(*(&self.state));
        w.put_length(flexible, true, Some((&self.assigned_partitions).len())); for e in (&self.assigned_partitions).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.partitions_pending_revocation).len())); for e in (&self.partitions_pending_revocation).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ConsumerGroupCurrentMemberAssignmentValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.member_epoch = rng.next_u64() as i32;
        this.previous_member_epoch = rng.next_u64() as i32;
        this.state = rng.next_u64() as i8;
        this.assigned_partitions = { let n = rng.len(depth); (0..n).map(|_| TopicPartitions::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.partitions_pending_revocation = { let n = rng.len(depth); (0..n).map(|_| TopicPartitions::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ConsumerGroupCurrentMemberAssignmentValue {
    const NAME: &'static str = "ConsumerGroupCurrentMemberAssignmentValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    pub topic_id: p::Uuid,
    pub partitions: Vec<i32>,
    pub assignment_epochs: Option<Vec<i32>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        TopicPartitions {
            topic_id: p::Uuid::ZERO,
            partitions: Vec::<i32>::new(),
            assignment_epochs: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicPartitions {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.topic_id = r.uuid()?;
        this.partitions = r.array(flexible, 4, "TopicPartitions.Partitions", |r| Ok(r.i32()?))?;
        if (true) && !(true) { this.assignment_epochs = r.array_opt(flexible, true, 4, "TopicPartitions.AssignmentEpochs", |r| Ok(r.i32()?))?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if true => { this.assignment_epochs = r.array_opt(flexible, true, 4, "TopicPartitions.AssignmentEpochs", |r| Ok(r.i32()?))?; Ok(true) }
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
        if (true) && !(true) { size += match (&self.assignment_epochs) { None => p::array_prefix_size(flexible, true, None, "TopicPartitions.AssignmentEpochs")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "TopicPartitions.AssignmentEpochs")? + a.len() * 4 }; } else if true { if self.assignment_epochs != None { let s = match (&self.assignment_epochs) { None => p::array_prefix_size(flexible, true, None, "TopicPartitions.AssignmentEpochs")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "TopicPartitions.AssignmentEpochs")? + a.len() * 4 }; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.assignment_epochs != None { return Err(p::WireError::FieldNotSupported { message: "TopicPartitions", field: "AssignmentEpochs", version }); }
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
        if (true) && !(true) { match (&self.assignment_epochs) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_i32(*e); } } } }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if true && self.assignment_epochs != None { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if true && self.assignment_epochs != None {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = match (&self.assignment_epochs) { None => p::array_prefix_size(flexible, true, None, "TopicPartitions.AssignmentEpochs")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "TopicPartitions.AssignmentEpochs")? + a.len() * 4 };
                w.put_unsigned_varint(s as u32);
                match (&self.assignment_epochs) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_i32(*e); } } }
            }
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
        if (true) || (true) { this.assignment_epochs = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }) }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

