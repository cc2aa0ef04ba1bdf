#!/usr/bin/env bash
# The whole test suite: formatting, lints, then every test of every crate.
# This is the README's test command; .ci/run calls it after installing what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
# Some crates' tests start the real broker (target/debug/strom); build it first.
cargo build -p strom --locked
cargo test --workspace --all-targets --locked

# Doc tests are not part of --all-targets.
cargo test --workspace --doc --locked

# Integration tests: independent Kafka clients (librdkafka via confluent-kafka, kafka-python,
# aiokafka, kcat) against the real `strom` binary on 127.0.0.1 (see tests/conftest.py).
echo "== integration tests (tests/, real clients against target/debug/strom)"
cargo build -p strom --locked
if [ ! -x .venv/bin/pytest ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r tests/requirements.txt
fi
STROM_BIN="${CARGO_TARGET_DIR:-$(pwd)/target}/debug/strom" .venv/bin/pytest tests/ -q -p no:cacheprovider \
  --ignore=tests/cluster --ignore=tests/faults

# Real-process clusters (3 and 5 nodes on loopback, and 3 in network namespaces when run as
# root): about 3 minutes.
echo "== cluster suite (tests/cluster)"
./scripts/cluster-tests.sh

# The fault suite's short mode (tests/faults, docs/faults.md): the checker's own tests, then
# one seeded schedule with every fault once on 3 nodes in network namespaces: about 2 minutes.
echo "== fault suite (tests/faults, short)"
if [ "$(id -u)" = 0 ]; then
  ./scripts/fault-tests.sh --short
else
  echo "skipped: the fault suite needs root (network namespaces, iptables, tmpfs mounts)"
fi

# The Java ecosystem (tests/java: the Java client 4.3 and 3.9, Kafka's tools, Connect, Streams,
# MirrorMaker 2, and the differential test against Apache Kafka) and KafkaJS (tests/kafkajs).
export STROM_BIN="${CARGO_TARGET_DIR:-$(pwd)/target}/debug/strom"
echo "== Java ecosystem (tests/java, kafka-clients 4.3.2)"
(cd tests/java && mvn -B -ntp test)
echo "== Java client 3.9.1 (tests/java -Dkafka3)"
(cd tests/java && mvn -B -ntp test -Dkafka3)
echo "== KafkaJS (tests/kafkajs)"
(cd tests/kafkajs && { [ -d node_modules ] || npm ci --no-audit --no-fund -q; } \
  && node --test --test-concurrency=1)
