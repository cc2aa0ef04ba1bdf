//! Transaction version 2 (KIP-890 part 2, EndTxn v5 and later): every EndTxn bumps the
//! producer epoch, retries are told apart by the epoch, an abort outside a transaction bumps
//! too, and the epochs running out moves the client to a new producer id.

use strom_protocol::ErrorCode;

use super::txn::{TxnHarness, code, seed_epoch, states_in_log};
use crate::txn::{
    ProducerEpoch, ProducerId, TransactionResult, TransactionState as S, TransactionVersion,
    encode_transaction_record,
};

/// EndTxn v5; its error code and the producer id and epoch it names.
fn end5(h: &mut TxnHarness, id: &str, p: (i64, i16), commit: bool) -> (i16, i64, i16) {
    let (r, _) = h.end_v(id, p, commit, 5);
    (r.error_code, r.producer_id, r.producer_epoch)
}

#[test]
fn every_end_txn_v5_bumps_the_epoch_and_the_markers_carry_it() {
    let mut h = TxnHarness::new();
    let (pid, e) = h.init("t1");
    assert_eq!(h.add("t1", (pid, e), &[("a", 0), ("b", 1)]), 0);
    assert_eq!(end5(&mut h, "t1", (pid, e), true), (0, pid, e + 1));
    assert_eq!(h.state("t1"), S::PrepareCommit);
    let m = h.metadata("t1");
    assert_eq!(m.producer_epoch, ProducerEpoch(e + 1));
    assert_eq!(m.last_producer_epoch, ProducerEpoch(e));
    assert_eq!(m.client_transaction_version, TransactionVersion::TV2);
    assert_eq!(h.markers.len(), 1);
    assert_eq!(h.markers[0].producer_epoch, ProducerEpoch(e + 1));
    assert_eq!(h.markers[0].transaction_version, TransactionVersion::TV2);
    assert_eq!(h.markers[0].result, TransactionResult::Commit);
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteCommit);
    assert_eq!(h.metadata("t1").producer_epoch, ProducerEpoch(e + 1));

    // The old epoch can no longer join a transaction; the new one can.
    assert_eq!(
        h.add("t1", (pid, e), &[("a", 0)]),
        code(ErrorCode::ProducerFenced)
    );
    assert_eq!(h.add("t1", (pid, e + 1), &[("a", 0)]), 0);
    assert_eq!(end5(&mut h, "t1", (pid, e + 1), false), (0, pid, e + 2));
    assert_eq!(h.markers[0].producer_epoch, ProducerEpoch(e + 2));
    assert_eq!(h.markers[0].result, TransactionResult::Abort);
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteAbort);

    // EndTxn v4 keeps the epoch, and its response has no producer fields.
    assert_eq!(h.add("t1", (pid, e + 2), &[("a", 0)]), 0);
    let (r, _) = h.end_v("t1", (pid, e + 2), true, 4);
    assert_eq!((r.error_code, r.producer_id, r.producer_epoch), (0, -1, -1));
    assert_eq!(h.metadata("t1").producer_epoch, ProducerEpoch(e + 2));
    assert_eq!(h.markers[0].transaction_version, TransactionVersion::TV0);
}

#[test]
fn retries_are_recognised_by_the_epoch_below_the_current_one() {
    let mut h = TxnHarness::new();
    let (pid, e) = h.init("t1");
    h.add("t1", (pid, e), &[("a", 0)]);
    assert_eq!(end5(&mut h, "t1", (pid, e), true), (0, pid, e + 1));
    // While the markers are written every EndTxn of the producer waits: the same request
    // again, the other outcome, and the bumped epoch (the client's next transaction) are all
    // CONCURRENT_TRANSACTIONS, and none of them changes the transaction.
    let concurrent = code(ErrorCode::ConcurrentTransactions);
    let invalid = code(ErrorCode::InvalidTxnState);
    let fenced = code(ErrorCode::ProducerFenced);
    let records = h.log.len();
    assert_eq!(end5(&mut h, "t1", (pid, e), true).0, concurrent);
    assert_eq!(end5(&mut h, "t1", (pid, e), false).0, concurrent);
    assert_eq!(end5(&mut h, "t1", (pid, e + 1), true).0, concurrent);
    assert_eq!(end5(&mut h, "t1", (pid, e + 1), false).0, concurrent);
    assert_eq!(h.state("t1"), S::PrepareCommit);
    assert_eq!(h.log.len(), records);
    h.write_markers();
    let records = h.log.len();
    // Completed: a retry of the commit succeeds with the identity the client should hold and
    // writes nothing; an abort retry is INVALID_TXN_STATE.
    assert_eq!(end5(&mut h, "t1", (pid, e), true), (0, pid, e + 1));
    assert_eq!(end5(&mut h, "t1", (pid, e), false).0, invalid);
    assert_eq!(h.log.len(), records);
    // At the current epoch a commit of nothing is INVALID_TXN_STATE; older epochs are fenced;
    // an unknown producer id is INVALID_PRODUCER_ID_MAPPING.
    assert_eq!(end5(&mut h, "t1", (pid, e + 1), true).0, invalid);
    if e > 0 {
        assert_eq!(end5(&mut h, "t1", (pid, e - 1), true).0, fenced);
    }
    assert_eq!(
        end5(&mut h, "t1", (pid + 77, e + 1), true).0,
        code(ErrorCode::InvalidProducerIdMapping)
    );
    assert_eq!(h.log.len(), records);
}

#[test]
fn the_next_transaction_ended_before_the_markers_waits_instead_of_being_fenced() {
    // A client that got the bumped epoch from EndTxn may end its next transaction at once, an
    // abort with nothing added (franz-go does when a rebalance revokes its partitions), while
    // the markers of the first are still being written. That abort waits with
    // CONCURRENT_TRANSACTIONS and, once the markers are written, bumps the epoch again; it was
    // answered PRODUCER_FENCED, a fatal error for the client.
    let mut h = TxnHarness::new();
    let (pid, e) = h.init("t1");
    h.add("t1", (pid, e), &[("a", 0)]);
    assert_eq!(end5(&mut h, "t1", (pid, e), true), (0, pid, e + 1));
    assert_eq!(h.state("t1"), S::PrepareCommit);
    assert_eq!(
        end5(&mut h, "t1", (pid, e + 1), false).0,
        code(ErrorCode::ConcurrentTransactions)
    );
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteCommit);
    assert_eq!(end5(&mut h, "t1", (pid, e + 1), false), (0, pid, e + 2));
    assert_eq!(h.state("t1"), S::CompleteAbort);
    // The same after an abort, and for a commit of the next transaction.
    h.add("t1", (pid, e + 2), &[("a", 0)]);
    assert_eq!(end5(&mut h, "t1", (pid, e + 2), false), (0, pid, e + 3));
    assert_eq!(
        h.add("t1", (pid, e + 3), &[("a", 0)]),
        code(ErrorCode::ConcurrentTransactions)
    );
    assert_eq!(
        end5(&mut h, "t1", (pid, e + 3), true).0,
        code(ErrorCode::ConcurrentTransactions)
    );
    h.write_markers();
    assert_eq!(h.add("t1", (pid, e + 3), &[("a", 0)]), 0);
    assert_eq!(end5(&mut h, "t1", (pid, e + 3), true), (0, pid, e + 4));
}

#[test]
fn abort_without_a_transaction_bumps_the_epoch() {
    // Kafka lets a version 2 client abort when it added no partition (its produce may have
    // failed before the coordinator heard of it): the epoch is bumped, nothing is marked.
    let mut h = TxnHarness::new();
    let (pid, e) = h.init("t1");
    assert_eq!(
        end5(&mut h, "t1", (pid, e), true).0,
        code(ErrorCode::InvalidTxnState)
    );
    assert_eq!(end5(&mut h, "t1", (pid, e), false), (0, pid, e + 1));
    assert!(h.markers.is_empty());
    assert_eq!(h.state("t1"), S::CompleteAbort);
    assert_eq!(
        states_in_log(&h, "t1"),
        vec![S::Empty, S::PrepareAbort, S::CompleteAbort]
    );
    // A retry of it is NONE; an abort at the new epoch bumps again.
    assert_eq!(end5(&mut h, "t1", (pid, e), false), (0, pid, e + 1));
    assert_eq!(end5(&mut h, "t1", (pid, e + 1), false), (0, pid, e + 2));
    // From CompleteCommit too.
    h.add("t1", (pid, e + 2), &[("a", 0)]);
    assert_eq!(end5(&mut h, "t1", (pid, e + 2), true), (0, pid, e + 3));
    h.write_markers();
    assert_eq!(end5(&mut h, "t1", (pid, e + 3), false), (0, pid, e + 4));
    assert!(h.markers.is_empty());
    assert_eq!(h.state("t1"), S::CompleteAbort);
    assert!(h.metadata("t1").partitions.is_empty());
}

#[test]
fn the_last_epoch_moves_the_client_to_a_new_producer_id() {
    let mut h = TxnHarness::new();
    seed_epoch(&mut h, "t1", 5, i16::MAX - 2);
    let p = h.init("t1");
    assert_eq!(p, (5, i16::MAX - 1));
    h.add("t1", p, &[("a", 0)]);
    // The answer already names the next producer id at epoch 0; the markers go out for the
    // old one at i16::MAX, above every epoch it wrote data with.
    assert_eq!(end5(&mut h, "t1", p, true), (0, 1000, 0));
    assert_eq!(h.markers[0].producer_id, ProducerId(5));
    assert_eq!(h.markers[0].producer_epoch, ProducerEpoch(i16::MAX));
    assert_eq!(h.metadata("t1").next_producer_id, ProducerId(1000));
    // Until they are written, the new identity waits and the old one's retry is concurrent.
    let concurrent = code(ErrorCode::ConcurrentTransactions);
    assert_eq!(h.add("t1", (1000, 0), &[("a", 0)]), concurrent);
    assert_eq!(end5(&mut h, "t1", p, true).0, concurrent);
    // A restart here finds the next producer id in the log and sends the markers again.
    h.restart();
    assert_eq!(h.state("t1"), S::PrepareCommit);
    assert_eq!(h.metadata("t1").next_producer_id, ProducerId(1000));
    assert_eq!(h.markers.len(), 1);
    assert_eq!(h.markers[0].producer_epoch, ProducerEpoch(i16::MAX));
    assert_eq!(h.markers[0].transaction_version, TransactionVersion::TV2);
    h.write_markers();
    let m = h.metadata("t1");
    assert_eq!(m.state, S::CompleteCommit);
    assert_eq!(
        (m.producer_id, m.producer_epoch),
        (ProducerId(1000), ProducerEpoch(0))
    );
    assert_eq!(m.last_producer_id, ProducerId(5));
    assert_eq!(m.next_producer_id, ProducerId::NONE);
    // A retry with the old identity is recognised and answered with the new one.
    assert_eq!(end5(&mut h, "t1", p, true), (0, 1000, 0));
    assert_eq!(h.add("t1", (1000, 0), &[("a", 0)]), 0);
    assert_eq!(end5(&mut h, "t1", (1000, 0), true), (0, 1000, 1));
}

#[test]
fn a_timed_out_version_2_transaction_fences_by_two_epochs() {
    // The abort of a timed-out transaction bumps once to fence and once to end it, so the
    // fenced producer's own EndTxn, one epoch behind, cannot pass for a retry.
    let mut h = TxnHarness::new();
    let (pid, e) = h.init("t1");
    h.add("t1", (pid, e), &[("a", 0)]);
    assert_eq!(end5(&mut h, "t1", (pid, e), true), (0, pid, e + 1));
    h.write_markers();
    let e = e + 1;
    h.add("t1", (pid, e), &[("a", 0)]);
    h.advance(60_001);
    assert_eq!(h.state("t1"), S::PrepareAbort);
    assert_eq!(h.markers[0].producer_epoch, ProducerEpoch(e + 2));
    assert_eq!(h.markers[0].transaction_version, TransactionVersion::TV2);
    h.write_markers();
    let fenced = code(ErrorCode::ProducerFenced);
    assert_eq!(end5(&mut h, "t1", (pid, e), false).0, fenced);
    assert_eq!(end5(&mut h, "t1", (pid, e), true).0, fenced);
    assert_eq!(h.add("t1", (pid, e), &[("a", 0)]), fenced);
}

#[test]
fn version_2_records_use_value_version_1_and_reload() {
    let mut h = TxnHarness::new();
    let (pid, e) = h.init("t1");
    h.add("t1", (pid, e), &[("a", 0)]);
    // Before any v5 EndTxn, records stay at value version 0.
    let version_of = |h: &TxnHarness| {
        let r = &h.log.last().expect("a record").record;
        let (_, value) = encode_transaction_record(r).expect("encodes");
        let value = value.expect("not a tombstone");
        i16::from_be_bytes([value[0], value[1]])
    };
    assert_eq!(version_of(&h), 0);
    end5(&mut h, "t1", (pid, e), true);
    assert_eq!(version_of(&h), 1);
    h.restart();
    let m = h.metadata("t1");
    assert_eq!(m.client_transaction_version, TransactionVersion::TV2);
    assert_eq!(m.producer_epoch, ProducerEpoch(e + 1));
    assert_eq!(h.markers[0].transaction_version, TransactionVersion::TV2);
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteCommit);
    assert_eq!(version_of(&h), 1);
}
