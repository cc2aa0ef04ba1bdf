//! [`Broker`]: what the request handlers work with: the configuration, the metadata, the
//! replica manager and the coordinators. Only the handler layer
//! (and the network edge that calls it) sees this context; each service below gets just the
//! handles it uses, wired in `server`.

use std::sync::Arc;
use std::time::Duration;

use strom_metadata::{Controller, MetadataImage};
use strom_protocol::generated::ApiKey;
use tokio::sync::watch;

use crate::config::BrokerConfig;
use crate::coordinator::{GroupService, TxnService};
use crate::fetch_session::FetchSessionCache;
use crate::metadata_view::MetadataView;
use crate::producer_ids::ProducerIdManager;
use crate::replica_manager::ReplicaManager;

pub use crate::metadata_view::METADATA_APPLY_WAIT_MS_MAX;

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
    /// `leader.replication.throttled.rate`: what this broker, as leader, still sends to
    /// throttled followers.
    pub leader_throttle: crate::replication_throttle::Bucket,
    /// Consumer groups and committed offsets.
    pub groups: Arc<GroupService>,
    /// Transactional producers.
    pub txns: Arc<TxnService>,
    /// Producer ids for InitProducerId, in blocks from the controller.
    pub producer_ids: Arc<ProducerIdManager>,
    pub shutdown: watch::Receiver<bool>,
}

/// Where clients reach a broker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerEndpoint {
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
}

impl Broker {
    pub fn image(&self) -> Arc<MetadataImage> {
        self.controller.image()
    }

    /// The brokers clients are told of: every registered, unfenced broker of the cluster;
    /// on the single node (which registers nothing), this one.
    pub fn live_brokers(&self, image: &MetadataImage) -> Vec<BrokerEndpoint> {
        if image.brokers().next().is_none() {
            return vec![self.own_endpoint()];
        }
        image
            .live_brokers()
            .map(|b| BrokerEndpoint {
                node_id: b.broker_id.0,
                host: b.host.clone(),
                port: b.port,
                rack: b.rack.clone(),
            })
            .collect()
    }

    /// A live broker by id.
    pub fn live_broker(&self, image: &MetadataImage, id: i32) -> Option<BrokerEndpoint> {
        if image.brokers().next().is_none() {
            return (id == self.node_id()).then(|| self.own_endpoint());
        }
        image
            .broker(strom_metadata::NodeId(id))
            .filter(|b| !b.fenced)
            .map(|b| BrokerEndpoint {
                node_id: id,
                host: b.host.clone(),
                port: b.port,
                rack: b.rack.clone(),
            })
    }

    fn own_endpoint(&self) -> BrokerEndpoint {
        BrokerEndpoint {
            node_id: self.node_id(),
            host: self.advertised_host.clone(),
            port: self.advertised_port,
            rack: self.config.broker_rack.clone(),
        }
    }

    /// The `controller_id` clients are told: this broker, since any broker forwards
    /// metadata changes to the active controller (Kafka's brokers in KRaft mode answer with
    /// an alive broker too). The active controller itself is in DescribeQuorum.
    pub fn controller_id(&self) -> i32 {
        self.node_id()
    }

    pub fn node_id(&self) -> i32 {
        self.config.node_id
    }

    pub fn supported_apis(&self) -> Vec<(ApiKey, i16, i16)> {
        crate::api_table::supported_apis()
    }

    /// Waits until the metadata committed so far is applied to this broker's partitions
    /// (after a handler changed it through the controller), for at most
    /// [`METADATA_APPLY_WAIT_MS_MAX`]: opening thousands of new partitions takes longer than a
    /// client waits for its answer. The change is committed either way; until it is applied a
    /// client sees what Kafka's clients see while brokers catch up (`LEADER_NOT_AVAILABLE`,
    /// `UNKNOWN_TOPIC_OR_PARTITION`) and retries. Returns whether it was applied in time.
    pub async fn wait_metadata_applied(&self) -> bool {
        let wait = Duration::from_millis(METADATA_APPLY_WAIT_MS_MAX);
        let applied = self.metadata.wait_applied(self.image().record_count());
        tokio::time::timeout(wait, applied).await.is_ok()
    }
}
