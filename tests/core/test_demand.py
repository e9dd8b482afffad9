"""The one demand model: its table, its rates, and that the demo feed and the generator follow it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.vocabulary.categories import default_categories
from cockpit.demand import SOURCES, DemandError, default_demand, load_demand
from cockpit.vocabulary.domain import Source
from cockpit.vocabulary.events import AlarmRaised, CaseReported
from cockpit.resources import resource_path
from cockpit.rules.model import load_rules


def test_the_shipped_model_gives_its_daily_rate_over_a_year_and_every_weekday_an_hour_profile():
    demand = default_demand()
    year = demand.hourly_rates(dt.date(2025, 1, 1), 365 * 24)
    assert year.sum() / 365 == pytest.approx(demand.cases_per_day, rel=0.01)
    assert year.sum(axis=0) / year.sum() == pytest.approx(demand.shares, abs=0.01)
    assert demand.usual_day().sum() == pytest.approx(demand.cases_per_day)
    assert demand.hours.shape == (7, 24) and np.allclose(demand.hours.mean(axis=1), 1)
    saturday, monday = demand.hourly_rates(dt.date(2025, 1, 4), 72).sum(axis=1).reshape(3, 24)[[0, 2]]
    assert saturday[7] < monday[7]  # weekend mornings start later
    drainage = demand.index("drainage_flooding")
    july, january = demand.daily_rates(dt.date(2025, 7, 1), 1), demand.daily_rates(dt.date(2025, 1, 1), 1)
    assert july[0, drainage] > 5 * january[0, drainage]
    assert demand.proactive_share("neighbour_dispute") == pytest.approx(0.56)


def test_a_sensor_share_needs_a_reading_rule_of_its_category():
    demand = default_demand()
    rules = [r for r in load_rules() if not r.no_signal]
    for code in demand.codes:
        if demand.source_shares(code)[SOURCES.index(Source.SENSOR)] > 0:
            assert any(r.category == code for r in rules), code


def test_the_day_multiplier_spreads_days_as_its_gamma_shape_says():
    demand = default_demand()
    factors = demand.day_factors(np.random.default_rng(1), 20_000)
    assert factors.mean() == pytest.approx(1, abs=0.01)
    assert factors.var() == pytest.approx(1 / demand.dispersion, rel=0.05)


def test_the_history_generator_and_the_demo_feed_draw_from_it(tiny_street):
    from cockpit.demo_feed import DemoFeed
    from cockpit.history.generator import generate_history
    from cockpit.sla import live_derivers
    from cockpit.street.demo import load_demo_street
    from cockpit.twin import TwinState

    demand = default_demand()
    history = generate_history(tiny_street, 365, seed=2)
    shares = history["category"].value_counts(normalize=True)
    for code in demand.codes:
        assert shares[code] == pytest.approx(demand.shares[demand.index(code)], abs=0.02), code
    street = load_demo_street()
    twin = TwinState(street, derivers=live_derivers())
    stream = DemoFeed(street, seed=1).bootstrap(twin, datetime(2026, 11, 24, 10, tzinfo=timezone.utc), hours=48)
    reports = [e for e in stream if isinstance(e, CaseReported)]
    assert 0.75 * 2 * demand.cases_per_day <= len(reports) <= 1.3 * 2 * demand.cases_per_day  # two days
    sources = Counter(e.source for e in reports)
    expected = sum(demand.shares[demand.index(e.category)] > 0 for e in reports)
    assert expected == len(reports)
    sensor_share = sources[Source.SENSOR] / len(reports)
    assert 0.1 < sensor_share < 0.35  # 22 % of all cases in the model, a few still waiting on their rule
    # Every sensor case is the rule engine's: opened by a shipped rule, never by the feed itself.
    rule_ids = {r.id for r in load_rules()}
    sensor_alarms = [e for e in stream if isinstance(e, AlarmRaised) and e.alarm_kind == "sensor"]
    assert sensor_alarms and all(e.rule_id in rule_ids for e in sensor_alarms)
    assert {e.case_id for e in sensor_alarms} >= {e.case_id for e in reports if e.source is Source.SENSOR}


def test_weekday_specific_hours_and_a_trend_shape_the_rates(tmp_path):
    text = resource_path("demand.toml").read_text(encoding="utf-8")
    text = text.replace("[category.group_rental]\n", "[category.group_rental]\ntrend_per_year = 0.5\n")
    path = tmp_path / "demand.toml"
    path.write_text(text, encoding="utf-8")
    demand = load_demand(path)
    rental = demand.index("group_rental")
    later = demand.daily_rates(demand.trend_from + timedelta(days=730), 1)[0, rental]
    now = demand.daily_rates(demand.trend_from, 1)[0, rental]
    assert later / now == pytest.approx(1.5 ** (730 / 365.25) * demand.season[0] / demand.season[0], rel=0.05)


@pytest.mark.parametrize(("old", "new", "key"), [
    ("cases_per_day = ", "cases_per_day = -1 # ", "cases_per_day"),
    ("days = [5, 6]", "days = [5]", "hours"),
    ("days = [5, 6]", "days = [4, 5, 6]", "hours[1].days"),
    ("weekday = [1.049,", "weekday = [", "weekday"),
    ('where = "elderly_alone"', 'where = "shops"', "category.elderly_emergency.where"),
    ("sensor = 0.63", "sensor = 0.9", "category.elderly_emergency.sources"),
    ("[category.welfare_check]", "[category.teleportation]", "category"),
])
def test_a_bad_table_names_its_key(tmp_path, old, new, key):
    text = resource_path("demand.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "demand.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DemandError, match=f": {key.replace('[', '.').replace(']', '.')}"):
        load_demand(path)


VALUE = st.one_of(
    st.integers(-10, 10).map(str),
    st.sampled_from(['"x"', "true", "[]", "[1, 2]", "{}", "nan", "-inf", "1979-05-27", "[0, 0, 0, 0, 0, 0, 0]",
                     "{ patrol = 2 }", '"elderly_alone"']),
)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_mangled_table_is_refused_with_a_demand_error_or_loads(tmp_path_factory, data):
    lines = resource_path("demand.toml").read_text(encoding="utf-8").splitlines()
    settable = [i for i, line in enumerate(lines) if "=" in line and not line.startswith("#")]
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.sampled_from(settable))
        lines[index] = lines[index].split("=")[0] + "= " + data.draw(VALUE)
    path = tmp_path_factory.mktemp("demand") / "demand.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        demand = load_demand(path, default_categories())
    except DemandError:
        return
    assert demand.cases_per_day > 0 and np.isfinite(demand.hourly_rates(dt.date(2025, 1, 1), 48)).all()
