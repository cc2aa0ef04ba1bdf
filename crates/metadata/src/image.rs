//! The [`MetadataImage`]: the state that applying every metadata record in order produces.
//!
//! Images are immutable once published; a change builds the next image and swaps it in, so a
//! request handler reads one consistent snapshot for its whole request without holding a lock.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::record::{
    BrokerFencingRecord, ConfigResource, MetadataRecord, PartitionChangeRecord, PartitionRecord,
    RegisterBrokerRecord,
};
use crate::types::{NodeId, TopicId};

/// One partition as the metadata knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartitionImage {
    pub partition_id: i32,
    pub replicas: Vec<NodeId>,
    pub isr: Vec<NodeId>,
    /// Eligible leader replicas: out of the ISR, but holding everything below the high
    /// watermark (KIP-966, `controller::elr`). Disjoint from `isr`.
    #[serde(default)]
    pub elr: Vec<NodeId>,
    pub leader: NodeId,
    pub leader_epoch: i32,
    pub partition_epoch: i32,
}

/// One topic, its id and partitions.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicImage {
    pub name: String,
    pub topic_id: TopicId,
    pub partitions: BTreeMap<i32, PartitionImage>,
}

/// A registered broker: where clients reach it, and whether it is fenced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokerImage {
    pub broker_id: NodeId,
    /// The registration's epoch: the record count before its `RegisterBrokerRecord`.
    pub epoch: i64,
    pub incarnation_id: uuid::Uuid,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    pub fenced: bool,
}

/// Everything the metadata log says, as of `record_count` records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetadataImage {
    record_count: u64,
    topics: BTreeMap<String, TopicImage>,
    names_by_id: HashMap<TopicId, String>,
    configs: BTreeMap<ConfigResource, BTreeMap<String, String>>,
    next_producer_id: i64,
    /// Partitions over all topics.
    partition_count: usize,
    /// Registered brokers; none on the zero-configuration single node, which registers
    /// nothing and is its own only broker.
    brokers: BTreeMap<NodeId, BrokerImage>,
    /// The cluster's id, once a cluster's first broker registered.
    cluster_id: Option<String>,
    /// Reassignments in progress, by topic id and partition.
    reassignments: BTreeMap<(TopicId, i32), Reassignment>,
}

/// A partition moving from its `original` replicas to `target` ones: it holds both until
/// every target replica is in sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reassignment {
    pub target: Vec<NodeId>,
    pub original: Vec<NodeId>,
}

impl Reassignment {
    /// Replicas the reassignment adds.
    pub fn adding(&self) -> Vec<NodeId> {
        self.target
            .iter()
            .copied()
            .filter(|r| !self.original.contains(r))
            .collect()
    }

    /// Replicas it removes once complete.
    pub fn removing(&self) -> Vec<NodeId> {
        self.original
            .iter()
            .copied()
            .filter(|r| !self.target.contains(r))
            .collect()
    }
}

/// An image in serializable form, for Raft snapshots: exactly the facts applying records
/// builds (including how many records were applied), nothing derivable from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImageSnapshot {
    pub record_count: u64,
    /// Topics in name order, each with its partitions in id order.
    pub topics: Vec<TopicSnapshot>,
    /// Configs set, by resource, in resource and name order.
    pub configs: Vec<(ConfigResource, Vec<(String, String)>)>,
    pub next_producer_id: i64,
    /// Registered brokers in id order (absent from snapshots written before brokers
    /// registered).
    #[serde(default)]
    pub brokers: Vec<BrokerImage>,
    #[serde(default)]
    pub cluster_id: Option<String>,
    /// Reassignments in progress (absent from snapshots written before reassignments).
    #[serde(default)]
    pub reassignments: Vec<(TopicId, i32, Reassignment)>,
}

/// One topic of an [`ImageSnapshot`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicSnapshot {
    pub name: String,
    pub topic_id: TopicId,
    pub partitions: Vec<PartitionImage>,
}

impl MetadataImage {
    /// The image as a snapshot; [`MetadataImage::from_snapshot`] gives back an equal image.
    pub fn to_snapshot(&self) -> ImageSnapshot {
        ImageSnapshot {
            record_count: self.record_count,
            topics: self
                .topics
                .values()
                .map(|t| TopicSnapshot {
                    name: t.name.clone(),
                    topic_id: t.topic_id,
                    partitions: t.partitions.values().cloned().collect(),
                })
                .collect(),
            configs: self
                .configs
                .iter()
                .map(|(r, entries)| {
                    let entries = entries.iter().map(|(k, v)| (k.clone(), v.clone()));
                    (r.clone(), entries.collect())
                })
                .collect(),
            next_producer_id: self.next_producer_id,
            brokers: self.brokers.values().cloned().collect(),
            cluster_id: self.cluster_id.clone(),
            reassignments: self
                .reassignments
                .iter()
                .map(|(&(id, p), r)| (id, p, r.clone()))
                .collect(),
        }
    }

    /// Rebuilds an image from a snapshot. A snapshot arrives from disk or another node, so
    /// one that no sequence of records could have produced (a name or id twice) is an error
    /// naming what is wrong, not a panic.
    pub fn from_snapshot(snapshot: ImageSnapshot) -> Result<MetadataImage, String> {
        let mut image = MetadataImage {
            record_count: snapshot.record_count,
            next_producer_id: snapshot.next_producer_id,
            cluster_id: snapshot.cluster_id,
            ..MetadataImage::default()
        };
        for topic in snapshot.topics {
            if image.names_by_id.contains_key(&topic.topic_id) {
                return Err(format!("topic id {} appears twice", topic.topic_id));
            }
            let mut partitions = BTreeMap::new();
            for p in topic.partitions {
                if partitions.insert(p.partition_id, p).is_some() {
                    return Err(format!("topic {} repeats a partition", topic.name));
                }
            }
            image.partition_count += partitions.len();
            image.names_by_id.insert(topic.topic_id, topic.name.clone());
            let name = topic.name.clone();
            let previous = image.topics.insert(
                topic.name.clone(),
                TopicImage {
                    name: topic.name,
                    topic_id: topic.topic_id,
                    partitions,
                },
            );
            if previous.is_some() {
                return Err(format!("topic {name} appears twice"));
            }
        }
        for broker in snapshot.brokers {
            let id = broker.broker_id;
            if image.brokers.insert(id, broker).is_some() {
                return Err(format!("broker {id} appears twice"));
            }
        }
        for (id, p, r) in snapshot.reassignments {
            if image.reassignments.insert((id, p), r).is_some() {
                return Err(format!("a reassignment of {id}-{p} appears twice"));
            }
        }
        for (resource, entries) in snapshot.configs {
            let entries: BTreeMap<String, String> = entries.into_iter().collect();
            if image.configs.insert(resource.clone(), entries).is_some() {
                return Err(format!("configs of {resource:?} appear twice"));
            }
        }
        Ok(image)
    }

    /// Builds an image by applying `records` to an empty one.
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a MetadataRecord>) -> Self {
        let mut image = MetadataImage::default();
        for record in records {
            image.apply(record);
        }
        image
    }

    /// Applies one record. The controller only writes records that fit the image they were
    /// built against, so a record that does not fit means a corrupt log: that is a bug, and
    /// it asserts.
    pub fn apply(&mut self, record: &MetadataRecord) {
        self.record_count += 1;
        match record {
            MetadataRecord::Topic(topic) => {
                assert!(
                    !self.topics.contains_key(&topic.name),
                    "TopicRecord for existing topic {}",
                    topic.name
                );
                self.names_by_id.insert(topic.topic_id, topic.name.clone());
                self.topics.insert(
                    topic.name.clone(),
                    TopicImage {
                        name: topic.name.clone(),
                        topic_id: topic.topic_id,
                        partitions: BTreeMap::new(),
                    },
                );
            }
            MetadataRecord::Partition(partition) => self.apply_partition(partition),
            MetadataRecord::RemoveTopic(remove) => {
                let name = self
                    .names_by_id
                    .remove(&remove.topic_id)
                    .unwrap_or_else(|| panic!("RemoveTopicRecord for unknown {}", remove.topic_id));
                if let Some(topic) = self.topics.remove(&name) {
                    self.partition_count -= topic.partitions.len();
                }
                self.reassignments
                    .retain(|(id, _), _| *id != remove.topic_id);
                self.configs.remove(&ConfigResource::Topic(name));
            }
            MetadataRecord::Config(config) => {
                let entries = self.configs.entry(config.resource.clone()).or_default();
                match &config.value {
                    Some(value) => {
                        entries.insert(config.name.clone(), value.clone());
                    }
                    None => {
                        entries.remove(&config.name);
                    }
                }
            }
            MetadataRecord::PartitionChange(change) => self.apply_partition_change(change),
            MetadataRecord::RegisterBroker(registration) => self.apply_registration(registration),
            MetadataRecord::BrokerFencing(fencing) => self.apply_fencing(fencing),
            MetadataRecord::Reassignment(r) => {
                let key = (r.topic_id, r.partition_id);
                match &r.target {
                    Some(target) => {
                        let reassignment = Reassignment {
                            target: target.clone(),
                            original: r.original.clone(),
                        };
                        self.reassignments.insert(key, reassignment);
                    }
                    None => {
                        self.reassignments.remove(&key);
                    }
                }
            }
            MetadataRecord::ClusterId(id) => {
                assert!(self.cluster_id.is_none(), "the cluster id is set once");
                self.cluster_id = Some(id.cluster_id.clone());
            }
            MetadataRecord::ProducerIds(ids) => {
                assert!(
                    ids.next_producer_id >= self.next_producer_id,
                    "producer ids went back"
                );
                self.next_producer_id = ids.next_producer_id;
            }
        }
    }

    fn apply_partition(&mut self, partition: &PartitionRecord) {
        let name = self
            .names_by_id
            .get(&partition.topic_id)
            .unwrap_or_else(|| panic!("PartitionRecord for unknown topic {}", partition.topic_id));
        let topic = self
            .topics
            .get_mut(name)
            .expect("names_by_id and topics agree");
        let previous = topic.partitions.insert(
            partition.partition_id,
            PartitionImage {
                partition_id: partition.partition_id,
                replicas: partition.replicas.clone(),
                isr: partition.isr.clone(),
                elr: Vec::new(),
                leader: partition.leader,
                leader_epoch: partition.leader_epoch,
                partition_epoch: partition.partition_epoch,
            },
        );
        if previous.is_none() {
            self.partition_count += 1;
        }
    }

    fn apply_partition_change(&mut self, change: &PartitionChangeRecord) {
        let name = self.names_by_id.get(&change.topic_id).unwrap_or_else(|| {
            panic!(
                "PartitionChangeRecord for unknown topic {}",
                change.topic_id
            )
        });
        let partition = self
            .topics
            .get_mut(name)
            .and_then(|t| t.partitions.get_mut(&change.partition_id))
            .unwrap_or_else(|| {
                panic!(
                    "PartitionChangeRecord for unknown partition {}-{}",
                    name, change.partition_id
                )
            });
        if let Some(replicas) = &change.replicas {
            partition.replicas = replicas.clone();
        }
        if let Some(isr) = &change.isr {
            partition.isr = isr.clone();
        }
        if let Some(elr) = &change.elr {
            partition.elr = elr.clone();
        }
        partition
            .elr
            .retain(|r| partition.replicas.contains(r) && !partition.isr.contains(r));
        if let Some(leader) = change.leader {
            partition.leader = leader;
            partition.leader_epoch += 1;
        }
        partition.partition_epoch += 1;
    }

    fn apply_registration(&mut self, registration: &RegisterBrokerRecord) {
        // `apply` counted this record already: the epoch is the count before it.
        let epoch = self.record_count as i64 - 1;
        if let Some(previous) = self.brokers.get(&registration.broker_id) {
            assert!(previous.epoch < epoch, "broker epochs go forward");
        }
        self.brokers.insert(
            registration.broker_id,
            BrokerImage {
                broker_id: registration.broker_id,
                epoch,
                incarnation_id: registration.incarnation_id,
                host: registration.host.clone(),
                port: registration.port,
                rack: registration.rack.clone(),
                fenced: true,
            },
        );
    }

    fn apply_fencing(&mut self, fencing: &BrokerFencingRecord) {
        let broker = self
            .brokers
            .get_mut(&fencing.broker_id)
            .unwrap_or_else(|| panic!("fencing of unregistered broker {}", fencing.broker_id));
        broker.fenced = fencing.fenced;
    }

    /// The cluster's id, once set (never on the single node, whose id is in
    /// `meta.properties` alone).
    /// The reassignment of a partition in progress, if any.
    pub fn reassignment(&self, topic_id: TopicId, partition: i32) -> Option<&Reassignment> {
        self.reassignments.get(&(topic_id, partition))
    }

    /// Every reassignment in progress, by topic id and partition.
    pub fn reassignments(&self) -> impl Iterator<Item = (TopicId, i32, &Reassignment)> {
        self.reassignments.iter().map(|(&(id, p), r)| (id, p, r))
    }

    pub fn cluster_id(&self) -> Option<&str> {
        self.cluster_id.as_deref()
    }

    /// Registered brokers, fenced or not, in id order.
    pub fn brokers(&self) -> impl Iterator<Item = &BrokerImage> {
        self.brokers.values()
    }

    pub fn broker(&self, id: NodeId) -> Option<&BrokerImage> {
        self.brokers.get(&id)
    }

    /// Brokers registered and not fenced, in id order: those that may lead and that clients
    /// are told of.
    pub fn live_brokers(&self) -> impl Iterator<Item = &BrokerImage> {
        self.brokers.values().filter(|b| !b.fenced)
    }

    /// Records applied so far.
    pub fn record_count(&self) -> u64 {
        self.record_count
    }

    pub fn topic(&self, name: &str) -> Option<&TopicImage> {
        self.topics.get(name)
    }

    pub fn topic_by_id(&self, id: TopicId) -> Option<&TopicImage> {
        self.names_by_id
            .get(&id)
            .and_then(|name| self.topics.get(name))
    }

    /// Every topic, ordered by name.
    pub fn topics(&self) -> impl Iterator<Item = &TopicImage> {
        self.topics.values()
    }

    pub fn topic_count(&self) -> usize {
        self.topics.len()
    }

    /// Every resource with configs set.
    pub fn config_resources(&self) -> impl Iterator<Item = &ConfigResource> {
        self.configs.keys()
    }

    /// Partitions over all topics.
    pub fn partition_count(&self) -> usize {
        self.partition_count
    }

    /// The configs set on `resource` (not including defaults).
    pub fn configs(&self, resource: &ConfigResource) -> Option<&BTreeMap<String, String>> {
        self.configs.get(resource)
    }

    /// A config set on a topic, if any.
    pub fn topic_config(&self, topic: &str, name: &str) -> Option<&str> {
        self.configs
            .get(&ConfigResource::Topic(topic.to_string()))
            .and_then(|entries| entries.get(name))
            .map(String::as_str)
    }

    /// The next producer id InitProducerId may hand out.
    pub fn next_producer_id(&self) -> i64 {
        self.next_producer_id
    }
}
