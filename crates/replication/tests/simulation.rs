//! A deterministic simulation of one partition replicated on three brokers: the real
//! [`Partition`] state machine of each broker (roles, follower progress, ISR proposals, the
//! high watermark), driven by a seeded scheduler with simulated logs, network, disk and
//! controller. A failing seed replays exactly: `STROM_SIM_SEED=N cargo test -p
//! strom-replication --test simulation`.
//!
//! Simulated around the state machine, each a small model of what the broker does:
//! - logs: entries of (leader epoch, value), a durable prefix; a crash keeps only the durable
//!   prefix (unsynced writes dropped); a follower fsyncs before each fetch, as Strom's do;
//! - fetches: a follower at a new leader epoch first truncates to where its log agrees with
//!   the leader's (OffsetForLeaderEpoch, in rounds, with the broker's own
//!   `truncation_point`), then fetches from its log end; the leader records the fetch
//!   (`update_follower`) and answers with records and its high watermark;
//! - the controller: accepts an ISR change at the current leader and partition epochs with
//!   unfenced members only; fences a crashed broker after a session timeout (out of the ISR
//!   unless it is the last member; a leader that goes is replaced by an ISR member, never by
//!   a replica outside it); unfences a restarted one. With `min.insync.replicas` 2 (the
//!   second set of seeds) it also keeps the eligible leader replicas as Strom's controller
//!   does (`controller::elr`: replicas that left an ISR below the minimum) and elects one
//!   when no ISR member is alive, while the leaders' high watermark holds below the minimum;
//! - the network: metadata, fetches, answers and ISR changes are messages delivered after a
//!   random delay, in any order, some dropped; messages to a crashed broker are lost.
//!
//! Checked: no acknowledged record (a client append whose offset the leader's high watermark
//! passed, while it still led at that epoch) is ever missing from a newly elected leader's
//! log, nor from the final leader's log once faults stop; the replicas agree below the high
//! watermark at the end; and the state machine's own assertions (the high watermark never
//! moves back as leader, never passes an in-sync replica's durable offset) hold throughout.

use std::collections::BTreeMap;
use strom_sim::SimRng;

use strom_metadata::NodeId;
use strom_replication::{Assignment, LocalLog, Partition, truncation_point};
use strom_storage::{LeaderEpoch, Offset, TopicPartition};

const NODES: [NodeId; 3] = [NodeId(1), NodeId(2), NodeId(3)];
/// `replica.lag.time.max.ms`, simulated.
const LAG_MS: i64 = 400;
/// `broker.session.timeout.ms`, simulated.
const SESSION_MS: i64 = 300;
const STEPS: usize = 3_000;
/// Steps at the end with no fault, for the cluster to settle.
const QUIET_STEPS: usize = 1_500;
/// Seeds a plain `cargo test` runs (about 2 s); `STROM_SIM_SEEDS=N` runs more.
const DEFAULT_SEEDS: u64 = 3_000;
/// A fetch unanswered this long is given up (`replica.fetch` request timeout, simulated).
const FETCH_TIMEOUT_MS: i64 = 200;

#[derive(Debug, Clone, Default)]
struct Log {
    /// (leader epoch, value); the index is the offset.
    entries: Vec<(i32, u64)>,
    durable: usize,
}

impl Log {
    fn end(&self) -> Offset {
        Offset(self.entries.len() as i64)
    }
    fn local(&self, hw: Offset) -> LocalLog {
        LocalLog {
            log_start: Offset(0),
            log_end: self.end(),
            durable: Offset(self.durable as i64),
            high_watermark: hw.min(self.end()),
        }
    }
    fn last_epoch(&self) -> Option<i32> {
        self.entries.last().map(|e| e.0)
    }
    /// OffsetForLeaderEpoch: the largest epoch at most `epoch` here and where it ends (the
    /// start of the next epoch, or the log end); an epoch older than every entry ends at 0
    /// (Kafka's `endOffsetFor`: where the first known epoch starts); `None` for no entries.
    fn end_for_epoch(&self, epoch: i32) -> Option<(i32, usize)> {
        self.entries.first()?;
        let Some(largest) = self
            .entries
            .iter()
            .map(|e| e.0)
            .filter(|&e| e <= epoch)
            .max()
        else {
            return Some((epoch, 0));
        };
        let end = self
            .entries
            .iter()
            .position(|e| e.0 > largest)
            .unwrap_or(self.entries.len());
        Some((largest, end))
    }
    fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
        self.durable = self.durable.min(len);
    }
}

#[derive(Debug)]
struct Node {
    id: NodeId,
    up: bool,
    log: Log,
    state: Option<Partition>,
    /// The last assignment applied, and whether the log was truncated for its epoch.
    seen: Option<Assignment>,
    truncated_for: Option<i32>,
    /// When the fetch in flight was sent: one unanswered for FETCH_TIMEOUT_MS is given up.
    fetch_in_flight: Option<i64>,
    hw_checkpoint: Offset,
}

#[derive(Debug, Clone)]
enum Msg {
    Metadata(Assignment),
    Fetch {
        follower: NodeId,
        epoch: i32,
        offset: usize,
        durable: usize,
    },
    FetchAnswer {
        epoch: i32,
        offset: usize,
        records: Vec<(i32, u64)>,
        hw: Offset,
        diverged: bool,
    },
    AlterIsr {
        leader_epoch: i32,
        partition_epoch: i32,
        isr: Vec<NodeId>,
    },
    AlterIsrRefused {
        partition_epoch: i32,
    },
}

struct Sim {
    rng: SimRng,
    now: i64,
    nodes: Vec<Node>,
    controller: Assignment,
    /// Eligible leader replicas (only ever non-empty with `min_isr` above 1).
    elr: Vec<NodeId>,
    /// `min.insync.replicas` of the simulated topic.
    min_isr: usize,
    fenced: BTreeMap<NodeId, bool>,
    crashed_at: BTreeMap<NodeId, i64>,
    /// (deliver at, to, message)
    inbox: Vec<(i64, NodeId, Msg)>,
    /// (offset, value, node, epoch) appended and not yet acknowledged or abandoned.
    pending: Vec<(usize, u64, NodeId, i32)>,
    acked: BTreeMap<usize, u64>,
    next_value: u64,
    faults: bool,
}

fn trace(what: std::fmt::Arguments) {
    if std::env::var_os("STROM_SIM_TRACE").is_some() {
        eprintln!("{what}");
    }
}

fn tp() -> TopicPartition {
    TopicPartition::new("sim", 0)
}

impl Sim {
    fn new(seed: u64, min_isr: usize) -> Sim {
        let controller = Assignment {
            leader: Some(NODES[0]),
            leader_epoch: LeaderEpoch(0),
            partition_epoch: 0,
            replicas: NODES.to_vec(),
            isr: NODES.to_vec(),
            min_insync_replicas: min_isr,
        };
        let nodes = NODES
            .iter()
            .map(|&id| Node {
                id,
                up: true,
                log: Log::default(),
                state: Some(
                    Partition::new(tp(), id, &controller, Log::default().local(Offset(0)), 0)
                        .unwrap(),
                ),
                seen: Some(controller.clone()),
                truncated_for: Some(0),
                fetch_in_flight: None,
                hw_checkpoint: Offset(0),
            })
            .collect();
        Sim {
            rng: SimRng::new(seed),
            now: 0,
            nodes,
            controller,
            elr: Vec::new(),
            min_isr,
            fenced: NODES.iter().map(|&n| (n, false)).collect(),
            crashed_at: BTreeMap::new(),
            inbox: Vec::new(),
            pending: Vec::new(),
            acked: BTreeMap::new(),
            next_value: 1,
            faults: true,
        }
    }

    fn node(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[(id.0 - 1) as usize]
    }

    fn send(&mut self, to: NodeId, msg: Msg) {
        // The metadata log reaches every broker in the end (Raft): delayed and reordered with
        // the rest, never lost. Everything else may be.
        if self.faults && !matches!(msg, Msg::Metadata(_)) && self.rng.percent(3) {
            return; // lost
        }
        let delay = 1 + self.rng.below(if self.faults { 60 } else { 10 }) as i64;
        self.inbox.push((self.now + delay, to, msg));
    }

    fn broadcast(&mut self) {
        let a = self.controller.clone();
        for id in NODES {
            self.send(id, Msg::Metadata(a.clone()));
        }
    }

    fn step(&mut self) {
        self.now += 1 + self.rng.below(10) as i64;
        self.deliver_due();
        match self.rng.below(100) {
            0..=29 => self.client_append(),
            30..=54 => self.follower_fetch(),
            55..=69 => self.flush(),
            70..=79 => self.isr_check(),
            80..=81 if self.faults => self.crash(),
            82..=85 => self.restart(),
            _ => {}
        }
        self.controller_tick();
        self.settle_acks();
    }

    fn deliver_due(&mut self) {
        let now = self.now;
        let mut due: Vec<(i64, NodeId, Msg)> = Vec::new();
        self.inbox.retain(|m| {
            if m.0 <= now {
                due.push(m.clone());
                false
            } else {
                true
            }
        });
        // Any order among the due messages.
        while !due.is_empty() {
            let i = self.rng.below(due.len() as u64) as usize;
            let (_, to, msg) = due.swap_remove(i);
            if to.0 == 0 {
                self.controller_receive(msg);
            } else if self.node(to).up {
                self.receive(to, msg);
            }
        }
    }

    fn receive(&mut self, to: NodeId, msg: Msg) {
        let now = self.now;
        match msg {
            Msg::Metadata(a) => self.apply(to, a),
            Msg::Fetch {
                follower,
                epoch,
                offset,
                durable,
            } => {
                let node = self.node(to);
                let Some(state) = node.state.as_mut() else {
                    return;
                };
                if !state.is_leader() || state.leader_epoch().0 != epoch {
                    return;
                }
                let diverged = offset > node.log.entries.len();
                if !diverged {
                    state
                        .update_follower(
                            follower,
                            Offset(offset as i64),
                            Offset(durable as i64),
                            now,
                        )
                        .unwrap();
                }
                trace(format_args!(
                    "{now} {to:?} leader got fetch from {follower:?} at {offset} durable {durable}: hw {} isr {:?}",
                    state.high_watermark(),
                    state.isr()
                ));
                let records = if diverged {
                    vec![]
                } else {
                    node.log.entries[offset..].to_vec()
                };
                let hw = state.high_watermark();
                self.send(
                    follower,
                    Msg::FetchAnswer {
                        epoch,
                        offset,
                        records,
                        hw,
                        diverged,
                    },
                );
            }
            Msg::FetchAnswer {
                epoch,
                offset,
                records,
                hw,
                diverged,
            } => {
                let node = self.node(to);
                node.fetch_in_flight = None;
                let Some(state) = node.state.as_mut() else {
                    return;
                };
                if state.is_leader() || state.leader_epoch().0 != epoch {
                    return;
                }
                if diverged {
                    node.truncated_for = None;
                    return;
                }
                if node.log.entries.len() != offset {
                    return; // an answer to an older fetch
                }
                node.log.entries.extend(records);
                state.update_local_log(Offset(0), node.log.end(), Offset(node.log.durable as i64));
                state.update_follower_high_watermark(hw);
                node.hw_checkpoint = state.high_watermark();
            }
            Msg::AlterIsrRefused { partition_epoch } => {
                if let Some(state) = self.node(to).state.as_mut() {
                    state.isr_change_failed(partition_epoch);
                }
            }
            Msg::AlterIsr { .. } => unreachable!("the controller's"),
        }
    }

    fn apply(&mut self, to: NodeId, a: Assignment) {
        let now = self.now;
        let node = self.node(to);
        let local = node.log.local(node.hw_checkpoint);
        let Some(state) = node.state.as_mut() else {
            return;
        };
        if state.apply(&a, local, now).is_ok() {
            if node
                .seen
                .as_ref()
                .is_none_or(|s| s.leader_epoch < a.leader_epoch)
            {
                node.truncated_for = if a.leader == Some(to) {
                    Some(a.leader_epoch.0)
                } else {
                    None
                };
            }
            node.seen = Some(a);
        }
    }

    fn client_append(&mut self) {
        let leaders: Vec<NodeId> = NODES
            .iter()
            .copied()
            .filter(|&id| {
                self.nodes[(id.0 - 1) as usize].up
                    && self.nodes[(id.0 - 1) as usize]
                        .state
                        .as_ref()
                        .is_some_and(|s| s.is_leader())
            })
            .collect();
        let Some(&id) = leaders.get(self.rng.below(leaders.len().max(1) as u64) as usize) else {
            return;
        };
        let value = self.next_value;
        self.next_value += 1;
        let node = self.node(id);
        let state = node.state.as_mut().unwrap();
        let epoch = state.leader_epoch().0;
        node.log.entries.push((epoch, value));
        let offset = node.log.entries.len() - 1;
        state.update_local_log(Offset(0), node.log.end(), Offset(node.log.durable as i64));
        self.pending.push((offset, value, id, epoch));
    }

    fn flush(&mut self) {
        let id = NODES[self.rng.below(3) as usize];
        let node = self.node(id);
        if !node.up {
            return;
        }
        node.log.durable = node.log.entries.len();
        if let Some(state) = node.state.as_mut() {
            state.update_local_log(Offset(0), node.log.end(), Offset(node.log.durable as i64));
            node.hw_checkpoint = state.high_watermark();
        }
    }

    fn follower_fetch(&mut self) {
        let id = NODES[self.rng.below(3) as usize];
        let now = self.now;
        let (leader, epoch) = {
            let node = self.node(id);
            let Some(state) = node.state.as_ref() else {
                return;
            };
            let waiting = node
                .fetch_in_flight
                .is_some_and(|at| now - at < FETCH_TIMEOUT_MS);
            if !node.up || state.is_leader() || waiting {
                return;
            }
            let Some(leader) = node.seen.as_ref().and_then(|a| a.leader) else {
                return;
            };
            (leader, state.leader_epoch().0)
        };
        if self.node(id).truncated_for != Some(epoch) {
            // OffsetForLeaderEpoch, as one exchange with a leader that is up at this epoch.
            let leader_node = &self.nodes[(leader.0 - 1) as usize];
            let leads = leader_node.up
                && leader_node
                    .state
                    .as_ref()
                    .is_some_and(|s| s.is_leader() && s.leader_epoch().0 == epoch);
            if !leads {
                return;
            }
            let follower_last = self.nodes[(id.0 - 1) as usize].log.last_epoch();
            let answer = follower_last.and_then(|e| leader_node.log.end_for_epoch(e));
            let node = self.node(id);
            // The broker's own rule (`truncation_point`: Kafka's, with KIP-279's rounds).
            let answer = answer.map(|(e, end)| (LeaderEpoch(e), Offset(end as i64)));
            let local_end_for = |epoch: LeaderEpoch| {
                node.log
                    .end_for_epoch(epoch.0)
                    .map(|(e, end)| (LeaderEpoch(e), Offset(end as i64)))
            };
            let (cut, complete) =
                truncation_point(answer, local_end_for, node.hw_checkpoint, node.log.end());
            let cut = cut.0 as usize;
            // A follower's log agrees with the leader's below `cut` (same epochs, same data).
            trace(format_args!(
                "{id:?} truncates to {cut} for epoch {epoch} (from {})",
                node.log.entries.len()
            ));
            node.log.truncate(cut);
            let state = node.state.as_mut().unwrap();
            state.update_local_log(Offset(0), node.log.end(), Offset(node.log.durable as i64));
            node.truncated_for = complete.then_some(epoch);
            return;
        }
        let node = self.node(id);
        node.log.durable = node.log.entries.len(); // fsync before each fetch
        let state = node.state.as_mut().unwrap();
        state.update_local_log(Offset(0), node.log.end(), Offset(node.log.durable as i64));
        node.fetch_in_flight = Some(now);
        let msg = Msg::Fetch {
            follower: id,
            epoch,
            offset: node.log.entries.len(),
            durable: node.log.durable,
        };
        self.send(leader, msg);
    }

    /// The broker's ISR check: a new proposal when one is due, or the pending one sent again
    /// (its fate unknown: the request or its answer may have been lost).
    fn isr_check(&mut self) {
        let id = NODES[self.rng.below(3) as usize];
        let now = self.now;
        let fenced = self.fenced.clone();
        let node = self.node(id);
        if !node.up {
            return;
        }
        let Some(state) = node.state.as_mut() else {
            return;
        };
        let eligible = |n: NodeId| !fenced[&n];
        let (leader_epoch, partition_epoch, isr) =
            match state.propose_isr_change(now, LAG_MS, &eligible) {
                Some(p) => (p.leader_epoch.0, p.partition_epoch, p.isr),
                None => match state.pending_isr() {
                    Some(pending) => (
                        state.leader_epoch().0,
                        state.partition_epoch(),
                        pending.to_vec(),
                    ),
                    None => return,
                },
            };
        self.send(
            NodeId(0),
            Msg::AlterIsr {
                leader_epoch,
                partition_epoch,
                isr,
            },
        );
    }

    fn controller_receive(&mut self, msg: Msg) {
        let Msg::AlterIsr {
            leader_epoch,
            partition_epoch,
            isr,
        } = msg
        else {
            return;
        };
        let leader = self.controller.leader;
        let ok = leader_epoch == self.controller.leader_epoch.0
            && partition_epoch == self.controller.partition_epoch
            && isr.iter().all(|n| !self.fenced[n]);
        trace(format_args!(
            "{} controller: AlterIsr {isr:?} at {leader_epoch}/{partition_epoch} {}",
            self.now,
            if ok { "accepted" } else { "refused" }
        ));
        if ok {
            self.set_isr(isr);
            self.controller.partition_epoch += 1;
            self.broadcast();
        } else if let Some(l) = leader {
            // Only a refusal at the current epochs (a fenced member) undoes the proposal; a
            // stale one is answered by the metadata (the broker's `overtaken`).
            let current = leader_epoch == self.controller.leader_epoch.0
                && partition_epoch == self.controller.partition_epoch;
            if current {
                self.send(l, Msg::AlterIsrRefused { partition_epoch });
            }
        }
    }

    fn crash(&mut self) {
        let id = NODES[self.rng.below(3) as usize];
        let node = self.node(id);
        if !node.up {
            return;
        }
        node.up = false;
        trace(format_args!(
            "crash {id:?}: log {} durable {}",
            node.log.entries.len(),
            node.log.durable
        ));
        let durable = node.log.durable;
        node.log.truncate(durable); // unsynced writes are gone
        node.state = None;
        node.fetch_in_flight = None;
        let now = self.now;
        self.crashed_at.insert(id, now);
    }

    /// A crashed broker comes back. As in Strom, it serves nothing before its registration
    /// is committed, and that commit takes away whatever its previous run led (leader none,
    /// a new leader epoch); its first heartbeat unfences it, and it leads again only what
    /// has no leader and lists it in the ISR.
    fn restart(&mut self) {
        let down: Vec<NodeId> = NODES
            .iter()
            .copied()
            .filter(|&n| !self.nodes[(n.0 - 1) as usize].up)
            .collect();
        let Some(&id) = down.get(self.rng.below(down.len().max(1) as u64) as usize) else {
            return;
        };
        if self.faults && self.rng.percent(50) {
            return;
        }
        trace(format_args!("{} restart {id:?}", self.now));
        let a = &mut self.controller;
        if a.leader == Some(id) {
            a.leader = None;
            a.leader_epoch = LeaderEpoch(a.leader_epoch.0 + 1);
        }
        a.partition_epoch += 1;
        self.fenced.insert(id, false);
        self.crashed_at.remove(&id);
        self.elect_if_leaderless();
        self.broadcast();
        let a = self.controller.clone();
        let now = self.now;
        let node = self.node(id);
        node.up = true;
        node.hw_checkpoint = node.hw_checkpoint.min(node.log.end());
        let local = node.log.local(node.hw_checkpoint);
        node.state = Some(Partition::new(tp(), id, &a, local, now).unwrap());
        node.truncated_for = (a.leader == Some(id)).then_some(a.leader_epoch.0);
        node.seen = Some(a);
    }

    fn controller_tick(&mut self) {
        let now = self.now;
        let expired: Vec<NodeId> = self
            .crashed_at
            .iter()
            .filter(|(n, at)| now - **at >= SESSION_MS && !self.fenced[*n])
            .map(|(n, _)| *n)
            .collect();
        for n in expired {
            trace(format_args!("{now} controller: fenced {n:?}"));
            self.fenced.insert(n, true);
            if self.controller.isr.len() > 1 {
                let isr = self.controller.isr.iter().copied().filter(|&m| m != n);
                self.set_isr(isr.collect());
            }
            let a = &mut self.controller;
            if a.leader == Some(n) {
                a.leader = None;
                a.leader_epoch = LeaderEpoch(a.leader_epoch.0 + 1);
            }
            a.partition_epoch += 1;
            self.elect_if_leaderless();
            self.broadcast();
        }
    }

    /// The controller's ISR becomes `isr`, and the ELR follows as Strom's controller keeps
    /// it: empty at or above the minimum, else what it held plus the replicas leaving.
    fn set_isr(&mut self, isr: Vec<NodeId>) {
        if isr.len() >= self.min_isr.min(NODES.len()) {
            self.elr.clear();
        } else {
            let old = &self.controller.isr;
            let elr = &self.elr;
            self.elr = NODES
                .iter()
                .copied()
                .filter(|r| !isr.contains(r) && (elr.contains(r) || old.contains(r)))
                .collect();
        }
        self.controller.isr = isr;
    }

    /// A clean election: an unfenced ISR member, else an unfenced eligible leader replica
    /// (then the ISR is it alone), never another replica. The new leader must hold every
    /// acknowledged record.
    fn elect_if_leaderless(&mut self) {
        if self.controller.leader.is_some() {
            return;
        }
        let in_sync = self
            .controller
            .isr
            .iter()
            .copied()
            .find(|n| !self.fenced[n]);
        let eligible = || self.elr.iter().copied().find(|n| !self.fenced[n]);
        let Some(next) = in_sync.or_else(eligible) else {
            return;
        };
        if !self.controller.isr.contains(&next) {
            trace(format_args!(
                "{} controller: {next:?} elected from the ELR {:?}",
                self.now, self.elr
            ));
            self.set_isr(vec![next]);
        }
        let log = &self.nodes[(next.0 - 1) as usize].log;
        for (&offset, &value) in &self.acked {
            assert!(
                log.entries.get(offset).map(|e| e.1) == Some(value),
                "elected {next:?} lacks acknowledged offset {offset} (value {value}); log {:?}",
                log.entries
            );
        }
        self.controller.leader = Some(next);
        self.controller.leader_epoch = LeaderEpoch(self.controller.leader_epoch.0 + 1);
        trace(format_args!(
            "{} controller: elected {next:?} at {} (isr {:?}, its log {})",
            self.now,
            self.controller.leader_epoch.0,
            self.controller.isr,
            log.entries.len()
        ));
        self.controller.partition_epoch += 1;
    }

    /// Appends whose offset the leader's high watermark passed while it still led at that
    /// epoch are acknowledged; those whose leader moved on are abandoned.
    fn settle_acks(&mut self) {
        let nodes = &self.nodes;
        let mut acked = Vec::new();
        self.pending.retain(|&(offset, value, id, epoch)| {
            let node = &nodes[(id.0 - 1) as usize];
            let Some(state) = node.state.as_ref().filter(|_| node.up) else {
                return false;
            };
            if !state.is_leader() || state.leader_epoch().0 != epoch {
                return false;
            }
            if state.high_watermark().0 as usize > offset {
                assert_eq!(node.log.entries[offset].1, value);
                trace(format_args!(
                    "ack {offset}={value} by {id:?} at {epoch}, hw {} isr {:?}",
                    state.high_watermark(),
                    state.isr()
                ));
                acked.push((offset, value));
                return false;
            }
            true
        });
        for (offset, value) in acked {
            if let Some(previous) = self.acked.insert(offset, value) {
                assert_eq!(
                    previous, value,
                    "two acknowledged values at offset {offset}"
                );
            }
        }
    }

    fn check_end(&self) {
        let leader = self
            .controller
            .leader
            .expect("a leader once the faults stop");
        let log = &self.nodes[(leader.0 - 1) as usize].log;
        for (&offset, &value) in &self.acked {
            assert_eq!(
                log.entries.get(offset).map(|e| e.1),
                Some(value),
                "offset {offset} lost"
            );
        }
        let hw = self.nodes[(leader.0 - 1) as usize]
            .state
            .as_ref()
            .unwrap()
            .high_watermark()
            .0 as usize;
        for n in &self.nodes {
            let common = hw.min(n.log.entries.len());
            let first = (0..common).find(|&i| n.log.entries[i] != log.entries[i]);
            if let Some(i) = first {
                let from = i.saturating_sub(3);
                panic!(
                    "{:?} disagrees with leader {leader:?} below the high watermark {hw} from \
                     offset {i}: {:?} against {:?} (log ends {} and {}, up {})",
                    n.id,
                    &n.log.entries[from..(i + 3).min(n.log.entries.len())],
                    &log.entries[from..(i + 3).min(log.entries.len())],
                    n.log.entries.len(),
                    log.entries.len(),
                    n.up
                );
            }
        }
    }
}

fn run(seed: u64) -> usize {
    run_with(seed, 1)
}

fn run_with(seed: u64, min_isr: usize) -> usize {
    let mut sim = Sim::new(seed, min_isr);
    for _ in 0..STEPS {
        sim.step();
    }
    sim.faults = false;
    for _ in 0..QUIET_STEPS {
        sim.step();
    }
    sim.check_end();
    sim.acked.len()
}

/// Runs the seeds of `STROM_SIM_SEED` (one) or `STROM_SIM_SEEDS` (0..N, default
/// `DEFAULT_SEEDS`) with `min.insync.replicas` `min_isr`; a failing seed names its replay.
fn run_seeds(min_isr: usize) {
    let seeds: Vec<u64> = match std::env::var("STROM_SIM_SEED") {
        Ok(one) => vec![one.parse().expect("STROM_SIM_SEED is a number")],
        Err(_) => {
            let count = std::env::var("STROM_SIM_SEEDS")
                .map_or(DEFAULT_SEEDS, |n| n.parse().expect("a count"));
            (0..count).collect()
        }
    };
    let mut acked = 0;
    for seed in seeds {
        match std::panic::catch_unwind(|| run_with(seed, min_isr)) {
            Ok(n) => acked += n,
            Err(_) => panic!(
                "seed {seed} (min.insync.replicas {min_isr}) failed; replay with \
                 STROM_SIM_SEED={seed}"
            ),
        }
    }
    assert!(
        acked > 0,
        "no run acknowledged anything: the simulation is not exercising writes"
    );
}

#[test]
fn seeded_runs_lose_no_acknowledged_record() {
    run_seeds(1);
}

/// The same with `min.insync.replicas` 2: the high watermark holds while the ISR is the
/// leader alone, and a replica that left such an ISR may be elected when no in-sync one is
/// alive (eligible leader replicas).
#[test]
fn seeded_runs_with_eligible_leader_replicas_lose_no_acknowledged_record() {
    run_seeds(2);
}

/// The seeds that found bugs, kept as regressions (all within the default range too):
/// - 299: the controller's refusal of an older ISR proposal, arriving after the metadata
///   had answered it and the leader had proposed again, undid the newer proposal; the high
///   watermark then left out a replica the controller put in the ISR, and that replica,
///   elected later, lacked acknowledged records. Fixed: a refusal undoes only the proposal
///   it answers (`Partition::isr_change_failed(partition_epoch)`).
/// - 24: a proposal sent twice (its first answer lost) was accepted, then its copy refused
///   for the stale partition epoch, which undid it at the leader: the same loss. Fixed: a
///   refusal for stale epochs leaves the change pending until the metadata answers it, as
///   Kafka's leaders do (`isr_checks.rs`).
/// - 1239, and 7 with `min.insync.replicas` 2: follower truncation in one round
///   (OffsetForLeaderEpoch answered with an older epoch than ours; cut to where our largest
///   epoch up to it ends, and done) left a follower with entries of an epoch the leader never
///   had below the high watermark: two replicas with different records at one offset. And a
///   log asked about an epoch older than all it holds answered "none" instead of where its
///   first epoch starts, so a follower kept a prefix the leader did not have. Fixed as Kafka
///   does (KIP-279): when our epoch differs from the leader's answer, cut and ask again
///   (`strom_replication::truncation_point`), and an older epoch ends where the first
///   known one starts (`LeaderEpochFileCache::end_offset_for`).
#[test]
fn the_seeds_that_found_bugs_pass() {
    for seed in [24, 299, 1239] {
        assert!(run(seed) > 0, "seed {seed} acknowledged nothing");
    }
    assert!(run_with(7, 2) > 0, "seed 7 acknowledged nothing");
}
