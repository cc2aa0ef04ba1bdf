//! `strom consume`: reads assigned partitions from a chosen start and prints each record
//! through a template or as JSON lines. Without `--follow` it stops at the end of the log as
//! it was when the command started, so `strom consume t --from-beginning` terminates.
//!
//! With `--group` it reads as a member of a consumer group instead: the group assigns the
//! partitions, reading starts at the group's committed offsets, and the offsets after the
//! records printed are committed as it goes and when it stops (also on Ctrl-C), so the next
//! run of the group continues after the last record printed, never skipping one.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use clap::Args;
use serde_json::json;
use strom_client::{
    AutoOffsetReset, ConsumedRecord, Consumer, ConsumerConfig, GroupConfig, OffsetSpec, StartOffset,
};

use super::{CliError, CliResult, ConnectArgs, ExitStatus, Output, connect, emit};

pub const EXAMPLES: &str = "Examples:
  strom consume orders --from-beginning --count 10
  strom consume orders --follow --format '{partition}/{offset} {key}={value}'
  strom consume orders --partition 2 --offset 1000 --output json
  strom consume orders --from-time -15m          # records of the last 15 minutes
  strom consume orders --from-time 1700000000000  # from a time in ms since the epoch
  strom consume orders --group billing --count 100   # as a member of group billing

Template fields: {topic} {partition} {offset} {timestamp} {key} {value} {headers};
\\n and \\t in the template are a newline and a tab.";

#[derive(Args)]
pub struct ConsumeArgs {
    /// Topic to read
    pub topic: String,
    /// Start at the earliest record [default: the end of the log]; with --group, only
    /// where the group has no committed offset
    #[arg(long, conflicts_with_all = ["offset", "from_time"])]
    pub from_beginning: bool,
    /// Read as a member of this consumer group, committing offsets as records are printed
    #[arg(long, conflicts_with_all = ["offset", "from_time", "partition"])]
    pub group: Option<String>,
    /// Start at this offset (in every assigned partition)
    #[arg(long, conflicts_with = "from_time")]
    pub offset: Option<i64>,
    /// Start at the first record at or after a time: ms since the epoch, or `-15m`, `-2h`,
    /// `-30s`, `-1d` before now
    #[arg(long, allow_hyphen_values = true)]
    pub from_time: Option<String>,
    /// Read only this partition [default: all]
    #[arg(long, short)]
    pub partition: Option<i32>,
    /// Stop after this many records (waiting for them if need be)
    #[arg(long, short = 'n')]
    pub count: Option<u64>,
    /// Keep waiting for new records instead of stopping at the end of the log
    #[arg(long, short)]
    pub follow: bool,
    /// Give up after this many seconds without a new record
    #[arg(long, value_name = "SECONDS")]
    pub idle_timeout: Option<u64>,
    /// How to print each record (table output only)
    #[arg(long, default_value = "{value}")]
    pub format: String,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

/// Parses `--from-time`: absolute ms since the epoch, or a negative duration before now.
fn parse_time(text: &str, now_ms: i64) -> Result<i64, CliError> {
    let bad = || {
        CliError::usage(format!(
            "--from-time {text:?}: give ms since the epoch or a duration ago like -15m"
        ))
    };
    if let Some(ago) = text.strip_prefix('-') {
        let (number, unit) = ago.split_at(ago.len().saturating_sub(1));
        let n: i64 = number.parse().map_err(|_| bad())?;
        let unit_ms = match unit {
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            _ => return Err(bad()),
        };
        return Ok(now_ms - n * unit_ms);
    }
    text.parse().map_err(|_| bad())
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

pub async fn run(a: ConsumeArgs) -> CliResult {
    if let Some(group) = a.group.clone() {
        return run_group(a, group).await;
    }
    let bootstrap = a.connect.bootstrap.clone();
    let client_error = |e| CliError::from_client(e, &bootstrap);
    let start = match (&a.from_time, a.offset, a.from_beginning) {
        (Some(t), _, _) => StartOffset::Timestamp(parse_time(t, now_ms())?),
        (None, Some(o), _) if o < 0 => return Err(CliError::usage("--offset must be >= 0")),
        (None, Some(o), _) => StartOffset::Offset(o),
        (None, None, true) => StartOffset::Earliest,
        (None, None, false) => StartOffset::Latest,
    };
    let client = connect(&a.connect).await?;
    let info = client.topic(&a.topic).await.map_err(client_error)?;
    let partitions: Vec<i32> = match a.partition {
        Some(p) if info.partitions.iter().any(|i| i.partition == p) => vec![p],
        Some(p) => {
            return Err(client_error(strom_client::ClientError::UnknownPartition {
                topic: a.topic.clone(),
                partition: p,
            }));
        }
        None => info.partitions.iter().map(|p| p.partition).collect(),
    };
    let config = ConsumerConfig {
        max_wait: Duration::from_millis(200),
        ..Default::default()
    };
    let mut consumer = Consumer::new(client.clone(), config);
    // Where the log ends now: without --follow (and without a count) we stop there.
    let mut ends = HashMap::new();
    for &p in &partitions {
        consumer
            .assign(&a.topic, p, start)
            .await
            .map_err(client_error)?;
        let (end, _) = client
            .list_offset(&a.topic, p, OffsetSpec::Latest)
            .await
            .map_err(client_error)?;
        ends.insert(p, end);
    }
    let stop_at_end = !a.follow && a.count.is_none();
    let template = a.format.replace("\\n", "\n").replace("\\t", "\t");
    let mut printed = 0u64;
    let mut last_record = Instant::now();
    loop {
        if a.count.is_some_and(|c| printed >= c) {
            break;
        }
        if stop_at_end && reached_ends(&consumer, &a.topic, &ends) {
            break;
        }
        if a.idle_timeout
            .is_some_and(|s| last_record.elapsed() >= Duration::from_secs(s))
        {
            break;
        }
        let records = consumer.poll().await.map_err(client_error)?;
        if !records.is_empty() {
            last_record = Instant::now();
        }
        let mut text = String::new();
        for r in &records {
            if a.count.is_some_and(|c| printed >= c) {
                break;
            }
            match a.connect.output {
                Output::Json => {
                    text.push_str(&record_json(r).to_string());
                    text.push('\n');
                }
                Output::Table => {
                    text.push_str(&render(&template, r));
                    text.push('\n');
                }
            }
            printed += 1;
        }
        emit(&text)?;
    }
    if let (Some(c), false) = (a.count, printed >= a.count.unwrap_or(0)) {
        return Err(CliError::new(
            ExitStatus::Error,
            format!("only {printed} of {c} record(s) arrived before --idle-timeout"),
        ));
    }
    Ok(())
}

/// Reads as a member of `group` until --count records, the end of the log as it was at the
/// start (without --follow), --idle-timeout or Ctrl-C; then commits and leaves the group.
async fn run_group(a: ConsumeArgs, group: String) -> CliResult {
    let bootstrap = a.connect.bootstrap.clone();
    let client_error = |e| CliError::from_client(e, &bootstrap);
    let client = connect(&a.connect).await?;
    let info = client.topic(&a.topic).await.map_err(client_error)?;
    let mut ends = HashMap::new();
    for p in &info.partitions {
        let (end, _) = client
            .list_offset(&a.topic, p.partition, OffsetSpec::Latest)
            .await
            .map_err(client_error)?;
        ends.insert(p.partition, end);
    }
    let mut group_config = GroupConfig::new(group);
    group_config.auto_offset_reset = if a.from_beginning {
        AutoOffsetReset::Earliest
    } else {
        AutoOffsetReset::Latest
    };
    let config = ConsumerConfig {
        max_wait: Duration::from_millis(200),
        ..Default::default()
    };
    let mut consumer = Consumer::new(client.clone(), config);
    consumer
        .subscribe(std::slice::from_ref(&a.topic), group_config)
        .map_err(client_error)?;
    let stop_at_end = !a.follow && a.count.is_none();
    let template = a.format.replace("\\n", "\n").replace("\\t", "\t");
    let mut printed = 0u64;
    let mut polled = false;
    let mut last_record = Instant::now();
    let interrupted = tokio::signal::ctrl_c();
    tokio::pin!(interrupted);
    let outcome: CliResult = loop {
        if a.count.is_some_and(|c| printed >= c) {
            break Ok(());
        }
        if polled && stop_at_end && reached_ends(&consumer, &a.topic, &ends) {
            break Ok(());
        }
        if a.idle_timeout
            .is_some_and(|s| last_record.elapsed() >= Duration::from_secs(s))
        {
            break Ok(());
        }
        let records = tokio::select! {
            records = consumer.poll() => records,
            _ = &mut interrupted => break Ok(()),
        };
        let records = match records {
            Ok(records) => records,
            Err(e) => break Err(client_error(e)),
        };
        polled = true;
        if !records.is_empty() {
            last_record = Instant::now();
        }
        let mut text = String::new();
        // The first record of each partition not printed: reading resumes there.
        let mut unprinted: HashMap<i32, i64> = HashMap::new();
        for r in &records {
            if a.count.is_some_and(|c| printed >= c) {
                unprinted.entry(r.partition).or_insert(r.offset);
                continue;
            }
            match a.connect.output {
                Output::Json => text.push_str(&record_json(r).to_string()),
                Output::Table => text.push_str(&render(&template, r)),
            }
            text.push('\n');
            printed += 1;
        }
        let rewound: Result<(), _> = unprinted
            .into_iter()
            .try_for_each(|(partition, offset)| consumer.seek(&a.topic, partition, offset));
        if let Err(e) = rewound {
            break Err(client_error(e));
        }
        if let Err(e) = emit(&text) {
            break Err(e);
        }
    };
    // Commit what was printed and leave, even after an error, so the group moves on.
    let closed = consumer.close().await.map_err(client_error);
    outcome?;
    closed?;
    if let (Some(c), false) = (a.count, printed >= a.count.unwrap_or(0)) {
        return Err(CliError::new(
            ExitStatus::Error,
            format!("only {printed} of {c} record(s) arrived before --idle-timeout"),
        ));
    }
    Ok(())
}

fn reached_ends(consumer: &Consumer, topic: &str, ends: &HashMap<i32, i64>) -> bool {
    ends.iter().all(|(p, end)| {
        consumer
            .positions()
            .get(&(topic.to_string(), *p))
            .is_some_and(|pos| pos >= end)
    })
}

fn text(bytes: Option<&bytes::Bytes>) -> Option<String> {
    bytes.map(|b| String::from_utf8_lossy(b).into_owned())
}

fn record_json(r: &ConsumedRecord) -> serde_json::Value {
    let headers: serde_json::Map<String, serde_json::Value> = r
        .headers
        .iter()
        .map(|h| (h.key.clone(), json!(text(h.value.as_ref()))))
        .collect();
    json!({
        "topic": r.topic,
        "partition": r.partition,
        "offset": r.offset,
        "timestamp": r.timestamp,
        "key": text(r.key.as_ref()),
        "value": text(r.value.as_ref()),
        "headers": headers,
    })
}

/// Fills a template; a missing key or value prints as empty.
fn render(template: &str, r: &ConsumedRecord) -> String {
    let headers = r
        .headers
        .iter()
        .map(|h| format!("{}={}", h.key, text(h.value.as_ref()).unwrap_or_default()))
        .collect::<Vec<_>>()
        .join(",");
    template
        .replace("{topic}", &r.topic)
        .replace("{partition}", &r.partition.to_string())
        .replace("{offset}", &r.offset.to_string())
        .replace("{timestamp}", &r.timestamp.to_string())
        .replace("{headers}", &headers)
        .replace("{key}", &text(r.key.as_ref()).unwrap_or_default())
        .replace("{value}", &text(r.value.as_ref()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use strom_protocol::records::RecordHeader;

    /// Every template field is replaced by the record's value.
    #[test]
    fn template_fills_every_field() {
        let r = ConsumedRecord {
            topic: "t".into(),
            partition: 2,
            offset: 7,
            timestamp: 99,
            key: Some("k".into()),
            value: Some("v".into()),
            headers: vec![RecordHeader::new("h", Some(&b"x"[..]))],
        };
        let out = render(
            "{topic} {partition} {offset} {timestamp} {key} {value} {headers}",
            &r,
        );
        assert_eq!(out, "t 2 7 99 k v h=x");
    }

    /// Relative times count back from now; absolute ones pass through; junk is a usage error.
    #[test]
    fn from_time_accepts_absolute_and_relative() {
        assert_eq!(parse_time("-15m", 1_000_000).ok(), Some(100_000));
        assert_eq!(parse_time("1700000000000", 0).ok(), Some(1_700_000_000_000));
        assert!(parse_time("yesterday", 0).is_err());
    }
}
