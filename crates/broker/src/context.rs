//! [`Broker`]: what the request handlers work with: the configuration, the metadata, the
//! replica manager, the coordinators and the connection-wide budgets. Only the handler layer
//! (and the network edge that calls it) sees this context; each service below gets just the
//! handles it uses, wired in `server`.

use std::sync::Arc;

use strom_metadata::{Controller, MetadataImage};
use strom_protocol::generated::ApiKey;
use tokio::sync::watch;

use crate::config::BrokerConfig;
use crate::coordinator::{GroupService, TxnService};
use crate::fetch_session::FetchSessionCache;
use crate::metadata_view::MetadataView;
use crate::producer_ids::ProducerIdManager;
use crate::replica_manager::ReplicaManager;

/// What the request handlers work with. Services below the handlers (replica manager,
/// coordinators, producer ids) each get only the handles they use; this context is for the
/// handler layer alone.
#[derive(Debug)]
pub struct Broker {
    pub config: BrokerConfig,
    pub cluster_id: String,
    /// The host and port clients are told to connect to.
    pub advertised_host: String,
    pub advertised_port: i32,
    pub controller: Arc<Controller>,
    /// The image and changes to it, answered once applied here.
    pub metadata: MetadataView,
    pub replica_manager: Arc<ReplicaManager>,
    pub fetch_sessions: FetchSessionCache,
    /// Consumer groups and committed offsets.
    pub groups: Arc<GroupService>,
    /// Transactional producers.
    pub txns: Arc<TxnService>,
    /// Producer ids for InitProducerId, in blocks from the controller.
    pub producer_ids: Arc<ProducerIdManager>,
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

    /// Waits until the metadata committed so far is applied to this broker's partitions
    /// (after a handler changed it through the controller).
    pub async fn wait_metadata_applied(&self) {
        self.metadata
            .wait_applied(self.image().record_count())
            .await;
    }
}
