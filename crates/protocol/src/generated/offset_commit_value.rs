// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `OffsetCommitValue` (coordinator-value), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitValue {
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: String,
    pub commit_timestamp: i64,
    pub expire_timestamp: i64,
    pub topic_id: p::Uuid,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetCommitValue {
    fn default() -> Self {
        OffsetCommitValue {
            offset: 0i64,
            leader_epoch: -1i32,
            metadata: String::new(),
            commit_timestamp: 0i64,
            expire_timestamp: -1i64,
            topic_id: p::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetCommitValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 18,
            1..=1 => 26,
            2..=2 => 18,
            3..=4 => 22,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.offset = r.i64()?;
        if version >= 3 { this.leader_epoch = r.i32()?; }
        this.metadata = r.string(flexible, "OffsetCommitValue.metadata")?;
        this.commit_timestamp = r.i64()?;
        if version == 1 { this.expire_timestamp = r.i64()?; }
        if (version >= 4) && !(version >= 4) { this.topic_id = r.uuid()?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 4 => { this.topic_id = r.uuid()?; Ok(true) }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 8;
        if version >= 3 { size += 4; }
        size += p::string_size(flexible, (&self.metadata), "OffsetCommitValue.metadata")?;
        size += 8;
        if version == 1 { size += 8; }
        if (version >= 4) && !(version >= 4) { size += 16; } else if version >= 4 { if self.topic_id != p::Uuid::ZERO { let s = 16; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetCommitValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_i64(*(&self.offset));
        if version >= 3 { w.put_i32(*(&self.leader_epoch)); }
        w.put_nullable_string(flexible, Some((&self.metadata).as_str()));
        w.put_i64(*(&self.commit_timestamp));
        if version == 1 { w.put_i64(*(&self.expire_timestamp)); }
        if (version >= 4) && !(version >= 4) { w.put_uuid((&self.topic_id)); }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 4 && self.topic_id != p::Uuid::ZERO { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 4 && self.topic_id != p::Uuid::ZERO {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = 16;
                w.put_unsigned_varint(s as u32);
                w.put_uuid((&self.topic_id));
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for OffsetCommitValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.offset = rng.next_u64() as i64;
        if version >= 3 { this.leader_epoch = rng.next_u64() as i32; }
        this.metadata = rng.string();
        this.commit_timestamp = rng.next_u64() as i64;
        if version == 1 { this.expire_timestamp = rng.next_u64() as i64; }
        if (version >= 4) || (version >= 4) { this.topic_id = rng.uuid(); }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for OffsetCommitValue {
    const NAME: &'static str = "OffsetCommitValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

