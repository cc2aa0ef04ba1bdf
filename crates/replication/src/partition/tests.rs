use proptest::prelude::*;

use super::*;

const ME: NodeId = NodeId(1);
const B: NodeId = NodeId(2);
const C: NodeId = NodeId(3);

fn tp() -> TopicPartition {
    TopicPartition::new("t", 0)
}

fn assignment(leader: Option<NodeId>, epoch: i32, pe: i32, isr: &[NodeId]) -> Assignment {
    Assignment {
        leader,
        leader_epoch: LeaderEpoch(epoch),
        partition_epoch: pe,
        replicas: vec![ME, B, C],
        isr: isr.to_vec(),
        min_insync_replicas: 1,
    }
}

fn single(epoch: i32) -> Assignment {
    Assignment {
        leader: Some(ME),
        leader_epoch: LeaderEpoch(epoch),
        partition_epoch: epoch,
        replicas: vec![ME],
        isr: vec![ME],
        min_insync_replicas: 1,
    }
}

fn log(start: i64, end: i64, durable: i64, hw: i64) -> LocalLog {
    LocalLog {
        log_start: Offset(start),
        log_end: Offset(end),
        durable: Offset(durable),
        high_watermark: Offset(hw),
    }
}

#[test]
fn a_single_node_leader_high_watermark_follows_the_local_flush() {
    // With the ISR being this node alone, the high watermark is the local durable offset:
    // appends alone do not move it, a flush does.
    let mut p = Partition::new(tp(), ME, &single(0), log(0, 0, 0, 0), 0).unwrap();
    assert!(p.is_leader());
    assert_eq!(p.update_local_log(Offset(0), Offset(10), Offset(0)), None);
    assert_eq!(p.high_watermark(), Offset(0));
    assert_eq!(
        p.update_local_log(Offset(0), Offset(10), Offset(10)),
        Some(Offset(10))
    );
    assert_eq!(
        p.update_local_log(Offset(0), Offset(15), Offset(12)),
        Some(Offset(12))
    );
}

#[test]
fn a_restarted_leader_keeps_its_checkpointed_high_watermark() {
    // After a restart the high watermark starts at the checkpoint (what consumers already
    // saw), not at the older recovery point, and moves on once the tail is flushed.
    let p = Partition::new(tp(), ME, &single(0), log(0, 100, 40, 80), 0).unwrap();
    assert_eq!(p.high_watermark(), Offset(80));
    let p = Partition::new(tp(), ME, &single(0), log(0, 100, 100, 80), 0).unwrap();
    assert_eq!(p.high_watermark(), Offset(100));
}

#[test]
fn the_leader_high_watermark_is_the_minimum_durable_offset_over_the_isr() {
    // Three in-sync replicas: the high watermark waits for the slowest one's disk, not for
    // its log end, and never goes back.
    let a = assignment(Some(ME), 1, 1, &[ME, B, C]);
    let mut p = Partition::new(tp(), ME, &a, log(0, 0, 0, 0), 0).unwrap();
    p.update_local_log(Offset(0), Offset(20), Offset(20));
    assert_eq!(p.high_watermark(), Offset(0), "followers unknown yet");
    assert_eq!(
        p.update_follower(B, Offset(20), Offset(15), 5).unwrap(),
        None
    );
    assert_eq!(
        p.update_follower(C, Offset(20), Offset(10), 5).unwrap(),
        Some(Offset(10))
    );
    assert_eq!(
        p.update_follower(C, Offset(20), Offset(18), 6).unwrap(),
        Some(Offset(15))
    );
    // A report below the high watermark (a follower that lost its unflushed tail) does not
    // move it back.
    assert_eq!(
        p.update_follower(B, Offset(12), Offset(12), 7).unwrap(),
        None
    );
    assert_eq!(p.high_watermark(), Offset(15));
}

#[test]
fn a_follower_outside_the_isr_does_not_hold_the_high_watermark_back() {
    // Only in-sync replicas count; a lagging replica outside the ISR is tracked but ignored.
    let a = assignment(Some(ME), 1, 1, &[ME, B]);
    let mut p = Partition::new(tp(), ME, &a, log(0, 30, 30, 0), 0).unwrap();
    p.update_follower(C, Offset(3), Offset(3), 1).unwrap();
    assert_eq!(
        p.update_follower(B, Offset(30), Offset(30), 1).unwrap(),
        Some(Offset(30))
    );
}

#[test]
fn an_isr_shrink_at_the_same_epoch_can_release_the_high_watermark() {
    // A newer partition epoch with a smaller ISR updates the leader in place, and the high
    // watermark moves to what the remaining ISR has on disk.
    let mut p = Partition::new(
        tp(),
        ME,
        &assignment(Some(ME), 1, 1, &[ME, B]),
        log(0, 50, 50, 0),
        0,
    )
    .unwrap();
    assert_eq!(p.high_watermark(), Offset(0));
    let t = p
        .apply(&assignment(Some(ME), 1, 2, &[ME]), log(0, 50, 50, 0), 1)
        .unwrap();
    assert_eq!(t, Transition::Updated);
    assert_eq!(p.high_watermark(), Offset(50));
    assert_eq!(p.isr(), Some(&[ME][..]));
}

#[test]
fn leader_epochs_only_move_forward() {
    // A newer epoch changes the role; the same assignment again is a no-op; an older epoch
    // is refused and changes nothing.
    let mut p = Partition::new(tp(), ME, &single(3), log(0, 0, 0, 0), 0).unwrap();
    assert_eq!(
        p.apply(&single(3), log(0, 0, 0, 0), 1).unwrap(),
        Transition::Unchanged
    );
    let follow = assignment(Some(B), 4, 4, &[ME, B]);
    assert_eq!(
        p.apply(&follow, log(0, 0, 0, 0), 1).unwrap(),
        Transition::BecameFollower
    );
    assert_eq!(p.leader_epoch(), LeaderEpoch(4));
    assert!(matches!(
        p.apply(&single(3), log(0, 0, 0, 0), 2),
        Err(StateError::StaleLeaderEpoch { .. })
    ));
    assert_eq!(p.leader_epoch(), LeaderEpoch(4));
    assert!(!p.is_leader());
    let lead = assignment(Some(ME), 5, 5, &[ME, B]);
    assert_eq!(
        p.apply(&lead, log(0, 0, 0, 0), 3).unwrap(),
        Transition::BecameLeader
    );
}

#[test]
fn requests_with_another_epoch_are_fenced_or_unknown() {
    // Kafka's answers: an older epoch is FENCED_LEADER_EPOCH, a newer one
    // UNKNOWN_LEADER_EPOCH, and -1 skips the check.
    let p = Partition::new(tp(), ME, &single(7), log(0, 0, 0, 0), 0).unwrap();
    assert_eq!(p.check_epoch(LeaderEpoch(7)), Ok(()));
    assert_eq!(p.check_epoch(LeaderEpoch::UNKNOWN), Ok(()));
    assert!(matches!(
        p.check_epoch(LeaderEpoch(6)),
        Err(EpochError::Fenced { .. })
    ));
    assert!(matches!(
        p.check_epoch(LeaderEpoch(8)),
        Err(EpochError::Unknown { .. })
    ));
}

#[test]
fn assignments_this_node_cannot_take_are_refused() {
    // Not a replica, or an ISR outside the replicas or without the leader: refused.
    let mut not_here = single(0);
    not_here.replicas = vec![B];
    not_here.isr = vec![B];
    not_here.leader = Some(B);
    assert!(matches!(
        Partition::new(tp(), ME, &not_here, log(0, 0, 0, 0), 0),
        Err(StateError::NotAReplica { .. })
    ));
    let bad_isr = assignment(Some(ME), 0, 0, &[B]);
    assert!(matches!(
        Partition::new(tp(), ME, &bad_isr, log(0, 0, 0, 0), 0),
        Err(StateError::InvalidIsr { .. })
    ));
}

#[test]
fn a_follower_takes_the_leaders_high_watermark_within_its_own_log() {
    // As follower the high watermark is the leader's, but never past the local log end.
    let a = assignment(Some(B), 2, 2, &[ME, B]);
    let mut p = Partition::new(tp(), ME, &a, log(0, 10, 10, 0), 0).unwrap();
    assert_eq!(p.update_follower_high_watermark(Offset(25)), Offset(10));
    p.update_local_log(Offset(0), Offset(30), Offset(20));
    assert_eq!(p.update_follower_high_watermark(Offset(25)), Offset(25));
    assert!(matches!(
        p.update_follower(C, Offset(1), Offset(1), 0),
        Err(StateError::NotLeader)
    ));
}

#[derive(Debug, Clone)]
enum Event {
    Append(u8),
    Flush(u8),
    Fetch { replica: u8, ahead: u8, synced: u8 },
    Isr(Vec<bool>),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        (1u8..20).prop_map(Event::Append),
        (0u8..20).prop_map(Event::Flush),
        (0u8..2, 0u8..30, 0u8..30).prop_map(|(replica, ahead, synced)| Event::Fetch {
            replica,
            ahead,
            synced
        }),
        proptest::collection::vec(any::<bool>(), 2).prop_map(Event::Isr),
    ]
}

proptest! {
    #[test]
    fn the_high_watermark_never_passes_what_the_isr_has_on_disk(
        events in proptest::collection::vec(event(), 1..80)
    ) {
        // Whatever the order of appends, flushes, follower fetches and ISR changes, the
        // leader's high watermark never decreases, never passes the local log end, and each
        // value it takes was on disk at every replica in the ISR at that moment.
        let mut isr = vec![ME, B, C];
        let mut pe = 0;
        let mut p = Partition::new(tp(), ME, &assignment(Some(ME), 1, pe, &isr), log(0, 0, 0, 0), 0)
            .unwrap();
        let (mut end, mut durable) = (0i64, 0i64);
        let mut followers = [(0i64, 0i64); 2];
        let mut last_hw = Offset(0);
        for (now, e) in events.into_iter().enumerate() {
            match e {
                Event::Append(n) => end += i64::from(n),
                Event::Flush(n) => durable = (durable + i64::from(n)).min(end),
                Event::Fetch { replica, ahead, synced } => {
                    let f = &mut followers[replica as usize];
                    f.0 = (f.0 + i64::from(ahead)).min(end);
                    f.1 = (f.1 + i64::from(synced)).min(f.0);
                    let node = [B, C][replica as usize];
                    p.update_follower(node, Offset(f.0), Offset(f.1), now as i64).unwrap();
                }
                Event::Isr(keep) => {
                    isr = std::iter::once(ME)
                        .chain([B, C].into_iter().zip(keep).filter(|(_, k)| *k).map(|(n, _)| n))
                        .collect();
                    pe += 1;
                    p.apply(&assignment(Some(ME), 1, pe, &isr), log(0, end, durable, 0), now as i64)
                        .unwrap();
                }
            }
            p.update_local_log(Offset(0), Offset(end), Offset(durable));
            let hw = p.high_watermark();
            prop_assert!(hw >= last_hw, "went back from {last_hw} to {hw}");
            prop_assert!(hw <= Offset(end));
            if hw > last_hw {
                prop_assert!(hw <= Offset(durable));
                for (i, node) in [B, C].iter().enumerate() {
                    if isr.contains(node) {
                        prop_assert!(hw <= Offset(followers[i].1), "{node} has {} on disk, hw {hw}", followers[i].1);
                    }
                }
            }
            last_hw = hw;
        }
    }
}

const LAG_MS: i64 = 30_000;

/// A leader of three replicas at epoch 1 with the ISR `isr`, its log at 0..10 durable.
fn leader_of_three(isr: &[NodeId]) -> Partition {
    let a = assignment(Some(ME), 1, 1, isr);
    Partition::new(tp(), ME, &a, log(0, 10, 10, 0), 0).unwrap()
}

#[test]
fn a_follower_that_stops_fetching_is_proposed_out_of_the_isr_after_the_lag_time() {
    let mut p = leader_of_three(&[ME, B, C]);
    p.update_follower(B, Offset(10), Offset(10), 1_000).unwrap();
    p.update_follower(C, Offset(10), Offset(10), 1_000).unwrap();
    assert_eq!(p.high_watermark(), Offset(10));
    assert_eq!(p.propose_isr_change(LAG_MS, LAG_MS, &|_| true), None);
    // B keeps fetching at the log end; C goes silent.
    p.update_follower(B, Offset(10), Offset(10), LAG_MS + 2_000)
        .unwrap();
    let proposal = p
        .propose_isr_change(LAG_MS + 2_000, LAG_MS, &|_| true)
        .unwrap();
    assert_eq!(proposal.isr, vec![ME, B]);
    assert_eq!(proposal.partition_epoch, 1);
    // Only one change in flight.
    assert_eq!(
        p.propose_isr_change(LAG_MS + 3_000, LAG_MS, &|_| true),
        None
    );
    // Until the shrink is committed, C still holds the high watermark back.
    p.update_local_log(Offset(0), Offset(20), Offset(20));
    p.update_follower(B, Offset(20), Offset(20), LAG_MS + 3_000)
        .unwrap();
    assert_eq!(p.high_watermark(), Offset(10));
    // The controller committed it: a newer partition epoch, and the watermark moves.
    let shrunk = assignment(Some(ME), 1, 2, &[ME, B]);
    p.apply(&shrunk, log(0, 20, 20, 10), LAG_MS + 4_000)
        .unwrap();
    assert_eq!(p.pending_isr(), None);
    assert_eq!(p.high_watermark(), Offset(20));
}

#[test]
fn a_follower_keeping_up_under_constant_load_stays_in_sync() {
    // The leader's log end moves between every fetch, so the follower is never exactly at
    // it; reaching the log end the previous fetch saw proves it was caught up then.
    let mut p = leader_of_three(&[ME, B, C]);
    let mut end = 10;
    for step in 1..=100 {
        let now = step * 1_000;
        p.update_follower(B, Offset(end), Offset(end), now).unwrap();
        p.update_follower(C, Offset(end), Offset(end), now).unwrap();
        end += 5;
        p.update_local_log(Offset(0), Offset(end), Offset(end));
    }
    assert_eq!(p.propose_isr_change(100_000, LAG_MS, &|_| true), None);
}

#[test]
fn a_replica_joins_the_isr_once_it_holds_the_high_watermark_on_disk() {
    let mut p = leader_of_three(&[ME, B]);
    p.update_follower(B, Offset(10), Offset(10), 10).unwrap();
    assert_eq!(p.high_watermark(), Offset(10));
    // C has fetched up to 10 but fsync'd only 5: not yet.
    p.update_follower(C, Offset(10), Offset(5), 20).unwrap();
    assert_eq!(p.propose_isr_change(30, LAG_MS, &|_| true), None);
    p.update_follower(C, Offset(10), Offset(10), 40).unwrap();
    let proposal = p.propose_isr_change(50, LAG_MS, &|_| true).unwrap();
    assert_eq!(proposal.isr, vec![ME, B, C]);
    // While the expansion is pending, C already holds the high watermark back: once
    // committed it may be elected, so it must have everything acknowledged.
    p.update_local_log(Offset(0), Offset(30), Offset(30));
    p.update_follower(B, Offset(30), Offset(30), 60).unwrap();
    assert_eq!(p.high_watermark(), Offset(10));
    p.update_follower(C, Offset(25), Offset(25), 70).unwrap();
    assert_eq!(p.high_watermark(), Offset(25));
    // Refused by the controller: C no longer counts, the next check may propose again.
    p.isr_change_failed(proposal.partition_epoch);
    p.update_follower(B, Offset(30), Offset(30), 80).unwrap();
    assert_eq!(p.high_watermark(), Offset(30));
    assert!(
        p.propose_isr_change(90, LAG_MS, &|_| true).is_none(),
        "C is behind the watermark"
    );
}

#[test]
fn a_replica_joins_only_after_reaching_the_start_of_the_leader_epoch() {
    // Elected with the log at 10 and a high watermark of 0: a replica at 5 holds the
    // watermark but not this leader's earlier records.
    let a = assignment(Some(ME), 1, 1, &[ME]);
    let mut p = Partition::new(tp(), ME, &a, log(0, 10, 0, 0), 0).unwrap();
    p.update_follower(B, Offset(5), Offset(5), 10).unwrap();
    assert_eq!(p.propose_isr_change(20, LAG_MS, &|_| true), None);
    p.update_follower(B, Offset(10), Offset(10), 30).unwrap();
    assert_eq!(
        p.propose_isr_change(40, LAG_MS, &|_| true).unwrap().isr,
        vec![ME, B]
    );
}

#[test]
fn a_late_refusal_of_an_older_proposal_leaves_the_newer_one_pending() {
    // Found by the simulation (tests/simulation.rs, seed 299): the leader proposes adding C
    // at partition epoch 1; the metadata brings partition epoch 2 (another change), which
    // answers that proposal; the leader proposes again at 2; then the controller's refusal
    // of the first proposal arrives. It must not clear the second, which the controller
    // may commit: the high watermark has to keep waiting for C.
    let mut p = leader_of_three(&[ME, B]);
    p.update_local_log(Offset(0), Offset(10), Offset(10));
    p.update_follower(B, Offset(10), Offset(10), 10).unwrap();
    p.update_follower(C, Offset(10), Offset(10), 10).unwrap();
    let first = p.propose_isr_change(20, LAG_MS, &|_| true).unwrap();
    assert_eq!(first.isr, vec![ME, B, C]);
    let mut newer = assignment(Some(ME), 1, first.partition_epoch + 1, &[ME, B]);
    newer.replicas = vec![ME, B, C];
    p.apply(&newer, log(0, 10, 10, 10), 30).unwrap();
    let second = p.propose_isr_change(40, LAG_MS, &|_| true).unwrap();
    assert_eq!(second.partition_epoch, first.partition_epoch + 1);
    p.isr_change_failed(first.partition_epoch);
    assert!(p.isr_change_pending(second.partition_epoch));
    // B and the leader have more on disk, C does not: C still holds the watermark.
    p.update_local_log(Offset(0), Offset(20), Offset(20));
    p.update_follower(B, Offset(20), Offset(20), 50).unwrap();
    assert_eq!(p.high_watermark(), Offset(10));
    p.isr_change_failed(second.partition_epoch);
    assert!(!p.isr_change_pending(second.partition_epoch));
}

#[test]
fn below_min_insync_replicas_the_high_watermark_holds() {
    // min.insync.replicas 2 of three replicas: with the ISR down to the leader alone the
    // high watermark stays (the replicas that left hold all of it: eligible leaders), and it
    // moves again once the ISR is back at two.
    let mut a = assignment(Some(ME), 1, 1, &[ME]);
    a.min_insync_replicas = 2;
    let mut p = Partition::new(tp(), ME, &a, log(0, 10, 10, 5), 0).unwrap();
    assert_eq!(
        p.high_watermark(),
        Offset(5),
        "the checkpoint, not the flush"
    );
    assert_eq!(p.update_local_log(Offset(0), Offset(20), Offset(20)), None);
    // A lower minimum lets it move at once.
    assert_eq!(p.set_min_insync_replicas(1), Some(Offset(20)));
    assert_eq!(p.set_min_insync_replicas(2), None);
    assert_eq!(p.update_local_log(Offset(0), Offset(30), Offset(30)), None);
    let mut back = assignment(Some(ME), 1, 2, &[ME, B]);
    back.min_insync_replicas = 2;
    p.apply(&back, log(0, 30, 30, 20), 1).unwrap();
    assert_eq!(
        p.update_follower(B, Offset(30), Offset(30), 2).unwrap(),
        Some(Offset(30))
    );
    // With a minimum above the replica count, the replica count is the minimum.
    let mut one = single(0);
    one.min_insync_replicas = 3;
    let mut p = Partition::new(tp(), ME, &one, log(0, 0, 0, 0), 0).unwrap();
    assert_eq!(
        p.update_local_log(Offset(0), Offset(4), Offset(4)),
        Some(Offset(4))
    );
}
