// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `TransactionLogValue` (coordinator-value), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct TransactionLogValue {
    pub producer_id: i64,
    pub previous_producer_id: i64,
    pub next_producer_id: i64,
    pub producer_epoch: i16,
    pub next_producer_epoch: i16,
    pub transaction_timeout_ms: i32,
    pub transaction_status: i8,
    pub transaction_partitions: Option<Vec<PartitionsSchema>>,
    pub transaction_last_update_timestamp_ms: i64,
    pub transaction_start_timestamp_ms: i64,
    pub client_transaction_version: i16,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TransactionLogValue {
    fn default() -> Self {
        TransactionLogValue {
            producer_id: 0i64,
            previous_producer_id: -1i64,
            next_producer_id: -1i64,
            producer_epoch: 0i16,
            next_producer_epoch: -1i16,
            transaction_timeout_ms: 0i32,
            transaction_status: 0i8,
            transaction_partitions: Some(Vec::<PartitionsSchema>::new()),
            transaction_last_update_timestamp_ms: 0i64,
            transaction_start_timestamp_ms: 0i64,
            client_transaction_version: 0i16,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TransactionLogValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 35,
            1..=1 => 33,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.producer_id = r.i64()?;
        this.producer_epoch = r.i16()?;
        this.transaction_timeout_ms = r.i32()?;
        this.transaction_status = r.i8()?;
        this.transaction_partitions = r.array_opt(flexible, true, PartitionsSchema::min_size(version), "TransactionLogValue.TransactionPartitions", |r| Ok(PartitionsSchema::read(r, version)?))?;
        this.transaction_last_update_timestamp_ms = r.i64()?;
        this.transaction_start_timestamp_ms = r.i64()?;
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 1 => { this.previous_producer_id = r.i64()?; Ok(true) }
                    1 if version >= 1 => { this.next_producer_id = r.i64()?; Ok(true) }
                    2 if version >= 1 => { this.client_transaction_version = r.i16()?; Ok(true) }
                    3 if version >= 1 => { this.next_producer_epoch = r.i16()?; Ok(true) }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 8;
        if version >= 1 { if self.previous_producer_id != -1i64 { let s = 8; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.previous_producer_id != -1i64 { return Err(p::WireError::FieldNotSupported { message: "TransactionLogValue", field: "PreviousProducerId", version }); }
        if version >= 1 { if self.next_producer_id != -1i64 { let s = 8; tagged_count += 1; tagged_size += p::unsigned_varint_size(1) + p::unsigned_varint_size(s as u32) + s; } } else if self.next_producer_id != -1i64 { return Err(p::WireError::FieldNotSupported { message: "TransactionLogValue", field: "NextProducerId", version }); }
        size += 2;
        if version >= 1 { if self.next_producer_epoch != -1i16 { let s = 2; tagged_count += 1; tagged_size += p::unsigned_varint_size(3) + p::unsigned_varint_size(s as u32) + s; } } else if self.next_producer_epoch != -1i16 { return Err(p::WireError::FieldNotSupported { message: "TransactionLogValue", field: "NextProducerEpoch", version }); }
        size += 4;
        size += 1;
        size += match (&self.transaction_partitions) { None => p::array_prefix_size(flexible, true, None, "TransactionLogValue.TransactionPartitions")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "TransactionLogValue.TransactionPartitions")?; for e in a.iter() { s += e.size(version)?; } s } };
        size += 8;
        size += 8;
        if version >= 1 { if self.client_transaction_version != 0i16 { let s = 2; tagged_count += 1; tagged_size += p::unsigned_varint_size(2) + p::unsigned_varint_size(s as u32) + s; } } else if self.client_transaction_version != 0i16 { return Err(p::WireError::FieldNotSupported { message: "TransactionLogValue", field: "ClientTransactionVersion", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TransactionLogValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_i64(*(&self.producer_id));
        w.put_i16(*(&self.producer_epoch));
        w.put_i32(*(&self.transaction_timeout_ms));
        w.put_i8(*(&self.transaction_status));
        match (&self.transaction_partitions) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        w.put_i64(*(&self.transaction_last_update_timestamp_ms));
        w.put_i64(*(&self.transaction_start_timestamp_ms));
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 1 && self.previous_producer_id != -1i64 { count += 1; }
            if version >= 1 && self.next_producer_id != -1i64 { count += 1; }
            if version >= 1 && self.client_transaction_version != 0i16 { count += 1; }
            if version >= 1 && self.next_producer_epoch != -1i16 { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 1 && self.previous_producer_id != -1i64 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 8;
                w.put_unsigned_varint(s as u32);
                w.put_i64(*(&self.previous_producer_id));
            }
            if version >= 1 && self.next_producer_id != -1i64 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1);
                next_tag = 1;
                w.put_unsigned_varint(1);
                let s = 8;
                w.put_unsigned_varint(s as u32);
                w.put_i64(*(&self.next_producer_id));
            }
            if version >= 1 && self.client_transaction_version != 0i16 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..2);
                next_tag = 2;
                w.put_unsigned_varint(2);
                let s = 2;
                w.put_unsigned_varint(s as u32);
                w.put_i16(*(&self.client_transaction_version));
            }
            if version >= 1 && self.next_producer_epoch != -1i16 {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..3);
                next_tag = 3;
                w.put_unsigned_varint(3);
                let s = 2;
                w.put_unsigned_varint(s as u32);
                w.put_i16(*(&self.next_producer_epoch));
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for TransactionLogValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.producer_id = rng.next_u64() as i64;
        if (false) || (version >= 1) { this.previous_producer_id = rng.next_u64() as i64; }
        if (false) || (version >= 1) { this.next_producer_id = rng.next_u64() as i64; }
        this.producer_epoch = rng.next_u64() as i16;
        if (false) || (version >= 1) { this.next_producer_epoch = rng.next_u64() as i16; }
        this.transaction_timeout_ms = rng.next_u64() as i32;
        this.transaction_status = rng.next_u64() as i8;
        this.transaction_partitions = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| PartitionsSchema::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        this.transaction_last_update_timestamp_ms = rng.next_u64() as i64;
        this.transaction_start_timestamp_ms = rng.next_u64() as i64;
        if (false) || (version >= 1) { this.client_transaction_version = rng.next_u64() as i16; }
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for TransactionLogValue {
    const NAME: &'static str = "TransactionLogValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionsSchema {
    pub topic: String,
    pub partition_ids: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionsSchema {
    fn default() -> Self {
        PartitionsSchema {
            topic: String::new(),
            partition_ids: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for PartitionsSchema {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            1..=1 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.topic = r.string(flexible, "PartitionsSchema.Topic")?;
        this.partition_ids = r.array(flexible, 4, "PartitionsSchema.PartitionIds", |r| Ok(r.i32()?))?;
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
        let flexible = version >= 1;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.topic), "PartitionsSchema.Topic")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partition_ids).len()), "PartitionsSchema.PartitionIds")? + (&self.partition_ids).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "PartitionsSchema", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, Some((&self.topic).as_str()));
        w.put_length(flexible, true, Some((&self.partition_ids).len())); for e in (&self.partition_ids).iter() { w.put_i32(*e); }
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
impl p::testing::Random for PartitionsSchema {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topic = rng.string();
        this.partition_ids = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

