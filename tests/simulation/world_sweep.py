"""Calibrate on eleven months of each structural variant of the independent world and predict the twelfth.

Run by hand (it takes minutes): ``python tests/simulation/world_sweep.py [--variants a,b] [--seeds 11,23|100-123]
[--no-night-cut] [--workers N] [--json OUT]``. For each variant and seed it prints the judged KPIs
(observed, simulated mean and 95 % interval, error, pass) and the night-cut check: the world's own
change of night response when each community loses a night worker, against the simulator's paired
difference on the calibrated scenario with the same cut (common random numbers). Last, per variant,
how many seeds each judged KPI passed: over many seeds, about 95 % of honest 95 % intervals hold
the observed month. The regression tests in test_calibrate.py pin the variants that once failed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from independent_world import COMMUNITIES, VARIANTS, night_cut, run_world

from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.kpi import t_quantile
from simulation.validation import validate_log

JUDGED = ("cases", "response_minutes_mean", "response_within_target_rate", "resolution_hours_mean", "overdue_rate")
"""The KPIs an outside check predicts for the held-out month."""
HOLDOUT_DAYS = 31


def night_window(shifts: tuple) -> tuple[int, int]:
    """The hours of the world's shift that covers 03:00."""
    for begin, end, _ in shifts:
        if (begin <= 3 < end) if begin < end else (3 >= begin or 3 < end):
            return begin, end
    raise ValueError("no shift covers the night")


def night_response(frame: pd.DataFrame, since: pd.Timestamp, window: tuple[int, int]) -> float:
    """Mean report -> accepted minutes of the cases reported from ``since`` within the hours ``window``."""
    cases = frame[frame["reported_at"] >= since]
    hour = cases["reported_at"].dt.tz_convert(LOCAL_TZ).dt.hour
    begin, end = window
    night = cases[(hour >= begin) & (hour < end)] if begin < end else cases[(hour >= begin) | (hour < end)]
    return float(((night["accepted_at"] - night["reported_at"]).dt.total_seconds() / 60).mean())


def per_replication(cases: pd.DataFrame, since: pd.Timestamp, window: tuple[int, int]) -> np.ndarray:
    kept = cases[~cases["warmup"] & ~cases["after_horizon"]]
    return np.array([night_response(c, since, window) for _, c in kept.groupby("replication")])


def check(variant: str, seed: int, replications: int, night_cut_too: bool = True) -> dict:
    kwargs = dict(VARIANTS[variant])
    shifts = kwargs.pop("shifts", ((7, 19, 3), (19, 7, 2)))
    names = [c[0] for c in kwargs.get("communities", COMMUNITIES)]
    world = run_world(days=365, seed=seed, shifts=shifts, **kwargs)
    if not night_cut_too:
        return _judged(variant, seed, world, validate_log(world, HOLDOUT_DAYS, replications=replications, seed=2))
    cut_shifts = night_cut(shifts)
    world_cut = run_world(days=365, seed=seed, shifts=cut_shifts, **kwargs)
    window = night_window(shifts)
    deltas = {}
    for (_, _, before), (_, _, after) in zip(shifts, cut_shifts):
        b = before if isinstance(before, (tuple, list)) else [before] * len(names)
        a = after if isinstance(after, (tuple, list)) else [after] * len(names)
        deltas.update({c: y - x for c, x, y in zip(names, b, a) if y != x})

    def cut_nights(tables: dict) -> None:
        shifts_found = tables["staff"]["shifts"]
        night = next(name for name, (b, e) in shifts_found.items() if ((b <= 3 < e) if b < e else (3 >= b or 3 < e)))
        tables["staff"]["change"] = [{"role": "grid_worker", "community": c, "shift": night, "delta": d}
                                     for c, d in deltas.items()]

    base_cases: list = []
    validation = validate_log(world, HOLDOUT_DAYS, replications=replications, seed=2, keep=base_cases)
    cut_cases: list = []
    validate_log(world, HOLDOUT_DAYS, replications=replications, seed=2, scenario_edit=cut_nights, keep=cut_cases)
    since = validation.cut.tz_convert("UTC")
    truth = night_response(world_cut, since, window) - night_response(world, since, window)
    paired = per_replication(cut_cases[0], since, window) - per_replication(base_cases[0], since, window)
    mean = float(paired.mean())
    half = t_quantile(0.975, len(paired) - 1) * float(paired.std(ddof=1)) * math.sqrt(1 + 1 / len(paired))
    same_way = np.sign(mean) == np.sign(truth)
    close = abs(mean - truth) <= 0.25 * abs(truth) or mean - half <= truth <= mean + half
    return {**_judged(variant, seed, world, validation),
            "night_cut": {"truth": truth, "predicted": mean, "lo": mean - half, "hi": mean + half,
                          "pass": bool(same_way and close)}}


def _judged(variant: str, seed: int, world: pd.DataFrame, validation) -> dict:
    table = validation.table.set_index("kpi").loc[list(JUDGED)]
    return {
        "variant": variant, "seed": seed, "utilisation": round(world.attrs["utilisation"], 3),
        "staff": validation.calibration["staff"]["on_duty"],
        "kpis": {k: {"observed": r["observed"], "mean": r["mean"], "lo": r["lo"], "hi": r["hi"],
                     "error": r["relative_error"], "pass": bool(r["pass"])} for k, r in table.iterrows()},
    }


def line(result: dict) -> str:
    cells = [f"{result['variant']}/{result['seed']}", f"{result['utilisation']:.2f}"]
    for key in JUDGED:
        k = result["kpis"][key]
        mark = "" if k["pass"] else " ✗"
        scale = 100 if key.endswith("rate") else 1
        cells.append(f"{k['observed'] * scale:.4g} vs {k['mean'] * scale:.4g} ({k['error']:+.0%}){mark}")
    n = result.get("night_cut")
    if n is None:
        cells.append("-")
    else:
        cells.append(f"{n['truth']:+.1f} vs {n['predicted']:+.1f} [{n['lo']:+.1f}, {n['hi']:+.1f}]"
                     + ("" if n["pass"] else " ✗"))
    return "| " + " | ".join(cells) + " |"


def seeds(text: str) -> list[int]:
    """``11,23`` or a range ``100-123`` (both ends in)."""
    if "-" in text:
        first, last = map(int, text.split("-"))
        return list(range(first, last + 1))
    return [int(seed) for seed in text.split(",")]


def tally(results: list[dict]) -> list[str]:
    """Per variant, how many of its seeds passed each judged KPI (and the night cut)."""
    lines = []
    for variant in dict.fromkeys(r["variant"] for r in results):
        mine = [r for r in results if r["variant"] == variant]
        counts = [f"{key} {sum(r['kpis'][key]['pass'] for r in mine)}/{len(mine)}" for key in JUDGED]
        cuts = [r["night_cut"]["pass"] for r in mine if "night_cut" in r]
        if cuts:
            counts.append(f"night cut {sum(cuts)}/{len(cuts)}")
        lines.append(f"{variant}: " + ", ".join(counts))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--seeds", default="11,23", type=seeds)
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--no-night-cut", dest="night_cut", action="store_false")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    print("| world/seed | util | cases | response min | within target % | resolution h | overdue % | night cut min |")
    print("|---|---|---|---|---|---|---|---|", flush=True)
    runs = [(variant, seed) for variant in args.variants.split(",") for seed in args.seeds]
    with ProcessPoolExecutor(args.workers) as pool:
        results = []
        for result in pool.map(check, *zip(*runs), [args.replications] * len(runs), [args.night_cut] * len(runs)):
            results.append(result)
            print(line(result), flush=True)
    print("\n".join(tally(results)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=float))


if __name__ == "__main__":
    main()
