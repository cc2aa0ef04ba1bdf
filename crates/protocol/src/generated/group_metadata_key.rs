// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `GroupMetadataKey` (coordinator-key), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct GroupMetadataKey {
    pub group: String,
}

impl Default for GroupMetadataKey {
    fn default() -> Self {
        GroupMetadataKey {
            group: String::new(),
        }
    }
}

impl p::WireStruct for GroupMetadataKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        if version <= 0 { this.group = r.string(flexible, "GroupMetadataKey.group")?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        if version <= 0 { size += p::string_size(flexible, (&self.group), "GroupMetadataKey.group")?; } else if self.group != String::new() { return Err(p::WireError::FieldNotSupported { message: "GroupMetadataKey", field: "group", version }); }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.group).as_str())); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for GroupMetadataKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 0 { this.group = rng.string(); }
        this
    }
}

impl p::Message for GroupMetadataKey {
    const NAME: &'static str = "GroupMetadataKey";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

