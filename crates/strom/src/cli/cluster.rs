//! `strom cluster up`: a local development cluster in one command. It runs N child
//! `strom server` processes of this same binary on one host, each a combined node (broker and
//! controller, a voter of the metadata quorum), waits until every one serves, prints the
//! bootstrap list, and stops them all when it gets SIGINT (Ctrl-C) or SIGTERM.
//!
//! Layout, for `--nodes N --base-port B --data-dir DIR`: node `i` (1..=N) listens for clients
//! on `B+i-1` and for its quorum peers on `B+100+i-1`, keeps its data in `DIR/node-i` and its
//! output (standard error and standard output) in `DIR/node-i.log`. Every node gets the same
//! `--voters` list and the same `--cluster-id`: a fresh one on the first start, the one in the
//! nodes' `meta.properties` afterwards, so `cluster up` on the same directory brings the same
//! cluster back.
//!
//! This is a convenience for development and tests, not a supervisor: a node that exits is
//! reported, not restarted. The nodes stay in this process's group, so Ctrl-C in a terminal
//! reaches them too; if `cluster up` itself is SIGKILLed, its nodes keep running and must be
//! stopped by hand (each start's first log line gives the node's pid).

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus as ProcessStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;
use tokio::signal::unix::{SignalKind, signal};

use super::{CliError, CliResult, ExitStatus};

/// The most nodes `cluster up` starts: a quorum of more voters than this is slower, not safer,
/// and one host would not hold it well.
pub const NODES_MAX: u32 = 9;

/// Controller (Raft) ports sit this far above the client ports.
pub const CONTROLLER_PORT_OFFSET: u16 = 100;

/// How many lines of a node's log an error shows.
const LOG_TAIL_LINES: usize = 20;

/// How long a node's log may be for the tail read (the end of it).
const LOG_TAIL_BYTES: u64 = 16 * 1024;

/// How often the running cluster checks its nodes.
const WATCH_INTERVAL: Duration = Duration::from_millis(200);

pub const EXAMPLES: &str = "Examples:
  strom cluster up --nodes 3
  strom cluster up --nodes 5 --base-port 19092 --data-dir /tmp/strom5
  strom cluster up --nodes 3 -- --config broker.toml   (flags after -- go to every server)

Node i (1..N) serves clients on BASE+i-1 and its controller (Raft) listener on BASE+100+i-1;
with the defaults: 9092, 9093, 9094 and 9192, 9193, 9194. Data in DIR/node-i, logs in
DIR/node-i.log. Ctrl-C (or SIGTERM) stops every node.";

#[derive(Args, Debug)]
pub struct UpArgs {
    /// How many nodes to run, 1 to 9; every node is a broker and a controller (a quorum voter)
    #[arg(long, default_value_t = 3)]
    pub nodes: u32,
    /// Directory holding each node's data (DIR/node-ID) and log (DIR/node-ID.log)
    #[arg(long, default_value = "strom-cluster")]
    pub data_dir: PathBuf,
    /// Client port of node 1; node i takes BASE+i-1 and its controller port BASE+100+i-1
    #[arg(long, default_value_t = 9092)]
    pub base_port: u16,
    /// Address every node binds (and advertises)
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Seconds to wait for every node to serve before giving up
    #[arg(long, default_value_t = 60)]
    pub start_timeout_secs: u64,
    /// Seconds to wait for the nodes to exit after SIGTERM before SIGKILL
    #[arg(long, default_value_t = 30)]
    pub stop_timeout_secs: u64,
    /// Extra flags for every `strom server`, after `--` (e.g. `-- --config broker.toml`)
    #[arg(last = true)]
    pub server_args: Vec<String>,
}

/// One node's place in the cluster.
#[derive(Debug, Clone)]
struct NodePlan {
    node_id: u32,
    client: String,
    controller: String,
    data_dir: PathBuf,
    log_path: PathBuf,
}

/// A running child and what the parent knows about it.
struct Node {
    plan: NodePlan,
    child: Child,
    /// The exit status, once reaped.
    exited: Option<ProcessStatus>,
}

impl Node {
    fn try_reap(&mut self) -> Option<ProcessStatus> {
        if self.exited.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.exited = Some(status);
        }
        self.exited
    }

    fn signal(&self, signal: rustix::process::Signal) {
        if self.exited.is_some() {
            return;
        }
        let pid = i32::try_from(self.child.id())
            .ok()
            .and_then(rustix::process::Pid::from_raw);
        if let Some(pid) = pid {
            // The child may have exited since the last reap: ESRCH then is expected.
            let _ = rustix::process::kill_process(pid, signal);
        }
    }
}

/// Runs the cluster until a signal stops it.
pub async fn up(args: UpArgs) -> CliResult {
    let plans = plan(&args)?;
    // Listen for signals before the first child starts, so Ctrl-C during startup stops
    // whatever has started instead of killing this process and orphaning the nodes.
    let mut interrupt = signal(SignalKind::interrupt())
        .map_err(|e| CliError::new(ExitStatus::Error, format!("cannot watch SIGINT: {e}")))?;
    let mut terminate = signal(SignalKind::terminate())
        .map_err(|e| CliError::new(ExitStatus::Error, format!("cannot watch SIGTERM: {e}")))?;
    let cluster_id = cluster_id(&plans)?;
    let voters = plans
        .iter()
        .map(|p| format!("{}@{}", p.node_id, p.controller))
        .collect::<Vec<_>>()
        .join(",");

    let (ready_tx, ready_rx) = mpsc::channel();
    let mut nodes: Vec<Node> = Vec::with_capacity(plans.len());
    for plan in &plans {
        match spawn(
            plan,
            &voters,
            &cluster_id,
            &args.server_args,
            ready_tx.clone(),
        ) {
            Ok(node) => nodes.push(node),
            Err(e) => {
                stop_all(&mut nodes, Duration::from_secs(args.stop_timeout_secs)).await;
                return Err(e);
            }
        }
    }
    drop(ready_tx);

    let deadline = Instant::now() + Duration::from_secs(args.start_timeout_secs);
    let mut serving: Vec<Option<String>> = vec![None; nodes.len()];
    while serving.iter().any(Option::is_none) {
        while let Ok((index, addr)) = ready_rx.try_recv() {
            serving[index] = Some(addr);
        }
        if let Some(error) = startup_failure(&mut nodes, &serving, deadline, &args) {
            stop_all(&mut nodes, Duration::from_secs(args.stop_timeout_secs)).await;
            return Err(error);
        }
        tokio::select! {
            biased;
            _ = interrupt.recv() => return stop_on_signal(&mut nodes, &args, "SIGINT").await,
            _ = terminate.recv() => return stop_on_signal(&mut nodes, &args, "SIGTERM").await,
            () = tokio::time::sleep(Duration::from_millis(50)) => {}
        }
    }

    print_banner(&nodes, &serving, &cluster_id);
    let mut reported = vec![false; nodes.len()];
    loop {
        tokio::select! {
            biased;
            _ = interrupt.recv() => return stop_on_signal(&mut nodes, &args, "SIGINT").await,
            _ = terminate.recv() => return stop_on_signal(&mut nodes, &args, "SIGTERM").await,
            () = tokio::time::sleep(WATCH_INTERVAL) => {}
        }
        for (node, reported) in nodes.iter_mut().zip(reported.iter_mut()) {
            if let Some(status) = node.try_reap()
                && !*reported
            {
                *reported = true;
                eprintln!(
                    "strom cluster: node {} exited ({status}); its log is {}",
                    node.plan.node_id,
                    node.plan.log_path.display()
                );
            }
        }
        if reported.iter().all(|r| *r) {
            return Err(CliError::new(
                ExitStatus::Error,
                "every node has exited; the cluster is down",
            ));
        }
    }
}

/// Checks the arguments and lays out ports and directories.
fn plan(args: &UpArgs) -> Result<Vec<NodePlan>, CliError> {
    if !(1..=NODES_MAX).contains(&args.nodes) {
        return Err(CliError::usage(format!(
            "--nodes {} is out of range: a dev cluster has 1 to {NODES_MAX} nodes",
            args.nodes
        )));
    }
    let nodes = u16::try_from(args.nodes).expect("at most NODES_MAX, checked above");
    let highest =
        u32::from(args.base_port) + u32::from(CONTROLLER_PORT_OFFSET) + u32::from(nodes) - 1;
    if args.base_port == 0 || highest > u32::from(u16::MAX) {
        return Err(CliError::usage(format!(
            "--base-port {} does not leave room for {} client ports and {} controller ports \
             (up to {highest}); choose a port from 1 to {}",
            args.base_port,
            nodes,
            nodes,
            u32::from(u16::MAX) - u32::from(CONTROLLER_PORT_OFFSET) - u32::from(nodes) + 1
        )));
    }
    let host = if args.host.contains(':') && !args.host.starts_with('[') {
        format!("[{}]", args.host)
    } else {
        args.host.clone()
    };
    Ok((1..=nodes)
        .map(|id| {
            let client_port = args.base_port + id - 1;
            let controller_port = client_port + CONTROLLER_PORT_OFFSET;
            NodePlan {
                node_id: u32::from(id),
                client: format!("{host}:{client_port}"),
                controller: format!("{host}:{controller_port}"),
                data_dir: args.data_dir.join(format!("node-{id}")),
                log_path: args.data_dir.join(format!("node-{id}.log")),
            }
        })
        .collect())
}

/// The cluster id every node is started with: the one the nodes' directories already hold
/// (they must agree), or a fresh one when none has started yet.
fn cluster_id(plans: &[NodePlan]) -> Result<String, CliError> {
    use strom_broker::meta_properties::{fresh_cluster_id, read_meta_properties};
    let mut found: Option<(String, PathBuf)> = None;
    for plan in plans {
        let path = plan.data_dir.join("meta.properties");
        let props = read_meta_properties(&path)
            .map_err(|e| CliError::new(ExitStatus::Error, e.to_string()))?;
        let Some(props) = props else { continue };
        match &found {
            None => found = Some((props.cluster_id, path)),
            Some((id, first)) if *id != props.cluster_id => {
                return Err(CliError::new(
                    ExitStatus::Error,
                    format!(
                        "{} says cluster.id {id} but {} says {}: these directories hold two \
                         different clusters; use another --data-dir or remove the stale one",
                        first.display(),
                        path.display(),
                        props.cluster_id
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(found.map_or_else(fresh_cluster_id, |(id, _)| id))
}

/// Starts one node; a thread copies its standard output into its log and reports the address
/// from its `strom listening on` line.
fn spawn(
    plan: &NodePlan,
    voters: &str,
    cluster_id: &str,
    server_args: &[String],
    ready: mpsc::Sender<(usize, String)>,
) -> Result<Node, CliError> {
    let io_error = |what: &str, path: &Path, e: std::io::Error| {
        CliError::new(
            ExitStatus::Error,
            format!(
                "node {}: cannot {what} {}: {e}",
                plan.node_id,
                path.display()
            ),
        )
    };
    std::fs::create_dir_all(&plan.data_dir).map_err(|e| io_error("create", &plan.data_dir, e))?;
    let log = File::options()
        .create(true)
        .append(true)
        .open(&plan.log_path)
        .map_err(|e| io_error("open", &plan.log_path, e))?;
    let mut stdout_log = log
        .try_clone()
        .map_err(|e| io_error("open", &plan.log_path, e))?;
    let exe = std::env::current_exe().map_err(|e| {
        CliError::new(
            ExitStatus::Error,
            format!("cannot find this program to run its servers: {e}"),
        )
    })?;
    let mut child = Command::new(exe)
        .arg("server")
        .arg("--node-id")
        .arg(plan.node_id.to_string())
        .arg("--listen")
        .arg(&plan.client)
        .arg("--controller-listen")
        .arg(&plan.controller)
        .arg("--voters")
        .arg(voters)
        // One argument: a cluster id may start with '-' (URL-safe base64), which as a
        // separate argument the server's parser would take for a flag.
        .arg(format!("--cluster-id={cluster_id}"))
        .arg("--data-dir")
        .arg(&plan.data_dir)
        .args(server_args)
        // The nodes log to files: no terminal colour codes in them.
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .map_err(|e| {
            CliError::new(
                ExitStatus::Error,
                format!("cannot start node {}: {e}", plan.node_id),
            )
        })?;
    let _ = writeln!(
        stdout_log,
        "---- strom cluster up: node {} started as pid {} (client {}, controller {})",
        plan.node_id,
        child.id(),
        plan.client,
        plan.controller
    );
    let stdout = child.stdout.take().expect("stdout was piped");
    let index = plan.node_id as usize - 1;
    std::thread::spawn(move || {
        let mut told = false;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = writeln!(stdout_log, "{line}");
            if !told && let Some(addr) = line.strip_prefix("strom listening on ") {
                told = true;
                let _ = ready.send((index, addr.trim().to_string()));
            }
        }
    });
    Ok(Node {
        plan: plan.clone(),
        child,
        exited: None,
    })
}

/// An error when a node has exited before serving or the start deadline has passed.
fn startup_failure(
    nodes: &mut [Node],
    serving: &[Option<String>],
    deadline: Instant,
    args: &UpArgs,
) -> Option<CliError> {
    for (node, serving) in nodes.iter_mut().zip(serving) {
        if serving.is_none()
            && let Some(status) = node.try_reap()
        {
            return Some(CliError::new(
                ExitStatus::Error,
                format!(
                    "node {} exited ({status}) before it was serving; the end of its log ({}):\n{}",
                    node.plan.node_id,
                    node.plan.log_path.display(),
                    log_tail(&node.plan.log_path)
                ),
            ));
        }
    }
    if Instant::now() < deadline {
        return None;
    }
    let waiting: Vec<&Node> = nodes
        .iter()
        .zip(serving)
        .filter(|(_, s)| s.is_none())
        .map(|(n, _)| n)
        .collect();
    let mut message = format!(
        "{} of {} nodes did not start serving within {} s (--start-timeout-secs)",
        waiting.len(),
        nodes.len(),
        args.start_timeout_secs
    );
    for node in waiting {
        message.push_str(&format!(
            "\nnode {} (client {}, controller {}); the end of its log ({}):\n{}",
            node.plan.node_id,
            node.plan.client,
            node.plan.controller,
            node.plan.log_path.display(),
            log_tail(&node.plan.log_path)
        ));
    }
    Some(CliError::new(ExitStatus::Error, message))
}

fn print_banner(nodes: &[Node], serving: &[Option<String>], cluster_id: &str) {
    let mut text = format!(
        "strom cluster: {} node{} serving, cluster.id {cluster_id}\n",
        nodes.len(),
        if nodes.len() == 1 { "" } else { "s" }
    );
    for (node, addr) in nodes.iter().zip(serving) {
        let p = &node.plan;
        text.push_str(&format!(
            "  node {}  client {}  controller {}  data {}  log {}\n",
            p.node_id,
            addr.as_deref().unwrap_or(&p.client),
            p.controller,
            p.data_dir.display(),
            p.log_path.display()
        ));
    }
    let bootstrap: Vec<&str> = serving.iter().flatten().map(String::as_str).collect();
    text.push_str(&format!("bootstrap servers: {}\n", bootstrap.join(",")));
    text.push_str("Ctrl-C stops every node.\n");
    // The banner is what a script waits for; a closed pipe must not stop the cluster.
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Stops every node after a signal; succeeds when each one exited cleanly on SIGTERM.
async fn stop_on_signal(nodes: &mut [Node], args: &UpArgs, name: &str) -> CliResult {
    let plural = if nodes.len() == 1 { "" } else { "s" };
    eprintln!(
        "strom cluster: {name}, stopping {} node{plural}",
        nodes.len()
    );
    let unclean = stop_all(nodes, Duration::from_secs(args.stop_timeout_secs)).await;
    if unclean.is_empty() {
        eprintln!("strom cluster: stopped");
        Ok(())
    } else {
        Err(CliError::new(
            ExitStatus::Error,
            format!("not every node stopped cleanly: {}", unclean.join("; ")),
        ))
    }
}

/// Sends SIGTERM to every running node, waits up to `timeout` for all to exit, then
/// SIGKILLs the rest. Returns a description of each node that did not exit cleanly.
async fn stop_all(nodes: &mut [Node], timeout: Duration) -> Vec<String> {
    let already: Vec<bool> = nodes.iter_mut().map(|n| n.try_reap().is_some()).collect();
    for node in nodes.iter() {
        node.signal(rustix::process::Signal::TERM);
    }
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline && nodes.iter_mut().any(|n| n.try_reap().is_none()) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut unclean = Vec::new();
    for (node, already) in nodes.iter_mut().zip(already) {
        if node.try_reap().is_none() {
            node.signal(rustix::process::Signal::KILL);
            node.exited = node.child.wait().ok();
            unclean.push(format!(
                "node {} did not exit within {} s of SIGTERM and was killed (log {})",
                node.plan.node_id,
                timeout.as_secs(),
                node.plan.log_path.display()
            ));
        } else if let Some(status) = node.exited
            && !already
            && !status.success()
        {
            unclean.push(format!(
                "node {} exited ({status}) (log {})",
                node.plan.node_id,
                node.plan.log_path.display()
            ));
        }
    }
    unclean
}

/// The last lines of a log file, for an error message.
fn log_tail(path: &Path) -> String {
    let Ok(mut file) = File::open(path) else {
        return "  (no log)".into();
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let _ = file.seek(SeekFrom::Start(len.saturating_sub(LOG_TAIL_BYTES)));
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(LOG_TAIL_LINES);
    if lines.is_empty() {
        return "  (empty)".into();
    }
    lines[start..]
        .iter()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(nodes: u32, base_port: u16) -> UpArgs {
        UpArgs {
            nodes,
            data_dir: PathBuf::from("d"),
            base_port,
            host: "127.0.0.1".into(),
            start_timeout_secs: 1,
            stop_timeout_secs: 1,
            server_args: Vec::new(),
        }
    }

    #[test]
    fn plan_lays_out_client_and_controller_ports_and_directories() {
        // Node i takes BASE+i-1 for clients, BASE+100+i-1 for its controller, DIR/node-i.
        let plans = plan(&args(3, 9092)).unwrap();
        let got: Vec<(u32, &str, &str)> = plans
            .iter()
            .map(|p| (p.node_id, p.client.as_str(), p.controller.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "127.0.0.1:9092", "127.0.0.1:9192"),
                (2, "127.0.0.1:9093", "127.0.0.1:9193"),
                (3, "127.0.0.1:9094", "127.0.0.1:9194"),
            ]
        );
        assert_eq!(plans[2].data_dir, Path::new("d/node-3"));
        assert_eq!(plans[2].log_path, Path::new("d/node-3.log"));
    }

    #[test]
    fn plan_refuses_node_counts_and_ports_out_of_range() {
        // 0 and 10 nodes, port 0 and ports that would run past 65535 are usage errors.
        for (nodes, port) in [(0, 9092), (NODES_MAX + 1, 9092), (3, 0), (3, 65_434)] {
            let e = plan(&args(nodes, port)).unwrap_err();
            assert_eq!(e.status, ExitStatus::Usage, "{nodes} {port}: {}", e.message);
        }
        assert!(plan(&args(3, 65_433)).is_ok());
    }

    #[test]
    fn cluster_id_is_the_directories_one_and_they_must_agree() {
        // A fresh directory gets a fresh id; an existing node's meta.properties decides it;
        // two nodes that disagree are refused, naming both files.
        let dir = tempfile::tempdir().unwrap();
        let mut a = args(2, 9092);
        a.data_dir = dir.path().to_path_buf();
        let plans = plan(&a).unwrap();
        assert_eq!(cluster_id(&plans).unwrap().len(), 22);
        let write = |node: &str, id: &str| {
            let d = dir.path().join(node);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(
                d.join("meta.properties"),
                format!("version=1\ncluster.id={id}\nnode.id=1\n"),
            )
            .unwrap();
        };
        write("node-2", "MkU3OEVBNTcwNTJENDM2Qg");
        assert_eq!(cluster_id(&plans).unwrap(), "MkU3OEVBNTcwNTJENDM2Qg");
        write("node-1", "QUJDREVGR0hJSktMTU5PUA");
        let e = cluster_id(&plans).unwrap_err();
        assert!(
            e.message.contains("two different clusters"),
            "{}",
            e.message
        );
    }
}
