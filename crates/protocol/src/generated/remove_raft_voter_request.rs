// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `RemoveRaftVoterRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct RemoveRaftVoterRequest {
    pub cluster_id: Option<String>,
    pub voter_id: i32,
    pub voter_directory_id: p::Uuid,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for RemoveRaftVoterRequest {
    fn default() -> Self {
        RemoveRaftVoterRequest {
            cluster_id: Some(String::new()),
            voter_id: 0i32,
            voter_directory_id: p::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for RemoveRaftVoterRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 22,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.cluster_id = r.string_opt(flexible, true, "RemoveRaftVoterRequest.ClusterId")?;
        this.voter_id = r.i32()?;
        this.voter_directory_id = r.uuid()?;
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
        let flexible = true;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += p::opt_string_size(flexible, true, (&self.cluster_id).as_deref(), "RemoveRaftVoterRequest.ClusterId")?;
        size += 4;
        size += 16;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "RemoveRaftVoterRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, (&self.cluster_id).as_deref());
        w.put_i32(*(&self.voter_id));
        w.put_uuid((&self.voter_directory_id));
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
impl p::testing::Random for RemoveRaftVoterRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.cluster_id = rng.opt_string(true);
        this.voter_id = rng.next_u64() as i32;
        this.voter_directory_id = rng.uuid();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for RemoveRaftVoterRequest {
    const NAME: &'static str = "RemoveRaftVoterRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

