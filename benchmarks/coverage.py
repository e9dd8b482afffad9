"""Coverage of all demo households to every resource kind by road, against a networkx loop.

Ours: for every kind, one multi-source search (:meth:`cockpit.travel.model.RoadTravel.nearest`, scipy's
compiled Dijkstra from a virtual node per unit) gives each micro-grid's minutes to its nearest unit.
Baseline: the plain way, a networkx single-source Dijkstra from every household point (one a
micro-grid, per travel mode) on the same network with every point as a node
(tests/fixtures/road_reference.py), the minimum over each kind's units. Both must give the same
minutes. The graphs are built outside both timings; the network build is reported on its own.

The library figures time the same multi-source question (every kind, one search each, points
already on the network) in scipy's csgraph (a virtual node per unit), networkx
(multi_source_dijkstra) and igraph (a graph with a super-source joined to the units, built per
kind): the measurement behind the choice of scipy.

Usage: python benchmarks/coverage.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cockpit.allocation.coverage import Demand, coverage, coverage_kinds, resource_places, units  # noqa: E402
from cockpit.street.demo import load_demo_street  # noqa: E402
from cockpit.travel.model import RoadTravel  # noqa: E402
from cockpit.travel.profile import default_profile  # noqa: E402
from tests.fixtures.road_reference import reference_graph  # noqa: E402
from timing import best_of  # noqa: E402

TARGET = 10.0
log = logging.getLogger("coverage")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one baseline round instead of the best of two")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    import igraph
    import networkx as nx

    street = load_demo_street()
    build_s, travel = best_of(3, lambda: RoadTravel.from_street(street))
    kinds = list(coverage_kinds(default_profile()).values())
    demand = Demand.of(street, travel)
    sources = {k.code: resource_places(street, travel, units(street, k)) for k in kinds}
    log.info("network: %d nodes, %d edges, built in %.1f ms; %d kinds, %d household points",
             travel.network.n_nodes, travel.network.n_edges, build_s * 1e3, len(kinds), len(demand.households))

    def ours():
        return {k.code: coverage(street, travel, k, demand=demand).nearest_minutes for k in kinds}

    ours_s, ours_minutes = best_of(5, ours)

    # The baseline's graphs: one per mode, every household and every unit of every kind a node.
    modes = sorted({k.mode for k in kinds})
    graphs = {}
    for mode in modes:
        of_mode = [k.code for k in kinds if k.mode == mode]
        graph, names = reference_graph(travel, mode, demand.places, *(sources[c] for c in of_mode))
        graphs[mode] = (graph, names[0], dict(zip(of_mode, names[1:])))

    def baseline():
        result = {}
        for mode, (graph, households, unit_names) in graphs.items():
            rows = {code: np.full(len(households), np.inf) for code in unit_names}
            for h, name in enumerate(households):
                lengths = nx.single_source_dijkstra_path_length(graph, name, weight="weight")
                for code, names in unit_names.items():
                    rows[code][h] = min((lengths.get(n, np.inf) for n in names), default=np.inf)
            result.update(rows)
        return result

    base_s, base_minutes = best_of(1 if args.quick else 2, baseline)
    diffs = [np.abs(np.where(np.isinf(ours_minutes[c]) & np.isinf(base_minutes[c]), 0.0,
                             ours_minutes[c] - base_minutes[c])) for c in ours_minutes]
    max_diff = float(max(d.max() for d in diffs))
    covered_same = all(
        np.array_equal(ours_minutes[k.code] <= k.minutes, base_minutes[k.code] <= k.minutes) for k in kinds
    )

    def networkx_multi():
        result = {}
        for k in kinds:
            graph, households, unit_names = graphs[k.mode]
            lengths = nx.multi_source_dijkstra_path_length(graph, unit_names[k.code], weight="weight") \
                if unit_names[k.code] else {}
            result[k.code] = np.array([lengths.get(h, np.inf) for h in households])
        return result

    igraphs = {}
    for mode, (graph, households, unit_names) in graphs.items():
        index = {name: i for i, name in enumerate(graph.nodes)}
        edges = [(index[a], index[b]) for a, b in graph.edges]
        weights = [w for _, _, w in graph.edges(data="weight")]
        igraphs[mode] = (index, edges, weights)

    def igraph_super_source():
        result = {}
        for k in kinds:
            graph, households, unit_names = graphs[k.mode]
            index, edges, weights = igraphs[k.mode]
            source = len(index)
            g = igraph.Graph(n=source + 1, edges=edges + [(source, index[n]) for n in unit_names[k.code]])
            g.es["weight"] = weights + [0.0] * len(unit_names[k.code])
            result[k.code] = np.array(g.distances(source=[source], target=[index[h] for h in households],
                                                  weights="weight")[0])
        return result

    def scipy_multi():
        return {k.code: travel.nearest(k.mode, sources[k.code], demand.places)[0] for k in kinds}

    scipy_s, _ = best_of(5, scipy_multi)
    nx_multi_s, nx_multi = best_of(3, networkx_multi)
    igraph_s, igraph_result = best_of(3, igraph_super_source)
    libraries_agree = all(
        np.allclose(nx_multi[c], ours_minutes[c], rtol=1e-9) and np.allclose(igraph_result[c], ours_minutes[c], rtol=1e-9)
        for c in ours_minutes
    )

    ratio = base_s / ours_s
    result = {
        "benchmark": "coverage",
        "ratio": round(ratio, 1),
        "baseline": "networkx single-source Dijkstra from every household point (per mode), min over each kind's units",
        "target": TARGET,
        "passed": bool(ratio >= TARGET and max_diff < 1e-6 and covered_same),
        "ours_ms": round(ours_s * 1e3, 2),
        "baseline_ms": round(base_s * 1e3, 1),
        "max_abs_diff_minutes": max_diff,
        "same_covered_micro_grids": covered_same,
        "kinds": len(kinds),
        "household_points": int(len(demand.households)),
        "households": int(demand.households.sum()),
        "network_nodes": travel.network.n_nodes,
        "network_edges": travel.network.n_edges,
        "network_build_ms": round(build_s * 1e3, 1),
        "library_multi_source_ms": {
            "scipy_csgraph": round(scipy_s * 1e3, 2),
            "networkx": round(nx_multi_s * 1e3, 1),
            "igraph": round(igraph_s * 1e3, 1),
        },
        "libraries_agree": libraries_agree,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
