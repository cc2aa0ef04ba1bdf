// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `ListClientMetricsResourcesResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct ListClientMetricsResourcesResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub client_metrics_resources: Vec<ClientMetricsResource>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListClientMetricsResourcesResponse {
    fn default() -> Self {
        ListClientMetricsResourcesResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            client_metrics_resources: Vec::<ClientMetricsResource>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ListClientMetricsResourcesResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 8,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.client_metrics_resources = r.array(flexible, ClientMetricsResource::min_size(version), "ListClientMetricsResourcesResponse.ClientMetricsResources", |r| Ok(ClientMetricsResource::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.client_metrics_resources).len()), "ListClientMetricsResourcesResponse.ClientMetricsResources")?; for e in (&self.client_metrics_resources).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ListClientMetricsResourcesResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.client_metrics_resources).len())); for e in (&self.client_metrics_resources).iter() { e.write(w, version)?; }
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
impl p::testing::Random for ListClientMetricsResourcesResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.client_metrics_resources = { let n = rng.len(depth); (0..n).map(|_| ClientMetricsResource::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for ListClientMetricsResourcesResponse {
    const NAME: &'static str = "ListClientMetricsResourcesResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClientMetricsResource {
    pub name: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ClientMetricsResource {
    fn default() -> Self {
        ClientMetricsResource {
            name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ClientMetricsResource {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "ClientMetricsResource.Name")?;
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
        size += p::string_size(flexible, (&self.name), "ClientMetricsResource.Name")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ClientMetricsResource", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
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
impl p::testing::Random for ClientMetricsResource {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

