//! An independent load generator on librdkafka, so Strom's benchmark figures do not rest on
//! Strom's own client alone. It produces or consumes a bounded number of records, each run
//! also bounded in time, and prints one JSON line with what it measured.
//!
//! ```text
//! rdkafka-loadgen produce BOOTSTRAP TOPIC COUNT RECORD_SIZE ACKS COMPRESSION [MAX_SECONDS]
//! rdkafka-loadgen consume BOOTSTRAP TOPIC COUNT [MAX_SECONDS]
//! rdkafka-loadgen e2e BOOTSTRAP TOPIC COUNT RECORD_SIZE ACKS RATE [MAX_SECONDS]
//! ```
//!
//! `e2e` produces at RATE records/s while a consumer in the same process reads the topic from
//! its end; each record carries its send time (microseconds since the Unix epoch) in its
//! first 8 bytes, so the latency is the consumer's receive time minus that, clock-for-clock.

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{ClientContext, Message, Offset, TopicPartitionList};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Counts deliveries in librdkafka's callback thread.
#[derive(Default)]
struct Counter {
    delivered: AtomicU64,
    failed: AtomicU64,
}

#[derive(Clone)]
struct Delivery(Arc<Counter>);

impl ClientContext for Delivery {}

impl ProducerContext for Delivery {
    type DeliveryOpaque = ();
    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        match result {
            Ok(_) => self.0.delivered.fetch_add(1, Ordering::Relaxed),
            Err(_) => self.0.failed.fetch_add(1, Ordering::Relaxed),
        };
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("produce") if args.len() >= 7 => produce(&args[1..]),
        Some("consume") if args.len() >= 4 => consume(&args[1..]),
        Some("e2e") if args.len() >= 7 => e2e(&args[1..]),
        _ => Err("usage: rdkafka-loadgen produce BOOTSTRAP TOPIC COUNT RECORD_SIZE ACKS \
                  COMPRESSION [MAX_SECONDS] | consume BOOTSTRAP TOPIC COUNT [MAX_SECONDS] | e2e \
                  BOOTSTRAP TOPIC COUNT RECORD_SIZE ACKS RATE [MAX_SECONDS]"
            .to_string()),
    };
    match result {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rdkafka-loadgen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn number(text: &str, what: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("{what} must be a number, got {text:?}"))
}

fn produce(args: &[String]) -> Result<String, String> {
    let (bootstrap, topic) = (&args[0], &args[1]);
    let count = number(&args[2], "COUNT")?;
    let size = number(&args[3], "RECORD_SIZE")? as usize;
    let (acks, compression) = (&args[4], &args[5]);
    let max = Duration::from_secs(args.get(6).map_or(Ok(120), |s| number(s, "MAX_SECONDS"))?);
    let counter = Arc::new(Counter::default());
    let producer: BaseProducer<Delivery> = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("acks", acks)
        .set("compression.codec", compression)
        .set("linger.ms", "5")
        .set("batch.size", "1000000")
        .set("queue.buffering.max.messages", "1000000")
        .set("queue.buffering.max.kbytes", "131072")
        .set("enable.idempotence", "false")
        .create_with_context(Delivery(Arc::clone(&counter)))
        .map_err(|e| format!("cannot create the producer: {e}"))?;
    // Random-ish bytes so zstd has realistic (not degenerate) work to do.
    let payload: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
    let start = Instant::now();
    let mut sent = 0u64;
    while sent < count && start.elapsed() < max {
        let record = BaseRecord::<(), [u8]>::to(topic).payload(&payload);
        match producer.send(record) {
            Ok(()) => sent += 1,
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                producer.poll(Duration::from_millis(1));
            }
            Err((e, _)) => return Err(format!("send failed: {e}")),
        }
        if sent % 1024 == 0 {
            producer.poll(Duration::ZERO);
        }
    }
    let left = max.saturating_sub(start.elapsed()).max(Duration::from_secs(5));
    // A flush that outlives the bound is reported, not fatal: what was delivered counts.
    let flush_timed_out = producer.flush(left).is_err();
    let seconds = start.elapsed().as_secs_f64();
    let delivered = counter.delivered.load(Ordering::Relaxed);
    let failed = counter.failed.load(Ordering::Relaxed);
    let mut line = report("produce", delivered, failed, size, seconds);
    if flush_timed_out {
        line = line.replacen('{', "{\"flush_timed_out\":true,", 1);
    }
    Ok(line)
}

fn consume(args: &[String]) -> Result<String, String> {
    let (bootstrap, topic) = (&args[0], &args[1]);
    let count = number(&args[2], "COUNT")?;
    let max = Duration::from_secs(args.get(3).map_or(Ok(120), |s| number(s, "MAX_SECONDS"))?);
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", "rdkafka-loadgen")
        .set("enable.auto.commit", "false")
        .set("fetch.max.bytes", "52428800")
        .set("max.partition.fetch.bytes", "4194304")
        .set("queued.min.messages", "1000000")
        .create()
        .map_err(|e| format!("cannot create the consumer: {e}"))?;
    let metadata = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .map_err(|e| format!("metadata of {topic}: {e}"))?;
    let mut assignment = TopicPartitionList::new();
    for t in metadata.topics() {
        for p in t.partitions() {
            assignment
                .add_partition_offset(topic, p.id(), Offset::Beginning)
                .map_err(|e| format!("assign: {e}"))?;
        }
    }
    consumer.assign(&assignment).map_err(|e| format!("assign: {e}"))?;
    let start = Instant::now();
    let (mut records, mut bytes) = (0u64, 0u64);
    while records < count && start.elapsed() < max {
        match consumer.poll(Duration::from_millis(100)) {
            Some(Ok(m)) => {
                records += 1;
                bytes += m.payload().map_or(0, <[u8]>::len) as u64;
            }
            Some(Err(e)) => return Err(format!("consume failed: {e}")),
            None => {}
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let size = if records == 0 { 0 } else { (bytes / records) as usize };
    Ok(report("consume", records, 0, size, seconds))
}

fn report(mode: &str, records: u64, failed: u64, size: usize, seconds: f64) -> String {
    let mib = records as f64 * size as f64 / (1024.0 * 1024.0);
    serde_json::json!({
        "client": "librdkafka",
        "mode": mode,
        "records": records,
        "failed": failed,
        "record_size": size,
        "seconds": seconds,
        "records_per_sec": records as f64 / seconds,
        "mib_per_sec": mib / seconds,
    })
    .to_string()
}

fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as u64)
}

fn e2e(args: &[String]) -> Result<String, String> {
    let (bootstrap, topic) = (args[0].clone(), args[1].clone());
    let count = number(&args[2], "COUNT")?;
    let size = (number(&args[3], "RECORD_SIZE")? as usize).max(8);
    let acks = &args[4];
    let rate = number(&args[5], "RATE")?.max(1);
    let max = Duration::from_secs(args.get(6).map_or(Ok(120), |s| number(s, "MAX_SECONDS"))?);
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &bootstrap)
        .set("group.id", "rdkafka-loadgen-e2e")
        .set("enable.auto.commit", "false")
        .set("fetch.wait.max.ms", "100")
        .set("fetch.min.bytes", "1")
        .create()
        .map_err(|e| format!("cannot create the consumer: {e}"))?;
    let metadata = consumer
        .fetch_metadata(Some(&topic), Duration::from_secs(10))
        .map_err(|e| format!("metadata of {topic}: {e}"))?;
    let mut assignment = TopicPartitionList::new();
    for t in metadata.topics() {
        for p in t.partitions() {
            assignment
                .add_partition_offset(&topic, p.id(), Offset::End)
                .map_err(|e| format!("assign: {e}"))?;
        }
    }
    consumer.assign(&assignment).map_err(|e| format!("assign: {e}"))?;
    // Let the consumer find the end before anything is sent.
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_secs(2) {
        let _ = consumer.poll(Duration::from_millis(50));
    }
    let counter = Arc::new(Counter::default());
    let producer: BaseProducer<Delivery> = ClientConfig::new()
        .set("bootstrap.servers", &bootstrap)
        .set("acks", acks)
        .set("linger.ms", "1")
        .set("enable.idempotence", "false")
        .create_with_context(Delivery(Arc::clone(&counter)))
        .map_err(|e| format!("cannot create the producer: {e}"))?;
    let sender = std::thread::spawn(move || {
        let mut payload = vec![0u8; size];
        let start = Instant::now();
        let mut sent = 0u64;
        while sent < count && start.elapsed() < max {
            let due = start + Duration::from_secs_f64(sent as f64 / rate as f64);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                producer.poll(wait.min(Duration::from_millis(1)));
                continue;
            }
            payload[..8].copy_from_slice(&now_micros().to_be_bytes());
            let record = BaseRecord::<(), [u8]>::to(&topic).payload(&payload);
            if producer.send(record).is_ok() {
                sent += 1;
            } else {
                producer.poll(Duration::from_millis(1));
            }
            producer.poll(Duration::ZERO);
        }
        let _ = producer.flush(Duration::from_secs(10));
        sent
    });
    let start = Instant::now();
    let mut latencies_us: Vec<u64> = Vec::with_capacity(count as usize);
    while (latencies_us.len() as u64) < count && start.elapsed() < max + Duration::from_secs(5) {
        if let Some(Ok(m)) = consumer.poll(Duration::from_millis(100))
            && let Some(p) = m.payload()
            && p.len() >= 8
        {
            let sent_at = u64::from_be_bytes(p[..8].try_into().unwrap_or([0; 8]));
            latencies_us.push(now_micros().saturating_sub(sent_at));
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let sent = sender.join().map_err(|_| "producer thread panicked".to_string())?;
    latencies_us.sort_unstable();
    let pick = |q: f64| -> f64 {
        if latencies_us.is_empty() {
            return 0.0;
        }
        let i = ((latencies_us.len() as f64 * q) as usize).min(latencies_us.len() - 1);
        latencies_us[i] as f64 / 1000.0
    };
    let mut line = report("e2e", latencies_us.len() as u64, count.saturating_sub(sent), size,
        seconds);
    let latency = serde_json::json!({
        "p50": pick(0.5), "p99": pick(0.99), "p999": pick(0.999), "max": pick(1.0),
        "samples": latencies_us.len(),
    });
    line = line.replacen('{', &format!("{{\"e2e_latency_ms\":{latency},"), 1);
    Ok(line)
}
