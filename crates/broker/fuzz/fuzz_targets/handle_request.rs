//! Feeds arbitrary bytes, as the body of any supported API and version (chosen by the first
//! two bytes), through the decoder and then through the broker's handler, on one in-process
//! broker kept for the whole run. No request may panic the broker; run it with libFuzzer's
//! `-malloc_limit_mb` (see the README's Fuzzing section) so that a request that makes the
//! broker allocate far more than it sent is a finding too.
#![no_main]

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use strom_broker::dispatch::{self, ConnectionId, Request, Turn};
use strom_broker::server::Broker;
use strom_broker::{BrokerConfig, Server};
use strom_protocol::generated::{RequestBody, RequestHeader};

struct Harness {
    runtime: tokio::runtime::Runtime,
    broker: Arc<Broker>,
    _dir: tempfile::TempDir,
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let dir = tempfile::tempdir().expect("temp dir");
        // Small limits and no waiting: a handler's work is what the request asks for.
        let mut config = BrokerConfig {
            data_dir: dir.path().to_path_buf(),
            listen: "127.0.0.1:0".into(),
            topics_max: 64,
            partitions_per_topic_max: 16,
            partitions_max: 512,
            fetch_max_wait_ms_max: 0,
            ..BrokerConfig::default()
        };
        config.group.offsets_topic_num_partitions = 2;
        config.group.group_initial_rebalance_delay_ms = 0;
        config.txn.transaction_state_log_num_partitions = 2;
        config.txn.offsets_topic_num_partitions = 2;
        let server = runtime
            .block_on(Server::start(config))
            .expect("broker starts");
        let broker = server.broker.clone();
        // The server runs for the whole fuzzing process (metadata listener, coordinator
        // timers); requests go straight to the dispatcher.
        runtime.spawn(server.run(std::future::pending()));
        Harness {
            broker,
            runtime,
            _dir: dir,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let apis = strom_broker::api_table::supported_apis();
    let [a, v, body @ ..] = data else {
        return;
    };
    let (key, lo, hi) = apis[usize::from(*a) % apis.len()];
    let version = lo + i16::from(*v) % (hi - lo + 1);
    let Ok(decoded) = RequestBody::decode(key, version, Bytes::copy_from_slice(body)) else {
        return;
    };
    let h = harness();
    let request = Request {
        api_key: key,
        version,
        header: RequestHeader {
            request_api_key: key as i16,
            request_api_version: version,
            correlation_id: 1,
            client_id: Some("fuzz".into()),
            ..RequestHeader::default()
        },
        body: decoded,
        turn: Turn::after(None).0,
        peer: "127.0.0.1:9".parse().expect("an address"),
        connection: ConnectionId(u64::from(data[0] % 3)),
    };
    h.runtime.block_on(async {
        let wait = Duration::from_millis(100);
        let _ = tokio::time::timeout(wait, dispatch::handle(&h.broker, request)).await;
    });
});
