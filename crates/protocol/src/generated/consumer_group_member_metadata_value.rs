// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ConsumerGroupMemberMetadataValue` (data), versions 0-0.

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
        if true { this.instance_id = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.InstanceId")?; }
        if true { this.rack_id = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.RackId")?; }
        if true { this.client_id = r.string(flexible, "ConsumerGroupMemberMetadataValue.ClientId")?; }
        if true { this.client_host = r.string(flexible, "ConsumerGroupMemberMetadataValue.ClientHost")?; }
        if true { this.subscribed_topic_names = r.array(flexible, 1, "ConsumerGroupMemberMetadataValue.SubscribedTopicNames", |r| Ok(r.string(flexible, "ConsumerGroupMemberMetadataValue.SubscribedTopicNames")?))?; }
        if true { this.subscribed_topic_regex = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.SubscribedTopicRegex")?; }
        if true { this.rebalance_timeout_ms = r.i32()?; }
        if true { this.server_assignor = r.string_opt(flexible, true, "ConsumerGroupMemberMetadataValue.ServerAssignor")?; }
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
        if true { size += p::opt_string_size(flexible, true, (&self.instance_id).as_deref(), "ConsumerGroupMemberMetadataValue.InstanceId")?; } else if self.instance_id != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "InstanceId", version }); }
        if true { size += p::opt_string_size(flexible, true, (&self.rack_id).as_deref(), "ConsumerGroupMemberMetadataValue.RackId")?; } else if self.rack_id != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "RackId", version }); }
        if true { size += p::string_size(flexible, (&self.client_id), "ConsumerGroupMemberMetadataValue.ClientId")?; } else if self.client_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "ClientId", version }); }
        if true { size += p::string_size(flexible, (&self.client_host), "ConsumerGroupMemberMetadataValue.ClientHost")?; } else if self.client_host != String::new() { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "ClientHost", version }); }
        if true { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.subscribed_topic_names).len()), "ConsumerGroupMemberMetadataValue.SubscribedTopicNames")?; for e in (&self.subscribed_topic_names).iter() { s += p::string_size(flexible, e, "ConsumerGroupMemberMetadataValue.SubscribedTopicNames")?; } s }; } else if self.subscribed_topic_names != Vec::<String>::new() { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "SubscribedTopicNames", version }); }
        if true { size += p::opt_string_size(flexible, true, (&self.subscribed_topic_regex).as_deref(), "ConsumerGroupMemberMetadataValue.SubscribedTopicRegex")?; } else if self.subscribed_topic_regex != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "SubscribedTopicRegex", version }); }
        if true { size += 4; } else if self.rebalance_timeout_ms != -1i32 { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "RebalanceTimeoutMs", version }); }
        if true { size += p::opt_string_size(flexible, true, (&self.server_assignor).as_deref(), "ConsumerGroupMemberMetadataValue.ServerAssignor")?; } else if self.server_assignor != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "ConsumerGroupMemberMetadataValue", field: "ServerAssignor", version }); }
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
        if true { w.put_nullable_string(flexible, (&self.instance_id).as_deref()); }
        if true { w.put_nullable_string(flexible, (&self.rack_id).as_deref()); }
        if true { w.put_nullable_string(flexible, Some((&self.client_id).as_str())); }
        if true { w.put_nullable_string(flexible, Some((&self.client_host).as_str())); }
        if true { w.put_length(flexible, true, Some((&self.subscribed_topic_names).len())); for e in (&self.subscribed_topic_names).iter() { w.put_nullable_string(flexible, Some(e.as_str())); } }
        if true { w.put_nullable_string(flexible, (&self.subscribed_topic_regex).as_deref()); }
        if true { w.put_i32(*(&self.rebalance_timeout_ms)); }
        if true { w.put_nullable_string(flexible, (&self.server_assignor).as_deref()); }
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
        if true { this.instance_id = rng.opt_string(true); }
        if true { this.rack_id = rng.opt_string(true); }
        if true { this.client_id = rng.string(); }
        if true { this.client_host = rng.string(); }
        if true { this.subscribed_topic_names = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() }; }
        if true { this.subscribed_topic_regex = rng.opt_string(true); }
        if true { this.rebalance_timeout_ms = rng.next_u64() as i32; }
        if true { this.server_assignor = rng.opt_string(true); }
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
        if true { this.session_timeout_ms = r.i32()?; }
        if true { this.supported_protocols = r.array(flexible, ClassicProtocol::min_size(version), "ClassicMemberMetadata.SupportedProtocols", |r| Ok(ClassicProtocol::read(r, version)?))?; }
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
        if true { size += 4; } else if self.session_timeout_ms != 0i32 { return Err(p::WireError::FieldNotSupported { message: "ClassicMemberMetadata", field: "SessionTimeoutMs", version }); }
        if true { size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.supported_protocols).len()), "ClassicMemberMetadata.SupportedProtocols")?; for e in (&self.supported_protocols).iter() { s += e.size(version)?; } s }; } else if self.supported_protocols != Vec::<ClassicProtocol>::new() { return Err(p::WireError::FieldNotSupported { message: "ClassicMemberMetadata", field: "SupportedProtocols", version }); }
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
        if true { w.put_i32(*(&self.session_timeout_ms)); }
        if true { w.put_length(flexible, true, Some((&self.supported_protocols).len())); for e in (&self.supported_protocols).iter() { e.write(w, version)?; } }
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
        if true { this.session_timeout_ms = rng.next_u64() as i32; }
        if true { this.supported_protocols = { let n = rng.len(depth); (0..n).map(|_| ClassicProtocol::random(rng, version, depth + 1)).collect::<Vec<_>>() }; }
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
        if true { this.name = r.string(flexible, "ClassicProtocol.Name")?; }
        if true { this.metadata = r.bytes(flexible, "ClassicProtocol.Metadata")?; }
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
        if true { size += p::string_size(flexible, (&self.name), "ClassicProtocol.Name")?; } else if self.name != String::new() { return Err(p::WireError::FieldNotSupported { message: "ClassicProtocol", field: "Name", version }); }
        if true { size += p::bytes_size(flexible, (&self.metadata).len(), "ClassicProtocol.Metadata")?; } else if self.metadata != Bytes::new() { return Err(p::WireError::FieldNotSupported { message: "ClassicProtocol", field: "Metadata", version }); }
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
        if true { w.put_nullable_string(flexible, Some((&self.name).as_str())); }
        if true { w.put_nullable_bytes(flexible, Some(&(&self.metadata)[..])); }
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
        if true { this.name = rng.string(); }
        if true { this.metadata = rng.bytes(); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

