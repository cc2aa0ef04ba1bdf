// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `CreateDelegationTokenRequest` (request), versions 1-3.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct CreateDelegationTokenRequest {
    pub owner_principal_type: Option<String>,
    pub owner_principal_name: Option<String>,
    pub renewers: Vec<CreatableRenewers>,
    pub max_lifetime_ms: i64,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreateDelegationTokenRequest {
    fn default() -> Self {
        CreateDelegationTokenRequest {
            owner_principal_type: Some(String::new()),
            owner_principal_name: Some(String::new()),
            renewers: Vec::<CreatableRenewers>::new(),
            max_lifetime_ms: 0i64,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreateDelegationTokenRequest {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 12,
            2..=2 => 10,
            3..=3 => 12,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        if version >= 3 { this.owner_principal_type = r.string_opt(flexible, version >= 3, "CreateDelegationTokenRequest.OwnerPrincipalType")?; }
        if version >= 3 { this.owner_principal_name = r.string_opt(flexible, version >= 3, "CreateDelegationTokenRequest.OwnerPrincipalName")?; }
        this.renewers = r.array(flexible, CreatableRenewers::min_size(version), "CreateDelegationTokenRequest.Renewers", |r| Ok(CreatableRenewers::read(r, version)?))?;
        this.max_lifetime_ms = r.i64()?;
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
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.owner_principal_type).as_deref(), "CreateDelegationTokenRequest.OwnerPrincipalType")?; } else if self.owner_principal_type != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "CreateDelegationTokenRequest", field: "OwnerPrincipalType", version }); }
        if version >= 3 { size += p::opt_string_size(flexible, version >= 3, (&self.owner_principal_name).as_deref(), "CreateDelegationTokenRequest.OwnerPrincipalName")?; } else if self.owner_principal_name != Some(String::new()) { return Err(p::WireError::FieldNotSupported { message: "CreateDelegationTokenRequest", field: "OwnerPrincipalName", version }); }
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.renewers).len()), "CreateDelegationTokenRequest.Renewers")?; for e in (&self.renewers).iter() { s += e.size(version)?; } s };
        size += 8;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreateDelegationTokenRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        if version >= 3 { w.put_nullable_string(flexible, (&self.owner_principal_type).as_deref()); }
        if version >= 3 { w.put_nullable_string(flexible, (&self.owner_principal_name).as_deref()); }
        w.put_length(flexible, true, Some((&self.renewers).len())); for e in (&self.renewers).iter() { e.write(w, version)?; }
        w.put_i64(*(&self.max_lifetime_ms));
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
impl p::testing::Random for CreateDelegationTokenRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version >= 3 { this.owner_principal_type = rng.opt_string(version >= 3); }
        if version >= 3 { this.owner_principal_name = rng.opt_string(version >= 3); }
        this.renewers = { let n = rng.len(depth); (0..n).map(|_| CreatableRenewers::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.max_lifetime_ms = rng.next_u64() as i64;
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for CreateDelegationTokenRequest {
    const NAME: &'static str = "CreateDelegationTokenRequest";
    const LOWEST_VERSION: i16 = 1;
    const HIGHEST_VERSION: i16 = 3;
    const FLEXIBLE_FROM: Option<i16> = Some(2);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableRenewers {
    pub principal_type: String,
    pub principal_name: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CreatableRenewers {
    fn default() -> Self {
        CreatableRenewers {
            principal_type: String::new(),
            principal_name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CreatableRenewers {
    fn min_size(version: i16) -> usize {
        match version {
            1..=1 => 4,
            2..=3 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = version >= 2;
        let mut this = Self::default();
        this.principal_type = r.string(flexible, "CreatableRenewers.PrincipalType")?;
        this.principal_name = r.string(flexible, "CreatableRenewers.PrincipalName")?;
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
        size += p::string_size(flexible, (&self.principal_type), "CreatableRenewers.PrincipalType")?;
        size += p::string_size(flexible, (&self.principal_name), "CreatableRenewers.PrincipalName")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CreatableRenewers", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = version >= 2;
        w.put_nullable_string(flexible, Some((&self.principal_type).as_str()));
        w.put_nullable_string(flexible, Some((&self.principal_name).as_str()));
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
impl p::testing::Random for CreatableRenewers {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.principal_type = rng.string();
        this.principal_name = rng.string();
        if (version >= 2) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

