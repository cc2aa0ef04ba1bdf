//! Operating errors of the transaction coordinator: replaying a `__transaction_state` record
//! that does not decode or holds a value Kafka would never write, and a producer id allocator
//! that cannot hand out an id. Request-level failures are Kafka error codes inside responses.

use strom_protocol::ErrorCode;

use crate::error::CoordinatorError;

/// Why a `__transaction_state` record could not be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransactionLogError {
    #[error(transparent)]
    Record(#[from] CoordinatorError),
    #[error("transaction status {status} is not a state a value may hold")]
    InvalidStatus { status: i8 },
    #[error("stored producer id {producer_id} / epoch {producer_epoch} is negative")]
    InvalidProducer {
        producer_id: i64,
        producer_epoch: i16,
    },
    #[error("__transaction_state partition {partition} is not being loaded")]
    NotLoading { partition: i32 },
    #[error("more than {limit} transactional ids in the loaded partitions")]
    TooManyTransactionalIds { limit: usize },
}

/// Why the producer id allocator could not hand out an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProducerIdError {
    /// No block of ids is available yet (the controller has not answered); retriable.
    #[error("no producer id block is available yet")]
    NotAvailable,
    /// Every producer id has been used.
    #[error("producer ids are exhausted")]
    Exhausted,
}

impl ProducerIdError {
    /// The code a client gets: Kafka answers a missing block with the retriable
    /// `COORDINATOR_LOAD_IN_PROGRESS`, and exhaustion with `UNKNOWN_SERVER_ERROR`.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            ProducerIdError::NotAvailable => ErrorCode::CoordinatorLoadInProgress,
            ProducerIdError::Exhausted => ErrorCode::UnknownServerError,
        }
    }
}
