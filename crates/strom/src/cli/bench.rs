//! `strom bench produce|consume|e2e`: load generators in the manner of Kafka's
//! `kafka-producer-perf-test`. Every run is bounded by a record count and a duration, prints
//! a live progress line on standard error, and ends with throughput and latency percentiles
//! (an HDR histogram in microseconds), as a table or as one JSON object for `bench/run.sh`.
//!
//! Produce latency is from `send` to the broker's acknowledgement; end-to-end latency is from
//! `send` to the moment a consumer in the same process read the record, measured with a
//! monotonic clock stamped into the first eight bytes of each value.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use clap::{Args, Subcommand};
use hdrhistogram::Histogram;
use serde_json::json;
use strom_client::{
    Client, ClientConfig, Consumer, ConsumerConfig, NewTopic, Producer, ProducerConfig,
    ProducerRecord, StartOffset,
};
use tokio::sync::mpsc;

use super::{AcksArg, CliError, CliResult, CompressionArg, ConnectArgs, ExitStatus, Output};
use super::{emit, emit_json};

pub const EXAMPLES: &str = "Examples:
  strom bench produce --record-size 1024 --count 1000000 --acks 1
  strom bench produce --record-size 100 --partitions 16 --producers 2 --compression zstd
  strom bench consume --count 1000000
  strom bench e2e --rate 10000 --duration 30 --acks all --output json";

/// The largest latency the histograms hold, in microseconds (ten minutes).
const LATENCY_MAX_US: u64 = 600_000_000;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Produce as fast as allowed; report throughput and send-to-ack latency.
    Produce(BenchArgs),
    /// Read a topic from the beginning; report throughput.
    Consume(BenchArgs),
    /// Produce at a rate and consume at once; report end-to-end latency.
    E2e(BenchArgs),
}

#[derive(Args, Clone)]
pub struct BenchArgs {
    /// Topic to use; created with --partitions if it does not exist
    #[arg(long, default_value = "strom-bench")]
    pub topic: String,
    /// Partitions of the topic when it is created
    #[arg(long, default_value_t = 1)]
    pub partitions: i32,
    /// Bytes of each record's value
    #[arg(long, default_value_t = 1024)]
    pub record_size: usize,
    /// Records to produce (or consume)
    #[arg(long, default_value_t = 1_000_000)]
    pub count: u64,
    /// Stop after this many seconds even if --count is not reached
    #[arg(long, default_value_t = 60)]
    pub duration: u64,
    /// Records per second across all producers; 0 for as fast as possible
    #[arg(long, default_value_t = 0)]
    pub rate: u64,
    #[arg(long, value_enum, default_value_t = AcksArg::One)]
    pub acks: AcksArg,
    #[arg(long, value_enum, default_value_t = CompressionArg::None)]
    pub compression: CompressionArg,
    /// Independent producers, each with its own connections
    #[arg(long, default_value_t = 1)]
    pub producers: u32,
    /// Bytes per partition batch (below the broker's message.max.bytes)
    #[arg(long, default_value_t = 512 * 1024)]
    pub batch_size: usize,
    /// How long a partial batch may wait, in ms
    #[arg(long, default_value_t = 5)]
    pub linger_ms: u64,
    /// Produce requests per partition sent and not yet answered
    /// (Kafka's max.in.flight.requests.per.connection; at most 5 with --idempotent)
    #[arg(long, default_value_t = 5)]
    pub max_in_flight: usize,
    /// Idempotent producer: a retried batch is written once and in order
    #[arg(long)]
    pub idempotent: bool,
    /// No live progress line
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

pub async fn run(command: BenchCommand) -> CliResult {
    match command {
        BenchCommand::Produce(a) => produce(a).await,
        BenchCommand::Consume(a) => consume(a).await,
        BenchCommand::E2e(a) => e2e(a).await,
    }
}

fn histogram() -> Histogram<u64> {
    // Bounds are constants within what the crate accepts, so this cannot fail at runtime.
    Histogram::new_with_bounds(1, LATENCY_MAX_US, 3).expect("valid histogram bounds")
}

fn percentiles(h: &Histogram<u64>) -> serde_json::Value {
    let ms = |us: u64| us as f64 / 1000.0;
    json!({
        "p50": ms(h.value_at_quantile(0.50)),
        "p99": ms(h.value_at_quantile(0.99)),
        "p999": ms(h.value_at_quantile(0.999)),
        "max": ms(h.max()),
        "samples": h.len(),
    })
}

/// Counters the workers bump and the progress line reads.
#[derive(Default)]
struct Meter {
    records: AtomicU64,
    bytes: AtomicU64,
    stop: AtomicBool,
}

/// Prints `elapsed  records/s  MiB/s` once a second until the meter stops.
fn spawn_progress(meter: Arc<Meter>, label: &'static str, quiet: bool) {
    if quiet {
        return;
    }
    tokio::spawn(async move {
        let started = Instant::now();
        let (mut last_records, mut last_bytes) = (0, 0);
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            if meter.stop.load(Ordering::Acquire) {
                break;
            }
            let records = meter.records.load(Ordering::Relaxed);
            let bytes = meter.bytes.load(Ordering::Relaxed);
            eprintln!(
                "{label} {:>6.1}s  {:>10} records  {:>10} rec/s  {:>8.1} MiB/s",
                started.elapsed().as_secs_f64(),
                records,
                records - last_records,
                (bytes - last_bytes) as f64 / 1048576.0
            );
            (last_records, last_bytes) = (records, bytes);
        }
    });
}

async fn ensure_topic(a: &BenchArgs) -> Result<Arc<Client>, CliError> {
    let client = new_client(a).await?;
    if client.topic(&a.topic).await.is_err() {
        let topics = [NewTopic::new(&a.topic, a.partitions)];
        if let Err(e) = client.create_topics(&topics).await {
            let e = CliError::from_client(e, &a.connect.bootstrap);
            if e.status != ExitStatus::AlreadyExists {
                return Err(e);
            }
        }
        client.invalidate_topic(&a.topic);
    }
    client
        .topic(&a.topic)
        .await
        .map_err(|e| CliError::from_client(e, &a.connect.bootstrap))?;
    Ok(client)
}

async fn new_client(a: &BenchArgs) -> Result<Arc<Client>, CliError> {
    let config = ClientConfig {
        client_id: "strom-bench".into(),
        request_timeout: Duration::from_secs(30),
    };
    Client::connect(&a.connect.bootstrap, config)
        .await
        .map(Arc::new)
        .map_err(|e| CliError::from_client(e, &a.connect.bootstrap))
}

fn producer_config(a: &BenchArgs) -> ProducerConfig {
    ProducerConfig {
        acks: a.acks.into(),
        compression: a.compression.into(),
        linger: Duration::from_millis(a.linger_ms),
        batch_size: a.batch_size,
        max_queued_records: 200_000,
        max_in_flight: a.max_in_flight,
        idempotent: a.idempotent,
        ..Default::default()
    }
}

/// A value of `size` bytes that compresses like real data rather than like zeros.
fn payload(size: usize) -> Bytes {
    (0..size)
        .map(|i| (i * 7 % 251) as u8)
        .collect::<Vec<_>>()
        .into()
}

/// What one producer worker did.
struct WorkerReport {
    latency: Histogram<u64>,
    failed: u64,
}

/// Sends records until the shared budget of `count` is spent or the deadline passes; a
/// collector task awaits acknowledgements in order and records send-to-ack latency.
async fn produce_worker(
    client: Arc<Client>,
    a: BenchArgs,
    budget: Arc<AtomicU64>,
    meter: Arc<Meter>,
    epoch: Instant,
) -> Result<WorkerReport, CliError> {
    let producer = Producer::new(client, producer_config(&a))
        .await
        .map_err(|e| CliError::from_client(e, &a.connect.bootstrap))?;
    let (tx, mut rx) = mpsc::channel(100_000);
    let collector_meter = Arc::clone(&meter);
    let size = a.record_size as u64;
    let collector = tokio::spawn(async move {
        let mut report = WorkerReport {
            latency: histogram(),
            failed: 0,
        };
        while let Some((sent, delivery)) = rx.recv().await {
            let sent: Instant = sent;
            let delivery: tokio::sync::oneshot::Receiver<_> = delivery;
            match delivery.await {
                Ok(Ok(_)) => {
                    let us = sent.elapsed().as_micros() as u64;
                    report.latency.saturating_record(us.max(1));
                    collector_meter.records.fetch_add(1, Ordering::Relaxed);
                    collector_meter.bytes.fetch_add(size, Ordering::Relaxed);
                }
                _ => report.failed += 1,
            }
        }
        report
    });
    let fixed = payload(a.record_size);
    let per_worker_rate = a.rate as f64 / f64::from(a.producers.max(1));
    let deadline = epoch + Duration::from_secs(a.duration);
    let started = Instant::now();
    let mut sent = 0u64;
    let mut last_error = None;
    while Instant::now() < deadline
        && budget
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |b| b.checked_sub(1))
            .is_ok()
    {
        if per_worker_rate > 0.0 {
            let due = started + Duration::from_secs_f64(sent as f64 / per_worker_rate);
            if due > Instant::now() + Duration::from_millis(1) {
                tokio::time::sleep_until(due.into()).await;
            }
        }
        let value = if a.rate > 0 {
            stamped(&fixed, epoch)
        } else {
            fixed.clone()
        };
        let record = ProducerRecord {
            topic: a.topic.clone(),
            value: Some(value),
            ..Default::default()
        };
        let now = Instant::now();
        match producer.send(record).await {
            Ok(delivery) => {
                if tx.send((now, delivery)).await.is_err() {
                    break;
                }
            }
            Err(e) => {
                last_error = Some(e);
                break;
            }
        }
        sent += 1;
    }
    producer.flush().await;
    producer.close().await;
    drop(tx);
    let report = collector
        .await
        .map_err(|e| CliError::new(ExitStatus::Error, format!("collector failed: {e}")))?;
    match last_error {
        Some(e) => Err(CliError::from_client(e, &a.connect.bootstrap)),
        None => Ok(report),
    }
}

/// The fixed payload with its first eight bytes replaced by nanoseconds since `epoch`.
fn stamped(fixed: &Bytes, epoch: Instant) -> Bytes {
    let mut value = BytesMut::from(&fixed[..]);
    let nanos = epoch.elapsed().as_nanos() as u64;
    if value.len() >= 8 {
        value[..8].copy_from_slice(&nanos.to_be_bytes());
    }
    value.freeze()
}

/// Runs `--producers` workers against the topic; returns (records, seconds, latency, failed).
async fn run_producers(
    a: &BenchArgs,
    meter: Arc<Meter>,
    epoch: Instant,
) -> Result<(f64, Histogram<u64>, u64), CliError> {
    let budget = Arc::new(AtomicU64::new(a.count));
    let mut workers = Vec::new();
    for _ in 0..a.producers.max(1) {
        let client = new_client(a).await?;
        workers.push(tokio::spawn(produce_worker(
            client,
            a.clone(),
            Arc::clone(&budget),
            Arc::clone(&meter),
            epoch,
        )));
    }
    let started = Instant::now();
    let mut latency = histogram();
    let mut failed = 0;
    for w in workers {
        let report = w
            .await
            .map_err(|e| CliError::new(ExitStatus::Error, format!("producer failed: {e}")))??;
        latency
            .add(&report.latency)
            .map_err(|e| CliError::new(ExitStatus::Error, format!("histogram: {e}")))?;
        failed += report.failed;
    }
    Ok((started.elapsed().as_secs_f64(), latency, failed))
}

fn summary(a: &BenchArgs, mode: &str, records: u64, seconds: f64) -> serde_json::Value {
    let bytes = records * a.record_size as u64;
    json!({
        "client": "strom",
        "mode": mode,
        "topic": a.topic,
        "record_size": a.record_size,
        "partitions": a.partitions,
        "acks": format!("{:?}", a.acks).to_lowercase(),
        "compression": format!("{:?}", a.compression).to_lowercase(),
        "producers": a.producers,
        "rate": a.rate,
        "records": records,
        "bytes": bytes,
        "seconds": seconds,
        "records_per_sec": records as f64 / seconds.max(1e-9),
        "mib_per_sec": bytes as f64 / 1048576.0 / seconds.max(1e-9),
    })
}

fn print(a: &BenchArgs, value: &serde_json::Value) -> CliResult {
    if a.connect.output == Output::Json {
        return emit_json(value);
    }
    let mut text = format!(
        "{} records in {:.2}s: {:.0} records/s, {:.1} MiB/s\n",
        value["records"],
        value["seconds"].as_f64().unwrap_or(0.0),
        value["records_per_sec"].as_f64().unwrap_or(0.0),
        value["mib_per_sec"].as_f64().unwrap_or(0.0),
    );
    for (key, label) in [
        ("latency_ms", "ack latency"),
        ("e2e_latency_ms", "end-to-end"),
    ] {
        if let Some(l) = value.get(key) {
            text.push_str(&format!(
                "{label} ms: p50 {} p99 {} p99.9 {} max {}\n",
                l["p50"], l["p99"], l["p999"], l["max"]
            ));
        }
    }
    if value["failed"].as_u64().unwrap_or(0) > 0 {
        text.push_str(&format!("FAILED deliveries: {}\n", value["failed"]));
    }
    emit(&text)
}

async fn produce(a: BenchArgs) -> CliResult {
    ensure_topic(&a).await?;
    let meter = Arc::new(Meter::default());
    spawn_progress(Arc::clone(&meter), "produce", a.quiet);
    let (seconds, latency, failed) = run_producers(&a, Arc::clone(&meter), Instant::now()).await?;
    meter.stop.store(true, Ordering::Release);
    let mut value = summary(&a, "produce", latency.len(), seconds);
    value["latency_ms"] = percentiles(&latency);
    value["failed"] = json!(failed);
    print(&a, &value)?;
    if failed > 0 {
        return Err(CliError::new(
            ExitStatus::Error,
            format!("{failed} deliveries failed"),
        ));
    }
    Ok(())
}

async fn consume(a: BenchArgs) -> CliResult {
    let client = ensure_topic(&a).await?;
    let bootstrap = a.connect.bootstrap.clone();
    let client_error = |e| CliError::from_client(e, &bootstrap);
    let mut consumer = Consumer::new(Arc::clone(&client), ConsumerConfig::default());
    consumer
        .assign_topic(&a.topic, StartOffset::Earliest)
        .await
        .map_err(client_error)?;
    let mut available = 0;
    let info = client.topic(&a.topic).await.map_err(client_error)?;
    for p in &info.partitions {
        let latest = client.list_offset(&a.topic, p.partition, strom_client::OffsetSpec::Latest);
        let earliest =
            client.list_offset(&a.topic, p.partition, strom_client::OffsetSpec::Earliest);
        available +=
            latest.await.map_err(client_error)?.0 - earliest.await.map_err(client_error)?.0;
    }
    let target = a.count.min(available.max(0) as u64);
    let meter = Arc::new(Meter::default());
    spawn_progress(Arc::clone(&meter), "consume", a.quiet);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(a.duration);
    let (mut records, mut bytes) = (0u64, 0u64);
    while records < target && Instant::now() < deadline {
        for r in consumer.poll().await.map_err(client_error)? {
            records += 1;
            bytes += r.value.as_ref().map_or(0, Bytes::len) as u64;
        }
        meter.records.store(records, Ordering::Relaxed);
        meter.bytes.store(bytes, Ordering::Relaxed);
    }
    let seconds = started.elapsed().as_secs_f64();
    meter.stop.store(true, Ordering::Release);
    let mut value = summary(&a, "consume", records, seconds);
    value["bytes"] = json!(bytes);
    value["record_size"] = json!(bytes.checked_div(records).unwrap_or(0));
    value["mib_per_sec"] = json!(bytes as f64 / 1048576.0 / seconds.max(1e-9));
    print(&a, &value)
}

async fn e2e(mut a: BenchArgs) -> CliResult {
    if a.rate == 0 {
        a.rate = 10_000;
    }
    a.record_size = a.record_size.max(8);
    let client = ensure_topic(&a).await?;
    let bootstrap = a.connect.bootstrap.clone();
    let mut consumer = Consumer::new(
        Arc::clone(&client),
        ConsumerConfig {
            max_wait: Duration::from_millis(100),
            ..Default::default()
        },
    );
    consumer
        .assign_topic(&a.topic, StartOffset::Latest)
        .await
        .map_err(|e| CliError::from_client(e, &bootstrap))?;
    let epoch = Instant::now();
    let expected = a.count;
    let read_deadline = epoch + Duration::from_secs(a.duration + 10);
    let reader = tokio::spawn(async move {
        let mut h = histogram();
        while h.len() < expected && Instant::now() < read_deadline {
            let records = match consumer.poll().await {
                Ok(r) => r,
                Err(e) => return Err(e),
            };
            let now = epoch.elapsed().as_nanos() as u64;
            for r in records {
                let Some(v) = r.value.filter(|v| v.len() >= 8) else {
                    continue;
                };
                let mut stamp = [0u8; 8];
                stamp.copy_from_slice(&v[..8]);
                let sent = u64::from_be_bytes(stamp);
                h.saturating_record((now.saturating_sub(sent) / 1000).max(1));
            }
        }
        Ok(h)
    });
    let meter = Arc::new(Meter::default());
    spawn_progress(Arc::clone(&meter), "e2e", a.quiet);
    let (seconds, latency, failed) = run_producers(&a, Arc::clone(&meter), epoch).await?;
    meter.stop.store(true, Ordering::Release);
    let e2e = reader
        .await
        .map_err(|e| CliError::new(ExitStatus::Error, format!("consumer failed: {e}")))?
        .map_err(|e| CliError::from_client(e, &bootstrap))?;
    let mut value = summary(&a, "e2e", latency.len(), seconds);
    value["latency_ms"] = percentiles(&latency);
    value["e2e_latency_ms"] = percentiles(&e2e);
    value["failed"] = json!(failed);
    print(&a, &value)
}
