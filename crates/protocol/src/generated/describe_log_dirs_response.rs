// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeLogDirsResponse` (response), versions 1-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub results: Vec<DescribeLogDirsResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsResponse {
    fn default() -> Self {
        DescribeLogDirsResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            results: Vec::<DescribeLogDirsResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeLogDirsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 8,
            2..=2 => 6,
            3..=5 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        if version >= 3 { this.error_code = r.i16()?; }
        this.results = r.array(flexible, DescribeLogDirsResult::min_size(version), "DescribeLogDirsResponse.Results", |r| Ok(DescribeLogDirsResult::read(r, version)?))?;
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
        if version >= 3 { size += 2; }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.results).len()), "DescribeLogDirsResponse.Results")?; for e in (&self.results).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeLogDirsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.throttle_time_ms));
        if version >= 3 { w.put_i16(*(&self.error_code)); }
        w.put_length(flexible, true, Some((&self.results).len())); for e in (&self.results).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeLogDirsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 3 { this.error_code = rng.next_u64() as i16; }
        this.results = { let n = rng.len(depth); (0..n).map(|_| DescribeLogDirsResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeLogDirsResponse {
    const NAME: &'static str = "DescribeLogDirsResponse";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsPartition {
    pub partition_index: i32,
    pub partition_size: i64,
    pub offset_lag: i64,
    pub is_future_key: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsPartition {
    fn default() -> Self {
        DescribeLogDirsPartition {
            partition_index: 0i32,
            partition_size: 0i64,
            offset_lag: 0i64,
            is_future_key: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeLogDirsPartition {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 21,
            2..=5 => 22,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.partition_index = r.i32()?;
        this.partition_size = r.i64()?;
        this.offset_lag = r.i64()?;
        this.is_future_key = r.bool()?;
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
        size += 8;
        size += 8;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeLogDirsPartition", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i32(*(&self.partition_index));
        w.put_i64(*(&self.partition_size));
        w.put_i64(*(&self.offset_lag));
        w.put_bool(*(&self.is_future_key));
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
impl p::testing::Random for DescribeLogDirsPartition {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.partition_size = rng.next_u64() as i64;
        this.offset_lag = rng.next_u64() as i64;
        this.is_future_key = rng.bool();
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsResult {
    pub error_code: i16,
    pub log_dir: String,
    pub topics: Vec<DescribeLogDirsTopic>,
    pub total_bytes: i64,
    pub usable_bytes: i64,
    pub is_cordoned: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsResult {
    fn default() -> Self {
        DescribeLogDirsResult {
            error_code: 0i16,
            log_dir: String::new(),
            topics: Vec::<DescribeLogDirsTopic>::new(),
            total_bytes: -1i64,
            usable_bytes: -1i64,
            is_cordoned: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeLogDirsResult {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 8,
            2..=3 => 5,
            4..=4 => 21,
            5..=5 => 22,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.log_dir = r.string(flexible, "DescribeLogDirsResult.LogDir")?;
        this.topics = r.array(flexible, DescribeLogDirsTopic::min_size(version), "DescribeLogDirsResult.Topics", |r| Ok(DescribeLogDirsTopic::read(r, version)?))?;
        if version >= 4 { this.total_bytes = r.i64()?; }
        if version >= 4 { this.usable_bytes = r.i64()?; }
        if version >= 5 { this.is_cordoned = r.bool()?; }
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
        size += p::string_size(flexible, (&self.log_dir), "DescribeLogDirsResult.LogDir")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "DescribeLogDirsResult.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        if version >= 4 { size += 8; }
        if version >= 4 { size += 8; }
        if version >= 5 { size += 1; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeLogDirsResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, Some((&self.log_dir).as_str()));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        if version >= 4 { w.put_i64(*(&self.total_bytes)); }
        if version >= 4 { w.put_i64(*(&self.usable_bytes)); }
        if version >= 5 { w.put_bool(*(&self.is_cordoned)); }
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
impl p::testing::Random for DescribeLogDirsResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.log_dir = rng.string();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| DescribeLogDirsTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if version >= 4 { this.total_bytes = rng.next_u64() as i64; }
        if version >= 4 { this.usable_bytes = rng.next_u64() as i64; }
        if version >= 5 { this.is_cordoned = rng.bool(); }
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsTopic {
    pub name: String,
    pub partitions: Vec<DescribeLogDirsPartition>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsTopic {
    fn default() -> Self {
        DescribeLogDirsTopic {
            name: String::new(),
            partitions: Vec::<DescribeLogDirsPartition>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeLogDirsTopic {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 6,
            2..=5 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.name = r.string(flexible, "DescribeLogDirsTopic.Name")?;
        this.partitions = r.array(flexible, DescribeLogDirsPartition::min_size(version), "DescribeLogDirsTopic.Partitions", |r| Ok(DescribeLogDirsPartition::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "DescribeLogDirsTopic.Name")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "DescribeLogDirsTopic.Partitions")?; for e in (&self.partitions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeLogDirsTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
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
impl p::testing::Random for DescribeLogDirsTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| DescribeLogDirsPartition::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

