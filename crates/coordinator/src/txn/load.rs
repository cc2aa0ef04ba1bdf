//! Loading: when this broker becomes leader of a `__transaction_state` partition it calls
//! [`TransactionCoordinator::begin_load_partition`] with the partition's leader epoch (the
//! coordinator epoch), hands every record from log start to [`TransactionCoordinator::replay`],
//! then calls [`TransactionCoordinator::complete_load_partition`]. Completing the load arms the
//! timeouts of ongoing transactions and re-issues the markers of every transaction found in
//! PrepareCommit or PrepareAbort, because the coordinator that wrote that record may have died
//! before its markers were all written.

use bytes::Bytes;

use super::coordinator::{PartitionLoad, TransactionCoordinator};
use super::effects::{TxnEffects, TxnTimerKind};
use super::error::TransactionLogError;
use super::metadata::{CoordinatorEpoch, TransactionState};
use super::record::{decode_transaction_record, metadata_from_value};
use crate::ReplayOutcome;
use crate::error::CoordinatorError;

impl TransactionCoordinator {
    /// Starts loading `partition` as its leader at `coordinator_epoch`: whatever was known of
    /// it is dropped, and its ids answer COORDINATOR_LOAD_IN_PROGRESS until the load completes.
    pub fn begin_load_partition(&mut self, partition: i32, coordinator_epoch: CoordinatorEpoch) {
        assert!(
            (0..self.config.transaction_state_log_num_partitions).contains(&partition),
            "__transaction_state has no partition {partition}"
        );
        self.forget_partition(partition);
        self.partitions
            .insert(partition, PartitionLoad::Loading(coordinator_epoch));
    }

    /// Applies one record read from `__transaction_state` (key and value bytes as stored).
    /// Key versions this crate does not know are skipped, as Kafka's loader does; a record of
    /// a partition that is not loading is an error, because it would overwrite served state.
    pub fn replay(
        &mut self,
        key: &Bytes,
        value: Option<&Bytes>,
    ) -> Result<ReplayOutcome, TransactionLogError> {
        let record = match decode_transaction_record(key, value) {
            Ok(record) => record,
            Err(CoordinatorError::UnknownRecordType { .. }) => return Ok(ReplayOutcome::Skipped),
            Err(e) => return Err(e.into()),
        };
        let id = record.transactional_id();
        let partition = self.partition_for(id);
        if !matches!(
            self.partitions.get(&partition),
            Some(PartitionLoad::Loading(_))
        ) {
            return Err(TransactionLogError::NotLoading { partition });
        }
        match &record.value {
            None => {
                self.transactions.remove(id);
            }
            Some(value) => {
                let metadata = metadata_from_value(id, value)?;
                if !self.transactions.contains_key(id)
                    && self.transactions.len() >= self.config.max_transactional_ids
                {
                    return Err(TransactionLogError::TooManyTransactionalIds {
                        limit: self.config.max_transactional_ids,
                    });
                }
                self.transactions.insert(id.to_string(), metadata);
            }
        }
        Ok(ReplayOutcome::Applied)
    }

    /// Ends the load of `partition`: its ids are served, ongoing transactions get their
    /// timeouts, and PrepareCommit / PrepareAbort transactions get their markers again.
    pub fn complete_load_partition(&mut self, partition: i32, now_ms: i64) -> TxnEffects {
        let mut fx = TxnEffects::default();
        let Some(PartitionLoad::Loading(epoch)) = self.partitions.get(&partition).copied() else {
            return self.finish(fx);
        };
        self.partitions
            .insert(partition, PartitionLoad::Loaded(epoch));
        let ids: Vec<String> = self
            .transactions
            .keys()
            .filter(|id| self.partition_for(id) == partition)
            .cloned()
            .collect();
        for id in &ids {
            match self.transactions[id].state {
                TransactionState::Ongoing => self.update_timeout_timer(id),
                TransactionState::PrepareCommit | TransactionState::PrepareAbort => {
                    self.send_markers(id, now_ms, &mut fx)
                }
                _ => {}
            }
        }
        if !ids.is_empty() {
            self.ensure_expiration_timer(now_ms);
        }
        self.finish(fx)
    }

    /// Completes every partition still loading.
    pub fn complete_load(&mut self, now_ms: i64) -> TxnEffects {
        let loading: Vec<i32> = self
            .partitions
            .iter()
            .filter(|(_, p)| matches!(p, PartitionLoad::Loading(_)))
            .map(|(p, _)| *p)
            .collect();
        let mut fx = TxnEffects::default();
        for partition in loading {
            fx.merge(self.complete_load_partition(partition, now_ms));
        }
        fx
    }

    /// Forgets `partition` (leadership moved, or the broker reloads it after a failed
    /// append). Its ids answer NOT_COORDINATOR; markers still being written for it should be
    /// dropped by the broker, and reports of them are ignored from now on.
    pub fn unload_partition(&mut self, partition: i32) {
        self.forget_partition(partition);
        self.partitions.remove(&partition);
    }

    fn forget_partition(&mut self, partition: i32) {
        let config_partitions = self.config.transaction_state_log_num_partitions;
        let in_partition =
            |id: &str| crate::record::partition_for(id, config_partitions) == partition;
        self.transactions.retain(|id, _| !in_partition(id));
        self.timers.retain(|kind| match kind {
            TxnTimerKind::TransactionTimeout { transactional_id } => {
                !in_partition(transactional_id)
            }
            TxnTimerKind::TransactionalIdExpiration => true,
        });
    }
}
