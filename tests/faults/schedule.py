"""A fault schedule: a list of faults, each put on at a time (seconds after the workloads
start) and taken off after a hold, derived only from (seed, nodes, duration, kinds), so the
same arguments give the same schedule on any machine. It is printed as JSON and can be read
back (`--schedule FILE`) to replay a run, or edited by hand to replay a part of one.

Faults do not overlap: one is on at a time, then the cluster gets a quiet gap. In the short
mode every kind comes at least once, in an order the seed shuffles.
"""

import json
import random

# Every kind the harness knows. `lose-unsynced` is a SIGKILL that also drops every write the
# node's filesystem (lazyfs.py) holds that was not fsync'd; without lazyfs it is a plain kill.
KINDS = ["kill", "pause", "isolate", "halves", "bridge", "one-way", "degrade", "disk-full",
         "lose-unsynced"]

WARMUP_S = 6.0
HOLD_S = (3.0, 11.0)
GAP_S = (2.0, 4.0)


def targets(rng, kind, nodes):
    """The nodes a fault of `kind` acts on, drawn from `rng`."""
    ids = list(range(1, nodes + 1))
    if kind in ("kill", "pause", "isolate", "degrade", "disk-full", "lose-unsynced"):
        return {"node": rng.choice(ids)}
    if kind == "halves":
        rng.shuffle(ids)
        minority = sorted(ids[: (nodes - 1) // 2 or 1])
        majority = sorted(ids[len(minority):])
        return {"groups": [minority, majority]}
    if kind == "bridge":
        rng.shuffle(ids)
        bridge, rest = ids[0], ids[1:]
        left, right = sorted(rest[: len(rest) // 2]), sorted(rest[len(rest) // 2:])
        return {"bridge": bridge, "groups": [left, right]}
    if kind == "one-way":
        src, dst = rng.sample(ids, 2)
        return {"from": src, "to": dst}
    raise ValueError(f"unknown fault kind {kind}")


def make(seed, nodes, duration_s, kinds=None, every_kind=True):
    """The schedule for `seed`: faults until `duration_s` seconds (at least one of each of
    `kinds` when `every_kind`, even past the duration)."""
    kinds = list(kinds or KINDS)
    rng = random.Random(f"strom-faults:{seed}:{nodes}")
    order = list(kinds)
    rng.shuffle(order)
    faults = []
    t = WARMUP_S
    while True:
        if faults and t >= duration_s and not (every_kind and len(faults) < len(order)):
            break
        kind = order[len(faults)] if len(faults) < len(order) else rng.choice(kinds)
        hold = round(rng.uniform(*HOLD_S), 1)
        fault = {"at": round(t, 1), "kind": kind, "hold": hold, **targets(rng, kind, nodes)}
        faults.append(fault)
        t += hold + round(rng.uniform(*GAP_S), 1)
    return {"seed": seed, "nodes": nodes, "duration": duration_s, "faults": faults}


def dumps(schedule):
    lines = [json.dumps({k: v for k, v in schedule.items() if k != "faults"})]
    lines += [json.dumps(f) for f in schedule["faults"]]
    return "\n".join(lines)


def loads(text):
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {**lines[0], "faults": lines[1:]}


def describe(fault):
    rest = {k: v for k, v in fault.items() if k not in ("at", "kind", "hold")}
    return f"t={fault['at']:6.1f}s {fault['kind']:9s} for {fault['hold']:.1f}s {rest}"
