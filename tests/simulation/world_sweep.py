"""Calibrate on eleven months of each structural variant of the independent world and predict the twelfth.

Run by hand (it takes minutes): ``python tests/simulation/world_sweep.py [--variants a,b] [--seeds 11,23]
[--json OUT]``. For each variant and seed it prints the judged KPIs (observed, simulated mean and
95 % interval, error, pass) and the night-cut check: the world's own change of night response when
each community loses a night worker, against the simulator's paired difference on the calibrated
scenario with the same cut (common random numbers). The regression tests in test_calibrate.py
pin the variants that once failed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, str(Path(__file__).parent))
from independent_world import COMMUNITIES, VARIANTS, night_cut, run_world

from cockpit.vocabulary.local_time import LOCAL_TZ
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


def check(variant: str, seed: int, replications: int) -> dict:
    kwargs = dict(VARIANTS[variant])
    shifts = kwargs.pop("shifts", ((7, 19, 3), (19, 7, 2)))
    names = [c[0] for c in kwargs.get("communities", COMMUNITIES)]
    world = run_world(days=365, seed=seed, shifts=shifts, **kwargs)
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
    half = float(stats.t.ppf(0.975, len(paired) - 1) * paired.std(ddof=1) * math.sqrt(1 + 1 / len(paired)))
    table = validation.table.set_index("kpi").loc[list(JUDGED)]
    same_way = np.sign(mean) == np.sign(truth)
    close = abs(mean - truth) <= 0.25 * abs(truth) or mean - half <= truth <= mean + half
    return {
        "variant": variant, "seed": seed, "utilisation": round(world.attrs["utilisation"], 3),
        "staff": validation.calibration["staff"]["on_duty"],
        "kpis": {k: {"observed": r["observed"], "mean": r["mean"], "lo": r["lo"], "hi": r["hi"],
                     "error": r["relative_error"], "pass": bool(r["pass"])} for k, r in table.iterrows()},
        "night_cut": {"truth": truth, "predicted": mean, "lo": mean - half, "hi": mean + half,
                      "pass": bool(same_way and close)},
    }


def line(result: dict) -> str:
    cells = [f"{result['variant']}/{result['seed']}", f"{result['utilisation']:.2f}"]
    for key in JUDGED:
        k = result["kpis"][key]
        mark = "" if k["pass"] else " ✗"
        scale = 100 if key.endswith("rate") else 1
        cells.append(f"{k['observed'] * scale:.4g} vs {k['mean'] * scale:.4g} ({k['error']:+.0%}){mark}")
    n = result["night_cut"]
    cells.append(f"{n['truth']:+.1f} vs {n['predicted']:+.1f} [{n['lo']:+.1f}, {n['hi']:+.1f}]"
                 + ("" if n["pass"] else " ✗"))
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--seeds", default="11,23")
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    print("| world/seed | util | cases | response min | within target % | resolution h | overdue % | night cut min |")
    print("|---|---|---|---|---|---|---|---|", flush=True)
    results = []
    for variant in args.variants.split(","):
        for seed in map(int, args.seeds.split(",")):
            result = check(variant, seed, args.replications)
            results.append(result)
            print(line(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=float))


if __name__ == "__main__":
    main()
