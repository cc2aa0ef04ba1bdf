//! The Strom broker: everything between a client's TCP connection and the storage engine.
//!
//! Layout, in the order requests flow (each layer imports only those after it; a test,
//! `tests/import_graph.rs`, fails on any cycle):
//! - [`net`]: the listener (bounded connections) and each connection's loop (bounded frames,
//!   pipelined requests, responses in request order).
//! - [`dispatch`]: a plain match from API key to handler; [`handlers`] holds one module per
//!   Kafka API, named after it, working with the [`context::Broker`] context.
//! - Services, each given only the handles it uses:
//!   - [`replica_manager`]: the one way to a partition: appends, reads, delayed produce and
//!     fetch, role changes from metadata deltas;
//!   - [`replica_fetcher`]: followers copying their leaders' logs, one fetcher per leader;
//!     [`isr_checks`]: leaders proposing ISR changes to the controller;
//!   - [`coordinator`]: the coordinator runtime serving the group and transaction
//!     coordinators from their internal topics;
//!   - [`metadata_listener`] and [`metadata_view`]: metadata images to partition roles and
//!     coordinator loads, and the handle handlers change metadata through;
//!   - [`producer_ids`]: producer ids in blocks from the controller;
//!   - [`fetch_session`]: KIP-227 fetch sessions.
//! - [`api_table`]: the APIs and versions served; ApiVersions and `docs/compatibility.md` are
//!   both generated from it.
//! - [`config`], [`topic_config`]: broker properties with Kafka's names, and each topic's
//!   effective configs.
//! - [`errors`]: the one place typed errors become Kafka error codes.
//! - [`meta_properties`]: the data directory's cluster and node identity.
//! - [`server`]: startup (data directory, metadata, recovery, wiring, bind) and graceful
//!   shutdown.

pub mod api_table;
pub mod broker_lifecycle;
pub mod broker_peers;
pub mod config;
pub mod connection_id;
pub mod context;
pub mod controller_channel;
pub mod controller_node;
pub mod controller_service;
pub mod coordinator;
pub mod dispatch;
pub mod errors;
pub mod fetch_session;
pub mod gone_broker_probe;
pub mod handlers;
pub mod isr_checks;
pub mod meta_properties;
pub mod metadata_listener;
pub mod metadata_view;
pub mod net;
pub mod producer_ids;
pub mod replica_fetcher;
pub mod replica_manager;
pub mod replication_throttle;
pub mod server;
pub mod topic_config;
pub mod turn;

pub use config::BrokerConfig;
pub use controller_node::ControllerNode;
pub use server::{Broker, Server, StartError};
/// For the binary's log filter: openraft's per-RPC failure lines the quorum replaces.
pub use strom_metadata::quorum::network::is_replaced_openraft_log;
