//! The APIs this broker answers and the versions of each: what ApiVersions advertises, what
//! the connection accepts, and what `docs/compatibility.md` is generated from.
//!
//! The highest version of each is the newest in our message specs. The lowest follows Kafka
//! 4.0, which dropped the versions older than Kafka 2.1 (KIP-896): we never advertise a
//! version Kafka itself no longer serves (Produce v0-v2 would also need message formats v0
//! and v1, which the log does not store). An API missing here is not advertised, and a request
//! for it closes the connection, as Kafka does for APIs it does not know.

use strom_protocol::generated::ApiKey;

/// One supported API: its key, the lowest version served, and why it is here.
#[derive(Debug, Clone, Copy)]
pub struct SupportedApi {
    pub api_key: ApiKey,
    pub min_version: i16,
    pub note: &'static str,
}

const fn api(api_key: ApiKey, min_version: i16, note: &'static str) -> SupportedApi {
    SupportedApi {
        api_key,
        min_version,
        note,
    }
}

/// Every API the broker answers, by api key.
pub const SUPPORTED_APIS: &[SupportedApi] = &[
    api(
        ApiKey::Produce,
        3,
        "acks 0/1/all, idempotent producers, refused records named in record_errors (v8+)",
    ),
    api(
        ApiKey::Fetch,
        4,
        "long poll, size limits, isolation level, incremental fetch sessions (KIP-227)",
    ),
    api(
        ApiKey::ListOffsets,
        1,
        "earliest, latest, by timestamp, max timestamp",
    ),
    api(ApiKey::Metadata, 0, "topic auto-creation, topic ids"),
    api(
        ApiKey::ApiVersions,
        0,
        "KIP-511 fallback for versions newer than ours",
    ),
    api(
        ApiKey::CreateTopics,
        2,
        "partitions, configs, validate_only; replication factor 1",
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
        "grow a topic; assignments must name this node",
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
        "one log dir, partition sizes; volume sizes unknown (-1)",
    ),
    api(
        ApiKey::DescribeCluster,
        0,
        "this node as broker and controller; broker endpoints only",
    ),
    api(
        ApiKey::OffsetCommit,
        2,
        "durable before the reply; generation and member epoch checked",
    ),
    api(
        ApiKey::OffsetFetch,
        1,
        "one group (v1-v7) or several (v8+); all partitions when none named",
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
        "members with metadata and assignments",
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
        "KIP-848 groups; server-side uniform and range assignors",
    ),
    api(ApiKey::ConsumerGroupDescribe, 0, "KIP-848 groups"),
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
        "writes commit/abort markers (admin abort of a hanging transaction)",
    ),
    api(
        ApiKey::ListTransactions,
        0,
        "state, producer id and duration filters",
    ),
    api(
        ApiKey::DescribeProducers,
        0,
        "from each log's producer state, open transaction starts",
    ),
];

/// The `(min, max)` versions served for `api_key`, if it is served at all.
pub fn supported_range(api_key: ApiKey) -> Option<(i16, i16)> {
    let entry = SUPPORTED_APIS.iter().find(|s| s.api_key == api_key)?;
    let (_, max) = api_key.valid_versions();
    Some((entry.min_version, max))
}

/// Every supported API with its version range, ordered by api key.
pub fn supported_apis() -> Vec<(ApiKey, i16, i16)> {
    let mut all: Vec<_> = SUPPORTED_APIS
        .iter()
        .map(|s| (s.api_key, s.min_version, s.api_key.valid_versions().1))
        .collect();
    all.sort_by_key(|(key, _, _)| *key as i16);
    all
}

/// The compatibility table as Markdown, for `docs/compatibility.md`.
pub fn compatibility_markdown() -> String {
    let mut out = String::from(
        "# Kafka API compatibility\n\n\
         Generated from the broker's own table (`crates/broker/src/api_table.rs`) by\n\
         `strom compat-table`; a test fails when this file and the table disagree.\n\n\
         | API | key | versions | notes |\n|---|---|---|---|\n",
    );
    for (key, min, max) in supported_apis() {
        let note = SUPPORTED_APIS
            .iter()
            .find(|s| s.api_key == key)
            .map_or("", |s| s.note);
        out.push_str(&format!(
            "| {} | {} | {min}-{max} | {note} |\n",
            key.name(),
            key as i16
        ));
    }
    out.push_str(
        "\nAPIs not listed are not advertised in ApiVersions; a request for one closes the \
         connection.\n",
    );
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
}
