//! Kafka admin requests the cluster commands send as they are (the client library has no
//! wrapper for them): one request on any connection with a bounded wait, a refusal turned
//! into a readable error, and ListPartitionReassignments for `cluster rebalance` and
//! `cluster status` alike.

use std::time::Duration;

use strom_client::Client;
use strom_protocol::ErrorCode;
use strom_protocol::generated::{ListPartitionReassignmentsRequest, RequestBody, ResponseBody};

use super::{CliError, ExitStatus};

/// How long the controller may take to act on a request.
pub(super) const REQUEST_TIMEOUT_MS: i32 = 30_000;

/// A reassignment in progress.
pub(super) struct Reassignment {
    pub topic: String,
    pub partition: i32,
    pub replicas: Vec<i32>,
    pub adding: Vec<i32>,
    pub removing: Vec<i32>,
}

/// Sends `request` on any connection, waiting a little past the controller's own timeout.
pub(super) async fn send(
    client: &Client,
    request: impl Into<RequestBody>,
) -> Result<ResponseBody, CliError> {
    let connection = client
        .any_connection()
        .await
        .map_err(|e| CliError::new(ExitStatus::Error, e.to_string()))?;
    connection
        .send_with_timeout(
            request,
            Duration::from_millis(REQUEST_TIMEOUT_MS as u64 + 5_000),
        )
        .await
        .map_err(|e| CliError::new(ExitStatus::Error, e.to_string()))
}

pub(super) fn refused(what: &str, code: i16, message: Option<&str>) -> CliError {
    let name = ErrorCode::from_code(code).map_or_else(|| code.to_string(), |c| format!("{c:?}"));
    CliError::new(
        ExitStatus::Error,
        format!(
            "{what} refused: {name}{}",
            message.map(|m| format!(" ({m})")).unwrap_or_default()
        ),
    )
}

pub(super) fn unexpected(api: &str) -> CliError {
    CliError::new(ExitStatus::Error, format!("unexpected answer to {api}"))
}

/// Every reassignment in progress, in topic and partition order.
pub(super) async fn reassignments(client: &Client) -> Result<Vec<Reassignment>, CliError> {
    let request = ListPartitionReassignmentsRequest {
        timeout_ms: REQUEST_TIMEOUT_MS,
        topics: None,
        ..ListPartitionReassignmentsRequest::default()
    };
    let ResponseBody::ListPartitionReassignments(r) = send(client, request).await? else {
        return Err(unexpected("ListPartitionReassignments"));
    };
    if r.error_code != 0 {
        return Err(refused(
            "listing reassignments",
            r.error_code,
            r.error_message.as_deref(),
        ));
    }
    let mut moving: Vec<Reassignment> = r
        .topics
        .into_iter()
        .flat_map(|t| {
            let name = t.name;
            t.partitions.into_iter().map(move |p| Reassignment {
                topic: name.clone(),
                partition: p.partition_index,
                replicas: p.replicas,
                adding: p.adding_replicas,
                removing: p.removing_replicas,
            })
        })
        .collect();
    moving.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    Ok(moving)
}
