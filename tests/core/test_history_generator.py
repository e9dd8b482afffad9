"""The seeded history generator: determinism, volumes, profiles, mixes, places, times and people."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

from cockpit.demand import default_demand
from cockpit.history.format import normalise_log
from cockpit.history.generator import DEFAULT_START, generate_history
from cockpit.kpi import compute_kpis
from cockpit.vocabulary.categories import default_categories
from cockpit.vocabulary.domain import StaffKind


@pytest.fixture(scope="module")
def year(request) -> pd.DataFrame:
    from tests.core.tiny import tiny_street

    return generate_history(tiny_street(), days=364, seed=2024)


def _local(series: pd.Series) -> pd.Series:
    return series.dt.tz_convert("Asia/Shanghai")


def test_same_seed_same_frame_other_seed_other_frame(tiny_street):
    a = generate_history(tiny_street, days=10, seed=5)
    pd.testing.assert_frame_equal(a, generate_history(tiny_street, days=10, seed=5))
    assert not a.equals(generate_history(tiny_street, days=10, seed=6))


def test_output_is_already_a_valid_log(year):
    pd.testing.assert_frame_equal(normalise_log(year), year)
    assert year["reported_at"].is_monotonic_increasing
    assert year["case_id"].iloc[0] == f"K{DEFAULT_START.strftime('%Y%m%d')}-0001"


def test_the_demand_models_cases_a_day_busier_and_quieter_days_than_poisson_and_fewer_at_weekends(year):
    local = _local(year["reported_at"])
    per_day = local.dt.date.value_counts()
    assert len(per_day) == 364
    assert per_day.mean() == pytest.approx(default_demand().cases_per_day, rel=0.05)
    # The demand model's day multiplier (gamma, shape 40) spreads days beyond Poisson's variance.
    assert per_day.var() > 2 * per_day.mean()
    weekday = local.dt.day_of_week
    days_of = local.dt.normalize()
    mean_by = year.groupby(weekday)["case_id"].count() / days_of.groupby(weekday).nunique()
    assert mean_by[[5, 6]].mean() < 0.93 * mean_by[[0, 1, 2, 3, 4]].mean()


def test_nights_are_quiet_and_the_day_has_two_peaks(year):
    hours = _local(year["reported_at"]).dt.hour.value_counts(normalize=True).sort_index()
    night = hours[[1, 2, 3, 4]].mean()
    assert hours[[9, 10]].mean() > 8 * night
    assert hours[[17, 18]].mean() > 8 * night
    assert hours[12] < hours[[10, 17]].min()  # the lunch dip between the peaks


def test_category_mix_follows_the_table_shares_and_drainage_peaks_in_summer(year):
    shares = year["category"].value_counts(normalize=True)
    for category in default_categories():
        if category.code != "drainage_flooding":
            assert shares[category.code] == pytest.approx(category.share, abs=0.025)
    month = _local(year["reported_at"]).dt.month
    drainage = year["category"] == "drainage_flooding"
    assert drainage[month.isin([6, 7, 8])].mean() > 3 * drainage[month.isin([12, 1, 2])].mean()


def test_sources_fit_their_categories_and_proactive_discovery_is_about_84_percent(year):
    kpis = compute_kpis(year)
    assert 0.80 <= kpis["proactive_discovery_rate"] <= 0.88
    by = pd.crosstab(year["category"], year["source"], normalize="index")
    assert by.loc["elderly_emergency", "sensor"] > 0.5
    assert by.loc["neighbour_dispute", "resident"] > 0.3
    assert by.loc["neighbour_dispute", "sensor"] == 0
    assert by.loc["parking_traffic", ["patrol", "sensor"]].sum() > 0.9


def test_risk_levels_stay_near_the_category_default(year):
    default = year["category"].astype(str).map({c.code: c.default_risk.value for c in default_categories()})
    same = (year["risk_level"].astype(str) == default).mean()
    assert 0.82 < same < 0.95


def test_every_point_lies_in_its_micro_grid(year, tiny_street):
    for grid in tiny_street.micro_grids:
        rows = year[year["micro_grid"] == grid.id]
        assert len(rows) > 0
        assert shapely.contains_xy(grid.polygon, rows["lon"].to_numpy(), rows["lat"].to_numpy()).all()
        assert (rows["general_grid"] == grid.general_grid_id).all()
        assert (rows["community"] == grid.community_id).all()


def test_times_are_realistic_and_kpis_near_published_practice(year):
    kpis = compute_kpis(year)
    assert 0.90 < kpis["response_within_target_rate"] < 0.999  # mostly within 2 h, with a tail (slow nights)
    assert 15 < kpis["response_minutes_mean"] < 60
    assert 0.01 < kpis["overdue_rate"] < 0.06
    assert 0.85 <= kpis["resolved_at_level"]["grid"] <= 0.92
    assert 0.80 < kpis["satisfaction_rate"] < 0.95
    assert 4.0 < kpis["satisfaction_mean"] < 4.7
    assert 0.01 < (year["reopened"] > 0).mean() < 0.06
    assert year["satisfaction"].isna().mean() == pytest.approx(0.2, abs=0.03)
    service = (year["resolved_at"] - year["on_scene_at"]).dt.total_seconds() / 60
    plain = year["reopened"] == 0
    medians = service[plain].groupby(year.loc[plain, "category"], observed=True).median()
    for category in default_categories():
        assert medians[category.code] >= category.service.median_minutes * 0.8


def test_escalations_only_where_the_deadline_passed(year):
    deadline = year["reported_at"] + year["risk_level"].astype(str).map(
        {"blue": pd.Timedelta(hours=24), "yellow": pd.Timedelta(hours=48), "red": pd.Timedelta(hours=72)}
    ).astype("timedelta64[us]")
    escalated = year["escalations"] > 0
    assert escalated.any()
    resolved = year.loc[escalated, "resolved_at"]
    assert (resolved.isna() | (resolved > deadline[escalated])).all()
    overdue_resolved = (year["resolved_at"] > deadline) & (year["owner_level"] != "street")
    assert escalated[overdue_resolved].all()


def test_assignees_are_the_streets_staff_mostly_the_grid_worker(year, tiny_street):
    staff = {m.id: m for m in tiny_street.staff}
    dispatched = year[year["dispatched_at"].notna()]
    assert dispatched["assignee"].isin(list(staff)).all()
    assert year.loc[year["dispatched_at"].isna(), "assignee"].isna().all()
    own_worker = dispatched["assignee"] == "GW-" + dispatched["general_grid"].astype(str)
    blue = dispatched["risk_level"] == "blue"
    assert own_worker[blue].mean() > 0.85
    red = dispatched[dispatched["risk_level"] == "red"]
    is_team = red["assignee"].map(lambda s: staff[s].kind is StaffKind.DEPARTMENT)
    assert is_team.mean() > 0.3  # the tiny street has only fire and property teams


def test_the_end_of_the_period_leaves_recent_cases_open(tiny_street):
    df = generate_history(tiny_street, days=3, seed=9, start="2025-06-01T00:00:00+08:00")
    end = pd.Timestamp("2025-06-04T00:00:00+08:00")
    times = df.select_dtypes("datetimetz")
    assert (times.max() <= end).all()
    kpis = compute_kpis(df, now=end)
    assert kpis["open_cases"] > 0
    assert kpis["open_cases"] == int(df["resolved_at"].isna().sum())


def test_elderly_emergencies_follow_elderly_people_living_alone():
    from cockpit.street.demo import load_demo_street

    street = load_demo_street()
    df = generate_history(street, days=60, seed=3)
    alone = pd.Series({m.id: m.elderly_alone for m in street.micro_grids})
    households = pd.Series({m.id: m.households for m in street.micro_grids})
    elderly = df[df["category"] == "elderly_emergency"]["micro_grid"].astype(str).value_counts()
    elderly = elderly.reindex(alone.index, fill_value=0)
    others = df[df["category"] == "waste_sanitation"]["micro_grid"].astype(str).value_counts()
    others = others.reindex(alone.index, fill_value=0)
    assert np.corrcoef(elderly, alone)[0, 1] > np.corrcoef(elderly, households)[0, 1]
    assert np.corrcoef(others, households)[0, 1] > 0.2
