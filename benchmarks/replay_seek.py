"""Seeking to a random moment of a 1,000,000-row log against a fold of the whole log from the start.

Generates the log deterministically (seeded, vectorised), then, in the same run:
- full_fold: a fresh replay folds every event from the start to the end (no snapshots kept);
- snapshots: the replay used for seeking folds the log once, keeping a snapshot every 1/64 of it;
- seeks: 25 seeded random moments, in random order (so backwards, forwards and far jumps), each
  timed from wherever the previous one left the twin.
Target: median seek / full fold <= 0.05. ``--quick`` uses 50,000 rows. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from cockpit.replay.index import LogIndex
from cockpit.replay.loader import read_incident_log
from cockpit.replay.seek import Replay
from cockpit.replay.synthetic import synthetic_log
from cockpit.street.demo import load_demo_street

log = logging.getLogger("replay_seek")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50,000 rows instead of 1,000,000")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--seeks", type=int, default=25)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    rows = args.rows or (50_000 if args.quick else 1_000_000)

    street = load_demo_street()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.parquet"
        synthetic_log(street, rows, seed=2026, start=datetime(2024, 1, 1, tzinfo=timezone.utc)).to_parquet(path)
        index = LogIndex(read_incident_log(path))
    log.info("%d rows, %d events", rows, index.n)

    baseline = Replay(index, street, snapshot_every=index.n + 1)
    start = time.perf_counter()
    baseline.seek_position(index.n)
    full_fold = time.perf_counter() - start
    log.info("full fold %.1f s", full_fold)
    del baseline

    replay = Replay(index, street)
    start = time.perf_counter()
    replay.build_snapshots()
    snapshots = time.perf_counter() - start
    log.info("snapshots %d in %.1f s", replay.snapshot_count, snapshots)

    rng = np.random.default_rng(7)
    span = (index.end - index.start).total_seconds()
    seeks = []
    for fraction in rng.uniform(0, 1, args.seeks):
        at = index.start + (index.end - index.start) * float(fraction)
        began = time.perf_counter()
        replay.seek(at)
        seeks.append(time.perf_counter() - began)
    median = statistics.median(seeks)
    ratio = median / full_fold
    print(json.dumps({
        "benchmark": "replay_seek",
        "ratio": round(ratio, 4),
        "baseline": "fold of the whole log from the start (median seek / full fold)",
        "target": 0.05,
        "passed": bool(ratio <= 0.05),
        "rows": rows,
        "events": int(index.n),
        "span_days": round(span / 86_400, 1),
        "full_fold_ms": round(full_fold * 1000, 1),
        "snapshot_build_ms": round(snapshots * 1000, 1),
        "snapshots": replay.snapshot_count,
        "seek_median_ms": round(median * 1000, 1),
        "seek_max_ms": round(max(seeks) * 1000, 1),
        "fold_events_per_s": round(index.n / full_fold),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
