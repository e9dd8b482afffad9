"""Helpers for the simulation ring: small abstract scenarios built in code."""

from __future__ import annotations

import pytest

from simulation.scenario import Scenario, parse_scenario


def queue_scenario(
    rates: list[float],
    servers: int,
    *,
    horizon_hours: float = 2000.0,
    warmup_hours: float = 200.0,
    mean_minutes: float = 60.0,
    policy: str = "priority_fcfs",
) -> Scenario:
    """A multi-class M/M/c scenario; class k is named ``k<k>`` with priority k + 1."""
    return parse_scenario(
        {
            "scenario": {"name": "queue", "horizon_hours": horizon_hours, "warmup_hours": warmup_hours, "street": "none"},
            "arrivals": [
                {"class": f"k{k}", "priority": k + 1, "process": "poisson", "rate_per_hour": rate}
                for k, rate in enumerate(rates)
            ],
            "service": {"dist": "exponential", "mean_minutes": mean_minutes},
            "staff": {"count": servers},
            "dispatch": {"policy": policy, "travel": "none"},
        }
    )


@pytest.fixture
def make_queue():
    return queue_scenario
