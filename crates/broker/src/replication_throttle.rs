//! Kafka's replication throttles, both sides, so that a reassignment or a replica catching
//! up does not take the whole network. Each side has its own topic list and broker rate:
//! - the follower side: a replica listed in its topic's `follower.replication.throttled.replicas`
//!   (`partition:broker` entries with this broker's id, or `*`) that is not in sync fetches at
//!   most `follower.replication.throttled.rate` bytes per second;
//! - the leader side: a partition listed in `leader.replication.throttled.replicas` with this
//!   (the leader's) broker id, or `*`, sends a follower that is not in sync at most
//!   `leader.replication.throttled.rate` bytes per second, summed over every such follower
//!   (Kafka's leader quota: over it, those partitions are answered without records).
//!
//! The rates are dynamic broker configs: this broker's, else the cluster default. In-sync
//! replicas are never throttled. Each side keeps one token bucket per broker holding at most
//! one second of its rate: while it is empty the throttled partitions are left out, and what
//! they carry is taken from it.

use std::sync::Mutex;
use std::time::Duration;

use strom_metadata::{ConfigResource, MetadataImage, NodeId};
use strom_storage::TopicPartition;
use tokio::time::Instant;

/// Which end of replication a throttle holds back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The follower's fetching.
    Follower,
    /// The leader's answers to followers.
    Leader,
}

impl Side {
    fn replicas_config(self) -> &'static str {
        match self {
            Side::Follower => "follower.replication.throttled.replicas",
            Side::Leader => "leader.replication.throttled.replicas",
        }
    }

    fn rate_config(self) -> &'static str {
        match self {
            Side::Follower => "follower.replication.throttled.rate",
            Side::Leader => "leader.replication.throttled.rate",
        }
    }
}

/// Whether `side`'s throttle on broker `local` holds back `tp` for `replica`: `tp` is listed
/// for `local` (or `*`), and `replica` (the follower; `local` itself on the follower side) is
/// not in the partition's ISR.
pub fn is_throttled(
    image: &MetadataImage,
    side: Side,
    local: NodeId,
    tp: &TopicPartition,
    replica: NodeId,
) -> bool {
    let Some(listed) = image.topic_config(&tp.topic, side.replicas_config()) else {
        return false;
    };
    let entry = format!("{}:{}", tp.partition, local.0);
    let named = listed
        .split(',')
        .map(str::trim)
        .any(|e| e == "*" || e == entry);
    named && !in_sync(image, tp, replica)
}

fn in_sync(image: &MetadataImage, tp: &TopicPartition, replica: NodeId) -> bool {
    image
        .topic(&tp.topic)
        .and_then(|t| t.partitions.get(&tp.partition))
        .is_some_and(|p| p.isr.contains(&replica))
}

/// The rate `side`'s throttle holds broker `local` to, if one is set.
pub fn throttled_rate(image: &MetadataImage, side: Side, local: NodeId) -> Option<u64> {
    let own = image.configs(&ConfigResource::Broker(Some(local)));
    let default = image.configs(&ConfigResource::Broker(None));
    let value = own
        .and_then(|c| c.get(side.rate_config()))
        .or_else(|| default.and_then(|c| c.get(side.rate_config())))?;
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|&r| r < i64::MAX as u64)
}

/// Bytes throttled replicas may still move, refilled at the rate.
#[derive(Debug)]
pub struct Bucket {
    state: Mutex<(f64, Instant)>,
}

impl Bucket {
    /// An empty bucket at `now`.
    pub fn new(now: Instant) -> Bucket {
        Bucket {
            state: Mutex::new((0.0, now)),
        }
    }

    /// Refills at `rate` up to `now` and says whether throttled partitions may fetch; if
    /// not, how long until they may.
    pub fn admit(&self, rate: u64, now: Instant) -> Result<(), Duration> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let elapsed = now.duration_since(state.1).as_secs_f64();
        state.0 = (state.0 + elapsed * rate as f64).min(rate as f64);
        state.1 = now;
        if state.0 > 0.0 {
            return Ok(());
        }
        let wait = (-state.0 + 1.0) / (rate.max(1) as f64);
        Err(Duration::from_secs_f64(wait.min(1.0)))
    }

    /// Throttled partitions brought `bytes`.
    pub fn take(&self, bytes: usize) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.0 -= bytes as f64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_lets_through_about_the_rate_per_second() {
        let start = Instant::now();
        let bucket = Bucket::new(start);
        let now = start + Duration::from_secs(1);
        assert!(bucket.admit(1_000, now).is_ok());
        bucket.take(1_500);
        let wait = bucket.admit(1_000, now).unwrap_err();
        assert!(
            wait > Duration::from_millis(400) && wait <= Duration::from_secs(1),
            "{wait:?}"
        );
        assert!(bucket.admit(1_000, now + wait).is_ok());
        // Never more than one second of the rate saved up.
        let later = now + wait + Duration::from_secs(60);
        assert!(bucket.admit(1_000, later).is_ok());
        bucket.take(1_001);
        assert!(bucket.admit(1_000, later).is_err());
    }
}
