//! Controllers set up for the state-machine tests of several files.

use crate::controller::request::ClusterIdClaim;
use crate::controller::{Controller, ControllerLimits, NewTopic};
use crate::record::RegisterBrokerRecord;
use crate::types::NodeId;

/// A controller with brokers 1, 2 and 3 registered and unfenced, and topic "t" of one
/// partition on all three (leader 1); returns the brokers' epochs.
pub(crate) fn cluster(dir: &std::path::Path) -> (Controller, Vec<i64>) {
    let c = Controller::open(&dir.join("metadata.log"), ControllerLimits::default()).unwrap();
    let claim = ClusterIdClaim {
        id: "c".into(),
        known: false,
    };
    let epochs = (1..=3)
        .map(|id| {
            let r = RegisterBrokerRecord {
                broker_id: NodeId(id),
                incarnation_id: uuid::Uuid::new_v4(),
                host: "127.0.0.1".into(),
                port: 9000 + id,
                rack: None,
            };
            let epoch = c.register_broker(&r, &claim, 0).unwrap();
            c.broker_heartbeat(NodeId(id), epoch, 0).unwrap();
            epoch
        })
        .collect();
    let topic = NewTopic {
        name: "t".into(),
        num_partitions: 1,
        replication_factor: 3,
        ..NewTopic::default()
    };
    c.create_topic(&topic, false).unwrap();
    (c, epochs)
}

/// Broker `id` starts a new run: registers a new incarnation (of the cluster "c") and
/// heartbeats at `now_ms`; returns its new epoch.
pub(crate) fn rejoin(c: &Controller, id: i32, now_ms: u64) -> i64 {
    let claim = ClusterIdClaim {
        id: "c".into(),
        known: true,
    };
    let r = RegisterBrokerRecord {
        broker_id: NodeId(id),
        incarnation_id: uuid::Uuid::new_v4(),
        host: "127.0.0.1".into(),
        port: 9000 + id,
        rack: None,
    };
    let epoch = c.register_broker(&r, &claim, now_ms).unwrap();
    c.broker_heartbeat(NodeId(id), epoch, now_ms).unwrap();
    epoch
}
