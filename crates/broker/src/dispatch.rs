//! Routes a decoded request to its handler: a plain match on the API key, one handler module
//! per Kafka API under [`crate::handlers`].

use std::net::SocketAddr;
use std::sync::Arc;

pub use crate::connection_id::ConnectionId;
use crate::context::Broker;
use crate::coordinator::Caller;
use crate::handlers;
pub use crate::turn::Turn;
use strom_protocol::generated::{ApiKey, RequestBody, RequestHeader, ResponseBody};

/// A request whose header and body decoded at a version we serve.
#[derive(Debug)]
pub struct Request {
    pub api_key: ApiKey,
    pub version: i16,
    pub header: RequestHeader,
    pub body: RequestBody,
    pub turn: Turn,
    /// The client's address (group members are described by it).
    pub peer: SocketAddr,
    /// The connection it arrived on (fetch sessions belong to it).
    pub connection: ConnectionId,
}

/// Runs the request; `None` means the request gets no response (Produce with acks=0).
pub async fn handle(broker: &Arc<Broker>, request: Request) -> Option<ResponseBody> {
    let v = request.version;
    // Which API versions clients really send, for operators and for the tests that check
    // a client negotiated the newest versions (STROM_LOG=strom_broker::dispatch=debug).
    tracing::debug!(
        api = request.body.api_key().name(),
        version = v,
        client_id = request.header.client_id.as_deref().unwrap_or(""),
        "request"
    );
    let Request {
        body,
        turn,
        header,
        peer,
        connection,
        ..
    } = request;
    let mut turn = keeps_turn(&body).then_some(turn);
    let caller = Caller {
        api_version: v,
        client_id: header.client_id.unwrap_or_default(),
        peer,
    };
    let response = match body {
        RequestBody::ApiVersions(r) => {
            ResponseBody::ApiVersions(handlers::api_versions::handle(broker, r, v))
        }
        RequestBody::Metadata(r) => {
            ResponseBody::Metadata(handlers::metadata::handle(broker, r, v).await)
        }
        RequestBody::CreateTopics(r) => {
            ResponseBody::CreateTopics(handlers::create_topics::handle(broker, r, v).await)
        }
        RequestBody::DeleteTopics(r) => {
            ResponseBody::DeleteTopics(handlers::delete_topics::handle(broker, r, v).await)
        }
        RequestBody::Produce(r) => ResponseBody::Produce(
            handlers::produce::handle(broker, r, v, &caller, turn.take()?).await?,
        ),
        RequestBody::Fetch(r) => {
            ResponseBody::Fetch(handlers::fetch::handle(broker, r, v, connection).await)
        }
        RequestBody::ListOffsets(r) => {
            ResponseBody::ListOffsets(handlers::list_offsets::handle(broker, r, v).await)
        }
        RequestBody::InitProducerId(r) => ResponseBody::InitProducerId(
            handlers::init_producer_id::handle(broker, r, &caller).await,
        ),
        RequestBody::AlterPartitionReassignments(r) => ResponseBody::AlterPartitionReassignments(
            handlers::alter_partition_reassignments::handle(broker, r, v).await,
        ),
        RequestBody::ListPartitionReassignments(r) => ResponseBody::ListPartitionReassignments(
            handlers::list_partition_reassignments::handle(broker, r, v),
        ),
        RequestBody::ElectLeaders(r) => {
            ResponseBody::ElectLeaders(handlers::elect_leaders::handle(broker, r, v).await)
        }
        RequestBody::CreatePartitions(r) => {
            ResponseBody::CreatePartitions(handlers::create_partitions::handle(broker, r, v).await)
        }
        RequestBody::DescribeConfigs(r) => {
            ResponseBody::DescribeConfigs(handlers::describe_configs::handle(broker, r, v))
        }
        RequestBody::AlterConfigs(r) => {
            ResponseBody::AlterConfigs(handlers::alter_configs::handle(broker, r, v).await)
        }
        RequestBody::IncrementalAlterConfigs(r) => ResponseBody::IncrementalAlterConfigs(
            handlers::incremental_alter_configs::handle(broker, r, v).await,
        ),
        RequestBody::DeleteRecords(r) => {
            ResponseBody::DeleteRecords(handlers::delete_records::handle(broker, r, v).await)
        }
        RequestBody::OffsetForLeaderEpoch(r) => ResponseBody::OffsetForLeaderEpoch(
            handlers::offset_for_leader_epoch::handle(broker, r, v),
        ),
        RequestBody::DescribeLogDirs(r) => {
            ResponseBody::DescribeLogDirs(handlers::describe_log_dirs::handle(broker, r, v).await)
        }
        RequestBody::DescribeCluster(r) => {
            ResponseBody::DescribeCluster(handlers::describe_cluster::handle(broker, r, v))
        }
        RequestBody::DescribeQuorum(r) => {
            ResponseBody::DescribeQuorum(handlers::describe_quorum::handle(broker, r, v).await)
        }
        RequestBody::WriteTxnMarkers(r) => {
            ResponseBody::WriteTxnMarkers(handlers::write_txn_markers::handle(broker, r).await)
        }
        RequestBody::DescribeProducers(r) => {
            ResponseBody::DescribeProducers(handlers::describe_producers::handle(broker, r, v))
        }
        body @ (RequestBody::AddPartitionsToTxn(_)
        | RequestBody::AddOffsetsToTxn(_)
        | RequestBody::EndTxn(_)
        | RequestBody::TxnOffsetCommit(_)
        | RequestBody::DescribeTransactions(_)
        | RequestBody::ListTransactions(_)
        | RequestBody::FindCoordinator(_)
        | RequestBody::JoinGroup(_)
        | RequestBody::SyncGroup(_)
        | RequestBody::Heartbeat(_)
        | RequestBody::LeaveGroup(_)
        | RequestBody::OffsetCommit(_)
        | RequestBody::OffsetFetch(_)
        | RequestBody::ListGroups(_)
        | RequestBody::DescribeGroups(_)
        | RequestBody::DeleteGroups(_)
        | RequestBody::OffsetDelete(_)
        | RequestBody::ConsumerGroupHeartbeat(_)
        | RequestBody::ConsumerGroupDescribe(_)) => {
            coordinator_request(broker, body, &caller, &mut turn).await?
        }
        other => {
            // The connection admits only APIs in the supported table, each of which has an
            // arm above; reaching here is a bug in that table.
            tracing::error!(
                api = other.api_key().name(),
                "supported API without a handler"
            );
            return None;
        }
    };
    Some(response)
}

/// The requests the group and transaction coordinators answer.
async fn coordinator_request(
    broker: &Arc<Broker>,
    body: RequestBody,
    caller: &Caller,
    turn: &mut Option<Turn>,
) -> Option<ResponseBody> {
    let response = match body {
        RequestBody::AddPartitionsToTxn(r) => ResponseBody::AddPartitionsToTxn(
            handlers::add_partitions_to_txn::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::AddOffsetsToTxn(r) => ResponseBody::AddOffsetsToTxn(
            handlers::add_offsets_to_txn::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::EndTxn(r) => {
            ResponseBody::EndTxn(handlers::end_txn::handle(broker, r, caller, turn.take()?).await)
        }
        RequestBody::TxnOffsetCommit(r) => ResponseBody::TxnOffsetCommit(
            handlers::txn_offset_commit::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::DescribeTransactions(r) => ResponseBody::DescribeTransactions(
            handlers::describe_transactions::handle(broker, r, caller),
        ),
        RequestBody::ListTransactions(r) => {
            ResponseBody::ListTransactions(handlers::list_transactions::handle(broker, r, caller))
        }
        RequestBody::FindCoordinator(r) => ResponseBody::FindCoordinator(
            handlers::find_coordinator::handle(broker, r, caller.api_version).await,
        ),
        RequestBody::JoinGroup(r) => ResponseBody::JoinGroup(
            handlers::join_group::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::SyncGroup(r) => ResponseBody::SyncGroup(
            handlers::sync_group::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::Heartbeat(r) => ResponseBody::Heartbeat(
            handlers::heartbeat::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::LeaveGroup(r) => ResponseBody::LeaveGroup(
            handlers::leave_group::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::OffsetCommit(r) => ResponseBody::OffsetCommit(
            handlers::offset_commit::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::OffsetFetch(r) => ResponseBody::OffsetFetch(
            handlers::offset_fetch::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::ListGroups(r) => {
            ResponseBody::ListGroups(handlers::list_groups::handle(broker, r, caller).await)
        }
        RequestBody::DescribeGroups(r) => {
            ResponseBody::DescribeGroups(handlers::describe_groups::handle(broker, r, caller).await)
        }
        RequestBody::DeleteGroups(r) => {
            ResponseBody::DeleteGroups(handlers::delete_groups::handle(broker, r, caller).await)
        }
        RequestBody::OffsetDelete(r) => {
            ResponseBody::OffsetDelete(handlers::offset_delete::handle(broker, r, caller).await)
        }
        RequestBody::ConsumerGroupHeartbeat(r) => ResponseBody::ConsumerGroupHeartbeat(
            handlers::consumer_group_heartbeat::handle(broker, r, caller, turn.take()?).await,
        ),
        RequestBody::ConsumerGroupDescribe(r) => ResponseBody::ConsumerGroupDescribe(
            handlers::consumer_group_describe::handle(broker, r, caller).await,
        ),
        _ => unreachable!("routed here only for coordinator requests"),
    };
    Some(response)
}

/// Produce and the group APIs that act for a member keep their turn: appends and a member's
/// group requests are processed in the order the client sent them.
fn keeps_turn(body: &RequestBody) -> bool {
    matches!(
        body,
        RequestBody::Produce(_)
            | RequestBody::JoinGroup(_)
            | RequestBody::SyncGroup(_)
            | RequestBody::Heartbeat(_)
            | RequestBody::LeaveGroup(_)
            | RequestBody::OffsetCommit(_)
            | RequestBody::OffsetFetch(_)
            | RequestBody::ConsumerGroupHeartbeat(_)
            | RequestBody::AddPartitionsToTxn(_)
            | RequestBody::AddOffsetsToTxn(_)
            | RequestBody::EndTxn(_)
            | RequestBody::TxnOffsetCommit(_)
    )
}
