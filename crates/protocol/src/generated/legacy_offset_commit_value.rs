// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `LegacyOffsetCommitValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct LegacyOffsetCommitValue {
    pub offset: i64,
    pub metadata: String,
    pub commit_timestamp: i64,
}

impl Default for LegacyOffsetCommitValue {
    fn default() -> Self {
        LegacyOffsetCommitValue {
            offset: 0i64,
            metadata: String::new(),
            commit_timestamp: 0i64,
        }
    }
}

impl p::WireStruct for LegacyOffsetCommitValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        if version <= 0 { this.offset = r.i64()?; }
        if version <= 0 { this.metadata = r.string(flexible, "LegacyOffsetCommitValue.metadata")?; }
        if version <= 0 { this.commit_timestamp = r.i64()?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        if version <= 0 { size += 8; } else if self.offset != 0i64 { return Err(p::WireError::FieldNotSupported { message: "LegacyOffsetCommitValue", field: "offset", version }); }
        if version <= 0 { size += p::string_size(flexible, (&self.metadata), "LegacyOffsetCommitValue.metadata")?; } else if self.metadata != String::new() { return Err(p::WireError::FieldNotSupported { message: "LegacyOffsetCommitValue", field: "metadata", version }); }
        if version <= 0 { size += 8; } else if self.commit_timestamp != 0i64 { return Err(p::WireError::FieldNotSupported { message: "LegacyOffsetCommitValue", field: "commitTimestamp", version }); }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        if version <= 0 { w.put_i64(*(&self.offset)); }
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.metadata).as_str())); }
        if version <= 0 { w.put_i64(*(&self.commit_timestamp)); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for LegacyOffsetCommitValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 0 { this.offset = rng.next_u64() as i64; }
        if version <= 0 { this.metadata = rng.string(); }
        if version <= 0 { this.commit_timestamp = rng.next_u64() as i64; }
        this
    }
}

impl p::Message for LegacyOffsetCommitValue {
    const NAME: &'static str = "LegacyOffsetCommitValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

