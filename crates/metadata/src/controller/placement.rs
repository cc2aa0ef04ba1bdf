//! Where new partitions' replicas go: spread over the live brokers, alternating racks when
//! racks are set, with leaders (the first replica) rotating so each broker leads its share.
//!
//! Pure functions of the candidates and a starting offset: the active controller computes
//! the assignment once and commits it in the partition records, so nothing here needs to be
//! deterministic across nodes, but being so makes it testable.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::error::{MetadataError, Result};
use crate::types::NodeId;

/// A broker replicas may be placed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: NodeId,
    pub rack: Option<String>,
}

/// Refuses a replication factor the live brokers cannot hold, with Kafka's message.
pub fn check_factor(factor: i16, live_brokers: usize) -> Result<()> {
    if factor <= 0 {
        return Err(MetadataError::InvalidReplicationFactor {
            factor: factor.into(),
            reason: "replication factor must be larger than 0".into(),
        });
    }
    if factor as usize > live_brokers {
        return Err(MetadataError::InvalidReplicationFactor {
            factor: factor.into(),
            reason: format!(
                "the target replication factor of {factor} cannot be reached because only \
                 {live_brokers} broker(s) are registered"
            ),
        });
    }
    Ok(())
}

/// The brokers in placement order: one from each rack in turn (racks in name order, brokers
/// of a rack in id order), so consecutive positions fall on different racks while any rack
/// has brokers left. Without racks, id order.
pub fn rack_alternating(candidates: &[Candidate]) -> Vec<NodeId> {
    let mut by_rack: BTreeMap<Option<&str>, Vec<NodeId>> = BTreeMap::new();
    for c in candidates {
        by_rack.entry(c.rack.as_deref()).or_default().push(c.id);
    }
    for ids in by_rack.values_mut() {
        ids.sort();
    }
    let mut order = Vec::with_capacity(candidates.len());
    let mut round = 0;
    while order.len() < candidates.len() {
        for ids in by_rack.values() {
            if let Some(&id) = ids.get(round) {
                order.push(id);
            }
        }
        round += 1;
    }
    order
}

/// Replicas for each partition in `partitions`: partition `p`'s leader is the broker at
/// position `start + p` of the rack-alternating order, its other replicas the next
/// positions. `factor` must have passed [`check_factor`].
pub fn place(
    candidates: &[Candidate],
    partitions: Range<i32>,
    factor: usize,
    start: usize,
) -> Vec<(i32, Vec<NodeId>)> {
    assert!(!candidates.is_empty(), "placement needs a broker");
    assert!(
        factor >= 1 && factor <= candidates.len(),
        "a factor of {factor} over {} brokers",
        candidates.len()
    );
    let order = rack_alternating(candidates);
    let n = order.len();
    let placed: Vec<(i32, Vec<NodeId>)> = partitions
        .map(|p| {
            let first = start + p as usize;
            let replicas = (0..factor).map(|j| order[(first + j) % n]).collect();
            (p, replicas)
        })
        .collect();
    debug_assert!(placed.iter().all(|(_, r)| {
        let mut unique = r.clone();
        unique.sort();
        unique.dedup();
        unique.len() == factor
    }));
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brokers(specs: &[(i32, Option<&str>)]) -> Vec<Candidate> {
        specs
            .iter()
            .map(|(id, rack)| Candidate {
                id: NodeId(*id),
                rack: rack.map(str::to_string),
            })
            .collect()
    }

    #[test]
    fn leaders_rotate_over_brokers() {
        let b = brokers(&[(3, None), (1, None), (2, None)]);
        let placed = place(&b, 0..6, 1, 0);
        let leaders: Vec<i32> = placed.iter().map(|(_, r)| r[0].0).collect();
        assert_eq!(leaders, vec![1, 2, 3, 1, 2, 3]);
        let shifted = place(&b, 0..3, 1, 1);
        assert_eq!(shifted[0].1, vec![NodeId(2)]);
    }

    #[test]
    fn racks_alternate() {
        let b = brokers(&[
            (1, Some("a")),
            (2, Some("a")),
            (3, Some("b")),
            (4, Some("b")),
        ]);
        assert_eq!(
            rack_alternating(&b),
            vec![NodeId(1), NodeId(3), NodeId(2), NodeId(4)]
        );
        // Each partition's two replicas sit on different racks.
        for (_, replicas) in place(&b, 0..4, 2, 0) {
            let rack = |id: NodeId| b.iter().find(|c| c.id == id).unwrap().rack.clone();
            assert_ne!(rack(replicas[0]), rack(replicas[1]));
        }
    }

    #[test]
    fn factors_refused_as_kafka_does() {
        assert!(check_factor(0, 3).is_err());
        assert!(check_factor(4, 3).is_err());
        assert!(check_factor(1, 3).is_ok());
        let e = check_factor(2, 1).unwrap_err().to_string();
        assert!(e.contains("only 1 broker(s) are registered"), "{e}");
    }
}
