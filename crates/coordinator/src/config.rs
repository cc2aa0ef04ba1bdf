//! Every bound and timing the group coordinator enforces, with Kafka's broker config names and
//! defaults. Where Kafka's default is unbounded (`group.max.size` is `Integer.MAX_VALUE`),
//! Strom picks a finite one, because memory is bounded by configuration, not by clients.

/// The group coordinator's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCoordinatorConfig {
    /// `offsets.topic.num.partitions`: how groups spread over `__consumer_offsets`.
    pub offsets_topic_num_partitions: i32,
    /// `group.min.session.timeout.ms`: shortest session a classic member may ask for.
    pub group_min_session_timeout_ms: i32,
    /// `group.max.session.timeout.ms`: longest session a classic member may ask for.
    pub group_max_session_timeout_ms: i32,
    /// `group.initial.rebalance.delay.ms`: how long the first rebalance of an empty group
    /// waits for more members before it completes.
    pub group_initial_rebalance_delay_ms: i32,
    /// `group.max.size`: members per classic group.
    pub group_max_size: usize,
    /// How long a new classic member may wait in a join before it is dropped (Kafka's
    /// `GroupCoordinatorConfig.CLASSIC_GROUP_NEW_MEMBER_JOIN_TIMEOUT_MS`).
    pub group_new_member_join_timeout_ms: i32,
    /// Members that were handed an id by `MEMBER_ID_REQUIRED` and have not joined yet, per
    /// group: the bound on pending joins.
    pub group_max_pending_members: usize,
    /// Groups this coordinator holds at once (all kinds, all partitions).
    pub max_groups: usize,
    /// Bytes of protocol metadata (all protocols together) one classic member may send.
    pub member_metadata_max_bytes: usize,
    /// Protocols one classic member may offer in a join.
    pub member_max_protocols: usize,
    /// Bytes of an assignment the leader may hand one member in SyncGroup.
    pub member_assignment_max_bytes: usize,
    /// `offset.metadata.max.bytes`: metadata string of one committed offset.
    pub offset_metadata_max_bytes: usize,
    /// Committed partitions per group.
    pub group_max_committed_partitions: usize,
    /// `offsets.retention.minutes`, in ms: how long offsets of an empty group are kept.
    pub offsets_retention_ms: i64,
    /// `offsets.retention.check.interval.ms`: how often expired offsets are looked for.
    pub offsets_retention_check_interval_ms: i64,
    /// `group.consumer.heartbeat.interval.ms` (KIP-848).
    pub consumer_group_heartbeat_interval_ms: i32,
    /// `group.consumer.session.timeout.ms` (KIP-848).
    pub consumer_group_session_timeout_ms: i32,
    /// `group.consumer.max.size` (KIP-848).
    pub consumer_group_max_size: usize,
    /// Topics one KIP-848 member may subscribe to.
    pub consumer_group_max_subscribed_topics: usize,
    /// `group.consumer.assignors`: server-side assignors; the first is the default.
    pub consumer_group_assignors: Vec<String>,
    /// Seeds the generator of member ids, so a simulation replays the same ids.
    pub member_id_seed: u64,
}

/// Seven days, Kafka's `offsets.retention.minutes` default.
pub const DEFAULT_OFFSETS_RETENTION_MS: i64 = 7 * 24 * 60 * 60 * 1000;

impl Default for GroupCoordinatorConfig {
    fn default() -> Self {
        GroupCoordinatorConfig {
            offsets_topic_num_partitions: 50,
            group_min_session_timeout_ms: 6_000,
            group_max_session_timeout_ms: 1_800_000,
            group_initial_rebalance_delay_ms: 3_000,
            group_max_size: 10_000,
            group_new_member_join_timeout_ms: 300_000,
            group_max_pending_members: 10_000,
            max_groups: 100_000,
            member_metadata_max_bytes: 1024 * 1024,
            member_max_protocols: 64,
            member_assignment_max_bytes: 1024 * 1024,
            offset_metadata_max_bytes: 4096,
            group_max_committed_partitions: 100_000,
            offsets_retention_ms: DEFAULT_OFFSETS_RETENTION_MS,
            offsets_retention_check_interval_ms: 600_000,
            consumer_group_heartbeat_interval_ms: 5_000,
            consumer_group_session_timeout_ms: 45_000,
            consumer_group_max_size: 10_000,
            consumer_group_max_subscribed_topics: 10_000,
            consumer_group_assignors: vec!["uniform".to_string(), "range".to_string()],
            member_id_seed: 0x5EED,
        }
    }
}
