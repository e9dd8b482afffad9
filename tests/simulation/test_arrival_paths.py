"""The two arrival paths of the abstract queue agree with each other and with the rate (issue 19).

A constant-rate class takes a shortcut (a scaled unit-rate process); a shaped class maps the same
unit-rate process through its cumulative rate. Given the same stream, a flat shape must put the
arrivals at the same moments, so an error in either path's arithmetic shows as a difference.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from simulation.engine import arrival_times
from simulation.model import ArrivalClass, ServiceSpec

START = dt.date(2026, 3, 2)
SERVICE = ServiceSpec("exponential", mean_minutes=30.0)


def _times(arrival: ArrivalClass, horizon: float, day_factors=None) -> np.ndarray:
    return arrival_times(arrival, np.random.default_rng(7), horizon, START, day_factors)


@pytest.mark.parametrize("horizon", [90.0, 1000.5, 7 * 24 * 60.0])
def test_a_constant_rate_is_the_flat_profile_arrival_for_arrival(horizon):
    constant = ArrivalClass("blue", 1, 4.5, SERVICE)
    flat = ArrivalClass("blue", 1, 4.5, SERVICE, profile=(1.0,) * 24)
    assert constant.constant_rate and not flat.constant_rate
    a, b = _times(constant, horizon), _times(flat, horizon)
    assert len(a) == len(b) > 0
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-9)
    assert a.min() >= 0.0 and a.max() < horizon
    assert np.all(np.diff(a) >= 0)
    days = int(np.ceil(horizon / 1440))
    np.testing.assert_allclose(_times(constant, horizon, np.ones(days)), a, rtol=1e-9, atol=1e-9)


def test_the_count_follows_the_rate_over_a_long_horizon():
    # 4.5 an hour for 2,000 days: 216,000 expected, standard deviation 465 (0.2 %).
    times = _times(ArrivalClass("blue", 1, 4.5, SERVICE), 2000 * 1440.0)
    assert abs(len(times) - 216_000) < 4 * 465


def test_a_zero_hour_or_zero_day_gets_no_arrivals_and_the_rest_keep_their_rate():
    night_off = ArrivalClass("blue", 1, 6.0, SERVICE, profile=(0.0,) * 6 + (24 / 18,) * 18)
    times = _times(night_off, 400 * 1440.0)
    hours = (times // 60).astype(int) % 24
    assert not np.any(hours < 6)
    assert abs(len(times) - 6.0 * 24 * 400) < 4 * np.sqrt(6.0 * 24 * 400)
    factors = np.tile([1.0, 0.0], 200)
    days = (_times(ArrivalClass("blue", 1, 6.0, SERVICE), 400 * 1440.0, factors) // 1440).astype(int)
    assert np.all(days % 2 == 0)
    assert abs(len(days) - 6.0 * 24 * 200) < 4 * np.sqrt(6.0 * 24 * 200)
