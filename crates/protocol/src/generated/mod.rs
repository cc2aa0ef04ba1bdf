// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! One module per message spec; `api` holds the API key table and the request and
//! response enums.

#[rustfmt::skip]
pub mod api;
pub use api::*;

#[rustfmt::skip]
pub mod add_offsets_to_txn_request;
#[rustfmt::skip]
pub mod add_offsets_to_txn_response;
#[rustfmt::skip]
pub mod add_partitions_to_txn_request;
#[rustfmt::skip]
pub mod add_partitions_to_txn_response;
#[rustfmt::skip]
pub mod add_raft_voter_request;
#[rustfmt::skip]
pub mod add_raft_voter_response;
#[rustfmt::skip]
pub mod allocate_producer_ids_request;
#[rustfmt::skip]
pub mod allocate_producer_ids_response;
#[rustfmt::skip]
pub mod alter_client_quotas_request;
#[rustfmt::skip]
pub mod alter_client_quotas_response;
#[rustfmt::skip]
pub mod alter_configs_request;
#[rustfmt::skip]
pub mod alter_configs_response;
#[rustfmt::skip]
pub mod alter_partition_reassignments_request;
#[rustfmt::skip]
pub mod alter_partition_reassignments_response;
#[rustfmt::skip]
pub mod alter_partition_request;
#[rustfmt::skip]
pub mod alter_partition_response;
#[rustfmt::skip]
pub mod alter_replica_log_dirs_request;
#[rustfmt::skip]
pub mod alter_replica_log_dirs_response;
#[rustfmt::skip]
pub mod alter_share_group_offsets_request;
#[rustfmt::skip]
pub mod alter_share_group_offsets_response;
#[rustfmt::skip]
pub mod alter_user_scram_credentials_request;
#[rustfmt::skip]
pub mod alter_user_scram_credentials_response;
#[rustfmt::skip]
pub mod api_versions_request;
#[rustfmt::skip]
pub mod api_versions_response;
#[rustfmt::skip]
pub mod assign_replicas_to_dirs_request;
#[rustfmt::skip]
pub mod assign_replicas_to_dirs_response;
#[rustfmt::skip]
pub mod begin_quorum_epoch_request;
#[rustfmt::skip]
pub mod begin_quorum_epoch_response;
#[rustfmt::skip]
pub mod broker_heartbeat_request;
#[rustfmt::skip]
pub mod broker_heartbeat_response;
#[rustfmt::skip]
pub mod broker_registration_request;
#[rustfmt::skip]
pub mod broker_registration_response;
#[rustfmt::skip]
pub mod consumer_group_current_member_assignment_key;
#[rustfmt::skip]
pub mod consumer_group_current_member_assignment_value;
#[rustfmt::skip]
pub mod consumer_group_describe_request;
#[rustfmt::skip]
pub mod consumer_group_describe_response;
#[rustfmt::skip]
pub mod consumer_group_heartbeat_request;
#[rustfmt::skip]
pub mod consumer_group_heartbeat_response;
#[rustfmt::skip]
pub mod consumer_group_member_metadata_key;
#[rustfmt::skip]
pub mod consumer_group_member_metadata_value;
#[rustfmt::skip]
pub mod consumer_group_metadata_key;
#[rustfmt::skip]
pub mod consumer_group_metadata_value;
#[rustfmt::skip]
pub mod consumer_group_partition_metadata_key;
#[rustfmt::skip]
pub mod consumer_group_partition_metadata_value;
#[rustfmt::skip]
pub mod consumer_group_regular_expression_key;
#[rustfmt::skip]
pub mod consumer_group_regular_expression_value;
#[rustfmt::skip]
pub mod consumer_group_target_assignment_member_key;
#[rustfmt::skip]
pub mod consumer_group_target_assignment_member_value;
#[rustfmt::skip]
pub mod consumer_group_target_assignment_metadata_key;
#[rustfmt::skip]
pub mod consumer_group_target_assignment_metadata_value;
#[rustfmt::skip]
pub mod consumer_protocol_assignment;
#[rustfmt::skip]
pub mod consumer_protocol_subscription;
#[rustfmt::skip]
pub mod control_record_type_schema;
#[rustfmt::skip]
pub mod controller_registration_request;
#[rustfmt::skip]
pub mod controller_registration_response;
#[rustfmt::skip]
pub mod create_acls_request;
#[rustfmt::skip]
pub mod create_acls_response;
#[rustfmt::skip]
pub mod create_delegation_token_request;
#[rustfmt::skip]
pub mod create_delegation_token_response;
#[rustfmt::skip]
pub mod create_partitions_request;
#[rustfmt::skip]
pub mod create_partitions_response;
#[rustfmt::skip]
pub mod create_topics_request;
#[rustfmt::skip]
pub mod create_topics_response;
#[rustfmt::skip]
pub mod default_principal_data;
#[rustfmt::skip]
pub mod delete_acls_request;
#[rustfmt::skip]
pub mod delete_acls_response;
#[rustfmt::skip]
pub mod delete_groups_request;
#[rustfmt::skip]
pub mod delete_groups_response;
#[rustfmt::skip]
pub mod delete_records_request;
#[rustfmt::skip]
pub mod delete_records_response;
#[rustfmt::skip]
pub mod delete_share_group_offsets_request;
#[rustfmt::skip]
pub mod delete_share_group_offsets_response;
#[rustfmt::skip]
pub mod delete_share_group_state_request;
#[rustfmt::skip]
pub mod delete_share_group_state_response;
#[rustfmt::skip]
pub mod delete_topics_request;
#[rustfmt::skip]
pub mod delete_topics_response;
#[rustfmt::skip]
pub mod describe_acls_request;
#[rustfmt::skip]
pub mod describe_acls_response;
#[rustfmt::skip]
pub mod describe_client_quotas_request;
#[rustfmt::skip]
pub mod describe_client_quotas_response;
#[rustfmt::skip]
pub mod describe_cluster_request;
#[rustfmt::skip]
pub mod describe_cluster_response;
#[rustfmt::skip]
pub mod describe_configs_request;
#[rustfmt::skip]
pub mod describe_configs_response;
#[rustfmt::skip]
pub mod describe_delegation_token_request;
#[rustfmt::skip]
pub mod describe_delegation_token_response;
#[rustfmt::skip]
pub mod describe_groups_request;
#[rustfmt::skip]
pub mod describe_groups_response;
#[rustfmt::skip]
pub mod describe_log_dirs_request;
#[rustfmt::skip]
pub mod describe_log_dirs_response;
#[rustfmt::skip]
pub mod describe_producers_request;
#[rustfmt::skip]
pub mod describe_producers_response;
#[rustfmt::skip]
pub mod describe_quorum_request;
#[rustfmt::skip]
pub mod describe_quorum_response;
#[rustfmt::skip]
pub mod describe_share_group_offsets_request;
#[rustfmt::skip]
pub mod describe_share_group_offsets_response;
#[rustfmt::skip]
pub mod describe_topic_partitions_request;
#[rustfmt::skip]
pub mod describe_topic_partitions_response;
#[rustfmt::skip]
pub mod describe_transactions_request;
#[rustfmt::skip]
pub mod describe_transactions_response;
#[rustfmt::skip]
pub mod describe_user_scram_credentials_request;
#[rustfmt::skip]
pub mod describe_user_scram_credentials_response;
#[rustfmt::skip]
pub mod elect_leaders_request;
#[rustfmt::skip]
pub mod elect_leaders_response;
#[rustfmt::skip]
pub mod end_quorum_epoch_request;
#[rustfmt::skip]
pub mod end_quorum_epoch_response;
#[rustfmt::skip]
pub mod end_txn_marker;
#[rustfmt::skip]
pub mod end_txn_request;
#[rustfmt::skip]
pub mod end_txn_response;
#[rustfmt::skip]
pub mod envelope_request;
#[rustfmt::skip]
pub mod envelope_response;
#[rustfmt::skip]
pub mod expire_delegation_token_request;
#[rustfmt::skip]
pub mod expire_delegation_token_response;
#[rustfmt::skip]
pub mod fetch_request;
#[rustfmt::skip]
pub mod fetch_response;
#[rustfmt::skip]
pub mod fetch_snapshot_request;
#[rustfmt::skip]
pub mod fetch_snapshot_response;
#[rustfmt::skip]
pub mod find_coordinator_request;
#[rustfmt::skip]
pub mod find_coordinator_response;
#[rustfmt::skip]
pub mod get_telemetry_subscriptions_request;
#[rustfmt::skip]
pub mod get_telemetry_subscriptions_response;
#[rustfmt::skip]
pub mod group_metadata_key;
#[rustfmt::skip]
pub mod group_metadata_value;
#[rustfmt::skip]
pub mod heartbeat_request;
#[rustfmt::skip]
pub mod heartbeat_response;
#[rustfmt::skip]
pub mod incremental_alter_configs_request;
#[rustfmt::skip]
pub mod incremental_alter_configs_response;
#[rustfmt::skip]
pub mod init_producer_id_request;
#[rustfmt::skip]
pub mod init_producer_id_response;
#[rustfmt::skip]
pub mod initialize_share_group_state_request;
#[rustfmt::skip]
pub mod initialize_share_group_state_response;
#[rustfmt::skip]
pub mod join_group_request;
#[rustfmt::skip]
pub mod join_group_response;
#[rustfmt::skip]
pub mod k_raft_version_record;
#[rustfmt::skip]
pub mod leader_change_message;
#[rustfmt::skip]
pub mod leave_group_request;
#[rustfmt::skip]
pub mod leave_group_response;
#[rustfmt::skip]
pub mod legacy_offset_commit_key;
#[rustfmt::skip]
pub mod legacy_offset_commit_value;
#[rustfmt::skip]
pub mod list_config_resources_request;
#[rustfmt::skip]
pub mod list_config_resources_response;
#[rustfmt::skip]
pub mod list_groups_request;
#[rustfmt::skip]
pub mod list_groups_response;
#[rustfmt::skip]
pub mod list_offsets_request;
#[rustfmt::skip]
pub mod list_offsets_response;
#[rustfmt::skip]
pub mod list_partition_reassignments_request;
#[rustfmt::skip]
pub mod list_partition_reassignments_response;
#[rustfmt::skip]
pub mod list_transactions_request;
#[rustfmt::skip]
pub mod list_transactions_response;
#[rustfmt::skip]
pub mod metadata_request;
#[rustfmt::skip]
pub mod metadata_response;
#[rustfmt::skip]
pub mod offset_commit_key;
#[rustfmt::skip]
pub mod offset_commit_request;
#[rustfmt::skip]
pub mod offset_commit_response;
#[rustfmt::skip]
pub mod offset_commit_value;
#[rustfmt::skip]
pub mod offset_delete_request;
#[rustfmt::skip]
pub mod offset_delete_response;
#[rustfmt::skip]
pub mod offset_fetch_request;
#[rustfmt::skip]
pub mod offset_fetch_response;
#[rustfmt::skip]
pub mod offset_for_leader_epoch_request;
#[rustfmt::skip]
pub mod offset_for_leader_epoch_response;
#[rustfmt::skip]
pub mod produce_request;
#[rustfmt::skip]
pub mod produce_response;
#[rustfmt::skip]
pub mod push_telemetry_request;
#[rustfmt::skip]
pub mod push_telemetry_response;
#[rustfmt::skip]
pub mod read_share_group_state_request;
#[rustfmt::skip]
pub mod read_share_group_state_response;
#[rustfmt::skip]
pub mod read_share_group_state_summary_request;
#[rustfmt::skip]
pub mod read_share_group_state_summary_response;
#[rustfmt::skip]
pub mod remove_raft_voter_request;
#[rustfmt::skip]
pub mod remove_raft_voter_response;
#[rustfmt::skip]
pub mod renew_delegation_token_request;
#[rustfmt::skip]
pub mod renew_delegation_token_response;
#[rustfmt::skip]
pub mod request_header;
#[rustfmt::skip]
pub mod response_header;
#[rustfmt::skip]
pub mod sasl_authenticate_request;
#[rustfmt::skip]
pub mod sasl_authenticate_response;
#[rustfmt::skip]
pub mod sasl_handshake_request;
#[rustfmt::skip]
pub mod sasl_handshake_response;
#[rustfmt::skip]
pub mod share_acknowledge_request;
#[rustfmt::skip]
pub mod share_acknowledge_response;
#[rustfmt::skip]
pub mod share_fetch_request;
#[rustfmt::skip]
pub mod share_fetch_response;
#[rustfmt::skip]
pub mod share_group_current_member_assignment_key;
#[rustfmt::skip]
pub mod share_group_current_member_assignment_value;
#[rustfmt::skip]
pub mod share_group_describe_request;
#[rustfmt::skip]
pub mod share_group_describe_response;
#[rustfmt::skip]
pub mod share_group_heartbeat_request;
#[rustfmt::skip]
pub mod share_group_heartbeat_response;
#[rustfmt::skip]
pub mod share_group_member_metadata_key;
#[rustfmt::skip]
pub mod share_group_member_metadata_value;
#[rustfmt::skip]
pub mod share_group_metadata_key;
#[rustfmt::skip]
pub mod share_group_metadata_value;
#[rustfmt::skip]
pub mod share_group_state_partition_metadata_key;
#[rustfmt::skip]
pub mod share_group_state_partition_metadata_value;
#[rustfmt::skip]
pub mod share_group_target_assignment_member_key;
#[rustfmt::skip]
pub mod share_group_target_assignment_member_value;
#[rustfmt::skip]
pub mod share_group_target_assignment_metadata_key;
#[rustfmt::skip]
pub mod share_group_target_assignment_metadata_value;
#[rustfmt::skip]
pub mod snapshot_footer_record;
#[rustfmt::skip]
pub mod snapshot_header_record;
#[rustfmt::skip]
pub mod streams_group_current_member_assignment_key;
#[rustfmt::skip]
pub mod streams_group_current_member_assignment_value;
#[rustfmt::skip]
pub mod streams_group_describe_request;
#[rustfmt::skip]
pub mod streams_group_describe_response;
#[rustfmt::skip]
pub mod streams_group_heartbeat_request;
#[rustfmt::skip]
pub mod streams_group_heartbeat_response;
#[rustfmt::skip]
pub mod streams_group_member_metadata_key;
#[rustfmt::skip]
pub mod streams_group_member_metadata_value;
#[rustfmt::skip]
pub mod streams_group_metadata_key;
#[rustfmt::skip]
pub mod streams_group_metadata_value;
#[rustfmt::skip]
pub mod streams_group_target_assignment_member_key;
#[rustfmt::skip]
pub mod streams_group_target_assignment_member_value;
#[rustfmt::skip]
pub mod streams_group_target_assignment_metadata_key;
#[rustfmt::skip]
pub mod streams_group_target_assignment_metadata_value;
#[rustfmt::skip]
pub mod streams_group_topology_key;
#[rustfmt::skip]
pub mod streams_group_topology_value;
#[rustfmt::skip]
pub mod sync_group_request;
#[rustfmt::skip]
pub mod sync_group_response;
#[rustfmt::skip]
pub mod transaction_log_key;
#[rustfmt::skip]
pub mod transaction_log_value;
#[rustfmt::skip]
pub mod txn_offset_commit_request;
#[rustfmt::skip]
pub mod txn_offset_commit_response;
#[rustfmt::skip]
pub mod unregister_broker_request;
#[rustfmt::skip]
pub mod unregister_broker_response;
#[rustfmt::skip]
pub mod update_features_request;
#[rustfmt::skip]
pub mod update_features_response;
#[rustfmt::skip]
pub mod update_raft_voter_request;
#[rustfmt::skip]
pub mod update_raft_voter_response;
#[rustfmt::skip]
pub mod vote_request;
#[rustfmt::skip]
pub mod vote_response;
#[rustfmt::skip]
pub mod voters_record;
#[rustfmt::skip]
pub mod write_share_group_state_request;
#[rustfmt::skip]
pub mod write_share_group_state_response;
#[rustfmt::skip]
pub mod write_txn_markers_request;
#[rustfmt::skip]
pub mod write_txn_markers_response;

pub use add_offsets_to_txn_request::AddOffsetsToTxnRequest;
pub use add_offsets_to_txn_response::AddOffsetsToTxnResponse;
pub use add_partitions_to_txn_request::AddPartitionsToTxnRequest;
pub use add_partitions_to_txn_response::AddPartitionsToTxnResponse;
pub use add_raft_voter_request::AddRaftVoterRequest;
pub use add_raft_voter_response::AddRaftVoterResponse;
pub use allocate_producer_ids_request::AllocateProducerIdsRequest;
pub use allocate_producer_ids_response::AllocateProducerIdsResponse;
pub use alter_client_quotas_request::AlterClientQuotasRequest;
pub use alter_client_quotas_response::AlterClientQuotasResponse;
pub use alter_configs_request::AlterConfigsRequest;
pub use alter_configs_response::AlterConfigsResponse;
pub use alter_partition_reassignments_request::AlterPartitionReassignmentsRequest;
pub use alter_partition_reassignments_response::AlterPartitionReassignmentsResponse;
pub use alter_partition_request::AlterPartitionRequest;
pub use alter_partition_response::AlterPartitionResponse;
pub use alter_replica_log_dirs_request::AlterReplicaLogDirsRequest;
pub use alter_replica_log_dirs_response::AlterReplicaLogDirsResponse;
pub use alter_share_group_offsets_request::AlterShareGroupOffsetsRequest;
pub use alter_share_group_offsets_response::AlterShareGroupOffsetsResponse;
pub use alter_user_scram_credentials_request::AlterUserScramCredentialsRequest;
pub use alter_user_scram_credentials_response::AlterUserScramCredentialsResponse;
pub use api_versions_request::ApiVersionsRequest;
pub use api_versions_response::ApiVersionsResponse;
pub use assign_replicas_to_dirs_request::AssignReplicasToDirsRequest;
pub use assign_replicas_to_dirs_response::AssignReplicasToDirsResponse;
pub use begin_quorum_epoch_request::BeginQuorumEpochRequest;
pub use begin_quorum_epoch_response::BeginQuorumEpochResponse;
pub use broker_heartbeat_request::BrokerHeartbeatRequest;
pub use broker_heartbeat_response::BrokerHeartbeatResponse;
pub use broker_registration_request::BrokerRegistrationRequest;
pub use broker_registration_response::BrokerRegistrationResponse;
pub use consumer_group_current_member_assignment_key::ConsumerGroupCurrentMemberAssignmentKey;
pub use consumer_group_current_member_assignment_value::ConsumerGroupCurrentMemberAssignmentValue;
pub use consumer_group_describe_request::ConsumerGroupDescribeRequest;
pub use consumer_group_describe_response::ConsumerGroupDescribeResponse;
pub use consumer_group_heartbeat_request::ConsumerGroupHeartbeatRequest;
pub use consumer_group_heartbeat_response::ConsumerGroupHeartbeatResponse;
pub use consumer_group_member_metadata_key::ConsumerGroupMemberMetadataKey;
pub use consumer_group_member_metadata_value::ConsumerGroupMemberMetadataValue;
pub use consumer_group_metadata_key::ConsumerGroupMetadataKey;
pub use consumer_group_metadata_value::ConsumerGroupMetadataValue;
pub use consumer_group_partition_metadata_key::ConsumerGroupPartitionMetadataKey;
pub use consumer_group_partition_metadata_value::ConsumerGroupPartitionMetadataValue;
pub use consumer_group_regular_expression_key::ConsumerGroupRegularExpressionKey;
pub use consumer_group_regular_expression_value::ConsumerGroupRegularExpressionValue;
pub use consumer_group_target_assignment_member_key::ConsumerGroupTargetAssignmentMemberKey;
pub use consumer_group_target_assignment_member_value::ConsumerGroupTargetAssignmentMemberValue;
pub use consumer_group_target_assignment_metadata_key::ConsumerGroupTargetAssignmentMetadataKey;
pub use consumer_group_target_assignment_metadata_value::ConsumerGroupTargetAssignmentMetadataValue;
pub use consumer_protocol_assignment::ConsumerProtocolAssignment;
pub use consumer_protocol_subscription::ConsumerProtocolSubscription;
pub use control_record_type_schema::ControlRecordTypeSchema;
pub use controller_registration_request::ControllerRegistrationRequest;
pub use controller_registration_response::ControllerRegistrationResponse;
pub use create_acls_request::CreateAclsRequest;
pub use create_acls_response::CreateAclsResponse;
pub use create_delegation_token_request::CreateDelegationTokenRequest;
pub use create_delegation_token_response::CreateDelegationTokenResponse;
pub use create_partitions_request::CreatePartitionsRequest;
pub use create_partitions_response::CreatePartitionsResponse;
pub use create_topics_request::CreateTopicsRequest;
pub use create_topics_response::CreateTopicsResponse;
pub use default_principal_data::DefaultPrincipalData;
pub use delete_acls_request::DeleteAclsRequest;
pub use delete_acls_response::DeleteAclsResponse;
pub use delete_groups_request::DeleteGroupsRequest;
pub use delete_groups_response::DeleteGroupsResponse;
pub use delete_records_request::DeleteRecordsRequest;
pub use delete_records_response::DeleteRecordsResponse;
pub use delete_share_group_offsets_request::DeleteShareGroupOffsetsRequest;
pub use delete_share_group_offsets_response::DeleteShareGroupOffsetsResponse;
pub use delete_share_group_state_request::DeleteShareGroupStateRequest;
pub use delete_share_group_state_response::DeleteShareGroupStateResponse;
pub use delete_topics_request::DeleteTopicsRequest;
pub use delete_topics_response::DeleteTopicsResponse;
pub use describe_acls_request::DescribeAclsRequest;
pub use describe_acls_response::DescribeAclsResponse;
pub use describe_client_quotas_request::DescribeClientQuotasRequest;
pub use describe_client_quotas_response::DescribeClientQuotasResponse;
pub use describe_cluster_request::DescribeClusterRequest;
pub use describe_cluster_response::DescribeClusterResponse;
pub use describe_configs_request::DescribeConfigsRequest;
pub use describe_configs_response::DescribeConfigsResponse;
pub use describe_delegation_token_request::DescribeDelegationTokenRequest;
pub use describe_delegation_token_response::DescribeDelegationTokenResponse;
pub use describe_groups_request::DescribeGroupsRequest;
pub use describe_groups_response::DescribeGroupsResponse;
pub use describe_log_dirs_request::DescribeLogDirsRequest;
pub use describe_log_dirs_response::DescribeLogDirsResponse;
pub use describe_producers_request::DescribeProducersRequest;
pub use describe_producers_response::DescribeProducersResponse;
pub use describe_quorum_request::DescribeQuorumRequest;
pub use describe_quorum_response::DescribeQuorumResponse;
pub use describe_share_group_offsets_request::DescribeShareGroupOffsetsRequest;
pub use describe_share_group_offsets_response::DescribeShareGroupOffsetsResponse;
pub use describe_topic_partitions_request::DescribeTopicPartitionsRequest;
pub use describe_topic_partitions_response::DescribeTopicPartitionsResponse;
pub use describe_transactions_request::DescribeTransactionsRequest;
pub use describe_transactions_response::DescribeTransactionsResponse;
pub use describe_user_scram_credentials_request::DescribeUserScramCredentialsRequest;
pub use describe_user_scram_credentials_response::DescribeUserScramCredentialsResponse;
pub use elect_leaders_request::ElectLeadersRequest;
pub use elect_leaders_response::ElectLeadersResponse;
pub use end_quorum_epoch_request::EndQuorumEpochRequest;
pub use end_quorum_epoch_response::EndQuorumEpochResponse;
pub use end_txn_marker::EndTxnMarker;
pub use end_txn_request::EndTxnRequest;
pub use end_txn_response::EndTxnResponse;
pub use envelope_request::EnvelopeRequest;
pub use envelope_response::EnvelopeResponse;
pub use expire_delegation_token_request::ExpireDelegationTokenRequest;
pub use expire_delegation_token_response::ExpireDelegationTokenResponse;
pub use fetch_request::FetchRequest;
pub use fetch_response::FetchResponse;
pub use fetch_snapshot_request::FetchSnapshotRequest;
pub use fetch_snapshot_response::FetchSnapshotResponse;
pub use find_coordinator_request::FindCoordinatorRequest;
pub use find_coordinator_response::FindCoordinatorResponse;
pub use get_telemetry_subscriptions_request::GetTelemetrySubscriptionsRequest;
pub use get_telemetry_subscriptions_response::GetTelemetrySubscriptionsResponse;
pub use group_metadata_key::GroupMetadataKey;
pub use group_metadata_value::GroupMetadataValue;
pub use heartbeat_request::HeartbeatRequest;
pub use heartbeat_response::HeartbeatResponse;
pub use incremental_alter_configs_request::IncrementalAlterConfigsRequest;
pub use incremental_alter_configs_response::IncrementalAlterConfigsResponse;
pub use init_producer_id_request::InitProducerIdRequest;
pub use init_producer_id_response::InitProducerIdResponse;
pub use initialize_share_group_state_request::InitializeShareGroupStateRequest;
pub use initialize_share_group_state_response::InitializeShareGroupStateResponse;
pub use join_group_request::JoinGroupRequest;
pub use join_group_response::JoinGroupResponse;
pub use k_raft_version_record::KRaftVersionRecord;
pub use leader_change_message::LeaderChangeMessage;
pub use leave_group_request::LeaveGroupRequest;
pub use leave_group_response::LeaveGroupResponse;
pub use legacy_offset_commit_key::LegacyOffsetCommitKey;
pub use legacy_offset_commit_value::LegacyOffsetCommitValue;
pub use list_config_resources_request::ListConfigResourcesRequest;
pub use list_config_resources_response::ListConfigResourcesResponse;
pub use list_groups_request::ListGroupsRequest;
pub use list_groups_response::ListGroupsResponse;
pub use list_offsets_request::ListOffsetsRequest;
pub use list_offsets_response::ListOffsetsResponse;
pub use list_partition_reassignments_request::ListPartitionReassignmentsRequest;
pub use list_partition_reassignments_response::ListPartitionReassignmentsResponse;
pub use list_transactions_request::ListTransactionsRequest;
pub use list_transactions_response::ListTransactionsResponse;
pub use metadata_request::MetadataRequest;
pub use metadata_response::MetadataResponse;
pub use offset_commit_key::OffsetCommitKey;
pub use offset_commit_request::OffsetCommitRequest;
pub use offset_commit_response::OffsetCommitResponse;
pub use offset_commit_value::OffsetCommitValue;
pub use offset_delete_request::OffsetDeleteRequest;
pub use offset_delete_response::OffsetDeleteResponse;
pub use offset_fetch_request::OffsetFetchRequest;
pub use offset_fetch_response::OffsetFetchResponse;
pub use offset_for_leader_epoch_request::OffsetForLeaderEpochRequest;
pub use offset_for_leader_epoch_response::OffsetForLeaderEpochResponse;
pub use produce_request::ProduceRequest;
pub use produce_response::ProduceResponse;
pub use push_telemetry_request::PushTelemetryRequest;
pub use push_telemetry_response::PushTelemetryResponse;
pub use read_share_group_state_request::ReadShareGroupStateRequest;
pub use read_share_group_state_response::ReadShareGroupStateResponse;
pub use read_share_group_state_summary_request::ReadShareGroupStateSummaryRequest;
pub use read_share_group_state_summary_response::ReadShareGroupStateSummaryResponse;
pub use remove_raft_voter_request::RemoveRaftVoterRequest;
pub use remove_raft_voter_response::RemoveRaftVoterResponse;
pub use renew_delegation_token_request::RenewDelegationTokenRequest;
pub use renew_delegation_token_response::RenewDelegationTokenResponse;
pub use request_header::RequestHeader;
pub use response_header::ResponseHeader;
pub use sasl_authenticate_request::SaslAuthenticateRequest;
pub use sasl_authenticate_response::SaslAuthenticateResponse;
pub use sasl_handshake_request::SaslHandshakeRequest;
pub use sasl_handshake_response::SaslHandshakeResponse;
pub use share_acknowledge_request::ShareAcknowledgeRequest;
pub use share_acknowledge_response::ShareAcknowledgeResponse;
pub use share_fetch_request::ShareFetchRequest;
pub use share_fetch_response::ShareFetchResponse;
pub use share_group_current_member_assignment_key::ShareGroupCurrentMemberAssignmentKey;
pub use share_group_current_member_assignment_value::ShareGroupCurrentMemberAssignmentValue;
pub use share_group_describe_request::ShareGroupDescribeRequest;
pub use share_group_describe_response::ShareGroupDescribeResponse;
pub use share_group_heartbeat_request::ShareGroupHeartbeatRequest;
pub use share_group_heartbeat_response::ShareGroupHeartbeatResponse;
pub use share_group_member_metadata_key::ShareGroupMemberMetadataKey;
pub use share_group_member_metadata_value::ShareGroupMemberMetadataValue;
pub use share_group_metadata_key::ShareGroupMetadataKey;
pub use share_group_metadata_value::ShareGroupMetadataValue;
pub use share_group_state_partition_metadata_key::ShareGroupStatePartitionMetadataKey;
pub use share_group_state_partition_metadata_value::ShareGroupStatePartitionMetadataValue;
pub use share_group_target_assignment_member_key::ShareGroupTargetAssignmentMemberKey;
pub use share_group_target_assignment_member_value::ShareGroupTargetAssignmentMemberValue;
pub use share_group_target_assignment_metadata_key::ShareGroupTargetAssignmentMetadataKey;
pub use share_group_target_assignment_metadata_value::ShareGroupTargetAssignmentMetadataValue;
pub use snapshot_footer_record::SnapshotFooterRecord;
pub use snapshot_header_record::SnapshotHeaderRecord;
pub use streams_group_current_member_assignment_key::StreamsGroupCurrentMemberAssignmentKey;
pub use streams_group_current_member_assignment_value::StreamsGroupCurrentMemberAssignmentValue;
pub use streams_group_describe_request::StreamsGroupDescribeRequest;
pub use streams_group_describe_response::StreamsGroupDescribeResponse;
pub use streams_group_heartbeat_request::StreamsGroupHeartbeatRequest;
pub use streams_group_heartbeat_response::StreamsGroupHeartbeatResponse;
pub use streams_group_member_metadata_key::StreamsGroupMemberMetadataKey;
pub use streams_group_member_metadata_value::StreamsGroupMemberMetadataValue;
pub use streams_group_metadata_key::StreamsGroupMetadataKey;
pub use streams_group_metadata_value::StreamsGroupMetadataValue;
pub use streams_group_target_assignment_member_key::StreamsGroupTargetAssignmentMemberKey;
pub use streams_group_target_assignment_member_value::StreamsGroupTargetAssignmentMemberValue;
pub use streams_group_target_assignment_metadata_key::StreamsGroupTargetAssignmentMetadataKey;
pub use streams_group_target_assignment_metadata_value::StreamsGroupTargetAssignmentMetadataValue;
pub use streams_group_topology_key::StreamsGroupTopologyKey;
pub use streams_group_topology_value::StreamsGroupTopologyValue;
pub use sync_group_request::SyncGroupRequest;
pub use sync_group_response::SyncGroupResponse;
pub use transaction_log_key::TransactionLogKey;
pub use transaction_log_value::TransactionLogValue;
pub use txn_offset_commit_request::TxnOffsetCommitRequest;
pub use txn_offset_commit_response::TxnOffsetCommitResponse;
pub use unregister_broker_request::UnregisterBrokerRequest;
pub use unregister_broker_response::UnregisterBrokerResponse;
pub use update_features_request::UpdateFeaturesRequest;
pub use update_features_response::UpdateFeaturesResponse;
pub use update_raft_voter_request::UpdateRaftVoterRequest;
pub use update_raft_voter_response::UpdateRaftVoterResponse;
pub use vote_request::VoteRequest;
pub use vote_response::VoteResponse;
pub use voters_record::VotersRecord;
pub use write_share_group_state_request::WriteShareGroupStateRequest;
pub use write_share_group_state_response::WriteShareGroupStateResponse;
pub use write_txn_markers_request::WriteTxnMarkersRequest;
pub use write_txn_markers_response::WriteTxnMarkersResponse;

/// Called once per message type; lets tests run a property over every message.
#[cfg(any(test, feature = "test-util"))]
pub trait MessageVisitor {
    fn visit<M: crate::wire::Message + crate::wire::testing::Random + std::fmt::Debug>(&mut self);
}

#[cfg(any(test, feature = "test-util"))]
pub fn visit_all_messages(v: &mut impl MessageVisitor) {
    v.visit::<AddOffsetsToTxnRequest>();
    v.visit::<AddOffsetsToTxnResponse>();
    v.visit::<AddPartitionsToTxnRequest>();
    v.visit::<AddPartitionsToTxnResponse>();
    v.visit::<AddRaftVoterRequest>();
    v.visit::<AddRaftVoterResponse>();
    v.visit::<AllocateProducerIdsRequest>();
    v.visit::<AllocateProducerIdsResponse>();
    v.visit::<AlterClientQuotasRequest>();
    v.visit::<AlterClientQuotasResponse>();
    v.visit::<AlterConfigsRequest>();
    v.visit::<AlterConfigsResponse>();
    v.visit::<AlterPartitionReassignmentsRequest>();
    v.visit::<AlterPartitionReassignmentsResponse>();
    v.visit::<AlterPartitionRequest>();
    v.visit::<AlterPartitionResponse>();
    v.visit::<AlterReplicaLogDirsRequest>();
    v.visit::<AlterReplicaLogDirsResponse>();
    v.visit::<AlterShareGroupOffsetsRequest>();
    v.visit::<AlterShareGroupOffsetsResponse>();
    v.visit::<AlterUserScramCredentialsRequest>();
    v.visit::<AlterUserScramCredentialsResponse>();
    v.visit::<ApiVersionsRequest>();
    v.visit::<ApiVersionsResponse>();
    v.visit::<AssignReplicasToDirsRequest>();
    v.visit::<AssignReplicasToDirsResponse>();
    v.visit::<BeginQuorumEpochRequest>();
    v.visit::<BeginQuorumEpochResponse>();
    v.visit::<BrokerHeartbeatRequest>();
    v.visit::<BrokerHeartbeatResponse>();
    v.visit::<BrokerRegistrationRequest>();
    v.visit::<BrokerRegistrationResponse>();
    v.visit::<ConsumerGroupCurrentMemberAssignmentKey>();
    v.visit::<ConsumerGroupCurrentMemberAssignmentValue>();
    v.visit::<ConsumerGroupDescribeRequest>();
    v.visit::<ConsumerGroupDescribeResponse>();
    v.visit::<ConsumerGroupHeartbeatRequest>();
    v.visit::<ConsumerGroupHeartbeatResponse>();
    v.visit::<ConsumerGroupMemberMetadataKey>();
    v.visit::<ConsumerGroupMemberMetadataValue>();
    v.visit::<ConsumerGroupMetadataKey>();
    v.visit::<ConsumerGroupMetadataValue>();
    v.visit::<ConsumerGroupPartitionMetadataKey>();
    v.visit::<ConsumerGroupPartitionMetadataValue>();
    v.visit::<ConsumerGroupRegularExpressionKey>();
    v.visit::<ConsumerGroupRegularExpressionValue>();
    v.visit::<ConsumerGroupTargetAssignmentMemberKey>();
    v.visit::<ConsumerGroupTargetAssignmentMemberValue>();
    v.visit::<ConsumerGroupTargetAssignmentMetadataKey>();
    v.visit::<ConsumerGroupTargetAssignmentMetadataValue>();
    v.visit::<ConsumerProtocolAssignment>();
    v.visit::<ConsumerProtocolSubscription>();
    v.visit::<ControlRecordTypeSchema>();
    v.visit::<ControllerRegistrationRequest>();
    v.visit::<ControllerRegistrationResponse>();
    v.visit::<CreateAclsRequest>();
    v.visit::<CreateAclsResponse>();
    v.visit::<CreateDelegationTokenRequest>();
    v.visit::<CreateDelegationTokenResponse>();
    v.visit::<CreatePartitionsRequest>();
    v.visit::<CreatePartitionsResponse>();
    v.visit::<CreateTopicsRequest>();
    v.visit::<CreateTopicsResponse>();
    v.visit::<DefaultPrincipalData>();
    v.visit::<DeleteAclsRequest>();
    v.visit::<DeleteAclsResponse>();
    v.visit::<DeleteGroupsRequest>();
    v.visit::<DeleteGroupsResponse>();
    v.visit::<DeleteRecordsRequest>();
    v.visit::<DeleteRecordsResponse>();
    v.visit::<DeleteShareGroupOffsetsRequest>();
    v.visit::<DeleteShareGroupOffsetsResponse>();
    v.visit::<DeleteShareGroupStateRequest>();
    v.visit::<DeleteShareGroupStateResponse>();
    v.visit::<DeleteTopicsRequest>();
    v.visit::<DeleteTopicsResponse>();
    v.visit::<DescribeAclsRequest>();
    v.visit::<DescribeAclsResponse>();
    v.visit::<DescribeClientQuotasRequest>();
    v.visit::<DescribeClientQuotasResponse>();
    v.visit::<DescribeClusterRequest>();
    v.visit::<DescribeClusterResponse>();
    v.visit::<DescribeConfigsRequest>();
    v.visit::<DescribeConfigsResponse>();
    v.visit::<DescribeDelegationTokenRequest>();
    v.visit::<DescribeDelegationTokenResponse>();
    v.visit::<DescribeGroupsRequest>();
    v.visit::<DescribeGroupsResponse>();
    v.visit::<DescribeLogDirsRequest>();
    v.visit::<DescribeLogDirsResponse>();
    v.visit::<DescribeProducersRequest>();
    v.visit::<DescribeProducersResponse>();
    v.visit::<DescribeQuorumRequest>();
    v.visit::<DescribeQuorumResponse>();
    v.visit::<DescribeShareGroupOffsetsRequest>();
    v.visit::<DescribeShareGroupOffsetsResponse>();
    v.visit::<DescribeTopicPartitionsRequest>();
    v.visit::<DescribeTopicPartitionsResponse>();
    v.visit::<DescribeTransactionsRequest>();
    v.visit::<DescribeTransactionsResponse>();
    v.visit::<DescribeUserScramCredentialsRequest>();
    v.visit::<DescribeUserScramCredentialsResponse>();
    v.visit::<ElectLeadersRequest>();
    v.visit::<ElectLeadersResponse>();
    v.visit::<EndQuorumEpochRequest>();
    v.visit::<EndQuorumEpochResponse>();
    v.visit::<EndTxnMarker>();
    v.visit::<EndTxnRequest>();
    v.visit::<EndTxnResponse>();
    v.visit::<EnvelopeRequest>();
    v.visit::<EnvelopeResponse>();
    v.visit::<ExpireDelegationTokenRequest>();
    v.visit::<ExpireDelegationTokenResponse>();
    v.visit::<FetchRequest>();
    v.visit::<FetchResponse>();
    v.visit::<FetchSnapshotRequest>();
    v.visit::<FetchSnapshotResponse>();
    v.visit::<FindCoordinatorRequest>();
    v.visit::<FindCoordinatorResponse>();
    v.visit::<GetTelemetrySubscriptionsRequest>();
    v.visit::<GetTelemetrySubscriptionsResponse>();
    v.visit::<GroupMetadataKey>();
    v.visit::<GroupMetadataValue>();
    v.visit::<HeartbeatRequest>();
    v.visit::<HeartbeatResponse>();
    v.visit::<IncrementalAlterConfigsRequest>();
    v.visit::<IncrementalAlterConfigsResponse>();
    v.visit::<InitProducerIdRequest>();
    v.visit::<InitProducerIdResponse>();
    v.visit::<InitializeShareGroupStateRequest>();
    v.visit::<InitializeShareGroupStateResponse>();
    v.visit::<JoinGroupRequest>();
    v.visit::<JoinGroupResponse>();
    v.visit::<KRaftVersionRecord>();
    v.visit::<LeaderChangeMessage>();
    v.visit::<LeaveGroupRequest>();
    v.visit::<LeaveGroupResponse>();
    v.visit::<LegacyOffsetCommitKey>();
    v.visit::<LegacyOffsetCommitValue>();
    v.visit::<ListConfigResourcesRequest>();
    v.visit::<ListConfigResourcesResponse>();
    v.visit::<ListGroupsRequest>();
    v.visit::<ListGroupsResponse>();
    v.visit::<ListOffsetsRequest>();
    v.visit::<ListOffsetsResponse>();
    v.visit::<ListPartitionReassignmentsRequest>();
    v.visit::<ListPartitionReassignmentsResponse>();
    v.visit::<ListTransactionsRequest>();
    v.visit::<ListTransactionsResponse>();
    v.visit::<MetadataRequest>();
    v.visit::<MetadataResponse>();
    v.visit::<OffsetCommitKey>();
    v.visit::<OffsetCommitRequest>();
    v.visit::<OffsetCommitResponse>();
    v.visit::<OffsetCommitValue>();
    v.visit::<OffsetDeleteRequest>();
    v.visit::<OffsetDeleteResponse>();
    v.visit::<OffsetFetchRequest>();
    v.visit::<OffsetFetchResponse>();
    v.visit::<OffsetForLeaderEpochRequest>();
    v.visit::<OffsetForLeaderEpochResponse>();
    v.visit::<ProduceRequest>();
    v.visit::<ProduceResponse>();
    v.visit::<PushTelemetryRequest>();
    v.visit::<PushTelemetryResponse>();
    v.visit::<ReadShareGroupStateRequest>();
    v.visit::<ReadShareGroupStateResponse>();
    v.visit::<ReadShareGroupStateSummaryRequest>();
    v.visit::<ReadShareGroupStateSummaryResponse>();
    v.visit::<RemoveRaftVoterRequest>();
    v.visit::<RemoveRaftVoterResponse>();
    v.visit::<RenewDelegationTokenRequest>();
    v.visit::<RenewDelegationTokenResponse>();
    v.visit::<RequestHeader>();
    v.visit::<ResponseHeader>();
    v.visit::<SaslAuthenticateRequest>();
    v.visit::<SaslAuthenticateResponse>();
    v.visit::<SaslHandshakeRequest>();
    v.visit::<SaslHandshakeResponse>();
    v.visit::<ShareAcknowledgeRequest>();
    v.visit::<ShareAcknowledgeResponse>();
    v.visit::<ShareFetchRequest>();
    v.visit::<ShareFetchResponse>();
    v.visit::<ShareGroupCurrentMemberAssignmentKey>();
    v.visit::<ShareGroupCurrentMemberAssignmentValue>();
    v.visit::<ShareGroupDescribeRequest>();
    v.visit::<ShareGroupDescribeResponse>();
    v.visit::<ShareGroupHeartbeatRequest>();
    v.visit::<ShareGroupHeartbeatResponse>();
    v.visit::<ShareGroupMemberMetadataKey>();
    v.visit::<ShareGroupMemberMetadataValue>();
    v.visit::<ShareGroupMetadataKey>();
    v.visit::<ShareGroupMetadataValue>();
    v.visit::<ShareGroupStatePartitionMetadataKey>();
    v.visit::<ShareGroupStatePartitionMetadataValue>();
    v.visit::<ShareGroupTargetAssignmentMemberKey>();
    v.visit::<ShareGroupTargetAssignmentMemberValue>();
    v.visit::<ShareGroupTargetAssignmentMetadataKey>();
    v.visit::<ShareGroupTargetAssignmentMetadataValue>();
    v.visit::<SnapshotFooterRecord>();
    v.visit::<SnapshotHeaderRecord>();
    v.visit::<StreamsGroupCurrentMemberAssignmentKey>();
    v.visit::<StreamsGroupCurrentMemberAssignmentValue>();
    v.visit::<StreamsGroupDescribeRequest>();
    v.visit::<StreamsGroupDescribeResponse>();
    v.visit::<StreamsGroupHeartbeatRequest>();
    v.visit::<StreamsGroupHeartbeatResponse>();
    v.visit::<StreamsGroupMemberMetadataKey>();
    v.visit::<StreamsGroupMemberMetadataValue>();
    v.visit::<StreamsGroupMetadataKey>();
    v.visit::<StreamsGroupMetadataValue>();
    v.visit::<StreamsGroupTargetAssignmentMemberKey>();
    v.visit::<StreamsGroupTargetAssignmentMemberValue>();
    v.visit::<StreamsGroupTargetAssignmentMetadataKey>();
    v.visit::<StreamsGroupTargetAssignmentMetadataValue>();
    v.visit::<StreamsGroupTopologyKey>();
    v.visit::<StreamsGroupTopologyValue>();
    v.visit::<SyncGroupRequest>();
    v.visit::<SyncGroupResponse>();
    v.visit::<TransactionLogKey>();
    v.visit::<TransactionLogValue>();
    v.visit::<TxnOffsetCommitRequest>();
    v.visit::<TxnOffsetCommitResponse>();
    v.visit::<UnregisterBrokerRequest>();
    v.visit::<UnregisterBrokerResponse>();
    v.visit::<UpdateFeaturesRequest>();
    v.visit::<UpdateFeaturesResponse>();
    v.visit::<UpdateRaftVoterRequest>();
    v.visit::<UpdateRaftVoterResponse>();
    v.visit::<VoteRequest>();
    v.visit::<VoteResponse>();
    v.visit::<VotersRecord>();
    v.visit::<WriteShareGroupStateRequest>();
    v.visit::<WriteShareGroupStateResponse>();
    v.visit::<WriteTxnMarkersRequest>();
    v.visit::<WriteTxnMarkersResponse>();
}
