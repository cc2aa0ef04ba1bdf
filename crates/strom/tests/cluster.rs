//! Three `strom server` processes on loopback form one cluster: every node lists every
//! broker and the active controller, a topic created through one node is placed over all
//! three and visible on all, records go to each partition's leader and come back, and when
//! the active controller is killed another takes over: metadata changes through a survivor
//! succeed again, nothing committed is lost, and the killed node rejoins on restart.
//!
//! Bounded in time: every wait has a deadline, and the nodes are killed when the test ends.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Broker, json, ok, strom};

const STROM: &str = env!("CARGO_BIN_EXE_strom");
const NODES: usize = 3;
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A free loopback port (bound, read, released).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// The cluster's fixed layout: node ids 1..=3, their controller ports and data dirs.
struct Layout {
    voters: String,
    controller_ports: Vec<u16>,
    client_ports: Vec<u16>,
    dirs: Vec<PathBuf>,
    _root: tempfile::TempDir,
}

impl Layout {
    fn new() -> Layout {
        let root = tempfile::tempdir().expect("temp dir");
        let controller_ports: Vec<u16> = (0..NODES).map(|_| free_port()).collect();
        let client_ports: Vec<u16> = (0..NODES).map(|_| free_port()).collect();
        let voters = controller_ports
            .iter()
            .enumerate()
            .map(|(i, port)| format!("{}@127.0.0.1:{port}", i + 1))
            .collect::<Vec<_>>()
            .join(",");
        let dirs = (1..=NODES)
            .map(|id| root.path().join(format!("node-{id}")))
            .collect();
        Layout {
            voters,
            controller_ports,
            client_ports,
            dirs,
            _root: root,
        }
    }

    /// Starts node `id` without waiting for it to serve (a node serves only once a
    /// majority is up).
    fn spawn(&self, id: usize) -> Child {
        let i = id - 1;
        Command::new(STROM)
            .arg("server")
            .args(["--node-id", &id.to_string()])
            .args(["--listen", &format!("127.0.0.1:{}", self.client_ports[i])])
            .args([
                "--controller-listen",
                &format!("127.0.0.1:{}", self.controller_ports[i]),
            ])
            .args(["--voters", &self.voters])
            .arg("--data-dir")
            .arg(&self.dirs[i])
            .env("STROM_BROKER_SESSION_TIMEOUT_MS", "3000")
            .env("STROM_BROKER_HEARTBEAT_INTERVAL_MS", "300")
            .env("STROM_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start strom server")
    }
}

/// Waits for a spawned node's "listening" line.
fn serving(mut child: Child) -> Broker {
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        for line in lines.by_ref() {
            let Ok(line) = line else { return };
            if let Some(addr) = line.strip_prefix("strom listening on ") {
                let _ = tx.send(addr.trim().to_string());
                break;
            }
        }
        for _ in lines {}
    });
    let addr = rx
        .recv_timeout(START_TIMEOUT)
        .expect("the node serves within the start timeout");
    Broker::from_child(child, addr)
}

fn start_all(layout: &Layout) -> Vec<Broker> {
    let children: Vec<Child> = (1..=NODES).map(|id| layout.spawn(id)).collect();
    children.into_iter().map(serving).collect()
}

/// `strom cluster info` through `broker`, as JSON.
fn cluster_info(broker: &Broker) -> serde_json::Value {
    json(&strom(broker, &["cluster", "info", "--output", "json"], ""))
}

fn broker_ids(info: &serde_json::Value) -> Vec<i64> {
    let mut ids: Vec<i64> = info["brokers"]
        .as_array()
        .expect("brokers")
        .iter()
        .filter_map(|b| b["id"].as_i64().or_else(|| b["node_id"].as_i64()))
        .collect();
    ids.sort();
    ids
}

/// Polls `f` until it holds or `within` passes.
fn eventually(within: Duration, what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + within;
    while !f() {
        assert!(
            Instant::now() < deadline,
            "{what} did not happen within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn topic_names(broker: &Broker) -> Vec<String> {
    let list = json(&strom(broker, &["topic", "list", "--output", "json"], ""));
    list.as_array()
        .expect("array")
        .iter()
        .filter_map(|t| t["name"].as_str().map(str::to_string))
        .collect()
}

fn leaders(broker: &Broker, topic: &str) -> Vec<i64> {
    let described = json(&strom(
        broker,
        &["topic", "describe", topic, "--output", "json"],
        "",
    ));
    described["partitions"]
        .as_array()
        .expect("partitions")
        .iter()
        .map(|p| p["leader"].as_i64().expect("leader"))
        .collect()
}

/// The active controller: the metadata quorum's leader.
fn controller_of(info: &serde_json::Value) -> i64 {
    info["quorum_leader"].as_i64().expect("a quorum leader")
}

#[test]
fn three_nodes_form_a_cluster_and_survive_losing_the_controller() {
    let layout = Layout::new();
    let mut nodes = start_all(&layout);

    // Every node lists all three brokers and names one controller.
    for node in &nodes {
        eventually(Duration::from_secs(20), "all brokers listed", || {
            broker_ids(&cluster_info(node)) == vec![1, 2, 3]
        });
    }
    let controller = controller_of(&cluster_info(&nodes[0]));
    assert!((1..=3).contains(&controller), "controller {controller}");

    // A topic created through the last node is spread over all three and visible on all.
    ok(&strom(
        &nodes[2],
        &["topic", "create", "spread", "--partitions", "6"],
        "",
    ));
    for node in &nodes {
        eventually(Duration::from_secs(10), "the topic on every node", || {
            topic_names(node).contains(&"spread".to_string())
        });
    }
    let mut placed = leaders(&nodes[0], "spread");
    placed.sort();
    assert_eq!(placed, vec![1, 1, 2, 2, 3, 3]);

    // Records produced through one node reach each partition's leader and come back.
    let lines: String = (0..60).map(|i| format!("r{i}\n")).collect();
    ok(&strom(
        &nodes[1],
        &["produce", "spread", "--acks", "all"],
        &lines,
    ));
    let out = ok(&strom(
        &nodes[0],
        &["consume", "spread", "--from-beginning", "--count", "60"],
        "",
    ));
    assert_eq!(out.lines().count(), 60);

    // Kill the active controller: a survivor takes metadata changes again.
    let killed = controller as usize;
    let survivor = if killed == 1 { 1 } else { 0 };
    nodes.remove(killed - 1).kill();
    let started = Instant::now();
    eventually(
        Duration::from_secs(30),
        "a topic created after the kill",
        || {
            strom(
                &nodes[survivor],
                &["topic", "create", "after-kill", "--partitions", "2"],
                "",
            )
            .status
            .success()
                || topic_names(&nodes[survivor]).contains(&"after-kill".to_string())
        },
    );
    eprintln!(
        "metadata changes resumed {:?} after the controller was killed",
        started.elapsed()
    );
    let names = topic_names(&nodes[survivor]);
    assert!(names.contains(&"spread".to_string()), "{names:?}");
    let new_controller = controller_of(&cluster_info(&nodes[survivor]));
    assert_ne!(new_controller, controller);
    // The killed broker is fenced once its session runs out.
    eventually(Duration::from_secs(15), "the killed broker fenced", || {
        !broker_ids(&cluster_info(&nodes[survivor])).contains(&(killed as i64))
    });
    // `strom cluster status` shows the killed broker's two partitions of `spread` (one
    // replica each) offline, and no reassignment.
    let status = json(&strom(
        &nodes[survivor],
        &["cluster", "status", "--output", "json"],
        "",
    ));
    let offline: Vec<&serde_json::Value> = status["unhealthy"]
        .as_array()
        .expect("unhealthy")
        .iter()
        .filter(|u| u["topic"] == "spread")
        .collect();
    assert_eq!(offline.len(), 2, "{status}");
    assert!(
        offline
            .iter()
            .all(|u| u["state"] == "offline" && u["replicas"] == serde_json::json!([killed])),
        "{status}"
    );
    assert_eq!(status["reassignments"].as_array().map(Vec::len), Some(0));
    let table = ok(&strom(&nodes[survivor], &["cluster", "status"], ""));
    assert!(table.contains("offline"), "{table}");

    // The killed node comes back on its directory and rejoins, with what it missed.
    let back = serving(layout.spawn(killed));
    eventually(Duration::from_secs(20), "the killed node rejoined", || {
        broker_ids(&cluster_info(&back)) == vec![1, 2, 3]
    });
    assert!(topic_names(&back).contains(&"after-kill".to_string()));
    let mut placed = leaders(&back, "spread");
    placed.sort();
    assert_eq!(
        placed,
        vec![1, 1, 2, 2, 3, 3],
        "it leads its partitions again"
    );
}
