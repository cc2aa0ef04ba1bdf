//! `strom`: the one binary. `strom server` runs a broker; `strom compat-table` prints the
//! supported-API table that `docs/compatibility.md` holds; the client commands (`topic`,
//! `produce`, `consume`, `bench`, ...) live in `cli/`.

use std::path::PathBuf;
use std::process::ExitCode;

mod cli;

use clap::{Parser, Subcommand};
use strom_broker::{BrokerConfig, Server};

#[derive(Parser)]
#[command(
    name = "strom",
    version,
    about = "A Kafka-compatible event streaming platform",
    after_help = cli::EXIT_CODES_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a broker (a single node unless --voters is given).
    Server(ServerArgs),
    /// Print the supported Kafka APIs as Markdown (the content of docs/compatibility.md).
    CompatTable,
    #[command(flatten)]
    Client(cli::ClientCommand),
}

#[derive(clap::Args)]
struct ServerArgs {
    /// Data directory (Kafka's `log.dirs`) [default: ./strom-data]
    #[arg(long, env = "STROM_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Address to accept connections on (Kafka's `listeners`) [default: 127.0.0.1:9092]
    #[arg(long, env = "STROM_LISTEN")]
    listen: Option<String>,
    /// Address clients are told to use (Kafka's `advertised.listeners`) [default: the bound
    /// address]
    #[arg(long, env = "STROM_ADVERTISE")]
    advertise: Option<String>,
    /// This node's id (Kafka's `node.id`) [default: 1]
    #[arg(long)]
    node_id: Option<i32>,
    /// What this node runs: broker, controller, or both (Kafka's `process.roles`); a
    /// broker-only node also needs --voters and --controller-listen
    /// [default: broker,controller]
    #[arg(long, env = "STROM_ROLES")]
    roles: Option<String>,
    /// The metadata quorum's voters (controllers), `ID@HOST:PORT,...` (Kafka's
    /// `controller.quorum.voters`), the same list on every node of a cluster
    /// [default: none, a single node with a local metadata log]
    #[arg(long)]
    voters: Option<String>,
    /// Address the controller accepts Raft connections on [default: this node's address in
    /// --voters]
    #[arg(long)]
    controller_listen: Option<String>,
    /// This broker's rack (Kafka's `broker.rack`)
    #[arg(long)]
    rack: Option<String>,
    /// The cluster this node belongs to, 22 characters of URL-safe base64 (Kafka's
    /// `cluster.id`) [default: the data directory's, or a fresh one on first start]
    #[arg(long)]
    cluster_id: Option<String>,
    /// TOML file of broker properties with Kafka's names (`num.partitions = 3`)
    #[arg(long, env = "STROM_CONFIG")]
    config: Option<PathBuf>,
}

/// Raises the soft limit on open files to the hard limit, as far as the kernel allows, and
/// says so. Each partition's segments take descriptors while in use (the log manager keeps
/// at most half the soft limit cached), and each client connection takes one: the default
/// soft limit of many systems (1,024) would cap the broker at a few hundred partitions.
fn raise_open_files_limit() {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    if limit.current.is_none() || limit.current == limit.maximum {
        tracing::info!(soft = ?limit.current, hard = ?limit.maximum, "open files limit");
        return;
    }
    let raised = Rlimit {
        current: limit.maximum,
        maximum: limit.maximum,
    };
    match setrlimit(Resource::Nofile, raised) {
        Ok(()) => tracing::info!(
            from = ?limit.current,
            to = ?limit.maximum,
            "raised the soft open files limit to the hard limit"
        ),
        Err(e) => tracing::warn!(
            soft = ?limit.current,
            hard = ?limit.maximum,
            error = %e,
            "could not raise the soft open files limit"
        ),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::CompatTable => {
            print!("{}", strom_broker::api_table::compatibility_markdown());
            ExitCode::SUCCESS
        }
        Command::Server(args) => server(args),
        Command::Client(command) => cli::run(command),
    }
}

fn server(args: ServerArgs) -> ExitCode {
    use tracing_subscriber::prelude::*;
    let levels = tracing_subscriber::EnvFilter::try_from_env("STROM_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // openraft logs every failed RPC to an unreachable peer; the quorum logs each peer's
    // state changes instead.
    let noise =
        tracing_subscriber::filter::filter_fn(|meta| !strom_broker::is_replaced_openraft_log(meta));
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(levels)
                .with_filter(noise),
        )
        .init();
    raise_open_files_limit();
    let mut flags = Vec::new();
    if let Some(dir) = &args.data_dir {
        flags.push(("log.dirs".to_string(), dir.display().to_string()));
    }
    if let Some(listen) = &args.listen {
        flags.push(("listeners".to_string(), listen.clone()));
    }
    if let Some(advertise) = &args.advertise {
        flags.push(("advertised.listeners".to_string(), advertise.clone()));
    }
    let identity = [
        ("node.id", args.node_id.map(|id| id.to_string())),
        ("process.roles", args.roles.clone()),
        ("controller.quorum.voters", args.voters.clone()),
        ("controller.listen", args.controller_listen.clone()),
        ("broker.rack", args.rack.clone()),
        ("cluster.id", args.cluster_id.clone()),
    ];
    for (name, value) in identity {
        if let Some(value) = value {
            flags.push((name.to_string(), value));
        }
    }
    // Variables that clap already consumed as flags are not broker properties.
    let flag_vars = [
        "STROM_DATA_DIR",
        "STROM_LISTEN",
        "STROM_ADVERTISE",
        "STROM_CONFIG",
        "STROM_LOG",
        "STROM_ROLES",
    ];
    let env = std::env::vars().filter(|(k, _)| !flag_vars.contains(&k.as_str()));
    let config = match BrokerConfig::load(args.config.as_deref(), env, flags) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("strom: {e}");
            return ExitCode::from(2);
        }
    };
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
    runtime.block_on(async move {
        if !config.process_roles.broker {
            return controller_only(config).await;
        }
        let server = match Server::start(config).await {
            Ok(server) => server,
            Err(e) => {
                eprintln!("strom: {e}");
                return ExitCode::FAILURE;
            }
        };
        match server.local_addr() {
            Ok(addr) => println!("strom listening on {addr}"),
            Err(e) => {
                eprintln!("strom: {e}");
                return ExitCode::FAILURE;
            }
        }
        server.run(shutdown_signal()).await;
        ExitCode::SUCCESS
    })
}

/// Runs a controller-only node (`process.roles=controller`): no client listener.
async fn controller_only(config: strom_broker::BrokerConfig) -> ExitCode {
    let node = match strom_broker::ControllerNode::start(config).await {
        Ok(node) => node,
        Err(e) => {
            eprintln!("strom: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("strom controller listening on {}", node.controller_addr());
    node.run(shutdown_signal()).await;
    ExitCode::SUCCESS
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut term) = signal(SignalKind::terminate()) else {
        let _ = tokio::signal::ctrl_c().await;
        return;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}
