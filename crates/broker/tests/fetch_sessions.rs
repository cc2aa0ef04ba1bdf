//! KIP-227 incremental fetch sessions driven by hand-built Fetch requests: a session is
//! created by a full request, incremental requests must carry its epoch, unchanged partitions
//! are left out of incremental responses, forgotten topics leave the session, and a wrong id
//! or epoch gets Kafka's error codes.

mod common;

use common::{TestBroker, batch, create_topic, produce, send};
use strom_protocol::ErrorCode;
use strom_protocol::generated::fetch_request::{FetchPartition, FetchTopic, ForgottenTopic};
use strom_protocol::generated::{FetchRequest, FetchResponse, ResponseBody};

const FETCH_VERSION: i16 = 12;

fn partition(index: i32, offset: i64) -> FetchPartition {
    FetchPartition {
        partition: index,
        current_leader_epoch: -1,
        fetch_offset: offset,
        last_fetched_epoch: -1,
        log_start_offset: -1,
        partition_max_bytes: 1 << 20,
        ..FetchPartition::default()
    }
}

fn fetch(session_id: i32, epoch: i32, topic: &str, parts: Vec<FetchPartition>) -> FetchRequest {
    FetchRequest {
        replica_id: -1,
        max_wait_ms: 0,
        min_bytes: 0,
        max_bytes: 1 << 24,
        session_id,
        session_epoch: epoch,
        topics: if parts.is_empty() {
            vec![]
        } else {
            vec![FetchTopic {
                topic: topic.into(),
                partitions: parts,
                ..FetchTopic::default()
            }]
        },
        ..FetchRequest::default()
    }
}

async fn run(conn: &strom_client::Connection, request: FetchRequest) -> FetchResponse {
    match send(conn, request, FETCH_VERSION).await {
        ResponseBody::Fetch(r) => r,
        other => panic!("not a Fetch response: {other:?}"),
    }
}

/// (partition, high watermark, record bytes) of every partition in the response.
fn listed(r: &FetchResponse) -> Vec<(i32, i64, usize)> {
    let mut out: Vec<_> = r
        .responses
        .iter()
        .flat_map(|t| &t.partitions)
        .map(|p| {
            let bytes = p.records.as_ref().map_or(0, |b| b.len());
            (p.partition_index, p.high_watermark, bytes)
        })
        .collect();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_fetches_list_only_partitions_with_news() {
    // After a full fetch opens a session on three partitions, an empty incremental fetch lists
    // nothing; a produce to one partition makes exactly that one reappear; stale epochs and
    // unknown ids are refused; a forgotten partition is no longer read; epoch -1 closes it.
    let dir = tempfile::tempdir().unwrap();
    let broker = TestBroker::start(dir.path()).await;
    let conn = broker.connect().await;
    create_topic(&conn, "sessions", 3).await;
    for p in 0..3 {
        let r = produce(&conn, "sessions", p, batch(&[b"a"], None), 9).await;
        assert_eq!(r.error_code, 0);
    }

    let full = run(
        &conn,
        fetch(0, 0, "sessions", (0..3).map(|p| partition(p, 0)).collect()),
    )
    .await;
    assert_eq!(full.error_code, 0);
    let id = full.session_id;
    assert_ne!(id, 0, "a session was created");
    assert_eq!(listed(&full).len(), 3);
    assert!(
        listed(&full)
            .iter()
            .all(|(_, hw, bytes)| *hw == 1 && *bytes > 0)
    );

    // The client moved its positions to 1 on every partition: nothing new anywhere.
    let moved = (0..3).map(|p| partition(p, 1)).collect();
    let quiet = run(&conn, fetch(id, 1, "sessions", moved)).await;
    assert_eq!((quiet.error_code, quiet.session_id), (0, id));
    assert_eq!(listed(&quiet), vec![]);

    let r = produce(&conn, "sessions", 1, batch(&[b"b"], None), 9).await;
    assert_eq!(r.error_code, 0);
    let news = run(&conn, fetch(id, 2, "sessions", vec![])).await;
    let got = listed(&news);
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].0, got[0].1), (1, 2));
    assert!(got[0].2 > 0);

    let stale = run(&conn, fetch(id, 2, "sessions", vec![])).await;
    assert_eq!(stale.error_code, ErrorCode::InvalidFetchSessionEpoch.code());
    let unknown = run(
        &conn,
        fetch(id.wrapping_add(1).max(1), 1, "sessions", vec![]),
    )
    .await;
    assert_eq!(unknown.error_code, ErrorCode::FetchSessionIdNotFound.code());

    // Forget partition 1 and move to offset 2 nowhere: new data on 1 is no longer read.
    let mut forget = fetch(id, 3, "sessions", vec![]);
    forget.forgotten_topics_data = vec![ForgottenTopic {
        topic: "sessions".into(),
        partitions: vec![1],
        ..ForgottenTopic::default()
    }];
    assert_eq!(listed(&run(&conn, forget).await), vec![]);
    produce(&conn, "sessions", 1, batch(&[b"c"], None), 9).await;
    produce(&conn, "sessions", 2, batch(&[b"c"], None), 9).await;
    let after = run(&conn, fetch(id, 4, "sessions", vec![])).await;
    let got = listed(&after);
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].0, got[0].1), (2, 2));

    let closed = run(&conn, fetch(id, -1, "sessions", vec![partition(0, 0)])).await;
    assert_eq!((closed.error_code, closed.session_id), (0, 0));
    assert_eq!(listed(&closed).len(), 1);
    let gone = run(&conn, fetch(id, 5, "sessions", vec![])).await;
    assert_eq!(gone.error_code, ErrorCode::FetchSessionIdNotFound.code());
    broker.stop().await;
}
