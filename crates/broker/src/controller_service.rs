//! The controller side of a cluster node: serving the requests other brokers send to the
//! controller listener, and the timer with which the active controller fences brokers whose
//! heartbeats stopped.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use strom_metadata::controller::request::ControllerEnvelope;
use strom_metadata::quorum::{ControllerEndpoint, ControllerResult};
use strom_metadata::{Controller, MetadataError};
use strom_storage::Clock;
use tokio::sync::watch;

use crate::controller_channel::ControllerChannel;

/// Serves requests from other brokers with this node's controller (which refuses them
/// unless it is the active one).
pub struct LocalEndpoint(pub ControllerChannel);

impl ControllerEndpoint for LocalEndpoint {
    fn serve(
        &self,
        envelope: ControllerEnvelope,
    ) -> Pin<Box<dyn Future<Output = ControllerResult> + Send>> {
        let channel = self.0.clone();
        Box::pin(async move { channel.serve_locally(envelope).await })
    }
}

/// How often the active controller looks for expired broker sessions, as a fraction of the
/// session timeout (and at least every second).
fn fence_check_interval(session_timeout_ms: u64) -> Duration {
    Duration::from_millis((session_timeout_ms / 4).clamp(50, 1_000))
}

/// While this node is the active controller, every `interval` moves leaders back to their
/// preferred replicas where a broker's share is off by more than `imbalance_percent`
/// (`auto.leader.rebalance.enable`), until `shutdown`.
pub async fn run_leader_rebalance(
    controller: Arc<Controller>,
    interval: Duration,
    imbalance_percent: u32,
    shutdown: watch::Receiver<bool>,
) {
    run_while_active(
        controller,
        interval,
        shutdown,
        "leader rebalance",
        move |c| c.rebalance_leaders(imbalance_percent).map(|_| ()),
    )
    .await;
}

/// Fences expired brokers while this node is the active controller, until `shutdown`.
pub async fn run_fencing(
    controller: Arc<Controller>,
    clock: Arc<dyn Clock>,
    session_timeout_ms: u64,
    shutdown: watch::Receiver<bool>,
) {
    let interval = fence_check_interval(session_timeout_ms);
    run_while_active(
        controller,
        interval,
        shutdown,
        "fencing expired brokers",
        move |c| {
            let now_ms = u64::try_from(clock.now().0).unwrap_or(0);
            c.fence_expired(now_ms).map(|_| ())
        },
    )
    .await;
}

/// Runs `job` on the blocking pool every `interval` while this node is the active
/// controller (a quorum member whose Raft leads), until `shutdown`. A job that finds it lost
/// the leadership meanwhile (`NotController`) is quiet; other failures are logged.
async fn run_while_active(
    controller: Arc<Controller>,
    interval: Duration,
    mut shutdown: watch::Receiver<bool>,
    what: &'static str,
    job: impl Fn(&Controller) -> Result<(), MetadataError> + Send + Sync + 'static,
) {
    let Some(node) = controller.quorum().cloned() else {
        return;
    };
    let job = Arc::new(job);
    loop {
        tokio::select! {
            _ = shutdown.wait_for(|stop| *stop) => return,
            _ = tokio::time::sleep(interval) => {}
        }
        if node.leader() != Some(node.id()) {
            continue;
        }
        let controller = Arc::clone(&controller);
        let job = Arc::clone(&job);
        match tokio::task::spawn_blocking(move || job(&controller)).await {
            Ok(Ok(())) | Ok(Err(MetadataError::NotController { .. })) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "{what} failed"),
            Err(e) => panic!("{what} panicked: {e}"),
        }
    }
}
