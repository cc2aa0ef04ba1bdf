//! `strom cluster up` runs a local cluster of real `strom server` processes: it prints the
//! bootstrap list once every node serves, the nodes answer clients, and SIGTERM or SIGINT stops
//! every node and ends the command with success; a node that cannot start is reported with
//! the end of its log, and node counts out of range are refused.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const STROM: &str = env!("CARGO_BIN_EXE_strom");

/// Long enough for a loaded CI machine; a healthy start takes about a second.
const UP_TIMEOUT: Duration = Duration::from_secs(90);
const STOP_TIMEOUT: Duration = Duration::from_secs(45);

/// A base port whose `nodes` client ports and `nodes` controller ports (100 above) are all
/// free right now.
fn free_base_port(nodes: u16) -> u16 {
    for _ in 0..100 {
        let probe = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = probe.local_addr().expect("addr").port();
        drop(probe);
        if base.checked_add(100 + nodes).is_none() {
            continue;
        }
        let ports = (0..nodes).flat_map(|i| [base + i, base + 100 + i]);
        let held: Vec<TcpListener> = ports
            .map_while(|p| TcpListener::bind(("127.0.0.1", p)).ok())
            .collect();
        if held.len() == 2 * usize::from(nodes) {
            return base;
        }
    }
    panic!("no free range of ports for {nodes} nodes");
}

/// A running `strom cluster up`; dropping it (a failed test) sends SIGTERM, so the command
/// still stops its nodes.
struct DevCluster {
    child: Option<Child>,
    lines: mpsc::Receiver<String>,
    /// Everything the command printed so far, for failure messages.
    printed: Vec<String>,
}

impl DevCluster {
    fn start(nodes: u16, base: u16, dir: &Path, server_args: &[&str]) -> DevCluster {
        let mut child = Command::new(STROM)
            .args(["cluster", "up", "--nodes", &nodes.to_string()])
            .args(["--base-port", &base.to_string(), "--data-dir"])
            .arg(dir)
            .args(["--start-timeout-secs", "60", "--stop-timeout-secs", "30"])
            .arg("--")
            .args(server_args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run strom cluster up");
        let (tx, lines) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        for (stream, tag) in [
            (Box::new(stdout) as Box<dyn std::io::Read + Send>, ""),
            (Box::new(stderr), "stderr: "),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = tx.send(format!("{tag}{line}"));
                }
            });
        }
        DevCluster {
            child: Some(child),
            lines,
            printed: Vec::new(),
        }
    }

    /// Waits for the `bootstrap servers:` line and returns the list.
    fn bootstrap(&mut self) -> String {
        let deadline = Instant::now() + UP_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line.strip_prefix("bootstrap servers: ").map(str::to_string);
                    self.printed.push(line);
                    if let Some(list) = found {
                        return list;
                    }
                }
                Err(_) => panic!(
                    "no bootstrap line within {UP_TIMEOUT:?}; printed:\n{}",
                    self.printed.join("\n")
                ),
            }
        }
    }

    /// Sends `signal` to `cluster up` and waits (bounded) for it to exit.
    fn stop(&mut self, signal: rustix::process::Signal) -> std::process::ExitStatus {
        let mut child = self.child.take().expect("running");
        let pid = rustix::process::Pid::from_raw(child.id() as i32).expect("pid");
        rustix::process::kill_process(pid, signal).expect("signal cluster up");
        let deadline = Instant::now() + STOP_TIMEOUT;
        loop {
            if let Some(status) = child.try_wait().expect("wait") {
                self.printed.extend(self.lines.try_iter());
                return status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("cluster up did not exit within {STOP_TIMEOUT:?} of {signal:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits (bounded) for `cluster up` to exit by itself.
    fn exit(&mut self) -> std::process::ExitStatus {
        let mut child = self.child.take().expect("running");
        let deadline = Instant::now() + UP_TIMEOUT;
        loop {
            if let Some(status) = child.try_wait().expect("wait") {
                // The reader threads end with the pipes; collect what they still hold.
                std::thread::sleep(Duration::from_millis(100));
                self.printed.extend(self.lines.try_iter());
                return status;
            }
            assert!(Instant::now() < deadline, "cluster up did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for DevCluster {
    fn drop(&mut self) {
        // A failed test still stops the nodes: SIGTERM lets `cluster up` stop its children.
        if let Some(mut child) = self.child.take() {
            if let Some(pid) = rustix::process::Pid::from_raw(child.id() as i32) {
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
            }
            let deadline = Instant::now() + STOP_TIMEOUT;
            while Instant::now() < deadline && matches!(child.try_wait(), Ok(None)) {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `strom cluster info --output json` through `bootstrap`.
fn cluster_info(bootstrap: &str) -> serde_json::Value {
    let out: Output = Command::new(STROM)
        .args([
            "cluster",
            "info",
            "--output",
            "json",
            "--bootstrap",
            bootstrap,
        ])
        .output()
        .expect("run strom cluster info");
    assert!(
        out.status.success(),
        "cluster info failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn broker_ids(info: &serde_json::Value) -> Vec<i64> {
    let mut ids: Vec<i64> = info["brokers"]
        .as_array()
        .expect("brokers")
        .iter()
        .filter_map(|b| b["id"].as_i64())
        .collect();
    ids.sort_unstable();
    ids
}

/// Every client port of the cluster can be bound again: its node has exited.
fn assert_ports_released(base: u16, nodes: u16) {
    for port in base..base + nodes {
        assert!(
            TcpListener::bind(("127.0.0.1", port)).is_ok(),
            "port {port} is still held after the cluster stopped"
        );
    }
}

#[test]
fn one_node_cluster_serves_and_stops_cleanly_on_sigterm() {
    // With one node, the bootstrap list is that node's client port; it answers Metadata as
    // broker 1; SIGTERM stops the node and `cluster up` exits 0, leaving the node's data and
    // log in DIR/node-1 and DIR/node-1.log.
    let dir = tempfile::tempdir().expect("temp dir");
    let base = free_base_port(1);
    let mut cluster = DevCluster::start(1, base, dir.path(), &[]);
    let bootstrap = cluster.bootstrap();
    assert_eq!(bootstrap, format!("127.0.0.1:{base}"));
    assert_eq!(broker_ids(&cluster_info(&bootstrap)), [1]);
    let status = cluster.stop(rustix::process::Signal::TERM);
    assert!(status.success(), "{status}: {}", cluster.printed.join("\n"));
    assert!(dir.path().join("node-1").join("meta.properties").exists());
    assert!(dir.path().join("node-1.log").exists());
    assert_ports_released(base, 1);
}

#[test]
fn a_restarted_dev_cluster_keeps_its_cluster_id_and_topics() {
    // `cluster up` on the same directory again brings back the same cluster (the id in the
    // nodes' meta.properties is reused, not replaced) with the topics it had; SIGINT, as from
    // Ctrl-C, stops it as cleanly as SIGTERM.
    let dir = tempfile::tempdir().expect("temp dir");
    let base = free_base_port(1);
    let mut cluster = DevCluster::start(1, base, dir.path(), &[]);
    let bootstrap = cluster.bootstrap();
    let first_id = cluster_info(&bootstrap)["cluster_id"].clone();
    let created = Command::new(STROM)
        .args(["topic", "create", "kept", "--bootstrap", &bootstrap])
        .output()
        .expect("topic create");
    assert!(created.status.success(), "{created:?}");
    assert!(cluster.stop(rustix::process::Signal::INT).success());

    let mut cluster = DevCluster::start(1, base, dir.path(), &[]);
    let bootstrap = cluster.bootstrap();
    assert_eq!(cluster_info(&bootstrap)["cluster_id"], first_id);
    let list = Command::new(STROM)
        .args(["topic", "list", "--bootstrap", &bootstrap])
        .output()
        .expect("topic list");
    assert!(String::from_utf8_lossy(&list.stdout).contains("kept"));
    assert!(cluster.stop(rustix::process::Signal::INT).success());
}

#[test]
fn a_node_that_cannot_start_is_named_with_its_log() {
    // A server flag the node refuses makes it exit before serving: `cluster up` fails, names
    // node 1 and shows the end of its log (the server's own complaint).
    let dir = tempfile::tempdir().expect("temp dir");
    let base = free_base_port(1);
    let mut cluster = DevCluster::start(1, base, dir.path(), &["--no-such-flag"]);
    let status = cluster.exit();
    let printed = cluster.printed.join("\n");
    assert_eq!(status.code(), Some(1), "{printed}");
    assert!(
        printed.contains("node 1 exited") && printed.contains("--no-such-flag"),
        "{printed}"
    );
}

#[test]
fn node_counts_out_of_range_are_refused() {
    // 0 and 10 nodes are usage errors (exit 2) that say the allowed range.
    for nodes in ["0", "10"] {
        let out = Command::new(STROM)
            .args(["cluster", "up", "--nodes", nodes])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("1 to 9 nodes"), "{stderr}");
    }
}

#[test]
fn three_node_cluster_lists_every_broker_from_every_node_and_stops_cleanly() {
    // Three nodes form one cluster: the bootstrap list names the three client ports, each
    // node's Metadata lists brokers 1, 2 and 3 with one controller among them, and SIGTERM
    // stops all three.
    let dir = tempfile::tempdir().expect("temp dir");
    let base = free_base_port(3);
    let mut cluster = DevCluster::start(3, base, dir.path(), &[]);
    let bootstrap = cluster.bootstrap();
    let nodes: Vec<String> = (0..3).map(|i| format!("127.0.0.1:{}", base + i)).collect();
    assert_eq!(bootstrap, nodes.join(","));
    for node in &nodes {
        // Registration reaches every node's image shortly after it serves: poll, bounded.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let info = cluster_info(node);
            let controller = info["controller"].as_i64().unwrap_or(-1);
            if broker_ids(&info) == [1, 2, 3] && (1..=3).contains(&controller) {
                break;
            }
            assert!(Instant::now() < deadline, "{node} sees {info}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    let status = cluster.stop(rustix::process::Signal::TERM);
    assert!(status.success(), "{status}: {}", cluster.printed.join("\n"));
    assert_ports_released(base, 3);
}
