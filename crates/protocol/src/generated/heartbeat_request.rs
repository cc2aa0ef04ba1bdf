// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `HeartbeatRequest` (request), versions 0-4.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct HeartbeatRequest {
    pub group_id: String,
    pub generation_id: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for HeartbeatRequest {
    fn default() -> Self {
        HeartbeatRequest {
            group_id: String::new(),
            generation_id: 0i32,
            member_id: String::new(),
            group_instance_id: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for HeartbeatRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 8,
            3..=3 => 10,
            4..=4 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 4;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "HeartbeatRequest.GroupId")?;
        this.generation_id = r.i32()?;
        this.member_id = r.string(flexible, "HeartbeatRequest.MemberId")?;
        if version >= 3 { this.group_instance_id = r.string_opt(flexible, version >= 3, "HeartbeatRequest.GroupInstanceId")?; }
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
        let flexible = version >= 4;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::string_size(flexible, (&self.group_id), "HeartbeatRequest.GroupId")?;
        size += 4;
        size += p::string_size(flexible, (&self.member_id), "HeartbeatRequest.MemberId")?;
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.group_instance_id).as_deref(), "HeartbeatRequest.GroupInstanceId")?; } else if self.group_instance_id != None { return Err(p::WireError::FieldNotSupported { message: "HeartbeatRequest", field: "GroupInstanceId", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "HeartbeatRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 4;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_i32(*(&self.generation_id));
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        if version >= 3 { w.put_nullable_string(flexible, (&self.group_instance_id).as_deref()); }
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
impl p::testing::Random for HeartbeatRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.generation_id = rng.next_u64() as i32;
        this.member_id = rng.string();
        if version >= 3 { this.group_instance_id = rng.opt_string(version >= 3); }
        if (version >= 4) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for HeartbeatRequest {
    const NAME: &'static str = "HeartbeatRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 4;
    const FLEXIBLE_FROM: Option<i16> = Some(4);
}

