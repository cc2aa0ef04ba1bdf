//! Consumer group administration: finding a group's coordinator, listing, describing and
//! deleting groups, and reading, committing and deleting a group's committed offsets.
//!
//! Every request about a group goes to its coordinator, which FindCoordinator names. A
//! coordinator can be loading its partition of `__consumer_offsets`, moving, or not yet
//! there, so each call retries those answers a bounded number of times with a growing pause
//! and then reports the last error. The embedded `consumer` protocol (the subscription a
//! member sends in JoinGroup and the assignment the leader hands out in SyncGroup) is encoded
//! and decoded here too, with the generated types, because describe and the group member
//! both need it.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::Bytes;
use strom_protocol::generated::consumer_protocol_assignment::TopicPartition as AssignedTopic;
use strom_protocol::generated::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use strom_protocol::generated::offset_delete_request::{
    OffsetDeleteRequestPartition, OffsetDeleteRequestTopic,
};
use strom_protocol::generated::offset_fetch_request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use strom_protocol::generated::{
    ApiKey, ConsumerProtocolAssignment, ConsumerProtocolSubscription, DeleteGroupsRequest,
    DescribeGroupsRequest, FindCoordinatorRequest, ListGroupsRequest, OffsetCommitRequest,
    OffsetDeleteRequest, OffsetFetchRequest, ResponseBody,
};
use strom_protocol::{ErrorCode, Message, Reader, WireStruct};

use crate::client::Client;
use crate::connection::Connection;
use crate::error::ClientError;

/// Attempts at reaching a group's coordinator before a call gives up.
pub const COORDINATOR_ATTEMPTS_MAX: u32 = 8;
/// The first pause between attempts; it doubles up to [`COORDINATOR_BACKOFF_MAX`].
const COORDINATOR_BACKOFF_INITIAL: Duration = Duration::from_millis(100);
const COORDINATOR_BACKOFF_MAX: Duration = Duration::from_secs(2);
/// Members accepted from one group (DescribeGroups, or a JoinGroup answer to the leader).
pub const GROUP_MEMBERS_MAX: usize = 10_000;
/// Partitions accepted in one member's assignment.
pub const ASSIGNED_PARTITIONS_MAX: usize = 100_000;

/// Kafka's `CoordinatorType` for groups.
const KEY_TYPE_GROUP: i8 = 0;
/// The protocol type every Kafka consumer registers with.
pub const CONSUMER_PROTOCOL_TYPE: &str = "consumer";
/// The state DescribeGroups reports for a group the coordinator does not know.
const STATE_DEAD: &str = "Dead";

/// A group as ListGroups reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupListing {
    pub group_id: String,
    /// `consumer` for Kafka consumers; empty for groups that only hold committed offsets.
    pub protocol_type: String,
    /// Kafka's state name (`Stable`, `Empty`, ...); empty if the broker is too old to say.
    pub state: String,
    /// `classic` or `consumer` (KIP-848); empty if the broker is too old to say.
    pub group_type: String,
}

/// A member of a group as DescribeGroups reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDescription {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    /// The partitions assigned to the member, decoded from the consumer protocol; empty when
    /// the group uses another protocol or has not assigned yet.
    pub assignment: Vec<(String, i32)>,
}

/// A group as DescribeGroups reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDescription {
    pub group_id: String,
    pub state: String,
    pub protocol_type: String,
    /// The chosen protocol: for consumers, the assignor (`range`, `cooperative-sticky`...).
    pub protocol: String,
    pub members: Vec<MemberDescription>,
}

/// Committed offsets by (topic, partition).
pub type GroupOffsets = BTreeMap<(String, i32), i64>;

/// Whether the answer means "ask FindCoordinator again and retry".
pub fn is_coordinator_error(e: &ClientError) -> bool {
    matches!(
        e.code(),
        Some(
            ErrorCode::CoordinatorNotAvailable
                | ErrorCode::CoordinatorLoadInProgress
                | ErrorCode::NotCoordinator
        )
    )
}

fn is_connection_error(e: &ClientError) -> bool {
    matches!(e, ClientError::Io { .. } | ClientError::Closed { .. })
}

/// Encodes a subscription for JoinGroup: the version, then the struct (Kafka's layout).
pub(crate) fn encode_subscription(topics: &[String]) -> Result<Bytes, ClientError> {
    let subscription = ConsumerProtocolSubscription {
        topics: topics.to_vec(),
        ..Default::default()
    };
    encode_versioned(&subscription, 0)
}

/// Encodes an assignment for SyncGroup.
pub(crate) fn encode_assignment(partitions: &[(String, Vec<i32>)]) -> Result<Bytes, ClientError> {
    let assignment = ConsumerProtocolAssignment {
        assigned_partitions: partitions
            .iter()
            .map(|(topic, partitions)| AssignedTopic {
                topic: topic.clone(),
                partitions: partitions.clone(),
            })
            .collect(),
        user_data: None,
    };
    encode_versioned(&assignment, 0)
}

fn encode_versioned<M: Message>(message: &M, version: i16) -> Result<Bytes, ClientError> {
    let body = message.encode_to_bytes(version)?;
    let mut out = Vec::with_capacity(2 + body.len());
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&body);
    Ok(Bytes::from(out))
}

/// Reads the version prefix; newer versions only add fields after the ones this client
/// reads, so they are read as the highest version known.
fn versioned_reader<M: Message>(bytes: &Bytes) -> Result<(Reader, i16), ClientError> {
    if bytes.len() < 2 {
        return Err(ClientError::Unexpected(
            "consumer protocol data shorter than its version",
        ));
    }
    let version = i16::from_be_bytes([bytes[0], bytes[1]]);
    let version = version.clamp(M::LOWEST_VERSION, M::HIGHEST_VERSION);
    Ok((Reader::new(bytes.slice(2..)), version))
}

/// The topics a member subscribes to, from its JoinGroup metadata.
pub(crate) fn decode_subscription(bytes: &Bytes) -> Result<Vec<String>, ClientError> {
    let (mut reader, version) = versioned_reader::<ConsumerProtocolSubscription>(bytes)?;
    Ok(ConsumerProtocolSubscription::read(&mut reader, version)?.topics)
}

/// The partitions of an assignment; empty bytes mean no partitions.
pub(crate) fn decode_assignment(bytes: &Bytes) -> Result<Vec<(String, i32)>, ClientError> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let (mut reader, version) = versioned_reader::<ConsumerProtocolAssignment>(bytes)?;
    let assignment = ConsumerProtocolAssignment::read(&mut reader, version)?;
    let mut out = Vec::new();
    for t in assignment.assigned_partitions {
        if out.len() + t.partitions.len() > ASSIGNED_PARTITIONS_MAX {
            return Err(ClientError::LimitExceeded {
                what: "partitions in one assignment".into(),
                limit: ASSIGNED_PARTITIONS_MAX,
            });
        }
        out.extend(t.partitions.iter().map(|p| (t.topic.clone(), *p)));
    }
    out.sort();
    Ok(out)
}

/// Groups (topic, partition, offset) triples by topic for OffsetCommit.
fn commit_topics(offsets: &[(String, i32, i64)]) -> Vec<OffsetCommitRequestTopic> {
    let mut topics: Vec<OffsetCommitRequestTopic> = Vec::new();
    for (topic, partition, offset) in offsets {
        let p = OffsetCommitRequestPartition {
            partition_index: *partition,
            committed_offset: *offset,
            committed_leader_epoch: -1,
            committed_metadata: Some(String::new()),
            ..Default::default()
        };
        match topics.iter_mut().find(|t| &t.name == topic) {
            Some(t) => t.partitions.push(p),
            None => topics.push(OffsetCommitRequestTopic {
                name: topic.clone(),
                partitions: vec![p],
                ..Default::default()
            }),
        }
    }
    topics
}

/// Commits offsets on a coordinator connection as `member_id` of `generation` (-1 and an
/// empty member id for a commit from outside the group).
pub(crate) async fn commit_offsets_on(
    connection: &Connection,
    group: &str,
    generation: i32,
    member_id: &str,
    offsets: &[(String, i32, i64)],
) -> Result<(), ClientError> {
    let request = OffsetCommitRequest {
        group_id: group.to_string(),
        generation_id_or_member_epoch: generation,
        member_id: member_id.to_string(),
        retention_time_ms: -1,
        topics: commit_topics(offsets),
        ..Default::default()
    };
    let ResponseBody::OffsetCommit(response) = connection.send(request).await? else {
        return Err(ClientError::Unexpected(
            "OffsetCommit answered with another API",
        ));
    };
    for t in &response.topics {
        for p in &t.partitions {
            let context = format!(
                "committing offsets of group {group} for {}-{}",
                t.name, p.partition_index
            );
            ClientError::check(p.error_code, context, None)?;
        }
    }
    Ok(())
}

/// Reads committed offsets on a coordinator connection; `None` means every partition.
pub(crate) async fn fetch_offsets_on(
    connection: &Connection,
    group: &str,
    partitions: Option<&[(String, Vec<i32>)]>,
) -> Result<GroupOffsets, ClientError> {
    let version = connection.version_for(ApiKey::OffsetFetch)?;
    let mut request = OffsetFetchRequest::default();
    if version >= 8 {
        request.groups = vec![OffsetFetchRequestGroup {
            group_id: group.to_string(),
            member_id: None,
            member_epoch: -1,
            topics: partitions.map(|ps| {
                ps.iter()
                    .map(|(name, indexes)| OffsetFetchRequestTopics {
                        name: name.clone(),
                        partition_indexes: indexes.clone(),
                        ..Default::default()
                    })
                    .collect()
            }),
            ..Default::default()
        }];
    } else {
        request.group_id = group.to_string();
        request.topics = partitions.map(|ps| {
            ps.iter()
                .map(|(name, indexes)| OffsetFetchRequestTopic {
                    name: name.clone(),
                    partition_indexes: indexes.clone(),
                    ..Default::default()
                })
                .collect()
        });
    }
    let ResponseBody::OffsetFetch(response) = connection.send(request).await? else {
        return Err(ClientError::Unexpected(
            "OffsetFetch answered with another API",
        ));
    };
    let context = || format!("reading the offsets of group {group}");
    let mut offsets = GroupOffsets::new();
    let mut keep = |topic: &str, partition: i32, offset: i64, code: i16| {
        // A partition without a commit comes back as offset -1 (older brokers add
        // UNKNOWN_TOPIC_OR_PARTITION); it simply has no committed offset.
        if code == ErrorCode::UnknownTopicOrPartition.code() {
            return Ok(());
        }
        ClientError::check(code, format!("{} for {topic}-{partition}", context()), None)?;
        if offset >= 0 {
            offsets.insert((topic.to_string(), partition), offset);
        }
        Ok::<(), ClientError>(())
    };
    if version >= 8 {
        let g =
            response
                .groups
                .iter()
                .find(|g| g.group_id == group)
                .ok_or(ClientError::Unexpected(
                    "OffsetFetch answer lacks the group",
                ))?;
        ClientError::check(g.error_code, context(), None)?;
        for t in &g.topics {
            for p in &t.partitions {
                keep(&t.name, p.partition_index, p.committed_offset, p.error_code)?;
            }
        }
    } else {
        ClientError::check(response.error_code, context(), None)?;
        for t in &response.topics {
            for p in &t.partitions {
                keep(&t.name, p.partition_index, p.committed_offset, p.error_code)?;
            }
        }
    }
    Ok(offsets)
}

impl Client {
    /// The node id of a group's coordinator, retrying while there is none yet.
    pub async fn find_coordinator(&self, group: &str) -> Result<i32, ClientError> {
        self.with_coordinator(group, |_, node| async move { Ok(node) })
            .await
    }

    /// Asks FindCoordinator once and remembers the coordinator's address.
    async fn find_coordinator_once(&self, group: &str) -> Result<i32, ClientError> {
        let connection = self.any_connection().await?;
        let version = connection.version_for(ApiKey::FindCoordinator)?;
        let mut request = FindCoordinatorRequest {
            key_type: KEY_TYPE_GROUP,
            ..Default::default()
        };
        if version >= 4 {
            request.coordinator_keys = vec![group.to_string()];
        } else {
            request.key = group.to_string();
        }
        let response = match connection.send(request).await {
            Ok(ResponseBody::FindCoordinator(r)) => r,
            Ok(_) => {
                return Err(ClientError::Unexpected(
                    "FindCoordinator answered with another API",
                ));
            }
            Err(e) => {
                if is_connection_error(&e) {
                    self.drop_connection(None).await;
                }
                return Err(e);
            }
        };
        let context = format!("finding the coordinator of group {group}");
        let (node, host, port) = if version >= 4 {
            let c = response
                .coordinators
                .iter()
                .find(|c| c.key == group)
                .ok_or(ClientError::Unexpected(
                    "FindCoordinator answer lacks the group",
                ))?;
            ClientError::check(c.error_code, context, c.error_message.as_deref())?;
            (c.node_id, c.host.clone(), c.port)
        } else {
            let message = response.error_message.as_deref();
            ClientError::check(response.error_code, context, message)?;
            (response.node_id, response.host.clone(), response.port)
        };
        self.remember_broker(node, format!("{host}:{port}"));
        Ok(node)
    }

    /// Runs `op` against the group's coordinator, finding it again and retrying (bounded,
    /// with backoff) while the answer says the coordinator is elsewhere or not ready.
    async fn with_coordinator<T, F>(
        &self,
        group: &str,
        op: impl Fn(Connection, i32) -> F,
    ) -> Result<T, ClientError>
    where
        F: Future<Output = Result<T, ClientError>>,
    {
        let mut backoff = COORDINATOR_BACKOFF_INITIAL;
        let mut attempt = 1;
        loop {
            let mut node = None;
            let result = match self.find_coordinator_once(group).await {
                Ok(n) => {
                    node = Some(n);
                    match self.connection_to(n).await {
                        Ok(c) => op(c, n).await,
                        Err(e) => Err(e),
                    }
                }
                Err(e) => Err(e),
            };
            match result {
                Err(e)
                    if (is_coordinator_error(&e) || is_connection_error(&e))
                        && attempt < COORDINATOR_ATTEMPTS_MAX =>
                {
                    if is_connection_error(&e) {
                        self.drop_connection(node).await;
                    }
                    tracing::debug!(group, error = %e, attempt, "retrying at the coordinator");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(COORDINATOR_BACKOFF_MAX);
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// A connection of its own to the group's coordinator, so requests that the broker
    /// holds (JoinGroup) never queue behind fetches or ahead of heartbeats.
    pub(crate) async fn dedicated_coordinator_connection(
        &self,
        group: &str,
    ) -> Result<Connection, ClientError> {
        self.with_coordinator(group, |shared: Connection, _| async move {
            let config = self.config();
            Connection::connect(shared.addr(), &config.client_id, config.request_timeout).await
        })
        .await
    }

    /// Every group of the cluster (asked of every broker), optionally only those in one of
    /// `states` (Kafka's names: `Stable`, `Empty`, `PreparingRebalance`...), sorted by id.
    pub async fn list_groups(&self, states: &[String]) -> Result<Vec<GroupListing>, ClientError> {
        let mut groups = BTreeMap::new();
        for (node, _) in self.brokers() {
            let connection = self.connection_to(node).await?;
            let version = connection.version_for(ApiKey::ListGroups)?;
            let request = ListGroupsRequest {
                states_filter: if version >= 4 {
                    states.to_vec()
                } else {
                    Vec::new()
                },
                ..Default::default()
            };
            let ResponseBody::ListGroups(response) = connection.send(request).await? else {
                return Err(ClientError::Unexpected(
                    "ListGroups answered with another API",
                ));
            };
            ClientError::check(response.error_code, "listing groups", None)?;
            for g in response.groups {
                let matches = states.is_empty()
                    || states
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(&g.group_state));
                if matches {
                    let listing = GroupListing {
                        group_id: g.group_id.clone(),
                        protocol_type: g.protocol_type,
                        state: g.group_state,
                        group_type: g.group_type,
                    };
                    groups.insert(g.group_id, listing);
                }
            }
        }
        Ok(groups.into_values().collect())
    }

    /// Describes one group. A group the coordinator does not know is `UnknownGroup`.
    pub async fn describe_group(&self, group: &str) -> Result<GroupDescription, ClientError> {
        let described = self
            .with_coordinator(group, |connection, _| async move {
                let request = DescribeGroupsRequest {
                    groups: vec![group.to_string()],
                    ..Default::default()
                };
                let ResponseBody::DescribeGroups(response) = connection.send(request).await? else {
                    return Err(ClientError::Unexpected(
                        "DescribeGroups answered with another API",
                    ));
                };
                let found = response.groups.into_iter().find(|g| g.group_id == group);
                let g = found.ok_or(ClientError::Unexpected(
                    "DescribeGroups answer lacks the group",
                ))?;
                ClientError::check(g.error_code, format!("describing group {group}"), None)?;
                Ok(g)
            })
            .await
            .map_err(|e| match e.code() {
                Some(ErrorCode::GroupIdNotFound) => ClientError::UnknownGroup {
                    group: group.to_string(),
                },
                _ => e,
            })?;
        if described.group_state == STATE_DEAD {
            return Err(ClientError::UnknownGroup {
                group: group.to_string(),
            });
        }
        if described.members.len() > GROUP_MEMBERS_MAX {
            return Err(ClientError::LimitExceeded {
                what: format!("members of group {group}"),
                limit: GROUP_MEMBERS_MAX,
            });
        }
        let is_consumer = described.protocol_type == CONSUMER_PROTOCOL_TYPE;
        let members = described
            .members
            .into_iter()
            .map(|m| {
                let assignment = if is_consumer {
                    decode_assignment(&m.member_assignment)
                } else {
                    Ok(Vec::new())
                };
                Ok(MemberDescription {
                    member_id: m.member_id,
                    group_instance_id: m.group_instance_id,
                    client_id: m.client_id,
                    client_host: m.client_host,
                    assignment: assignment?,
                })
            })
            .collect::<Result<Vec<_>, ClientError>>()?;
        Ok(GroupDescription {
            group_id: described.group_id,
            state: described.group_state,
            protocol_type: described.protocol_type,
            protocol: described.protocol_data,
            members,
        })
    }

    /// Describes several groups, one request to each group's coordinator.
    pub async fn describe_groups(
        &self,
        groups: &[String],
    ) -> Result<Vec<GroupDescription>, ClientError> {
        let mut out = Vec::with_capacity(groups.len());
        for g in groups {
            out.push(self.describe_group(g).await?);
        }
        Ok(out)
    }

    /// Deletes groups (and their committed offsets). Kafka deletes only empty groups; the
    /// result per group says `UnknownGroup`, `GroupNotEmpty` or another error.
    pub async fn delete_groups(&self, groups: &[String]) -> Vec<(String, Result<(), ClientError>)> {
        let mut out = Vec::with_capacity(groups.len());
        for group in groups {
            let result = self
                .with_coordinator(group, |connection, _| async move {
                    let request = DeleteGroupsRequest {
                        groups_names: vec![group.clone()],
                        ..Default::default()
                    };
                    let ResponseBody::DeleteGroups(response) = connection.send(request).await?
                    else {
                        return Err(ClientError::Unexpected(
                            "DeleteGroups answered with another API",
                        ));
                    };
                    let r = response
                        .results
                        .iter()
                        .find(|r| &r.group_id == group)
                        .ok_or(ClientError::Unexpected(
                            "DeleteGroups answer lacks the group",
                        ))?;
                    ClientError::check(r.error_code, format!("deleting group {group}"), None)
                })
                .await
                .map_err(|e| group_error(e, group));
            out.push((group.clone(), result));
        }
        out
    }

    /// The group's committed offsets: of the given partitions, or of every partition when
    /// `partitions` is `None`. Partitions without a commit are left out.
    pub async fn fetch_group_offsets(
        &self,
        group: &str,
        partitions: Option<&[(String, Vec<i32>)]>,
    ) -> Result<GroupOffsets, ClientError> {
        self.with_coordinator(group, |connection, _| async move {
            fetch_offsets_on(&connection, group, partitions).await
        })
        .await
    }

    /// Commits offsets from outside the group (generation -1, no member id). Kafka accepts
    /// that only while the group has no members; otherwise this is `GroupNotEmpty`.
    pub async fn commit_group_offsets(
        &self,
        group: &str,
        offsets: &[(String, i32, i64)],
    ) -> Result<(), ClientError> {
        self.with_coordinator(group, |connection, _| async move {
            commit_offsets_on(&connection, group, -1, "", offsets).await
        })
        .await
        .map_err(|e| group_error(e, group))
    }

    /// Deletes the committed offsets of some partitions of a topic. Kafka refuses it for a
    /// topic the group's members subscribe to (`GROUP_SUBSCRIBED_TO_TOPIC`).
    pub async fn delete_group_offsets(
        &self,
        group: &str,
        topic: &str,
        partitions: &[i32],
    ) -> Result<(), ClientError> {
        self.with_coordinator(group, |connection, _| async move {
            let request = OffsetDeleteRequest {
                group_id: group.to_string(),
                topics: vec![OffsetDeleteRequestTopic {
                    name: topic.to_string(),
                    partitions: partitions
                        .iter()
                        .map(|p| OffsetDeleteRequestPartition {
                            partition_index: *p,
                        })
                        .collect(),
                }],
            };
            let ResponseBody::OffsetDelete(response) = connection.send(request).await? else {
                return Err(ClientError::Unexpected(
                    "OffsetDelete answered with another API",
                ));
            };
            let context = format!("deleting offsets of group {group}");
            ClientError::check(response.error_code, context.clone(), None)?;
            for t in &response.topics {
                for p in &t.partitions {
                    let context = format!("{context} for {}-{}", t.name, p.partition_index);
                    ClientError::check(p.error_code, context, None)?;
                }
            }
            Ok(())
        })
        .await
        .map_err(|e| group_error(e, group))
    }
}

/// Names the group-level refusals so callers can say what to do about them.
fn group_error(e: ClientError, group: &str) -> ClientError {
    match e.code() {
        Some(ErrorCode::GroupIdNotFound) => ClientError::UnknownGroup {
            group: group.to_string(),
        },
        // A commit from outside the group is refused as an unknown member while the group
        // has members; deleting a group with members is NON_EMPTY_GROUP.
        Some(ErrorCode::NonEmptyGroup | ErrorCode::UnknownMemberId) => ClientError::GroupNotEmpty {
            group: group.to_string(),
        },
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An assignment encoded for SyncGroup decodes to the same partitions, sorted.
    #[test]
    fn assignment_round_trips_through_the_consumer_protocol() {
        let bytes =
            encode_assignment(&[("b".into(), vec![1, 0]), ("a".into(), vec![2])]).expect("encode");
        let decoded = decode_assignment(&bytes).expect("decode");
        assert_eq!(
            decoded,
            vec![("a".into(), 2), ("b".into(), 0), ("b".into(), 1)]
        );
        assert_eq!(decode_assignment(&Bytes::new()).expect("empty"), vec![]);
    }

    /// A subscription names its topics; bytes cut short are an error, not a panic.
    #[test]
    fn subscription_round_trips_and_truncation_is_an_error() {
        let bytes = encode_subscription(&["t1".into(), "t2".into()]).expect("encode");
        assert_eq!(
            decode_subscription(&bytes).expect("decode"),
            vec!["t1".to_string(), "t2".to_string()]
        );
        for cut in 0..bytes.len() {
            assert!(
                decode_subscription(&bytes.slice(..cut)).is_err(),
                "cut {cut}"
            );
        }
    }
}
