//! Model-based property test of transactions: random interleavings of transactional appends
//! from several producers, plain appends, commit and abort markers, rolls, truncations and
//! restarts (clean, or dropped without closing) against a model of the LSO and the aborted
//! transactions.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use bytes::BytesMut;
use common::*;
use proptest::prelude::*;
use strom_protocol::records::{
    BatchIter, Compression, EndTransactionMarker, RecordBatchBuilder, build_end_transaction_marker,
};
use strom_storage::{
    AbortedTxn, AppendOrigin, FetchIsolation, FetchParams, LeaderEpoch, LoadParams, Log, LogConfig,
    Offset, ProducerId,
};

const PRODUCER_BASE: i64 = 100;

#[derive(Debug, Clone)]
enum Op {
    Txn { producer: i64, records: usize },
    Plain { records: usize },
    End { producer: i64, abort: bool },
    Roll,
    Truncate { at: u16 },
    Read { at: u16 },
    Restart { clean: bool },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0i64..3, 1usize..4).prop_map(|(producer, records)| Op::Txn { producer, records }),
        3 => (1usize..4).prop_map(|records| Op::Plain { records }),
        4 => (0i64..3, any::<bool>()).prop_map(|(producer, abort)| Op::End { producer, abort }),
        1 => Just(Op::Roll),
        1 => any::<u16>().prop_map(|at| Op::Truncate { at }),
        4 => any::<u16>().prop_map(|at| Op::Read { at }),
        1 => any::<bool>().prop_map(|clean| Op::Restart { clean }),
    ]
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Data { producer: i64, last_sequence: i32 },
    Plain,
    Marker { producer: i64, abort: bool },
}

#[derive(Debug, Clone, Copy)]
struct Event {
    first: i64,
    last: i64,
    kind: Kind,
}

/// The model: every batch in the log, from which the transaction state is derived.
#[derive(Debug, Default)]
struct Model {
    events: Vec<Event>,
    log_end: i64,
}

struct Derived {
    ongoing: BTreeMap<i64, i64>,
    /// (producer, first offset, marker offset), in marker order.
    aborted: Vec<(i64, i64, i64)>,
}

impl Model {
    fn derive(&self) -> Derived {
        let mut d = Derived {
            ongoing: BTreeMap::new(),
            aborted: Vec::new(),
        };
        for e in &self.events {
            match e.kind {
                Kind::Data { producer, .. } => {
                    d.ongoing.entry(producer).or_insert(e.first);
                }
                Kind::Marker { producer, abort } => {
                    if let Some(first) = d.ongoing.remove(&producer)
                        && abort
                    {
                        d.aborted.push((producer, first, e.first));
                    }
                }
                Kind::Plain => {}
            }
        }
        d
    }

    fn first_unstable(&self) -> Option<i64> {
        self.derive().ongoing.values().min().copied()
    }

    fn next_sequence(&self, producer: i64) -> i32 {
        self.events
            .iter()
            .rev()
            .find_map(|e| match e.kind {
                Kind::Data {
                    producer: p,
                    last_sequence,
                } if p == producer => Some(last_sequence + 1),
                _ => None,
            })
            .unwrap_or(0)
    }
}

fn config() -> LogConfig {
    LogConfig {
        segment_bytes: 1024,
        segment_index_bytes: 96,
        index_interval_bytes: 128,
        retention_ms: None,
        segment_ms: None,
        ..LogConfig::default()
    }
}

fn txn_batch(producer: i64, sequence: i32, records: usize) -> BytesMut {
    let mut b = RecordBatchBuilder::new(Compression::None, 0)
        .with_producer(PRODUCER_BASE + producer, 0, sequence)
        .with_transactional(true);
    for _ in 0..records {
        b.append(1000, Some(b"k"), Some(&[7u8; 40]), &[]);
    }
    BytesMut::from(&b.build().unwrap()[..])
}

fn marker(producer: i64, abort: bool) -> BytesMut {
    let m = if abort {
        EndTransactionMarker::abort(0)
    } else {
        EndTransactionMarker::commit(0)
    };
    let b = build_end_transaction_marker(m, 0, PRODUCER_BASE + producer, 0, 1000).unwrap();
    BytesMut::from(&b[..])
}

fn check_read(log: &Log, model: &Model, start: i64) {
    let params = FetchParams {
        max_bytes: 1 << 20,
        min_one_batch: true,
        isolation: FetchIsolation::TxnCommitted,
    };
    let lso = log.last_stable_offset().0;
    let data = log.read(Offset(start), params).expect("read_committed");
    assert_eq!(data.last_stable_offset.0, lso);
    let batches: Vec<(i64, i64)> = BatchIter::new(data.records)
        .map(|b| {
            let h = *b.unwrap().header();
            (h.base_offset, h.last_offset())
        })
        .collect();
    assert!(batches.iter().all(|b| b.0 < lso), "read past the LSO {lso}");
    let visible = model
        .events
        .iter()
        .any(|e| e.last >= start && e.first < lso);
    assert_eq!(!batches.is_empty(), visible, "read at {start} (LSO {lso})");
    let got = data.aborted_transactions.expect("aborted list");
    let Some(&(_, last)) = batches.last() else {
        assert!(got.is_empty());
        return;
    };
    let upper = last + 1;
    let want: Vec<AbortedTxn> = model
        .derive()
        .aborted
        .iter()
        .filter(|(_, first, marker)| *marker >= start && *first < upper)
        .map(|&(p, first, _)| AbortedTxn {
            producer_id: ProducerId(PRODUCER_BASE + p),
            first_offset: Offset(first),
        })
        .collect();
    assert_eq!(got, want, "aborted transactions for [{start}, {upper})");
}

fn run(ops: Vec<Op>) {
    let dir = tempfile::tempdir().unwrap();
    let clock = clock();
    let mut opened = open(dir.path(), config(), clock.clone(), LoadParams::default());
    let mut model = Model::default();
    let coordinator = AppendOrigin::Coordinator {
        leader_epoch: LeaderEpoch(1),
    };
    for op in ops {
        let log: &Arc<Log> = &opened.log;
        match op {
            Op::Txn { producer, records } => {
                let sequence = model.next_sequence(producer);
                let info = append(log, txn_batch(producer, sequence, records));
                assert!(!info.duplicate);
                model.events.push(Event {
                    first: info.first_offset.0,
                    last: info.last_offset.0,
                    kind: Kind::Data {
                        producer,
                        last_sequence: sequence + records as i32 - 1,
                    },
                });
                model.log_end = info.last_offset.0 + 1;
            }
            Op::Plain { records } => {
                let info = append(log, batch(0, records, 40, 1000));
                model.events.push(Event {
                    first: info.first_offset.0,
                    last: info.last_offset.0,
                    kind: Kind::Plain,
                });
                model.log_end = info.last_offset.0 + 1;
            }
            Op::End { producer, abort } => {
                let info = log.append(marker(producer, abort), coordinator).unwrap();
                log.update_high_watermark(info.next_offset());
                model.events.push(Event {
                    first: info.first_offset.0,
                    last: info.last_offset.0,
                    kind: Kind::Marker { producer, abort },
                });
                model.log_end = info.last_offset.0 + 1;
            }
            Op::Roll => {
                log.roll().unwrap();
            }
            Op::Truncate { at } => {
                let target = i64::from(at) % (model.log_end + 1);
                let first_base = log.segments()[0].base_offset.0;
                if target < first_base {
                    continue;
                }
                if log.truncate_to(Offset(target)).unwrap() {
                    // A straddling batch goes whole and the log ends where it started.
                    let end = model
                        .events
                        .iter()
                        .filter(|e| e.last >= target)
                        .map(|e| e.first)
                        .fold(target, i64::min);
                    model.events.retain(|e| e.last < target);
                    model.log_end = end;
                    log.update_high_watermark(Offset(end));
                }
            }
            Op::Read { at } => {
                let start = log.log_start_offset().0;
                let start = start + i64::from(at) % (model.log_end - start + 1);
                check_read(log, &model, start);
            }
            Op::Restart { clean } => {
                let last_segment_end = log.segments().last().unwrap().next_offset.0;
                let params = LoadParams {
                    recovery_point: if clean {
                        log.close().unwrap()
                    } else {
                        log.recovery_point()
                    },
                    log_start_offset: log.log_start_offset(),
                    high_watermark: log.high_watermark(),
                    cleaner_checkpoint: Offset(0),
                    had_clean_shutdown: clean,
                };
                drop(opened);
                opened = open(dir.path(), config(), clock.clone(), params);
                model.log_end = last_segment_end;
                opened.log.update_high_watermark(Offset(model.log_end));
            }
        }
        let log = &opened.log;
        assert_eq!(log.log_end_offset().0, model.log_end, "log end");
        assert_eq!(
            log.first_unstable_offset().map(|o| o.0),
            model.first_unstable(),
            "first unstable offset after {op:?}"
        );
        let hw = log.high_watermark().0;
        let lso = model.first_unstable().map_or(hw, |f| f.min(hw));
        assert_eq!(log.last_stable_offset().0, lso, "LSO after {op:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("STROM_MODEL_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn transactions_agree_with_model(ops in proptest::collection::vec(op(), 1..80)) {
        // The LSO, the first unstable offset and every read_committed answer (batches below
        // the LSO, aborted transactions overlapping them) agree with the model throughout.
        run(ops);
    }
}

#[test]
fn a_roll_after_truncating_inside_a_batch_survives_a_crash() {
    // The case this test's property found in CI (2026-12-06): the truncation (to offset 4)
    // falls inside the plain batch at 3..=5; the roll and the unclean restart that follow
    // must leave the log end where the model has it.
    let txn = |records| Op::Txn {
        producer: 0,
        records,
    };
    run(vec![
        txn(3),
        Op::Plain { records: 3 },
        txn(3),
        txn(1),
        txn(1),
        txn(1),
        txn(3),
        Op::End {
            producer: 0,
            abort: false,
        },
        Op::Truncate { at: 11615 },
        Op::Roll,
        Op::Restart { clean: false },
    ]);
}
