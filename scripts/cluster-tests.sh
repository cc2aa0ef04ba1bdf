#!/usr/bin/env bash
# The cluster suite: several real `strom server` processes forming one cluster (tests/cluster):
# formation with 3 and 5 nodes seen through librdkafka, kafka-python and kcat, controller
# failover after SIGKILL, fencing after SIGSTOP, a whole-cluster restart, a network partition
# in network namespaces (skipped unless root), a transaction's write whose verification answer
# the network holds up past its abort (netns and iptables), and nodes refused at start. Extra
# arguments go to pytest (e.g. `-k failover`, `-x`). Every test is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

# The netns tests hold traffic up with iptables; as root, install it if it is missing.
if [ "$(id -u)" = 0 ] && ! command -v iptables >/dev/null; then
  apt-get install -y -qq iptables >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq iptables >/dev/null; }
fi

cargo build -p strom --locked
if [ ! -x .venv/bin/pytest ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r tests/requirements.txt
fi
export STROM_BIN="${STROM_BIN:-${CARGO_TARGET_DIR:-$(pwd)/target}/debug/strom}"
export STROM_CLUSTER_TESTS=1
exec .venv/bin/pytest tests/cluster -q -p no:cacheprovider -rs -W ignore::DeprecationWarning "$@"
