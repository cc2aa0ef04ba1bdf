// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeClusterResponse` (response), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClusterResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub endpoint_type: i8,
    pub cluster_id: String,
    pub controller_id: i32,
    pub brokers: Vec<DescribeClusterBroker>,
    pub cluster_authorized_operations: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeClusterResponse {
    fn default() -> Self {
        DescribeClusterResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            error_message: None,
            endpoint_type: 1i8,
            cluster_id: String::new(),
            controller_id: -1i32,
            brokers: Vec::<DescribeClusterBroker>::new(),
            cluster_authorized_operations: -2147483648i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeClusterResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 18,
            1..=2 => 19,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribeClusterResponse.ErrorMessage")?;
        if version >= 1 { this.endpoint_type = r.i8()?; }
        this.cluster_id = r.string(flexible, "DescribeClusterResponse.ClusterId")?;
        this.controller_id = r.i32()?;
        this.brokers = r.array(flexible, DescribeClusterBroker::min_size(version), "DescribeClusterResponse.Brokers", |r| Ok(DescribeClusterBroker::read(r, version)?))?;
        this.cluster_authorized_operations = r.i32()?;
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
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribeClusterResponse.ErrorMessage")?;
        if version >= 1 { size += 1; } else if self.endpoint_type != 1i8 { return Err(p::WireError::FieldNotSupported { message: "DescribeClusterResponse", field: "EndpointType", version }); }
        size += p::string_size(flexible, (&self.cluster_id), "DescribeClusterResponse.ClusterId")?;
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.brokers).len()), "DescribeClusterResponse.Brokers")?; for e in (&self.brokers).iter() { s += e.size(version)?; } s };
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeClusterResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        if version >= 1 { w.put_i8(*(&self.endpoint_type)); }
        w.put_nullable_string(flexible, Some((&self.cluster_id).as_str()));
        w.put_i32(*(&self.controller_id));
        w.put_length(flexible, true, Some((&self.brokers).len())); for e in (&self.brokers).iter() { e.write(w, version)?; }
        w.put_i32(*(&self.cluster_authorized_operations));
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
impl p::testing::Random for DescribeClusterResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        if version >= 1 { this.endpoint_type = rng.next_u64() as i8; }
        this.cluster_id = rng.string();
        this.controller_id = rng.next_u64() as i32;
        this.brokers = { let n = rng.len(depth); (0..n).map(|_| DescribeClusterBroker::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.cluster_authorized_operations = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeClusterResponse {
    const NAME: &'static str = "DescribeClusterResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClusterBroker {
    pub broker_id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    pub is_fenced: bool,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeClusterBroker {
    fn default() -> Self {
        DescribeClusterBroker {
            broker_id: 0i32,
            host: String::new(),
            port: 0i32,
            rack: None,
            is_fenced: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeClusterBroker {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 11,
            2..=2 => 12,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.broker_id = r.i32()?;
        this.host = r.string(flexible, "DescribeClusterBroker.Host")?;
        this.port = r.i32()?;
        this.rack = r.string_opt(flexible, true, "DescribeClusterBroker.Rack")?;
        if version >= 2 { this.is_fenced = r.bool()?; }
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
        size += p::string_size(flexible, (&self.host), "DescribeClusterBroker.Host")?;
        size += 4;
        size += p::opt_string_size(flexible, true, (&self.rack).as_deref(), "DescribeClusterBroker.Rack")?;
        if version >= 2 { size += 1; } else if self.is_fenced != false { return Err(p::WireError::FieldNotSupported { message: "DescribeClusterBroker", field: "IsFenced", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeClusterBroker", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.broker_id));
        w.put_nullable_string(flexible, Some((&self.host).as_str()));
        w.put_i32(*(&self.port));
        w.put_nullable_string(flexible, (&self.rack).as_deref());
        if version >= 2 { w.put_bool(*(&self.is_fenced)); }
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
impl p::testing::Random for DescribeClusterBroker {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.host = rng.string();
        this.port = rng.next_u64() as i32;
        this.rack = rng.opt_string(true);
        if version >= 2 { this.is_fenced = rng.bool(); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

