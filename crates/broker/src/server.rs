//! Starting and stopping a broker: the data directory (`meta.properties`, the metadata log,
//! partition logs), the listener, and the shutdown that flushes and closes every log.

use std::path::Path;
use std::sync::Arc;

use strom_metadata::{Controller, ControllerLimits, MetadataImage, NodeId};
use strom_protocol::generated::ApiKey;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::config::{BrokerConfig, ConfigError, parse_listen};
use crate::fetch_session::FetchSessionCache;
use crate::group_coordinator::GroupService;
use crate::net::budget::RequestBudget;
use crate::net::quotas::ConnectionQuotas;
use crate::replica_manager::{ReplicaError, ReplicaManager};
use crate::txn_coordinator::TxnService;

/// File name of the metadata log inside the data directory.
pub const METADATA_LOG: &str = "cluster-metadata.log";
/// Kafka's file naming this node and its cluster.
const META_PROPERTIES: &str = "meta.properties";

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

/// Everything a request handler can reach.
#[derive(Debug)]
pub struct Broker {
    pub config: BrokerConfig,
    pub cluster_id: String,
    /// The host and port clients are told to connect to.
    pub advertised_host: String,
    pub advertised_port: i32,
    pub controller: Arc<Controller>,
    pub replica_manager: Arc<ReplicaManager>,
    pub fetch_sessions: FetchSessionCache,
    /// Consumer groups and committed offsets.
    pub groups: Arc<GroupService>,
    /// Transactional producers.
    pub txns: Arc<TxnService>,
    /// Request bytes buffered across all connections (`queued.max.request.bytes`).
    pub request_bytes: Arc<RequestBudget>,
    /// Open connections, overall and per client address.
    pub connections: Arc<ConnectionQuotas>,
    pub shutdown: watch::Receiver<bool>,
}

impl Broker {
    pub fn image(&self) -> Arc<MetadataImage> {
        self.controller.image()
    }

    pub fn node_id(&self) -> i32 {
        self.config.node_id
    }

    pub fn supported_apis(&self) -> Vec<(ApiKey, i16, i16)> {
        crate::api_table::supported_apis()
    }

    /// Opens and removes partitions after a metadata change. Blocking work runs off the
    /// async workers.
    pub async fn sync_partitions(self: &Arc<Self>) -> Result<(), ReplicaError> {
        let broker = self.clone();
        tokio::task::spawn_blocking(move || {
            let locked = broker.replica_manager.lock_sync();
            let image = broker.image();
            broker
                .replica_manager
                .sync(&locked, &image, &broker.config)?;
            broker
                .replica_manager
                .update_configs(&image, &broker.config);
            Ok(())
        })
        .await
        .unwrap_or_else(|e| panic!("partition sync task panicked: {e}"))
    }
}

/// A broker bound to its listener, ready to serve.
pub struct Server {
    pub broker: Arc<Broker>,
    pub listener: TcpListener,
    shutdown_tx: watch::Sender<bool>,
}

impl Server {
    /// Opens the data directory and metadata, recovers every partition, and binds the
    /// listener.
    pub async fn start(config: BrokerConfig) -> Result<Server, StartError> {
        config.check_bounds()?;
        let connections = ConnectionQuotas::from_config(&config)?;
        let data_dir = config.data_dir.clone();
        let dir_err = |source| StartError::DataDir {
            path: data_dir.display().to_string(),
            source,
        };
        std::fs::create_dir_all(&data_dir).map_err(dir_err)?;
        let cluster_id =
            read_or_write_meta_properties(&data_dir, config.node_id).map_err(dir_err)?;
        let limits = ControllerLimits {
            node_id: NodeId(config.node_id),
            default_partitions: config.num_partitions,
            default_replication_factor: config.default_replication_factor,
            partitions_per_topic_max: config.partitions_per_topic_max,
            topics_max: config.topics_max,
            partitions_max: config.partitions_max,
        };
        let metadata_path = data_dir.join(METADATA_LOG);
        let controller =
            tokio::task::spawn_blocking(move || Controller::open(&metadata_path, limits))
                .await
                .unwrap_or_else(|e| panic!("metadata open panicked: {e}"))?;
        controller.on_fatal(Arc::new(stop_on_metadata_failure));
        let addr = parse_listen(&config.listen)?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Bind {
                addr: config.listen.clone(),
                source,
            })?;
        let bound = listener.local_addr().map_err(|source| StartError::Bind {
            addr: config.listen.clone(),
            source,
        })?;
        let (advertised_host, advertised_port) = match &config.advertise {
            Some(a) => split_host_port(a).ok_or_else(|| ConfigError::Invalid {
                name: "advertised.listeners".into(),
                value: a.clone(),
                reason: "is not HOST:PORT".into(),
            })?,
            None => (bound.ip().to_string(), i32::from(bound.port())),
        };
        let image = controller.image();
        let replica_config = config.clone();
        let replica_manager =
            tokio::task::spawn_blocking(move || ReplicaManager::open(&image, &replica_config))
                .await
                .unwrap_or_else(|e| panic!("log manager open panicked: {e}"))?;
        let (shutdown_tx, shutdown) = watch::channel(false);
        let groups = Arc::new(GroupService::new(
            config.group.clone(),
            &controller.image(),
            Arc::new(strom_storage::SystemClock),
        ));
        let controller = Arc::new(controller);
        let txns = Arc::new(TxnService::new(
            config.txn.clone(),
            &controller.image(),
            controller.clone(),
            Arc::new(strom_storage::SystemClock),
        ));
        let broker = Arc::new(Broker {
            cluster_id,
            advertised_host,
            advertised_port,
            controller,
            replica_manager: Arc::new(replica_manager),
            fetch_sessions: FetchSessionCache::new(config.fetch_session_cache_slots),
            groups,
            txns,
            request_bytes: RequestBudget::new(config.queued_max_request_bytes),
            connections,
            shutdown,
            config,
        });
        broker.sync_partitions().await?;
        let loading = broker.clone();
        tokio::task::spawn_blocking(move || {
            loading.groups.load(&loading);
            loading.txns.load(&loading);
        })
        .await
        .unwrap_or_else(|e| panic!("group coordinator load panicked: {e}"));
        Ok(Server {
            broker,
            listener,
            shutdown_tx,
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
            shutdown_tx,
        } = self;
        let timers = tokio::spawn(broker.groups.clone().run_timers(broker.clone()));
        let txn_timers = tokio::spawn(broker.txns.clone().run(broker.clone()));
        let serving = tokio::spawn(crate::net::serve(
            listener,
            broker.clone(),
            broker.shutdown.clone(),
        ));
        stop.await;
        tracing::info!("shutting down");
        let _ = shutdown_tx.send(true);
        let _ = serving.await;
        let _ = timers.await;
        let _ = txn_timers.await;
        let replicas = broker.replica_manager.clone();
        let _ = tokio::task::spawn_blocking(move || replicas.shutdown()).await;
        tracing::info!("shutdown complete");
    }
}

/// A metadata log that cannot be written cannot commit topics, configs or producer ids, and
/// what it last wrote may not be on disk: the broker stops at once, as Kafka halts, and the
/// next start replays whatever the log really holds.
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

/// Reads the cluster id from `meta.properties`, writing a new one on first start.
fn read_or_write_meta_properties(dir: &Path, node_id: i32) -> std::io::Result<String> {
    let path = dir.join(META_PROPERTIES);
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Some(id) = text.lines().find_map(|l| l.strip_prefix("cluster.id="))
    {
        return Ok(id.trim().to_string());
    }
    let id = crate::replica_manager::base64_url_encode(uuid::Uuid::new_v4().as_bytes());
    let text = format!("version=1\ncluster.id={id}\nnode.id={node_id}\n");
    strom_storage::write_atomically(&path, text.as_bytes())
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(id)
}
