"""Bulk point → micro-grid assignment: cockpit.street.geo's raster locator against geopandas.sjoin.

Seeded random points over the demo street's bounding box (some fall outside: -1 in both) are
assigned to micro-grids by :meth:`cockpit.street.geo.Locator.micro_grid_index` and by
``geopandas.sjoin(points, micro_grids, predicate="within")`` reduced to the first (lowest-index)
match per point, the same rule. The ratio compares query times; the points GeoDataFrame is built
outside the baseline's timing, the locator's one-off build is reported separately.

Usage: python benchmarks/geo_assign.py [--quick] [--points N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

import numpy as np

from cockpit.street.demo import load_demo_street
from cockpit.street.geo import Locator
from timing import best_of

TARGET = 5.0
log = logging.getLogger("geo_assign")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200,000 points instead of 1,000,000")
    parser.add_argument("--points", type=int, help="number of points (overrides --quick)")
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")

    import geopandas as gpd

    n = args.points or (200_000 if args.quick else 1_000_000)
    street = load_demo_street()
    start = time.perf_counter()
    locator = Locator(street)
    build_s = time.perf_counter() - start
    log.info("locator built in %.3f s", build_s)

    rng = np.random.default_rng(args.seed)
    minx, miny, maxx, maxy = street.boundary.bounds
    lon = rng.uniform(minx, maxx, n)
    lat = rng.uniform(miny, maxy, n)

    ours_s, ours = best_of(3, lambda: locator.micro_grid_index(lon, lat))
    log.info("ours: %d points in %.3f s", n, ours_s)

    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    micro_grids = gpd.GeoDataFrame(
        {"micro_grid": np.arange(len(street.micro_grids))},
        geometry=[m.polygon for m in street.micro_grids],
        crs="EPSG:4326",
    )

    def baseline() -> np.ndarray:
        joined = gpd.sjoin(points, micro_grids, predicate="within", how="inner")
        first = joined.groupby(level=0)["micro_grid"].min()
        result = np.full(n, -1, dtype=np.int64)
        result[first.index.to_numpy()] = first.to_numpy()
        return result

    sjoin_s, theirs = best_of(2, baseline)
    log.info("geopandas.sjoin: %d points in %.3f s", n, sjoin_s)

    agreement = float(np.mean(ours == theirs))
    ratio = sjoin_s / ours_s
    result = {
        "benchmark": "geo_assign",
        "ratio": round(ratio, 2),
        "baseline": "geopandas.sjoin within",
        "target": TARGET,
        "passed": bool(ratio >= TARGET and agreement == 1.0),
        "points": n,
        "ours_s": round(ours_s, 4),
        "sjoin_s": round(sjoin_s, 4),
        "agreement": agreement,
        "locator_build_s": round(build_s, 3),
        "ratio_with_build": round(sjoin_s / (ours_s + build_s), 2),
        "inside_share": round(float(np.mean(ours >= 0)), 4),
        "ours_points_per_s": round(n / ours_s),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
