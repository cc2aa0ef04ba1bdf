// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `DescribeUserScramCredentialsRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeUserScramCredentialsRequest {
    pub users: Option<Vec<UserName>>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeUserScramCredentialsRequest {
    fn default() -> Self {
        DescribeUserScramCredentialsRequest {
            users: Some(Vec::<UserName>::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for DescribeUserScramCredentialsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.users = r.array_opt(flexible, true, UserName::min_size(version), "DescribeUserScramCredentialsRequest.Users", |r| Ok(UserName::read(r, version)?))?;
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
        size += match (&self.users) { None => p::array_prefix_size(flexible, true, None, "DescribeUserScramCredentialsRequest.Users")?, Some(a) => { let mut s = p::array_prefix_size(flexible, false, Some(a.len()), "DescribeUserScramCredentialsRequest.Users")?; for e in a.iter() { s += e.size(version)?; } s } };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "DescribeUserScramCredentialsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        match (&self.users) { None => w.put_length(flexible, true, None), Some(a) => { w.put_length(flexible, true, Some(a.len())); for e in a.iter() { e.write(w, version)?; } } }
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
impl p::testing::Random for DescribeUserScramCredentialsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.users = if true && rng.chance(4) { None } else { Some({ let n = rng.len(depth); (0..n).map(|_| UserName::random(rng, version, depth + 1)).collect::<Vec<_>>() }) };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for DescribeUserScramCredentialsRequest {
    const NAME: &'static str = "DescribeUserScramCredentialsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct UserName {
    pub name: String,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UserName {
    fn default() -> Self {
        UserName {
            name: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for UserName {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "UserName.Name")?;
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
        size += p::string_size(flexible, (&self.name), "UserName.Name")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "UserName", field: "unknown tagged fields", version });
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
impl p::testing::Random for UserName {
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

