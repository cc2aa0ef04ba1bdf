#!/usr/bin/env bash
# Before and after one change, in one run: two or more release brokers (`strom` binaries,
# the first is the reference) take turns through the same workloads, driven by the same
# client (the last binary's `strom bench`), ROUNDS times each, interleaved (A B C A B C ...)
# so that the machine's drift falls on all alike. Prints a table of medians and each
# binary's ratio to the first, and writes the raw lines to $STROM_BENCH_DIR/before-after.jsonl.
# A binary is labelled by its file name.
#
#   bench/before_after.sh BEFORE_STROM AFTER_STROM [MORE_STROM...]
#   ROUNDS=3 SECONDS_PER_RUN=8 bench/before_after.sh /tmp/strom-90d8e2e target/release/strom
#
# Workloads (each bounded by COUNT records, default 2,000,000, and SECONDS_PER_RUN): produce
# 1 KiB records to 16 partitions with acks=1 and with acks=all, then consume what acks=1
# wrote. Mind the page cache: 2 GB stays under the kernel's dirty-page limits of a machine
# with tens of GiB, so a broker that leaves acks=1 data to the kernel never writes it to disk
# during the run, while one whose high watermark follows the flush (Strom since issue 14)
# writes all of it.
set -euo pipefail

[ "$#" -ge 2 ] || { echo "usage: before_after.sh BEFORE_STROM AFTER_STROM [MORE_STROM...]" >&2; exit 2; }
binaries=("$@")
rounds="${ROUNDS:-3}"
per_run="${SECONDS_PER_RUN:-8}"
count="${COUNT:-2000000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${STROM_BENCH_DIR:-$root/target/bench-before-after}"
rm -rf "$work"
mkdir -p "$work"
raw="$work/before-after.jsonl"
: > "$raw"
client="${binaries[-1]}"
broker=""
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; rm -rf "$work/data"' EXIT

# start BINARY: starts a broker on a fresh data directory; sets $broker and $addr.
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
      --record-size 1024 --count "$count" --acks "$acks" --compression none --producers 2 \
      --batch-size 1048576)"
    emit "$label" "$round" "$name" "$line"
  done
  name="consume 1024B p16"
  line="$(STROM_BOOTSTRAP="$addr" timeout $((per_run + 60)) "$client" bench consume \
    --duration "$per_run" --quiet --output json --topic t-1 --count "$count")"
  emit "$label" "$round" "$name" "$line"
}

emit() {
  python3 -c 'import json,sys; d=json.loads(sys.argv[4]); d.update(broker=sys.argv[1], round=int(sys.argv[2]), workload=sys.argv[3]); print(json.dumps(d))' \
    "$1" "$2" "$3" "$4" >> "$raw"
}

for round in $(seq "$rounds"); do
  for bin in "${binaries[@]}"; do
    label="$(basename "$bin")"
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
brokers = list(dict.fromkeys(r["broker"] for r in rows))
def median(w, b):
    return statistics.median(rate(r) for r in rows if r["workload"] == w and r["broker"] == b)
print("| workload | " + " | ".join(f"{b} rec/s (median)" for b in brokers) + " | "
      + " | ".join(f"{b} / {brokers[0]}" for b in brokers[1:]) + " |")
print("|---|" + "---:|" * (2 * len(brokers) - 1))
for w in dict.fromkeys(r["workload"] for r in rows):
    m = [median(w, b) for b in brokers]
    print(f"| {w} | " + " | ".join(f"{x:,.0f}" for x in m) + " | "
          + " | ".join(f"{x / m[0]:.2f}" for x in m[1:]) + " |")
spread = {}
for r in rows:
    spread.setdefault((r["workload"], r["broker"]), []).append(rate(r))
print()
for (w, b), xs in spread.items():
    print(f"{w} {b}: " + ", ".join(f"{x:,.0f}" for x in xs))
EOF
