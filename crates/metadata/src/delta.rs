//! [`MetadataDelta`]: what changed between two images, for the one listener that turns
//! metadata into partition roles.
//!
//! The listener keeps the image it last applied and, whenever a newer one is published,
//! applies the delta between the two. Taking the difference of images rather than queueing a
//! delta per record means a burst of changes coalesces into one pass and no queue grows with
//! the rate of changes; the result is the same, because an image is exactly what its records
//! produce.

use std::collections::BTreeSet;

use crate::image::{MetadataImage, PartitionImage, TopicImage};
use crate::record::ConfigResource;
use crate::types::TopicId;

/// A partition that is new, or whose assignment changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedPartition {
    pub topic_id: TopicId,
    pub topic: String,
    pub partition: PartitionImage,
}

/// A topic that no longer exists, as the older image knew it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletedTopic {
    pub topic_id: TopicId,
    pub name: String,
    pub partitions: Vec<i32>,
}

/// The difference between an older and a newer image.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetadataDelta {
    /// Topics whose id is in the newer image only (a topic re-created under an old name has
    /// a new id, so it is both deleted and created).
    pub created_topics: Vec<TopicId>,
    pub deleted_topics: Vec<DeletedTopic>,
    /// Partitions new or changed (leader, epochs, replicas, ISR), in topic and partition
    /// order.
    pub changed_partitions: Vec<ChangedPartition>,
    /// Resources whose configs differ; a broker-level change affects every topic's defaults.
    pub changed_configs: Vec<ConfigResource>,
}

impl MetadataDelta {
    /// What `newer` changes relative to `older`.
    pub fn between(older: &MetadataImage, newer: &MetadataImage) -> MetadataDelta {
        let mut delta = MetadataDelta::default();
        for old in older.topics() {
            if newer.topic_by_id(old.topic_id).is_none() {
                delta.deleted_topics.push(DeletedTopic {
                    topic_id: old.topic_id,
                    name: old.name.clone(),
                    partitions: old.partitions.keys().copied().collect(),
                });
            }
        }
        for topic in newer.topics() {
            let before = older.topic_by_id(topic.topic_id);
            if before.is_none() {
                delta.created_topics.push(topic.topic_id);
            }
            delta
                .changed_partitions
                .extend(changed_partitions(before, topic));
        }
        let resources: BTreeSet<&ConfigResource> = older
            .config_resources()
            .chain(newer.config_resources())
            .collect();
        delta.changed_configs = resources
            .into_iter()
            .filter(|r| older.configs(r) != newer.configs(r))
            .cloned()
            .collect();
        delta
    }

    pub fn is_empty(&self) -> bool {
        self.created_topics.is_empty()
            && self.deleted_topics.is_empty()
            && self.changed_partitions.is_empty()
            && self.changed_configs.is_empty()
    }

    /// Whether a broker-wide config (dynamic default or this node's) changed, which may
    /// change the effective config of every topic.
    pub fn broker_configs_changed(&self) -> bool {
        self.changed_configs
            .iter()
            .any(|r| matches!(r, ConfigResource::Broker(_)))
    }
}

fn changed_partitions(
    before: Option<&TopicImage>,
    after: &TopicImage,
) -> impl Iterator<Item = ChangedPartition> {
    after
        .partitions
        .values()
        .filter(move |p| before.and_then(|b| b.partitions.get(&p.partition_id)) != Some(*p))
        .map(|p| ChangedPartition {
            topic_id: after.topic_id,
            topic: after.name.clone(),
            partition: p.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{
        ConfigRecord, MetadataRecord, PartitionChangeRecord, PartitionRecord, RemoveTopicRecord,
        TopicRecord,
    };
    use crate::types::NodeId;

    fn topic(name: &str, id: TopicId, partitions: i32) -> Vec<MetadataRecord> {
        let mut records = vec![MetadataRecord::Topic(TopicRecord {
            name: name.into(),
            topic_id: id,
        })];
        for p in 0..partitions {
            records.push(MetadataRecord::Partition(PartitionRecord {
                topic_id: id,
                partition_id: p,
                replicas: vec![NodeId(1)],
                isr: vec![NodeId(1)],
                leader: NodeId(1),
                leader_epoch: 0,
                partition_epoch: 0,
            }));
        }
        records
    }

    fn image(records: &[MetadataRecord]) -> MetadataImage {
        MetadataImage::from_records(records)
    }

    #[test]
    fn creating_a_topic_lists_it_and_every_partition() {
        // A new topic is created with all its partitions changed; nothing else is.
        let a = TopicId::random();
        let old = image(&[]);
        let new = image(&topic("a", a, 3));
        let d = MetadataDelta::between(&old, &new);
        assert_eq!(d.created_topics, vec![a]);
        assert_eq!(d.changed_partitions.len(), 3);
        assert!(d.deleted_topics.is_empty() && d.changed_configs.is_empty());
        assert!(MetadataDelta::between(&new, &new).is_empty());
    }

    #[test]
    fn a_leader_epoch_bump_changes_only_that_partition() {
        // A PartitionChangeRecord re-electing the leader changes one partition, whose leader
        // epoch and partition epoch are one higher.
        let a = TopicId::random();
        let mut records = topic("a", a, 2);
        let old = image(&records);
        records.push(MetadataRecord::PartitionChange(PartitionChangeRecord {
            topic_id: a,
            partition_id: 1,
            leader: Some(NodeId(1)),
            isr: None,
            replicas: None,
            elr: None,
        }));
        let d = MetadataDelta::between(&old, &image(&records));
        assert_eq!(d.changed_partitions.len(), 1);
        let p = &d.changed_partitions[0].partition;
        assert_eq!(
            (p.partition_id, p.leader_epoch, p.partition_epoch),
            (1, 1, 1)
        );
    }

    #[test]
    fn a_topic_recreated_under_its_name_is_deleted_and_created() {
        // Deleting and re-creating a name between two images shows the old id deleted (with
        // its partitions) and the new one created, so the old log is never reused.
        let (old_id, new_id) = (TopicId::random(), TopicId::random());
        let mut records = topic("a", old_id, 2);
        let old = image(&records);
        records.push(MetadataRecord::RemoveTopic(RemoveTopicRecord {
            topic_id: old_id,
        }));
        records.extend(topic("a", new_id, 1));
        records.push(MetadataRecord::Config(ConfigRecord {
            resource: ConfigResource::Topic("a".into()),
            name: "retention.ms".into(),
            value: Some("5".into()),
        }));
        let d = MetadataDelta::between(&old, &image(&records));
        assert_eq!(d.deleted_topics.len(), 1);
        assert_eq!(d.deleted_topics[0].topic_id, old_id);
        assert_eq!(d.deleted_topics[0].partitions, vec![0, 1]);
        assert_eq!(d.created_topics, vec![new_id]);
        assert_eq!(d.changed_partitions.len(), 1);
        assert_eq!(d.changed_configs, vec![ConfigResource::Topic("a".into())]);
        assert!(!d.broker_configs_changed());
    }
}
