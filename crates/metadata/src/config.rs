//! The topic configs Kafka defines: names, types, defaults, the broker property each one falls
//! back to (its synonym), and what values are legal.
//!
//! A topic's effective value is found in Kafka's order: a value set on the topic, then a
//! dynamic default set for all brokers, then the broker's static property, then the default
//! below. DescribeConfigs reports the chain as synonyms; CreateTopics and AlterConfigs use
//! [`ConfigDef::validate`] so a bad value is refused before a record is written.

/// Kafka's config value types, numbered as DescribeConfigs v3+ reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigType {
    Boolean = 1,
    String = 2,
    Int = 3,
    Long = 5,
    Double = 6,
    List = 7,
}

/// Where a config's value came from, numbered as DescribeConfigs reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigSource {
    DynamicTopicConfig = 1,
    DynamicBrokerConfig = 2,
    DynamicDefaultBrokerConfig = 3,
    StaticBrokerConfig = 4,
    DefaultConfig = 5,
}

/// What values a config accepts.
#[derive(Debug, Clone, Copy)]
pub enum Validator {
    /// Any value of the type.
    Any,
    /// A number within `min..=max`.
    Range { min: f64, max: f64 },
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// A comma-separated list, each element one of these strings.
    ListOf(&'static [&'static str]),
}

/// One topic config.
#[derive(Debug, Clone, Copy)]
pub struct ConfigDef {
    pub name: &'static str,
    pub config_type: ConfigType,
    pub default: &'static str,
    /// The broker property that supplies the default for every topic (empty: none, the
    /// topic config has only Kafka's default).
    pub broker_synonym: &'static str,
    pub validator: Validator,
    pub documentation: &'static str,
}

const LONG_MAX: f64 = i64::MAX as f64;
const LONG_MIN: f64 = i64::MIN as f64;
const INT_MAX: f64 = i32::MAX as f64;
/// Kafka's smallest `segment.bytes` for a topic (1 MiB since Kafka 4.0): smaller segments
/// only multiply files, descriptors and rolls.
pub const SEGMENT_BYTES_MIN: f64 = 1024.0 * 1024.0;
/// The smallest `segment.index.bytes`: room for four entries of the larger index (the
/// 12-byte `.timeindex` entry), so a segment is not rolled after every few batches.
pub const SEGMENT_INDEX_BYTES_MIN: f64 = 4.0 * 12.0;
/// Strom's largest `segment.index.bytes` (Kafka has none): the active segment's index
/// entries are kept in memory, so this bounds that memory per partition being written
/// (64 MiB is 8 million offset index entries, six times Kafka's default).
pub const SEGMENT_INDEX_BYTES_MAX: f64 = 64.0 * 1024.0 * 1024.0;

macro_rules! def {
    ($name:literal, $ty:ident, $default:literal, $synonym:literal, $validator:expr,
     $doc:literal) => {
        ConfigDef {
            name: $name,
            config_type: ConfigType::$ty,
            default: $default,
            broker_synonym: $synonym,
            validator: $validator,
            documentation: $doc,
        }
    };
}

/// Kafka's topic configs, sorted by name.
pub const TOPIC_CONFIGS: &[ConfigDef] = &[
    def!(
        "cleanup.policy",
        List,
        "delete",
        "log.cleanup.policy",
        Validator::ListOf(&["delete", "compact"]),
        "Delete old segments, compact by key, or both."
    ),
    def!(
        "compression.type",
        String,
        "producer",
        "compression.type",
        Validator::OneOf(&["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"]),
        "The codec batches are stored with; 'producer' keeps the producer's."
    ),
    def!(
        "delete.retention.ms",
        Long,
        "86400000",
        "log.cleaner.delete.retention.ms",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "How long tombstones are kept."
    ),
    def!(
        "file.delete.delay.ms",
        Long,
        "60000",
        "log.segment.delete.delay.ms",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "Delay before a deleted file is removed."
    ),
    def!(
        "flush.messages",
        Long,
        "9223372036854775807",
        "log.flush.interval.messages",
        Validator::Range {
            min: 1.0,
            max: LONG_MAX
        },
        "Fsync after this many messages."
    ),
    def!(
        "flush.ms",
        Long,
        "9223372036854775807",
        "log.flush.interval.ms",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "Fsync after this much time."
    ),
    def!(
        "follower.replication.throttled.replicas",
        List,
        "",
        "",
        Validator::Any,
        "Replicas (partition:broker, or *) whose followers' fetching is throttled to \
         follower.replication.throttled.rate while they are not in sync."
    ),
    def!(
        "index.interval.bytes",
        Int,
        "4096",
        "log.index.interval.bytes",
        Validator::Range {
            min: 0.0,
            max: INT_MAX
        },
        "Log bytes between offset index entries."
    ),
    def!(
        "leader.replication.throttled.replicas",
        List,
        "",
        "",
        Validator::Any,
        "Replicas (partition:broker, or *) whose leaders' sending to followers not in \
         sync is throttled to leader.replication.throttled.rate."
    ),
    def!(
        "max.compaction.lag.ms",
        Long,
        "9223372036854775807",
        "log.cleaner.max.compaction.lag.ms",
        Validator::Range {
            min: 1.0,
            max: LONG_MAX
        },
        "Longest time a record stays uncompacted."
    ),
    def!(
        "max.message.bytes",
        Int,
        "1048588",
        "message.max.bytes",
        Validator::Range {
            min: 0.0,
            max: INT_MAX
        },
        "Largest record batch accepted."
    ),
    def!(
        "message.timestamp.after.max.ms",
        Long,
        "3600000",
        "log.message.timestamp.after.max.ms",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "How far in the future a CreateTime timestamp may be."
    ),
    def!(
        "message.timestamp.before.max.ms",
        Long,
        "9223372036854775807",
        "log.message.timestamp.before.max.ms",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "How far in the past a CreateTime timestamp may be."
    ),
    def!(
        "message.timestamp.type",
        String,
        "CreateTime",
        "log.message.timestamp.type",
        Validator::OneOf(&["CreateTime", "LogAppendTime"]),
        "Keep the producer's timestamp or stamp the append time."
    ),
    def!(
        "min.cleanable.dirty.ratio",
        Double,
        "0.5",
        "log.cleaner.min.cleanable.ratio",
        Validator::Range { min: 0.0, max: 1.0 },
        "Dirty share of the log that starts cleaning."
    ),
    def!(
        "min.compaction.lag.ms",
        Long,
        "0",
        "log.cleaner.min.compaction.lag.ms",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "Records younger than this stay."
    ),
    def!(
        "min.insync.replicas",
        Int,
        "1",
        "min.insync.replicas",
        Validator::Range {
            min: 1.0,
            max: INT_MAX
        },
        "Replicas that must ack acks=all writes."
    ),
    def!(
        "preallocate",
        Boolean,
        "false",
        "log.preallocate",
        Validator::Any,
        "Preallocate segment files."
    ),
    def!(
        "retention.bytes",
        Long,
        "-1",
        "log.retention.bytes",
        // Kafka accepts any long: every negative value means no limit.
        Validator::Range {
            min: LONG_MIN,
            max: LONG_MAX
        },
        "Largest size of a partition's log."
    ),
    def!(
        "retention.ms",
        Long,
        "604800000",
        "log.retention.ms",
        Validator::Range {
            min: -1.0,
            max: LONG_MAX
        },
        "How long records are kept."
    ),
    def!(
        "segment.bytes",
        Int,
        "1073741824",
        "log.segment.bytes",
        Validator::Range {
            min: SEGMENT_BYTES_MIN,
            max: INT_MAX
        },
        "Size at which a segment rolls."
    ),
    def!(
        "segment.index.bytes",
        Int,
        "10485760",
        "log.index.size.max.bytes",
        Validator::Range {
            min: SEGMENT_INDEX_BYTES_MIN,
            max: SEGMENT_INDEX_BYTES_MAX
        },
        "Size of each segment's indexes."
    ),
    def!(
        "segment.jitter.ms",
        Long,
        "0",
        "log.roll.jitter.ms",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "Random jitter on segment.ms."
    ),
    def!(
        "segment.ms",
        Long,
        "604800000",
        "log.roll.ms",
        Validator::Range {
            min: 1.0,
            max: LONG_MAX
        },
        "Age at which a segment rolls."
    ),
    def!(
        "unclean.leader.election.enable",
        Boolean,
        "false",
        "unclean.leader.election.enable",
        Validator::Any,
        "Allow an out-of-sync replica to become leader."
    ),
];

/// Broker configs that are not topic defaults but may still be changed at runtime
/// (AlterConfigs on a broker resource), with Kafka's names and defaults. Their name is their
/// own broker synonym.
pub const BROKER_DYNAMIC_CONFIGS: &[ConfigDef] = &[
    def!(
        "follower.replication.throttled.rate",
        Long,
        "9223372036854775807",
        "follower.replication.throttled.rate",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "Bytes per second a broker's followers fetch for throttled replicas."
    ),
    def!(
        "leader.replication.throttled.rate",
        Long,
        "9223372036854775807",
        "leader.replication.throttled.rate",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "Bytes per second a broker, as leader, sends to throttled replicas."
    ),
    def!(
        "replica.alter.log.dirs.io.max.bytes.per.second",
        Long,
        "9223372036854775807",
        "replica.alter.log.dirs.io.max.bytes.per.second",
        Validator::Range {
            min: 0.0,
            max: LONG_MAX
        },
        "Bytes per second for moves between log directories (one directory per broker: \
         unused)."
    ),
];

/// The definition of topic config `name`, if Kafka has one.
pub fn topic_config(name: &str) -> Option<&'static ConfigDef> {
    TOPIC_CONFIGS.iter().find(|def| def.name == name)
}

impl ConfigDef {
    /// Whether `value` is legal for this config; the error says why not.
    pub fn validate(&self, value: &str) -> Result<(), String> {
        let value = value.trim();
        let number = match self.config_type {
            ConfigType::Boolean => {
                return match value.to_ascii_lowercase().as_str() {
                    "true" | "false" => Ok(()),
                    _ => Err(format!("'{value}' is not a boolean")),
                };
            }
            ConfigType::Int => value
                .parse::<i32>()
                .map(f64::from)
                .map_err(|_| format!("'{value}' is not a 32-bit integer"))?,
            ConfigType::Long => value
                .parse::<i64>()
                .map(|v| v as f64)
                .map_err(|_| format!("'{value}' is not a 64-bit integer"))?,
            ConfigType::Double => value
                .parse::<f64>()
                .map_err(|_| format!("'{value}' is not a number"))?,
            ConfigType::String | ConfigType::List => 0.0,
        };
        match self.validator {
            Validator::Any => Ok(()),
            Validator::Range { min, max } if number < min || number > max => {
                Err(format!("{value} is outside {min}..={max}"))
            }
            Validator::Range { .. } => Ok(()),
            Validator::OneOf(allowed) if allowed.contains(&value) => Ok(()),
            Validator::OneOf(allowed) => Err(format!("'{value}' is not one of {allowed:?}")),
            Validator::ListOf(allowed) => {
                let items: Vec<&str> = value.split(',').map(str::trim).collect();
                if items.iter().all(|item| allowed.contains(item)) {
                    Ok(())
                } else {
                    Err(format!("'{value}' is not a list of {allowed:?}"))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_configs_are_range_checked_as_kafka_does() {
        // Each storage-relevant topic config at and just past the edges of its range: the
        // edges Kafka's LogConfig sets, plus Strom's cap on segment.index.bytes.
        let long_max = i64::MAX.to_string();
        let table: &[(&str, &str, bool)] = &[
            ("segment.bytes", "1048576", true),
            ("segment.bytes", "1048575", false),
            ("segment.bytes", "14", false),
            ("segment.bytes", "2147483647", true),
            ("segment.bytes", "2147483648", false),
            ("segment.index.bytes", "48", true),
            ("segment.index.bytes", "47", false),
            ("segment.index.bytes", "67108864", true),
            ("segment.index.bytes", "67108865", false),
            ("segment.ms", "1", true),
            ("segment.ms", "0", false),
            ("segment.jitter.ms", "0", true),
            ("segment.jitter.ms", "-1", false),
            ("index.interval.bytes", "0", true),
            ("index.interval.bytes", "-1", false),
            ("retention.ms", "-1", true),
            ("retention.ms", "-2", false),
            ("retention.bytes", "-5", true),
            ("retention.bytes", &long_max, true),
            ("retention.bytes", "1.5", false),
            ("flush.messages", "1", true),
            ("flush.messages", "0", false),
            ("flush.ms", "0", true),
            ("flush.ms", "-1", false),
            ("max.message.bytes", "0", true),
            ("max.message.bytes", "-1", false),
            ("max.message.bytes", "2147483648", false),
            ("message.timestamp.before.max.ms", "0", true),
            ("message.timestamp.before.max.ms", "-1", false),
            ("message.timestamp.after.max.ms", &long_max, true),
            ("message.timestamp.after.max.ms", "-1", false),
            ("min.cleanable.dirty.ratio", "0", true),
            ("min.cleanable.dirty.ratio", "1", true),
            ("min.cleanable.dirty.ratio", "1.01", false),
            ("min.cleanable.dirty.ratio", "-0.1", false),
            ("delete.retention.ms", "0", true),
            ("delete.retention.ms", "-1", false),
            ("min.compaction.lag.ms", "-1", false),
            ("max.compaction.lag.ms", "0", false),
            ("file.delete.delay.ms", "-1", false),
        ];
        for (name, value, ok) in table {
            let def = topic_config(name).unwrap();
            let got = def.validate(value);
            assert_eq!(got.is_ok(), *ok, "{name}={value}: {got:?}");
            if let Err(reason) = got {
                assert!(
                    !reason.is_empty(),
                    "{name}={value} refused without a reason"
                );
            }
        }
    }

    #[test]
    fn validation_accepts_kafka_values_and_refuses_others() {
        // Each type's legal and illegal values are told apart, with ranges and enumerations.
        let def = |n| topic_config(n).unwrap();
        assert!(def("retention.ms").validate("-1").is_ok());
        assert!(def("retention.ms").validate("-2").is_err());
        assert!(def("segment.bytes").validate("abc").is_err());
        assert!(def("cleanup.policy").validate("compact,delete").is_ok());
        assert!(def("cleanup.policy").validate("shred").is_err());
        assert!(def("min.cleanable.dirty.ratio").validate("1.5").is_err());
        assert!(def("preallocate").validate("TRUE").is_ok());
        assert!(TOPIC_CONFIGS.windows(2).all(|w| w[0].name < w[1].name));
    }
}
