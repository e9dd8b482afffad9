"""Import of a district-sized street: 20,000 micro-grids from a GeoPackage, validated and stored.

The district is generated from a seed: a jittered lattice of about 150 m cells in CGCS2000
Gauss-Kruger CM 114E (EPSG:4547), 8 micro-grids to a general grid and 10 general grids to a
community (250 communities, 2,500 general grids), written as three GeoPackage layers whose shared
edges go through the same vertices, as a real tiling does. ``cockpit street import`` reads,
converts, links, checks (overlaps, cover, parents, household standards) and stores it in SQLite;
the baseline is pyogrio's plain read of the same three layers in the same run.

    python benchmarks/street_import.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyogrio.raw
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cockpit.storage import open_database  # noqa: E402
from cockpit.onboard.store import import_street  # noqa: E402

CELL_M = 150.0
MICRO_PER_GENERAL = (4, 2)  # columns x rows of micro-grids in a general grid
GENERAL_PER_COMMUNITY = (5, 2)
TARGET_RATIO = 40.0
"""Import (read, convert, check, store) may take at most this many times pyogrio's plain read."""


def _ring(points: np.ndarray, i0: int, j0: int, i1: int, j1: int) -> shapely.Polygon:
    """The cell block [i0, i1] x [j0, j1] of the lattice, through every lattice vertex on its edge."""
    edge = ([points[i, j0] for i in range(i0, i1 + 1)] + [points[i1, j] for j in range(j0 + 1, j1 + 1)]
            + [points[i, j1] for i in range(i1 - 1, i0 - 1, -1)] + [points[i0, j] for j in range(j1 - 1, j0, -1)])
    return shapely.Polygon(edge)


def write_district(path: Path, micro_grids: int, seed: int = 2026) -> None:
    """A district of about ``micro_grids`` micro-grids as a GeoPackage with three layers."""
    rng = np.random.default_rng(seed)
    block = MICRO_PER_GENERAL[0] * GENERAL_PER_COMMUNITY[0], MICRO_PER_GENERAL[1] * GENERAL_PER_COMMUNITY[1]
    communities = max(1, round(micro_grids / (block[0] * block[1])))
    across = max(1, int(np.sqrt(communities * 2)))
    down = max(1, int(np.ceil(communities / across)))
    nx, ny = across * block[0], down * block[1]
    xs, ys = np.meshgrid(np.arange(nx + 1) * CELL_M, np.arange(ny + 1) * CELL_M, indexing="ij")
    jitter = rng.uniform(-0.3, 0.3, size=(nx + 1, ny + 1, 2)) * CELL_M
    points = np.stack([xs, ys], axis=-1) + jitter + (500_000.0, 3_380_000.0)
    layers: dict[str, tuple[list, dict[str, list]]] = {
        "community": ([], {"id": [], "name": []}),
        "general_grid": ([], {"id": [], "parent": [], "name": []}),
        "micro_grid": ([], {"id": [], "parent": [], "name": [], "households": [], "residents": []}),
    }
    gx, gy = MICRO_PER_GENERAL
    cx, cy = gx * GENERAL_PER_COMMUNITY[0], gy * GENERAL_PER_COMMUNITY[1]
    for ci in range(across):
        for cj in range(down):
            community = f"C{ci:02d}{cj:02d}"
            _add(layers["community"], _ring(points, ci * cx, cj * cy, (ci + 1) * cx, (cj + 1) * cy),
                 id=community, name=f"第{ci}-{cj}社区")
            for gi in range(GENERAL_PER_COMMUNITY[0]):
                for gj in range(GENERAL_PER_COMMUNITY[1]):
                    i0, j0 = ci * cx + gi * gx, cj * cy + gj * gy
                    general = f"{community}-G{gi}{gj}"
                    _add(layers["general_grid"], _ring(points, i0, j0, i0 + gx, j0 + gy), id=general,
                         parent=community, name=f"{community}第{gi}{gj}网格")
                    for mi in range(gx):
                        for mj in range(gy):
                            households = int(rng.integers(30, 101))
                            _add(layers["micro_grid"], _ring(points, i0 + mi, j0 + mj, i0 + mi + 1, j0 + mj + 1),
                                 id=f"{general}-M{mi}{mj}", parent=general, name=f"{general}第{mi}{mj}微网格",
                                 households=households, residents=int(households * 3))
    for layer, (geometries, fields) in layers.items():
        values = [np.asarray(v, dtype=object if isinstance(v[0], str) else np.int64) for v in fields.values()]
        pyogrio.raw.write(path, shapely.to_wkb(np.asarray(geometries, dtype=object)), values, fields=list(fields),
                          geometry_type="Polygon", crs="EPSG:4547", driver="GPKG", layer=layer, append=path.exists())


def _add(layer: tuple[list, dict[str, list]], polygon: shapely.Polygon, **values) -> None:
    layer[0].append(polygon)
    for key, value in values.items():
        layer[1][key].append(value)


MANIFEST = """
[street]
id = "district"
name = "基准测试区"
crs = "EPSG:4547"
[layers.communities]
file = "district.gpkg"
layer = "community"
id = "id"
name = "name"
[layers.general_grids]
file = "district.gpkg"
layer = "general_grid"
id = "id"
name = "name"
parent = "parent"
[layers.micro_grids]
file = "district.gpkg"
layer = "micro_grid"
id = "id"
name = "name"
parent = "parent"
households = "households"
residents = "residents"
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 micro-grids instead of 20,000")
    args = parser.parse_args()
    size = 2_000 if args.quick else 20_000
    with tempfile.TemporaryDirectory(prefix="street-import-bench-") as folder:
        folder = Path(folder)
        gpkg = folder / "district.gpkg"
        write_district(gpkg, size)
        (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
        began = time.perf_counter()
        features = 0
        for layer in ("community", "general_grid", "micro_grid"):
            features += len(pyogrio.raw.read(gpkg, layer=layer)[2])
        read_s = time.perf_counter() - began
        db = open_database(f"sqlite:///{folder / 'cockpit.sqlite'}")
        try:
            began = time.perf_counter()
            report = import_street(folder / "manifest.toml", db)
            import_s = time.perf_counter() - began
        finally:
            db.close()
    if not report.ok:
        print(f"import failed: {report.problems.errors[:3]}", file=sys.stderr)
        return 1
    summary = report.to_json()
    ratio = import_s / read_s
    print(json.dumps({
        "benchmark": "street_import", "ratio": round(ratio, 2),
        "baseline": "pyogrio.raw.read of the same three GeoPackage layers (no conversion, checks or storage)",
        "target": TARGET_RATIO, "passed": ratio <= TARGET_RATIO,
        "micro_grids": summary["micro_grids"], "general_grids": summary["general_grids"],
        "communities": summary["communities"], "features": features, "warnings": len(summary["warnings"]),
        "import_s": round(import_s, 2), "read_s": round(read_s, 3),
        "micro_grids_per_s": round(summary["micro_grids"] / import_s),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
