#!/usr/bin/env bash
# Apache Kafka as a peer to compare Strom with: one KRaft combined node (broker and
# controller in one JVM) on loopback, from Kafka's jars on Maven Central.
#
#   scripts/kafka-peer.sh classpath              # prints the classpath (resolves it once)
#   scripts/kafka-peer.sh start DIR [k=v ...]    # formats DIR, starts Kafka, prints host:port
#   scripts/kafka-peer.sh stop DIR               # stops the node started in DIR
#   scripts/kafka-peer.sh run MAIN [ARGS...]     # runs a Kafka class (a tool) on that classpath
#
# The jars are kafka_2.13 (the broker), kafka-tools and their dependencies at the version
# tests/java/pom.xml names (4.3.x), resolved by Maven into ~/.m2 once per machine. Extra
# k=v arguments are broker properties appended to server.properties, for example
# `log.flush.interval.messages=1` for a Kafka that fsyncs every record like Strom's acks=all.
# KAFKA_PEER_CLASSPATH, if set, is used instead of resolving one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pom="$root/tests/java/pom.xml"
cp_file="$root/tests/java/target/kafka-peer.classpath"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

classpath() {
  if [ -n "${KAFKA_PEER_CLASSPATH:-}" ]; then
    printf '%s\n' "$KAFKA_PEER_CLASSPATH"
    return
  fi
  if [ ! -s "$cp_file" ] || [ "$pom" -nt "$cp_file" ]; then
    mkdir -p "$(dirname "$cp_file")"
    mvn -q -B -f "$pom" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file" >&2
  fi
  cat "$cp_file"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

jvm() {
  local cp
  cp="$(classpath)"
  "$java_bin" -Xms256m -Xmx1g -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$root/tests/java/src/test/resources/log4j2-tools.properties" \
    -cp "$cp" "$@"
}

start() {
  local dir="$1"; shift
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/kafka.pid" ] && kill -0 "$(cat "$dir/kafka.pid")" 2>/dev/null; then
    echo "kafka-peer: already running in $dir" >&2
    exit 1
  fi
  rm -rf "$dir/data"
  local port cport
  port="$(free_port)"
  cport="$(free_port)"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
  for kv in "$@"; do
    printf '%s\n' "$kv" >> "$dir/server.properties"
  done
  local cluster
  cluster="$(jvm kafka.tools.StorageTool random-uuid)"
  jvm kafka.tools.StorageTool format -t "$cluster" -c "$dir/server.properties" \
    > "$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; exit 1; }
  # The JVM is started in its own session so that it outlives this script.
  setsid "$java_bin" -Xms512m -Xmx1g -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$root/tests/java/src/test/resources/log4j2-tools.properties" \
    -cp "$(classpath)" kafka.Kafka "$dir/server.properties" > "$dir/kafka.log" 2>&1 < /dev/null &
  echo $! > "$dir/kafka.pid"
  echo "127.0.0.1:$port" > "$dir/bootstrap"
  # Ready once the broker listener accepts and answers Metadata (topic listing works).
  for _ in $(seq 120); do
    if ! kill -0 "$(cat "$dir/kafka.pid")" 2>/dev/null; then
      echo "kafka-peer: Kafka exited; see $dir/kafka.log" >&2
      tail -20 "$dir/kafka.log" >&2
      exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "127.0.0.1:$port"
      return
    fi
    sleep 0.5
  done
  echo "kafka-peer: Kafka did not listen within 60 s; see $dir/kafka.log" >&2
  stop "$dir"
  exit 1
}

stop() {
  local dir="$1"
  [ -f "$dir/kafka.pid" ] || return 0
  local pid
  pid="$(cat "$dir/kafka.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/kafka.pid"
}

cmd="${1:-}"
shift || true
case "$cmd" in
  classpath) classpath ;;
  start) [ $# -ge 1 ] || { echo "usage: $0 start DIR [k=v ...]" >&2; exit 2; }; start "$@" ;;
  stop) [ $# -eq 1 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$1" ;;
  run) [ $# -ge 1 ] || { echo "usage: $0 run MAIN [ARGS...]" >&2; exit 2; }
       jvm "$@" ;;
  *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
