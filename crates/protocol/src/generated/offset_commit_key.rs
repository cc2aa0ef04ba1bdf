// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `OffsetCommitKey` (coordinator-key), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitKey {
    pub group: String,
    pub topic: String,
    pub partition: i32,
}

impl Default for OffsetCommitKey {
    fn default() -> Self {
        OffsetCommitKey {
            group: String::new(),
            topic: String::new(),
            partition: 0i32,
        }
    }
}

impl p::WireStruct for OffsetCommitKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        if version <= 0 { this.group = r.string(flexible, "OffsetCommitKey.group")?; }
        if version <= 0 { this.topic = r.string(flexible, "OffsetCommitKey.topic")?; }
        if version <= 0 { this.partition = r.i32()?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        if version <= 0 { size += p::string_size(flexible, (&self.group), "OffsetCommitKey.group")?; } else if self.group != String::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetCommitKey", field: "group", version }); }
        if version <= 0 { size += p::string_size(flexible, (&self.topic), "OffsetCommitKey.topic")?; } else if self.topic != String::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetCommitKey", field: "topic", version }); }
        if version <= 0 { size += 4; } else if self.partition != 0i32 { return Err(p::WireError::FieldNotSupported { message: "OffsetCommitKey", field: "partition", version }); }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.group).as_str())); }
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.topic).as_str())); }
        if version <= 0 { w.put_i32(*(&self.partition)); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for OffsetCommitKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 0 { this.group = rng.string(); }
        if version <= 0 { this.topic = rng.string(); }
        if version <= 0 { this.partition = rng.next_u64() as i32; }
        this
    }
}

impl p::Message for OffsetCommitKey {
    const NAME: &'static str = "OffsetCommitKey";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

