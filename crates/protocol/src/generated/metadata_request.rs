// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `MetadataRequest` (request), versions 0-13.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataRequest {
    pub topics: Option<Vec<MetadataRequestTopic>>,
    pub allow_auto_topic_creation: bool,
    pub include_cluster_authorized_operations: bool,
    pub include_topic_authorized_operations: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataRequest {
    fn default() -> Self {
        MetadataRequest {
            topics: Some(Vec::<MetadataRequestTopic>::new()),
            allow_auto_topic_creation: true,
            include_cluster_authorized_operations: false,
            include_topic_authorized_operations: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MetadataRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=3 => 4,
            4..=7 => 5,
            8..=8 => 7,
            9..=10 => 5,
            11..=13 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        this.topics = r.array_opt(flexible, version >= 1, MetadataRequestTopic::min_size(version), "MetadataRequest.Topics", |r| Ok(MetadataRequestTopic::read(r, version)?))?;
        if version >= 4 { this.allow_auto_topic_creation = r.bool()?; }
        if (8..=10).contains(&version) { this.include_cluster_authorized_operations = r.bool()?; }
        if version >= 8 { this.include_topic_authorized_operations = r.bool()?; }
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
        let flexible = version >= 9;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += match (&self.topics) { None => p::array_prefix_size(flexible, version >= 1, None, "MetadataRequest.Topics")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "MetadataRequest.Topics")?; for e in a.iter() { s += e.size(version)?; } s } };
        if version >= 4 { size += 1; } else if self.allow_auto_topic_creation != true { return Err(p::WireError::FieldNotSupported { message: "MetadataRequest", field: "AllowAutoTopicCreation", version }); }
        if (8..=10).contains(&version) { size += 1; } else if self.include_cluster_authorized_operations != false { return Err(p::WireError::FieldNotSupported { message: "MetadataRequest", field: "IncludeClusterAuthorizedOperations", version }); }
        if version >= 8 { size += 1; } else if self.include_topic_authorized_operations != false { return Err(p::WireError::FieldNotSupported { message: "MetadataRequest", field: "IncludeTopicAuthorizedOperations", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MetadataRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        match (&self.topics) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
        if version >= 4 { w.put_bool(*(&self.allow_auto_topic_creation)); }
        if (8..=10).contains(&version) { w.put_bool(*(&self.include_cluster_authorized_operations)); }
        if version >= 8 { w.put_bool(*(&self.include_topic_authorized_operations)); }
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
impl p::testing::Random for MetadataRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.topics = if version >= 1 && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| MetadataRequestTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        if version >= 4 { this.allow_auto_topic_creation = rng.bool(); }
        if (8..=10).contains(&version) { this.include_cluster_authorized_operations = rng.bool(); }
        if version >= 8 { this.include_topic_authorized_operations = rng.bool(); }
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for MetadataRequest {
    const NAME: &'static str = "MetadataRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 13;
    const FLEXIBLE_FROM: Option<i16> = Some(9);
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataRequestTopic {
    pub topic_id: p::Uuid,
    pub name: Option<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataRequestTopic {
    fn default() -> Self {
        MetadataRequestTopic {
            topic_id: p::Uuid::ZERO,
            name: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for MetadataRequestTopic {
    fn min_size(version: i16) -> usize {
        match version {
            0..=9 => 2,
            10..=13 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 9;
        let mut this = Self::default();
        if version >= 10 { this.topic_id = r.uuid()?; }
        this.name = r.string_opt(flexible, version >= 10, "MetadataRequestTopic.Name")?;
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
        let flexible = version >= 9;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 10 { size += 16; }
        size += p::opt_string_size(flexible, version >= 10, (&self.name).as_deref(), "MetadataRequestTopic.Name")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "MetadataRequestTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 9;
        if version >= 10 { w.put_uuid((&self.topic_id)); }
        w.put_nullable_string(flexible, (&self.name).as_deref());
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
impl p::testing::Random for MetadataRequestTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 10 { this.topic_id = rng.uuid(); }
        this.name = rng.opt_string(version >= 10);
        if (version >= 9) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

