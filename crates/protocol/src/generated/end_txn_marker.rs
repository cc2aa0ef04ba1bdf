// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `EndTxnMarker` (data), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct EndTxnMarker {
    pub coordinator_epoch: i32,
}

impl Default for EndTxnMarker {
    fn default() -> Self {
        EndTxnMarker {
            coordinator_epoch: 0i32,
        }
    }
}

impl p::WireStruct for EndTxnMarker {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 4,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        this.coordinator_epoch = r.i32()?;
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        size += 4;
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        w.put_i32(*(&self.coordinator_epoch));
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for EndTxnMarker {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        this.coordinator_epoch = rng.next_u64() as i32;
        this
    }
}

impl p::Message for EndTxnMarker {
    const NAME: &'static str = "EndTxnMarker";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

