#!/usr/bin/env bash
# Fetches the Kafka release pinned in crates/protocol-codegen/kafka-specs.lock from Maven
# Central (through Maven, so its settings and local repository apply), checks each jar's
# SHA-256 against the lock file, and unpacks the JSON message specs into a cache outside the
# repository:
#
#   ${XDG_CACHE_HOME:-$HOME/.cache}/strom/kafka-specs/<version>/
#     client/                   kafka-clients              common/message/*.json
#     group-coordinator/        kafka-group-coordinator    common/message/*.json
#     transaction-coordinator/  kafka-transaction-coordinator common/message/*.json
#
# That is the layout of ../shared/kafka-message-specs, which the generator falls back to when
# the cache is absent. The specs are Apache-2.0 data and are never committed here.
# Prints the cache directory on success. Usage: scripts/fetch-kafka-specs.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."

lock=crates/protocol-codegen/kafka-specs.lock
value() { sed -n "s/^$1=//p" "$lock"; }
version=$(value version)
[ -n "$version" ] || { echo "fetch-kafka-specs: no version in $lock" >&2; exit 1; }

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/strom/kafka-specs"
dest="$cache_root/$version"
if [ "${1:-}" != "--force" ] && [ -f "$dest/.complete" ]; then
  echo "$dest"
  exit 0
fi

command -v mvn >/dev/null || { echo "fetch-kafka-specs: needs Maven (mvn)" >&2; exit 1; }
command -v unzip >/dev/null || { echo "fetch-kafka-specs: needs unzip" >&2; exit 1; }

mkdir -p "$cache_root"
work=$(mktemp -d "$cache_root/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

# artifact -> folder, the same folder names as ../shared/kafka-message-specs.
for pair in kafka-clients:client \
            kafka-group-coordinator:group-coordinator \
            kafka-transaction-coordinator:transaction-coordinator; do
  artifact=${pair%%:*}
  folder=${pair##*:}
  want=$(value "$artifact")
  [ -n "$want" ] || { echo "fetch-kafka-specs: no checksum for $artifact in $lock" >&2; exit 1; }
  mvn -q -B -Dstyle.color=never dependency:copy \
    -Dartifact="org.apache.kafka:$artifact:$version" \
    -DoutputDirectory="$work/jars" >&2
  jar="$work/jars/$artifact-$version.jar"
  got=$(sha256sum "$jar" | cut -d' ' -f1)
  if [ "$got" != "$want" ]; then
    echo "fetch-kafka-specs: $artifact-$version.jar has SHA-256 $got, expected $want" >&2
    exit 1
  fi
  mkdir -p "$work/specs/$folder"
  unzip -q -j -o "$jar" 'common/message/*.json' -d "$work/specs/$folder"
  count=$(find "$work/specs/$folder" -name '*.json' | wc -l)
  [ "$count" -gt 0 ] || { echo "fetch-kafka-specs: no specs in $artifact" >&2; exit 1; }
done
unzip -q -j -o "$work/jars/kafka-clients-$version.jar" 'LICENSE' 'NOTICE' -d "$work/specs" \
  2>/dev/null || true
touch "$work/specs/.complete"

# Swap the finished directory in whole, so a reader never sees half a cache.
rm -rf "$dest"
mv "$work/specs" "$dest"
echo "$dest"
