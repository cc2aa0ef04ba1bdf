//! `strom cluster status`: the cluster's health in one look, with Kafka's APIs only (so it
//! works against Kafka too): the live brokers and the active controller (Metadata,
//! DescribeQuorum), every partition that is under-replicated (fewer in-sync replicas than
//! replicas) or offline (no leader), and the reassignments in progress
//! (ListPartitionReassignments) with the replicas each adds and removes.

use serde_json::json;
use strom_client::PartitionInfo;

use super::admin_requests::{Reassignment, reassignments};
use super::topic::{InfoArgs, brokers_table, partition_state, quorum_leader};
use super::{CliError, CliResult, Output, connect, emit, emit_json, table};

/// A partition that needs attention.
struct Unhealthy {
    topic: String,
    partition: PartitionInfo,
}

pub async fn status(a: InfoArgs) -> CliResult {
    let client = connect(&a.connect).await?;
    let bootstrap = a.connect.bootstrap.clone();
    let topics = client
        .list_topics()
        .await
        .map_err(|e| CliError::from_client(e, &bootstrap))?;
    let total: usize = topics.iter().map(|t| t.partitions.len()).sum();
    let mut unhealthy: Vec<Unhealthy> = topics
        .iter()
        .flat_map(|t| {
            t.partitions
                .iter()
                .filter(|p| !partition_state(p).is_empty())
                .map(|p| Unhealthy {
                    topic: t.name.clone(),
                    partition: p.clone(),
                })
        })
        .collect();
    unhealthy
        .sort_by(|a, b| (&a.topic, a.partition.partition).cmp(&(&b.topic, b.partition.partition)));
    let moving = reassignments(&client).await?;
    let controller = quorum_leader(&client).await;
    let brokers = client.brokers();
    let cluster_id = client.cluster_id().unwrap_or_default();
    match a.connect.output {
        Output::Json => emit_json(&json!({
            "cluster_id": cluster_id,
            "active_controller": controller,
            "brokers": brokers.iter().map(|(id, addr)| json!({"id": id, "address": addr}))
                .collect::<Vec<_>>(),
            "partitions": total,
            "under_replicated": unhealthy.iter().filter(|u| u.partition.leader >= 0).count(),
            "offline": unhealthy.iter().filter(|u| u.partition.leader < 0).count(),
            "unhealthy": unhealthy.iter().map(|u| json!({
                "topic": u.topic, "partition": u.partition.partition,
                "leader": u.partition.leader, "replicas": u.partition.replicas,
                "isr": u.partition.isr, "state": partition_state(&u.partition),
            })).collect::<Vec<_>>(),
            "reassignments": moving.iter().map(|m| json!({
                "topic": m.topic, "partition": m.partition, "replicas": m.replicas,
                "adding": m.adding, "removing": m.removing,
            })).collect::<Vec<_>>(),
        })),
        Output::Table => emit(&render(
            &cluster_id,
            controller,
            &brokers,
            total,
            &unhealthy,
            &moving,
        )),
    }
}

fn ids(v: &[i32]) -> String {
    v.iter().map(i32::to_string).collect::<Vec<_>>().join(",")
}

fn render(
    cluster_id: &str,
    controller: Option<i32>,
    brokers: &[(i32, String)],
    total: usize,
    unhealthy: &[Unhealthy],
    moving: &[Reassignment],
) -> String {
    let mut text = format!("cluster {cluster_id}\n\n");
    text.push_str(&brokers_table(brokers, controller));
    let offline = unhealthy.iter().filter(|u| u.partition.leader < 0).count();
    text.push_str(&format!(
        "\npartitions: {total}, under-replicated: {}, offline: {offline}\n",
        unhealthy.len() - offline
    ));
    if !unhealthy.is_empty() {
        let rows: Vec<Vec<String>> = unhealthy
            .iter()
            .map(|u| {
                vec![
                    u.topic.clone(),
                    u.partition.partition.to_string(),
                    u.partition.leader.to_string(),
                    ids(&u.partition.replicas),
                    ids(&u.partition.isr),
                    partition_state(&u.partition).to_string(),
                ]
            })
            .collect();
        text.push('\n');
        let header = ["TOPIC", "PARTITION", "LEADER", "REPLICAS", "ISR", "STATE"];
        text.push_str(&table::render(&header, &rows));
    }
    text.push_str(&format!("\nreassignments in progress: {}\n", moving.len()));
    if !moving.is_empty() {
        let rows: Vec<Vec<String>> = moving
            .iter()
            .map(|m| {
                vec![
                    m.topic.clone(),
                    m.partition.to_string(),
                    ids(&m.replicas),
                    ids(&m.adding),
                    ids(&m.removing),
                ]
            })
            .collect();
        text.push('\n');
        let header = ["TOPIC", "PARTITION", "REPLICAS", "ADDING", "REMOVING"];
        text.push_str(&table::render(&header, &rows));
    }
    text
}
