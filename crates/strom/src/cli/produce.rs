//! `strom produce`: one record per input line, from standard input or a file, through the
//! batching producer. Deliveries are awaited in a bounded window so a large file streams in
//! constant memory, and any failed delivery ends the command with an error.

use std::collections::VecDeque;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use bytes::Bytes;
use clap::Args;
use serde_json::json;
use strom_client::{ClientError, ProduceReceipt, Producer, ProducerConfig, ProducerRecord};
use strom_protocol::records::RecordHeader;
use tokio::sync::oneshot;

use super::{AcksArg, CliError, CliResult, CompressionArg, ConnectArgs, ExitStatus, Output};
use super::{connect, emit, emit_json, key_value};

pub const EXAMPLES: &str = "Examples:
  seq 10 | strom produce orders
  strom produce orders --file events.txt --compression zstd
  echo 'user42:clicked' | strom produce clicks --key-separator : --header source=web
  strom produce orders --partition 0 --acks all < lines.txt";

/// Deliveries awaited at most this far behind the newest record sent.
const DELIVERY_WINDOW: usize = 50_000;

#[derive(Args)]
pub struct ProduceArgs {
    /// Topic to write to
    pub topic: String,
    /// Read lines from this file instead of standard input (shows a progress bar)
    #[arg(long, short)]
    pub file: Option<PathBuf>,
    /// Split each line at the first SEP into key and value
    #[arg(long, short = 'k', value_name = "SEP")]
    pub key_separator: Option<String>,
    /// A header added to every record, KEY=VALUE (repeatable)
    #[arg(long = "header", short = 'H', value_parser = key_value)]
    pub headers: Vec<(String, String)>,
    /// Write every record to this partition [default: by key, round robin without one]
    #[arg(long, short)]
    pub partition: Option<i32>,
    #[arg(long, value_enum, default_value_t = CompressionArg::None)]
    pub compression: CompressionArg,
    /// Acknowledgement: 0 none, 1 leader appended, all fsync'd on every in-sync replica
    #[arg(long, value_enum, default_value_t = AcksArg::All)]
    pub acks: AcksArg,
    /// Do not draw the progress bar
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

type Delivery = oneshot::Receiver<Result<ProduceReceipt, ClientError>>;

/// The input: lines and, for a file, its size for the progress bar.
fn open_input(a: &ProduceArgs) -> Result<(Box<dyn BufRead + Send>, Option<u64>), CliError> {
    match &a.file {
        None => Ok((Box::new(std::io::BufReader::new(std::io::stdin())), None)),
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| {
                CliError::new(
                    ExitStatus::NotFound,
                    format!("cannot open {}: {e}", path.display()),
                )
            })?;
            let size = file.metadata().map(|m| m.len()).ok();
            let reader = std::io::BufReader::with_capacity(1 << 20, file);
            Ok((Box::new(reader), size))
        }
    }
}

pub async fn run(a: ProduceArgs) -> CliResult {
    let bootstrap = a.connect.bootstrap.clone();
    let client_error = |e| CliError::from_client(e, &bootstrap);
    let (mut input, size) = open_input(&a)?;
    let client = connect(&a.connect).await?;
    // Fail before reading input if the topic or partition is unknown.
    let info = client.topic(&a.topic).await.map_err(client_error)?;
    if let Some(p) = a.partition
        && !info.partitions.iter().any(|i| i.partition == p)
    {
        return Err(client_error(ClientError::UnknownPartition {
            topic: a.topic.clone(),
            partition: p,
        }));
    }
    // Lines keep their order even when a pipelined batch is retried: with acks=all the
    // producer is idempotent (Kafka's default since 3.0); with acks=0/1 only one batch per
    // partition is in flight.
    let idempotent = matches!(a.acks, AcksArg::All);
    let config = ProducerConfig {
        acks: a.acks.into(),
        compression: a.compression.into(),
        idempotent,
        max_in_flight: if idempotent { 5 } else { 1 },
        ..Default::default()
    };
    let producer = Producer::new(client, config).await.map_err(client_error)?;
    let headers: Vec<RecordHeader> = a
        .headers
        .iter()
        .map(|(k, v)| RecordHeader::new(k.as_str(), Some(v.as_bytes())))
        .collect();
    let mut progress = size.filter(|_| !a.quiet).map(Progress::new);
    let mut window: VecDeque<Delivery> = VecDeque::new();
    let (mut records, mut bytes_read) = (0u64, 0u64);
    let mut line = Vec::new();
    let started = Instant::now();
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .map_err(|e| CliError::new(ExitStatus::Error, format!("cannot read the input: {e}")))?;
        if n == 0 {
            break;
        }
        bytes_read += n as u64;
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        let (key, value) = split_key(text, a.key_separator.as_deref(), records + 1)?;
        let record = ProducerRecord {
            topic: a.topic.clone(),
            partition: a.partition,
            key,
            value: Some(Bytes::copy_from_slice(value)),
            headers: headers.clone(),
            timestamp: None,
        };
        window.push_back(producer.send(record).await.map_err(client_error)?);
        records += 1;
        while window.len() > DELIVERY_WINDOW {
            if let Some(d) = window.pop_front() {
                settle(d).await.map_err(client_error)?;
            }
        }
        if let Some(p) = progress.as_mut() {
            p.tick(bytes_read, records, false);
        }
    }
    producer.flush().await;
    for d in window {
        settle(d).await.map_err(client_error)?;
    }
    producer.close().await;
    if let Some(p) = progress.as_mut() {
        p.tick(bytes_read, records, true);
    }
    let seconds = started.elapsed().as_secs_f64();
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "topic": a.topic, "records": records, "bytes": bytes_read, "seconds": seconds,
        })),
        // Standard output stays clean for pipelines; the summary is for the person.
        Output::Table => {
            eprintln!(
                "produced {records} record(s) to {} in {seconds:.2}s",
                a.topic
            );
            emit("")
        }
    }
}

async fn settle(d: Delivery) -> Result<ProduceReceipt, ClientError> {
    d.await.map_err(|_| ClientError::ProducerClosed)?
}

/// Splits a line into key and value at the first separator, if one was asked for.
fn split_key<'a>(
    line: &'a [u8],
    separator: Option<&str>,
    line_number: u64,
) -> Result<(Option<Bytes>, &'a [u8]), CliError> {
    let Some(sep) = separator.map(str::as_bytes).filter(|s| !s.is_empty()) else {
        return Ok((None, line));
    };
    match line.windows(sep.len()).position(|w| w == sep) {
        Some(at) => Ok((
            Some(Bytes::copy_from_slice(&line[..at])),
            &line[at + sep.len()..],
        )),
        None => Err(CliError::new(
            ExitStatus::Error,
            format!(
                "line {line_number} has no key separator {:?}; every line must be KEY{}VALUE",
                String::from_utf8_lossy(sep),
                String::from_utf8_lossy(sep)
            ),
        )),
    }
}

/// A progress bar with rate on standard error, redrawn at most five times a second.
struct Progress {
    total: u64,
    started: Instant,
    drawn: Option<Instant>,
    terminal: bool,
}

impl Progress {
    fn new(total: u64) -> Self {
        Progress {
            total,
            started: Instant::now(),
            drawn: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn tick(&mut self, done: u64, records: u64, last: bool) {
        let due = self
            .drawn
            .is_none_or(|d| d.elapsed() >= Duration::from_millis(200));
        // Off a terminal only the final line is written, so logs stay readable.
        if !(last || (due && self.terminal)) {
            return;
        }
        self.drawn = Some(Instant::now());
        let fraction = if self.total == 0 {
            1.0
        } else {
            (done as f64 / self.total as f64).min(1.0)
        };
        let filled = (fraction * 30.0) as usize;
        let seconds = self.started.elapsed().as_secs_f64().max(1e-6);
        let line = format!(
            "[{}{}] {:>3.0}%  {} records  {:.0} rec/s  {:.1} MiB/s",
            "#".repeat(filled),
            "-".repeat(30 - filled),
            fraction * 100.0,
            records,
            records as f64 / seconds,
            done as f64 / seconds / 1048576.0
        );
        let mut err = std::io::stderr().lock();
        let end = if last { "\n" } else { "" };
        let _ = write!(err, "\r{line}{end}");
        let _ = err.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line splits at the first separator only; a line without one is an error.
    #[test]
    fn key_splits_at_the_first_separator() {
        let (key, value) = split_key(b"a:b:c", Some(":"), 1).expect("split");
        assert_eq!(key.as_deref(), Some(&b"a"[..]));
        assert_eq!(value, b"b:c");
        assert!(split_key(b"abc", Some(":"), 7).is_err());
        let (key, value) = split_key(b"abc", None, 1).expect("no separator");
        assert!(key.is_none());
        assert_eq!(value, b"abc");
    }
}
