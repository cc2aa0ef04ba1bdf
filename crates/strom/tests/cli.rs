//! The `strom` client commands work against a real `strom server` process: topics are
//! created, listed, described, reconfigured and deleted; lines piped into `strom produce` come
//! back from `strom consume` as text and as JSON lines; errors end with the documented exit
//! codes and say what to do; and each `strom bench` mode runs in a tiny configuration so the
//! benchmark commands cannot rot (no timing is asserted).

mod common;

use common::{json, ok, start_broker, strom};

#[test]
fn piped_lines_come_back_in_order_as_text_and_json() {
    // Ten lines produced to a one-partition topic read back as the same ten lines, in order.
    let broker = start_broker();
    ok(&strom(
        &broker,
        &["topic", "create", "t", "--partitions", "1"],
        "",
    ));
    let input: String = (1..=10).map(|n| format!("{n}\n")).collect();
    ok(&strom(&broker, &["produce", "t"], &input));
    let out = ok(&strom(
        &broker,
        &["consume", "t", "--from-beginning", "--count", "10"],
        "",
    ));
    assert_eq!(out, input);
    let out = ok(&strom(
        &broker,
        &["consume", "t", "--from-beginning", "--output", "json"],
        "",
    ));
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(records.len(), 10);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["offset"], i as i64);
        assert_eq!(r["value"], (i + 1).to_string());
        assert_eq!(r["partition"], 0);
    }
}

#[test]
fn keys_headers_partition_and_template_round_trip() {
    // A key split off each line, a header and a chosen partition all appear in the template.
    let broker = start_broker();
    ok(&strom(
        &broker,
        &["topic", "create", "k", "--partitions", "3"],
        "",
    ));
    let args = [
        "produce",
        "k",
        "--key-separator",
        ":",
        "--header",
        "src=test",
        "--partition",
        "2",
        "--acks",
        "1",
        "--compression",
        "zstd",
    ];
    ok(&strom(&broker, &args, "a:1\nb:2\n"));
    let format = "{partition} {offset} {key}={value} [{headers}]";
    let out = ok(&strom(
        &broker,
        &[
            "consume",
            "k",
            "--from-beginning",
            "--partition",
            "2",
            "--format",
            format,
            // acks=1 answers before the flush; consumers see records once they are on disk
            // (docs/durability.md), so the reader waits for both rather than stopping at the
            // end it finds first.
            "--count",
            "2",
        ],
        "",
    ));
    assert_eq!(out, "2 0 a=1 [src=test]\n2 1 b=2 [src=test]\n");
    let offsets = json(&strom(&broker, &["offsets", "k", "--output", "json"], ""));
    let latest: Vec<i64> = offsets
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["latest"].as_i64().expect("latest"))
        .collect();
    assert_eq!(latest, vec![0, 0, 2]);
}

#[test]
fn consume_starts_at_an_offset_and_at_a_time() {
    // --offset skips earlier records; --from-time in the future yields nothing and ends.
    let broker = start_broker();
    ok(&strom(
        &broker,
        &["topic", "create", "o", "--partitions", "1"],
        "",
    ));
    ok(&strom(&broker, &["produce", "o"], "a\nb\nc\nd\n"));
    let out = ok(&strom(&broker, &["consume", "o", "--offset", "2"], ""));
    assert_eq!(out, "c\nd\n");
    let out = ok(&strom(&broker, &["consume", "o", "--from-time", "-1h"], ""));
    assert_eq!(out, "a\nb\nc\nd\n");
    let out = ok(&strom(
        &broker,
        &["consume", "o", "--from-time", "99999999999999"],
        "",
    ));
    assert_eq!(out, "");
}

#[test]
fn topic_admin_commands_report_in_json() {
    // Create, list, describe, alter-config, cluster info and delete, each parsed as JSON.
    let broker = start_broker();
    let created = json(&strom(
        &broker,
        &[
            "topic",
            "create",
            "a",
            "-p",
            "4",
            "-c",
            "retention.ms=5000",
            "--output",
            "json",
        ],
        "",
    ));
    assert_eq!(created["partitions"], 4);
    let list = json(&strom(&broker, &["topic", "list", "--output", "json"], ""));
    assert!(
        list.as_array()
            .expect("array")
            .iter()
            .any(|t| t["name"] == "a")
    );
    ok(&strom(
        &broker,
        &["topic", "alter-config", "a", "--set", "retention.ms=7000"],
        "",
    ));
    let described = json(&strom(
        &broker,
        &["topic", "describe", "a", "--output", "json"],
        "",
    ));
    assert_eq!(
        described["partitions"]
            .as_array()
            .expect("partitions")
            .len(),
        4
    );
    let retention = described["configs"]
        .as_array()
        .expect("configs")
        .iter()
        .find(|c| c["name"] == "retention.ms")
        .expect("retention.ms listed");
    assert_eq!(retention["value"], "7000");
    let info = json(&strom(
        &broker,
        &["cluster", "info", "--output", "json"],
        "",
    ));
    assert_eq!(info["brokers"][0]["address"], broker.addr);
    let deleted = json(&strom(
        &broker,
        &["topic", "delete", "a", "--output", "json"],
        "",
    ));
    assert_eq!(deleted["deleted"][0], "a");
    let table = ok(&strom(&broker, &["topic", "list"], ""));
    assert!(
        !table.contains("\na "),
        "deleted topic still listed: {table}"
    );
}

#[test]
fn errors_end_with_documented_exit_codes_and_advice() {
    // Unknown topic 3, already exists 4, usage 2, cannot connect 1 with a hint to start one.
    let broker = start_broker();
    let out = strom(&broker, &["consume", "missing", "--from-beginning"], "");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("strom topic create missing"));
    assert_eq!(
        strom(&broker, &["produce", "missing"], "x\n").status.code(),
        Some(3)
    );
    assert_eq!(
        strom(&broker, &["topic", "describe", "missing"], "")
            .status
            .code(),
        Some(3)
    );
    assert_eq!(
        strom(&broker, &["topic", "delete", "missing"], "")
            .status
            .code(),
        Some(3)
    );
    ok(&strom(&broker, &["topic", "create", "e"], ""));
    assert_eq!(
        strom(&broker, &["topic", "create", "e"], "").status.code(),
        Some(4)
    );
    ok(&strom(
        &broker,
        &["topic", "create", "e", "--if-not-exists"],
        "",
    ));
    let out = strom(&broker, &["consume", "e", "--partition", "99"], "");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        strom(&broker, &["topic", "frobnicate"], "").status.code(),
        Some(2)
    );
    assert_eq!(
        strom(&broker, &["topic", "alter-config", "e"], "")
            .status
            .code(),
        Some(2)
    );
    let out = strom(
        &broker,
        &["topic", "list", "--bootstrap", "127.0.0.1:1"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("strom server"));
}

#[test]
fn produce_reads_a_file() {
    // `--file` sends every line of the file; the count shows in the topic's offsets.
    let broker = start_broker();
    ok(&strom(
        &broker,
        &["topic", "create", "f", "--partitions", "2"],
        "",
    ));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lines.txt");
    let lines: String = (0..5000).map(|n| format!("line {n}\n")).collect();
    std::fs::write(&path, lines).expect("write file");
    let path = path.to_str().expect("utf-8 path");
    let summary = json(&strom(
        &broker,
        &["produce", "f", "--file", path, "--output", "json"],
        "",
    ));
    assert_eq!(summary["records"], 5000);
    let offsets = json(&strom(&broker, &["offsets", "f", "--output", "json"], ""));
    let total: i64 = offsets
        .as_array()
        .expect("array")
        .iter()
        .map(|p| p["records"].as_i64().expect("records"))
        .sum();
    assert_eq!(total, 5000);
}

#[test]
fn every_bench_mode_runs_in_a_tiny_configuration() {
    // Produce, consume and e2e each finish and report their figures as JSON.
    let broker = start_broker();
    let common = [
        "--topic",
        "bench",
        "--record-size",
        "64",
        "--quiet",
        "--output",
        "json",
    ];
    let run = |mode: &str, extra: &[&str]| {
        let mut args = vec!["bench", mode];
        args.extend_from_slice(&common);
        args.extend_from_slice(extra);
        json(&strom(&broker, &args, ""))
    };
    // acks=all: the high watermark follows the flush, so only then is every record readable
    // as soon as produce returns.
    let produced = run(
        "produce",
        &[
            "--count",
            "2000",
            "--partitions",
            "2",
            "--producers",
            "2",
            "--acks",
            "all",
        ],
    );
    assert_eq!(produced["records"], 2000);
    assert!(produced["latency_ms"]["p99"].as_f64().is_some());
    let consumed = run("consume", &["--count", "2000"]);
    assert_eq!(consumed["records"], 2000);
    let e2e = run(
        "e2e",
        &["--count", "500", "--rate", "1000", "--acks", "all"],
    );
    assert_eq!(e2e["e2e_latency_ms"]["samples"], 500);
}
