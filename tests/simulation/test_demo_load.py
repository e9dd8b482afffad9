"""The demo street is realistically loaded, and a night cut shows on the night's cases.

resources/demand.toml and the demo roster make the busiest hour keep the full-time grid workers
30-60 % busy and a few percent of cases overdue; cutting the night grid workers of C03 and C11
(resources/scenarios/demo_night_minus2.toml, the leader's journey) makes the night's cases wait
longer for somebody on scene, by a paired interval that excludes 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulation.experiment import compare, run_experiment
from simulation.kpi import SHIFT
from simulation.scenario import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"
HOURS = 336
REPLICATIONS = 6


@pytest.fixture(scope="module")
def runs():
    scenarios = [load_scenario(SCENARIOS / name).with_value("scenario.horizon_hours", HOURS)
                 for name in ("demo_street.toml", "demo_night_minus2.toml")]
    return [run_experiment(s, REPLICATIONS, seed=3) for s in scenarios]


def test_the_busiest_hour_keeps_grid_workers_30_to_60_percent_busy_and_a_few_percent_run_overdue(runs):
    base = runs[0]
    summary = base.summary()
    grid = summary["utilisation_by_hour"]["grid_worker"]
    assert 0.30 <= grid["peak"]["mean"] <= 0.60
    assert grid["peak"]["mean"] == max(v for v in grid["hours"] if v is not None)
    nights = [grid["hours"][h] for h in range(2, 6)]
    assert max(nights) < 0.5 * grid["peak"]["mean"], "quiet small hours"
    kpis = summary["kpis"]
    assert 0.02 <= kpis["overdue_rate"]["mean"] <= 0.06
    assert 0.015 <= kpis["escalation_rate"]["mean"] <= 0.06
    assert summary["cases"] / REPLICATIONS / ((HOURS - base.scenario.warmup_hours) / 24) > 150


def test_cutting_two_night_grid_workers_slows_the_nights_cases_only(runs):
    table = compare(runs, labels=[SHIFT + "night", SHIFT + "day"], kpis=["response_minutes", "cases"])
    row = table[(table["index"] == 1) & (table["kpi"] == "response_minutes")].set_index("class")
    night, day = row.loc[SHIFT + "night"], row.loc[SHIFT + "day"]
    assert night["diff_lo"] > 0, "somebody reaches the night's cases later, and the interval says so"
    assert night["diff"] > 5 * abs(day["diff"])
    cases = table[(table["index"] == 1) & (table["kpi"] == "cases")].set_index("class")
    assert (cases["diff"] == 0).all(), "common random numbers: the very same cases"
