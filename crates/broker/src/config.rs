//! Broker configuration, with Kafka's property names (`num.partitions`,
//! `auto.create.topics.enable`, `message.max.bytes`, `advertised.listeners`...).
//!
//! Properties come from, in rising precedence: defaults, a TOML file, `STROM_*` environment
//! variables (`STROM_NUM_PARTITIONS` is `num.partitions`), and command-line flags. Every bound
//! on what a client can grow (connections, frame size, requests in flight, queued bytes, fetch
//! sizes) is a property here with a default.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use strom_coordinator::GroupCoordinatorConfig;
use strom_coordinator::txn::TransactionCoordinatorConfig;
use strom_metadata::quorum::QuorumLimits;

/// `STROM_*` variables that are not broker properties: the log filter, the CLI's bootstrap
/// address, the binary the tests run.
const NOT_PROPERTIES: &[&str] = &["LOG", "BOOTSTRAP", "BIN"];

/// The most partition logs one data directory may hold: the ceiling `partitions.max` may be
/// raised to.
pub const PARTITIONS_MAX: usize = 100_000;

/// Why a configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("parsing {path}: {reason}")]
    Parse { path: PathBuf, reason: String },
    #[error("property {name}: '{value}' {reason}")]
    Invalid {
        name: String,
        value: String,
        reason: String,
    },
}

/// The broker's settings, resolved from all sources.
#[derive(Debug, Clone)]
pub struct BrokerConfig {
    /// `node.id`: this node's id, the same in `meta.properties` and in the voter list.
    pub node_id: i32,
    /// `process.roles`: broker, controller, or both (the default).
    pub process_roles: ProcessRoles,
    /// `controller.quorum.voters`: the controllers of the metadata quorum. Empty means the
    /// zero-configuration single node, whose metadata log is a local file.
    pub controller_quorum_voters: Vec<QuorumVoter>,
    /// Where the controller accepts Raft connections: the `CONTROLLER://` entry of
    /// `listeners`, or `controller.listen`; when neither is set, this node's address in
    /// `controller.quorum.voters`.
    pub controller_listen: Option<String>,
    /// `broker.rack`: the rack placement spreads replicas over.
    pub broker_rack: Option<String>,
    /// `broker.session.timeout.ms`: a broker whose heartbeats stop for this long is fenced
    /// by the active controller (Kafka's default, 9 s).
    pub broker_session_timeout_ms: u64,
    /// `broker.heartbeat.interval.ms`: how often a broker of a cluster heartbeats to the
    /// active controller (Kafka's default, 2 s).
    pub broker_heartbeat_interval_ms: u64,
    /// The metadata quorum's timing and bounds: `controller.quorum.election.timeout.ms`,
    /// `controller.quorum.request.timeout.ms`, `metadata.log.snapshot.interval.entries`,
    /// `metadata.log.snapshot.entries.kept`, `controller.quorum.pending.proposals.max`; the
    /// rest fixed at their defaults.
    pub quorum: QuorumLimits,
    /// `cluster.id`: the cluster this node belongs to. When set, `meta.properties` must
    /// agree (or is written with it at first start); unset, a fresh id is generated once.
    pub cluster_id: Option<String>,
    /// `log.dirs`: the data directory.
    pub data_dir: PathBuf,
    /// `listeners`: where to accept connections.
    pub listen: String,
    /// `advertised.listeners`: the address clients are told to use; the bound address when
    /// unset.
    pub advertise: Option<String>,
    /// `num.partitions`.
    pub num_partitions: i32,
    /// `default.replication.factor`.
    pub default_replication_factor: i16,
    /// `auto.create.topics.enable`.
    pub auto_create_topics_enable: bool,
    /// `message.max.bytes`: largest record batch accepted (topic `max.message.bytes` default).
    pub message_max_bytes: i32,
    /// `socket.request.max.bytes`: largest request frame.
    pub socket_request_max_bytes: usize,
    /// `max.connections`: open client connections at once; a connection past it is closed
    /// as soon as it is accepted.
    pub max_connections: usize,
    /// `max.connections.per.ip`: open connections from one address (Kafka's default,
    /// 2147483647, leaves only `max.connections`); a connection past it is closed as soon as
    /// it is accepted.
    pub max_connections_per_ip: usize,
    /// `max.connections.per.ip.overrides`: `host:count` or `ip:count` pairs, comma separated,
    /// each replacing `max.connections.per.ip` for that address. Host names are resolved when
    /// the broker starts.
    pub max_connections_per_ip_overrides: Vec<(String, usize)>,
    /// `connections.max.idle.ms`: close a connection silent for this long.
    pub connections_max_idle_ms: u64,
    /// `queued.max.requests`: requests one connection may have in flight (pipelined).
    pub queued_max_requests: usize,
    /// `queued.max.request.bytes`: request bytes buffered across all connections beyond each
    /// connection's `socket.request.reserved.bytes`. Bytes are charged as they arrive, not
    /// when a size is announced; must be at least `socket.request.max.bytes`.
    pub queued_max_request_bytes: usize,
    /// `socket.request.reserved.bytes`: request bytes (raw and, for decoding, widened) each
    /// connection may hold outside the shared budget, so small requests never wait behind
    /// other clients' large ones.
    pub socket_request_reserved_bytes: usize,
    /// `socket.request.body.timeout.ms`: once a frame's size has arrived, the longest the
    /// connection may go without sending a byte of its body, or wait for budget to hold it,
    /// before it is closed.
    pub socket_request_body_timeout_ms: u64,
    /// `queued.max.response.bytes`: bytes of responses one connection may have waiting to be
    /// written; past it the broker reads no more of its requests, and Fetch responses are
    /// cut to fit what is left.
    pub queued_max_response_bytes: usize,
    /// `response.max.bytes`: the largest response other than Fetch a request may build;
    /// entries past it are answered with an error instead.
    pub response_max_bytes: usize,
    /// `fetch.max.bytes`: cap on one Fetch response, whatever the client asks.
    pub fetch_max_bytes: i32,
    /// `fetch.max.wait.ms.max`: longest long-poll the broker honours.
    pub fetch_max_wait_ms_max: u64,
    /// `max.incremental.fetch.session.cache.slots`: KIP-227 fetch sessions kept.
    pub fetch_session_cache_slots: usize,
    /// `topics.max` and `partitions.per.topic.max`: bounds on metadata a client can grow.
    pub topics_max: usize,
    pub partitions_per_topic_max: i32,
    /// `partitions.max`: partitions of all topics together, internal ones included; at most
    /// the number of logs storage opens.
    pub partitions_max: usize,
    /// `log.retention.check.interval.ms`: how often retention runs over every log.
    pub log_retention_check_interval_ms: u64,
    /// `log.flush.offset.checkpoint.interval.ms`: how often the offset checkpoints (recovery
    /// point, log start, high watermark, cleaner) are written.
    pub log_flush_offset_checkpoint_interval_ms: u64,
    /// `log.flush.scheduler.interval.ms`: how often logs are checked against `flush.ms`.
    pub log_flush_scheduler_interval_ms: u64,
    /// `log.cleaner.enable`: whether compacted topics are cleaned.
    pub log_cleaner_enable: bool,
    /// `log.cleaner.backoff.ms`: the cleaner's sleep when no log needs cleaning.
    pub log_cleaner_backoff_ms: u64,
    /// `num.recovery.threads.per.data.dir`: threads loading logs at start.
    pub num_recovery_threads_per_data_dir: usize,
    /// `producer.id.expiration.ms`: how long a partition remembers an idle producer with no
    /// open transaction.
    pub producer_id_expiration_ms: i64,
    /// `producer.id.expiration.check.interval.ms`: how often idle producers are forgotten.
    pub producer_id_expiration_check_interval_ms: u64,
    /// The group coordinator's settings (`offsets.topic.num.partitions`,
    /// `group.initial.rebalance.delay.ms`, session bounds, `group.max.size`, offset retention,
    /// the KIP-848 `group.consumer.*` properties).
    pub group: GroupCoordinatorConfig,
    /// `offsets.topic.segment.bytes`: segment size of `__consumer_offsets`.
    pub offsets_topic_segment_bytes: i32,
    /// `offsets.topic.replication.factor` (Kafka's default, 3): `__consumer_offsets`'
    /// replicas in a cluster (the single node keeps one).
    pub offsets_topic_replication_factor: i16,
    /// `transaction.state.log.replication.factor` (3): the same for `__transaction_state`.
    pub transaction_state_log_replication_factor: i16,
    /// The transaction coordinator's settings (`transaction.state.log.num.partitions`,
    /// `transaction.max.timeout.ms`, `transactional.id.expiration.ms`, ...).
    pub txn: TransactionCoordinatorConfig,
    /// `transaction.state.log.segment.bytes`: segment size of `__transaction_state`.
    pub transaction_state_segment_bytes: i32,
    /// The follower fetchers and ISR checks (`replica.lag.time.max.ms`, `replica.fetch.*`).
    pub replication: crate::replica_fetcher::ReplicationConfig,
    /// `auto.leader.rebalance.enable`: the active controller moves leadership back to
    /// preferred replicas every `leader.imbalance.check.interval.seconds` (300) where a
    /// broker's share is off by more than `leader.imbalance.per.broker.percentage` (10).
    pub auto_leader_rebalance_enable: bool,
    /// `replica.selector.class`: with Kafka's `RackAwareReplicaSelector` (or `rack-aware`),
    /// a consumer naming its `client.rack` is sent to an in-sync replica in its rack
    /// (KIP-392); unset (Kafka's default), consumers read from leaders.
    pub rack_aware_replica_selector: bool,
    pub leader_imbalance_check_interval_seconds: u64,
    pub leader_imbalance_per_broker_percentage: u32,
    /// Every property as given (including topic-config synonyms such as `log.retention.ms`),
    /// for DescribeConfigs and for the static defaults of topic configs.
    pub properties: BTreeMap<String, String>,
}

impl Default for BrokerConfig {
    fn default() -> Self {
        BrokerConfig {
            node_id: 1,
            process_roles: ProcessRoles::COMBINED,
            controller_quorum_voters: Vec::new(),
            controller_listen: None,
            broker_rack: None,
            broker_session_timeout_ms: 9_000,
            broker_heartbeat_interval_ms: 2_000,
            cluster_id: None,
            quorum: QuorumLimits::default(),
            data_dir: PathBuf::from("./strom-data"),
            listen: "127.0.0.1:9092".into(),
            advertise: None,
            num_partitions: 1,
            default_replication_factor: 1,
            auto_create_topics_enable: true,
            message_max_bytes: 1_048_588,
            socket_request_max_bytes: strom_protocol::frame::DEFAULT_MAX_FRAME_BYTES,
            max_connections: 1000,
            max_connections_per_ip: i32::MAX as usize,
            max_connections_per_ip_overrides: Vec::new(),
            connections_max_idle_ms: 600_000,
            queued_max_requests: 64,
            queued_max_request_bytes: 512 * 1024 * 1024,
            socket_request_reserved_bytes: 256 * 1024,
            socket_request_body_timeout_ms: 30_000,
            queued_max_response_bytes: 64 * 1024 * 1024,
            response_max_bytes: 32 * 1024 * 1024,
            fetch_max_bytes: 57_671_680,
            fetch_max_wait_ms_max: 30_000,
            fetch_session_cache_slots: 1000,
            topics_max: 10_000,
            partitions_per_topic_max: 10_000,
            partitions_max: PARTITIONS_MAX,
            log_retention_check_interval_ms: 300_000,
            log_flush_offset_checkpoint_interval_ms: 60_000,
            log_flush_scheduler_interval_ms: 1_000,
            log_cleaner_enable: true,
            log_cleaner_backoff_ms: 15_000,
            num_recovery_threads_per_data_dir: 2,
            producer_id_expiration_ms: 86_400_000,
            producer_id_expiration_check_interval_ms: 600_000,
            group: GroupCoordinatorConfig::default(),
            offsets_topic_segment_bytes: 100 * 1024 * 1024,
            offsets_topic_replication_factor: 3,
            transaction_state_log_replication_factor: 3,
            txn: TransactionCoordinatorConfig::default(),
            transaction_state_segment_bytes: 100 * 1024 * 1024,
            replication: crate::replica_fetcher::ReplicationConfig::default(),
            auto_leader_rebalance_enable: true,
            rack_aware_replica_selector: false,
            leader_imbalance_check_interval_seconds: 300,
            leader_imbalance_per_broker_percentage: 10,
            properties: BTreeMap::new(),
        }
    }
}

impl BrokerConfig {
    /// Builds a config from defaults, an optional TOML file, the `STROM_*` variables among
    /// `env`, then `overrides` (flags), each later source winning.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
        overrides: impl IntoIterator<Item = (String, String)>,
    ) -> Result<BrokerConfig, ConfigError> {
        let mut properties = BTreeMap::new();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.to_path_buf(),
                source,
            })?;
            let table: toml::Table =
                text.parse()
                    .map_err(|e: toml::de::Error| ConfigError::Parse {
                        path: path.to_path_buf(),
                        reason: e.to_string(),
                    })?;
            flatten("", &toml::Value::Table(table), &mut properties);
        }
        for (key, value) in env {
            if let Some(name) = key.strip_prefix("STROM_")
                && !NOT_PROPERTIES.contains(&name)
            {
                properties.insert(name.to_ascii_lowercase().replace('_', "."), value);
            }
        }
        properties.extend(overrides);
        BrokerConfig::from_properties(properties)
    }

    /// Resolves typed settings from Kafka-named properties.
    pub fn from_properties(properties: BTreeMap<String, String>) -> Result<Self, ConfigError> {
        let mut c = BrokerConfig::default();
        for (name, value) in &properties {
            let v = value.as_str();
            match name.as_str() {
                "node.id" => c.node_id = parse_min(name, v, 0)?,
                "process.roles" => c.process_roles = ProcessRoles::parse(name, v)?,
                "controller.quorum.voters" => c.controller_quorum_voters = parse_voters(name, v)?,
                "controller.listen" => c.controller_listen = Some(strip_scheme(v).to_string()),
                "controller.listener.names" => {}
                "broker.rack" => c.broker_rack = Some(parse_non_empty(name, v)?),
                "broker.session.timeout.ms" => c.broker_session_timeout_ms = parse_min(name, v, 1)?,
                "replica.lag.time.max.ms" => c.replication.lag_time_max_ms = parse_min(name, v, 1)?,
                "auto.leader.rebalance.enable" => c.auto_leader_rebalance_enable = parse(name, v)?,
                "replica.selector.class" => {
                    c.rack_aware_replica_selector = match v.trim() {
                        "" => false,
                        "org.apache.kafka.common.replica.RackAwareReplicaSelector"
                        | "rack-aware" => true,
                        other => {
                            return Err(ConfigError::Invalid {
                                name: name.to_string(),
                                value: other.to_string(),
                                reason: "the one selector served is \
                                         org.apache.kafka.common.replica.RackAwareReplicaSelector"
                                    .into(),
                            });
                        }
                    }
                }
                "leader.imbalance.check.interval.seconds" => {
                    c.leader_imbalance_check_interval_seconds = parse_min(name, v, 1)?
                }
                "leader.imbalance.per.broker.percentage" => {
                    c.leader_imbalance_per_broker_percentage = parse(name, v)?
                }
                "replica.fetch.wait.max.ms" => {
                    c.replication.fetch_wait_max_ms = parse_min(name, v, 0)?
                }
                "replica.fetch.min.bytes" => c.replication.fetch_min_bytes = parse_min(name, v, 1)?,
                "replica.fetch.max.bytes" => c.replication.fetch_max_bytes = parse_min(name, v, 1)?,
                "replica.fetch.response.max.bytes" => {
                    c.replication.fetch_response_max_bytes = parse_min(name, v, 1)?
                }
                "replica.fetch.backoff.ms" => {
                    c.replication.fetch_backoff_ms = parse_min(name, v, 0)?
                }
                "replica.socket.timeout.ms" => {
                    c.replication.socket_timeout_ms = parse_min(name, v, 1)?
                }
                "broker.heartbeat.interval.ms" => {
                    c.broker_heartbeat_interval_ms = parse_min(name, v, 1)?
                }
                "cluster.id" => c.cluster_id = Some(parse_cluster_id(name, v)?),
                "controller.quorum.election.timeout.ms" => {
                    let min: u64 = parse_min(name, v, 10)?;
                    c.quorum.election_timeout_min_ms = min;
                    c.quorum.election_timeout_max_ms = min * 2;
                    c.quorum.heartbeat_interval_ms = min / 4;
                }
                "controller.quorum.request.timeout.ms" => {
                    c.quorum.rpc_timeout_ms = parse_min(name, v, 1)?
                }
                "metadata.log.snapshot.interval.entries" => {
                    c.quorum.snapshot_every_entries = parse_min(name, v, 1)?
                }
                "metadata.log.snapshot.entries.kept" => {
                    c.quorum.log_entries_kept_behind_snapshot = parse_min(name, v, 0)?
                }
                "controller.quorum.pending.proposals.max" => {
                    c.quorum.pending_proposals_max = parse_min(name, v, 1)?
                }
                "log.dirs" | "log.dir" | "data.dir" => c.data_dir = PathBuf::from(v),
                "listeners" => {
                    let names = properties.get("controller.listener.names");
                    let (client, controller) = split_listeners(v, names.map(String::as_str));
                    if let Some(client) = client {
                        c.listen = client.to_string();
                    }
                    if let Some(controller) = controller
                        && !properties.contains_key("controller.listen")
                    {
                        c.controller_listen = Some(controller.to_string());
                    }
                }
                "advertised.listeners" => c.advertise = Some(strip_scheme(v).to_string()),
                "num.partitions" => c.num_partitions = parse_min(name, v, 1)?,
                "default.replication.factor" => {
                    c.default_replication_factor = parse_min(name, v, 1)?
                }
                "auto.create.topics.enable" => c.auto_create_topics_enable = parse(name, v)?,
                "message.max.bytes" => c.message_max_bytes = parse_min(name, v, 0)?,
                "socket.request.max.bytes" => c.socket_request_max_bytes = parse_min(name, v, 1)?,
                "max.connections" => c.max_connections = parse_min(name, v, 1)?,
                "max.connections.per.ip" => c.max_connections_per_ip = parse(name, v)?,
                "max.connections.per.ip.overrides" => {
                    c.max_connections_per_ip_overrides = parse_overrides(name, v)?
                }
                "connections.max.idle.ms" => c.connections_max_idle_ms = parse_min(name, v, 1)?,
                "queued.max.requests" => c.queued_max_requests = parse_min(name, v, 1)?,
                "queued.max.request.bytes" => c.queued_max_request_bytes = parse_min(name, v, 1)?,
                "socket.request.reserved.bytes" => {
                    c.socket_request_reserved_bytes = parse(name, v)?
                }
                "socket.request.body.timeout.ms" => {
                    c.socket_request_body_timeout_ms = parse_min(name, v, 1)?
                }
                "queued.max.response.bytes" => c.queued_max_response_bytes = parse_min(name, v, 1)?,
                "response.max.bytes" => c.response_max_bytes = parse_min(name, v, 1024)?,
                "fetch.max.bytes" => c.fetch_max_bytes = parse_min(name, v, 0)?,
                "fetch.max.wait.ms.max" => c.fetch_max_wait_ms_max = parse(name, v)?,
                "max.incremental.fetch.session.cache.slots" => {
                    c.fetch_session_cache_slots = parse(name, v)?
                }
                "topics.max" => c.topics_max = parse_min(name, v, 1)?,
                "partitions.per.topic.max" => c.partitions_per_topic_max = parse_min(name, v, 1)?,
                "partitions.max" => c.partitions_max = parse_min(name, v, 1)?,
                "log.retention.check.interval.ms" => {
                    c.log_retention_check_interval_ms = parse_min(name, v, 1)?
                }
                "log.flush.offset.checkpoint.interval.ms" => {
                    c.log_flush_offset_checkpoint_interval_ms = parse_min(name, v, 1)?
                }
                "log.flush.scheduler.interval.ms" => {
                    c.log_flush_scheduler_interval_ms = parse_min(name, v, 1)?
                }
                "log.cleaner.enable" => c.log_cleaner_enable = parse(name, v)?,
                "log.cleaner.backoff.ms" => c.log_cleaner_backoff_ms = parse_min(name, v, 1)?,
                "num.recovery.threads.per.data.dir" => {
                    c.num_recovery_threads_per_data_dir = parse_min(name, v, 1)?
                }
                "producer.id.expiration.ms" => c.producer_id_expiration_ms = parse_min(name, v, 1)?,
                "producer.id.expiration.check.interval.ms" => {
                    c.producer_id_expiration_check_interval_ms = parse_min(name, v, 1)?
                }
                _ if parse_group_property(&mut c, name, v)? => {}
                _ => {
                    let known_synonym = strom_metadata::TOPIC_CONFIGS
                        .iter()
                        .find(|def| def.broker_synonym == name);
                    match known_synonym {
                        Some(def) => def.validate(v).map_err(|reason| ConfigError::Invalid {
                            name: name.clone(),
                            value: v.to_string(),
                            reason,
                        })?,
                        None => tracing::warn!(property = %name, "unknown property ignored"),
                    }
                }
            }
        }
        if c.socket_request_max_bytes < c.message_max_bytes as usize {
            tracing::warn!("socket.request.max.bytes is below message.max.bytes");
        }
        c.check_bounds()?;
        c.check_quorum()?;
        c.properties = properties;
        Ok(c)
    }

    /// Whether this node runs the zero-configuration single node: no voter list, so the
    /// metadata log is the local file and this node is its only writer.
    pub fn is_single_node(&self) -> bool {
        self.controller_quorum_voters.is_empty()
    }

    /// The address the controller listener binds, when this node is a member of a quorum:
    /// the configured controller listener, or a controller's address in the voter list. A
    /// broker-only node needs one too: the active controller pushes the metadata log to it
    /// there (openraft replicates by pushing; Kafka's observers fetch instead).
    pub fn controller_listen_addr(&self) -> Option<String> {
        if self.is_single_node() {
            return None;
        }
        if !self.process_roles.controller {
            return self.controller_listen.clone();
        }
        self.controller_listen.clone().or_else(|| {
            self.controller_quorum_voters
                .iter()
                .find(|v| v.node_id == self.node_id)
                .map(QuorumVoter::address)
        })
    }

    /// Refuses roles, voters and listeners that cannot form a quorum member.
    pub fn check_quorum(&self) -> Result<(), ConfigError> {
        let voters = &self.controller_quorum_voters;
        let listed: Vec<String> = voters.iter().map(|v| v.node_id.to_string()).collect();
        let invalid = |name: &str, value: String, reason: String| {
            Err(ConfigError::Invalid {
                name: name.to_string(),
                value,
                reason,
            })
        };
        if self.process_roles.controller
            && !voters.is_empty()
            && !voters.iter().any(|v| v.node_id == self.node_id)
        {
            return invalid(
                "controller.quorum.voters",
                format_voters(voters),
                format!(
                    "does not contain node.id {} (it lists {}), but process.roles makes this \
                     node a controller: add it as {}@HOST:PORT, or give it process.roles=broker",
                    self.node_id,
                    listed.join(", "),
                    self.node_id
                ),
            );
        }
        if !self.process_roles.controller && voters.is_empty() {
            return invalid(
                "process.roles",
                self.process_roles.to_string(),
                "names no controller, so controller.quorum.voters must say where the \
                 controllers are"
                    .into(),
            );
        }
        if !self.process_roles.controller {
            if voters.iter().any(|v| v.node_id == self.node_id) {
                return invalid(
                    "node.id",
                    self.node_id.to_string(),
                    format!(
                        "is one of controller.quorum.voters ({}), but process.roles=broker: a \
                         broker-only node follows the quorum as an observer and needs an id \
                         no voter has",
                        listed.join(", ")
                    ),
                );
            }
            if self.controller_listen.is_none() {
                return invalid(
                    "controller.listen",
                    String::new(),
                    "must be set on a broker-only node (process.roles=broker): the active \
                     controller sends it the metadata log there (HOST:PORT reachable from \
                     the voters)"
                        .into(),
                );
            }
        }
        if let Some(controller) = self.controller_listen_addr()
            && controller == self.listen
        {
            return invalid(
                "controller.listen",
                controller,
                "is the same address as the client listener (listeners)".into(),
            );
        }
        Ok(())
    }

    /// Refuses settings whose bounds contradict each other.
    pub fn check_bounds(&self) -> Result<(), ConfigError> {
        let invalid = |name: &str, value: String, reason: String| {
            Err(ConfigError::Invalid {
                name: name.to_string(),
                value,
                reason,
            })
        };
        if self.queued_max_request_bytes < self.socket_request_max_bytes {
            // A frame the budget cannot hold would wait for ever and then be cut off.
            return invalid(
                "queued.max.request.bytes",
                self.queued_max_request_bytes.to_string(),
                format!(
                    "is below socket.request.max.bytes ({}): the largest request could never \
                     be admitted",
                    self.socket_request_max_bytes
                ),
            );
        }
        if self.max_connections_per_ip == 0 && self.max_connections_per_ip_overrides.is_empty() {
            // Kafka's rule: zero is only meaningful as "only the overridden addresses".
            return invalid(
                "max.connections.per.ip",
                "0".into(),
                "can be zero only when max.connections.per.ip.overrides is set".into(),
            );
        }
        if let Err(reason) = self.quorum.check() {
            return invalid(
                "controller.quorum.election.timeout.ms",
                self.quorum.election_timeout_min_ms.to_string(),
                reason,
            );
        }
        let storage_max = PARTITIONS_MAX;
        if self.partitions_max > storage_max {
            return invalid(
                "partitions.max",
                self.partitions_max.to_string(),
                format!("is above the {storage_max} partition logs storage opens"),
            );
        }
        Ok(())
    }

    /// The static broker value of property `name`, if one was given.
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties.get(name).map(String::as_str)
    }
}

/// `process.roles`: what this node runs. At least one role is always set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcessRoles {
    /// Serves clients and hosts partitions.
    pub broker: bool,
    /// Votes in the metadata quorum and may become the active controller.
    pub controller: bool,
}

impl ProcessRoles {
    /// Broker and controller in one process: the default, and the single node's roles.
    pub const COMBINED: ProcessRoles = ProcessRoles {
        broker: true,
        controller: true,
    };

    /// Kafka's form: `broker`, `controller`, or both comma separated.
    fn parse(name: &str, value: &str) -> Result<ProcessRoles, ConfigError> {
        let mut roles = ProcessRoles {
            broker: false,
            controller: false,
        };
        for role in value.split(',').map(str::trim).filter(|r| !r.is_empty()) {
            let slot = match role {
                "broker" => &mut roles.broker,
                "controller" => &mut roles.controller,
                other => {
                    return Err(ConfigError::Invalid {
                        name: name.to_string(),
                        value: value.to_string(),
                        reason: format!("names an unknown role '{other}' (broker, controller)"),
                    });
                }
            };
            if std::mem::replace(slot, true) {
                return Err(ConfigError::Invalid {
                    name: name.to_string(),
                    value: value.to_string(),
                    reason: format!("names the role '{role}' twice"),
                });
            }
        }
        if !roles.broker && !roles.controller {
            return Err(ConfigError::Invalid {
                name: name.to_string(),
                value: value.to_string(),
                reason: "names no role (broker, controller, or both)".into(),
            });
        }
        Ok(roles)
    }
}

impl std::fmt::Display for ProcessRoles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.broker, self.controller) {
            (true, true) => f.write_str("broker,controller"),
            (true, false) => f.write_str("broker"),
            _ => f.write_str("controller"),
        }
    }
}

/// One entry of `controller.quorum.voters`: `ID@HOST:PORT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuorumVoter {
    pub node_id: i32,
    pub host: String,
    pub port: u16,
}

impl QuorumVoter {
    /// `HOST:PORT`, with an IPv6 host bracketed.
    pub fn address(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

fn format_voters(voters: &[QuorumVoter]) -> String {
    let entries: Vec<String> = voters
        .iter()
        .map(|v| format!("{}@{}", v.node_id, v.address()))
        .collect();
    entries.join(",")
}

/// Kafka's `controller.quorum.voters`: `ID@HOST:PORT` entries, comma separated, each id once.
fn parse_voters(name: &str, value: &str) -> Result<Vec<QuorumVoter>, ConfigError> {
    let mut voters: Vec<QuorumVoter> = Vec::new();
    for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let invalid = |reason: String| ConfigError::Invalid {
            name: name.to_string(),
            value: value.to_string(),
            reason,
        };
        let shape = || invalid(format!("entry '{entry}' is not ID@HOST:PORT"));
        let (id, address) = entry.split_once('@').ok_or_else(shape)?;
        let node_id: i32 = id.trim().parse().map_err(|_| shape())?;
        let (host, port) = address.rsplit_once(':').ok_or_else(shape)?;
        let host = host.trim().trim_start_matches('[').trim_end_matches(']');
        let port: u16 = port.trim().parse().map_err(|_| shape())?;
        if node_id < 0 || host.is_empty() || port == 0 {
            return Err(shape());
        }
        if voters.iter().any(|v| v.node_id == node_id) {
            return Err(invalid(format!("lists node id {node_id} twice")));
        }
        voters.push(QuorumVoter {
            node_id,
            host: host.to_string(),
            port,
        });
    }
    Ok(voters)
}

/// Kafka's cluster ids: a UUID as 22 characters of unpadded URL-safe base64.
fn parse_cluster_id(name: &str, value: &str) -> Result<String, ConfigError> {
    let id = value.trim();
    let legal = id.len() == 22
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !legal {
        return Err(ConfigError::Invalid {
            name: name.to_string(),
            value: value.to_string(),
            reason: "is not a cluster id (22 characters of URL-safe base64)".into(),
        });
    }
    Ok(id.to_string())
}

fn parse_non_empty(name: &str, value: &str) -> Result<String, ConfigError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ConfigError::Invalid {
            name: name.to_string(),
            value: value.to_string(),
            reason: "is empty".into(),
        });
    }
    Ok(trimmed.to_string())
}

/// Splits Kafka's `listeners` into the client listener (the first entry that is not a
/// controller listener) and the controller listener (the entry named in
/// `controller.listener.names`, `CONTROLLER` by default). Entries without a scheme are
/// client listeners.
fn split_listeners<'a>(
    value: &'a str,
    controller_names: Option<&str>,
) -> (Option<&'a str>, Option<&'a str>) {
    let names: Vec<&str> = controller_names
        .unwrap_or("CONTROLLER")
        .split(',')
        .map(str::trim)
        .collect();
    let mut client = None;
    let mut controller = None;
    for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        match entry.split_once("://") {
            Some((scheme, addr)) if names.iter().any(|n| n.eq_ignore_ascii_case(scheme)) => {
                controller = controller.or(Some(addr));
            }
            Some((_, addr)) => client = client.or(Some(addr)),
            None => client = client.or(Some(entry)),
        }
    }
    (client, controller)
}

/// Reads one group-coordinator property into `c.group`; false when `name` is not one.
fn parse_group_property(c: &mut BrokerConfig, name: &str, v: &str) -> Result<bool, ConfigError> {
    let g = &mut c.group;
    match name {
        "offsets.topic.num.partitions" => {
            g.offsets_topic_num_partitions = parse_min(name, v, 1)?;
            c.txn.offsets_topic_num_partitions = g.offsets_topic_num_partitions;
        }
        "offsets.topic.segment.bytes" => c.offsets_topic_segment_bytes = parse_min(name, v, 1)?,
        "offsets.topic.replication.factor" => {
            c.offsets_topic_replication_factor = parse_min(name, v, 1)?
        }
        "transaction.state.log.replication.factor" => {
            c.transaction_state_log_replication_factor = parse_min(name, v, 1)?
        }
        "group.min.session.timeout.ms" => g.group_min_session_timeout_ms = parse_min(name, v, 0)?,
        "group.max.session.timeout.ms" => g.group_max_session_timeout_ms = parse_min(name, v, 0)?,
        "group.initial.rebalance.delay.ms" => {
            g.group_initial_rebalance_delay_ms = parse_min(name, v, 0)?
        }
        "group.max.size" => g.group_max_size = parse_min(name, v, 1)?,
        "offset.metadata.max.bytes" => g.offset_metadata_max_bytes = parse_min(name, v, 0)?,
        "offsets.retention.minutes" => {
            let minutes: i64 = parse_min(name, v, 1)?;
            g.offsets_retention_ms = minutes.saturating_mul(60_000);
        }
        "offsets.retention.check.interval.ms" => {
            g.offsets_retention_check_interval_ms = parse_min(name, v, 1)?
        }
        "group.consumer.heartbeat.interval.ms" => {
            g.consumer_group_heartbeat_interval_ms = parse_min(name, v, 1)?
        }
        "group.consumer.session.timeout.ms" => {
            g.consumer_group_session_timeout_ms = parse_min(name, v, 1)?
        }
        "group.consumer.max.size" => g.consumer_group_max_size = parse_min(name, v, 1)?,
        "group.consumer.assignors" => {
            let assignors: Vec<String> = v
                .split(',')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect();
            if assignors.is_empty() {
                return Err(ConfigError::Invalid {
                    name: name.to_string(),
                    value: v.to_string(),
                    reason: "names no assignor".into(),
                });
            }
            g.consumer_group_assignors = assignors;
        }
        _ => return parse_txn_property(c, name, v),
    }
    Ok(true)
}

/// Reads one transaction-coordinator property into `c.txn`; false when `name` is not one.
fn parse_txn_property(c: &mut BrokerConfig, name: &str, v: &str) -> Result<bool, ConfigError> {
    let t = &mut c.txn;
    match name {
        "transaction.state.log.num.partitions" => {
            t.transaction_state_log_num_partitions = parse_min(name, v, 1)?
        }
        "transaction.state.log.segment.bytes" => {
            c.transaction_state_segment_bytes = parse_min(name, v, 1)?
        }
        "transaction.max.timeout.ms" => t.transaction_max_timeout_ms = parse_min(name, v, 1)?,
        "transactional.id.expiration.ms" => {
            t.transactional_id_expiration_ms = parse_min(name, v, 1)?
        }
        "transaction.remove.expired.transaction.cleanup.interval.ms" => {
            t.transaction_remove_expired_transaction_cleanup_interval_ms = parse_min(name, v, 1)?
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&name, value, out);
            }
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        toml::Value::Array(items) => {
            let joined: Vec<String> = items
                .iter()
                .map(|item| match item {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            out.insert(prefix.to_string(), joined.join(","));
        }
        other => {
            out.insert(prefix.to_string(), other.to_string());
        }
    }
}

/// Kafka's `max.connections.per.ip.overrides` format: `host:count` pairs, comma separated
/// (an IPv6 address may be bracketed or bare: the count follows the last colon).
fn parse_overrides(name: &str, value: &str) -> Result<Vec<(String, usize)>, ConfigError> {
    let mut out = Vec::new();
    for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let invalid = || ConfigError::Invalid {
            name: name.to_string(),
            value: value.to_string(),
            reason: format!("entry '{entry}' is not HOST:COUNT"),
        };
        let (host, count) = entry.rsplit_once(':').ok_or_else(invalid)?;
        let host = host.trim().trim_start_matches('[').trim_end_matches(']');
        let count: usize = count.trim().parse().map_err(|_| invalid())?;
        if host.is_empty() {
            return Err(invalid());
        }
        out.push((host.to_string(), count));
    }
    Ok(out)
}

/// `PLAINTEXT://host:port` and `host:port` both name the address.
fn strip_scheme(listener: &str) -> &str {
    let first = listener.split(',').next().unwrap_or(listener).trim();
    first.split_once("://").map_or(first, |(_, addr)| addr)
}

fn parse<T: std::str::FromStr>(name: &str, value: &str) -> Result<T, ConfigError> {
    value.trim().parse::<T>().map_err(|_| ConfigError::Invalid {
        name: name.to_string(),
        value: value.to_string(),
        reason: "does not parse".into(),
    })
}

fn parse_min<T>(name: &str, value: &str, min: T) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    let parsed: T = parse(name, value)?;
    if parsed < min {
        return Err(ConfigError::Invalid {
            name: name.to_string(),
            value: value.to_string(),
            reason: format!("is below the minimum {min}"),
        });
    }
    Ok(parsed)
}

/// Parses `host:port` into a socket address for binding.
pub fn parse_listen(listen: &str) -> Result<SocketAddr, ConfigError> {
    use std::net::ToSocketAddrs;
    listen
        .to_socket_addrs()
        .ok()
        .and_then(|mut it| it.next())
        .ok_or_else(|| ConfigError::Invalid {
            name: "listeners".into(),
            value: listen.to_string(),
            reason: "is not a HOST:PORT address".into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_then_env_then_flags_take_precedence() {
        // A TOML file sets properties by Kafka name (dotted keys or quoted), STROM_* variables
        // override it, and flags override both.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("strom.toml");
        std::fs::write(
            &path,
            "num.partitions = 3\n\"auto.create.topics.enable\" = false\n\
             [log]\nretention.ms = 1000\n",
        )
        .unwrap();
        let env = [("STROM_NUM_PARTITIONS".to_string(), "5".to_string())];
        let flags = [("listeners".to_string(), "127.0.0.1:0".to_string())];
        let c = BrokerConfig::load(Some(&path), env, flags).unwrap();
        assert_eq!(c.num_partitions, 5);
        assert!(!c.auto_create_topics_enable);
        assert_eq!(c.listen, "127.0.0.1:0");
        assert_eq!(c.property("log.retention.ms"), Some("1000"));
        let bad = [("num.partitions".to_string(), "0".to_string())];
        assert!(BrokerConfig::load(None, [], bad).is_err());
    }

    fn props(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn no_identity_properties_is_the_zero_configuration_single_node() {
        // Without node.id, roles, voters or listeners the node is node 1, broker and
        // controller, with no quorum and no controller listener, as before these existed.
        let c = BrokerConfig::load(None, [], []).unwrap();
        assert_eq!(c.node_id, 1);
        assert_eq!(c.process_roles, ProcessRoles::COMBINED);
        assert!(c.is_single_node());
        assert_eq!(c.controller_listen_addr(), None);
        assert_eq!(
            (c.broker_rack.as_deref(), c.cluster_id.as_deref()),
            (None, None)
        );
    }

    #[test]
    fn identity_comes_from_files_variables_and_flags_under_kafkas_names() {
        // node.id, process.roles, controller.quorum.voters, broker.rack and cluster.id are
        // read from TOML, STROM_* variables and flags; a node's controller listener defaults
        // to its own voter address.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("strom.toml");
        std::fs::write(
            &path,
            "node.id = 2\nbroker.rack = \"r1\"\n\
             controller.quorum.voters = \"1@127.0.0.1:9093,2@127.0.0.1:9094,3@[::1]:9095\"\n",
        )
        .unwrap();
        let env = props(&[("STROM_PROCESS_ROLES", "controller,broker")]);
        let flags = props(&[("cluster.id", "MkU3OEVBNTcwNTJENDM2Qg")]);
        let c = BrokerConfig::load(Some(&path), env, flags).unwrap();
        assert_eq!(c.node_id, 2);
        assert_eq!(c.broker_rack.as_deref(), Some("r1"));
        assert_eq!(c.cluster_id.as_deref(), Some("MkU3OEVBNTcwNTJENDM2Qg"));
        assert_eq!(c.controller_quorum_voters.len(), 3);
        assert_eq!(c.controller_quorum_voters[2].address(), "[::1]:9095");
        assert_eq!(
            c.controller_listen_addr().as_deref(),
            Some("127.0.0.1:9094")
        );
        let flags = props(&[("node.id", "3"), ("controller.listen", "0.0.0.0:9095")]);
        let c = BrokerConfig::load(Some(&path), [], flags).unwrap();
        assert_eq!(c.controller_listen_addr().as_deref(), Some("0.0.0.0:9095"));
    }

    #[test]
    fn kafkas_controller_listener_in_listeners_is_split_out() {
        // `listeners = PLAINTEXT://...,CONTROLLER://...` gives the client listener and the
        // controller listener, also under another name from controller.listener.names.
        let c = BrokerConfig::load(
            None,
            [],
            props(&[
                (
                    "listeners",
                    "CONTROLLER://127.0.0.1:9093,PLAINTEXT://127.0.0.1:9092",
                ),
                ("controller.quorum.voters", "1@127.0.0.1:9093"),
            ]),
        )
        .unwrap();
        assert_eq!(c.listen, "127.0.0.1:9092");
        assert_eq!(
            c.controller_listen_addr().as_deref(),
            Some("127.0.0.1:9093")
        );
        let c = BrokerConfig::load(
            None,
            [],
            props(&[
                ("listeners", "PLAINTEXT://:9092,RAFT://127.0.0.1:7000"),
                ("controller.listener.names", "RAFT"),
                ("controller.quorum.voters", "1@127.0.0.1:7000"),
            ]),
        )
        .unwrap();
        assert_eq!(c.controller_listen.as_deref(), Some("127.0.0.1:7000"));
    }

    #[test]
    fn a_controller_missing_from_the_voters_is_refused_with_a_message() {
        // A node whose roles include controller must be one of the voters; the message names
        // the node id and the ids the list holds. As a broker only, it may be absent.
        let voters = ("controller.quorum.voters", "1@h:9093,2@h:9094");
        let err = BrokerConfig::load(None, [], props(&[("node.id", "4"), voters])).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("node.id 4") && message.contains("1, 2"),
            "{message}"
        );
        let broker_only = props(&[
            ("node.id", "4"),
            ("process.roles", "broker"),
            ("controller.listen", "h:9095"),
            voters,
        ]);
        assert!(BrokerConfig::load(None, [], broker_only).is_ok());
        // A broker-only node must not take a voter's id, and needs a controller listener
        // for the log the active controller sends it.
        let voter_id = props(&[
            ("node.id", "1"),
            ("process.roles", "broker"),
            ("controller.listen", "h:9095"),
            voters,
        ]);
        let err = BrokerConfig::load(None, [], voter_id).unwrap_err();
        assert!(err.to_string().contains("observer"), "{err}");
        let no_listener = props(&[("node.id", "4"), ("process.roles", "broker"), voters]);
        let err = BrokerConfig::load(None, [], no_listener).unwrap_err();
        assert!(err.to_string().contains("controller.listen"), "{err}");
    }

    #[test]
    fn bad_roles_voters_and_cluster_ids_are_refused() {
        // Each malformed identity property is refused by name, as is a broker with no
        // controllers to follow and a controller listener on the client port.
        for bad in [
            vec![("process.roles", "leader")],
            vec![("process.roles", "broker,broker")],
            vec![("process.roles", "")],
            vec![("process.roles", "broker")],
            vec![("controller.quorum.voters", "1@h")],
            vec![("controller.quorum.voters", "x@h:1")],
            vec![("controller.quorum.voters", "1@h:1,1@g:2")],
            vec![("cluster.id", "short")],
            vec![("node.id", "-1")],
            vec![("broker.rack", " ")],
            vec![
                ("controller.quorum.voters", "1@127.0.0.1:9092"),
                ("listeners", "127.0.0.1:9092"),
            ],
        ] {
            assert!(
                BrokerConfig::load(None, [], props(&bad)).is_err(),
                "accepted {bad:?}"
            );
        }
    }

    #[test]
    fn quorum_timing_and_bounds_are_properties() {
        // The election timeout sets the election range and heartbeat; the request timeout,
        // snapshot interval and pending proposals are read; a zero bound is refused.
        let c = BrokerConfig::load(
            None,
            [],
            props(&[
                ("controller.quorum.election.timeout.ms", "400"),
                ("controller.quorum.request.timeout.ms", "700"),
                ("metadata.log.snapshot.interval.entries", "50"),
                ("metadata.log.snapshot.entries.kept", "10"),
                ("controller.quorum.pending.proposals.max", "8"),
            ]),
        )
        .unwrap();
        let q = &c.quorum;
        assert_eq!(
            (
                q.election_timeout_min_ms,
                q.election_timeout_max_ms,
                q.heartbeat_interval_ms
            ),
            (400, 800, 100)
        );
        assert_eq!(q.rpc_timeout_ms, 700);
        assert_eq!(q.snapshot_every_entries, 50);
        assert_eq!(q.log_entries_kept_behind_snapshot, 10);
        assert_eq!(q.pending_proposals_max, 8);
        let zero = props(&[("controller.quorum.pending.proposals.max", "0")]);
        assert!(BrokerConfig::load(None, [], zero).is_err());
    }
}
