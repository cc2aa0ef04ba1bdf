//! Membership of a classic consumer group, the protocol every Kafka broker speaks.
//!
//! A member joins (JoinGroup; a broker that wants a member id first answers
//! `MEMBER_ID_REQUIRED` with one, and the member joins again with it), the leader computes
//! the assignment with the `range` assignor over the partition counts of every subscribed
//! topic, everyone collects its share with SyncGroup, and a background task heartbeats at
//! `heartbeat.interval.ms`. When a heartbeat or a commit says the group is rebalancing (or
//! that this member or its generation is no longer known), the task stops and the next poll
//! joins again. Rebalancing is eager: every partition is given up before rejoining, and
//! positions are committed first so the next owner starts where this one stopped.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use strom_protocol::ErrorCode;
use strom_protocol::generated::join_group_request::JoinGroupRequestProtocol;
use strom_protocol::generated::join_group_response::JoinGroupResponseMember;
use strom_protocol::generated::leave_group_request::MemberIdentity;
use strom_protocol::generated::sync_group_request::SyncGroupRequestAssignment;
use strom_protocol::generated::{
    ApiKey, HeartbeatRequest, JoinGroupRequest, LeaveGroupRequest, ResponseBody, SyncGroupRequest,
};
use tokio::task::JoinHandle;

use crate::client::Client;
use crate::connection::Connection;
use crate::error::ClientError;
use crate::group::{
    CONSUMER_PROTOCOL_TYPE, GROUP_MEMBERS_MAX, GroupOffsets, commit_offsets_on, decode_assignment,
    decode_subscription, encode_assignment, encode_subscription, fetch_offsets_on,
    is_coordinator_error,
};

/// The only assignor this client offers.
pub const RANGE_ASSIGNOR: &str = "range";
/// JoinGroup/SyncGroup rounds in one rebalance before the member gives up.
pub const JOIN_ATTEMPTS_MAX: u32 = 16;
/// Topics one member may subscribe to.
pub const SUBSCRIBED_TOPICS_MAX: usize = 10_000;
/// How much longer than the rebalance timeout a JoinGroup answer may take to arrive.
const JOIN_RESPONSE_GRACE: Duration = Duration::from_secs(5);
const JOIN_BACKOFF_INITIAL: Duration = Duration::from_millis(100);
const JOIN_BACKOFF_MAX: Duration = Duration::from_secs(2);

/// Where a member starts in a partition its group has no committed offset for
/// (`auto.offset.reset`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoOffsetReset {
    Earliest,
    Latest,
}

/// A consumer's group settings, named and defaulted as Kafka's consumer configs.
#[derive(Debug, Clone)]
pub struct GroupConfig {
    /// `group.id`
    pub group_id: String,
    /// `session.timeout.ms`: the coordinator evicts a member silent for this long.
    pub session_timeout: Duration,
    /// `max.poll.interval.ms`: how long the coordinator waits for members to rejoin.
    pub rebalance_timeout: Duration,
    /// `heartbeat.interval.ms`
    pub heartbeat_interval: Duration,
    /// `enable.auto.commit`: commit positions every `auto_commit_interval` and on close.
    pub auto_commit: bool,
    /// `auto.commit.interval.ms`
    pub auto_commit_interval: Duration,
    /// `auto.offset.reset`
    pub auto_offset_reset: AutoOffsetReset,
}

impl GroupConfig {
    pub fn new(group_id: impl Into<String>) -> Self {
        GroupConfig {
            group_id: group_id.into(),
            session_timeout: Duration::from_millis(45_000),
            rebalance_timeout: Duration::from_millis(300_000),
            heartbeat_interval: Duration::from_millis(3_000),
            auto_commit: true,
            auto_commit_interval: Duration::from_millis(5_000),
            auto_offset_reset: AutoOffsetReset::Latest,
        }
    }
}

/// Why the member must join again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rejoin {
    /// The group is rebalancing, or this member's generation is stale.
    Rebalance,
    /// The coordinator no longer knows this member id (evicted, fenced): join as new.
    AsNewMember,
}

/// What the heartbeat task tells the member between polls.
#[derive(Default)]
struct Signal {
    rejoin: Mutex<Option<Rejoin>>,
}

impl Signal {
    fn request(&self, why: Rejoin) {
        let mut slot = self.rejoin.lock().expect("rejoin lock");
        // Joining as a new member also covers a plain rebalance.
        if *slot != Some(Rejoin::AsNewMember) {
            *slot = Some(why);
        }
    }

    fn take(&self) -> Option<Rejoin> {
        self.rejoin.lock().expect("rejoin lock").take()
    }

    fn pending(&self) -> bool {
        self.rejoin.lock().expect("rejoin lock").is_some()
    }
}

/// Interprets an error code answered to a member (heartbeat, commit, sync) as "rejoin".
fn rejoin_for(code: Option<ErrorCode>) -> Option<Rejoin> {
    match code? {
        ErrorCode::RebalanceInProgress | ErrorCode::IllegalGeneration => Some(Rejoin::Rebalance),
        ErrorCode::UnknownMemberId | ErrorCode::FencedInstanceId => Some(Rejoin::AsNewMember),
        ErrorCode::NotCoordinator
        | ErrorCode::CoordinatorNotAvailable
        | ErrorCode::CoordinatorLoadInProgress => Some(Rejoin::Rebalance),
        _ => None,
    }
}

/// One consumer's membership of its group.
pub(crate) struct GroupMember {
    config: GroupConfig,
    topics: Vec<String>,
    coordinator: Option<Connection>,
    member_id: String,
    /// -1 until the first SyncGroup succeeds.
    generation: i32,
    signal: Arc<Signal>,
    heartbeat: Option<JoinHandle<()>>,
    last_commit: Instant,
    last_committed: GroupOffsets,
}

impl Drop for GroupMember {
    fn drop(&mut self) {
        self.stop_heartbeat();
    }
}

impl GroupMember {
    pub(crate) fn new(config: GroupConfig, topics: Vec<String>) -> Result<Self, ClientError> {
        if topics.len() > SUBSCRIBED_TOPICS_MAX {
            return Err(ClientError::LimitExceeded {
                what: "subscribed topics".into(),
                limit: SUBSCRIBED_TOPICS_MAX,
            });
        }
        let signal = Arc::new(Signal::default());
        // The first poll joins.
        signal.request(Rejoin::Rebalance);
        Ok(GroupMember {
            config,
            topics,
            coordinator: None,
            member_id: String::new(),
            generation: -1,
            signal,
            heartbeat: None,
            last_commit: Instant::now(),
            last_committed: GroupOffsets::new(),
        })
    }

    pub(crate) fn config(&self) -> &GroupConfig {
        &self.config
    }

    pub(crate) fn member_id(&self) -> &str {
        &self.member_id
    }

    pub(crate) fn generation(&self) -> i32 {
        self.generation
    }

    pub(crate) fn needs_join(&self) -> bool {
        self.signal.pending()
    }

    pub(crate) fn auto_commit_due(&self) -> bool {
        self.config.auto_commit && self.last_commit.elapsed() >= self.config.auto_commit_interval
    }

    fn stop_heartbeat(&mut self) {
        if let Some(task) = self.heartbeat.take() {
            task.abort();
        }
    }

    /// Joins (or rejoins) the group and returns this member's assignment.
    pub(crate) async fn join(
        &mut self,
        client: &Client,
    ) -> Result<Vec<(String, i32)>, ClientError> {
        self.stop_heartbeat();
        if self.signal.take() == Some(Rejoin::AsNewMember) {
            self.member_id.clear();
        }
        self.generation = -1;
        let mut backoff = JOIN_BACKOFF_INITIAL;
        let mut last_error = None;
        for _ in 0..JOIN_ATTEMPTS_MAX {
            match self.join_once(client).await {
                Ok(Some(assignment)) => {
                    self.start_heartbeat();
                    return Ok(assignment);
                }
                Ok(None) => continue,
                Err(e)
                    if is_coordinator_error(&e)
                        || matches!(e, ClientError::Io { .. } | ClientError::Closed { .. }) =>
                {
                    tracing::debug!(group = %self.config.group_id, error = %e, "rejoining");
                    self.coordinator = None;
                    last_error = Some(e);
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(JOIN_BACKOFF_MAX);
                }
                Err(e) => return Err(e),
            }
        }
        Err(last_error.unwrap_or_else(|| ClientError::LimitExceeded {
            what: format!("join attempts for group {}", self.config.group_id),
            limit: JOIN_ATTEMPTS_MAX as usize,
        }))
    }

    async fn coordinator(&mut self, client: &Client) -> Result<Connection, ClientError> {
        if let Some(c) = &self.coordinator {
            return Ok(c.clone());
        }
        let c = client
            .dedicated_coordinator_connection(&self.config.group_id)
            .await?;
        self.coordinator = Some(c.clone());
        Ok(c)
    }

    /// One JoinGroup and SyncGroup round: `None` means "go round again".
    async fn join_once(
        &mut self,
        client: &Client,
    ) -> Result<Option<Vec<(String, i32)>>, ClientError> {
        let group = self.config.group_id.clone();
        let connection = self.coordinator(client).await?;
        let request = JoinGroupRequest {
            group_id: group.clone(),
            session_timeout_ms: millis_i32(self.config.session_timeout),
            rebalance_timeout_ms: millis_i32(self.config.rebalance_timeout),
            member_id: self.member_id.clone(),
            protocol_type: CONSUMER_PROTOCOL_TYPE.into(),
            protocols: vec![JoinGroupRequestProtocol {
                name: RANGE_ASSIGNOR.into(),
                metadata: encode_subscription(&self.topics)?,
                ..Default::default()
            }],
            ..Default::default()
        };
        let wait = self.config.rebalance_timeout + JOIN_RESPONSE_GRACE;
        let ResponseBody::JoinGroup(joined) = connection.send_with_timeout(request, wait).await?
        else {
            return Err(ClientError::Unexpected(
                "JoinGroup answered with another API",
            ));
        };
        match ErrorCode::from_code(joined.error_code) {
            Some(ErrorCode::MemberIdRequired) => {
                self.member_id = joined.member_id;
                return Ok(None);
            }
            Some(ErrorCode::UnknownMemberId) => {
                self.member_id.clear();
                return Ok(None);
            }
            Some(ErrorCode::RebalanceInProgress) => return Ok(None),
            _ => ClientError::check(joined.error_code, format!("joining group {group}"), None)?,
        }
        self.member_id = joined.member_id.clone();
        let assignments = if joined.leader == joined.member_id {
            self.assign(client, &joined.members).await?
        } else {
            Vec::new()
        };
        let request = SyncGroupRequest {
            group_id: group.clone(),
            generation_id: joined.generation_id,
            member_id: self.member_id.clone(),
            protocol_type: Some(CONSUMER_PROTOCOL_TYPE.into()),
            protocol_name: Some(
                joined
                    .protocol_name
                    .unwrap_or_else(|| RANGE_ASSIGNOR.into()),
            ),
            assignments,
            ..Default::default()
        };
        let ResponseBody::SyncGroup(synced) = connection.send_with_timeout(request, wait).await?
        else {
            return Err(ClientError::Unexpected(
                "SyncGroup answered with another API",
            ));
        };
        if let Some(why) = rejoin_for(ErrorCode::from_code(synced.error_code))
            .filter(|_| !is_coordinator_code(synced.error_code))
        {
            if why == Rejoin::AsNewMember {
                self.member_id.clear();
            }
            return Ok(None);
        }
        ClientError::check(synced.error_code, format!("syncing group {group}"), None)?;
        self.generation = joined.generation_id;
        let subscribed = |t: &String| self.topics.contains(t);
        let assignment = decode_assignment(&synced.assignment)?
            .into_iter()
            .filter(|(t, _)| subscribed(t))
            .collect();
        tracing::debug!(group, generation = self.generation, member = %self.member_id, "joined");
        Ok(Some(assignment))
    }

    /// The leader's part: the range assignment of every member's subscription.
    async fn assign(
        &self,
        client: &Client,
        members: &[JoinGroupResponseMember],
    ) -> Result<Vec<SyncGroupRequestAssignment>, ClientError> {
        if members.len() > GROUP_MEMBERS_MAX {
            return Err(ClientError::LimitExceeded {
                what: format!("members of group {}", self.config.group_id),
                limit: GROUP_MEMBERS_MAX,
            });
        }
        let mut subscriptions = Vec::with_capacity(members.len());
        let mut counts = BTreeMap::new();
        for m in members {
            // A member whose subscription does not parse gets nothing rather than
            // stopping the whole group.
            let topics = decode_subscription(&m.metadata).unwrap_or_default();
            for t in &topics {
                if !counts.contains_key(t) {
                    // Ask afresh: partitions may have been added since the last look.
                    client.invalidate_topic(t);
                    let count = match client.topic(t).await {
                        Ok(info) => info.partitions.len() as i32,
                        Err(ClientError::UnknownTopic { .. }) => 0,
                        Err(e) => return Err(e),
                    };
                    counts.insert(t.clone(), count);
                }
            }
            subscriptions.push((m.member_id.clone(), topics));
        }
        range_assign(&subscriptions, &counts)
            .into_iter()
            .map(|(member_id, partitions)| {
                Ok(SyncGroupRequestAssignment {
                    member_id,
                    assignment: encode_assignment(&partitions)?,
                    ..Default::default()
                })
            })
            .collect()
    }

    fn start_heartbeat(&mut self) {
        let Some(connection) = self.coordinator.clone() else {
            return;
        };
        let beat = HeartbeatRequest {
            group_id: self.config.group_id.clone(),
            generation_id: self.generation,
            member_id: self.member_id.clone(),
            ..Default::default()
        };
        let task = heartbeat_loop(
            connection,
            beat,
            self.config.heartbeat_interval,
            self.config.session_timeout,
            Arc::clone(&self.signal),
        );
        self.heartbeat = Some(tokio::spawn(task));
    }

    /// Where to start in the assigned partitions: the committed offsets this member's
    /// coordinator knows (partitions without one are left out).
    pub(crate) async fn committed(
        &mut self,
        client: &Client,
        assignment: &[(String, i32)],
    ) -> Result<GroupOffsets, ClientError> {
        let mut by_topic: BTreeMap<String, Vec<i32>> = BTreeMap::new();
        for (t, p) in assignment {
            by_topic.entry(t.clone()).or_default().push(*p);
        }
        let partitions: Vec<(String, Vec<i32>)> = by_topic.into_iter().collect();
        let connection = self.coordinator(client).await?;
        let committed =
            fetch_offsets_on(&connection, &self.config.group_id, Some(&partitions)).await?;
        self.last_committed = committed.clone();
        self.last_commit = Instant::now();
        Ok(committed)
    }

    /// Commits `positions` as this member of its generation. A refusal that means the
    /// group moved on asks the next poll to rejoin and is returned.
    pub(crate) async fn commit(
        &mut self,
        client: &Client,
        positions: &GroupOffsets,
    ) -> Result<(), ClientError> {
        self.last_commit = Instant::now();
        if self.generation < 0 || positions.is_empty() || *positions == self.last_committed {
            return Ok(());
        }
        let offsets: Vec<(String, i32, i64)> = positions
            .iter()
            .map(|((t, p), o)| (t.clone(), *p, *o))
            .collect();
        let connection = self.coordinator(client).await?;
        let group = &self.config.group_id;
        let result = commit_offsets_on(
            &connection,
            group,
            self.generation,
            &self.member_id,
            &offsets,
        )
        .await;
        match &result {
            Ok(()) => self.last_committed = positions.clone(),
            Err(e) => {
                if let Some(why) = rejoin_for(e.code()) {
                    self.signal.request(why);
                }
                if matches!(e, ClientError::Io { .. } | ClientError::Closed { .. }) {
                    self.coordinator = None;
                }
            }
        }
        result
    }

    /// Leaves the group so the others rebalance at once instead of after a session timeout.
    pub(crate) async fn leave(&mut self) -> Result<(), ClientError> {
        self.stop_heartbeat();
        let (Some(connection), false) = (self.coordinator.clone(), self.member_id.is_empty())
        else {
            return Ok(());
        };
        let version = connection.version_for(ApiKey::LeaveGroup)?;
        let mut request = LeaveGroupRequest {
            group_id: self.config.group_id.clone(),
            ..Default::default()
        };
        if version >= 3 {
            request.members = vec![MemberIdentity {
                member_id: self.member_id.clone(),
                reason: Some("the consumer is closing".into()),
                ..Default::default()
            }];
        } else {
            request.member_id = self.member_id.clone();
        }
        let ResponseBody::LeaveGroup(response) = connection.send(request).await? else {
            return Err(ClientError::Unexpected(
                "LeaveGroup answered with another API",
            ));
        };
        self.generation = -1;
        self.member_id.clear();
        let context = format!("leaving group {}", self.config.group_id);
        ClientError::check(response.error_code, context.clone(), None)?;
        for m in &response.members {
            // The coordinator may have evicted the member already; it has left either way.
            if m.error_code != ErrorCode::UnknownMemberId.code() {
                ClientError::check(m.error_code, context.clone(), None)?;
            }
        }
        Ok(())
    }
}

fn is_coordinator_code(code: i16) -> bool {
    [
        ErrorCode::NotCoordinator,
        ErrorCode::CoordinatorNotAvailable,
        ErrorCode::CoordinatorLoadInProgress,
    ]
    .iter()
    .any(|c| c.code() == code)
}

fn millis_i32(d: Duration) -> i32 {
    i32::try_from(d.as_millis()).unwrap_or(i32::MAX)
}

/// Heartbeats until the coordinator says the group moved on, or until nothing has been
/// acknowledged for a whole session (then the coordinator has evicted this member).
async fn heartbeat_loop(
    connection: Connection,
    beat: HeartbeatRequest,
    interval: Duration,
    session_timeout: Duration,
    signal: Arc<Signal>,
) {
    let mut last_acknowledged = Instant::now();
    loop {
        tokio::time::sleep(interval).await;
        match connection.send(beat.clone()).await {
            Ok(ResponseBody::Heartbeat(r)) if r.error_code == 0 => {
                last_acknowledged = Instant::now();
            }
            Ok(ResponseBody::Heartbeat(r)) => {
                if let Some(why) = rejoin_for(ErrorCode::from_code(r.error_code)) {
                    signal.request(why);
                    return;
                }
                tracing::warn!(group = %beat.group_id, code = r.error_code, "heartbeat refused");
            }
            Ok(_) => tracing::warn!("Heartbeat answered with another API"),
            Err(e) => {
                tracing::debug!(group = %beat.group_id, error = %e, "heartbeat failed");
                if matches!(e, ClientError::Closed { .. }) {
                    signal.request(Rejoin::Rebalance);
                    return;
                }
            }
        }
        if last_acknowledged.elapsed() >= session_timeout {
            signal.request(Rejoin::AsNewMember);
            return;
        }
    }
}

/// Kafka's `range` assignor: for each topic, the members subscribed to it in member-id
/// order take consecutive ranges of partitions, the first `partitions % members` one more.
/// Every member appears in the result, with an empty list if it gets nothing.
pub(crate) fn range_assign(
    subscriptions: &[(String, Vec<String>)],
    partition_counts: &BTreeMap<String, i32>,
) -> BTreeMap<String, Vec<(String, Vec<i32>)>> {
    let mut out: BTreeMap<String, Vec<(String, Vec<i32>)>> = subscriptions
        .iter()
        .map(|(member, _)| (member.clone(), Vec::new()))
        .collect();
    for (topic, &count) in partition_counts {
        let mut members: Vec<&String> = subscriptions
            .iter()
            .filter(|(_, topics)| topics.contains(topic))
            .map(|(member, _)| member)
            .collect();
        members.sort();
        members.dedup();
        if members.is_empty() || count <= 0 {
            continue;
        }
        let n = members.len() as i32;
        let (each, extra) = (count / n, count % n);
        let mut next = 0;
        for (i, member) in members.into_iter().enumerate() {
            let take = each + i32::from((i as i32) < extra);
            if take > 0
                && let Some(list) = out.get_mut(member)
            {
                list.push((topic.clone(), (next..next + take).collect()));
            }
            next += take;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subs(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        list.iter()
            .map(|(m, ts)| (m.to_string(), ts.iter().map(|t| t.to_string()).collect()))
            .collect()
    }

    /// Seven partitions over three members go 3/2/2 in member-id order, each partition
    /// exactly once.
    #[test]
    fn range_gives_every_partition_to_exactly_one_member() {
        let counts = BTreeMap::from([("t".to_string(), 7)]);
        let plan = range_assign(
            &subs(&[("c", &["t"]), ("a", &["t"]), ("b", &["t"])]),
            &counts,
        );
        assert_eq!(plan["a"], vec![("t".to_string(), vec![0, 1, 2])]);
        assert_eq!(plan["b"], vec![("t".to_string(), vec![3, 4])]);
        assert_eq!(plan["c"], vec![("t".to_string(), vec![5, 6])]);
    }

    /// Only subscribers of a topic share it; members beyond the partition count get none.
    #[test]
    fn range_respects_subscriptions_and_spare_members() {
        let counts = BTreeMap::from([("x".to_string(), 1), ("y".to_string(), 2)]);
        let plan = range_assign(&subs(&[("a", &["x", "y"]), ("b", &["x"])]), &counts);
        assert_eq!(
            plan["a"],
            vec![("x".to_string(), vec![0]), ("y".to_string(), vec![0, 1])]
        );
        assert_eq!(plan["b"], vec![]);
    }

    /// A member told its generation or id is stale rejoins; other errors are not rejoins,
    /// and a request to join as a new member is not downgraded by a later rebalance.
    #[test]
    fn refusals_that_mean_rejoin_are_recognised() {
        assert_eq!(
            rejoin_for(Some(ErrorCode::RebalanceInProgress)),
            Some(Rejoin::Rebalance)
        );
        assert_eq!(
            rejoin_for(Some(ErrorCode::UnknownMemberId)),
            Some(Rejoin::AsNewMember)
        );
        assert_eq!(rejoin_for(Some(ErrorCode::TopicAuthorizationFailed)), None);
        let signal = Signal::default();
        signal.request(Rejoin::AsNewMember);
        signal.request(Rejoin::Rebalance);
        assert_eq!(signal.take(), Some(Rejoin::AsNewMember));
        assert!(!signal.pending());
    }
}
