//! TxnOffsetCommit in the group coordinator: offsets pending per producer until the
//! transaction's marker reaches the group's `__consumer_offsets` partition.

use strom_protocol::generated::txn_offset_commit_request::{
    TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic,
};
use strom_protocol::generated::{OffsetFetchRequest, TxnOffsetCommitRequest};

use super::Harness;
use crate::record::encode_record;
use crate::txn::{ProducerId, TransactionResult};
use crate::{GroupCoordinator, GroupCoordinatorConfig};

fn txn_commit(t: &mut Txn, group: &str, producer: i64, offsets: &[(&str, i32, i64)]) -> Vec<i16> {
    let h = &mut t.h;
    let ctx = h.ctx(3);
    let req = TxnOffsetCommitRequest {
        transactional_id: "tid".into(),
        group_id: group.into(),
        producer_id: producer,
        producer_epoch: 0,
        generation_id: -1,
        member_id: String::new(),
        topics: offsets
            .iter()
            .map(|(t, p, o)| TxnOffsetCommitRequestTopic {
                name: t.to_string(),
                partitions: vec![TxnOffsetCommitRequestPartition {
                    partition_index: *p,
                    committed_offset: *o,
                    committed_metadata: Some(format!("m{o}")),
                    ..Default::default()
                }],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let outcome = h.c.txn_offset_commit(&ctx, &req, h.now);
    let records = outcome.effects.records.clone();
    h.absorb(outcome.effects);
    for r in &records {
        let (k, v) = encode_record(&r.record).unwrap();
        t.log.push(Logged::Record(producer, k, v));
    }
    outcome
        .response
        .topics
        .iter()
        .flat_map(|t| t.partitions.iter().map(|p| p.error_code))
        .collect()
}

/// (committed offset, error code) of one partition, with `require_stable` (v7+).
fn fetch_stable(h: &mut Harness, group: &str, topic: &str, partition: i32) -> (i64, i16) {
    let ctx = h.ctx(7);
    let req = OffsetFetchRequest {
        group_id: group.into(),
        require_stable: true,
        topics: Some(vec![
            strom_protocol::generated::offset_fetch_request::OffsetFetchRequestTopic {
                name: topic.into(),
                partition_indexes: vec![partition],
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    let r = h.c.offset_fetch(&ctx, &req);
    let p = &r.topics[0].partitions[0];
    (p.committed_offset, p.error_code)
}

fn end(t: &mut Txn, group: &str, producer: i64, result: TransactionResult) {
    let h = &mut t.h;
    let partition = h.c.partition_for(group);
    let fx =
        h.c.complete_transaction(partition, ProducerId(producer), result, h.now);
    h.absorb(fx);
    t.log.push(Logged::Marker(partition, producer, result));
}

fn new_txn() -> Txn {
    Txn {
        h: Harness::new(),
        log: Vec::new(),
    }
}

/// The harness plus what the broker would have written: transactional records and markers,
/// in log order.
struct Txn {
    h: Harness,
    log: Vec<Logged>,
}

enum Logged {
    Record(i64, bytes::Bytes, Option<bytes::Bytes>),
    Marker(i32, i64, TransactionResult),
}

#[test]
fn txn_offsets_become_visible_only_when_the_transaction_commits() {
    // Offsets committed inside a transaction are invisible to OffsetFetch (and
    // UNSTABLE_OFFSET_COMMIT with require_stable) until the commit marker; then they win.
    let mut t = new_txn();
    assert_eq!(txn_commit(&mut t, "g", 7, &[("t", 0, 10)]), vec![0]);
    assert!(t.h.c.pending_transactional_offsets(ProducerId(7)).is_some());
    let unstable = strom_protocol::ErrorCode::UnstableOffsetCommit as i16;
    assert_eq!(fetch_stable(&mut t.h, "g", "t", 0), (-1, unstable));
    end(&mut t, "g", 7, TransactionResult::Commit);
    assert_eq!(fetch_stable(&mut t.h, "g", "t", 0), (10, 0));
    assert!(t.h.c.pending_transactional_offsets(ProducerId(7)).is_none());
}

#[test]
fn txn_offsets_of_an_aborted_transaction_are_dropped() {
    // An abort marker drops the producer's pending offsets; what was committed before stays.
    let mut t = new_txn();
    txn_commit(&mut t, "g", 7, &[("t", 0, 10)]);
    end(&mut t, "g", 7, TransactionResult::Commit);
    txn_commit(&mut t, "g", 7, &[("t", 0, 20)]);
    end(&mut t, "g", 7, TransactionResult::Abort);
    assert_eq!(fetch_stable(&mut t.h, "g", "t", 0), (10, 0));
}

#[test]
fn replay_of_transactional_offsets_follows_the_markers() {
    // A coordinator rebuilt from the log (transactional batches and markers) ends where the
    // live one did: committed transactions visible, aborted ones gone, open ones pending.
    let mut t = new_txn();
    txn_commit(&mut t, "g", 1, &[("t", 0, 5)]);
    end(&mut t, "g", 1, TransactionResult::Commit);
    txn_commit(&mut t, "g", 2, &[("t", 1, 6)]);
    end(&mut t, "g", 2, TransactionResult::Abort);
    txn_commit(&mut t, "g", 3, &[("t", 2, 7)]);
    let mut rebuilt = GroupCoordinator::new(GroupCoordinatorConfig::default());
    for item in &t.log {
        match item {
            Logged::Record(producer, key, value) => {
                rebuilt
                    .replay_transactional(ProducerId(*producer), key, value.as_ref())
                    .unwrap();
            }
            Logged::Marker(partition, producer, result) => {
                rebuilt.replay_marker(*partition, ProducerId(*producer), *result);
            }
        }
    }
    rebuilt.complete_load(t.h.now);
    let mut r = Harness::new();
    r.c = rebuilt;
    assert_eq!(fetch_stable(&mut r, "g", "t", 0), (5, 0));
    assert_eq!(fetch_stable(&mut r, "g", "t", 1).0, -1);
    let unstable = strom_protocol::ErrorCode::UnstableOffsetCommit as i16;
    assert_eq!(fetch_stable(&mut r, "g", "t", 2), (-1, unstable));
}
