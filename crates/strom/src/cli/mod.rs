//! The client side of the `strom` binary: topics, cluster, consumer groups, offsets,
//! produce, consume and bench, all built on `strom-client`; and `strom cluster up`, which runs
//! a local cluster of `strom server` processes. Kept apart from `strom server` so the broker and its
//! command line evolve independently.
//!
//! Every command prints a table for people or, with `--output json`, JSON for scripts, and
//! ends with an exit code scripts can rely on (see [`ExitStatus`]). Errors say what to do
//! next, because the person reading them is usually halfway through a task.

mod admin_requests;
mod bench;
mod cluster;
mod cluster_status;
mod consume;
mod group;
mod produce;
mod rebalance;
mod rebalance_plan;
mod rebalance_throttle;
mod table;
mod time;
mod topic;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use strom_client::{Client, ClientConfig, ClientError};
use strom_protocol::ErrorCode;

/// The commands that talk to a running broker.
#[derive(Subcommand)]
pub enum ClientCommand {
    /// Create, list, describe, delete and reconfigure topics.
    #[command(subcommand, after_help = topic::EXAMPLES)]
    Topic(topic::TopicCommand),
    /// Show the cluster (its id, controller and brokers), or run a local one.
    #[command(
        subcommand,
        after_help = "Examples:\n  strom cluster info\n  strom cluster status\n  strom cluster up --nodes 3"
    )]
    Cluster(topic::ClusterCommand),
    /// List, describe and delete consumer groups, and reset their offsets.
    #[command(subcommand, after_help = group::EXAMPLES)]
    Group(group::GroupCommand),
    /// Show the earliest and latest offset of every partition of a topic, and with --group
    /// the group's committed offset and lag.
    #[command(
        after_help = "Examples:\n  strom offsets orders\n  strom offsets orders --output \
                            json\n  strom offsets orders --group billing"
    )]
    Offsets(topic::OffsetsArgs),
    /// Write records to a topic, one per line, from standard input or a file.
    #[command(after_help = produce::EXAMPLES)]
    Produce(produce::ProduceArgs),
    /// Read records from a topic and print them.
    #[command(after_help = consume::EXAMPLES)]
    Consume(consume::ConsumeArgs),
    /// Measure throughput and latency against a running broker.
    #[command(subcommand, after_help = bench::EXAMPLES)]
    Bench(bench::BenchCommand),
}

/// Options every client command takes.
#[derive(Args, Clone, Debug)]
pub struct ConnectArgs {
    /// Broker to connect to first (`host:port`, comma-separated for several)
    #[arg(long, env = "STROM_BOOTSTRAP", default_value = "localhost:9092")]
    pub bootstrap: String,
    /// `table` for people, `json` for scripts
    #[arg(long, value_enum, default_value_t = Output::Table)]
    pub output: Output,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Table,
    Json,
}

/// Exit codes, documented in `strom --help` so scripts can rely on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 1: anything else went wrong (cannot connect, broker refused, I/O).
    Error = 1,
    /// 2: the command line was wrong (clap uses 2 as well).
    Usage = 2,
    /// 3: a topic, partition or group that was named does not exist.
    NotFound = 3,
    /// 4: what was to be created already exists.
    AlreadyExists = 4,
}

pub const EXIT_CODES_HELP: &str = "Exit codes: 0 ok, 1 error (cannot connect, broker refused, \
I/O), 2 usage, 3 topic, partition or group not found, 4 already exists.";

/// An error a command ends with: what happened, what to do, and the exit code.
#[derive(Debug)]
pub struct CliError {
    pub status: ExitStatus,
    pub message: String,
}

impl CliError {
    pub fn new(status: ExitStatus, message: impl Into<String>) -> Self {
        CliError {
            status,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CliError::new(ExitStatus::Usage, message)
    }

    /// Turns a client error into advice, naming the bootstrap address where it helps.
    pub fn from_client(e: ClientError, bootstrap: &str) -> Self {
        match &e {
            ClientError::Connect { .. } | ClientError::Timeout { .. } => CliError::new(
                ExitStatus::Error,
                format!(
                    "{e}\nIs a broker running at {bootstrap}? Start one with `strom server`, \
                     or point at another with --bootstrap HOST:PORT (or STROM_BOOTSTRAP)."
                ),
            ),
            ClientError::UnknownTopic { topic } => CliError::new(
                ExitStatus::NotFound,
                format!(
                    "topic {topic} does not exist. See the topics with `strom topic list`, \
                     or create it with `strom topic create {topic}`."
                ),
            ),
            ClientError::UnknownPartition { topic, partition } => CliError::new(
                ExitStatus::NotFound,
                format!(
                    "partition {partition} of topic {topic} does not exist. See its \
                     partitions with `strom topic describe {topic}`."
                ),
            ),
            ClientError::Kafka { code, .. } if *code == ErrorCode::UnknownTopicOrPartition => {
                CliError::new(
                    ExitStatus::NotFound,
                    format!("{e}\nSee the topics with `strom topic list`."),
                )
            }
            ClientError::UnknownGroup { group } => CliError::new(
                ExitStatus::NotFound,
                format!(
                    "consumer group {group} does not exist. See the groups with `strom group list`."
                ),
            ),
            ClientError::GroupNotEmpty { group } => CliError::new(
                ExitStatus::Error,
                format!(
                    "consumer group {group} has active members; stop its consumers first. \
                     `strom group describe {group}` lists them."
                ),
            ),
            ClientError::Kafka { code, .. } if *code == ErrorCode::TopicAlreadyExists => {
                CliError::new(ExitStatus::AlreadyExists, e.to_string())
            }
            _ => CliError::new(ExitStatus::Error, e.to_string()),
        }
    }
}

pub type CliResult = Result<(), CliError>;

/// Runs a client command to completion on its own runtime and maps the outcome to an exit
/// code.
pub fn run(command: ClientCommand) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("strom: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match command {
            ClientCommand::Topic(c) => topic::run_topic(c).await,
            ClientCommand::Cluster(c) => topic::run_cluster(c).await,
            ClientCommand::Group(c) => group::run(c).await,
            ClientCommand::Offsets(a) => topic::run_offsets(a).await,
            ClientCommand::Produce(a) => produce::run(a).await,
            ClientCommand::Consume(a) => consume::run(a).await,
            ClientCommand::Bench(c) => bench::run(c).await,
        }
    });
    // Background tasks (producer senders, connections) must not keep the process alive.
    runtime.shutdown_background();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("strom: {}", e.message);
            ExitCode::from(e.status as u8)
        }
    }
}

/// Connects to the cluster, turning failure into advice.
pub async fn connect(args: &ConnectArgs) -> Result<Arc<Client>, CliError> {
    let config = ClientConfig {
        client_id: "strom-cli".into(),
        request_timeout: std::time::Duration::from_secs(10),
    };
    Client::connect(&args.bootstrap, config)
        .await
        .map(Arc::new)
        .map_err(|e| CliError::from_client(e, &args.bootstrap))
}

/// Writes text to standard output; a closed pipe (`strom ... | head`) ends quietly.
pub fn emit(text: &str) -> CliResult {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::new(
            ExitStatus::Error,
            format!("cannot write to standard output: {e}"),
        )),
    }
}

/// Prints a JSON value as one line.
pub fn emit_json(value: &serde_json::Value) -> CliResult {
    emit(&format!("{value}\n"))
}

/// Parses `key=value`.
pub fn key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("expected KEY=VALUE, got {text:?}")),
    }
}

/// `none|gzip|snappy|lz4|zstd` on the command line.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompressionArg {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

impl From<CompressionArg> for strom_client::Compression {
    fn from(c: CompressionArg) -> Self {
        use strom_client::Compression as C;
        match c {
            CompressionArg::None => C::None,
            CompressionArg::Gzip => C::Gzip,
            CompressionArg::Snappy => C::Snappy,
            CompressionArg::Lz4 => C::Lz4,
            CompressionArg::Zstd => C::Zstd,
        }
    }
}

/// `0|1|all` on the command line, as Kafka spells acks.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcksArg {
    #[value(name = "0")]
    Zero,
    #[value(name = "1")]
    One,
    #[value(name = "all", alias = "-1")]
    All,
}

impl From<AcksArg> for strom_client::Acks {
    fn from(a: AcksArg) -> Self {
        match a {
            AcksArg::Zero => strom_client::Acks::None,
            AcksArg::One => strom_client::Acks::Leader,
            AcksArg::All => strom_client::Acks::All,
        }
    }
}
