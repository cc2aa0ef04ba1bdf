// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ElectLeadersResponse` (response), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ElectLeadersResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub replica_election_results: Vec<ReplicaElectionResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ElectLeadersResponse {
    fn default() -> Self {
        ElectLeadersResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            replica_election_results: Vec::<ReplicaElectionResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ElectLeadersResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            1..=1 => 10,
            2..=2 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        if version >= 1 { this.error_code = r.i16()?; }
        this.replica_election_results = r.array(flexible, ReplicaElectionResult::min_size(version), "ElectLeadersResponse.ReplicaElectionResults", |r| Ok(ReplicaElectionResult::read(r, version)?))?;
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
        size += 4;
        if version >= 1 { size += 2; } else if self.error_code != 0i16 { return Err(p::WireError::FieldNotSupported { message: "ElectLeadersResponse", field: "ErrorCode", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.replica_election_results).len()), "ElectLeadersResponse.ReplicaElectionResults")?; for e in (&self.replica_election_results).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ElectLeadersResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.throttle_time_ms));
        if version >= 1 { w.put_i16(*(&self.error_code)); }
        w.put_length(flexible, true, Some((&self.replica_election_results).len())); for e in (&self.replica_election_results).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ElectLeadersResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 1 { this.error_code = rng.next_u64() as i16; }
        this.replica_election_results = { let n = rng.len(depth); (0..n).map(|_| ReplicaElectionResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ElectLeadersResponse {
    const NAME: &'static str = "ElectLeadersResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionResult {
    pub partition_id: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionResult {
    fn default() -> Self {
        PartitionResult {
            partition_id: 0i32,
            error_code: 0i16,
            error_message: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionResult {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.partition_id = r.i32()?;
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "PartitionResult.ErrorMessage")?;
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
        size += 4;
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "PartitionResult.ErrorMessage")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "PartitionResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.partition_id));
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
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
impl p::testing::Random for PartitionResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_id = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaElectionResult {
    pub topic: String,
    pub partition_result: Vec<PartitionResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ReplicaElectionResult {
    fn default() -> Self {
        ReplicaElectionResult {
            topic: String::new(),
            partition_result: Vec::<PartitionResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ReplicaElectionResult {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 6,
            2..=2 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.topic = r.string(flexible, "ReplicaElectionResult.Topic")?;
        this.partition_result = r.array(flexible, PartitionResult::min_size(version), "ReplicaElectionResult.PartitionResult", |r| Ok(PartitionResult::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.topic), "ReplicaElectionResult.Topic")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partition_result).len()), "ReplicaElectionResult.PartitionResult")?; for e in (&self.partition_result).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ReplicaElectionResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, Some((&self.topic).as_str()));
        w.put_length(flexible, true, Some((&self.partition_result).len())); for e in (&self.partition_result).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ReplicaElectionResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic = rng.string();
        this.partition_result = { let n = rng.len(depth); (0..n).map(|_| PartitionResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

