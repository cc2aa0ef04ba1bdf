// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeUserScramCredentialsResponse` (response), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUserScramCredentialsResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub results: Vec<DescribeUserScramCredentialsResult>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeUserScramCredentialsResponse {
    fn default() -> Self {
        DescribeUserScramCredentialsResponse {
            throttle_time_ms: 0i32,
            error_code: 0i16,
            error_message: Some(String::new()),
            results: Vec::<DescribeUserScramCredentialsResult>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeUserScramCredentialsResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.throttle_time_ms = r.i32()?;
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribeUserScramCredentialsResponse.ErrorMessage")?;
        this.results = r.array(flexible, DescribeUserScramCredentialsResult::min_size(version), "DescribeUserScramCredentialsResponse.Results", |r| Ok(DescribeUserScramCredentialsResult::read(r, version)?))?;
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
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribeUserScramCredentialsResponse.ErrorMessage")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.results).len()), "DescribeUserScramCredentialsResponse.Results")?; for e in (&self.results).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeUserScramCredentialsResponse", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.throttle_time_ms));
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        w.put_length(flexible, true, Some((&self.results).len())); for e in (&self.results).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeUserScramCredentialsResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.results = { let n = rng.len(depth); (0..n).map(|_| DescribeUserScramCredentialsResult::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeUserScramCredentialsResponse {
    const NAME: &'static str = "DescribeUserScramCredentialsResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct CredentialInfo {
    pub mechanism: i8,
    pub iterations: i32,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CredentialInfo {
    fn default() -> Self {
        CredentialInfo {
            mechanism: 0i8,
            iterations: 0i32,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for CredentialInfo {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.mechanism = r.i8()?;
        this.iterations = r.i32()?;
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
        size += 1;
        size += 4;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "CredentialInfo", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i8(*(&self.mechanism));
        w.put_i32(*(&self.iterations));
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
impl p::testing::Random for CredentialInfo {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.mechanism = rng.next_u64() as i8;
        this.iterations = rng.next_u64() as i32;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUserScramCredentialsResult {
    pub user: String,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub credential_infos: Vec<CredentialInfo>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeUserScramCredentialsResult {
    fn default() -> Self {
        DescribeUserScramCredentialsResult {
            user: String::new(),
            error_code: 0i16,
            error_message: Some(String::new()),
            credential_infos: Vec::<CredentialInfo>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeUserScramCredentialsResult {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.user = r.string(flexible, "DescribeUserScramCredentialsResult.User")?;
        this.error_code = r.i16()?;
        this.error_message = r.string_opt(flexible, true, "DescribeUserScramCredentialsResult.ErrorMessage")?;
        this.credential_infos = r.array(flexible, CredentialInfo::min_size(version), "DescribeUserScramCredentialsResult.CredentialInfos", |r| Ok(CredentialInfo::read(r, version)?))?;
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
        size += p::string_size(flexible, (&self.user), "DescribeUserScramCredentialsResult.User")?;
        size += 2;
        size += p::opt_string_size(flexible, true, (&self.error_message).as_deref(), "DescribeUserScramCredentialsResult.ErrorMessage")?;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.credential_infos).len()), "DescribeUserScramCredentialsResult.CredentialInfos")?; for e in (&self.credential_infos).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeUserScramCredentialsResult", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.user).as_str()));
        w.put_i16(*(&self.error_code));
        w.put_nullable_string(flexible, (&self.error_message).as_deref());
        w.put_length(flexible, true, Some((&self.credential_infos).len())); for e in (&self.credential_infos).iter() { e.write(w, version)?; }
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
impl p::testing::Random for DescribeUserScramCredentialsResult {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.user = rng.string();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.opt_string(true);
        this.credential_infos = { let n = rng.len(depth); (0..n).map(|_| CredentialInfo::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

