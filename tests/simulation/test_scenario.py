"""Scenario files: the shipped examples load, and every malformed file fails with the key at fault."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.model import ScenarioError
from simulation.scenario import load_scenario, parse_scenario_text

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"

GOOD = """
[scenario]
name = "ok"
horizon_hours = 100
warmup_hours = 10
street = "none"

[[arrivals]]
class = "red"
priority = 1
process = "poisson"
rate_per_hour = 1.5

[service]
dist = "exponential"
mean_minutes = 30

[staff]
count = 2

[dispatch]
policy = "priority_fcfs"
travel = "none"
"""


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.name)
def test_shipped_scenarios_load(path):
    scenario = load_scenario(path)
    assert scenario.horizon_hours > scenario.warmup_hours


def test_good_file_gives_the_values_it_states():
    scenario = parse_scenario_text(GOOD)
    assert scenario.name == "ok"
    assert scenario.arrivals[0].rate_per_hour == 1.5
    assert scenario.arrivals[0].risk == "red"  # so its deadline is red's: resolve within 72 h
    assert scenario.staff_count == 2
    assert scenario.response_target_minutes == 120


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("horizon_hours = 100", "horizon_hours = -1", "scenario.horizon_hours"),
        ("warmup_hours = 10", "warmup_hours = 100", "scenario.warmup_hours"),
        ('street = "none"', 'street = "mars"', "scenario.street"),
        ("priority = 1", "priority = 0", "arrivals[0].priority"),
        ('process = "poisson"', 'process = "hawkes"', "arrivals[0].process"),
        ("rate_per_hour = 1.5", 'rate_per_hour = "fast"', "arrivals[0].rate_per_hour"),
        ('dist = "exponential"', 'dist = "gamma"', "service.dist"),
        ("mean_minutes = 30", "median_minutes = 30", "service.median_minutes"),
        ("count = 2", "count = 2.5", "staff.count"),
        ('policy = "priority_fcfs"', 'policy = "random"', "dispatch.policy"),
        ('travel = "none"', 'travel = "straight_line"', "dispatch.travel"),
        ("[dispatch]", "[dispatch]\ncolour = 1", "dispatch.colour"),
    ],
)
def test_each_bad_key_is_named(old, new, key):
    with pytest.raises(ScenarioError) as info:
        parse_scenario_text(GOOD.replace(old, new))
    assert info.value.key == key
    assert str(info.value).startswith(f"{key}: ")


def test_missing_file_and_bad_toml_are_scenario_errors(tmp_path):
    with pytest.raises(ScenarioError):
        load_scenario(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[scenario\nname=", encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(bad)
    assert info.value.key == "toml"


def test_rates_from_a_log_fit_the_mean_rate(tmp_path):
    import pandas as pd

    times = pd.date_range("2024-01-01", periods=24 * 28, freq="h", tz="Asia/Shanghai")
    log = pd.DataFrame({"reported_at": times.astype(str), "class": ["red"] * len(times)})
    log.to_csv(tmp_path / "log.csv", index=False)
    text = GOOD.replace("rate_per_hour = 1.5", 'from_log = "log.csv"')
    (tmp_path / "s.toml").write_text(text, encoding="utf-8")
    scenario = load_scenario(tmp_path / "s.toml")
    arrival = scenario.arrivals[0]
    assert arrival.rate_per_hour == pytest.approx(len(times) / (len(times) - 1))
    assert arrival.profile == pytest.approx((1.0,) * 24)


LINE = st.sampled_from(GOOD.strip().splitlines())
JUNK = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
VALUE = st.one_of(
    st.integers(-10**9, 10**9).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: str(f).replace("nan", "nan").replace("inf", "inf")),
    st.sampled_from(['"none"', '"demo"', "true", "[]", "[1, 2]", "{}", '"x"', "1979-05-27", "nan", "-inf"]),
)


@st.composite
def mutated(draw):
    lines = GOOD.strip().splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "value", "junk", "dup"]))
        if action == "drop":
            lines.pop(index)
        elif action == "value" and "=" in lines[index]:
            lines[index] = lines[index].split("=")[0] + "= " + draw(VALUE)
        elif action == "junk":
            lines.insert(index, draw(JUNK))
        else:
            lines.insert(index, draw(LINE))
        if not lines:
            break
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_malformed_files_raise_only_scenario_error(text):
    try:
        scenario = parse_scenario_text(text)
    except ScenarioError as exc:
        assert exc.key and exc.reason
    else:
        assert scenario.horizon_hours > 0


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_scenario_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "s.toml"
    path.write_bytes(data)
    with pytest.raises(ScenarioError):
        load_scenario(path)
