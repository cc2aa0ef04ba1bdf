//! Server-side assignors for KIP-848 consumer groups. Both are pure functions of the members'
//! subscriptions, the subscribed topics' partition counts and the current target, so the same
//! inputs always give the same target and a restart does not reshuffle partitions.
//!
//! - `uniform`: spreads all subscribed partitions as evenly as the subscriptions allow, and
//!   keeps every partition where it was when that does not break the balance (sticky).
//! - `range`: for each topic, hands its subscribers contiguous ranges in member-id order, so
//!   members line up across co-partitioned topics (like the client-side `RangeAssignor`).

use std::collections::{BTreeMap, BTreeSet};

use strom_protocol::Uuid;

use crate::consumer::Assignment;

pub const UNIFORM: &str = "uniform";
pub const RANGE: &str = "range";

/// Member id to the topic ids it subscribes to.
pub type Subscriptions = BTreeMap<String, BTreeSet<Uuid>>;

/// Computes the target assignment with the named assignor; `None` for an unknown name.
pub fn assign(
    assignor: &str,
    members: &Subscriptions,
    partitions_per_topic: &BTreeMap<Uuid, i32>,
    current: &BTreeMap<String, Assignment>,
) -> Option<BTreeMap<String, Assignment>> {
    match assignor {
        UNIFORM => Some(uniform(members, partitions_per_topic, current)),
        RANGE => Some(range(members, partitions_per_topic)),
        _ => None,
    }
}

fn empty_targets(members: &Subscriptions) -> BTreeMap<String, Assignment> {
    members
        .keys()
        .map(|m| (m.clone(), Assignment::new()))
        .collect()
}

fn range(
    members: &Subscriptions,
    partitions_per_topic: &BTreeMap<Uuid, i32>,
) -> BTreeMap<String, Assignment> {
    let mut out = empty_targets(members);
    for (topic, count) in partitions_per_topic {
        let subscribers: Vec<&String> = members
            .iter()
            .filter(|(_, topics)| topics.contains(topic))
            .map(|(m, _)| m)
            .collect();
        if subscribers.is_empty() || *count <= 0 {
            continue;
        }
        let n = subscribers.len() as i32;
        let (per, extra) = (count / n, count % n);
        let mut next = 0;
        for (i, member) in subscribers.iter().enumerate() {
            let take = per + i32::from((i as i32) < extra);
            if take > 0
                && let Some(target) = out.get_mut(*member)
            {
                target.entry(*topic).or_default().extend(next..next + take);
            }
            next += take;
        }
    }
    out
}

fn uniform(
    members: &Subscriptions,
    partitions_per_topic: &BTreeMap<Uuid, i32>,
    current: &BTreeMap<String, Assignment>,
) -> BTreeMap<String, Assignment> {
    // Every subscribed partition with the members that may take it, hardest to place first.
    let mut partitions: Vec<((Uuid, i32), Vec<&String>)> = Vec::new();
    for (topic, count) in partitions_per_topic {
        let eligible: Vec<&String> = members
            .iter()
            .filter(|(_, topics)| topics.contains(topic))
            .map(|(m, _)| m)
            .collect();
        if eligible.is_empty() {
            continue;
        }
        for p in 0..(*count).max(0) {
            partitions.push(((*topic, p), eligible.clone()));
        }
    }
    partitions.sort_by(|a, b| a.1.len().cmp(&b.1.len()).then(a.0.cmp(&b.0)));

    // How many partitions each member should end with: a greedy fill of the least loaded.
    let mut quota: BTreeMap<&String, usize> = members.keys().map(|m| (m, 0)).collect();
    for (_, eligible) in &partitions {
        if let Some(m) = eligible.iter().min_by_key(|m| (quota[*m], **m)) {
            *quota.entry(m).or_default() += 1;
        }
    }

    // Keep what each member already had, up to its quota.
    let mut owner: BTreeMap<(Uuid, i32), &String> = BTreeMap::new();
    let mut load: BTreeMap<&String, usize> = members.keys().map(|m| (m, 0)).collect();
    let eligible_of: BTreeMap<(Uuid, i32), &Vec<&String>> =
        partitions.iter().map(|(tp, e)| (*tp, e)).collect();
    for (member, assignment) in current {
        let Some((member, _)) = members.get_key_value(member) else {
            continue;
        };
        for (topic, parts) in assignment {
            for p in parts {
                let tp = (*topic, *p);
                let allowed = eligible_of.get(&tp).is_some_and(|e| e.contains(&member));
                if allowed && !owner.contains_key(&tp) && load[member] < quota[member] {
                    owner.insert(tp, member);
                    *load.entry(member).or_default() += 1;
                }
            }
        }
    }

    // Place the rest on the eligible member furthest below its quota.
    for (tp, eligible) in &partitions {
        if owner.contains_key(tp) {
            continue;
        }
        let chosen = eligible
            .iter()
            .min_by_key(|m| {
                let below = load[*m] < quota[*m];
                (!below, load[*m], **m)
            })
            .copied();
        if let Some(m) = chosen {
            owner.insert(*tp, m);
            *load.entry(m).or_default() += 1;
        }
    }

    let mut out = empty_targets(members);
    for ((topic, p), m) in owner {
        if let Some(target) = out.get_mut(m) {
            target.entry(topic).or_default().insert(p);
        }
    }
    out
}
