// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `StreamsGroupTopologyValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupTopologyValue {
    pub epoch: i32,
    pub subtopologies: Vec<Subtopology>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupTopologyValue {
    fn default() -> Self {
        StreamsGroupTopologyValue {
            epoch: 0i32,
            subtopologies: Vec::<Subtopology>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for StreamsGroupTopologyValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.epoch = r.i32()?;
        this.subtopologies = r.array(flexible, Subtopology::min_size(version), "StreamsGroupTopologyValue.Subtopologies", |r| Ok(Subtopology::read(r, version)?))?;
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
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.subtopologies).len()), "StreamsGroupTopologyValue.Subtopologies")?; for e in (&self.subtopologies).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "StreamsGroupTopologyValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.epoch));
        w.put_length(flexible, true, Some((&self.subtopologies).len())); for e in (&self.subtopologies).iter() { e.write(w, version)?; }
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
impl p::testing::Random for StreamsGroupTopologyValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.epoch = rng.next_u64() as i32;
        this.subtopologies = { let n = rng.len(depth); (0..n).map(|_| Subtopology::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for StreamsGroupTopologyValue {
    const NAME: &'static str = "StreamsGroupTopologyValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CopartitionGroup {
    pub source_topics: Vec<i16>,
    pub source_topic_regex: Vec<i16>,
    pub repartition_source_topics: Vec<i16>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CopartitionGroup {
    fn default() -> Self {
        CopartitionGroup {
            source_topics: Vec::<i16>::new(),
            source_topic_regex: Vec::<i16>::new(),
            repartition_source_topics: Vec::<i16>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CopartitionGroup {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.source_topics = r.array(flexible, 2, "CopartitionGroup.SourceTopics", |r| Ok(r.i16()?))?;
        this.source_topic_regex = r.array(flexible, 2, "CopartitionGroup.SourceTopicRegex", |r| Ok(r.i16()?))?;
        this.repartition_source_topics = r.array(flexible, 2, "CopartitionGroup.RepartitionSourceTopics", |r| Ok(r.i16()?))?;
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
        size += p::array_prefix_size(flexible, false, Some((&self.source_topics).len()), "CopartitionGroup.SourceTopics")? + (&self.source_topics).len() * 2;
        size += p::array_prefix_size(flexible, false, Some((&self.source_topic_regex).len()), "CopartitionGroup.SourceTopicRegex")? + (&self.source_topic_regex).len() * 2;
        size += p::array_prefix_size(flexible, false, Some((&self.repartition_source_topics).len()), "CopartitionGroup.RepartitionSourceTopics")? + (&self.repartition_source_topics).len() * 2;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CopartitionGroup", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.source_topics).len())); for e in (&self.source_topics).iter() { w.put_i16(*e); }
        w.put_length(flexible, true, Some((&self.source_topic_regex).len())); for e in (&self.source_topic_regex).iter() { w.put_i16(*e); }
        w.put_length(flexible, true, Some((&self.repartition_source_topics).len())); for e in (&self.repartition_source_topics).iter() { w.put_i16(*e); }
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
impl p::testing::Random for CopartitionGroup {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.source_topics = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i16).collect::<Vec<_>>() };
        this.source_topic_regex = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i16).collect::<Vec<_>>() };
        this.repartition_source_topics = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i16).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subtopology {
    pub subtopology_id: String,
    pub source_topics: Vec<String>,
    pub source_topic_regex: Vec<String>,
    pub state_changelog_topics: Vec<TopicInfo>,
    pub repartition_sink_topics: Vec<String>,
    pub repartition_source_topics: Vec<TopicInfo>,
    pub copartition_groups: Vec<CopartitionGroup>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Subtopology {
    fn default() -> Self {
        Subtopology {
            subtopology_id: String::new(),
            source_topics: Vec::<String>::new(),
            source_topic_regex: Vec::<String>::new(),
            state_changelog_topics: Vec::<TopicInfo>::new(),
            repartition_sink_topics: Vec::<String>::new(),
            repartition_source_topics: Vec::<TopicInfo>::new(),
            copartition_groups: Vec::<CopartitionGroup>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Subtopology {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.subtopology_id = r.string(flexible, "Subtopology.SubtopologyId")?;
        this.source_topics = r.array(flexible, 1, "Subtopology.SourceTopics", |r| Ok(r.string(flexible, "Subtopology.SourceTopics")?))?;
        this.source_topic_regex = r.array(flexible, 1, "Subtopology.SourceTopicRegex", |r| Ok(r.string(flexible, "Subtopology.SourceTopicRegex")?))?;
        this.state_changelog_topics = r.array(flexible, TopicInfo::min_size(version), "Subtopology.StateChangelogTopics", |r| Ok(TopicInfo::read(r, version)?))?;
        this.repartition_sink_topics = r.array(flexible, 1, "Subtopology.RepartitionSinkTopics", |r| Ok(r.string(flexible, "Subtopology.RepartitionSinkTopics")?))?;
        this.repartition_source_topics = r.array(flexible, TopicInfo::min_size(version), "Subtopology.RepartitionSourceTopics", |r| Ok(TopicInfo::read(r, version)?))?;
        this.copartition_groups = r.array(flexible, CopartitionGroup::min_size(version), "Subtopology.CopartitionGroups", |r| Ok(CopartitionGroup::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.subtopology_id), "Subtopology.SubtopologyId")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.source_topics).len()), "Subtopology.SourceTopics")?; for e in (&self.source_topics).iter() { s += p::string_size(flexible, e, "Subtopology.SourceTopics")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.source_topic_regex).len()), "Subtopology.SourceTopicRegex")?; for e in (&self.source_topic_regex).iter() { s += p::string_size(flexible, e, "Subtopology.SourceTopicRegex")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.state_changelog_topics).len()), "Subtopology.StateChangelogTopics")?; for e in (&self.state_changelog_topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.repartition_sink_topics).len()), "Subtopology.RepartitionSinkTopics")?; for e in (&self.repartition_sink_topics).iter() { s += p::string_size(flexible, e, "Subtopology.RepartitionSinkTopics")?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.repartition_source_topics).len()), "Subtopology.RepartitionSourceTopics")?; for e in (&self.repartition_source_topics).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.copartition_groups).len()), "Subtopology.CopartitionGroups")?; for e in (&self.copartition_groups).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Subtopology", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.subtopology_id).as_str()));
        w.put_length(flexible, true, Some((&self.source_topics).len())); for e in (&self.source_topics).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.source_topic_regex).len())); for e in (&self.source_topic_regex).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.state_changelog_topics).len())); for e in (&self.state_changelog_topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.repartition_sink_topics).len())); for e in (&self.repartition_sink_topics).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_length(flexible, true, Some((&self.repartition_source_topics).len())); for e in (&self.repartition_source_topics).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.copartition_groups).len())); for e in (&self.copartition_groups).iter() { e.write(w, version)?; }
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
impl p::testing::Random for Subtopology {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.source_topics = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.source_topic_regex = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.state_changelog_topics = { let n = rng.len(depth); (0..n).map(|_| TopicInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.repartition_sink_topics = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.repartition_source_topics = { let n = rng.len(depth); (0..n).map(|_| TopicInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.copartition_groups = { let n = rng.len(depth); (0..n).map(|_| CopartitionGroup::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicConfig {
    pub key: String,
    pub value: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicConfig {
    fn default() -> Self {
        TopicConfig {
            key: String::new(),
            value: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicConfig {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.key = r.string(flexible, "TopicConfig.key")?;
        this.value = r.string(flexible, "TopicConfig.value")?;
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
        size += p::string_size(flexible, (&self.key), "TopicConfig.key")?;
        size += p::string_size(flexible, (&self.value), "TopicConfig.value")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicConfig", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.key).as_str()));
        w.put_nullable_string(flexible, Some((&self.value).as_str()));
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
impl p::testing::Random for TopicConfig {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.key = rng.string();
        this.value = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicInfo {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i16,
    pub topic_configs: Vec<TopicConfig>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicInfo {
    fn default() -> Self {
        TopicInfo {
            name: String::new(),
            partitions: 0i32,
            replication_factor: 0i16,
            topic_configs: Vec::<TopicConfig>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for TopicInfo {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "TopicInfo.Name")?;
        this.partitions = r.i32()?;
        this.replication_factor = r.i16()?;
        this.topic_configs = r.array(flexible, TopicConfig::min_size(version), "TopicInfo.TopicConfigs", |r| Ok(TopicConfig::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.name), "TopicInfo.Name")?;
        size += 4;
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.topic_configs).len()), "TopicInfo.TopicConfigs")?; for e in (&self.topic_configs).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "TopicInfo", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i32(*(&self.partitions));
        w.put_i16(*(&self.replication_factor));
        w.put_length(flexible, true, Some((&self.topic_configs).len())); for e in (&self.topic_configs).iter() { e.write(w, version)?; }
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
impl p::testing::Random for TopicInfo {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.next_u64() as i32;
        this.replication_factor = rng.next_u64() as i16;
        this.topic_configs = { let n = rng.len(depth); (0..n).map(|_| TopicConfig::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

