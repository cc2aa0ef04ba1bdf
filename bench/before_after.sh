#!/usr/bin/env bash
# Before and after one change, in one run: two release brokers (BEFORE and AFTER, two
# `strom` binaries) take turns through the same workloads, driven by the same client (the
# AFTER binary's `strom bench`), ROUNDS times each, interleaved (B A B A ...) so that the
# machine's drift falls on both alike. Prints a table of medians and the after/before ratio
# and writes the raw lines to $STROM_BENCH_DIR/before-after.jsonl.
#
#   bench/before_after.sh BEFORE_STROM AFTER_STROM
#   ROUNDS=3 SECONDS_PER_RUN=8 bench/before_after.sh /tmp/strom-90d8e2e target/release/strom
#
# Workloads (each bounded by a record count and SECONDS_PER_RUN): produce 1 KiB records to
# 16 partitions with acks=1 and with acks=all, then consume what acks=1 wrote.
set -euo pipefail

before="${1:?usage: before_after.sh BEFORE_STROM AFTER_STROM}"
after="${2:?usage: before_after.sh BEFORE_STROM AFTER_STROM}"
rounds="${ROUNDS:-3}"
per_run="${SECONDS_PER_RUN:-8}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${STROM_BENCH_DIR:-$root/target/bench-before-after}"
rm -rf "$work"
mkdir -p "$work"
raw="$work/before-after.jsonl"
: > "$raw"
client="$after"
broker=""
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; rm -rf "$work/data"' EXIT

# start BINARY: starts a broker on a fresh data directory; sets $broker and $addr.
start() {
  rm -rf "$work/data"
  "$1" server --listen 127.0.0.1:0 --data-dir "$work/data" > "$work/out" 2> "$work/err" &
  broker=$!
  addr=""
  for _ in $(seq 200); do
    addr="$(sed -n 's/^strom listening on //p' "$work/out")"
    [ -n "$addr" ] && return 0
    sleep 0.1
  done
  echo "before_after: the broker $1 did not start" >&2
  exit 1
}

stop() {
  kill "$broker" 2>/dev/null || true
  wait "$broker" 2>/dev/null || true
  broker=""
}

# one LABEL ROUND: the three workloads against the running broker.
one() {
  local label="$1" round="$2" line name
  for acks in 1 all; do
    name="produce 1024B p16 acks=$acks"
    line="$(STROM_BOOTSTRAP="$addr" timeout $((per_run + 60)) "$client" bench produce \
      --duration "$per_run" --quiet --output json --topic "t-$acks" --partitions 16 \
      --record-size 1024 --count 2000000 --acks "$acks" --compression none --producers 2 \
      --batch-size 1048576)"
    emit "$label" "$round" "$name" "$line"
  done
  name="consume 1024B p16"
  line="$(STROM_BOOTSTRAP="$addr" timeout $((per_run + 60)) "$client" bench consume \
    --duration "$per_run" --quiet --output json --topic t-1 --count 2000000)"
  emit "$label" "$round" "$name" "$line"
}

emit() {
  python3 -c 'import json,sys; d=json.loads(sys.argv[4]); d.update(broker=sys.argv[1], round=int(sys.argv[2]), workload=sys.argv[3]); print(json.dumps(d))' \
    "$1" "$2" "$3" "$4" >> "$raw"
}

for round in $(seq "$rounds"); do
  for label in before after; do
    bin="$before"
    [ "$label" = after ] && bin="$after"
    echo "-- round $round: $label ($bin)" >&2
    start "$bin"
    one "$label" "$round"
    stop
  done
done

python3 - "$raw" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def rate(r):
    for k in ("records_per_sec", "records_per_second", "rate"):
        if k in r:
            return float(r[k])
    raise SystemExit(f"no rate in {r}")
print("| workload | before rec/s (median) | after rec/s (median) | after / before |")
print("|---|---:|---:|---:|")
for w in dict.fromkeys(r["workload"] for r in rows):
    b = statistics.median(rate(r) for r in rows if r["workload"] == w and r["broker"] == "before")
    a = statistics.median(rate(r) for r in rows if r["workload"] == w and r["broker"] == "after")
    print(f"| {w} | {b:,.0f} | {a:,.0f} | {a / b:.2f} |")
EOF
