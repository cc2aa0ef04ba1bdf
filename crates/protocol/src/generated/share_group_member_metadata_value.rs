// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ShareGroupMemberMetadataValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroupMemberMetadataValue {
    pub rack_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub subscribed_topic_names: Vec<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareGroupMemberMetadataValue {
    fn default() -> Self {
        ShareGroupMemberMetadataValue {
            rack_id: Some(String::new()),
            client_id: String::new(),
            client_host: String::new(),
            subscribed_topic_names: Vec::<String>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ShareGroupMemberMetadataValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 5,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.rack_id = r.string_opt(flexible, true, "ShareGroupMemberMetadataValue.RackId")?;
        this.client_id = r.string(flexible, "ShareGroupMemberMetadataValue.ClientId")?;
        this.client_host = r.string(flexible, "ShareGroupMemberMetadataValue.ClientHost")?;
        this.subscribed_topic_names = r.array(flexible, 1, "ShareGroupMemberMetadataValue.SubscribedTopicNames", |r| Ok(r.string(flexible, "ShareGroupMemberMetadataValue.SubscribedTopicNames")?))?;
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
        size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "ShareGroupMemberMetadataValue.RackId")?;
        size += p::string_size(flexible, (&self.client_id), "ShareGroupMemberMetadataValue.ClientId")?;
        size += p::string_size(flexible, (&self.client_host), "ShareGroupMemberMetadataValue.ClientHost")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.subscribed_topic_names).len()), "ShareGroupMemberMetadataValue.SubscribedTopicNames")?; for e in (&self.subscribed_topic_names).iter() { s += p::string_size(flexible, e, "ShareGroupMemberMetadataValue.SubscribedTopicNames")?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ShareGroupMemberMetadataValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, (&self.rack_id).as_deref());
        w.put_nullable_string(flexible, Some((&self.client_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.client_host).as_str()));
        w.put_length(flexible, true, Some((&self.subscribed_topic_names).len())); for e in (&self.subscribed_topic_names).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
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
impl p::testing::Random for ShareGroupMemberMetadataValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.rack_id = rng.opt_string(true);
        this.client_id = rng.string();
        this.client_host = rng.string();
        this.subscribed_topic_names = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ShareGroupMemberMetadataValue {
    const NAME: &'static str = "ShareGroupMemberMetadataValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

