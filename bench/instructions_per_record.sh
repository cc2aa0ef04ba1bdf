#!/usr/bin/env bash
# Broker user-space instructions per record, counted exactly (valgrind's callgrind), for
# machines without hardware performance counters (a VM without a PMU, where `perf stat -e
# instructions` says "not supported"). Each binary in turn runs as the broker under callgrind
# with instrumentation off; a warm-up creates the topic, then instrumentation is switched on
# for exactly one fixed workload driven by the last binary's `strom bench`, and the count is
# divided by the records moved. Kernel work (socket copies, page faults, fsync writeback) is
# not counted: read it from cpu_per_record.sh's page faults and CPU time. The count does not
# depend on the machine's load, so one round is enough; the profile of each run is kept in
# $STROM_BENCH_DIR/<binary>-<workload>.callgrind for `callgrind_annotate`.
#
#   bench/instructions_per_record.sh BEFORE_STROM AFTER_STROM [MORE_STROM...]
#   RECORDS=100000 bench/instructions_per_record.sh /tmp/strom-90d8e2e target/release/strom
set -euo pipefail

[ "$#" -ge 2 ] || { echo "usage: instructions_per_record.sh BEFORE AFTER [MORE...]" >&2; exit 2; }
binaries=("$@")
records="${RECORDS:-100000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${STROM_BENCH_DIR:-$root/target/bench-instructions}"
rm -rf "$work"
mkdir -p "$work"
client="${binaries[-1]}"
broker=""
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; rm -rf "$work/data"' EXIT

start() { # BINARY PROFILE
  rm -rf "$work/data" "$work/out"
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$2" \
    "$1" server --listen 127.0.0.1:0 --data-dir "$work/data" > "$work/out" 2> "$work/err" &
  broker=$!
  addr=""
  for _ in $(seq 600); do
    addr="$(sed -n 's/^strom listening on //p' "$work/out" 2>/dev/null || true)"
    [ -n "$addr" ] && return 0
    sleep 0.1
  done
  echo "instructions_per_record: the broker $1 did not start" >&2
  exit 1
}

stop() {
  kill "$broker" 2>/dev/null || true
  wait "$broker" 2>/dev/null || true
  broker=""
}

bench() { # produce TOPIC ACKS COUNT | consume TOPIC COUNT
  if [ "$1" = produce ]; then
    STROM_BOOTSTRAP="$addr" timeout 600 "$client" bench produce --duration 540 --quiet \
      --output json --topic "$2" --partitions 16 --record-size 1024 --count "$4" --acks "$3" \
      --compression none --producers 2 --batch-size 1048576
  else
    STROM_BOOTSTRAP="$addr" timeout 600 "$client" bench consume --duration 540 --quiet \
      --output json --topic "$2" --count "$3"
  fi
}

# counted LABEL WORKLOAD PROFILE BENCH-ARGS...
counted() {
  local label="$1" name="$2" profile="$3" line
  shift 3
  callgrind_control -i on "$broker" > /dev/null 2>&1
  line="$(bench "$@")"
  callgrind_control -i off "$broker" > /dev/null 2>&1
  callgrind_control -d "$broker" > /dev/null 2>&1
  echo "$label|$name|$profile|$line" >> "$work/runs"
}

: > "$work/runs"
for bin in "${binaries[@]}"; do
  label="$(basename "$bin")"
  for workload in acks=1 acks=all consume; do
    echo "-- $label $workload" >&2
    profile="$work/$label-$workload.callgrind"
    start "$bin" "$profile"
    case "$workload" in
      acks=1) bench produce t 1 20000 > /dev/null
              counted "$label" "produce 1024B p16 acks=1" "$profile" produce t 1 "$records" ;;
      acks=all) bench produce t all 20000 > /dev/null
              counted "$label" "produce 1024B p16 acks=all" "$profile" produce t all "$records" ;;
      consume) bench produce t 1 "$records" > /dev/null
              counted "$label" "consume 1024B p16" "$profile" consume t "$records" ;;
    esac
    stop
  done
done

python3 - "$work/runs" <<'EOF'
import glob, json, re, subprocess, sys
rows = []
for line in open(sys.argv[1]):
    label, name, profile, js = line.rstrip("\n").split("|", 3)
    dumps = [p for p in glob.glob(profile + "*") if re.search(r"\.\d+$", p)]
    total = 0
    for p in dumps:
        out = subprocess.run(["callgrind_annotate", p], capture_output=True, text=True).stdout
        m = re.search(r"^\s*([\d,]+)\s.*PROGRAM TOTALS", out, re.M)
        total += int(m.group(1).replace(",", "")) if m else 0
    rows.append((label, name, total / json.loads(js)["records"]))
brokers = list(dict.fromkeys(r[0] for r in rows))
print("\nbroker user-space instructions per record (callgrind)")
print("| workload | " + " | ".join(brokers) + " | "
      + " | ".join(f"{b} / {brokers[0]}" for b in brokers[1:]) + " |")
print("|---|" + "---:|" * (2 * len(brokers) - 1))
for w in dict.fromkeys(r[1] for r in rows):
    m = [next(r[2] for r in rows if r[0] == b and r[1] == w) for b in brokers]
    print(f"| {w} | " + " | ".join(f"{x:,.0f}" for x in m) + " | "
          + " | ".join(f"{x / m[0]:.2f}" for x in m[1:]) + " |")
EOF
