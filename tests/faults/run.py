"""One fault run: start a cluster in network namespaces (faultkit.py), create the workload
topics, run the workloads (workloads.py) while the faults of a seeded schedule (schedule.py)
come and go, heal everything, read every partition to its end, and judge the history
(checker.py). Exit 0 when the checker finds nothing, 1 when it finds a violation, 2 when the
run itself failed (the harness, or a cluster that never formed).

    python tests/faults/run.py --seed 7 [--duration 60] [--nodes 3] [--rf 1] [--min-insync 2]
                               [--schedule FILE] [--out DIR]

Everything it writes stays in --out (history.jsonl, schedule.jsonl, report.json, node logs);
the nodes' data directories are tmpfs mounts that are removed at the end, as are the
namespaces, even when the run fails or is interrupted.
"""

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import checker  # noqa: E402
import faultkit  # noqa: E402
import schedule as schedules  # noqa: E402
import workloads  # noqa: E402
import workloads_kafka_python as kp  # noqa: E402
from faultkit import kit  # noqa: E402

EVENTS, TXN = "events", "txn"
RW = "rw"  # read-write transactions: consume-transform-produce on one topic
PARTITIONS = 4
SETUP_S = 90
AFTER_S = 200  # healing, recovery and the final reads (five, 40 s each), at most


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


class Run:
    def __init__(self, args, sched, out):
        self.args = args
        self.sched = sched
        self.out = out
        self.fc = None
        self.history = None
        self.stop = threading.Event()
        self.workers = []
        self.deaths = []

    # ---- setup

    def setup(self):
        self.fc = faultkit.FaultCluster(self.args.nodes, self.out / "cluster",
                                        lazy=self.args.lazyfs)
        log(f"network {self.fc.net.addresses} (netem: {'yes' if self.fc.netem else 'no'}); "
            f"data on {faultkit.DISK_MB} MB tmpfs each"
            + (", through lazyfs" if self.args.lazyfs else ", no lazyfs: lose-unsynced is a "
               "plain kill"))
        self.fc.cluster.start()
        self.fc.cluster.wait_formed(timeout=60)
        first = self.fc.nodes[0].addr
        rf = self.args.rf
        configs = ({"min.insync.replicas": str(self.args.min_insync)}
                   if self.args.min_insync else None)
        for topic in (EVENTS, TXN, RW):
            error, message = kit.create_topic(first, topic, partitions=PARTITIONS,
                                              replication_factor=rf, configs=configs,
                                              timeout_ms=10000)
            if error not in (kit.NONE, kit.TOPIC_ALREADY_EXISTS):
                raise SystemExit(f"CreateTopics {topic} with replication factor {rf}: error "
                                 f"{error} {message}")
        # The transactional topic's partitions are spread like any topic's: transactions
        # cross brokers (markers to every leader, verification with the coordinator).
        coordinator = self.txn_coordinator(first)
        self.fc.cluster.wait_topic_everywhere(EVENTS, PARTITIONS)
        self.fc.cluster.wait_topic_everywhere(TXN, PARTITIONS)
        self.fc.cluster.wait_topic_everywhere(RW, PARTITIONS)
        workloads.start_groups_at_zero(
            self.history, self.fc.bootstrap,
            {"faults-events": EVENTS, "faults-events-kp": EVENTS, "faults-txn": TXN,
             "faults-rw": RW}, PARTITIONS)
        log(f"topics {EVENTS}, {TXN} and {RW} ({PARTITIONS} partitions, rf {rf}, "
            f"min.insync.replicas {self.args.min_insync or 'default'}); transaction "
            f"coordinator on node {coordinator}")

    def txn_coordinator(self, addr):
        return kit.find_coordinator(addr, workloads_txn_id(), key_type=1, wait=30)

    def start_workloads(self):
        b, h, s, seed = self.fc.bootstrap, self.history, self.stop, self.args.seed
        self.workers = [
            workloads.IdempotentProducer("p1", h, s, b, EVENTS, PARTITIONS, 40, seed),
            workloads.IdempotentProducer("p2", h, s, b, EVENTS, PARTITIONS, 40, seed),
            workloads.TransactionalProducer("tx1", h, s, b, TXN, PARTITIONS, seed),
            workloads.ReadWriteTransactions("rw1", h, s, b, RW, PARTITIONS, seed, "faults-rw"),
            workloads.ReadWriteTransactions("rw2", h, s, b, RW, PARTITIONS, seed, "faults-rw"),
            workloads.Consumer("g1", h, s, b, EVENTS, PARTITIONS, group="faults-events"),
            workloads.Consumer("g2", h, s, b, EVENTS, PARTITIONS, group="faults-events"),
            workloads.Consumer("a1", h, s, b, EVENTS, PARTITIONS),
            workloads.Consumer("rc1", h, s, b, TXN, PARTITIONS, isolation="read_committed"),
            workloads.Consumer("rcg1", h, s, b, TXN, PARTITIONS, group="faults-txn",
                               isolation="read_committed"),
        ]
        self.workers += [
            kp.IdempotentProducer("kp1", h, s, b, EVENTS, PARTITIONS, 40),
            kp.GroupConsumer("kg1", h, s, b, EVENTS, PARTITIONS, group="faults-events-kp"),
            kp.GroupConsumer("kg2", h, s, b, EVENTS, PARTITIONS, group="faults-events-kp"),
            # A kafka-python member of g1 and g2's group that leaves and rejoins every 15 s:
            # partitions handed over between the two clients, each starting from offsets
            # the other committed.
            kp.GroupConsumer("kg3", h, s, b, EVENTS, PARTITIONS, group="faults-events",
                             rejoin_s=15),
        ] if self.args.kafka_python == "yes" else []
        for w in self.workers:
            self.history.add(type="workload", proc=w.proc, kind=type(w).__name__,
                             client=getattr(w, "client", "librdkafka"))
            w.start()

    # ---- faults

    def apply(self, f):
        fc, kind = self.fc, f["kind"]
        if kind == "kill":
            fc.kill(f["node"])
        elif kind == "lose-unsynced":
            if self.args.lazyfs:
                dropped = fc.lose_unsynced(f["node"])
                log(f"lazyfs of node {f['node']}: {dropped}")
                self.history.add(type="lazyfs-crash", node=f["node"], dropped=dropped)
            else:
                fc.kill(f["node"])
        elif kind == "pause":
            fc.pause(f["node"])
        elif kind == "isolate":
            others = [i for i in range(1, self.args.nodes + 1) if i != f["node"]]
            fc.partition([[f["node"]], others])
        elif kind in ("halves", "bridge"):
            fc.partition(f["groups"])
        elif kind == "one-way":
            fc.drop(f["from"], f["to"])
        elif kind == "degrade":
            self.tcp_before = {i: fc.tcp_counters(i) for i in range(1, self.args.nodes + 1)}
            fc.degrade(f["node"])
        elif kind == "disk-full":
            fc.fill_disk(f["node"])
        else:
            raise ValueError(f"unknown fault {kind}")

    def heal(self, f):
        fc, kind = self.fc, f["kind"]
        if kind in ("kill", "lose-unsynced"):
            fc.restart(f["node"])
        elif kind == "pause":
            fc.resume(f["node"])
        elif kind == "disk-full":
            # A partition whose append failed takes no writes until its broker restarts
            # (crates/storage, log/append), as Kafka takes a failed log directory offline:
            # the operator frees space and restarts the broker, and so does the harness.
            fc.free_disk(f["node"])
            fc.stop(f["node"])
            fc.restart(f["node"])
        else:
            fc.heal_network()
        if kind == "degrade":
            self.degrade_counters(f["node"])

    def degrade_counters(self, node):
        """What the degraded link did to TCP while it lasted, from the nodes' own counters:
        the degraded node's reorder detections (it sends the reordered segments and learns
        of it from the ACKs) and retransmissions, the other nodes' out-of-order arrivals."""
        delta = {}
        for i, before in self.tcp_before.items():
            now = self.fc.tcp_counters(i)
            delta[i] = {k: now.get(k, 0) - before.get(k, 0) for k in now}
        mine = delta[node]
        reorders = sum(mine.get(f"TcpExtTCP{k}Reorder", 0) for k in ("SACK", "TS", "Reno"))
        ofo = sum(d.get("TcpExtTCPOFOQueue", 0) for i, d in delta.items() if i != node)
        log(f"degrade of node {node}: {reorders} reorderings detected by its TCP, "
            f"{mine.get('TcpRetransSegs', 0)} of {mine.get('TcpOutSegs', 0)} segments sent "
            f"again, {ofo} segments queued out of order at the other nodes")
        self.history.add(type="degrade-tcp", node=node, counters=delta)

    def watch(self):
        """Records and restarts nodes that died on their own (not a fault of the schedule):
        a finding in itself, reported with the exit code and the end of the node's log."""
        for node_id, code in self.fc.unexpected_deaths():
            tail = self.fc.node(node_id).log_tail(8)
            log(f"node {node_id} died on its own (exit code {code}); restarting it")
            self.history.add(type="node-died", node=node_id, exit_code=code, log_tail=tail)
            self.deaths.append({"node": node_id, "exit_code": code, "log_tail": tail})
            self.fc.restart(node_id)

    def faults(self):
        started = time.monotonic()
        for f in self.sched["faults"]:
            while f["at"] - (time.monotonic() - started) > 0:
                self.watch()
                time.sleep(min(0.5, max(0.0, f["at"] - (time.monotonic() - started))))
            log(f"fault on:  {schedules.describe(f)}")
            self.history.add(type="fault-on", **f)
            self.apply(f)
            time.sleep(f["hold"])
            self.heal(f)
            self.watch()
            self.history.add(type="fault-off", **f)
            log(f"fault off: {f['kind']} (at {time.monotonic() - started:.1f}s)")

    # ---- the whole run

    def execute(self):
        self.history = workloads.History(self.out / "history.jsonl")
        self.setup()
        self.start_workloads()
        self.faults()
        self.watch()
        self.fc.heal_all()
        left = self.fc.network_faults_left()
        if left:
            log(f"network faults left after healing: {left}")
            self.history.add(type="faults-left", left={str(k): v for k, v in left.items()})
        self.fc.cluster.wait_formed(timeout=60)
        log("every fault healed, the cluster formed again; the workloads run 8 s more")
        for _ in range(16):
            time.sleep(0.5)
            self.watch()
        self.stop.set()
        deadline = time.monotonic() + 45
        for w in self.workers:
            w.join(timeout=max(0.1, deadline - time.monotonic()))
        stuck = [w.name for w in self.workers if w.is_alive()]
        if stuck:
            log(f"workers still running 45 s after the stop: {stuck}")
            self.history.add(type="workers-stuck", workers=stuck)
        self.watch()
        missing = {}
        for topic, isolation in ((EVENTS, "read_uncommitted"), (TXN, "read_uncommitted"),
                                 (TXN, "read_committed"), (RW, "read_uncommitted"),
                                 (RW, "read_committed")):
            missing[(topic, isolation)] = workloads.final_read(
                self.history, self.fc.bootstrap, topic, PARTITIONS, isolation, timeout_s=40)
        log(f"final reads done; incomplete partitions: "
            f"{ {f'{t}/{i}': m for (t, i), m in missing.items() if m} or 'none'}")

    def close(self):
        self.stop.set()
        problems = self.fc.close() if self.fc else []
        if self.history:
            self.history.close()
        if problems:
            log(f"cleanup: {problems}")


def workloads_txn_id():
    return "faults-tx1"


def panics(out):
    found = []
    for p in sorted((out / "cluster").glob("node-*.log")):
        text = p.read_text(errors="replace")
        for line in text.splitlines():
            if "panicked" in line:
                found.append(f"{p.name}: {line.strip()[:300]}")
    return found


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--duration", type=float, default=60, help="seconds of faults")
    ap.add_argument("--nodes", type=int, default=3)
    ap.add_argument("--rf", type=int, default=1, help="replication factor of the topics")
    ap.add_argument("--min-insync", type=int, default=0,
                    help="min.insync.replicas of the topics (0: the broker's default, 1); 2 "
                         "with rf 3 exercises eligible leader replicas")
    ap.add_argument("--schedule", help="replay this schedule file instead of the seed's")
    ap.add_argument("--out", help="directory for the history, report and logs")
    ap.add_argument("--kafka-python", choices=["yes", "no"], default="yes",
                    help="run the kafka-python workloads too (workloads_kafka_python.py)")
    ap.add_argument("--lazyfs", choices=["auto", "yes", "no"], default="auto",
                    help="data directories on lazyfs.py (drops unsynced writes on a crash)")
    args = ap.parse_args(argv)
    why_not = faultkit.lazyfs_unavailable()
    if args.lazyfs == "yes" and why_not:
        print(f"lazyfs: {why_not}", file=sys.stderr)
        return 2
    if args.lazyfs == "auto" and why_not:
        log(f"lazyfs unavailable ({why_not}): lose-unsynced faults are plain kills")
    args.lazyfs = args.lazyfs != "no" and not why_not

    missing = faultkit.tools_missing()
    if os.geteuid() != 0 or missing:
        print(f"the fault suite needs root and {missing or 'nothing else'}", file=sys.stderr)
        return 2
    if args.schedule:
        sched = schedules.loads(Path(args.schedule).read_text())
        args.seed, args.nodes = sched["seed"], sched["nodes"]
    else:
        sched = schedules.make(args.seed, args.nodes, args.duration)
    out = Path(args.out or faultkit.kit.ROOT / "target" / "faults" / f"seed-{args.seed}")
    out.mkdir(parents=True, exist_ok=True)
    (out / "schedule.jsonl").write_text(schedules.dumps(sched) + "\n")
    log(f"seed {args.seed}, {args.nodes} nodes, rf {args.rf}, binary {kit.strom_bin()}")
    log(f"schedule ({len(sched['faults'])} faults; replay: --seed {args.seed} --nodes "
        f"{args.nodes} --duration {args.duration:g}, or --schedule {out / 'schedule.jsonl'}):")
    for f in sched["faults"]:
        print(f"    {schedules.describe(f)}", flush=True)

    last = sched["faults"][-1]
    budget = int(SETUP_S + last["at"] + last["hold"] + 60 + AFTER_S)

    def expired(signum, frame):
        raise TimeoutError(f"the run exceeded its {budget} s budget")

    def terminated(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGALRM, expired)
    signal.signal(signal.SIGTERM, terminated)
    signal.alarm(budget)
    client_log = logging.getLogger("librdkafka")
    client_log.propagate = False
    handler = logging.FileHandler(out / "clients.log", mode="w")
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    client_log.addHandler(handler)
    kp.route_logs(handler)
    workloads.CLIENT_CONFIG["logger"] = client_log
    if os.environ.get("FAULTS_CLIENT_DEBUG"):
        # librdkafka's debug contexts for every client (say "eos" for the idempotence and
        # transaction state machines), into clients.log.
        workloads.CLIENT_CONFIG["debug"] = os.environ["FAULTS_CLIENT_DEBUG"]
        client_log.setLevel(logging.DEBUG)
    run = Run(args, sched, out)
    started = time.monotonic()
    try:
        run.execute()
    except (Exception, KeyboardInterrupt, SystemExit) as e:  # noqa: BLE001
        log(f"the run failed: {e!r}")
        if run.fc and run.fc.cluster and not isinstance(e, SystemExit):
            print(run.fc.cluster.describe_failure(), flush=True)
        return 2
    finally:
        signal.alarm(0)
        run.close()
    report = checker.check(checker.load(out / "history.jsonl"))
    report["seed"], report["nodes"], report["rf"] = args.seed, args.nodes, args.rf
    report["seconds"] = round(time.monotonic() - started, 1)
    report["panics"] = panics(out)
    report["deaths"] = run.deaths
    report["clients"] = {w.proc: getattr(w, "client", "librdkafka") for w in run.workers}
    (out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    log(f"run took {report['seconds']} s; history {out / 'history.jsonl'}")
    print(checker.render(report), flush=True)
    if report["panics"]:
        print("node panics:\n  " + "\n  ".join(report["panics"]), flush=True)
    for d in run.deaths:
        print(f"node {d['node']} died on its own, exit code {d['exit_code']}; its log ended:\n"
              f"{d['log_tail']}", flush=True)
    # Besides the checker's properties, a node that panicked or died on its own, a fatal
    # producer error and a workload that crashed are findings.
    stats = report["stats"]
    findings = report["panics"] or run.deaths or stats["producer-fatal"] \
        or stats["worker-crashes"]
    return 0 if report["ok"] and not findings else 1


if __name__ == "__main__":
    sys.exit(main())
