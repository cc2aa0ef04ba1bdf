#!/usr/bin/env bash
# Broker CPU per record, before and after one change, in one run: a load-independent
# companion to before_after.sh for a machine shared with other work. Throughput moves with
# whatever else runs; the instructions the broker retires for a fixed workload barely do.
# Each binary in turn (interleaved, ROUNDS times) serves the same fixed workloads, driven by
# the same client (the last binary's `strom bench`), while `perf stat` counts the broker
# process's instructions, cycles and task-clock; the script prints medians per record and
# each binary's ratio to the first. Raw lines go to $STROM_BENCH_DIR/cpu-per-record.jsonl.
#
#   bench/cpu_per_record.sh BEFORE_STROM AFTER_STROM [MORE_STROM...]
#   ROUNDS=3 RECORDS=1000000 bench/cpu_per_record.sh /tmp/strom-90d8e2e target/release/strom
#
# Workloads: produce RECORDS 1 KiB records to 16 partitions with acks=1, the same with
# acks=all, then consume RECORDS records of what acks=1 wrote. A warm-up of 20,000 records
# creates each topic before counting starts. Needs `perf` (perf_event_paranoid <= 2 for a
# process of one's own; root for kernel-side counts).
set -euo pipefail

[ "$#" -ge 2 ] || { echo "usage: cpu_per_record.sh BEFORE_STROM AFTER_STROM [MORE...]" >&2; exit 2; }
binaries=("$@")
rounds="${ROUNDS:-3}"
records="${RECORDS:-1000000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${STROM_BENCH_DIR:-$root/target/bench-cpu-per-record}"
rm -rf "$work"
mkdir -p "$work"
raw="$work/cpu-per-record.jsonl"
: > "$raw"
client="${binaries[-1]}"
broker=""
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; rm -rf "$work/data"' EXIT

start() {
  rm -rf "$work/data"
  # The old address must not be read before the new broker's redirection empties the file.
  rm -f "$work/out"
  "$1" server --listen 127.0.0.1:0 --data-dir "$work/data" > "$work/out" 2> "$work/err" &
  broker=$!
  addr=""
  for _ in $(seq 200); do
    addr="$(sed -n 's/^strom listening on //p' "$work/out" 2>/dev/null || true)"
    [ -n "$addr" ] && return 0
    sleep 0.1
  done
  echo "cpu_per_record: the broker $1 did not start" >&2
  exit 1
}

stop() {
  kill "$broker" 2>/dev/null || true
  wait "$broker" 2>/dev/null || true
  broker=""
}

produce() { # TOPIC ACKS COUNT
  STROM_BOOTSTRAP="$addr" timeout 300 "$client" bench produce --duration 240 --quiet \
    --output json --topic "$1" --partitions 16 --record-size 1024 --count "$3" --acks "$2" \
    --compression none --producers 2 --batch-size 1048576
}

consume() { # TOPIC COUNT
  STROM_BOOTSTRAP="$addr" timeout 300 "$client" bench consume --duration 240 --quiet \
    --output json --topic "$1" --count "$2"
}

# counted LABEL ROUND WORKLOAD COMMAND...: runs the command with perf stat on the broker.
counted() {
  local label="$1" round="$2" name="$3" line
  shift 3
  perf stat -x, -e instructions,cycles,task-clock,page-faults,context-switches -p "$broker" -o "$work/stat" &
  local perf_pid=$!
  sleep 0.3
  line="$("$@")"
  kill -INT "$perf_pid"
  wait "$perf_pid" || true
  python3 - "$label" "$round" "$name" "$line" "$work/stat" >> "$raw" <<'EOF'
import json, sys
label, rnd, name, line, stat = sys.argv[1:6]
d = json.loads(line)
counts = {}
for row in open(stat):
    parts = row.strip().split(",")
    if len(parts) >= 3 and parts[0] and not row.startswith("#"):
        try:
            counts[parts[2].split(":")[0]] = float(parts[0])
        except ValueError:
            pass
n = d.get("records") or d.get("records_total") or d.get("count")
print(json.dumps(dict(broker=label, round=int(rnd), workload=name, records=n,
                      instructions=counts.get("instructions"), cycles=counts.get("cycles"),
                      task_clock_ms=counts.get("task-clock"),
                      page_faults=counts.get("page-faults"),
                      context_switches=counts.get("context-switches"), bench=d)))
EOF
}

for round in $(seq "$rounds"); do
  for bin in "${binaries[@]}"; do
    label="$(basename "$bin")"
    echo "-- round $round: $label ($bin)" >&2
    start "$bin"
    for acks in 1 all; do
      produce "t-$acks" "$acks" 20000 > /dev/null
      counted "$label" "$round" "produce 1024B p16 acks=$acks" produce "t-$acks" "$acks" "$records"
    done
    counted "$label" "$round" "consume 1024B p16" consume t-1 "$records"
    stop
  done
done

python3 - "$raw" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
brokers = list(dict.fromkeys(r["broker"] for r in rows))
workloads = list(dict.fromkeys(r["workload"] for r in rows))
for metric, unit in (("instructions", "instructions/record"), ("cycles", "cycles/record"),
                     ("task_clock_ms", "CPU us/record"),
                     ("page_faults", "page faults/record"),
                     ("context_switches", "context switches/record")):
    if any(r[metric] is None for r in rows):
        print(f"\n{unit}: not counted (no hardware counters here)")
        continue
    scale = 1000.0 if metric == "task_clock_ms" else 1.0
    def med(w, b):
        return statistics.median(r[metric] * scale / r["records"] for r in rows
                                 if r["workload"] == w and r["broker"] == b)
    print(f"\n{unit}")
    print("| workload | " + " | ".join(brokers) + " | "
          + " | ".join(f"{b} / {brokers[0]}" for b in brokers[1:]) + " |")
    print("|---|" + "---:|" * (2 * len(brokers) - 1))
    for w in workloads:
        m = [med(w, b) for b in brokers]
        print(f"| {w} | " + " | ".join(f"{x:,.3f}" for x in m) + " | "
              + " | ".join(f"{x / m[0]:.3f}" for x in m[1:]) + " |")
EOF
