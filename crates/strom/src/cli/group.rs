//! `strom group ...`: consumer groups as an operator sees them, after Kafka's
//! `kafka-consumer-groups` tool: list, describe (members, committed offsets, lag), delete,
//! and reset-offsets. Resetting and deleting are refused while the group has members,
//! because a live member would overwrite the new offsets with its own at its next commit.

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use serde_json::json;
use strom_client::{Client, ClientError, GroupDescription, GroupOffsets, OffsetSpec};

use super::{CliError, CliResult, ConnectArgs, ExitStatus, Output, connect, emit, emit_json};
use super::{table, time};

pub const EXAMPLES: &str = "Examples:
  strom group list
  strom group list --state stable --output json
  strom group describe billing
  strom group delete billing audit
  strom group reset-offsets billing --topic orders --to-earliest --dry-run
  strom group reset-offsets billing --topic orders --partition 0 --to-offset 1000
  strom group reset-offsets billing --topic orders --to-datetime 2024-05-01T12:00:00Z";

#[derive(Subcommand)]
pub enum GroupCommand {
    /// List consumer groups with their state.
    #[command(after_help = "Examples:\n  strom group list\n  strom group list --state empty")]
    List(ListArgs),
    /// Show a group: state, assignor, members and their partitions, and per partition the
    /// committed offset, the log end offset and the lag.
    #[command(after_help = "Example:\n  strom group describe billing --output json")]
    Describe(DescribeArgs),
    /// Delete groups and their committed offsets (only groups without active members).
    #[command(after_help = "Example:\n  strom group delete billing audit")]
    Delete(DeleteArgs),
    /// Move a group's committed offsets in a topic; the group must have no active members.
    /// Prints the plan (partition, current, new); --dry-run prints it and changes nothing.
    #[command(after_help = "Examples:
  strom group reset-offsets billing --topic orders --to-earliest --dry-run
  strom group reset-offsets billing --topic orders --to-latest
  strom group reset-offsets billing --topic orders --partition 2 --to-offset 1000
  strom group reset-offsets billing --topic orders --to-datetime 2024-05-01T12:00:00Z
  strom group reset-offsets billing --topic orders --to-datetime 1714564800000

--to-offset is clamped into [earliest, latest] of each partition, as Kafka does.
--to-datetime takes ISO 8601 (a time without a zone is UTC) or ms since the epoch; a
partition with no record at or after that time is set to its latest offset.")]
    ResetOffsets(ResetArgs),
}

/// Kafka's group states, as `--state` spells them.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateArg {
    Stable,
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Dead,
    Assigning,
    Reconciling,
}

impl StateArg {
    fn kafka_name(self) -> &'static str {
        match self {
            StateArg::Stable => "Stable",
            StateArg::Empty => "Empty",
            StateArg::PreparingRebalance => "PreparingRebalance",
            StateArg::CompletingRebalance => "CompletingRebalance",
            StateArg::Dead => "Dead",
            StateArg::Assigning => "Assigning",
            StateArg::Reconciling => "Reconciling",
        }
    }
}

#[derive(Args)]
pub struct ListArgs {
    /// Only groups in this state (repeatable)
    #[arg(long, value_enum)]
    pub state: Vec<StateArg>,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
pub struct DescribeArgs {
    /// Group id
    pub group: String,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
pub struct DeleteArgs {
    /// Group ids
    #[arg(required = true)]
    pub groups: Vec<String>,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
#[command(group(ArgGroup::new("target").required(true).args(
    ["to_earliest", "to_latest", "to_datetime", "to_offset"]
)))]
pub struct ResetArgs {
    /// Group id
    pub group: String,
    /// Topic whose offsets move
    #[arg(long)]
    pub topic: String,
    /// Only this partition [default: every partition of the topic]
    #[arg(long, short)]
    pub partition: Option<i32>,
    /// To the earliest offset still in the log
    #[arg(long)]
    pub to_earliest: bool,
    /// To the end of the log (skip everything there now)
    #[arg(long)]
    pub to_latest: bool,
    /// To the first record at or after a time: ISO 8601 or ms since the epoch
    #[arg(long, value_name = "ISO8601_OR_MILLIS")]
    pub to_datetime: Option<String>,
    /// To this offset, clamped into [earliest, latest]
    #[arg(long, value_name = "OFFSET", allow_negative_numbers = true)]
    pub to_offset: Option<i64>,
    /// Print the plan without changing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

pub async fn run(command: GroupCommand) -> CliResult {
    match command {
        GroupCommand::List(a) => list(a).await,
        GroupCommand::Describe(a) => describe(a).await,
        GroupCommand::Delete(a) => delete(a).await,
        GroupCommand::ResetOffsets(a) => reset_offsets(a).await,
    }
}

async fn list(a: ListArgs) -> CliResult {
    let client = connect(&a.connect).await?;
    let states: Vec<String> = a.state.iter().map(|s| s.kafka_name().to_string()).collect();
    let groups = client
        .list_groups(&states)
        .await
        .map_err(|e| CliError::from_client(e, &a.connect.bootstrap))?;
    match a.connect.output {
        Output::Json => emit_json(&json!(
            groups
                .iter()
                .map(|g| json!({
                    "group": g.group_id, "state": g.state,
                    "protocol_type": g.protocol_type, "type": g.group_type,
                }))
                .collect::<Vec<_>>()
        )),
        Output::Table => {
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    vec![
                        g.group_id.clone(),
                        g.state.clone(),
                        g.group_type.clone(),
                        g.protocol_type.clone(),
                    ]
                })
                .collect();
            let header = ["GROUP", "STATE", "TYPE", "PROTOCOL-TYPE"];
            emit(&table::render(&header, &rows))
        }
    }
}

/// One partition's line in `group describe` and `offsets --group`.
struct PartitionLag {
    topic: String,
    partition: i32,
    committed: Option<i64>,
    log_end: i64,
    member: Option<String>,
}

impl PartitionLag {
    fn lag(&self) -> Option<i64> {
        self.committed.map(|c| (self.log_end - c).max(0))
    }
}

/// Committed offsets, log ends and owners of every partition the group has an offset for
/// or has assigned, sorted by topic and partition.
async fn partition_lags(
    client: &Client,
    description: &GroupDescription,
    committed: &GroupOffsets,
) -> Result<Vec<PartitionLag>, ClientError> {
    let mut partitions: Vec<(String, i32)> = committed.keys().cloned().collect();
    for m in &description.members {
        partitions.extend(m.assignment.iter().cloned());
    }
    partitions.sort();
    partitions.dedup();
    let mut out = Vec::with_capacity(partitions.len());
    for (topic, partition) in partitions {
        let log_end = match client
            .list_offset(&topic, partition, OffsetSpec::Latest)
            .await
        {
            Ok((offset, _)) => offset,
            // The topic was deleted since the group committed: show no log end.
            Err(ClientError::UnknownTopic { .. } | ClientError::UnknownPartition { .. }) => -1,
            Err(e) => return Err(e),
        };
        let member = description
            .members
            .iter()
            .find(|m| m.assignment.contains(&(topic.clone(), partition)))
            .map(|m| m.member_id.clone());
        out.push(PartitionLag {
            committed: committed.get(&(topic.clone(), partition)).copied(),
            topic,
            partition,
            log_end,
            member,
        });
    }
    Ok(out)
}

fn or_dash(v: Option<impl ToString>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

async fn describe(a: DescribeArgs) -> CliResult {
    let bootstrap = &a.connect.bootstrap;
    let client = connect(&a.connect).await?;
    let fail = |e| CliError::from_client(e, bootstrap);
    let description = client.describe_group(&a.group).await.map_err(fail)?;
    let committed = client
        .fetch_group_offsets(&a.group, None)
        .await
        .map_err(fail)?;
    let lags = partition_lags(&client, &description, &committed)
        .await
        .map_err(fail)?;
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "group": description.group_id,
            "state": description.state,
            "protocol_type": description.protocol_type,
            "protocol": description.protocol,
            "members": description.members.iter().map(|m| json!({
                "member_id": m.member_id,
                "group_instance_id": m.group_instance_id,
                "client_id": m.client_id,
                "host": m.client_host,
                "partitions": m.assignment.iter()
                    .map(|(t, p)| json!({"topic": t, "partition": p}))
                    .collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "offsets": lags.iter().map(|l| json!({
                "topic": l.topic, "partition": l.partition, "committed": l.committed,
                "log_end": l.log_end, "lag": l.lag(), "member": l.member,
            })).collect::<Vec<_>>(),
        })),
        Output::Table => {
            let mut text = format!(
                "group {}  state {}  protocol {}/{}  members {}\n",
                description.group_id,
                description.state,
                or_empty_dash(&description.protocol_type),
                or_empty_dash(&description.protocol),
                description.members.len()
            );
            if !description.members.is_empty() {
                let rows: Vec<Vec<String>> = description
                    .members
                    .iter()
                    .map(|m| {
                        let partitions: Vec<String> = m
                            .assignment
                            .iter()
                            .map(|(t, p)| format!("{t}-{p}"))
                            .collect();
                        vec![
                            m.member_id.clone(),
                            m.client_id.clone(),
                            m.client_host.clone(),
                            or_empty_dash(&partitions.join(",")),
                        ]
                    })
                    .collect();
                text.push('\n');
                let header = ["MEMBER", "CLIENT-ID", "HOST", "PARTITIONS"];
                text.push_str(&table::render(&header, &rows));
            }
            if lags.is_empty() {
                text.push_str("\nno committed offsets\n");
            } else {
                let rows: Vec<Vec<String>> = lags
                    .iter()
                    .map(|l| {
                        vec![
                            l.topic.clone(),
                            l.partition.to_string(),
                            or_dash(l.committed),
                            or_dash((l.log_end >= 0).then_some(l.log_end)),
                            or_dash(l.lag()),
                            or_dash(l.member.clone()),
                        ]
                    })
                    .collect();
                text.push('\n');
                let header = [
                    "TOPIC",
                    "PARTITION",
                    "COMMITTED",
                    "LOG-END",
                    "LAG",
                    "MEMBER",
                ];
                text.push_str(&table::render(&header, &rows));
            }
            emit(&text)
        }
    }
}

fn or_empty_dash(s: &str) -> String {
    if s.is_empty() {
        "-".into()
    } else {
        s.to_string()
    }
}

async fn delete(a: DeleteArgs) -> CliResult {
    let client = connect(&a.connect).await?;
    let results = client.delete_groups(&a.groups).await;
    let mut deleted = Vec::new();
    let mut first_error = None;
    for (group, result) in results {
        match result {
            Ok(()) => deleted.push(group),
            Err(e) => {
                let e = group_refusal(e, &group, "deleting it", &a.connect.bootstrap);
                first_error.get_or_insert(e);
            }
        }
    }
    match a.connect.output {
        Output::Json => emit_json(&json!({ "deleted": deleted }))?,
        Output::Table => emit(
            &deleted
                .iter()
                .map(|g| format!("deleted group {g}\n"))
                .collect::<String>(),
        )?,
    }
    first_error.map_or(Ok(()), Err)
}

/// Advice for a group that cannot be changed while it has members.
fn group_refusal(e: ClientError, group: &str, action: &str, bootstrap: &str) -> CliError {
    match e {
        ClientError::GroupNotEmpty { .. } => not_empty(group, action, None),
        e => CliError::from_client(e, bootstrap),
    }
}

fn not_empty(group: &str, action: &str, members: Option<(usize, &str)>) -> CliError {
    let who = match members {
        Some((n, state)) => format!("has {n} active member(s) (state {state})"),
        None => "has active members".into(),
    };
    CliError::new(
        ExitStatus::Error,
        format!(
            "group {group} {who}; stop its consumers before {action}. \
             `strom group describe {group}` lists them."
        ),
    )
}

/// Where `--to-...` moves one partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResetTarget {
    Earliest,
    Latest,
    Time(i64),
    Offset(i64),
}

async fn new_offset(
    client: &Client,
    topic: &str,
    partition: i32,
    target: ResetTarget,
) -> Result<i64, ClientError> {
    let earliest = || client.list_offset(topic, partition, OffsetSpec::Earliest);
    let latest = || client.list_offset(topic, partition, OffsetSpec::Latest);
    Ok(match target {
        ResetTarget::Earliest => earliest().await?.0,
        ResetTarget::Latest => latest().await?.0,
        ResetTarget::Time(t) => {
            let (offset, _) = client
                .list_offset(topic, partition, OffsetSpec::Timestamp(t))
                .await?;
            if offset < 0 {
                latest().await?.0
            } else {
                offset
            }
        }
        ResetTarget::Offset(o) => {
            let (low, high) = (earliest().await?.0, latest().await?.0);
            o.clamp(low, high.max(low))
        }
    })
}

async fn reset_offsets(a: ResetArgs) -> CliResult {
    let target = match (&a.to_datetime, a.to_offset, a.to_earliest, a.to_latest) {
        (Some(t), _, _, _) => ResetTarget::Time(time::parse_datetime(t).map_err(|e| {
            CliError::usage(format!(
                "--to-datetime {t:?}: {e}; give e.g. 2024-05-01T12:00:00Z or ms since the epoch"
            ))
        })?),
        (None, Some(o), _, _) => ResetTarget::Offset(o),
        (None, None, true, _) => ResetTarget::Earliest,
        _ => ResetTarget::Latest,
    };
    let bootstrap = &a.connect.bootstrap;
    let client = connect(&a.connect).await?;
    let fail = |e| CliError::from_client(e, bootstrap);
    let info = client.topic(&a.topic).await.map_err(fail)?;
    let partitions: Vec<i32> = match a.partition {
        Some(p) if info.partitions.iter().any(|i| i.partition == p) => vec![p],
        Some(partition) => {
            return Err(fail(ClientError::UnknownPartition {
                topic: a.topic.clone(),
                partition,
            }));
        }
        None => {
            let mut all: Vec<i32> = info.partitions.iter().map(|p| p.partition).collect();
            all.sort();
            all
        }
    };
    // A group nobody has used yet can be given offsets before its first consumer starts.
    match client.describe_group(&a.group).await {
        Ok(d) if !d.members.is_empty() || d.state != "Empty" => {
            let action = "resetting its offsets";
            return Err(not_empty(
                &a.group,
                action,
                Some((d.members.len(), &d.state)),
            ));
        }
        Ok(_) | Err(ClientError::UnknownGroup { .. }) => {}
        Err(e) => return Err(fail(e)),
    }
    let wanted = [(a.topic.clone(), partitions.clone())];
    let current = client
        .fetch_group_offsets(&a.group, Some(&wanted))
        .await
        .map_err(fail)?;
    let mut plan = Vec::with_capacity(partitions.len());
    for p in partitions {
        let new = new_offset(&client, &a.topic, p, target)
            .await
            .map_err(fail)?;
        plan.push((p, current.get(&(a.topic.clone(), p)).copied(), new));
    }
    if !a.dry_run {
        let offsets: Vec<(String, i32, i64)> = plan
            .iter()
            .map(|(p, _, new)| (a.topic.clone(), *p, *new))
            .collect();
        client
            .commit_group_offsets(&a.group, &offsets)
            .await
            .map_err(|e| group_refusal(e, &a.group, "resetting its offsets", bootstrap))?;
    }
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "group": a.group,
            "dry_run": a.dry_run,
            "partitions": plan.iter().map(|(p, current, new)| json!({
                "topic": a.topic, "partition": p, "current": current, "new": new,
            })).collect::<Vec<_>>(),
        })),
        Output::Table => {
            let rows: Vec<Vec<String>> = plan
                .iter()
                .map(|(p, current, new)| {
                    vec![
                        a.topic.clone(),
                        p.to_string(),
                        or_dash(*current),
                        new.to_string(),
                    ]
                })
                .collect();
            let mut text = table::render(&["TOPIC", "PARTITION", "CURRENT", "NEW"], &rows);
            text.push_str(if a.dry_run {
                "\ndry run: nothing changed (drop --dry-run to apply)\n"
            } else {
                "\noffsets reset\n"
            });
            emit(&text)
        }
    }
}

/// `strom offsets TOPIC --group GROUP`: the group's committed offset and lag per partition.
pub async fn group_offsets(
    client: &Client,
    group: &str,
    topic: &str,
    bootstrap: &str,
) -> Result<GroupOffsets, CliError> {
    let fail = |e| CliError::from_client(e, bootstrap);
    client.describe_group(group).await.map_err(fail)?;
    let info = client.topic(topic).await.map_err(fail)?;
    let partitions: Vec<i32> = info.partitions.iter().map(|p| p.partition).collect();
    client
        .fetch_group_offsets(group, Some(&[(topic.to_string(), partitions)]))
        .await
        .map_err(fail)
}
