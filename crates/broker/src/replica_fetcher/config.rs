//! The follower fetchers' settings, with Kafka's names and defaults.

/// `replica.*` settings of the replica fetchers and of the leader's ISR checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplicationConfig {
    /// `replica.lag.time.max.ms`: a follower not caught up for this long leaves the ISR.
    pub lag_time_max_ms: i64,
    /// `replica.fetch.wait.max.ms`: how long a follower's fetch may wait at the leader.
    pub fetch_wait_max_ms: i32,
    /// `replica.fetch.min.bytes`.
    pub fetch_min_bytes: i32,
    /// `replica.fetch.max.bytes`: bytes asked per partition (the first batch may pass it).
    pub fetch_max_bytes: i32,
    /// `replica.fetch.response.max.bytes`: bytes asked per fetch, over every partition: the
    /// bound on what one fetcher has in flight.
    pub fetch_response_max_bytes: i32,
    /// `replica.fetch.backoff.ms`: the pause after a failed fetch or a partition error.
    pub fetch_backoff_ms: u64,
    /// `replica.socket.timeout.ms`: how long a fetcher waits for the leader's answer.
    pub socket_timeout_ms: u64,
}

impl Default for ReplicationConfig {
    fn default() -> Self {
        ReplicationConfig {
            lag_time_max_ms: 30_000,
            fetch_wait_max_ms: 500,
            fetch_min_bytes: 1,
            fetch_max_bytes: 1024 * 1024,
            fetch_response_max_bytes: 10 * 1024 * 1024,
            fetch_backoff_ms: 1_000,
            socket_timeout_ms: 30_000,
        }
    }
}
