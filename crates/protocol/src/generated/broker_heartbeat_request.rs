// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `BrokerHeartbeatRequest` (request), versions 0-2.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct BrokerHeartbeatRequest {
    pub broker_id: i32,
    pub broker_epoch: i64,
    pub current_metadata_offset: i64,
    pub want_fence: bool,
    pub want_shut_down: bool,
    pub offline_log_dirs: Vec<p::Uuid>,
    pub cordoned_log_dirs: Option<Vec<p::Uuid>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BrokerHeartbeatRequest {
    fn default() -> Self {
        BrokerHeartbeatRequest {
            broker_id: 0i32,
            broker_epoch: -1i64,
            current_metadata_offset: 0i64,
            want_fence: false,
            want_shut_down: false,
            offline_log_dirs: Vec::<p::Uuid>::new(),
            cordoned_log_dirs: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for BrokerHeartbeatRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=2 => 23,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.broker_id = r.i32()?;
        this.broker_epoch = r.i64()?;
        this.current_metadata_offset = r.i64()?;
        this.want_fence = r.bool()?;
        this.want_shut_down = r.bool()?;
        if (version >= 1) && !(version >= 1) { this.offline_log_dirs = r.array(flexible, 16, "BrokerHeartbeatRequest.OfflineLogDirs", |r| Ok(r.uuid()?))?; }
        if (version >= 2) && !(version >= 2) { this.cordoned_log_dirs = r.array_opt(flexible, version >= 2, 16, "BrokerHeartbeatRequest.CordonedLogDirs", |r| Ok(r.uuid()?))?; }
        if flexible {
            let mut unknown = Vec::new();
            r.tagged_fields(&mut unknown, |tag, r| {
                match tag {
                    0 if version >= 1 => { this.offline_log_dirs = r.array(flexible, 16, "BrokerHeartbeatRequest.OfflineLogDirs", |r| Ok(r.uuid()?))?; Ok(true) }
                    1 if version >= 2 => { this.cordoned_log_dirs = r.array_opt(flexible, version >= 2, 16, "BrokerHeartbeatRequest.CordonedLogDirs", |r| Ok(r.uuid()?))?; Ok(true) }
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
        size += 8;
        size += 8;
        size += 1;
        size += 1;
        if (version >= 1) && !(version >= 1) { size += p::array_prefix_size(flexible, false, Some((&self.offline_log_dirs).len()), "BrokerHeartbeatRequest.OfflineLogDirs")? + (&self.offline_log_dirs).len() * 16; } else if version >= 1 { if self.offline_log_dirs != Vec::<p::Uuid>::new() { let s = p::array_prefix_size(flexible, false, Some((&self.offline_log_dirs).len()), "BrokerHeartbeatRequest.OfflineLogDirs")? + (&self.offline_log_dirs).len() * 16; tagged_count += 1; tagged_size += p::unsigned_varint_size(0) + p::unsigned_varint_size(s as u32) + s; } } else if self.offline_log_dirs != Vec::<p::Uuid>::new() { return Err(p::WireError::FieldNotSupported { message: "BrokerHeartbeatRequest", field: "OfflineLogDirs", version }); }
        if (version >= 2) && !(version >= 2) { size += match (&self.cordoned_log_dirs) { None => p::array_prefix_size(flexible, version >= 2, None, "BrokerHeartbeatRequest.CordonedLogDirs")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "BrokerHeartbeatRequest.CordonedLogDirs")? + a.len() * 16 }; } else if version >= 2 { if self.cordoned_log_dirs != None { let s = match (&self.cordoned_log_dirs) { None => p::array_prefix_size(flexible, version >= 2, None, "BrokerHeartbeatRequest.CordonedLogDirs")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "BrokerHeartbeatRequest.CordonedLogDirs")? + a.len() * 16 }; tagged_count += 1; tagged_size += p::unsigned_varint_size(1) + p::unsigned_varint_size(s as u32) + s; } } else if self.cordoned_log_dirs != None { return Err(p::WireError::FieldNotSupported { message: "BrokerHeartbeatRequest", field: "CordonedLogDirs", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "BrokerHeartbeatRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.broker_id));
        w.put_i64(*(&self.broker_epoch));
        w.put_i64(*(&self.current_metadata_offset));
        w.put_bool(*(&self.want_fence));
        w.put_bool(*(&self.want_shut_down));
        if (version >= 1) && !(version >= 1) { w.put_length(flexible, true, Some((&self.offline_log_dirs).len())); for e in (&self.offline_log_dirs).iter() { w.put_uuid(e); } }
        if (version >= 2) && !(version >= 2) { match (&self.cordoned_log_dirs) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_uuid(e); } } } }
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            if version >= 1 && self.offline_log_dirs != Vec::<p::Uuid>::new() { count += 1; }
            if version >= 2 && self.cordoned_log_dirs != None { count += 1; }
            w.put_unsigned_varint(count);
            let mut next_tag = 0u64;
            if version >= 1 && self.offline_log_dirs != Vec::<p::Uuid>::new() {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..0);
                next_tag = 0;
                w.put_unsigned_varint(0);
                let s = p::array_prefix_size(flexible, false, Some((&self.offline_log_dirs).len()), "BrokerHeartbeatRequest.OfflineLogDirs")? + (&self.offline_log_dirs).len() * 16;
                w.put_unsigned_varint(s as u32);
                w.put_length(flexible, true, Some((&self.offline_log_dirs).len())); for e in (&self.offline_log_dirs).iter() { w.put_uuid(e); }
            }
            if version >= 2 && self.cordoned_log_dirs != None {
                p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1);
                next_tag = 1;
                w.put_unsigned_varint(1);
                let s = match (&self.cordoned_log_dirs) { None => p::array_prefix_size(flexible, version >= 2, None, "BrokerHeartbeatRequest.CordonedLogDirs")?, Some(a) => p::array_prefix_size(flexible, false, Some(a.len()), "BrokerHeartbeatRequest.CordonedLogDirs")? + a.len() * 16 };
                w.put_unsigned_varint(s as u32);
                match (&self.cordoned_log_dirs) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { w.put_uuid(e); } } }
            }
            p::write_unknown_tagged(w, &self.unknown_tagged_fields, next_tag..1 << 32);
        }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for BrokerHeartbeatRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.broker_epoch = rng.next_u64() as i64;
        this.current_metadata_offset = rng.next_u64() as i64;
        this.want_fence = rng.bool();
        this.want_shut_down = rng.bool();
        if (version >= 1) || (version >= 1) { this.offline_log_dirs = { let n = rng.len(depth); (0..n).map(|_| rng.uuid()).collect::<Vec<_>>() }; }
        if (version >= 2) || (version >= 2) { this.cordoned_log_dirs = if version >= 2 && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| rng.uuid()).collect::<Vec<_>>() }) }; }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for BrokerHeartbeatRequest {
    const NAME: &'static str = "BrokerHeartbeatRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 2;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

