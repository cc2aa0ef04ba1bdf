// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `SaslHandshakeResponse` (response), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct SaslHandshakeResponse {
    pub error_code: i16,
    pub mechanisms: Vec<String>,
}

impl Default for SaslHandshakeResponse {
    fn default() -> Self {
        SaslHandshakeResponse {
            error_code: 0i16,
            mechanisms: Vec::<String>::new(),
        }
    }
}

impl p::WireStruct for SaslHandshakeResponse {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 6,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.error_code = r.i16()?;
        this.mechanisms = r.array(flexible, 1, "SaslHandshakeResponse.Mechanisms", |r| Ok(r.string(flexible, "SaslHandshakeResponse.Mechanisms")?))?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += 2;
        size += { let mut s = p::array_prefix_size(flexible, false, Some((&self.mechanisms).len()), "SaslHandshakeResponse.Mechanisms")?; for e in (&self.mechanisms).iter() { s += p::string_size(flexible, e, "SaslHandshakeResponse.Mechanisms")?; } s };
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_i16(*(&self.error_code));
        w.put_length(flexible, true, Some((&self.mechanisms).len())); for e in (&self.mechanisms).iter() { w.put_nullable_string(flexible, Some(e.as_str())); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for SaslHandshakeResponse {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.mechanisms = { let n = rng.len(depth); (0..n).map(|_| rng.string()).collect::<Vec<_>>() };
        this
    }
}

impl p::Message for SaslHandshakeResponse {
    const NAME: &'static str = "SaslHandshakeResponse";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = None;
}

