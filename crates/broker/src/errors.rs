//! The edge where typed errors become Kafka error codes, the only place that happens.

use strom_metadata::MetadataError;
use strom_metadata::controller::elect_leaders::ElectionError;
use strom_metadata::controller::reassign::ReassignmentError;
use strom_protocol::ErrorCode;
use strom_replication::EpochError;
use strom_storage::{FlushError, ProducerStateError, StorageError};

use crate::coordinator::CoordinatorError;
use crate::replica_manager::PartitionError;

/// The code a client expects for a storage failure.
pub fn storage_error_code(e: &StorageError) -> ErrorCode {
    match e {
        StorageError::CorruptRecord { .. } | StorageError::CorruptSegment { .. } => {
            ErrorCode::CorruptMessage
        }
        StorageError::InvalidRecord { .. }
        | StorageError::InvalidRecords { .. }
        | StorageError::EmptyRecordSet => ErrorCode::InvalidRecord,
        StorageError::InvalidTimestamp { .. } => ErrorCode::InvalidTimestamp,
        StorageError::RecordTooLarge { .. } => ErrorCode::MessageTooLarge,
        StorageError::RecordSetTooLarge { .. } => ErrorCode::RecordListTooLarge,
        StorageError::OffsetOutOfRange { .. } => ErrorCode::OffsetOutOfRange,
        StorageError::DeleteBeyondHighWatermark { .. } => ErrorCode::OffsetOutOfRange,
        StorageError::TooManyFlushWaiters { .. } => ErrorCode::RequestTimedOut,
        StorageError::Flush(FlushError::Closed) => ErrorCode::NotLeaderOrFollower,
        StorageError::LogClosed(_) => ErrorCode::NotLeaderOrFollower,
        StorageError::ProducerState(e) => producer_state_error_code(e),
        _ => ErrorCode::KafkaStorageError,
    }
}

/// The code a client expects when a partition's producer state refuses a batch.
pub fn producer_state_error_code(e: &ProducerStateError) -> ErrorCode {
    match e {
        ProducerStateError::InvalidProducerEpoch { .. } => ErrorCode::InvalidProducerEpoch,
        ProducerStateError::OutOfOrderSequence { .. } => ErrorCode::OutOfOrderSequenceNumber,
        ProducerStateError::InvalidTxnState { .. }
        | ProducerStateError::TransactionNotVerified { .. } => ErrorCode::InvalidTxnState,
        ProducerStateError::TransactionCoordinatorFenced { .. } => {
            ErrorCode::TransactionCoordinatorFenced
        }
        ProducerStateError::TooManyProducers(_) => ErrorCode::PolicyViolation,
    }
}

/// The code a client expects for a refused metadata change.
/// Why one partition's election did not happen, as Kafka's code.
pub fn election_error_code(error: &ElectionError) -> ErrorCode {
    match error {
        ElectionError::UnknownTopicOrPartition(_) => ErrorCode::UnknownTopicOrPartition,
        ElectionError::ElectionNotNeeded(_) => ErrorCode::ElectionNotNeeded,
        ElectionError::PreferredLeaderNotAvailable(..) => ErrorCode::PreferredLeaderNotAvailable,
        ElectionError::EligibleLeadersNotAvailable(_) => ErrorCode::EligibleLeadersNotAvailable,
    }
}

/// Why one partition's reassignment was refused, as Kafka's code.
pub fn reassignment_error_code(error: &ReassignmentError) -> ErrorCode {
    match error {
        ReassignmentError::UnknownTopicOrPartition(_) => ErrorCode::UnknownTopicOrPartition,
        ReassignmentError::InvalidReplicaAssignment(_) => ErrorCode::InvalidReplicaAssignment,
        ReassignmentError::NoReassignmentInProgress(_) => ErrorCode::NoReassignmentInProgress,
    }
}

pub fn metadata_error_code(e: &MetadataError) -> ErrorCode {
    match e {
        MetadataError::TopicAlreadyExists { .. } => ErrorCode::TopicAlreadyExists,
        MetadataError::UnknownTopic { .. } => ErrorCode::UnknownTopicOrPartition,
        MetadataError::UnknownTopicId { .. } => ErrorCode::UnknownTopicId,
        MetadataError::InvalidTopic { .. } => ErrorCode::InvalidTopicException,
        MetadataError::InvalidPartitions { .. } => ErrorCode::InvalidPartitions,
        MetadataError::InvalidReplicationFactor { .. } => ErrorCode::InvalidReplicationFactor,
        MetadataError::InvalidReplicaAssignment { .. } => ErrorCode::InvalidReplicaAssignment,
        MetadataError::InvalidConfig { .. } => ErrorCode::InvalidConfig,
        MetadataError::ProducerIdsExhausted => ErrorCode::UnknownServerError,
        // Kafka's controller answers an operation too large for one batch this way.
        MetadataError::TooManyPartitions { .. } | MetadataError::CommitTooLarge { .. } => {
            ErrorCode::PolicyViolation
        }
        MetadataError::NotController { .. } => ErrorCode::NotController,
        MetadataError::BrokerNotRegistered { .. } => ErrorCode::BrokerIdNotRegistered,
        MetadataError::StaleBrokerEpoch { .. } => ErrorCode::StaleBrokerEpoch,
        MetadataError::DuplicateBrokerRegistration { .. } => ErrorCode::DuplicateBrokerRegistration,
        MetadataError::InvalidRequest { .. } => ErrorCode::InvalidRequest,
        MetadataError::UnknownPartition { .. } => ErrorCode::UnknownTopicOrPartition,
        MetadataError::NotLeader { .. } => ErrorCode::NotLeaderOrFollower,
        MetadataError::FencedLeaderEpoch { .. } => ErrorCode::FencedLeaderEpoch,
        MetadataError::InvalidUpdateVersion { .. } => ErrorCode::InvalidUpdateVersion,
        MetadataError::IneligibleReplica { .. } => ErrorCode::IneligibleReplica,

        MetadataError::InconsistentClusterId { .. } => ErrorCode::InconsistentClusterId,
        MetadataError::NotCommitted { .. } => ErrorCode::RequestTimedOut,
        MetadataError::Io { .. }
        | MetadataError::CorruptLog { .. }
        | MetadataError::LogFailed { .. } => ErrorCode::KafkaStorageError,
    }
}

/// The code a client expects when a partition operation fails.
pub fn partition_error_code(e: &PartitionError) -> ErrorCode {
    match e {
        PartitionError::UnknownTopicOrPartition(_) => ErrorCode::UnknownTopicOrPartition,
        PartitionError::NotLeader(_)
        | PartitionError::Stopped(_)
        | PartitionError::NotFollower { .. } => ErrorCode::NotLeaderOrFollower,
        PartitionError::NotEnoughReplicas { .. } => ErrorCode::NotEnoughReplicas,
        PartitionError::NotEnoughReplicasAfterAppend { .. } => {
            ErrorCode::NotEnoughReplicasAfterAppend
        }
        PartitionError::Epoch {
            source: EpochError::Fenced { .. },
            ..
        } => ErrorCode::FencedLeaderEpoch,
        PartitionError::Epoch {
            source: EpochError::Unknown { .. },
            ..
        } => ErrorCode::UnknownLeaderEpoch,
        PartitionError::RequestTimedOut(_) | PartitionError::TooManyWaiters { .. } => {
            ErrorCode::RequestTimedOut
        }
        PartitionError::Flush { .. } => ErrorCode::KafkaStorageError,
        PartitionError::Storage(e) => storage_error_code(e),
    }
}

/// The code a client expects when a coordinator cannot serve its request.
pub fn coordinator_error_code(e: &CoordinatorError) -> ErrorCode {
    match e {
        CoordinatorError::NotCoordinator(_) => ErrorCode::NotCoordinator,
        CoordinatorError::LoadInProgress(_) => ErrorCode::CoordinatorLoadInProgress,
        CoordinatorError::NotAvailable => ErrorCode::CoordinatorNotAvailable,
    }
}
