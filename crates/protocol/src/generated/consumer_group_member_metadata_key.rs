// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerGroupMemberMetadataKey` (coordinator-key), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupMemberMetadataKey {
    pub group_id: String,
    pub member_id: String,
}

impl Default for ConsumerGroupMemberMetadataKey {
    fn default() -> Self {
        ConsumerGroupMemberMetadataKey {
            group_id: String::new(),
            member_id: String::new(),
        }
    }
}

impl p::WireStruct for ConsumerGroupMemberMetadataKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        if version <= 0 { this.group_id = r.string(flexible, "ConsumerGroupMemberMetadataKey.GroupId")?; }
        if version <= 0 { this.member_id = r.string(flexible, "ConsumerGroupMemberMetadataKey.MemberId")?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        if version <= 0 { size += p::string_size(flexible, (&self.group_id), "ConsumerGroupMemberMetadataKey.GroupId")?; } else if self.group_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataKey", field: "GroupId", version }); }
        if version <= 0 { size += p::string_size(flexible, (&self.member_id), "ConsumerGroupMemberMetadataKey.MemberId")?; } else if self.member_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataKey", field: "MemberId", version }); }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.group_id).as_str())); }
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.member_id).as_str())); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ConsumerGroupMemberMetadataKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 0 { this.group_id = rng.string(); }
        if version <= 0 { this.member_id = rng.string(); }
        this
    }
}

impl p::Message for ConsumerGroupMemberMetadataKey {
    const NAME: &'static str = "ConsumerGroupMemberMetadataKey";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

