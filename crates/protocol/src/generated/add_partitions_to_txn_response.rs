// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `AddPartitionsToTxnResponse` (response), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub results_by_transaction: Vec<AddPartitionsToTxnResult>,
    pub results_by_topic_v3_and_below: Vec<AddPartitionsToTxnTopicResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnResponse {
    fn default() -> Self {
        AddPartitionsToTxnResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            results_by_transaction: Vec::<AddPartitionsToTxnResult>::new(),
            results_by_topic_v3_and_below: Vec::<AddPartitionsToTxnTopicResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddPartitionsToTxnResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 8,
            3..=3 => 6,
            4..=5 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        if version >= 4 { this.error_code = r.i16()?; }
        if version >= 4 { this.results_by_transaction = r.array(flexible, AddPartitionsToTxnResult::min_size(version), "AddPartitionsToTxnResponse.ResultsByTransaction", |r| Ok(AddPartitionsToTxnResult::read(r, version)?))?; }
        if version <= 3 { this.results_by_topic_v3_and_below = r.array(flexible, AddPartitionsToTxnTopicResult::min_size(version), "AddPartitionsToTxnResponse.ResultsByTopicV3AndBelow", |r| Ok(AddPartitionsToTxnTopicResult::read(r, version)?))?; }
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
        if version >= 4 { size += 2; }
        if version >= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.results_by_transaction).len()), "AddPartitionsToTxnResponse.ResultsByTransaction")?; for e in (&self.results_by_transaction).iter() { s += e.size(version)?; } s }; } else if self.results_by_transaction != Vec::<AddPartitionsToTxnResult>::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnResponse", field: "ResultsByTransaction", version }); }
        if version <= 3 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.results_by_topic_v3_and_below).len()), "AddPartitionsToTxnResponse.ResultsByTopicV3AndBelow")?; for e in (&self.results_by_topic_v3_and_below).iter() { s += e.size(version)?; } s }; } else if self.results_by_topic_v3_and_below != Vec::<AddPartitionsToTxnTopicResult>::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnResponse", field: "ResultsByTopicV3AndBelow", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_i32(*(&self.throttle_time_ms));
        if version >= 4 { w.put_i16(*(&self.error_code)); }
        if version >= 4 { w.put_length(flexible, true, Some((&self.results_by_transaction).len())); for e in (&self.results_by_transaction).iter() { e.write(w, version)?; } }
        if version <= 3 { w.put_length(flexible, true, Some((&self.results_by_topic_v3_and_below).len())); for e in (&self.results_by_topic_v3_and_below).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for AddPartitionsToTxnResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 4 { this.error_code = rng.next_u64() as i16; }
        if version >= 4 { this.results_by_transaction = { let n = rng.len(depth); (0..n).map(|_| AddPartitionsToTxnResult::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version <= 3 { this.results_by_topic_v3_and_below = { let n = rng.len(depth); (0..n).map(|_| AddPartitionsToTxnTopicResult::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for AddPartitionsToTxnResponse {
    const NAME: &'static str = "AddPartitionsToTxnResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnPartitionResult {
    pub partition_index: i32,
    pub partition_error_code: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnPartitionResult {
    fn default() -> Self {
        AddPartitionsToTxnPartitionResult {
            partition_index: 0i32,
            partition_error_code: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddPartitionsToTxnPartitionResult {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 6,
            3..=5 => 7,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.partition_error_code = r.i16()?;
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
        size += 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnPartitionResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_i32(*(&self.partition_index));
        w.put_i16(*(&self.partition_error_code));
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
impl p::testing::Random for AddPartitionsToTxnPartitionResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.partition_error_code = rng.next_u64() as i16;
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnResult {
    pub transactional_id: String,
    pub topic_results: Vec<AddPartitionsToTxnTopicResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnResult {
    fn default() -> Self {
        AddPartitionsToTxnResult {
            transactional_id: String::new(),
            topic_results: Vec::<AddPartitionsToTxnTopicResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddPartitionsToTxnResult {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=3 => 1,
            4..=5 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 4 { this.transactional_id = r.string(flexible, "AddPartitionsToTxnResult.TransactionalId")?; }
        if version >= 4 { this.topic_results = r.array(flexible, AddPartitionsToTxnTopicResult::min_size(version), "AddPartitionsToTxnResult.TopicResults", |r| Ok(AddPartitionsToTxnTopicResult::read(r, version)?))?; }
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
        if version >= 4 { size += p::string_size(flexible, (&self.transactional_id), "AddPartitionsToTxnResult.TransactionalId")?; } else if self.transactional_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnResult", field: "TransactionalId", version }); }
        if version >= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_results).len()), "AddPartitionsToTxnResult.TopicResults")?; for e in (&self.topic_results).iter() { s += e.size(version)?; } s }; } else if self.topic_results != Vec::<AddPartitionsToTxnTopicResult>::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnResult", field: "TopicResults", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 4 { w.put_nullable_string(flexible, Some((&self.transactional_id).as_str())); }
        if version >= 4 { w.put_length(flexible, true, Some((&self.topic_results).len())); for e in (&self.topic_results).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for AddPartitionsToTxnResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 4 { this.transactional_id = rng.string(); }
        if version >= 4 { this.topic_results = { let n = rng.len(depth); (0..n).map(|_| AddPartitionsToTxnTopicResult::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTopicResult {
    pub name: String,
    pub results_by_partition: Vec<AddPartitionsToTxnPartitionResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnTopicResult {
    fn default() -> Self {
        AddPartitionsToTxnTopicResult {
            name: String::new(),
            results_by_partition: Vec::<AddPartitionsToTxnPartitionResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddPartitionsToTxnTopicResult {
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
        this.name = r.string(flexible, "AddPartitionsToTxnTopicResult.Name")?;
        this.results_by_partition = r.array(flexible, AddPartitionsToTxnPartitionResult::min_size(version), "AddPartitionsToTxnTopicResult.ResultsByPartition", |r| Ok(AddPartitionsToTxnPartitionResult::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "AddPartitionsToTxnTopicResult.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.results_by_partition).len()), "AddPartitionsToTxnTopicResult.ResultsByPartition")?; for e in (&self.results_by_partition).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTopicResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_length(flexible, true, Some((&self.results_by_partition).len())); for e in (&self.results_by_partition).iter() { e.write(w, version)?; }
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
impl p::testing::Random for AddPartitionsToTxnTopicResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.results_by_partition = { let n = rng.len(depth); (0..n).map(|_| AddPartitionsToTxnPartitionResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

