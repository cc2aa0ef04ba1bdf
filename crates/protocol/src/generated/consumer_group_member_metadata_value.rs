// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerGroupMemberMetadataValue` (coordinator-value), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupMemberMetadataValue {
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub subscribed_topic_names: Vec<String>,
    pub subscribed_topic_regex: Option<String>,
    pub rebalance_timeout_ms: i32,
    pub server_assignor: Option<String>,
    pub classic_member_metadata: Option<ClassicMemberMetadata>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerGroupMemberMetadataValue {
    fn default() -> Self {
        ConsumerGroupMemberMetadataValue {
            instance_id: Some(String::new()),
            rack_id: Some(String::new()),
            client_id: String::new(),
            client_host: String::new(),
            subscribed_topic_names: Vec::<String>::new(),
            subscribed_topic_regex: Some(String::new()),
            rebalance_timeout_ms: -1i32,
            server_assignor: Some(String::new()),
            classic_member_metadata: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ConsumerGroupMemberMetadataValue {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 12,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.instance_id = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.InstanceId")?;
        this.rack_id = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.RackId")?;
        this.client_id = r.string(flexible, "ConsumerGroupMemberMetadataValue.ClientId")?;
        this.client_host = r.string(flexible, "ConsumerGroupMemberMetadataValue.ClientHost")?;
        this.subscribed_topic_names = r.array(flexible, 1, "ConsumerGroupMemberMetadataValue.SubscribedTopicNames", |r| Ok(r.string(flexible, "ConsumerGroupMemberMetadataValue.SubscribedTopicNames")?))?;
        this.subscribed_topic_regex = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.SubscribedTopicRegex")?;
        this.rebalance_timeout_ms = r.i32()?;
        this.server_assignor = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.ServerAssignor")?;
        if (true) && !(true) { this.classic_member_metadata = r.struct_opt::<ClassicMemberMetadata>(true, version)?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if true => { this.classic_member_metadata = r.struct_opt::<ClassicMemberMetadata>(true, version)?; Ok(true) }
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
        size += p::opt_string_size(flexible, true, (&self.instance_id).as_deref(), "ConsumerGroupMemberMetadataValue.InstanceId")?;
        size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "ConsumerGroupMemberMetadataValue.RackId")?;
        size += p::string_size(flexible, (&self.client_id), "ConsumerGroupMemberMetadataValue.ClientId")?;
        size += p::string_size(flexible, (&self.client_host), "ConsumerGroupMemberMetadataValue.ClientHost")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.subscribed_topic_names).len()), "ConsumerGroupMemberMetadataValue.SubscribedTopicNames")?; for e in (&self.subscribed_topic_names).iter() { s += p::string_size(flexible, e, "ConsumerGroupMemberMetadataValue.SubscribedTopicNames")?; } s };
        size += p::opt_string_size(flexible, true, (&self.subscribed_topic_regex).as_deref(), "ConsumerGroupMemberMetadataValue.SubscribedTopicRegex")?;
        size += 4;
        size += p::opt_string_size(flexible, true, (&self.server_assignor).as_deref(), "ConsumerGroupMemberMetadataValue.ServerAssignor")?;
        if (true) && !(true) { size += p::opt_struct_size(true, (&self.classic_member_metadata).as_ref(), version, "ConsumerGroupMemberMetadataValue.ClassicMemberMetadata")?; } else if true { if self.classic_member_metadata != None { let s = p::opt_struct_size(true, (&self.classic_member_metadata).as_ref(), version, "ConsumerGroupMemberMetadataValue.ClassicMemberMetadata")?; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.classic_member_metadata != None { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "ClassicMemberMetadata", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, (&self.instance_id).as_deref());
        w.put_nullable_string(flexible, (&self.rack_id).as_deref());
        w.put_nullable_string(flexible, Some((&self.client_id).as_str()));
        w.put_nullable_string(flexible, Some((&self.client_host).as_str()));
        w.put_length(flexible, true, Some((&self.subscribed_topic_names).len())); for e in (&self.subscribed_topic_names).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        w.put_nullable_string(flexible, (&self.subscribed_topic_regex).as_deref());
        w.put_i32(*(&self.rebalance_timeout_ms));
        w.put_nullable_string(flexible, (&self.server_assignor).as_deref());
        if (true) && !(true) { p::write_opt_struct(w, true, (&self.classic_member_metadata).as_ref(), version)?; }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if true && self.classic_member_metadata != None { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if true && self.classic_member_metadata != None {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = p::opt_struct_size(true, (&self.classic_member_metadata).as_ref(), version, "ConsumerGroupMemberMetadataValue.ClassicMemberMetadata")?;
                w.put_unsigned_varint(s as u32);
                p::write_opt_struct(w, true, (&self.classic_member_metadata).as_ref(), version)?;
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for ConsumerGroupMemberMetadataValue {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.instance_id = rng.opt_string(true);
        this.rack_id = rng.opt_string(true);
        this.client_id = rng.string();
        this.client_host = rng.string();
        this.subscribed_topic_names = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this.subscribed_topic_regex = rng.opt_string(true);
        this.rebalance_timeout_ms = rng.next_u64() as i32;
        this.server_assignor = rng.opt_string(true);
        if (true) || (true) { this.classic_member_metadata = if true && rng.chance(3) { None } else { Some(ClassicMemberMetadata::random(rng, version, depth + 1)) }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ConsumerGroupMemberMetadataValue {
    const NAME: &'static str = "ConsumerGroupMemberMetadataValue";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassicMemberMetadata {
    pub session_timeout_ms: i32,
    pub supported_protocols: Vec<ClassicProtocol>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ClassicMemberMetadata {
    fn default() -> Self {
        ClassicMemberMetadata {
            session_timeout_ms: 0i32,
            supported_protocols: Vec::<ClassicProtocol>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ClassicMemberMetadata {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.session_timeout_ms = r.i32()?;
        this.supported_protocols = r.array(flexible, ClassicProtocol::min_size(version), "ClassicMemberMetadata.SupportedProtocols", |r| Ok(ClassicProtocol::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.supported_protocols).len()), "ClassicMemberMetadata.SupportedProtocols")?; for e in (&self.supported_protocols).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ClassicMemberMetadata", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.session_timeout_ms));
        w.put_length(flexible, true, Some((&self.supported_protocols).len())); for e in (&self.supported_protocols).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ClassicMemberMetadata {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.session_timeout_ms = rng.next_u64() as i32;
        this.supported_protocols = { let n = rng.len(depth); (0..n).map(|_| ClassicProtocol::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassicProtocol {
    pub name: String,
    pub metadata: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ClassicProtocol {
    fn default() -> Self {
        ClassicProtocol {
            name: String::new(),
            metadata: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ClassicProtocol {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "ClassicProtocol.Name")?;
        this.metadata = r.bytes(flexible, "ClassicProtocol.Metadata")?;
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
        size += p::string_size(flexible, (&self.name), "ClassicProtocol.Name")?;
        size += p::bytes_size(flexible, (&self.metadata).len(), "ClassicProtocol.Metadata")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ClassicProtocol", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_nullable_bytes(flexible, Some(&(&self.metadata)[..]));
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
impl p::testing::Random for ClassicProtocol {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.metadata = rng.bytes();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

