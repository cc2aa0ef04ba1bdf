//! DescribeLogDirs: the data directory and, per partition asked for (every partition when
//! `topics` is null), its size on disk. A single node has one log directory and no replica
//! lag (`offset_lag` 0) and no future replicas being moved. Volume sizes (v4+) are reported
//! as unknown (-1), Kafka's value when it cannot read them.
//!
//! The partitions asked for are a set, as in Kafka; partitions past `response.max.bytes`
//! are left out and the result carries `POLICY_VIOLATION` (the response has no per-partition
//! error).

use std::collections::BTreeMap;
use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_log_dirs_response::{
    DescribeLogDirsPartition, DescribeLogDirsResult, DescribeLogDirsTopic,
};
use strom_protocol::generated::{DescribeLogDirsRequest, DescribeLogDirsResponse};
use strom_storage::TopicPartition;

use crate::context::Broker;
use crate::handlers::{ResponseBound, dedupe_partitions};

/// Kafka's `DescribeLogDirsResponse.UNKNOWN_VOLUME_BYTES`.
const UNKNOWN_VOLUME_BYTES: i64 = -1;

pub async fn handle(
    broker: &Arc<Broker>,
    request: DescribeLogDirsRequest,
    version: i16,
) -> DescribeLogDirsResponse {
    let wanted = request.topics.map(|topics| {
        dedupe_partitions(topics.into_iter().map(|t| {
            let partitions = t.partitions.into_iter().map(|p| (p, ())).collect();
            (t.topic, partitions)
        }))
    });
    let mut bound = ResponseBound::new(broker.config.response_max_bytes, version);
    let mut cut = false;
    let mut topics: BTreeMap<String, Vec<DescribeLogDirsPartition>> = BTreeMap::new();
    let wanted: Option<Vec<TopicPartition>> = wanted.map(|wanted| {
        wanted
            .iter()
            .flat_map(|(topic, partitions)| {
                partitions
                    .iter()
                    .map(|(p, ())| TopicPartition::new(topic.clone(), *p))
            })
            .collect()
    });
    let partitions = broker.replica_manager.partition_infos(wanted.as_deref());
    for partition in partitions {
        let tp = &partition.topic_partition;
        let entry = DescribeLogDirsPartition {
            partition_index: tp.partition,
            partition_size: i64::try_from(partition.size_bytes).unwrap_or(i64::MAX),
            offset_lag: 0,
            is_future_key: false,
            ..DescribeLogDirsPartition::default()
        };
        // A new topic entry costs its name too; counted with its first partition.
        let name_bytes = if topics.contains_key(&tp.topic) {
            0
        } else {
            tp.topic.len() + 8
        };
        if cut || !bound.fits(&entry) || !bound.fits_bytes(name_bytes) {
            cut = true;
            continue;
        }
        topics.entry(tp.topic.clone()).or_default().push(entry);
    }
    let data_dir = broker
        .config
        .data_dir
        .canonicalize()
        .unwrap_or_else(|_| broker.config.data_dir.clone());
    let result = DescribeLogDirsResult {
        error_code: if cut {
            ErrorCode::PolicyViolation.code()
        } else {
            ErrorCode::None.code()
        },
        log_dir: data_dir.display().to_string(),
        topics: topics
            .into_iter()
            .map(|(name, mut partitions)| {
                partitions.sort_by_key(|p| p.partition_index);
                DescribeLogDirsTopic {
                    name,
                    partitions,
                    ..DescribeLogDirsTopic::default()
                }
            })
            .collect(),
        total_bytes: UNKNOWN_VOLUME_BYTES,
        usable_bytes: UNKNOWN_VOLUME_BYTES,
        ..DescribeLogDirsResult::default()
    };
    DescribeLogDirsResponse {
        error_code: ErrorCode::None.code(),
        results: vec![result],
        ..DescribeLogDirsResponse::default()
    }
}
