// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `SaslHandshakeRequest` (request), versions 0-1.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct SaslHandshakeRequest {
    pub mechanism: String,
}

impl Default for SaslHandshakeRequest {
    fn default() -> Self {
        SaslHandshakeRequest {
            mechanism: String::new(),
        }
    }
}

impl p::WireStruct for SaslHandshakeRequest {
    fn min_size(version: i16) -> usize {
        match version {
            0..=1 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.mechanism = r.string(flexible, "SaslHandshakeRequest.Mechanism")?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += p::string_size(flexible, (&self.mechanism), "SaslHandshakeRequest.Mechanism")?;
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_nullable_string(flexible, Some((&self.mechanism).as_str()));
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for SaslHandshakeRequest {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.mechanism = rng.string();
        this
    }
}

impl p::Message for SaslHandshakeRequest {
    const NAME: &'static str = "SaslHandshakeRequest";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 1;
    const FLEXIBLE_FROM: Option<i16> = None;
}

