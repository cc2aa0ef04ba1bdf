//! The Strom broker: everything between a client's TCP connection and the storage engine.
//!
//! Layout:
//! - [`net`]: the listener (bounded connections) and each connection's loop (bounded frames,
//!   pipelined requests, responses in request order).
//! - [`dispatch`]: a plain match from API key to handler; [`handlers`] holds one module per
//!   Kafka API, named after it.
//! - [`api_table`]: the APIs and versions served; ApiVersions and `docs/compatibility.md` are
//!   both generated from it.
//! - [`replica_manager`]: the partitions led here, each a storage `Log`, kept in line with the
//!   metadata image.
//! - [`group_coordinator`]: the group coordinator's I/O: `__consumer_offsets`, durable
//!   writes before replies, parked requests, timers.
//! - [`fetch_session`]: KIP-227 fetch sessions. Idempotent and transactional producer state
//!   lives in each storage `Log` (checked under its append lock, snapshotted with segments).
//! - [`config`], [`topic_config`]: broker properties with Kafka's names, and each topic's
//!   effective configs.
//! - [`errors`]: the one place typed errors become Kafka error codes.
//! - [`server`]: startup (data directory, metadata, recovery, bind) and graceful shutdown.

pub mod api_table;
pub mod config;
pub mod context;
pub mod coordinator;
pub mod dispatch;
pub mod errors;
pub mod fetch_session;
pub mod handlers;
pub mod metadata_listener;
pub mod metadata_view;
pub mod net;
pub mod producer_ids;
pub mod replica_manager;
pub mod server;
pub mod topic_config;
pub mod turn;

pub use config::BrokerConfig;
pub use server::{Broker, Server, StartError};
