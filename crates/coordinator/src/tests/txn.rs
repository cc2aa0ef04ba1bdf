//! The transaction coordinator: InitProducerId, AddPartitionsToTxn, EndTxn, markers,
//! timeouts, expiry and reloads, every one driven step by step with an explicit clock.

use bytes::Bytes;
use strom_protocol::ErrorCode;
use strom_protocol::Message;
use strom_protocol::generated::add_partitions_to_txn_request::{
    AddPartitionsToTxnTopic, AddPartitionsToTxnTransaction,
};
use strom_protocol::generated::{
    AddOffsetsToTxnRequest, AddPartitionsToTxnRequest, AddPartitionsToTxnResponse,
    DescribeTransactionsRequest, EndTxnRequest, EndTxnResponse, InitProducerIdRequest,
    InitProducerIdResponse, ListTransactionsRequest, TransactionLogValue,
};

use crate::txn::{
    CoordinatorEpoch, MarkerRequest, PartitionLoad, ProducerEpoch, ProducerId, ProducerIdError,
    ProducerIdSource, TopicPartition, TransactionCoordinator, TransactionCoordinatorConfig,
    TransactionMetadata, TransactionRecord, TransactionResult, TransactionState as S, TxnEffects,
    TxnPartitionRecord, TxnReply, TxnResponse, TxnTimerKind, decode_transaction_record,
    encode_transaction_record,
};
use crate::{ReplayOutcome, RequestContext, RequestId};

/// Producer ids from a counter, as the broker's allocator would hand them out.
pub struct Counter(pub i64);

impl ProducerIdSource for Counter {
    fn next_producer_id(&mut self) -> Result<ProducerId, ProducerIdError> {
        let id = self.0;
        self.0 += 1;
        Ok(ProducerId(id))
    }
}

/// A transaction coordinator that leads every partition, a clock, and everything it emitted.
pub struct TxnHarness {
    pub c: TransactionCoordinator,
    pub config: TransactionCoordinatorConfig,
    pub now: i64,
    next_request: u64,
    pub log: Vec<TxnPartitionRecord>,
    pub markers: Vec<MarkerRequest>,
    pub replies: Vec<TxnReply>,
    next_producer_base: i64,
}

impl TxnHarness {
    pub fn new() -> Self {
        Self::with_config(TransactionCoordinatorConfig::default())
    }

    pub fn with_config(config: TransactionCoordinatorConfig) -> Self {
        let mut c = TransactionCoordinator::new(config.clone(), Box::new(Counter(1000)));
        for p in 0..config.transaction_state_log_num_partitions {
            c.begin_load_partition(p, CoordinatorEpoch(1));
        }
        let now = 1_000_000;
        let fx = c.complete_load(now);
        assert!(fx.records.is_empty() && fx.markers.is_empty());
        TxnHarness {
            c,
            config,
            now,
            next_request: 1,
            log: Vec::new(),
            markers: Vec::new(),
            replies: Vec::new(),
            next_producer_base: 2000,
        }
    }

    pub fn ctx(&mut self, version: i16) -> RequestContext {
        let id = self.next_request;
        self.next_request += 1;
        RequestContext::new(id, version)
    }

    /// Records what a call decided (every reply must encode) and hands it back.
    pub fn absorb(&mut self, fx: TxnEffects) -> TxnEffects {
        for r in &fx.records {
            let (key, value) = encode_transaction_record(&r.record).expect("record encodes");
            let back = decode_transaction_record(&key, value.as_ref()).expect("record decodes");
            assert_eq!(back, r.record);
            assert_eq!(
                r.partition,
                self.c.partition_for(r.record.transactional_id())
            );
        }
        self.log.extend(fx.records.iter().cloned());
        self.markers.extend(fx.markers.iter().cloned());
        for reply in fx.replies() {
            assert_txn_encodes(reply);
        }
        self.replies.extend(fx.replies().cloned());
        fx
    }

    pub fn advance(&mut self, ms: i64) -> TxnEffects {
        self.now += ms;
        let fx = self.c.tick(self.now);
        self.absorb(fx)
    }

    pub fn init_v(
        &mut self,
        id: &str,
        timeout_ms: i32,
        expected: Option<(i64, i16)>,
        version: i16,
    ) -> (InitProducerIdResponse, TxnEffects) {
        let ctx = self.ctx(version);
        let (producer_id, producer_epoch) = expected.unwrap_or((-1, -1));
        let req = InitProducerIdRequest {
            transactional_id: Some(id.to_string()),
            transaction_timeout_ms: timeout_ms,
            producer_id,
            producer_epoch,
            ..Default::default()
        };
        let fx = self.c.init_producer_id(&ctx, &req, self.now);
        let fx = self.absorb(fx);
        match &single_reply(&fx, ctx.request_id).response {
            TxnResponse::InitProducerId(r) => (r.clone(), fx),
            other => panic!("unexpected {other:?}"),
        }
    }

    /// InitProducerId v4 with a one-minute timeout; asserts it succeeds.
    pub fn init(&mut self, id: &str) -> (i64, i16) {
        let (r, _) = self.init_v(id, 60_000, None, 4);
        assert_eq!(r.error_code, 0, "{r:?}");
        (r.producer_id, r.producer_epoch)
    }

    pub fn add_v(
        &mut self,
        id: &str,
        producer: (i64, i16),
        partitions: &[(&str, i32)],
        version: i16,
    ) -> (Vec<i16>, TxnEffects) {
        let ctx = self.ctx(version);
        let mut topics: Vec<AddPartitionsToTxnTopic> = Vec::new();
        for (t, p) in partitions {
            match topics.iter_mut().find(|x| x.name == *t) {
                Some(x) => x.partitions.push(*p),
                None => topics.push(AddPartitionsToTxnTopic {
                    name: t.to_string(),
                    partitions: vec![*p],
                    ..Default::default()
                }),
            }
        }
        let req = AddPartitionsToTxnRequest {
            v3_and_below_transactional_id: id.to_string(),
            v3_and_below_producer_id: producer.0,
            v3_and_below_producer_epoch: producer.1,
            v3_and_below_topics: topics,
            ..Default::default()
        };
        let fx = self.c.add_partitions_to_txn(&ctx, &req, self.now);
        let fx = self.absorb(fx);
        match &single_reply(&fx, ctx.request_id).response {
            TxnResponse::AddPartitionsToTxn(r) => (v3_errors(r), fx),
            other => panic!("unexpected {other:?}"),
        }
    }

    /// AddPartitionsToTxn v3; the one error every partition got.
    pub fn add(&mut self, id: &str, producer: (i64, i16), partitions: &[(&str, i32)]) -> i16 {
        let (errors, _) = self.add_v(id, producer, partitions, 3);
        assert!(errors.windows(2).all(|w| w[0] == w[1]), "{errors:?}");
        errors[0]
    }

    pub fn end_v(
        &mut self,
        id: &str,
        producer: (i64, i16),
        commit: bool,
        version: i16,
    ) -> (EndTxnResponse, TxnEffects) {
        let ctx = self.ctx(version);
        let req = EndTxnRequest {
            transactional_id: id.to_string(),
            producer_id: producer.0,
            producer_epoch: producer.1,
            committed: commit,
            ..Default::default()
        };
        let fx = self.c.end_txn(&ctx, &req, self.now);
        let fx = self.absorb(fx);
        match &single_reply(&fx, ctx.request_id).response {
            TxnResponse::EndTxn(r) => (r.clone(), fx),
            other => panic!("unexpected {other:?}"),
        }
    }

    /// EndTxn v3; its error code.
    pub fn end(&mut self, id: &str, producer: (i64, i16), commit: bool) -> i16 {
        self.end_v(id, producer, commit, 3).0.error_code
    }

    /// The broker writes every outstanding marker and reports it.
    pub fn write_markers(&mut self) -> TxnEffects {
        let markers = std::mem::take(&mut self.markers);
        let mut all = TxnEffects::default();
        for m in markers {
            let fx = self.c.markers_written(&m, self.now);
            all.merge(self.absorb(fx));
        }
        all
    }

    pub fn state(&self, id: &str) -> S {
        self.c.transaction(id).expect("known id").state
    }

    pub fn metadata(&self, id: &str) -> TransactionMetadata {
        self.c.transaction(id).expect("known id").clone()
    }

    /// A new coordinator (as after a crash or a leader change) that loads the log written so
    /// far at coordinator epoch 2; what completing the load decided is absorbed.
    pub fn restart(&mut self) -> TxnEffects {
        self.next_producer_base += 1000;
        let mut c = TransactionCoordinator::new(
            self.config.clone(),
            Box::new(Counter(self.next_producer_base)),
        );
        for p in 0..self.config.transaction_state_log_num_partitions {
            c.begin_load_partition(p, CoordinatorEpoch(2));
        }
        for r in &self.log {
            let (key, value) = encode_transaction_record(&r.record).expect("encodes");
            assert_eq!(
                c.replay(&key, value.as_ref()),
                Ok(ReplayOutcome::Applied),
                "{r:?}"
            );
        }
        self.c = c;
        self.markers.clear();
        let fx = self.c.complete_load(self.now);
        self.absorb(fx)
    }
}

fn single_reply(fx: &TxnEffects, id: RequestId) -> &TxnReply {
    let mut replies = fx.replies().filter(|r| r.request_id == id);
    let reply = replies.next().expect("a reply");
    assert!(replies.next().is_none());
    reply
}

fn v3_errors(r: &AddPartitionsToTxnResponse) -> Vec<i16> {
    r.results_by_topic_v3_and_below
        .iter()
        .flat_map(|t| {
            t.results_by_partition
                .iter()
                .map(|p| p.partition_error_code)
        })
        .collect()
}

/// Every response must encode at the version it answers.
pub fn assert_txn_encodes(reply: &TxnReply) {
    let v = reply.api_version;
    let result = match &reply.response {
        TxnResponse::InitProducerId(r) => r.encode_to_bytes(v).map(|_| ()),
        TxnResponse::AddPartitionsToTxn(r) => r.encode_to_bytes(v).map(|_| ()),
        TxnResponse::AddOffsetsToTxn(r) => r.encode_to_bytes(v).map(|_| ()),
        TxnResponse::EndTxn(r) => r.encode_to_bytes(v).map(|_| ()),
    };
    assert!(result.is_ok(), "{reply:?} does not encode: {result:?}");
}

pub fn code(e: ErrorCode) -> i16 {
    e as i16
}

pub fn states_in_log(h: &TxnHarness, id: &str) -> Vec<S> {
    h.log
        .iter()
        .filter(|r| r.record.transactional_id() == id)
        .filter_map(|r| r.record.value.as_ref())
        .map(|v| S::from_id(v.transaction_status).unwrap())
        .collect()
}

#[test]
fn commit_goes_through_prepare_markers_and_complete() {
    // A committed transaction is answered once PrepareCommit is durable, asks for commit
    // markers on every partition at the producer's epoch, and completes when they are written.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    assert_eq!(p, (1000, 0));
    assert_eq!(h.add("t1", p, &[("a", 0), ("a", 1), ("b", 0)]), 0);
    assert_eq!(h.state("t1"), S::Ongoing);
    assert_eq!(h.metadata("t1").txn_start_timestamp_ms, h.now);
    let (r, fx) = h.end_v("t1", p, true, 3);
    assert_eq!(r.error_code, 0);
    assert_eq!(
        fx.responses_after_persist.len(),
        1,
        "answered after persist"
    );
    assert_eq!(fx.records.len(), 1);
    assert_eq!(fx.markers.len(), 1);
    let m = &fx.markers[0];
    assert_eq!(m.result, TransactionResult::Commit);
    assert_eq!(
        (m.producer_id, m.producer_epoch),
        (ProducerId(1000), ProducerEpoch(0))
    );
    assert_eq!(m.coordinator_epoch, CoordinatorEpoch(1));
    assert_eq!(m.partitions.len(), 3);
    assert_eq!(h.state("t1"), S::PrepareCommit);
    let fx = h.write_markers();
    assert!(fx.replies().next().is_none());
    assert_eq!(h.state("t1"), S::CompleteCommit);
    assert!(h.metadata("t1").partitions.is_empty());
    assert_eq!(
        states_in_log(&h, "t1"),
        vec![S::Empty, S::Ongoing, S::PrepareCommit, S::CompleteCommit]
    );
    // The next transaction starts from CompleteCommit with the same epoch.
    assert_eq!(h.add("t1", p, &[("c", 0)]), 0);
    assert_eq!(h.metadata("t1").partitions.len(), 1);
}

#[test]
fn abort_writes_abort_markers() {
    // An aborted transaction goes PrepareAbort -> abort markers -> CompleteAbort.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    assert_eq!(h.add("t1", p, &[("a", 0)]), 0);
    assert_eq!(h.end("t1", p, false), 0);
    assert_eq!(h.state("t1"), S::PrepareAbort);
    assert_eq!(h.markers[0].result, TransactionResult::Abort);
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteAbort);
}

#[test]
fn timeout_aborts_with_a_bumped_epoch_and_fences_the_producer() {
    // An ongoing transaction older than its timeout is aborted at epoch + 1, so the producer
    // that opened it gets PRODUCER_FENCED (INVALID_PRODUCER_EPOCH before v2) from then on.
    let mut h = TxnHarness::new();
    let (r, _) = h.init_v("t1", 10_000, None, 4);
    let p = (r.producer_id, r.producer_epoch);
    assert_eq!(h.add("t1", p, &[("a", 0), ("a", 1)]), 0);
    let start = h.now;
    let deadline = TxnTimerKind::TransactionTimeout {
        transactional_id: "t1".into(),
    };
    assert_eq!(h.c.timer_deadline_ms(&deadline), Some(start + 10_001));
    assert_eq!(h.c.next_deadline_ms(), Some(start + 10_001));
    // Kafka aborts once start + timeout < now: not at exactly the timeout.
    let fx = h.advance(10_000);
    assert!(fx.records.is_empty());
    let fx = h.advance(1);
    assert_eq!(fx.records.len(), 1);
    assert_eq!(h.state("t1"), S::PrepareAbort);
    assert_eq!(h.metadata("t1").producer_epoch, ProducerEpoch(1));
    assert_eq!(fx.markers.len(), 1);
    assert_eq!(fx.markers[0].result, TransactionResult::Abort);
    assert_eq!(fx.markers[0].producer_epoch, ProducerEpoch(1));
    // The fenced producer cannot end the transaction, nor open another.
    assert_eq!(h.end("t1", p, true), code(ErrorCode::ProducerFenced));
    assert_eq!(
        h.end_v("t1", p, true, 1).0.error_code,
        code(ErrorCode::InvalidProducerEpoch)
    );
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteAbort);
    assert_eq!(h.add("t1", p, &[("a", 0)]), code(ErrorCode::ProducerFenced));
    let (errors, _) = h.add_v("t1", p, &[("a", 0)], 1);
    assert_eq!(errors, vec![code(ErrorCode::InvalidProducerEpoch)]);
    // A KIP-360 recovery with the fenced epoch is fenced too; a fresh init gets epoch 2.
    let (r, _) = h.init_v("t1", 10_000, Some(p), 4);
    assert_eq!(r.error_code, code(ErrorCode::ProducerFenced));
    let (r, _) = h.init_v("t1", 10_000, Some(p), 3);
    assert_eq!(r.error_code, code(ErrorCode::InvalidProducerEpoch));
    assert_eq!(h.init("t1"), (p.0, 2));
    assert_eq!(h.c.timer_deadline_ms(&deadline), None);
}

#[test]
fn second_init_producer_id_fences_the_first() {
    // InitProducerId on an idle transactional id bumps the epoch, so requests at the old
    // epoch are fenced with the code their version understands.
    let mut h = TxnHarness::new();
    let first = h.init("t1");
    let second = h.init("t1");
    assert_eq!(second, (first.0, first.1 + 1));
    assert_eq!(
        h.add("t1", first, &[("a", 0)]),
        code(ErrorCode::ProducerFenced)
    );
    let (errors, _) = h.add_v("t1", first, &[("a", 0)], 0);
    assert_eq!(errors, vec![code(ErrorCode::InvalidProducerEpoch)]);
    assert_eq!(h.add("t1", second, &[("a", 0)]), 0);
    assert_eq!(h.end("t1", first, true), code(ErrorCode::ProducerFenced));
    assert_eq!(h.end("t1", second, true), 0);
}

#[test]
fn init_producer_id_during_an_ongoing_transaction_aborts_it_first() {
    // InitProducerId while a transaction is open aborts it at a bumped epoch and answers
    // CONCURRENT_TRANSACTIONS once PrepareAbort is durable; the retry after the abort
    // completes bumps the epoch again.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    assert_eq!(h.add("t1", p, &[("a", 0)]), 0);
    let (r, fx) = h.init_v("t1", 60_000, None, 4);
    assert_eq!(r.error_code, code(ErrorCode::ConcurrentTransactions));
    assert_eq!((r.producer_id, r.producer_epoch), (-1, -1));
    assert_eq!(fx.responses_after_persist.len(), 1);
    assert_eq!(fx.markers.len(), 1);
    assert_eq!(fx.markers[0].result, TransactionResult::Abort);
    assert_eq!(fx.markers[0].producer_epoch, ProducerEpoch(1));
    assert_eq!(h.state("t1"), S::PrepareAbort);
    // The old producer is fenced; a retry before the markers is told to wait.
    assert_eq!(h.end("t1", p, true), code(ErrorCode::ProducerFenced));
    let (r, _) = h.init_v("t1", 60_000, None, 4);
    assert_eq!(r.error_code, code(ErrorCode::ConcurrentTransactions));
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteAbort);
    assert_eq!(h.init("t1"), (p.0, 2));
}

#[test]
fn retried_end_txn_gets_the_same_answer() {
    // EndTxn retried while markers are written gets CONCURRENT_TRANSACTIONS, after they are
    // written NONE; the opposite decision is INVALID_TXN_STATE.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    h.add("t1", p, &[("a", 0)]);
    assert_eq!(h.end("t1", p, true), 0);
    assert_eq!(
        h.end("t1", p, true),
        code(ErrorCode::ConcurrentTransactions)
    );
    assert_eq!(h.end("t1", p, false), code(ErrorCode::InvalidTxnState));
    h.write_markers();
    let (r, fx) = h.end_v("t1", p, true, 3);
    assert_eq!(r.error_code, 0);
    assert!(fx.records.is_empty() && fx.markers.is_empty());
    assert_eq!(h.end("t1", p, false), code(ErrorCode::InvalidTxnState));
    // The same for abort.
    h.add("t1", p, &[("a", 0)]);
    assert_eq!(h.end("t1", p, false), 0);
    assert_eq!(
        h.end("t1", p, false),
        code(ErrorCode::ConcurrentTransactions)
    );
    h.write_markers();
    assert_eq!(h.end("t1", p, false), 0);
    assert_eq!(h.end("t1", p, true), code(ErrorCode::InvalidTxnState));
}

#[test]
fn end_txn_in_the_wrong_state_or_for_the_wrong_producer_is_refused() {
    // EndTxn without a transaction is INVALID_TXN_STATE; for an unknown id or another
    // producer id INVALID_PRODUCER_ID_MAPPING; for an empty id INVALID_REQUEST.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    assert_eq!(h.end("t1", p, true), code(ErrorCode::InvalidTxnState));
    assert_eq!(h.end("t1", p, false), code(ErrorCode::InvalidTxnState));
    assert_eq!(
        h.end("nobody", p, true),
        code(ErrorCode::InvalidProducerIdMapping)
    );
    assert_eq!(
        h.end("t1", (p.0 + 1, p.1), true),
        code(ErrorCode::InvalidProducerIdMapping)
    );
    assert_eq!(h.end("", p, true), code(ErrorCode::InvalidRequest));
    assert!(
        h.log
            .iter()
            .all(|r| r.record.value.as_ref().unwrap().transaction_status == 0)
    );
}

#[test]
fn add_partitions_before_init_producer_id_is_refused() {
    // AddPartitionsToTxn and AddOffsetsToTxn for an id never initialised answer
    // INVALID_PRODUCER_ID_MAPPING and write nothing.
    let mut h = TxnHarness::new();
    assert_eq!(
        h.add("t1", (7, 0), &[("a", 0)]),
        code(ErrorCode::InvalidProducerIdMapping)
    );
    let ctx = h.ctx(3);
    let req = AddOffsetsToTxnRequest {
        transactional_id: "t1".into(),
        producer_id: 7,
        producer_epoch: 0,
        group_id: "g".into(),
        ..Default::default()
    };
    let fx = h.c.add_offsets_to_txn(&ctx, &req, h.now);
    let fx = h.absorb(fx);
    match &fx.replies().next().expect("a reply").response {
        TxnResponse::AddOffsetsToTxn(r) => {
            assert_eq!(r.error_code, code(ErrorCode::InvalidProducerIdMapping))
        }
        other => panic!("{other:?}"),
    }
    assert!(h.log.is_empty());
}

#[test]
fn add_offsets_adds_the_groups_offsets_partition() {
    // AddOffsetsToTxn puts the group's __consumer_offsets partition into the transaction, so
    // the commit marker reaches it.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    let ctx = h.ctx(3);
    let req = AddOffsetsToTxnRequest {
        transactional_id: "t1".into(),
        producer_id: p.0,
        producer_epoch: p.1,
        group_id: "my-group".into(),
        ..Default::default()
    };
    let fx = h.c.add_offsets_to_txn(&ctx, &req, h.now);
    h.absorb(fx);
    let offsets = TopicPartition::new(
        "__consumer_offsets",
        crate::record::partition_for("my-group", 50),
    );
    assert!(h.metadata("t1").partitions.contains(&offsets));
    assert_eq!(h.end("t1", p, true), 0);
    assert_eq!(h.markers[0].partitions, vec![offsets]);
}

#[test]
fn requests_for_partitions_not_served_get_coordinator_errors() {
    // An id whose __transaction_state partition is not led here is NOT_COORDINATOR; while it
    // loads, COORDINATOR_LOAD_IN_PROGRESS.
    let mut h = TxnHarness::new();
    let partition = h.c.partition_for("t1");
    h.c.unload_partition(partition);
    let (r, _) = h.init_v("t1", 60_000, None, 4);
    assert_eq!(r.error_code, code(ErrorCode::NotCoordinator));
    assert_eq!(
        h.add("t1", (1, 0), &[("a", 0)]),
        code(ErrorCode::NotCoordinator)
    );
    h.c.begin_load_partition(partition, CoordinatorEpoch(3));
    assert_eq!(
        h.c.partition_load(partition),
        Some(PartitionLoad::Loading(CoordinatorEpoch(3)))
    );
    let (r, _) = h.init_v("t1", 60_000, None, 4);
    assert_eq!(r.error_code, code(ErrorCode::CoordinatorLoadInProgress));
    assert_eq!(
        h.end("t1", (1, 0), true),
        code(ErrorCode::CoordinatorLoadInProgress)
    );
    let ctx = h.ctx(1);
    let list =
        h.c.list_transactions(&ctx, &ListTransactionsRequest::default(), h.now);
    assert_eq!(list.error_code, code(ErrorCode::CoordinatorLoadInProgress));
    h.c.complete_load_partition(partition, h.now);
    assert_eq!(h.init("t1").1, 0);
}

#[test]
fn init_producer_id_validates_its_request() {
    // A timeout above transaction.max.timeout.ms (or not positive) is
    // INVALID_TRANSACTION_TIMEOUT; an empty id, or a producer id without an epoch, is
    // INVALID_REQUEST.
    let mut h = TxnHarness::new();
    for timeout in [900_001, 0, -5] {
        let (r, _) = h.init_v("t1", timeout, None, 4);
        assert_eq!(r.error_code, code(ErrorCode::InvalidTransactionTimeout));
    }
    let (r, _) = h.init_v("t1", 900_000, None, 4);
    assert_eq!(r.error_code, 0);
    let (r, _) = h.init_v("", 1000, None, 4);
    assert_eq!(r.error_code, code(ErrorCode::InvalidRequest));
    let (r, _) = h.init_v("t1", 1000, Some((5, -1)), 4);
    assert_eq!(r.error_code, code(ErrorCode::InvalidRequest));
    let (r, _) = h.init_v("t1", 1000, Some((-1, 3)), 3);
    assert_eq!(r.error_code, code(ErrorCode::InvalidRequest));
    // Before v3 the fields do not exist and are ignored.
    let (r, _) = h.init_v("t1", 1000, Some((-1, 3)), 2);
    assert_eq!(r.error_code, 0);
}

#[test]
fn kip_360_recovery_bumps_once_and_retries_get_the_same_epoch() {
    // A producer naming its current id and epoch gets the next epoch; repeating that request
    // (its answer was lost) gets the same epoch again; any other epoch or producer id is fenced.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    let (r, _) = h.init_v("t1", 60_000, Some(p), 4);
    assert_eq!((r.error_code, r.producer_epoch), (0, 1));
    let (r, _) = h.init_v("t1", 60_000, Some(p), 4);
    assert_eq!((r.error_code, r.producer_id, r.producer_epoch), (0, p.0, 1));
    let (r, _) = h.init_v("t1", 60_000, Some((p.0, 7)), 4);
    assert_eq!(r.error_code, code(ErrorCode::ProducerFenced));
    let (r, _) = h.init_v("t1", 60_000, Some((p.0 + 50, 1)), 4);
    assert_eq!(r.error_code, code(ErrorCode::ProducerFenced));
    // A plain InitProducerId forgets the last epoch: the old retry is now fenced.
    assert_eq!(h.init("t1"), (p.0, 2));
    let (r, _) = h.init_v("t1", 60_000, Some(p), 4);
    assert_eq!(r.error_code, code(ErrorCode::ProducerFenced));
    // A producer recovering with an id the coordinator never saw gets a fresh one.
    let (r, _) = h.init_v("fresh", 60_000, Some((77, 3)), 4);
    assert_eq!((r.error_code, r.producer_epoch), (0, 0));
}

/// Seeds `id` at `epoch` in state Empty by replaying a record, as if loaded from the log.
pub fn seed_epoch(h: &mut TxnHarness, id: &str, producer_id: i64, epoch: i16) {
    let partition = h.c.partition_for(id);
    let mut metadata = TransactionMetadata::new(id, ProducerId(producer_id), 60_000, h.now);
    metadata.producer_epoch = ProducerEpoch(epoch);
    let record = TransactionRecord::from_metadata(&metadata);
    h.log.push(TxnPartitionRecord {
        partition,
        record: record.clone(),
    });
    let (key, value) = encode_transaction_record(&record).unwrap();
    h.c.begin_load_partition(partition, CoordinatorEpoch(1));
    h.c.replay(&key, value.as_ref()).unwrap();
    let fx = h.c.complete_load_partition(partition, h.now);
    h.absorb(fx);
}

#[test]
fn exhausted_epoch_rotates_the_producer_id() {
    // When the epoch reaches i16::MAX - 1 the next InitProducerId hands out a new producer id
    // at epoch 0; a KIP-360 retry naming the old id and exhausted epoch gets that same answer.
    let mut h = TxnHarness::new();
    seed_epoch(&mut h, "t1", 5, i16::MAX - 2);
    assert_eq!(h.init("t1"), (5, i16::MAX - 1));
    let (r, _) = h.init_v("t1", 60_000, Some((5, i16::MAX - 1)), 4);
    assert_eq!(
        (r.error_code, r.producer_id, r.producer_epoch),
        (0, 1000, 0)
    );
    assert_eq!(h.metadata("t1").last_producer_id, ProducerId(5));
    let (r, _) = h.init_v("t1", 60_000, Some((5, i16::MAX - 1)), 4);
    assert_eq!(
        (r.error_code, r.producer_id, r.producer_epoch),
        (0, 1000, 0)
    );
    // An open transaction at the exhausted epoch is fenced to i16::MAX and the retry rotates.
    let mut h = TxnHarness::new();
    seed_epoch(&mut h, "t2", 9, i16::MAX - 2);
    let p = h.init("t2");
    assert_eq!(p, (9, i16::MAX - 1));
    h.add("t2", p, &[("a", 0)]);
    let (r, _) = h.init_v("t2", 60_000, None, 4);
    assert_eq!(r.error_code, code(ErrorCode::ConcurrentTransactions));
    assert_eq!(h.metadata("t2").producer_epoch, ProducerEpoch(i16::MAX));
    h.write_markers();
    assert_eq!(h.init("t2"), (1000, 0));
}

#[test]
fn verify_only_checks_membership_without_adding() {
    // Batched AddPartitionsToTxn (v4+) with verify_only answers NONE for partitions in the
    // ongoing transaction and TRANSACTION_ABORTABLE for the rest, and writes nothing;
    // without verify_only it adds, per transaction.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    let q = h.init("t2");
    h.add("t1", p, &[("a", 0)]);
    let before = h.log.len();
    let txn = |id: &str, pr: (i64, i16), verify: bool, parts: &[(&str, i32)]| {
        AddPartitionsToTxnTransaction {
            transactional_id: id.into(),
            producer_id: pr.0,
            producer_epoch: pr.1,
            verify_only: verify,
            topics: parts
                .iter()
                .map(|(t, p)| AddPartitionsToTxnTopic {
                    name: t.to_string(),
                    partitions: vec![*p],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    };
    let req = AddPartitionsToTxnRequest {
        transactions: vec![
            txn("t1", p, true, &[("a", 0), ("a", 1)]),
            txn("t1", (p.0, p.1 + 1), true, &[("a", 0)]),
            txn("t2", q, false, &[("b", 0)]),
            txn("nobody", q, true, &[("b", 0)]),
        ],
        ..Default::default()
    };
    let ctx = h.ctx(5);
    let fx = h.c.add_partitions_to_txn(&ctx, &req, h.now);
    let fx = h.absorb(fx);
    assert_eq!(fx.records.len(), 1, "only t2 is written");
    assert_eq!(h.log.len(), before + 1);
    let TxnResponse::AddPartitionsToTxn(r) = &fx.responses_after_persist[0].response else {
        panic!()
    };
    let errors: Vec<Vec<i16>> = r
        .results_by_transaction
        .iter()
        .map(|t| {
            t.topic_results
                .iter()
                .flat_map(|x| {
                    x.results_by_partition
                        .iter()
                        .map(|p| p.partition_error_code)
                })
                .collect()
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            vec![0, code(ErrorCode::TransactionAbortable)],
            vec![code(ErrorCode::ProducerFenced)],
            vec![0],
            vec![code(ErrorCode::InvalidProducerIdMapping)],
        ]
    );
    assert!(r.results_by_topic_v3_and_below.is_empty());
    assert_eq!(h.state("t2"), S::Ongoing);
}

#[test]
fn invalid_partitions_fail_the_whole_add() {
    // A partition that cannot exist (negative index, empty topic) gets
    // UNKNOWN_TOPIC_OR_PARTITION and the others OPERATION_NOT_ATTEMPTED, as Kafka answers.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    let (errors, fx) = h.add_v("t1", p, &[("a", 0), ("a", -1), ("", 2)], 3);
    assert_eq!(
        errors,
        vec![
            code(ErrorCode::OperationNotAttempted),
            code(ErrorCode::UnknownTopicOrPartition),
            code(ErrorCode::UnknownTopicOrPartition),
        ]
    );
    assert!(fx.records.is_empty());
    assert_eq!(h.state("t1"), S::Empty);
}

#[test]
fn partitions_per_transaction_are_bounded() {
    // A transaction cannot grow past transaction_max_partitions; the partitions already in it
    // stay and adding them again is still fine.
    let mut h = TxnHarness::with_config(TransactionCoordinatorConfig {
        transaction_max_partitions: 2,
        ..Default::default()
    });
    let p = h.init("t1");
    assert_eq!(h.add("t1", p, &[("a", 0), ("a", 1)]), 0);
    assert_eq!(
        h.add("t1", p, &[("a", 2)]),
        code(ErrorCode::UnknownServerError)
    );
    assert_eq!(h.add("t1", p, &[("a", 1)]), 0);
    assert_eq!(h.metadata("t1").partitions.len(), 2);
}

#[test]
fn markers_may_be_reported_partition_by_partition() {
    // Each written marker removes its partition (DescribeTransactions lists the rest); the
    // last completes the transaction; a report for a stale marker changes nothing.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    h.add("t1", p, &[("a", 0), ("b", 0)]);
    h.end("t1", p, true);
    let m = h.markers.pop().unwrap();
    let fx =
        h.c.marker_partition_written(&m, &TopicPartition::new("a", 0), h.now);
    assert!(h.absorb(fx).records.is_empty());
    let ctx = h.ctx(0);
    let d = h.c.describe_transactions(
        &ctx,
        &DescribeTransactionsRequest {
            transactional_ids: vec!["t1".into()],
            ..Default::default()
        },
    );
    assert_eq!(d.transaction_states[0].transaction_state, "PrepareCommit");
    assert_eq!(d.transaction_states[0].topics.len(), 1);
    assert_eq!(d.transaction_states[0].topics[0].topic, "b");
    let mut stale = m.clone();
    stale.coordinator_epoch = CoordinatorEpoch(0);
    let fx = h.c.markers_written(&stale, h.now);
    assert!(fx.records.is_empty());
    let fx =
        h.c.marker_partition_written(&m, &TopicPartition::new("b", 0), h.now);
    assert_eq!(h.absorb(fx).records.len(), 1);
    assert_eq!(h.state("t1"), S::CompleteCommit);
    // Reporting again is harmless.
    let fx = h.c.markers_written(&m, h.now);
    assert!(fx.records.is_empty());
}

/// Drives `id` into `state` and returns its producer.
fn drive_to(h: &mut TxnHarness, id: &str, state: S) -> (i64, i16) {
    let p = h.init(id);
    if state == S::Empty {
        return p;
    }
    h.add(id, p, &[("a", 0), ("b", 3)]);
    match state {
        S::Ongoing => {}
        S::PrepareCommit | S::CompleteCommit => assert_eq!(h.end(id, p, true), 0),
        S::PrepareAbort | S::CompleteAbort => assert_eq!(h.end(id, p, false), 0),
        other => panic!("{other:?}"),
    }
    if matches!(state, S::CompleteCommit | S::CompleteAbort) {
        h.write_markers();
    }
    assert_eq!(h.state(id), state);
    p
}

#[test]
fn restart_in_every_state_ends_where_kafka_would() {
    // Replaying __transaction_state rebuilds every id in the state it was in; Ongoing gets
    // its timeout again, Prepare* re-issues its markers (at the new coordinator epoch) and
    // then completes; the producer keeps working.
    for state in [
        S::Empty,
        S::Ongoing,
        S::PrepareCommit,
        S::PrepareAbort,
        S::CompleteCommit,
        S::CompleteAbort,
    ] {
        let mut h = TxnHarness::new();
        let p = drive_to(&mut h, "t1", state);
        let before = h.metadata("t1");
        h.now += 5;
        let fx = h.restart();
        let after = h.metadata("t1");
        assert_eq!(after.state, state, "{state:?}");
        assert_eq!(
            (
                after.producer_id,
                after.producer_epoch,
                after.txn_timeout_ms
            ),
            (
                before.producer_id,
                before.producer_epoch,
                before.txn_timeout_ms
            )
        );
        assert_eq!(after.txn_start_timestamp_ms, before.txn_start_timestamp_ms);
        assert_eq!(
            after.txn_last_update_timestamp_ms,
            before.txn_last_update_timestamp_ms
        );
        let timeout = TxnTimerKind::TransactionTimeout {
            transactional_id: "t1".into(),
        };
        match state {
            S::PrepareCommit | S::PrepareAbort => {
                assert_eq!(fx.markers.len(), 1);
                let m = &fx.markers[0];
                assert_eq!(m.coordinator_epoch, CoordinatorEpoch(2));
                assert_eq!(m.partitions.len(), 2);
                assert_eq!(m.producer_epoch, ProducerEpoch(p.1));
                assert_eq!(
                    m.result == TransactionResult::Commit,
                    state == S::PrepareCommit
                );
                h.write_markers();
                let done = if state == S::PrepareCommit {
                    S::CompleteCommit
                } else {
                    S::CompleteAbort
                };
                assert_eq!(h.state("t1"), done);
                assert_eq!(h.end("t1", p, state == S::PrepareCommit), 0);
            }
            S::Ongoing => {
                assert!(fx.markers.is_empty());
                assert_eq!(after.partitions, before.partitions);
                assert_eq!(
                    h.c.timer_deadline_ms(&timeout),
                    before.timeout_deadline_ms()
                );
                assert_eq!(h.end("t1", p, true), 0);
            }
            _ => {
                assert!(fx.markers.is_empty() && fx.records.is_empty());
                assert!(after.partitions.is_empty());
                assert_eq!(h.c.timer_deadline_ms(&timeout), None);
                assert_eq!(h.add("t1", p, &[("c", 0)]), 0);
            }
        }
    }
}

#[test]
fn markers_of_a_replaced_coordinator_are_ignored() {
    // Marker reports issued before a reload carry the old coordinator epoch and do not
    // complete the transaction; the re-issued ones do.
    let mut h = TxnHarness::new();
    let p = drive_to(&mut h, "t1", S::PrepareCommit);
    let old = h.markers.clone();
    h.restart();
    let fx = h.c.markers_written(&old[0], h.now);
    assert!(fx.records.is_empty());
    assert_eq!(h.state("t1"), S::PrepareCommit);
    h.write_markers();
    assert_eq!(h.state("t1"), S::CompleteCommit);
    assert_eq!(h.end("t1", p, true), 0);
}

#[test]
fn idle_transactional_ids_expire_with_a_tombstone() {
    // An id idle in Empty or Complete* past transactional.id.expiration.ms is tombstoned and
    // forgotten; a recently used id stays; replaying the log agrees.
    let mut h = TxnHarness::new();
    drive_to(&mut h, "idle", S::CompleteCommit);
    drive_to(&mut h, "empty", S::Empty);
    let interval = h
        .config
        .transaction_remove_expired_transaction_cleanup_interval_ms;
    let expiry = h.config.transactional_id_expiration_ms;
    h.now += expiry - interval * 2;
    let busy = h.init("busy");
    let fx = h.advance(interval * 2);
    let tombstones: Vec<&str> = fx
        .records
        .iter()
        .filter(|r| r.record.value.is_none())
        .map(|r| r.record.transactional_id())
        .collect();
    assert_eq!(tombstones, vec!["empty", "idle"]);
    assert!(h.c.transaction("idle").is_none());
    assert!(h.c.transaction("empty").is_none());
    assert_eq!(h.state("busy"), S::Empty);
    h.restart();
    assert!(h.c.transaction("idle").is_none());
    assert!(h.c.transaction("busy").is_some());
    // A forgotten id starts over with a new producer id.
    let (r, _) = h.init_v("idle", 60_000, None, 4);
    assert_eq!(r.producer_epoch, 0);
    assert_ne!(r.producer_id, busy.0);
}

#[test]
fn records_round_trip_through_kafkas_schemas() {
    // Keys and values are version-prefixed TransactionLogKey/Value v0 with Kafka's byte
    // layout; Empty stores null partitions; tombstones have no value; v1 values decode.
    let mut metadata = TransactionMetadata::new("tx", ProducerId(0x0102), 60_000, 77);
    metadata.producer_epoch = ProducerEpoch(3);
    let (key, value) =
        encode_transaction_record(&TransactionRecord::from_metadata(&metadata)).unwrap();
    assert_eq!(key.as_ref(), b"\x00\x00\x00\x02tx");
    let mut expected = vec![0u8, 0];
    expected.extend_from_slice(&0x0102i64.to_be_bytes());
    expected.extend_from_slice(&3i16.to_be_bytes());
    expected.extend_from_slice(&60_000i32.to_be_bytes());
    expected.push(0); // Empty
    expected.extend_from_slice(&(-1i32).to_be_bytes()); // null partitions
    expected.extend_from_slice(&77i64.to_be_bytes());
    expected.extend_from_slice(&(-1i64).to_be_bytes());
    assert_eq!(value.as_ref().unwrap().as_ref(), expected.as_slice());

    metadata.state = S::Ongoing;
    metadata.txn_start_timestamp_ms = 70;
    metadata.partitions.insert(TopicPartition::new("t", 4));
    metadata.partitions.insert(TopicPartition::new("t", 1));
    let record = TransactionRecord::from_metadata(&metadata);
    let (key, value) = encode_transaction_record(&record).unwrap();
    let decoded = decode_transaction_record(&key, value.as_ref()).unwrap();
    assert_eq!(decoded, record);
    let partitions = decoded
        .value
        .as_ref()
        .unwrap()
        .transaction_partitions
        .clone();
    assert_eq!(partitions.unwrap()[0].partition_ids, vec![1, 4]);
    let back = crate::txn::record::metadata_from_value("tx", decoded.value.as_ref().unwrap());
    assert_eq!(back.unwrap(), metadata);

    let tombstone = TransactionRecord::tombstone("tx");
    let (key, value) = encode_transaction_record(&tombstone).unwrap();
    assert!(value.is_none());
    assert_eq!(decode_transaction_record(&key, None).unwrap(), tombstone);

    // Kafka 4's flexible value (version 1) carries the previous producer id.
    let v1 = TransactionLogValue {
        producer_id: 9,
        previous_producer_id: 4,
        producer_epoch: 0,
        transaction_timeout_ms: 1000,
        transaction_status: S::CompleteCommit.id(),
        client_transaction_version: 2,
        ..Default::default()
    };
    let mut bytes = vec![0u8, 1];
    bytes.extend_from_slice(&v1.encode_to_bytes(1).unwrap());
    let decoded = decode_transaction_record(&key, Some(&Bytes::from(bytes))).unwrap();
    let back = crate::txn::record::metadata_from_value("tx", decoded.value.as_ref().unwrap());
    assert_eq!(back.unwrap().last_producer_id, ProducerId(4));
}

#[test]
fn hostile_log_records_are_errors_or_skipped() {
    // Unknown key versions are skipped like Kafka's loader; truncated bytes, impossible states
    // and records of partitions not loading are typed errors, never panics.
    let mut h = TxnHarness::new();
    let partition = h.c.partition_for("tx");
    h.c.begin_load_partition(partition, CoordinatorEpoch(5));
    assert_eq!(
        h.c.replay(&Bytes::from_static(b"\x00\x07\x00\x02tx"), None),
        Ok(ReplayOutcome::Skipped)
    );
    assert!(h.c.replay(&Bytes::from_static(b"\x00"), None).is_err());
    assert!(
        h.c.replay(&Bytes::from_static(b"\x00\x00\x00\x09tx"), None)
            .is_err()
    );
    let dead = TransactionLogValue {
        transaction_status: S::Dead.id(),
        ..Default::default()
    };
    let mut bytes = vec![0u8, 0];
    bytes.extend_from_slice(&dead.encode_to_bytes(0).unwrap());
    let key = Bytes::from_static(b"\x00\x00\x00\x02tx");
    assert!(matches!(
        h.c.replay(&key, Some(&Bytes::from(bytes))),
        Err(crate::txn::TransactionLogError::InvalidStatus { status: 6 })
    ));
    h.c.complete_load_partition(partition, h.now);
    assert!(matches!(
        h.c.replay(&key, None),
        Err(crate::txn::TransactionLogError::NotLoading { .. })
    ));
}

#[test]
fn describe_and_list_transactions() {
    // DescribeTransactions reports state, producer and partitions (TRANSACTIONAL_ID_NOT_FOUND
    // for unknown ids); ListTransactions filters by state, producer id and duration and
    // echoes unknown state names.
    let mut h = TxnHarness::new();
    let p = h.init("a");
    h.add("a", p, &[("t", 0), ("t", 1), ("u", 0)]);
    let q = h.init("b");
    let ctx = h.ctx(0);
    let d = h.c.describe_transactions(
        &ctx,
        &DescribeTransactionsRequest {
            transactional_ids: vec!["a".into(), "zzz".into(), "".into()],
            ..Default::default()
        },
    );
    let a = &d.transaction_states[0];
    assert_eq!((a.error_code, a.transaction_state.as_str()), (0, "Ongoing"));
    assert_eq!((a.producer_id, a.producer_epoch), p);
    assert_eq!(a.transaction_timeout_ms, 60_000);
    assert_eq!(a.transaction_start_time_ms, h.now);
    assert_eq!(a.topics.len(), 2);
    assert_eq!(a.topics[0].partitions, vec![0, 1]);
    assert_eq!(
        d.transaction_states[1].error_code,
        code(ErrorCode::TransactionalIdNotFound)
    );
    assert_eq!(
        d.transaction_states[2].error_code,
        code(ErrorCode::InvalidRequest)
    );
    d.encode_to_bytes(0).unwrap();

    let list = |h: &mut TxnHarness, v: i16, states: &[&str], pids: &[i64], duration: i64| {
        let ctx = h.ctx(v);
        let req = ListTransactionsRequest {
            state_filters: states.iter().map(|s| s.to_string()).collect(),
            producer_id_filters: pids.to_vec(),
            duration_filter: duration,
            ..Default::default()
        };
        let r = h.c.list_transactions(&ctx, &req, h.now);
        r.encode_to_bytes(v).unwrap();
        let ids: Vec<String> = r
            .transaction_states
            .iter()
            .map(|t| t.transactional_id.clone())
            .collect();
        (ids, r.unknown_state_filters)
    };
    assert_eq!(list(&mut h, 1, &[], &[], -1).0, vec!["a", "b"]);
    assert_eq!(list(&mut h, 1, &["Ongoing"], &[], -1).0, vec!["a"]);
    assert_eq!(list(&mut h, 1, &[], &[q.0], -1).0, vec!["b"]);
    let (ids, unknown) = list(&mut h, 1, &["Empty", "Bogus"], &[], -1);
    assert_eq!(
        (ids, unknown),
        (vec!["b".to_string()], vec!["Bogus".to_string()])
    );
    h.now += 1_000;
    // Running longer than 500 ms: "a" (started 1 s ago) and "b" (no transaction, start -1).
    assert_eq!(list(&mut h, 1, &["Ongoing"], &[], 500).0, vec!["a"]);
    assert!(list(&mut h, 1, &["Ongoing"], &[], 5_000).0.is_empty());
    // v0 has no duration filter.
    assert_eq!(list(&mut h, 0, &["Ongoing"], &[], 5_000).0, vec!["a"]);
}

#[test]
fn init_producer_id_without_transactional_id_allocates() {
    // Without a transactional id the answer is a fresh producer id at epoch 0 and no record.
    let mut h = TxnHarness::new();
    let ctx = h.ctx(4);
    let req = InitProducerIdRequest {
        transactional_id: None,
        transaction_timeout_ms: 1,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    let fx = h.c.init_producer_id(&ctx, &req, h.now);
    let fx = h.absorb(fx);
    assert!(fx.records.is_empty());
    let TxnResponse::InitProducerId(r) = &fx.replies().next().expect("a reply").response else {
        panic!()
    };
    assert_eq!(
        (r.error_code, r.producer_id, r.producer_epoch),
        (0, 1000, 0)
    );
}

#[test]
fn failed_appends_turn_into_errors_for_the_client() {
    // with_error keeps each response's shape and sets the error everywhere it belongs.
    let mut h = TxnHarness::new();
    let p = h.init("t1");
    let (_, fx) = h.add_v("t1", p, &[("a", 0), ("b", 1)], 3);
    let failed = fx.responses_after_persist[0]
        .response
        .with_error(ErrorCode::NotCoordinator);
    let TxnResponse::AddPartitionsToTxn(r) = failed else {
        panic!()
    };
    assert_eq!(v3_errors(&r), vec![code(ErrorCode::NotCoordinator); 2]);
    let (_, fx) = h.end_v("t1", p, true, 5);
    let TxnResponse::EndTxn(r) = fx.responses_after_persist[0]
        .response
        .with_error(ErrorCode::NotCoordinator)
    else {
        panic!()
    };
    assert_eq!(
        (r.error_code, r.producer_id),
        (code(ErrorCode::NotCoordinator), -1)
    );
}

#[test]
fn list_transactions_v2_filters_by_a_whole_id_pattern() {
    // ListTransactions v2 (KIP-1152) lists only ids the pattern matches in full; null or empty
    // lists all; a pattern that does not compile is INVALID_REGULAR_EXPRESSION; v1 ignores it.
    let mut h = TxnHarness::new();
    for id in ["orders-1", "orders-2", "payments-1"] {
        h.init(id);
    }
    let list = |h: &mut TxnHarness, v: i16, pattern: Option<&str>| {
        let ctx = h.ctx(v);
        let req = ListTransactionsRequest {
            transactional_id_pattern: pattern.map(str::to_string),
            ..Default::default()
        };
        let r = h.c.list_transactions(&ctx, &req, h.now);
        r.encode_to_bytes(v).unwrap();
        let ids: Vec<String> = r
            .transaction_states
            .iter()
            .map(|t| t.transactional_id.clone())
            .collect();
        (r.error_code, ids)
    };
    assert_eq!(
        list(&mut h, 2, Some("orders-.*")).1,
        vec!["orders-1", "orders-2"]
    );
    assert_eq!(list(&mut h, 2, Some("orders")).1, Vec::<String>::new());
    assert_eq!(list(&mut h, 2, Some("")).1.len(), 3);
    assert_eq!(list(&mut h, 2, None).1.len(), 3);
    assert_eq!(
        list(&mut h, 2, Some("(orders")).0,
        code(ErrorCode::InvalidRegularExpression)
    );
    assert_eq!(list(&mut h, 1, Some("(orders")).1.len(), 3);
}

#[test]
fn a_retried_add_partitions_waits_for_the_first_ones_record() {
    // The fault suite's seed 11: a coordinator cut off from its followers appended the
    // AddPartitionsToTxn record, which never committed; the client's retry, finding the
    // partitions already in memory, was answered at once, so the client produced to a
    // partition the next coordinator never knew was in the transaction, and its abort left
    // that record without a marker. A reply that writes nothing is now a reply after the
    // commit (the broker's runtime makes it wait for the appends still in flight).
    let mut h = TxnHarness::new();
    let producer = h.init("t1");
    let (errors, first) = h.add_v("t1", producer, &[("a", 0), ("b", 2)], 3);
    assert_eq!(errors, vec![0, 0]);
    assert!(!first.records.is_empty());
    assert!(first.responses_now.is_empty());
    let (errors, retry) = h.add_v("t1", producer, &[("a", 0), ("b", 2)], 3);
    assert_eq!(errors, vec![0, 0]);
    assert!(retry.records.is_empty(), "nothing new to write");
    assert!(
        retry.responses_now.is_empty(),
        "a retry answered before the first one's record is durable: {:?}",
        retry.responses_now
    );
    assert_eq!(retry.responses_after_persist.len(), 1);
}
