//! The metadata listener: the one place metadata changes reach the partitions and the
//! coordinators.
//!
//! The controller publishes every new image on a `watch` channel ([`ImagePublisher`]). The
//! listener keeps the image it applied last; for each newer image it computes the
//! [`MetadataDelta`] between the two, has the replica manager apply it on the blocking pool
//! (partitions opened, role changes, deletions, configs), loads the coordinator partitions
//! this broker was elected to lead (and unloads those it resigned), and only then publishes
//! the image's record count as applied. A handler that changed metadata waits for that count
//! ([`crate::metadata_view::MetadataView::wait_applied`]), so its answer comes once the
//! change is in effect here. A burst of changes coalesces into one delta: the watch channel
//! holds only the newest image, so nothing queues.

use std::sync::Arc;

use strom_metadata::{ImagePublisher, MetadataDelta, MetadataImage};
use tokio::sync::watch;

use crate::config::BrokerConfig;
use crate::coordinator::{GroupService, OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC, TxnService};
use crate::replica_fetcher::ReplicaFetchers;
use crate::replica_manager::{LeadershipChanges, ReplicaManager};
use crate::topic_config::log_config;

/// Hands each image the controller commits to the listener.
#[derive(Debug)]
pub struct WatchPublisher(pub watch::Sender<Arc<MetadataImage>>);

impl ImagePublisher for WatchPublisher {
    fn publish(&self, image: &Arc<MetadataImage>) {
        self.0.send_replace(Arc::clone(image));
    }
}

/// Applies images to this broker's partitions and coordinators, in order.
pub struct MetadataListener {
    replicas: Arc<ReplicaManager>,
    fetchers: Arc<ReplicaFetchers>,
    groups: Arc<GroupService>,
    txns: Arc<TxnService>,
    config: BrokerConfig,
    images: watch::Receiver<Arc<MetadataImage>>,
    applied: watch::Sender<u64>,
    last: Arc<MetadataImage>,
}

impl MetadataListener {
    pub fn new(
        replicas: Arc<ReplicaManager>,
        fetchers: Arc<ReplicaFetchers>,
        groups: Arc<GroupService>,
        txns: Arc<TxnService>,
        config: BrokerConfig,
        images: watch::Receiver<Arc<MetadataImage>>,
        applied: watch::Sender<u64>,
    ) -> Self {
        MetadataListener {
            replicas,
            fetchers,
            groups,
            txns,
            config,
            images,
            applied,
            last: Arc::new(MetadataImage::default()),
        }
    }

    /// Applies the newest published image (at start, before the broker serves).
    pub async fn apply_latest(&mut self) {
        let image = Arc::clone(&self.images.borrow_and_update());
        self.apply(image).await;
    }

    async fn apply(&mut self, image: Arc<MetadataImage>) {
        let delta = MetadataDelta::between(&self.last, &image);
        let count = image.record_count();
        // What KIP-848 subscriptions depend on: which topics exist and their partition counts.
        let topics_changed = !delta.created_topics.is_empty()
            || !delta.deleted_topics.is_empty()
            || delta.changed_partitions.iter().any(|c| {
                self.last
                    .topic_by_id(c.topic_id)
                    .is_some_and(|t| !t.partitions.contains_key(&c.partition.partition_id))
            });
        if !delta.is_empty() {
            let replicas = Arc::clone(&self.replicas);
            let config = self.config.clone();
            let next = Arc::clone(&image);
            let changes = tokio::task::spawn_blocking(move || {
                replicas.apply_delta(&delta, &next, &|topic| log_config(&next, &config, topic))
            })
            .await
            .unwrap_or_else(|e| panic!("applying metadata panicked: {e}"));
            self.fetchers.apply(&changes);
            self.move_coordinators(&changes).await;
            if topics_changed {
                self.groups.on_topics_changed(&image).await;
            }
        }
        self.last = image;
        self.applied.send_replace(count);
    }

    /// Loads the coordinator partitions this broker now leads and unloads those it left.
    async fn move_coordinators(&self, changes: &LeadershipChanges) {
        for tp in &changes.resigned {
            match tp.topic.as_str() {
                OFFSETS_TOPIC => self.groups.runtime().unload(tp.partition),
                TRANSACTION_STATE_TOPIC => self.txns.runtime().unload(tp.partition),
                _ => {}
            }
        }
        let mut loads = tokio::task::JoinSet::new();
        for elected in &changes.elected {
            let tp = &elected.topic_partition;
            let epoch = elected.leader_epoch;
            let partition = tp.partition;
            match tp.topic.as_str() {
                OFFSETS_TOPIC => {
                    let runtime = Arc::clone(self.groups.runtime());
                    loads.spawn(async move { runtime.load(partition, epoch).await });
                }
                TRANSACTION_STATE_TOPIC => {
                    let runtime = Arc::clone(self.txns.runtime());
                    loads.spawn(async move { runtime.load(partition, epoch).await });
                }
                _ => {}
            }
        }
        while loads.join_next().await.is_some() {}
    }

    /// Applies images as they are published, until `shutdown` turns true.
    pub async fn run(mut self, mut shutdown: watch::Receiver<bool>) {
        loop {
            tokio::select! {
                changed = self.images.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    let image = Arc::clone(&self.images.borrow_and_update());
                    self.apply(image).await;
                }
                _ = shutdown.changed() => return,
            }
        }
    }
}
