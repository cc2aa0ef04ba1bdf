//! Fencing a broker whose process is gone, without waiting out its session.
//!
//! Kafka's controller fences a broker only when `broker.session.timeout.ms` (9 s) passes
//! without a heartbeat, so a SIGKILLed leader's partitions wait that long for a new leader.
//! Strom's active controller also probes the client listener of every broker whose
//! heartbeats are late (one `broker.heartbeat.interval.ms` and half a second more): if the
//! connection is refused, no process listens there any more, and the broker is fenced at once
//! ([`Controller::fence_gone`]), its leaderships moving as on a session timeout. A broker
//! that is paused, overloaded or cut off does not refuse (the connection hangs or times out),
//! so only its session fences it; a broker heard from again since it was found late is left
//! alone. Listeners registered at an unspecified address (0.0.0.0, ::) are not probed: the
//! probe would reach this host, not the broker's.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use strom_metadata::Controller;
use strom_metadata::controller::brokers::LateBroker;
use strom_storage::Clock;
use tokio::sync::watch;

/// How often the late brokers are looked for.
const PROBE_INTERVAL: Duration = Duration::from_millis(250);
/// How long a probe waits for its connection: a paused or cut-off broker's hangs.
const CONNECT_TIMEOUT: Duration = Duration::from_millis(500);
/// Heartbeats later than the interval by this much make a broker late.
const LATE_MARGIN_MS: u64 = 500;

/// While this node is the active controller, fences late brokers whose listener refuses
/// connections, until `shutdown`.
pub async fn run_gone_broker_probe(
    controller: Arc<Controller>,
    clock: Arc<dyn Clock>,
    heartbeat_interval_ms: u64,
    mut shutdown: watch::Receiver<bool>,
) {
    let Some(node) = controller.quorum().cloned() else {
        return;
    };
    let late_ms = heartbeat_interval_ms.saturating_add(LATE_MARGIN_MS);
    loop {
        tokio::select! {
            _ = shutdown.wait_for(|stop| *stop) => return,
            _ = tokio::time::sleep(PROBE_INTERVAL) => {}
        }
        if node.leader() != Some(node.id()) {
            continue;
        }
        let now_ms = u64::try_from(clock.now().0).unwrap_or(0);
        for late in controller.late_brokers(now_ms, late_ms) {
            if refuses_connections(&late).await {
                fence(&controller, late).await;
            }
        }
    }
}

/// Whether `late`'s listener refuses a connection (nothing listens there).
async fn refuses_connections(late: &LateBroker) -> bool {
    if late
        .host
        .parse::<IpAddr>()
        .is_ok_and(|ip| ip.is_unspecified())
    {
        return false;
    }
    let connect = tokio::net::TcpStream::connect((late.host.as_str(), late.port as u16));
    match tokio::time::timeout(CONNECT_TIMEOUT, connect).await {
        Ok(Err(e)) => e.kind() == std::io::ErrorKind::ConnectionRefused,
        Ok(Ok(_)) | Err(_) => false,
    }
}

async fn fence(controller: &Arc<Controller>, late: LateBroker) {
    let controller = Arc::clone(controller);
    let id = late.broker_id;
    match tokio::task::spawn_blocking(move || controller.fence_gone(&late)).await {
        Ok(Ok(_)) | Ok(Err(strom_metadata::MetadataError::NotController { .. })) => {}
        Ok(Err(e)) => tracing::warn!(broker = %id, error = %e, "fencing a gone broker failed"),
        Err(e) => panic!("fencing a gone broker panicked: {e}"),
    }
}
