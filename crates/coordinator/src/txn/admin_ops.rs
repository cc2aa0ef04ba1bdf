//! DescribeTransactions and ListTransactions (KIP-664): read-only views of the transactional
//! ids this coordinator serves, answered at once.

use std::collections::BTreeSet;

use strom_protocol::ErrorCode;
use strom_protocol::generated::describe_transactions_response::{TopicData, TransactionState};
use strom_protocol::generated::list_transactions_response::TransactionState as ListedState;
use strom_protocol::generated::{
    DescribeTransactionsRequest, DescribeTransactionsResponse, ListTransactionsRequest,
    ListTransactionsResponse,
};

use super::coordinator::{PartitionLoad, TransactionCoordinator};
use super::metadata::{TransactionMetadata, TransactionState as State};
use crate::effects::RequestContext;
use crate::pattern::NamePattern;

impl TransactionCoordinator {
    /// DescribeTransactions: each id's state, producer, timeout, start and partitions (while
    /// markers are written, only the partitions still to be marked).
    pub fn describe_transactions(
        &self,
        _ctx: &RequestContext,
        req: &DescribeTransactionsRequest,
    ) -> DescribeTransactionsResponse {
        let transaction_states = req
            .transactional_ids
            .iter()
            .map(|id| match self.describe_one(id) {
                Ok(metadata) => describe(metadata),
                Err(error) => TransactionState {
                    error_code: error as i16,
                    transactional_id: id.clone(),
                    ..Default::default()
                },
            })
            .collect();
        DescribeTransactionsResponse {
            transaction_states,
            ..Default::default()
        }
    }

    fn describe_one(&self, id: &str) -> Result<&TransactionMetadata, ErrorCode> {
        if id.is_empty() {
            return Err(ErrorCode::InvalidRequest);
        }
        self.coordinator_epoch(id)?;
        self.transactions
            .get(id)
            .ok_or(ErrorCode::TransactionalIdNotFound)
    }

    /// ListTransactions: ids filtered by state names, producer ids and (v1+) how long the
    /// transaction has run. State names this coordinator does not know are echoed back in
    /// `unknown_state_filters`. While any partition loads, the answer is
    /// COORDINATOR_LOAD_IN_PROGRESS.
    pub fn list_transactions(
        &self,
        ctx: &RequestContext,
        req: &ListTransactionsRequest,
        now_ms: i64,
    ) -> ListTransactionsResponse {
        let mut response = ListTransactionsResponse::default();
        if self
            .partitions
            .values()
            .any(|p| matches!(p, PartitionLoad::Loading(_)))
        {
            response.error_code = ErrorCode::CoordinatorLoadInProgress as i16;
            return response;
        }
        let mut states = BTreeSet::new();
        for name in &req.state_filters {
            match State::from_name(name) {
                Some(state) => {
                    states.insert(state);
                }
                None => response.unknown_state_filters.push(name.clone()),
            }
        }
        let producers: BTreeSet<i64> = req.producer_id_filters.iter().copied().collect();
        let duration = if ctx.api_version >= 1 {
            req.duration_filter
        } else {
            -1
        };
        // v2 (KIP-1152): only ids the whole pattern matches; null or empty means all.
        let pattern = match req.transactional_id_pattern.as_deref() {
            Some(p) if ctx.api_version >= 2 && !p.is_empty() => match NamePattern::compile(p) {
                Ok(pattern) => Some(pattern),
                Err(_) => {
                    response.error_code = ErrorCode::InvalidRegularExpression as i16;
                    return response;
                }
            },
            _ => None,
        };
        for metadata in self.transactions.values() {
            let included = metadata.state != State::Dead
                && pattern
                    .as_ref()
                    .is_none_or(|p| p.matches(&metadata.transactional_id))
                && (producers.is_empty() || producers.contains(&metadata.producer_id.0))
                && (req.state_filters.is_empty() || states.contains(&metadata.state))
                && (duration < 0
                    || now_ms.saturating_sub(metadata.txn_start_timestamp_ms) > duration);
            if included {
                response.transaction_states.push(ListedState {
                    transactional_id: metadata.transactional_id.clone(),
                    producer_id: metadata.producer_id.0,
                    transaction_state: metadata.state.name().to_string(),
                    ..Default::default()
                });
            }
        }
        response
    }
}

fn describe(metadata: &TransactionMetadata) -> TransactionState {
    let mut topics: Vec<TopicData> = Vec::new();
    for tp in &metadata.partitions {
        match topics.last_mut() {
            Some(t) if t.topic == tp.topic => t.partitions.push(tp.partition),
            _ => topics.push(TopicData {
                topic: tp.topic.clone(),
                partitions: vec![tp.partition],
                ..Default::default()
            }),
        }
    }
    TransactionState {
        error_code: 0,
        transactional_id: metadata.transactional_id.clone(),
        transaction_state: metadata.state.name().to_string(),
        transaction_timeout_ms: metadata.txn_timeout_ms,
        transaction_start_time_ms: metadata.txn_start_timestamp_ms,
        producer_id: metadata.producer_id.0,
        producer_epoch: metadata.producer_epoch.0,
        topics,
        ..Default::default()
    }
}
