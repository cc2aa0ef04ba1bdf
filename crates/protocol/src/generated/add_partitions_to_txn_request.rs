// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `AddPartitionsToTxnRequest` (request), versions 0-5.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnRequest {
    pub transactions: Vec<AddPartitionsToTxnTransaction>,
    pub v3_and_below_transactional_id: String,
    pub v3_and_below_producer_id: i64,
    pub v3_and_below_producer_epoch: i16,
    pub v3_and_below_topics: Vec<AddPartitionsToTxnTopic>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnRequest {
    fn default() -> Self {
        AddPartitionsToTxnRequest {
            transactions: Vec::<AddPartitionsToTxnTransaction>::new(),
            v3_and_below_transactional_id: String::new(),
            v3_and_below_producer_id: 0i64,
            v3_and_below_producer_epoch: 0i16,
            v3_and_below_topics: Vec::<AddPartitionsToTxnTopic>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddPartitionsToTxnRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 16,
            3..=3 => 13,
            4..=5 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 4 { this.transactions = r.array(flexible, AddPartitionsToTxnTransaction::min_size(version), "AddPartitionsToTxnRequest.Transactions", |r| Ok(AddPartitionsToTxnTransaction::read(r, version)?))?; }
        if version <= 3 { this.v3_and_below_transactional_id = r.string(flexible, "AddPartitionsToTxnRequest.V3AndBelowTransactionalId")?; }
        if version <= 3 { this.v3_and_below_producer_id = r.i64()?; }
        if version <= 3 { this.v3_and_below_producer_epoch = r.i16()?; }
        if version <= 3 { this.v3_and_below_topics = r.array(flexible, AddPartitionsToTxnTopic::min_size(version), "AddPartitionsToTxnRequest.V3AndBelowTopics", |r| Ok(AddPartitionsToTxnTopic::read(r, version)?))?; }
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
        if version >= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.transactions).len()), "AddPartitionsToTxnRequest.Transactions")?; for e in (&self.transactions).iter() { s += e.size(version)?; } s }; } else if self.transactions != Vec::<AddPartitionsToTxnTransaction>::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnRequest", field: "Transactions", version }); }
        if version <= 3 { size += p::string_size(flexible, (&self.v3_and_below_transactional_id), "AddPartitionsToTxnRequest.V3AndBelowTransactionalId")?; } else if self.v3_and_below_transactional_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnRequest", field: "V3AndBelowTransactionalId", version }); }
        if version <= 3 { size += 8; } else if self.v3_and_below_producer_id != 0i64 { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnRequest", field: "V3AndBelowProducerId", version }); }
        if version <= 3 { size += 2; } else if self.v3_and_below_producer_epoch != 0i16 { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnRequest", field: "V3AndBelowProducerEpoch", version }); }
        if version <= 3 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.v3_and_below_topics).len()), "AddPartitionsToTxnRequest.V3AndBelowTopics")?; for e in (&self.v3_and_below_topics).iter() { s += e.size(version)?; } s }; } else if self.v3_and_below_topics != Vec::<AddPartitionsToTxnTopic>::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnRequest", field: "V3AndBelowTopics", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 4 { w.put_length(flexible, true, Some((&self.transactions).len())); for e in (&self.transactions).iter() { e.write(w, version)?; } }
        if version <= 3 { w.put_nullable_string(flexible, Some((&self.v3_and_below_transactional_id).as_str())); }
        if version <= 3 { w.put_i64(*(&self.v3_and_below_producer_id)); }
        if version <= 3 { w.put_i16(*(&self.v3_and_below_producer_epoch)); }
        if version <= 3 { w.put_length(flexible, true, Some((&self.v3_and_below_topics).len())); for e in (&self.v3_and_below_topics).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for AddPartitionsToTxnRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 4 { this.transactions = { let n = rng.len(depth); (0..n).map(|_| AddPartitionsToTxnTransaction::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version <= 3 { this.v3_and_below_transactional_id = rng.string(); }
        if version <= 3 { this.v3_and_below_producer_id = rng.next_u64() as i64; }
        if version <= 3 { this.v3_and_below_producer_epoch = rng.next_u64() as i16; }
        if version <= 3 { this.v3_and_below_topics = { let n = rng.len(depth); (0..n).map(|_| AddPartitionsToTxnTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for AddPartitionsToTxnRequest {
    const NAME: &'static str = "AddPartitionsToTxnRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 5;
    const FLEXIBLE_FROM: Option<i16> = Some(3);
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTopic {
    pub name: String,
    pub partitions: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnTopic {
    fn default() -> Self {
        AddPartitionsToTxnTopic {
            name: String::new(),
            partitions: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddPartitionsToTxnTopic {
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
        this.name = r.string(flexible, "AddPartitionsToTxnTopic.Name")?;
        this.partitions = r.array(flexible, 4, "AddPartitionsToTxnTopic.Partitions", |r| Ok(r.i32()?))?;
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
        size += p::string_size(flexible, (&self.name), "AddPartitionsToTxnTopic.Name")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partitions).len()), "AddPartitionsToTxnTopic.Partitions")? + (&self.partitions).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_length(flexible, true, Some((&self.partitions).len())); for e in (&self.partitions).iter() { w.put_i32(*e); }
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
impl p::testing::Random for AddPartitionsToTxnTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTransaction {
    pub transactional_id: String,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub verify_only: bool,
    pub topics: Vec<AddPartitionsToTxnTopic>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddPartitionsToTxnTransaction {
    fn default() -> Self {
        AddPartitionsToTxnTransaction {
            transactional_id: String::new(),
            producer_id: 0i64,
            producer_epoch: 0i16,
            verify_only: false,
            topics: Vec::<AddPartitionsToTxnTopic>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AddPartitionsToTxnTransaction {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 0,
            3..=3 => 1,
            4..=5 => 14,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 3;
        let mut this = Self::default();
        if version >= 4 { this.transactional_id = r.string(flexible, "AddPartitionsToTxnTransaction.TransactionalId")?; }
        if version >= 4 { this.producer_id = r.i64()?; }
        if version >= 4 { this.producer_epoch = r.i16()?; }
        if version >= 4 { this.verify_only = r.bool()?; }
        if version >= 4 { this.topics = r.array(flexible, AddPartitionsToTxnTopic::min_size(version), "AddPartitionsToTxnTransaction.Topics", |r| Ok(AddPartitionsToTxnTopic::read(r, version)?))?; }
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
        if version >= 4 { size += p::string_size(flexible, (&self.transactional_id), "AddPartitionsToTxnTransaction.TransactionalId")?; } else if self.transactional_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTransaction", field: "TransactionalId", version }); }
        if version >= 4 { size += 8; } else if self.producer_id != 0i64 { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTransaction", field: "ProducerId", version }); }
        if version >= 4 { size += 2; } else if self.producer_epoch != 0i16 { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTransaction", field: "ProducerEpoch", version }); }
        if version >= 4 { size += 1; } else if self.verify_only != false { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTransaction", field: "VerifyOnly", version }); }
        if version >= 4 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "AddPartitionsToTxnTransaction.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s }; } else if self.topics != Vec::<AddPartitionsToTxnTopic>::new() { return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTransaction", field: "Topics", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AddPartitionsToTxnTransaction", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 3;
        if version >= 4 { w.put_nullable_string(flexible, Some((&self.transactional_id).as_str())); }
        if version >= 4 { w.put_i64(*(&self.producer_id)); }
        if version >= 4 { w.put_i16(*(&self.producer_epoch)); }
        if version >= 4 { w.put_bool(*(&self.verify_only)); }
        if version >= 4 { w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; } }
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
impl p::testing::Random for AddPartitionsToTxnTransaction {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 4 { this.transactional_id = rng.string(); }
        if version >= 4 { this.producer_id = rng.next_u64() as i64; }
        if version >= 4 { this.producer_epoch = rng.next_u64() as i16; }
        if version >= 4 { this.verify_only = rng.bool(); }
        if version >= 4 { this.topics = { let n = rng.len(depth); (0..n).map(|_| AddPartitionsToTxnTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if (version >= 3) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

