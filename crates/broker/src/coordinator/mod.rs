//! The coordinators as the broker runs them: one generic [`runtime`] (partition loads on
//! election, decisions carried out through the replica manager, replies after commit,
//! timers) serving the [`group`] coordinator on `__consumer_offsets` and the [`txn`]
//! coordinator on `__transaction_state`. The decisions themselves are
//! `strom_coordinator`'s state machines, which do no I/O.

pub mod group;
pub mod internal_topic;
pub mod runtime;
pub mod txn;
pub mod txn_routing;

use std::net::SocketAddr;

use strom_coordinator::{RequestContext, RequestId};

pub use group::GroupService;
pub use internal_topic::{
    CLUSTER_METADATA_TOPIC, OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC, is_internal_topic,
};
pub use runtime::CoordinatorError;
pub use txn::TxnService;

/// Who sent a coordinator request: what the coordinators record about a member.
#[derive(Debug, Clone)]
pub struct Caller {
    pub api_version: i16,
    pub client_id: String,
    pub peer: SocketAddr,
}

impl Caller {
    pub fn context(&self, request_id: RequestId) -> RequestContext {
        RequestContext {
            request_id,
            api_version: self.api_version,
            client_id: self.client_id.clone(),
            // Kafka reports the host as the JVM's InetAddress.toString: "/127.0.0.1".
            client_host: format!("/{}", self.peer.ip()),
        }
    }
}
