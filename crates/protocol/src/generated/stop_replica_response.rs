// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StopReplicaResponse` (response), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StopReplicaResponse {
    pub error_code: i16,
    pub partition_errors: Vec<StopReplicaPartitionError>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StopReplicaResponse {
    fn default() -> Self {
        StopReplicaResponse {
            error_code: 0i16,
            partition_errors: Vec::<StopReplicaPartitionError>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StopReplicaResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 6,
            2..=4 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.partition_errors = r.array(flexible, StopReplicaPartitionError::min_size(version), "StopReplicaResponse.PartitionErrors", |r| Ok(StopReplicaPartitionError::read(r, version)?))?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_errors).len()), "StopReplicaResponse.PartitionErrors")?; for e in (&self.partition_errors).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StopReplicaResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.partition_errors).len())); for e in (&self.partition_errors).iter() { e.write(w, version)?; }
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
impl p::testing::Random for StopReplicaResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.partition_errors = { let n = rng.len(depth); (0..n).map(|_| StopReplicaPartitionError::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for StopReplicaResponse {
    const NAME: &'static str = "StopReplicaResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct StopReplicaPartitionError {
    pub topic_name: String,
    pub partition_index: i32,
    pub error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StopReplicaPartitionError {
    fn default() -> Self {
        StopReplicaPartitionError {
            topic_name: String::new(),
            partition_index: 0i32,
            error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StopReplicaPartitionError {
    fn min_size(version: i16) -> usize {
        match version {
            0..=4 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.topic_name = r.string(flexible, "StopReplicaPartitionError.TopicName")?;
        this.partition_index = r.i32()?;
        this.error_code = r.i16()?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.topic_name), "StopReplicaPartitionError.TopicName")?;
        size += 4;
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StopReplicaPartitionError", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, Some((&self.topic_name).as_str()));
        w.put_i32(*(&self.partition_index));
        w.put_i16(*(&self.error_code));
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
impl p::testing::Random for StopReplicaPartitionError {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

