// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `AlterUserScramCredentialsRequest` (request), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct AlterUserScramCredentialsRequest {
    pub deletions: Vec<ScramCredentialDeletion>,
    pub upsertions: Vec<ScramCredentialUpsertion>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterUserScramCredentialsRequest {
    fn default() -> Self {
        AlterUserScramCredentialsRequest {
            deletions: Vec::<ScramCredentialDeletion>::new(),
            upsertions: Vec::<ScramCredentialUpsertion>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for AlterUserScramCredentialsRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.deletions = r.array(flexible, ScramCredentialDeletion::min_size(version), "AlterUserScramCredentialsRequest.Deletions", |r| Ok(ScramCredentialDeletion::read(r, version)?))?;
        this.upsertions = r.array(flexible, ScramCredentialUpsertion::min_size(version), "AlterUserScramCredentialsRequest.Upsertions", |r| Ok(ScramCredentialUpsertion::read(r, version)?))?;
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
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.deletions).len()), "AlterUserScramCredentialsRequest.Deletions")?; for e in (&self.deletions).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.upsertions).len()), "AlterUserScramCredentialsRequest.Upsertions")?; for e in (&self.upsertions).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "AlterUserScramCredentialsRequest", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_length(flexible, true, Some((&self.deletions).len())); for e in (&self.deletions).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.upsertions).len())); for e in (&self.upsertions).iter() { e.write(w, version)?; }
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
impl p::testing::Random for AlterUserScramCredentialsRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.deletions = { let n = rng.len(depth); (0..n).map(|_| ScramCredentialDeletion::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.upsertions = { let n = rng.len(depth); (0..n).map(|_| ScramCredentialUpsertion::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for AlterUserScramCredentialsRequest {
    const NAME: &'static str = "AlterUserScramCredentialsRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScramCredentialDeletion {
    pub name: String,
    pub mechanism: i8,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ScramCredentialDeletion {
    fn default() -> Self {
        ScramCredentialDeletion {
            name: String::new(),
            mechanism: 0i8,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ScramCredentialDeletion {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 3,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "ScramCredentialDeletion.Name")?;
        this.mechanism = r.i8()?;
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
        size += p::string_size(flexible, (&self.name), "ScramCredentialDeletion.Name")?;
        size += 1;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ScramCredentialDeletion", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i8(*(&self.mechanism));
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
impl p::testing::Random for ScramCredentialDeletion {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.mechanism = rng.next_u64() as i8;
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScramCredentialUpsertion {
    pub name: String,
    pub mechanism: i8,
    pub iterations: i32,
    pub salt: Bytes,
    pub salted_password: Bytes,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ScramCredentialUpsertion {
    fn default() -> Self {
        ScramCredentialUpsertion {
            name: String::new(),
            mechanism: 0i8,
            iterations: 0i32,
            salt: Bytes::new(),
            salted_password: Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for ScramCredentialUpsertion {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.name = r.string(flexible, "ScramCredentialUpsertion.Name")?;
        this.mechanism = r.i8()?;
        this.iterations = r.i32()?;
        this.salt = r.bytes(flexible, "ScramCredentialUpsertion.Salt")?;
        this.salted_password = r.bytes(flexible, "ScramCredentialUpsertion.SaltedPassword")?;
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
        size += p::string_size(flexible, (&self.name), "ScramCredentialUpsertion.Name")?;
        size += 1;
        size += 4;
        size += p::bytes_size(flexible, (&self.salt).len(), "ScramCredentialUpsertion.Salt")?;
        size += p::bytes_size(flexible, (&self.salted_password).len(), "ScramCredentialUpsertion.SaltedPassword")?;
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "ScramCredentialUpsertion", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_nullable_string(flexible, Some((&self.name).as_str()));
        w.put_i8(*(&self.mechanism));
        w.put_i32(*(&self.iterations));
        w.put_nullable_bytes(flexible, Some(&(&self.salt)[..]));
        w.put_nullable_bytes(flexible, Some(&(&self.salted_password)[..]));
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
impl p::testing::Random for ScramCredentialUpsertion {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.name = rng.string();
        this.mechanism = rng.next_u64() as i8;
        this.iterations = rng.next_u64() as i32;
        this.salt = rng.bytes();
        this.salted_password = rng.bytes();
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

