//! The group coordinator: consumer groups and their committed offsets, as state machines
//! without I/O.
//!
//! The broker owns sockets, the log and the clock; this crate owns the decisions. Each request
//! handler calls one [`GroupCoordinator`] method with the decoded request, the request's
//! [`RequestContext`] (api version, client id and host, the broker's [`RequestId`]) and the
//! time in milliseconds, and gets back [`Effects`]: `__consumer_offsets` records to append,
//! responses to send now or only after those records are durable, and timers. Requests that
//! must wait (JoinGroup until the join phase ends, a follower's SyncGroup until the leader's)
//! are parked inside and come back in a later `Effects`. [`GroupCoordinator::tick`] fires due
//! timers: sessions, rebalance timeouts, `group.initial.rebalance.delay.ms`, offset expiry.
//!
//! Layout:
//! - [`record`]: Kafka's `__consumer_offsets` key/value formats, [`partition_for`].
//! - [`classic`]: the classic group state machine (Empty, PreparingRebalance,
//!   CompletingRebalance, Stable, Dead) and its members.
//! - [`consumer`] and [`assignor`]: KIP-848 groups, reconciliation, `uniform` and `range`.
//! - [`coordinator`]: [`GroupCoordinator`], one method per Kafka API, replay and timers.
//! - [`config`]: every bound, with Kafka's names and defaults.
//! - [`txn`]: the transaction coordinator (InitProducerId, AddPartitionsToTxn, EndTxn,
//!   markers, `__transaction_state`), with the same effects contract.

pub mod assignor;
pub mod classic;
pub mod config;
pub mod consumer;
pub mod consumer_protocol;
pub mod coordinator;
pub mod effects;
pub mod error;
pub mod pattern;
pub mod record;
mod shape;
mod timers;
pub mod txn;

#[cfg(test)]
mod tests;

pub use config::GroupCoordinatorConfig;
pub use coordinator::replay::ReplayOutcome;
pub use coordinator::{
    GROUP_ID_MAX_BYTES, Group, GroupCoordinator, GroupOffsets, OffsetAndMetadata, TopicInfo,
    TopicMetadataLookup,
};
pub use coordinator::{PendingOffset, PendingOffsets, TxnOffsetCommitOutcome};
pub use effects::{
    Effects, PartitionRecord, Reply, RequestContext, RequestId, Response, Timer, TimerKind,
};
pub use error::CoordinatorError;
pub use record::{CoordinatorRecord, decode_record, encode_record, partition_for};

/// The protocol type of Kafka's consumers (classic groups that speak the embedded consumer
/// protocol, and every KIP-848 group).
pub const CONSUMER_PROTOCOL_TYPE: &str = "consumer";
