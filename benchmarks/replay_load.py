"""Replay load of a 1,000,000-row incident log against pandas' plain read, and CSV against Parquet.

Generates the log deterministically (seeded, vectorised) into a temporary directory, then times, in
the same run, interleaved, the best of five (two for CSV):
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
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from cockpit.replay.index import load_index
from cockpit.replay.synthetic import synthetic_log
from cockpit.street.demo import load_demo_street

log = logging.getLogger("replay_load")


ROUNDS = 5
CSV_ROUNDS = 2


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


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
        table = pa.Table.from_pandas(frame, preserve_index=False)
        del frame
        pq.write_table(table, parquet)
        pacsv.write_csv(table, csv)  # ISO 8601 times with a "Z" offset, like any UTC log
        del table
        log.info("generated %d rows in %.1f s", rows, time.perf_counter() - start)

        def replay_load(path: Path) -> None:
            load_index(path, staff_ids=staff_ids)

        # Interleaved, best of several: the machine is shared, so both sides see the same load.
        pandas_runs, parquet_runs, csv_runs = [], [], []
        for round_ in range(ROUNDS):
            pandas_runs.append(timed(lambda: pd.read_parquet(parquet, engine="pyarrow")))
            parquet_runs.append(timed(lambda: replay_load(parquet)))
            if round_ < CSV_ROUNDS:
                csv_runs.append(timed(lambda: replay_load(csv)))
        pandas_read, replay_parquet, replay_csv = min(pandas_runs), min(parquet_runs), min(csv_runs)
        events = load_index(parquet).n

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
