#!/usr/bin/env bash
# franz-go's own integration tests (github.com/twmb/franz-go/pkg/kgo) against a real strom
# broker: the Go module comes from the Go module proxy, its tests run with KGO_SEEDS pointing
# at strom on an ephemeral loopback port. Slow (10-20 minutes), so not in scripts/test.sh.
#
#   scripts/franz-go-tests.sh                 # every kgo test, 25-minute bound
#   RUN='TestGroupETL|TestTxnEtl' scripts/franz-go-tests.sh   # a subset (go test -run)
#
# Writes target/franz-go/test.log (go test -v) and target/franz-go/summary.txt (passed,
# failed and skipped tests); exits non-zero if any test failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${FRANZ_GO_VERSION:-v1.22.3}"
out="$root/target/franz-go"
strom="${STROM_BIN:-$root/target/debug/strom}"
mkdir -p "$out"
[ -x "$strom" ] || (cd "$root" && cargo build -p strom --locked)

src="$(cd "$out" && go mod download -json "github.com/twmb/franz-go@$version" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
work="$out/src"
rm -rf "$work"
cp -r "$src" "$work"
chmod -R u+w "$work"

data="$(mktemp -d)"
# kgo runs its tests in parallel, each with its own clients: more than the 1,000 connections
# Strom allows by default (max.connections; Kafka has no default limit).
STROM_MAX_CONNECTIONS=20000 STROM_GROUP_INITIAL_REBALANCE_DELAY_MS=0 "$strom" server --listen 127.0.0.1:0 \
  --data-dir "$data/data" > "$out/broker.out" 2> "$out/broker.log" &
broker=$!
trap 'kill "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 100); do
  addr="$(sed -n 's/^strom listening on //p' "$out/broker.out")"
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "${addr:-}" ] || { echo "franz-go-tests: strom did not start" >&2; exit 1; }

status=0
(cd "$work/pkg/kgo" && KGO_SEEDS="$addr" KGO_TEST_RF=1 KGO_TEST_RECORDS="${KGO_TEST_RECORDS:-50000}" \
  timeout "${TIMEOUT_SECONDS:-1500}" go test -count=1 -v -timeout 24m ${RUN:+-run "$RUN"} . \
  > "$out/test.log" 2>&1) || status=$?
{
  echo "franz-go $version against strom ($(git -C "$root" rev-parse --short HEAD)); go test exit $status"
  for verdict in PASS FAIL SKIP; do
    names="$(sed -n "s/^--- $verdict: \([^ ]*\).*/\1/p" "$out/test.log" | grep -v / | sort -u || true)"
    echo "$verdict ($(printf '%s' "$names" | grep -c . || true)): $(echo $names)"
  done
} > "$out/summary.txt"
cat "$out/summary.txt"
exit "$status"
