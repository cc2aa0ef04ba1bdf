//! The follower side of Kafka's replication throttle: a replica listed in its topic's
//! `follower.replication.throttled.replicas` (`partition:broker` entries, or `*`) that is not
//! in sync fetches at most `follower.replication.throttled.rate` bytes per second (a dynamic
//! broker config: this broker's, else the cluster default), so a reassignment or a replica
//! catching up does not take the whole network. In-sync replicas are never throttled.
//!
//! A token bucket holding at most one second of the rate: a fetcher leaves its throttled
//! partitions out of a fetch while the bucket is empty, and what they bring is taken from it.

use std::sync::Mutex;
use std::time::Duration;

use strom_metadata::{ConfigResource, MetadataImage, NodeId};
use strom_storage::TopicPartition;
use tokio::time::Instant;

const THROTTLED_REPLICAS: &str = "follower.replication.throttled.replicas";
const THROTTLED_RATE: &str = "follower.replication.throttled.rate";

/// Whether `tp`'s replica on `local` is throttled: listed, and not in sync.
pub(super) fn is_throttled(image: &MetadataImage, local: NodeId, tp: &TopicPartition) -> bool {
    let Some(listed) = image.topic_config(&tp.topic, THROTTLED_REPLICAS) else {
        return false;
    };
    let entry = format!("{}:{}", tp.partition, local.0);
    let named = listed
        .split(',')
        .map(str::trim)
        .any(|e| e == "*" || e == entry);
    let in_sync = image
        .topic(&tp.topic)
        .and_then(|t| t.partitions.get(&tp.partition))
        .is_some_and(|p| p.isr.contains(&local));
    named && !in_sync
}

/// The rate this broker's throttled followers may fetch at, if one is set.
pub(super) fn throttled_rate(image: &MetadataImage, local: NodeId) -> Option<u64> {
    let own = image.configs(&ConfigResource::Broker(Some(local)));
    let default = image.configs(&ConfigResource::Broker(None));
    let value = own
        .and_then(|c| c.get(THROTTLED_RATE))
        .or_else(|| default.and_then(|c| c.get(THROTTLED_RATE)))?;
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|&r| r < i64::MAX as u64)
}

/// Bytes throttled replicas may still fetch, refilled at the rate.
#[derive(Debug)]
pub(super) struct Bucket {
    state: Mutex<(f64, Instant)>,
}

impl Bucket {
    /// An empty bucket at `now`.
    pub(super) fn new(now: Instant) -> Bucket {
        Bucket {
            state: Mutex::new((0.0, now)),
        }
    }

    /// Refills at `rate` up to `now` and says whether throttled partitions may fetch; if
    /// not, how long until they may.
    pub(super) fn admit(&self, rate: u64, now: Instant) -> Result<(), Duration> {
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
    pub(super) fn take(&self, bytes: usize) {
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
