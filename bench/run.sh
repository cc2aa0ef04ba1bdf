#!/usr/bin/env bash
# One command for Strom's benchmarks: measures this machine's references (fio sequential
# write, buffered and with fdatasync, at 1 MiB blocks; iperf3 loopback TCP), starts a release
# broker on 127.0.0.1, runs every workload with `strom bench` and with the independent
# librdkafka load generator, and writes bench/results.json and bench/results.md.
#
# Every workload is bounded by a record count and a duration; the whole run takes about ten
# minutes on a 2-core machine. Needs fio and iperf3 (apt-get install -y fio iperf3) and, for
# the librdkafka generator, cmake and libcurl headers (it builds librdkafka from source).
# With Java and Maven present it also runs Apache Kafka 4.3 (scripts/kafka-peer.sh) through a
# subset of the same workloads and Kafka's own perf tools against both brokers, for the
# Strom vs Kafka table; STROM_BENCH_NO_KAFKA=1 skips that part.
#
#   bench/run.sh                  # everything
#   SECONDS_PER_RUN=5 bench/run.sh   # quicker, noisier
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
per_run="${SECONDS_PER_RUN:-15}"
work="${STROM_BENCH_DIR:-$root/target/bench-run}"
rm -rf "$work"
mkdir -p "$work"
raw="$work/raw.jsonl"
: > "$raw"

for tool in fio iperf3 cargo python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done

echo "== building (release)" >&2
# STROM_BENCH_NO_BUILD=1 reuses the binaries already in target/release.
if [ -z "${STROM_BENCH_NO_BUILD:-}" ]; then
  (cd "$root" && cargo build --release -p strom --quiet)
fi
strom="$root/target/release/strom"
loadgen=""
if (cd "$here/rdkafka-loadgen" && cargo build --release --quiet); then
  loadgen="$here/rdkafka-loadgen/target/release/rdkafka-loadgen"
else
  echo "bench: the librdkafka load generator did not build; its rows will be missing" >&2
fi

# fio_refs SUFFIX: the disk references; measured before and again after the workloads,
# because this kind of VM's disk bandwidth swings by 2x within minutes.
fio_refs() {
  fio --name=buffered --directory="$work" --rw=write --bs=1M --size=4G --ioengine=psync \
    --runtime="$per_run" --output-format=json > "$work/fio-buffered$1.json"
  rm -f "$work"/buffered.*
  fio --name=fdatasync --directory="$work" --rw=write --bs=1M --size=2G --ioengine=psync \
    --fdatasync=1 --runtime="$per_run" --output-format=json > "$work/fio-fdatasync$1.json"
  rm -f "$work"/fdatasync.*
}
echo "== references: fio on $work, iperf3 on loopback" >&2
fio_refs ""
iperf3 -s -1 -B 127.0.0.1 -p 15201 > /dev/null 2>&1 &
iperf_server=$!
sleep 1
iperf3 -c 127.0.0.1 -p 15201 -t 5 -J > "$work/iperf3.json"
wait "$iperf_server" || true

echo "== starting the broker" >&2
"$strom" server --listen 127.0.0.1:0 --data-dir "$work/strom-data" \
  > "$work/broker.out" 2> "$work/broker.err" &
broker=$!
# The broker's data (tens of GiB over a full run) goes however the run ends.
trap 'kill "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; rm -rf "$work/strom-data"' EXIT
for _ in $(seq 100); do
  addr="$(sed -n 's/^strom listening on //p' "$work/broker.out")"
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "${addr:-}" ] || { echo "bench: the broker did not start" >&2; exit 1; }
export STROM_BOOTSTRAP="$addr"

# run NAME CMD...: runs one bounded workload, tags its JSON line with NAME.
run() {
  local name="$1"; shift
  echo "-- $name" >&2
  local line
  if line="$(timeout $((per_run + 60)) "$@")"; then
    python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["workload"]=sys.argv[2]; print(json.dumps(d))' \
      "$line" "$name" >> "$raw"
  else
    echo "bench: workload $name failed" >&2
    echo "{\"workload\": \"$name\", \"failed_to_run\": true}" >> "$raw"
  fi
}

common=(--duration "$per_run" --quiet --output json)
topic() { "$strom" topic create "$1" --partitions "$2" --if-not-exists > /dev/null; }
# drop TOPIC: deletes a topic no later workload reads, to bound the run's disk use.
drop() { "$strom" topic delete "$1" --if-exists > /dev/null || true; }

# strom bench: produce alone
for size in 1024 100; do
  count=$((size == 1024 ? 2000000 : 10000000))
  for parts in 1 16; do
    for acks in 1 all; do
      for codec in none zstd; do
        if [ "$parts" = 16 ] && [ "$codec" = zstd ]; then continue; fi
        name="strom produce ${size}B p${parts} acks=${acks} ${codec}"
        t="s-${size}-${parts}-${acks}-${codec}"
        run "$name" "$strom" bench produce "${common[@]}" --topic "$t" \
          --partitions "$parts" --record-size "$size" --count "$count" --acks "$acks" --compression "$codec" --producers 2 \
          --batch-size 1048576
        case "$t" in s-1024-1-1-none|s-1024-16-1-none|s-100-1-1-none) ;; *) drop "$t" ;; esac
      done
    done
  done
done
# strom bench: consume from page cache (the topics just written)
for t in s-1024-1-1-none s-1024-16-1-none s-100-1-1-none; do
  size="${t#s-}"; size="${size%%-*}"; parts="${t#s-*-}"; parts="${parts%%-*}"
  run "strom consume ${size}B p${parts}" "$strom" bench consume "${common[@]}" --topic "$t" \
    --count 10000000
  drop "$t"
done
# strom bench: produce + consume, end-to-end latency at 10,000 records/s of 1 KiB, with a
# 1 ms linger like the librdkafka load generator (the default 5 ms linger alone is the budget)
for acks in all 1; do
  run "strom e2e 1024B p1 acks=${acks} 10k/s" "$strom" bench e2e "${common[@]}" --linger-ms 1 \
    --topic "e2e-${acks}" --record-size 1024 \
    --rate 10000 --count $((per_run * 10000)) --acks "$acks"
  drop "e2e-${acks}"
done

# librdkafka: the same produce and consume workloads, independent of our client
if [ -n "$loadgen" ]; then
  for size in 1024 100; do
    count=$((size == 1024 ? 2000000 : 20000000))
    for parts in 1 16; do
      for acks in 1 all; do
        for codec in none zstd; do
          if [ "$parts" = 16 ] && [ "$codec" = zstd ]; then continue; fi
          t="r-${size}-${parts}-${acks}-${codec}"
          topic "$t" "$parts"
          run "librdkafka produce ${size}B p${parts} acks=${acks} ${codec}" \
            "$loadgen" produce "$addr" "$t" "$count" "$size" "$acks" "$codec" "$per_run"
          case "$t" in r-1024-1-1-none|r-100-1-1-none) ;; *) drop "$t" ;; esac
        done
      done
    done
  done
  run "librdkafka consume 1024B p1" "$loadgen" consume "$addr" r-1024-1-1-none 2000000 "$per_run"
  run "librdkafka consume 100B p1" "$loadgen" consume "$addr" r-100-1-1-none 20000000 "$per_run"
  drop r-1024-1-1-none
  drop r-100-1-1-none
  for acks in all 1; do
    topic "r-e2e-${acks}" 1
    run "librdkafka e2e 1024B p1 acks=${acks} 10k/s" \
      "$loadgen" e2e "$addr" "r-e2e-${acks}" $((per_run * 10000)) 1024 "$acks" 10000 "$per_run"
  done
fi

# Kafka's own perf tools (Java client) against Strom, for the Strom vs Kafka table below.
java_perf=""
if [ -z "${STROM_BENCH_NO_KAFKA:-}" ] && command -v java >/dev/null && command -v mvn >/dev/null; then
  java_perf="$here/java-perf.py"
fi
# java_workloads PREFIX BOOTSTRAP: ProducerPerformance acks=1 and acks=all, then
# ConsumerPerformance over what acks=1 wrote.
java_workloads() {
  local prefix="$1" bootstrap="$2" t
  for acks in 1 all; do
    t="j-${acks}"
    run "${prefix}java produce 1024B p1 acks=${acks}" \
      "$java_perf" produce "$bootstrap" "$t" $((per_run * 40000)) 1024 "$acks"
  done
  run "${prefix}java consume 1024B p1" "$java_perf" consume "$bootstrap" j-1 $((per_run * 40000))
}
if [ -n "$java_perf" ]; then
  topic j-1 1
  topic j-all 1
  java_workloads "" "$addr"
  drop j-1
  drop j-all
fi

kill "$broker" 2>/dev/null || true
wait "$broker" 2>/dev/null || true
rm -rf "$work/strom-data"

# Apache Kafka 4.3 as the peer (scripts/kafka-peer.sh), with the same load generators on a
# subset of the workloads: first with Kafka's defaults, which acknowledge from the page cache
# whatever acks says, then with log.flush.interval.messages=1, which fsyncs every append as
# Strom does for acks=all. Rows are prefixed "[kafka] " and "[kafka flush=1] ".
if [ -n "$java_perf" ]; then
  for mode in pagecache flush1; do
    kdir="$work/kafka-$mode"
    if [ "$mode" = flush1 ]; then
      prefix="[kafka flush=1] "
      kaddr="$("$root/scripts/kafka-peer.sh" start "$kdir" log.flush.interval.messages=1)" || kaddr=""
    else
      prefix="[kafka] "
      kaddr="$("$root/scripts/kafka-peer.sh" start "$kdir")" || kaddr=""
    fi
    if [ -z "$kaddr" ]; then
      echo "bench: Kafka ($mode) did not start; its rows will be missing" >&2
      continue
    fi
    trap '"$root/scripts/kafka-peer.sh" stop "$kdir" || true; rm -rf "$kdir"' EXIT
    ktopic() {
      "$root/scripts/kafka-peer.sh" run org.apache.kafka.tools.TopicCommand \
        --bootstrap-server "$kaddr" --create --topic "$1" --partitions "$2" > /dev/null
    }
    if [ -n "$loadgen" ]; then
      for spec in "1024 1 1" "1024 1 all" "1024 16 all" "100 1 1"; do
        read -r size parts acks <<< "$spec"
        count=$((size == 1024 ? 2000000 : 20000000))
        t="r-${size}-${parts}-${acks}-none"
        ktopic "$t" "$parts"
        run "${prefix}librdkafka produce ${size}B p${parts} acks=${acks} none" \
          "$loadgen" produce "$kaddr" "$t" "$count" "$size" "$acks" none "$per_run"
      done
      run "${prefix}librdkafka consume 1024B p1" "$loadgen" consume "$kaddr" r-1024-1-1-none 2000000 "$per_run"
      ktopic r-e2e-all 1
      run "${prefix}librdkafka e2e 1024B p1 acks=all 10k/s" \
        "$loadgen" e2e "$kaddr" r-e2e-all $((per_run * 10000)) 1024 all 10000 "$per_run"
    fi
    ktopic j-1 1
    ktopic j-all 1
    java_workloads "$prefix" "$kaddr"
    "$root/scripts/kafka-peer.sh" stop "$kdir" || true
    rm -rf "$kdir"
    trap - EXIT
  done
fi

echo "== references again: fio" >&2
fio_refs "-end"
python3 "$here/report.py" "$work" "$here"
