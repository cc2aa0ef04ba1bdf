use super::*;

fn data(pid: i64, epoch: i16, seq: i32, first: i64, count: i64, txn: bool) -> ProducerBatch {
    ProducerBatch {
        producer_id: ProducerId(pid),
        epoch,
        first_sequence: seq,
        last_sequence: seq + count as i32 - 1,
        first_offset: Offset(first),
        last_offset: Offset(first + count - 1),
        max_timestamp: Timestamp(first),
        transactional: txn,
        kind: BatchKind::Data,
    }
}

fn marker(pid: i64, epoch: i16, at: i64, abort: bool, coordinator_epoch: i32) -> ProducerBatch {
    ProducerBatch {
        producer_id: ProducerId(pid),
        epoch,
        first_sequence: -1,
        last_sequence: -1,
        first_offset: Offset(at),
        last_offset: Offset(at),
        max_timestamp: Timestamp(at),
        transactional: true,
        kind: BatchKind::Marker {
            abort,
            coordinator_epoch,
        },
    }
}

fn append(
    state: &mut ProducerStateManager,
    b: ProducerBatch,
    level: CheckLevel,
) -> Result<Vec<TxnIndexEntry>, ProducerStateError> {
    let prepared = state.prepare(&[b], level)?;
    Ok(state.commit(prepared))
}

#[test]
fn retried_batch_is_a_duplicate_with_its_original_offsets() {
    // A batch resent with the same epoch and sequences is recognised among the last five and
    // answered with the offsets it was first written at.
    let mut state = ProducerStateManager::new(Offset(100), 10);
    append(&mut state, data(7, 0, 0, 100, 5, false), CheckLevel::Client).unwrap();
    append(&mut state, data(7, 0, 5, 105, 5, false), CheckLevel::Client).unwrap();
    assert_eq!(
        state.find_duplicate(&[data(7, 0, 0, 0, 5, false)]),
        Some((Offset(100), Offset(104)))
    );
    assert_eq!(state.find_duplicate(&[data(7, 1, 0, 0, 5, false)]), None);
}

#[test]
fn gaps_and_old_epochs_are_refused() {
    // A client sequence that skips ahead is out of order, an older epoch is fenced, a newer
    // epoch must start at 0, and a producer with no state may start anywhere.
    let mut state = ProducerStateManager::new(Offset(0), 10);
    append(&mut state, data(7, 3, 0, 0, 2, false), CheckLevel::Client).unwrap();
    assert!(matches!(
        state.prepare(&[data(7, 3, 5, 2, 1, false)], CheckLevel::Client),
        Err(ProducerStateError::OutOfOrderSequence { last: 1, .. })
    ));
    assert!(matches!(
        state.prepare(&[data(7, 2, 2, 2, 1, false)], CheckLevel::Client),
        Err(ProducerStateError::InvalidProducerEpoch { current: 3, .. })
    ));
    assert!(
        state
            .prepare(&[data(7, 4, 0, 2, 1, false)], CheckLevel::Client)
            .is_ok()
    );
    assert!(
        state
            .prepare(&[data(7, 4, 3, 2, 1, false)], CheckLevel::Client)
            .is_err()
    );
    assert!(
        state
            .prepare(&[data(8, 0, 42, 2, 1, false)], CheckLevel::Client)
            .is_ok()
    );
    // A follower takes what the leader wrote, older epoch or not.
    assert!(
        state
            .prepare(&[data(7, 2, 9, 2, 1, false)], CheckLevel::Replication)
            .is_ok()
    );
}

#[test]
fn a_failed_check_changes_nothing() {
    // When the second batch of a record set is refused, the first one's effects are not kept.
    let mut state = ProducerStateManager::new(Offset(0), 10);
    let set = [data(1, 0, 0, 0, 1, true), data(2, 0, 0, 1, 1, false)];
    append(&mut state, data(2, 1, 0, 0, 1, false), CheckLevel::Client).ok();
    assert!(state.prepare(&set, CheckLevel::Client).is_err());
    assert_eq!(state.first_unstable_offset(), None);
}

#[test]
fn markers_complete_transactions_and_aborts_make_index_entries() {
    // A transactional batch opens a transaction at its first offset; a commit closes it with
    // no entry, an abort closes it with an entry whose LSO is the earliest other open
    // transaction; a marker with no data makes no entry.
    let mut state = ProducerStateManager::new(Offset(0), 10);
    append(&mut state, data(1, 0, 0, 0, 2, true), CheckLevel::Client).unwrap();
    append(&mut state, data(2, 0, 0, 2, 2, true), CheckLevel::Client).unwrap();
    append(&mut state, data(1, 0, 2, 4, 1, true), CheckLevel::Client).unwrap();
    assert_eq!(state.first_unstable_offset(), Some(Offset(0)));
    let entries = append(
        &mut state,
        marker(1, 0, 5, true, 3),
        CheckLevel::Coordinator,
    )
    .unwrap();
    assert_eq!(
        entries,
        vec![TxnIndexEntry {
            producer_id: ProducerId(1),
            first_offset: Offset(0),
            last_offset: Offset(5),
            last_stable_offset: Offset(2),
        }]
    );
    assert_eq!(state.first_unstable_offset(), Some(Offset(2)));
    let entries = append(
        &mut state,
        marker(2, 0, 6, false, 3),
        CheckLevel::Coordinator,
    )
    .unwrap();
    assert!(entries.is_empty());
    assert_eq!(state.first_unstable_offset(), None);
    let entries = append(
        &mut state,
        marker(3, 0, 7, true, 3),
        CheckLevel::Coordinator,
    )
    .unwrap();
    assert!(entries.is_empty(), "no data, no entry");
    let producers = state.active_producers();
    assert_eq!(producers.len(), 3);
    assert_eq!(producers[0].coordinator_epoch, 3);
    assert_eq!(producers[0].last_sequence, 2);
    assert_eq!(producers[0].current_txn_start_offset, None);
}

#[test]
fn transaction_rules_are_enforced_for_leaders() {
    // A non-transactional batch inside a transaction, a marker from an older coordinator
    // epoch, and a marker with an older producer epoch are refused.
    let mut state = ProducerStateManager::new(Offset(0), 10);
    append(
        &mut state,
        marker(1, 2, 0, false, 5),
        CheckLevel::Coordinator,
    )
    .unwrap();
    append(&mut state, data(1, 2, 0, 1, 1, true), CheckLevel::Client).unwrap();
    assert!(matches!(
        state.prepare(&[data(1, 2, 1, 2, 1, false)], CheckLevel::Client),
        Err(ProducerStateError::InvalidTxnState { .. })
    ));
    assert!(matches!(
        state.prepare(&[marker(1, 2, 2, true, 4)], CheckLevel::Coordinator),
        Err(ProducerStateError::TransactionCoordinatorFenced { current: 5, .. })
    ));
    assert!(matches!(
        state.prepare(&[marker(1, 1, 2, true, 5)], CheckLevel::Coordinator),
        Err(ProducerStateError::InvalidProducerEpoch { .. })
    ));
    // A marker with a newer epoch (an epoch bump) ends the transaction.
    append(
        &mut state,
        marker(1, 3, 2, true, 5),
        CheckLevel::Coordinator,
    )
    .unwrap();
    assert_eq!(state.first_unstable_offset(), None);
    assert_eq!(state.active_producers()[0].producer_epoch, 3);
}

#[test]
fn producers_are_bounded_and_idle_ones_evicted() {
    // Beyond the bound the least recently active producer without a transaction is
    // forgotten; a client producer that would need to evict one with a transaction is refused.
    let mut state = ProducerStateManager::new(Offset(0), 2);
    append(&mut state, data(1, 0, 0, 0, 1, false), CheckLevel::Client).unwrap();
    append(&mut state, data(2, 0, 0, 1, 1, true), CheckLevel::Client).unwrap();
    append(&mut state, data(3, 0, 0, 2, 1, false), CheckLevel::Client).unwrap();
    let ids: Vec<i64> = state
        .active_producers()
        .iter()
        .map(|p| p.producer_id.0)
        .collect();
    assert_eq!(ids, vec![2, 3]);
    append(&mut state, data(3, 0, 1, 3, 1, true), CheckLevel::Client).unwrap();
    assert_eq!(
        state
            .prepare(&[data(4, 0, 0, 4, 1, false)], CheckLevel::Client)
            .err(),
        Some(ProducerStateError::TooManyProducers(2))
    );
    state.remove_expired(Timestamp(1_000_000), 5);
    assert_eq!(
        state.producer_count(),
        2,
        "producers in a transaction are kept"
    );
}

#[test]
fn snapshot_round_trips_and_rejects_damage() {
    // A snapshot decodes to the same state; any flipped byte or truncation is detected.
    let mut state = ProducerStateManager::new(Offset(0), 10);
    for i in 0..7 {
        append(
            &mut state,
            data(1, 0, i, i64::from(i), 1, true),
            CheckLevel::Client,
        )
        .unwrap();
    }
    append(&mut state, data(2, 4, 0, 7, 3, false), CheckLevel::Client).unwrap();
    append(
        &mut state,
        marker(3, 0, 10, true, 9),
        CheckLevel::Coordinator,
    )
    .unwrap();
    let bytes = state.encode_snapshot();
    let back = ProducerStateManager::decode_snapshot(&bytes, Offset(11), 10).unwrap();
    assert_eq!(back.producers, state.producers);
    assert_eq!(back.ongoing, state.ongoing);
    assert_eq!(back.end_offset(), Offset(11));
    assert!(ProducerStateManager::decode_snapshot(&bytes, Offset(12), 10).is_err());
    for at in [0, 3, 7, bytes.len() / 2, bytes.len() - 1] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x40;
        assert!(ProducerStateManager::decode_snapshot(&bad, Offset(11), 10).is_err());
    }
    for len in [0, 5, 20, bytes.len() - 1] {
        assert!(ProducerStateManager::decode_snapshot(&bytes[..len], Offset(11), 10).is_err());
    }
}

#[test]
fn verification_guards_are_shared_bounded_ended_by_writes_and_expire() {
    // Pipelined writes of one producer share its guard; a transactional write of the
    // producer (data or marker) ends it; beyond the bound the oldest is dropped; old ones
    // expire with idle producers. A guard that is gone refuses the write it was taken for.
    let mut state = ProducerStateManager::new(Offset(0), 2);
    let first = state.start_verification(ProducerId(1), 0, false, Timestamp(10));
    assert!(first.is_some());
    assert_eq!(
        state.start_verification(ProducerId(1), 0, false, Timestamp(11)),
        first
    );
    let starts = [data(1, 0, 0, 0, 1, true)];
    assert_eq!(state.check_verified(&starts, first), Ok(()));
    assert!(state.check_verified(&starts, None).is_err());
    append(&mut state, starts[0], CheckLevel::Client).unwrap();
    assert_eq!(state.verifications_in_flight(), 0, "data ends the guard");
    // Open here: no guard is taken and none is needed.
    assert_eq!(
        state.start_verification(ProducerId(1), 0, false, Timestamp(12)),
        None
    );
    assert_eq!(
        state.check_verified(&[data(1, 0, 1, 1, 1, true)], None),
        Ok(())
    );
    // Bounded: a third producer's guard drops the oldest.
    let two = state.start_verification(ProducerId(2), 0, false, Timestamp(20));
    let three = state.start_verification(ProducerId(3), 0, false, Timestamp(21));
    let four = state.start_verification(ProducerId(4), 0, false, Timestamp(22));
    assert_eq!(state.verifications_in_flight(), 2);
    assert_eq!(
        state.check_verified(&[data(2, 0, 0, 5, 1, true)], two),
        Err(ProducerStateError::TransactionNotVerified {
            producer_id: ProducerId(2)
        })
    );
    assert_eq!(
        state.check_verified(&[data(3, 0, 0, 5, 1, true)], three),
        Ok(())
    );
    // Another producer's guard is no guard for this one.
    assert!(
        state
            .check_verified(&[data(3, 0, 0, 5, 1, true)], four)
            .is_err()
    );
    // A marker of producer 3 ends its guard; expiry ends producer 4's.
    append(
        &mut state,
        marker(3, 0, 5, true, 0),
        CheckLevel::Coordinator,
    )
    .unwrap();
    assert!(
        state
            .check_verified(&[data(3, 0, 0, 6, 1, true)], three)
            .is_err()
    );
    state.remove_expired(Timestamp(1_000), 100);
    assert_eq!(state.verifications_in_flight(), 0);
    assert!(
        state
            .check_verified(&[data(4, 0, 0, 6, 1, true)], four)
            .is_err()
    );
}
