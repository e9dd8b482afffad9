"""Experiments: intervals, parallel workers, progress and cancel, sweeps and the staffing optimiser."""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pytest

from simulation.experiment import replicate_until, run_experiment, sweep
from simulation.optimise import optimise_staffing
from simulation.kpi import estimate, interval

from .conftest import queue_scenario


def small():
    return queue_scenario([1.0, 1.5], 3, horizon_hours=400, warmup_hours=40)


def test_interval_is_student_t_over_replication_means():
    values = [1.0, 2.0, 3.0, 4.0]
    lo, hi = interval(values, 0.95)
    # mean 2.5, sd 1.291, t(0.975, 3) = 3.182: half-width 2.054
    assert (lo + hi) / 2 == pytest.approx(2.5)
    assert (hi - lo) / 2 == pytest.approx(3.1824 * 1.2910 / 2, rel=1e-3)
    assert estimate([5.0])["ci95"] is None


def test_result_frames_and_summary():
    result = run_experiment(small(), 4, seed=1, keep_cases=True)
    assert result.replications == 4
    assert set(result.kpis["class"]) == {"all", "k0", "k1"}
    assert list(result.utilisation.columns) == list(range(24))
    assert result.cases is not None and set(result.cases["replication"]) == {0, 1, 2, 3}
    summary = result.summary()
    for block in (summary["kpis"], summary["by_class"]["k0"], summary["by_class"]["k1"]):
        for kpi in ("wait_minutes", "response_minutes", "resolution_minutes", "utilisation", "overdue_rate", "cases"):
            lo95, hi95 = block[kpi]["ci95"]
            lo99, hi99 = block[kpi]["ci99"]
            assert lo99 <= lo95 <= block[kpi]["mean"] <= hi95 <= hi99
    assert summary["cases"] == int(result.kpis.loc[result.kpis["class"] == "all", "cases"].sum())
    kept = result.cases[~result.cases["warmup"] & ~result.cases["after_horizon"]]
    assert len(kept) == summary["cases"]


def test_parallel_workers_give_the_same_numbers_as_one_process():
    progress = []
    serial = run_experiment(small(), 4, seed=3)
    parallel = run_experiment(small(), 4, seed=3, workers=2, progress=lambda d, t: progress.append((d, t)))
    pd.testing.assert_frame_equal(serial.kpis, parallel.kpis)
    assert progress[-1] == (4, 4)


def test_cancel_stops_and_keeps_finished_replications():
    cancel = threading.Event()

    def stop_after_two(done, total):
        if done == 2:
            cancel.set()

    result = run_experiment(small(), 10, seed=1, progress=stop_after_two, cancel=cancel)
    assert result.cancelled and result.replications == 2


def test_replicate_until_reaches_the_half_width():
    result = replicate_until(small(), "wait_minutes", half_width=10.0, seed=2, initial=5, batch=5, max_replications=200)
    lo, hi = result.estimate("wait_minutes")["ci95"]
    assert (hi - lo) / 2 < 10.0
    assert 5 < result.replications < 200
    assert sorted(result.kpis["replication"].unique()) == list(range(result.replications))


def test_sweep_uses_common_random_numbers_and_waits_fall_with_staff():
    frame = sweep(small(), "staff.count", [3, 4, 5], replications=5, seed=1)
    waits = frame[(frame["kpi"] == "wait_minutes")].set_index("staff.count")["mean"]
    assert waits[3] > waits[4] > waits[5]
    cases = frame[(frame["kpi"] == "cases")].set_index("staff.count")["mean"]
    assert cases.nunique() == 1  # same arrivals at every level


def test_staffing_optimiser_finds_the_fewest_staff_and_shows_its_search():
    scenario = queue_scenario([2.0, 3.0], 6, horizon_hours=600, warmup_hours=50)
    search = optimise_staffing(scenario, label="k0", within_minutes=15, target=0.95, replications=10, seed=4)
    assert search.best is not None
    trials = {t.count: t for t in search.trials}
    assert trials[search.best].passed and trials[search.best].lower >= 0.95
    assert search.best - 1 in trials and not trials[search.best - 1].passed
    assert search.trials[0].count == 6  # smallest stable count for offered load 5
    frame = search.frame()
    assert list(frame.columns) == ["count", "mean", "lower", "upper", "passed"]
    assert np.all(frame["lower"] <= frame["mean"])
