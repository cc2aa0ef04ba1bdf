// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ControlledShutdownResponse` (response), versions 0-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ControlledShutdownResponse {
    pub error_code: i16,
    pub remaining_partitions: Vec<RemainingPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ControlledShutdownResponse {
    fn default() -> Self {
        ControlledShutdownResponse {
            error_code: 0i16,
            remaining_partitions: Vec::<RemainingPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ControlledShutdownResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 6,
            3..=3 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.remaining_partitions = r.array(flexible, RemainingPartition::min_size(version), "ControlledShutdownResponse.RemainingPartitions", |r| Ok(RemainingPartition::read(r, version)?))?;
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
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.remaining_partitions).len()), "ControlledShutdownResponse.RemainingPartitions")?; for e in (&self.remaining_partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ControlledShutdownResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.remaining_partitions).len())); for e in (&self.remaining_partitions).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ControlledShutdownResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.remaining_partitions = { let n = rng.len(depth); (0..n).map(|_| RemainingPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ControlledShutdownResponse {
    const NAME: &'static str = "ControlledShutdownResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

#[derive(Debug, Clone, PartialEq)]
pub struct RemainingPartition {
    pub topic_name: String,
    pub partition_index: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for RemainingPartition {
    fn default() -> Self {
        RemainingPartition {
            topic_name: String::new(),
            partition_index: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for RemainingPartition {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.topic_name = r.string(flexible, "RemainingPartition.TopicName")?;
        this.partition_index = r.i32()?;
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
        size += p::string_size(flexible, (&self.topic_name), "RemainingPartition.TopicName")?;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "RemainingPartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
        w.put_i32(*(&self.partition_index));
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
impl p::testing::Random for RemainingPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partition_index = rng.next_u64() as i32;
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

