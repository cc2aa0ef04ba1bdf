// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `LeaderChangeMessage` (data), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderChangeMessage {
    pub version: i16,
    pub leader_id: i32,
    pub voters: Vec<Voter>,
    pub granting_voters: Vec<Voter>,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderChangeMessage {
    fn default() -> Self {
        LeaderChangeMessage {
            version: 0i16,
            leader_id: 0i32,
            voters: Vec::<Voter>::new(),
            granting_voters: Vec::<Voter>::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for LeaderChangeMessage {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 9,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.version = r.i16()?;
        this.leader_id = r.i32()?;
        this.voters = r.array(flexible, Voter::min_size(version), "LeaderChangeMessage.Voters", |r| Ok(Voter::read(r, version)?))?;
        this.granting_voters = r.array(flexible, Voter::min_size(version), "LeaderChangeMessage.GrantingVoters", |r| Ok(Voter::read(r, version)?))?;
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
        size += 2;
        size += 4;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.voters).len()), "LeaderChangeMessage.Voters")?; for e in (&self.voters).iter() { s += e.size(version)?; } s };
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.granting_voters).len()), "LeaderChangeMessage.GrantingVoters")?; for e in (&self.granting_voters).iter() { s += e.size(version)?; } s };
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "LeaderChangeMessage", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i16(*(&self.version));
        w.put_i32(*(&self.leader_id));
        w.put_length(flexible, true, Some((&self.voters).len())); for e in (&self.voters).iter() { e.write(w, version)?; }
        w.put_length(flexible, true, Some((&self.granting_voters).len())); for e in (&self.granting_voters).iter() { e.write(w, version)?; }
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
impl p::testing::Random for LeaderChangeMessage {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.version = rng.next_u64() as i16;
        this.leader_id = rng.next_u64() as i32;
        this.voters = { let n = rng.len(depth); (0..n).map(|_| Voter::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        this.granting_voters = { let n = rng.len(depth); (0..n).map(|_| Voter::random(rng, version, depth + 1)).collect::<Vec<_>>() };
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

impl p::Message for LeaderChangeMessage {
    const NAME: &'static str = "LeaderChangeMessage";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = Some(0);
}

#[derive(Debug, Clone, PartialEq)]
pub struct Voter {
    pub voter_id: i32,
    pub voter_directory_id: p::Uuid,
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Voter {
    fn default() -> Self {
        Voter {
            voter_id: 0i32,
            voter_directory_id: p::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl p::WireStruct for Voter {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 5,
            1..=1 => 21,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = true;
        let mut this = Self::default();
        this.voter_id = r.i32()?;
        if version >= 1 { this.voter_directory_id = r.uuid()?; }
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
        if version >= 1 { size += 16; } else if self.voter_directory_id != p::Uuid::ZERO { return Err(p::WireError::FieldNotSupported { message: "Voter", field: "VoterDirectoryId", version }); }
        if flexible {
            for f in &self.unknown_tagged_fields {
                tagged_count += 1;
                tagged_size += p::unsigned_varint_size(f.tag) + p::unsigned_varint_size(f.data.len() as u32) + f.data.len();
            }
            size += p::unsigned_varint_size(tagged_count) + tagged_size;
        } else if !self.unknown_tagged_fields.is_empty() {
            return Err(p::WireError::FieldNotSupported { message: "Voter", field: "unknown tagged fields", version });
        }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = true;
        w.put_i32(*(&self.voter_id));
        if version >= 1 { w.put_uuid((&self.voter_directory_id)); }
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
impl p::testing::Random for Voter {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.voter_id = rng.next_u64() as i32;
        if version >= 1 { this.voter_directory_id = rng.uuid(); }
        if (true) && rng.chance(4) {
            this.unknown_tagged_fields.push(p::RawTaggedField { tag: 10_000 + rng.below(100) as u32, data: rng.bytes() });
        }
        this
    }
}

