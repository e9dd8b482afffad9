"""The closed loop's stage table (cockpit/stages.py): durations, the choice of an entry, strict reading."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.stages import Duration, StageError, default_stages, parse_stages, quantile_duration


def fail(key: str, reason: str) -> StageError:
    return StageError(f"{key}: {reason}")


DURATIONS = [
    Duration("exponential", mean_minutes=20.0),
    Duration("lognormal", median_minutes=8.0, sigma=0.9),
    Duration("gamma", mean_minutes=30.0, shape=2.5),
    Duration("quantiles", values=(1.0, 4.0, 9.0, 30.0, 120.0)),
]


@pytest.mark.parametrize("duration", DURATIONS, ids=lambda d: d.dist)
def test_the_inverse_distribution_draws_have_the_stated_mean_and_invert_the_cdf(duration):
    u = (np.arange(200_000) + 0.5) / 200_000
    minutes = duration.at(u)
    assert minutes.mean() == pytest.approx(duration.mean, rel=0.02)
    assert np.all(np.diff(minutes) >= 0)  # monotone in u: common random numbers move times, not cases
    inner = minutes[1000:-1000:997]
    assert duration.cdf(inner) == pytest.approx(u[1000:-1000:997], abs=0.01)


@settings(max_examples=60, deadline=None)
@given(spent=st.floats(0.0, 200.0), u=st.floats(0.0, 0.999))
def test_the_remaining_time_is_never_negative_and_the_total_lies_beyond_the_time_spent(spent, u):
    duration = Duration("lognormal", median_minutes=30.0, sigma=0.8)
    left = duration.remaining(spent, u)
    assert left >= 0.0
    assert duration.remaining(spent, 0.0) <= left + 1e-9


def test_a_sample_becomes_quantiles_that_keep_its_median():
    sample = np.random.default_rng(1).lognormal(3.0, 0.5, 5000)
    fitted = quantile_duration(sample)
    assert fitted.at(np.array([0.5]))[0] == pytest.approx(np.median(sample), rel=0.01)


def test_the_entry_matching_most_selectors_wins_and_night_bands_wrap_midnight():
    stages = default_stages()
    day = stages.pick("accept", hour=10, risk="blue")
    night = stages.pick("accept", hour=23, risk="blue")
    early = stages.pick("accept", hour=3, risk="red")
    assert night.duration.mean == pytest.approx(3 * day.duration.mean)
    assert early.risk == "red" and early.hours == (22, 7)
    assert 0 in stages.bands and 22 in stages.bands and 7 in stages.bands


def test_a_table_written_is_read_back_the_same():
    stages = default_stages()
    again = parse_stages(stages.table(), fail)
    assert again.table() == stages.table()


@pytest.mark.parametrize(
    "table, key",
    [
        ({"accept": [{"dist": "lognormal", "median_minutes": 5}]}, "accept[0].sigma"),
        ({"accept": [{"dist": "normal"}]}, "accept[0].dist"),
        ({"accept": [{"hours": [7, 7], "dist": "fixed", "minutes": 3}]}, "accept[0].hours"),
        ({"work": [{"hours": [7, 9], "dist": "fixed", "minutes": 3}]}, "work[0].hours"),
        ({"reopen": [{"share": 1.5}]}, "reopen[0].share"),
        ({"accept": [{"risk": "purple", "dist": "fixed", "minutes": 3}]}, "accept[0].risk"),
        ({"acept": []}, "acept"),
        ({"ratings": {"on_time": [0.5, 0.5]}}, "ratings.on_time"),
        ({"travel": [{"dist": "quantiles", "minutes": [5, 3]}]}, "travel[0].minutes"),
    ],
)
def test_a_bad_stage_table_names_the_key(table, key):
    with pytest.raises(StageError, match=key.replace("[", r"\[").replace("]", r"\]")):
        parse_stages(table, fail)


def test_fitted_quantiles_keep_the_mean_of_a_long_tailed_sample():
    sample = np.random.default_rng(3).lognormal(6.0, 1.0, 3000)
    fitted = quantile_duration(sample)
    assert fitted.mean == pytest.approx(sample.mean(), rel=0.01)
    assert list(fitted.values) == sorted(fitted.values)
