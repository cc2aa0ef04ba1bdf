//! DescribeCluster: the cluster id, the controller and the brokers, as the admin client's
//! `describeCluster` shows them. A single node is its own controller and the only broker.
//! Asking for controller endpoints (v1+ `endpoint_type` 2) is refused with
//! `UNSUPPORTED_ENDPOINT_TYPE`, as a Kafka broker refuses it: only controllers answer that.

use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_cluster_response::DescribeClusterBroker;
use strom_protocol::generated::{DescribeClusterRequest, DescribeClusterResponse};

use crate::context::Broker;
use crate::handlers::AUTHORIZED_OPERATIONS_OMITTED;

/// Kafka's `EndpointType.BROKER`.
const ENDPOINT_TYPE_BROKER: i8 = 1;

pub fn handle(
    broker: &Broker,
    request: DescribeClusterRequest,
    version: i16,
) -> DescribeClusterResponse {
    let mut response = DescribeClusterResponse {
        endpoint_type: ENDPOINT_TYPE_BROKER,
        cluster_id: broker.cluster_id.clone(),
        controller_id: -1,
        cluster_authorized_operations: AUTHORIZED_OPERATIONS_OMITTED,
        ..DescribeClusterResponse::default()
    };
    if version >= 1 && request.endpoint_type != ENDPOINT_TYPE_BROKER {
        let code = ErrorCode::UnsupportedEndpointType;
        response.error_code = code.code();
        response.error_message = Some(format!(
            "endpoint type {} is answered only by controllers",
            request.endpoint_type
        ));
        return response;
    }
    response.controller_id = broker.controller_id();
    response.brokers = broker
        .live_brokers(&broker.image())
        .into_iter()
        .map(|b| DescribeClusterBroker {
            broker_id: b.node_id,
            host: b.host,
            port: b.port,
            rack: b.rack,
            ..DescribeClusterBroker::default()
        })
        .collect();
    response
}
