//! The ids that cross this crate's boundary, each its own type.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A topic's id: a random UUID assigned at creation, never reused, so a topic deleted and
/// created again under the same name is a different topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TopicId(pub uuid::Uuid);

impl TopicId {
    /// A fresh random id. Kafka never hands out the all-zero id (it means "no id").
    pub fn random() -> TopicId {
        loop {
            let id = uuid::Uuid::new_v4();
            if !id.is_nil() {
                return TopicId(id);
            }
        }
    }

    pub fn from_u128(value: u128) -> TopicId {
        TopicId(uuid::Uuid::from_u128(value))
    }

    pub fn as_u128(self) -> u128 {
        self.0.as_u128()
    }
}

impl fmt::Display for TopicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A broker's `node.id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(pub i32);

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A producer id handed out by InitProducerId.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ProducerId(pub i64);
