//! A controller-only node (`process.roles=controller`): a voter of the metadata quorum and a
//! controller that acts when it leads, with no client listener, no broker registration and
//! no partitions. Clients never see it in Metadata or DescribeCluster; DescribeQuorum lists
//! it as a voter.
//!
//! Its data directory holds `meta.properties` and the quorum directory only. The cluster id
//! comes from the quorum, as for every node (the first broker to register brings it): the
//! node writes it to `meta.properties` once its image has it, and stops if its directory
//! names another cluster.

use std::sync::Arc;
use std::time::Duration;

use strom_metadata::MetadataImage;
use strom_storage::Clock;
use tokio::sync::watch;

use crate::config::BrokerConfig;
use crate::controller_service::run_fencing;
use crate::gone_broker_probe::run_gone_broker_probe;
use crate::meta_properties::ensure_meta_properties;
use crate::server::{
    QuorumParts, StartError, check_metadata_location, cluster_id_claim, open_quorum,
};
use strom_metadata::controller::request::ClusterIdClaim;

/// A running controller-only node.
pub struct ControllerNode {
    parts: QuorumParts,
    config: BrokerConfig,
    claim: ClusterIdClaim,
    clock: Arc<dyn Clock>,
    shutdown_tx: watch::Sender<bool>,
    shutdown: watch::Receiver<bool>,
}

impl ControllerNode {
    /// Opens the data directory and the quorum, and serves the controller listener.
    pub async fn start(config: BrokerConfig) -> Result<ControllerNode, StartError> {
        config.check_bounds()?;
        config.check_quorum()?;
        assert!(
            config.process_roles.controller && !config.process_roles.broker,
            "a controller-only node"
        );
        std::fs::create_dir_all(&config.data_dir).map_err(|source| StartError::DataDir {
            path: config.data_dir.display().to_string(),
            source,
        })?;
        let claim = cluster_id_claim(&config)?;
        check_metadata_location(&config)?;
        let (shutdown_tx, shutdown) = watch::channel(false);
        let clock: Arc<dyn Clock> = Arc::new(strom_storage::SystemClock);
        let parts = open_quorum(&config, shutdown.clone(), &clock).await?;
        Ok(ControllerNode {
            parts,
            config,
            claim,
            clock,
            shutdown_tx,
            shutdown,
        })
    }

    /// The controller listener's address.
    pub fn controller_addr(&self) -> String {
        self.config
            .controller_listen_addr()
            .expect("a controller has a controller listener")
    }

    /// Serves until `stop` resolves (fencing expired brokers while it leads), then stops.
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        let ControllerNode {
            parts,
            config,
            claim,
            clock,
            shutdown_tx,
            shutdown,
        } = self;
        let probe = tokio::spawn(run_gone_broker_probe(
            Arc::clone(&parts.controller),
            Arc::clone(&clock),
            config.broker_heartbeat_interval_ms,
            shutdown.clone(),
        ));
        let fencing = tokio::spawn(run_fencing(
            Arc::clone(&parts.controller),
            clock,
            config.broker_session_timeout_ms,
            shutdown.clone(),
        ));
        let identity = tokio::spawn(settle_cluster_id(
            parts.node.images(),
            config.clone(),
            claim,
        ));
        stop.await;
        tracing::info!("shutting down");
        let _ = shutdown_tx.send(true);
        fencing.abort();
        probe.abort();
        identity.abort();
        let _ = parts.raft_listener.await;
        parts.node.shutdown().await;
        tracing::info!("shutdown complete");
    }
}

/// Waits for the quorum's cluster id and writes it to `meta.properties`; a directory of
/// another cluster stops the node, as it stops a broker.
async fn settle_cluster_id(
    mut images: watch::Receiver<Arc<MetadataImage>>,
    config: BrokerConfig,
    claim: ClusterIdClaim,
) {
    let quorum = match images.wait_for(|i| i.cluster_id().is_some()).await {
        Ok(image) => image.cluster_id().expect("waited for").to_string(),
        Err(_) => return,
    };
    if claim.known && claim.id != quorum {
        let e = strom_metadata::MetadataError::InconsistentClusterId {
            node: claim.id,
            quorum,
        };
        tracing::error!(error = %e, "stopping");
        eprintln!("strom: {e}; stopping");
        std::process::exit(1);
    }
    let written = tokio::task::spawn_blocking(move || {
        ensure_meta_properties(&config.data_dir, config.node_id, Some(&quorum))
    })
    .await;
    match written {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => {
            tracing::error!(error = %e, "meta.properties; stopping");
            eprintln!("strom: {e}; stopping");
            std::process::exit(1);
        }
        Err(e) => panic!("writing meta.properties panicked: {e}"),
    }
    // Keep the receiver alive until shutdown aborts this task, so the sender never sees
    // every receiver gone.
    let _ = tokio::time::sleep(Duration::MAX).await;
}
