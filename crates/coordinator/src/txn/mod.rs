//! The transaction coordinator: Kafka's transactional producers (KIP-98, KIP-360, KIP-890:
//! the server-side verification of part 1 and, for EndTxn v5, the epoch bump per transaction
//! of part 2) as a state machine without I/O.
//!
//! The broker owns sockets, the `__transaction_state` log, the producer id allocator (through
//! [`ProducerIdSource`]), the writing of transaction markers to partition leaders, and the
//! clock; this module owns the decisions. Each handler calls one [`TransactionCoordinator`]
//! method with the decoded request, its [`crate::RequestContext`] and the time, and gets back
//! [`TxnEffects`]: records to append, responses to send now or once durable, and
//! [`MarkerRequest`]s to carry out once durable. The broker reports written markers with
//! [`TransactionCoordinator::markers_written`], which completes the transaction.
//!
//! Layout:
//! - [`metadata`]: [`TransactionMetadata`], Kafka's states, typed ids.
//! - [`record`]: Kafka's `__transaction_state` key/value formats.
//! - [`effects`]: what a call decides.
//! - the coordinator itself: InitProducerId and EndTxn, AddPartitionsToTxn and
//!   AddOffsetsToTxn, DescribeTransactions and ListTransactions, loading, timers.
//! - [`config`]: every bound, with Kafka's names and defaults.
//!
//! Transactional offset commits (TxnOffsetCommit) belong to the group coordinator, which
//! keeps them pending per producer until the marker on `__consumer_offsets` says commit or
//! abort: see [`crate::GroupCoordinator::txn_offset_commit`].

mod add_ops;
mod admin_ops;
pub mod config;
mod coordinator;
pub mod effects;
pub mod error;
mod load;
pub mod metadata;
pub mod record;
mod shape;

pub use add_ops::CONSUMER_OFFSETS_TOPIC;
pub use config::TransactionCoordinatorConfig;
pub use coordinator::{
    PartitionLoad, ProducerIdSource, TRANSACTIONAL_ID_MAX_BYTES, TransactionCoordinator,
};
pub use effects::{
    MarkerRequest, TxnEffects, TxnPartitionRecord, TxnReply, TxnResponse, TxnTimer, TxnTimerKind,
};
pub use error::{ProducerIdError, TransactionLogError};
pub use metadata::{
    CoordinatorEpoch, ProducerEpoch, ProducerId, TopicPartition, TransactionMetadata,
    TransactionResult, TransactionState, TransactionVersion,
};
pub use record::{TransactionRecord, decode_transaction_record, encode_transaction_record};
