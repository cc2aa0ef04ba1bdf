// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StreamsGroupMetadataKey` (coordinator-key), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupMetadataKey {
    pub group_id: String,
}

impl Default for StreamsGroupMetadataKey {
    fn default() -> Self {
        StreamsGroupMetadataKey {
            group_id: String::new(),
        }
    }
}

impl p::WireStruct for StreamsGroupMetadataKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        if version <= 0 { this.group_id = r.string(flexible, "StreamsGroupMetadataKey.GroupId")?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        if version <= 0 { size += p::string_size(flexible, (&self.group_id), "StreamsGroupMetadataKey.GroupId")?; } else if self.group_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "StreamsGroupMetadataKey", field: "GroupId", version }); }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.group_id).as_str())); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for StreamsGroupMetadataKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 0 { this.group_id = rng.string(); }
        this
    }
}

impl p::Message for StreamsGroupMetadataKey {
    const NAME: &'static str = "StreamsGroupMetadataKey";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

