//! The coordinator runtime: one generic loop around a coordinator state machine (a [`Shard`])
//! that keeps its state in an internal topic. The group coordinator and the transaction
//! coordinator both run on it.
//!
//! What it does for a shard:
//! - **Partition states.** Each partition of the shard's topic led here is `Loading` (at a
//!   leader epoch) or `Active`; a partition not led here is absent. Requests for a loading
//!   partition get `COORDINATOR_LOAD_IN_PROGRESS`, for an absent one `NOT_COORDINATOR`.
//! - **Loads.** On election ([`CoordinatorRuntime::load`]) a partition is read from its log
//!   start through the replica manager on the blocking pool, a chunk at a time; each chunk is
//!   parsed outside the lock and replayed under it, so other partitions keep being served.
//!   On resignation ([`CoordinatorRuntime::unload`]) the shard forgets the partition and its
//!   parked requests are answered `NOT_COORDINATOR`.
//! - **Calls.** A call runs the shard under its lock and gets a [`Decision`]: records to
//!   write, replies to send now, replies to send once the records are committed, and
//!   follow-up work (transaction markers). Records are appended through the replica manager
//!   (acks=all) while the lock is held, so the log order is the decision order; the commit
//!   (the partition's high watermark passing them) is awaited outside it. If an append fails,
//!   the replies that needed it are answered with an error, the follow-ups are dropped, and
//!   the partition is reloaded from its log, because the shard already counted records the
//!   log does not have.
//! - **Replies that wrote nothing.** The shard's state already holds what earlier decisions
//!   wrote before it is committed, so a reply decided from it without a record of its own (a
//!   retried AddPartitionsToTxn, a KIP-890 verification, a SyncGroup of a group already
//!   stable) waits for every append still in flight when it was decided, and fails if one of
//!   them does: otherwise it could vouch for state that a lost leadership takes back.
//! - **Parked requests.** Each call gets a [`RequestId`]; a reply decided later (another
//!   member's join, a timer) finds its waiter here.
//! - **Timers.** One task calls the shard's `tick` at its next deadline.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use strom_coordinator::RequestId;
use strom_protocol::records::{Compression, NO_SEQUENCE, RecordBatchBuilder};
use strom_storage::{Clock, LeaderEpoch, Offset, TopicPartition};
use tokio::sync::{Notify, oneshot, watch};

use super::internal_topic::{Replayed, parse_batches};
use crate::replica_manager::{
    AppendOrigin, PartitionError, PendingAppend, ReplicaManager, RequiredAcks,
};

/// Longest a request waits for a reply decided later (a JoinGroup parked for a rebalance is
/// bounded by the group's rebalance timeout; this only keeps a waiter from leaking).
const REPLY_WAIT_MS_MAX: u64 = 40 * 60 * 1000;
/// Longest a decision's records may take to commit before its replies fail.
const COMMIT_WAIT_MS_MAX: u64 = 60_000;
/// Record bytes per batch written to an internal topic (their max.message.bytes is Kafka's
/// default, 1 MiB).
const BATCH_BYTES_MAX: usize = 512 * 1024;

/// Why a coordinator request could not be served. Mapped to Kafka's codes in
/// `crate::errors`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoordinatorError {
    #[error("this broker does not coordinate partition {0}")]
    NotCoordinator(i32),
    #[error("partition {0} is still loading")]
    LoadInProgress(i32),
    #[error("no reply came from the coordinator in time")]
    NotAvailable,
}

/// The producer a batch is written for: transactional offset commits carry the producer's id
/// and epoch, so the log's transaction bookkeeping (and a later marker) covers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchProducer {
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub transactional: bool,
}

/// One record a shard wants written to its topic.
#[derive(Debug, Clone, PartialEq)]
pub struct ShardRecord {
    pub partition: i32,
    pub key: Bytes,
    /// `None` is a tombstone.
    pub value: Option<Bytes>,
    pub producer: Option<BatchProducer>,
}

/// What one shard call decided.
#[derive(Debug)]
pub struct Decision<R, F> {
    pub records: Vec<ShardRecord>,
    pub now: Vec<(RequestId, R)>,
    pub after_commit: Vec<(RequestId, R)>,
    pub followups: Vec<F>,
    /// A timer may now be due earlier than the timer task sleeps.
    pub timers_changed: bool,
    /// Partitions whose records could not be encoded (a bug, logged where found): treated
    /// as a failed append of those partitions.
    pub unwritable: Vec<i32>,
}

impl<R, F> Default for Decision<R, F> {
    fn default() -> Self {
        Decision {
            records: Vec::new(),
            now: Vec::new(),
            after_commit: Vec::new(),
            followups: Vec::new(),
            timers_changed: false,
            unwritable: Vec::new(),
        }
    }
}

/// A coordinator state machine the runtime can drive.
pub trait Shard: Send + 'static {
    type Response: Send + 'static;
    /// Work that starts once a decision's records are committed (transaction markers).
    type Followup: Send + 'static;

    /// Forget `partition`, then take its records from [`Shard::replay`] (leader `epoch`).
    fn begin_load(&mut self, partition: i32, epoch: LeaderEpoch);
    fn replay(&mut self, partition: i32, item: Replayed);
    fn complete_load(
        &mut self,
        partition: i32,
        now_ms: i64,
    ) -> Decision<Self::Response, Self::Followup>;
    fn unload(&mut self, partition: i32) -> Decision<Self::Response, Self::Followup>;
    fn tick(&mut self, now_ms: i64) -> Decision<Self::Response, Self::Followup>;
    fn next_deadline_ms(&self) -> Option<i64>;
    /// The reply to send instead of `response` when its records could not be committed.
    fn failed(response: &Self::Response, error: &PartitionError) -> Self::Response;
}

/// What a call is about: one partition, the whole coordinator (listings), or whatever the
/// shard decides for itself (the transaction coordinator tracks its partitions' loads and
/// answers per transactional id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Partition(i32),
    Any,
    Shard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Loading(LeaderEpoch),
    Active(LeaderEpoch),
}

struct State<S: Shard> {
    shard: S,
    waiting: HashMap<RequestId, oneshot::Sender<S::Response>>,
    partitions: BTreeMap<i32, Status>,
    /// Appends not yet committed or failed, by a sequence number of their own.
    in_flight: BTreeMap<u64, (i32, watch::Receiver<AppendOutcome>)>,
    next_append: u64,
}

/// How an append ended: `None` while it waits for its commit, then whether it committed.
type AppendOutcome = Option<bool>;

/// One decision's append to one partition, and where its outcome is told.
struct InFlightAppend {
    partition: i32,
    append: PendingAppend,
    id: u64,
    outcome: watch::Sender<AppendOutcome>,
}

/// Records appended and not yet committed, with what waits for them.
struct Pending<S: Shard> {
    appends: Vec<InFlightAppend>,
    /// The appends of earlier decisions still in flight when a decision with no records of
    /// its own decided replies for after the commit: those replies wait for them too.
    earlier: Vec<(i32, watch::Receiver<AppendOutcome>)>,
    after_commit: Vec<(RequestId, S::Response)>,
    followups: Vec<S::Followup>,
    /// Partitions whose append failed, to reload once the lock is released.
    reloads: Vec<(i32, LeaderEpoch)>,
}

type FollowupHandler<F> = Arc<dyn Fn(F) + Send + Sync>;

/// A shard served from its internal topic.
pub struct CoordinatorRuntime<S: Shard> {
    topic: &'static str,
    state: Mutex<State<S>>,
    replicas: Arc<ReplicaManager>,
    clock: Arc<dyn Clock>,
    timers_changed: Notify,
    next_request_id: AtomicU64,
    followups: OnceLock<FollowupHandler<S::Followup>>,
}

impl<S: Shard> std::fmt::Debug for CoordinatorRuntime<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoordinatorRuntime")
            .field("topic", &self.topic)
            .finish_non_exhaustive()
    }
}

impl<S: Shard> CoordinatorRuntime<S> {
    pub fn new(
        topic: &'static str,
        shard: S,
        replicas: Arc<ReplicaManager>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        CoordinatorRuntime {
            topic,
            state: Mutex::new(State {
                shard,
                waiting: HashMap::new(),
                partitions: BTreeMap::new(),
                in_flight: BTreeMap::new(),
                next_append: 0,
            }),
            replicas,
            clock,
            timers_changed: Notify::new(),
            next_request_id: AtomicU64::new(1),
            followups: OnceLock::new(),
        }
    }

    /// Installs what runs each follow-up once its decision is committed.
    pub fn set_followup_handler(&self, handler: FollowupHandler<S::Followup>) {
        if self.followups.set(handler).is_err() {
            tracing::warn!(
                topic = self.topic,
                "a follow-up handler was already installed"
            );
        }
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now().0
    }

    fn tp(&self, partition: i32) -> TopicPartition {
        TopicPartition::new(self.topic, partition)
    }

    /// The appends in flight that a reply about `scope` depends on.
    fn in_flight_of(
        state: &mut State<S>,
        scope: Scope,
    ) -> Vec<(i32, watch::Receiver<AppendOutcome>)> {
        // An append whose finish was dropped before telling never will.
        state
            .in_flight
            .retain(|_, (_, outcome)| outcome.has_changed().is_ok());
        state
            .in_flight
            .values()
            .filter(|(p, _)| match scope {
                Scope::Partition(only) => *p == only,
                Scope::Any | Scope::Shard => true,
            })
            .cloned()
            .collect()
    }

    /// A read-only look whose answer vouches for committed state (OffsetFetch): it waits
    /// for the appends in flight when it read, and fails with `NotAvailable` if one of them
    /// does, since what it read may then never be in the log.
    pub async fn read_committed<R>(
        &self,
        scope: Scope,
        f: impl FnOnce(&mut S) -> R,
    ) -> Result<R, CoordinatorError> {
        let (result, earlier) = {
            let mut state = self.lock();
            Self::check(&state, scope)?;
            let result = f(&mut state.shard);
            (result, Self::in_flight_of(&mut state, scope))
        };
        match self.earlier_failure(earlier).await {
            None => Ok(result),
            Some(_) => Err(CoordinatorError::NotAvailable),
        }
    }

    /// Waits for the earlier appends a decision with no records of its own depends on; the
    /// first that failed, or whose outcome is unknown (its finish was dropped before
    /// telling, or it outlived the commit wait), if any.
    async fn earlier_failure(
        &self,
        earlier: Vec<(i32, watch::Receiver<AppendOutcome>)>,
    ) -> Option<(i32, PartitionError)> {
        let mut failed = None;
        for (partition, mut outcome) in earlier {
            let waited = tokio::time::timeout(
                Duration::from_millis(COMMIT_WAIT_MS_MAX),
                outcome.wait_for(Option::is_some),
            )
            .await;
            let error = match waited {
                Ok(Ok(committed)) if *committed == Some(true) => continue,
                Ok(Ok(_)) => PartitionError::Stopped(self.tp(partition)),
                Ok(Err(_)) | Err(_) => PartitionError::RequestTimedOut(self.tp(partition)),
            };
            failed.get_or_insert((partition, error));
        }
        failed
    }

    fn lock(&self) -> MutexGuard<'_, State<S>> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn next_id(&self) -> RequestId {
        RequestId(self.next_request_id.fetch_add(1, Ordering::Relaxed))
    }

    /// Whether `scope` is served here now.
    fn check(state: &State<S>, scope: Scope) -> Result<(), CoordinatorError> {
        match scope {
            Scope::Partition(p) => match state.partitions.get(&p) {
                Some(Status::Active(_)) => Ok(()),
                Some(Status::Loading(_)) => Err(CoordinatorError::LoadInProgress(p)),
                None => Err(CoordinatorError::NotCoordinator(p)),
            },
            Scope::Shard => Ok(()),
            Scope::Any => match state
                .partitions
                .iter()
                .find(|(_, s)| matches!(s, Status::Loading(_)))
            {
                Some((p, _)) => Err(CoordinatorError::LoadInProgress(*p)),
                None => Ok(()),
            },
        }
    }

    /// The leader epoch of an active partition (the coordinator epoch).
    pub fn epoch(&self, partition: i32) -> Option<LeaderEpoch> {
        match self.lock().partitions.get(&partition) {
            Some(Status::Active(e)) => Some(*e),
            _ => None,
        }
    }

    /// A read-only look at the shard, if `scope` is served.
    pub fn read<R>(
        &self,
        scope: Scope,
        f: impl FnOnce(&mut S) -> R,
    ) -> Result<R, CoordinatorError> {
        let mut state = self.lock();
        Self::check(&state, scope)?;
        let before = state.shard.next_deadline_ms();
        let result = f(&mut state.shard);
        // A heartbeat re-arms session timers; wake the timer task only if the earliest
        // deadline moved.
        if state.shard.next_deadline_ms() != before {
            self.timers_changed.notify_one();
        }
        Ok(result)
    }

    /// Runs a call that may write records and may be answered later. `decided` runs once
    /// the shard has decided (the connection's next request may then go). Returns the reply
    /// addressed to this call.
    pub async fn call(
        self: &Arc<Self>,
        scope: Scope,
        decided: impl FnOnce(),
        f: impl FnOnce(&mut S, RequestId, i64) -> Decision<S::Response, S::Followup>,
    ) -> Result<S::Response, CoordinatorError> {
        let id = self.next_id();
        let (tx, rx) = oneshot::channel();
        let pending = {
            let mut state = self.lock();
            Self::check(&state, scope)?;
            state.waiting.insert(id, tx);
            let decision = f(&mut state.shard, id, self.now_ms());
            self.carry_out(&mut state, decision, scope)
        };
        decided();
        self.spawn_finish(pending);
        match tokio::time::timeout(Duration::from_millis(REPLY_WAIT_MS_MAX), rx).await {
            Ok(Ok(response)) => Ok(response),
            _ => {
                self.lock().waiting.remove(&id);
                tracing::warn!(topic = self.topic, request = id.0, "no reply came");
                Err(CoordinatorError::NotAvailable)
            }
        }
    }

    /// Runs a call whose result comes straight from the shard (not through the waiting
    /// list), then waits for its records to commit. Returns the result and whether the
    /// commit succeeded.
    pub async fn decide<T>(
        self: &Arc<Self>,
        scope: Scope,
        f: impl FnOnce(&mut S, i64) -> (Decision<S::Response, S::Followup>, T),
    ) -> Result<(T, Result<(), PartitionError>), CoordinatorError> {
        let (result, pending) = {
            let mut state = self.lock();
            Self::check(&state, scope)?;
            let (decision, result) = f(&mut state.shard, self.now_ms());
            (result, self.carry_out(&mut state, decision, scope))
        };
        let committed = self.finish(pending).await;
        Ok((result, committed))
    }

    /// Answers `now` replies and appends the records, under the lock. A decision about one
    /// partition (`scope`) that wrote nothing waits only for that partition's appends.
    fn carry_out(
        &self,
        state: &mut State<S>,
        decision: Decision<S::Response, S::Followup>,
        scope: Scope,
    ) -> Pending<S> {
        if decision.timers_changed {
            self.timers_changed.notify_one();
        }
        for (id, response) in decision.now {
            deliver(state, id, response);
        }
        let earlier = if decision.records.is_empty() && !decision.after_commit.is_empty() {
            Self::in_flight_of(state, scope)
        } else {
            Vec::new()
        };
        let mut pending = Pending {
            appends: Vec::new(),
            earlier,
            after_commit: decision.after_commit,
            followups: decision.followups,
            reloads: Vec::new(),
        };
        let mut first_error: Option<PartitionError> = None;
        for partition in decision.unwritable {
            if let Some(epoch) = self.begin_reload(state, partition) {
                pending.reloads.push((partition, epoch));
            }
            let tp = TopicPartition::new(self.topic, partition);
            first_error.get_or_insert(PartitionError::Stopped(tp));
        }
        for (partition, set) in batches_by_partition(decision.records, self.now_ms()) {
            let tp = TopicPartition::new(self.topic, partition);
            let appended = self.replicas.append_records(
                AppendOrigin::Coordinator,
                RequiredAcks::All,
                vec![(tp, set)],
            );
            match appended.into_first_error() {
                Ok(append) => {
                    let id = state.next_append;
                    state.next_append += 1;
                    let (outcome, watched) = watch::channel(None);
                    state.in_flight.insert(id, (partition, watched));
                    pending.appends.push(InFlightAppend {
                        partition,
                        append,
                        id,
                        outcome,
                    });
                }
                Err((_, e)) => {
                    tracing::error!(topic = self.topic, partition, error = %e,
                        "appending coordinator records failed");
                    if let Some(epoch) = self.begin_reload(state, partition) {
                        pending.reloads.push((partition, epoch));
                    }
                    first_error.get_or_insert(e);
                }
            }
        }
        if let Some(error) = first_error {
            for (id, response) in std::mem::take(&mut pending.after_commit) {
                deliver(state, id, S::failed(&response, &error));
            }
            pending.followups.clear();
        }
        pending
    }

    fn spawn_finish(self: &Arc<Self>, pending: Pending<S>) {
        if pending.appends.is_empty()
            && pending.earlier.is_empty()
            && pending.after_commit.is_empty()
            && pending.followups.is_empty()
            && pending.reloads.is_empty()
        {
            return;
        }
        let runtime = Arc::clone(self);
        tokio::spawn(async move {
            let _ = runtime.finish(pending).await;
        });
    }

    /// Starts the reloads a failed append asked for, waits for the commit, then answers the
    /// replies and starts the follow-ups (or fails the replies and reloads).
    async fn finish(self: &Arc<Self>, pending: Pending<S>) -> Result<(), PartitionError> {
        for (partition, epoch) in pending.reloads {
            let runtime = Arc::clone(self);
            tokio::spawn(async move { runtime.run_load(partition, epoch).await });
        }
        let mut failure: Option<(i32, PartitionError)> = None;
        if let Some((partition, error)) = self.earlier_failure(pending.earlier).await {
            // That append's own finish reloads its partition; these replies only fail.
            failure = Some((partition, error));
        }
        let mut reload = None;
        for InFlightAppend {
            partition,
            append,
            id,
            outcome,
        } in pending.appends
        {
            let results = append.wait(Duration::from_millis(COMMIT_WAIT_MS_MAX)).await;
            let error = results.into_iter().find_map(|(_, r)| r.err());
            self.lock().in_flight.remove(&id);
            outcome.send_replace(Some(error.is_none()));
            if let Some(e) = error {
                tracing::error!(topic = self.topic, partition, error = %e,
                    "coordinator records not committed");
                reload.get_or_insert(partition);
                failure.get_or_insert((partition, e));
            }
        }
        let Some((_, error)) = failure else {
            {
                let mut state = self.lock();
                for (id, response) in pending.after_commit {
                    deliver(&mut state, id, response);
                }
            }
            if let Some(handler) = self.followups.get() {
                for followup in pending.followups {
                    handler(followup);
                }
            }
            return Ok(());
        };
        let reload = {
            let mut state = self.lock();
            for (id, response) in pending.after_commit {
                deliver(&mut state, id, S::failed(&response, &error));
            }
            reload
                .and_then(|partition| Some((partition, self.begin_reload(&mut state, partition)?)))
        };
        if let Some((partition, epoch)) = reload {
            let runtime = Arc::clone(self);
            tokio::spawn(async move { runtime.run_load(partition, epoch).await });
        }
        Err(error)
    }

    /// Marks `partition` loading again (its shard state is dropped); returns the epoch to
    /// reload it at, if it was served here. The caller starts the load once the lock is
    /// released.
    fn begin_reload(&self, state: &mut State<S>, partition: i32) -> Option<LeaderEpoch> {
        let (Status::Active(epoch) | Status::Loading(epoch)) =
            state.partitions.get(&partition).copied()?;
        tracing::warn!(topic = self.topic, partition, "reloading from the log");
        let unloaded = state.shard.unload(partition);
        for (id, response) in unloaded.now {
            deliver(state, id, response);
        }
        state.partitions.insert(partition, Status::Loading(epoch));
        state.shard.begin_load(partition, epoch);
        Some(epoch)
    }

    /// Loads `partition` as its leader at `epoch`. Completes when the partition is served
    /// (or the load was overtaken by a newer election or a resignation).
    pub async fn load(self: &Arc<Self>, partition: i32, epoch: LeaderEpoch) {
        {
            let mut state = self.lock();
            if let Some(Status::Active(e) | Status::Loading(e)) = state.partitions.get(&partition)
                && *e > epoch
            {
                return;
            }
            let unloaded = state.shard.unload(partition);
            for (id, response) in unloaded.now {
                deliver(&mut state, id, response);
            }
            state.partitions.insert(partition, Status::Loading(epoch));
            state.shard.begin_load(partition, epoch);
        }
        self.run_load(partition, epoch).await;
    }

    async fn run_load(self: &Arc<Self>, partition: i32, epoch: LeaderEpoch) {
        let runtime = Arc::clone(self);
        let started = std::time::Instant::now();
        let replayed =
            tokio::task::spawn_blocking(move || runtime.replay_partition(partition, epoch))
                .await
                .unwrap_or_else(|e| panic!("coordinator load panicked: {e}"));
        let Some(records) = replayed else {
            return;
        };
        let pending = {
            let mut state = self.lock();
            if state.partitions.get(&partition) != Some(&Status::Loading(epoch)) {
                return;
            }
            state.partitions.insert(partition, Status::Active(epoch));
            let decision = state.shard.complete_load(partition, self.now_ms());
            self.timers_changed.notify_one();
            self.carry_out(&mut state, decision, Scope::Any)
        };
        tracing::info!(
            topic = self.topic,
            partition,
            epoch = epoch.0,
            records,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "coordinator partition loaded"
        );
        self.spawn_finish(pending);
    }

    /// Reads the partition from its log start and replays it, a chunk at a time. `None` if
    /// the load was overtaken (unloaded, or a newer epoch) meanwhile. Blocking.
    fn replay_partition(&self, partition: i32, epoch: LeaderEpoch) -> Option<u64> {
        let tp = TopicPartition::new(self.topic, partition);
        let mut offset = match self.replicas.hosted(&tp) {
            Some(h) => h.log_start_offset(),
            None => Offset::ZERO,
        };
        let mut replayed = 0u64;
        loop {
            let data = match self.replicas.read_for_load(&tp, offset) {
                Ok(data) => data,
                Err(PartitionError::UnknownTopicOrPartition(_)) => return Some(replayed),
                Err(e) => {
                    tracing::error!(partition = %tp, offset = offset.0, error = %e,
                        "coordinator load read failed; serving what was read");
                    return Some(replayed);
                }
            };
            if data.records.is_empty() {
                return Some(replayed);
            }
            let (items, next) = parse_batches(data.records, partition);
            assert!(next > offset, "{tp}: the load made no progress at {offset}");
            offset = next;
            let mut state = self.lock();
            if state.partitions.get(&partition) != Some(&Status::Loading(epoch)) {
                return None;
            }
            replayed += items.len() as u64;
            for item in items {
                state.shard.replay(partition, item);
            }
        }
    }

    /// Stops serving `partition` (leadership moved or the topic is gone).
    pub fn unload(&self, partition: i32) {
        let mut state = self.lock();
        if state.partitions.remove(&partition).is_none() {
            return;
        }
        let unloaded = state.shard.unload(partition);
        for (id, response) in unloaded.now {
            deliver(&mut state, id, response);
        }
        tracing::info!(
            topic = self.topic,
            partition,
            "coordinator partition unloaded"
        );
    }

    /// Partitions served or loading, for FindCoordinator and tests.
    pub fn partitions(&self) -> Vec<i32> {
        self.lock().partitions.keys().copied().collect()
    }

    /// Whether every partition led here is served (not loading).
    pub fn loaded(&self) -> bool {
        Self::check(&self.lock(), Scope::Any).is_ok()
    }

    /// Fires due timers until `shutdown` turns true.
    pub async fn run_timers(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) {
        loop {
            let next = self.lock().shard.next_deadline_ms();
            let now = self.now_ms();
            let sleep = next.map_or(Duration::from_secs(3600), |deadline| {
                Duration::from_millis(u64::try_from(deadline - now).unwrap_or(0))
            });
            tokio::select! {
                _ = shutdown.changed() => return,
                _ = self.timers_changed.notified() => continue,
                _ = tokio::time::sleep(sleep) => {}
            }
            let pending = {
                let mut state = self.lock();
                let decision = state.shard.tick(self.now_ms());
                self.carry_out(&mut state, decision, Scope::Any)
            };
            self.spawn_finish(pending);
        }
    }
}

fn deliver<S: Shard>(state: &mut State<S>, id: RequestId, response: S::Response) {
    if let Some(waiter) = state.waiting.remove(&id) {
        // The requester may have gone (connection closed): nothing to answer then.
        let _ = waiter.send(response);
    }
}

/// The records of a decision as one record set per partition: batches of at most
/// [`BATCH_BYTES_MAX`], a new batch wherever the producer changes, laid end to end.
fn batches_by_partition(records: Vec<ShardRecord>, now_ms: i64) -> BTreeMap<i32, BytesMut> {
    let mut runs: BTreeMap<i32, Vec<ShardRecord>> = BTreeMap::new();
    for record in records {
        runs.entry(record.partition).or_default().push(record);
    }
    runs.into_iter()
        .map(|(partition, records)| (partition, encode_set(&records, now_ms)))
        .collect()
}

fn encode_set(records: &[ShardRecord], now_ms: i64) -> BytesMut {
    let new_builder = |producer: Option<BatchProducer>| {
        let builder = RecordBatchBuilder::new(Compression::None, 0);
        match producer {
            Some(p) => builder
                .with_producer(p.producer_id, p.producer_epoch, NO_SEQUENCE)
                .with_transactional(p.transactional),
            None => builder,
        }
    };
    let mut set = BytesMut::new();
    let mut producer = records.first().and_then(|r| r.producer);
    let mut builder = new_builder(producer);
    for record in records {
        let full = builder.uncompressed_records_size() >= BATCH_BYTES_MAX;
        if (record.producer != producer || full) && !builder.is_empty() {
            let batch = std::mem::replace(&mut builder, new_builder(record.producer)).build();
            set.extend_from_slice(&batch.unwrap_or_else(|e| panic!("coordinator batch: {e}")));
        } else if record.producer != producer {
            builder = new_builder(record.producer);
        }
        producer = record.producer;
        builder.append(now_ms, Some(&record.key), record.value.as_deref(), &[]);
    }
    if !builder.is_empty() {
        let batch = builder.build();
        set.extend_from_slice(&batch.unwrap_or_else(|e| panic!("coordinator batch: {e}")));
    }
    set
}
