//! The harness of the CLI tests: a real `strom server` child process on an ephemeral port,
//! and `strom` client commands run against it.

#![allow(dead_code)] // each test binary uses a different part

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const STROM: &str = env!("CARGO_BIN_EXE_strom");

/// A `strom server` child on an ephemeral port, killed on drop.
pub struct Broker {
    child: Child,
    pub addr: String,
    /// The data directory, when the harness made it.
    _dir: Option<tempfile::TempDir>,
}

impl Broker {
    /// A broker process started by the test itself, serving at `addr`.
    pub fn from_child(child: Child, addr: String) -> Broker {
        Broker {
            child,
            addr,
            _dir: None,
        }
    }

    /// Kills the process with SIGKILL (no shutdown, no flush) and waits for it to go.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts a broker. Groups rebalance without the initial delay, so joins are immediate.
pub fn start_broker() -> Broker {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut broker = start_broker_in(dir.path(), &[]);
    broker._dir = Some(dir);
    broker
}

/// Starts a broker on `dir` with `extra` server flags.
pub fn start_broker_in(dir: &std::path::Path, extra: &[&str]) -> Broker {
    let mut child = Command::new(STROM)
        .args(["server", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir)
        .args(extra)
        .env("STROM_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start strom server");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    let addr = loop {
        assert!(
            Instant::now() < deadline,
            "strom did not report its address"
        );
        let line = lines.next().expect("strom exited").expect("read stdout");
        if let Some(addr) = line.strip_prefix("strom listening on ") {
            break addr.trim().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Broker {
        child,
        addr,
        _dir: None,
    }
}

/// Runs `strom ARGS` against the broker, feeding `input` to standard input.
pub fn strom(broker: &Broker, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(STROM)
        .args(args)
        .env("STROM_BOOTSTRAP", &broker.addr)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run strom");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("strom output")
}

pub fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "strom failed ({:?}): {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("utf-8 output")
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(output)).expect("valid JSON")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
