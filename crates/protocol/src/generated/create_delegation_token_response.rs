// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `CreateDelegationTokenResponse` (response), versions 1-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct CreateDelegationTokenResponse {
    pub error_code: i16,
    pub principal_type: String,
    pub principal_name: String,
    pub token_requester_principal_type: String,
    pub token_requester_principal_name: String,
    pub issue_timestamp_ms: i64,
    pub expiry_timestamp_ms: i64,
    pub max_timestamp_ms: i64,
    pub token_id: String,
    pub hmac: Bytes,
    pub throttle_time_ms: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateDelegationTokenResponse {
    fn default() -> Self {
        CreateDelegationTokenResponse {
            error_code: 0i16,
            principal_type: String::new(),
            principal_name: String::new(),
            token_requester_principal_type: String::new(),
            token_requester_principal_name: String::new(),
            issue_timestamp_ms: 0i64,
            expiry_timestamp_ms: 0i64,
            max_timestamp_ms: 0i64,
            token_id: String::new(),
            hmac: Bytes::new(),
            throttle_time_ms: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreateDelegationTokenResponse {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 40,
            2..=2 => 35,
            3..=3 => 37,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.principal_type = r.string(flexible, "CreateDelegationTokenResponse.PrincipalType")?;
        this.principal_name = r.string(flexible, "CreateDelegationTokenResponse.PrincipalName")?;
        if version >= 3 { this.token_requester_principal_type = r.string(flexible, "CreateDelegationTokenResponse.TokenRequesterPrincipalType")?; }
        if version >= 3 { this.token_requester_principal_name = r.string(flexible, "CreateDelegationTokenResponse.TokenRequesterPrincipalName")?; }
        this.issue_timestamp_ms = r.i64()?;
        this.expiry_timestamp_ms = r.i64()?;
        this.max_timestamp_ms = r.i64()?;
        this.token_id = r.string(flexible, "CreateDelegationTokenResponse.TokenId")?;
        this.hmac = r.bytes(flexible, "CreateDelegationTokenResponse.Hmac")?;
        this.throttle_time_ms = r.i32()?;
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
        let flexible = version >= 2;
        let mut size = 0usize;
        let mut tagged_count = 0u32;
        let mut tagged_size = 0usize;
        size += 2;
        size += p::string_size(flexible, (&self.principal_type), "CreateDelegationTokenResponse.PrincipalType")?;
        size += p::string_size(flexible, (&self.principal_name), "CreateDelegationTokenResponse.PrincipalName")?;
        if version >= 3 { size += p::string_size(flexible, (&self.token_requester_principal_type), "CreateDelegationTokenResponse.TokenRequesterPrincipalType")?; } else if self.token_requester_principal_type != String::new() { return Err(p::WireError::FieldNotSupported { message: "CreateDelegationTokenResponse", field: "TokenRequesterPrincipalType", version }); }
        if version >= 3 { size += p::string_size(flexible, (&self.token_requester_principal_name), "CreateDelegationTokenResponse.TokenRequesterPrincipalName")?; } else if self.token_requester_principal_name != String::new() { return Err(p::WireError::FieldNotSupported { message: "CreateDelegationTokenResponse", field: "TokenRequesterPrincipalName", version }); }
        size += 8;
        size += 8;
        size += 8;
        size += p::string_size(flexible, (&self.token_id), "CreateDelegationTokenResponse.TokenId")?;
        size += p::bytes_size(flexible, (&self.hmac).len(), "CreateDelegationTokenResponse.Hmac")?;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreateDelegationTokenResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, Some((&self.principal_type).as_str()));
        w.put_nullable_string(flexible, Some((&self.principal_name).as_str()));
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.token_requester_principal_type).as_str())); }
        if version >= 3 { w.put_nullable_string(flexible, Some((&self.token_requester_principal_name).as_str())); }
        w.put_i64(*(&self.issue_timestamp_ms));
        w.put_i64(*(&self.expiry_timestamp_ms));
        w.put_i64(*(&self.max_timestamp_ms));
        w.put_nullable_string(flexible, Some((&self.token_id).as_str()));
        w.put_nullable_bytes(flexible, Some(&(&self.hmac)[..]));
        w.put_i32(*(&self.throttle_time_ms));
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
impl p::testing::Random for CreateDelegationTokenResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.principal_type = rng.string();
        this.principal_name = rng.string();
        if version >= 3 { this.token_requester_principal_type = rng.string(); }
        if version >= 3 { this.token_requester_principal_name = rng.string(); }
        this.issue_timestamp_ms = rng.next_u64() as i64;
        this.expiry_timestamp_ms = rng.next_u64() as i64;
        this.max_timestamp_ms = rng.next_u64() as i64;
        this.token_id = rng.string();
        this.hmac = rng.bytes();
        this.throttle_time_ms = rng.next_u64() as i32;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for CreateDelegationTokenResponse {
    const NAME: &'static str = "CreateDelegationTokenResponse";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

