"""The demand fitted from a log: hour shapes per group of weekdays, and level and trend per category.

Synthetic logs with a known truth: cases drawn from a Poisson process whose hour shape, weekday
and trend we set, so each fitted piece can be checked against what made the log.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.history.format import write_log
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.calibrate import calibrate
from simulation.demand_fit import SHAPE_PRIOR, fit_demand, hour_shapes
from simulation.model import ScenarioError
from simulation.replication import simulate
from simulation.scenario import parse_scenario

sys.path.insert(0, str(Path(__file__).parent))
from independent_world import run_world  # noqa: E402

START = dt.date(2024, 1, 1)
WEEKDAY_SHAPE = 1 + 0.6 * np.sin((np.arange(24) - 9) / 24 * 2 * np.pi)
LATER_SHAPE = 1 + 0.6 * np.sin((np.arange(24) - 12) / 24 * 2 * np.pi)


def synthetic_log(days: int, per_day: dict[str, float], *, trend: dict[str, float] | None = None,
                  weekend_shape: np.ndarray = WEEKDAY_SHAPE, friday_shape: np.ndarray | None = None,
                  seed: int = 0) -> pd.DataFrame:
    """Local report times and categories of a Poisson log: ``per_day`` at the start, log-linear ``trend`` a year."""
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(days):
        date = START + dt.timedelta(days=d)
        weekday = date.weekday()
        shape = weekend_shape if weekday >= 5 else WEEKDAY_SHAPE
        if friday_shape is not None and weekday == 4:
            shape = friday_shape
        day_factor = 0.8 if weekday >= 5 else 1.08
        for code, rate in per_day.items():
            mean = rate * day_factor * np.exp((trend or {}).get(code, 0.0) * d / 365.25)
            n = rng.poisson(mean)
            hours = rng.choice(24, size=n, p=shape / shape.sum())
            minutes = rng.integers(0, 60, size=n)
            rows += [(pd.Timestamp(date) + pd.Timedelta(hours=int(h), minutes=int(m)), code)
                     for h, m in zip(hours, minutes)]
    frame = pd.DataFrame(rows, columns=["reported_at", "category"])
    frame["reported_at"] = frame["reported_at"].dt.tz_localize(LOCAL_TZ)
    return frame


def fit(frame: pd.DataFrame, days: int, level_days: int | None = 28):
    return fit_demand(frame["reported_at"], frame["category"].to_numpy(), np.full(len(frame), "blue"), START,
                      START + dt.timedelta(days=days), level_days)


def test_one_hour_shape_when_every_day_has_the_same_hours():
    result = fit(synthetic_log(120, {"waste_sanitation": 60.0}), 120)
    groups = result.report["hours"]["groups"]
    assert [g["days"] for g in groups] == [[0, 1, 2, 3, 4, 5, 6]]
    assert np.corrcoef(groups[0]["profile"], WEEKDAY_SHAPE)[0, 1] > 0.99


def test_a_weekend_with_later_hours_gets_its_own_shape_and_the_report_compares_weekday_by_hour():
    result = fit(synthetic_log(120, {"waste_sanitation": 60.0}, weekend_shape=LATER_SHAPE), 120)
    hours = result.report["hours"]
    assert [g["days"] for g in hours["groups"]] == [[0, 1, 2, 3, 4], [5, 6]]
    assert hours["test"]["p"] < 1e-6 < hours["test"]["p_within"]
    assert np.argmax(result.model.hours[6]) - np.argmax(result.model.hours[0]) == 3
    cells = result.report["weekday_hour"]
    observed, fitted = np.array(cells["observed"]), np.array(cells["fitted"])
    assert observed.shape == fitted.shape == (7, 24)
    assert fitted.sum() == pytest.approx(observed.sum(), rel=1e-4)  # rounded cells
    assert 0.7 < cells["pearson_dispersion"] < 1.4  # the fitted shapes leave Poisson noise only
    assert result.model.weekday[5] / result.model.weekday[0] == pytest.approx(0.8 / 1.08, rel=0.05)


def test_a_friday_unlike_the_other_weekdays_gets_a_shape_per_day():
    result = fit(synthetic_log(150, {"waste_sanitation": 80.0}, friday_shape=LATER_SHAPE), 150)
    assert len(result.report["hours"]["groups"]) == 7
    friday = result.model.hours[4]
    assert np.corrcoef(friday, LATER_SHAPE)[0, 1] > np.corrcoef(friday, WEEKDAY_SHAPE)[0, 1]


def test_a_weekday_group_with_few_cases_keeps_the_pooled_shape():
    counts = np.zeros((7, 24))
    counts[:5] = 400 * WEEKDAY_SHAPE / 24
    counts[5:] = 3 * LATER_SHAPE / 24  # a handful of weekend cases, unlike the weekdays
    counts[5:, 3] += 6
    shapes, _ = hour_shapes(np.round(counts))
    weekend = shapes[6]
    # Shrunk toward the weekdays': SHAPE_PRIOR pseudo-cases against a dozen of its own.
    assert np.abs(weekend - shapes[0]).max() < 24 * 12 / SHAPE_PRIOR


@pytest.mark.parametrize("trend", [0.25, -0.25])
def test_a_clear_trend_is_found_and_projected(trend):
    days = 330
    frame = synthetic_log(days, {"waste_sanitation": 50.0, "neighbour_dispute": 30.0},
                          trend={"waste_sanitation": trend, "neighbour_dispute": trend}, seed=1)
    result = fit(frame, days)
    for row in result.report["categories"]:
        assert np.log1p(row["trend_per_year"]) == pytest.approx(trend, abs=3 * row["trend_se"] + 0.05)
    cut = START + dt.timedelta(days=days)
    later = cut + dt.timedelta(days=45)
    true_at_cut = 50.0 * np.exp(trend * days / 365.25)
    assert result.level_per_day("waste_sanitation", cut) == pytest.approx(true_at_cut, rel=0.06)
    growth = result.level_per_day("waste_sanitation", later) / result.level_per_day("waste_sanitation", cut)
    assert np.sign(np.log(growth)) == np.sign(trend)


def test_no_trend_is_shrunk_toward_none_and_without_level_days_the_rate_is_the_logs_mean():
    days = 200
    frame = synthetic_log(days, {"waste_sanitation": 40.0}, seed=2)
    row = fit(frame, days).report["categories"][0]
    assert abs(row["trend_per_year"]) <= abs(row["trend_fitted_per_year"]) + 1e-12
    assert abs(row["trend_per_year"]) < 0.1
    plain = fit(frame, days, level_days=None)
    assert plain.model.daily_rates(START, days).sum() == pytest.approx(len(frame))
    assert plain.model.trend.tolist() == [0.0]


def test_a_season_is_fitted_with_more_than_a_year_of_log():
    days = 500
    rng = np.random.default_rng(4)
    season = 1 + 0.5 * np.cos((np.arange(12) - 6) / 12 * 2 * np.pi)  # July busiest
    dates = [START + dt.timedelta(days=d) for d in range(days)]
    counts = rng.poisson([40 * season[d.month - 1] for d in dates])
    times = pd.Series([pd.Timestamp(d) + pd.Timedelta(hours=12) for d, n in zip(dates, counts) for _ in range(n)])
    result = fit_demand(times.dt.tz_localize(LOCAL_TZ), np.full(len(times), "waste_sanitation"),
                        np.full(len(times), "blue"), START, START + dt.timedelta(days=days), 28)
    fitted = np.array(result.report["categories"][0]["season"])
    assert np.argmax(fitted) in (5, 6, 7) and np.argmin(fitted) in (11, 0, 1)
    assert fitted.max() / fitted.min() == pytest.approx(season.max() / season.min(), rel=0.25)


@pytest.fixture(scope="module")
def log_tables(tmp_path_factory) -> tuple[dict, Path]:
    """The tables of a scenario calibrated from 30 days of the independent world, and its folder."""
    folder = tmp_path_factory.mktemp("log")
    world = run_world(days=30, seed=3)
    write_log(world, folder / "world.parquet")
    return calibrate(world, folder / "world.parquet").scenario, folder


def test_a_calibrated_scenario_writes_its_hour_shapes_and_the_scenarios_hours_replace_the_fitted_ones(log_tables):
    tables, folder = copy.deepcopy(log_tables[0]), log_tables[1]
    written = tables["demand"]["hours"]
    assert sorted(d for group in written for d in group["days"]) == list(range(7))
    flat = [1.0] * 24
    night = [5.0 if h < 6 else 0.2 for h in range(24)]
    tables["demand"]["hours"] = [{"days": [0, 1, 2, 3, 4], "profile": flat}, {"days": [5, 6], "profile": night}]
    scenario = parse_scenario(tables, folder)
    by_day = scenario.arrivals[0].rate_by_hour(24 * 7, scenario.start).reshape(7, 24)
    saturday = (5 - scenario.start.weekday()) % 7
    assert np.ptp(by_day[(saturday + 2) % 7]) < 1e-9
    assert np.argmax(by_day[saturday]) < 6


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(-1, 8), min_size=0, max_size=8))
def test_scenario_hours_that_miss_or_double_a_weekday_are_refused_on_their_key(log_tables, days):
    tables, folder = copy.deepcopy(log_tables[0]), log_tables[1]
    tables["demand"]["hours"] = [{"days": days, "profile": [1.0] * 24}]
    if sorted(days) == list(range(7)):
        parse_scenario(tables, folder)
        return
    with pytest.raises(ScenarioError) as error:
        parse_scenario(tables, folder)
    assert error.value.key.startswith("demand.hours")


def test_each_categorys_own_level_uncertainty_is_written_and_drawn_once_per_replication(log_tables):
    tables, folder = copy.deepcopy(log_tables[0]), log_tables[1]
    written = tables["demand"]["category_level_sd"]
    assert set(written) <= {"waste_sanitation", "neighbour_dispute", "drainage_flooding", "fire_hazard"}
    assert all(0 < sd < 0.5 for sd in written.values())
    tables["demand"].update(level_sd=0.0, category_level_sd={code: 1.0 for code in written})
    tables["scenario"]["horizon_hours"] = 24.0 * 7
    spread = parse_scenario(tables, folder)
    tables["demand"]["category_level_sd"] = {}
    plain = parse_scenario(tables, folder)
    counts = {name: [simulate(s, seed=4, replication=r).arrival.size for r in range(6)]
              for name, s in (("spread", spread), ("plain", plain))}
    assert np.std(counts["spread"]) > 4 * np.std(counts["plain"])
    tables["demand"]["category_level_sd"] = {"no_such_category": 0.1}
    with pytest.raises(ScenarioError) as error:
        parse_scenario(tables, folder)
    assert error.value.key == "demand.category_level_sd.no_such_category"
