#!/usr/bin/env bash
# Scale of one data directory: creates PARTITIONS partition logs (default 10,000) with the
# storage engine alone, keeps writing to them, SIGKILLs the writer, then measures how long
# the directory takes to open (recovery included), the resident memory and the descriptors
# it holds; then opens it again after a clean shutdown. Bounded: the writer runs for
# WRITE_SECONDS (default 5) after it is ready.
#
#   bench/scale_open.sh [PARTITIONS] [DIR]
#
# DIR defaults to a fresh directory under bench/ (on the disk the repository is on, so the
# fsyncs are real); it is removed at the end unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
PARTITIONS=${1:-10000}
DIR=${2:-$(mktemp -d "$PWD/bench/scale-data.XXXXXX")}
WRITE_SECONDS=${WRITE_SECONDS:-5}

cargo build --release -q -p strom-storage --example scale_open
BIN=target/release/examples/scale_open
echo "soft/hard open files limit here: $(ulimit -Sn)/$(ulimit -Hn)"

"$BIN" create "$DIR" "$PARTITIONS" > "$DIR.create.log" 2>&1 &
WRITER=$!
for _ in $(seq 1 3600); do
    grep -q '^ready' "$DIR.create.log" 2>/dev/null && break
    kill -0 "$WRITER" 2>/dev/null || { cat "$DIR.create.log"; exit 1; }
    sleep 1
done
grep -v '^ready' "$DIR.create.log"
sleep "$WRITE_SECONDS"
kill -9 "$WRITER"
wait "$WRITER" 2>/dev/null || true
echo "writer SIGKILLed after ${WRITE_SECONDS}s of appends"

echo "== open after SIGKILL (recovery of every partition's active segment)"
/usr/bin/time -f "process: %e s wall, %M KiB max resident" "$BIN" open "$DIR"
echo "== open after a clean shutdown"
/usr/bin/time -f "process: %e s wall, %M KiB max resident" "$BIN" open "$DIR"

rm -f "$DIR.create.log"
if [ "${KEEP:-0}" != 1 ]; then rm -rf "$DIR"; fi
