//! A seeded disk-fault simulation of the real [`Log`]: each seed appends random batches
//! (plain, compressed, idempotent, transactional with commit and abort markers, under rising
//! leader epochs) through a log with small segments and dense indexes, flushes at random
//! points, remembering what each flush made durable (the recovery point and every file's
//! bytes), then "crashes" (drops the log without closing it: `Log` has no `Drop` that
//! writes) and damages the directory the way a power loss or a bad disk can. The log is then
//! opened again with the real recovery and checked.
//!
//! The faults, one per seed:
//! - `DropUnsynced`: every file is put back exactly as the last flush left it (what was not
//!   fsynced is gone, files created since then too);
//! - `TornWrite`: the unsynced bytes of the `.log` files, taken in offset order across
//!   segments, survive up to a random cut (not batch-aligned; sometimes exactly where a
//!   segment's bytes end), as a filesystem that orders data writeback with its journal
//!   (ext4's default) leaves them; segment files created since the flush may be missing
//!   past the cut, or present and empty. Other files keep a random prefix of what was
//!   appended to them; files rewritten whole come back old or new;
//! - `GarbageTail`: as torn, then zeros (preallocated) or random bytes (a half-written page)
//!   from the cut to the end of its page, in the `.log` and in the other files;
//! - `UnsyncedBitFlip`: every unsynced write survives, with one bit flipped among them;
//! - `DamagedMetadata`: the `.log` files as torn; indexes, transaction indexes, producer
//!   snapshots and the leader-epoch checkpoint written since the flush torn, zeroed,
//!   garbled or lost; indexes the flush had synced cut short (mid-entry too), given a
//!   garbage tail, or lost, or one of their entries has a bit flipped (from a generator of
//!   its own); sometimes a torn `.tmp` checkpoint, and rarely a garbled leader-epoch
//!   checkpoint (which the open must refuse, as Kafka does, rather than guess);
//! - `MediaBitFlip`: one bit flipped in a batch the last flush had synced, below the
//!   recovery point: a media error.
//!
//! The recovery point the log is reopened with is the last flush's, or (a quarter of the
//! time) an older one, as the checkpoint file lags the flushes.
//!
//! Checked after recovery: opening does not panic; reading from the log start serves whole
//! batches with contiguous offsets up to the log end (nothing skipped, nothing past it);
//! every batch served is byte for byte the one appended at its offset; with the first five
//! faults every batch below the recovery point is still there. With a media error the
//! damaged batch is never served as valid: recovery cuts it off, a read of it fails with an
//! error, or it is served failing its CRC, which consumers and followers check (as with
//! Kafka, whose brokers do not check CRCs on fetch). A flip in `baseOffset` or
//! `partitionLeaderEpoch`, which the batch format leaves outside the CRC, can go unnoticed
//! when it keeps the batch in order inside its segment: that is counted, not failed (see
//! docs/durability.md). Then: a read at random offsets returns the batch holding each one
//! (the offset index), offset-for-timestamp returns the first record at or after each
//! timestamp (the time index), the producer state agrees with the batches that survived
//! (open transactions, each producer's next sequence), appends and a flush work, and a
//! clean close and reopen, which trusts the indexes recovery wrote, serves the same batches.
//!
//! What the model assumes: a completed `Log::flush` made every file it had written
//! durable (the simulation snapshots the directory then), so a missing fsync is not found
//! here; the crash tests (`tests/crash.rs`) SIGKILL a real process instead.
//!
//! Seeds: a fixed set plus fresh ones every run (printed with `--nocapture`).
//! `STROM_SIM_SEEDS=N` runs seeds `0..N` plus the fresh ones; `STROM_SIM_SEED=N` replays one
//! seed exactly; `STROM_SIM_KEEP_GOING=1` runs every seed and lists all that failed;
//! `STROM_SIM_DEBUG=1` prints what each seed did. The logs live on `/dev/shm` when there is
//! one: the simulation decides what was durable, so real fsyncs would only cost time.
//! Changing how the simulation draws from its generator changes what every seed does: the
//! regression seeds at the end must then be found again (run with the fix reverted).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use strom_sim::SimRng;

use bytes::{Bytes, BytesMut};
use common::clock;
use strom_protocol::records::{
    BatchIter, Compression, EndTransactionMarker, RecordBatch, RecordBatchBuilder,
    build_end_transaction_marker,
};
use strom_storage::{
    AppendOrigin, Clock, FetchIsolation, FetchParams, FlushScheduler, LeaderEpoch, LoadParams,
    LoadStats, Log, LogConfig, ManualClock, Offset, StorageError, Timestamp, TopicPartition,
};

/// Seeds 0..FIXED_SEEDS run every time, and FRESH_SEEDS more drawn from the clock.
const FIXED_SEEDS: u64 = 500;
const FRESH_SEEDS: u64 = 100;
/// Steps (appends, flushes, epoch changes) of one seed, at most.
const STEPS_MAX: u64 = 160;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    DropUnsynced,
    TornWrite,
    GarbageTail,
    UnsyncedBitFlip,
    DamagedMetadata,
    MediaBitFlip,
}

const FAULTS: [Fault; 6] = [
    Fault::DropUnsynced,
    Fault::TornWrite,
    Fault::GarbageTail,
    Fault::UnsyncedBitFlip,
    Fault::DamagedMetadata,
    Fault::MediaBitFlip,
];

/// A directory's regular files and their bytes.
type Files = BTreeMap<String, Vec<u8>>;

fn read_files(dir: &Path) -> Files {
    let mut files = Files::new();
    for entry in std::fs::read_dir(dir).expect("list partition dir") {
        let entry = entry.expect("dir entry");
        if entry.file_type().expect("file type").is_file() {
            let name = entry.file_name().into_string().expect("utf-8 name");
            files.insert(name, std::fs::read(entry.path()).expect("read file"));
        }
    }
    files
}

fn write_files(dir: &Path, files: &Files) {
    for entry in std::fs::read_dir(dir).expect("list partition dir") {
        std::fs::remove_file(entry.expect("dir entry").path()).expect("remove file");
    }
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("write file");
    }
}

/// An idempotent or transactional producer the simulation drives.
#[derive(Debug, Clone)]
struct Producer {
    id: i64,
    transactional: bool,
    next_sequence: i32,
    in_transaction: bool,
}

/// The outcome of a flush: the recovery point and every file's bytes once it returned.
#[derive(Debug, Clone)]
struct Durable {
    recovery_point: Offset,
    files: Files,
}

struct Sim {
    seed: u64,
    rng: SimRng,
    clock: Arc<ManualClock>,
    config: LogConfig,
    leader_epoch: i32,
    producers: Vec<Producer>,
    /// Every flush so far, oldest first.
    flushes: Vec<Durable>,
}

fn sim_config(rng: &mut SimRng) -> LogConfig {
    LogConfig {
        segment_bytes: rng.between(1800, 6000),
        segment_index_bytes: [24, 48, 96, 1024][rng.below(4) as usize],
        index_interval_bytes: rng.between(1, 600),
        retention_ms: None,
        segment_ms: None,
        message_timestamp_after_max_ms: None,
        ..LogConfig::default()
    }
}

fn open_log(
    dir: &Path,
    config: &LogConfig,
    clock: &Arc<ManualClock>,
    params: LoadParams,
) -> strom_storage::Result<(Arc<Log>, LoadStats, Arc<FlushScheduler>)> {
    let flusher = FlushScheduler::start(1);
    let (log, stats) = Log::open(
        dir.to_path_buf(),
        TopicPartition::new("t", 0),
        config.clone(),
        params,
        Arc::clone(clock) as Arc<dyn Clock>,
        flusher.handle(),
    )?;
    Ok((log, stats, flusher))
}

impl Sim {
    fn new(seed: u64) -> Sim {
        let mut rng = SimRng::new(seed);
        let config = sim_config(&mut rng);
        let producers = (0..4)
            .map(|i| Producer {
                id: 1000 + i,
                transactional: i >= 2,
                next_sequence: 0,
                in_transaction: false,
            })
            .collect();
        Sim {
            seed,
            rng,
            clock: clock(),
            config,
            leader_epoch: 1,
            producers,
            flushes: Vec::new(),
        }
    }

    fn client(&self) -> AppendOrigin {
        AppendOrigin::Client {
            leader_epoch: LeaderEpoch(self.leader_epoch),
        }
    }

    /// A batch of random records: its count, sizes, timestamps and codec from the seed.
    fn random_batch(&mut self, builder: RecordBatchBuilder) -> BytesMut {
        let rng = &mut self.rng;
        let codec = if rng.percent(30) {
            Compression::ALL[rng.between(1, 4) as usize]
        } else {
            Compression::None
        };
        let mut b = builder.with_compression(codec);
        let count = rng.between(1, 12);
        let now = self.clock.now().0;
        for i in 0..count {
            // Mostly rising, sometimes a little out of order, as producers' clocks are.
            let timestamp = now + i as i64 * 3 - rng.below(40) as i64;
            let key = format!("k{}", rng.below(50));
            let mut value = format!("{}:{}:", self.seed, rng.next_u64()).into_bytes();
            value.resize(value.len() + rng.below(120) as usize, b'a' + (i % 26) as u8);
            b.append(timestamp, Some(key.as_bytes()), Some(&value), &[]);
        }
        BytesMut::from(&b.build().expect("build batch")[..])
    }

    fn step(&mut self, log: &Arc<Log>) {
        self.clock.advance_ms(self.rng.between(1, 50) as i64);
        match self.rng.below(100) {
            0..=44 => {
                let batch = self.random_batch(RecordBatchBuilder::new(Compression::None, 0));
                log.append(batch, self.client()).expect("plain append");
            }
            45..=74 => self.producer_append(log),
            75..=86 => self.flush(log),
            87..=89 => {
                self.leader_epoch += 1;
            }
            _ => self.end_transaction(log),
        }
    }

    fn producer_append(&mut self, log: &Arc<Log>) {
        let p = self.rng.below(self.producers.len() as u64) as usize;
        let producer = self.producers[p].clone();
        let builder = RecordBatchBuilder::new(Compression::None, 0)
            .with_producer(producer.id, 0, producer.next_sequence)
            .with_transactional(producer.transactional);
        let batch = self.random_batch(builder);
        let records = RecordBatch::new(batch.clone().freeze())
            .expect("built batch")
            .header()
            .record_count;
        let info = log.append(batch, self.client()).expect("producer append");
        assert!(!info.duplicate, "a new sequence was taken for a retry");
        let producer = &mut self.producers[p];
        producer.next_sequence += records;
        producer.in_transaction |= producer.transactional;
    }

    fn end_transaction(&mut self, log: &Arc<Log>) {
        let open: Vec<usize> = (0..self.producers.len())
            .filter(|&i| self.producers[i].in_transaction)
            .collect();
        if open.is_empty() {
            return;
        }
        let p = open[self.rng.below(open.len() as u64) as usize];
        let marker = if self.rng.percent(40) {
            EndTransactionMarker::abort(0)
        } else {
            EndTransactionMarker::commit(0)
        };
        let now = self.clock.now().0;
        let bytes = build_end_transaction_marker(marker, 0, self.producers[p].id, 0, now)
            .expect("build marker");
        let origin = AppendOrigin::Coordinator {
            leader_epoch: LeaderEpoch(self.leader_epoch),
        };
        log.append(BytesMut::from(&bytes[..]), origin)
            .expect("marker append");
        self.producers[p].in_transaction = false;
    }

    fn flush(&mut self, log: &Arc<Log>) {
        let recovery_point = log.flush().expect("flush");
        assert_eq!(recovery_point, log.log_end_offset(), "flush left a tail");
        self.flushes.push(Durable {
            recovery_point,
            files: read_files(log.dir()),
        });
    }
}

/// Where each batch lies in the `.log` files: (file name, position, base offset, size).
fn layout(files: &Files) -> Vec<(String, usize, i64, usize)> {
    let mut out = Vec::new();
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".log")) {
        let mut iter = BatchIter::new(Bytes::from(bytes.clone()));
        let mut position = 0;
        for batch in iter.by_ref() {
            let Ok(batch) = batch else { break };
            let size = batch.size_in_bytes();
            out.push((name.clone(), position, batch.header().base_offset, size));
            position += size;
        }
    }
    out
}

/// What was damaged, for the checks and for a failing seed's message.
#[derive(Debug, Default)]
struct Damage {
    /// The batch (base offset) and byte within it a media error flipped.
    media_flip: Option<(i64, usize)>,
    /// The batch (base offset) and byte within it an unsynced bit flip hit, if in a batch.
    unsynced_flip: Option<(i64, usize)>,
    /// The leader-epoch checkpoint was made unreadable.
    epoch_checkpoint_garbled: bool,
    notes: Vec<String>,
}

fn is_metadata(name: &str) -> bool {
    [
        ".index",
        ".timeindex",
        ".txnindex",
        ".snapshot",
        "leader-epoch-checkpoint",
    ]
    .iter()
    .any(|suffix| name.ends_with(suffix))
}

/// The bytes a crash leaves of a file that held `synced` at the last flush (`None`: it did
/// not exist) and `current` in the page cache (`None`: deleted since), for `fault`.
fn crash_file(
    rng: &mut SimRng,
    fault: Fault,
    name: &str,
    synced: Option<&Vec<u8>>,
    current: Option<&Vec<u8>>,
) -> Option<Vec<u8>> {
    if fault == Fault::DropUnsynced || synced == current {
        return synced.cloned();
    }
    let Some(current) = current else {
        // Deleted since the flush: the deletion may or may not have reached the disk.
        return if rng.percent(50) {
            None
        } else {
            synced.cloned()
        };
    };
    let synced_len = match synced {
        Some(s) if current.starts_with(s) => s.len(),
        Some(s) => {
            // Rewritten whole since the flush (an index written out at a roll, a
            // checkpoint replaced): old or new, or a torn new one in the metadata fault.
            if fault == Fault::DamagedMetadata && is_metadata(name) && rng.percent(50) {
                let keep = rng.below(current.len() as u64 + 1) as usize;
                return Some(current[..keep].to_vec());
            }
            return Some(if rng.percent(50) {
                s.clone()
            } else {
                current.clone()
            });
        }
        None => {
            if rng.percent(20) {
                return None;
            }
            0
        }
    };
    let tail_len = current.len() - synced_len;
    let mut out = current[..synced_len].to_vec();
    let metadata = is_metadata(name);
    match fault {
        Fault::DropUnsynced => unreachable!("handled above"),
        Fault::TornWrite | Fault::MediaBitFlip => {
            let keep = rng.below(tail_len as u64 + 1) as usize;
            out.extend_from_slice(&current[synced_len..synced_len + keep]);
        }
        Fault::GarbageTail => {
            let keep = rng.below(tail_len as u64 + 1) as usize;
            out.extend_from_slice(&current[synced_len..synced_len + keep]);
            // The rest of the write's last page: zeros (preallocated) or garbage.
            let page_end = current.len().div_ceil(4096) * 4096;
            let fill = page_end.max(current.len()) - out.len();
            let fill = rng.below(fill as u64 + 1) as usize;
            if rng.percent(50) {
                out.resize(out.len() + fill, 0);
            } else {
                out.extend(rng.bytes(fill));
            }
        }
        Fault::UnsyncedBitFlip => out.extend_from_slice(&current[synced_len..]),
        Fault::DamagedMetadata if metadata => match rng.below(4) {
            0 => {
                let keep = rng.below(tail_len as u64 + 1) as usize;
                out.extend_from_slice(&current[synced_len..synced_len + keep]);
            }
            1 => out.resize(current.len(), 0),
            2 => out.extend(rng.bytes(tail_len)),
            _ => out.extend_from_slice(&current[synced_len..]),
        },
        Fault::DamagedMetadata => {
            let keep = rng.below(tail_len as u64 + 1) as usize;
            out.extend_from_slice(&current[synced_len..synced_len + keep]);
        }
    }
    Some(out)
}

/// The directory a crash with `fault` leaves, given the last flush and the page cache.
fn crash_image(
    rng: &mut SimRng,
    fault: Fault,
    durable: &Durable,
    current: &Files,
    damage: &mut Damage,
) -> Files {
    let names: std::collections::BTreeSet<&String> =
        durable.files.keys().chain(current.keys()).collect();
    let mut image = Files::new();
    for name in names {
        if name.ends_with(".log") && fault != Fault::DropUnsynced {
            continue;
        }
        let synced = durable.files.get(name);
        if let Some(bytes) = crash_file(rng, fault, name, synced, current.get(name)) {
            image.insert(name.clone(), bytes);
        }
    }
    if fault != Fault::DropUnsynced {
        crash_logs(rng, fault, durable, current, &mut image);
    }
    match fault {
        Fault::UnsyncedBitFlip => flip_unsynced(rng, durable, &mut image, damage),
        Fault::DamagedMetadata => {
            damage_synced_metadata(rng, &mut image, damage);
            flip_synced_offset_index(durable, &mut image, damage);
        }
        Fault::MediaBitFlip => flip_durable(rng, durable, &mut image, damage),
        _ => {}
    }
    image
}

/// The `.log` files a crash leaves: their unsynced bytes, taken in offset order across the
/// segments, reach the disk as one stream cut at a random point (not batch-aligned), as a
/// filesystem that orders data writeback with its journal (ext4's default) leaves them.
/// Segment files created since the flush exist in creation order: some may be missing past
/// the cut, or present and empty. With `GarbageTail` the cut is followed by zeros or random
/// bytes to the end of its page; with `UnsyncedBitFlip` everything written survives.
fn crash_logs(
    rng: &mut SimRng,
    fault: Fault,
    durable: &Durable,
    current: &Files,
    image: &mut Files,
) {
    let logs: Vec<(&String, usize, &Vec<u8>)> = current
        .iter()
        .filter(|(name, _)| name.ends_with(".log"))
        .map(|(name, bytes)| {
            let synced = durable.files.get(name).map_or(0, Vec::len);
            assert!(
                durable.files.get(name).is_none_or(|s| bytes.starts_with(s)),
                "{name} was rewritten, not appended to, since the flush"
            );
            (name, synced, bytes)
        })
        .collect();
    let unsynced: usize = logs
        .iter()
        .map(|(_, synced, bytes)| bytes.len() - synced)
        .sum();
    let mut left = if fault == Fault::UnsyncedBitFlip {
        unsynced
    } else if rng.percent(25) {
        // Cut where a segment's unsynced bytes end: the next segments hold none.
        let ends: Vec<usize> = logs
            .iter()
            .scan(0, |total, (_, synced, bytes)| {
                *total += bytes.len() - synced;
                Some(*total)
            })
            .collect();
        ends.get(rng.below(ends.len() as u64) as usize)
            .copied()
            .unwrap_or(0)
    } else {
        rng.below(unsynced as u64 + 1) as usize
    };
    let mut exists = true;
    for (name, synced, bytes) in logs {
        let tail = bytes.len() - synced;
        let keep = tail.min(left);
        left -= keep;
        let new_file = !durable.files.contains_key(name);
        if new_file && keep == 0 {
            exists &= rng.percent(70);
            if !exists {
                continue;
            }
        }
        let mut out = bytes[..synced + keep].to_vec();
        if fault == Fault::GarbageTail && keep < tail && (keep > 0 || left == 0) {
            let page_end = (synced + keep).div_ceil(4096).max(1) * 4096;
            let fill = rng.below((page_end - out.len()) as u64 + 1) as usize;
            if rng.percent(50) {
                out.resize(out.len() + fill, 0);
            } else {
                out.extend(rng.bytes(fill));
            }
            // Only the page the stream was cut in is garbled.
            left = 0;
        }
        image.insert(name.clone(), out);
    }
}

/// One bit flipped in bytes of the image that the last flush had not synced.
fn flip_unsynced(rng: &mut SimRng, durable: &Durable, image: &mut Files, damage: &mut Damage) {
    let candidates: Vec<(String, usize)> = image
        .iter()
        .filter_map(|(name, bytes)| {
            let synced = durable.files.get(name).map_or(0, Vec::len);
            let unchanged = durable.files.get(name) == Some(bytes);
            (!unchanged && bytes.len() > synced).then(|| (name.clone(), synced))
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let (name, from) = &candidates[rng.below(candidates.len() as u64) as usize];
    let at = *from + rng.below((image[name].len() - from) as u64) as usize;
    let batches = layout(image);
    let hit = batches.iter().find(|(file, position, _, size)| {
        file == name && (*position..position + size).contains(&at)
    });
    if let Some((_, position, base, _)) = hit {
        damage.unsynced_flip = Some((*base, at - position));
    }
    let bytes = image.get_mut(name).expect("candidate file");
    bytes[at] ^= 1 << rng.below(8);
    damage
        .notes
        .push(format!("flipped a bit of {name} at {at}"));
}

/// Damage to index files the flush had synced (lost, cut short, cut mid-entry), and a torn
/// checkpoint temp file; sometimes a garbled leader-epoch checkpoint.
fn damage_synced_metadata(rng: &mut SimRng, image: &mut Files, damage: &mut Damage) {
    let indexes: Vec<String> = image
        .keys()
        .filter(|n| n.ends_with(".index") || n.ends_with(".timeindex"))
        .cloned()
        .collect();
    for name in indexes {
        if !rng.percent(30) {
            continue;
        }
        let bytes = image.get_mut(&name).expect("index");
        match rng.below(3) {
            0 => {
                image.remove(&name);
                damage.notes.push(format!("lost {name}"));
            }
            1 => {
                let keep = rng.below(bytes.len() as u64 + 1) as usize;
                bytes.truncate(keep);
                damage.notes.push(format!("cut {name} to {keep}"));
            }
            _ => {
                let n = rng.between(1, 40) as usize;
                bytes.extend(rng.bytes(n));
                damage.notes.push(format!("{n} garbage bytes after {name}"));
            }
        }
    }
    if rng.percent(20) {
        let len = rng.below(30) as usize;
        let torn = rng.bytes(len);
        image.insert("leader-epoch-checkpoint.tmp".into(), torn);
    }
    if rng.percent(5)
        && let Some(epochs) = image.get_mut("leader-epoch-checkpoint")
    {
        *epochs = b"0\n3\nnot an epoch\n".to_vec();
        damage.epoch_checkpoint_garbled = true;
    }
}

/// Sometimes, one bit flipped in an offset index the flush had synced (a media error in
/// an entry, which opening checks only at the first and last entries): reads must still
/// find every batch. Drawn from a generator of its own, so that adding this damage left
/// every seed's other draws as they were (the regression seeds below).
fn flip_synced_offset_index(durable: &Durable, image: &mut Files, damage: &mut Damage) {
    let mut rng = SimRng::new(durable.recovery_point.0 as u64 ^ image.len() as u64 ^ 0x1de8_f11b);
    let synced: Vec<String> = image
        .iter()
        .filter(|(name, bytes)| {
            name.ends_with(".index") && !bytes.is_empty() && durable.files.get(*name) == Some(bytes)
        })
        .map(|(name, _)| name.clone())
        .collect();
    if synced.is_empty() || !rng.percent(40) {
        return;
    }
    let name = &synced[rng.below(synced.len() as u64) as usize];
    let bytes = image.get_mut(name).expect("index");
    let at = rng.below(bytes.len() as u64) as usize;
    bytes[at] ^= 1 << rng.below(8);
    damage
        .notes
        .push(format!("flipped a bit of synced {name} at {at}"));
}

/// One bit flipped in a batch below the recovery point that the last flush had synced.
fn flip_durable(rng: &mut SimRng, durable: &Durable, image: &mut Files, damage: &mut Damage) {
    let candidates: Vec<(String, usize, i64, usize)> = layout(&durable.files)
        .into_iter()
        .filter(|(name, position, base, size)| {
            let in_image = image.get(name).is_some_and(|b| b.len() >= position + size);
            let _ = base;
            in_image
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let (name, position, base, size) = &candidates[rng.below(candidates.len() as u64) as usize];
    let within = rng.below(*size as u64) as usize;
    let bytes = image.get_mut(name).expect("segment file");
    bytes[position + within] ^= 1 << rng.below(8);
    damage.media_flip = Some((*base, within));
    damage.notes.push(format!(
        "media error in batch {base} of {name}, byte {within}"
    ));
}

/// Every batch the live log holds, by base offset, as its bytes.
fn batches_by_offset(log: &Log) -> BTreeMap<i64, Bytes> {
    let mut out = BTreeMap::new();
    let mut next = log.log_start_offset();
    while next < log.log_end_offset() {
        let data = log.read(next, read_params(64 * 1024)).expect("read");
        assert!(!data.records.is_empty(), "nothing read at {next}");
        for batch in BatchIter::new(data.records) {
            let batch = batch.expect("whole batches");
            next = Offset(batch.header().next_offset());
            out.insert(batch.header().base_offset, batch.into_bytes());
        }
    }
    out
}

fn read_params(max_bytes: usize) -> FetchParams {
    FetchParams {
        max_bytes,
        min_one_batch: true,
        isolation: FetchIsolation::LogEnd,
    }
}

/// What reading the recovered log from its start gives.
#[derive(Debug)]
struct Served {
    batches: Vec<RecordBatch>,
    /// Where reading stopped before the log end, and why.
    stopped: Option<(Offset, Stop)>,
}

#[derive(Debug)]
enum Stop {
    /// The read failed with an error: the log said it could not serve the offset.
    Error(StorageError),
    /// What the read returned is not the next batches: nothing, part of a batch, a batch
    /// that does not start where the one before ended, or a last batch ending past the log
    /// end. Served as if it were data.
    Malformed(String),
    /// The last batch served fails its CRC, which the consumer checks.
    FailedCrc,
}

fn read_everything(log: &Log, rng: &mut SimRng) -> Served {
    let mut batches: Vec<RecordBatch> = Vec::new();
    let mut next = log.log_start_offset();
    let end = log.log_end_offset();
    let stop = |batches, at, why| Served {
        batches,
        stopped: Some((at, why)),
    };
    while next < end {
        let max_bytes = rng.between(1, 20_000) as usize;
        let data = match log.read(next, read_params(max_bytes)) {
            Ok(data) => data,
            Err(e) => return stop(batches, next, Stop::Error(e)),
        };
        if data.records.is_empty() {
            let why = Stop::Malformed(format!("nothing read at {next} below the log end {end}"));
            return stop(batches, next, why);
        }
        let mut iter = BatchIter::new(data.records.clone());
        for batch in iter.by_ref() {
            let Ok(batch) = batch else {
                return stop(batches, next, Stop::Malformed("part of a batch".into()));
            };
            if batch.header().base_offset != next.0 {
                let why = format!("a batch at {} follows one ending before {next}", {
                    batch.header().base_offset
                });
                return stop(batches, next, Stop::Malformed(why));
            }
            next = Offset(batch.header().next_offset());
            let crc_failed = batch.verify_crc().is_err();
            batches.push(batch);
            if crc_failed {
                // A consumer stops at a batch that fails its CRC: nothing after it is read.
                return stop(batches, next, Stop::FailedCrc);
            }
        }
        if iter.remaining() != 0 {
            return stop(batches, next, Stop::Malformed("part of a batch".into()));
        }
    }
    if next != end {
        let why = Stop::Malformed(format!("the last batch ends at {next}, past the log end"));
        return stop(batches, next, why);
    }
    Served {
        batches,
        stopped: None,
    }
}

/// The outcome of one seed, summed over a run.
#[derive(Debug, Default)]
struct Totals {
    seeds: u64,
    batches_checked: u64,
    truncated_bytes: u64,
    media_flips: u64,
    media_caught_by_recovery: u64,
    media_caught_by_read: u64,
    media_served_bad_crc: u64,
    media_outside_crc: u64,
    unsynced_outside_crc: u64,
    refused_to_open: u64,
}

fn run(seed: u64) -> Totals {
    let mut totals = Totals {
        seeds: 1,
        ..Totals::default()
    };
    // On tmpfs where there is one: the simulation decides what was durable, so real fsyncs
    // would only cost time.
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let dir = tmp.path().join("t-0");
    let mut sim = Sim::new(seed);
    let fault = FAULTS[sim.rng.below(FAULTS.len() as u64) as usize];

    let (log, _, flusher) =
        open_log(&dir, &sim.config, &sim.clock, LoadParams::default()).expect("first open");
    let steps = sim.rng.between(10, STEPS_MAX);
    for _ in 0..steps {
        sim.step(&log);
    }
    if fault == Fault::MediaBitFlip || sim.rng.percent(50) {
        sim.flush(&log);
    }
    for _ in 0..sim.rng.between(0, 30) {
        sim.step(&log);
    }
    let appended = batches_by_offset(&log);
    let current = read_files(&dir);
    // The crash: no close, nothing more written.
    drop(log);
    drop(flusher);

    let durable = sim.flushes.last().cloned().unwrap_or(Durable {
        recovery_point: Offset::ZERO,
        files: Files::new(),
    });
    let mut damage = Damage::default();
    let image = crash_image(&mut sim.rng, fault, &durable, &current, &mut damage);
    write_files(&dir, &image);
    if std::env::var_os("STROM_SIM_DEBUG").is_some() {
        let lens: Vec<(&String, usize)> = image.iter().map(|(n, b)| (n, b.len())).collect();
        eprintln!("image {lens:?}\nlayout {:?}", layout(&image));
    }
    // The recovery-point checkpoint is written after flushes, so it may lag the last one.
    let checkpointed = if sim.rng.percent(25) {
        let at = sim.rng.below(sim.flushes.len() as u64 + 1) as usize;
        sim.flushes
            .get(at)
            .map_or(Offset::ZERO, |d| d.recovery_point)
    } else {
        durable.recovery_point
    };
    let params = LoadParams {
        recovery_point: checkpointed,
        ..LoadParams::default()
    };
    let context = format!(
        "seed {seed}: {fault:?}, durable to {}, checkpoint {checkpointed}, segment bytes {}, \
         index bytes {}, index interval {}, {:?}",
        durable.recovery_point,
        sim.config.segment_bytes,
        sim.config.segment_index_bytes,
        sim.config.index_interval_bytes,
        damage
    );
    let (log, stats, _flusher) = match open_log(&dir, &sim.config, &sim.clock, params) {
        Ok(opened) => opened,
        Err(StorageError::CorruptCheckpoint { .. }) if damage.epoch_checkpoint_garbled => {
            // Refusing a garbled checkpoint is saying so, as Kafka does (the log goes
            // offline rather than guessing its leader epochs).
            totals.refused_to_open = 1;
            return totals;
        }
        Err(e) => panic!("{context}: reopen failed: {e}"),
    };
    totals.truncated_bytes = stats.truncated_bytes;
    if std::env::var_os("STROM_SIM_DEBUG").is_some() {
        eprintln!(
            "{context}\nreopened: {stats:?}\nsegments {:?}",
            log.segments()
        );
    }

    let served = read_everything(&log, &mut sim.rng);
    totals.batches_checked = served.batches.len() as u64;
    let checkable = check_served(
        &log,
        &served,
        &appended,
        &durable,
        fault,
        &damage,
        &context,
        &mut totals,
    );
    if !checkable {
        // Past a damaged batch served or refused, the rest cannot be compared.
        return totals;
    }
    check_indexes(&log, &served, &mut sim.rng, &context);
    check_producer_state(&log, &served, &sim, &context);
    check_appends_and_reopen(&log, &dir, &mut sim, &served, &context);
    totals
}

/// Checks what a read of the whole recovered log served. Returns whether the rest of the
/// checks can run (not past a media error that was served or refused).
#[allow(clippy::too_many_arguments)]
fn check_served(
    log: &Log,
    served: &Served,
    appended: &BTreeMap<i64, Bytes>,
    durable: &Durable,
    fault: Fault,
    damage: &Damage,
    context: &str,
    totals: &mut Totals,
) -> bool {
    let flipped = damage.media_flip;
    // `baseOffset` and `partitionLeaderEpoch` lie outside the batch CRC (they are written in
    // place on append), so a flip there can read as a valid batch. Reads and recovery check
    // offsets for order and against the segment's bounds, which catches most such flips but
    // not one that keeps the batch in order; that is counted, not failed (see
    // docs/durability.md).
    let outside_crc = flipped
        .or(damage.unsynced_flip)
        .is_some_and(|(_, byte)| byte < 8 || (12..16).contains(&byte));
    for batch in &served.batches {
        let base = batch.header().base_offset;
        let original = appended.get(&base);
        if original == Some(batch.as_bytes()) {
            continue;
        }
        if let Some((at, byte)) = flipped
            && at == base
        {
            // As in Kafka, a batch's records are checked against its CRC by whoever
            // decodes them (consumers, followers), not on the broker's read path: the
            // damaged batch may be served, but never as valid. The leader epoch field is
            // outside the CRC by design (it is rewritten in place), as in Kafka.
            if batch.verify_crc().is_err() {
                totals.media_served_bad_crc += 1;
                continue;
            }
            assert!(
                (12..16).contains(&byte),
                "{context}: the damaged batch at {base} was served with a valid CRC"
            );
        }
        if outside_crc && fault == Fault::MediaBitFlip {
            totals.media_outside_crc += 1;
            return false;
        }
        if outside_crc {
            totals.unsynced_outside_crc += 1;
            return false;
        }
        panic!(
            "{context}: the batch served at {base} is not the one appended there \
             (crc {:?}, appended {})",
            batch.verify_crc(),
            original.is_some()
        );
    }
    let end = log.log_end_offset();
    if fault == Fault::MediaBitFlip {
        let Some((flipped, _)) = flipped else {
            return true;
        };
        totals.media_flips += 1;
        match &served.stopped {
            Some((at, Stop::Error(e))) => {
                assert!(
                    at.0 >= flipped,
                    "{context}: a read at {at} before the damaged batch failed: {e}"
                );
                totals.media_caught_by_read += 1;
                false
            }
            Some((_, Stop::Malformed(_))) if outside_crc => {
                totals.media_outside_crc += 1;
                false
            }
            // Counted above, where the batch served differs from the one appended.
            Some((_, Stop::FailedCrc)) => false,
            Some((at, Stop::Malformed(why))) => {
                panic!("{context}: after a media error, a read at {at} served {why}")
            }
            None if end.0 <= flipped => {
                totals.media_caught_by_recovery += 1;
                true
            }
            None => {
                let intact = served
                    .batches
                    .iter()
                    .any(|b| b.header().base_offset == flipped && b.verify_crc().is_ok());
                // Served with a bad CRC (or a changed leader epoch): the consumer's check
                // finds it, as in Kafka.
                intact
            }
        }
    } else {
        match &served.stopped {
            Some((_, Stop::Malformed(_))) if outside_crc => {
                totals.unsynced_outside_crc += 1;
                return false;
            }
            Some((at, why)) => panic!("{context}: reading at {at}: {why:?}"),
            None => {}
        }
        assert!(
            end >= durable.recovery_point,
            "{context}: log end {end} below the durable offset {}",
            durable.recovery_point
        );
        for (&base, bytes) in appended.range(..durable.recovery_point.0) {
            let kept = served
                .batches
                .iter()
                .find(|b| b.header().base_offset == base);
            assert!(
                kept.is_some_and(|b| b.as_bytes() == bytes),
                "{context}: durable batch {base} lost or changed"
            );
        }
        true
    }
}

/// Every record served: (offset, timestamp).
fn records_of(served: &Served) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    for batch in &served.batches {
        let h = batch.header();
        for record in batch.records().expect("records") {
            let record = record.expect("record");
            out.push((
                record.offset(h.base_offset),
                record.timestamp(h.base_timestamp),
            ));
        }
    }
    out
}

fn check_indexes(log: &Log, served: &Served, rng: &mut SimRng, context: &str) {
    let batches = &served.batches;
    for _ in 0..40.min(batches.len()) {
        let batch = &batches[rng.below(batches.len() as u64) as usize];
        let h = batch.header();
        let offset = rng.between(h.base_offset as u64, h.last_offset() as u64) as i64;
        let data = log
            .read(Offset(offset), read_params(1))
            .unwrap_or_else(|e| panic!("{context}: read at {offset}: {e}"));
        assert_eq!(
            data.records,
            batch.as_bytes(),
            "{context}: a read at {offset} did not return its batch"
        );
    }
    let records = records_of(served);
    if records.is_empty() {
        return;
    }
    for _ in 0..30 {
        let (_, ts) = records[rng.below(records.len() as u64) as usize];
        let target = ts + rng.between(0, 6) as i64 - 3;
        let expected = records
            .iter()
            .find(|&&(_, t)| t >= target)
            .map(|&(o, t)| (Offset(o), Timestamp(t)));
        let found = log
            .offset_for_timestamp(Timestamp(target))
            .unwrap_or_else(|e| panic!("{context}: offset for {target}: {e}"));
        assert_eq!(found, expected, "{context}: offset for timestamp {target}");
    }
}

/// The open transactions and each producer's last sequence, from the surviving batches.
fn check_producer_state(log: &Log, served: &Served, sim: &Sim, context: &str) {
    let mut open: BTreeMap<i64, i64> = BTreeMap::new();
    let mut next_sequence: BTreeMap<i64, i32> = BTreeMap::new();
    for batch in &served.batches {
        let h = batch.header();
        if h.producer_id < 0 {
            continue;
        }
        if h.is_control() {
            open.remove(&h.producer_id);
            continue;
        }
        if h.is_transactional() {
            open.entry(h.producer_id).or_insert(h.base_offset);
        }
        next_sequence.insert(h.producer_id, h.base_sequence + h.last_offset_delta + 1);
    }
    let first_unstable = open.values().min().copied().map(Offset);
    assert_eq!(
        log.first_unstable_offset(),
        first_unstable,
        "{context}: first unstable offset"
    );
    let active: BTreeMap<i64, i32> = log
        .active_producers()
        .iter()
        .filter(|p| p.last_sequence >= 0)
        .map(|p| (p.producer_id.0, p.last_sequence + 1))
        .collect();
    for producer in &sim.producers {
        let expected = next_sequence.get(&producer.id).copied();
        assert_eq!(
            active.get(&producer.id).copied(),
            expected,
            "{context}: producer {}'s next sequence",
            producer.id
        );
    }
}

/// Appends continue at the log end (a producer at its next sequence too), a flush makes
/// them durable, and a clean close and reopen serves the same batches from trusted indexes.
fn check_appends_and_reopen(
    log: &Arc<Log>,
    dir: &Path,
    sim: &mut Sim,
    served: &Served,
    context: &str,
) {
    let end = log.log_end_offset();
    let batch = sim.random_batch(RecordBatchBuilder::new(Compression::None, 0));
    let info = log
        .append(batch, sim.client())
        .unwrap_or_else(|e| panic!("{context}: append after recovery: {e}"));
    assert_eq!(info.first_offset, end, "{context}: append after recovery");
    let durable = log.flush().expect("flush after recovery");
    assert_eq!(
        durable,
        log.log_end_offset(),
        "{context}: flush after recovery"
    );
    let before = read_everything(log, &mut sim.rng);
    if std::env::var_os("STROM_SIM_DEBUG").is_some() {
        eprintln!("appended {info:?}\nsegments {:?}", log.segments());
        let tail = |s: &Served| {
            s.batches
                .iter()
                .rev()
                .take(4)
                .map(|b| {
                    (
                        b.header().base_offset,
                        b.header().last_offset(),
                        b.size_in_bytes(),
                    )
                })
                .collect::<Vec<_>>()
        };
        eprintln!(
            "served tail {:?}, before tail {:?}",
            tail(served),
            tail(&before)
        );
    }
    assert!(before.stopped.is_none(), "{context}: {:?}", before.stopped);
    assert_eq!(before.batches.len(), served.batches.len() + 1);
    log.close().expect("close");
    let params = LoadParams {
        recovery_point: durable,
        had_clean_shutdown: true,
        ..LoadParams::default()
    };
    let (log, stats, _flusher) =
        open_log(dir, &sim.config, &sim.clock, params).expect("reopen after close");
    assert_eq!(
        stats.recovered_segments, 0,
        "{context}: a clean reopen scanned"
    );
    let after = read_everything(&log, &mut sim.rng);
    assert!(after.stopped.is_none(), "{context}: {:?}", after.stopped);
    let bytes = |s: &Served| {
        s.batches
            .iter()
            .map(|b| b.as_bytes().clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(bytes(&after), bytes(&before), "{context}: clean reopen");
    check_indexes(&log, &after, &mut sim.rng, context);
}

/// The seeds this run checks, and whether fresh ones were added.
fn seeds() -> Vec<u64> {
    if let Ok(one) = std::env::var("STROM_SIM_SEED") {
        return vec![one.parse().expect("STROM_SIM_SEED is a number")];
    }
    let fixed = std::env::var("STROM_SIM_SEEDS").map_or(FIXED_SEEDS, |n| {
        n.parse().expect("STROM_SIM_SEEDS is a count")
    });
    let mut seeds: Vec<u64> = (0..fixed).collect();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mut fresh = SimRng::new(nanos);
    let extra: Vec<u64> = (0..FRESH_SEEDS).map(|_| fresh.next_u64() >> 16).collect();
    eprintln!("disk_faults: fresh seeds this run: {extra:?}");
    seeds.extend(extra);
    seeds
}

fn run_checked(seed: u64) -> Totals {
    match std::panic::catch_unwind(|| run(seed)) {
        Ok(totals) => totals,
        Err(_) => panic!("seed {seed} failed; replay with STROM_SIM_SEED={seed}"),
    }
}

#[test]
fn recovery_survives_seeded_disk_faults() {
    // Across every seed's crash and damage, recovery never panics, never serves a batch
    // that is not the one appended at its offset, keeps every durable offset unless the
    // durable bytes themselves were damaged, and leaves indexes, producer state and appends
    // working.
    let started = std::time::Instant::now();
    let mut all = Totals::default();
    let keep_going = std::env::var_os("STROM_SIM_KEEP_GOING").is_some();
    let mut failed = Vec::new();
    for seed in seeds() {
        let t = if keep_going {
            match std::panic::catch_unwind(|| run(seed)) {
                Ok(t) => t,
                Err(_) => {
                    failed.push(seed);
                    continue;
                }
            }
        } else {
            run_checked(seed)
        };
        all.seeds += t.seeds;
        all.batches_checked += t.batches_checked;
        all.truncated_bytes += t.truncated_bytes;
        all.media_flips += t.media_flips;
        all.media_caught_by_recovery += t.media_caught_by_recovery;
        all.media_caught_by_read += t.media_caught_by_read;
        all.media_served_bad_crc += t.media_served_bad_crc;
        all.media_outside_crc += t.media_outside_crc;
        all.unsynced_outside_crc += t.unsynced_outside_crc;
        all.refused_to_open += t.refused_to_open;
    }
    eprintln!("disk_faults: {all:?} in {:?}", started.elapsed());
    assert!(failed.is_empty(), "failing seeds: {failed:?}");
    assert!(
        all.batches_checked > 0,
        "no seed checked a batch: the simulation is not exercising the log"
    );
}

// The seeds that found bugs, each kept as a regression (each fails without its fix).

#[test]
fn seed_0_rebuilding_an_index_with_a_garbage_tail_does_not_panic() {
    // An index whose tail is garbage that passes the first-and-last-entry check is rebuilt
    // by recovery without reading its entries: resetting it used to load them and assert
    // their count, a panic on open.
    run_checked(0);
}

#[test]
fn seed_7_recovery_cuts_a_corrupt_batch_off_instead_of_keeping_it() {
    // A batch that fails its CRC in recovery is cut off with everything after it: the scan
    // used to truncate after it, keeping it in the file under the next append, where reads
    // found it again (two batches holding the same offsets).
    run_checked(7);
}

#[test]
fn seed_206_an_empty_segment_past_the_log_end_is_lost_data() {
    // A crash that leaves a rolled segment's file but none of its bytes (nor the next
    // segment's) must not leave the log ending at that segment's base, past offsets it no
    // longer holds.
    run_checked(206);
}

#[test]
fn seed_409_a_read_fails_on_a_misframed_batch_rather_than_skipping_it() {
    // A flipped bit in a durable batch's length makes the next header unreadable: reads
    // used to take that as the end of the segment and go on from the next one, silently
    // skipping records that are still on disk; now they fail with CorruptSegment.
    run_checked(409);
}

#[test]
fn seed_659_a_segment_ending_at_the_recovery_point_is_scanned() {
    // The roll after a flush writes the old segment's indexes, which no fsync has covered
    // when the crash comes; a segment ending exactly at the recovery point is therefore
    // scanned and its indexes rebuilt, or a damaged time index answers offset-for-timestamp
    // wrongly.
    run_checked(659);
}

#[test]
fn seed_2303_recovery_cuts_a_batch_whose_offsets_reach_the_next_segment() {
    // A bit flipped in a base offset (outside the CRC) made a batch claim offsets of the
    // next segment; recovery kept it and the log broke its own segment-order invariant (a
    // panic on open). Recovery now treats it as corrupt.
    run_checked(2303);
}

#[test]
fn seed_3200_a_trusted_segment_tail_with_offsets_out_of_order_is_recovered() {
    // The same damage in a segment below the recovery point, whose tail is read without a
    // scan: its headers must follow the last index entry in order and stay below the next
    // segment, or the segment is recovered.
    run_checked(3200);
}

#[test]
fn seed_197_a_damaged_last_index_entry_is_not_taken_for_the_segment_end() {
    // A bit flipped in the last entry of a synced offset index named an offset far past
    // the segment's batches; opening took the segment's end from it and broke the segment
    // order invariant (a panic). The batches from that entry must reach its offset.
    run_checked(197);
}

#[test]
fn seed_2734_a_damaged_middle_index_entry_does_not_panic_the_open() {
    // An index entry past the last one's position (entries increase, so it is damaged)
    // made opening scan from beyond the end of the file: an arithmetic overflow.
    run_checked(2734);
}

#[test]
fn seed_2793_a_time_index_cut_short_does_not_hide_the_newest_timestamp() {
    // A synced time index that lost its tail made the segment's newest timestamp come
    // from its last remaining entry and the batches after the offset index's last entry
    // only, so offset-for-timestamp skipped the segment. Opening now scans from the batch
    // of the time index's last entry (from the start if it has none).
    run_checked(2793);
}
