//! One module per Kafka API, named after it. Each takes the decoded request and returns the
//! response body; failures become error codes in the response, never a dropped connection.
//!
//! What a client repeats is answered once: a handler that expands an entry into state of
//! the broker (a topic into its partitions, a partition into its producers, a group into its
//! members) first merges repeated entries, as Kafka's handlers do by keying them in maps
//! ([`dedupe_partitions`]). Responses that grow with the broker's state rather than with the
//! request are measured as they are built against `response.max.bytes`
//! ([`ResponseBound`]); entries past it are answered with `POLICY_VIOLATION`.

use std::collections::HashMap;
use std::hash::Hash;

use strom_protocol::wire::WireStruct;

pub mod add_offsets_to_txn;
pub mod add_partitions_to_txn;
pub mod alter_configs;
pub mod alter_partition_reassignments;
pub mod api_versions;
pub mod consumer_group_describe;
pub mod consumer_group_heartbeat;
pub mod create_partitions;
pub mod create_topics;
pub mod delete_groups;
pub mod delete_records;
pub mod delete_topics;
pub mod describe_cluster;
pub mod describe_configs;
pub mod describe_groups;
pub mod describe_log_dirs;
pub mod describe_producers;
pub mod describe_quorum;
pub mod describe_transactions;
pub mod elect_leaders;
pub mod end_txn;
pub mod fetch;
pub mod find_coordinator;
pub mod heartbeat;
pub mod incremental_alter_configs;
pub mod init_producer_id;
pub mod join_group;
pub mod leave_group;
pub mod list_groups;
pub mod list_offsets;
pub mod list_partition_reassignments;
pub mod list_transactions;
pub mod metadata;
pub mod offset_commit;
pub mod offset_delete;
pub mod offset_fetch;
pub mod offset_for_leader_epoch;
pub mod produce;
pub mod sync_group;
pub mod txn_offset_commit;
pub mod write_txn_markers;

/// Kafka's marker for "authorized operations not requested".
pub const AUTHORIZED_OPERATIONS_OMITTED: i32 = i32::MIN;

/// The encoded bytes of a response being built, against `response.max.bytes`.
#[derive(Debug)]
pub struct ResponseBound {
    left: usize,
    version: i16,
}

impl ResponseBound {
    pub fn new(max_bytes: usize, version: i16) -> ResponseBound {
        ResponseBound {
            left: max_bytes,
            version,
        }
    }

    /// Whether `entry` still fits; if it does it is counted. Once one entry does not fit no
    /// later one does either, so a response is a prefix of what was asked plus errors.
    pub fn fits<T: WireStruct>(&mut self, entry: &T) -> bool {
        self.fits_bytes(entry.size(self.version).unwrap_or(usize::MAX))
    }

    /// Whether `size` more bytes fit; counted if they do.
    pub fn fits_bytes(&mut self, size: usize) -> bool {
        if size <= self.left {
            self.left -= size;
            true
        } else {
            self.left = 0;
            false
        }
    }
}

/// Merges repeated topics and partitions: one entry per topic in the order first named, one
/// per partition within it, a later value for the same partition replacing the earlier one
/// (Kafka's handlers key them in maps to the same effect).
pub fn dedupe_partitions<K, T>(
    topics: impl IntoIterator<Item = (K, Vec<(i32, T)>)>,
) -> Vec<(K, Vec<(i32, T)>)>
where
    K: Eq + Hash + Clone,
{
    let mut topic_at: HashMap<K, usize> = HashMap::new();
    let mut out: Vec<(K, Vec<(i32, T)>)> = Vec::new();
    let mut partition_at: Vec<HashMap<i32, usize>> = Vec::new();
    for (topic, partitions) in topics {
        let t = *topic_at.entry(topic.clone()).or_insert_with(|| {
            out.push((topic, Vec::new()));
            partition_at.push(HashMap::new());
            out.len() - 1
        });
        for (partition, value) in partitions {
            let entries = &mut out[t].1;
            match partition_at[t].get(&partition) {
                Some(&i) => entries[i].1 = value,
                None => {
                    partition_at[t].insert(partition, entries.len());
                    entries.push((partition, value));
                }
            }
        }
    }
    out
}

/// The first occurrence of each item, in order.
pub fn dedupe<T: Eq + Hash + Clone>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|i| seen.insert(i.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_topics_and_partitions_merge_in_first_seen_order() {
        // Two entries for one topic become one, a partition named twice keeps the later value
        // at its first position, and topics keep the order they were first named in.
        let merged = dedupe_partitions(vec![
            ("b", vec![(0, 'x'), (1, 'y')]),
            ("a", vec![(0, 'p')]),
            ("b", vec![(0, 'z'), (2, 'w')]),
        ]);
        assert_eq!(
            merged,
            vec![
                ("b", vec![(0, 'z'), (1, 'y'), (2, 'w')]),
                ("a", vec![(0, 'p')])
            ]
        );
        assert_eq!(dedupe(vec![3, 1, 3, 2, 1]), vec![3, 1, 2]);
    }
}
