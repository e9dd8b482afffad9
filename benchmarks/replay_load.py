"""Replay load of a 1,000,000-row incident log against pandas' plain read, and CSV against Parquet.

Generates the log deterministically (seeded, vectorised) into a temporary directory, then times, in
the same run, best of three:
- pandas_read: ``pandas.read_parquet`` (pyarrow engine) of the Parquet file, nothing else;
- replay_parquet / replay_csv: the replay's own load — read, validate every cell, build the event index.
Targets: replay_parquet / pandas_read <= 2, and replay_csv / replay_parquet >= 3.
``--quick`` uses 200,000 rows. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from cockpit.replay.index import LogIndex
from cockpit.replay.loader import read_incident_log
from cockpit.replay.synthetic import synthetic_log
from cockpit.street.demo import load_demo_street

log = logging.getLogger("replay_load")


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200,000 rows instead of 1,000,000")
    parser.add_argument("--rows", type=int, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    rows = args.rows or (200_000 if args.quick else 1_000_000)

    street = load_demo_street()
    staff_ids = {s.id for s in street.staff}
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        frame = synthetic_log(street, rows, seed=2026, start=datetime(2024, 1, 1, tzinfo=timezone.utc))
        parquet, csv = Path(folder) / "log.parquet", Path(folder) / "log.csv"
        frame.to_parquet(parquet, index=False)
        frame.to_csv(csv, index=False)
        del frame
        log.info("generated %d rows in %.1f s", rows, time.perf_counter() - start)

        def replay_load(path: Path) -> None:
            LogIndex(read_incident_log(path, staff_ids=staff_ids))

        pandas_read = best_of(3, lambda: pd.read_parquet(parquet, engine="pyarrow"))
        replay_parquet = best_of(3, lambda: replay_load(parquet))
        replay_csv = best_of(2, lambda: replay_load(csv))
        events = LogIndex(read_incident_log(parquet)).n

    ratio = replay_parquet / pandas_read
    csv_ratio = replay_csv / replay_parquet
    result = {
        "benchmark": "replay_load",
        "ratio": round(ratio, 3),
        "baseline": "pandas.read_parquet of the same file (replay load / pandas read)",
        "target": 2.0,
        "csv_over_parquet": round(csv_ratio, 3),
        "csv_target": 3.0,
        "passed": bool(ratio <= 2.0 and csv_ratio >= 3.0),
        "rows": rows,
        "events": int(events),
        "pandas_read_ms": round(pandas_read * 1000, 1),
        "replay_parquet_ms": round(replay_parquet * 1000, 1),
        "replay_csv_ms": round(replay_csv * 1000, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
