//! Produce: checks each partition's record set (no internal topic, one batch, a transactional
//! batch only inside its producer's ongoing transaction: KIP-890's verification, asked only
//! where the transaction is not open yet, under a guard that a marker written meanwhile
//! ends; see the storage crate's `producer_state/verification.rs`), hands them
//! to the replica manager, and answers once the data is as durable as `acks` asks: acks=0
//! gets no response at all, acks=1 is answered once the batches are in the leader's log (page
//! cache), acks=all once the high watermark passes them (every in-sync replica has them on
//! disk; on one node, a grouped fsync), or with `REQUEST_TIMED_OUT` after `timeout_ms`. An
//! idempotent producer's retry of a batch already in the log is answered with the original's
//! offsets, and at acks=all only once the original is durable.
//!
//! From v8 a batch refused because of particular records names them in `record_errors`
//! (each record's index in its batch and why), as Kafka does for a keyless record sent to a
//! compacted topic; the whole batch is still refused with `INVALID_RECORD`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use strom_coordinator::txn::{TopicPartition as TxnTopicPartition, TransactionState};
use strom_metadata::TopicId;
use strom_protocol::ErrorCode;
use strom_protocol::generated::add_partitions_to_txn_request::AddPartitionsToTxnTopic;
use strom_protocol::generated::produce_request::TopicProduceData;
use strom_protocol::generated::produce_response::{
    BatchIndexAndErrorMessage, PartitionProduceResponse, TopicProduceResponse,
};
use strom_protocol::generated::{ProduceRequest, ProduceResponse};
use strom_protocol::records::{BatchIter, RecordBatchHeader};
use strom_storage::{TopicPartition, VerificationGuard};

use crate::context::Broker;
use crate::coordinator::Caller;
use crate::coordinator::txn_routing::CoordinatorAt;
use crate::errors::{coordinator_error_code, partition_error_code};
use crate::replica_manager::{Appended, PartitionError, RequiredAcks};
use crate::turn::Turn;

/// Longest acks=all wait honoured, whatever `timeout_ms` says.
pub const PRODUCE_TIMEOUT_MS_MAX: u64 = 300_000;
/// Record errors listed in one partition's response (v8+ `record_errors`).
pub const RECORD_ERRORS_MAX: usize = 1000;

/// The first Produce version of transaction version 2 (KIP-890 part 2): a transactional
/// producer no longer adds partitions to its transaction itself; the leader does.
const IMPLICIT_ADD_MIN_VERSION: i16 = 12;
/// The first Produce version naming topics by id.
const TOPIC_IDS_MIN_VERSION: i16 = 13;

pub async fn handle(
    broker: &Arc<Broker>,
    request: ProduceRequest,
    version: i16,
    caller: &Caller,
    mut turn: Turn,
) -> Option<ProduceResponse> {
    turn.wait().await;
    let acks = match request.acks {
        0 => Some(RequiredAcks::None),
        1 => Some(RequiredAcks::Leader),
        -1 => Some(RequiredAcks::All),
        _ => None,
    };
    if request.transactional_id.is_none() && has_transactional_batch(&request) {
        // Kafka refuses the whole request: transactional records need a transactional id
        // (and, with authorization, WRITE on it).
        drop(turn);
        return Some(refuse_all(
            request,
            ErrorCode::TransactionalIdAuthorizationFailed,
        ));
    }
    let mut request = request;
    if version >= TOPIC_IDS_MIN_VERSION {
        name_topics_by_id(broker, &mut request);
    }
    // Guards first, then the question: an answer that arrives after the transaction ended
    // here finds its guard gone, and the write is refused rather than opening a
    // transaction nobody will end (see the storage crate's `producer_state/verification.rs`).
    let guards = start_verifications(broker, &request, version);
    let from_coordinator = match &request.transactional_id {
        _ if guards.is_empty() => None,
        Some(id) if version >= IMPLICIT_ADD_MIN_VERSION => {
            Some(ask_coordinator(broker, caller, id, &request, &guards, false).await)
        }
        // The coordinator is another broker: KIP-890's verification goes to it.
        Some(id) if broker.txns.coordinator_at(id) != CoordinatorAt::Local => {
            Some(ask_coordinator(broker, caller, id, &request, &guards, true).await)
        }
        _ => None,
    };
    let txn = TxnCheck {
        transactional_id: request.transactional_id.as_deref(),
        from_coordinator: from_coordinator.as_ref(),
        guards: &guards,
    };
    let Planned {
        mut responses,
        entries,
        slots,
    } = plan_appends(broker, request.topic_data, acks, version, &txn);
    let acks = acks.unwrap_or(RequiredAcks::None);
    let entries = entries
        .into_iter()
        .map(|(tp, records)| {
            let guard = guards.get(&tp.topic, tp.partition).map(|held| held.guard);
            (tp, records, guard)
        })
        .collect();
    let pending = broker.replica_manager.append_produced(acks, entries);
    // Appended in order: the connection's next produce may append now.
    drop(turn);
    let timeout =
        Duration::from_millis((request.timeout_ms.max(0) as u64).min(PRODUCE_TIMEOUT_MS_MAX));
    let results = pending.wait(timeout).await;
    for ((tp, result), (t, p)) in results.into_iter().zip(slots) {
        let response = &mut responses[t].partition_responses[p];
        fill(response, &tp, result, version);
    }
    if request.acks == 0 {
        return None;
    }
    Some(ProduceResponse {
        responses,
        ..ProduceResponse::default()
    })
}

/// A produce request sorted into what to append and what is refused already.
struct Planned {
    /// One entry per topic and partition of the request, in its order; refusals filled in.
    responses: Vec<TopicProduceResponse>,
    /// The partitions to append to, with their records.
    entries: Vec<(TopicPartition, Bytes)>,
    /// For each entry, where its response is: (topic index, partition index).
    slots: Vec<(usize, usize)>,
}

fn plan_appends(
    broker: &Broker,
    topic_data: Vec<TopicProduceData>,
    acks: Option<RequiredAcks>,
    version: i16,
    txn: &TxnCheck,
) -> Planned {
    let mut planned = Planned {
        responses: Vec::with_capacity(topic_data.len()),
        entries: Vec::new(),
        slots: Vec::new(),
    };
    for topic in topic_data {
        let mut partitions = Vec::with_capacity(topic.partition_data.len());
        let known = version < TOPIC_IDS_MIN_VERSION || !topic.name.is_empty();
        for data in topic.partition_data {
            let mut response = PartitionProduceResponse {
                index: data.index,
                base_offset: -1,
                log_append_time_ms: -1,
                log_start_offset: -1,
                ..PartitionProduceResponse::default()
            };
            let admitted = match (acks, data.records) {
                _ if !known => Err((ErrorCode::UnknownTopicId, None)),
                (None, _) => Err((ErrorCode::InvalidRequiredAcks, None)),
                (_, None) => Err((ErrorCode::InvalidRecord, None)),
                (Some(_), Some(records)) => {
                    check_partition(broker, txn, &topic.name, data.index, &records)
                        .map(|()| records)
                }
            };
            match admitted {
                Ok(records) => {
                    let tp = TopicPartition::new(topic.name.clone(), data.index);
                    // A slice of the request's buffer, appended as it is: the log writes the
                    // offsets it assigns from a copy of each batch header, never into these
                    // bytes, so they are not copied.
                    planned.entries.push((tp, records));
                    planned
                        .slots
                        .push((planned.responses.len(), partitions.len()));
                }
                Err((code, message)) => {
                    response.error_code = code.code();
                    response.error_message = message;
                }
            }
            partitions.push(response);
        }
        planned.responses.push(TopicProduceResponse {
            // From v13 the topic is named by its id alone.
            name: if version >= TOPIC_IDS_MIN_VERSION {
                String::new()
            } else {
                topic.name
            },
            topic_id: topic.topic_id,
            partition_responses: partitions,
            ..TopicProduceResponse::default()
        });
    }
    planned
}

/// Whether any partition's first batch is transactional.
fn has_transactional_batch(request: &ProduceRequest) -> bool {
    request
        .topic_data
        .iter()
        .flat_map(|t| t.partition_data.iter())
        .filter_map(|p| p.records.as_ref())
        .any(|records| {
            BatchIter::new(records.clone()).any(|b| b.is_ok_and(|b| b.header().is_transactional()))
        })
}

/// Every partition answered with `code`.
fn refuse_all(request: ProduceRequest, code: ErrorCode) -> ProduceResponse {
    let responses = request
        .topic_data
        .into_iter()
        .map(|topic| TopicProduceResponse {
            partition_responses: topic
                .partition_data
                .iter()
                .map(|p| PartitionProduceResponse {
                    index: p.index,
                    error_code: code.code(),
                    base_offset: -1,
                    log_append_time_ms: -1,
                    log_start_offset: -1,
                    ..PartitionProduceResponse::default()
                })
                .collect(),
            name: topic.name,
            ..TopicProduceResponse::default()
        })
        .collect();
    ProduceResponse {
        responses,
        ..ProduceResponse::default()
    }
}

/// What the handler checks before the replica manager sees a partition's records: no
/// internal topic, exactly one batch (Kafka's rule since Produce v3), and a transactional
/// batch only inside its producer's ongoing transaction.
fn check_partition(
    broker: &Broker,
    txn: &TxnCheck<'_>,
    topic: &str,
    partition: i32,
    records: &Bytes,
) -> Result<(), (ErrorCode, Option<String>)> {
    if crate::coordinator::is_internal_topic(topic) {
        // Only the coordinators write their own topics (Kafka refuses too).
        let message = format!("Cannot append to internal topic {topic}");
        return Err((ErrorCode::InvalidTopicException, Some(message)));
    }
    let mut batches = BatchIter::new(records.clone());
    let first = batches.next();
    if first.is_some() && batches.next().is_some() {
        let message = "Produce requests with version 3 are only allowed to contain exactly one \
                       record batch per partition."
            .to_string();
        return Err((ErrorCode::InvalidRecord, Some(message)));
    }
    let Some(Ok(batch)) = first else {
        return Ok(());
    };
    if !batch.header().is_transactional() {
        return Ok(());
    }
    let Some(id) = txn.transactional_id else {
        return Ok(());
    };
    if txn.guards.get(topic, partition).is_none() {
        // The producer's transaction is open here already (or the partition is not led
        // here, which the append answers): nothing to ask.
        return Ok(());
    }
    let refused = match txn.from_coordinator {
        Some(answered) => answered
            .get(&(topic.to_string(), partition))
            .copied()
            .filter(|code| *code != ErrorCode::None),
        None => unverified(broker, id, topic, partition, batch.header()),
    };
    match refused {
        Some(code) => Err((code, None)),
        None => Ok(()),
    }
}

/// What a partition's transactional batch is checked against.
struct TxnCheck<'a> {
    transactional_id: Option<&'a str>,
    /// What the transaction coordinator answered for each partition, when it was asked:
    /// transaction version 2 adds the partitions to the transaction; before that, a
    /// coordinator on another broker verifies them. `None`: the coordinator is here, and
    /// its state is read directly ([`unverified`]).
    from_coordinator: Option<&'a HashMap<(String, i32), ErrorCode>>,
    /// The partitions whose batch needs the coordinator's word, with the guard each holds.
    guards: &'a Guards,
}

/// The verification guard each partition's transactional batch holds, by topic and then
/// partition (looked up by `&str`, so no lookup copies a topic name).
#[derive(Default)]
struct Guards(HashMap<String, HashMap<i32, Held>>);

/// A partition's guard, with the producer its first batch names (read once, when the guard
/// is taken).
#[derive(Clone, Copy)]
struct Held {
    guard: VerificationGuard,
    /// (producer id, producer epoch)
    producer: (i64, i16),
}

impl Guards {
    fn get(&self, topic: &str, partition: i32) -> Option<&Held> {
        self.0.get(topic)?.get(&partition)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Takes a verification guard in every partition led here whose first batch is
/// transactional and would start its producer's transaction there: those, and only those,
/// need the coordinator's word (Kafka asks for no partition whose transaction is open).
fn start_verifications(broker: &Broker, request: &ProduceRequest, version: i16) -> Guards {
    let mut guards = Guards::default();
    if request.transactional_id.is_none() {
        return guards;
    }
    let tv2 = version >= IMPLICIT_ADD_MIN_VERSION;
    for topic in request.topic_data.iter().filter(|t| !t.name.is_empty()) {
        for data in &topic.partition_data {
            let Some(header) = first_transactional_header(data.records.as_ref()) else {
                continue;
            };
            let tp = TopicPartition::new(topic.name.clone(), data.index);
            let started = broker.replica_manager.start_txn_verification(
                &tp,
                header.producer_id,
                header.producer_epoch,
                tv2,
            );
            if let Ok(Some(guard)) = started {
                let producer = (header.producer_id, header.producer_epoch);
                let held = Held { guard, producer };
                guards
                    .0
                    .entry(topic.name.clone())
                    .or_default()
                    .insert(data.index, held);
            }
        }
    }
    guards
}

/// The header of a record set's first batch, if that batch is transactional.
fn first_transactional_header(records: Option<&Bytes>) -> Option<RecordBatchHeader> {
    let batch = BatchIter::new(records?.clone()).next()?.ok()?;
    let header = batch.header();
    header.is_transactional().then_some(*header)
}

/// Produce v13 names topics by id: each topic gets its name from the metadata image, or an
/// empty name when the id is unknown (its partitions are answered `UNKNOWN_TOPIC_ID`).
fn name_topics_by_id(broker: &Broker, request: &mut ProduceRequest) {
    let image = broker.image();
    for topic in &mut request.topic_data {
        topic.name = image
            .topic_by_id(TopicId::from_u128(topic.topic_id.as_u128()))
            .map(|t| t.name.clone())
            .unwrap_or_default();
    }
}

/// Asks the transaction coordinator about every partition this request writes
/// transactionally, with Kafka's AddPartitionsToTxn of the broker path: transaction version
/// 2 adds them to the producer's transaction (`verify_only` false); before it, KIP-890
/// verifies that they are in it. Returns each partition's outcome, in the codes a producer
/// expects on a Produce response (the same codes as a verification made here).
async fn ask_coordinator(
    broker: &Broker,
    caller: &Caller,
    transactional_id: &str,
    request: &ProduceRequest,
    guards: &Guards,
    verify_only: bool,
) -> HashMap<(String, i32), ErrorCode> {
    let mut producer = None;
    let mut topics = Vec::new();
    for topic in request.topic_data.iter().filter(|t| !t.name.is_empty()) {
        let mut partitions = Vec::new();
        for data in &topic.partition_data {
            let Some(held) = guards.get(&topic.name, data.index) else {
                continue;
            };
            producer.get_or_insert(held.producer);
            partitions.push(data.index);
        }
        if !partitions.is_empty() {
            topics.push(AddPartitionsToTxnTopic {
                name: topic.name.clone(),
                partitions,
                ..AddPartitionsToTxnTopic::default()
            });
        }
    }
    let Some((producer_id, producer_epoch)) = producer else {
        return HashMap::new();
    };
    let all = |code: ErrorCode| -> HashMap<(String, i32), ErrorCode> {
        topics
            .iter()
            .flat_map(|t| t.partitions.iter().map(|&p| ((t.name.clone(), p), code)))
            .collect()
    };
    if let Err(e) = broker.txns.ensure_topic().await {
        return all(produce_code(coordinator_error_code(&e)));
    }
    let partitions: Vec<(String, Vec<i32>)> =
        topics.into_iter().map(|t| (t.name, t.partitions)).collect();
    let added = broker
        .txns
        .add_partitions_from_broker(
            caller,
            transactional_id,
            (producer_id, producer_epoch),
            &partitions,
            verify_only,
        )
        .await;
    match added {
        Ok(codes) => codes
            .into_iter()
            .map(|(tp, code)| match code {
                // Not in the ongoing transaction: answered as a check made here answers it.
                ErrorCode::TransactionAbortable if verify_only => (tp, ErrorCode::InvalidTxnState),
                code => (tp, produce_code(code)),
            })
            .collect(),
        Err(e) => {
            let code = produce_code(coordinator_error_code(&e));
            partitions
                .iter()
                .flat_map(|(t, ps)| ps.iter().map(move |&p| ((t.clone(), p), code)))
                .collect()
        }
    }
}

/// How an AddPartitionsToTxn outcome is answered on a Produce, as Kafka's leaders answer it:
/// a coordinator that is moving or busy ending the previous transaction becomes the
/// retriable `NOT_ENOUGH_REPLICAS`, and a fenced producer `INVALID_PRODUCER_EPOCH`.
fn produce_code(code: ErrorCode) -> ErrorCode {
    match code {
        ErrorCode::NotCoordinator
        | ErrorCode::CoordinatorNotAvailable
        | ErrorCode::CoordinatorLoadInProgress
        | ErrorCode::ConcurrentTransactions => ErrorCode::NotEnoughReplicas,
        ErrorCode::ProducerFenced => ErrorCode::InvalidProducerEpoch,
        other => other,
    }
}

/// Why a transactional write is refused, if it is: the partition must be in the producer's
/// ongoing transaction, added by AddPartitionsToTxn before the write (the check KIP-890
/// makes, so a late or stray write cannot open a transaction nobody will end).
fn unverified(
    broker: &Broker,
    transactional_id: &str,
    topic: &str,
    partition: i32,
    header: &RecordBatchHeader,
) -> Option<ErrorCode> {
    if !header.is_transactional() {
        return None;
    }
    broker.txns.read(|c| {
        let Some(txn) = c.transaction(transactional_id) else {
            return Some(ErrorCode::InvalidTxnState);
        };
        if txn.producer_id.0 != header.producer_id {
            return Some(ErrorCode::InvalidProducerIdMapping);
        }
        if txn.producer_epoch.0 != header.producer_epoch {
            return Some(ErrorCode::InvalidProducerEpoch);
        }
        let wanted = TxnTopicPartition::new(topic, partition);
        let ongoing = txn.state == TransactionState::Ongoing && txn.partitions.contains(&wanted);
        (!ongoing).then_some(ErrorCode::InvalidTxnState)
    })
}

/// Fills one partition's response from what its append did.
fn fill(
    response: &mut PartitionProduceResponse,
    tp: &TopicPartition,
    result: Appended,
    version: i16,
) {
    let e = match result {
        Ok(info) => {
            // A duplicate (an idempotent producer's retry) is answered with the offsets the
            // batch got the first time, as Kafka does.
            response.base_offset = info.first_offset.0;
            response.log_append_time_ms = info.log_append_time.map_or(-1, |t| t.0);
            response.log_start_offset = info.log_start_offset.0;
            return;
        }
        Err(e) => e,
    };
    tracing::debug!(partition = %tp, error = %e, "append refused");
    response.error_code = partition_error_code(&e).code();
    response.error_message = Some(e.to_string());
    if version < 8 {
        return;
    }
    let PartitionError::Storage(storage) = &e else {
        return;
    };
    // Records the log refused one by one (missing keys on a compacted topic, bad timestamps),
    // each named by its position in the batch.
    response.record_errors = storage
        .record_errors()
        .iter()
        .take(RECORD_ERRORS_MAX)
        .map(|r| BatchIndexAndErrorMessage {
            batch_index: r.record_index,
            batch_index_error_message: Some(r.message.clone()),
            ..BatchIndexAndErrorMessage::default()
        })
        .collect();
}
