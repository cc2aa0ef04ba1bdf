//! `strom group ...`, `strom offsets --group` and `strom consume --group` work against a real
//! `strom server` process: a group that consumed a topic shows its committed offsets and lag,
//! `reset-offsets` moves them (and `--dry-run` does not), the next member of the group reads
//! from the new offsets, and resetting or deleting a group with an active member is refused
//! with advice. The broker runs with no initial rebalance delay so joins are immediate; no
//! timing is asserted.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Broker, STROM, json, ok, start_broker, stderr, strom};

/// Lines of output, sorted: records of several partitions interleave in any order.
fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.sort();
    lines
}

fn numbers(range: std::ops::RangeInclusive<u32>) -> String {
    range.map(|n| format!("{n}\n")).collect()
}

/// A topic `name` with `partitions` partitions holding the lines 1..=`records`.
fn topic_with_records(broker: &Broker, name: &str, partitions: &str, records: u32) {
    ok(&strom(
        broker,
        &["topic", "create", name, "--partitions", partitions],
        "",
    ));
    ok(&strom(broker, &["produce", name], &numbers(1..=records)));
}

fn committed(offsets: &serde_json::Value) -> Vec<serde_json::Value> {
    offsets
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["committed"].clone())
        .collect()
}

#[test]
fn reset_offsets_rewinds_a_group_that_consumed_a_topic() {
    // After a group read everything, --dry-run changes nothing and --to-earliest makes the
    // group's next member read every record again.
    let broker = start_broker();
    topic_with_records(&broker, "t", "2", 10);
    let group_read = |extra: &[&str]| {
        let mut args = vec!["consume", "t", "--group", "g"];
        args.extend_from_slice(extra);
        sorted_lines(&ok(&strom(&broker, &args, "")))
    };
    let all = sorted_lines(&numbers(1..=10));
    assert_eq!(group_read(&["--from-beginning", "--count", "10"]), all);
    assert_eq!(group_read(&["--from-beginning"]), Vec::<String>::new());

    let offsets = json(&strom(
        &broker,
        &["offsets", "t", "--group", "g", "--output", "json"],
        "",
    ));
    for p in offsets.as_array().expect("array") {
        assert_eq!(p["committed"], p["latest"], "{p}");
        assert_eq!(p["lag"], 0);
    }
    let table = ok(&strom(&broker, &["offsets", "t", "--group", "g"], ""));
    assert!(
        table.contains("COMMITTED") && table.contains("LAG"),
        "{table}"
    );

    let plan = json(&strom(
        &broker,
        &[
            "group",
            "reset-offsets",
            "g",
            "--topic",
            "t",
            "--to-earliest",
            "--dry-run",
            "--output",
            "json",
        ],
        "",
    ));
    assert_eq!(plan["dry_run"], true);
    for p in plan["partitions"].as_array().expect("partitions") {
        assert_eq!(p["new"], 0);
        assert!(p["current"].as_i64().expect("current") > 0, "{p}");
    }
    let after_dry_run = json(&strom(
        &broker,
        &["offsets", "t", "--group", "g", "--output", "json"],
        "",
    ));
    assert_eq!(committed(&after_dry_run), committed(&offsets));
    assert_eq!(group_read(&[]), Vec::<String>::new());

    let table = ok(&strom(
        &broker,
        &[
            "group",
            "reset-offsets",
            "g",
            "--topic",
            "t",
            "--to-earliest",
        ],
        "",
    ));
    assert!(
        table.contains("CURRENT") && table.contains("NEW"),
        "{table}"
    );
    assert_eq!(group_read(&[]), all);
}

#[test]
fn consume_with_a_count_commits_only_the_records_printed() {
    // Three runs of three records each continue where the previous run stopped printing.
    let broker = start_broker();
    topic_with_records(&broker, "c", "1", 10);
    let run = || {
        ok(&strom(
            &broker,
            &[
                "consume",
                "c",
                "--group",
                "counted",
                "--from-beginning",
                "-n",
                "3",
            ],
            "",
        ))
    };
    assert_eq!(run(), numbers(1..=3));
    assert_eq!(run(), numbers(4..=6));
    let out = ok(&strom(
        &broker,
        &["consume", "c", "--group", "counted", "--output", "json"],
        "",
    ));
    let offsets: Vec<i64> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["offset"].as_i64().expect("offset")
        })
        .collect();
    assert_eq!(offsets, vec![6, 7, 8, 9]);
}

#[test]
fn reset_and_delete_are_refused_while_a_member_is_active() {
    // A following consumer is listed with its partitions; reset and delete exit 1 and say to
    // stop it; once it stops (Ctrl-C) it has left and committed, and the group can be deleted.
    let broker = start_broker();
    topic_with_records(&broker, "a", "2", 4);
    let member = Command::new(STROM)
        .args([
            "consume",
            "a",
            "--group",
            "busy",
            "--follow",
            "--from-beginning",
        ])
        .env("STROM_BOOTSTRAP", &broker.addr)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start member");
    let deadline = Instant::now() + Duration::from_secs(30);
    let described = loop {
        assert!(Instant::now() < deadline, "the member never joined");
        let out = strom(
            &broker,
            &["group", "describe", "busy", "--output", "json"],
            "",
        );
        if out.status.success() {
            let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
            let members = d["members"].as_array().expect("members");
            if d["state"] == "Stable" && members.len() == 1 {
                break d;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let partitions = described["members"][0]["partitions"]
        .as_array()
        .expect("partitions")
        .len();
    assert_eq!(partitions, 2);
    assert_eq!(described["protocol"], "range");
    let listed = json(&strom(
        &broker,
        &["group", "list", "--state", "stable", "--output", "json"],
        "",
    ));
    assert!(
        listed
            .as_array()
            .expect("array")
            .iter()
            .any(|g| g["group"] == "busy")
    );

    let reset = strom(
        &broker,
        &[
            "group",
            "reset-offsets",
            "busy",
            "--topic",
            "a",
            "--to-earliest",
        ],
        "",
    );
    assert_eq!(reset.status.code(), Some(1));
    assert!(
        stderr(&reset).contains("stop its consumers"),
        "{}",
        stderr(&reset)
    );
    let delete = strom(&broker, &["group", "delete", "busy"], "");
    assert_eq!(delete.status.code(), Some(1));
    assert!(
        stderr(&delete).contains("active member"),
        "{}",
        stderr(&delete)
    );

    let stopped = Command::new("kill")
        .args(["-INT", &member.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(stopped.success());
    let out = member.wait_with_output().expect("member output");
    assert!(out.status.success(), "member failed: {:?}", out.status);
    assert_eq!(sorted_lines(&String::from_utf8_lossy(&out.stdout)).len(), 4);

    let described = json(&strom(
        &broker,
        &["group", "describe", "busy", "--output", "json"],
        "",
    ));
    assert_eq!(described["state"], "Empty");
    let lags: Vec<_> = described["offsets"]
        .as_array()
        .expect("offsets")
        .iter()
        .map(|o| o["lag"].clone())
        .collect();
    assert_eq!(lags, vec![0, 0]);
    let deleted = json(&strom(
        &broker,
        &["group", "delete", "busy", "--output", "json"],
        "",
    ));
    assert_eq!(deleted["deleted"][0], "busy");
    let listed = ok(&strom(&broker, &["group", "list"], ""));
    assert!(!listed.contains("busy"), "{listed}");
}

#[test]
fn to_offset_and_to_datetime_land_inside_the_log() {
    // --to-offset clamps into [earliest, latest]; a time before every record is the start,
    // one after every record is the end; a group nobody used yet can be given offsets.
    let broker = start_broker();
    topic_with_records(&broker, "d", "1", 5);
    let reset_to = |flag: &str, value: &str| {
        let plan = json(&strom(
            &broker,
            &[
                "group",
                "reset-offsets",
                "fresh",
                "--topic",
                "d",
                "--partition",
                "0",
                flag,
                value,
                "--output",
                "json",
            ],
            "",
        ));
        plan["partitions"][0]["new"].as_i64().expect("new")
    };
    assert_eq!(reset_to("--to-offset", "999"), 5);
    assert_eq!(reset_to("--to-offset", "-3"), 0);
    assert_eq!(reset_to("--to-offset", "2"), 2);
    assert_eq!(reset_to("--to-datetime", "1970-01-02T00:00:00Z"), 0);
    assert_eq!(reset_to("--to-datetime", "2999-01-01"), 5);
    assert_eq!(reset_to("--to-datetime", "1000"), 0);
    let out = ok(&strom(&broker, &["consume", "d", "--group", "fresh"], ""));
    // Without --from-beginning a group without offsets would start at the end: reading
    // every record shows the member started from the offset the last reset committed (0).
    assert_eq!(out, numbers(1..=5));
}

#[test]
fn group_errors_end_with_documented_exit_codes_and_advice() {
    // Unknown group 3 with a pointer to `strom group list`; unknown topic or partition 3;
    // a missing or doubled --to-... and a bad time are usage errors (2).
    let broker = start_broker();
    topic_with_records(&broker, "e", "1", 1);
    let out = strom(&broker, &["group", "describe", "ghost"], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("strom group list"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        strom(&broker, &["group", "delete", "ghost"], "")
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        strom(&broker, &["offsets", "e", "--group", "ghost"], "")
            .status
            .code(),
        Some(3)
    );
    let reset = |args: &[&str]| {
        let mut all = vec!["group", "reset-offsets", "g"];
        all.extend_from_slice(args);
        strom(&broker, &all, "").status.code()
    };
    assert_eq!(reset(&["--topic", "missing", "--to-earliest"]), Some(3));
    assert_eq!(
        reset(&["--topic", "e", "--partition", "9", "--to-earliest"]),
        Some(3)
    );
    assert_eq!(reset(&["--topic", "e"]), Some(2));
    assert_eq!(
        reset(&["--topic", "e", "--to-earliest", "--to-latest"]),
        Some(2)
    );
    assert_eq!(reset(&["--topic", "e", "--to-datetime", "soon"]), Some(2));
    assert_eq!(
        strom(
            &broker,
            &["consume", "e", "--group", "g", "--partition", "0"],
            ""
        )
        .status
        .code(),
        Some(2)
    );
    let out = strom(
        &broker,
        &["group", "list", "--bootstrap", "127.0.0.1:1"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("strom server"));
    let listed = json(&strom(&broker, &["group", "list", "--output", "json"], ""));
    assert_eq!(listed, serde_json::json!([]));
}
