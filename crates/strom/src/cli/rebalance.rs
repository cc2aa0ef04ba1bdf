//! `strom cluster rebalance`: evens partitions and leaders over the brokers (after a broker
//! joins), or moves everything off brokers about to leave (`--drain`), with Kafka's
//! reassignment APIs, so it works against Kafka too:
//!
//! 1. Metadata gives the live brokers and every partition's replicas; `rebalance_plan`
//!    computes the moves (`--dry-run` stops after printing them).
//! 2. One AlterPartitionReassignments starts them; ListPartitionReassignments is polled and
//!    progress printed until none of them is left. Stopping the command (Ctrl-C) leaves them
//!    running on the cluster; `--cancel` cancels every reassignment in progress (back to the
//!    original replicas), and running the command again plans from where the cluster is.
//! 3. ElectLeaders (preferred) then puts each moved partition's first replica in the lead.
//!
//! `--throttle RATE` holds the copying to RATE bytes per second with Kafka's replication
//! throttles (`rebalance_throttle`), removed again once the moves are done or cancelled.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use clap::Args;
use serde_json::json;
use strom_client::Client;
use strom_protocol::ErrorCode;
use strom_protocol::generated::alter_partition_reassignments_request::{
    ReassignablePartition, ReassignableTopic,
};
use strom_protocol::generated::elect_leaders_request::TopicPartitions;
use strom_protocol::generated::{
    AlterPartitionReassignmentsRequest, ElectLeadersRequest, ResponseBody,
};

use super::admin_requests::{self, REQUEST_TIMEOUT_MS, refused, send, unexpected};
use super::rebalance_plan::{self, Move, PartitionReplicas};
use super::rebalance_throttle;
use super::{
    CliError, CliResult, ConnectArgs, ExitStatus, Output, connect, emit, emit_json, table,
};

pub const EXAMPLES: &str = "Examples:
  strom cluster rebalance --dry-run       show the moves that even partitions and leaders
  strom cluster rebalance                 run them, with progress, until done
  strom cluster rebalance --drain 4       move every replica off broker 4 before it leaves
  strom cluster rebalance --throttle 50000000
                                          copy at most 50 MB/s per broker while moving
  strom cluster rebalance --cancel        cancel every reassignment in progress
  strom cluster rebalance --clear-throttle
                                          remove a throttle left by --no-wait or a timeout";

/// How often progress is asked for.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

#[derive(Args)]
pub struct RebalanceArgs {
    /// Broker ids to move every replica off (repeat or comma-separate)
    #[arg(long, value_delimiter = ',')]
    pub drain: Vec<i32>,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Cancel every reassignment in progress instead (replicas go back to where they were)
    #[arg(long, conflicts_with_all = ["drain", "dry_run"])]
    pub cancel: bool,
    /// Start the moves and return without waiting for them
    #[arg(long)]
    pub no_wait: bool,
    /// Give up waiting after this many seconds (the moves go on) [default: no limit]
    #[arg(long)]
    pub timeout_secs: Option<u64>,
    /// Copy at most this many bytes per second per broker (Kafka's replication throttles;
    /// removed once the moves are done)
    #[arg(long, conflicts_with_all = ["cancel", "dry_run"])]
    pub throttle: Option<u64>,
    /// Remove the replication throttle from every topic and live broker, and exit
    #[arg(long, conflicts_with_all = ["drain", "dry_run", "cancel", "throttle"])]
    pub clear_throttle: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

pub async fn rebalance(a: RebalanceArgs) -> CliResult {
    let client = connect(&a.connect).await?;
    let bootstrap = a.connect.bootstrap.clone();
    let fail = |e| CliError::from_client(e, &bootstrap);
    if a.cancel || a.clear_throttle {
        if a.cancel {
            cancel(&client, a.connect.output).await?;
        }
        return clear_throttle(&client, &bootstrap).await;
    }
    let ongoing = ongoing(&client).await?;
    if !ongoing.is_empty() {
        return Err(CliError::new(
            ExitStatus::Error,
            format!(
                "{} reassignment(s) already in progress; wait for them (run this again \
                 once they are done) or cancel them with `strom cluster rebalance --cancel`",
                ongoing.len()
            ),
        ));
    }
    let topics = client.list_topics().await.map_err(fail)?;
    let live: Vec<i32> = client.brokers().into_iter().map(|(id, _)| id).collect();
    let partitions: Vec<PartitionReplicas> = topics
        .iter()
        .flat_map(|t| {
            t.partitions.iter().map(|p| PartitionReplicas {
                topic: t.name.clone(),
                partition: p.partition,
                replicas: p.replicas.clone(),
            })
        })
        .collect();
    let moves = rebalance_plan::plan(&live, &a.drain, &partitions)
        .map_err(|e| CliError::new(ExitStatus::Error, e.to_string()))?;
    print_plan(&partitions, &moves, a.connect.output, a.dry_run)?;
    if a.dry_run || moves.is_empty() {
        return Ok(());
    }
    if let Some(rate) = a.throttle {
        rebalance_throttle::set(&client, &moves, &live, rate)
            .await
            .map_err(fail)?;
    }
    start(&client, &moves).await?;
    if a.no_wait {
        return emit_if_table(
            a.connect.output,
            "started; follow with `strom cluster rebalance --dry-run` (it plans nothing once \
             done) or cancel with `strom cluster rebalance --cancel`; a --throttle stays until \
             `strom cluster rebalance --clear-throttle`\n",
        );
    }
    wait(&client, &moves, a.timeout_secs, a.connect.output).await?;
    if a.throttle.is_some() {
        let topics: BTreeSet<String> = moves.iter().map(|m| m.topic.clone()).collect();
        let topics: Vec<String> = topics.into_iter().collect();
        rebalance_throttle::clear(&client, &topics, &live)
            .await
            .map_err(fail)?;
    }
    elect_preferred(&client, &moves, a.connect.output).await
}

/// Removes the replication throttle from every topic and live broker.
async fn clear_throttle(client: &Client, bootstrap: &str) -> CliResult {
    let fail = |e| CliError::from_client(e, bootstrap);
    let topics: Vec<String> = client
        .list_topics()
        .await
        .map_err(fail)?
        .into_iter()
        .map(|t| t.name)
        .collect();
    let live: Vec<i32> = client.brokers().into_iter().map(|(id, _)| id).collect();
    rebalance_throttle::clear(client, &topics, &live)
        .await
        .map_err(fail)
}

fn emit_if_table(output: Output, text: &str) -> CliResult {
    match output {
        Output::Table => emit(text),
        Output::Json => Ok(()),
    }
}

fn print_plan(
    partitions: &[PartitionReplicas],
    moves: &[Move],
    output: Output,
    dry_run: bool,
) -> CliResult {
    let counts = rebalance_plan::per_broker(partitions, moves);
    let copying = moves.iter().filter(|m| m.copies_data()).count();
    match output {
        Output::Json => emit_json(&json!({
            "dry_run": dry_run,
            "moves": moves.iter().map(|m| json!({
                "topic": m.topic, "partition": m.partition, "from": m.from, "to": m.to,
            })).collect::<Vec<_>>(),
            "brokers": counts.iter().map(|(b, [before, after])| json!({
                "id": b,
                "replicas_before": before.0, "replicas_after": after.0,
                "leaders_before": before.1, "leaders_after": after.1,
            })).collect::<Vec<_>>(),
        })),
        Output::Table => {
            let rows: Vec<Vec<String>> = counts
                .iter()
                .map(|(b, [before, after])| {
                    vec![
                        b.to_string(),
                        format!("{} -> {}", before.0, after.0),
                        format!("{} -> {}", before.1, after.1),
                    ]
                })
                .collect();
            let mut text = table::render(&["BROKER", "REPLICAS", "PREFERRED LEADERS"], &rows);
            text.push_str(&format!(
                "{} partition(s) to change: {} copy data, {} only reorder their replicas\n",
                moves.len(),
                copying,
                moves.len() - copying
            ));
            if dry_run {
                let rows: Vec<Vec<String>> = moves
                    .iter()
                    .map(|m| {
                        vec![
                            format!("{}-{}", m.topic, m.partition),
                            format!("{:?}", m.from),
                            format!("{:?}", m.to),
                        ]
                    })
                    .collect();
                text.push_str(&table::render(&["PARTITION", "FROM", "TO"], &rows));
            }
            emit(&text)
        }
    }
}

async fn start(client: &Client, moves: &[Move]) -> CliResult {
    let targets = moves
        .iter()
        .map(|m| ((m.topic.clone(), m.partition), Some(m.to.clone())));
    reassign(client, targets.collect(), "the reassignment").await
}

/// Cancels every reassignment in progress (Kafka's `kafka-reassign-partitions --cancel`).
async fn cancel(client: &Client, output: Output) -> CliResult {
    let ongoing = ongoing(client).await?;
    let targets = ongoing.iter().map(|tp| (tp.clone(), None)).collect();
    if !ongoing.is_empty() {
        reassign(client, targets, "the cancel").await?;
    }
    match output {
        Output::Json => emit_json(&json!({"cancelled": ongoing.len()})),
        Output::Table => emit(&format!("cancelled {} reassignment(s)\n", ongoing.len())),
    }
}

/// A partition and its target replicas, or `None` to cancel its reassignment.
type Target = ((String, i32), Option<Vec<i32>>);

/// One AlterPartitionReassignments for `targets`.
async fn reassign(client: &Client, targets: Vec<Target>, what: &str) -> CliResult {
    let mut topics: Vec<ReassignableTopic> = Vec::new();
    for ((topic, partition_index), replicas) in targets {
        let partition = ReassignablePartition {
            partition_index,
            replicas,
            ..ReassignablePartition::default()
        };
        match topics.iter_mut().find(|t| t.name == topic) {
            Some(t) => t.partitions.push(partition),
            None => topics.push(ReassignableTopic {
                name: topic,
                partitions: vec![partition],
                ..ReassignableTopic::default()
            }),
        }
    }
    let request = AlterPartitionReassignmentsRequest {
        timeout_ms: REQUEST_TIMEOUT_MS,
        topics,
        ..AlterPartitionReassignmentsRequest::default()
    };
    let ResponseBody::AlterPartitionReassignments(r) = send(client, request).await? else {
        return Err(unexpected("AlterPartitionReassignments"));
    };
    if r.error_code != 0 {
        return Err(refused(what, r.error_code, r.error_message.as_deref()));
    }
    let first_refusal = r.responses.iter().find_map(|t| {
        let p = t.partitions.iter().find(|p| p.error_code != 0)?;
        Some(refused(
            &format!("{what} of {}-{}", t.name, p.partition_index),
            p.error_code,
            p.error_message.as_deref(),
        ))
    });
    first_refusal.map_or(Ok(()), Err)
}

/// Every reassignment in progress: (topic, partition).
async fn ongoing(client: &Client) -> Result<BTreeSet<(String, i32)>, CliError> {
    Ok(admin_requests::reassignments(client)
        .await?
        .into_iter()
        .map(|r| (r.topic, r.partition))
        .collect())
}

async fn wait(client: &Client, moves: &[Move], limit: Option<u64>, output: Output) -> CliResult {
    let ours: BTreeSet<(String, i32)> = moves
        .iter()
        .map(|m| (m.topic.clone(), m.partition))
        .collect();
    let started = Instant::now();
    let mut last_left = usize::MAX;
    loop {
        let left = ongoing(client).await?.intersection(&ours).count();
        if left != last_left {
            emit_if_table(
                output,
                &format!(
                    "[{:>4}s] {} of {} partition(s) moved\n",
                    started.elapsed().as_secs(),
                    ours.len() - left,
                    ours.len()
                ),
            )?;
            last_left = left;
        }
        if left == 0 {
            return Ok(());
        }
        if limit.is_some_and(|s| started.elapsed() >= Duration::from_secs(s)) {
            return Err(CliError::new(
                ExitStatus::Error,
                format!(
                    "{left} partition(s) still moving after {} s; they go on. Run this again \
                     to follow them, or cancel with `strom cluster rebalance --cancel`; a \
                     --throttle stays until `strom cluster rebalance --clear-throttle`",
                    started.elapsed().as_secs()
                ),
            ));
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

async fn elect_preferred(client: &Client, moves: &[Move], output: Output) -> CliResult {
    let mut topics: Vec<TopicPartitions> = Vec::new();
    for m in moves {
        match topics.iter_mut().find(|t| t.topic == m.topic) {
            Some(t) => t.partitions.push(m.partition),
            None => topics.push(TopicPartitions {
                topic: m.topic.clone(),
                partitions: vec![m.partition],
                ..TopicPartitions::default()
            }),
        }
    }
    let request = ElectLeadersRequest {
        election_type: 0,
        topic_partitions: Some(topics),
        timeout_ms: REQUEST_TIMEOUT_MS,
        ..ElectLeadersRequest::default()
    };
    let ResponseBody::ElectLeaders(r) = send(client, request).await? else {
        return Err(unexpected("ElectLeaders"));
    };
    if r.error_code != 0 {
        return Err(refused("the preferred leader election", r.error_code, None));
    }
    // ELECTION_NOT_NEEDED: the first replica leads already.
    let failed: Vec<String> = r
        .replica_election_results
        .iter()
        .flat_map(|t| {
            t.partition_result
                .iter()
                .filter(|p| {
                    p.error_code != 0 && p.error_code != ErrorCode::ElectionNotNeeded.code()
                })
                .map(move |p| format!("{}-{}", t.topic, p.partition_id))
        })
        .collect();
    match output {
        Output::Json => emit_json(&json!({"done": true, "leaders_not_moved": failed})),
        Output::Table if failed.is_empty() => {
            emit("done: every moved partition is led by its first replica\n")
        }
        Output::Table => emit(&format!(
            "done; the first replica does not lead yet in {} (auto.leader.rebalance.enable \
             moves them later): {}\n",
            failed.len(),
            failed.join(", ")
        )),
    }
}
