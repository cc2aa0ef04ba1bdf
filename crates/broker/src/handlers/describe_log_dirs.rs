//! DescribeLogDirs: the data directory and, per partition asked for (every partition when
//! `topics` is null), its size on disk. A single node has one log directory and no replica
//! lag (`offset_lag` 0) and no future replicas being moved. Volume sizes (v4+) are reported
//! as unknown (-1), Kafka's value when it cannot read them.

use std::collections::BTreeMap;
use std::sync::Arc;

use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_log_dirs_response::{
    DescribeLogDirsPartition, DescribeLogDirsResult, DescribeLogDirsTopic,
};
use strom_protocol::generated::{DescribeLogDirsRequest, DescribeLogDirsResponse};
use strom_storage::TopicPartition;

use crate::context::Broker;

/// Kafka's `DescribeLogDirsResponse.UNKNOWN_VOLUME_BYTES`.
const UNKNOWN_VOLUME_BYTES: i64 = -1;

pub async fn handle(
    broker: &Arc<Broker>,
    request: DescribeLogDirsRequest,
    _version: i16,
) -> DescribeLogDirsResponse {
    let wanted: Option<Vec<TopicPartition>> = request.topics.map(|topics| {
        topics
            .into_iter()
            .flat_map(|t| {
                let name = t.topic;
                t.partitions
                    .into_iter()
                    .map(move |p| TopicPartition::new(name.clone(), p))
            })
            .collect()
    });
    let mut topics: BTreeMap<String, Vec<DescribeLogDirsPartition>> = BTreeMap::new();
    let partitions = broker.replica_manager.partition_infos(wanted.as_deref());
    for partition in partitions {
        let tp = &partition.topic_partition;
        topics
            .entry(tp.topic.clone())
            .or_default()
            .push(DescribeLogDirsPartition {
                partition_index: tp.partition,
                partition_size: i64::try_from(partition.size_bytes).unwrap_or(i64::MAX),
                offset_lag: 0,
                is_future_key: false,
                ..DescribeLogDirsPartition::default()
            });
    }
    let data_dir = broker
        .config
        .data_dir
        .canonicalize()
        .unwrap_or_else(|_| broker.config.data_dir.clone());
    let result = DescribeLogDirsResult {
        error_code: ErrorCode::None.code(),
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
