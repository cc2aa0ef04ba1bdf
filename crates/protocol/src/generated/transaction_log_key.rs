// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! `TransactionLogKey` (coordinator-key), versions 0-0.

use crate::wire::{self as p, WireStruct, WriteExt};
use bytes::{BufMut, Bytes, BytesMut};

#[derive(Debug, Clone, PartialEq)]
pub struct TransactionLogKey {
    pub transactional_id: String,
}

impl Default for TransactionLogKey {
    fn default() -> Self {
        TransactionLogKey {
            transactional_id: String::new(),
        }
    }
}

impl p::WireStruct for TransactionLogKey {
    fn min_size(version: i16) -> usize {
        match version {
            0..=0 => 2,
            _ => 0,
        }
    }

    fn read(r: &mut p::Reader, version: i16) -> Result<Self, p::WireError> {
        let flexible = false;
        let mut this = Self::default();
        if version <= 0 { this.transactional_id = r.string(flexible, "TransactionLogKey.TransactionalId")?; }
        Ok(this)
    }

    fn size(&self, version: i16) -> Result<usize, p::WireError> {
        let flexible = false;
        let mut size = 0usize;
        if version <= 0 { size += p::string_size(flexible, (&self.transactional_id), "TransactionLogKey.TransactionalId")?; } else if self.transactional_id != String::new() { return Err(p::WireError::FieldNotSupported { message: "TransactionLogKey", field: "TransactionalId", version }); }
        Ok(size)
    }

    fn write(&self, w: &mut BytesMut, version: i16) -> Result<(), p::WireError> {
        let flexible = false;
        if version <= 0 { w.put_nullable_string(flexible, Some((&self.transactional_id).as_str())); }
        Ok(())
    }
}

#[cfg(any(test, feature = "test-util"))]
impl p::testing::Random for TransactionLogKey {
    fn random(rng: &mut p::testing::TestRng, version: i16, depth: u32) -> Self {
        let _ = depth;
        let mut this = Self::default();
        if version <= 0 { this.transactional_id = rng.string(); }
        this
    }
}

impl p::Message for TransactionLogKey {
    const NAME: &'static str = "TransactionLogKey";
    const LOWEST_VERSION: i16 = 0;
    const HIGHEST_VERSION: i16 = 0;
    const FLEXIBLE_FROM: Option<i16> = None;
}

