//! Kafka protocol error codes: the `i16` a response carries for each failed request, topic or
//! partition.
//!
//! The code is what a client acts on. Its library maps the number to an exception, and that
//! exception decides whether the client retries, refreshes metadata, rejoins a group or gives
//! up. So the numbers, and which of them count as retriable, must match Apache Kafka exactly;
//! a wrong number or a wrong retriability turns a transient condition into a fatal one, or the
//! other way round. The table covers every code of Kafka's `Errors` enum from -1 up to 136.
//!
//! The broker's own code does not pass these around. Each crate reports failures as its own
//! typed error, and the broker converts that error to an [`ErrorCode`] only at the edge, when
//! it writes a response. Codes coming back from the wire are read with
//! [`ErrorCode::from_code`], which returns `None` for a number this table does not know rather
//! than guessing.

use std::fmt;

/// Builds [`ErrorCode`] and its lookup methods from one table, so a code, its name, its
/// retriability and its description can never drift apart.
macro_rules! error_codes {
    ($($variant:ident = $code:literal, $name:literal, $retriable:literal, $message:literal;)+) => {
        /// One Kafka protocol error code; `ErrorCode::None` (0) means success.
        ///
        /// Variants are Kafka's `Errors` names in CamelCase; the discriminant is the wire value.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(i16)]
        pub enum ErrorCode {
            $(
                #[doc = $message]
                $variant = $code,
            )+
        }

        impl ErrorCode {
            /// Every code in the table, in ascending numeric order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The code for a wire value, or `None` if Kafka defines no such code.
            pub const fn from_code(code: i16) -> Option<ErrorCode> {
                match code {
                    $($code => Some(ErrorCode::$variant),)+
                    _ => None,
                }
            }

            /// Kafka's name for the code, as the protocol guide and client logs spell it.
            pub const fn name(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)+
                }
            }

            /// Whether Kafka's clients treat the code as transient: its exception class
            /// extends `RetriableException`, so the request may succeed if sent again
            /// (possibly after a metadata refresh).
            pub const fn is_retriable(self) -> bool {
                match self {
                    $(ErrorCode::$variant => $retriable,)+
                }
            }

            /// A one-line description of what the code means.
            pub const fn message(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $message,)+
                }
            }
        }
    };
}

error_codes! {
    UnknownServerError = -1, "UNKNOWN_SERVER_ERROR", false,
        "The server hit an unexpected failure while handling the request.";
    None = 0, "NONE", false,
        "No error.";
    OffsetOutOfRange = 1, "OFFSET_OUT_OF_RANGE", false,
        "The offset lies outside the range the partition's log currently holds.";
    CorruptMessage = 2, "CORRUPT_MESSAGE", true,
        "A record failed its checksum or size check, or is malformed in another way.";
    UnknownTopicOrPartition = 3, "UNKNOWN_TOPIC_OR_PARTITION", true,
        "This broker has no such topic or partition.";
    InvalidFetchSize = 4, "INVALID_FETCH_SIZE", false,
        "The fetch size in the request is not acceptable.";
    LeaderNotAvailable = 5, "LEADER_NOT_AVAILABLE", true,
        "The partition has no leader right now, usually because an election is running.";
    NotLeaderOrFollower = 6, "NOT_LEADER_OR_FOLLOWER", true,
        "This broker is not the partition's leader, or not one of its replicas.";
    RequestTimedOut = 7, "REQUEST_TIMED_OUT", true,
        "The request did not complete within its timeout.";
    BrokerNotAvailable = 8, "BROKER_NOT_AVAILABLE", false,
        "The broker cannot be reached or is not serving.";
    ReplicaNotAvailable = 9, "REPLICA_NOT_AVAILABLE", true,
        "The requested replica of the partition is not available.";
    MessageTooLarge = 10, "MESSAGE_TOO_LARGE", false,
        "A record batch is larger than the broker or topic allows.";
    StaleControllerEpoch = 11, "STALE_CONTROLLER_EPOCH", false,
        "The request came from a controller that has since been replaced.";
    OffsetMetadataTooLarge = 12, "OFFSET_METADATA_TOO_LARGE", false,
        "The metadata string of an offset commit is longer than allowed.";
    NetworkException = 13, "NETWORK_EXCEPTION", true,
        "The connection closed before a response arrived.";
    CoordinatorLoadInProgress = 14, "COORDINATOR_LOAD_IN_PROGRESS", true,
        "The coordinator is still loading its state and cannot answer yet.";
    CoordinatorNotAvailable = 15, "COORDINATOR_NOT_AVAILABLE", true,
        "No coordinator is available for the group or transaction right now.";
    NotCoordinator = 16, "NOT_COORDINATOR", true,
        "This broker is not the coordinator for the group or transactional id.";
    InvalidTopicException = 17, "INVALID_TOPIC_EXCEPTION", false,
        "The topic name is invalid, or the operation is not allowed on this topic.";
    RecordListTooLarge = 18, "RECORD_LIST_TOO_LARGE", false,
        "A batch is larger than the topic's segment size.";
    NotEnoughReplicas = 19, "NOT_ENOUGH_REPLICAS", true,
        "Too few in-sync replicas to accept the write; nothing was appended.";
    NotEnoughReplicasAfterAppend = 20, "NOT_ENOUGH_REPLICAS_AFTER_APPEND", true,
        "The write was appended, but fewer in-sync replicas than required acknowledged it.";
    InvalidRequiredAcks = 21, "INVALID_REQUIRED_ACKS", false,
        "The produce request asked for an acks value the broker does not support.";
    IllegalGeneration = 22, "ILLEGAL_GENERATION", false,
        "The group generation in the request is not the current one.";
    InconsistentGroupProtocol = 23, "INCONSISTENT_GROUP_PROTOCOL", false,
        "The member's protocols are missing or share nothing with the group's.";
    InvalidGroupId = 24, "INVALID_GROUP_ID", false,
        "The group id is empty or otherwise not acceptable.";
    UnknownMemberId = 25, "UNKNOWN_MEMBER_ID", false,
        "The coordinator does not know this member id.";
    InvalidSessionTimeout = 26, "INVALID_SESSION_TIMEOUT", false,
        "The session timeout is outside the range the broker allows.";
    RebalanceInProgress = 27, "REBALANCE_IN_PROGRESS", false,
        "The group is rebalancing; the member has to join again.";
    InvalidCommitOffsetSize = 28, "INVALID_COMMIT_OFFSET_SIZE", false,
        "The offset commit is too large to store.";
    TopicAuthorizationFailed = 29, "TOPIC_AUTHORIZATION_FAILED", false,
        "The principal may not perform this operation on the topic.";
    GroupAuthorizationFailed = 30, "GROUP_AUTHORIZATION_FAILED", false,
        "The principal may not perform this operation on the group.";
    ClusterAuthorizationFailed = 31, "CLUSTER_AUTHORIZATION_FAILED", false,
        "The principal may not perform this operation on the cluster.";
    InvalidTimestamp = 32, "INVALID_TIMESTAMP", false,
        "A record timestamp is outside the range the topic accepts.";
    UnsupportedSaslMechanism = 33, "UNSUPPORTED_SASL_MECHANISM", false,
        "The broker does not offer the SASL mechanism the client asked for.";
    IllegalSaslState = 34, "ILLEGAL_SASL_STATE", false,
        "The request is not allowed at this point of the SASL exchange.";
    UnsupportedVersion = 35, "UNSUPPORTED_VERSION", false,
        "The broker does not support this version of the API.";
    TopicAlreadyExists = 36, "TOPIC_ALREADY_EXISTS", false,
        "A topic with this name already exists.";
    InvalidPartitions = 37, "INVALID_PARTITIONS", false,
        "The requested partition count is not valid.";
    InvalidReplicationFactor = 38, "INVALID_REPLICATION_FACTOR", false,
        "The replication factor is below one or above the number of brokers.";
    InvalidReplicaAssignment = 39, "INVALID_REPLICA_ASSIGNMENT", false,
        "The explicit replica assignment is not valid.";
    InvalidConfig = 40, "INVALID_CONFIG", false,
        "A configuration name or value is not valid.";
    NotController = 41, "NOT_CONTROLLER", true,
        "This node is not the active controller.";
    InvalidRequest = 42, "INVALID_REQUEST", false,
        "The request is malformed or not valid for this broker; the broker log has details.";
    UnsupportedForMessageFormat = 43, "UNSUPPORTED_FOR_MESSAGE_FORMAT", false,
        "The request needs a newer record format than the one on the broker.";
    PolicyViolation = 44, "POLICY_VIOLATION", false,
        "The request breaks a policy configured on the broker.";
    OutOfOrderSequenceNumber = 45, "OUT_OF_ORDER_SEQUENCE_NUMBER", false,
        "The producer sequence number skips ahead of the one the broker expected.";
    DuplicateSequenceNumber = 46, "DUPLICATE_SEQUENCE_NUMBER", false,
        "The broker has already appended a batch with this producer sequence number.";
    InvalidProducerEpoch = 47, "INVALID_PRODUCER_EPOCH", false,
        "The producer's epoch is older than the one the broker knows.";
    InvalidTxnState = 48, "INVALID_TXN_STATE", false,
        "The transactional operation is not allowed in the transaction's current state.";
    InvalidProducerIdMapping = 49, "INVALID_PRODUCER_ID_MAPPING", false,
        "The producer id is not the one assigned to this transactional id.";
    InvalidTransactionTimeout = 50, "INVALID_TRANSACTION_TIMEOUT", false,
        "The transaction timeout exceeds the broker's maximum.";
    ConcurrentTransactions = 51, "CONCURRENT_TRANSACTIONS", true,
        "Another operation on the same transaction is still in progress.";
    TransactionCoordinatorFenced = 52, "TRANSACTION_COORDINATOR_FENCED", false,
        "The transaction coordinator that sent this is no longer the current one.";
    TransactionalIdAuthorizationFailed = 53, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED", false,
        "The principal may not use this transactional id.";
    SecurityDisabled = 54, "SECURITY_DISABLED", false,
        "Security features are turned off on this cluster.";
    OperationNotAttempted = 55, "OPERATION_NOT_ATTEMPTED", false,
        "The broker skipped this operation because another part of the batch failed.";
    KafkaStorageError = 56, "KAFKA_STORAGE_ERROR", true,
        "The broker could not read or write the partition's log directory.";
    LogDirNotFound = 57, "LOG_DIR_NOT_FOUND", false,
        "The named log directory is not configured on the broker.";
    SaslAuthenticationFailed = 58, "SASL_AUTHENTICATION_FAILED", false,
        "SASL authentication was rejected.";
    UnknownProducerId = 59, "UNKNOWN_PRODUCER_ID", false,
        "The broker holds no state for this producer id, for example after retention.";
    ReassignmentInProgress = 60, "REASSIGNMENT_IN_PROGRESS", false,
        "The partition is being reassigned.";
    DelegationTokenAuthDisabled = 61, "DELEGATION_TOKEN_AUTH_DISABLED", false,
        "Delegation tokens are not enabled.";
    DelegationTokenNotFound = 62, "DELEGATION_TOKEN_NOT_FOUND", false,
        "The broker has no such delegation token.";
    DelegationTokenOwnerMismatch = 63, "DELEGATION_TOKEN_OWNER_MISMATCH", false,
        "The principal is neither the token's owner nor one of its renewers.";
    DelegationTokenRequestNotAllowed = 64, "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED", false,
        "Token requests are refused on this kind of connection or authentication.";
    DelegationTokenAuthorizationFailed = 65, "DELEGATION_TOKEN_AUTHORIZATION_FAILED", false,
        "The principal may not perform this delegation token operation.";
    DelegationTokenExpired = 66, "DELEGATION_TOKEN_EXPIRED", false,
        "The delegation token has expired.";
    InvalidPrincipalType = 67, "INVALID_PRINCIPAL_TYPE", false,
        "The principal type is not supported.";
    NonEmptyGroup = 68, "NON_EMPTY_GROUP", false,
        "The group still has members.";
    GroupIdNotFound = 69, "GROUP_ID_NOT_FOUND", false,
        "No group with this id exists.";
    FetchSessionIdNotFound = 70, "FETCH_SESSION_ID_NOT_FOUND", true,
        "The broker has no fetch session with this id.";
    InvalidFetchSessionEpoch = 71, "INVALID_FETCH_SESSION_EPOCH", true,
        "The fetch session epoch does not follow the previous one.";
    ListenerNotFound = 72, "LISTENER_NOT_FOUND", true,
        "The leader has no listener matching the one the metadata request came in on.";
    TopicDeletionDisabled = 73, "TOPIC_DELETION_DISABLED", false,
        "Deleting topics is disabled on this cluster.";
    FencedLeaderEpoch = 74, "FENCED_LEADER_EPOCH", true,
        "The leader epoch in the request is older than the broker's.";
    UnknownLeaderEpoch = 75, "UNKNOWN_LEADER_EPOCH", true,
        "The leader epoch in the request is newer than the broker's.";
    UnsupportedCompressionType = 76, "UNSUPPORTED_COMPRESSION_TYPE", false,
        "The client cannot read the compression codec used by this partition.";
    StaleBrokerEpoch = 77, "STALE_BROKER_EPOCH", false,
        "The broker epoch in the request is out of date.";
    OffsetNotAvailable = 78, "OFFSET_NOT_AVAILABLE", true,
        "The new leader's high watermark has not caught up yet, so no offset can be given.";
    MemberIdRequired = 79, "MEMBER_ID_REQUIRED", false,
        "The member must join again with the member id the coordinator just assigned.";
    PreferredLeaderNotAvailable = 80, "PREFERRED_LEADER_NOT_AVAILABLE", true,
        "The preferred replica cannot become leader right now.";
    GroupMaxSizeReached = 81, "GROUP_MAX_SIZE_REACHED", false,
        "The group already has the maximum number of members.";
    FencedInstanceId = 82, "FENCED_INSTANCE_ID", false,
        "Another member has taken over this static group.instance.id.";
    EligibleLeadersNotAvailable = 83, "ELIGIBLE_LEADERS_NOT_AVAILABLE", true,
        "No replica eligible to lead the partition is available.";
    ElectionNotNeeded = 84, "ELECTION_NOT_NEEDED", true,
        "The partition already has the leader the election would choose.";
    NoReassignmentInProgress = 85, "NO_REASSIGNMENT_IN_PROGRESS", false,
        "There is no partition reassignment to cancel.";
    GroupSubscribedToTopic = 86, "GROUP_SUBSCRIBED_TO_TOPIC", false,
        "The group's offsets for a topic cannot be deleted while it subscribes to the topic.";
    InvalidRecord = 87, "INVALID_RECORD", false,
        "The broker's validation rejected a record.";
    UnstableOffsetCommit = 88, "UNSTABLE_OFFSET_COMMIT", true,
        "Pending transactional offset commits must complete before offsets can be read.";
    ThrottlingQuotaExceeded = 89, "THROTTLING_QUOTA_EXCEEDED", true,
        "The request exceeds the principal's throttling quota.";
    ProducerFenced = 90, "PRODUCER_FENCED", false,
        "A newer producer with the same transactional id has fenced this one.";
    ResourceNotFound = 91, "RESOURCE_NOT_FOUND", false,
        "The request names a resource that does not exist.";
    DuplicateResource = 92, "DUPLICATE_RESOURCE", false,
        "The request names the same resource more than once.";
    UnacceptableCredential = 93, "UNACCEPTABLE_CREDENTIAL", false,
        "The credential does not meet the broker's requirements.";
    InconsistentVoterSet = 94, "INCONSISTENT_VOTER_SET", false,
        "The sender or receiver of a voter-only request is not an expected voter.";
    InvalidUpdateVersion = 95, "INVALID_UPDATE_VERSION", false,
        "The update version is not valid.";
    FeatureUpdateFailed = 96, "FEATURE_UPDATE_FAILED", false,
        "The finalized features could not be updated because of a server failure.";
    PrincipalDeserializationFailure = 97, "PRINCIPAL_DESERIALIZATION_FAILURE", false,
        "The principal of a forwarded request could not be deserialized.";
    SnapshotNotFound = 98, "SNAPSHOT_NOT_FOUND", false,
        "No snapshot with the requested id exists.";
    PositionOutOfRange = 99, "POSITION_OUT_OF_RANGE", false,
        "The position is negative or past the end of the snapshot.";
    UnknownTopicId = 100, "UNKNOWN_TOPIC_ID", true,
        "This broker has no topic with this topic id.";
    DuplicateBrokerRegistration = 101, "DUPLICATE_BROKER_REGISTRATION", false,
        "Another broker is already registered with this broker id.";
    BrokerIdNotRegistered = 102, "BROKER_ID_NOT_REGISTERED", false,
        "No broker is registered with this broker id.";
    InconsistentTopicId = 103, "INCONSISTENT_TOPIC_ID", true,
        "The topic id in the request differs from the one in the partition's log.";
    InconsistentClusterId = 104, "INCONSISTENT_CLUSTER_ID", false,
        "The cluster id in the request differs from this node's.";
    TransactionalIdNotFound = 105, "TRANSACTIONAL_ID_NOT_FOUND", false,
        "No transaction state exists for this transactional id.";
    FetchSessionTopicIdError = 106, "FETCH_SESSION_TOPIC_ID_ERROR", true,
        "The fetch session mixes or changes topic ids inconsistently.";
    IneligibleReplica = 107, "INELIGIBLE_REPLICA", false,
        "The proposed ISR includes a replica that may not join it.";
    NewLeaderElected = 108, "NEW_LEADER_ELECTED", false,
        "The partition state was updated, but a different leader has been elected.";
    OffsetMovedToTieredStorage = 109, "OFFSET_MOVED_TO_TIERED_STORAGE", false,
        "The offset is now only in tiered storage.";
    FencedMemberEpoch = 110, "FENCED_MEMBER_EPOCH", false,
        "The member epoch is fenced; the member must drop its partitions and join again.";
    UnreleasedInstanceId = 111, "UNRELEASED_INSTANCE_ID", false,
        "Another member still holds this instance id and must leave first.";
    UnsupportedAssignor = 112, "UNSUPPORTED_ASSIGNOR", false,
        "The group does not support the requested assignor or its versions.";
    StaleMemberEpoch = 113, "STALE_MEMBER_EPOCH", false,
        "The member epoch is out of date; the next heartbeat response carries the current one.";
    MismatchedEndpointType = 114, "MISMATCHED_ENDPOINT_TYPE", false,
        "The request went to the wrong kind of endpoint (broker versus controller).";
    UnsupportedEndpointType = 115, "UNSUPPORTED_ENDPOINT_TYPE", false,
        "This kind of endpoint is not supported for the request.";
    UnknownControllerId = 116, "UNKNOWN_CONTROLLER_ID", false,
        "No controller with this id is known.";
    UnknownSubscriptionId = 117, "UNKNOWN_SUBSCRIPTION_ID", false,
        "The telemetry subscription id is unknown or out of date.";
    TelemetryTooLarge = 118, "TELEMETRY_TOO_LARGE", false,
        "The pushed telemetry is larger than the broker accepts.";
    InvalidRegistration = 119, "INVALID_REGISTRATION", false,
        "The controller rejected the broker's registration.";
    TransactionAbortable = 120, "TRANSACTION_ABORTABLE", false,
        "The transaction failed; aborting it lets the producer keep its transactional id.";
    InvalidRecordState = 121, "INVALID_RECORD_STATE", false,
        "The record is not in a state that allows this acknowledgement.";
    ShareSessionNotFound = 122, "SHARE_SESSION_NOT_FOUND", true,
        "The broker has no such share session.";
    InvalidShareSessionEpoch = 123, "INVALID_SHARE_SESSION_EPOCH", true,
        "The share session epoch does not follow the previous one.";
    FencedStateEpoch = 124, "FENCED_STATE_EPOCH", false,
        "The share-group state epoch does not match the share coordinator's.";
    InvalidVoterKey = 125, "INVALID_VOTER_KEY", false,
        "The voter key does not match the replica that received the request.";
    DuplicateVoter = 126, "DUPLICATE_VOTER", false,
        "The voter is already in the voter set.";
    VoterNotFound = 127, "VOTER_NOT_FOUND", false,
        "The voter is not in the voter set.";
    InvalidRegularExpression = 128, "INVALID_REGULAR_EXPRESSION", false,
        "The subscription's regular expression does not parse.";
    RebootstrapRequired = 129, "REBOOTSTRAP_REQUIRED", false,
        "The client's metadata is too stale; it must bootstrap again.";
    StreamsInvalidTopology = 130, "STREAMS_INVALID_TOPOLOGY", false,
        "The streams topology is not valid.";
    StreamsInvalidTopologyEpoch = 131, "STREAMS_INVALID_TOPOLOGY_EPOCH", false,
        "The streams topology epoch is not valid.";
    StreamsTopologyFenced = 132, "STREAMS_TOPOLOGY_FENCED", false,
        "The streams topology epoch is older than the group's.";
    ShareSessionLimitReached = 133, "SHARE_SESSION_LIMIT_REACHED", true,
        "The broker already holds as many share sessions as it allows.";
    GroupDeletionFailed = 134, "GROUP_DELETION_FAILED", false,
        "The group could not be deleted.";
    StreamsTopologyDescriptionUpdateFailed = 135,
        "STREAMS_TOPOLOGY_DESCRIPTION_UPDATE_FAILED", false,
        "The broker could not store the streams group's topology description.";
    ControllerIdNotRegistered = 136, "CONTROLLER_ID_NOT_REGISTERED", false,
        "No controller is registered with this controller id.";
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl ErrorCode {
    /// The value written on the wire.
    pub const fn code(self) -> i16 {
        self as i16
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;
    use std::collections::HashSet;

    #[test]
    fn every_code_round_trips_through_its_wire_value() {
        // Each variant decodes back to itself from the number it encodes to.
        for &error in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_code(error.code()), Some(error), "{error}");
        }
    }

    #[test]
    fn table_is_dense_from_minus_one_to_the_highest_code() {
        // Kafka assigns codes without gaps, so the table holds exactly -1..=136 in order.
        let codes: Vec<i16> = ErrorCode::ALL.iter().map(|error| error.code()).collect();
        let expected: Vec<i16> = (-1..=136).collect();
        assert_eq!(codes, expected);
    }

    #[test]
    fn unknown_codes_decode_to_nothing() {
        // A number outside Kafka's table is reported as unknown, never mapped to a guess.
        for code in [i16::MIN, -2, 137, 1000, i16::MAX] {
            assert_eq!(ErrorCode::from_code(code), None, "{code}");
        }
    }

    #[test]
    fn names_are_unique_and_screaming_snake_case() {
        // No two codes share a name, and every name uses Kafka's upper-case spelling.
        let mut seen = HashSet::new();
        for &error in ErrorCode::ALL {
            let name = error.name();
            assert!(seen.insert(name), "duplicate name {name}");
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
                "{name}"
            );
        }
    }

    #[test]
    fn messages_are_present_and_unique() {
        // Every code has its own non-empty description.
        let mut seen = HashSet::new();
        for &error in ErrorCode::ALL {
            let message = error.message();
            assert!(!message.is_empty(), "{error}");
            assert!(seen.insert(message), "duplicate message for {error}");
        }
    }

    #[test]
    fn well_known_codes_have_kafkas_numbers() {
        // The codes clients see most often carry the numbers Kafka's protocol guide lists.
        let cases = [
            (ErrorCode::UnknownServerError, -1, "UNKNOWN_SERVER_ERROR"),
            (ErrorCode::None, 0, "NONE"),
            (
                ErrorCode::UnknownTopicOrPartition,
                3,
                "UNKNOWN_TOPIC_OR_PARTITION",
            ),
            (ErrorCode::MessageTooLarge, 10, "MESSAGE_TOO_LARGE"),
            (ErrorCode::UnsupportedVersion, 35, "UNSUPPORTED_VERSION"),
            (ErrorCode::TopicAlreadyExists, 36, "TOPIC_ALREADY_EXISTS"),
            (
                ErrorCode::OutOfOrderSequenceNumber,
                45,
                "OUT_OF_ORDER_SEQUENCE_NUMBER",
            ),
            (ErrorCode::MemberIdRequired, 79, "MEMBER_ID_REQUIRED"),
            (ErrorCode::InvalidRecord, 87, "INVALID_RECORD"),
            (
                ErrorCode::TransactionAbortable,
                120,
                "TRANSACTION_ABORTABLE",
            ),
            (
                ErrorCode::InvalidRegularExpression,
                128,
                "INVALID_REGULAR_EXPRESSION",
            ),
            (
                ErrorCode::ControllerIdNotRegistered,
                136,
                "CONTROLLER_ID_NOT_REGISTERED",
            ),
        ];
        for (error, code, name) in cases {
            assert_eq!(error.code(), code, "{name}");
            assert_eq!(error.name(), name);
        }
    }

    #[test]
    fn retriable_set_matches_kafkas_retriable_exceptions() {
        // Exactly the codes whose Kafka exception extends RetriableException are retriable.
        let retriable: [i16; 32] = [
            2, 3, 5, 6, 7, 9, 13, 14, 15, 16, 19, 20, 41, 51, 56, 70, 71, 72, 74, 75, 78, 80, 83,
            84, 88, 89, 100, 103, 106, 122, 123, 133,
        ];
        for &error in ErrorCode::ALL {
            let expected = retriable.contains(&error.code());
            assert_eq!(error.is_retriable(), expected, "{error}");
        }
    }

    #[test]
    fn display_prints_kafkas_name() {
        // Formatting a code shows the name operators search for in Kafka's documentation.
        assert_eq!(
            ErrorCode::NotLeaderOrFollower.to_string(),
            "NOT_LEADER_OR_FOLLOWER"
        );
    }
}
