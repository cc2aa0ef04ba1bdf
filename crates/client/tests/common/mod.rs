//! The harness of the client tests: the real `strom server` binary as a child process on an
//! ephemeral port, killed on drop.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `strom server` child process on an ephemeral port, killed on drop.
pub struct Broker {
    child: Child,
    pub addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Broker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn strom_binary() -> std::path::PathBuf {
    if let Ok(path) = std::env::var("STROM_BIN") {
        return path.into();
    }
    // target/<profile>/deps/<this test> -> target/<profile>/strom
    let exe = std::env::current_exe().expect("test binary path");
    let bin = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target dir")
        .join("strom");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p strom` first or set STROM_BIN",
        bin.display()
    );
    bin
}

/// Starts `strom server` (groups rebalance without the initial delay).
pub fn start_broker() -> Broker {
    let dir = tempfile::tempdir().expect("temp dir");
    let (child, addr) = spawn_server(dir.path(), "127.0.0.1:0");
    Broker {
        child,
        addr,
        _dir: dir,
    }
}

impl Broker {
    /// Kills the server with SIGKILL and starts it again on the same data directory and
    /// address, as a crash and restart would.
    #[allow(dead_code)] // used by some of the test files that share this module
    pub fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (child, addr) = spawn_server(self._dir.path(), &self.addr);
        assert_eq!(addr, self.addr, "the restarted broker listens where it did");
        self.child = child;
    }
}

/// Spawns `strom server` and waits until it reports the address it listens on.
fn spawn_server(dir: &std::path::Path, listen: &str) -> (Child, String) {
    let mut child = Command::new(strom_binary())
        .args(["server", "--listen", listen, "--data-dir"])
        .arg(dir)
        .env("STROM_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start strom");
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
    // Keep draining stdout so the broker never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}
