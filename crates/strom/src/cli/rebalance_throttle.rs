//! The replication throttle of `strom cluster rebalance --throttle RATE`, set the way Kafka's
//! `kafka-reassign-partitions --throttle` sets it: on each topic with moves,
//! `leader.replication.throttled.replicas` lists every moving partition's current replicas
//! (they may lead it and send the copies) and `follower.replication.throttled.replicas` its
//! new replicas (they fetch the copies); on every live broker both
//! `leader.replication.throttled.rate` and `follower.replication.throttled.rate` are RATE
//! bytes per second. In-sync replicas are never throttled, so traffic that keeps the ISR up
//! to date is not slowed. Cleared once the moves are done, by `--cancel`, or by
//! `--clear-throttle` (all topics, all live brokers).

use std::collections::BTreeMap;

use strom_client::Client;

use super::rebalance_plan::Move;

const TOPIC_CONFIGS: [&str; 2] = [
    "leader.replication.throttled.replicas",
    "follower.replication.throttled.replicas",
];
const BROKER_CONFIGS: [&str; 2] = [
    "leader.replication.throttled.rate",
    "follower.replication.throttled.rate",
];

/// The two throttled-replica lists of each topic with moves: (leader side, follower side).
pub fn throttled_replicas(moves: &[Move]) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let mut lists: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for m in moves.iter().filter(|m| m.copies_data()) {
        let (leaders, followers) = lists.entry(m.topic.clone()).or_default();
        leaders.extend(m.from.iter().map(|b| format!("{}:{b}", m.partition)));
        followers.extend(
            m.to.iter()
                .filter(|b| !m.from.contains(b))
                .map(|b| format!("{}:{b}", m.partition)),
        );
    }
    lists
}

/// Throttles the replicas `moves` copies to `rate` bytes per second on `brokers`.
pub async fn set(
    client: &Client,
    moves: &[Move],
    brokers: &[i32],
    rate: u64,
) -> Result<(), strom_client::ClientError> {
    for (topic, (leaders, followers)) in throttled_replicas(moves) {
        let changes = [
            (TOPIC_CONFIGS[0].to_string(), Some(leaders.join(","))),
            (TOPIC_CONFIGS[1].to_string(), Some(followers.join(","))),
        ];
        client.alter_topic_configs(&topic, &changes).await?;
    }
    let rates: Vec<(String, Option<String>)> = BROKER_CONFIGS
        .iter()
        .map(|c| (c.to_string(), Some(rate.to_string())))
        .collect();
    for &broker in brokers {
        client.alter_broker_configs(broker, &rates).await?;
    }
    Ok(())
}

/// Removes the throttle from `topics` and `brokers` (configs not set are left as they are).
pub async fn clear(
    client: &Client,
    topics: &[String],
    brokers: &[i32],
) -> Result<(), strom_client::ClientError> {
    let topic_changes: Vec<(String, Option<String>)> = TOPIC_CONFIGS
        .iter()
        .map(|c| (c.to_string(), None))
        .collect();
    for topic in topics {
        client.alter_topic_configs(topic, &topic_changes).await?;
    }
    let broker_changes: Vec<(String, Option<String>)> = BROKER_CONFIGS
        .iter()
        .map(|c| (c.to_string(), None))
        .collect();
    for &broker in brokers {
        client.alter_broker_configs(broker, &broker_changes).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaders_are_the_current_replicas_and_followers_the_new_ones() {
        let moves = vec![
            Move {
                topic: "a".into(),
                partition: 0,
                from: vec![1, 2],
                to: vec![2, 3],
            },
            Move {
                topic: "a".into(),
                partition: 1,
                from: vec![3],
                to: vec![4],
            },
        ];
        let lists = throttled_replicas(&moves);
        assert_eq!(
            lists["a"],
            (
                vec!["0:1".into(), "0:2".into(), "1:3".into()],
                vec!["0:3".into(), "1:4".into()]
            )
        );
    }
}
