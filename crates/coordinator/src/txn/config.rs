//! Every bound and timing the transaction coordinator enforces, with Kafka's broker config
//! names and defaults. Kafka leaves the number of transactional ids and of partitions per
//! transaction unbounded; Strom bounds both, because memory is bounded by configuration.

/// The transaction coordinator's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionCoordinatorConfig {
    /// `transaction.state.log.num.partitions`: how ids spread over `__transaction_state`.
    pub transaction_state_log_num_partitions: i32,
    /// `transaction.max.timeout.ms`: the longest `transaction_timeout_ms` a producer may ask.
    pub transaction_max_timeout_ms: i32,
    /// `transactional.id.expiration.ms`: how long an id may sit idle (Empty or Complete*)
    /// before it is forgotten.
    pub transactional_id_expiration_ms: i64,
    /// `transaction.remove.expired.transaction.cleanup.interval.ms`: how often idle ids are
    /// looked for.
    pub transaction_remove_expired_transaction_cleanup_interval_ms: i64,
    /// `offsets.topic.num.partitions`: AddOffsetsToTxn adds the group's partition of
    /// `__consumer_offsets`, so the coordinator must map groups the way the group side does.
    pub offsets_topic_num_partitions: i32,
    /// Transactional ids held at once (all partitions). A new id beyond it is refused with
    /// `COORDINATOR_NOT_AVAILABLE` until idle ids expire.
    pub max_transactional_ids: usize,
    /// Partitions one transaction may span. Beyond it AddPartitionsToTxn answers
    /// `UNKNOWN_SERVER_ERROR` for the new partitions, which is what Kafka answers when the
    /// transaction's record grows too large to append.
    pub transaction_max_partitions: usize,
    /// Transactions one batched (v4+) AddPartitionsToTxn may carry; beyond it the request is
    /// answered `INVALID_REQUEST` as a whole.
    pub add_partitions_max_transactions: usize,
}

/// Seven days, Kafka's `transactional.id.expiration.ms` default.
pub const DEFAULT_TRANSACTIONAL_ID_EXPIRATION_MS: i64 = 7 * 24 * 60 * 60 * 1000;

impl Default for TransactionCoordinatorConfig {
    fn default() -> Self {
        TransactionCoordinatorConfig {
            transaction_state_log_num_partitions: 50,
            transaction_max_timeout_ms: 900_000,
            transactional_id_expiration_ms: DEFAULT_TRANSACTIONAL_ID_EXPIRATION_MS,
            transaction_remove_expired_transaction_cleanup_interval_ms: 3_600_000,
            offsets_topic_num_partitions: 50,
            max_transactional_ids: 1_000_000,
            transaction_max_partitions: 10_000,
            add_partitions_max_transactions: 1_000,
        }
    }
}
