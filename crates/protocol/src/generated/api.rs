// Generated from Kafka's message specs by protocol-codegen; do not edit.
//! The API keys, their version ranges and header versions, and the request and
//! response bodies of every API as enums.

use super::*;
use crate::wire::{Message, WireError};
use bytes::{Bytes, BytesMut};

/// A Kafka API, identified on the wire by its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i16)]
pub enum ApiKey {
    Produce = 0,
    Fetch = 1,
    ListOffsets = 2,
    Metadata = 3,
    OffsetCommit = 8,
    OffsetFetch = 9,
    FindCoordinator = 10,
    JoinGroup = 11,
    Heartbeat = 12,
    LeaveGroup = 13,
    SyncGroup = 14,
    DescribeGroups = 15,
    ListGroups = 16,
    SaslHandshake = 17,
    ApiVersions = 18,
    CreateTopics = 19,
    DeleteTopics = 20,
    DeleteRecords = 21,
    InitProducerId = 22,
    OffsetForLeaderEpoch = 23,
    AddPartitionsToTxn = 24,
    AddOffsetsToTxn = 25,
    EndTxn = 26,
    WriteTxnMarkers = 27,
    TxnOffsetCommit = 28,
    DescribeAcls = 29,
    CreateAcls = 30,
    DeleteAcls = 31,
    DescribeConfigs = 32,
    AlterConfigs = 33,
    AlterReplicaLogDirs = 34,
    DescribeLogDirs = 35,
    SaslAuthenticate = 36,
    CreatePartitions = 37,
    CreateDelegationToken = 38,
    RenewDelegationToken = 39,
    ExpireDelegationToken = 40,
    DescribeDelegationToken = 41,
    DeleteGroups = 42,
    ElectLeaders = 43,
    IncrementalAlterConfigs = 44,
    AlterPartitionReassignments = 45,
    ListPartitionReassignments = 46,
    OffsetDelete = 47,
    DescribeClientQuotas = 48,
    AlterClientQuotas = 49,
    DescribeUserScramCredentials = 50,
    AlterUserScramCredentials = 51,
    Vote = 52,
    BeginQuorumEpoch = 53,
    EndQuorumEpoch = 54,
    DescribeQuorum = 55,
    AlterPartition = 56,
    UpdateFeatures = 57,
    Envelope = 58,
    FetchSnapshot = 59,
    DescribeCluster = 60,
    DescribeProducers = 61,
    BrokerRegistration = 62,
    BrokerHeartbeat = 63,
    UnregisterBroker = 64,
    DescribeTransactions = 65,
    ListTransactions = 66,
    AllocateProducerIds = 67,
    ConsumerGroupHeartbeat = 68,
    ConsumerGroupDescribe = 69,
    ControllerRegistration = 70,
    GetTelemetrySubscriptions = 71,
    PushTelemetry = 72,
    AssignReplicasToDirs = 73,
    ListConfigResources = 74,
    DescribeTopicPartitions = 75,
    ShareGroupHeartbeat = 76,
    ShareGroupDescribe = 77,
    ShareFetch = 78,
    ShareAcknowledge = 79,
    AddRaftVoter = 80,
    RemoveRaftVoter = 81,
    UpdateRaftVoter = 82,
    InitializeShareGroupState = 83,
    ReadShareGroupState = 84,
    WriteShareGroupState = 85,
    DeleteShareGroupState = 86,
    ReadShareGroupStateSummary = 87,
    StreamsGroupHeartbeat = 88,
    StreamsGroupDescribe = 89,
    DescribeShareGroupOffsets = 90,
    AlterShareGroupOffsets = 91,
    DeleteShareGroupOffsets = 92,
}

impl ApiKey {
    pub const ALL: [ApiKey; 89] = [
        ApiKey::Produce,
        ApiKey::Fetch,
        ApiKey::ListOffsets,
        ApiKey::Metadata,
        ApiKey::OffsetCommit,
        ApiKey::OffsetFetch,
        ApiKey::FindCoordinator,
        ApiKey::JoinGroup,
        ApiKey::Heartbeat,
        ApiKey::LeaveGroup,
        ApiKey::SyncGroup,
        ApiKey::DescribeGroups,
        ApiKey::ListGroups,
        ApiKey::SaslHandshake,
        ApiKey::ApiVersions,
        ApiKey::CreateTopics,
        ApiKey::DeleteTopics,
        ApiKey::DeleteRecords,
        ApiKey::InitProducerId,
        ApiKey::OffsetForLeaderEpoch,
        ApiKey::AddPartitionsToTxn,
        ApiKey::AddOffsetsToTxn,
        ApiKey::EndTxn,
        ApiKey::WriteTxnMarkers,
        ApiKey::TxnOffsetCommit,
        ApiKey::DescribeAcls,
        ApiKey::CreateAcls,
        ApiKey::DeleteAcls,
        ApiKey::DescribeConfigs,
        ApiKey::AlterConfigs,
        ApiKey::AlterReplicaLogDirs,
        ApiKey::DescribeLogDirs,
        ApiKey::SaslAuthenticate,
        ApiKey::CreatePartitions,
        ApiKey::CreateDelegationToken,
        ApiKey::RenewDelegationToken,
        ApiKey::ExpireDelegationToken,
        ApiKey::DescribeDelegationToken,
        ApiKey::DeleteGroups,
        ApiKey::ElectLeaders,
        ApiKey::IncrementalAlterConfigs,
        ApiKey::AlterPartitionReassignments,
        ApiKey::ListPartitionReassignments,
        ApiKey::OffsetDelete,
        ApiKey::DescribeClientQuotas,
        ApiKey::AlterClientQuotas,
        ApiKey::DescribeUserScramCredentials,
        ApiKey::AlterUserScramCredentials,
        ApiKey::Vote,
        ApiKey::BeginQuorumEpoch,
        ApiKey::EndQuorumEpoch,
        ApiKey::DescribeQuorum,
        ApiKey::AlterPartition,
        ApiKey::UpdateFeatures,
        ApiKey::Envelope,
        ApiKey::FetchSnapshot,
        ApiKey::DescribeCluster,
        ApiKey::DescribeProducers,
        ApiKey::BrokerRegistration,
        ApiKey::BrokerHeartbeat,
        ApiKey::UnregisterBroker,
        ApiKey::DescribeTransactions,
        ApiKey::ListTransactions,
        ApiKey::AllocateProducerIds,
        ApiKey::ConsumerGroupHeartbeat,
        ApiKey::ConsumerGroupDescribe,
        ApiKey::ControllerRegistration,
        ApiKey::GetTelemetrySubscriptions,
        ApiKey::PushTelemetry,
        ApiKey::AssignReplicasToDirs,
        ApiKey::ListConfigResources,
        ApiKey::DescribeTopicPartitions,
        ApiKey::ShareGroupHeartbeat,
        ApiKey::ShareGroupDescribe,
        ApiKey::ShareFetch,
        ApiKey::ShareAcknowledge,
        ApiKey::AddRaftVoter,
        ApiKey::RemoveRaftVoter,
        ApiKey::UpdateRaftVoter,
        ApiKey::InitializeShareGroupState,
        ApiKey::ReadShareGroupState,
        ApiKey::WriteShareGroupState,
        ApiKey::DeleteShareGroupState,
        ApiKey::ReadShareGroupStateSummary,
        ApiKey::StreamsGroupHeartbeat,
        ApiKey::StreamsGroupDescribe,
        ApiKey::DescribeShareGroupOffsets,
        ApiKey::AlterShareGroupOffsets,
        ApiKey::DeleteShareGroupOffsets,
    ];

    pub fn from_i16(key: i16) -> Option<ApiKey> {
        match key {
            0 => Some(ApiKey::Produce),
            1 => Some(ApiKey::Fetch),
            2 => Some(ApiKey::ListOffsets),
            3 => Some(ApiKey::Metadata),
            8 => Some(ApiKey::OffsetCommit),
            9 => Some(ApiKey::OffsetFetch),
            10 => Some(ApiKey::FindCoordinator),
            11 => Some(ApiKey::JoinGroup),
            12 => Some(ApiKey::Heartbeat),
            13 => Some(ApiKey::LeaveGroup),
            14 => Some(ApiKey::SyncGroup),
            15 => Some(ApiKey::DescribeGroups),
            16 => Some(ApiKey::ListGroups),
            17 => Some(ApiKey::SaslHandshake),
            18 => Some(ApiKey::ApiVersions),
            19 => Some(ApiKey::CreateTopics),
            20 => Some(ApiKey::DeleteTopics),
            21 => Some(ApiKey::DeleteRecords),
            22 => Some(ApiKey::InitProducerId),
            23 => Some(ApiKey::OffsetForLeaderEpoch),
            24 => Some(ApiKey::AddPartitionsToTxn),
            25 => Some(ApiKey::AddOffsetsToTxn),
            26 => Some(ApiKey::EndTxn),
            27 => Some(ApiKey::WriteTxnMarkers),
            28 => Some(ApiKey::TxnOffsetCommit),
            29 => Some(ApiKey::DescribeAcls),
            30 => Some(ApiKey::CreateAcls),
            31 => Some(ApiKey::DeleteAcls),
            32 => Some(ApiKey::DescribeConfigs),
            33 => Some(ApiKey::AlterConfigs),
            34 => Some(ApiKey::AlterReplicaLogDirs),
            35 => Some(ApiKey::DescribeLogDirs),
            36 => Some(ApiKey::SaslAuthenticate),
            37 => Some(ApiKey::CreatePartitions),
            38 => Some(ApiKey::CreateDelegationToken),
            39 => Some(ApiKey::RenewDelegationToken),
            40 => Some(ApiKey::ExpireDelegationToken),
            41 => Some(ApiKey::DescribeDelegationToken),
            42 => Some(ApiKey::DeleteGroups),
            43 => Some(ApiKey::ElectLeaders),
            44 => Some(ApiKey::IncrementalAlterConfigs),
            45 => Some(ApiKey::AlterPartitionReassignments),
            46 => Some(ApiKey::ListPartitionReassignments),
            47 => Some(ApiKey::OffsetDelete),
            48 => Some(ApiKey::DescribeClientQuotas),
            49 => Some(ApiKey::AlterClientQuotas),
            50 => Some(ApiKey::DescribeUserScramCredentials),
            51 => Some(ApiKey::AlterUserScramCredentials),
            52 => Some(ApiKey::Vote),
            53 => Some(ApiKey::BeginQuorumEpoch),
            54 => Some(ApiKey::EndQuorumEpoch),
            55 => Some(ApiKey::DescribeQuorum),
            56 => Some(ApiKey::AlterPartition),
            57 => Some(ApiKey::UpdateFeatures),
            58 => Some(ApiKey::Envelope),
            59 => Some(ApiKey::FetchSnapshot),
            60 => Some(ApiKey::DescribeCluster),
            61 => Some(ApiKey::DescribeProducers),
            62 => Some(ApiKey::BrokerRegistration),
            63 => Some(ApiKey::BrokerHeartbeat),
            64 => Some(ApiKey::UnregisterBroker),
            65 => Some(ApiKey::DescribeTransactions),
            66 => Some(ApiKey::ListTransactions),
            67 => Some(ApiKey::AllocateProducerIds),
            68 => Some(ApiKey::ConsumerGroupHeartbeat),
            69 => Some(ApiKey::ConsumerGroupDescribe),
            70 => Some(ApiKey::ControllerRegistration),
            71 => Some(ApiKey::GetTelemetrySubscriptions),
            72 => Some(ApiKey::PushTelemetry),
            73 => Some(ApiKey::AssignReplicasToDirs),
            74 => Some(ApiKey::ListConfigResources),
            75 => Some(ApiKey::DescribeTopicPartitions),
            76 => Some(ApiKey::ShareGroupHeartbeat),
            77 => Some(ApiKey::ShareGroupDescribe),
            78 => Some(ApiKey::ShareFetch),
            79 => Some(ApiKey::ShareAcknowledge),
            80 => Some(ApiKey::AddRaftVoter),
            81 => Some(ApiKey::RemoveRaftVoter),
            82 => Some(ApiKey::UpdateRaftVoter),
            83 => Some(ApiKey::InitializeShareGroupState),
            84 => Some(ApiKey::ReadShareGroupState),
            85 => Some(ApiKey::WriteShareGroupState),
            86 => Some(ApiKey::DeleteShareGroupState),
            87 => Some(ApiKey::ReadShareGroupStateSummary),
            88 => Some(ApiKey::StreamsGroupHeartbeat),
            89 => Some(ApiKey::StreamsGroupDescribe),
            90 => Some(ApiKey::DescribeShareGroupOffsets),
            91 => Some(ApiKey::AlterShareGroupOffsets),
            92 => Some(ApiKey::DeleteShareGroupOffsets),
            _ => None,
        }
    }

    /// Kafka's name of the API.
    pub fn name(self) -> &'static str {
        match self {
            ApiKey::Produce => "Produce",
            ApiKey::Fetch => "Fetch",
            ApiKey::ListOffsets => "ListOffsets",
            ApiKey::Metadata => "Metadata",
            ApiKey::OffsetCommit => "OffsetCommit",
            ApiKey::OffsetFetch => "OffsetFetch",
            ApiKey::FindCoordinator => "FindCoordinator",
            ApiKey::JoinGroup => "JoinGroup",
            ApiKey::Heartbeat => "Heartbeat",
            ApiKey::LeaveGroup => "LeaveGroup",
            ApiKey::SyncGroup => "SyncGroup",
            ApiKey::DescribeGroups => "DescribeGroups",
            ApiKey::ListGroups => "ListGroups",
            ApiKey::SaslHandshake => "SaslHandshake",
            ApiKey::ApiVersions => "ApiVersions",
            ApiKey::CreateTopics => "CreateTopics",
            ApiKey::DeleteTopics => "DeleteTopics",
            ApiKey::DeleteRecords => "DeleteRecords",
            ApiKey::InitProducerId => "InitProducerId",
            ApiKey::OffsetForLeaderEpoch => "OffsetForLeaderEpoch",
            ApiKey::AddPartitionsToTxn => "AddPartitionsToTxn",
            ApiKey::AddOffsetsToTxn => "AddOffsetsToTxn",
            ApiKey::EndTxn => "EndTxn",
            ApiKey::WriteTxnMarkers => "WriteTxnMarkers",
            ApiKey::TxnOffsetCommit => "TxnOffsetCommit",
            ApiKey::DescribeAcls => "DescribeAcls",
            ApiKey::CreateAcls => "CreateAcls",
            ApiKey::DeleteAcls => "DeleteAcls",
            ApiKey::DescribeConfigs => "DescribeConfigs",
            ApiKey::AlterConfigs => "AlterConfigs",
            ApiKey::AlterReplicaLogDirs => "AlterReplicaLogDirs",
            ApiKey::DescribeLogDirs => "DescribeLogDirs",
            ApiKey::SaslAuthenticate => "SaslAuthenticate",
            ApiKey::CreatePartitions => "CreatePartitions",
            ApiKey::CreateDelegationToken => "CreateDelegationToken",
            ApiKey::RenewDelegationToken => "RenewDelegationToken",
            ApiKey::ExpireDelegationToken => "ExpireDelegationToken",
            ApiKey::DescribeDelegationToken => "DescribeDelegationToken",
            ApiKey::DeleteGroups => "DeleteGroups",
            ApiKey::ElectLeaders => "ElectLeaders",
            ApiKey::IncrementalAlterConfigs => "IncrementalAlterConfigs",
            ApiKey::AlterPartitionReassignments => "AlterPartitionReassignments",
            ApiKey::ListPartitionReassignments => "ListPartitionReassignments",
            ApiKey::OffsetDelete => "OffsetDelete",
            ApiKey::DescribeClientQuotas => "DescribeClientQuotas",
            ApiKey::AlterClientQuotas => "AlterClientQuotas",
            ApiKey::DescribeUserScramCredentials => "DescribeUserScramCredentials",
            ApiKey::AlterUserScramCredentials => "AlterUserScramCredentials",
            ApiKey::Vote => "Vote",
            ApiKey::BeginQuorumEpoch => "BeginQuorumEpoch",
            ApiKey::EndQuorumEpoch => "EndQuorumEpoch",
            ApiKey::DescribeQuorum => "DescribeQuorum",
            ApiKey::AlterPartition => "AlterPartition",
            ApiKey::UpdateFeatures => "UpdateFeatures",
            ApiKey::Envelope => "Envelope",
            ApiKey::FetchSnapshot => "FetchSnapshot",
            ApiKey::DescribeCluster => "DescribeCluster",
            ApiKey::DescribeProducers => "DescribeProducers",
            ApiKey::BrokerRegistration => "BrokerRegistration",
            ApiKey::BrokerHeartbeat => "BrokerHeartbeat",
            ApiKey::UnregisterBroker => "UnregisterBroker",
            ApiKey::DescribeTransactions => "DescribeTransactions",
            ApiKey::ListTransactions => "ListTransactions",
            ApiKey::AllocateProducerIds => "AllocateProducerIds",
            ApiKey::ConsumerGroupHeartbeat => "ConsumerGroupHeartbeat",
            ApiKey::ConsumerGroupDescribe => "ConsumerGroupDescribe",
            ApiKey::ControllerRegistration => "ControllerRegistration",
            ApiKey::GetTelemetrySubscriptions => "GetTelemetrySubscriptions",
            ApiKey::PushTelemetry => "PushTelemetry",
            ApiKey::AssignReplicasToDirs => "AssignReplicasToDirs",
            ApiKey::ListConfigResources => "ListConfigResources",
            ApiKey::DescribeTopicPartitions => "DescribeTopicPartitions",
            ApiKey::ShareGroupHeartbeat => "ShareGroupHeartbeat",
            ApiKey::ShareGroupDescribe => "ShareGroupDescribe",
            ApiKey::ShareFetch => "ShareFetch",
            ApiKey::ShareAcknowledge => "ShareAcknowledge",
            ApiKey::AddRaftVoter => "AddRaftVoter",
            ApiKey::RemoveRaftVoter => "RemoveRaftVoter",
            ApiKey::UpdateRaftVoter => "UpdateRaftVoter",
            ApiKey::InitializeShareGroupState => "InitializeShareGroupState",
            ApiKey::ReadShareGroupState => "ReadShareGroupState",
            ApiKey::WriteShareGroupState => "WriteShareGroupState",
            ApiKey::DeleteShareGroupState => "DeleteShareGroupState",
            ApiKey::ReadShareGroupStateSummary => "ReadShareGroupStateSummary",
            ApiKey::StreamsGroupHeartbeat => "StreamsGroupHeartbeat",
            ApiKey::StreamsGroupDescribe => "StreamsGroupDescribe",
            ApiKey::DescribeShareGroupOffsets => "DescribeShareGroupOffsets",
            ApiKey::AlterShareGroupOffsets => "AlterShareGroupOffsets",
            ApiKey::DeleteShareGroupOffsets => "DeleteShareGroupOffsets",
        }
    }

    /// The lowest and highest versions the specs define.
    pub fn valid_versions(self) -> (i16, i16) {
        match self {
            ApiKey::Produce => (3, 13),
            ApiKey::Fetch => (4, 18),
            ApiKey::ListOffsets => (1, 11),
            ApiKey::Metadata => (0, 13),
            ApiKey::OffsetCommit => (2, 10),
            ApiKey::OffsetFetch => (1, 10),
            ApiKey::FindCoordinator => (0, 6),
            ApiKey::JoinGroup => (0, 9),
            ApiKey::Heartbeat => (0, 4),
            ApiKey::LeaveGroup => (0, 5),
            ApiKey::SyncGroup => (0, 5),
            ApiKey::DescribeGroups => (0, 6),
            ApiKey::ListGroups => (0, 5),
            ApiKey::SaslHandshake => (0, 1),
            ApiKey::ApiVersions => (0, 4),
            ApiKey::CreateTopics => (2, 7),
            ApiKey::DeleteTopics => (1, 6),
            ApiKey::DeleteRecords => (0, 2),
            ApiKey::InitProducerId => (0, 6),
            ApiKey::OffsetForLeaderEpoch => (2, 4),
            ApiKey::AddPartitionsToTxn => (0, 5),
            ApiKey::AddOffsetsToTxn => (0, 4),
            ApiKey::EndTxn => (0, 5),
            ApiKey::WriteTxnMarkers => (1, 2),
            ApiKey::TxnOffsetCommit => (0, 5),
            ApiKey::DescribeAcls => (1, 3),
            ApiKey::CreateAcls => (1, 3),
            ApiKey::DeleteAcls => (1, 3),
            ApiKey::DescribeConfigs => (1, 4),
            ApiKey::AlterConfigs => (0, 2),
            ApiKey::AlterReplicaLogDirs => (1, 2),
            ApiKey::DescribeLogDirs => (1, 5),
            ApiKey::SaslAuthenticate => (0, 2),
            ApiKey::CreatePartitions => (0, 3),
            ApiKey::CreateDelegationToken => (1, 3),
            ApiKey::RenewDelegationToken => (1, 2),
            ApiKey::ExpireDelegationToken => (1, 2),
            ApiKey::DescribeDelegationToken => (1, 3),
            ApiKey::DeleteGroups => (0, 2),
            ApiKey::ElectLeaders => (0, 2),
            ApiKey::IncrementalAlterConfigs => (0, 1),
            ApiKey::AlterPartitionReassignments => (0, 1),
            ApiKey::ListPartitionReassignments => (0, 0),
            ApiKey::OffsetDelete => (0, 0),
            ApiKey::DescribeClientQuotas => (0, 1),
            ApiKey::AlterClientQuotas => (0, 1),
            ApiKey::DescribeUserScramCredentials => (0, 0),
            ApiKey::AlterUserScramCredentials => (0, 0),
            ApiKey::Vote => (0, 2),
            ApiKey::BeginQuorumEpoch => (0, 1),
            ApiKey::EndQuorumEpoch => (0, 1),
            ApiKey::DescribeQuorum => (0, 2),
            ApiKey::AlterPartition => (2, 3),
            ApiKey::UpdateFeatures => (0, 2),
            ApiKey::Envelope => (0, 0),
            ApiKey::FetchSnapshot => (0, 1),
            ApiKey::DescribeCluster => (0, 2),
            ApiKey::DescribeProducers => (0, 0),
            ApiKey::BrokerRegistration => (0, 4),
            ApiKey::BrokerHeartbeat => (0, 2),
            ApiKey::UnregisterBroker => (0, 0),
            ApiKey::DescribeTransactions => (0, 0),
            ApiKey::ListTransactions => (0, 2),
            ApiKey::AllocateProducerIds => (0, 0),
            ApiKey::ConsumerGroupHeartbeat => (0, 1),
            ApiKey::ConsumerGroupDescribe => (0, 1),
            ApiKey::ControllerRegistration => (0, 0),
            ApiKey::GetTelemetrySubscriptions => (0, 0),
            ApiKey::PushTelemetry => (0, 0),
            ApiKey::AssignReplicasToDirs => (0, 0),
            ApiKey::ListConfigResources => (0, 1),
            ApiKey::DescribeTopicPartitions => (0, 0),
            ApiKey::ShareGroupHeartbeat => (1, 1),
            ApiKey::ShareGroupDescribe => (1, 1),
            ApiKey::ShareFetch => (1, 2),
            ApiKey::ShareAcknowledge => (1, 2),
            ApiKey::AddRaftVoter => (0, 1),
            ApiKey::RemoveRaftVoter => (0, 0),
            ApiKey::UpdateRaftVoter => (0, 0),
            ApiKey::InitializeShareGroupState => (0, 0),
            ApiKey::ReadShareGroupState => (0, 0),
            ApiKey::WriteShareGroupState => (0, 1),
            ApiKey::DeleteShareGroupState => (0, 0),
            ApiKey::ReadShareGroupStateSummary => (0, 1),
            ApiKey::StreamsGroupHeartbeat => (0, 0),
            ApiKey::StreamsGroupDescribe => (0, 0),
            ApiKey::DescribeShareGroupOffsets => (0, 1),
            ApiKey::AlterShareGroupOffsets => (0, 0),
            ApiKey::DeleteShareGroupOffsets => (0, 0),
        }
    }

    /// Whether the highest valid version is unstable (still in development upstream).
    pub fn latest_version_unstable(self) -> bool {
        match self {
            ApiKey::Produce => false,
            ApiKey::Fetch => false,
            ApiKey::ListOffsets => false,
            ApiKey::Metadata => false,
            ApiKey::OffsetCommit => false,
            ApiKey::OffsetFetch => false,
            ApiKey::FindCoordinator => false,
            ApiKey::JoinGroup => false,
            ApiKey::Heartbeat => false,
            ApiKey::LeaveGroup => false,
            ApiKey::SyncGroup => false,
            ApiKey::DescribeGroups => false,
            ApiKey::ListGroups => false,
            ApiKey::SaslHandshake => false,
            ApiKey::ApiVersions => false,
            ApiKey::CreateTopics => false,
            ApiKey::DeleteTopics => false,
            ApiKey::DeleteRecords => false,
            ApiKey::InitProducerId => true,
            ApiKey::OffsetForLeaderEpoch => false,
            ApiKey::AddPartitionsToTxn => false,
            ApiKey::AddOffsetsToTxn => false,
            ApiKey::EndTxn => false,
            ApiKey::WriteTxnMarkers => false,
            ApiKey::TxnOffsetCommit => false,
            ApiKey::DescribeAcls => false,
            ApiKey::CreateAcls => false,
            ApiKey::DeleteAcls => false,
            ApiKey::DescribeConfigs => false,
            ApiKey::AlterConfigs => false,
            ApiKey::AlterReplicaLogDirs => false,
            ApiKey::DescribeLogDirs => false,
            ApiKey::SaslAuthenticate => false,
            ApiKey::CreatePartitions => false,
            ApiKey::CreateDelegationToken => false,
            ApiKey::RenewDelegationToken => false,
            ApiKey::ExpireDelegationToken => false,
            ApiKey::DescribeDelegationToken => false,
            ApiKey::DeleteGroups => false,
            ApiKey::ElectLeaders => false,
            ApiKey::IncrementalAlterConfigs => false,
            ApiKey::AlterPartitionReassignments => false,
            ApiKey::ListPartitionReassignments => false,
            ApiKey::OffsetDelete => false,
            ApiKey::DescribeClientQuotas => false,
            ApiKey::AlterClientQuotas => false,
            ApiKey::DescribeUserScramCredentials => false,
            ApiKey::AlterUserScramCredentials => false,
            ApiKey::Vote => false,
            ApiKey::BeginQuorumEpoch => false,
            ApiKey::EndQuorumEpoch => false,
            ApiKey::DescribeQuorum => false,
            ApiKey::AlterPartition => false,
            ApiKey::UpdateFeatures => false,
            ApiKey::Envelope => false,
            ApiKey::FetchSnapshot => false,
            ApiKey::DescribeCluster => false,
            ApiKey::DescribeProducers => false,
            ApiKey::BrokerRegistration => false,
            ApiKey::BrokerHeartbeat => false,
            ApiKey::UnregisterBroker => false,
            ApiKey::DescribeTransactions => false,
            ApiKey::ListTransactions => false,
            ApiKey::AllocateProducerIds => false,
            ApiKey::ConsumerGroupHeartbeat => false,
            ApiKey::ConsumerGroupDescribe => false,
            ApiKey::ControllerRegistration => false,
            ApiKey::GetTelemetrySubscriptions => false,
            ApiKey::PushTelemetry => false,
            ApiKey::AssignReplicasToDirs => false,
            ApiKey::ListConfigResources => false,
            ApiKey::DescribeTopicPartitions => false,
            ApiKey::ShareGroupHeartbeat => false,
            ApiKey::ShareGroupDescribe => false,
            ApiKey::ShareFetch => false,
            ApiKey::ShareAcknowledge => false,
            ApiKey::AddRaftVoter => false,
            ApiKey::RemoveRaftVoter => false,
            ApiKey::UpdateRaftVoter => false,
            ApiKey::InitializeShareGroupState => false,
            ApiKey::ReadShareGroupState => false,
            ApiKey::WriteShareGroupState => false,
            ApiKey::DeleteShareGroupState => false,
            ApiKey::ReadShareGroupStateSummary => false,
            ApiKey::StreamsGroupHeartbeat => false,
            ApiKey::StreamsGroupDescribe => false,
            ApiKey::DescribeShareGroupOffsets => false,
            ApiKey::AlterShareGroupOffsets => false,
            ApiKey::DeleteShareGroupOffsets => false,
        }
    }

    /// The first flexible version, if any.
    pub fn flexible_from(self) -> Option<i16> {
        match self {
            ApiKey::Produce => Some(9),
            ApiKey::Fetch => Some(12),
            ApiKey::ListOffsets => Some(6),
            ApiKey::Metadata => Some(9),
            ApiKey::OffsetCommit => Some(8),
            ApiKey::OffsetFetch => Some(6),
            ApiKey::FindCoordinator => Some(3),
            ApiKey::JoinGroup => Some(6),
            ApiKey::Heartbeat => Some(4),
            ApiKey::LeaveGroup => Some(4),
            ApiKey::SyncGroup => Some(4),
            ApiKey::DescribeGroups => Some(5),
            ApiKey::ListGroups => Some(3),
            ApiKey::SaslHandshake => None,
            ApiKey::ApiVersions => Some(3),
            ApiKey::CreateTopics => Some(5),
            ApiKey::DeleteTopics => Some(4),
            ApiKey::DeleteRecords => Some(2),
            ApiKey::InitProducerId => Some(2),
            ApiKey::OffsetForLeaderEpoch => Some(4),
            ApiKey::AddPartitionsToTxn => Some(3),
            ApiKey::AddOffsetsToTxn => Some(3),
            ApiKey::EndTxn => Some(3),
            ApiKey::WriteTxnMarkers => Some(1),
            ApiKey::TxnOffsetCommit => Some(3),
            ApiKey::DescribeAcls => Some(2),
            ApiKey::CreateAcls => Some(2),
            ApiKey::DeleteAcls => Some(2),
            ApiKey::DescribeConfigs => Some(4),
            ApiKey::AlterConfigs => Some(2),
            ApiKey::AlterReplicaLogDirs => Some(2),
            ApiKey::DescribeLogDirs => Some(2),
            ApiKey::SaslAuthenticate => Some(2),
            ApiKey::CreatePartitions => Some(2),
            ApiKey::CreateDelegationToken => Some(2),
            ApiKey::RenewDelegationToken => Some(2),
            ApiKey::ExpireDelegationToken => Some(2),
            ApiKey::DescribeDelegationToken => Some(2),
            ApiKey::DeleteGroups => Some(2),
            ApiKey::ElectLeaders => Some(2),
            ApiKey::IncrementalAlterConfigs => Some(1),
            ApiKey::AlterPartitionReassignments => Some(0),
            ApiKey::ListPartitionReassignments => Some(0),
            ApiKey::OffsetDelete => None,
            ApiKey::DescribeClientQuotas => Some(1),
            ApiKey::AlterClientQuotas => Some(1),
            ApiKey::DescribeUserScramCredentials => Some(0),
            ApiKey::AlterUserScramCredentials => Some(0),
            ApiKey::Vote => Some(0),
            ApiKey::BeginQuorumEpoch => Some(1),
            ApiKey::EndQuorumEpoch => Some(1),
            ApiKey::DescribeQuorum => Some(0),
            ApiKey::AlterPartition => Some(2),
            ApiKey::UpdateFeatures => Some(0),
            ApiKey::Envelope => Some(0),
            ApiKey::FetchSnapshot => Some(0),
            ApiKey::DescribeCluster => Some(0),
            ApiKey::DescribeProducers => Some(0),
            ApiKey::BrokerRegistration => Some(0),
            ApiKey::BrokerHeartbeat => Some(0),
            ApiKey::UnregisterBroker => Some(0),
            ApiKey::DescribeTransactions => Some(0),
            ApiKey::ListTransactions => Some(0),
            ApiKey::AllocateProducerIds => Some(0),
            ApiKey::ConsumerGroupHeartbeat => Some(0),
            ApiKey::ConsumerGroupDescribe => Some(0),
            ApiKey::ControllerRegistration => Some(0),
            ApiKey::GetTelemetrySubscriptions => Some(0),
            ApiKey::PushTelemetry => Some(0),
            ApiKey::AssignReplicasToDirs => Some(0),
            ApiKey::ListConfigResources => Some(0),
            ApiKey::DescribeTopicPartitions => Some(0),
            ApiKey::ShareGroupHeartbeat => Some(1),
            ApiKey::ShareGroupDescribe => Some(1),
            ApiKey::ShareFetch => Some(1),
            ApiKey::ShareAcknowledge => Some(1),
            ApiKey::AddRaftVoter => Some(0),
            ApiKey::RemoveRaftVoter => Some(0),
            ApiKey::UpdateRaftVoter => Some(0),
            ApiKey::InitializeShareGroupState => Some(0),
            ApiKey::ReadShareGroupState => Some(0),
            ApiKey::WriteShareGroupState => Some(0),
            ApiKey::DeleteShareGroupState => Some(0),
            ApiKey::ReadShareGroupStateSummary => Some(0),
            ApiKey::StreamsGroupHeartbeat => Some(0),
            ApiKey::StreamsGroupDescribe => Some(0),
            ApiKey::DescribeShareGroupOffsets => Some(0),
            ApiKey::AlterShareGroupOffsets => Some(0),
            ApiKey::DeleteShareGroupOffsets => Some(0),
        }
    }

    /// Where the API is served: "broker", "controller" (and, for older ones, "zkBroker").
    pub fn listeners(self) -> &'static [&'static str] {
        match self {
            ApiKey::Produce => &["broker"],
            ApiKey::Fetch => &["broker", "controller"],
            ApiKey::ListOffsets => &["broker"],
            ApiKey::Metadata => &["broker"],
            ApiKey::OffsetCommit => &["broker"],
            ApiKey::OffsetFetch => &["broker"],
            ApiKey::FindCoordinator => &["broker"],
            ApiKey::JoinGroup => &["broker"],
            ApiKey::Heartbeat => &["broker"],
            ApiKey::LeaveGroup => &["broker"],
            ApiKey::SyncGroup => &["broker"],
            ApiKey::DescribeGroups => &["broker"],
            ApiKey::ListGroups => &["broker"],
            ApiKey::SaslHandshake => &["broker", "controller"],
            ApiKey::ApiVersions => &["broker", "controller"],
            ApiKey::CreateTopics => &["broker", "controller"],
            ApiKey::DeleteTopics => &["broker", "controller"],
            ApiKey::DeleteRecords => &["broker"],
            ApiKey::InitProducerId => &["broker"],
            ApiKey::OffsetForLeaderEpoch => &["broker"],
            ApiKey::AddPartitionsToTxn => &["broker"],
            ApiKey::AddOffsetsToTxn => &["broker"],
            ApiKey::EndTxn => &["broker"],
            ApiKey::WriteTxnMarkers => &["broker"],
            ApiKey::TxnOffsetCommit => &["broker"],
            ApiKey::DescribeAcls => &["broker", "controller"],
            ApiKey::CreateAcls => &["broker", "controller"],
            ApiKey::DeleteAcls => &["broker", "controller"],
            ApiKey::DescribeConfigs => &["broker", "controller"],
            ApiKey::AlterConfigs => &["broker", "controller"],
            ApiKey::AlterReplicaLogDirs => &["broker"],
            ApiKey::DescribeLogDirs => &["broker"],
            ApiKey::SaslAuthenticate => &["broker", "controller"],
            ApiKey::CreatePartitions => &["broker", "controller"],
            ApiKey::CreateDelegationToken => &["broker", "controller"],
            ApiKey::RenewDelegationToken => &["broker", "controller"],
            ApiKey::ExpireDelegationToken => &["broker", "controller"],
            ApiKey::DescribeDelegationToken => &["broker", "controller"],
            ApiKey::DeleteGroups => &["broker"],
            ApiKey::ElectLeaders => &["broker", "controller"],
            ApiKey::IncrementalAlterConfigs => &["broker", "controller"],
            ApiKey::AlterPartitionReassignments => &["broker", "controller"],
            ApiKey::ListPartitionReassignments => &["broker", "controller"],
            ApiKey::OffsetDelete => &["broker"],
            ApiKey::DescribeClientQuotas => &["broker"],
            ApiKey::AlterClientQuotas => &["broker", "controller"],
            ApiKey::DescribeUserScramCredentials => &["broker", "controller"],
            ApiKey::AlterUserScramCredentials => &["broker", "controller"],
            ApiKey::Vote => &["controller"],
            ApiKey::BeginQuorumEpoch => &["controller"],
            ApiKey::EndQuorumEpoch => &["controller"],
            ApiKey::DescribeQuorum => &["broker", "controller"],
            ApiKey::AlterPartition => &["controller"],
            ApiKey::UpdateFeatures => &["broker", "controller"],
            ApiKey::Envelope => &["controller"],
            ApiKey::FetchSnapshot => &["controller"],
            ApiKey::DescribeCluster => &["broker", "controller"],
            ApiKey::DescribeProducers => &["broker"],
            ApiKey::BrokerRegistration => &["controller"],
            ApiKey::BrokerHeartbeat => &["controller"],
            ApiKey::UnregisterBroker => &["broker", "controller"],
            ApiKey::DescribeTransactions => &["broker"],
            ApiKey::ListTransactions => &["broker"],
            ApiKey::AllocateProducerIds => &["controller"],
            ApiKey::ConsumerGroupHeartbeat => &["broker"],
            ApiKey::ConsumerGroupDescribe => &["broker"],
            ApiKey::ControllerRegistration => &["controller"],
            ApiKey::GetTelemetrySubscriptions => &["broker"],
            ApiKey::PushTelemetry => &["broker"],
            ApiKey::AssignReplicasToDirs => &["controller"],
            ApiKey::ListConfigResources => &["broker"],
            ApiKey::DescribeTopicPartitions => &["broker"],
            ApiKey::ShareGroupHeartbeat => &["broker"],
            ApiKey::ShareGroupDescribe => &["broker"],
            ApiKey::ShareFetch => &["broker"],
            ApiKey::ShareAcknowledge => &["broker"],
            ApiKey::AddRaftVoter => &["controller", "broker"],
            ApiKey::RemoveRaftVoter => &["controller", "broker"],
            ApiKey::UpdateRaftVoter => &["controller"],
            ApiKey::InitializeShareGroupState => &["broker"],
            ApiKey::ReadShareGroupState => &["broker"],
            ApiKey::WriteShareGroupState => &["broker"],
            ApiKey::DeleteShareGroupState => &["broker"],
            ApiKey::ReadShareGroupStateSummary => &["broker"],
            ApiKey::StreamsGroupHeartbeat => &["broker"],
            ApiKey::StreamsGroupDescribe => &["broker"],
            ApiKey::DescribeShareGroupOffsets => &["broker"],
            ApiKey::AlterShareGroupOffsets => &["broker"],
            ApiKey::DeleteShareGroupOffsets => &["broker"],
        }
    }

    pub fn is_flexible(self, version: i16) -> bool {
        self.flexible_from().is_some_and(|f| version >= f)
    }

/// Header version of a request: 2 when flexible, else 1 (0 for ControlledShutdown v0,
    /// where the specs still have it).
    pub fn request_header_version(self, version: i16) -> i16 {
        if self.is_flexible(version) {
            2
        } else {
            1
        }
    }

/// Header version of a response: 1 when flexible, else 0. ApiVersions responses always
    /// use 0, so a client that does not yet know our versions can read them.
    pub fn response_header_version(self, version: i16) -> i16 {
        if self != ApiKey::ApiVersions && self.is_flexible(version) { 1 } else { 0 }
    }
}

/// The body of any request, by API.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestBody {
    Produce(ProduceRequest),
    Fetch(FetchRequest),
    ListOffsets(ListOffsetsRequest),
    Metadata(MetadataRequest),
    OffsetCommit(OffsetCommitRequest),
    OffsetFetch(OffsetFetchRequest),
    FindCoordinator(FindCoordinatorRequest),
    JoinGroup(JoinGroupRequest),
    Heartbeat(HeartbeatRequest),
    LeaveGroup(LeaveGroupRequest),
    SyncGroup(SyncGroupRequest),
    DescribeGroups(DescribeGroupsRequest),
    ListGroups(ListGroupsRequest),
    SaslHandshake(SaslHandshakeRequest),
    ApiVersions(ApiVersionsRequest),
    CreateTopics(CreateTopicsRequest),
    DeleteTopics(DeleteTopicsRequest),
    DeleteRecords(DeleteRecordsRequest),
    InitProducerId(InitProducerIdRequest),
    OffsetForLeaderEpoch(OffsetForLeaderEpochRequest),
    AddPartitionsToTxn(AddPartitionsToTxnRequest),
    AddOffsetsToTxn(AddOffsetsToTxnRequest),
    EndTxn(EndTxnRequest),
    WriteTxnMarkers(WriteTxnMarkersRequest),
    TxnOffsetCommit(TxnOffsetCommitRequest),
    DescribeAcls(DescribeAclsRequest),
    CreateAcls(CreateAclsRequest),
    DeleteAcls(DeleteAclsRequest),
    DescribeConfigs(DescribeConfigsRequest),
    AlterConfigs(AlterConfigsRequest),
    AlterReplicaLogDirs(AlterReplicaLogDirsRequest),
    DescribeLogDirs(DescribeLogDirsRequest),
    SaslAuthenticate(SaslAuthenticateRequest),
    CreatePartitions(CreatePartitionsRequest),
    CreateDelegationToken(CreateDelegationTokenRequest),
    RenewDelegationToken(RenewDelegationTokenRequest),
    ExpireDelegationToken(ExpireDelegationTokenRequest),
    DescribeDelegationToken(DescribeDelegationTokenRequest),
    DeleteGroups(DeleteGroupsRequest),
    ElectLeaders(ElectLeadersRequest),
    IncrementalAlterConfigs(IncrementalAlterConfigsRequest),
    AlterPartitionReassignments(AlterPartitionReassignmentsRequest),
    ListPartitionReassignments(ListPartitionReassignmentsRequest),
    OffsetDelete(OffsetDeleteRequest),
    DescribeClientQuotas(DescribeClientQuotasRequest),
    AlterClientQuotas(AlterClientQuotasRequest),
    DescribeUserScramCredentials(DescribeUserScramCredentialsRequest),
    AlterUserScramCredentials(AlterUserScramCredentialsRequest),
    Vote(VoteRequest),
    BeginQuorumEpoch(BeginQuorumEpochRequest),
    EndQuorumEpoch(EndQuorumEpochRequest),
    DescribeQuorum(DescribeQuorumRequest),
    AlterPartition(AlterPartitionRequest),
    UpdateFeatures(UpdateFeaturesRequest),
    Envelope(EnvelopeRequest),
    FetchSnapshot(FetchSnapshotRequest),
    DescribeCluster(DescribeClusterRequest),
    DescribeProducers(DescribeProducersRequest),
    BrokerRegistration(BrokerRegistrationRequest),
    BrokerHeartbeat(BrokerHeartbeatRequest),
    UnregisterBroker(UnregisterBrokerRequest),
    DescribeTransactions(DescribeTransactionsRequest),
    ListTransactions(ListTransactionsRequest),
    AllocateProducerIds(AllocateProducerIdsRequest),
    ConsumerGroupHeartbeat(ConsumerGroupHeartbeatRequest),
    ConsumerGroupDescribe(ConsumerGroupDescribeRequest),
    ControllerRegistration(ControllerRegistrationRequest),
    GetTelemetrySubscriptions(GetTelemetrySubscriptionsRequest),
    PushTelemetry(PushTelemetryRequest),
    AssignReplicasToDirs(AssignReplicasToDirsRequest),
    ListConfigResources(ListConfigResourcesRequest),
    DescribeTopicPartitions(DescribeTopicPartitionsRequest),
    ShareGroupHeartbeat(ShareGroupHeartbeatRequest),
    ShareGroupDescribe(ShareGroupDescribeRequest),
    ShareFetch(ShareFetchRequest),
    ShareAcknowledge(ShareAcknowledgeRequest),
    AddRaftVoter(AddRaftVoterRequest),
    RemoveRaftVoter(RemoveRaftVoterRequest),
    UpdateRaftVoter(UpdateRaftVoterRequest),
    InitializeShareGroupState(InitializeShareGroupStateRequest),
    ReadShareGroupState(ReadShareGroupStateRequest),
    WriteShareGroupState(WriteShareGroupStateRequest),
    DeleteShareGroupState(DeleteShareGroupStateRequest),
    ReadShareGroupStateSummary(ReadShareGroupStateSummaryRequest),
    StreamsGroupHeartbeat(StreamsGroupHeartbeatRequest),
    StreamsGroupDescribe(StreamsGroupDescribeRequest),
    DescribeShareGroupOffsets(DescribeShareGroupOffsetsRequest),
    AlterShareGroupOffsets(AlterShareGroupOffsetsRequest),
    DeleteShareGroupOffsets(DeleteShareGroupOffsetsRequest),
}

impl RequestBody {
    pub fn api_key(&self) -> ApiKey {
        match self {
            RequestBody::Produce(_) => ApiKey::Produce,
            RequestBody::Fetch(_) => ApiKey::Fetch,
            RequestBody::ListOffsets(_) => ApiKey::ListOffsets,
            RequestBody::Metadata(_) => ApiKey::Metadata,
            RequestBody::OffsetCommit(_) => ApiKey::OffsetCommit,
            RequestBody::OffsetFetch(_) => ApiKey::OffsetFetch,
            RequestBody::FindCoordinator(_) => ApiKey::FindCoordinator,
            RequestBody::JoinGroup(_) => ApiKey::JoinGroup,
            RequestBody::Heartbeat(_) => ApiKey::Heartbeat,
            RequestBody::LeaveGroup(_) => ApiKey::LeaveGroup,
            RequestBody::SyncGroup(_) => ApiKey::SyncGroup,
            RequestBody::DescribeGroups(_) => ApiKey::DescribeGroups,
            RequestBody::ListGroups(_) => ApiKey::ListGroups,
            RequestBody::SaslHandshake(_) => ApiKey::SaslHandshake,
            RequestBody::ApiVersions(_) => ApiKey::ApiVersions,
            RequestBody::CreateTopics(_) => ApiKey::CreateTopics,
            RequestBody::DeleteTopics(_) => ApiKey::DeleteTopics,
            RequestBody::DeleteRecords(_) => ApiKey::DeleteRecords,
            RequestBody::InitProducerId(_) => ApiKey::InitProducerId,
            RequestBody::OffsetForLeaderEpoch(_) => ApiKey::OffsetForLeaderEpoch,
            RequestBody::AddPartitionsToTxn(_) => ApiKey::AddPartitionsToTxn,
            RequestBody::AddOffsetsToTxn(_) => ApiKey::AddOffsetsToTxn,
            RequestBody::EndTxn(_) => ApiKey::EndTxn,
            RequestBody::WriteTxnMarkers(_) => ApiKey::WriteTxnMarkers,
            RequestBody::TxnOffsetCommit(_) => ApiKey::TxnOffsetCommit,
            RequestBody::DescribeAcls(_) => ApiKey::DescribeAcls,
            RequestBody::CreateAcls(_) => ApiKey::CreateAcls,
            RequestBody::DeleteAcls(_) => ApiKey::DeleteAcls,
            RequestBody::DescribeConfigs(_) => ApiKey::DescribeConfigs,
            RequestBody::AlterConfigs(_) => ApiKey::AlterConfigs,
            RequestBody::AlterReplicaLogDirs(_) => ApiKey::AlterReplicaLogDirs,
            RequestBody::DescribeLogDirs(_) => ApiKey::DescribeLogDirs,
            RequestBody::SaslAuthenticate(_) => ApiKey::SaslAuthenticate,
            RequestBody::CreatePartitions(_) => ApiKey::CreatePartitions,
            RequestBody::CreateDelegationToken(_) => ApiKey::CreateDelegationToken,
            RequestBody::RenewDelegationToken(_) => ApiKey::RenewDelegationToken,
            RequestBody::ExpireDelegationToken(_) => ApiKey::ExpireDelegationToken,
            RequestBody::DescribeDelegationToken(_) => ApiKey::DescribeDelegationToken,
            RequestBody::DeleteGroups(_) => ApiKey::DeleteGroups,
            RequestBody::ElectLeaders(_) => ApiKey::ElectLeaders,
            RequestBody::IncrementalAlterConfigs(_) => ApiKey::IncrementalAlterConfigs,
            RequestBody::AlterPartitionReassignments(_) => ApiKey::AlterPartitionReassignments,
            RequestBody::ListPartitionReassignments(_) => ApiKey::ListPartitionReassignments,
            RequestBody::OffsetDelete(_) => ApiKey::OffsetDelete,
            RequestBody::DescribeClientQuotas(_) => ApiKey::DescribeClientQuotas,
            RequestBody::AlterClientQuotas(_) => ApiKey::AlterClientQuotas,
            RequestBody::DescribeUserScramCredentials(_) => ApiKey::DescribeUserScramCredentials,
            RequestBody::AlterUserScramCredentials(_) => ApiKey::AlterUserScramCredentials,
            RequestBody::Vote(_) => ApiKey::Vote,
            RequestBody::BeginQuorumEpoch(_) => ApiKey::BeginQuorumEpoch,
            RequestBody::EndQuorumEpoch(_) => ApiKey::EndQuorumEpoch,
            RequestBody::DescribeQuorum(_) => ApiKey::DescribeQuorum,
            RequestBody::AlterPartition(_) => ApiKey::AlterPartition,
            RequestBody::UpdateFeatures(_) => ApiKey::UpdateFeatures,
            RequestBody::Envelope(_) => ApiKey::Envelope,
            RequestBody::FetchSnapshot(_) => ApiKey::FetchSnapshot,
            RequestBody::DescribeCluster(_) => ApiKey::DescribeCluster,
            RequestBody::DescribeProducers(_) => ApiKey::DescribeProducers,
            RequestBody::BrokerRegistration(_) => ApiKey::BrokerRegistration,
            RequestBody::BrokerHeartbeat(_) => ApiKey::BrokerHeartbeat,
            RequestBody::UnregisterBroker(_) => ApiKey::UnregisterBroker,
            RequestBody::DescribeTransactions(_) => ApiKey::DescribeTransactions,
            RequestBody::ListTransactions(_) => ApiKey::ListTransactions,
            RequestBody::AllocateProducerIds(_) => ApiKey::AllocateProducerIds,
            RequestBody::ConsumerGroupHeartbeat(_) => ApiKey::ConsumerGroupHeartbeat,
            RequestBody::ConsumerGroupDescribe(_) => ApiKey::ConsumerGroupDescribe,
            RequestBody::ControllerRegistration(_) => ApiKey::ControllerRegistration,
            RequestBody::GetTelemetrySubscriptions(_) => ApiKey::GetTelemetrySubscriptions,
            RequestBody::PushTelemetry(_) => ApiKey::PushTelemetry,
            RequestBody::AssignReplicasToDirs(_) => ApiKey::AssignReplicasToDirs,
            RequestBody::ListConfigResources(_) => ApiKey::ListConfigResources,
            RequestBody::DescribeTopicPartitions(_) => ApiKey::DescribeTopicPartitions,
            RequestBody::ShareGroupHeartbeat(_) => ApiKey::ShareGroupHeartbeat,
            RequestBody::ShareGroupDescribe(_) => ApiKey::ShareGroupDescribe,
            RequestBody::ShareFetch(_) => ApiKey::ShareFetch,
            RequestBody::ShareAcknowledge(_) => ApiKey::ShareAcknowledge,
            RequestBody::AddRaftVoter(_) => ApiKey::AddRaftVoter,
            RequestBody::RemoveRaftVoter(_) => ApiKey::RemoveRaftVoter,
            RequestBody::UpdateRaftVoter(_) => ApiKey::UpdateRaftVoter,
            RequestBody::InitializeShareGroupState(_) => ApiKey::InitializeShareGroupState,
            RequestBody::ReadShareGroupState(_) => ApiKey::ReadShareGroupState,
            RequestBody::WriteShareGroupState(_) => ApiKey::WriteShareGroupState,
            RequestBody::DeleteShareGroupState(_) => ApiKey::DeleteShareGroupState,
            RequestBody::ReadShareGroupStateSummary(_) => ApiKey::ReadShareGroupStateSummary,
            RequestBody::StreamsGroupHeartbeat(_) => ApiKey::StreamsGroupHeartbeat,
            RequestBody::StreamsGroupDescribe(_) => ApiKey::StreamsGroupDescribe,
            RequestBody::DescribeShareGroupOffsets(_) => ApiKey::DescribeShareGroupOffsets,
            RequestBody::AlterShareGroupOffsets(_) => ApiKey::AlterShareGroupOffsets,
            RequestBody::DeleteShareGroupOffsets(_) => ApiKey::DeleteShareGroupOffsets,
        }
    }

    /// Decodes a request body of `api_key` at `version`.
    pub fn decode(api_key: ApiKey, version: i16, buf: Bytes) -> Result<Self, WireError> {
        Ok(match api_key {
            ApiKey::Produce => RequestBody::Produce(ProduceRequest::decode(buf, version)?),
            ApiKey::Fetch => RequestBody::Fetch(FetchRequest::decode(buf, version)?),
            ApiKey::ListOffsets => RequestBody::ListOffsets(ListOffsetsRequest::decode(buf, version)?),
            ApiKey::Metadata => RequestBody::Metadata(MetadataRequest::decode(buf, version)?),
            ApiKey::OffsetCommit => RequestBody::OffsetCommit(OffsetCommitRequest::decode(buf, version)?),
            ApiKey::OffsetFetch => RequestBody::OffsetFetch(OffsetFetchRequest::decode(buf, version)?),
            ApiKey::FindCoordinator => RequestBody::FindCoordinator(FindCoordinatorRequest::decode(buf, version)?),
            ApiKey::JoinGroup => RequestBody::JoinGroup(JoinGroupRequest::decode(buf, version)?),
            ApiKey::Heartbeat => RequestBody::Heartbeat(HeartbeatRequest::decode(buf, version)?),
            ApiKey::LeaveGroup => RequestBody::LeaveGroup(LeaveGroupRequest::decode(buf, version)?),
            ApiKey::SyncGroup => RequestBody::SyncGroup(SyncGroupRequest::decode(buf, version)?),
            ApiKey::DescribeGroups => RequestBody::DescribeGroups(DescribeGroupsRequest::decode(buf, version)?),
            ApiKey::ListGroups => RequestBody::ListGroups(ListGroupsRequest::decode(buf, version)?),
            ApiKey::SaslHandshake => RequestBody::SaslHandshake(SaslHandshakeRequest::decode(buf, version)?),
            ApiKey::ApiVersions => RequestBody::ApiVersions(ApiVersionsRequest::decode(buf, version)?),
            ApiKey::CreateTopics => RequestBody::CreateTopics(CreateTopicsRequest::decode(buf, version)?),
            ApiKey::DeleteTopics => RequestBody::DeleteTopics(DeleteTopicsRequest::decode(buf, version)?),
            ApiKey::DeleteRecords => RequestBody::DeleteRecords(DeleteRecordsRequest::decode(buf, version)?),
            ApiKey::InitProducerId => RequestBody::InitProducerId(InitProducerIdRequest::decode(buf, version)?),
            ApiKey::OffsetForLeaderEpoch => RequestBody::OffsetForLeaderEpoch(OffsetForLeaderEpochRequest::decode(buf, version)?),
            ApiKey::AddPartitionsToTxn => RequestBody::AddPartitionsToTxn(AddPartitionsToTxnRequest::decode(buf, version)?),
            ApiKey::AddOffsetsToTxn => RequestBody::AddOffsetsToTxn(AddOffsetsToTxnRequest::decode(buf, version)?),
            ApiKey::EndTxn => RequestBody::EndTxn(EndTxnRequest::decode(buf, version)?),
            ApiKey::WriteTxnMarkers => RequestBody::WriteTxnMarkers(WriteTxnMarkersRequest::decode(buf, version)?),
            ApiKey::TxnOffsetCommit => RequestBody::TxnOffsetCommit(TxnOffsetCommitRequest::decode(buf, version)?),
            ApiKey::DescribeAcls => RequestBody::DescribeAcls(DescribeAclsRequest::decode(buf, version)?),
            ApiKey::CreateAcls => RequestBody::CreateAcls(CreateAclsRequest::decode(buf, version)?),
            ApiKey::DeleteAcls => RequestBody::DeleteAcls(DeleteAclsRequest::decode(buf, version)?),
            ApiKey::DescribeConfigs => RequestBody::DescribeConfigs(DescribeConfigsRequest::decode(buf, version)?),
            ApiKey::AlterConfigs => RequestBody::AlterConfigs(AlterConfigsRequest::decode(buf, version)?),
            ApiKey::AlterReplicaLogDirs => RequestBody::AlterReplicaLogDirs(AlterReplicaLogDirsRequest::decode(buf, version)?),
            ApiKey::DescribeLogDirs => RequestBody::DescribeLogDirs(DescribeLogDirsRequest::decode(buf, version)?),
            ApiKey::SaslAuthenticate => RequestBody::SaslAuthenticate(SaslAuthenticateRequest::decode(buf, version)?),
            ApiKey::CreatePartitions => RequestBody::CreatePartitions(CreatePartitionsRequest::decode(buf, version)?),
            ApiKey::CreateDelegationToken => RequestBody::CreateDelegationToken(CreateDelegationTokenRequest::decode(buf, version)?),
            ApiKey::RenewDelegationToken => RequestBody::RenewDelegationToken(RenewDelegationTokenRequest::decode(buf, version)?),
            ApiKey::ExpireDelegationToken => RequestBody::ExpireDelegationToken(ExpireDelegationTokenRequest::decode(buf, version)?),
            ApiKey::DescribeDelegationToken => RequestBody::DescribeDelegationToken(DescribeDelegationTokenRequest::decode(buf, version)?),
            ApiKey::DeleteGroups => RequestBody::DeleteGroups(DeleteGroupsRequest::decode(buf, version)?),
            ApiKey::ElectLeaders => RequestBody::ElectLeaders(ElectLeadersRequest::decode(buf, version)?),
            ApiKey::IncrementalAlterConfigs => RequestBody::IncrementalAlterConfigs(IncrementalAlterConfigsRequest::decode(buf, version)?),
            ApiKey::AlterPartitionReassignments => RequestBody::AlterPartitionReassignments(AlterPartitionReassignmentsRequest::decode(buf, version)?),
            ApiKey::ListPartitionReassignments => RequestBody::ListPartitionReassignments(ListPartitionReassignmentsRequest::decode(buf, version)?),
            ApiKey::OffsetDelete => RequestBody::OffsetDelete(OffsetDeleteRequest::decode(buf, version)?),
            ApiKey::DescribeClientQuotas => RequestBody::DescribeClientQuotas(DescribeClientQuotasRequest::decode(buf, version)?),
            ApiKey::AlterClientQuotas => RequestBody::AlterClientQuotas(AlterClientQuotasRequest::decode(buf, version)?),
            ApiKey::DescribeUserScramCredentials => RequestBody::DescribeUserScramCredentials(DescribeUserScramCredentialsRequest::decode(buf, version)?),
            ApiKey::AlterUserScramCredentials => RequestBody::AlterUserScramCredentials(AlterUserScramCredentialsRequest::decode(buf, version)?),
            ApiKey::Vote => RequestBody::Vote(VoteRequest::decode(buf, version)?),
            ApiKey::BeginQuorumEpoch => RequestBody::BeginQuorumEpoch(BeginQuorumEpochRequest::decode(buf, version)?),
            ApiKey::EndQuorumEpoch => RequestBody::EndQuorumEpoch(EndQuorumEpochRequest::decode(buf, version)?),
            ApiKey::DescribeQuorum => RequestBody::DescribeQuorum(DescribeQuorumRequest::decode(buf, version)?),
            ApiKey::AlterPartition => RequestBody::AlterPartition(AlterPartitionRequest::decode(buf, version)?),
            ApiKey::UpdateFeatures => RequestBody::UpdateFeatures(UpdateFeaturesRequest::decode(buf, version)?),
            ApiKey::Envelope => RequestBody::Envelope(EnvelopeRequest::decode(buf, version)?),
            ApiKey::FetchSnapshot => RequestBody::FetchSnapshot(FetchSnapshotRequest::decode(buf, version)?),
            ApiKey::DescribeCluster => RequestBody::DescribeCluster(DescribeClusterRequest::decode(buf, version)?),
            ApiKey::DescribeProducers => RequestBody::DescribeProducers(DescribeProducersRequest::decode(buf, version)?),
            ApiKey::BrokerRegistration => RequestBody::BrokerRegistration(BrokerRegistrationRequest::decode(buf, version)?),
            ApiKey::BrokerHeartbeat => RequestBody::BrokerHeartbeat(BrokerHeartbeatRequest::decode(buf, version)?),
            ApiKey::UnregisterBroker => RequestBody::UnregisterBroker(UnregisterBrokerRequest::decode(buf, version)?),
            ApiKey::DescribeTransactions => RequestBody::DescribeTransactions(DescribeTransactionsRequest::decode(buf, version)?),
            ApiKey::ListTransactions => RequestBody::ListTransactions(ListTransactionsRequest::decode(buf, version)?),
            ApiKey::AllocateProducerIds => RequestBody::AllocateProducerIds(AllocateProducerIdsRequest::decode(buf, version)?),
            ApiKey::ConsumerGroupHeartbeat => RequestBody::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatRequest::decode(buf, version)?),
            ApiKey::ConsumerGroupDescribe => RequestBody::ConsumerGroupDescribe(ConsumerGroupDescribeRequest::decode(buf, version)?),
            ApiKey::ControllerRegistration => RequestBody::ControllerRegistration(ControllerRegistrationRequest::decode(buf, version)?),
            ApiKey::GetTelemetrySubscriptions => RequestBody::GetTelemetrySubscriptions(GetTelemetrySubscriptionsRequest::decode(buf, version)?),
            ApiKey::PushTelemetry => RequestBody::PushTelemetry(PushTelemetryRequest::decode(buf, version)?),
            ApiKey::AssignReplicasToDirs => RequestBody::AssignReplicasToDirs(AssignReplicasToDirsRequest::decode(buf, version)?),
            ApiKey::ListConfigResources => RequestBody::ListConfigResources(ListConfigResourcesRequest::decode(buf, version)?),
            ApiKey::DescribeTopicPartitions => RequestBody::DescribeTopicPartitions(DescribeTopicPartitionsRequest::decode(buf, version)?),
            ApiKey::ShareGroupHeartbeat => RequestBody::ShareGroupHeartbeat(ShareGroupHeartbeatRequest::decode(buf, version)?),
            ApiKey::ShareGroupDescribe => RequestBody::ShareGroupDescribe(ShareGroupDescribeRequest::decode(buf, version)?),
            ApiKey::ShareFetch => RequestBody::ShareFetch(ShareFetchRequest::decode(buf, version)?),
            ApiKey::ShareAcknowledge => RequestBody::ShareAcknowledge(ShareAcknowledgeRequest::decode(buf, version)?),
            ApiKey::AddRaftVoter => RequestBody::AddRaftVoter(AddRaftVoterRequest::decode(buf, version)?),
            ApiKey::RemoveRaftVoter => RequestBody::RemoveRaftVoter(RemoveRaftVoterRequest::decode(buf, version)?),
            ApiKey::UpdateRaftVoter => RequestBody::UpdateRaftVoter(UpdateRaftVoterRequest::decode(buf, version)?),
            ApiKey::InitializeShareGroupState => RequestBody::InitializeShareGroupState(InitializeShareGroupStateRequest::decode(buf, version)?),
            ApiKey::ReadShareGroupState => RequestBody::ReadShareGroupState(ReadShareGroupStateRequest::decode(buf, version)?),
            ApiKey::WriteShareGroupState => RequestBody::WriteShareGroupState(WriteShareGroupStateRequest::decode(buf, version)?),
            ApiKey::DeleteShareGroupState => RequestBody::DeleteShareGroupState(DeleteShareGroupStateRequest::decode(buf, version)?),
            ApiKey::ReadShareGroupStateSummary => RequestBody::ReadShareGroupStateSummary(ReadShareGroupStateSummaryRequest::decode(buf, version)?),
            ApiKey::StreamsGroupHeartbeat => RequestBody::StreamsGroupHeartbeat(StreamsGroupHeartbeatRequest::decode(buf, version)?),
            ApiKey::StreamsGroupDescribe => RequestBody::StreamsGroupDescribe(StreamsGroupDescribeRequest::decode(buf, version)?),
            ApiKey::DescribeShareGroupOffsets => RequestBody::DescribeShareGroupOffsets(DescribeShareGroupOffsetsRequest::decode(buf, version)?),
            ApiKey::AlterShareGroupOffsets => RequestBody::AlterShareGroupOffsets(AlterShareGroupOffsetsRequest::decode(buf, version)?),
            ApiKey::DeleteShareGroupOffsets => RequestBody::DeleteShareGroupOffsets(DeleteShareGroupOffsetsRequest::decode(buf, version)?),
        })
    }

    /// Appends the encoded body to `w`.
    pub fn encode_into(&self, w: &mut BytesMut, version: i16) -> Result<(), WireError> {
        match self {
            RequestBody::Produce(m) => m.encode_into(w, version),
            RequestBody::Fetch(m) => m.encode_into(w, version),
            RequestBody::ListOffsets(m) => m.encode_into(w, version),
            RequestBody::Metadata(m) => m.encode_into(w, version),
            RequestBody::OffsetCommit(m) => m.encode_into(w, version),
            RequestBody::OffsetFetch(m) => m.encode_into(w, version),
            RequestBody::FindCoordinator(m) => m.encode_into(w, version),
            RequestBody::JoinGroup(m) => m.encode_into(w, version),
            RequestBody::Heartbeat(m) => m.encode_into(w, version),
            RequestBody::LeaveGroup(m) => m.encode_into(w, version),
            RequestBody::SyncGroup(m) => m.encode_into(w, version),
            RequestBody::DescribeGroups(m) => m.encode_into(w, version),
            RequestBody::ListGroups(m) => m.encode_into(w, version),
            RequestBody::SaslHandshake(m) => m.encode_into(w, version),
            RequestBody::ApiVersions(m) => m.encode_into(w, version),
            RequestBody::CreateTopics(m) => m.encode_into(w, version),
            RequestBody::DeleteTopics(m) => m.encode_into(w, version),
            RequestBody::DeleteRecords(m) => m.encode_into(w, version),
            RequestBody::InitProducerId(m) => m.encode_into(w, version),
            RequestBody::OffsetForLeaderEpoch(m) => m.encode_into(w, version),
            RequestBody::AddPartitionsToTxn(m) => m.encode_into(w, version),
            RequestBody::AddOffsetsToTxn(m) => m.encode_into(w, version),
            RequestBody::EndTxn(m) => m.encode_into(w, version),
            RequestBody::WriteTxnMarkers(m) => m.encode_into(w, version),
            RequestBody::TxnOffsetCommit(m) => m.encode_into(w, version),
            RequestBody::DescribeAcls(m) => m.encode_into(w, version),
            RequestBody::CreateAcls(m) => m.encode_into(w, version),
            RequestBody::DeleteAcls(m) => m.encode_into(w, version),
            RequestBody::DescribeConfigs(m) => m.encode_into(w, version),
            RequestBody::AlterConfigs(m) => m.encode_into(w, version),
            RequestBody::AlterReplicaLogDirs(m) => m.encode_into(w, version),
            RequestBody::DescribeLogDirs(m) => m.encode_into(w, version),
            RequestBody::SaslAuthenticate(m) => m.encode_into(w, version),
            RequestBody::CreatePartitions(m) => m.encode_into(w, version),
            RequestBody::CreateDelegationToken(m) => m.encode_into(w, version),
            RequestBody::RenewDelegationToken(m) => m.encode_into(w, version),
            RequestBody::ExpireDelegationToken(m) => m.encode_into(w, version),
            RequestBody::DescribeDelegationToken(m) => m.encode_into(w, version),
            RequestBody::DeleteGroups(m) => m.encode_into(w, version),
            RequestBody::ElectLeaders(m) => m.encode_into(w, version),
            RequestBody::IncrementalAlterConfigs(m) => m.encode_into(w, version),
            RequestBody::AlterPartitionReassignments(m) => m.encode_into(w, version),
            RequestBody::ListPartitionReassignments(m) => m.encode_into(w, version),
            RequestBody::OffsetDelete(m) => m.encode_into(w, version),
            RequestBody::DescribeClientQuotas(m) => m.encode_into(w, version),
            RequestBody::AlterClientQuotas(m) => m.encode_into(w, version),
            RequestBody::DescribeUserScramCredentials(m) => m.encode_into(w, version),
            RequestBody::AlterUserScramCredentials(m) => m.encode_into(w, version),
            RequestBody::Vote(m) => m.encode_into(w, version),
            RequestBody::BeginQuorumEpoch(m) => m.encode_into(w, version),
            RequestBody::EndQuorumEpoch(m) => m.encode_into(w, version),
            RequestBody::DescribeQuorum(m) => m.encode_into(w, version),
            RequestBody::AlterPartition(m) => m.encode_into(w, version),
            RequestBody::UpdateFeatures(m) => m.encode_into(w, version),
            RequestBody::Envelope(m) => m.encode_into(w, version),
            RequestBody::FetchSnapshot(m) => m.encode_into(w, version),
            RequestBody::DescribeCluster(m) => m.encode_into(w, version),
            RequestBody::DescribeProducers(m) => m.encode_into(w, version),
            RequestBody::BrokerRegistration(m) => m.encode_into(w, version),
            RequestBody::BrokerHeartbeat(m) => m.encode_into(w, version),
            RequestBody::UnregisterBroker(m) => m.encode_into(w, version),
            RequestBody::DescribeTransactions(m) => m.encode_into(w, version),
            RequestBody::ListTransactions(m) => m.encode_into(w, version),
            RequestBody::AllocateProducerIds(m) => m.encode_into(w, version),
            RequestBody::ConsumerGroupHeartbeat(m) => m.encode_into(w, version),
            RequestBody::ConsumerGroupDescribe(m) => m.encode_into(w, version),
            RequestBody::ControllerRegistration(m) => m.encode_into(w, version),
            RequestBody::GetTelemetrySubscriptions(m) => m.encode_into(w, version),
            RequestBody::PushTelemetry(m) => m.encode_into(w, version),
            RequestBody::AssignReplicasToDirs(m) => m.encode_into(w, version),
            RequestBody::ListConfigResources(m) => m.encode_into(w, version),
            RequestBody::DescribeTopicPartitions(m) => m.encode_into(w, version),
            RequestBody::ShareGroupHeartbeat(m) => m.encode_into(w, version),
            RequestBody::ShareGroupDescribe(m) => m.encode_into(w, version),
            RequestBody::ShareFetch(m) => m.encode_into(w, version),
            RequestBody::ShareAcknowledge(m) => m.encode_into(w, version),
            RequestBody::AddRaftVoter(m) => m.encode_into(w, version),
            RequestBody::RemoveRaftVoter(m) => m.encode_into(w, version),
            RequestBody::UpdateRaftVoter(m) => m.encode_into(w, version),
            RequestBody::InitializeShareGroupState(m) => m.encode_into(w, version),
            RequestBody::ReadShareGroupState(m) => m.encode_into(w, version),
            RequestBody::WriteShareGroupState(m) => m.encode_into(w, version),
            RequestBody::DeleteShareGroupState(m) => m.encode_into(w, version),
            RequestBody::ReadShareGroupStateSummary(m) => m.encode_into(w, version),
            RequestBody::StreamsGroupHeartbeat(m) => m.encode_into(w, version),
            RequestBody::StreamsGroupDescribe(m) => m.encode_into(w, version),
            RequestBody::DescribeShareGroupOffsets(m) => m.encode_into(w, version),
            RequestBody::AlterShareGroupOffsets(m) => m.encode_into(w, version),
            RequestBody::DeleteShareGroupOffsets(m) => m.encode_into(w, version),
        }
    }

    /// A random body of `api_key`, valid at `version` (property tests).
    #[cfg(any(test, feature = "test-util"))]
    pub fn random(api_key: ApiKey, rng: &mut crate::wire::testing::TestRng, version: i16) -> Self {
        use crate::wire::testing::Random;
        match api_key {
            ApiKey::Produce => RequestBody::Produce(ProduceRequest::random(rng, version, 0)),
            ApiKey::Fetch => RequestBody::Fetch(FetchRequest::random(rng, version, 0)),
            ApiKey::ListOffsets => RequestBody::ListOffsets(ListOffsetsRequest::random(rng, version, 0)),
            ApiKey::Metadata => RequestBody::Metadata(MetadataRequest::random(rng, version, 0)),
            ApiKey::OffsetCommit => RequestBody::OffsetCommit(OffsetCommitRequest::random(rng, version, 0)),
            ApiKey::OffsetFetch => RequestBody::OffsetFetch(OffsetFetchRequest::random(rng, version, 0)),
            ApiKey::FindCoordinator => RequestBody::FindCoordinator(FindCoordinatorRequest::random(rng, version, 0)),
            ApiKey::JoinGroup => RequestBody::JoinGroup(JoinGroupRequest::random(rng, version, 0)),
            ApiKey::Heartbeat => RequestBody::Heartbeat(HeartbeatRequest::random(rng, version, 0)),
            ApiKey::LeaveGroup => RequestBody::LeaveGroup(LeaveGroupRequest::random(rng, version, 0)),
            ApiKey::SyncGroup => RequestBody::SyncGroup(SyncGroupRequest::random(rng, version, 0)),
            ApiKey::DescribeGroups => RequestBody::DescribeGroups(DescribeGroupsRequest::random(rng, version, 0)),
            ApiKey::ListGroups => RequestBody::ListGroups(ListGroupsRequest::random(rng, version, 0)),
            ApiKey::SaslHandshake => RequestBody::SaslHandshake(SaslHandshakeRequest::random(rng, version, 0)),
            ApiKey::ApiVersions => RequestBody::ApiVersions(ApiVersionsRequest::random(rng, version, 0)),
            ApiKey::CreateTopics => RequestBody::CreateTopics(CreateTopicsRequest::random(rng, version, 0)),
            ApiKey::DeleteTopics => RequestBody::DeleteTopics(DeleteTopicsRequest::random(rng, version, 0)),
            ApiKey::DeleteRecords => RequestBody::DeleteRecords(DeleteRecordsRequest::random(rng, version, 0)),
            ApiKey::InitProducerId => RequestBody::InitProducerId(InitProducerIdRequest::random(rng, version, 0)),
            ApiKey::OffsetForLeaderEpoch => RequestBody::OffsetForLeaderEpoch(OffsetForLeaderEpochRequest::random(rng, version, 0)),
            ApiKey::AddPartitionsToTxn => RequestBody::AddPartitionsToTxn(AddPartitionsToTxnRequest::random(rng, version, 0)),
            ApiKey::AddOffsetsToTxn => RequestBody::AddOffsetsToTxn(AddOffsetsToTxnRequest::random(rng, version, 0)),
            ApiKey::EndTxn => RequestBody::EndTxn(EndTxnRequest::random(rng, version, 0)),
            ApiKey::WriteTxnMarkers => RequestBody::WriteTxnMarkers(WriteTxnMarkersRequest::random(rng, version, 0)),
            ApiKey::TxnOffsetCommit => RequestBody::TxnOffsetCommit(TxnOffsetCommitRequest::random(rng, version, 0)),
            ApiKey::DescribeAcls => RequestBody::DescribeAcls(DescribeAclsRequest::random(rng, version, 0)),
            ApiKey::CreateAcls => RequestBody::CreateAcls(CreateAclsRequest::random(rng, version, 0)),
            ApiKey::DeleteAcls => RequestBody::DeleteAcls(DeleteAclsRequest::random(rng, version, 0)),
            ApiKey::DescribeConfigs => RequestBody::DescribeConfigs(DescribeConfigsRequest::random(rng, version, 0)),
            ApiKey::AlterConfigs => RequestBody::AlterConfigs(AlterConfigsRequest::random(rng, version, 0)),
            ApiKey::AlterReplicaLogDirs => RequestBody::AlterReplicaLogDirs(AlterReplicaLogDirsRequest::random(rng, version, 0)),
            ApiKey::DescribeLogDirs => RequestBody::DescribeLogDirs(DescribeLogDirsRequest::random(rng, version, 0)),
            ApiKey::SaslAuthenticate => RequestBody::SaslAuthenticate(SaslAuthenticateRequest::random(rng, version, 0)),
            ApiKey::CreatePartitions => RequestBody::CreatePartitions(CreatePartitionsRequest::random(rng, version, 0)),
            ApiKey::CreateDelegationToken => RequestBody::CreateDelegationToken(CreateDelegationTokenRequest::random(rng, version, 0)),
            ApiKey::RenewDelegationToken => RequestBody::RenewDelegationToken(RenewDelegationTokenRequest::random(rng, version, 0)),
            ApiKey::ExpireDelegationToken => RequestBody::ExpireDelegationToken(ExpireDelegationTokenRequest::random(rng, version, 0)),
            ApiKey::DescribeDelegationToken => RequestBody::DescribeDelegationToken(DescribeDelegationTokenRequest::random(rng, version, 0)),
            ApiKey::DeleteGroups => RequestBody::DeleteGroups(DeleteGroupsRequest::random(rng, version, 0)),
            ApiKey::ElectLeaders => RequestBody::ElectLeaders(ElectLeadersRequest::random(rng, version, 0)),
            ApiKey::IncrementalAlterConfigs => RequestBody::IncrementalAlterConfigs(IncrementalAlterConfigsRequest::random(rng, version, 0)),
            ApiKey::AlterPartitionReassignments => RequestBody::AlterPartitionReassignments(AlterPartitionReassignmentsRequest::random(rng, version, 0)),
            ApiKey::ListPartitionReassignments => RequestBody::ListPartitionReassignments(ListPartitionReassignmentsRequest::random(rng, version, 0)),
            ApiKey::OffsetDelete => RequestBody::OffsetDelete(OffsetDeleteRequest::random(rng, version, 0)),
            ApiKey::DescribeClientQuotas => RequestBody::DescribeClientQuotas(DescribeClientQuotasRequest::random(rng, version, 0)),
            ApiKey::AlterClientQuotas => RequestBody::AlterClientQuotas(AlterClientQuotasRequest::random(rng, version, 0)),
            ApiKey::DescribeUserScramCredentials => RequestBody::DescribeUserScramCredentials(DescribeUserScramCredentialsRequest::random(rng, version, 0)),
            ApiKey::AlterUserScramCredentials => RequestBody::AlterUserScramCredentials(AlterUserScramCredentialsRequest::random(rng, version, 0)),
            ApiKey::Vote => RequestBody::Vote(VoteRequest::random(rng, version, 0)),
            ApiKey::BeginQuorumEpoch => RequestBody::BeginQuorumEpoch(BeginQuorumEpochRequest::random(rng, version, 0)),
            ApiKey::EndQuorumEpoch => RequestBody::EndQuorumEpoch(EndQuorumEpochRequest::random(rng, version, 0)),
            ApiKey::DescribeQuorum => RequestBody::DescribeQuorum(DescribeQuorumRequest::random(rng, version, 0)),
            ApiKey::AlterPartition => RequestBody::AlterPartition(AlterPartitionRequest::random(rng, version, 0)),
            ApiKey::UpdateFeatures => RequestBody::UpdateFeatures(UpdateFeaturesRequest::random(rng, version, 0)),
            ApiKey::Envelope => RequestBody::Envelope(EnvelopeRequest::random(rng, version, 0)),
            ApiKey::FetchSnapshot => RequestBody::FetchSnapshot(FetchSnapshotRequest::random(rng, version, 0)),
            ApiKey::DescribeCluster => RequestBody::DescribeCluster(DescribeClusterRequest::random(rng, version, 0)),
            ApiKey::DescribeProducers => RequestBody::DescribeProducers(DescribeProducersRequest::random(rng, version, 0)),
            ApiKey::BrokerRegistration => RequestBody::BrokerRegistration(BrokerRegistrationRequest::random(rng, version, 0)),
            ApiKey::BrokerHeartbeat => RequestBody::BrokerHeartbeat(BrokerHeartbeatRequest::random(rng, version, 0)),
            ApiKey::UnregisterBroker => RequestBody::UnregisterBroker(UnregisterBrokerRequest::random(rng, version, 0)),
            ApiKey::DescribeTransactions => RequestBody::DescribeTransactions(DescribeTransactionsRequest::random(rng, version, 0)),
            ApiKey::ListTransactions => RequestBody::ListTransactions(ListTransactionsRequest::random(rng, version, 0)),
            ApiKey::AllocateProducerIds => RequestBody::AllocateProducerIds(AllocateProducerIdsRequest::random(rng, version, 0)),
            ApiKey::ConsumerGroupHeartbeat => RequestBody::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatRequest::random(rng, version, 0)),
            ApiKey::ConsumerGroupDescribe => RequestBody::ConsumerGroupDescribe(ConsumerGroupDescribeRequest::random(rng, version, 0)),
            ApiKey::ControllerRegistration => RequestBody::ControllerRegistration(ControllerRegistrationRequest::random(rng, version, 0)),
            ApiKey::GetTelemetrySubscriptions => RequestBody::GetTelemetrySubscriptions(GetTelemetrySubscriptionsRequest::random(rng, version, 0)),
            ApiKey::PushTelemetry => RequestBody::PushTelemetry(PushTelemetryRequest::random(rng, version, 0)),
            ApiKey::AssignReplicasToDirs => RequestBody::AssignReplicasToDirs(AssignReplicasToDirsRequest::random(rng, version, 0)),
            ApiKey::ListConfigResources => RequestBody::ListConfigResources(ListConfigResourcesRequest::random(rng, version, 0)),
            ApiKey::DescribeTopicPartitions => RequestBody::DescribeTopicPartitions(DescribeTopicPartitionsRequest::random(rng, version, 0)),
            ApiKey::ShareGroupHeartbeat => RequestBody::ShareGroupHeartbeat(ShareGroupHeartbeatRequest::random(rng, version, 0)),
            ApiKey::ShareGroupDescribe => RequestBody::ShareGroupDescribe(ShareGroupDescribeRequest::random(rng, version, 0)),
            ApiKey::ShareFetch => RequestBody::ShareFetch(ShareFetchRequest::random(rng, version, 0)),
            ApiKey::ShareAcknowledge => RequestBody::ShareAcknowledge(ShareAcknowledgeRequest::random(rng, version, 0)),
            ApiKey::AddRaftVoter => RequestBody::AddRaftVoter(AddRaftVoterRequest::random(rng, version, 0)),
            ApiKey::RemoveRaftVoter => RequestBody::RemoveRaftVoter(RemoveRaftVoterRequest::random(rng, version, 0)),
            ApiKey::UpdateRaftVoter => RequestBody::UpdateRaftVoter(UpdateRaftVoterRequest::random(rng, version, 0)),
            ApiKey::InitializeShareGroupState => RequestBody::InitializeShareGroupState(InitializeShareGroupStateRequest::random(rng, version, 0)),
            ApiKey::ReadShareGroupState => RequestBody::ReadShareGroupState(ReadShareGroupStateRequest::random(rng, version, 0)),
            ApiKey::WriteShareGroupState => RequestBody::WriteShareGroupState(WriteShareGroupStateRequest::random(rng, version, 0)),
            ApiKey::DeleteShareGroupState => RequestBody::DeleteShareGroupState(DeleteShareGroupStateRequest::random(rng, version, 0)),
            ApiKey::ReadShareGroupStateSummary => RequestBody::ReadShareGroupStateSummary(ReadShareGroupStateSummaryRequest::random(rng, version, 0)),
            ApiKey::StreamsGroupHeartbeat => RequestBody::StreamsGroupHeartbeat(StreamsGroupHeartbeatRequest::random(rng, version, 0)),
            ApiKey::StreamsGroupDescribe => RequestBody::StreamsGroupDescribe(StreamsGroupDescribeRequest::random(rng, version, 0)),
            ApiKey::DescribeShareGroupOffsets => RequestBody::DescribeShareGroupOffsets(DescribeShareGroupOffsetsRequest::random(rng, version, 0)),
            ApiKey::AlterShareGroupOffsets => RequestBody::AlterShareGroupOffsets(AlterShareGroupOffsetsRequest::random(rng, version, 0)),
            ApiKey::DeleteShareGroupOffsets => RequestBody::DeleteShareGroupOffsets(DeleteShareGroupOffsetsRequest::random(rng, version, 0)),
        }
    }
}

impl From<ProduceRequest> for RequestBody {
    fn from(m: ProduceRequest) -> Self {
        RequestBody::Produce(m)
    }
}

impl From<FetchRequest> for RequestBody {
    fn from(m: FetchRequest) -> Self {
        RequestBody::Fetch(m)
    }
}

impl From<ListOffsetsRequest> for RequestBody {
    fn from(m: ListOffsetsRequest) -> Self {
        RequestBody::ListOffsets(m)
    }
}

impl From<MetadataRequest> for RequestBody {
    fn from(m: MetadataRequest) -> Self {
        RequestBody::Metadata(m)
    }
}

impl From<OffsetCommitRequest> for RequestBody {
    fn from(m: OffsetCommitRequest) -> Self {
        RequestBody::OffsetCommit(m)
    }
}

impl From<OffsetFetchRequest> for RequestBody {
    fn from(m: OffsetFetchRequest) -> Self {
        RequestBody::OffsetFetch(m)
    }
}

impl From<FindCoordinatorRequest> for RequestBody {
    fn from(m: FindCoordinatorRequest) -> Self {
        RequestBody::FindCoordinator(m)
    }
}

impl From<JoinGroupRequest> for RequestBody {
    fn from(m: JoinGroupRequest) -> Self {
        RequestBody::JoinGroup(m)
    }
}

impl From<HeartbeatRequest> for RequestBody {
    fn from(m: HeartbeatRequest) -> Self {
        RequestBody::Heartbeat(m)
    }
}

impl From<LeaveGroupRequest> for RequestBody {
    fn from(m: LeaveGroupRequest) -> Self {
        RequestBody::LeaveGroup(m)
    }
}

impl From<SyncGroupRequest> for RequestBody {
    fn from(m: SyncGroupRequest) -> Self {
        RequestBody::SyncGroup(m)
    }
}

impl From<DescribeGroupsRequest> for RequestBody {
    fn from(m: DescribeGroupsRequest) -> Self {
        RequestBody::DescribeGroups(m)
    }
}

impl From<ListGroupsRequest> for RequestBody {
    fn from(m: ListGroupsRequest) -> Self {
        RequestBody::ListGroups(m)
    }
}

impl From<SaslHandshakeRequest> for RequestBody {
    fn from(m: SaslHandshakeRequest) -> Self {
        RequestBody::SaslHandshake(m)
    }
}

impl From<ApiVersionsRequest> for RequestBody {
    fn from(m: ApiVersionsRequest) -> Self {
        RequestBody::ApiVersions(m)
    }
}

impl From<CreateTopicsRequest> for RequestBody {
    fn from(m: CreateTopicsRequest) -> Self {
        RequestBody::CreateTopics(m)
    }
}

impl From<DeleteTopicsRequest> for RequestBody {
    fn from(m: DeleteTopicsRequest) -> Self {
        RequestBody::DeleteTopics(m)
    }
}

impl From<DeleteRecordsRequest> for RequestBody {
    fn from(m: DeleteRecordsRequest) -> Self {
        RequestBody::DeleteRecords(m)
    }
}

impl From<InitProducerIdRequest> for RequestBody {
    fn from(m: InitProducerIdRequest) -> Self {
        RequestBody::InitProducerId(m)
    }
}

impl From<OffsetForLeaderEpochRequest> for RequestBody {
    fn from(m: OffsetForLeaderEpochRequest) -> Self {
        RequestBody::OffsetForLeaderEpoch(m)
    }
}

impl From<AddPartitionsToTxnRequest> for RequestBody {
    fn from(m: AddPartitionsToTxnRequest) -> Self {
        RequestBody::AddPartitionsToTxn(m)
    }
}

impl From<AddOffsetsToTxnRequest> for RequestBody {
    fn from(m: AddOffsetsToTxnRequest) -> Self {
        RequestBody::AddOffsetsToTxn(m)
    }
}

impl From<EndTxnRequest> for RequestBody {
    fn from(m: EndTxnRequest) -> Self {
        RequestBody::EndTxn(m)
    }
}

impl From<WriteTxnMarkersRequest> for RequestBody {
    fn from(m: WriteTxnMarkersRequest) -> Self {
        RequestBody::WriteTxnMarkers(m)
    }
}

impl From<TxnOffsetCommitRequest> for RequestBody {
    fn from(m: TxnOffsetCommitRequest) -> Self {
        RequestBody::TxnOffsetCommit(m)
    }
}

impl From<DescribeAclsRequest> for RequestBody {
    fn from(m: DescribeAclsRequest) -> Self {
        RequestBody::DescribeAcls(m)
    }
}

impl From<CreateAclsRequest> for RequestBody {
    fn from(m: CreateAclsRequest) -> Self {
        RequestBody::CreateAcls(m)
    }
}

impl From<DeleteAclsRequest> for RequestBody {
    fn from(m: DeleteAclsRequest) -> Self {
        RequestBody::DeleteAcls(m)
    }
}

impl From<DescribeConfigsRequest> for RequestBody {
    fn from(m: DescribeConfigsRequest) -> Self {
        RequestBody::DescribeConfigs(m)
    }
}

impl From<AlterConfigsRequest> for RequestBody {
    fn from(m: AlterConfigsRequest) -> Self {
        RequestBody::AlterConfigs(m)
    }
}

impl From<AlterReplicaLogDirsRequest> for RequestBody {
    fn from(m: AlterReplicaLogDirsRequest) -> Self {
        RequestBody::AlterReplicaLogDirs(m)
    }
}

impl From<DescribeLogDirsRequest> for RequestBody {
    fn from(m: DescribeLogDirsRequest) -> Self {
        RequestBody::DescribeLogDirs(m)
    }
}

impl From<SaslAuthenticateRequest> for RequestBody {
    fn from(m: SaslAuthenticateRequest) -> Self {
        RequestBody::SaslAuthenticate(m)
    }
}

impl From<CreatePartitionsRequest> for RequestBody {
    fn from(m: CreatePartitionsRequest) -> Self {
        RequestBody::CreatePartitions(m)
    }
}

impl From<CreateDelegationTokenRequest> for RequestBody {
    fn from(m: CreateDelegationTokenRequest) -> Self {
        RequestBody::CreateDelegationToken(m)
    }
}

impl From<RenewDelegationTokenRequest> for RequestBody {
    fn from(m: RenewDelegationTokenRequest) -> Self {
        RequestBody::RenewDelegationToken(m)
    }
}

impl From<ExpireDelegationTokenRequest> for RequestBody {
    fn from(m: ExpireDelegationTokenRequest) -> Self {
        RequestBody::ExpireDelegationToken(m)
    }
}

impl From<DescribeDelegationTokenRequest> for RequestBody {
    fn from(m: DescribeDelegationTokenRequest) -> Self {
        RequestBody::DescribeDelegationToken(m)
    }
}

impl From<DeleteGroupsRequest> for RequestBody {
    fn from(m: DeleteGroupsRequest) -> Self {
        RequestBody::DeleteGroups(m)
    }
}

impl From<ElectLeadersRequest> for RequestBody {
    fn from(m: ElectLeadersRequest) -> Self {
        RequestBody::ElectLeaders(m)
    }
}

impl From<IncrementalAlterConfigsRequest> for RequestBody {
    fn from(m: IncrementalAlterConfigsRequest) -> Self {
        RequestBody::IncrementalAlterConfigs(m)
    }
}

impl From<AlterPartitionReassignmentsRequest> for RequestBody {
    fn from(m: AlterPartitionReassignmentsRequest) -> Self {
        RequestBody::AlterPartitionReassignments(m)
    }
}

impl From<ListPartitionReassignmentsRequest> for RequestBody {
    fn from(m: ListPartitionReassignmentsRequest) -> Self {
        RequestBody::ListPartitionReassignments(m)
    }
}

impl From<OffsetDeleteRequest> for RequestBody {
    fn from(m: OffsetDeleteRequest) -> Self {
        RequestBody::OffsetDelete(m)
    }
}

impl From<DescribeClientQuotasRequest> for RequestBody {
    fn from(m: DescribeClientQuotasRequest) -> Self {
        RequestBody::DescribeClientQuotas(m)
    }
}

impl From<AlterClientQuotasRequest> for RequestBody {
    fn from(m: AlterClientQuotasRequest) -> Self {
        RequestBody::AlterClientQuotas(m)
    }
}

impl From<DescribeUserScramCredentialsRequest> for RequestBody {
    fn from(m: DescribeUserScramCredentialsRequest) -> Self {
        RequestBody::DescribeUserScramCredentials(m)
    }
}

impl From<AlterUserScramCredentialsRequest> for RequestBody {
    fn from(m: AlterUserScramCredentialsRequest) -> Self {
        RequestBody::AlterUserScramCredentials(m)
    }
}

impl From<VoteRequest> for RequestBody {
    fn from(m: VoteRequest) -> Self {
        RequestBody::Vote(m)
    }
}

impl From<BeginQuorumEpochRequest> for RequestBody {
    fn from(m: BeginQuorumEpochRequest) -> Self {
        RequestBody::BeginQuorumEpoch(m)
    }
}

impl From<EndQuorumEpochRequest> for RequestBody {
    fn from(m: EndQuorumEpochRequest) -> Self {
        RequestBody::EndQuorumEpoch(m)
    }
}

impl From<DescribeQuorumRequest> for RequestBody {
    fn from(m: DescribeQuorumRequest) -> Self {
        RequestBody::DescribeQuorum(m)
    }
}

impl From<AlterPartitionRequest> for RequestBody {
    fn from(m: AlterPartitionRequest) -> Self {
        RequestBody::AlterPartition(m)
    }
}

impl From<UpdateFeaturesRequest> for RequestBody {
    fn from(m: UpdateFeaturesRequest) -> Self {
        RequestBody::UpdateFeatures(m)
    }
}

impl From<EnvelopeRequest> for RequestBody {
    fn from(m: EnvelopeRequest) -> Self {
        RequestBody::Envelope(m)
    }
}

impl From<FetchSnapshotRequest> for RequestBody {
    fn from(m: FetchSnapshotRequest) -> Self {
        RequestBody::FetchSnapshot(m)
    }
}

impl From<DescribeClusterRequest> for RequestBody {
    fn from(m: DescribeClusterRequest) -> Self {
        RequestBody::DescribeCluster(m)
    }
}

impl From<DescribeProducersRequest> for RequestBody {
    fn from(m: DescribeProducersRequest) -> Self {
        RequestBody::DescribeProducers(m)
    }
}

impl From<BrokerRegistrationRequest> for RequestBody {
    fn from(m: BrokerRegistrationRequest) -> Self {
        RequestBody::BrokerRegistration(m)
    }
}

impl From<BrokerHeartbeatRequest> for RequestBody {
    fn from(m: BrokerHeartbeatRequest) -> Self {
        RequestBody::BrokerHeartbeat(m)
    }
}

impl From<UnregisterBrokerRequest> for RequestBody {
    fn from(m: UnregisterBrokerRequest) -> Self {
        RequestBody::UnregisterBroker(m)
    }
}

impl From<DescribeTransactionsRequest> for RequestBody {
    fn from(m: DescribeTransactionsRequest) -> Self {
        RequestBody::DescribeTransactions(m)
    }
}

impl From<ListTransactionsRequest> for RequestBody {
    fn from(m: ListTransactionsRequest) -> Self {
        RequestBody::ListTransactions(m)
    }
}

impl From<AllocateProducerIdsRequest> for RequestBody {
    fn from(m: AllocateProducerIdsRequest) -> Self {
        RequestBody::AllocateProducerIds(m)
    }
}

impl From<ConsumerGroupHeartbeatRequest> for RequestBody {
    fn from(m: ConsumerGroupHeartbeatRequest) -> Self {
        RequestBody::ConsumerGroupHeartbeat(m)
    }
}

impl From<ConsumerGroupDescribeRequest> for RequestBody {
    fn from(m: ConsumerGroupDescribeRequest) -> Self {
        RequestBody::ConsumerGroupDescribe(m)
    }
}

impl From<ControllerRegistrationRequest> for RequestBody {
    fn from(m: ControllerRegistrationRequest) -> Self {
        RequestBody::ControllerRegistration(m)
    }
}

impl From<GetTelemetrySubscriptionsRequest> for RequestBody {
    fn from(m: GetTelemetrySubscriptionsRequest) -> Self {
        RequestBody::GetTelemetrySubscriptions(m)
    }
}

impl From<PushTelemetryRequest> for RequestBody {
    fn from(m: PushTelemetryRequest) -> Self {
        RequestBody::PushTelemetry(m)
    }
}

impl From<AssignReplicasToDirsRequest> for RequestBody {
    fn from(m: AssignReplicasToDirsRequest) -> Self {
        RequestBody::AssignReplicasToDirs(m)
    }
}

impl From<ListConfigResourcesRequest> for RequestBody {
    fn from(m: ListConfigResourcesRequest) -> Self {
        RequestBody::ListConfigResources(m)
    }
}

impl From<DescribeTopicPartitionsRequest> for RequestBody {
    fn from(m: DescribeTopicPartitionsRequest) -> Self {
        RequestBody::DescribeTopicPartitions(m)
    }
}

impl From<ShareGroupHeartbeatRequest> for RequestBody {
    fn from(m: ShareGroupHeartbeatRequest) -> Self {
        RequestBody::ShareGroupHeartbeat(m)
    }
}

impl From<ShareGroupDescribeRequest> for RequestBody {
    fn from(m: ShareGroupDescribeRequest) -> Self {
        RequestBody::ShareGroupDescribe(m)
    }
}

impl From<ShareFetchRequest> for RequestBody {
    fn from(m: ShareFetchRequest) -> Self {
        RequestBody::ShareFetch(m)
    }
}

impl From<ShareAcknowledgeRequest> for RequestBody {
    fn from(m: ShareAcknowledgeRequest) -> Self {
        RequestBody::ShareAcknowledge(m)
    }
}

impl From<AddRaftVoterRequest> for RequestBody {
    fn from(m: AddRaftVoterRequest) -> Self {
        RequestBody::AddRaftVoter(m)
    }
}

impl From<RemoveRaftVoterRequest> for RequestBody {
    fn from(m: RemoveRaftVoterRequest) -> Self {
        RequestBody::RemoveRaftVoter(m)
    }
}

impl From<UpdateRaftVoterRequest> for RequestBody {
    fn from(m: UpdateRaftVoterRequest) -> Self {
        RequestBody::UpdateRaftVoter(m)
    }
}

impl From<InitializeShareGroupStateRequest> for RequestBody {
    fn from(m: InitializeShareGroupStateRequest) -> Self {
        RequestBody::InitializeShareGroupState(m)
    }
}

impl From<ReadShareGroupStateRequest> for RequestBody {
    fn from(m: ReadShareGroupStateRequest) -> Self {
        RequestBody::ReadShareGroupState(m)
    }
}

impl From<WriteShareGroupStateRequest> for RequestBody {
    fn from(m: WriteShareGroupStateRequest) -> Self {
        RequestBody::WriteShareGroupState(m)
    }
}

impl From<DeleteShareGroupStateRequest> for RequestBody {
    fn from(m: DeleteShareGroupStateRequest) -> Self {
        RequestBody::DeleteShareGroupState(m)
    }
}

impl From<ReadShareGroupStateSummaryRequest> for RequestBody {
    fn from(m: ReadShareGroupStateSummaryRequest) -> Self {
        RequestBody::ReadShareGroupStateSummary(m)
    }
}

impl From<StreamsGroupHeartbeatRequest> for RequestBody {
    fn from(m: StreamsGroupHeartbeatRequest) -> Self {
        RequestBody::StreamsGroupHeartbeat(m)
    }
}

impl From<StreamsGroupDescribeRequest> for RequestBody {
    fn from(m: StreamsGroupDescribeRequest) -> Self {
        RequestBody::StreamsGroupDescribe(m)
    }
}

impl From<DescribeShareGroupOffsetsRequest> for RequestBody {
    fn from(m: DescribeShareGroupOffsetsRequest) -> Self {
        RequestBody::DescribeShareGroupOffsets(m)
    }
}

impl From<AlterShareGroupOffsetsRequest> for RequestBody {
    fn from(m: AlterShareGroupOffsetsRequest) -> Self {
        RequestBody::AlterShareGroupOffsets(m)
    }
}

impl From<DeleteShareGroupOffsetsRequest> for RequestBody {
    fn from(m: DeleteShareGroupOffsetsRequest) -> Self {
        RequestBody::DeleteShareGroupOffsets(m)
    }
}

/// The body of any response, by API.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    Produce(ProduceResponse),
    Fetch(FetchResponse),
    ListOffsets(ListOffsetsResponse),
    Metadata(MetadataResponse),
    OffsetCommit(OffsetCommitResponse),
    OffsetFetch(OffsetFetchResponse),
    FindCoordinator(FindCoordinatorResponse),
    JoinGroup(JoinGroupResponse),
    Heartbeat(HeartbeatResponse),
    LeaveGroup(LeaveGroupResponse),
    SyncGroup(SyncGroupResponse),
    DescribeGroups(DescribeGroupsResponse),
    ListGroups(ListGroupsResponse),
    SaslHandshake(SaslHandshakeResponse),
    ApiVersions(ApiVersionsResponse),
    CreateTopics(CreateTopicsResponse),
    DeleteTopics(DeleteTopicsResponse),
    DeleteRecords(DeleteRecordsResponse),
    InitProducerId(InitProducerIdResponse),
    OffsetForLeaderEpoch(OffsetForLeaderEpochResponse),
    AddPartitionsToTxn(AddPartitionsToTxnResponse),
    AddOffsetsToTxn(AddOffsetsToTxnResponse),
    EndTxn(EndTxnResponse),
    WriteTxnMarkers(WriteTxnMarkersResponse),
    TxnOffsetCommit(TxnOffsetCommitResponse),
    DescribeAcls(DescribeAclsResponse),
    CreateAcls(CreateAclsResponse),
    DeleteAcls(DeleteAclsResponse),
    DescribeConfigs(DescribeConfigsResponse),
    AlterConfigs(AlterConfigsResponse),
    AlterReplicaLogDirs(AlterReplicaLogDirsResponse),
    DescribeLogDirs(DescribeLogDirsResponse),
    SaslAuthenticate(SaslAuthenticateResponse),
    CreatePartitions(CreatePartitionsResponse),
    CreateDelegationToken(CreateDelegationTokenResponse),
    RenewDelegationToken(RenewDelegationTokenResponse),
    ExpireDelegationToken(ExpireDelegationTokenResponse),
    DescribeDelegationToken(DescribeDelegationTokenResponse),
    DeleteGroups(DeleteGroupsResponse),
    ElectLeaders(ElectLeadersResponse),
    IncrementalAlterConfigs(IncrementalAlterConfigsResponse),
    AlterPartitionReassignments(AlterPartitionReassignmentsResponse),
    ListPartitionReassignments(ListPartitionReassignmentsResponse),
    OffsetDelete(OffsetDeleteResponse),
    DescribeClientQuotas(DescribeClientQuotasResponse),
    AlterClientQuotas(AlterClientQuotasResponse),
    DescribeUserScramCredentials(DescribeUserScramCredentialsResponse),
    AlterUserScramCredentials(AlterUserScramCredentialsResponse),
    Vote(VoteResponse),
    BeginQuorumEpoch(BeginQuorumEpochResponse),
    EndQuorumEpoch(EndQuorumEpochResponse),
    DescribeQuorum(DescribeQuorumResponse),
    AlterPartition(AlterPartitionResponse),
    UpdateFeatures(UpdateFeaturesResponse),
    Envelope(EnvelopeResponse),
    FetchSnapshot(FetchSnapshotResponse),
    DescribeCluster(DescribeClusterResponse),
    DescribeProducers(DescribeProducersResponse),
    BrokerRegistration(BrokerRegistrationResponse),
    BrokerHeartbeat(BrokerHeartbeatResponse),
    UnregisterBroker(UnregisterBrokerResponse),
    DescribeTransactions(DescribeTransactionsResponse),
    ListTransactions(ListTransactionsResponse),
    AllocateProducerIds(AllocateProducerIdsResponse),
    ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse),
    ConsumerGroupDescribe(ConsumerGroupDescribeResponse),
    ControllerRegistration(ControllerRegistrationResponse),
    GetTelemetrySubscriptions(GetTelemetrySubscriptionsResponse),
    PushTelemetry(PushTelemetryResponse),
    AssignReplicasToDirs(AssignReplicasToDirsResponse),
    ListConfigResources(ListConfigResourcesResponse),
    DescribeTopicPartitions(DescribeTopicPartitionsResponse),
    ShareGroupHeartbeat(ShareGroupHeartbeatResponse),
    ShareGroupDescribe(ShareGroupDescribeResponse),
    ShareFetch(ShareFetchResponse),
    ShareAcknowledge(ShareAcknowledgeResponse),
    AddRaftVoter(AddRaftVoterResponse),
    RemoveRaftVoter(RemoveRaftVoterResponse),
    UpdateRaftVoter(UpdateRaftVoterResponse),
    InitializeShareGroupState(InitializeShareGroupStateResponse),
    ReadShareGroupState(ReadShareGroupStateResponse),
    WriteShareGroupState(WriteShareGroupStateResponse),
    DeleteShareGroupState(DeleteShareGroupStateResponse),
    ReadShareGroupStateSummary(ReadShareGroupStateSummaryResponse),
    StreamsGroupHeartbeat(StreamsGroupHeartbeatResponse),
    StreamsGroupDescribe(StreamsGroupDescribeResponse),
    DescribeShareGroupOffsets(DescribeShareGroupOffsetsResponse),
    AlterShareGroupOffsets(AlterShareGroupOffsetsResponse),
    DeleteShareGroupOffsets(DeleteShareGroupOffsetsResponse),
}

impl ResponseBody {
    pub fn api_key(&self) -> ApiKey {
        match self {
            ResponseBody::Produce(_) => ApiKey::Produce,
            ResponseBody::Fetch(_) => ApiKey::Fetch,
            ResponseBody::ListOffsets(_) => ApiKey::ListOffsets,
            ResponseBody::Metadata(_) => ApiKey::Metadata,
            ResponseBody::OffsetCommit(_) => ApiKey::OffsetCommit,
            ResponseBody::OffsetFetch(_) => ApiKey::OffsetFetch,
            ResponseBody::FindCoordinator(_) => ApiKey::FindCoordinator,
            ResponseBody::JoinGroup(_) => ApiKey::JoinGroup,
            ResponseBody::Heartbeat(_) => ApiKey::Heartbeat,
            ResponseBody::LeaveGroup(_) => ApiKey::LeaveGroup,
            ResponseBody::SyncGroup(_) => ApiKey::SyncGroup,
            ResponseBody::DescribeGroups(_) => ApiKey::DescribeGroups,
            ResponseBody::ListGroups(_) => ApiKey::ListGroups,
            ResponseBody::SaslHandshake(_) => ApiKey::SaslHandshake,
            ResponseBody::ApiVersions(_) => ApiKey::ApiVersions,
            ResponseBody::CreateTopics(_) => ApiKey::CreateTopics,
            ResponseBody::DeleteTopics(_) => ApiKey::DeleteTopics,
            ResponseBody::DeleteRecords(_) => ApiKey::DeleteRecords,
            ResponseBody::InitProducerId(_) => ApiKey::InitProducerId,
            ResponseBody::OffsetForLeaderEpoch(_) => ApiKey::OffsetForLeaderEpoch,
            ResponseBody::AddPartitionsToTxn(_) => ApiKey::AddPartitionsToTxn,
            ResponseBody::AddOffsetsToTxn(_) => ApiKey::AddOffsetsToTxn,
            ResponseBody::EndTxn(_) => ApiKey::EndTxn,
            ResponseBody::WriteTxnMarkers(_) => ApiKey::WriteTxnMarkers,
            ResponseBody::TxnOffsetCommit(_) => ApiKey::TxnOffsetCommit,
            ResponseBody::DescribeAcls(_) => ApiKey::DescribeAcls,
            ResponseBody::CreateAcls(_) => ApiKey::CreateAcls,
            ResponseBody::DeleteAcls(_) => ApiKey::DeleteAcls,
            ResponseBody::DescribeConfigs(_) => ApiKey::DescribeConfigs,
            ResponseBody::AlterConfigs(_) => ApiKey::AlterConfigs,
            ResponseBody::AlterReplicaLogDirs(_) => ApiKey::AlterReplicaLogDirs,
            ResponseBody::DescribeLogDirs(_) => ApiKey::DescribeLogDirs,
            ResponseBody::SaslAuthenticate(_) => ApiKey::SaslAuthenticate,
            ResponseBody::CreatePartitions(_) => ApiKey::CreatePartitions,
            ResponseBody::CreateDelegationToken(_) => ApiKey::CreateDelegationToken,
            ResponseBody::RenewDelegationToken(_) => ApiKey::RenewDelegationToken,
            ResponseBody::ExpireDelegationToken(_) => ApiKey::ExpireDelegationToken,
            ResponseBody::DescribeDelegationToken(_) => ApiKey::DescribeDelegationToken,
            ResponseBody::DeleteGroups(_) => ApiKey::DeleteGroups,
            ResponseBody::ElectLeaders(_) => ApiKey::ElectLeaders,
            ResponseBody::IncrementalAlterConfigs(_) => ApiKey::IncrementalAlterConfigs,
            ResponseBody::AlterPartitionReassignments(_) => ApiKey::AlterPartitionReassignments,
            ResponseBody::ListPartitionReassignments(_) => ApiKey::ListPartitionReassignments,
            ResponseBody::OffsetDelete(_) => ApiKey::OffsetDelete,
            ResponseBody::DescribeClientQuotas(_) => ApiKey::DescribeClientQuotas,
            ResponseBody::AlterClientQuotas(_) => ApiKey::AlterClientQuotas,
            ResponseBody::DescribeUserScramCredentials(_) => ApiKey::DescribeUserScramCredentials,
            ResponseBody::AlterUserScramCredentials(_) => ApiKey::AlterUserScramCredentials,
            ResponseBody::Vote(_) => ApiKey::Vote,
            ResponseBody::BeginQuorumEpoch(_) => ApiKey::BeginQuorumEpoch,
            ResponseBody::EndQuorumEpoch(_) => ApiKey::EndQuorumEpoch,
            ResponseBody::DescribeQuorum(_) => ApiKey::DescribeQuorum,
            ResponseBody::AlterPartition(_) => ApiKey::AlterPartition,
            ResponseBody::UpdateFeatures(_) => ApiKey::UpdateFeatures,
            ResponseBody::Envelope(_) => ApiKey::Envelope,
            ResponseBody::FetchSnapshot(_) => ApiKey::FetchSnapshot,
            ResponseBody::DescribeCluster(_) => ApiKey::DescribeCluster,
            ResponseBody::DescribeProducers(_) => ApiKey::DescribeProducers,
            ResponseBody::BrokerRegistration(_) => ApiKey::BrokerRegistration,
            ResponseBody::BrokerHeartbeat(_) => ApiKey::BrokerHeartbeat,
            ResponseBody::UnregisterBroker(_) => ApiKey::UnregisterBroker,
            ResponseBody::DescribeTransactions(_) => ApiKey::DescribeTransactions,
            ResponseBody::ListTransactions(_) => ApiKey::ListTransactions,
            ResponseBody::AllocateProducerIds(_) => ApiKey::AllocateProducerIds,
            ResponseBody::ConsumerGroupHeartbeat(_) => ApiKey::ConsumerGroupHeartbeat,
            ResponseBody::ConsumerGroupDescribe(_) => ApiKey::ConsumerGroupDescribe,
            ResponseBody::ControllerRegistration(_) => ApiKey::ControllerRegistration,
            ResponseBody::GetTelemetrySubscriptions(_) => ApiKey::GetTelemetrySubscriptions,
            ResponseBody::PushTelemetry(_) => ApiKey::PushTelemetry,
            ResponseBody::AssignReplicasToDirs(_) => ApiKey::AssignReplicasToDirs,
            ResponseBody::ListConfigResources(_) => ApiKey::ListConfigResources,
            ResponseBody::DescribeTopicPartitions(_) => ApiKey::DescribeTopicPartitions,
            ResponseBody::ShareGroupHeartbeat(_) => ApiKey::ShareGroupHeartbeat,
            ResponseBody::ShareGroupDescribe(_) => ApiKey::ShareGroupDescribe,
            ResponseBody::ShareFetch(_) => ApiKey::ShareFetch,
            ResponseBody::ShareAcknowledge(_) => ApiKey::ShareAcknowledge,
            ResponseBody::AddRaftVoter(_) => ApiKey::AddRaftVoter,
            ResponseBody::RemoveRaftVoter(_) => ApiKey::RemoveRaftVoter,
            ResponseBody::UpdateRaftVoter(_) => ApiKey::UpdateRaftVoter,
            ResponseBody::InitializeShareGroupState(_) => ApiKey::InitializeShareGroupState,
            ResponseBody::ReadShareGroupState(_) => ApiKey::ReadShareGroupState,
            ResponseBody::WriteShareGroupState(_) => ApiKey::WriteShareGroupState,
            ResponseBody::DeleteShareGroupState(_) => ApiKey::DeleteShareGroupState,
            ResponseBody::ReadShareGroupStateSummary(_) => ApiKey::ReadShareGroupStateSummary,
            ResponseBody::StreamsGroupHeartbeat(_) => ApiKey::StreamsGroupHeartbeat,
            ResponseBody::StreamsGroupDescribe(_) => ApiKey::StreamsGroupDescribe,
            ResponseBody::DescribeShareGroupOffsets(_) => ApiKey::DescribeShareGroupOffsets,
            ResponseBody::AlterShareGroupOffsets(_) => ApiKey::AlterShareGroupOffsets,
            ResponseBody::DeleteShareGroupOffsets(_) => ApiKey::DeleteShareGroupOffsets,
        }
    }

    /// Decodes a response body of `api_key` at `version`.
    pub fn decode(api_key: ApiKey, version: i16, buf: Bytes) -> Result<Self, WireError> {
        Ok(match api_key {
            ApiKey::Produce => ResponseBody::Produce(ProduceResponse::decode(buf, version)?),
            ApiKey::Fetch => ResponseBody::Fetch(FetchResponse::decode(buf, version)?),
            ApiKey::ListOffsets => ResponseBody::ListOffsets(ListOffsetsResponse::decode(buf, version)?),
            ApiKey::Metadata => ResponseBody::Metadata(MetadataResponse::decode(buf, version)?),
            ApiKey::OffsetCommit => ResponseBody::OffsetCommit(OffsetCommitResponse::decode(buf, version)?),
            ApiKey::OffsetFetch => ResponseBody::OffsetFetch(OffsetFetchResponse::decode(buf, version)?),
            ApiKey::FindCoordinator => ResponseBody::FindCoordinator(FindCoordinatorResponse::decode(buf, version)?),
            ApiKey::JoinGroup => ResponseBody::JoinGroup(JoinGroupResponse::decode(buf, version)?),
            ApiKey::Heartbeat => ResponseBody::Heartbeat(HeartbeatResponse::decode(buf, version)?),
            ApiKey::LeaveGroup => ResponseBody::LeaveGroup(LeaveGroupResponse::decode(buf, version)?),
            ApiKey::SyncGroup => ResponseBody::SyncGroup(SyncGroupResponse::decode(buf, version)?),
            ApiKey::DescribeGroups => ResponseBody::DescribeGroups(DescribeGroupsResponse::decode(buf, version)?),
            ApiKey::ListGroups => ResponseBody::ListGroups(ListGroupsResponse::decode(buf, version)?),
            ApiKey::SaslHandshake => ResponseBody::SaslHandshake(SaslHandshakeResponse::decode(buf, version)?),
            ApiKey::ApiVersions => ResponseBody::ApiVersions(ApiVersionsResponse::decode(buf, version)?),
            ApiKey::CreateTopics => ResponseBody::CreateTopics(CreateTopicsResponse::decode(buf, version)?),
            ApiKey::DeleteTopics => ResponseBody::DeleteTopics(DeleteTopicsResponse::decode(buf, version)?),
            ApiKey::DeleteRecords => ResponseBody::DeleteRecords(DeleteRecordsResponse::decode(buf, version)?),
            ApiKey::InitProducerId => ResponseBody::InitProducerId(InitProducerIdResponse::decode(buf, version)?),
            ApiKey::OffsetForLeaderEpoch => ResponseBody::OffsetForLeaderEpoch(OffsetForLeaderEpochResponse::decode(buf, version)?),
            ApiKey::AddPartitionsToTxn => ResponseBody::AddPartitionsToTxn(AddPartitionsToTxnResponse::decode(buf, version)?),
            ApiKey::AddOffsetsToTxn => ResponseBody::AddOffsetsToTxn(AddOffsetsToTxnResponse::decode(buf, version)?),
            ApiKey::EndTxn => ResponseBody::EndTxn(EndTxnResponse::decode(buf, version)?),
            ApiKey::WriteTxnMarkers => ResponseBody::WriteTxnMarkers(WriteTxnMarkersResponse::decode(buf, version)?),
            ApiKey::TxnOffsetCommit => ResponseBody::TxnOffsetCommit(TxnOffsetCommitResponse::decode(buf, version)?),
            ApiKey::DescribeAcls => ResponseBody::DescribeAcls(DescribeAclsResponse::decode(buf, version)?),
            ApiKey::CreateAcls => ResponseBody::CreateAcls(CreateAclsResponse::decode(buf, version)?),
            ApiKey::DeleteAcls => ResponseBody::DeleteAcls(DeleteAclsResponse::decode(buf, version)?),
            ApiKey::DescribeConfigs => ResponseBody::DescribeConfigs(DescribeConfigsResponse::decode(buf, version)?),
            ApiKey::AlterConfigs => ResponseBody::AlterConfigs(AlterConfigsResponse::decode(buf, version)?),
            ApiKey::AlterReplicaLogDirs => ResponseBody::AlterReplicaLogDirs(AlterReplicaLogDirsResponse::decode(buf, version)?),
            ApiKey::DescribeLogDirs => ResponseBody::DescribeLogDirs(DescribeLogDirsResponse::decode(buf, version)?),
            ApiKey::SaslAuthenticate => ResponseBody::SaslAuthenticate(SaslAuthenticateResponse::decode(buf, version)?),
            ApiKey::CreatePartitions => ResponseBody::CreatePartitions(CreatePartitionsResponse::decode(buf, version)?),
            ApiKey::CreateDelegationToken => ResponseBody::CreateDelegationToken(CreateDelegationTokenResponse::decode(buf, version)?),
            ApiKey::RenewDelegationToken => ResponseBody::RenewDelegationToken(RenewDelegationTokenResponse::decode(buf, version)?),
            ApiKey::ExpireDelegationToken => ResponseBody::ExpireDelegationToken(ExpireDelegationTokenResponse::decode(buf, version)?),
            ApiKey::DescribeDelegationToken => ResponseBody::DescribeDelegationToken(DescribeDelegationTokenResponse::decode(buf, version)?),
            ApiKey::DeleteGroups => ResponseBody::DeleteGroups(DeleteGroupsResponse::decode(buf, version)?),
            ApiKey::ElectLeaders => ResponseBody::ElectLeaders(ElectLeadersResponse::decode(buf, version)?),
            ApiKey::IncrementalAlterConfigs => ResponseBody::IncrementalAlterConfigs(IncrementalAlterConfigsResponse::decode(buf, version)?),
            ApiKey::AlterPartitionReassignments => ResponseBody::AlterPartitionReassignments(AlterPartitionReassignmentsResponse::decode(buf, version)?),
            ApiKey::ListPartitionReassignments => ResponseBody::ListPartitionReassignments(ListPartitionReassignmentsResponse::decode(buf, version)?),
            ApiKey::OffsetDelete => ResponseBody::OffsetDelete(OffsetDeleteResponse::decode(buf, version)?),
            ApiKey::DescribeClientQuotas => ResponseBody::DescribeClientQuotas(DescribeClientQuotasResponse::decode(buf, version)?),
            ApiKey::AlterClientQuotas => ResponseBody::AlterClientQuotas(AlterClientQuotasResponse::decode(buf, version)?),
            ApiKey::DescribeUserScramCredentials => ResponseBody::DescribeUserScramCredentials(DescribeUserScramCredentialsResponse::decode(buf, version)?),
            ApiKey::AlterUserScramCredentials => ResponseBody::AlterUserScramCredentials(AlterUserScramCredentialsResponse::decode(buf, version)?),
            ApiKey::Vote => ResponseBody::Vote(VoteResponse::decode(buf, version)?),
            ApiKey::BeginQuorumEpoch => ResponseBody::BeginQuorumEpoch(BeginQuorumEpochResponse::decode(buf, version)?),
            ApiKey::EndQuorumEpoch => ResponseBody::EndQuorumEpoch(EndQuorumEpochResponse::decode(buf, version)?),
            ApiKey::DescribeQuorum => ResponseBody::DescribeQuorum(DescribeQuorumResponse::decode(buf, version)?),
            ApiKey::AlterPartition => ResponseBody::AlterPartition(AlterPartitionResponse::decode(buf, version)?),
            ApiKey::UpdateFeatures => ResponseBody::UpdateFeatures(UpdateFeaturesResponse::decode(buf, version)?),
            ApiKey::Envelope => ResponseBody::Envelope(EnvelopeResponse::decode(buf, version)?),
            ApiKey::FetchSnapshot => ResponseBody::FetchSnapshot(FetchSnapshotResponse::decode(buf, version)?),
            ApiKey::DescribeCluster => ResponseBody::DescribeCluster(DescribeClusterResponse::decode(buf, version)?),
            ApiKey::DescribeProducers => ResponseBody::DescribeProducers(DescribeProducersResponse::decode(buf, version)?),
            ApiKey::BrokerRegistration => ResponseBody::BrokerRegistration(BrokerRegistrationResponse::decode(buf, version)?),
            ApiKey::BrokerHeartbeat => ResponseBody::BrokerHeartbeat(BrokerHeartbeatResponse::decode(buf, version)?),
            ApiKey::UnregisterBroker => ResponseBody::UnregisterBroker(UnregisterBrokerResponse::decode(buf, version)?),
            ApiKey::DescribeTransactions => ResponseBody::DescribeTransactions(DescribeTransactionsResponse::decode(buf, version)?),
            ApiKey::ListTransactions => ResponseBody::ListTransactions(ListTransactionsResponse::decode(buf, version)?),
            ApiKey::AllocateProducerIds => ResponseBody::AllocateProducerIds(AllocateProducerIdsResponse::decode(buf, version)?),
            ApiKey::ConsumerGroupHeartbeat => ResponseBody::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse::decode(buf, version)?),
            ApiKey::ConsumerGroupDescribe => ResponseBody::ConsumerGroupDescribe(ConsumerGroupDescribeResponse::decode(buf, version)?),
            ApiKey::ControllerRegistration => ResponseBody::ControllerRegistration(ControllerRegistrationResponse::decode(buf, version)?),
            ApiKey::GetTelemetrySubscriptions => ResponseBody::GetTelemetrySubscriptions(GetTelemetrySubscriptionsResponse::decode(buf, version)?),
            ApiKey::PushTelemetry => ResponseBody::PushTelemetry(PushTelemetryResponse::decode(buf, version)?),
            ApiKey::AssignReplicasToDirs => ResponseBody::AssignReplicasToDirs(AssignReplicasToDirsResponse::decode(buf, version)?),
            ApiKey::ListConfigResources => ResponseBody::ListConfigResources(ListConfigResourcesResponse::decode(buf, version)?),
            ApiKey::DescribeTopicPartitions => ResponseBody::DescribeTopicPartitions(DescribeTopicPartitionsResponse::decode(buf, version)?),
            ApiKey::ShareGroupHeartbeat => ResponseBody::ShareGroupHeartbeat(ShareGroupHeartbeatResponse::decode(buf, version)?),
            ApiKey::ShareGroupDescribe => ResponseBody::ShareGroupDescribe(ShareGroupDescribeResponse::decode(buf, version)?),
            ApiKey::ShareFetch => ResponseBody::ShareFetch(ShareFetchResponse::decode(buf, version)?),
            ApiKey::ShareAcknowledge => ResponseBody::ShareAcknowledge(ShareAcknowledgeResponse::decode(buf, version)?),
            ApiKey::AddRaftVoter => ResponseBody::AddRaftVoter(AddRaftVoterResponse::decode(buf, version)?),
            ApiKey::RemoveRaftVoter => ResponseBody::RemoveRaftVoter(RemoveRaftVoterResponse::decode(buf, version)?),
            ApiKey::UpdateRaftVoter => ResponseBody::UpdateRaftVoter(UpdateRaftVoterResponse::decode(buf, version)?),
            ApiKey::InitializeShareGroupState => ResponseBody::InitializeShareGroupState(InitializeShareGroupStateResponse::decode(buf, version)?),
            ApiKey::ReadShareGroupState => ResponseBody::ReadShareGroupState(ReadShareGroupStateResponse::decode(buf, version)?),
            ApiKey::WriteShareGroupState => ResponseBody::WriteShareGroupState(WriteShareGroupStateResponse::decode(buf, version)?),
            ApiKey::DeleteShareGroupState => ResponseBody::DeleteShareGroupState(DeleteShareGroupStateResponse::decode(buf, version)?),
            ApiKey::ReadShareGroupStateSummary => ResponseBody::ReadShareGroupStateSummary(ReadShareGroupStateSummaryResponse::decode(buf, version)?),
            ApiKey::StreamsGroupHeartbeat => ResponseBody::StreamsGroupHeartbeat(StreamsGroupHeartbeatResponse::decode(buf, version)?),
            ApiKey::StreamsGroupDescribe => ResponseBody::StreamsGroupDescribe(StreamsGroupDescribeResponse::decode(buf, version)?),
            ApiKey::DescribeShareGroupOffsets => ResponseBody::DescribeShareGroupOffsets(DescribeShareGroupOffsetsResponse::decode(buf, version)?),
            ApiKey::AlterShareGroupOffsets => ResponseBody::AlterShareGroupOffsets(AlterShareGroupOffsetsResponse::decode(buf, version)?),
            ApiKey::DeleteShareGroupOffsets => ResponseBody::DeleteShareGroupOffsets(DeleteShareGroupOffsetsResponse::decode(buf, version)?),
        })
    }

    /// Appends the encoded body to `w`.
    pub fn encode_into(&self, w: &mut BytesMut, version: i16) -> Result<(), WireError> {
        match self {
            ResponseBody::Produce(m) => m.encode_into(w, version),
            ResponseBody::Fetch(m) => m.encode_into(w, version),
            ResponseBody::ListOffsets(m) => m.encode_into(w, version),
            ResponseBody::Metadata(m) => m.encode_into(w, version),
            ResponseBody::OffsetCommit(m) => m.encode_into(w, version),
            ResponseBody::OffsetFetch(m) => m.encode_into(w, version),
            ResponseBody::FindCoordinator(m) => m.encode_into(w, version),
            ResponseBody::JoinGroup(m) => m.encode_into(w, version),
            ResponseBody::Heartbeat(m) => m.encode_into(w, version),
            ResponseBody::LeaveGroup(m) => m.encode_into(w, version),
            ResponseBody::SyncGroup(m) => m.encode_into(w, version),
            ResponseBody::DescribeGroups(m) => m.encode_into(w, version),
            ResponseBody::ListGroups(m) => m.encode_into(w, version),
            ResponseBody::SaslHandshake(m) => m.encode_into(w, version),
            ResponseBody::ApiVersions(m) => m.encode_into(w, version),
            ResponseBody::CreateTopics(m) => m.encode_into(w, version),
            ResponseBody::DeleteTopics(m) => m.encode_into(w, version),
            ResponseBody::DeleteRecords(m) => m.encode_into(w, version),
            ResponseBody::InitProducerId(m) => m.encode_into(w, version),
            ResponseBody::OffsetForLeaderEpoch(m) => m.encode_into(w, version),
            ResponseBody::AddPartitionsToTxn(m) => m.encode_into(w, version),
            ResponseBody::AddOffsetsToTxn(m) => m.encode_into(w, version),
            ResponseBody::EndTxn(m) => m.encode_into(w, version),
            ResponseBody::WriteTxnMarkers(m) => m.encode_into(w, version),
            ResponseBody::TxnOffsetCommit(m) => m.encode_into(w, version),
            ResponseBody::DescribeAcls(m) => m.encode_into(w, version),
            ResponseBody::CreateAcls(m) => m.encode_into(w, version),
            ResponseBody::DeleteAcls(m) => m.encode_into(w, version),
            ResponseBody::DescribeConfigs(m) => m.encode_into(w, version),
            ResponseBody::AlterConfigs(m) => m.encode_into(w, version),
            ResponseBody::AlterReplicaLogDirs(m) => m.encode_into(w, version),
            ResponseBody::DescribeLogDirs(m) => m.encode_into(w, version),
            ResponseBody::SaslAuthenticate(m) => m.encode_into(w, version),
            ResponseBody::CreatePartitions(m) => m.encode_into(w, version),
            ResponseBody::CreateDelegationToken(m) => m.encode_into(w, version),
            ResponseBody::RenewDelegationToken(m) => m.encode_into(w, version),
            ResponseBody::ExpireDelegationToken(m) => m.encode_into(w, version),
            ResponseBody::DescribeDelegationToken(m) => m.encode_into(w, version),
            ResponseBody::DeleteGroups(m) => m.encode_into(w, version),
            ResponseBody::ElectLeaders(m) => m.encode_into(w, version),
            ResponseBody::IncrementalAlterConfigs(m) => m.encode_into(w, version),
            ResponseBody::AlterPartitionReassignments(m) => m.encode_into(w, version),
            ResponseBody::ListPartitionReassignments(m) => m.encode_into(w, version),
            ResponseBody::OffsetDelete(m) => m.encode_into(w, version),
            ResponseBody::DescribeClientQuotas(m) => m.encode_into(w, version),
            ResponseBody::AlterClientQuotas(m) => m.encode_into(w, version),
            ResponseBody::DescribeUserScramCredentials(m) => m.encode_into(w, version),
            ResponseBody::AlterUserScramCredentials(m) => m.encode_into(w, version),
            ResponseBody::Vote(m) => m.encode_into(w, version),
            ResponseBody::BeginQuorumEpoch(m) => m.encode_into(w, version),
            ResponseBody::EndQuorumEpoch(m) => m.encode_into(w, version),
            ResponseBody::DescribeQuorum(m) => m.encode_into(w, version),
            ResponseBody::AlterPartition(m) => m.encode_into(w, version),
            ResponseBody::UpdateFeatures(m) => m.encode_into(w, version),
            ResponseBody::Envelope(m) => m.encode_into(w, version),
            ResponseBody::FetchSnapshot(m) => m.encode_into(w, version),
            ResponseBody::DescribeCluster(m) => m.encode_into(w, version),
            ResponseBody::DescribeProducers(m) => m.encode_into(w, version),
            ResponseBody::BrokerRegistration(m) => m.encode_into(w, version),
            ResponseBody::BrokerHeartbeat(m) => m.encode_into(w, version),
            ResponseBody::UnregisterBroker(m) => m.encode_into(w, version),
            ResponseBody::DescribeTransactions(m) => m.encode_into(w, version),
            ResponseBody::ListTransactions(m) => m.encode_into(w, version),
            ResponseBody::AllocateProducerIds(m) => m.encode_into(w, version),
            ResponseBody::ConsumerGroupHeartbeat(m) => m.encode_into(w, version),
            ResponseBody::ConsumerGroupDescribe(m) => m.encode_into(w, version),
            ResponseBody::ControllerRegistration(m) => m.encode_into(w, version),
            ResponseBody::GetTelemetrySubscriptions(m) => m.encode_into(w, version),
            ResponseBody::PushTelemetry(m) => m.encode_into(w, version),
            ResponseBody::AssignReplicasToDirs(m) => m.encode_into(w, version),
            ResponseBody::ListConfigResources(m) => m.encode_into(w, version),
            ResponseBody::DescribeTopicPartitions(m) => m.encode_into(w, version),
            ResponseBody::ShareGroupHeartbeat(m) => m.encode_into(w, version),
            ResponseBody::ShareGroupDescribe(m) => m.encode_into(w, version),
            ResponseBody::ShareFetch(m) => m.encode_into(w, version),
            ResponseBody::ShareAcknowledge(m) => m.encode_into(w, version),
            ResponseBody::AddRaftVoter(m) => m.encode_into(w, version),
            ResponseBody::RemoveRaftVoter(m) => m.encode_into(w, version),
            ResponseBody::UpdateRaftVoter(m) => m.encode_into(w, version),
            ResponseBody::InitializeShareGroupState(m) => m.encode_into(w, version),
            ResponseBody::ReadShareGroupState(m) => m.encode_into(w, version),
            ResponseBody::WriteShareGroupState(m) => m.encode_into(w, version),
            ResponseBody::DeleteShareGroupState(m) => m.encode_into(w, version),
            ResponseBody::ReadShareGroupStateSummary(m) => m.encode_into(w, version),
            ResponseBody::StreamsGroupHeartbeat(m) => m.encode_into(w, version),
            ResponseBody::StreamsGroupDescribe(m) => m.encode_into(w, version),
            ResponseBody::DescribeShareGroupOffsets(m) => m.encode_into(w, version),
            ResponseBody::AlterShareGroupOffsets(m) => m.encode_into(w, version),
            ResponseBody::DeleteShareGroupOffsets(m) => m.encode_into(w, version),
        }
    }

    /// A random body of `api_key`, valid at `version` (property tests).
    #[cfg(any(test, feature = "test-util"))]
    pub fn random(api_key: ApiKey, rng: &mut crate::wire::testing::TestRng, version: i16) -> Self {
        use crate::wire::testing::Random;
        match api_key {
            ApiKey::Produce => ResponseBody::Produce(ProduceResponse::random(rng, version, 0)),
            ApiKey::Fetch => ResponseBody::Fetch(FetchResponse::random(rng, version, 0)),
            ApiKey::ListOffsets => ResponseBody::ListOffsets(ListOffsetsResponse::random(rng, version, 0)),
            ApiKey::Metadata => ResponseBody::Metadata(MetadataResponse::random(rng, version, 0)),
            ApiKey::OffsetCommit => ResponseBody::OffsetCommit(OffsetCommitResponse::random(rng, version, 0)),
            ApiKey::OffsetFetch => ResponseBody::OffsetFetch(OffsetFetchResponse::random(rng, version, 0)),
            ApiKey::FindCoordinator => ResponseBody::FindCoordinator(FindCoordinatorResponse::random(rng, version, 0)),
            ApiKey::JoinGroup => ResponseBody::JoinGroup(JoinGroupResponse::random(rng, version, 0)),
            ApiKey::Heartbeat => ResponseBody::Heartbeat(HeartbeatResponse::random(rng, version, 0)),
            ApiKey::LeaveGroup => ResponseBody::LeaveGroup(LeaveGroupResponse::random(rng, version, 0)),
            ApiKey::SyncGroup => ResponseBody::SyncGroup(SyncGroupResponse::random(rng, version, 0)),
            ApiKey::DescribeGroups => ResponseBody::DescribeGroups(DescribeGroupsResponse::random(rng, version, 0)),
            ApiKey::ListGroups => ResponseBody::ListGroups(ListGroupsResponse::random(rng, version, 0)),
            ApiKey::SaslHandshake => ResponseBody::SaslHandshake(SaslHandshakeResponse::random(rng, version, 0)),
            ApiKey::ApiVersions => ResponseBody::ApiVersions(ApiVersionsResponse::random(rng, version, 0)),
            ApiKey::CreateTopics => ResponseBody::CreateTopics(CreateTopicsResponse::random(rng, version, 0)),
            ApiKey::DeleteTopics => ResponseBody::DeleteTopics(DeleteTopicsResponse::random(rng, version, 0)),
            ApiKey::DeleteRecords => ResponseBody::DeleteRecords(DeleteRecordsResponse::random(rng, version, 0)),
            ApiKey::InitProducerId => ResponseBody::InitProducerId(InitProducerIdResponse::random(rng, version, 0)),
            ApiKey::OffsetForLeaderEpoch => ResponseBody::OffsetForLeaderEpoch(OffsetForLeaderEpochResponse::random(rng, version, 0)),
            ApiKey::AddPartitionsToTxn => ResponseBody::AddPartitionsToTxn(AddPartitionsToTxnResponse::random(rng, version, 0)),
            ApiKey::AddOffsetsToTxn => ResponseBody::AddOffsetsToTxn(AddOffsetsToTxnResponse::random(rng, version, 0)),
            ApiKey::EndTxn => ResponseBody::EndTxn(EndTxnResponse::random(rng, version, 0)),
            ApiKey::WriteTxnMarkers => ResponseBody::WriteTxnMarkers(WriteTxnMarkersResponse::random(rng, version, 0)),
            ApiKey::TxnOffsetCommit => ResponseBody::TxnOffsetCommit(TxnOffsetCommitResponse::random(rng, version, 0)),
            ApiKey::DescribeAcls => ResponseBody::DescribeAcls(DescribeAclsResponse::random(rng, version, 0)),
            ApiKey::CreateAcls => ResponseBody::CreateAcls(CreateAclsResponse::random(rng, version, 0)),
            ApiKey::DeleteAcls => ResponseBody::DeleteAcls(DeleteAclsResponse::random(rng, version, 0)),
            ApiKey::DescribeConfigs => ResponseBody::DescribeConfigs(DescribeConfigsResponse::random(rng, version, 0)),
            ApiKey::AlterConfigs => ResponseBody::AlterConfigs(AlterConfigsResponse::random(rng, version, 0)),
            ApiKey::AlterReplicaLogDirs => ResponseBody::AlterReplicaLogDirs(AlterReplicaLogDirsResponse::random(rng, version, 0)),
            ApiKey::DescribeLogDirs => ResponseBody::DescribeLogDirs(DescribeLogDirsResponse::random(rng, version, 0)),
            ApiKey::SaslAuthenticate => ResponseBody::SaslAuthenticate(SaslAuthenticateResponse::random(rng, version, 0)),
            ApiKey::CreatePartitions => ResponseBody::CreatePartitions(CreatePartitionsResponse::random(rng, version, 0)),
            ApiKey::CreateDelegationToken => ResponseBody::CreateDelegationToken(CreateDelegationTokenResponse::random(rng, version, 0)),
            ApiKey::RenewDelegationToken => ResponseBody::RenewDelegationToken(RenewDelegationTokenResponse::random(rng, version, 0)),
            ApiKey::ExpireDelegationToken => ResponseBody::ExpireDelegationToken(ExpireDelegationTokenResponse::random(rng, version, 0)),
            ApiKey::DescribeDelegationToken => ResponseBody::DescribeDelegationToken(DescribeDelegationTokenResponse::random(rng, version, 0)),
            ApiKey::DeleteGroups => ResponseBody::DeleteGroups(DeleteGroupsResponse::random(rng, version, 0)),
            ApiKey::ElectLeaders => ResponseBody::ElectLeaders(ElectLeadersResponse::random(rng, version, 0)),
            ApiKey::IncrementalAlterConfigs => ResponseBody::IncrementalAlterConfigs(IncrementalAlterConfigsResponse::random(rng, version, 0)),
            ApiKey::AlterPartitionReassignments => ResponseBody::AlterPartitionReassignments(AlterPartitionReassignmentsResponse::random(rng, version, 0)),
            ApiKey::ListPartitionReassignments => ResponseBody::ListPartitionReassignments(ListPartitionReassignmentsResponse::random(rng, version, 0)),
            ApiKey::OffsetDelete => ResponseBody::OffsetDelete(OffsetDeleteResponse::random(rng, version, 0)),
            ApiKey::DescribeClientQuotas => ResponseBody::DescribeClientQuotas(DescribeClientQuotasResponse::random(rng, version, 0)),
            ApiKey::AlterClientQuotas => ResponseBody::AlterClientQuotas(AlterClientQuotasResponse::random(rng, version, 0)),
            ApiKey::DescribeUserScramCredentials => ResponseBody::DescribeUserScramCredentials(DescribeUserScramCredentialsResponse::random(rng, version, 0)),
            ApiKey::AlterUserScramCredentials => ResponseBody::AlterUserScramCredentials(AlterUserScramCredentialsResponse::random(rng, version, 0)),
            ApiKey::Vote => ResponseBody::Vote(VoteResponse::random(rng, version, 0)),
            ApiKey::BeginQuorumEpoch => ResponseBody::BeginQuorumEpoch(BeginQuorumEpochResponse::random(rng, version, 0)),
            ApiKey::EndQuorumEpoch => ResponseBody::EndQuorumEpoch(EndQuorumEpochResponse::random(rng, version, 0)),
            ApiKey::DescribeQuorum => ResponseBody::DescribeQuorum(DescribeQuorumResponse::random(rng, version, 0)),
            ApiKey::AlterPartition => ResponseBody::AlterPartition(AlterPartitionResponse::random(rng, version, 0)),
            ApiKey::UpdateFeatures => ResponseBody::UpdateFeatures(UpdateFeaturesResponse::random(rng, version, 0)),
            ApiKey::Envelope => ResponseBody::Envelope(EnvelopeResponse::random(rng, version, 0)),
            ApiKey::FetchSnapshot => ResponseBody::FetchSnapshot(FetchSnapshotResponse::random(rng, version, 0)),
            ApiKey::DescribeCluster => ResponseBody::DescribeCluster(DescribeClusterResponse::random(rng, version, 0)),
            ApiKey::DescribeProducers => ResponseBody::DescribeProducers(DescribeProducersResponse::random(rng, version, 0)),
            ApiKey::BrokerRegistration => ResponseBody::BrokerRegistration(BrokerRegistrationResponse::random(rng, version, 0)),
            ApiKey::BrokerHeartbeat => ResponseBody::BrokerHeartbeat(BrokerHeartbeatResponse::random(rng, version, 0)),
            ApiKey::UnregisterBroker => ResponseBody::UnregisterBroker(UnregisterBrokerResponse::random(rng, version, 0)),
            ApiKey::DescribeTransactions => ResponseBody::DescribeTransactions(DescribeTransactionsResponse::random(rng, version, 0)),
            ApiKey::ListTransactions => ResponseBody::ListTransactions(ListTransactionsResponse::random(rng, version, 0)),
            ApiKey::AllocateProducerIds => ResponseBody::AllocateProducerIds(AllocateProducerIdsResponse::random(rng, version, 0)),
            ApiKey::ConsumerGroupHeartbeat => ResponseBody::ConsumerGroupHeartbeat(ConsumerGroupHeartbeatResponse::random(rng, version, 0)),
            ApiKey::ConsumerGroupDescribe => ResponseBody::ConsumerGroupDescribe(ConsumerGroupDescribeResponse::random(rng, version, 0)),
            ApiKey::ControllerRegistration => ResponseBody::ControllerRegistration(ControllerRegistrationResponse::random(rng, version, 0)),
            ApiKey::GetTelemetrySubscriptions => ResponseBody::GetTelemetrySubscriptions(GetTelemetrySubscriptionsResponse::random(rng, version, 0)),
            ApiKey::PushTelemetry => ResponseBody::PushTelemetry(PushTelemetryResponse::random(rng, version, 0)),
            ApiKey::AssignReplicasToDirs => ResponseBody::AssignReplicasToDirs(AssignReplicasToDirsResponse::random(rng, version, 0)),
            ApiKey::ListConfigResources => ResponseBody::ListConfigResources(ListConfigResourcesResponse::random(rng, version, 0)),
            ApiKey::DescribeTopicPartitions => ResponseBody::DescribeTopicPartitions(DescribeTopicPartitionsResponse::random(rng, version, 0)),
            ApiKey::ShareGroupHeartbeat => ResponseBody::ShareGroupHeartbeat(ShareGroupHeartbeatResponse::random(rng, version, 0)),
            ApiKey::ShareGroupDescribe => ResponseBody::ShareGroupDescribe(ShareGroupDescribeResponse::random(rng, version, 0)),
            ApiKey::ShareFetch => ResponseBody::ShareFetch(ShareFetchResponse::random(rng, version, 0)),
            ApiKey::ShareAcknowledge => ResponseBody::ShareAcknowledge(ShareAcknowledgeResponse::random(rng, version, 0)),
            ApiKey::AddRaftVoter => ResponseBody::AddRaftVoter(AddRaftVoterResponse::random(rng, version, 0)),
            ApiKey::RemoveRaftVoter => ResponseBody::RemoveRaftVoter(RemoveRaftVoterResponse::random(rng, version, 0)),
            ApiKey::UpdateRaftVoter => ResponseBody::UpdateRaftVoter(UpdateRaftVoterResponse::random(rng, version, 0)),
            ApiKey::InitializeShareGroupState => ResponseBody::InitializeShareGroupState(InitializeShareGroupStateResponse::random(rng, version, 0)),
            ApiKey::ReadShareGroupState => ResponseBody::ReadShareGroupState(ReadShareGroupStateResponse::random(rng, version, 0)),
            ApiKey::WriteShareGroupState => ResponseBody::WriteShareGroupState(WriteShareGroupStateResponse::random(rng, version, 0)),
            ApiKey::DeleteShareGroupState => ResponseBody::DeleteShareGroupState(DeleteShareGroupStateResponse::random(rng, version, 0)),
            ApiKey::ReadShareGroupStateSummary => ResponseBody::ReadShareGroupStateSummary(ReadShareGroupStateSummaryResponse::random(rng, version, 0)),
            ApiKey::StreamsGroupHeartbeat => ResponseBody::StreamsGroupHeartbeat(StreamsGroupHeartbeatResponse::random(rng, version, 0)),
            ApiKey::StreamsGroupDescribe => ResponseBody::StreamsGroupDescribe(StreamsGroupDescribeResponse::random(rng, version, 0)),
            ApiKey::DescribeShareGroupOffsets => ResponseBody::DescribeShareGroupOffsets(DescribeShareGroupOffsetsResponse::random(rng, version, 0)),
            ApiKey::AlterShareGroupOffsets => ResponseBody::AlterShareGroupOffsets(AlterShareGroupOffsetsResponse::random(rng, version, 0)),
            ApiKey::DeleteShareGroupOffsets => ResponseBody::DeleteShareGroupOffsets(DeleteShareGroupOffsetsResponse::random(rng, version, 0)),
        }
    }
}

impl From<ProduceResponse> for ResponseBody {
    fn from(m: ProduceResponse) -> Self {
        ResponseBody::Produce(m)
    }
}

impl From<FetchResponse> for ResponseBody {
    fn from(m: FetchResponse) -> Self {
        ResponseBody::Fetch(m)
    }
}

impl From<ListOffsetsResponse> for ResponseBody {
    fn from(m: ListOffsetsResponse) -> Self {
        ResponseBody::ListOffsets(m)
    }
}

impl From<MetadataResponse> for ResponseBody {
    fn from(m: MetadataResponse) -> Self {
        ResponseBody::Metadata(m)
    }
}

impl From<OffsetCommitResponse> for ResponseBody {
    fn from(m: OffsetCommitResponse) -> Self {
        ResponseBody::OffsetCommit(m)
    }
}

impl From<OffsetFetchResponse> for ResponseBody {
    fn from(m: OffsetFetchResponse) -> Self {
        ResponseBody::OffsetFetch(m)
    }
}

impl From<FindCoordinatorResponse> for ResponseBody {
    fn from(m: FindCoordinatorResponse) -> Self {
        ResponseBody::FindCoordinator(m)
    }
}

impl From<JoinGroupResponse> for ResponseBody {
    fn from(m: JoinGroupResponse) -> Self {
        ResponseBody::JoinGroup(m)
    }
}

impl From<HeartbeatResponse> for ResponseBody {
    fn from(m: HeartbeatResponse) -> Self {
        ResponseBody::Heartbeat(m)
    }
}

impl From<LeaveGroupResponse> for ResponseBody {
    fn from(m: LeaveGroupResponse) -> Self {
        ResponseBody::LeaveGroup(m)
    }
}

impl From<SyncGroupResponse> for ResponseBody {
    fn from(m: SyncGroupResponse) -> Self {
        ResponseBody::SyncGroup(m)
    }
}

impl From<DescribeGroupsResponse> for ResponseBody {
    fn from(m: DescribeGroupsResponse) -> Self {
        ResponseBody::DescribeGroups(m)
    }
}

impl From<ListGroupsResponse> for ResponseBody {
    fn from(m: ListGroupsResponse) -> Self {
        ResponseBody::ListGroups(m)
    }
}

impl From<SaslHandshakeResponse> for ResponseBody {
    fn from(m: SaslHandshakeResponse) -> Self {
        ResponseBody::SaslHandshake(m)
    }
}

impl From<ApiVersionsResponse> for ResponseBody {
    fn from(m: ApiVersionsResponse) -> Self {
        ResponseBody::ApiVersions(m)
    }
}

impl From<CreateTopicsResponse> for ResponseBody {
    fn from(m: CreateTopicsResponse) -> Self {
        ResponseBody::CreateTopics(m)
    }
}

impl From<DeleteTopicsResponse> for ResponseBody {
    fn from(m: DeleteTopicsResponse) -> Self {
        ResponseBody::DeleteTopics(m)
    }
}

impl From<DeleteRecordsResponse> for ResponseBody {
    fn from(m: DeleteRecordsResponse) -> Self {
        ResponseBody::DeleteRecords(m)
    }
}

impl From<InitProducerIdResponse> for ResponseBody {
    fn from(m: InitProducerIdResponse) -> Self {
        ResponseBody::InitProducerId(m)
    }
}

impl From<OffsetForLeaderEpochResponse> for ResponseBody {
    fn from(m: OffsetForLeaderEpochResponse) -> Self {
        ResponseBody::OffsetForLeaderEpoch(m)
    }
}

impl From<AddPartitionsToTxnResponse> for ResponseBody {
    fn from(m: AddPartitionsToTxnResponse) -> Self {
        ResponseBody::AddPartitionsToTxn(m)
    }
}

impl From<AddOffsetsToTxnResponse> for ResponseBody {
    fn from(m: AddOffsetsToTxnResponse) -> Self {
        ResponseBody::AddOffsetsToTxn(m)
    }
}

impl From<EndTxnResponse> for ResponseBody {
    fn from(m: EndTxnResponse) -> Self {
        ResponseBody::EndTxn(m)
    }
}

impl From<WriteTxnMarkersResponse> for ResponseBody {
    fn from(m: WriteTxnMarkersResponse) -> Self {
        ResponseBody::WriteTxnMarkers(m)
    }
}

impl From<TxnOffsetCommitResponse> for ResponseBody {
    fn from(m: TxnOffsetCommitResponse) -> Self {
        ResponseBody::TxnOffsetCommit(m)
    }
}

impl From<DescribeAclsResponse> for ResponseBody {
    fn from(m: DescribeAclsResponse) -> Self {
        ResponseBody::DescribeAcls(m)
    }
}

impl From<CreateAclsResponse> for ResponseBody {
    fn from(m: CreateAclsResponse) -> Self {
        ResponseBody::CreateAcls(m)
    }
}

impl From<DeleteAclsResponse> for ResponseBody {
    fn from(m: DeleteAclsResponse) -> Self {
        ResponseBody::DeleteAcls(m)
    }
}

impl From<DescribeConfigsResponse> for ResponseBody {
    fn from(m: DescribeConfigsResponse) -> Self {
        ResponseBody::DescribeConfigs(m)
    }
}

impl From<AlterConfigsResponse> for ResponseBody {
    fn from(m: AlterConfigsResponse) -> Self {
        ResponseBody::AlterConfigs(m)
    }
}

impl From<AlterReplicaLogDirsResponse> for ResponseBody {
    fn from(m: AlterReplicaLogDirsResponse) -> Self {
        ResponseBody::AlterReplicaLogDirs(m)
    }
}

impl From<DescribeLogDirsResponse> for ResponseBody {
    fn from(m: DescribeLogDirsResponse) -> Self {
        ResponseBody::DescribeLogDirs(m)
    }
}

impl From<SaslAuthenticateResponse> for ResponseBody {
    fn from(m: SaslAuthenticateResponse) -> Self {
        ResponseBody::SaslAuthenticate(m)
    }
}

impl From<CreatePartitionsResponse> for ResponseBody {
    fn from(m: CreatePartitionsResponse) -> Self {
        ResponseBody::CreatePartitions(m)
    }
}

impl From<CreateDelegationTokenResponse> for ResponseBody {
    fn from(m: CreateDelegationTokenResponse) -> Self {
        ResponseBody::CreateDelegationToken(m)
    }
}

impl From<RenewDelegationTokenResponse> for ResponseBody {
    fn from(m: RenewDelegationTokenResponse) -> Self {
        ResponseBody::RenewDelegationToken(m)
    }
}

impl From<ExpireDelegationTokenResponse> for ResponseBody {
    fn from(m: ExpireDelegationTokenResponse) -> Self {
        ResponseBody::ExpireDelegationToken(m)
    }
}

impl From<DescribeDelegationTokenResponse> for ResponseBody {
    fn from(m: DescribeDelegationTokenResponse) -> Self {
        ResponseBody::DescribeDelegationToken(m)
    }
}

impl From<DeleteGroupsResponse> for ResponseBody {
    fn from(m: DeleteGroupsResponse) -> Self {
        ResponseBody::DeleteGroups(m)
    }
}

impl From<ElectLeadersResponse> for ResponseBody {
    fn from(m: ElectLeadersResponse) -> Self {
        ResponseBody::ElectLeaders(m)
    }
}

impl From<IncrementalAlterConfigsResponse> for ResponseBody {
    fn from(m: IncrementalAlterConfigsResponse) -> Self {
        ResponseBody::IncrementalAlterConfigs(m)
    }
}

impl From<AlterPartitionReassignmentsResponse> for ResponseBody {
    fn from(m: AlterPartitionReassignmentsResponse) -> Self {
        ResponseBody::AlterPartitionReassignments(m)
    }
}

impl From<ListPartitionReassignmentsResponse> for ResponseBody {
    fn from(m: ListPartitionReassignmentsResponse) -> Self {
        ResponseBody::ListPartitionReassignments(m)
    }
}

impl From<OffsetDeleteResponse> for ResponseBody {
    fn from(m: OffsetDeleteResponse) -> Self {
        ResponseBody::OffsetDelete(m)
    }
}

impl From<DescribeClientQuotasResponse> for ResponseBody {
    fn from(m: DescribeClientQuotasResponse) -> Self {
        ResponseBody::DescribeClientQuotas(m)
    }
}

impl From<AlterClientQuotasResponse> for ResponseBody {
    fn from(m: AlterClientQuotasResponse) -> Self {
        ResponseBody::AlterClientQuotas(m)
    }
}

impl From<DescribeUserScramCredentialsResponse> for ResponseBody {
    fn from(m: DescribeUserScramCredentialsResponse) -> Self {
        ResponseBody::DescribeUserScramCredentials(m)
    }
}

impl From<AlterUserScramCredentialsResponse> for ResponseBody {
    fn from(m: AlterUserScramCredentialsResponse) -> Self {
        ResponseBody::AlterUserScramCredentials(m)
    }
}

impl From<VoteResponse> for ResponseBody {
    fn from(m: VoteResponse) -> Self {
        ResponseBody::Vote(m)
    }
}

impl From<BeginQuorumEpochResponse> for ResponseBody {
    fn from(m: BeginQuorumEpochResponse) -> Self {
        ResponseBody::BeginQuorumEpoch(m)
    }
}

impl From<EndQuorumEpochResponse> for ResponseBody {
    fn from(m: EndQuorumEpochResponse) -> Self {
        ResponseBody::EndQuorumEpoch(m)
    }
}

impl From<DescribeQuorumResponse> for ResponseBody {
    fn from(m: DescribeQuorumResponse) -> Self {
        ResponseBody::DescribeQuorum(m)
    }
}

impl From<AlterPartitionResponse> for ResponseBody {
    fn from(m: AlterPartitionResponse) -> Self {
        ResponseBody::AlterPartition(m)
    }
}

impl From<UpdateFeaturesResponse> for ResponseBody {
    fn from(m: UpdateFeaturesResponse) -> Self {
        ResponseBody::UpdateFeatures(m)
    }
}

impl From<EnvelopeResponse> for ResponseBody {
    fn from(m: EnvelopeResponse) -> Self {
        ResponseBody::Envelope(m)
    }
}

impl From<FetchSnapshotResponse> for ResponseBody {
    fn from(m: FetchSnapshotResponse) -> Self {
        ResponseBody::FetchSnapshot(m)
    }
}

impl From<DescribeClusterResponse> for ResponseBody {
    fn from(m: DescribeClusterResponse) -> Self {
        ResponseBody::DescribeCluster(m)
    }
}

impl From<DescribeProducersResponse> for ResponseBody {
    fn from(m: DescribeProducersResponse) -> Self {
        ResponseBody::DescribeProducers(m)
    }
}

impl From<BrokerRegistrationResponse> for ResponseBody {
    fn from(m: BrokerRegistrationResponse) -> Self {
        ResponseBody::BrokerRegistration(m)
    }
}

impl From<BrokerHeartbeatResponse> for ResponseBody {
    fn from(m: BrokerHeartbeatResponse) -> Self {
        ResponseBody::BrokerHeartbeat(m)
    }
}

impl From<UnregisterBrokerResponse> for ResponseBody {
    fn from(m: UnregisterBrokerResponse) -> Self {
        ResponseBody::UnregisterBroker(m)
    }
}

impl From<DescribeTransactionsResponse> for ResponseBody {
    fn from(m: DescribeTransactionsResponse) -> Self {
        ResponseBody::DescribeTransactions(m)
    }
}

impl From<ListTransactionsResponse> for ResponseBody {
    fn from(m: ListTransactionsResponse) -> Self {
        ResponseBody::ListTransactions(m)
    }
}

impl From<AllocateProducerIdsResponse> for ResponseBody {
    fn from(m: AllocateProducerIdsResponse) -> Self {
        ResponseBody::AllocateProducerIds(m)
    }
}

impl From<ConsumerGroupHeartbeatResponse> for ResponseBody {
    fn from(m: ConsumerGroupHeartbeatResponse) -> Self {
        ResponseBody::ConsumerGroupHeartbeat(m)
    }
}

impl From<ConsumerGroupDescribeResponse> for ResponseBody {
    fn from(m: ConsumerGroupDescribeResponse) -> Self {
        ResponseBody::ConsumerGroupDescribe(m)
    }
}

impl From<ControllerRegistrationResponse> for ResponseBody {
    fn from(m: ControllerRegistrationResponse) -> Self {
        ResponseBody::ControllerRegistration(m)
    }
}

impl From<GetTelemetrySubscriptionsResponse> for ResponseBody {
    fn from(m: GetTelemetrySubscriptionsResponse) -> Self {
        ResponseBody::GetTelemetrySubscriptions(m)
    }
}

impl From<PushTelemetryResponse> for ResponseBody {
    fn from(m: PushTelemetryResponse) -> Self {
        ResponseBody::PushTelemetry(m)
    }
}

impl From<AssignReplicasToDirsResponse> for ResponseBody {
    fn from(m: AssignReplicasToDirsResponse) -> Self {
        ResponseBody::AssignReplicasToDirs(m)
    }
}

impl From<ListConfigResourcesResponse> for ResponseBody {
    fn from(m: ListConfigResourcesResponse) -> Self {
        ResponseBody::ListConfigResources(m)
    }
}

impl From<DescribeTopicPartitionsResponse> for ResponseBody {
    fn from(m: DescribeTopicPartitionsResponse) -> Self {
        ResponseBody::DescribeTopicPartitions(m)
    }
}

impl From<ShareGroupHeartbeatResponse> for ResponseBody {
    fn from(m: ShareGroupHeartbeatResponse) -> Self {
        ResponseBody::ShareGroupHeartbeat(m)
    }
}

impl From<ShareGroupDescribeResponse> for ResponseBody {
    fn from(m: ShareGroupDescribeResponse) -> Self {
        ResponseBody::ShareGroupDescribe(m)
    }
}

impl From<ShareFetchResponse> for ResponseBody {
    fn from(m: ShareFetchResponse) -> Self {
        ResponseBody::ShareFetch(m)
    }
}

impl From<ShareAcknowledgeResponse> for ResponseBody {
    fn from(m: ShareAcknowledgeResponse) -> Self {
        ResponseBody::ShareAcknowledge(m)
    }
}

impl From<AddRaftVoterResponse> for ResponseBody {
    fn from(m: AddRaftVoterResponse) -> Self {
        ResponseBody::AddRaftVoter(m)
    }
}

impl From<RemoveRaftVoterResponse> for ResponseBody {
    fn from(m: RemoveRaftVoterResponse) -> Self {
        ResponseBody::RemoveRaftVoter(m)
    }
}

impl From<UpdateRaftVoterResponse> for ResponseBody {
    fn from(m: UpdateRaftVoterResponse) -> Self {
        ResponseBody::UpdateRaftVoter(m)
    }
}

impl From<InitializeShareGroupStateResponse> for ResponseBody {
    fn from(m: InitializeShareGroupStateResponse) -> Self {
        ResponseBody::InitializeShareGroupState(m)
    }
}

impl From<ReadShareGroupStateResponse> for ResponseBody {
    fn from(m: ReadShareGroupStateResponse) -> Self {
        ResponseBody::ReadShareGroupState(m)
    }
}

impl From<WriteShareGroupStateResponse> for ResponseBody {
    fn from(m: WriteShareGroupStateResponse) -> Self {
        ResponseBody::WriteShareGroupState(m)
    }
}

impl From<DeleteShareGroupStateResponse> for ResponseBody {
    fn from(m: DeleteShareGroupStateResponse) -> Self {
        ResponseBody::DeleteShareGroupState(m)
    }
}

impl From<ReadShareGroupStateSummaryResponse> for ResponseBody {
    fn from(m: ReadShareGroupStateSummaryResponse) -> Self {
        ResponseBody::ReadShareGroupStateSummary(m)
    }
}

impl From<StreamsGroupHeartbeatResponse> for ResponseBody {
    fn from(m: StreamsGroupHeartbeatResponse) -> Self {
        ResponseBody::StreamsGroupHeartbeat(m)
    }
}

impl From<StreamsGroupDescribeResponse> for ResponseBody {
    fn from(m: StreamsGroupDescribeResponse) -> Self {
        ResponseBody::StreamsGroupDescribe(m)
    }
}

impl From<DescribeShareGroupOffsetsResponse> for ResponseBody {
    fn from(m: DescribeShareGroupOffsetsResponse) -> Self {
        ResponseBody::DescribeShareGroupOffsets(m)
    }
}

impl From<AlterShareGroupOffsetsResponse> for ResponseBody {
    fn from(m: AlterShareGroupOffsetsResponse) -> Self {
        ResponseBody::AlterShareGroupOffsets(m)
    }
}

impl From<DeleteShareGroupOffsetsResponse> for ResponseBody {
    fn from(m: DeleteShareGroupOffsetsResponse) -> Self {
        ResponseBody::DeleteShareGroupOffsets(m)
    }
}

