//! A `strom server` process that is the sole voter of its metadata quorum keeps every
//! metadata change it acknowledged across SIGKILL: topics created, and records produced with
//! acks=all, are all there when the process comes back on the same directory.

mod common;

use common::{json, ok, start_broker_in, strom};

/// A free loopback port for the controller listener (bound, read, released).
fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

#[test]
fn a_sole_voter_keeps_its_topics_and_records_across_sigkill() {
    // Topics created through the CLI and records produced to them survive SIGKILL of the
    // server; after the restart the topic lists, describes with its partitions, and
    // consumes back.
    let dir = tempfile::tempdir().expect("temp dir");
    let voters = format!("1@127.0.0.1:{}", free_port());
    let broker = start_broker_in(dir.path(), &["--voters", &voters]);
    ok(&strom(
        &broker,
        &["topic", "create", "kept", "--partitions", "3"],
        "",
    ));
    ok(&strom(&broker, &["topic", "create", "gone"], ""));
    ok(&strom(&broker, &["topic", "delete", "gone"], ""));
    ok(&strom(
        &broker,
        &["produce", "kept", "--partition", "1", "--acks", "all"],
        "a\nb\n",
    ));
    broker.kill();

    let broker = start_broker_in(dir.path(), &["--voters", &voters]);
    let list = json(&strom(&broker, &["topic", "list", "--output", "json"], ""));
    let names: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert!(
        names.contains(&"kept") && !names.contains(&"gone"),
        "{names:?}"
    );
    let described = json(&strom(
        &broker,
        &["topic", "describe", "kept", "--output", "json"],
        "",
    ));
    assert_eq!(
        described["partitions"]
            .as_array()
            .expect("partitions")
            .len(),
        3
    );
    let out = ok(&strom(
        &broker,
        &["consume", "kept", "--from-beginning", "--count", "2"],
        "",
    ));
    assert_eq!(out, "a\nb\n");
}
