// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `OffsetFetchRequest` (request), versions 1-10.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequest {
    pub group_id: String,
    pub topics: Option<Vec<OffsetFetchRequestTopic>>,
    pub groups: Vec<OffsetFetchRequestGroup>,
    pub require_stable: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequest {
    fn default() -> Self {
        OffsetFetchRequest {
            group_id: String::new(),
            topics: Some(Vec::<OffsetFetchRequestTopic>::new()),
            groups: Vec::<OffsetFetchRequestGroup>::new(),
            require_stable: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 6,
            6..=6 => 3,
            7..=7 => 4,
            8..=10 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version <= 7 { this.group_id = r.string(flexible, "OffsetFetchRequest.GroupId")?; }
        if version <= 7 { this.topics = r.array_opt(flexible, (2..=7).contains(&version), OffsetFetchRequestTopic::min_size(version), "OffsetFetchRequest.Topics", |r| Ok(OffsetFetchRequestTopic::read(r, version)?))?; }
        if version >= 8 { this.groups = r.array(flexible, OffsetFetchRequestGroup::min_size(version), "OffsetFetchRequest.Groups", |r| Ok(OffsetFetchRequestGroup::read(r, version)?))?; }
        if version >= 7 { this.require_stable = r.bool()?; }
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version <= 7 { size += p::string_size(flexible, (&self.group_id), "OffsetFetchRequest.GroupId")?; } else if self.group_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequest", field: "GroupId", version }); }
        if version <= 7 { size += match (&self.topics) { None => p::array_prefix_size(flexible, (2..=7).contains(&version), None, "OffsetFetchRequest.Topics")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "OffsetFetchRequest.Topics")?; for e in a.iter() { s += e.size(version)?; } s } }; } else if self.topics != Some(Vec::<OffsetFetchRequestTopic>::new()) { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequest", field: "Topics", version }); }
        if version >= 8 { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.groups).len()), "OffsetFetchRequest.Groups")?; for e in (&self.groups).iter() { s += e.size(version)?; } s }; } else if self.groups != Vec::<OffsetFetchRequestGroup>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequest", field: "Groups", version }); }
        if version >= 7 { size += 1; } else if self.require_stable != false { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequest", field: "RequireStable", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version <= 7 { w.put_nullable_string(flexible, Some((&self.group_id).as_str())); }
        if version <= 7 { match (&self.topics) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } } }
        if version >= 8 { w.put_length(flexible, true, Some((&self.groups).len())); for e in (&self.groups).iter() { e.write(w, version)?; } }
        if version >= 7 { w.put_bool(*(&self.require_stable)); }
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
impl p::testing::Random for OffsetFetchRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 7 { this.group_id = rng.string(); }
        if version <= 7 { this.topics = if (2..=7).contains(&version) && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| OffsetFetchRequestTopic::random(rng, version, depth + 1)).collect::<Vec<_>>() }) }; }
        if version >= 8 { this.groups = { let n = rng.len(depth); (0..n).map(|_| OffsetFetchRequestGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
        if version >= 7 { this.require_stable = rng.bool(); }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for OffsetFetchRequest {
    const NAME: &'static str = "OffsetFetchRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 10;
    const FLEXIBLE_FROM: Option<i16> = Some(6);
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestGroup {
    pub group_id: String,
    pub member_id: Option<String>,
    pub member_epoch: i32,
    pub topics: Option<Vec<OffsetFetchRequestTopics>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequestGroup {
    fn default() -> Self {
        OffsetFetchRequestGroup {
            group_id: String::new(),
            member_id: None,
            member_epoch: -1i32,
            topics: Some(Vec::<OffsetFetchRequestTopics>::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchRequestGroup {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 0,
            6..=7 => 1,
            8..=8 => 3,
            9..=10 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version >= 8 { this.group_id = r.string(flexible, "OffsetFetchRequestGroup.GroupId")?; }
        if version >= 9 { this.member_id = r.string_opt(flexible, version >= 9, "OffsetFetchRequestGroup.MemberId")?; }
        if version >= 9 { this.member_epoch = r.i32()?; }
        if version >= 8 { this.topics = r.array_opt(flexible, version >= 8, OffsetFetchRequestTopics::min_size(version), "OffsetFetchRequestGroup.Topics", |r| Ok(OffsetFetchRequestTopics::read(r, version)?))?; }
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version >= 8 { size += p::string_size(flexible, (&self.group_id), "OffsetFetchRequestGroup.GroupId")?; } else if self.group_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestGroup", field: "GroupId", version }); }
        if version >= 9 { size += p::opt_string_size(flexible, version >= 9, (&self.member_id).as_deref(), "OffsetFetchRequestGroup.MemberId")?; }
        if version >= 9 { size += 4; }
        if version >= 8 { size += match (&self.topics) { None => p::array_prefix_size(flexible, version >= 8, None, "OffsetFetchRequestGroup.Topics")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "OffsetFetchRequestGroup.Topics")?; for e in a.iter() { s += e.size(version)?; } s } }; } else if self.topics != Some(Vec::<OffsetFetchRequestTopics>::new()) { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestGroup", field: "Topics", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version >= 8 { w.put_nullable_string(flexible, Some((&self.group_id).as_str())); }
        if version >= 9 { w.put_nullable_string(flexible, (&self.member_id).as_deref()); }
        if version >= 9 { w.put_i32(*(&self.member_epoch)); }
        if version >= 8 { match (&self.topics) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } } }
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
impl p::testing::Random for OffsetFetchRequestGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 8 { this.group_id = rng.string(); }
        if version >= 9 { this.member_id = rng.opt_string(version >= 9); }
        if version >= 9 { this.member_epoch = rng.next_u64() as i32; }
        if version >= 8 { this.topics = if version >= 8 && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| OffsetFetchRequestTopics::random(rng, version, depth + 1)).collect::<Vec<_>>() }) }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestTopic {
    pub name: String,
    pub partition_indexes: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequestTopic {
    fn default() -> Self {
        OffsetFetchRequestTopic {
            name: String::new(),
            partition_indexes: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchRequestTopic {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 6,
            6..=7 => 3,
            8..=10 => 1,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if version <= 7 { this.name = r.string(flexible, "OffsetFetchRequestTopic.Name")?; }
        if version <= 7 { this.partition_indexes = r.array(flexible, 4, "OffsetFetchRequestTopic.PartitionIndexes", |r| Ok(r.i32()?))?; }
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if version <= 7 { size += p::string_size(flexible, (&self.name), "OffsetFetchRequestTopic.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestTopic", field: "Name", version }); }
        if version <= 7 { size += p::array_prefix_size(flexible, false, Some((&self.partition_indexes).len()), "OffsetFetchRequestTopic.PartitionIndexes")? + (&self.partition_indexes).len() * 4; } else if self.partition_indexes != Vec::<i32>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestTopic", field: "PartitionIndexes", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestTopic", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if version <= 7 { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version <= 7 { w.put_length(flexible, true, Some((&self.partition_indexes).len())); for e in (&self.partition_indexes).iter() { w.put_i32(*e); } }
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
impl p::testing::Random for OffsetFetchRequestTopic {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 7 { this.name = rng.string(); }
        if version <= 7 { this.partition_indexes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestTopics {
    pub name: String,
    pub topic_id: p::Uuid,
    pub partition_indexes: Vec<i32>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OffsetFetchRequestTopics {
    fn default() -> Self {
        OffsetFetchRequestTopics {
            name: String::new(),
            topic_id: p::Uuid::ZERO,
            partition_indexes: Vec::<i32>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for OffsetFetchRequestTopics {
    fn min_size(version: i16) -> usize {
        match version {
            1..=5 => 0,
            6..=7 => 1,
            8..=9 => 3,
            10..=10 => 18,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 6;
        let mut this = Self::default();
        if (8..=9).contains(&version) { this.name = r.string(flexible, "OffsetFetchRequestTopics.Name")?; }
        if version >= 10 { this.topic_id = r.uuid()?; }
        if version >= 8 { this.partition_indexes = r.array(flexible, 4, "OffsetFetchRequestTopics.PartitionIndexes", |r| Ok(r.i32()?))?; }
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
        let flexible = version >= 6;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        if (8..=9).contains(&version) { size += p::string_size(flexible, (&self.name), "OffsetFetchRequestTopics.Name")?; }
        if version >= 10 { size += 16; }
        if version >= 8 { size += p::array_prefix_size(flexible, false, Some((&self.partition_indexes).len()), "OffsetFetchRequestTopics.PartitionIndexes")? + (&self.partition_indexes).len() * 4; } else if self.partition_indexes != Vec::<i32>::new() { return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestTopics", field: "PartitionIndexes", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "OffsetFetchRequestTopics", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 6;
        if (8..=9).contains(&version) { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if version >= 10 { w.put_uuid((&self.topic_id)); }
        if version >= 8 { w.put_length(flexible, true, Some((&self.partition_indexes).len())); for e in (&self.partition_indexes).iter() { w.put_i32(*e); } }
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
impl p::testing::Random for OffsetFetchRequestTopics {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if (8..=9).contains(&version) { this.name = rng.string(); }
        if version >= 10 { this.topic_id = rng.uuid(); }
        if version >= 8 { this.partition_indexes = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i32).collect::<Vec<_>>() }; }
        if (version >= 6) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

