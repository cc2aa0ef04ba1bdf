//! Replaying the metadata log in pieces gives the image replaying it whole gives: for any
//! valid record sequence and any split point, applying the prefix, passing the image through
//! a snapshot (serialized and read back, as a node that restarts or catches up does), then
//! applying the rest, yields exactly the image of applying every record in order.

use proptest::prelude::*;
use strom_metadata::{
    BrokerFencingRecord, ClusterIdRecord, ConfigRecord, ConfigResource, ImageSnapshot,
    MetadataImage, MetadataRecord, NodeId, PartitionChangeRecord, PartitionRecord,
    ProducerIdsRecord, RegisterBrokerRecord, RemoveTopicRecord, TopicId, TopicRecord,
};

/// An abstract step; [`records`] turns a sequence of them into records that fit the image
/// they are applied to, skipping steps that would not.
#[derive(Debug, Clone)]
enum Step {
    CreateTopic(u8),
    AddPartition(u8),
    ChangePartition {
        topic: u8,
        partition: u8,
        leader: Option<u8>,
        shrink_isr: bool,
    },
    RemoveTopic(u8),
    SetConfig {
        topic: Option<u8>,
        name: u8,
        value: Option<u8>,
    },
    ProducerIds(u8),
    RegisterBroker(u8),
    Fence {
        broker: u8,
        fenced: bool,
    },
    ClusterId,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0u8..6).prop_map(Step::CreateTopic),
        (0u8..6).prop_map(Step::AddPartition),
        (0u8..6, 0u8..4, proptest::option::of(0u8..3), any::<bool>()).prop_map(
            |(topic, partition, leader, shrink_isr)| Step::ChangePartition {
                topic,
                partition,
                leader,
                shrink_isr
            }
        ),
        (0u8..6).prop_map(Step::RemoveTopic),
        (
            proptest::option::of(0u8..6),
            0u8..3,
            proptest::option::of(0u8..5)
        )
            .prop_map(|(topic, name, value)| Step::SetConfig { topic, name, value }),
        (1u8..50).prop_map(Step::ProducerIds),
        (1u8..4).prop_map(Step::RegisterBroker),
        (1u8..4, any::<bool>()).prop_map(|(broker, fenced)| Step::Fence { broker, fenced }),
        Just(Step::ClusterId),
    ]
}

/// Valid records for `steps`, built against a running image.
fn records(steps: &[Step]) -> Vec<MetadataRecord> {
    let mut image = MetadataImage::default();
    let mut out = Vec::new();
    let mut next_id = 1u128;
    let names = |i: u8| format!("topic-{i}");
    for s in steps {
        let record = match s {
            Step::CreateTopic(i) if image.topic(&names(*i)).is_none() => {
                next_id += 1;
                Some(MetadataRecord::Topic(TopicRecord {
                    name: names(*i),
                    topic_id: TopicId::from_u128(next_id),
                }))
            }
            Step::AddPartition(i) => image.topic(&names(*i)).map(|t| {
                let replicas = vec![NodeId(1), NodeId(2), NodeId(3)];
                MetadataRecord::Partition(PartitionRecord {
                    topic_id: t.topic_id,
                    partition_id: t.partitions.len() as i32,
                    isr: replicas.clone(),
                    leader: NodeId(1),
                    replicas,
                    leader_epoch: 0,
                    partition_epoch: 0,
                })
            }),
            Step::ChangePartition {
                topic,
                partition,
                leader,
                shrink_isr,
            } => image
                .topic(&names(*topic))
                .filter(|t| t.partitions.contains_key(&i32::from(*partition)))
                .map(|t| {
                    MetadataRecord::PartitionChange(PartitionChangeRecord {
                        topic_id: t.topic_id,
                        partition_id: i32::from(*partition),
                        leader: leader.map(|l| NodeId(i32::from(l) + 1)),
                        isr: shrink_isr.then(|| vec![NodeId(1)]),
                        replicas: None,
                        elr: None,
                    })
                }),
            Step::RemoveTopic(i) => image.topic(&names(*i)).map(|t| {
                MetadataRecord::RemoveTopic(RemoveTopicRecord {
                    topic_id: t.topic_id,
                })
            }),
            Step::SetConfig { topic, name, value } => {
                let resource = match topic {
                    Some(i) => ConfigResource::Topic(names(*i)),
                    None => ConfigResource::Broker(None),
                };
                Some(MetadataRecord::Config(ConfigRecord {
                    resource,
                    name: format!("config.{name}"),
                    value: value.map(|v| v.to_string()),
                }))
            }
            Step::ProducerIds(n) => Some(MetadataRecord::ProducerIds(ProducerIdsRecord {
                next_producer_id: image.next_producer_id() + i64::from(*n),
            })),
            Step::RegisterBroker(b) => Some(MetadataRecord::RegisterBroker(RegisterBrokerRecord {
                broker_id: NodeId(i32::from(*b)),
                incarnation_id: uuid::Uuid::from_u128(next_id + u128::from(*b)),
                host: format!("host-{b}"),
                port: 9000 + i32::from(*b),
                rack: (*b % 2 == 0).then(|| "rack-a".to_string()),
            })),
            Step::Fence { broker, fenced } => image.broker(NodeId(i32::from(*broker))).map(|_| {
                MetadataRecord::BrokerFencing(BrokerFencingRecord {
                    broker_id: NodeId(i32::from(*broker)),
                    fenced: *fenced,
                })
            }),
            Step::ClusterId if image.cluster_id().is_none() => {
                Some(MetadataRecord::ClusterId(ClusterIdRecord {
                    cluster_id: "cluster-a".into(),
                }))
            }
            Step::CreateTopic(_) | Step::ClusterId => None,
        };
        if let Some(record) = record {
            image.apply(&record);
            out.push(record);
        }
    }
    out
}

fn through_snapshot(image: &MetadataImage) -> MetadataImage {
    let json = serde_json::to_vec(&image.to_snapshot()).expect("serializes");
    let snapshot: ImageSnapshot = serde_json::from_slice(&json).expect("deserializes");
    MetadataImage::from_snapshot(snapshot).expect("a snapshot of a real image loads")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_prefix_then_a_snapshot_then_the_rest_gives_the_whole_image(
        steps in proptest::collection::vec(step(), 0..80),
        split in any::<proptest::sample::Index>(),
    ) {
        let all = records(&steps);
        let whole = MetadataImage::from_records(&all);
        let at = split.index(all.len() + 1);
        let prefix = MetadataImage::from_records(&all[..at]);
        let mut resumed = through_snapshot(&prefix);
        prop_assert_eq!(&resumed, &prefix);
        for record in &all[at..] {
            resumed.apply(record);
        }
        prop_assert_eq!(resumed, whole);
    }
}
