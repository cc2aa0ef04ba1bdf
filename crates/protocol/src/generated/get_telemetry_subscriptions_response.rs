// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `GetTelemetrySubscriptionsResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct GetTelemetrySubscriptionsResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub client_instance_id: p::Uuid,
    pub subscription_id: i32,
    pub accepted_compression_types: Vec<i8>,
    pub push_interval_ms: i32,
    pub telemetry_max_bytes: i32,
    pub delta_temporality: bool,
    pub requested_metrics: Vec<String>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for GetTelemetrySubscriptionsResponse {
    fn default() -> Self {
        GetTelemetrySubscriptionsResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            client_instance_id: p::Uuid::ZERO,
            subscription_id: 0i32,
            accepted_compression_types: Vec::<i8>::new(),
            push_interval_ms: 0i32,
            telemetry_max_bytes: 0i32,
            delta_temporality: false,
            requested_metrics: Vec::<String>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for GetTelemetrySubscriptionsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 38,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.client_instance_id = r.uuid()?;
        this.subscription_id = r.i32()?;
        this.accepted_compression_types = r.array(flexible, 1, "GetTelemetrySubscriptionsResponse.AcceptedCompressionTypes", |r| Ok(r.i8()?))?;
        this.push_interval_ms = r.i32()?;
        this.telemetry_max_bytes = r.i32()?;
        this.delta_temporality = r.bool()?;
        this.requested_metrics = r.array(flexible, 1, "GetTelemetrySubscriptionsResponse.RequestedMetrics", |r| Ok(r.string(flexible, "GetTelemetrySubscriptionsResponse.RequestedMetrics")?))?;
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
        size += 16;
        size += 4;
        size += p::array_prefix_size(flexible, false, Some((&self.accepted_compression_types).len()), "GetTelemetrySubscriptionsResponse.AcceptedCompressionTypes")? + (&self.accepted_compression_types).len() * 1;
        size += 4;
        size += 4;
        size += 1;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.requested_metrics).len()), "GetTelemetrySubscriptionsResponse.RequestedMetrics")?; for e in (&self.requested_metrics).iter() { s += p::string_size(flexible, e, "GetTelemetrySubscriptionsResponse.RequestedMetrics")?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "GetTelemetrySubscriptionsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_uuid((&self.client_instance_id));
        w.put_i32(*(&self.subscription_id));
        w.put_length(flexible, true, Some((&self.accepted_compression_types).len())); for e in (&self.accepted_compression_types).iter() { w.put_i8(*e); }
        w.put_i32(*(&self.push_interval_ms));
        w.put_i32(*(&self.telemetry_max_bytes));
        w.put_bool(*(&self.delta_temporality));
        w.put_length(flexible, true, Some((&self.requested_metrics).len())); for e in (&self.requested_metrics).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
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
impl p::testing::Random for GetTelemetrySubscriptionsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.client_instance_id = rng.uuid();
        this.subscription_id = rng.next_u64() as i32;
        this.accepted_compression_types = { let n = rng.len(depth); (0..n).map(|_| rng.next_u64() as i8).collect::<Vec<_>>() };
        this.push_interval_ms = rng.next_u64() as i32;
        this.telemetry_max_bytes = rng.next_u64() as i32;
        this.delta_temporality = rng.bool();
        this.requested_metrics = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for GetTelemetrySubscriptionsResponse {
    const NAME: &'static str = "GetTelemetrySubscriptionsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

