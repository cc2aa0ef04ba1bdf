//! [`MetadataView`]: the narrow handle to metadata that handlers and services get: the
//! current image, changes committed through the controller (on the blocking pool, since the
//! metadata log fsyncs), and a wait until the metadata listener has applied an image, so a
//! request that created a topic answers only once the topic's partitions are open here.

use std::sync::Arc;

use strom_metadata::{Controller, MetadataError, MetadataImage};
use tokio::sync::watch;

/// The current metadata and the way to change it.
#[derive(Debug, Clone)]
pub struct MetadataView {
    controller: Arc<Controller>,
    /// The record count of the newest image the listener has applied.
    applied: watch::Receiver<u64>,
}

impl MetadataView {
    pub fn new(controller: Arc<Controller>, applied: watch::Receiver<u64>) -> Self {
        MetadataView {
            controller,
            applied,
        }
    }

    /// The latest committed image (it may not be applied to partitions yet).
    pub fn image(&self) -> Arc<MetadataImage> {
        self.controller.image()
    }

    pub fn controller(&self) -> &Arc<Controller> {
        &self.controller
    }

    /// Runs a controller change on the blocking pool, then waits until the listener has
    /// applied the image it produced.
    pub async fn commit<T: Send + 'static>(
        &self,
        change: impl FnOnce(&Controller) -> Result<T, MetadataError> + Send + 'static,
    ) -> Result<T, MetadataError> {
        let controller = Arc::clone(&self.controller);
        let result = tokio::task::spawn_blocking(move || change(&controller))
            .await
            .unwrap_or_else(|e| panic!("metadata change panicked: {e}"));
        self.wait_applied(self.image().record_count()).await;
        result
    }

    /// Waits until the listener has applied an image of at least `record_count` records.
    pub async fn wait_applied(&self, record_count: u64) {
        let mut applied = self.applied.clone();
        // An error means the listener stopped (shutdown): nothing more will be applied.
        let _ = applied.wait_for(|count| *count >= record_count).await;
    }
}
