//! An independent load generator on librdkafka, so Strom's benchmark figures do not rest on
//! Strom's own client alone. It produces or consumes a bounded number of records, each run
//! also bounded in time, and prints one JSON line with what it measured.
//!
//! ```text
//! rdkafka-loadgen produce BOOTSTRAP TOPIC COUNT RECORD_SIZE ACKS COMPRESSION [MAX_SECONDS]
//! rdkafka-loadgen consume BOOTSTRAP TOPIC COUNT [MAX_SECONDS]
//! ```

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{ClientContext, Message, Offset, TopicPartitionList};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

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
        _ => Err("usage: rdkafka-loadgen produce BOOTSTRAP TOPIC COUNT RECORD_SIZE ACKS \
                  COMPRESSION [MAX_SECONDS] | consume BOOTSTRAP TOPIC COUNT [MAX_SECONDS]"
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
