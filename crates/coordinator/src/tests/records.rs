//! `__consumer_offsets` record formats and group-to-partition mapping.

use bytes::Bytes;
use strom_protocol::generated::{
    ConsumerGroupMetadataKey, ConsumerGroupMetadataValue, GroupMetadataKey, GroupMetadataValue,
    OffsetCommitKey, OffsetCommitValue,
};

use crate::record::{java_string_hash, partition_for};
use crate::{CoordinatorError, CoordinatorRecord, decode_record, encode_record};

#[test]
fn partition_for_matches_kafka() {
    // Java's String.hashCode over UTF-16 units, Utils.abs mapping i32::MIN to 0, modulo n.
    assert_eq!(java_string_hash(""), 0);
    assert_eq!(java_string_hash("hello"), 99_162_322);
    assert_eq!(java_string_hash("polygenelubricants"), i32::MIN);
    assert_eq!(partition_for("polygenelubricants", 50), 0);
    // A character outside the BMP hashes as its two surrogates.
    assert_eq!(java_string_hash("\u{1F600}"), 0xD83D * 31 + 0xDE00);
    assert_eq!(partition_for("hello", 50), 99_162_322 % 50);
    // A negative hash takes its absolute value.
    let h = java_string_hash("console-consumer-12345");
    assert_eq!(partition_for("console-consumer-12345", 50), h.abs() % 50);
}

#[test]
fn records_round_trip_with_kafka_key_versions() {
    // Each record type encodes with its key version as the leading i16 and decodes back.
    let offset = CoordinatorRecord::OffsetCommit(
        OffsetCommitKey {
            group: "g".into(),
            topic: "t".into(),
            partition: 3,
        },
        Some(OffsetCommitValue {
            offset: 42,
            leader_epoch: 7,
            metadata: "m".into(),
            commit_timestamp: 1_000,
            ..Default::default()
        }),
    );
    let (key, value) = encode_record(&offset).unwrap();
    assert_eq!(&key[..2], &[0, 1]);
    assert_eq!(&value.as_ref().unwrap()[..2], &[0, 3]);
    assert_eq!(decode_record(&key, value.as_ref()).unwrap(), offset);
    // Byte layout of the key: version 1, group, topic, partition (Kafka's format).
    assert_eq!(key.as_ref(), b"\x00\x01\x00\x01g\x00\x01t\x00\x00\x00\x03");

    let group = CoordinatorRecord::GroupMetadata(
        GroupMetadataKey { group: "g".into() },
        Some(GroupMetadataValue {
            protocol_type: "consumer".into(),
            generation: 4,
            protocol: Some("range".into()),
            leader: Some("m1".into()),
            current_state_timestamp: 5,
            ..Default::default()
        }),
    );
    let (key, value) = encode_record(&group).unwrap();
    assert_eq!(&key[..2], &[0, 2]);
    assert_eq!(decode_record(&key, value.as_ref()).unwrap(), group);

    let consumer = CoordinatorRecord::ConsumerGroupMetadata(
        ConsumerGroupMetadataKey {
            group_id: "g".into(),
        },
        Some(ConsumerGroupMetadataValue {
            epoch: 9,
            ..Default::default()
        }),
    );
    let (key, value) = encode_record(&consumer).unwrap();
    assert_eq!(&key[..2], &[0, 3]);
    assert_eq!(decode_record(&key, value.as_ref()).unwrap(), consumer);

    let tombstone = CoordinatorRecord::GroupMetadata(GroupMetadataKey { group: "g".into() }, None);
    let (key, value) = encode_record(&tombstone).unwrap();
    assert!(value.is_none());
    assert_eq!(decode_record(&key, None).unwrap(), tombstone);
}

#[test]
fn hostile_record_bytes_are_errors_not_panics() {
    // Truncated keys, unknown record types and garbage values are typed errors.
    assert!(matches!(
        decode_record(&Bytes::from_static(b"\x00"), None),
        Err(CoordinatorError::KeyTooShort { .. })
    ));
    assert!(matches!(
        decode_record(&Bytes::from_static(b"\x00\x63abc"), None),
        Err(CoordinatorError::UnknownRecordType { version: 99 })
    ));
    let key = Bytes::from_static(b"\x00\x02\x00\x01g");
    assert!(decode_record(&key, Some(&Bytes::from_static(b"\x00\x03\xff"))).is_err());
    assert!(matches!(
        decode_record(&key, Some(&Bytes::from_static(b"\x00\x63"))),
        Err(CoordinatorError::UnknownValueVersion { .. })
    ));
    let mut c = crate::GroupCoordinator::new(Default::default());
    assert_eq!(
        c.replay(&Bytes::from_static(b"\x00\x0a\x00\x01g"), None),
        Ok(crate::ReplayOutcome::Skipped)
    );
}
