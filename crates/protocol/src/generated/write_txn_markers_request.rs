// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `WriteTxnMarkersRequest` (request), versions 1-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct WriteTxnMarkersRequest {
    pub markers: Vec<WritableTxnMarker>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WriteTxnMarkersRequest {
    fn default() -> Self {
        WriteTxnMarkersRequest {
            markers: Vec::<WritableTxnMarker>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for WriteTxnMarkersRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.markers = r.array(flexible, WritableTxnMarker::min_size(version), "WriteTxnMarkersRequest.Markers", |r| Ok(WritableTxnMarker::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.markers).len()), "WriteTxnMarkersRequest.Markers")?; for e in (&self.markers).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "WriteTxnMarkersRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_length(flexible, true, Some((&self.markers).len())); for e in (&self.markers).iter() { e.write(w, version)?; }
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
impl p::testing::Random for WriteTxnMarkersRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.markers = { let n = rng.len(depth); (0..n).map(|_| WritableTxnMarker::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for WriteTxnMarkersRequest {
    const NAME: &'static str = "WriteTxnMarkersRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

#[derive(Debug, Clone, PartialEq)]
pub struct WritableTxnMarker {
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub transaction_result: bool,
    pub topics: Vec<WritableTxnMarkerTopic>,
    pub coordinator_epoch: i32,
    pub transaction_version: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WritableTxnMarker {
    fn default() -> Self {
        WritableTxnMarker {
            producer_id: 0i64,
            producer_epoch: 0i16,
            transaction_result: false,
            topics: Vec::<WritableTxnMarkerTopic>::new(),
            coordinator_epoch: 0i32,
            transaction_version: 0i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for WritableTxnMarker {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 17,
            2..=2 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.producer_id = r.i64()?;
        this.producer_epoch = r.i16()?;
        this.transaction_result = r.bool()?;
        this.topics = r.array(flexible, WritableTxnMarkerTopic::min_size(version), "WritableTxnMarker.Topics", |r| Ok(WritableTxnMarkerTopic::read(r, version)?))?;
        this.coordinator_epoch = r.i32()?;
        if version >= 2 { this.transaction_version = r.i8()?; }
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
        size += 8;
        size += 2;
        size += 1;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topics).len()), "WritableTxnMarker.Topics")?; for e in (&self.topics).iter() { s += e.size(version)?; } s };
        size += 4;
        if version >= 2 { size += 1; }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "WritableTxnMarker", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_i64(*(&self.producer_id));
        w.put_i16(*(&self.producer_epoch));
        w.put_bool(*(&self.transaction_result));
        w.put_length(flexible, true, Some((&self.topics).len())); for e in (&self.topics).iter() { e.write(w, version)?; }
        w.put_i32(*(&self.coordinator_epoch));
        if version >= 2 { w.put_i8(*(&self.transaction_version)); }
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
impl p::testing::Random for WritableTxnMarker {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        this.transaction_result = rng.bool();
        this.topics = { let n = rng.len(depth); (0..n).map(|_| WritableTxnMarkerTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.coordinator_epoch = rng.next_u64() as i32;
        if version >= 2 { this.transaction_version = rng.next_u64() as i8; }
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct WritableTxnMarkerTopic {
    pub name: String,
    pub partition_indexes: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WritableTxnMarkerTopic {
    fn default() -> Self {
        WritableTxnMarkerTopic {
            name: String::new(),
            partition_indexes: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for WritableTxnMarkerTopic {
    fn min_size(version: i16) -> usize {
        match version {
            1..=2 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 1;
        let mut this = Self::default();
        this.name = r.string(flexible, "WritableTxnMarkerTopic.Name")?;
        this.partition_indexes = r.array(flexible, 4, "WritableTxnMarkerTopic.PartitionIndexes", |r| Ok(r.i32()?))?;
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
        size += p::string_size(flexible, (&self.name), "WritableTxnMarkerTopic.Name")?;
        size += p::array_prefix_size(flexible, false, Some((&self.partition_indexes).len()), "WritableTxnMarkerTopic.PartitionIndexes")? + (&self.partition_indexes).len() * 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "WritableTxnMarkerTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 1;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_length(flexible, true, Some((&self.partition_indexes).len())); for e in (&self.partition_indexes).iter() { w.put_i32(*e); }
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
impl p::testing::Random for WritableTxnMarkerTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partition_indexes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() };
        if (version >= 1) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

