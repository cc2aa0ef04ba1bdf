//! A small asynchronous Kafka client built on `strom-protocol`.
//!
//! It exists for Strom's own tools (the CLI, the benchmarks, follower fetching later), not
//! to prove compatibility: behaviour tests drive independent clients. It speaks to any Kafka
//! broker, negotiating versions through ApiVersions.
//!
//! - [`Connection`]: one TCP connection, requests written in the order issued, pipelined and
//!   matched to responses by correlation id.
//! - [`Client`]: bootstrap, cluster metadata, one connection per broker, admin calls.
//! - [`Producer`]: batches records per partition (linger, batch size), compresses, sends with
//!   the configured acks, optionally idempotent, with several requests per partition in
//!   flight and the partition's order kept.
//! - [`Consumer`]: assigned partitions, seek by offset or time, long-poll fetches; or a
//!   member of a consumer group (classic protocol, `range` assignor, heartbeats, commits).
//! - Group administration on [`Client`]: find the coordinator, list, describe and delete
//!   groups, read, commit and delete a group's offsets.

mod admin;
mod client;
mod connection;
mod consumer;
mod error;
mod group;
mod group_member;
mod partitioner;
mod producer;

pub use admin::{ConfigEntry, NewTopic, OffsetSpec};
pub use client::{Client, ClientConfig, PartitionInfo, TopicInfo};
pub use connection::{Connection, PendingResponse};
pub use consumer::{ConsumedRecord, Consumer, ConsumerConfig, StartOffset};
pub use error::ClientError;
pub use group::{GroupDescription, GroupListing, GroupOffsets, MemberDescription};
pub use group_member::{AutoOffsetReset, GroupConfig};
pub use partitioner::murmur2_partition;
pub use producer::{
    Acks, MAX_IN_FLIGHT_IDEMPOTENT, ProduceReceipt, Producer, ProducerConfig, ProducerRecord,
};
pub use strom_protocol::records::Compression;
