// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ShareGroupHeartbeatRequest` (request), versions 1-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroupHeartbeatRequest {
    pub group_id: String,
    pub member_id: String,
    pub member_epoch: i32,
    pub rack_id: Option<String>,
    pub subscribed_topic_names: Option<Vec<String>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareGroupHeartbeatRequest {
    fn default() -> Self {
        ShareGroupHeartbeatRequest {
            group_id: String::new(),
            member_id: String::new(),
            member_epoch: 0i32,
            rack_id: None,
            subscribed_topic_names: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ShareGroupHeartbeatRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.group_id = r.string(flexible, "ShareGroupHeartbeatRequest.GroupId")?;
        this.member_id = r.string(flexible, "ShareGroupHeartbeatRequest.MemberId")?;
        this.member_epoch = r.i32()?;
        this.rack_id = r.string_opt(flexible, true, "ShareGroupHeartbeatRequest.RackId")?;
        this.subscribed_topic_names = r.array_opt(flexible, true, 1, "ShareGroupHeartbeatRequest.SubscribedTopicNames", |r| Ok(r.string(flexible, "ShareGroupHeartbeatRequest.SubscribedTopicNames")?))?;
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
        size += p::string_size(flexible, (&self.group_id), "ShareGroupHeartbeatRequest.GroupId")?;
        size += p::string_size(flexible, (&self.member_id), "ShareGroupHeartbeatRequest.MemberId")?;
        size += 4;
        size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "ShareGroupHeartbeatRequest.RackId")?;
        size += match (&self.subscribed_topic_names) { None => p::array_prefix_size(flexible, true, None, "ShareGroupHeartbeatRequest.SubscribedTopicNames")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "ShareGroupHeartbeatRequest.SubscribedTopicNames")?; for e in a.iter() { s += p::string_size(flexible, e, "ShareGroupHeartbeatRequest.SubscribedTopicNames")?; } s } };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ShareGroupHeartbeatRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.group_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.member_id).as_str()));
        w.put_i32(*(&self.member_epoch));
        w.put_nullable_string(flexible, (&self.rack_id).as_deref());
        match (&self.subscribed_topic_names) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_nullable_string(flexible, Some(e.as_str())); } } }
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
impl p::testing::Random for ShareGroupHeartbeatRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.group_id = rng.string();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.rack_id = rng.opt_string(true);
        this.subscribed_topic_names = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ShareGroupHeartbeatRequest {
    const NAME: &'static str = "ShareGroupHeartbeatRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(1);
}

