//! Admin commands: `strom topic ...`, `strom cluster info` and `strom offsets`. Each asks the
//! cluster once and prints what it learned; none keeps state between runs. (`strom cluster
//! up`, which runs a local cluster, lives in `cluster.rs`.)

use clap::{Args, Subcommand};
use serde_json::json;
use strom_client::{Client, NewTopic, OffsetSpec};

use super::{CliError, CliResult, ConnectArgs, ExitStatus, Output, connect, emit, emit_json};
use super::{key_value, table};

pub const EXAMPLES: &str = "Examples:
  strom topic create orders --partitions 3
  strom topic create audit --config retention.ms=86400000 --config cleanup.policy=compact
  strom topic list
  strom topic describe orders --output json
  strom topic alter-config orders --set retention.ms=3600000 --delete segment.bytes
  strom topic delete orders";

#[derive(Subcommand)]
pub enum TopicCommand {
    /// Create a topic.
    #[command(after_help = "Example:\n  strom topic create orders --partitions 3")]
    Create(CreateArgs),
    /// List every topic with its partition count.
    #[command(after_help = "Example:\n  strom topic list --output json")]
    List(ListArgs),
    /// Show a topic's partitions (leader, leader epoch, replicas, ISR, offsets, whether
    /// under-replicated or offline) and its configs.
    #[command(after_help = "Example:\n  strom topic describe orders")]
    Describe(NameArgs),
    /// Delete one or more topics and all their records.
    #[command(after_help = "Example:\n  strom topic delete orders payments")]
    Delete(DeleteArgs),
    /// Set or reset configs of a topic (Kafka's names, e.g. retention.ms).
    #[command(
        after_help = "Example:\n  strom topic alter-config orders --set retention.ms=3600000 \
                      --delete segment.bytes"
    )]
    AlterConfig(AlterArgs),
}

#[derive(Args)]
pub struct CreateArgs {
    /// Topic name
    pub name: String,
    /// Number of partitions [default: the broker's num.partitions]
    #[arg(long, short)]
    pub partitions: Option<i32>,
    /// Copies of each partition [default: the broker's default.replication.factor]
    #[arg(long)]
    pub replication_factor: Option<i16>,
    /// A topic config, KEY=VALUE (repeatable)
    #[arg(long = "config", short = 'c', value_parser = key_value)]
    pub configs: Vec<(String, String)>,
    /// Succeed without change if the topic exists already
    #[arg(long)]
    pub if_not_exists: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
pub struct ListArgs {
    /// Also list internal topics (such as __consumer_offsets)
    #[arg(long)]
    pub internal: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
pub struct NameArgs {
    /// Topic name
    pub name: String,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
pub struct DeleteArgs {
    /// Topic names
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Succeed if a topic does not exist
    #[arg(long)]
    pub if_exists: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
pub struct AlterArgs {
    /// Topic name
    pub name: String,
    /// Set a config, KEY=VALUE (repeatable)
    #[arg(long = "set", value_parser = key_value)]
    pub set: Vec<(String, String)>,
    /// Reset a config to the broker default (repeatable)
    #[arg(long = "delete")]
    pub delete: Vec<String>,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Subcommand)]
pub enum ClusterCommand {
    /// Cluster id, controller and brokers.
    Info(InfoArgs),
    /// Brokers, under-replicated and offline partitions, and reassignments in progress.
    Status(InfoArgs),
    /// Run a local development cluster of N nodes until Ctrl-C.
    #[command(after_help = super::cluster::EXAMPLES)]
    Up(super::cluster::UpArgs),
    /// Even partitions and leaders over the brokers, or drain brokers before they leave.
    #[command(after_help = super::rebalance::EXAMPLES)]
    Rebalance(super::rebalance::RebalanceArgs),
}

#[derive(Args)]
pub struct InfoArgs {
    #[command(flatten)]
    pub connect: ConnectArgs,
}

#[derive(Args)]
pub struct OffsetsArgs {
    /// Topic name
    pub topic: String,
    /// Also show this consumer group's committed offset and lag per partition
    #[arg(long)]
    pub group: Option<String>,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

pub async fn run_topic(command: TopicCommand) -> CliResult {
    match command {
        TopicCommand::Create(a) => create(a).await,
        TopicCommand::List(a) => list(a).await,
        TopicCommand::Describe(a) => describe(a).await,
        TopicCommand::Delete(a) => delete(a).await,
        TopicCommand::AlterConfig(a) => alter(a).await,
    }
}

async fn create(a: CreateArgs) -> CliResult {
    let client = connect(&a.connect).await?;
    let mut topic = NewTopic::new(&a.name, a.partitions.unwrap_or(-1));
    topic.replication_factor = a.replication_factor.unwrap_or(-1);
    topic.configs = a.configs.clone();
    let created = match client.create_topics(&[topic]).await {
        Ok(()) => true,
        Err(e) => {
            let e = CliError::from_client(e, &a.connect.bootstrap);
            if e.status == ExitStatus::AlreadyExists && a.if_not_exists {
                false
            } else if e.status == ExitStatus::AlreadyExists {
                return Err(CliError::new(
                    e.status,
                    format!(
                        "topic {} already exists (use --if-not-exists to accept that)",
                        a.name
                    ),
                ));
            } else {
                return Err(e);
            }
        }
    };
    let partitions = client
        .topic(&a.name)
        .await
        .map(|t| t.partitions.len())
        .unwrap_or(0);
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "topic": a.name, "created": created, "partitions": partitions,
        })),
        Output::Table if created => emit(&format!(
            "created topic {} with {partitions} partition(s)\n",
            a.name
        )),
        Output::Table => emit(&format!("topic {} exists already\n", a.name)),
    }
}

async fn list(a: ListArgs) -> CliResult {
    let client = connect(&a.connect).await?;
    let topics = client
        .list_topics()
        .await
        .map_err(|e| CliError::from_client(e, &a.connect.bootstrap))?;
    let topics: Vec<_> = topics
        .into_iter()
        .filter(|t| a.internal || !t.is_internal)
        .collect();
    match a.connect.output {
        Output::Json => emit_json(&json!(
            topics
                .iter()
                .map(|t| json!({
                    "name": t.name,
                    "partitions": t.partitions.len(),
                    "replication_factor": t.partitions.first().map_or(0, |p| p.replicas.len()),
                    "internal": t.is_internal,
                }))
                .collect::<Vec<_>>()
        )),
        Output::Table => {
            let rows: Vec<Vec<String>> = topics
                .iter()
                .map(|t| {
                    vec![
                        t.name.clone(),
                        t.partitions.len().to_string(),
                        t.partitions
                            .first()
                            .map_or(0, |p| p.replicas.len())
                            .to_string(),
                    ]
                })
                .collect();
            emit(&table::render(&["TOPIC", "PARTITIONS", "REPLICAS"], &rows))
        }
    }
}

/// Earliest and latest offset of every partition of a topic, in partition order.
async fn partition_offsets(
    client: &Client,
    topic: &str,
    bootstrap: &str,
) -> Result<Vec<(i32, i64, i64)>, CliError> {
    let info = client
        .topic(topic)
        .await
        .map_err(|e| CliError::from_client(e, bootstrap))?;
    let mut out = Vec::new();
    for p in &info.partitions {
        let earliest = client.list_offset(topic, p.partition, OffsetSpec::Earliest);
        let (earliest, _) = earliest
            .await
            .map_err(|e| CliError::from_client(e, bootstrap))?;
        let latest = client.list_offset(topic, p.partition, OffsetSpec::Latest);
        let (latest, _) = latest
            .await
            .map_err(|e| CliError::from_client(e, bootstrap))?;
        out.push((p.partition, earliest, latest));
    }
    out.sort();
    Ok(out)
}

async fn describe(a: NameArgs) -> CliResult {
    let bootstrap = &a.connect.bootstrap;
    let client = connect(&a.connect).await?;
    let info = client
        .topic(&a.name)
        .await
        .map_err(|e| CliError::from_client(e, bootstrap))?;
    let offsets = partition_offsets(&client, &a.name, bootstrap).await?;
    let configs = client
        .describe_configs(Some(&a.name), -1)
        .await
        .map_err(|e| CliError::from_client(e, bootstrap))?;
    let mut partitions = info.partitions.clone();
    partitions.sort_by_key(|p| p.partition);
    let offset_of = |p: i32| {
        offsets
            .iter()
            .find(|o| o.0 == p)
            .map_or((-1, -1), |o| (o.1, o.2))
    };
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "name": info.name,
            "topic_id": format!("{:032x}", info.topic_id.as_u128()),
            "internal": info.is_internal,
            "partitions": partitions.iter().map(|p| {
                let (earliest, latest) = offset_of(p.partition);
                json!({
                    "partition": p.partition, "leader": p.leader,
                    "leader_epoch": p.leader_epoch, "replicas": p.replicas,
                    "isr": p.isr, "earliest": earliest, "latest": latest,
                    "under_replicated": p.isr.len() < p.replicas.len(),
                    "offline": p.leader < 0,
                })
            }).collect::<Vec<_>>(),
            "configs": configs.iter().map(|c| json!({
                "name": c.name, "value": c.value, "default": c.is_default,
                "read_only": c.read_only,
            })).collect::<Vec<_>>(),
        })),
        Output::Table => {
            let ids = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
            let rows: Vec<Vec<String>> = partitions
                .iter()
                .map(|p| {
                    let (earliest, latest) = offset_of(p.partition);
                    vec![
                        p.partition.to_string(),
                        p.leader.to_string(),
                        p.leader_epoch.to_string(),
                        ids(&p.replicas),
                        ids(&p.isr),
                        earliest.to_string(),
                        latest.to_string(),
                        partition_state(p).to_string(),
                    ]
                })
                .collect();
            let mut text = format!(
                "topic {} (id {:032x})\n\n",
                info.name,
                info.topic_id.as_u128()
            );
            let header = [
                "PARTITION",
                "LEADER",
                "EPOCH",
                "REPLICAS",
                "ISR",
                "EARLIEST",
                "LATEST",
                "STATE",
            ];
            text.push_str(&table::render(&header, &rows));
            let set: Vec<Vec<String>> = configs
                .iter()
                .filter(|c| !c.is_default)
                .map(|c| vec![c.name.clone(), c.value.clone().unwrap_or_default()])
                .collect();
            if set.is_empty() {
                text.push_str("\nconfigs: all defaults\n");
            } else {
                text.push('\n');
                text.push_str(&table::render(&["CONFIG", "VALUE"], &set));
            }
            emit(&text)
        }
    }
}

async fn delete(a: DeleteArgs) -> CliResult {
    let bootstrap = &a.connect.bootstrap;
    let client = connect(&a.connect).await?;
    let mut deleted = Vec::new();
    for name in &a.names {
        match client.delete_topics(std::slice::from_ref(name)).await {
            Ok(()) => deleted.push(name.clone()),
            Err(e) => {
                let e = CliError::from_client(e, bootstrap);
                if !(e.status == ExitStatus::NotFound && a.if_exists) {
                    return Err(e);
                }
            }
        }
    }
    match a.connect.output {
        Output::Json => emit_json(&json!({ "deleted": deleted })),
        Output::Table => emit(
            &deleted
                .iter()
                .map(|n| format!("deleted topic {n}\n"))
                .collect::<String>(),
        ),
    }
}

async fn alter(a: AlterArgs) -> CliResult {
    if a.set.is_empty() && a.delete.is_empty() {
        return Err(CliError::usage(
            "nothing to change: give --set KEY=VALUE or --delete KEY",
        ));
    }
    let bootstrap = &a.connect.bootstrap;
    let client = connect(&a.connect).await?;
    // Asking for the topic first turns "unknown topic" into a clear not-found error.
    client
        .topic(&a.name)
        .await
        .map_err(|e| CliError::from_client(e, bootstrap))?;
    let mut changes: Vec<(String, Option<String>)> = a
        .set
        .iter()
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    changes.extend(a.delete.iter().map(|k| (k.clone(), None)));
    client
        .alter_topic_configs(&a.name, &changes)
        .await
        .map_err(|e| CliError::from_client(e, bootstrap))?;
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "topic": a.name,
            "set": a.set.iter().map(|(k, v)| json!({"name": k, "value": v})).collect::<Vec<_>>(),
            "deleted": a.delete,
        })),
        Output::Table => emit(&format!(
            "updated {} config(s) of topic {}\n",
            changes.len(),
            a.name
        )),
    }
}

pub async fn run_cluster(command: ClusterCommand) -> CliResult {
    let a = match command {
        ClusterCommand::Info(a) => a,
        ClusterCommand::Up(a) => return super::cluster::up(a).await,
        ClusterCommand::Rebalance(a) => return super::rebalance::rebalance(a).await,
        ClusterCommand::Status(a) => return super::cluster_status::status(a).await,
    };
    let client = connect(&a.connect).await?;
    let brokers = client.brokers();
    let cluster_id = client.cluster_id().unwrap_or_default();
    let controller = client.controller_id();
    let quorum_leader = quorum_leader(&client).await;
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "cluster_id": cluster_id,
            "controller": controller,
            "quorum_leader": quorum_leader,
            "brokers": brokers.iter().map(|(id, addr)| json!({"id": id, "address": addr}))
                .collect::<Vec<_>>(),
        })),
        Output::Table => {
            let mut text = format!("cluster {cluster_id}\n\n");
            text.push_str(&brokers_table(&brokers, quorum_leader));
            emit(&text)
        }
    }
}

pub async fn run_offsets(a: OffsetsArgs) -> CliResult {
    let client = connect(&a.connect).await?;
    let bootstrap = &a.connect.bootstrap;
    let offsets = partition_offsets(&client, &a.topic, bootstrap).await?;
    let committed = match &a.group {
        Some(group) => {
            Some(super::group::group_offsets(&client, group, &a.topic, bootstrap).await?)
        }
        None => None,
    };
    let committed_of = |p: i32| {
        committed
            .as_ref()
            .and_then(|c| c.get(&(a.topic.clone(), p)).copied())
    };
    let lag_of = |p: i32, latest: i64| committed_of(p).map(|c| (latest - c).max(0));
    match a.connect.output {
        Output::Json => emit_json(&json!(
            offsets
                .iter()
                .map(|(p, e, l)| {
                    let mut v = json!({
                        "topic": a.topic, "partition": p, "earliest": e, "latest": l,
                        "records": l - e,
                    });
                    if let Some(group) = &a.group {
                        v["group"] = json!(group);
                        v["committed"] = json!(committed_of(*p));
                        v["lag"] = json!(lag_of(*p, *l));
                    }
                    v
                })
                .collect::<Vec<_>>()
        )),
        Output::Table => {
            let dash = |v: Option<i64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
            let rows: Vec<Vec<String>> = offsets
                .iter()
                .map(|(p, e, l)| {
                    let mut row = vec![
                        p.to_string(),
                        e.to_string(),
                        l.to_string(),
                        (l - e).to_string(),
                    ];
                    if a.group.is_some() {
                        row.push(dash(committed_of(*p)));
                        row.push(dash(lag_of(*p, *l)));
                    }
                    row
                })
                .collect();
            let mut header = vec!["PARTITION", "EARLIEST", "LATEST", "RECORDS"];
            if a.group.is_some() {
                header.extend(["COMMITTED", "LAG"]);
            }
            emit(&table::render(&header, &rows))
        }
    }
}

/// The metadata quorum's leader (the active controller), from DescribeQuorum; `None` when
/// the broker does not say.
/// The brokers as a table, the active controller marked.
pub(super) fn brokers_table(brokers: &[(i32, String)], controller: Option<i32>) -> String {
    let rows: Vec<Vec<String>> = brokers
        .iter()
        .map(|(id, addr)| {
            let role = if Some(*id) == controller {
                "active controller"
            } else {
                ""
            };
            vec![id.to_string(), addr.clone(), role.to_string()]
        })
        .collect();
    table::render(&["BROKER", "ADDRESS", "ROLE"], &rows)
}

/// "offline" (no leader), "under-replicated" (fewer in sync than replicas), or "".
pub(super) fn partition_state(p: &strom_client::PartitionInfo) -> &'static str {
    if p.leader < 0 {
        "offline"
    } else if p.isr.len() < p.replicas.len() {
        "under-replicated"
    } else {
        ""
    }
}

pub(super) async fn quorum_leader(client: &strom_client::Client) -> Option<i32> {
    use strom_protocol::generated::describe_quorum_request::{PartitionData, TopicData};
    use strom_protocol::generated::{DescribeQuorumRequest, ResponseBody};
    let request = DescribeQuorumRequest {
        topics: vec![TopicData {
            topic_name: "__cluster_metadata".into(),
            partitions: vec![PartitionData::default()],
            ..TopicData::default()
        }],
        ..DescribeQuorumRequest::default()
    };
    let connection = client.any_connection().await.ok()?;
    match connection.send(request).await.ok()? {
        ResponseBody::DescribeQuorum(r) if r.error_code == 0 => {
            let p = r.topics.first()?.partitions.first()?;
            (p.error_code == 0).then_some(p.leader_id)
        }
        _ => None,
    }
}
