#!/usr/bin/env bash
# The fault suite (tests/faults, docs/faults.md): a cluster of real `strom server` processes,
# each in its own network namespace, under faults from a seeded schedule (SIGKILL and restart,
# SIGSTOP/SIGCONT, partitions, one-way loss, a slow and reordering link, a full disk, a crash
# that drops unsynced writes), with librdkafka and kafka-python workloads recording every
# send, ack, poll and commit; a checker then judges the history against Kafka's guarantees.
# Runs as root. First the checker's own tests (pure Python).
#
#   ./scripts/fault-tests.sh --short                 CI: seed 11, 3 nodes, rf 3, every fault once
#   ./scripts/fault-tests.sh --seed 42 --duration 600 --nodes 5 --rf 3
#   ./scripts/fault-tests.sh --seed 42 --runs 20     seeds 42..61, one after another
#   ./scripts/fault-tests.sh --seed 5 --rf 3 --min-insync 2   eligible leader replicas too
#   ./scripts/fault-tests.sh --schedule target/faults/seed-42/schedule.jsonl   replay
#
# Each run leaves its history, schedule, report and node logs in target/faults/seed-S/.
# Exit status: 0 nothing found, 1 a violation (or a node panic or death, a fatal producer
# error), 2 a run that could not be carried out.
set -euo pipefail
cd "$(dirname "$0")/.."

seed="" duration=60 nodes=3 rf=1 runs=1 schedule="" min_insync=0
while [ $# -gt 0 ]; do
  case "$1" in
    --short) duration=60 nodes=3 runs=1 rf=3 seed="${seed:-11}"; shift ;;
    --seed) seed="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    --rf) rf="$2"; shift 2 ;;
    --min-insync) min_insync="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --schedule) schedule="$2"; shift 2 ;;
    -h|--help) sed -n "2,17p" "$0"; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" != 0 ]; then
  echo "the fault suite needs root (network namespaces, iptables, tmpfs mounts)" >&2
  exit 2
fi
# iptables for partitions; fuse3 (libfuse3) for lazyfs, the filesystem that drops unsynced
# writes on a crash. Without libfuse3 the lose-unsynced fault is a plain kill.
need=()
command -v iptables >/dev/null || need+=(iptables)
command -v fusermount3 >/dev/null || need+=(fuse3)
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
fi

if [ -z "${STROM_BIN:-}" ]; then
  cargo build -p strom --locked
  export STROM_BIN="${CARGO_TARGET_DIR:-$(pwd)/target}/debug/strom"
fi
if [ ! -x .venv/bin/pytest ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r tests/requirements.txt
fi
.venv/bin/python -c "import mfusepy" 2>/dev/null \
  || .venv/bin/pip install -q "$(grep '^mfusepy==' tests/requirements.txt)"

echo "== the checker's own tests"
.venv/bin/pytest tests/faults -q -p no:cacheprovider

[ -n "$seed" ] || seed=$(( $(date +%s) % 100000 ))
status=0
if [ -n "$schedule" ]; then
  .venv/bin/python tests/faults/run.py --schedule "$schedule" --rf "$rf" || status=$?
  exit $status
fi
for i in $(seq 0 $((runs - 1))); do
  s=$((seed + i))
  echo "== fault run: seed $s, $nodes nodes, rf $rf, $duration s of faults"
  rc=0
  .venv/bin/python tests/faults/run.py --seed "$s" --duration "$duration" --nodes "$nodes" \
    --rf "$rf" --min-insync "$min_insync" || rc=$?
  [ "$rc" -gt "$status" ] && status=$rc
done
exit $status
