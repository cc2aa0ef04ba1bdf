//! The APIs this broker answers and the versions of each: what ApiVersions advertises, what
//! the connection accepts, and what `docs/compatibility.md` is generated from.
//!
//! The highest version of each is the newest stable one in our message specs (Kafka's own
//! pinned release, see `docs/protocol.md`), unless an entry caps it: a version the specs mark
//! unstable is never advertised, as Kafka does by default. The lowest follows Kafka 4, which
//! dropped the versions older than Kafka 2.1 (KIP-896): we never advertise a version Kafka
//! itself no longer serves (Produce v0-v2 would also need message formats v0 and v1, which
//! the log does not store). An API missing here is not advertised, and a request for it closes
//! the connection, as Kafka does for APIs it does not know.

use strom_protocol::generated::ApiKey;

/// One supported API: its key, the versions served, and why it is here.
#[derive(Debug, Clone, Copy)]
pub struct SupportedApi {
    pub api_key: ApiKey,
    pub min_version: i16,
    /// A cap below the specs' newest stable version, while a newer version's semantics are
    /// not served yet; `None` serves the newest.
    pub max_version: Option<i16>,
    pub note: &'static str,
}

const fn api(api_key: ApiKey, min_version: i16, note: &'static str) -> SupportedApi {
    SupportedApi {
        api_key,
        min_version,
        max_version: None,
        note,
    }
}

/// The newest version of `api_key` in the specs that is not marked unstable.
pub fn newest_stable_version(api_key: ApiKey) -> i16 {
    let (_, hi) = api_key.valid_versions();
    if api_key.latest_version_unstable() {
        hi - 1
    } else {
        hi
    }
}

/// Every API the broker answers, by api key.
pub const SUPPORTED_APIS: &[SupportedApi] = &[
    api(
        ApiKey::Produce,
        3,
        "acks 0/1/all, idempotent producers, refused records named in record_errors (v8+), \
         partitions added to transactions by the leader (v12, transaction version 2), topics by \
         id (v13)",
    ),
    api(
        ApiKey::Fetch,
        4,
        "long poll, size limits, isolation level, incremental fetch sessions (KIP-227)",
    ),
    api(
        ApiKey::ListOffsets,
        1,
        "earliest, latest, by timestamp, max timestamp; tiered-storage specs (-4, -5, -6) \
         answered as Kafka does without tiered storage",
    ),
    api(
        ApiKey::Metadata,
        0,
        "topic auto-creation, topic ids; top-level error code (v13) always NONE",
    ),
    api(
        ApiKey::ApiVersions,
        0,
        "KIP-511 fallback for versions newer than ours",
    ),
    api(
        ApiKey::CreateTopics,
        2,
        "partitions, replication factor (placed over live brokers, rack-aware) or explicit assignments, configs, validate_only",
    ),
    api(ApiKey::DeleteTopics, 1, "by name and by topic id"),
    api(
        ApiKey::InitProducerId,
        0,
        "idempotent and transactional producers (epoch bump, fencing, KIP-360)",
    ),
    api(
        ApiKey::DescribeConfigs,
        1,
        "topic and broker, with sources, synonyms, types, docs",
    ),
    api(ApiKey::AlterConfigs, 0, "topic and broker, validated"),
    api(
        ApiKey::CreatePartitions,
        0,
        "grow a topic; assignments name registered brokers",
    ),
    api(
        ApiKey::AlterPartitionReassignments,
        0,
        "add the target replicas, catch up, switch, remove the old; cancel; no replication \
         throttles; allow_replication_factor_change is not checked",
    ),
    api(
        ApiKey::ListPartitionReassignments,
        0,
        "from this broker's metadata image",
    ),
    api(
        ApiKey::ElectLeaders,
        0,
        "preferred and unclean elections, forwarded to the active controller",
    ),
    api(
        ApiKey::IncrementalAlterConfigs,
        0,
        "SET, DELETE, APPEND, SUBTRACT",
    ),
    api(
        ApiKey::DeleteRecords,
        0,
        "moves the log start offset; -1 means the high watermark",
    ),
    api(
        ApiKey::OffsetForLeaderEpoch,
        2,
        "from the leader-epoch cache; current epoch ends at the log end",
    ),
    api(
        ApiKey::DescribeLogDirs,
        1,
        "one log dir, partition sizes, volume total and usable bytes; never cordoned",
    ),
    api(
        ApiKey::DescribeCluster,
        0,
        "the live (unfenced) brokers and the active controller; broker endpoints only",
    ),
    api(
        ApiKey::DescribeQuorum,
        0,
        "forwarded to the active controller; voters and observers (broker-only nodes) with their \
         log ends; follower times from the leader's last successful replication to each",
    ),
    api(
        ApiKey::OffsetCommit,
        2,
        "durable before the reply; generation and member epoch checked; topics by id (v10+)",
    ),
    api(
        ApiKey::OffsetFetch,
        1,
        "one group (v1-v7) or several (v8+); all partitions when none named; topics by id \
         (v10+)",
    ),
    api(
        ApiKey::FindCoordinator,
        0,
        "groups and transactional ids; batched keys (v4+); creates __consumer_offsets",
    ),
    api(
        ApiKey::JoinGroup,
        0,
        "MEMBER_ID_REQUIRED (v4+), static members, initial rebalance delay",
    ),
    api(ApiKey::Heartbeat, 0, "classic groups"),
    api(
        ApiKey::LeaveGroup,
        0,
        "batched members by id or instance id (v3+)",
    ),
    api(ApiKey::SyncGroup, 0, "assignments relayed from the leader"),
    api(
        ApiKey::DescribeGroups,
        0,
        "members with metadata and assignments; GROUP_ID_NOT_FOUND for unknown groups (v6+)",
    ),
    api(
        ApiKey::ListGroups,
        0,
        "state filter (v4+), type filter (v5+)",
    ),
    api(ApiKey::DeleteGroups, 0, "empty groups only"),
    api(
        ApiKey::OffsetDelete,
        0,
        "refused for topics the group subscribes to",
    ),
    api(
        ApiKey::ConsumerGroupHeartbeat,
        0,
        "KIP-848 groups; server-side uniform and range assignors; regular-expression \
         subscriptions and client-generated member ids (v1)",
    ),
    api(
        ApiKey::ConsumerGroupDescribe,
        0,
        "KIP-848 groups; member type (v1)",
    ),
    api(
        ApiKey::AddPartitionsToTxn,
        0,
        "client path (v0-v3) and batched/verify-only broker path (v4+)",
    ),
    api(
        ApiKey::AddOffsetsToTxn,
        0,
        "adds the group's __consumer_offsets partition",
    ),
    api(
        ApiKey::EndTxn,
        0,
        "commit and abort; markers written once PrepareCommit/PrepareAbort is durable; v5 bumps the epoch per transaction (KIP-890 part 2)",
    ),
    api(
        ApiKey::TxnOffsetCommit,
        0,
        "offsets pending until the transaction's marker reaches __consumer_offsets",
    ),
    api(
        ApiKey::DescribeTransactions,
        0,
        "from the coordinator's state",
    ),
    api(
        ApiKey::WriteTxnMarkers,
        1,
        "writes commit/abort markers (admin abort of a hanging transaction); a coordinator \
         epoch above every coordinator's is refused; the transaction version of each marker (v2)",
    ),
    api(
        ApiKey::ListTransactions,
        0,
        "state, producer id, duration and transactional-id pattern (v2) filters",
    ),
    api(
        ApiKey::DescribeProducers,
        0,
        "from each log's producer state, open transaction starts",
    ),
];

impl SupportedApi {
    /// The highest version served.
    pub fn max_version(&self) -> i16 {
        self.max_version
            .unwrap_or_else(|| newest_stable_version(self.api_key))
    }
}

/// The `(min, max)` versions served for `api_key`, if it is served at all.
pub fn supported_range(api_key: ApiKey) -> Option<(i16, i16)> {
    let entry = SUPPORTED_APIS.iter().find(|s| s.api_key == api_key)?;
    Some((entry.min_version, entry.max_version()))
}

/// Every supported API with its version range, ordered by api key.
pub fn supported_apis() -> Vec<(ApiKey, i16, i16)> {
    let mut all: Vec<_> = SUPPORTED_APIS
        .iter()
        .map(|s| (s.api_key, s.min_version, s.max_version()))
        .collect();
    all.sort_by_key(|(key, _, _)| *key as i16);
    all
}

/// Why an API in the specs is not served, by family.
fn not_served_reason(key: ApiKey) -> &'static str {
    let name = key.name();
    if name.contains("ShareGroup") || name.starts_with("Share") {
        "share groups (KIP-932) are not implemented"
    } else if name.starts_with("StreamsGroup") {
        "streams groups (KIP-1071) are not implemented"
    } else if !key.listeners().contains(&"broker") {
        "KRaft controller-internal: served by controllers, not brokers"
    } else if name.contains("Acls") || name.starts_with("Sasl") || name.contains("Scram") {
        "no authentication or authorization yet"
    } else if name.contains("DelegationToken") {
        "no delegation tokens (needs authentication)"
    } else if name.contains("ClientQuotas") {
        "no client quotas yet"
    } else if name.contains("Telemetry") {
        "no client metrics (KIP-714) yet"
    } else if key == ApiKey::ListConfigResources {
        "not implemented yet (lists topics, brokers, groups and client-metrics resources)"
    } else if matches!(key, ApiKey::AlterReplicaLogDirs) {
        "one log directory per broker: nothing to move between directories"
    } else {
        "not implemented yet"
    }
}

/// The hand-written notes appended verbatim to the generated table.
const COMPATIBILITY_NOTES: &str = include_str!("../../../docs/compatibility-notes.md");

/// The compatibility table as Markdown, for `docs/compatibility.md`: every API key in the
/// specs, with Strom's versions next to Kafka's, followed by `docs/compatibility-notes.md`.
pub fn compatibility_markdown() -> String {
    let kafka = strom_protocol::KAFKA_SPECS_VERSION;
    let mut out = format!(
        "# Kafka API compatibility\n\n\
         Generated from the broker's own table (`crates/broker/src/api_table.rs`) by\n\
         `strom compat-table`; a test fails when this file and the table disagree. The Kafka\n\
         column is Apache Kafka {kafka}'s range, from the message specs the protocol code is\n\
         generated from; `*` marks a newest version those specs call unstable, which Kafka\n\
         does not advertise by default.\n\n\
         | API | key | Strom | Kafka {kafka} | notes |\n|---|---|---|---|---|\n",
    );
    for key in ApiKey::ALL {
        let (lo, hi) = key.valid_versions();
        let unstable = if key.latest_version_unstable() {
            "*"
        } else {
            ""
        };
        let (strom, note) = match SUPPORTED_APIS.iter().find(|s| s.api_key == key) {
            Some(s) => (format!("{}-{}", s.min_version, s.max_version()), s.note),
            None => ("not served".to_string(), not_served_reason(key)),
        };
        out.push_str(&format!(
            "| {} | {} | {strom} | {lo}-{hi}{unstable} | {note} |\n",
            key.name(),
            key as i16
        ));
    }
    out.push_str(
        "\nAPIs marked not served are not advertised in ApiVersions; a request for one closes \
         the connection.\n\n",
    );
    out.push_str(COMPATIBILITY_NOTES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_range_lies_within_the_specs() {
        // No API is advertised with a version our generated codec cannot decode.
        for (key, min, max) in supported_apis() {
            let (lo, hi) = key.valid_versions();
            assert!(lo <= min && min <= max && max <= hi, "{key:?}");
        }
    }

    #[test]
    fn unstable_versions_are_never_advertised() {
        // A version Kafka's specs still call unstable may change shape; serving it would bind
        // us to a draft.
        for (key, _, max) in supported_apis() {
            if key.latest_version_unstable() {
                assert!(max < key.valid_versions().1, "{key:?} advertises v{max}");
            }
        }
        assert!(ApiKey::InitProducerId.latest_version_unstable());
    }

    #[test]
    fn the_table_lists_every_api_key_once() {
        // Served or not, every key in the specs has its row, so a reader sees the gaps.
        let table = compatibility_markdown();
        for key in ApiKey::ALL {
            let row = format!("| {} | {} |", key.name(), key as i16);
            assert_eq!(table.matches(&row).count(), 1, "{key:?}");
        }
        assert!(table.ends_with(COMPATIBILITY_NOTES));
    }
}
