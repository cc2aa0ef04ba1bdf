"""bench/run.sh and bench/report.py cannot rot unnoticed: the script parses, and the report
turns real `strom bench` output (run here in a tiny configuration against the real broker)
plus fio/iperf3-shaped references into the results table with every target judged. No
timing is asserted."""

import json
import subprocess
import sys

from conftest import ROOT, strom_bin


def fio(mib):
    return {"jobs": [{"write": {"bw": mib * 1024}}]}


def test_run_sh_parses():
    subprocess.run(["bash", "-n", str(ROOT / "bench" / "run.sh")], check=True)


def test_report_judges_every_target_from_real_bench_output(broker, tmp_path):
    work, out = tmp_path / "work", tmp_path / "out"
    work.mkdir()
    out.mkdir()
    (work / "fio-buffered.json").write_text(json.dumps(fio(300)))
    (work / "fio-buffered-end.json").write_text(json.dumps(fio(100)))
    (work / "fio-fdatasync.json").write_text(json.dumps(fio(200)))
    (work / "fio-fdatasync-end.json").write_text(json.dumps(fio(200)))
    (work / "iperf3.json").write_text(json.dumps(
        {"end": {"sum_received": {"bits_per_second": 8 * 1048576 * 1000}}}))

    def bench(workload, *args):
        line = subprocess.run(
            [strom_bin(), "bench", *args, "--bootstrap", broker.bootstrap, "--quiet",
             "--output", "json", "--record-size", "100"],
            check=True, capture_output=True, text=True, timeout=120).stdout
        row = json.loads(line)
        row["workload"] = workload
        return json.dumps(row)

    rows = [
        bench("strom produce 1024B p1 acks=1 none", "produce", "--topic", "b1",
              "--count", "500", "--acks", "1"),
        bench("strom produce 1024B p1 acks=all none", "produce", "--topic", "b2",
              "--count", "500", "--acks", "all", "--batch-size", "1048576"),
        bench("strom consume 1024B p1", "consume", "--topic", "b1", "--count", "500"),
        bench("strom e2e 1024B p1 acks=all 10k/s", "e2e", "--topic", "b3", "--count", "200",
              "--rate", "1000", "--acks", "all", "--linger-ms", "1"),
        json.dumps({"workload": "librdkafka produce 100B p1 acks=1 none", "failed_to_run": True}),
    ]
    # The same workload measured against the Kafka peer, twice as fast: a Strom vs Kafka row
    # with a 50% ratio, and never a candidate for Strom's targets.
    kafka_row = json.loads(rows[0])
    kafka_row["workload"] = "[kafka] strom produce 1024B p1 acks=1 none"
    kafka_row["mib_per_sec"] *= 2
    rows.append(json.dumps(kafka_row))
    (work / "raw.jsonl").write_text("\n".join(rows) + "\n")
    subprocess.run([sys.executable, str(ROOT / "bench" / "report.py"), str(work), str(out)],
                   check=True, timeout=60)
    results = json.loads((out / "results.json").read_text())
    md = (out / "results.md").read_text()
    # The references are the means of the runs before and after the workloads.
    assert results["references"]["fio_buffered_mib_per_sec"] == 200
    assert "mean of 300.0 before and 100.0 after" in md
    targets = {t["target"]: t for t in results["targets"]}
    assert len(targets) == 5
    assert targets["consume 1 KiB >= 25% of iperf3 loopback"]["workload"] == \
        "strom consume 1024B p1"
    # A workload that failed to run leaves its target unmet, never crashes the report.
    assert targets["produce 100 B >= 1,000,000 records/s with librdkafka"]["met"] is False
    assert "| librdkafka produce 100B p1 acks=1 none | failed |" in md
    assert targets["produce 1 KiB acks=1 >= 60% of buffered fio"]["workload"] == \
        "strom produce 1024B p1 acks=1 none"
    vs = results["strom_vs_kafka"]
    assert [r["workload"] for r in vs] == ["strom produce 1024B p1 acks=1 none"]
    assert vs[0]["kafka_mib_per_sec"] == 2 * vs[0]["strom_mib_per_sec"]
    assert vs[0]["kafka_flush1_mib_per_sec"] is None
    assert "| strom produce 1024B p1 acks=1 none |" in md and "| 50% |" in md
