//! Thousands of partitions in one data directory under a descriptor limit far below three
//! per partition, and index files preallocated by an older version that must not be read
//! into memory. The work runs in a child process (this test binary again) whose soft
//! `RLIMIT_NOFILE` is lowered, so the limit is the kernel's, not a count kept by the code
//! under test.

mod common;

use std::process::Command;
use std::sync::Arc;

use common::*;
use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
use strom_storage::{LogManager, LogManagerConfig, Offset, SystemClock, TopicPartition};

const CHILD_DIR: &str = "STROM_SCALE_CHILD_DIR";
const PARTITIONS: i32 = 1_500;
/// The child's soft descriptor limit: a third of what three descriptors per partition need.
const NOFILE: u64 = 1_500;
/// Partitions whose index files get a preallocated tail before the last reopen.
const PREALLOCATED: i32 = 200;
const PREALLOCATED_BYTES: u64 = 1 << 20;

fn tp(p: i32) -> TopicPartition {
    TopicPartition::new("scale", p)
}

fn open_files() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Resident memory of this process, from `/proc/self/status`.
fn rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

fn open_manager(dir: &std::path::Path) -> Arc<LogManager> {
    let mut config = LogManagerConfig::new(dir.to_path_buf());
    config.default_log_config = small_config();
    config.cleaner = None;
    // The default follows the lowered limit: half of it.
    assert_eq!(config.open_files_max, (NOFILE / 2) as usize);
    LogManager::open(config, Arc::new(SystemClock)).unwrap()
}

/// The child's body; a no-op unless started by the parent with `STROM_SCALE_CHILD_DIR`.
#[test]
fn scale_child() {
    // Without the environment variable this test does nothing (it is the child's entry).
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let hard = getrlimit(Resource::Nofile).maximum;
    setrlimit(
        Resource::Nofile,
        Rlimit {
            current: Some(NOFILE),
            maximum: hard,
        },
    )
    .unwrap();
    let baseline = open_files();
    let manager = open_manager(&dir);
    for p in 0..PARTITIONS {
        let log = manager.get_or_create_log(&tp(p), None).unwrap();
        append(&log, batch(p as u64, 2, 100, 0));
        if p % 100 == 99 {
            for log in manager.logs() {
                log.flush().unwrap();
            }
        }
    }
    for log in manager.logs() {
        log.flush().unwrap();
    }
    let bound = baseline + manager.file_cache().capacity() + 16;
    assert!(
        open_files() <= bound,
        "{} open, bound {bound}",
        open_files()
    );
    for p in 0..PARTITIONS {
        let log = manager.log(&tp(p)).unwrap();
        assert_eq!(read_all(&log).len(), 1, "partition {p}");
    }
    assert!(open_files() <= bound, "{} open after reads", open_files());
    manager.shutdown().unwrap();
    drop(manager);

    // Indexes as an older version left them: preallocated with a tail of zeros.
    for p in 0..PREALLOCATED {
        let part = dir.join(tp(p).dir_name());
        for ext in [".index", ".timeindex"] {
            let path = part.join(format!("00000000000000000000{ext}"));
            let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
            f.set_len(PREALLOCATED_BYTES).unwrap();
        }
    }
    let rss = rss_bytes();
    let manager = open_manager(&dir);
    let grown = rss_bytes().saturating_sub(rss);
    assert!(
        grown < (PREALLOCATED as u64) * PREALLOCATED_BYTES / 4,
        "reopening grew RSS by {grown} bytes"
    );
    assert!(open_files() <= bound, "{} open after reopen", open_files());
    for p in 0..PARTITIONS {
        let log = manager.log(&tp(p)).unwrap();
        assert_eq!(log.log_end_offset(), Offset(2), "partition {p}");
        assert_eq!(read_all(&log).len(), 1, "partition {p}");
    }
    assert!(manager.offline_partitions().is_empty());
    manager.shutdown().unwrap();
    println!("scale child ok: {} descriptors open at most", bound);
}

#[test]
fn thousands_of_partitions_open_under_a_small_descriptor_limit() {
    // 1,500 partitions are created, written, flushed, read, closed and reopened by a process
    // allowed 1,500 descriptors (three per partition would need 4,500), and reopening after
    // index files were preallocated to 1 MiB each does not read them into memory.
    // What is measured is descriptors and memory, not durability: a tmpfs, where it exists,
    // spares the test thousands of slow fsyncs.
    let shm = std::path::Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["--exact", "scale_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("scale child ok"),
        "child failed:\n{stdout}\n{stderr}"
    );
}
