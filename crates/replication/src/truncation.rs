//! Where a follower cuts its log before fetching from a new leader: Kafka's rule, with the
//! extra rounds of KIP-279, as a pure function that the broker's replica fetcher and the
//! replication simulation both call.
//!
//! The follower asks the leader (OffsetForLeaderEpoch) about the last epoch in its log; the
//! leader answers with the largest epoch it has at or below that one and where it ends. Then:
//! - no answer (the leader has no epoch that old): cut to the high watermark, done;
//! - the follower's largest epoch at or below the answer is the same epoch: cut to where that
//!   epoch ends in either log, whichever is first, done;
//! - the follower's is older (it never had the leader's epoch): cut to where its own ends,
//!   and ask again with it, since the entries before may still differ from the leader's;
//! - the follower has no epoch that old: the leader's end, done.
//!
//! Below the high watermark both logs hold the same entries, epochs included, so no round
//! cuts below it while the leader holds it. A single round (the follower's older epoch taken
//! as agreement) can leave entries of an epoch the leader never had below the high
//! watermark: the replication simulation found that (seeds 1239, and 7 with
//! `min.insync.replicas` 2).

use strom_storage::{LeaderEpoch, Offset};

/// Where to cut, and whether the logs then agree (`false`: ask again with the epoch now
/// last in the local log). `answer` is the leader's (epoch, end offset), `None` when it had
/// none; `local_end_for(epoch)` is the local log's largest epoch at or below `epoch` and
/// where it ends (Kafka's `endOffsetFor`).
pub fn truncation_point(
    answer: Option<(LeaderEpoch, Offset)>,
    local_end_for: impl Fn(LeaderEpoch) -> Option<(LeaderEpoch, Offset)>,
    high_watermark: Offset,
    log_end: Offset,
) -> (Offset, bool) {
    let (cut, complete) = match answer {
        None => (high_watermark, true),
        Some((epoch, end)) => match local_end_for(epoch) {
            Some((local, local_end)) if local != epoch => (local_end, false),
            Some((_, local_end)) => (end.min(local_end), true),
            None => (end, true),
        },
    };
    (cut.min(log_end), complete)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (epoch, start offset) chains, Kafka's `endOffsetFor` over them.
    fn end_for(
        chain: &'static [(i32, i64)],
        log_end: i64,
    ) -> impl Fn(LeaderEpoch) -> Option<(LeaderEpoch, Offset)> {
        move |epoch: LeaderEpoch| {
            let next = chain.iter().position(|&(e, _)| e > epoch.0);
            match next {
                None => chain
                    .last()
                    .map(|&(e, _)| (LeaderEpoch(e), Offset(log_end))),
                Some(0) => Some((epoch, Offset(chain[0].1))),
                Some(i) => Some((LeaderEpoch(chain[i - 1].0), Offset(chain[i].1))),
            }
        }
    }

    #[test]
    fn an_older_local_epoch_cuts_and_asks_again() {
        // Ours: epoch 0 at 0..2, epoch 3 at 2..3. The leader's: epoch 2 at 0..3, then 4.
        // Asked about 3 it answers (2, 3); we never had 2: cut to where our 0 ends, ask again.
        let ours = end_for(&[(0, 0), (3, 2)], 3);
        let first = truncation_point(
            Some((LeaderEpoch(2), Offset(3))),
            &ours,
            Offset(0),
            Offset(3),
        );
        assert_eq!(first, (Offset(2), false));
        // Asked about 0 the leader answers (0, 0) (older than all it has): all of it goes.
        let ours = end_for(&[(0, 0)], 2);
        let second = truncation_point(
            Some((LeaderEpoch(0), Offset(0))),
            &ours,
            Offset(0),
            Offset(2),
        );
        assert_eq!(second, (Offset(0), true));
    }

    #[test]
    fn the_same_epoch_cuts_where_either_log_ends_it() {
        let ours = end_for(&[(1, 0), (5, 10)], 30);
        assert_eq!(
            truncation_point(
                Some((LeaderEpoch(5), Offset(20))),
                &ours,
                Offset(8),
                Offset(30)
            ),
            (Offset(20), true)
        );
        assert_eq!(
            truncation_point(
                Some((LeaderEpoch(1), Offset(12))),
                &ours,
                Offset(8),
                Offset(30)
            ),
            (Offset(10), true)
        );
        // No answer: the high watermark.
        assert_eq!(
            truncation_point(None, &ours, Offset(8), Offset(30)),
            (Offset(8), true)
        );
    }
}
