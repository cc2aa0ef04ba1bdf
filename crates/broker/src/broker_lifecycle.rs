//! A cluster broker's life as the controller sees it: it registers at start (a new
//! incarnation, which fences whatever its previous run led), heartbeats every
//! `broker.heartbeat.interval.ms`, and registers again if the controller no longer knows its
//! registration. The first heartbeat unfences it; a broker that stops heartbeating for
//! `broker.session.timeout.ms` is fenced by the active controller.
//!
//! The zero-configuration single node registers nothing: it is its own only broker.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use strom_metadata::controller::request::{ClusterIdClaim, ControllerReply, ControllerRequest};
use strom_metadata::{MetadataError, NodeId, RegisterBrokerRecord};
use tokio::sync::watch;

use crate::controller_channel::ControllerChannel;

/// Bounds on how long one heartbeat may wait for its answer.
const HEARTBEAT_TIMEOUT_MIN_MS: u64 = 500;
const HEARTBEAT_TIMEOUT_MAX_MS: u64 = 2_000;
/// Slack, for network delays, when telling a live twin from a crashed previous run by the
/// age of the registered incarnation's last heartbeat.
const DUPLICATE_AGE_MARGIN_MS: u64 = 500;

/// A broker's registration and heartbeats.
#[derive(Debug)]
pub struct BrokerLifecycle {
    channel: ControllerChannel,
    registration: RegisterBrokerRecord,
    cluster_id: ClusterIdClaim,
    interval: Duration,
    /// The epoch of the current registration (-1 before the first).
    epoch: AtomicI64,
    /// Set once the broker stops: no heartbeat may follow the controlled shutdown (it would
    /// unfence the broker again).
    stopping: AtomicBool,
    /// Held while a heartbeat is in flight, so the shutdown waits for it.
    in_flight: tokio::sync::Mutex<()>,
}

impl BrokerLifecycle {
    pub fn new(
        channel: ControllerChannel,
        registration: RegisterBrokerRecord,
        cluster_id: ClusterIdClaim,
        interval: Duration,
    ) -> Self {
        BrokerLifecycle {
            channel,
            registration,
            cluster_id,
            interval,
            epoch: AtomicI64::new(-1),
            stopping: AtomicBool::new(false),
            in_flight: tokio::sync::Mutex::new(()),
        }
    }

    pub fn broker_id(&self) -> NodeId {
        self.registration.broker_id
    }

    /// Registers and sends the first heartbeat, which unfences this broker; retried while
    /// no controller answers, or while the previous incarnation of this node's registration
    /// is still within its session (as after a crash), until `patience` runs out. A second
    /// live process with this `node.id` is refused once the registered one is seen to
    /// heartbeat after the first refusal (a few seconds); a data directory of another
    /// cluster is refused at once.
    pub async fn register_and_unfence(&self, patience: Duration) -> Result<i64, MetadataError> {
        let started = tokio::time::Instant::now();
        let mut first_refusal: Option<tokio::time::Instant> = None;
        loop {
            let attempt = async {
                let epoch = self.register().await?;
                self.heartbeat(epoch).await?;
                Ok::<_, MetadataError>(epoch)
            };
            match attempt.await {
                Ok(epoch) => return Ok(epoch),
                Err(e @ MetadataError::InconsistentClusterId { .. }) => return Err(e),
                Err(e) if started.elapsed() >= patience => return Err(e),
                Err(
                    e @ MetadataError::DuplicateBrokerRegistration {
                        heartbeat_age_ms, ..
                    },
                ) => {
                    // A crashed previous run of this node never heartbeats again: the age
                    // the controller reports grows with the time since the first refusal.
                    // A live twin heartbeats every interval, so its age falls below that
                    // time: it is refused now, as Kafka's controller refuses it.
                    let now = tokio::time::Instant::now();
                    let since_first = now - *first_refusal.get_or_insert(now);
                    let margin = Duration::from_millis(DUPLICATE_AGE_MARGIN_MS);
                    if since_first > self.interval + margin
                        && Duration::from_millis(heartbeat_age_ms) + margin < since_first
                    {
                        return Err(e);
                    }
                    tracing::warn!(broker = %self.broker_id(), heartbeat_age_ms,
                        "another incarnation of this node.id is registered: waiting to see \
                         whether it still heartbeats or its session runs out");
                    tokio::time::sleep(Duration::from_millis(1_000)).await;
                }
                Err(e) => {
                    tracing::info!(error = %e, "registering with the controller; retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
            }
        }
    }

    async fn register(&self) -> Result<i64, MetadataError> {
        let request = ControllerRequest::RegisterBroker {
            registration: self.registration.clone(),
            cluster_id: self.cluster_id.clone(),
        };
        match self.channel.call(request).await?.reply {
            ControllerReply::Registered { epoch } => {
                self.epoch.store(epoch, Ordering::Release);
                tracing::info!(broker = %self.broker_id(), epoch, "registered with the controller");
                Ok(epoch)
            }
            other => Err(MetadataError::NotCommitted {
                reason: format!("a registration answered with {other:?}"),
            }),
        }
    }

    /// One heartbeat, given up after a heartbeat interval (at least 500 ms, at most 2 s,
    /// Kafka's `controller.quorum.request.timeout.ms`): a heartbeat stuck on a controller
    /// that stopped answering (paused, cut off, deposed) must not hold back the next one,
    /// which goes to whichever controller is active by then. Otherwise the broker is fenced
    /// by the new active controller while it waits on the old one.
    async fn heartbeat(&self, epoch: i64) -> Result<(), MetadataError> {
        let request = ControllerRequest::BrokerHeartbeat {
            broker_id: self.broker_id(),
            epoch,
        };
        let patience = self.interval.clamp(
            Duration::from_millis(HEARTBEAT_TIMEOUT_MIN_MS),
            Duration::from_millis(HEARTBEAT_TIMEOUT_MAX_MS),
        );
        self.channel
            .call_within(request, Some(patience))
            .await
            .map(|_| ())
    }

    /// Asks the active controller to fence this broker and move its leaderships now, as it
    /// stops; gives up after `patience` (its session then runs out instead).
    pub async fn shut_down(&self, patience: Duration) {
        self.stopping.store(true, Ordering::Release);
        let _no_heartbeat = self.in_flight.lock().await;
        let request = ControllerRequest::ControlledShutdown {
            broker_id: self.broker_id(),
            epoch: self.epoch.load(Ordering::Acquire),
        };
        match tokio::time::timeout(patience, self.channel.call(request)).await {
            Ok(Ok(_)) => tracing::info!("controlled shutdown: leaderships given up"),
            Ok(Err(e)) => tracing::warn!(error = %e, "controlled shutdown refused"),
            Err(_) => tracing::warn!("controlled shutdown not answered in time"),
        }
    }

    /// Heartbeats until `shutdown` turns true, registering again when the controller lost
    /// or replaced the registration.
    pub async fn run(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) {
        loop {
            tokio::select! {
                _ = shutdown.wait_for(|stop| *stop) => return,
                _ = tokio::time::sleep(self.interval) => {}
            }
            let _in_flight = self.in_flight.lock().await;
            if self.stopping.load(Ordering::Acquire) {
                return;
            }
            let epoch = self.epoch.load(Ordering::Acquire);
            match self.heartbeat(epoch).await {
                Ok(()) => {}
                Err(MetadataError::BrokerNotRegistered { .. })
                | Err(MetadataError::StaleBrokerEpoch { .. }) => {
                    tracing::warn!(broker = %self.broker_id(),
                        "the controller does not know this registration; registering again");
                    if let Err(e) = self.register().await {
                        tracing::warn!(error = %e, "registering again failed");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "heartbeat failed"),
            }
        }
    }
}
