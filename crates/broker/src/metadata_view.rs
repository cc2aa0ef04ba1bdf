//! [`MetadataView`]: the narrow handle to metadata that handlers and services get: the
//! current image, changes sent to the active controller (local on a single node, anywhere in
//! a cluster, see [`ControllerChannel`]), and a wait until the metadata listener has applied
//! an image, so a request that created a topic answers only once the topic's partitions are
//! open here.

use std::sync::Arc;
use std::time::Duration;
use strom_metadata::controller::elect_leaders::{ElectionResult, ElectionType};
use strom_metadata::controller::reassign::{ReassignmentAsked, ReassignmentResult};

use strom_metadata::controller::request::{ControllerReply, ControllerRequest};
use strom_metadata::{
    ConfigResource, Controller, CreatedTopic, MetadataError, MetadataImage, NewTopic, NodeId,
    TopicId,
};
use tokio::sync::watch;

use crate::controller_channel::ControllerChannel;

/// Longest a handler that changed metadata waits for the change to reach this broker's
/// partitions before it answers.
pub const METADATA_APPLY_WAIT_MS_MAX: u64 = 5_000;

/// The current metadata and the way to change it.
#[derive(Debug, Clone)]
pub struct MetadataView {
    channel: ControllerChannel,
    /// The record count of the newest image the listener has applied.
    applied: watch::Receiver<u64>,
}

impl MetadataView {
    pub fn new(channel: ControllerChannel, applied: watch::Receiver<u64>) -> Self {
        MetadataView { channel, applied }
    }

    /// The latest committed image this node has (it may not be applied to partitions yet).
    pub fn image(&self) -> Arc<MetadataImage> {
        self.channel.controller().image()
    }

    pub fn controller(&self) -> &Arc<Controller> {
        self.channel.controller()
    }

    pub fn channel(&self) -> &ControllerChannel {
        &self.channel
    }

    /// Sends a change to the active controller, then waits until this node's listener has
    /// applied the image that holds it.
    async fn change(
        &self,
        request: ControllerRequest,
        timeout_ms: Option<i32>,
    ) -> Result<ControllerReply, MetadataError> {
        // A client's timeout_ms of 0 or less sets no deadline (older clients send 0).
        let timeout = timeout_ms
            .filter(|t| *t > 0)
            .map(|t| Duration::from_millis(t as u64));
        let answer = self.channel.call_within(request, timeout).await?;
        let wait = Duration::from_millis(METADATA_APPLY_WAIT_MS_MAX);
        let applied = self.wait_applied(answer.record_count);
        if tokio::time::timeout(wait, applied).await.is_err() {
            tracing::debug!(
                records = answer.record_count,
                "a metadata change is committed but not yet applied here; answering anyway"
            );
        }
        Ok(answer.reply)
    }

    /// Creates a topic; `timeout_ms` is the client's (CreateTopics), if it gave one.
    pub async fn create_topic(
        &self,
        topic: NewTopic,
        validate_only: bool,
        timeout_ms: Option<i32>,
    ) -> Result<CreatedTopic, MetadataError> {
        let request = ControllerRequest::CreateTopic {
            topic,
            validate_only,
        };
        match self.change(request, timeout_ms).await? {
            ControllerReply::CreatedTopic(created) => Ok(created),
            other => Err(unexpected(&other)),
        }
    }

    pub async fn delete_topic(
        &self,
        name: String,
        timeout_ms: Option<i32>,
    ) -> Result<TopicId, MetadataError> {
        match self
            .change(ControllerRequest::DeleteTopic { name }, timeout_ms)
            .await?
        {
            ControllerReply::DeletedTopic(id) => Ok(id),
            other => Err(unexpected(&other)),
        }
    }

    /// Grows `name` to `total` partitions, on the replicas `assignments` name (one list per
    /// new partition) or where the controller places them.
    pub async fn create_partitions(
        &self,
        name: String,
        total: i32,
        assignments: Option<Vec<Vec<NodeId>>>,
        validate_only: bool,
        timeout_ms: Option<i32>,
    ) -> Result<(), MetadataError> {
        let request = ControllerRequest::CreatePartitions {
            name,
            total,
            assignments,
            validate_only,
        };
        self.change(request, timeout_ms).await.map(|_| ())
    }

    /// Leader elections (ElectLeaders); `partitions` `None` is every partition.
    pub async fn elect_leaders(
        &self,
        election: ElectionType,
        partitions: Option<Vec<(String, i32)>>,
        timeout_ms: Option<i32>,
    ) -> Result<Vec<ElectionResult>, MetadataError> {
        let request = ControllerRequest::ElectLeaders {
            election,
            partitions,
        };
        match self.change(request, timeout_ms).await? {
            ControllerReply::Elections(results) => Ok(results),
            other => Err(unexpected(&other)),
        }
    }

    /// Starts, replaces or cancels partition reassignments.
    pub async fn alter_reassignments(
        &self,
        asked: Vec<ReassignmentAsked>,
        timeout_ms: Option<i32>,
    ) -> Result<Vec<ReassignmentResult>, MetadataError> {
        let request = ControllerRequest::AlterReassignments { asked };
        match self.change(request, timeout_ms).await? {
            ControllerReply::Reassignments(results) => Ok(results),
            other => Err(unexpected(&other)),
        }
    }

    pub async fn alter_configs(
        &self,
        resource: ConfigResource,
        changes: Vec<(String, Option<String>)>,
        validate_only: bool,
    ) -> Result<(), MetadataError> {
        let request = ControllerRequest::AlterConfigs {
            resource,
            changes,
            validate_only,
        };
        self.change(request, None).await.map(|_| ())
    }

    /// Waits until the listener has applied an image of at least `record_count` records.
    pub async fn wait_applied(&self, record_count: u64) {
        let mut applied = self.applied.clone();
        // An error means the listener stopped (shutdown): nothing more will be applied.
        let _ = applied.wait_for(|count| *count >= record_count).await;
    }
}

/// A reply of another kind than the request's: a bug on the controller's side.
fn unexpected(reply: &ControllerReply) -> MetadataError {
    MetadataError::NotCommitted {
        reason: format!("the controller answered with {reply:?}"),
    }
}
