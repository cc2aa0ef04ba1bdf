//! Starting and stopping a broker: the data directory (`meta.properties`, the metadata log,
//! partition logs), the services wired with the handles each needs, the listener, and the
//! shutdown that flushes and closes every log.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use strom_metadata::quorum::{
    ControllerSlot, QUORUM_DIR, QuorumError, QuorumNode, RaftNodeId, Served, TcpTransport,
    VoterAddress, serve_controller_listener,
};
use strom_metadata::{
    Controller, ControllerLimits, MetadataImage, NodeId, QuorumCommitLog, RegisterBrokerRecord,
};
use strom_storage::{CleanerConfig, Clock, LogConfig, LogManager, LogManagerConfig};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::broker_lifecycle::BrokerLifecycle;
use crate::broker_peers::BrokerPeers;
use crate::config::{BrokerConfig, ConfigError, parse_listen};
pub use crate::context::Broker;
use crate::controller_channel::{ControllerChannel, disagreeing_voter};
use crate::controller_service::{LocalEndpoint, run_fencing, run_leader_rebalance};
use crate::coordinator::internal_topic::InternalTopicSettings;
use crate::coordinator::txn::TxnServiceParts;
use crate::coordinator::{GroupService, OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC, TxnService};
use crate::fetch_session::FetchSessionCache;
use crate::gone_broker_probe::run_gone_broker_probe;
use crate::isr_checks::run_isr_checks;
use crate::meta_properties::{
    MetaPropertiesError, check_meta_properties, ensure_meta_properties, fresh_cluster_id,
};
use crate::metadata_listener::{MetadataListener, WatchPublisher};
use crate::metadata_view::MetadataView;
use crate::net::budget::RequestBudget;
use crate::net::quotas::ConnectionQuotas;
use crate::producer_ids::{AllocateIds, ProducerIdManager};
use crate::replica_fetcher::{ImageSource, ReplicaFetchers};
use crate::replica_manager::{ReplicaError, ReplicaManager};
use crate::topic_config::log_config;
use strom_metadata::controller::request::ClusterIdClaim;

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
    /// Followers' fetchers: stopped before the logs close.
    fetchers: Arc<ReplicaFetchers>,
    net_limits: crate::net::Limits,
    shutdown_tx: watch::Sender<bool>,
    /// The metadata quorum member and its Raft listener, when metadata runs on Raft.
    quorum: Option<QuorumRuntime>,
    clock: Arc<dyn Clock>,
}

/// A running quorum member: stopped after the broker's services at shutdown.
struct QuorumRuntime {
    node: Arc<QuorumNode>,
    raft_listener: tokio::task::JoinHandle<()>,
    /// Registration and heartbeats of this node's broker.
    lifecycle: Arc<BrokerLifecycle>,
}

/// The metadata as opened: how to reach the controller, the images to apply, and the
/// quorum member in a cluster.
struct OpenedMetadata {
    controller: Arc<Controller>,
    channel: ControllerChannel,
    images: watch::Receiver<Arc<MetadataImage>>,
    quorum: Option<QuorumRuntime>,
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
        check_roles_served(&config)?;
        let connections = ConnectionQuotas::from_config(&config)?;
        let data_dir = config.data_dir.clone();
        let dir_err = |source| StartError::DataDir {
            path: data_dir.display().to_string(),
            source,
        };
        std::fs::create_dir_all(&data_dir).map_err(dir_err)?;
        let claim = cluster_id_claim(&config)?;
        check_metadata_location(&config)?;
        let (shutdown_tx, shutdown) = watch::channel(false);
        let clock: Arc<dyn Clock> = Arc::new(strom_storage::SystemClock);
        let listener = bind(&config).await?;
        let (advertised_host, advertised_port) = advertised(&config, &listener)?;
        let endpoint = (advertised_host.clone(), advertised_port);
        let opened = open_metadata(&config, &shutdown, &clock, endpoint, claim).await?;
        let OpenedMetadata {
            controller,
            channel,
            images: images_rx,
            quorum,
        } = opened;
        let cluster_id = settle_cluster_id(&config, &controller.image())?;
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
        let (applied_tx, applied_rx) = watch::channel(0u64);
        let metadata = MetadataView::new(channel.clone(), applied_rx);
        let allocate = allocate_ids(channel.clone());
        let producer_ids =
            blocking("producer ids", move || ProducerIdManager::open(allocate)).await?;
        let groups = Arc::new(GroupService::new(
            config.group.clone(),
            InternalTopicSettings {
                segment_bytes: config.offsets_topic_segment_bytes,
                replication_factor: config.offsets_topic_replication_factor,
            },
            Arc::clone(&replicas),
            metadata.clone(),
            Arc::clone(&clock),
        ));
        let txns = TxnService::new(TxnServiceParts {
            config: config.txn.clone(),
            topic_settings: InternalTopicSettings {
                segment_bytes: config.transaction_state_segment_bytes,
                replication_factor: config.transaction_state_log_replication_factor,
            },
            replicas: Arc::clone(&replicas),
            metadata: metadata.clone(),
            groups: Arc::clone(&groups),
            producer_ids: Arc::clone(&producer_ids),
            peers: BrokerPeers::new(NodeId(config.node_id), image_source(&metadata)),
            clock: Arc::clone(&clock),
        });
        let fetchers = Arc::new(ReplicaFetchers::new(
            Arc::clone(&replicas),
            image_source(&metadata),
            config.replication.clone(),
            shutdown.clone(),
        ));
        let mut metadata_listener = MetadataListener::new(
            Arc::clone(&replicas),
            Arc::clone(&fetchers),
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
            leader_throttle: crate::replication_throttle::Bucket::new(tokio::time::Instant::now()),
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
            fetchers,
            net_limits,
            shutdown_tx,
            quorum,
            clock,
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
            fetchers,
            net_limits,
            shutdown_tx,
            quorum,
            clock,
        } = self;
        let tasks = vec![
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
        // The heartbeats and the fencing timer may wait on a controller that is gone (a whole
        // cluster stopping at once): they are cancelled at shutdown, not awaited.
        let mut cancelled = Vec::new();
        if let Some(quorum) = &quorum {
            let shutdown = broker.shutdown.clone();
            cancelled.push(tokio::spawn(
                Arc::clone(&quorum.lifecycle).run(shutdown.clone()),
            ));
            cancelled.push(tokio::spawn(run_gone_broker_probe(
                Arc::clone(&broker.controller),
                Arc::clone(&clock),
                broker.config.broker_heartbeat_interval_ms,
                shutdown.clone(),
            )));
            cancelled.push(tokio::spawn(run_fencing(
                Arc::clone(&broker.controller),
                clock,
                broker.config.broker_session_timeout_ms,
                shutdown.clone(),
            )));
            if broker.config.auto_leader_rebalance_enable {
                let interval =
                    Duration::from_secs(broker.config.leader_imbalance_check_interval_seconds);
                cancelled.push(tokio::spawn(run_leader_rebalance(
                    Arc::clone(&broker.controller),
                    interval,
                    broker.config.leader_imbalance_per_broker_percentage,
                    shutdown.clone(),
                )));
            }
            cancelled.push(tokio::spawn(run_isr_checks(
                Arc::clone(&broker.replica_manager),
                broker.metadata.channel().clone(),
                image_source(&broker.metadata),
                broker.config.replication.lag_time_max_ms,
                shutdown,
            )));
        }
        stop.await;
        tracing::info!("shutting down");
        for task in &cancelled {
            task.abort();
        }
        if let Some(quorum) = &quorum {
            quorum
                .lifecycle
                .shut_down(CONTROLLED_SHUTDOWN_PATIENCE)
                .await;
        }
        let _ = shutdown_tx.send(true);
        for task in tasks {
            let _ = task.await;
        }
        fetchers.stop();
        let replicas = broker.replica_manager.clone();
        let _ = tokio::task::spawn_blocking(move || replicas.shutdown()).await;
        if let Some(quorum) = quorum {
            let _ = quorum.raft_listener.await;
            quorum.node.shutdown().await;
        }
        tracing::info!("shutdown complete");
    }
}

/// The committed image as the fetchers and ISR checks read it.
fn image_source(metadata: &MetadataView) -> ImageSource {
    let view = metadata.clone();
    Arc::new(move || view.image())
}

/// Opens the metadata: the local log of the zero-configuration single node, or this node's
/// member of the Raft quorum, registered with the active controller as the broker at
/// `endpoint` (host, port).
async fn open_metadata(
    config: &BrokerConfig,
    shutdown: &watch::Receiver<bool>,
    clock: &Arc<dyn Clock>,
    endpoint: (String, i32),
    claim: ClusterIdClaim,
) -> Result<OpenedMetadata, StartError> {
    if config.is_single_node() {
        let controller = Arc::new(open_controller(config).await?);
        let (images_tx, images) = watch::channel(controller.image());
        controller.set_publisher(Arc::new(WatchPublisher(images_tx)));
        let channel = ControllerChannel::local(Arc::clone(&controller), Arc::clone(clock));
        return Ok(OpenedMetadata {
            controller,
            channel,
            images,
            quorum: None,
        });
    }
    open_quorum_member(config, shutdown.clone(), clock, endpoint, claim).await
}

/// The cluster id this node brings: its `meta.properties`' (checked against `cluster.id`),
/// else the configured one (both `known`), else a fresh one for a new cluster to take.
pub(crate) fn cluster_id_claim(config: &BrokerConfig) -> Result<ClusterIdClaim, StartError> {
    let configured = config.cluster_id.as_deref();
    let found = check_meta_properties(&config.data_dir, config.node_id, configured)?;
    Ok(match (found, configured) {
        (Some(props), _) => ClusterIdClaim {
            id: props.cluster_id,
            known: true,
        },
        (None, Some(id)) => ClusterIdClaim {
            id: id.to_string(),
            known: true,
        },
        (None, None) => ClusterIdClaim {
            id: fresh_cluster_id(),
            known: false,
        },
    })
}

/// Writes `meta.properties` on a first start: the single node's own id, or the cluster's
/// from the quorum; returns the cluster id.
fn settle_cluster_id(config: &BrokerConfig, image: &MetadataImage) -> Result<String, StartError> {
    let id = match (config.is_single_node(), image.cluster_id()) {
        (false, Some(id)) => Some(id),
        (false, None) => unreachable!("a registered broker's image has the cluster id"),
        (true, _) => config.cluster_id.as_deref(),
    };
    Ok(ensure_meta_properties(&config.data_dir, config.node_id, id)?.cluster_id)
}

/// How long a stopping broker waits for the controller to take its controlled shutdown.
const CONTROLLED_SHUTDOWN_PATIENCE: Duration = Duration::from_secs(5);

/// How long a node waits at start for the quorum to elect a leader and take its
/// registration (a majority of voters must be running).
const QUORUM_START_TIMEOUT: Duration = Duration::from_secs(120);

/// Opens this node's quorum directory, serves Raft and controller requests on the
/// controller listener, registers this node's broker with the active controller and waits
/// until its own image shows it registered and unfenced.
async fn open_quorum_member(
    config: &BrokerConfig,
    shutdown: watch::Receiver<bool>,
    clock: &Arc<dyn Clock>,
    endpoint: (String, i32),
    claim: ClusterIdClaim,
) -> Result<OpenedMetadata, StartError> {
    let QuorumParts {
        node,
        controller,
        channel,
        raft_listener,
    } = open_quorum(config, shutdown, clock).await?;
    let lifecycle = Arc::new(BrokerLifecycle::new(
        channel.clone(),
        registration(config, endpoint),
        claim,
        Duration::from_millis(config.broker_heartbeat_interval_ms),
    ));
    let epoch = lifecycle
        .register_and_unfence(QUORUM_START_TIMEOUT)
        .await
        .map_err(StartError::Metadata)?;
    let images = node.images();
    wait_unfenced(images.clone(), NodeId(config.node_id), epoch).await?;
    if let Err(e) = check_joined_voters(&node, &config.controller_quorum_voters) {
        lifecycle.shut_down(CONTROLLED_SHUTDOWN_PATIENCE).await;
        node.shutdown().await;
        return Err(e);
    }
    Ok(OpenedMetadata {
        controller,
        channel,
        images,
        quorum: Some(QuorumRuntime {
            node,
            raft_listener,
            lifecycle,
        }),
    })
}

/// A node's membership of the metadata quorum: a voter (a controller) or an observer (a
/// broker-only node), its controller, the way to the active controller, and the task
/// serving its controller listener.
pub(crate) struct QuorumParts {
    pub node: Arc<QuorumNode>,
    pub controller: Arc<Controller>,
    pub channel: ControllerChannel,
    pub raft_listener: tokio::task::JoinHandle<()>,
}

/// How long a starting node waits for each other voter to say which voters it holds.
const VOTER_CHECK_PATIENCE: Duration = Duration::from_secs(2);

/// Binds the controller listener, checks the voter list against the running quorum's,
/// opens the quorum directory as a voter (or, on a broker-only node, as an observer that
/// the active controller then adds), and serves Raft and controller requests.
pub(crate) async fn open_quorum(
    config: &BrokerConfig,
    shutdown: watch::Receiver<bool>,
    clock: &Arc<dyn Clock>,
) -> Result<QuorumParts, StartError> {
    let listen = config
        .controller_listen_addr()
        .expect("a member of a quorum has a controller listener");
    let listener = TcpListener::bind(parse_listen(&listen)?)
        .await
        .map_err(|source| StartError::Bind {
            addr: listen.clone(),
            source,
        })?;
    let limits = config.quorum.clone();
    let voters: BTreeMap<RaftNodeId, VoterAddress> = config
        .controller_quorum_voters
        .iter()
        .map(|v| (v.node_id as u64, VoterAddress { addr: v.address() }))
        .collect();
    let id = config.node_id as u64;
    let configured: Vec<RaftNodeId> = voters.keys().copied().collect();
    let probe = TcpTransport::new(limits.rpc_frame_bytes_max);
    if let Some((peer, theirs)) =
        disagreeing_voter(&probe, &voters, id, &configured, VOTER_CHECK_PATIENCE).await
    {
        return Err(StartError::Quorum(QuorumError::InconsistentVoterSet {
            configured,
            peer,
            theirs,
        }));
    }
    let dir = config.data_dir.join(QUORUM_DIR);
    let transport = Arc::new(TcpTransport::new(limits.rpc_frame_bytes_max));
    let observer = !config.process_roles.controller;
    let node = if observer {
        QuorumNode::open_observer(&dir, id, voters.clone(), transport, limits.clone()).await?
    } else {
        QuorumNode::open(&dir, id, voters.clone(), transport, limits.clone()).await?
    };
    let node = Arc::new(node);
    let slot = Arc::new(ControllerSlot::new());
    let served = Served {
        raft: node.raft().clone(),
        controller: Arc::clone(&slot),
        frame_bytes_max: limits.rpc_frame_bytes_max,
        snapshot_bytes_max: limits.snapshot_bytes_max,
    };
    let raft_listener = tokio::spawn(serve_controller_listener(listener, served, shutdown));
    tracing::info!(%listen, voters = voters.len(), observer, "metadata runs on the raft quorum");
    let log = QuorumCommitLog::new(Arc::clone(&node), tokio::runtime::Handle::current(), dir);
    let controller_limits = controller_limits(config);
    let controller = blocking("metadata open", move || {
        let controller = Controller::open_quorum(log, controller_limits);
        controller.on_fatal(Arc::new(stop_on_metadata_failure));
        Arc::new(controller)
    })
    .await;
    let deadline = Duration::from_millis(limits.proposal_timeout_ms + limits.rpc_timeout_ms);
    let channel = ControllerChannel::cluster(
        Arc::clone(&controller),
        Arc::clone(clock),
        voters,
        limits.rpc_frame_bytes_max,
        deadline,
    );
    if slot.set(Arc::new(LocalEndpoint(channel.clone()))).is_err() {
        unreachable!("the controller endpoint is installed once");
    }
    if observer {
        join_as_observer(&channel, config, &listen).await?;
    }
    Ok(QuorumParts {
        node,
        controller,
        channel,
        raft_listener,
    })
}

/// Asks the active controller (through any voter) to add this broker-only node to the
/// quorum as an observer, at its controller listener `listen` (the leader sends it the log
/// there: openraft pushes, where Kafka's observers fetch). A restarted observer asks again;
/// the controller leaves an unchanged one as it is.
async fn join_as_observer(
    channel: &ControllerChannel,
    config: &BrokerConfig,
    listen: &str,
) -> Result<(), StartError> {
    use strom_metadata::controller::request::ControllerRequest;
    let request = ControllerRequest::AddObserver {
        node_id: NodeId(config.node_id),
        address: listen.to_string(),
    };
    let started = tokio::time::Instant::now();
    loop {
        match channel.call(request.clone()).await {
            Ok(_) => return Ok(()),
            Err(e @ strom_metadata::MetadataError::InvalidRequest { .. }) => {
                return Err(StartError::Metadata(e));
            }
            Err(e) if started.elapsed() >= QUORUM_START_TIMEOUT => {
                return Err(StartError::Metadata(e));
            }
            Err(e) => {
                tracing::info!(error = %e, "joining the metadata quorum as an observer; retrying");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
    }
}

/// Once joined, the quorum's voters must be the configured ones: a fresh node given another
/// voter list than the cluster's learns the real membership from the leader, and is refused
/// rather than serve as a member of a quorum it was not told of.
fn check_joined_voters(
    node: &QuorumNode,
    configured: &[crate::config::QuorumVoter],
) -> Result<(), StartError> {
    let joined: Vec<RaftNodeId> = node
        .raft()
        .metrics()
        .borrow()
        .membership_config
        .membership()
        .voter_ids()
        .collect();
    let mut wanted: Vec<RaftNodeId> = configured.iter().map(|v| v.node_id as u64).collect();
    wanted.sort_unstable();
    if joined == wanted {
        return Ok(());
    }
    Err(StartError::Quorum(QuorumError::VotersDisagree {
        configured: wanted,
        stored: joined,
    }))
}

/// This run's registration: a fresh incarnation at the advertised endpoint.
fn registration(config: &BrokerConfig, endpoint: (String, i32)) -> RegisterBrokerRecord {
    RegisterBrokerRecord {
        broker_id: NodeId(config.node_id),
        incarnation_id: uuid::Uuid::new_v4(),
        host: endpoint.0,
        port: endpoint.1,
        rack: config.broker_rack.clone(),
    }
}

/// Waits until this node's own image shows broker `id` registered at `epoch` and unfenced,
/// so that the first image applied to its partitions already has its new leader epochs.
async fn wait_unfenced(
    mut images: watch::Receiver<Arc<MetadataImage>>,
    id: NodeId,
    epoch: i64,
) -> Result<(), StartError> {
    let unfenced = images.wait_for(|image| {
        image
            .broker(id)
            .is_some_and(|b| b.epoch == epoch && !b.fenced)
    });
    match tokio::time::timeout(QUORUM_START_TIMEOUT, unfenced).await {
        Ok(Ok(_)) => Ok(()),
        _ => Err(StartError::QuorumNotServed(format!(
            "broker {id} registered (epoch {epoch}) but its own metadata did not show it \
             unfenced within {} s",
            QUORUM_START_TIMEOUT.as_secs()
        ))),
    }
}

/// Producer id blocks from the active controller, for the blocking pool.
fn allocate_ids(channel: ControllerChannel) -> AllocateIds {
    use strom_metadata::controller::request::{ControllerReply, ControllerRequest};
    let runtime = tokio::runtime::Handle::current();
    Arc::new(move |count| {
        let request = ControllerRequest::AllocateProducerIds { count };
        match runtime.block_on(channel.call(request))?.reply {
            ControllerReply::ProducerIds { start, end } => Ok(start..end),
            other => Err(strom_metadata::MetadataError::NotCommitted {
                reason: format!("a producer id allocation answered with {other:?}"),
            }),
        }
    })
}

fn controller_limits(config: &BrokerConfig) -> ControllerLimits {
    ControllerLimits {
        node_id: NodeId(config.node_id),
        default_partitions: config.num_partitions,
        default_replication_factor: config.default_replication_factor,
        partitions_per_topic_max: config.partitions_per_topic_max,
        topics_max: config.topics_max,
        partitions_max: config.partitions_max,
        broker_session_timeout_ms: config.broker_session_timeout_ms,
        // The static min.insync.replicas (an empty image holds no topic or dynamic config).
        min_insync_replicas: crate::topic_config::effective(
            &strom_metadata::MetadataImage::default(),
            config,
            "",
            "min.insync.replicas",
        )
        .trim()
        .parse()
        .unwrap_or(1),
    }
}

/// A data directory keeps its metadata in one place: the local log or the quorum
/// directory. Starting in the other mode would begin from an empty image and set every
/// partition aside as a stray, so it is refused.
pub(crate) fn check_metadata_location(config: &BrokerConfig) -> Result<(), StartError> {
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
        foreign_dirs: vec![QUORUM_DIR.to_string()],
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

/// A controller-only node serves no clients: it runs as a
/// [`crate::controller_node::ControllerNode`], not a broker.
fn check_roles_served(config: &BrokerConfig) -> Result<(), StartError> {
    if config.is_single_node() || config.process_roles.broker {
        return Ok(());
    }
    Err(StartError::QuorumNotServed(format!(
        "process.roles is {}: a controller-only node runs as a ControllerNode, not a broker",
        config.process_roles
    )))
}
