//! Every request the broker serves, at every version it serves, generated at random and then
//! mutated, decoded as the connection decodes it and run through `dispatch::handle` on a live
//! in-process broker: no request panics the broker, and none makes it allocate more than a
//! bound set by the request's size (not by the counts and lengths written inside it).
//!
//! The broker runs with small topic and partition limits, no long polls and no rebalance
//! delay, so a handler's work is what the request asks for and a waiting handler is cut off
//! after `HANDLE_WAIT_MS`. `STROM_FUZZ_SECONDS` turns the fixed number of cases into a timed
//! run over fresh seeds (`STROM_FUZZ_SEED` picks the first) for longer soaks; the cargo-fuzz
//! target in `crates/broker/fuzz` drives the same path from libFuzzer.

use std::alloc::System;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use strom_broker::dispatch::{self, ConnectionId, Request, Turn};
use strom_broker::server::Broker;
use strom_broker::{BrokerConfig, Server};
use strom_protocol::generated::{ApiKey, RequestBody, RequestHeader, ResponseBody};
use strom_protocol::wire::testing::TestRng;

/// Counts every allocation of the process; the broker's own background threads add a little
/// noise, which the constant below absorbs.
#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// What one request may make the broker allocate: decoded structs, responses and copies are
/// wider than the wire (a 2-byte empty string becomes a 24-byte `String` and answers carry
/// more than questions), so a multiple of the input, plus a constant for work that grows with
/// the broker's state instead: a topic created (by CreateTopics, or by Metadata's
/// auto-creation, at most 100 per request) costs a pass over every partition's config, and
/// "all topics" answers describe the whole (small, bounded) cluster.
const ALLOWED_MULTIPLE: usize = 64;
const ALLOWED_CONSTANT: usize = 64 * 1024 * 1024;
/// Cases per API version and kind of input in the default run.
const CASES_PER_VERSION: u64 = 6;
/// Longest a handler may wait (a JoinGroup waits for its rebalance, a Fetch for data).
const HANDLE_WAIT_MS: u64 = 200;

fn fuzz_config() -> BrokerConfig {
    let mut config = BrokerConfig {
        topics_max: 64,
        partitions_per_topic_max: 1000,
        partitions_max: 1500,
        fetch_max_wait_ms_max: 0,
        ..BrokerConfig::default()
    };
    config.group.offsets_topic_num_partitions = 2;
    config.group.group_initial_rebalance_delay_ms = 0;
    config.txn.transaction_state_log_num_partitions = 2;
    config.txn.offsets_topic_num_partitions = 2;
    config
}

#[derive(Default)]
struct Stats {
    executed: u64,
    decoded: u64,
    timed_out: u64,
    most_allocated: usize,
    most: String,
    worst_ratio: f64,
    worst: String,
}

async fn run_one(broker: &Arc<Broker>, key: ApiKey, version: i16, body: Bytes, stats: &mut Stats) {
    let input = body.len();
    let Ok(decoded) = RequestBody::decode(key, version, body) else {
        return;
    };
    stats.decoded += 1;
    let request = request(key, version, decoded, stats.executed % 7);
    let region = Region::new(ALLOCATOR);
    let wait = Duration::from_millis(HANDLE_WAIT_MS);
    let outcome = tokio::time::timeout(wait, dispatch::handle(broker, request)).await;
    let allocated = region.change().bytes_allocated;
    if outcome.is_err() {
        stats.timed_out += 1;
    }
    if allocated > stats.most_allocated {
        stats.most_allocated = allocated;
        stats.most = format!("{key:?} v{version}: {allocated} bytes for {input}");
    }
    // Per input byte, once the input is large enough for the multiple to matter.
    let ratio = allocated as f64 / input.max(1) as f64;
    if input >= 256 && ratio > stats.worst_ratio {
        stats.worst_ratio = ratio;
        stats.worst = format!("{key:?} v{version}: {allocated} bytes for {input}");
    }
    let limit = ALLOWED_MULTIPLE * input + ALLOWED_CONSTANT;
    assert!(
        allocated <= limit,
        "{key:?} v{version}: allocated {allocated} bytes for a {input}-byte request"
    );
}

fn mutate(input: &mut Vec<u8>, rng: &mut TestRng) {
    if input.is_empty() {
        return;
    }
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() as u64) as usize;
        match rng.below(5) {
            0 => input[at] ^= 1 << rng.below(8),
            1 => input[at] = 0xff,
            2 => input[at] = 0x7f,
            3 => input[at] = 0,
            _ => input.truncate(at.max(1)),
        }
    }
}

/// One random request of `key` at `version` from `seed`, encoded, and mutated when `mutated`.
fn input(key: ApiKey, version: i16, seed: u64, mutated: bool) -> Bytes {
    let mut rng = TestRng::new(seed);
    let body = RequestBody::random(key, &mut rng, version);
    let mut buf = BytesMut::new();
    body.encode_into(&mut buf, version)
        .expect("random body encodes");
    let mut bytes = buf.to_vec();
    if mutated {
        mutate(&mut bytes, &mut rng);
    }
    Bytes::from(bytes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_runs_through_its_handler_without_panic_or_overallocation() {
    let dir = tempfile::tempdir().unwrap();
    let config = BrokerConfig {
        data_dir: dir.path().to_path_buf(),
        listen: "127.0.0.1:0".into(),
        ..fuzz_config()
    };
    let server = Server::start(config).await.expect("broker starts");
    let broker = server.broker.clone();
    // The server runs (metadata listener, coordinator timers) while requests go straight to
    // the dispatcher.
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    create_wide_topic(&broker).await;
    let seconds: Option<u64> = std::env::var("STROM_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let mut seed: u64 = std::env::var("STROM_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut stats = Stats::default();
    let apis = strom_broker::api_table::supported_apis();
    let started = Instant::now();
    let mut rounds = 0u64;
    loop {
        for &(key, lo, hi) in &apis {
            for version in lo..=hi {
                for mutated in [false, true] {
                    stats.executed += 1;
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let body = input(key, version, seed, mutated);
                    run_one(&broker, key, version, body, &mut stats).await;
                }
            }
        }
        rounds += 1;
        let done = match seconds {
            Some(s) => started.elapsed() >= Duration::from_secs(s),
            None => rounds >= CASES_PER_VERSION,
        };
        if done {
            break;
        }
    }
    eprintln!(
        "{} requests ({} decoded, {} cut off waiting) in {:.0}s over {} APIs; last seed {seed}; \
         most allocated: {}; most per input byte (inputs of 256 bytes or more): {:.1}x ({})",
        stats.executed,
        stats.decoded,
        stats.timed_out,
        started.elapsed().as_secs_f64(),
        apis.len(),
        stats.most,
        stats.worst_ratio,
        stats.worst
    );
    assert!(
        stats.decoded * 2 > stats.executed,
        "too few requests decoded"
    );
    repeated_entries_stay_within_the_bound(&broker).await;
    let _ = stop.send(());
    server.await.expect("broker stops");
}

/// A topic of 1,000 partitions, so that an entry naming it has much to expand into.
const WIDE_TOPIC: &str = "wide";

fn encode(body: RequestBody, version: i16) -> Bytes {
    let mut buf = BytesMut::new();
    body.encode_into(&mut buf, version).expect("encodes");
    buf.freeze()
}

async fn create_wide_topic(broker: &Arc<Broker>) {
    use strom_protocol::generated::CreateTopicsRequest;
    use strom_protocol::generated::create_topics_request::CreatableTopic;
    let create = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: WIDE_TOPIC.into(),
            num_partitions: 1000,
            replication_factor: -1,
            ..Default::default()
        }],
        timeout_ms: 10_000,
        ..Default::default()
    };
    let Some(ResponseBody::CreateTopics(r)) =
        dispatch::handle(broker, request(ApiKey::CreateTopics, 7, create.into(), 0)).await
    else {
        panic!("no CreateTopics response")
    };
    assert_eq!(r.topics[0].error_code, 0);
}

fn request(api_key: ApiKey, version: i16, body: RequestBody, connection: u64) -> Request {
    Request {
        api_key,
        version,
        header: RequestHeader {
            request_api_key: api_key as i16,
            request_api_version: version,
            correlation_id: 1,
            client_id: Some("fuzz".into()),
            ..RequestHeader::default()
        },
        body,
        turn: Turn::after(None).0,
        peer: "127.0.0.1:9".parse().expect("an address"),
        connection: ConnectionId(connection),
    }
}

/// Requests that repeat one entry many times, for handlers that expand an entry into broker
/// state, against a topic that exists (so each entry has something to expand into).
async fn repeated_entries_stay_within_the_bound(broker: &Arc<Broker>) {
    use strom_protocol::generated::describe_configs_request::DescribeConfigsResource;
    use strom_protocol::generated::describe_log_dirs_request::DescribableLogDirTopic;
    use strom_protocol::generated::describe_producers_request::TopicRequest;
    use strom_protocol::generated::fetch_request::{FetchPartition, FetchTopic};
    use strom_protocol::generated::metadata_request::MetadataRequestTopic;
    use strom_protocol::generated::offset_fetch_request::OffsetFetchRequestGroup;
    use strom_protocol::generated::{
        DescribeConfigsRequest, DescribeLogDirsRequest, DescribeProducersRequest, FetchRequest,
        MetadataRequest, OffsetFetchRequest,
    };

    let topic = WIDE_TOPIC;
    let metadata = MetadataRequest {
        topics: Some(vec![
            MetadataRequestTopic {
                name: Some(topic.into()),
                ..Default::default()
            };
            20_000
        ]),
        ..Default::default()
    };
    let producers = DescribeProducersRequest {
        topics: vec![TopicRequest {
            name: topic.into(),
            partition_indexes: vec![0; 100_000],
            ..Default::default()
        }],
        ..Default::default()
    };
    let configs = DescribeConfigsRequest {
        resources: vec![
            DescribeConfigsResource {
                resource_type: 2,
                resource_name: topic.into(),
                configuration_keys: None,
                ..Default::default()
            };
            20_000
        ],
        include_synonyms: true,
        include_documentation: true,
        ..Default::default()
    };
    let log_dirs = DescribeLogDirsRequest {
        topics: Some(vec![DescribableLogDirTopic {
            topic: "d".repeat(30_000),
            partitions: vec![0; 20_000],
            ..Default::default()
        }]),
        ..Default::default()
    };
    let fetch = FetchRequest {
        replica_id: -1,
        max_bytes: 1 << 20,
        session_epoch: -1,
        topics: vec![FetchTopic {
            topic: "n".repeat(32_000),
            partitions: (0..5000)
                .map(|p| FetchPartition {
                    partition: p,
                    partition_max_bytes: 1 << 20,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let offsets = OffsetFetchRequest {
        groups: vec![
            OffsetFetchRequestGroup {
                group_id: "g".into(),
                topics: None,
                ..Default::default()
            };
            20_000
        ],
        ..Default::default()
    };
    let cases: Vec<(ApiKey, i16, RequestBody)> = vec![
        (ApiKey::Metadata, 9, metadata.into()),
        (ApiKey::DescribeProducers, 0, producers.into()),
        (ApiKey::DescribeConfigs, 4, configs.into()),
        (ApiKey::DescribeLogDirs, 4, log_dirs.into()),
        (ApiKey::Fetch, 12, fetch.into()),
        (ApiKey::OffsetFetch, 8, offsets.into()),
    ];
    for (key, version, body) in cases {
        let mut stats = Stats::default();
        run_one(broker, key, version, encode(body, version), &mut stats).await;
        eprintln!("repeated entries, {}", stats.most);
    }
}
