//! Starting and stopping a broker: the data directory (`meta.properties`, the metadata log,
//! partition logs), the services wired with the handles each needs, the listener, and the
//! shutdown that flushes and closes every log.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use strom_metadata::quorum::{
    QUORUM_DIR, QuorumError, QuorumNode, TcpTransport, VoterAddress, serve_raft,
};
use strom_metadata::{Controller, ControllerLimits, MetadataImage, NodeId, QuorumCommitLog};
use strom_storage::{CleanerConfig, Clock, LogConfig, LogManager, LogManagerConfig};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::config::{BrokerConfig, ConfigError, ProcessRoles, parse_listen};
pub use crate::context::Broker;
use crate::coordinator::txn::TxnServiceParts;
use crate::coordinator::{GroupService, OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC, TxnService};
use crate::fetch_session::FetchSessionCache;
use crate::meta_properties::{MetaPropertiesError, ensure_meta_properties};
use crate::metadata_listener::{MetadataListener, WatchPublisher};
use crate::metadata_view::MetadataView;
use crate::net::budget::RequestBudget;
use crate::net::quotas::ConnectionQuotas;
use crate::producer_ids::ProducerIdManager;
use crate::replica_manager::{ReplicaError, ReplicaManager};
use crate::topic_config::log_config;

/// File name of the metadata log inside the data directory.
pub const METADATA_LOG: &str = "cluster-metadata.log";

/// Why a broker could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Identity(#[from] MetaPropertiesError),
    /// The configuration asks for a metadata quorum this build does not run yet.
    #[error("{0}")]
    QuorumNotServed(String),
    /// The data directory's metadata is kept in the other mode (local log or quorum).
    #[error("{0}")]
    MetadataElsewhere(String),
    #[error("metadata quorum: {0}")]
    Quorum(#[from] QuorumError),
    #[error("metadata: {0}")]
    Metadata(#[from] strom_metadata::MetadataError),
    #[error("partitions: {0}")]
    Replica(#[from] ReplicaError),
    #[error("binding {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
}

/// A broker bound to its listener, ready to serve.
pub struct Server {
    pub broker: Arc<Broker>,
    pub listener: TcpListener,
    metadata_listener: MetadataListener,
    net_limits: crate::net::Limits,
    shutdown_tx: watch::Sender<bool>,
    /// The metadata quorum member and its Raft listener, when metadata runs on Raft.
    quorum: Option<QuorumRuntime>,
}

/// A running quorum member: stopped after the broker's services at shutdown.
struct QuorumRuntime {
    node: Arc<QuorumNode>,
    raft_listener: tokio::task::JoinHandle<()>,
}

/// Runs blocking start-up work off the async workers.
async fn blocking<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| panic!("{what} panicked: {e}"))
}

impl Server {
    /// Opens the data directory and metadata, recovers every partition, applies the metadata
    /// (opening partitions and loading the coordinators), and binds the listener.
    pub async fn start(config: BrokerConfig) -> Result<Server, StartError> {
        config.check_bounds()?;
        config.check_quorum()?;
        check_quorum_served(&config)?;
        let connections = ConnectionQuotas::from_config(&config)?;
        let data_dir = config.data_dir.clone();
        let dir_err = |source| StartError::DataDir {
            path: data_dir.display().to_string(),
            source,
        };
        std::fs::create_dir_all(&data_dir).map_err(dir_err)?;
        let cluster_id =
            ensure_meta_properties(&data_dir, config.node_id, config.cluster_id.as_deref())?
                .cluster_id;
        check_metadata_location(&config)?;
        let (shutdown_tx, shutdown) = watch::channel(false);
        let (controller, quorum) = open_metadata(&config, &shutdown).await?;
        let controller = Arc::new(controller);
        let listener = bind(&config).await?;
        let (advertised_host, advertised_port) = advertised(&config, &listener)?;
        let clock: Arc<dyn Clock> = Arc::new(strom_storage::SystemClock);
        let image = controller.image();
        let manager_config = log_manager_config(&image, &config);
        let log_manager = blocking("log manager open", move || {
            let manager = LogManager::open(manager_config, Arc::new(strom_storage::SystemClock))?;
            manager.start_background()?;
            Ok::<_, strom_storage::StorageError>(manager)
        })
        .await
        .map_err(ReplicaError::Storage)?;
        let replicas = Arc::new(ReplicaManager::new(
            NodeId(config.node_id),
            log_manager,
            Arc::clone(&clock),
        ));
        replicas.listen_for_flushes();
        let (images_tx, images_rx) = watch::channel(controller.image());
        controller.set_publisher(Arc::new(WatchPublisher(images_tx)));
        let (applied_tx, applied_rx) = watch::channel(0u64);
        let metadata = MetadataView::new(Arc::clone(&controller), applied_rx);
        let ids_controller = Arc::clone(&controller);
        let producer_ids = blocking("producer ids", move || {
            ProducerIdManager::open(ids_controller)
        })
        .await?;
        let groups = Arc::new(GroupService::new(
            config.group.clone(),
            config.offsets_topic_segment_bytes,
            Arc::clone(&replicas),
            metadata.clone(),
            Arc::clone(&clock),
        ));
        let txns = TxnService::new(TxnServiceParts {
            config: config.txn.clone(),
            segment_bytes: config.transaction_state_segment_bytes,
            replicas: Arc::clone(&replicas),
            metadata: metadata.clone(),
            groups: Arc::clone(&groups),
            producer_ids: Arc::clone(&producer_ids),
            clock: Arc::clone(&clock),
        });
        let mut metadata_listener = MetadataListener::new(
            Arc::clone(&replicas),
            Arc::clone(&groups),
            Arc::clone(&txns),
            config.clone(),
            images_rx,
            applied_tx,
        );
        metadata_listener.apply_latest().await;
        let strays = Arc::clone(&replicas);
        let image = controller.image();
        blocking("stray partitions", move || strays.set_aside_strays(&image)).await;
        let config_request_bytes = config.queued_max_request_bytes;
        let broker = Arc::new(Broker {
            cluster_id,
            advertised_host,
            advertised_port,
            controller,
            metadata,
            replica_manager: replicas,
            fetch_sessions: FetchSessionCache::new(config.fetch_session_cache_slots),
            groups,
            txns,
            producer_ids,
            shutdown,
            config,
        });
        let net_limits = crate::net::Limits {
            request_bytes: RequestBudget::new(config_request_bytes),
            connections,
        };
        Ok(Server {
            broker,
            listener,
            metadata_listener,
            net_limits,
            shutdown_tx,
            quorum,
        })
    }

    pub fn local_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `stop` resolves, then stops accepting, lets in-flight requests finish,
    /// and flushes and closes every log.
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        let Server {
            broker,
            listener,
            metadata_listener,
            net_limits,
            shutdown_tx,
            quorum,
        } = self;
        let tasks = [
            tokio::spawn(metadata_listener.run(broker.shutdown.clone())),
            tokio::spawn(Arc::clone(broker.groups.runtime()).run_timers(broker.shutdown.clone())),
            tokio::spawn(Arc::clone(broker.txns.runtime()).run_timers(broker.shutdown.clone())),
            tokio::spawn(crate::net::serve(
                listener,
                broker.clone(),
                net_limits,
                broker.shutdown.clone(),
            )),
        ];
        stop.await;
        tracing::info!("shutting down");
        let _ = shutdown_tx.send(true);
        for task in tasks {
            let _ = task.await;
        }
        let replicas = broker.replica_manager.clone();
        let _ = tokio::task::spawn_blocking(move || replicas.shutdown()).await;
        if let Some(quorum) = quorum {
            let _ = quorum.raft_listener.await;
            quorum.node.shutdown().await;
        }
        tracing::info!("shutdown complete");
    }
}

/// Opens the metadata: the local log of the zero-configuration single node, or the Raft
/// quorum when `controller.quorum.voters` is set.
async fn open_metadata(
    config: &BrokerConfig,
    shutdown: &watch::Receiver<bool>,
) -> Result<(Controller, Option<QuorumRuntime>), StartError> {
    if config.is_single_node() {
        return Ok((open_controller(config).await?, None));
    }
    let (controller, quorum) = open_quorum_controller(config, shutdown.clone()).await?;
    Ok((controller, Some(quorum)))
}

/// How long a sole voter may take to elect itself and replay its log at start.
const QUORUM_START_TIMEOUT: Duration = Duration::from_secs(30);

/// Opens this node's quorum directory, serves Raft on the controller listener, waits until
/// it leads with its log applied, and opens the controller on it.
async fn open_quorum_controller(
    config: &BrokerConfig,
    shutdown: watch::Receiver<bool>,
) -> Result<(Controller, QuorumRuntime), StartError> {
    let listen = config
        .controller_listen_addr()
        .expect("a controller of a quorum has a controller listener");
    let listener = TcpListener::bind(parse_listen(&listen)?)
        .await
        .map_err(|source| StartError::Bind {
            addr: listen.clone(),
            source,
        })?;
    let limits = config.quorum.clone();
    let voters = config
        .controller_quorum_voters
        .iter()
        .map(|v| (v.node_id as u64, VoterAddress { addr: v.address() }))
        .collect();
    let dir = config.data_dir.join(QUORUM_DIR);
    let transport = Arc::new(TcpTransport::new(limits.rpc_frame_bytes_max));
    let id = config.node_id as u64;
    let node = QuorumNode::open(&dir, id, voters, transport, limits.clone()).await?;
    let node = Arc::new(node);
    let raft_listener = tokio::spawn(serve_raft(
        listener,
        node.raft().clone(),
        limits.rpc_frame_bytes_max,
        limits.snapshot_bytes_max,
        shutdown,
    ));
    node.wait_leading_and_applied(QUORUM_START_TIMEOUT).await?;
    let log = QuorumCommitLog::new(Arc::clone(&node), tokio::runtime::Handle::current(), dir);
    let limits = controller_limits(config);
    let controller = blocking("metadata open", move || {
        let controller = Controller::open_quorum(log, limits);
        controller.on_fatal(Arc::new(stop_on_metadata_failure));
        for topic in [OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC] {
            controller.reelect_local_leaders(topic)?;
        }
        Ok::<_, strom_metadata::MetadataError>(controller)
    })
    .await?;
    tracing::info!(%listen, "metadata runs on the raft quorum");
    Ok((
        controller,
        QuorumRuntime {
            node,
            raft_listener,
        },
    ))
}

fn controller_limits(config: &BrokerConfig) -> ControllerLimits {
    ControllerLimits {
        node_id: NodeId(config.node_id),
        default_partitions: config.num_partitions,
        default_replication_factor: config.default_replication_factor,
        partitions_per_topic_max: config.partitions_per_topic_max,
        topics_max: config.topics_max,
        partitions_max: config.partitions_max,
    }
}

/// A data directory keeps its metadata in one place: the local log or the quorum
/// directory. Starting in the other mode would begin from an empty image and set every
/// partition aside as a stray, so it is refused.
fn check_metadata_location(config: &BrokerConfig) -> Result<(), StartError> {
    let local = config.data_dir.join(METADATA_LOG);
    let quorum = config.data_dir.join(QUORUM_DIR);
    let local_used = std::fs::metadata(&local).is_ok_and(|m| m.len() > 0);
    if config.is_single_node() && quorum.exists() {
        return Err(StartError::MetadataElsewhere(format!(
            "data directory {} keeps its metadata in a Raft quorum ({}); start it with the \
             same --voters it was started with",
            config.data_dir.display(),
            quorum.display()
        )));
    }
    if !config.is_single_node() && local_used && !quorum.exists() {
        return Err(StartError::MetadataElsewhere(format!(
            "data directory {} keeps its metadata in the single node's log ({}); moving it \
             into a Raft quorum is not supported: start without --voters",
            config.data_dir.display(),
            local.display()
        )));
    }
    Ok(())
}

/// Opens the metadata log, and elects this node again for the coordinator topics'
/// partitions it leads, so each coordinator load of this run has a newer epoch than the
/// last run's (Kafka's brokers get new leader epochs when they come back).
async fn open_controller(config: &BrokerConfig) -> Result<Controller, StartError> {
    let limits = controller_limits(config);
    let path = config.data_dir.join(METADATA_LOG);
    blocking("metadata open", move || {
        let controller = Controller::open(&path, limits)?;
        controller.on_fatal(Arc::new(stop_on_metadata_failure));
        for topic in [OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC] {
            controller.reelect_local_leaders(topic)?;
        }
        Ok::<_, strom_metadata::MetadataError>(controller)
    })
    .await
    .map_err(StartError::Metadata)
}

async fn bind(config: &BrokerConfig) -> Result<TcpListener, StartError> {
    let addr = parse_listen(&config.listen)?;
    TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind {
            addr: config.listen.clone(),
            source,
        })
}

fn advertised(config: &BrokerConfig, listener: &TcpListener) -> Result<(String, i32), StartError> {
    let bound = listener.local_addr().map_err(|source| StartError::Bind {
        addr: config.listen.clone(),
        source,
    })?;
    match &config.advertise {
        Some(a) => Ok(split_host_port(a).ok_or_else(|| ConfigError::Invalid {
            name: "advertised.listeners".into(),
            value: a.clone(),
            reason: "is not HOST:PORT".into(),
        })?),
        None => Ok((bound.ip().to_string(), i32::from(bound.port()))),
    }
}

/// Threads running grouped fsyncs.
const FLUSH_THREADS: usize = 2;

/// The log manager's settings, from the broker's properties and the topics' configs.
fn log_manager_config(image: &MetadataImage, config: &BrokerConfig) -> LogManagerConfig {
    let topic_configs: BTreeMap<String, LogConfig> = image
        .topics()
        .map(|t| (t.name.clone(), log_config(image, config, &t.name)))
        .collect();
    LogManagerConfig {
        data_dir: config.data_dir.clone(),
        // No topic is named "": this is the broker-wide default chain.
        default_log_config: log_config(image, config, ""),
        topic_configs,
        recovery_threads: config.num_recovery_threads_per_data_dir,
        flush_threads: FLUSH_THREADS,
        partitions_max: config.partitions_max,
        retention_check_interval_ms: config.log_retention_check_interval_ms,
        flush_check_interval_ms: config.log_flush_scheduler_interval_ms,
        checkpoint_interval_ms: config.log_flush_offset_checkpoint_interval_ms,
        cleaner: config.log_cleaner_enable.then(CleanerConfig::default),
        cleaner_backoff_ms: config.log_cleaner_backoff_ms,
        producer_id_expiration_ms: config.producer_id_expiration_ms,
        producer_id_expiration_check_interval_ms: config.producer_id_expiration_check_interval_ms,
        open_files_max: strom_storage::open_files_max_default(),
    }
}

/// A failed write of the metadata log leaves the broker unable to trust what it would
/// publish next: it stops rather than go on as if nothing happened.
fn stop_on_metadata_failure(e: &strom_metadata::MetadataError) {
    tracing::error!(error = %e, "metadata log failed; stopping the broker");
    eprintln!("strom: {e}; stopping");
    std::process::exit(1);
}

fn split_host_port(addr: &str) -> Option<(String, i32)> {
    let (host, port) = addr.rsplit_once(':')?;
    let port = port.parse::<u16>().ok()?;
    Some((
        host.trim_matches(|c| c == '[' || c == ']').to_string(),
        i32::from(port),
    ))
}

/// The metadata quorum runs with one voter, this node as broker and controller; a node
/// configured as part of a larger quorum refuses to start rather than run as a single node
/// that believes it is in a cluster.
fn check_quorum_served(config: &BrokerConfig) -> Result<(), StartError> {
    let voters = &config.controller_quorum_voters;
    let sole_voter = voters.len() == 1 && voters[0].node_id == config.node_id;
    if config.is_single_node() || (sole_voter && config.process_roles == ProcessRoles::COMBINED) {
        return Ok(());
    }
    Err(StartError::QuorumNotServed(format!(
        "controller.quorum.voters lists {} voters and process.roles is {}, but this build \
         runs the metadata quorum only with this node as its sole voter and both roles \
         (--voters {}@HOST:PORT)",
        voters.len(),
        config.process_roles,
        config.node_id
    )))
}
